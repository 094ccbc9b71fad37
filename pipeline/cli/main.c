/* vanban — command dispatcher. */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} commands[] = {
    {"convert", vb_cmd_convert, "convert one file to the contract JSON (or XML)"},
    {"batch", vb_cmd_batch, "convert many files/folders in parallel, with a manifest"},
    {"validate", vb_cmd_validate, "check JSON/XML results against the schemas"},
    {"compare", vb_cmd_compare, "compare plans side by side (HTML/CSV/Markdown)"},
    {"ingest", vb_cmd_ingest, "stage 1: show the raw blocks read from a file"},
    {"normalize", vb_cmd_normalize, "stage 2: show the normalised text and its line map"},
    {"segment", vb_cmd_segment, "stage 3: show documents, headers and sections"},
    {"extract", vb_cmd_extract, "stage 4: show the extracted facts alone"},
    {"version", NULL, "print the version (also --version, -V)"},
};

static void usage(FILE *f) {
    fprintf(f, "usage: vanban COMMAND [OPTIONS] FILE...\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n`vanban COMMAND --help` for a command's options; `vanban --version` (-V);\n"
               "the manual: `man vanban`.\n"
               "exit codes: 0 ok, 2 usage, 3 I/O, 4 input refused, 5 invalid, 70 internal,\n"
               "            130 interrupted (batch)\n");
}

int main(int argc, char **argv) {
    /* libxml2 2.9's lazy global set-up is not thread-safe: do it before any
     * worker thread exists. */
    xmlInitParser();
    /* libzip turns every zip entry's DOS time into a time_t with mktime();
     * with TZ unset, glibc stats /etc/localtime on every call (20 times a
     * DOCX).  Naming the same zone explicitly lets it keep what it read. */
    if (!getenv("TZ")) setenv("TZ", ":/etc/localtime", 1);
    if (argc < 2) return vb_cli_usage_error(NULL, "no COMMAND given");
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return VB_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V") || !strcmp(argv[1], "version")) {
        printf("vanban %s\n", VB_VERSION);
        return VB_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (commands[i].run && !strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    if (argv[1][0] == '-') return vb_cli_usage_error(NULL, "unknown option '%s'", argv[1]);
    return vb_cli_usage_error(NULL, "unknown command '%s'", argv[1]);
}
