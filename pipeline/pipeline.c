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

/* Stages 2-4 on blocks already ingested into r. */
static vb_status run_stages(vb_pipeline *p, vb_result *r, const vb_blockv *blocks) {
    vb_normtext nt;
    /* a stage that already said why it failed is not reported twice */
    vb_status s = vb_normalize_blocks(p->norm, blocks, r->arena, &nt);
    if (s != VB_OK) return r->errors.len ? s : vb_result_error(r, s, "%s: normalisation failed", r->path);
    s = vb_segment(p->seg, &nt, r);
    if (s != VB_OK) return r->errors.len ? s : vb_result_error(r, s, "%s: segmentation failed", r->path);
    if (!p->opt.run_extractors) return VB_OK;
    for (size_t i = 0; i < r->documents.len; i++) {
        s = vb_extract_doc(p->extract, &r->documents.items[i], r->arena);
        if (s != VB_OK) return vb_result_error(r, s, "%s: extraction failed in document %zu", r->path, i + 1);
    }
    return VB_OK;
}

vb_status vb_pipeline_convert_file(vb_pipeline *p, const char *path, vb_result **out) {
    vb_result *r = vb_result_new(path);
    *out = r;
    if (!r) return VB_E_NOMEM;
    vb_blockv blocks = {0};
    vb_status s = vb_ingest_file_in(p->ingest, path, &p->opt.limits, r->arena, r, &blocks);
    return s == VB_OK ? run_stages(p, r, &blocks) : s;
}

vb_status vb_pipeline_convert_buffer(vb_pipeline *p, const char *name, const unsigned char *data, size_t len,
                                     vb_result **out) {
    vb_result *r = vb_result_new(name);
    *out = r;
    if (!r) return VB_E_NOMEM;
    vb_blockv blocks = {0};
    vb_status s = vb_ingest_buffer_in(p->ingest, data, len, &p->opt.limits, r->arena, r, &blocks);
    return s == VB_OK ? run_stages(p, r, &blocks) : s;
}
