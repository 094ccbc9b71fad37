#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

const char vb_cli_pipeline_help[] =
    "  --tone modern|old|keep   tone-mark placement for oa/oe/uy (default modern: hòa, Ủy)\n"
    "  --no-rejoin              keep paragraphs split by page breaks or hard wraps\n"
    "  --max-input-bytes N      refuse larger inputs (default 268435456)\n"
    "  --max-inflated-bytes N   DOCX: bound on the total inflated size (default 536870912)\n"
    "  --max-inflate-ratio N    DOCX: bound on an entry's inflate ratio (default 200)\n"
    "  --max-zip-entries N      DOCX: bound on the entry count (default 10000)\n"
    "  --encoding E             text files: tcvn3, vni, cp1258 or utf-8 instead of detecting\n";

static int parse_size(const char *s, size_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (!*s || *end || v == 0) return -1;
    *out = (size_t)v;
    return 0;
}

int vb_cli_pipeline_option(int argc, char **argv, int *i, vb_pipeline_options *o) {
    const char *a = argv[*i];
    const char *names[] = {
        "--tone",    "--max-input-bytes", "--max-inflated-bytes", "--max-inflate-ratio", "--max-zip-entries",
        "--encoding"};
    if (!strcmp(a, "--no-rejoin")) {
        o->norm.rejoin = false;
        return 1;
    }
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        if (strcmp(a, names[k])) continue;
        if (*i + 1 >= argc) {
            fprintf(stderr, "vanban: %s needs a value\n", a);
            return -1;
        }
        const char *v = argv[++*i];
        size_t n = 0;
        switch (k) {
        case 0:
            if (!strcmp(v, "modern"))
                o->norm.tone = VB_TONE_MODERN;
            else if (!strcmp(v, "old"))
                o->norm.tone = VB_TONE_OLD;
            else if (!strcmp(v, "keep"))
                o->norm.tone = VB_TONE_KEEP;
            else {
                fprintf(stderr, "vanban: --tone takes modern, old or keep\n");
                return -1;
            }
            return 1;
        case 5:
            if (!strcmp(v, "tcvn3"))
                o->limits.encoding = VB_ENC_TCVN3;
            else if (!strcmp(v, "vni"))
                o->limits.encoding = VB_ENC_VNI;
            else if (!strcmp(v, "cp1258"))
                o->limits.encoding = VB_ENC_CP1258;
            else if (!strcmp(v, "utf-8") || !strcmp(v, "utf8"))
                o->limits.encoding = VB_ENC_UTF8;
            else {
                fprintf(stderr, "vanban: --encoding takes tcvn3, vni, cp1258 or utf-8\n");
                return -1;
            }
            return 1;
        default:
            if (parse_size(v, &n)) {
                fprintf(stderr, "vanban: %s takes a positive whole number\n", a);
                return -1;
            }
            if (k == 1) o->limits.max_input_bytes = n;
            if (k == 2) o->limits.max_inflated_bytes = n;
            if (k == 3) o->limits.max_inflate_ratio = (unsigned)n;
            if (k == 4) o->limits.max_zip_entries = n;
            return 1;
        }
    }
    return 0;
}

/* A usage error is one line that names what is wrong, then a pointer to
 * --help: the whole usage text would bury the reason. */
int vb_cli_usage_error(const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "vanban%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return vb_cli_try_help(cmd);
}

int vb_cli_try_help(const char *cmd) {
    fprintf(stderr, "Try 'vanban%s%s --help' for more information.\n", cmd ? " " : "", cmd ? cmd : "");
    return VB_EXIT_USAGE;
}

int vb_cli_value(int argc, char **argv, int *i, const char **out) {
    if (*i + 1 >= argc) return vb_cli_usage_error(argv[0], "%s needs a value", argv[*i]);
    *out = argv[++*i];
    return 0;
}

static const vb_cli_option *find_option(const vb_cli_line *l, const char *a) {
    for (size_t k = 0; k < l->n_options; k++) {
        const vb_cli_option *o = &l->options[k];
        if (!strcmp(a, o->name) || (o->alias && !strcmp(a, o->alias))) return o;
    }
    return NULL;
}

/* "-j4": a short option taking a value, with the value glued on. */
static const vb_cli_option *find_glued(const vb_cli_line *l, const char *a) {
    if (a[0] != '-' || a[1] == '-' || !a[1] || !a[2]) return NULL;
    for (size_t k = 0; k < l->n_options; k++) {
        const vb_cli_option *o = &l->options[k];
        const char *s = strlen(o->name) == 2 ? o->name : o->alias;
        if (!o->flag && s && strlen(s) == 2 && !strncmp(a, s, 2)) return o;
    }
    return NULL;
}

/* The option o with its value v: VB_EXIT_OK, or the exit code. */
static int set_value(const vb_cli_option *o, const char *v) {
    if (o->value) *o->value = v;
    return o->add ? o->add(o->ctx, v) : VB_EXIT_OK;
}

/* An option of the table at argv[*i]: VB_EXIT_OK, or the exit code. */
static int take_option(const vb_cli_line *l, const vb_cli_option *o, int argc, char **argv, int *i) {
    if (o->flag) {
        *o->flag = 1;
        return VB_EXIT_OK;
    }
    if (l->unknown && *i + 1 >= argc) return vb_cli_usage_error(l->cmd, l->unknown, argv[*i]);
    const char *v = NULL;
    if (vb_cli_value(argc, argv, i, &v)) return VB_EXIT_USAGE;
    return set_value(o, v);
}

static int take_operand(vb_cli_line *l, const char *a) {
    if (l->n_operands == l->max_operands) return vb_cli_usage_error(l->cmd, l->too_many, l->operands[0], a);
    l->operands[l->n_operands++] = a;
    return VB_EXIT_OK;
}

int vb_cli_parse(vb_cli_line *l, int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        if (l->pipeline) {
            int k = vb_cli_pipeline_option(argc, argv, &i, l->pipeline);
            if (k < 0) return vb_cli_try_help(l->cmd);
            if (k) continue;
        }
        const char *a = argv[i];
        const vb_cli_option *o;
        int rc = VB_EXIT_OK;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            l->help(stdout, l->help_arg);
            return VB_EXIT_OK;
        } else if ((o = find_option(l, a))) {
            rc = take_option(l, o, argc, argv, &i);
        } else if ((o = find_glued(l, a))) {
            rc = set_value(o, a + 2);
        } else if (l->allow_dashdash && !strcmp(a, "--")) {
            while (rc == VB_EXIT_OK && ++i < argc) rc = take_operand(l, argv[i]);
        } else if (a[0] == '-' && a[1]) {
            return vb_cli_usage_error(l->cmd, l->unknown ? l->unknown : "unknown option '%s'", a);
        } else {
            rc = take_operand(l, a);
        }
        if (rc != VB_EXIT_OK) return rc;
    }
    return -1;
}
