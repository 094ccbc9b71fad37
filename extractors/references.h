/* references.h — extractor for the documents a document cites.
 *
 * A citation is a type word or "số" followed by a number and symbol, in the
 * official form (361/QĐ-TTg, 178/2004/NĐ-CP) or the party form (14-KH/TU),
 * then optionally its date ("ngày 07 tháng 3 năm 2016", "ngày 07/10/2016"),
 * its issuer after "của" and its subject after "về", "về việc" or a verb
 * ("phê duyệt …", "ban hành …").  Laws cited by name with a date
 * ("Luật Phòng, chống ma túy năm 2021") are kept without a number.
 *
 * One vb_reference per cited document: mentions of the same number (or of
 * the same type and date when unnumbered) merge, every mention's span kept.
 * relation: `basis` when the sentence opens with "Căn cứ", `implements` when
 * "Thực hiện" / "Triển khai" leads straight to it, `cited` otherwise; the
 * strongest over all mentions wins.  The document's own number
 * (d->header.number) is not a reference.
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
/* Append d's references (spans are byte offsets into d->text). */
vb_status vb_references_extract(vb_references_rules *x, vb_doc *d, vb_arena *a);

/* For tests: *same = whether the number rows, tried only at the starts a
 * byte test admits (a digit run followed by the row's '/' or '-'), find in
 * text[0..len) exactly the matches of each row run over the whole text,
 * which holds the shape table in references.c to its patterns; *found =
 * how many matches. */
vb_status vb_references_numbers_check(vb_references_rules *x, const char *text, size_t len, bool *same,
                                      size_t *found);

#endif
