/* cmd_linkages.c -- `clio linkages TABLE`: direct and total backward and
 * forward linkages of every sector, Rasmussen-Hirschman indices (over all
 * sectors and within each region), coefficients of variation and the
 * key-sector class.  Needs Z besides the factor, so Z is not consumed. */
#include "cli.h"

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

    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    if ((status = cli_factor(&o, t, 0, &f)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    if ((status = clio_linkages(t, f, &r, &err)) != CLIO_OK) {
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
