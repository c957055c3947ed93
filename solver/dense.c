/* dense.c -- dense BLAS/LAPACK kernels for the calibration code (balancing,
 * supply-use to symmetric tables), which does not include cblas.h or
 * lapacke.h itself. */
#include "clioi.h"

#include <cblas.h>
#include <lapacke.h>
#include <limits.h>
#include <stdlib.h>

int clioi_dense_solve(size_t n, double *A, size_t nrhs, double *B, clio_error *err)
{
    if (n == 0 || nrhs == 0)
        return CLIO_OK;
    if (n > INT_MAX || nrhs > INT_MAX)
        return clioi_fail(err, CLIO_EDIM, "matrix of order %zu is too large for LAPACK", n);
    lapack_int *ipiv = malloc(n * sizeof *ipiv);
    if (!ipiv)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    lapack_int nn = (lapack_int)n;
    /* _work: the inputs were checked finite when read; skip LAPACKE's NaN scan */
    lapack_int info = LAPACKE_dgesv_work(LAPACK_COL_MAJOR, nn, (lapack_int)nrhs, A, nn, ipiv, B,
                                         nn);
    free(ipiv);
    if (info > 0)
        return clioi_fail(err, CLIO_ESINGULAR, "the matrix is singular (zero pivot %d)",
                          (int)info - 1);
    if (info < 0)
        return clioi_fail(err, CLIO_EINVAL, "dgesv: argument %d is invalid", (int)-info);
    return CLIO_OK;
}

void clioi_dense_gemm(size_t m, size_t n, size_t k, const double *A, const double *B, double *C)
{
    if (m == 0 || n == 0)
        return;
    if (k == 0) {
        for (size_t i = 0; i < m * n; i++)
            C[i] = 0;
        return;
    }
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int)m, (int)n, (int)k, 1.0, A,
                (int)m, B, (int)k, 0.0, C, (int)m);
}

void clioi_dgemv(int transpose, size_t m, size_t n, const double *A, size_t lda,
                 const double *x, double *y)
{
    cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, (int)m, (int)n, 1.0, A,
                (int)lda, x, 1, 0.0, y, 1);
}
