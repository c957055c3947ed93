/* consumption_csv.c -- how the household-consumption column is split over
 * household groups: a CSV with the columns sector,group,share (region too in
 * multi-region tables), read for a SAM closure with several groups.  The
 * shares of one sector over all groups may not exceed 1; sectors not listed
 * stay exogenous household demand. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

/* Shares over groups of one sector may exceed 1 by rounding only. */
#define SHARE_SUM_SLACK 1e-9

/* "'a', 'b'" of the distribution's groups, cut with "..." when too long. */
static void list_groups(const clio_income_distribution *d, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t g = 0; g < d->ngroups; g++) {
        int w = snprintf(buf + used, len - used, "%s'%s'", g ? ", " : "", d->groups[g]);
        if (w < 0 || (size_t)w >= len - used) {
            strcpy(buf + len - 4, "...");
            return;
        }
        used += (size_t)w;
    }
}

/* Every data row into share; last_line[i] remembers where sector i was last
 * given, for the message of a sum above 1. */
static int fill_shares(const clioi_csv *csv, const clio_table *t,
                       const clio_income_distribution *d, const clioi_keyed_columns *key,
                       const size_t cols[2], double *share, size_t *last_line,
                       unsigned char *given, clio_error *err)
{
    size_t n = t->n;
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        size_t i, g;
        double value;
        int status = clioi_keyed_csv_row(csv, r, t, key, &i, err);
        if (status != CLIO_OK)
            return status;
        const char *name = row->fields[cols[0]];
        if ((g = clioi_find_label(d->groups, d->ngroups, name)) == CLIO_NONE) {
            char known[512];
            list_groups(d, known, sizeof known);
            return clioi_fail(err, CLIO_ELABEL,
                              "%s:%zu: unknown household group '%s' (groups of the income "
                              "distribution: %s)",
                              csv->path, row->line, name, known);
        }
        if (given[i + n * g])
            return clioi_fail(err, CLIO_ELABEL, "%s:%zu: group '%s' is given sector '%s' twice",
                              csv->path, row->line, name, t->sector_names[i]);
        if ((status = clioi_csv_number(csv, row, cols[1], "share", &value, err)) != CLIO_OK)
            return status;
        if (!(value >= 0.0 && value <= 1.0))
            return clioi_fail(err, CLIO_EVALUE, "%s:%zu: share %g is not between 0 and 1",
                              csv->path, row->line, value);
        share[i + n * g] = value;
        given[i + n * g] = 1;
        last_line[i] = row->line;
    }
    return CLIO_OK;
}

/* No sector's household purchases may be split out more than once. */
static int check_sums(const char *path, const clio_table *t, const clio_income_distribution *d,
                      const double *share, const size_t *last_line, clio_error *err)
{
    size_t n = t->n;
    for (size_t i = 0; i < n; i++) {
        double sum = 0.0;
        for (size_t g = 0; g < d->ngroups; g++)
            sum += share[i + n * g];
        if (sum > 1.0 + SHARE_SUM_SLACK) {
            char key[256];
            clio_table_sector_key(t, i, key, sizeof key);
            return clioi_fail(err, CLIO_EVALUE,
                              "%s:%zu: the shares of sector '%s' over the groups add up to "
                              "%.10g, more than 1",
                              path, last_line[i], key, sum);
        }
    }
    return CLIO_OK;
}

int clio_household_consumption_read_csv(const char *path, const clio_table *t,
                                        const clio_income_distribution *d, double *share,
                                        clio_error *err)
{
    size_t n = t->n, k = d->ngroups;
    for (size_t c = 0; c < n * k; c++)
        share[c] = 0.0;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    static const char *const required[] = {"group", "share", NULL};
    clioi_keyed_columns key;
    size_t cols[2];
    size_t *last_line = clioi_calloc_array(n, sizeof *last_line);
    unsigned char *given = clioi_calloc_array(n * k, 1);
    if (!last_line || !given)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else if ((status = clioi_keyed_csv_header(csv, t, required, NULL, &key, cols, err)) ==
             CLIO_OK)
        status = fill_shares(csv, t, d, &key, cols, share, last_line, given, err);
    if (status == CLIO_OK)
        status = check_sums(path, t, d, share, last_line, err);
    free(last_line);
    free(given);
    clioi_csv_free(csv);
    if (status != CLIO_OK)
        for (size_t c = 0; c < n * k; c++)
            share[c] = 0.0;
    return status;
}
