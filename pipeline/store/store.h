/* store.h — the SQLite store behind `vanban batch --db`: every result as
 * rows (files, documents with their header, references, dates, targets,
 * assignments, tasks, sections, warnings, errors) plus a `links` view that
 * resolves a reference to a stored document.
 *
 * Contract:
 *  - One vb_store owns one sqlite3 connection; it is not thread-safe: exactly
 *    one thread calls it (batch feeds it from its single writer).
 *  - Opening creates the schema (PRAGMA user_version =
 *    VB_STORE_SCHEMA_VERSION) or upgrades a version-1 or -2 store, safely when
 *    several processes open a new store at once; turns foreign keys on
 *    and, for a file, WAL; a writer waits up to a minute for another's lock.
 *  - One `files` row per input path: putting a result deletes every row
 *    stored for the same path first, in the same transaction (one per
 *    input), so re-importing never duplicates; two paths with the same
 *    bytes are two files (the manifest and the store count alike).
 *  - The `same_document` view gives every document an identity_id shared
 *    by its copies in other files (same type, number, issuer and date).
 *  - Matching keys (number_key, issuer_key, unit_key) are ICU-folded: no
 *    case, no diacritics, đ → d, dashes unified; numbers also lose spaces.
 *  - Spans are code points into documents.text, as in the JSON contract. */
#ifndef VB_STORE_H
#define VB_STORE_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/doc.h"
#include "../core/status.h"

enum { VB_STORE_SCHEMA_VERSION = 3 };

typedef struct vb_store vb_store;

/* Open (creating if needed) the store at `path` (":memory:" for tests).
 * On failure returns VB_E_DB (or VB_E_NOMEM) with a message in err. */
vb_status vb_store_open(const char *path, vb_store **out, char *err, size_t errlen);
void vb_store_close(vb_store *s);

/* Replace the rows of r's file by r; status "ok" when r has no error,
 * "error" otherwise. */
vb_status vb_store_put_result(vb_store *s, const vb_result *r, const char *tool_version);

/* The same, one document at a time (a result streamed by the pipeline,
 * pipeline.h), in one transaction held open from begin to end: begin
 * deletes the path's old rows and writes the file row (r's source fields
 * must be final: from the sink's begin), put_document writes a document
 * with its facts (ordinals count from 1), end writes the file's warnings
 * and errors, sets its status and commits.  Any failure rolls the whole
 * file back (nothing of it is stored) and returns its status; after a
 * failure, or to give up between begin and end, vb_store_abort (a no-op
 * when nothing is open).  The rows are those vb_store_put_result writes,
 * with the same ids. */
typedef struct {
    long long id;
    size_t documents;
} vb_store_file;
vb_status vb_store_begin_result(vb_store *s, const vb_result *r, const char *tool_version, vb_store_file *f);
vb_status vb_store_put_document(vb_store *s, vb_store_file *f, const vb_doc *d);
vb_status vb_store_end_result(vb_store *s, vb_store_file *f, const vb_result *r);
void vb_store_abort(vb_store *s);

/* Record an input that was not converted (not a .docx/.txt in a folder). */
vb_status vb_store_put_skipped(vb_store *s, const char *path, const char *code, const char *message,
                               const char *tool_version);

/* Call fn(path, sha256, ctx) for every converted file stored by
 * tool_version; fn returns 0 to go on, non-zero to stop (returned as
 * VB_E_INTERNAL). */
vb_status vb_store_each_file(vb_store *s, const char *tool_version,
                             int (*fn)(const char *path, const char *sha256, void *ctx), void *ctx);

/* The connection, for read-only queries from the owning thread (tests,
 * callers that want to ask the store something). */
struct sqlite3;
struct sqlite3 *vb_store_db(vb_store *s);

/* The last SQLite message, for error reports. */
const char *vb_store_errmsg(const vb_store *s);

/* The schema as SQL (for `.schema`-less readers and the tests), and the
 * step from version 1 (run under BEGIN IMMEDIATE, foreign keys off). */
extern const char vb_store_schema_sql[];
extern const char vb_store_migrate_v1_sql[];
extern const char vb_store_migrate_v2_sql[];

#endif
