/* ICU normaliser: blocks → one normalised text with a line table and a
 * sparse normalised→source offset map.
 *
 * Work is done token by token (a token = a run of non-space characters):
 * NFC can never combine across a space, so a token is the natural unit for
 * both ICU calls and offset anchors.  Tokens that are already NFC (the usual
 * case) never reach ICU's normaliser. */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "../core/buf.h"
#include "rejoin.h"

enum { TOKEN_MAX_CPS = 4096 }; /* longer tokens are flushed in pieces */

struct vb_normalizer {
    vb_norm_options opt;
    const UNormalizer2 *nfc, *nfd; /* ICU-owned singletons */
    UChar32 cps[TOKEN_MAX_CPS];    /* current token, code points */
    size_t src[TOKEN_MAX_CPS];     /* source offset of each code point */
    size_t ncps;
    UChar u16[TOKEN_MAX_CPS * 2 + 8], u16b[TOKEN_MAX_CPS * 2 + 8];
    vb_buf line; /* the line being built */
    /* NFC_Quick_Check=Yes of BMP code points, looked up in ICU once each:
     * Vietnamese letters (U+1EA0..) are above U+0300 and would otherwise
     * cost one ICU property lookup per character. */
    unsigned char qc_known[0x10000 / 8], qc_yes[0x10000 / 8];
};

void vb_norm_options_default(vb_norm_options *o) {
    o->tone = VB_TONE_MODERN;
    o->rejoin = true;
}

vb_status vb_normalizer_open(const vb_norm_options *opt, vb_normalizer **out) {
    vb_normalizer *n = calloc(1, sizeof *n);
    if (!n) return VB_E_NOMEM;
    UErrorCode ec = U_ZERO_ERROR;
    n->nfc = unorm2_getNFCInstance(&ec);
    if (U_SUCCESS(ec)) n->nfd = unorm2_getNFDInstance(&ec);
    if (U_FAILURE(ec)) {
        free(n);
        return VB_E_INTERNAL;
    }
    if (opt) n->opt = *opt;
    else vb_norm_options_default(&n->opt);
    vb_buf_init(&n->line);
    *out = n;
    return VB_OK;
}

void vb_normalizer_close(vb_normalizer *n) {
    if (!n) return;
    vb_buf_free(&n->line);
    free(n);
}

/* ---- character classes ------------------------------------------------ */

typedef enum { CH_KEEP, CH_DROP, CH_SPACE, CH_TAB, CH_BREAK } ch_class;

/* Folds typographic variants to one form; returns the class and may
 * rewrite *c (dashes → '-', curly quotes → straight). */
static ch_class classify(UChar32 *c) {
    UChar32 x = *c;
    if (x == '\t') return CH_TAB;
    if (x == ' ') return CH_SPACE;
    if (x == '\n' || x == 0x2028 || x == 0x2029 || x == 0x0B || x == 0x0C) return CH_BREAK;
    if (x < 0x20 || (x >= 0x7F && x < 0xA0)) return CH_DROP; /* C0/C1 controls */
    if (x < 0x80) return CH_KEEP;
    switch (x) {
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return CH_SPACE;
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x180E: case 0x034F: return CH_DROP;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: *c = '-'; return CH_KEEP;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: *c = '"'; return CH_KEEP;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: *c = '\''; return CH_KEEP;
    case 0xFFFD: return CH_KEEP;
    default: break;
    }
    if (x >= 0x2000 && x <= 0x200A) return CH_SPACE;
    if (x >= 0x200E && x <= 0x200F) return CH_DROP; /* LRM/RLM */
    if (x >= 0x202A && x <= 0x202E) return CH_DROP; /* bidi embedding */
    if (x >= 0x2066 && x <= 0x2069) return CH_DROP; /* bidi isolates */
    return CH_KEEP;
}

/* ---- token work -------------------------------------------------------- */

static int is_tone(UChar32 m) {
    return m == 0x0300 || m == 0x0301 || m == 0x0303 || m == 0x0309 || m == 0x0323;
}

/* If c is base plus one tone mark, set base and tone and return 1. */
static int split_tone(const vb_normalizer *n, UChar32 c, UChar32 *base, UChar32 *tone) {
    if (c < 0xC0) return 0;
    UChar d[8];
    UErrorCode ec = U_ZERO_ERROR;
    int32_t len = unorm2_getDecomposition(n->nfd, c, d, 8, &ec);
    if (U_FAILURE(ec) || len != 2 || !is_tone(d[1])) return 0;
    *base = d[0];
    *tone = d[1];
    return 1;
}

/* ASCII letter sets of the tone rules, as bit masks over 'A'..'z'. */
#define VB_LETTER_BIT(ch) (1ull << ((ch) - 'A'))
enum {
    SET_OU = 0, SET_O, SET_AE, SET_AEY, SET_Y, SET_Q
};
static const unsigned long long letter_sets[] = {
    [SET_OU] = VB_LETTER_BIT('o') | VB_LETTER_BIT('O') | VB_LETTER_BIT('u') | VB_LETTER_BIT('U'),
    [SET_O] = VB_LETTER_BIT('o') | VB_LETTER_BIT('O'),
    [SET_AE] = VB_LETTER_BIT('a') | VB_LETTER_BIT('A') | VB_LETTER_BIT('e') | VB_LETTER_BIT('E'),
    [SET_AEY] = VB_LETTER_BIT('a') | VB_LETTER_BIT('A') | VB_LETTER_BIT('e') | VB_LETTER_BIT('E') |
                VB_LETTER_BIT('y') | VB_LETTER_BIT('Y'),
    [SET_Y] = VB_LETTER_BIT('y') | VB_LETTER_BIT('Y'),
    [SET_Q] = VB_LETTER_BIT('q') | VB_LETTER_BIT('Q'),
};

static int in_set(UChar32 c, int set) {
    return c >= 'A' && c <= 'z' && (letter_sets[set] >> (c - 'A') & 1);
}

/* One tone placement for word-final oa/oe/uy: modern puts the mark on the
 * first vowel (hòa, Ủy), old on the second (hoà, Uỷ).  "qu" is a consonant
 * (quý, quá keep theirs). */
static void place_tones(vb_normalizer *n) {
    if (n->opt.tone == VB_TONE_KEEP) return;
    for (size_t i = 0; i + 1 < n->ncps; i++) {
        UChar32 a = n->cps[i], b = n->cps[i + 1], base, tone;
        /* cheap necessary conditions of the two rewrites below first: most
         * pairs are neither "o/u + toned vowel" nor "toned vowel + a/e/y" */
        if (n->opt.tone == VB_TONE_MODERN ? !(b >= 0xC0 && in_set(a, SET_OU))
                                          : !(a >= 0xC0 && in_set(b, SET_AEY)))
            continue;
        if (i + 2 < n->ncps && u_isalpha(n->cps[i + 2])) continue; /* not word-final */
        if (i > 0 && in_set(n->cps[i - 1], SET_Q)) continue;
        if (n->opt.tone == VB_TONE_MODERN && in_set(a, SET_OU) && split_tone(n, b, &base, &tone)) {
            if (!(in_set(a, SET_O) ? in_set(base, SET_AE) : in_set(base, SET_Y))) continue;
            UChar32 na = unorm2_composePair(n->nfc, a, tone);
            if (na < 0) continue;
            n->cps[i] = na;
            n->cps[i + 1] = base;
        } else if (n->opt.tone == VB_TONE_OLD && split_tone(n, a, &base, &tone) &&
                   in_set(base, SET_OU) &&
                   (in_set(base, SET_O) ? in_set(b, SET_AE) : in_set(b, SET_Y))) {
            UChar32 nb = unorm2_composePair(n->nfc, b, tone);
            if (nb < 0) continue;
            n->cps[i] = base;
            n->cps[i + 1] = nb;
        }
    }
}

static int nfc_quick_yes(vb_normalizer *n, UChar32 c) {
    if (c < 0x300) return 1;
    if (c > 0xFFFF) return u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
    size_t at = (size_t)c >> 3;
    unsigned char bit = (unsigned char)(1u << (c & 7));
    if (!(n->qc_known[at] & bit)) {
        n->qc_known[at] |= bit;
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES) n->qc_yes[at] |= bit;
    }
    return (n->qc_yes[at] & bit) != 0;
}

/* NFC the token in place when some code point may not be NFC already. */
static vb_status nfc_token(vb_normalizer *n) {
    int needs = 0;
    for (size_t i = 0; i < n->ncps && !needs; i++) needs = !nfc_quick_yes(n, n->cps[i]);
    if (!needs) return VB_OK;
    int32_t len = 0;
    for (size_t i = 0; i < n->ncps; i++) U16_APPEND_UNSAFE(n->u16, len, n->cps[i]);
    UErrorCode ec = U_ZERO_ERROR;
    int32_t out = unorm2_normalize(n->nfc, n->u16, len, n->u16b, (int32_t)(sizeof n->u16b / sizeof *n->u16b), &ec);
    if (U_FAILURE(ec)) return VB_E_INTERNAL;
    /* NFC only composes within the token; keep each result char's source
     * offset as the offset of the first input char it came from (approx.). */
    size_t k = 0, src0 = n->ncps ? n->src[0] : 0;
    for (int32_t i = 0; i < out && k < TOKEN_MAX_CPS;) {
        UChar32 c;
        U16_NEXT_UNSAFE(n->u16b, i, c);
        n->cps[k] = c;
        if (k >= n->ncps) n->src[k] = src0;
        k++;
    }
    n->ncps = k;
    return VB_OK;
}

/* Strip Markdown emphasis markers ("**ỦY BAN", "TẠO**") that text exports
 * leave around header lines: they are formatting, not words. */
static void strip_emphasis(vb_normalizer *n, size_t *from) {
    size_t s = 0, e = n->ncps;
    while (s + 1 < e && (n->cps[s] == '*' || n->cps[s] == '_') && n->cps[s + 1] == n->cps[s]) {
        UChar32 m = n->cps[s];
        while (s < e && n->cps[s] == m) s++;
    }
    while (e >= s + 2 && (n->cps[e - 1] == '*' || n->cps[e - 1] == '_') && n->cps[e - 2] == n->cps[e - 1]) {
        UChar32 m = n->cps[e - 1];
        while (e > s && n->cps[e - 1] == m) e--;
    }
    *from = s;
    n->ncps = e;
}

typedef struct {
    vb_arena *arena;
    vb_buf *text;
    vb_offset_anchor *anchors;
    size_t n_anchors, cap_anchors;
    long long last_delta;
    int have_anchor;
    bool blank;        /* an empty line came since the last emitted one */
    size_t wrap_width; /* code points, when the file is hard-wrapped; else 0 */
} map_state;

static int add_anchor(map_state *m, size_t norm, size_t src) {
    long long delta = (long long)src - (long long)norm;
    if (m->have_anchor && delta == m->last_delta) return 0;
    if (vb_arena_grow(m->arena, (void **)&m->anchors, &m->cap_anchors, m->n_anchors + 1,
                      sizeof *m->anchors))
        return -1;
    m->anchors[m->n_anchors++] = (vb_offset_anchor){norm, src};
    m->last_delta = delta;
    m->have_anchor = 1;
    return 0;
}

/* Append the current token to the line buffer after `sep` (0, ' ', '\t'). */
static vb_status flush_token(vb_normalizer *n, char sep, size_t *line_src, size_t *tok_src) {
    if (!n->ncps) return VB_OK;
    vb_status s = nfc_token(n);
    if (s != VB_OK) return s;
    size_t from = 0;
    strip_emphasis(n, &from);
    place_tones(n);
    if (from < n->ncps) {
        if (sep && n->line.len) vb_buf_putc(&n->line, sep);
        /* record (line-relative byte, source) for the token start */
        tok_src[0] = n->line.len;
        tok_src[1] = n->src[from];
        if (!n->line.len) *line_src = n->src[from];
        /* one reservation per token, then UTF-8 written in place */
        if (vb_buf_reserve(&n->line, 4 * (n->ncps - from) + 1)) {
            uint8_t *w = (uint8_t *)n->line.data;
            size_t at = n->line.len;
            for (size_t i = from; i < n->ncps; i++) U8_APPEND_UNSAFE(w, at, n->cps[i]);
            w[at] = 0; /* vb_buf keeps its data NUL-terminated */
            n->line.len = at;
        }
    }
    n->ncps = 0;
    return n->line.oom ? VB_E_NOMEM : VB_OK;
}

/* ---- lines ----------------------------------------------------------------*/

typedef struct {
    vb_line *items;
    size_t len, cap;
} linev;

typedef struct {
    size_t line_rel, src;
} tok_anchor;

typedef struct {
    tok_anchor *items;
    size_t len, cap;
} tokv;

/* Emit the built line: rejoin to the previous line or start a new one. */
static vb_status emit_line(vb_normalizer *n, map_state *m, linev *lines, tokv *toks,
                           const vb_block *b, size_t bi) {
    if (!n->line.len) return VB_OK;
    vb_line *prev = lines->len ? &lines->items[lines->len - 1] : NULL;
    vb_line cur = {.block = bi, .area = b->area, .table = b->table, .row = b->row,
                   .cell = b->cell, .heading_level = b->heading_level, .flags = b->flags};
    int join = n->opt.rejoin && prev &&
               (vb_rejoin_lines(m->text->data + prev->start, prev->end - prev->start, prev->table,
                                prev->row, prev->cell, n->line.data, n->line.len, cur.table,
                                cur.row, cur.cell) ||
                (m->wrap_width && !m->blank && prev->table == cur.table && prev->cell == cur.cell &&
                 vb_rejoin_wrapped(m->text->data + prev->start, prev->end - prev->start,
                                   n->line.data, n->line.len, m->wrap_width)));
    m->blank = false;
    size_t base;
    if (join) {
        vb_buf_putc(m->text, ' ');
        base = m->text->len;
    } else {
        if (m->text->len) vb_buf_putc(m->text, '\n');
        base = m->text->len;
        cur.start = base;
    }
    vb_buf_append(m->text, n->line.data, n->line.len);
    if (m->text->oom) return VB_E_NOMEM;
    for (size_t i = 0; i < toks->len; i++)
        if (add_anchor(m, base + toks->items[i].line_rel, toks->items[i].src)) return VB_E_NOMEM;
    toks->len = 0;
    if (join) {
        prev->end = m->text->len;
    } else {
        cur.end = m->text->len;
        if (VB_PUSH(m->arena, *lines, cur)) return VB_E_NOMEM;
    }
    vb_buf_reset(&n->line);
    return VB_OK;
}

vb_status vb_normalize_blocks(vb_normalizer *n, const vb_blockv *blocks, vb_arena *a,
                              vb_normtext *out) {
    memset(out, 0, sizeof *out);
    vb_buf text;
    vb_buf_init(&text);
    map_state m = {.arena = a, .text = &text, .wrap_width = vb_wrap_width(blocks)};
    linev lines = {0};
    tokv toks = {0};
    vb_status s = VB_OK;
    for (size_t bi = 0; bi < blocks->len && s == VB_OK; bi++) {
        const vb_block *b = &blocks->items[bi];
        if (b->area != VB_AREA_BODY) continue; /* page headers/footers stay apart */
        const unsigned char *p = (const unsigned char *)b->text;
        size_t len = b->len, i = 0, line_src = b->src_offset;
        char sep = 0; /* pending separator before the next token */
        n->ncps = 0;
        vb_buf_reset(&n->line);
        while (i <= len && s == VB_OK) {
            UChar32 c = '\n';
            size_t at = i;
            if (i < len && p[i] < 0x80) c = p[i++]; /* most bytes: no decoding */
            else if (i < len) U8_NEXT(p, i, len, c);
            else i++;
            if (c < 0) c = 0xFFFD;
            ch_class k = c > 0x20 && c < 0x7F ? CH_KEEP : classify(&c); /* printable ASCII */
            if (k == CH_DROP) continue;
            if (k == CH_KEEP && n->ncps < TOKEN_MAX_CPS) {
                n->cps[n->ncps] = c;
                n->src[n->ncps++] = b->src_offset + at;
                continue;
            }
            size_t ta[2] = {(size_t)-1, 0};
            s = flush_token(n, sep, &line_src, ta);
            if (ta[0] != (size_t)-1) {
                sep = 0;
                if (VB_PUSH(a, toks, ((tok_anchor){ta[0], ta[1]}))) s = VB_E_NOMEM;
            }
            if (k == CH_KEEP) { /* token over TOKEN_MAX_CPS: continue it */
                n->cps[n->ncps] = c;
                n->src[n->ncps++] = b->src_offset + at;
                sep = 0;
                continue;
            }
            if (k == CH_BREAK) {
                if (!n->line.len) m.blank = true;
                if (s == VB_OK) s = emit_line(n, &m, &lines, &toks, b, bi);
                sep = 0;
            } else if (n->line.len) {
                sep = (k == CH_TAB || sep == '\t') ? '\t' : ' ';
            }
        }
    }
    if (s == VB_OK && text.oom) s = VB_E_NOMEM;
    if (s == VB_OK) {
        out->text = vb_arena_strndup(a, text.data ? text.data : "", text.len);
        out->len = text.len;
        out->lines = lines.items;
        out->n_lines = lines.len;
        out->anchors = m.anchors;
        out->n_anchors = m.n_anchors;
        if (!out->text) s = VB_E_NOMEM;
    }
    vb_buf_free(&text);
    return s;
}

vb_status vb_normalize_string(vb_normalizer *n, const char *s, size_t len, vb_arena *a,
                              char **out, size_t *out_len) {
    vb_block b = {.text = (char *)s, .len = len, .table = -1, .row = -1, .cell = -1};
    vb_blockv v = {.items = &b, .len = 1, .cap = 1};
    vb_norm_options saved = n->opt;
    n->opt.rejoin = false;
    vb_normtext t;
    vb_status st = vb_normalize_blocks(n, &v, a, &t);
    n->opt = saved;
    if (st != VB_OK) return st;
    *out = t.text;
    *out_len = t.len;
    return VB_OK;
}

size_t vb_normtext_source_offset(const vb_normtext *t, size_t norm) {
    size_t lo = 0, hi = t->n_anchors;
    while (lo < hi) { /* last anchor with anchor.norm <= norm */
        size_t mid = (lo + hi) / 2;
        if (t->anchors[mid].norm <= norm) lo = mid + 1;
        else hi = mid;
    }
    if (!lo) return norm;
    const vb_offset_anchor *x = &t->anchors[lo - 1];
    return x->src + (norm - x->norm);
}
