/* sparse_setup.c -- what clio_leontief_factor_opts reads from a sparse
 * table's Zs (CSC) instead of the dense Z: the norms of A = Zs xhat^-1 for
 * the iterative methods and the automatic choice, and the dense I - A for
 * `--method lu` on a sparse table (when the memory budget allows one n x n
 * matrix; strategy.c checks it); and the refusal of analyses that need the
 * dense Z itself. */
#include "factor.h"

#include <math.h>
#include <stdlib.h>

int clioi_measure_a_sparse(const clio_table *t, clio_leontief *f, clioi_a_norms *nm)
{
    size_t n = t->n;
    const clio_sparse *s = t->Zs;
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
        double col = 0, colsigned = 0, ajj = 0;
        for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++) {
            size_t i = (size_t)s->rowind[p];
            double a = s->values[p] * inv;
            col += fabs(a);
            colsigned += a;
            row[i] += fabs(a);
            if (a < 0)
                f->nonnegative = 0;
            if (i == j)
                ajj = a;
        }
        double c1 = col - fabs(ajj) + fabs(1.0 - ajj);
        f->colmax = col > f->colmax ? col : f->colmax;
        nm->norm1_i_minus_a = c1 > nm->norm1_i_minus_a ? c1 : nm->norm1_i_minus_a;
        nm->mincol = colsigned < nm->mincol ? colsigned : nm->mincol;
    }
    for (size_t i = 0; i < n; i++) {
        f->rowmax = row[i] > f->rowmax ? row[i] : f->rowmax;
        nm->minrow = row[i] < nm->minrow ? row[i] : nm->minrow;
    }
    free(row);
    return CLIO_OK;
}

double clioi_dense_i_minus_a_from_sparse(const clio_table *t, double *m)
{
    size_t n = t->n;
    const clio_sparse *s = t->Zs;
    double norm = 0;
    for (size_t j = 0; j < n; j++) {
        double scale = t->x[j] != 0 ? -1.0 / t->x[j] : 0.0, *col = m + j * n, colsum = 0;
        for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++) {
            double v = s->values[p] * scale;
            col[s->rowind[p]] = v;
            colsum += fabs(v);
        }
        colsum += fabs(1.0 + col[j]) - fabs(col[j]);
        col[j] += 1.0;
        norm = colsum > norm ? colsum : norm;
    }
    return norm;
}

int clioi_need_dense_z(const clio_table *t, const char *what, clio_error *err)
{
    if (t->Z)
        return CLIO_OK;
    if (t->Zs)
        return clioi_fail(err, CLIO_EINVAL,
                          "%s needs Z, the dense flows, but the table is sparse (%zu non-zeros "
                          "in %zu x %zu): densify it first (clio_table_densify) if memory allows",
                          what, t->Zs->nnz, t->n, t->n);
    return clioi_fail(err, CLIO_EINVAL,
                      "%s needs Z, the flows, but the table's Z was consumed by a factorisation "
                      "(factor without CLIO_FACTOR_CONSUME_Z)",
                      what);
}
