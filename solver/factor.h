/* factor.h -- what a clio_leontief holds, shared by the solver's source
 * files that need more than solves (e.g. the diagonal of the inverse for
 * hypothetical extraction needs the LU factor itself).  Only solver/
 * includes LAPACKE.
 *
 * A factor is one of three strategies (docs/methods-solvers.md):
 *   CLIO_METHOD_LU      lu/ipiv: dgetrf's factors of I - A;
 *   CLIO_METHOD_SERIES  the power series x = b + A b + A^2 b + ... in
 *                       blocks (one dgemm per pass);
 *   CLIO_METHOD_KRYLOV  restarted GMRES(m) on (I - A) x = b;
 *   CLIO_METHOD_SPARSE_LU  UMFPACK's sparse LU of I - A in CSC (slu,
 *                       sparse_lu.c; docs/methods-sparse.md).
 * The iterative ones keep A: built in Z's (or a sparse table's Zs's) memory
 * (CLIO_FACTOR_CONSUME_Z), or borrowed as Z (Zs) and x of the table
 * (A v = Z (v ./ x)), never copied. */
#ifndef CLIO_SOLVER_FACTOR_H
#define CLIO_SOLVER_FACTOR_H

#include "clioi.h"

#include <lapacke.h>

/* Counters of the iterative solves; behind a pointer so that a const factor
 * can record what its solves did. */
typedef struct clioi_solve_stats {
    size_t solves;       /* calls that iterated */
    size_t passes_max;   /* most passes (series) or matrix products (krylov) of one column */
    size_t passes_total; /* passes summed over solves */
    double bound_max;    /* largest relative error bound at which a column stopped */
    int rigorous;        /* the bounds are rigorous (0: residual with a safety margin) */
} clioi_solve_stats;

struct clio_leontief {
    size_t n;
    int method;        /* CLIO_METHOD_LU, _SERIES, _KRYLOV or _SPARSE_LU (never _AUTO) */
    double *lu;        /* LU: factors of I - A, column-major, ld = n */
    lapack_int *ipiv;  /* LU: row interchanges from dgetrf */
    double rcond;      /* reciprocal condition number in the 1-norm (iterative: from ||L||_1
                        * when A >= 0, a lower bound when ||A||_1 < 1, else NaN) */
    /* Iterative: A itself (owned, built in Z's memory) or, when a_owned is
     * NULL, the borrowed flows Z and outputs x (A v = Z (v ./ x)). */
    double *a_owned;
    const double *z_borrowed;
    double *inv_x;     /* 1 / x_j (0 for zero output), n values */
    /* Iterative on a sparse table: A in CSC (owned, Zs's memory scaled in
     * place) or the borrowed Zs with inv_x; a_owned and z_borrowed NULL. */
    clio_sparse *as_owned;
    const clio_sparse *zs_borrowed;
    struct clioi_sparse_lu *slu; /* CLIO_METHOD_SPARSE_LU */
    float *lu32;       /* CLIO_METHOD_MIXED_LU: sgetrf's factors of I - A (with ipiv),
                        * A kept as for the iterative methods for the residuals */
    char choice[160];  /* why AUTO chose the method (empty when asked for) */
    double colmax;     /* ||A||_1: the largest column sum of |A| */
    double rowmax;     /* ||A||_inf: the largest row sum of |A| */
    int nonnegative;   /* A >= 0 (then ||L|| is known exactly from g, h) */
    double lnorm_inf;  /* ||L||_inf = max (L 1) when A >= 0 and productive; 0 unknown */
    double lnorm_1;    /* ||L||_1 = max (L' 1), likewise */
    double tol;        /* relative error tolerance of every solve */
    size_t max_iter;   /* cap on passes / matrix products per column */
    size_t restart;    /* GMRES restart length m */
    clioi_solve_stats *stats;
};

/* clioi_apply_a -- Y := A X (transpose: A' X) for nrhs columns (ld n),
 * with the owned A or the borrowed Z and x, dense or CSC; work is
 * n * nrhs doubles (only used with a borrowed dense Z). */
void clioi_apply_a(const clio_leontief *f, int transpose, size_t nrhs, const double *X,
                   double *Y, double *work);

/* clioi_series_solve / clioi_krylov_solve -- B := (I - A)^-1 B (or the
 * transpose) to the factor's tolerance; CLIO_ENOCONVERGE past max_iter. */
int clioi_series_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                       size_t ldb, clio_error *err);
int clioi_krylov_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                       size_t ldb, clio_error *err);

/* clioi_mixed_lu_factor / clioi_mixed_lu_solve -- the single-precision
 * LU of I - A from the factor's kept A, and solves refined in double to the
 * factor's tolerance (mixed_lu.c). */
int clioi_mixed_lu_factor(clio_leontief *f, const clio_table *t, clio_error *err);
/* right-hand sides lu-mixed refines together (one dgemm per step) */
#define CLIOI_MIXED_CHUNK 128
int clioi_mixed_lu_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                         size_t ldb, clio_error *err);

/* clioi_error_scale -- K with ||(I - A)^-1 r|| <= K ||r|| in the norm used
 * for a solve in that direction (*norm_inf set when it is the max-norm),
 * whether K is rigorous (0: a heuristic 1 / CLIOI_SAFETY), and *ka, a
 * bound on ||(I - A)^-1 A|| in the same norm (iterative.c). */
double clioi_error_scale(const clio_leontief *f, int transpose, int *norm_inf, int *rigorous,
                         double *ka);
#define CLIOI_SAFETY 0.01

/* clioi_csc_apply -- Y := S diag(scale) X (transpose: diag(scale) S' X)
 * for nrhs columns (ld n) of the CSC matrix S; scale NULL means ones
 * (sparse_apply.c). */
void clioi_csc_apply(const clio_sparse *S, const double *scale, int transpose, size_t nrhs,
                     const double *X, double *Y);

/* sparse_lu.c -- UMFPACK on I - A.  analyse builds I - A in CSC (from Zs
 * or the dense Z, the diagonal inserted) and runs the symbolic analysis,
 * whose estimates (bytes, flops) the automatic choice reads; factor runs
 * the numeric factorisation (CLIO_ESINGULAR naming the sector) and sets
 * *rcond; solve overwrites B with (I - A)^-1 B or (I - A)^-T B. */
typedef struct clioi_sparse_lu clioi_sparse_lu;
typedef struct clioi_sparse_estimate {
    double peak_bytes;    /* UMFPACK_PEAK_MEMORY_ESTIMATE of the numeric phase */
    double numeric_bytes; /* UMFPACK_NUMERIC_SIZE_ESTIMATE: the factor kept */
    double flops;         /* UMFPACK_FLOPS_ESTIMATE of the factorisation */
    double lu_entries;    /* LNZ + UNZ estimates (a solve reads them twice) */
    double matrix_bytes;  /* I - A in CSC, kept for iterative refinement */
} clioi_sparse_estimate;
int clioi_sparse_lu_analyse(const clio_table *t, clioi_sparse_lu **out, clio_error *err);
void clioi_sparse_lu_estimate(const clioi_sparse_lu *s, clioi_sparse_estimate *e);
int clioi_sparse_lu_factor(clioi_sparse_lu *s, const clio_table *t, double *rcond,
                           clio_error *err);
int clioi_sparse_lu_solve(const clioi_sparse_lu *s, int transpose, size_t nrhs, double *B,
                          size_t ldb, clio_error *err);
void clioi_sparse_lu_describe(const clioi_sparse_lu *s, char *buf, size_t size);
void clioi_sparse_lu_free(clioi_sparse_lu *s);

/* clioi_need_dense_z -- CLIO_OK when t->Z is there; else CLIO_EINVAL
 * saying that `what` needs the dense flows and why they are missing (a
 * sparse table, or Z consumed by a factorisation). */
int clioi_need_dense_z(const clio_table *t, const char *what, clio_error *err);
/* clioi_dense_i_minus_a_from_sparse -- the dense I - A from a sparse Zs for
 * the dense LU (m is n x n, zeroed; returns ||I - A||_1; sparse_setup.c). */
double clioi_dense_i_minus_a_from_sparse(const clio_table *t, double *m);

/* strategy.c: the method for a table (sets f->method; f's norms and
 * borrowed Z must be set when the choice may need them; work is 3 n
 * doubles), each method's memory estimate in bytes, the series' passes
 * for spectral radius rho, and the process-wide note of the last factor. */
int clioi_strategy_choose(const clio_table *t, unsigned flags, const clio_leontief_options *o,
                          clio_leontief *f, double *work, clio_error *err);
/* clioi_method_memory -- bytes a method would hold; the sparse LU needs
 * its symbolic analysis (est; NULL: not analysed, estimate unknown = 0). */
double clioi_method_memory(const clio_table *t, unsigned flags, int method, size_t rhs,
                           const clioi_sparse_estimate *est);
/* clioi_table_nnz -- non-zeros of Z (dense tables: n^2, not counted). */
double clioi_table_nnz(const clio_table *t);
size_t clioi_passes_estimate(double rho, double tol);
void clioi_solver_note_update(const clio_leontief *f);

/* clioi_vector_norm -- the 1- or max-norm of n values. */
double clioi_vector_norm(const double *v, size_t n, int norm_inf);

#endif
