/* cmd_linkages.c -- `clio linkages TABLE`: direct and total backward and
 * forward linkages of every sector, Rasmussen-Hirschman indices (over all
 * sectors and within each region), coefficients of variation and the
 * key-sector class.  Needs Z besides the factor, so Z is not consumed. */
#include "cli.h"

static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    (void)ctx;
    return clio_linkages(t, f, out, err);
}

int cmd_linkages(int argc, char **argv)
{
    static const char usage[] = "clio linkages TABLE [--format text|csv] [-o OUT.nc|OUT.csv]";
    static const char help[] =
        "Backward and forward linkages of every sector: direct (column sums of A,\n"
        "row sums of the allocation coefficients B), total (column sums of the\n"
        "Leontief inverse L, row sums of the Ghosh inverse G), the Rasmussen-\n"
        "Hirschman indices (power and sensitivity of dispersion: total over its\n"
        "mean over all sectors, and over the mean of the sector's region), the\n"
        "coefficients of variation of the column of L and the row of G, and the\n"
        "class: key (both indices > 1), backward, forward or weak.\n";
    cli_common o = {.command = "linkages"};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, NULL, NULL, NULL, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;

    /* Linkages need Z besides the factor: keep it. */
    const cli_analysis a = {.keep_z = 1, .analyse = analyse};
    return cli_run_analysis(&o, table, &a);
}
