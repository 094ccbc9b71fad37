/* outline.h — a light outline of a document's text for the targets and
 * assignments extractors: every non-blank line, classified as a heading
 * ("IV.", "2.", "2.1.", "a)"), a bullet ("- ", "+ ", "•") or plain text, with
 * the heading it sits under.
 *
 * Why not d->sections: these extractors need bullets and plain paragraphs as
 * well as headings, and must work on any text the normaliser hands over, so
 * they read the lines themselves with one small rule table.
 *
 * Ownership: vb_outline_scan fills a heap array the caller releases with
 * vb_linev_free (it is scratch, not part of the result). */
#ifndef VB_OUTLINE_H
#define VB_OUTLINE_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/arena.h"
#include "../pipeline/core/status.h"

enum { VB_NO_LINE = (size_t)-1 };

typedef enum { VB_LINE_TEXT = 0, VB_LINE_BULLET, VB_LINE_HEADING } vb_line_kind;

/* Heading ranks: smaller is higher.  Dotted labels sit under plain arabic ones
 * ("2.1" under "2"), letters under both. */
enum { VB_RANK_ROMAN = 1, VB_RANK_ARABIC = 2, VB_RANK_LETTER = 8 };

typedef struct {
    vb_line_kind kind;
    int rank;                /* headings only; 0 otherwise */
    size_t start, end;       /* the line without surrounding blanks */
    size_t body;             /* first byte after the label or bullet mark */
    size_t label_s, label_e; /* heading label ("IV", "2.1", "a") */
    size_t parent;           /* enclosing heading line, or VB_NO_LINE */
} vb_line;

typedef struct {
    vb_line *items;
    size_t len, cap;
} vb_linev;

typedef struct vb_outline_rules vb_outline_rules;

vb_status vb_outline_open(vb_outline_rules **out, char *err, size_t errlen);
void vb_outline_close(vb_outline_rules *r);
/* From now on take the plain row-by-row scans, never the fast paths (for
 * VANBAN_PLAIN_SCANS: the output must not change). */
void vb_outline_plain_scans(vb_outline_rules *r);

/* Split text[0..len) into lines and classify them. */
vb_status vb_outline_scan(const vb_outline_rules *r, const char *text, size_t len, vb_linev *out);
void vb_linev_free(vb_linev *v);

/* Make room for one more element in a heap scratch array {items, len, cap}
 * of `elem`-byte elements; false on no memory (the array is unchanged). */
bool vb_scratch_room(void **items, size_t len, size_t *cap, size_t elem);

/* Index one past the last line of the section headed by line h: the next
 * heading of the same or a higher rank, or v->len. */
size_t vb_outline_section_end(const vb_linev *v, size_t h);

/* True when line i lies inside the section headed by line h. */
bool vb_outline_within(const vb_linev *v, size_t i, size_t h);

/* "IV.1.a": the labels from the top heading down to heading h, in the arena. */
char *vb_outline_label_path(const vb_linev *v, size_t h, const char *text, vb_arena *a);

/* For tests: *same = whether the scan, trying a row only on lines whose
 * first byte PCRE2 lets the row start with, classifies every line of
 * text[0..len) as trying every row does; *filtered = how many rows have
 * such a filter. */
vb_status vb_outline_scan_check(vb_outline_rules *r, const char *text, size_t len, bool *same,
                                size_t *filtered);

/* This module's rule tables, each row with an example (rules.h), for tests. */
struct vb_rule_table;
const struct vb_rule_table *vb_outline_rule_tables(size_t *n);

#endif
