#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    const char *plain = getenv("VANBAN_PLAIN_SCANS");
    o->plain_scans = plain && strcmp(plain, "1") == 0;
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
    if (o->plain_scans) {
        vb_segmenter_plain_scans(p->seg);
        vb_extractors_plain_scans(p->extract);
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

/* One conversion's working state.  Ingest's blocks live in `ingested`
 * until normalisation is done; the normalised text, its line table and the
 * documents' line ranges in `norm` until the last document is made.  A
 * document streamed to a sink lives in an arena of its own (`doc`), kept
 * until the next one is made, which may inherit from it (segment.h). */
typedef struct {
    vb_pipeline *p;
    vb_result *r;
    const vb_sink *sink;
    vb_arena *ingested, *norm, *doc, *prev_doc;
    vb_normtext nt;
    vb_line_ranges ranges;
    vb_blockv blocks;
} conversion;

static void conversion_free(conversion *c) {
    vb_arena_destroy(c->ingested);
    if (c->norm != c->r->arena) vb_arena_destroy(c->norm);
    vb_arena_destroy(c->doc);
    vb_arena_destroy(c->prev_doc);
}

/* Stages 1-3 up to where the documents are: ingest, normalise, and the
 * segmenter's plan.  A stage that already said why it failed is not
 * reported twice. */
static vb_status read_stages(conversion *c, const char *path, const unsigned char *data, size_t len) {
    vb_pipeline *p = c->p;
    vb_result *r = c->r;
    if (!(c->ingested = vb_arena_create())) return vb_result_error(r, VB_E_NOMEM, "%s: no memory", r->path);
    vb_status s = path
                      ? vb_ingest_file_in(p->ingest, path, &p->opt.limits, c->ingested, r, &c->blocks)
                      : vb_ingest_buffer_in(p->ingest, data, len, &p->opt.limits, c->ingested, r, &c->blocks);
    if (s != VB_OK) return s;
    /* A kept result keeps its text: the last document shares it. */
    c->norm = c->sink->keep ? r->arena : vb_arena_create();
    s = c->norm ? vb_normalize_blocks(p->norm, &c->blocks, c->norm, &c->nt) : VB_E_NOMEM;
    vb_arena_destroy(c->ingested);
    c->ingested = NULL;
    if (s != VB_OK) return r->errors.len ? s : vb_result_error(r, s, "%s: normalisation failed", r->path);
    s = vb_segment_plan(p->seg, &c->nt, r, c->norm, &c->ranges);
    if (s != VB_OK) return r->errors.len ? s : vb_result_error(r, s, "%s: segmentation failed", r->path);
    return VB_OK;
}

static vb_status call(vb_status (*fn)(void *, const vb_result *), const vb_sink *k, const vb_result *r) {
    return fn ? fn(k->ctx, r) : VB_OK;
}

/* Stages 3-4 and the sink, one document at a time: segment, extract, hand
 * over, free.  `s` is the status of the stages before: documents are made
 * only after they all succeeded; extraction stops at the first document it
 * fails on (the rest go out without facts), segmentation at the first
 * document it cannot make. */
static vb_status document_stages(conversion *c, vb_status s, vb_status *sink_status) {
    vb_pipeline *p = c->p;
    vb_result *r = c->r;
    const vb_sink *k = c->sink;
    bool extract = p->opt.run_extractors;
    vb_status ks = call(k->begin, k, r);
    vb_doc d, prev = {0};
    for (size_t i = 0; s == VB_OK && ks == VB_OK && i < c->ranges.len; i++) {
        vb_arena *a = k->keep ? r->arena : (c->doc = vb_arena_create());
        const vb_doc *before = i == 0 ? NULL : k->keep ? &r->documents.items[i - 1] : &prev;
        vb_status ds =
            a ? vb_segment_document(p->seg, &c->nt, c->ranges.items[i], before, a, &d) : VB_E_NOMEM;
        if (ds == VB_OK && k->keep && VB_PUSH(r->arena, r->documents, d)) ds = VB_E_NOMEM;
        if (ds != VB_OK) {
            s = r->errors.len ? ds : vb_result_error(r, ds, "%s: segmentation failed", r->path);
            break;
        }
        vb_doc *dp = k->keep ? &r->documents.items[i] : &d;
        if (extract) {
            vb_status es = vb_extract_doc(p->extract, dp, a);
            if (es != VB_OK) {
                s = vb_result_error(r, es, "%s: extraction failed in document %zu", r->path, i + 1);
                extract = false;
            }
        }
        if (k->document) ks = k->document(k->ctx, r, dp);
        if (!k->keep) {
            vb_arena_destroy(c->prev_doc);
            c->prev_doc = c->doc;
            c->doc = NULL;
            prev = d;
        }
    }
    if (ks == VB_OK) ks = call(k->end, k, r);
    if (sink_status) *sink_status = ks;
    return s;
}

static vb_status stream(vb_pipeline *p, const char *name, const char *path, const unsigned char *data,
                        size_t len, const vb_sink *sink, vb_result **out, vb_status *sink_status) {
    if (sink_status) *sink_status = VB_OK;
    vb_result *r = vb_result_new(name);
    *out = r;
    if (!r) return VB_E_NOMEM;
    conversion c = {.p = p, .r = r, .sink = sink};
    vb_status s = document_stages(&c, read_stages(&c, path, data, len), sink_status);
    conversion_free(&c);
    return s;
}

vb_status vb_pipeline_stream_file(vb_pipeline *p, const char *path, const vb_sink *sink, vb_result **out,
                                  vb_status *sink_status) {
    return stream(p, path, path, NULL, 0, sink, out, sink_status);
}

vb_status vb_pipeline_stream_buffer(vb_pipeline *p, const char *name, const unsigned char *data, size_t len,
                                    const vb_sink *sink, vb_result **out, vb_status *sink_status) {
    return stream(p, name, NULL, data, len, sink, out, sink_status);
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
