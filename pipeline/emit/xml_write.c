#include "xml_write.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"

/* Every xmlTextWriter call returns < 0 on failure; TRY turns that into an
 * early return (the writer is freed once, by vb_xml_stream_free). */
#define TRY(call)                       \
    do {                                \
        if ((call) < 0) return VB_E_IO; \
    } while (0)
#define TRYS(call)                  \
    do {                            \
        vb_status s_ = (call);      \
        if (s_ != VB_OK) return s_; \
    } while (0)

typedef struct {
    xmlTextWriterPtr w;
    vb_buf scratch; /* for text that needs cleaning; reused */
} xml_out;

#define X(s) ((const xmlChar *)(s))

/* Length of the valid UTF-8 sequence at s[0..n) whose code point XML 1.0
 * allows, or 0 when it must be replaced. */
static size_t xml_char_len(const unsigned char *s, size_t n) {
    unsigned c = s[0];
    if (c < 0x80) return (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') ? 1 : 0;
    size_t len;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0)
        len = 2, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
        len = 3, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
        len = 4, cp = c & 0x07, min = 0x10000;
    else
        return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return 0;
    return len;
}

/* s[0..n) as text XML can carry: s itself when clean (the common case),
 * else a cleaned copy in o->scratch.  NULL on no memory. */
static const char *xml_clean(xml_out *o, const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, k;
    while (i < n && (k = xml_char_len(u + i, n - i)) != 0) i += k;
    if (i == n && memchr(s, '\0', n) == NULL) return s;
    vb_buf_reset(&o->scratch);
    vb_buf_append(&o->scratch, s, i);
    while (i < n) {
        k = xml_char_len(u + i, n - i);
        if (k) {
            vb_buf_append(&o->scratch, s + i, k);
            i += k;
        } else {
            vb_buf_put_cp(&o->scratch, 0xFFFD);
            i++;
        }
    }
    return vb_buf_cstr(&o->scratch);
}

/* s[0..n) as element text; s need not be NUL-terminated (libxml2 wants a
 * C string, so an unterminated clean s is copied to o->scratch). */
static vb_status text_n(xml_out *o, const char *s, size_t n, bool terminated) {
    const char *t = xml_clean(o, s, n);
    if (t == s && !terminated) {
        vb_buf_reset(&o->scratch);
        vb_buf_append(&o->scratch, s, n);
        t = vb_buf_cstr(&o->scratch);
    }
    if (!t) return VB_E_NOMEM;
    TRY(xmlTextWriterWriteString(o->w, X(t)));
    return VB_OK;
}

/* <name>s</name>; nothing when s is NULL (JSON null). */
static vb_status elem(xml_out *o, const char *name, const char *s) {
    if (!s) return VB_OK;
    TRY(xmlTextWriterStartElement(o->w, X(name)));
    TRYS(text_n(o, s, strlen(s), true));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

/* <name>the words under span s of d</name> */
static vb_status span_elem(xml_out *o, const char *name, const vb_doc *d, vb_span s) {
    size_t n;
    const char *p = vb_doc_span_text(d, s, &n);
    TRY(xmlTextWriterStartElement(o->w, X(name)));
    TRYS(text_n(o, p, n, false));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

static vb_status attr(xml_out *o, const char *name, const char *s) {
    if (!s) return VB_OK;
    const char *t = xml_clean(o, s, strlen(s));
    if (!t) return VB_E_NOMEM;
    TRY(xmlTextWriterWriteAttribute(o->w, X(name), X(t)));
    return VB_OK;
}

static vb_status attr_size(xml_out *o, const char *name, size_t v) {
    char num[32];
    snprintf(num, sizeof num, "%zu", v);
    TRY(xmlTextWriterWriteAttribute(o->w, X(name), X(num)));
    return VB_OK;
}

/* A finite double with the JSON writer's 10 significant digits, always with
 * '.' as the decimal mark whatever LC_NUMERIC says. */
static vb_status attr_number(xml_out *o, const char *name, double v) {
    if (!isfinite(v)) return VB_E_INTERNAL;
    char num[40];
    snprintf(num, sizeof num, "%.10g", v);
    for (char *p = num; *p; p++)
        if (*p == ',') *p = '.';
    TRY(xmlTextWriterWriteAttribute(o->w, X(name), X(num)));
    return VB_OK;
}

static vb_status attr_span(xml_out *o, const vb_doc *d, vb_span s) {
    TRYS(attr_size(o, "start", vb_doc_cp_offset(d, s.start)));
    TRYS(attr_size(o, "end", vb_doc_cp_offset(d, s.end)));
    return VB_OK;
}

/* <list><item>s</item>…</list> */
static vb_status strv(xml_out *o, const char *list, const char *item, const vb_strv *v) {
    TRY(xmlTextWriterStartElement(o->w, X(list)));
    for (size_t i = 0; i < v->len; i++) TRYS(elem(o, item, v->items[i] ? v->items[i] : ""));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

static vb_status header(xml_out *o, const vb_header *h) {
    TRY(xmlTextWriterStartElement(o->w, X("header")));
    TRYS(elem(o, "issuer", h->issuer));
    TRYS(elem(o, "issuer_parent", h->issuer_parent));
    TRYS(elem(o, "number", h->number));
    TRYS(elem(o, "doc_type", h->doc_type));
    TRYS(elem(o, "doc_type_code", h->doc_type_code));
    TRYS(elem(o, "place", h->place));
    TRYS(elem(o, "date", h->date));
    TRYS(elem(o, "subject", h->subject));
    TRYS(strv(o, "recipients", "recipient", &h->recipients));
    TRYS(elem(o, "signer", h->signer));
    TRYS(strv(o, "distribution", "entry", &h->distribution));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

static vb_status reference(xml_out *o, const vb_doc *d, const vb_reference *r) {
    TRY(xmlTextWriterStartElement(o->w, X("reference")));
    TRYS(attr(o, "relation", vb_relation_name(r->relation)));
    TRYS(attr_span(o, d, r->span));
    TRYS(elem(o, "doc_type", r->doc_type));
    TRYS(elem(o, "doc_type_code", r->doc_type_code));
    TRYS(elem(o, "number", r->number));
    TRYS(elem(o, "date", r->date));
    TRYS(elem(o, "issuer", r->issuer));
    TRYS(elem(o, "subject", r->subject));
    TRY(xmlTextWriterStartElement(o->w, X("mentions")));
    for (size_t i = 0; i < r->mentions.len; i++) {
        TRY(xmlTextWriterStartElement(o->w, X("mention")));
        TRYS(attr_span(o, d, r->mentions.items[i]));
        TRY(xmlTextWriterEndElement(o->w));
    }
    TRY(xmlTextWriterEndElement(o->w));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

static vb_status date(xml_out *o, const vb_doc *d, const vb_date *x) {
    TRY(xmlTextWriterStartElement(o->w, X("date")));
    TRYS(attr(o, "role", vb_date_role_name(x->role)));
    TRYS(attr(o, "value", x->value));
    TRYS(attr(o, "recurrence", x->recurrence));
    TRYS(attr(o, "rule", x->rule));
    TRYS(attr_span(o, d, x->span));
    TRYS(span_elem(o, "text", d, x->span));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

static vb_status target(xml_out *o, const vb_doc *d, const vb_target *t) {
    TRY(xmlTextWriterStartElement(o->w, X("target")));
    TRYS(attr_number(o, "value", t->value));
    if (t->has_from) TRYS(attr_number(o, "from", t->from));
    TRYS(attr(o, "unit", t->unit ? t->unit : "count")); /* as json_write.c */
    TRYS(attr(o, "comparator", vb_comparator_name(t->comparator)));
    TRYS(attr_span(o, d, t->span));
    TRYS(span_elem(o, "text", d, t->span));
    TRYS(elem(o, "indicator", t->indicator));
    TRYS(elem(o, "theme", t->theme));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

static vb_status assignment(xml_out *o, const vb_doc *d, const vb_assignment *x) {
    if (x->tasks.len != x->task_spans.len) return VB_E_INTERNAL;
    TRY(xmlTextWriterStartElement(o->w, X("assignment")));
    TRYS(attr(o, "role", vb_role_name(x->role)));
    TRYS(attr_span(o, d, x->span));
    TRYS(elem(o, "unit", x->unit ? x->unit : ""));
    TRYS(elem(o, "section", x->section));
    TRY(xmlTextWriterStartElement(o->w, X("tasks")));
    for (size_t i = 0; i < x->tasks.len; i++) {
        const char *task = x->tasks.items[i] ? x->tasks.items[i] : "";
        TRY(xmlTextWriterStartElement(o->w, X("task")));
        TRYS(attr_span(o, d, x->task_spans.items[i]));
        TRYS(text_n(o, task, strlen(task), true));
        TRY(xmlTextWriterEndElement(o->w));
    }
    TRY(xmlTextWriterEndElement(o->w));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

/* Sections nest as deep as the document's headings; the segmenter bounds
 * the depth (levels I / 1 / 1.1 / a / -), so recursion is shallow. */
static vb_status section(xml_out *o, const vb_doc *d, const vb_section *s) {
    TRY(xmlTextWriterStartElement(o->w, X("section")));
    char level[16];
    snprintf(level, sizeof level, "%d", s->level);
    TRY(xmlTextWriterWriteAttribute(o->w, X("level"), X(level)));
    TRYS(attr_span(o, d, s->span));
    TRYS(elem(o, "label", s->label ? s->label : ""));
    TRYS(elem(o, "title", s->title));
    for (size_t i = 0; i < s->children.len; i++) TRYS(section(o, d, &s->children.items[i]));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

/* d is NULL for the file-level warnings, which carry no span (as in JSON). */
static vb_status warnings(xml_out *o, const vb_doc *d, const vb_warningv *v) {
    TRY(xmlTextWriterStartElement(o->w, X("warnings")));
    for (size_t i = 0; i < v->len; i++) {
        const vb_warning *w = &v->items[i];
        TRY(xmlTextWriterStartElement(o->w, X("warning")));
        TRYS(attr(o, "code", w->code ? w->code : ""));
        if (w->has_span && d) TRYS(attr_span(o, d, w->span));
        TRYS(elem(o, "message", w->message ? w->message : ""));
        TRY(xmlTextWriterEndElement(o->w));
    }
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

/* Item writers with one signature, so document() can write each fact array
 * with the same container loop. */
typedef vb_status (*item_writer)(xml_out *o, const vb_doc *d, const void *item);
static vb_status reference_item(xml_out *o, const vb_doc *d, const void *p) { return reference(o, d, p); }
static vb_status date_item(xml_out *o, const vb_doc *d, const void *p) { return date(o, d, p); }
static vb_status target_item(xml_out *o, const vb_doc *d, const void *p) { return target(o, d, p); }
static vb_status assignment_item(xml_out *o, const vb_doc *d, const void *p) { return assignment(o, d, p); }
static vb_status section_item(xml_out *o, const vb_doc *d, const void *p) { return section(o, d, p); }

/* <name> item… </name> for items[0..n) of `size` bytes each. */
static vb_status list(xml_out *o, const vb_doc *d, const char *name, const void *items, size_t n, size_t size,
                      item_writer fn) {
    TRY(xmlTextWriterStartElement(o->w, X(name)));
    for (size_t i = 0; i < n; i++) TRYS(fn(o, d, (const char *)items + i * size));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}
#define VB_XML_LIST(o, d, name, vec, fn) \
    list((o), (d), (name), (vec).items, (vec).len, sizeof *(vec).items, (fn))

static vb_status document(xml_out *o, const vb_doc *d) {
    TRY(xmlTextWriterStartElement(o->w, X("document")));
    TRYS(attr(o, "kind", vb_kind_name(d->kind)));
    TRY(xmlTextWriterStartElement(o->w, X("text")));
    if (d->text) TRYS(text_n(o, d->text, d->text_len, true));
    TRY(xmlTextWriterEndElement(o->w));
    TRYS(header(o, &d->header));
    TRYS(VB_XML_LIST(o, d, "references", d->references, reference_item));
    TRYS(VB_XML_LIST(o, d, "dates", d->dates, date_item));
    TRYS(VB_XML_LIST(o, d, "targets", d->targets, target_item));
    TRYS(VB_XML_LIST(o, d, "assignments", d->assignments, assignment_item));
    TRYS(VB_XML_LIST(o, d, "sections", d->sections, section_item));
    TRYS(warnings(o, d, &d->warnings));
    TRY(xmlTextWriterEndElement(o->w));
    return VB_OK;
}

/* The document up to the opening of <documents>. */
static vb_status result_begin(xml_out *o, const vb_result *r) {
    TRY(xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL));
    TRY(xmlTextWriterStartElementNS(o->w, NULL, X("result"), X(VB_XML_NS)));
    TRYS(attr(o, "schema_version", "1.0"));

    TRY(xmlTextWriterStartElement(o->w, X("source")));
    TRYS(attr(o, "format", r->format));
    TRYS(attr_size(o, "bytes", r->bytes));
    TRYS(elem(o, "path", r->path ? r->path : ""));
    TRYS(elem(o, "sha256", r->sha256));
    TRY(xmlTextWriterEndElement(o->w));

    TRY(xmlTextWriterStartElement(o->w, X("documents")));
    return VB_OK;
}

/* From the closing of <documents> to the end, flushed. */
static vb_status result_end(xml_out *o, const vb_result *r) {
    TRY(xmlTextWriterEndElement(o->w));

    TRY(xmlTextWriterStartElement(o->w, X("errors")));
    for (size_t i = 0; i < r->errors.len; i++) {
        const vb_error *e = &r->errors.items[i];
        TRY(xmlTextWriterStartElement(o->w, X("error")));
        TRYS(attr(o, "code", e->code ? e->code : "E_INTERNAL"));
        TRYS(elem(o, "message", e->message ? e->message : ""));
        TRY(xmlTextWriterEndElement(o->w));
    }
    TRY(xmlTextWriterEndElement(o->w));
    TRYS(warnings(o, NULL, &r->file_warnings));

    TRY(xmlTextWriterEndElement(o->w));
    TRY(xmlTextWriterEndDocument(o->w));
    TRY(xmlTextWriterFlush(o->w));
    return VB_OK;
}

/* ---- streaming: the writer lives from begin to end ---- */

struct vb_xml_stream {
    xml_out o;
    FILE *f;
    vb_status status; /* first failure, sticky */
};

vb_xml_stream *vb_xml_stream_new(FILE *f) {
    if (!f) return NULL;
    vb_xml_stream *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
    s->o.w = out ? xmlNewTextWriter(out) : NULL; /* the writer owns `out` from here */
    if (!s->o.w) {
        if (out) xmlOutputBufferClose(out);
        free(s);
        return NULL;
    }
    s->f = f;
    vb_buf_init(&s->o.scratch);
    if (xmlTextWriterSetIndent(s->o.w, 1) < 0 || xmlTextWriterSetIndentString(s->o.w, X("  ")) < 0)
        s->status = VB_E_NOMEM;
    return s;
}

void vb_xml_stream_free(vb_xml_stream *s) {
    if (!s) return;
    xmlFreeTextWriter(s->o.w); /* flushes and closes the output buffer, not f */
    vb_buf_free(&s->o.scratch);
    free(s);
}

vb_status vb_xml_stream_begin(vb_xml_stream *s, const vb_result *r) {
    if (s->status == VB_OK) s->status = result_begin(&s->o, r);
    return s->status;
}

vb_status vb_xml_stream_document(vb_xml_stream *s, const vb_doc *d) {
    if (s->status == VB_OK) s->status = document(&s->o, d);
    return s->status;
}

vb_status vb_xml_stream_end(vb_xml_stream *s, const vb_result *r) {
    if (s->status == VB_OK) s->status = result_end(&s->o, r);
    if (s->status == VB_OK && (ferror(s->f) || fflush(s->f) != 0)) s->status = VB_E_IO;
    return s->status;
}

static vb_status sink_begin(void *ctx, const vb_result *r) { return vb_xml_stream_begin(ctx, r); }
static vb_status sink_document(void *ctx, const vb_result *r, const vb_doc *d) {
    (void)r;
    return vb_xml_stream_document(ctx, d);
}
static vb_status sink_end(void *ctx, const vb_result *r) { return vb_xml_stream_end(ctx, r); }

vb_sink vb_xml_sink(vb_xml_stream *s) {
    return (vb_sink){.begin = sink_begin, .document = sink_document, .end = sink_end, .ctx = s};
}

vb_status vb_xml_write_result(const vb_result *r, FILE *f) {
    if (!r || !f) return VB_E_INTERNAL;
    vb_xml_stream *s = vb_xml_stream_new(f);
    if (!s) return VB_E_NOMEM;
    vb_status st = vb_xml_stream_begin(s, r);
    for (size_t i = 0; i < r->documents.len && st == VB_OK; i++)
        st = vb_xml_stream_document(s, &r->documents.items[i]);
    if (st == VB_OK) st = vb_xml_stream_end(s, r);
    vb_xml_stream_free(s);
    return st;
}
