/* vanban compare INPUT... --html report.html [--csv DIR] [--md] — plans side
 * by side for analysts (see pipeline/compare/compare.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../compare/cmp_write.h"
#include "../compare/compare.h"
#include "commands.h"

static void help(FILE *f, int unused) {
    fprintf(f,
            "usage: vanban compare INPUT... [--html OUT.html] [--csv DIR] [--md] [options]\n"
            "Compare plans side by side: targets by theme, who does what, legal basis,\n"
            "the citation chain and the timeline.  Each INPUT is a document (.txt/.docx,\n"
            "converted in-process) or a `vanban convert` JSON result (detected by content).\n"
            "  --html OUT.html          one self-contained HTML report (no network needed)\n"
            "  --csv DIR                targets.csv units.csv basis.csv chain.csv timeline.csv\n"
            "                           (UTF-8 with BOM, RFC 4180); DIR is created if missing\n"
            "  --md                     Markdown tables on stdout\n"
            "  --only-type TYPE         only documents of this type: a code (KH, QĐ), a name\n"
            "                           (\"Kế hoạch\"), or a kind (official, article);\n"
            "                           repeat or separate with commas for several.  Plans\n"
            "                           (KH) always come first\n"
            "%s"
            "At least one of --html, --csv, --md.  An input that cannot be read is named\n"
            "on stderr and in the report, the others are still compared, and the exit\n"
            "code is that input's.\n"
            "exit: 0 ok, 2 usage, 3 I/O, 4 input refused, 70 internal\n",
            vb_cli_pipeline_help);
}

static int make_dir(const char *dir) {
    if (mkdir(dir, 0777) == 0 || errno == EEXIST) {
        struct stat sb;
        if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) return 0;
        errno = ENOTDIR;
    }
    return -1;
}

typedef struct {
    const char *html, *csv;
    int md;
    char **types; /* --only-type values, split at commas; heap */
    size_t n_types;
} outputs;

static int add_types(outputs *o, const char *arg) {
    for (const char *t = arg; *t;) {
        size_t n = strcspn(t, ",");
        if (n) {
            char **v = realloc(o->types, (o->n_types + 1) * sizeof *v);
            if (!v) return -1;
            o->types = v;
            if (!(v[o->n_types] = strndup(t, n))) return -1;
            o->n_types++;
        }
        t += n + (t[n] == ',');
    }
    return 0;
}

/* --only-type: the types given, split at commas; at least one. */
static int only_type(void *ctx, const char *arg) {
    outputs *o = ctx;
    size_t before = o->n_types;
    if (add_types(o, arg)) return VB_EXIT_INTERNAL;
    if (o->n_types == before)
        return vb_cli_usage_error("compare", "--only-type needs a type (KH, QĐ, article…)");
    return VB_EXIT_OK;
}

/* -1 when the command line is good, else the exit code (0 after --help). */
static int parse_args(int argc, char **argv, vb_pipeline_options *po, outputs *o, const char **inputs,
                      size_t *n_inputs) {
    const vb_cli_option options[] = {
        {"--html", NULL, NULL, &o->html, NULL, NULL},
        {"--csv", NULL, NULL, &o->csv, NULL, NULL},
        {"--only-type", NULL, NULL, NULL, only_type, o},
        {"--md", NULL, &o->md, NULL, NULL, NULL},
    };
    vb_cli_line line = {
        "compare", options, sizeof options / sizeof *options, po, help, 0, inputs, (size_t)argc, 0, NULL,
        true,      NULL};
    int parsed = vb_cli_parse(&line, argc, argv);
    if (parsed >= 0) return parsed;
    *n_inputs = line.n_operands;
    if (!*n_inputs) return vb_cli_usage_error("compare", "no INPUT given");
    if (!o->html && !o->csv && !o->md)
        return vb_cli_usage_error("compare", "no output asked for: give --html FILE, --csv DIR or --md");
    return -1;
}

/* Convert or load every input, then write the reports asked for. */
static int run(const vb_pipeline_options *po, const outputs *o, const char **inputs, size_t n_inputs) {
    vb_pipeline *p = NULL;
    vb_cmp_set *set = NULL;
    vb_status s = vb_pipeline_open(po, &p);
    if (s == VB_OK) s = vb_cmp_set_new(&set);
    if (s != VB_OK) {
        fprintf(stderr, "vanban compare: %s: cannot start\n", vb_status_code(s));
        vb_pipeline_close(p);
        return vb_status_exit(s);
    }
    const char **failed = calloc(n_inputs + 1, sizeof *failed);
    size_t n_failed = 0;
    int rc = failed ? VB_EXIT_OK : VB_EXIT_INTERNAL;
    for (size_t i = 0; failed && i < n_inputs; i++) {
        char err[512];
        vb_status fs = vb_cmp_add_file(set, p, inputs[i], err, sizeof err);
        if (fs == VB_OK) continue;
        fprintf(stderr, "vanban compare: %s: %s: %s\n", inputs[i], vb_status_code(fs),
                err[0] ? err : vb_status_text(fs));
        if (fs == VB_E_NOMEM) {
            rc = VB_EXIT_INTERNAL;
            break;
        }
        failed[n_failed++] = inputs[i];
        if (!rc) rc = vb_status_exit(fs);
    }
    vb_pipeline_close(p);
    set->only_types = (const char *const *)o->types;
    set->n_only_types = o->n_types;
    if (rc != VB_EXIT_INTERNAL && (s = vb_cmp_analyse(set)) != VB_OK) {
        fprintf(stderr, "vanban compare: %s: analysis failed\n", vb_status_code(s));
        rc = vb_status_exit(s);
    } else if (rc != VB_EXIT_INTERNAL) {
        if (o->html) {
            FILE *f = fopen(o->html, "w");
            vb_status ws = f ? vb_cmp_write_html(set, failed, n_failed, f) : VB_E_IO;
            if (f && fclose(f) != 0) ws = VB_E_IO;
            if (ws != VB_OK) {
                fprintf(stderr, "vanban compare: %s: writing %s failed\n", vb_status_code(ws), o->html);
                if (!rc) rc = vb_status_exit(ws);
            }
        }
        if (o->csv) {
            char err[512] = "";
            vb_status ws = make_dir(o->csv) == 0 ? vb_cmp_write_csv(set, o->csv, err, sizeof err) : VB_E_IO;
            if (ws != VB_OK) {
                fprintf(stderr, "vanban compare: %s: writing %s failed\n", vb_status_code(ws),
                        err[0] ? err : o->csv);
                if (!rc) rc = vb_status_exit(ws);
            }
        }
        if (o->md) {
            vb_status ws = vb_cmp_write_md(set, stdout);
            if (fflush(stdout) != 0) ws = VB_E_IO;
            if (ws != VB_OK && !rc) rc = vb_status_exit(ws);
        }
    }
    vb_cmp_set_free(set);
    free(failed);
    return rc;
}

int vb_cmd_compare(int argc, char **argv) {
    vb_pipeline_options po;
    vb_pipeline_options_default(&po);
    outputs o = {0};
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t n_inputs = 0;
    int rc = inputs ? parse_args(argc, argv, &po, &o, inputs, &n_inputs) : VB_EXIT_INTERNAL;
    if (rc < 0) rc = run(&po, &o, inputs, n_inputs);
    for (size_t i = 0; i < o.n_types; i++) free(o.types[i]);
    free(o.types);
    free(inputs);
    return rc;
}
