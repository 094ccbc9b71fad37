/* targets.h — quantified goals: percentages ("Ít nhất 70% cán bộ … được tập
 * huấn"), counts ("từ 74 xã … nâng lên 80 xã", "ít nhất 02 lớp"), and
 * frequencies ("ít nhất một lần một tháng", "02 lần/năm", "6 tháng một lần").
 *
 * Amounts in a unit ("đạt trên 48,3 triệu USD", "46.200 tấn", "35 tuần thực
 * học"; units and multiplier words in data/target-*.txt) are goals only in
 * a clause or section that sets one and not in a budget line; ratios
 * ("giảm 1,5 lần") are times, rates ("dưới 12/1.000 trẻ đẻ sống") per_1000.
 * A range "85 - 86%" is value 86 from 85.
 *
 * Each target gets value, optional from, unit (percent, count, times,
 * times_per_day/week/month/quarter/year; "6 tháng một lần" = 2/year), comparator
 * (ge for ít nhất/tối thiểu/trên/không dưới/… trở lên, le for không quá/
 * tối đa/dưới, else eq), indicator (what is measured, in the document's
 * words) and theme (themes.h).  Numbers that state no goal — section
 * numbers, dates, document numbers, "Quận 7", money — are not matched, and
 * sections reporting past results ("KẾT QUẢ", "TÌNH HÌNH") are skipped.
 *
 * Open compiles the rule tables once (JIT); extract appends to d->targets,
 * each with a span whose bytes are exactly target.text.  Not thread-safe:
 * one vb_targets_rules per thread (it owns PCRE2 match data). */
#ifndef VB_EXTRACT_TARGETS_H
#define VB_EXTRACT_TARGETS_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/doc.h"
#include "outline.h"

typedef struct vb_targets_rules vb_targets_rules;

vb_status vb_targets_open(vb_targets_rules **out, char *err, size_t errlen);
void vb_targets_close(vb_targets_rules *x);
/* From now on take the plain row-by-row scans, never the fast paths (for
 * VANBAN_PLAIN_SCANS: the output must not change). */
void vb_targets_plain_scans(vb_targets_rules *x);
/* The targets of d, with the outline of d->text already scanned
 * (vb_outline_scan of the same text: extract.c shares one scan). */
vb_status vb_targets_extract_lines(vb_targets_rules *x, vb_doc *d, vb_arena *a, const vb_linev *lines);

/* For tests: *same = whether the form rows, tried only near their anchor
 * words, find in text[0..len) exactly what each row finds run over the
 * whole text (same matches and groups), which holds the anchor table and
 * reaches in targets.c to their patterns; *found = how many matches. */
vb_status vb_targets_scan_check(vb_targets_rules *x, const char *text, size_t len, bool *same, size_t *found);

/* This module's rule tables, each row with an example (rules.h), for tests. */
struct vb_rule_table;
const struct vb_rule_table *vb_targets_rule_tables(size_t *n);
/* The tables vb_targets_open built from word lists (units, multipliers),
 * with their examples, for tests; valid while x is open. */
const struct vb_rule_table *vb_targets_built_tables(const vb_targets_rules *x, size_t *n);

#endif
