/* keyed_csv.c -- CSV files whose rows are keyed by region,sector of a table
 * (final-demand changes, cost changes, groups of sectors).  The readers of
 * those files share here what they all check: the header (columns found by
 * name, in any order; 'region' required only for multi-region tables) and,
 * per data row, the field count and the region/sector lookup, with file:line
 * in every message.  Columns by name and the field count are checked here
 * for every CSV reader. */
#include "clioi.h"

#include <stdio.h>
#include <string.h>

size_t clioi_csv_column(const clioi_csv_row *header, const char *name)
{
    for (size_t c = 0; c < header->nfields; c++)
        if (strcmp(header->fields[c], name) == 0)
            return c;
    return CLIO_NONE;
}

int clioi_csv_need_column(const clioi_csv *csv, const char *name, size_t *col, clio_error *err)
{
    *col = clioi_csv_column(&csv->rows[0], name);
    if (*col == CLIO_NONE)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: no column '%s' in the header", csv->path,
                          csv->rows[0].line, name);
    return CLIO_OK;
}

int clioi_csv_check_width(const clioi_csv *csv, const clioi_csv_row *row, clio_error *err)
{
    if (row->nfields != csv->rows[0].nfields)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: %zu fields, but the header has %zu",
                          csv->path, row->line, row->nfields, csv->rows[0].nfields);
    return CLIO_OK;
}

/* Append "'name'" to buf (used bytes so far in *used), after sep. */
static void append_name(char *buf, size_t len, size_t *used, const char *sep,
                        const char *name)
{
    if (*used >= len)
        return;
    int w = snprintf(buf + *used, len - *used, "%s'%s'", sep, name);
    if (w > 0)
        *used += (size_t)w;
}

/* The missing-column message: "the header needs columns 'sector' and
 * 'change' (and 'region' for multi-region tables, optionally 'component')". */
static int fail_columns(const clioi_csv *csv, const char *const *required,
                        const char *const *optional, clio_error *err)
{
    char need[256], also[256];
    size_t used = 0, nreq = 0;
    need[0] = also[0] = '\0';
    append_name(need, sizeof need, &used, "", "sector");
    while (required[nreq])
        nreq++;
    for (size_t k = 0; k < nreq; k++)
        append_name(need, sizeof need, &used, k + 1 == nreq ? " and " : ", ", required[k]);
    used = 0;
    for (size_t k = 0; optional && optional[k]; k++)
        append_name(also, sizeof also, &used, k ? ", " : ", optionally ", optional[k]);
    return clioi_fail(err, CLIO_EFORMAT,
                      "%s:%zu: the header needs columns %s (and 'region' for multi-region "
                      "tables%s)",
                      csv->path, csv->rows[0].line, need, also);
}

int clioi_keyed_csv_header(const clioi_csv *csv, const clio_table *t,
                           const char *const *required, const char *const *optional,
                           clioi_keyed_columns *key, size_t *cols, clio_error *err)
{
    if (csv->nrows == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", csv->path);
    const clioi_csv_row *header = &csv->rows[0];
    key->region = clioi_csv_column(header, "region");
    key->sector = clioi_csv_column(header, "sector");
    int missing = key->sector == CLIO_NONE;
    size_t k = 0;
    for (; required[k]; k++)
        missing |= (cols[k] = clioi_csv_column(header, required[k])) == CLIO_NONE;
    for (size_t o = 0; optional && optional[o]; o++)
        cols[k + o] = clioi_csv_column(header, optional[o]);
    if (missing)
        return fail_columns(csv, required, optional, err);
    if (key->region == CLIO_NONE && t->nregions > 1)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: the table has %zu regions: add a 'region' column", csv->path,
                          header->line, t->nregions);
    return CLIO_OK;
}

int clioi_keyed_csv_row(const clioi_csv *csv, size_t r, const clio_table *t,
                        const clioi_keyed_columns *key, size_t *sector, clio_error *err)
{
    const clioi_csv_row *row = &csv->rows[r];
    int status = clioi_csv_check_width(csv, row, err);
    if (status != CLIO_OK)
        return status;
    const char *region = key->region != CLIO_NONE ? row->fields[key->region] : NULL;
    clio_error lookup;
    if (clio_table_find_sector(t, region, row->fields[key->sector], sector, &lookup) != CLIO_OK)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: %s", csv->path, row->line, lookup.message);
    return CLIO_OK;
}
