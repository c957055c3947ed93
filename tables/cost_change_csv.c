/* cost_change_csv.c -- value-added cost changes for the price model:
 * columns region,sector,change and optionally component (region optional
 * for one-region tables), in any order, by header name.  Without a
 * component (or with an empty one), change is the change of value-added
 * cost per unit of output; with one, the relative change of that
 * value-added row (0.1 = +10 %), i.e. V(component, j) / x_j * change.
 * Header and row keys are checked by keyed_csv.c; here the changes. */
#include "clioi.h"

#include <stdio.h>
#include <string.h>

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

/* Add one row's change for sector i to dv: absolute without a component,
 * relative to V(component, i) / x_i with one. */
static int add_change(const clioi_csv *csv, size_t r, const clio_table *t, size_t i,
                      double change, const char *component, double *dv, clio_error *err)
{
    if (*component == '\0') {
        dv[i] += change;
        return CLIO_OK;
    }
    size_t k = clioi_find_label(t->va_names, t->nva, component);
    if (k == CLIO_NONE) {
        char known[640];
        list_components(t, known, sizeof known);
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: unknown value-added component '%s' (the table has: %s)",
                          csv->path, csv->rows[r].line, component, t->nva ? known : "none");
    }
    if (t->x[i] != 0)
        dv[i] += t->V[k + i * t->nva] / t->x[i] * change;
    return CLIO_OK;
}

int clio_cost_change_read_csv(const char *path, const clio_table *t, double *dv,
                              clio_error *err)
{
    static const char *const required[] = {"change", NULL};
    static const char *const optional[] = {"component", NULL};
    for (size_t i = 0; i < t->n; i++)
        dv[i] = 0;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clioi_keyed_columns key;
    size_t cols[2]; /* change, component */
    status = clioi_keyed_csv_header(csv, t, required, optional, &key, cols, err);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        size_t i;
        double change;
        status = clioi_keyed_csv_row(csv, r, t, &key, &i, err);
        if (status == CLIO_OK)
            status = clioi_csv_number(csv, row, cols[0], "change", &change, err);
        if (status == CLIO_OK)
            status = add_change(csv, r, t, i, change,
                                cols[1] != CLIO_NONE ? row->fields[cols[1]] : "", dv, err);
    }
    clioi_csv_free(csv);
    return status;
}
