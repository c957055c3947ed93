/* demand_csv.c -- final-demand change files: columns region,sector,change
 * (region optional for one-region tables), in any order, by header name. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

static size_t column_of(const clioi_csv_row *header, const char *name)
{
    for (size_t c = 0; c < header->nfields; c++)
        if (strcmp(header->fields[c], name) == 0)
            return c;
    return CLIO_NONE;
}

int clio_demand_read_csv(const char *path, const clio_table *t, double *df, clio_error *err)
{
    for (size_t i = 0; i < t->n; i++)
        df[i] = 0;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    if (csv->nrows == 0) {
        clioi_csv_free(csv);
        return clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
    }
    const clioi_csv_row *header = &csv->rows[0];
    size_t c_region = column_of(header, "region"), c_sector = column_of(header, "sector");
    size_t c_change = column_of(header, "change");
    if (c_sector == CLIO_NONE || c_change == CLIO_NONE) {
        status = clioi_fail(err, CLIO_EFORMAT,
                            "%s:%zu: the header needs columns 'sector' and 'change' (and "
                            "'region' for multi-region tables)",
                            path, header->line);
        goto done;
    }
    if (c_region == CLIO_NONE && t->nregions > 1) {
        status = clioi_fail(err, CLIO_EFORMAT,
                            "%s:%zu: the table has %zu regions: add a 'region' column", path,
                            header->line, t->nregions);
        goto done;
    }
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        if (row->nfields != header->nfields) {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: %zu fields, but the header has %zu",
                                path, row->line, row->nfields, header->nfields);
            goto done;
        }
        const char *region = c_region != CLIO_NONE ? row->fields[c_region] : NULL;
        size_t i;
        clio_error lookup;
        if (clio_table_find_sector(t, region, row->fields[c_sector], &i, &lookup) != CLIO_OK) {
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: %s", path, row->line,
                                lookup.message);
            goto done;
        }
        double change;
        if ((status = clioi_csv_number(csv, row, c_change, "change", &change, err)))
            goto done;
        df[i] += change;
    }
done:
    clioi_csv_free(csv);
    return status;
}
