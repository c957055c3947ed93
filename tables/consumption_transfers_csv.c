/* consumption_transfers_csv.c -- transfers between household groups of a
 * SAM closure (remittances, private transfers): a CSV with the columns
 * from,to,share, where `to` receives `share` of the total income of
 * `from`.  The groups are those of the income distribution. */
#include "clioi.h"

#include <stdlib.h>

/* A group gives away at most all its income, up to rounding. */
#define SHARE_SUM_SLACK 1e-9

/* The group named in field col of row, or CLIO_ELABEL with file:line. */
static int find_group(const clioi_csv *csv, const clioi_csv_row *row, size_t col,
                      const clio_income_distribution *d, size_t *g, clio_error *err)
{
    *g = clioi_find_label(d->groups, d->ngroups, row->fields[col]);
    if (*g == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: unknown household group '%s' (not in the income "
                          "distribution)",
                          csv->path, row->line, row->fields[col]);
    return CLIO_OK;
}

static int fill(const clioi_csv *csv, const clio_income_distribution *d, const size_t cols[3],
                double *H, size_t *last_line, unsigned char *given, clio_error *err)
{
    size_t k = d->ngroups;
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        size_t from, to;
        double value;
        int status;
        if ((status = clioi_csv_check_width(csv, row, err)) != CLIO_OK)
            return status;
        if ((status = find_group(csv, row, cols[0], d, &from, err)) != CLIO_OK ||
            (status = find_group(csv, row, cols[1], d, &to, err)) != CLIO_OK)
            return status;
        if (from == to)
            return clioi_fail(err, CLIO_ELABEL, "%s:%zu: group '%s' transfers to itself",
                              csv->path, row->line, d->groups[from]);
        if (given[to + k * from])
            return clioi_fail(err, CLIO_ELABEL, "%s:%zu: the transfer from '%s' to '%s' is "
                              "given twice", csv->path, row->line, d->groups[from], d->groups[to]);
        if ((status = clioi_csv_number(csv, row, cols[2], "share", &value, err)) != CLIO_OK)
            return status;
        if (!(value >= 0.0 && value <= 1.0))
            return clioi_fail(err, CLIO_EVALUE, "%s:%zu: share %g is not between 0 and 1",
                              csv->path, row->line, value);
        H[to + k * from] = value;
        given[to + k * from] = 1;
        last_line[from] = row->line;
    }
    for (size_t g = 0; g < k; g++) {
        double sum = 0.0;
        for (size_t h = 0; h < k; h++)
            sum += H[h + k * g];
        if (sum > 1.0 + SHARE_SUM_SLACK)
            return clioi_fail(err, CLIO_EVALUE,
                              "%s:%zu: group '%s' gives away %.10g of its income, more than 1",
                              csv->path, last_line[g], d->groups[g], sum);
    }
    return CLIO_OK;
}

int clio_household_transfers_read_csv(const char *path, const clio_income_distribution *d,
                                      double *H, clio_error *err)
{
    size_t k = d->ngroups;
    for (size_t c = 0; c < k * k; c++)
        H[c] = 0.0;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    size_t cols[3];
    size_t *last_line = clioi_calloc_array(k, sizeof *last_line);
    unsigned char *given = clioi_calloc_array(k * k, 1);
    if (!last_line || !given)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else if (csv->nrows == 0)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
    else if ((status = clioi_csv_need_column(csv, "from", &cols[0], err)) == CLIO_OK &&
             (status = clioi_csv_need_column(csv, "to", &cols[1], err)) == CLIO_OK &&
             (status = clioi_csv_need_column(csv, "share", &cols[2], err)) == CLIO_OK)
        status = fill(csv, d, cols, H, last_line, given, err);
    free(last_line);
    free(given);
    clioi_csv_free(csv);
    if (status != CLIO_OK)
        for (size_t c = 0; c < k * k; c++)
            H[c] = 0.0;
    return status;
}
