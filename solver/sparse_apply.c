/* sparse_apply.c -- products with a CSC matrix for the iterative methods on
 * sparse tables: A X = Zs (X ./ x) and A' X = (Zs' X) ./ x, the scaling by
 * 1 / x applied on the fly (no work array, no copy of Zs).
 *
 * Columns of X go through in groups of CSC_GROUP: each entry of S is read
 * once per group, not once per column.  On the 100,000-row test table
 * (docs/methods-sparse.md) the product is bound by the scattered accesses
 * to X and Y, not by reading S: a group of 4 costs 2.5-4 single products
 * (an interleaved copy of the group's columns measured no better). */
#include "factor.h"

#include <string.h>

#define CSC_GROUP 4

/* Y(:, 0..g-1) = S diag(scale) X(:, 0..g-1), g <= CSC_GROUP. */
static void apply_group(const clio_sparse *S, const double *scale, size_t g, const double *X,
                        double *Y)
{
    size_t n = S->n;
    for (size_t c = 0; c < g; c++)
        memset(Y + c * n, 0, n * sizeof *Y);
    for (size_t j = 0; j < n; j++) {
        double s = scale ? scale[j] : 1.0, w[CSC_GROUP];
        int any = 0;
        for (size_t c = 0; c < g; c++) {
            w[c] = X[j + c * n] * s;
            any |= w[c] != 0.0;
        }
        if (!any)
            continue;
        for (int64_t p = S->colptr[j]; p < S->colptr[j + 1]; p++) {
            size_t i = (size_t)S->rowind[p];
            double v = S->values[p];
            for (size_t c = 0; c < g; c++)
                Y[i + c * n] += v * w[c];
        }
    }
}

/* Y(:, 0..g-1) = diag(scale) S' X(:, 0..g-1): one dot product per column
 * of S, so Y is written once and never cleared. */
static void apply_group_transposed(const clio_sparse *S, const double *scale, size_t g,
                                   const double *X, double *Y)
{
    size_t n = S->n;
    for (size_t j = 0; j < n; j++) {
        double sum[CSC_GROUP] = {0};
        for (int64_t p = S->colptr[j]; p < S->colptr[j + 1]; p++) {
            size_t i = (size_t)S->rowind[p];
            double v = S->values[p];
            for (size_t c = 0; c < g; c++)
                sum[c] += v * X[i + c * n];
        }
        double s = scale ? scale[j] : 1.0;
        for (size_t c = 0; c < g; c++)
            Y[j + c * n] = sum[c] * s;
    }
}

void clioi_csc_apply(const clio_sparse *S, const double *scale, int transpose, size_t nrhs,
                     const double *X, double *Y)
{
    size_t n = S->n;
    for (size_t c0 = 0; c0 < nrhs; c0 += CSC_GROUP) {
        size_t g = nrhs - c0 < CSC_GROUP ? nrhs - c0 : CSC_GROUP;
        if (transpose)
            apply_group_transposed(S, scale, g, X + c0 * n, Y + c0 * n);
        else
            apply_group(S, scale, g, X + c0 * n, Y + c0 * n);
    }
}
