/* pipeline.h — the stages fused in one process: ingest → normalise →
 * segment → extract.  A vb_pipeline owns everything that is expensive to
 * build (ICU normaliser, compiled PCRE2 rule tables): make one per worker
 * thread and convert many files with it. */
#ifndef VB_PIPELINE_H
#define VB_PIPELINE_H
#include "core/doc.h"
#include "emit/sink.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"

typedef struct vb_pipeline vb_pipeline;

typedef struct {
    vb_limits limits;
    vb_norm_options norm;
    int run_extractors; /* 1 (default) or 0 for stage debugging */
    int plain_scans;    /* 1: no fast scan path (default: VANBAN_PLAIN_SCANS=1) */
} vb_pipeline_options;

void vb_pipeline_options_default(vb_pipeline_options *o);

vb_status vb_pipeline_open(const vb_pipeline_options *o, vb_pipeline **out);
void vb_pipeline_close(vb_pipeline *p);

/* Convert one file, the whole result at once: every document with its
 * facts, in r->arena (what compare, validate and the tests need).  Always
 * returns a result (NULL only when out of memory); a file that cannot be
 * read gives documents=[] and errors=[…].  The status is the first
 * error's, or VB_OK. */
vb_status vb_pipeline_convert_file(vb_pipeline *p, const char *path, vb_result **out);
vb_status vb_pipeline_convert_buffer(vb_pipeline *p, const char *name, const unsigned char *data, size_t len,
                                     vb_result **out);

/* Convert one file into a sink (emit/sink.h), one document at a time:
 * each document is segmented and extracted into an arena of its own,
 * handed to the sink, and (unless sink->keep) freed after the next one is
 * made, so memory holds the file's normalised text and two documents, not
 * every document's facts.  Returns what vb_pipeline_convert_file returns
 * (the result, with r->documents empty unless sink->keep, and the first
 * error's status).  *sink_status (if not NULL) gets the sink's first
 * failure, or VB_OK.  The output is the same as from the whole result,
 * except when a document cannot be made at all (no memory): the documents
 * before it have then already gone out with their facts. */
vb_status vb_pipeline_stream_file(vb_pipeline *p, const char *path, const vb_sink *sink, vb_result **out,
                                  vb_status *sink_status);
vb_status vb_pipeline_stream_buffer(vb_pipeline *p, const char *name, const unsigned char *data, size_t len,
                                    const vb_sink *sink, vb_result **out, vb_status *sink_status);

#endif
