/* relatedness_score.c -- validation statistics of a cluster definition
 * under a relatedness matrix, after Delgado, Porter & Stern (2016): mean
 * relatedness within and between clusters, their ratio, and the shares of
 * clusters and of sectors that are more related inside than outside
 * (formulas in clio.h and docs/methods-relatedness.md). */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>

/* Membership flags in[i + n*g] and, per sector and group, the sum of R to
 * the group's other members: sum[i + n*g]. */
typedef struct tally {
    size_t n, ng;
    unsigned char *in, *within; /* within: n x n, pair shares a group */
    double *sum;
    size_t *size;
} tally;

static int tally_alloc(tally *t, size_t n, const clio_groups *g)
{
    t->n = n;
    t->ng = g->ngroups;
    t->in = clioi_calloc_array(n * g->ngroups, 1);
    t->within = clioi_calloc_array(n * n, 1);
    t->sum = clioi_calloc_array(n * g->ngroups, sizeof *t->sum);
    t->size = clioi_calloc_array(g->ngroups, sizeof *t->size);
    return t->in && t->within && t->sum && t->size ? CLIO_OK : CLIO_ENOMEM;
}

static void tally_free(tally *t)
{
    free(t->in);
    free(t->within);
    free(t->sum);
    free(t->size);
}

static void tally_fill(tally *t, const clio_groups *g, const double *R, size_t ldr)
{
    size_t n = t->n;
    for (size_t k = 0; k < g->ngroups; k++) {
        t->size[k] = g->start[k + 1] - g->start[k];
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
            size_t j = g->members[p];
            t->in[j + n * k] = 1;
            for (size_t q = g->start[k]; q < g->start[k + 1]; q++)
                t->within[j + n * g->members[q]] = 1;
            for (size_t i = 0; i < n; i++)
                if (i != j)
                    t->sum[i + n * k] += R[i + ldr * j];
        }
    }
}

/* Covered sectors: those in some group. */
static int covered(const tally *t, size_t i)
{
    return t->within[i + t->n * i];
}

static void pair_means(const tally *t, const double *R, size_t ldr, clio_cluster_scores *s)
{
    double win = 0.0, btw = 0.0;
    for (size_t j = 0; j < t->n; j++)
        for (size_t i = j + 1; i < t->n; i++) {
            if (!covered(t, i) || !covered(t, j))
                continue;
            if (t->within[i + t->n * j]) {
                win += R[i + ldr * j];
                s->npairs_within++;
            } else {
                btw += R[i + ldr * j];
                s->npairs_between++;
            }
        }
    s->wcr = s->npairs_within ? win / (double)s->npairs_within : NAN;
    s->bcr = s->npairs_between ? btw / (double)s->npairs_between : NAN;
    s->ratio = s->bcr > 0.0 ? s->wcr / s->bcr : NAN;
}

/* VS-cluster: a group's mean over its own pairs against the mean over
 * pairs of a member and a covered sector outside it. */
static void cluster_share(const tally *t, clio_cluster_scores *s)
{
    size_t n = t->n, counted = 0, good = 0;
    for (size_t k = 0; k < t->ng; k++) {
        size_t m = t->size[k];
        if (m < 2)
            continue;
        s->nclusters++;
        double own = 0.0, out = 0.0;
        size_t nout = 0;
        for (size_t i = 0; i < n; i++) {
            if (t->in[i + n * k])
                own += t->sum[i + n * k];
            else if (covered(t, i)) {
                out += t->sum[i + n * k]; /* i not in k: sum over all of k */
                nout += m;
            }
        }
        if (nout == 0)
            continue;
        counted++;
        good += own / (double)(m * (m - 1)) > out / (double)nout;
    }
    s->vs_cluster = counted ? (double)good / (double)counted : NAN;
}

/* VS-sector: mean to the other members of the best own group against the
 * mean to the members of every group without the sector. */
static void sector_share(const tally *t, clio_cluster_scores *s)
{
    size_t n = t->n, counted = 0, good = 0;
    for (size_t i = 0; i < n; i++) {
        double own = -INFINITY, other = -INFINITY;
        for (size_t k = 0; k < t->ng; k++) {
            if (t->in[i + n * k] && t->size[k] >= 2)
                own = fmax(own, t->sum[i + n * k] / (double)(t->size[k] - 1));
            else if (!t->in[i + n * k] && t->size[k] >= 1)
                other = fmax(other, t->sum[i + n * k] / (double)t->size[k]);
        }
        if (covered(t, i))
            s->nsectors++;
        if (own == -INFINITY)
            continue;
        counted++;
        good += own > other;
    }
    s->vs_sector = counted ? (double)good / (double)counted : NAN;
}

int clio_cluster_scores_compute(size_t n, const double *R, size_t ldr, const clio_groups *g,
                                clio_cluster_scores *s, clio_error *err)
{
    *s = (clio_cluster_scores){.wcr = NAN, .bcr = NAN, .ratio = NAN, .vs_cluster = NAN,
                               .vs_sector = NAN};
    if (ldr < n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ldr, n);
    for (size_t p = 0; p < g->start[g->ngroups]; p++)
        if (g->members[p] >= n)
            return clioi_fail(err, CLIO_EINVAL, "group member %zu: there are %zu sectors",
                              g->members[p], n);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            if (!isfinite(R[i + ldr * j]))
                return clioi_fail(err, CLIO_EVALUE, "relatedness (%zu, %zu) is not finite", i,
                                  j);
    tally t = {0};
    if (tally_alloc(&t, n, g) != CLIO_OK) {
        tally_free(&t);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    tally_fill(&t, g, R, ldr);
    pair_means(&t, R, ldr, s);
    cluster_share(&t, s);
    sector_share(&t, s);
    tally_free(&t);
    return CLIO_OK;
}
