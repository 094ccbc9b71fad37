/* test_references.c — the reference rule tables on realistic sentences:
 * number forms, type inference, date, issuer, subject, relation, merging,
 * and sentences that must give nothing. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../extractors/dates.h"
#include "../../pipeline/core/buf.h"
#include "../../extractors/references.h"
#include "check.h"

static vb_references_rules *rules;

static vb_doc make_doc(vb_arena *a, const char *text) {
    vb_doc d;
    memset(&d, 0, sizeof d);
    d.text = vb_arena_strdup(a, text);
    d.text_len = strlen(text);
    if (vb_doc_index(a, &d)) abort();
    return d;
}

/* The words occur inside the span's bytes. */
static bool span_has(const vb_doc *d, vb_span s, const char *words) {
    size_t n = strlen(words);
    if (s.end <= s.start || s.end > d->text_len || n > s.end - s.start) return false;
    for (size_t k = s.start; k + n <= s.end; k++)
        if (memcmp(d->text + k, words, n) == 0) return true;
    return false;
}

/* needle occurs in hay, ASCII letters compared without case: mentions of
 * one number may differ in case ("812/QĐ-TTG" in a title). */
static bool has_ascii_fold(const char *hay, const char *needle) {
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return true;
    return false;
}

/* Every mention span lies in the text and holds the number (or, for
 * unnumbered acts, the subject) it was read from. */
static int spans_ok(const vb_doc *d) {
    for (size_t i = 0; i < d->references.len; i++) {
        const vb_reference *r = &d->references.items[i];
        if (r->mentions.len == 0) return 0;
        if (r->span.start != r->mentions.items[0].start || r->span.end != r->mentions.items[0].end) return 0;
        for (size_t k = 0; k < r->mentions.len; k++) {
            vb_span s = r->mentions.items[k];
            if (r->number) {
                /* the number may be written with spaces: compare without them */
                char buf[256];
                size_t n = 0;
                for (size_t j = s.start; j < s.end && n < sizeof buf - 1; j++)
                    if (d->text[j] != ' ' && d->text[j] != '\n') buf[n++] = d->text[j];
                buf[n] = '\0';
                if (!has_ascii_fold(buf, r->number)) return 0;
            } else if (r->subject && !span_has(d, s, r->subject)) {
                return 0;
            }
        }
        /* the issuer was read from one of the mentions */
        bool issuer_seen = r->issuer == NULL;
        for (size_t k = 0; k < r->mentions.len && !issuer_seen; k++)
            issuer_seen = span_has(d, r->mentions.items[k], r->issuer);
        if (!issuer_seen) return 0;
    }
    return 1;
}

static vb_doc run(vb_arena *a, const char *text) {
    vb_doc d = make_doc(a, text);
    CHECK(vb_references_extract(rules, &d, a) == VB_OK);
    CHECK(spans_ok(&d));
    return d;
}

static const vb_reference *find(const vb_doc *d, const char *number) {
    for (size_t i = 0; i < d->references.len; i++)
        if (d->references.items[i].number && strcmp(d->references.items[i].number, number) == 0)
            return &d->references.items[i];
    return NULL;
}

#define REL(r) ((r) ? (int)(r)->relation : -1)

static void test_basis_words_date(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Căn cứ Quyết định số 361/QĐ-TTg ngày 07 tháng 3 năm 2016 của Thủ tướng Chính phủ phê duyệt "
               "Chương trình Phòng, chống mại dâm giai đoạn 2016-2020.\n");
    CHECK_INT(d.references.len, 1);
    const vb_reference *r = find(&d, "361/QĐ-TTg");
    CHECK_STR(r ? r->doc_type : NULL, "Quyết định");
    CHECK_STR(r ? r->doc_type_code : NULL, "QĐ");
    CHECK_STR(r ? r->date : NULL, "2016-03-07");
    CHECK_STR(r ? r->issuer : NULL, "Thủ tướng Chính phủ");
    CHECK_STR(r ? r->subject : NULL, "phê duyệt Chương trình Phòng, chống mại dâm giai đoạn 2016-2020");
    CHECK_INT(REL(r), VB_REL_BASIS);
    vb_arena_destroy(a);
}

static void test_joint_issuer_with_commas(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "- Phối hợp thực hiện theo Nghị quyết liên tịch số 01/2005/NQLT-BLĐTBXH-BCA-BVHTT-UBTUMTTQVN "
               "ngày 17/11/2005 của Bộ Lao động - Thương binh và Xã hội - Bộ Công an - Bộ Văn hóa, Thông tin "
               "và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về hướng dẫn nội dung hoạt động; Nghị quyết "
               "liên tịch số 01/2008/NQLT-BLĐTBXH-BCA-BVHTTDL-UBMTTQVN ngày 28/8/2008 về việc ban hành các "
               "tiêu chí phân loại.\n");
    CHECK_INT(d.references.len, 2);
    const vb_reference *r = find(&d, "01/2005/NQLT-BLĐTBXH-BCA-BVHTT-UBTUMTTQVN");
    CHECK_STR(r ? r->doc_type : NULL, "Nghị quyết liên tịch");
    CHECK_STR(r ? r->date : NULL, "2005-11-17");
    CHECK_STR(r ? r->issuer : NULL,
              "Bộ Lao động - Thương binh và Xã hội - Bộ Công an - Bộ Văn hóa, Thông tin và "
              "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam");
    CHECK_STR(r ? r->subject : NULL, "hướng dẫn nội dung hoạt động");
    CHECK_INT(REL(r), VB_REL_CITED);
    r = find(&d, "01/2008/NQLT-BLĐTBXH-BCA-BVHTTDL-UBMTTQVN");
    CHECK_STR(r ? r->date : NULL, "2008-08-28");
    CHECK(r && r->issuer == NULL);
    CHECK_STR(r ? r->subject : NULL, "ban hành các tiêu chí phân loại");
    vb_arena_destroy(a);
}

static void test_implements_and_list(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Thực hiện Kế hoạch số 15274/KH-SLĐTBXH ngày 27 tháng 4 năm 2022 của Sở Lao động - Thương "
               "binh và Xã hội về phối hợp thực hiện công tác phòng, chống mại dâm; Công văn số "
               "1234/UBND-VX ngày 02/6/2022 của Ủy ban nhân dân quận.\n"
               "Kiện toàn lực lượng theo Nghị định số 178/2004/NĐ-CP ngày 15 tháng 10 năm 2004 của Chính "
               "phủ quy định chi tiết thi hành; Thông tư số 05/2006/TT-BLĐTBXH ngày 22 tháng 6 năm 2006 "
               "của Bộ Lao động - Thương binh và Xã hội.\n");
    CHECK_INT(d.references.len, 4);
    const vb_reference *r = find(&d, "15274/KH-SLĐTBXH");
    CHECK_INT(REL(r), VB_REL_IMPLEMENTS);
    CHECK_STR(r ? r->issuer : NULL, "Sở Lao động - Thương binh và Xã hội");
    r = find(&d, "1234/UBND-VX");
    CHECK_INT(REL(r), VB_REL_IMPLEMENTS);
    CHECK_STR(r ? r->doc_type : NULL, "Công văn");
    CHECK(r && r->doc_type_code == NULL);
    CHECK_STR(r ? r->date : NULL, "2022-06-02");
    r = find(&d, "178/2004/NĐ-CP");
    CHECK_INT(REL(r), VB_REL_CITED);
    CHECK_STR(r ? r->issuer : NULL, "Chính phủ");
    CHECK_STR(r ? r->subject : NULL, "quy định chi tiết thi hành");
    r = find(&d, "05/2006/TT-BLĐTBXH");
    CHECK_INT(REL(r), VB_REL_CITED);
    CHECK_STR(r ? r->doc_type : NULL, "Thông tư");
    vb_arena_destroy(a);
}

static void test_party_form_and_inference(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Triển khai Kế hoạch số 14-KH/TU ngày 05/01/2023 của Ban Thường vụ Tỉnh ủy và Nghị quyết "
               "66-NQ/TW của Bộ Chính trị về đổi mới công tác xây dựng pháp luật. Theo số 2578/QĐ-UBND "
               "ngày 07/10/2016 và Thông tư liên tịch số 24/2010/TTLT-BLĐTBXH-BCA ngày 10/8/2010.\n");
    const vb_reference *r = find(&d, "14-KH/TU");
    CHECK_STR(r ? r->doc_type : NULL, "Kế hoạch");
    CHECK_STR(r ? r->date : NULL, "2023-01-05");
    CHECK_STR(r ? r->issuer : NULL, "Ban Thường vụ Tỉnh ủy");
    CHECK_INT(REL(r), VB_REL_IMPLEMENTS);
    vb_doc e =
        run(a, "Thực hiện ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh tại Công văn số 321/UBND-VX "
               "ngày 02/3/2024, Sở hướng dẫn như sau; đồng thời tuân thủ Kế hoạch số 9/KH-SYT.\n");
    CHECK_INT(REL(find(&e, "321/UBND-VX")), VB_REL_IMPLEMENTS);
    CHECK_INT(REL(find(&e, "9/KH-SYT")), VB_REL_CITED);
    r = find(&d, "66-NQ/TW");
    CHECK_STR(r ? r->doc_type : NULL, "Nghị quyết");
    CHECK(r && r->date == NULL);
    CHECK_STR(r ? r->issuer : NULL, "Bộ Chính trị");
    CHECK_INT(REL(r), VB_REL_IMPLEMENTS);
    /* no type word: the symbol's code names it */
    r = find(&d, "2578/QĐ-UBND");
    CHECK_STR(r ? r->doc_type : NULL, "Quyết định");
    CHECK_STR(r ? r->doc_type_code : NULL, "QĐ");
    CHECK_INT(REL(r), VB_REL_CITED);
    r = find(&d, "24/2010/TTLT-BLĐTBXH-BCA");
    CHECK_STR(r ? r->doc_type : NULL, "Thông tư liên tịch");
    CHECK_STR(r ? r->doc_type_code : NULL, "TTLT");
    CHECK_STR(r ? r->date : NULL, "2010-08-10");
    vb_arena_destroy(a);
}

static void test_merge_mentions_and_self(void) {
    vb_arena *a = vb_arena_create();
    const char *text =
        "Số: 537/GDĐT\nV/v thực hiện Kế hoạch\nsố 1604/KH-UBND ngày 22/3/2024\n"
        "Căn cứ Kế hoạch số 1604 / KH-UBND ngày 22 tháng 03 năm 2024 của Ủy ban nhân dân Quận 7 "
        "về phòng, chống mại dâm năm 2024. Công văn số 537/GDĐT này thay thế.\n";
    vb_doc d = make_doc(a, text);
    d.header.number = "537/GDĐT";
    CHECK(vb_references_extract(rules, &d, a) == VB_OK);
    CHECK(spans_ok(&d));
    CHECK_INT(d.references.len, 1);
    const vb_reference *r = find(&d, "1604/KH-UBND");
    CHECK_INT(r ? r->mentions.len : 0, 2);
    CHECK_INT(REL(r), VB_REL_BASIS); /* strongest of implements (subject line) and basis */
    CHECK_STR(r ? r->date : NULL, "2024-03-22");
    CHECK_STR(r ? r->issuer : NULL, "Ủy ban nhân dân Quận 7");
    CHECK(find(&d, "537/GDĐT") == NULL);
    vb_arena_destroy(a);
}

static void test_laws_by_name(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ "
               "sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 "
               "tháng 11 năm 2019;\n"
               "Căn cứ Pháp lệnh Phòng, chống mại dâm năm 2003;\n"
               "Tuyên truyền Luật Phòng, chống ma túy và các quy định của pháp luật.\n");
    CHECK_INT(d.references.len, 3);
    const vb_reference *r = d.references.len ? &d.references.items[0] : NULL;
    CHECK_STR(r ? r->doc_type : NULL, "Luật");
    CHECK(r && r->number == NULL);
    CHECK_STR(r ? r->date : NULL, "2015-06-19");
    CHECK_STR(r ? r->subject : NULL, "Tổ chức chính quyền địa phương");
    CHECK_INT(REL(r), VB_REL_BASIS);
    r = d.references.len > 1 ? &d.references.items[1] : NULL;
    CHECK_STR(r ? r->date : NULL, "2019-11-22");
    CHECK_STR(r ? r->subject : NULL,
              "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
              "chính quyền địa phương");
    CHECK_INT(REL(r), VB_REL_BASIS);
    r = d.references.len > 2 ? &d.references.items[2] : NULL;
    CHECK_STR(r ? r->doc_type : NULL, "Pháp lệnh");
    CHECK_STR(r ? r->date : NULL, "2003");
    CHECK_STR(r ? r->subject : NULL, "Phòng, chống mại dâm");
    vb_arena_destroy(a);
}

static void test_date_after_issuer_and_generic_word(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Theo Quyết định số 12/QĐ-TTg của Thủ tướng Chính phủ ngày 07/3/2016 về công tác; văn bản số "
               "20/2015/TT-BTC của Bộ Tài chính và Luật số 44/2019/QH14 ngày 14 tháng 6 năm 2019.\n");
    const vb_reference *r = find(&d, "12/QĐ-TTg");
    CHECK_STR(r ? r->issuer : NULL, "Thủ tướng Chính phủ");
    CHECK_STR(r ? r->date : NULL, "2016-03-07");
    CHECK_STR(r ? r->subject : NULL, "công tác");
    vb_doc e = run(a, "Quyết định số 567/QĐ-UBND ngày 01/02/2020 của Ủy ban nhân dân tỉnh hết hiệu lực.\n");
    r = find(&e, "567/QĐ-UBND");
    CHECK_STR(r ? r->issuer : NULL, "Ủy ban nhân dân tỉnh");
    r = find(&d, "20/2015/TT-BTC");
    CHECK_STR(r ? r->doc_type : NULL, "Thông tư"); /* "văn bản" says less than the symbol */
    CHECK_STR(r ? r->issuer : NULL, "Bộ Tài chính");
    r = find(&d, "44/2019/QH14");
    CHECK_STR(r ? r->doc_type : NULL, "Luật");
    CHECK_STR(r ? r->date : NULL, "2019-06-14");
    vb_arena_destroy(a);
}

static void test_many_mentions(void) {
    vb_arena *a = vb_arena_create();
    vb_buf b;
    vb_buf_init(&b);
    for (int i = 0; i < 3000; i++)
        vb_buf_printf(&b, "Quyết định số %d/QĐ-UBND ngày 1/1/2020, ", i % 1500 + 1);
    const char *text = vb_buf_cstr(&b);
    CHECK(text != NULL);
    vb_doc d = run(a, text ? text : "");
    CHECK_INT(d.references.len, 1500);
    const vb_reference *r = find(&d, "7/QĐ-UBND");
    CHECK_INT(r ? r->mentions.len : 0, 2);
    vb_buf_free(&b);
    vb_arena_destroy(a);
}

static void test_not_references(void) {
    vb_arena *a = vb_arena_create();
    /* fractions, HIV/AIDS, years, a header "Số:", a lone symbol without type or "số" */
    vb_doc d = run(a, "Số: 905/KH-UBND\nTỷ lệ 10/12 xã; phòng, chống HIV/AIDS giai đoạn 2016-2020; "
                      "đạt 24/7 và 361/QĐ-TTg được nhắc lại; Kế hoạch năm 2024.\n");
    CHECK_INT(d.references.len, 0);
    vb_arena_destroy(a);
}

static void test_mention_span_words(void) {
    vb_arena *a = vb_arena_create();
    const char *text =
        "Căn cứ Quyết định 2578/QĐ-UBND ngày 07/10/2016 của Ủy ban nhân dân tỉnh ban hành Kế hoạch "
        "thực hiện Chương trình, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n";
    vb_doc d = run(a, text);
    const vb_reference *r = find(&d, "2578/QĐ-UBND");
    CHECK_STR(r ? r->issuer : NULL, "Ủy ban nhân dân tỉnh");
    CHECK_STR(r ? r->subject : NULL, "ban hành Kế hoạch thực hiện Chương trình");
    const char *want = "Quyết định 2578/QĐ-UBND ngày 07/10/2016 của Ủy ban nhân dân tỉnh ban hành Kế hoạch "
                       "thực hiện Chương trình";
    CHECK(r && r->span.start == (size_t)(strstr(text, "Quyết") - text));
    CHECK(r && r->span.end - r->span.start == strlen(want) &&
          memcmp(d.text + r->span.start, want, strlen(want)) == 0);
    vb_arena_destroy(a);
}

static void test_wrapped_symbols(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(
        a, "Căn cứ Nghị định số 55/2021/NĐ- CP ngày 01/6/2021 của Chính phủ;\n"
           "Theo Tờ trình số 3236/TTr -SNN ngày 12/11/2024 và Kế hoạch số 07/KH-CA- PV01 ngày 02/01/2024;\n"
           "Thực hiện Quyết định số 45/QĐ-UBND - UBND huyện giao nhiệm vụ; Quyết định số 88/QĐ - UBND.\n"
           "Căn cứ Công văn số 301/SGDĐT-\nVP ngày 03/3/2023 và Quyết định số 19/QĐ-UBND\n- UBND các xã;\n");
    const vb_reference *r = find(&d, "55/2021/NĐ-CP");
    CHECK_STR(r ? r->doc_type : NULL, "Nghị định");
    CHECK_STR(r ? r->date : NULL, "2021-06-01");
    CHECK_INT(REL(r), VB_REL_BASIS);
    CHECK(find(&d, "3236/TTr-SNN") != NULL);
    CHECK(find(&d, "07/KH-CA-PV01") != NULL);
    CHECK(find(&d, "45/QĐ-UBND") != NULL); /* a spaced dash after a whole symbol ends it */
    CHECK(find(&d, "88/QĐ-UBND") != NULL); /* the symbol's only dash may be spaced */
    r = find(&d, "301/SGDĐT-VP");
    CHECK_STR(r ? r->date : NULL, "2023-03-03");
    CHECK(find(&d, "19/QĐ-UBND") != NULL); /* a bullet below is no part of it */
    CHECK_INT(d.references.len, 7);
    vb_arena_destroy(a);
}

static void test_forms_and_codes(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Căn cứ Nghị quyết số 36a/NQ-CP ngày 14 tháng 10 năm 2015 của Chính phủ; Nghị định số "
               "87\u2044"
               "2017/NĐ-CP ngày 26/7/2017; Quyết định số 41/QD-TCT của Tổng cục Thuế; chỉ thị số "
               "03-CT/TW của Bộ Chính trị; V/v thực hiện NQ số 50/NQ-CP ngày 17/4/2020; Chỉ thị so 10/CT-TTg "
               "ngày 25 tháng 3 năm 2020; công văn số. 3295/TCT-KK ngày 01/7/2021; Luật Quản lý thuế số "
               "38/2019/QH14; Nghị định số 1 17/2018/NĐ-CP ngày 11/9/2018.\n");
    const vb_reference *r = find(&d, "36a/NQ-CP");
    CHECK_STR(r ? r->date : NULL, "2015-10-14");
    r = find(&d, "87\u2044"
                 "2017/NĐ-CP");
    CHECK_STR(r ? r->doc_type : NULL, "Nghị định");
    r = find(&d, "41/QD-TCT");
    CHECK_STR(r ? r->doc_type : NULL, "Quyết định");
    r = find(&d, "03-CT/TW");
    CHECK_STR(r ? r->doc_type : NULL, "Chỉ thị");
    r = find(&d, "50/NQ-CP");
    CHECK_STR(r ? r->doc_type : NULL, "Nghị quyết");
    r = find(&d, "10/CT-TTg");
    CHECK_STR(r ? r->date : NULL, "2020-03-25");
    r = find(&d, "3295/TCT-KK");
    CHECK_STR(r ? r->date : NULL, "2021-07-01");
    r = find(&d, "38/2019/QH14");
    CHECK_STR(r ? r->doc_type : NULL, "Luật");
    r = find(&d, "117/2018/NĐ-CP");
    CHECK_STR(r ? r->date : NULL, "2018-09-11");
    CHECK(find(&d, "17/2018/NĐ-CP") == NULL);
    CHECK_INT(d.references.len, 9);
    vb_arena_destroy(a);
}

static void test_case_merge_and_own_number(void) {
    vb_arena *a = vb_arena_create();
    const char *text = "QUYẾT ĐỊNH SỐ 1961/2019/QĐ-UBND TỈNH BÌNH MINH\n"
                       "KẾ HOẠCH THỰC HIỆN QUYẾT ĐỊNH SỐ 812/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
                       "Thực hiện Quyết định số 812/QĐ-TTg ngày 05/8/2019 của Thủ tướng Chính phủ.\n";
    vb_doc d = make_doc(a, text);
    d.header.number = "1961/QĐUBND";
    d.header.date = "2019-08-28";
    CHECK(vb_references_extract(rules, &d, a) == VB_OK);
    CHECK(spans_ok(&d));
    CHECK_INT(d.references.len, 1);
    const vb_reference *r = d.references.len ? &d.references.items[0] : NULL;
    CHECK_STR(r ? r->number : NULL, "812/QĐ-TTg"); /* the body's spelling */
    CHECK_INT(r ? r->mentions.len : 0, 2);
    CHECK_STR(r ? r->date : NULL, "2019-08-05");
    /* another year's decision with the same number is not the document */
    vb_doc e = make_doc(a, "Căn cứ Quyết định số 1961/2017/QĐ-UBND ngày 02/3/2017.\n");
    e.header.number = "1961/QĐ-UBND";
    e.header.date = "2019-08-28";
    CHECK(vb_references_extract(rules, &e, a) == VB_OK);
    CHECK_INT(e.references.len, 1);
    vb_arena_destroy(a);
}

static void test_relation_ranks(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Thực hiện Nghị định số 29/2012/NĐ-CP ngày 12/4/2012 của Chính phủ (Nghị định số "
               "29/2012/NĐ-CP), Thông tư số 16/2012/TT-BNV ngày 28/12/2012 của Bộ Nội vụ.\n"
               "a) Triển khai nghiêm túc, chất lượng và hiệu quả Kế hoạch số 64/KH-UBND ngày 22/8/2025.\n"
               "Căn cứ nội dung theo Nghị định số 29/2012/NĐ-CP và Quyết định số 7/QĐ-UBND, các đơn vị "
               "thực hiện.\n"
               "Căn cứ Quyết định số 9/QĐ-UBND ngày 01/8/2024; Theo đề nghị của Sở Tư pháp tại Tờ trình số "
               "10/TTr-STP ngày 09/8/2024.\n"
               "Can cứ Quyết định số 508/QĐ-TTg ngày 23/4/2022.\n");
    CHECK_INT(REL(find(&d, "29/2012/NĐ-CP")), VB_REL_IMPLEMENTS); /* not the loose basis below */
    CHECK_INT(REL(find(&d, "16/2012/TT-BNV")), VB_REL_IMPLEMENTS);
    CHECK_INT(REL(find(&d, "64/KH-UBND")), VB_REL_IMPLEMENTS);
    CHECK_INT(REL(find(&d, "7/QĐ-UBND")), VB_REL_BASIS);
    CHECK_INT(REL(find(&d, "9/QĐ-UBND")), VB_REL_BASIS);
    CHECK_INT(REL(find(&d, "10/TTr-STP")), VB_REL_CITED);
    CHECK_INT(REL(find(&d, "508/QĐ-TTg")), VB_REL_BASIS);
    vb_arena_destroy(a);
}

static void test_dates_before(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Trên cơ sở ý kiến của Bộ Nội vụ, ngày 13/5/2016, Bộ đã có Công văn gửi các địa phương "
               "(Công văn số 2102/BGDĐT-NGCBQLCSGD). Các địa phương thực hiện.\n"
               "Ngày 10/1/2019 Tổng cục Thuế đã ban hành Quyết định số 41/QD-TCT về kế hoạch thanh tra; "
               "Quyết định số 42/QD-TCT về danh sách doanh nghiệp, đồng thời nhắc lại Kế hoạch số "
               "5/KH-TCT.\n"
               "Căn cứ Quyết định số 24/2021/QĐ-TTg ngày 16/7/20 21 của Thủ tướng Chính phủ.\n");
    const vb_reference *r = find(&d, "2102/BGDĐT-NGCBQLCSGD");
    CHECK_STR(r ? r->date : NULL, "2016-05-13");
    r = find(&d, "41/QD-TCT");
    CHECK_STR(r ? r->date : NULL, "2019-01-10");
    r = find(&d, "42/QD-TCT");
    CHECK_STR(r ? r->date : NULL, "2019-01-10");
    r = find(&d, "5/KH-TCT");
    CHECK(r && r->date == NULL);
    r = find(&d, "24/2021/QĐ-TTg");
    CHECK_STR(r ? r->date : NULL, "2021-07-16");
    vb_arena_destroy(a);
}

/* The number rows tried only where the byte test admits a start find
 * what each row run over the whole text finds: every digit-run length
 * around the limits, each \s between digits and sign (1, 2 and 3 bytes of
 * UTF-8), signs near and far, left edges the lookbehind refuses or not. */
static void test_number_starts_equal_plain_scan(void) {
    static const char *const before[] = {"",  " ", "(", "x",    "Đ",  "ố",       "/",
                                         ".", "-", "5", "\xff", "\n", "\xc2\xa0"};
    static const char *const digits[] = {"1",       "12",       "1234", "12345",   "123456",
                                         "1234567", "12345678", "12a",  "123456b", "1234567c"};
    static const char *const gap[] = {"",   " ", "\t", "\xc2\xa0",    "\xe2\x80\x83", "\xe3\x80\x80",
                                      "  ", ".", "x",  "\xe1\xbb\x87"};
    static const char *const tail[] = {"/QĐ-TTg",
                                       "/ QĐ-UBND",
                                       "/2004/NĐ-CP",
                                       "/ 2016 / TT-BTC",
                                       "-KH/TU",
                                       "- NQ / TW",
                                       "-KH\xe3\x80\x80/TU",
                                       "/ĐỀ ÁN - UBND",
                                       "/12/2020",
                                       "-2025",
                                       "/aB",
                                       "/",
                                       "-",
                                       "/Ủy",
                                       "-Q/Đ",
                                       "/NĐ- CP",
                                       "/TTr -SNN",
                                       "/QĐ - UBND - UBND",
                                       "-\nKH/TU",
                                       "\u2044"
                                       "2017/NĐ-CP"};
    vb_buf b;
    vb_buf_init(&b);
    for (size_t i = 0; i < sizeof before / sizeof *before; i++)
        for (size_t j = 0; j < sizeof digits / sizeof *digits; j++)
            for (size_t k = 0; k < sizeof gap / sizeof *gap; k++)
                for (size_t m = 0; m < sizeof tail / sizeof *tail; m++)
                    vb_buf_printf(&b, "%s%s%s%s; ", before[i], digits[j], gap[k], tail[m]);
    const char *text = vb_buf_cstr(&b);
    CHECK(text != NULL);
    bool same = false;
    size_t found = 0;
    CHECK(vb_references_numbers_check(rules, text, text ? strlen(text) : 0, &same, &found) == VB_OK);
    CHECK(same);
    CHECK(found > 1000);
    /* the longest runs and the widest \s match, so the shape table may not shrink */
    static const char *const must[] = {"Số 123456/QĐ-UBND",
                                       "số 12345-KH/TU",
                                       "số 12\xe3\x80\x80/QĐ-TTg",
                                       "số 12\xe3\x80\x80-KH/TU",
                                       "số 123456\xe3\x80\x80/2004/NĐ-CP",
                                       "số 123456a\xe3\x80\x80/2004/NĐ-CP"};
    for (size_t i = 0; i < sizeof must / sizeof *must; i++) {
        CHECK(vb_references_numbers_check(rules, must[i], strlen(must[i]), &same, &found) == VB_OK);
        CHECK(same);
        CHECK_INT(found, 1);
    }
    vb_buf_free(&b);
}

int main(void) {
    char err[256];
    if (vb_references_open(&rules, err, sizeof err) != VB_OK) {
        fprintf(stderr, "open: %s\n", err);
        return 1;
    }
    VB_RUN(test_basis_words_date);
    VB_RUN(test_joint_issuer_with_commas);
    VB_RUN(test_implements_and_list);
    VB_RUN(test_party_form_and_inference);
    VB_RUN(test_merge_mentions_and_self);
    VB_RUN(test_laws_by_name);
    VB_RUN(test_date_after_issuer_and_generic_word);
    VB_RUN(test_many_mentions);
    VB_RUN(test_not_references);
    VB_RUN(test_mention_span_words);
    VB_RUN(test_wrapped_symbols);
    VB_RUN(test_forms_and_codes);
    VB_RUN(test_case_merge_and_own_number);
    VB_RUN(test_relation_ranks);
    VB_RUN(test_dates_before);
    VB_RUN(test_number_starts_equal_plain_scan);
    vb_references_close(rules);
    return VB_SUMMARY("references");
}
