/* factor.h -- the kept LU factor of I - A, shared by the solver's source
 * files that need more than solves (e.g. the diagonal of the inverse for
 * hypothetical extraction).  Only solver/ includes LAPACKE. */
#ifndef CLIO_SOLVER_FACTOR_H
#define CLIO_SOLVER_FACTOR_H

#include "clioi.h"

#include <lapacke.h>

struct clio_leontief {
    size_t n;
    double *lu;        /* LU factors of I - A, column-major, ld = n */
    lapack_int *ipiv;  /* row interchanges from dgetrf */
    double rcond;      /* reciprocal condition number in the 1-norm */
};

#endif
