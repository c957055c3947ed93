/* cmd_multipliers.c -- `clio multipliers TABLE`: Type I multipliers for
 * output, every value-added row and every satellite account, by one
 * transposed solve per account (the inverse only with --inverse); with
 * --type II also the Type II multipliers of the model closed for
 * households, side by side. */
#include "cli.h"
#include "households_option.h"

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
        "clio multipliers TABLE [--format text|csv] [-o OUT.nc|OUT.csv] [--inverse L.csv]\n"
        "       [--type I|II --households-income ROW --households-consumption COL]";
    static const char help[] =
        "Type I multipliers of TABLE for output, each value-added row and each\n"
        "satellite account: the direct coefficient (account / output), the total\n"
        "effect per unit of final demand (c'L) and the multiplier (effect /\n"
        "coefficient).  --format csv prints tidy CSV with the header\n"
        "region,sector,account,coefficient,effect,multiplier; -o saves NetCDF\n"
        "(.nc) or CSV.  --inverse also writes the Leontief inverse L as CSV (the open\n"
        "model's L, also with --type II).\n"
        "\n"
        "--type II closes the model for households: they earn the value-added row\n"
        "ROW and spend it like the final-demand column COL.  The fields are then\n"
        "coefficient, direct (= coefficient), indirect (supply chain), induced\n"
        "(household income spent again), type1_effect = direct + indirect,\n"
        "type2_effect = type1_effect + induced, type1_multiplier and\n"
        "type2_multiplier (effect / coefficient).\n"
        "\n" CLI_HOUSEHOLDS_HELP;
    static const struct option extra[] = {{"inverse", required_argument, 0, OPT_INVERSE},
                                          CLI_HOUSEHOLDS_OPTIONS,
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "multipliers"};
    cli_string inverse = {OPT_INVERSE, NULL};
    cli_households hh = {.command = o.command, .type = 1, .next = cli_string_option,
                         .next_ctx = &inverse};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_households_option, &hh, usage, help,
                             &table);
    if (rc)
        return rc == -2 ? 0 : rc;
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
    if (hh.type == 2 && (status = cli_households_define(&o, &hh, t, &h)) != CLIO_OK)
        goto done;
    /* Z is not needed after I - A is built: factor in its memory. */
    if ((status = cli_factor(&o, t, 1, &f)) != CLIO_OK)
        goto done;
    if (inverse.value && (status = save_inverse(&o, t, f, inverse.value)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    status = h ? clio_multipliers_type2(t, f, h, &r, &err) : clio_multipliers(t, f, &r, &err);
    if (status != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    cli_timing(&o, "solve", cli_now() - t0);
    status = cli_emit(&o, r);
done:
    clio_result_free(r);
    clio_households_free(h);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}
