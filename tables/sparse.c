/* sparse.c -- sparse (CSC) matrices and the conversions of a table between
 * dense and sparse Z. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

clio_sparse *clio_sparse_alloc(size_t n, size_t nnz)
{
    clio_sparse *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->n = n;
    s->nnz = nnz;
    s->colptr = clioi_calloc_array(n + 1, sizeof *s->colptr);
    s->rowind = clioi_calloc_array(nnz, sizeof *s->rowind);
    s->values = clioi_calloc_array(nnz, sizeof *s->values);
    if (!s->colptr || !s->rowind || !s->values) {
        clio_sparse_free(s);
        return NULL;
    }
    return s;
}

void clio_sparse_free(clio_sparse *s)
{
    if (!s)
        return;
    free(s->colptr);
    free(s->rowind);
    free(s->values);
    free(s);
}

int clio_table_densify(clio_table *t, clio_error *err)
{
    if (!clio_table_is_sparse(t))
        return CLIO_OK;
    double *Z;
    int status = clioi_table_dense_z(t, &Z, err);
    if (status != CLIO_OK)
        return status;
    t->Z = Z;
    clio_sparse_free(t->Zs);
    t->Zs = NULL;
    return CLIO_OK;
}

int clio_table_sparsify(clio_table *t, clio_error *err)
{
    if (!t->Z)
        return CLIO_OK;
    size_t n = t->n, nnz = 0;
    for (size_t k = 0; k < n * n; k++)
        nnz += t->Z[k] != 0.0;
    clio_sparse *s = clio_sparse_alloc(n, nnz);
    if (!s)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for %zu non-zero flows", nnz);
    size_t p = 0;
    for (size_t j = 0; j < n; j++) {
        s->colptr[j] = (int64_t)p;
        for (size_t i = 0; i < n; i++)
            if (t->Z[i + n * j] != 0.0) {
                s->rowind[p] = (int64_t)i;
                s->values[p++] = t->Z[i + n * j];
            }
    }
    s->colptr[n] = (int64_t)p;
    free(t->Z);
    t->Z = NULL;
    t->Zs = s;
    return CLIO_OK;
}

int clioi_sparse_validate(const clio_sparse *s, size_t n, int finite, clioi_sparse_fault *fault)
{
    fault->kind = CLIOI_SPARSE_OK;
    fault->column = fault->position = 0;
    if (s->colptr[0] != 0) {
        fault->kind = CLIOI_SPARSE_START;
        return -1;
    }
    for (size_t j = 0; j < n; j++) {
        int64_t p0 = s->colptr[j], p1 = s->colptr[j + 1];
        fault->column = j;
        if (p1 < p0 || (uint64_t)p1 > s->nnz) {
            fault->kind = p1 < p0 ? CLIOI_SPARSE_DECREASING : CLIOI_SPARSE_PAST_END;
            fault->position = j + 1;
            return -1;
        }
        for (int64_t p = p0; p < p1; p++) {
            int64_t i = s->rowind[p];
            fault->position = (size_t)p;
            if (i < 0 || (uint64_t)i >= n) {
                fault->kind = CLIOI_SPARSE_ROW_RANGE;
                return -1;
            }
            if (p > p0 && i <= s->rowind[p - 1]) {
                fault->kind = CLIOI_SPARSE_ROW_ORDER;
                return -1;
            }
            if (finite && !isfinite(s->values[p])) {
                fault->kind = CLIOI_SPARSE_NONFINITE;
                return -1;
            }
        }
    }
    if ((uint64_t)s->colptr[n] != s->nnz) {
        fault->kind = CLIOI_SPARSE_END;
        fault->column = n;
        fault->position = n;
        return -1;
    }
    return 0;
}

int clioi_table_dense_z(const clio_table *t, double **owned, clio_error *err)
{
    *owned = NULL;
    if (t->Z || !t->Zs)
        return CLIO_OK;
    const clio_sparse *s = t->Zs;
    double *Z = clioi_alloc_matrix(t->n, t->n);
    if (!Z)
        return clioi_fail(err, CLIO_ENOMEM,
                          "out of memory for the dense %zu x %zu intermediate flows (%.1f GiB) "
                          "of a sparse table",
                          t->n, t->n, (double)t->n * (double)t->n * 8.0 / 1073741824.0);
    for (size_t j = 0; j < t->n; j++)
        for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++)
            Z[(size_t)s->rowind[p] + t->n * j] = s->values[p];
    *owned = Z;
    return CLIO_OK;
}

int clioi_table_dense_view(const clio_table *t, clio_table *view, double **owned,
                           clio_error *err)
{
    *view = *t;
    int status = clioi_table_dense_z(t, owned, err);
    if (status == CLIO_OK && *owned) {
        view->Z = *owned;
        view->Zs = NULL;
    }
    return status;
}

clio_sparse *clioi_sparse_copy(const clio_sparse *s)
{
    clio_sparse *c = clio_sparse_alloc(s->n, s->nnz);
    if (!c)
        return NULL;
    memcpy(c->colptr, s->colptr, (s->n + 1) * sizeof *c->colptr);
    memcpy(c->rowind, s->rowind, s->nnz * sizeof *c->rowind);
    memcpy(c->values, s->values, s->nnz * sizeof *c->values);
    return c;
}
