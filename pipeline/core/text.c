#include "text.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

/* The byte tests below were strchr calls on short sets; strchr also finds
 * the terminating NUL, so a 0 byte or code point is kept in the sets where
 * it matched before ("IVXLC" excluded it explicitly). */
static bool is_bullet_byte(char c) { return c == '-' || c == '+' || c == '*' || c == 0; }
static bool is_roman_byte(char c) { return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C'; }

size_t vb_list_label_len(const char *s, size_t len) {
    size_t i = 0;
    if (len >= 2 && is_bullet_byte(s[0]) && (s[1] == ' ' || s[1] == '\t')) return 2;
    if (len >= 4 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] == 0xA2 && s[3] == ' ')
        return 4; /* "• " */
    /* 1.  1.2.  1.2.3)  */
    if (i < len && s[i] >= '0' && s[i] <= '9') {
        while (i < len && ((s[i] >= '0' && s[i] <= '9') ||
                           (s[i] == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')))
            i++;
        if (i < len && (s[i] == '.' || s[i] == ')'))
            i++;
        else
            return 0;
        return i < len && (s[i] == ' ' || s[i] == '\t') ? i + 1 : (i == len ? i : 0);
    }
    /* Roman numerals: I. II. IV. */
    while (i < len && is_roman_byte(s[i])) i++;
    if (i > 0 && i < len && (s[i] == '.' || s[i] == ')') &&
        (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t'))
        return i + 1 < len ? i + 2 : i + 1;
    /* a) b. đ) */
    i = 0;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c > 0 && u_islower(c) && i < len && (s[i] == ')' || s[i] == '.') && i + 1 < len &&
        (s[i + 1] == ' ' || s[i + 1] == '\t'))
        return i + 2;
    return 0;
}

bool vb_has_lower(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c > 0 && u_islower(c)) return true;
    }
    return false;
}

void vb_fold_marks(vb_buf *out, const char *s, size_t n) {
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&ec);
    for (int32_t i = 0; i < (int32_t)n;) {
        UChar32 c;
        U8_NEXT(s, i, (int32_t)n, c);
        if (c < 0) continue;
        UChar d[8];
        UErrorCode e2 = U_ZERO_ERROR;
        if (U_SUCCESS(ec) && unorm2_getDecomposition(nfd, c, d, 8, &e2) > 0 && U_SUCCESS(e2) &&
            !U16_IS_LEAD(d[0]))
            c = d[0];
        if (c == 0x0110 || c == 0x0111) c = 'd';
        vb_buf_put_cp(out, (unsigned)u_tolower(c));
    }
}
