/* assignments.h — units given tasks in the responsibilities section ("PHÂN
 * CÔNG THỰC HIỆN", "TỔ CHỨC THỰC HIỆN", "TRÁCH NHIỆM"…; see assignments.c
 * for how the section, units and tasks are found).
 *
 * Each assignment has the unit's own words (no "Đề nghị", no colon), a role
 * (requested for "Đề nghị …", lead for the body presiding over the plan,
 * else assigned), its tasks with one span each, the section label path
 * ("IV.1") and a span on the unit name.  Closing text ("Trên đây là …",
 * "Nơi nhận", a line ending "./.") is never a task.
 *
 * Open compiles the rule tables once (JIT); extract appends to
 * d->assignments.  Not thread-safe: one vb_assignments_rules per thread. */
#ifndef VB_EXTRACT_ASSIGNMENTS_H
#define VB_EXTRACT_ASSIGNMENTS_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/doc.h"
#include "outline.h"

typedef struct vb_assignments_rules vb_assignments_rules;

vb_status vb_assignments_open(vb_assignments_rules **out, char *err, size_t errlen);
void vb_assignments_close(vb_assignments_rules *x);
/* The assignments of d, with the outline of d->text already scanned
 * (vb_outline_scan of the same text: extract.c shares one scan). */
vb_status vb_assignments_extract_lines(vb_assignments_rules *x, vb_doc *d, vb_arena *a,
                                       const vb_linev *lines);

/* This module's rule tables, each row with an example (rules.h), for tests. */
struct vb_rule_table;
const struct vb_rule_table *vb_assignments_rule_tables(size_t *n);
/* The tables vb_assignments_open built (a row per section title of
 * assign-sections.txt, the unit patterns with their word lists), with
 * their examples, for tests; valid while x is open. */
const struct vb_rule_table *vb_assignments_built_tables(const vb_assignments_rules *x, size_t *n);

#endif
