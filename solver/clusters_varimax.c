/* clusters_varimax.c -- the varimax rotation of factor loadings (Kaiser
 * 1958): fixed-point (SVD) steps, with gradient projection steps
 * (Jennrich 2001) where those fail.  Every T is the orthogonal polar
 * factor of a matrix, so it stays orthogonal to rounding, and a step is
 * taken only when it raises the criterion. */
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

/* Work space of one rotation: x (m x k, the normalised loadings), b = x T,
 * q (m x k, the criterion's gradient in b), g (k x k: x'q), gp (projected
 * gradient), tt (trial T), u, vt, s, xs, superb (SVD), h (m: row lengths). */
typedef struct varimax_work {
    double *x, *b, *q, *g, *gp, *tt, *u, *vt, *s, *h, *xs, *superb;
} varimax_work;

static void work_free(varimax_work *v)
{
    free(v->x);
    free(v->b);
    free(v->q);
    free(v->g);
    free(v->gp);
    free(v->tt);
    free(v->u);
    free(v->vt);
    free(v->s);
    free(v->h);
    free(v->xs);
    free(v->superb);
}

static int work_alloc(varimax_work *v, size_t m, size_t k)
{
    memset(v, 0, sizeof *v);
    v->x = clioi_alloc_matrix(m, k);
    v->b = clioi_alloc_matrix(m, k);
    v->q = clioi_alloc_matrix(m, k);
    v->g = clioi_alloc_matrix(k, k);
    v->gp = clioi_alloc_matrix(k, k);
    v->tt = clioi_alloc_matrix(k, k);
    v->u = clioi_alloc_matrix(k, k);
    v->vt = clioi_alloc_matrix(k, k);
    v->s = clioi_calloc_array(k, sizeof *v->s);
    v->h = clioi_calloc_array(m, sizeof *v->h);
    v->xs = clioi_alloc_matrix(k, k);
    v->superb = clioi_calloc_array(k, sizeof *v->superb);
    return v->xs && v->superb && v->x && v->b && v->q && v->g && v->gp && v->tt && v->u && v->vt && v->s && v->h;
}

/* b = x T, the criterion f(b) = sum_f sum_i (b_if^2 - mean_f)^2 / 4 (m times
 * clioi_varimax_criterion) and g = x' q with q = df/db = b o (b^2 - mean). */
static double evaluate(varimax_work *v, size_t m, size_t k, const double *T)
{
    int im = (int)m, ik = (int)k;
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, im, ik, ik, 1.0, v->x, im, T, ik, 0.0,
                v->b, im);
    double f = 0.0;
    for (size_t c = 0; c < k; c++) {
        const double *bc = v->b + m * c;
        double mean = 0.0;
        for (size_t i = 0; i < m; i++)
            mean += bc[i] * bc[i];
        mean /= (double)m;
        for (size_t i = 0; i < m; i++) {
            double d = bc[i] * bc[i] - mean;
            f += 0.25 * d * d;
            v->q[i + m * c] = bc[i] * d;
        }
    }
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, ik, ik, im, 1.0, v->x, im, v->q, im, 0.0,
                v->g, ik);
    return f;
}

/* The orthogonal matrix nearest to X (k x k): U V' from its SVD, into out.
 * X is destroyed. */
static int nearest_orthogonal(varimax_work *v, size_t k, double *X, double *out,
                              clio_error *err)
{
    int ik = (int)k;
    /* dgesdd (divide and conquer) is the fast one; dgesvd (QR iteration)
     * takes over on its rare failures.  Both destroy X: keep a copy. */
    memcpy(v->xs, X, k * k * sizeof *X);
    lapack_int info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'A', ik, ik, X, ik, v->s, v->u, ik, v->vt,
                                     ik);
    if (info > 0)
        info = LAPACKE_dgesvd(LAPACK_COL_MAJOR, 'A', 'A', ik, ik, v->xs, ik, v->s, v->u, ik, v->vt,
                              ik, v->superb);
    if (info != 0)
        return clioi_fail(err, info > 0 ? CLIO_ENOCONVERGE : CLIO_EVALUE,
                          "varimax: the SVD of a %zu x %zu matrix failed (info %d)", k, k,
                          (int)info);
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, ik, ik, ik, 1.0, v->u, ik, v->vt, ik,
                0.0, out, ik);
    return CLIO_OK;
}

/* The gradient g projected on the tangent space of the orthogonal
 * matrices at T: gp = g - T sym(T' g); returns its Frobenius norm. */
static double project(varimax_work *v, size_t k, const double *T)
{
    int ik = (int)k;
    /* tt <- T' g, symmetrised in place, then gp = g - T tt */
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, ik, ik, ik, 1.0, T, ik, v->g, ik, 0.0,
                v->tt, ik);
    for (size_t c = 0; c < k; c++)
        for (size_t r = 0; r < c; r++) {
            double s = 0.5 * (v->tt[r + k * c] + v->tt[c + k * r]);
            v->tt[r + k * c] = v->tt[c + k * r] = s;
        }
    memcpy(v->gp, v->g, k * k * sizeof *v->gp);
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, ik, ik, ik, -1.0, T, ik, v->tt, ik, 1.0,
                v->gp, ik);
    double s = 0.0;
    for (size_t e = 0; e < k * k; e++)
        s += v->gp[e] * v->gp[e];
    return sqrt(s);
}

/* The varimax iteration: the fixed-point step T <- polar(x' q) (Kaiser's
 * criterion's SVD form, as R's stats::varimax) converges fast but may
 * cycle between two rotations of equal criterion on symmetric loadings;
 * when it does not raise the criterion, a gradient projection step with
 * Armijo backtracking (Jennrich 2001; Bernaards & Jennrich 2005) is taken
 * instead.  Converged when the fixed-point step raises f by <= tol * f and
 * a gradient step then raises it by no more (or not at all). */
static int ascend(varimax_work *v, size_t m, size_t k, double tol, size_t max_iter, double *T,
                  size_t *iterations, clio_error *err)
{
    double f = evaluate(v, m, k, T), alpha = 1.0;
    for (size_t it = 1; it <= max_iter; it++) {
        *iterations = it;
        /* fixed-point step from the gradient g at T */
        memcpy(v->tt, v->g, k * k * sizeof *v->tt);
        int status = nearest_orthogonal(v, k, v->tt, v->tt, err);
        if (status != CLIO_OK)
            return status;
        double ft = evaluate(v, m, k, v->tt);
        if (ft > f + tol * f) { /* a real rise: take it */
            memcpy(T, v->tt, k * k * sizeof *T);
            f = ft; /* v->g now holds the gradient at the new T */
            continue;
        }
        /* The fixed-point step stalls (converged, or cycling): a gradient
         * projection step decides.  evaluate() above overwrote g: redo. */
        evaluate(v, m, k, T);
        double s = project(v, k, T);
        int improved = 0;
        for (int half = 0; half < 40 && !improved; half++, alpha *= 0.5) {
            for (size_t e = 0; e < k * k; e++)
                v->tt[e] = T[e] + alpha * v->gp[e];
            if ((status = nearest_orthogonal(v, k, v->tt, v->tt, err)) != CLIO_OK)
                return status;
            ft = evaluate(v, m, k, v->tt);
            improved = ft > f + 0.5 * s * s * alpha;
        }
        if (!improved) { /* no step raises f: stationary to rounding */
            evaluate(v, m, k, T);
            return CLIO_OK;
        }
        memcpy(T, v->tt, k * k * sizeof *T);
        double rise = ft - f;
        f = ft;
        alpha = 1.0;
        if (rise <= tol * f)
            return CLIO_OK;
    }
    return clioi_fail(err, CLIO_ENOCONVERGE,
                      "varimax did not converge in %zu iterations (relative tolerance %g)",
                      max_iter, tol);
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
    int status = ascend(&v, m, k, tol, max_iter, T, iterations, err);
    if (status == CLIO_OK) {
        int im = (int)m, ik = (int)k;
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, im, ik, ik, 1.0, v.x, im, T, ik,
                    0.0, v.b, im);
        for (size_t f = 0; f < k; f++)
            for (size_t i = 0; i < m; i++)
                A[i + lda * f] = v.b[i + m * f] * v.h[i];
    } else {
        for (size_t f = 0; f < k; f++)
            for (size_t g = 0; g < k; g++)
                T[g + k * f] = f == g;
    }
    work_free(&v);
    return status;
}
