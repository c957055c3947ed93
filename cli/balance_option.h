/* balance_option.h -- options of the commands that balance (balance,
 * project): --tol, --max-iter (ids 700-709). */
#ifndef CLIO_CLI_BALANCE_OPTION_H
#define CLIO_CLI_BALANCE_OPTION_H

#include "cli.h"

enum { OPT_TOL = 700, OPT_MAX_ITER };

typedef struct balance_option {
    clio_balance_options opt;
} balance_option;

#define BALANCE_OPTIONS                                                                   \
    {"tol", required_argument, 0, OPT_TOL}, {"max-iter", required_argument, 0, OPT_MAX_ITER}

#define BALANCE_HELP                                                                    \
    "balancing options:\n"                                                              \
    "  --tol T          converged when every row and column sum is within\n"             \
    "                   T * max(1, |target|) of its target (default 1e-10)\n"           \
    "  --max-iter N     give up after N rounds, exit 13 (default 10000)\n"

/* balance_option_parse -- handle one of the options above: 1 handled, 0 not
 * ours, -1 bad value (message printed). */
int balance_option_parse(balance_option *b, int opt, const char *arg, const char *command);

/* balance_report -- "balanced by RAS in N iterations, residual R" on stderr
 * unless quiet. */
void balance_report(const cli_common *o, const char *method, const clio_balance_info *info);

#endif
