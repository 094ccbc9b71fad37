/* Legacy Vietnamese font encodings: see legacy.h. */
#include "legacy.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

typedef struct {
    const char *letter; /* UTF-8 */
    const char *bytes;  /* the font's code points */
} entry;

#define X(letter, bytes) {letter, bytes},
static const entry tcvn3[] = {
#include "legacy/legacy-tcvn3.inc"
};
static const entry vni[] = {
#include "legacy/legacy-vni.inc"
};
#undef X

typedef struct {
    const entry *items;
    size_t len;
} table;

static table table_of(vb_legacy enc) {
    if (enc == VB_LEGACY_VNI) return (table){vni, sizeof vni / sizeof *vni};
    if (enc == VB_LEGACY_TCVN3 || enc == VB_LEGACY_TCVN3_CAPS)
        return (table){tcvn3, sizeof tcvn3 / sizeof *tcvn3};
    return (table){NULL, 0};
}

const char *vb_legacy_name(vb_legacy enc) {
    switch (enc) {
    case VB_LEGACY_TCVN3: return "TCVN3";
    case VB_LEGACY_TCVN3_CAPS: return "TCVN3 (capitals font)";
    case VB_LEGACY_VNI: return "VNI";
    default: return "none";
    }
}

vb_legacy vb_legacy_font(const char *name) {
    if (!name) return VB_LEGACY_NONE;
    while (*name == ' ') name++;
    size_t n = strlen(name);
    while (n && name[n - 1] == ' ') n--;
    if (n > 3 && strncasecmp(name, ".vn", 3) == 0)
        return name[n - 1] == 'H' ? VB_LEGACY_TCVN3_CAPS : VB_LEGACY_TCVN3;
    if (n > 4 && strncasecmp(name, "vni-", 4) == 0) return VB_LEGACY_VNI;
    return VB_LEGACY_NONE;
}

/* The longest entry whose bytes start s[0..n); NULL when none. */
static const entry *match(table t, const unsigned char *s, size_t n, size_t *len) {
    const entry *best = NULL;
    size_t best_len = 0;
    *len = 0;
    if (s[0] < 0x80 && !strchr("AEIOUYaeiouy", s[0])) return NULL; /* no entry starts with it */
    for (size_t i = 0; i < t.len; i++) {
        size_t k = strlen(t.items[i].bytes);
        if (k > best_len && k <= n && memcmp(t.items[i].bytes, s, k) == 0) {
            best = &t.items[i];
            best_len = k;
        }
    }
    *len = best_len;
    return best;
}

/* Windows-1252 byte -> code point (undefined bytes: U+FFFD). */
static void cp1252_table(UChar32 map[256]) {
    UErrorCode ec = U_ZERO_ERROR;
    UConverter *cv = ucnv_open("windows-1252", &ec);
    for (int b = 0; b < 256; b++) {
        map[b] = b < 0x80 ? b : 0xFFFD;
        if (U_FAILURE(ec) || b < 0x80) continue;
        char in = (char)b;
        UChar u[2];
        UErrorCode e2 = U_ZERO_ERROR;
        if (ucnv_toUChars(cv, u, 2, &in, 1, &e2) == 1 && U_SUCCESS(e2)) map[b] = u[0];
    }
    if (U_SUCCESS(ec)) ucnv_close(cv);
}

static void put_letter(vb_buf *out, const char *utf8, bool caps) {
    if (!caps) {
        vb_buf_puts(out, utf8);
        return;
    }
    size_t n = strlen(utf8);
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(utf8, i, n, c);
        if (c >= 0) vb_buf_put_cp(out, (unsigned)u_toupper(c));
    }
}

void vb_legacy_decode(vb_legacy enc, const unsigned char *s, size_t n, vb_buf *out) {
    table t = table_of(enc);
    bool caps = enc == VB_LEGACY_TCVN3_CAPS;
    UChar32 cp1252[256];
    cp1252_table(cp1252);
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        const entry *e = s[i] >= 0x41 ? match(t, s + i, n - i, &k) : NULL;
        if (e) {
            put_letter(out, e->letter, caps);
            i += k;
            continue;
        }
        UChar32 c = cp1252[s[i++]];
        vb_buf_put_cp(out, (unsigned)(caps ? u_toupper(c) : c));
    }
}

void vb_legacy_decode_utf8(vb_legacy enc, const char *s, size_t n, vb_buf *out) {
    UChar32 cp1252[256];
    cp1252_table(cp1252);
    vb_buf bytes;
    vb_buf_init(&bytes);
    size_t i = 0;
    while (i < n) {
        /* a run of code points that are bytes of the font, decoded together */
        size_t at = i;
        bytes.len = 0;
        while (at < n) {
            size_t here = at;
            UChar32 c;
            U8_NEXT(s, at, n, c);
            int b = -1;
            if (c >= 0 && c < 0x80)
                b = (int)c;
            else if (c >= 0xA0 && c <= 0xFF)
                b = (int)c;
            else if (c >= 0xF000 && c <= 0xF0FF)
                b = (int)(c - 0xF000); /* symbol-font private use */
            else
                for (int k = 0x80; k < 0xA0 && c >= 0; k++)
                    if (cp1252[k] == c) b = k;
            if (b < 0) {
                at = here;
                break;
            }
            vb_buf_putc(&bytes, (char)b);
        }
        vb_legacy_decode(enc, (const unsigned char *)bytes.data, bytes.len, out);
        i = at;
        if (i < n) { /* a code point the font's bytes cannot give: kept as is */
            size_t here = i;
            UChar32 c;
            U8_NEXT(s, i, n, c);
            vb_buf_append(out, s + here, i - here);
        }
    }
    if (bytes.oom) out->oom = true;
    vb_buf_free(&bytes);
}

size_t vb_legacy_encode(vb_legacy enc, const char *s, size_t n, vb_buf *out) {
    table t = table_of(enc);
    size_t missing = 0;
    for (size_t i = 0; i < n;) {
        size_t here = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c >= 0 && c < 0x80) {
            vb_buf_putc(out, (char)c);
            continue;
        }
        const entry *e = NULL;
        for (size_t k = 0; k < t.len && !e; k++)
            if (strlen(t.items[k].letter) == i - here && memcmp(t.items[k].letter, s + here, i - here) == 0)
                e = &t.items[k];
        if (e) {
            vb_buf_puts(out, e->bytes);
        } else {
            vb_buf_putc(out, '?');
            missing++;
        }
    }
    return missing;
}

static bool is_word_byte(unsigned char c) { return c >= 0x80 || (unsigned)((c | 0x20) - 'a') < 26u; }

/* Adjacent vowels a Vietnamese syllable can hold (tones removed); longer
 * nuclei (iêu, oai, ươi, uyê...) are chains of these. */
static const char *const vowel_pairs[] = {"ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu",
                                          "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ơu", "ua", "uâ", "uê",
                                          "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "ya", "yê"};

static bool is_tone(UChar32 m) { return m == 0x300 || m == 0x301 || m == 0x303 || m == 0x309 || m == 0x323; }

/* Lowercase letter without its tone; *tone set when it had one. */
static UChar32 strip_tone(const UNormalizer2 *nfd, const UNormalizer2 *nfc, UChar32 c, int *tone) {
    UChar src[2], d[8];
    int32_t n = 0;
    U16_APPEND_UNSAFE(src, n, u_tolower(c));
    UErrorCode ec = U_ZERO_ERROR;
    int32_t k = unorm2_normalize(nfd, src, n, d, 8, &ec);
    if (U_FAILURE(ec) || k < 1 || U16_IS_SURROGATE(d[0])) return u_tolower(c);
    UChar32 base = d[0];
    for (int32_t i = 1; i < k; i++) {
        if (is_tone(d[i]))
            *tone += 1;
        else {
            UChar32 m = unorm2_composePair(nfc, base, d[i]);
            if (m >= 0) base = m;
        }
    }
    return base;
}

static bool is_vowel(UChar32 c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 0xE2 || c == 0xEA ||
           c == 0xF4 || c == 0x103 || c == 0x1A1 || c == 0x1B0;
}

static bool pair_ok(UChar32 a, UChar32 b) {
    char pair[9];
    int32_t n = 0;
    UBool err = false;
    U8_APPEND((uint8_t *)pair, n, 8, a, err);
    U8_APPEND((uint8_t *)pair, n, 8, b, err);
    if (err) return false;
    pair[n] = '\0';
    for (size_t i = 0; i < sizeof vowel_pairs / sizeof *vowel_pairs; i++)
        if (strcmp(vowel_pairs[i], pair) == 0) return true;
    return false;
}

/* A decoded word could be a Vietnamese syllable: at most one tone, and its
 * vowels in pairs a syllable allows ("qu" and "gi" count as consonants). */
static bool plausible_syllable(const char *w, size_t n) {
    UErrorCode ec = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&ec), *nfc = unorm2_getNFCInstance(&ec);
    if (U_FAILURE(ec)) return true;
    int tones = 0;
    UChar32 prev = 0, before = 0;
    for (size_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(w, i, n, c);
        if (c < 0) return false;
        UChar32 b = strip_tone(nfd, nfc, c, &tones);
        if (is_vowel(prev) && is_vowel(b) && !(prev == 'u' && before == 'q') &&
            !(prev == 'i' && before == 'g') && !pair_ok(prev, b))
            return false;
        before = prev;
        prev = b;
    }
    return tones <= 1;
}

vb_legacy_score vb_legacy_score_text(vb_legacy enc, const unsigned char *s, size_t n) {
    table t = table_of(enc);
    vb_legacy_score sc = {0, 0};
    size_t fit = 0;
    vb_buf word;
    vb_buf_init(&word);
    for (size_t i = 0; i < n;) {
        if (!is_word_byte(s[i])) {
            i++;
            continue;
        }
        size_t end = i;
        while (end < n && is_word_byte(s[end])) end++;
        bool high = false, ok = true;
        for (size_t j = i; j < end;) {
            size_t k = 0;
            const entry *e = match(t, s + j, end - j, &k);
            bool e_high = false;
            for (size_t q = 0; e && q < k; q++) e_high |= s[j + q] >= 0x80;
            if (e && e_high) {
                high = true;
                j += k;
            } else {
                if (s[j] >= 0x80) high = true, ok = false;
                j++;
            }
        }
        if (high && ok) {
            word.len = 0;
            vb_legacy_decode(enc, s + i, end - i, &word);
            ok = !word.oom && plausible_syllable(word.data, word.len);
        }
        if (high) {
            sc.words++;
            fit += ok;
        }
        i = end;
    }
    vb_buf_free(&word);
    sc.fit = sc.words ? (double)fit / (double)sc.words : 0;
    return sc;
}
