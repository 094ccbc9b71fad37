/* The old one-run title (see title_of.h). */
#include "title_of.h"

#include <stdio.h>
#include <stdlib.h>

#include "../core/buf.h"
#include "../rules/rules.h"

static const char *const openers[] = {
#define X(words) words,
#include "title-subject-openers.inc"
#undef X
};
enum { N_OPENERS = sizeof openers / sizeof *openers };

enum { TO_NUMBER, TO_DATE, TO_OF, TO_COUNT };

struct vb_title_of {
    vb_buf of_pattern; /* TO_OF, assembled with the openers */
    vb_rule_row rows[TO_COUNT];
    vb_rule_table table; /* the rows with their examples, for tests */
    vb_ruleset rules;
};

/* Each row is matched where the last part ended (vb_rule_match_at). */
static const vb_rule_row rows[TO_COUNT] = {
    [TO_NUMBER] = {"number", "\\s*số\\s*:?\\s*(?<num>[0-9][^\\s,;]*(?:\\s+\\p{L}+/[^\\s,;]+)?)", 0, NULL, 0},
    [TO_DATE] =
        {"date",
         "\\s*ngày\\s+(?<d>[0-9]{1,2})\\s*(?:tháng|-|/|\\.)\\s*(?<m>[0-9]{1,2})\\s*(?:năm|-|/|\\.)\\s*"
         "(?<y>[0-9]{4})(?![0-9])",
         0, NULL, 0},
    [TO_OF] = {"of", NULL, 0, NULL, 0},
};
static const char *const rows_examples[TO_COUNT] = {
    " SỐ 16/2001/CT-TTG",
    " NGÀY 21 THÁNG 6 NĂM 2001",
    " CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG",
};

vb_status vb_title_of_open(vb_title_of **out, char *err, size_t errlen) {
    *out = NULL;
    vb_title_of *t = calloc(1, sizeof *t);
    if (!t) return VB_E_NOMEM;
    vb_buf_init(&t->of_pattern);
    /* the issuer runs to a number, a date, a subject's first word or the end */
    vb_buf_puts(&t->of_pattern, "(?s)\\s*của\\s+(?<by>.+?)(?=\\s+(?:số\\s*:?\\s*[0-9]|ngày\\s+[0-9]|(?:");
    vb_status st = vb_rule_alternation(&t->of_pattern, openers, N_OPENERS);
    vb_buf_puts(&t->of_pattern, ")(?!\\p{L}))|\\s*$)");
    const char *of = st == VB_OK ? vb_buf_cstr(&t->of_pattern) : NULL;
    if (!of) st = st == VB_OK ? VB_E_NOMEM : st;
    for (size_t i = 0; i < TO_COUNT; i++) t->rows[i] = rows[i];
    t->rows[TO_OF].pattern = of;
    t->table = (vb_rule_table){"segment.title_of", t->rows, rows_examples, TO_COUNT};
    if (st == VB_OK) st = vb_ruleset_compile(&t->rules, t->rows, TO_COUNT, err, errlen);
    if (st != VB_OK) {
        if (!of) snprintf(err, errlen, "cannot assemble the old title's rules"); /* else compile's error */
        vb_buf_free(&t->of_pattern);
        free(t);
        return st;
    }
    *out = t;
    return VB_OK;
}

const struct vb_rule_table *vb_title_of_rule_table(const vb_title_of *t) { return &t->table; }

void vb_title_of_close(vb_title_of *t) {
    if (!t) return;
    vb_ruleset_free(&t->rules);
    vb_buf_free(&t->of_pattern);
    free(t);
}

static int group_int(const vb_ruleset *rs, size_t row, const char *name, const char *s) {
    size_t b, e;
    if (!vb_rule_group(rs, row, name, &b, &e)) return 0;
    int v = 0;
    for (size_t i = b; i < e; i++) v = v * 10 + (s[i] - '0');
    return v;
}

bool vb_title_of_parse(vb_title_of *t, const char *s, size_t len, vb_title_of_parts *p) {
    vb_title_of_parts r = {0};
    bool of = false, num = false, date = false;
    size_t pos = 0;
    const size_t *ov;
    for (;;) {
        size_t b, e;
        if (!num && vb_rule_match_at(&t->rules, TO_NUMBER, s, len, pos, &ov, NULL)) {
            num = vb_rule_group(&t->rules, TO_NUMBER, "num", &b, &e);
            r.num_s = b, r.num_e = e;
        } else if (!date && vb_rule_match_at(&t->rules, TO_DATE, s, len, pos, &ov, NULL)) {
            date = true;
            r.d = group_int(&t->rules, TO_DATE, "d", s);
            r.m = group_int(&t->rules, TO_DATE, "m", s);
            r.y = group_int(&t->rules, TO_DATE, "y", s);
        } else if (!of && vb_rule_match_at(&t->rules, TO_OF, s, len, pos, &ov, NULL)) {
            of = vb_rule_group(&t->rules, TO_OF, "by", &b, &e);
            r.by_s = b, r.by_e = e;
        } else {
            break;
        }
        if (ov[1] <= pos) break;
        pos = ov[1];
    }
    if (!of) return false;
    while (pos < len && (s[pos] == ' ' || s[pos] == '\n' || s[pos] == ',')) pos++;
    r.subj_s = pos, r.subj_e = len;
    *p = r;
    return true;
}
