/* manifest.c — manifest lines to and from JSON. */
#include "manifest.h"

#include "../core/doc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[] = {"ok", "error", "skipped"};

const char *vb_record_status_name(vb_record_status s) { return (unsigned)s < 3 ? status_names[s] : "error"; }

void vb_record_clear(vb_record *r) {
    free(r->path);
    free(r->output);
    free(r->sha256);
    free(r->error_code);
    free(r->error);
    free(r->format);
    free(r->tool_version);
    memset(r, 0, sizeof *r);
}

/* strdup that keeps NULL; sets *bad on failure. */
static char *dup_or_null(const char *s, bool *bad) {
    if (!s) return NULL;
    char *d = strdup(s);
    if (!d) *bad = true;
    return d;
}

vb_status vb_record_copy(vb_record *dst, const vb_record *src) {
    bool bad = false;
    *dst = *src;
    dst->path = dup_or_null(src->path, &bad);
    dst->output = dup_or_null(src->output, &bad);
    dst->sha256 = dup_or_null(src->sha256, &bad);
    dst->error_code = dup_or_null(src->error_code, &bad);
    dst->error = dup_or_null(src->error, &bad);
    dst->format = dup_or_null(src->format, &bad);
    dst->tool_version = dup_or_null(src->tool_version, &bad);
    if (!bad) return VB_OK;
    vb_record_clear(dst);
    return VB_E_NOMEM;
}

static size_t count_sections(const vb_sectionv *v) {
    size_t n = v->len;
    for (size_t i = 0; i < v->len; i++) n += count_sections(&v->items[i].children);
    return n;
}

void vb_record_add_document(vb_record *rec, const vb_doc *d) {
    rec->documents++;
    rec->facts.references += d->references.len;
    rec->facts.dates += d->dates.len;
    rec->facts.targets += d->targets.len;
    rec->facts.assignments += d->assignments.len;
    for (size_t k = 0; k < d->assignments.len; k++) rec->facts.tasks += d->assignments.items[k].tasks.len;
    rec->facts.sections += count_sections(&d->sections);
    rec->facts.warnings += d->warnings.len;
}

vb_status vb_record_finish(vb_record *rec, const vb_result *r) {
    bool bad = false;
    rec->facts.warnings += r->file_warnings.len;
    rec->bytes = r->bytes;
    rec->sha256 = dup_or_null(r->sha256, &bad);
    rec->format = r->sha256 ? dup_or_null(r->format, &bad) : NULL;
    rec->status = r->errors.len ? VB_REC_ERROR : VB_REC_OK;
    if (r->errors.len) {
        rec->error_code = dup_or_null(r->errors.items[0].code, &bad);
        rec->error = dup_or_null(r->errors.items[0].message, &bad);
    }
    return bad ? VB_E_NOMEM : VB_OK;
}

vb_status vb_record_from_result(vb_record *rec, const vb_result *r) {
    rec->documents = 0;
    memset(&rec->facts, 0, sizeof rec->facts);
    for (size_t i = 0; i < r->documents.len; i++) vb_record_add_document(rec, &r->documents.items[i]);
    return vb_record_finish(rec, r);
}

/* A file name need not be UTF-8: such a string goes out scrubbed. */
static json_t *str_or_null(const char *s) {
    if (!s) return json_null();
    json_t *j = json_string(s);
    if (j) return j;
    char *c = strdup(s);
    if (!c) return NULL;
    vb_utf8_scrub(c);
    j = json_string(c);
    free(c);
    return j;
}

json_t *vb_record_json(const vb_record *r) {
    json_t *facts =
        json_pack("{sIsIsIsIsIsIsI}", "references", (json_int_t)r->facts.references, "dates",
                  (json_int_t)r->facts.dates, "targets", (json_int_t)r->facts.targets, "assignments",
                  (json_int_t)r->facts.assignments, "tasks", (json_int_t)r->facts.tasks, "sections",
                  (json_int_t)r->facts.sections, "warnings", (json_int_t)r->facts.warnings);
    if (!facts) return NULL;
    /* "o" steals each reference; jansson keeps insertion order. */
    return json_pack("{s:o, s:o, s:o, s:o, s:b, s:o, s:o, s:o, s:I, s:I, s:o, s:f, s:o}", "path",
                     str_or_null(r->path), "output", str_or_null(r->output), "sha256", str_or_null(r->sha256),
                     "status", json_string(vb_record_status_name(r->status)), "cached", r->cached,
                     "error_code", str_or_null(r->error_code), "error", str_or_null(r->error), "format",
                     str_or_null(r->format), "bytes", (json_int_t)r->bytes, "documents",
                     (json_int_t)r->documents, "facts", facts, "ms", r->ms, "tool_version",
                     str_or_null(r->tool_version));
}

static char *get_str(json_t *o, const char *key, bool *bad) {
    const char *s = json_string_value(json_object_get(o, key));
    return dup_or_null(s, bad);
}

static size_t get_size(json_t *o, const char *key) {
    json_int_t v = json_integer_value(json_object_get(o, key));
    return v > 0 ? (size_t)v : 0;
}

/* A line we wrote earlier; false when it is not one. */
static bool record_from_json(json_t *o, vb_record *r, bool *bad) {
    const char *status = json_string_value(json_object_get(o, "status"));
    if (!json_is_object(o) || !status || !json_is_string(json_object_get(o, "path"))) return false;
    memset(r, 0, sizeof *r);
    r->status = !strcmp(status, "ok")        ? VB_REC_OK
                : !strcmp(status, "skipped") ? VB_REC_SKIPPED
                                             : VB_REC_ERROR;
    r->path = get_str(o, "path", bad);
    r->output = get_str(o, "output", bad);
    r->sha256 = get_str(o, "sha256", bad);
    r->error_code = get_str(o, "error_code", bad);
    r->error = get_str(o, "error", bad);
    r->format = get_str(o, "format", bad);
    r->tool_version = get_str(o, "tool_version", bad);
    r->bytes = get_size(o, "bytes");
    r->documents = get_size(o, "documents");
    json_t *f = json_object_get(o, "facts");
    r->facts = (vb_fact_counts){get_size(f, "references"),  get_size(f, "dates"), get_size(f, "targets"),
                                get_size(f, "assignments"), get_size(f, "tasks"), get_size(f, "sections"),
                                get_size(f, "warnings")};
    r->ms = json_number_value(json_object_get(o, "ms"));
    return true;
}

static int by_path(const void *a, const void *b) {
    return strcmp(((const vb_record *)a)->path, ((const vb_record *)b)->path);
}

/* Append the lines of one file to m (unsorted); a missing file adds none. */
static vb_status load_lines(const char *path, vb_manifest *m, size_t *cap) {
    FILE *f = fopen(path, "r");
    if (!f) return errno == ENOENT ? VB_OK : VB_E_IO;
    char *line = NULL;
    size_t lcap = 0;
    bool bad = false;
    while (!bad && getline(&line, &lcap, f) >= 0) {
        json_t *o = json_loads(line, 0, NULL);
        vb_record r;
        if (o && record_from_json(o, &r, &bad)) {
            if (m->len == *cap) {
                size_t n = *cap ? *cap * 2 : 256;
                vb_record *p = realloc(m->items, n * sizeof *p);
                if (!p)
                    bad = true;
                else {
                    m->items = p;
                    *cap = n;
                }
            }
            if (bad)
                vb_record_clear(&r);
            else
                m->items[m->len++] = r;
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return bad ? VB_E_NOMEM : VB_OK;
}

typedef struct {
    vb_record rec;
    size_t seq; /* position in the files read: the later line wins */
} seq_record;

static int by_path_then_seq(const void *a, const void *b) {
    const seq_record *x = a, *y = b;
    int c = strcmp(x->rec.path, y->rec.path);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Sort by path, keeping only the last line read for each path. */
static vb_status keep_last(vb_manifest *m) {
    if (!m->len) return VB_OK;
    seq_record *v = malloc(m->len * sizeof *v);
    if (!v) return VB_E_NOMEM;
    for (size_t i = 0; i < m->len; i++) v[i] = (seq_record){m->items[i], i};
    qsort(v, m->len, sizeof *v, by_path_then_seq);
    size_t n = 0;
    for (size_t i = 0; i < m->len; i++) {
        if (i + 1 < m->len && !strcmp(v[i].rec.path, v[i + 1].rec.path))
            vb_record_clear(&v[i].rec);
        else
            m->items[n++] = v[i].rec;
    }
    free(v);
    m->len = n;
    return VB_OK;
}

vb_status vb_manifest_load(const char *const *paths, size_t n_paths, vb_manifest *m) {
    m->items = NULL;
    m->len = 0;
    size_t cap = 0;
    vb_status s = VB_OK;
    for (size_t i = 0; i < n_paths && s == VB_OK; i++) s = load_lines(paths[i], m, &cap);
    if (s == VB_OK) s = keep_last(m);
    if (s != VB_OK) vb_manifest_free(m);
    return s;
}

const vb_record *vb_manifest_find(const vb_manifest *m, const char *path) {
    vb_record key = {.path = (char *)path};
    return m->len ? bsearch(&key, m->items, m->len, sizeof key, by_path) : NULL;
}

void vb_manifest_free(vb_manifest *m) {
    for (size_t i = 0; i < m->len; i++) vb_record_clear(&m->items[i]);
    free(m->items);
    m->items = NULL;
    m->len = 0;
}
