/* impact.c -- effects of a final-demand change: dx = L df by one solve with
 * the kept factor, split into the direct effect (the demand change itself)
 * and the indirect effect through the supply chain, for output and every
 * value-added and satellite account. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>

enum { F_DIRECT, F_INDIRECT, F_TOTAL, NFIELDS };
static const char *const field_names[NFIELDS] = {"direct", "indirect", "total"};

int clio_impact(const clio_table *t, const clio_leontief *f, const double *df,
                clio_result **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n, na = 1 + t->nva + t->nsat;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    int nonnegative;
    int status = clioi_demand_check(t, df, &nonnegative, err);
    if (status != CLIO_OK)
        return status;
    clio_result *r = clioi_result_alloc(t, "impact", na, NFIELDS);
    double *dx = clioi_calloc_array(n, sizeof *dx);
    if (!r || !dx || clioi_result_set_accounts_from_table(r, t) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    r->additive = 1;
    if (clioi_result_set_fields(r, field_names) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        dx[i] = df[i];
    if ((status = clio_leontief_solve(f, 0, 1, dx, n ? n : 1, err)) != CLIO_OK ||
        (status = clioi_response_check(t, df, dx, nonnegative, err)) != CLIO_OK)
        goto done;
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < na; a++) {
            double c = clioi_account_coefficient(t, a, i);
            double *v = &r->values[NFIELDS * (a + na * i)];
            v[F_DIRECT] = c * df[i];
            v[F_TOTAL] = c * dx[i];
            v[F_INDIRECT] = c * (dx[i] - df[i]);
        }
done:
    free(dx);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}

int clioi_response_check(const clio_table *t, const double *df, const double *dx,
                         int nonnegative, clio_error *err)
{
    for (size_t i = 0; nonnegative && i < t->n; i++) {
        /* L >= 0, so more demand can never lower output beyond rounding. */
        double tol = 1e-9 * (fabs(dx[i]) + fabs(df[i]) + 1);
        if (dx[i] < df[i] - tol)
            return clioi_fail(err, CLIO_ENONPRODUCTIVE,
                              "non-negative demand gives output change %g < demand change %g "
                              "in sector '%s': the table is not productive",
                              dx[i], df[i], t->sector_names[i]);
    }
    return CLIO_OK;
}

int clioi_demand_check(const clio_table *t, const double *df, int *nonnegative,
                       clio_error *err)
{
    *nonnegative = 1;
    for (size_t i = 0; i < t->n; i++) {
        if (!isfinite(df[i]))
            return clioi_fail(err, CLIO_EVALUE, "demand change for sector '%s' is not finite",
                              t->sector_names[i]);
        *nonnegative &= df[i] >= 0;
    }
    return CLIO_OK;
}
