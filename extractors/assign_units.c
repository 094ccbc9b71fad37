#include "assign_units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign_data.h"
#include "../pipeline/rules/rules.h"

/* The patterns; "@HEADS@", "@VERBS@" and "@NAMES@" stand for the
 * alternations built from the data lists (sorted longest first), the
 * VB_ALT_* lists are embedded as written. */
#include "assign-caps-not-unit-words.alt.inc"
#include "assign-name-words.alt.inc"
#include "assign-not-name-words.alt.inc"
#include "assign-unit-heads-caps.alt.inc"
enum {
    P_LEAD,        /* emphasis marks and blanks before the words */
    P_REQUEST,     /* "Đề nghị": the unit is asked */
    P_GIVE,        /* "Giao", "Phân công": the issuer gives the unit work */
    P_COMRADE,     /* "đồng chí" before an office holder */
    P_HEAD,        /* the words a name starts with */
    P_CAPS,        /* a name set in capitals: "2. CÔNG AN TỈNH" */
    P_VERB,        /* a task verb after the name */
    P_VERB_AT,     /* a task verb right here */
    P_NAME,        /* a known full name */
    P_NAME_ENDS,   /* a lowercase word no name goes on with */
    P_TITLE,       /* an office holder by title and person name */
    P_PASSIVE,     /* "… được phân công": a verb inside a relative clause */
    P_DUTY,        /* "có trách nhiệm": the predicate after such a clause */
    P_ROLE_NOTE,   /* "(cơ quan thường trực)" after a name */
    P_CLAUSE,      /* an opening clause before the subject */
    P_REQUEST_IN,  /* "yêu cầu", "đề nghị" inside a sentence */
    P_AUTHOR_VERB, /* the verbs of an issuer speaking */
    P_NOT_NAME,    /* words no name holds */
    P_COUNT
};

/* Each with a name and an example it must match (searched from the start,
 * as the tests do: tests/unit/test_rule_examples.c). */
static const struct {
    const char *pattern;
    unsigned flags;
    const char *name, *example;
} patterns[P_COUNT] = {
    [P_LEAD] = {"\\G[\\s*_]*", VB_RULE_CASED, "lead", "** "},
    [P_REQUEST] = {"\\G(?:Kính\\s+)?(?:Đề|đề)\\s+nghị\\s+", VB_RULE_CASED, "request", "Đề nghị "},
    [P_GIVE] = {"\\G(?:Giao(?:\\s+cho)?|GIAO|Phân\\s+công)\\s+(?=\\p{Lu}|các\\s)", VB_RULE_CASED, "give",
                "Giao Sở Y tế"},
    [P_COMRADE] = {"\\G(?:các\\s+)?(?:đồng|Đồng)\\s+chí\\s+", VB_RULE_CASED, "comrade", "đồng chí "},
    [P_HEAD] = {"\\G@HEADS@", VB_RULE_CASED, "head", "Sở Y tế"},
    [P_CAPS] = {"\\G" VB_ALT_ASSIGN_UNIT_HEADS_CAPS "(?!,?\\s+" VB_ALT_ASSIGN_CAPS_NOT_UNIT_WORDS
                "\\b)\\s+\\p{Lu}\\p{Lu}*\\b(?!\\s+\\p{Ll})",
                VB_RULE_CASED, "caps", "CÔNG AN TỈNH"},
    [P_VERB] = {"(?<=[\\s,])@VERBS@", VB_RULE_CASED, "verb", "Sở Y tế chủ trì"},
    [P_VERB_AT] = {"\\G\\s*@VERBS@", VB_RULE_CASED, "verb_at", " chủ trì"},
    [P_NAME] = {"\\G@NAMES@", VB_RULE_CASED, "name", "Bộ Công an"},
    [P_NAME_ENDS] = {"\\G(?:\\s*\\([\\p{Lu}&]{2,}\\))?[ \\t]+(?=\\p{Ll})(?!" VB_ALT_ASSIGN_NAME_WORDS
                     "(?![\\p{L}\\p{N}]))",
                     VB_RULE_CASED, "name_ends", " triển khai"},
    [P_TITLE] = {"\\GPhó\\s+Thủ\\s+tướng(?:\\s+Chính\\s+phủ)?(?:\\s+\\p{Lu}\\p{L}*)+", VB_RULE_CASED, "title",
                 "Phó Thủ tướng Lê Văn Thành"},
    [P_PASSIVE] = {"(?<![\\p{L}])được(?:\\s+\\p{Ll}+){0,3}\\s*\\z", VB_RULE_CASED, "passive",
                   "đơn vị được phân công"},
    [P_DUTY] = {"(?<=[\\s,])(?:có|chịu)\\s+trách\\s+nhiệm(?![\\p{L}])", VB_RULE_CASED, "duty",
                "Sở Y tế có trách nhiệm"},
    [P_ROLE_NOTE] = {"\\s*\\((?:là\\s+)?(?:cơ\\s+quan\\s+)?(?:thường\\s+trực|chủ\\s+trì|đầu\\s+mối)[^)]*\\)",
                     0, "role_note", " (cơ quan thường trực)"},
    [P_CLAUSE] = {"\\G(?:Căn\\s+cứ|Để|Trên\\s+cơ\\s+sở|Nhằm)\\s", VB_RULE_CASED, "clause", "Căn cứ "},
    [P_REQUEST_IN] = {"(?<=[\\s,])(?:yêu\\s+cầu|đề\\s+nghị)\\s+", VB_RULE_CASED, "request_in",
                      "UBND tỉnh yêu cầu "},
    [P_AUTHOR_VERB] = {"\\A(?:đề\\s+nghị|yêu\\s+cầu|thông\\s+báo)\\z", VB_RULE_CASED, "author_verb",
                       "đề nghị"},
    /* ... or a document's number ("Công văn số 847/UBND-VX1"): a name
     * never cites a document, a sentence about one does */
    [P_NOT_NAME] = {"(?<![\\p{L}])" VB_ALT_ASSIGN_NOT_NAME_WORDS "(?![\\p{L}])|\\d/\\p{Lu}", VB_RULE_CASED,
                    "not_name", "các đơn vị đã triển khai"},
};

struct vb_unit_rules {
    pcre2_code *code[P_COUNT];
    pcre2_match_data *md;
    vb_rule_row rows[P_COUNT]; /* for tests: the patterns as expanded (owned) */
    const char *examples[P_COUNT];
    vb_rule_table table;
};

/* The pattern with each @KEY@ replaced by the alternation of its list. */
static char *expand(const char *pattern, char *const alt[3]) {
    static const char *const keys[3] = {"@HEADS@", "@VERBS@", "@NAMES@"};
    size_t cap = strlen(pattern) + 1;
    for (int k = 0; k < 3; k++) cap += strlen(alt[k]);
    char *out = malloc(cap);
    if (!out) return NULL;
    size_t len = 0;
    for (const char *p = pattern; *p;) {
        int hit = -1;
        for (int k = 0; k < 3 && hit < 0; k++)
            if (strncmp(p, keys[k], strlen(keys[k])) == 0) hit = k;
        if (hit >= 0) {
            size_t n = strlen(alt[hit]);
            memcpy(out + len, alt[hit], n);
            len += n;
            p += strlen(keys[hit]);
        } else {
            out[len++] = *p++;
        }
    }
    out[len] = '\0';
    return out;
}

vb_status vb_units_open(vb_unit_rules **out, char *err, size_t errlen) {
    vb_unit_rules *r = calloc(1, sizeof *r);
    char *alt[3] = {vb_assign_alternation(VB_LIST_UNIT_HEADS), vb_assign_alternation(VB_LIST_TASK_VERBS),
                    vb_assign_alternation(VB_LIST_UNIT_NAMES)};
    vb_status s = r && alt[0] && alt[1] && alt[2] ? VB_OK : VB_E_NOMEM;
    for (int i = 0; s == VB_OK && i < P_COUNT; i++) {
        char *p = expand(patterns[i].pattern, alt);
        if (!p) {
            s = VB_E_NOMEM;
            break;
        }
        char e[256];
        r->rows[i] = (vb_rule_row){patterns[i].name, p, i, NULL, patterns[i].flags};
        r->examples[i] = patterns[i].example;
        r->code[i] = vb_rule_compile_one(p, patterns[i].flags, e, sizeof e);
        if (!r->code[i]) {
            if (err) snprintf(err, errlen, "unit pattern %d: %s", i, e);
            s = VB_E_REGEX;
        }
    }
    for (int k = 0; k < 3; k++) free(alt[k]);
    if (s == VB_OK && !(r->md = pcre2_match_data_create(4, NULL))) s = VB_E_NOMEM;
    if (s != VB_OK) {
        vb_units_close(r);
        return s;
    }
    r->table = (vb_rule_table){"assignments.units", r->rows, r->examples, P_COUNT};
    *out = r;
    return VB_OK;
}

const vb_rule_table *vb_units_built_table(const vb_unit_rules *r) { return &r->table; }

void vb_units_close(vb_unit_rules *r) {
    if (!r) return;
    for (int i = 0; i < P_COUNT; i++) {
        pcre2_code_free(r->code[i]);
        free((char *)r->rows[i].pattern);
    }
    pcre2_match_data_free(r->md);
    free(r);
}

/* Pattern i in text[from..end): the match's byte range, or false. */
static bool find(vb_unit_rules *r, int i, const char *text, size_t from, size_t end, vb_span *hit) {
    if (from > end) return false;
    int rc = pcre2_match(r->code[i], (PCRE2_SPTR)text, end, from, 0, r->md, NULL);
    if (rc <= 0) return false;
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    if (hit) *hit = (vb_span){ov[0], ov[1]};
    return true;
}

static bool trailing_junk(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == '.' || c == ',' || c == ';' ||
           c == '-' || c == '*' || c == '_';
}

/* Where the name that starts at `from` (its head ending at head_end) stops
 * before a task verb, or false when no verb follows within [from, stop). */
static bool verb_edge(vb_unit_rules *r, const char *text, size_t from, size_t head_end, size_t stop,
                      vb_span *verb) {
    size_t at = from;
    vb_span v;
    while (find(r, P_VERB, text, at, stop, &v)) {
        size_t gap = head_end;
        while (gap < v.start && (text[gap] == ' ' || text[gap] == '\n' || text[gap] == '\t')) gap++;
        if (gap >= v.start) { /* "Cơ quan phối hợp": the verb names the body */
            at = v.end;
            continue;
        }
        /* "các sở được phân công chủ trì … có trách nhiệm": the first verb is
         * inside a relative clause; the predicate comes with "có trách nhiệm" */
        vb_span d;
        if (find(r, P_PASSIVE, text, from, v.start, NULL) && find(r, P_DUTY, text, v.end, stop, &d)) v = d;
        *verb = v;
        return true;
    }
    return false;
}

bool vb_unit_at(vb_unit_rules *r, const char *text, size_t start, size_t end, vb_unit_match *m) {
    vb_span h;
    vb_unit_match u = {.name = {start, end}};
    size_t pos = start;
    if (find(r, P_LEAD, text, pos, end, &h)) pos = h.end;
    if (find(r, P_REQUEST, text, pos, end, &h)) {
        u.requested = true;
        pos = h.end;
    } else if (find(r, P_GIVE, text, pos, end, &h)) {
        u.given = true;
        pos = h.end;
    }
    if (find(r, P_COMRADE, text, pos, end, &h)) pos = h.end;
    u.name.start = pos;
    size_t head_end;
    if (find(r, P_HEAD, text, pos, end, &h))
        head_end = h.end;
    else if ((u.capitals = find(r, P_CAPS, text, pos, end, &h)))
        head_end = h.end;
    else
        return false;

    size_t stop = end;
    const char *colon = memchr(text + head_end, ':', end - head_end);
    if (colon) {
        size_t c = (size_t)(colon - text), k = head_end;
        while (k < c && (text[k] == ' ' || text[k] == '*')) k++;
        if (k == c) /* "Các Bộ: Khoa học và Công nghệ, …": a list follows the colon */
            colon = memchr(text + c + 1, ':', end - c - 1);
    }
    if (colon) {
        stop = (size_t)(colon - text);
        u.edge = VB_UNIT_BY_COLON;
    }
    if (verb_edge(r, text, u.name.start, head_end, stop, &u.verb)) {
        stop = u.verb.start;
        u.edge = VB_UNIT_BY_VERB;
    }
    vb_span n;
    if ((find(r, P_TITLE, text, u.name.start, stop, &n) || find(r, P_NAME, text, u.name.start, stop, &n)) &&
        n.end < stop) {
        vb_span v;
        if (find(r, P_VERB_AT, text, n.end, end, &v)) {
            stop = n.end;
            u.edge = VB_UNIT_BY_VERB;
            u.verb = v;
            while (u.verb.start < v.end &&
                   (text[u.verb.start] == ' ' || text[u.verb.start] == '\t' || text[u.verb.start] == '\n'))
                u.verb.start++;
        } else if (find(r, P_NAME_ENDS, text, n.end, end, NULL)) {
            stop = n.end;
            u.edge = VB_UNIT_BY_NAME;
        }
    }
    if (find(r, P_ROLE_NOTE, text, u.name.start, stop, &h)) stop = h.start;
    while (stop > u.name.start && trailing_junk(text[stop - 1])) stop--;
    if (stop <= u.name.start || stop - u.name.start > 320) return false;
    if (find(r, P_NOT_NAME, text, u.name.start, stop, NULL)) return false;
    if (u.edge == VB_UNIT_BY_END && stop - u.name.start > 200) return false;
    u.name.end = stop;
    u.rest = u.edge == VB_UNIT_BY_COLON  ? (size_t)(colon - text) + 1
             : u.edge == VB_UNIT_BY_VERB ? u.verb.start
             : u.edge == VB_UNIT_BY_END  ? end
                                         : stop;
    while (u.rest < end && (text[u.rest] == ' ' || text[u.rest] == '\t' || text[u.rest] == '*')) u.rest++;
    *m = u;
    return true;
}

bool vb_unit_after_clause(vb_unit_rules *r, const char *text, size_t start, size_t end, vb_unit_match *m) {
    vb_span h;
    size_t pos = start;
    if (find(r, P_LEAD, text, pos, end, &h)) pos = h.end;
    if (!find(r, P_CLAUSE, text, pos, end, NULL)) return false;
    size_t limit = end - pos > 400 ? pos + 400 : end;
    for (size_t i = pos; i < limit; i++) {
        if (text[i] != ',') continue;
        size_t q = i + 1;
        while (q < end && (text[q] == ' ' || text[q] == '\n')) q++;
        vb_unit_match u;
        if (vb_unit_at(r, text, q, end, &u) && u.edge == VB_UNIT_BY_VERB && !u.requested && !u.given &&
            !vb_unit_verb_is_request(r, text, u.verb)) {
            *m = u;
            return true;
        }
    }
    return false;
}

bool vb_unit_after_request(vb_unit_rules *r, const char *text, size_t start, size_t end, vb_unit_match *m) {
    vb_span h;
    for (size_t at = start; find(r, P_REQUEST_IN, text, at, end, &h); at = h.end) {
        vb_unit_match u;
        if (!vb_unit_at(r, text, h.end, end, &u) || u.edge == VB_UNIT_BY_END) continue;
        u.requested = text[h.start] != 'y'; /* "đề nghị", not "yêu cầu" */
        *m = u;
        return true;
    }
    return false;
}

bool vb_unit_verb_is_request(const vb_unit_rules *r, const char *text, vb_span verb) {
    vb_unit_rules *w = (vb_unit_rules *)r; /* only the match data is written */
    return find(w, P_AUTHOR_VERB, text + verb.start, 0, verb.end - verb.start, NULL);
}
