/* iterative_krylov.c -- (I - A)^-1 B by restarted GMRES(m) (Saad and
 * Schultz 1986; Saad, Iterative Methods for Sparse Linear Systems, 2nd ed.,
 * 2003, Alg. 6.9), no preconditioner, the right-hand sides in lockstep.
 *
 * Why GMRES: I - A of an IO table is non-symmetric and, for a productive
 * table, an M-matrix with eigenvalues in the disc |1 - z| <= rho(A) < 1,
 * where GMRES converges at least as fast as the power series, and it still
 * converges when column sums reach 1 (the series bound then fails).  It
 * minimises the residual, so unlike BiCGSTAB it never breaks down.
 *
 * Lockstep: every column keeps its own Arnoldi basis and Givens rotations
 * (plain GMRES per column: no block-Krylov deflation to get wrong), but all
 * active columns advance together, so one step is ONE product of A with the
 * block of their current vectors (one dgemm: a pass reads A once whatever
 * the block's width, PERFORMANCE.md).  A column may be in the Arnoldi
 * process or waiting for its true residual; both need a product, so both
 * ride in the same block.  A column that converges leaves its slot to the
 * next right-hand side.  At most `width` slots (KRYLOV_BLOCK, fewer when
 * n is large: KRYLOV_WORK_BYTES) bound the memory at (m + 5) n doubles per
 * slot.
 *
 * Stopping: each cycle runs until its (2-norm) residual estimate falls by
 * 1e-3 or below the target; then the true residual r = b - (I - A) x is
 * computed and the column stops when K ||r|| <= tol times a lower bound of
 * ||x||, K from clioi_error_scale (rigorous when ||A|| < 1 or L's norm is
 * known, else 1 / CLIOI_SAFETY). */
#include "factor.h"
#include "krylov.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { NEEDS_RESIDUAL, ARNOLDI, IDLE };

typedef struct slot {
    double *x;                 /* the iterate: a column of B */
    double *V, *b, *H;         /* basis n x (m + 1), right-hand side, Hessenberg (m + 1) x m */
    double *cs, *sn, *g;       /* Givens rotations, rotated right-hand side */
    double bnorm, b2, target;  /* ||b|| (solve's norm), ||b||_2, this cycle's goal */
    size_t j, products;        /* Arnoldi step in the cycle; products of this column */
    int state;
} slot;

typedef struct gmres_block {
    size_t n, m, width;
    slot *s;
    double *mem;      /* every slot's V, b, H, cs, sn, g */
    double *P, *Q, *W; /* packed block in, its product, scaling work */
    double *y;        /* m: the cycle's least-squares solution */
    size_t *map;      /* block column -> slot */
} gmres_block;

size_t clioi_krylov_width(size_t n, size_t nrhs)
{
    size_t m = n < KRYLOV_RESTART ? n : KRYLOV_RESTART;
    double per = 8.0 * (double)(m + 5) * (double)(n ? n : 1);
    size_t cap = (size_t)fmax(1.0, floor(KRYLOV_WORK_BYTES / per));
    size_t w = nrhs < KRYLOV_BLOCK ? nrhs : KRYLOV_BLOCK;
    w = w < cap ? w : cap;
    return w ? w : 1;
}

static void block_free(gmres_block *k)
{
    free(k->s);
    free(k->mem);
    free(k->P);
    free(k->Q);
    free(k->W);
    free(k->y);
    free(k->map);
}

static int block_alloc(gmres_block *k, const clio_leontief *f, size_t width)
{
    size_t n = f->n, m = k->m, per = (m + 2) * n + (m + 1) * m + 3 * (m + 1);
    k->n = n;
    k->width = width;
    k->s = calloc(width, sizeof *k->s);
    k->mem = clioi_calloc_array(width, per * sizeof *k->mem);
    k->P = clioi_calloc_array(width, n * sizeof *k->P);
    k->Q = clioi_calloc_array(width, n * sizeof *k->Q);
    k->W = clioi_calloc_array(f->a_owned ? 1 : width, n * sizeof *k->W);
    k->y = clioi_calloc_array(m ? m : 1, sizeof *k->y);
    k->map = calloc(width, sizeof *k->map);
    if (!k->s || !k->mem || !k->P || !k->Q || !k->W || !k->y || !k->map)
        return CLIO_ENOMEM;
    for (size_t i = 0; i < width; i++) {
        slot *s = &k->s[i];
        s->V = k->mem + i * per;
        s->b = s->V + (m + 1) * n;
        s->H = s->b + n;
        s->cs = s->H + (m + 1) * m;
        s->sn = s->cs + (m + 1);
        s->g = s->sn + (m + 1);
        s->state = IDLE;
    }
    return CLIO_OK;
}

/* Put the next column of B that needs work into slot s (zero columns are
 * solved on the way: x = 0); IDLE when none is left. */
static void admit(slot *s, size_t n, int inf, double *B, size_t ldb, size_t nrhs,
                  size_t *next)
{
    s->state = IDLE;
    while (*next < nrhs) {
        double *x = B + (*next)++ * ldb;
        double bnorm = clioi_vector_norm(x, n, inf);
        if (bnorm == 0)
            continue;
        s->x = x;
        memcpy(s->b, x, n * sizeof *x); /* x0 = b */
        s->bnorm = bnorm;
        s->b2 = cblas_dnrm2((int)n, x, 1);
        s->products = 0;
        s->state = NEEDS_RESIDUAL;
        return;
    }
}

/* One Arnoldi step of slot s from w = A v_j: v_{j+1} = v_j - w,
 * orthogonalised (modified Gram-Schmidt), H's new column rotated. */
static void arnoldi_step(slot *s, size_t n, size_t m, const double *w)
{
    size_t j = s->j;
    double *vj = s->V + j * n, *vn = s->V + (j + 1) * n, *h = s->H + j * (m + 1);
    for (size_t i = 0; i < n; i++)
        vn[i] = vj[i] - w[i];
    for (size_t i = 0; i <= j; i++) {
        h[i] = cblas_ddot((int)n, s->V + i * n, 1, vn, 1);
        cblas_daxpy((int)n, -h[i], s->V + i * n, 1, vn, 1);
    }
    h[j + 1] = cblas_dnrm2((int)n, vn, 1);
    if (h[j + 1] > 0)
        cblas_dscal((int)n, 1.0 / h[j + 1], vn, 1);
    for (size_t i = 0; i < j; i++) { /* earlier rotations */
        double t = s->cs[i] * h[i] + s->sn[i] * h[i + 1];
        h[i + 1] = -s->sn[i] * h[i] + s->cs[i] * h[i + 1];
        h[i] = t;
    }
    double d = hypot(h[j], h[j + 1]);
    s->cs[j] = d > 0 ? h[j] / d : 1.0;
    s->sn[j] = d > 0 ? h[j + 1] / d : 0.0;
    h[j] = d;
    h[j + 1] = 0;
    s->g[j + 1] = -s->sn[j] * s->g[j];
    s->g[j] *= s->cs[j];
    s->j = j + 1;
}

/* End of a cycle: x += V y with H y = g (upper triangular, j x j). */
static void cycle_update(slot *s, size_t n, size_t m, double *y)
{
    size_t j = s->j;
    for (size_t i = j; i-- > 0;) {
        double t = s->g[i];
        for (size_t l = i + 1; l < j; l++)
            t -= s->H[i + l * (m + 1)] * y[l];
        double hii = s->H[i + i * (m + 1)];
        y[i] = hii != 0 ? t / hii : 0.0;
    }
    for (size_t i = 0; i < j; i++)
        cblas_daxpy((int)n, y[i], s->V + i * n, 1, s->x, 1);
    s->state = NEEDS_RESIDUAL;
}

typedef struct gmres_norms {
    double K, anorm, rel_max;
    int inf;
    size_t products_max;
} gmres_norms;

/* The true residual of slot s from w = A x: stop (1), start a cycle (0) or
 * fail (CLIO_ENOCONVERGE, negative). */
static int residual_step(const clio_leontief *f, slot *s, size_t m, const double *w,
                         gmres_norms *nm, size_t left, clio_error *err)
{
    size_t n = f->n;
    double *r = s->V;
    for (size_t i = 0; i < n; i++)
        r[i] = s->b[i] - (s->x[i] - w[i]);
    double bound = nm->K * clioi_vector_norm(r, n, nm->inf);
    double xn = clioi_vector_norm(s->x, n, nm->inf);
    double lower = fmax(xn - bound, s->bnorm / (1.0 + nm->anorm));
    if (!isfinite(bound) || !isfinite(xn))
        return -clioi_fail(err, CLIO_ENOCONVERGE, "GMRES diverged after %zu products",
                           s->products);
    if (bound <= f->tol * lower) {
        double rel = bound / lower;
        nm->rel_max = rel > nm->rel_max ? rel : nm->rel_max;
        return 1;
    }
    if (s->products >= f->max_iter)
        return -clioi_fail(err, CLIO_ENOCONVERGE,
                           "GMRES(%zu) did not reach relative error %g in %zu matrix products "
                           "(error bound %.3g; %zu right-hand sides left): raise --max-iterations or "
                           "use --method lu",
                           m, f->tol, s->products, bound / lower, left);
    double beta = cblas_dnrm2((int)n, r, 1);
    s->target = fmin(0.5 * f->tol * s->b2 / fmax(nm->K, 1.0), 1e-3 * beta);
    memset(s->g, 0, (m + 1) * sizeof *s->g);
    s->g[0] = beta;
    cblas_dscal((int)n, 1.0 / beta, r, 1); /* v_0 = r / beta, in place */
    s->j = 0;
    s->state = ARNOLDI;
    return 0;
}

/* Run every column of B to convergence, `width` at a time. */
static int lockstep(const clio_leontief *f, int transpose, gmres_block *k, double *B,
                    size_t ldb, size_t nrhs, gmres_norms *nm, size_t *block_products,
                    clio_error *err)
{
    size_t n = k->n, m = k->m, next = 0, left = nrhs;
    for (size_t i = 0; i < k->width; i++)
        admit(&k->s[i], n, nm->inf, B, ldb, nrhs, &next);
    for (;;) {
        size_t cols = 0;
        for (size_t i = 0; i < k->width; i++) {
            slot *s = &k->s[i];
            if (s->state == IDLE)
                continue;
            const double *v = s->state == ARNOLDI ? s->V + s->j * n : s->x;
            memcpy(k->P + cols * n, v, n * sizeof *v);
            k->map[cols++] = i;
        }
        if (cols == 0)
            return CLIO_OK;
        clioi_apply_a(f, transpose, cols, k->P, k->Q, k->W);
        ++*block_products;
        for (size_t c = 0; c < cols; c++) {
            slot *s = &k->s[k->map[c]];
            const double *w = k->Q + c * n;
            s->products++;
            nm->products_max = s->products > nm->products_max ? s->products : nm->products_max;
            if (s->state == ARNOLDI) {
                arnoldi_step(s, n, m, w);
                double d = s->H[(s->j - 1) * (m + 2)]; /* the rotated diagonal */
                if (s->j == m || fabs(s->g[s->j]) <= s->target || d == 0 ||
                    s->products >= f->max_iter)
                    cycle_update(s, n, m, k->y);
                continue;
            }
            int done = residual_step(f, s, m, w, nm, left, err);
            if (done < 0)
                return -done;
            if (done) {
                left--;
                admit(s, n, nm->inf, B, ldb, nrhs, &next);
            }
        }
    }
}

int clioi_krylov_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                       size_t ldb, clio_error *err)
{
    size_t n = f->n, restart = f->restart < KRYLOV_RESTART ? f->restart : KRYLOV_RESTART;
    gmres_block k = {.m = restart < n ? restart : n};
    gmres_norms nm = {0};
    int rigorous;
    double ka;
    nm.K = clioi_error_scale(f, transpose, &nm.inf, &rigorous, &ka);
    nm.anorm = nm.inf ? (transpose ? f->colmax : f->rowmax) : (transpose ? f->rowmax : f->colmax);
    size_t width = clioi_krylov_width(n, nrhs), products = 0;
    int status = CLIO_OK;
    if (block_alloc(&k, f, width) != CLIO_OK)
        status = clioi_fail(err, CLIO_ENOMEM,
                            "out of memory for GMRES(%zu) with n = %zu, %zu columns at a time",
                            k.m, n, width);
    else
        status = lockstep(f, transpose, &k, B, ldb, nrhs, &nm, &products, err);
    if (status == CLIO_OK) {
        clioi_solve_stats *st = f->stats;
        st->solves++;
        st->passes_total += products;
        st->passes_max = nm.products_max > st->passes_max ? nm.products_max : st->passes_max;
        st->bound_max = nm.rel_max > st->bound_max ? nm.rel_max : st->bound_max;
        st->rigorous = rigorous;
    }
    block_free(&k);
    return status;
}
