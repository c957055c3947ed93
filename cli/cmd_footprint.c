/* cmd_footprint.c -- `clio footprint TABLE`: production- and consumption-
 * based accounts (footprints) of every region for output, value added and
 * each satellite, with the accounts embodied in bilateral trade; --by
 * sector gives the same split by producing sector. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

/* Command-specific option ids (shared ones are below 400). */
enum { OPT_BY = 600 };

typedef struct footprint_options {
    cli_common *o;
    const char *by;
} footprint_options;

static int extra_option(void *ctx, int opt, const char *arg)
{
    footprint_options *fo = ctx;
    if (opt == OPT_BY) {
        if (strcmp(arg, "sector") != 0 && strcmp(arg, "region") != 0) {
            fprintf(stderr, "clio footprint: --by must be 'sector' or 'region', not '%s'\n",
                    arg);
            return -1;
        }
        fo->by = arg;
        return 1;
    }
    return 0;
}

static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    const footprint_options *fo = ctx;
    if (strcmp(fo->by, "sector") == 0)
        return clio_footprints(t, f, out, NULL, err);
    return clio_footprints(t, f, NULL, out, err);
}

int cmd_footprint(int argc, char **argv)
{
    static const char usage[] = "clio footprint TABLE [--by region|sector] [--format text|csv] "
                                "[-o OUT.nc|OUT.csv]";
    static const char help[] =
        "Production- and consumption-based accounts for output, each value-added row\n"
        "and each satellite.  Consumers are the regions of the final-demand columns\n"
        "(each column is its own consumer when columns have no region).\n"
        "--by region (default), one row per region:\n"
        "  production           the region's own sectors, plus the satellites caused by\n"
        "                       its final demand directly (SY)\n"
        "  consumption          footprint: what its final demand needs anywhere, plus SY\n"
        "  final_demand_direct  SY;  domestic, imported, exported: the split by origin\n"
        "  balance              consumption - production\n"
        "  for:C                this region's producers for the final demand of C\n"
        "  net:R                for:R minus what R produces for this region\n"
        "--by sector, one row per producing sector (with region totals):\n"
        "  production           the sector's account;  for:C  the part for C\n";
    static const struct option extra[] = {{"by", required_argument, 0, OPT_BY},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "footprint"};
    footprint_options fo = {&o, "region"};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, extra_option, &fo, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;

    /* Only x, Y and the accounts are needed after I - A is built. */
    const cli_analysis a = {.analyse = analyse, .ctx = &fo};
    return cli_run_analysis(&o, table, &a);
}
