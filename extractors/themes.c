#include "themes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../pipeline/rules/rules.h"

#include "themes-healthy-evils.alt.inc"
#include "themes-healthy-negations.alt.inc"
#include "themes-healthy-places.alt.inc"

/* A phrase shape (its word lists: data/themes-healthy-*.txt): more specific than the themes of
 * themes.txt, it comes first and so wins ties at the same position. */
static const vb_rule_row healthy_communes = {"healthy_communes",
                                             "\\b(?:lành mạnh,?|" VB_ALT_THEMES_HEALTHY_PLACES
                                             "\\b[^.;\\n]{0,30}?)\\s+" VB_ALT_THEMES_HEALTHY_NEGATIONS
                                             "\\s+" VB_ALT_THEMES_HEALTHY_EVILS,
                                             0, "healthy_communes", 0};
static const char healthy_communes_example[] = "xây dựng xã không có tệ nạn ma túy";

typedef struct {
    const char *theme, *word;
} theme_word;
static const theme_word theme_words[] = {
#define X(theme, word) {theme, word},
#include "themes.inc"
#undef X
};
enum { N_WORDS = sizeof theme_words / sizeof *theme_words, MAX_THEMES = 32 };

struct vb_theme_rules {
    vb_rule_row rows[MAX_THEMES];
    const char *examples[MAX_THEMES]; /* a theme's example: its first word */
    vb_buf patterns[MAX_THEMES];
    size_t n;
    vb_ruleset rs;
    vb_rule_table table;
};

/* One row per theme, in the order themes first appear in themes.txt:
 * "\\b(?:word|word…)". */
static vb_status build_rows(vb_theme_rules *r) {
    r->examples[r->n] = healthy_communes_example;
    r->rows[r->n++] = healthy_communes;
    const char *words[N_WORDS];
    for (size_t i = 0; i < N_WORDS; i++) {
        if (i && !strcmp(theme_words[i].theme, theme_words[i - 1].theme)) continue;
        size_t n = 0;
        for (size_t j = i; j < N_WORDS && !strcmp(theme_words[j].theme, theme_words[i].theme); j++)
            words[n++] = theme_words[j].word;
        if (r->n == MAX_THEMES) return VB_E_INTERNAL;
        vb_buf *p = &r->patterns[r->n];
        vb_buf_puts(p, "\\b");
        vb_status st = vb_rule_alternation(p, words, n);
        const char *pattern = vb_buf_cstr(p);
        if (st != VB_OK || !pattern) return VB_E_NOMEM;
        r->examples[r->n] = theme_words[i].word;
        r->rows[r->n++] = (vb_rule_row){theme_words[i].theme, pattern, 0, theme_words[i].theme, 0};
    }
    return VB_OK;
}

static void free_rows(vb_theme_rules *r) {
    for (size_t i = 0; i < MAX_THEMES; i++) vb_buf_free(&r->patterns[i]);
}

vb_status vb_themes_open(vb_theme_rules **out, char *err, size_t errlen) {
    vb_theme_rules *r = calloc(1, sizeof *r);
    if (!r) return VB_E_NOMEM;
    for (size_t i = 0; i < MAX_THEMES; i++) vb_buf_init(&r->patterns[i]);
    vb_status s = build_rows(r);
    if (s == VB_OK)
        s = vb_ruleset_compile(&r->rs, r->rows, r->n, err, errlen);
    else
        snprintf(err, errlen, "themes: cannot assemble the rows");
    if (s != VB_OK) {
        free_rows(r);
        free(r);
        return s;
    }
    r->table = (vb_rule_table){"themes", r->rows, r->examples, r->n};
    *out = r;
    return VB_OK;
}

const vb_rule_table *vb_themes_built_tables(const vb_theme_rules *r, size_t *n) {
    *n = 1;
    return &r->table;
}

void vb_themes_close(vb_theme_rules *r) {
    if (!r) return;
    vb_ruleset_free(&r->rs);
    free_rows(r);
    free(r);
}

const char *vb_theme_of(const vb_theme_rules *r, const char *s, size_t n) {
    const char *best = NULL;
    size_t best_at = (size_t)-1;
    for (size_t i = 0; i < r->rs.len; i++) {
        const size_t *ov;
        if (vb_rule_match(&r->rs, i, s, n, 0, &ov, NULL) && ov[0] < best_at) {
            best_at = ov[0];
            best = r->rs.rules[i].row->value;
        }
    }
    return best;
}
