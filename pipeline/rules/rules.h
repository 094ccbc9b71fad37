/* rules.h — a table of PCRE2 patterns compiled once with UTF|UCP and JIT.
 *
 * A rule table is an array of vb_rule_row: a name (for errors and tests),
 * the pattern, and an integer `tag` the module interprets (a doc type, a
 * date form, a relation…).  Adding a form = adding a row.  Patterns see the
 * normalised NFC text, matched caseless unless the row says otherwise. */
#ifndef VB_RULES_H
#define VB_RULES_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/buf.h"
#include "../core/status.h"

typedef struct {
    const char *name;
    const char *pattern;
    int tag;
    const char *value; /* optional string payload (canonical name, code…) */
    unsigned flags;    /* VB_RULE_CASED to match case-sensitively */
} vb_rule_row;

enum { VB_RULE_CASED = 1u << 0 };

enum { VB_RULE_FIRST_MAX = 10 }; /* start bytes a cursor looks for with memchr */

typedef struct {
    const vb_rule_row *row;
    pcre2_code *code;
    pcre2_code *at_code;                    /* vb_ruleset_prepare_at: the row with USE_OFFSET_LIMIT */
    unsigned char first[VB_RULE_FIRST_MAX]; /* the bytes a match can start with */
    unsigned char n_first;
    uint64_t not_after[2]; /* ASCII bytes no match starts right after (bit c) */
} vb_rule;

typedef struct {
    vb_rule *rules;
    size_t len;
    pcre2_match_data *md;        /* sized for the largest rule; per ruleset (one thread) */
    struct vb_rule_scan *scan;   /* vb_ruleset_scan's shared passes; NULL = row by row */
    pcre2_match_context *at_ctx; /* the offset limit of cursors */
} vb_ruleset;

/* Compile rows[0..n).  On failure returns VB_E_REGEX and writes the row
 * name, offset and PCRE2 message into err. */
vb_status vb_ruleset_compile(vb_ruleset *rs, const vb_rule_row *rows, size_t n, char *err, size_t errlen);
/* The same with extra[i] OR-ed into row i's compile options (extra may be
 * NULL): only options that change no match, such as PCRE2_USE_OFFSET_LIMIT
 * or PCRE2_NO_START_OPTIMIZE. */
vb_status vb_ruleset_compile_opts(vb_ruleset *rs, const vb_rule_row *rows, size_t n, const uint32_t *extra,
                                  char *err, size_t errlen);
void vb_ruleset_free(vb_ruleset *rs);

/* A rule table with an example line for each row, which the row must
 * match (searched from the start, as vb_rule_match): the examples show a
 * reader what a row is for, and tests/unit/test_rule_examples.c checks
 * every one. */
typedef struct vb_rule_table {
    const char *name;
    const vb_rule_row *rows;
    const char *const *examples;
    size_t n;
} vb_rule_table;
#define VB_RULE_TABLE(name, rows, examples) \
    { (name), (rows), (examples), sizeof(rows) / sizeof((rows)[0]) }

/* VB_OK when every row of t matches its example; else VB_E_REGEX (or the
 * compile's error) with the row and its example named in err. */
vb_status vb_rule_table_check(const vb_rule_table *t, char *err, size_t errlen);

/* A module's tables: each rows[0..n) to compile into *rs. */
typedef struct {
    vb_ruleset *rs;
    const vb_rule_row *rows;
    size_t n;
} vb_ruleset_spec;
#define VB_RULESET_SPEC(rs, rows) \
    { (rs), (rows), sizeof(rows) / sizeof((rows)[0]) }

/* Compile every spec in order, stopping at the first failure (its message
 * in err).  The caller frees all the rulesets either way: vb_ruleset_free
 * of one never compiled (zeroed) does nothing. */
vb_status vb_rulesets_compile(const vb_ruleset_spec *specs, size_t n, char *err, size_t errlen);

/* Compile one pattern (UTF|UCP|CASELESS unless cased, JIT). NULL on error. */
pcre2_code *vb_rule_compile_one(const char *pattern, unsigned flags, char *err, size_t errlen);
/* The same with `extra` options OR-ed in (as vb_ruleset_compile_opts), and
 * JIT-compiled only when jit is true: a pattern compiled to be inspected
 * (pcre2_pattern_info), not run, needs none. */
pcre2_code *vb_rule_compile_opts(const char *pattern, unsigned flags, uint32_t extra, bool jit, char *err,
                                 size_t errlen);

/* Match rule i at or after `start` in subject[0..len).  Returns true and fills
 * ovector view (pairs of byte offsets) on a match. */
bool vb_rule_match(const vb_ruleset *rs, size_t i, const char *subject, size_t len, size_t start,
                   const size_t **ovector, int *npairs);

/* Match rule i starting exactly at `start`; same results as vb_rule_match
 * otherwise, groups included.  A row prepared with vb_ruleset_prepare_at
 * makes one offset-limited attempt at `start`; any other row is searched
 * from `start` (not PCRE2_ANCHORED, which JIT code does not take), so a
 * miss costs a search of the rest of the text. */
bool vb_rule_match_at(const vb_ruleset *rs, size_t i, const char *subject, size_t len, size_t start,
                      const size_t **ovector, int *npairs);

/* Where the next search starts after a match at [s,e): its end, or one
 * character on after an empty match (never inside a UTF-8 sequence). */
size_t vb_rule_next_start(const char *subject, size_t len, size_t s, size_t e);

/* ---- every match of every row, in few passes ----
 *
 * vb_ruleset_scan gives, for each row i, exactly the matches of the loop
 *
 *     pos = 0;
 *     while (pos <= len && vb_rule_match(rs, i, subject, len, pos, &ov, NULL)) {
 *         hit(i, ov[0], ov[1]);
 *         pos = ov[1] > ov[0] ? ov[1] : ov[0] + one character;
 *     }
 *
 * ordered by start, then row, without scanning the text once per row.
 * Groups are not kept: vb_rule_match_at(rs, hit.row, subject, len,
 * hit.start, …) finds the same match again, with its groups.
 *
 * The rows of a part share one pass: one pattern holding each row as an
 * alternative, (?=guard)(?:(?>row1)(?C1)|(?>row2)(?C2)|…), whose callouts
 * record a hit and fail, so that PCRE2 tries every row at every start in
 * one call.  The guard lets the pass skip, with one test, the starts where
 * none of the part's rows can match; it must hold at the start of every
 * match of every row of the part (e.g. the left-edge lookbehind all of them
 * begin with, and their first words).  Rows in no part, rows whose meaning
 * could change inside a larger pattern (\G, \K, numbered references or
 * names another row also uses, conditions, recursion, (* verbs, callouts,
 * \Q), and every row of a pass that PCRE2 stops with an error (match limit,
 * JIT stack) are scanned row by row: the result is the same.
 *
 * A part's edge, when set, is one lookaround with no group inside, e.g.
 * (?<![\p{L}0-9]), that holds like the guard at the start of every match of
 * the part's rows: the pass tests it once per start, before the guard, and
 * the caseless rows that begin with exactly its text are put in the pass
 * without it (it is known to hold there).  Inside the pass, rows are tried
 * only at a character their matches can start with (PCRE2's own start
 * analysis of the row: its first code unit or start bitmap), rows with the
 * same first bytes behind one test. */
/* A hit is 16 bytes, not 24: fact-dense text gives one every 30 bytes and
 * the scan holds them all, with a sort buffer as large.  A match longer
 * than 4 GiB or a row past 2^32 is refused as a memory bound (VB_E_NOMEM). */
typedef struct {
    size_t start;
    uint32_t len; /* bytes: the match is [start, start + len) */
    uint32_t row;
} vb_rule_hit;

static inline size_t vb_rule_hit_end(const vb_rule_hit *h) { return h->start + h->len; }

typedef struct {
    vb_rule_hit *items;
    size_t len, cap;
} vb_rule_hits;

typedef struct {
    uint64_t rows;     /* bit i: row i (rows 0..63) */
    const char *guard; /* holds where any match of these rows starts; NULL = none */
    const char *edge;  /* the same, one lookaround assertion rows begin with; NULL = none */
} vb_scan_part;

/* Build the shared passes of rs, one per part; parts must not share rows.
 * VB_OK also when some rows cannot share a pass (they are scanned alone);
 * VB_E_INTERNAL for a row out of range or in two parts, or an edge that is
 * not one lookaround without groups; VB_E_NOMEM. */
vb_status vb_ruleset_prepare_scan(vb_ruleset *rs, const vb_scan_part *parts, size_t n);

/* How many rows vb_ruleset_scan finds in shared passes (for tests). */
size_t vb_ruleset_scan_shared(const vb_ruleset *rs);

/* Replace out's contents with the hits of every row in subject[0..len). */
vb_status vb_ruleset_scan(const vb_ruleset *rs, const char *subject, size_t len, vb_rule_hits *out);

/* Reference implementation: the loop above, row by row (for tests). */
vb_status vb_ruleset_scan_rows(const vb_ruleset *rs, const char *subject, size_t len, vb_rule_hits *out);

void vb_rule_hits_free(vb_rule_hits *h);

/* ---- the next match of one row, for a search whose start only grows ----
 *
 * vb_rule_cursor_next(c, pos, &ov) returns what vb_rule_match(rs, i,
 * subject, len, pos, &ov, NULL) returns (match data, groups included), as
 * long as pos never decreases from call to call on one cursor.  A row that
 * vb_ruleset_prepare_cursor accepted is not run over the text: the few
 * ASCII bytes its matches can start with (PCRE2's own start bitmap) are
 * found with memchr, and the row is tried at each of them alone (an offset
 * limit).  Other rows are matched as usual. */
typedef struct {
    const vb_ruleset *rs;
    size_t row;
    const char *subject;
    size_t len;
    size_t next[VB_RULE_FIRST_MAX]; /* first occurrence of each start byte at or after `from` */
    size_t from;
    bool known;
} vb_rule_cursor;

/* Let row i use the memchr path when it can (VB_OK also when it cannot);
 * VB_E_NOMEM, VB_E_REGEX when the second compile fails. */
vb_status vb_ruleset_prepare_cursor(vb_ruleset *rs, size_t i);

/* Give row i a second compile with PCRE2_USE_OFFSET_LIMIT, so that
 * vb_rule_match_at and vb_rule_try_at try one start instead of searching
 * the rest of the subject (for rows asked only "does it match here?").
 * VB_E_NOMEM, VB_E_REGEX when the compile fails. */
vb_status vb_ruleset_prepare_at(vb_ruleset *rs, size_t i);

/* The same, for a row that begins with a lookbehind refusing each ASCII
 * byte of not_after, e.g. (?<![\p{L}0-9/.-]) and "0123456789/.-" plus the
 * ASCII letters: the memchr path then skips, without calling PCRE2, the
 * start bytes found right after one of them.  An ASCII byte is a character
 * of its own in any UTF-8, so that lookbehind fails there: no match starts
 * at such a byte.  The caller keeps not_after within the row's lookbehind;
 * bytes of 0x80 and above are refused (VB_E_INTERNAL). */
vb_status vb_ruleset_prepare_cursor_edge(vb_ruleset *rs, size_t i, const char *not_after);

/* Drop what the prepare_* calls built (shared passes, cursors, one-start
 * compiles): every later scan, cursor and match_at of rs then searches
 * row by row from its start, which is what the fast paths must equal
 * (VANBAN_PLAIN_SCANS, for checking them on whole corpora). */
void vb_ruleset_plain(vb_ruleset *rs);

/* Whether row i takes the memchr path (for tests). */
bool vb_rule_cursor_fast(const vb_ruleset *rs, size_t i);

/* One attempt of row i, prepared by vb_ruleset_prepare_cursor or
 * vb_ruleset_prepare_at, at exactly
 * start p of s[0..len): 1 and *ovector on a match that starts at p, 0 when
 * none does, a negative PCRE2 code on an error (a limit), after which the
 * caller asks vb_rule_match from p.  The row must be prepared (it is
 * checked: an unprepared row gives PCRE2_ERROR_NULL). */
int vb_rule_try_at(const vb_ruleset *rs, size_t i, const char *s, size_t len, size_t p,
                   const size_t **ovector);

void vb_rule_cursor_init(vb_rule_cursor *c, const vb_ruleset *rs, size_t i, const char *subject, size_t len);
bool vb_rule_cursor_next(vb_rule_cursor *c, size_t pos, const size_t **ovector);

/* Append "(?:w0|w1|…)" to out: the words of a data file as one group of
 * alternatives, in their order, each taken literally (PCRE2's special
 * characters are escaped), so a word list stays data and the pattern around
 * it stays a rule.  VB_E_NOMEM when out ran out of memory. */
vb_status vb_rule_alternation(vb_buf *out, const char *const *words, size_t n);

/* Byte range of named group `name` in the last match of rule i, or false. */
bool vb_rule_group(const vb_ruleset *rs, size_t i, const char *name, size_t *s, size_t *e);

#endif
