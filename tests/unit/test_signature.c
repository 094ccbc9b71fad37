/* The closing of a document: the "Nơi nhận" entries (which the extract
 * cases cannot see) and the signer's span.  Texts and names are made up. */
#include "../../pipeline/pipeline.h"
#include "check.h"

static vb_pipeline *open_pipeline(void) {
    vb_pipeline_options o;
    vb_pipeline_options_default(&o);
    o.run_extractors = 0;
    vb_pipeline *p = NULL;
    CHECK_INT(vb_pipeline_open(&o, &p), VB_OK);
    return p;
}

static vb_result *convert(vb_pipeline *p, const char *text) {
    vb_result *r = NULL;
    CHECK_INT(vb_pipeline_convert_buffer(p, "t.txt", (const unsigned char *)text, strlen(text), &r), VB_OK);
    return r;
}

/* The first document's entries, checked one by one. */
static void check_entries(const vb_result *r, const char *const *want, size_t n) {
    CHECK_INT(r->documents.len >= 1, 1);
    if (!r->documents.len) return;
    const vb_doc *d = &r->documents.items[0];
    CHECK_INT(d->header.distribution.len, n);
    for (size_t i = 0; i < n && i < d->header.distribution.len; i++)
        CHECK_STR(d->header.distribution.items[i], want[i]);
}

#define LETTER_HEAD                                                                 \
    "SỞ NỘI VỤ TỈNH HÀ AN\nSố: 71/SNV-VP\nV/v tổng kết công tác\n" \
    "Kính gửi: Các phòng thuộc Sở.\n"                                      \
    "Sở Nội vụ đề nghị các phòng gửi báo cáo tổng kết đúng thời hạn quy định.\n"

static void test_plain_list(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, LETTER_HEAD "Nơi nhận:\n- Như trên;\n- Giám đốc Sở (để b/c);\n- Lưu: VT; VP (2b).\n"
                               "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Thị Hạnh\n");
    static const char *const want[] = {"Như trên", "Giám đốc Sở (để b/c)", "Lưu: VT; VP (2b)"};
    check_entries(r, want, 3);
    const vb_doc *d = &r->documents.items[0];
    CHECK_STR(d->header.signer, "Nguyễn Thị Hạnh");
    CHECK(!strncmp(d->text + d->header.signer_span.start, "Nguyễn Thị Hạnh",
                   d->header.signer_span.end - d->header.signer_span.start));
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_wrapped_entries(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(
        p, LETTER_HEAD "Nơi nhận:\n- Như trên;\n- VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ\nCổng TTĐT, các Vụ;\n"
                       "- Lưu: VT\n, KGVX (3).\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nĐỗ Văn Lực\n");
    static const char *const want[] = {"Như trên", "VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ",
                                       "Lưu: VT, KGVX (3)"};
    check_entries(r, want, 3);
    CHECK_STR(r->documents.items[0].header.signer, "Đỗ Văn Lực");
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_entries_on_one_row(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(
        p, LETTER_HEAD "| Nơi nhận: - Bộ Nội vụ; (báo cáo) - Thường trực HĐND tỉnh; - Cục KS TTHC - VPCP; "
                       "- Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lò Văn Chiến |\n|---|---|\n");
    static const char *const want[] = {"Bộ Nội vụ", "Thường trực HĐND tỉnh", "Cục KS TTHC - VPCP", "Lưu: VT"};
    check_entries(r, want, 4);
    const vb_doc *d = &r->documents.items[0];
    CHECK_STR(d->header.signer, "Lò Văn Chiến");
    CHECK(!strncmp(d->text + d->header.signer_span.start, "Lò Văn Chiến",
                   d->header.signer_span.end - d->header.signer_span.start));
    vb_result_free(r);
    vb_pipeline_close(p);
}

/* OCR: the signature column's words land in the list's lines. */
static void test_merged_columns(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, LETTER_HEAD
                "Noi nhận: KT. TONG CỤC TRƯỞNG\n- Như trên; - PHO TONG CUC TRUONG\n"
                "_ Vụ Pháp chế;\n~ Lãnh đạo Tổng cục; ff\n- Luu: VT, PC(2b). a\n(ees 2®) <<\nMai Văn Sơn\n");
    static const char *const want[] = {"Như trên", "Vụ Pháp chế", "Lãnh đạo Tổng cục", "Luu: VT, PC(2b)"};
    check_entries(r, want, 4);
    CHECK_STR(r->documents.items[0].header.signer, "Mai Văn Sơn");
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_title_is_no_entry(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(
        p, LETTER_HEAD "Noi nhận: - BỘ TRƯỞNG, CHỦ NHIỆM\n~ TTgCP (để b/c);\n- Các Bộ: Công an, Tài chính;\n"
                       "- Lưu: VT, KSTT.\nLã Văn Kiên\n");
    static const char *const want[] = {"TTgCP (để b/c)", "Các Bộ: Công an, Tài chính", "Lưu: VT, KSTT"};
    check_entries(r, want, 3);
    CHECK_STR(r->documents.items[0].header.signer, "Lã Văn Kiên");
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_placeholder_and_mark_lines(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, LETTER_HEAD "Nơi nhận:\n- Như trên;\n{{NOI_DUNG}}\n- Lưu VT, VHXH.\n+\nTô Hoài Nam\n");
    static const char *const want[] = {"Như trên", "Lưu VT, VHXH"};
    check_entries(r, want, 2);
    CHECK_STR(r->documents.items[0].header.signer, "Tô Hoài Nam");
    vb_result_free(r);
    vb_pipeline_close(p);
}

/* "Nơi nhận" lost: one entry beside the signing authority. */
static void test_unheaded_list(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(p, "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                              "Số: 41/2019/QĐ-UBND | Hà An, ngày 22 tháng 10 năm 2019 |\n"
                              "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
                              "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
                              "- Như Điều 3; | TM. ỦY BAN NHÂN DÂN |\n");
    static const char *const want[] = {"Như Điều 3"};
    check_entries(r, want, 1);
    CHECK_STR(r->documents.items[0].header.signer, NULL);
    vb_result_free(r);
    vb_pipeline_close(p);
}

/* A name OCR merged into the last entry is the signer, not the entry's. */
static void test_name_in_last_entry(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(p, LETTER_HEAD "Noi nhận: THỦ TƯỞNG\n- Các Bộ, cơ quan ngang Bộ;\n"
                                          "- Lưu: Văn thư, KTTH(2b) 233 š Zuyến Văn An\n");
    static const char *const want[] = {"Các Bộ, cơ quan ngang Bộ", "Lưu: Văn thư, KTTH(2b) 233 š"};
    check_entries(r, want, 2);
    const vb_doc *d = &r->documents.items[0];
    CHECK_STR(d->header.signer, "Zuyến Văn An");
    CHECK(!strncmp(d->text + d->header.signer_span.start, "Zuyến Văn An",
                   d->header.signer_span.end - d->header.signer_span.start));
    vb_result_free(r);
    vb_pipeline_close(p);
}

/* The body ends where the closing starts: the list is no section. */
static void test_body_ends_at_closing(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, "ỦY BAN NHÂN DÂN TỈNH HÀ AN\nSố: 5/KH-UBND\nKẾ HOẠCH\nKiểm tra năm 2024\n"
                   "I. MỤC ĐÍCH\nBảo đảm đúng quy định.\nII. TỔ CHỨC THỰC HIỆN\nCác sở thực hiện.\n"
                   "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNơi nhận:\n- Các sở;\n- Lưu: VT.\nTrịnh Minh Tú\n");
    const vb_doc *d = &r->documents.items[0];
    CHECK_INT(d->sections.len, 2);
    if (d->sections.len == 2) CHECK_INT(d->sections.items[1].children.len, 0);
    CHECK_INT(d->header.distribution.len, 2);
    CHECK_STR(d->header.signer, "Trịnh Minh Tú");
    vb_result_free(r);
    vb_pipeline_close(p);
}

int main(void) {
    VB_RUN(test_plain_list);
    VB_RUN(test_wrapped_entries);
    VB_RUN(test_entries_on_one_row);
    VB_RUN(test_merged_columns);
    VB_RUN(test_title_is_no_entry);
    VB_RUN(test_placeholder_and_mark_lines);
    VB_RUN(test_unheaded_list);
    VB_RUN(test_name_in_last_entry);
    VB_RUN(test_body_ends_at_closing);
    return VB_SUMMARY("signature");
}
