/* sam_impact.c -- income of each household group for a change of final
 * demand in the model closed for the groups: income = K VH L df and
 * dx = L df + L C income, from the closure (one transposed solve) and one
 * plain solve.  The
 * entry point for other modules (e.g. a scorecard) that need incomes by
 * group, not a whole result. */
#include "sam.h"

#include <stdlib.h>

int clio_sam_impact(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                    const double *df, double *income, double *dx, clio_error *err)
{
    int nonnegative;
    int status = clioi_demand_check(t, df, &nonnegative, err);
    if (status != CLIO_OK)
        return status;
    clioi_sam_closed c;
    if ((status = clioi_sam_close(t, f, s, &c, err)) != CLIO_OK)
        return status;
    size_t n = t->n, k = s->k, ld = c.ld;
    const double *W = c.E + c.na * ld; /* (VH L)' */
    double *open = malloc(k * sizeof *open);
    if (!open) {
        clioi_sam_closed_free(&c);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    /* income = K (VH L df): W' df is the open model's income. */
    for (size_t h = 0; h < k; h++) {
        double v = 0.0;
        for (size_t j = 0; j < n; j++)
            v += W[j + h * ld] * df[j];
        open[h] = v;
    }
    for (size_t h = 0; h < k; h++) {
        double v = 0.0;
        for (size_t g = 0; g < k; g++)
            v += c.K[h + g * k] * open[g];
        income[h] = v;
    }
    clioi_sam_closed_free(&c);
    free(open);
    if (!dx)
        return CLIO_OK;
    /* dx = L (df + C income): one solve. */
    for (size_t i = 0; i < n; i++) {
        double v = df[i];
        for (size_t h = 0; h < k; h++)
            v += s->C[i + n * h] * income[h];
        dx[i] = v;
    }
    return clio_leontief_solve(f, 0, 1, dx, ld, err);
}
