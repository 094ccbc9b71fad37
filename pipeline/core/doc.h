/* doc.h — the result model shared by every stage: one input file gives one
 * vb_result holding zero or more vb_doc, each with its normalised text, its
 * header, its section tree and its extracted facts.
 *
 * Ownership: every pointer inside a vb_result points into result->arena and is
 * freed with it by vb_result_free.  Strings are NUL-terminated UTF-8 in NFC.
 * NULL string means JSON null.
 *
 * Spans: internally a vb_span holds BYTE offsets into vb_doc.text (end
 * exclusive), because PCRE2 and the normaliser work in bytes.  The emitters
 * convert to code points with vb_doc_cp_offset, which is what the contract
 * promises.  A span is "unset" when start == end == 0 and has_span-style
 * flags say so; facts always carry one. */
#ifndef VB_DOC_H
#define VB_DOC_H
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "status.h"

typedef struct {
    size_t start, end; /* bytes into vb_doc.text */
} vb_span;

typedef enum { VB_KIND_UNKNOWN = 0, VB_KIND_OFFICIAL, VB_KIND_ARTICLE } vb_kind;
typedef enum { VB_REL_CITED = 0, VB_REL_BASIS, VB_REL_IMPLEMENTS } vb_relation;
typedef enum {
    VB_DATE_REFERENCE = 0, /* a date that belongs to a cited document or event */
    VB_DATE_ISSUED,        /* this document's own date */
    VB_DATE_DEADLINE,
    VB_DATE_PERIOD,
    VB_DATE_RECURRING
} vb_date_role;
typedef enum { VB_CMP_EQ = 0, VB_CMP_GE, VB_CMP_LE } vb_comparator;
typedef enum { VB_ROLE_ASSIGNED = 0, VB_ROLE_LEAD, VB_ROLE_REQUESTED } vb_role;

typedef struct {
    char **items;
    size_t len, cap;
} vb_strv;

typedef struct {
    vb_span *items;
    size_t len, cap;
} vb_spanv;

typedef struct {
    char *doc_type;      /* canonical name: "Quyết định" */
    char *doc_type_code; /* "QĐ" or NULL */
    char *number;        /* "361/QĐ-TTg", spaces removed, or NULL */
    char *date;          /* ISO or prefix, or NULL */
    char *issuer;        /* or NULL */
    char *subject;       /* or NULL */
    vb_relation relation;
    vb_span span;      /* first mention */
    vb_spanv mentions; /* every mention, first included */
} vb_reference;

/* A date's and a target's words as written are exactly the text under their
 * span: vb_doc_span_text reads them from the document, with no copy per fact
 * (on fact-dense text the copies cost more than the text itself). */
typedef struct {
    char *value; /* "2019-05-07", "2019-05", "2019", or "2016/2020" for a period */
    vb_date_role role;
    char *recurrence; /* "quarterly", "monthly", "yearly", "every 6 months"… or NULL */
    char *rule;       /* the same as an RFC 5545 RRULE, "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", or NULL */
    vb_span span;
} vb_date;

typedef struct {
    double value;
    double from; /* when has_from */
    char *unit;  /* percent, count, times, times_per_month, times_per_year… */
    char *indicator;
    char *theme;
    vb_span span;
    vb_comparator comparator;
    bool has_from; /* the small members last: 64 bytes, not 80, a target */
} vb_target;

typedef struct {
    char *unit;
    vb_role role;
    vb_strv tasks;
    vb_spanv task_spans; /* parallel to tasks */
    char *section;       /* "IV.1" or NULL */
    vb_span span;        /* the unit heading */
} vb_assignment;

typedef struct vb_section vb_section;
typedef struct {
    vb_section *items;
    size_t len, cap;
} vb_sectionv;

struct vb_section {
    char *label;  /* "I", "1", "2.1", "a", "-" */
    char *title;  /* heading text after the label, or NULL */
    int level;    /* 1 = top */
    vb_span span; /* the heading line */
    vb_span body; /* heading start .. end of the last descendant */
    vb_sectionv children;
};

typedef struct {
    char *code; /* stable: W_BLANK_NUMBER, W_BLANK_DATE, W_SECTION_SKIPPED… */
    char *message;
    bool has_span;
    vb_span span;
} vb_warning;

typedef struct {
    char *issuer;
    char *issuer_parent;
    char *number;
    char *doc_type;
    char *doc_type_code;
    char *place;
    char *date;
    char *subject;
    vb_strv recipients;
    char *signer;
    vb_strv distribution;
    /* where each field was read, for checking (unset spans are 0,0) */
    vb_span issuer_span, number_span, date_span, subject_span, signer_span;
} vb_header;

typedef struct {
    vb_reference *items;
    size_t len, cap;
} vb_referencev;
typedef struct {
    vb_date *items;
    size_t len, cap;
} vb_datev;
typedef struct {
    vb_target *items;
    size_t len, cap;
} vb_targetv;
typedef struct {
    vb_assignment *items;
    size_t len, cap;
} vb_assignmentv;
typedef struct {
    vb_warning *items;
    size_t len, cap;
} vb_warningv;

typedef struct {
    vb_kind kind;
    char *text;      /* normalised text of this document */
    size_t text_len; /* bytes */
    size_t base;     /* byte offset of text within the file's normalised text */
    vb_header header;
    vb_referencev references;
    vb_datev dates;
    vb_targetv targets;
    vb_assignmentv assignments;
    vb_sectionv sections; /* top level */
    vb_warningv warnings;
    /* code-point index: cp_marks[i] = code points before byte i*VB_CP_STEP */
    size_t *cp_marks;
    size_t n_cp_marks;
} vb_doc;

enum { VB_CP_STEP = 256 };

typedef struct {
    char *code;
    char *message;
} vb_error;

typedef struct {
    vb_error *items;
    size_t len, cap;
} vb_errorv;

typedef struct {
    vb_doc *items;
    size_t len, cap;
} vb_docv;

typedef struct {
    vb_arena *arena;
    char *path;
    char *sha256;       /* lowercase hex */
    const char *format; /* "docx" | "txt"; NULL when the content was never read */
    size_t bytes;
    vb_docv documents;
    vb_errorv errors;
    vb_warningv file_warnings; /* about the container, not a document */
} vb_result;

/* Replace, in place, every byte of an invalid UTF-8 sequence in s with '?',
 * so a file name or message from outside can always go into JSON/XML. */
void vb_utf8_scrub(char *s);

/* Code points in s[0..n) of UTF-8 (bytes that are not continuation bytes). */
size_t vb_utf8_count(const char *s, size_t n);

/* A new, empty result with its own arena; NULL on no memory.  The path is
 * kept scrubbed (file names need not be UTF-8). */
vb_result *vb_result_new(const char *path);
void vb_result_free(vb_result *r);
/* Record an error (code from status, message printf-style). Returns s. */
vb_status vb_result_error(vb_result *r, vb_status s, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Add a warning to a document. Returns 0/-1. */
int vb_doc_warn(vb_arena *a, vb_doc *d, const char *code, const vb_span *span, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Build the code-point index for d->text (call once text is final). */
int vb_doc_index(vb_arena *a, vb_doc *d);
/* Code points before byte offset `byte` of d->text. */
size_t vb_doc_cp_offset(const vb_doc *d, size_t byte);
/* The bytes of d->text under s (clamped to the text): *len of them, NOT
 * NUL-terminated.  Normalised text holds no NUL, so they are the whole words. */
const char *vb_doc_span_text(const vb_doc *d, vb_span s, size_t *len);

/* Names used in JSON/XML for enums. */
const char *vb_kind_name(vb_kind k);
const char *vb_relation_name(vb_relation r);
const char *vb_date_role_name(vb_date_role r);
const char *vb_comparator_name(vb_comparator c);
const char *vb_role_name(vb_role r);

#endif
