/* test_header_rules.c — every row of the header table, word-list rows
 * assembled from the data files included, matches its example line. */
#include <stdio.h>
#include <string.h>

#include "../../pipeline/segment/header_rules.h"
#include "../../pipeline/segment/signature.h"
#include "../../pipeline/segment/title_of.h"
#include "check.h"

static void test_examples(void) {
    vb_header_rules hr;
    CHECK(vb_header_rules_build(&hr) == VB_OK);
    vb_ruleset rs;
    char err[256] = "";
    CHECK(vb_ruleset_compile(&rs, hr.rows, HR_COUNT, err, sizeof err) == VB_OK);
    for (size_t i = 0; i < HR_COUNT; i++) {
        const char *ex = vb_header_rule_examples[i];
        CHECK(ex != NULL);
        if (!ex) continue;
        bool hit = vb_rule_match(&rs, i, ex, strlen(ex), 0, NULL, NULL);
        if (!hit) fprintf(stderr, "  row %s does not match its example \"%s\"\n", hr.rows[i].name, ex);
        CHECK(hit);
    }
    vb_ruleset_free(&rs);
    vb_header_rules_free(&hr);
}

/* The assembled rows keep the behaviour of the words they come from. */
static void test_assembled_rows(void) {
    vb_header_rules hr;
    CHECK(vb_header_rules_build(&hr) == VB_OK);
    vb_ruleset rs;
    char err[256] = "";
    CHECK(vb_ruleset_compile(&rs, hr.rows, HR_COUNT, err, sizeof err) == VB_OK);
    CHECK(vb_rule_match(&rs, HR_ORG, "BỘ CHỈ HUY QUÂN SỰ", strlen("BỘ CHỈ HUY QUÂN SỰ"), 0, NULL, NULL));
    CHECK(!vb_rule_match(&rs, HR_ORG, "Sở Y tế", strlen("Sở Y tế"), 0, NULL, NULL)); /* upper case only */
    CHECK(!vb_rule_match(&rs, HR_ORG, "SỞI", strlen("SỞI"), 0, NULL, NULL));         /* a whole word */
    CHECK(vb_rule_match(&rs, HR_ORG_FOLDED, "chi cuc kiem lam", strlen("chi cuc kiem lam"), 0, NULL, NULL));
    CHECK(
        !vb_rule_match(&rs, HR_ORG_FOLDED, "so 12", strlen("so 12"), 0, NULL, NULL)); /* "so" folds onto Số */
    const char *t = "QUYẾT ĐỊNH: Về việc ban hành";
    size_t s = 0, e = 0;
    CHECK(vb_rule_match(&rs, HR_TITLE, t, strlen(t), 0, NULL, NULL));
    CHECK(vb_rule_group(&rs, HR_TITLE, "type", &s, &e) && e - s == strlen("QUYẾT ĐỊNH"));
    CHECK(!vb_rule_match(&rs, HR_TITLE, "LUẬT", strlen("LUẬT"), 0, NULL, NULL)); /* not a title line type */
    vb_ruleset_free(&rs);
    vb_header_rules_free(&hr);
}

/* The closing table (signature.c) carries examples too. */
static void test_closing_examples(void) {
    size_t n = 0;
    const vb_rule_table *t = vb_closing_rule_tables(&n);
    for (size_t i = 0; i < n; i++) {
        char err[512] = "";
        vb_status st = vb_rule_table_check(&t[i], err, sizeof err);
        if (st != VB_OK) fprintf(stderr, "  %s\n", err);
        CHECK(st == VB_OK);
    }
}

/* So does the old one-run title's (title_of.c), its assembled row included. */
static void test_title_of_examples(void) {
    vb_title_of *t = NULL;
    char err[512] = "";
    CHECK(vb_title_of_open(&t, err, sizeof err) == VB_OK);
    if (!t) return;
    vb_status st = vb_rule_table_check(vb_title_of_rule_table(t), err, sizeof err);
    if (st != VB_OK) fprintf(stderr, "  %s\n", err);
    CHECK(st == VB_OK);
    vb_title_of_close(t);
}

int main(void) {
    VB_RUN(test_examples);
    VB_RUN(test_assembled_rows);
    VB_RUN(test_closing_examples);
    VB_RUN(test_title_of_examples);
    return VB_SUMMARY("header_rules");
}
