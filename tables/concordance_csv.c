/* concordance_csv.c -- read a concordance (sector or region -> group) from
 * CSV, in long form (columns KEY,group, one row per label) or as a 0/1
 * matrix (KEY then one column per group, exactly one 1 per row).  Every
 * message names file and line. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

/* Long form: the columns `key` and "group", found by name. */
static int read_long(const clioi_csv *csv, size_t c_key, size_t c_group, clio_concordance *c,
                     clio_error *err)
{
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        int status = clioi_csv_check_width(csv, row, err);
        if (status == CLIO_OK)
            status = clio_concordance_add(c, row->fields[c_key], row->fields[c_group], row->line,
                                          err);
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

/* The group of one matrix row: the column holding its only 1. */
static int matrix_row_group(const clioi_csv *csv, const clioi_csv_row *row, size_t *group,
                            clio_error *err)
{
    const clioi_csv_row *header = &csv->rows[0];
    size_t ones = 0;
    for (size_t j = 1; j < header->nfields; j++) {
        double v;
        int status = clioi_csv_number(csv, row, j, header->fields[j], &v, err);
        if (status != CLIO_OK)
            return status;
        if (v != 0 && v != 1)
            return clioi_fail(err, CLIO_EFORMAT,
                              "%s:%zu: column '%s': a 0/1 concordance holds 0 or 1, not '%s'",
                              csv->path, row->line, header->fields[j], row->fields[j]);
        if (v == 1) {
            ones++;
            *group = j;
        }
    }
    if (ones != 1)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: '%s' has %zu groups marked 1: a 0/1 concordance needs "
                          "exactly one per row",
                          csv->path, row->line, row->fields[0], ones);
    return CLIO_OK;
}

/* Matrix form: labels in the first column, group names in the header. */
static int read_matrix(const clioi_csv *csv, clio_concordance *c, clio_error *err)
{
    const clioi_csv_row *header = &csv->rows[0];
    for (size_t j = 1; j < header->nfields; j++)
        if (!*header->fields[j])
            return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: group column %zu has no name", csv->path,
                              header->line, j + 1);
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        size_t j = 0;
        int status = clioi_csv_check_width(csv, row, err);
        if (status == CLIO_OK)
            status = matrix_row_group(csv, row, &j, err);
        if (status == CLIO_OK)
            status = clio_concordance_add(c, row->fields[0], header->fields[j], row->line, err);
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

/* Choose the form from the header and read the rows. */
static int read_rows(const clioi_csv *csv, const char *key, clio_concordance *c, clio_error *err)
{
    if (csv->nrows == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", csv->path);
    const clioi_csv_row *header = &csv->rows[0];
    size_t c_key = clioi_csv_column(header, key);
    size_t c_group = clioi_csv_column(header, "group");
    int status;
    if (c_key != CLIO_NONE && c_group != CLIO_NONE)
        status = read_long(csv, c_key, c_group, c, err);
    else if (c_key == 0 && header->nfields >= 2)
        status = read_matrix(csv, c, err);
    else
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: the header needs the columns '%s' and 'group' (or, for a "
                          "0/1 matrix, '%s' first and then one column per group)",
                          csv->path, header->line, key, key);
    if (status == CLIO_OK && c->n == 0)
        status =
            clioi_fail(err, CLIO_EFORMAT, "%s: no entries: the file has only a header", csv->path);
    return status;
}

int clio_concordance_read_csv(const char *path, const char *key, clio_concordance **out,
                              clio_error *err)
{
    if (!path || !key || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_concordance_read_csv: NULL argument");
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clio_concordance *c = clio_concordance_alloc();
    if (!c || !(c->path = clioi_strdup(path)))
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else
        status = read_rows(csv, key, c, err);
    clioi_csv_free(csv);
    if (status != CLIO_OK) {
        clio_concordance_free(c);
        return status;
    }
    *out = c;
    return CLIO_OK;
}
