/* test_xml_write.c — the XML emitter on a hand-built result: escaping,
 * nulls omitted, spans in code points, characters XML cannot carry,
 * numbers, the XSD accepting the output, and write failures reported. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/emit/xml_write.h"
#include "../../pipeline/validate/validate.h"
#include "check.h"

/* "Hà Nội <&> \"x\"\x01 ngày 07/5/2019": the span of "ngày 07/5/2019" starts
 * after 16 code points but more bytes (à, ộ are two bytes each). */
static const char doc_text[] = "Hà Nội <&> \"x\"\x01 ngày 07/5/2019";

static vb_span byte_span(const char *needle) {
    const char *p = strstr(doc_text, needle);
    return (vb_span){(size_t)(p - doc_text), (size_t)(p - doc_text) + strlen(needle)};
}

static vb_result *build(void) {
    vb_result *r = vb_result_new("dir/a&b.txt");
    if (!r) return NULL;
    vb_arena *a = r->arena;
    r->format = "txt";
    r->bytes = 42;
    vb_doc d = {0};
    d.kind = VB_KIND_OFFICIAL;
    d.text = vb_arena_strdup(a, doc_text);
    d.text_len = strlen(doc_text);
    d.header.issuer = vb_arena_strdup(a, "Ủy ban nhân dân <tỉnh>");
    d.header.date = vb_arena_strdup(a, "2019-05-07");
    /* everything else in the header is NULL / empty */
    vb_date date = {.value = vb_arena_strdup(a, "2019-05-07"),
                    .role = VB_DATE_ISSUED,
                    .span = byte_span("ngày 07/5/2019")};
    vb_date recurring = {.role = VB_DATE_RECURRING,
                         .recurrence = vb_arena_strdup(a, "quarterly"),
                         .span = byte_span("Hà Nội")};
    vb_target t = {.value = 12.5,
                   .has_from = true,
                   .from = 74,
                   .unit = vb_arena_strdup(a, "percent"),
                   .comparator = VB_CMP_GE,
                   .span = byte_span("x")};
    vb_assignment as = {
        .unit = vb_arena_strdup(a, "Công an tỉnh"), .role = VB_ROLE_LEAD, .span = byte_span("Nội")};
    vb_reference ref = {.doc_type = vb_arena_strdup(a, "Quyết định"),
                        .number = vb_arena_strdup(a, "361/QĐ-TTg"),
                        .relation = VB_REL_BASIS,
                        .span = byte_span("07/5")};
    vb_section sec = {.label = vb_arena_strdup(a, "I"), .level = 1, .span = byte_span("Hà")};
    vb_section child = {.label = vb_arena_strdup(a, "1"),
                        .title = vb_arena_strdup(a, "Mục đích"),
                        .level = 2,
                        .span = byte_span("Nội")};
    if (!d.text || VB_PUSH(a, d.dates, date) || VB_PUSH(a, d.dates, recurring) || VB_PUSH(a, d.targets, t) ||
        VB_PUSH(a, as.tasks, vb_arena_strdup(a, "Chủ trì & phối hợp")) ||
        VB_PUSH(a, as.task_spans, byte_span("<&>")) || VB_PUSH(a, d.assignments, as) ||
        VB_PUSH(a, ref.mentions, ref.span) || VB_PUSH(a, d.references, ref) ||
        VB_PUSH(a, sec.children, child) || VB_PUSH(a, d.sections, sec) ||
        vb_doc_warn(a, &d, "W_BLANK_NUMBER", NULL, "số để trống") || vb_doc_index(a, &d) ||
        VB_PUSH(a, r->documents, d)) {
        vb_result_free(r);
        return NULL;
    }
    return r;
}

/* Write r to memory; returns the status, *out the bytes (caller frees). */
static vb_status write_mem(const vb_result *r, char **out, size_t *len) {
    FILE *f = open_memstream(out, len);
    if (!f) return VB_E_IO;
    vb_status st = vb_xml_write_result(r, f);
    fclose(f);
    return st;
}

static xmlNode *child(xmlNode *n, const char *name) {
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name)) return c;
    return NULL;
}

/* Content / attribute as a heap string compared then freed. */
static int content_is(xmlNode *n, const char *want) {
    xmlChar *s = n ? xmlNodeGetContent(n) : NULL;
    int ok = s && !strcmp((const char *)s, want);
    if (!ok) fprintf(stderr, "  content \"%s\", want \"%s\"\n", s ? (char *)s : "(none)", want);
    xmlFree(s);
    return ok;
}

static int attr_is(xmlNode *n, const char *name, const char *want) {
    xmlChar *s = n ? xmlGetProp(n, (const xmlChar *)name) : NULL;
    int ok = want ? (s && !strcmp((const char *)s, want)) : s == NULL;
    if (!ok)
        fprintf(stderr, "  @%s = \"%s\", want \"%s\"\n", name, s ? (char *)s : "(none)",
                want ? want : "(absent)");
    xmlFree(s);
    return ok;
}

static void test_content_and_escaping(void) {
    vb_result *r = build();
    CHECK(r != NULL);
    if (!r) return;
    char *xml = NULL;
    size_t len = 0;
    CHECK_INT(write_mem(r, &xml, &len), VB_OK);
    /* text never appears unescaped */
    CHECK(strstr(xml, "<tỉnh>") == NULL);
    CHECK(strstr(xml, "&lt;tỉnh&gt;") != NULL);
    xmlDocPtr doc = xmlReadMemory(xml, (int)len, "t.xml", NULL, XML_PARSE_NONET);
    CHECK(doc != NULL);
    if (doc) {
        xmlNode *root = xmlDocGetRootElement(doc);
        CHECK_STR((const char *)root->name, "result");
        CHECK(root->ns && !strcmp((const char *)root->ns->href, VB_XML_NS));
        xmlNode *src = child(root, "source");
        CHECK(content_is(child(src, "path"), "dir/a&b.txt"));
        CHECK(child(src, "sha256") == NULL); /* null -> omitted */
        CHECK(attr_is(src, "bytes", "42"));
        xmlNode *d = child(child(root, "documents"), "document");
        CHECK(attr_is(d, "kind", "official"));
        /* \x01 cannot be carried by XML 1.0: one U+FFFD in its place */
        CHECK(content_is(child(d, "text"), "Hà Nội <&> \"x\"\xEF\xBF\xBD ngày 07/5/2019"));
        xmlNode *h = child(d, "header");
        CHECK(content_is(child(h, "issuer"), "Ủy ban nhân dân <tỉnh>"));
        CHECK(child(h, "signer") == NULL && child(h, "number") == NULL);
        CHECK(child(h, "recipients") != NULL && child(child(h, "recipients"), "recipient") == NULL);
        xmlNode *date = child(child(d, "dates"), "date");
        CHECK(attr_is(date, "start", "16") && attr_is(date, "end", "30"));
        CHECK(attr_is(date, "value", "2019-05-07") && attr_is(date, "role", "issued"));
        CHECK(attr_is(date, "recurrence", NULL));
        xmlNode *rec = date ? date->next : NULL;
        while (rec && rec->type != XML_ELEMENT_NODE) rec = rec->next;
        CHECK(attr_is(rec, "value", NULL) && attr_is(rec, "recurrence", "quarterly"));
        xmlNode *t = child(child(d, "targets"), "target");
        CHECK(attr_is(t, "value", "12.5") && attr_is(t, "from", "74"));
        CHECK(attr_is(t, "comparator", "ge") && child(t, "indicator") == NULL);
        xmlNode *task = child(child(child(child(d, "assignments"), "assignment"), "tasks"), "task");
        CHECK(content_is(task, "Chủ trì & phối hợp"));
        CHECK(attr_is(task, "start", "7") && attr_is(task, "end", "10"));
        xmlNode *ref = child(child(d, "references"), "reference");
        CHECK(attr_is(ref, "relation", "basis") && child(ref, "date") == NULL);
        CHECK(attr_is(child(child(ref, "mentions"), "mention"), "start", "21"));
        xmlNode *sec = child(child(d, "sections"), "section");
        CHECK(attr_is(sec, "level", "1") && child(sec, "title") == NULL);
        CHECK(content_is(child(child(sec, "section"), "title"), "Mục đích"));
        xmlNode *w = child(child(d, "warnings"), "warning");
        CHECK(attr_is(w, "code", "W_BLANK_NUMBER") && attr_is(w, "start", NULL));
        xmlFreeDoc(doc);
    }
    free(xml);
    vb_result_free(r);
}

static void test_output_validates_against_xsd(void) {
    vb_result *r = build();
    if (!r) {
        CHECK(r != NULL);
        return;
    }
    char *xml = NULL;
    size_t len = 0;
    CHECK_INT(write_mem(r, &xml, &len), VB_OK);
    const char *env = getenv("VANBAN_SCHEMAS");
    vb_validator *v = NULL;
    char err[512];
    CHECK_INT(vb_validator_open(env && *env ? env : "schemas", &v, err, sizeof err), VB_OK);
    if (v) {
        CHECK_INT(vb_validate_buffer(v, xml, len, NULL, NULL), VB_OK);
        vb_validator_close(v);
    }
    free(xml);
    vb_result_free(r);
}

static void test_empty_result(void) {
    vb_result *r = vb_result_new("missing.docx");
    if (!r) {
        CHECK(r != NULL);
        return;
    }
    vb_result_error(r, VB_E_IO, "cannot open %s", "missing.docx");
    char *xml = NULL;
    size_t len = 0;
    CHECK_INT(write_mem(r, &xml, &len), VB_OK);
    CHECK(strstr(xml, "<documents/>") != NULL);
    CHECK(strstr(xml, "<error code=\"E_IO\">") != NULL);
    free(xml);
    vb_result_free(r);
}

static void test_broken_invariants_and_io(void) {
    vb_result *r = build();
    if (!r) {
        CHECK(r != NULL);
        return;
    }
    char *xml = NULL;
    size_t len = 0;
    /* tasks and task_spans not parallel: refused, not silently mis-paired */
    vb_assignment *as = &r->documents.items[0].assignments.items[0];
    as->task_spans.len = 0;
    CHECK_INT(write_mem(r, &xml, &len), VB_E_INTERNAL);
    free(xml);
    as->task_spans.len = 1;
    /* a number XML cannot carry */
    r->documents.items[0].targets.items[0].value = HUGE_VAL;
    xml = NULL;
    CHECK_INT(write_mem(r, &xml, &len), VB_E_INTERNAL);
    free(xml);
    r->documents.items[0].targets.items[0].value = 12.5;
    /* a full disk */
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        CHECK_INT(vb_xml_write_result(r, full), VB_E_IO);
        fclose(full);
    }
    vb_result_free(r);
}

int main(void) {
    VB_RUN(test_content_and_escaping);
    VB_RUN(test_output_validates_against_xsd);
    VB_RUN(test_empty_result);
    VB_RUN(test_broken_invariants_and_io);
    return VB_SUMMARY("xml_write");
}
