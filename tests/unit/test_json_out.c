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
        fprintf(stderr, "  streamed:\n%.*s\n  jansson:\n%s\n", (int)(len > 400 ? 400 : len), text,
                again);
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
        "a\xC0\x80",         /* overlong NUL */
        "\xED\xA0\x80",      /* surrogate */
        "\xF4\x90\x80\x80",  /* above U+10FFFF */
        "\xF5\x80\x80\x80",  /* invalid lead */
        "x\xE1\xBB",         /* cut short */
        "\x80",              /* lone continuation */
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

/* Random byte strings drawn from the bytes that matter to UTF-8 (leads,
 * continuations, the narrow-range leads, escapes): the writer accepts
 * exactly what jansson accepts, and writes what jansson writes. */
static void test_random_bytes_agree_with_jansson(void) {
    static const unsigned char alphabet[] = {'a', ' ', '"', '\\', 0x01, 0x1F, 0x7F, 0x80, 0x8F,
                                             0x90, 0x9F, 0xA0, 0xBB, 0xBF, 0xC0, 0xC2, 0xDF,
                                             0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
    unsigned long long seed = 0x9E3779B97F4A7C15ull;
    int agreed = 0, accepted = 0;
    for (int round = 0; round < 20000; round++) {
        unsigned char s[12];
        size_t n = 1 + round % sizeof s;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            s[i] = alphabet[(seed >> 33) % sizeof alphabet];
        }
        capture c;
        cap_open(&c, true);
        vb_jout_stringn(&c.w, (const char *)s, n);
        bool ok = cap_close(&c) == VB_OK;
        json_t *j = json_stringn((const char *)s, n);
        if (ok == (j != NULL)) agreed++;
        if (ok && j) {
            accepted++;
            char *want = jansson_text(j, true);
            if (!want || strcmp(want, c.buf) != 0) agreed--;
            free(want);
        }
        json_decref(j);
        free(c.buf);
    }
    CHECK_INT(agreed, 20000);
    CHECK(accepted > 100); /* both outcomes were exercised */
    if (accepted <= 100) fprintf(stderr, "  accepted %d\n", accepted);
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
    VB_RUN(test_unbalanced);
    VB_RUN(test_real_documents);
    return VB_SUMMARY("json_out");
}
