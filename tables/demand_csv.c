/* demand_csv.c -- final-demand change files: columns region,sector,change
 * (region optional for one-region tables), in any order, by header name.
 * Header and row keys are checked by keyed_csv.c; here only the numbers. */
#include "clioi.h"

int clio_demand_read_csv(const char *path, const clio_table *t, double *df, clio_error *err)
{
    static const char *const required[] = {"change", NULL};
    for (size_t i = 0; i < t->n; i++)
        df[i] = 0;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clioi_keyed_columns key;
    size_t c_change;
    status = clioi_keyed_csv_header(csv, t, required, NULL, &key, &c_change, err);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        size_t i;
        double change;
        status = clioi_keyed_csv_row(csv, r, t, &key, &i, err);
        if (status == CLIO_OK)
            status = clioi_csv_number(csv, &csv->rows[r], c_change, "change", &change, err);
        if (status == CLIO_OK)
            df[i] += change;
    }
    clioi_csv_free(csv);
    return status;
}
