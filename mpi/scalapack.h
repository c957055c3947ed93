/* scalapack.h -- the few BLACS and ScaLAPACK routines clio-mpi calls.
 * Debian ships no headers for them, so the prototypes are declared here:
 * Fortran symbols end in `_`, every argument is passed by pointer, arrays
 * are column-major, and each character argument takes a hidden length
 * (size_t, gfortran's convention) after the last ordinary argument.  The
 * C BLACS interface (Cblacs_*) takes its scalars by value. */
#ifndef CLIO_MPI_SCALAPACK_H
#define CLIO_MPI_SCALAPACK_H

#include <stddef.h>

/* Descriptor of a distributed matrix: 9 integers (ScaLAPACK users' guide,
 * "Array descriptors"). */
enum { SCALAPACK_DLEN = 9 };

void Cblacs_pinfo(int *mypnum, int *nprocs);
void Cblacs_get(int icontxt, int what, int *val);
void Cblacs_gridinit(int *icontxt, const char *order, int nprow, int npcol);
void Cblacs_gridinfo(int icontxt, int *nprow, int *npcol, int *myrow, int *mycol);
void Cblacs_gridexit(int icontxt);
void Cblacs_exit(int notdone);

/* Rows (or columns) of an n-long dimension in blocks of nb owned by
 * process iproc of nprocs, the first block on isrcproc. */
int numroc_(const int *n, const int *nb, const int *iproc, const int *isrcproc,
            const int *nprocs);
void descinit_(int *desc, const int *m, const int *n, const int *mb, const int *nb,
               const int *irsrc, const int *icsrc, const int *ictxt, const int *lld,
               int *info);

/* LU with partial pivoting of sub(A) = A(ia:ia+m-1, ja:ja+n-1). */
void pdgetrf_(const int *m, const int *n, double *a, const int *ia, const int *ja,
              const int *desca, int *ipiv, int *info);
/* Solve op(sub(A)) X = sub(B) with the factor of pdgetrf, op = A ("N") or
 * A' ("T"). */
void pdgetrs_(const char *trans, const int *n, const int *nrhs, const double *a, const int *ia,
              const int *ja, const int *desca, const int *ipiv, double *b, const int *ib,
              const int *jb, const int *descb, int *info, size_t trans_len);
/* 1-norm of sub(A) ("1"), and the reciprocal condition number from the
 * factor (pdgecon), as clio's serial factor reports it. */
double pdlange_(const char *norm, const int *m, const int *n, const double *a, const int *ia,
                const int *ja, const int *desca, double *work, size_t norm_len);
void pdgecon_(const char *norm, const int *n, const double *a, const int *ia, const int *ja,
              const int *desca, const double *anorm, double *rcond, double *work,
              const int *lwork, int *iwork, const int *liwork, int *info, size_t norm_len);

#endif
