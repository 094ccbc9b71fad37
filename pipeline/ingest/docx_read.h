/* docx_read.h — DOCX ingestion with libzip + libxml2's SAX2 parser.
 *
 * Reads word/document.xml in reading order: paragraphs; tables cell by cell
 * (each cell's paragraphs kept together); Word automatic numbering rebuilt
 * from word/numbering.xml (multi-level lvlText, numFmt, start, lvlOverride,
 * numId 0 = none, inheritance through styles.xml basedOn); tracked changes
 * (w:ins kept, w:del dropped); w:sdt content; text boxes; field results;
 * w:tab, w:br, soft hyphens.  Page headers/footers come as blocks with
 * area VB_AREA_PAGE_HEADER/FOOTER after the body.
 *
 * Hostile input: zip entry count, inflated size and ratio bounded (vb_limits);
 * XML parsed with XML_PARSE_NONET, no entity substitution, no DTD loading,
 * depth bounded. */
#ifndef VB_DOCX_READ_H
#define VB_DOCX_READ_H
#include "ingest.h"

vb_status vb_docx_read(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r,
                       vb_blockv *out);

/* Same, with a worker's cache of parsed template parts (docx_cache.h; NULL:
 * none).  The result is the same with or without it. */
typedef struct vb_docx_cache vb_docx_cache;
vb_status vb_docx_read_in(vb_docx_cache *cache, const unsigned char *data, size_t len, const vb_limits *lim,
                          vb_arena *a, vb_result *r, vb_blockv *out);

#endif
