/* scenario_closure.c -- Type II solves for scenario batches: the model
 * closed for k household groups, without forming the closed inverse.
 * With the open solve L, consumption HC (n x k) and income HR (k x n):
 *   x = L b + (L HC) S^-1 HR L b,   S = I_k - HR L HC,
 * the same Schur complement as solver/type2.c, for many right-hand sides. */
#include "scenario_run.h"
#include "../solver/households.h"

#include <lapacke.h>
#include <stdlib.h>
#include <string.h>

/* The closure's pieces for solver s: L HC (n x k) and the LU of S. */
static int closure_parts(const run_ctx *c, const run_solver *s, double **lhc, double **schur,
                         int **piv, clio_error *err)
{
    size_t n = c->n, k = c->h->k;
    *lhc = clioi_alloc_matrix(n, k);
    *schur = clioi_alloc_matrix(k, k);
    *piv = clioi_calloc_array(k, sizeof **piv);
    if (!*lhc || !*schur || !*piv)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    memcpy(*lhc, c->h->HC, n * k * sizeof **lhc);
    int status = run_solve(s, 0, k, *lhc, n, err);
    if (status != CLIO_OK)
        return status;
    /* S = I - HR (L HC), HR = HRt' */
    for (size_t q = 0; q < k; q++)
        for (size_t p = 0; p < k; p++) {
            double hr_l_hc = 0.0;
            for (size_t i = 0; i < n; i++)
                hr_l_hc += c->h->HRt[i + n * p] * (*lhc)[i + n * q];
            (*schur)[p + k * q] = (p == q ? 1.0 : 0.0) - hr_l_hc;
        }
    double norm = LAPACKE_dlange(LAPACK_COL_MAJOR, '1', (lapack_int)k, (lapack_int)k, *schur,
                                 (lapack_int)k), rcond = 0.0;
    lapack_int info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, (lapack_int)k, (lapack_int)k, *schur,
                                     (lapack_int)k, *piv);
    if (info == 0)
        LAPACKE_dgecon(LAPACK_COL_MAJOR, '1', (lapack_int)k, *schur, (lapack_int)k, norm, &rcond);
    /* as clio impact --type II: below this the induced effects are noise */
    if (info != 0 || !(rcond >= CLIO_RCOND_WARN))
        return clioi_fail(err, CLIO_ESINGULAR,
                          "the model closed for households is singular (reciprocal condition "
                          "number of I - HR L HC: %.3g)",
                          rcond);
    return CLIO_OK;
}

int run_closure_prepare(run_ctx *c, clio_error *err)
{
    const run_solver plain = {c->f, NULL};
    if (c->h->n != c->n)
        return clioi_fail(err, CLIO_EDIM, "the household closure is for %zu sectors, not %zu",
                          c->h->n, c->n);
    return closure_parts(c, &plain, &c->lhc, &c->schur, &c->schur_piv, err);
}

int run_closed_solve(const run_ctx *c, const run_solver *s, size_t nrhs, double *B,
                     clio_error *err)
{
    size_t n = c->n, k = c->h->k;
    double *lhc = c->lhc, *schur = c->schur;
    int *piv = c->schur_piv, status = CLIO_OK;
    if (s->u)
        status = closure_parts(c, s, &lhc, &schur, &piv, err);
    double *H = status == CLIO_OK ? clioi_alloc_matrix(k, nrhs) : NULL;
    if (status == CLIO_OK && !H)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        status = run_solve(s, 0, nrhs, B, n, err);
    if (status == CLIO_OK) {
        /* H = HR (L b) = HRt' B, then S^-1 H, then B += (L HC) H */
        for (size_t j = 0; j < nrhs; j++)
            clioi_dgemv(1, n, k, c->h->HRt, n, B + n * j, H + k * j);
        LAPACKE_dgetrs(LAPACK_COL_MAJOR, 'N', (lapack_int)k, (lapack_int)nrhs, schur,
                       (lapack_int)k, piv, H, (lapack_int)k);
        for (size_t j = 0; j < nrhs; j++)
            for (size_t q = 0; q < k; q++)
                for (size_t i = 0; i < n; i++)
                    B[i + n * j] += lhc[i + n * q] * H[q + k * j];
    }
    free(H);
    if (s->u) {
        free(lhc);
        free(schur);
        free(piv);
    }
    return status;
}

int run_closed_total(const run_ctx *c, const run_solver *s, const double *y, double *x,
                     clio_error *err)
{
    size_t n = c->n, k = c->h->k;
    double *income = clioi_calloc_array(k, sizeof *income);
    if (!income)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    /* the baseline's household spending is endogenous: take it out of y */
    clioi_dgemv(1, n, k, c->h->HRt, n, c->x0, income);
    memcpy(x, y, n * sizeof *x);
    for (size_t q = 0; q < k; q++)
        for (size_t i = 0; i < n; i++)
            x[i] -= c->h->HC[i + n * q] * income[q];
    free(income);
    return run_closed_solve(c, s, 1, x, err);
}
