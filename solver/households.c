/* households.c -- close the model for households (Type II): which
 * value-added row is household income (HR, per unit of output) and which
 * final-demand column household spending (HC, per unit of income), one
 * household group per region in multi-regional tables.  type2.c uses them
 * through the Schur complement of the open factor. */
#include "households.h"

#include <stdlib.h>
#include <string.h>

/* "a, b, c" of count labels (duplicates left out) into buf, cut with "..."
 * when it does not fit. */
static void list_labels(char *const *labels, size_t count, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < count; k++) {
        if (clioi_find_label(labels, k, labels[k]) != CLIO_NONE)
            continue; /* listed already */
        int w = snprintf(buf + used, len - used, "%s'%s'", used ? ", " : "", labels[k]);
        if (w < 0 || (size_t)w >= len - used) {
            if (len >= 4)
                strcpy(buf + len - 4, "...");
            return;
        }
        used += (size_t)w;
    }
}

void clio_households_free(clio_households *h)
{
    if (!h)
        return;
    clioi_free_labels(h->names, h->k);
    free(h->HRt);
    free(h->HC);
    free(h);
}

size_t clio_households_groups(const clio_households *h) { return h->k; }

/* The final-demand columns named `consumption`: cols[0..*k).  A column
 * without region makes one group over the whole table; it cannot be mixed
 * with regional columns of the same name. */
static int find_columns(const clio_table *t, const char *consumption, size_t *cols, size_t *k,
                        clio_error *err)
{
    size_t found = 0, unregioned = 0;
    for (size_t c = 0; c < t->nfd; c++) {
        if (strcmp(t->fd_names[c], consumption) != 0)
            continue;
        cols[found++] = c;
        unregioned += t->fd_region[c] == CLIO_NONE || t->fd_region[c] >= t->nregions;
    }
    if (found == 0) {
        char known[768];
        list_labels(t->fd_names, t->nfd, known, sizeof known);
        return clioi_fail(err, CLIO_ELABEL,
                          "unknown household consumption column '%s' (final-demand "
                          "categories: %s)",
                          consumption, t->nfd ? known : "none");
    }
    if (unregioned && found > 1)
        return clioi_fail(err, CLIO_ELABEL,
                          "household consumption column '%s' appears %zu times, and not once "
                          "per region",
                          consumption, found);
    *k = found;
    return CLIO_OK;
}

int clio_households_define(const clio_table *t, const char *income, const char *consumption,
                           clio_households **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n;
    if (!income || !consumption)
        return clioi_fail(err, CLIO_EINVAL, "household income row and consumption column needed");
    size_t row = clioi_find_label(t->va_names, t->nva, income);
    if (row == CLIO_NONE) {
        char known[768];
        list_labels(t->va_names, t->nva, known, sizeof known);
        return clioi_fail(err, CLIO_ELABEL,
                          "unknown household income row '%s' (value-added rows: %s)", income,
                          t->nva ? known : "none");
    }
    size_t *cols = clioi_calloc_array(t->nfd, sizeof *cols), k = 0;
    if (!cols)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = find_columns(t, consumption, cols, &k, err);
    if (status != CLIO_OK) {
        free(cols);
        return status;
    }
    clio_households *h = calloc(1, sizeof *h);
    if (!h) {
        free(cols);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    h->n = n;
    h->k = k;
    h->income_row = row;
    h->names = clioi_calloc_array(k, sizeof *h->names);
    h->HRt = clioi_alloc_matrix(n ? n : 1, k);
    h->HC = clioi_alloc_matrix(n ? n : 1, k);
    if (!h->names || !h->HRt || !h->HC) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t g = 0; g < k; g++) {
        size_t region = t->fd_region[cols[g]];
        if (region >= t->nregions)
            region = CLIO_NONE; /* one group earning in every sector */
        h->names[g] = clioi_strdup(region == CLIO_NONE ? "households" : t->regions[region]);
        if (!h->names[g]) {
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
            goto done;
        }
        double earned = 0;
        for (size_t j = 0; j < n; j++) {
            if (region != CLIO_NONE && t->sector_region[j] != region)
                continue;
            double v = t->V[row + j * t->nva];
            earned += v;
            h->HRt[j + g * n] = t->x[j] != 0 ? v / t->x[j] : 0.0;
        }
        if (!(earned > 0)) {
            status = clioi_fail(err, CLIO_EVALUE,
                                "households of %s%s%s earn no income: row '%s' sums to %g "
                                "over their sectors, so their spending per unit of income "
                                "is undefined",
                                region == CLIO_NONE ? "the table" : "region '",
                                region == CLIO_NONE ? "" : t->regions[region],
                                region == CLIO_NONE ? "" : "'", income, earned);
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            h->HC[i + g * n] = t->Y[i + cols[g] * n] / earned;
        h->whole = k == 1 && (region == CLIO_NONE || t->nregions == 1);
    }
done:
    free(cols);
    if (status != CLIO_OK) {
        clio_households_free(h);
        return status;
    }
    *out = h;
    return CLIO_OK;
}
