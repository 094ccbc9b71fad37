#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pcre2_code *vb_rule_compile_opts(const char *pattern, unsigned flags, uint32_t extra, bool jit, char *err,
                                 size_t errlen) {
    int ec;
    PCRE2_SIZE eo;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | extra;
    if (!(flags & VB_RULE_CASED)) opts |= PCRE2_CASELESS;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
    if (!c) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        if (err) snprintf(err, errlen, "at offset %zu: %s", (size_t)eo, (const char *)msg);
        return NULL;
    }
    /* JIT is an accelerator: if the platform lacks it the interpreter still works. */
    if (jit) (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    return c;
}

pcre2_code *vb_rule_compile_one(const char *pattern, unsigned flags, char *err, size_t errlen) {
    return vb_rule_compile_opts(pattern, flags, 0, true, err, errlen);
}

vb_status vb_ruleset_compile(vb_ruleset *rs, const vb_rule_row *rows, size_t n, char *err, size_t errlen) {
    return vb_ruleset_compile_opts(rs, rows, n, NULL, err, errlen);
}

vb_status vb_ruleset_compile_opts(vb_ruleset *rs, const vb_rule_row *rows, size_t n, const uint32_t *extra,
                                  char *err, size_t errlen) {
    memset(rs, 0, sizeof *rs);
    rs->rules = calloc(n ? n : 1, sizeof *rs->rules);
    if (!rs->rules) return VB_E_NOMEM;
    uint32_t max_pairs = 1;
    for (size_t i = 0; i < n; i++) {
        char e[300];
        rs->rules[i].row = &rows[i];
        rs->rules[i].code =
            vb_rule_compile_opts(rows[i].pattern, rows[i].flags, extra ? extra[i] : 0, true, e, sizeof e);
        rs->len = i + 1;
        if (!rs->rules[i].code) {
            if (err) snprintf(err, errlen, "rule %s: %s", rows[i].name, e);
            vb_ruleset_free(rs);
            return VB_E_REGEX;
        }
        uint32_t cap = 0;
        pcre2_pattern_info(rs->rules[i].code, PCRE2_INFO_CAPTURECOUNT, &cap);
        if (cap + 1 > max_pairs) max_pairs = cap + 1;
    }
    rs->md = pcre2_match_data_create(max_pairs, NULL);
    if (!rs->md) {
        vb_ruleset_free(rs);
        return VB_E_NOMEM;
    }
    return VB_OK;
}

static void scan_free(struct vb_rule_scan *sc);

void vb_ruleset_free(vb_ruleset *rs) {
    if (!rs) return;
    for (size_t i = 0; i < rs->len; i++) {
        pcre2_code_free(rs->rules[i].code);
        pcre2_code_free(rs->rules[i].at_code);
    }
    free(rs->rules);
    pcre2_match_data_free(rs->md);
    pcre2_match_context_free(rs->at_ctx);
    scan_free(rs->scan);
    memset(rs, 0, sizeof *rs);
}

vb_status vb_rule_table_check(const vb_rule_table *t, char *err, size_t errlen) {
    vb_ruleset rs;
    vb_status st = vb_ruleset_compile(&rs, t->rows, t->n, err, errlen);
    if (st != VB_OK) return st;
    for (size_t i = 0; i < t->n && st == VB_OK; i++) {
        const char *ex = t->examples[i];
        if (!ex || !vb_rule_match(&rs, i, ex, strlen(ex), 0, NULL, NULL)) {
            snprintf(err, errlen, "%s: row %zu (%s) does not match its example \"%s\"", t->name, i,
                     t->rows[i].name, ex ? ex : "(none)");
            st = VB_E_REGEX;
        }
    }
    vb_ruleset_free(&rs);
    return st;
}

vb_status vb_rulesets_compile(const vb_ruleset_spec *specs, size_t n, char *err, size_t errlen) {
    vb_status st = VB_OK;
    for (size_t i = 0; i < n && st == VB_OK; i++)
        st = vb_ruleset_compile(specs[i].rs, specs[i].rows, specs[i].n, err, errlen);
    return st;
}

bool vb_rule_match(const vb_ruleset *rs, size_t i, const char *subject, size_t len, size_t start,
                   const size_t **ovector, int *npairs) {
    if (i >= rs->len || start > len) return false;
    int rc = pcre2_match(rs->rules[i].code, (PCRE2_SPTR)subject, len, start, 0, rs->md, NULL);
    if (rc <= 0) return false;
    if (ovector) *ovector = pcre2_get_ovector_pointer(rs->md);
    if (npairs) *npairs = rc;
    return true;
}

bool vb_rule_group(const vb_ruleset *rs, size_t i, const char *name, size_t *s, size_t *e) {
    if (i >= rs->len) return false;
    int n = pcre2_substring_number_from_name(rs->rules[i].code, (PCRE2_SPTR)name);
    if (n < 0) return false;
    const size_t *ov = pcre2_get_ovector_pointer(rs->md);
    uint32_t count = pcre2_get_ovector_count(rs->md);
    if ((uint32_t)n >= count || ov[2 * n] == PCRE2_UNSET) return false;
    *s = ov[2 * n];
    *e = ov[2 * n + 1];
    return true;
}

bool vb_rule_match_at(const vb_ruleset *rs, size_t i, const char *subject, size_t len, size_t start,
                      const size_t **ovector, int *npairs) {
    const size_t *ov;
    if (i < rs->len && rs->rules[i].at_code && start <= len) {
        /* the offset limit: a match must start at `start`, no later */
        pcre2_set_offset_limit(rs->at_ctx, start);
        int rc = pcre2_match(rs->rules[i].at_code, (PCRE2_SPTR)subject, len, start, 0, rs->md, rs->at_ctx);
        if (rc == PCRE2_ERROR_NOMATCH) return false;
        if (rc > 0) {
            if (ovector) *ovector = pcre2_get_ovector_pointer(rs->md);
            if (npairs) *npairs = rc;
            return true;
        }
        /* a PCRE2 error (a limit): the plain search decides */
    }
    /* Not PCRE2_ANCHORED, which JIT code does not take (PCRE2 would run the
     * interpreter): the search from `start` tries `start` first, so when the
     * rule matches there this is that match. */
    if (!vb_rule_match(rs, i, subject, len, start, &ov, npairs) || ov[0] != start) return false;
    if (ovector) *ovector = ov;
    return true;
}

/* ---- one pass for every row ---- */

size_t vb_rule_next_start(const char *t, size_t len, size_t s, size_t e) {
    if (e > s) return e;
    size_t k = s + 1;
    while (k < len && ((unsigned char)t[k] & 0xC0) == 0x80) k++;
    return k;
}

static bool hits_push(vb_rule_hits *h, size_t row, size_t s, size_t e) {
    if (e - s > UINT32_MAX || row > UINT32_MAX) return false;
    if (h->len == h->cap) {
        size_t n = h->cap ? h->cap * 2 : 64;
        vb_rule_hit *p = realloc(h->items, n * sizeof *p);
        if (!p) return false;
        h->items = p;
        h->cap = n;
    }
    h->items[h->len++] = (vb_rule_hit){.start = s, .len = (uint32_t)(e - s), .row = (uint32_t)row};
    return true;
}

void vb_rule_hits_free(vb_rule_hits *h) {
    if (!h) return;
    free(h->items);
    memset(h, 0, sizeof *h);
}

/* Whether `name` (after \k: <name>, 'name' or {name}) names a group of no
 * row but `self`, so that it means the same group in the one-pass pattern,
 * where names may repeat across rows. */
static bool name_own(const vb_ruleset *rs, size_t self, const char *p) {
    char close = *p == '<' ? '>' : *p == '\'' ? '\'' : *p == '{' ? '}' : 0;
    if (!close) return false;
    char name[64];
    size_t n = 0;
    for (p++; *p && *p != close; p++) {
        if (n + 1 >= sizeof name) return false;
        name[n++] = *p;
    }
    if (*p != close || n == 0) return false;
    name[n] = '\0';
    for (size_t j = 0; j < rs->len; j++)
        if (j != self &&
            pcre2_substring_number_from_name(rs->rules[j].code, (PCRE2_SPTR)name) != PCRE2_ERROR_NOSUBSTRING)
            return false;
    return true;
}

/* Whether row `self` means the same as an alternative (?>row) of the
 * one-pass pattern.  A row means something else there if it depends on the
 * start offset (\G), moves the match start (\K), refers to groups by number
 * (numbers shift) or by a name another row also uses, or controls the whole
 * match (verbs, callouts, recursion, conditions).  The reading is
 * conservative: a construct inside a class or comment may refuse a row that
 * was fine, never the reverse. */
static bool row_shareable(const vb_ruleset *rs, size_t self) {
    const char *p = rs->rules[self].row->pattern;
    for (; *p; p++) {
        if (*p == '\\') {
            char c = p[1];
            if (!c || (c >= '1' && c <= '9') || strchr("gGKQ", c)) return false;
            if (c == 'k' && !name_own(rs, self, p + 2)) return false;
            p++;
            if (c == 'c' && p[1]) p++; /* \cX takes any X, a backslash too */
        } else if (*p == '(' && p[1] == '*') {
            return false;
        } else if (*p == '(' && p[1] == '?') {
            char c = p[2];
            if (c == '#') { /* a comment ends at the first ')', escapes or not */
                const char *q = strchr(p + 3, ')');
                if (!q) return false;
                p = q;
            } else if (c == '&' || c == 'R' || c == '(' || c == 'C' || c == '+' || (c >= '0' && c <= '9') ||
                       (c == 'P' && (p[3] == '=' || p[3] == '>')) ||
                       (c == '-' && p[3] >= '0' && p[3] <= '9')) {
                return false;
            }
        }
    }
    return true;
}

/* One shared pass: its pattern and the rows it finds. */
typedef struct {
    pcre2_code *code;
    uint64_t rows;
} scan_pass;

struct vb_rule_scan {
    scan_pass *passes;
    size_t n_passes;
    uint64_t shared;          /* rows some pass finds */
    pcre2_match_context *ctx; /* the callout, per ruleset (one thread) */
    size_t *next;             /* per row: where its next match may start */
};

static void scan_free(struct vb_rule_scan *sc) {
    if (!sc) return;
    for (size_t k = 0; k < sc->n_passes; k++) pcre2_code_free(sc->passes[k].code);
    free(sc->passes);
    pcre2_match_context_free(sc->ctx);
    free(sc->next);
    free(sc);
}

enum { SCAN_MAX_ROWS = 64 }; /* a part names its rows by the bits of a uint64_t */

/* Whether e is one lookaround assertion and nothing else: (?<!…), (?<=…),
 * (?!…) or (?=…) holding no group, no class inside a class and no \Q, so
 * that its first unescaped ')' outside a class closes it.  Such an
 * assertion captures nothing, and leaving it out where it is known to hold
 * changes no match (rules.h). */
static bool edge_ok(const char *e) {
    size_t k;
    if (strncmp(e, "(?<!", 4) == 0 || strncmp(e, "(?<=", 4) == 0)
        k = 4;
    else if (strncmp(e, "(?!", 3) == 0 || strncmp(e, "(?=", 3) == 0)
        k = 3;
    else
        return false;
    bool in_class = false;
    for (; e[k]; k++) {
        char c = e[k];
        if (c == '\\') {
            if (!e[k + 1] || e[k + 1] == 'Q' || e[k + 1] == 'E') return false;
            k++;
        } else if (in_class) {
            if (c == '[') return false;
            if (c == ']') in_class = false;
        } else if (c == '[') {
            in_class = true;
            if (e[k + 1] == '^') k++;
            if (e[k + 1] == ']') k++; /* a ']' first in a class is itself */
        } else if (c == '(') {
            return false;
        } else if (c == ')') {
            return e[k + 1] == '\0';
        }
    }
    return false;
}

/* The row's pattern in a pass with this edge: without the edge's text when
 * the row is caseless (the edge is tested caseless at the top of the pass)
 * and begins with exactly that text, not followed by a quantifier (which
 * would apply to it). */
static const char *row_in_pass(const vb_rule_row *r, const char *edge) {
    size_t n = edge ? strlen(edge) : 0;
    if (!n || (r->flags & VB_RULE_CASED) || strncmp(r->pattern, edge, n) != 0) return r->pattern;
    char next = r->pattern[n];
    if (next == '?' || next == '*' || next == '+' || next == '{') return r->pattern;
    return r->pattern + n;
}

/* The bytes a match of row i can start with, from PCRE2's own start
 * analysis of the row (sound: PCRE2 skips the other starts itself): its
 * first code unit, with the other ASCII case when the row is caseless, or
 * its start bitmap.  False when PCRE2 knows neither, or a byte is one no
 * whole character starts with (a class could not name it), or the first
 * code unit is one whose caseless forms are not all ASCII (k, s) or not
 * ASCII at all. */
static bool row_first_bytes(const vb_rule *r, uint8_t set[32]) {
    uint32_t type = 0;
    memset(set, 0, 32);
    if (pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0) return false;
    if (type == 1) {
        uint32_t cu = 0;
        if (pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODEUNIT, &cu) != 0 || cu >= 0x80) return false;
        bool caseless = !(r->row->flags & VB_RULE_CASED);
        uint32_t lower = cu | 0x20;
        if (caseless && (lower == 'k' || lower == 's')) return false;
        set[cu / 8] |= (uint8_t)(1u << (cu % 8));
        if (caseless && lower >= 'a' && lower <= 'z') {
            set[lower / 8] |= (uint8_t)(1u << (lower % 8));
            set[(lower & ~0x20u) / 8] |= (uint8_t)(1u << ((lower & ~0x20u) % 8));
        }
        return true;
    }
    const uint8_t *bits = NULL;
    if (type != 0 || pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP, &bits) != 0 || !bits) return false;
    for (unsigned b = 0x80; b < 0x100; b++)
        if ((bits[b / 8] >> (b % 8) & 1) && (b < 0xC2 || b > 0xF4)) return false;
    memcpy(set, bits, 32);
    for (unsigned k = 0; k < 32; k++)
        if (set[k]) return true;
    return false; /* no start byte: nothing to build a class from */
}

enum { CLASS_MAX = 8 + 256 * 24 }; /* the longest class first_class writes */

/* A lookahead for a character whose first byte is in set: ASCII bytes as
 * themselves, a lead byte as the range of code points UTF-8 begins with it
 * (surrogates left out).  Under the pass's caseless option the class may
 * take more, never less. */
static size_t first_class(const uint8_t set[32], char *out, size_t cap) {
    size_t w = (size_t)snprintf(out, cap, "(?=[");
    for (unsigned b = 0; b < 0x100 && w < cap; b++) {
        if (!(set[b / 8] >> (b % 8) & 1)) continue;
        uint32_t lo, hi;
        if (b < 0x80)
            lo = hi = b;
        else if (b < 0xE0)
            lo = (b & 0x1Fu) << 6, hi = lo + 0x3F;
        else if (b == 0xE0)
            lo = 0x800, hi = 0xFFF;
        else if (b == 0xED)
            lo = 0xD000, hi = 0xD7FF;
        else if (b < 0xF0)
            lo = (b & 0x0Fu) << 12, hi = lo + 0xFFF;
        else if (b == 0xF0)
            lo = 0x10000, hi = 0x3FFFF;
        else if (b < 0xF4)
            lo = (b & 0x07u) << 18, hi = lo + 0x3FFFF;
        else
            lo = 0x100000, hi = 0x10FFFF;
        w += (size_t)snprintf(out + w, cap - w, lo == hi ? "\\x{%X}" : "\\x{%X}-\\x{%X}", lo, hi);
    }
    if (w < cap) w += (size_t)snprintf(out + w, cap - w, "])");
    return w;
}

/* The shared pattern of the shareable rows of `rows` (kept in *used), or
 * NULL: edge(?=guard)(?:(?=[first])(?:(?>row)(?C<row + 1>)|…)|…), cased
 * rows inside (?-i:…), rows grouped by the bytes they can start with. */
static pcre2_code *pass_compile(const vb_ruleset *rs, uint64_t rows, const char *guard, const char *edge,
                                uint64_t *used) {
    *used = 0;
    size_t need = 32 + (guard ? strlen(guard) : 0) + (edge ? strlen(edge) : 0);
    uint8_t(*first)[32] = calloc(SCAN_MAX_ROWS, 32);
    uint64_t known = 0, done = 0;
    if (!first) return NULL;
    for (size_t i = 0; i < rs->len && i < SCAN_MAX_ROWS; i++)
        if ((rows >> i & 1) && row_shareable(rs, i)) {
            *used |= (uint64_t)1 << i;
            need += strlen(rs->rules[i].row->pattern) + 32 + CLASS_MAX + 8;
            if (row_first_bytes(&rs->rules[i], first[i])) known |= (uint64_t)1 << i;
        }
    char *u = *used ? malloc(need) : NULL;
    if (!u) {
        free(first);
        *used = 0;
        return NULL;
    }
    size_t w = (size_t)snprintf(u, need, "%s%s%s%s(?:", edge ? edge : "", guard ? "(?=" : "",
                                guard ? guard : "", guard ? ")" : "");
    for (size_t i = 0; i < rs->len && i < SCAN_MAX_ROWS; i++) {
        if (!(*used >> i & 1) || (done >> i & 1)) continue;
        bool group = known >> i & 1;
        if (done) w += (size_t)snprintf(u + w, need - w, "|");
        if (group) {
            w += first_class(first[i], u + w, need - w);
            w += (size_t)snprintf(u + w, need - w, "(?:");
        }
        /* row i, and with it every later row starting with the same bytes */
        for (size_t j = i; j < rs->len && j < SCAN_MAX_ROWS; j++) {
            if (!(*used >> j & 1) || (done >> j & 1)) continue;
            if (j != i && !(group && (known >> j & 1) && memcmp(first[i], first[j], 32) == 0)) continue;
            const vb_rule_row *r = rs->rules[j].row;
            bool cased = r->flags & VB_RULE_CASED;
            w += (size_t)snprintf(u + w, need - w, "%s(?>%s%s%s)(?C%zu)", j == i ? "" : "|",
                                  cased ? "(?-i:" : "", row_in_pass(r, edge), cased ? ")" : "", j + 1);
            done |= (uint64_t)1 << j;
        }
        if (group) w += (size_t)snprintf(u + w, need - w, ")");
    }
    snprintf(u + w, need - w, ")");
    free(first);
    int ec;
    PCRE2_SIZE eo;
    /* the rows' own options (vb_rule_compile_one); names may repeat across rows */
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_CASELESS | PCRE2_DUPNAMES;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)u, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
    free(u);
    if (!c) {
        *used = 0;
        return NULL;
    }
    (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    return c;
}

vb_status vb_ruleset_prepare_scan(vb_ruleset *rs, const vb_scan_part *parts, size_t n) {
    uint64_t seen = 0;
    for (size_t k = 0; k < n; k++) {
        if ((seen & parts[k].rows) || (rs->len < SCAN_MAX_ROWS && parts[k].rows >> rs->len) ||
            (parts[k].edge && !edge_ok(parts[k].edge)))
            return VB_E_INTERNAL;
        seen |= parts[k].rows;
    }
    scan_free(rs->scan);
    rs->scan = NULL;
    if (n == 0) return VB_OK;
    struct vb_rule_scan *sc = calloc(1, sizeof *sc);
    if (!sc || !(sc->passes = calloc(n, sizeof *sc->passes)) ||
        !(sc->ctx = pcre2_match_context_create(NULL)) || !(sc->next = calloc(rs->len, sizeof *sc->next))) {
        scan_free(sc);
        return VB_E_NOMEM;
    }
    for (size_t k = 0; k < n; k++) {
        uint64_t used;
        pcre2_code *c = pass_compile(rs, parts[k].rows, parts[k].guard, parts[k].edge, &used);
        if (!c) continue; /* its rows are scanned alone */
        sc->passes[sc->n_passes++] = (scan_pass){c, used};
        sc->shared |= used;
    }
    rs->scan = sc;
    return VB_OK;
}

size_t vb_ruleset_scan_shared(const vb_ruleset *rs) {
    size_t n = 0;
    for (uint64_t b = rs->scan ? rs->scan->shared : 0; b; b &= b - 1) n++;
    return n;
}

static int hit_cmp(const void *pa, const void *pb) {
    const vb_rule_hit *a = pa, *b = pb;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

/* Row i on its own: the loop of the contract. */
static bool scan_row(const vb_ruleset *rs, size_t i, const char *subject, size_t len, vb_rule_hits *out) {
    size_t pos = 0;
    const size_t *ov;
    while (pos <= len && vb_rule_match(rs, i, subject, len, pos, &ov, NULL)) {
        if (!hits_push(out, i, ov[0], ov[1])) return false;
        pos = vb_rule_next_start(subject, len, ov[0], ov[1]);
    }
    return true;
}

vb_status vb_ruleset_scan_rows(const vb_ruleset *rs, const char *subject, size_t len, vb_rule_hits *out) {
    out->len = 0;
    for (size_t i = 0; i < rs->len; i++)
        if (!scan_row(rs, i, subject, len, out)) return VB_E_NOMEM;
    if (out->len > 1) qsort(out->items, out->len, sizeof *out->items, hit_cmp);
    return VB_OK;
}

typedef struct {
    const char *t;
    size_t len;
    size_t *next;
    size_t n;
    vb_rule_hits *out;
    bool oom;
} scan_state;

/* Called when row (callout_number - 1) has matched from start_match to
 * current_position.  That is the row's own match at this start: (?>…) keeps
 * the first way the row matches, and the row has nothing after it.  PCRE2
 * visits starts in increasing order, so the row-by-row loop, which searches
 * again from the end of its last match, would have found exactly the ones
 * at or after next[row].  Then fail, so that PCRE2 goes on to the next row
 * and the next start. */
static int scan_callout(pcre2_callout_block *cb, void *data) {
    scan_state *st = data;
    size_t row = cb->callout_number - 1, s = cb->start_match, e = cb->current_position;
    if (row >= st->n || s < st->next[row]) return 1;
    if (!hits_push(st->out, row, s, e)) {
        st->oom = true;
        return PCRE2_ERROR_NOMEMORY;
    }
    st->next[row] = vb_rule_next_start(st->t, st->len, s, e);
    return 1;
}

/* Drop the hits of `rows` (a pass that stopped half-way). */
static void hits_drop(vb_rule_hits *h, uint64_t rows) {
    size_t w = 0;
    for (size_t k = 0; k < h->len; k++)
        if (!(h->items[k].row < SCAN_MAX_ROWS && (rows >> h->items[k].row & 1))) h->items[w++] = h->items[k];
    h->len = w;
}

vb_status vb_ruleset_scan(const vb_ruleset *rs, const char *subject, size_t len, vb_rule_hits *out) {
    const struct vb_rule_scan *sc = rs->scan;
    if (!sc) return vb_ruleset_scan_rows(rs, subject, len, out);
    out->len = 0;
    uint64_t alone = ~sc->shared;
    memset(sc->next, 0, rs->len * sizeof *sc->next);
    scan_state st = {subject, len, sc->next, rs->len, out, false};
    pcre2_set_callout(sc->ctx, scan_callout, &st);
    for (size_t k = 0; k < sc->n_passes; k++) {
        int rc = pcre2_match(sc->passes[k].code, (PCRE2_SPTR)subject, len, 0, 0, rs->md, sc->ctx);
        if (st.oom) return VB_E_NOMEM;
        if (rc == PCRE2_ERROR_NOMATCH) continue;
        /* A limit (match, JIT stack) stopped the pass.  PCRE2 counts the
         * match limit per start, and the pass does at each start at least
         * the work of each of its rows there, so a row may have stopped on
         * its own too: let the rows run alone, as they always did. */
        hits_drop(out, sc->passes[k].rows);
        alone |= sc->passes[k].rows;
    }
    for (size_t i = 0; i < rs->len; i++)
        if ((i >= SCAN_MAX_ROWS || (alone >> i & 1)) && !scan_row(rs, i, subject, len, out))
            return VB_E_NOMEM;
    if (out->len > 1) qsort(out->items, out->len, sizeof *out->items, hit_cmp);
    return VB_OK;
}

/* ---- cursors ---- */

/* A row may use the memchr path when the starts PCRE2 tries do not change
 * what it matches at a start (row_shareable: no \G, \K, verbs, callouts…)
 * and PCRE2 knows a start bitmap (no fixed first code unit: that one it
 * finds with its own memchr) holding a few ASCII bytes only.  An ASCII
 * byte is a character of its own in any UTF-8, valid or not, so each one
 * is a start PCRE2 would try. */
vb_status vb_ruleset_prepare_at(vb_ruleset *rs, size_t i) {
    if (i >= rs->len || rs->rules[i].at_code) return VB_OK;
    vb_rule *r = &rs->rules[i];
    if (!rs->at_ctx && !(rs->at_ctx = pcre2_match_context_create(NULL))) return VB_E_NOMEM;
    /* the row's own options; USE_OFFSET_LIMIT changes no match */
    r->at_code = vb_rule_compile_opts(r->row->pattern, r->row->flags, PCRE2_USE_OFFSET_LIMIT, true, NULL, 0);
    return r->at_code ? VB_OK : VB_E_REGEX;
}

vb_status vb_ruleset_prepare_cursor(vb_ruleset *rs, size_t i) {
    if (i >= rs->len || rs->rules[i].n_first) return VB_OK;
    vb_rule *r = &rs->rules[i];
    uint32_t type = 0;
    const uint8_t *bits = NULL;
    if (!row_shareable(rs, i) || pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTCODETYPE, &type) != 0 ||
        type != 0 || pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP, &bits) != 0 || !bits)
        return VB_OK;
    unsigned char first[VB_RULE_FIRST_MAX];
    size_t n = 0;
    for (unsigned b = 0; b < 256; b++) {
        if (!(bits[b / 8] >> (b % 8) & 1)) continue;
        if (b >= 0x80 || n == VB_RULE_FIRST_MAX) return VB_OK;
        first[n++] = (unsigned char)b;
    }
    if (n == 0) return VB_OK;
    vb_status s = vb_ruleset_prepare_at(rs, i);
    if (s != VB_OK) return s;
    memcpy(r->first, first, n);
    r->n_first = (unsigned char)n;
    return VB_OK;
}

vb_status vb_ruleset_prepare_cursor_edge(vb_ruleset *rs, size_t i, const char *not_after) {
    if (i >= rs->len) return VB_OK;
    uint64_t bits[2] = {0, 0};
    for (const unsigned char *c = (const unsigned char *)not_after; c && *c; c++) {
        if (*c >= 0x80) return VB_E_INTERNAL;
        bits[*c >> 6] |= (uint64_t)1 << (*c & 63);
    }
    vb_status s = vb_ruleset_prepare_cursor(rs, i);
    if (s == VB_OK) memcpy(rs->rules[i].not_after, bits, sizeof bits);
    return s;
}

void vb_ruleset_plain(vb_ruleset *rs) {
    for (size_t i = 0; i < rs->len; i++) {
        pcre2_code_free(rs->rules[i].at_code);
        rs->rules[i].at_code = NULL;
        rs->rules[i].n_first = 0;
        memset(rs->rules[i].not_after, 0, sizeof rs->rules[i].not_after);
    }
    scan_free(rs->scan);
    rs->scan = NULL;
}

bool vb_rule_cursor_fast(const vb_ruleset *rs, size_t i) { return i < rs->len && rs->rules[i].n_first; }

int vb_rule_try_at(const vb_ruleset *rs, size_t i, const char *s, size_t len, size_t p,
                   const size_t **ovector) {
    if (i >= rs->len || !rs->rules[i].at_code || p > len) return PCRE2_ERROR_NULL;
    /* the offset limit: a match must start at p, no later */
    pcre2_set_offset_limit(rs->at_ctx, p);
    int rc = pcre2_match(rs->rules[i].at_code, (PCRE2_SPTR)s, len, p, 0, rs->md, rs->at_ctx);
    if (rc > 0) {
        if (ovector) *ovector = pcre2_get_ovector_pointer(rs->md);
        return 1;
    }
    return rc == PCRE2_ERROR_NOMATCH ? 0 : rc;
}

void vb_rule_cursor_init(vb_rule_cursor *c, const vb_ruleset *rs, size_t i, const char *subject, size_t len) {
    memset(c, 0, sizeof *c);
    c->rs = rs;
    c->row = i;
    c->subject = subject;
    c->len = len;
}

/* The first byte at or after pos that a match can start with, or len. */
static size_t cursor_candidate(vb_rule_cursor *c, const vb_rule *r, size_t pos) {
    size_t best = c->len;
    for (size_t k = 0; k < r->n_first; k++) {
        /* next[k] was the first occurrence at or after from <= pos: still
         * the first at or after pos unless it lies before pos */
        if (!c->known || c->next[k] < pos) {
            const char *hit = memchr(c->subject + pos, r->first[k], c->len - pos);
            c->next[k] = hit ? (size_t)(hit - c->subject) : c->len;
        }
        if (c->next[k] < best) best = c->next[k];
    }
    c->known = true;
    c->from = pos;
    return best;
}

/* PCRE2 starts no match at a byte outside the row's start bitmap, and
 * what it matches at a start does not depend on where the search began
 * (no \G).  So the starts tried here in increasing order, each alone (the
 * offset limit), give the leftmost match from pos, which is what the
 * search from pos returns.  On a PCRE2 error (a limit) the plain search
 * from that start decides: no match starts between pos and it. */
bool vb_rule_cursor_next(vb_rule_cursor *c, size_t pos, const size_t **ovector) {
    const vb_ruleset *rs = c->rs;
    if (c->row >= rs->len || pos > c->len) return false;
    const vb_rule *r = &rs->rules[c->row];
    if (!r->n_first || (c->known && pos < c->from))
        return vb_rule_match(rs, c->row, c->subject, c->len, pos, ovector, NULL);
    for (;;) {
        size_t p = cursor_candidate(c, r, pos);
        if (p >= c->len) return false; /* a match holds its first byte */
        unsigned char before = p ? (unsigned char)c->subject[p - 1] : 0x80;
        if (before < 0x80 && (r->not_after[before >> 6] >> (before & 63) & 1)) {
            pos = p + 1; /* the row's lookbehind fails at p (prepare_cursor_edge) */
            continue;
        }
        int rc = vb_rule_try_at(rs, c->row, c->subject, c->len, p, ovector);
        if (rc > 0) return true;
        if (rc < 0) return vb_rule_match(rs, c->row, c->subject, c->len, p, ovector, NULL);
        pos = p + 1; /* p holds one ASCII character */
    }
}

vb_status vb_rule_alternation(vb_buf *out, const char *const *words, size_t n) {
    vb_buf_puts(out, "(?:");
    for (size_t i = 0; i < n; i++) {
        if (i) vb_buf_putc(out, '|');
        for (const char *c = words[i]; *c; c++) {
            if (strchr("\\^$.|?*+()[]{}", *c)) vb_buf_putc(out, '\\');
            vb_buf_putc(out, *c);
        }
    }
    vb_buf_putc(out, ')');
    return out->oom ? VB_E_NOMEM : VB_OK;
}
