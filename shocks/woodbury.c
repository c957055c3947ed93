/* woodbury.c -- solves with I - A' for a low-rank change A' = A + U V' of
 * the coefficients, from the kept LU factor of M = I - A (Sherman-Morrison-
 * Woodbury), so that a scenario that changes a few columns or rows of A
 * costs a few solves instead of a refactorisation (docs/methods-shocks.md):
 *
 *   (M - U V')^-1 = M^-1 + W C^-1 V' M^-1,   W = M^-1 U, C = I_k - V' W
 *   (M - U V')^-T = M^-T + Wt C^-T U' M^-T,  Wt = M^-T V  (C' = I_k - U' Wt)
 *
 * W and Wt are made once (2k solves), so every later solve is one solve
 * with the factor plus two n x k products and a k x k solve. */
#include "woodbury.h"

#include <cblas.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_leontief_update_free(clio_leontief_update *u)
{
    if (!u)
        return;
    free(u->U);
    free(u->V);
    free(u->W);
    free(u->Wt);
    free(u->C);
    free(u->ipiv);
    free(u);
}

/* NaN/Inf in an n x k argument: CLIO_EVALUE naming the entry. */
static int check_finite(const double *P, size_t ldp, size_t n, size_t k, const char *name,
                        clio_error *err)
{
    for (size_t c = 0; c < k; c++)
        for (size_t i = 0; i < n; i++)
            if (!isfinite(P[i + c * ldp]))
                return clioi_fail(err, CLIO_EVALUE,
                                  "coefficient update: %s(%zu, %zu) is %g (must be finite)",
                                  name, i + 1, c + 1, P[i + c * ldp]);
    return CLIO_OK;
}

static int check_arguments(const clio_leontief *f, const clio_table *t, size_t k,
                           const double *U, size_t ldu, const double *V, size_t ldv,
                           clio_leontief_update **out, clio_error *err)
{
    if (!f || !out || (k > 0 && (!U || !V)))
        return clioi_fail(err, CLIO_EINVAL, "coefficient update: NULL argument");
    size_t n = f->n;
    if (t && t->n != n)
        return clioi_fail(err, CLIO_EDIM, "coefficient update: the factor has %zu sectors, "
                                          "the table %zu", n, t->n);
    if (k > 0 && (ldu < (n ? n : 1) || ldv < (n ? n : 1)))
        return clioi_fail(err, CLIO_EINVAL,
                          "coefficient update: leading dimensions %zu, %zu < %zu", ldu, ldv, n);
    if (k > n)
        return clioi_fail(err, CLIO_EDIM,
                          "coefficient update: rank %zu for %zu sectors (at most n)", k, n);
    int status = check_finite(U, ldu, n, k, "U", err);
    return status != CLIO_OK ? status : check_finite(V, ldv, n, k, "V", err);
}

/* A copy of the n x k matrix P (ld ldp) with leading dimension n. */
static double *copy_block(const double *P, size_t ldp, size_t n, size_t k)
{
    double *c = clioi_alloc_matrix(n ? n : 1, k ? k : 1);
    if (c)
        for (size_t j = 0; j < k; j++)
            memcpy(c + j * n, P + j * ldp, n * sizeof *c);
    return c;
}

/* C = I_k - V' W, LU-factored in place; CLIO_ESINGULAR also when it is
 * singular to working precision (its 1-norm condition estimate). */
static int factor_capacitance(clio_leontief_update *u, clio_error *err)
{
    size_t n = u->n, k = u->k;
    for (size_t j = 0; j < k; j++)
        u->C[j + j * k] = 1.0;
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, (int)k, (int)k, (int)n, -1.0, u->V,
                (int)n, u->W, (int)n, 1.0, u->C, (int)k);
    double norm = 0;
    for (size_t j = 0; j < k; j++) {
        double s = 0;
        for (size_t i = 0; i < k; i++)
            s += fabs(u->C[i + j * k]);
        norm = s > norm ? s : norm;
    }
    lapack_int kk = (lapack_int)k;
    lapack_int info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, kk, kk, u->C, kk, u->ipiv);
    if (info < 0)
        return clioi_fail(err, CLIO_EINVAL, "dgetrf: argument %d invalid", (int)-info);
    double rcond = 0;
    if (info == 0) {
        double *work = malloc(4 * k * sizeof *work);
        lapack_int *iwork = malloc(k * sizeof *iwork);
        if (!work || !iwork) {
            free(work);
            free(iwork);
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        }
        if (LAPACKE_dgecon_work(LAPACK_COL_MAJOR, '1', kk, u->C, kk, norm, &rcond, work,
                                iwork) != 0)
            rcond = 0;
        free(work);
        free(iwork);
    }
    if (info > 0 || !(rcond > DBL_EPSILON))
        return clioi_fail(err, CLIO_ESINGULAR,
                          "coefficient update: I - A' is singular (the %zu x %zu capacitance "
                          "matrix I - V'(I - A)^-1 U has reciprocal condition %.3g): the "
                          "changed coefficients leave no unique solution",
                          k, k, rcond);
    return CLIO_OK;
}

/* Productive iff (I - A') g = 1 has a positive solution (as for the
 * factor itself: solver/leontief.c). */
static int check_productive(const clio_leontief_update *u, const clio_table *t, clio_error *err)
{
    size_t n = u->n;
    double *g = malloc((n ? n : 1) * sizeof *g);
    if (!g)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        g[i] = 1.0;
    int status = clio_leontief_update_solve(u, 0, 1, g, n ? n : 1, err);
    for (size_t i = 0; status == CLIO_OK && i < n; i++) {
        if (g[i] > 0 && isfinite(g[i]))
            continue;
        if (t && t->sector_names && t->sector_names[i] && t->regions &&
            t->sector_region[i] < t->nregions)
            status = clioi_fail(err, CLIO_ENONPRODUCTIVE,
                                "the changed coefficients make the table non-productive: a "
                                "unit of final demand for every sector needs output %g of "
                                "sector '%s' in region '%s'",
                                g[i], t->sector_names[i], t->regions[t->sector_region[i]]);
        else
            status = clioi_fail(err, CLIO_ENONPRODUCTIVE,
                                "the changed coefficients make the table non-productive: a "
                                "unit of final demand for every sector needs output %g of "
                                "sector %zu",
                                g[i], i + 1);
    }
    free(g);
    return status;
}

int clio_leontief_update_make(const clio_leontief *f, const clio_table *t, size_t k,
                              const double *U, size_t ldu, const double *V, size_t ldv,
                              clio_leontief_update **out, clio_error *err)
{
    int status = check_arguments(f, t, k, U, ldu, V, ldv, out, err);
    if (status != CLIO_OK) {
        if (out)
            *out = NULL;
        return status;
    }
    *out = NULL;
    size_t n = f->n;
    clio_leontief_update *u = calloc(1, sizeof *u);
    if (!u)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    u->f = f;
    u->n = n;
    u->k = k;
    u->U = copy_block(U, ldu, n, k);
    u->V = copy_block(V, ldv, n, k);
    u->W = copy_block(U, ldu, n, k);
    u->Wt = copy_block(V, ldv, n, k);
    u->C = clioi_alloc_matrix(k ? k : 1, k ? k : 1);
    u->ipiv = clioi_calloc_array(k, sizeof *u->ipiv);
    if (!u->U || !u->V || !u->W || !u->Wt || !u->C || !u->ipiv) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a rank-%zu update", k);
        goto fail;
    }
    if (k > 0) {
        if ((status = clio_leontief_solve(f, 0, k, u->W, n, err)) != CLIO_OK ||
            (status = clio_leontief_solve(f, 1, k, u->Wt, n, err)) != CLIO_OK ||
            (status = factor_capacitance(u, err)) != CLIO_OK)
            goto fail;
    }
    if ((status = check_productive(u, t, err)) != CLIO_OK)
        goto fail;
    *out = u;
    return CLIO_OK;
fail:
    clio_leontief_update_free(u);
    return status;
}

int clio_leontief_update_solve(const clio_leontief_update *u, int transpose, size_t nrhs,
                               double *B, size_t ldb, clio_error *err)
{
    if (!u || (nrhs > 0 && !B))
        return clioi_fail(err, CLIO_EINVAL, "coefficient update: NULL argument");
    size_t n = u->n, k = u->k;
    int status = clio_leontief_solve(u->f, transpose, nrhs, B, ldb, err);
    if (status != CLIO_OK || k == 0 || n == 0 || nrhs == 0)
        return status;
    if (nrhs > (size_t)INT_MAX / k)
        return clioi_fail(err, CLIO_EDIM, "too many right-hand sides");
    /* T = P' M^-1 B (P = V, or U transposed), T := C^-1 T, B += Q T */
    double *T = malloc(k * nrhs * sizeof *T);
    if (!T)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    const double *P = transpose ? u->U : u->V, *Q = transpose ? u->Wt : u->W;
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, (int)k, (int)nrhs, (int)n, 1.0, P,
                (int)n, B, (int)ldb, 0.0, T, (int)k);
    LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, transpose ? 'T' : 'N', (lapack_int)k,
                        (lapack_int)nrhs, u->C, (lapack_int)k, u->ipiv, T, (lapack_int)k);
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int)n, (int)nrhs, (int)k, 1.0, Q,
                (int)n, T, (int)k, 1.0, B, (int)ldb);
    free(T);
    return CLIO_OK;
}
