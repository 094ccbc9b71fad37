/* test_rule_examples.c — every row of every rule table matches its own
 * example (rules.h, vb_rule_table): the static tables, and the rows each
 * module builds from its word lists when it opens (their examples come
 * from the same lists).  The segmenter's are checked in
 * test_header_rules.c. */
#include <stdio.h>
#include <string.h>

#include "../../extractors/assignments.h"
#include "../../extractors/dates.h"
#include "../../extractors/outline.h"
#include "../../extractors/references.h"
#include "../../extractors/target_numbers.h"
#include "../../extractors/targets.h"
#include "../../extractors/themes.h"
#include "../../pipeline/rules/rules.h"
#include "check.h"

typedef const vb_rule_table *(*tables_fn)(size_t *n);

static void check_table_list(const vb_rule_table *t, size_t n) {
    CHECK(n > 0);
    for (size_t i = 0; i < n; i++) {
        char err[512] = "";
        CHECK(t[i].n > 0);
        vb_status st = vb_rule_table_check(&t[i], err, sizeof err);
        if (st != VB_OK) fprintf(stderr, "  %s\n", err);
        CHECK(st == VB_OK);
    }
}

static void check_tables(tables_fn get) {
    size_t n = 0;
    const vb_rule_table *t = get(&n);
    check_table_list(t, n);
}

static void test_outline(void) { check_tables(vb_outline_rule_tables); }
static void test_references(void) { check_tables(vb_references_rule_tables); }
static void test_assignments(void) { check_tables(vb_assignments_rule_tables); }
static void test_numbers(void) { check_tables(vb_numbers_rule_tables); }
static void test_targets(void) { check_tables(vb_targets_rule_tables); }
static void test_dates(void) { check_tables(vb_dates_rule_tables); }

/* The rows built at open time, from the word lists. */
static void test_built_rows(void) {
    char err[256] = "";
    vb_targets_rules *tr = NULL;
    vb_references_rules *rr = NULL;
    vb_assignments_rules *ar = NULL;
    vb_theme_rules *th = NULL;
    CHECK(vb_targets_open(&tr, err, sizeof err) == VB_OK);
    CHECK(vb_references_open(&rr, err, sizeof err) == VB_OK);
    CHECK(vb_assignments_open(&ar, err, sizeof err) == VB_OK);
    CHECK(vb_themes_open(&th, err, sizeof err) == VB_OK);
    size_t n[4] = {0};
    const vb_rule_table *built[4] = {
        tr ? vb_targets_built_tables(tr, &n[0]) : NULL, rr ? vb_references_built_tables(rr, &n[1]) : NULL,
        ar ? vb_assignments_built_tables(ar, &n[2]) : NULL, th ? vb_themes_built_tables(th, &n[3]) : NULL};
    for (size_t k = 0; k < 4; k++)
        if (built[k]) check_table_list(built[k], n[k]);
    vb_themes_close(th);
    vb_assignments_close(ar);
    vb_references_close(rr);
    vb_targets_close(tr);
}

/* The speed side-tables (targets' form_scans, references' number_shapes)
 * find in every example of their rows what the rows find on their own. */
static void test_side_tables(void) {
    char err[256] = "";
    vb_targets_rules *tr = NULL;
    vb_references_rules *rr = NULL;
    CHECK(vb_targets_open(&tr, err, sizeof err) == VB_OK);
    CHECK(vb_references_open(&rr, err, sizeof err) == VB_OK);
    if (!tr || !rr) goto done;
    size_t n = 0;
    const vb_rule_table *t = vb_targets_rule_tables(&n);
    for (size_t k = 0; k < n; k++) {
        if (strcmp(t[k].name, "targets.forms")) continue;
        for (size_t i = 0; i < t[k].n; i++) {
            bool same = false;
            size_t found = 0;
            const char *ex = t[k].examples[i];
            CHECK(vb_targets_scan_check(tr, ex, strlen(ex), &same, &found) == VB_OK);
            if (!same || !found) fprintf(stderr, "  form scan misses \"%s\"\n", ex);
            CHECK(same && found > 0);
        }
    }
    t = vb_references_rule_tables(&n);
    for (size_t k = 0; k < n; k++) {
        if (strcmp(t[k].name, "references.numbers")) continue;
        for (size_t i = 0; i < t[k].n; i++) {
            bool same = false;
            size_t found = 0;
            const char *ex = t[k].examples[i];
            CHECK(vb_references_numbers_check(rr, ex, strlen(ex), &same, &found) == VB_OK);
            if (!same || !found) fprintf(stderr, "  number shape misses \"%s\"\n", ex);
            CHECK(same && found > 0);
        }
    }
done:
    vb_targets_close(tr);
    vb_references_close(rr);
}

/* The word lists the form rows embed (comparators, number words), every
 * word in every form: the anchors and reaches of form_scans, written for
 * the words of today, must find what the rows find with any word a data
 * file gives them. */
static void test_side_tables_data(void) {
    static const char *const comparators[] = {
#define X(phrase) phrase,
#include "target-comparators-ge.inc"
#include "target-comparators-le.inc"
#include "target-count-comparators.inc"
#undef X
        ""};
    static const char *const numbers[] = {
#define X(word, value) word,
#include "target-number-words.inc"
#undef X
        "2", "12,5"};
    static const char *const forms[] = {
        "%s %s lần/năm", "mỗi năm %s %s lần", "%s 3 tháng %s lần",  "%s 85 - %s%%",
        "%s %s lần",     "%s %s lớp",         "tăng gấp %s %s lần", "%s %s bác sĩ/10.000 dân",
        "%s %s tấn",     "từ 70%% %s%s 85%%"};
    char err[256] = "";
    vb_targets_rules *tr = NULL;
    CHECK(vb_targets_open(&tr, err, sizeof err) == VB_OK);
    if (!tr) return;
    enum { N_CMP = sizeof comparators / sizeof *comparators, N_NUM = sizeof numbers / sizeof *numbers };
    size_t texts = 0, differ = 0, found = 0;
    for (size_t c = 0; c < N_CMP; c++)
        for (size_t k = 0; k < N_NUM; k++)
            for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
                char text[256];
                int n = snprintf(text, sizeof text, forms[f], comparators[c], numbers[k]);
                bool same = false;
                size_t hits = 0;
                CHECK(n > 0 && vb_targets_scan_check(tr, text, (size_t)n, &same, &hits) == VB_OK);
                texts++;
                found += hits;
                if (!same && differ++ < 5) fprintf(stderr, "  form scan differs on \"%s\"\n", text);
            }
    CHECK_INT(differ, 0);
    CHECK(found > texts / 2); /* the texts do hold goals */
    vb_targets_close(tr);
}

/* The check itself: a row that misses its example is reported. */
static void test_check_reports_a_miss(void) {
    static const vb_rule_row rows[] = {{"year", "năm\\s+[0-9]{4}", 0, NULL, 0}};
    static const char *const good[] = {"trong năm 2024"}, *const bad[] = {"tháng 5"};
    const vb_rule_table ok = VB_RULE_TABLE("ok", rows, good), miss = VB_RULE_TABLE("miss", rows, bad);
    char err[256] = "";
    CHECK(vb_rule_table_check(&ok, err, sizeof err) == VB_OK);
    CHECK(vb_rule_table_check(&miss, err, sizeof err) == VB_E_REGEX);
    CHECK(strstr(err, "year") != NULL);
}

int main(void) {
    VB_RUN(test_outline);
    VB_RUN(test_references);
    VB_RUN(test_assignments);
    VB_RUN(test_numbers);
    VB_RUN(test_targets);
    VB_RUN(test_dates);
    VB_RUN(test_built_rows);
    VB_RUN(test_side_tables);
    VB_RUN(test_side_tables_data);
    VB_RUN(test_check_reports_a_miss);
    return VB_SUMMARY("rule_examples");
}
