/* cost_change_csv.c -- value-added cost changes for the price model:
 * columns region,sector,change and optionally component (region optional
 * for one-region tables), in any order, by header name.  Without a
 * component (or with an empty one), change is the change of value-added
 * cost per unit of output; with one, the relative change of that
 * value-added row (0.1 = +10 %), i.e. V(component, j) / x_j * change. */
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

/* "'a', 'b'" of the value-added row names, cut with "..." when long. */
static void list_components(const clio_table *t, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < t->nva; k++) {
        int w = snprintf(buf + used, len - used, "%s'%s'", used ? ", " : "", t->va_names[k]);
        if (w < 0 || (size_t)w >= len - used) {
            strcpy(buf + len - 4, "...");
            return;
        }
        used += (size_t)w;
    }
}

int clio_cost_change_read_csv(const char *path, const clio_table *t, double *dv,
                              clio_error *err)
{
    for (size_t i = 0; i < t->n; i++)
        dv[i] = 0;
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
    size_t c_change = column_of(header, "change"), c_comp = column_of(header, "component");
    if (c_sector == CLIO_NONE || c_change == CLIO_NONE) {
        status = clioi_fail(err, CLIO_EFORMAT,
                            "%s:%zu: the header needs columns 'sector' and 'change' (and "
                            "'region' for multi-region tables, optionally 'component')",
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
        const char *component = c_comp != CLIO_NONE ? row->fields[c_comp] : "";
        if (*component == '\0') {
            dv[i] += change;
            continue;
        }
        size_t k = clioi_find_label(t->va_names, t->nva, component);
        if (k == CLIO_NONE) {
            char known[640];
            list_components(t, known, sizeof known);
            status = clioi_fail(err, CLIO_ELABEL,
                                "%s:%zu: unknown value-added component '%s' (the table has: "
                                "%s)",
                                path, row->line, component, t->nva ? known : "none");
            goto done;
        }
        if (t->x[i] != 0)
            dv[i] += t->V[k + i * t->nva] / t->x[i] * change;
    }
done:
    clioi_csv_free(csv);
    return status;
}
