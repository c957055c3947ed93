/* cmd_shared_value.c -- `clio shared-value TABLE --options FILE`: the
 * shared-value scorecard of policy options (the scenarios of a scenario
 * file, or a unit of demand per cluster with --per-cluster): economic,
 * social and environmental outcomes, per unit of public money, a ranking
 * under user weights and the Pareto-efficient options. */
#include "cli.h"
#include "households_option.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_SV_OPTIONS = 920, OPT_SV_WEIGHTS, OPT_SV_DISTRIBUTION, OPT_SV_LOWEST,
    OPT_SV_PER_CLUSTER, OPT_SV_AMOUNT, OPT_SV_MIX
};

typedef struct sv_args {
    const char *options, *weights, *distribution, *lowest, *per_cluster, *amount, *mix;
} sv_args;

static int sv_option(void *ctx, int opt, const char *arg)
{
    sv_args *a = ctx;
    switch (opt) {
    case OPT_SV_OPTIONS: a->options = arg; return 1;
    case OPT_SV_WEIGHTS: a->weights = arg; return 1;
    case OPT_SV_DISTRIBUTION: a->distribution = arg; return 1;
    case OPT_SV_LOWEST: a->lowest = arg; return 1;
    case OPT_SV_PER_CLUSTER: a->per_cluster = arg; return 1;
    case OPT_SV_AMOUNT: a->amount = arg; return 1;
    case OPT_SV_MIX: a->mix = arg; return 1;
    default: return 0;
    }
}

/* What the run holds, freed in one place. */
typedef struct sv_run {
    clio_table *t;
    clio_scenarios *s;
    clio_groups *g;
    clio_households *h;
    clio_income_distribution *d;
    clio_leontief *f;
    clio_scorecard *sc;
    double *weights;
    int *direction;
} sv_run;

static void sv_run_free(sv_run *r)
{
    clio_scorecard_free(r->sc);
    clio_leontief_free(r->f);
    clio_income_distribution_free(r->d);
    clio_households_free(r->h);
    clio_groups_free(r->g);
    clio_scenarios_free(r->s);
    clio_table_free(r->t);
    free(r->weights);
    free(r->direction);
}

/* Inputs that need the table, read before the factorisation. */
static int read_inputs(const sv_args *a, const cli_households *hh, sv_run *r, clio_error *err)
{
    int status = a->options ? clio_scenarios_read(a->options, &r->s, err)
                            : clio_groups_read_csv(a->per_cluster, r->t, &r->g, err);
    if (status == CLIO_OK && hh->type == 2)
        status = clio_households_define(r->t, hh->income, hh->consumption, &r->h, err);
    if (status == CLIO_OK && a->distribution)
        status = clio_income_distribution_read_csv(a->distribution, r->t, &r->d, err);
    return status;
}

static int score(const sv_args *a, int mix, double amount, sv_run *r, clio_error *err)
{
    clio_scorecard_options so = {r->d, a->lowest, NULL};
    int status = r->s ? clio_scorecard_from_scenarios(r->s, r->t, r->f, r->h, &so, &r->sc, err)
                      : clio_scorecard_from_groups(r->t, r->f, r->h, r->g, mix, amount, &so,
                                                   &r->sc, err);
    if (status != CLIO_OK)
        return status;
    size_t nc = r->sc->ncriteria ? r->sc->ncriteria : 1;
    if (a->weights) {
        r->weights = malloc(nc * sizeof *r->weights);
        r->direction = malloc(nc * sizeof *r->direction);
        if (!r->weights || !r->direction) {
            err->status = CLIO_ENOMEM;
            snprintf(err->message, sizeof err->message, "out of memory");
            return CLIO_ENOMEM;
        }
        status = clio_scorecard_weights_read_csv(a->weights, r->sc, r->weights, r->direction,
                                                 err);
    }
    if (status == CLIO_OK)
        status = clio_scorecard_rank(r->sc, r->weights, r->direction, err);
    return status;
}

/* Save first (a failed save must not leave only stdout), then print. */
static int emit(const cli_common *o, const clio_scorecard *sc)
{
    clio_error err = {0};
    int status = o->output ? clio_scorecard_save(sc, o->output, &err) : CLIO_OK;
    if (status == CLIO_OK && (!o->quiet || !o->output)) {
        status = o->format && strcmp(o->format, "csv") == 0
                     ? clio_scorecard_write_csv(sc, stdout, &err)
                     : clio_scorecard_write_text(sc, stdout, &err);
        if (fflush(stdout) != 0 && status == CLIO_OK) {
            status = CLIO_EWRITE;
            snprintf(err.message, sizeof err.message, "cannot write to standard output");
        }
    }
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

static int run(const cli_common *o, const sv_args *a, const cli_households *hh,
               const char *table, int mix, double amount)
{
    sv_run r = {0};
    clio_error err = {0};
    int status = cli_load_table(o, table, &r.t);
    if (status == CLIO_OK && (status = read_inputs(a, hh, &r, &err)) != CLIO_OK)
        cli_error(o, status, &err);
    if (status == CLIO_OK) /* scenarios with coefficient changes need Z */
        status = cli_factor(o, r.t, 0, &r.f);
    if (status == CLIO_OK) {
        double t0 = cli_now();
        if ((status = score(a, mix, amount, &r, &err)) != CLIO_OK)
            cli_error(o, status, &err);
        cli_timing(o, "solve", cli_now() - t0);
    }
    if (status == CLIO_OK)
        status = emit(o, r.sc);
    sv_run_free(&r);
    return status;
}

int cmd_shared_value(int argc, char **argv)
{
    static const char usage[] =
        "clio shared-value TABLE (--options FILE.yaml | --per-cluster G.csv [--amount A]\n"
        "       [--mix output|final-demand]) [--weights W.csv] [--distribution D.csv]\n"
        "       [--lowest GROUP] [--type I|II --households-income ROW\n"
        "        --households-consumption COL] [--format text|csv] [-o OUT.csv|OUT.nc]";
    static const char help[] =
        "The shared-value scorecard (docs/methods-shared-value.md): for every policy\n"
        "option, economic outcomes (output, value added, the share of it kept in the\n"
        "economy and in the target regions), social outcomes (jobs, by employment\n"
        "satellite, income of every household group and of the lowest-income group),\n"
        "environmental outcomes (emission-like satellites, lower is better), each also\n"
        "per unit of public money (`cost:` of a scenario); a ranking under user weights\n"
        "and the Pareto-efficient options.\n"
        "\n"
        "  --options FILE     a scenario file (docs/scenarios.md): one option per scenario,\n"
        "                     with an optional `cost:` (public money, the table's unit)\n"
        "  --per-cluster G.csv  one option per cluster of G.csv (region,sector,group):\n"
        "                     --amount A (default 1) of final demand spread by --mix\n"
        "                     (output, the default, or final-demand); cost = A\n"
        "  --weights W.csv    criterion,weight[,direction]: criteria are normalised\n"
        "                     min-max across options and weighted; direction higher|lower\n"
        "                     overrides the default; Pareto over the listed criteria\n"
        "  --distribution D.csv  group,component,share: value added paid to household\n"
        "                     groups (income:<group> criteria)\n"
        "  --lowest GROUP     the lowest-income group (default: the file's first)\n"
        "  -o OUT             CSV (one row per option) or NetCDF (.nc)\n"
        "\n" CLI_HOUSEHOLDS_HELP;
    static const struct option extra[] = {
        {"options", required_argument, 0, OPT_SV_OPTIONS},
        {"weights", required_argument, 0, OPT_SV_WEIGHTS},
        {"distribution", required_argument, 0, OPT_SV_DISTRIBUTION},
        {"lowest", required_argument, 0, OPT_SV_LOWEST},
        {"per-cluster", required_argument, 0, OPT_SV_PER_CLUSTER},
        {"amount", required_argument, 0, OPT_SV_AMOUNT},
        {"mix", required_argument, 0, OPT_SV_MIX},
        CLI_HOUSEHOLDS_OPTIONS,
        {0, 0, 0, 0}};
    cli_common o = {.command = "shared-value"};
    sv_args a = {0};
    cli_households hh = {.command = o.command, .type = 1, .next = sv_option, .next_ctx = &a};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_households_option, &hh, usage, help,
                             &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if ((rc = cli_households_check(&o, &hh, usage)) != 0)
        return rc;
    if (!a.options == !a.per_cluster)
        return cli_usage_error(&o, usage, "give either --options FILE or --per-cluster G.csv");
    if (a.options && (a.amount || a.mix))
        return cli_usage_error(&o, usage, "--amount and --mix go with --per-cluster");
    if (a.lowest && !a.distribution)
        return cli_usage_error(&o, usage, "--lowest needs --distribution");
    double amount = 1;
    if (a.amount) {
        char *end;
        errno = 0;
        amount = strtod(a.amount, &end);
        if (*a.amount == '\0' || *end != '\0' || errno || !(amount > 0) || !isfinite(amount))
            return cli_usage_error(&o, usage, "--amount must be a number > 0, not '%s'",
                                   a.amount);
    }
    int mix = CLIO_MIX_OUTPUT;
    if (a.mix && strcmp(a.mix, "final-demand") == 0)
        mix = CLIO_MIX_FINAL_DEMAND;
    else if (a.mix && strcmp(a.mix, "output") != 0)
        return cli_usage_error(&o, usage, "--mix must be 'output' or 'final-demand', not '%s'",
                               a.mix);
    return run(&o, &a, &hh, table, mix, amount);
}
