/* clio_mpi.h -- shared declarations of clio-mpi, the distributed solver
 * program (docs/mpi.md).  Rank 0 reads the table with libclio, the
 * back-end (ScaLAPACK dense LU or PETSc sparse GMRES) distributes I - A
 * and solves, and rank 0 gathers and writes the result with libclio's
 * writers.  Every step that can fail ends with mpi_agree(), so all ranks
 * take the same path and exit with the same clio status. */
#ifndef CLIO_MPI_H
#define CLIO_MPI_H

#include "clioi.h"

#include <mpi.h>

/* The command line, the same on every rank. */
typedef struct mpi_options {
    const char *command; /* "multipliers" or "impact" */
    const char *table;
    const char *method;  /* "scalapack" (dense) or "petsc" (sparse) */
    const char *output;  /* -o OUT.nc|OUT.csv, or NULL */
    const char *format;  /* "text" or "csv" on stdout */
    const char *demand;  /* impact: --demand CHANGES.csv */
    int block;           /* ScaLAPACK block size (rows = columns) */
    double ksp_rtol;     /* PETSc: relative residual asked of GMRES */
    int quiet, verbose;
} mpi_options;

/* A distributed factor of I - A.  Rank 0 passes whole right-hand sides
 * (n x nrhs, column-major, ld = n) and gets the solutions back in place;
 * other ranks pass NULL.  Every call is collective and returns the same
 * status on every rank (message in err on rank 0). */
typedef struct mpi_solver {
    void *state;
    int n;
    double rcond; /* reciprocal condition number (1-norm), or -1 if unknown */
    int (*solve)(void *state, int transpose, int nrhs, double *B, clio_error *err);
    void (*free)(void *state);
} mpi_solver;

/* mpi_dense_open / mpi_sparse_open -- distribute I - A of table t (given on
 * rank 0 only; n on every rank) and prepare solves.  Collective. */
int mpi_dense_open(const clio_table *t, int n, const mpi_options *o, mpi_solver *s,
                   clio_error *err);
int mpi_sparse_open(const clio_table *t, int n, const mpi_options *o, mpi_solver *s,
                    clio_error *err);
void mpi_solver_close(mpi_solver *s);
/* mpi_sparse_available -- 1 when built with PETSc, else 0. */
int mpi_sparse_available(void);

/* mpi_agree -- the status every rank takes: the largest over ranks (0
 * when all succeeded).  Collective. */
int mpi_agree(int status);
int mpi_rank(void);
double mpi_now(void);
/* mpi_timing -- with -v, rank 0 prints how long a phase took. */
void mpi_timing(const mpi_options *o, const char *phase, double seconds);

/* Results built on rank 0 from the gathered solutions, by the formulas of
 * clio_multipliers and clio_impact (solver/multipliers.c, impact.c).
 * mpi_productive_check: g = L 1 (or, transposed, 1'L) must be positive,
 * which for A >= 0 holds exactly when L >= 0 (solver/leontief.c). */
int mpi_productive_check(const clio_table *t, const double *g, int transposed,
                         clio_error *err);
int mpi_multipliers_result(const clio_table *t, const double *E, clio_result **out,
                           clio_error *err);
int mpi_impact_result(const clio_table *t, const double *df, const double *dx,
                      clio_result **out, clio_error *err);

/* The two commands: collective; the status every rank exits with. */
int mpi_cmd_multipliers(const mpi_options *o);
int mpi_cmd_impact(const mpi_options *o);

#endif
