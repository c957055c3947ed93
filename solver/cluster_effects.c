/* cluster_effects.c -- cluster multipliers and the cluster-by-cluster
 * linkage matrix: one block solve X = L W for a unit of final demand
 * spread over every cluster (W from clio_group_mix), plus, for Type II,
 * the household closure through the Schur complement of the open factor
 * (as type2.c): X2 = X + U S^-1 (HR X), U = L HC, S = I - HR U.
 * docs/methods-shared-value.md has the formulas. */
#include "factor.h"
#include "households.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_DIRECT, F_INDIRECT, F_INDUCED, F_TOTAL, F_IN_CLUSTER, F_IN_CLUSTER_SHARE, F_IN_REGION,
    F_IN_REGION_SHARE, F_BACKWARD, F_FORWARD, F_EXTRACTION, F_EXTRACTION_PERCENT, F_NFIELDS
};
static const char *const field_names[F_NFIELDS] = {
    "direct",          "indirect",         "induced",         "total",
    "in_cluster",      "in_cluster_share", "in_region",       "in_region_share",
    "backward_index",  "forward_index",    "extraction_total", "extraction_percent"};

void clio_cluster_effects_free(clio_cluster_effects *c)
{
    if (!c)
        return;
    clioi_free_labels(c->groups, c->ngroups);
    clio_result_free(c->effects);
    free(c->linkage);
    free(c->w);
    free(c);
}

/* A result with one row per cluster; Type I leaves out "induced". */
static clio_result *cluster_result(const clio_table *t, const clio_groups *g, int type)
{
    size_t na = 1 + t->nva + t->nsat, nf = type == 2 ? F_NFIELDS : F_NFIELDS - 1;
    clio_result *r = clioi_result_alloc_groups(t, "cluster_effects", g, na, nf);
    if (!r)
        return NULL;
    int ok = clioi_result_set_accounts_from_table(r, t) == CLIO_OK;
    for (size_t k = 0, f = 0; ok && k < F_NFIELDS; k++)
        if (type == 2 || k != F_INDUCED)
            ok = (r->fields[f++] = clioi_strdup(field_names[k])) != NULL;
    if (ok)
        ok = (r->description = clioi_strdup(
                  type == 2 ? "Effects of one unit of final demand spread over each cluster, "
                              "model closed for households (Type II): total = direct + "
                              "indirect + induced; in_cluster / in_region: the part on the "
                              "cluster's members / regions; linkage indices; extraction"
                            : "Effects of one unit of final demand spread over each cluster "
                              "(Type I): total = direct + indirect; in_cluster / in_region: "
                              "the part on the cluster's members / regions; linkage indices; "
                              "extraction")) != NULL;
    if (!ok) {
        clio_result_free(r);
        return NULL;
    }
    return r;
}

static int check_groups(const clio_table *t, const clio_groups *g, clio_error *err)
{
    if (!g || g->ngroups == 0)
        return clioi_fail(err, CLIO_EINVAL, "cluster effects: no clusters");
    for (size_t k = 0; k < g->ngroups; k++) {
        if (g->start[k + 1] <= g->start[k])
            return clioi_fail(err, CLIO_EINVAL, "cluster '%s' has no members", g->names[k]);
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
            if (g->members[p] >= t->n)
                return clioi_fail(err, CLIO_EINVAL, "cluster '%s': sector index %zu >= %zu",
                                  g->names[k], g->members[p], t->n);
    }
    return CLIO_OK;
}

/* Type II: X2 = X + U S^-1 (HR X) in place of X (n x G), U = L HC from
 * the same block solve (columns G .. G+k of B). */
static int close_households(const clio_households *h, const double *U, double *X, size_t G,
                            clio_error *err)
{
    size_t n = h->n, k = h->k;
    double *Sinv = malloc(k * k * sizeof *Sinv), *P = malloc(k * G * sizeof *P),
           *Q = malloc(k * G * sizeof *Q);
    int status = Sinv && P && Q ? clioi_households_schur_inverse(h, h->HRt, U, Sinv, err)
                                : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK) {
        for (size_t g = 0; g < G; g++)
            for (size_t a = 0; a < k; a++) {
                double dot = 0;
                for (size_t i = 0; i < n; i++)
                    dot += h->HRt[i + a * n] * X[i + g * n];
                P[a + g * k] = dot; /* HR X */
            }
        for (size_t g = 0; g < G; g++)
            for (size_t a = 0; a < k; a++) {
                double s = 0;
                for (size_t b = 0; b < k; b++)
                    s += Sinv[a + b * k] * P[b + g * k];
                Q[a + g * k] = s; /* S^-1 HR X */
            }
        for (size_t g = 0; g < G; g++)
            for (size_t a = 0; a < k; a++)
                for (size_t i = 0; i < n; i++)
                    X[i + g * n] += U[i + a * n] * Q[a + g * k];
    }
    free(Sinv);
    free(P);
    free(Q);
    return status;
}

/* The Type I (X1) and model (X) output effects of the unit demands W. */
static int solve_effects(const clio_leontief *f, const clio_households *h, const double *W,
                         size_t n, size_t G, double *X1, double *X, clio_error *err)
{
    size_t k = h ? h->k : 0;
    double *B = clioi_alloc_matrix(n, G + k);
    if (!B)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    memcpy(B, W, n * G * sizeof *B);
    if (h)
        memcpy(B + n * G, h->HC, n * k * sizeof *B);
    int status = clio_leontief_solve(f, 0, G + k, B, n, err);
    if (status == CLIO_OK) {
        memcpy(X1, B, n * G * sizeof *X1);
        memcpy(X, B, n * G * sizeof *X);
        if (h)
            status = close_households(h, B + n * G, X, G, err);
    }
    free(B);
    return status;
}

/* Sectors of the regions cluster g's members are in. */
static void region_mask(const clio_table *t, const clio_groups *g, size_t k,
                        unsigned char *in_region, unsigned char *regions)
{
    memset(regions, 0, t->nregions);
    for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
        if (t->sector_region[g->members[p]] < t->nregions)
            regions[t->sector_region[g->members[p]]] = 1;
    for (size_t i = 0; i < t->n; i++)
        in_region[i] = t->sector_region[i] < t->nregions && regions[t->sector_region[i]];
}

/* The fields of account a for every cluster, and its block M_a(h, g)
 * (G x G) for the forward index. */
static void account_fields(const clio_table *t, const clio_groups *g, const clio_result *r,
                           size_t a, const double *W, const double *X1, const double *X,
                           double *M, unsigned char *in_cluster, unsigned char *in_region,
                           unsigned char *regions)
{
    size_t n = t->n, G = g->ngroups, nf = r->nfields, na = r->naccounts;
    int type2 = nf == F_NFIELDS;
    for (size_t k = 0; k < G; k++) {
        double direct = 0, tot1 = 0, tot = 0, inside = 0, local = 0;
        memset(in_cluster, 0, n);
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
            in_cluster[g->members[p]] = 1;
        region_mask(t, g, k, in_region, regions);
        for (size_t i = 0; i < n; i++) {
            double d = clioi_account_coefficient(t, a, i), e = d * X[i + k * n];
            direct += d * W[i + k * n];
            tot1 += d * X1[i + k * n];
            tot += e;
            inside += in_cluster[i] ? e : 0;
            local += in_region[i] ? e : 0;
        }
        for (size_t h = 0; h < G; h++) {
            double s = 0;
            for (size_t p = g->start[h]; p < g->start[h + 1]; p++) {
                size_t i = g->members[p];
                s += clioi_account_coefficient(t, a, i) * X[i + k * n];
            }
            M[h + k * G] = s;
        }
        double *v = r->values + nf * (a + na * k);
        size_t o = type2 ? 0 : 1; /* fields after "induced" shift by one in Type I */
        v[F_DIRECT] = direct;
        v[F_INDIRECT] = tot1 - direct;
        if (type2)
            v[F_INDUCED] = tot - tot1;
        v[F_TOTAL - o] = tot;
        v[F_IN_CLUSTER - o] = inside;
        v[F_IN_CLUSTER_SHARE - o] = tot != 0 ? inside / tot : NAN;
        v[F_IN_REGION - o] = local;
        v[F_IN_REGION_SHARE - o] = tot != 0 ? local / tot : NAN;
    }
    /* indices: the cluster's total (backward) or the row sum of M_a
     * (forward) over its mean over clusters */
    double mean_b = 0, mean_f = 0;
    size_t o = type2 ? 0 : 1;
    for (size_t k = 0; k < G; k++) {
        mean_b += r->values[nf * (a + na * k) + F_TOTAL - o] / (double)G;
        for (size_t c = 0; c < G; c++)
            mean_f += M[k + c * G] / (double)G;
    }
    for (size_t k = 0; k < G; k++) {
        double *v = r->values + nf * (a + na * k), row = 0;
        for (size_t c = 0; c < G; c++)
            row += M[k + c * G];
        v[F_BACKWARD - o] = mean_b != 0 ? v[F_TOTAL - o] / mean_b : NAN;
        v[F_FORWARD - o] = mean_f != 0 ? row / mean_f : NAN;
    }
}

/* The output linkage matrix: clusters' rows, then the rest of the economy. */
static void linkage_matrix(const clio_table *t, const clio_groups *g, const double *X,
                           double *Lk, unsigned char *in_any)
{
    size_t n = t->n, G = g->ngroups, ld = G + 1;
    memset(in_any, 0, n);
    for (size_t p = 0; p < g->start[G]; p++)
        in_any[g->members[p]] = 1;
    for (size_t k = 0; k < G; k++) {
        for (size_t h = 0; h < G; h++) {
            double s = 0;
            for (size_t p = g->start[h]; p < g->start[h + 1]; p++)
                s += X[g->members[p] + k * n];
            Lk[h + k * ld] = s;
        }
        double rest = 0;
        for (size_t i = 0; i < n; i++)
            rest += in_any[i] ? 0 : X[i + k * n];
        Lk[G + k * ld] = rest;
    }
}

/* The extraction of each whole cluster: its "total" and "total_percent". */
static int add_extraction(const clio_table *t, const clio_leontief *f, const clio_groups *g,
                          clio_result *r, clio_error *err)
{
    clio_result *x = NULL;
    int status = clio_extract_groups(t, f, g, &x, err);
    if (status != CLIO_OK)
        return status;
    size_t ftot = clioi_find_label(x->fields, x->nfields, "total");
    size_t fpct = clioi_find_label(x->fields, x->nfields, "total_percent");
    size_t nf = r->nfields;
    for (size_t k = 0; k < g->ngroups; k++)
        for (size_t a = 0; a < r->naccounts; a++) {
            double *v = r->values + nf * (a + r->naccounts * k);
            v[nf - 2] = clio_result_value(x, k, a, ftot);
            v[nf - 1] = clio_result_value(x, k, a, fpct);
        }
    clio_result_free(x);
    return CLIO_OK;
}

static int fill(const clio_table *t, const clio_leontief *f, const clio_households *h,
                const clio_groups *g, clio_cluster_effects *c, clio_error *err)
{
    size_t n = t->n, G = g->ngroups;
    double *X1 = clioi_alloc_matrix(n, G), *X = clioi_alloc_matrix(n, G);
    double *M = clioi_alloc_matrix(G, G);
    unsigned char *m1 = malloc(n + 1), *m2 = malloc(n + 1), *m3 = malloc(t->nregions + 1);
    int status = X1 && X && M && m1 && m2 && m3 ? CLIO_OK
                                                : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        status = solve_effects(f, h, c->w, n, G, X1, X, err);
    if (status == CLIO_OK) {
        for (size_t a = 0; a < c->effects->naccounts; a++)
            account_fields(t, g, c->effects, a, c->w, X1, X, M, m1, m2, m3);
        linkage_matrix(t, g, X, c->linkage, m1);
        status = add_extraction(t, f, g, c->effects, err);
    }
    free(X1);
    free(X);
    free(M);
    free(m1);
    free(m2);
    free(m3);
    return status;
}

int clio_cluster_effects_compute(const clio_table *t, const clio_leontief *f,
                                 const clio_households *h, const clio_groups *g, int mix,
                                 clio_cluster_effects **out, clio_error *err)
{
    *out = NULL;
    int status = check_groups(t, g, err);
    if (status != CLIO_OK)
        return status;
    if (clio_leontief_size(f) != t->n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), t->n);
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "cluster effects need Z (extraction): factor "
                                            "without consuming it");
    if (h && h->n != t->n)
        return clioi_fail(err, CLIO_EDIM, "the households were defined for %zu sectors, not %zu",
                          h->n, t->n);
    size_t n = t->n, G = g->ngroups;
    clio_cluster_effects *c = calloc(1, sizeof *c);
    if (!c)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    c->n = n;
    c->ngroups = G;
    c->type = h ? 2 : 1;
    c->mix = mix;
    c->groups = clioi_calloc_array(G, sizeof *c->groups);
    c->linkage = clioi_alloc_matrix(G + 1, G);
    c->w = clioi_alloc_matrix(n, G);
    c->effects = cluster_result(t, g, c->type);
    int ok = c->groups && c->linkage && c->w && c->effects;
    for (size_t k = 0; ok && k < G; k++)
        ok = (c->groups[k] = clioi_strdup(g->names[k])) != NULL;
    status = ok ? clio_group_mix(t, g, mix, c->w, n, err)
                : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        status = fill(t, f, h, g, c, err);
    if (status != CLIO_OK) {
        clio_cluster_effects_free(c);
        return status;
    }
    *out = c;
    return CLIO_OK;
}
