/* cmd_ghosh.c -- `clio ghosh TABLE`: the Ghosh supply-side model, forward
 * (supply-side) multipliers for output and every value-added and satellite
 * account by solves with the Leontief factor; the Ghosh inverse only with
 * --inverse. */
#include "cli.h"

/* With --inverse, G = xhat^-1 L xhat is written first (n more n x n
 * doubles); ctx is the --inverse path or NULL. */
static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    const char *inverse = ctx;
    int status = inverse ? cli_save_matrix(t, f, clio_ghosh_inverse, inverse, err) : CLIO_OK;
    return status == CLIO_OK ? clio_ghosh(t, f, out, err) : status;
}

int cmd_ghosh(int argc, char **argv)
{
    static const char usage[] =
        "clio ghosh TABLE [--format text|csv] [-o OUT.nc|OUT.csv] [--inverse G.csv]";
    static const char help[] =
        "The Ghosh supply-side model of TABLE: allocation coefficients B = xhat^-1 Z\n"
        "(what each sector sells to each other, per unit of its output) and the\n"
        "Ghosh inverse G = (I - B)^-1 = xhat^-1 L xhat.  For output, each value-\n"
        "added row and each satellite account, per sector i:\n"
        "  allocation  direct forward linkage, the row sum of B (same for all accounts)\n"
        "  effect      the account in all sectors downstream per unit of primary\n"
        "              input into sector i (G d; for output the row sum of G, the\n"
        "              total forward linkage)\n"
        "  multiplier  effect / the account's own coefficient in sector i\n"
        "Sectors with zero output have no value (NaN).  --format csv prints tidy\n"
        "CSV; -o saves NetCDF (.nc) or CSV.  --inverse also writes G as CSV.\n";
    static const struct option extra[] = {{"inverse", required_argument, 0, OPT_INVERSE},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "ghosh"};
    cli_string inverse = {OPT_INVERSE, NULL};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_string_option, &inverse, usage, help,
                             &table);
    if (rc)
        return rc == -2 ? 0 : rc;

    /* B needs Z: factor in a copy. */
    const cli_analysis a = {.keep_z = 1, .analyse = analyse, .ctx = (void *)inverse.value};
    return cli_run_analysis(&o, table, &a);
}
