/* Core: arena, growable buffer, interned strings, code-point index, span
 * text, status codes, doc types. */
#include "../../pipeline/core/arena.h"
#include "../../pipeline/core/buf.h"
#include "../../pipeline/core/doc.h"
#include "../../pipeline/core/doctypes.h"
#include "../../pipeline/core/intern.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void test_arena_alignment_and_growth(void) {
    vb_arena *a = vb_arena_create();
    CHECK(a != NULL);
    for (int i = 0; i < 2000; i++) {
        double *d = vb_arena_alloc(a, sizeof(double) * 3 + (size_t)i % 7);
        CHECK(d != NULL && ((size_t)d % _Alignof(max_align_t)) == 0);
    }
    char *big = vb_arena_alloc(a, 64u << 20); /* larger than any chunk step */
    CHECK(big != NULL && big[0] == 0 && big[(64u << 20) - 1] == 0);
    struct {
        int *items;
        size_t len, cap;
    } v = {0};
    for (int i = 0; i < 10000; i++) CHECK_INT(VB_PUSH(a, v, i), 0);
    CHECK_INT(v.len, 10000);
    CHECK_INT(v.items[9999], 9999);
    CHECK_STR(vb_arena_printf(a, "%s-%d", "KH", 905), "KH-905");
    CHECK_STR(vb_arena_strndup(a, "Số: 905", strlen("Số")), "Số");
    vb_arena_destroy(a);
}

/* Large arrays live in blocks of their own that growing reallocs: the
 * elements survive each move, however many arrays grow in turn. */
static void test_arena_big_arrays(void) {
    vb_arena *a = vb_arena_create();
    CHECK(a != NULL);
    struct {
        size_t *items;
        size_t len, cap;
    } v[3] = {{0}};
    for (size_t i = 0; i < 200000; i++)
        for (int k = 0; k < 3; k++) CHECK_INT(VB_PUSH(a, v[k], i * 3 + (size_t)k), 0);
    size_t bad = 0;
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; i < v[k].len; i++) bad += v[k].items[i] != i * 3 + (size_t)k;
    CHECK_INT(bad, 0);
    CHECK(vb_arena_used(a) >= 3 * 200000 * sizeof(size_t));
    char *heap = malloc(1000);
    CHECK(heap != NULL);
    CHECK_INT(vb_arena_adopt(a, heap, 1000), 0); /* freed with the arena (sanitizer build checks) */
    vb_arena_destroy(a);
}

static void test_buf(void) {
    vb_buf b;
    vb_buf_init(&b);
    vb_buf_puts(&b, "Ủy");
    vb_buf_put_cp(&b, 0x20);
    vb_buf_put_cp(&b, 0x1EA1); /* ạ */
    vb_buf_put_cp(&b, 0x1F600);
    vb_buf_printf(&b, " %03d", 7);
    CHECK_STR(vb_buf_cstr(&b), "Ủy ạ\xF0\x9F\x98\x80 007");
    CHECK(!b.oom);
    vb_buf_free(&b);
}

/* Equal strings give one arena copy, through the table's growth; distinct
 * ones stay distinct; the strings outlive the table. */
static void test_intern(void) {
    vb_arena *a = vb_arena_create();
    vb_intern t;
    vb_intern_init(&t, a);
    char buf[32];
    const char *first[500];
    for (int i = 0; i < 500; i++) {
        snprintf(buf, sizeof buf, "2019-05-%03d", i);
        first[i] = vb_intern_str(&t, buf);
        CHECK_STR(first[i], buf);
        CHECK(first[i] != buf);
    }
    CHECK(t.len == 500);
    int same = 0;
    for (int i = 0; i < 500; i++) {
        snprintf(buf, sizeof buf, "2019-05-%03d", i);
        same += vb_intern_str(&t, buf) == first[i];
    }
    CHECK_INT(same, 500);
    CHECK(t.len == 500);
    CHECK(vb_intern_str(&t, NULL) == NULL);
    CHECK(vb_intern_str(&t, "") != NULL && vb_intern_str(&t, "") == vb_intern_str(&t, ""));
    vb_intern_free(&t);
    CHECK_STR(first[7], "2019-05-007");
    vb_arena_destroy(a);
}

/* The bytes under a span, clamped to the text and not NUL-terminated. */
static void test_span_text(void) {
    vb_doc d = {.text = "Hà Nội, ngày 07/5/2019", .text_len = strlen("Hà Nội, ngày 07/5/2019")};
    size_t n, at = (size_t)(strstr(d.text, "ngày") - d.text);
    const char *p = vb_doc_span_text(&d, (vb_span){at, at + strlen("ngày")}, &n);
    CHECK(n == strlen("ngày") && memcmp(p, "ngày", n) == 0 && p[n] == ' ');
    p = vb_doc_span_text(&d, (vb_span){20, 99}, &n);
    CHECK(n == d.text_len - 20 && p == d.text + 20);
    p = vb_doc_span_text(&d, (vb_span){99, 120}, &n);
    CHECK(n == 0 && p == d.text + d.text_len);
}

static void test_code_point_offsets(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = {0};
    /* 300 two-byte letters then ASCII: crosses a VB_CP_STEP mark */
    char *t = vb_arena_alloc(a, 700);
    size_t n = 0;
    for (int i = 0; i < 300; i++) t[n++] = (char)0xC3, t[n++] = (char)0xA0; /* à */
    memcpy(t + n, "abc", 3);
    n += 3;
    d.text = t;
    d.text_len = n;
    CHECK_INT(vb_doc_index(a, &d), 0);
    CHECK_INT(vb_doc_cp_offset(&d, 0), 0);
    CHECK_INT(vb_doc_cp_offset(&d, 2), 1);
    CHECK_INT(vb_doc_cp_offset(&d, 600), 300);
    CHECK_INT(vb_doc_cp_offset(&d, 603), 303);
    CHECK_INT(vb_doc_cp_offset(&d, 9999), 303); /* clamped */
    vb_arena_destroy(a);
}

static void test_status_and_errors(void) {
    CHECK_STR(vb_status_code(VB_E_ZIP_BOMB), "E_ZIP_BOMB");
    CHECK_STR(vb_status_code(VB_OK), "OK");
    CHECK_STR(vb_status_code((vb_status)999), "E_INTERNAL");
    CHECK_INT(vb_status_exit(VB_E_USAGE), 2);
    CHECK_INT(vb_status_exit(VB_E_ENCODING), 4);
    vb_result *r = vb_result_new("x.txt");
    CHECK_INT(vb_result_error(r, VB_E_EMPTY, "%s: empty", "x.txt"), VB_E_EMPTY);
    CHECK_INT(r->errors.len, 1);
    CHECK_STR(r->errors.items[0].code, "E_EMPTY");
    CHECK_STR(r->errors.items[0].message, "x.txt: empty");
    vb_result_free(r);
}

static void test_non_utf8_names_are_scrubbed(void) {
    vb_result *r = vb_result_new("dir/a\xFF\xFE"
                                 "b.txt");
    CHECK_STR(r->path, "dir/a??b.txt");
    vb_result_error(r, VB_E_IO, "%s: bad byte \xC3 here", "x\xE1\xBB");
    CHECK_STR(r->errors.items[0].message, "x??: bad byte ? here");
    vb_result_free(r);
    char ok[] = "Ủy ban";
    vb_utf8_scrub(ok);
    CHECK_STR(ok, "Ủy ban");
}

static void test_doctypes(void) {
    CHECK_STR(vb_doctype_by_code("QĐ", strlen("QĐ"))->name, "Quyết định");
    CHECK_STR(vb_doctype_by_code("TTLT", 4)->name, "Thông tư liên tịch");
    CHECK(vb_doctype_by_code("UBND", 4) == NULL);
    CHECK_STR(vb_doctype_by_name("KẾ HOẠCH", strlen("KẾ HOẠCH"))->code, "KH");
    CHECK_STR(vb_doctype_by_name("nghị quyết liên tịch", strlen("nghị quyết liên tịch"))->code, "NQLT");
    CHECK(vb_doctype_by_name("Kế", strlen("Kế")) == NULL);
}

int main(void) {
    VB_RUN(test_arena_alignment_and_growth);
    VB_RUN(test_arena_big_arrays);
    VB_RUN(test_buf);
    VB_RUN(test_intern);
    VB_RUN(test_span_text);
    VB_RUN(test_code_point_offsets);
    VB_RUN(test_status_and_errors);
    VB_RUN(test_doctypes);
    VB_RUN(test_non_utf8_names_are_scrubbed);
    return VB_SUMMARY("core");
}
