/* cmp_model.c — loading plans from contract JSON (or from the pipeline, via
 * the same JSON) into a vb_cmp_set. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../emit/json_write.h"
#include "compare.h"

const char *const vb_cmp_themes[VB_CMP_N_THEMES + 1] = {"training",    "communication", "inspection",
                                                        "enforcement", "reintegration", "healthy_communes",
                                                        "integration", "other",         NULL};

int vb_cmp_theme_index(const char *theme) {
    for (int i = 0; theme && i < VB_CMP_N_THEMES - 1; i++)
        if (!strcmp(theme, vb_cmp_themes[i])) return i;
    return VB_CMP_N_THEMES - 1;
}

vb_status vb_cmp_set_new(vb_cmp_set **out) {
    *out = NULL;
    vb_arena *a = vb_arena_create();
    if (!a) return VB_E_NOMEM;
    vb_cmp_set *s = vb_arena_alloc(a, sizeof *s);
    if (!s) {
        vb_arena_destroy(a);
        return VB_E_NOMEM;
    }
    s->arena = a;
    vb_status st = vb_folder_open(&s->folder);
    if (st != VB_OK) {
        vb_arena_destroy(a);
        return st;
    }
    *out = s;
    return VB_OK;
}

void vb_cmp_set_free(vb_cmp_set *s) {
    if (!s) return;
    vb_folder_close(s->folder);
    vb_arena_destroy(s->arena);
}

/* ---- JSON field access: anything of the wrong type reads as absent ------- */

static char *jstr(vb_arena *a, const json_t *o, const char *key) {
    const json_t *v = json_object_get(o, key);
    if (!json_is_string(v)) return NULL;
    return vb_arena_strndup(a, json_string_value(v), json_string_length(v));
}

static bool jnum(const json_t *o, const char *key, double *out) {
    const json_t *v = json_object_get(o, key);
    if (!json_is_number(v)) return false;
    *out = json_number_value(v);
    return true;
}

/* Index of every code point's first byte, so spans (code points) map to
 * bytes in O(1). */
static vb_status index_text(vb_arena *a, vb_cmp_plan *p) {
    size_t n = 0;
    for (size_t i = 0; i < p->text_len; i++)
        if (((unsigned char)p->text[i] & 0xC0) != 0x80) n++;
    p->cp_byte = vb_arena_alloc(a, (n + 1) * sizeof *p->cp_byte);
    if (!p->cp_byte) return VB_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < p->text_len; i++)
        if (((unsigned char)p->text[i] & 0xC0) != 0x80) p->cp_byte[k++] = i;
    p->cp_byte[n] = p->text_len;
    p->n_cp = n;
    return VB_OK;
}

enum { CONTEXT_MAX = 400 }; /* bytes either side of a fact, at most */

/* Widen the fact to its sentence: back to a line start or after ". ",
 * forward to a line end or a full stop.  A sentence longer than the bound is
 * cut at a space (and flagged), so the quote never starts mid-word. */
static void sentence_around(const vb_cmp_plan *p, vb_cmp_source *q) {
    const char *t = p->text;
    size_t b = q->fact_start, e = q->fact_end;
    size_t lo = b > CONTEXT_MAX ? b - CONTEXT_MAX : 0;
    size_t i = b;
    while (i > lo && t[i - 1] != '\n' && !(i >= 2 && t[i - 1] == ' ' && t[i - 2] == '.')) i--;
    if (i == lo && i > 0 && t[i - 1] != '\n') {
        while (i < b && t[i] != ' ') i++;
        q->cut_before = true;
    }
    while (i < b && (t[i] == ' ' || t[i] == '\t')) i++;
    size_t hi = e + CONTEXT_MAX < p->text_len ? e + CONTEXT_MAX : p->text_len;
    size_t j = e;
    while (j < hi && t[j] != '\n') {
        if (t[j] == '.' && (j + 1 == p->text_len || t[j + 1] == ' ' || t[j + 1] == '\n')) {
            j++;
            break;
        }
        j++;
    }
    if (j == hi && hi < p->text_len && t[j] != '\n') {
        while (j > e && t[j - 1] != ' ') j--;
        q->cut_after = true;
    }
    q->ctx_start = i;
    q->ctx_end = j;
}

/* A source for the span object `span`; -1 when it is missing or does not fit
 * the text (hostile or stale JSON). */
static int add_source(vb_arena *a, vb_cmp_plan *p, const json_t *span) {
    const json_t *js = json_object_get(span, "start"), *je = json_object_get(span, "end");
    if (!json_is_integer(js) || !json_is_integer(je)) return -1;
    json_int_t s = json_integer_value(js), e = json_integer_value(je);
    if (s < 0 || e < s || (size_t)e > p->n_cp) return -1;
    /* Facts often share a sentence; reuse a recent identical span. */
    size_t from = p->sources.len > 64 ? p->sources.len - 64 : 0;
    for (size_t i = from; i < p->sources.len; i++)
        if (p->sources.items[i].cp_start == (size_t)s && p->sources.items[i].cp_end == (size_t)e)
            return (int)i;
    vb_cmp_source src = {(size_t)s, (size_t)e, p->cp_byte[s], p->cp_byte[e], 0, 0, false, false};
    sentence_around(p, &src);
    if (p->sources.len >= (size_t)INT_MAX || VB_PUSH(a, p->sources, src)) return -2;
    return (int)(p->sources.len - 1);
}

#define SRC_OR_FAIL(var, expr)              \
    do {                                    \
        (var) = (expr);                     \
        if ((var) == -2) return VB_E_NOMEM; \
    } while (0)

static vb_status load_targets(vb_arena *a, vb_cmp_plan *p, const json_t *arr) {
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        vb_cmp_target t = {0};
        if (!json_is_object(o) || !jnum(o, "value", &t.value)) continue;
        t.has_from = jnum(o, "from", &t.from);
        t.text = jstr(a, o, "text");
        t.unit = jstr(a, o, "unit");
        t.comparator = jstr(a, o, "comparator");
        t.indicator = jstr(a, o, "indicator");
        t.theme = jstr(a, o, "theme");
        t.theme_index = vb_cmp_theme_index(t.theme);
        SRC_OR_FAIL(t.src, add_source(a, p, json_object_get(o, "span")));
        if (VB_PUSH(a, p->targets, t)) return VB_E_NOMEM;
    }
    return VB_OK;
}

static vb_status load_units(vb_arena *a, vb_cmp_plan *p, const json_t *arr) {
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        vb_cmp_unit u = {0};
        if (!json_is_object(o) || !(u.unit = jstr(a, o, "unit"))) continue;
        u.role = jstr(a, o, "role");
        u.section = jstr(a, o, "section");
        const json_t *tasks = json_object_get(o, "tasks");
        u.n_tasks = json_is_array(tasks) ? json_array_size(tasks) : 0;
        u.sector = -1;
        SRC_OR_FAIL(u.src, add_source(a, p, json_object_get(o, "span")));
        if (VB_PUSH(a, p->units, u)) return VB_E_NOMEM;
    }
    return VB_OK;
}

static vb_status load_refs(vb_arena *a, vb_cmp_plan *p, const json_t *arr) {
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        vb_cmp_ref r = {0};
        if (!json_is_object(o)) continue;
        r.doc_type = jstr(a, o, "doc_type");
        r.doc_type_code = jstr(a, o, "doc_type_code");
        r.number = jstr(a, o, "number");
        r.date = jstr(a, o, "date");
        r.issuer = jstr(a, o, "issuer");
        r.relation = jstr(a, o, "relation");
        r.basis_row = -1;
        if (!r.number && !r.doc_type) continue;
        SRC_OR_FAIL(r.src, add_source(a, p, json_object_get(o, "span")));
        if (VB_PUSH(a, p->refs, r)) return VB_E_NOMEM;
    }
    return VB_OK;
}

static vb_status load_dates(vb_arena *a, vb_cmp_plan *p, const json_t *arr) {
    size_t i;
    const json_t *o;
    json_array_foreach(arr, i, o) {
        vb_cmp_date d = {0};
        if (!json_is_object(o)) continue;
        d.text = jstr(a, o, "text");
        d.value = jstr(a, o, "value");
        d.role = jstr(a, o, "role");
        d.recurrence = jstr(a, o, "recurrence");
        d.rule = jstr(a, o, "rule");
        /* dates of cited documents show with their reference, not alone */
        d.src = -1;
        if (!d.role || strcmp(d.role, "reference"))
            SRC_OR_FAIL(d.src, add_source(a, p, json_object_get(o, "span")));
        if (VB_PUSH(a, p->dates, d)) return VB_E_NOMEM;
    }
    return VB_OK;
}

static vb_status load_document(vb_cmp_set *s, const char *path, size_t doc_index, const json_t *d) {
    vb_arena *a = s->arena;
    vb_cmp_plan p = {0};
    p.file = vb_arena_strdup(a, path);
    p.file_index = s->n_inputs;
    p.doc_index = doc_index;
    p.kind = jstr(a, d, "kind");
    const json_t *text = json_object_get(d, "text");
    if (json_is_string(text)) {
        p.text_len = json_string_length(text);
        p.text = vb_arena_strndup(a, json_string_value(text), p.text_len);
    } else {
        p.text = vb_arena_strdup(a, "");
    }
    if (!p.file || !p.text) return VB_E_NOMEM;
    vb_status st = index_text(a, &p);
    if (st != VB_OK) return st;
    const json_t *h = json_object_get(d, "header");
    if (json_is_object(h)) {
        p.number = jstr(a, h, "number");
        p.doc_type = jstr(a, h, "doc_type");
        p.doc_type_code = jstr(a, h, "doc_type_code");
        p.place = jstr(a, h, "place");
        p.date = jstr(a, h, "date");
        p.issuer = jstr(a, h, "issuer");
        p.issuer_parent = jstr(a, h, "issuer_parent");
        p.subject = jstr(a, h, "subject");
    }
    if ((st = load_targets(a, &p, json_object_get(d, "targets"))) != VB_OK ||
        (st = load_units(a, &p, json_object_get(d, "assignments"))) != VB_OK ||
        (st = load_refs(a, &p, json_object_get(d, "references"))) != VB_OK ||
        (st = load_dates(a, &p, json_object_get(d, "dates"))) != VB_OK)
        return st;
    p.anchor = vb_arena_printf(a, "p%zu", s->plans.len + 1);
    if (!p.anchor || VB_PUSH(a, s->plans, p)) return VB_E_NOMEM;
    return VB_OK;
}

vb_status vb_cmp_add_json(vb_cmp_set *s, const char *path, const json_t *result) {
    const json_t *docs = json_object_get(result, "documents");
    if (!json_is_array(docs)) return VB_E_SCHEMA;
    if (json_array_size(docs) == 0) return VB_E_EMPTY; /* a failed conversion */
    size_t i;
    const json_t *d;
    json_array_foreach(docs, i, d) {
        if (!json_is_object(d)) continue;
        vb_status st = load_document(s, path, i, d);
        if (st != VB_OK) return st;
    }
    s->n_inputs++;
    return VB_OK;
}

/* JSON when the first byte past a BOM and white space opens an object or
 * an array; documents never start so (DOCX starts "PK", text with words). */
static int looks_like_json(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    unsigned char buf[512];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    size_t i = 0;
    if (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) i = 3;
    while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' || buf[i] == '\r')) i++;
    return i < n && (buf[i] == '{' || buf[i] == '[');
}

enum { MAX_JSON_BYTES = 256u << 20 };

static vb_status add_json_file(vb_cmp_set *s, const char *path, char *err, size_t errlen) {
    struct stat sb;
    if (stat(path, &sb) != 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return VB_E_IO;
    }
    if (sb.st_size > (off_t)MAX_JSON_BYTES) {
        snprintf(err, errlen, "JSON over %u bytes", (unsigned)MAX_JSON_BYTES);
        return VB_E_TOO_LARGE;
    }
    json_error_t je;
    json_t *root = json_load_file(path, JSON_DECODE_ANY, &je);
    if (!root) {
        snprintf(err, errlen, "not valid JSON: %d:%d: %s", je.line, je.column, je.text);
        return VB_E_SCHEMA;
    }
    vb_status st = VB_OK;
    if (json_is_object(root)) {
        st = vb_cmp_add_json(s, path, root);
    } else if (json_is_array(root)) { /* several results in one file */
        size_t i;
        json_t *r;
        json_array_foreach(root, i, r) {
            if ((st = vb_cmp_add_json(s, path, r)) != VB_OK) break;
        }
    } else {
        st = VB_E_SCHEMA;
    }
    if (st == VB_E_SCHEMA) snprintf(err, errlen, "JSON is not a vanban result (no \"documents\")");
    if (st == VB_E_EMPTY) { /* say why the conversion failed, if it says */
        const json_t *e0 = json_array_get(json_object_get(root, "errors"), 0);
        const char *msg = json_string_value(json_object_get(e0, "message"));
        snprintf(err, errlen, "result has no documents%s%s", msg ? ": " : "", msg ? msg : "");
    }
    json_decref(root);
    return st;
}

vb_status vb_cmp_add_file(vb_cmp_set *s, vb_pipeline *p, const char *path, char *err, size_t errlen) {
    err[0] = '\0';
    int js = looks_like_json(path);
    if (js < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return VB_E_IO;
    }
    if (js) return add_json_file(s, path, err, errlen);
    vb_result *r = NULL;
    vb_status cs = vb_pipeline_convert_file(p, path, &r);
    if (!r) return VB_E_NOMEM;
    if (r->documents.len == 0) {
        snprintf(err, errlen, "%s", r->errors.len ? r->errors.items[0].message : "no document");
        vb_result_free(r);
        return cs != VB_OK ? cs : VB_E_EMPTY;
    }
    json_t *j = vb_json_result(r);
    vb_result_free(r);
    if (!j) return VB_E_NOMEM;
    vb_status st = vb_cmp_add_json(s, path, j);
    json_decref(j);
    return st;
}

const char *vb_cmp_source_text(vb_cmp_set *s, const vb_cmp_plan *p, int src) {
    if (src < 0 || (size_t)src >= p->sources.len) return NULL;
    const vb_cmp_source *q = &p->sources.items[src];
    return vb_arena_strndup(s->arena, p->text + q->fact_start, q->fact_end - q->fact_start);
}

static void fmt_number(double v, char *buf, size_t len) {
    if (v == (double)(long long)v && v > -1e15 && v < 1e15)
        snprintf(buf, len, "%lld", (long long)v);
    else
        snprintf(buf, len, "%g", v);
}

void vb_cmp_target_format(const vb_cmp_target *t, char *buf, size_t len) {
    const char *cmp = "";
    if (t->comparator && !strcmp(t->comparator, "ge")) cmp = "≥ ";
    if (t->comparator && !strcmp(t->comparator, "le")) cmp = "≤ ";
    const char *u = t->unit ? t->unit : "count";
    const char *suffix = "";
    char other[64];
    if (!strcmp(u, "percent"))
        suffix = "%";
    else if (!strcmp(u, "times_per_month"))
        suffix = "/month";
    else if (!strcmp(u, "times_per_year"))
        suffix = "/year";
    else if (!strcmp(u, "times_per_quarter"))
        suffix = "/quarter";
    else if (!strcmp(u, "times_per_week"))
        suffix = "/week";
    else if (!strcmp(u, "times"))
        suffix = t->value == 1 ? " time" : " times";
    else if (strcmp(u, "count")) {
        snprintf(other, sizeof other, " %s", u);
        suffix = other;
    }
    char v[48], f[48];
    fmt_number(t->value, v, sizeof v);
    if (t->has_from) {
        fmt_number(t->from, f, sizeof f);
        snprintf(buf, len, "%s%s%s (from %s%s)", cmp, v, suffix, f, suffix);
    } else {
        snprintf(buf, len, "%s%s%s", cmp, v, suffix);
    }
}
