/* test_stream.c — converting one document at a time (pipeline.h, sink.h):
 * the streamed JSON and XML are the bytes of the whole result, the sink
 * sees every document once and in order while it is there, and a failing
 * sink stops the file. */
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/emit/json_write.h"
#include "../../pipeline/emit/xml_write.h"
#include "../../pipeline/pipeline.h"
#include "check.h"

/* A decision and two plans attached to it that print no header of their
 * own: the second inherits the issuer the first inherited, after the
 * decision's document is gone (when streamed). */
static const char chain[] =
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LONG AN\tĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 1234/QĐ-UBND\tLong An, ngày 12 tháng 3 năm 2023\nQUYẾT ĐỊNH\n"
    "Về việc ban hành Kế hoạch phòng, chống mại dâm năm 2023\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống mại dâm năm 2023, chậm nhất ngày "
    "15/4/2023.\n"
    "Nơi nhận:\n- Như Điều 2;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Út\n"
    "KẾ HOẠCH\nPhòng, chống mại dâm năm 2023\n"
    "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 12/3/2023 của UBND tỉnh)\n"
    "I. MỤC TIÊU\n1. Chỉ tiêu: giảm 10% số tụ điểm.\n"
    "2. Sở Lao động chủ trì, báo cáo trước ngày 30/6/2023.\n"
    "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Út\n"
    "KẾ HOẠCH\nKiểm tra liên ngành năm 2023\n"
    "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 12/3/2023 của UBND tỉnh)\n"
    "I. NHIỆM VỤ\n1. Công an tỉnh chủ trì kiểm tra, hoàn thành trước ngày 01/9/2023.\n";

typedef struct {
    const char *name; /* a file, or the buffer's name */
    const char *text; /* NULL: read the file */
} input;

static const input inputs[] = {
    {"samples/000_0f9300581a36c327.txt", NULL}, /* two documents */
    {"samples/003_853f2636e4462903.txt", NULL},
    {"samples/docx/pandoc/003_853f2636e4462903.docx", NULL},
    {"samples/no-such-file.txt", NULL}, /* an error result */
    {"chain.txt", chain},
    {"empty.txt", ""},
};

static vb_pipeline *open_pipeline(void) {
    vb_pipeline_options o;
    vb_pipeline_options_default(&o);
    vb_pipeline *p = NULL;
    CHECK_INT(vb_pipeline_open(&o, &p), VB_OK);
    return p;
}

static vb_status stream_input(vb_pipeline *p, const input *in, const vb_sink *k, vb_result **r,
                              vb_status *ks) {
    if (in->text)
        return vb_pipeline_stream_buffer(p, in->name, (const unsigned char *)in->text, strlen(in->text), k, r,
                                         ks);
    return vb_pipeline_stream_file(p, in->name, k, r, ks);
}

static vb_result *whole(vb_pipeline *p, const input *in, vb_status *s) {
    vb_result *r = NULL;
    *s = in->text
             ? vb_pipeline_convert_buffer(p, in->name, (const unsigned char *)in->text, strlen(in->text), &r)
             : vb_pipeline_convert_file(p, in->name, &r);
    return r;
}

/* The output format a test writes: 0 pretty JSON, 1 compact JSON, 2 XML. */
static char *write_whole(const vb_result *r, int format, size_t *len) {
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f) return NULL;
    vb_status s =
        format == 2 ? vb_xml_write_result(r, f) : vb_json_write_result(r, f, format ? VB_JSON_COMPACT : 0);
    fclose(f);
    CHECK_INT(s, VB_OK);
    return buf;
}

static char *write_streamed(vb_pipeline *p, const input *in, int format, size_t *len, vb_status *cs) {
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);
    if (!f) return NULL;
    vb_json_stream *js = format < 2 ? vb_json_stream_new(f, format ? VB_JSON_COMPACT : 0) : NULL;
    vb_xml_stream *xs = format == 2 ? vb_xml_stream_new(f) : NULL;
    CHECK(js || xs);
    vb_sink k = js ? vb_json_sink(js) : vb_xml_sink(xs);
    vb_result *r = NULL;
    vb_status ks = VB_E_INTERNAL;
    *cs = stream_input(p, in, &k, &r, &ks);
    CHECK_INT(ks, VB_OK);
    CHECK(r && r->documents.len == 0); /* nothing kept */
    vb_result_free(r);
    vb_json_stream_free(js);
    vb_xml_stream_free(xs);
    fclose(f);
    return buf;
}

static void test_streamed_output_is_the_whole_output(void) {
    vb_pipeline *p = open_pipeline();
    if (!p) return;
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        vb_status ws;
        vb_result *r = whole(p, &inputs[i], &ws);
        CHECK(r != NULL);
        if (!r) continue;
        for (int format = 0; format < 3; format++) {
            size_t wl = 0, sl = 0;
            vb_status cs = VB_E_INTERNAL;
            char *w = write_whole(r, format, &wl);
            char *s = write_streamed(p, &inputs[i], format, &sl, &cs);
            CHECK_INT(cs, ws);
            CHECK(w && s && wl == sl && memcmp(w, s, wl) == 0);
            if (!(w && s && wl == sl && memcmp(w, s, wl) == 0))
                fprintf(stderr, "  %s, format %d: streamed output differs\n", inputs[i].name, format);
            free(w);
            free(s);
        }
        vb_result_free(r);
    }
    vb_pipeline_close(p);
}

/* What a sink saw: the calls in order and a copy of what it needs later. */
typedef struct {
    char calls[16]; /* 'b', 'd' per document, 'e' */
    size_t n_calls;
    char *issuer[8];
    size_t facts[8];
    size_t n_docs, kept_at_document;
    size_t fail_at; /* document number (1-based) whose call fails, 0 none */
} recorder;

static vb_status rec_begin(void *ctx, const vb_result *r) {
    recorder *k = ctx;
    if (k->n_calls < sizeof k->calls) k->calls[k->n_calls++] = 'b';
    return VB_OK;
}

static vb_status rec_document(void *ctx, const vb_result *r, const vb_doc *d) {
    recorder *k = ctx;
    if (k->n_calls < sizeof k->calls) k->calls[k->n_calls++] = 'd';
    if (k->n_docs < 8) {
        k->issuer[k->n_docs] = d->header.issuer ? strdup(d->header.issuer) : NULL;
        k->facts[k->n_docs] = d->references.len + d->dates.len + d->targets.len + d->assignments.len;
    }
    k->kept_at_document = r->documents.len;
    return ++k->n_docs == k->fail_at ? VB_E_IO : VB_OK;
}

static vb_status rec_end(void *ctx, const vb_result *r) {
    recorder *k = ctx;
    if (k->n_calls < sizeof k->calls) k->calls[k->n_calls++] = 'e';
    return VB_OK;
}

static void recorder_free(recorder *k) {
    for (size_t i = 0; i < 8; i++) free(k->issuer[i]);
}

static void test_sink_sees_each_document_while_it_is_there(void) {
    vb_pipeline *p = open_pipeline();
    if (!p) return;
    const input *in = &inputs[4];
    vb_status ws;
    vb_result *w = whole(p, in, &ws);
    CHECK(w && w->documents.len == 3);
    recorder k = {0};
    vb_sink sink = {.begin = rec_begin, .document = rec_document, .end = rec_end, .ctx = &k};
    vb_result *r = NULL;
    vb_status ks;
    CHECK_INT(stream_input(p, in, &sink, &r, &ks), VB_OK);
    CHECK_INT(ks, VB_OK);
    CHECK_STR(k.calls, "bddde");
    CHECK_INT(k.kept_at_document, 0);
    for (size_t i = 0; w && i < w->documents.len && i < 8; i++) {
        const vb_doc *d = &w->documents.items[i];
        CHECK_STR(k.issuer[i], d->header.issuer);
        CHECK_INT(k.facts[i], d->references.len + d->dates.len + d->targets.len + d->assignments.len);
        CHECK(k.facts[i] > 0);
    }
    CHECK_STR(k.issuer[2], "Ủy ban nhân dân tỉnh Long An"); /* inherited twice */
    recorder_free(&k);
    vb_result_free(r);

    /* keep: the documents stay in the result, with their facts */
    recorder kk = {0};
    vb_sink keep = {.begin = rec_begin, .document = rec_document, .end = rec_end, .ctx = &kk, .keep = true};
    CHECK_INT(stream_input(p, in, &keep, &r, &ks), VB_OK);
    CHECK_STR(kk.calls, "bddde");
    CHECK_INT(kk.kept_at_document, 3);
    CHECK(r && w && r->documents.len == 3 &&
          r->documents.items[1].dates.len == w->documents.items[1].dates.len);
    recorder_free(&kk);
    vb_result_free(r);
    vb_result_free(w);
    vb_pipeline_close(p);
}

static void test_failing_sink_stops_the_file(void) {
    vb_pipeline *p = open_pipeline();
    if (!p) return;
    recorder k = {.fail_at = 2};
    vb_sink sink = {.begin = rec_begin, .document = rec_document, .end = rec_end, .ctx = &k};
    vb_result *r = NULL;
    vb_status ks = VB_OK;
    CHECK_INT(stream_input(p, &inputs[4], &sink, &r, &ks), VB_OK); /* the input is fine */
    CHECK_INT(ks, VB_E_IO);
    CHECK_STR(k.calls, "bdd"); /* no third document, no end */
    recorder_free(&k);
    vb_result_free(r);
    vb_pipeline_close(p);
}

int main(void) {
    VB_RUN(test_streamed_output_is_the_whole_output);
    VB_RUN(test_sink_sees_each_document_while_it_is_there);
    VB_RUN(test_failing_sink_stops_the_file);
    return VB_SUMMARY("stream");
}
