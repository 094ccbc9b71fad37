/* test_targets.c — the target rule tables on realistic sentences, including
 * forms the seed documents do not use. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../extractors/extract.h"
#include "../../extractors/targets.h"
#include "check.h"

static vb_targets_rules *rules;
static vb_outline_rules *line_rules; /* the outline scan run() gives the extractor */

/* A target's words as the writers read them, as a string. */
static const char *words(vb_arena *a, const vb_doc *d, const vb_target *t) {
    size_t n;
    const char *p = vb_doc_span_text(d, t->span, &n);
    return vb_arena_strndup(a, p, n);
}

static vb_doc *run(vb_arena *a, const char *text) {
    vb_doc *d = vb_arena_alloc(a, sizeof *d);
    d->text = vb_arena_strdup(a, text);
    d->text_len = strlen(text);
    CHECK(vb_doc_index(a, d) == 0);
    vb_linev lines;
    CHECK(vb_outline_scan(line_rules, d->text, d->text_len, &lines) == VB_OK);
    CHECK(vb_targets_extract_lines(rules, d, a, &lines) == VB_OK);
    vb_linev_free(&lines);
    /* every fact's span holds exactly its words */
    for (size_t i = 0; i < d->targets.len; i++) {
        const vb_target *t = &d->targets.items[i];
        CHECK(t->span.end > t->span.start && t->span.end <= d->text_len);
        CHECK(t->indicator && t->indicator[0] && t->theme && t->unit);
        CHECK(d->text[t->span.start] != ' ' && d->text[t->span.end - 1] != ' ');
    }
    return d;
}

#define CHECK_TARGET(t, val, unit_, cmp)        \
    do {                                        \
        CHECK(fabs((t)->value - (val)) < 1e-9); \
        CHECK_STR((t)->unit, unit_);            \
        CHECK_INT((t)->comparator, cmp);        \
    } while (0)

static void percent_with_noun_phrase(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "b. Mục tiêu cụ thể\n- 100% xã, phường, thị trấn tổ chức tuyên truyền bằng "
                       "hình thức phù hợp về tệ nạn mại dâm.\n- 100% cán bộ trực tiếp làm công tác "
                       "phòng, chống tệ nạn xã hội được tập huấn, nâng cao năng lực.");
    CHECK_INT(d->targets.len, 2);
    if (d->targets.len == 2) {
        CHECK_TARGET(&d->targets.items[0], 100, "percent", VB_CMP_EQ);
        CHECK_STR(d->targets.items[0].indicator, "xã, phường, thị trấn tổ chức tuyên truyền");
        CHECK_STR(d->targets.items[0].theme, "communication");
        CHECK_STR(d->targets.items[1].indicator,
                  "cán bộ trực tiếp làm công tác phòng, chống tệ nạn xã hội được tập huấn");
        CHECK_STR(d->targets.items[1].theme, "training");
    }
    vb_arena_destroy(a);
}

static void comparators(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "- Tối thiểu 90% cơ sở kinh doanh dịch vụ nhạy cảm được thanh tra, kiểm tra.\n"
                       "- Tỷ lệ người bán dâm tái phạm không quá 5%.\n"
                       "- Trên 95,5% hộ gia đình ký cam kết không vi phạm tệ nạn xã hội.\n"
                       "- Tỷ lệ học sinh được tuyên truyền về phòng, chống mại dâm đạt từ 80% trở lên.");
    CHECK_INT(d->targets.len, 4);
    if (d->targets.len == 4) {
        CHECK_TARGET(&d->targets.items[0], 90, "percent", VB_CMP_GE);
        CHECK_STR(d->targets.items[0].theme, "inspection");
        CHECK_TARGET(&d->targets.items[1], 5, "percent", VB_CMP_LE);
        CHECK_STR(d->targets.items[1].indicator, "Tỷ lệ người bán dâm tái phạm");
        CHECK_TARGET(&d->targets.items[2], 95.5, "percent", VB_CMP_GE);
        CHECK_TARGET(&d->targets.items[3], 80, "percent", VB_CMP_GE);
        CHECK_STR(d->targets.items[3].indicator, "Tỷ lệ học sinh được tuyên truyền về phòng, chống mại dâm");
        CHECK_STR(d->targets.items[3].theme, "communication");
    }
    vb_arena_destroy(a);
}

static void verb_before_percent_and_ellipsis(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "Phấn đấu triệt xóa 100% các điểm phức tạp về tệ nạn mại dâm và duy trì "
                       "không để tái hoạt động; tổ chức kiểm tra 80% các cơ sở kinh doanh dịch vụ.\n"
                       "Tổ chức đào tạo, tập huấn cho 20% người làm công tác phòng, chống tệ nạn xã "
                       "hội cấp huyện và 10% ở cấp xã.");
    CHECK_INT(d->targets.len, 4);
    if (d->targets.len == 4) {
        CHECK_STR(d->targets.items[0].indicator, "triệt xóa các điểm phức tạp về tệ nạn mại dâm");
        CHECK_STR(d->targets.items[0].theme, "enforcement");
        CHECK_STR(d->targets.items[1].indicator, "kiểm tra các cơ sở kinh doanh dịch vụ");
        CHECK_STR(d->targets.items[1].theme, "inspection");
        CHECK_TARGET(&d->targets.items[2], 20, "percent", VB_CMP_EQ);
        CHECK_STR(d->targets.items[2].indicator, "người làm công tác phòng, chống tệ nạn xã hội cấp huyện");
        CHECK_STR(d->targets.items[2].theme, "training");
        CHECK_TARGET(&d->targets.items[3], 10, "percent", VB_CMP_EQ);
        CHECK_STR(d->targets.items[3].indicator, "người làm công tác phòng, chống tệ nạn xã hội ở cấp xã");
        CHECK_STR(d->targets.items[3].theme, "training");
    }
    vb_arena_destroy(a);
}

static void adverbial_is_not_the_subject(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "- Theo Quyết định số 361/QĐ-TTg, mỗi quý tổ chức ít nhất 01 đợt kiểm tra "
                       "liên ngành.\n");
    CHECK_INT(d->targets.len, 1);
    if (d->targets.len == 1) {
        CHECK_TARGET(&d->targets.items[0], 1, "times_per_quarter", VB_CMP_GE);
        CHECK_STR(d->targets.items[0].indicator, "tổ chức kiểm tra liên ngành");
        CHECK_STR(d->targets.items[0].theme, "inspection");
    }
    vb_arena_destroy(a);
}

static void frequencies(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "- Thông tin về phòng, chống mại dâm được đăng tải trên Báo Tây Ninh ít nhất "
                       "một lần một tháng.\n"
                       "- Thông tin được đăng tải trên Tờ tin Quận 7 ít nhất mỗi tháng một lần.\n"
                       "- Đội kiểm tra liên ngành kiểm tra các cơ sở karaoke 02 lần/năm.\n"
                       "- Sở Y tế tổ chức giám sát hằng quý ít nhất 01 lần.\n"
                       "- Tổ chức kiểm tra các cơ sở; các cơ sở có biểu hiện phức tạp phải kiểm tra "
                       "ít nhất một lần.");
    CHECK_INT(d->targets.len, 5);
    if (d->targets.len == 5) {
        CHECK_TARGET(&d->targets.items[0], 1, "times_per_month", VB_CMP_GE);
        CHECK_STR(d->targets.items[0].indicator,
                  "Thông tin về phòng, chống mại dâm được đăng tải trên Báo Tây Ninh");
        CHECK_STR(d->targets.items[0].theme, "communication");
        CHECK_TARGET(&d->targets.items[1], 1, "times_per_month", VB_CMP_GE);
        CHECK_TARGET(&d->targets.items[2], 2, "times_per_year", VB_CMP_EQ);
        CHECK_STR(d->targets.items[2].theme, "inspection");
        CHECK_TARGET(&d->targets.items[3], 1, "times_per_quarter", VB_CMP_GE);
        CHECK_STR(d->targets.items[3].indicator, "Sở Y tế tổ chức giám sát");
        CHECK_TARGET(&d->targets.items[4], 1, "times", VB_CMP_GE);
        CHECK_STR(d->targets.items[4].indicator, "cơ sở có biểu hiện phức tạp phải kiểm tra");
    }
    vb_arena_destroy(a);
}

static void counts_from_to(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "Phấn đấu duy trì và đạt mục tiêu xã, phường, thị trấn lành mạnh không có tệ "
                       "nạn mại dâm từ 74 xã, phường, thị trấn nâng lên 80 xã, phường, thị trấn.\n"
                       "Giảm tỷ lệ tái nghiện từ 30% xuống 25%.");
    CHECK_INT(d->targets.len, 2);
    if (d->targets.len == 2) {
        CHECK_TARGET(&d->targets.items[0], 80, "count", VB_CMP_EQ);
        CHECK(d->targets.items[0].has_from && d->targets.items[0].from == 74);
        CHECK_STR(d->targets.items[0].indicator, "xã, phường, thị trấn lành mạnh không có tệ nạn mại dâm");
        CHECK_STR(d->targets.items[0].theme, "healthy_communes");
        const char *tail = "nâng lên 80";
        size_t n = strlen(words(a, d, &d->targets.items[0])), m = strlen(tail);
        CHECK(n > m && strcmp(words(a, d, &d->targets.items[0]) + n - m, tail) == 0);
        CHECK_TARGET(&d->targets.items[1], 25, "percent", VB_CMP_EQ);
        CHECK(d->targets.items[1].has_from && d->targets.items[1].from == 30);
    }
    vb_arena_destroy(a);
}

static void integration_and_reintegration(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "- 100% số huyện, thành phố xây dựng kế hoạch lồng ghép và tổ chức nhiệm vụ "
                       "phòng, chống mại dâm.\n- Thực hiện tốt công tác dạy nghề cho 100% số người "
                       "bán dâm hoàn lương.");
    CHECK_INT(d->targets.len, 2);
    if (d->targets.len == 2) {
        CHECK_STR(d->targets.items[0].indicator, "huyện, thành phố xây dựng kế hoạch lồng ghép");
        CHECK_STR(d->targets.items[0].theme, "integration");
        CHECK_STR(d->targets.items[1].indicator, "người bán dâm hoàn lương");
        CHECK_STR(d->targets.items[1].theme, "reintegration");
    }
    vb_arena_destroy(a);
}

static void periods_rounds_and_counted_goals(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "- Đội kiểm tra liên ngành kiểm tra các cơ sở định kỳ 6 tháng một lần.\n"
                       "- Tổ chức ít nhất 02 lớp tập huấn cho cán bộ làm công tác xã hội.\n"
                       "- Thanh tra các cơ sở lưu trú 2 đợt/năm.\n"
                       "- Báo cáo 5 tháng/lần.\n"
                       "- Tổ chức được ít nhất là một hình thức tuyên truyền.");
    CHECK_INT(d->targets.len, 3);
    if (d->targets.len == 3) {
        CHECK_TARGET(&d->targets.items[0], 2, "times_per_year", VB_CMP_EQ);
        CHECK_STR(d->targets.items[0].indicator, "Đội kiểm tra liên ngành kiểm tra các cơ sở");
        CHECK_TARGET(&d->targets.items[1], 2, "count", VB_CMP_GE);
        CHECK_STR(d->targets.items[1].indicator, "lớp tập huấn cho cán bộ làm công tác xã hội");
        CHECK_STR(d->targets.items[1].theme, "training");
        CHECK_TARGET(&d->targets.items[2], 2, "times_per_year", VB_CMP_EQ);
    }
    vb_arena_destroy(a);
}

static void drug_plan_goals(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "1. Chỉ tiêu\n"
                       "- Tỷ lệ xã, phường, thị trấn không có tệ nạn ma túy đạt trên 60%.\n"
                       "- Giảm ít nhất 10% số người nghiện so với năm 2023.\n"
                       "- Mỗi quý tổ chức ít nhất 01 đợt cao điểm tấn công, trấn áp tội phạm.\n"
                       "- Phấn đấu 100% người nghiện có hồ sơ quản lý được hỗ trợ cai nghiện.");
    CHECK_INT(d->targets.len, 4);
    if (d->targets.len == 4) {
        CHECK_TARGET(&d->targets.items[0], 60, "percent", VB_CMP_GE);
        CHECK_STR(d->targets.items[0].theme, "healthy_communes");
        CHECK_TARGET(&d->targets.items[1], 10, "percent", VB_CMP_GE);
        CHECK_STR(d->targets.items[1].indicator, "Giảm người nghiện");
        CHECK_TARGET(&d->targets.items[2], 1, "times_per_quarter", VB_CMP_GE);
        CHECK_STR(d->targets.items[2].indicator, "tổ chức cao điểm tấn công, trấn áp tội phạm");
        CHECK_STR(d->targets.items[2].theme, "enforcement");
        CHECK_STR(d->targets.items[3].theme, "reintegration");
    }
    vb_arena_destroy(a);
}

/* Amounts in units with their multiplier words, ranges (value = the upper
 * end, from = the lower), rates per year and per 1.000, and spans that
 * hold exactly the words read. */
static void amounts_ranges_and_rates(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "II. CHỈ TIÊU\n"
                       "- Sản lượng gạo xuất khẩu đạt trên 46.200 tấn; giá trị xuất khẩu đạt 48,3 "
                       "triệu USD, tốc độ tăng bình quân 05 - 06%/năm.\n"
                       "- Thu ngân sách khoảng 250 nghìn tỷ đồng.\n"
                       "- Tỷ suất tử vong mẹ dưới 20/100.000 trẻ đẻ sống.\n"
                       "- Giảm 1,5 lần số ca mắc mới.\n");
    CHECK_INT(d->targets.len, 6);
    if (d->targets.len == 6) {
        const vb_target *t = d->targets.items;
        CHECK_TARGET(&t[0], 46200, "tonnes", VB_CMP_GE);
        CHECK_STR(t[0].indicator, "Sản lượng gạo xuất khẩu");
        CHECK_STR(words(a, d, &t[0]), "Sản lượng gạo xuất khẩu đạt trên 46.200 tấn");
        CHECK_TARGET(&t[1], 48300000, "USD", VB_CMP_EQ);
        CHECK_STR(t[1].indicator, "giá trị xuất khẩu");
        CHECK_TARGET(&t[2], 6, "percent", VB_CMP_EQ);
        CHECK(t[2].has_from && t[2].from == 5);
        CHECK_STR(t[2].indicator, "tốc độ tăng bình quân");
        CHECK_TARGET(&t[3], 250e12, "VND", VB_CMP_EQ);
        CHECK_TARGET(&t[4], 20, "per_100000", VB_CMP_LE);
        CHECK_STR(t[4].indicator, "Tỷ suất tử vong mẹ");
        CHECK_TARGET(&t[5], 1.5, "times", VB_CMP_EQ);
        CHECK_STR(t[5].indicator, "Giảm số ca mắc mới");
    }
    vb_arena_destroy(a);
}

static void numbers_that_are_not_goals(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "Căn cứ Quyết định số 361/QĐ-TTg ngày 07 tháng 3 năm 2016 phê duyệt Chương "
                       "trình giai đoạn 2016-2020.\n2. Mục tiêu\nỦy ban nhân dân 10 phường phối hợp "
                       "với Công an Quận 7 phòng, chống HIV/AIDS.\n- Kinh phí: 50.000.000 đồng từ "
                       "ngân sách năm 2024.\n- Từ năm 2016 lên năm 2020 tổ chức 3 hội nghị.");
    CHECK_INT(d->targets.len, 0);
    vb_arena_destroy(a);
}

static void past_results_are_not_goals(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n- Đã kiểm tra 85% cơ sở kinh doanh dịch vụ.\n"
                       "II. MỤC TIÊU\n- Kiểm tra 90% cơ sở kinh doanh dịch vụ.");
    CHECK_INT(d->targets.len, 1);
    if (d->targets.len == 1) CHECK_TARGET(&d->targets.items[0], 90, "percent", VB_CMP_EQ);
    vb_arena_destroy(a);
}

/* A comparator before the number, found by looking back from the anchor word
 * ("%", "lần", "mỗi/hằng/hàng", "dưới/quá"): cases the seeds do not have,
 * including a tab and a long run of spaces between comparator and number. */
static void comparator_before_forms(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "- Không dưới 95% hộ gia đình được tuyên truyền về phòng, chống tệ nạn xã hội.\n"
                       "- Định kỳ hàng quý tổ chức ít nhất 01 lần giao ban công tác phòng, chống "
                       "mại dâm.\n"
                       "- Ban Chỉ đạo kiểm tra các cơ sở kinh doanh dịch vụ tối thiểu là 3 lần/năm.\n"
                       "- Đội kiểm tra liên ngành không quá 12 tháng một lần kiểm tra các cơ sở lưu "
                       "trú.\n"
                       "- Tỷ lệ người nghiện tái nghiện không vượt quá\t  15 %.\n"
                       "- TỐI THIỂU 5 LỚP tập huấn cho tuyên truyền viên; không quá 02 đợt kiểm tra "
                       "mỗi cơ sở.\n"
                       "- Phấn đấu ít nhất                                        70% xã, phường "
                       "đạt tiêu chuẩn không có tệ nạn ma túy.\n");
    CHECK_INT(d->targets.len, 8);
    if (d->targets.len == 8) {
        const vb_target *t = d->targets.items;
        CHECK_TARGET(&t[0], 95, "percent", VB_CMP_GE);
        CHECK_STR(words(a, d, &t[0]), "Không dưới 95% hộ gia đình được tuyên truyền về phòng, chống tệ nạn "
                                      "xã hội");
        CHECK_TARGET(&t[1], 1, "times_per_quarter", VB_CMP_GE);
        CHECK_STR(words(a, d, &t[1]), "hàng quý tổ chức ít nhất 01 lần giao ban công tác phòng, chống mại "
                                      "dâm");
        CHECK_TARGET(&t[2], 3, "times_per_year", VB_CMP_GE);
        CHECK_STR(t[2].indicator, "Ban Chỉ đạo kiểm tra các cơ sở kinh doanh dịch vụ");
        CHECK_STR(t[2].theme, "inspection");
        CHECK_TARGET(&t[3], 1, "times_per_year", VB_CMP_LE);
        CHECK_STR(words(a, d, &t[3]), "Đội kiểm tra liên ngành không quá 12 tháng một lần");
        CHECK_TARGET(&t[4], 15, "percent", VB_CMP_LE);
        CHECK_STR(t[4].indicator, "Tỷ lệ người nghiện tái nghiện");
        CHECK_TARGET(&t[5], 5, "count", VB_CMP_GE);
        CHECK_STR(words(a, d, &t[5]), "TỐI THIỂU 5 LỚP tập huấn cho tuyên truyền viên");
        CHECK_TARGET(&t[6], 2, "times", VB_CMP_LE);
        CHECK_STR(words(a, d, &t[6]), "không quá 02 đợt kiểm tra mỗi cơ sở");
        CHECK_TARGET(&t[7], 70, "percent", VB_CMP_GE);
        CHECK_STR(t[7].theme, "healthy_communes");
        CHECK(strncmp(words(a, d, &t[7]), "ít nhất   ", 12) == 0);
    }
    vb_arena_destroy(a);
}

/* The pipeline's extraction (vb_extract_doc: one outline scan shared by
 * the extractors) finds what this extractor finds on its own. */
static void shared_outline_same_result(void) {
    static const char text[] = "I. KẾT QUẢ\n- Đã kiểm tra 85% cơ sở.\nII. MỤC TIÊU\n"
                               "- Tối thiểu 90% cơ sở được kiểm tra.\n"
                               "- Sở Y tế tổ chức giám sát hằng quý ít nhất 01 lần.\n";
    char err[256];
    vb_extractors *all = NULL;
    CHECK(vb_extractors_open(&all, err, sizeof err) == VB_OK);
    vb_arena *a = vb_arena_create();
    vb_doc *own = run(a, text);
    vb_doc *d = vb_arena_alloc(a, sizeof *d);
    d->text = vb_arena_strdup(a, text);
    d->text_len = strlen(text);
    CHECK(vb_doc_index(a, d) == 0);
    CHECK(all && vb_extract_doc(all, d, a) == VB_OK);
    CHECK_INT(own->targets.len, 2);
    CHECK_INT(d->targets.len, own->targets.len);
    for (size_t i = 0; i < d->targets.len && i < own->targets.len; i++) {
        CHECK_STR(words(a, d, &d->targets.items[i]), words(a, own, &own->targets.items[i]));
        CHECK_STR(d->targets.items[i].indicator, own->targets.items[i].indicator);
        CHECK(d->targets.items[i].value == own->targets.items[i].value);
    }
    vb_arena_destroy(a);
    vb_extractors_close(all);
}

/* ---- the anchor table against the rows ----
 *
 * Texts built from the form rows' own words (every comparator, number
 * words and digits, lần/đợt, periods, %, counted things, mỗi/hằng/hàng,
 * định kỳ, "/"), in the orders the rows read them with words swapped,
 * dropped or thrown in, joined by the whitespace \s allows (space runs,
 * tab, line break, NBSP, EM SPACE) or by nothing, some in upper case: the
 * anchored scan (form_scans in targets.c) must find what every row finds
 * run over the whole text.  A reach cut short or an anchor word dropped
 * loses matches here. */
enum {
    W_CMP,
    W_NUM,
    W_TIMES,
    W_PER,
    W_SEP,
    W_PCT,
    W_EVERY,
    W_DK,
    W_MONTHS,
    W_THANG,
    W_COUNTED,
    W_AFTER,
    W_FROM,
    W_TO,
    W_FILL,
    W_DASH,
    W_KINDS
};

typedef struct {
    const char *words[16][2]; /* lower, upper; NULL-terminated */
} word_kind;

static const word_kind kinds[W_KINDS] = {
    [W_CMP] = {{{"ít nhất", "ÍT NHẤT"},
                {"ít nhất là", "Ít Nhất Là"},
                {"tối thiểu", "TỐI THIỂU"},
                {"tối thiểu là", "TỐI THIỂU LÀ"},
                {"không dưới", "KHÔNG DƯỚI"},
                {"không thấp hơn", "KHÔNG THẤP HƠN"},
                {"không ít hơn", "KHÔNG ÍT HƠN"},
                {"trên", "TRÊN"},
                {"hơn", "HƠN"},
                {"không quá", "KHÔNG QUÁ"},
                {"không vượt quá", "KHÔNG VƯỢT QUÁ"},
                {"tối đa", "TỐI ĐA"},
                {"tối đa là", "Tối Đa Là"},
                {"dưới", "DƯỚI"},
                {"từ", "TỪ"}}},
    [W_NUM] = {{{"1", "01"},
                {"02", "2"},
                {"6", "06"},
                {"12", "3"},
                {"70", "100"},
                {"2,5", "99.5"},
                {"1.000", "100,25"},
                {"một", "MỘT"},
                {"hai", "HAI"},
                {"ba", "BA"},
                {"mười", "MƯỜI"},
                {"tư", "BẨY"},
                {"năm", "NĂM"},
                {"mốt", "LĂM"}}},
    [W_TIMES] = {{{"lần", "LẦN"}, {"đợt", "ĐỢT"}}},
    [W_PER] = {{{"tháng", "THÁNG"},
                {"quý", "QUÝ"},
                {"năm", "NĂM"},
                {"tuần", "TUẦN"},
                {"ngày", "NGÀY"},
                {"học kỳ", "HỌC KỲ"}}},
    [W_SEP] = {{{"/", "/"},
                {"một", "MỘT"},
                {"mỗi", "MỖI"},
                {"trên", "TRÊN"},
                {"trong", "TRONG"},
                {"1", "01"},
                {"trong một", "TRÊN MỖI"}}},
    [W_PCT] = {{{"%", "%"}, {"phần trăm", "PHẦN TRĂM"}}},
    [W_EVERY] = {{{"mỗi", "MỖI"}, {"hằng", "HẰNG"}, {"hàng", "HÀNG"}, {"mỗi một", "HẰNG MỘT"}}},
    [W_DK] = {{{"định kỳ", "ĐỊNH KỲ"}}},
    [W_MONTHS] = {{{"3", "03"}, {"6", "12"}, {"ba", "BA"}, {"sáu", "SÁU"}, {"mười hai", "MƯỜI HAI"}}},
    [W_THANG] =
        {{{"tháng", "THÁNG"}, {"tháng /", "THÁNG/"}, {"tháng một", "THÁNG MỘT"}, {"tháng 01", "THÁNG 1"}}},
    [W_COUNTED] = {{{"lớp", "LỚP"},
                    {"mô hình", "MÔ HÌNH"},
                    {"xã", "XÃ"},
                    {"người", "NGƯỜI"},
                    {"khu dân cư", "KHU DÂN CƯ"},
                    {"câu lạc bộ", "TỔ"},
                    {"lượt", "HỘI NGHỊ"}}},
    [W_AFTER] = {{{"trở lên", "TRỞ LÊN"}, {"trở xuống", "TRỞ XUỐNG"}}},
    [W_FROM] = {{{"từ", "TỪ"}}},
    [W_TO] =
        {{{"nâng lên", "NÂNG LÊN"}, {"lên", "TĂNG LÊN"}, {"giảm còn", "XUỐNG"}, {"còn mức", "GIẢM XUỐNG"}}},
    [W_FILL] = {{{"cán bộ được tập huấn", "KIỂM TRA"},
                 {"các cơ sở", "tổ chức"},
                 {",", "."},
                 {";", "\n- "},
                 {"kiểm tra", "Sở Y tế"}}},
    [W_DASH] = {{{"-", "–"}, {" - ", " – "}}},
};

/* The orders the rows read; -1 ends, a kind + 100 is optional. */
static const int skeletons[][12] = {
    {W_CMP + 100, W_NUM, W_TIMES, W_SEP, W_PER, -1},
    {W_CMP + 100, W_EVERY, W_PER, W_FILL + 100, W_CMP + 100, W_NUM, W_TIMES, -1},
    {W_CMP + 100, W_DK + 100, W_MONTHS, W_THANG, W_NUM + 100, W_TIMES, -1},
    {W_CMP + 100, W_NUM, W_PCT, W_AFTER + 100, W_FILL + 100, -1},
    {W_CMP, W_NUM, W_TIMES, -1},
    {W_CMP, W_NUM, W_COUNTED, -1},
    {W_FROM, W_NUM, W_PCT + 100, W_FILL + 100, W_TO, W_NUM, W_PCT + 100, -1},
    {W_CMP + 100, W_NUM, W_DASH, W_NUM, W_PCT, W_FILL + 100, -1},
};

static const char *const gaps[] = {" ",         " ", " ", "", "  ", "\t", "\n", "\xC2\xA0", "\xE2\x80\x83",
                                   " \xC2\xA0 "};

static uint32_t rng_state = 12345;
static uint32_t rng(uint32_t n) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state % n;
}

static const char *word_of(int kind) {
    size_t n = 0;
    while (n < 16 && kinds[kind].words[n][0]) n++;
    return kinds[kind].words[rng((uint32_t)n)][rng(4) == 0];
}

/* One phrase of a random skeleton into out; words swapped, dropped or added now and then. */
static size_t phrase(char *out, size_t cap) {
    enum { N_SKEL = sizeof skeletons / sizeof skeletons[0], N_GAPS = sizeof gaps / sizeof gaps[0] };
    const int *sk = skeletons[rng(N_SKEL)];
    size_t n = 0;
    for (int i = 0; sk[i] >= 0 && n < cap; i++) {
        int kind = sk[i] % 100;
        if (sk[i] >= 100 && rng(2)) continue;
        uint32_t r = rng(20);
        if (r == 0) continue;                 /* dropped */
        if (r == 1) kind = (int)rng(W_KINDS); /* swapped */
        if (r == 2)
            n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? gaps[rng(N_GAPS)] : "",
                                  word_of((int)rng(W_KINDS)));
        if (n >= cap) break;
        n += (size_t)snprintf(out + n, cap - n, "%s%s", n ? gaps[rng(N_GAPS)] : "", word_of(kind));
    }
    return n < cap ? n : cap;
}

/* The anchored scan against the full one on text: differ counts the texts
 * where they part (the first few are shown), found the matches. */
static size_t differ, found;
static void check_scan(const char *text) {
    bool same = false;
    size_t n = 0;
    CHECK(vb_targets_scan_check(rules, text, strlen(text), &same, &n) == VB_OK);
    found += n;
    if (!same && differ++ < 5) fprintf(stderr, "  differs: \"%s\"\n", text);
}

static void anchored_scan_matches_full_scan(void) {
    char text[1024];
    differ = found = 0;
    for (int k = 0; k < 10000; k++) {
        size_t n = 0;
        int phrases = 1 + (int)rng(3);
        for (int p = 0; p < phrases && n + 1 < sizeof text; p++) {
            if (p) n += (size_t)snprintf(text + n, sizeof text - n, " %s ", word_of(W_FILL));
            if (n + 1 < sizeof text) n += phrase(text + n, sizeof text - n);
        }
        check_scan(text);
    }
    CHECK_INT(differ, 0);
    CHECK(found > 6000); /* the texts do hold matches */
}

/* Every comparator before every anchored form, with every gap and the
 * longest numbers; then each anchored row with every piece its reach
 * counts at its longest, so that the match starts exactly as far before
 * the anchor as the reach allows: one character less loses it.  In the
 * forms, \1 is a gap (a different one at each place) and \2 the number. */
static void every_comparator_before_every_form(void) {
    static const char *const forms[] = {
        "\2\1lần/năm",  "hằng một\1quý\1\2 lần", "định kỳ\1mười hai\1tháng\1một\1\2\1đợt",
        "\2\1%",        "\2\1phần trăm",         "\2\1lần",
        "\2\1lớp",      "sáu\1tháng/\1\2\1lần",  "mỗi\1tháng\1\2\1lần",
        "\2\1-\1\2\1%", "\2\1–\1\2\1phần trăm",
    };
    static const char *const nums[] = {"02", "100,25", "mười", "MƯỜI", "1.000"};
    enum { N_GAPS = sizeof gaps / sizeof gaps[0] };
    char text[256];
    differ = found = 0;
    for (size_t c = 0; kinds[W_CMP].words[c][0]; c++)
        for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++)
            for (size_t g = 0; g < N_GAPS; g++)
                for (size_t m = 0; m < sizeof nums / sizeof nums[0]; m++) {
                    size_t n = (size_t)snprintf(text, sizeof text, "%s%s", kinds[W_CMP].words[c][(g + m) & 1],
                                                gaps[g]);
                    size_t gi = g;
                    for (const char *p = forms[f]; *p && n + 8 < sizeof text; p++) {
                        const char *piece = *p == '\1' ? gaps[++gi % N_GAPS] : *p == '\2' ? nums[m] : NULL;
                        if (piece)
                            n += (size_t)snprintf(text + n, sizeof text - n, "%s", piece);
                        else
                            text[n++] = *p;
                    }
                    text[n] = '\0';
                    check_scan(text);
                }
    CHECK_INT(differ, 0);
    CHECK(found > 3000);
}

int main(void) {
    char err[256];
    if (vb_targets_open(&rules, err, sizeof err) != VB_OK ||
        vb_outline_open(&line_rules, err, sizeof err) != VB_OK) {
        fprintf(stderr, "open: %s\n", err);
        return 1;
    }
    VB_RUN(percent_with_noun_phrase);
    VB_RUN(comparators);
    VB_RUN(verb_before_percent_and_ellipsis);
    VB_RUN(frequencies);
    VB_RUN(adverbial_is_not_the_subject);
    VB_RUN(counts_from_to);
    VB_RUN(integration_and_reintegration);
    VB_RUN(periods_rounds_and_counted_goals);
    VB_RUN(drug_plan_goals);
    VB_RUN(amounts_ranges_and_rates);
    VB_RUN(numbers_that_are_not_goals);
    VB_RUN(past_results_are_not_goals);
    VB_RUN(comparator_before_forms);
    VB_RUN(shared_outline_same_result);
    VB_RUN(anchored_scan_matches_full_scan);
    VB_RUN(every_comparator_before_every_form);
    vb_targets_close(rules);
    vb_outline_close(line_rules);
    return VB_SUMMARY("targets");
}
