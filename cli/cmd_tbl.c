/* cmd_tbl.c -- `clio tbl TABLE [--groups G.csv] [--mix output|final-demand]
 * [--domains D.csv] [-o OUT]`: triple-bottom-line accounts: economic,
 * social and environmental intensities side by side, direct and total
 * (embodied through the supply chain), and the flows embodied in final
 * demand, for every sector and every group (cluster) of sectors. */
#include "cli.h"

#include <string.h>

enum { OPT_GROUPS = 610, OPT_MIX, OPT_DOMAINS };

typedef struct tbl_options {
    const char *groups, *domains;
    int mix;
} tbl_options;

static int on_option(void *ctx, int opt, const char *arg)
{
    tbl_options *t = ctx;
    switch (opt) {
    case OPT_GROUPS: t->groups = arg; return 1;
    case OPT_DOMAINS: t->domains = arg; return 1;
    case OPT_MIX:
        if (strcmp(arg, "output") == 0)
            t->mix = CLIO_MIX_OUTPUT;
        else if (strcmp(arg, "final-demand") == 0)
            t->mix = CLIO_MIX_FINAL_DEMAND;
        else {
            fprintf(stderr, "clio tbl: --mix must be 'output' or 'final-demand', not '%s'\n",
                    arg);
            return -1;
        }
        return 1;
    default: return 0;
    }
}

/* Save first (a failed save must not leave only stdout), then print. */
static int emit(const cli_common *o, const clio_result *r, const clio_tbl_accounts *a)
{
    clio_error err = {0};
    int status;
    if (o->output && (status = clio_tbl_save(r, a, o->output, &err)) != CLIO_OK)
        return cli_error(o, status, &err);
    if (o->output && o->quiet)
        return CLIO_OK;
    status = o->format && strcmp(o->format, "csv") == 0 ? clio_tbl_write_csv(r, a, stdout, &err)
                                                        : clio_tbl_write_text(r, a, stdout, &err);
    if (status == CLIO_OK && fflush(stdout) != 0)
        status = CLIO_EWRITE;
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

/* Inputs read and checked before the factorisation: bad files fail fast. */
static int run(const cli_common *o, const tbl_options *opt, clio_table *t)
{
    clio_error err = {0};
    clio_tbl_accounts *a = NULL;
    clio_groups *g = NULL;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    int status = clio_tbl_accounts_make(t, &a, &err);
    if (status == CLIO_OK && opt->domains)
        status = clio_tbl_accounts_read_domains(a, opt->domains, &err);
    if (status == CLIO_OK && opt->groups)
        status = clio_groups_read_csv(opt->groups, t, &g, &err);
    if (status != CLIO_OK) {
        cli_error(o, status, &err);
        goto done;
    }
    /* Z is not needed after I - A is built: factor in its memory. */
    if ((status = cli_factor(o, t, 1, &f)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    if ((status = clio_tbl(t, f, a, g, opt->mix, &r, &err)) != CLIO_OK) {
        cli_error(o, status, &err);
        goto done;
    }
    cli_timing(o, "solve", cli_now() - t0);
    status = emit(o, r, a);
done:
    clio_result_free(r);
    clio_leontief_free(f);
    clio_groups_free(g);
    clio_tbl_accounts_free(a);
    return status;
}

int cmd_tbl(int argc, char **argv)
{
    static const char usage[] =
        "clio tbl TABLE [--groups GROUPS.csv] [--mix output|final-demand] [--domains D.csv]\n"
        "       [--format text|csv] [-o OUT.csv|OUT.txt|OUT.nc]";
    static const char help[] =
        "Triple-bottom-line accounts (Foran, Lenzen & Dey 2005; Kucukvar et al. 2014):\n"
        "for output, every value-added row, value_added (their sum without imports,\n"
        "taxes on products and margins) and every satellite, labelled economic,\n"
        "social or environmental, side by side:\n"
        "  direct    per unit of the sector's output\n"
        "  total     embodied in a unit of its final demand (supply chain, d'L)\n"
        "  embodied  total x the sector's final demand (sums to the account's total)\n"
        "  --groups G.csv    also rows for groups (clusters): columns region,sector,group;\n"
        "                    a unit of final demand spread over the members by\n"
        "  --mix M           their output (default) or final-demand mix\n"
        "  --domains D.csv   override domains: columns account,domain\n"
        "-o writes CSV (tidy: region,sector,domain,account,unit,direct,total,embodied),\n"
        "text (.txt) or NetCDF (.nc).  Typed jobs, hours and emissions come from\n"
        "`clio accounts` (docs/methods-accounts.md).\n";
    static const struct option extra[] = {{"groups", required_argument, 0, OPT_GROUPS},
                                          {"mix", required_argument, 0, OPT_MIX},
                                          {"domains", required_argument, 0, OPT_DOMAINS},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "tbl"};
    tbl_options opt = {NULL, NULL, CLIO_MIX_OUTPUT};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, on_option, &opt, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    status = run(&o, &opt, t);
    clio_table_free(t);
    return status;
}
