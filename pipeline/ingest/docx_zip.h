/* docx_zip.h — a bounded, read-only view of a DOCX zip container in memory.
 *
 * The container is hostile: vb_docx_zip_open bounds the entry count and
 * refuses encrypted entries; a stream over one entry refuses it up front when
 * its declared size/compressed size ratio is over the bound, and counts the
 * bytes actually inflated (headers lie) against the same ratio, the declared
 * size and the total inflated bound of the whole file.  Every failure is
 * recorded once in the result (vb_result_error) and returned as a status. */
#ifndef VB_DOCX_ZIP_H
#define VB_DOCX_ZIP_H
#include <stddef.h>
#include <zip.h>

#include "ingest.h"

typedef struct {
    zip_t *za;
    const vb_limits *lim;
    vb_result *r;
    size_t inflated; /* bytes inflated so far, all entries */
} vb_docx_zip;

typedef struct {
    vb_docx_zip *z;
    zip_file_t *f;
    const char *name;
    zip_uint64_t size, comp_size, done;
    vb_status status; /* first failure while reading, VB_OK otherwise */
} vb_docx_stream;

/* Entries whose ratio is not checked while they stay under this size: small
 * XML parts of blank space compress far better than 200:1 yet harm no one. */
enum { VB_DOCX_RATIO_FLOOR = 1 << 20 };

vb_status vb_docx_zip_open(vb_docx_zip *z, const unsigned char *data, size_t len, const vb_limits *lim,
                           vb_result *r);
void vb_docx_zip_close(vb_docx_zip *z);

/* Index of the entry called `name` (exact), or -1. */
zip_int64_t vb_docx_zip_find(vb_docx_zip *z, const char *name);

vb_status vb_docx_stream_open(vb_docx_zip *z, zip_int64_t index, vb_docx_stream *s);
/* Up to n inflated bytes into buf: the count, 0 at the end, -1 on failure
 * (s->status says which, and the error is recorded). */
long vb_docx_stream_read(vb_docx_stream *s, char *buf, size_t n);
void vb_docx_stream_close(vb_docx_stream *s);

#endif
