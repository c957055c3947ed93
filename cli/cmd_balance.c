/* cmd_balance.c -- `clio balance MATRIX.csv --rows R.csv --cols C.csv`:
 * RAS or GRAS balancing of a labelled matrix to row and column targets,
 * with optional fixed cells. */
#include "balance_option.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_ROWS = 710, OPT_COLS, OPT_FIXED, OPT_METHOD };

typedef struct balance_args {
    balance_option b;
    char method; /* 'a'uto, 'r'as, 'g'ras */
    const char *rows, *cols, *fixed, *command;
} balance_args;

static int on_option(void *ctx, int opt, const char *arg)
{
    balance_args *a = ctx;
    switch (opt) {
    case OPT_ROWS: a->rows = arg; return 1;
    case OPT_COLS: a->cols = arg; return 1;
    case OPT_FIXED: a->fixed = arg; return 1;
    case OPT_METHOD:
        if (strcmp(arg, "ras") == 0 || strcmp(arg, "gras") == 0 || strcmp(arg, "auto") == 0) {
            a->method = arg[0];
            return 1;
        }
        fprintf(stderr, "clio balance: error: bad value '%s' for --method (auto, ras, gras)\n",
                arg);
        return -1;
    default: return balance_option_parse(&a->b, opt, arg, a->command);
    }
}

static int has_negative(const clio_matrix *m)
{
    for (size_t k = 0; k < m->rows * m->cols; k++)
        if (m->values[k] < 0)
            return 1;
    return 0;
}

static int run(const cli_common *o, const char *path, balance_args *a, clio_error *err)
{
    clio_matrix *m = NULL;
    double *u = NULL, *v = NULL;
    unsigned char *fixed = NULL;
    int status = clio_matrix_read_csv(path, &m, err);
    if (status != CLIO_OK)
        return status;
    u = calloc(m->rows + 1, sizeof *u);
    v = calloc(m->cols + 1, sizeof *v);
    fixed = a->fixed ? calloc(m->rows * m->cols + 1, 1) : NULL;
    if (!u || !v || (a->fixed && !fixed))
        status = CLIO_ENOMEM;
    if (status == CLIO_OK)
        status = clio_matrix_targets_read_csv(a->rows, m, 0, u, err);
    if (status == CLIO_OK)
        status = clio_matrix_targets_read_csv(a->cols, m, 1, v, err);
    if (status == CLIO_OK && a->fixed)
        status = clio_matrix_fixed_read_csv(a->fixed, m, fixed, err);
    if (status == CLIO_OK) {
        int gras = a->method == 'g' || (a->method == 'a' && has_negative(m));
        clio_balance_options opt = a->b.opt;
        opt.fixed = fixed;
        opt.row_names = (const char *const *)m->row_names;
        opt.col_names = (const char *const *)m->col_names;
        clio_balance_info info;
        status = (gras ? clio_gras : clio_ras)(m->rows, m->cols, m->values, m->rows, u, v, &opt,
                                              &info, err);
        if (status == CLIO_OK)
            balance_report(o, gras ? "GRAS" : "RAS", &info);
    }
    if (status == CLIO_OK)
        status = clio_matrix_write_csv(m, o->output, err);
    free(u), free(v), free(fixed);
    clio_matrix_free(m);
    return status;
}

int cmd_balance(int argc, char **argv)
{
    static const char usage[] = "clio balance MATRIX.csv --rows ROWS.csv --cols COLS.csv "
                                "[--fixed FIXED.csv] [--method auto|ras|gras] -o OUT.csv";
    static const char help[] =
        "Balance a labelled matrix (first row column names, first column row names)\n"
        "so that its rows sum to the targets of ROWS.csv and its columns to those of\n"
        "COLS.csv (each with the columns label,target, every row or column once).\n"
        "  --method auto   RAS for a non-negative matrix, GRAS when it has negative\n"
        "                  cells (GRAS keeps every sign); ras or gras to choose\n"
        "  --fixed F.csv   cells that keep their value (columns row,column and an\n"
        "                  optional value that is set first), e.g. survey data\n"
        "  -o OUT.csv      the balanced matrix, same layout (required)\n"
        "Iterations and the final residual are reported on stderr.  Inconsistent\n"
        "targets (different sums, a positive target on a row of negative cells...)\n"
        "exit 2; no convergence within --max-iter exits 13.\n" BALANCE_HELP;
    static const struct option extra[] = {{"rows", required_argument, 0, OPT_ROWS},
                                          {"cols", required_argument, 0, OPT_COLS},
                                          {"fixed", required_argument, 0, OPT_FIXED},
                                          {"method", required_argument, 0, OPT_METHOD},
                                          BALANCE_OPTIONS,
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "balance"};
    balance_args a = {.command = "balance", .method = 'a'};
    const char *path;
    int rc = cli_parse_table(&o, argc, argv, extra, on_option, &a, usage, help, &path);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (!a.rows || !a.cols)
        return cli_usage_error(&o, usage, "missing --rows or --cols");
    if (!o.output)
        return cli_usage_error(&o, usage, "missing -o OUT.csv");
    clio_error err = {0};
    int status = run(&o, path, &a, &err);
    return status == CLIO_OK ? 0 : cli_error(&o, status, &err);
}
