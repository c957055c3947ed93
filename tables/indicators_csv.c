/* indicators_csv.c -- user indicators with units (hours, emissions, any
 * quantity by sector) read from CSV and added to a table as satellites.
 * Two layouts: long (region,sector,indicator,unit,value) and wide
 * (indicator,unit,<sector key>..., as the matrix set's satellites.csv).
 * Both are read whole and checked before the table is copied, so a bad
 * file leaves nothing behind. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

/* The indicators found so far: names, units, values count x n (ld cap). */
typedef struct indicators {
    size_t count, cap, n;
    char **names, **units; /* borrowed from the CSV grid */
    size_t *first_line;
    double *S;
    unsigned char *seen; /* cap x n: a value was given */
} indicators;

static void indicators_free(indicators *d)
{
    free(d->names);
    free(d->units);
    free(d->first_line);
    free(d->S);
    free(d->seen);
}

static int indicators_make(indicators *d, size_t cap, size_t n)
{
    d->cap = cap ? cap : 1;
    d->n = n;
    d->names = clioi_calloc_array(d->cap, sizeof *d->names);
    d->units = clioi_calloc_array(d->cap, sizeof *d->units);
    d->first_line = clioi_calloc_array(d->cap, sizeof *d->first_line);
    d->S = clioi_alloc_matrix(d->cap, n ? n : 1);
    d->seen = clioi_calloc_array(d->cap * (n ? n : 1), 1);
    return d->names && d->units && d->first_line && d->S && d->seen ? CLIO_OK : CLIO_ENOMEM;
}

/* Index of indicator `name` (unit `unit`, from line `line`), added when
 * new; CLIO_ELABEL when its unit differs from the one first given. */
static int indicator_index(indicators *d, const char *path, size_t line, const char *name,
                           const char *unit, size_t *k, clio_error *err)
{
    if (!*name)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: the indicator name is empty", path, line);
    for (*k = 0; *k < d->count; (*k)++)
        if (strcmp(d->names[*k], name) == 0)
            break;
    if (*k == d->count) {
        d->names[*k] = (char *)name;
        d->units[*k] = (char *)unit;
        d->first_line[*k] = line;
        d->count++;
    } else if (strcmp(d->units[*k], unit) != 0) {
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: indicator '%s' has unit '%s' here but '%s' on line %zu", path,
                          line, name, unit, d->units[*k], d->first_line[*k]);
    }
    return CLIO_OK;
}

/* Store value v of indicator k for sector j (from file:line). */
static int indicator_set(indicators *d, const clio_table *t, const char *path, size_t line,
                         size_t k, size_t j, double v, clio_error *err)
{
    char key[256];
    clio_table_sector_key(t, j, key, sizeof key);
    if (v < 0)
        return clioi_fail(err, CLIO_EVALUE,
                          "%s:%zu: indicator '%s' of sector '%s' is negative (%g); satellite "
                          "accounts are non-negative quantities",
                          path, line, d->names[k], key, v);
    if (d->seen[k + d->cap * j])
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: indicator '%s' of sector '%s' given twice",
                          path, line, d->names[k], key);
    d->seen[k + d->cap * j] = 1;
    d->S[k + d->cap * j] = v;
    return CLIO_OK;
}

static int read_long(const clioi_csv *csv, const clio_table *t, indicators *d, clio_error *err)
{
    static const char *const required[] = {"indicator", "unit", "value", NULL};
    clioi_keyed_columns key;
    size_t cols[3];
    int status = clioi_keyed_csv_header(csv, t, required, NULL, &key, cols, err);
    if (status != CLIO_OK)
        return status;
    if ((status = indicators_make(d, csv->nrows - 1, t->n)) != CLIO_OK)
        return clioi_fail(err, status, "out of memory");
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        size_t j, k;
        double v;
        if ((status = clioi_keyed_csv_row(csv, r, t, &key, &j, err)) != CLIO_OK ||
            (status = indicator_index(d, csv->path, row->line, row->fields[cols[0]],
                                      row->fields[cols[1]], &k, err)) != CLIO_OK ||
            (status = clioi_csv_number(csv, row, cols[2], "value", &v, err)) != CLIO_OK ||
            (status = indicator_set(d, t, csv->path, row->line, k, j, v, err)) != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

/* Sector of wide column c: its key "sector" or "region|sector". */
static int wide_column_sector(const clioi_csv *csv, size_t c, const clio_table *t, size_t *j,
                              unsigned char *taken, clio_error *err)
{
    const clioi_csv_row *header = &csv->rows[0];
    char *region = NULL, *name = NULL;
    if (clioi_split_key(header->fields[c], &region, &name) != CLIO_OK)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    clio_error lookup;
    int status = clio_table_find_sector(t, region, name, j, &lookup);
    free(region);
    free(name);
    if (status != CLIO_OK)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: column '%s': %s", csv->path, header->line,
                          header->fields[c], lookup.message);
    if (taken[*j])
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: column '%s': the sector appears twice",
                          csv->path, header->line, header->fields[c]);
    taken[*j] = 1;
    return CLIO_OK;
}

static int read_wide(const clioi_csv *csv, const clio_table *t, indicators *d, clio_error *err)
{
    const clioi_csv_row *header = &csv->rows[0];
    if (header->nfields < 2 || strcmp(header->fields[1], "unit") != 0)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: the header needs the columns 'sector', 'indicator', 'unit' "
                          "and 'value' (long layout) or starts 'indicator,unit' followed by "
                          "sector keys (wide layout)",
                          csv->path, header->line);
    size_t ncols = header->nfields - 2;
    size_t *sector = clioi_calloc_array(ncols, sizeof *sector);
    unsigned char *taken = clioi_calloc_array(t->n, 1);
    int status = sector && taken ? indicators_make(d, csv->nrows - 1, t->n) : CLIO_ENOMEM;
    if (status != CLIO_OK)
        status = clioi_fail(err, status, "out of memory");
    for (size_t c = 0; status == CLIO_OK && c < ncols; c++)
        status = wide_column_sector(csv, c + 2, t, &sector[c], taken, err);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        size_t k;
        if ((status = clioi_csv_check_width(csv, row, err)) != CLIO_OK)
            break;
        size_t before = d->count;
        if ((status = indicator_index(d, csv->path, row->line, row->fields[0], row->fields[1],
                                      &k, err)) != CLIO_OK)
            break;
        if (d->count == before) {
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: indicator '%s' given twice (line %zu)",
                                csv->path, row->line, row->fields[0], d->first_line[k]);
            break;
        }
        for (size_t c = 0; status == CLIO_OK && c < ncols; c++) {
            double v;
            status = clioi_csv_number(csv, row, c + 2, header->fields[c + 2], &v, err);
            if (status == CLIO_OK)
                status = indicator_set(d, t, csv->path, row->line, k, sector[c], v, err);
        }
    }
    free(sector);
    free(taken);
    return status;
}

int clio_table_add_indicators_csv(const clio_table *t, const char *path, clio_table **out,
                                  clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    indicators d = {0};
    if (csv->nrows < 2)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: no indicators (the file has no data rows)",
                            path);
    else if (clioi_csv_column(&csv->rows[0], "sector") != CLIO_NONE)
        status = read_long(csv, t, &d, err);
    else
        status = read_wide(csv, t, &d, err);
    for (size_t k = 0; status == CLIO_OK && k < d.count; k++)
        if (clioi_find_label(t->sat_names, t->nsat, d.names[k]) != CLIO_NONE)
            status = clioi_fail(err, CLIO_ELABEL,
                                "%s:%zu: duplicate account '%s': the table already has a "
                                "satellite so named",
                                path, d.first_line[k], d.names[k]);
    if (status == CLIO_OK) {
        clio_error why;
        status = clio_table_add_satellites(t, d.count, (const char *const *)d.names,
                                           (const char *const *)d.units, d.S, d.cap, NULL, 0,
                                           out, &why);
        if (status != CLIO_OK)
            clioi_fail(err, status, "%s: %s", path, why.message);
    }
    indicators_free(&d);
    clioi_csv_free(csv);
    return status;
}
