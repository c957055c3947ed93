/* relatedness_profiles.c -- relatedness from employment profiles (Delgado,
 * Porter & Stern 2016): co-location, the correlation across regions of the
 * sectors' regional employment shares, and occupational similarity, the
 * correlation across occupations of the sectors' occupation shares. */
#include "relatedness.h"

#include <math.h>
#include <stdlib.h>

enum { BY_REGION, BY_SECTOR };

/* X = P with each region's row (BY_REGION: e_rs / e_r) or each sector's
 * column (BY_SECTOR: e_os / e_s) divided by its total; totals of 0 stay 0. */
static void shares(const clio_sector_profiles *p, int by, double *X)
{
    size_t m = p->nobs, k = p->nnames;
    for (size_t c = 0; c < m * k; c++)
        X[c] = p->P[c];
    if (by == BY_SECTOR) {
        for (size_t s = 0; s < k; s++) {
            double total = 0.0;
            for (size_t r = 0; r < m; r++)
                total += X[r + m * s];
            for (size_t r = 0; r < m; r++)
                X[r + m * s] = total > 0.0 ? X[r + m * s] / total : 0.0;
        }
        return;
    }
    for (size_t r = 0; r < m; r++) {
        double total = 0.0;
        for (size_t s = 0; s < k; s++)
            total += X[r + m * s];
        for (size_t s = 0; s < k; s++)
            X[r + m * s] = total > 0.0 ? X[r + m * s] / total : 0.0;
    }
}

/* Centre each column of X (m x k) and scale it to unit length; a constant
 * column becomes 0, so its correlation with any other is 0. */
static void standardise_columns(size_t m, size_t k, double *X)
{
    for (size_t s = 0; s < k; s++) {
        double *x = X + m * s, mean = 0.0, ss = 0.0;
        for (size_t r = 0; r < m; r++)
            mean += x[r];
        mean /= (double)m;
        for (size_t r = 0; r < m; r++) {
            x[r] -= mean;
            ss += x[r] * x[r];
        }
        /* below rounding noise of the shares: constant */
        double norm = sqrt(ss);
        for (size_t r = 0; r < m; r++)
            x[r] = norm > 1e-12 * (fabs(mean) + 1e-300) ? x[r] / norm : 0.0;
    }
}

/* R_ij = the correlation of the profiles of i's and j's sector names. */
static int correlate(const clio_table *t, const clio_sector_profiles *p, int by, size_t min_obs,
                     const char *what, double *R, size_t ldr, clio_error *err)
{
    size_t n = t->n, m = p->nobs;
    if (ldr < n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ldr, n);
    if (m < min_obs)
        return clioi_fail(err, CLIO_EDIM, "%s needs at least %zu %s; there are %zu", what,
                          min_obs, by == BY_REGION ? "regions" : "occupations", m);
    size_t *name_of = clioi_calloc_array(n, sizeof *name_of);
    double *X = clioi_calloc_array(m * p->nnames, sizeof *X);
    int status = CLIO_OK;
    if (!name_of || !X)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; status == CLIO_OK && i < n; i++)
        if ((name_of[i] = clioi_find_label(p->names, p->nnames, t->sector_names[i])) ==
            CLIO_NONE)
            status = clioi_fail(err, CLIO_EINVAL, "%s: the profiles have no sector '%s'", what,
                                t->sector_names[i]);
    if (status == CLIO_OK) {
        shares(p, by, X);
        standardise_columns(m, p->nnames, X);
        for (size_t j = 0; j < n; j++) {
            R[j + ldr * j] = 0.0;
            const double *xj = X + m * name_of[j];
            for (size_t i = j + 1; i < n; i++) {
                const double *xi = X + m * name_of[i];
                double c = 0.0;
                for (size_t r = 0; r < m; r++)
                    c += xi[r] * xj[r];
                R[i + ldr * j] = R[j + ldr * i] = c;
            }
        }
    }
    free(name_of);
    free(X);
    return status;
}

int clio_relatedness_colocation(const clio_table *t, const clio_sector_profiles *e, double *R,
                                size_t ldr, clio_error *err)
{
    return correlate(t, e, BY_REGION, 3, "co-location", R, ldr, err);
}

int clio_relatedness_occupation(const clio_table *t, const clio_sector_profiles *e, double *R,
                                size_t ldr, clio_error *err)
{
    return correlate(t, e, BY_SECTOR, 2, "occupational similarity", R, ldr, err);
}
