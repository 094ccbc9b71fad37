/* docx_xml.h — libxml2's SAX2 push parser over one zip entry, set up for
 * hostile input.
 *
 * No tree is built: the parser calls the handler for each element start and
 * end and each piece of text, and a subtree the handler does not want is
 * skipped with a depth count (still parsed, never delivered).  The events
 * are those the streaming reader (xmlTextReader) gave before: an empty
 * element (<x/>) has a start event with `empty` set and no end event; text
 * may come in several pieces where the reader gave one node.
 *
 * Parse options: XML_PARSE_NONET, no entity substitution, no DTD loading or
 * default attributes.  A DOCTYPE (and with it any entity declaration) is
 * refused before the parser reads it (VB_E_XML_DTD); element nesting deeper
 * than lim->max_xml_depth is VB_E_XML_LIMIT, and so is a text node over
 * libxml2's 10 MB bound (which its tree builder enforced); any
 * well-formedness error is VB_E_XML_MALFORMED with part:line:column.
 * libxml2's messages go to a per-parse structured handler, never to stderr. */
#ifndef VB_DOCX_XML_H
#define VB_DOCX_XML_H
#include <libxml/parser.h>

#include "docx_zip.h"

/* WordprocessingML namespaces: transitional and strict. */
#define VB_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define VB_W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define VB_MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

typedef struct vb_xml vb_xml;

typedef struct {
    const char *local; /* local name; owned by the parser's dictionary */
    const char *ns;    /* namespace URI, or NULL */
    int in_w;          /* ns is WordprocessingML (either flavour) */
    int empty;         /* written <x/>: no end event will follow */
    int name;          /* index of `local` in the handler's names, or -1 */
} vb_xml_elem;

/* Handler returns: carry on, skip the element's subtree (start only; its end
 * event is not delivered either), or stop the parse (the handler recorded
 * why; vb_xml_parse then returns VB_OK and records nothing). */
enum { VB_XML_GO = 0, VB_XML_SKIP = 1, VB_XML_STOP = -1 };

typedef struct {
    int (*start)(void *ctx, vb_xml *x, const vb_xml_elem *e);
    int (*end)(void *ctx, vb_xml *x, const vb_xml_elem *e); /* may be NULL */
    int (*text)(void *ctx, const char *s, size_t n);        /* may be NULL */
    /* Local names the handler tests, NULL-terminated (at most
     * VB_XML_MAX_NAMES); each event's `name` says which one its local name
     * is, whatever the namespace, so handlers switch on an index instead of
     * comparing strings.  May be NULL: `name` is then always -1. */
    const char *const *names;
} vb_xml_handler;

enum { VB_XML_MAX_NAMES = 64 };

/* Parse entry `index` (called `part` in messages) through `h`.  Returns VB_OK
 * when the part ended or the handler stopped it; otherwise the failure,
 * already recorded in the zip's result. */
vb_status vb_xml_parse(vb_docx_zip *z, zip_int64_t index, const char *part, const vb_limits *lim,
                       const vb_xml_handler *h, void *ctx);

/* Value of the w:`local` attribute of the element being started, or NULL.
 * Only inside a start callback; valid until it returns, and at most
 * VB_XML_ATTR_SLOTS values are valid at once. */
enum { VB_XML_ATTR_SLOTS = 4 };
const char *vb_xml_wattr(vb_xml *x, const char *local);
/* w:val parsed as an int, or `dflt` when missing or not a number. */
int vb_xml_wval_int(vb_xml *x, int dflt);
/* A WordprocessingML on/off attribute w:val ("true", "1", "on", missing = on). */
int vb_xml_wval_on(vb_xml *x);

#endif
