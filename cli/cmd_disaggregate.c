/* cmd_disaggregate.c -- `clio disaggregate TABLE --sector [REGION:]SECTOR
 * --shares SHARES.csv -o OUT`: one sector split into several by output
 * shares, written as NetCDF or a matrix-set folder. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_SECTOR = 1200, OPT_SHARES };

typedef struct split_options {
    const char *sector, *shares;
} split_options;

static int extra_option(void *ctx, int opt, const char *arg)
{
    split_options *s = ctx;
    if (opt == OPT_SECTOR)
        s->sector = arg;
    else if (opt == OPT_SHARES)
        s->shares = arg;
    else
        return 0;
    return 1;
}

/* The sector named by --sector: with --region the whole text is the sector
 * name; in a one-region table the whole text when it names a sector;
 * otherwise REGION:SECTOR, split at the first ':'. */
static int find_sector(const cli_common *o, const clio_table *t, const char *spec, size_t *index,
                       clio_error *err)
{
    if (o->region)
        return clio_table_find_sector(t, o->region, spec, index, err);
    const char *colon = strchr(spec, ':');
    if ((t->nregions == 1 && clio_table_find_sector(t, NULL, spec, index, NULL) == CLIO_OK) ||
        !colon)
        return clio_table_find_sector(t, NULL, spec, index, err);
    size_t len = (size_t)(colon - spec);
    char *region = malloc(len + 1);
    if (!region)
        return CLIO_ENOMEM;
    memcpy(region, spec, len);
    region[len] = '\0';
    int status = clio_table_find_sector(t, region, colon + 1, index, err);
    free(region);
    return status;
}

/* Split and save; every error printed. */
static int run(const cli_common *o, const char *path, const char *sector, const clio_shares *shares)
{
    clio_table *t = NULL, *d = NULL;
    int status = cli_load_table(o, path, &t);
    if (status != CLIO_OK)
        return status;
    clio_error err = {0};
    size_t j = 0;
    status = find_sector(o, t, sector, &j, &err);
    if (status != CLIO_OK) {
        fprintf(stderr, "clio disaggregate: error: --sector %s: %s\n", sector,
                err.message[0] ? err.message : clio_strerror(status));
        clio_table_free(t);
        return status;
    }
    status = clio_disaggregate(t, j, shares, &d, &err);
    if (status == CLIO_OK)
        status = clio_table_save(d, o->output, &err);
    if (status == CLIO_OK && !o->quiet)
        fprintf(stderr, "clio disaggregate: wrote %s: %zu sectors (sector %s split in %zu)\n",
                o->output, d->n, sector, shares->k);
    clio_table_free(d);
    clio_table_free(t);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

int cmd_disaggregate(int argc, char **argv)
{
    static const char usage[] = "clio disaggregate TABLE --sector [REGION:]SECTOR "
                                "--shares SHARES.csv -o OUT(.nc|DIR)";
    static const char help[] =
        "Split one sector into several by output shares w (SHARES.csv: columns\n"
        "new_sector,share; shares >= 0 summing to 1).  The sector's row (sales) and\n"
        "column (purchases, so the same input coefficients) are split by w, the\n"
        "diagonal cell by w_a w_b, and its final demand, value added, satellites\n"
        "and output by w.  The new sectors take the old one's place; a balanced\n"
        "table stays balanced.  The sector is REGION:SECTOR, or SECTOR with\n"
        "--region REGION or in a one-region table.  See docs/methods-aggregation.md.\n";
    static const struct option extra[] = {{"sector", required_argument, 0, OPT_SECTOR},
                                          {"shares", required_argument, 0, OPT_SHARES},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "disaggregate"};
    split_options opt = {0};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, extra_option, &opt, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!opt.sector)
        return cli_usage_error(&o, usage, "missing --sector [REGION:]SECTOR");
    if (!opt.shares)
        return cli_usage_error(&o, usage, "missing --shares SHARES.csv");
    if (!o.output)
        return cli_usage_error(&o, usage, "missing -o OUTPUT");

    clio_shares *shares = NULL;
    clio_error err = {0};
    int status = clio_shares_read_csv(opt.shares, &shares, &err);
    if (status != CLIO_OK)
        return cli_error(&o, status, &err);
    status = run(&o, table, opt.sector, shares);
    clio_shares_free(shares);
    return status;
}
