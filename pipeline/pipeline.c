#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>

#include "../extractors/extract.h"
#include "segment/segment.h"

struct vb_pipeline {
    vb_pipeline_options opt;
    vb_normalizer *norm;
    vb_segmenter *seg;
    vb_extractors *extract;
    vb_ingest_state *ingest; /* this worker's DOCX template cache */
};

void vb_pipeline_options_default(vb_pipeline_options *o) {
    vb_limits_default(&o->limits);
    vb_norm_options_default(&o->norm);
    o->run_extractors = 1;
}

vb_status vb_pipeline_open(const vb_pipeline_options *o, vb_pipeline **out) {
    vb_pipeline *p = calloc(1, sizeof *p);
    if (!p) return VB_E_NOMEM;
    p->opt = *o;
    p->ingest = vb_ingest_state_new();
    vb_status s = p->ingest ? vb_normalizer_open(&o->norm, &p->norm) : VB_E_NOMEM;
    char err[512] = "";
    if (s == VB_OK) {
        s = vb_segmenter_open(&p->seg, err, sizeof err);
        if (s != VB_OK) fprintf(stderr, "vanban: %s: %s\n", vb_status_code(s), err);
    }
    if (s == VB_OK) {
        s = vb_extractors_open(&p->extract, err, sizeof err);
        if (s != VB_OK) fprintf(stderr, "vanban: %s: %s\n", vb_status_code(s), err);
    }
    if (s != VB_OK) {
        vb_pipeline_close(p);
        return s;
    }
    *out = p;
    return VB_OK;
}

void vb_pipeline_close(vb_pipeline *p) {
    if (!p) return;
    vb_normalizer_close(p->norm);
    vb_segmenter_close(p->seg);
    vb_extractors_close(p->extract);
    vb_ingest_state_free(p->ingest);
    free(p);
}

/* Stages 2-3 on blocks ingested into `ingested`, which is freed here as
 * soon as normalisation is done.  The normalised text lives in an arena of
 * its own, freed once segmentation has copied out what the documents keep:
 * the blocks, the text's line table and the text itself (several bytes
 * per input byte together) are never all held while documents are
 * extracted. */
static vb_status segment_stages(vb_pipeline *p, vb_result *r, vb_arena *ingested, const vb_blockv *blocks) {
    vb_normtext nt;
    vb_arena *norm = vb_arena_create();
    /* a stage that already said why it failed is not reported twice */
    vb_status s = norm ? vb_normalize_blocks(p->norm, blocks, norm, &nt) : VB_E_NOMEM;
    vb_arena_destroy(ingested);
    if (s != VB_OK) {
        vb_arena_destroy(norm);
        return r->errors.len ? s : vb_result_error(r, s, "%s: normalisation failed", r->path);
    }
    s = vb_segment(p->seg, &nt, r);
    /* The document that runs to the end of the text shares it (segment.h):
     * it gets a copy in r's arena before the text goes. */
    for (size_t i = 0; i < r->documents.len; i++) {
        vb_doc *d = &r->documents.items[i];
        if (d->text < nt.text || d->text > nt.text + nt.len) continue;
        d->text = vb_arena_strndup(r->arena, d->text, d->text_len);
        if (!d->text && s == VB_OK) s = VB_E_NOMEM;
    }
    vb_arena_destroy(norm);
    if (s != VB_OK) return r->errors.len ? s : vb_result_error(r, s, "%s: segmentation failed", r->path);
    return VB_OK;
}

/* Stages 1-3: ingest into an arena of the conversion's own (blocks are not
 * part of the result), then segment_stages. */
static vb_status read_stages(vb_pipeline *p, vb_result *r, const char *path, const unsigned char *data,
                             size_t len) {
    vb_arena *ingested = vb_arena_create();
    if (!ingested) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
    vb_blockv blocks = {0};
    vb_status s = path ? vb_ingest_file_in(p->ingest, path, &p->opt.limits, ingested, r, &blocks)
                       : vb_ingest_buffer_in(p->ingest, data, len, &p->opt.limits, ingested, r, &blocks);
    if (s != VB_OK) {
        vb_arena_destroy(ingested);
        return s;
    }
    return segment_stages(p, r, ingested, &blocks);
}

static vb_status call(vb_status (*fn)(void *, const vb_result *), const vb_sink *k, const vb_result *r) {
    return fn ? fn(k->ctx, r) : VB_OK;
}

/* Stage 4 and the sink, one document at a time.  `s` is the status of the
 * stages before: extraction runs only after they all succeeded, and stops
 * at the first document it fails on (the rest go out as segmented), as the
 * whole-result conversion always did. */
static vb_status extract_stages(vb_pipeline *p, vb_result *r, vb_status s, const vb_sink *k,
                                vb_status *sink_status) {
    bool extract = s == VB_OK && p->opt.run_extractors;
    vb_status ks = call(k->begin, k, r);
    for (size_t i = 0; i < r->documents.len && ks == VB_OK; i++) {
        vb_doc *d = &r->documents.items[i];
        const vb_doc segmented = *d;
        vb_arena *facts = NULL;
        if (extract) {
            facts = k->keep ? r->arena : vb_arena_create();
            vb_status es = facts ? vb_extract_doc(p->extract, d, facts) : VB_E_NOMEM;
            if (es != VB_OK) {
                s = vb_result_error(r, es, "%s: extraction failed in document %zu", r->path, i + 1);
                extract = false;
            }
        }
        if (k->document) ks = k->document(k->ctx, r, d);
        if (!k->keep) {
            *d = segmented; /* nothing may point into the arena freed next */
            vb_arena_destroy(facts);
        }
    }
    if (ks == VB_OK) ks = call(k->end, k, r);
    if (sink_status) *sink_status = ks;
    return s;
}

vb_status vb_pipeline_stream_file(vb_pipeline *p, const char *path, const vb_sink *sink, vb_result **out,
                                  vb_status *sink_status) {
    if (sink_status) *sink_status = VB_OK;
    vb_result *r = vb_result_new(path);
    *out = r;
    if (!r) return VB_E_NOMEM;
    return extract_stages(p, r, read_stages(p, r, path, NULL, 0), sink, sink_status);
}

vb_status vb_pipeline_stream_buffer(vb_pipeline *p, const char *name, const unsigned char *data, size_t len,
                                    const vb_sink *sink, vb_result **out, vb_status *sink_status) {
    if (sink_status) *sink_status = VB_OK;
    vb_result *r = vb_result_new(name);
    *out = r;
    if (!r) return VB_E_NOMEM;
    return extract_stages(p, r, read_stages(p, r, NULL, data ? data : (const unsigned char *)"", len), sink,
                          sink_status);
}

/* The whole result: a sink that only keeps. */
static const vb_sink keep_all = {.keep = true};

vb_status vb_pipeline_convert_file(vb_pipeline *p, const char *path, vb_result **out) {
    return vb_pipeline_stream_file(p, path, &keep_all, out, NULL);
}

vb_status vb_pipeline_convert_buffer(vb_pipeline *p, const char *name, const unsigned char *data, size_t len,
                                     vb_result **out) {
    return vb_pipeline_stream_buffer(p, name, data, len, &keep_all, out, NULL);
}
