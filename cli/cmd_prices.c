/* cmd_prices.c -- `clio prices TABLE --cost-change FILE`: cost-push price
 * effects of the Leontief price model, dp = (I - A')^-1 dv, for changes of
 * value-added costs (e.g. wages or energy) by sector. */
#include "cli.h"

#include <stdlib.h>

enum { OPT_COST_CHANGE = 410 };

typedef struct price_inputs {
    const char *path; /* --cost-change */
    double *dv;       /* the cost changes, n values */
} price_inputs;

static int read_changes(void *ctx, const clio_table *t, clio_error *err)
{
    price_inputs *in = ctx;
    if (!(in->dv = cli_sector_vector(t, err)))
        return CLIO_ENOMEM;
    return clio_cost_change_read_csv(in->path, t, in->dv, err);
}

static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    const price_inputs *in = ctx;
    return clio_prices(t, f, in->dv, out, err);
}

int cmd_prices(int argc, char **argv)
{
    static const char usage[] =
        "clio prices TABLE --cost-change CHANGES.csv [--format text|csv] [-o OUT.nc|OUT.csv]";
    static const char help[] =
        "Cost-push price effects of the Leontief price model p = (I - A')^-1 v\n"
        "(prices are 1 in the base year).  CHANGES.csv has the columns\n"
        "region,sector,change and optionally component (region may be left out for\n"
        "one-region tables).  Without component, change is the change of value-\n"
        "added cost per unit of output of the sector (e.g. 0.01); with component\n"
        "(a value-added row, e.g. compensation_of_employees), change is the\n"
        "relative change of that cost (0.1 = +10 %).  Rows add up.  Fields, per\n"
        "sector, of the account \"price\":\n"
        "  cost_change   the sector's own change of value-added cost per unit\n"
        "  indirect      the change passed on through intermediate inputs\n"
        "  price_change  cost_change + indirect: the relative price change\n";
    static const struct option extra[] = {
        {"cost-change", required_argument, 0, OPT_COST_CHANGE}, {0, 0, 0, 0}};
    cli_common o = {.command = "prices"};
    cli_string changes = {OPT_COST_CHANGE, NULL};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_string_option, &changes, usage, help,
                             &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!changes.value)
        return cli_usage_error(&o, usage, "missing --cost-change CHANGES.csv");

    /* Prices need A' only: factor in Z's memory. */
    price_inputs in = {changes.value, NULL};
    const cli_analysis a = {.prepare = read_changes, .analyse = analyse, .ctx = &in};
    int status = cli_run_analysis(&o, table, &a);
    free(in.dv);
    return status;
}
