/* assign_data.h — the word lists of the assignments extractor, kept as data
 * in extractors/data/assign-*.txt and embedded at build time, turned into
 * PCRE2 alternations.
 *
 * Each list is one entry a line (comments and blanks dropped by the build).
 * An entry is plain words: ASCII punctuation is escaped and each run of
 * spaces matches any white space, so a name broken across two lines by the
 * source ("Sở\nTài chính") still matches. */
#ifndef VB_ASSIGN_DATA_H
#define VB_ASSIGN_DATA_H
#include <stddef.h>

typedef enum {
    VB_LIST_UNIT_HEADS, /* words opening a unit's name */
    VB_LIST_TASK_VERBS, /* lowercase words opening a unit's task */
    VB_LIST_UNIT_NAMES, /* full names of common bodies */
    VB_LIST_SECTIONS    /* "weight<TAB>title words" of responsibility sections */
} vb_assign_list;

/* The entries of a list and their count. */
const char *const *vb_assign_list_entries(vb_assign_list list, size_t *n);

/* A heap string "(?:e1|e2|…)" of the entries, longest first, each turned
 * into a pattern by vb_assign_entry_pattern; NULL on no memory. */
char *vb_assign_alternation(vb_assign_list list);

/* Append the pattern of one entry of `list` to out[0..cap) at *len; false
 * when it does not fit.  Heads ending in " +" need a capitalised word after
 * them; heads beginning "Các " match "các" too; every entry but a head
 * followed by " +" ends at a word boundary. */
int vb_assign_entry_pattern(vb_assign_list list, const char *entry, char *out, size_t cap, size_t *len);

#endif
