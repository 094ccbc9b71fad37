/* manifest.h — OUTDIR/manifest.jsonl: one JSON line per input, in input
 * order, fields in a fixed order:
 *   {"path","output","sha256","status","cached","error_code","error",
 *    "format","bytes","documents","facts":{references,dates,targets,
 *    assignments,tasks,sections,warnings},"ms","tool_version"}
 * status is ok | error | skipped; "ms" is the only field that depends on
 * timing.  The previous manifest of an OUTDIR and the journal of a killed
 * run are read back (tolerantly: bad or half-written lines are ignored) to
 * find inputs that need no new conversion. */
#ifndef VB_BATCH_MANIFEST_H
#define VB_BATCH_MANIFEST_H
#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "../core/doc.h"
#include "../core/status.h"

typedef enum { VB_REC_OK = 0, VB_REC_ERROR, VB_REC_SKIPPED } vb_record_status;

typedef struct {
    size_t references, dates, targets, assignments, tasks, sections, warnings;
} vb_fact_counts;

/* One manifest line.  Strings are heap-owned (vb_record_clear frees them). */
typedef struct {
    char *path;
    char *output; /* below OUTDIR, or NULL */
    char *sha256; /* or NULL */
    vb_record_status status;
    bool cached;
    char *error_code; /* NULL when ok */
    char *error;      /* first error's message, or the skip reason */
    char *format;     /* docx | txt | NULL */
    size_t bytes;
    size_t documents;
    vb_fact_counts facts;
    double ms;
    char *tool_version;
} vb_record;

const char *vb_record_status_name(vb_record_status s);
void vb_record_clear(vb_record *r);
/* Deep copy; VB_E_NOMEM on failure (dst then cleared). */
vb_status vb_record_copy(vb_record *dst, const vb_record *src);
/* Fill counts, format, sha256, bytes, status and first error from a
 * whole result (its documents kept). */
vb_status vb_record_from_result(vb_record *rec, const vb_result *r);
/* The same in two steps, for a result streamed one document at a time
 * (pipeline.h): count each document while it is there (counts start at
 * zero), then finish with the file's own fields once it is converted. */
void vb_record_add_document(vb_record *rec, const vb_doc *d);
vb_status vb_record_finish(vb_record *rec, const vb_result *r);

/* The line as a JSON object (new reference), or NULL on no memory. */
json_t *vb_record_json(const vb_record *r);

/* Previous records, sorted by path for lookup. */
typedef struct {
    vb_record *items;
    size_t len;
} vb_manifest;

/* Read the files in order (a missing one adds nothing); for a path found
 * several times the last line read stands.  VB_E_IO when a file exists
 * but cannot be read. */
vb_status vb_manifest_load(const char *const *paths, size_t n_paths, vb_manifest *m);
const vb_record *vb_manifest_find(const vb_manifest *m, const char *path);
void vb_manifest_free(vb_manifest *m);

#endif
