/* test_assignments.c — responsibility sections in the shapes plans use:
 * numbered units with bullets or colon text, "Đề nghị" requests, a lead
 * body, "a)" sub-items, letter-headed units, and unit-subject paragraphs. */
#include <stdlib.h>
#include <string.h>

#include "../../extractors/outline.h"
#include "../../extractors/assignments.h"
#include "../../extractors/extract.h"
#include "../../pipeline/rules/rules.h"
#include "../../pipeline/core/buf.h"
#include "../../pipeline/core/doctypes.h"
#include "check.h"

static vb_assignments_rules *rules;
static vb_outline_rules *line_rules; /* the outline scan run() gives the extractor */

static void check_spans(const vb_doc *d) {
    for (size_t i = 0; i < d->assignments.len; i++) {
        const vb_assignment *as = &d->assignments.items[i];
        CHECK(strlen(as->unit) == as->span.end - as->span.start);
        CHECK(memcmp(d->text + as->span.start, as->unit, strlen(as->unit)) == 0);
        CHECK(as->tasks.len == as->task_spans.len);
        for (size_t k = 0; k < as->tasks.len; k++) {
            vb_span s = as->task_spans.items[k];
            CHECK(s.end > s.start && s.end <= d->text_len);
            CHECK(strlen(as->tasks.items[k]) == s.end - s.start);
            CHECK(as->tasks.items[k][0] != ' ' && as->tasks.items[k][s.end - s.start - 1] != ' ');
            CHECK(memcmp(d->text + s.start, as->tasks.items[k], s.end - s.start) == 0);
        }
    }
}

static vb_doc *run(vb_arena *a, const char *text) {
    vb_doc *d = vb_arena_alloc(a, sizeof *d);
    d->text = vb_arena_strdup(a, text);
    d->text_len = strlen(text);
    CHECK(vb_doc_index(a, d) == 0);
    vb_linev lines;
    CHECK(vb_outline_scan(line_rules, d->text, d->text_len, &lines) == VB_OK);
    CHECK(vb_assignments_extract_lines(rules, d, a, &lines) == VB_OK);
    vb_linev_free(&lines);
    check_spans(d);
    return d;
}

static const vb_assignment *find(const vb_doc *d, const char *unit) {
    for (size_t i = 0; i < d->assignments.len; i++)
        if (strcmp(d->assignments.items[i].unit, unit) == 0) return &d->assignments.items[i];
    fprintf(stderr, "  no assignment for \"%s\"\n", unit);
    return NULL;
}

#define CHECK_UNIT(d, name, role_, ntasks, section_) \
    do {                                             \
        const vb_assignment *as_ = find(d, name);    \
        CHECK(as_ != NULL);                          \
        if (as_) {                                   \
            CHECK_INT(as_->role, role_);             \
            CHECK_INT(as_->tasks.len, ntasks);       \
            CHECK_STR(as_->section, section_);       \
        }                                            \
    } while (0)

static const char *provincial_plan =
    "III. KINH PHÍ\nKinh phí thực hiện từ nguồn ngân sách.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
    "Để thực hiện tốt các mục tiêu của kế hoạch, các sở, ngành thực hiện như sau:\n"
    "1. Sở Lao động - Thương binh và Xã hội\n"
    "- Là cơ quan thường trực, chủ trì, phối hợp với các sở, ban, ngành liên quan triển khai "
    "thực hiện Kế hoạch.\n"
    "- Tổng hợp, báo cáo kết quả thực hiện.\n"
    "2. Công an tỉnh\n"
    "- Chủ trì, phối hợp với các cơ quan chức năng triển khai thực hiện các hoạt động phòng, chống "
    "mại dâm.\n"
    "- Đấu tranh triệt phá các đường dây mua bán người, không còn phù hợp với đặc điểm,\n"
    "tình hình tệ nạn mới phát sinh.\n"
    "3. Sở Tư pháp: Phối hợp với các sở, ngành phổ biến, giáo dục pháp luật.\n"
    "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội: Tăng "
    "cường giám sát.\n"
    "Phối hợp tuyên truyền, vận động hội viên.\n"
    "5. Đề nghị Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh:\n"
    "Chỉ đạo đẩy nhanh tiến độ xét xử.\n"
    "6. Ủy ban nhân dân các huyện, thành phố\n"
    "- Xây dựng kế hoạch hàng năm.\n"
    "- Bố trí ngân sách.\n"
    "Trên đây là Kế hoạch phòng, chống mại dâm năm 2019, yêu cầu các sở, ngành triển khai thực "
    "hiện./.\n"
    "Nơi nhận:\n- Bộ LĐTBXH;\n- Lưu: VT.";

static void numbered_units(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, provincial_plan);
    CHECK_INT(d->assignments.len, 6);
    CHECK_UNIT(d, "Sở Lao động - Thương binh và Xã hội", VB_ROLE_LEAD, 2, "IV.1");
    CHECK_UNIT(d, "Công an tỉnh", VB_ROLE_ASSIGNED, 2, "IV.2");
    CHECK_UNIT(d, "Sở Tư pháp", VB_ROLE_ASSIGNED, 1, "IV.3");
    CHECK_UNIT(d, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
               VB_ROLE_REQUESTED, 2, "IV.4");
    CHECK_UNIT(d, "Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh", VB_ROLE_REQUESTED, 1, "IV.5");
    CHECK_UNIT(d, "Ủy ban nhân dân các huyện, thành phố", VB_ROLE_ASSIGNED, 2, "IV.6");
    const vb_assignment *police = find(d, "Công an tỉnh");
    /* the split sentence is one task, spanning the break */
    if (police && police->tasks.len == 2)
        CHECK(strstr(police->tasks.items[1], "tình hình tệ nạn mới phát sinh") != NULL);
    const vb_assignment *justice = find(d, "Sở Tư pháp");
    if (justice && justice->tasks.len == 1)
        CHECK_STR(justice->tasks.items[0], "Phối hợp với các sở, ngành phổ biến, giáo dục pháp luật.");
    vb_arena_destroy(a);
}

static void sub_items_and_lead_in(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "V. TRÁCH NHIỆM THỰC HIỆN\n"
                       "1. Sở Y tế:\n"
                       "a) Tổ chức khám sức khỏe định kỳ cho người lao động tại cơ sở;\n"
                       "b) Phối hợp kiểm tra điều kiện về y tế của các cơ sở kinh doanh dịch vụ.\n"
                       "2. Sở Văn hóa, Thể thao và Du lịch\n"
                       "Chủ trì thực hiện các nhiệm vụ sau:\n"
                       "- Kiểm tra các cơ sở lưu trú du lịch;\n"
                       "- Xử lý vi phạm hành chính trong lĩnh vực văn hóa.\n"
                       "3. Trung tâm Y tế huyện chủ trì triển khai các biện pháp giảm hại.\n");
    CHECK_INT(d->assignments.len, 3);
    CHECK_UNIT(d, "Sở Y tế", VB_ROLE_ASSIGNED, 2, "V.1");
    CHECK_UNIT(d, "Sở Văn hóa, Thể thao và Du lịch", VB_ROLE_ASSIGNED, 2, "V.2");
    CHECK_UNIT(d, "Trung tâm Y tế huyện", VB_ROLE_ASSIGNED, 1, "V.3");
    const vb_assignment *health = find(d, "Sở Y tế");
    if (health && health->tasks.len == 2)
        CHECK_STR(health->tasks.items[0], "Tổ chức khám sức khỏe định kỳ cho người lao động tại cơ sở");
    vb_arena_destroy(a);
}

static void letter_headed_units(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "III. PHÂN CÔNG NHIỆM VỤ\n"
                       "1. Cấp tỉnh\n"
                       "a) Sở Thông tin và Truyền thông: Định hướng các cơ quan báo chí tuyên "
                       "truyền.\n"
                       "b) Sở Tài chính\n- Bố trí kinh phí.\n- Hướng dẫn thanh quyết toán.\n"
                       "2. Cấp huyện\n"
                       "a) Phòng Lao động - Thương binh và Xã hội huyện là cơ quan thường trực, "
                       "giúp Ủy ban nhân dân huyện theo dõi, đôn đốc.\n");
    CHECK_INT(d->assignments.len, 3);
    CHECK_UNIT(d, "Sở Thông tin và Truyền thông", VB_ROLE_ASSIGNED, 1, "III.1.a");
    CHECK_UNIT(d, "Sở Tài chính", VB_ROLE_ASSIGNED, 2, "III.1.b");
    CHECK_UNIT(d, "Phòng Lao động - Thương binh và Xã hội huyện", VB_ROLE_LEAD, 1, "III.2.a");
    vb_arena_destroy(a);
}

/* Several candidate sections: the one holding unit headings wins. */
static void section_with_units_wins(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "III. PHÂN CÔNG THỰC HIỆN:\n"
                       "1. Phòng Tư pháp quận:\nRà soát các quy định pháp luật.\n"
                       "2. Công an quận:\nTriệt phá các tổ chức mại dâm.\nKiểm tra các cơ sở.\n"
                       "IV. KINH PHÍ THỰC HIỆN:\nSử dụng nguồn kinh phí được bố trí.\n"
                       "V. TỔ CHỨC THỰC HIỆN:\nCác phòng ban chuyên môn và Ủy ban nhân dân 10 phường "
                       "căn cứ chức năng, nhiệm vụ để xây dựng kế hoạch.\n");
    CHECK_INT(d->assignments.len, 2);
    CHECK_UNIT(d, "Phòng Tư pháp quận", VB_ROLE_ASSIGNED, 1, "III.1");
    CHECK_UNIT(d, "Công an quận", VB_ROLE_ASSIGNED, 2, "III.2");
    vb_arena_destroy(a);
}

static void unit_subject_paragraphs(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "III. PHÂN CÔNG THỰC HIỆN\n"
                       "Hiệu trưởng các cơ sở giáo dục trên địa bàn quận tăng cường công tác giáo "
                       "dục đạo đức, lối sống cho học sinh.\n"
                       "Các trường có học sinh nội trú chủ động phối hợp với gia đình quản lý học "
                       "sinh.\n"
                       "Phòng Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc triển "
                       "khai thực hiện./.\nNơi nhận:\n- Như trên;");
    CHECK_INT(d->assignments.len, 2);
    CHECK_UNIT(d, "Hiệu trưởng các cơ sở giáo dục trên địa bàn quận", VB_ROLE_ASSIGNED, 1, "III");
    CHECK_UNIT(d, "Các trường có học sinh nội trú", VB_ROLE_ASSIGNED, 1, "III");
    const vb_assignment *h = find(d, "Hiệu trưởng các cơ sở giáo dục trên địa bàn quận");
    if (h && h->tasks.len == 1)
        CHECK_STR(h->tasks.items[0], "tăng cường công tác giáo dục đạo đức, lối sống cho học sinh.");
    vb_arena_destroy(a);
}

static void capitals_and_giao(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "IV. TỔ CHỨC THỰC HIỆN\n1. SỞ Y TẾ\n- Tổ chức kiểm tra sức khỏe.\n"
                       "2. PHÒNG CHỐNG TỆ NẠN XÃ HỘI\n- Ghi chú chung.\n"
                       "V. TRÁCH NHIỆM\nGiao Sở Tư pháp chủ trì, phối hợp phổ biến pháp luật.\n");
    CHECK_INT(d->assignments.len, 1);
    CHECK_UNIT(d, "SỞ Y TẾ", VB_ROLE_ASSIGNED, 1, "IV.1");
    vb_arena_destroy(a);

    a = vb_arena_create();
    d = run(a, "V. TRÁCH NHIỆM THỰC HIỆN\nGiao Sở Tư pháp chủ trì, phối hợp với các đơn vị phổ "
               "biến pháp luật.\nĐề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám "
               "sát.\n");
    CHECK_INT(d->assignments.len, 2);
    CHECK_UNIT(d, "Sở Tư pháp", VB_ROLE_ASSIGNED, 1, "V");
    CHECK_UNIT(d, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", VB_ROLE_REQUESTED, 1, "V");
    vb_arena_destroy(a);
}

static void dotted_units_and_role_note(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "IV. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các sở, ngành\n"
                       "1.1. Sở Lao động - Thương binh và Xã hội (cơ quan thường trực)\n"
                       "- Hướng dẫn, đôn đốc các đơn vị.\n- Tổng hợp báo cáo.\n"
                       "1.2. Sở Y tế: chủ trì thực hiện các nội dung sau:\n"
                       "- Khám sức khỏe định kỳ.\n- Điều trị bệnh lây truyền qua đường tình dục.\n"
                       "2. Trách nhiệm của Ủy ban nhân dân cấp huyện\n"
                       "2.1. Ủy ban nhân dân các huyện, thị xã, thành phố\n- Xây dựng kế hoạch.\n");
    CHECK_INT(d->assignments.len, 3);
    CHECK_UNIT(d, "Sở Lao động - Thương binh và Xã hội", VB_ROLE_LEAD, 2, "IV.1.1");
    CHECK_UNIT(d, "Sở Y tế", VB_ROLE_ASSIGNED, 2, "IV.1.2");
    CHECK_UNIT(d, "Ủy ban nhân dân các huyện, thị xã, thành phố", VB_ROLE_ASSIGNED, 1, "IV.2.1");
    vb_arena_destroy(a);
}

static void units_as_bullets(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "III. TỔ CHỨC THỰC HIỆN\n"
                       "- Phòng Văn hóa và Thông tin huyện: tuyên truyền trên hệ thống loa đài.\n"
                       "- Công an huyện:\n+ Triệt phá ổ nhóm mại dâm;\n+ Xử lý nghiêm vi phạm.\n"
                       "- Ủy ban nhân dân các xã, thị trấn chủ động triển khai kế hoạch.\n"
                       "Trên đây là Kế hoạch của Ủy ban nhân dân huyện./.\n");
    CHECK_INT(d->assignments.len, 3);
    CHECK_UNIT(d, "Phòng Văn hóa và Thông tin huyện", VB_ROLE_ASSIGNED, 1, "III");
    CHECK_UNIT(d, "Công an huyện", VB_ROLE_ASSIGNED, 2, "III");
    CHECK_UNIT(d, "Ủy ban nhân dân các xã, thị trấn", VB_ROLE_ASSIGNED, 1, "III");
    vb_arena_destroy(a);
}

static void no_responsibility_section(void) {
    vb_arena *a = vb_arena_create();
    vb_doc *d = run(a, "I. MỤC ĐÍCH, YÊU CẦU\n1. Phòng ngừa tệ nạn mại dâm.\n"
                       "II. NỘI DUNG THỰC HIỆN\n1. Phòng, chống mại dâm\n"
                       "UBND các xã, thị trấn xây dựng kế hoạch phòng, chống mại dâm.\n"
                       "2. Sở Y tế phối hợp triển khai.\n");
    CHECK_INT(d->assignments.len, 0);
    vb_arena_destroy(a);
}

/* The lead role row "(?:\\G|\\(|\\b(?:là|làm)\\s+)cơ quan (?:thường trực|đầu
 * mối)\\b" is matched as two patterns (at the line's start; elsewhere after
 * "(" or "là"/"làm"): the same units are leads. */
static void standing_body_positions(void) {
    static const struct {
        const char *line;
        int role;
    } cases[] = {
        {"- Cơ quan thường trực, tổng hợp kết quả.", VB_ROLE_LEAD},
        {"- CƠ QUAN ĐẦU MỐI tổng hợp.", VB_ROLE_LEAD},
        {"- Sở là cơ quan thường trực của Kế hoạch.", VB_ROLE_LEAD},
        {"- Sở làm   cơ quan đầu mối, theo dõi.", VB_ROLE_LEAD},
        {"- Tổng hợp (cơ quan đầu mối) báo cáo.", VB_ROLE_LEAD},
        {"- Phối hợp với cơ quan thường trực tổng hợp.", VB_ROLE_ASSIGNED},
        {"- Sở là cơ quan thường trựcx của Kế hoạch.", VB_ROLE_ASSIGNED},
        {"- Sở sẽ là cơ quan đầu mốii.", VB_ROLE_ASSIGNED},
        {"- Họ làcơ quan thường trực.", VB_ROLE_ASSIGNED},
        {"- Xcơ quan thường trực.", VB_ROLE_ASSIGNED},
        /* the row's gate word "quan " in every ASCII case */
        {"- Sở là cơ QuAn thường trực.", VB_ROLE_LEAD},
        {"- Tổng hợp (Cơ qUAN đầu mối).", VB_ROLE_LEAD},
        {"- Sở là cơ quann thường trực.", VB_ROLE_ASSIGNED},
        {"- Sở là cơ qu an thường trực.", VB_ROLE_ASSIGNED},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        vb_arena *a = vb_arena_create();
        char text[512];
        snprintf(text, sizeof text, "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Khám sức khỏe.\n%s\n",
                 cases[k].line);
        vb_doc *d = run(a, text);
        CHECK_INT(d->assignments.len, 1);
        if (d->assignments.len == 1) CHECK_INT(d->assignments.items[0].role, cases[k].role);
        vb_arena_destroy(a);
    }
}

/* The outline scan tries a row only on lines whose first byte PCRE2 lets
 * the row (without its \\G) start with: the same lines as trying every
 * row, for labels and marks of every kind and lines opening with each
 * code point up to U+3100 (dashes, bullets, Vietnamese letters). */
static void outline_first_bytes(void) {
    static const char *const lines[] = {
        "I. Mục tiêu",
        "IV) Nội dung",
        "XII/ Khác",
        "C. Ba",
        "L . Lớn",
        "V x",
        "1. Một",
        "12) Hai",
        "3/ Ba",
        "1.2. Chi tiết",
        "1.2.3 Sâu",
        "10.11 Số",
        "a) Việc",
        "đ. Đây",
        "b . Bê",
        "- Gạch",
        "+ Cộng",
        "* Sao",
        "• Chấm",
        "– Ngang",
        "— Dài",
        "\xe2\x80\x90 Ngắn",
        "\xe2\xb8\xba Hai",
        "\xef\xbc\x8d Rộng",
        "-Liền",
        "Sở Y tế",
        "Căn cứ",
        "ỦY BAN",
        "x. Thường",
        "0. Không",
        "9.9.9.9.9 Dài",
        "\xc2\xa0- NBSP",
    };
    vb_buf b;
    vb_buf_init(&b);
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) vb_buf_printf(&b, "%s\n", lines[i]);
    for (unsigned cp = 0x21; cp < 0x3100; cp++) {
        if (cp == 0x7F) continue;
        vb_buf_put_cp(&b, cp);
        vb_buf_puts(&b, " Abc\n");
        vb_buf_put_cp(&b, cp);
        vb_buf_puts(&b, "\n");
    }
    for (unsigned c = 0x80; c < 0x100; c++) { /* stray bytes */
        vb_buf_putc(&b, (char)c);
        vb_buf_puts(&b, ". Abc\n");
    }
    const char *text = vb_buf_cstr(&b);
    CHECK(text != NULL);
    char err[256];
    vb_outline_rules *outline = NULL;
    CHECK(vb_outline_open(&outline, err, sizeof err) == VB_OK);
    bool same = false;
    size_t filtered = 0;
    CHECK(outline && text && vb_outline_scan_check(outline, text, strlen(text), &same, &filtered) == VB_OK);
    CHECK(same);
    CHECK(filtered >= 3); /* roman, the two arabic forms, letter */
    vb_outline_close(outline);
    vb_buf_free(&b);
}

/* The pipeline's extraction (vb_extract_doc: one outline scan shared by
 * the extractors) finds what this extractor finds on its own. */
static void shared_outline(void) {
    static const char *texts[] = {
        "IV. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các sở, ngành\n"
        "1.1. Sở Lao động - Thương binh và Xã hội (cơ quan thường trực)\n"
        "- Hướng dẫn, đôn đốc các đơn vị.\n- Tổng hợp báo cáo.\n"
        "1.2. Sở Y tế: chủ trì thực hiện các nội dung sau:\n- Khám sức khỏe định kỳ.\n",
        "III. TỔ CHỨC THỰC HIỆN\n- Công an huyện:\n+ Triệt phá ổ nhóm;\n+ Xử lý.\n"
        "Trên đây là Kế hoạch của Ủy ban nhân dân huyện./.\n",
        "",
    };
    char err[256];
    vb_extractors *all = NULL;
    CHECK(vb_extractors_open(&all, err, sizeof err) == VB_OK);
    for (size_t k = 0; all && k < sizeof texts / sizeof texts[0]; k++) {
        vb_arena *a = vb_arena_create();
        vb_doc *d = run(a, texts[k]);
        vb_doc *e = vb_arena_alloc(a, sizeof *e);
        e->text = d->text;
        e->text_len = d->text_len;
        CHECK(vb_doc_index(a, e) == 0);
        CHECK(vb_extract_doc(all, e, a) == VB_OK);
        CHECK_INT(e->assignments.len, d->assignments.len);
        for (size_t i = 0; i < d->assignments.len && i < e->assignments.len; i++) {
            const vb_assignment *x = &d->assignments.items[i], *y = &e->assignments.items[i];
            CHECK_STR(y->unit, x->unit);
            CHECK_STR(y->section, x->section);
            CHECK_INT(y->role, x->role);
            CHECK_INT(y->tasks.len, x->tasks.len);
            for (size_t t = 0; t < x->tasks.len && t < y->tasks.len; t++)
                CHECK_STR(y->tasks.items[t], x->tasks.items[t]);
        }
        vb_arena_destroy(a);
    }
    vb_extractors_close(all);
}

/* The document types the role and line rows name are types of
 * pipeline/core/data/doctypes.txt, spelled as there. */
static void type_lists_are_doctypes(void) {
    static const char *const names[] = {
#define X(w) w,
#include "assign-executed-types.inc"
#include "assign-followed-types.inc"
#include "assign-plan-types.inc"
#undef X
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const vb_doctype *t = vb_doctype_by_name(names[i], strlen(names[i]));
        CHECK(t != NULL && strcmp(t->name, names[i]) == 0);
    }
}

int main(void) {
    char err[256];
    if (vb_assignments_open(&rules, err, sizeof err) != VB_OK ||
        vb_outline_open(&line_rules, err, sizeof err) != VB_OK) {
        fprintf(stderr, "open: %s\n", err);
        return 1;
    }
    VB_RUN(numbered_units);
    VB_RUN(sub_items_and_lead_in);
    VB_RUN(letter_headed_units);
    VB_RUN(section_with_units_wins);
    VB_RUN(unit_subject_paragraphs);
    VB_RUN(capitals_and_giao);
    VB_RUN(dotted_units_and_role_note);
    VB_RUN(units_as_bullets);
    VB_RUN(no_responsibility_section);
    VB_RUN(standing_body_positions);
    VB_RUN(shared_outline);
    VB_RUN(outline_first_bytes);
    VB_RUN(type_lists_are_doctypes);
    vb_assignments_close(rules);
    vb_outline_close(line_rules);
    return VB_SUMMARY("assignments");
}
