/* shared_value_weights.c -- the weights of a scorecard from a CSV with
 * the columns criterion,weight and optionally direction (higher|lower),
 * by header name, every problem named with file:line. */
#include "shared_value.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Row r of the file into weights and direction. */
static int read_row(const clioi_csv *csv, size_t r, const clio_scorecard *sc, size_t ccrit,
                    size_t cweight, size_t cdir, double *weights, int *direction,
                    clio_error *err)
{
    const clioi_csv_row *row = &csv->rows[r];
    int status = clioi_csv_check_width(csv, row, err);
    if (status != CLIO_OK)
        return status;
    const char *name = row->fields[ccrit];
    size_t c = clio_scorecard_find(sc, name);
    if (c == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: unknown criterion '%s' (the scorecard has %s%s%s ...; "
                          "`clio shared-value --format csv` lists them all)",
                          csv->path, row->line, name, sc->ncriteria ? sc->criteria[0] : "none",
                          sc->ncriteria > 1 ? ", " : "", sc->ncriteria > 1 ? sc->criteria[1] : "");
    if (!isnan(weights[c]))
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: criterion '%s' is listed twice", csv->path,
                          row->line, name);
    double w;
    status = clioi_csv_number(csv, row, cweight, "weight", &w, err);
    if (status != CLIO_OK)
        return status;
    if (!(w >= 0))
        return clioi_fail(err, CLIO_EVALUE, "%s:%zu: criterion '%s': weight %g is negative",
                          csv->path, row->line, name, w);
    weights[c] = w;
    const char *d = cdir != CLIO_NONE ? row->fields[cdir] : "";
    if (strcmp(d, "higher") == 0)
        direction[c] = 1;
    else if (strcmp(d, "lower") == 0)
        direction[c] = -1;
    else if (d[0] != '\0')
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: direction '%s' must be 'higher' or 'lower' (or empty)",
                          csv->path, row->line, d);
    return CLIO_OK;
}

int clio_scorecard_weights_read_csv(const char *path, const clio_scorecard *sc,
                                    double *weights, int *direction, clio_error *err)
{
    for (size_t c = 0; c < sc->ncriteria; c++) {
        weights[c] = NAN;
        direction[c] = sc->direction[c];
    }
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    size_t ccrit, cweight, cdir = CLIO_NONE;
    if (csv->nrows < 2)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: no weights: the file has %s", path,
                            csv->nrows ? "only a header" : "nothing");
    if (status == CLIO_OK &&
        (status = clioi_csv_need_column(csv, "criterion", &ccrit, err)) == CLIO_OK &&
        (status = clioi_csv_need_column(csv, "weight", &cweight, err)) == CLIO_OK)
        cdir = clioi_csv_column(&csv->rows[0], "direction");
    double sum = 0;
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        status = read_row(csv, r, sc, ccrit, cweight, cdir, weights, direction, err);
        if (status == CLIO_OK)
            sum += weights[clio_scorecard_find(sc, csv->rows[r].fields[ccrit])];
    }
    if (status == CLIO_OK && !(sum > 0))
        status = clioi_fail(err, CLIO_EVALUE, "%s: every weight is zero: give some criterion a "
                                              "positive weight",
                            path);
    clioi_csv_free(csv);
    return status;
}
