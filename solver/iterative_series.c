/* iterative_series.c -- (I - A)^-1 B by the power series
 *     X = B + A B + A^2 B + ...,
 * a block of right-hand sides at a time (one dgemm per pass: a pass reads
 * A once whatever the block's width, PERFORMANCE.md).
 *
 * Stopping (docs/methods-solvers.md): after adding the term E = A^k b the
 * error is (I - A)^-1 A E, so ||x - X|| <= ka ||E|| with ka a rigorous
 * bound on ||(I - A)^-1 A|| (clioi_error_scale: ||A|| / (1 - ||A||) from
 * the column or row sums, or ||L|| - 1 when A >= 0 and L's norm is known).
 * This a-posteriori bound is never above the a-priori
 * ||A||^(k+1) / (1 - ||A||) ||b||.  A column stops when its bound is below
 * tol times a lower bound of ||x||: max(||X|| - bound, ||b|| / (1 + ||A||)). */
#include "factor.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Columns per block: bounds the work memory at 3 n BLOCK doubles (an
 * inverse by series is n solves, never 3 n x n). */
#define SERIES_BLOCK 64

typedef struct series_work {
    double *D, *E, *W;   /* the current term, the next, scaling work */
    double *bnorm;       /* ||b|| per column */
    unsigned char *done; /* columns that met the tolerance */
} series_work;

static void work_free(series_work *w)
{
    free(w->D);
    free(w->E);
    free(w->W);
    free(w->bnorm);
    free(w->done);
}

/* One block of m columns of B (leading dimension ldb). */
static int series_block(const clio_leontief *f, int transpose, size_t m, double *B, size_t ldb,
                        series_work *w, clio_error *err)
{
    size_t n = f->n;
    int inf, rigorous;
    double ka, anorm;
    clioi_error_scale(f, transpose, &inf, &rigorous, &ka);
    anorm = inf ? (transpose ? f->colmax : f->rowmax) : (transpose ? f->rowmax : f->colmax);
    size_t left = 0;
    for (size_t c = 0; c < m; c++) {
        memcpy(w->D + c * n, B + c * ldb, n * sizeof *B);
        w->bnorm[c] = clioi_vector_norm(B + c * ldb, n, inf);
        w->done[c] = w->bnorm[c] == 0; /* x = 0 exactly */
        left += !w->done[c];
    }
    double worst = 0;
    size_t pass = 0;
    while (left > 0) {
        if (pass >= f->max_iter)
            return clioi_fail(err, CLIO_ENOCONVERGE,
                              "the power series did not reach relative error %g in %zu passes "
                              "(%zu of %zu right-hand sides left; ||A|| = %.6g): use --method "
                              "krylov or lu",
                              f->tol, pass, left, m, anorm);
        clioi_apply_a(f, transpose, m, w->D, w->E, w->W);
        pass++;
        for (size_t c = 0; c < m; c++) {
            double *x = B + c * ldb, *e = w->E + c * n;
            for (size_t i = 0; i < n; i++)
                x[i] += e[i];
            if (w->done[c])
                continue;
            double bound = ka * clioi_vector_norm(e, n, inf);
            double xn = clioi_vector_norm(x, n, inf);
            double lower = fmax(xn - bound, w->bnorm[c] / (1.0 + anorm));
            if (!isfinite(bound) || !isfinite(xn))
                return clioi_fail(err, CLIO_ENOCONVERGE,
                                  "the power series diverges after %zu passes (||A|| = %.4g): "
                                  "the table may not be productive; use --method lu",
                                  pass, anorm);
            if (bound <= f->tol * lower) {
                w->done[c] = 1;
                left--;
                double rel = lower > 0 ? bound / lower : 0;
                worst = rel > worst ? rel : worst;
            }
        }
        double *t = w->D;
        w->D = w->E;
        w->E = t;
    }
    clioi_solve_stats *s = f->stats;
    s->solves++;
    s->passes_total += pass;
    s->passes_max = pass > s->passes_max ? pass : s->passes_max;
    s->bound_max = worst > s->bound_max ? worst : s->bound_max;
    s->rigorous = rigorous;
    return CLIO_OK;
}

int clioi_series_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                       size_t ldb, clio_error *err)
{
    size_t n = f->n, bs = nrhs < SERIES_BLOCK ? nrhs : SERIES_BLOCK;
    series_work w = {0};
    w.D = clioi_calloc_array(n * bs, sizeof *w.D);
    w.E = clioi_calloc_array(n * bs, sizeof *w.E);
    w.W = clioi_calloc_array(f->a_owned ? 1 : n * bs, sizeof *w.W);
    w.bnorm = clioi_calloc_array(bs, sizeof *w.bnorm);
    w.done = clioi_calloc_array(bs, 1);
    int status = CLIO_OK;
    if (!w.D || !w.E || !w.W || !w.bnorm || !w.done)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for the power series (%zu x %zu)",
                            n, bs);
    for (size_t c0 = 0; status == CLIO_OK && c0 < nrhs; c0 += bs) {
        size_t m = nrhs - c0 < bs ? nrhs - c0 : bs;
        status = series_block(f, transpose, m, B + c0 * ldb, ldb, &w, err);
    }
    work_free(&w);
    return status;
}
