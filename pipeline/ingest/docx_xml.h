/* docx_xml.h — libxml2's streaming reader over one zip entry, set up for
 * hostile input.
 *
 * Parse options: XML_PARSE_NONET, no entity substitution, no DTD loading or
 * default attributes.  A DOCTYPE (and with it any entity declaration) is
 * refused before the parser reads it (VB_E_XML_DTD); element nesting deeper
 * than lim->max_xml_depth is VB_E_XML_LIMIT; any well-formedness error is
 * VB_E_XML_MALFORMED with part:line:column.  libxml2's messages go to a
 * per-reader structured handler, never to stderr. */
#ifndef VB_DOCX_XML_H
#define VB_DOCX_XML_H
#include <libxml/xmlreader.h>

#include "docx_zip.h"

/* WordprocessingML namespaces: transitional and strict. */
#define VB_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define VB_W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define VB_MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

typedef struct {
    xmlTextReaderPtr rd;
    vb_docx_stream zs;
    vb_result *r;
    const char *part;
    unsigned max_depth;
    int dtd_seen;
    char tail[16];        /* last bytes of the previous chunk, for the DOCTYPE scan */
    size_t tail_len;
    int err_line, err_col; /* first libxml2 error */
    int err_code;
    char err_msg[160];
    const xmlChar *w_ns; /* interned namespace seen last, for pointer compares */
    int failed;          /* an error was recorded */
    vb_status status;    /* ... this one */
} vb_xml;

/* Open a reader on entry `index`. */
vb_status vb_xml_open(vb_xml *x, vb_docx_zip *z, zip_int64_t index, const char *part,
                      const vb_limits *lim);
/* Next node: 1 one is current, 0 end of document, -1 failure (recorded;
 * *st gets the status). */
int vb_xml_read(vb_xml *x, vb_status *st);
/* Skip the current element's subtree; same returns as vb_xml_read. */
int vb_xml_skip(vb_xml *x, vb_status *st);
void vb_xml_close(vb_xml *x);

/* The current node is a WordprocessingML element (any kind). */
int vb_xml_in_w(vb_xml *x);
/* Value of the w:`local` attribute of the current element, or NULL.  Valid
 * until the next read; no allocation. */
const char *vb_xml_wattr(vb_xml *x, const char *local);
/* w:val parsed as an int, or `dflt` when missing or not a number. */
int vb_xml_wval_int(vb_xml *x, int dflt);
/* A WordprocessingML on/off attribute w:val ("true", "1", "on", missing = on). */
int vb_xml_wval_on(vb_xml *x);

#endif
