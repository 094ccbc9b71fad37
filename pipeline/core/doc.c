#include "doc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

void vb_utf8_scrub(char *s) {
    if (!s) return;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0)
            for (size_t k = at; k < i; k++) s[k] = '?';
    }
}

vb_result *vb_result_new(const char *path) {
    vb_arena *a = vb_arena_create();
    if (!a) return NULL;
    vb_result *r = vb_arena_alloc(a, sizeof *r);
    if (!r) {
        vb_arena_destroy(a);
        return NULL;
    }
    r->arena = a;
    r->path = vb_arena_strdup(a, path ? path : "-");
    vb_utf8_scrub(r->path);
    return r; /* format stays NULL until ingest has read the content */
}

void vb_result_free(vb_result *r) {
    if (r) vb_arena_destroy(r->arena); /* r itself lives in the arena */
}

static char *vformat(vb_arena *a, const char *fmt, va_list ap) {
    char small[512];
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(small, sizeof small, fmt, cp);
    va_end(cp);
    if (n < 0) return NULL;
    if ((size_t)n < sizeof small) return vb_arena_strndup(a, small, (size_t)n);
    char *p = vb_arena_alloc(a, (size_t)n + 1);
    if (p) vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

vb_status vb_result_error(vb_result *r, vb_status s, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(r->arena, fmt, ap);
    va_end(ap);
    vb_utf8_scrub(msg); /* messages quote paths and bytes from the input */
    vb_error e = {.code = (char *)vb_status_code(s), .message = msg ? msg : (char *)vb_status_text(s)};
    (void)VB_PUSH(r->arena, r->errors, e); /* on no memory the caller still gets s */
    return s;
}

int vb_doc_warn(vb_arena *a, vb_doc *d, const char *code, const vb_span *span, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(a, fmt, ap);
    va_end(ap);
    vb_utf8_scrub(msg);
    vb_warning w = {.code = vb_arena_strdup(a, code), .message = msg};
    if (span) {
        w.has_span = true;
        w.span = *span;
    }
    if (!w.code || !w.message) return -1;
    return VB_PUSH(a, d->warnings, w);
}

/* Code points in s[0..n): the bytes that are not UTF-8 continuation bytes
 * (10xxxxxx), eight bytes at a time.  In a word w, a byte's bit 7 is set
 * and its bit 6 clear exactly where w & ~(w << 1) & 0x80… has bit 7 set
 * (the shift moves each byte's bit 6 onto its own bit 7; bits crossing into
 * the next byte land on bit 0, which the mask drops); multiplying the 0/1
 * bytes by 0x0101… sums them into the top byte (at most 8: no overflow). */
size_t vb_utf8_count(const char *s, size_t n) {
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        uint64_t c = w & ~(w << 1) & 0x8080808080808080u;
        cont += (size_t)(((c >> 7) * 0x0101010101010101u) >> 56);
    }
    for (; i < n; i++) cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

int vb_doc_index(vb_arena *a, vb_doc *d) {
    size_t n = d->text_len / VB_CP_STEP + 1;
    size_t *marks = vb_arena_alloc(a, n * sizeof *marks);
    if (!marks) return -1;
    marks[0] = 0; /* marks[k] = code points in text[0 .. k*VB_CP_STEP) */
    for (size_t k = 1; k < n; k++)
        marks[k] = marks[k - 1] + vb_utf8_count(d->text + (k - 1) * VB_CP_STEP, VB_CP_STEP);
    d->cp_marks = marks;
    d->n_cp_marks = n;
    return 0;
}

size_t vb_doc_cp_offset(const vb_doc *d, size_t byte) {
    if (byte > d->text_len) byte = d->text_len;
    size_t k = byte / VB_CP_STEP, cp = 0, i = 0;
    if (d->cp_marks && k < d->n_cp_marks) {
        cp = d->cp_marks[k];
        i = k * VB_CP_STEP;
    }
    return cp + vb_utf8_count(d->text + i, byte - i);
}

const char *vb_doc_span_text(const vb_doc *d, vb_span s, size_t *len) {
    size_t end = s.end < d->text_len ? s.end : d->text_len;
    size_t start = s.start < end ? s.start : end;
    *len = end - start;
    return d->text + start;
}

const char *vb_kind_name(vb_kind k) {
    return k == VB_KIND_OFFICIAL ? "official" : k == VB_KIND_ARTICLE ? "article" : "unknown";
}
const char *vb_relation_name(vb_relation r) {
    return r == VB_REL_BASIS ? "basis" : r == VB_REL_IMPLEMENTS ? "implements" : "cited";
}
const char *vb_date_role_name(vb_date_role r) {
    static const char *names[] = {"reference", "issued", "deadline", "period", "recurring"};
    return (unsigned)r < 5 ? names[r] : "reference";
}
const char *vb_comparator_name(vb_comparator c) {
    return c == VB_CMP_GE ? "ge" : c == VB_CMP_LE ? "le" : "eq";
}
const char *vb_role_name(vb_role r) {
    return r == VB_ROLE_LEAD ? "lead" : r == VB_ROLE_REQUESTED ? "requested" : "assigned";
}
