/* scenario_closure.c -- Type II solves for scenario batches: the model
 * closed for k household groups, without forming the closed inverse.
 * With the open solve L, consumption HC (n x k) and income HR (k x n):
 *   x = L b + (L HC) S^-1 HR L b,   S = I_k - HR L HC,
 * the same Schur complement as solver/type2.c, for many right-hand sides. */
#include "scenario_run.h"
#include "../solver/households.h"

#include <stdlib.h>
#include <string.h>

/* The closure's pieces for solver s: L HC (n x k) and S^-1, checked as
 * Type II impacts check it (solver/type2.c). */
static int closure_parts(const run_ctx *c, const run_solver *s, double **lhc, double **sinv,
                         clio_error *err)
{
    size_t n = c->n, k = c->h->k;
    *lhc = clioi_alloc_matrix(n, k);
    *sinv = clioi_alloc_matrix(k, k);
    if (!*lhc || !*sinv)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    memcpy(*lhc, c->h->HC, n * k * sizeof **lhc);
    int status = run_solve(s, 0, k, *lhc, n, err);
    return status == CLIO_OK ? clioi_households_schur_inverse(c->h, c->h->HRt, *lhc, *sinv, err)
                             : status;
}

int run_closure_prepare(run_ctx *c, clio_error *err)
{
    const run_solver plain = {c->f, NULL};
    if (c->h->n != c->n)
        return clioi_fail(err, CLIO_EDIM, "the household closure is for %zu sectors, not %zu",
                          c->h->n, c->n);
    return closure_parts(c, &plain, &c->lhc, &c->sinv, err);
}

int run_closed_solve(const run_ctx *c, const run_solver *s, size_t nrhs, double *B,
                     clio_error *err)
{
    size_t n = c->n, k = c->h->k;
    double *lhc = c->lhc, *sinv = c->sinv;
    int status = CLIO_OK;
    if (s->u)
        status = closure_parts(c, s, &lhc, &sinv, err);
    double *H = status == CLIO_OK ? clioi_alloc_matrix(k, nrhs) : NULL;
    double *G = status == CLIO_OK ? clioi_alloc_matrix(k, nrhs) : NULL;
    if (status == CLIO_OK && (!H || !G))
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        status = run_solve(s, 0, nrhs, B, n, err);
    if (status == CLIO_OK) {
        /* H = HR (L b) = HRt' B, G = S^-1 H, then B += (L HC) G */
        for (size_t j = 0; j < nrhs; j++)
            clioi_dgemv(1, n, k, c->h->HRt, n, B + n * j, H + k * j);
        clioi_dense_gemm(k, nrhs, k, sinv, H, G);
        for (size_t j = 0; j < nrhs; j++)
            for (size_t q = 0; q < k; q++)
                for (size_t i = 0; i < n; i++)
                    B[i + n * j] += lhc[i + n * q] * G[q + k * j];
    }
    free(H);
    free(G);
    if (s->u) {
        free(lhc);
        free(sinv);
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
