/* sink.h — where a file's conversion goes, one document at a time.
 *
 * vb_pipeline_stream_file (pipeline.h) calls a sink in output order:
 *
 *   begin     once, when the file has been read and normalised and where
 *             its documents are is known (or a stage before failed): r's
 *             source fields (path, sha256, format, bytes) are final;
 *   document  once per document, in order, segmented and with its facts
 *             extracted: d (and everything it points to) is valid until
 *             the call returns;
 *   end       once, after the last document: r->errors and
 *             r->file_warnings are final.
 *
 * Ownership: r and the documents belong to the pipeline.  Unless the sink
 * sets `keep`, each document (header, sections, facts, warnings; its text
 * may instead be a slice of the file's normalised text, which lives until
 * the file is done: segment.h) lives in an arena of its own, freed once
 * the next document is made (which may inherit its issuer and date),
 * and r->documents stays empty: a sink that needs anything of a document
 * after `document` returns copies it.  With `keep`, every document goes
 * into r->documents, in r->arena, and stays until vb_result_free (the
 * whole-result API, vb_pipeline_convert_file).
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
