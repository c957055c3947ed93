/* cmd_ghosh.c -- `clio ghosh TABLE`: the Ghosh supply-side model, forward
 * (supply-side) multipliers for output and every value-added and satellite
 * account by solves with the Leontief factor; the Ghosh inverse only with
 * --inverse. */
#include "cli.h"

#include <stdlib.h>

/* G = xhat^-1 L xhat, on request: n more n x n doubles. */
static int save_inverse(const cli_common *o, const clio_table *t, const clio_leontief *f,
                        const char *path)
{
    clio_error err = {0};
    size_t ld = t->n ? t->n : 1;
    double *G = malloc(ld * ld * sizeof *G);
    if (!G)
        return cli_error(o, CLIO_ENOMEM, NULL);
    int status = clio_ghosh_inverse(t, f, G, ld, &err);
    if (status == CLIO_OK)
        status = clio_matrix_save_csv(t, G, ld, path, &err);
    free(G);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
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

    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    /* B needs Z: factor in a copy. */
    if ((status = cli_factor(&o, t, 0, &f)) != CLIO_OK)
        goto done;
    if (inverse.value && (status = save_inverse(&o, t, f, inverse.value)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    if ((status = clio_ghosh(t, f, &r, &err)) != CLIO_OK) {
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
