/* solver_test.h -- helpers of the solver tests (test_solver, test_solvers,
 * test_krylov, test_sparse_solvers, test_mixed_lu, test_rounds): Germany
 * 1995, small one-region tables, a factor by a named method, and the two
 * ways results are compared with LU. */
#ifndef CLIO_TESTS_SOLVER_TEST_H
#define CLIO_TESTS_SOLVER_TEST_H

#include "clio.h"

#include <math.h>
#include <stdio.h>

/* Germany 1995 (the default economy), or NULL. */
static clio_table *load_germany(void) __attribute__((unused));
static clio_table *load_germany(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    return t;
}

/* A one-region table (R1, sectors s1..sn, one final-demand category fd)
 * from flows Z (column-major) and outputs x (NULL: all 1, so Z = A), with
 * final demand closing the rows; Z NULL leaves Z and Y zero for the caller
 * to fill. */
static clio_table *one_region_table(size_t n, const double *Z, const double *x)
    __attribute__((unused));
static clio_table *one_region_table(size_t n, const double *Z, const double *x)
{
    clio_table *t = clio_table_alloc(1, n, 1, 0, 0);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R1");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", i + 1);
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, name);
        t->x[i] = x ? x[i] : 1.0;
        t->sector_region[i] = 0;
    }
    for (size_t i = 0; Z && i < n; i++) {
        double row = 0;
        for (size_t j = 0; j < n; j++) {
            t->Z[i + j * n] = Z[i + j * n];
            row += Z[i + j * n];
        }
        t->Y[i] = t->x[i] - row;
    }
    return t;
}

/* The factor of t by `method` for `rhs` right-hand sides; *status set. */
static clio_leontief *solver_factor(clio_table *t, unsigned flags, int method, size_t rhs,
                                    clio_error *err, int *status) __attribute__((unused));
static clio_leontief *solver_factor(clio_table *t, unsigned flags, int method, size_t rhs,
                                    clio_error *err, int *status)
{
    clio_leontief_options o = {.method = method, .rhs = rhs};
    clio_leontief *f = NULL;
    *status = clio_leontief_factor_opts(t, flags, &o, &f, err);
    return f;
}

/* Largest relative difference of two results' values, entries below
 * 1e-9 of the largest magnitude measured against that floor. */
static double result_difference(const clio_result *a, const clio_result *b)
    __attribute__((unused));
static double result_difference(const clio_result *a, const clio_result *b)
{
    size_t count = a->nrows * a->naccounts * a->nfields;
    if (b->nrows * b->naccounts * b->nfields != count)
        return INFINITY;
    double big = 0, worst = 0;
    for (size_t k = 0; k < count; k++)
        if (isfinite(a->values[k]))
            big = fmax(big, fabs(a->values[k]));
    for (size_t k = 0; k < count; k++) {
        double x = a->values[k], y = b->values[k];
        if (isnan(x) && isnan(y))
            continue;
        worst = fmax(worst, fabs(x - y) / fmax(fabs(x), 1e-9 * big));
    }
    return worst;
}

/* Largest normwise relative difference of a column of X from R (n x nrhs,
 * ld n), in the max-norm: what the solves guarantee (tol relative to
 * ||x||; an entry 1e-5 of the column's largest carries the column's
 * absolute error, not its own). */
static double worst_difference(size_t n, size_t nrhs, const double *X, const double *R)
    __attribute__((unused));
static double worst_difference(size_t n, size_t nrhs, const double *X, const double *R)
{
    double worst = 0;
    for (size_t c = 0; c < nrhs; c++) {
        double big = 0, d = 0;
        for (size_t i = 0; i < n; i++) {
            big = fmax(big, fabs(R[i + c * n]));
            d = fmax(d, fabs(X[i + c * n] - R[i + c * n]));
        }
        worst = fmax(worst, big > 0 ? d / big : d);
    }
    return worst;
}

#endif
