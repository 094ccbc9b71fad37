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

/* Length of the well-formed UTF-8 sequence at p (Unicode's table 3-7: no
 * overlong forms, no surrogates, nothing above U+10FFFF), 0 if ill-formed. */
static size_t utf8_sequence(const unsigned char *p, size_t n) {
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;
    size_t len;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    else return 0;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    else if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    if (n < len || p[1] < lo || p[1] > hi) return 0;
    for (size_t i = 2; i < len; i++)
        if ((p[i] & 0xC0) != 0x80) return 0;
    return len;
}

/* jansson's escapes; every other code point is copied as UTF-8.  The text
 * is checked as it is copied: ill-formed UTF-8 (which jansson's dumper also
 * refuses) makes the whole output fail rather than go out broken. */
/* Bytes a string can copy as they are: printable ASCII but '"' and '\\'
 * (bytes >= 0x80 are checked as UTF-8 sequences instead). */
static bool plain_byte(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

static void put_quoted(vb_jout *w, const char *s, size_t n) {
    put(w, "\"", 1);
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0, i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (plain_byte(c)) {
            i++;
            continue;
        }
        /* Vietnamese letters U+1EA0..U+1EF9: E1 BA|BB 80..BF, checked inline */
        if (c == 0xE1 && n - i >= 3 && (p[i + 1] == 0xBA || p[i + 1] == 0xBB) &&
            (p[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        if (c >= 0x80) {
            size_t k = utf8_sequence(p + i, n - i);
            if (k == 0) {
                if (w->status == VB_OK) w->status = VB_E_INTERNAL;
                return;
            }
            i += k;
            continue;
        }
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
        run = ++i;
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

void vb_jout_int(vb_jout *w, long long v) {
    before_value(w);
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%lld", v);
    put(w, buf, (size_t)n);
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
