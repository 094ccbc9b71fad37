/* sink.h — where a file's conversion goes, one document at a time.
 *
 * vb_pipeline_stream_file (pipeline.h) calls a sink in output order:
 *
 *   begin     once, when the file has been read, normalised and segmented
 *             (or a stage before extraction failed): r's source fields
 *             (path, sha256, format, bytes) are final and r->documents lists
 *             every document, segmented but not yet extracted;
 *   document  once per document, in order, with its facts extracted: d (and
 *             everything it points to) is valid until the call returns;
 *   end       once, after the last document: r->errors and
 *             r->file_warnings are final.
 *
 * Ownership: r and the documents belong to the pipeline.  Unless the sink
 * sets `keep`, a document's facts (references, dates, targets,
 * assignments, and the warnings extraction added) live in an arena of
 * their own that is freed as soon as `document` returns, and the document
 * in r->documents goes back to what segmentation made: a sink that needs
 * anything later copies it.  With `keep`, facts are extracted into
 * r->arena and stay (the whole-result API, vb_pipeline_convert_file).
 * What segmentation made (text, header, sections) lives in r->arena in
 * either case, until vb_result_free.
 *
 * A callback returns VB_OK to go on; any other status stops the file:
 * nothing more is extracted and no callback is called again (not even
 * `end`), and the status is passed back to the caller.  NULL callbacks
 * are skipped. */
#ifndef VB_SINK_H
#define VB_SINK_H
#include <stdbool.h>

#include "../core/doc.h"

typedef struct {
    vb_status (*begin)(void *ctx, const vb_result *r);
    vb_status (*document)(void *ctx, const vb_result *r, const vb_doc *d);
    vb_status (*end)(void *ctx, const vb_result *r);
    void *ctx;
    bool keep; /* documents keep their facts in r->arena */
} vb_sink;

#endif
