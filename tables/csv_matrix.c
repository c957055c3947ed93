/* csv_matrix.c -- labelled numeric matrices from CSV (keys in the first
 * row and column), the building block of the matrix-set folder format.
 * Read as a stream (clioi_csv_stream): a 9,800 x 9,800 Z.csv never exists
 * as 96 million strings, only as its doubles plus one row of text. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* Rows parsed into a small row-major block, then copied into the
 * column-major values a block at a time: writes along columns stay
 * contiguous (a row written straight into a 9,800-column matrix would touch
 * 9,800 pages). */
#define BLOCK_ROWS 32

typedef struct matrix_builder {
    clioi_lmatrix *m;
    int allow_units;
    size_t first;         /* first value column: 1, or 2 after "unit" */
    clioi_csv_row header; /* line and width, for the shared messages */
    clioi_csv csv;        /* path + header: what those messages need */
    size_t keys_cap;      /* of row_keys, row_lines, units */
    size_t stored;        /* rows already in values */
    size_t cap;           /* rows values has room for (its column stride) */
    double size;          /* of the file in bytes; 0 when unknown (a pipe) */
    double *block;        /* BLOCK_ROWS x cols, row-major */
    size_t nblock;
} matrix_builder;

static int nomem(const matrix_builder *b, clio_error *err)
{
    return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", b->m->path);
}

static int read_header(matrix_builder *b, const clioi_csv_row *row, clio_error *err)
{
    clioi_lmatrix *m = b->m;
    b->header.line = row->line;
    b->header.nfields = row->nfields;
    b->first = b->allow_units && row->nfields >= 2 && strcmp(row->fields[1], "unit") == 0 ? 2 : 1;
    if (row->nfields < b->first)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the header has no column keys", m->path,
                          row->line);
    m->cols = row->nfields - b->first;
    m->corner = clioi_strdup(row->fields[0]);
    m->col_keys = clioi_calloc_array(m->cols, sizeof(char *));
    b->block = clioi_calloc_array(BLOCK_ROWS * (m->cols ? m->cols : 1), sizeof(double));
    if (!m->corner || !m->col_keys || !b->block)
        return nomem(b, err);
    for (size_t j = 0; j < m->cols; j++) {
        if (!(m->col_keys[j] = clioi_strdup(row->fields[b->first + j])))
            return nomem(b, err);
        if (!*m->col_keys[j])
            return clioi_fail(err, CLIO_ELABEL, "%s:%zu: column %zu has an empty key", m->path,
                              row->line, b->first + j + 1);
    }
    return CLIO_OK;
}

/* Room for one more row's key, line and unit (arrays kept zeroed beyond
 * m->rows, so clioi_lmatrix_free frees only what was set). */
static int room_for_key(matrix_builder *b)
{
    clioi_lmatrix *m = b->m;
    if (m->rows < b->keys_cap)
        return 0;
    size_t cap = b->keys_cap ? 2 * b->keys_cap : 64;
    char **keys = realloc(m->row_keys, cap * sizeof *keys);
    if (keys)
        m->row_keys = keys;
    size_t *lines = realloc(m->row_lines, cap * sizeof *lines);
    if (lines)
        m->row_lines = lines;
    char **units = b->first == 2 ? realloc(m->units, cap * sizeof *units) : NULL;
    if (units)
        m->units = units;
    if (!keys || !lines || (b->first == 2 && !units))
        return -1;
    memset(m->row_keys + b->keys_cap, 0, (cap - b->keys_cap) * sizeof *keys);
    if (units)
        memset(m->units + b->keys_cap, 0, (cap - b->keys_cap) * sizeof *units);
    b->keys_cap = cap;
    return 0;
}

/* Make values hold `need` rows.  The stride is the estimated row count of
 * the whole file (rows so far over the share of the file read), so a file
 * of known size is allocated once; it never exceeds what the rest of the
 * file can hold (each row has at least one byte per field: its delimiters
 * and newline).  Columns move to a wider stride in place when the estimate
 * was short; a pipe (no size) grows by a quarter. */
static int room_for_rows(matrix_builder *b, size_t need, double fraction)
{
    clioi_lmatrix *m = b->m;
    if (need <= b->cap)
        return 0;
    size_t cols = m->cols ? m->cols : 1;
    double most = (double)((size_t)-1 / sizeof(double) / cols);
    double cap = (double)need + (double)(need / 4) + BLOCK_ROWS;
    if (fraction > 0.0) {
        double estimate = (double)need / fraction * 1.01 + BLOCK_ROWS;
        cap = estimate > cap ? estimate : cap;
        double left = (1.0 - fraction) * b->size / (double)b->header.nfields + 1.0;
        left = left > 1.0 ? left : 1.0; /* a file grown since it was opened */
        if (b->size > 0.0 && cap > (double)need + left)
            cap = (double)need + left;
    }
    if (cap >= most)
        return -1;
    size_t rows = (size_t)cap;
    double *values = realloc(m->values, rows * cols * sizeof(double));
    if (!values)
        return -1;
    if (!m->values)
        clioi_madvise_huge(values, rows * cols * sizeof(double));
    for (size_t j = m->cols; j-- > 1;)
        memmove(values + j * rows, values + j * b->cap, b->stored * sizeof(double));
    m->values = values;
    b->cap = rows;
    return 0;
}

static int flush_block(matrix_builder *b, double fraction)
{
    clioi_lmatrix *m = b->m;
    if (b->nblock == 0)
        return 0;
    if (room_for_rows(b, b->stored + b->nblock, fraction))
        return -1;
    for (size_t j = 0; j < m->cols; j++) {
        double *col = m->values + j * b->cap + b->stored;
        for (size_t r = 0; r < b->nblock; r++)
            col[r] = b->block[r * m->cols + j];
    }
    b->stored += b->nblock;
    b->nblock = 0;
    return 0;
}

static int read_row(void *ctx, const clioi_csv_row *row, double fraction, clio_error *err)
{
    matrix_builder *b = ctx;
    clioi_lmatrix *m = b->m;
    if (!b->block)
        return read_header(b, row, err);
    int status = clioi_csv_check_width(&b->csv, row, err);
    if (status != CLIO_OK)
        return status;
    if (room_for_key(b))
        return nomem(b, err);
    size_t i = m->rows;
    m->row_lines[i] = row->line;
    m->row_keys[i] = clioi_strdup(row->fields[0]);
    if (m->units)
        m->units[i] = clioi_strdup(row->fields[1]);
    m->rows++;
    if (!m->row_keys[i] || (m->units && !m->units[i]))
        return nomem(b, err);
    if (!*m->row_keys[i])
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: the row key is empty", m->path, row->line);
    double *values = b->block + b->nblock * m->cols;
    for (size_t j = 0; j < m->cols; j++) {
        status = clioi_csv_number(&b->csv, row, b->first + j, m->col_keys[j], &values[j], err);
        if (status != CLIO_OK)
            return status;
    }
    if (++b->nblock == BLOCK_ROWS && flush_block(b, fraction))
        return nomem(b, err);
    return CLIO_OK;
}

/* The values at their final stride (m->rows), the spare rows given back. */
static int finish_values(matrix_builder *b)
{
    clioi_lmatrix *m = b->m;
    if (flush_block(b, 1.0))
        return -1;
    if (!m->row_keys) { /* no data rows: empty arrays, not NULL */
        m->row_keys = clioi_calloc_array(0, sizeof(char *));
        m->row_lines = clioi_calloc_array(0, sizeof(size_t));
        m->units = b->first == 2 ? clioi_calloc_array(0, sizeof(char *)) : NULL;
        if (!m->row_keys || !m->row_lines || (b->first == 2 && !m->units))
            return -1;
    }
    if (!m->values) /* no data rows: an empty matrix, as clioi_alloc_matrix gives */
        return (m->values = clioi_alloc_matrix(0, m->cols)) ? 0 : -1;
    if (b->cap == m->rows)
        return 0;
    for (size_t j = 1; j < m->cols; j++)
        memmove(m->values + j * m->rows, m->values + j * b->cap, m->rows * sizeof(double));
    size_t cols = m->cols ? m->cols : 1;
    double *shrunk = realloc(m->values, (m->rows ? m->rows : 1) * cols * sizeof(double));
    if (shrunk)
        m->values = shrunk;
    b->cap = m->rows;
    return 0;
}

int clioi_lmatrix_read(const char *path, int allow_units, clioi_lmatrix **out, clio_error *err)
{
    *out = NULL;
    clioi_lmatrix *m = calloc(1, sizeof *m);
    if (!m || !(m->path = clioi_strdup(path))) {
        free(m);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    }
    matrix_builder b = {.m = m, .allow_units = allow_units};
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        b.size = (double)st.st_size;
    b.csv.path = m->path;
    b.csv.nrows = 1;
    b.csv.rows = &b.header;
    int status = clioi_csv_stream(path, read_row, &b, err);
    if (status == CLIO_OK && !b.block)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
    if (status == CLIO_OK && finish_values(&b))
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    free(b.block);
    if (status != CLIO_OK) {
        clioi_lmatrix_free(m);
        return status;
    }
    *out = m;
    return CLIO_OK;
}
