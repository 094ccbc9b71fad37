#include "jschema.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <math.h>
#include <pcre2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"

/* Recursion bounds: schema nesting at load time, and schema-times-instance
 * depth at validation time (jansson already caps instance nesting). */
enum { VB_JS_MAX_SCHEMA_DEPTH = 256, VB_JS_MAX_DEPTH = 2000 };

typedef struct {
    const json_t *node; /* the schema object that holds "pattern" */
    pcre2_code *code;
} js_pattern;

struct vb_jschema {
    json_t *root;
    js_pattern *patterns; /* sorted by node, for bsearch */
    size_t n_patterns;
};

static const char *const js_keywords[] = {
    /* annotations */
    "$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples",
    /* applicators */
    "$ref", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "properties", "additionalProperties",
    "items",
    /* assertions */
    "type", "enum", "const", "required", "pattern", "minLength", "maxLength", "minimum", "maximum",
    "minItems", "maxItems"};

static const char *const js_type_names[] = {"null",   "boolean", "integer", "number",
                                            "string", "array",   "object"};

/* ---- JSON Pointer -------------------------------------------------------- */

/* Resolve a local reference "#" or "#/a/b~1c" in root; NULL if it does not
 * name a value. */
static const json_t *js_resolve(const json_t *root, const char *ref) {
    if (ref[0] != '#') return NULL;
    const json_t *cur = root;
    const char *p = ref + 1;
    if (*p == '\0') return cur;
    if (*p != '/') return NULL;
    char token[256];
    while (*p == '/') {
        p++;
        size_t n = 0;
        for (; *p && *p != '/'; p++) {
            char c = *p;
            if (c == '~') {
                if (p[1] != '0' && p[1] != '1') return NULL;
                c = p[1] == '0' ? '~' : '/';
                p++;
            } else if (c == '%') {
                return NULL; /* percent-encoded pointers: not supported */
            }
            if (n + 1 >= sizeof token) return NULL;
            token[n++] = c;
        }
        token[n] = '\0';
        if (json_is_object(cur)) {
            cur = json_object_get(cur, token);
        } else if (json_is_array(cur)) {
            char *end;
            unsigned long i = strtoul(token, &end, 10);
            cur = (n && *end == '\0') ? json_array_get(cur, i) : NULL;
        } else {
            return NULL;
        }
        if (!cur) return NULL;
    }
    return cur;
}

/* Append "/token" to a pointer, escaping '~' and '/'. */
static void js_path_push(vb_buf *path, const char *token) {
    vb_buf_putc(path, '/');
    for (const char *p = token; *p; p++) {
        if (*p == '~')
            vb_buf_puts(path, "~0");
        else if (*p == '/')
            vb_buf_puts(path, "~1");
        else
            vb_buf_putc(path, *p);
    }
}

/* ---- loading ------------------------------------------------------------ */

typedef struct {
    vb_jschema *s;
    size_t cap;
    char *err;
    size_t errlen;
    vb_buf where; /* pointer into the schema, for messages */
} js_loader;

static vb_status js_fail(js_loader *l, vb_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static vb_status js_fail(js_loader *l, vb_status st, const char *fmt, ...) {
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *at = vb_buf_cstr(&l->where);
    snprintf(l->err, l->errlen, "schema #%s: %s", at ? at : "", msg);
    return st;
}

static bool js_is_keyword(const char *k) {
    for (size_t i = 0; i < sizeof js_keywords / sizeof *js_keywords; i++)
        if (!strcmp(k, js_keywords[i])) return true;
    return false;
}

static bool js_is_type_name(const json_t *v) {
    if (!json_is_string(v)) return false;
    for (size_t i = 0; i < sizeof js_type_names / sizeof *js_type_names; i++)
        if (!strcmp(json_string_value(v), js_type_names[i])) return true;
    return false;
}

static vb_status js_check(js_loader *l, const json_t *node, int depth);

static vb_status js_check_at(js_loader *l, const json_t *node, const char *key, const char *index,
                             int depth) {
    size_t mark = l->where.len;
    js_path_push(&l->where, key);
    if (index) js_path_push(&l->where, index);
    vb_status st = l->where.oom ? VB_E_NOMEM : js_check(l, node, depth + 1);
    l->where.len = mark;
    return st;
}

static vb_status js_add_pattern(js_loader *l, const json_t *node, const char *pattern) {
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY, &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[160];
        pcre2_get_error_message(code, msg, sizeof msg);
        return js_fail(l, VB_E_REGEX, "pattern /%s/ at offset %zu: %s", pattern, (size_t)off,
                       (const char *)msg);
    }
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    vb_jschema *s = l->s;
    if (s->n_patterns == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        js_pattern *p = realloc(s->patterns, cap * sizeof *p);
        if (!p) {
            pcre2_code_free(re);
            return VB_E_NOMEM;
        }
        s->patterns = p;
        l->cap = cap;
    }
    s->patterns[s->n_patterns++] = (js_pattern){node, re};
    return VB_OK;
}

static bool js_is_nonneg_int(const json_t *v) { return json_is_integer(v) && json_integer_value(v) >= 0; }

/* Check one keyword's value; recurse into subschemas. */
static vb_status js_check_keyword(js_loader *l, const json_t *node, const char *k, const json_t *v,
                                  int depth) {
    if (!strcmp(k, "$defs") || !strcmp(k, "properties")) {
        if (!json_is_object(v)) return js_fail(l, VB_E_SCHEMA, "%s must be an object", k);
        const char *name;
        json_t *sub;
        json_object_foreach((json_t *)v, name, sub) {
            vb_status st = js_check_at(l, sub, k, name, depth);
            if (st != VB_OK) return st;
        }
    } else if (!strcmp(k, "allOf") || !strcmp(k, "anyOf") || !strcmp(k, "oneOf")) {
        if (!json_is_array(v) || json_array_size(v) == 0)
            return js_fail(l, VB_E_SCHEMA, "%s must be a non-empty array", k);
        for (size_t i = 0; i < json_array_size(v); i++) {
            char idx[24];
            snprintf(idx, sizeof idx, "%zu", i);
            vb_status st = js_check_at(l, json_array_get(v, i), k, idx, depth);
            if (st != VB_OK) return st;
        }
    } else if (!strcmp(k, "not") || !strcmp(k, "if") || !strcmp(k, "then") || !strcmp(k, "else") ||
               !strcmp(k, "additionalProperties") || !strcmp(k, "items")) {
        return js_check_at(l, v, k, NULL, depth);
    } else if (!strcmp(k, "$ref")) {
        if (!json_is_string(v) || !js_resolve(l->s->root, json_string_value(v)))
            return js_fail(l, VB_E_SCHEMA, "$ref must be a local reference that resolves");
    } else if (!strcmp(k, "type")) {
        bool ok = js_is_type_name(v);
        if (json_is_array(v)) {
            ok = json_array_size(v) > 0;
            for (size_t i = 0; ok && i < json_array_size(v); i++) ok = js_is_type_name(json_array_get(v, i));
        }
        if (!ok) return js_fail(l, VB_E_SCHEMA, "type must name JSON types");
    } else if (!strcmp(k, "enum") || !strcmp(k, "required")) {
        if (!json_is_array(v)) return js_fail(l, VB_E_SCHEMA, "%s must be an array", k);
        for (size_t i = 0; !strcmp(k, "required") && i < json_array_size(v); i++)
            if (!json_is_string(json_array_get(v, i)))
                return js_fail(l, VB_E_SCHEMA, "required must list strings");
    } else if (!strcmp(k, "pattern")) {
        if (!json_is_string(v)) return js_fail(l, VB_E_SCHEMA, "pattern must be a string");
        return js_add_pattern(l, node, json_string_value(v));
    } else if (!strcmp(k, "minimum") || !strcmp(k, "maximum")) {
        if (!json_is_number(v)) return js_fail(l, VB_E_SCHEMA, "%s must be a number", k);
    } else if (!strcmp(k, "minLength") || !strcmp(k, "maxLength") || !strcmp(k, "minItems") ||
               !strcmp(k, "maxItems")) {
        if (!js_is_nonneg_int(v)) return js_fail(l, VB_E_SCHEMA, "%s must be a non-negative integer", k);
    }
    return VB_OK; /* const and annotations take any value */
}

static vb_status js_check(js_loader *l, const json_t *node, int depth) {
    if (json_is_boolean(node)) return VB_OK;
    if (!json_is_object(node)) return js_fail(l, VB_E_SCHEMA, "a schema must be an object");
    if (depth > VB_JS_MAX_SCHEMA_DEPTH) return js_fail(l, VB_E_SCHEMA, "nested too deep");
    const char *k;
    json_t *v;
    json_object_foreach((json_t *)node, k, v) {
        if (!js_is_keyword(k))
            return js_fail(l, VB_E_SCHEMA, "keyword \"%s\" is not supported by this validator", k);
        vb_status st = js_check_keyword(l, node, k, v, depth);
        if (st != VB_OK) return st;
    }
    return VB_OK;
}

static int js_pattern_cmp(const void *a, const void *b) {
    uintptr_t x = (uintptr_t)((const js_pattern *)a)->node;
    uintptr_t y = (uintptr_t)((const js_pattern *)b)->node;
    return x < y ? -1 : x > y;
}

vb_status vb_jschema_compile(json_t *schema, vb_jschema **out, char *err, size_t errlen) {
    *out = NULL;
    if (errlen) err[0] = '\0';
    vb_jschema *s = calloc(1, sizeof *s);
    if (!s) return VB_E_NOMEM;
    s->root = json_incref(schema);
    js_loader l = {.s = s, .err = err, .errlen = errlen};
    vb_buf_init(&l.where);
    vb_status st = js_check(&l, schema, 0);
    vb_buf_free(&l.where);
    if (st != VB_OK) {
        vb_jschema_free(s);
        return st;
    }
    if (s->n_patterns) qsort(s->patterns, s->n_patterns, sizeof *s->patterns, js_pattern_cmp);
    *out = s;
    return VB_OK;
}

vb_status vb_jschema_load(const char *path, vb_jschema **out, char *err, size_t errlen) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open", path);
        return VB_E_IO;
    }
    json_error_t je;
    json_t *schema = json_loadf(f, JSON_REJECT_DUPLICATES, &je);
    fclose(f);
    if (!schema) {
        snprintf(err, errlen, "%s:%d:%d: %s", path, je.line, je.column, je.text);
        return VB_E_SCHEMA;
    }
    vb_status st = vb_jschema_compile(schema, out, err, errlen);
    json_decref(schema);
    return st;
}

void vb_jschema_free(vb_jschema *s) {
    if (!s) return;
    for (size_t i = 0; i < s->n_patterns; i++) pcre2_code_free(s->patterns[i].code);
    free(s->patterns);
    json_decref(s->root);
    free(s);
}

/* ---- validation ---------------------------------------------------------- */

typedef struct {
    char *pointer, *message;
} js_violation;

typedef struct {
    const vb_jschema *s;
    pcre2_match_data *md;
    vb_buf path;
    js_violation *v;
    size_t n, cap;
    int depth;
    bool oom;
} js_ctx;

static void js_report(js_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void js_report(js_ctx *c, const char *fmt, ...) {
    if (c->oom) return;
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 16;
        js_violation *v = realloc(c->v, cap * sizeof *v);
        if (!v) {
            c->oom = true;
            return;
        }
        c->v = v;
        c->cap = cap;
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *path = vb_buf_cstr(&c->path);
    js_violation x = {strdup(path ? path : ""), strdup(msg)};
    if (!x.pointer || !x.message) {
        free(x.pointer);
        free(x.message);
        c->oom = true;
        return;
    }
    c->v[c->n++] = x;
}

/* Drop violations [from, n). */
static void js_truncate(js_ctx *c, size_t from) {
    for (size_t i = from; i < c->n; i++) {
        free(c->v[i].pointer);
        free(c->v[i].message);
    }
    c->n = from;
}

/* Keep only the range [start, start+len) of the violations at or after mark,
 * moved to mark. */
static void js_keep_range(js_ctx *c, size_t mark, size_t start, size_t len) {
    for (size_t i = mark; i < c->n; i++)
        if (i < start || i >= start + len) {
            free(c->v[i].pointer);
            free(c->v[i].message);
        }
    memmove(c->v + mark, c->v + start, len * sizeof *c->v);
    c->n = mark + len;
}

/* A short JSON rendering of v for messages ("\"2019-5-7\"", "12", "{…}"). */
static void js_show(const json_t *v, char *out, size_t n) {
    if (json_is_object(v) || json_is_array(v)) {
        snprintf(out, n, "%s", json_is_object(v) ? "an object" : "an array");
        return;
    }
    char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    if (!s) {
        snprintf(out, n, "a value");
        return;
    }
    size_t len = strlen(s);
    if (len < n) {
        memcpy(out, s, len + 1);
    } else { /* n >= 8 here: cut on a UTF-8 boundary and mark the cut */
        size_t k = n - 4;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
        memcpy(out, s, k);
        memcpy(out + k, "...", 4);
    }
    free(s);
}

static const char *js_type_of(const json_t *v) {
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "object";
    case JSON_ARRAY: return "array";
    case JSON_STRING: return "string";
    case JSON_INTEGER: return "integer";
    case JSON_REAL: return "number";
    case JSON_TRUE:
    case JSON_FALSE: return "boolean";
    default: return "null";
    }
}

static bool js_has_type(const json_t *v, const char *t) {
    if (!strcmp(t, "null")) return json_is_null(v);
    if (!strcmp(t, "boolean")) return json_is_boolean(v);
    if (!strcmp(t, "string")) return json_is_string(v);
    if (!strcmp(t, "array")) return json_is_array(v);
    if (!strcmp(t, "object")) return json_is_object(v);
    if (!strcmp(t, "number")) return json_is_number(v);
    if (!strcmp(t, "integer")) {
        if (json_is_integer(v)) return true;
        double d = json_is_real(v) ? json_real_value(v) : NAN;
        return isfinite(d) && d == floor(d);
    }
    return false;
}

static size_t js_cp_len(const char *s, size_t n) {
    size_t cp = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) cp++;
    return cp;
}

static void js_validate(js_ctx *c, const json_t *schema, const json_t *inst);

/* Validate inst at path + "/" + key (or index when key is NULL). */
static void js_validate_child(js_ctx *c, const json_t *schema, const json_t *inst, const char *key,
                              size_t index) {
    size_t mark = c->path.len;
    if (key) {
        js_path_push(&c->path, key);
    } else {
        char idx[24];
        snprintf(idx, sizeof idx, "%zu", index);
        js_path_push(&c->path, idx);
    }
    if (c->path.oom)
        c->oom = true;
    else
        js_validate(c, schema, inst);
    c->path.len = mark;
}

static void js_type(js_ctx *c, const json_t *t, const json_t *inst) {
    if (json_is_string(t)) {
        if (!js_has_type(inst, json_string_value(t)))
            js_report(c, "expected %s, got %s", json_string_value(t), js_type_of(inst));
        return;
    }
    char names[128] = "";
    for (size_t i = 0; i < json_array_size(t); i++) {
        const char *name = json_string_value(json_array_get(t, i));
        if (js_has_type(inst, name)) return;
        size_t len = strlen(names);
        snprintf(names + len, sizeof names - len, "%s%s", i ? " or " : "", name);
    }
    js_report(c, "expected %s, got %s", names, js_type_of(inst));
}

static void js_enum(js_ctx *c, const json_t *e, const json_t *inst) {
    for (size_t i = 0; i < json_array_size(e); i++)
        if (json_equal(json_array_get(e, i), (json_t *)inst)) return;
    char shown[96], allowed[256] = "";
    js_show(inst, shown, sizeof shown);
    for (size_t i = 0; i < json_array_size(e); i++) {
        char one[64];
        js_show(json_array_get(e, i), one, sizeof one);
        size_t len = strlen(allowed);
        snprintf(allowed + len, sizeof allowed - len, "%s%s", i ? ", " : "", one);
    }
    js_report(c, "%s is not one of %s", shown, allowed);
}

static void js_string(js_ctx *c, const json_t *schema, const json_t *inst) {
    const char *s = json_string_value(inst);
    size_t n = json_string_length(inst);
    const json_t *k;
    if ((k = json_object_get(schema, "minLength")) && js_cp_len(s, n) < (size_t)json_integer_value(k))
        js_report(c, "shorter than %lld characters", (long long)json_integer_value(k));
    if ((k = json_object_get(schema, "maxLength")) && js_cp_len(s, n) > (size_t)json_integer_value(k))
        js_report(c, "longer than %lld characters", (long long)json_integer_value(k));
    if (!json_object_get(schema, "pattern")) return;
    js_pattern key = {.node = schema};
    const js_pattern *p = bsearch(&key, c->s->patterns, c->s->n_patterns, sizeof key, js_pattern_cmp);
    if (!p) {
        js_report(c, "internal: pattern not compiled");
        return;
    }
    int rc = pcre2_match(p->code, (PCRE2_SPTR)s, n, 0, 0, c->md, NULL);
    if (rc == PCRE2_ERROR_NOMATCH) {
        char shown[96];
        js_show(inst, shown, sizeof shown);
        js_report(c, "%s does not match pattern %s", shown,
                  json_string_value(json_object_get(schema, "pattern")));
    } else if (rc < 0) {
        js_report(c, "pattern could not be matched (PCRE2 error %d)", rc);
    }
}

static void js_number(js_ctx *c, const json_t *schema, const json_t *inst) {
    double x = json_number_value(inst);
    const json_t *k;
    char shown[48];
    js_show(inst, shown, sizeof shown);
    if ((k = json_object_get(schema, "minimum")) && x < json_number_value(k))
        js_report(c, "%s is less than the minimum %g", shown, json_number_value(k));
    if ((k = json_object_get(schema, "maximum")) && x > json_number_value(k))
        js_report(c, "%s is more than the maximum %g", shown, json_number_value(k));
}

static void js_object(js_ctx *c, const json_t *schema, const json_t *inst) {
    const json_t *props = json_object_get(schema, "properties");
    const json_t *req = json_object_get(schema, "required");
    const json_t *extra = json_object_get(schema, "additionalProperties");
    for (size_t i = 0; i < json_array_size(req); i++) {
        const char *name = json_string_value(json_array_get(req, i));
        if (!json_object_get(inst, name)) js_report(c, "missing required field \"%s\"", name);
    }
    const char *key;
    json_t *val;
    json_object_foreach((json_t *)inst, key, val) {
        const json_t *sub = props ? json_object_get(props, key) : NULL;
        if (sub) {
            js_validate_child(c, sub, val, key, 0);
        } else if (json_is_false(extra)) {
            size_t mark = c->path.len;
            js_path_push(&c->path, key);
            js_report(c, "unknown field \"%s\"", key);
            c->path.len = mark;
        } else if (extra && !json_is_true(extra)) {
            js_validate_child(c, extra, val, key, 0);
        }
    }
}

static void js_array(js_ctx *c, const json_t *schema, const json_t *inst) {
    size_t n = json_array_size(inst);
    const json_t *k;
    if ((k = json_object_get(schema, "minItems")) && n < (size_t)json_integer_value(k))
        js_report(c, "fewer than %lld items", (long long)json_integer_value(k));
    if ((k = json_object_get(schema, "maxItems")) && n > (size_t)json_integer_value(k))
        js_report(c, "more than %lld items", (long long)json_integer_value(k));
    if ((k = json_object_get(schema, "items")))
        for (size_t i = 0; i < n; i++) js_validate_child(c, k, json_array_get(inst, i), NULL, i);
}

/* anyOf (one_only false) / oneOf (true).  On failure keep the violations of
 * the closest alternative. */
static void js_alternatives(js_ctx *c, const json_t *alts, const json_t *inst, bool one_only) {
    size_t mark = c->n, best = 0, best_len = SIZE_MAX, matched = 0;
    for (size_t i = 0; i < json_array_size(alts) && !c->oom; i++) {
        size_t start = c->n;
        js_validate(c, json_array_get(alts, i), inst);
        size_t len = c->n - start;
        if (len == 0) {
            matched++;
            if (!one_only) break;
        } else if (len < best_len) {
            best = start;
            best_len = len;
        }
    }
    if (c->oom) return;
    if (matched == 0) {
        js_keep_range(c, mark, best, best_len);
        return;
    }
    js_truncate(c, mark);
    if (one_only && matched > 1)
        js_report(c, "matches %zu alternatives of oneOf; exactly one expected", matched);
}

/* True when inst validates against schema; reports nothing. */
static bool js_silent(js_ctx *c, const json_t *schema, const json_t *inst) {
    size_t mark = c->n;
    js_validate(c, schema, inst);
    bool ok = c->n == mark;
    js_truncate(c, mark);
    return ok;
}

static void js_validate(js_ctx *c, const json_t *schema, const json_t *inst) {
    if (c->oom || json_is_true(schema)) return;
    if (json_is_false(schema)) {
        js_report(c, "no value is allowed here");
        return;
    }
    if (++c->depth > VB_JS_MAX_DEPTH) {
        js_report(c, "nested deeper than %d levels", VB_JS_MAX_DEPTH);
        c->depth--;
        return;
    }
    const json_t *k;
    if ((k = json_object_get(schema, "$ref")))
        js_validate(c, js_resolve(c->s->root, json_string_value(k)), inst);
    if ((k = json_object_get(schema, "type"))) js_type(c, k, inst);
    if ((k = json_object_get(schema, "enum"))) js_enum(c, k, inst);
    if ((k = json_object_get(schema, "const")) && !json_equal((json_t *)k, (json_t *)inst)) {
        char want[96];
        js_show(k, want, sizeof want);
        js_report(c, "must be %s", want);
    }
    if (json_is_string(inst)) js_string(c, schema, inst);
    if (json_is_number(inst)) js_number(c, schema, inst);
    if (json_is_object(inst)) js_object(c, schema, inst);
    if (json_is_array(inst)) js_array(c, schema, inst);
    if ((k = json_object_get(schema, "allOf")))
        for (size_t i = 0; i < json_array_size(k); i++) js_validate(c, json_array_get(k, i), inst);
    if ((k = json_object_get(schema, "anyOf"))) js_alternatives(c, k, inst, false);
    if ((k = json_object_get(schema, "oneOf"))) js_alternatives(c, k, inst, true);
    if ((k = json_object_get(schema, "not")) && js_silent(c, k, inst))
        js_report(c, "matches a schema it must not match (not)");
    if ((k = json_object_get(schema, "if"))) {
        const json_t *branch = json_object_get(schema, js_silent(c, k, inst) ? "then" : "else");
        if (branch) js_validate(c, branch, inst);
    }
    c->depth--;
}

vb_status vb_jschema_validate(const vb_jschema *s, const json_t *instance, vb_jschema_report fn, void *ctx,
                              size_t *count) {
    if (count) *count = 0;
    js_ctx c = {.s = s, .md = pcre2_match_data_create(1, NULL)};
    if (!c.md) return VB_E_NOMEM;
    vb_buf_init(&c.path);
    js_validate(&c, s->root, instance);
    vb_status st = c.oom || c.path.oom ? VB_E_NOMEM : c.n ? VB_E_SCHEMA : VB_OK;
    if (st == VB_E_SCHEMA && fn)
        for (size_t i = 0; i < c.n; i++) fn(ctx, c.v[i].pointer, c.v[i].message);
    if (count) *count = c.n;
    js_truncate(&c, 0);
    free(c.v);
    vb_buf_free(&c.path);
    pcre2_match_data_free(c.md);
    return st;
}
