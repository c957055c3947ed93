/* balance_csv.c -- the inputs of balancing a labelled matrix: row or
 * column targets (`label,target`) and fixed cells (`row,column[,value]`). */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

static int read_with_header(const char *path, clioi_csv **csv, clio_error *err)
{
    int status = clioi_csv_read(path, csv, err);
    if (status == CLIO_OK && (*csv)->nrows == 0) {
        clioi_csv_free(*csv);
        *csv = NULL;
        return clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
    }
    return status;
}

int clio_matrix_targets_read_csv(const char *path, const clio_matrix *m, int by_column,
                                 double *targets, clio_error *err)
{
    char *const *names = by_column ? m->col_names : m->row_names;
    size_t count = by_column ? m->cols : m->rows;
    const char *what = by_column ? "column" : "row";
    clioi_csv *csv;
    int status = read_with_header(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    size_t label, target;
    unsigned char *seen = clioi_calloc_array(count, 1);
    if (!seen)
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    if (status == CLIO_OK &&
        (status = clioi_csv_need_column(csv, "label", &label, err)) == CLIO_OK)
        status = clioi_csv_need_column(csv, "target", &target, err);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        clioi_csv_row *row = &csv->rows[r];
        if ((status = clioi_csv_check_width(csv, row, err)) != CLIO_OK)
            break;
        size_t k = clioi_find_label(names, count, row->fields[label]);
        if (k == CLIO_NONE)
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: the matrix has no %s '%s'", path,
                                row->line, what, row->fields[label]);
        else if (seen[k])
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: %s '%s' has a second target", path,
                                row->line, what, names[k]);
        else {
            seen[k] = 1;
            status = clioi_csv_number(csv, row, target, "target", &targets[k], err);
        }
    }
    for (size_t k = 0; status == CLIO_OK && k < count; k++)
        if (!seen[k])
            status = clioi_fail(err, CLIO_ELABEL, "%s: no target for %s '%s'", path, what,
                                names[k]);
    free(seen);
    clioi_csv_free(csv);
    return status;
}

int clio_matrix_fixed_read_csv(const char *path, clio_matrix *m, unsigned char *fixed,
                               clio_error *err)
{
    clioi_csv *csv;
    int status = read_with_header(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    size_t rcol, ccol, vcol = clioi_csv_column(&csv->rows[0], "value");
    if ((status = clioi_csv_need_column(csv, "row", &rcol, err)) == CLIO_OK)
        status = clioi_csv_need_column(csv, "column", &ccol, err);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        clioi_csv_row *row = &csv->rows[r];
        if ((status = clioi_csv_check_width(csv, row, err)) != CLIO_OK)
            break;
        size_t i = clioi_find_label(m->row_names, m->rows, row->fields[rcol]);
        size_t j = clioi_find_label(m->col_names, m->cols, row->fields[ccol]);
        if (i == CLIO_NONE || j == CLIO_NONE) {
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: the matrix has no %s '%s'", path,
                                row->line, i == CLIO_NONE ? "row" : "column",
                                i == CLIO_NONE ? row->fields[rcol] : row->fields[ccol]);
            break;
        }
        fixed[i + j * m->rows] = 1;
        if (vcol != CLIO_NONE && *row->fields[vcol])
            status = clioi_csv_number(csv, row, vcol, "value", &m->values[i + j * m->rows], err);
    }
    clioi_csv_free(csv);
    return status;
}

int clio_margins_read_csv(const char *path, const clio_table *t, double *x, double *fd,
                          double *va, clio_error *err)
{
    static const char *const required[] = {"output", "final_demand", "value_added", NULL};
    double *const dest[] = {x, fd, va};
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    unsigned char *seen = clioi_calloc_array(t->n, 1);
    clioi_keyed_columns key;
    size_t cols[3];
    if (!seen)
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    if (status == CLIO_OK)
        status = clioi_keyed_csv_header(csv, t, required, NULL, &key, cols, err);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        size_t i;
        status = clioi_keyed_csv_row(csv, r, t, &key, &i, err);
        if (status == CLIO_OK && seen[i]) {
            char *k = clioi_key_dup(t, clio_table_sector_key, i);
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: sector '%s' appears twice", path,
                                csv->rows[r].line, k ? k : "?");
            free(k);
        }
        for (int c = 0; c < 3 && status == CLIO_OK; c++)
            status = clioi_csv_number(csv, &csv->rows[r], cols[c], required[c], &dest[c][i], err);
        if (status == CLIO_OK)
            seen[i] = 1;
    }
    for (size_t i = 0; status == CLIO_OK && i < t->n; i++)
        if (!seen[i]) {
            char *k = clioi_key_dup(t, clio_table_sector_key, i);
            status = clioi_fail(err, CLIO_ELABEL, "%s: no margins for sector '%s'", path,
                                k ? k : "?");
            free(k);
        }
    free(seen);
    clioi_csv_free(csv);
    return status;
}
