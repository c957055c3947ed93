/* income_distribution_csv.c -- how value added is paid out to household
 * groups: a CSV with the columns group,component,share (any order, by
 * header name).  share is the part of value-added row `component` that
 * group `group` receives.  Components not listed go to no household (taxes,
 * imports, retained profits).  Shared by the SAM closure and the
 * shared-value scorecard. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Shares over groups of one component may exceed 1 by rounding only. */
#define SHARE_SUM_SLACK 1e-9

void clio_income_distribution_free(clio_income_distribution *d)
{
    if (!d)
        return;
    clioi_free_labels(d->groups, d->ngroups);
    free(d->share);
    free(d);
}

/* The groups in order of first appearance (the first is taken as the
 * lowest-income group by the scorecard). */
static int collect_groups(const clioi_csv *csv, size_t c_group, clio_income_distribution *d,
                          clio_error *err)
{
    d->groups = clioi_calloc_array(csv->nrows, sizeof *d->groups);
    if (!d->groups)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        int status = clioi_csv_check_width(csv, row, err);
        if (status != CLIO_OK)
            return status;
        const char *name = row->fields[c_group];
        if (name[0] == '\0')
            return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the group name is empty", csv->path,
                              row->line);
        if (clioi_find_label(d->groups, d->ngroups, name) == CLIO_NONE &&
            !(d->groups[d->ngroups++] = clioi_strdup(name)))
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    if (d->ngroups == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: no groups: the file has only a header",
                          csv->path);
    return CLIO_OK;
}

/* Every row's share into d->share; unknown components, repeated pairs and
 * shares outside [0, 1] are refused with file:line. */
static int fill_shares(const clioi_csv *csv, const clio_table *t, const size_t cols[3],
                       clio_income_distribution *d, clio_error *err)
{
    unsigned char *given = clioi_calloc_array(d->ngroups * t->nva, 1);
    if (!given)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = CLIO_OK;
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        size_t g = clioi_find_label(d->groups, d->ngroups, row->fields[cols[0]]);
        size_t c = clioi_find_label(t->va_names, t->nva, row->fields[cols[1]]);
        double share;
        if (c == CLIO_NONE) {
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: the table has no value-added row '%s'",
                                csv->path, row->line, row->fields[cols[1]]);
        } else if (given[g + d->ngroups * c]) {
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: group '%s' is given '%s' twice",
                                csv->path, row->line, d->groups[g], t->va_names[c]);
        } else if ((status = clioi_csv_number(csv, row, cols[2], "share", &share, err)) ==
                   CLIO_OK) {
            if (!(share >= 0.0 && share <= 1.0))
                status = clioi_fail(err, CLIO_EVALUE,
                                    "%s:%zu: share %g is not between 0 and 1", csv->path,
                                    row->line, share);
            d->share[g + d->ngroups * c] = share;
            given[g + d->ngroups * c] = 1;
        }
    }
    free(given);
    return status;
}

/* No component may be paid out more than once over all groups. */
static int check_sums(const char *path, const clio_table *t, const clio_income_distribution *d,
                      clio_error *err)
{
    for (size_t c = 0; c < t->nva; c++) {
        double sum = 0.0;
        for (size_t g = 0; g < d->ngroups; g++)
            sum += d->share[g + d->ngroups * c];
        if (sum > 1.0 + SHARE_SUM_SLACK)
            return clioi_fail(err, CLIO_EVALUE,
                              "%s: the shares of '%s' add up to %.10g, more than 1", path,
                              t->va_names[c], sum);
    }
    return CLIO_OK;
}

int clio_income_distribution_read_csv(const char *path, const clio_table *t,
                                      clio_income_distribution **out, clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clio_income_distribution *d = calloc(1, sizeof *d);
    size_t cols[3] = {CLIO_NONE, CLIO_NONE, CLIO_NONE};
    if (!d)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else if (csv->nrows == 0)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
    else if ((status = clioi_csv_need_column(csv, "group", &cols[0], err)) == CLIO_OK &&
             (status = clioi_csv_need_column(csv, "component", &cols[1], err)) == CLIO_OK &&
             (status = clioi_csv_need_column(csv, "share", &cols[2], err)) == CLIO_OK)
        status = collect_groups(csv, cols[0], d, err);
    if (status == CLIO_OK) {
        d->ncomponents = t->nva;
        if (!(d->share = clioi_calloc_array(d->ngroups * t->nva, sizeof *d->share)))
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    if (status == CLIO_OK)
        status = fill_shares(csv, t, cols, d, err);
    if (status == CLIO_OK)
        status = check_sums(path, t, d, err);
    clioi_csv_free(csv);
    if (status != CLIO_OK) {
        clio_income_distribution_free(d);
        return status;
    }
    *out = d;
    return CLIO_OK;
}
