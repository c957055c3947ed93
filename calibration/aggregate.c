/* aggregate.c -- clio_aggregate: a table aggregated by sector and region
 * concordances.  The plan (aggregate_plan.c) says where each row, column
 * and final-demand column goes; every block is then summed by index with
 * clio_aggregate_matrix (Z' = S Z S', Y' = S Y T', V' = V S', ...), so the
 * totals of Z, Y, V, x and the satellites are kept. */
#include "aggregate.h"

#include <stdlib.h>
#include <string.h>

int clioi_aggregate_check_labels(const clio_table *t, clio_error *err)
{
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    for (size_t r = 0; r < t->nregions; r++)
        if (!t->regions[r])
            return clioi_fail(err, CLIO_ELABEL, "region %zu has no name", r + 1);
    for (size_t i = 0; i < t->n; i++)
        if (!t->sector_names[i] || t->sector_region[i] >= t->nregions)
            return clioi_fail(err, CLIO_ELABEL, "sector %zu has no name or no region", i + 1);
    for (size_t k = 0; k < t->nfd; k++)
        if (!t->fd_names[k] || (t->fd_region[k] != CLIO_NONE && t->fd_region[k] >= t->nregions))
            return clioi_fail(err, CLIO_ELABEL, "final-demand column %zu has no name", k + 1);
    for (size_t v = 0; v < t->nva; v++)
        if (!t->va_names[v])
            return clioi_fail(err, CLIO_ELABEL, "value-added row %zu has no name", v + 1);
    for (size_t s = 0; s < t->nsat; s++)
        if (!t->sat_names[s])
            return clioi_fail(err, CLIO_ELABEL, "satellite %zu has no name", s + 1);
    return CLIO_OK;
}

int clioi_aggregate_copy_accounts(clio_table *a, const clio_table *t)
{
    int status = CLIO_OK;
    for (size_t v = 0; v < t->nva && status == CLIO_OK; v++)
        status = clio_table_set_label(a, CLIO_LABEL_VALUE_ADDED, v, t->va_names[v]);
    for (size_t s = 0; s < t->nsat && status == CLIO_OK; s++) {
        status = clio_table_set_label(a, CLIO_LABEL_SATELLITE, s, t->sat_names[s]);
        if (status == CLIO_OK && t->sat_units[s]) /* units may be missing */
            status = clio_table_set_label(a, CLIO_LABEL_SATELLITE_UNIT, s, t->sat_units[s]);
    }
    if (status == CLIO_OK && ((t->title && !(a->title = clioi_strdup(t->title))) ||
                              (t->unit && !(a->unit = clioi_strdup(t->unit))) ||
                              (t->source && !(a->source = clioi_strdup(t->source)))))
        status = CLIO_ENOMEM;
    return status;
}

static int set_labels(clio_table *a, const clio_table *t, const clioi_aggregate_plan *p)
{
    int status = CLIO_OK;
    for (size_t r = 0; r < p->nregions && status == CLIO_OK; r++)
        status = clio_table_set_label(a, CLIO_LABEL_REGION, r, p->region_names[r]);
    for (size_t k = 0; k < p->n && status == CLIO_OK; k++) {
        a->sector_region[k] = p->sector_region[k];
        status = clio_table_set_label(a, CLIO_LABEL_SECTOR, k, p->sector_names[k]);
    }
    for (size_t k = 0; k < p->nfd && status == CLIO_OK; k++) {
        a->fd_region[k] = p->fd_region[k];
        status = clio_table_set_label(a, CLIO_LABEL_FINAL_DEMAND, k, p->fd_names[k]);
    }
    return status == CLIO_OK ? clioi_aggregate_copy_accounts(a, t) : status;
}

/* A leading dimension for a matrix of `rows` rows (at least 1). */
static size_t ld(size_t rows)
{
    return rows ? rows : 1;
}

/* Every numeric block, summed by index. */
static int sum_blocks(clio_table *a, const clio_table *t, const clioi_aggregate_plan *p,
                      clio_error *err)
{
    size_t n = t->n, nfd = t->nfd, nva = t->nva, nsat = t->nsat, m = p->n;
    const size_t *to = p->sector_to, *fd = p->fd_to;
    int status = clio_aggregate_matrix(n, n, t->Z, ld(n), to, m, to, m, a->Z, ld(m), err);
    if (status == CLIO_OK)
        status = clio_aggregate_matrix(n, nfd, t->Y, ld(n), to, m, fd, p->nfd, a->Y, ld(m), err);
    if (status == CLIO_OK)
        status = clio_aggregate_matrix(n, 1, t->x, ld(n), to, m, NULL, 1, a->x, ld(m), err);
    if (status == CLIO_OK)
        status = clio_aggregate_matrix(nva, n, t->V, ld(nva), NULL, nva, to, m, a->V, ld(nva), err);
    if (status == CLIO_OK)
        status =
            clio_aggregate_matrix(nsat, n, t->S, ld(nsat), NULL, nsat, to, m, a->S, ld(nsat), err);
    if (status == CLIO_OK)
        status = clio_aggregate_matrix(nsat, nfd, t->SY, ld(nsat), NULL, nsat, fd, p->nfd, a->SY,
                                       ld(nsat), err);
    return status;
}

int clio_aggregate(const clio_table *t, const clio_concordance *sectors,
                   const clio_concordance *regions, clio_table **out, clio_error *err)
{
    if (!t || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_aggregate: NULL argument");
    *out = NULL;
    int status = clioi_aggregate_check_labels(t, err);
    if (status != CLIO_OK)
        return status;
    clioi_aggregate_plan p;
    status = clioi_aggregate_plan_build(t, sectors, regions, &p, err);
    if (status != CLIO_OK)
        return status;
    clio_table *a = clio_table_alloc(p.nregions, p.n, p.nfd, t->nva, t->nsat);
    if (!a)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else if (set_labels(a, t, &p) != CLIO_OK)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else
        status = sum_blocks(a, t, &p, err);
    clioi_aggregate_plan_free(&p);
    if (status != CLIO_OK) {
        clio_table_free(a);
        return status;
    }
    *out = a;
    return CLIO_OK;
}
