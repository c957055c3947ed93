/* iim.c -- the static inoperability input-output model (Haimes & Jiang
 * 2001; Santos & Haimes 2004): q = (I - A*)^-1 c*, clipped to [0, 1], in
 * its demand-side and supply-side forms (docs/methods-iim.md). */
#include "iim.h"

#include <lapacke.h>

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int clioi_iim_check_matrix(size_t n, const double *Astar, size_t lda, clio_error *err)
{
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++) {
            double a = Astar[i + j * lda];
            if (!isfinite(a) || a < 0)
                return clioi_fail(err, CLIO_EVALUE,
                                  "A* row %zu, column %zu is %g: interdependencies must be "
                                  "finite and non-negative",
                                  i + 1, j + 1, a);
        }
    return CLIO_OK;
}

int clioi_iim_check_shares(size_t n, const double *v, const char *what, clio_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (!(v[i] >= 0 && v[i] <= 1))
            return clioi_fail(err, CLIO_EVALUE,
                              "%s of sector %zu is %g: it is a share of output, in [0, 1]",
                              what, i + 1, v[i]);
    return CLIO_OK;
}

int clio_iim_interdependency(const clio_table *t, double *Astar, size_t lda, clio_error *err)
{
    size_t n = t->n;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    if (lda < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", lda, n);
    /* a*_ij = z_ij / x_i: the share of i's output that j's production takes. */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            Astar[i + j * lda] = t->x[i] != 0 ? t->Z[i + j * n] / t->x[i] : 0.0;
    return CLIO_OK;
}

int clioi_iim_supply_interdependency(size_t n, const double *Z, size_t ldz, const double *x,
                                     double *As, size_t lda, clio_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || x[i] < 0)
            return clioi_fail(err, CLIO_EVALUE,
                              "output of sector %zu is %g: it must be finite and non-negative",
                              i + 1, x[i]);
    int status = clioi_iim_check_matrix(n, Z, ldz, err);
    if (status != CLIO_OK)
        return status;
    /* Leung, Haimes & Santos (2007): a sector missing inputs loses output in
     * proportion to what the inputs are of its output, a*s_ij = z_ji / x_i. */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            As[i + j * lda] = x[i] != 0 ? Z[j + i * ldz] / x[i] : 0.0;
    return CLIO_OK;
}

/* Factor M = I - A* in m (n x n, ld n), check it is productive ((I - A*) g
 * = 1 has a positive g: for A* >= 0 the same as (I - A*)^-1 >= 0) and
 * solve q := M^-1 q. */
static int solve_productive(size_t n, const double *Astar, size_t lda, double *q,
                            clio_error *err)
{
    if (n > (size_t)INT_MAX / 2 || (n && n > (size_t)INT_MAX / n))
        return clioi_fail(err, CLIO_EDIM, "%zu sectors is too large for dense LAPACK", n);
    double *m = clioi_alloc_matrix(n, n);
    double *g = malloc(n * sizeof *g);
    lapack_int *ipiv = clioi_calloc_array(n, sizeof *ipiv);
    int status = CLIO_OK;
    if (!m || !g || !ipiv) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu x %zu IIM", n, n);
        goto done;
    }
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < n; i++)
            m[i + j * n] = -Astar[i + j * lda];
        m[j + j * n] += 1.0;
        g[j] = 1.0;
    }
    lapack_int nn = (lapack_int)n;
    lapack_int info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, nn, nn, m, nn, ipiv);
    if (info > 0) {
        status = clioi_fail(err, CLIO_ESINGULAR,
                            "I - A* is singular (zero pivot at sector %d): the "
                            "interdependencies have no unique inoperability",
                            (int)info);
        goto done;
    }
    if (info == 0)
        info = LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 'N', nn, 1, m, nn, ipiv, g, nn);
    for (size_t i = 0; info == 0 && i < n; i++)
        if (!(g[i] > 0) || !isfinite(g[i])) {
            status = clioi_fail(err, CLIO_ENONPRODUCTIVE,
                                "I - A* has no non-negative inverse: (I - A*) g = 1 gives "
                                "g = %g for sector %zu (the interdependencies feed back "
                                "more than they take: the largest eigenvalue of A* is >= 1)",
                                g[i], i + 1);
            goto done;
        }
    if (info == 0)
        info = LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 'N', nn, 1, m, nn, ipiv, q, nn);
    if (info != 0)
        status = clioi_fail(err, CLIO_EINVAL, "LAPACK: argument %d invalid", (int)-info);
done:
    free(m);
    free(g);
    free(ipiv);
    return status;
}

/* Clip q to [0, 1]: inoperability is a share of lost output (Haimes &
 * Jiang 2001), so a sector cannot lose more than all of it. */
static size_t clip_unit(size_t n, double *q)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (q[i] > 1) {
            q[i] = 1;
            count++;
        } else if (q[i] < 0) {
            q[i] = 0;
            count++;
        }
    }
    return count;
}

int clio_iim_static(size_t n, const double *Astar, size_t lda, const double *cstar, double *q,
                    size_t *clipped, clio_error *err)
{
    if (clipped)
        *clipped = 0;
    if (lda < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", lda, n);
    int status = clioi_iim_check_matrix(n, Astar, lda, err);
    if (status == CLIO_OK)
        status = clioi_iim_check_shares(n, cstar, "the perturbation c*", err);
    if (status != CLIO_OK || n == 0)
        return status;
    memcpy(q, cstar, n * sizeof *q);
    if ((status = solve_productive(n, Astar, lda, q, err)) != CLIO_OK)
        return status;
    size_t count = clip_unit(n, q);
    if (clipped)
        *clipped = count;
    return CLIO_OK;
}

int clio_iim_supply(size_t n, const double *Z, size_t ldz, const double *x, const double *cstar,
                    double *q, size_t *clipped, clio_error *err)
{
    if (clipped)
        *clipped = 0;
    if (ldz < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", ldz, n);
    double *As = clioi_alloc_matrix(n, n);
    if (!As)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu x %zu IIM", n, n);
    int status = clioi_iim_supply_interdependency(n, Z, ldz, x, As, n ? n : 1, err);
    if (status == CLIO_OK)
        status = clio_iim_static(n, As, n ? n : 1, cstar, q, clipped, err);
    free(As);
    return status;
}
