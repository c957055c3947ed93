/* cmd_prices.c -- `clio prices TABLE --cost-change FILE`: cost-push price
 * effects of the Leontief price model, dp = (I - A')^-1 dv, for changes of
 * value-added costs (e.g. wages or energy) by sector. */
#include "cli.h"

#include <stdlib.h>

enum { OPT_COST_CHANGE = 410 };

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

    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    double *dv = malloc((t->n ? t->n : 1) * sizeof *dv);
    if (!dv) {
        status = cli_error(&o, CLIO_ENOMEM, NULL);
        goto done;
    }
    if ((status = clio_cost_change_read_csv(changes.value, t, dv, &err)) != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    /* Prices need A' only: factor in Z's memory. */
    if ((status = cli_factor(&o, t, 1, &f)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    if ((status = clio_prices(t, f, dv, &r, &err)) != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    cli_timing(&o, "solve", cli_now() - t0);
    status = cli_emit(&o, r);
done:
    free(dv);
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}
