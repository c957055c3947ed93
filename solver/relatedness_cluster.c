/* relatedness_cluster.c -- clusters of related sectors: average-linkage
 * (UPGMA) agglomerative clustering of a relatedness matrix, cut at k
 * clusters.  Works in the canonical order of sectors, ties to the earliest,
 * so the clusters do not depend on labels or input order. */
#include "relatedness.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The agglomeration state over canonical positions 0..n-1. */
typedef struct agglo {
    size_t n;
    double *S;      /* n x n similarity between active clusters */
    size_t *size;   /* members of the cluster led by p */
    size_t *parent; /* p itself while active, else the cluster it joined */
    size_t *nn;     /* most similar active cluster */
} agglo;

/* The most similar other active cluster of p (earliest on ties). */
static size_t nearest(const agglo *a, size_t p)
{
    size_t best = CLIO_NONE;
    for (size_t q = 0; q < a->n; q++)
        if (q != p && a->parent[q] == q &&
            (best == CLIO_NONE || a->S[p + a->n * q] > a->S[p + a->n * best]))
            best = q;
    return best;
}

/* Merge b into a (a < b): average linkage by the Lance-Williams update
 * S(a+b, c) = (|a| S(a,c) + |b| S(b,c)) / (|a| + |b|), then the nearest
 * neighbours that may have changed. */
static void merge(agglo *a, size_t p, size_t q)
{
    size_t n = a->n;
    double wa = (double)a->size[p], wb = (double)a->size[q];
    for (size_t c = 0; c < n; c++)
        if (a->parent[c] == c && c != p && c != q) {
            double s = (wa * a->S[p + n * c] + wb * a->S[q + n * c]) / (wa + wb);
            a->S[p + n * c] = a->S[c + n * p] = s;
        }
    a->size[p] += a->size[q];
    a->parent[q] = p;
    a->nn[p] = nearest(a, p);
    for (size_t c = 0; c < n; c++) {
        if (a->parent[c] != c || c == p)
            continue;
        if (a->nn[c] == p || a->nn[c] == q)
            a->nn[c] = nearest(a, c);
        else if (a->S[c + n * p] > a->S[c + n * a->nn[c]] ||
                 (a->S[c + n * p] == a->S[c + n * a->nn[c]] && p < a->nn[c]))
            a->nn[c] = p;
    }
}

/* Merge until k clusters are left; label[p] = the leading position. */
static void agglomerate(agglo *a, size_t k, size_t *label)
{
    size_t n = a->n;
    for (size_t p = 0; p < n; p++)
        a->nn[p] = nearest(a, p);
    for (size_t left = n; left > k; left--) {
        size_t best = CLIO_NONE;
        for (size_t p = 0; p < n; p++)
            if (a->parent[p] == p &&
                (best == CLIO_NONE || a->S[p + n * a->nn[p]] > a->S[best + n * a->nn[best]]))
                best = p;
        size_t q = a->nn[best], p = best < q ? best : q;
        merge(a, p, best < q ? q : best);
    }
    for (size_t p = 0; p < n; p++) {
        size_t r = p;
        while (a->parent[r] != r)
            r = a->parent[r];
        label[p] = r;
    }
}

/* Each member's mean relatedness to the other members of its cluster. */
static void member_strength(const clio_clusters *c, const double *R, size_t ldr, double *s)
{
    const clio_groups *g = c->groups;
    for (size_t k = 0; k < g->ngroups; k++) {
        size_t m = g->start[k + 1] - g->start[k];
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
            double sum = 0.0;
            for (size_t q = g->start[k]; q < g->start[k + 1]; q++)
                if (q != p)
                    sum += R[g->members[p] + ldr * g->members[q]];
            s[p] = m > 1 ? sum / (double)(m - 1) : 0.0;
        }
    }
}

int clio_relatedness_cluster(const clio_table *t, const double *R, size_t ldr, size_t k,
                             clio_clusters **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n;
    if (ldr < n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ldr, n);
    if (k < 1 || k > n)
        return clioi_fail(err, CLIO_EINVAL, "%zu clusters asked for %zu sectors", k, n);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            if (!isfinite(R[i + ldr * j]))
                return clioi_fail(err, CLIO_EVALUE, "relatedness (%zu, %zu) is not finite", i,
                                  j);
    agglo a = {.n = n};
    size_t *order = clioi_calloc_array(n, sizeof *order);
    size_t *rank = clioi_calloc_array(n, sizeof *rank);
    size_t *at = clioi_calloc_array(n, sizeof *at), *label = clioi_calloc_array(n, sizeof *label);
    a.S = clioi_alloc_matrix(n, n);
    a.size = clioi_calloc_array(n, sizeof *a.size);
    a.parent = clioi_calloc_array(n, sizeof *a.parent);
    a.nn = clioi_calloc_array(n, sizeof *a.nn);
    int status = CLIO_OK;
    if (!order || !rank || !at || !label || !a.S || !a.size || !a.parent || !a.nn)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else
        status = clioi_canonical_order(t, order, rank, err);
    if (status == CLIO_OK) {
        for (size_t q = 0; q < n; q++) {
            a.size[q] = 1;
            a.parent[q] = q;
            for (size_t p = 0; p < n; p++)
                a.S[p + n * q] = R[order[p] + ldr * order[q]];
        }
        agglomerate(&a, k, at);
        for (size_t p = 0; p < n; p++)
            label[order[p]] = at[p];
        status = clioi_clusters_build(t, label, n, 1, rank, NULL, "relatedness", 0.0, out, err);
    }
    if (status == CLIO_OK) {
        member_strength(*out, R, ldr, (*out)->strength);
        clio_cluster_scores s;
        status = clio_cluster_scores_compute(n, R, ldr, (*out)->groups, &s, err);
        (*out)->quality = s.vs_sector;
        if (status != CLIO_OK) {
            clio_clusters_free(*out);
            *out = NULL;
        }
    }
    free(order);
    free(rank);
    free(at);
    free(label);
    free(a.S);
    free(a.size);
    free(a.parent);
    free(a.nn);
    return status;
}
