/* targets.c — quantified goals: "100% xã, phường, thị trấn tổ chức tuyên
 * truyền…", "từ 74 xã … nâng lên 80 xã …", "ít nhất một lần một tháng".
 *
 * A form row finds the number and its comparator; the code beside the table
 * then reads the indicator from the surrounding words: the noun phrase after
 * a percentage (with the verb just before it, "kiểm tra 80% các cơ sở…"),
 * or the subject of the clause for frequencies and counts.  Clause
 * boundaries, goal prefixes and comparator words are tables too.
 *
 * Most rows are not run over the whole text: each names an anchor (a word
 * every match of the row contains, "lần", "%", …) and how far before that
 * word a match can start; the row is tried only near the anchors (see
 * next_form). */
#include "targets.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "../pipeline/rules/rules.h"
#include "target_numbers.h"
#include "themes.h"

enum {
    FORM_FROM_TO = 1,
    FORM_FREQ_N_PER,
    FORM_FREQ_PER_N,
    FORM_FREQ_MONTHS,
    FORM_PERCENT,
    FORM_TIMES,
    FORM_COUNT,
    FORM_QUANTITY,
    FORM_RATIO,
    FORM_RATE
};

/* comparators: data/target-comparators-ge.txt and -le.txt, and "từ" (from) */
#include "target-comparators-ge.alt.inc"
#include "target-comparators-le.alt.inc"
#include "target-count-comparators.alt.inc"
#define CMP "(?:" VB_ALT_TARGET_COMPARATORS_GE "|" VB_ALT_TARGET_COMPARATORS_LE "|từ)"
#define COUNT_CMP VB_ALT_TARGET_COUNT_COMPARATORS
/* frequencies: data/target-periods.txt, -times-words, -per-words, -every-words */
#include "target-every-words.alt.inc"
#include "target-per-words.alt.inc"
#include "target-periods.alt.inc"
#include "target-times-words.alt.inc"
#include "target-months-words.alt.inc"
#define PER VB_ALT_TARGET_PERIODS
#include "target-change-verbs.alt.inc"
/* a number: digits, or a word of data/target-number-words.txt */
#include "target-number-words.alt.inc"
#define VB_NUM "(?:[0-9]{1,3}(?:[.,][0-9]{1,2})?|" VB_ALT_TARGET_NUMBER_WORDS "\\b)"
#define COUNT "[0-9]{1,3}(?:\\.[0-9]{3})*(?:,[0-9]{1,2})?"
#define TIMES VB_ALT_TARGET_TIMES_WORDS
/* a percentage: "70", "95,5" */
#define PCT_NUM "[0-9]{1,3}(?:[.,][0-9]{1,2})?"
/* an amount: "46.200", "2000", "48,3" (dots group thousands, a comma is decimal) */
#define AMOUNT "(?:[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?"

/* "ít nhất 02 lớp tập huấn", "tối thiểu 01 doanh nghiệp": what is counted
 * comes from data/target-counted.txt ((?!) opens the list of alternatives). */
static const char at_least_things_pattern[] =
    "\\b(?<cmp>" COUNT_CMP ")\\s+(?<num>" COUNT "|" VB_NUM ")\\s+(?=(?:(?!)"
#define X(re, w) "|" re
#include "target-counted.re.inc"
#undef X
    ")\\b)";

/* An amount in a unit of data/target-units.txt, scaled by a word of
 * data/target-multipliers.txt: "đạt trên 48,3 triệu USD", "10 - 12 nghìn
 * tấn", "35 tuần thực học"; not a rate of the unit ("500.000 đồng/người"). */
static const char quantity_pattern[] = "(?:\\b(?<cmp>" CMP ")\\s+)?(?<![0-9.,])(?:(?<lo>" AMOUNT
                                       ")\\s*[-–]\\s*)?(?<num>" AMOUNT ")\\s*(?:(?<mult>(?!)"
#define X(re, w, factor) "|" re
#include "target-multipliers.re.inc"
#undef X
                                       ")\\s+)?(?<unit>(?!)"
#define X(re, w, unit, gate) "|" re
#include "target-units.re.inc"
#undef X
                                       ")\\b(?!\\s*/)(?:\\s*(?<after>trở lên|trở xuống)\\b)?";

/* The forms, most specific first: a later row never takes a number an
 * earlier one already explained.  Editing a pattern here means checking its
 * form_scans entry below (its anchor words and reach). */
static const vb_rule_row form_rows[] = {
    {"from_to",
     "\\btừ\\s+(?<from>" COUNT
     ")\\s*(?<fpct>%|phần trăm)?(?:\\s+[^0-9.;:\\n]{1,80}?)?\\s+" VB_ALT_TARGET_CHANGE_VERBS
     "\\s+(?:mức\\s+)?(?<num>" COUNT ")(?:\\s*(?<pct>%|phần trăm))?",
     FORM_FROM_TO, NULL, 0},
    {"n_times_per_period",
     "(?:\\b(?<cmp>" CMP ")\\s+)?\\b(?<num>" VB_NUM ")\\s+" TIMES
     "(?:\\s*/\\s*|\\s+(?:(?:" VB_ALT_TARGET_PER_WORDS "|1|01)\\s+)+)(?<per>" PER ")\\b",
     FORM_FREQ_N_PER, NULL, 0},
    {"period_n_times",
     "(?:\\b(?<cmp0>" CMP ")\\s+)?\\b" VB_ALT_TARGET_EVERY_WORDS "(?:\\s+một)?\\s+(?<per>" PER
     ")\\s*,?\\s+(?<act>[^0-9.;:\\n]{1,40}?\\s+)?"
     "?(?:(?<cmp>" CMP ")\\s+)?(?<num>" VB_NUM ")\\s+" TIMES "\\b",
     FORM_FREQ_PER_N, NULL, 0},
    {"every_n_months",
     "(?:\\b(?<cmp0>" CMP ")\\s+)?(?:\\bđịnh kỳ\\s+)?\\b(?<months>[0-9]{1,2}|" VB_ALT_TARGET_MONTHS_WORDS
     ")\\s+"
     "tháng\\s*(?:/|một|1|01)\\s*(?<num>" VB_NUM ")?\\s*" TIMES "\\b",
     FORM_FREQ_MONTHS, NULL, 0},
    /* "giảm 1,5 lần số ca mắc mới", "tăng gấp 2 lần" */
    {"ratio",
     "\\b(?<act>tăng|giảm|gấp)\\s+(?:(?:gấp|khoảng)\\s+)?(?:(?<cmp>" CMP ")\\s+)?(?<num>" PCT_NUM
     ")\\s+lần\\b",
     FORM_RATIO, NULL, 0},
    /* "dưới 12/1.000 trẻ đẻ sống", "10 bác sĩ/10.000 dân" */
    {"rate",
     "(?:\\b(?<cmp>" CMP ")\\s+)?(?<![0-9.,/])(?<num>" PCT_NUM ")\\s*(?<act>\\p{L}[\\p{L} ]{0,24}?)?"
     "\\s*/\\s*(?<per>1\\.?000|10\\.?000|100\\.?000)(?![0-9.,/])",
     FORM_RATE, NULL, 0},
    /* a range "85 - 86%" is the goal 86 from 85 */
    {"percent",
     "(?:\\b(?<cmp>" CMP ")\\s+)?(?<![0-9.,])(?:(?<lo>" PCT_NUM ")\\s*[-–]\\s*)?(?<num>" PCT_NUM
     ")\\s*(?:%|phần trăm)(?:\\s*(?<after>trở lên|trở xuống))?",
     FORM_PERCENT, NULL, 0},
    {"at_least_n_times", "\\b(?<cmp>" COUNT_CMP ")\\s+(?<num>" VB_NUM ")\\s+" TIMES "\\b", FORM_TIMES, NULL,
     0},
    {"quantity", quantity_pattern, FORM_QUANTITY, NULL, 0},
    {"at_least_n_things", at_least_things_pattern, FORM_COUNT, NULL, 0},
};
static const char *const form_rows_examples[] = {
    "tăng từ 70% lên 85%",   /* from_to */
    "tổ chức 2 lần/năm",     /* n_times_per_period */
    "mỗi năm tổ chức 2 lần", /* period_n_times */
    "3 tháng 1 lần",         /* every_n_months */
    "giảm 1,5 lần",          /* ratio */
    "10 bác sĩ/10.000 dân",  /* rate */
    "đạt 95%",               /* percent */
    "ít nhất 2 lần",         /* at_least_n_times */
    "sản lượng 1.200 tấn",   /* quantity */
    "ít nhất 02 lớp",        /* at_least_n_things */
};
_Static_assert(sizeof form_rows_examples / sizeof *form_rows_examples == sizeof form_rows / sizeof *form_rows,
               "an example for each row");

/* Anchors: literal words found once per text, each position kept under
 * its group.  A row's matches all hold one word of its group. */
enum { A_NONE, A_TIMES, A_EVERY, A_PERCENT, A_CMP, A_GROUPS };

static const vb_rule_row anchor_rows[] = {
/* the words of TIMES and of the recurring words, from their data files */
#define X(re, w) {w, re, A_TIMES, NULL, 0},
#include "target-times-words.re.inc"
#undef X
#define X(re, w) {w, re, A_EVERY, NULL, 0},
#include "target-every-words.re.inc"
#undef X
    {"%", "%", A_PERCENT, NULL, 0},                 /* 95% */
    {"phần trăm", "phần trăm", A_PERCENT, NULL, 0}, /* 95 phần trăm */
    {"ít nhất", "ít nhất", A_CMP, NULL, 0},         /* ít nhất 2 lần */
    {"tối", "tối", A_CMP, NULL, 0},                 /* tối thiểu, tối đa */
    {"dưới", "dưới", A_CMP, NULL, 0},               /* không dưới */
    {"quá", "quá", A_CMP, NULL, 0},                 /* không quá */
};
static const char *const anchor_rows_examples[] = {
#define X(w) w,
#include "target-times-words.inc"
#include "target-every-words.inc"
#undef X
    "95%",          /* % */
    "95 phần trăm", /* phần trăm */
    "ít nhất",      /* ít nhất */
    "tối thiểu",    /* tối */
    "không dưới",   /* dưới */
    "không quá",    /* quá */
};
_Static_assert(sizeof anchor_rows_examples / sizeof *anchor_rows_examples ==
                   sizeof anchor_rows / sizeof *anchor_rows,
               "an example for each row");

/* How a form row is scanned: its anchor group, and what its pattern allows
 * between the match start and the anchor word, read backwards from the
 * anchor: WS is a run of \s (any length), n > 0 is at most n characters
 * (caseless literals match one character per character; the longest CMP
 * alternative, "không thấp hơn" / "không vượt quá", has 14; the number
 * words and comparators are data, and test_rule_examples tries each of them
 * in every form, so a longer word fails it until its reach is raised).  Optional
 * pieces are listed too: a step that finds nothing to pass moves nowhere
 * further than the piece would. */
#define WS (-1)
typedef struct {
    int anchor;
    signed char reach[16]; /* 0-terminated */
} form_scan;

static const form_scan form_scans[] = {
    /* from_to starts with the literal "từ": scanned directly, cheap */
    {A_NONE, {0}},
    /* [CMP \s+] NUM(≤6) \s+ [lần|đợt] */
    {A_TIMES, {WS, 6, WS, 14, 0}},
    /* [CMP \s+] [mỗi|hằng|hàng] */
    {A_EVERY, {WS, 14, 0}},
    /* [CMP \s+] [định kỳ \s+] months(≤8) \s+ tháng \s* (/|một|1|01) \s* [NUM(≤6)] \s* [lần|đợt] */
    {A_TIMES, {WS, 6, WS, 3, WS, 5, WS, 8, WS, 7, WS, 14, 0}},
    /* ratio and rate: scanned directly (they start with a verb or a number) */
    {A_NONE, {0}},
    {A_NONE, {0}},
    /* [CMP \s+] [NUM(≤6) \s* [-–] \s*] NUM(≤6) \s* [%|phần trăm] */
    {A_PERCENT, {WS, 6, WS, 1, WS, 6, WS, 14, 0}},
    /* [ít nhất|tối…] or "không " (6) before [dưới|quá] */
    {A_CMP, {6, 0}},
    /* quantity: the unit words are many, its numbers are scanned directly */
    {A_NONE, {0}},
    {A_CMP, {6, 0}},
};

_Static_assert(sizeof form_scans / sizeof form_scans[0] == sizeof form_rows / sizeof form_rows[0],
               "one form_scans entry per form row");

/* Comparator words; anything else (or none) is eq. */
static const vb_rule_row comparator_rows[] = {
    {"ge_after", "\\Atrở lên\\z", VB_CMP_GE, NULL, 0},
    {"le_after", "\\Atrở xuống\\z", VB_CMP_LE, NULL, 0},
    {"ge", "\\A" VB_ALT_TARGET_COMPARATORS_GE, VB_CMP_GE, NULL, 0},
    {"le", "\\A" VB_ALT_TARGET_COMPARATORS_LE, VB_CMP_LE, NULL, 0},
};
static const char *const comparator_rows_examples[] = {
    "trở lên",
    "trở xuống",
    "ít nhất",
    "không quá",
};
_Static_assert(sizeof comparator_rows_examples / sizeof *comparator_rows_examples ==
                   sizeof comparator_rows / sizeof *comparator_rows,
               "an example for each row");

/* Unit of a frequency, by the period word (data/target-periods.txt and
 * target-month-spans.txt); the factor multiplies the count into the units
 * the contract names ("6 tháng một lần" = 2 times_per_year). */
static const struct {
    const char *word, *unit, *factor;
} period_words[] = {
#define X(w, unit, factor) {w, unit, factor},
#include "target-periods.inc"
#include "target-month-spans.inc"
#undef X
};
/* row i is period_words[i]: the periods, then the months of "định kỳ N
 * tháng một lần"; a span is one whole spelling, so one row at most fits */
static const vb_rule_row period_rows[] = {
#define X(re, w, unit, factor) {w, "\\A(?:" re ")\\z", 0, unit, 0},
#include "target-periods.re.inc"
#include "target-month-spans.re.inc"
#undef X
};
static const char *const period_rows_examples[] = {
#define X(w, unit, factor) w,
#include "target-periods.inc"
#include "target-month-spans.inc"
#undef X
};
_Static_assert(sizeof period_rows_examples / sizeof *period_rows_examples ==
                   sizeof period_rows / sizeof *period_rows,
               "an example for each row");

/* The unit a quantity is in, by its word; tag = whether the figure is a
 * target only in a clause that sets a goal (UNIT_GOAL) or always. */
enum { UNIT_GOAL, UNIT_ALWAYS };
#define UNIT_GATE(g) (strcmp(g, "always") == 0 ? UNIT_ALWAYS : UNIT_GOAL)
static const struct {
    const char *re, *word, *unit, *gate;
} unit_words[] = {
#define X(re, w, unit, gate) {re, w, unit, gate},
#include "target-units.re.inc"
#undef X
};
static const struct {
    const char *re, *word, *factor;
} multiplier_words[] = {
#define X(re, w, factor) {re, w, factor},
#include "target-multipliers.re.inc"
#undef X
};
/* Words that make a clause set a goal: an amount in it is a target. */
static const char goal_cue_pattern[] = "(?<![\\p{L}\\p{N}])(?:(?!)"
#define X(re, w) "|" re
#include "target-goal-cues.re.inc"
#undef X
                                       ")(?![\\p{L}\\p{N}])";
/* Words that make an amount a budget line or a price, not a goal. */
static const char not_goal_cue_pattern[] = "(?<![\\p{L}\\p{N}])(?:(?!)"
#define X(re, w) "|" re
#include "target-not-goal-cues.re.inc"
#undef X
                                           ")(?![\\p{L}\\p{N}])";

enum {
    CL_BOUNDARY,   /* where an indicator after the number stops */
    CL_SKIP_AFTER, /* "số", "trở lên" between the number and what it counts */
    CL_PREVERB,    /* the verb whose object is the percentage: "kiểm tra 80% …" */
    CL_GOAL_PREFIX,
    CL_TAIL,     /* words between a subject and its number: "đạt", "là" */
    CL_ELLIPSIS, /* "… và 10% ở cấp xã": the noun is the previous target's */
    CL_SKIP_SECTION,
    CL_ADJUNCT,      /* "Theo Quyết định …, mỗi quý …": an adverbial, not a subject */
    CL_ADJUNCT_LEAD, /* "Hằng năm, số vụ …": the adverbial before the subject */
    CL_SPACE,        /* one \s character, as the form patterns mean it */
    CL_QUALIFIER,    /* "13%/năm", "16% GDP": words that qualify the figure */
    CL_PLACE_END,    /* "… cho người học tại 100% nhà trường": the place is counted */
    CL_PREP_END,     /* "giải quyết việc làm cho 2.000 lao động": the unit is the noun */
    CL_GOAL_SECTION,
    CL_GOAL_CUE,
    CL_NOT_GOAL_CUE,
    CL_COUNT
};

/* word lists embedded in the clause rows (data/target-*.txt) */
#include "target-clause-connectives.alt.inc"
#include "target-clause-verbs.alt.inc"
#include "target-adjuncts.alt.inc"
#include "target-preverbs.alt.inc"
#include "target-qualifiers.alt.inc"
#include "target-skip-sections.alt.inc"
#include "target-goal-prefix-words.alt.inc"
#include "target-tail-words.alt.inc"
#include "target-qualifier-periods.alt.inc"
#include "target-every-periods.alt.inc"
#include "target-prep-end-words.alt.inc"

static const vb_rule_row clause_rows[] = {
    [CL_BOUNDARY] = {"boundary",
                     "[.;:!?(\\n…]|\\s+[-–]\\s+|,?\\s+" VB_ALT_TARGET_CLAUSE_CONNECTIVES
                     "\\b|(?<![\\p{L}\\p{N}])trong đó\\b|(?:,|\\s+và|\\s+hoặc)\\s+" VB_ALT_TARGET_CLAUSE_VERBS
                     "\\b",
                     0, NULL, 0},
    [CL_SKIP_AFTER] = {"skip_after",
                       "\\G\\s*(?:trở lên|trở xuống)?[\\s,]*(?:(?:tổng\\s+)?số\\s+(?!lượng)|trong "
                       "số\\s+)?",
                       0, NULL, 0},
    [CL_PREVERB] = {"preverb", "\\b(?<verb>" VB_ALT_TARGET_PREVERBS ")\\s*\\z", 0, NULL, 0},
    [CL_GOAL_PREFIX] = {"goal_prefix",
                        "\\G(?:(?:đến năm [0-9]{4}|năm [0-9]{4}|" VB_ALT_TARGET_GOAL_PREFIX_WORDS
                        ")(?:[\\s,:]+|\\z))*",
                        0, NULL, 0},
    [CL_TAIL] = {"tail", "(?:[\\s,]+" VB_ALT_TARGET_TAIL_WORDS ")*[\\s,]*\\z", 0, NULL, 0},
    [CL_ELLIPSIS] = {"ellipsis", "\\G" VB_ALT_TARGET_QUALIFIERS "\\b", 0, NULL, 0},
    [CL_ADJUNCT] = {"adjunct", "\\A" VB_ALT_TARGET_ADJUNCTS "\\b", 0, NULL, 0},
    [CL_ADJUNCT_LEAD] = {"adjunct_lead",
                         "\\A(?:" VB_ALT_TARGET_ADJUNCTS
                         "\\b[^,;]{0,120}|thực hiện\\b[^,;]{0,120}?\\b(?:số|của)"
                         "\\b[^,;]{0,120}),\\s*",
                         0, NULL, 0},
    [CL_QUALIFIER] = {"qualifier",
                      "\\G(?:\\s*(?:/\\s*" VB_ALT_TARGET_QUALIFIER_PERIODS
                      "\\b|\\(?\\s*GR?DP\\b\\s*\\)?|" VB_ALT_TARGET_EVERY_WORDS
                      " " VB_ALT_TARGET_EVERY_PERIODS "\\b|(?:(?:trong|vào|đến)\\s+(?:hết\\s+)?)?"
                      "(?:năm [0-9]{4}|giai đoạn [0-9]{4}\\s*[-–]\\s*[0-9]{4})(?![0-9])))*",
                      0, NULL, 0},
    [CL_PLACE_END] = {"place_end", "(?<![\\p{L}\\p{N}])(?:tại|ở)\\s*\\z", 0, NULL, 0},
    [CL_PREP_END] = {"prep_end", "(?<![\\p{L}\\p{N}])" VB_ALT_TARGET_PREP_END_WORDS "\\s*\\z", 0, NULL, 0},
    [CL_GOAL_SECTION] = {"goal_section", "\\G\\W*(?:các\\s+)?(?:mục tiêu|chỉ tiêu)", 0, NULL, 0},
    [CL_GOAL_CUE] = {"goal_cue", goal_cue_pattern, 0, NULL, 0},
    [CL_NOT_GOAL_CUE] = {"not_goal_cue", not_goal_cue_pattern, 0, NULL, 0},
    [CL_SKIP_SECTION] = {"skip_section", "\\G\\W*" VB_ALT_TARGET_SKIP_SECTIONS, 0, NULL, 0},
    [CL_SPACE] = {"space", "\\G\\s", 0, NULL, 0},
};
static const char *const clause_rows_examples[CL_COUNT] = {
    [CL_BOUNDARY] = "tập huấn; kiểm tra",
    [CL_SKIP_AFTER] = " trở lên số",
    [CL_PREVERB] = "kiểm tra ",
    [CL_GOAL_PREFIX] = "phấn đấu đạt ",
    [CL_TAIL] = "tỷ lệ hộ nghèo giảm còn ",
    [CL_ELLIPSIS] = "ở cấp xã",
    [CL_ADJUNCT] = "hằng năm, tổ chức",
    [CL_ADJUNCT_LEAD] = "Theo kế hoạch, ",
    [CL_QUALIFIER] = "/năm",
    [CL_PLACE_END] = "cho người học tại ",
    [CL_PREP_END] = "giải quyết việc làm cho ",
    [CL_GOAL_SECTION] = "**Mục tiêu cụ thể**",
    [CL_GOAL_CUE] = "phấn đấu đạt",
    [CL_NOT_GOAL_CUE] = "kinh phí thực hiện",
    [CL_SKIP_SECTION] = "KẾT QUẢ THỰC HIỆN NĂM 2023",
    [CL_SPACE] = " ",
};

/* A word list as rows "\A(?:word)\z", to tell which word a group holds
 * (the word taken literally: its escaped form from NAME.re.inc);
 * the rows, their examples (the words) and their patterns are one
 * allocation. */
typedef struct {
    vb_ruleset rs;
    vb_rule_row *rows;
} word_table;

static vb_status word_table_open(word_table *w, vb_rule_table *t, const char *name, const char *const *words,
                                 const char *const *res, size_t n, char *err, size_t errlen) {
    size_t bytes = n * (sizeof *w->rows + sizeof(char *));
    for (size_t i = 0; i < n; i++) bytes += strlen(res[i]) + sizeof "\\A(?:)\\z";
    w->rows = calloc(1, bytes);
    if (!w->rows) return VB_E_NOMEM;
    const char **examples = (const char **)(w->rows + n);
    char *p = (char *)(examples + n);
    for (size_t i = 0; i < n; i++) {
        int len = sprintf(p, "\\A(?:%s)\\z", res[i]);
        w->rows[i] = (vb_rule_row){words[i], p, (int)i, NULL, 0};
        examples[i] = words[i];
        p += len + 1;
    }
    *t = (vb_rule_table){name, w->rows, examples, n};
    return vb_ruleset_compile(&w->rs, w->rows, n, err, errlen);
}

static void word_table_close(word_table *w) {
    vb_ruleset_free(&w->rs);
    free(w->rows);
}

/* Index of the word of w that s[0..n) is, or -1. */
static int word_table_find(const word_table *w, const char *s, size_t n) {
    for (size_t i = 0; i < w->rs.len; i++)
        if (vb_rule_match(&w->rs, i, s, n, 0, NULL, NULL)) return (int)i;
    return -1;
}

struct vb_targets_rules {
    vb_ruleset forms, anchors, comparators, periods, clause;
    word_table units, multipliers;
    vb_rule_table built[2];     /* for tests: the word tables, each row's example its word */
    pcre2_match_context *limit; /* the offset limit of next_form */
    bool full_scan;             /* no anchors (vb_targets_plain_scans, vb_targets_scan_check) */
    vb_number_rules *numbers;
    vb_theme_rules *themes;
};

/* The form rows as vb_ruleset_compile builds them plus two options that
 * change no match: USE_OFFSET_LIMIT, as next_form bounds where a match may
 * start, and, for anchored rows, NO_START_OPTIMIZE: they are searched over
 * a few bytes before each anchor, where the start-up scan for a required
 * character (up to thousands of bytes ahead, at every anchor) would cost
 * more than it saves.  The patterns use no verbs or callouts, the only
 * things it could change. */
static vb_status compile_forms(vb_ruleset *rs, char *err, size_t errlen) {
    enum { N_FORMS = sizeof form_rows / sizeof form_rows[0] };
    uint32_t extra[N_FORMS];
    for (size_t i = 0; i < N_FORMS; i++)
        extra[i] = PCRE2_USE_OFFSET_LIMIT | (form_scans[i].anchor != A_NONE ? PCRE2_NO_START_OPTIMIZE : 0);
    return vb_ruleset_compile_opts(rs, form_rows, N_FORMS, extra, err, errlen);
}

static vb_status open_word_tables(vb_targets_rules *x, char *err, size_t errlen) {
    enum { N_UNITS = sizeof unit_words / sizeof unit_words[0] };
    enum { N_MULTS = sizeof multiplier_words / sizeof multiplier_words[0] };
    const char *units[N_UNITS], *unit_res[N_UNITS], *mults[N_MULTS], *mult_res[N_MULTS];
    for (size_t i = 0; i < N_UNITS; i++) units[i] = unit_words[i].word, unit_res[i] = unit_words[i].re;
    for (size_t i = 0; i < N_MULTS; i++)
        mults[i] = multiplier_words[i].word, mult_res[i] = multiplier_words[i].re;
    vb_status s =
        word_table_open(&x->units, &x->built[0], "targets.units", units, unit_res, N_UNITS, err, errlen);
    return s != VB_OK ? s
                      : word_table_open(&x->multipliers, &x->built[1], "targets.multipliers", mults, mult_res,
                                        N_MULTS, err, errlen);
}

vb_status vb_targets_open(vb_targets_rules **out, char *err, size_t errlen) {
    vb_targets_rules *x = calloc(1, sizeof *x);
    if (!x) return VB_E_NOMEM;
#define N(rows) (sizeof rows / sizeof rows[0])
    const vb_ruleset_spec tables[] = {
        VB_RULESET_SPEC(&x->anchors, anchor_rows), VB_RULESET_SPEC(&x->comparators, comparator_rows),
        VB_RULESET_SPEC(&x->periods, period_rows), VB_RULESET_SPEC(&x->clause, clause_rows)};
    vb_status s;
    if ((s = compile_forms(&x->forms, err, errlen)) != VB_OK ||
        (s = vb_rulesets_compile(tables, N(tables), err, errlen)) != VB_OK ||
        (s = open_word_tables(x, err, errlen)) != VB_OK ||
        (s = vb_numbers_open(&x->numbers, err, errlen)) != VB_OK ||
        (s = vb_themes_open(&x->themes, err, errlen)) != VB_OK ||
        (s = (x->limit = pcre2_match_context_create(NULL)) ? VB_OK : VB_E_NOMEM) != VB_OK) {
        vb_targets_close(x);
        return s;
    }
#undef N
    *out = x;
    return VB_OK;
}

void vb_targets_close(vb_targets_rules *x) {
    if (!x) return;
    vb_ruleset_free(&x->forms);
    vb_ruleset_free(&x->anchors);
    pcre2_match_context_free(x->limit);
    vb_ruleset_free(&x->comparators);
    vb_ruleset_free(&x->periods);
    vb_ruleset_free(&x->clause);
    word_table_close(&x->units);
    word_table_close(&x->multipliers);
    vb_numbers_close(x->numbers);
    vb_themes_close(x->themes);
    free(x);
}

/* One form match, its groups copied out before the match data is reused. */
typedef struct {
    int form;
    size_t ms, me;
    vb_span num, cmp, cmp0, after, from, per, months, act, lo, mult, unit;
    bool pct, from_pct;
} cand;

/* What collect keeps of a form match: where it is and which row made it.
 * Its groups are found again when it is built (expand): a cand is ten
 * times the size, and a fact-dense text has a form match every 80 bytes. */
typedef struct {
    size_t ms, me;
    size_t row;
} form_hit;

typedef struct {
    form_hit *items;
    size_t len, cap;
} candv;

static bool has(vb_span s) { return s.end > s.start; }

static vb_span group(const vb_ruleset *rs, size_t i, const char *name) {
    vb_span g = {0, 0};
    if (!vb_rule_group(rs, i, name, &g.start, &g.end)) g.start = g.end = 0;
    return g;
}

/* v->items[0..n) are sorted and pairwise disjoint, so only the last one
 * starting before e can overlap [s, e). */
static bool overlaps(const candv *v, size_t n, size_t s, size_t e) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->items[mid].ms < e)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && v->items[lo - 1].me > s;
}

/* By start; at one start the earlier row first, as they were appended
 * (a row's own matches have distinct starts), so the order is total. */
static int by_start(const void *a, const void *b) {
    const form_hit *x = a, *y = b;
    if (x->ms != y->ms) return x->ms < y->ms ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* Byte ranges of sections: those that report past results, not goals
 * (CL_SKIP_SECTION), or those that set goals (CL_GOAL_SECTION). */
typedef struct {
    vb_span *items;
    size_t len, cap;
} rangev;

static vb_status section_ranges(const vb_targets_rules *x, int heading_row, const vb_linev *lines,
                                const char *text, size_t len, rangev *out) {
    for (size_t i = 0; i < lines->len; i++) {
        const vb_line *l = &lines->items[i];
        if (l->kind != VB_LINE_HEADING ||
            !vb_rule_match(&x->clause, heading_row, text, l->end, l->body, NULL, NULL))
            continue;
        size_t end = vb_outline_section_end(lines, i);
        vb_span r = {l->start, end < lines->len ? lines->items[end].start : len};
        /* headings come in text order: a nested section merges into its parent */
        if (out->len && r.start < out->items[out->len - 1].end) {
            if (r.end > out->items[out->len - 1].end) out->items[out->len - 1].end = r.end;
            continue;
        }
        if (!vb_scratch_room((void **)&out->items, out->len, &out->cap, sizeof *out->items))
            return VB_E_NOMEM;
        out->items[out->len++] = r;
    }
    return VB_OK;
}

/* The ranges are sorted and disjoint: binary search. */
static bool in_ranges(const rangev *r, size_t pos) {
    size_t lo = 0, hi = r->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->items[mid].start <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && pos < r->items[lo - 1].end;
}

/* Positions of one anchor group, ascending. */
typedef struct {
    size_t *items;
    size_t len, cap;
} posv;

static int by_pos(const void *a, const void *b) {
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Start of the character after the one at pos (text is UTF-8). */
/* Start of the character before pos, not below floor. */
static size_t prev_char(const char *t, size_t pos, size_t floor) {
    do pos--;
    while (pos > floor && ((unsigned char)t[pos] & 0xC0) == 0x80);
    return pos;
}

/* Every position where an anchor word occurs, by group. */
static vb_status find_anchors(const vb_targets_rules *x, const char *t, size_t len, posv out[A_GROUPS]) {
    for (size_t i = 0; i < x->anchors.len; i++) {
        posv *v = &out[x->anchors.rules[i].row->tag];
        const size_t *ov;
        size_t at = 0;
        while (at < len && vb_rule_match(&x->anchors, i, t, len, at, &ov, NULL)) {
            if (!vb_scratch_room((void **)&v->items, v->len, &v->cap, sizeof *v->items)) return VB_E_NOMEM;
            v->items[v->len++] = ov[0];
            at = vb_rule_next_start(t, len, ov[0], ov[0]); /* the next character */
        }
    }
    for (size_t g = 0; g < A_GROUPS; g++)
        if (out[g].len > 1) qsort(out[g].items, out[g].len, sizeof *out[g].items, by_pos);
    return VB_OK;
}

/* The earliest byte a match of a row can start at when its anchor word is
 * at pos: the row's reach read backwards, never below floor.  Each step is
 * monotone (a later pos never gives an earlier result) and passes at least
 * the piece of text the pattern matched there, so the result is at or
 * before the start of every match whose anchor is at pos or later. */
static size_t reach_back(const vb_targets_rules *x, const char *t, size_t pos, size_t floor,
                         const signed char *reach) {
    for (; *reach && pos > floor; reach++) {
        if (*reach != WS) {
            for (int n = *reach; n > 0 && pos > floor; n--) pos = prev_char(t, pos, floor);
            continue;
        }
        while (pos > floor) { /* the whole run of \s */
            size_t p = prev_char(t, pos, floor);
            unsigned char c = (unsigned char)t[p];
            if (c < 0x80) { /* ASCII \s is the same under UCP */
                if (c != ' ' && (c < '\t' || c > '\r')) break;
            } else { /* beyond ASCII, PCRE2's own \s */
                const size_t *ov;
                if (!vb_rule_match(&x->clause, CL_SPACE, t, pos, p, &ov, NULL) || ov[0] != p || ov[1] != pos)
                    break;
            }
            pos = p;
        }
    }
    return pos;
}

/* The match vb_rule_match(&x->forms, r, t, len, at) would return, without
 * running row r over all the text.  Every match of r holds an anchor of its
 * group at or after its start, and starts no earlier than reach_back of
 * that anchor.  So with floor = at and a = the first anchor >= floor, no
 * match starts before max(floor, reach_back(a)), and the leftmost match
 * from there that starts at or before a (the offset limit) is the leftmost
 * match from at.  If there is none, every match starts after a, so floor
 * moves past a and the next anchor is tried.  *k is the caller's index into
 * the anchors, kept between calls as at only grows.  A PCRE2 error ends the
 * row, as vb_rule_match's false does. */
static bool next_form(const vb_targets_rules *x, size_t r, const char *t, size_t len, size_t at,
                      const posv *anchors, size_t *k, const size_t **ov) {
    const form_scan *fs = &form_scans[r];
    if (fs->anchor == A_NONE || x->full_scan) return vb_rule_match(&x->forms, r, t, len, at, ov, NULL);
    const posv *v = &anchors[fs->anchor];
    size_t floor = at;
    for (; *k < v->len; ++*k) {
        size_t a = v->items[*k];
        if (a < floor) continue;
        size_t from = reach_back(x, t, a, floor, fs->reach);
        pcre2_set_offset_limit(x->limit, a);
        int rc = pcre2_match(x->forms.rules[r].code, (PCRE2_SPTR)t, len, from, 0, x->forms.md, x->limit);
        if (rc > 0) {
            *ov = pcre2_get_ovector_pointer(x->forms.md);
            return true;
        }
        if (rc != PCRE2_ERROR_NOMATCH) return false;
        floor = vb_rule_next_start(t, len, a, a); /* the next character */
    }
    return false;
}

static vb_status collect(const vb_targets_rules *x, const char *t, size_t len, const rangev *skipped,
                         candv *out) {
    posv anchors[A_GROUPS] = {{0}};
    vb_status s = find_anchors(x, t, len, anchors);
    for (size_t r = 0; s == VB_OK && r < x->forms.len; r++) {
        size_t at = 0, k = 0, prior = out->len; /* earlier rows' matches, sorted */
        const size_t *ov;
        while (at < len && next_form(x, r, t, len, at, anchors, &k, &ov)) {
            form_hit c = {.ms = ov[0], .me = ov[1], .row = r};
            at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
            if (overlaps(out, prior, c.ms, c.me) || in_ranges(skipped, c.ms)) continue;
            if (!vb_scratch_room((void **)&out->items, out->len, &out->cap, sizeof *out->items)) {
                s = VB_E_NOMEM;
                break;
            }
            out->items[out->len++] = c;
        }
        if (out->len > 1) qsort(out->items, out->len, sizeof *out->items, by_start);
    }
    for (size_t g = 0; g < A_GROUPS; g++) free(anchors[g].items);
    return s;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Spaces and markup ('*' of bold or italic runs) around a phrase. */
static bool is_edge(char c) { return is_space(c) || c == '*'; }

static void trim_span(const char *t, vb_span *s) {
    while (s->start < s->end && (is_edge(t[s->start]) || t[s->start] == ',')) s->start++;
    for (;;) {
        while (s->end > s->start && (is_edge(t[s->end - 1]) || t[s->end - 1] == ',')) s->end--;
        /* a dangling conjunction left where the next target began */
        if (s->end - s->start > 4 && memcmp(t + s->end - 4, " và", 4) == 0)
            s->end -= 4;
        else if (s->end - s->start > 6 && memcmp(t + s->end - 6, " hoặc", 6) == 0)
            s->end -= 6;
        else
            break;
    }
}

/* Start of the clause holding pos: after the last line break, ';', ':',
 * sentence-ending '.', or an unclosed '(' ("(trước hết là gói hỗ trợ …"),
 * past any label, bullet mark or markup. */
/* Start of the body of the line holding pos (past its label). */
static size_t line_body(const vb_linev *lines, size_t pos) {
    size_t lo = 0, hi = lines->len; /* binary search */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (lines->items[mid].start <= pos)
            lo = mid;
        else
            hi = mid;
    }
    if (!lines->len || lines->items[lo].start > pos) return 0;
    return lines->items[lo].body <= pos ? lines->items[lo].body : lines->items[lo].start;
}

/* i moved on to the start of a character: a bound counted in bytes must
 * not cut a UTF-8 sequence (a span or a text would start inside it). */
static size_t next_boundary(const char *t, size_t i) {
    while (((unsigned char)t[i] & 0xC0) == 0x80) i++;
    return i;
}

static size_t clause_start(const char *t, const vb_linev *lines, size_t pos) {
    size_t floor = line_body(lines, pos);
    if (pos > floor + 600) floor = next_boundary(t, pos - 600);
    size_t i = pos;
    bool closed = false; /* a ')' between i and pos */
    while (i > floor) {
        char c = t[i - 1];
        if (c == ';' || c == ':' || c == '!' || c == '?' || (c == '(' && !closed) ||
            (c == '.' && i < pos && is_space(t[i])))
            break;
        if (c == ')') closed = true;
        i--;
    }
    while (i < pos && (is_edge(t[i]) || t[i] == '-' || t[i] == '+')) i++;
    return i;
}

/* Where the words after `from` stop describing the target. */
static size_t phrase_end(const vb_targets_rules *x, const char *t, size_t from, size_t limit) {
    const size_t *ov;
    size_t end = limit;
    if (vb_rule_match(&x->clause, CL_BOUNDARY, t, limit, from, &ov, NULL)) end = ov[0];
    /* at most 30 words: past that it is a new idea, not the indicator */
    int words = 0;
    for (size_t i = from; i < end; i++)
        if (t[i] == ' ' && ++words == 30) return i;
    return end;
}

/* The clause's subject before pos, without goal words or a trailing "đạt";
 * it starts after `floor`, the end of the figure (and its words) before
 * it in the same clause: "… đạt 10 triệu USD, tốc độ tăng bình quân 8%". */
static vb_span subject_before(const vb_targets_rules *x, const char *t, const vb_linev *lines, size_t pos,
                              size_t floor) {
    vb_span s = {clause_start(t, lines, pos), pos};
    if (floor > s.start && floor <= pos) s.start = floor;
    while (s.start < s.end && (is_edge(t[s.start]) || t[s.start] == ',')) s.start++;
    const size_t *ov;
    if (vb_rule_match(&x->clause, CL_TAIL, t, s.end, s.start, &ov, NULL)) s.end = ov[0];
    if (s.end > s.start &&
        vb_rule_match(&x->clause, CL_ADJUNCT_LEAD, t + s.start, s.end - s.start, 0, &ov, NULL))
        s.start += ov[1]; /* "Hằng năm, số vụ …" */
    if (vb_rule_match(&x->clause, CL_GOAL_PREFIX, t, s.end, s.start, &ov, NULL)) s.start = ov[1];
    trim_span(t, &s);
    if (s.end > s.start && vb_rule_match(&x->clause, CL_ADJUNCT, t + s.start, s.end - s.start, 0, NULL, NULL))
        s.end = s.start; /* no subject: the caller reads the words after the number */
    return s;
}

static vb_comparator comparator_of(const vb_targets_rules *x, const char *t, const cand *c) {
    const vb_span order[] = {c->after, c->cmp, c->cmp0};
    for (size_t k = 0; k < 3; k++) {
        if (!has(order[k])) continue;
        for (size_t i = 0; i < x->comparators.len; i++)
            if (vb_rule_match(&x->comparators, i, t + order[k].start, order[k].end - order[k].start, 0, NULL,
                              NULL))
                return (vb_comparator)x->comparators.rules[i].row->tag;
    }
    return VB_CMP_EQ;
}

static const char *period_unit(const vb_targets_rules *x, const char *t, vb_span per, double *value) {
    if (!has(per)) return NULL;
    for (size_t i = 0; i < x->periods.len; i++)
        if (vb_rule_match(&x->periods, i, t + per.start, per.end - per.start, 0, NULL, NULL)) {
            *value *= strtod(period_words[i].factor, NULL);
            return x->periods.rules[i].row->value;
        }
    return NULL;
}

/* "người làm công tác … cấp huyện" + "ở cấp xã" → the same people at the other
 * level: drop the previous qualifier, keep its noun. */
static char *elliptic_indicator(const char *prev, const char *t, vb_span tail, vb_arena *a) {
    static const char *const qualifiers[] = {
#define X(word) " " word " ",
#include "target-qualifiers.inc"
#undef X
    };
    size_t cut = strlen(prev);
    for (size_t q = 0; q < sizeof qualifiers / sizeof qualifiers[0]; q++) {
        const char *hit = NULL;
        for (const char *p = strstr(prev, qualifiers[q]); p; p = strstr(p + 1, qualifiers[q])) hit = p;
        if (hit && (size_t)(hit - prev) < cut && hit != prev) cut = (size_t)(hit - prev);
    }
    return vb_arena_printf(a, "%.*s %.*s", (int)cut, prev, (int)(tail.end - tail.start), t + tail.start);
}

static bool same_sentence(const char *t, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if (t[i] == '.' || t[i] == ';' || t[i] == '\n') return false;
    return true;
}

/* Value of a number group scaled by its multiplier word ("48,3 triệu");
 * amounts of thousands and more are whole. */
static bool amount_value(const vb_targets_rules *x, const char *t, vb_span num, vb_span mult, double *value) {
    if (!vb_number_parse(x->numbers, t + num.start, num.end - num.start, value)) return false;
    if (!has(mult)) return true;
    int m = word_table_find(&x->multipliers, t + mult.start, mult.end - mult.start);
    if (m < 0) return false;
    *value *= strtod(multiplier_words[m].factor, NULL);
    *value = (double)llround(*value);
    return true;
}

/* Whether the clause before an amount sets a goal (by its words or its
 * section, "II. CHỈ TIÊU") and is no budget line. */
static bool amount_is_goal(const vb_targets_rules *x, const char *t, const vb_linev *lines,
                           const rangev *goal_sections, const cand *c, int gate) {
    /* the sentence: "Kinh phí: 50.000.000 đồng" names the budget before a ':' */
    size_t cs0 = clause_start(t, lines, c->ms), ss = line_body(lines, c->ms);
    if (c->ms > ss + 600) ss = next_boundary(t, c->ms - 600);
    for (size_t i = c->ms; i > ss + 1; i--)
        if (t[i - 2] == '.' && is_space(t[i - 1])) {
            ss = i;
            break;
        }
    if (vb_rule_match(&x->clause, CL_NOT_GOAL_CUE, t, c->ms, ss, NULL, NULL)) return false;
    return gate == UNIT_ALWAYS || has(c->cmp) || in_ranges(goal_sections, c->ms) ||
           vb_rule_match(&x->clause, CL_GOAL_CUE, t, c->ms, cs0, NULL, NULL);
}

/* Where the subject before the figure k may start: after the figure
 * before it and the words the target built from it took. */
static size_t subject_floor(const vb_targets_rules *x, const vb_doc *d, const candv *cs, size_t k) {
    size_t floor = k > 0 ? cs->items[k - 1].me : 0;
    const size_t *ov;
    if (k > 0 && vb_rule_match(&x->clause, CL_QUALIFIER, d->text, cs->items[k].ms, floor, &ov, NULL))
        floor = ov[1]; /* "16% GDP, trong đó, tỷ lệ …" */
    if (d->targets.len) {
        size_t end = d->targets.items[d->targets.len - 1].span.end;
        if (end > floor && end <= cs->items[k].ms) floor = end;
    }
    return floor;
}

/* The cand of a form hit: its row matched again at its start, which gives
 * the match collect found there (a match at a start does not depend on
 * where the search began), and its groups copied out before the match
 * data is reused.  False when the row does not match there as it did. */
static bool expand(const vb_targets_rules *x, const char *t, size_t len, const form_hit *h, cand *c) {
    const size_t *ov;
    size_t r = h->row;
    if (!vb_rule_match_at(&x->forms, r, t, len, h->ms, &ov, NULL) || ov[1] != h->me) return false;
    *c = (cand){.form = x->forms.rules[r].row->tag, .ms = h->ms, .me = h->me};
    c->num = group(&x->forms, r, "num");
    c->cmp = group(&x->forms, r, "cmp");
    c->cmp0 = group(&x->forms, r, "cmp0");
    c->after = group(&x->forms, r, "after");
    c->from = group(&x->forms, r, "from");
    c->per = group(&x->forms, r, "per");
    c->months = group(&x->forms, r, "months");
    c->act = group(&x->forms, r, "act");
    c->lo = group(&x->forms, r, "lo");
    c->mult = group(&x->forms, r, "mult");
    c->unit = group(&x->forms, r, "unit");
    c->pct = c->form == FORM_PERCENT || has(group(&x->forms, r, "pct"));
    c->from_pct = has(group(&x->forms, r, "fpct"));
    return true;
}

static vb_status build(const vb_targets_rules *x, vb_doc *d, vb_arena *a, const vb_linev *lines,
                       const rangev *goal_sections, const candv *cs, size_t k) {
    const char *t = d->text;
    cand whole;
    if (!expand(x, t, d->text_len, &cs->items[k], &whole)) return VB_E_INTERNAL;
    const cand *c = &whole;
    size_t limit = k + 1 < cs->len ? cs->items[k + 1].ms : d->text_len;
    size_t nl = c->me;
    while (nl < limit && t[nl] != '\n') nl++;
    limit = nl;
    size_t floor = subject_floor(x, d, cs, k);

    vb_target tg = {0};
    if (c->form == FORM_FREQ_MONTHS && !has(c->num))
        tg.value = 1; /* "6 tháng/lần" */
    else if (c->form == FORM_QUANTITY) {
        if (!amount_value(x, t, c->num, c->mult, &tg.value)) return VB_OK;
    } else if (!vb_number_parse(x->numbers, t + c->num.start, c->num.end - c->num.start, &tg.value))
        return VB_OK;
    tg.comparator = comparator_of(x, t, c);
    vb_span span = {c->ms, c->me};
    vb_span ind = {0, 0};
    const char *indicator = NULL;
    const char *preverb = NULL;
    size_t preverb_len = 0;

    switch (c->form) {
    case FORM_FROM_TO:
        if (!vb_number_parse(x->numbers, t + c->from.start, c->from.end - c->from.start, &tg.from))
            return VB_OK;
        if (!c->pct && (tg.value >= 1900 || tg.from >= 1900)) return VB_OK; /* years */
        tg.has_from = true;
        tg.unit = c->pct ? "percent" : "count";
        ind = subject_before(x, t, lines, c->ms, floor);
        break;
    case FORM_FREQ_N_PER:
    case FORM_FREQ_PER_N:
    case FORM_FREQ_MONTHS:
    case FORM_TIMES:
        tg.unit = c->form == FORM_TIMES         ? "times"
                  : c->form == FORM_FREQ_MONTHS ? (char *)period_unit(x, t, c->months, &tg.value)
                                                : (char *)period_unit(x, t, c->per, &tg.value);
        if (!tg.unit) return VB_OK; /* a period we have no unit for: "5 tháng/lần" */
        ind = subject_before(x, t, lines, c->ms, floor);
        if (!has(ind)) { /* "Mỗi quý một lần, Sở Y tế tổ chức kiểm tra…" */
            ind.start = c->me;
            ind.end = phrase_end(x, t, c->me, limit);
            trim_span(t, &ind);
            if (has(c->act) && has(ind)) { /* "Mỗi quý tổ chức ít nhất 01 đợt cao điểm…" */
                vb_span act = c->act;
                trim_span(t, &act);
                indicator = vb_arena_printf(a, "%.*s %.*s", (int)(act.end - act.start), t + act.start,
                                            (int)(ind.end - ind.start), t + ind.start);
                if (!indicator) return VB_E_NOMEM;
                span.end = ind.end;
            }
        }
        break;
    case FORM_QUANTITY: {
        int u = word_table_find(&x->units, t + c->unit.start, c->unit.end - c->unit.start);
        if (u < 0 || !amount_is_goal(x, t, lines, goal_sections, c, UNIT_GATE(unit_words[u].gate)))
            return VB_OK;
        tg.unit = (char *)unit_words[u].unit;
        if (has(c->lo)) {
            if (!amount_value(x, t, c->lo, c->mult, &tg.from)) return VB_OK;
            tg.has_from = true;
        }
        ind = subject_before(x, t, lines, c->ms, floor);
        const size_t *ov;
        if (!has(ind)) { /* "đạt 500 tấn sản phẩm…" */
            ind.start = c->me;
            ind.end = phrase_end(x, t, c->me, limit);
            trim_span(t, &ind);
        } else if (vb_rule_match(&x->clause, CL_PREP_END, t, ind.end, ind.start, &ov, NULL)) {
            /* "việc làm cho ít nhất 2.000 lao động": the people are named by the unit */
            vb_span rest = {c->unit.start, phrase_end(x, t, c->unit.start, limit)};
            trim_span(t, &rest);
            indicator = vb_arena_printf(a, "%.*s %.*s", (int)(ind.end - ind.start), t + ind.start,
                                        (int)(rest.end - rest.start), t + rest.start);
            if (!indicator) return VB_E_NOMEM;
            span.start = ind.start;
            if (rest.end > span.end) span.end = rest.end;
        } else if (c->me + 1 < limit && t[c->me] == ' ' && !is_space(t[c->me + 1]) &&
                   !ispunct((unsigned char)t[c->me + 1])) {
            /* "trồng mới 1.200 ha rừng tập trung": the verb and its object */
            vb_span rest = {c->me, phrase_end(x, t, c->me, limit)};
            for (size_t i = rest.start; i < rest.end; i++)
                if (t[i] == ',') rest.end = i;
            trim_span(t, &rest);
            if (has(rest)) {
                indicator = vb_arena_printf(a, "%.*s %.*s", (int)(ind.end - ind.start), t + ind.start,
                                            (int)(rest.end - rest.start), t + rest.start);
                if (!indicator) return VB_E_NOMEM;
                span.start = ind.start;
                span.end = rest.end;
            }
        }
        break;
    }
    case FORM_RATIO:
    case FORM_RATE: {
        if (!amount_is_goal(x, t, lines, goal_sections, c, UNIT_GOAL)) return VB_OK;
        if (c->form == FORM_RATIO) {
            tg.unit = "times";
        } else { /* per the denominator: "12/1.000" is 12 per_1000 */
            double per;
            if (!vb_number_parse(x->numbers, t + c->per.start, c->per.end - c->per.start, &per)) return VB_OK;
            tg.unit = vb_arena_printf(a, "per_%.0f", per);
            if (!tg.unit) return VB_E_NOMEM;
        }
        ind = subject_before(x, t, lines, c->ms, floor);
        vb_span rest = {c->me, phrase_end(x, t, c->me, limit)};
        trim_span(t, &rest);
        if (c->form == FORM_RATIO && has(rest)) {
            /* "giảm 1,5 lần số ca mắc mới": the verb and what it changes */
            vb_span head = has(ind) ? ind : c->act;
            indicator = vb_arena_printf(a, "%.*s%s%.*s %.*s", (int)(head.end - head.start), t + head.start,
                                        has(ind) ? " " : "", has(ind) ? (int)(c->act.end - c->act.start) : 0,
                                        t + c->act.start, (int)(rest.end - rest.start), t + rest.start);
            if (!indicator) return VB_E_NOMEM;
            if (head.start < span.start) span.start = head.start;
            span.end = rest.end;
        } else if (!has(ind) && c->form == FORM_RATE) {
            /* "đạt 10 bác sĩ/10.000 dân": the words of the rate */
            ind.start = has(c->act) ? c->act.start : rest.start;
            ind.end = rest.end > c->me ? rest.end : c->me;
        }
        break;
    }
    case FORM_COUNT:
    case FORM_PERCENT: {
        tg.unit = c->form == FORM_COUNT ? "count" : "percent";
        if (has(c->lo)) {
            if (!vb_number_parse(x->numbers, t + c->lo.start, c->lo.end - c->lo.start, &tg.from))
                return VB_OK;
            tg.has_from = true;
        }
        const size_t *ov;
        size_t after = c->me;
        if (vb_rule_match(&x->clause, CL_QUALIFIER, t, limit, after, &ov, NULL)) after = ov[1];
        if (vb_rule_match(&x->clause, CL_SKIP_AFTER, t, limit, after, &ov, NULL)) after = ov[1];
        ind.start = after;
        ind.end = phrase_end(x, t, after, limit);
        trim_span(t, &ind);
        const vb_target *prev = d->targets.len ? &d->targets.items[d->targets.len - 1] : NULL;
        if (has(ind) && prev && prev->indicator && strcmp(prev->unit, "percent") == 0 &&
            prev->span.end <= c->ms && same_sentence(t, prev->span.end, c->ms) &&
            vb_rule_match(&x->clause, CL_ELLIPSIS, t, ind.end, ind.start, NULL, NULL)) {
            indicator = elliptic_indicator(prev->indicator, t, ind, a);
            if (!indicator) return VB_E_NOMEM;
            if (!has(c->cmp) && !has(c->after)) tg.comparator = prev->comparator;
            tg.theme = prev->theme;
            span.end = ind.end;
            break;
        }
        if (!has(ind)) {
            ind = subject_before(x, t, lines, c->ms, floor);
            break;
        }
        span.end = ind.end;
        size_t cs0 = clause_start(t, lines, c->ms);
        if (floor > cs0 && floor <= c->ms) cs0 = floor;
        if (vb_rule_match(&x->clause, CL_PREVERB, t, c->ms, cs0, &ov, NULL)) {
            vb_span v = group(&x->clause, CL_PREVERB, "verb");
            preverb = t + v.start;
            preverb_len = v.end - v.start;
            span.start = v.start;
        } else if (vb_rule_match(&x->clause, CL_PLACE_END, t, c->ms, cs0, &ov, NULL)) {
            /* "tổ chức tuyên truyền … cho người học tại 100% nhà trường": the
             * places counted, then what is done in them */
            vb_span before = subject_before(x, t, lines, ov[0], floor);
            if (has(before)) {
                indicator = vb_arena_printf(a, "%.*s %.*s", (int)(ind.end - ind.start), t + ind.start,
                                            (int)(before.end - before.start), t + before.start);
                if (!indicator) return VB_E_NOMEM;
                span.start = before.start;
            }
        }
        break;
    }
    default: return VB_OK;
    }

    if (!indicator) {
        if (!has(ind)) return VB_OK; /* a bare number measures nothing we can name */
        indicator = preverb ? vb_arena_printf(a, "%.*s %.*s", (int)preverb_len, preverb,
                                              (int)(ind.end - ind.start), t + ind.start)
                            : vb_arena_strndup(a, t + ind.start, ind.end - ind.start);
        if (!indicator) return VB_E_NOMEM;
        if (ind.start < span.start) span.start = ind.start;
        if (ind.end > span.end) span.end = ind.end;
    }
    tg.indicator = (char *)indicator;
    if (!tg.theme) {
        tg.theme = (char *)vb_theme_of(x->themes, indicator, strlen(indicator));
        if (!tg.theme) {
            size_t cs0 = clause_start(t, lines, c->ms);
            tg.theme = (char *)vb_theme_of(x->themes, t + cs0, c->ms - cs0);
        }
        if (!tg.theme) tg.theme = "other";
    }
    /* unit and theme are names from the static tables (unit words, periods,
     * themes) or arena strings: they outlive the result as they are, so no
     * copy per target */
    tg.span = span;
    return VB_PUSH(a, d->targets, tg) == 0 ? VB_OK : VB_E_NOMEM;
}

/* A hit found by the anchored scan is the full scan's when it is the same
 * row's match at the same place: its groups come from matching that row
 * there again (expand), which must succeed. */
static bool same_hit(const vb_targets_rules *x, const char *t, size_t len, const form_hit *a,
                     const form_hit *b) {
    cand c;
    return a->ms == b->ms && a->me == b->me && a->row == b->row && expand(x, t, len, a, &c);
}

void vb_targets_plain_scans(vb_targets_rules *x) { x->full_scan = true; }

vb_status vb_targets_scan_check(vb_targets_rules *x, const char *text, size_t len, bool *same,
                                size_t *found) {
    candv fast = {0}, full = {0};
    rangev none = {0};
    vb_status s = collect(x, text, len, &none, &fast);
    bool was = x->full_scan;
    x->full_scan = true;
    if (s == VB_OK) s = collect(x, text, len, &none, &full);
    x->full_scan = was;
    *same = s == VB_OK && fast.len == full.len;
    *found = full.len;
    for (size_t k = 0; *same && k < fast.len; k++)
        *same = same_hit(x, text, len, &fast.items[k], &full.items[k]);
    free(fast.items);
    free(full.items);
    return s;
}

vb_status vb_targets_extract_lines(vb_targets_rules *x, vb_doc *d, vb_arena *a, const vb_linev *lines) {
    if (!d->text || d->text_len == 0) return VB_OK;
    candv cs = {0};
    rangev skipped = {0}, goals = {0};
    vb_status s = section_ranges(x, CL_SKIP_SECTION, lines, d->text, d->text_len, &skipped);
    if (s == VB_OK) s = section_ranges(x, CL_GOAL_SECTION, lines, d->text, d->text_len, &goals);
    if (s == VB_OK) s = collect(x, d->text, d->text_len, &skipped, &cs);
    for (size_t k = 0; s == VB_OK && k < cs.len; k++) s = build(x, d, a, lines, &goals, &cs, k);
    free(cs.items);
    free(skipped.items);
    free(goals.items);
    return s;
}

/* The tables with their examples, for tests/unit/test_rule_examples.c. */
static const vb_rule_table rule_tables[] = {
    VB_RULE_TABLE("targets.forms", form_rows, form_rows_examples),
    VB_RULE_TABLE("targets.anchors", anchor_rows, anchor_rows_examples),
    {"targets.clause", clause_rows, clause_rows_examples, CL_COUNT},
    VB_RULE_TABLE("targets.comparators", comparator_rows, comparator_rows_examples),
    VB_RULE_TABLE("targets.periods", period_rows, period_rows_examples),
};
const vb_rule_table *vb_targets_rule_tables(size_t *n) {
    *n = sizeof rule_tables / sizeof *rule_tables;
    return rule_tables;
}

const vb_rule_table *vb_targets_built_tables(const vb_targets_rules *x, size_t *n) {
    *n = sizeof x->built / sizeof *x->built;
    return x->built;
}
