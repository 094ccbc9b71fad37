/* doctypes.h — the document types of Decree 30/2020/NĐ-CP (Appendix III)
 * plus the legal-document and party types that directives cite, with their
 * official abbreviations.  One table, shared by the header reader and the
 * extractors: add a type by adding a row in doctypes.c. */
#ifndef VB_DOCTYPES_H
#define VB_DOCTYPES_H
#include <stddef.h>

typedef struct {
    const char *name;  /* canonical: "Kế hoạch" */
    const char *code;  /* "KH"; NULL for Công văn, Luật … */
    const char *title; /* as printed in a header title line: "KẾ HOẠCH" */
} vb_doctype;

extern const vb_doctype vb_doctypes[];
extern const size_t vb_doctypes_count;

/* Type whose code equals code[0..len) exactly (case-sensitive), or NULL. */
const vb_doctype *vb_doctype_by_code(const char *code, size_t len);
/* Type whose title or name equals s[0..len) ignoring case (ASCII+Vietnamese
 * via ICU case folding), or NULL. */
const vb_doctype *vb_doctype_by_name(const char *s, size_t len);

#endif
