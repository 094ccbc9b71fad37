/* styles.xml: numbering and heading level per style, see docx_styles.h. */
#include "docx_styles.h"

#include <string.h>
#include <strings.h>

static size_t hash_id(const char *s) {
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

const vb_docx_style *vb_docx_style_find(const vb_docx_styles *st, const char *id) {
    if (!id || !st->n_slots) return NULL;
    for (size_t i = hash_id(id) & (st->n_slots - 1);; i = (i + 1) & (st->n_slots - 1)) {
        size_t k = st->slots[i];
        if (!k) return NULL;
        if (strcmp(st->items[k - 1].id, id) == 0) return &st->items[k - 1];
    }
}

static int build_index(vb_docx_styles *st, vb_arena *a) {
    size_t n = 16;
    while (n < st->len * 2) n *= 2;
    st->slots = vb_arena_alloc(a, n * sizeof *st->slots);
    if (!st->slots) return -1;
    st->n_slots = n;
    for (size_t k = 0; k < st->len; k++) {
        if (vb_docx_style_find(st, st->items[k].id)) continue; /* first definition wins */
        size_t i = hash_id(st->items[k].id) & (n - 1);
        while (st->slots[i]) i = (i + 1) & (n - 1);
        st->slots[i] = k + 1;
    }
    return 0;
}

/* Inherit through basedOn; the hop bound also breaks cycles. */
static void resolve(vb_docx_styles *st) {
    for (size_t k = 0; k < st->len; k++) {
        vb_docx_style *s = &st->items[k];
        int num = -1, ilvl = -1, heading = -1;
        const vb_docx_style *c = s;
        for (int hop = 0; c && hop < 32; hop++) {
            if (num < 0) num = c->num_id;
            if (ilvl < 0) ilvl = c->ilvl;
            if (heading < 0) heading = c->heading;
            c = vb_docx_style_find(st, c->based_on);
        }
        s->r_num_id = num;
        s->r_ilvl = ilvl;
        s->r_heading = heading > 0 ? heading : 0;
    }
}

/* "heading 1".."heading 9", the built-in names Word stores in every language. */
static int heading_from_name(const char *name) {
    if (!name || strncasecmp(name, "heading", 7) != 0) return -1;
    const char *p = name + 7;
    if (*p == ' ') p++;
    if (p[0] >= '1' && p[0] <= '9' && p[1] == '\0') return p[0] - '0';
    return -1;
}

static int is(const char *name, const char *want) { return strcmp(name, want) == 0; }

typedef struct {
    vb_docx_styles *st;
    vb_docx_zip *z;
    vb_arena *a;
    vb_docx_style *cur; /* the style being read */
    size_t def;         /* default paragraph style: index + 1 */
    vb_status s;
} loader;

static int on_start(void *ctx, vb_xml *x, const vb_xml_elem *e) {
    loader *l = ctx;
    if (!e->in_w) return VB_XML_GO;
    const char *n = e->local;
    if (is(n, "docDefaults") || is(n, "latentStyles") || is(n, "rPr") || is(n, "tblPr") ||
        is(n, "tblStylePr") || is(n, "trPr") || is(n, "tcPr") || is(n, "pPrChange"))
        return VB_XML_SKIP;
    vb_docx_style *cur = l->cur;
    if (is(n, "style")) {
        vb_docx_styles *st = l->st;
        vb_docx_style blank = {0};
        blank.num_id = blank.ilvl = blank.heading = -1;
        const char *id = vb_xml_wattr(x, "styleId");
        const char *t = vb_xml_wattr(x, "type");
        const char *d = vb_xml_wattr(x, "default");
        int is_default =
            t && strcmp(t, "paragraph") == 0 && d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
        blank.id = vb_arena_strdup(l->a, id ? id : "");
        if (!blank.id || VB_PUSH(l->a, *st, blank) != 0) {
            l->s = vb_result_error(l->z->r, VB_E_NOMEM, "%s: no memory for styles", l->z->r->path);
            return VB_XML_STOP;
        }
        l->cur = &st->items[st->len - 1];
        if (is_default && !l->def) l->def = st->len;
        if (e->empty) l->cur = NULL;
    } else if (cur) {
        if (is(n, "name")) {
            int h = heading_from_name(vb_xml_wattr(x, "val"));
            if (h > 0 && cur->heading < 0) cur->heading = h;
        } else if (is(n, "basedOn")) {
            const char *v = vb_xml_wattr(x, "val");
            cur->based_on = v ? vb_arena_strdup(l->a, v) : NULL;
        } else if (is(n, "numId")) {
            cur->num_id = vb_xml_wval_int(x, -1);
        } else if (is(n, "ilvl")) {
            int v = vb_xml_wval_int(x, -1);
            cur->ilvl = v >= 0 && v <= 8 ? v : -1;
        } else if (is(n, "outlineLvl")) {
            int v = vb_xml_wval_int(x, -1);
            if (v >= 0 && v <= 8)
                cur->heading = v + 1;
            else if (v == 9)
                cur->heading = 0;
        }
    }
    return VB_XML_GO;
}

static int on_end(void *ctx, vb_xml *x, const vb_xml_elem *e) {
    (void)x;
    loader *l = ctx;
    if (l->cur && e->in_w && is(e->local, "style")) l->cur = NULL;
    return VB_XML_GO;
}

vb_status vb_docx_styles_load(vb_docx_styles *st, vb_docx_zip *z, zip_int64_t index, const vb_limits *lim,
                              vb_arena *a) {
    static const vb_xml_handler h = {on_start, on_end, NULL, NULL};
    memset(st, 0, sizeof *st);
    if (index < 0) return VB_OK;
    loader l = {st, z, a, NULL, 0, VB_OK};
    vb_status s = vb_xml_parse(z, index, "word/styles.xml", lim, &h, &l);
    if (l.s != VB_OK) return l.s;
    if (s != VB_OK) return s;
    if (build_index(st, a) != 0)
        return vb_result_error(z->r, VB_E_NOMEM, "%s: no memory for styles", z->r->path);
    resolve(st);
    if (l.def) st->default_para = &st->items[l.def - 1];
    return VB_OK;
}
