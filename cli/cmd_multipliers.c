/* cmd_multipliers.c -- `clio multipliers TABLE`: Type I multipliers for
 * output, every value-added row and every satellite account, by one
 * transposed solve per account (the inverse only with --inverse); with
 * --type II also the Type II multipliers of the model closed for
 * households, side by side. */
#include "cli.h"
#include "households_option.h"

typedef struct multiplier_inputs {
    const cli_households *hh;
    const char *inverse;  /* --inverse L.csv, or NULL */
    clio_households *h;   /* the closure, with --type II */
} multiplier_inputs;

static int define_households(void *ctx, const clio_table *t, clio_error *err)
{
    multiplier_inputs *in = ctx;
    if (in->hh->type != 2)
        return CLIO_OK;
    return clio_households_define(t, in->hh->income, in->hh->consumption, &in->h, err);
}

static int leontief_inverse(const clio_table *t, const clio_leontief *f, double *L, size_t ld,
                            clio_error *err)
{
    (void)t;
    return clio_leontief_inverse(f, L, ld, err);
}

/* With --inverse, the (open model's) Leontief inverse is written first. */
static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    const multiplier_inputs *in = ctx;
    int status = CLIO_OK;
    if (in->inverse)
        status = cli_save_matrix(t, f, leontief_inverse, in->inverse, err);
    if (status != CLIO_OK)
        return status;
    return in->h ? clio_multipliers_type2(t, f, in->h, out, err)
                 : clio_multipliers(t, f, out, err);
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
    cli_common o = {.command = "multipliers", .sparse_ok = 1};
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

    /* Z is not needed after I - A is built: factor in its memory. */
    multiplier_inputs in = {&hh, inverse.value, NULL};
    /* One transposed solve per account; --inverse solves n columns. */
    const cli_analysis a = {.prepare = define_households, .analyse = analyse, .ctx = &in,
                            .rhs = inverse.value ? 0 : CLI_RHS_ACCOUNTS};
    int status = cli_run_analysis(&o, table, &a);
    clio_households_free(in.h);
    return status;
}
