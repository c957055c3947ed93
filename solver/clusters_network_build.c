/* clusters_network_build.c -- what community detection and relatedness
 * clustering share: a canonical order of sectors (so that results do not
 * depend on labels or on the order of the input) and clio_clusters built
 * from a labelling, ordered and named deterministically. */
#include "relatedness.h"

#include <stdlib.h>
#include <string.h>

enum { NKEYS = 5 };

/* A sector and its structural keys, compared largest first. */
typedef struct keyed {
    double key[1 + NKEYS];
    size_t index;
} keyed;

static int compare_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    for (size_t k = 0; k < 1 + NKEYS; k++) {
        if (a->key[k] > b->key[k])
            return -1;
        if (a->key[k] < b->key[k])
            return 1;
    }
    return (a->index > b->index) - (a->index < b->index);
}

int clioi_canonical_order(const clio_table *t, size_t *order, size_t *rank, clio_error *err)
{
    size_t n = t->n;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z is needed (it was consumed)");
    keyed *s = clioi_calloc_array(n, sizeof *s);
    if (!s)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        double *key = s[i].key;
        key[0] = t->x[i];
        key[3] = t->Z[i + n * i];
        for (size_t j = 0; j < n; j++) {
            key[1] += t->Z[i + n * j]; /* sales to industries */
            key[2] += t->Z[j + n * i]; /* purchases from industries */
        }
        for (size_t k = 0; k < t->nfd; k++)
            key[4] += t->Y[i + n * k];
        for (size_t k = 0; k < t->nva; k++)
            key[5] += t->V[k + t->nva * i];
        s[i].index = i;
    }
    qsort(s, n, sizeof *s, compare_keyed);
    for (size_t k = 0; k < n; k++) {
        if (order)
            order[k] = s[k].index;
        if (rank)
            rank[s[k].index] = k;
    }
    free(s);
    return CLIO_OK;
}

/* A cluster while it is being ordered: its label, size, output, first rank. */
typedef struct draft {
    size_t label, size, first;
    double output;
} draft;

static int compare_draft(const void *pa, const void *pb)
{
    const draft *a = pa, *b = pb;
    if (a->output != b->output)
        return a->output > b->output ? -1 : 1;
    if (a->size != b->size)
        return a->size > b->size ? -1 : 1;
    return (a->first > b->first) - (a->first < b->first);
}

/* The members of every kept cluster, in rank order, into c. */
static int fill_members(const clio_table *t, const size_t *label, const size_t *rank,
                        const draft *d, size_t nkept, const size_t *slot,
                        const double *strength, clio_clusters *c)
{
    size_t n = t->n;
    clio_groups *g = c->groups;
    size_t *by_rank = clioi_calloc_array(n, sizeof *by_rank);
    size_t *fill = clioi_calloc_array(nkept, sizeof *fill);
    if (!by_rank || !fill) {
        free(by_rank);
        free(fill);
        return CLIO_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        by_rank[rank[i]] = i;
    for (size_t k = 0; k < nkept; k++)
        g->start[k + 1] = g->start[k] + d[k].size;
    for (size_t r = 0; r < n; r++) {
        size_t i = by_rank[r];
        if (label[i] == CLIO_NONE || slot[label[i]] == CLIO_NONE)
            continue;
        size_t k = slot[label[i]], p = g->start[k] + fill[k]++;
        g->members[p] = i;
        c->strength[p] = strength ? strength[i] : 0.0;
    }
    for (size_t k = 0; k < nkept; k++) {
        size_t first = g->members[g->start[k]];
        size_t len = clio_table_sector_key(t, first, NULL, 0) + 1;
        if (!(g->names[k] = malloc(len))) {
            free(by_rank);
            free(fill);
            return CLIO_ENOMEM;
        }
        clio_table_sector_key(t, first, g->names[k], len);
    }
    free(by_rank);
    free(fill);
    return CLIO_OK;
}

int clioi_clusters_build(const clio_table *t, const size_t *label, size_t nlabels,
                         size_t min_size, const size_t *rank, const double *strength,
                         const char *method, double quality, clio_clusters **out,
                         clio_error *err)
{
    *out = NULL;
    draft *d = clioi_calloc_array(nlabels, sizeof *d);
    size_t *slot = clioi_calloc_array(nlabels, sizeof *slot);
    clio_clusters *c = calloc(1, sizeof *c);
    int status = CLIO_ENOMEM;
    if (!d || !slot || !c || !(c->groups = calloc(1, sizeof *c->groups)))
        goto done;
    for (size_t l = 0; l < nlabels; l++)
        d[l] = (draft){.label = l, .first = CLIO_NONE};
    size_t nmembers = 0;
    for (size_t i = 0; i < t->n; i++) {
        size_t l = label[i];
        if (l == CLIO_NONE)
            continue;
        if (l >= nlabels) {
            status = clioi_fail(err, CLIO_EINVAL, "cluster label %zu >= %zu", l, nlabels);
            goto done;
        }
        d[l].size++;
        d[l].output += t->x[i];
        if (rank[i] < d[l].first)
            d[l].first = rank[i];
    }
    /* keep the clusters big enough, in their final order */
    size_t nkept = 0;
    for (size_t l = 0; l < nlabels; l++)
        if (d[l].size >= min_size && d[l].size > 0)
            d[nkept++] = d[l];
    qsort(d, nkept, sizeof *d, compare_draft);
    for (size_t l = 0; l < nlabels; l++)
        slot[l] = CLIO_NONE;
    for (size_t k = 0; k < nkept; k++) {
        slot[d[k].label] = k;
        nmembers += d[k].size;
    }
    clio_groups *g = c->groups;
    g->ngroups = nkept;
    g->names = clioi_calloc_array(nkept, sizeof *g->names);
    g->start = clioi_calloc_array(nkept + 1, sizeof *g->start);
    g->members = clioi_calloc_array(nmembers, sizeof *g->members);
    c->secondary = clioi_calloc_array(nmembers, sizeof *c->secondary);
    c->strength = clioi_calloc_array(nmembers, sizeof *c->strength);
    c->method = clioi_strdup(method);
    c->quality = quality;
    if (!g->names || !g->start || !g->members || !c->secondary || !c->strength || !c->method)
        goto done;
    status = fill_members(t, label, rank, d, nkept, slot, strength, c);
done:
    if (status == CLIO_ENOMEM)
        clioi_fail(err, CLIO_ENOMEM, "out of memory");
    free(d);
    free(slot);
    if (status != CLIO_OK) {
        clio_clusters_free(c);
        return status;
    }
    *out = c;
    return CLIO_OK;
}
