#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vb_buf_init(vb_buf *b) { memset(b, 0, sizeof *b); }

void vb_buf_free(vb_buf *b) {
    free(b->data);
    memset(b, 0, sizeof *b);
}

void vb_buf_reset(vb_buf *b) { b->len = 0; }

bool vb_buf_reserve(vb_buf *b, size_t extra) {
    if (b->oom) return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return true;
    size_t ncap = b->cap ? b->cap : 64;
    while (ncap < need) ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    char *p = realloc(b->data, ncap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = ncap;
    return true;
}

void vb_buf_append(vb_buf *b, const void *p, size_t n) {
    if (!n || !vb_buf_reserve(b, n)) return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void vb_buf_putc(vb_buf *b, char c) { vb_buf_append(b, &c, 1); }

void vb_buf_puts(vb_buf *b, const char *s) { vb_buf_append(b, s, strlen(s)); }

void vb_buf_put_cp(vb_buf *b, unsigned cp) {
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | (cp >> 6));
        s[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        s[0] = (char)(0xE0 | (cp >> 12));
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | (cp >> 18));
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    vb_buf_append(b, s, n);
}

void vb_buf_printf(vb_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !vb_buf_reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *vb_buf_cstr(vb_buf *b) {
    if (b->oom) return NULL;
    if (!b->data && !vb_buf_reserve(b, 0)) return NULL;
    b->data[b->len] = '\0';
    return b->data;
}
