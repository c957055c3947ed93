/* sparse_setup.c -- what clio_leontief_factor_opts reads from a sparse
 * table's Zs (CSC) instead of the dense Z: the dense I - A for
 * `--method lu` on a sparse table (when the memory budget allows one n x n
 * matrix; strategy.c checks it); and the refusal of analyses that need the
 * dense Z itself. */
#include "factor.h"

#include <math.h>
#include <stdlib.h>

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
