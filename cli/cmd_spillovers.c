/* cmd_spillovers.c -- `clio spillovers TABLE`: for a multi-regional table,
 * where the effect of final demand for each sector lands: in its own
 * region, in every other region (spillovers), and Miller's interregional
 * feedback against the single-region model of its region. */
#include "cli.h"

#include <stdio.h>

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

    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    if (t->nregions == 1 && o.verbose)
        fprintf(stderr, "clio spillovers: note: %s has one region: spillovers and feedback "
                        "are zero\n", table);
    /* The single-region blocks are built from Z: keep it. */
    if ((status = cli_factor(&o, t, 0, &f)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    if ((status = clio_spillovers(t, f, &r, &err)) != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    cli_timing(&o, "solve", cli_now() - t0);
    status = cli_emit(&o, r);
done:
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}
