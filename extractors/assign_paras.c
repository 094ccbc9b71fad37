#include "assign_paras.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

void vb_parav_free(vb_parav *v) {
    free(v->items);
    memset(v, 0, sizeof *v);
}

static bool closing_mark(char c) { return c == '*' || c == '_' || c == ')' || c == '"' || c == ' '; }

bool vb_para_ends_sentence(const char *text, size_t s, size_t e) {
    while (e > s && closing_mark(text[e - 1])) e--;
    if (e == s) return false;
    char c = text[e - 1];
    return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

/* A rule made of dashes, underscores or equals signs ("-------"): it
 * separates the header's columns and ends any paragraph. */
static bool is_rule(const char *text, const vb_line *l) {
    for (size_t i = l->start; i < l->end; i++)
        if (text[i] != '-' && text[i] != '_' && text[i] != '=' && text[i] != ' ' && text[i] != '*')
            return false;
    return l->end - l->start >= 3;
}

/* The paragraph stops mid-phrase: its last mark is a letter or a comma. */
static bool open_end(const char *text, size_t s, size_t e) {
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '*' || text[e - 1] == '_')) e--;
    if (e == s) return false;
    unsigned char c = (unsigned char)text[e - 1];
    return c == ',' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* "--- PAGE BREAK ---" alone, or a bare page number. */
static bool is_noise(const char *text, const vb_line *l) {
    size_t n = l->end - l->start;
    const char *t = text + l->start;
    static const char mark[] = "--- PAGE BREAK ---";
    if (n == sizeof mark - 1 && memcmp(t, mark, n) == 0) return true;
    if (n > 3) return false;
    for (size_t i = 0; i < n; i++)
        if (t[i] < '0' || t[i] > '9') return false;
    return true;
}

/* The first letter of the line, past emphasis marks: 1 uppercase, -1
 * lowercase, 0 none (a digit, a dash, a quote…). */
static int first_letter_case(const char *text, size_t s, size_t e) {
    while (s < e && (text[s] == '*' || text[s] == '_' || text[s] == ' ')) s++;
    if (s >= e) return 0;
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(text + s, i, (int32_t)(e - s < 8 ? e - s : 8), c);
    if (c < 0) return 0;
    return u_isupper(c) ? 1 : u_islower(c) ? -1 : 0;
}

/* No lower-case letter in text[s..e). */
static bool all_capitals(const char *text, size_t s, size_t e) {
    for (int32_t i = (int32_t)s; i < (int32_t)e;) {
        UChar32 c;
        U8_NEXT(text, i, (int32_t)e, c);
        if (c >= 0 && u_islower(c)) return false;
    }
    return true;
}

/* The title's last word is one a phrase cannot end on ("của", "và"). */
static bool ends_with_open_word(const char *text, size_t s, size_t e) {
    static const char *const words[] = {
#define X(word) word,
#include "assign-open-words.inc"
#undef X
        NULL};
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '*' || text[e - 1] == '_')) e--;
    size_t w = e;
    while (w > s && text[w - 1] != ' ') w--;
    for (size_t k = 0; words[k]; k++)
        if (strlen(words[k]) == e - w && !memcmp(text + w, words[k], e - w)) return true;
    return false;
}

/* A heading whose title goes on to the next line: the title is empty
 * ("1.\nCông an thành phố"), or a few words that end no sentence ("2.
 * Sở\nTài chính", "IV. PHÂN\nCÔNG NHIỆM VỤ") followed by a short line. */
static bool title_goes_on(const char *text, const vb_line *h, const vb_line *next) {
    if (next->kind != VB_LINE_TEXT) return false;
    size_t body = h->body;
    while (body < h->end && (text[body] == '*' || text[body] == '_' || text[body] == ' ')) body++;
    if (body == h->end) return true;
    size_t title = h->end - body, rest = next->end - next->start;
    bool one_word = memchr(text + body, ' ', title) == NULL;
    if (h->rank == VB_RANK_LETTER && !one_word) return false;
    if (title > 30 || rest > 160 || vb_para_ends_sentence(text, h->start, h->end) ||
        vb_para_ends_sentence(text, next->start, next->end))
        return false;
    /* a title cut short: a word or two ("Sở", "Công an"), capitals going on
     * in capitals, or a last word that wants more ("… của"); a complete
     * short title over a hard-wrapped paragraph stays a title */
    size_t words = 1;
    for (size_t i = body; i < h->end; i++) words += text[i] == ' ';
    if (words <= 2) return true;
    if (first_letter_case(text, body, h->end) > 0 && all_capitals(text, body, h->end) &&
        all_capitals(text, next->start, next->end))
        return true;
    return ends_with_open_word(text, body, h->end);
}

static vb_status push(vb_parav *out, vb_para p) {
    if (!vb_scratch_room((void **)&out->items, out->len, &out->cap, sizeof *out->items)) return VB_E_NOMEM;
    out->items[out->len++] = p;
    return VB_OK;
}

vb_status vb_paras_build(const char *text, const vb_linev *lines, const vb_para_hooks *hooks, vb_parav *out) {
    memset(out, 0, sizeof *out);
    bool fresh = true;        /* the next line opens a paragraph */
    bool after_break = false; /* a page break or page number came before this line */
    for (size_t i = 0; i < lines->len; i++) {
        const vb_line *l = &lines->items[i];
        if (is_rule(text, l)) {
            fresh = true;
            continue;
        }
        if (is_noise(text, l)) {
            after_break = true;
            continue;
        }
        bool broken = after_break;
        after_break = false;
        vb_para *prev = out->len && !fresh ? &out->items[out->len - 1] : NULL;
        fresh = false;
        if (prev && hooks && hooks->starts_block(hooks->arg, i)) prev = NULL;
        if (l->kind == VB_LINE_TEXT && prev) {
            int lc = first_letter_case(text, l->start, l->end);
            bool open = open_end(text, prev->start, prev->end);
            /* an uppercase line goes on a bullet, an item or a page cut short;
             * between plain paragraphs the break is the author's */
            if (prev->kind == VB_LINE_HEADING)
                open = open && prev->rank == VB_RANK_LETTER &&
                       !(hooks && hooks->name_only(hooks->arg, prev->body, prev->end));
            else if (prev->kind == VB_LINE_TEXT) /* "Điều 2. Giao\nSở Y tế …" */
                open = open && (broken || prev->end - prev->start <= 24);
            if (lc < 0 || (lc == 0 && !vb_para_ends_sentence(text, prev->start, prev->end)) || open) {
                prev->end = l->end;
                if (prev->kind != VB_LINE_HEADING) prev->title_end = l->end;
                continue;
            }
        }
        vb_para p = {.kind = l->kind, .line = i, .start = l->start, .body = l->body, .end = l->end};
        p.rank = l->kind == VB_LINE_HEADING  ? l->rank
                 : l->kind == VB_LINE_BULLET ? VB_RANK_BULLET
                                             : VB_RANK_TEXT;
        while (p.body < p.end && (text[p.body] == '*' || text[p.body] == '_' || text[p.body] == ' '))
            p.body++;
        if (l->kind == VB_LINE_HEADING && i + 1 < lines->len &&
            title_goes_on(text, l, &lines->items[i + 1])) {
            p.end = lines->items[++i].end;
            if (p.body == l->end) p.body = lines->items[i].start;
        }
        p.title_end = p.end;
        vb_status s = push(out, p);
        if (s != VB_OK) {
            vb_parav_free(out);
            return s;
        }
    }
    return VB_OK;
}
