/* matrixset_write.c -- a table as a matrix-set CSV folder (the format
 * clio_table_read_matrixset reads), each file written atomically.
 * satellites_Y.csv (SY) is written only when some SY value is non-zero. */
#include "clioi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Write the whole key k as a CSV field (never truncated: a cut key would
 * not read back). */
static int write_key(FILE *fp, const clio_table *t, clioi_key_fn key, size_t k)
{
    char *text = clioi_key_dup(t, key, k);
    if (!text)
        return CLIO_ENOMEM;
    clioi_csv_write_field(fp, text);
    free(text);
    return CLIO_OK;
}

/* Write an m x k column-major block with row and column keys; with units,
 * a "unit" column after the keys (satellites). */
static int write_block_at(const clio_table *t, const char *path, const char *corner,
                          const double *M, size_t m, size_t k, size_t ld, clioi_key_fn row_key,
                          clioi_key_fn col_key, char *const *units, clio_error *err)
{
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    clioi_csv_write_field(a.fp, corner);
    if (units)
        fputs(",unit", a.fp);
    for (size_t j = 0; j < k && status == CLIO_OK; j++) {
        fputc(',', a.fp);
        status = write_key(a.fp, t, col_key, j);
    }
    fputc('\n', a.fp);
    for (size_t i = 0; i < m && status == CLIO_OK; i++) {
        status = write_key(a.fp, t, row_key, i);
        if (units) {
            fputc(',', a.fp);
            clioi_csv_write_field(a.fp, units[i] ? units[i] : "");
        }
        for (size_t j = 0; j < k; j++) {
            fputc(',', a.fp);
            clioi_csv_write_number(a.fp, M[i + j * ld]);
        }
        fputc('\n', a.fp);
    }
    if (status != CLIO_OK) {
        clioi_atomic_abort(&a);
        return clioi_fail(err, status, "out of memory writing '%s'", path);
    }
    return clioi_atomic_commit(&a, err);
}

static int write_block(const clio_table *t, const char *dir, const char *name, const char *corner,
                       const double *M, size_t m, size_t k, size_t ld, clioi_key_fn row_key,
                       clioi_key_fn col_key, char *const *units, clio_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return write_block_at(t, path, corner, M, m, k, ld, row_key, col_key, units, err);
}

int clio_matrix_save_csv(const clio_table *t, const double *M, size_t ld, const char *path,
                         clio_error *err)
{
    return write_block_at(t, path, t->nregions > 1 ? "region|sector" : "sector", M, t->n, t->n,
                          ld, clio_table_sector_key, clio_table_sector_key, NULL, err);
}

static int any_nonzero(const double *v, size_t count)
{
    for (size_t k = 0; v && k < count; k++)
        if (v[k] != 0)
            return 1;
    return 0;
}

/* satellites_Y.csv: SY when it holds anything; otherwise a stale file of an
 * earlier write is removed, so the folder reads back as this table. */
static int write_sy(const clio_table *t, const char *dir, clio_error *err)
{
    if (t->nsat && t->nfd && any_nonzero(t->SY, t->nsat * t->nfd))
        return write_block(t, dir, "satellites_Y.csv", "account", t->SY, t->nsat, t->nfd,
                           t->nsat, clioi_key_satellite, clioi_key_final_demand, t->sat_units,
                           err);
    char path[4096];
    snprintf(path, sizeof path, "%s/satellites_Y.csv", dir);
    if (unlink(path) != 0 && errno != ENOENT)
        return clioi_fail(err, CLIO_EWRITE, "cannot remove the stale '%s': %s", path,
                          strerror(errno));
    return CLIO_OK;
}

static int write_dense(const clio_table *t, const char *dir, clio_error *err)
{
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
        return clioi_fail(err, CLIO_EWRITE, "cannot create directory '%s': %s", dir,
                          strerror(errno));
    const char *corner = t->nregions > 1 ? "region|sector" : "sector";
    clioi_key_fn sector = clio_table_sector_key;
    size_t n = t->n;
    int status;
    if ((status = write_block(t, dir, "Z.csv", corner, t->Z, n, n, n, sector, sector, NULL, err)))
        return status;
    if ((status = write_block(t, dir, "Y.csv", corner, t->Y, n, t->nfd, n, sector,
                              clioi_key_final_demand, NULL, err)))
        return status;
    if ((status = write_block(t, dir, "x.csv", corner, t->x, n, 1, n, sector, clioi_key_output,
                              NULL, err)))
        return status;
    if (t->nva && (status = write_block(t, dir, "V.csv", "component", t->V, t->nva, n, t->nva,
                                        clioi_key_value_added, sector, NULL, err)))
        return status;
    if (t->nsat && (status = write_block(t, dir, "satellites.csv", "account", t->S, t->nsat, n,
                                         t->nsat, clioi_key_satellite, sector, t->sat_units,
                                         err)))
        return status;
    return write_sy(t, dir, err);
}

int clio_table_write_matrixset(const clio_table *t, const char *dir, clio_error *err)
{
    clio_table dense; /* a sparse Z is written as every cell, like a dense one */
    double *owned;
    int status = clioi_table_dense_view(t, &dense, &owned, err);
    if (status == CLIO_OK)
        status = write_dense(&dense, dir, err);
    free(owned);
    return status;
}
