/* sparse_lu.c -- CLIO_METHOD_SPARSE_LU: SuiteSparse UMFPACK (Davis 2004,
 * ACM TOMS 30(2)) on I - A in compressed sparse column form, built from a
 * sparse table's Zs or from a dense Z (counted column by column, no second
 * dense matrix), with the diagonal inserted where A has none.
 *
 * The symbolic analysis (fill-reducing ordering) runs first and alone: its
 * estimates of memory and flops are what the automatic choice compares
 * with iteration (strategy.c).  The numeric factorisation then runs once;
 * each right-hand side is one umfpack_dl_wsolve (UMFPACK_A or UMFPACK_At)
 * with UMFPACK's default iterative refinement, which needs I - A itself:
 * it is kept.  docs/methods-sparse.md explains ordering and fill-in. */
#include "factor.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <suitesparse/umfpack.h>

struct clioi_sparse_lu {
    size_t n, nnz;
    SuiteSparse_long *Ap, *Ai; /* I - A, CSC, rows increasing */
    double *Ax;
    void *symbolic, *numeric;
    double control[UMFPACK_CONTROL];
    double info[UMFPACK_INFO];
};

void clioi_sparse_lu_free(clioi_sparse_lu *s)
{
    if (!s)
        return;
    if (s->numeric)
        umfpack_dl_free_numeric(&s->numeric);
    if (s->symbolic)
        umfpack_dl_free_symbolic(&s->symbolic);
    free(s->Ap);
    free(s->Ai);
    free(s->Ax);
    free(s);
}

/* Non-zeros of column j of I - A: those of Z's column (none when x_j = 0)
 * plus the diagonal when Z has none there. */
static size_t column_count(const clio_table *t, size_t j)
{
    size_t n = t->n, count = 0;
    int diag = 0;
    if (t->x[j] == 0)
        return 1;
    if (t->Zs) {
        const clio_sparse *z = t->Zs;
        for (int64_t p = z->colptr[j]; p < z->colptr[j + 1]; p++)
            diag |= (size_t)z->rowind[p] == j;
        count = (size_t)(z->colptr[j + 1] - z->colptr[j]);
    } else {
        const double *z = t->Z + j * n;
        for (size_t i = 0; i < n; i++)
            count += z[i] != 0.0;
        diag = z[j] != 0.0;
    }
    return count + !diag;
}

/* Entry (i, j) of I - A from the flow z (scale = -1 / x_j). */
static void put(clioi_sparse_lu *s, size_t *q, size_t i, size_t j, double z, double scale)
{
    s->Ai[*q] = (SuiteSparse_long)i;
    s->Ax[*q] = (i == j ? 1.0 : 0.0) + z * scale;
    ++*q;
}

/* Column j of I - A into positions *q..: Z's entries in row order with the
 * diagonal 1 - a_jj inserted in its place. */
static void fill_column(clioi_sparse_lu *s, const clio_table *t, size_t j, size_t *q)
{
    size_t n = t->n;
    if (t->x[j] == 0) {
        put(s, q, j, j, 0.0, 0.0);
        return;
    }
    double scale = -1.0 / t->x[j];
    int diag = 0;
    if (t->Zs) {
        const clio_sparse *z = t->Zs;
        for (int64_t p = z->colptr[j]; p < z->colptr[j + 1]; p++) {
            size_t i = (size_t)z->rowind[p];
            if (i > j && !diag) {
                put(s, q, j, j, 0.0, scale);
                diag = 1;
            }
            diag |= i == j;
            put(s, q, i, j, z->values[p], scale);
        }
    } else {
        const double *z = t->Z + j * n;
        for (size_t i = 0; i < n; i++)
            if (z[i] != 0.0 || i == j)
                put(s, q, i, j, z[i], scale);
        diag = 1;
    }
    if (!diag)
        put(s, q, j, j, 0.0, scale);
}

static int build_matrix(clioi_sparse_lu *s, const clio_table *t, clio_error *err)
{
    size_t n = t->n;
    s->Ap = clioi_calloc_array(n + 1, sizeof *s->Ap);
    if (!s->Ap)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for I - A (n = %zu)", n);
    size_t nnz = 0;
    for (size_t j = 0; j < n; j++) {
        s->Ap[j] = (SuiteSparse_long)nnz;
        nnz += column_count(t, j);
    }
    s->Ap[n] = (SuiteSparse_long)nnz;
    s->nnz = nnz;
    s->Ai = clioi_calloc_array(nnz, sizeof *s->Ai);
    s->Ax = clioi_calloc_array(nnz, sizeof *s->Ax);
    if (!s->Ai || !s->Ax)
        return clioi_fail(err, CLIO_ENOMEM,
                          "out of memory for I - A in sparse form (%zu non-zeros, %.0f MB)", nnz,
                          16e-6 * (double)nnz);
    size_t q = 0;
    for (size_t j = 0; j < n; j++)
        fill_column(s, t, j, &q);
    return CLIO_OK;
}

static double unit_bytes(const clioi_sparse_lu *s, int index)
{
    return s->info[index] * s->info[UMFPACK_SIZE_OF_UNIT];
}

/* An UMFPACK status as a clio status and message. */
static int umfpack_failure(const clioi_sparse_lu *s, int status, const char *phase,
                           clio_error *err)
{
    if (status == UMFPACK_ERROR_out_of_memory)
        return clioi_fail(err, CLIO_ENOMEM,
                          "out of memory in UMFPACK's %s (n = %zu, %zu non-zeros; estimated "
                          "peak %.0f MB): use --method series or krylov",
                          phase, s->n, s->nnz, unit_bytes(s, UMFPACK_PEAK_MEMORY_ESTIMATE) / 1e6);
    return clioi_fail(err, CLIO_EINVAL, "UMFPACK's %s failed with status %d", phase, status);
}

int clioi_sparse_lu_analyse(const clio_table *t, clioi_sparse_lu **out, clio_error *err)
{
    *out = NULL;
    clioi_sparse_lu *s = calloc(1, sizeof *s);
    if (!s)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    s->n = t->n;
    umfpack_dl_defaults(s->control);
    int status = build_matrix(s, t, err);
    if (status == CLIO_OK && s->n > 0) {
        char task[64];
        snprintf(task, sizeof task, "ordering I - A (n = %zu, sparse)", s->n);
        clioi_progress(task, 0.0);
        int st = (int)umfpack_dl_symbolic((SuiteSparse_long)s->n, (SuiteSparse_long)s->n, s->Ap,
                                          s->Ai, s->Ax, &s->symbolic, s->control, s->info);
        clioi_progress(task, 1.0);
        if (st != UMFPACK_OK)
            status = umfpack_failure(s, st, "symbolic analysis", err);
    }
    if (status != CLIO_OK) {
        clioi_sparse_lu_free(s);
        return status;
    }
    *out = s;
    return CLIO_OK;
}

void clioi_sparse_lu_estimate(const clioi_sparse_lu *s, clioi_sparse_estimate *e)
{
    memset(e, 0, sizeof *e);
    e->matrix_bytes = (double)s->nnz * (sizeof *s->Ai + sizeof *s->Ax) +
                      (double)(s->n + 1) * sizeof *s->Ap;
    if (s->n == 0)
        return;
    e->peak_bytes = unit_bytes(s, UMFPACK_PEAK_MEMORY_ESTIMATE);
    e->numeric_bytes = unit_bytes(s, UMFPACK_NUMERIC_SIZE_ESTIMATE);
    e->flops = s->info[UMFPACK_FLOPS_ESTIMATE];
    e->lu_entries = s->info[UMFPACK_LNZ_ESTIMATE] + s->info[UMFPACK_UNZ_ESTIMATE];
}

static const char *sector_region(const clio_table *t, size_t i)
{
    return t->regions[t->sector_region[i]];
}

/* The sector whose column of U has a zero pivot (Q maps pivots to columns). */
static int singular_failure(const clioi_sparse_lu *s, const clio_table *t, clio_error *err)
{
    size_t n = s->n, at = n;
    SuiteSparse_long *Q = malloc(n * sizeof *Q);
    double *D = malloc(n * sizeof *D);
    if (Q && D &&
        umfpack_dl_get_numeric(NULL, NULL, NULL, NULL, NULL, NULL, NULL, Q, D, NULL, NULL,
                               s->numeric) == UMFPACK_OK)
        for (size_t k = 0; k < n && at == n; k++)
            if (D[k] == 0.0 || !isfinite(D[k]))
                at = (size_t)Q[k];
    free(Q);
    free(D);
    if (at == n)
        return clioi_fail(err, CLIO_ESINGULAR,
                          "I - A is singular: no unique solution (UMFPACK found a zero pivot)");
    return clioi_fail(err, CLIO_ESINGULAR,
                      "I - A is singular: no unique solution (zero pivot at sector '%s' in "
                      "region '%s'; its inputs are a combination of other sectors)",
                      t->sector_names[at], sector_region(t, at));
}

int clioi_sparse_lu_factor(clioi_sparse_lu *s, const clio_table *t, double *rcond,
                           clio_error *err)
{
    *rcond = 1.0;
    if (s->n == 0)
        return CLIO_OK;
    char task[64];
    snprintf(task, sizeof task, "factorising I - A (n = %zu, sparse)", s->n);
    clioi_progress(task, 0.0);
    int st = (int)umfpack_dl_numeric(s->Ap, s->Ai, s->Ax, s->symbolic, &s->numeric, s->control,
                                     s->info);
    clioi_progress(task, 1.0);
    if (st == UMFPACK_WARNING_singular_matrix)
        return singular_failure(s, t, err);
    if (st != UMFPACK_OK)
        return umfpack_failure(s, st, "numeric factorisation", err);
    *rcond = s->info[UMFPACK_RCOND];
    if (!isfinite(*rcond))
        *rcond = 0;
    return CLIO_OK;
}

int clioi_sparse_lu_solve(const clioi_sparse_lu *s, int transpose, size_t nrhs, double *B,
                          size_t ldb, clio_error *err)
{
    size_t n = s->n;
    double info[UMFPACK_INFO];
    /* wsolve's work: Wi n, W 5n with iterative refinement; b a copy of the
     * right-hand side (UMFPACK needs X and B apart). */
    SuiteSparse_long *Wi = malloc((n ? n : 1) * sizeof *Wi);
    double *W = malloc(6 * (n ? n : 1) * sizeof *W), *b = W + 5 * n;
    int status = CLIO_OK;
    if (!Wi || !W)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a sparse solve (n = %zu)", n);
    for (size_t c = 0; status == CLIO_OK && c < nrhs; c++) {
        double *x = B + c * ldb;
        memcpy(b, x, n * sizeof *b);
        int st = (int)umfpack_dl_wsolve(transpose ? UMFPACK_At : UMFPACK_A, s->Ap, s->Ai, s->Ax,
                                        x, b, s->numeric, s->control, info, Wi, W);
        if (st != UMFPACK_OK)
            status = st == UMFPACK_WARNING_singular_matrix
                         ? clioi_fail(err, CLIO_ESINGULAR, "I - A is singular")
                         : umfpack_failure(s, st, "solve", err);
    }
    free(Wi);
    free(W);
    return status;
}

void clioi_sparse_lu_describe(const clioi_sparse_lu *s, char *buf, size_t size)
{
    const double *in = s->info;
    double lu = s->numeric ? in[UMFPACK_LNZ] + in[UMFPACK_UNZ] - (double)s->n
                           : in[UMFPACK_LNZ_ESTIMATE] + in[UMFPACK_UNZ_ESTIMATE] - (double)s->n;
    int used = (int)in[UMFPACK_ORDERING_USED];
    const char *ordering = used == UMFPACK_ORDERING_CHOLMOD ? "CHOLMOD"
                           : used == UMFPACK_ORDERING_METIS ? "METIS"
                           : used != UMFPACK_ORDERING_AMD   ? "given"
                           : in[UMFPACK_STRATEGY_USED] == UMFPACK_STRATEGY_SYMMETRIC ? "AMD"
                                                                                    : "COLAMD";
    snprintf(buf, size, "nnz(I - A) = %zu, nnz(L + U) = %.0f (fill %.2gx), %s ordering", s->nnz,
             lu, s->nnz ? lu / (double)s->nnz : 0.0, ordering);
}
