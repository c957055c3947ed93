/* results.c -- clio results on rank 0 from the gathered solutions, with the
 * formulas, labels and checks of the serial library (solver/multipliers.c,
 * solver/impact.c, solver/leontief.c), so the two programs write the same
 * files. */
#include "clio_mpi.h"

#include <math.h>
#include <stdlib.h>

int mpi_productive_check(const clio_table *t, const double *g, int transposed,
                         clio_error *err)
{
    for (size_t i = 0; i < t->n; i++) {
        if (g[i] > 0 && isfinite(g[i]))
            continue;
        const char *sector = t->sector_names[i], *region = t->regions[t->sector_region[i]];
        if (transposed) /* g = 1'L: output multipliers */
            return clioi_fail(err, CLIO_ENONPRODUCTIVE,
                              "the table is not productive: the output multiplier of sector "
                              "'%s' in region '%s' is %g (the column sums of A reach or "
                              "exceed 1)", sector, region, g[i]);
        return clioi_fail(err, CLIO_ENONPRODUCTIVE,
                          "the table is not productive: a unit of final demand for every "
                          "sector needs output %g of sector '%s' in region '%s' (the column "
                          "sums of A reach or exceed 1)", g[i], sector, region);
    }
    return CLIO_OK;
}

enum { M_COEFFICIENT, M_EFFECT, M_MULTIPLIER, M_NFIELDS };
static const char *const multiplier_fields[M_NFIELDS] = {"coefficient", "effect",
                                                         "multiplier"};

/* E: n x naccounts, the effects c'L of every account (column a). */
int mpi_multipliers_result(const clio_table *t, const double *E, clio_result **out,
                           clio_error *err)
{
    size_t n = t->n, na = 1 + t->nva + t->nsat;
    clio_result *r = clioi_result_alloc(t, "multipliers", na, M_NFIELDS);
    if (!r || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_result_set_fields(r, multiplier_fields) != CLIO_OK) {
        clio_result_free(r);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    for (size_t j = 0; j < n; j++)
        for (size_t a = 0; a < na; a++) {
            double *v = &r->values[M_NFIELDS * (a + na * j)];
            double c = clioi_account_coefficient(t, a, j), e = E[j + a * n];
            v[M_COEFFICIENT] = c;
            v[M_EFFECT] = e;
            v[M_MULTIPLIER] = c != 0 ? e / c : NAN;
        }
    *out = r;
    return CLIO_OK;
}

enum { I_DIRECT, I_INDIRECT, I_TOTAL, I_NFIELDS };
static const char *const impact_fields[I_NFIELDS] = {"direct", "indirect", "total"};

/* dx = L df, solved. */
int mpi_impact_result(const clio_table *t, const double *df, const double *dx,
                      clio_result **out, clio_error *err)
{
    size_t n = t->n, na = 1 + t->nva + t->nsat;
    int nonnegative;
    int status = clioi_demand_check(t, df, &nonnegative, err);
    if (status != CLIO_OK)
        return status;
    clio_result *r = clioi_result_alloc(t, "impact", na, I_NFIELDS);
    if (!r || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_result_set_fields(r, impact_fields) != CLIO_OK) {
        clio_result_free(r);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    r->additive = 1;
    for (size_t i = 0; i < n; i++) {
        /* L >= 0, so more demand can never lower output beyond rounding. */
        double tol = 1e-9 * (fabs(dx[i]) + fabs(df[i]) + 1);
        if (nonnegative && dx[i] < df[i] - tol) {
            clio_result_free(r);
            return clioi_fail(err, CLIO_ENONPRODUCTIVE,
                              "non-negative demand gives output change %g < demand change %g "
                              "in sector '%s': the table is not productive",
                              dx[i], df[i], t->sector_names[i]);
        }
        for (size_t a = 0; a < na; a++) {
            double c = clioi_account_coefficient(t, a, i);
            double *v = &r->values[I_NFIELDS * (a + na * i)];
            v[I_DIRECT] = c * df[i];
            v[I_TOTAL] = c * dx[i];
            v[I_INDIRECT] = c * (dx[i] - df[i]);
        }
    }
    *out = r;
    return CLIO_OK;
}
