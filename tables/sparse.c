/* sparse.c -- sparse (CSC) matrices and the conversions of a table between
 * dense and sparse Z. */
#include "clioi.h"

#include <stdlib.h>

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
    const clio_sparse *s = t->Zs;
    double *Z = clioi_alloc_matrix(t->n, t->n);
    if (!Z)
        return clioi_fail(err, CLIO_ENOMEM,
                          "out of memory for the dense %zu x %zu intermediate flows (%.1f GiB)",
                          t->n, t->n, (double)t->n * (double)t->n * 8.0 / 1073741824.0);
    for (size_t j = 0; j < t->n; j++)
        for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++)
            Z[(size_t)s->rowind[p] + t->n * j] = s->values[p];
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
