/* cmd_project.c -- `clio project TABLE --margins M.csv -o NEW`: a base-year
 * table brought to a new year's outputs, final demand and value added by
 * RAS (GRAS when the table has negative flows). */
#include "balance_option.h"

#include <stdlib.h>

enum { OPT_MARGINS = 720 };

typedef struct project_args {
    balance_option b;
    const char *margins;
} project_args;

static int on_option(void *ctx, int opt, const char *arg)
{
    project_args *a = ctx;
    if (opt == OPT_MARGINS) {
        a->margins = arg;
        return 1;
    }
    return balance_option_parse(&a->b, opt, arg, "project");
}

static int project(const cli_common *o, clio_table *t, const project_args *a, clio_error *err)
{
    double *x = calloc(3 * t->n + 1, sizeof *x);
    if (!x)
        return CLIO_ENOMEM;
    double *fd = x + t->n, *va = x + 2 * t->n;
    int status = clio_margins_read_csv(a->margins, t, x, fd, va, err);
    clio_balance_info info;
    if (status == CLIO_OK) {
        status = clio_project(t, x, fd, va, &a->b.opt, &info, err);
        if (status == CLIO_OK || status == CLIO_ENOCONVERGE)
            balance_report(o, "RAS/GRAS", &info);
    }
    if (status == CLIO_OK)
        status = clio_table_save(t, o->output, err);
    free(x);
    return status;
}

int cmd_project(int argc, char **argv)
{
    static const char usage[] = "clio project TABLE --margins MARGINS.csv -o NEW(.nc|folder)";
    static const char help[] =
        "Project a base-year table to a new year (RAS projection): the base\n"
        "year's input coefficients times the new outputs, balanced so that\n"
        "intermediate sales are output - final_demand and intermediate purchases\n"
        "are output - value_added of the new year.  MARGINS.csv has the columns\n"
        "region (multi-region tables), sector, output, final_demand, value_added,\n"
        "every sector once; final demand sums to value added.  Final-demand rows\n"
        "and value-added columns are scaled to the new totals, satellites keep\n"
        "their coefficients.  GRAS is used when the table has negative flows.\n" BALANCE_HELP;
    static const struct option extra[] = {{"margins", required_argument, 0, OPT_MARGINS},
                                          BALANCE_OPTIONS,
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "project"};
    project_args a = {0};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, on_option, &a, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!a.margins)
        return cli_usage_error(&o, usage, "missing --margins MARGINS.csv");
    if (!o.output)
        return cli_usage_error(&o, usage, "missing -o NEW.nc or NEW folder");
    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_error err = {0};
    status = project(&o, t, &a, &err);
    clio_table_free(t);
    return status == CLIO_OK ? 0 : cli_error(&o, status, &err);
}
