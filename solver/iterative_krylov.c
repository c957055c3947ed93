/* iterative_krylov.c -- (I - A)^-1 b by restarted GMRES(m) (Saad and
 * Schultz 1986; Saad, Iterative Methods for Sparse Linear Systems, 2nd ed.,
 * 2003, Alg. 6.9), one right-hand side at a time, no preconditioner.
 *
 * Why GMRES: I - A of an IO table is non-symmetric and, for a productive
 * table, an M-matrix with eigenvalues in the disc |1 - z| <= rho(A) < 1,
 * where GMRES converges at least as fast as the power series, and it still
 * converges when column sums reach 1 (the series bound then fails).  It
 * minimises the residual, so unlike BiCGSTAB it never breaks down.
 *
 * Stopping: each cycle runs until its (2-norm) residual estimate falls by
 * 1e-3 or below the target; then the true residual r = b - (I - A) x is
 * computed and the column stops when K ||r|| <= tol times a lower bound of
 * ||x||, K from clioi_error_scale (rigorous when ||A|| < 1 or L's norm is
 * known, else 1 / CLIOI_SAFETY). */
#include "factor.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct gmres_work {
    size_t m;
    double *V;       /* n x (m + 1) Krylov basis */
    double *H;       /* (m + 1) x m Hessenberg, column-major */
    double *cs, *sn; /* Givens rotations */
    double *g, *y;   /* rotated right-hand side, solution of H y = g */
    double *r, *s;   /* residual; scaling work, then b */
} gmres_work;

static void gmres_free(gmres_work *k)
{
    free(k->V);
    free(k->H);
    free(k->cs);
    free(k->sn);
    free(k->g);
    free(k->y);
    free(k->r);
    free(k->s);
}

/* y := v - A v (or v - A' v). */
static void apply_op(const clio_leontief *f, int transpose, const double *v, double *y,
                     double *s)
{
    clioi_apply_a(f, transpose, 1, v, y, s);
    for (size_t i = 0; i < f->n; i++)
        y[i] = v[i] - y[i];
}

static int gmres_column(const clio_leontief *f, int transpose, double *x, gmres_work *k,
                        size_t *products, double *relbound, clio_error *err)
{
    size_t n = f->n, m = k->m;
    int inf, rigorous;
    double ka;
    double K = clioi_error_scale(f, transpose, &inf, &rigorous, &ka);
    double anorm = inf ? (transpose ? f->colmax : f->rowmax) : (transpose ? f->rowmax : f->colmax);
    double *b = k->s + n; /* the right-hand side, kept */
    memcpy(b, x, n * sizeof *x);
    double bnorm = clioi_vector_norm(b, n, inf);
    *products = 0;
    *relbound = 0;
    if (bnorm == 0)
        return CLIO_OK; /* x = 0 */
    double b2 = cblas_dnrm2((int)n, b, 1);
    for (;;) {
        /* True residual and the stopping test. */
        apply_op(f, transpose, x, k->r, k->s);
        for (size_t i = 0; i < n; i++)
            k->r[i] = b[i] - k->r[i];
        double bound = K * clioi_vector_norm(k->r, n, inf);
        double xn = clioi_vector_norm(x, n, inf);
        double lower = fmax(xn - bound, bnorm / (1.0 + anorm));
        if (!isfinite(bound) || !isfinite(xn))
            return clioi_fail(err, CLIO_ENOCONVERGE, "GMRES diverged after %zu products",
                              *products);
        if (bound <= f->tol * lower) {
            *relbound = bound / lower;
            return CLIO_OK;
        }
        if (*products >= f->max_iter)
            return clioi_fail(err, CLIO_ENOCONVERGE,
                              "GMRES(%zu) did not reach relative error %g in %zu matrix "
                              "products (error bound %.3g): use --method lu",
                              m, f->tol, *products, bound / lower);
        /* One cycle of GMRES(m) from x. */
        double beta = cblas_dnrm2((int)n, k->r, 1);
        double target = fmin(0.5 * f->tol * b2 / fmax(K, 1.0), 1e-3 * beta);
        memset(k->g, 0, (m + 1) * sizeof *k->g);
        k->g[0] = beta;
        for (size_t i = 0; i < n; i++)
            k->V[i] = k->r[i] / beta;
        size_t j = 0;
        while (j < m && *products < f->max_iter) {
            double *vj = k->V + j * n, *vn = k->V + (j + 1) * n, *h = k->H + j * (m + 1);
            apply_op(f, transpose, vj, vn, k->s);
            ++*products;
            for (size_t i = 0; i <= j; i++) { /* modified Gram-Schmidt */
                h[i] = cblas_ddot((int)n, k->V + i * n, 1, vn, 1);
                cblas_daxpy((int)n, -h[i], k->V + i * n, 1, vn, 1);
            }
            h[j + 1] = cblas_dnrm2((int)n, vn, 1);
            if (h[j + 1] > 0)
                cblas_dscal((int)n, 1.0 / h[j + 1], vn, 1);
            for (size_t i = 0; i < j; i++) { /* earlier rotations */
                double t = k->cs[i] * h[i] + k->sn[i] * h[i + 1];
                h[i + 1] = -k->sn[i] * h[i] + k->cs[i] * h[i + 1];
                h[i] = t;
            }
            double d = hypot(h[j], h[j + 1]);
            k->cs[j] = d > 0 ? h[j] / d : 1.0;
            k->sn[j] = d > 0 ? h[j + 1] / d : 0.0;
            h[j] = d;
            h[j + 1] = 0;
            k->g[j + 1] = -k->sn[j] * k->g[j];
            k->g[j] *= k->cs[j];
            j++;
            if (fabs(k->g[j]) <= target || d == 0)
                break;
        }
        /* x += V y with H y = g (upper triangular, j x j). */
        for (size_t i = j; i-- > 0;) {
            double s = k->g[i];
            for (size_t l = i + 1; l < j; l++)
                s -= k->H[i + l * (m + 1)] * k->y[l];
            double hii = k->H[i + i * (m + 1)];
            k->y[i] = hii != 0 ? s / hii : 0.0;
        }
        for (size_t i = 0; i < j; i++)
            cblas_daxpy((int)n, k->y[i], k->V + i * n, 1, x, 1);
    }
}

int clioi_krylov_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                       size_t ldb, clio_error *err)
{
    size_t n = f->n, m = f->restart < n ? f->restart : n;
    gmres_work k = {.m = m};
    k.V = clioi_calloc_array(n * (m + 1), sizeof *k.V);
    k.H = clioi_calloc_array((m + 1) * m, sizeof *k.H);
    k.cs = clioi_calloc_array(m, sizeof *k.cs);
    k.sn = clioi_calloc_array(m, sizeof *k.sn);
    k.g = clioi_calloc_array(m + 1, sizeof *k.g);
    k.y = clioi_calloc_array(m, sizeof *k.y);
    k.r = clioi_calloc_array(n, sizeof *k.r);
    k.s = clioi_calloc_array(2 * n, sizeof *k.s); /* scaling work, then b */
    int status = CLIO_OK;
    if (!k.V || !k.H || !k.cs || !k.sn || !k.g || !k.y || !k.r || !k.s)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for GMRES(%zu) with n = %zu", m,
                            n);
    clioi_solve_stats *st = f->stats;
    for (size_t c = 0; status == CLIO_OK && c < nrhs; c++) {
        size_t products;
        double rel, ka;
        int inf, rigorous;
        clioi_error_scale(f, transpose, &inf, &rigorous, &ka);
        status = gmres_column(f, transpose, B + c * ldb, &k, &products, &rel, err);
        if (status == CLIO_OK) {
            st->solves++;
            st->passes_total += products;
            st->passes_max = products > st->passes_max ? products : st->passes_max;
            st->bound_max = rel > st->bound_max ? rel : st->bound_max;
            st->rigorous = rigorous;
        }
    }
    gmres_free(&k);
    return status;
}
