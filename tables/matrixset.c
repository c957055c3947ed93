/* matrixset.c -- the matrix-set CSV folder: Z.csv, Y.csv (required), x.csv,
 * V.csv, satellites.csv (optional), all keyed by "sector" or
 * "region|sector", and satellites_Y.csv (optional: satellites caused by
 * final demand directly, keyed by satellite and final-demand column)
 * (docs/formats.md). */
#include "clioi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *join_path(const char *dir, const char *name)
{
    if (name[0] == '/')
        return clioi_strdup(name);
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s/%s", dir, name);
    return p;
}

/* Keys of a block must be Z's keys, in Z's order. */
static int keys_match(char *const *expected, char *const *got, size_t n, size_t got_n,
                      const char *path, const char *what, const size_t *lines,
                      clio_error *err)
{
    if (got_n != n)
        return clioi_fail(err, CLIO_EDIM, "%s: %zu %s, but Z.csv has %zu sectors", path, got_n,
                          what, n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(expected[i], got[i]) != 0) {
            if (lines)
                return clioi_fail(err, CLIO_ELABEL,
                                  "%s:%zu: row key '%s' does not match Z.csv's key '%s' "
                                  "(keys must be Z's, in the same order)",
                                  path, lines[i], got[i], expected[i]);
            return clioi_fail(err, CLIO_ELABEL,
                              "%s: column %zu key '%s' does not match Z.csv's key '%s' "
                              "(keys must be Z's, in the same order)",
                              path, i + 2, got[i], expected[i]);
        }
    }
    return CLIO_OK;
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Final-demand keys: "category" or "region|category" (region must be one
 * of the table's). */
static int set_final_demand(clio_table *t, char *const *keys, const char *path,
                            clio_error *err)
{
    for (size_t k = 0; k < t->nfd; k++) {
        char *region, *name;
        if (clioi_split_key(keys[k], &region, &name) != CLIO_OK)
            return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
        t->fd_names[k] = name;
        if (region) {
            t->fd_region[k] = clioi_find_label(t->regions, t->nregions, region);
            if (t->fd_region[k] == CLIO_NONE) {
                int status = clioi_fail(err, CLIO_ELABEL,
                                        "%s: final-demand column '%s' names region '%s', "
                                        "which is not in Z.csv",
                                        path, keys[k], region);
                free(region);
                return status;
            }
            free(region);
        }
    }
    int status = clioi_check_unique(keys, t->nfd, "final-demand", err);
    return status == CLIO_OK ? CLIO_OK /* keep the status: out of memory is not a label error */
                             : clioi_fail(err, status, "%s: %s", path, err ? err->message : "");
}

/* Header column c of satellites_Y.csv as a final-demand column of Y.csv
 * (matched by key, any order; every column exactly once). */
static int sy_columns(const clioi_csv *csv, size_t first, char *const *fd_keys, size_t nfd,
                      size_t *col_fd, clio_error *err)
{
    const clioi_csv_row *header = &csv->rows[0];
    size_t ncols = header->nfields - first;
    int status = CLIO_OK;
    char *seen = clioi_calloc_array(nfd, 1);
    if (!seen)
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", csv->path);
    for (size_t c = 0; c < ncols && !status; c++) {
        const char *key = header->fields[first + c];
        size_t k = clioi_find_label(fd_keys, nfd, key);
        if (k == CLIO_NONE)
            status = clioi_fail(err, CLIO_ELABEL,
                                "%s:%zu: column '%s' is not a final-demand column of Y.csv",
                                csv->path, header->line, key);
        else if (seen[k])
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: final-demand column '%s' appears twice",
                                csv->path, header->line, key);
        else {
            seen[k] = 1;
            col_fd[c] = k;
        }
    }
    for (size_t k = 0; k < nfd && !status; k++)
        if (!seen[k])
            status = clioi_fail(err, CLIO_ELABEL,
                                "%s:%zu: final-demand column '%s' of Y.csv is missing (give it "
                                "a column of zeros)",
                                csv->path, header->line, fd_keys[k]);
    free(seen);
    return status;
}

/* One row of satellites_Y.csv: its satellite (by name, any order; every
 * satellite of satellites.csv exactly once), its unit, its numbers. */
static int sy_row(clio_table *t, const clioi_csv *csv, const clioi_csv_row *row, size_t first,
                  const size_t *col_fd, char *seen, clio_error *err)
{
    const clioi_csv_row *header = &csv->rows[0];
    int status = clioi_csv_check_width(csv, row, err);
    if (status != CLIO_OK)
        return status;
    const char *name = row->fields[0];
    size_t k = clioi_find_label(t->sat_names, t->nsat, name);
    if (k == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: satellite '%s' is not in %s", csv->path,
                          row->line, name,
                          t->nsat ? "satellites.csv" : "the table (it has no satellites.csv)");
    if (seen[k])
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: satellite '%s' appears twice", csv->path,
                          row->line, name);
    seen[k] = 1;
    const char *unit = first == 2 ? row->fields[1] : "";
    if (*unit && t->sat_units[k] && *t->sat_units[k] && strcmp(unit, t->sat_units[k]) != 0)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: satellite '%s' has unit '%s' here but '%s' in satellites.csv",
                          csv->path, row->line, name, unit, t->sat_units[k]);
    for (size_t c = 0; c + first < header->nfields; c++) {
        int status = clioi_csv_number(csv, row, first + c, header->fields[first + c],
                                      &t->SY[k + col_fd[c] * t->nsat], err);
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

/* read_sy -- satellites_Y.csv into t->SY (nsat x nfd): rows are the
 * satellites of satellites.csv, columns the final-demand keys of Y.csv,
 * an optional "unit" column as in satellites.csv. */
static int read_sy(clio_table *t, const char *path, char *const *fd_keys, clio_error *err)
{
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    size_t *col_fd = NULL;
    char *seen = NULL;
    if (csv->nrows == 0) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
        goto done;
    }
    const clioi_csv_row *header = &csv->rows[0];
    size_t first = header->nfields >= 2 && strcmp(header->fields[1], "unit") == 0 ? 2 : 1;
    if (header->nfields < first) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the header has no column keys", path,
                            header->line);
        goto done;
    }
    col_fd = clioi_calloc_array(header->nfields, sizeof *col_fd);
    seen = clioi_calloc_array(t->nsat, 1);
    if (!col_fd || !seen) {
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
        goto done;
    }
    if ((status = sy_columns(csv, first, fd_keys, t->nfd, col_fd, err)))
        goto done;
    for (size_t r = 1; r < csv->nrows && !status; r++)
        status = sy_row(t, csv, &csv->rows[r], first, col_fd, seen, err);
    for (size_t k = 0; k < t->nsat && !status; k++)
        if (!seen[k])
            status = clioi_fail(err, CLIO_ELABEL,
                                "%s: satellite '%s' of satellites.csv has no row (give it a "
                                "row of zeros)",
                                path, t->sat_names[k]);
done:
    free(col_fd);
    free(seen);
    clioi_csv_free(csv);
    return status;
}

int clio_table_read_matrixset(const char *dir, const clio_matrixset_files *files,
                              const char *region_name, clio_table **out, clio_error *err)
{
    *out = NULL;
    clio_matrixset_files names = {"Z.csv", "Y.csv", "x.csv", "V.csv", "satellites.csv",
                                  "satellites_Y.csv"};
    if (files) {
        if (files->Z) names.Z = files->Z;
        if (files->Y) names.Y = files->Y;
        if (files->x) names.x = files->x;
        if (files->V) names.V = files->V;
        if (files->satellites) names.satellites = files->satellites;
        if (files->satellites_y) names.satellites_y = files->satellites_y;
    }
    struct stat st;
    if (stat(dir, &st) != 0)
        return clioi_fail(err, CLIO_EIO, "%s: %s", dir, strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return clioi_fail(err, CLIO_EIO, "%s: not a directory of matrix CSV files", dir);

    char *pz = join_path(dir, names.Z), *py = join_path(dir, names.Y);
    char *px = join_path(dir, names.x), *pv = join_path(dir, names.V);
    char *ps = join_path(dir, names.satellites), *psy = join_path(dir, names.satellites_y);
    clioi_lmatrix *Z = NULL, *Y = NULL, *X = NULL, *V = NULL, *S = NULL;
    clio_table *t = NULL;
    int status;
    if (!pz || !py || !px || !pv || !ps || !psy) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    /* Explicitly named optional files must exist; default ones may not. */
    if ((status = clioi_lmatrix_read(pz, 0, &Z, err)) != CLIO_OK)
        goto done;
    if (Z->rows != Z->cols) {
        status = clioi_fail(err, CLIO_EDIM, "%s: Z is not square: %zu rows and %zu columns", pz,
                            Z->rows, Z->cols);
        goto done;
    }
    size_t n = Z->rows;
    if ((status = clioi_check_unique(Z->col_keys, n, "sector", err))) {
        status = clioi_fail(err, status, "%s: %s", pz, err ? err->message : "");
        goto done;
    }
    if ((status = keys_match(Z->col_keys, Z->row_keys, n, n, pz, "rows", Z->row_lines, err)))
        goto done;
    if ((status = clioi_lmatrix_read(py, 0, &Y, err)) != CLIO_OK)
        goto done;
    if ((status = keys_match(Z->row_keys, Y->row_keys, n, Y->rows, py, "rows", Y->row_lines,
                             err)))
        goto done;
    if ((files && files->x) || file_exists(px)) {
        if ((status = clioi_lmatrix_read(px, 0, &X, err)) != CLIO_OK)
            goto done;
        if (X->cols != 1) {
            status = clioi_fail(err, CLIO_EDIM, "%s: x needs exactly one value column, not %zu",
                                px, X->cols);
            goto done;
        }
        if ((status = keys_match(Z->row_keys, X->row_keys, n, X->rows, px, "rows",
                                 X->row_lines, err)))
            goto done;
    }
    if ((files && files->V) || file_exists(pv)) {
        if ((status = clioi_lmatrix_read(pv, 0, &V, err)) != CLIO_OK)
            goto done;
        if ((status = keys_match(Z->row_keys, V->col_keys, n, V->cols, pv, "columns", NULL,
                                 err)))
            goto done;
        if ((status = clioi_check_unique(V->row_keys, V->rows, "value-added", err)))
            goto done;
    }
    if ((files && files->satellites) || file_exists(ps)) {
        if ((status = clioi_lmatrix_read(ps, 1, &S, err)) != CLIO_OK)
            goto done;
        if ((status = keys_match(Z->row_keys, S->col_keys, n, S->cols, ps, "columns", NULL,
                                 err)))
            goto done;
        if ((status = clioi_check_unique(S->row_keys, S->rows, "satellite", err)))
            goto done;
    }

    t = clio_table_alloc(1, n, Y->cols, V ? V->rows : 0, S ? S->rows : 0);
    if (!t) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a table of %zu sectors", n);
        goto done;
    }
    if ((status = clioi_table_set_sectors_from_keys(t, Z->row_keys, pz, region_name, err)))
        goto done;
    if ((status = set_final_demand(t, Y->col_keys, py, err)))
        goto done;
    /* Take the value arrays over instead of copying them. */
    free(t->Z);
    t->Z = Z->values;
    Z->values = NULL;
    free(t->Y);
    t->Y = Y->values;
    Y->values = NULL;
    if (X) {
        memcpy(t->x, X->values, n * sizeof(double));
    } else {
        for (size_t i = 0; i < n; i++) {
            double s = 0;
            for (size_t j = 0; j < n; j++)
                s += t->Z[i + j * n];
            for (size_t k = 0; k < t->nfd; k++)
                s += t->Y[i + k * n];
            t->x[i] = s;
        }
    }
    if (V) {
        free(t->V);
        t->V = V->values;
        V->values = NULL;
        for (size_t k = 0; k < t->nva; k++) {
            t->va_names[k] = V->row_keys[k];
            V->row_keys[k] = NULL;
        }
    }
    if (S) {
        free(t->S);
        t->S = S->values;
        S->values = NULL;
        for (size_t k = 0; k < t->nsat; k++) {
            t->sat_names[k] = S->row_keys[k];
            S->row_keys[k] = NULL;
            t->sat_units[k] = clioi_strdup(S->units ? S->units[k] : "");
            if (!t->sat_units[k]) {
                status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
                goto done;
            }
        }
    }
    if ((files && files->satellites_y) || file_exists(psy)) {
        if ((status = read_sy(t, psy, Y->col_keys, err)) != CLIO_OK)
            goto done;
    }
    status = CLIO_OK;
done:
    clioi_lmatrix_free(Z);
    clioi_lmatrix_free(Y);
    clioi_lmatrix_free(X);
    clioi_lmatrix_free(V);
    clioi_lmatrix_free(S);
    free(pz);
    free(py);
    free(px);
    free(pv);
    free(ps);
    free(psy);
    if (status != CLIO_OK) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}
