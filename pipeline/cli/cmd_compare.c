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

static void help(FILE *f) {
    fprintf(f,
            "usage: vanban compare INPUT... [--html OUT.html] [--csv DIR] [--md] [options]\n"
            "Compare plans side by side: targets by theme, who does what, legal basis,\n"
            "the citation chain and the timeline.  Each INPUT is a document (.txt/.docx,\n"
            "converted in-process) or a `vanban convert` JSON result (detected by content).\n"
            "  --html OUT.html          one self-contained HTML report (no network needed)\n"
            "  --csv DIR                targets.csv units.csv basis.csv chain.csv timeline.csv\n"
            "                           (UTF-8 with BOM, RFC 4180); DIR is created if missing\n"
            "  --md                     Markdown tables on stdout\n"
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

int vb_cmd_compare(int argc, char **argv) {
    vb_pipeline_options po;
    vb_pipeline_options_default(&po);
    const char *html = NULL, *csv = NULL;
    int md = 0;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t n_inputs = 0;
    if (!inputs) return 70;
    for (int i = 1; i < argc; i++) {
        int k = vb_cli_pipeline_option(argc, argv, &i, &po);
        if (k < 0) {
            free(inputs);
            return 2;
        }
        if (k) continue;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            help(stdout);
            free(inputs);
            return 0;
        } else if (!strcmp(argv[i], "--html") && i + 1 < argc) {
            html = argv[++i];
        } else if (!strcmp(argv[i], "--csv") && i + 1 < argc) {
            csv = argv[++i];
        } else if (!strcmp(argv[i], "--md")) {
            md = 1;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "vanban compare: unknown option %s\n", argv[i]);
            help(stderr);
            free(inputs);
            return 2;
        } else {
            inputs[n_inputs++] = argv[i];
        }
    }
    if (!n_inputs || (!html && !csv && !md)) {
        help(stderr);
        free(inputs);
        return 2;
    }
    vb_pipeline *p = NULL;
    vb_cmp_set *set = NULL;
    vb_status s = vb_pipeline_open(&po, &p);
    if (s == VB_OK) s = vb_cmp_set_new(&set);
    if (s != VB_OK) {
        fprintf(stderr, "vanban compare: %s: cannot start\n", vb_status_code(s));
        vb_pipeline_close(p);
        free(inputs);
        return vb_status_exit(s);
    }
    const char **failed = calloc(n_inputs + 1, sizeof *failed);
    size_t n_failed = 0;
    int rc = failed ? 0 : 70;
    for (size_t i = 0; failed && i < n_inputs; i++) {
        char err[512];
        vb_status fs = vb_cmp_add_file(set, p, inputs[i], err, sizeof err);
        if (fs == VB_OK) continue;
        fprintf(stderr, "vanban compare: %s: %s: %s\n", inputs[i], vb_status_code(fs),
                err[0] ? err : vb_status_text(fs));
        if (fs == VB_E_NOMEM) {
            rc = 70;
            break;
        }
        failed[n_failed++] = inputs[i];
        if (!rc) rc = vb_status_exit(fs);
    }
    vb_pipeline_close(p);
    if (rc != 70 && (s = vb_cmp_analyse(set)) != VB_OK) {
        fprintf(stderr, "vanban compare: %s: analysis failed\n", vb_status_code(s));
        rc = vb_status_exit(s);
    } else if (rc != 70) {
        if (html) {
            FILE *f = fopen(html, "w");
            vb_status ws = f ? vb_cmp_write_html(set, failed, n_failed, f) : VB_E_IO;
            if (f && fclose(f) != 0) ws = VB_E_IO;
            if (ws != VB_OK) {
                fprintf(stderr, "vanban compare: %s: writing %s failed\n", vb_status_code(ws),
                        html);
                if (!rc) rc = vb_status_exit(ws);
            }
        }
        if (csv) {
            char err[512] = "";
            vb_status ws = make_dir(csv) == 0 ? vb_cmp_write_csv(set, csv, err, sizeof err)
                                              : VB_E_IO;
            if (ws != VB_OK) {
                fprintf(stderr, "vanban compare: %s: writing %s failed\n", vb_status_code(ws),
                        err[0] ? err : csv);
                if (!rc) rc = vb_status_exit(ws);
            }
        }
        if (md) {
            vb_status ws = vb_cmp_write_md(set, stdout);
            if (fflush(stdout) != 0) ws = VB_E_IO;
            if (ws != VB_OK && !rc) rc = vb_status_exit(ws);
        }
    }
    vb_cmp_set_free(set);
    free(failed);
    free(inputs);
    return rc;
}
