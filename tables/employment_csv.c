/* employment_csv.c -- regional sizes by sector (employment, or output) for
 * regionalising a national table: columns sector and employment (or
 * output), optional region and national, in any order.  Every sector of the
 * table needs one row per region; the national sizes come from the file, a
 * satellite of the table, x, or the sum over the regions (see clio.h). */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_regional_sizes_free(clio_regional_sizes *s)
{
    if (!s)
        return;
    clioi_free_labels(s->regions, s->nregions);
    free(s->regional);
    free(s->national);
    free(s);
}

int clio_regional_sizes_find(const clio_regional_sizes *s, const char *name, size_t *index,
                             clio_error *err)
{
    size_t k = clioi_find_label(s->regions, s->nregions, name);
    if (k == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL, "no region '%s' in the size file", name);
    *index = k;
    return CLIO_OK;
}

/* Column indices of the file. */
typedef struct columns {
    size_t region, sector, value, national;
} columns;

static int read_header(const clioi_csv *csv, const char *value_name, columns *c,
                       clio_error *err)
{
    if (csv->nrows == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", csv->path);
    const clioi_csv_row *h = &csv->rows[0];
    c->region = clioi_csv_column(h, "region");
    c->sector = clioi_csv_column(h, "sector");
    c->value = clioi_csv_column(h, value_name);
    c->national = clioi_csv_column(h, "national");
    if (c->sector == CLIO_NONE || c->value == CLIO_NONE)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: the header needs columns 'sector' and '%s' (optionally "
                          "'region' and 'national')",
                          csv->path, h->line, value_name);
    return CLIO_OK;
}

/* The distinct regions of the file, in order of first appearance. */
static int collect_regions(const clioi_csv *csv, const columns *c, const char *default_region,
                           clio_regional_sizes *s, clio_error *err)
{
    size_t cap = c->region == CLIO_NONE ? 1 : csv->nrows;
    s->regions = clioi_calloc_array(cap, sizeof *s->regions);
    if (!s->regions)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (c->region == CLIO_NONE) {
        s->nregions = 1;
        if (!(s->regions[0] = clioi_strdup(default_region ? default_region : "region")))
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        return CLIO_OK;
    }
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        int status = clioi_csv_check_width(csv, row, err);
        if (status != CLIO_OK)
            return status;
        const char *name = row->fields[c->region];
        if (!*name)
            return clioi_fail(err, CLIO_ELABEL, "%s:%zu: empty region", csv->path, row->line);
        if (clioi_find_label(s->regions, s->nregions, name) == CLIO_NONE &&
            !(s->regions[s->nregions++] = clioi_strdup(name)))
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    if (s->nregions == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: no data rows", csv->path);
    return CLIO_OK;
}

/* One data row into s: region, sector, size, national size (NaN when the
 * file has none); seen marks filled cells. */
static int read_row(const clioi_csv *csv, size_t r, const clio_table *t, const columns *c,
                    const char *value_name, clio_regional_sizes *s, unsigned char *seen,
                    clio_error *err)
{
    const clioi_csv_row *row = &csv->rows[r];
    int status = clioi_csv_check_width(csv, row, err);
    if (status != CLIO_OK)
        return status;
    size_t k = c->region == CLIO_NONE ? 0
                                      : clioi_find_label(s->regions, s->nregions,
                                                         row->fields[c->region]);
    size_t i = clioi_find_label(t->sector_names, t->n, row->fields[c->sector]);
    if (i == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: unknown sector '%s'", csv->path,
                          row->line, row->fields[c->sector]);
    if (seen[i + k * t->n])
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: sector '%s' of region '%s' given twice",
                          csv->path, row->line, t->sector_names[i], s->regions[k]);
    seen[i + k * t->n] = 1;
    double v;
    status = clioi_csv_number(csv, row, c->value, value_name, &v, err);
    if (status != CLIO_OK)
        return status;
    if (v < 0)
        return clioi_fail(err, CLIO_EVALUE, "%s:%zu: negative %s %g of sector '%s'", csv->path,
                          row->line, value_name, v, t->sector_names[i]);
    s->regional[i + k * t->n] = v;
    if (c->national == CLIO_NONE)
        return CLIO_OK;
    if ((status = clioi_csv_number(csv, row, c->national, "national", &v, err)) != CLIO_OK)
        return status;
    if (!isnan(s->national[i]) && s->national[i] != v)
        return clioi_fail(err, CLIO_EVALUE,
                          "%s:%zu: national size of sector '%s' is %g here but %g on an "
                          "earlier row",
                          csv->path, row->line, t->sector_names[i], v, s->national[i]);
    s->national[i] = v;
    return CLIO_OK;
}

/* National sizes when the file has none: a satellite, x, or the sum. */
static int national_sizes(const clio_table *t, int measure, const char *account,
                          const char *path, clio_regional_sizes *s, clio_error *err)
{
    size_t n = t->n;
    /* an employment file and a table with an 'employment' satellite: that
     * satellite is the nation's employment unless another is named */
    if (!account && measure == CLIO_MEASURE_EMPLOYMENT &&
        clioi_find_label(t->sat_names, t->nsat, "employment") != CLIO_NONE)
        account = "employment";
    if (account) {
        size_t a = clioi_find_label(t->sat_names, t->nsat, account);
        if (a == CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL, "the table has no satellite account '%s'",
                              account);
        for (size_t i = 0; i < n; i++)
            s->national[i] = t->S[a + i * t->nsat];
    } else if (measure == CLIO_MEASURE_OUTPUT) {
        for (size_t i = 0; i < n; i++)
            s->national[i] = t->x[i];
    } else if (s->nregions >= 2) {
        for (size_t i = 0; i < n; i++) {
            s->national[i] = 0;
            for (size_t k = 0; k < s->nregions; k++)
                s->national[i] += s->regional[i + k * n];
        }
    } else {
        return clioi_fail(err, CLIO_EINVAL,
                          "%s: national sizes are unknown: add a column 'national', name a "
                          "satellite account of the table (--national-account; the table has "
                          "no 'employment' satellite), or give several regions",
                          path);
    }
    return CLIO_OK;
}

/* Sizes the location quotients can use: national > 0, regional <= national. */
static int check_sizes(const clio_table *t, const char *path, const clio_regional_sizes *s,
                       clio_error *err)
{
    for (size_t i = 0; i < t->n; i++) {
        if (!isfinite(s->national[i]) || s->national[i] < 0)
            return clioi_fail(err, CLIO_EVALUE, "%s: national size of sector '%s' is %g",
                              path, t->sector_names[i], s->national[i]);
        if (s->national[i] == 0)
            return clioi_fail(err, CLIO_EVALUE,
                              "%s: national size of sector '%s' is zero: its location "
                              "quotient is undefined",
                              path, t->sector_names[i]);
        for (size_t k = 0; k < s->nregions; k++)
            if (s->regional[i + k * t->n] > s->national[i] * (1 + 1e-12))
                return clioi_fail(err, CLIO_EVALUE,
                                  "%s: region '%s': size of sector '%s' (%g) exceeds the "
                                  "national size (%g)",
                                  path, s->regions[k], t->sector_names[i],
                                  s->regional[i + k * t->n], s->national[i]);
    }
    return CLIO_OK;
}

int clio_regional_sizes_read_csv(const char *path, const clio_table *national, int measure,
                                 const char *national_account, const char *default_region,
                                 clio_regional_sizes **out, clio_error *err)
{
    *out = NULL;
    const clio_table *t = national;
    if (t->nregions != 1)
        return clioi_fail(err, CLIO_EDIM,
                          "regional sizes need a one-region (national) table, not one of %zu "
                          "regions",
                          t->nregions);
    const char *value_name = measure == CLIO_MEASURE_OUTPUT ? "output" : "employment";
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clio_regional_sizes *s = calloc(1, sizeof *s);
    unsigned char *seen = NULL;
    columns c = {CLIO_NONE, CLIO_NONE, CLIO_NONE, CLIO_NONE};
    if (!s) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    s->n = t->n;
    if ((status = read_header(csv, value_name, &c, err)) != CLIO_OK ||
        (status = collect_regions(csv, &c, default_region, s, err)) != CLIO_OK)
        goto done;
    size_t cells = t->n * s->nregions;
    s->regional = clioi_calloc_array(cells, sizeof *s->regional);
    s->national = clioi_calloc_array(t->n, sizeof *s->national);
    seen = clioi_calloc_array(cells, 1);
    if (!s->regional || !s->national || !seen) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < t->n; i++)
        s->national[i] = NAN;
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++)
        status = read_row(csv, r, t, &c, value_name, s, seen, err);
    for (size_t k = 0; status == CLIO_OK && k < s->nregions; k++)
        for (size_t i = 0; i < t->n; i++)
            if (!seen[i + k * t->n]) {
                status = clioi_fail(err, CLIO_ELABEL, "%s: region '%s' has no row for sector '%s'",
                                    path, s->regions[k], t->sector_names[i]);
                break;
            }
    if (status == CLIO_OK && c.national != CLIO_NONE && national_account)
        status = clioi_fail(err, CLIO_EINVAL,
                            "%s: the file has a 'national' column and a national account '%s' "
                            "is named too: give one source of national sizes",
                            path, national_account);
    if (status == CLIO_OK && c.national == CLIO_NONE)
        status = national_sizes(t, measure, national_account, path, s, err);
    if (status == CLIO_OK)
        status = check_sizes(t, path, s, err);
done:
    free(seen);
    clioi_csv_free(csv);
    if (status != CLIO_OK) {
        clio_regional_sizes_free(s);
        return status;
    }
    *out = s;
    return CLIO_OK;
}
