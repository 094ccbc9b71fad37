/* ICU normaliser: blocks → one normalised text with a line table and a
 * sparse normalised→source offset map.
 *
 * Work is done token by token (a token = a run of non-space characters):
 * NFC can never combine across a space, so a token is the natural unit for
 * both ICU calls and offset anchors.  Tokens that are already NFC (the usual
 * case) never reach ICU's normaliser. */
#include "normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "../core/buf.h"
#include "../core/text.h"
#include "markup.h"
#include "rejoin.h"

enum { TOKEN_MAX_CPS = 4096 }; /* longer tokens are flushed in pieces */

struct vb_normalizer {
    vb_norm_options opt;
    const UNormalizer2 *nfc, *nfd; /* ICU-owned singletons */
    UChar32 cps[TOKEN_MAX_CPS];    /* current token, code points */
    size_t src[TOKEN_MAX_CPS];     /* source offset of each code point */
    size_t ncps;
    UChar u16[TOKEN_MAX_CPS * 2 + 8], u16b[TOKEN_MAX_CPS * 2 + 8];
    vb_buf text; /* the text being built, reused from call to call */
    /* NFC_Quick_Check=Yes of BMP code points, looked up in ICU once each:
     * Vietnamese letters (U+1EA0..) are above U+0300 and would otherwise
     * cost one ICU property lookup per character. */
    unsigned char qc_known[0x10000 / 8], qc_yes[0x10000 / 8];
    /* Whether a BMP code point is "plain" (see plain_token_end): classify
     * keeps it as it is and its NFC_Quick_Check is Yes.  0 = not looked up
     * yet, PLAIN_YES, PLAIN_NO; a byte each for a cheap lookup per letter. */
    unsigned char plain[0x10000];
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
    if (opt)
        n->opt = *opt;
    else
        vb_norm_options_default(&n->opt);
    vb_buf_init(&n->text);
    *out = n;
    return VB_OK;
}

void vb_normalizer_close(vb_normalizer *n) {
    if (!n) return;
    vb_buf_free(&n->text);
    free(n);
}

/* ---- character classes ------------------------------------------------ */

typedef enum { CH_KEEP, CH_DROP, CH_SPACE, CH_TAB, CH_BREAK } ch_class;

/* classify beyond printable ASCII and the space. */
static ch_class classify_other(UChar32 *c) {
    UChar32 x = *c;
    if (x == '\t') return CH_TAB;
    if (x == '\n' || x == 0x2028 || x == 0x2029 || x == 0x0B || x == 0x0C) return CH_BREAK;
    if (x < 0x20 || (x >= 0x7F && x < 0xA0)) return CH_DROP; /* C0/C1 controls */
    switch (x) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000: return CH_SPACE;
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
    case 0x180E:
    case 0x034F: return CH_DROP;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D: *c = '-'; return CH_KEEP;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033: *c = '"'; return CH_KEEP;
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032: *c = '\''; return CH_KEEP;
    case 0xFFFD: return CH_KEEP;
    default: break;
    }
    if (x >= 0x2000 && x <= 0x200A) return CH_SPACE;
    if (x >= 0x200E && x <= 0x200F) return CH_DROP; /* LRM/RLM */
    if (x >= 0x202A && x <= 0x202E) return CH_DROP; /* bidi embedding */
    if (x >= 0x2066 && x <= 0x2069) return CH_DROP; /* bidi isolates */
    return CH_KEEP;
}

/* Folds typographic variants to one form; returns the class and may
 * rewrite *c (dashes → '-', curly quotes → straight). */
static inline ch_class classify(UChar32 *c) {
    if (*c > 0x20 && *c < 0x7F) return CH_KEEP; /* printable ASCII, most characters */
    if (*c == ' ') return CH_SPACE;
    return classify_other(c);
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
enum { SET_OU = 0, SET_O, SET_AE, SET_AEY, SET_Y, SET_Q };
static const unsigned long long letter_sets[] = {
    [SET_OU] = VB_LETTER_BIT('o') | VB_LETTER_BIT('O') | VB_LETTER_BIT('u') | VB_LETTER_BIT('U'),
    [SET_O] = VB_LETTER_BIT('o') | VB_LETTER_BIT('O'),
    [SET_AE] = VB_LETTER_BIT('a') | VB_LETTER_BIT('A') | VB_LETTER_BIT('e') | VB_LETTER_BIT('E'),
    [SET_AEY] = VB_LETTER_BIT('a') | VB_LETTER_BIT('A') | VB_LETTER_BIT('e') | VB_LETTER_BIT('E') |
                VB_LETTER_BIT('y') | VB_LETTER_BIT('Y'),
    [SET_Y] = VB_LETTER_BIT('y') | VB_LETTER_BIT('Y'),
    [SET_Q] = VB_LETTER_BIT('q') | VB_LETTER_BIT('Q'),
};

static int in_set(UChar32 c, int set) { return c >= 'A' && c <= 'z' && (letter_sets[set] >> (c - 'A') & 1); }

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
        } else if (n->opt.tone == VB_TONE_OLD && split_tone(n, a, &base, &tone) && in_set(base, SET_OU) &&
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

/* Kept as it is by classify, and NFC_Quick_Check=Yes. */
static bool plain_cp_uncached(vb_normalizer *n, UChar32 c) {
    UChar32 folded = c;
    return classify(&folded) == CH_KEEP && folded == c && nfc_quick_yes(n, c);
}

enum { PLAIN_YES = 1, PLAIN_NO = 2 };

static inline bool plain_cp(vb_normalizer *n, UChar32 c) {
    if (c > 0xFFFF) return plain_cp_uncached(n, c);
    if (!n->plain[c]) n->plain[c] = plain_cp_uncached(n, c) ? PLAIN_YES : PLAIN_NO;
    return n->plain[c] == PLAIN_YES;
}

/* NFC the token in place when some code point may not be NFC already. */
static vb_status nfc_token(vb_normalizer *n) {
    int needs = 0;
    for (size_t i = 0; i < n->ncps && !needs; i++) needs = !nfc_quick_yes(n, n->cps[i]);
    if (!needs) return VB_OK;
    int32_t len = 0;
    for (size_t i = 0; i < n->ncps; i++) U16_APPEND_UNSAFE(n->u16, len, n->cps[i]);
    UErrorCode ec = U_ZERO_ERROR;
    int32_t out =
        unorm2_normalize(n->nfc, n->u16, len, n->u16b, (int32_t)(sizeof n->u16b / sizeof *n->u16b), &ec);
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

/* ---- output ---------------------------------------------------------------
 *
 * Lines are written straight into the text: a line's first token is put
 * after a '\n' placeholder (none before the first line of the text), which
 * emit_line turns into the ' ' of a rejoin.  So a token's normalised offset
 * is known when it is written, and its anchor is recorded there. */

typedef struct {
    vb_norm_line *items;
    size_t len, cap;
} linev;

typedef struct {
    vb_arena *arena;
    vb_buf *text;
    linev lines;
    vb_offset_anchor *anchors;
    size_t n_anchors, cap_anchors;
    long long last_delta;
    int have_anchor;
    bool line_open; /* the current line has a token, from text[line_start] */
    size_t line_start;
    bool blank;                 /* an empty line came since the last emitted one */
    size_t wrap_width;          /* code points, when the file is hard-wrapped; else 0 */
    bool last_lower;            /* the last line holds a lower-case letter */
    bool last_starts_paragraph; /* the last line is one source line after a blank one */
    size_t last_piece;          /* where the last source line joined into it starts */
    const unsigned char *facts; /* VB_LINE_* of each block (vb_markup_scan) */
} out_state;

static int add_anchor(out_state *o, size_t norm, size_t src) {
    long long delta = (long long)src - (long long)norm;
    if (o->have_anchor && delta == o->last_delta) return 0;
    if (vb_arena_grow(o->arena, (void **)&o->anchors, &o->cap_anchors, o->n_anchors + 1, sizeof *o->anchors))
        return -1;
    o->anchors[o->n_anchors++] = (vb_offset_anchor){norm, src};
    o->last_delta = delta;
    o->have_anchor = 1;
    return 0;
}

/* Start a token of at most `max` bytes coming from source offset `src`:
 * write what goes before it (the line's placeholder, or `sep` when it is
 * not 0), record its anchor and make room.  Returns where its bytes go, or
 * NULL on no memory; end_token then commits them. */
static char *begin_token(out_state *o, char sep, size_t src, size_t max) {
    vb_buf *t = o->text; /* room for sep + max + NUL; vb_buf_reserve on growth */
    if (t->oom || t->cap - t->len < max + 2 || max > SIZE_MAX / 2) {
        if (!vb_buf_reserve(t, max + 1)) return NULL;
    }
    if (!o->line_open) {
        if (t->len) t->data[t->len++] = '\n';
        o->line_start = t->len;
        o->line_open = true;
    } else if (sep) {
        t->data[t->len++] = sep;
    }
    if (add_anchor(o, t->len, src)) return NULL;
    return t->data + t->len;
}

static void end_token(out_state *o, size_t written) {
    o->text->len += written;
    o->text->data[o->text->len] = '\0'; /* vb_buf keeps its data NUL-terminated */
}

/* Write the current token (code points) after `sep` (0, ' ', '\t'); *sep is
 * cleared once something was written. */
static vb_status flush_token(vb_normalizer *n, out_state *o, char *sep) {
    if (!n->ncps) return VB_OK;
    vb_status s = nfc_token(n);
    if (s != VB_OK) return s;
    size_t from = 0;
    strip_emphasis(n, &from);
    place_tones(n);
    if (from < n->ncps) {
        uint8_t *w = (uint8_t *)begin_token(o, *sep, n->src[from], 4 * (n->ncps - from));
        if (!w) return VB_E_NOMEM;
        size_t at = 0;
        for (size_t i = from; i < n->ncps; i++) U8_APPEND_UNSAFE(w, at, n->cps[i]);
        end_token(o, at);
        *sep = 0;
    }
    n->ncps = 0;
    return VB_OK;
}

/* ---- plain tokens -----------------------------------------------------------
 *
 * Most tokens come out of flush_token exactly as they went in: every
 * character is kept as it is (classify neither drops nor folds it, and the
 * UTF-8 is valid), already NFC (quick check yes for each: nfc_token leaves
 * the token alone), holds no '*' (vb_markup_star may drop it) and no '_'
 * at either end (strip_emphasis removes nothing), holds no pair that place_tones could rewrite, and is
 * short enough not to be cut at TOKEN_MAX_CPS.  Such a token is copied as
 * bytes, with the anchor of its first byte, skipping the code-point arrays.
 *
 * place_tones rewrites a pair only when, for MODERN, the first character is
 * an ASCII o/O/u/U and the second is at least U+00C0, or, for OLD, the first
 * is at least U+00C0 and the second an ASCII a/A/e/E/y/Y; and in both cases
 * only when the character after the pair is not a letter.  Any pair of that
 * shape not followed by an ASCII letter (u_isalpha is true for those) sends
 * the token down the general path, which decides.  The character before a
 * byte p[j] of a token is non-ASCII exactly when p[j - 1] >= 0x80 (the last
 * byte of a UTF-8 sequence). */

static bool ascii_letter_at(const unsigned char *p, size_t j, size_t len) {
    return j < len && ((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'z');
}

/* The code point of the well-formed UTF-8 sequence at p[*j] when it is one
 * of the common BMP forms: two bytes (lead C2..DF) or three bytes with a
 * lead whose second byte has no range limit (E1..EC, EE..EF: no overlong
 * form, no surrogate).  Such sequences are valid whatever the trail bytes
 * are, as long as they are 80..BF, so U8_NEXT would decode the same value;
 * anything else (ASCII, other leads, bad or missing trails) returns -1 and
 * *j is unchanged, and the caller uses U8_NEXT. */
static inline UChar32 common_cp(const unsigned char *p, size_t *j, size_t len) {
    size_t i = *j;
    unsigned b = p[i];
    if (b >= 0xC2 && b <= 0xDF) {
        if (len - i >= 2 && (p[i + 1] & 0xC0) == 0x80) {
            *j = i + 2;
            return (UChar32)((b & 0x1F) << 6 | (p[i + 1] & 0x3F));
        }
    } else if (b >= 0xE1 && b <= 0xEF && b != 0xED) {
        if (len - i >= 3 && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
            *j = i + 3;
            return (UChar32)((b & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F));
        }
    }
    return -1;
}

/* End of the plain token starting at p[t], or t when the token must take
 * the general path (or p[t] is a separator).
 *
 * The OLD test belongs to an ASCII a/e/y whose byte before is >= 0x80: in a
 * token that is the last byte of the non-ASCII character just accepted (the
 * loop leaves on anything it does not accept), so it is made right after
 * that character, on the byte that follows, and the ASCII loop tests
 * nothing but the byte range.  A ' ' ends the token at once: it is not
 * plain and classify makes it CH_SPACE, as the general test would. */
static size_t plain_token_end(vb_normalizer *n, const unsigned char *p, size_t t, size_t len, bool modern,
                              bool old) {
    size_t j = t;
    while (j < len) {
        unsigned char b = p[j];
        if (b > 0x20 && b < 0x7F && b != '*') { /* printable ASCII: kept as is */
            j++;
            continue;
        }
        if (b == ' ') break;
        if (b == '*') return t; /* maybe emphasis markup: vb_markup_star decides */
        size_t at = j;
        UChar32 c;
        if (b < 0x80) { /* controls and DEL: never plain */
            c = b;
            j++;
        } else if ((c = common_cp(p, &j, len)) < 0) {
            U8_NEXT(p, j, len, c);
            if (c < 0) return t; /* becomes U+FFFD */
        }
        if (!plain_cp(n, c)) {
            ch_class k = classify(&c);
            if (k != CH_SPACE && k != CH_TAB && k != CH_BREAK) return t;
            j = at; /* the separator that ends the token */
            break;
        }
        /* c is non-ASCII here (no ASCII byte left is plain) */
        if (modern && at > t && in_set(p[at - 1], SET_OU) && !ascii_letter_at(p, j, len)) return t;
        if (old && j < len && in_set(p[j], SET_AEY) && !ascii_letter_at(p, j + 1, len)) return t;
    }
    if (j == t || j - t > TOKEN_MAX_CPS) return t; /* bytes bound code points */
    if (p[t] == '*' || p[t] == '_' || p[j - 1] == '*' || p[j - 1] == '_') return t;
    return j;
}

/* End of the run of plain tokens joined by single spaces that starts at
 * p[i], or i.  The general path would write such a run as it is: each
 * token's bytes, and for each single space the pending ' ' before the next
 * token.  Its anchors would all have the delta of the first (source and
 * normalised bytes advance together), so add_anchor would keep only that
 * one: the run is one copy with one anchor. */
static size_t plain_run_end(vb_normalizer *n, const unsigned char *p, size_t i, size_t len) {
    bool modern = n->opt.tone == VB_TONE_MODERN, old = n->opt.tone == VB_TONE_OLD;
    size_t end = i;
    for (size_t t = i;;) {
        size_t e = plain_token_end(n, p, t, len, modern, old);
        if (e == t) return end;
        end = e;
        if (e + 1 >= len || p[e] != ' ') return end;
        t = e + 1;
    }
}

/* ---- lines ----------------------------------------------------------------*/

/* Whether the line just written continues the last one. */
static bool joins_last(const vb_normalizer *n, const out_state *o, const vb_norm_line *prev,
                       const vb_norm_line *cur, bool cur_lower, bool in_emphasis) {
    if (!n->opt.rejoin || !prev) return false;
    const char *text = o->text->data, *p = text + prev->start, *line = text + cur->start;
    size_t plen = prev->end - prev->start, len = cur->end - cur->start;
    if (vb_rejoin_lines(p, plen, prev->table, prev->row, prev->cell, line, len, cur->table, cur->row,
                        cur->cell))
        return true;
    if (o->blank || prev->table != cur->table || prev->row != cur->row || prev->cell != cur->cell)
        return false;
    if (o->wrap_width && vb_rejoin_wrapped(p, plen, o->last_lower, line, len, cur_lower, o->wrap_width) &&
        (o->last_lower || cur_lower ||
         !vb_wrap_would_fit(text + o->last_piece, prev->end - o->last_piece, line, len, o->wrap_width)))
        return true;
    vb_rejoin_context ctx = {.prev_starts_paragraph = o->last_starts_paragraph,
                             .cur_in_emphasis = in_emphasis,
                             .prev_lower = o->last_lower,
                             .cur_lower = cur_lower,
                             .width = o->wrap_width};
    return vb_rejoin_cut_heading(p, plen, line, len, &ctx);
}

/* End the current line: rejoin it to the previous one or keep it as a new
 * line. */
static vb_status emit_line(vb_normalizer *n, out_state *o, const vb_block *b, size_t bi) {
    if (!o->line_open) return VB_OK;
    o->line_open = false;
    if (o->text->len > UINT32_MAX || bi > UINT32_MAX) return VB_E_TOO_LARGE; /* see vb_norm_line */
    const char *line = o->text->data + o->line_start;
    size_t line_len = o->text->len - o->line_start;
    vb_norm_line *prev = o->lines.len ? &o->lines.items[o->lines.len - 1] : NULL;
    vb_norm_line cur = {.start = (uint32_t)o->line_start,
                        .end = (uint32_t)o->text->len,
                        .block = (uint32_t)bi,
                        .area = b->area,
                        .table = b->table,
                        .row = b->row,
                        .cell = b->cell,
                        .heading_level = b->heading_level,
                        .flags = b->flags};
    /* each line is looked at once; a joined line's answer is its parts' */
    bool cur_lower = vb_has_lower(line, line_len);
    bool in_emphasis = o->facts && (o->facts[bi] & VB_LINE_IN_EMPHASIS);
    bool join = joins_last(n, o, prev, &cur, cur_lower, in_emphasis);
    bool starts_paragraph = o->blank || !prev;
    o->blank = false;
    if (join) {
        o->text->data[o->line_start - 1] = ' '; /* the placeholder: prev exists */
        prev->end = (uint32_t)o->text->len;
        o->last_lower = o->last_lower || cur_lower;
        o->last_starts_paragraph = false;
        o->last_piece = cur.start;
        return VB_OK;
    }
    o->last_piece = cur.start;
    o->last_lower = cur_lower;
    o->last_starts_paragraph = starts_paragraph;
    return VB_PUSH(o->arena, o->lines, cur) ? VB_E_NOMEM : VB_OK;
}

/* The text built in n->text as arena memory.  A large one is handed over
 * (shrunk to fit) rather than copied, so the result does not hold it twice
 * and the normalizer does not keep a buffer of the largest file's size
 * from call to call; a small one is copied and the buffer reused. */
enum { NORM_ADOPT_MIN = 64 * 1024 };
static char *text_to_arena(vb_normalizer *n, vb_arena *a) {
    vb_buf *t = &n->text;
    if (t->len < NORM_ADOPT_MIN) return vb_arena_strndup(a, t->len ? t->data : "", t->len);
    char *p = realloc(t->data, t->len + 1);
    if (!p) p = t->data; /* shrinking failed: hand over the buffer as it is */
    if (vb_arena_adopt(a, p, t->len + 1)) {
        t->data = p;
        return NULL;
    }
    vb_buf_init(t);
    return p;
}

vb_status vb_normalize_blocks(vb_normalizer *n, const vb_blockv *blocks, vb_arena *a, vb_normtext *out) {
    memset(out, 0, sizeof *out);
    vb_buf_reset(&n->text);
    out_state o = {.arena = a, .text = &n->text, .wrap_width = vb_wrap_width(blocks)};
    unsigned char *facts = NULL;
    vb_status s = vb_markup_scan(blocks, a, &facts);
    o.facts = facts;
    for (size_t bi = 0; bi < blocks->len && s == VB_OK; bi++) {
        const vb_block *b = &blocks->items[bi];
        if (b->area != VB_AREA_BODY) continue; /* page headers/footers stay apart */
        /* furniture and markup-only lines are neither text nor a break */
        if (facts[bi] & (VB_LINE_DROP | VB_LINE_MARKUP_ONLY)) continue;
        const unsigned char *p = (const unsigned char *)b->text;
        size_t len = b->len, i = vb_markup_heading_prefix(b->text, b->len);
        char sep = 0; /* pending separator before the next token */
        n->ncps = 0;
        o.line_open = false;
        while (i <= len && s == VB_OK) {
            if (!n->ncps && i < len) { /* a token may start here */
                size_t e = plain_run_end(n, p, i, len);
                if (e > i) {
                    char *w = begin_token(&o, sep, b->src_offset + i, e - i);
                    if (!w) {
                        s = VB_E_NOMEM;
                        break;
                    }
                    memcpy(w, p + i, e - i);
                    end_token(&o, e - i);
                    sep = 0;
                    i = e;
                    continue;
                }
            }
            UChar32 c = '\n';
            size_t at = i;
            if (i < len && p[i] < 0x80)
                c = p[i++]; /* most bytes: no decoding */
            else if (i < len)
                U8_NEXT(p, i, len, c);
            else
                i++;
            if (c < 0) c = 0xFFFD;
            ch_class k = classify(&c);
            if (k == CH_DROP || (c == '*' && vb_markup_star(b->text, at, len))) continue;
            if (k == CH_KEEP && n->ncps < TOKEN_MAX_CPS) {
                n->cps[n->ncps] = c;
                n->src[n->ncps++] = b->src_offset + at;
                continue;
            }
            s = flush_token(n, &o, &sep);
            if (k == CH_KEEP) { /* token over TOKEN_MAX_CPS: continue it */
                n->cps[n->ncps] = c;
                n->src[n->ncps++] = b->src_offset + at;
                sep = 0;
                continue;
            }
            if (k == CH_BREAK) {
                if (!o.line_open) o.blank = true;
                if (s == VB_OK) s = emit_line(n, &o, b, bi);
                sep = 0;
            } else if (o.line_open) {
                sep = (k == CH_TAB || sep == '\t') ? '\t' : ' ';
            }
        }
    }
    if (s == VB_OK && n->text.oom) s = VB_E_NOMEM;
    if (s == VB_OK) {
        out->len = n->text.len;
        out->text = text_to_arena(n, a);
        out->lines = o.lines.items;
        out->n_lines = o.lines.len;
        out->anchors = o.anchors;
        out->n_anchors = o.n_anchors;
        if (!out->text) s = VB_E_NOMEM;
    }
    return s;
}

vb_status vb_normalize_string(vb_normalizer *n, const char *s, size_t len, vb_arena *a, char **out,
                              size_t *out_len) {
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
        if (t->anchors[mid].norm <= norm)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo) return norm;
    const vb_offset_anchor *x = &t->anchors[lo - 1];
    return x->src + (norm - x->norm);
}
