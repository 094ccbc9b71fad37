/* test_json_out.c — the streaming JSON writer writes jansson's own bytes.
 *
 * Readers of the result files (and the batch cache, which re-dumps a stored
 * result with jansson) rely on the layout jansson produced before the writer
 * streamed: every case here is checked against jansson itself — either
 * jansson dumping the same values, or jansson reloading the streamed text
 * and dumping it again, which must give back the same bytes. */
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/emit/json_out.h"
#include "../../pipeline/emit/json_write.h"
#include "../../pipeline/pipeline.h"
#include "check.h"

typedef struct {
    char *buf;
    size_t len;
    FILE *f;
    vb_jout w;
} capture;

static void cap_open(capture *c, bool compact) {
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    vb_jout_init(&c->w, c->f, compact);
}

static vb_status cap_close(capture *c) {
    vb_status s = vb_jout_finish(&c->w);
    fclose(c->f);
    return s;
}

/* jansson's dump of v in the given layout, with the writer's final newline. */
static char *jansson_text(json_t *v, bool compact) {
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) | JSON_ENCODE_ANY |
                   (compact ? JSON_COMPACT : JSON_INDENT(2));
    char *s = json_dumps(v, flags);
    if (!s) return NULL;
    size_t n = strlen(s);
    char *t = malloc(n + 2);
    if (t) {
        memcpy(t, s, n);
        memcpy(t + n, "\n", 2);
    }
    free(s);
    return t;
}

/* Reload the streamed text and dump it again: the same bytes come back. */
static void check_roundtrip(const char *text, size_t len, bool compact) {
    json_error_t err;
    json_t *v = json_loadb(text, len, JSON_DECODE_ANY, &err);
    CHECK(v != NULL);
    if (!v) {
        fprintf(stderr, "  reload failed: %s (line %d)\n", err.text, err.line);
        return;
    }
    char *again = jansson_text(v, compact);
    CHECK(again && strlen(again) == len && memcmp(again, text, len) == 0);
    if (again && (strlen(again) != len || memcmp(again, text, len) != 0))
        fprintf(stderr, "  streamed:\n%.*s\n  jansson:\n%s\n", (int)(len > 400 ? 400 : len), text, again);
    free(again);
    json_decref(v);
}

/* Every ASCII byte (controls, quote, backslash, slash, DEL) and multi-byte
 * UTF-8 of each length, as one string: escaped exactly as jansson does. */
static void test_string_escapes(void) {
    char s[256];
    size_t n = 0;
    for (int c = 1; c < 0x80; c++) s[n++] = (char)c;
    const char *wide = "Ủy ban – “Hà Nội” \xF0\x9F\x98\x80 \xEF\xBB\xBF";
    memcpy(s + n, wide, strlen(wide));
    n += strlen(wide);
    for (int compact = 0; compact < 2; compact++) {
        capture c;
        cap_open(&c, compact);
        vb_jout_array(&c.w);
        vb_jout_stringn(&c.w, s, n);
        vb_jout_string(&c.w, NULL);
        vb_jout_string(&c.w, "");
        vb_jout_array_end(&c.w);
        CHECK_INT(cap_close(&c), VB_OK);
        json_t *want = json_pack("[s%,n,s]", s, n, "");
        char *wt = jansson_text(want, compact);
        CHECK(wt && strcmp(wt, c.buf) == 0);
        free(wt);
        json_decref(want);
        free(c.buf);
    }
}

/* Reals go through jansson's formatting: integral values keep ".0",
 * exponents lose '+' and leading zeros, precision is 10 digits. */
static void test_reals_and_integers(void) {
    const double reals[] = {0, 95, 12.5, -3, 0.1, 1.0 / 3, 1e20, 1e-7, 123456789012.0, 99.99};
    capture c;
    cap_open(&c, false);
    vb_jout_array(&c.w);
    json_t *want = json_array();
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) {
        vb_jout_real(&c.w, reals[i]);
        json_array_append_new(want, json_real(reals[i]));
    }
    vb_jout_int(&c.w, 0);
    vb_jout_int(&c.w, -42);
    vb_jout_int(&c.w, 9007199254740993LL);
    vb_jout_int(&c.w, LLONG_MIN);
    vb_jout_int(&c.w, LLONG_MAX);
    json_array_append_new(want, json_integer(0));
    json_array_append_new(want, json_integer(-42));
    json_array_append_new(want, json_integer(9007199254740993LL));
    json_array_append_new(want, json_integer(LLONG_MIN));
    json_array_append_new(want, json_integer(LLONG_MAX));
    vb_jout_array_end(&c.w);
    CHECK_INT(cap_close(&c), VB_OK);
    char *wt = jansson_text(want, false);
    CHECK(wt && strcmp(wt, c.buf) == 0);
    free(wt);
    json_decref(want);
    free(c.buf);

    cap_open(&c, false);
    vb_jout_real(&c.w, NAN);
    CHECK_INT(cap_close(&c), VB_E_INTERNAL);
    free(c.buf);
}

/* Empty and nested containers, keys, both layouts. */
static void test_layout(void) {
    for (int compact = 0; compact < 2; compact++) {
        capture c;
        cap_open(&c, compact);
        vb_jout_object(&c.w);
        vb_jout_key(&c.w, "empty_object");
        vb_jout_object(&c.w);
        vb_jout_object_end(&c.w);
        vb_jout_key(&c.w, "empty_array");
        vb_jout_array(&c.w);
        vb_jout_array_end(&c.w);
        vb_jout_key(&c.w, "nested");
        vb_jout_array(&c.w);
        vb_jout_object(&c.w);
        vb_jout_key(&c.w, "key_1");
        vb_jout_null(&c.w);
        vb_jout_key(&c.w, "children");
        vb_jout_array(&c.w);
        vb_jout_array(&c.w);
        vb_jout_int(&c.w, 1);
        vb_jout_array_end(&c.w);
        vb_jout_array_end(&c.w);
        vb_jout_object_end(&c.w);
        vb_jout_int(&c.w, 2);
        vb_jout_array_end(&c.w);
        vb_jout_object_end(&c.w);
        CHECK_INT(cap_close(&c), VB_OK);
        check_roundtrip(c.buf, c.len, compact);
        free(c.buf);
    }
}

/* Ill-formed UTF-8 fails the output (jansson refuses it too) instead of
 * going out as broken JSON. */
static void test_ill_formed_utf8(void) {
    static const char *const bad[] = {
        "a\xC0\x80",        /* overlong NUL */
        "\xED\xA0\x80",     /* surrogate */
        "\xF4\x90\x80\x80", /* above U+10FFFF */
        "\xF5\x80\x80\x80", /* invalid lead */
        "x\xE1\xBB",        /* cut short */
        "\x80",             /* lone continuation */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        capture c;
        cap_open(&c, false);
        vb_jout_string(&c.w, bad[i]);
        CHECK_INT(cap_close(&c), VB_E_INTERNAL);
        json_t *j = json_string(bad[i]);
        CHECK(j == NULL);
        json_decref(j);
        free(c.buf);
    }
}

/* One string written alone agrees with jansson: both refuse it, or both
 * accept it and write the same bytes.  *accepted says which. */
static bool string_agrees(const char *s, size_t n, bool compact, bool *accepted) {
    capture c;
    cap_open(&c, compact);
    vb_jout_stringn(&c.w, s, n);
    bool ok = cap_close(&c) == VB_OK;
    json_t *j = json_stringn(s, n);
    bool agree = ok == (j != NULL);
    if (agree && ok) {
        char *want = jansson_text(j, compact);
        agree = want && strcmp(want, c.buf) == 0;
        free(want);
    }
    json_decref(j);
    free(c.buf);
    *accepted = ok;
    return agree;
}

/* Random byte strings drawn from the bytes that matter to UTF-8 (leads,
 * continuations, the narrow-range leads, escapes): the writer accepts
 * exactly what jansson accepts, and writes what jansson writes. */
static void test_random_bytes_agree_with_jansson(void) {
    static const unsigned char alphabet[] = {'a',  ' ',  '"',  '\\', 0x01, 0x1F, 0x7F, 0x80, 0x8F,
                                             0x90, 0x9F, 0xA0, 0xBB, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0,
                                             0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
    unsigned long long seed = 0x9E3779B97F4A7C15ull;
    int agreed = 0, accepted = 0;
    for (int round = 0; round < 20000; round++) {
        unsigned char s[12];
        size_t n = 1 + round % sizeof s;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            s[i] = alphabet[(seed >> 33) % sizeof alphabet];
        }
        bool ok;
        agreed += string_agrees((const char *)s, n, true, &ok);
        accepted += ok;
    }
    CHECK_INT(agreed, 20000);
    CHECK(accepted > 100); /* both outcomes were exercised */
    if (accepted <= 100) fprintf(stderr, "  accepted %d\n", accepted);
}

/* Characters jansson leaves alone or escapes in ways that are easy to get
 * wrong: NUL inside a string (\u0000), DEL, U+2028/U+2029 (raw, not
 * escaped), and non-ASCII bytes whose low seven bits are '"', '\\' or a
 * control (A2, DC, 80-9F), which a word-at-a-time scan must not take for
 * bytes to escape. */
static void test_string_edge_characters(void) {
    static const char s[] = "a\0b\x7F\xE2\x80\xA8\xE2\x80\xA9\xC2\xA2\xDC\x90\xC2\x80\xC2\x9F"
                            "\xF0\x9F\x98\x80\xEE\x80\x80\"\\\x01\x1F\x00z";
    const size_t n = sizeof s - 1;
    for (size_t from = 0; from < n; from++) { /* every suffix: every alignment */
        bool ok;
        CHECK(string_agrees(s + from, n - from, true, &ok));
    }
}

/* Random strings of whole characters (so mostly well-formed) up to 70 bytes,
 * an escape at every offset of the 8-byte words the writer scans: written as
 * jansson writes them. */
static void test_random_characters_agree_with_jansson(void) {
    static const char *const chars[] = {
        "a",        " ",        "\"",           "\\",           "\n",
        "\t",       "\x01",     "\x1F",         "\x7F",         "\xC2\xA2",
        "\xDC\x90", "\xC3\x9C", "\xE1\xBB\xA7", "\xE2\x80\xA8", "\xF0\x9F\x98\x80",
        "\xC4\x91"};
    unsigned long long seed = 0x2545F4914F6CDD1Dull;
    int agreed = 0;
    for (int round = 0; round < 5000; round++) {
        char s[96];
        size_t n = 0, want_len = (size_t)(round % 71);
        while (n < want_len) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *ch = chars[(seed >> 33) % (sizeof chars / sizeof *chars)];
            size_t k = strlen(ch);
            memcpy(s + n, ch, k);
            n += k;
        }
        bool ok;
        agreed += string_agrees(s, n, round & 1, &ok) && ok;
    }
    CHECK_INT(agreed, 5000);
}

/* s[from .. from + len) shrunk to whole UTF-8 characters. */
static void put_whole(vb_jout *w, const char *s, size_t from, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t end = from + len;
    while (from < end && (p[from] & 0xC0) == 0x80) from++;
    while (end > from && (p[end] & 0xC0) == 0x80) end--;
    vb_jout_stringn(w, s + from, end - from);
}

/* Strings longer than the writer's block, with escapes and multi-byte
 * characters on both sides of every block boundary (the padding before
 * them shifts where the boundaries fall), keys and indents written when
 * the block is nearly full, and nesting deeper than the short indent path:
 * still jansson's bytes.  An ill-formed byte at the very end of a long
 * string still fails the output. */
static void test_long_strings_across_blocks(void) {
    size_t n = 3 * VB_JOUT_BLOCK + 77;
    char *s = malloc(n + 1);
    CHECK(s != NULL);
    if (!s) return;
    static const char piece[] = "Ủy ban \"nhân dân\"\n\tth\xE1\xBB\xA7 t\xC6\xB0\xE1\xBB\x9Bng\\ ";
    for (size_t i = 0; i < n; i++) s[i] = piece[i % (sizeof piece - 1)];
    while (((unsigned char)s[n - 1] & 0xC0) == 0x80 || (unsigned char)s[n - 1] >= 0xC0) n--;
    s[n] = 0;
    for (int compact = 0; compact < 2; compact++) {
        for (size_t pad = VB_JOUT_BLOCK - 80; pad < VB_JOUT_BLOCK + 8; pad += 3) {
            capture c;
            cap_open(&c, compact);
            vb_jout_object(&c.w);
            vb_jout_key(&c.w, "pad");
            put_whole(&c.w, s, n - pad, pad);
            vb_jout_key(&c.w, "nested");
            for (int d = 0; d < 24; d++) {
                vb_jout_array(&c.w);
                vb_jout_int(&c.w, d);
                vb_jout_object(&c.w);
                vb_jout_key(&c.w, "some_key");
                put_whole(&c.w, s, (size_t)d, 5 + (size_t)d);
                vb_jout_key(&c.w, "next");
            }
            vb_jout_stringn(&c.w, s, n);
            for (int d = 0; d < 24; d++) {
                vb_jout_object_end(&c.w);
                vb_jout_array_end(&c.w);
            }
            vb_jout_object_end(&c.w);
            CHECK_INT(cap_close(&c), VB_OK);
            check_roundtrip(c.buf, c.len, compact);
            free(c.buf);
        }
    }
    capture c;
    cap_open(&c, false);
    s[n - 1] = (char)0xE1;
    vb_jout_stringn(&c.w, s, n);
    CHECK_INT(cap_close(&c), VB_E_INTERNAL);
    free(c.buf);
    free(s);
}

/* Unbalanced use is an error, never a silent half object. */
static void test_unbalanced(void) {
    capture c;
    cap_open(&c, false);
    vb_jout_object(&c.w);
    CHECK_INT(cap_close(&c), VB_E_INTERNAL);
    free(c.buf);
    cap_open(&c, false);
    vb_jout_array_end(&c.w);
    CHECK_INT(cap_close(&c), VB_E_INTERNAL);
    free(c.buf);
}

/* Whole results of the real documents, text and DOCX: the streamed file is
 * what jansson itself writes for the same JSON, and the tree functions give
 * that same JSON. */
static void test_real_documents(void) {
    static const char *const files[] = {
        "samples/000_0f9300581a36c327.txt",
        "samples/001_8a9538f428947bda.txt",
        "samples/002_1650eb5d82567ecd.txt",
        "samples/003_853f2636e4462903.txt",
        "samples/docx/pandoc/003_853f2636e4462903.docx",
        "samples/docx/libreoffice/000_0f9300581a36c327.docx",
        "samples/no-such-file.txt", /* an error result */
    };
    vb_pipeline_options o;
    vb_pipeline_options_default(&o);
    vb_pipeline *p = NULL;
    CHECK_INT(vb_pipeline_open(&o, &p), VB_OK);
    if (!p) return;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        vb_result *r = NULL;
        (void)vb_pipeline_convert_file(p, files[i], &r);
        CHECK(r != NULL);
        if (!r) continue;
        if (i < 6) CHECK(r->documents.len >= 1 && r->documents.items[0].text_len > 1000);
        for (int compact = 0; compact < 2; compact++) {
            char *buf = NULL;
            size_t len = 0;
            FILE *f = open_memstream(&buf, &len);
            CHECK_INT(vb_json_write_result(r, f, compact ? VB_JSON_COMPACT : 0), VB_OK);
            fclose(f);
            check_roundtrip(buf, len, compact);
            json_t *tree = vb_json_result(r);
            char *t = tree ? jansson_text(tree, compact) : NULL;
            CHECK(t && strcmp(t, buf) == 0);
            free(t);
            json_decref(tree);
            free(buf);
        }
        vb_result_free(r);
    }
    vb_pipeline_close(p);
}

int main(void) {
    VB_RUN(test_string_escapes);
    VB_RUN(test_reals_and_integers);
    VB_RUN(test_layout);
    VB_RUN(test_ill_formed_utf8);
    VB_RUN(test_random_bytes_agree_with_jansson);
    VB_RUN(test_string_edge_characters);
    VB_RUN(test_random_characters_agree_with_jansson);
    VB_RUN(test_long_strings_across_blocks);
    VB_RUN(test_unbalanced);
    VB_RUN(test_real_documents);
    return VB_SUMMARY("json_out");
}
