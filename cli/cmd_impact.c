/* cmd_impact.c -- `clio impact TABLE --demand CHANGES.csv`: the effect of a
 * change in final demand on output, value added and satellites, split
 * into direct and indirect effects (and, with --type II, effects induced by
 * household income and spending), with totals. */
#include "cli.h"
#include "households_option.h"

#include <stdlib.h>

int cmd_impact(int argc, char **argv)
{
    static const char usage[] =
        "clio impact TABLE --demand CHANGES.csv [--format text|csv] [-o OUT.nc|OUT.csv]\n"
        "       [--type I|II --households-income ROW --households-consumption COL]";
    static const char help[] =
        "Effects of a change in final demand.  CHANGES.csv has the columns\n"
        "region,sector,change (region may be left out for one-region tables).\n"
        "For output and every value-added and satellite account: the direct\n"
        "effect (of the demand change itself), the indirect effect (through the\n"
        "supply chain) and the total, per sector, with totals per region.\n"
        "With --type II the model is closed for households and an \"induced\"\n"
        "effect (household income earned and spent again) joins the split:\n"
        "total = direct + indirect + induced.\n"
        "\n" CLI_HOUSEHOLDS_HELP;
    static const struct option extra[] = {{"demand", required_argument, 0, OPT_DEMAND},
                                          CLI_HOUSEHOLDS_OPTIONS,
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "impact"};
    cli_string demand = {OPT_DEMAND, NULL};
    cli_households hh = {.command = o.command, .type = 1, .next = cli_string_option,
                         .next_ctx = &demand};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_households_option, &hh, usage, help,
                             &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!demand.value)
        return cli_usage_error(&o, usage, "missing --demand CHANGES.csv");
    if ((rc = cli_households_check(&o, &hh, usage)) != 0)
        return rc;

    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_leontief *f = NULL;
    clio_households *h = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    double *df = malloc((t->n ? t->n : 1) * sizeof *df);
    if (!df) {
        status = cli_error(&o, CLIO_ENOMEM, NULL);
        goto done;
    }
    if ((status = clio_demand_read_csv(demand.value, t, df, &err)) != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    if (hh.type == 2 && (status = cli_households_define(&o, &hh, t, &h)) != CLIO_OK)
        goto done;
    if ((status = cli_factor(&o, t, 1, &f)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    status = h ? clio_impact_type2(t, f, h, df, &r, &err) : clio_impact(t, f, df, &r, &err);
    if (status != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    cli_timing(&o, "solve", cli_now() - t0);
    status = cli_emit(&o, r);
done:
    free(df);
    clio_result_free(r);
    clio_households_free(h);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}
