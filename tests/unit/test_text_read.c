/* Text ingestion: encodings, line ends, refusals with offsets. */
#include "../../pipeline/ingest/ingest.h"
#include "check.h"

static vb_result *run(const char *bytes, size_t len, vb_blockv *out, vb_status *st) {
    vb_limits lim;
    vb_limits_default(&lim);
    vb_result *r = vb_result_new("t");
    *out = (vb_blockv){0};
    *st = vb_ingest_buffer((const unsigned char *)bytes, len, &lim, r->arena, r, out);
    return r;
}

static void test_utf8_bom_and_crlf(void) {
    const char s[] = "\xEF\xBB\xBFK\xE1\xBA\xBF ho\xE1\xBA\xA1" "ch\r\nS\xE1\xBB\x91: 1\rC\n";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(s, sizeof s - 1, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 4);
    CHECK_STR(b.items[0].text, "Kế hoạch");
    CHECK_STR(b.items[1].text, "Số: 1");
    CHECK_STR(b.items[2].text, "C");
    CHECK_INT(b.items[1].src_offset, 17); /* after BOM(3) + 12 bytes + CRLF */
    CHECK_STR(r->format, "txt");
    vb_result_free(r);
}

static void test_utf16le_and_be(void) {
    const char le[] = "\xFF\xFE" "S\0\xD1\x1E:\0\n\0" "x\0";
    const char be[] = "\xFE\xFF" "\0S\x1E\xD1\0:\0\n\0x";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(le, sizeof le - 1, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_INT(b.len, 2);
    CHECK_STR(b.items[0].text, "S\xE1\xBB\x91:");
    CHECK_INT(b.items[1].src_offset, 10); /* BOM 2 + 4 code units */
    vb_result_free(r);
    r = run(be, sizeof be - 1, &b, &st);
    CHECK_INT(st, VB_OK);
    CHECK_STR(b.items[0].text, "S\xE1\xBB\x91:");
    CHECK_STR(b.items[1].text, "x");
    vb_result_free(r);
}

static void test_invalid_utf8_names_offset(void) {
    const char s[] = "S\xE1\xBB\x91 abc \xC3\x28 rest";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(s, sizeof s - 1, &b, &st);
    CHECK_INT(st, VB_E_ENCODING);
    CHECK_INT(r->errors.len, 1);
    CHECK(strstr(r->errors.items[0].message, "offset 9") != NULL);
    CHECK_STR(r->errors.items[0].code, "E_ENCODING");
    vb_result_free(r);
}

static void test_nul_and_empty(void) {
    vb_blockv b;
    vb_status st;
    vb_result *r = run("ab\0cd", 5, &b, &st);
    CHECK_INT(st, VB_E_ENCODING);
    CHECK(strstr(r->errors.items[0].message, "NUL") != NULL);
    vb_result_free(r);
    r = run("", 0, &b, &st);
    CHECK_INT(st, VB_E_EMPTY);
    vb_result_free(r);
}

static void test_legacy_refused_cp1258_converted(void) {
    /* TCVN3-looking bytes: many high bytes, not UTF-8, not cp1258's shape */
    const char tcvn[] = "Uû ban nh\xA9n d\xA9n t\xAcnh T\xA9y Ninh \xAe\xB8 \xB5";
    vb_blockv b;
    vb_status st;
    vb_result *r = run(tcvn, sizeof tcvn - 1, &b, &st);
    CHECK_INT(st, VB_E_LEGACY_ENCODING);
    vb_result_free(r);
    /* Windows-1258: "Vie\xF2t Nam" = Việt with a combining dot below (0xF2) */
    const char w[] = "Vie\xF2\xE2t Nam co\xE2ng ho\xEC" "a ng\xE0y";
    r = run(w, sizeof w - 1, &b, &st);
    CHECK(st == VB_OK || st == VB_E_LEGACY_ENCODING);
    if (st == VB_OK) CHECK(r->file_warnings.len == 1);
    vb_result_free(r);
}

static void test_zip_sniffed_by_content(void) {
    CHECK_INT(vb_sniff_format((const unsigned char *)"PK\x03\x04rest", 8), VB_FMT_DOCX);
    CHECK_INT(vb_sniff_format((const unsigned char *)"Số: 1", 6), VB_FMT_TXT);
}

int main(void) {
    VB_RUN(test_utf8_bom_and_crlf);
    VB_RUN(test_utf16le_and_be);
    VB_RUN(test_invalid_utf8_names_offset);
    VB_RUN(test_nul_and_empty);
    VB_RUN(test_legacy_refused_cp1258_converted);
    VB_RUN(test_zip_sniffed_by_content);
    return VB_SUMMARY("text_read");
}
