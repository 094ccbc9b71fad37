/* commands.h — one function per `vanban` sub-command, each in its own
 * cmd_*.c.  A command parses its own options, prints its own --help, and
 * returns the process exit code (see README "Exit codes"). */
#ifndef VB_COMMANDS_H
#define VB_COMMANDS_H
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

/* The value of the option argv[*i]: *out = argv[*i + 1], *i advanced, 0;
 * when it is the last argument, a usage error naming it (returns 2). */
int vb_cli_value(int argc, char **argv, int *i, const char **out);

#endif
