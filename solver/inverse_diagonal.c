/* inverse_diagonal.c -- the diagonal of L = (I - A)^-1 from the kept LU
 * factor, at about the cost of one factorisation and without forming L.
 *
 * dgetrf stores P (I - A) = Lu U (Lu unit lower triangular), so
 * (I - A)^-1 = U^-1 Lu^-1 P.  Both triangles are inverted in place in one
 * copy of the factor (dtrtri, as the first step of dgetri: the upper
 * triangle with its diagonal holds U^-1, the strict lower triangle Lu^-1),
 * 2n^3/3 flops in all, the flops of dgetrf.  With P the row permutation,
 * (PM)(m,:) = M(p[m],:), column j of Lu^-1 P is column q of Lu^-1 where
 * p[q] = j, so
 *     L_jj = sum_{k >= max(j,q)} Uinv(j,k) Luinv(k,q),   Luinv(q,q) = 1,
 * O(n^2) for the whole diagonal.  Solving with the identity instead costs
 * 2n^3 flops (3 factorisations).  Memory: one n x n copy of the factor. */
#include "factor.h"

#include <stdlib.h>
#include <string.h>

int clioi_leontief_inverse_diagonal(const clio_leontief *f, double *diag, clio_error *err)
{
    size_t n = f->n;
    if (f->method != CLIO_METHOD_LU || !f->lu)
        return clioi_fail(err, CLIO_EINVAL,
                          "the diagonal of the Leontief inverse needs the LU factor of I - A, "
                          "not the %s method (use --method lu or auto)",
                          clio_leontief_method(f));
    if (n == 0)
        return CLIO_OK;
    double *w = clioi_alloc_matrix(n, n);
    size_t *pinv = malloc(n * sizeof *pinv), *p = malloc(n * sizeof *p);
    int status = CLIO_OK;
    if (!w || !pinv || !p) {
        status = clioi_fail(err, CLIO_ENOMEM,
                            "out of memory for a %zu x %zu copy of the factor (the diagonal "
                            "of the Leontief inverse)",
                            n, n);
        goto done;
    }
    memcpy(w, f->lu, n * n * sizeof *w);
    lapack_int nn = (lapack_int)n;
    lapack_int info = LAPACKE_dtrtri_work(LAPACK_COL_MAJOR, 'U', 'N', nn, w, nn);
    if (info == 0)
        info = LAPACKE_dtrtri_work(LAPACK_COL_MAJOR, 'L', 'U', nn, w, nn);
    if (info != 0) {
        status = info > 0
                     ? clioi_fail(err, CLIO_ESINGULAR,
                                  "I - A is singular: zero pivot %d in its factor", (int)info)
                     : clioi_fail(err, CLIO_EINVAL, "dtrtri: argument %d invalid", (int)-info);
        goto done;
    }
    /* The row permutation of dgetrf: its interchanges applied in order. */
    for (size_t m = 0; m < n; m++)
        p[m] = m;
    for (size_t i = 0; i < n; i++) {
        size_t r = (size_t)f->ipiv[i] - 1, tmp = p[i];
        p[i] = p[r];
        p[r] = tmp;
    }
    for (size_t m = 0; m < n; m++)
        pinv[p[m]] = m;
    for (size_t j = 0; j < n; j++) {
        size_t q = pinv[j];
        const double *lcol = w + q * n; /* column q of Lu^-1 (unit diagonal) */
        size_t k0 = j > q ? j : q;
        double s = w[j + k0 * n] * (k0 == q ? 1.0 : lcol[k0]);
        for (size_t k = k0 + 1; k < n; k++)
            s += w[j + k * n] * lcol[k];
        diag[j] = s;
    }
done:
    free(w);
    free(pinv);
    free(p);
    return status;
}
