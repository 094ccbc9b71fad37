/* dates.c — every date mention of a document, as a vb_date fact.
 *
 * Three tables drive it:
 *   date_rows      the forms a date is written in, most specific first: an
 *                  earlier row owns its bytes, so "ngày 07 tháng 3 năm 2016"
 *                  never also yields "năm 2016" or "tháng 3 năm 2016";
 *   deadline_cues  words that make the date right after them a deadline,
 *                  each matched against the text just before the date (\z);
 *   place_line     the "<Place>, " that opens the document's own date line.
 * Adding a written form or a cue is adding a row.
 *
 * A recurring date (role `recurring`, no single value) carries its cycle
 * twice: `recurrence` in words ("quarterly", "every 6 months") and `rule`
 * as an RFC 5545 RRULE value, which calendars and queries can expand:
 * "ngày 10 của tháng cuối quý" → FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=10. */
#include "dates.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../pipeline/core/intern.h"
#include "../pipeline/rules/rules.h"

typedef enum {
    F_FULL,       /* groups d, m, y */
    F_DAY_MONTH,  /* groups d, m: only after a deadline cue */
    F_MONTH_YEAR, /* groups m, y */
    F_YEAR,       /* group y */
    F_PERIOD,     /* groups y1, y2 */
    F_RECUR,      /* row value = recurrence; optional group n = months */
    F_RECUR_DAY,  /* a day that recurs: group d, optional m; row value "recurrence|RRULE prefix" */
    F_BLANK,      /* placeholder: group y, optional m */
    F_QUARTER     /* groups q (I-IV or 1-4), y: "2024-04/2024-06" */
} date_form;

/* Letters or digits may not touch a date on the left: "ngày" inside another
 * word, "11/2005" inside "01/2005/NQLT". */
#define L_EDGE "(?<![\\p{L}0-9])"
#define N_EDGE "(?<![\\p{L}0-9/.-])"
#define R_EDGE "(?![0-9/]|[.-][0-9])"
#define BLANK "[\\s._…]"
/* a full year, or one split after its century by a wrap or OCR ("20 21") */
#define YEAR "(?:[0-9]{4}|(?:19|20) [0-9]{2})"
/* word lists (data/date-*.txt): the nouns before a span of years, and
 * "every" before a recurring day, a quarter or a period */
#include "date-every-day-words.alt.inc"
#include "date-every-quarter-words.alt.inc"
#include "date-period-nouns.alt.inc"
#include "date-recur-words.alt.inc"

static const vb_rule_row date_rows[] = {
    /* placeholders of an unsigned draft: "ngày    tháng    năm 2024" */
    {"blank_day_month", L_EDGE "ngày" BLANK "*tháng" BLANK "*năm\\s*(?<y>[0-9]{4})(?![0-9])", F_BLANK, NULL,
     0},
    {"blank_day",
     L_EDGE "ngày" BLANK "+tháng\\s+(?<m>[0-9]{1,2})\\s*,?\\s*(?:năm\\s+|/\\s*)(?<y>[0-9]{4})(?![0-9])",
     F_BLANK, NULL, 0},
    {"blank_numeric", L_EDGE "ngày\\s*[._…]+\\s*/\\s*[._…]+\\s*/\\s*(?<y>[0-9]{4})(?![0-9])", F_BLANK, NULL,
     0},
    /* full dates */
    {"day_month_year_words",
     L_EDGE "ngày\\s+(?<d>[0-9]{1,2})\\s+tháng\\s+(?<m>[0-9]{1,2})\\s*,?\\s*(?:năm\\s+|/\\s*)(?<y>" YEAR
            ")(?![0-9])",
     F_FULL, NULL, 0},
    /* "ngày22/4/2022": OCR may glue the day to "ngày" */
    {"day_month_year_numeric",
     N_EDGE "(?:ngày\\s*)?(?<d>[0-9]{1,2})(?<sep>[/.-])(?<m>[0-9]{1,2})\\k<sep>(?<y>" YEAR ")" R_EDGE, F_FULL,
     NULL, 0},
    /* "22 / 4/2022": a slash between spaces, one on either side at most */
    {"day_month_year_spaced",
     N_EDGE "(?:ngày\\s*)?(?<d>[0-9]{1,2})[ \\t]?/[ \\t]?(?<m>[0-9]{1,2})[ \\t]?/[ \\t]?(?<y>" YEAR
            ")" R_EDGE,
     F_FULL, NULL, 0},
    /* periods before years, so "2016-2020" is one period, not two years */
    {"period_named",
     L_EDGE VB_ALT_DATE_PERIOD_NOUNS "\\s+(?:từ\\s+)?(?:năm\\s+)?"
                                     "(?<y1>[0-9]{4})\\s*(?:-|đến|tới)\\s*(?:năm\\s+)?(?<y2>[0-9]{4})" R_EDGE,
     F_PERIOD, NULL, 0},
    {"period_from_to",
     L_EDGE "từ\\s+năm\\s+(?<y1>[0-9]{4})\\s+(?:đến|tới)\\s+(?:hết\\s+)?năm\\s+(?<y2>[0-9]{4})" R_EDGE,
     F_PERIOD, NULL, 0},
    {"period_bare", N_EDGE "(?<y1>(?:19|20)[0-9]{2})\\s*-\\s*(?<y2>(?:19|20)[0-9]{2})" R_EDGE, F_PERIOD, NULL,
     0},
    /* a day that comes back: "ngày 15/12 hằng năm", "ngày 10 của tháng cuối
     * quý", "ngày 20 hằng tháng" (reporting deadlines, as a rule) */
    {"day_month_yearly",
     N_EDGE
     "(?:ngày\\s+)?(?<d>[0-9]{1,2})(?:\\s*/\\s*|\\s+tháng\\s+)(?<m>[0-9]{1,2})\\s+(?:của\\s+)?" VB_ALT_DATE_EVERY_DAY_WORDS
     "\\s+năm"
     "(?!\\p{L}|\\s+[0-9])",
     F_RECUR_DAY, "yearly|FREQ=YEARLY", 0},
    {"quarter_last_month",
     L_EDGE "ngày\\s+(?<d>[0-9]{1,2})\\s+(?:của\\s+)?tháng\\s+cuối(?:\\s+cùng)?\\s+(?:của\\s+)?"
            "(?:" VB_ALT_DATE_EVERY_QUARTER_WORDS "\\s+)?quý(?!\\p{L})",
     F_RECUR_DAY, "quarterly|FREQ=YEARLY;BYMONTH=3,6,9,12", 0},
    {"quarter_first_month",
     L_EDGE "ngày\\s+(?<d>[0-9]{1,2})\\s+(?:của\\s+)?tháng\\s+đầu(?:\\s+tiên)?\\s+(?:của\\s+)?"
            "(?:" VB_ALT_DATE_EVERY_QUARTER_WORDS "\\s+)?quý(?:\\s+(?:sau|tiếp theo|kế tiếp))?(?!\\p{L})",
     F_RECUR_DAY, "quarterly|FREQ=YEARLY;BYMONTH=1,4,7,10", 0},
    {"day_monthly",
     L_EDGE "ngày\\s+(?<d>[0-9]{1,2})\\s+(?:của\\s+)?" VB_ALT_DATE_EVERY_DAY_WORDS
            "\\s+tháng(?!\\p{L}|\\s+[0-9])",
     F_RECUR_DAY, "monthly|FREQ=MONTHLY", 0},
    /* a day and month with no year: kept only as a deadline */
    {"day_month_words", L_EDGE "ngày\\s+(?<d>[0-9]{1,2})\\s+tháng\\s+(?<m>[0-9]{1,2})(?![0-9/])", F_DAY_MONTH,
     NULL, 0},
    {"day_month_numeric", N_EDGE "(?:ngày\\s+)?(?<d>[0-9]{1,2})/(?<m>[0-9]{1,2})(?![0-9/])", F_DAY_MONTH,
     NULL, 0},
    /* a quarter: "quý II/2024", "quý 3 năm 2025" */
    {"quarter", L_EDGE "quý\\s+(?<q>IV|I{1,3}|[1-4])\\s*(?:[/-]\\s*|,?\\s*năm\\s+)(?<y>[0-9]{4})" R_EDGE,
     F_QUARTER, NULL, 0},
    /* month and year */
    {"month_year", L_EDGE "tháng\\s+(?<m>[0-9]{1,2})\\s*,?\\s*(?:năm\\s+|[/-]\\s*)(?<y>[0-9]{4})" R_EDGE,
     F_MONTH_YEAR, NULL, 0},
    /* a year on its own */
    {"year", L_EDGE "năm\\s+(?<y>(?:1[89]|2[01])[0-9]{2})" R_EDGE, F_YEAR, NULL, 0},
    /* recurrences; "cửa hàng", "nhà hàng", "mặt hàng" are not "hàng" = every */
    {"every_n_months",
     L_EDGE "(?:định kỳ\\s+(?:mỗi\\s+)?(?<n>[0-9]{1,2})\\s+tháng(?:\\s*(?:một|1)\\s+lần)?"
            "|(?<n2>[0-9]{1,2})\\s+tháng\\s+(?:một|1)\\s+lần)(?!\\p{L})",
     F_RECUR, "months", 0},
    {"every_six_months", L_EDGE "(?:định kỳ\\s+)?(?:sáu|06)\\s+tháng\\s+(?:một|1)\\s+lần(?!\\p{L})", F_RECUR,
     "every 6 months", 0},
    {"quarterly",
     L_EDGE "(?<!cửa\\s)(?<!nhà\\s)(?<!mặt\\s)(?:định kỳ\\s+)?(?:" VB_ALT_DATE_RECUR_WORDS
            "|mỗi)\\s+quý(?!\\p{L})",
     F_RECUR, "quarterly", 0},
    {"monthly",
     L_EDGE "(?<!cửa\\s)(?<!nhà\\s)(?<!mặt\\s)(?:định kỳ\\s+)?" VB_ALT_DATE_RECUR_WORDS
            "\\s+tháng(?!\\p{L}|\\s+[0-9])",
     F_RECUR, "monthly", 0},
    {"weekly",
     L_EDGE "(?<!cửa\\s)(?<!nhà\\s)(?<!mặt\\s)(?:định kỳ\\s+)?" VB_ALT_DATE_RECUR_WORDS "\\s+tuần(?!\\p{L})",
     F_RECUR, "weekly", 0},
    {"yearly",
     L_EDGE "(?<!cửa\\s)(?<!nhà\\s)(?<!mặt\\s)(?:định kỳ\\s+)?" VB_ALT_DATE_RECUR_WORDS
            "\\s+năm(?!\\p{L}|\\s+[0-9])",
     F_RECUR, "yearly", 0},
    {"daily",
     L_EDGE "(?<!cửa\\s)(?<!nhà\\s)(?<!mặt\\s)(?:định kỳ\\s+)?" VB_ALT_DATE_RECUR_WORDS
            "\\s+ngày(?!\\p{L}|\\s+[0-9])",
     F_RECUR, "daily", 0},
};
static const char *const date_rows_examples[] = {
    "ngày ... tháng ... năm 2024", /* blank_day_month */
    "ngày    tháng 5 năm 2024",    /* blank_day */
    "ngày .../.../2024",           /* blank_numeric */
    "ngày 12 tháng 3 năm 2021",    /* day_month_year_words */
    "ngày 22/4/2022",              /* day_month_year_numeric */
    "22 / 4/2022",                 /* day_month_year_spaced */
    "giai đoạn 2021-2025",         /* period_named */
    "từ năm 2020 đến năm 2025",    /* period_from_to */
    "2016 - 2020",                 /* period_bare */
    "ngày 15/12 hằng năm",         /* day_month_yearly */
    "ngày 10 của tháng cuối quý",  /* quarter_last_month */
    "ngày 5 tháng đầu quý sau",    /* quarter_first_month */
    "ngày 20 hằng tháng",          /* day_monthly */
    "ngày 30 tháng 6",             /* day_month_words */
    "trước 15/7",                  /* day_month_numeric */
    "quý II/2024",                 /* quarter */
    "tháng 5/2023",                /* month_year */
    "năm 2025",                    /* year */
    "định kỳ 3 tháng một lần",     /* every_n_months */
    "sáu tháng một lần",           /* every_six_months */
    "báo cáo hằng quý",            /* quarterly */
    "hằng tháng",                  /* monthly */
    "hàng tuần",                   /* weekly */
    "họp hằng năm",                /* yearly */
    "trực hằng ngày",              /* daily */
};
_Static_assert(sizeof date_rows_examples / sizeof *date_rows_examples == sizeof date_rows / sizeof *date_rows,
               "an example for each row");

/* How collect() finds the rows' matches: vb_ruleset_scan, all rows in one
 * pass (rules.h).  The edge and the guard must hold wherever a match of any
 * row starts, and do: every row begins with L_EDGE (the edge; the pass tests
 * it once and leaves it out of the rows that begin with it) or N_EDGE (which
 * implies L_EDGE), then with a digit or one of these words, matched caseless
 * like the rows: ngày, năm (học), niên, nhiệm, tháng, thời, từ, giai, quý,
 * định (kỳ), hàng, hằng, mỗi, sáu, and the data lists rows begin with
 * (period nouns, recurrence words: a word added to them is in the guard
 * too).  A date form starting with another word must add it here. */
static const vb_scan_part date_scan[] = {
    {(UINT64_C(1) << (sizeof date_rows / sizeof date_rows[0])) - 1,
     "(?:[0-9]|n(?:gày|ăm|iên|hiệm)|t(?:h(?:áng|ời)|ừ)|giai|quý|định|h(?:àng|ằng)|mỗi|sáu|" VB_ALT_DATE_PERIOD_NOUNS
     "|" VB_ALT_DATE_RECUR_WORDS ")",
     L_EDGE},
};

/* Matched on the text before a date: the cue must end right where the date
 * starts (only spaces or a colon between).  The deadline nouns are data. */
#include "date-deadline-words.alt.inc"
static const vb_rule_row deadline_cues[] = {
    {"truoc", L_EDGE "(?:trước|trước hoặc (?:vào|trong))\\s*:?\\s*\\z", 0, NULL, 0},
    {"cham_nhat", L_EDGE "(?:chậm|muộn) nhất(?:\\s+(?:là|vào|đến))*\\s*:?\\s*\\z", 0, NULL, 0},
    {"han_chot", L_EDGE VB_ALT_DATE_DEADLINE_WORDS "(?:\\s+(?:là|vào|đến))*\\s*:?\\s*\\z", 0, NULL, 0},
    {"khong_muon_hon", L_EDGE "không (?:muộn|chậm) hơn\\s*\\z", 0, NULL, 0},
};
static const char *const deadline_cues_examples[] = {
    "gửi về Sở trước ",
    "chậm nhất là ",
    "thời hạn: ",
    "không muộn hơn ",
};
_Static_assert(sizeof deadline_cues_examples / sizeof *deadline_cues_examples ==
                   sizeof deadline_cues / sizeof *deadline_cues,
               "an example for each row");

/* The text between the start of a line and the document's own date:
 * "Tây Ninh, ", "Quận 1, ", "TP. Hồ Chí Minh, ". */
static const vb_rule_row place_line[] = {
    {"place", "\\A[\\s*_]*\\p{Lu}[\\p{L}\\p{N}.' -]{0,48},\\s*\\z", 0, NULL, VB_RULE_CASED},
};
static const char *const place_line_examples[] = {
    "Hà Giang, ",
};
_Static_assert(sizeof place_line_examples / sizeof *place_line_examples ==
                   sizeof place_line / sizeof *place_line,
               "an example for each row");

struct vb_dates_rules {
    vb_ruleset dates, cues, place;
    vb_rule_hits hits; /* every date row's matches, reused from document to document */
    uint32_t *by_row;  /* hits regrouped row by row (indices: half a size_t) */
    size_t by_row_cap;
};

#define N_ROWS(t) (sizeof(t) / sizeof((t)[0]))

vb_status vb_dates_open(vb_dates_rules **out, char *err, size_t errlen) {
    *out = NULL;
    vb_dates_rules *x = calloc(1, sizeof *x);
    if (!x) return VB_E_NOMEM;
    const vb_ruleset_spec tables[] = {VB_RULESET_SPEC(&x->dates, date_rows),
                                      VB_RULESET_SPEC(&x->cues, deadline_cues),
                                      VB_RULESET_SPEC(&x->place, place_line)};
    vb_status s;
    if ((s = vb_rulesets_compile(tables, N_ROWS(tables), err, errlen)) != VB_OK ||
        (s = vb_ruleset_prepare_scan(&x->dates, date_scan, N_ROWS(date_scan))) != VB_OK) {
        vb_dates_close(x);
        return s;
    }
    *out = x;
    return VB_OK;
}

void vb_dates_close(vb_dates_rules *x) {
    if (!x) return;
    vb_ruleset_free(&x->dates);
    vb_ruleset_free(&x->cues);
    vb_ruleset_free(&x->place);
    vb_rule_hits_free(&x->hits);
    free(x->by_row);
    free(x);
}

void vb_dates_plain_scans(vb_dates_rules *x) { vb_ruleset_plain(&x->dates); }

vb_status vb_dates_scan_check(vb_dates_rules *x, const char *text, size_t len, bool *same, size_t *found) {
    vb_rule_hits rows = {0};
    vb_status s = vb_ruleset_scan(&x->dates, text, len, &x->hits);
    if (s == VB_OK) s = vb_ruleset_scan_rows(&x->dates, text, len, &rows);
    *same = s == VB_OK && rows.len == x->hits.len &&
            (rows.len == 0 || memcmp(rows.items, x->hits.items, rows.len * sizeof *rows.items) == 0);
    if (found) *found = rows.len;
    vb_rule_hits_free(&rows);
    return s;
}

/* ---- one candidate per accepted match, resolved into facts at the end ---- */

typedef struct {
    vb_span span;
    date_form form;
    vb_date_role role;
    char value[24]; /* "" = JSON null */
    int month, day; /* F_DAY_MONTH: the year comes later */
    char recur[24];
    char rule[64]; /* RRULE value, "" when not recurring */
} cand;

/* What collect keeps of an accepted match until the facts are made: a cand
 * less its strings (value, recurrence, rule: 112 bytes), which the final
 * pass gets again by matching the row at the same start (make_again).
 * A fact-dense text has a date every 80 bytes. */
typedef struct {
    vb_span span;
    uint16_t row;       /* date_rows has far fewer */
    unsigned char form; /* date_form */
    unsigned char role; /* vb_date_role */
} date_hit;
_Static_assert(N_ROWS(date_rows) <= UINT16_MAX, "date_hit.row holds a row of date_rows");

typedef struct {
    date_hit *items;
    size_t len, cap;
} candv;

static int cand_push(candv *v, const date_hit *c) {
    if (v->len == v->cap) {
        size_t n = v->cap ? v->cap * 2 : 32;
        date_hit *p = realloc(v->items, n * sizeof *p);
        if (!p) return -1;
        v->items = p;
        v->cap = n;
    }
    v->items[v->len++] = *c;
    return 0;
}

static int group_int(const vb_ruleset *rs, size_t i, const char *text, const char *name, int *out) {
    size_t s, e;
    if (!vb_rule_group(rs, i, name, &s, &e) || e == s || e - s > 5) return 0;
    int v = 0, n = 0;
    for (size_t k = s; k < e; k++) /* "20 21" is one year */
        if (text[k] != ' ') v = v * 10 + (text[k] - '0'), n++;
    if (n > 4) return 0;
    *out = v;
    return 1;
}

/* The bytes already taken, one bit each: a byte each would be as large as
 * the text, and on fact-dense text every page of it is written. */
static bool any_covered(const unsigned char *mask, size_t s, size_t e) {
    for (size_t k = s; k < e; k++)
        if (mask[k >> 3] & (1u << (k & 7))) return true;
    return false;
}

static void cover(unsigned char *mask, size_t s, size_t e) {
    for (size_t k = s; k < e; k++) mask[k >> 3] |= (unsigned char)(1u << (k & 7));
}

static bool deadline_cue_before(const vb_dates_rules *x, const char *t, size_t s) {
    size_t from = s > 48 ? s - 48 : 0;
    while (from < s && ((unsigned char)t[from] & 0xC0) == 0x80) from++;
    for (size_t i = 0; i < x->cues.len; i++)
        if (vb_rule_match(&x->cues, i, t, s, from, NULL, NULL)) return true;
    return false;
}

/* "<Place>, " before the date on its line, and nothing but punctuation after. */
static bool on_place_line(const vb_dates_rules *x, const char *t, size_t len, vb_span sp) {
    size_t ls = sp.start;
    while (ls > 0 && t[ls - 1] != '\n') ls--;
    if (sp.start - ls > 64) return false;
    for (size_t k = sp.end; k < len && t[k] != '\n'; k++)
        if (t[k] != ' ' && t[k] != '\t' && t[k] != '.' && t[k] != '*') return false;
    return vb_rule_match(&x->place, 0, t + ls, sp.start - ls, 0, NULL, NULL);
}

/* Sentences longer than this are cut for the recurrence check: a line of
 * hostile input must not make every lookup scan the whole text. */
enum { SENTENCE_MAX = 2000 };

static void sentence_bounds(const char *t, size_t len, size_t at, size_t *s, size_t *e) {
    size_t a = at, lo = at > SENTENCE_MAX ? at - SENTENCE_MAX : 0;
    while (a > lo && t[a - 1] != '\n' && !(a >= 2 && t[a - 2] == '.' && t[a - 1] == ' ')) a--;
    size_t b = at, hi = len - at > SENTENCE_MAX ? at + SENTENCE_MAX : len;
    while (b < hi && t[b] != '\n' && !(t[b] == '.' && (b + 1 == len || t[b + 1] == ' '))) b++;
    *s = a;
    *e = b;
}

/* The reference mentions of d, sorted by start, for lookups by position. */
typedef struct {
    vb_span *items;
    size_t len;
} spans;

static int span_cmp(const void *pa, const void *pb) {
    const vb_span *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

static vb_status reference_spans(const vb_doc *d, spans *out) {
    size_t n = 0;
    for (size_t i = 0; i < d->references.len; i++) n += d->references.items[i].mentions.len;
    out->len = 0;
    out->items = n ? malloc(n * sizeof *out->items) : NULL;
    if (n && !out->items) return VB_E_NOMEM;
    for (size_t i = 0; i < d->references.len; i++) {
        const vb_spanv *m = &d->references.items[i].mentions;
        for (size_t k = 0; k < m->len; k++) out->items[out->len++] = m->items[k];
    }
    if (out->len > 1) qsort(out->items, out->len, sizeof *out->items, span_cmp);
    return VB_OK;
}

/* Mentions do not nest, so only the last one starting at or before sp can hold it. */
static bool inside_reference(const spans *refs, vb_span sp) {
    size_t lo = 0, hi = refs->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (refs->items[mid].start <= sp.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && sp.end <= refs->items[lo - 1].end;
}

/* The RRULE of a bare cycle ("hằng quý", "định kỳ 6 tháng"): no day is
 * named, so only the frequency and the interval. */
static bool cycle_rule(cand *c) {
    static const struct {
        const char *recur, *rule;
    } cycles[] = {{"daily", "FREQ=DAILY"},     {"weekly", "FREQ=WEEKLY"},
                  {"monthly", "FREQ=MONTHLY"}, {"quarterly", "FREQ=MONTHLY;INTERVAL=3"},
                  {"yearly", "FREQ=YEARLY"},   {"every 6 months", "FREQ=MONTHLY;INTERVAL=6"}};
    int n;
    for (size_t k = 0; k < sizeof cycles / sizeof *cycles; k++)
        if (!strcmp(c->recur, cycles[k].recur)) {
            snprintf(c->rule, sizeof c->rule, "%s", cycles[k].rule);
            return true;
        }
    if (sscanf(c->recur, "every %d months", &n) == 1)
        snprintf(c->rule, sizeof c->rule, "FREQ=MONTHLY;INTERVAL=%d", n);
    return true;
}

/* Build the candidate for a match of row i at [s,e); false when the match
 * is not a date after all (impossible day, period backwards…). */
static bool make_cand(const vb_dates_rules *x, size_t i, const char *t, size_t s, size_t e, cand *c) {
    const vb_ruleset *rs = &x->dates;
    const vb_rule_row *row = rs->rules[i].row;
    memset(c, 0, sizeof *c);
    c->span = (vb_span){s, e};
    c->form = (date_form)row->tag;
    c->role = VB_DATE_REFERENCE;
    int y = 0, m = 0, dd = 0, y2 = 0, n = 0;
    switch (c->form) {
    case F_FULL:
        return group_int(rs, i, t, "d", &dd) && group_int(rs, i, t, "m", &m) &&
               group_int(rs, i, t, "y", &y) && vb_date_format(y, m, dd, c->value);
    case F_BLANK:
        if (!group_int(rs, i, t, "y", &y)) return false;
        if (!group_int(rs, i, t, "m", &m)) m = 0;
        return vb_date_format(y, m, 0, c->value);
    case F_MONTH_YEAR:
        return group_int(rs, i, t, "m", &m) && group_int(rs, i, t, "y", &y) &&
               vb_date_format(y, m, 0, c->value);
    case F_YEAR: return group_int(rs, i, t, "y", &y) && vb_date_format(y, 0, 0, c->value);
    case F_DAY_MONTH:
        if (!group_int(rs, i, t, "d", &dd) || !group_int(rs, i, t, "m", &m)) return false;
        /* 29/02 is a real day in some years: check against a leap year */
        if (!vb_date_valid(2000, m, dd)) return false;
        c->day = dd;
        c->month = m;
        c->role = VB_DATE_DEADLINE;
        return true;
    case F_QUARTER: {
        size_t qs, qe;
        if (!group_int(rs, i, t, "y", &y) || !vb_rule_group(rs, i, "q", &qs, &qe)) return false;
        int q = t[qs] >= '1' && t[qs] <= '4'                             ? t[qs] - '0'
                : qe - qs == 2 && (t[qs + 1] == 'V' || t[qs + 1] == 'v') ? 4
                                                                         : (int)(qe - qs);
        if (y < 1000 || y > 2999 || q < 1 || q > 4) return false;
        snprintf(c->value, sizeof c->value, "%04d-%02d/%04d-%02d", y, 3 * q - 2, y, 3 * q);
        c->role = VB_DATE_PERIOD;
        return true;
    }
    case F_PERIOD:
        if (!group_int(rs, i, t, "y1", &y) || !group_int(rs, i, t, "y2", &y2)) return false;
        if (y < 1000 || y2 <= y || y2 - y > 50) return false;
        snprintf(c->value, sizeof c->value, "%04d/%04d", y, y2);
        c->role = VB_DATE_PERIOD;
        return true;
    case F_RECUR:
        c->role = VB_DATE_RECURRING;
        if (strcmp(row->value, "months") != 0) {
            snprintf(c->recur, sizeof c->recur, "%s", row->value);
            return cycle_rule(c);
        }
        if (!group_int(rs, i, t, "n", &n) && !group_int(rs, i, t, "n2", &n)) return false;
        if (n < 1 || n > 24) return false;
        if (n == 1)
            snprintf(c->recur, sizeof c->recur, "monthly");
        else if (n == 3)
            snprintf(c->recur, sizeof c->recur, "quarterly");
        else if (n == 12)
            snprintf(c->recur, sizeof c->recur, "yearly");
        else
            snprintf(c->recur, sizeof c->recur, "every %d months", n);
        return cycle_rule(c);
    case F_RECUR_DAY: {
        const char *bar = strchr(row->value, '|');
        if (!bar || !group_int(rs, i, t, "d", &dd) || dd < 1 || dd > 31) return false;
        if (group_int(rs, i, t, "m", &m) && !vb_date_valid(2000, m, dd)) return false;
        c->role = VB_DATE_RECURRING;
        snprintf(c->recur, sizeof c->recur, "%.*s", (int)(bar - row->value), row->value);
        if (m)
            snprintf(c->rule, sizeof c->rule, "%s;BYMONTH=%d;BYMONTHDAY=%d", bar + 1, m, dd);
        else
            snprintf(c->rule, sizeof c->rule, "%s;BYMONTHDAY=%d", bar + 1, dd);
        return true;
    }
    }
    return false;
}

static int by_start(const void *pa, const void *pb) {
    const date_hit *a = pa, *b = pb;
    return a->span.start < b->span.start ? -1 : a->span.start > b->span.start;
}

/* A year-less deadline in a sentence that also says "hàng quý", "hằng
 * năm"… recurs every year: it has no single ISO value. */
static bool sentence_recurs(const candv *v, const char *t, size_t len, vb_span sp) {
    size_t s, e, lo = 0, hi = v->len;
    sentence_bounds(t, len, sp.start, &s, &e);
    while (lo < hi) { /* v is sorted by start: first candidate at or after s */
        size_t mid = lo + (hi - lo) / 2;
        if (v->items[mid].span.start < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < v->len && v->items[k].span.start < e; k++)
        if (v->items[k].form == F_RECUR && v->items[k].span.end <= e) return true;
    return false;
}

static bool warned_at(const vb_doc *d, const char *code, vb_span sp) {
    for (size_t i = 0; i < d->warnings.len; i++) {
        const vb_warning *w = &d->warnings.items[i];
        if (w->has_span && strcmp(w->code, code) == 0 && w->span.start < sp.end && sp.start < w->span.end)
            return true;
    }
    return false;
}

/* The rows' hits (vb_ruleset_scan, in text order) regrouped row by row, each
 * row's in text order: x->by_row[first[i] .. first[i + 1]) are row i's. */
static vb_status group_by_row(vb_dates_rules *x, size_t first[static N_ROWS(date_rows) + 1]) {
    const vb_rule_hits *h = &x->hits;
    if (h->len > UINT32_MAX) return VB_E_NOMEM; /* a memory bound: 64 GiB of hits */
    if (h->len > x->by_row_cap) {
        uint32_t *p = realloc(x->by_row, h->len * sizeof *p);
        if (!p) return VB_E_NOMEM;
        x->by_row = p;
        x->by_row_cap = h->len;
    }
    size_t n = x->dates.len, at[N_ROWS(date_rows)] = {0};
    for (size_t k = 0; k < h->len; k++) at[h->items[k].row]++;
    first[0] = 0;
    for (size_t i = 0; i < n; i++) {
        first[i + 1] = first[i] + at[i];
        at[i] = first[i];
    }
    for (size_t k = 0; k < h->len; k++) x->by_row[at[h->items[k].row]++] = (uint32_t)k;
    return VB_OK;
}

/* Row by row, most specific first; a row sees the bytes of every date the
 * rows before it kept.  A row's matches come from vb_ruleset_scan, which
 * gives each row exactly the matches of its own scan from the start of the
 * text (one match, then the next from its end): the list does not depend
 * on the mask, which only decides which of them become dates. */
static vb_status collect(vb_dates_rules *x, const vb_doc *d, const spans *refs, unsigned char *mask,
                         candv *v) {
    const char *t = d->text;
    size_t len = d->text_len;
    size_t first[N_ROWS(date_rows) + 1];
    vb_status st;
    if ((st = vb_ruleset_scan(&x->dates, t, len, &x->hits)) != VB_OK ||
        (st = group_by_row(x, first)) != VB_OK)
        return st;
    for (size_t i = 0; i < x->dates.len; i++) {
        for (size_t k = first[i]; k < first[i + 1]; k++) {
            const vb_rule_hit *h = &x->hits.items[x->by_row[k]];
            size_t s = h->start, e = vb_rule_hit_end(h);
            if (e == s || any_covered(mask, s, e)) continue;
            /* the same match again, for its groups */
            const size_t *ov;
            if (!vb_rule_match_at(&x->dates, i, t, len, s, &ov, NULL) || ov[1] != e) return VB_E_INTERNAL;
            cand c;
            if (!make_cand(x, i, t, s, e, &c)) {
                /* "ngày 32 tháng 1 năm 2020" is no date, and neither is its "năm 2020" */
                if (x->dates.rules[i].row->tag == F_FULL || x->dates.rules[i].row->tag == F_MONTH_YEAR)
                    cover(mask, s, e);
                continue;
            }
            bool in_ref = inside_reference(refs, c.span);
            if (c.form == F_DAY_MONTH && (in_ref || !deadline_cue_before(x, t, s))) continue;
            if (!in_ref &&
                (c.form == F_FULL || c.form == F_MONTH_YEAR || c.form == F_YEAR || c.form == F_QUARTER) &&
                deadline_cue_before(x, t, s))
                c.role = VB_DATE_DEADLINE;
            date_hit kept = {.span = c.span,
                             .row = (uint16_t)i,
                             .form = (unsigned char)c.form,
                             .role = (unsigned char)c.role};
            if (cand_push(v, &kept)) return VB_E_NOMEM;
            cover(mask, s, e);
        }
    }
    return VB_OK;
}

/* The document's own date: the header's span when the segmenter found one,
 * else the first date standing on a "<Place>, ngày …" line. */
static void mark_issued(const vb_dates_rules *x, const vb_doc *d, const spans *refs, candv *v) {
    vb_span h = d->header.date_span;
    if (h.end > h.start) {
        bool found = false;
        for (size_t k = 0; k < v->len; k++) {
            date_hit *c = &v->items[k];
            if ((c->form == F_FULL || c->form == F_BLANK) && c->span.start < h.end && h.start < c->span.end) {
                c->role = VB_DATE_ISSUED;
                found = true;
            }
        }
        if (found) return;
    }
    /* no header span, or none of our dates under it: the first place line */
    for (size_t k = 0; k < v->len; k++) {
        date_hit *c = &v->items[k];
        if ((c->form == F_FULL || c->form == F_BLANK) && !inside_reference(refs, c->span) &&
            on_place_line(x, d->text, d->text_len, c->span)) {
            c->role = VB_DATE_ISSUED;
            return;
        }
    }
}

/* The cand of an accepted match: its row matched again at its start (the
 * same match, as in collect), with the role the passes since gave it. */
static bool make_again(const vb_dates_rules *x, const vb_doc *d, const date_hit *h, cand *c) {
    const size_t *ov;
    size_t s = h->span.start, e = h->span.end;
    if (!vb_rule_match_at(&x->dates, h->row, d->text, d->text_len, s, &ov, NULL) || ov[1] != e ||
        !make_cand(x, h->row, d->text, s, e, c))
        return false;
    c->role = h->role;
    return true;
}

/* The hits are kept from document to document to save reallocating them,
 * but not a large document's: they would stay allocated beside the facts
 * of every later stage. */
enum { SCRATCH_KEEP_BYTES = 1 << 20 };
static void release_large_scratch(vb_dates_rules *x) {
    if (x->hits.cap * sizeof *x->hits.items <= SCRATCH_KEEP_BYTES) return;
    vb_rule_hits_free(&x->hits);
    free(x->by_row);
    x->by_row = NULL;
    x->by_row_cap = 0;
}

vb_status vb_dates_extract(vb_dates_rules *x, vb_doc *d, vb_arena *a) {
    if (!x || !d || !a) return VB_E_INTERNAL;
    if (!d->text || d->text_len == 0) return VB_OK;
    spans refs;
    if (reference_spans(d, &refs) != VB_OK) return VB_E_NOMEM;
    unsigned char *mask = calloc(d->text_len / 8 + 1, 1);
    candv v = {0};
    vb_status st = mask ? collect(x, d, &refs, mask, &v) : VB_E_NOMEM;
    free(mask);
    release_large_scratch(x);
    if (st != VB_OK) {
        free(refs.items);
        free(v.items);
        return st;
    }
    if (v.len > 1) qsort(v.items, v.len, sizeof *v.items, by_start);
    mark_issued(x, d, &refs, &v);
    free(refs.items);
    int year = vb_date_year_of(d->header.date);
    vb_intern strs; /* a document's dates share few values, recurrences and rules */
    vb_intern_init(&strs, a);
    for (size_t k = 0; k < v.len && st == VB_OK; k++) {
        cand whole;
        if (!make_again(x, d, &v.items[k], &whole)) {
            st = VB_E_INTERNAL;
            break;
        }
        cand *c = &whole;
        if (c->form == F_DAY_MONTH) {
            if (sentence_recurs(&v, d->text, d->text_len, c->span)) {
                /* "báo cáo năm (trước ngày 10 tháng 12)" beside "hằng quý": every year */
                c->role = VB_DATE_RECURRING;
                snprintf(c->recur, sizeof c->recur, "yearly");
                snprintf(c->rule, sizeof c->rule, "FREQ=YEARLY;BYMONTH=%d;BYMONTHDAY=%d", c->month, c->day);
            } else if (!year || !vb_date_format(year, c->month, c->day, c->value)) {
                continue; /* no year to anchor it: better nothing than a guess */
            }
        }
        /* "nợ thuế phát sinh trước ngày 01/7/2007" in a circular of 2008:
         * a day already past when the document was signed sets no deadline */
        if (c->role == VB_DATE_DEADLINE && c->form == F_FULL && d->header.date &&
            strlen(d->header.date) == 10 && strcmp(c->value, d->header.date) < 0)
            c->role = VB_DATE_REFERENCE;
        vb_date f = {0};
        f.span = c->span;
        f.role = c->role;
        f.value = c->value[0] ? (char *)vb_intern_str(&strs, c->value) : NULL;
        f.recurrence = c->recur[0] ? (char *)vb_intern_str(&strs, c->recur) : NULL;
        f.rule = c->rule[0] ? (char *)vb_intern_str(&strs, c->rule) : NULL;
        if ((c->value[0] && !f.value) || (c->recur[0] && !f.recurrence) || (c->rule[0] && !f.rule) ||
            VB_PUSH(a, d->dates, f)) {
            st = VB_E_NOMEM;
            break;
        }
        if (c->form == F_BLANK && !warned_at(d, "W_BLANK_DATE", c->span) &&
            vb_doc_warn(a, d, "W_BLANK_DATE", &c->span, "date left blank: \"%.*s\"",
                        (int)(c->span.end - c->span.start), d->text + c->span.start))
            st = VB_E_NOMEM;
    }
    vb_intern_free(&strs);
    free(v.items);
    return st;
}

/* The tables with their examples, for tests/unit/test_rule_examples.c. */
static const vb_rule_table rule_tables[] = {
    VB_RULE_TABLE("dates.forms", date_rows, date_rows_examples),
    VB_RULE_TABLE("dates.deadline_cues", deadline_cues, deadline_cues_examples),
    VB_RULE_TABLE("dates.place_line", place_line, place_line_examples),
};
const vb_rule_table *vb_dates_rule_tables(size_t *n) {
    *n = sizeof rule_tables / sizeof *rule_tables;
    return rule_tables;
}
