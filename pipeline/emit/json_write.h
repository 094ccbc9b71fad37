/* json_write.h — the contract JSON (shared/spec/contract.md).
 *
 * The writer streams the result straight to a FILE (json_out.h); this is
 * the one place that knows the contract's fields and their order.  Where a
 * caller needs the result as a jansson tree (compare, the stage commands),
 * the tree is read back from that same text, so both forms are the same
 * JSON by construction.  Spans are converted from internal
 * byte offsets to code points.  Field order is fixed, so output is
 * byte-stable for a given input. */
#ifndef VB_JSON_WRITE_H
#define VB_JSON_WRITE_H
#include <jansson.h>
#include <stdio.h>

#include "../core/doc.h"
#include "sink.h"

#define VB_SCHEMA_VERSION "1.0"

enum { VB_JSON_PRETTY = 1u << 0, VB_JSON_COMPACT = 1u << 1 };

/* Write the whole result to f (pretty unless VB_JSON_COMPACT), then a
 * newline.  VB_E_IO on a write failure, VB_E_INTERNAL on a string that is
 * not UTF-8 (the stages never produce one). */
vb_status vb_json_write_result(const vb_result *r, FILE *f, unsigned flags);
/* The same bytes written while the pipeline converts (sink.h): begin
 * writes what comes before the documents, document one document, end the
 * errors and warnings after them, the final newline, and flushes.  Each
 * returns the writer's first error (sticky, as vb_json_write_result's);
 * after a failure nothing more is written.  A stream holds no part of the
 * result: only its 16 KB output block.  vb_json_sink makes the sink that
 * calls them on s (s stays the caller's: free it after the conversion). */
typedef struct vb_json_stream vb_json_stream;
vb_json_stream *vb_json_stream_new(FILE *f, unsigned flags); /* NULL on no memory */
void vb_json_stream_free(vb_json_stream *s);
vb_status vb_json_stream_begin(vb_json_stream *s, const vb_result *r);
vb_status vb_json_stream_document(vb_json_stream *s, const vb_doc *d);
vb_status vb_json_stream_end(vb_json_stream *s, const vb_result *r);
vb_sink vb_json_sink(vb_json_stream *s);

/* The result, one document object (what `documents[]` holds) or its facts
 * alone ({references, dates, targets, assignments}) as new jansson
 * references, or NULL on no memory. */
json_t *vb_json_result(const vb_result *r);
json_t *vb_json_document(const vb_doc *d);
json_t *vb_json_facts(const vb_doc *d);

/* Dump a jansson value to f in the same layout, followed by a newline;
 * VB_E_IO on write failure. */
vb_status vb_json_dump(json_t *v, FILE *f, unsigned flags);

#endif
