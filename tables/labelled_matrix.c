/* labelled_matrix.c -- clio_matrix: any matrix with row and column names,
 * read from and written to the labelled CSV layout of matrix-set files. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

void clio_matrix_free(clio_matrix *m)
{
    if (!m)
        return;
    clioi_free_labels(m->row_names, m->rows);
    clioi_free_labels(m->col_names, m->cols);
    free(m->corner);
    free(m->values);
    free(m);
}

int clio_matrix_read_csv(const char *path, clio_matrix **out, clio_error *err)
{
    *out = NULL;
    clioi_lmatrix *lm;
    int status = clioi_lmatrix_read(path, 0, &lm, err);
    if (status != CLIO_OK)
        return status;
    status = clioi_check_unique(lm->row_keys, lm->rows, "row name", err);
    if (status == CLIO_OK)
        status = clioi_check_unique(lm->col_keys, lm->cols, "column name", err);
    if (status != CLIO_OK) {
        clioi_lmatrix_free(lm);
        return err ? clioi_fail(err, status, "%s: %s", path, err->message) : status;
    }
    clio_matrix *m = calloc(1, sizeof *m);
    if (!m) {
        clioi_lmatrix_free(lm);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    }
    m->corner = lm->corner;
    lm->corner = NULL;
    m->rows = lm->rows;
    m->cols = lm->cols;
    m->row_names = lm->row_keys;
    m->col_names = lm->col_keys;
    m->values = lm->values;
    lm->row_keys = NULL;
    lm->col_keys = NULL;
    lm->values = NULL;
    lm->rows = lm->cols = 0;
    clioi_lmatrix_free(lm);
    *out = m;
    return CLIO_OK;
}

int clio_matrix_write_csv(const clio_matrix *m, const char *path, clio_error *err)
{
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    clioi_csv_write_field(a.fp, m->corner ? m->corner : "label");
    for (size_t j = 0; j < m->cols; j++) {
        fputc(',', a.fp);
        clioi_csv_write_field(a.fp, m->col_names[j]);
    }
    fputc('\n', a.fp);
    for (size_t i = 0; i < m->rows; i++) {
        clioi_csv_write_field(a.fp, m->row_names[i]);
        for (size_t j = 0; j < m->cols; j++) {
            fputc(',', a.fp);
            clioi_csv_write_number(a.fp, m->values[i + j * m->rows]);
        }
        fputc('\n', a.fp);
    }
    return clioi_atomic_commit(&a, err);
}
