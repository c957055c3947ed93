/* cmd_regionalize.c -- `clio regionalize TABLE --employment FILE`: the
 * one-region table of a region estimated from a national table by location
 * quotients, and the region's output multipliers beside the national ones
 * (for one method, or all four with --method all). */
#include "regional_options.h"

#include <stdlib.h>

static const char usage[] =
    "clio regionalize TABLE (--employment FILE | --regional-output FILE) [--region NAME]\n"
    "       [--method slq|cilq|flq|aflq|all] [--delta D] [--overrides FILE] [--fd-share S]\n"
    "       [--national-account NAME] [-o REGIONAL.nc|DIR] [--multipliers OUT.nc|OUT.csv]";

static const char help[] =
    "Estimate the input-output table of a region from the national TABLE and\n"
    "the region's employment (or output) by sector with a location quotient:\n"
    "regional coefficients r_ij = a_ij min(LQ_ij, 1); what the region cannot\n"
    "supply becomes the value-added row imports_from_outside_region.  Final\n"
    "demand is the national one times the region's share of national\n"
    "employment (or --fd-share S), plus a net_exports column that balances\n"
    "the rows.  -o writes the regional table (NetCDF .nc or a CSV folder).\n"
    "Prints the output multipliers of the national table and of the regional\n"
    "one (with --method all: of each method) per sector; --multipliers saves\n"
    "them (.nc or tidy CSV).  --region NAME picks the region of a file with a\n"
    "region column, or names the region of a file without one.\n"
    "  --fd-share S       share of national final demand in (0, 1]\n"
    "  --multipliers FILE save the multiplier comparison\n" CLI_REGIONAL_HELP;

/* The region's column in the size file: --region, or the only one. */
static int pick_region(const cli_common *o, const clio_regional_sizes *s, size_t *k)
{
    if (!o->region && s->nregions == 1) {
        *k = 0;
        return CLIO_OK;
    }
    if (!o->region)
        return cli_usage_error(o, usage, "the size file has %zu regions: choose one with "
                                         "--region NAME",
                               s->nregions);
    clio_error err = {0};
    int status = clio_regional_sizes_find(s, o->region, k, &err);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

static int write_table(const cli_common *o, const clio_table *t, const char *region,
                       const double *regional, const double *nat,
                       const clio_regional_options *opt)
{
    clio_error err = {0};
    clio_table *r;
    double t0 = cli_now();
    int status = clio_regionalize(t, region, regional, nat, opt, &r, &err);
    if (status == CLIO_OK)
        status = clio_table_save(r, o->output, &err);
    cli_timing(o, "regionalize", cli_now() - t0);
    if (status != CLIO_OK)
        return cli_error(o, status, &err);
    if (!o->quiet)
        fprintf(stderr, "clio regionalize: wrote %s: region %s, %zu sectors, regional output "
                        "by %s\n",
                o->output, region, r->n, clio_lq_method_name(opt->method));
    clio_table_free(r);
    return CLIO_OK;
}

static int compare(const cli_common *o, const cli_regional *ro, const clio_table *t,
                   const char *region, const double *regional, const double *nat,
                   const clio_regional_options *opt)
{
    static const int all[] = {CLIO_LQ_SLQ, CLIO_LQ_CILQ, CLIO_LQ_FLQ, CLIO_LQ_AFLQ};
    const int *methods = ro->all_methods ? all : &ro->method;
    size_t count = ro->all_methods ? CLIO_LQ_NMETHODS : 1;
    clio_error err = {0};
    clio_result *res;
    int status = clio_regional_multipliers(t, region, regional, nat, opt, methods, count, &res,
                                           &err);
    if (status != CLIO_OK)
        return cli_error(o, status, &err);
    cli_common emit = *o; /* cli_emit saves to .output: the multiplier file */
    emit.output = ro->multipliers;
    emit.quiet = o->quiet && (o->output || ro->multipliers);
    status = cli_emit(&emit, res);
    clio_result_free(res);
    return status;
}

int cmd_regionalize(int argc, char **argv)
{
    static const struct option extra[] = {CLI_REGIONAL_OPTIONS,
                                          {"fd-share", required_argument, 0, OPT_FD_SHARE},
                                          {"multipliers", required_argument, 0, OPT_MULTIPLIERS},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "regionalize"};
    cli_regional ro;
    cli_regional_init(&ro, o.command);
    const char *path;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_regional_option, &ro, usage,
                             help, &path);
    if (rc)
        return rc == -2 ? 0 : rc;
    if ((rc = cli_regional_check(&o, &ro, usage)) != 0)
        return rc;
    if (ro.all_methods && o.output)
        return cli_usage_error(&o, usage, "-o writes the table of one method, not of all");

    clio_table *t = NULL;
    clio_regional_sizes *s = NULL;
    double *rpc = NULL;
    size_t k;
    int status = cli_load_table(&o, path, &t);
    if (status == CLIO_OK)
        status = cli_regional_sizes(&o, &ro, t, &s);
    if (status == CLIO_OK)
        status = pick_region(&o, s, &k);
    if (status == CLIO_OK)
        status = cli_regional_overrides(&o, &ro, t, s->regions[k], &rpc);
    if (status == CLIO_OK) {
        clio_regional_options opt = {.method = ro.method, .delta = ro.delta,
                                     .fd_share = ro.fd_share, .rpc = rpc, .ldrpc = t->n};
        const double *regional = s->regional + k * t->n;
        if (o.output)
            status = write_table(&o, t, s->regions[k], regional, s->national, &opt);
        if (status == CLIO_OK)
            status = compare(&o, &ro, t, s->regions[k], regional, s->national, &opt);
    }
    free(rpc);
    clio_regional_sizes_free(s);
    clio_table_free(t);
    return status;
}
