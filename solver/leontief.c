/* leontief.c -- factor I - A once (LU, dgetrf), solve many right-hand
 * sides with the kept factor, and check the system is productive.
 *
 * Only the solver includes LAPACKE.  The table was validated when loaded,
 * so the _work routines are called: LAPACKE's NaN scan of the whole factor
 * on every solve makes small solves 1.5-2.3x slower (PERFORMANCE.md). */
#include "factor.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int clio_coefficients(const clio_table *t, double *A, size_t lda, clio_error *err)
{
    size_t n = t->n;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    if (lda < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", lda, n);
    for (size_t j = 0; j < n; j++) {
        double inv = t->x[j] != 0 ? 1.0 / t->x[j] : 0.0;
        for (size_t i = 0; i < n; i++)
            A[i + j * lda] = t->Z[i + j * n] * inv;
    }
    return CLIO_OK;
}

/* I - A into m from the flows Z (m may be Z itself: each element is read
 * before it is written), column by column; returns the 1-norm of I - A for
 * dgecon. */
static double build_i_minus_a(const clio_table *t, const double *Z, double *m)
{
    size_t n = t->n;
    double norm = 0;
    for (size_t j = 0; j < n; j++) {
        double scale = t->x[j] != 0 ? -1.0 / t->x[j] : 0.0;
        double *col = m + j * n;
        const double *z = Z + j * n;
        double colsum = 0;
        for (size_t i = 0; i < n; i++) {
            col[i] = z[i] * scale;
            colsum += fabs(col[i]);
        }
        colsum += fabs(1.0 + col[j]) - fabs(col[j]);
        col[j] += 1.0;
        if (colsum > norm)
            norm = colsum;
    }
    return norm;
}

static const char *region_of(const clio_table *t, size_t i)
{
    return t->regions[t->sector_region[i]];
}

/* Productive iff (I - A) g = 1 has a positive solution: for A >= 0 that is
 * exactly when I - A is a non-singular M-matrix, i.e. L = (I - A)^-1 >= 0. */
static int check_productive(const clio_table *t, clio_leontief *f, clio_error *err)
{
    size_t n = f->n;
    double *g = malloc(n * sizeof *g);
    if (!g)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        g[i] = 1.0;
    int status = clio_leontief_solve(f, 0, 1, g, n, err);
    for (size_t i = 0; status == CLIO_OK && i < n; i++) {
        if (!(g[i] > 0) || !isfinite(g[i]))
            status = clioi_fail(err, CLIO_ENONPRODUCTIVE,
                                "the table is not productive: a unit of final demand for "
                                "every sector needs output %g of sector '%s' in region '%s' "
                                "(the column sums of A reach or exceed 1)",
                                g[i], t->sector_names[i], region_of(t, i));
    }
    free(g);
    return status;
}

int clio_leontief_factor(clio_table *t, unsigned flags, clio_leontief **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    if (n > (size_t)INT_MAX / 2 || (n && n > (size_t)INT_MAX / n))
        return clioi_fail(err, CLIO_EDIM, "%zu sectors is too large for dense LAPACK", n);

    clio_leontief *f = calloc(1, sizeof *f);
    if (!f)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    f->n = n;
    f->rcond = 1.0;
    f->ipiv = clioi_calloc_array(n, sizeof *f->ipiv);
    if (flags & CLIO_FACTOR_CONSUME_Z) {
        f->lu = t->Z; /* I - A overwrites Z column by column */
        t->Z = NULL;
    } else {
        f->lu = clioi_alloc_matrix(n, n);
    }
    int status = CLIO_OK;
    if (!f->ipiv || !f->lu) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu x %zu factor", n, n);
        goto fail;
    }
    if (n == 0) {
        *out = f;
        return CLIO_OK;
    }
    double anorm = build_i_minus_a(t, (flags & CLIO_FACTOR_CONSUME_Z) ? f->lu : t->Z, f->lu);

    lapack_int nn = (lapack_int)n;
    char task[64];
    snprintf(task, sizeof task, "factorising I - A (n = %zu)", n);
    clioi_progress(task, 0.0); /* one LAPACK call: start and end only */
    lapack_int info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, nn, nn, f->lu, nn, f->ipiv);
    clioi_progress(task, 1.0);
    if (info > 0) {
        size_t j = (size_t)info - 1;
        status = clioi_fail(err, CLIO_ESINGULAR,
                            "I - A is singular: no unique solution (zero pivot at sector '%s' "
                            "in region '%s'; its inputs are a combination of other sectors)",
                            t->sector_names[j], region_of(t, j));
        goto fail;
    }
    if (info < 0) {
        status = clioi_fail(err, CLIO_EINVAL, "dgetrf: argument %d invalid", (int)-info);
        goto fail;
    }
    double *work = malloc(4 * n * sizeof *work);
    lapack_int *iwork = malloc(n * sizeof *iwork);
    if (!work || !iwork) {
        free(work);
        free(iwork);
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto fail;
    }
    info = LAPACKE_dgecon_work(LAPACK_COL_MAJOR, '1', nn, f->lu, nn, anorm, &f->rcond, work,
                               iwork);
    free(work);
    free(iwork);
    if (info != 0 || !isfinite(f->rcond))
        f->rcond = 0;
    if ((status = check_productive(t, f, err)) != CLIO_OK)
        goto fail;
    *out = f;
    return CLIO_OK;
fail:
    clio_leontief_free(f);
    return status;
}

void clio_leontief_free(clio_leontief *f)
{
    if (!f)
        return;
    free(f->lu);
    free(f->ipiv);
    free(f);
}

size_t clio_leontief_size(const clio_leontief *f) { return f->n; }

double clio_leontief_rcond(const clio_leontief *f) { return f->rcond; }

int clio_leontief_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                        size_t ldb, clio_error *err)
{
    size_t n = f->n;
    if (ldb < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", ldb, n);
    if (n == 0 || nrhs == 0)
        return CLIO_OK;
    if (nrhs > (size_t)INT_MAX || ldb > (size_t)INT_MAX)
        return clioi_fail(err, CLIO_EDIM, "too many right-hand sides");
    lapack_int info = LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, transpose ? 'T' : 'N',
                                          (lapack_int)n, (lapack_int)nrhs, f->lu,
                                          (lapack_int)n, f->ipiv, B, (lapack_int)ldb);
    if (info != 0)
        return clioi_fail(err, CLIO_EINVAL, "dgetrs: argument %d invalid", (int)-info);
    return CLIO_OK;
}

int clio_leontief_inverse(const clio_leontief *f, double *L, size_t ldl, clio_error *err)
{
    size_t n = f->n;
    if (ldl < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", ldl, n);
    for (size_t j = 0; j < n; j++) {
        memset(L + j * ldl, 0, n * sizeof *L);
        L[j + j * ldl] = 1.0;
    }
    return clio_leontief_solve(f, 0, n, L, ldl, err);
}
