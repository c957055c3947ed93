/* test_csv_stream.c -- the streaming labelled-matrix reader
 * (clioi_lmatrix_read over clioi_csv_stream): values land column-major in
 * the right cells across many row blocks, from a file and from a pipe (no
 * size to estimate the row count from, so the matrix grows), and every
 * error keeps its status and file:line message. */
#include "clioi.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* A rows x cols matrix whose cell (i, j) is i * 1000 + j + 0.25, keys
 * r<i> and c<j>, optionally with a unit column. */
static char *matrix_text(size_t rows, size_t cols, int units)
{
    size_t cap = (rows + 1) * (cols + 2) * 24 + 64, used = 0;
    char *s = malloc(cap);
    if (!s)
        abort();
    used += (size_t)snprintf(s + used, cap - used, "key%s", units ? ",unit" : "");
    for (size_t j = 0; j < cols; j++)
        used += (size_t)snprintf(s + used, cap - used, ",c%zu", j);
    used += (size_t)snprintf(s + used, cap - used, "\n");
    for (size_t i = 0; i < rows; i++) {
        used += (size_t)snprintf(s + used, cap - used, "r%zu%s", i, units ? ",kg" : "");
        for (size_t j = 0; j < cols; j++)
            used += (size_t)snprintf(s + used, cap - used, ",%.2f",
                                     (double)(i * 1000 + j) + 0.25);
        used += (size_t)snprintf(s + used, cap - used, "\n");
    }
    return s;
}

static int cells_right(const clioi_lmatrix *m, size_t rows, size_t cols)
{
    if (m->rows != rows || m->cols != cols)
        return 0;
    for (size_t j = 0; j < cols; j++)
        for (size_t i = 0; i < rows; i++)
            if (m->values[i + j * rows] != (double)(i * 1000 + j) + 0.25)
                return 0;
    char key[32];
    snprintf(key, sizeof key, "r%zu", rows - 1);
    return strcmp(m->row_keys[rows - 1], key) == 0 && m->row_lines[rows - 1] == rows + 1 &&
           strcmp(m->col_keys[cols - 1], cols == 1 ? "c0" : "c6") == 0;
}

static void test_blocks_from_file(void)
{
    /* 103 rows: three full blocks of 32 and a partial one */
    char *text = matrix_text(103, 7, 0);
    const char *path = tap_scratch_file("m.csv", text);
    free(text);
    clioi_lmatrix *m = NULL;
    clio_error err;
    int status = clioi_lmatrix_read(path, 0, &m, &err);
    tap_ok(status == CLIO_OK, "103 x 7 matrix reads (%s)", status ? err.message : "ok");
    tap_ok(m && cells_right(m, 103, 7), "every cell, key and line in place, column-major");
    tap_ok(m && m->units == NULL && strcmp(m->corner, "key") == 0, "no unit column; corner kept");
    clioi_lmatrix_free(m);
}

static void test_units_column(void)
{
    char *text = matrix_text(40, 1, 1);
    const char *path = tap_scratch_file("u.csv", text);
    free(text);
    clioi_lmatrix *m = NULL;
    clio_error err;
    int status = clioi_lmatrix_read(path, 1, &m, &err);
    tap_ok(status == CLIO_OK && cells_right(m, 40, 1), "unit column skipped, values in place");
    tap_ok(m && m->units && strcmp(m->units[39], "kg") == 0, "units kept per row");
    clioi_lmatrix_free(m);
}

/* A pipe has no size: the row count cannot be estimated and the matrix is
 * widened (columns moved to a longer stride) several times. */
static void test_pipe_grows(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/pipe.csv", tap_dir);
    if (mkfifo(path, 0600) != 0) {
        tap_skip(1, "mkfifo failed");
        return;
    }
    char *text = matrix_text(500, 7, 0);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *fp = fopen(path, "w");
        if (fp) {
            fputs(text, fp);
            fclose(fp);
        }
        _exit(0);
    }
    clioi_lmatrix *m = NULL;
    clio_error err;
    int status = clioi_lmatrix_read(path, 0, &m, &err);
    waitpid(pid, NULL, 0);
    free(text);
    tap_ok(status == CLIO_OK && cells_right(m, 500, 7),
           "500 rows from a pipe: grown stride, every cell in place");
    clioi_lmatrix_free(m);
    unlink(path);
}

/* The row count is estimated from the first rows' length: rows that get
 * shorter make it short (the stride widens in place), rows that get longer
 * make it long (the spare rows are given back).  Cells stay right. */
static void test_estimate_misjudged(void)
{
    const size_t rows = 300, cols = 5;
    for (int longer_first = 0; longer_first < 2; longer_first++) {
        size_t cap = rows * 400 + 256, used = 0;
        char *s = malloc(cap);
        if (!s)
            abort();
        used += (size_t)snprintf(s + used, cap - used, "key,c0,c1,c2,c3,c4\n");
        for (size_t i = 0; i < rows; i++) {
            /* long rows: the first 40 or all after them; padded with blanks */
            int pad = (i < 40) == longer_first ? 300 : 0;
            used += (size_t)snprintf(s + used, cap - used, "r%zu", i);
            for (size_t j = 0; j < cols; j++)
                used += (size_t)snprintf(s + used, cap - used, ",%*s%.2f", j ? 0 : pad, "",
                                         (double)(i * 1000 + j) + 0.25);
            used += (size_t)snprintf(s + used, cap - used, "\n");
        }
        const char *path = tap_scratch_file(longer_first ? "short.csv" : "long.csv", s);
        free(s);
        clioi_lmatrix *m = NULL;
        clio_error err;
        int status = clioi_lmatrix_read(path, 0, &m, &err);
        int right = status == CLIO_OK && m->rows == rows && m->cols == cols;
        for (size_t j = 0; right && j < cols; j++)
            for (size_t i = 0; i < rows; i++)
                right &= m->values[i + j * rows] == (double)(i * 1000 + j) + 0.25;
        tap_ok(right, "rows getting %s: every cell in place",
               longer_first ? "shorter (estimate short)" : "longer (estimate long)");
        clioi_lmatrix_free(m);
    }
}

static void test_header_only(void)
{
    const char *path = tap_scratch_file("h.csv", "key,a,b\n");
    clioi_lmatrix *m = NULL;
    clio_error err;
    int status = clioi_lmatrix_read(path, 0, &m, &err);
    tap_ok(status == CLIO_OK && m && m->rows == 0 && m->cols == 2 && m->values && m->row_keys,
           "a header without rows is a 0 x 2 matrix");
    clioi_lmatrix_free(m);
}

static void expect_error(const char *name, const char *text, int want, const char *needle)
{
    const char *path = tap_scratch_file(name, text);
    clioi_lmatrix *m = NULL;
    clio_error err = {0};
    int status = clioi_lmatrix_read(path, 0, &m, &err);
    tap_status(status, want, err.message, needle, name);
    tap_ok(m == NULL, "%s: nothing returned", name);
}

static void test_errors(void)
{
    /* a bad number after the first block: line and column key named */
    char *text = matrix_text(60, 3, 0);
    char *cell = strstr(text, "\nr45,");
    memcpy(cell + 5, "x", 1);
    expect_error("bad_number.csv", text, CLIO_EFORMAT, ":47: column 'c0': 'x");
    free(text);
    text = matrix_text(50, 3, 0);
    cell = strstr(text, "\nr44,");
    memcpy(cell + 1, "r44,1,", 6); /* one field more */
    expect_error("ragged.csv", text, CLIO_EFORMAT, ":46: 5 fields, but the header has 4");
    free(text);
    expect_error("inf.csv", "key,a\nr0,1e999\n", CLIO_EVALUE, ":2: column 'a': value '1e999'");
    expect_error("empty.csv", "", CLIO_EFORMAT, "the file is empty");
    expect_error("empty_key.csv", "key,a,,b\nr0,1,2,3\n", CLIO_ELABEL,
                 ":1: column 3 has an empty key");
    expect_error("empty_row_key.csv", "key,a\nr0,1\n,2\n", CLIO_ELABEL, ":3: the row key is empty");
    expect_error("latin1.csv", "key,a\nr0,1\nr\xe9,2\n", CLIO_EFORMAT, ":3: byte 2 is not UTF-8");
    expect_error("quote.csv", "key,a\nr0,\"1\n", CLIO_EFORMAT, "unterminated quoted field");
    /* a quoted key across two lines: the next row's line is still right */
    expect_error("multiline.csv", "key,a\n\"r\n0\",1\nr1,y\n", CLIO_EFORMAT,
                 ":4: column 'a': 'y' is not a number");
}

int main(void)
{
    tap_scratch_begin("csv_stream");
    test_blocks_from_file();
    test_units_column();
    test_pipe_grows();
    test_estimate_misjudged();
    test_header_only();
    test_errors();
    tap_scratch_end();
    return tap_done();
}
