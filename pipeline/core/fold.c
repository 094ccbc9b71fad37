/* fold.c — see fold.h. */
#include "fold.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

static bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* NFD then drop the combining marks (tones, breve, circumflex, horn);
 * Latin-ASCII takes đ/Đ, which has no decomposition, to d; then lower. */
static const char fold_rules[] = "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII; Any-Lower; NFC";

struct vb_folder {
    UTransliterator *trans;
    UChar *u16;
    int32_t u16_cap;
};

vb_status vb_folder_open(vb_folder **out) {
    *out = NULL;
    vb_folder *f = calloc(1, sizeof *f);
    if (!f) return VB_E_NOMEM;
    UChar id[sizeof fold_rules];
    u_uastrcpy(id, fold_rules);
    UErrorCode ec = U_ZERO_ERROR;
    f->trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &ec);
    if (U_FAILURE(ec) || !f->trans) {
        free(f);
        return VB_E_INTERNAL;
    }
    *out = f;
    return VB_OK;
}

void vb_folder_close(vb_folder *f) {
    if (!f) return;
    if (f->trans) utrans_close(f->trans);
    free(f->u16);
    free(f);
}

static bool ensure_u16(vb_folder *f, int32_t need) {
    if (need <= f->u16_cap) return true;
    int32_t cap = f->u16_cap ? f->u16_cap : 256;
    while (cap < need) {
        if (cap > INT32_MAX / 2) return false;
        cap *= 2;
    }
    UChar *p = realloc(f->u16, (size_t)cap * sizeof *p);
    if (!p) return false;
    f->u16 = p;
    f->u16_cap = cap;
    return true;
}

vb_status vb_fold(vb_folder *f, const char *s, size_t n, vb_buf *out) {
    if (n == 0) return VB_OK;
    if (n > (size_t)INT32_MAX / 8) return VB_E_TOO_LARGE;
    /* Latin-ASCII may lengthen a little (æ → ae); 2x + slack is ample. */
    int32_t cap = (int32_t)n * 2 + 16;
    if (!ensure_u16(f, cap)) return VB_E_NOMEM;
    UErrorCode ec = U_ZERO_ERROR;
    int32_t len = 0;
    u_strFromUTF8Lenient(f->u16, cap, &len, s, (int32_t)n, &ec);
    if (U_FAILURE(ec)) return VB_E_ENCODING;
    int32_t limit = len;
    utrans_transUChars(f->trans, f->u16, &len, cap, 0, &limit, &ec);
    if (ec == U_BUFFER_OVERFLOW_ERROR) return VB_E_NOMEM;
    if (U_FAILURE(ec)) return VB_E_INTERNAL;
    int32_t need = 0;
    ec = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &need, f->u16, len, &ec);
    if (ec != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(ec)) return VB_E_ENCODING;
    if (!vb_buf_reserve(out, (size_t)need + 1)) return VB_E_NOMEM;
    ec = U_ZERO_ERROR;
    u_strToUTF8(out->data + out->len, (int32_t)(out->cap - out->len), &need, f->u16, len, &ec);
    if (U_FAILURE(ec)) return VB_E_ENCODING;
    out->len += (size_t)need;
    out->data[out->len] = '\0';
    return VB_OK;
}

vb_status vb_number_key(vb_folder *f, const char *number, vb_buf *out) {
    vb_buf tmp;
    vb_buf_init(&tmp);
    vb_status st = vb_fold(f, number, strlen(number), &tmp);
    for (size_t i = 0; st == VB_OK && i < tmp.len; i++)
        if (!is_space((unsigned char)tmp.data[i])) vb_buf_putc(out, tmp.data[i]);
    if (st == VB_OK && out->oom) st = VB_E_NOMEM;
    vb_buf_free(&tmp);
    return st;
}

/* ---- words ---------------------------------------------------------------- */

enum { MAX_WORDS = 64 };

typedef struct {
    size_t start, end; /* bytes of the original word */
    size_t fold;       /* offset of its folded form in words.folded (NUL-ended) */
} word;

typedef struct {
    word w[MAX_WORDS];
    size_t n;
    vb_buf folded;
} words;

static bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Split on white space and fold each word, keeping only its ASCII letters
 * and digits; words that fold to nothing (a dash, a comma) are dropped. */
static vb_status split_words(vb_folder *f, const char *s, words *ws) {
    ws->n = 0;
    vb_buf_init(&ws->folded);
    vb_buf tmp;
    vb_buf_init(&tmp);
    size_t i = 0, n = strlen(s);
    vb_status st = VB_OK;
    while (i < n && ws->n < MAX_WORDS) {
        while (i < n && is_space((unsigned char)s[i])) i++;
        size_t b = i;
        while (i < n && !is_space((unsigned char)s[i])) i++;
        if (b == i) break;
        vb_buf_reset(&tmp);
        if ((st = vb_fold(f, s + b, i - b, &tmp)) != VB_OK) break;
        size_t at = ws->folded.len;
        for (size_t k = 0; k < tmp.len; k++)
            if (is_alnum(tmp.data[k])) vb_buf_putc(&ws->folded, tmp.data[k]);
        if (ws->folded.len == at) continue;
        vb_buf_putc(&ws->folded, '\0');
        if (ws->folded.oom) {
            st = VB_E_NOMEM;
            break;
        }
        ws->w[ws->n++] = (word){b, i, at};
    }
    vb_buf_free(&tmp);
    if (st != VB_OK) vb_buf_free(&ws->folded);
    return st;
}

static const char *wf(const words *ws, size_t i) { return ws->folded.data + ws->w[i].fold; }

/* How many words of the space-separated `phrase` match at word i (0: none). */
static size_t match_at(const words *ws, size_t i, const char *phrase) {
    size_t k = 0;
    const char *p = phrase;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (i + k >= ws->n) return 0;
        const char *w = wf(ws, i + k);
        if (strlen(w) != len || memcmp(w, p, len) != 0) return 0;
        k++;
        p += len;
        if (*p == ' ') p++;
    }
    return k;
}

static size_t match_any(const words *ws, size_t i, const char *const *list) {
    for (size_t k = 0; list[k]; k++) {
        size_t m = match_at(ws, i, list[k]);
        if (m) return m;
    }
    return 0;
}

static bool is_number(const char *w) {
    for (; *w; w++)
        if (*w < '0' || *w > '9') return false;
    return true;
}

/* Level words that head a unit name. */
static const char *const level_prefix[] = {
#define X(entry) entry,
#include "fold-level-heads.inc"
#undef X
    NULL};
/* Administrative levels: the unit's own level, or the start of a place. */
static const char *const level_place[] = {
#define X(entry) entry,
#include "fold-level-places.inc"
#undef X
    NULL};
/* Words that join or count but do not name a sector. */
static const char *const connector[] = {
#define X(entry) entry,
#include "fold-connectors.inc"
#undef X
    NULL};

/* A level word at i: "xã" is one unless it starts "xã hội" (society). */
static size_t level_at(const words *ws, size_t i) {
    size_t m = match_any(ws, i, level_place);
    if (m) return m;
    if (match_at(ws, i, "xa") && !match_at(ws, i + 1, "hoi")) return 1;
    return 0;
}

/* Short forms common in unit names, spelled out so they meet the long form. */
static const char *const abbreviations[][2] = {
#define X(short_form, long_form) {short_form, long_form},
#include "fold-abbreviations.inc"
#undef X
    {NULL, NULL}};

static const char *expand(const char *w) {
    for (size_t k = 0; abbreviations[k][0]; k++)
        if (!strcmp(w, abbreviations[k][0])) return abbreviations[k][1];
    return w;
}

vb_status vb_fold_sector_key(vb_folder *f, const char *unit, const char *place, vb_buf *key,
                             size_t *label_start, size_t *label_end) {
    *label_start = *label_end = 0;
    words ws, pw;
    vb_status st = split_words(f, unit, &ws);
    if (st != VB_OK) return st;
    pw.n = 0;
    vb_buf_init(&pw.folded);
    if (place && (st = split_words(f, place, &pw)) != VB_OK) {
        vb_buf_free(&ws.folded);
        return st;
    }
    size_t i = 0;
    while (i < ws.n && match_any(&ws, i, connector)) i++;
    size_t m = match_any(&ws, i, level_prefix);
    /* "Ủy ban" is a level word before "Mặt trận…", not in "Ủy ban nhân dân". */
    if (!m && match_at(&ws, i, "uy ban") && !match_at(&ws, i + 2, "nhan dan")) m = 2;
    if (m && i + m < ws.n && !level_at(&ws, i + m)) i += m;
    /* the plan's own place name is dropped wherever it stands ("Báo Tây
     * Ninh, Đài Phát thanh…"); a level word ends the sector name */
    bool skip[MAX_WORDS] = {false};
    size_t end = ws.n;
    for (size_t j = i; j < ws.n; j++) {
        bool at_place = pw.n && j + pw.n <= ws.n && j > i;
        for (size_t k = 0; at_place && k < pw.n; k++) at_place = !strcmp(wf(&ws, j + k), wf(&pw, k));
        if (at_place) {
            for (size_t k = 0; k < pw.n; k++) skip[j + k] = true;
            j += pw.n - 1;
        } else if (j > i && level_at(&ws, j)) {
            end = j;
            break;
        }
    }
    size_t last = i;
    bool any = false;
    for (size_t j = i; j < end; j++) {
        const char *w = wf(&ws, j);
        if (skip[j] || match_any(&ws, j, connector) || is_number(w)) continue;
        if (key->len && any) vb_buf_putc(key, ' ');
        vb_buf_puts(key, expand(w));
        any = true;
        last = j;
    }
    if (any) {
        *label_start = ws.w[i].start;
        *label_end = ws.w[last].end;
        /* trailing punctuation of the last kept word ("Văn hóa,") */
        while (*label_end > *label_start && strchr(",;:.-", unit[*label_end - 1])) (*label_end)--;
    }
    st = key->oom ? VB_E_NOMEM : VB_OK;
    vb_buf_free(&ws.folded);
    vb_buf_free(&pw.folded);
    return st;
}

int vb_fold_issuer_place(vb_folder *f, const char *issuer, size_t *start, size_t *end) {
    words ws;
    *start = *end = 0;
    if (!issuer || split_words(f, issuer, &ws) != VB_OK) return 0;
    int found = 0;
    for (size_t i = 1; i < ws.n && !found; i++) {
        size_t m = level_at(&ws, i);
        if (!m || i + m >= ws.n || match_at(&ws, i, "tren dia ban")) continue;
        /* "Quận 1", "Phường 12": the level word is part of the name. */
        size_t from = is_number(wf(&ws, i + m)) ? i : i + m;
        *start = ws.w[from].start;
        *end = ws.w[ws.n - 1].end;
        found = 1;
    }
    vb_buf_free(&ws.folded);
    return found;
}
