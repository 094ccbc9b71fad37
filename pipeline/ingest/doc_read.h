/* doc_read.h — Word 97–2003 (.doc) ingestion ([MS-DOC]).
 *
 * The OLE2 container through libgsf (doc_ole.h); then, from the
 * WordDocument stream and its table stream (0Table or 1Table, as the FIB
 * says): the FIB's story lengths (ccpText, ccpFtn, ccpHdd, ...), the CLX
 * piece table (8-bit pieces in Windows-1252, UTF-16LE pieces), and the
 * paragraph properties (PAPX in FKP pages) for table cells and rows and
 * outline levels.  Paragraph marks (0x0D) and cell marks (0x07) end blocks;
 * field codes (0x13 ... 0x14) are dropped and field results kept; the main
 * text comes first, then page headers and footers (from PlcfHdd), then
 * footnotes, comments, endnotes and text boxes as notes — the same blocks
 * the DOCX reader gives.  Runs in a legacy Vietnamese font (TCVN3 .Vn*,
 * VNI-*) are converted to Unicode (legacy.h).
 *
 * Hostile input: every offset and count is checked against its stream; a
 * piece outside its stream, a character count past the stream size, a FIB
 * or CLX that does not parse is VB_E_DOC_CORRUPT; encrypted files and
 * pre-97 Word files are VB_E_UNSUPPORTED. */
#ifndef VB_DOC_READ_H
#define VB_DOC_READ_H
#include "ingest.h"

/* Is data an OLE2 compound file (by its 8-byte signature)? */
int vb_doc_sniff(const unsigned char *data, size_t len);

vb_status vb_doc_read(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a, vb_result *r,
                      vb_blockv *out);

/* The same from the three streams already out of the container (tests and
 * the fuzzer reach the Word structures through it).  word: WordDocument;
 * table: 0Table or 1Table, whichever the FIB names; data: Data or NULL. */
typedef struct {
    const unsigned char *word, *table, *data;
    size_t word_len, table_len, data_len;
} vb_doc_streams;

vb_status vb_doc_read_streams(const vb_doc_streams *st, const vb_limits *lim, vb_arena *a, vb_result *r,
                              vb_blockv *out);

#endif
