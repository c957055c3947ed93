/* cmd_impact.c -- `clio impact TABLE --demand CHANGES.csv`: the effect of a
 * change in final demand on output, value added and satellites, split
 * into direct and indirect effects (and, with --type II, effects induced by
 * household income and spending), with totals; with --rounds K, round by
 * round instead (the demand itself, then what each round of purchases
 * calls for, then the rest). */
#include "cli.h"
#include "households_option.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

enum { OPT_ROUNDS = 500 };

typedef struct impact_inputs {
    const cli_households *hh;
    const char *demand; /* --demand CHANGES.csv */
    size_t rounds;      /* --rounds K (0: the direct/indirect split) */
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
    if (in->rounds)
        return clio_impact_rounds(t, f, in->df, in->rounds, out, err);
    return in->h ? clio_impact_type2(t, f, in->h, in->df, out, err)
                 : clio_impact(t, f, in->df, out, err);
}

/* The command's own options: --demand and --rounds (the text, checked
 * after parsing). */
typedef struct impact_options {
    const char *demand, *rounds;
} impact_options;

static int impact_option(void *ctx, int opt, const char *arg)
{
    impact_options *io = ctx;
    if (opt == OPT_DEMAND)
        io->demand = arg;
    else if (opt == OPT_ROUNDS)
        io->rounds = arg;
    else
        return 0;
    return 1;
}

/* --rounds K: a whole number from 1 to CLIO_ROUNDS_MAX; 0 when malformed. */
static size_t parse_rounds(const char *arg)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end != '\0' || errno || v < 1 || v > CLIO_ROUNDS_MAX)
        return 0;
    return (size_t)v;
}

int cmd_impact(int argc, char **argv)
{
    static const char usage[] =
        "clio impact TABLE --demand CHANGES.csv [--rounds K] [--format text|csv]\n"
        "       [-o OUT.nc|OUT.csv]\n"
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
        "With --rounds K the effects are shown round by round instead: round_0 the\n"
        "demand change itself, round_1 .. round_<K-1> what each round of purchases\n"
        "calls for (A^k times the change), rest = all later rounds, total as above\n"
        "(the rounds need Z, so it is not consumed: LU then factors a copy).\n"
        "\n"
        "  --rounds K         K rounds (1 to 100) instead of direct/indirect\n"
        "\n" CLI_HOUSEHOLDS_HELP;
    static const struct option extra[] = {{"demand", required_argument, 0, OPT_DEMAND},
                                          {"rounds", required_argument, 0, OPT_ROUNDS},
                                          CLI_HOUSEHOLDS_OPTIONS,
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "impact", .sparse_ok = 1};
    impact_options io = {0};
    cli_households hh = {.command = o.command, .type = 1, .next = impact_option,
                         .next_ctx = &io};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_households_option, &hh, usage, help,
                             &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!io.demand)
        return cli_usage_error(&o, usage, "missing --demand CHANGES.csv");
    if ((rc = cli_households_check(&o, &hh, usage)) != 0)
        return rc;
    size_t rounds = 0;
    if (io.rounds && !(rounds = parse_rounds(io.rounds)))
        return cli_usage_error(&o, usage,
                               "--rounds needs a whole number from 1 to %d, not '%s'",
                               CLIO_ROUNDS_MAX, io.rounds);
    if (rounds && hh.type == 2)
        return cli_usage_error(&o, usage, "--rounds is for the open model: not with --type II");

    impact_inputs in = {&hh, io.demand, rounds, NULL, NULL};
    /* The rounds read A from Z: keep it (an iterative method borrows it). */
    const cli_analysis a = {.keep_z = rounds > 0, .prepare = read_inputs, .analyse = analyse,
                            .ctx = &in, .rhs = 2};
    int status = cli_run_analysis(&o, table, &a);
    free(in.df);
    clio_households_free(in.h);
    return status;
}
