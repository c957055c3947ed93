/* table.c -- the table model: allocation, labels, sector look-up. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

/* table_alloc -- everything but Z; Z dense (n x n) or sparse with room for
 * nnz entries. */
static clio_table *table_alloc(size_t nregions, size_t n, size_t nfd, size_t nva, size_t nsat,
                               int sparse, size_t nnz)
{
    clio_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->n = n;
    t->nregions = nregions;
    t->nfd = nfd;
    t->nva = nva;
    t->nsat = nsat;
    t->regions = clioi_calloc_array(nregions, sizeof(char *));
    t->sector_region = clioi_calloc_array(n, sizeof(size_t));
    t->sector_names = clioi_calloc_array(n, sizeof(char *));
    if (sparse)
        t->Zs = clio_sparse_alloc(n, nnz);
    else
        t->Z = clioi_alloc_matrix(n, n);
    t->fd_names = clioi_calloc_array(nfd, sizeof(char *));
    t->fd_region = clioi_calloc_array(nfd, sizeof(size_t));
    t->Y = clioi_alloc_matrix(n, nfd);
    t->va_names = clioi_calloc_array(nva, sizeof(char *));
    t->V = clioi_alloc_matrix(nva, n);
    t->x = clioi_calloc_array(n, sizeof(double));
    t->sat_names = clioi_calloc_array(nsat, sizeof(char *));
    t->sat_units = clioi_calloc_array(nsat, sizeof(char *));
    t->S = clioi_alloc_matrix(nsat, n);
    t->SY = clioi_alloc_matrix(nsat, nfd);
    if (!t->regions || !t->sector_region || !t->sector_names || !(t->Z || t->Zs) || !t->fd_names ||
        !t->fd_region || !t->Y || !t->va_names || !t->V || !t->x || !t->sat_names ||
        !t->sat_units || !t->S || !t->SY) {
        clio_table_free(t);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        t->sector_region[i] = CLIO_NONE;
    for (size_t k = 0; k < nfd; k++)
        t->fd_region[k] = CLIO_NONE;
    return t;
}

clio_table *clio_table_alloc(size_t nregions, size_t n, size_t nfd, size_t nva, size_t nsat)
{
    return table_alloc(nregions, n, nfd, nva, nsat, 0, 0);
}

clio_table *clio_table_alloc_sparse(size_t nregions, size_t n, size_t nnz, size_t nfd,
                                    size_t nva, size_t nsat)
{
    return table_alloc(nregions, n, nfd, nva, nsat, 1, nnz);
}

void clio_table_free(clio_table *t)
{
    if (!t)
        return;
    free(t->title);
    free(t->unit);
    free(t->source);
    clioi_free_labels(t->regions, t->nregions);
    free(t->sector_region);
    clioi_free_labels(t->sector_names, t->n);
    free(t->Z);
    clio_sparse_free(t->Zs);
    clioi_free_labels(t->fd_names, t->nfd);
    free(t->fd_region);
    free(t->Y);
    clioi_free_labels(t->va_names, t->nva);
    free(t->V);
    free(t->x);
    clioi_free_labels(t->sat_names, t->nsat);
    clioi_free_labels(t->sat_units, t->nsat);
    free(t->S);
    free(t->SY);
    free(t);
}

int clio_table_set_label(clio_table *t, int kind, size_t index, const char *text)
{
    char **labels;
    size_t count;
    switch (kind) {
    case CLIO_LABEL_REGION: labels = t->regions; count = t->nregions; break;
    case CLIO_LABEL_SECTOR: labels = t->sector_names; count = t->n; break;
    case CLIO_LABEL_FINAL_DEMAND: labels = t->fd_names; count = t->nfd; break;
    case CLIO_LABEL_VALUE_ADDED: labels = t->va_names; count = t->nva; break;
    case CLIO_LABEL_SATELLITE: labels = t->sat_names; count = t->nsat; break;
    case CLIO_LABEL_SATELLITE_UNIT: labels = t->sat_units; count = t->nsat; break;
    default: return CLIO_EINVAL;
    }
    if (!text || index >= count)
        return CLIO_EINVAL;
    char *copy = clioi_strdup(text);
    if (!copy)
        return CLIO_ENOMEM;
    free(labels[index]);
    labels[index] = copy;
    return CLIO_OK;
}

int clio_table_find_sector(const clio_table *t, const char *region, const char *sector,
                           size_t *index, clio_error *err)
{
    size_t r = 0;
    if (region && *region) {
        r = clioi_find_label(t->regions, t->nregions, region);
        if (r == CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL, "unknown region '%s'", region);
    } else if (t->nregions != 1) {
        return clioi_fail(err, CLIO_ELABEL,
                          "sector '%s' needs a region: the table has %zu regions", sector,
                          t->nregions);
    }
    for (size_t i = 0; i < t->n; i++) {
        if (t->sector_region[i] == r && strcmp(t->sector_names[i], sector) == 0) {
            *index = i;
            return CLIO_OK;
        }
    }
    return clioi_fail(err, CLIO_ELABEL, "unknown sector '%s' in region '%s'", sector,
                      t->regions[r]);
}

size_t clio_table_sector_key(const clio_table *t, size_t i, char *buf, size_t len)
{
    int w = t->nregions == 1
                ? snprintf(buf, len, "%s", t->sector_names[i])
                : snprintf(buf, len, "%s|%s", t->regions[t->sector_region[i]], t->sector_names[i]);
    return w < 0 ? 0 : (size_t)w;
}

int clioi_table_set_sectors_from_keys(clio_table *t, char *const *keys, const char *where,
                                      const char *default_region, clio_error *err)
{
    int status = clioi_check_unique(keys, t->n, "sector", err);
    if (status != CLIO_OK)
        return clioi_fail(err, status, "%s: %s", where, err ? err->message : "duplicate key");

    size_t with_region = 0;
    for (size_t i = 0; i < t->n; i++)
        with_region += strchr(keys[i], '|') != NULL;
    if (with_region != 0 && with_region != t->n)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s: keys mix 'sector' and 'region|sector' forms (e.g. '%s')", where,
                          keys[0]);

    /* Regions in order of first appearance. */
    size_t nregions = 0;
    for (size_t i = 0; i < t->n; i++) {
        char *region, *name;
        if (clioi_split_key(keys[i], &region, &name) != CLIO_OK)
            return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", where);
        const char *rname = region ? region : (default_region ? default_region : "R1");
        if (!*rname || !*name) {
            free(region);
            free(name);
            return clioi_fail(err, CLIO_ELABEL, "%s: empty region or sector in key '%s'",
                              where, keys[i]);
        }
        size_t r = clioi_find_label(t->regions, nregions, rname);
        if (r == CLIO_NONE) {
            if (nregions == t->nregions) {
                char **grown = realloc(t->regions, (nregions + 1) * sizeof *grown);
                if (!grown) {
                    free(region);
                    free(name);
                    return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", where);
                }
                t->regions = grown;
                t->nregions = nregions + 1;
                t->regions[nregions] = NULL;
            }
            t->regions[nregions] = clioi_strdup(rname);
            r = nregions++;
        }
        free(region);
        free(t->sector_names[i]);
        t->sector_names[i] = name;
        t->sector_region[i] = r;
        if (!t->regions[r])
            return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", where);
    }
    for (size_t r = nregions; r < t->nregions; r++)
        free(t->regions[r]);
    t->nregions = nregions;
    return CLIO_OK;
}
