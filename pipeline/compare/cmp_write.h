/* cmp_write.h — the report writers of `vanban compare`.  They only format
 * an analysed vb_cmp_set (see compare.h); none of them changes it except to
 * copy strings into its arena.
 *
 * HTML: one self-contained file (inline CSS and SVG, no script, no network),
 *   every fact linked to its quoted sentence in a per-plan "sources" list and
 *   carrying the span's words in a title attribute.  All text is escaped.
 * CSV: DIR/targets.csv, units.csv, basis.csv, chain.csv, timeline.csv; one
 *   row per fact ("tidy"), UTF-8 with BOM, RFC 4180 quoting, CRLF rows.
 * Markdown: the same tables as the HTML, as GitHub-style pipe tables. */
#ifndef VB_CMP_WRITE_H
#define VB_CMP_WRITE_H
#include <stdio.h>

#include "compare.h"

/* `failed` lists inputs that could not be compared (shown in the report). */
vb_status vb_cmp_write_html(vb_cmp_set *s, const char *const *failed, size_t n_failed, FILE *f);
/* Writes the five files into dir (which must exist); err names the file on failure. */
vb_status vb_cmp_write_csv(vb_cmp_set *s, const char *dir, char *err, size_t errlen);
vb_status vb_cmp_write_md(vb_cmp_set *s, FILE *f);

/* Sector and basis rows in report order (most plans first): `sectors`
 * holds s->sectors.len indexes, `basis` s->basis.len; both heap, freed by
 * vb_cmp_orders_free.  HTML, CSV and Markdown share them. */
typedef struct {
    int *sectors, *basis;
} vb_cmp_orders;
vb_status vb_cmp_orders_make(const vb_cmp_set *s, vb_cmp_orders *o);
void vb_cmp_orders_free(vb_cmp_orders *o);
/* "1 reference", "3 references": `word` is the singular; an -s plural. */
void vb_cmp_count(FILE *f, size_t n, const char *word);
/* The report's summary line: "2 documents from 4 inputs (1 left out by
 * --only-type)." */
void vb_cmp_summary(FILE *f, const vb_cmp_set *s);

/* A recurring date's cycle for people: "quarterly, day 10 of months 3, 6,
 * 9, 12", "yearly, 15/12", "monthly, day 20"; the recurrence alone when the
 * rule names no day; "" when neither is known. */
void vb_cmp_cycle_text(const char *recurrence, const char *rule, char *buf, size_t len);

/* Display name of a theme row: "Healthy communes". */
const char *vb_cmp_theme_title(int theme);

#endif
