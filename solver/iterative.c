/* iterative.c -- what the iterative methods share: products with A (kept,
 * or borrowed as Z and x; dense, or CSC for a sparse table), vector norms, and the constant K that turns a
 * residual into a rigorous error bound (docs/methods-solvers.md, "Bounds").
 */
#include "factor.h"

#include <cblas.h>
#include <math.h>

void clioi_apply_a(const clio_leontief *f, int transpose, size_t nrhs, const double *X,
                   double *Y, double *work)
{
    if (f->as_owned || f->zs_borrowed) { /* sparse table: CSC, no work needed */
        clioi_csc_apply(f->as_owned ? f->as_owned : f->zs_borrowed,
                        f->as_owned ? NULL : f->inv_x, transpose, nrhs, X, Y);
        return;
    }
    size_t n = f->n;
    int nn = (int)n, m = (int)nrhs;
    const double *M = f->a_owned ? f->a_owned : f->z_borrowed;
    if (f->a_owned) {
        cblas_dgemm(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, CblasNoTrans, nn, m, nn,
                    1.0, M, nn, X, nn, 0.0, Y, nn);
        return;
    }
    /* A = Z xhat^-1: A X = Z (xhat^-1 X) and A' X = xhat^-1 (Z' X). */
    if (!transpose) {
        for (size_t c = 0; c < nrhs; c++)
            for (size_t j = 0; j < n; j++)
                work[j + c * n] = X[j + c * n] * f->inv_x[j];
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, nn, m, nn, 1.0, M, nn, work, nn,
                    0.0, Y, nn);
    } else {
        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, nn, m, nn, 1.0, M, nn, X, nn, 0.0, Y,
                    nn);
        for (size_t c = 0; c < nrhs; c++)
            for (size_t j = 0; j < n; j++)
                Y[j + c * n] *= f->inv_x[j];
    }
}

double clioi_vector_norm(const double *v, size_t n, int norm_inf)
{
    double s = 0;
    for (size_t i = 0; i < n; i++) {
        double a = fabs(v[i]);
        if (norm_inf)
            s = a > s ? a : s;
        else
            s += a;
    }
    return s;
}

/* One candidate norm: ||A|| (of A or A' as solved) and ||L|| when known. */
static void consider(double anorm, double lnorm, int norm_inf, double *best, int *best_inf,
                     double *best_a, int *found)
{
    double k = lnorm > 0 ? lnorm : anorm < 1 ? 1.0 / (1.0 - anorm) : INFINITY;
    if (isfinite(k) && k < *best) {
        *best = k;
        *best_inf = norm_inf;
        *best_a = anorm;
        *found = 1;
    }
}

/* The norm with the smallest rigorous K = ||(I - A)^-1||: exactly
 * max(L 1) or max(L' 1) when A >= 0 and productive (L >= 0), else the
 * Neumann bound 1 / (1 - ||A||) when ||A|| < 1.  In the 1-norm ||A|| is the
 * largest column sum, in the max-norm the largest row sum (swapped for A').
 * *ka bounds ||L A|| = ||L - I||, the factor on the last series term. */
double clioi_error_scale(const clio_leontief *f, int transpose, int *norm_inf, int *rigorous,
                         double *ka)
{
    double best = INFINITY, best_a = 0;
    int found = 0, inf = 1;
    double a1 = transpose ? f->rowmax : f->colmax, ainf = transpose ? f->colmax : f->rowmax;
    double l1 = transpose ? f->lnorm_inf : f->lnorm_1, linf = transpose ? f->lnorm_1 : f->lnorm_inf;
    consider(a1, l1, 0, &best, &inf, &best_a, &found);
    consider(ainf, linf, 1, &best, &inf, &best_a, &found);
    *rigorous = found;
    if (!found) { /* heuristic: residual with a safety margin */
        *norm_inf = 1;
        *ka = (1.0 / CLIOI_SAFETY) * (ainf > 0 ? ainf : 1.0);
        return 1.0 / CLIOI_SAFETY;
    }
    *norm_inf = inf;
    double lknown = inf ? linf : l1;
    if (lknown > 0 && f->nonnegative)
        *ka = best - 1.0 > 0 ? best - 1.0 : 0.0; /* L - I >= 0: its norm is ||L|| - 1 */
    else if (best_a < 1)
        *ka = best_a / (1.0 - best_a);
    else
        *ka = best * best_a;
    return best;
}
