#include "json_write.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"

static void span(vb_jout *w, const vb_doc *d, vb_span s) {
    vb_jout_object(w);
    vb_jout_key(w, "start");
    vb_jout_int(w, (long long)vb_doc_cp_offset(d, s.start));
    vb_jout_key(w, "end");
    vb_jout_int(w, (long long)vb_doc_cp_offset(d, s.end));
    vb_jout_object_end(w);
}

static void spans(vb_jout *w, const vb_doc *d, const vb_spanv *v) {
    vb_jout_array(w);
    for (size_t i = 0; i < v->len; i++) span(w, d, v->items[i]);
    vb_jout_array_end(w);
}

static void strings(vb_jout *w, const vb_strv *v) {
    vb_jout_array(w);
    for (size_t i = 0; i < v->len; i++) vb_jout_string(w, v->items[i]);
    vb_jout_array_end(w);
}

/* key: string-or-null, the most common member */
static void field(vb_jout *w, const char *key, const char *value) {
    vb_jout_key(w, key);
    vb_jout_string(w, value);
}

/* key: the words under span s of d */
static void span_text(vb_jout *w, const char *key, const vb_doc *d, vb_span s) {
    size_t n;
    const char *p = vb_doc_span_text(d, s, &n);
    vb_jout_key(w, key);
    vb_jout_stringn(w, p, n);
}

static void header(vb_jout *w, const vb_header *h) {
    vb_jout_object(w);
    field(w, "issuer", h->issuer);
    field(w, "issuer_parent", h->issuer_parent);
    field(w, "number", h->number);
    field(w, "doc_type", h->doc_type);
    field(w, "doc_type_code", h->doc_type_code);
    field(w, "place", h->place);
    field(w, "date", h->date);
    field(w, "subject", h->subject);
    vb_jout_key(w, "recipients");
    strings(w, &h->recipients);
    field(w, "signer", h->signer);
    vb_jout_key(w, "distribution");
    strings(w, &h->distribution);
    vb_jout_object_end(w);
}

static void reference(vb_jout *w, const vb_doc *d, const vb_reference *r) {
    vb_jout_object(w);
    field(w, "doc_type", r->doc_type);
    field(w, "doc_type_code", r->doc_type_code);
    field(w, "number", r->number);
    field(w, "date", r->date);
    field(w, "issuer", r->issuer);
    field(w, "subject", r->subject);
    field(w, "relation", vb_relation_name(r->relation));
    vb_jout_key(w, "span");
    span(w, d, r->span);
    vb_jout_key(w, "mentions");
    spans(w, d, &r->mentions);
    vb_jout_object_end(w);
}

static void date(vb_jout *w, const vb_doc *d, const vb_date *x) {
    vb_jout_object(w);
    span_text(w, "text", d, x->span);
    field(w, "value", x->value);
    field(w, "role", vb_date_role_name(x->role));
    vb_jout_key(w, "span");
    span(w, d, x->span);
    if (x->recurrence) field(w, "recurrence", x->recurrence);
    if (x->rule) field(w, "rule", x->rule);
    vb_jout_object_end(w);
}

static void target(vb_jout *w, const vb_doc *d, const vb_target *t) {
    vb_jout_object(w);
    span_text(w, "text", d, t->span);
    vb_jout_key(w, "value");
    vb_jout_real(w, t->value);
    field(w, "unit", t->unit ? t->unit : "count");
    field(w, "comparator", vb_comparator_name(t->comparator));
    field(w, "indicator", t->indicator);
    field(w, "theme", t->theme);
    vb_jout_key(w, "span");
    span(w, d, t->span);
    if (t->has_from) {
        vb_jout_key(w, "from");
        vb_jout_real(w, t->from);
    }
    vb_jout_object_end(w);
}

static void assignment(vb_jout *w, const vb_doc *d, const vb_assignment *x) {
    vb_jout_object(w);
    field(w, "unit", x->unit ? x->unit : "");
    field(w, "role", vb_role_name(x->role));
    vb_jout_key(w, "tasks");
    strings(w, &x->tasks);
    vb_jout_key(w, "task_spans");
    spans(w, d, &x->task_spans);
    field(w, "section", x->section);
    vb_jout_key(w, "span");
    span(w, d, x->span);
    vb_jout_object_end(w);
}

static void sections(vb_jout *w, const vb_doc *d, const vb_sectionv *v) {
    vb_jout_array(w);
    for (size_t i = 0; i < v->len; i++) {
        const vb_section *s = &v->items[i];
        vb_jout_object(w);
        field(w, "label", s->label ? s->label : "");
        field(w, "title", s->title);
        vb_jout_key(w, "level");
        vb_jout_int(w, s->level);
        vb_jout_key(w, "span");
        span(w, d, s->span);
        vb_jout_key(w, "children");
        sections(w, d, &s->children);
        vb_jout_object_end(w);
    }
    vb_jout_array_end(w);
}

/* File-level warnings have no document, hence no span. */
static void warnings(vb_jout *w, const vb_doc *d, const vb_warningv *v) {
    vb_jout_array(w);
    for (size_t i = 0; i < v->len; i++) {
        const vb_warning *x = &v->items[i];
        vb_jout_object(w);
        field(w, "code", x->code);
        field(w, "message", x->message);
        if (x->has_span && d) {
            vb_jout_key(w, "span");
            span(w, d, x->span);
        }
        vb_jout_object_end(w);
    }
    vb_jout_array_end(w);
}

#define WRITE_ARRAY(w, fn, vec, d)                                                \
    do {                                                                          \
        vb_jout_array(w);                                                         \
        for (size_t i_ = 0; i_ < (vec).len; i_++) fn((w), (d), &(vec).items[i_]); \
        vb_jout_array_end(w);                                                     \
    } while (0)

/* The members of the facts object, shared by the document object. */
static void facts_members(vb_jout *w, const vb_doc *d) {
    vb_jout_key(w, "references");
    WRITE_ARRAY(w, reference, d->references, d);
    vb_jout_key(w, "dates");
    WRITE_ARRAY(w, date, d->dates, d);
    vb_jout_key(w, "targets");
    WRITE_ARRAY(w, target, d->targets, d);
    vb_jout_key(w, "assignments");
    WRITE_ARRAY(w, assignment, d->assignments, d);
}

static void document(vb_jout *w, const vb_doc *d) {
    vb_jout_object(w);
    field(w, "kind", vb_kind_name(d->kind));
    vb_jout_key(w, "text");
    vb_jout_stringn(w, d->text, d->text_len);
    vb_jout_key(w, "header");
    header(w, &d->header);
    facts_members(w, d);
    vb_jout_key(w, "sections");
    sections(w, d, &d->sections);
    vb_jout_key(w, "warnings");
    warnings(w, d, &d->warnings);
    vb_jout_object_end(w);
}

/* The result object up to the opening of "documents": [ */
static void result_begin(vb_jout *w, const vb_result *r) {
    vb_jout_object(w);
    field(w, "schema_version", VB_SCHEMA_VERSION);
    vb_jout_key(w, "source");
    vb_jout_object(w);
    field(w, "path", r->path ? r->path : "");
    field(w, "sha256", r->sha256);
    field(w, "format", r->format);
    vb_jout_key(w, "bytes");
    vb_jout_int(w, (long long)r->bytes);
    vb_jout_object_end(w);
    vb_jout_key(w, "documents");
    vb_jout_array(w);
}

/* From the closing of "documents" to the end of the result object. */
static void result_end(vb_jout *w, const vb_result *r) {
    vb_jout_array_end(w);
    vb_jout_key(w, "errors");
    vb_jout_array(w);
    for (size_t i = 0; i < r->errors.len; i++) {
        vb_jout_object(w);
        field(w, "code", r->errors.items[i].code);
        field(w, "message", r->errors.items[i].message);
        vb_jout_object_end(w);
    }
    vb_jout_array_end(w);
    vb_jout_key(w, "warnings");
    warnings(w, NULL, &r->file_warnings);
    vb_jout_object_end(w);
}

static void result(vb_jout *w, const vb_result *r) {
    result_begin(w, r);
    for (size_t i = 0; i < r->documents.len; i++) document(w, &r->documents.items[i]);
    result_end(w, r);
}

static void facts(vb_jout *w, const vb_doc *d) {
    vb_jout_object(w);
    facts_members(w, d);
    vb_jout_object_end(w);
}

/* The writer's block is 16 KB: it lives on the heap, not the stack. */
typedef void (*writer_fn)(vb_jout *, const void *);

static vb_status write_with(writer_fn fn, const void *what, FILE *f, unsigned flags) {
    vb_jout *w = malloc(sizeof *w);
    if (!w) return VB_E_NOMEM;
    vb_jout_init(w, f, (flags & VB_JSON_COMPACT) != 0);
    fn(w, what);
    vb_status s = vb_jout_finish(w);
    free(w);
    return s;
}

static void result_fn(vb_jout *w, const void *p) { result(w, p); }
static void document_fn(vb_jout *w, const void *p) { document(w, p); }
static void facts_fn(vb_jout *w, const void *p) { facts(w, p); }

vb_status vb_json_write_result(const vb_result *r, FILE *f, unsigned flags) {
    return write_with(result_fn, r, f, flags);
}

/* ---- streaming: the same calls as result(), spread over the sink's ---- */

struct vb_json_stream {
    vb_jout w; /* its block is 16 KB: on the heap with the stream */
};

vb_json_stream *vb_json_stream_new(FILE *f, unsigned flags) {
    vb_json_stream *s = malloc(sizeof *s);
    if (s) vb_jout_init(&s->w, f, (flags & VB_JSON_COMPACT) != 0);
    return s;
}

void vb_json_stream_free(vb_json_stream *s) { free(s); }

vb_status vb_json_stream_begin(vb_json_stream *s, const vb_result *r) {
    result_begin(&s->w, r);
    return s->w.status;
}

vb_status vb_json_stream_document(vb_json_stream *s, const vb_doc *d) {
    document(&s->w, d);
    return s->w.status;
}

vb_status vb_json_stream_end(vb_json_stream *s, const vb_result *r) {
    result_end(&s->w, r);
    return vb_jout_finish(&s->w);
}

static vb_status sink_begin(void *ctx, const vb_result *r) { return vb_json_stream_begin(ctx, r); }
static vb_status sink_document(void *ctx, const vb_result *r, const vb_doc *d) {
    (void)r;
    return vb_json_stream_document(ctx, d);
}
static vb_status sink_end(void *ctx, const vb_result *r) { return vb_json_stream_end(ctx, r); }

vb_sink vb_json_sink(vb_json_stream *s) {
    return (vb_sink){.begin = sink_begin, .document = sink_document, .end = sink_end, .ctx = s};
}

/* The tree is the streamed text read back by jansson. */
static json_t *as_tree(writer_fn fn, const void *what) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    vb_status s = write_with(fn, what, f, VB_JSON_COMPACT);
    json_t *j = NULL;
    if (fclose(f) == 0 && s == VB_OK) j = json_loadb(buf, len, 0, NULL);
    free(buf);
    return j;
}

json_t *vb_json_result(const vb_result *r) { return as_tree(result_fn, r); }
json_t *vb_json_document(const vb_doc *d) { return as_tree(document_fn, d); }
json_t *vb_json_facts(const vb_doc *d) { return as_tree(facts_fn, d); }

/* jansson hands a dumper one small piece at a time (a key, a quote, an
 * indent): the pieces go through the writer's block, one fwrite a block. */
static int dump_piece(const char *p, size_t n, void *data) {
    vb_jout *w = data;
    vb_jout_raw(w, p, n);
    return w->status == VB_OK ? 0 : -1;
}

vb_status vb_json_dump(json_t *v, FILE *f, unsigned flags) {
    size_t jf = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10);
    jf |= (flags & VB_JSON_COMPACT) ? JSON_COMPACT : JSON_INDENT(2);
    vb_jout *w = malloc(sizeof *w);
    if (!w) return VB_E_NOMEM;
    vb_jout_init(w, f, (flags & VB_JSON_COMPACT) != 0);
    int rc = json_dump_callback(v, dump_piece, w, jf);
    vb_status s = vb_jout_finish(w);
    free(w);
    return rc != 0 || s != VB_OK ? VB_E_IO : VB_OK;
}
