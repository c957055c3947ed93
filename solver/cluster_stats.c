/* cluster_stats.c -- what a cluster is: its members, how tightly they
 * trade with each other compared with the rest of the economy, its share
 * of the output, value added and satellites (jobs) of the regions it lies
 * in, and how far it reaches into other regions.  Formulas in
 * docs/methods-clusters.md ("Cluster statistics"). */
#include "clioi.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Fields before and after the satellites' shares. */
enum { F_MEMBERS, F_PRIMARY, F_REGIONS, F_INTERNAL, F_STRENGTH, F_OUTPUT, F_VA, F_SAT0 };
static const char *const head_fields[] = {"members",  "primary",           "regions",
                                          "internal", "internal_strength", "output_share",
                                          "value_added_share"};
static const char *const tail_fields[] = {"inputs_other_regions", "sales_other_regions"};

/* Per-sector sums the statistics are made of (n each). */
typedef struct sector_sums {
    double *bought;        /* column sums of Z: intermediate inputs       */
    double *sold;          /* row sums of Z plus final demand: all sales  */
    double *sold_z;        /* row sums of Z: intermediate sales           */
    double *bought_away;   /* inputs from other regions than the buyer's  */
    double *sold_away;     /* sales (Z and Y) to other regions            */
    double *va;            /* sum of the V rows                           */
} sector_sums;

static void sums_free(sector_sums *s)
{
    free(s->bought);
    free(s->sold);
    free(s->sold_z);
    free(s->bought_away);
    free(s->sold_away);
    free(s->va);
}

static int sums_make(const clio_table *t, sector_sums *s)
{
    size_t n = t->n;
    s->bought = clioi_calloc_array(n, sizeof(double));
    s->sold = clioi_calloc_array(n, sizeof(double));
    s->sold_z = clioi_calloc_array(n, sizeof(double));
    s->bought_away = clioi_calloc_array(n, sizeof(double));
    s->sold_away = clioi_calloc_array(n, sizeof(double));
    s->va = clioi_calloc_array(n, sizeof(double));
    if (!s->bought || !s->sold || !s->sold_z || !s->bought_away || !s->sold_away || !s->va)
        return CLIO_ENOMEM;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++) {
            double z = t->Z[i + n * j];
            int away = t->sector_region[i] != t->sector_region[j];
            s->bought[j] += z;
            s->sold_z[i] += z;
            s->bought_away[j] += away ? z : 0.0;
            s->sold_away[i] += away ? z : 0.0;
        }
    for (size_t k = 0; k < t->nfd; k++)
        for (size_t i = 0; i < n; i++) {
            double y = t->Y[i + n * k];
            size_t r = t->fd_region[k];
            s->sold_away[i] += r != CLIO_NONE && r != t->sector_region[i] ? y : 0.0;
            s->sold[i] += y;
        }
    for (size_t i = 0; i < n; i++) {
        s->sold[i] += s->sold_z[i];
        for (size_t v = 0; v < t->nva; v++)
            s->va[i] += t->V[v + t->nva * i];
    }
    return CLIO_OK;
}

static double ratio(double a, double b)
{
    return b != 0.0 ? a / b : NAN;
}

/* The statistics of cluster k into v (nfields values); spans is scratch
 * of nregions flags, zero on entry and on return. */
static void cluster_row(const clio_table *t, const clio_clusters *c, size_t k,
                        const sector_sums *s, unsigned char *spans,
                        double *v)
{
    const clio_groups *g = c->groups;
    size_t n = t->n, p0 = g->start[k], p1 = g->start[k + 1], nsat = t->nsat;
    double internal = 0.0, bought = 0.0, sold = 0.0, in_away = 0.0, all_sales = 0.0,
           out_away = 0.0, x = 0.0, va = 0.0, primary = 0.0, regions = 0.0;
    double *sat = v + F_SAT0; /* members' satellites first, shares below */
    for (size_t p = p0; p < p1; p++) {
        size_t i = g->members[p];
        primary += !c->secondary[p];
        if (!spans[t->sector_region[i]]) {
            spans[t->sector_region[i]] = 1;
            regions += 1.0;
        }
    }
    for (size_t p = p0; p < p1; p++) {
        size_t j = g->members[p];
        for (size_t q = p0; q < p1; q++)
            internal += t->Z[g->members[q] + n * j];
        bought += s->bought[j];
        sold += s->sold_z[j];
        in_away += s->bought_away[j];
        out_away += s->sold_away[j];
        all_sales += s->sold[j];
        x += t->x[j];
        va += s->va[j];
        for (size_t a = 0; a < nsat; a++)
            sat[a] += t->S[a + nsat * j];
    }
    /* Totals of the regions the cluster spans. */
    double X = 0.0, VA = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (!spans[t->sector_region[i]])
            continue;
        X += t->x[i];
        VA += s->va[i];
    }
    for (size_t a = 0; a < nsat; a++) {
        double total = 0.0;
        for (size_t i = 0; i < n; i++)
            total += spans[t->sector_region[i]] ? t->S[a + nsat * i] : 0.0;
        sat[a] = ratio(sat[a], total);
    }
    double linked = internal + (bought - internal) + (sold - internal);
    v[F_MEMBERS] = (double)(p1 - p0);
    v[F_PRIMARY] = primary;
    v[F_REGIONS] = regions;
    v[F_INTERNAL] = internal;
    v[F_STRENGTH] = ratio(internal, linked);
    v[F_OUTPUT] = ratio(x, X);
    v[F_VA] = ratio(va, VA);
    v[F_SAT0 + nsat] = ratio(in_away, bought);
    v[F_SAT0 + nsat + 1] = ratio(out_away, all_sales);
    for (size_t p = p0; p < p1; p++)
        spans[t->sector_region[g->members[p]]] = 0;
}

/* A result with one row per cluster and the fields above. */
static clio_result *stats_result(const clio_table *t, const clio_clusters *c)
{
    size_t nf = F_SAT0 + t->nsat + 2;
    clio_result *r = clioi_result_alloc_groups(t, "cluster-stats", c->groups, 1, nf);
    if (!r)
        return NULL;
    int ok = (r->accounts[0] = clioi_strdup("cluster")) &&
             (r->account_units[0] = clioi_strdup("")) &&
             (r->description = clioi_strdup(
                  "cluster statistics: counts, internal flows (table unit) and shares"));
    for (size_t f = 0; ok && f < F_SAT0; f++)
        ok = (r->fields[f] = clioi_strdup(head_fields[f])) != NULL;
    for (size_t a = 0; ok && a < t->nsat; a++) {
        size_t len = strlen(t->sat_names[a]) + 8;
        ok = (r->fields[F_SAT0 + a] = malloc(len)) != NULL;
        if (ok)
            snprintf(r->fields[F_SAT0 + a], len, "%s_share", t->sat_names[a]);
    }
    for (size_t f = 0; ok && f < 2; f++)
        ok = (r->fields[F_SAT0 + t->nsat + f] = clioi_strdup(tail_fields[f])) != NULL;
    if (!ok) {
        clio_result_free(r);
        return NULL;
    }
    return r;
}

int clio_cluster_stats(const clio_table *t, const clio_clusters *c, clio_result **out,
                       clio_error *err)
{
    *out = NULL;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's flows Z were consumed by a factor");
    const clio_groups *g = c->groups;
    for (size_t p = 0; p < g->start[g->ngroups]; p++)
        if (g->members[p] >= t->n)
            return clioi_fail(err, CLIO_EINVAL, "cluster member %zu: the table has %zu sectors",
                              g->members[p], t->n);
    sector_sums s = {0};
    unsigned char *spans = clioi_calloc_array(t->nregions, 1);
    clio_result *r = NULL;
    int status = CLIO_OK;
    if (!spans || sums_make(t, &s) != CLIO_OK || !(r = stats_result(t, c)))
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t k = 0; status == CLIO_OK && k < g->ngroups; k++)
        cluster_row(t, c, k, &s, spans, r->values + r->nfields * k);
    sums_free(&s);
    free(spans);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
