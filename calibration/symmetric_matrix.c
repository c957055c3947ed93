/* symmetric_matrix.c -- direct and total requirement matrices of a make-use
 * system from B and T (BEA Tables 5-8): B T, T B, (I - B T)^-1,
 * T (I - B T)^-1, (I - T B)^-1, and their labelled CSV files. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

/* (I - M)^-1 into a new matrix; M (n x n) is consumed. */
static int total_of(size_t n, double *M, double **out, clio_error *err)
{
    double *inv = clioi_alloc_matrix(n, n);
    if (!inv)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < n; i++)
            M[i + j * n] = -M[i + j * n];
        M[j + j * n] += 1;
        inv[j + j * n] = 1;
    }
    int status = clioi_dense_solve(n, M, n, inv, err);
    if (status != CLIO_OK) {
        free(inv);
        return status == CLIO_ESINGULAR
                   ? clioi_fail(err, CLIO_ESINGULAR, "I minus the direct requirements is singular")
                   : status;
    }
    *out = inv;
    return CLIO_OK;
}

int clio_symmetric_matrix(const clio_symmetric *m, int which, double **out, size_t *rows,
                          size_t *cols, clio_error *err)
{
    *out = NULL;
    if (!m)
        return clioi_fail(err, CLIO_EINVAL, "clio_symmetric_matrix: NULL coefficients");
    size_t nc = m->nc, ni = m->ni;
    int by_industry = which == CLIO_REQ_DIRECT_INDUSTRY || which == CLIO_REQ_TOTAL_INDUSTRY;
    size_t n = by_industry ? ni : nc;
    double *M = NULL;
    switch (which) {
    case CLIO_REQ_DIRECT_COMMODITY_INDUSTRY:
    case CLIO_REQ_TRANSFORMATION: {
        int is_b = which == CLIO_REQ_DIRECT_COMMODITY_INDUSTRY;
        *rows = is_b ? nc : ni;
        *cols = is_b ? ni : nc;
        if (!(M = clioi_alloc_matrix(*rows, *cols)))
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        memcpy(M, is_b ? m->B : m->T, nc * ni * sizeof *M);
        *out = M;
        return CLIO_OK;
    }
    case CLIO_REQ_DIRECT_COMMODITY:
    case CLIO_REQ_DIRECT_INDUSTRY:
    case CLIO_REQ_TOTAL_COMMODITY:
    case CLIO_REQ_TOTAL_INDUSTRY:
    case CLIO_REQ_TOTAL_INDUSTRY_COMMODITY:
        break;
    default: return clioi_fail(err, CLIO_EINVAL, "unknown requirement matrix %d", which);
    }
    if (!(M = clioi_alloc_matrix(n, n)))
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (by_industry)
        clioi_dense_gemm(ni, ni, nc, m->T, m->B, M); /* T B */
    else
        clioi_dense_gemm(nc, nc, ni, m->B, m->T, M); /* B T */
    *rows = *cols = n;
    if (which == CLIO_REQ_DIRECT_COMMODITY || which == CLIO_REQ_DIRECT_INDUSTRY) {
        *out = M;
        return CLIO_OK;
    }
    double *L = NULL;
    int status = total_of(n, M, &L, err);
    free(M);
    if (status != CLIO_OK)
        return status;
    if (which != CLIO_REQ_TOTAL_INDUSTRY_COMMODITY) {
        *out = L;
        return CLIO_OK;
    }
    double *TL = clioi_alloc_matrix(ni, nc);
    if (!TL) {
        free(L);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    clioi_dense_gemm(ni, nc, nc, m->T, L, TL);
    free(L);
    *rows = ni;
    *cols = nc;
    *out = TL;
    return CLIO_OK;
}

int clio_symmetric_matrix_save_csv(const clio_sut *s, const clio_symmetric *m, int which,
                                   const char *path, clio_error *err)
{
    if (!s || !m || !path || s->nc != m->nc || s->ni != m->ni)
        return clioi_fail(err, CLIO_EINVAL, "clio_symmetric_matrix_save_csv: invalid argument");
    double *M;
    size_t rows, cols;
    int status = clio_symmetric_matrix(m, which, &M, &rows, &cols, err);
    if (status != CLIO_OK)
        return status;
    int rows_ind = which == CLIO_REQ_TRANSFORMATION || which == CLIO_REQ_DIRECT_INDUSTRY ||
                   which == CLIO_REQ_TOTAL_INDUSTRY || which == CLIO_REQ_TOTAL_INDUSTRY_COMMODITY;
    int cols_ind = which == CLIO_REQ_DIRECT_COMMODITY_INDUSTRY ||
                   which == CLIO_REQ_DIRECT_INDUSTRY || which == CLIO_REQ_TOTAL_INDUSTRY;
    char *const *rk = rows_ind ? s->industries : s->commodities;
    char *const *ck = cols_ind ? s->industries : s->commodities;
    clioi_atomic a;
    status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK) {
        free(M);
        return status;
    }
    clioi_csv_write_field(a.fp, rows_ind ? "industry" : "commodity");
    for (size_t j = 0; j < cols; j++) {
        fputc(',', a.fp);
        clioi_csv_write_field(a.fp, ck[j]);
    }
    fputc('\n', a.fp);
    for (size_t i = 0; i < rows; i++) {
        clioi_csv_write_field(a.fp, rk[i]);
        for (size_t j = 0; j < cols; j++) {
            fputc(',', a.fp);
            clioi_csv_write_number(a.fp, M[i + j * rows]);
        }
        fputc('\n', a.fp);
    }
    free(M);
    return clioi_atomic_commit(&a, err);
}
