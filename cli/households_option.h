/* households_option.h -- the options that close the model for households
 * (--type I|II, --households-income ROW, --households-consumption COL),
 * shared by `clio multipliers` and `clio impact`. */
#ifndef CLIO_CLI_HOUSEHOLDS_OPTION_H
#define CLIO_CLI_HOUSEHOLDS_OPTION_H

#include "cli.h"

/* Option ids of this block (command-specific ids start at 400). */
enum { OPT_TYPE = 400, OPT_HOUSEHOLDS_INCOME, OPT_HOUSEHOLDS_CONSUMPTION };

#define CLI_HOUSEHOLDS_OPTIONS                                                                 \
    {"type", required_argument, 0, OPT_TYPE},                                                  \
        {"households-income", required_argument, 0, OPT_HOUSEHOLDS_INCOME},                    \
        {"households-consumption", required_argument, 0, OPT_HOUSEHOLDS_CONSUMPTION}

#define CLI_HOUSEHOLDS_HELP                                                                    \
    "household closure (Type II):\n"                                                           \
    "  --type I|II        I: open model (default); II: closed for households\n"               \
    "  --households-income ROW       value-added row households earn (e.g.\n"                  \
    "                     compensation_of_employees)\n"                                        \
    "  --households-consumption COL  final-demand category households spend\n"                 \
    "                     (e.g. household_consumption); one household group per\n"             \
    "                     region that has such a column\n"

/* What the options said, plus the command's own option handler, called
 * for every option that is not one of these. */
typedef struct cli_households {
    const char *command; /* for messages */
    int type;            /* 1 or 2 */
    const char *income, *consumption;
    cli_extra_fn next;
    void *next_ctx;
} cli_households;

/* cli_households_option -- a cli_extra_fn: ctx is a cli_households. */
int cli_households_option(void *ctx, int opt, const char *arg);

/* cli_households_check -- after parsing: --type II needs both household
 * options, --type I takes neither.  0 or CLI_EXIT_USAGE (message printed). */
int cli_households_check(const cli_common *o, const cli_households *h, const char *usage);


#endif
