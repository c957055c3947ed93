/* leontief.c -- prepare I - A for solves by the chosen method (strategy.c):
 * factor it once (LU, dgetrf; or UMFPACK's sparse LU, sparse_lu.c) and
 * solve many right-hand sides with the kept factor, or keep A for the
 * iterative methods (iterative_*.c); check the system is productive
 * whatever the method.  A sparse table (Zs, CSC) works with every method:
 * the iterative ones and the sparse LU never build a dense n x n matrix,
 * the dense LU builds one (sparse_setup.c) when the budget allows.
 *
 * Only the solver includes LAPACKE.  The table was validated when loaded,
 * so the _work routines are called: LAPACKE's NaN scan of the whole factor
 * on every solve makes small solves 1.5-2.3x slower (PERFORMANCE.md). */
#include "factor.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int clio_coefficients(const clio_table *t, double *A, size_t lda, clio_error *err)
{
    size_t n = t->n;
    if (!t->Z && !t->Zs)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    if (lda < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", lda, n);
    for (size_t j = 0; j < n; j++) {
        double inv = t->x[j] != 0 ? 1.0 / t->x[j] : 0.0;
        if (t->Z) {
            for (size_t i = 0; i < n; i++)
                A[i + j * lda] = t->Z[i + j * n] * inv;
            continue;
        }
        for (size_t i = 0; i < n; i++)
            A[i + j * lda] = 0.0;
        for (int64_t p = t->Zs->colptr[j]; p < t->Zs->colptr[j + 1]; p++)
            A[(size_t)t->Zs->rowind[p] + j * lda] = t->Zs->values[p] * inv;
    }
    return CLIO_OK;
}

/* I - A into m from the flows Z (m may be Z itself: each element is read
 * before it is written), column by column; returns the 1-norm of I - A for
 * dgecon. */
static double build_i_minus_a(const clio_table *t, const double *Z, double *m)
{
    size_t n = t->n;
    double norm = 0;
    for (size_t j = 0; j < n; j++) {
        double scale = t->x[j] != 0 ? -1.0 / t->x[j] : 0.0;
        double *col = m + j * n;
        const double *z = Z + j * n;
        double colsum = 0;
        for (size_t i = 0; i < n; i++) {
            col[i] = z[i] * scale;
            colsum += fabs(col[i]);
        }
        colsum += fabs(1.0 + col[j]) - fabs(col[j]);
        col[j] += 1.0;
        if (colsum > norm)
            norm = colsum;
    }
    return norm;
}

static const char *region_of(const clio_table *t, size_t i)
{
    return t->regions[t->sector_region[i]];
}

/* Productive iff (I - A) g = 1 has a positive solution: for A >= 0 that is
 * exactly when I - A is a non-singular M-matrix, i.e. L = (I - A)^-1 >= 0. */
static int check_productive(const clio_table *t, clio_leontief *f, clio_error *err)
{
    size_t n = f->n;
    double *g = malloc(n * sizeof *g);
    if (!g)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        g[i] = 1.0;
    int status = clio_leontief_solve(f, 0, 1, g, n, err);
    for (size_t i = 0; status == CLIO_OK && i < n; i++) {
        if (!(g[i] > 0) || !isfinite(g[i]))
            status = clioi_fail(err, CLIO_ENONPRODUCTIVE,
                                "the table is not productive: a unit of final demand for "
                                "every sector needs output %g of sector '%s' in region '%s' "
                                "(the column sums of A reach or exceed 1)",
                                g[i], t->sector_names[i], region_of(t, i));
    }
    free(g);
    return status;
}

static int factor_built(const clio_table *t, clio_leontief *f, double anorm, clio_error *err);

/* factor_lu -- dgetrf of I - A built in Z's memory or a new matrix (from
 * a sparse table's Zs: always a new one, Zs freed when consumed). */
static int factor_lu(clio_table *t, unsigned flags, clio_leontief *f, clio_error *err)
{
    size_t n = t->n;
    if (n > (size_t)INT_MAX / 2 || (n && n > (size_t)INT_MAX / n))
        return clioi_fail(err, CLIO_EDIM, "%zu sectors is too large for dense LAPACK", n);
    f->rcond = 1.0;
    f->ipiv = clioi_calloc_array(n, sizeof *f->ipiv);
    if (!t->Z) {
        f->lu = clioi_alloc_matrix(n, n);
        if (!f->ipiv || !f->lu)
            return clioi_fail(err, CLIO_ENOMEM,
                              "out of memory for a dense %zu x %zu factor of a sparse table "
                              "(%.0f MB): use --method sparse-lu",
                              n, n, 8e-6 * (double)n * (double)n);
    } else if (flags & CLIO_FACTOR_CONSUME_Z) {
        f->lu = t->Z; /* I - A overwrites Z column by column */
        t->Z = NULL;
    } else {
        f->lu = clioi_alloc_matrix(n, n);
    }
    if (!f->ipiv || !f->lu)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu x %zu factor", n, n);
    if (n == 0)
        return CLIO_OK;
    double anorm = !t->Z && t->Zs ? clioi_dense_i_minus_a_from_sparse(t, f->lu)
                   : build_i_minus_a(t, (flags & CLIO_FACTOR_CONSUME_Z) ? f->lu : t->Z, f->lu);
    if (t->Zs && (flags & CLIO_FACTOR_CONSUME_Z)) {
        clio_sparse_free(t->Zs);
        t->Zs = NULL;
    }
    return factor_built(t, f, anorm, err);
}

/* factor_built -- dgetrf of the I - A in f->lu (1-norm anorm), dgecon and
 * the productivity check. */
static int factor_built(const clio_table *t, clio_leontief *f, double anorm, clio_error *err)
{
    size_t n = t->n;
    lapack_int nn = (lapack_int)n;
    char task[64];
    snprintf(task, sizeof task, "factorising I - A (n = %zu)", n);
    clioi_progress(task, 0.0); /* one LAPACK call: start and end only */
    lapack_int info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, nn, nn, f->lu, nn, f->ipiv);
    clioi_progress(task, 1.0);
    if (info > 0) {
        size_t j = (size_t)info - 1;
        return clioi_fail(err, CLIO_ESINGULAR,
                          "I - A is singular: no unique solution (zero pivot at sector '%s' "
                          "in region '%s'; its inputs are a combination of other sectors)",
                          t->sector_names[j], region_of(t, j));
    }
    if (info < 0)
        return clioi_fail(err, CLIO_EINVAL, "dgetrf: argument %d invalid", (int)-info);
    double *work = malloc(4 * n * sizeof *work);
    lapack_int *iwork = malloc(n * sizeof *iwork);
    if (!work || !iwork) {
        free(work);
        free(iwork);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    info = LAPACKE_dgecon_work(LAPACK_COL_MAJOR, '1', nn, f->lu, nn, anorm, &f->rcond, work,
                               iwork);
    free(work);
    free(iwork);
    if (info != 0 || !isfinite(f->rcond))
        f->rcond = 0;
    return check_productive(t, f, err);
}

/* The norms of A from Z (or Zs) and x (A itself is not built): largest
 * column and row sums of |A|, the 1-norm of I - A, the smallest sums, and
 * A >= 0. */
typedef struct a_norms {
    double norm1_i_minus_a, mincol, minrow;
} a_norms;

/* Column sums of A: of |a|, of a, and the diagonal entry. */
typedef struct column_sums {
    double abs, signed_, diag;
} column_sums;

static inline void add_entry(column_sums *c, double *row, size_t i, size_t j, double a,
                             int *nonnegative)
{
    c->abs += fabs(a);
    c->signed_ += a;
    row[i] += fabs(a);
    if (a < 0)
        *nonnegative = 0;
    if (i == j)
        c->diag = a;
}

/* One pass over the dense Z or the sparse Zs. */
static int measure_a(const clio_table *t, clio_leontief *f, a_norms *nm)
{
    size_t n = t->n;
    double *row = clioi_calloc_array(n, sizeof *row);
    f->inv_x = clioi_calloc_array(n, sizeof *f->inv_x);
    if (!row || !f->inv_x) {
        free(row);
        return CLIO_ENOMEM;
    }
    f->nonnegative = 1;
    f->colmax = f->rowmax = nm->norm1_i_minus_a = 0;
    nm->mincol = nm->minrow = n ? INFINITY : 0;
    for (size_t j = 0; j < n; j++) {
        double inv = f->inv_x[j] = t->x[j] != 0 ? 1.0 / t->x[j] : 0.0;
        column_sums c = {0, 0, 0};
        if (t->Z) {
            const double *z = t->Z + j * n;
            for (size_t i = 0; i < n; i++)
                add_entry(&c, row, i, j, z[i] * inv, &f->nonnegative);
        } else {
            const clio_sparse *s = t->Zs;
            for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++)
                add_entry(&c, row, (size_t)s->rowind[p], j, s->values[p] * inv,
                          &f->nonnegative);
        }
        double c1 = c.abs - fabs(c.diag) + fabs(1.0 - c.diag);
        f->colmax = c.abs > f->colmax ? c.abs : f->colmax;
        nm->norm1_i_minus_a = c1 > nm->norm1_i_minus_a ? c1 : nm->norm1_i_minus_a;
        nm->mincol = c.signed_ < nm->mincol ? c.signed_ : nm->mincol;
    }
    for (size_t i = 0; i < n; i++) {
        f->rowmax = row[i] > f->rowmax ? row[i] : f->rowmax;
        nm->minrow = row[i] < nm->minrow ? row[i] : nm->minrow;
    }
    free(row);
    return CLIO_OK;
}

/* One iterative solve for the productivity check: GMRES when the series
 * has no rigorous bound (||A|| >= 1 in both norms). */
static int check_solve(const clio_leontief *f, int transpose, double *g, clio_error *err)
{
    if (f->method == CLIO_METHOD_SERIES && fmin(f->colmax, f->rowmax) < 1)
        return clioi_series_solve(f, transpose, 1, g, f->n, err);
    return clioi_krylov_solve(f, transpose, 1, g, f->n, err);
}

/* Productive iff (I - A) g = 1 has a positive solution (as for LU).  For
 * A >= 0: ||A|| < 1 in the 1- or max-norm proves it (no solve); all column
 * (or row) sums >= 1 means rho(A) >= 1 (refused at once, the iteration
 * could not converge); otherwise g = L 1 and
 * h = L' 1, both positive, give ||L||_inf = max g and ||L||_1 = max h
 * exactly (L >= 0), which make the iterative bounds rigorous and tight. */
static int check_productive_iterative(const clio_table *t, clio_leontief *f, const a_norms *nm,
                                      clio_error *err)
{
    size_t n = f->n;
    if (n == 0)
        return CLIO_OK;
    if (f->nonnegative && (nm->mincol >= 1 || nm->minrow >= 1))
        return clioi_fail(err, CLIO_ENONPRODUCTIVE,
                          "the table is not productive: every %s sum of A is at least 1 (the "
                          "smallest is %g), so A's spectral radius is at least 1",
                          nm->mincol >= 1 ? "column" : "row",
                          nm->mincol >= 1 ? nm->mincol : nm->minrow);
    if (f->nonnegative && fmin(f->colmax, f->rowmax) < 1) {
        /* rho(A) <= ||A|| < 1 and A >= 0: productive, L = sum A^k >= 0; the
         * bounds use 1 / (1 - ||A||) and no solve is needed here. */
        f->rcond = (1 - f->colmax) / nm->norm1_i_minus_a;
        if (!(f->rcond > 0)) /* only the row sums are below 1 */
            f->rcond = NAN;
        return CLIO_OK;
    }
    double *g = malloc(2 * n * sizeof *g), *h = g + n;
    if (!g)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < 2 * n; i++)
        g[i] = 1.0;
    int status = check_solve(f, 0, g, err);
    if (status == CLIO_OK && f->nonnegative)
        status = check_solve(f, 1, h, err);
    double gmax = 0, hmax = 0;
    for (size_t i = 0; status == CLIO_OK && i < n; i++) {
        double bad = !(g[i] > 0) ? g[i] : f->nonnegative && !(h[i] > 0) ? h[i] : 1.0;
        if (!(bad > 0) || !isfinite(g[i]))
            status = clioi_fail(err, CLIO_ENONPRODUCTIVE,
                                "the table is not productive: a unit of final demand for "
                                "every sector needs output %g of sector '%s' in region '%s' "
                                "(the column sums of A reach or exceed 1)",
                                g[i], t->sector_names[i], region_of(t, i));
        gmax = g[i] > gmax ? g[i] : gmax;
        hmax = f->nonnegative && h[i] > hmax ? h[i] : hmax;
    }
    free(g);
    if (status != CLIO_OK)
        return status;
    if (f->nonnegative) {
        f->lnorm_inf = gmax;
        f->lnorm_1 = hmax;
        f->rcond = 1.0 / (nm->norm1_i_minus_a * hmax);
    } else {
        f->rcond = f->colmax < 1 ? (1 - f->colmax) / nm->norm1_i_minus_a : NAN;
    }
    memset(f->stats, 0, sizeof *f->stats); /* count the analysis's solves only */
    return CLIO_OK;
}

/* setup_iterative -- keep A: in Z's (Zs's) memory (consumed), else borrow
 * Z (Zs). */
/* keep_a -- A for the iterative methods and lu-mixed's residuals: built
 * in Z's (or Zs's) memory when Z is consumed, else borrowed from the table. */
static void keep_a(clio_table *t, unsigned flags, clio_leontief *f)
{
    size_t n = t->n;
    if (!t->Z && (flags & CLIO_FACTOR_CONSUME_Z)) {
        clio_sparse *a = t->Zs;
        for (size_t j = 0; j < n; j++)
            for (int64_t p = a->colptr[j]; p < a->colptr[j + 1]; p++)
                a->values[p] *= f->inv_x[j];
        f->as_owned = a;
        f->zs_borrowed = NULL;
        t->Zs = NULL;
    } else if (flags & CLIO_FACTOR_CONSUME_Z) {
        double *a = t->Z;
        for (size_t j = 0; j < n; j++)
            for (size_t i = 0; i < n; i++)
                a[i + j * n] *= f->inv_x[j];
        f->a_owned = a;
        f->z_borrowed = NULL;
        t->Z = NULL;
    }
}

static int setup_iterative(clio_table *t, unsigned flags, clio_leontief *f, const a_norms *nm,
                           clio_error *err)
{
    keep_a(t, flags, f);
    return check_productive_iterative(t, f, nm, err);
}

/* factor_sparse_lu -- UMFPACK on I - A in CSC (analysed already when the
 * automatic choice needed its estimates); a consumed Z or Zs is freed once
 * I - A is built, before the numeric factorisation's peak. */
static int factor_sparse_lu(clio_table *t, unsigned flags, clio_leontief *f, clio_error *err)
{
    int status = f->slu ? CLIO_OK : clioi_sparse_lu_analyse(t, &f->slu, err);
    if (flags & CLIO_FACTOR_CONSUME_Z) {
        free(t->Z);
        t->Z = NULL;
        clio_sparse_free(t->Zs);
        t->Zs = NULL;
    }
    if (status == CLIO_OK)
        status = clioi_sparse_lu_factor(f->slu, t, &f->rcond, err);
    return status == CLIO_OK ? check_productive(t, f, err) : status;
}

static void resolve_options(const clio_leontief_options *in, clio_leontief_options *o)
{
    static const clio_leontief_options defaults = {0};
    *o = in ? *in : defaults;
    if (!(o->tolerance > 0))
        o->tolerance = 1e-12;
    if (o->tolerance < CLIO_TOLERANCE_MIN) /* below what double precision certifies */
        o->tolerance = CLIO_TOLERANCE_MIN;
    if (o->max_iterations == 0)
        o->max_iterations = 10000;
    if (o->memory_limit == 0) {
        unsigned long long phys = clio_memory_physical();
        o->memory_limit = phys ? (unsigned long long)((double)phys * CLIO_MEMORY_FRACTION)
                               : ULLONG_MAX;
    }
}

int clio_leontief_factor(clio_table *t, unsigned flags, clio_leontief **out, clio_error *err)
{
    clio_leontief_options o = {.method = CLIO_METHOD_LU, .memory_limit = ULLONG_MAX};
    return clio_leontief_factor_opts(t, flags, &o, out, err);
}

/* check_productive_mixed -- lu-mixed's productivity check.  A >= 0 with a
 * norm below 1 proves it (rho(A) <= ||A|| < 1).  When, besides, I - A is
 * far inside single precision's reach (the refinement's error shrinks by
 * about cond * 6e-8 a step) and the tolerance far above what double
 * precision can resolve (corrections stall near cond * 1.1e-16), the solve
 * of check_productive, which would also find a refinement that cannot
 * converge, is saved: a solve of one column costs as many passes over A
 * and the factor as a block does. */
#define MIXED_SURE_RCOND 1e-3
#define MIXED_SURE_TOL_RCOND 1e-14 /* tol * rcond: 100 units of double rounding */
static int check_productive_mixed(const clio_table *t, clio_leontief *f, clio_error *err)
{
    if (f->nonnegative && fmin(f->colmax, f->rowmax) < 1 && f->rcond > MIXED_SURE_RCOND &&
        f->tol * f->rcond > MIXED_SURE_TOL_RCOND)
        return CLIO_OK;
    return check_productive(t, f, err);
}

/* mixed_to_lu -- auto's fallback when single precision cannot resolve the
 * table: the double LU, in the kept A's memory (I - A built in place) or
 * from the table's Z. */
static int mixed_to_lu(clio_table *t, unsigned flags, clio_leontief *f, clio_error *err)
{
    size_t n = f->n;
    free(f->lu32);
    f->lu32 = NULL;
    free(f->ipiv);
    f->ipiv = NULL;
    memset(f->stats, 0, sizeof *f->stats);
    f->method = CLIO_METHOD_LU;
    if (!f->a_owned) { /* Z kept: the usual LU, in a new matrix */
        f->z_borrowed = NULL;
        return factor_lu(t, flags & ~(unsigned)CLIO_FACTOR_CONSUME_Z, f, err);
    }
    f->lu = f->a_owned;
    f->a_owned = NULL;
    f->ipiv = clioi_calloc_array(n, sizeof *f->ipiv);
    if (!f->ipiv)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    double anorm = 0;
    for (size_t j = 0; j < n; j++) {
        double *col = f->lu + j * n, sum = 0;
        for (size_t i = 0; i < n; i++) {
            col[i] = (i == j) - col[i];
            sum += fabs(col[i]);
        }
        anorm = sum > anorm ? sum : anorm;
    }
    return factor_built(t, f, anorm, err);
}

int clio_leontief_factor_opts(clio_table *t, unsigned flags, const clio_leontief_options *opts,
                              clio_leontief **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n;
    if (!t->Z && !t->Zs)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    clio_leontief_options o;
    resolve_options(opts, &o);
    if (o.method < CLIO_METHOD_AUTO || o.method > CLIO_METHOD_MIXED_LU)
        return clioi_fail(err, CLIO_EINVAL, "unknown solver method %d", (int)o.method);

    clio_leontief *f = calloc(1, sizeof *f);
    if (!f)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    f->n = n;
    f->method = o.method;
    f->tol = o.tolerance;
    f->max_iter = o.max_iterations;
    f->restart = 30;
    f->stats = calloc(1, sizeof *f->stats);
    double *work = NULL;
    a_norms nm = {0};
    int status = CLIO_OK;
    if (!f->stats)
        goto nomem;
    if (o.method != CLIO_METHOD_LU && o.method != CLIO_METHOD_SPARSE_LU) {
        /* the choice and the iteration need A's norms */
        work = clioi_calloc_array(3 * (n ? n : 1), sizeof *work);
        if (!work || measure_a(t, f, &nm) != CLIO_OK)
            goto nomem;
        f->z_borrowed = t->Z;
        f->zs_borrowed = t->Z ? NULL : t->Zs;
    }
    if ((status = clioi_strategy_choose(t, flags, &o, f, work, err)) != CLIO_OK)
        goto fail;
    free(work);
    work = NULL;
    if (f->method == CLIO_METHOD_LU || f->method == CLIO_METHOD_SPARSE_LU) {
        free(f->inv_x);
        f->inv_x = NULL;
        f->z_borrowed = NULL;
        f->zs_borrowed = NULL;
    }
    if (f->method != CLIO_METHOD_SPARSE_LU) { /* an analysis for the choice only */
        clioi_sparse_lu_free(f->slu);
        f->slu = NULL;
    }
    if (f->method == CLIO_METHOD_LU) {
        status = factor_lu(t, flags, f, err);
    } else if (f->method == CLIO_METHOD_SPARSE_LU) {
        status = factor_sparse_lu(t, flags, f, err);
    } else if (f->method == CLIO_METHOD_MIXED_LU) {
        keep_a(t, flags, f);
        status = clioi_mixed_lu_factor(f, t, err);
        if (status == CLIO_OK)
            status = check_productive_mixed(t, f, err);
        if ((status == CLIO_ENOCONVERGE || status == CLIO_ESINGULAR) &&
            o.method == CLIO_METHOD_AUTO)
            status = mixed_to_lu(t, flags, f, err);
    } else {
        status = setup_iterative(t, flags, f, &nm, err);
    }
    if (status != CLIO_OK)
        goto fail;
    clioi_solver_note_update(f);
    *out = f;
    return CLIO_OK;
nomem:
    status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
fail:
    free(work);
    if (flags & CLIO_FACTOR_CONSUME_Z) { /* documented: Z is gone on failure too */
        free(t->Z);
        t->Z = NULL;
        clio_sparse_free(t->Zs);
        t->Zs = NULL;
    }
    clio_leontief_free(f);
    return status;
}

void clio_leontief_free(clio_leontief *f)
{
    if (!f)
        return;
    free(f->lu);
    free(f->lu32);
    free(f->ipiv);
    free(f->a_owned);
    clio_sparse_free(f->as_owned);
    clioi_sparse_lu_free(f->slu);
    free(f->inv_x);
    free(f->stats);
    free(f);
}

size_t clio_leontief_size(const clio_leontief *f) { return f->n; }

double clio_leontief_rcond(const clio_leontief *f) { return f->rcond; }

int clio_leontief_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                        size_t ldb, clio_error *err)
{
    size_t n = f->n;
    if (ldb < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", ldb, n);
    if (n == 0 || nrhs == 0)
        return CLIO_OK;
    if (nrhs > (size_t)INT_MAX || ldb > (size_t)INT_MAX)
        return clioi_fail(err, CLIO_EDIM, "too many right-hand sides");
    if (f->method == CLIO_METHOD_SPARSE_LU)
        return clioi_sparse_lu_solve(f->slu, transpose, nrhs, B, ldb, err);
    if (f->method != CLIO_METHOD_LU) {
        int status = f->method == CLIO_METHOD_SERIES
                         ? clioi_series_solve(f, transpose, nrhs, B, ldb, err)
                     : f->method == CLIO_METHOD_MIXED_LU
                         ? clioi_mixed_lu_solve(f, transpose, nrhs, B, ldb, err)
                         : clioi_krylov_solve(f, transpose, nrhs, B, ldb, err);
        clioi_solver_note_update(f);
        return status;
    }
    lapack_int info = LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, transpose ? 'T' : 'N',
                                          (lapack_int)n, (lapack_int)nrhs, f->lu,
                                          (lapack_int)n, f->ipiv, B, (lapack_int)ldb);
    if (info != 0)
        return clioi_fail(err, CLIO_EINVAL, "dgetrs: argument %d invalid", (int)-info);
    return CLIO_OK;
}

int clio_leontief_inverse(const clio_leontief *f, double *L, size_t ldl, clio_error *err)
{
    size_t n = f->n;
    if (ldl < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", ldl, n);
    for (size_t j = 0; j < n; j++) {
        memset(L + j * ldl, 0, n * sizeof *L);
        L[j + j * ldl] = 1.0;
    }
    return clio_leontief_solve(f, 0, n, L, ldl, err);
}
