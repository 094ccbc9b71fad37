#include "assign_data.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static const char *const unit_heads[] = {
#define X(entry) entry,
#include "assign-unit-heads.inc"
#undef X
};
static const char *const task_verbs[] = {
#define X(entry) entry,
#include "assign-task-verbs.inc"
#undef X
};
static const char *const unit_names[] = {
#define X(entry) entry,
#include "assign-unit-names.inc"
#undef X
};
static const char *const section_titles[] = {
#define X(weight, title) weight "\t" title, /* the line as written: read by its user */
#include "assign-sections.inc"
#undef X
};

#define COUNT(a) (sizeof a / sizeof a[0])

const char *const *vb_assign_list_entries(vb_assign_list list, size_t *n) {
    switch (list) {
    case VB_LIST_UNIT_HEADS: *n = COUNT(unit_heads); return unit_heads;
    case VB_LIST_TASK_VERBS: *n = COUNT(task_verbs); return task_verbs;
    case VB_LIST_UNIT_NAMES: *n = COUNT(unit_names); return unit_names;
    case VB_LIST_SECTIONS: *n = COUNT(section_titles); return section_titles;
    }
    *n = 0;
    return NULL;
}

static bool put(char *out, size_t cap, size_t *len, const char *s, size_t n) {
    if (*len + n + 1 > cap) return false;
    memcpy(out + *len, s, n);
    *len += n;
    out[*len] = '\0';
    return true;
}

static bool ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

/* The words of s[0..n): punctuation escaped, spaces as \s+. */
static bool put_words(char *out, size_t cap, size_t *len, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            while (i + 1 < n && s[i + 1] == ' ') i++;
            if (!put(out, cap, len, "\\s+", 3)) return false;
        } else if (ascii_punct(s[i])) {
            char esc[2] = {'\\', s[i]};
            if (!put(out, cap, len, esc, 2)) return false;
        } else if (!put(out, cap, len, s + i, 1)) {
            return false;
        }
    }
    return true;
}

int vb_assign_entry_pattern(vb_assign_list list, const char *entry, char *out, size_t cap, size_t *len) {
    size_t n = strlen(entry);
    if (list == VB_LIST_SECTIONS) { /* skip the weight */
        const char *tab = strchr(entry, '\t');
        if (tab) {
            n -= (size_t)(tab + 1 - entry);
            entry = tab + 1;
        }
    }
    bool capital_next = list == VB_LIST_UNIT_HEADS && n > 2 && strcmp(entry + n - 2, " +") == 0;
    if (capital_next) n -= 2;
    if (list == VB_LIST_UNIT_HEADS && n > 4 && memcmp(entry, "Các ", 4) == 0) {
        if (!put(out, cap, len, "[Cc]", 4)) return 0;
        entry += 1; /* "C" replaced by the class; "ác" is two bytes in UTF-8 */
        n -= 1;
    }
    if (!put_words(out, cap, len, entry, n)) return 0;
    const char *tail = capital_next ? "(?=\\s+\\p{Lu})" : "(?![\\p{L}\\p{N}])";
    return put(out, cap, len, tail, strlen(tail));
}

static int longer_first(const void *a, const void *b) {
    size_t la = strlen(*(const char *const *)a), lb = strlen(*(const char *const *)b);
    return la < lb ? 1 : la > lb ? -1 : 0;
}

char *vb_assign_alternation(vb_assign_list list) {
    size_t n;
    const char *const *e = vb_assign_list_entries(list, &n);
    const char **sorted = malloc((n ? n : 1) * sizeof *sorted);
    if (!sorted) return NULL;
    memcpy(sorted, e, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, longer_first);
    size_t cap = 16;
    for (size_t i = 0; i < n; i++) cap += strlen(sorted[i]) * 4 + 32;
    char *out = malloc(cap);
    size_t len = 0;
    bool ok = out && put(out, cap, &len, "(?:", 3);
    for (size_t i = 0; ok && i < n; i++)
        ok = (i == 0 || put(out, cap, &len, "|", 1)) &&
             vb_assign_entry_pattern(list, sorted[i], out, cap, &len);
    ok = ok && put(out, cap, &len, ")", 1);
    free(sorted);
    if (!ok) {
        free(out);
        return NULL;
    }
    return out;
}
