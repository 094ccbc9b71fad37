#include "doctypes.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

/* An empty code field is a type without an official abbreviation. */
const vb_doctype vb_doctypes[] = {
#define X(name, code, title, title_line) {name, sizeof code > 1 ? code : NULL, title},
#include "doctypes.inc"
#undef X
};
const size_t vb_doctypes_count = sizeof vb_doctypes / sizeof *vb_doctypes;

const vb_doctype *vb_doctype_by_code(const char *code, size_t len) {
    for (size_t i = 0; i < vb_doctypes_count; i++) {
        const char *c = vb_doctypes[i].code;
        if (c && strlen(c) == len && memcmp(c, code, len) == 0) return &vb_doctypes[i];
    }
    return NULL;
}

/* Case-insensitive compare of two UTF-8 strings with ICU full case folding. */
static int fold_equal(const char *a, size_t alen, const char *b) {
    UErrorCode ec = U_ZERO_ERROR;
    UChar ua[128], ub[128];
    int32_t la = 0, lb = 0;
    u_strFromUTF8(ua, 128, &la, a, (int32_t)alen, &ec);
    u_strFromUTF8(ub, 128, &lb, b, -1, &ec);
    if (U_FAILURE(ec) || la > 128 || lb > 128) return 0;
    return u_strCaseCompare(ua, la, ub, lb, U_FOLD_CASE_DEFAULT, &ec) == 0 && U_SUCCESS(ec);
}

const vb_doctype *vb_doctype_by_name(const char *s, size_t len) {
    if (len == 0 || len > 120) return NULL;
    for (size_t i = 0; i < vb_doctypes_count; i++)
        if (fold_equal(s, len, vb_doctypes[i].name)) return &vb_doctypes[i];
    return NULL;
}
