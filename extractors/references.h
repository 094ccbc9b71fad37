/* references.h — extractor for the documents a document cites.
 *
 * A citation is a type word, a type code ("NQ số") or "số" (also as OCR
 * leaves it: "so", "sô", "s6") followed by a number and symbol in the
 * grammar of Decree 30/2020: the official form (361/QĐ-TTg, 178/2004/NĐ-CP,
 * 36/2014/TTLT-BGDĐT-BNV, 36a/NQ-CP), the party form (14-KH/TU), a symbol
 * cut by a wrapped line rejoined ("NĐ- CP", "TTr -SNN").  Then optionally
 * its date ("ngày 07 tháng 3 năm 2016", "ngày 07/10/2016"), its issuer after
 * "của" and its subject after "về", "về việc" or a verb ("phê duyệt …",
 * "ban hành …").  A date the sentence gives just before the citation
 * ("ngày 13/5/2016, Bộ đã có Công văn … (Công văn số …)") is its date.  A
 * full symbol with a year and a known type code, followed by its date, is a
 * citation without any prefix.  Laws cited by name with a date ("Luật
 * Phòng, chống ma túy năm 2021") are kept without a number.
 *
 * One vb_reference per cited document: mentions of the same number (case
 * aside: an all-capitals title's "812/QĐ-TTG" is the body's "812/QĐ-TTg",
 * whose spelling is kept), or of the same type and date when unnumbered,
 * merge, every mention's span kept.  relation: `basis` when "Căn cứ" opens
 * the sentence, `implements` when "Thực hiện" / "Triển khai" leads straight
 * to it (or to the list it is in), `cited` otherwise; the firmest over all
 * mentions wins, a "Căn cứ" straight before the citation the firmest, one
 * opening a sentence about something else below "Thực hiện".  The
 * document's own number (d->header.number, loosely: "1961/QĐUBND" of 2019
 * is "1961/2019/QĐ-UBND") is not a reference.
 *
 * vb_references_open compiles the tables once (JIT); one handle serves one
 * thread at a time. */
#ifndef VB_EXTRACT_REFERENCES_H
#define VB_EXTRACT_REFERENCES_H
#include <stdbool.h>
#include <stddef.h>

#include "../pipeline/core/doc.h"

typedef struct vb_references_rules vb_references_rules;

vb_status vb_references_open(vb_references_rules **out, char *err, size_t errlen);
void vb_references_close(vb_references_rules *x);
/* From now on take the plain row-by-row scans, never the fast paths (for
 * VANBAN_PLAIN_SCANS: the output must not change). */
void vb_references_plain_scans(vb_references_rules *x);
/* Append d's references (spans are byte offsets into d->text). */
vb_status vb_references_extract(vb_references_rules *x, vb_doc *d, vb_arena *a);

/* For tests: *same = whether the number rows, tried only at the starts a
 * byte test admits (a digit run followed by the row's '/' or '-'), find in
 * text[0..len) exactly the matches of each row run over the whole text,
 * which holds the shape table in references.c to its patterns; *found =
 * how many matches. */
vb_status vb_references_numbers_check(vb_references_rules *x, const char *text, size_t len, bool *same,
                                      size_t *found);

/* This module's rule tables, each row with an example (rules.h), for tests. */
struct vb_rule_table;
const struct vb_rule_table *vb_references_rule_tables(size_t *n);
/* The tables vb_references_open built (a prefix row per document type and
 * alias, the end rows), with their examples, for tests; valid while x is
 * open. */
const struct vb_rule_table *vb_references_built_tables(const vb_references_rules *x, size_t *n);

#endif
