/* woodbury.h -- the low-rank update of the Leontief factor, shared by the
 * shock solvers (shocks/woodbury.c makes it, shocks/constrained.c checks
 * which factor it belongs to).  Private to the library. */
#ifndef CLIO_SHOCKS_WOODBURY_H
#define CLIO_SHOCKS_WOODBURY_H

#include "../solver/factor.h"

/* (I - A - U V')^-1 B = M^-1 B + W C^-1 V' M^-1 B   (plain)
 * (I - A - U V')^-T B = M^-T B + Wt C^-T U' M^-T B  (transposed)
 * with M = I - A, W = M^-1 U, Wt = M^-T V, C = I - V' W. */
struct clio_leontief_update {
    const clio_leontief *f;
    size_t n, k;
    double *U, *V;    /* n x k copies, ld n */
    double *W, *Wt;   /* n x k, ld n */
    double *C;        /* k x k LU factors of the capacitance matrix, ld k */
    lapack_int *ipiv; /* k */
};

#endif
