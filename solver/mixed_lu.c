/* mixed_lu.c -- CLIO_METHOD_MIXED_LU ("lu-mixed"): I - A factored in
 * single precision, every solution refined in double.
 *
 * sgetrf runs at about twice dgetrf's rate and its factor takes half the
 * memory.  A solve starts from the single-precision solution and adds
 * corrections d = (LU)^-1 r from residuals r = b - (I - A) x computed in
 * double with A itself (kept as the iterative methods keep it: in Z's
 * memory, or the borrowed Z and x), until a correction is below the
 * tolerance relative to the solution.  Each step shrinks the error by
 * about cond(I - A) * 6e-8, so Leontief systems (rcond 0.1-0.2) reach 1e-12
 * in two or three steps.  LAPACK's dsgesv does the same for one call; here
 * the factor is kept for many solves, in both directions. */
#include "factor.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STEPS 30  /* refinement steps before CLIO_ENOCONVERGE */

/* A(i, j) of a dense factor's kept A. */
static double a_at(const clio_leontief *f, size_t i, size_t j)
{
    return f->a_owned ? f->a_owned[i + j * f->n] : f->z_borrowed[i + j * f->n] * f->inv_x[j];
}

int clioi_mixed_lu_factor(clio_leontief *f, const clio_table *t, clio_error *err)
{
    size_t n = f->n;
    if (!f->a_owned && !f->z_borrowed)
        return clioi_fail(err, CLIO_EINVAL,
                          "lu-mixed needs a dense table: use --method lu or sparse-lu");
    if (n > (size_t)INT_MAX / 2 || (n && n > (size_t)INT_MAX / n))
        return clioi_fail(err, CLIO_EDIM, "%zu sectors is too large for dense LAPACK", n);
    f->lu32 = n ? malloc(n * n * sizeof *f->lu32) : NULL;
    if (f->lu32)
        clioi_madvise_huge(f->lu32, n * n * sizeof *f->lu32);
    f->ipiv = clioi_calloc_array(n, sizeof *f->ipiv);
    if ((n && !f->lu32) || !f->ipiv)
        return clioi_fail(err, CLIO_ENOMEM,
                          "out of memory for a single-precision %zu x %zu factor (%.0f MB)", n,
                          n, 4e-6 * (double)n * (double)n);
    if (n == 0)
        return CLIO_OK;
    float anorm = 0;
    for (size_t j = 0; j < n; j++) {
        float *col = f->lu32 + j * n, sum = 0;
        for (size_t i = 0; i < n; i++) {
            col[i] = (float)((i == j) - a_at(f, i, j));
            sum += fabsf(col[i]);
        }
        anorm = sum > anorm ? sum : anorm;
    }
    lapack_int nn = (lapack_int)n;
    char task[96];
    snprintf(task, sizeof task, "factorising I - A in single precision (n = %zu)", n);
    clioi_progress(task, 0.0);
    lapack_int info = LAPACKE_sgetrf_work(LAPACK_COL_MAJOR, nn, nn, f->lu32, nn, f->ipiv);
    clioi_progress(task, 1.0);
    if (info > 0) {
        size_t j = (size_t)info - 1;
        return clioi_fail(err, CLIO_ESINGULAR,
                          "I - A is singular in single precision (zero pivot at sector '%s' in "
                          "region '%s'): use --method lu",
                          t->sector_names[j], t->regions[t->sector_region[j]]);
    }
    if (info < 0)
        return clioi_fail(err, CLIO_EINVAL, "sgetrf: argument %d invalid", (int)-info);
    float *work = malloc(4 * n * sizeof *work), rcond = 0;
    lapack_int *iwork = malloc(n * sizeof *iwork);
    if (work && iwork)
        info = LAPACKE_sgecon_work(LAPACK_COL_MAJOR, '1', nn, f->lu32, nn, anorm, &rcond, work,
                                   iwork);
    free(work);
    free(iwork);
    if (!work || !iwork)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    f->rcond = info == 0 && isfinite(rcond) ? rcond : 0;
    return CLIO_OK;
}

/* The buffers of one chunk of right-hand sides. */
typedef struct chunk {
    double *x, *b, *ax, *work; /* the solutions, right-hand sides, A x, apply_a's work */
    double *scale;             /* each column's residual scale (max-norm) */
    float *s;              /* residuals and corrections in single precision */
} chunk;

/* One chunk of k columns of B (ld ldb): the solutions, refined in c->x
 * (ld n, as clioi_apply_a wants), then copied back. */
static int solve_chunk(const clio_leontief *f, int transpose, size_t k, double *B, size_t ldb,
                       chunk *c, size_t *steps, double *bound, clio_error *err)
{
    size_t n = f->n;
    lapack_int nn = (lapack_int)n;
    for (size_t q = 0; q < k; q++)
        memcpy(c->b + q * n, B + q * ldb, n * sizeof *c->b);
    double *X = c->x;
    for (size_t step = 0;; step++) {
        /* s = the residual (the right-hand side itself at step 0), each
         * column scaled to max-norm 1 so single precision neither
         * underflows nor overflows; the correction is scaled back */
        for (size_t q = 0; q < k; q++) {
            double *r = c->ax + q * n, big = 0; /* A x is not needed once r is formed */
            for (size_t i = 0; i < n; i++) {
                r[i] = step == 0 ? c->b[i + q * n]
                                 : c->b[i + q * n] - X[i + q * n] + c->ax[i + q * n];
                big = fmax(big, fabs(r[i]));
            }
            c->scale[q] = big > 0 && isfinite(big) ? big : 1.0;
            for (size_t i = 0; i < n; i++)
                c->s[i + q * n] = (float)(r[i] / c->scale[q]);
        }
        LAPACKE_sgetrs_work(LAPACK_COL_MAJOR, transpose ? 'T' : 'N', nn, (lapack_int)k, f->lu32,
                            nn, f->ipiv, c->s, nn);
        int done = 1;
        double worst = 0;
        for (size_t q = 0; q < k; q++) {
            double *x = X + q * n, corr = 0, size = 0;
            for (size_t i = 0; i < n; i++) {
                double d = (double)c->s[i + q * n] * c->scale[q];
                x[i] = step == 0 ? d : x[i] + d;
                corr = fmax(corr, fabs(d));
                size = fmax(size, fabs(x[i]));
            }
            double rel = size > 0 ? corr / size : corr;
            if (!(rel <= f->tol) || step == 0)
                done = 0;
            worst = fmax(worst, rel);
        }
        if (done) {
            for (size_t q = 0; q < k; q++)
                memcpy(B + q * ldb, X + q * n, n * sizeof *X);
            *steps = step;
            *bound = worst;
            return CLIO_OK;
        }
        if (step == MAX_STEPS || !isfinite(worst))
            return clioi_fail(err, CLIO_ENOCONVERGE,
                              "lu-mixed: the refinement did not reach %g in %d steps (last "
                              "correction %.2g of the solution): I - A is too ill-conditioned "
                              "for single precision; use --method lu",
                              f->tol, MAX_STEPS, worst);
        clioi_apply_a(f, transpose, k, X, c->ax, c->work);
    }
}

int clioi_mixed_lu_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                         size_t ldb, clio_error *err)
{
    size_t n = f->n, width = nrhs < CLIOI_MIXED_CHUNK ? nrhs : CLIOI_MIXED_CHUNK;
    chunk c = {malloc(n * width * sizeof *c.x), malloc(n * width * sizeof *c.b),
               malloc(n * width * sizeof *c.ax), malloc(n * width * sizeof *c.work),
               malloc(width * sizeof *c.scale), malloc(n * width * sizeof *c.s)};
    int status = CLIO_OK;
    if (!c.x || !c.b || !c.ax || !c.work || !c.scale || !c.s)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for the refinement of %zu columns",
                            width);
    for (size_t q = 0; status == CLIO_OK && q < nrhs; q += width) {
        size_t k = nrhs - q < width ? nrhs - q : width, steps = 0;
        double bound = 0;
        status = solve_chunk(f, transpose, k, B + q * ldb, ldb, &c, &steps, &bound, err);
        if (status == CLIO_OK && f->stats) {
            f->stats->solves++;
            f->stats->passes_total += steps;
            f->stats->passes_max = steps > f->stats->passes_max ? steps : f->stats->passes_max;
            f->stats->bound_max = fmax(f->stats->bound_max, bound);
        }
    }
    free(c.x);
    free(c.b);
    free(c.ax);
    free(c.work);
    free(c.scale);
    free(c.s);
    return status;
}
