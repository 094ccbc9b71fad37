/* batch_item.c — one input: cache check, conversion, result file, NDJSON. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../emit/json_write.h"
#include "../emit/xml_write.h"
#include "../store/store.h"
#include "atomic.h"
#include "batch_internal.h"
#include "filehash.h"
#include "progress.h"

char *vb_batch_out_path(const vb_batch *b, const char *rel) {
    size_t n = strlen(b->opt->outdir) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", b->opt->outdir, rel);
    return p;
}

char *vb_batch_db_key(const char *sha256, const char *path) {
    size_t n = strlen(sha256) + strlen(path) + 2;
    char *k = malloc(n);
    if (k) snprintf(k, n, "%s\t%s", sha256, path);
    return k;
}

static int by_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* This path with this content is in the store. */
static bool in_store(const vb_batch *b, const char *path, const char *sha256) {
    if (!b->n_db_files) return false;
    char *key = vb_batch_db_key(sha256, path);
    bool found = key && bsearch(&key, b->db_files, b->n_db_files, sizeof *b->db_files, by_str);
    free(key);
    return found;
}

/* Errors that may go away on their own are never served from the cache. */
static bool transient(const char *code) {
    return !code || !strcmp(code, "E_IO") || !strcmp(code, "E_NOMEM") || !strcmp(code, "E_INTERRUPTED") ||
           !strcmp(code, "E_INTERNAL") || !strcmp(code, "E_DB");
}

/* The NDJSON line of a new result (r) or of a stored one read back (j). */
static vb_status dump_compact(const vb_result *r, json_t *j, vb_batch_item *it) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return VB_E_NOMEM;
    vb_status s = r ? vb_json_write_result(r, f, VB_JSON_COMPACT) : vb_json_dump(j, f, VB_JSON_COMPACT);
    if (fclose(f) != 0 && s == VB_OK) s = VB_E_NOMEM;
    if (s != VB_OK) {
        free(buf);
        return s;
    }
    it->line = buf;
    it->line_len = len;
    return VB_OK;
}

/* The previous run's result stands: same path, content, version, output. */
static bool from_cache(vb_batch *b, const vb_batch_input *in, const char *out_path, vb_batch_item *it) {
    const vb_record *old = vb_manifest_find(&b->old, in->path);
    if (!old || old->status == VB_REC_SKIPPED || !old->sha256 || !old->tool_version ||
        strcmp(old->tool_version, VB_VERSION) || !old->output || strcmp(old->output, in->out_rel))
        return false;
    if (old->status == VB_REC_ERROR && transient(old->error_code)) return false;
    if (access(out_path, R_OK) != 0) return false;
    if (b->opt->db_path && !in_store(b, in->path, old->sha256)) return false;
    if (b->opt->ndjson && b->opt->xml) return false; /* the JSON line needs a new run */
    char sha[65];
    if (vb_file_sha256(in->path, sha) != VB_OK || strcmp(sha, old->sha256) != 0) return false;
    if (b->opt->ndjson) {
        /* Re-dumping the stored result gives the same bytes as a new run. */
        json_t *j = json_load_file(out_path, 0, NULL);
        vb_status s = j ? dump_compact(NULL, j, it) : VB_E_IO;
        json_decref(j);
        if (s != VB_OK) return false;
    }
    if (vb_record_copy(&it->rec, old) != VB_OK) {
        free(it->line);
        it->line = NULL;
        return false;
    }
    it->rec.cached = true;
    it->rec.ms = 0;
    return true;
}

/* Record that the conversion itself could not happen or be saved. */
static void set_error(vb_record *rec, const char *code, const char *msg) {
    free(rec->error_code);
    free(rec->error);
    rec->status = VB_REC_ERROR;
    rec->error_code = strdup(code);
    rec->error = strdup(msg);
}

/* Above this size an input's NDJSON line and store rows are not made from
 * a kept result (which costs many bytes per input byte, times the inputs
 * waiting to be emitted) but written while it is converted, once it is
 * the input's turn (vb_batch_wait_turn): its worker then waits for the
 * inputs before it to be emitted, so big inputs are not converted ahead. */
enum { VB_BATCH_STREAM_BYTES = 1 << 20 };

/* One input's conversion, streamed (pipeline.h): each document goes to
 * the result file's writer, if any, and is counted for the record, then
 * freed.  For --ndjson and --db the documents of a small input are kept
 * for the emitter; a large input's worker writes them itself (`ordered`). */
typedef struct {
    vb_batch *b;
    size_t index;
    vb_pipeline *p;
    const char *path;
    bool xml, keep, ordered;
    vb_record *rec;
    vb_json_stream *json; /* the result file's writer, or NULL */
    vb_xml_stream *xmls;
    vb_json_stream *line; /* ordered: the NDJSON line, to stdout */
    vb_store_file stored; /* ordered: the store rows */
    bool store_open;      /* a store transaction is open */
    bool abandoned;       /* ordered, but the emitter stopped first */
    vb_status ordered_status;
    char ordered_err[1024];
    vb_result *r;
    bool ran; /* the conversion was run (r is its result, NULL on no memory) */
} item_conversion;

/* An ordered output failed: the run stops (said once by the caller). */
static vb_status ordered_fail(item_conversion *c, vb_status s) {
    if (c->ordered_status == VB_OK) {
        c->ordered_status = s;
        if (c->store_open)
            snprintf(c->ordered_err, sizeof c->ordered_err, "%s: %s", c->b->opt->db_path,
                     vb_store_errmsg(c->b->store));
        else
            snprintf(c->ordered_err, sizeof c->ordered_err, "standard output: %s",
                     s == VB_E_IO ? strerror(errno) : vb_status_text(s));
    }
    if (c->store_open) vb_store_abort(c->b->store);
    c->store_open = false;
    return s;
}

static vb_status ordered_begin(item_conversion *c, const vb_result *r) {
    if (!vb_batch_wait_turn(c->b, c->index)) {
        c->abandoned = true;
        return VB_E_INTERRUPTED;
    }
    if (c->b->opt->ndjson) {
        c->line = vb_json_stream_new(stdout, VB_JSON_COMPACT);
        vb_status s = c->line ? vb_json_stream_begin(c->line, r) : VB_E_NOMEM;
        if (s != VB_OK) return ordered_fail(c, s);
    }
    if (c->b->store) {
        c->store_open = true;
        vb_status s = vb_store_begin_result(c->b->store, r, VB_VERSION, &c->stored);
        if (s != VB_OK) return ordered_fail(c, s);
    }
    return VB_OK;
}

static vb_status ordered_document(item_conversion *c, const vb_doc *d) {
    vb_status s = c->line ? vb_json_stream_document(c->line, d) : VB_OK;
    if (s == VB_OK && c->store_open) s = vb_store_put_document(c->b->store, &c->stored, d);
    return s == VB_OK ? VB_OK : ordered_fail(c, s);
}

static vb_status ordered_end(item_conversion *c, const vb_result *r) {
    vb_status s = c->line ? vb_json_stream_end(c->line, r) : VB_OK;
    if (s == VB_OK && c->store_open) s = vb_store_end_result(c->b->store, &c->stored, r);
    if (s != VB_OK) return ordered_fail(c, s);
    c->store_open = false;
    return VB_OK;
}

static vb_status item_begin(void *ctx, const vb_result *r) {
    item_conversion *c = ctx;
    vb_status s = c->ordered ? ordered_begin(c, r) : VB_OK;
    if (s != VB_OK) return s;
    return c->json ? vb_json_stream_begin(c->json, r) : c->xmls ? vb_xml_stream_begin(c->xmls, r) : VB_OK;
}

static vb_status item_document(void *ctx, const vb_result *r, const vb_doc *d) {
    item_conversion *c = ctx;
    vb_record_add_document(c->rec, d);
    vb_status s = c->ordered ? ordered_document(c, d) : VB_OK;
    if (s != VB_OK) return s;
    return c->json   ? vb_json_stream_document(c->json, d)
           : c->xmls ? vb_xml_stream_document(c->xmls, d)
                     : VB_OK;
}

static vb_status item_end(void *ctx, const vb_result *r) {
    item_conversion *c = ctx;
    vb_status s = c->json ? vb_json_stream_end(c->json, r) : c->xmls ? vb_xml_stream_end(c->xmls, r) : VB_OK;
    if (s != VB_OK) return s;
    return c->ordered ? ordered_end(c, r) : VB_OK;
}

/* Convert, writing the result to f (NULL: no result file).  Returns the
 * writer's status: the input's own problems go into the result. */
static vb_status run_conversion(item_conversion *c, FILE *f) {
    if (f && c->xml && !(c->xmls = vb_xml_stream_new(f))) return VB_E_NOMEM;
    if (f && !c->xml && !(c->json = vb_json_stream_new(f, 0))) return VB_E_NOMEM;
    vb_sink sink = {
        .begin = item_begin, .document = item_document, .end = item_end, .ctx = c, .keep = c->keep};
    vb_status ws = VB_OK;
    (void)vb_pipeline_stream_file(c->p, c->path, &sink, &c->r, &ws);
    c->ran = true;
    vb_json_stream_free(c->json);
    vb_xml_stream_free(c->xmls);
    vb_json_stream_free(c->line);
    c->json = c->line = NULL;
    c->xmls = NULL;
    if (c->store_open) vb_store_abort(c->b->store); /* stopped half-way: nothing of it stored */
    c->store_open = false;
    if (c->abandoned || c->ordered_status != VB_OK) return VB_E_INTERRUPTED;
    return c->r ? ws : VB_E_NOMEM;
}

static vb_status write_result(FILE *f, void *ctx) { return run_conversion(ctx, f); }

static bool large(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && st.st_size > VB_BATCH_STREAM_BYTES;
}

static void convert(vb_batch *b, vb_pipeline *p, const vb_batch_input *in, const char *out_path,
                    vb_batch_item *it) {
    vb_record *rec = &it->rec;
    bool whole = b->opt->ndjson || b->opt->db_path; /* outputs written in input order */
    item_conversion c = {
        .b = b, .index = (size_t)(it - b->items), .p = p, .path = in->path, .xml = b->opt->xml, .rec = rec};
    c.ordered = whole && large(in->path);
    c.keep = whole && !c.ordered;
    vb_status s = VB_OK;
    char err[512];
    if (out_path)
        s = vb_atomic_write(out_path, write_result, &c, false, err, sizeof err);
    else
        s = run_conversion(&c, NULL);
    vb_result *r = c.r;
    if (c.abandoned || c.ordered_status != VB_OK) {
        /* not this input's fault: it is redone next time */
        if (c.ordered_status != VB_OK) vb_batch_fail(b, c.ordered_status, c.ordered_err);
        it->lost = true;
        vb_result_free(r);
        return;
    }
    if (c.ran && (!r || vb_record_finish(rec, r) != VB_OK)) {
        set_error(rec, "E_NOMEM", "no memory for the result");
        vb_result_free(r);
        return;
    }
    if (s != VB_OK && out_path) {
        /* The output failed, not the input: the run stops here. */
        vb_batch_fail(b, s, s == VB_E_IO ? err : vb_status_text(s));
        it->lost = true;
        vb_result_free(r);
        return;
    }
    if (c.keep && b->opt->ndjson && dump_compact(r, NULL, it) != VB_OK)
        set_error(rec, "E_NOMEM", "no memory for the NDJSON line");
    if (c.keep && b->opt->db_path)
        it->result = r;
    else
        vb_result_free(r);
}

void vb_batch_process(vb_batch *b, vb_pipeline *p, size_t i) {
    const vb_batch_input *in = &b->inputs.items[i];
    vb_batch_item *it = &b->items[i];
    vb_record *rec = &it->rec;
    double t0 = vb_now();
    if (in->skip_code) {
        rec->status = VB_REC_SKIPPED;
        rec->error_code = strdup(in->skip_code);
        rec->error = strdup(in->skip_reason ? in->skip_reason : "");
    } else {
        char *out_path = b->opt->outdir ? vb_batch_out_path(b, in->out_rel) : NULL;
        if (b->opt->outdir && !out_path) {
            set_error(rec, "E_NOMEM", "no memory");
        } else if (b->opt->force || !out_path || !from_cache(b, in, out_path, it)) {
            if (out_path) rec->output = strdup(in->out_rel);
            convert(b, p, in, out_path, it);
        }
        free(out_path);
    }
    if (!rec->cached) rec->ms = round((vb_now() - t0) * 1e6) / 1e3; /* whole µs */
    if (!rec->path) rec->path = strdup(in->path);
    if (!rec->tool_version) rec->tool_version = strdup(VB_VERSION);
}
