/* Hostile-input SAX2 parsing of a zip entry: see docx_xml.h.
 *
 * SAX, not xmlTextReader: a skipped subtree costs the parse alone, with no
 * node built per element or text run.  What libxml2's tree builder would
 * check is checked here explicitly: which elements are empty, the depth
 * bound on delivered elements, libxml2's depth and 10 MB text-node bounds
 * and its xml:id checks, a DOCTYPE in an encoding the byte scan cannot
 * see, and attribute values as the reader returns them.  Failures come in
 * document order.  (How this replaced the reader: tests/bench/HOTSPOTS.md.) */
#include "docx_xml.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/hash.h>
#include <libxml/parserInternals.h>
#include <unicode/utf8.h>

#include "../core/buf.h"

enum { NAME_SLOTS = 2 * VB_XML_MAX_NAMES }; /* a power of two, at most half full */
/* Depths whose element names are remembered for the end event: libxml2
 * refuses nesting past xmlParserMaxDepth (256) without XML_PARSE_HUGE, so
 * every delivered element fits; deeper ones would be looked up again. */
enum { OPEN_SLOTS = 260 };

struct vb_xml {
    xmlParserCtxtPtr ctxt;
    vb_docx_stream zs;
    vb_result *r;
    const char *part;
    unsigned max_depth;
    const vb_xml_handler *h;
    void *ctx;
    /* element state */
    unsigned depth;      /* open elements */
    unsigned skip_depth; /* depth of the element being skipped */
    int skipping;
    int last_empty;  /* the last event started an empty element: its end is not delivered */
    size_t text_run; /* bytes of the text node libxml2's tree builder would be growing */
    /* the element being started, for vb_xml_wattr */
    const xmlChar **attrs;
    int n_attrs;
    vb_buf slot[VB_XML_ATTR_SLOTS];
    unsigned next_slot;
    xmlHashTablePtr ids;               /* xml:id values seen, as the tree builder's ID table */
    const xmlChar *w_ns, *w_ns_strict; /* the namespaces in the parser's dictionary */
    /* the handler's names in the parser's dictionary, open-addressed by
     * address (see name_of); names_slow when one could not be interned */
    const xmlChar *name_key[NAME_SLOTS];
    signed char name_id[NAME_SLOTS];
    int names_slow;
    /* how it ended */
    int halt;    /* any of the five below is set: no more events */
    int stopped; /* the handler asked to stop */
    int oom;
    int dtd_seen;
    char tail[16]; /* last bytes of the previous chunk, for the DOCTYPE scan */
    size_t tail_len;
    int err_line, err_col; /* first libxml2 error (or our text-node bound) */
    int err_code;
    char err_msg[160];
    vb_status own; /* our depth bound, already recorded */
    /* name index and in_w of each delivered open element, by depth, so its
     * end event reuses them (see on_end) */
    int open_name[OPEN_SLOTS];
    unsigned char open_in_w[OPEN_SLOTS];
};

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
    /* Whole occurrences in buf, found by their '!': it is rare in XML
     * (comments, CDATA, DOCTYPE) where '<' opens every tag.  An occurrence
     * at p has its '!' at p + 1 >= buf + 1, so every one is found; one
     * whose '<' is in the previous chunk was found by the join above. */
    for (const char *p = buf + 1; p < buf + n && (p = memchr(p, '!', (size_t)(buf + n - p))) != NULL; p++)
        if (p[-1] == '<' && (size_t)(buf + n - (p - 1)) >= K && memcmp(p - 1, DOCTYPE, K) == 0) return 1;
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

/* The next inflated bytes: count, 0 at the end or at a DOCTYPE (dtd_seen),
 * -1 when the zip layer failed (recorded there). */
static long read_chunk(vb_xml *x, char *buf, size_t len) {
    long n = vb_docx_stream_read(&x->zs, buf, len);
    if (n > 0 && scan_doctype(x, buf, (size_t)n)) {
        x->dtd_seen = x->halt = 1;
        return 0;
    }
    return n;
}

/* stopped || oom || dtd_seen || err_code || own != VB_OK: every place that
 * sets one of them sets halt too, and none is ever cleared. */
static int halted(const vb_xml *x) { return x->halt; }

static void stop(vb_xml *x) {
    if (x->ctxt) xmlStopParser(x->ctxt);
}

static void record_error(vb_xml *x, int code, int line, int col, const char *m) {
    x->err_code = code ? code : -1;
    x->halt = 1;
    x->err_line = line;
    x->err_col = col;
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

static void on_error(void *ctx, xmlErrorPtr e) {
    vb_xml *x = ctx;
    if (!e || e->level < XML_ERR_ERROR || x->err_code) return;
    record_error(x, e->code, e->line, e->int2, e->message ? e->message : "XML error");
    if (x->ctxt) x->ctxt->disableSAX = 1; /* no event after the first error */
}

/* xmlSAX2AttributeNs on xml:id: the raw value must be an NCName (blanks
 * around allowed) and unique in the part; the same errors, at the same
 * point of the input. */
static void check_xml_ids(vb_xml *x, const xmlChar **attrs, int n) {
    for (int i = 0; i < n; i++) {
        const xmlChar **at = attrs + 5 * i;
        /* the tree builder's own test: the dictionary's "xml" and "id" */
        if (at[1] != x->ctxt->str_xml || at[0][0] != 'i' || at[0][1] != 'd' || at[0][2] != 0) continue;
        vb_buf v, m;
        vb_buf_init(&v);
        vb_buf_init(&m);
        vb_buf_append(&v, at[3], (size_t)(at[4] - at[3]));
        const xmlChar *id = (const xmlChar *)vb_buf_cstr(&v);
        int code = 0;
        if (!id) {
            x->oom = x->halt = 1;
        } else if (xmlValidateNCName(id, 1) != 0) {
            code = XML_DTD_XMLID_VALUE;
            vb_buf_printf(&m, "xml:id : attribute value %s is not an NCName", (const char *)id);
        } else if (!x->ids && !(x->ids = xmlHashCreate(0))) {
            x->oom = x->halt = 1;
        } else if (xmlHashLookup(x->ids, id)) {
            code = XML_DTD_ID_REDEFINED;
            vb_buf_printf(&m, "ID %s already defined", (const char *)id);
        } else if (xmlHashAddEntry(x->ids, id, x) != 0) {
            x->oom = x->halt = 1;
        }
        if (code) {
            const char *msg = vb_buf_cstr(&m);
            if (msg)
                record_error(x, code, x->ctxt->input ? x->ctxt->input->line : 0,
                             x->ctxt->input ? x->ctxt->input->col : 0, msg);
            else
                x->oom = x->halt = 1;
        }
        vb_buf_free(&v);
        vb_buf_free(&m);
        if (halted(x)) {
            stop(x);
            return;
        }
    }
}

static int is_ns(const xmlChar *uri, const xmlChar *interned, const char *want) {
    return uri == interned || strcmp((const char *)uri, want) == 0;
}

/* Does the parser's dictionary hold `s`?  It keeps one copy of each string
 * (xmlDictLookup returns the copy it has), so a string it owns equals an
 * interned one exactly when the addresses are equal.  libxml2 hands SAX2
 * element names, attribute names and namespace URIs out of the dictionary;
 * anything else is compared as a string, so the result never depends on it. */
static int dict_owns(const vb_xml *x, const xmlChar *s) { return xmlDictOwns(x->ctxt->dict, s) == 1; }

static int in_w(const vb_xml *x, const xmlChar *uri) {
    if (!uri) return 0;
    if (uri == x->w_ns || uri == x->w_ns_strict) return 1;
    if (x->w_ns && x->w_ns_strict && dict_owns(x, uri)) return 0; /* another namespace */
    return is_ns(uri, x->w_ns, VB_W_NS) || is_ns(uri, x->w_ns_strict, VB_W_NS_STRICT);
}

static size_t name_slot(const xmlChar *p) {
    return (size_t)(((uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15u) >> 40) & (NAME_SLOTS - 1);
}

/* Intern the handler's names once per part.  A name that cannot be interned
 * (no memory) turns the table off: every name is then compared as a string. */
static void names_intern(vb_xml *x) {
    const char *const *names = x->h->names;
    if (!names) return;
    for (int i = 0; names[i]; i++) {
        const xmlChar *p =
            i < VB_XML_MAX_NAMES ? xmlDictLookup(x->ctxt->dict, (const xmlChar *)names[i], -1) : NULL;
        if (!p) {
            x->names_slow = 1;
            return;
        }
        size_t k = name_slot(p);
        while (x->name_key[k] && x->name_key[k] != p) k = (k + 1) & (NAME_SLOTS - 1);
        if (!x->name_key[k]) { /* a repeated name keeps its first index */
            x->name_key[k] = p;
            x->name_id[k] = (signed char)i;
        }
    }
}

/* Index of `local` in the handler's names, or -1: by address for a name the
 * dictionary owns (see dict_owns), by strcmp otherwise. */
static int name_of(const vb_xml *x, const xmlChar *local) {
    const char *const *names = x->h->names;
    if (!names) return -1;
    if (!x->names_slow) {
        for (size_t k = name_slot(local); x->name_key[k]; k = (k + 1) & (NAME_SLOTS - 1))
            if (x->name_key[k] == local) return x->name_id[k];
        if (dict_owns(x, local)) return -1;
    }
    for (int i = 0; names[i]; i++)
        if (strcmp((const char *)local, names[i]) == 0) return i;
    return -1;
}

static void on_start(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
                     const xmlChar **ns, int nb_attrs, int nb_defaulted, const xmlChar **attrs) {
    (void)prefix, (void)nb_ns, (void)ns, (void)nb_defaulted;
    vb_xml *x = ud;
    if (halted(x)) return;
    x->text_run = 0;
    x->last_empty = 0;
    unsigned d = x->depth++;
    if (d > xmlParserMaxDepth) { /* nodePush in libxml2's tree builder, skipped subtrees too */
        char m[96];
        snprintf(m, sizeof m, "Excessive depth in document: %u use XML_PARSE_HUGE option", xmlParserMaxDepth);
        record_error(x, XML_ERR_INTERNAL_ERROR, x->ctxt->input ? x->ctxt->input->line : 0,
                     x->ctxt->input ? x->ctxt->input->col : 0, m);
        stop(x);
        return;
    }
    if (nb_attrs) {
        check_xml_ids(x, attrs, nb_attrs);
        if (halted(x)) return;
    }
    if (x->skipping) return;
    if (d >= x->max_depth) {
        x->own = vb_result_error(x->r, VB_E_XML_LIMIT, "%s: %s:%d:%d: elements nested deeper than %u",
                                 x->r->path, x->part, x->ctxt->input ? x->ctxt->input->line : 0,
                                 x->ctxt->input ? x->ctxt->input->col : 0, x->max_depth);
        x->halt = 1; /* vb_result_error returns the error's code */
        stop(x);
        return;
    }
    /* the reader's own test for an empty element (xmlTextReaderStartElementNs) */
    const xmlChar *cur = x->ctxt->input ? x->ctxt->input->cur : NULL;
    vb_xml_elem e = {(const char *)local, (const char *)uri, in_w(x, uri),
                     cur && cur[0] == '/' && cur[1] == '>', name_of(x, local)};
    if (d < OPEN_SLOTS) {
        x->open_name[d] = e.name;
        x->open_in_w[d] = (unsigned char)e.in_w;
    }
    x->attrs = attrs;
    x->n_attrs = nb_attrs;
    x->next_slot = 0;
    int ret = x->h->start(x->ctx, x, &e);
    x->attrs = NULL;
    x->n_attrs = 0;
    if (ret == VB_XML_STOP || x->oom) {
        x->stopped = x->halt = 1;
        stop(x);
    } else if (e.empty) {
        x->last_empty = 1;
    } else if (ret == VB_XML_SKIP) {
        x->skipping = 1;
        x->skip_depth = d;
    }
}

static void on_end(void *ud, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix;
    vb_xml *x = ud;
    if (halted(x)) return;
    x->text_run = 0;
    int was_empty = x->last_empty;
    x->last_empty = 0;
    unsigned d = --x->depth;
    if (x->skipping) {
        if (d == x->skip_depth) x->skipping = 0;
        return;
    }
    if (was_empty || !x->h->end) return;
    /* libxml2 ends an element with the local name and URI it started it
     * with (its name stack keeps them), and elements nest, so slot d still
     * holds what on_start computed from the same two pointers. */
    vb_xml_elem e = {(const char *)local, (const char *)uri, 0, 0, 0};
    if (d < OPEN_SLOTS) {
        e.in_w = x->open_in_w[d];
        e.name = x->open_name[d];
    } else {
        e.in_w = in_w(x, uri);
        e.name = name_of(x, local);
    }
    if (x->h->end(x->ctx, x, &e) == VB_XML_STOP) {
        x->stopped = x->halt = 1;
        stop(x);
    }
}

static void on_text(void *ud, const xmlChar *s, int len) {
    vb_xml *x = ud;
    if (halted(x) || len <= 0) return;
    x->last_empty = 0;
    /* xmlSAX2Characters: a text node growing past XML_MAX_TEXT_LENGTH */
    if (x->text_run && x->text_run + (size_t)len > XML_MAX_TEXT_LENGTH) {
        record_error(x, XML_ERR_NO_MEMORY, x->ctxt->input ? x->ctxt->input->line : 0,
                     x->ctxt->input ? x->ctxt->input->col : 0, "xmlSAX2Characters: huge text node");
        stop(x);
        return;
    }
    x->text_run += (size_t)len;
    if (x->skipping || !x->h->text) return;
    if (x->h->text(x->ctx, (const char *)s, (size_t)len) == VB_XML_STOP) {
        x->stopped = x->halt = 1;
        stop(x);
    }
}

/* A comment or processing instruction ends the text node being built. */
static void on_comment(void *ud, const xmlChar *value) {
    (void)value;
    ((vb_xml *)ud)->text_run = 0;
}

static void on_pi(void *ud, const xmlChar *target, const xmlChar *data) {
    (void)target, (void)data;
    ((vb_xml *)ud)->text_run = 0;
}

/* A DOCTYPE the byte scan could not see (UTF-16), or an entity reference:
 * stop before any declaration is read. */
static void on_subset(void *ud, const xmlChar *name, const xmlChar *ext_id, const xmlChar *sys_id) {
    (void)name, (void)ext_id, (void)sys_id;
    vb_xml *x = ud;
    x->dtd_seen = x->halt = 1;
    stop(x);
}

static void on_reference(void *ud, const xmlChar *name) {
    (void)name;
    vb_xml *x = ud;
    x->dtd_seen = x->halt = 1;
    stop(x);
}

/* Record the failure that ended the parse, most specific cause first. */
static vb_status fail(vb_xml *x) {
    vb_result *r = x->r;
    if (x->own != VB_OK) return x->own;
    if (x->zs.status != VB_OK) return x->zs.status; /* already recorded by the zip layer */
    if (x->dtd_seen)
        return vb_result_error(r, VB_E_XML_DTD,
                               "%s: %s has a DOCTYPE; DTDs and entity declarations are refused", r->path,
                               x->part);
    if (x->oom) return vb_result_error(r, VB_E_NOMEM, "%s: %s: no memory", r->path, x->part);
    if (x->err_code == XML_ERR_INTERNAL_ERROR && strstr(x->err_msg, "depth"))
        return vb_result_error(r, VB_E_XML_LIMIT, "%s: %s:%d:%d: elements nested too deep (%s)", r->path,
                               x->part, x->err_line, x->err_col, x->err_msg);
    if (x->err_code == XML_ERR_NAME_TOO_LONG || strstr(x->err_msg, "huge") || strstr(x->err_msg, "Huge") ||
        strstr(x->err_msg,
               "too long")) /* libxml2's own size bounds (10 MB text node, name, attribute value) */
        return vb_result_error(r, VB_E_XML_LIMIT, "%s: %s:%d:%d: over an XML size bound (%s)", r->path,
                               x->part, x->err_line, x->err_col, x->err_msg);
    if (x->err_code == XML_ERR_ENTITY_LOOP)
        return vb_result_error(r, VB_E_XML_LIMIT, "%s: %s:%d:%d: %s", r->path, x->part, x->err_line,
                               x->err_col, x->err_msg);
    if (x->err_code)
        return vb_result_error(r, VB_E_XML_MALFORMED, "%s: %s:%d:%d: malformed XML: %s", r->path, x->part,
                               x->err_line, x->err_col, x->err_msg);
    return vb_result_error(r, VB_E_XML_MALFORMED, "%s: %s: malformed XML", r->path, x->part);
}

/* Feed the entry to the parser exactly as xmlTextReader did: read 4 bytes
 * and make the parser with them (encoding detection), then push 512-byte
 * chunks, reading 4096 bytes whenever fewer than 512 wait; what is left at
 * the end goes with the terminating push.  The chunking decides how text
 * reaches the parser's callbacks, and with it where a bound is hit, so
 * keeping it keeps every message's position. */
enum { FIRST = 4, PUSH = 512, READ = 4096 };

static vb_status run(vb_xml *x, const vb_limits *lim) {
    char buf[PUSH + READ];
    long n = read_chunk(x, buf, FIRST);
    if (n < 0 || x->dtd_seen) return fail(x);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text; /* same function: no blank is "ignorable" */
    sax.cdataBlock = on_text;
    sax.comment = on_comment;
    sax.processingInstruction = on_pi;
    sax.internalSubset = on_subset;
    sax.externalSubset = on_subset;
    sax.reference = on_reference;
    sax.serror = on_error;
    size_t use = (size_t)n, cur = use >= FIRST ? FIRST : 0;
    x->ctxt = xmlCreatePushParserCtxt(&sax, x, cur ? buf : NULL, (int)cur, x->part);
    if (!x->ctxt)
        return vb_result_error(x->r, VB_E_NOMEM, "%s: no memory for the XML parser (%s)", x->r->path,
                               x->part);
    /* No NOENT, DTDLOAD, DTDATTR or HUGE: entities stay unexpanded, nothing
     * is fetched, libxml2's own size limits stay on. */
    xmlCtxtUseOptions(x->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
                                   XML_PARSE_COMPACT);
    x->w_ns = xmlDictLookup(x->ctxt->dict, (const xmlChar *)VB_W_NS, -1);
    x->w_ns_strict = xmlDictLookup(x->ctxt->dict, (const xmlChar *)VB_W_NS_STRICT, -1);
    names_intern(x);
    x->max_depth = lim->max_xml_depth;
    int ret = 0, ended = 0;
    while (!halted(x)) {
        if (use - cur < PUSH) {
            memmove(buf, buf + cur, use - cur);
            use -= cur;
            cur = 0;
            n = read_chunk(x, buf + use, READ);
            if (n < 0 || x->dtd_seen) break;
            if (n == 0) {
                ret = xmlParseChunk(x->ctxt, buf, (int)use, 1);
                ended = 1;
                break;
            }
            use += (size_t)n;
        }
        size_t k = use - cur < PUSH ? use - cur : PUSH;
        ret = xmlParseChunk(x->ctxt, buf + cur, (int)k, 0);
        cur += k;
    }
    if (x->stopped && !x->oom) return VB_OK; /* the handler's own reason is recorded */
    if (halted(x) || n < 0 || !ended || ret != 0 || !x->ctxt->wellFormed) return fail(x);
    return VB_OK;
}

vb_status vb_xml_parse(vb_docx_zip *z, zip_int64_t index, const char *part, const vb_limits *lim,
                       const vb_xml_handler *h, void *ctx) {
    vb_xml x;
    memset(&x, 0, sizeof x);
    x.r = z->r;
    x.part = part;
    x.h = h;
    x.ctx = ctx;
    x.own = VB_OK;
    for (int i = 0; i < VB_XML_ATTR_SLOTS; i++) vb_buf_init(&x.slot[i]);
    vb_status s = vb_docx_stream_open(z, index, &x.zs);
    if (s == VB_OK) s = run(&x, lim);
    if (x.ctxt) xmlFreeParserCtxt(x.ctxt);
    if (x.ids) xmlHashFree(x.ids, NULL);
    vb_docx_stream_close(&x.zs);
    for (int i = 0; i < VB_XML_ATTR_SLOTS; i++) vb_buf_free(&x.slot[i]);
    return s;
}

/* A NUL-terminated copy of an attribute value as the reader returned it.
 * The parser leaves a '&' of the source as "&#38;" in SAX2 values when
 * entities are not substituted (the tree builder turned it back into '&'),
 * and every other reference is already decoded, so "&#38;" is the only
 * sequence to undo. */
static const char *attr_copy(vb_xml *x, const xmlChar *v, const xmlChar *end) {
    vb_buf *b = &x->slot[x->next_slot++ % VB_XML_ATTR_SLOTS];
    vb_buf_reset(b);
    size_t n = (size_t)(end - v);
    if (!vb_buf_reserve(b, n + 1)) {
        x->oom = x->halt = 1;
        return NULL;
    }
    const xmlChar *amp;
    while ((amp = memchr(v, '&', (size_t)(end - v))) != NULL) {
        vb_buf_append(b, v, (size_t)(amp - v));
        vb_buf_putc(b, '&');
        v = (size_t)(end - amp) >= 5 && memcmp(amp, "&#38;", 5) == 0 ? amp + 5 : amp + 1;
    }
    vb_buf_append(b, v, (size_t)(end - v));
    return vb_buf_cstr(b);
}

/* The first attribute called `local` in the transitional namespace, else in
 * the strict one. */
const char *vb_xml_wattr(vb_xml *x, const char *local) {
    const xmlChar **a = x->attrs;
    for (int pass = 0; pass < 2; pass++) {
        const xmlChar *interned = pass ? x->w_ns_strict : x->w_ns;
        const char *want = pass ? VB_W_NS_STRICT : VB_W_NS;
        for (int i = 0; i < x->n_attrs; i++) {
            const xmlChar **at = a + 5 * i; /* localname, prefix, URI, value, end */
            if (at[2] && at[0][0] == (xmlChar)local[0] && strcmp((const char *)at[0], local) == 0 &&
                is_ns(at[2], interned, want))
                return attr_copy(x, at[3], at[4]);
        }
    }
    return NULL;
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
