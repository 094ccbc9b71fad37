/* test_rules.c — the rule engine: vb_ruleset_scan (shared passes) must give
 * exactly the hits of scanning each row on its own, whatever the rows share,
 * overlap or refuse; vb_rule_match_at gives the hit's match again. */
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/rules/rules.h"
#include "check.h"

#define N(t) (sizeof(t) / sizeof((t)[0]))
#define EDGE "(?<![\\p{L}0-9])"

/* Rows that overlap, repeat names, refer back by name, differ in case, can
 * match empty, and look behind their start. */
static const vb_rule_row rows[] = {
    {"full", EDGE "ngày\\s+(?<d>[0-9]{1,2})\\s+tháng\\s+(?<m>[0-9]{1,2})\\s+năm\\s+(?<y>[0-9]{4})", 0, NULL,
     0},
    {"numeric",
     "(?<![\\p{L}0-9/.-])(?:ngày\\s+)?(?<d>[0-9]{1,2})(?<sep>[/.-])(?<m>[0-9]{1,2})\\k<sep>(?<y>[0-9]{4})", 0,
     NULL, 0},
    {"year", EDGE "năm\\s+(?<y>[0-9]{4})", 0, NULL, 0},
    {"digits", "[0-9]+", 0, NULL, 0},
    {"pair", "[0-9]{2}", 0, NULL, 0},
    {"cased", EDGE "Sở\\b", 0, NULL, VB_RULE_CASED},
    {"empty", "(?=\\.)", 0, NULL, 0},
    {"recur", EDGE "(?<!cửa\\s)(?:định kỳ\\s+)?(?:hàng|hằng)\\s+(?:tháng|năm)(?!\\p{L})", 0, NULL, 0},
    /* first bytes PCRE2 gives as a bitmap with lead bytes, an s (whose
     * caseless forms include U+017F), a first code unit that is a lead
     * byte, none at all, and a cased row whose first letter has two cases */
    {"lead", EDGE "[éđ]\\p{L}+", 0, NULL, 0},
    {"six", EDGE "sáu\\s+[0-9]", 0, NULL, 0},
    {"dinh", EDGE "định\\s+kỳ", 0, NULL, 0},
    {"any", ".x", 0, NULL, 0},
    {"cased_n", EDGE "Năm", 0, NULL, VB_RULE_CASED},
};

static const char *texts[] = {
    "Ngày 07 tháng 3 năm 2016, Sở Y tế; ngày 1/2/2020 và 1.2.2020 nhưng 1/2.2020. Năm 2021.",
    "SỞ Y TẾ, sở y tế, Sở. Cửa hàng tháng 5; định kỳ hằng năm, hàng tháng 12345678.",
    "",
    ".",
    "...",
    "2024",
    "ngày",
    "a1b22c333.4444",
    "quý II/2024; từ năm 2016 đến năm 2020 — giai đoạn 2021-2025 — 7/3/2016/NQ-CP ngày  9-9-2019",
    "\xC3\xA9t\xE1\xBB\x87"
    "12.12.2012"
    "\xC2\xA0"
    "năm\n2030.",
    "ĐẶNG đặng éo Éo; Sáu 6 SÁU 7 \xC5\xBF\xC3\xA1u 8 ax .x \xFFx; ĐỊNH KỲ, định  kỳ; NĂM Năm năm",
    "\xC4\xC4\x91\xC3 \x80x \xE1\xBBngày 1/1/2001 \xC4",
};

static int same_hits(const vb_rule_hits *a, const vb_rule_hits *b) {
    return a->len == b->len && (a->len == 0 || memcmp(a->items, b->items, a->len * sizeof *a->items) == 0);
}

/* Every text, with parts as given, against the row-by-row reference. */
static void check_parts(const vb_scan_part *parts, size_t n, size_t want_shared) {
    vb_ruleset rs;
    char err[300];
    CHECK(vb_ruleset_compile(&rs, rows, N(rows), err, sizeof err) == VB_OK);
    CHECK(vb_ruleset_prepare_scan(&rs, parts, n) == VB_OK);
    CHECK_INT(vb_ruleset_scan_shared(&rs), want_shared);
    vb_rule_hits a = {0}, b = {0};
    for (size_t k = 0; k < N(texts); k++) {
        size_t len = strlen(texts[k]);
        CHECK(vb_ruleset_scan(&rs, texts[k], len, &a) == VB_OK);
        CHECK(vb_ruleset_scan_rows(&rs, texts[k], len, &b) == VB_OK);
        CHECK(same_hits(&a, &b));
        for (size_t h = 0; h < a.len; h++) {
            const size_t *ov;
            CHECK(h == 0 || a.items[h - 1].start < a.items[h].start ||
                  (a.items[h - 1].start == a.items[h].start && a.items[h - 1].row < a.items[h].row));
            CHECK(vb_rule_match_at(&rs, a.items[h].row, texts[k], len, a.items[h].start, &ov, NULL));
            CHECK(ov[1] == vb_rule_hit_end(&a.items[h]));
        }
    }
    vb_rule_hits_free(&a);
    vb_rule_hits_free(&b);
    vb_ruleset_free(&rs);
}

static void test_scan_one_pass(void) {
    const vb_scan_part all[] = {{(UINT64_C(1) << N(rows)) - 1, NULL, NULL}};
    check_parts(all, 1, N(rows));
}

static void test_scan_parts_and_guards(void) {
    /* rows 0, 2, 7 start at a word edge with ngày / năm / định / hàng / hằng */
    const vb_scan_part parts[] = {
        {(1u << 0) | (1u << 2) | (1u << 7), EDGE "(?:ngày|năm|định|hàng|hằng)", NULL},
        {(1u << 1) | (1u << 3) | (1u << 4), NULL, NULL},
    };
    check_parts(parts, N(parts), 6);
    check_parts(NULL, 0, 0); /* no parts: row by row */
}

static void test_scan_found_again(void) {
    vb_ruleset rs;
    char err[300];
    CHECK(vb_ruleset_compile(&rs, rows, N(rows), err, sizeof err) == VB_OK);
    const vb_scan_part all[] = {{(UINT64_C(1) << N(rows)) - 1, NULL, NULL}};
    CHECK(vb_ruleset_prepare_scan(&rs, all, 1) == VB_OK);
    const char *t = "Hạn: ngày 07/03/2016 của Sở";
    vb_rule_hits h = {0};
    CHECK(vb_ruleset_scan(&rs, t, strlen(t), &h) == VB_OK);
    size_t found = 0;
    for (size_t k = 0; k < h.len; k++) {
        if (h.items[k].row != 1) continue;
        found++;
        size_t s, e;
        CHECK(vb_rule_match_at(&rs, 1, t, strlen(t), h.items[k].start, NULL, NULL));
        CHECK(vb_rule_group(&rs, 1, "y", &s, &e));
        CHECK(e - s == 4 && memcmp(t + s, "2016", 4) == 0);
        CHECK(vb_rule_group(&rs, 1, "sep", &s, &e));
        CHECK(e - s == 1 && t[s] == '/');
    }
    CHECK_INT(found, 1);
    /* not a match start: the search from there finds a later one */
    CHECK(!vb_rule_match_at(&rs, 1, t, strlen(t), 0, NULL, NULL));
    vb_rule_hits_free(&h);
    vb_ruleset_free(&rs);
}

/* Compile r into rs with the one part given, check how many rows it shares
 * and that the scan of t equals the rows'; the number of hits (rs is left
 * compiled for the caller, who frees it). */
static size_t scan_agrees(vb_ruleset *rs, const vb_rule_row *r, size_t n, const vb_scan_part *part,
                          size_t want_shared, const char *t) {
    char err[300];
    CHECK(vb_ruleset_compile(rs, r, n, err, sizeof err) == VB_OK);
    CHECK(vb_ruleset_prepare_scan(rs, part, 1) == VB_OK);
    CHECK_INT(vb_ruleset_scan_shared(rs), want_shared);
    vb_rule_hits a = {0}, b = {0};
    CHECK(vb_ruleset_scan(rs, t, strlen(t), &a) == VB_OK);
    CHECK(vb_ruleset_scan_rows(rs, t, strlen(t), &b) == VB_OK);
    CHECK(same_hits(&a, &b));
    size_t found = a.len;
    vb_rule_hits_free(&a);
    vb_rule_hits_free(&b);
    return found;
}

/* With an edge: the rows that begin with it are put in the pass without
 * it (caseless ones only, and not when a quantifier follows it); every row
 * stays shared and the hits stay those of the rows alone. */
static void test_scan_edge(void) {
    /* every row but "digits", "pair", "empty" and "any" holds the edge where it matches */
    uint64_t edged = (UINT64_C(1) << N(rows)) - 1 - (1u << 3) - (1u << 4) - (1u << 6) - (1u << 11);
    const vb_scan_part parts[] = {
        {edged, "(?:[0-9]|ngày|năm|định|hàng|hằng|sở|[éđ]|sáu)", EDGE},
        {(1u << 3) | (1u << 4) | (1u << 6) | (1u << 11), NULL, NULL},
    };
    check_parts(parts, N(parts), N(rows));
    static const vb_rule_row quant[] = {
        {"edge_then_quantifier", EDGE "?(?<![\\p{L}0-9])[0-9]+", 0, NULL, 0},
        {"edge_only", EDGE, 0, NULL, 0},
        {"edge_cased", EDGE "[0-9]x", 0, NULL, VB_RULE_CASED},
        {"edge_lookalike", "(?<![\\p{L}0-9-])[0-9]+", 0, NULL, 0},
    };
    vb_ruleset rs;
    const vb_scan_part q[] = {{(UINT64_C(1) << N(quant)) - 1, NULL, EDGE}};
    /* "?…" left whole, so the pass compiles and shares every row */
    CHECK(scan_agrees(&rs, quant, N(quant), q, N(quant),
                      "1x a2 -3x 44 5-6 \xC3\xA9"
                      "7 x8X ") > 8);
    /* an edge is one lookaround and nothing else */
    static const char *const bad[] = {"(?<!a)(?<!b)", "(?<!(a))",      "(?<![[:alpha:]])", "(?<!a)x", "abc",
                                      "(?<!a",        "(?<!\\Qa)\\E)", "(?<!a)?",          ""};
    for (size_t k = 0; k < N(bad); k++) {
        const vb_scan_part e[] = {{1, NULL, bad[k]}};
        CHECK(vb_ruleset_prepare_scan(&rs, e, 1) == VB_E_INTERNAL);
    }
    static const char *const good[] = {"(?<![)(])", "(?=[]x])", "(?![^]a])", "(?<=\\))"};
    for (size_t k = 0; k < N(good); k++) {
        const vb_scan_part e[] = {{1, NULL, good[k]}};
        CHECK(vb_ruleset_prepare_scan(&rs, e, 1) == VB_OK);
    }
    vb_ruleset_free(&rs);
}

/* Rows whose meaning would change inside a shared pattern stay alone. */
static void test_scan_refused_rows(void) {
    static const vb_rule_row odd[] = {
        {"numbered_ref", "([0-9])\\1", 0, NULL, 0},
        {"anchor_g", "\\G[0-9]", 0, NULL, 0},
        {"keep_out", "a\\Kb", 0, NULL, 0},
        {"verb", "x(*SKIP)(*FAIL)|y", 0, NULL, 0},
        {"shared_name", "(?<d>[0-9])-\\k<d>", 0, NULL, 0},
        {"name_user", "(?<d>q)", 0, NULL, 0},
        {"plain", "[0-9]-", 0, NULL, 0},
        {"control_backslash", "(?<d>z)\\c\\\\k<d>", 0, NULL, 0},
    };
    vb_ruleset rs;
    const vb_scan_part all[] = {{(UINT64_C(1) << N(odd)) - 1, NULL, NULL}};
    /* name_user and plain */
    CHECK(scan_agrees(&rs, odd, N(odd), all, 2, "11 2-2 ab xy 3-3 q 5-") > 5);
    /* a row in two parts, or out of range, is the caller's mistake */
    const vb_scan_part twice[] = {{1, NULL, NULL}, {3, NULL, NULL}};
    CHECK(vb_ruleset_prepare_scan(&rs, twice, 2) == VB_E_INTERNAL);
    const vb_scan_part beyond[] = {{UINT64_C(1) << N(odd), NULL, NULL}};
    CHECK(vb_ruleset_prepare_scan(&rs, beyond, 1) == VB_E_INTERNAL);
    vb_ruleset_free(&rs);
}

/* A long text of many candidates: the pass neither loses nor repeats hits. */
static void test_scan_long_text(void) {
    vb_ruleset rs;
    char err[300];
    CHECK(vb_ruleset_compile(&rs, rows, N(rows), err, sizeof err) == VB_OK);
    const vb_scan_part all[] = {{(UINT64_C(1) << N(rows)) - 1, NULL, NULL}};
    CHECK(vb_ruleset_prepare_scan(&rs, all, 1) == VB_OK);
    static const char piece[] = "ngày 1/2/2020, năm 2021. hằng năm 12 Sở ";
    size_t n = 2000, pl = sizeof piece - 1;
    char *t = malloc(n * pl + 1);
    CHECK(t != NULL);
    if (!t) return;
    for (size_t k = 0; k < n; k++) memcpy(t + k * pl, piece, pl);
    t[n * pl] = '\0';
    vb_rule_hits a = {0}, b = {0};
    CHECK(vb_ruleset_scan(&rs, t, n * pl, &a) == VB_OK);
    CHECK(vb_ruleset_scan_rows(&rs, t, n * pl, &b) == VB_OK);
    CHECK(same_hits(&a, &b));
    CHECK(a.len >= 7 * n);
    free(t);
    vb_rule_hits_free(&a);
    vb_rule_hits_free(&b);
    vb_ruleset_free(&rs);
}

/* Every row's cursor, stepped over text at strides 1 to 3, finds what
 * vb_rule_match finds from the same start; returns the matches seen. */
static size_t cursor_agrees(vb_ruleset *rs, const char *text) {
    size_t len = strlen(text), found = 0;
    for (size_t i = 0; i < rs->len; i++)
        for (size_t step = 1; step <= 3; step++) {
            vb_rule_cursor c;
            vb_rule_cursor_init(&c, rs, i, text, len);
            for (size_t pos = 0; pos <= len; pos += step) {
                const size_t *ov;
                size_t s1 = 0, e1 = 0;
                bool got = vb_rule_cursor_next(&c, pos, &ov);
                if (got) s1 = ov[0], e1 = ov[1];
                bool want = vb_rule_match(rs, i, text, len, pos, &ov, NULL);
                CHECK(got == want);
                if (got && want) CHECK(s1 == ov[0] && e1 == ov[1]);
                found += got;
            }
        }
    return found;
}

/* A cursor gives at every growing start what vb_rule_match gives: rows on
 * the memchr path (digits, a few capitals, cased or not) and rows refused
 * it (fixed first byte, non-ASCII or many start bytes, \G, verbs), on
 * texts with near misses and invalid UTF-8. */
static void test_cursor_matches_search(void) {
    static const vb_rule_row crow[] = {
        {"number", "(?<![\\p{L}0-9/.-])[0-9]{1,6}(?:\\s?/\\s?[0-9]{4})?\\s?/\\s?\\p{Lu}[\\p{L}0-9&]*", 0,
         NULL, VB_RULE_CASED},
        {"law",
         "(?<![\\p{L}])(?<type>(?-i:L)uật|(?-i:B)ộ\\s+luật|(?-i:H)iến\\s+pháp)\\s+(?<name>\\p{Lu}\\p{L}*)", 0,
         NULL, 0},
        {"caseless_letters", "(?:quý|năm)\\s+[0-9]+", 0, NULL, 0}, /* q Q n N: on the path */
        {"fixed_first", "x[0-9]", 0, NULL, 0},
        {"non_ascii", "(?:đ|ă)[a-z]", 0, NULL, 0},
        {"anchor_g", "\\G[0-9]", 0, NULL, 0},
        {"verb", "[0-9](*SKIP)(*FAIL)|[0-9]{2}/", 0, NULL, 0},
        {"empty", "[0-9]*", 0, NULL, 0},
    };
    static const bool fast[] = {true, true, true, false, false, false, false, false};
    static const char *ctexts[] = {
        "Quyết định số 361/QĐ-TTg, 14/2004/NĐ-CP; Luật Đất đai, Bộ  luật Hình sự; Hiến pháp Năm 2013",
        "a361/QĐ 12/ab 7 / X quý 3 QUÝ  4 năm2020 NĂM 2021 x1 đa ăb 12/ 99/",
        "\xff"
        "12/AB \xe1\xbb"
        "3/Q \xc3"
        "L"
        "uật Xa",
        "",
        "9",
    };
    vb_ruleset rs;
    char err[300];
    CHECK(vb_ruleset_compile(&rs, crow, N(crow), err, sizeof err) == VB_OK);
    for (size_t i = 0; i < N(crow); i++) {
        CHECK(vb_ruleset_prepare_cursor(&rs, i) == VB_OK);
        CHECK(vb_rule_cursor_fast(&rs, i) == fast[i]);
    }
    for (size_t k = 0; k < N(ctexts); k++) cursor_agrees(&rs, ctexts[k]);
    /* groups come from the cursor's match */
    const char *t = ctexts[0];
    vb_rule_cursor c;
    vb_rule_cursor_init(&c, &rs, 1, t, strlen(t));
    const size_t *ov;
    size_t s, e;
    CHECK(vb_rule_cursor_next(&c, 0, &ov));
    CHECK(vb_rule_group(&rs, 1, "name", &s, &e) && e - s == strlen("Đất") &&
          memcmp(t + s, "Đất", e - s) == 0);
    vb_ruleset_free(&rs);
}

/* A cursor told which ASCII bytes its row's lookbehind refuses skips the
 * starts right after them and still gives what vb_rule_match gives. */
static void test_cursor_edge(void) {
    static const vb_rule_row erow[] = {
        {"number", "(?<![\\p{L}0-9/.-])[0-9]{1,6}(?:\\s?/\\s?[0-9]{4})?\\s?/\\s?\\p{Lu}[\\p{L}0-9&]*", 0,
         NULL, VB_RULE_CASED},
        {"law", "(?<![\\p{L}])(?<type>(?-i:L)uật|(?-i:H)iến\\s+pháp)\\s+(?<name>\\p{Lu}\\p{L}*)", 0, NULL, 0},
    };
    static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    char edge0[80];
    snprintf(edge0, sizeof edge0, "%s0123456789/.-", letters);
    static const char *etexts[] = {
        "12/AB a12/AB 3-4/AB 1.2/AB 1/2/AB x/3/QĐ 123/2020/NĐ-CP 1234567/AB (5/UB) “6/UB” ă7/UB",
        "Luật Đất đai; xLuật Xa, 1Luật Xb .Luật Xc ăLuật Xd \xe1\xbb"
        "Luật Xe",
        "\xff"
        "9/AB \xc3"
        "8/AB",
        "7/AB",
        "",
    };
    vb_ruleset rs;
    char err[300];
    CHECK(vb_ruleset_compile(&rs, erow, N(erow), err, sizeof err) == VB_OK);
    CHECK(vb_ruleset_prepare_cursor_edge(&rs, 0, "\x80") == VB_E_INTERNAL);
    CHECK(vb_ruleset_prepare_cursor_edge(&rs, 0, edge0) == VB_OK);
    CHECK(vb_ruleset_prepare_cursor_edge(&rs, 1, letters) == VB_OK);
    CHECK(vb_rule_cursor_fast(&rs, 0) && vb_rule_cursor_fast(&rs, 1));
    size_t found = 0;
    for (size_t k = 0; k < N(etexts); k++) found += cursor_agrees(&rs, etexts[k]);
    CHECK(found > 0);
    vb_ruleset_free(&rs);
}

/* vb_rule_try_at answers for exactly one start: a match there, none (also
 * when the row would match further on), and an error for a row not
 * prepared for it. */
static void test_try_at(void) {
    static const vb_rule_row trow[] = {
        {"number", "(?<![0-9])[0-9]{1,4}/[A-Z]+", 0, NULL, VB_RULE_CASED},
        {"plain", "[0-9]+", 0, NULL, 0},
    };
    static const char t[] = "a 12/AB x 7/C";
    vb_ruleset rs;
    char err[300];
    CHECK(vb_ruleset_compile(&rs, trow, N(trow), err, sizeof err) == VB_OK);
    CHECK(vb_ruleset_prepare_cursor(&rs, 0) == VB_OK);
    size_t len = strlen(t);
    const size_t *ov;
    CHECK(vb_rule_try_at(&rs, 0, t, len, 2, &ov) == 1 && ov[0] == 2 && ov[1] == 7);
    CHECK(vb_rule_try_at(&rs, 0, t, len, 0, &ov) == 0); /* matches at 2, not at 0 */
    CHECK(vb_rule_try_at(&rs, 0, t, len, 3, &ov) == 0); /* inside the number: the lookbehind */
    CHECK(vb_rule_try_at(&rs, 0, t, len, 10, &ov) == 1 && ov[0] == 10 && ov[1] == len);
    CHECK(vb_rule_try_at(&rs, 0, t, len, len + 1, &ov) < 0);
    CHECK(!vb_rule_cursor_fast(&rs, 1) && vb_rule_try_at(&rs, 1, t, len, 2, &ov) < 0);
    CHECK(vb_rule_try_at(&rs, 2, t, len, 2, &ov) < 0);
    vb_ruleset_free(&rs);
}

/* vb_rule_match_at on a row prepared with vb_ruleset_prepare_at (one
 * offset-limited attempt) says what the plain search from the start says,
 * with the same groups, at every byte of texts with near misses, \G,
 * verbs, empty matches and invalid UTF-8. */
static void test_match_at_prepared(void) {
    static const vb_rule_row arow[] = {
        {"number", "(?<![\\p{L}0-9/.-])[0-9]{1,6}(?:\\s?/\\s?[0-9]{4})?\\s?/\\s?(?<sym>\\p{Lu}[\\p{L}0-9&]*)",
         0, NULL, VB_RULE_CASED},
        {"motto", "C[OỘ]NG\\s+H[OÒ]A(?:\\s+XÃ)?", 0, NULL, 0},
        {"anchor_g", "\\G[0-9]", 0, NULL, 0},
        {"verb", "[0-9](*SKIP)(*FAIL)|[0-9]{2}/", 0, NULL, 0},
        {"empty", "[0-9]*", 0, NULL, 0},
        {"optional_group", "(a)?(b)?c", 0, NULL, 0},
    };
    static const char *atexts[] = {
        "Số: 361/QĐ-TTg CỘNG HÒA XÃ cong hoa 14/2004/NĐ-CP 12/ 99/ bc ac abc c",
        "\xff"
        "12/AB \xe1\xbb"
        "3/Q CONG  HOA",
        "",
    };
    vb_ruleset plain, at;
    char err[300];
    CHECK(vb_ruleset_compile(&plain, arow, N(arow), err, sizeof err) == VB_OK);
    CHECK(vb_ruleset_compile(&at, arow, N(arow), err, sizeof err) == VB_OK);
    for (size_t i = 0; i < N(arow); i++) CHECK(vb_ruleset_prepare_at(&at, i) == VB_OK);
    for (size_t k = 0; k < N(atexts); k++) {
        const char *t = atexts[k];
        size_t len = strlen(t);
        for (size_t i = 0; i < N(arow); i++)
            for (size_t p = 0; p <= len + 1; p++) {
                const size_t *ov1 = NULL, *ov2 = NULL;
                int n1 = 0, n2 = 0;
                bool m1 = vb_rule_match_at(&plain, i, t, len, p, &ov1, &n1);
                size_t a1 = m1 ? ov1[0] : 0, b1 = m1 ? ov1[1] : 0;
                size_t g1s = 0, g1e = 0, g2s = 0, g2e = 0;
                bool h1 = m1 && i == 0 && vb_rule_group(&plain, i, "sym", &g1s, &g1e);
                bool m2 = vb_rule_match_at(&at, i, t, len, p, &ov2, &n2);
                CHECK(m1 == m2);
                if (!m1 || !m2) continue;
                CHECK(a1 == ov2[0] && b1 == ov2[1] && n1 == n2);
                bool h2 = i == 0 && vb_rule_group(&at, i, "sym", &g2s, &g2e);
                CHECK(h1 == h2 && g1s == g2s && g1e == g2e);
            }
    }
    vb_ruleset_free(&plain);
    vb_ruleset_free(&at);
}

/* vb_ruleset_plain (VANBAN_PLAIN_SCANS) drops every fast path a ruleset
 * was prepared with, and the plain paths give the same answers. */
static void test_plain(void) {
    static const vb_rule_row prow[] = {
        {"number", "(?<![0-9])[0-9]{1,4}/[A-Z]+", 0, NULL, VB_RULE_CASED},
        {"year", EDGE "năm\\s+(?<y>[0-9]{4})", 0, NULL, 0},
    };
    static const vb_scan_part all[] = {{3, NULL, NULL}};
    static const char t[] = "a 12/AB năm 2024 x 7/C";
    size_t len = strlen(t);
    vb_ruleset rs;
    char err[300];
    CHECK(vb_ruleset_compile(&rs, prow, N(prow), err, sizeof err) == VB_OK);
    CHECK(vb_ruleset_prepare_scan(&rs, all, 1) == VB_OK);
    CHECK(vb_ruleset_prepare_cursor(&rs, 0) == VB_OK && vb_ruleset_prepare_at(&rs, 1) == VB_OK);
    CHECK(vb_ruleset_scan_shared(&rs) == 2 && vb_rule_cursor_fast(&rs, 0));
    vb_rule_hits fast = {0}, plain = {0};
    CHECK(vb_ruleset_scan(&rs, t, len, &fast) == VB_OK);
    vb_ruleset_plain(&rs);
    const size_t *ov;
    CHECK(vb_ruleset_scan_shared(&rs) == 0 && !vb_rule_cursor_fast(&rs, 0));
    CHECK(vb_rule_try_at(&rs, 1, t, len, 8, &ov) < 0); /* no one-start compile left */
    CHECK(vb_ruleset_scan(&rs, t, len, &plain) == VB_OK && same_hits(&fast, &plain) && plain.len == 3);
    CHECK(vb_rule_match_at(&rs, 1, t, len, 8, &ov, NULL) && ov[0] == 8);
    CHECK(!vb_rule_match_at(&rs, 1, t, len, 7, &ov, NULL));
    vb_rule_cursor c;
    vb_rule_cursor_init(&c, &rs, 0, t, len);
    CHECK(vb_rule_cursor_next(&c, 0, &ov) && ov[0] == 2 && vb_rule_cursor_next(&c, 3, &ov) && ov[0] == 20);
    vb_rule_hits_free(&fast);
    vb_rule_hits_free(&plain);
    vb_ruleset_free(&rs);
}

/* The build rule's NAME.re.inc (tests/unit/data/test-literal-words.txt)
 * gives each data word as a pattern for itself: a word holding '.', '(',
 * '+', '|', '[' or '\\' matches only itself, whole. */
static const vb_rule_row literal_rows[] = {
#define X(re, word, ...) {word, "\\A(?:" re ")\\z", 0, NULL, VB_RULE_CASED},
#include "test-literal-words.re.inc"
#undef X
};

static void test_literal_words(void) {
    static const char *const others[] = {"km2", "kmx2", "a",  "(a", "xy",     "xxy", "a",
                                         "b",   "c",    "[c", "de", "d\\\\e", ""};
    vb_ruleset rs;
    char err[300];
    const size_t *ov;
    int np;
    CHECK(vb_ruleset_compile(&rs, literal_rows, N(literal_rows), err, sizeof err) == VB_OK);
    for (size_t i = 0; i < N(literal_rows); i++) {
        const char *w = literal_rows[i].name;
        for (size_t j = 0; j < N(literal_rows); j++)
            CHECK(vb_rule_match(&rs, i, literal_rows[j].name, strlen(literal_rows[j].name), 0, &ov, &np) ==
                  (i == j));
        for (size_t j = 0; j < N(others); j++)
            CHECK(!vb_rule_match(&rs, i, others[j], strlen(others[j]), 0, &ov, &np));
        CHECK(strchr(w, '.') || strchr(w, '(') || strchr(w, '+') || strchr(w, '|') || strchr(w, '[') ||
              strchr(w, '\\'));
    }
    CHECK(N(literal_rows) == 6);
    vb_ruleset_free(&rs);
}

int main(void) {
    VB_RUN(test_scan_one_pass);
    VB_RUN(test_scan_parts_and_guards);
    VB_RUN(test_scan_found_again);
    VB_RUN(test_scan_refused_rows);
    VB_RUN(test_scan_edge);
    VB_RUN(test_scan_long_text);
    VB_RUN(test_cursor_matches_search);
    VB_RUN(test_cursor_edge);
    VB_RUN(test_try_at);
    VB_RUN(test_match_at_prepared);
    VB_RUN(test_plain);
    VB_RUN(test_literal_words);
    return VB_SUMMARY("rules");
}
