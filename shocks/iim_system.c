/* iim_system.c -- the inputs of `clio iim`: an interdependency matrix A*
 * or a transactions table in diim's CSV layouts, or a clio table, and
 * per-sector value files (docs/methods-iim.md, "Files"). */
#include "iim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_iim_system_free(clio_iim_system *s)
{
    if (!s)
        return;
    clioi_free_labels(s->sectors, s->n);
    clioi_free_labels(s->regions, s->regions ? s->n : 0);
    free(s->Astar);
    free(s->Z);
    free(s->x);
    free(s);
}

static clio_iim_system *system_alloc(size_t n, int with_z)
{
    clio_iim_system *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->n = n;
    s->sectors = clioi_calloc_array(n, sizeof *s->sectors);
    s->Astar = clioi_alloc_matrix(n, n);
    if (with_z) {
        s->Z = clioi_alloc_matrix(n, n);
        s->x = clioi_calloc_array(n, sizeof *s->x);
    }
    if (!s->sectors || !s->Astar || (with_z && (!s->Z || !s->x))) {
        clio_iim_system_free(s);
        return NULL;
    }
    return s;
}

/* Read the header of sector names and `rows` rows of n non-negative
 * numbers each into M (rows x n, column-major, ld rows). */
static int read_square(const char *path, size_t extra_rows, clioi_csv **csv_out,
                       clio_iim_system **out, clio_error *err)
{
    clioi_csv *csv = NULL;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    *csv_out = csv;
    if (csv->nrows == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: empty file: a header of sector names is needed",
                          path);
    const clioi_csv_row *head = &csv->rows[0];
    size_t n = head->nfields;
    for (size_t j = 0; j < n; j++) {
        double v;
        if (clioi_parse_double(head->fields[j], &v) == 0 || !head->fields[j][0])
            return clioi_fail(err, CLIO_EFORMAT,
                              "%s:%zu: the first line must name the sectors, found '%s'", path,
                              head->line, head->fields[j]);
    }
    if ((status = clioi_check_unique(head->fields, n, "sector", err)) != CLIO_OK)
        return status;
    if (csv->nrows - 1 != n + extra_rows)
        return clioi_fail(err, CLIO_EDIM,
                          "%s: the header names %zu sectors but %zu rows follow (want %zu%s: "
                          "the matrix must be square)",
                          path, n, csv->nrows - 1, n + extra_rows,
                          extra_rows ? ", the last one total output" : "");
    clio_iim_system *s = system_alloc(n, extra_rows > 0);
    if (!s)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory reading '%s'", path);
    for (size_t j = 0; j < n && status == CLIO_OK; j++)
        if (!(s->sectors[j] = clioi_strdup(head->fields[j])))
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory reading '%s'", path);
    double *M = extra_rows ? s->Z : s->Astar;
    for (size_t i = 0; i < n + extra_rows && status == CLIO_OK; i++) {
        const clioi_csv_row *row = &csv->rows[i + 1];
        if (row->nfields != n) {
            status = clioi_fail(err, CLIO_EDIM,
                                "%s:%zu: %zu values, but the header names %zu sectors (the "
                                "matrix must be square)",
                                path, row->line, row->nfields, n);
            break;
        }
        for (size_t j = 0; j < n && status == CLIO_OK; j++) {
            double v;
            status = clioi_csv_number(csv, row, j, head->fields[j], &v, err);
            if (status == CLIO_OK && v < 0)
                status = clioi_fail(err, CLIO_EVALUE, "%s:%zu: column '%s': %g is negative",
                                    path, row->line, head->fields[j], v);
            if (i < n)
                M[i + j * n] = v;
            else
                s->x[j] = v;
        }
    }
    if (status != CLIO_OK) {
        clio_iim_system_free(s);
        return status;
    }
    *out = s;
    return CLIO_OK;
}

int clio_iim_system_read(const char *path, clio_iim_system **out, clio_error *err)
{
    clioi_csv *csv = NULL;
    *out = NULL;
    int status = read_square(path, 0, &csv, out, err);
    clioi_csv_free(csv);
    return status;
}

/* A* from Z and x: demand-side z_ij / x_i, supply-side z_ji / x_i. */
static int make_astar(clio_iim_system *s, int supply, clio_error *err)
{
    size_t n = s->n;
    s->supply = supply != 0;
    if (supply)
        return clioi_iim_supply_interdependency(n, s->Z, n ? n : 1, s->x, s->Astar, n ? n : 1,
                                                err);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            s->Astar[i + j * n] = s->x[i] != 0 ? s->Z[i + j * n] / s->x[i] : 0.0;
    return CLIO_OK;
}

int clio_iim_system_read_transactions(const char *path, int supply, clio_iim_system **out,
                                      clio_error *err)
{
    clioi_csv *csv = NULL;
    *out = NULL;
    int status = read_square(path, 1, &csv, out, err);
    clioi_csv_free(csv);
    if (status == CLIO_OK && (status = make_astar(*out, supply, err)) != CLIO_OK) {
        clio_iim_system_free(*out);
        *out = NULL;
    }
    return status;
}

int clio_iim_system_from_table(const clio_table *t, int supply, clio_iim_system **out,
                               clio_error *err)
{
    *out = NULL;
    size_t n = t->n;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    clio_iim_system *s = system_alloc(n, 1);
    if (s && !(s->regions = clioi_calloc_array(n, sizeof *s->regions))) {
        clio_iim_system_free(s);
        s = NULL;
    }
    if (!s)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu-sector IIM", n);
    int status = CLIO_OK;
    for (size_t i = 0; i < n && status == CLIO_OK; i++) {
        s->sectors[i] = clioi_strdup(t->sector_names[i]);
        s->regions[i] = clioi_strdup(t->regions[t->sector_region[i]]);
        if (!s->sectors[i] || !s->regions[i])
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu-sector IIM", n);
    }
    if (status == CLIO_OK) {
        memcpy(s->Z, t->Z, n * n * sizeof *s->Z);
        memcpy(s->x, t->x, n * sizeof *s->x);
        status = make_astar(s, supply, err);
    }
    if (status != CLIO_OK) {
        clio_iim_system_free(s);
        return status;
    }
    *out = s;
    return CLIO_OK;
}

/* The sector a row names: region may be NULL.  Unknown or ambiguous
 * names fail with the file and line. */
static int find_sector(const clio_iim_system *s, const clioi_csv *csv, const clioi_csv_row *row,
                       const char *region, const char *name, size_t *index, clio_error *err)
{
    size_t found = CLIO_NONE, count = 0;
    if (region && !s->regions)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: a region ('%s') is given, but the sectors have none",
                          csv->path, row->line, region);
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->sectors[i], name) == 0 && (!region || strcmp(s->regions[i], region) == 0)) {
            found = i;
            count++;
        }
    if (count == 0)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: unknown sector '%s'%s%s%s", csv->path,
                          row->line, name, region ? " in region '" : "", region ? region : "",
                          region ? "'" : "");
    if (count > 1)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: sector '%s' is in several regions: give the region "
                          "(region,sector,value)",
                          csv->path, row->line, name);
    *index = found;
    return CLIO_OK;
}

int clio_iim_vector_read(const char *path, const clio_iim_system *s, const char *what,
                         double lo, double hi, double fill, double *v, clio_error *err)
{
    clioi_csv *csv = NULL;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    unsigned char *seen = clioi_calloc_array(s->n, 1);
    if (!seen) {
        clioi_csv_free(csv);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory reading '%s'", path);
    }
    for (size_t i = 0; i < s->n; i++)
        v[i] = fill;
    for (size_t r = 0; r < csv->nrows && status == CLIO_OK; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        double value;
        if (row->nfields != 2 && row->nfields != 3) {
            status = clioi_fail(err, CLIO_EFORMAT,
                                "%s:%zu: %zu fields; want sector,value or region,sector,value",
                                path, row->line, row->nfields);
            break;
        }
        const char *text = row->fields[row->nfields - 1];
        if (r == 0 && clioi_parse_double(text, &value) != 0)
            continue; /* a header line */
        size_t i = 0;
        status = find_sector(s, csv, row, row->nfields == 3 ? row->fields[0] : NULL,
                             row->fields[row->nfields - 2], &i, err);
        if (status == CLIO_OK)
            status = clioi_csv_number(csv, row, row->nfields - 1, "value", &value, err);
        if (status != CLIO_OK)
            break;
        if (seen[i])
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: sector '%s' is listed twice", path,
                                row->line, s->sectors[i]);
        else if (!(value >= lo && value <= hi))
            status = clioi_fail(err, CLIO_EVALUE,
                                "%s:%zu: %s of sector '%s' is %g: it must be in [%g, %g]", path,
                                row->line, what, s->sectors[i], value, lo, hi);
        seen[i] = 1;
        v[i] = value;
    }
    free(seen);
    clioi_csv_free(csv);
    return status;
}
