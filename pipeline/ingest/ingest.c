#include "ingest.h"

#include <errno.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc_read.h"
#include "docx_cache.h"
#include "docx_read.h"
#include "text_read.h"

void vb_limits_default(vb_limits *l) {
    l->max_input_bytes = (size_t)256 << 20;
    l->max_inflated_bytes = (size_t)512 << 20;
    l->max_inflate_ratio = 200;
    l->max_zip_entries = 10000;
    l->max_xml_depth = 256;
    l->max_line_bytes = (size_t)64 << 20;
    l->encoding = VB_ENC_AUTO;
}

vb_format vb_sniff_format(const unsigned char *data, size_t len) {
    /* Local file header, or an empty/spanned archive's end record. */
    if (len >= 4 && data[0] == 'P' && data[1] == 'K' &&
        ((data[2] == 3 && data[3] == 4) || (data[2] == 5 && data[3] == 6) || (data[2] == 7 && data[3] == 8)))
        return VB_FMT_DOCX;
    if (vb_doc_sniff(data, len)) return VB_FMT_DOC;
    return VB_FMT_TXT;
}

struct vb_ingest_state {
    vb_docx_cache *docx;
    EVP_MD *sha256; /* fetched once: EVP_Digest looks the algorithm up per call */
    EVP_MD_CTX *md_ctx;
};

vb_ingest_state *vb_ingest_state_new(void) {
    vb_ingest_state *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    st->docx = vb_docx_cache_new();
    st->sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
    st->md_ctx = EVP_MD_CTX_new();
    if (!st->docx || !st->sha256 || !st->md_ctx) {
        vb_ingest_state_free(st);
        return NULL;
    }
    return st;
}

void vb_ingest_state_free(vb_ingest_state *st) {
    if (!st) return;
    vb_docx_cache_free(st->docx);
    EVP_MD_free(st->sha256);
    EVP_MD_CTX_free(st->md_ctx);
    free(st);
}

static int sha256_hex(vb_ingest_state *st, const unsigned char *data, size_t len, char out[65]) {
    static const char hex[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    int ok = st ? EVP_DigestInit_ex(st->md_ctx, st->sha256, NULL) &&
                      EVP_DigestUpdate(st->md_ctx, data, len) && EVP_DigestFinal_ex(st->md_ctx, md, &n)
                : EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
    if (!ok || n != 32) return -1;
    for (unsigned i = 0; i < n; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[2 * n] = '\0';
    return 0;
}

vb_status vb_ingest_buffer(const unsigned char *data, size_t len, const vb_limits *lim, vb_arena *a,
                           vb_result *r, vb_blockv *out) {
    return vb_ingest_buffer_in(NULL, data, len, lim, a, r, out);
}

vb_status vb_ingest_buffer_in(vb_ingest_state *st, const unsigned char *data, size_t len,
                              const vb_limits *lim, vb_arena *a, vb_result *r, vb_blockv *out) {
    char hex[65];
    r->bytes = len;
    if (sha256_hex(st, data, len, hex) == 0) r->sha256 = vb_arena_strdup(r->arena, hex);
    if (len == 0) return vb_result_error(r, VB_E_EMPTY, "%s: the file is empty (0 bytes)", r->path);
    if (len > lim->max_input_bytes)
        return vb_result_error(r, VB_E_TOO_LARGE, "%s: %zu bytes is over the %zu-byte bound", r->path, len,
                               lim->max_input_bytes);
    vb_format fmt = vb_sniff_format(data, len);
    if (fmt == VB_FMT_DOCX) {
        r->format = "docx";
        return vb_docx_read_in(st ? st->docx : NULL, data, len, lim, a, r, out);
    }
    if (fmt == VB_FMT_DOC) {
        r->format = "doc";
        return vb_doc_read(data, len, lim, a, r, out);
    }
    r->format = "txt";
    return vb_text_read(data, len, lim, a, r, out);
}

vb_status vb_ingest_file(const char *path, const vb_limits *lim, vb_arena *a, vb_result *r, vb_blockv *out) {
    return vb_ingest_file_in(NULL, path, lim, a, r, out);
}

vb_status vb_ingest_file_in(vb_ingest_state *st, const char *path, const vb_limits *lim, vb_arena *a,
                            vb_result *r, vb_blockv *out) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return vb_result_error(r, VB_E_IO, "%s: %s", path, strerror(errno));
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    vb_status s = VB_OK;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 64 * 1024;
            if (ncap > lim->max_input_bytes + 1) ncap = lim->max_input_bytes + 1;
            if (ncap <= cap) {
                s = vb_result_error(r, VB_E_TOO_LARGE, "%s: over the %zu-byte input bound", path,
                                    lim->max_input_bytes);
                break;
            }
            unsigned char *p = realloc(data, ncap);
            if (!p) {
                s = vb_result_error(r, VB_E_NOMEM, "%s: no memory to read the file", path);
                break;
            }
            data = p;
            cap = ncap;
        }
        size_t n = fread(data + len, 1, cap - len, f);
        len += n;
        if (n == 0) {
            if (ferror(f)) s = vb_result_error(r, VB_E_IO, "%s: %s", path, strerror(errno));
            break;
        }
    }
    if (f != stdin) fclose(f);
    if (s == VB_OK) s = vb_ingest_buffer_in(st, data ? data : (unsigned char *)"", len, lim, a, r, out);
    free(data);
    return s;
}
