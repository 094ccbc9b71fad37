#include "outline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../pipeline/rules/rules.h"

enum { MARK_ROMAN = 1, MARK_ARABIC, MARK_LETTER, MARK_BULLET };

/* How a line announces its place in the outline.  Each pattern is anchored at
 * the line start (\G) and ends where the line's own words begin. */
static const vb_rule_row outline_rows[] = {
    {"roman", "\\G[*_]{0,3}(?<label>[IVXLC]{1,6})[*_]{0,3}\\s*[.)/][*_]{0,3}(?:\\s+|\\z)", MARK_ROMAN, NULL,
     VB_RULE_CASED},
    {"dotted", "\\G[*_]{0,3}(?<label>[0-9]{1,2}(?:\\.[0-9]{1,2}){1,3})\\.?[*_]{0,3}(?:\\s+(?=\\S)|\\z)",
     MARK_ARABIC, NULL, 0},
    {"arabic", "\\G[*_]{0,3}(?<label>[0-9]{1,2})[*_]{0,3}\\s*[.)/][*_]{0,3}(?:\\s+(?=\\S)|\\z)", MARK_ARABIC,
     NULL, 0},
    {"letter", "\\G[*_]{0,3}(?<label>[a-zđ])\\s*[.)][*_]{0,3}\\s+", MARK_LETTER, NULL, VB_RULE_CASED},
    {"bullet", "\\G(?:[-+•*–—]|[_~](?=\\s)|\\p{Pd})\\s*(?=[\\p{L}\\p{N}(\"“])", MARK_BULLET, NULL, 0},
};
static const char *const outline_rows_examples[] = {
    "IV. TỔ CHỨC THỰC HIỆN", "2.1. Mục tiêu cụ thể",     "3) Giải pháp",
    "a) Sở Y tế chủ trì",    "- Tuyên truyền pháp luật",
};
_Static_assert(sizeof outline_rows_examples / sizeof *outline_rows_examples ==
                   sizeof outline_rows / sizeof *outline_rows,
               "an example for each row");

enum { OUTLINE_ROWS = sizeof outline_rows / sizeof outline_rows[0] };

struct vb_outline_rules {
    vb_ruleset rs;
    /* Bytes a line can begin with for row i to match (bit b of first[i]),
     * when PCRE2 knows them; the other rows are always tried. */
    uint8_t first[OUTLINE_ROWS][32];
    bool has_first[OUTLINE_ROWS];
    bool no_first; /* try every row (vb_outline_plain_scans, vb_outline_scan_check) */
};

/* A row "\GX" matches at a line start only where X does, so the bytes X's
 * matches can start with (PCRE2's own start bitmap of X, the analysis it
 * skips starts by) are the only first bytes of a line the row can match.
 * X is the row's text without its "\G", compiled with the row's options;
 * rows without a leading \G, or whose X has no bitmap (a first code unit,
 * or \p{Pd}, which PCRE2 does not map), get no filter. */
static vb_status first_bytes(vb_outline_rules *r, size_t i, char *err, size_t errlen) {
    const vb_rule_row *row = &outline_rows[i];
    if (strncmp(row->pattern, "\\G", 2) != 0) return VB_OK;
    pcre2_code *x =
        vb_rule_compile_opts(row->pattern + 2, row->flags, 0, false, err, errlen); /* inspected, never run */
    if (!x) return VB_E_REGEX;
    uint32_t type = 0;
    const uint8_t *bits = NULL;
    if (pcre2_pattern_info(x, PCRE2_INFO_FIRSTCODETYPE, &type) == 0 && type == 0 &&
        pcre2_pattern_info(x, PCRE2_INFO_FIRSTBITMAP, &bits) == 0 && bits) {
        memcpy(r->first[i], bits, sizeof r->first[i]);
        r->has_first[i] = true;
    }
    pcre2_code_free(x);
    return VB_OK;
}

vb_status vb_outline_open(vb_outline_rules **out, char *err, size_t errlen) {
    vb_outline_rules *r = calloc(1, sizeof *r);
    if (!r) return VB_E_NOMEM;
    vb_status s = vb_ruleset_compile(&r->rs, outline_rows, OUTLINE_ROWS, err, errlen);
    for (size_t i = 0; s == VB_OK && i < OUTLINE_ROWS; i++) s = first_bytes(r, i, err, errlen);
    if (s != VB_OK) {
        vb_outline_close(r);
        return s;
    }
    *out = r;
    return VB_OK;
}

void vb_outline_close(vb_outline_rules *r) {
    if (!r) return;
    vb_ruleset_free(&r->rs);
    free(r);
}

void vb_linev_free(vb_linev *v) {
    free(v->items);
    memset(v, 0, sizeof *v);
}

bool vb_scratch_room(void **items, size_t len, size_t *cap, size_t elem) {
    if (len < *cap) return true;
    size_t n = *cap ? *cap * 2 : 16;
    void *p = realloc(*items, n * elem);
    if (!p) return false;
    *items = p;
    *cap = n;
    return true;
}

static bool is_blank_at(const char *t, size_t i, size_t end, size_t *w) {
    unsigned char c = (unsigned char)t[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        *w = 1;
        return true;
    }
    if (c == 0xC2 && i + 1 < end && (unsigned char)t[i + 1] == 0xA0) { /* NBSP */
        *w = 2;
        return true;
    }
    return false;
}

static void trim(const char *t, size_t *s, size_t *e) {
    size_t w;
    while (*s < *e && is_blank_at(t, *s, *e, &w)) *s += w;
    while (*e > *s) {
        unsigned char c = (unsigned char)t[*e - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
            (*e)--;
        else if (c == 0xA0 && *e - 1 > *s && (unsigned char)t[*e - 2] == 0xC2)
            *e -= 2;
        else
            break;
    }
}

static int dotted_depth(const char *t, size_t s, size_t e) {
    int n = 0;
    for (size_t i = s; i < e; i++) n += t[i] == '.';
    return n;
}

static void classify(const vb_outline_rules *r, const char *text, vb_line *ln) {
    ln->body = ln->start;
    unsigned char b = (unsigned char)text[ln->start]; /* lines are not empty */
    for (size_t i = 0; i < OUTLINE_ROWS; i++) {       /* = r->rs.len: the table compiled whole */
        const size_t *ov;
        if (r->has_first[i] && !r->no_first && !(r->first[i][b / 8] >> (b % 8) & 1)) continue;
        if (!vb_rule_match(&r->rs, i, text, ln->end, ln->start, &ov, NULL)) continue;
        int tag = r->rs.rules[i].row->tag;
        ln->body = ov[1];
        if (tag == MARK_BULLET) {
            ln->kind = VB_LINE_BULLET;
            return;
        }
        size_t ls = 0, le = 0;
        vb_rule_group(&r->rs, i, "label", &ls, &le);
        ln->kind = VB_LINE_HEADING;
        ln->label_s = ls;
        ln->label_e = le;
        ln->rank = tag == MARK_ROMAN    ? VB_RANK_ROMAN
                   : tag == MARK_LETTER ? VB_RANK_LETTER
                                        : VB_RANK_ARABIC + dotted_depth(text, ls, le);
        return;
    }
}

vb_status vb_outline_scan(const vb_outline_rules *r, const char *text, size_t len, vb_linev *out) {
    memset(out, 0, sizeof *out);
    /* the open headings, innermost last; ranks are small so depth is bounded */
    size_t stack[16];
    size_t depth = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t e = nl ? (size_t)(nl - text) : len;
        vb_line ln = {.start = pos, .end = e, .parent = VB_NO_LINE};
        pos = nl ? e + 1 : len;
        trim(text, &ln.start, &ln.end);
        if (ln.start == ln.end) continue;
        classify(r, text, &ln);
        if (ln.kind == VB_LINE_HEADING)
            while (depth > 0 && out->items[stack[depth - 1]].rank >= ln.rank) depth--;
        ln.parent = depth > 0 ? stack[depth - 1] : VB_NO_LINE;
        if (!vb_scratch_room((void **)&out->items, out->len, &out->cap, sizeof *out->items)) {
            vb_linev_free(out);
            return VB_E_NOMEM;
        }
        out->items[out->len] = ln;
        if (ln.kind == VB_LINE_HEADING && depth < sizeof stack / sizeof stack[0]) stack[depth++] = out->len;
        out->len++;
    }
    return VB_OK;
}

void vb_outline_plain_scans(vb_outline_rules *r) {
    r->no_first = true;
    vb_ruleset_plain(&r->rs);
}

vb_status vb_outline_scan_check(vb_outline_rules *r, const char *text, size_t len, bool *same,
                                size_t *filtered) {
    vb_linev fast, full;
    *same = false;
    *filtered = 0;
    for (size_t i = 0; i < OUTLINE_ROWS; i++) *filtered += r->has_first[i];
    vb_status s = vb_outline_scan(r, text, len, &fast);
    if (s != VB_OK) return s;
    bool was = r->no_first;
    r->no_first = true;
    s = vb_outline_scan(r, text, len, &full);
    r->no_first = was;
    if (s != VB_OK) {
        vb_linev_free(&fast);
        return s;
    }
    *same = fast.len == full.len;
    for (size_t i = 0; *same && i < fast.len; i++) {
        const vb_line *x = &fast.items[i], *y = &full.items[i];
        *same = x->start == y->start && x->end == y->end && x->body == y->body && x->kind == y->kind &&
                x->rank == y->rank && x->parent == y->parent && x->label_s == y->label_s &&
                x->label_e == y->label_e;
    }
    vb_linev_free(&fast);
    vb_linev_free(&full);
    return VB_OK;
}

size_t vb_outline_section_end(const vb_linev *v, size_t h) {
    size_t i = h + 1;
    while (i < v->len && !(v->items[i].kind == VB_LINE_HEADING && v->items[i].rank <= v->items[h].rank)) i++;
    return i;
}

bool vb_outline_within(const vb_linev *v, size_t i, size_t h) {
    for (size_t p = v->items[i].parent; p != VB_NO_LINE; p = v->items[p].parent)
        if (p == h) return true;
    return false;
}

char *vb_outline_label_path(const vb_linev *v, size_t h, const char *text, vb_arena *a) {
    size_t chain[16];
    size_t n = 0;
    for (size_t p = h; p != VB_NO_LINE && n < sizeof chain / sizeof chain[0]; p = v->items[p].parent)
        chain[n++] = p;
    size_t total = 1;
    for (size_t i = 0; i < n; i++) total += v->items[chain[i]].label_e - v->items[chain[i]].label_s + 1;
    char *s = vb_arena_alloc(a, total);
    if (!s) return NULL;
    size_t k = 0;
    while (n-- > 0) {
        const vb_line *l = &v->items[chain[n]];
        size_t ll = l->label_e - l->label_s;
        /* "2" then "2.1": the dotted label already names its parent */
        if (n > 0) {
            const vb_line *child = &v->items[chain[n - 1]];
            if (child->label_e - child->label_s > ll && text[child->label_s + ll] == '.' &&
                memcmp(text + child->label_s, text + l->label_s, ll) == 0)
                continue;
        }
        if (k) s[k++] = '.';
        memcpy(s + k, text + l->label_s, l->label_e - l->label_s);
        k += l->label_e - l->label_s;
    }
    s[k] = '\0';
    return s;
}

/* The tables with their examples, for tests/unit/test_rule_examples.c. */
static const vb_rule_table rule_tables[] = {
    VB_RULE_TABLE("outline", outline_rows, outline_rows_examples),
};
const vb_rule_table *vb_outline_rule_tables(size_t *n) {
    *n = sizeof rule_tables / sizeof *rule_tables;
    return rule_tables;
}
