/* test_dates.c — the date rule table and vb_date_parse_vn, on realistic
 * sentences of Vietnamese directives, with positive and negative cases. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../extractors/dates.h"
#include "check.h"

static vb_dates_rules *rules;

/* A document holding `text`, optionally with a header date. */
static vb_doc make_doc(vb_arena *a, const char *text, const char *header_date) {
    vb_doc d;
    memset(&d, 0, sizeof d);
    d.text = vb_arena_strdup(a, text);
    d.text_len = strlen(text);
    d.header.date = header_date ? vb_arena_strdup(a, header_date) : NULL;
    if (vb_doc_index(a, &d)) abort();
    return d;
}

/* Every fact's span must be non-empty words inside the text. */
static int spans_ok(const vb_doc *d) {
    for (size_t i = 0; i < d->dates.len; i++) {
        const vb_date *x = &d->dates.items[i];
        if (x->span.end <= x->span.start || x->span.end > d->text_len) return 0;
    }
    return 1;
}

/* A date's words as the writers read them (NULL for no date), as a string. */
static const char *words(vb_arena *a, const vb_doc *d, const vb_date *x) {
    if (!x) return NULL;
    size_t n;
    const char *p = vb_doc_span_text(d, x->span, &n);
    return vb_arena_strndup(a, p, n);
}

static const vb_date *find_value(const vb_doc *d, const char *value) {
    for (size_t i = 0; i < d->dates.len; i++)
        if (d->dates.items[i].value && strcmp(d->dates.items[i].value, value) == 0) return &d->dates.items[i];
    return NULL;
}

static size_t count_role(const vb_doc *d, vb_date_role r) {
    size_t n = 0;
    for (size_t i = 0; i < d->dates.len; i++) n += d->dates.items[i].role == r;
    return n;
}

static vb_doc run(vb_arena *a, const char *text, const char *header_date) {
    bool same = false;
    CHECK(vb_dates_scan_check(rules, text, strlen(text), &same, NULL) == VB_OK);
    CHECK(same); /* the one-pass scan finds what each row finds alone */
    vb_doc d = make_doc(a, text, header_date);
    CHECK(vb_dates_extract(rules, &d, a) == VB_OK);
    CHECK(spans_ok(&d));
    return d;
}

static void test_parse_vn(void) {
    char iso[11];
    size_t used = 0;
    const char *s = "ngày 07 tháng 5 năm 2019 của";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, &used));
    CHECK_STR(iso, "2019-05-07");
    CHECK_INT(used, strlen("ngày 07 tháng 5 năm 2019"));
    s = "Ngày 07 tháng\n5 năm 2019"; /* wrapped across a line */
    CHECK(vb_date_parse_vn(s, strlen(s), iso, &used));
    CHECK_STR(iso, "2019-05-07");
    s = "07/10/2016 của Ủy ban";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, &used));
    CHECK_STR(iso, "2016-10-07");
    CHECK_INT(used, 10);
    s = "ngày 17/11/2005";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, NULL));
    CHECK_STR(iso, "2005-11-17");
    s = "NGÀY 1 THÁNG 12 NĂM 2025";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, NULL));
    CHECK_STR(iso, "2025-12-01");
    s = "ngày 5 tháng 6/2024";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, NULL));
    CHECK_STR(iso, "2024-06-05");
    /* impossible or not dates */
    const char *bad[] = {"30/02/2024", "ngày 32 tháng 1 năm 2020", "ngày 1 tháng 13 năm 2020",
                         "29/02/2023", "1/12/2024/NQ-HĐND",        "ngày tháng năm 2024",
                         "178/2004",   "ngày 07 tháng 5",          "Kế hoạch 07/10/2016"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!vb_date_parse_vn(bad[i], strlen(bad[i]), iso, NULL));
    s = "29/02/2024";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, NULL));
    CHECK_STR(iso, "2024-02-29");
}

/* OCR and wrapped lines: "ngày22", a slash between spaces, a year split
 * after its century; a dot or dash between spaces is no date. */
static void test_parse_vn_damaged(void) {
    char iso[11];
    size_t used = 0;
    const char *s = "ngày22 / 4/2022 của";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, &used));
    CHECK_STR(iso, "2022-04-22");
    CHECK_INT(used, strlen("ngày22 / 4/2022"));
    s = "16/7/20 21 của";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, &used));
    CHECK_STR(iso, "2021-07-16");
    CHECK_INT(used, strlen("16/7/20 21"));
    s = "ngày 5 tháng 3 năm 20 19";
    CHECK(vb_date_parse_vn(s, strlen(s), iso, NULL));
    CHECK_STR(iso, "2019-03-05");
    static const char *const bad[] = {"16/7/21 21", "16/7/20  21",    "16/7/20 2",  "5 . 3 . 2020",
                                      "5.3. 2020",  "ngàyx 5/3/2020", "16/7/20\n21"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!vb_date_parse_vn(bad[i], strlen(bad[i]), iso, NULL));
}

static void test_damaged_dates(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a,
            "Căn cứ Quyết định ngày22 / 4/2022 của Bộ trưởng; Quyết định ngày 16/7/20 21 của Thủ tướng; "
            "tỷ lệ 1 / 2 số xã; mã 12/3/20 25%.\n",
            NULL);
    CHECK(find_value(&d, "2022-04-22") != NULL);
    CHECK(find_value(&d, "2021-07-16") != NULL);
    const vb_date *x = find_value(&d, "2021-07-16");
    CHECK_STR(words(a, &d, x), "ngày 16/7/20 21");
    CHECK_INT(d.dates.len, 3); /* "12/3/20 25" is read as 2025: the split year's one known cost */
    vb_arena_destroy(a);
}

static void test_format(void) {
    char v[11];
    CHECK(vb_date_format(2025, 12, 0, v));
    CHECK_STR(v, "2025-12");
    CHECK(vb_date_format(2024, 0, 0, v));
    CHECK_STR(v, "2024");
    CHECK(!vb_date_format(2023, 2, 29, v));
    CHECK(!vb_date_format(2023, 13, 1, v));
    CHECK_INT(vb_date_year_of("2019-05-07"), 2019);
    CHECK_INT(vb_date_year_of("20x9"), 0);
    CHECK_INT(vb_date_year_of(NULL), 0);
}

static void test_full_dates(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(a,
                   "Căn cứ Quyết định số 361/QĐ-TTg ngày 07 tháng 3 năm 2016 của Thủ tướng Chính phủ.\n"
                   "Căn cứ Quyết định 2578/QĐ-UBND ngày 07/10/2016 của Ủy ban nhân dân tỉnh.\n"
                   "Quyết định số 41/2015/QĐ-UBND ngày 20/8/2015; Kế hoạch ngày 22/3/2024.",
                   NULL);
    CHECK(find_value(&d, "2016-03-07") != NULL);
    CHECK(find_value(&d, "2016-10-07") != NULL);
    CHECK(find_value(&d, "2015-08-20") != NULL);
    CHECK(find_value(&d, "2024-03-22") != NULL);
    /* the year inside a full date is not a date of its own */
    CHECK(find_value(&d, "2016") == NULL);
    CHECK(find_value(&d, "2016-03") == NULL);
    /* numbers carry years but are not dates */
    CHECK(find_value(&d, "2015") == NULL);
    CHECK_INT(d.dates.len, 4);
    const vb_date *x = find_value(&d, "2016-03-07");
    CHECK_STR(words(a, &d, x), "ngày 07 tháng 3 năm 2016");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_REFERENCE);
    vb_arena_destroy(a);
}

static void test_wrapped_and_invalid(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(a,
                   "Ban hành kèm theo Quyết định ngày 07 tháng\n5 năm 2019. Số liệu đến ngày 31/02/2020 "
                   "và ngày 32 tháng 1 năm 2020, tỷ lệ 10/12 xã.",
                   "2024-01-01");
    CHECK(find_value(&d, "2019-05-07") != NULL);
    CHECK_INT(d.dates.len, 1);
    vb_arena_destroy(a);
}

static void test_issued_place_line(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(a,
                   "ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\nSố: 905/KH-UBND\nTây Ninh, ngày 07 tháng 5 năm 2019\n"
                   "KẾ HOẠCH\nCăn cứ Quyết định số 361/QĐ-TTg ngày 07 tháng 3 năm 2016 của Thủ tướng.\n"
                   "Quận 1, ngày 26 tháng 5 năm 2022\n",
                   NULL);
    const vb_date *x = find_value(&d, "2019-05-07");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_ISSUED);
    CHECK_INT(count_role(&d, VB_DATE_ISSUED), 1);
    x = find_value(&d, "2022-05-26");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_REFERENCE);
    vb_arena_destroy(a);
}

static void test_issued_header_span(void) {
    vb_arena *a = vb_arena_create();
    const char *text = "Ngày 01 tháng 4 năm 2024 là hạn.\nHà Nội, ngày 15 tháng 3 năm 2024\n";
    vb_doc d = make_doc(a, text, "2024-03-15");
    const char *p = strstr(text, "ngày 15");
    d.header.date_span =
        (vb_span){(size_t)(p - text), (size_t)(p - text) + strlen("ngày 15 tháng 3 năm 2024")};
    CHECK(vb_dates_extract(rules, &d, a) == VB_OK);
    const vb_date *x = find_value(&d, "2024-03-15");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_ISSUED);
    x = find_value(&d, "2024-04-01");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_REFERENCE);
    /* a header span over none of the dates: the place line still tells */
    vb_doc e = make_doc(a, text, "2024-03-15");
    size_t han = (size_t)(strstr(text, "hạn") - text);
    e.header.date_span = (vb_span){han, han + strlen("hạn")};
    CHECK(vb_dates_extract(rules, &e, a) == VB_OK);
    x = find_value(&e, "2024-03-15");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_ISSUED);
    CHECK_INT(count_role(&e, VB_DATE_ISSUED), 1);
    vb_arena_destroy(a);
}

static void test_month_year_and_year(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Tổng kết vào tháng 12/2025; sơ kết tháng 6 năm 2025. Phấn đấu đến năm 2030 đạt 90%.", NULL);
    const vb_date *x = find_value(&d, "2025-12");
    CHECK_STR(words(a, &d, x), "tháng 12/2025");
    CHECK(find_value(&d, "2025-06") != NULL);
    x = find_value(&d, "2030");
    CHECK_STR(words(a, &d, x), "năm 2030");
    CHECK(find_value(&d, "2025") == NULL);
    /* month 13 is not a month */
    vb_doc e = run(a, "Báo cáo tháng 13/2025 và năm 20255.", NULL);
    CHECK_INT(e.dates.len, 0);
    vb_arena_destroy(a);
}

static void test_periods(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(a,
                   "Chương trình phòng, chống mại dâm giai đoạn 2016-2020. Kế hoạch 2021 - 2025, "
                   "từ năm 2026 đến năm 2030 và năm học 2023-2024.",
                   NULL);
    const vb_date *x = find_value(&d, "2016/2020");
    CHECK(x != NULL);
    CHECK_STR(words(a, &d, x), "giai đoạn 2016-2020");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_PERIOD);
    CHECK(find_value(&d, "2021/2025") != NULL);
    CHECK(find_value(&d, "2026/2030") != NULL);
    CHECK(find_value(&d, "2023/2024") != NULL);
    CHECK(find_value(&d, "2026") == NULL);
    /* backwards or inside a number: not a period */
    vb_doc e = run(a, "Số liệu 2020-2016 theo văn bản 12/2016-2020/QĐ.", NULL);
    CHECK_INT(e.dates.len, 0);
    vb_arena_destroy(a);
}

static void test_quarters(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d =
        run(a, "Sơ kết trong quý II/2024, tổng kết quý IV năm 2025; hoàn thành trước quý 3/2026.", NULL);
    const vb_date *x = find_value(&d, "2024-04/2024-06");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_PERIOD);
    CHECK_STR(words(a, &d, x), "quý II/2024");
    CHECK(find_value(&d, "2025-10/2025-12") != NULL);
    x = find_value(&d, "2026-07/2026-09");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_DEADLINE);
    CHECK_INT(d.dates.len, 3);
    vb_doc e = run(a, "Quý V/2024 không có.", NULL);
    CHECK_INT(e.dates.len, 0);
    vb_arena_destroy(a);
}

static void test_deadlines(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(a,
                   "Các đơn vị gửi báo cáo trước ngày 15 tháng 11 năm 2024. Hoàn thành chậm nhất "
                   "ngày 20/12; hạn chót: ngày 30/6/2025.",
                   "2024-10-01");
    const vb_date *x = find_value(&d, "2024-11-15");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_DEADLINE);
    x = find_value(&d, "2024-12-20");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_DEADLINE);
    CHECK_STR(words(a, &d, x), "ngày 20/12");
    x = find_value(&d, "2025-06-30");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_DEADLINE);
    /* without the document's year a day and month give nothing */
    vb_doc e = run(a, "Gửi báo cáo trước ngày 10 tháng 12 về Sở.", NULL);
    CHECK_INT(e.dates.len, 0);
    /* without a cue a day and month are not dates */
    vb_doc f = run(a, "Tỷ lệ đạt 10/12 xã; ngày 10 tháng 12 tổ chức hội nghị.", "2024-01-01");
    CHECK_INT(f.dates.len, 0);
    vb_arena_destroy(a);
}

static void test_recurrence(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(a,
                   "Báo cáo kết quả định kỳ hàng quý (ngày 10 của tháng cuối quý) và báo cáo năm "
                   "(trước ngày 10 tháng 12) gửi về Ủy ban nhân dân quận. Sơ kết định kỳ 6 tháng; "
                   "giao ban hằng tuần, tập huấn hằng năm. Cửa hàng tháng này đông khách.",
                   "2022-05-26");
    /* in text order: the cycle, its day, the yearly report's day, then the
     * bare cycles; each with its RRULE */
    const char *want[][3] = {
        {"định kỳ hàng quý", "quarterly", "FREQ=MONTHLY;INTERVAL=3"},
        {"ngày 10 của tháng cuối quý", "quarterly", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10"},
        {"ngày 10 tháng 12", "yearly", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10"},
        {"định kỳ 6 tháng", "every 6 months", "FREQ=MONTHLY;INTERVAL=6"},
        {"hằng tuần", "weekly", "FREQ=WEEKLY"},
        {"hằng năm", "yearly", "FREQ=YEARLY"}};
    size_t recur = 0;
    for (size_t i = 0; i < d.dates.len; i++) {
        const vb_date *x = &d.dates.items[i];
        if (x->role != VB_DATE_RECURRING) continue;
        CHECK(x->value == NULL);
        if (recur < 6) {
            CHECK_STR(words(a, &d, x), want[recur][0]);
            CHECK_STR(x->recurrence, want[recur][1]);
            CHECK_STR(x->rule, want[recur][2]);
        }
        recur++;
    }
    CHECK_INT(recur, 6);
    /* the yearly report's deadline recurs: no single date */
    CHECK(find_value(&d, "2022-12-10") == NULL);
    CHECK_INT(count_role(&d, VB_DATE_DEADLINE), 0);
    CHECK_STR(words(a, &d, &d.dates.items[0]), "định kỳ hàng quý");
    vb_arena_destroy(a);
}

static void test_blank_placeholder(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(a, "Số: /GDĐT\nQuận 7, ngày tháng năm 2024\nKính gửi: Hiệu trưởng.\n", NULL);
    CHECK_INT(d.dates.len, 1);
    const vb_date *x = find_value(&d, "2024");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_ISSUED);
    CHECK_STR(words(a, &d, x), "ngày tháng năm 2024");
    CHECK_INT(d.warnings.len, 1);
    CHECK_STR(d.warnings.len ? d.warnings.items[0].code : NULL, "W_BLANK_DATE");
    vb_doc e = run(a, "Hà Nội, ngày ... tháng 5 năm 2024\n", NULL);
    x = find_value(&e, "2024-05");
    CHECK_INT(x ? (int)x->role : -1, VB_DATE_ISSUED);
    /* "ngày tháng năm sinh" in prose is no placeholder */
    vb_doc f = run(a, "Ghi rõ họ tên, ngày tháng năm sinh của học sinh.", NULL);
    CHECK_INT(f.dates.len, 0);
    CHECK_INT(f.warnings.len, 0);
    vb_arena_destroy(a);
}

static void test_law_year(void) {
    vb_arena *a = vb_arena_create();
    vb_doc d = run(
        a, "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015; Pháp lệnh Phòng, chống mại dâm năm 2003.",
        NULL);
    CHECK(find_value(&d, "2015") != NULL);
    CHECK(find_value(&d, "2003") != NULL);
    CHECK_INT(d.dates.len, 2);
    vb_arena_destroy(a);
}

/* Sentences written for this test (not from the seed documents): every
 * form, in upper and mixed case, next to words that share their first
 * letters ("ngàyy", "Thờikỳ", "cửa hàng tháng"), so that the one-pass scan
 * is held to the row-by-row one on many near misses. */
static void test_scan_matches_rows(void) {
    vb_arena *a = vb_arena_create();
    static const char *sentences[] = {
        "Hội nghị tổng kết NĂM HỌC 2023-2024 họp ngày 15.6.2024 tại hội trường.",
        "Niên khóa 2019 - 2020, niên độ 2021 tới 2022; THỜI KỲ 2021 ĐẾN 2030.",
        "Báo cáo quý 3 năm 2025 và QUÝ IV/2025 gửi chậm nhất ngày 05 tháng 01 năm 2026.",
        "Cửa hàng tháng 5 giảm giá; nhà hàng năm 2020 mở cửa; mặt hàng tuần này hết.",
        "Định kỳ mỗi 2 tháng một lần, 6 tháng 1 lần, sáu tháng một lần, hằng tuần, hàng ngày 3 lần.",
        "ngàyy 12/12 và ngày12/12/2012; 1/2/3/2024; 01-02-2024 rồi 01-02.2024 hoặc 1.2-2024.",
        "Từ năm 2016 tới hết năm 2020, giai đoạn từ năm 2021 đến năm 2025, nhiệm kỳ 2020-2025.",
        "ngày … / … / 2024; ngày ... tháng 3 năm 2024; Ngày    tháng    năm 2025.",
        "Trước 30/4, không muộn hơn ngày 15 tháng 5; hạn nộp: 31/12/2024. Thờikỳ 2020-2021.",
        "1999-2000 2000 - 2049 2019-2018 năm 1899 năm 2199 tháng 13/2024 tháng 12 - 2024",
    };
    for (size_t k = 0; k < sizeof sentences / sizeof *sentences; k++)
        (void)run(a, sentences[k], "2024-01-01");
    vb_doc d = run(a, sentences[0], NULL);
    CHECK(find_value(&d, "2023/2024") != NULL);
    CHECK(find_value(&d, "2024-06-15") != NULL);
    d = run(a, sentences[1], NULL);
    CHECK(find_value(&d, "2019/2020") != NULL);
    CHECK(find_value(&d, "2021/2022") != NULL);
    CHECK(find_value(&d, "2021/2030") != NULL);
    d = run(a, sentences[2], NULL);
    CHECK(find_value(&d, "2025-07/2025-09") != NULL);
    CHECK(find_value(&d, "2025-10/2025-12") != NULL);
    CHECK(find_value(&d, "2026-01-05") && find_value(&d, "2026-01-05")->role == VB_DATE_DEADLINE);
    d = run(a, sentences[3], NULL);
    for (size_t i = 0; i < d.dates.len; i++) CHECK(d.dates.items[i].recurrence == NULL);
    vb_arena_destroy(a);
}

/* ---- the one-pass guard against the rows ----
 *
 * Texts built from the date rows' own words in the orders the rows read
 * them (every first word the guard of date_scan names, the words after
 * them, days, months, years, quarters, separators, blanks), with words
 * left out now and then, joined by the gaps \s allows or by nothing, some
 * in upper case, next to letters and other dates: the one-pass scan must
 * find every match each row finds alone.  A first word dropped from the
 * guard loses matches here.
 *
 * A skeleton is tokens separated by spaces (each space a random gap); a
 * token is alternatives separated by '|', '~' a literal space, a leading
 * '?' makes it optional, and $D $M $Y $Q $N $S $B draw a day, month,
 * year, quarter, month count, separator or blank. */
static const char *const date_skeletons[] = {
    "?ngày|NGÀY|Ngày $D tháng|THÁNG $M ?, năm|NĂM|/ $Y",
    "?ngày|NGÀY $D $S $M $S $Y",
    "giai~đoạn|GIAI~ĐOẠN|thời~kỳ|nhiệm~kỳ|năm~học|niên~khóa|niên~độ|THỜI~KỲ|NHIỆM~KỲ|NĂM~HỌC|NIÊN~KHÓA ?từ|TỪ "
    "?năm|NĂM $Y -|đến|tới|ĐẾN ?năm $Y",
    "từ|TỪ|Từ năm|NĂM $Y đến|tới|ĐẾN ?hết|HẾT năm|NĂM $Y",
    "$Y - $Y",
    "?trước|chậm~nhất|hạn~nộp:|không~muộn~hơn ngày|NGÀY $D tháng|THÁNG $M",
    "?trước|CHẬM~NHẤT ?ngày $D / $M",
    "quý|QUÝ|Quý $Q /|-|,|năm|NĂM $Y",
    "tháng|THÁNG|Tháng $M ?, năm|NĂM|/|- $Y",
    "năm|NĂM|Năm $Y",
    "?định~kỳ|ĐỊNH~KỲ|Định~kỳ ?mỗi|MỖI $N tháng|THÁNG ?một|1|MỘT ?lần|LẦN",
    "$N tháng|THÁNG một|1|MỘT lần|LẦN",
    "?định~kỳ|ĐỊNH~KỲ sáu|06|SÁU|Sáu tháng|THÁNG một|1 lần|LẦN",
    "?cửa|nhà|mặt|CỬA ?định~kỳ|ĐỊNH~KỲ hàng|hằng|mỗi|HÀNG|HẰNG|MỖI|Hằng|Mỗi quý|tháng|tuần|năm|ngày|QUÝ|THÁNG|"
    "TUẦN|NĂM|NGÀY ?$D",
    "ngày|NGÀY $B tháng|THÁNG $B năm|NĂM $Y",
    "ngày|NGÀY $B tháng|THÁNG $M năm|/ $Y",
    "ngày|NGÀY $B / $B / $Y",
    "x|Sở~Y~tế|họp|;|.|:|đ|1|a1",
};

static const char *const date_draws[][8] = {
    {"$D", "1", "07", "15", "31", "32", "9", "010"},
    {"$M", "1", "03", "12", "13", "2", "0", "7"},
    {"$Y", "2016", "2020", "1999", "2024", "1899", "2199", "20201"},
    {"$Q", "I", "II", "III", "IV", "1", "4", "V"},
    {"$N", "1", "2", "3", "6", "12", "24", "25"},
    {"$S", "/", ".", "-", "/", "/", ".", "-"},
    {"$B", "…", "...", "___", ". . .", "…", "_", "."},
};

static const char *const date_gaps[] = {" ", " ", " ", " ", "", "  ", "\n", "\t", "\xC2\xA0", "\xE2\x80\x83"};

static uint32_t date_rng_state = 2024;
static uint32_t date_rng(uint32_t n) {
    date_rng_state ^= date_rng_state << 13;
    date_rng_state ^= date_rng_state >> 17;
    date_rng_state ^= date_rng_state << 5;
    return date_rng_state % n;
}

/* Append one token of a skeleton ([t, e)) to out[*n..cap). */
static void put_token(const char *t, const char *e, char *out, size_t *n, size_t cap) {
    if (*t == '?') {
        if (date_rng(2)) return;
        t++;
    }
    if (date_rng(25) == 0) return; /* left out */
    size_t alts = 1;
    for (const char *p = t; p < e; p++) alts += *p == '|';
    size_t pick = date_rng((uint32_t)alts);
    while (pick-- > 0) t = (const char *)memchr(t, '|', (size_t)(e - t)) + 1;
    const char *end = memchr(t, '|', (size_t)(e - t));
    if (!end) end = e;
    for (size_t d = 0; d < sizeof date_draws / sizeof date_draws[0]; d++)
        if ((size_t)(end - t) == 2 && memcmp(t, date_draws[d][0], 2) == 0) {
            *n += (size_t)snprintf(out + *n, cap - *n, "%s", date_draws[d][1 + date_rng(7)]);
            return;
        }
    for (; t < end && *n + 1 < cap; t++) out[(*n)++] = *t == '~' ? ' ' : *t;
    out[*n] = '\0';
}

static size_t date_phrase(char *out, size_t cap) {
    enum { N_GAPS = sizeof date_gaps / sizeof date_gaps[0] };
    const char *sk = date_skeletons[date_rng(sizeof date_skeletons / sizeof date_skeletons[0])];
    size_t n = 0;
    out[0] = '\0';
    while (*sk && n + 64 < cap) {
        const char *e = strchr(sk, ' ');
        if (!e) e = sk + strlen(sk);
        if (n) n += (size_t)snprintf(out + n, cap - n, "%s", date_gaps[date_rng(N_GAPS)]);
        put_token(sk, e, out, &n, cap);
        sk = *e ? e + 1 : e;
    }
    return n;
}

static void test_scan_generated_texts(void) {
    enum { N_GAPS = sizeof date_gaps / sizeof date_gaps[0] };
    char text[2048];
    size_t differ = 0, found = 0;
    for (int k = 0; k < 20000; k++) {
        size_t n = 0;
        int phrases = 1 + (int)date_rng(4);
        for (int p = 0; p < phrases && n + 300 < sizeof text; p++) {
            if (p) n += (size_t)snprintf(text + n, sizeof text - n, "%s", date_gaps[date_rng(N_GAPS)]);
            n += date_phrase(text + n, sizeof text - n);
        }
        bool same = false;
        size_t hits = 0;
        CHECK(vb_dates_scan_check(rules, text, n, &same, &hits) == VB_OK);
        found += hits;
        if (!same && differ++ < 5) fprintf(stderr, "  differs: \"%s\"\n", text);
    }
    CHECK_INT(differ, 0);
    CHECK(found > 30000); /* the texts do hold dates */
}

/* Every noun of data/date-period-nouns.txt names a period, and the one-pass
 * scan finds it: its guard knows the noun's first word (dates.c,
 * date_scan). */
static void test_period_nouns(void) {
    static const char *const nouns[] = {
#define X(noun) noun,
#include "date-period-nouns.inc"
#undef X
    };
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++) {
        char text[128];
        int n = snprintf(text, sizeof text, "Kế hoạch %s 2021 - 2025 của tỉnh", nouns[i]);
        bool same = false;
        size_t hits = 0;
        CHECK(n > 0 && vb_dates_scan_check(rules, text, (size_t)n, &same, &hits) == VB_OK);
        if (!same || !hits)
            fprintf(stderr, "  period noun \"%s\": scan %s, %zu found\n", nouns[i], same ? "same" : "differs",
                    hits);
        CHECK(same && hits > 0);
    }
}

int main(void) {
    char err[256];
    if (vb_dates_open(&rules, err, sizeof err) != VB_OK) {
        fprintf(stderr, "open: %s\n", err);
        return 1;
    }
    VB_RUN(test_parse_vn);
    VB_RUN(test_parse_vn_damaged);
    VB_RUN(test_damaged_dates);
    VB_RUN(test_format);
    VB_RUN(test_full_dates);
    VB_RUN(test_wrapped_and_invalid);
    VB_RUN(test_issued_place_line);
    VB_RUN(test_issued_header_span);
    VB_RUN(test_month_year_and_year);
    VB_RUN(test_periods);
    VB_RUN(test_quarters);
    VB_RUN(test_deadlines);
    VB_RUN(test_recurrence);
    VB_RUN(test_blank_placeholder);
    VB_RUN(test_law_year);
    VB_RUN(test_scan_matches_rows);
    VB_RUN(test_scan_generated_texts);
    VB_RUN(test_period_nouns);
    vb_dates_close(rules);
    return VB_SUMMARY("dates");
}
