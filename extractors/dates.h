/* dates.h — extractor for dates, periods, deadlines and recurrences, and the
 * small date parser other modules reuse.
 *
 * vb_dates_open compiles the rule table (dates.c) once, with JIT;
 * vb_dates_extract appends to d->dates one fact per date mention, each with a
 * span into d->text whose bytes are exactly the words the date came from.
 * Roles: `issued` for the document's own date (d->header.date_span when set,
 * else the first "<Place>, ngày …" line), `deadline` after "trước", "chậm
 * nhất", "hạn chót"…, `period` for "giai đoạn 2016-2020" (value
 * "2016/2020"), `recurring` for "hàng quý", "định kỳ 6 tháng" and days that
 * come back ("trước ngày 15/12 hằng năm", "ngày 10 của tháng cuối quý";
 * value NULL, recurrence and an RRULE rule set), `reference` otherwise.  A blank placeholder
 * ("ngày … tháng … năm 2024") gives the known prefix and a W_BLANK_DATE
 * warning.  Run it after vb_references_extract: dates inside a reference
 * mention are always `reference`. */
#ifndef VB_EXTRACT_DATES_H
#define VB_EXTRACT_DATES_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_dates_rules vb_dates_rules;

vb_status vb_dates_open(vb_dates_rules **out, char *err, size_t errlen);
void vb_dates_close(vb_dates_rules *x);
/* From now on take the plain row-by-row scans, never the fast paths (for
 * VANBAN_PLAIN_SCANS: the output must not change). */
void vb_dates_plain_scans(vb_dates_rules *x);
vb_status vb_dates_extract(vb_dates_rules *x, vb_doc *d, vb_arena *a);

/* For tests: *same = whether the one-pass scan of the date rows finds in
 * text[0..len) exactly the matches of scanning each row on its own (which
 * holds the guard of date_scan in dates.c to the rows); *found = how many
 * matches (found may be NULL). */
vb_status vb_dates_scan_check(vb_dates_rules *x, const char *text, size_t len, bool *same, size_t *found);

/* True when y-m-d is a real calendar day (1000 <= y <= 2999, leap years). */
bool vb_date_valid(int y, int m, int d);

/* Write an ISO 8601 value: "YYYY-MM-DD", or "YYYY-MM" when d == 0, or "YYYY"
 * when m == 0.  False (and out = "") when the parts are not a real date. */
bool vb_date_format(int y, int m, int d, char out[11]);

/* Parse one full Vietnamese date at the very start of s[0..len):
 *   [ngày] D tháng M [,] năm YYYY      "ngày 07 tháng 5 năm 2019"
 *   [ngày] D tháng M/YYYY
 *   [ngày] D/M/YYYY, D-M-YYYY, D.M.YYYY "ngày 07/10/2016", "22/3/2024"
 * Words match in lower, title or upper case; any whitespace (line breaks
 * included) may separate them.  OCR and wrapped lines: "ngày22/4/2022",
 * one space after a slash ("22 / 4/2022"), a year split after 19 or 20
 * ("20 21").  On success writes "YYYY-MM-DD" to iso, the
 * bytes used to *consumed (may be NULL) and returns true; impossible dates
 * (30/02, month 13) are rejected. */
bool vb_date_parse_vn(const char *s, size_t len, char iso[11], size_t *consumed);

/* Year of an ISO value or prefix ("2019-05-07", "2024"), or 0 when s is NULL
 * or does not start with four digits. */
int vb_date_year_of(const char *s);

/* This module's rule tables, each row with an example (rules.h), for tests. */
struct vb_rule_table;
const struct vb_rule_table *vb_dates_rule_tables(size_t *n);

#endif
