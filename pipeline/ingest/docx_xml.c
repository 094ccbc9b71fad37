/* Hostile-input XML reader over a zip entry: see docx_xml.h. */
#include "docx_xml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

static const char DOCTYPE[] = "<!DOCTYPE";

/* Does the chunk, joined to the previous chunk's tail, hold "<!DOCTYPE"?
 * Checked on the raw bytes so the parser never sees a DTD at all. */
static int scan_doctype(vb_xml *x, const char *buf, size_t n) {
    enum { K = sizeof DOCTYPE - 1 };
    char join[2 * K];
    size_t head = n < K - 1 ? n : K - 1;
    memcpy(join, x->tail, x->tail_len);
    memcpy(join + x->tail_len, buf, head);
    size_t jn = x->tail_len + head;
    for (size_t i = 0; i + K <= jn; i++)
        if (memcmp(join + i, DOCTYPE, K) == 0) return 1;
    for (const char *p = buf; (p = memchr(p, '<', (size_t)(buf + n - p))) != NULL; p++)
        if ((size_t)(buf + n - p) >= K && memcmp(p, DOCTYPE, K) == 0) return 1;
    /* keep the last K-1 bytes of everything read so far */
    if (n >= K - 1) {
        memcpy(x->tail, buf + n - (K - 1), K - 1);
        x->tail_len = K - 1;
    } else {
        size_t keep = x->tail_len + n > K - 1 ? K - 1 - n : x->tail_len;
        memmove(x->tail, x->tail + x->tail_len - keep, keep);
        memcpy(x->tail + keep, buf, n);
        x->tail_len = keep + n;
    }
    return 0;
}

static int io_read(void *ctx, char *buf, int len) {
    vb_xml *x = ctx;
    if (x->dtd_seen) return 0;
    long n = vb_docx_stream_read(&x->zs, buf, (size_t)len);
    if (n < 0) return -1;
    if (n > 0 && scan_doctype(x, buf, (size_t)n)) {
        x->dtd_seen = 1;
        return 0; /* end the input here: the parser never reads the DTD */
    }
    return (int)n;
}

static int io_close(void *ctx) {
    (void)ctx;
    return 0;
}

static void on_error(void *ctx, xmlErrorPtr e) {
    vb_xml *x = ctx;
    if (!e || e->level < XML_ERR_ERROR || x->err_code) return;
    x->err_code = e->code ? e->code : -1;
    x->err_line = e->line;
    x->err_col = e->int2;
    const char *m = e->message ? e->message : "XML error";
    size_t n = strcspn(m, "\n"); /* one line: libxml2 appends byte dumps after a newline */
    while (n && (m[n - 1] == '\n' || m[n - 1] == ' ')) n--;
    if (n >= sizeof x->err_msg) n = sizeof x->err_msg - 1;
    /* the message quotes the input and the cut may fall inside a character:
     * keep whole UTF-8 characters only, '?' for anything else, so the JSON
     * and XML writers accept it */
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        UChar32 c;
        U8_NEXT((const uint8_t *)m, i, n, c);
        if (c < 0) {
            x->err_msg[out++] = '?';
        } else {
            memcpy(x->err_msg + out, m + at, i - at);
            out += i - at;
        }
    }
    x->err_msg[out] = '\0';
}

vb_status vb_xml_open(vb_xml *x, vb_docx_zip *z, zip_int64_t index, const char *part,
                      const vb_limits *lim) {
    memset(x, 0, sizeof *x);
    x->r = z->r;
    x->part = part;
    x->max_depth = lim->max_xml_depth;
    vb_status s = vb_docx_stream_open(z, index, &x->zs);
    if (s != VB_OK) {
        x->failed = 1;
        x->status = s;
        return s;
    }
    /* No NOENT, DTDLOAD, DTDATTR or HUGE: entities stay unexpanded, nothing
     * is fetched, libxml2's own size limits stay on. */
    x->rd = xmlReaderForIO(io_read, io_close, x, part, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_NOCDATA | XML_PARSE_COMPACT);
    if (!x->rd) {
        vb_docx_stream_close(&x->zs);
        x->failed = 1;
        return x->status = vb_result_error(x->r, VB_E_NOMEM, "%s: no memory for the XML reader (%s)",
                               x->r->path, part);
    }
    xmlTextReaderSetStructuredErrorHandler(x->rd, on_error, x);
    return VB_OK;
}

/* Record the failure that ended the parse, most specific cause first. */
static int fail(vb_xml *x, vb_status *st) {
    vb_result *r = x->r;
    if (x->failed) {
        *st = x->status;
        return -1;
    }
    x->failed = 1;
    if (x->zs.status != VB_OK) {
        *st = x->zs.status; /* already recorded by the zip layer */
    } else if (x->dtd_seen) {
        *st = vb_result_error(r, VB_E_XML_DTD, "%s: %s has a DOCTYPE; DTDs and entity declarations are refused",
                              r->path, x->part);
    } else if (x->err_code == XML_ERR_INTERNAL_ERROR && strstr(x->err_msg, "depth")) {
        *st = vb_result_error(r, VB_E_XML_LIMIT, "%s: %s:%d:%d: elements nested too deep (%s)", r->path,
                              x->part, x->err_line, x->err_col, x->err_msg);
    } else if (x->err_code == XML_ERR_NAME_TOO_LONG || strstr(x->err_msg, "huge") ||
               strstr(x->err_msg, "Huge") || strstr(x->err_msg, "too long")) {
        /* libxml2's own size bounds (10 MB text node, name, attribute value) */
        *st = vb_result_error(r, VB_E_XML_LIMIT, "%s: %s:%d:%d: over an XML size bound (%s)", r->path,
                              x->part, x->err_line, x->err_col, x->err_msg);
    } else if (x->err_code == XML_ERR_ENTITY_LOOP) {
        *st = vb_result_error(r, VB_E_XML_LIMIT, "%s: %s:%d:%d: %s", r->path, x->part, x->err_line,
                              x->err_col, x->err_msg);
    } else if (x->err_code) {
        *st = vb_result_error(r, VB_E_XML_MALFORMED, "%s: %s:%d:%d: malformed XML: %s", r->path, x->part,
                              x->err_line, x->err_col, x->err_msg);
    } else {
        *st = vb_result_error(r, VB_E_XML_MALFORMED, "%s: %s: malformed XML", r->path, x->part);
    }
    x->status = *st;
    return -1;
}

static int check(vb_xml *x, int ret, vb_status *st) {
    if (ret < 0 || x->zs.status != VB_OK || x->dtd_seen || x->err_code) return fail(x, st);
    if (ret == 0) return 0;
    int type = xmlTextReaderNodeType(x->rd);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY ||
        type == XML_READER_TYPE_ENTITY_REFERENCE) {
        x->dtd_seen = 1;
        return fail(x, st);
    }
    if (type == XML_READER_TYPE_ELEMENT && (unsigned)xmlTextReaderDepth(x->rd) >= x->max_depth) {
        x->failed = 1;
        *st = x->status = vb_result_error(x->r, VB_E_XML_LIMIT, "%s: %s:%d: elements nested deeper than %u",
                              x->r->path, x->part, xmlTextReaderGetParserLineNumber(x->rd),
                              x->max_depth);
        return -1;
    }
    return 1;
}

int vb_xml_read(vb_xml *x, vb_status *st) { return check(x, xmlTextReaderRead(x->rd), st); }

int vb_xml_skip(vb_xml *x, vb_status *st) { return check(x, xmlTextReaderNext(x->rd), st); }

void vb_xml_close(vb_xml *x) {
    if (x->rd) xmlFreeTextReader(x->rd); /* calls io_close */
    x->rd = NULL;
    vb_docx_stream_close(&x->zs);
}

int vb_xml_in_w(vb_xml *x) {
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(x->rd);
    if (!ns) return 0;
    if (ns == x->w_ns) return 1;
    if (strcmp((const char *)ns, VB_W_NS) == 0 || strcmp((const char *)ns, VB_W_NS_STRICT) == 0) {
        x->w_ns = ns;
        return 1;
    }
    return 0;
}

const char *vb_xml_wattr(vb_xml *x, const char *local) {
    const char *v = NULL;
    if (xmlTextReaderMoveToAttributeNs(x->rd, (const xmlChar *)local, (const xmlChar *)VB_W_NS) == 1 ||
        xmlTextReaderMoveToAttributeNs(x->rd, (const xmlChar *)local,
                                       (const xmlChar *)VB_W_NS_STRICT) == 1) {
        v = (const char *)xmlTextReaderConstValue(x->rd);
        xmlTextReaderMoveToElement(x->rd);
    }
    return v;
}

int vb_xml_wval_int(vb_xml *x, int dflt) {
    const char *v = vb_xml_wattr(x, "val");
    if (!v) return dflt;
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || n < INT_MIN / 2 || n > INT_MAX / 2) return dflt;
    return (int)n;
}

int vb_xml_wval_on(vb_xml *x) {
    const char *v = vb_xml_wattr(x, "val");
    return !v || strcmp(v, "true") == 0 || strcmp(v, "1") == 0 || strcmp(v, "on") == 0;
}
