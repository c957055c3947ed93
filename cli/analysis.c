/* analysis.c -- what every analysing command does around its one library
 * call: load and check TABLE, read the command's own inputs, factor I - A,
 * run the analysis (timed as "solve"), print and save the result, free. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

int cli_run_analysis(const cli_common *o, const char *table, const cli_analysis *a)
{
    clio_table *t;
    int status = cli_load_table(o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    if (a->prepare && (status = a->prepare(a->ctx, t, &err)) != CLIO_OK) {
        cli_error(o, status, &err);
        goto done;
    }
    if ((status = cli_factor_for(o, t, !a->keep_z, a->rhs, a->needs_lu, &f)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    if ((status = a->analyse(a->ctx, t, f, &r, &err)) != CLIO_OK) {
        cli_error(o, status, &err);
        goto done;
    }
    cli_timing(o, "solve", cli_now() - t0);
    if (cli_method_refines(f)) /* what the solves did */
        cli_method_report(o, f);
    status = cli_emit(o, r);
done:
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}

int cli_save_matrix(const clio_table *t, const clio_leontief *f, cli_matrix_fn fill,
                    const char *path, clio_error *err)
{
    size_t ld = t->n ? t->n : 1;
    double *M = malloc(ld * ld * sizeof *M);
    if (!M) {
        err->status = CLIO_ENOMEM;
        snprintf(err->message, sizeof err->message, "out of memory for a %zu x %zu matrix",
                 t->n, t->n);
        return CLIO_ENOMEM;
    }
    int status = fill(t, f, M, ld, err);
    if (status == CLIO_OK)
        status = clio_matrix_save_csv(t, M, ld, path, err);
    free(M);
    return status;
}

double *cli_sector_vector(const clio_table *t, clio_error *err)
{
    double *v = malloc((t->n ? t->n : 1) * sizeof *v);
    if (!v) {
        err->status = CLIO_ENOMEM;
        snprintf(err->message, sizeof err->message, "out of memory");
    }
    return v;
}
