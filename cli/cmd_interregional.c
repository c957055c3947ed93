/* cmd_interregional.c -- `clio interregional TABLE --employment FILE -o
 * MRIO`: a multi-regional table from a national one and regional sizes,
 * with interregional trade from the regionalisation, balanced by RAS so
 * that the regions add up to the national table.  One region gives the
 * two-region table region + rest of the country. */
#include "regional_options.h"

#include <stdlib.h>

static const char usage[] =
    "clio interregional TABLE (--employment FILE | --regional-output FILE) -o MRIO.nc|DIR\n"
    "       [--region NAME] [--rest NAME] [--method slq|cilq|flq|aflq] [--delta D]\n"
    "       [--overrides FILE] [--cross-hauling H] [--national-account NAME]";

static const char help[] =
    "Build a multi-regional table from the national TABLE and the employment\n"
    "(or output) by sector of its regions: every region of the file, or only\n"
    "--region NAME; where the regions fall short of the national sizes a region\n"
    "--rest NAME (default 'rest') holds the remainder, so one region gives the\n"
    "two-region table region + rest of the country.  Output, value added and\n"
    "satellites are shared by each region's share of the sector, final demand\n"
    "by its share of the national total.  Each region supplies itself what its\n"
    "location quotients say (or, with --cross-hauling H, what CHARM says, with\n"
    "heterogeneity H in [0, 1]); the rest of its needs come from the other\n"
    "regions in proportion to their surplus; RAS balances the trade of every\n"
    "product so that the regions add up to the national Z, Y, V and x.\n"
    "  --rest NAME        name of the rest-of-country region\n"
    "  --cross-hauling H  own supply by CHARM (Kronenberg 2009) instead of LQs\n" CLI_REGIONAL_HELP;

/* The regions to build: the file's, or the one --region names. */
static int pick_regions(const cli_common *o, const clio_regional_sizes *s, size_t *first,
                        size_t *count)
{
    *first = 0;
    *count = s->nregions;
    if (!o->region || s->nregions == 1)
        return CLIO_OK;
    clio_error err = {0};
    int status = clio_regional_sizes_find(s, o->region, first, &err);
    *count = 1;
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

static int build(const cli_common *o, const cli_regional *ro, const clio_table *t,
                 const clio_regional_sizes *s, size_t first, size_t count, double **rpc)
{
    int status = CLIO_OK;
    for (size_t g = 0; status == CLIO_OK && g < count; g++)
        status = cli_regional_overrides(o, ro, t, s->regions[first + g], &rpc[g]);
    if (status != CLIO_OK)
        return status;
    clio_interregional_options opt = {.method = ro->method, .delta = ro->delta,
                                      .rpc = (const double *const *)rpc, .charm = ro->charm,
                                      .heterogeneity = ro->heterogeneity,
                                      .rest_name = ro->rest};
    clio_error err = {0};
    clio_table *m;
    double t0 = cli_now();
    status = clio_interregional(t, count, s->regions + first, s->regional + first * t->n, t->n,
                                s->national, &opt, &m, &err);
    cli_timing(o, "assemble", cli_now() - t0);
    if (status == CLIO_OK) {
        status = clio_table_save(m, o->output, &err);
        if (status == CLIO_OK && !o->quiet)
            fprintf(stderr, "clio interregional: wrote %s: %zu regions, %zu sectors, %zu "
                            "final-demand columns\n",
                    o->output, m->nregions, m->n, m->nfd);
        clio_table_free(m);
    }
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

int cmd_interregional(int argc, char **argv)
{
    static const struct option extra[] = {CLI_REGIONAL_OPTIONS,
                                          {"rest", required_argument, 0, OPT_REST},
                                          {"cross-hauling", required_argument, 0,
                                           OPT_CROSS_HAULING},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "interregional"};
    cli_regional ro;
    cli_regional_init(&ro, o.command);
    const char *path;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_regional_option, &ro, usage, help,
                             &path);
    if (rc)
        return rc == -2 ? 0 : rc;
    if ((rc = cli_regional_check(&o, &ro, usage)) != 0)
        return rc;
    if (ro.all_methods)
        return cli_usage_error(&o, usage, "--method all is for clio regionalize");
    if (!o.output)
        return cli_usage_error(&o, usage, "missing -o MRIO");

    clio_table *t = NULL;
    clio_regional_sizes *s = NULL;
    double **rpc = NULL;
    size_t first = 0, count = 0;
    int status = cli_load_table(&o, path, &t);
    if (status == CLIO_OK)
        status = cli_regional_sizes(&o, &ro, t, &s);
    if (status == CLIO_OK)
        status = pick_regions(&o, s, &first, &count);
    if (status == CLIO_OK && !(rpc = calloc(count, sizeof *rpc)))
        status = cli_error(&o, CLIO_ENOMEM, NULL);
    if (status == CLIO_OK)
        status = build(&o, &ro, t, s, first, count, rpc);
    for (size_t g = 0; rpc && g < count; g++)
        free(rpc[g]);
    free(rpc);
    clio_regional_sizes_free(s);
    clio_table_free(t);
    return status;
}
