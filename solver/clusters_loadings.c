/* clusters_loadings.c -- rotated factor loadings turned into clusters:
 * each factor's sign and place fixed so that the result does not depend on
 * the order or names of the sectors, then primary and secondary members by
 * their loadings (Feser & Bergman 2000). */
#include "clusters_fb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One member of a cluster, for sorting. */
typedef struct member {
    size_t sector;
    double loading;
    unsigned char secondary;
    const char *key;
} member;

/* Primary first, then by falling loading, then by key (ties). */
static int member_order(const void *pa, const void *pb)
{
    const member *a = pa, *b = pb;
    if (a->secondary != b->secondary)
        return a->secondary ? 1 : -1;
    if (a->loading != b->loading)
        return a->loading > b->loading ? -1 : 1;
    return strcmp(a->key, b->key);
}

typedef struct factor {
    size_t column;
    double variance;
} factor;

static int factor_order(const void *pa, const void *pb)
{
    const factor *a = pa, *b = pb;
    if (a->variance != b->variance)
        return a->variance > b->variance ? -1 : 1;
    return a->column < b->column ? -1 : a->column > b->column;
}

/* Flip each column so its largest absolute loading is positive; the
 * factors' order by explained variance into order[k]. */
static void fix_signs_and_order(size_t m, size_t k, double *A, factor *order)
{
    for (size_t f = 0; f < k; f++) {
        double *a = A + m * f, big = 0.0, var = 0.0;
        for (size_t i = 0; i < m; i++) {
            if (a[i] > big || -a[i] > big)
                big = a[i] > 0 ? a[i] : -a[i];
            var += a[i] * a[i];
        }
        int flip = 0;
        for (size_t i = 0; i < m; i++)
            if (a[i] == -big && big > 0.0) {
                flip = 1;
                break;
            } else if (a[i] == big) {
                break;
            }
        if (flip)
            for (size_t i = 0; i < m; i++)
                a[i] = -a[i];
        order[f].column = f;
        order[f].variance = var;
    }
    qsort(order, k, sizeof *order, factor_order);
}

/* The members of factor column f (sector row r's largest loading is on
 * column best[r]). */
static size_t factor_members(size_t m, const double *A, size_t f, const size_t *best,
                             double primary, double secondary, const size_t *idx,
                             char *const *keys, member *out)
{
    size_t count = 0;
    for (size_t r = 0; r < m; r++) {
        double a = A[r + m * f];
        int is_primary = best[r] == f && a >= primary;
        if (is_primary || a >= secondary)
            out[count++] = (member){idx[r], a, (unsigned char)!is_primary, keys[r]};
    }
    qsort(out, count, sizeof *out, member_order);
    return count;
}

static clio_clusters *clusters_alloc(size_t ngroups, size_t nmembers)
{
    clio_clusters *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->method = clioi_strdup("feser-bergman");
    c->groups = calloc(1, sizeof *c->groups);
    c->secondary = clioi_calloc_array(nmembers, 1);
    c->strength = clioi_calloc_array(nmembers, sizeof *c->strength);
    if (c->groups) {
        c->groups->names = clioi_calloc_array(ngroups, sizeof(char *));
        c->groups->start = clioi_calloc_array(ngroups + 1, sizeof(size_t));
        c->groups->members = clioi_calloc_array(nmembers, sizeof(size_t));
    }
    if (!c->method || !c->groups || !c->secondary || !c->strength || !c->groups->names ||
        !c->groups->start || !c->groups->members) {
        clio_clusters_free(c);
        return NULL;
    }
    return c;
}

/* "C<number> <key>" */
static char *cluster_name(size_t number, const char *key)
{
    size_t len = strlen(key) + 32;
    char *name = malloc(len);
    if (name)
        snprintf(name, len, "C%zu %s", number, key);
    return name;
}

int clioi_clusters_from_loadings(const clio_table *t, const size_t *idx, size_t m, size_t k,
                                 double *A, double primary, double secondary,
                                 clio_clusters **out, clio_error *err)
{
    *out = NULL;
    factor *order = clioi_calloc_array(k, sizeof *order);
    size_t *best = clioi_calloc_array(m, sizeof *best);
    char **keys = clioi_calloc_array(m, sizeof *keys);
    member *all = clioi_calloc_array(m * k, sizeof *all); /* by cluster, in order */
    size_t *count = clioi_calloc_array(k, sizeof *count);
    int status = CLIO_OK;
    if (!order || !best || !keys || !all || !count)
        goto nomem;
    for (size_t r = 0; r < m; r++)
        if (!(keys[r] = clioi_key_dup(t, clio_table_sector_key, idx[r])))
            goto nomem;
    fix_signs_and_order(m, k, A, order);
    for (size_t r = 0; r < m; r++)
        for (size_t f = 1; f < k; f++)
            if (A[r + m * f] > A[r + m * best[r]])
                best[r] = f;
    size_t total = 0, ngroups = 0;
    for (size_t c = 0; c < k; c++) {
        count[c] = factor_members(m, A, order[c].column, best, primary, secondary, idx, keys,
                                  all + total);
        total += count[c];
        ngroups += count[c] > 0;
    }
    clio_clusters *cl = clusters_alloc(ngroups, total);
    if (!cl)
        goto nomem;
    size_t g = 0, p = 0;
    for (size_t c = 0; c < k; c++) {
        if (!count[c])
            continue;
        cl->groups->start[g] = p;
        if (!(cl->groups->names[g] = cluster_name(g + 1, all[p].key))) {
            cl->groups->ngroups = g;
            clio_clusters_free(cl);
            goto nomem;
        }
        for (size_t e = 0; e < count[c]; e++, p++) {
            cl->groups->members[p] = all[p].sector;
            cl->secondary[p] = all[p].secondary;
            cl->strength[p] = all[p].loading;
        }
        g++;
    }
    cl->groups->ngroups = ngroups;
    cl->groups->start[ngroups] = total;
    *out = cl;
    goto done;
nomem:
    status = clioi_fail(err, CLIO_ENOMEM, "out of memory building clusters");
done:
    free(order);
    free(best);
    clioi_free_labels(keys, keys ? m : 0);
    free(all);
    free(count);
    return status;
}
