/* clusters_varimax.c -- the varimax rotation of factor loadings (Kaiser
 * 1958) in its SVD form (Neudecker 1981; ten Berge 1984; as R's
 * stats::varimax): each step is the orthogonal T closest to the gradient
 * of the criterion, so T stays orthogonal to rounding (no product of many
 * plane rotations drifts) and the criterion never falls. */
#include "clusters_fb.h"

#include <cblas.h>
#include <lapacke.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

double clioi_varimax_criterion(size_t m, size_t k, const double *A, size_t lda)
{
    double v = 0.0;
    for (size_t f = 0; f < k; f++) {
        double s2 = 0.0, s4 = 0.0;
        for (size_t i = 0; i < m; i++) {
            double a2 = A[i + lda * f] * A[i + lda * f];
            s2 += a2;
            s4 += a2 * a2;
        }
        v += s4 / (double)m - (s2 / (double)m) * (s2 / (double)m);
    }
    return v;
}

/* Work space of one rotation: x (m x k, the normalised loadings), b = x T
 * and the gradient w (m x k), g, u, vt (k x k), s (k), h (m: row lengths). */
typedef struct varimax_work {
    double *x, *b, *w, *g, *u, *vt, *s, *h;
} varimax_work;

static void work_free(varimax_work *v)
{
    free(v->x);
    free(v->b);
    free(v->w);
    free(v->g);
    free(v->u);
    free(v->vt);
    free(v->s);
    free(v->h);
}

static int work_alloc(varimax_work *v, size_t m, size_t k)
{
    memset(v, 0, sizeof *v);
    v->x = clioi_alloc_matrix(m, k);
    v->b = clioi_alloc_matrix(m, k);
    v->w = clioi_alloc_matrix(m, k);
    v->g = clioi_alloc_matrix(k, k);
    v->u = clioi_alloc_matrix(k, k);
    v->vt = clioi_alloc_matrix(k, k);
    v->s = clioi_calloc_array(k, sizeof *v->s);
    v->h = clioi_calloc_array(m, sizeof *v->h);
    return v->x && v->b && v->w && v->g && v->u && v->vt && v->s && v->h;
}

/* One step: T <- U V' from the SVD (divide and conquer: dgesdd) of x'(b^3 - b diag(b'b)/m), b = x T;
 * *d = the sum of the singular values. */
static int step(varimax_work *v, size_t m, size_t k, double *T, double *d, clio_error *err)
{
    int im = (int)m, ik = (int)k;
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, im, ik, ik, 1.0, v->x, im, T, ik, 0.0,
                v->b, im);
    for (size_t f = 0; f < k; f++) {
        const double *bf = v->b + m * f;
        double c = 0.0;
        for (size_t i = 0; i < m; i++)
            c += bf[i] * bf[i];
        c /= (double)m;
        for (size_t i = 0; i < m; i++)
            v->w[i + m * f] = bf[i] * (bf[i] * bf[i] - c);
    }
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, ik, ik, im, 1.0, v->x, im, v->w, im, 0.0,
                v->g, ik);
    lapack_int info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'A', ik, ik, v->g, ik, v->s, v->u, ik,
                                     v->vt, ik);
    if (info != 0)
        return clioi_fail(err, info > 0 ? CLIO_ENOCONVERGE : CLIO_EVALUE,
                          "varimax: the SVD of the %zu x %zu gradient failed (info %d)", k, k,
                          (int)info);
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, ik, ik, ik, 1.0, v->u, ik, v->vt, ik,
                0.0, T, ik);
    *d = 0.0;
    for (size_t f = 0; f < k; f++)
        *d += v->s[f];
    return CLIO_OK;
}

int clioi_varimax(size_t m, size_t k, double *A, size_t lda, int normalise, double tol,
                  size_t max_iter, double *T, size_t *iterations, clio_error *err)
{
    *iterations = 0;
    for (size_t f = 0; f < k; f++)
        for (size_t g = 0; g < k; g++)
            T[g + k * f] = f == g;
    if (k < 2 || m == 0)
        return CLIO_OK;
    for (size_t f = 0; f < k; f++)
        for (size_t i = 0; i < m; i++)
            if (!isfinite(A[i + lda * f]))
                return clioi_fail(err, CLIO_EVALUE, "varimax: loading (%zu, %zu) is not finite",
                                  i, f);
    varimax_work v;
    if (!work_alloc(&v, m, k)) {
        work_free(&v);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for varimax (%zu x %zu)", m, k);
    }
    /* Kaiser's normalisation: every row (sector) counts alike. */
    for (size_t i = 0; i < m; i++) {
        double h = 0.0;
        for (size_t f = 0; f < k; f++)
            h += A[i + lda * f] * A[i + lda * f];
        v.h[i] = normalise && h > 0.0 ? sqrt(h) : 1.0;
        for (size_t f = 0; f < k; f++)
            v.x[i + m * f] = A[i + lda * f] / v.h[i];
    }
    double d = 0.0, dpast;
    int status = CLIO_ENOCONVERGE;
    for (size_t it = 1; it <= max_iter; it++) {
        dpast = d;
        int rc = step(&v, m, k, T, &d, err);
        if (rc != CLIO_OK) {
            status = rc;
            break;
        }
        *iterations = it;
        if (d <= dpast * (1.0 + tol)) {
            status = CLIO_OK;
            break;
        }
    }
    if (status == CLIO_ENOCONVERGE && *iterations == max_iter)
        clioi_fail(err, CLIO_ENOCONVERGE,
                   "varimax did not converge in %zu iterations (relative tolerance %g)", max_iter,
                   tol);
    if (status == CLIO_OK) {
        int im = (int)m, ik = (int)k;
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, im, ik, ik, 1.0, v.x, im, T, ik,
                    0.0, v.b, im);
        for (size_t f = 0; f < k; f++)
            for (size_t i = 0; i < m; i++)
                A[i + lda * f] = v.b[i + m * f] * v.h[i];
    }
    work_free(&v);
    return status;
}
