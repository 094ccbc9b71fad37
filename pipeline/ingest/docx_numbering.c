/* numbering.xml: list definitions and running counters, see docx_numbering.h. */
#include "docx_numbering.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    vb_docx_fmt fmt;
} fmt_names[] = {
    {"decimal", FMT_DECIMAL},
    {"decimalZero", FMT_DECIMAL_ZERO},
    {"upperRoman", FMT_UPPER_ROMAN},
    {"lowerRoman", FMT_LOWER_ROMAN},
    {"upperLetter", FMT_UPPER_LETTER},
    {"lowerLetter", FMT_LOWER_LETTER},
    {"bullet", FMT_BULLET},
    {"none", FMT_NONE},
};

static vb_docx_fmt parse_fmt(const char *v) {
    if (v)
        for (size_t i = 0; i < sizeof fmt_names / sizeof *fmt_names; i++)
            if (strcmp(v, fmt_names[i].name) == 0) return fmt_names[i].fmt;
    return FMT_DECIMAL; /* ordinal, cardinalText, decimalEnclosed…: digits are the honest fallback */
}

static int is(const char *name, const char *want) { return strcmp(name, want) == 0; }

static int level_attr(vb_xml *x) {
    const char *v = vb_xml_wattr(x, "ilvl");
    int n = v ? atoi(v) : 0;
    return n >= 0 && n < VB_DOCX_LEVELS ? n : -1;
}

static void lvl_init(vb_docx_lvl *l) {
    memset(l, 0, sizeof *l);
    l->restart = -1;
    l->start = 1;
}

/* What the parser is filling: an abstractNum level or a num's override level. */
typedef struct {
    size_t abs, num; /* index + 1, 0 none */
    int level;       /* -1 none */
    int ovr_level;   /* inside w:lvlOverride, -1 none */
} cursor;

static vb_docx_lvl *cur_lvl(vb_docx_numbering *nb, const cursor *c) {
    if (c->level < 0) return NULL;
    if (c->abs) return &nb->abstracts.items[c->abs - 1].lvl[c->level];
    if (c->num) return &nb->nums.items[c->num - 1].lvl_override[c->level];
    return NULL;
}

static int cmp_num(const void *a, const void *b) {
    int x = ((const vb_docx_num *)a)->id, y = ((const vb_docx_num *)b)->id;
    return (x > y) - (x < y);
}

static vb_docx_num *find_num(const vb_docx_numbering *nb, int id) {
    size_t lo = 0, hi = nb->nums.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int m = nb->nums.items[mid].id;
        if (m == id) {
            /* first of equal ids: Word uses the first definition */
            while (mid > 0 && nb->nums.items[mid - 1].id == id) mid--;
            return &nb->nums.items[mid];
        }
        if (m < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

static size_t find_abstract(const vb_docx_numbering *nb, int id) {
    for (size_t i = 0; i < nb->abstracts.len; i++)
        if (nb->abstracts.items[i].id == id) return i + 1;
    return 0;
}

static int has_levels(const vb_docx_abstract *ab) {
    for (int l = 0; l < VB_DOCX_LEVELS; l++)
        if (ab->lvl[l].defined) return 1;
    return 0;
}

/* num -> abstractNum, following numStyleLink through a numbering style. */
static void resolve(vb_docx_numbering *nb, const vb_docx_styles *styles) {
    if (nb->nums.len > 1) /* qsort(NULL, 0, …) is undefined */
        qsort(nb->nums.items, nb->nums.len, sizeof *nb->nums.items, cmp_num);
    for (size_t i = 0; i < nb->nums.len; i++) {
        vb_docx_num *n = &nb->nums.items[i];
        size_t ab = find_abstract(nb, n->abstract_id);
        for (int hop = 0; ab && hop < 4; hop++) {
            const vb_docx_abstract *a = &nb->abstracts.items[ab - 1];
            if (!a->style_link || has_levels(a)) break;
            const vb_docx_style *st = vb_docx_style_find(styles, a->style_link);
            const vb_docx_num *target = st && st->r_num_id > 0 ? find_num(nb, st->r_num_id) : NULL;
            size_t next = target ? find_abstract(nb, target->abstract_id) : 0;
            if (!next || next == ab) break;
            ab = next;
        }
        n->abstract = ab;
    }
}

static vb_status nomem(vb_docx_zip *z) {
    return vb_result_error(z->r, VB_E_NOMEM, "%s: no memory for numbering definitions", z->r->path);
}

typedef struct {
    vb_docx_numbering *nb;
    vb_docx_zip *z;
    vb_arena *a;
    cursor c;
    vb_status s;
} loader;

static int on_start(void *ctx, vb_xml *x, const vb_xml_elem *e) {
    loader *ld = ctx;
    if (!e->in_w) return VB_XML_GO;
    vb_docx_numbering *nb = ld->nb;
    vb_arena *a = ld->a;
    cursor *c = &ld->c;
    const char *n = e->local;
    int empty = e->empty;
    vb_docx_lvl *l = cur_lvl(nb, c);
    if (is(n, "pPr") || is(n, "rPr") || is(n, "numPicBullet")) return VB_XML_SKIP;
    if (is(n, "abstractNum")) {
        vb_docx_abstract ab;
        memset(&ab, 0, sizeof ab);
        const char *id = vb_xml_wattr(x, "abstractNumId");
        ab.id = atoi(id ? id : "-1");
        for (int k = 0; k < VB_DOCX_LEVELS; k++) lvl_init(&ab.lvl[k]);
        if (VB_PUSH(a, nb->abstracts, ab) != 0) {
            ld->s = nomem(ld->z);
            return VB_XML_STOP;
        }
        *c = (cursor){empty ? 0 : nb->abstracts.len, 0, -1, -1};
    } else if (is(n, "num")) {
        vb_docx_num nm;
        memset(&nm, 0, sizeof nm);
        const char *id = vb_xml_wattr(x, "numId");
        nm.id = id ? atoi(id) : -1;
        nm.abstract_id = -1;
        for (int k = 0; k < VB_DOCX_LEVELS; k++) {
            nm.start_override[k] = -1;
            lvl_init(&nm.lvl_override[k]);
        }
        if (VB_PUSH(a, nb->nums, nm) != 0) {
            ld->s = nomem(ld->z);
            return VB_XML_STOP;
        }
        *c = (cursor){0, empty ? 0 : nb->nums.len, -1, -1};
    } else if (is(n, "abstractNumId") && c->num) {
        nb->nums.items[c->num - 1].abstract_id = vb_xml_wval_int(x, -1);
    } else if (is(n, "lvlOverride") && c->num) {
        c->ovr_level = level_attr(x);
        if (empty) c->ovr_level = -1;
    } else if (is(n, "startOverride") && c->num && c->ovr_level >= 0) {
        vb_docx_num *nm = &nb->nums.items[c->num - 1];
        nm->start_override[c->ovr_level] = vb_xml_wval_int(x, 0);
        nm->has_override = true;
    } else if (is(n, "lvl") && (c->abs || (c->num && c->ovr_level >= 0))) {
        c->level = c->abs ? level_attr(x) : c->ovr_level;
        l = cur_lvl(nb, c);
        if (l) {
            l->defined = true;
            if (c->num) nb->nums.items[c->num - 1].has_override = true;
        }
        if (empty) c->level = -1;
    } else if (l) {
        if (is(n, "start")) {
            l->start = vb_xml_wval_int(x, 1);
        } else if (is(n, "numFmt")) {
            l->fmt = (unsigned char)parse_fmt(vb_xml_wattr(x, "val"));
        } else if (is(n, "lvlText")) {
            const char *v = vb_xml_wattr(x, "val");
            l->text = v ? vb_arena_strdup(a, v) : NULL;
        } else if (is(n, "lvlRestart")) {
            int v = vb_xml_wval_int(x, -1);
            l->restart = (signed char)(v == 0 ? -2 : v >= 1 && v <= VB_DOCX_LEVELS ? v - 1 : -1);
        } else if (is(n, "isLgl")) {
            l->legal = vb_xml_wval_on(x);
        } else if (is(n, "pStyle")) {
            const char *v = vb_xml_wattr(x, "val");
            l->pstyle = v ? vb_arena_strdup(a, v) : NULL;
        }
    } else if (c->abs && (is(n, "numStyleLink"))) {
        const char *v = vb_xml_wattr(x, "val");
        nb->abstracts.items[c->abs - 1].style_link = v ? vb_arena_strdup(a, v) : NULL;
    }
    return VB_XML_GO;
}

static int on_end(void *ctx, vb_xml *x, const vb_xml_elem *e) {
    (void)x;
    loader *ld = ctx;
    if (!e->in_w) return VB_XML_GO;
    const char *n = e->local;
    if (is(n, "lvl"))
        ld->c.level = -1;
    else if (is(n, "lvlOverride"))
        ld->c.ovr_level = -1;
    else if (is(n, "abstractNum") || is(n, "num"))
        ld->c = (cursor){0, 0, -1, -1};
    return VB_XML_GO;
}

vb_status vb_docx_numbering_load(vb_docx_numbering *nb, vb_docx_zip *z, zip_int64_t index,
                                 const vb_docx_styles *styles, const vb_limits *lim, vb_arena *a) {
    static const vb_xml_handler h = {on_start, on_end, NULL, NULL};
    memset(nb, 0, sizeof *nb);
    if (index < 0) return VB_OK;
    loader ld = {nb, z, a, {0, 0, -1, -1}, VB_OK};
    vb_status s = vb_xml_parse(z, index, "word/numbering.xml", lim, &h, &ld);
    if (ld.s != VB_OK) return ld.s;
    if (s != VB_OK) return s;
    resolve(nb, styles);
    return VB_OK;
}

static const vb_docx_lvl *effective_lvl(const vb_docx_num *n, const vb_docx_abstract *ab, int l) {
    return n->lvl_override[l].defined ? &n->lvl_override[l] : &ab->lvl[l];
}

static int level_start(const vb_docx_num *n, const vb_docx_abstract *ab, int l) {
    return n->start_override[l] >= 0 ? n->start_override[l] : effective_lvl(n, ab, l)->start;
}

int vb_docx_numbering_style_level(const vb_docx_numbering *nb, int num_id, const char *style_id) {
    const vb_docx_num *n = num_id > 0 ? find_num(nb, num_id) : NULL;
    if (!n || !n->abstract || !style_id) return -1;
    const vb_docx_abstract *ab = &nb->abstracts.items[n->abstract - 1];
    for (int l = 0; l < VB_DOCX_LEVELS; l++) {
        const char *p = effective_lvl(n, ab, l)->pstyle;
        if (p && strcmp(p, style_id) == 0) return l;
    }
    return -1;
}

static size_t put_roman(char *o, int v, int upper) {
    static const struct {
        int v;
        const char *s;
    } t[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
             {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    size_t n = 0;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        for (; v >= t[i].v; v -= t[i].v)
            for (const char *p = t[i].s; *p; p++) o[n++] = upper ? (char)(*p - 'a' + 'A') : *p;
    return n;
}

/* One counter in a format into o (room for at least 24 bytes). */
static size_t format_counter(char *o, int v, vb_docx_fmt fmt) {
    switch (fmt) {
    case FMT_NONE:
    case FMT_BULLET: return 0;
    case FMT_UPPER_ROMAN:
    case FMT_LOWER_ROMAN:
        if (v >= 1 && v < 4000 && v != 3888) /* 3888 is the one 15-letter numeral */
            return put_roman(o, v, fmt == FMT_UPPER_ROMAN);
        break;
    case FMT_UPPER_LETTER:
    case FMT_LOWER_LETTER:
        if (v >= 1) { /* A..Z, then AA..ZZ, AAA..: Word's letter repetition */
            size_t reps = (size_t)(v - 1) / 26 + 1;
            if (reps > 16) reps = 16;
            char ch = (char)((fmt == FMT_UPPER_LETTER ? 'A' : 'a') + (v - 1) % 26);
            memset(o, ch, reps);
            return reps;
        }
        break;
    case FMT_DECIMAL_ZERO: return (size_t)snprintf(o, 24, v >= 0 && v < 10 ? "0%d" : "%d", v);
    default: break;
    }
    return (size_t)snprintf(o, 24, "%d", v);
}

size_t vb_docx_numbering_next(vb_docx_numbering *nb, int num_id, int ilvl, char out[VB_DOCX_LABEL_MAX]) {
    out[0] = '\0';
    vb_docx_num *n = num_id > 0 ? find_num(nb, num_id) : NULL;
    if (!n || !n->abstract) return 0;
    if (ilvl < 0 || ilvl >= VB_DOCX_LEVELS) ilvl = 0;
    vb_docx_abstract *ab = &nb->abstracts.items[n->abstract - 1];
    if (!n->used) {
        n->used = true;
        for (int l = 0; n->has_override && l < VB_DOCX_LEVELS; l++)
            if (n->start_override[l] >= 0 || n->lvl_override[l].defined)
                for (int d = l; d < VB_DOCX_LEVELS; d++) ab->started[d] = false;
    }
    if (ab->started[ilvl]) {
        if (ab->counter[ilvl] < 1000000) ab->counter[ilvl]++;
    } else {
        ab->counter[ilvl] = level_start(n, ab, ilvl);
        ab->started[ilvl] = true;
    }
    for (int d = ilvl + 1; d < VB_DOCX_LEVELS; d++) {
        int r = effective_lvl(n, ab, d)->restart;
        if (r == -1 || (r >= 0 && ilvl <= r)) ab->started[d] = false;
    }

    const vb_docx_lvl *cur = effective_lvl(n, ab, ilvl);
    if (cur->fmt == FMT_BULLET) {
        /* a blank bullet (pandoc's continuation paragraphs) draws nothing */
        const char *b = cur->text ? cur->text : "";
        while (*b == ' ' || *b == '\t') b++;
        if (!*b) return 0;
        out[0] = '-';
        out[1] = '\0';
        return 1;
    }
    size_t len = 0;
    const char *t = cur->text ? cur->text : "";
    for (; *t && len + 24 < VB_DOCX_LABEL_MAX; t++) {
        if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
            int l = t[1] - '1';
            const vb_docx_lvl *lv = effective_lvl(n, ab, l);
            int v = ab->started[l] ? ab->counter[l] : level_start(n, ab, l);
            vb_docx_fmt f = (vb_docx_fmt)lv->fmt;
            if (cur->legal && f != FMT_NONE && f != FMT_BULLET) f = FMT_DECIMAL;
            len += format_counter(out + len, v, f);
            t++;
        } else {
            out[len++] = *t;
        }
    }
    if (*t) /* cut short: never end inside a UTF-8 sequence */
        while (len && ((unsigned char)out[len - 1] & 0x80)) {
            int lead = ((unsigned char)out[len - 1] & 0xC0) == 0xC0;
            len--;
            if (lead) break;
        }
    out[len] = '\0';
    /* a label of blanks is no label */
    size_t k = 0;
    while (k < len && (out[k] == ' ' || out[k] == '\t')) k++;
    if (k == len) {
        out[0] = '\0';
        return 0;
    }
    return len;
}
