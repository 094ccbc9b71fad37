#include "casing.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "../core/buf.h"

static bool is_symbol(const char *w, size_t n);

/* A document's symbol is written as issued ("19/CT-TTg" in a title in
 * capitals): its lower-case letters do not make the text lower case. */
bool vb_is_upper_text(const char *s, size_t len) {
    size_t i = 0, upper = 0, word = 0, word_end = 0;
    bool symbol = false;
    while (i < len) {
        if (i >= word_end) { /* a new word: is it a symbol? */
            word = i;
            while (word < len && (s[word] == ' ' || s[word] == '\t' || s[word] == '\n')) word++;
            word_end = word;
            while (word_end < len && s[word_end] != ' ' && s[word_end] != '\t' && s[word_end] != '\n')
                word_end++;
            symbol = is_symbol(s + word, word_end - word);
            if (word_end == i) word_end = i + 1;
        }
        UChar32 c;
        U8_NEXT(s, i, len, c);
        if (c < 0) continue;
        if (u_islower(c) && !symbol) return false;
        if (u_isupper(c)) upper++;
    }
    return upper > 0;
}

/* Words after which the following name words are proper nouns. */
static const char *const admin_words[] = {
#define X(entry) entry,
#include "casing-admin-words.inc"
#undef X
    NULL};
/* Words that end a proper name run. */
static const char *const stop_words[] = {
#define X(entry) entry,
#include "casing-stop-words.inc"
#undef X
    NULL};
/* Bodies whose head is two words: the sector name starts after both
 * ("Ủy ban Mặt trận", "Chi cục Phòng, chống"), and "nhân dân" after them is
 * part of the head ("Ủy ban nhân dân", "Hội đồng nhân dân"). */
static const char *const two_word_heads[] = {
#define X(entry) entry,
#include "casing-two-word-heads.inc"
#undef X
    NULL};

/* "việt" before "nam", or "nam" after "việt": the country's name is a
 * proper noun wherever it stands ("Công đoàn Giáo dục Việt Nam"). */
static bool is_viet_nam(const char *low, size_t len, size_t ws, size_t we) {
    static const char viet[] = "việt", nam[] = "nam";
    size_t vn = sizeof viet - 1, nn = sizeof nam - 1;
    if (we - ws == vn && !memcmp(low + ws, viet, vn))
        return we + 1 + nn <= len && !memcmp(low + we + 1, nam, nn) &&
               (we + 1 + nn == len || low[we + 1 + nn] == ' ');
    if (we - ws == nn && !memcmp(low + ws, nam, nn))
        return ws >= vn + 1 && !memcmp(low + ws - vn - 1, viet, vn);
    return false;
}

static bool in_list(const char *w, size_t n, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0) return true;
    return false;
}

/* Base letter (no marks, lower case) of c via ICU's NFD; đ stays đ. */
static UChar32 base_letter(UChar32 c) {
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&ec);
    UChar d[8];
    if (U_SUCCESS(ec) && unorm2_getDecomposition(nfd, c, d, 8, &ec) > 0 && U_SUCCESS(ec)) c = d[0];
    return u_tolower(c);
}

/* True when the lower-cased word w cannot be one Vietnamese syllable
 * ((initial consonant) vowels (final consonant)), so in an all-capitals
 * header it is an acronym to keep as written: UBND, HĐND, MTTQ, TW. */
/* A document's symbol ("4631/qđ-ubnd" lowered): a digit and a '/' in one
 * word.  It keeps the capitals it was written in. */
static bool is_symbol(const char *w, size_t n) {
    bool digit = false, slash = false;
    for (size_t i = 0; i < n; i++) {
        digit |= w[i] >= '0' && w[i] <= '9';
        slash |= w[i] == '/';
    }
    return digit && slash;
}

static bool is_acronym(const char *w, size_t n) {
    static const char *const initials[] = {"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th",
                                           "tr",  "b",  "c",  "d",  "đ",  "g",  "h",  "k",  "l",  "m",
                                           "n",   "p",  "r",  "s",  "t",  "v",  "x",  "",   NULL};
    /* "k" ends the syllables of Central Highlands names: ĐẮK LẮK, KRÔNG PẮK */
    static const char *const finals[] = {"", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t", NULL};
    char b[32];
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(w, i, n, c);
        if (c < 0 || !u_isalpha(c)) return false; /* digits, punctuation: not our case */
        UChar32 x = base_letter(c);
        if (x == 0x111) x = 'D'; /* đ as one byte 'D' for the tables below */
        if (x >= 0x80 || k + 1 >= sizeof b) return false;
        b[k++] = (char)x;
    }
    b[k] = 0;
    if (k < 2) return false;
    for (size_t ii = 0; initials[ii]; ii++) {
        const char *ini = initials[ii];
        size_t li = strlen(ini);
        if (!strcmp(ini, "đ")) {
            ini = "D";
            li = 1;
        }
        if (strncmp(b, ini, li)) continue;
        size_t v = li;
        while (v < k && strchr("aeiouy", b[v])) v++;
        if (v == li) continue; /* needs a vowel */
        for (size_t f = 0; finals[f]; f++)
            if (!strcmp(b + v, finals[f])) return false; /* a valid syllable */
    }
    return true;
}

/* Upper-case the first code point of w (UTF-8) into b. */
static void put_capitalised(vb_buf *b, const char *w, size_t n) {
    size_t i = 0;
    UChar32 c;
    U8_NEXT(w, i, n, c);
    if (c < 0) {
        vb_buf_append(b, w, n);
        return;
    }
    vb_buf_put_cp(b, (unsigned)u_toupper(c));
    vb_buf_append(b, w + i, n - i);
}

char *vb_sentence_case(vb_arena *a, const char *s, size_t len, vb_case_style style) {
    bool org = style == VB_CASE_ORG;
    if (!vb_is_upper_text(s, len)) return vb_arena_strndup(a, s, len);
    /* ICU lower-casing, Vietnamese rules */
    UErrorCode ec = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, s, (int32_t)len, &ec);
    if (ec != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ec)) return vb_arena_strndup(a, s, len);
    ec = U_ZERO_ERROR;
    UChar *u = vb_arena_alloc(a, (size_t)(ulen + 1) * 2 * sizeof *u);
    if (!u) return NULL;
    u_strFromUTF8(u, ulen + 1, NULL, s, (int32_t)len, &ec);
    UChar *l = u + ulen + 1;
    int32_t llen = u_strToLower(l, ulen + 1, u, ulen, "vi", &ec);
    if (U_FAILURE(ec)) return vb_arena_strndup(a, s, len);
    char *low = vb_arena_alloc(a, (size_t)llen * 3 + 1);
    int32_t blen = 0;
    if (!low) return NULL;
    u_strToUTF8(low, llen * 3 + 1, &blen, l, llen, &ec);
    if (U_FAILURE(ec)) return vb_arena_strndup(a, s, len);

    vb_buf b;
    vb_buf_init(&b);
    size_t i = 0, word_no = 0;
    bool proper = false, cap_next = false, head2 = false;
    size_t sp = 0; /* cursor in the original string */
    const char *prev = NULL;
    size_t prevn = 0;
    while (i < (size_t)blen) {
        size_t ws = i;
        while (i < (size_t)blen && low[i] != ' ' && low[i] != '\t') i++;
        const char *w = low + ws;
        size_t n = i - ws;
        bool is_admin = in_list(w, n, admin_words);
        /* two-word admin names: "thành phố", "thị xã", "thị trấn" */
        if (!is_admin && prev) {
            char two[64];
            if (prevn + 1 + n < sizeof two) {
                memcpy(two, prev, prevn);
                two[prevn] = ' ';
                memcpy(two + prevn + 1, w, n);
                if (in_list(two, prevn + 1 + n, admin_words)) is_admin = true;
            }
        }
        bool digit_next = i + 1 < (size_t)blen && low[i + 1] >= '0' && low[i + 1] <= '9';
        /* "xã hội" is society, not the commune level */
        if (is_admin && n == strlen("xã") && !memcmp(w, "xã", n) && i + 1 < (size_t)blen &&
            !strncmp(low + i + 1, "hội", strlen("hội")))
            is_admin = false;
        /* the same word in the original: whitespace is laid out alike */
        while (sp < len && (s[sp] == ' ' || s[sp] == '\t')) sp++;
        size_t sw = sp;
        while (sp < len && s[sp] != ' ' && s[sp] != '\t') sp++;
        if (style != VB_CASE_NAME && (is_acronym(w, n) || is_symbol(w, n))) {
            vb_buf_append(&b, s + sw, sp - sw); /* keep an acronym's capitals */
        } else if (word_no == 0 || style == VB_CASE_NAME || (proper && !in_list(w, n, stop_words)) ||
                   is_viet_nam(low, (size_t)blen, ws, i) || (cap_next && !(is_admin && !digit_next)) ||
                   (is_admin && digit_next))
            put_capitalised(&b, w, n);
        else
            vb_buf_append(&b, w, n);
        if (proper && in_list(w, n, stop_words)) proper = false;
        bool two_word_head = false;
        if (org && word_no == 0 && i < (size_t)blen) {
            size_t j = i + 1, k = j;
            while (k < (size_t)blen && low[k] != ' ' && low[k] != '\t') k++;
            char two[64];
            if (n + 1 + (k - j) < sizeof two) {
                memcpy(two, w, n);
                two[n] = ' ';
                memcpy(two + n + 1, low + j, k - j);
                two_word_head = in_list(two, n + 1 + (k - j), two_word_heads);
            }
        }
        bool after_two_word_head = org && word_no == 1 && head2;
        cap_next = org && ((word_no == 0 && !two_word_head) || after_two_word_head ||
                           (n == 3 && !memcmp(w, "và", 3)) || (n == 1 && *w == '-'));
        /* "… nhân dân" right after a two-word head belongs to the head */
        if (cap_next && after_two_word_head && i + 1 < (size_t)blen &&
            !strncmp(low + i + 1, "nhân", strlen("nhân")))
            cap_next = false;
        if (word_no == 0) head2 = two_word_head;
        if (is_admin && !digit_next) {
            proper = true;
            cap_next = false;
        }
        prev = w;
        prevn = n;
        word_no++;
        while (i < (size_t)blen && (low[i] == ' ' || low[i] == '\t')) vb_buf_putc(&b, low[i++]);
    }
    char *out = b.oom ? NULL : vb_arena_strndup(a, b.data ? b.data : "", b.len);
    vb_buf_free(&b);
    return out;
}
