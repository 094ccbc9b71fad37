#include "target_numbers.h"

#include <stdlib.h>
#include <string.h>

#include "../pipeline/rules/rules.h"

/* Number words (data/target-number-words.txt), one row each, matched whole
 * and caseless ("Một", "MỘT"), the value as the row's string payload; each
 * row's example is its word. */
static const vb_rule_row number_word_rows[] = {
#define X(re, word, value) {word, "\\A(?:" re ")\\z", 0, value, 0},
#include "target-number-words.re.inc"
#undef X
};
static const char *const number_word_rows_examples[] = {
#define X(word, value) word,
#include "target-number-words.inc"
#undef X
};

struct vb_number_rules {
    vb_ruleset words;
};

vb_status vb_numbers_open(vb_number_rules **out, char *err, size_t errlen) {
    vb_number_rules *r = calloc(1, sizeof *r);
    if (!r) return VB_E_NOMEM;
    vb_status s = vb_ruleset_compile(&r->words, number_word_rows,
                                     sizeof number_word_rows / sizeof number_word_rows[0], err, errlen);
    if (s != VB_OK) {
        free(r);
        return s;
    }
    *out = r;
    return VB_OK;
}

void vb_numbers_close(vb_number_rules *r) {
    if (!r) return;
    vb_ruleset_free(&r->words);
    free(r);
}

/* "2,5" and "2.5" are decimals; "1.200" (a dot before exactly three digits)
 * groups thousands, as Vietnamese counts are written. */
static bool parse_digits(const char *s, size_t n, double *value) {
    double whole = 0, frac = 0, scale = 1;
    bool in_frac = false, any = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            any = true;
            if (in_frac) {
                scale /= 10;
                frac += (c - '0') * scale;
            } else {
                whole = whole * 10 + (c - '0');
            }
            continue;
        }
        if ((c != ',' && c != '.') || in_frac || !any) return false;
        size_t k = i + 1;
        while (k < n && s[k] >= '0' && s[k] <= '9') k++;
        if (c == '.' && k - i - 1 == 3 && (k == n || s[k] == '.')) continue; /* thousands */
        in_frac = true;
    }
    if (!any) return false;
    *value = whole + frac;
    return true;
}

bool vb_number_parse(const vb_number_rules *r, const char *s, size_t n, double *value) {
    if (n == 0) return false;
    if (s[0] >= '0' && s[0] <= '9') return parse_digits(s, n, value);
    for (size_t i = 0; i < r->words.len; i++)
        if (vb_rule_match(&r->words, i, s, n, 0, NULL, NULL)) {
            *value = strtod(r->words.rules[i].row->value, NULL);
            return true;
        }
    return false;
}

/* The tables with their examples, for tests/unit/test_rule_examples.c. */
static const vb_rule_table rule_tables[] = {
    VB_RULE_TABLE("targets.number_words", number_word_rows, number_word_rows_examples),
};
const vb_rule_table *vb_numbers_rule_tables(size_t *n) {
    *n = sizeof rule_tables / sizeof *rule_tables;
    return rule_tables;
}
