/* fuzz_common.h — shared by the libFuzzer harnesses: one pipeline per
 * process, and the invariants every result must keep whatever the input.
 * A broken invariant aborts, which libFuzzer reports as a crash. */
#ifndef VB_FUZZ_COMMON_H
#define VB_FUZZ_COMMON_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "../../pipeline/emit/json_write.h"
#include "../../pipeline/emit/xml_write.h"
#include "../../pipeline/pipeline.h"

#define VB_FUZZ_REQUIRE(cond)                                                                   \
    do {                                                                                        \
        if (!(cond)) {                                                                          \
            fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                            \
        }                                                                                       \
    } while (0)

/* The process-wide pipeline (built once: ICU and PCRE2 setup is costly). */
static vb_pipeline *vb_fuzz_pipeline(void) {
    static vb_pipeline *p;
    if (!p) {
        vb_pipeline_options o;
        vb_pipeline_options_default(&o);
        VB_FUZZ_REQUIRE(vb_pipeline_open(&o, &p) == VB_OK);
    }
    return p;
}

static int vb_fuzz_valid_utf8(const char *s, size_t n) {
    const uint8_t *u = (const uint8_t *)s;
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(u, i, n, c);
        if (c < 0) return 0;
    }
    return 1;
}

/* A span lies inside the text and starts and ends on character boundaries. */
static void vb_fuzz_span_at(const vb_doc *d, vb_span s, const char *what) {
    if (s.start > s.end || s.end > d->text_len)
        fprintf(stderr, "%s span %zu..%zu, text %zu bytes\n", what, s.start, s.end, d->text_len);
    VB_FUZZ_REQUIRE(s.start <= s.end && s.end <= d->text_len);
    VB_FUZZ_REQUIRE(s.start == d->text_len || ((unsigned char)d->text[s.start] & 0xC0) != 0x80);
    VB_FUZZ_REQUIRE(s.end == d->text_len || ((unsigned char)d->text[s.end] & 0xC0) != 0x80);
    VB_FUZZ_REQUIRE(vb_doc_cp_offset(d, s.start) <= vb_doc_cp_offset(d, s.end));
}
#define vb_fuzz_span(d, s) vb_fuzz_span_at((d), (s), #s)

static void vb_fuzz_sections(const vb_doc *d, const vb_sectionv *v, int depth) {
    VB_FUZZ_REQUIRE(depth < 100000);
    for (size_t i = 0; i < v->len; i++) {
        vb_fuzz_span(d, v->items[i].span);
        vb_fuzz_span(d, v->items[i].body);
        vb_fuzz_sections(d, &v->items[i].children, depth + 1);
    }
}

static void vb_fuzz_check_doc(const vb_doc *d) {
    VB_FUZZ_REQUIRE(d->text != NULL && strlen(d->text) == d->text_len);
    VB_FUZZ_REQUIRE(vb_fuzz_valid_utf8(d->text, d->text_len));
    const vb_header *h = &d->header;
    vb_fuzz_span(d, h->issuer_span);
    vb_fuzz_span(d, h->number_span);
    vb_fuzz_span(d, h->date_span);
    vb_fuzz_span(d, h->subject_span);
    vb_fuzz_span(d, h->signer_span);
    for (size_t i = 0; i < d->references.len; i++) {
        vb_fuzz_span(d, d->references.items[i].span);
        for (size_t k = 0; k < d->references.items[i].mentions.len; k++)
            vb_fuzz_span(d, d->references.items[i].mentions.items[k]);
    }
    for (size_t i = 0; i < d->dates.len; i++) vb_fuzz_span(d, d->dates.items[i].span);
    for (size_t i = 0; i < d->targets.len; i++) vb_fuzz_span(d, d->targets.items[i].span);
    for (size_t i = 0; i < d->assignments.len; i++) {
        const vb_assignment *a = &d->assignments.items[i];
        vb_fuzz_span(d, a->span);
        VB_FUZZ_REQUIRE(a->task_spans.len == a->tasks.len);
        for (size_t k = 0; k < a->task_spans.len; k++) vb_fuzz_span(d, a->task_spans.items[k]);
    }
    for (size_t i = 0; i < d->warnings.len; i++)
        if (d->warnings.items[i].has_span) vb_fuzz_span(d, d->warnings.items[i].span);
    vb_fuzz_sections(d, &d->sections, 0);
}

/* Whole-result checks, then both emitters (output thrown away). */
static void vb_fuzz_check_result(vb_status s, vb_result *r) {
    VB_FUZZ_REQUIRE(r != NULL);
    if (s != VB_OK) {
        VB_FUZZ_REQUIRE(r->errors.len > 0);
        VB_FUZZ_REQUIRE(strcmp(r->errors.items[0].code, vb_status_code(s)) == 0);
    }
    for (size_t i = 0; i < r->errors.len; i++)
        VB_FUZZ_REQUIRE(r->errors.items[i].code && r->errors.items[i].message);
    for (size_t i = 0; i < r->documents.len; i++) vb_fuzz_check_doc(&r->documents.items[i]);
    json_t *j = vb_json_result(r);
    VB_FUZZ_REQUIRE(j != NULL);
    char *dump = json_dumps(j, JSON_COMPACT);
    VB_FUZZ_REQUIRE(dump != NULL);
    free(dump);
    json_decref(j);
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull) {
        (void)vb_xml_write_result(r, devnull);
        fclose(devnull);
    }
}

#endif
