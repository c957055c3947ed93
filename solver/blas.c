/* blas.c -- BLAS kernels for library code outside solver/ (calibration),
 * which does not include cblas.h itself. */
#include "clioi.h"

#include <cblas.h>

void clioi_dgemv(int transpose, size_t m, size_t n, const double *A, size_t lda,
                 const double *x, double *y)
{
    cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, (int)m, (int)n, 1.0, A,
                (int)lda, x, 1, 0.0, y, 1);
}
