/* regional_options.h -- the options `clio regionalize` and `clio
 * interregional` share: where the regional sizes come from, the
 * location-quotient method and delta, survey overrides. */
#ifndef CLIO_CLI_REGIONAL_OPTIONS_H
#define CLIO_CLI_REGIONAL_OPTIONS_H

#include "cli.h"

enum {
    OPT_EMPLOYMENT = 700, OPT_REGIONAL_OUTPUT, OPT_NATIONAL_ACCOUNT, OPT_METHOD, OPT_DELTA,
    OPT_OVERRIDES, OPT_FD_SHARE, OPT_MULTIPLIERS, OPT_REST, OPT_CROSS_HAULING
};

#define CLI_REGIONAL_OPTIONS                                                                   \
    {"employment", required_argument, 0, OPT_EMPLOYMENT},                                      \
        {"regional-output", required_argument, 0, OPT_REGIONAL_OUTPUT},                        \
        {"national-account", required_argument, 0, OPT_NATIONAL_ACCOUNT},                      \
        {"method", required_argument, 0, OPT_METHOD},                                          \
        {"delta", required_argument, 0, OPT_DELTA},                                            \
        {"overrides", required_argument, 0, OPT_OVERRIDES}

#define CLI_REGIONAL_HELP                                                                      \
    "regional sizes (one of):\n"                                                               \
    "  --employment FILE  columns sector,employment (region for several regions;\n"           \
    "                     national: the national employment of the sector)\n"                 \
    "  --regional-output FILE  columns sector,output: regional output in the\n"              \
    "                     table's unit (national sizes: the table's x)\n"                      \
    "  --national-account NAME  national employment = this satellite of TABLE\n"              \
    "                     (without it and without a 'national' column: the sum\n"             \
    "                     over the file's regions)\n"                                          \
    "location quotients:\n"                                                                    \
    "  --method M         slq, cilq, flq (default) or aflq\n"                                 \
    "  --delta D          FLQ/AFLQ delta in [0, 1] (default 0.3)\n"                           \
    "  --overrides FILE   survey purchase coefficients: columns sector,rpc\n"                 \
    "                     [,buyer][,region]; rpc in [0, 1] replaces min(LQ, 1)\n"

/* What the options said.  all_methods: --method all (regionalize only). */
typedef struct cli_regional {
    const char *command;
    const char *sizes_file;
    int measure; /* enum clio_size_measure */
    const char *national_account;
    int method, all_methods;
    double delta;
    const char *overrides;
    double fd_share;          /* regionalize --fd-share */
    const char *multipliers;  /* regionalize --multipliers FILE */
    const char *rest;         /* interregional --rest NAME */
    int charm;                /* interregional --cross-hauling H given */
    double heterogeneity;
} cli_regional;

/* cli_regional_init -- the defaults: FLQ, delta 0.3. */
void cli_regional_init(cli_regional *r, const char *command);
/* cli_regional_option -- a cli_extra_fn: ctx is a cli_regional. */
int cli_regional_option(void *ctx, int opt, const char *arg);
/* cli_regional_check -- after parsing: one size file given.  0 or
 * CLI_EXIT_USAGE (message printed). */
int cli_regional_check(const cli_common *o, const cli_regional *r, const char *usage);
/* cli_regional_sizes -- read the size file for t (the one region named
 * o->region when the file has no region column); errors printed. */
int cli_regional_sizes(const cli_common *o, const cli_regional *r, const clio_table *t,
                       clio_regional_sizes **out);
/* cli_regional_overrides -- n x n overrides for `region` from --overrides
 * into *rpc (NULL without the option); errors printed. */
int cli_regional_overrides(const cli_common *o, const cli_regional *r, const clio_table *t,
                           const char *region, double **rpc);

#endif
