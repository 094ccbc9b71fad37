/* commands.h — one function per `vanban` sub-command, each in its own
 * cmd_*.c.  A command lists its options in a table for vb_cli_parse, prints
 * its own --help, and returns the process exit code (status.h, VB_EXIT_*;
 * README "Exit codes"). */
#ifndef VB_COMMANDS_H
#define VB_COMMANDS_H
#include <stdbool.h>
#include <stdio.h>

#include "../pipeline.h"

int vb_cmd_convert(int argc, char **argv);
int vb_cmd_ingest(int argc, char **argv);
int vb_cmd_normalize(int argc, char **argv);
int vb_cmd_segment(int argc, char **argv);
int vb_cmd_extract(int argc, char **argv);
int vb_cmd_validate(int argc, char **argv);
int vb_cmd_batch(int argc, char **argv);
int vb_cmd_compare(int argc, char **argv);

/* Shared option handling for the commands that run the pipeline.
 * Recognises --tone, --no-rejoin, --max-input-bytes, --max-inflated-bytes,
 * --max-inflate-ratio, --max-zip-entries; returns 1 if argv[*i] was one of
 * them (advancing *i past its value), 0 if not, -1 on a bad value. */
int vb_cli_pipeline_option(int argc, char **argv, int *i, vb_pipeline_options *o);
extern const char vb_cli_pipeline_help[];

/* A usage error of `vanban CMD` (cmd NULL: of `vanban` itself): one line on
 * stderr, "vanban CMD: " and the printf-style reason, then a pointer to
 * --help.  Returns 2, the usage exit code. */
int vb_cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The pointer to `vanban CMD --help` alone, after a reason already printed
 * (vb_cli_pipeline_option prints its own).  Returns 2. */
int vb_cli_try_help(const char *cmd);

/* One option of a command, in its table: `name` (and `alias`, or NULL)
 * either sets *flag to 1, or takes the next argument into *value, or hands
 * it to add(ctx, value) (a repeatable option), which returns VB_EXIT_OK or
 * an exit code. */
typedef struct {
    const char *name, *alias;
    int *flag;
    const char **value;
    int (*add)(void *ctx, const char *value);
    void *ctx;
} vb_cli_option;

/* A command's line: its options, the pipeline's (when pipeline is not
 * NULL), --help/-h, and operands (FILE, INPUT…) up to max_operands; "--"
 * makes the rest operands when allow_dashdash.  A second operand past
 * max_operands 1 is refused with too_many (a format given the two).  A
 * short option that takes a value may have it glued on ("-j4").  An
 * unknown option is refused as "unknown option '%s'", or with `unknown`
 * when set (a format given the argument), which then also reports an
 * option whose value is missing. */
typedef struct {
    const char *cmd;
    const vb_cli_option *options;
    size_t n_options;
    vb_pipeline_options *pipeline;
    void (*help)(FILE *f, int help_arg);
    int help_arg;
    const char **operands; /* room for max_operands */
    size_t max_operands, n_operands;
    const char *too_many;
    bool allow_dashdash;
    const char *unknown;
} vb_cli_line;

/* Parse argv[1..argc) by the table: -1 when the command should run, else
 * the exit code to return (VB_EXIT_OK after --help, VB_EXIT_USAGE after a
 * usage error, already reported). */
int vb_cli_parse(vb_cli_line *line, int argc, char **argv);

/* The value of the option argv[*i]: *out = argv[*i + 1], *i advanced, 0;
 * when it is the last argument, a usage error naming it (returns 2). */
int vb_cli_value(int argc, char **argv, int *i, const char **out);

#endif
