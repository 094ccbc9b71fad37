/* buf.h — growable byte buffer on the heap, for building strings of unknown
 * length (decoding, normalising).  Amortised O(1) append; the owner calls
 * vb_buf_free.  `oom` latches the first allocation failure so a long run of
 * appends can be checked once at the end. */
#ifndef VB_BUF_H
#define VB_BUF_H
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *data;
    size_t len, cap;
    bool oom;
} vb_buf;

void vb_buf_init(vb_buf *b);
void vb_buf_free(vb_buf *b);
void vb_buf_reset(vb_buf *b);
bool vb_buf_reserve(vb_buf *b, size_t extra);
void vb_buf_append(vb_buf *b, const void *p, size_t n);
void vb_buf_putc(vb_buf *b, char c);
void vb_buf_puts(vb_buf *b, const char *s);
/* Append one code point as UTF-8. */
void vb_buf_put_cp(vb_buf *b, unsigned cp);
void vb_buf_printf(vb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* NUL-terminated view (the NUL is not counted in len); NULL after oom. */
const char *vb_buf_cstr(vb_buf *b);

#endif
