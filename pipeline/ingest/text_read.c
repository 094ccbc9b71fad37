/* Plain-text ingestion: decode to UTF-8, split into one block per line.
 *
 * Decoding order: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); else valid
 * UTF-8 is UTF-8; else BOM-less UTF-16 is recognised by its NUL pattern;
 * else Windows-1258 is accepted when its Vietnamese signature is certain
 * (converted with an ICU converter); else TCVN3 (ABC) or VNI when the
 * letter statistics of legacy.h single one out (converted with the tables
 * of legacy.c); other 8-bit text that looks like a legacy Vietnamese
 * encoding is refused with E_LEGACY_ENCODING naming the candidates;
 * binary data is E_NOT_DOCUMENT (a PDF: E_UNSUPPORTED); anything else is
 * E_ENCODING naming the byte offset.  --encoding (vb_limits.encoding)
 * skips the guessing. */
#include "text_read.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "../core/buf.h"
#include "legacy.h"

enum { WORD = 8 };
static const uint64_t ONES = 0x0101010101010101u, HIGHS = 0x8080808080808080u;

static uint64_t load_word(const unsigned char *s) {
    uint64_t w;
    memcpy(&w, s, sizeof w);
    return w;
}

/* Offset of the first invalid UTF-8 sequence or NUL, or len if none. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        while (i < len && (unsigned char)(s[i] - 1) < 0x7F) i++; /* ASCII 01..7F */
        if (i == len) break;
        if (s[i] == 0) return i;
        size_t at = i;
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0) return at;
    }
    return len;
}

static bool is_break(char c) { return c == '\n' || c == '\r' || c == '\f'; }

/* Offset of the first '\n', '\r' or '\f' in text[i..len), or len.  Eight
 * bytes without a byte below 0x0E are passed at once: (w - 0x0E x 8) & ~w
 * has a high bit set when some byte is below 0x0E (exact as a whole-word
 * test: the lowest such byte always sets its own bit, and none is set when
 * there is none); a word that has one (a tab, say) is read byte by byte. */
static size_t next_break(const char *text, size_t i, size_t len) {
    while (len - i >= WORD) {
        uint64_t w = load_word((const unsigned char *)text + i);
        if (!((w - 0x0E * ONES) & ~w & HIGHS)) {
            i += WORD;
            continue;
        }
        for (size_t e = i + WORD; i < e; i++)
            if (is_break(text[i])) return i;
    }
    for (; i < len; i++)
        if (is_break(text[i])) return i;
    return len;
}

/* UTF-16 (little or big endian) to UTF-8.  Returns VB_OK or VB_E_ENCODING
 * with *bad set to the byte offset of the first unpaired surrogate. */
typedef struct {
    size_t *items;
    size_t len, cap;
} offsetv;

/* UTF-16 to UTF-8, recording in `starts` the source byte offset at which
 * each line begins (same line-break rules as split_lines). */
static vb_status utf16_to_utf8(const unsigned char *s, size_t len, int big, vb_buf *out, size_t *bad,
                               vb_arena *a, offsetv *starts, size_t base) {
    if (VB_PUSH(a, *starts, base)) return VB_E_NOMEM;
    if (len % 2) {
        *bad = len - 1;
        return VB_E_ENCODING;
    }
    size_t n = len / 2;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        unsigned u =
            big ? (unsigned)(s[2 * i] << 8 | s[2 * i + 1]) : (unsigned)(s[2 * i + 1] << 8 | s[2 * i]);
        i++;
        UChar32 c = (UChar32)u;
        if (U16_IS_LEAD(u)) {
            if (i >= n) {
                *bad = 2 * at;
                return VB_E_ENCODING;
            }
            unsigned t =
                big ? (unsigned)(s[2 * i] << 8 | s[2 * i + 1]) : (unsigned)(s[2 * i + 1] << 8 | s[2 * i]);
            if (!U16_IS_TRAIL(t)) {
                *bad = 2 * at;
                return VB_E_ENCODING;
            }
            c = U16_GET_SUPPLEMENTARY(u, t);
            i++;
        } else if (U16_IS_TRAIL(u) || u == 0) {
            *bad = 2 * at;
            return VB_E_ENCODING;
        }
        vb_buf_put_cp(out, (unsigned)c);
        if (c == '\n' || c == '\f' ||
            (c == '\r' && !(i < n && (big ? s[2 * i] == 0 && s[2 * i + 1] == '\n'
                                          : s[2 * i + 1] == 0 && s[2 * i] == '\n')))) {
            if (VB_PUSH(a, *starts, base + 2 * i)) return VB_E_NOMEM;
        }
    }
    return out->oom ? VB_E_NOMEM : VB_OK;
}

/* BOM-less UTF-16: most odd (LE) or even (BE) bytes of ASCII-heavy text are 0. */
static int guess_utf16(const unsigned char *s, size_t len) {
    if (len < 4 || len % 2) return -1;
    size_t zeros_even = 0, zeros_odd = 0, n = len < 4096 ? len : 4096;
    for (size_t i = 0; i < n; i++)
        if (!s[i]) *(i % 2 ? &zeros_odd : &zeros_even) += 1;
    if (zeros_odd * 4 > n && zeros_even * 50 < n) return 0; /* LE */
    if (zeros_even * 4 > n && zeros_odd * 50 < n) return 1; /* BE */
    return -1;
}

static int is_ascii_vowel(unsigned char c) {
    c |= 0x20;
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Windows-1258 writes tones as combining bytes after a vowel: 0xCC (grave),
 * 0xEC (acute), 0xDE (tilde), 0xD2 (hook), 0xF2 (dot below); its own vowels
 * â ê ô ă ơ ư đ sit at 0xE2 0xEA 0xF4 0xE3 0xF5 0xFD 0xF0 (and capitals). */
static int looks_cp1258(const unsigned char *s, size_t len) {
    static const unsigned char letters[] = {0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD, 0xF0, 0xC2, 0xCA, 0xD4,
                                            0xC3, 0xD5, 0xDD, 0xD0, 0xE0, 0xE1, 0xE8, 0xE9, 0xED, 0xF3,
                                            0xFA, 0xC0, 0xC1, 0xC8, 0xC9, 0xCD, 0xD3, 0xDA};
    size_t high = 0, fit = 0, tones = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c < 0x80) continue;
        high++;
        int tone = c == 0xCC || c == 0xEC || c == 0xDE || c == 0xD2 || c == 0xF2;
        if (tone && i > 0 && (is_ascii_vowel(s[i - 1]) || memchr(letters, s[i - 1], sizeof letters))) {
            fit++;
            tones++;
        } else if (memchr(letters, c, sizeof letters)) {
            fit++;
        }
    }
    return high > 0 && tones * 10 >= high && fit * 100 >= high * 95;
}

static vb_status cp1258_to_utf8(const unsigned char *s, size_t len, vb_buf *out) {
    UErrorCode ec = U_ZERO_ERROR;
    UConverter *cv = ucnv_open("windows-1258", &ec);
    if (U_FAILURE(ec)) return VB_E_LEGACY_ENCODING;
    UConverter *u8 = ucnv_open("UTF-8", &ec);
    vb_status st = VB_OK;
    if (U_SUCCESS(ec) && vb_buf_reserve(out, len * 3 + 16)) {
        char *dst = out->data + out->len;
        const char *src = (const char *)s;
        ucnv_convertEx(u8, cv, &dst, out->data + out->cap - 1, &src, src + len, NULL, NULL, NULL, NULL, true,
                       true, &ec);
        if (U_FAILURE(ec))
            st = VB_E_ENCODING;
        else
            out->len = (size_t)(dst - out->data);
    } else {
        st = U_FAILURE(ec) ? VB_E_LEGACY_ENCODING : VB_E_NOMEM;
    }
    ucnv_close(u8);
    ucnv_close(cv);
    return st;
}

/* Split decoded UTF-8 into line blocks.  `text` is arena memory we may
 * modify: terminators become NUL so each block is a C string.  `src_of`
 * maps a decoded offset back to a source byte offset (NULL: identity). */
static vb_status split_lines(char *text, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r,
                             vb_blockv *out, const offsetv *starts, size_t src_base) {
    size_t line_no = 0;
    size_t start = 0;
    unsigned next_flags = 0;
    for (size_t i = 0; i <= len; i++) {
        i = next_break(text, i, len); /* the bytes before it are not line ends */
        char c = i < len ? text[i] : '\n';
        if (i - start > lim->max_line_bytes)
            return vb_result_error(r, VB_E_TOO_LARGE, "%s: line at byte %zu is over the %zu-byte bound",
                                   r->path, start, lim->max_line_bytes);
        vb_block b = {.text = text + start,
                      .len = i - start,
                      .src_offset =
                          starts && line_no < starts->len ? starts->items[line_no] : src_base + start,
                      .table = -1,
                      .row = -1,
                      .cell = -1,
                      .flags = next_flags};
        next_flags = c == '\f' ? VB_BLOCK_PAGE_BREAK : 0;
        if (i < len) text[i] = '\0';
        if (c == '\r' && i + 1 < len && text[i + 1] == '\n') text[++i] = '\0';
        if (i <= len && VB_PUSH(a, *out, b) != 0)
            return vb_result_error(r, VB_E_NOMEM, "%s: no memory for lines", r->path);
        start = i + 1;
        line_no++;
    }
    return VB_OK;
}

/* Detection of TCVN3/VNI (legacy.h states the rule): convert when the best
 * encoding explains at least 90% of the words holding 8-bit bytes, over at
 * least 3 such words, and the other at least 20 points less. */
enum { LEGACY_MIN_WORDS = 3 };
static const double LEGACY_SURE = 0.9, LEGACY_MARGIN = 0.2, LEGACY_CANDIDATE = 0.5;

static vb_legacy pick_legacy(const unsigned char *s, size_t n, vb_legacy_score *t, vb_legacy_score *v) {
    *t = vb_legacy_score_text(VB_LEGACY_TCVN3, s, n);
    *v = vb_legacy_score_text(VB_LEGACY_VNI, s, n);
    const vb_legacy_score *best = t->fit >= v->fit ? t : v, *other = best == t ? v : t;
    if (best->words >= LEGACY_MIN_WORDS && best->fit >= LEGACY_SURE &&
        other->fit <= best->fit - LEGACY_MARGIN)
        return best == t ? VB_LEGACY_TCVN3 : VB_LEGACY_VNI;
    return VB_LEGACY_NONE;
}

/* Legacy bytes decoded into the arena and split into lines, with a warning
 * saying how. */
static vb_status read_legacy(const unsigned char *s, size_t n, vb_legacy enc, const char *why,
                             const vb_limits *lim, vb_arena *a, vb_result *r, vb_blockv *out) {
    vb_buf b;
    vb_buf_init(&b);
    vb_legacy_decode(enc, s, n, &b);
    char *text = b.oom ? NULL : vb_arena_strndup(a, b.data ? b.data : "", b.len);
    size_t len = b.len;
    vb_buf_free(&b);
    if (!text) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
    vb_buf m;
    vb_buf_init(&m);
    vb_buf_printf(&m, "decoded as %s (legacy Vietnamese)%s", vb_legacy_name(enc), why);
    vb_warning w = {.code = "W_LEGACY_ENCODING",
                    .message = vb_arena_strdup(r->arena, vb_buf_cstr(&m) ? vb_buf_cstr(&m) : "")};
    vb_buf_free(&m);
    (void)VB_PUSH(r->arena, r->file_warnings, w);
    return split_lines(text, len, lim, a, r, out, NULL, 0);
}

/* --encoding: the named encoding, no guessing. */
static vb_status read_forced(const unsigned char *s, size_t n, size_t skip, const vb_limits *lim, vb_arena *a,
                             vb_result *r, vb_blockv *out) {
    if (lim->encoding == VB_ENC_TCVN3)
        return read_legacy(s, n, VB_LEGACY_TCVN3, " as --encoding asked", lim, a, r, out);
    if (lim->encoding == VB_ENC_VNI)
        return read_legacy(s, n, VB_LEGACY_VNI, " as --encoding asked", lim, a, r, out);
    if (lim->encoding == VB_ENC_CP1258) {
        vb_buf b;
        vb_buf_init(&b);
        vb_status st = cp1258_to_utf8(s, n, &b);
        char *text = st == VB_OK ? vb_arena_strndup(a, b.data ? b.data : "", b.len) : NULL;
        size_t len = b.len;
        vb_buf_free(&b);
        if (st != VB_OK) return vb_result_error(r, st, "%s: cannot decode as Windows-1258", r->path);
        if (!text) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
        return split_lines(text, len, lim, a, r, out, NULL, 0);
    }
    size_t bad = utf8_invalid_at(s, n); /* VB_ENC_UTF8 */
    if (bad != n)
        return vb_result_error(r, VB_E_ENCODING, "%s: %s at byte offset %zu (--encoding utf-8)", r->path,
                               s[bad] ? "invalid UTF-8" : "NUL byte", bad + skip);
    char *text = vb_arena_strndup(a, (const char *)s, n);
    if (!text) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
    return split_lines(text, n, lim, a, r, out, NULL, skip);
}

/* Control bytes no text encoding we read (nor TCVN3, which puts capitals
 * at 01 02 04-06 11-17) uses: random or binary data has ~6 % of them. */
static bool looks_binary(const unsigned char *s, size_t n) {
    /* 01 02 04-06, \t \n \v \f \r, 11-17, ESC */
    static const uint32_t text_c0 = 1u << 1 | 1u << 2 | 7u << 4 | 0x1Fu << 9 | 0x7Fu << 17 | 1u << 27;
    size_t controls = 0;
    for (size_t i = 0; i < n; i++) controls += s[i] == 0x7F || (s[i] < 0x20 && !(text_c0 >> s[i] & 1));
    return controls >= 4 && controls * 100 >= n;
}

/* Not text at all: say what it is instead of blaming an encoding.  `bad`:
 * the offset of the first byte that is not UTF-8. */
static vb_status refuse_non_text(vb_result *r, const unsigned char *s, size_t n, size_t bad) {
    static const unsigned char ole2[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (n >= sizeof ole2 && !memcmp(s, ole2, sizeof ole2))
        return vb_result_error(r, VB_E_UNSUPPORTED,
                               "%s: an OLE2 (Office 97-2003) file that is "
                               "not a Word document",
                               r->path);
    if (n >= 5 && !memcmp(s, "%PDF-", 5))
        return vb_result_error(r, VB_E_UNSUPPORTED, "%s: a PDF file: vanban reads DOCX and text", r->path);
    if (looks_binary(s, n))
        return vb_result_error(r, VB_E_NOT_DOCUMENT,
                               "%s: binary data, not a document "
                               "(neither DOCX nor text in any encoding; not text from byte "
                               "offset %zu)",
                               r->path, bad);
    return VB_OK;
}

vb_status vb_text_read(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r,
                       vb_blockv *out) {
    size_t skip = 0;
    int utf16 = -1; /* 0 LE, 1 BE */
    if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        skip = 3;
    else if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
        skip = 2, utf16 = 0;
    else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
        skip = 2, utf16 = 1;
    const unsigned char *s = data + skip;
    size_t n = len - skip;
    if (lim->encoding != VB_ENC_AUTO && utf16 < 0) return read_forced(s, n, skip, lim, a, r, out);

    if (utf16 < 0) {
        size_t bad = utf8_invalid_at(s, n);
        if (bad == n) { /* valid UTF-8: one copy into the arena, lines split in place */
            char *text = vb_arena_strndup(a, (const char *)s, n);
            if (!text) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
            return split_lines(text, n, lim, a, r, out, NULL, skip);
        }
        if (skip == 0) utf16 = guess_utf16(s, n);
        vb_status refused = utf16 < 0 ? refuse_non_text(r, s, n, bad + skip) : VB_OK;
        if (refused != VB_OK) return refused;
        if (utf16 < 0) {
            vb_buf b;
            vb_buf_init(&b);
            if (s[bad] != 0 && looks_cp1258(s, n) && cp1258_to_utf8(s, n, &b) == VB_OK) {
                char *text = vb_arena_strndup(a, b.data, b.len);
                size_t blen = b.len;
                vb_buf_free(&b);
                if (!text) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
                vb_warning w = {.code = "W_LEGACY_ENCODING",
                                .message = "decoded as Windows-1258 (legacy Vietnamese)"};
                (void)VB_PUSH(r->arena, r->file_warnings, w);
                /* source offsets here are decoded offsets (1 byte became 1-3) */
                return split_lines(text, blen, lim, a, r, out, NULL, 0);
            }
            vb_buf_free(&b);
            vb_legacy_score ts, vs;
            vb_legacy enc = s[bad] != 0 ? pick_legacy(s, n, &ts, &vs) : VB_LEGACY_NONE;
            if (enc != VB_LEGACY_NONE) {
                const vb_legacy_score *sc = enc == VB_LEGACY_TCVN3 ? &ts : &vs;
                char why[96];
                snprintf(why, sizeof why, ": %.0f%% of %zu words with 8-bit letters fit", 100 * sc->fit,
                         sc->words);
                return read_legacy(s, n, enc, why, lim, a, r, out);
            }
            if (s[bad] != 0 && (ts.fit >= LEGACY_CANDIDATE || vs.fit >= LEGACY_CANDIDATE) &&
                ts.words + vs.words >= 2 * LEGACY_MIN_WORDS)
                return vb_result_error(
                    r, VB_E_LEGACY_ENCODING,
                    "%s: not UTF-8 (invalid byte 0x%02X at offset %zu); a legacy Vietnamese "
                    "encoding, but which is not certain: TCVN3 fits %.0f%%, VNI %.0f%% of the "
                    "words with 8-bit letters; name it with --encoding tcvn3|vni|cp1258",
                    r->path, s[bad], bad + skip, 100 * ts.fit, 100 * vs.fit);
            /* Broken UTF-8 still holds valid multi-byte sequences; a legacy
             * 8-bit file holds almost none. */
            size_t valid_multi = 0, invalid = 0, high = 0;
            for (size_t i = 0; i < n;) {
                if (s[i] < 0x80) {
                    i++;
                    continue;
                }
                high++;
                UChar32 c;
                U8_NEXT(s, i, n, c);
                if (c < 0)
                    invalid++;
                else
                    valid_multi++;
            }
            if (s[bad] != 0 && high * 50 >= n && valid_multi * 4 < invalid)
                return vb_result_error(r, VB_E_LEGACY_ENCODING,
                                       "%s: not UTF-8 (invalid byte 0x%02X at offset %zu); it looks "
                                       "like a legacy Vietnamese 8-bit encoding (TCVN3/ABC or VNI): "
                                       "convert it to Unicode first",
                                       r->path, s[bad], bad + skip);
            return vb_result_error(r, VB_E_ENCODING, "%s: %s at byte offset %zu", r->path,
                                   s[bad] ? "invalid UTF-8" : "NUL byte", bad + skip);
        }
    }
    vb_buf b;
    vb_buf_init(&b);
    size_t bad = 0;
    offsetv starts = {0};
    vb_status st = utf16_to_utf8(s, n, utf16, &b, &bad, a, &starts, skip);
    if (st != VB_OK) {
        vb_buf_free(&b);
        if (st == VB_E_NOMEM) return vb_result_error(r, st, "%s: no memory", r->path);
        return vb_result_error(r, st, "%s: invalid UTF-16%s at byte offset %zu", r->path, utf16 ? "BE" : "LE",
                               bad + skip);
    }
    char *text = vb_arena_strndup(a, b.data ? b.data : "", b.len);
    size_t tlen = b.len;
    vb_buf_free(&b);
    if (!text) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
    return split_lines(text, tlen, lim, a, r, out, &starts, skip);
}
