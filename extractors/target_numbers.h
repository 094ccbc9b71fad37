/* target_numbers.h — numbers as goals are written: digits ("70", "02",
 * "2,5" with a decimal comma) or a Vietnamese number word ("một" … "mười").
 *
 * The words and their values are data (extractors/data/target-number-words.txt):
 * targets.c embeds them in its pattern for "a number" (VB_NUM), and
 * vb_number_parse gives each its value, so a new word is one line there. */
#ifndef VB_TARGET_NUMBERS_H
#define VB_TARGET_NUMBERS_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/status.h"

typedef struct vb_number_rules vb_number_rules;

vb_status vb_numbers_open(vb_number_rules **out, char *err, size_t errlen);
void vb_numbers_close(vb_number_rules *r);

/* Value of s[0..n) (digits or one number word); false if it is neither. */
bool vb_number_parse(const vb_number_rules *r, const char *s, size_t n, double *value);

/* This module's rule tables, each row with an example (rules.h), for tests. */
struct vb_rule_table;
const struct vb_rule_table *vb_numbers_rule_tables(size_t *n);

#endif
