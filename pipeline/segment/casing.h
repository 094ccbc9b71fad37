/* casing.h — turn an all-capitals header string ("ỦY BAN NHÂN DÂN TỈNH TÂY
 * NINH") into the sentence case a records officer writes ("Ủy ban nhân dân
 * tỉnh Tây Ninh"), with ICU's Vietnamese lower-casing.  Strings that
 * already hold lower-case letters are returned unchanged (copied). */
#ifndef VB_CASING_H
#define VB_CASING_H
#include <stdbool.h>
#include <stddef.h>

#include "../core/arena.h"

/* org: the string names a body (capitalise the sector name after the head
 * word: "Phòng Giáo dục và Đào tạo"). */
char *vb_sentence_case(vb_arena *a, const char *s, size_t len, bool org);
/* True when s has cased letters and none is lower-case. */
bool vb_is_upper_text(const char *s, size_t len);

#endif
