/* ICU normaliser: NFC, tone placement, folding, whitespace, rejoin, map. */
#include "../../pipeline/normalize/normalize.h"
#include "../../pipeline/core/buf.h"
#include "../../pipeline/normalize/markup.h"
#include "../../pipeline/core/text.h"
#include "../../pipeline/normalize/rejoin.h"
#include "check.h"

static char *norm(vb_normalizer *n, vb_arena *a, const char *s) {
    char *out = NULL;
    size_t len = 0;
    if (vb_normalize_string(n, s, strlen(s), a, &out, &len) != VB_OK) return NULL;
    return out;
}

static vb_normtext norm_lines(vb_normalizer *n, vb_arena *a, const char **lines, size_t count) {
    vb_blockv v = {0};
    size_t off = 0;
    for (size_t i = 0; i < count; i++) {
        vb_block b = {.text = (char *)lines[i],
                      .len = strlen(lines[i]),
                      .src_offset = off,
                      .table = -1,
                      .row = -1,
                      .cell = -1};
        off += b.len + 1;
        (void)VB_PUSH(a, v, b);
    }
    vb_normtext t;
    memset(&t, 0, sizeof t);
    CHECK_INT(vb_normalize_blocks(n, &v, a, &t), VB_OK);
    return t;
}

static void test_nfc_and_tones(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    vb_norm_options o;
    vb_norm_options_default(&o);
    CHECK_INT(vb_normalizer_open(&o, &n), VB_OK);
    /* decomposed "Kế hoạch" (e + U+0302 + U+0301) */
    CHECK_STR(norm(n, a,
                   "Ke\xCC\x82\xCC\x81 hoa\xCC\xA3"
                   "ch"),
              "Kế hoạch");
    CHECK_STR(norm(n, a, "Uỷ ban"), "Ủy ban");
    CHECK_STR(norm(n, a, "hoà nhập, khoẻ, thuỷ"), "hòa nhập, khỏe, thủy");
    CHECK_STR(norm(n, a, "hoàn thành, quý, Quỳnh, khuyến"), "hoàn thành, quý, Quỳnh, khuyến");
    vb_normalizer_close(n);
    o.tone = VB_TONE_OLD;
    CHECK_INT(vb_normalizer_open(&o, &n), VB_OK);
    CHECK_STR(norm(n, a, "Ủy ban hòa"), "Uỷ ban hoà");
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

static void test_folding_and_spaces(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    CHECK_STR(norm(n, a, "Lao động \xE2\x80\x93 Thương binh"), "Lao động - Thương binh");
    CHECK_STR(norm(n, a, "\xE2\x80\x9CToàn dân\xE2\x80\x9D"), "\"Toàn dân\"");
    CHECK_STR(norm(n, a,
                   "  a\xC2\xA0\xC2\xA0 b\xE2\x80\x8B"
                   "c  "),
              "a bc");
    CHECK_STR(norm(n, a, "\tỦY BAN \t\tCỘNG HÒA"), "ỦY BAN\tCỘNG HÒA");
    CHECK_STR(norm(n, a, "**ỦY BAN NHÂN DÂN**"), "ỦY BAN NHÂN DÂN");
    CHECK_STR(norm(n, a,
                   "mại\xC2\xAD"
                   "dâm"),
              "mạidâm");
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

static void test_rejoin_page_break_and_wrap(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    const char *lines[] = {"1. Mục đích",
                           "Tiếp tục kiến nghị không còn phù hợp với đặc điểm,",
                           "",
                           "tình hình mới.",
                           "Tây Ninh, ngày 07 tháng",
                           "5 năm 2019",
                           "- Như trên;",
                           "2. Yêu cầu"};
    vb_normtext t = norm_lines(n, a, lines, 8);
    CHECK_STR(t.text, "1. Mục đích\nTiếp tục kiến nghị không còn phù hợp với đặc điểm, tình hình mới.\n"
                      "Tây Ninh, ngày 07 tháng 5 năm 2019\n- Như trên;\n2. Yêu cầu");
    CHECK_INT(t.n_lines, 5);
    /* "tình" came from source offset of line 4 (index 3) */
    size_t at = (size_t)(strstr(t.text, "tình") - t.text);
    CHECK_INT(vb_normtext_source_offset(&t, at), strlen(lines[0]) + strlen(lines[1]) + 3);
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

static void test_hard_wrapped_file(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    /* wrapped at ~60 columns: capitals and digits start continuation lines */
    const char *lines[] = {"KẾ HOẠCH",
                           "THỰC HIỆN CHƯƠNG TRÌNH PHÒNG, CHỐNG MA TÚY NĂM 2025 TRÊN ĐỊA",
                           "Căn cứ Quyết định số 12/QĐ-UBND ngày 07/3/2024 của Ủy ban",
                           "Nhân dân tỉnh về việc ban hành chương trình phòng, chống",
                           "HIV/AIDS và ma túy giai đoạn 2021-2025 trên địa bàn tỉnh.",
                           "1. Mục tiêu",
                           "Tổ chức tuyên truyền cho 100% xã, phường, thị trấn và các",
                           "trường học, cơ quan, đơn vị trên địa bàn toàn tỉnh nhằm",
                           "Nâng cao nhận thức của người dân về tác hại của ma túy.",
                           "- Kiểm tra các cơ sở kinh doanh dịch vụ có điều kiện dễ",
                           "phát sinh tệ nạn xã hội ít nhất hai lần trong một năm.",
                           "2. Yêu cầu"};
    vb_normtext t = norm_lines(n, a, lines, sizeof lines / sizeof *lines);
    CHECK_INT(t.n_lines, 7);
    CHECK(strstr(t.text, "của Ủy ban Nhân dân tỉnh về việc ban hành chương trình phòng, chống HIV/AIDS") !=
          NULL);
    CHECK(strstr(t.text, "TRÊN ĐỊA\nCăn cứ") != NULL);
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

/* A hard-wrapped file's all-capitals paragraph joins line by line into one
 * (its case judged on the whole joined line, which only grows), stops at a
 * mixed-case line, and a mixed-case paragraph stops at an all-capitals
 * line: the case each line had is kept as lines join. */
static void test_wrapped_case_edges(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    const char *lines[] = {"CHƯƠNG TRÌNH PHÒNG, CHỐNG MA TÚY VÀ TỆ NẠN XÃ HỘI TRÊN ĐỊA BÀN",
                           "TỈNH TRONG GIAI ĐOẠN 2021-2025 CỦA ỦY BAN NHÂN DÂN CÁC HUYỆN,",
                           "THỊ XÃ, THÀNH PHỐ VÀ CÁC SỞ, BAN, NGÀNH, ĐOÀN THỂ CẤP TỈNH CÓ",
                           "Tổ chức tuyên truyền cho 100% xã, phường, thị trấn và các cơ",
                           "quan, đơn vị trên địa bàn toàn tỉnh về tác hại của ma túy, rồi",
                           "TUYÊN TRUYỀN PHÒNG, CHỐNG MA TÚY TRONG TRƯỜNG HỌC CÁC CẤP HỌC",
                           "trường học, cơ quan, đơn vị trên địa bàn toàn tỉnh nhằm nâng",
                           "cao nhận thức của người dân về tác hại của ma túy trong cộng",
                           "đồng dân cư, gia đình và nhà trường trên địa bàn toàn tỉnh và",
                           "các xã, phường, thị trấn trên địa bàn tỉnh trong năm học mới",
                           "Kiểm tra các cơ sở kinh doanh dịch vụ có điều kiện dễ phát",
                           "sinh tệ nạn xã hội ít nhất hai lần trong một năm học tới đây."};
    vb_normtext t = norm_lines(n, a, lines, sizeof lines / sizeof *lines);
    CHECK(strstr(t.text, "ĐỊA BÀN TỈNH TRONG GIAI ĐOẠN 2021-2025 CỦA ỦY BAN NHÂN DÂN CÁC HUYỆN, THỊ XÃ") !=
          NULL);
    CHECK(strstr(t.text, "CẤP TỈNH CÓ\nTổ chức") != NULL);
    CHECK(strstr(t.text, "ma túy, rồi\nTUYÊN TRUYỀN") != NULL);
    CHECK(strstr(t.text, "CẤP HỌC trường học") != NULL);   /* a lower-case start joins (rejoin_lines) */
    CHECK(strstr(t.text, "năm học mới Kiểm tra") != NULL); /* wrapped: a capital continues */
    CHECK_INT(t.n_lines, 3);
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

static void test_list_labels(void) {
    CHECK_INT(vb_list_label_len("IV. TỔ CHỨC", 13), 4);
    CHECK_INT(vb_list_label_len("2.1. Công tác", 14), 5);
    CHECK_INT(vb_list_label_len("a) Mục tiêu", 12), 3);
    CHECK_INT(vb_list_label_len("- Như trên", 12), 2);
    CHECK_INT(vb_list_label_len("100% xã", 8), 0);
    CHECK_INT(vb_list_label_len("07/10/2016", 10), 0);
    CHECK_INT(vb_list_label_len("Các phòng", 10), 0);
    /* the sets were strchr calls, which also match the terminating NUL */
    CHECK_INT(vb_list_label_len("\0 x", 3), 2);
    CHECK_INT(vb_list_label_len("*\tx", 3), 2);
    CHECK_INT(vb_list_label_len("XLC) x", 6), 5);
    CHECK_INT(vb_list_label_len("I\0. x", 5), 0);
    CHECK_INT(vb_list_label_len("D. x", 4), 0);
    CHECK(!vb_rejoin_lines("a\0", 2, -1, -1, -1, "b", 1, -1, -1, -1));
    CHECK(vb_rejoin_lines("a,", 2, -1, -1, -1, "b", 1, -1, -1, -1));
    for (const char *e = ".!?:;"; *e; e++) {
        char prev[3] = {'a', *e, 0};
        CHECK(!vb_rejoin_lines(prev, 2, -1, -1, -1, "b", 1, -1, -1, -1));
        CHECK(!vb_rejoin_wrapped(prev, 2, true, "b", 1, true, 2));
    }
    CHECK(!vb_rejoin_wrapped("a\0", 2, true, "b", 1, true, 2));
    CHECK(vb_rejoin_wrapped("a-", 2, true, "b", 1, true, 2));
}

/* Tokens copied as bytes (plain runs) must come out as the code-point path
 * writes them: a word joiner (U+2060, dropped) at the end of every token
 * sends each one down that path, so both texts must be equal. */
static void test_plain_path_matches_general_path(void) {
    static const char *const tokens[] = {
        "Kế", "hoạch", "hoà", "hòa", "Uỷ", "Ủy", "HOÀ", "THUỶ", "thuế", "quả", "quý", "khoẻ", "oà", "uý.",
        "hoà)", "oà1", "Hoà-", "quỷ", "**ỦY", "TẠO**", "__x__", "*a*", "**", "_", "a\xCC\x80",
        "o\xCC\x80"
        "a",
        "u\xCC\x89y", "\xE2\x80\x93", "\xE2\x80\x9Cx\xE2\x80\x9D", "\xEF\xAC\x81", "\xE2\x84\xAB",
        "\xF0\x9F\x98\x80", "\xEF\xBF\xBD",
        "a\xC2\xAD"
        "b",
        "ng\xC6\xB0\xE1\xBB\x9Di", "100%", "05/2019", "(1)", "Đảng", "đ", "ỹ", "oỹ", "uỵ!", "Óa", "óA",
        /* the two- and three-byte decoding shortcut at its edges, and the
         * forms it leaves to U8_NEXT (other leads, bad or missing trails) */
        "\xC2\x80", "\xC2\xA0x", "\xDF\xBF", "\xC2",
        "\xC2"
        "a",
        "\xC1\xBF", "\xC0\xAF", "\xE0\xA0\x80", "\xE0\x80\x80", "\xE1\x80\x80", "\xEC\xBF\xBF",
        "\xED\x9F\xBF", "\xED\xA0\x80", "\xEE\x80\x80", "\xEF\xBF\xBF", "\xEF\xBF\xBE", "\xE1\xBA",
        "\xE1\xBA"
        "a",
        "\xE1"
        "ab",
        "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xF5\x80\x80\x80",
        "\x7F"
        "a",
        "a\x01",
        "\xC3\xA0"
        "a",
        "\xC3\xA0"
        "ay",
        "y\xC3\xA0"
        "e",
        "\xE1\xBB\xA7"
        "y",
        NULL};
    static const vb_tone_style tones[] = {VB_TONE_MODERN, VB_TONE_OLD, VB_TONE_KEEP};
    for (size_t k = 0; k < 3; k++) {
        vb_arena *a = vb_arena_create();
        vb_norm_options o;
        vb_norm_options_default(&o);
        o.tone = tones[k];
        vb_normalizer *n;
        CHECK_INT(vb_normalizer_open(&o, &n), VB_OK);
        vb_buf plain, general;
        vb_buf_init(&plain);
        vb_buf_init(&general);
        for (size_t i = 0; tokens[i]; i++) {
            for (size_t j = 0; tokens[j]; j++) { /* every pair, so runs start and end anywhere */
                vb_buf_printf(&plain, "%s %s  ", tokens[i], tokens[j]);
                vb_buf_printf(&general, "%s\xE2\x81\xA0 %s\xE2\x81\xA0  ", tokens[i], tokens[j]);
            }
        }
        /* 4096 code points stay one token; a longer one is cut into pieces,
         * each stripped of emphasis on its own ("a…a**" + "a") */
        for (size_t len = 4095; len <= 4097; len++) {
            vb_buf_putc(&plain, ' ');
            vb_buf_putc(&general, ' ');
            for (size_t i = 0; i < len; i++) {
                vb_buf_putc(&plain, i == 4094 || i == 4095 ? '*' : 'a');
                vb_buf_putc(&general, i == 4094 || i == 4095 ? '*' : 'a');
            }
            vb_buf_puts(&general, "\xE2\x81\xA0");
        }
        char *want = NULL, *got = NULL;
        size_t want_len = 0, got_len = 0;
        CHECK_INT(vb_normalize_string(n, general.data, general.len, a, &want, &want_len), VB_OK);
        CHECK_INT(vb_normalize_string(n, plain.data, plain.len, a, &got, &got_len), VB_OK);
        CHECK_INT(got_len, want_len);
        CHECK(got && want && !strcmp(got, want));
        vb_buf_free(&plain);
        vb_buf_free(&general);
        vb_normalizer_close(n);
        vb_arena_destroy(a);
    }
}

/* vb_wrap_width's rule read plainly, every line counted in full: the 95th
 * percentile of the trimmed body lines' code point counts (256 and over
 * counted as 256), kept when it is 40..120 and 40 % of the lines are
 * within 60 % of it, or the lines within 80 % of it are 20 % of all and
 * half as many again as those between 40 % and 80 %, or 50 and more and
 * twice those. */
static size_t wrap_width_full(const vb_blockv *blocks) {
    size_t hist[257] = {0}, lines = 0;
    for (const vb_block *b = blocks->items; b < blocks->items + blocks->len; b++) {
        const char *s = b->text, *e = b->text + b->len;
        if (b->area != VB_AREA_BODY || b->table >= 0) continue;
        for (; s < e && strchr(" \t", *s) && *s; s++) {}
        for (; e > s && strchr(" \t\r", e[-1]) && e[-1]; e--) {}
        if (s < e) {
            size_t cps = vb_utf8_count(s, (size_t)(e - s));
            hist[cps > 256 ? 256 : cps] += 1;
            lines += 1;
        }
    }
    size_t width = 0, below = hist[0];
    while (width < 256 && below * 100 < lines * 95) below += hist[++width];
    if (lines < 10 || width < 40 || width > 120) return 0;
    size_t near = 0, tight = 0, mid = 0;
    for (size_t k = width * 6 / 10; k <= width; k++) near += hist[k];
    for (size_t k = width * 8 / 10; k <= width; k++) tight += hist[k];
    for (size_t k = width * 4 / 10; k < width * 8 / 10; k++) mid += hist[k];
    if (near * 100 >= lines * 40) return width;
    if (tight * 100 >= lines * 20 && tight * 2 >= mid * 3) return width;
    return tight >= 50 && tight >= mid * 2 ? width : 0;
}

/* The wrap width counts a line only as far as it matters (over 120 code
 * points is all that is asked of a long one): it must equal the full count
 * on files whose lines cluster below, at and above every width, with
 * ASCII, Vietnamese letters, stray continuation bytes, tables and padding. */
static void test_wrap_width_matches_full_count(void) {
    static const char *const pieces[] = {"a",    "\xE1\xBB\x87",     "\xC3\xA0", " ",
                                         "\x80", "\xF0\x9F\x98\x80", "\t"};
    vb_arena *a = vb_arena_create();
    unsigned seed = 12345, found = 0;
    for (int round = 0; round < 600; round++) {
        vb_blockv v = {0};
        size_t lines = 5 + (size_t)(round % 40), base = 20 + (size_t)(round * 7 % 120);
        size_t spread = round % 3 ? 1 + (size_t)(round % 37) : 300;
        for (size_t l = 0; l < lines; l++) {
            seed = seed * 1103515245u + 12345u;
            size_t want = base + (seed >> 16) % spread; /* pieces */
            size_t kind = (seed >> 8) % 16, cap = want * 4 + 3, len = 0;
            char *t = vb_arena_alloc(a, cap + 1);
            if (!t) break;
            if (kind == 0) t[len++] = ' ';
            for (size_t k = 0; k < want; k++) {
                seed = seed * 1103515245u + 12345u;
                const char *pc = kind >= 5 && kind < 8 ? pieces[1]
                                                       : pieces[(seed >> 16) % (kind < 8    ? 1
                                                                                : kind < 14 ? 4
                                                                                            : 7)];
                size_t pl = strlen(pc);
                if (len + pl > cap) break;
                memcpy(t + len, pc, pl);
                len += pl;
            }
            if (kind == 1 && len < cap) t[len++] = '\r';
            vb_block b = {.text = t,
                          .len = len,
                          .table = kind == 2 ? 0 : -1,
                          .row = -1,
                          .cell = -1,
                          .area = kind == 3 ? VB_AREA_PAGE_HEADER : VB_AREA_BODY};
            (void)VB_PUSH(a, v, b);
        }
        size_t want_w = wrap_width_full(&v);
        CHECK_INT(vb_wrap_width(&v), want_w);
        found += want_w != 0;
    }
    CHECK(found > 20); /* wrapped files were among them */
    vb_arena_destroy(a);
}

/* The offset map keeps one anchor per change of (source - normalised). */
static void test_offset_anchors(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    /* "Ủy" is 4 bytes; two spaces; NBSP is 2 bytes; "nhân" 5, "dân" 4, "tỉnh" 6;
     * the second line rejoins the first; "hoà" takes the code-point path */
    const char *lines[] = {"Ủy  ban\xC2\xA0nhân dân", "tỉnh hoà  bình"};
    vb_normtext t = norm_lines(n, a, lines, 2);
    CHECK_STR(t.text, "Ủy ban nhân dân tỉnh hòa bình");
    CHECK_INT(t.n_anchors, 4);
    if (t.n_anchors == 4) {
        size_t want[4][2] = {{0, 0}, {5, 6}, {9, 11}, {32, 35}};
        for (size_t i = 0; i < 4; i++) {
            CHECK_INT(t.anchors[i].norm, want[i][0]);
            CHECK_INT(t.anchors[i].src, want[i][1]);
        }
    }
    CHECK_INT(vb_normtext_source_offset(&t, 15), 17); /* "dân" */
    CHECK_INT(vb_normtext_source_offset(&t, 20), 22); /* "tỉnh" */
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

/* A string literal and its length in bytes, for the calls below. */
#define S(lit) lit, strlen(lit)

/* Emphasis stars are dropped wherever they stand (paired or not, inside a
 * word, around a label), the words stay; a bullet, a footnote mark and a
 * party header's lone star stay. */
static void test_markdown_emphasis(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    CHECK_STR(norm(n, a, "*Nơi nhận:*"), "Nơi nhận:");
    CHECK_STR(norm(n, a, "**1**. Các sở, ngành"), "1. Các sở, ngành");
    CHECK_STR(norm(n, a, "**Điều 1. **Ban hành"), "Điều 1. Ban hành");
    CHECK_STR(norm(n, a, "*1.1. *Quán triệt"), "1.1. Quán triệt");
    CHECK_STR(norm(n, a, "**6.****"), "6.");
    CHECK_STR(norm(n, a, "mạng xã hội (*Z*alo, Facebook)"), "mạng xã hội (Zalo, Facebook)");
    CHECK_STR(norm(n, a, "năm 2030 *(sau đây gọi là Chương trình)*, Ủy ban"),
              "năm 2030 (sau đây gọi là Chương trình), Ủy ban");
    CHECK_STR(norm(n, a, "*-* Như trên;"), "- Như trên;");
    CHECK_STR(norm(n, a, "địa phương; *"), "địa phương;");
    CHECK_STR(norm(n, a, "Ghi chú (*): số liệu ước"), "Ghi chú (*): số liệu ước");
    CHECK_STR(norm(n, a, "* Kiểm tra hồ sơ"), "* Kiểm tra hồ sơ");
    CHECK_STR(norm(n, a, "*"), "*");
    CHECK_STR(norm(n, a, "diện tích * hệ số"), "diện tích * hệ số");
    CHECK_STR(norm(n, a, "** **"), "");
    CHECK(vb_markup_star("**", 1, strlen("**")));
    CHECK(!vb_markup_star("(*)", 1, strlen("(*)")));
    CHECK(vb_markup_star("*a", 0, strlen("*a")));
    CHECK(vb_markup_star("a*", 1, strlen("a*")));
    CHECK(!vb_markup_star("* a", 0, strlen("* a")));
    CHECK(!vb_markup_star("a * b", 2, strlen("a * b")));
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

/* Lines that are the export's, not the document's: a page-break marker and
 * the bare page number after it (the split paragraph rejoins), a table
 * rule, a crawler's source line, a '#' title's marker, '|'-only lines past
 * the header (kept within it), lines of stars only.  Offsets still point at
 * the source of the words kept. */
static void test_export_furniture(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    const char *lines[] = {"*Source: https://example.org/van-ban/123*",
                           "# Quyết định về việc thử",
                           "|",
                           "ỦY BAN NHÂN DÂN",
                           "|---|---|",
                           "Tổ chức kiểm tra các cơ sở trong",
                           "",
                           "",
                           "--- PAGE BREAK ---",
                           "",
                           "2",
                           "",
                           "địa bàn xã.",
                           "12",
                           "** **",
                           "Lưu: VT."};
    vb_normtext t = norm_lines(n, a, lines, sizeof lines / sizeof *lines);
    CHECK_STR(t.text, "Quyết định về việc thử\n|\nỦY BAN NHÂN DÂN\n"
                      "Tổ chức kiểm tra các cơ sở trong địa bàn xã.\n12\nLưu: VT.");
    size_t at = (size_t)(strstr(t.text, "Quyết") - t.text), src = strlen(lines[0]) + 1 + 2;
    CHECK_INT(vb_normtext_source_offset(&t, at), src);
    at = (size_t)(strstr(t.text, "địa bàn") - t.text);
    src = 0;
    for (size_t i = 0; i < 12; i++) src += strlen(lines[i]) + 1;
    CHECK_INT(vb_normtext_source_offset(&t, at), src);

    /* past the header, a '|' line is a stray table fragment */
    const char *many[45];
    for (size_t i = 0; i < 44; i++) many[i] = i % 2 ? "|" : "Điều khoản.";
    many[44] = "Hết.";
    t = norm_lines(n, a, many, 45);
    CHECK_INT(t.n_lines, 20 + 22 + 1); /* the 20 '|' of the first 40 lines stay */
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

/* Headings a wrap cut short join their tail; list items, a label before a
 * labelled line, and separate header areas stay lines of their own. */
static void test_cut_headings(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    const char *lines[] = {"ỦY BAN NHÂN DÂN",
                           "TỈNH BÌNH MINH",
                           "Số:",
                           "15/KH-UBND",
                           "KẾ HOẠCH",
                           "Phòng chống thiên tai năm 2024",
                           "**IV. PHÂN",
                           "CÔNG NHIỆM VỤ**",
                           "**1.",
                           "Công an tỉnh**",
                           "a) Chủ trì",
                           "b) Phối hợp",
                           "**2. Sở",
                           "Tài chính**",
                           "I.",
                           "1. Mục tiêu chung",
                           "Điều 2.",
                           "Giao Sở Y tế chủ trì.",
                           "**6. Chỉ tiêu đến năm",
                           "2030**"};
    vb_normtext t = norm_lines(n, a, lines, sizeof lines / sizeof *lines);
    CHECK_STR(t.text, "ỦY BAN NHÂN DÂN\nTỈNH BÌNH MINH\nSố: 15/KH-UBND\nKẾ HOẠCH\n"
                      "Phòng chống thiên tai năm 2024\nIV. PHÂN CÔNG NHIỆM VỤ\n1. Công an tỉnh\n"
                      "a) Chủ trì\nb) Phối hợp\n2. Sở Tài chính\nI.\n1. Mục tiêu chung\n"
                      "Điều 2. Giao Sở Y tế chủ trì.\n6. Chỉ tiêu đến năm 2030");
    CHECK_INT(vb_heading_label_len(S("Điều 12. Hiệu lực")), strlen("Điều 12. "));
    CHECK_INT(vb_heading_label_len(S("IV. PHÂN")), 4);
    CHECK_INT(vb_heading_label_len(S("a) Chủ trì")), 0);
    CHECK_INT(vb_heading_label_len(S("Chương I")), 0);
    vb_rejoin_context caps = {0};
    CHECK(vb_rejoin_cut_heading(S("II. NỘI"), S("DUNG"), &caps));
    CHECK(!vb_rejoin_cut_heading(S("II. NỘI DUNG."), S("DUNG"), &caps));
    CHECK(!vb_rejoin_cut_heading(S("ỦY BAN NHÂN DÂN"), S("TỈNH"), &caps));
    CHECK(!vb_rejoin_cut_heading(S("1."), S("a) Chủ trì"), &caps));
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

/* In a hard-wrapped file whose paragraphs are set apart by blank lines, a
 * paragraph's first line may stop short (the export's indent): it joins
 * the full line after it; a short line that does not open a paragraph, and
 * one followed by a short line, do not. */
static void test_short_first_line(void) {
    vb_arena *a = vb_arena_create();
    vb_normalizer *n;
    CHECK_INT(vb_normalizer_open(NULL, &n), VB_OK);
    const char *full = "cơ quan, đơn vị trên địa bàn toàn tỉnh về tác hại của ma túy trong cộng";
    const char *lines[40];
    size_t k = 0;
    for (int i = 0; i < 6; i++) {
        lines[k++] = "";
        lines[k++] = "d) Phối hợp chặt chẽ với Bộ";
        lines[k++] = "Công an tổ chức tuyên truyền cho người dân ở các xã, phường, thị trấn và";
        lines[k++] = full;
        lines[k++] = "đồng dân cư.";
    }
    lines[k++] = "";
    lines[k++] = "Nơi nhận:";
    lines[k++] = "KT. CHỦ TỊCH";
    lines[k++] = "Phó Chủ tịch";
    lines[k++] = "Nguyễn Văn An";
    vb_normtext t = norm_lines(n, a, lines, k);
    CHECK(strstr(t.text, "với Bộ Công an tổ chức") != NULL);
    CHECK(strstr(t.text, "Phó Chủ tịch\nNguyễn Văn An") != NULL);
    CHECK_INT(t.n_lines, 6 + 4);
    vb_rejoin_context first = {
        .prev_starts_paragraph = true, .prev_lower = true, .cur_lower = true, .width = 70};
    CHECK(vb_rejoin_cut_heading(S("Theo đề nghị của Giám đốc Sở"), full, strlen(full), &first));
    CHECK(!vb_rejoin_cut_heading(S("Theo đề nghị của Giám đốc Sở"), S("Nông nghiệp"), &first));
    first.prev_starts_paragraph = false;
    CHECK(!vb_rejoin_cut_heading(S("Theo đề nghị của Giám đốc Sở"), full, strlen(full), &first));
    CHECK(vb_wrap_would_fit(S("GIAI ĐOẠN 2021 - 2025"), S("CHỦ TỊCH"), 70));
    CHECK(!vb_wrap_would_fit(full, strlen(full), S("Nông"), 70));
    vb_normalizer_close(n);
    vb_arena_destroy(a);
}

int main(void) {
    VB_RUN(test_nfc_and_tones);
    VB_RUN(test_folding_and_spaces);
    VB_RUN(test_rejoin_page_break_and_wrap);
    VB_RUN(test_list_labels);
    VB_RUN(test_hard_wrapped_file);
    VB_RUN(test_wrapped_case_edges);
    VB_RUN(test_plain_path_matches_general_path);
    VB_RUN(test_offset_anchors);
    VB_RUN(test_wrap_width_matches_full_count);
    VB_RUN(test_markdown_emphasis);
    VB_RUN(test_export_furniture);
    VB_RUN(test_cut_headings);
    VB_RUN(test_short_first_line);
    return VB_SUMMARY("normalize");
}
