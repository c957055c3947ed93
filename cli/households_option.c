/* households_option.c -- parsing and checking of the household-closure
 * options (--type, --households-income, --households-consumption). */
#include "households_option.h"

#include <string.h>

int cli_households_option(void *ctx, int opt, const char *arg)
{
    cli_households *h = ctx;
    switch (opt) {
    case OPT_TYPE:
        if (strcmp(arg, "I") == 0) {
            h->type = 1;
        } else if (strcmp(arg, "II") == 0) {
            h->type = 2;
        } else {
            fprintf(stderr, "clio %s: --type must be 'I' or 'II', not '%s'\n", h->command, arg);
            return -1;
        }
        return 1;
    case OPT_HOUSEHOLDS_INCOME: h->income = arg; return 1;
    case OPT_HOUSEHOLDS_CONSUMPTION: h->consumption = arg; return 1;
    default: return h->next ? h->next(h->next_ctx, opt, arg) : 0;
    }
}

int cli_households_check(const cli_common *o, const cli_households *h, const char *usage)
{
    if (h->type == 2 && (!h->income || !h->consumption))
        return cli_usage_error(o, usage,
                               "--type II needs --households-income ROW and "
                               "--households-consumption COL");
    if (h->type != 2 && (h->income || h->consumption))
        return cli_usage_error(o, usage,
                               "--households-income and --households-consumption need --type II");
    return 0;
}
