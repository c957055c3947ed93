/* csv_matrix.c -- labelled numeric matrices from CSV (keys in the first
 * row and column), the building block of the matrix-set folder format. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

void clioi_lmatrix_free(clioi_lmatrix *m)
{
    if (!m)
        return;
    /* the key arrays may be missing when their allocation failed */
    for (size_t i = 0; m->row_keys && i < m->rows; i++)
        free(m->row_keys[i]);
    for (size_t i = 0; m->units && i < m->rows; i++)
        free(m->units[i]);
    for (size_t j = 0; m->col_keys && j < m->cols; j++)
        free(m->col_keys[j]);
    free(m->row_keys);
    free(m->row_lines);
    free(m->col_keys);
    free(m->units);
    free(m->values);
    free(m->path);
    free(m->corner);
    free(m);
}

/* Move a field out of the grid (the grid frees NULLs harmlessly). */
static char *take(clioi_csv_row *row, size_t col)
{
    char *s = row->fields[col];
    row->fields[col] = NULL;
    return s;
}

int clioi_lmatrix_read(const char *path, int allow_units, clioi_lmatrix **out, clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clioi_lmatrix *m = calloc(1, sizeof *m);
    if (!m) {
        clioi_csv_free(csv);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    }
    if (csv->nrows == 0) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
        goto fail;
    }
    clioi_csv_row *header = &csv->rows[0];
    size_t first = 1;
    if (allow_units && header->nfields >= 2 && strcmp(header->fields[1], "unit") == 0)
        first = 2;
    if (header->nfields < first) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the header has no column keys", path,
                            header->line);
        goto fail;
    }
    m->path = clioi_strdup(path);
    m->corner = take(header, 0);
    m->rows = csv->nrows - 1;
    m->cols = header->nfields - first;
    m->row_keys = clioi_calloc_array(m->rows, sizeof(char *));
    m->row_lines = clioi_calloc_array(m->rows, sizeof(size_t));
    m->col_keys = clioi_calloc_array(m->cols, sizeof(char *));
    m->units = first == 2 ? clioi_calloc_array(m->rows, sizeof(char *)) : NULL;
    m->values = clioi_alloc_matrix(m->rows, m->cols);
    if (!m->path || !m->row_keys || !m->row_lines || !m->col_keys || !m->values ||
        (first == 2 && !m->units)) {
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
        goto fail;
    }
    for (size_t j = 0; j < m->cols; j++) {
        m->col_keys[j] = take(header, first + j);
        if (!*m->col_keys[j]) {
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: column %zu has an empty key", path,
                                header->line, first + j + 1);
            goto fail;
        }
    }
    for (size_t i = 0; i < m->rows; i++) {
        clioi_csv_row *row = &csv->rows[i + 1];
        if ((status = clioi_csv_check_width(csv, row, err)) != CLIO_OK)
            goto fail;
        m->row_lines[i] = row->line;
        m->row_keys[i] = take(row, 0);
        if (!*m->row_keys[i]) {
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: the row key is empty", path,
                                row->line);
            goto fail;
        }
        if (m->units)
            m->units[i] = take(row, 1);
        for (size_t j = 0; j < m->cols; j++) {
            status = clioi_csv_number(csv, row, first + j, m->col_keys[j],
                                      &m->values[i + j * m->rows], err);
            if (status != CLIO_OK)
                goto fail;
        }
    }
    clioi_csv_free(csv);
    *out = m;
    return CLIO_OK;
fail:
    clioi_csv_free(csv);
    clioi_lmatrix_free(m);
    return status;
}
