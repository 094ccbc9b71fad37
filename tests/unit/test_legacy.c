/* Legacy Vietnamese encodings: the 134 letters both ways in TCVN3 and VNI,
 * font names, the detection rule, text files converted or refused,
 * --encoding, and the seeds in both encodings read like the seeds. */
#include "../../pipeline/ingest/ingest.h"
#include "../../pipeline/ingest/legacy.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zip.h>

/* The 134 letters, in the order of the data files. */
static const char *const letters =
    "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ";

static size_t count_cps(const char *s) {
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Every letter encodes (nothing missing) and decodes back to itself, alone
 * and between ASCII letters. */
static void round_trip_all(vb_legacy enc) {
    CHECK_INT(count_cps(letters), 134);
    const char *p = letters;
    int bad = 0;
    while (*p) {
        size_t k = 1;
        while (((unsigned char)p[k] & 0xC0) == 0x80) k++;
        char one[16];
        snprintf(one, sizeof one, "x%.*sn", (int)k, p);
        vb_buf e, d;
        vb_buf_init(&e);
        vb_buf_init(&d);
        size_t miss = vb_legacy_encode(enc, one, strlen(one), &e);
        vb_legacy_decode(enc, (const unsigned char *)e.data, e.len, &d);
        if (miss || strcmp(vb_buf_cstr(&d), one) != 0) {
            fprintf(stderr, "  %s: %s -> %s\n", vb_legacy_name(enc), one, vb_buf_cstr(&d));
            bad++;
        }
        vb_buf_free(&e);
        vb_buf_free(&d);
        p += k;
    }
    CHECK_INT(bad, 0);
}

static void test_tcvn3_all_letters(void) { round_trip_all(VB_LEGACY_TCVN3); }
static void test_vni_all_letters(void) { round_trip_all(VB_LEGACY_VNI); }

static void test_known_bytes(void) {
    vb_buf d;
    vb_buf_init(&d);
    static const char t3[] = "Q\xB8 tr\xACnh \xAE\xB5o t\xB9o", vni[] = "Vi\xE6t Nam \xF1"
                                                                        "a\xF9o ta\xEFo";
    vb_legacy_decode(VB_LEGACY_TCVN3, (const unsigned char *)t3, sizeof t3 - 1, &d);
    CHECK_STR(vb_buf_cstr(&d), "Qá trơnh đào tạo");
    d.len = 0;
    vb_legacy_decode(VB_LEGACY_VNI, (const unsigned char *)vni, sizeof vni - 1, &d);
    CHECK_STR(vb_buf_cstr(&d), "Viỉt Nam đáo tạo");
    d.len = 0; /* the .VnTimeH fonts draw every code as a capital */
    static const char caps[] = "quy\xD5t \xAE\xDEnh";
    vb_legacy_decode(VB_LEGACY_TCVN3_CAPS, (const unsigned char *)caps, sizeof caps - 1, &d);
    CHECK_STR(vb_buf_cstr(&d), "QUYẾT ĐỊNH");
    d.len = 0; /* a run Word already turned into Unicode as Windows-1252 */
    static const char run[] = "quy\xC3\x95t \xC2\xAE\xC3\x9Enh \xE2\x80\x9Cx\xE2\x80\x9D";
    vb_legacy_decode_utf8(VB_LEGACY_TCVN3, run, sizeof run - 1, &d);
    CHECK_STR(vb_buf_cstr(&d), "quyết định \xE2\x80\x9Cx\xE2\x80\x9D");
    vb_buf_free(&d);
}

static void test_font_names(void) {
    CHECK_INT(vb_legacy_font(".VnTime"), VB_LEGACY_TCVN3);
    CHECK_INT(vb_legacy_font(".VnArial Narrow"), VB_LEGACY_TCVN3);
    CHECK_INT(vb_legacy_font(".VnTimeH"), VB_LEGACY_TCVN3_CAPS);
    CHECK_INT(vb_legacy_font(".VnArialH"), VB_LEGACY_TCVN3_CAPS);
    CHECK_INT(vb_legacy_font("VNI-Times"), VB_LEGACY_VNI);
    CHECK_INT(vb_legacy_font("VNI-Helve"), VB_LEGACY_VNI);
    CHECK_INT(vb_legacy_font("Times New Roman"), VB_LEGACY_NONE);
    CHECK_INT(vb_legacy_font(NULL), VB_LEGACY_NONE);
}

/* ---- text files ---- */

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    *len = p && fread(p, 1, (size_t)n, f) == (size_t)n ? (size_t)n : 0;
    fclose(f);
    return p;
}

static vb_result *ingest(const char *s, size_t n, vb_encoding enc, vb_blockv *out, vb_status *st) {
    vb_limits lim;
    vb_limits_default(&lim);
    lim.encoding = enc;
    vb_result *r = vb_result_new("t.txt");
    *out = (vb_blockv){0};
    *st = vb_ingest_buffer((const unsigned char *)s, n, &lim, r->arena, r, out);
    return r;
}

/* A seed in TCVN3 and in VNI (its letters through the tables; the few
 * other characters, quotes and dashes, as '?' in both) reads like the same
 * seed's letters: detected, converted, one block a line. */
static void seed_in(vb_legacy enc) {
    static const char *stems[] = {"000_0f9300581a36c327", "001_8a9538f428947bda", "002_1650eb5d82567ecd",
                                  "003_853f2636e4462903"};
    for (size_t k = 0; k < sizeof stems / sizeof *stems; k++) {
        char path[128];
        snprintf(path, sizeof path, "samples/%s.txt", stems[k]);
        size_t n = 0;
        char *u = slurp(path, &n);
        CHECK(u != NULL);
        if (!u) continue;
        vb_buf e, back;
        vb_buf_init(&e);
        vb_buf_init(&back);
        vb_legacy_encode(enc, u, n, &e);
        vb_legacy_encode(enc, u, n, &back); /* the Unicode twin with the same '?' */
        vb_buf twin;
        vb_buf_init(&twin);
        vb_legacy_decode(enc, (const unsigned char *)back.data, back.len, &twin);
        vb_legacy_score t = vb_legacy_score_text(VB_LEGACY_TCVN3, (const unsigned char *)e.data, e.len);
        vb_legacy_score v = vb_legacy_score_text(VB_LEGACY_VNI, (const unsigned char *)e.data, e.len);
        const vb_legacy_score *right = enc == VB_LEGACY_TCVN3 ? &t : &v,
                              *wrong = enc == VB_LEGACY_TCVN3 ? &v : &t;
        CHECK(right->fit > 0.97);
        CHECK(wrong->fit < 0.7);
        vb_blockv b, tb;
        vb_status st, tst;
        vb_result *r = ingest(e.data, e.len, VB_ENC_AUTO, &b, &st);
        vb_result *tr = ingest(twin.data, twin.len, VB_ENC_AUTO, &tb, &tst);
        CHECK_INT(st, VB_OK);
        CHECK_INT(r->file_warnings.len, 1);
        if (r->file_warnings.len)
            CHECK(strstr(r->file_warnings.items[0].message, vb_legacy_name(enc)) != NULL);
        CHECK_INT(b.len, tb.len);
        size_t same = 0;
        for (size_t i = 0; i < b.len && i < tb.len; i++)
            same += strcmp(b.items[i].text, tb.items[i].text) == 0;
        CHECK_INT(same, tb.len);
        vb_result_free(r);
        vb_result_free(tr);
        vb_buf_free(&e);
        vb_buf_free(&back);
        vb_buf_free(&twin);
        free(u);
    }
}

static void test_seeds_in_tcvn3(void) { seed_in(VB_LEGACY_TCVN3); }
static void test_seeds_in_vni(void) { seed_in(VB_LEGACY_VNI); }

static void test_uncertain_refused_naming_candidates(void) {
    /* a few words only: below the 3-word floor of the rule */
    const char s[] = "Qu\xB8 tr\xAC";
    vb_blockv b;
    vb_status st;
    vb_result *r = ingest(s, sizeof s - 1, VB_ENC_AUTO, &b, &st);
    CHECK_INT(st, VB_E_LEGACY_ENCODING);
    vb_result_free(r);
    /* words that are half TCVN3, half VNI */
    const char m[] = "nh\xA9n d\xA9n t\xACnh ta\xEAng nha\xE8m vie\xE4"
                     "c \xAE\xB5o \xAE\xB5o ta\xEAng ta\xEAng";
    r = ingest(m, sizeof m - 1, VB_ENC_AUTO, &b, &st);
    CHECK_INT(st, VB_E_LEGACY_ENCODING);
    if (r->errors.len) CHECK(strstr(r->errors.items[0].message, "--encoding") != NULL);
    vb_result_free(r);
}

static void test_encoding_forced(void) {
    const char s[] = "Qu\xB8 tr\xAC";
    vb_blockv b;
    vb_status st;
    vb_result *r = ingest(s, sizeof s - 1, VB_ENC_TCVN3, &b, &st);
    CHECK_INT(st, VB_OK);
    if (b.len) CHECK_STR(b.items[0].text, "Quá trơ");
    vb_result_free(r);
    r = ingest(s, sizeof s - 1, VB_ENC_UTF8, &b, &st);
    CHECK_INT(st, VB_E_ENCODING);
    vb_result_free(r);
    const char w[] = "Vie\xF2\xE2t";
    r = ingest(w, sizeof w - 1, VB_ENC_CP1258, &b, &st);
    CHECK_INT(st, VB_OK);
    vb_result_free(r);
    const char v[] = "ta\xEAng";
    r = ingest(v, sizeof v - 1, VB_ENC_VNI, &b, &st);
    CHECK_INT(st, VB_OK);
    if (b.len) CHECK_STR(b.items[0].text, "tăng");
    vb_result_free(r);
}

/* DOCX runs in .VnTime (TCVN3), .VnTimeH (capitals) and VNI-Times come out
 * as the letters they draw; a run in another font is left alone. */
static void test_docx_runs_in_legacy_fonts(void) {
    static const char doc[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTimeH\" w:hAnsi=\".VnTimeH\"/></w:rPr><w:t>quy\xC3\x95t \xC2\xAE\xC3\x9Enh</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTime\"/></w:rPr><w:t>U\xC3\xB1y ban nh\xC2\xA9n d\xC2\xA9n</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> t\xC3\xA9</w:t></w:r></w:p>"
        "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"VNI-Times\" w:hAnsi=\"VNI-Times\"/></w:rPr><w:t>ta\xC3\xAAng c\xC6\xB0\xC3\xB4\xC3\xB8ng</w:t></w:r></w:p>"
        "</w:body></w:document>";
    static const char ct[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    char path[] = "/tmp/vb_legacy_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    close(fd);
    int err = 0;
    zip_t *z = zip_open(path, ZIP_TRUNCATE, &err);
    CHECK(z != NULL);
    if (!z) return;
    zip_file_add(z, "[Content_Types].xml", zip_source_buffer(z, ct, sizeof ct - 1, 0), 0);
    zip_file_add(z, "word/document.xml", zip_source_buffer(z, doc, sizeof doc - 1, 0), 0);
    CHECK_INT(zip_close(z), 0);
    size_t n = 0;
    char *bytes = slurp(path, &n);
    unlink(path);
    vb_blockv b;
    vb_status st;
    vb_result *r = ingest(bytes, n, VB_ENC_AUTO, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 3);
    if (b.len == 3) {
        CHECK_STR(b.items[0].text, "QUYẾT ĐỊNH");
        CHECK_STR(b.items[1].text, "Ủy ban nhân dân té"); /* the last run is not in a legacy font */
        CHECK_STR(b.items[2].text, "tăng cường");
    }
    vb_result_free(r);
    free(bytes);
}

int main(void) {
    VB_RUN(test_tcvn3_all_letters);
    VB_RUN(test_vni_all_letters);
    VB_RUN(test_known_bytes);
    VB_RUN(test_font_names);
    VB_RUN(test_seeds_in_tcvn3);
    VB_RUN(test_seeds_in_vni);
    VB_RUN(test_uncertain_refused_naming_candidates);
    VB_RUN(test_encoding_forced);
    VB_RUN(test_docx_runs_in_legacy_fonts);
    return VB_SUMMARY("legacy");
}
