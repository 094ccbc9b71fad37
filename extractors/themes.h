/* themes.h — what a target is about, from a keyword table: communication,
 * training, inspection, enforcement, reintegration, healthy_communes,
 * integration, employment, digital, finance.  The keyword that occurs
 * first in the text decides (it is usually the head verb of the
 * indicator); a tie goes to the earlier row.
 * Adding a keyword or a theme = a line of extractors/data/themes.txt. */
#ifndef VB_THEMES_H
#define VB_THEMES_H
#include <stddef.h>

#include "../pipeline/core/status.h"

typedef struct vb_theme_rules vb_theme_rules;

vb_status vb_themes_open(vb_theme_rules **out, char *err, size_t errlen);
void vb_themes_close(vb_theme_rules *r);

/* Theme of s[0..n), or NULL when no keyword occurs. */
const char *vb_theme_of(const vb_theme_rules *r, const char *s, size_t n);

/* The rows as built by vb_themes_open, each with an example (rules.h), for
 * tests; valid while r is open. */
struct vb_rule_table;
const struct vb_rule_table *vb_themes_built_tables(const vb_theme_rules *r, size_t *n);

#endif
