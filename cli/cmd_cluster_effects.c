/* cmd_cluster_effects.c -- `clio cluster-effects TABLE --groups G.csv`:
 * cluster multipliers (a unit of final demand spread over each cluster by
 * its output or final-demand mix), how much stays in the cluster and its
 * regions, cluster linkage indices, the extraction of each whole cluster,
 * and the cluster-by-cluster linkage matrix (--linkages).  Needs Z
 * (extraction), so Z is not consumed. */
#include "cli.h"
#include "households_option.h"

#include <string.h>

enum { OPT_CE_GROUPS = 900, OPT_CE_MIX, OPT_CE_LINKAGES };

typedef struct ce_inputs {
    const char *groups_file, *mix_name, *linkages, *output;
    int mix;
    const cli_households *hh;
    clio_groups *groups;
    clio_households *h;
    int wrote_linkages; /* to remove it if -o fails */
} ce_inputs;

static int ce_option(void *ctx, int opt, const char *arg)
{
    ce_inputs *in = ctx;
    switch (opt) {
    case OPT_CE_GROUPS: in->groups_file = arg; return 1;
    case OPT_CE_MIX: in->mix_name = arg; return 1;
    case OPT_CE_LINKAGES: in->linkages = arg; return 1;
    default: return 0;
    }
}

static int prepare(void *ctx, const clio_table *t, clio_error *err)
{
    ce_inputs *in = ctx;
    int status = clio_groups_read_csv(in->groups_file, t, &in->groups, err);
    if (status == CLIO_OK && in->hh->type == 2)
        status = clio_households_define(t, in->hh->income, in->hh->consumption, &in->h, err);
    return status;
}

/* Files first (linkages, then -o), then the effects go to stdout. */
static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    ce_inputs *in = ctx;
    clio_cluster_effects *c = NULL;
    int status = clio_cluster_effects_compute(t, f, in->h, in->groups, in->mix, &c, err);
    if (status == CLIO_OK && in->linkages)
        in->wrote_linkages = (status = clio_cluster_linkages_save_csv(c, in->linkages, err)) == CLIO_OK;
    if (status == CLIO_OK && in->output)
        status = clio_cluster_effects_save(c, in->output, err);
    if (status == CLIO_OK) {
        *out = c->effects;
        c->effects = NULL;
    }
    clio_cluster_effects_free(c);
    return status;
}

int cmd_cluster_effects(int argc, char **argv)
{
    static const char usage[] =
        "clio cluster-effects TABLE --groups G.csv [--mix output|final-demand]\n"
        "       [--type I|II --households-income ROW --households-consumption COL]\n"
        "       [--linkages L.csv] [--format text|csv] [-o OUT.csv|OUT.nc|OUT.txt]";
    static const char help[] =
        "Cluster-level analysis (docs/methods-shared-value.md).  For each cluster of\n"
        "G.csv (columns region,sector,group; `clio clusters` writes one) one unit of\n"
        "final demand is spread over its members by their output (--mix output,\n"
        "the default) or final demand (--mix final-demand).  For output, every\n"
        "value-added row and satellite: direct, indirect, [induced,] total (the\n"
        "cluster multiplier), in_cluster and in_region (the part on the cluster's\n"
        "members / regions) with their shares, backward_index and forward_index\n"
        "(cluster linkage indices), extraction_total and extraction_percent (what\n"
        "is lost when the whole cluster is extracted).\n"
        "\n"
        "  --linkages L.csv   the cluster-by-cluster matrix: output of cluster h per\n"
        "                     unit of demand spread over cluster g, rest of economy,\n"
        "                     column totals and backward indices\n"
        "  -o OUT             tidy CSV, NetCDF (.nc) or a text table (.txt)\n"
        "\n" CLI_HOUSEHOLDS_HELP;
    static const struct option extra[] = {{"groups", required_argument, 0, OPT_CE_GROUPS},
                                          {"mix", required_argument, 0, OPT_CE_MIX},
                                          {"linkages", required_argument, 0, OPT_CE_LINKAGES},
                                          CLI_HOUSEHOLDS_OPTIONS,
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "cluster-effects"};
    ce_inputs in = {0};
    cli_households hh = {.command = o.command, .type = 1, .next = ce_option, .next_ctx = &in};
    in.hh = &hh;
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_households_option, &hh, usage, help,
                             &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if ((rc = cli_households_check(&o, &hh, usage)) != 0)
        return rc;
    if (!in.groups_file)
        return cli_usage_error(&o, usage, "--groups G.csv is required");
    if (!in.mix_name || strcmp(in.mix_name, "output") == 0)
        in.mix = CLIO_MIX_OUTPUT;
    else if (strcmp(in.mix_name, "final-demand") == 0)
        in.mix = CLIO_MIX_FINAL_DEMAND;
    else
        return cli_usage_error(&o, usage, "--mix must be 'output' or 'final-demand', not '%s'",
                               in.mix_name);
    /* A text file (-o OUT.txt) is saved here; CSV and NetCDF by the shared
     * emitter, as for every command. */
    size_t len = o.output ? strlen(o.output) : 0;
    in.output = len > 4 && strcmp(o.output + len - 4, ".txt") == 0 ? o.output : NULL;
    cli_common print = o;
    if (in.output)
        print.output = NULL;
    const cli_analysis a = {.keep_z = 1, .prepare = prepare, .analyse = analyse, .ctx = &in};
    int status = cli_run_analysis(&print, table, &a);
    if (status != CLIO_OK && in.wrote_linkages)
        remove(in.linkages); /* all or nothing: -o failed after it */
    clio_groups_free(in.groups);
    clio_households_free(in.h);
    return status;
}
