#include "json_write.h"

#include <stdbool.h>
#include <string.h>

/* jansson's json_*_new return NULL on no memory and the json_object_set_new
 * family accept NULL (and fail); we check the top-level result and the set
 * return codes collapse into one `ok` flag per object. */

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* Spans are the most numerous objects of a result: built directly rather
 * than through json_pack's format parser. */
json_t *vb_json_span(const vb_doc *d, vb_span s) {
    json_t *o = json_object();
    if (o && (json_object_set_new_nocheck(o, "start",
                                          json_integer((json_int_t)vb_doc_cp_offset(d, s.start))) ||
              json_object_set_new_nocheck(o, "end",
                                          json_integer((json_int_t)vb_doc_cp_offset(d, s.end))))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *strv(const vb_strv *v) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < v->len; i++)
        if (json_array_append_new(a, json_string(v->items[i])) != 0) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *header(const vb_header *h) {
    json_t *o = json_object();
    if (!o) return NULL;
    int bad = 0;
    bad |= json_object_set_new(o, "issuer", str_or_null(h->issuer));
    bad |= json_object_set_new(o, "issuer_parent", str_or_null(h->issuer_parent));
    bad |= json_object_set_new(o, "number", str_or_null(h->number));
    bad |= json_object_set_new(o, "doc_type", str_or_null(h->doc_type));
    bad |= json_object_set_new(o, "doc_type_code", str_or_null(h->doc_type_code));
    bad |= json_object_set_new(o, "place", str_or_null(h->place));
    bad |= json_object_set_new(o, "date", str_or_null(h->date));
    bad |= json_object_set_new(o, "subject", str_or_null(h->subject));
    bad |= json_object_set_new(o, "recipients", strv(&h->recipients));
    bad |= json_object_set_new(o, "signer", str_or_null(h->signer));
    bad |= json_object_set_new(o, "distribution", strv(&h->distribution));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *reference(const vb_doc *d, const vb_reference *r) {
    json_t *m = json_array();
    for (size_t i = 0; m && i < r->mentions.len; i++)
        if (json_array_append_new(m, vb_json_span(d, r->mentions.items[i]))) {
            json_decref(m);
            m = NULL;
        }
    return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:o,s:o}", "doc_type",
                     str_or_null(r->doc_type), "doc_type_code", str_or_null(r->doc_type_code),
                     "number", str_or_null(r->number), "date", str_or_null(r->date), "issuer",
                     str_or_null(r->issuer), "subject", str_or_null(r->subject), "relation",
                     vb_relation_name(r->relation), "span", vb_json_span(d, r->span), "mentions",
                     m);
}

static json_t *date(const vb_doc *d, const vb_date *x) {
    json_t *o = json_pack("{s:s,s:o,s:s,s:o}", "text", x->text ? x->text : "", "value",
                          str_or_null(x->value), "role", vb_date_role_name(x->role), "span",
                          vb_json_span(d, x->span));
    if (o && x->recurrence && json_object_set_new(o, "recurrence", json_string(x->recurrence))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *target(const vb_doc *d, const vb_target *t) {
    json_t *o = json_pack("{s:s,s:f,s:s,s:s,s:o,s:o,s:o}", "text", t->text ? t->text : "",
                          "value", t->value, "unit", t->unit ? t->unit : "count", "comparator",
                          vb_comparator_name(t->comparator), "indicator",
                          str_or_null(t->indicator), "theme", str_or_null(t->theme), "span",
                          vb_json_span(d, t->span));
    if (o && t->has_from && json_object_set_new(o, "from", json_real(t->from))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *assignment(const vb_doc *d, const vb_assignment *x) {
    json_t *spans = json_array();
    for (size_t i = 0; spans && i < x->task_spans.len; i++)
        if (json_array_append_new(spans, vb_json_span(d, x->task_spans.items[i]))) {
            json_decref(spans);
            spans = NULL;
        }
    return json_pack("{s:s,s:s,s:o,s:o,s:o,s:o}", "unit", x->unit ? x->unit : "", "role",
                     vb_role_name(x->role), "tasks", strv(&x->tasks), "task_spans", spans,
                     "section", str_or_null(x->section), "span", vb_json_span(d, x->span));
}

static json_t *sections(const vb_doc *d, const vb_sectionv *v) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < v->len; i++) {
        const vb_section *s = &v->items[i];
        json_t *o = json_pack("{s:s,s:o,s:i,s:o,s:o}", "label", s->label ? s->label : "",
                              "title", str_or_null(s->title), "level", s->level, "span",
                              vb_json_span(d, s->span), "children", sections(d, &s->children));
        if (!o || json_array_append_new(a, o)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

static json_t *warnings(const vb_doc *d, const vb_warningv *v) {
    json_t *a = json_array();
    for (size_t i = 0; a && i < v->len; i++) {
        const vb_warning *w = &v->items[i];
        json_t *o = json_pack("{s:s,s:s}", "code", w->code, "message", w->message);
        if (o && w->has_span && d && json_object_set_new(o, "span", vb_json_span(d, w->span))) {
            json_decref(o);
            o = NULL;
        }
        if (!o || json_array_append_new(a, o)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

#define VB_JSON_ARRAY_OF(fn, vec, d)                                        \
    ({                                                                      \
        json_t *arr_ = json_array();                                        \
        for (size_t i_ = 0; arr_ && i_ < (vec).len; i_++)                   \
            if (json_array_append_new(arr_, fn((d), &(vec).items[i_]))) {   \
                json_decref(arr_);                                          \
                arr_ = NULL;                                                \
            }                                                               \
        arr_;                                                               \
    })

json_t *vb_json_facts(const vb_doc *d) {
    return json_pack("{s:o,s:o,s:o,s:o}", "references",
                     VB_JSON_ARRAY_OF(reference, d->references, d), "dates",
                     VB_JSON_ARRAY_OF(date, d->dates, d), "targets",
                     VB_JSON_ARRAY_OF(target, d->targets, d), "assignments",
                     VB_JSON_ARRAY_OF(assignment, d->assignments, d));
}

json_t *vb_json_document(const vb_doc *d) {
    /* the text is the largest string of a result and the normaliser wrote
     * it as valid UTF-8 (ill-formed input became U+FFFD), so jansson's
     * second validation pass is skipped; its dumper still refuses bad bytes */
    json_t *o = json_pack("{s:s,s:o,s:o}", "kind", vb_kind_name(d->kind), "text",
                          json_stringn_nocheck(d->text, d->text_len), "header", header(&d->header));
    json_t *facts = vb_json_facts(d);
    if (!o || !facts || json_object_update(o, facts) ||
        json_object_set_new(o, "sections", sections(d, &d->sections)) ||
        json_object_set_new(o, "warnings", warnings(d, &d->warnings))) {
        json_decref(o);
        json_decref(facts);
        return NULL;
    }
    json_decref(facts);
    return o;
}

json_t *vb_json_result(const vb_result *r) {
    json_t *docs = json_array();
    for (size_t i = 0; docs && i < r->documents.len; i++)
        if (json_array_append_new(docs, vb_json_document(&r->documents.items[i]))) {
            json_decref(docs);
            docs = NULL;
        }
    json_t *errs = json_array();
    for (size_t i = 0; errs && i < r->errors.len; i++)
        if (json_array_append_new(errs, json_pack("{s:s,s:s}", "code", r->errors.items[i].code,
                                                  "message", r->errors.items[i].message))) {
            json_decref(errs);
            errs = NULL;
        }
    json_t *src = json_pack("{s:s,s:o,s:s,s:I}", "path", r->path, "sha256",
                            str_or_null(r->sha256), "format", r->format, "bytes",
                            (json_int_t)r->bytes);
    return json_pack("{s:s,s:o,s:o,s:o,s:o}", "schema_version", VB_SCHEMA_VERSION, "source", src,
                     "documents", docs, "errors", errs, "warnings",
                     warnings(NULL, &r->file_warnings));
}

/* jansson hands a dumper one small piece at a time (a key, a quote, an
 * indent); one locked fwrite per piece costs more than the JSON itself, so
 * pieces are gathered in a fixed block and written a block at a time. */
typedef struct {
    FILE *f;
    size_t len;
    bool failed;
    char block[16384];
} dump_sink;

static void sink_flush(dump_sink *k) {
    if (k->len && !k->failed && fwrite(k->block, 1, k->len, k->f) != k->len) k->failed = true;
    k->len = 0;
}

static int sink_write(const char *p, size_t n, void *data) {
    dump_sink *k = data;
    if (n > sizeof k->block - k->len) {
        sink_flush(k);
        if (n > sizeof k->block) { /* a long string: straight through */
            if (!k->failed && fwrite(p, 1, n, k->f) != n) k->failed = true;
            return k->failed ? -1 : 0;
        }
    }
    memcpy(k->block + k->len, p, n);
    k->len += n;
    return k->failed ? -1 : 0;
}

vb_status vb_json_dump(json_t *v, FILE *f, unsigned flags) {
    size_t jf = JSON_ENSURE_ASCII * 0 | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10);
    jf |= (flags & VB_JSON_COMPACT) ? JSON_COMPACT : JSON_INDENT(2);
    dump_sink k = {.f = f};
    int rc = json_dump_callback(v, sink_write, &k, jf);
    if (rc == 0) sink_write("\n", 1, &k);
    sink_flush(&k);
    return rc != 0 || k.failed ? VB_E_IO : VB_OK;
}
