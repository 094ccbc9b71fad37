/* ingest.h — stage 1: a file's bytes become a list of raw text blocks
 * (paragraphs, table-cell paragraphs, header/footer paragraphs) in reading
 * order, before any normalisation.
 *
 * The format is decided by content, never by extension: a zip signature
 * means DOCX, the OLE2 signature (D0 CF 11 E0 A1 B1 1A E1) a Word 97-2003
 * .doc, anything else is decoded as text.  Limits bound every input
 * (vb_limits); exceeding one is an error, never a crash or a silent cut. */
#ifndef VB_INGEST_H
#define VB_INGEST_H
#include <stddef.h>
#include <stdint.h>

#include "../core/arena.h"
#include "../core/doc.h"
#include "../core/status.h"

typedef enum {
    VB_AREA_BODY = 0,
    VB_AREA_PAGE_HEADER, /* w:hdr parts: kept apart from the body */
    VB_AREA_PAGE_FOOTER,
    VB_AREA_NOTE /* footnotes / endnotes / comments */
} vb_area;

enum {
    VB_BLOCK_NUMBERED = 1u << 0,   /* text starts with a label rebuilt from numbering.xml */
    VB_BLOCK_PAGE_BREAK = 1u << 1, /* a page break came before this block */
    VB_BLOCK_TEXTBOX = 1u << 2,    /* text from a text box / shape */
    VB_BLOCK_CELL_END = 1u << 3,   /* last paragraph of a table cell */
};

typedef struct {
    char *text; /* UTF-8, raw: may hold \t, NBSP, soft hyphens, decomposed marks */
    size_t len;
    size_t src_offset;     /* byte offset in the decoded source stream (txt), or
                          in the concatenated paragraph text (docx) */
    int table, row, cell;  /* -1 outside tables; table is a running index */
    uint8_t area;          /* a vb_area */
    uint8_t heading_level; /* 1..9 from a Heading style / outlineLvl, 0 none */
    uint16_t flags;        /* VB_BLOCK_* */
} vb_block;                /* 40 bytes: a text file has one a line, so its size is memory per line */

typedef struct {
    vb_block *items;
    size_t len, cap;
} vb_blockv;

/* A text file's encoding when the user names it (--encoding); AUTO detects. */
typedef enum { VB_ENC_AUTO = 0, VB_ENC_UTF8, VB_ENC_CP1258, VB_ENC_TCVN3, VB_ENC_VNI } vb_encoding;

typedef struct {
    size_t max_input_bytes;     /* whole file; default 256 MiB */
    size_t max_inflated_bytes;  /* DOCX: total inflated bytes read; default 512 MiB */
    unsigned max_inflate_ratio; /* DOCX: per entry; default 200 */
    size_t max_zip_entries;     /* default 10000 */
    unsigned max_xml_depth;     /* default 256 */
    size_t max_line_bytes;      /* a single text block; default 64 MiB */
    vb_encoding encoding;       /* text files only; default VB_ENC_AUTO */
} vb_limits;

void vb_limits_default(vb_limits *l);

typedef enum { VB_FMT_TXT = 0, VB_FMT_DOCX, VB_FMT_DOC } vb_format;

/* Decide the format from the first bytes. */
vb_format vb_sniff_format(const unsigned char *data, size_t len);

/* Read `path` (or stdin for "-") into blocks allocated in `a`.  On error the
 * status is returned and a message is recorded in `r` (vb_result_error).
 * Also fills r->format, r->bytes and r->sha256. */
vb_status vb_ingest_file(const char *path, const vb_limits *lim, vb_arena *a, vb_result *r, vb_blockv *out);

/* Same, from a buffer already in memory (used by the file reader, tests, fuzzers). */
vb_status vb_ingest_buffer(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a,
                           vb_result *r, vb_blockv *out);

/* What a worker keeps from one file to the next: parsed DOCX template parts
 * (styles, numbering definitions) shared by the files of a corpus.  It never
 * changes a result, only its cost.  One per worker thread (vb_pipeline owns
 * one); not thread-safe. */
typedef struct vb_ingest_state vb_ingest_state;

vb_ingest_state *vb_ingest_state_new(void); /* NULL when out of memory */
void vb_ingest_state_free(vb_ingest_state *st);

/* vb_ingest_file / vb_ingest_buffer with a worker's state (NULL: none). */
vb_status vb_ingest_file_in(vb_ingest_state *st, const char *path, const vb_limits *lim, vb_arena *a,
                            vb_result *r, vb_blockv *out);
vb_status vb_ingest_buffer_in(vb_ingest_state *st, const unsigned char *data, size_t len,
                              const vb_limits *lim, vb_arena *a, vb_result *r, vb_blockv *out);

#endif
