/* compare.h — `vanban compare`: several plans side by side.
 *
 * A vb_cmp_set holds one vb_cmp_plan per document of every input.  Inputs
 * are contract JSON results (detected by content) or documents that are run
 * through the pipeline in-process; either way the plan is loaded from the
 * contract JSON shape, so spans are code-point offsets into the plan's text
 * and are checked against it (hostile JSON gives no source link, never an
 * out-of-bounds read).
 *
 * vb_cmp_analyse then derives the report tables (targets by theme, units by
 * sector, legal basis, the citation chain with its layout, the timeline);
 * the writers (cmp_html.h, cmp_csv.h, cmp_md.h) only format them.
 *
 * Ownership: every pointer inside a set lives in set->arena and dies with
 * vb_cmp_set_free.  A set is not thread-safe. */
#ifndef VB_COMPARE_H
#define VB_COMPARE_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"
#include "../core/fold.h"
#include "../core/status.h"
#include "../pipeline.h"

/* A quoted sentence: the fact's own words and the line around them. */
typedef struct {
    size_t cp_start, cp_end;     /* the span as given (code points) */
    size_t fact_start, fact_end; /* bytes into plan->text */
    size_t ctx_start, ctx_end;   /* bytes: the surrounding sentence/line */
    bool cut_before, cut_after;  /* the sentence was longer than shown */
} vb_cmp_source;

typedef struct {
    char *text, *unit, *comparator, *indicator, *theme;
    double value, from;
    bool has_from;
    int theme_index; /* into vb_cmp_themes */
    int src;         /* index into plan->sources, -1 when the span is unusable */
} vb_cmp_target;

typedef struct {
    char *unit, *role, *section;
    size_t n_tasks;
    int sector; /* index into set->sectors */
    int src;
} vb_cmp_unit;

typedef struct {
    char *doc_type, *doc_type_code, *number, *date, *issuer, *relation;
    int basis_row; /* index into set->basis, -1 when the reference has no number */
    int src;
} vb_cmp_ref;

typedef struct {
    char *text, *value, *role, *recurrence, *rule; /* rule: the RRULE of a recurring date */
    int src;
} vb_cmp_date;

#define VB_CMP_VEC(T)    \
    struct {             \
        T *items;        \
        size_t len, cap; \
    }

typedef struct {
    char *file;        /* input path as given */
    size_t file_index; /* which input */
    size_t doc_index;  /* which document of that input */
    char *kind;
    char *text;
    size_t text_len;
    size_t *cp_byte; /* byte offset of code point i, n_cp + 1 entries */
    size_t n_cp;
    /* header */
    char *number, *doc_type, *doc_type_code, *place, *date, *issuer, *issuer_parent, *subject;
    char *number_inferred; /* from a cover letter in the same file, or NULL */
    char *anchor;          /* "p1", "p2"… for HTML ids */
    char *label;           /* "Tây Ninh 2019 — KH 905/KH-UBND" */
    VB_CMP_VEC(vb_cmp_target) targets;
    VB_CMP_VEC(vb_cmp_unit) units;
    VB_CMP_VEC(vb_cmp_ref) refs;
    VB_CMP_VEC(vb_cmp_date) dates;
    VB_CMP_VEC(vb_cmp_source) sources;
} vb_cmp_plan;

/* Units of all plans grouped by sector ("lao dong thuong binh xa hoi"). */
typedef struct {
    char *key;   /* folded sector key */
    char *label; /* as written, level words stripped, from the first unit seen */
    size_t n_plans;
} vb_cmp_sector;

/* A cited document, one row of the legal-basis table. */
typedef struct {
    char *key; /* folded number */
    char *number, *doc_type, *date, *issuer;
    size_t n_plans; /* how many plans cite it */
    int in_set;     /* plan index when the cited document is itself compared, else -1 */
} vb_cmp_basis;

typedef struct {
    char *label;   /* short: the number, or the plan label */
    char *title;   /* longer, for the tooltip */
    int plan;      /* plan index, or -1 for a cited-only document */
    int basis_row; /* or -1 */
    int layer, order;
    double x, y;
} vb_cmp_node;

typedef struct {
    int from, to; /* node indexes: from cites to */
    char *relation;
} vb_cmp_edge;

typedef struct {
    int plan, date; /* plan index, index into its dates; date -1: header date */
    char *value, *role, *recurrence, *text;
    char *rule; /* RRULE of a recurring date, or NULL */
} vb_cmp_event;

typedef struct {
    vb_arena *arena;
    vb_folder *folder;
    VB_CMP_VEC(vb_cmp_plan) plans;
    VB_CMP_VEC(vb_cmp_sector) sectors;
    VB_CMP_VEC(vb_cmp_basis) basis;
    VB_CMP_VEC(vb_cmp_node) nodes;
    VB_CMP_VEC(vb_cmp_edge) edges;
    VB_CMP_VEC(vb_cmp_event) timeline;
    double graph_w, graph_h;
    size_t n_inputs;
    /* Which documents the report shows (set before vb_cmp_analyse): with
     * n_only_types > 0, those whose type matches one of only_types (see
     * vb_cmp_type_matches); plans (Kế hoạch) always come first. */
    const char *const *only_types;
    size_t n_only_types;
    size_t n_left_out; /* documents that --only-type left out */
} vb_cmp_set;

/* The theme rows, in report order; the last is "other". */
extern const char *const vb_cmp_themes[];
enum { VB_CMP_N_THEMES = 8 };
int vb_cmp_theme_index(const char *theme);

vb_status vb_cmp_set_new(vb_cmp_set **out);
void vb_cmp_set_free(vb_cmp_set *s);

/* Add every document of one contract JSON result (an object with
 * "documents"); `path` names it in the report.  VB_E_SCHEMA when it is not
 * a result, VB_E_EMPTY when it holds no document (a failed conversion). */
vb_status vb_cmp_add_json(vb_cmp_set *s, const char *path, const json_t *result);
/* Add an input file: JSON result(s) when the content is JSON, otherwise the
 * file is converted with `p`.  On failure `err` holds a message. */
vb_status vb_cmp_add_file(vb_cmp_set *s, vb_pipeline *p, const char *path, char *err, size_t errlen);

/* Whether plan p is of type `want`: its type code ("KH", "QĐ"), its type
 * name ("Kế hoạch", "ke hoach": folded, so case and diacritics do not
 * matter), or its kind ("official", "article"). */
bool vb_cmp_type_matches(vb_cmp_set *s, const vb_cmp_plan *p, const char *want);

/* Derive labels, sectors, basis rows, the chain and the timeline. */
vb_status vb_cmp_analyse(vb_cmp_set *s);

/* Text of a source (the fact's words), as a NUL-terminated arena copy. */
const char *vb_cmp_source_text(vb_cmp_set *s, const vb_cmp_plan *p, int src);
/* "≥ 70%", "80 (from 74)", "≥ 1/month" into buf. */
void vb_cmp_target_format(const vb_cmp_target *t, char *buf, size_t len);

#endif
