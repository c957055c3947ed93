/* disaggregate.c -- clio_disaggregate: split one sector into k sectors by
 * output shares w (Wolsky 1984; Lindner, Legault & Guan 2012 with one share
 * vector).  Its row is split by w (sales in proportion to output), its
 * column by w (each new sector has the old input coefficients), the
 * diagonal cell by w_a w_b, and its final demand, value added, satellites
 * and output by w.  Summing the new rows and columns gives the old ones:
 * a balanced table stays balanced, and aggregating back returns it. */
#include "aggregate.h"

#include <string.h>

/* Where new sector p comes from: old sector and weight. */
typedef struct split {
    size_t j, k;     /* the old sector and the number of new ones */
    const double *w; /* k shares */
} split;

static size_t old_of(const split *s, size_t p)
{
    return p < s->j ? p : p < s->j + s->k ? s->j : p - s->k + 1;
}

static double weight_of(const split *s, size_t p)
{
    return p >= s->j && p < s->j + s->k ? s->w[p - s->j] : 1.0;
}

/* A new name may reuse the split sector's but no other of its region. */
static int check_names(const clio_table *t, size_t j, const clio_shares *s, clio_error *err)
{
    for (size_t i = 0; i < t->n; i++) {
        if (i == j || t->sector_region[i] != t->sector_region[j])
            continue;
        size_t a = clioi_find_label(s->names, s->k, t->sector_names[i]);
        if (a != CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL,
                              "new sector '%s' is already a sector of region '%s'%s%s", s->names[a],
                              t->regions[t->sector_region[j]], s->path ? " in " : "",
                              s->path ? s->path : "");
    }
    return CLIO_OK;
}

static int set_labels(clio_table *d, const clio_table *t, const split *sp, const clio_shares *s)
{
    int status = CLIO_OK;
    for (size_t r = 0; r < t->nregions && status == CLIO_OK; r++)
        status = clio_table_set_label(d, CLIO_LABEL_REGION, r, t->regions[r]);
    for (size_t p = 0; p < d->n && status == CLIO_OK; p++) {
        size_t i = old_of(sp, p);
        d->sector_region[p] = t->sector_region[i];
        const char *name = i == sp->j ? s->names[p - sp->j] : t->sector_names[i];
        status = clio_table_set_label(d, CLIO_LABEL_SECTOR, p, name);
    }
    for (size_t k = 0; k < t->nfd && status == CLIO_OK; k++) {
        d->fd_region[k] = t->fd_region[k];
        status = clio_table_set_label(d, CLIO_LABEL_FINAL_DEMAND, k, t->fd_names[k]);
    }
    return status == CLIO_OK ? clioi_aggregate_copy_accounts(d, t) : status;
}

/* Every block: rows of Z and Y by the row's weight, columns of Z, V and S
 * by the column's weight; SY is unchanged. */
static void fill(clio_table *d, const clio_table *t, const split *sp)
{
    size_t n = t->n, m = d->n;
    for (size_t q = 0; q < m; q++) {
        size_t l = old_of(sp, q);
        double wq = weight_of(sp, q);
        for (size_t p = 0; p < m; p++)
            d->Z[p + q * m] = weight_of(sp, p) * wq * t->Z[old_of(sp, p) + l * n];
        for (size_t v = 0; v < t->nva; v++)
            d->V[v + q * t->nva] = wq * t->V[v + l * t->nva];
        for (size_t s = 0; s < t->nsat; s++)
            d->S[s + q * t->nsat] = wq * t->S[s + l * t->nsat];
        d->x[q] = wq * t->x[l];
    }
    for (size_t k = 0; k < t->nfd; k++)
        for (size_t p = 0; p < m; p++)
            d->Y[p + k * m] = weight_of(sp, p) * t->Y[old_of(sp, p) + k * n];
    if (t->nsat && t->nfd)
        memcpy(d->SY, t->SY, t->nsat * t->nfd * sizeof *d->SY);
}

int clio_disaggregate(const clio_table *t, size_t sector, const clio_shares *s, clio_table **out,
                      clio_error *err)
{
    if (!t || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_disaggregate: NULL argument");
    *out = NULL;
    if (sector >= t->n)
        return clioi_fail(err, CLIO_EINVAL, "clio_disaggregate: sector %zu of %zu", sector, t->n);
    int status = clioi_aggregate_check_labels(t, err);
    if (status == CLIO_OK)
        status = clioi_shares_check(s, err);
    if (status == CLIO_OK)
        status = check_names(t, sector, s, err);
    if (status != CLIO_OK)
        return status;
    split sp = {sector, s->k, s->shares};
    clio_table *d = clio_table_alloc(t->nregions, t->n + s->k - 1, t->nfd, t->nva, t->nsat);
    if (!d || set_labels(d, t, &sp, s) != CLIO_OK) {
        clio_table_free(d);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    fill(d, t, &sp);
    *out = d;
    return CLIO_OK;
}
