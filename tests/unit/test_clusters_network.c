/* test_clusters_network.c -- community detection (Leiden, Louvain) through
 * clio_clusters_find: two obvious blocks give two clusters, the same seed
 * gives the same clusters, relabelling and reordering the sectors changes
 * nothing (also on the real UK 2010 table), a region restricts, isolated
 * sectors are in no cluster, and the errors are reported. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

/* Deterministic generator (xorshift64*), so failures reproduce. */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/*
 * A table of n sectors in nblocks blocks (sector i in block i % nblocks,
 * so blocks interleave in the input order): flows inside a block are strong
 * (input shares 0.3-0.9 over the block size), between blocks weak
 * (0.03 u^3: about a third of them above the default threshold 0.01),
 * outputs random.  perm
 * (may be NULL) puts original sector perm[k] at position k, named p<k>.
 */
static clio_table *block_table(size_t n, size_t nblocks, size_t nregions, const size_t *perm,
                               unsigned long long seed)
{
    double *Z0 = calloc(n * n, sizeof *Z0), *x0 = calloc(n, sizeof *x0);
    for (size_t j = 0; j < n; j++)
        x0[j] = 100 + 1000 * uniform(&seed);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++) {
            double u = uniform(&seed);
            double a = i % nblocks == j % nblocks ? (0.5 + u) * 0.6 / (double)(n / nblocks)
                                                  : 0.03 * u * u * u;
            Z0[i + j * n] = a * x0[j];
        }
    clio_table *t = clio_table_alloc(nregions, n, 1, 1, 0);
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "va");
    for (size_t r = 0; r < nregions; r++) {
        char name[16];
        snprintf(name, sizeof name, "R%zu", r + 1);
        clio_table_set_label(t, CLIO_LABEL_REGION, r, name);
    }
    for (size_t k = 0; k < n; k++) {
        size_t o = perm ? perm[k] : k;
        char name[16];
        snprintf(name, sizeof name, "%s%zu", perm ? "p" : "s", perm ? k : o);
        clio_table_set_label(t, CLIO_LABEL_SECTOR, k, name);
        t->sector_region[k] = o % nregions;
        t->x[k] = x0[o];
        double row = 0, col = 0;
        for (size_t l = 0; l < n; l++) {
            size_t p = perm ? perm[l] : l;
            t->Z[k + l * n] = Z0[o + p * n];
            row += Z0[o + p * n];
            col += Z0[p + o * n];
        }
        t->Y[k] = x0[o] - row;
        t->V[k] = x0[o] - col;
    }
    free(Z0);
    free(x0);
    return t;
}

static clio_clusters *find(const clio_table *t, int method, size_t region, unsigned long seed,
                           int *status, clio_error *err)
{
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    o.method = method;
    o.region = region;
    o.seed = seed;
    clio_clusters *c = NULL;
    *status = clio_clusters_find(t, &o, &c, err);
    return c;
}

/* Cluster k of c as original sector indices: 1 when equal to cluster k of
 * d, whose sector at position p is original perm[p]. */
static int same_clusters(const clio_clusters *c, const clio_clusters *d, const size_t *perm)
{
    if (!c || !d || c->groups->ngroups != d->groups->ngroups || c->quality != d->quality)
        return 0;
    const clio_groups *g = c->groups, *h = d->groups;
    for (size_t k = 0; k <= g->ngroups; k++)
        if (g->start[k] != h->start[k])
            return 0;
    for (size_t p = 0; p < g->start[g->ngroups]; p++)
        if (g->members[p] != (perm ? perm[h->members[p]] : h->members[p]) ||
            c->strength[p] != d->strength[p])
            return 0;
    return 1;
}

/* The link weight as documented: max of the four shares, >= 0.01 kept. */
static double weight(const clio_table *t, size_t i, size_t j)
{
    size_t n = t->n;
    double zij = t->Z[i + n * j], zji = t->Z[j + n * i];
    double w = fmax(fmax(zij / t->x[j], zji / t->x[i]), fmax(zij / t->x[i], zji / t->x[j]));
    return i != j && w >= 0.01 ? w : 0.0;
}

/* Modularity Q = sum_ij (w_ij - k_i k_j / 2m) [c_i = c_j] / 2m of c's
 * partition (every sector in one cluster here) and each sector's share of
 * its weight inside its cluster. */
static void check_partition(const clio_table *t, const clio_clusters *c, double *q,
                            double *strength)
{
    size_t n = t->n, *label = calloc(n, sizeof *label);
    double *k = calloc(n, sizeof *k), two_m = 0;
    *q = 0;
    if (!c)
        goto done;
    for (size_t g = 0; g < c->groups->ngroups; g++)
        for (size_t p = c->groups->start[g]; p < c->groups->start[g + 1]; p++)
            label[c->groups->members[p]] = g;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            k[i] += weight(t, i, j);
    for (size_t i = 0; i < n; i++)
        two_m += k[i];
    for (size_t i = 0; i < n; i++) {
        double inside = 0;
        for (size_t j = 0; j < n; j++)
            if (label[i] == label[j]) {
                *q += weight(t, i, j) - k[i] * k[j] / two_m;
                inside += weight(t, i, j);
            }
        strength[i] = inside / k[i];
    }
    *q /= two_m;
done:
    free(label);
    free(k);
}

/* t with its sectors reordered (sector k of the copy = sector perm[k]) and
 * renamed x<k>: the same economy under other labels and another order. */
static clio_table *permuted(const clio_table *t, const size_t *perm)
{
    size_t n = t->n;
    clio_table *u = clio_table_alloc(1, n, t->nfd, t->nva, 0);
    clio_table_set_label(u, CLIO_LABEL_REGION, 0, t->regions[0]);
    for (size_t k = 0; k < t->nfd; k++)
        clio_table_set_label(u, CLIO_LABEL_FINAL_DEMAND, k, t->fd_names[k]);
    for (size_t k = 0; k < t->nva; k++)
        clio_table_set_label(u, CLIO_LABEL_VALUE_ADDED, k, t->va_names[k]);
    for (size_t k = 0; k < n; k++) {
        char name[32];
        snprintf(name, sizeof name, "x%zu", k);
        clio_table_set_label(u, CLIO_LABEL_SECTOR, k, name);
        u->sector_region[k] = 0;
        u->x[k] = t->x[perm[k]];
        for (size_t l = 0; l < n; l++)
            u->Z[k + n * l] = t->Z[perm[k] + n * perm[l]];
        for (size_t c = 0; c < t->nfd; c++)
            u->Y[k + n * c] = t->Y[perm[k] + n * c];
        for (size_t c = 0; c < t->nva; c++)
            u->V[c + t->nva * k] = t->V[c + t->nva * perm[k]];
    }
    return u;
}

/* Real data: the UK 2010 table (127 products), both methods, relabelled. */
static void test_uk_2010(void)
{
    clio_table *t = NULL;
    int status = clio_table_read_statoffice(
        "../shared/data/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv",
        "tests/fixtures/specs/uk_2010.yaml", &t, NULL);
    if (status != CLIO_OK) {
        tap_skip(4, "UK 2010 table not in ../shared/data");
        return;
    }
    size_t n = t->n, *perm = calloc(n, sizeof *perm);
    for (size_t k = 0; k < n; k++)
        perm[k] = (k * 50 + 11) % n; /* 50 is prime to 127 */
    clio_table *u = permuted(t, perm);
    for (int m = CLIO_CLUSTERS_LEIDEN; m <= CLIO_CLUSTERS_LOUVAIN; m++) {
        const char *name = m == CLIO_CLUSTERS_LEIDEN ? "leiden" : "louvain";
        clio_error err = {0};
        int s1, s2;
        clio_clusters *a = find(t, m, CLIO_NONE, 42, &s1, &err);
        clio_clusters *b = find(u, m, CLIO_NONE, 42, &s2, &err);
        tap_ok(s1 == CLIO_OK && a->groups->ngroups >= 3 && a->quality > 0.3,
               "UK 2010 %s: %zu clusters, modularity %.3f (%s)", name,
               a ? a->groups->ngroups : 0, a ? a->quality : 0.0, err.message);
        tap_ok(s2 == CLIO_OK && same_clusters(a, b, perm),
               "UK 2010 %s: relabelled and reordered products: the same clusters", name);
        clio_clusters_free(a);
        clio_clusters_free(b);
    }
    clio_table_free(u);
    clio_table_free(t);
    free(perm);
}

static void test_two_blocks(int method, const char *name)
{
    clio_table *t = block_table(20, 2, 1, NULL, 7);
    clio_error err = {0};
    int status;
    clio_clusters *c = find(t, method, CLIO_NONE, 1, &status, &err);
    tap_ok(status == CLIO_OK && c, "%s: two blocks: runs (%s)", name, err.message);
    int ok = c && c->groups->ngroups == 2;
    for (size_t k = 0; ok && k < 2; k++) {
        const clio_groups *g = c->groups;
        ok = g->start[k + 1] - g->start[k] == 10;
        for (size_t p = g->start[k]; ok && p < g->start[k + 1]; p++)
            ok = g->members[p] % 2 == g->members[g->start[k]] % 2;
    }
    tap_ok(ok, "%s: two blocks of 10 found, each one block", name);
    /* modularity and strengths recomputed here from the definition */
    double q, strength[20];
    check_partition(t, c, &q, strength);
    if (c) {
        tap_close(c->quality, q, 1e-12, "modularity as defined (sum (w_ij - k_i k_j / 2m) / 2m)");
        ok = 1;
        for (size_t p = 0; p < c->groups->start[2]; p++)
            ok &= fabs(c->strength[p] - strength[c->groups->members[p]]) <= 1e-12;
        tap_ok(ok, "%s: strength = the member's share of its link weight inside", name);
    } else {
        tap_skip(2, "no clusters");
    }
    /* members ordered by output, cluster named after the largest */
    ok = c != NULL;
    for (size_t k = 0; ok && k < 2; k++) {
        const clio_groups *g = c->groups;
        char key[64];
        clio_table_sector_key(t, g->members[g->start[k]], key, sizeof key);
        ok = strcmp(g->names[k], key) == 0;
        for (size_t p = g->start[k] + 1; ok && p < g->start[k + 1]; p++)
            ok = t->x[g->members[p - 1]] >= t->x[g->members[p]];
    }
    tap_ok(ok && strcmp(c->method, name) == 0,
           "%s: members by output, named after the largest, method named", name);
    clio_clusters_free(c);
    clio_table_free(t);
}

static void test_reproducible_and_invariant(int method, const char *name)
{
    enum { N = 45 };
    clio_table *t = block_table(N, 5, 1, NULL, 11);
    size_t perm[N];
    for (size_t k = 0; k < N; k++)
        perm[k] = k;
    unsigned long long s = 99;
    for (size_t k = N - 1; k > 0; k--) {
        size_t r = (size_t)(uniform(&s) * (double)(k + 1)), tmp = perm[k];
        perm[k] = perm[r];
        perm[r] = tmp;
    }
    clio_table *u = block_table(N, 5, 1, perm, 11);
    clio_error err = {0};
    int s1, s2, s3;
    clio_clusters *a = find(t, method, CLIO_NONE, 5, &s1, &err);
    clio_clusters *b = find(t, method, CLIO_NONE, 5, &s2, &err);
    clio_clusters *c = find(u, method, CLIO_NONE, 5, &s3, &err);
    tap_ok(s1 == CLIO_OK && s2 == CLIO_OK && s3 == CLIO_OK, "%s: 45 sectors in 5 blocks: runs",
           name);
    tap_ok(a && a->groups->ngroups == 5, "%s: the 5 blocks found (%zu)", name,
           a ? a->groups->ngroups : 0);
    tap_ok(same_clusters(a, b, NULL), "%s: same seed, same clusters", name);
    tap_ok(same_clusters(a, c, perm),
           "%s: relabelled and reordered sectors: the same clusters, strengths, modularity", name);
    clio_clusters_free(a);
    clio_clusters_free(b);
    clio_clusters_free(c);
    clio_table_free(t);
    clio_table_free(u);
}

static void test_region_and_isolated(void)
{
    /* 24 sectors over 2 regions (i % 2), blocks i % 4: each region holds two blocks */
    clio_table *t = block_table(24, 4, 2, NULL, 3);
    clio_error err = {0};
    int status;
    clio_clusters *c = find(t, CLIO_CLUSTERS_LEIDEN, 1, 1, &status, &err);
    int ok = status == CLIO_OK && c && c->groups->ngroups == 2;
    for (size_t p = 0; ok && p < c->groups->start[2]; p++)
        ok = t->sector_region[c->groups->members[p]] == 1;
    tap_ok(ok, "region R2: two clusters of R2's sectors only (%s)", err.message);
    clio_clusters_free(c);

    /* sector 0 trades with nobody: in no cluster; sector 1 has no output */
    for (size_t k = 0; k < 24; k++) {
        t->Z[0 + k * 24] = t->Z[k + 0 * 24] = 0;
        t->Z[1 + k * 24] = t->Z[k + 1 * 24] = 0;
    }
    t->x[1] = 0;
    c = find(t, CLIO_CLUSTERS_LOUVAIN, CLIO_NONE, 1, &status, &err);
    ok = status == CLIO_OK && c && c->groups->start[c->groups->ngroups] == 22;
    for (size_t p = 0; ok && p < c->groups->start[c->groups->ngroups]; p++)
        ok = c->groups->members[p] > 1;
    tap_ok(ok, "isolated and zero-output sectors are in no cluster (%zu members)",
           c ? c->groups->start[c->groups->ngroups] : 0);
    clio_clusters_free(c);

    /* a threshold above every link: no cluster, modularity 0 */
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    o.method = CLIO_CLUSTERS_LEIDEN;
    o.threshold = 2;
    status = clio_clusters_find(t, &o, &c, &err);
    tap_ok(status == CLIO_OK && c && c->groups->ngroups == 0 && c->quality == 0,
           "threshold above every link: no clusters");
    clio_clusters_free(c);
    clio_table_free(t);
}

static void test_resolution(void)
{
    /* a higher resolution splits more */
    clio_table *t = block_table(40, 4, 1, NULL, 5);
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    o.method = CLIO_CLUSTERS_LEIDEN;
    clio_clusters *lo = NULL, *hi = NULL;
    o.resolution = 0.2;
    int s1 = clio_clusters_find(t, &o, &lo, NULL);
    o.resolution = 3;
    int s2 = clio_clusters_find(t, &o, &hi, NULL);
    tap_ok(s1 == CLIO_OK && s2 == CLIO_OK && lo->groups->ngroups < 4 && hi->groups->ngroups > 4,
           "resolution 0.2 merges blocks (%zu clusters), 3 splits them (%zu)",
           lo ? lo->groups->ngroups : 0, hi ? hi->groups->ngroups : 0);
    clio_clusters_free(lo);
    clio_clusters_free(hi);
    clio_table_free(t);
}

static void test_errors(void)
{
    clio_table *t = block_table(10, 2, 1, NULL, 1);
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    o.method = CLIO_CLUSTERS_LOUVAIN;
    clio_error err = {0};
    clio_clusters *c = (clio_clusters *)&o; /* must be set to NULL on failure */
    o.resolution = 0;
    int status = clio_clusters_find(t, &o, &c, &err);
    tap_status(status, CLIO_EINVAL, err.message, "resolution 0", "resolution 0: CLIO_EINVAL");
    tap_ok(c == NULL, "failure: *out is NULL");
    o.resolution = 1;
    o.threshold = NAN;
    status = clio_clusters_find(t, &o, &c, &err);
    tap_status(status, CLIO_EINVAL, err.message, "threshold", "threshold NaN: CLIO_EINVAL");
    o.threshold = 0.01;
    t->Z[3 + 10 * 4] = -1;
    status = clio_clusters_find(t, &o, &c, &err);
    tap_status(status, CLIO_EVALUE, err.message, "Z(3, 4) = -1", "negative flow: CLIO_EVALUE");
    t->Z[3 + 10 * 4] = NAN;
    status = clio_clusters_find(t, &o, &c, &err);
    tap_status(status, CLIO_EVALUE, err.message, "Z(3, 4)", "NaN flow: CLIO_EVALUE");
    t->Z[3 + 10 * 4] = 1;
    t->x[2] = INFINITY;
    status = clio_clusters_find(t, &o, &c, &err);
    tap_status(status, CLIO_EVALUE, err.message, "sector 2", "infinite output: CLIO_EVALUE");
    clio_table_free(t);
}

int main(void)
{
    test_two_blocks(CLIO_CLUSTERS_LEIDEN, "leiden");
    test_two_blocks(CLIO_CLUSTERS_LOUVAIN, "louvain");
    test_reproducible_and_invariant(CLIO_CLUSTERS_LEIDEN, "leiden");
    test_reproducible_and_invariant(CLIO_CLUSTERS_LOUVAIN, "louvain");
    test_region_and_isolated();
    test_resolution();
    test_errors();
    test_uk_2010();
    return tap_done();
}
