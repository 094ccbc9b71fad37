/* rules.h — a table of PCRE2 patterns compiled once with UTF|UCP and JIT.
 *
 * A rule table is an array of vb_rule_row: a name (for errors and tests),
 * the pattern, and an integer `tag` the module interprets (a doc type, a
 * date form, a relation…).  Adding a form = adding a row.  Patterns see the
 * normalised NFC text, matched caseless unless the row says otherwise. */
#ifndef VB_RULES_H
#define VB_RULES_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/status.h"

typedef struct {
    const char *name;
    const char *pattern;
    int tag;
    const char *value; /* optional string payload (canonical name, code…) */
    unsigned flags;    /* VB_RULE_CASED to match case-sensitively */
} vb_rule_row;

enum { VB_RULE_CASED = 1u << 0 };

typedef struct {
    const vb_rule_row *row;
    pcre2_code *code;
} vb_rule;

typedef struct {
    vb_rule *rules;
    size_t len;
    pcre2_match_data *md; /* sized for the largest rule; per ruleset (one thread) */
} vb_ruleset;

/* Compile rows[0..n).  On failure returns VB_E_REGEX and writes the row
 * name, offset and PCRE2 message into err. */
vb_status vb_ruleset_compile(vb_ruleset *rs, const vb_rule_row *rows, size_t n, char *err,
                             size_t errlen);
void vb_ruleset_free(vb_ruleset *rs);

/* Compile one pattern (UTF|UCP|CASELESS unless cased, JIT). NULL on error. */
pcre2_code *vb_rule_compile_one(const char *pattern, unsigned flags, char *err, size_t errlen);

/* Match rule i at or after `start` in subject[0..len).  Returns true and fills
 * ovector view (pairs of byte offsets) on a match. */
bool vb_rule_match(const vb_ruleset *rs, size_t i, const char *subject, size_t len,
                   size_t start, const size_t **ovector, int *npairs);

/* Byte range of named group `name` in the last match of rule i, or false. */
bool vb_rule_group(const vb_ruleset *rs, size_t i, const char *name, size_t *s, size_t *e);

#endif
