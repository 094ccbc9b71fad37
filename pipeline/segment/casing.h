/* casing.h — turn an all-capitals header string ("ỦY BAN NHÂN DÂN TỈNH TÂY
 * NINH") into the sentence case a records officer writes ("Ủy ban nhân dân
 * tỉnh Tây Ninh"), with ICU's Vietnamese lower-casing.  Strings that
 * already hold lower-case letters are returned unchanged (copied). */
#ifndef VB_CASING_H
#define VB_CASING_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"

typedef enum {
    VB_CASE_SENTENCE, /* "Thực hiện chương trình … tỉnh Tây Ninh" */
    VB_CASE_ORG,      /* a body: sector name capitalised, "Phòng Giáo dục và Đào tạo" */
    VB_CASE_NAME      /* a person: every word capitalised, "Nguyễn Văn An" */
} vb_case_style;

char *vb_sentence_case(vb_arena *a, const char *s, size_t len, vb_case_style style);
/* True when s has cased letters and none is lower-case. */
bool vb_is_upper_text(const char *s, size_t len);

#endif
