/* rpc_csv.c -- regional purchase coefficients known from surveys, which
 * replace the location-quotient estimate: columns sector (seller) and rpc,
 * optionally buyer (one cell; empty or absent: the whole row) and region
 * (rows of other regions skipped).  A per-cell row refines a whole-row one
 * in any order; the same cell or row twice is an error. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Columns of the file (CLIO_NONE when absent). */
typedef struct columns {
    size_t region, sector, buyer, rpc;
} columns;

static int header(const clioi_csv *csv, columns *c, clio_error *err)
{
    if (csv->nrows == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", csv->path);
    const clioi_csv_row *h = &csv->rows[0];
    c->region = clioi_csv_column(h, "region");
    c->sector = clioi_csv_column(h, "sector");
    c->buyer = clioi_csv_column(h, "buyer");
    c->rpc = clioi_csv_column(h, "rpc");
    if (c->sector == CLIO_NONE || c->rpc == CLIO_NONE)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: the header needs columns 'sector' and 'rpc' (optionally "
                          "'buyer' and 'region')",
                          csv->path, h->line);
    return CLIO_OK;
}

/* A sector name of the national table, or CLIO_ELABEL naming file:line. */
static int lookup(const clioi_csv *csv, const clioi_csv_row *row, const clio_table *t,
                  const char *name, size_t *index, clio_error *err)
{
    *index = clioi_find_label(t->sector_names, t->n, name);
    if (*index == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: unknown sector '%s'", csv->path, row->line,
                          name);
    return CLIO_OK;
}

/* Pass `cells`: 0 applies whole-row rows, 1 per-cell rows (which win). */
static int apply(const clioi_csv *csv, const columns *c, const clio_table *t,
                 const char *region, int cells, double *rpc, size_t ld, unsigned char *set,
                 clio_error *err)
{
    size_t n = t->n;
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        int status = clioi_csv_check_width(csv, row, err);
        if (status != CLIO_OK)
            return status;
        const char *buyer = c->buyer != CLIO_NONE ? row->fields[c->buyer] : "";
        if ((*buyer != '\0') != cells)
            continue;
        const char *reg = c->region != CLIO_NONE ? row->fields[c->region] : "";
        if (*reg && region && strcmp(reg, region) != 0)
            continue;
        size_t i, j0 = 0, j1 = n;
        status = lookup(csv, row, t, row->fields[c->sector], &i, err);
        if (status == CLIO_OK && cells && (status = lookup(csv, row, t, buyer, &j0, err)) == CLIO_OK)
            j1 = j0 + 1;
        double v;
        if (status == CLIO_OK)
            status = clioi_csv_number(csv, row, c->rpc, "rpc", &v, err);
        if (status != CLIO_OK)
            return status;
        if (!(v >= 0 && v <= 1))
            return clioi_fail(err, CLIO_EVALUE,
                              "%s:%zu: regional purchase coefficient %g of sector '%s' is not "
                              "in [0, 1]",
                              csv->path, row->line, v, t->sector_names[i]);
        for (size_t j = j0; j < j1; j++) {
            if (set[i + j * n] == cells + 1)
                return clioi_fail(err, CLIO_ELABEL, "%s:%zu: sector '%s'%s%s given twice",
                                  csv->path, row->line, t->sector_names[i],
                                  cells ? " to buyer " : "", cells ? t->sector_names[j] : "");
            set[i + j * n] = (unsigned char)(cells + 1);
            rpc[i + j * ld] = v;
        }
    }
    return CLIO_OK;
}

int clio_rpc_read_csv(const char *path, const clio_table *national, const char *region,
                      double *rpc, size_t ld, clio_error *err)
{
    size_t n = national->n;
    if (ld < n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ld, n);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            rpc[i + j * ld] = NAN;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    unsigned char *set = clioi_calloc_array(n * n, 1);
    columns c = {CLIO_NONE, CLIO_NONE, CLIO_NONE, CLIO_NONE};
    if (!set)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else if ((status = header(csv, &c, err)) == CLIO_OK &&
             (status = apply(csv, &c, national, region, 0, rpc, ld, set, err)) == CLIO_OK)
        status = apply(csv, &c, national, region, 1, rpc, ld, set, err);
    if (status != CLIO_OK)
        for (size_t j = 0; j < n; j++)
            for (size_t i = 0; i < n; i++)
                rpc[i + j * ld] = NAN;
    free(set);
    clioi_csv_free(csv);
    return status;
}
