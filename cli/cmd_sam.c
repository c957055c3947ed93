/* cmd_sam.c -- `clio sam TABLE --distribution D.csv --consumption C.csv`:
 * the table closed for several household income groups (a SAM closure):
 * per sector, the income each group gets per unit of final demand in the
 * open model and in the closed one, with Miyazawa's interrelational income
 * multiplier (--miyazawa) and Pyatt-Round's decomposition (--decomposition)
 * on request.  docs/methods-sam.md has the method. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

enum {
    OPT_DISTRIBUTION = 520, OPT_CONSUMPTION, OPT_HOUSEHOLD_COLUMN, OPT_TRANSFERS,
    OPT_MIYAZAWA, OPT_DECOMPOSITION
};

typedef struct sam_inputs {
    const char *distribution, *consumption, *column, *transfers; /* files, column name */
    const char *miyazawa, *decomposition;                        /* outputs, or NULL */
    clio_income_distribution *d;
    clio_sam *sam;
    int wrote_miyazawa, wrote_decomposition; /* to remove them if -o fails */
} sam_inputs;

static int sam_option(void *ctx, int opt, const char *arg)
{
    sam_inputs *in = ctx;
    const char **slot = opt == OPT_DISTRIBUTION      ? &in->distribution
                        : opt == OPT_CONSUMPTION     ? &in->consumption
                        : opt == OPT_HOUSEHOLD_COLUMN ? &in->column
                        : opt == OPT_TRANSFERS       ? &in->transfers
                        : opt == OPT_MIYAZAWA        ? &in->miyazawa
                        : opt == OPT_DECOMPOSITION   ? &in->decomposition
                                                     : NULL;
    if (!slot)
        return 0;
    *slot = arg;
    return 1;
}

/* The distribution, each group's consumption shares, the transfers, then
 * the closure: all before the factorisation. */
static int define_sam(void *ctx, const clio_table *t, clio_error *err)
{
    sam_inputs *in = ctx;
    int status = clio_income_distribution_read_csv(in->distribution, t, &in->d, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n ? t->n : 1, k = in->d->ngroups;
    double *share = calloc(n * k, sizeof *share), *H = NULL;
    if (!share || (in->transfers && !(H = calloc(k * k, sizeof *H)))) {
        free(share);
        err->status = CLIO_ENOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return CLIO_ENOMEM;
    }
    status = clio_household_consumption_read_csv(in->consumption, t, in->d, share, err);
    if (status == CLIO_OK && H)
        status = clio_household_transfers_read_csv(in->transfers, in->d, H, err);
    if (status == CLIO_OK)
        status = clio_sam_define(t, in->d, in->column, share, H, &in->sam, err);
    free(share);
    free(H);
    return status;
}

/* K with the group names on both sides. */
static int save_miyazawa(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                         const char *path, clio_error *err)
{
    size_t k = s->k;
    double *K = malloc(k * k * sizeof *K);
    if (!K) {
        err->status = CLIO_ENOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
        return CLIO_ENOMEM;
    }
    int status = clio_sam_miyazawa(t, f, s, K, k, err);
    if (status == CLIO_OK) {
        clio_matrix m = {.rows = k, .cols = k, .row_names = s->groups, .col_names = s->groups,
                         .corner = "group", .values = K};
        status = clio_matrix_write_csv(&m, path, err);
    }
    free(K);
    return status;
}

/* The side outputs are computed and written before the main result, so a
 * closure that fails leaves no file behind. */
static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    sam_inputs *in = ctx;
    clio_result *r = NULL, *pr = NULL;
    int status = clio_sam_multipliers(t, f, in->sam, &r, err);
    if (status == CLIO_OK && in->decomposition)
        status = clio_sam_decomposition(t, f, in->sam, &pr, err);
    if (status == CLIO_OK && in->miyazawa)
        in->wrote_miyazawa = (status = save_miyazawa(t, f, in->sam, in->miyazawa, err)) == CLIO_OK;
    if (status == CLIO_OK && pr)
        in->wrote_decomposition = (status = clio_result_save(pr, in->decomposition, err)) == CLIO_OK;
    clio_result_free(pr);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}

int cmd_sam(int argc, char **argv)
{
    static const char usage[] =
        "clio sam TABLE --distribution D.csv --consumption C.csv [--household-column NAME]\n"
        "       [--transfers T.csv] [--miyazawa K.csv] [--decomposition PR.csv|PR.nc]\n"
        "       [--format text|csv] [-o OUT.csv|OUT.nc]";
    static const char help[] =
        "Close a one-region TABLE for several household income groups (a social\n"
        "accounting matrix closure) and show, per sector, the income of each group\n"
        "per unit of final demand: open_effect (households exogenous, Type I-like:\n"
        "VH L) against closed_effect (households endogenous: K VH L), induced (the\n"
        "difference) and closed_share (the group's part of household income).  The\n"
        "first group of D.csv is the lowest-income one and is listed first;\n"
        "income:households is all groups together; output, value-added rows and\n"
        "satellites follow with their open (Type I) and closed effects.\n"
        "\n"
        "  --distribution D.csv  columns group,component,share: the part of\n"
        "                     value-added row `component` paid to `group`\n"
        "  --consumption C.csv   columns sector,group,share: the group's part of\n"
        "                     the household-consumption column's purchases from\n"
        "                     `sector` (shares over groups <= 1)\n"
        "  --household-column NAME  that final-demand column (default\n"
        "                     household_consumption)\n"
        "  --transfers T.csv  columns from,to,share: `to` receives `share` of the\n"
        "                     income of `from` (optional)\n"
        "  --miyazawa K.csv   write Miyazawa's interrelational income multiplier\n"
        "                     K = (I - H - VH L C)^-1, groups x groups\n"
        "  --decomposition PR.csv  write Pyatt-Round's decomposition of the\n"
        "                     accounting multipliers per sector: initial, transfer,\n"
        "                     open_loop, closed_loop and total for output, each\n"
        "                     factor and each group's income (.nc: NetCDF)\n"
        "\n"
        "Exit status: 2 invalid (e.g. a multi-regional table), 5 malformed file,\n"
        "6 unknown group/sector/row, 8 bad share or a group with no income,\n"
        "10 singular or 11 non-productive closed model, 64 usage.\n";
    static const struct option extra[] = {
        {"distribution", required_argument, 0, OPT_DISTRIBUTION},
        {"consumption", required_argument, 0, OPT_CONSUMPTION},
        {"household-column", required_argument, 0, OPT_HOUSEHOLD_COLUMN},
        {"transfers", required_argument, 0, OPT_TRANSFERS},
        {"miyazawa", required_argument, 0, OPT_MIYAZAWA},
        {"decomposition", required_argument, 0, OPT_DECOMPOSITION},
        {0, 0, 0, 0}};
    cli_common o = {.command = "sam"};
    sam_inputs in = {.column = "household_consumption"};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, sam_option, &in, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!in.distribution || !in.consumption)
        return cli_usage_error(&o, usage, "--distribution and --consumption are required");

    const cli_analysis a = {.prepare = define_sam, .analyse = analyse, .ctx = &in};
    int status = cli_run_analysis(&o, table, &a);
    if (status != CLIO_OK) { /* all or nothing: -o failed after the side files */
        if (in.wrote_miyazawa)
            remove(in.miyazawa);
        if (in.wrote_decomposition)
            remove(in.decomposition);
    }
    clio_sam_free(in.sam);
    clio_income_distribution_free(in.d);
    return status;
}
