/* cmd_aggregate.c -- `clio aggregate TABLE --sectors MAP.csv [--regions
 * MAP.csv] -o OUT`: the table aggregated by concordances (Z' = S Z S', ...),
 * written as NetCDF or a matrix-set folder.  Nothing is written on error. */
#include "cli.h"

#include <stdio.h>

enum { OPT_SECTORS = 1100, OPT_REGIONS };

typedef struct aggregate_options {
    const char *sectors, *regions;
} aggregate_options;

static int extra_option(void *ctx, int opt, const char *arg)
{
    aggregate_options *a = ctx;
    if (opt == OPT_SECTORS)
        a->sectors = arg;
    else if (opt == OPT_REGIONS)
        a->regions = arg;
    else
        return 0;
    return 1;
}

/* Read the concordance at path (NULL: none) for labels of kind key. */
static int read_map(const cli_common *o, const char *path, const char *key, clio_concordance **out)
{
    *out = NULL;
    clio_error err = {0};
    int status = path ? clio_concordance_read_csv(path, key, out, &err) : CLIO_OK;
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

/* Load, aggregate and save; every error printed. */
static int run(const cli_common *o, const char *path, const clio_concordance *sectors,
               const clio_concordance *regions)
{
    clio_table *t = NULL, *a = NULL;
    int status = cli_load_table(o, path, &t);
    if (status != CLIO_OK)
        return status;
    clio_error err = {0};
    double t0 = cli_now();
    status = clio_aggregate(t, sectors, regions, &a, &err);
    cli_timing(o, "aggregate", cli_now() - t0);
    if (status == CLIO_OK) {
        t0 = cli_now();
        status = clio_table_save(a, o->output, &err);
        cli_timing(o, "write", cli_now() - t0);
    }
    if (status == CLIO_OK && !o->quiet)
        fprintf(stderr,
                "clio aggregate: wrote %s: %zu sectors in %zu region(s), %zu final-demand "
                "columns (from %zu sectors in %zu region(s), %zu final-demand columns)\n",
                o->output, a->n, a->nregions, a->nfd, t->n, t->nregions, t->nfd);
    clio_table_free(a);
    clio_table_free(t);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

int cmd_aggregate(int argc, char **argv)
{
    static const char usage[] =
        "clio aggregate TABLE [--sectors MAP.csv] [--regions MAP.csv] -o OUT(.nc|DIR)";
    static const char help[] =
        "Aggregate a table by a sector and/or a region concordance (at least one):\n"
        "Z' = S Z S', final demand summed by row and merged per category and new\n"
        "region, value added, satellites and output summed by column.  Totals are\n"
        "kept, and a balanced table stays balanced.  The result is written as\n"
        "NetCDF (OUT ends in .nc) or as a matrix-set CSV folder.\n"
        "  --sectors MAP.csv  columns sector,group: each sector name (the same in\n"
        "                     every region) to its aggregate; or a 0/1 matrix with\n"
        "                     'sector' and one column per aggregate\n"
        "  --regions MAP.csv  columns region,group (or a 0/1 matrix), likewise\n"
        "Every sector (region) of the table must be mapped once, and every entry\n"
        "must name one.  New sectors and regions are in order of first appearance\n"
        "in the table.  See docs/methods-aggregation.md.\n";
    static const struct option extra[] = {{"sectors", required_argument, 0, OPT_SECTORS},
                                          {"regions", required_argument, 0, OPT_REGIONS},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "aggregate"};
    aggregate_options maps = {0};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, extra_option, &maps, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!maps.sectors && !maps.regions)
        return cli_usage_error(&o, usage, "give --sectors MAP.csv, --regions MAP.csv or both");
    if (!o.output)
        return cli_usage_error(&o, usage, "missing -o OUTPUT");

    /* The maps first: a bad map fails before a large table is read. */
    clio_concordance *sectors = NULL, *regions = NULL;
    int status = read_map(&o, maps.sectors, "sector", &sectors);
    if (status == CLIO_OK)
        status = read_map(&o, maps.regions, "region", &regions);
    if (status == CLIO_OK)
        status = run(&o, table, sectors, regions);
    clio_concordance_free(sectors);
    clio_concordance_free(regions);
    return status;
}
