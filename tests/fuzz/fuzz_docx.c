#define _GNU_SOURCE /* memmem */
/* fuzz_docx.c — the DOCX reader on arbitrary input, in two modes.
 *
 * Input starting with "PK" is a whole container: libzip, the entry and
 * inflate bounds, then whatever parts it holds.  Any other input is the
 * XML of a package built here with libzip: the bytes up to the first
 * VB_FUZZ_PART_SEP are word/document.xml, the next part word/numbering.xml,
 * the next word/styles.xml, the next word/header1.xml — so mutations reach
 * the streaming XML reader, numbering labels and styles directly.  The
 * full pipeline runs on the result and every invariant of fuzz_common.h
 * is checked. */
#include <stdint.h>
#include <zip.h>

#include "fuzz_common.h"

#define VB_FUZZ_PART_SEP "\n#PART#\n"

static const char *const part_names[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml",
                                         "word/header1.xml"};
enum { N_PARTS = sizeof part_names / sizeof part_names[0] };

/* A stored (uncompressed) zip holding the parts; NULL on failure. */
static uint8_t *build_package(const uint8_t *data, size_t size, size_t *out_len) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_error_fini(&ze);
    if (!src) return NULL;
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
    if (!za) {
        zip_source_free(src);
        zip_source_free(src);
        return NULL;
    }
    const size_t sep_len = sizeof VB_FUZZ_PART_SEP - 1;
    const uint8_t *p = data, *end = data + size;
    for (int k = 0; k < N_PARTS && p <= end; k++) {
        const uint8_t *next =
            k + 1 < N_PARTS ? memmem(p, (size_t)(end - p), VB_FUZZ_PART_SEP, sep_len) : NULL;
        size_t len = next ? (size_t)(next - p) : (size_t)(end - p);
        zip_source_t *part = zip_source_buffer(za, p, len, 0);
        zip_int64_t idx = part ? zip_file_add(za, part_names[k], part, ZIP_FL_OVERWRITE) : -1;
        if (idx < 0) {
            zip_source_free(part);
            break;
        }
        zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
        if (!next) break;
        p = next + sep_len;
    }
    uint8_t *out = NULL;
    if (zip_close(za) != 0) {
        zip_discard(za);
    } else if (zip_source_open(src) == 0) {
        zip_stat_t st;
        if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && (out = malloc(st.size + 1))) {
            zip_int64_t got = zip_source_read(src, out, st.size);
            if (got < 0 || (zip_uint64_t)got != st.size) {
                free(out);
                out = NULL;
            } else {
                *out_len = (size_t)got;
            }
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t *pkg = NULL;
    size_t len = size;
    const uint8_t *input = data;
    if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
        pkg = build_package(data, size, &len);
        if (!pkg) return 0;
        input = pkg;
    }
    vb_result *r = NULL;
    vb_status s = vb_pipeline_convert_buffer(vb_fuzz_pipeline(), "fuzz.docx", input, len, &r);
    vb_fuzz_check_result(s, r);
    vb_result_free(r);
    free(pkg);
    return 0;
}
