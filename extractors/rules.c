#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pcre2_code *vb_rule_compile_one(const char *pattern, unsigned flags, char *err, size_t errlen) {
    int ec;
    PCRE2_SIZE eo;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
    if (!(flags & VB_RULE_CASED)) opts |= PCRE2_CASELESS;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &ec, &eo, NULL);
    if (!c) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        if (err) snprintf(err, errlen, "at offset %zu: %s", (size_t)eo, (const char *)msg);
        return NULL;
    }
    /* JIT is an accelerator: if the platform lacks it the interpreter still works. */
    (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    return c;
}

vb_status vb_ruleset_compile(vb_ruleset *rs, const vb_rule_row *rows, size_t n, char *err,
                             size_t errlen) {
    memset(rs, 0, sizeof *rs);
    rs->rules = calloc(n ? n : 1, sizeof *rs->rules);
    if (!rs->rules) return VB_E_NOMEM;
    uint32_t max_pairs = 1;
    for (size_t i = 0; i < n; i++) {
        char e[300];
        rs->rules[i].row = &rows[i];
        rs->rules[i].code = vb_rule_compile_one(rows[i].pattern, rows[i].flags, e, sizeof e);
        rs->len = i + 1;
        if (!rs->rules[i].code) {
            if (err) snprintf(err, errlen, "rule %s: %s", rows[i].name, e);
            vb_ruleset_free(rs);
            return VB_E_REGEX;
        }
        uint32_t cap = 0;
        pcre2_pattern_info(rs->rules[i].code, PCRE2_INFO_CAPTURECOUNT, &cap);
        if (cap + 1 > max_pairs) max_pairs = cap + 1;
    }
    rs->md = pcre2_match_data_create(max_pairs, NULL);
    if (!rs->md) {
        vb_ruleset_free(rs);
        return VB_E_NOMEM;
    }
    return VB_OK;
}

void vb_ruleset_free(vb_ruleset *rs) {
    if (!rs) return;
    for (size_t i = 0; i < rs->len; i++) pcre2_code_free(rs->rules[i].code);
    free(rs->rules);
    pcre2_match_data_free(rs->md);
    memset(rs, 0, sizeof *rs);
}

bool vb_rule_match(const vb_ruleset *rs, size_t i, const char *subject, size_t len,
                   size_t start, const size_t **ovector, int *npairs) {
    if (i >= rs->len || start > len) return false;
    int rc = pcre2_match(rs->rules[i].code, (PCRE2_SPTR)subject, len, start, 0, rs->md, NULL);
    if (rc <= 0) return false;
    if (ovector) *ovector = pcre2_get_ovector_pointer(rs->md);
    if (npairs) *npairs = rc;
    return true;
}

bool vb_rule_group(const vb_ruleset *rs, size_t i, const char *name, size_t *s, size_t *e) {
    if (i >= rs->len) return false;
    int n = pcre2_substring_number_from_name(rs->rules[i].code, (PCRE2_SPTR)name);
    if (n < 0) return false;
    const size_t *ov = pcre2_get_ovector_pointer(rs->md);
    uint32_t count = pcre2_get_ovector_count(rs->md);
    if ((uint32_t)n >= count || ov[2 * n] == PCRE2_UNSET) return false;
    *s = ov[2 * n];
    *e = ov[2 * n + 1];
    return true;
}
