#include "json_out.h"

#include <jansson.h>
#include <stdint.h>
#include <string.h>

void vb_jout_init(vb_jout *w, FILE *f, bool compact) {
    w->f = f;
    w->compact = compact;
    w->status = VB_OK;
    w->depth = 0;
    w->first[0] = true;
    w->after_key = false;
    w->len = 0;
}

static void flush(vb_jout *w) {
    if (w->len && w->status == VB_OK && fwrite(w->block, 1, w->len, w->f) != w->len) w->status = VB_E_IO;
    w->len = 0;
}

/* The block is full: flush it, then keep the bytes or, for a run longer
 * than the block, write them straight through. */
static void put_slow(vb_jout *w, const char *p, size_t n) {
    flush(w);
    if (n > sizeof w->block) {
        if (w->status == VB_OK && fwrite(p, 1, n, w->f) != n) w->status = VB_E_IO;
        return;
    }
    memcpy(w->block, p, n);
    w->len = n;
}

/* Inline, so that the many one- to three-byte pieces (quotes, commas,
 * indents) are a store or two instead of a call and a memcpy call. */
static inline void put(vb_jout *w, const char *p, size_t n) {
    if (n > sizeof w->block - w->len) {
        put_slow(w, p, n);
        return;
    }
    memcpy(w->block + w->len, p, n);
    w->len += n;
}

/* A comma, a newline and two spaces a level (depth < VB_JOUT_MAX_DEPTH, so
 * one literal covers every level): the separator and the indent that
 * jansson writes before an element are one piece, the indent alone (the
 * closing bracket's) starts after the comma. */
static const char comma_indent[2 + 2 * VB_JOUT_MAX_DEPTH + 1] =
    ",\n                                                                "
    "                                                                ";

static void put_indent(vb_jout *w, unsigned depth) { put(w, comma_indent + 1, 1 + 2 * (size_t)depth); }

/* What jansson writes before an element: a comma after a sibling, then a
 * newline and two spaces a level (nothing more in compact mode). */
static void before_value(vb_jout *w) {
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) return;
    size_t skip = w->first[w->depth]; /* no comma before the first element */
    w->first[w->depth] = false;
    if (w->compact) {
        if (!skip) put(w, ",", 1);
        return;
    }
    size_t n = 2 - skip + 2 * (size_t)w->depth;
    if (n <= 32 && 32 <= sizeof w->block - w->len) {
        /* A fixed 32 bytes are two moves, not a memcpy call; the bytes past
         * n are spare room of the block, overwritten by what comes next. */
        memcpy(w->block + w->len, comma_indent + skip, 32);
        w->len += n;
    } else {
        put(w, comma_indent + skip, n);
    }
}

static void open(vb_jout *w, char c) {
    before_value(w);
    put(w, &c, 1);
    if (w->depth + 1 >= VB_JOUT_MAX_DEPTH) {
        if (w->status == VB_OK) w->status = VB_E_INTERNAL;
        return;
    }
    w->first[++w->depth] = true;
}

static void close(vb_jout *w, char c) {
    if (w->depth == 0) {
        if (w->status == VB_OK) w->status = VB_E_INTERNAL;
        return;
    }
    bool empty = w->first[w->depth];
    w->depth--;
    if (!empty && !w->compact) put_indent(w, w->depth);
    put(w, &c, 1);
}

void vb_jout_object(vb_jout *w) { open(w, '{'); }
void vb_jout_object_end(vb_jout *w) { close(w, '}'); }
void vb_jout_array(vb_jout *w) { open(w, '['); }
void vb_jout_array_end(vb_jout *w) { close(w, ']'); }

/* ---- strings ---------------------------------------------------------------
 *
 * A string is checked first and copied after: the check decides whether
 * anything of it is written, and the copy only looks for the bytes jansson
 * escapes.  The two are independent because every escaped byte is ASCII:
 * inside a well-formed string an ASCII byte is always a whole character,
 * and an ASCII byte inside a multi-byte sequence makes the string
 * ill-formed, which the check refuses.
 *
 * The check is Unicode's table 3-7 (no overlong forms, no surrogates,
 * nothing above U+10FFFF) as a shift automaton: each state is a bit offset
 * 0..48 into a 64-bit row per byte, and the row's 6 bits at that offset
 * are the next state.  The row load does not depend on the state, so each
 * byte costs a load and a shift on the dependency chain, with no branch —
 * Vietnamese text alternates one- and multi-byte characters unpredictably,
 * so branches on the byte would mispredict.  Bits above the current field
 * are left in the state; `& 63` drops them at the next step. */
enum { S_OK = 0, S_BAD = 6, S_N1 = 12, S_N2 = 18, S_N3 = 24, S_E0 = 30, S_ED = 36, S_F0 = 42, S_F4 = 48 };

/* A row: the next state from OK, from each state that waits for
 * continuation bytes (N1..N3 need that many more; E0 ED F0 F4 need a second
 * byte in their narrower range), and BAD, which stays BAD. */
#define ROW(ok, n1, n2, n3, e0, ed, f0, f4)                                                                \
    ((uint64_t)(ok) << S_OK | (uint64_t)S_BAD << S_BAD | (uint64_t)(n1) << S_N1 | (uint64_t)(n2) << S_N2 | \
     (uint64_t)(n3) << S_N3 | (uint64_t)(e0) << S_E0 | (uint64_t)(ed) << S_ED | (uint64_t)(f0) << S_F0 |   \
     (uint64_t)(f4) << S_F4)
#define B_ S_BAD
/* ASCII; continuation bytes 80-8F, 90-9F, A0-BF; never in UTF-8 (C0 C1
 * F5-FF); leads of 2, 3, 4 bytes; the leads with a narrower second byte. */
#define AS ROW(S_OK, B_, B_, B_, B_, B_, B_, B_)
#define C8 ROW(B_, S_OK, S_N1, S_N2, B_, S_N1, B_, S_N2)
#define C9 ROW(B_, S_OK, S_N1, S_N2, B_, S_N1, S_N2, B_)
#define CA ROW(B_, S_OK, S_N1, S_N2, S_N1, B_, S_N2, B_)
#define XX ROW(B_, B_, B_, B_, B_, B_, B_, B_)
#define L2 ROW(S_N1, B_, B_, B_, B_, B_, B_, B_)
#define L3 ROW(S_N2, B_, B_, B_, B_, B_, B_, B_)
#define L4 ROW(S_N3, B_, B_, B_, B_, B_, B_, B_)
#define LE0 ROW(S_E0, B_, B_, B_, B_, B_, B_, B_)
#define LED ROW(S_ED, B_, B_, B_, B_, B_, B_, B_)
#define LF0 ROW(S_F0, B_, B_, B_, B_, B_, B_, B_)
#define LF4 ROW(S_F4, B_, B_, B_, B_, B_, B_, B_)
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x

static const uint64_t utf8_row[256] = {
    R16(AS), R16(AS), R16(AS), R16(AS), R16(AS), R16(AS), R16(AS), R16(AS), /* 00-7F */
    R16(C8), R16(C9), R16(CA), R16(CA),                                     /* 80-BF */
    XX,      XX,      L2,      L2,      L2,      L2,      L2,      L2,
    L2,      L2,      L2,      L2,      L2,      L2,      L2,      L2, /* C0 */
    R16(L2),                                                           /* D0 */
    LE0,     L3,      L3,      L3,      L3,      L3,      L3,      L3,
    L3,      L3,      L3,      L3,      L3,      LED,     L3,      L3, /* E0 */
    LF0,     L4,      L4,      L4,      LF4,     XX,      XX,      XX,
    XX,      XX,      XX,      XX,      XX,      XX,      XX,      XX, /* F0 */
};
#undef ROW
#undef B_
#undef AS
#undef C8
#undef C9
#undef CA
#undef XX
#undef L2
#undef L3
#undef L4
#undef LE0
#undef LED
#undef LF0
#undef LF4
#undef R16

static bool utf8_valid(const unsigned char *p, size_t n) {
    uint64_t st = S_OK;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        st = utf8_row[p[i]] >> (st & 63);
        st = utf8_row[p[i + 1]] >> (st & 63);
        st = utf8_row[p[i + 2]] >> (st & 63);
        st = utf8_row[p[i + 3]] >> (st & 63);
        st = utf8_row[p[i + 4]] >> (st & 63);
        st = utf8_row[p[i + 5]] >> (st & 63);
        st = utf8_row[p[i + 6]] >> (st & 63);
        st = utf8_row[p[i + 7]] >> (st & 63);
    }
    for (; i < n; i++) st = utf8_row[p[i]] >> (st & 63);
    return (st & 63) == S_OK;
}

/* jansson escapes the controls, '"' and '\\', nothing else. */
static bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

/* Bit 7 set in each of the 8 bytes of w that needs escaping, all bytes at
 * once.  With x = w with every bit 7 cleared, each byte of x is at most 7F,
 * so adding 60 or 7F to it (or to it xor 22 / 5C) never carries into the
 * next byte: bit 7 of x + 60 is set exactly where x >= 20, of (x ^ 22) + 7F
 * where x != '"', of (x ^ 5C) + 7F where x != '\\'.  A byte needs escaping
 * where all three are clear and w's own bit 7 is clear (it is ASCII). */
static uint64_t escape_bits(const unsigned char *p) {
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t w;
    memcpy(&w, p, sizeof w);
    uint64_t x = w & ~high;
    uint64_t fine = (x + 0x60 * ones) & ((x ^ 0x22 * ones) + 0x7F * ones) & ((x ^ 0x5C * ones) + 0x7F * ones);
    return ~(fine | w) & high;
}

/* Offset of the first byte at or after i that needs escaping, or n: 16
 * bytes a step (two independent words), then the word, then the byte. */
static size_t next_escape(const unsigned char *p, size_t i, size_t n) {
    while (i + 16 <= n && !(escape_bits(p + i) | escape_bits(p + i + 8))) i += 16;
    while (i + 8 <= n && !escape_bits(p + i)) i += 8;
    while (i < n && !needs_escape(p[i])) i++;
    return i;
}

static void put_escape(vb_jout *w, unsigned char c) {
    static const char hex[] = "0123456789ABCDEF";
    char esc[6] = {'\\', 0, '0', '0', 0, 0};
    size_t len = 2;
    switch (c) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\b': esc[1] = 'b'; break;
    case '\f': esc[1] = 'f'; break;
    case '\n': esc[1] = 'n'; break;
    case '\r': esc[1] = 'r'; break;
    case '\t': esc[1] = 't'; break;
    default: /* another control: \u00XX, upper-case hex as jansson's "\\u%04X" */
        esc[1] = 'u';
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 15];
        len = 6;
    }
    put(w, esc, len);
}

/* jansson's escapes; every other byte is copied, in runs between escapes.
 * Ill-formed UTF-8 (which jansson's dumper also refuses) makes the whole
 * output fail rather than go out broken; nothing of the string is written. */
static void put_quoted(vb_jout *w, const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    if (!utf8_valid(p, n)) {
        if (w->status == VB_OK) w->status = VB_E_INTERNAL;
        return;
    }
    put(w, "\"", 1);
    size_t run = 0, i = 0;
    while ((i = next_escape(p, i, n)) < n) {
        put(w, s + run, i - run);
        put_escape(w, p[i]);
        run = ++i;
    }
    put(w, s + run, n - run);
    put(w, "\"", 1);
}

/* Keys are the contract's own names: nothing in them needs escaping.  The
 * quoted key and its ": " go into the block as one piece when they fit. */
void vb_jout_key(vb_jout *w, const char *key) {
    before_value(w);
    size_t k = strlen(key), sep = w->compact ? 2 : 3;
    if (k + 4 <= sizeof w->block - w->len) {
        char *o = w->block + w->len;
        o[0] = '"';
        memcpy(o + 1, key, k);
        memcpy(o + 1 + k, "\": ", 3); /* compact: the space is left past the end */
        w->len += k + 1 + sep;
    } else {
        put(w, "\"", 1);
        put(w, key, k);
        put(w, "\": ", sep);
    }
    w->after_key = true;
}

void vb_jout_stringn(vb_jout *w, const char *s, size_t n) {
    before_value(w);
    put_quoted(w, s, n);
}

void vb_jout_string(vb_jout *w, const char *s) {
    if (!s) {
        vb_jout_null(w);
        return;
    }
    vb_jout_stringn(w, s, strlen(s));
}

void vb_jout_null(vb_jout *w) {
    before_value(w);
    put(w, "null", 4);
}

/* Integers are the most frequent values (two a span): digits written
 * directly rather than through printf's format machinery. */
void vb_jout_int(vb_jout *w, long long v) {
    before_value(w);
    char buf[24];
    size_t at = sizeof buf;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        buf[--at] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) buf[--at] = '-';
    put(w, buf + at, sizeof buf - at);
}

/* Reals are few (a target's value): jansson formats them, so the digits,
 * the ".0" of integral values and the exponent form are exactly its own. */
void vb_jout_real(vb_jout *w, double v) {
    before_value(w);
    json_t *r = json_real(v);
    char buf[64];
    size_t n = r ? json_dumpb(r, buf, sizeof buf, JSON_ENCODE_ANY | JSON_REAL_PRECISION(10)) : 0;
    json_decref(r);
    if (n == 0 || n > sizeof buf) {
        if (w->status == VB_OK) w->status = VB_E_INTERNAL;
        return;
    }
    put(w, buf, n);
}

void vb_jout_raw(vb_jout *w, const char *p, size_t n) { put(w, p, n); }

vb_status vb_jout_finish(vb_jout *w) {
    if (w->depth != 0 && w->status == VB_OK) w->status = VB_E_INTERNAL;
    put(w, "\n", 1);
    flush(w);
    return w->status;
}
