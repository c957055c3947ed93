/* wiod_read.c -- a WIOD 2016 release national input-output table (NIOT)
 * as published in CSV: columns Year, Code, Description, Origin, the
 * industries (A01 ... U), final use CONS_h CONS_np CONS_g GFCF INVEN EXP
 * and GO; per year the Domestic rows (one per industry, in the columns'
 * order), the Imports rows, and TOT rows II_fob, TXSP, EXP_adj, PURR,
 * PURNR, VA, IntTTM, GO.  One year becomes a one-region table: domestic
 * flows Z and Y, x = GO, value added = imports (summed over products) and
 * the TOT rows that complete the column: GO = 1'Z + imports + TXSP +
 * EXP_adj + PURR + PURNR + VA + IntTTM.  Imported final use is not part of
 * domestic output and is not read. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

static const char *const FINAL_USE[] = {"CONS_h", "CONS_np", "CONS_g", "GFCF", "INVEN", "EXP"};
#define NFINAL (sizeof FINAL_USE / sizeof *FINAL_USE)
static const char *const VA_ROWS[] = {"imports", "TXSP", "EXP_adj", "PURR", "PURNR", "VA", "IntTTM"};
#define NVA (sizeof VA_ROWS / sizeof *VA_ROWS)

typedef struct niot_cols {
    size_t year, code, origin, go, first, n; /* industries: columns first .. first+n-1 */
    size_t fd[NFINAL];
} niot_cols;

static int find_columns(const clioi_csv *csv, niot_cols *c, clio_error *err)
{
    const clioi_csv_row *h = &csv->rows[0];
    const char *need[] = {"Year", "Code", "Origin", "GO"};
    size_t *where[] = {&c->year, &c->code, &c->origin, &c->go};
    for (size_t k = 0; k < 4; k++)
        if ((*where[k] = clioi_csv_column(h, need[k])) == CLIO_NONE)
            return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: no column '%s' (WIOD NIOT layout)",
                              csv->path, h->line, need[k]);
    for (size_t k = 0; k < NFINAL; k++)
        if ((c->fd[k] = clioi_csv_column(h, FINAL_USE[k])) == CLIO_NONE)
            return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: no final-use column '%s'", csv->path,
                              h->line, FINAL_USE[k]);
    /* Industries: from after Origin (and Description) to the first final use. */
    size_t desc = clioi_csv_column(h, "Description");
    c->first = (desc != CLIO_NONE && desc > c->origin ? desc : c->origin) + 1;
    c->n = c->fd[0] > c->first ? c->fd[0] - c->first : 0;
    if (c->n == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: no industry columns before CONS_h",
                          csv->path, h->line);
    return CLIO_OK;
}

static int latest_year(const clioi_csv *csv, const niot_cols *c, int *year, clio_error *err)
{
    *year = 0;
    for (size_t r = 1; r < csv->nrows; r++) {
        double y;
        int status = clioi_csv_number(csv, &csv->rows[r], c->year, "Year", &y, err);
        if (status != CLIO_OK)
            return status;
        if ((int)y > *year)
            *year = (int)y;
    }
    return CLIO_OK;
}

/* One row of the chosen year into t; dom counts the Domestic rows seen. */
static int take_row(clio_table *t, const clioi_csv *csv, const clioi_csv_row *row,
                    const niot_cols *c, size_t *dom, clio_error *err)
{
    const clioi_csv_row *h = &csv->rows[0];
    int status = clioi_csv_check_width(csv, row, err);
    if (status != CLIO_OK)
        return status;
    const char *origin = row->fields[c->origin], *code = row->fields[c->code];
    size_t n = t->n, va = CLIO_NONE;
    double v;
    if (strcmp(origin, "Domestic") == 0) {
        size_t i = (*dom)++;
        if (i >= n || strcmp(code, h->fields[c->first + i]) != 0)
            return clioi_fail(err, CLIO_ELABEL,
                              "%s:%zu: domestic row '%s' is not industry column %zu '%s' (rows "
                              "must list the industries in the columns' order)",
                              csv->path, row->line, code, c->first + i + 1,
                              i < n ? h->fields[c->first + i] : "(none: too many rows)");
        for (size_t j = 0; j < n && !status; j++)
            status = clioi_csv_number(csv, row, c->first + j, h->fields[c->first + j],
                                      &t->Z[i + j * n], err);
        for (size_t k = 0; k < NFINAL && !status; k++)
            status = clioi_csv_number(csv, row, c->fd[k], FINAL_USE[k], &t->Y[i + k * n], err);
        if (!status)
            status = clioi_csv_number(csv, row, c->go, "GO", &t->x[i], err);
        return status;
    }
    if (strcmp(origin, "Imports") == 0)
        va = 0;
    else if (strcmp(origin, "TOT") != 0)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: Origin '%s' (want Domestic, Imports or TOT)", csv->path,
                          row->line, origin);
    for (size_t k = 1; k < NVA && va == CLIO_NONE; k++)
        if (strcmp(code, VA_ROWS[k]) == 0)
            va = k;
    if (va == CLIO_NONE) {
        if (strcmp(code, "II_fob") == 0 || strcmp(code, "GO") == 0)
            return CLIO_OK; /* totals */
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: unknown TOT row '%s'", csv->path,
                          row->line, code);
    }
    for (size_t j = 0; j < n && !status; j++) {
        status = clioi_csv_number(csv, row, c->first + j, h->fields[c->first + j], &v, err);
        t->V[va + j * NVA] += v; /* imports: summed over the imported products */
    }
    return status;
}

int clioi_read_wiod_niot(const char *path, int year, const char *region, clio_table **out,
                         clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clio_table *t = NULL;
    niot_cols c;
    if (csv->nrows < 2) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s: no rows after the header", path);
        goto done;
    }
    if ((status = find_columns(csv, &c, err)))
        goto done;
    if (!year && (status = latest_year(csv, &c, &year, err)))
        goto done;
    if (!(t = clio_table_alloc(1, c.n, NFINAL, NVA, 0))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    const clioi_csv_row *h = &csv->rows[0];
    status = clio_table_set_label(t, CLIO_LABEL_REGION, 0, region ? region : "R1");
    for (size_t i = 0; i < c.n && !status; i++) {
        t->sector_region[i] = 0;
        status = clio_table_set_label(t, CLIO_LABEL_SECTOR, i, h->fields[c.first + i]);
    }
    for (size_t k = 0; k < NFINAL && !status; k++) {
        t->fd_region[k] = 0;
        status = clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, k, FINAL_USE[k]);
    }
    for (size_t k = 0; k < NVA && !status; k++)
        status = clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, k, VA_ROWS[k]);
    if (status) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    size_t dom = 0, rows = 0;
    for (size_t r = 1; r < csv->nrows && !status; r++) {
        double y;
        if ((status = clioi_csv_number(csv, &csv->rows[r], c.year, "Year", &y, err)))
            break;
        if ((int)y != year)
            continue;
        rows++;
        status = take_row(t, csv, &csv->rows[r], &c, &dom, err);
    }
    if (!status && rows == 0)
        status = clioi_fail(err, CLIO_ELABEL, "%s: no rows for year %d", path, year);
    else if (!status && dom != c.n)
        status = clioi_fail(err, CLIO_EDIM, "%s: year %d has %zu domestic rows for %zu industries",
                            path, year, dom, c.n);
    if (!status && !t->title) {
        char title[96];
        snprintf(title, sizeof title, "WIOD 2016 national IO table, %s %d", region ? region : "R1",
                 year);
        t->title = clioi_strdup(title);
    }
done:
    clioi_csv_free(csv);
    if (status) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}
