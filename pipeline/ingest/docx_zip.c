/* Bounded zip access for DOCX: see docx_zip.h. */
#include "docx_zip.h"

#include <string.h>

static vb_status zip_failure(vb_result *r, int zip_code, const char *what) {
    zip_error_t e;
    zip_error_init_with_code(&e, zip_code);
    vb_status s = vb_result_error(r, VB_E_ZIP_CORRUPT, "%s: not a readable DOCX container: %s (%s)", r->path,
                                  what, zip_error_strerror(&e));
    zip_error_fini(&e);
    return s;
}

vb_status vb_docx_zip_open(vb_docx_zip *z, const unsigned char *data, size_t len, const vb_limits *lim,
                           vb_result *r) {
    memset(z, 0, sizeof *z);
    z->lim = lim;
    z->r = r;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    if (!src) {
        vb_status s = vb_result_error(r, VB_E_NOMEM, "%s: no memory for the zip reader", r->path);
        zip_error_fini(&err);
        return s;
    }
    z->za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!z->za) {
        int code = zip_error_code_zip(&err);
        zip_source_free(src);
        zip_error_fini(&err);
        return zip_failure(r, code, "cannot open the archive");
    }
    zip_error_fini(&err);

    zip_int64_t n = zip_get_num_entries(z->za, 0);
    if (n < 0) return zip_failure(r, ZIP_ER_INCONS, "no entry count");
    if ((zip_uint64_t)n > lim->max_zip_entries)
        return vb_result_error(r, VB_E_ZIP_TOO_MANY, "%s: %lld zip entries, over the bound of %zu", r->path,
                               (long long)n, lim->max_zip_entries);
    for (zip_int64_t i = 0; i < n; i++) {
        zip_stat_t st;
        if (zip_stat_index(z->za, (zip_uint64_t)i, 0, &st) != 0)
            return zip_failure(r, zip_error_code_zip(zip_get_error(z->za)), "unreadable entry");
        if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
            return vb_result_error(r, VB_E_ZIP_ENCRYPTED,
                                   "%s: entry \"%s\" is encrypted; password-protected DOCX is not read",
                                   r->path, (st.valid & ZIP_STAT_NAME) ? st.name : "?");
    }
    return VB_OK;
}

void vb_docx_zip_close(vb_docx_zip *z) {
    if (z->za) zip_discard(z->za); /* read-only: also frees the source */
    z->za = NULL;
}

zip_int64_t vb_docx_zip_find(vb_docx_zip *z, const char *name) {
    return zip_name_locate(z->za, name, ZIP_FL_ENC_GUESS);
}

static int over_ratio(const vb_docx_stream *s, zip_uint64_t inflated) {
    if (inflated <= VB_DOCX_RATIO_FLOOR) return 0;
    zip_uint64_t comp = s->comp_size ? s->comp_size : 1;
    return inflated / comp >= s->z->lim->max_inflate_ratio;
}

vb_status vb_docx_stream_open(vb_docx_zip *z, zip_int64_t index, vb_docx_stream *s) {
    memset(s, 0, sizeof *s);
    s->z = z;
    zip_stat_t st;
    if (zip_stat_index(z->za, (zip_uint64_t)index, 0, &st) != 0)
        return s->status = zip_failure(z->r, zip_error_code_zip(zip_get_error(z->za)), "unreadable entry");
    s->name = (st.valid & ZIP_STAT_NAME) ? st.name : "?";
    s->size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    s->comp_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    if (over_ratio(s, s->size))
        return s->status = vb_result_error(
                   z->r, VB_E_ZIP_BOMB,
                   "%s: entry \"%s\" inflates %llu bytes from %llu, over the %u:1 ratio bound", z->r->path,
                   s->name, (unsigned long long)s->size, (unsigned long long)s->comp_size,
                   z->lim->max_inflate_ratio);
    if (s->size > z->lim->max_inflated_bytes -
                      (z->inflated < z->lim->max_inflated_bytes ? z->inflated : z->lim->max_inflated_bytes))
        return s->status = vb_result_error(
                   z->r, VB_E_ZIP_BOMB,
                   "%s: entry \"%s\" declares %llu bytes, over the %zu-byte inflated bound", z->r->path,
                   s->name, (unsigned long long)s->size, z->lim->max_inflated_bytes);
    s->f = zip_fopen_index(z->za, (zip_uint64_t)index, 0);
    if (!s->f) {
        int code = zip_error_code_zip(zip_get_error(z->za));
        if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP)
            return s->status = vb_result_error(z->r, VB_E_ZIP_ENCRYPTED, "%s: entry \"%s\" is encrypted",
                                               z->r->path, s->name);
        return s->status = zip_failure(z->r, code, s->name);
    }
    return VB_OK;
}

long vb_docx_stream_read(vb_docx_stream *s, char *buf, size_t n) {
    if (s->status != VB_OK) return -1;
    zip_int64_t got = zip_fread(s->f, buf, n);
    if (got < 0) {
        s->status = zip_failure(s->z->r, zip_error_code_zip(zip_file_get_error(s->f)), s->name);
        return -1;
    }
    s->done += (zip_uint64_t)got;
    s->z->inflated += (size_t)got;
    const vb_limits *lim = s->z->lim;
    if (s->done > s->size || over_ratio(s, s->done)) {
        s->status =
            vb_result_error(s->z->r, VB_E_ZIP_BOMB,
                            "%s: entry \"%s\" inflated past its declared %llu bytes or the %u:1 ratio bound",
                            s->z->r->path, s->name, (unsigned long long)s->size, lim->max_inflate_ratio);
        return -1;
    }
    if (s->z->inflated > lim->max_inflated_bytes) {
        s->status = vb_result_error(s->z->r, VB_E_ZIP_BOMB, "%s: over the %zu-byte inflated bound",
                                    s->z->r->path, lim->max_inflated_bytes);
        return -1;
    }
    return (long)got;
}

void vb_docx_stream_close(vb_docx_stream *s) {
    if (s->f) zip_fclose(s->f);
    s->f = NULL;
}
