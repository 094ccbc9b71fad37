/* vanban validate [--schemas DIR] FILE... — check results against schemas/. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../validate/validate.h"
#include "commands.h"

static void help(FILE *f, int unused) {
    fprintf(f, "usage: vanban validate [--schemas DIR] [--jsonl] [--quiet] FILE...\n"
               "Check vanban results (JSON, JSON Lines or XML, detected from the content;\n"
               "\"-\" for stdin) against schemas/vanban.schema.json and schemas/vanban.xsd.\n"
               "  --schemas DIR   the schemas directory (default: <exe>/../schemas,\n"
               "                  <exe>/../share/vanban/schemas, then $VANBAN_SCHEMAS)\n"
               "  --jsonl         read every FILE as JSON Lines (one result a line, as\n"
               "                  `vanban batch --ndjson` writes); detected without it when\n"
               "                  the first line holds a whole result\n"
               "  -q, --quiet     no summary on stderr\n"
               "Each violation is one line on stdout:\n"
               "  FILE: /json/pointer: message            (JSON)\n"
               "  FILE:LINE: /json/pointer: message       (JSON Lines: LINE is the record's)\n"
               "  FILE:LINE: /element/path[n]: message     (XML)\n"
               "exit: 0 all valid, 5 some invalid, 3 some unreadable (takes precedence),\n"
               "      2 usage, 70 schemas broken\n");
}

typedef struct {
    const char *file;
} report_ctx;

static void print_violation(void *ctx, long line, const char *path, const char *message) {
    const report_ctx *c = ctx;
    if (line > 0)
        printf("%s:%ld:", c->file, line);
    else
        printf("%s:", c->file);
    if (path && *path) printf(" %s:", path);
    printf(" %s\n", message);
}

static int validate_files(const char *schemas, int quiet, vb_validate_mode mode, const char **files,
                          size_t n_files);

int vb_cmd_validate(int argc, char **argv) {
    const char *schemas = NULL;
    int quiet = 0, jsonl = 0;
    const char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return VB_EXIT_INTERNAL;
    const vb_cli_option options[] = {
        {"--schemas", NULL, NULL, &schemas, NULL, NULL},
        {"--quiet", "-q", &quiet, NULL, NULL, NULL},
        {"--jsonl", NULL, &jsonl, NULL, NULL, NULL},
    };
    vb_cli_line line = {
        "validate", options, sizeof options / sizeof *options, NULL, help, 0, files, (size_t)argc, 0, NULL,
        true,       NULL};
    int rc = vb_cli_parse(&line, argc, argv);
    if (rc < 0)
        rc = validate_files(schemas, quiet, jsonl ? VB_VALIDATE_JSONL : VB_VALIDATE_AUTO, files,
                            line.n_operands);
    free(files);
    return rc;
}

/* Validate each file against the schemas; the exit code. */
static int validate_files(const char *schemas, int quiet, vb_validate_mode mode, const char **files,
                          size_t n_files) {
    if (n_files == 0) return vb_cli_usage_error("validate", "no FILE given (\"-\" reads stdin)");
    char dir[PATH_MAX];
    if (vb_schemas_dir_find(schemas, dir, sizeof dir) != VB_OK) {
        fprintf(stderr,
                "vanban validate: no schemas found%s%s (use --schemas DIR or "
                "VANBAN_SCHEMAS)\n",
                schemas ? " in " : "", schemas ? schemas : "");
        return VB_EXIT_IO;
    }
    vb_validator *v;
    char err[512];
    vb_status st = vb_validator_open(dir, &v, err, sizeof err);
    if (st != VB_OK) {
        fprintf(stderr, "vanban validate: %s: %s\n", vb_status_code(st), err);
        return st == VB_E_IO ? VB_EXIT_IO : VB_EXIT_INTERNAL;
    }
    int valid = 0, invalid = 0, unreadable = 0, internal = 0;
    size_t records = 0; /* in JSON Lines files */
    for (size_t i = 0; i < n_files; i++) {
        const char *a = files[i];
        report_ctx rc = {a};
        size_t n = 0;
        vb_status fs = vb_validate_file_mode(v, a, mode, print_violation, &rc, &n);
        if (n > 1) records += n;
        if (fs == VB_OK) {
            valid++;
        } else if (fs == VB_E_SCHEMA) {
            invalid++;
        } else if (fs == VB_E_IO) {
            unreadable++;
            fprintf(stderr, "vanban validate: %s: cannot read\n", a);
        } else {
            internal++;
            fprintf(stderr, "vanban validate: %s: %s: %s\n", a, vb_status_code(fs), vb_status_text(fs));
        }
    }
    vb_validator_close(v);
    if (fflush(stdout) != 0) return VB_EXIT_IO;
    if (!quiet) {
        fprintf(stderr, "vanban validate: %d valid, %d invalid, %d unreadable", valid, invalid, unreadable);
        if (records) fprintf(stderr, " (%zu JSON Lines records checked)", records);
        fputc('\n', stderr);
    }
    if (internal) return VB_EXIT_INTERNAL;
    if (unreadable) return VB_EXIT_IO;
    return invalid ? VB_EXIT_INVALID : VB_EXIT_OK;
}
