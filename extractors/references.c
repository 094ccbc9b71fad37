/* references.c — cited documents, from the text of one vb_doc.
 *
 * The search is driven by the number: number_rows find "361/QĐ-TTg" and
 * "14-KH/TU"; a prefix row, generated from the shared type table
 * (pipeline/core/doctypes.c) plus alias_rows, must end right before it
 * ("Quyết định số ", "Kế hoạch ", a lowercase "số ", a type code and "số"),
 * else the number is a citation only as a dated full symbol.  tail_rows
 * then read what follows in order: the date (by vb_date_parse_vn), "của" +
 * issuer, "về" / a verb + subject, each ended by end_rows.  relation_rows
 * decide basis / implements and the date a sentence gives before a
 * citation.  law_rows catch laws cited by name and date only, and the law
 * named before "số".  Type codes the shared table lacks are data
 * (extractors/data/ref-codes.txt). */
#include "references.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "../pipeline/core/buf.h"
#include "../pipeline/core/doctypes.h"
#include "dates.h"
#include "../pipeline/rules/rules.h"

/* Words that name a type the shared table does not list as such
 * (extractors/data/ref-aliases.txt). */
typedef struct {
    const char *words;    /* as a doctype's name: words_pattern makes the pattern */
    const char *name;     /* canonical doc_type, "" = infer from the symbol */
    const char *fallback; /* when the symbol names no type ("" = none) */
    const char *example;  /* its prefix row matches this */
} alias_row;

static const alias_row alias_rows[] = {
#define X(words, name, fallback, example) {words, name, fallback, example},
#include "ref-aliases.inc"
#undef X
};

/* Type codes the shared table lacks (extractors/data/ref-codes.txt). */
typedef struct {
    const char *code, *name;
} code_row;

static const code_row extra_codes[] = {
#define X(code, name) {code, name},
#include "ref-codes.inc"
#undef X
};

/* word lists embedded in the patterns (extractors/data/ref-*.txt) */
#include "ref-issuer-end-words.alt.inc"
#include "ref-manner-words.alt.inc"
#include "ref-proposal-nouns.alt.inc"
#include "ref-subject-end-words.alt.inc"
#include "ref-subject-verbs.alt.inc"
#include "ref-so-spellings.alt.inc"
#include "ref-implements-verbs.alt.inc"

#define L_EDGE "(?<![\\p{L}0-9])"
#define N_EDGE "(?<![\\p{L}0-9/.-])"
/* "số" and what OCR and unaccented typing make of it ("so", "sô", "s6"),
 * with the dot or colon some writers put after it */
#define SO_WORD VB_ALT_REF_SO_SPELLINGS "(?![\\p{L}])"
#define SO SO_WORD "\\s*[.:]?\\s*"
#define ASCII_LETTERS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
/* The symbol grammar of Decree 30/2020 (Appendix I): number[/year]/TYPE-ISSUER
 * with any number of hyphenated parts ("36/2014/TTLT-BGDĐT-BNV"), the party
 * form number-TYPE/ISSUER ("14-KH/TU"), a number with a letter ("36a/NQ-CP").
 * A space or line break right after a hyphen or slash, or one space right
 * before a hyphen, is a wrapped or OCR'd line and joins ("NĐ- CP", "TTr -SNN");
 * a dash with a space on both sides joins only while the symbol has no hyphen
 * yet ("QĐ - UBND"), so "45/QĐ-UBND - UBND tỉnh" stays one symbol. */
/* one part of a symbol: "QĐ", "TTg", "BLĐTBXH", "QH14", "TB&XH" */
#define SYM "\\p{Lu}[\\p{L}0-9&]*"
/* a part after a space: capitals and digits, a lowercase letter only last
 * in its part ("TTg", "PV01"), so never a word ("Ủy", "Văn") */
#define WRAP "\\p{Lu}[\\p{Lu}0-9&](?:[\\p{Lu}0-9&]|\\p{Ll}(?!\\p{L}))*+(?![\\p{L}0-9])"
#define PARTS "(?:[ \\t]-[ \\t]" WRAP ")?(?:-" SYM "|-\\s" WRAP "|[ \\t]-" WRAP ")*"
#define DIGITS "[0-9]{1,6}[a-z]?"
/* "87⁄2017/NĐ-CP": the fraction and division slashes of web pages */
#define ODD_SLASH "(?:\u2044|\u2215)"
#define ANY_SLASH "(?:/|" ODD_SLASH ")"
#define YEAR_PART "(?:[0-9]{4}\\s?" ANY_SLASH "\\s?)?"

enum { NUM_OFFICIAL, NUM_PARTY, NUM_ODD_SLASH };

/* Keep number_shapes (below) true to these rows when editing them. */
static const vb_rule_row number_rows[] = {
    /* old symbols put a slash between the type and the issuer: "19/2001/CT/UB" */
    /* … or a dot: "01/1999/QĐ.UB" (the issuer part in capitals only) */
    {"official",
     N_EDGE DIGITS "\\s?/\\s?" YEAR_PART SYM PARTS "(?:/" SYM PARTS "|\\.\\p{Lu}{2,5}(?![\\p{L}0-9]))?",
     NUM_OFFICIAL, NULL, VB_RULE_CASED},
    /* before 2001 a symbol could be number-ISSUER alone: "196-HĐBT", "64-CP"
     * (two capitals at least, nothing after), cited only after a type */
    {"party",
     N_EDGE "[0-9]{1,5}\\s?-\\s?\\p{Lu}[\\p{L}]{0,5}(?:\\s?/\\s?" SYM PARTS
            "|(?<=\\p{Lu}\\p{Lu})(?![\\p{L}0-9/-]))",
     NUM_PARTY, NULL, VB_RULE_CASED},
    /* first sign an odd slash: no byte test (number_shapes), a plain search */
    {"odd_slash", N_EDGE DIGITS "\\s?" ODD_SLASH "\\s?" YEAR_PART SYM PARTS, NUM_ODD_SLASH, NULL,
     VB_RULE_CASED},
};
static const char *const number_rows_examples[] = {
    "số 15/2020/QĐ-UBND",
    "số 12-CT/TU",
    "số 87\u20442017/NĐ-CP",
};
_Static_assert(sizeof number_rows_examples / sizeof *number_rows_examples ==
                   sizeof number_rows / sizeof *number_rows,
               "an example for each row");

enum { T_DATE_LEAD, T_ISSUER_LEAD, T_SUBJECT_LEAD, T_SUBJECT_VERB };

static const vb_rule_row tail_rows[] = {
    {"date_lead", "\\G\\s*,?\\s*(?:(?:được\\s+)?(?:ban hành|ký)(?:\\s+vào)?\\s+)?(?=(?:ngày\\s*)?[0-9])",
     T_DATE_LEAD, NULL, 0},
    {"issuer_lead", "\\G\\s*,?\\s*(?:của|do)\\s+(?=\\p{Lu})", T_ISSUER_LEAD, NULL, 0},
    {"subject_lead", "\\G\\s*,?\\s*(?:về\\s+việc|về|v/v)\\s+", T_SUBJECT_LEAD, NULL, 0},
    {"subject_verb", "\\G\\s*,?\\s*(?=" VB_ALT_REF_SUBJECT_VERBS "(?!\\p{L}))", T_SUBJECT_VERB, NULL, 0},
};
static const char *const tail_rows_examples[] = {
    ", ban hành ngày 12/3/2020",
    " của Ủy ban nhân dân tỉnh",
    " về việc tăng cường",
    " phê duyệt Đề án",
};
_Static_assert(sizeof tail_rows_examples / sizeof *tail_rows_examples == sizeof tail_rows / sizeof *tail_rows,
               "an example for each row");

enum { R_BASIS, R_BASIS_STRAIGHT, R_IMPLEMENTS, R_CHAIN, R_ASIDE, R_PROPOSAL, R_ISSUED_ON };

/* Matched at the start of the mention's sentence (\G). */
#define LEADER "\\G[\\s\\-+•*]*(?:(?:[0-9]+(?:\\.[0-9]+)*|[a-zđ]|[ivx]+)[.)]\\s+)?"
/* "Căn cứ", also as OCR leaves it ("Can cứ") */
#define CAN_CU "c[aă]n\\s+c[ứu](?!\\p{L})"
/* how firmly: "triển khai nghiêm túc, chất lượng và hiệu quả Nghị quyết …" */
#define MANNER "(?:(?:có\\s+)?" VB_ALT_REF_MANNER_WORDS_WS "(?:\\s*,\\s*|\\s+và\\s+|\\s+))*"
static const vb_rule_row relation_rows[] = {
    {"basis", LEADER CAN_CU, R_BASIS, NULL, 0},
    /* the rows below up to "chain" are matched on the text up to the mention (\z) */
    {"basis_straight", LEADER CAN_CU "\\s*(?:vào\\s+)?\\z", R_BASIS_STRAIGHT, NULL, 0},
    {"implements",
     LEADER
     "(?:v/v\\s+|về\\s+việc\\s+|để\\s+|nhằm\\s+)?(?:tiếp\\s+tục\\s+)?(?:quán\\s+triệt(?:\\s*,\\s*|\\s+và\\s+))?" VB_ALT_REF_IMPLEMENTS_VERBS_WS
     "\\s+" MANNER
     /* "Thực hiện (ý kiến) chỉ đạo của … tại Công văn số …", "Thực hiện nội dung …" */
     "(?:(?:ý\\s+kiến\\s+)?chỉ\\s+đạo\\s+(?:của\\s+[^.;\\n]{1,400}?\\s+)?(?:tại|theo)\\s+|nội\\s+dung\\s+)?\\z",
     R_IMPLEMENTS, NULL, 0},
    /* between two citations of one list: "; ", ", ", " và ", past a
     * parenthesised short name "(Nghị định số 29/2012/NĐ-CP)" */
    {"chain", "\\A\\s*(?:\\([^()]{0,200}\\)\\s*)?(?:[,;]\\s*(?:và\\s+)?|và\\s+)\\z", R_CHAIN, NULL, 0},
    /* a mention in parentheses right after the one before: its short name */
    {"aside", "\\A\\s*\\(\\s*\\z", R_ASIDE, NULL, 0},
    /* a clause that proposes: "…; Theo đề nghị của Giám đốc Sở … tại Tờ trình số …" */
    {"proposal", "\\G\\s*(?:theo|xét)\\s+" VB_ALT_REF_PROPOSAL_NOUNS_WS "(?!\\p{L})", R_PROPOSAL, NULL, 0},
    /* "Ngày 10/1/2019, Tổng cục Thuế đã ban hành Quyết định số …", "Ngày 13/5/2016,
     * Bộ … đã có Công văn gửi … (Công văn số …)": the text after the date */
    {"issued_on",
     "\\A\\s*,?\\s*[^.;:\\n]{0,250}?(?<!\\p{L})(?:ban\\s+hành|đã\\s+có|đã\\s+ký)(?!\\p{L})[^.;:\\n]{0,250}\\z",
     R_ISSUED_ON, NULL, 0},
};
static const char *const relation_rows_examples[] = {
    "Căn cứ Luật Tổ chức chính quyền địa phương",
    "Căn cứ ",
    "Thực hiện nghiêm túc ",
    "; ",
    " (",
    "Theo đề nghị của Giám đốc Sở",
    "Ngày 10/1/2019, Bộ Tài chính đã ban hành ",
};
_Static_assert(sizeof relation_rows_examples / sizeof *relation_rows_examples ==
                   sizeof relation_rows / sizeof *relation_rows,
               "an example for each row");

/* Laws and ordinances cited by name, kept only with a date or year. */
static const vb_rule_row law_rows[] = {
    {"law_by_name",
     "(?<![\\p{L}])(?<type>(?-i:L)uật|(?-i:B)ộ\\s+luật|(?-i:P)háp\\s+lệnh|(?-i:H)iến\\s+pháp)\\s+"
     "(?<name>(?:(?-i:\\p{Lu})|sửa\\s+đổi)[^0-9;.:()\\n\"]{1,150}?)\\s*,?\\s+(?:(?:được\\s+)?(?:ban hành|thông qua)\\s+)?"
     "(?:năm\\s+(?<year>[0-9]{4})(?![0-9/])|(?=ngày\\s+[0-9]))",
     0, NULL, 0},
    /* a law's name before "số": "Luật Quản lý thuế số 38/2019/QH14"; matched
     * on the text up to "số" */
    {"law_before_number",
     "(?<![\\p{L}])(?<type>(?-i:L)uật|(?-i:B)ộ\\s+luật|(?-i:P)háp\\s+lệnh)\\s+(?-i:\\p{Lu})[^0-9;.:()\\n\"]{0,100}?\\s+\\z",
     1, NULL, 0},
};
static const char *const law_rows_examples[] = {
    "Luật Phòng, chống ma túy năm 2021",
    "Luật Quản lý thuế ",
};
_Static_assert(sizeof law_rows_examples / sizeof *law_rows_examples == sizeof law_rows / sizeof *law_rows,
               "an example for each row");

enum { LAW_BY_NAME, LAW_BEFORE_NUMBER };

/* Prefix rows after the types and aliases: tags of the bare "số" and of a
 * type code before "số" ("NQ số"); NO_PREFIX is none found. */
enum { P_BARE = -1, NO_PREFIX = -2, P_CODE = -3, N_BARE = 2 };

struct vb_references_rules {
    vb_ruleset numbers, prefixes, tail, ends, relation, laws;
    vb_rule_row *prefix_rows; /* generated; patterns owned below */
    vb_rule_row end_rows[2];
    const char **prefix_examples; /* for tests: a type's is "<type> số " (owned below) */
    vb_rule_table built[2];       /* for tests: prefix_rows and end_rows with their examples */
    char **patterns;
    size_t n_patterns;
    size_t n_doctypes; /* prefix rows [0,n_doctypes) are vb_doctypes, then aliases, then N_BARE */
};

#define N_ROWS(t) (sizeof(t) / sizeof((t)[0]))

/* "Nghị quyết liên tịch" -> "Nghị\s+quyết\s+liên\s+tịch" */
static char *words_pattern(const char *name) {
    size_t n = strlen(name), extra = 0;
    for (size_t i = 0; i < n; i++) extra += name[i] == ' ' ? 2 : name[i] == ',';
    char *p = malloc(n + extra + 1), *w = p;
    if (!p) return NULL;
    for (size_t i = 0; i < n; i++) {
        if (name[i] == ' ') {
            memcpy(w, "\\s+", 3);
            w += 3;
        } else if (name[i] == ',') { /* "sửa đổi, bổ sung" is also written without it */
            memcpy(w, ",?", 2);
            w += 2;
        } else {
            *w++ = name[i];
        }
    }
    *w = '\0';
    return p;
}

static char *keep(vb_references_rules *x, char *p) {
    if (p) x->patterns[x->n_patterns++] = p;
    return p;
}

/* The alternation of every type's words, for "stop before the next citation". */
static char *types_alternation(void) {
    vb_buf b;
    vb_buf_init(&b);
    for (size_t i = 0; i < vb_doctypes_count; i++) {
        char *w = words_pattern(vb_doctypes[i].name);
        if (!w)
            b.oom = true;
        else
            vb_buf_printf(&b, "%s%s", i ? "|" : "", w);
        free(w);
    }
    for (size_t j = 0; j < N_ROWS(alias_rows); j++) {
        char *w = words_pattern(alias_rows[j].words);
        if (!w)
            b.oom = true;
        else
            vb_buf_printf(&b, "|%s", w);
        free(w);
    }
    const char *s = vb_buf_cstr(&b);
    char *out = s ? strdup(s) : NULL;
    vb_buf_free(&b);
    return out;
}

static vb_status build_generated(vb_references_rules *x) {
    size_t n_prefix = vb_doctypes_count + N_ROWS(alias_rows) + N_BARE;
    x->patterns = calloc(2 * n_prefix + 4, sizeof *x->patterns);
    x->prefix_rows = calloc(n_prefix, sizeof *x->prefix_rows);
    x->prefix_examples = calloc(n_prefix, sizeof *x->prefix_examples);
    if (!x->patterns || !x->prefix_rows || !x->prefix_examples) return VB_E_NOMEM;
    x->n_doctypes = vb_doctypes_count;
    /* "<type> số: " / "<type> " right before the number */
    static const char tail[] = ")(?:\\s+" SO "|\\s*:\\s*|\\s+)\\z";
    for (size_t i = 0; i < n_prefix - N_BARE; i++) {
        const char *name;
        char *w;
        if (i < vb_doctypes_count) {
            name = vb_doctypes[i].name;
            w = words_pattern(name);
            size_t el = strlen(name) + sizeof " số ";
            char *ex = keep(x, malloc(el));
            if (ex) snprintf(ex, el, "%s số ", name);
            x->prefix_examples[i] = ex;
        } else {
            name = alias_rows[i - vb_doctypes_count].words;
            w = words_pattern(name);
            x->prefix_examples[i] = alias_rows[i - vb_doctypes_count].example;
        }
        if (!x->prefix_examples[i]) {
            free(w);
            return VB_E_NOMEM;
        }
        if (!w) return VB_E_NOMEM;
        size_t need = strlen(L_EDGE) + 3 + strlen(w) + sizeof tail;
        char *p = keep(x, malloc(need));
        if (!p) {
            free(w);
            return VB_E_NOMEM;
        }
        snprintf(p, need, "%s(?:%s%s", L_EDGE, w, tail);
        free(w);
        x->prefix_rows[i] = (vb_rule_row){name, p, (int)i, NULL, 0};
    }
    /* a bare lowercase "số" in running text; never the header's "Số:" */
    x->prefix_rows[n_prefix - 2] =
        (vb_rule_row){"so", L_EDGE SO_WORD "\\s*\\.?\\s*\\z", P_BARE, NULL, VB_RULE_CASED};
    x->prefix_examples[n_prefix - 2] = "theo số ";
    /* a type code for the type: "V/v thực hiện NQ số 50/NQ-CP" */
    x->prefix_rows[n_prefix - 1] = (vb_rule_row){
        "code_so", L_EDGE "(?<code>\\p{Lu}[\\p{Lu}\\p{Ll}]{1,4})\\s+" SO "\\z", P_CODE, NULL, VB_RULE_CASED};
    x->prefix_examples[n_prefix - 1] = "thực hiện NQ số ";

    char *types = types_alternation();
    if (!types) return VB_E_NOMEM;
    static const char issuer_fmt[] =
        "(?=\\s+(?:" VB_ALT_REF_ISSUER_END_WORDS "|" VB_ALT_REF_SUBJECT_VERBS "|và\\s+(?:các|những)|v/v"
        "|ngày\\s+[0-9])(?!\\p{L}))"
        "|\\s*[;:()\\n\"]|(?<!TP)\\.(?=\\s|\\z)|,\\s*+(?:(?!\\p{Lu})|(?=%s))|\\s+và\\s+(?=%s)|\\z";
    /* a subject never runs into the next citation ("… thực hiện Nghị quyết số …") */
    static const char subject_fmt[] =
        "\\s*[;:\\n]|\\.(?=\\s|\\z)|\\s*\\((?![0-9])|,\\s*(?-i:(?=\\p{Lu}))|\\s+và\\s+(?=%s)"
        "|\\s+(?=(?:%s)\\s+(?:" SO ")?[0-9])|,?\\s+" VB_ALT_REF_SUBJECT_END_WORDS "\\s|\\z";
    size_t tl = strlen(types);
    char *ie = keep(x, malloc(sizeof issuer_fmt + 2 * tl));
    char *se = keep(x, malloc(sizeof subject_fmt + 2 * tl));
    if (ie) snprintf(ie, sizeof issuer_fmt + 2 * tl, issuer_fmt, types, types);
    if (se) snprintf(se, sizeof subject_fmt + 2 * tl, subject_fmt, types, types);
    free(types);
    if (!ie || !se) return VB_E_NOMEM;
    x->end_rows[0] = (vb_rule_row){"issuer_end", ie, 0, NULL, 0};
    x->end_rows[1] = (vb_rule_row){"subject_end", se, 1, NULL, 0};
    static const char *const end_examples[] = {" của Bộ Y tế ban hành", " về phòng, chống dịch; "};
    x->built[0] = (vb_rule_table){"references.prefixes", x->prefix_rows, x->prefix_examples, n_prefix};
    x->built[1] = (vb_rule_table){"references.ends", x->end_rows, end_examples, 2};
    return VB_OK;
}

vb_status vb_references_open(vb_references_rules **out, char *err, size_t errlen) {
    *out = NULL;
    vb_references_rules *x = calloc(1, sizeof *x);
    if (!x) return VB_E_NOMEM;
    vb_status s = build_generated(x); /* the prefix and end rows */
    const vb_ruleset_spec tables[] = {
        VB_RULESET_SPEC(&x->numbers, number_rows),
        {&x->prefixes, x->prefix_rows, vb_doctypes_count + N_ROWS(alias_rows) + N_BARE},
        VB_RULESET_SPEC(&x->tail, tail_rows),
        {&x->ends, x->end_rows, 2},
        VB_RULESET_SPEC(&x->relation, relation_rows),
        VB_RULESET_SPEC(&x->laws, law_rows)};
    if (s == VB_OK) s = vb_rulesets_compile(tables, N_ROWS(tables), err, errlen);
    /* The full-text scans do not run their rows over the whole text: the
     * number rows are tried alone at the starts next_number admits (the
     * cursor's compiled row, with its offset limit); law_by_name, which
     * begins with (?<![\p{L}]), through a cursor that finds its first
     * bytes with memchr and skips those right after an ASCII letter. */
    for (size_t i = 0; s == VB_OK && i < x->numbers.len; i++) s = vb_ruleset_prepare_cursor(&x->numbers, i);
    if (s == VB_OK) s = vb_ruleset_prepare_cursor_edge(&x->laws, 0, ASCII_LETTERS);
    if (s == VB_E_REGEX && err) snprintf(err, errlen, "references: a cursor pattern did not compile");
    if (s != VB_OK) {
        vb_references_close(x);
        return s;
    }
    *out = x;
    return VB_OK;
}

void vb_references_close(vb_references_rules *x) {
    if (!x) return;
    vb_ruleset_free(&x->numbers);
    vb_ruleset_free(&x->prefixes);
    vb_ruleset_free(&x->tail);
    vb_ruleset_free(&x->ends);
    vb_ruleset_free(&x->relation);
    vb_ruleset_free(&x->laws);
    for (size_t i = 0; i < x->n_patterns; i++) free(x->patterns[i]);
    free(x->patterns);
    free(x->prefix_rows);
    free(x->prefix_examples);
    free(x);
}

const vb_rule_table *vb_references_built_tables(const vb_references_rules *x, size_t *n) {
    *n = sizeof x->built / sizeof *x->built;
    return x->built;
}

/* ---- reading one mention ---- */

/* How firmly a mention states its relation; the firmest over all mentions
 * of a document wins.  A "Căn cứ" that leads straight to the citation (or
 * to a list of them) outranks "Thực hiện", which outranks a "Căn cứ" that
 * opens a sentence about something else ("Căn cứ nội dung … theo Quyết
 * định số …"). */
typedef enum { RANK_CITED, RANK_LOOSE_BASIS, RANK_IMPLEMENTS, RANK_BASIS } rel_rank;

static vb_relation rank_relation(rel_rank r) {
    if (r == RANK_BASIS || r == RANK_LOOSE_BASIS) return VB_REL_BASIS;
    return r == RANK_IMPLEMENTS ? VB_REL_IMPLEMENTS : VB_REL_CITED;
}

typedef struct {
    vb_span span;         /* type word (or "số") .. last field */
    const char *doc_type; /* static strings */
    const char *code;
    bool generic;   /* "văn bản": the symbol's type wins over doc_type */
    vb_span number; /* unset when unnumbered */
    char date[11];
    vb_span issuer, subject;
    rel_rank rank;
} mention;

static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

static void trim(const char *t, vb_span *s) {
    while (s->start < s->end && is_space(t[s->start])) s->start++;
    while (s->end > s->start && (is_space(t[s->end - 1]) || strchr(",;:.", t[s->end - 1]))) s->end--;
}

static size_t utf8_back(const char *t, size_t at, size_t n) {
    size_t from = at > n ? at - n : 0;
    while (from < at && ((unsigned char)t[from] & 0xC0) == 0x80) from++;
    return from;
}

/* The code part of a symbol: "QĐ" of 361/QĐ-TTg and 178/2004/NĐ-CP, "KH"
 * of 14-KH/TU.  s is the number with spaces removed. */
static bool symbol_code(const char *s, const char **code, size_t *len) {
    const char *p = s;
    while (*p >= '0' && *p <= '9') p++;
    const char *q;
    if (*p == '-') { /* party form */
        p++;
        q = strchr(p, '/');
        if (!q) return false;
    } else if (*p == '/') {
        p++;
        if (strlen(p) > 5 && p[4] == '/' && p[0] >= '0' && p[0] <= '9') p += 5;
        q = p;
        while (*q && *q != '-' && *q != '.' && *q != '/') q++; /* "CT/UB", "CĐ.UBND" */
    } else {
        return false;
    }
    *code = p;
    *len = (size_t)(q - p);
    return q > p;
}

/* The number without its spaces, in scratch that the next call reuses: a
 * new reference keeps its own copy (add_mention), a repeated one none, so
 * an arena copy per mention was garbage. NULL on no memory. */
static char *strip_spaces(vb_buf *scratch, const char *t, vb_span sp) {
    vb_buf_reset(scratch);
    for (size_t k = sp.start; k < sp.end; k++)
        if (!is_space(t[k])) vb_buf_putc(scratch, t[k]);
    return (char *)vb_buf_cstr(scratch);
}

/* The type a symbol's code names: the shared table, then extra_codes, then
 * either without regard to ASCII case (an all-capitals title writes "TTR"). */
static bool type_of_code(const char *c, size_t n, const char **name, const char **code) {
    const vb_doctype *ty = vb_doctype_by_code(c, n);
    if (ty) {
        *name = ty->name;
        *code = ty->code;
        return true;
    }
    for (size_t i = 0; i < N_ROWS(extra_codes); i++)
        if (strlen(extra_codes[i].code) == n && memcmp(extra_codes[i].code, c, n) == 0) {
            *name = extra_codes[i].name;
            *code = NULL;
            return true;
        }
    for (size_t i = 0; i < vb_doctypes_count; i++) {
        const char *k = vb_doctypes[i].code;
        if (k && strlen(k) == n && strncasecmp(k, c, n) == 0) {
            *name = vb_doctypes[i].name;
            *code = k;
            return true;
        }
    }
    for (size_t i = 0; i < N_ROWS(extra_codes); i++)
        if (strlen(extra_codes[i].code) == n && strncasecmp(extra_codes[i].code, c, n) == 0) {
            *name = extra_codes[i].name;
            *code = NULL;
            return true;
        }
    return false;
}

static void infer_type(const char *number, mention *m) {
    if (m->doc_type && !m->generic) return;
    const char *c, *name, *code;
    size_t n;
    if (symbol_code(number, &c, &n) && type_of_code(c, n, &name, &code)) {
        m->doc_type = name;
        m->code = code;
    }
}

/* Type and start of the words before the number at ns; false when none. */
static bool read_prefix(const vb_references_rules *x, const char *t, size_t ns, mention *m) {
    size_t from = utf8_back(t, ns, 100);
    const size_t *ov;
    size_t best = ns, cs, ce;
    long best_row = NO_PREFIX;
    const char *code_type = NULL, *code = NULL;
    for (size_t i = 0; i < x->prefixes.len; i++) {
        if (!vb_rule_match(&x->prefixes, i, t, ns, from, &ov, NULL) || ov[0] >= best) continue;
        int tag = x->prefixes.rules[i].row->tag;
        /* a code the tables do not know is no type: the bare "số" row stands */
        if (tag == P_CODE && !(vb_rule_group(&x->prefixes, i, "code", &cs, &ce) &&
                               type_of_code(t + cs, ce - cs, &code_type, &code)))
            continue;
        best = ov[0];
        best_row = tag;
    }
    if (best_row == NO_PREFIX) return false;
    m->span.start = best;
    m->doc_type = NULL;
    m->code = NULL;
    if (best_row == P_CODE) {
        m->doc_type = code_type;
        m->code = code;
    } else if (best_row >= 0 && (size_t)best_row < x->n_doctypes) {
        m->doc_type = vb_doctypes[best_row].name;
        m->code = vb_doctypes[best_row].code;
    } else if (best_row >= 0) {
        const alias_row *al = &alias_rows[(size_t)best_row - x->n_doctypes];
        m->doc_type = *al->name ? al->name : *al->fallback ? al->fallback : NULL;
        m->generic = !*al->name;
    }
    return true;
}

/* End of a field that starts at s: the first end row match, within cap bytes. */
static bool field_end(const vb_references_rules *x, size_t row, const char *t, size_t len, size_t s,
                      size_t cap, size_t *e) {
    size_t lim = s + cap < len ? s + cap : len;
    while (lim < len && ((unsigned char)t[lim] & 0xC0) == 0x80) lim++;
    const size_t *ov;
    if (!vb_rule_match(&x->ends, row, t, lim, s, &ov, NULL)) return false;
    if (ov[0] == lim && lim < len) return false; /* \z of the cap, not of the text */
    *e = ov[0];
    return *e > s;
}

/* Date, issuer and subject after position pos; extends m->span. */
static void read_tail(const vb_references_rules *x, const char *t, size_t len, size_t pos, mention *m) {
    const size_t *ov;
    size_t end = pos;
    if (vb_rule_match(&x->tail, T_DATE_LEAD, t, len, pos, &ov, NULL)) {
        size_t used;
        if (vb_date_parse_vn(t + ov[1], len - ov[1], m->date, &used)) pos = end = ov[1] + used;
    }
    if (vb_rule_match(&x->tail, T_ISSUER_LEAD, t, len, pos, &ov, NULL)) {
        size_t s = ov[1], e;
        if (field_end(x, 0, t, len, s, 240, &e)) {
            m->issuer = (vb_span){s, e};
            trim(t, &m->issuer);
            if (m->issuer.end > m->issuer.start) pos = end = m->issuer.end;
        }
        /* "Quyết định số … của Thủ tướng Chính phủ ngày 07/3/2016" */
        size_t used;
        if (!m->date[0] && vb_rule_match(&x->tail, T_DATE_LEAD, t, len, pos, &ov, NULL) &&
            vb_date_parse_vn(t + ov[1], len - ov[1], m->date, &used))
            pos = end = ov[1] + used;
    }
    size_t s = 0;
    if (vb_rule_match(&x->tail, T_SUBJECT_LEAD, t, len, pos, &ov, NULL) ||
        vb_rule_match(&x->tail, T_SUBJECT_VERB, t, len, pos, &ov, NULL))
        s = ov[1];
    size_t e;
    if (s && field_end(x, 1, t, len, s, 400, &e)) {
        m->subject = (vb_span){s, e};
        trim(t, &m->subject);
        if (m->subject.end > m->subject.start) end = m->subject.end;
    }
    m->span.end = end;
    trim(t, &m->span);
}

/* ---- relation ---- */

/* Bounded so that one endless line of hostile input stays linear. */
enum { SENTENCE_MAX = 2000 };

static size_t sentence_start(const char *t, size_t at) {
    size_t lo = at > SENTENCE_MAX ? at - SENTENCE_MAX : 0;
    while (at > lo && t[at - 1] != '\n' && !(at >= 2 && t[at - 2] == '.' && t[at - 1] == ' ')) at--;
    return at;
}

typedef struct {
    bool valid;
    size_t sentence, end;
    rel_rank rank;
    char listed_date[11]; /* "Ngày …, X ban hành <list>": the list's date */
} prev_mention;

/* Start of the clause holding at: after the last ';' of its sentence. */
static size_t clause_start(const char *t, size_t ss, size_t at) {
    while (at > ss && t[at - 1] != ';') at--;
    return at;
}

static bool chained(const vb_references_rules *x, const char *t, vb_span sp, const prev_mention *prev) {
    return prev->valid && prev->sentence == sentence_start(t, sp.start) && prev->end <= sp.start &&
           vb_rule_match(&x->relation, R_CHAIN, t + prev->end, sp.start - prev->end, 0, NULL, NULL);
}

/* Where a list headed by laws cited by name starts ("Thực hiện Luật Hộ
 * tịch năm 2014, Nghị định số …"): the start of the last such law in the
 * sentence [ss, at) that only a list's separator parts from at; at if none. */
static size_t law_heading(const vb_references_rules *x, const char *t, size_t ss, size_t at) {
    const size_t *ov;
    size_t pos = ss, head = at;
    while (pos < at && vb_rule_match(&x->laws, LAW_BY_NAME, t, at, pos, &ov, NULL)) {
        if (ov[1] <= at && vb_rule_match(&x->relation, R_CHAIN, t + ov[1], at - ov[1], 0, NULL, NULL))
            head = ov[0];
        pos = ov[1] > pos ? ov[1] : pos + 1;
    }
    return head;
}

static rel_rank relation_of(const vb_references_rules *x, const char *t, size_t len, vb_span sp,
                            const prev_mention *prev) {
    size_t ss = sentence_start(t, sp.start);
    bool chain = chained(x, t, sp, prev);
    if (vb_rule_match(&x->relation, R_PROPOSAL, t, len, clause_start(t, ss, sp.start), NULL, NULL))
        return RANK_CITED;
    if (vb_rule_match(&x->relation, R_BASIS_STRAIGHT, t, sp.start, ss, NULL, NULL) ||
        (chain && prev->rank == RANK_BASIS))
        return RANK_BASIS;
    if (vb_rule_match(&x->relation, R_IMPLEMENTS, t, sp.start, ss, NULL, NULL) ||
        (chain && prev->rank == RANK_IMPLEMENTS))
        return RANK_IMPLEMENTS;
    size_t head = chain ? sp.start : law_heading(x, t, ss, sp.start);
    if (head < sp.start) { /* the list's relation is its first law's */
        prev_mention none = {0};
        rel_rank r = relation_of(x, t, len, (vb_span){head, sp.start}, &none);
        if (r == RANK_IMPLEMENTS || r == RANK_BASIS) return r;
    }
    if (vb_rule_match(&x->relation, R_BASIS, t, len, ss, NULL, NULL)) return RANK_LOOSE_BASIS;
    return RANK_CITED;
}

/* ---- merging into d->references ---- */

static char *span_dup(vb_arena *a, const char *t, vb_span s) {
    return s.end > s.start ? vb_arena_strndup(a, t + s.start, s.end - s.start) : NULL;
}

/* Where each cited document already is in d->references, by its key: the
 * number, or type and date when unnumbered.  Open addressing; slot holds
 * the reference's index + 1, 0 when empty. */
typedef struct {
    size_t *slot;
    size_t cap;
    unsigned char *rank; /* rel_rank of each reference, by index */
    size_t rank_cap;
} ref_index;

/* A number as a key: uppercased (an all-capitals title writes "812/QĐ-TTG"
 * for the body's "812/QĐ-TTg") and without spaces; loose also drops hyphens
 * (OCR loses them: "1961/QĐUBND") and a "/yyyy" part equal to year.  Long
 * numbers are their own key. */
enum { KEY_RAW_MAX = 64, KEY_MAX = 4 * KEY_RAW_MAX };

static const char *number_key(const char *s, bool loose, int year, char out[KEY_MAX]) {
    int32_t n = (int32_t)strlen(s), i = 0, o = 0;
    if (n >= KEY_RAW_MAX) return s;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) return s; /* not UTF-8: compare as written */
        if (u_isUWhiteSpace(c) || (loose && c == '-')) continue;
        UBool bad = false;
        U8_APPEND(out, o, KEY_MAX - 1, u_toupper(c), bad);
        if (bad) return s;
    }
    out[o] = '\0';
    if (loose && year) { /* "1961/2019/QĐ-UBND" of a 2019 document is "1961/QĐUBND" */
        char y[8];
        snprintf(y, sizeof y, "/%04d/", year % 10000);
        char *at = strstr(out, y);
        if (at) memmove(at, at + 5, strlen(at + 5) + 1);
    }
    return out;
}

static bool same_key(const char *a, const char *b) {
    char ka[KEY_MAX], kb[KEY_MAX];
    return strcmp(number_key(a, false, 0, ka), number_key(b, false, 0, kb)) == 0;
}

/* Lowercase letters in s: the spelling with more of them is the body's. */
static size_t lowercase_count(const char *s) {
    int32_t n = (int32_t)strlen(s), i = 0;
    size_t k = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        k += c >= 0 && u_islower(c);
    }
    return k;
}

static uint64_t hash_str(uint64_t h, const char *s) {
    for (; s && *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static uint64_t key_hash(const char *number, const char *type, const char *date) {
    uint64_t h = 14695981039346656037ull;
    char k[KEY_MAX];
    return number ? hash_str(h, number_key(number, false, 0, k)) : hash_str(hash_str(h ^ 1, type), date);
}

static bool key_equal(const vb_reference *c, const char *number, const char *type, const char *date) {
    if (number) return c->number && same_key(c->number, number);
    return !c->number && c->doc_type && type && c->date && date && strcmp(c->doc_type, type) == 0 &&
           strcmp(c->date, date) == 0;
}

static bool has_key(const vb_reference *c) { return c->number || (c->doc_type && c->date); }

static size_t *index_slot(const ref_index *ix, const vb_doc *d, const char *number, const char *type,
                          const char *date) {
    size_t mask = ix->cap - 1, k = (size_t)key_hash(number, type, date) & mask;
    while (ix->slot[k] && !key_equal(&d->references.items[ix->slot[k] - 1], number, type, date))
        k = (k + 1) & mask;
    return &ix->slot[k];
}

/* Make room for one more key (load <= 1/2), rehashing what d holds. */
static vb_status index_reserve(ref_index *ix, const vb_doc *d) {
    if ((d->references.len + 1) * 2 <= ix->cap) return VB_OK;
    size_t cap = ix->cap ? ix->cap : 64;
    while ((d->references.len + 1) * 2 > cap) cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot);
    if (!slot) return VB_E_NOMEM;
    free(ix->slot);
    ix->slot = slot;
    ix->cap = cap;
    for (size_t i = 0; i < d->references.len; i++) {
        const vb_reference *c = &d->references.items[i];
        if (has_key(c)) *index_slot(ix, d, c->number, c->doc_type, c->date) = i + 1;
    }
    return VB_OK;
}

static vb_status rank_reserve(ref_index *ix, size_t n) {
    if (n <= ix->rank_cap) return VB_OK;
    size_t cap = ix->rank_cap ? ix->rank_cap * 2 : 64;
    while (cap < n) cap *= 2;
    unsigned char *p = realloc(ix->rank, cap);
    if (!p) return VB_E_NOMEM;
    ix->rank = p;
    ix->rank_cap = cap;
    return VB_OK;
}

static vb_status add_mention(vb_arena *a, vb_doc *d, ref_index *ix, const mention *m, const char *number) {
    const char *t = d->text;
    const char *date = m->date[0] ? m->date : NULL;
    if (index_reserve(ix, d) != VB_OK || rank_reserve(ix, d->references.len + 1) != VB_OK) return VB_E_NOMEM;
    size_t *slot = index_slot(ix, d, number, m->doc_type, date);
    vb_reference *r = *slot ? &d->references.items[*slot - 1] : NULL;
    if (!r) {
        vb_reference nr = {0};
        nr.span = m->span;
        nr.relation = rank_relation(m->rank);
        nr.number = number ? vb_arena_strdup(a, number) : NULL;
        if ((number && !nr.number) || VB_PUSH(a, d->references, nr)) return VB_E_NOMEM;
        r = &d->references.items[d->references.len - 1];
        ix->rank[d->references.len - 1] = (unsigned char)m->rank;
        /* an unnumbered act without type or date cannot be found again */
        if (number || (m->doc_type && date)) *slot = d->references.len;
    }
    if (VB_PUSH(a, r->mentions, m->span)) return VB_E_NOMEM;
    if (number && r->number && lowercase_count(number) > lowercase_count(r->number) &&
        !(r->number = vb_arena_strdup(a, number)))
        return VB_E_NOMEM;
    size_t at = (size_t)(r - d->references.items);
    if (m->rank > ix->rank[at]) {
        ix->rank[at] = (unsigned char)m->rank;
        r->relation = rank_relation(m->rank);
    }
    /* the first mention that says a thing says it */
    if (!r->doc_type && m->doc_type && !(r->doc_type = vb_arena_strdup(a, m->doc_type))) return VB_E_NOMEM;
    if (!r->doc_type_code && m->code && !(r->doc_type_code = vb_arena_strdup(a, m->code))) return VB_E_NOMEM;
    if (!r->date && m->date[0] && !(r->date = vb_arena_strdup(a, m->date))) return VB_E_NOMEM;
    if (!r->issuer && m->issuer.end > m->issuer.start && !(r->issuer = span_dup(a, t, m->issuer)))
        return VB_E_NOMEM;
    if (!r->subject && m->subject.end > m->subject.start && !(r->subject = span_dup(a, t, m->subject)))
        return VB_E_NOMEM;
    return VB_OK;
}

/* Whether number is the document's own (header) number, loosely: an OCR'd
 * header "1961/QĐUBND" is the "1961/2019/QĐ-UBND" of a 2019 title. */
static bool is_own_number(const vb_doc *d, const char *number) {
    if (!number || !d->header.number) return false;
    int year = vb_date_year_of(d->header.date);
    char ka[KEY_MAX], kb[KEY_MAX];
    return strcmp(number_key(number, true, year, ka), number_key(d->header.number, true, year, kb)) == 0;
}

/* ---- the number forms, tried only where a number can start ----
 *
 * A match of a number row begins with ASCII digits ([0-9]{1,6} official,
 * [0-9]{1,5} party), official with one optional ASCII lowercase letter
 * after them, and the pattern's next items are \s? then the row's sign: '/'
 * (official) or '-' (party).  Neither a \s character nor the letter nor
 * the sign is a digit, so a match starting at p takes the whole digit run
 * from p, which is then at most max_run long, and the sign is one of the
 * five bytes after the run (the letter, then a \s character of at most 3
 * bytes of UTF-8; invalid bytes match no \s).  The run is whole on the left
 * too: N_EDGE refuses a digit, letter, '/', '.' or '-' right before p.
 *
 * So with q the first sign at or after pos (memchr), a match starting in
 * [pos, q] has its sign at q itself (the run, letter and \s between cannot
 * hold an ASCII sign) and starts at most max_run + 4 bytes before it.  The
 * odd_slash row has no entry here and is searched plainly.  Those few
 * starts that pass the byte test are tried each alone (PCRE2 with an offset
 * limit, the cursor's compiled row); if none matches, the search goes on
 * after q.  This finds the leftmost match from pos, groups included, as the
 * plain search does; vb_references_numbers_check holds it to that. */
typedef struct {
    char sign;
    size_t max_run;
} number_shape;

static const number_shape number_shapes[] = {
    [NUM_OFFICIAL] = {'/', 6},
    [NUM_PARTY] = {'-', 5},
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The ASCII bytes N_EDGE refuses before a match (digits, letters, / . -). */
static bool edge_refuses(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '.' ||
           c == '-';
}

/* A start the byte test admits: a digit run beginning at p, not after a
 * byte N_EDGE refuses, at most max_run long, the sign within 5 bytes. */
static bool number_can_start(const char *t, size_t len, size_t p, const number_shape *sh) {
    if (!is_digit(t[p]) || (p > 0 && edge_refuses(t[p - 1]))) return false;
    size_t r = p;
    while (r < len && is_digit(t[r])) r++;
    if (r - p > sh->max_run) return false;
    for (size_t k = r; k < len && k < r + 5; k++)
        if (t[k] == sh->sign) return true;
    return false;
}

/* What vb_rule_match(&x->numbers, i, t, len, pos, …) returns, by the test
 * above.  Rows not on the cursor's memchr path, or a PCRE2 error at a
 * start (a limit), go to the plain search: no match starts before it. */
static bool next_number(const vb_references_rules *x, size_t i, const char *t, size_t len, size_t pos,
                        const size_t **ov) {
    const vb_ruleset *rs = &x->numbers;
    int tag = rs->rules[i].row->tag;
    if (!vb_rule_cursor_fast(rs, i) || tag < 0 || (size_t)tag >= N_ROWS(number_shapes))
        return vb_rule_match(rs, i, t, len, pos, ov, NULL);
    const number_shape *sh = &number_shapes[tag];
    while (pos < len) {
        const char *hit = memchr(t + pos, sh->sign, len - pos);
        if (!hit) return false;
        size_t q = (size_t)(hit - t), back = sh->max_run + 4;
        for (size_t p = q - pos > back ? q - back : pos; p < q; p++) {
            if (!number_can_start(t, len, p, sh)) continue;
            int rc = vb_rule_try_at(rs, i, t, len, p, ov);
            if (rc > 0) return true;
            if (rc < 0) return vb_rule_match(rs, i, t, len, p, ov, NULL);
        }
        pos = q + 1;
    }
    return false;
}

void vb_references_plain_scans(vb_references_rules *x) {
    vb_ruleset_plain(&x->numbers);
    vb_ruleset_plain(&x->laws);
}

vb_status vb_references_numbers_check(vb_references_rules *x, const char *text, size_t len, bool *same,
                                      size_t *found) {
    *same = true;
    *found = 0;
    for (size_t i = 0; i < x->numbers.len; i++) {
        size_t pos = 0;
        for (;;) {
            const size_t *ov;
            bool plain = pos <= len && vb_rule_match(&x->numbers, i, text, len, pos, &ov, NULL);
            size_t s = plain ? ov[0] : 0, e = plain ? ov[1] : 0;
            bool fast = pos <= len && next_number(x, i, text, len, pos, &ov);
            if (plain != fast || (fast && (ov[0] != s || ov[1] != e))) {
                *same = false;
                return VB_OK;
            }
            if (!plain) break;
            ++*found;
            pos = vb_rule_next_start(text, len, s, e);
        }
    }
    return VB_OK;
}

static bool only_spaces(const char *t, size_t s, size_t e) {
    while (s < e && is_space(t[s])) s++;
    return s == e;
}

/* "số 1 17/2018/NĐ-CP": OCR split the number; where its first digits start
 * (ns when nothing is split off). */
static size_t split_start(const char *t, size_t ns) {
    if (ns < 2 || t[ns - 1] != ' ' || !is_digit(t[ns - 2])) return ns;
    size_t b = ns - 1;
    while (b > 0 && ns - 1 - b < 3 && is_digit(t[b - 1])) b--;
    if (b > 0 && (is_digit(t[b - 1]) || !is_space(t[b - 1]))) return ns;
    return b;
}

/* "Luật Quản lý thuế số 38/2019/QH14": the law's name before a bare "số"
 * gives the type, and the mention starts at it. */
static void law_before(const vb_references_rules *x, const char *t, mention *m) {
    size_t from = utf8_back(t, m->span.start, 160), ts, te;
    const size_t *ov;
    if (!vb_rule_match(&x->laws, LAW_BEFORE_NUMBER, t, m->span.start, from, &ov, NULL) ||
        !vb_rule_group(&x->laws, LAW_BEFORE_NUMBER, "type", &ts, &te))
        return;
    const vb_doctype *ty = vb_doctype_by_name(t + ts, te - ts);
    m->doc_type = ty ? ty->name : "Bộ luật";
    m->span.start = ov[0];
}

/* A number with no type word or "số" before it is still a citation when its
 * symbol is a full one (a year and a known type code, "09/2019/NĐ-CP") and
 * its date follows ("ngày …"): a preamble line that lost its first words.
 * Never a "Số:" label, which is a document's own number. */
static bool dated_symbol(const char *t, size_t len, size_t ns, size_t ne, const char *number) {
    size_t b = ns;
    while (b > 0 && is_space(t[b - 1])) b--;
    if (b > 0 && t[b - 1] == ':') return false;
    const char *c, *name, *code;
    size_t n;
    const char *p = number;
    while (is_digit(*p)) p++;
    if (!(p[0] == '/' && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && is_digit(p[4]) &&
          p[5] == '/') ||
        !symbol_code(number, &c, &n) || !type_of_code(c, n, &name, &code))
        return false;
    size_t k = ne;
    while (k < len && (is_space(t[k]) || t[k] == ',')) k++;
    char iso[11];
    return len - k > 5 && (memcmp(t + k, "ngày", 5) == 0 || memcmp(t + k, "Ngày", 5) == 0) &&
           vb_date_parse_vn(t + k, len - k, iso, NULL);
}

/* The date the words before a citation give when its own do not:
 * "… ngày 13 tháng 5 năm 2016 (Công văn số …)", and "Ngày 10/1/2019, Tổng
 * cục Thuế đã ban hành Quyết định số …; Quyết định số …", where the whole
 * list shares it (listed). */
static void date_before(const vb_references_rules *x, const char *t, size_t len, mention *m,
                        const prev_mention *prev, char listed[11]) {
    size_t p = m->span.start;
    while (p > 0 && is_space(t[p - 1])) p--;
    if (p > 0 && t[p - 1] == '(') {
        size_t e = p - 1;
        while (e > 0 && is_space(t[e - 1])) e--;
        size_t used;
        for (size_t b = e > 40 ? e - 40 : 0; b < e; b++) {
            if (b > 0 && (is_digit(t[b - 1]) || ((t[b - 1] | 0x20) >= 'a' && (t[b - 1] | 0x20) <= 'z')))
                continue;
            if (vb_date_parse_vn(t + b, e - b, m->date, &used) && used == e - b) return;
        }
        m->date[0] = '\0';
    }
    size_t ss = sentence_start(t, m->span.start), used;
    /* the sentence's first citation, after the last "ngày <date>" before it */
    if (!(prev->valid && prev->sentence == ss)) {
        for (size_t k = m->span.start; k > ss; k--) {
            if ((t[k - 1] != 'n' && t[k - 1] != 'N') || (k >= 2 && !is_space(t[k - 2]) && t[k - 2] != ',') ||
                !vb_date_parse_vn(t + k - 1, m->span.start - (k - 1), m->date, &used))
                continue;
            size_t e = k - 1 + used;
            if (vb_rule_match(&x->relation, R_ISSUED_ON, t + e, m->span.start - e, 0, NULL, NULL)) {
                memcpy(listed, m->date, 11);
                return;
            }
            break;
        }
    }
    m->date[0] = '\0';
    if (prev->listed_date[0] && chained(x, t, m->span, prev)) {
        memcpy(m->date, prev->listed_date, 11);
        memcpy(listed, m->date, 11);
    }
    (void)len;
}

static vb_status numbered_in(const vb_references_rules *x, vb_doc *d, vb_arena *a, ref_index *ix,
                             unsigned char *mask, prev_mention *prev, vb_buf *scratch) {
    const char *t = d->text;
    size_t len = d->text_len;
    const vb_span hn = d->header.number_span;
    size_t pos = 0;
    const size_t *ov;
    /* numbers in reading order, whichever form; each form's next match is
     * kept until passed, so the text is scanned once per form */
    enum { MAX_FORMS = 4 };
    size_t next_s[MAX_FORMS], next_e[MAX_FORMS];
    bool known[MAX_FORMS] = {false};
    size_t forms = x->numbers.len < MAX_FORMS ? x->numbers.len : MAX_FORMS;
    for (;;) {
        size_t ns = len, ne = len;
        for (size_t i = 0; i < forms; i++) {
            if (!known[i] || (next_s[i] < pos && next_s[i] < len)) {
                known[i] = true;
                next_s[i] = next_e[i] = len; /* none left */
                if (next_number(x, i, t, len, pos, &ov)) {
                    next_s[i] = ov[0];
                    next_e[i] = ov[1];
                }
            }
            if (next_s[i] < ns) {
                ns = next_s[i];
                ne = next_e[i];
            }
        }
        if (ns >= len) break;
        pos = vb_rule_next_start(t, len, ns, ne);
        if (hn.end > hn.start && ns < hn.end && hn.start < ne) continue; /* the header's own "Số:" */
        mention m;
        memset(&m, 0, sizeof m);
        bool prefixed = read_prefix(x, t, ns, &m);
        size_t split = split_start(t, ns);
        if (!prefixed && split < ns && read_prefix(x, t, split, &m)) prefixed = true, ns = split;
        m.number = (vb_span){ns, ne};
        char *number = strip_spaces(scratch, t, m.number);
        if (!number) return VB_E_NOMEM;
        if (!prefixed && !(m.span.start = ns, dated_symbol(t, len, ns, ne, number))) continue;
        if (is_own_number(d, number)) continue; /* the document itself */
        infer_type(number, &m);
        if (!m.doc_type) law_before(x, t, &m);
        read_tail(x, t, len, ne, &m);
        char listed[11] = "";
        if (!m.date[0]) date_before(x, t, len, &m, prev, listed);
        m.rank = relation_of(x, t, len, m.span, prev);
        /* a short name in parentheses leaves the list it interrupts open, and
         * a citation inside the subject of the one before ("… ban hành Kế
         * hoạch triển khai Nghị quyết số …") belongs to that list item */
        bool after =
            prev->valid && prev->end <= m.span.start && prev->sentence == sentence_start(t, m.span.start);
        bool aside = after && vb_rule_match(&x->relation, R_ASIDE, t + prev->end, m.span.start - prev->end, 0,
                                            NULL, NULL);
        if (after && !aside && only_spaces(t, prev->end, m.span.start)) {
            prev->end = m.span.end;
        } else if (!aside) {
            *prev = (prev_mention){true, sentence_start(t, m.span.start), m.span.end, m.rank, ""};
            memcpy(prev->listed_date, listed, sizeof listed);
        }
        memset(mask + m.span.start, 1, m.span.end - m.span.start);
        vb_status s = add_mention(a, d, ix, &m, number);
        if (s != VB_OK) return s;
        if (m.span.end > pos) pos = m.span.end;
    }
    return VB_OK;
}

static vb_status numbered(const vb_references_rules *x, vb_doc *d, vb_arena *a, ref_index *ix,
                          unsigned char *mask, prev_mention *prev) {
    vb_buf scratch;
    vb_buf_init(&scratch);
    vb_status s = numbered_in(x, d, a, ix, mask, prev, &scratch);
    vb_buf_free(&scratch);
    return s;
}

static vb_status by_name(const vb_references_rules *x, vb_doc *d, vb_arena *a, ref_index *ix,
                         const unsigned char *mask) {
    const char *t = d->text;
    size_t len = d->text_len, pos = 0;
    const size_t *ov;
    prev_mention none = {0};
    vb_rule_cursor cur; /* pos only grows */
    vb_rule_cursor_init(&cur, &x->laws, 0, t, len);
    while (vb_rule_cursor_next(&cur, pos, &ov)) {
        size_t s = ov[0], e = ov[1];
        pos = vb_rule_next_start(t, len, s, e);
        if (mask[s]) continue; /* already part of a numbered citation */
        size_t ts, te, ns, ne, ys, ye;
        if (!vb_rule_group(&x->laws, 0, "type", &ts, &te) || !vb_rule_group(&x->laws, 0, "name", &ns, &ne))
            continue;
        mention m;
        memset(&m, 0, sizeof m);
        m.span = (vb_span){s, e};
        if (vb_rule_group(&x->laws, 0, "year", &ys, &ye)) {
            int y = 0;
            for (size_t k = ys; k < ye; k++) y = y * 10 + (t[k] - '0');
            if (!vb_date_format(y, 0, 0, m.date)) continue;
        } else {
            size_t used;
            if (!vb_date_parse_vn(t + e, len - e, m.date, &used)) continue;
            m.span.end = e + used;
        }
        const vb_doctype *ty = vb_doctype_by_name(t + ts, te - ts);
        m.doc_type = ty ? ty->name : NULL;
        char *written = NULL;
        if (!ty && !(written = vb_arena_strndup(a, t + ts, te - ts))) return VB_E_NOMEM;
        if (written) m.doc_type = written;
        m.subject = (vb_span){ns, ne};
        trim(t, &m.subject);
        m.rank = relation_of(x, t, len, m.span, &none);
        vb_status st = add_mention(a, d, ix, &m, NULL);
        if (st != VB_OK) return st;
        if (m.span.end > pos) pos = m.span.end;
    }
    return VB_OK;
}

vb_status vb_references_extract(vb_references_rules *x, vb_doc *d, vb_arena *a) {
    if (!x || !d || !a) return VB_E_INTERNAL;
    if (!d->text || d->text_len == 0) return VB_OK;
    unsigned char *mask = calloc(d->text_len, 1);
    if (!mask) return VB_E_NOMEM;
    prev_mention prev = {0};
    ref_index ix = {0};
    vb_status s = numbered(x, d, a, &ix, mask, &prev);
    if (s == VB_OK) s = by_name(x, d, a, &ix, mask);
    free(ix.slot);
    free(ix.rank);
    free(mask);
    return s;
}

/* The tables with their examples, for tests/unit/test_rule_examples.c. */
static const vb_rule_table rule_tables[] = {
    VB_RULE_TABLE("references.numbers", number_rows, number_rows_examples),
    VB_RULE_TABLE("references.tail", tail_rows, tail_rows_examples),
    VB_RULE_TABLE("references.relation", relation_rows, relation_rows_examples),
    VB_RULE_TABLE("references.laws", law_rows, law_rows_examples),
};
const vb_rule_table *vb_references_rule_tables(size_t *n) {
    *n = sizeof rule_tables / sizeof *rule_tables;
    return rule_tables;
}
