/* aggregate_plan.c -- where each label of a table goes when it is
 * aggregated: regions through the region concordance, sectors through the
 * sector concordance (by name, the same in every region) and final-demand
 * columns by (new region, category).  New labels are numbered in order of
 * first appearance in the old table, so the identity mapping keeps the
 * order and aggregating in two steps orders like one step. */
#include "aggregate.h"

#include <stdlib.h>
#include <string.h>

void clioi_aggregate_plan_free(clioi_aggregate_plan *p)
{
    free(p->region_to);
    free(p->region_names);
    free(p->sector_to);
    free(p->sector_region);
    free(p->sector_names);
    free(p->fd_to);
    free(p->fd_region);
    free(p->fd_names);
    free(p->own_names);
    memset(p, 0, sizeof *p);
}

/* Renumber groups[0..count) (values < ngroups) in order of first
 * appearance: groups[i] becomes the new number, names[new] its name. */
static int renumber(size_t *groups, size_t count, size_t ngroups, char *const *group_names,
                    const char **names, size_t *nnew)
{
    size_t *order = malloc((ngroups ? ngroups : 1) * sizeof *order);
    if (!order)
        return CLIO_ENOMEM;
    for (size_t g = 0; g < ngroups; g++)
        order[g] = CLIO_NONE;
    size_t k = 0;
    for (size_t i = 0; i < count; i++) {
        size_t g = groups[i];
        if (order[g] == CLIO_NONE) {
            names[k] = group_names[g];
            order[g] = k++;
        }
        groups[i] = order[g];
    }
    free(order);
    *nnew = k;
    return CLIO_OK;
}

static int plan_regions(const clio_table *t, const clio_concordance *regions,
                        clioi_aggregate_plan *p, clio_error *err)
{
    size_t nr = t->nregions;
    p->region_to = clioi_calloc_array(nr, sizeof *p->region_to);
    p->region_names = clioi_calloc_array(nr, sizeof *p->region_names);
    if (!p->region_to || !p->region_names)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (!regions) {
        for (size_t r = 0; r < nr; r++) {
            p->region_to[r] = r;
            p->region_names[r] = t->regions[r];
        }
        p->nregions = nr;
        return CLIO_OK;
    }
    int status =
        clio_concordance_map(regions, t->regions, nr, "region", CLIO_MAP_STRICT, p->region_to, err);
    if (status == CLIO_OK && renumber(p->region_to, nr, regions->ngroups, regions->groups,
                                      p->region_names, &p->nregions) != CLIO_OK)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    return status;
}

/* Without a sector concordance every distinct sector name is its own
 * group: number the names of t in order of first appearance. */
static int identity_groups(const clio_table *t, size_t *group, clioi_aggregate_plan *p,
                           size_t *ngroups, clio_error *err)
{
    p->own_names = clioi_calloc_array(t->n, sizeof *p->own_names);
    if (!p->own_names)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    size_t count = 0, hint = 0;
    for (size_t i = 0; i < t->n; i++) {
        size_t g = CLIO_NONE;
        /* Regions repeat the same names in the same order: look at the
         * name after the last match first. */
        for (size_t s = 0; s < count && g == CLIO_NONE; s++) {
            size_t k = (hint + s) % count;
            if (strcmp(p->own_names[k], t->sector_names[i]) == 0)
                g = k;
        }
        if (g == CLIO_NONE) {
            g = count;
            p->own_names[count++] = t->sector_names[i];
        }
        group[i] = g;
        hint = g + 1;
    }
    *ngroups = count;
    return CLIO_OK;
}

/* New sectors: (new region, sector group) pairs, numbered in order of
 * first appearance through a slot table of nregions x ngroups. */
static int plan_sectors(const clio_table *t, const clio_concordance *sectors,
                        clioi_aggregate_plan *p, clio_error *err)
{
    size_t n = t->n, ngroups = 0;
    size_t *group = clioi_calloc_array(n, sizeof *group);
    p->sector_to = clioi_calloc_array(n, sizeof *p->sector_to);
    p->sector_region = clioi_calloc_array(n, sizeof *p->sector_region);
    p->sector_names = clioi_calloc_array(n, sizeof *p->sector_names);
    int status = CLIO_OK;
    if (!group || !p->sector_to || !p->sector_region || !p->sector_names) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if (sectors) {
        status = clio_concordance_map(sectors, t->sector_names, n, "sector", CLIO_MAP_STRICT, group,
                                      err);
        ngroups = sectors->ngroups;
    } else {
        status = identity_groups(t, group, p, &ngroups, err);
    }
    if (status != CLIO_OK)
        goto done;
    char *const *names = sectors ? sectors->groups : p->own_names;
    size_t *slot = clioi_calloc_array(p->nregions * ngroups, sizeof *slot);
    if (!slot) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t s = 0; s < p->nregions * ngroups; s++)
        slot[s] = CLIO_NONE;
    p->n = 0;
    for (size_t i = 0; i < n; i++) {
        size_t r = p->region_to[t->sector_region[i]];
        size_t *k = &slot[r * ngroups + group[i]];
        if (*k == CLIO_NONE) {
            *k = p->n++;
            p->sector_region[*k] = r;
            p->sector_names[*k] = names[group[i]];
        }
        p->sector_to[i] = *k;
    }
    free(slot);
done:
    free(group);
    return status;
}

/* New final-demand columns: (new region or none, category name) pairs. */
static int plan_final_demand(const clio_table *t, clioi_aggregate_plan *p, clio_error *err)
{
    size_t nfd = t->nfd;
    p->fd_to = clioi_calloc_array(nfd, sizeof *p->fd_to);
    p->fd_region = clioi_calloc_array(nfd, sizeof *p->fd_region);
    p->fd_names = clioi_calloc_array(nfd, sizeof *p->fd_names);
    if (!p->fd_to || !p->fd_region || !p->fd_names)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    p->nfd = 0;
    for (size_t k = 0; k < nfd; k++) {
        size_t r = t->fd_region[k] == CLIO_NONE ? CLIO_NONE : p->region_to[t->fd_region[k]];
        size_t c = 0;
        while (c < p->nfd && !(p->fd_region[c] == r && strcmp(p->fd_names[c], t->fd_names[k]) == 0))
            c++;
        if (c == p->nfd) {
            p->fd_region[c] = r;
            p->fd_names[c] = t->fd_names[k];
            p->nfd++;
        }
        p->fd_to[k] = c;
    }
    return CLIO_OK;
}

int clioi_aggregate_plan_build(const clio_table *t, const clio_concordance *sectors,
                               const clio_concordance *regions, clioi_aggregate_plan *p,
                               clio_error *err)
{
    memset(p, 0, sizeof *p);
    int status = plan_regions(t, regions, p, err);
    if (status == CLIO_OK)
        status = plan_sectors(t, sectors, p, err);
    if (status == CLIO_OK)
        status = plan_final_demand(t, p, err);
    if (status != CLIO_OK)
        clioi_aggregate_plan_free(p);
    return status;
}
