#include "json_out.h"

#include <jansson.h>
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
    if (w->len && w->status == VB_OK && fwrite(w->block, 1, w->len, w->f) != w->len)
        w->status = VB_E_IO;
    w->len = 0;
}

static void put(vb_jout *w, const char *p, size_t n) {
    if (n > sizeof w->block - w->len) {
        flush(w);
        if (n > sizeof w->block) { /* a long run of a string: straight through */
            if (w->status == VB_OK && fwrite(p, 1, n, w->f) != n) w->status = VB_E_IO;
            return;
        }
    }
    memcpy(w->block + w->len, p, n);
    w->len += n;
}

static void put_indent(vb_jout *w, unsigned depth) {
    /* depth < VB_JOUT_MAX_DEPTH, so one literal covers every level */
    static const char spaces[2 * VB_JOUT_MAX_DEPTH + 2] =
        "\n                                                                "
        "                                                                ";
    put(w, spaces, 1 + 2 * (size_t)depth);
}

/* What jansson writes before an element: a comma after a sibling, then a
 * newline and two spaces a level (nothing more in compact mode). */
static void before_value(vb_jout *w) {
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth == 0) return;
    if (!w->first[w->depth]) put(w, ",", 1);
    w->first[w->depth] = false;
    if (!w->compact) put_indent(w, w->depth);
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

/* UTF-8 is checked with a small automaton (Unicode's table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF): two table lookups
 * a byte and no data-dependent branch, which matters for Vietnamese text,
 * where one- and multi-byte characters alternate unpredictably. */
enum { U_OK, U_BAD, U_NEED1, U_NEED2, U_NEED3, U_E0, U_ED, U_F0, U_F4, U_STATES };

/* Byte classes: ES must be escaped (controls, '"', '\\': ASCII, so an
 * escape never splits a character), AS other ASCII, C8/C9/CA continuation
 * bytes 80-8F/90-9F/A0-BF, L2/L3/L4 leads of 2/3/4-byte sequences, E0 ED F0
 * F4 the leads with a narrower second byte, XX never in UTF-8. */
enum { AS, C8, C9, CA, XX, L2, E0, L3, ED, F0, L4, F4, ES };

static const unsigned char byte_class[256] = {
    ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, /* 00 */
    ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, ES, /* 10 */
    AS, AS, ES, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, /* 20 */
    AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, /* 30 */
    AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, /* 40 */
    AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, ES, AS, AS, AS, /* 50 */
    AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, /* 60 */
    AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, AS, /* 70 */
    C8, C8, C8, C8, C8, C8, C8, C8, C8, C8, C8, C8, C8, C8, C8, C8, /* 80 */
    C9, C9, C9, C9, C9, C9, C9, C9, C9, C9, C9, C9, C9, C9, C9, C9, /* 90 */
    CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, /* A0 */
    CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, CA, /* B0 */
    XX, XX, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, /* C0 */
    L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, L2, /* D0 */
    E0, L3, L3, L3, L3, L3, L3, L3, L3, L3, L3, L3, L3, ED, L3, L3, /* E0 */
    F0, L4, L4, L4, F4, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, XX, /* F0 */
};

static const unsigned char utf8_next[U_STATES][ES] = {
    /*          AS     C8       C9       CA       XX     L2       E0     L3       ED     F0     L4       F4 */
    [U_OK] =    {U_OK, U_BAD,   U_BAD,   U_BAD,   U_BAD, U_NEED1, U_E0,  U_NEED2, U_ED,  U_F0,  U_NEED3, U_F4},
    [U_BAD] =   {U_BAD, U_BAD,  U_BAD,   U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
    [U_NEED1] = {U_BAD, U_OK,   U_OK,    U_OK,    U_BAD, U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
    [U_NEED2] = {U_BAD, U_NEED1, U_NEED1, U_NEED1, U_BAD, U_BAD,  U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
    [U_NEED3] = {U_BAD, U_NEED2, U_NEED2, U_NEED2, U_BAD, U_BAD,  U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
    [U_E0] =    {U_BAD, U_BAD,  U_BAD,   U_NEED1, U_BAD, U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
    [U_ED] =    {U_BAD, U_NEED1, U_NEED1, U_BAD,  U_BAD, U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
    [U_F0] =    {U_BAD, U_BAD,  U_NEED2, U_NEED2, U_BAD, U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
    [U_F4] =    {U_BAD, U_NEED2, U_BAD,  U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD,   U_BAD, U_BAD, U_BAD,   U_BAD},
};

/* jansson's escapes; every other code point is copied as UTF-8.  The text
 * is checked as it is copied: ill-formed UTF-8 (which jansson's dumper also
 * refuses) makes the whole output fail rather than go out broken. */
static void put_quoted(vb_jout *w, const char *s, size_t n) {
    put(w, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0;
    unsigned state = U_OK;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        unsigned k = byte_class[c];
        if (k != ES) {
            state = utf8_next[state][k];
            continue;
        }
        if (state != U_OK) break; /* a sequence cut by an ASCII byte */
        put(w, s + run, i - run);
        char esc[8];
        size_t len = 2;
        esc[0] = '\\';
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            len = (size_t)snprintf(esc, sizeof esc, "\\u%04X", (unsigned)c);
        }
        put(w, esc, len);
        run = i + 1;
    }
    if (state != U_OK) {
        if (w->status == VB_OK) w->status = VB_E_INTERNAL;
        return;
    }
    put(w, s + run, n - run);
    put(w, "\"", 1);
}

void vb_jout_key(vb_jout *w, const char *key) {
    before_value(w);
    /* keys are the contract's own names: nothing in them needs escaping */
    put(w, "\"", 1);
    put(w, key, strlen(key));
    put(w, w->compact ? "\":" : "\": ", w->compact ? 2 : 3);
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
