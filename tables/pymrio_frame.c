/* pymrio_frame.c -- one table of a pymrio folder, as pandas' to_csv
 * writes a DataFrame with a (multi-)index: nr_header header rows, for
 * several header rows one more row naming the index levels, then rows of
 * nr_index_col labels followed by numbers.  Multi-level labels become
 * keys joined by '|' ("reg1|food"), clio's own key form. */
#include "pymrio.h"

#include <stdlib.h>
#include <string.h>

/* Join the non-empty fields[first..first+count) with '|'. */
static char *join_levels(char *const *fields, size_t count)
{
    size_t len = 1;
    for (size_t k = 0; k < count; k++)
        len += strlen(fields[k]) + 1;
    char *key = malloc(len);
    if (!key)
        return NULL;
    key[0] = '\0';
    for (size_t k = 0; k < count; k++) {
        if (!*fields[k])
            continue;
        if (key[0])
            strcat(key, "|");
        strcat(key, fields[k]);
    }
    return key;
}

/* The row after several header rows names the index levels when it has no
 * data: every field after the index columns is empty. */
static int is_index_names_row(const clioi_csv_row *row, size_t nic)
{
    for (size_t c = nic; c < row->nfields; c++)
        if (row->fields[c][0])
            return 0;
    return 1;
}

static int build(pymrio_frame *m, const clioi_csv *csv, int as_text, clio_error *err)
{
    size_t nic = m->nr_index_col, nh = m->nr_header;
    if (csv->nrows < nh)
        return clioi_fail(err, CLIO_EFORMAT, "%s: %zu header row(s) expected (nr_header), the file "
                                             "has %zu row(s)",
                          m->path, nh, csv->nrows);
    const clioi_csv_row *head = &csv->rows[0];
    m->header_line = head->line;
    if (head->nfields <= nic)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: no columns after the %zu index column(s)",
                          m->path, head->line, nic);
    m->cols = head->nfields - nic;
    for (size_t r = 1; r < nh; r++)
        if (csv->rows[r].nfields != head->nfields)
            return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: %zu fields, but the first header row has %zu",
                              m->path, csv->rows[r].line, csv->rows[r].nfields, head->nfields);
    size_t first = nh;
    if (nh > 1 && first < csv->nrows && is_index_names_row(&csv->rows[first], nic))
        first++;
    m->rows = csv->nrows - first;
    m->col_keys = clioi_calloc_array(m->cols, sizeof *m->col_keys);
    m->row_keys = clioi_calloc_array(m->rows, sizeof *m->row_keys);
    m->row_lines = clioi_calloc_array(m->rows, sizeof *m->row_lines);
    if (as_text)
        m->text = clioi_calloc_array(m->rows * m->cols, sizeof *m->text);
    else
        m->values = clioi_alloc_matrix(m->rows, m->cols);
    char **levels = clioi_calloc_array(nh > nic ? nh : nic, sizeof *levels);
    int status = CLIO_OK;
    if (!m->col_keys || !m->row_keys || !m->row_lines || !levels ||
        (as_text ? !m->text : !m->values)) {
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", m->path);
        goto done;
    }
    for (size_t c = 0; c < m->cols; c++) {
        for (size_t r = 0; r < nh; r++)
            levels[r] = csv->rows[r].fields[nic + c];
        if (!(m->col_keys[c] = join_levels(levels, nh))) {
            status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", m->path);
            goto done;
        }
    }
    for (size_t i = 0; i < m->rows && status == CLIO_OK; i++) {
        const clioi_csv_row *row = &csv->rows[first + i];
        m->row_lines[i] = row->line;
        if (row->nfields != head->nfields) {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: %zu fields, but the header has %zu",
                                m->path, row->line, row->nfields, head->nfields);
            break;
        }
        if (!(m->row_keys[i] = join_levels(row->fields, nic))) {
            status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", m->path);
            break;
        }
        for (size_t c = 0; c < m->cols && status == CLIO_OK; c++) {
            if (as_text) {
                if (!(m->text[i + c * m->rows] = clioi_strdup(row->fields[nic + c])))
                    status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", m->path);
            } else {
                status = clioi_csv_number(csv, row, nic + c, m->col_keys[c],
                                          &m->values[i + c * m->rows], err);
            }
        }
    }
done:
    free(levels);
    return status;
}

int pymrio_frame_read(const char *dir, const pymrio_file *f, int as_text, pymrio_frame **out,
                      clio_error *err)
{
    *out = NULL;
    pymrio_frame *m = calloc(1, sizeof *m);
    if (!m || !(m->path = pymrio_join(dir, f->name))) {
        free(m);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    m->nr_index_col = f->nr_index_col;
    m->nr_header = f->nr_header;
    clioi_csv *csv = NULL;
    int status = clioi_csv_read(m->path, &csv, err);
    if (status == CLIO_OK)
        status = build(m, csv, as_text, err);
    clioi_csv_free(csv);
    if (status != CLIO_OK) {
        pymrio_frame_free(m);
        return status;
    }
    *out = m;
    return CLIO_OK;
}

void pymrio_frame_free(pymrio_frame *m)
{
    if (!m)
        return;
    clioi_free_labels(m->row_keys, m->rows);
    clioi_free_labels(m->col_keys, m->cols);
    if (m->text)
        clioi_free_labels(m->text, m->rows * m->cols);
    free(m->row_lines);
    free(m->values);
    free(m->path);
    free(m);
}

int pymrio_keys_match(const pymrio_frame *m, int rows, char *const *expected, size_t n,
                      const char *expected_from, clio_error *err)
{
    size_t got = rows ? m->rows : m->cols;
    char *const *keys = rows ? m->row_keys : m->col_keys;
    if (got != n)
        return clioi_fail(err, CLIO_EDIM, "%s: %zu %s, but %s has %zu", m->path, got,
                          rows ? "rows" : "columns", expected_from, n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(keys[i], expected[i]) != 0)
            return clioi_fail(err, CLIO_ELABEL,
                              "%s:%zu: %s %zu is '%s' but %s has '%s' there (labels and their "
                              "order must match)",
                              m->path, rows ? m->row_lines[i] : m->header_line,
                              rows ? "row" : "column", i + 1, keys[i], expected_from,
                              expected[i]);
    return CLIO_OK;
}
