/* cmd_multipliers.c -- `clio multipliers TABLE`: Type I multipliers for
 * output, every value-added row and every satellite account, by one
 * transposed solve per account (the inverse only with --inverse). */
#include "cli.h"

#include <stdlib.h>

/* The Leontief inverse, on request: n more n x n doubles. */
static int save_inverse(const cli_common *o, const clio_table *t, const clio_leontief *f,
                        const char *path)
{
    clio_error err = {0};
    double *L = malloc((t->n ? t->n * t->n : 1) * sizeof *L);
    if (!L)
        return cli_error(o, CLIO_ENOMEM, NULL);
    int status = clio_leontief_inverse(f, L, t->n ? t->n : 1, &err);
    if (status == CLIO_OK)
        status = clio_matrix_save_csv(t, L, t->n ? t->n : 1, path, &err);
    free(L);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

int cmd_multipliers(int argc, char **argv)
{
    static const char usage[] =
        "clio multipliers TABLE [--format text|csv] [-o OUT.nc|OUT.csv] [--inverse L.csv]";
    static const char help[] =
        "Type I multipliers of TABLE for output, each value-added row and each\n"
        "satellite account: the direct coefficient (account / output), the total\n"
        "effect per unit of final demand (c'L) and the multiplier (effect /\n"
        "coefficient).  --format csv prints tidy CSV with the header\n"
        "region,sector,account,coefficient,effect,multiplier; -o saves NetCDF\n"
        "(.nc) or CSV.  --inverse also writes the Leontief inverse L as CSV.\n";
    static const struct option extra[] = {{"inverse", required_argument, 0, OPT_INVERSE},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "multipliers"};
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
    /* Z is not needed after I - A is built: factor in its memory. */
    if ((status = cli_factor(&o, t, 1, &f)) != CLIO_OK)
        goto done;
    if (inverse.value && (status = save_inverse(&o, t, f, inverse.value)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    if ((status = clio_multipliers(t, f, &r, &err)) != CLIO_OK) {
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
