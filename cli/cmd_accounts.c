/* cmd_accounts.c -- `clio accounts TABLE [--bridge B.csv ...] [--indicators
 * I.csv ...] [-o OUT]`: socio-economic satellite accounts: split accounts
 * into types through bridges, add user indicators, in the order given (so
 * an added indicator can be split by a later bridge); save the extended
 * table, or list the accounts with their units and totals. */
#include "cli.h"

#include <stdlib.h>

enum { OPT_BRIDGE = 600, OPT_INDICATORS, MAX_FILES = 64 };

typedef struct account_files {
    size_t count;
    int kind[MAX_FILES]; /* OPT_BRIDGE or OPT_INDICATORS */
    const char *path[MAX_FILES];
} account_files;

static int on_file(void *ctx, int opt, const char *arg)
{
    account_files *a = ctx;
    if (opt != OPT_BRIDGE && opt != OPT_INDICATORS)
        return 0;
    if (a->count == MAX_FILES) {
        fprintf(stderr, "clio accounts: at most %d --bridge and --indicators files\n", MAX_FILES);
        return -1;
    }
    a->kind[a->count] = opt;
    a->path[a->count++] = arg;
    return 1;
}

/* Each file in turn: the table is replaced by the extended copy. */
static int extend(const cli_common *o, const account_files *a, clio_table **t)
{
    for (size_t k = 0; k < a->count; k++) {
        clio_error err = {0};
        clio_table *next = NULL;
        int status = a->kind[k] == OPT_BRIDGE
                         ? clio_table_split_satellites_csv(*t, a->path[k], &next, &err)
                         : clio_table_add_indicators_csv(*t, a->path[k], &next, &err);
        if (status != CLIO_OK)
            return cli_error(o, status, &err);
        clio_table_free(*t);
        *t = next;
    }
    return CLIO_OK;
}

/* The satellites with units, totals over sectors and of final demand. */
static void list(const cli_common *o, const clio_table *t)
{
    int csv = o->format && o->format[0] == 'c';
    if (csv)
        printf("account,unit,sectors,final_demand\n");
    else
        printf("%zu satellite accounts%s%s\n%-36s %-20s %14s %14s\n", t->nsat,
               t->title ? " of " : "", t->title ? t->title : "", "account", "unit", "sectors",
               "final demand");
    for (size_t k = 0; k < t->nsat; k++) {
        double s = 0, sy = 0;
        for (size_t j = 0; j < t->n; j++)
            s += t->S[k + t->nsat * j];
        for (size_t c = 0; c < t->nfd; c++)
            sy += t->SY[k + t->nsat * c];
        if (csv)
            printf("%s,%s,%.15g,%.15g\n", t->sat_names[k], t->sat_units[k] ? t->sat_units[k] : "",
                   s, sy);
        else
            printf("%-36s %-20s %14.6g %14.6g\n", t->sat_names[k],
                   t->sat_units[k] ? t->sat_units[k] : "", s, sy);
    }
}

int cmd_accounts(int argc, char **argv)
{
    static const char usage[] =
        "clio accounts TABLE [--bridge BRIDGE.csv ...] [--indicators IND.csv ...]\n"
        "       [-o OUT.nc|OUTDIR] [--format text|csv]";
    static const char help[] =
        "Socio-economic satellite accounts (docs/methods-accounts.md).\n"
        "  --bridge B.csv      split satellite accounts into types: columns\n"
        "                      [region,]sector,account,type,share (or account,type,share:\n"
        "                      the same shares for every sector); adds 'account:type'\n"
        "                      in the account's unit; shares of a sector sum to 1\n"
        "  --indicators I.csv  add user indicators (hours, emissions, ...): columns\n"
        "                      [region,]sector,indicator,unit,value, or the wide layout\n"
        "                      indicator,unit,<sector keys...>\n"
        "Files are applied in the order given.  With -o the extended table is saved\n"
        "(NetCDF for .nc, else a matrix-set folder); without -o the satellite\n"
        "accounts are listed with units and totals.  Nothing is written on error.\n";
    static const struct option extra[] = {{"bridge", required_argument, 0, OPT_BRIDGE},
                                          {"indicators", required_argument, 0, OPT_INDICATORS},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "accounts"};
    account_files files = {0};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, on_file, &files, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    if ((status = extend(&o, &files, &t)) == CLIO_OK) {
        clio_error err = {0};
        if (o.output && (status = clio_table_save(t, o.output, &err)) != CLIO_OK)
            cli_error(&o, status, &err);
        else if (!o.output)
            list(&o, t);
    }
    clio_table_free(t);
    return status;
}
