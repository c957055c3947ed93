/* cmd_spillovers.c -- `clio spillovers TABLE`: for a multi-regional table,
 * where the effect of final demand for each sector lands: in its own
 * region, in every other region (spillovers), and Miller's interregional
 * feedback against the single-region model of its region. */
#include "cli.h"

#include <stdio.h>

typedef struct spillover_options {
    const cli_common *o;
    const char *table;
} spillover_options;

static int note_one_region(void *ctx, const clio_table *t, clio_error *err)
{
    const spillover_options *so = ctx;
    (void)err;
    if (t->nregions == 1 && so->o->verbose)
        fprintf(stderr, "clio spillovers: note: %s has one region: spillovers and feedback "
                        "are zero\n", so->table);
    return CLIO_OK;
}

static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    (void)ctx;
    return clio_spillovers(t, f, out, err);
}

int cmd_spillovers(int argc, char **argv)
{
    static const char usage[] = "clio spillovers TABLE [--format text|csv] [-o OUT.nc|OUT.csv]";
    static const char help[] =
        "Multi-regional multipliers of TABLE for output, each value-added row and\n"
        "each satellite account, per unit of final demand for each sector:\n"
        "  intraregional   effect in the sector's own region (column sums of L_ss)\n"
        "  spillover       effect in all other regions\n"
        "  total           intraregional + spillover (the Type I effect)\n"
        "  single_region   effect in the single-region model (I - A_ss)^-1 of its region\n"
        "  feedback        intraregional - single_region (Miller 1966; >= 0)\n"
        "  in:REGION       effect in each region\n"
        "--format csv prints tidy CSV (region,sector,account,<fields>); -o saves\n"
        "NetCDF (.nc) or CSV.  A one-region table has no spillovers and no feedback.\n";
    cli_common o = {.command = "spillovers"};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, NULL, NULL, NULL, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;

    /* The single-region blocks are built from Z: keep it. */
    spillover_options so = {&o, table};
    const cli_analysis a = {.keep_z = 1, .prepare = note_one_region, .analyse = analyse,
                            .ctx = &so};
    return cli_run_analysis(&o, table, &a);
}
