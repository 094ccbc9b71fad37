#include "validate.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/buf.h"
#include "jschema.h"

#if LIBXML_VERSION >= 21200
typedef const xmlError *vb_xml_error;
#else
typedef xmlErrorPtr vb_xml_error;
#endif

struct vb_validator {
    vb_jschema *json;
    xmlSchemaPtr xsd;
};

/* ---- finding the schemas -------------------------------------------------- */

static bool vb_is_file(const char *dir, const char *name) {
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) return false;
    return access(path, R_OK) == 0;
}

static bool vb_schemas_in(const char *dir) {
    return dir && *dir && vb_is_file(dir, VB_JSON_SCHEMA_FILE) && vb_is_file(dir, VB_XSD_FILE);
}

vb_status vb_schemas_dir_find(const char *explicit_dir, char *out, size_t outlen) {
    if (explicit_dir) {
        if (!vb_schemas_in(explicit_dir)) return VB_E_IO;
        snprintf(out, outlen, "%s", explicit_dir);
        return VB_OK;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) *slash = '\0';
        static const char *const rel[] = {"/../schemas", "/../share/vanban/schemas"};
        for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
            char dir[PATH_MAX];
            if (snprintf(dir, sizeof dir, "%s%s", exe, rel[i]) < (int)sizeof dir && vb_schemas_in(dir)) {
                snprintf(out, outlen, "%s", dir);
                return VB_OK;
            }
        }
    }
    const char *env = getenv("VANBAN_SCHEMAS");
    if (vb_schemas_in(env)) {
        snprintf(out, outlen, "%s", env);
        return VB_OK;
    }
    return VB_E_IO;
}

/* ---- opening -------------------------------------------------------------- */

typedef struct {
    char *err;
    size_t errlen;
} vb_xsd_load_ctx;

/* Keep the first schema-parser error: later ones usually follow from it. */
static void vb_xsd_load_error(void *ctx, vb_xml_error e) {
    vb_xsd_load_ctx *c = ctx;
    if (c->err[0] || !e) return;
    snprintf(c->err, c->errlen, "%s:%d: %s", e->file ? e->file : VB_XSD_FILE, e->line,
             e->message ? e->message : "error");
    size_t len = strlen(c->err);
    while (len && (c->err[len - 1] == '\n' || c->err[len - 1] == ' ')) c->err[--len] = '\0';
}

vb_status vb_validator_open(const char *dir, vb_validator **out, char *err, size_t errlen) {
    *out = NULL;
    err[0] = '\0';
    xmlInitParser();
    vb_validator *v = calloc(1, sizeof *v);
    if (!v) return VB_E_NOMEM;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, VB_JSON_SCHEMA_FILE);
    vb_status st = vb_jschema_load(path, &v->json, err, errlen);
    if (st != VB_OK) {
        vb_validator_close(v);
        return st;
    }
    snprintf(path, sizeof path, "%s/%s", dir, VB_XSD_FILE);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(path);
    if (!pc) {
        vb_validator_close(v);
        return VB_E_NOMEM;
    }
    vb_xsd_load_ctx lc = {err, errlen};
    xmlSchemaSetParserStructuredErrors(pc, vb_xsd_load_error, &lc);
    v->xsd = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (!v->xsd) {
        if (!err[0]) snprintf(err, errlen, "%s: cannot load the XML schema", path);
        vb_validator_close(v);
        return access(path, R_OK) == 0 ? VB_E_SCHEMA : VB_E_IO;
    }
    *out = v;
    return VB_OK;
}

void vb_validator_close(vb_validator *v) {
    if (!v) return;
    vb_jschema_free(v->json);
    if (v->xsd) xmlSchemaFree(v->xsd);
    free(v);
}

/* ---- detection ------------------------------------------------------------ */

static size_t vb_skip_bom_space(const char *data, size_t len) {
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) i++;
    return i;
}

/* JSON Lines: something other than blanks follows the first line, and
 * either the first line alone is a whole JSON value or the next line opens
 * one at its very start (so a broken first record is still seen as one).
 * A pretty-printed result's first line is "{" and its next is indented. */
static bool vb_looks_like_jsonl(const char *data, size_t len, size_t start) {
    const char *nl = memchr(data + start, '\n', len - start);
    if (!nl) return false;
    size_t end = (size_t)(nl - data);
    if (vb_skip_bom_space(nl, len - end) == len - end) return false;
    if (end + 1 < len && (nl[1] == '{' || nl[1] == '[')) return true;
    json_error_t je;
    json_t *first = json_loadb(data + start, end - start, 0, &je);
    json_decref(first);
    return first != NULL;
}

vb_input_kind vb_validate_sniff(const char *data, size_t len) {
    size_t i = vb_skip_bom_space(data, len);
    if (i == len) return VB_INPUT_UNKNOWN;
    if (data[i] == '<') return VB_INPUT_XML;
    if (data[i] == '{' || data[i] == '[')
        return vb_looks_like_jsonl(data, len, i) ? VB_INPUT_JSONL : VB_INPUT_JSON;
    return VB_INPUT_UNKNOWN;
}

/* ---- JSON ----------------------------------------------------------------- */

typedef struct {
    vb_validate_report fn;
    void *ctx;
    long line; /* JSON Lines: the record's line; 0 for a whole-file JSON */
} vb_json_report_ctx;

static void vb_json_violation(void *ctx, const char *pointer, const char *message) {
    vb_json_report_ctx *c = ctx;
    if (c->fn) c->fn(c->ctx, c->line, pointer, message);
}

/* A line of `vanban batch`'s manifest.jsonl is a record about a result, not
 * a result: say so once instead of listing every field it lacks. */
static bool vb_is_manifest_record(const json_t *doc) {
    return json_is_object(doc) && !json_object_get(doc, "schema_version") && json_object_get(doc, "status") &&
           json_object_get(doc, "path");
}

/* One JSON value; `line` is where it starts in the input (JSON Lines) or 0. */
static vb_status vb_validate_json_at(const vb_validator *v, const char *data, size_t len, long line,
                                     vb_validate_report fn, void *ctx) {
    json_error_t je;
    json_t *doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
    if (!doc) {
        char msg[256];
        snprintf(msg, sizeof msg, "malformed JSON at column %d: %s", je.column, je.text);
        long at = line ? line : je.line > 0 ? je.line : 0;
        if (fn) fn(ctx, at, "", msg);
        return VB_E_SCHEMA;
    }
    vb_status st;
    if (vb_is_manifest_record(doc)) {
        if (fn)
            fn(ctx, line, "",
               "a `vanban batch` manifest record, not a result "
               "(validate the result files it names)");
        st = VB_E_SCHEMA;
    } else {
        vb_json_report_ctx rc = {fn, ctx, line};
        st = vb_jschema_validate(v->json, doc, vb_json_violation, &rc, NULL);
    }
    json_decref(doc);
    return st;
}

/* JSON Lines: each non-blank line one result; a bad line does not stop the
 * others from being checked. */
static vb_status vb_validate_jsonl(const vb_validator *v, const char *data, size_t len, vb_validate_report fn,
                                   void *ctx, size_t *records) {
    vb_status worst = VB_OK;
    size_t n = 0, at = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) at = 3;
    for (long line = 1; at < len; line++) {
        const char *nl = memchr(data + at, '\n', len - at);
        size_t end = nl ? (size_t)(nl - data) : len;
        if (vb_skip_bom_space(data + at, end - at) < end - at) {
            n++;
            vb_status st = vb_validate_json_at(v, data + at, end - at, line, fn, ctx);
            if (st == VB_E_NOMEM || st == VB_E_INTERNAL) return st;
            if (st != VB_OK) worst = st;
        }
        at = end + 1;
    }
    if (records) *records = n;
    return worst;
}

/* ---- XML ------------------------------------------------------------------ */

/* "/result/documents/document[1]/dates/date[4]": the local names from the
 * root, with a 1-based position wherever a name repeats among siblings. */
static void vb_xml_node_path(const xmlNode *node, vb_buf *out) {
    enum { MAX_DEPTH = 512 };
    const xmlNode *chain[MAX_DEPTH];
    size_t n = 0;
    const xmlNode *attr = NULL;
    if (node && node->type == XML_ATTRIBUTE_NODE) {
        attr = node;
        node = node->parent;
    }
    for (const xmlNode *p = node; p && p->type == XML_ELEMENT_NODE && n < MAX_DEPTH; p = p->parent)
        chain[n++] = p;
    if (n == MAX_DEPTH) vb_buf_puts(out, "/...");
    while (n--) {
        /* chain[0..n) was filled above; cppcheck does not follow the count */
        /* cppcheck-suppress uninitvar */
        const xmlNode *e = chain[n];
        size_t index = 0, same = 0;
        for (const xmlNode *s = e->parent ? e->parent->children : e; s; s = s->next) {
            if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, e->name)) continue;
            same++;
            if (s == e) index = same;
        }
        vb_buf_printf(out, "/%s", (const char *)e->name);
        if (same > 1) vb_buf_printf(out, "[%zu]", index);
    }
    if (attr) vb_buf_printf(out, "/@%s", (const char *)attr->name);
}

typedef struct {
    vb_validate_report fn;
    void *ctx;
    vb_buf path, msg;
    size_t count;
} vb_xml_report_ctx;

/* libxml2's message, without its trailing newline and without the namespace
 * braces "{urn:vanban:result:1}" in front of every element name. */
static void vb_xml_clean_message(const char *m, vb_buf *out) {
    static const char ns[] = "{urn:vanban:result:1}";
    vb_buf_reset(out);
    for (const char *p = m; *p;) {
        if (!strncmp(p, ns, sizeof ns - 1)) {
            p += sizeof ns - 1;
            continue;
        }
        vb_buf_putc(out, *p++);
    }
    while (out->len && (out->data[out->len - 1] == '\n' || out->data[out->len - 1] == ' ')) out->len--;
}

static void vb_xml_violation(void *ctx, vb_xml_error e) {
    vb_xml_report_ctx *c = ctx;
    if (!e || e->level < XML_ERR_ERROR) return; /* warnings are not violations */
    c->count++;
    if (!c->fn) return;
    vb_buf_reset(&c->path);
    vb_xml_node_path(e->node, &c->path);
    vb_xml_clean_message(e->message ? e->message : "invalid", &c->msg);
    const char *path = vb_buf_cstr(&c->path), *msg = vb_buf_cstr(&c->msg);
    c->fn(c->ctx, e->line, path ? path : "", msg ? msg : "invalid (no memory for the message)");
}

static vb_status vb_validate_xml(const vb_validator *v, const char *data, size_t len, vb_validate_report fn,
                                 void *ctx) {
    if (len > INT_MAX) return VB_E_SCHEMA;
    xmlParserCtxtPtr pc = xmlNewParserCtxt();
    if (!pc) return VB_E_NOMEM;
    /* No network, no entity substitution, no DTD loading; errors are read
     * from the context instead of printed. */
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlDocPtr doc = xmlCtxtReadMemory(pc, data, (int)len, "input.xml", NULL, opts);
    vb_status st = VB_OK;
    if (!doc) {
        vb_xml_error e = xmlCtxtGetLastError(pc);
        char msg[512];
        snprintf(msg, sizeof msg, "malformed XML: %s", e && e->message ? e->message : "unreadable");
        size_t n = strlen(msg);
        while (n && msg[n - 1] == '\n') msg[--n] = '\0';
        if (fn) fn(ctx, e ? e->line : 0, "", msg);
        xmlFreeParserCtxt(pc);
        return VB_E_SCHEMA;
    }
    xmlFreeParserCtxt(pc);
    if (doc->intSubset || doc->extSubset) {
        if (fn) fn(ctx, 1, "", "a DTD is not allowed in a vanban result");
        xmlFreeDoc(doc);
        return VB_E_SCHEMA;
    }
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(v->xsd);
    if (!vc) {
        xmlFreeDoc(doc);
        return VB_E_NOMEM;
    }
    vb_xml_report_ctx rc = {.fn = fn, .ctx = ctx};
    vb_buf_init(&rc.path);
    vb_buf_init(&rc.msg);
    xmlSchemaSetValidStructuredErrors(vc, vb_xml_violation, &rc);
    int r = xmlSchemaValidateDoc(vc, doc);
    if (r < 0)
        st = VB_E_INTERNAL;
    else if (r > 0 || rc.count)
        st = VB_E_SCHEMA;
    xmlSchemaFreeValidCtxt(vc);
    xmlFreeDoc(doc);
    vb_buf_free(&rc.path);
    vb_buf_free(&rc.msg);
    return st;
}

/* ---- entry points --------------------------------------------------------- */

vb_status vb_validate_buffer(const vb_validator *v, const char *data, size_t len, vb_validate_report fn,
                             void *ctx) {
    return vb_validate_buffer_mode(v, data, len, VB_VALIDATE_AUTO, fn, ctx, NULL);
}

vb_status vb_validate_buffer_mode(const vb_validator *v, const char *data, size_t len, vb_validate_mode mode,
                                  vb_validate_report fn, void *ctx, size_t *records) {
    if (records) *records = 1;
    if (mode == VB_VALIDATE_JSONL) return vb_validate_jsonl(v, data, len, fn, ctx, records);
    switch (vb_validate_sniff(data, len)) {
    case VB_INPUT_JSONL: return vb_validate_jsonl(v, data, len, fn, ctx, records);
    case VB_INPUT_JSON: return vb_validate_json_at(v, data, len, 0, fn, ctx);
    case VB_INPUT_XML: return vb_validate_xml(v, data, len, fn, ctx);
    default:
        if (fn) fn(ctx, 0, "", "neither JSON nor XML (expected '{' or '<' first)");
        return VB_E_SCHEMA;
    }
}

vb_status vb_validate_file(const vb_validator *v, const char *path, vb_validate_report fn, void *ctx) {
    return vb_validate_file_mode(v, path, VB_VALIDATE_AUTO, fn, ctx, NULL);
}

vb_status vb_validate_file_mode(const vb_validator *v, const char *path, vb_validate_mode mode,
                                vb_validate_report fn, void *ctx, size_t *records) {
    if (records) *records = 0;
    bool is_stdin = !strcmp(path, "-");
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) return VB_E_IO;
    vb_buf b;
    vb_buf_init(&b);
    char chunk[65536];
    size_t n;
    bool too_large = false;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > VB_VALIDATE_MAX_BYTES) {
            too_large = true;
            break;
        }
        vb_buf_append(&b, chunk, n);
    }
    bool read_error = ferror(f) != 0;
    if (!is_stdin) fclose(f);
    vb_status st;
    if (read_error) {
        st = VB_E_IO;
    } else if (b.oom) {
        st = VB_E_NOMEM;
    } else if (too_large) {
        char msg[96];
        snprintf(msg, sizeof msg, "larger than %zu bytes: refused", (size_t)VB_VALIDATE_MAX_BYTES);
        if (fn) fn(ctx, 0, "", msg);
        st = VB_E_SCHEMA;
    } else {
        st = vb_validate_buffer_mode(v, b.data ? b.data : "", b.len, mode, fn, ctx, records);
    }
    vb_buf_free(&b);
    return st;
}
