/* Segmenter: document split, Decree 30 header fields, kind, sections.
 * Documents here are written for the test (not the seeds) so the rules are
 * checked on forms the samples do not hold. */
#include "../../pipeline/pipeline.h"
#include "../../pipeline/emit/json_write.h"
#include "check.h"

static vb_result *convert(vb_pipeline *p, const char *text) {
    vb_result *r = NULL;
    vb_pipeline_convert_buffer(p, "t.txt", (const unsigned char *)text, strlen(text), &r);
    return r;
}

static int has_warning(const vb_doc *d, const char *code) {
    for (size_t i = 0; i < d->warnings.len; i++)
        if (!strcmp(d->warnings.items[i].code, code)) return 1;
    return 0;
}

static vb_pipeline *open_pipeline(void) {
    vb_pipeline_options o;
    vb_pipeline_options_default(&o);
    o.run_extractors = 0;
    vb_pipeline *p = NULL;
    CHECK_INT(vb_pipeline_open(&o, &p), VB_OK);
    return p;
}

static void test_decision_header_tab_columns(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(p, "BỘ Y TẾ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                              "CỤC QUẢN LÝ DƯỢC\tĐộc lập - Tự do - Hạnh phúc\n"
                              "Số: 12/QĐ-QLD\tHà Nội, ngày 3 tháng 02 năm 2023\n"
                              "QUYẾT ĐỊNH\n"
                              "Về việc ban hành quy chế làm việc\n"
                              "CỤC TRƯỞNG CỤC QUẢN LÝ DƯỢC\n"
                              "Căn cứ Luật Dược ngày 06 tháng 4 năm 2016;\n"
                              "QUYẾT ĐỊNH:\n"
                              "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.\n"
                              "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n"
                              "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nNGUYỄN VĂN AN\n");
    CHECK_INT(r->documents.len, 1);
    const vb_doc *d = &r->documents.items[0];
    CHECK_INT(d->kind, VB_KIND_OFFICIAL);
    CHECK_STR(d->header.issuer, "Cục Quản lý dược");
    CHECK_STR(d->header.issuer_parent, "Bộ Y tế");
    CHECK_STR(d->header.number, "12/QĐ-QLD");
    CHECK_STR(d->header.doc_type, "Quyết định");
    CHECK_STR(d->header.doc_type_code, "QĐ");
    CHECK_STR(d->header.place, "Hà Nội");
    CHECK_STR(d->header.date, "2023-02-03");
    CHECK_STR(d->header.subject, "Về việc ban hành quy chế làm việc");
    CHECK_STR(d->header.signer, "Nguyễn Văn An");
    CHECK_INT(d->header.distribution.len, 2);
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_cover_letter_and_plan_split(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, "SỞ TƯ PHÁP\nSố: 88/STP-PBGDPL\nV/v triển khai Kế hoạch năm 2025\n"
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                   "Đà Nẵng, ngày 15 tháng 01 năm 2025\n"
                   "Kính gửi:\n- Các phòng chuyên môn;\n- Ủy ban nhân dân các quận.\n"
                   "Sở Tư pháp gửi kèm Kế hoạch để các đơn vị triển khai thực hiện.\n"
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nLê Thị Bình\n"
                   "Đà Nẵng, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\nPhổ biến giáo dục pháp luật năm 2025\n"
                   "I. MỤC ĐÍCH\n1. Mục đích\nNâng cao nhận thức.\n3. Yêu cầu\nĐúng tiến độ.\n"
                   "II. TỔ CHỨC THỰC HIỆN\na) Sở Tư pháp\n- Chủ trì.\n+ Báo cáo.\n");
    CHECK_INT(r->documents.len, 2);
    const vb_doc *c = &r->documents.items[0], *k = &r->documents.items[1];
    CHECK_STR(c->header.doc_type, "Công văn");
    CHECK_STR(c->header.number, "88/STP-PBGDPL");
    CHECK_STR(c->header.subject, "Triển khai Kế hoạch năm 2025");
    CHECK_INT(c->header.recipients.len, 2);
    CHECK_STR(c->header.signer, "Lê Thị Bình");
    CHECK_STR(k->header.doc_type, "Kế hoạch");
    CHECK_STR(k->header.date, "2025-01-10");
    CHECK_STR(k->header.subject, "Phổ biến giáo dục pháp luật năm 2025");
    /* each document's text is its own lines, NUL-ended, in the one shared
     * normalised text (no copy per document) */
    CHECK_INT(strlen(c->text), c->text_len);
    CHECK_INT(strlen(k->text), k->text_len);
    const char *sign = "Lê Thị Bình";
    CHECK(c->text_len >= strlen(sign) && !strcmp(c->text + c->text_len - strlen(sign), sign));
    CHECK(!strncmp(k->text, "Đà Nẵng, ngày 10", strlen("Đà Nẵng, ngày 10")));
    CHECK(k->text == c->text + c->text_len + 1);
    CHECK_INT(k->sections.len, 2);
    CHECK_STR(k->sections.items[0].label, "I");
    CHECK_STR(k->sections.items[0].title, "MỤC ĐÍCH");
    CHECK_INT(k->sections.items[0].children.len, 2);
    CHECK(has_warning(k, "W_SECTION_SKIPPED"));
    const vb_section *ii = &k->sections.items[1];
    CHECK_INT(ii->children.len, 1);
    CHECK_STR(ii->children.items[0].label, "a");
    CHECK_STR(ii->children.items[0].children.items[0].label, "-");
    CHECK_STR(ii->children.items[0].children.items[0].children.items[0].label, "+");
    /* the span of a section is its heading line */
    const vb_span sp = ii->span;
    CHECK(!strncmp(k->text + sp.start, "II. TỔ CHỨC THỰC HIỆN", sp.end - sp.start));
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_draft_placeholders(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(p, "ỦY BAN NHÂN DÂN\nHUYỆN CỦ CHI\nSố:      /UBND-VX\n"
                              "Củ Chi, ngày     tháng     năm 2024\nV/v tăng cường kiểm tra\n"
                              "Kính gửi: Các xã, thị trấn.\nNội dung.\n");
    const vb_doc *d = &r->documents.items[0];
    CHECK_STR(d->header.issuer, "Ủy ban nhân dân huyện Củ Chi");
    CHECK(d->header.number == NULL);
    CHECK_STR(d->header.date, "2024");
    CHECK(has_warning(d, "W_BLANK_NUMBER"));
    CHECK(has_warning(d, "W_BLANK_DATE"));
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_article_and_unknown(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, "date 2023-07 UBND tỉnh Bình Dương vừa ban hành kế hoạch.\n"
                   "Theo đó, UBND tỉnh Bình Dương yêu cầu các sở triển khai. Ảnh: Báo Bình Dương\n");
    CHECK_INT(r->documents.items[0].kind, VB_KIND_ARTICLE);
    CHECK_STR(r->documents.items[0].header.issuer, "Ủy ban nhân dân tỉnh Bình Dương");
    CHECK_STR(r->documents.items[0].header.date, "2023-07");
    vb_result_free(r);
    r = convert(p, "Danh sách mua sắm: bút, giấy, mực in.\n");
    CHECK_INT(r->documents.items[0].kind, VB_KIND_UNKNOWN);
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_decision_with_attached_plan(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(
        p, "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LONG AN\tĐộc lập - Tự do - Hạnh phúc\n"
           "Số: 1234/QĐ-UBND\tLong An, ngày 12 tháng 3 năm 2023\nQUYẾT ĐỊNH\n"
           "Về việc ban hành Kế hoạch phòng, chống mại dâm năm 2023\n"
           "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống mại dâm năm 2023.\n"
           "Nơi nhận:\n- Như Điều 2;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Út\n"
           "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH LONG AN\tĐộc lập - Tự do - Hạnh phúc\n"
           "KẾ HOẠCH\nPhòng, chống mại dâm năm 2023\n"
           "(Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 12/3/2023 của UBND tỉnh)\n"
           "I. MỤC TIÊU\n1. Chỉ tiêu\n");
    CHECK_INT(r->documents.len, 2);
    CHECK_STR(r->documents.items[0].header.doc_type, "Quyết định");
    CHECK_STR(r->documents.items[0].header.signer, "Nguyễn Văn Út");
    CHECK_STR(r->documents.items[1].header.doc_type, "Kế hoạch");
    CHECK_STR(r->documents.items[1].header.issuer, "Ủy ban nhân dân tỉnh Long An");
    CHECK_STR(r->documents.items[1].header.subject, "Phòng, chống mại dâm năm 2023");
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_party_document(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, "ĐẢNG BỘ TỈNH BÌNH ĐỊNH\tĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n*\n"
                   "Số 14-KH/TU\tQuy Nhơn, ngày 20 tháng 02 năm 2021\nKẾ HOẠCH\n"
                   "thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị\n"
                   "Thực hiện Chỉ thị số 36-CT/TW, Ban Thường vụ Tỉnh ủy xây dựng kế hoạch như sau:\n"
                   "I. MỤC ĐÍCH\nNơi nhận:\n- Lưu VP.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nLê Kim Toàn\n");
    const vb_doc *d = &r->documents.items[0];
    CHECK_STR(d->header.issuer, "Tỉnh ủy");
    CHECK_STR(d->header.issuer_parent, "Đảng bộ tỉnh Bình Định");
    CHECK_STR(d->header.number, "14-KH/TU");
    CHECK_STR(d->header.doc_type_code, "KH");
    CHECK_STR(d->header.subject, "Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị");
    CHECK_STR(d->header.signer, "Lê Kim Toàn");
    vb_result_free(r);
    vb_pipeline_close(p);
}

static void test_department_letter_casing(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r =
        convert(p, "UBND TỈNH QUẢNG NAM\nSỞ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 1523/SLĐTBXH-PCTNXH\n"
                   "V/v triển khai công tác phòng, chống\nmại dâm 6 tháng cuối năm 2023\n"
                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nQuảng Nam, ngày 05 tháng 7 năm 2023\n"
                   "Kính gửi:\n- Công an tỉnh;\n- UBND các huyện.\nNội dung.\n");
    const vb_doc *d = &r->documents.items[0];
    CHECK_STR(d->header.issuer, "Sở Lao động - Thương binh và Xã hội");
    CHECK_STR(d->header.issuer_parent, "UBND tỉnh Quảng Nam");
    CHECK_STR(d->header.subject, "Triển khai công tác phòng, chống mại dâm 6 tháng cuối năm 2023");
    CHECK_INT(d->header.recipients.len, 2);
    vb_result_free(r);
    vb_pipeline_close(p);
}

/* Code-point offsets (counted eight bytes at a time) against a plain count,
 * at every byte of a text mixing 1- to 4-byte characters over several
 * index steps. */
static void test_cp_offsets(void) {
    vb_arena *a = vb_arena_create();
    static const char *const pieces[] = {"a", "Ủy ", "đ", "\xF0\x9F\x98\x80", "ban\t", "ế", "Ω", "\n"};
    char text[2000];
    size_t len = 0;
    for (size_t i = 0; len + 4 < sizeof text - 1; i = (i * 5 + 3) % 8) {
        size_t n = strlen(pieces[i]);
        memcpy(text + len, pieces[i], n);
        len += n;
    }
    text[len] = 0;
    vb_doc d = {.text = text, .text_len = len};
    CHECK_INT(vb_doc_index(a, &d), 0);
    size_t cp = 0, bad = 0;
    for (size_t b = 0; b <= len + 3; b++) {
        if (vb_doc_cp_offset(&d, b) != cp) bad++;
        if (b < len && ((unsigned char)text[b] & 0xC0) != 0x80) cp++;
    }
    CHECK_INT(bad, 0);
    vb_doc bare = {.text = text, .text_len = len}; /* no index: counted from the start */
    CHECK_INT(vb_doc_cp_offset(&bare, len), vb_doc_cp_offset(&d, len));
    vb_arena_destroy(a);
}

/* "• " bullets are a section level like "- ": the label is the whole
 * three-byte bullet, never a cut UTF-8 sequence (which made the JSON fail). */
static void test_round_bullets(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(p, "KẾ HOẠCH\nThực hiện công tác năm 2024\nI. MỤC ĐÍCH\n"
                              "• Nâng cao nhận thức của người dân.\n"
                              "• Tăng cường phối hợp giữa các đơn vị.\nII. NHIỆM VỤ\n1. Tuyên truyền\n");
    CHECK(r && r->documents.len == 1);
    if (r && r->documents.len == 1) {
        const vb_sectionv *top = &r->documents.items[0].sections;
        CHECK_INT(top->len, 2);
        if (top->len == 2) {
            CHECK_STR(top->items[0].label, "I");
            CHECK_INT(top->items[0].children.len, 2);
            if (top->items[0].children.len == 2) {
                CHECK_STR(top->items[0].children.items[0].label, "•");
                CHECK_STR(top->items[0].children.items[1].label, "•");
            }
        }
        FILE *f = fopen("/dev/null", "w");
        CHECK_INT(vb_json_write_result(r, f, 0), VB_OK);
        fclose(f);
    }
    vb_result_free(r);
    vb_pipeline_close(p);
}

/* As many documents as the file holds: no fixed cap merges the rest into
 * the last one (a cap of 64 once did). */
static void test_many_documents(void) {
    vb_pipeline *p = open_pipeline();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK(f != NULL);
    if (!f) return;
    for (int k = 1; k <= 200; k++)
        fprintf(f,
                "ỦY BAN NHÂN DÂN TỈNH HÒA AN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "\tĐộc lập - Tự do - Hạnh phúc\n"
                "Số: %d/TB-UBND\tHòa An, ngày 02 tháng 3 năm 2024\n"
                "THÔNG BÁO\nLịch tiếp công dân tháng %d\n"
                "Ủy ban nhân dân tỉnh thông báo lịch tiếp công dân như sau.\n"
                "Nơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Hòa\n",
                k, k % 12 + 1);
    fclose(f);
    vb_result *r = convert(p, text);
    CHECK_INT(r->documents.len, 200);
    CHECK_STR(r->documents.items[0].header.number, "1/TB-UBND");
    CHECK_STR(r->documents.items[199].header.number, "200/TB-UBND");
    free(text);
    vb_result_free(r);
    vb_pipeline_close(p);
}

/* An all-capitals subject is cased as a sentence, a document's symbol in
 * it keeps its capitals; the old one-run title names the Prime Minister. */
static void test_capitals_subject_and_old_title(void) {
    vb_pipeline *p = open_pipeline();
    vb_result *r = convert(p, "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\n"
                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                              "Số: 41/KH-UBND\nBình Minh, ngày 2 tháng 3 năm 2024\n"
                              "KẾ HOẠCH\nTRIỂN KHAI CHỈ THỊ SỐ 19/CT-TTg NGÀY 24/6/2024 CỦA THỦ TƯỚNG\n"
                              "Căn cứ Luật Phòng cháy và chữa cháy năm 2001;\n");
    CHECK_STR(r->documents.items[0].header.subject,
              "Triển khai chỉ thị số 19/CT-TTg ngày 24/6/2024 của thủ tướng");
    vb_result_free(r);
    r = convert(p, "CHỈ THỊ\nCỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 07/1999/CT-TTG NGÀY 02 THÁNG 3 NĂM 1999\n"
                   "VỀ VIỆC TỔNG KẾT CÔNG TÁC PHÒNG CHỐNG LỤT BÃO\n"
                   "Năm 1998 các tỉnh miền Trung chịu nhiều cơn bão lớn.\n");
    const vb_doc *d = &r->documents.items[0];
    CHECK_INT(d->kind, VB_KIND_OFFICIAL);
    CHECK_STR(d->header.issuer, "Thủ tướng Chính phủ");
    CHECK_STR(d->header.number, "07/1999/CT-TTG");
    CHECK_STR(d->header.date, "1999-03-02");
    CHECK_STR(d->header.subject, "Về việc tổng kết công tác phòng chống lụt bão");
    vb_result_free(r);
    vb_pipeline_close(p);
}

int main(void) {
    VB_RUN(test_capitals_subject_and_old_title);
    VB_RUN(test_department_letter_casing);
    VB_RUN(test_cp_offsets);
    VB_RUN(test_round_bullets);
    VB_RUN(test_party_document);
    VB_RUN(test_decision_with_attached_plan);
    VB_RUN(test_decision_header_tab_columns);
    VB_RUN(test_cover_letter_and_plan_split);
    VB_RUN(test_draft_placeholders);
    VB_RUN(test_article_and_unknown);
    VB_RUN(test_many_documents);
    return VB_SUMMARY("segment");
}
