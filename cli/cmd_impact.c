/* cmd_impact.c -- `clio impact TABLE --demand CHANGES.csv`: the effect of a
 * change in final demand on output, value added and satellites, split
 * into direct and indirect effects (and, with --type II, effects induced by
 * household income and spending), with totals. */
#include "cli.h"
#include "households_option.h"

#include <stdlib.h>

typedef struct impact_inputs {
    const cli_households *hh;
    const char *demand; /* --demand CHANGES.csv */
    double *df;         /* the demand change, n values */
    clio_households *h; /* the closure, with --type II */
} impact_inputs;

static int read_inputs(void *ctx, const clio_table *t, clio_error *err)
{
    impact_inputs *in = ctx;
    if (!(in->df = cli_sector_vector(t, err)))
        return CLIO_ENOMEM;
    int status = clio_demand_read_csv(in->demand, t, in->df, err);
    if (status == CLIO_OK && in->hh->type == 2)
        status = clio_households_define(t, in->hh->income, in->hh->consumption, &in->h, err);
    return status;
}

static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    const impact_inputs *in = ctx;
    return in->h ? clio_impact_type2(t, f, in->h, in->df, out, err)
                 : clio_impact(t, f, in->df, out, err);
}

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

    impact_inputs in = {&hh, demand.value, NULL, NULL};
    const cli_analysis a = {.prepare = read_inputs, .analyse = analyse, .ctx = &in, .rhs = 2};
    int status = cli_run_analysis(&o, table, &a);
    free(in.df);
    clio_households_free(in.h);
    return status;
}
