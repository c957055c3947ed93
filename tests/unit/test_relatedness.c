/* test_relatedness.c -- Delgado-Porter-Stern relatedness: the IO measure
 * and the correlations by hand, the standardised combination, average-
 * linkage clusters (blocks found, invariant under reordering and
 * relabelling), validation scores hand-checked on a 4-sector example, and
 * the profile readers' errors with file:line. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

/* A one-region table of n sectors named names[i] with Z, x given. */
static clio_table *small_table(size_t n, const char *const *names, const double *Z,
                               const double *x)
{
    clio_table *t = clio_table_alloc(1, n, 1, 1, 0);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "va");
    for (size_t i = 0; i < n; i++) {
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, names[i]);
        t->sector_region[i] = 0;
        t->x[i] = x[i];
        for (size_t j = 0; j < n; j++)
            t->Z[i + n * j] = Z ? Z[i + n * j] : 0.0;
    }
    return t;
}

/* Groups from a label per sector (CLIO_NONE: in none), ngroups names g0.. */
static clio_groups *groups_of(size_t n, const size_t *label, size_t ngroups)
{
    clio_groups *g = calloc(1, sizeof *g);
    g->ngroups = ngroups;
    g->names = calloc(ngroups, sizeof *g->names);
    g->start = calloc(ngroups + 1, sizeof *g->start);
    g->members = calloc(n, sizeof *g->members);
    size_t p = 0;
    for (size_t k = 0; k < ngroups; k++) {
        g->names[k] = malloc(8);
        snprintf(g->names[k], 8, "g%zu", k);
        g->start[k] = p;
        for (size_t i = 0; i < n; i++)
            if (label[i] == k)
                g->members[p++] = i;
    }
    g->start[ngroups] = p;
    return g;
}

static void test_io(void)
{
    static const char *const names[] = {"a", "b", "c"};
    /* Z(i,j), column-major; x = 10, 20, 40 */
    const double Z[9] = {1, 2, 0, 4, 0, 0, 8, 1, 0}, x[3] = {10, 20, 40};
    clio_table *t = small_table(3, names, Z, x);
    double R[9];
    int status = clio_relatedness_io(t, R, 3, NULL);
    /* (a,b): z_ab = 4, z_ba = 2: 4/20, 2/10, 4/10, 2/20 -> 0.4
     * (a,c): z_ac = 8, z_ca = 0: 8/40, 8/10 -> 0.8
     * (b,c): z_bc = 1, z_cb = 0: 1/40, 1/20 -> 0.05 */
    tap_ok(status == CLIO_OK, "io: runs");
    tap_close(R[0 + 3 * 1], 0.4, 1e-15, "io(a,b) = max(z_ab/x_a, ...) = 4/10");
    tap_close(R[2 + 3 * 0], 0.8, 1e-15, "io(c,a) = z_ac/x_a = 8/10 (symmetric)");
    tap_close(R[1 + 3 * 2], 0.05, 1e-15, "io(b,c) = z_bc/x_b = 1/20");
    tap_ok(R[0] == 0 && R[4] == 0 && R[8] == 0, "io: diagonal 0");
    clio_table_free(t);
}

/* Pearson correlation of u and v (m values), by the textbook formula. */
static double pearson(size_t m, const double *u, const double *v)
{
    double mu = 0, mv = 0, suv = 0, suu = 0, svv = 0;
    for (size_t r = 0; r < m; r++) {
        mu += u[r] / (double)m;
        mv += v[r] / (double)m;
    }
    for (size_t r = 0; r < m; r++) {
        suv += (u[r] - mu) * (v[r] - mv);
        suu += (u[r] - mu) * (u[r] - mu);
        svv += (v[r] - mv) * (v[r] - mv);
    }
    return suv / sqrt(suu * svv);
}

static void test_profiles(void)
{
    static const char *const names[] = {"a", "b", "c", "d"};
    const double x[4] = {1, 1, 1, 1};
    clio_table *t = small_table(4, names, NULL, x);
    tap_scratch_begin("relatedness");
    char path[256];
    snprintf(path, sizeof path, "%s/emp.csv", tap_dir);
    /* 4 regions; d has no employment anywhere */
    tap_write_text(path, "region,sector,employment\n"
                         "N,a,10\nN,b,20\nN,c,5\nN,d,0\n"
                         "S,a,30\nS,b,10\nS,c,5\nS,d,0\n"
                         "E,a,5\nE,b,5\nE,c,40\n"
                         "W,a,12\nW,b,30\nW,c,1\nW,d,0\n");
    clio_sector_profiles *p = NULL;
    clio_error err = {0};
    int status = clio_sector_profiles_read_csv(path, t, "region", &p, &err);
    tap_ok(status == CLIO_OK && p && p->nobs == 4 && p->nnames == 4,
           "employment file: 4 regions, 4 sectors (%s)", err.message);
    double R[16];
    status = clio_relatedness_colocation(t, p, R, 4, &err);
    /* shares e_rs / e_r by hand; (E,d) is missing: 0 */
    const double tot[4] = {35, 45, 50, 43};
    const double e[3][4] = {{10, 30, 5, 12}, {20, 10, 5, 30}, {5, 5, 40, 1}};
    double s[3][4];
    for (int k = 0; k < 3; k++)
        for (int r = 0; r < 4; r++)
            s[k][r] = e[k][r] / tot[r];
    tap_ok(status == CLIO_OK, "co-location: runs");
    tap_close(R[0 + 4 * 1], pearson(4, s[0], s[1]), 1e-12, "co-location(a,b) = corr of shares");
    tap_close(R[2 + 4 * 0], pearson(4, s[2], s[0]), 1e-12, "co-location(c,a) = corr of shares");
    tap_close(R[1 + 4 * 2], pearson(4, s[1], s[2]), 1e-12, "co-location(b,c) = corr of shares");
    tap_ok(R[3 + 4 * 0] == 0 && R[1 + 4 * 3] == 0, "a sector without employment: relatedness 0");
    clio_sector_profiles_free(p);

    /* occupations: correlation of the sectors' occupation shares */
    snprintf(path, sizeof path, "%s/occ.csv", tap_dir);
    tap_write_text(path, "sector,occupation,employment\n"
                         "a,eng,5\na,ops,10\na,sales,1\n"
                         "b,eng,10\nb,ops,25\nb,sales,2\n"
                         "c,eng,1\nc,ops,1\nc,sales,9\n"
                         "d,eng,0\n");
    status = clio_sector_profiles_read_csv(path, t, "occupation", &p, &err);
    if (status == CLIO_OK)
        status = clio_relatedness_occupation(t, p, R, 4, &err);
    const double oa[3] = {5 / 16.0, 10 / 16.0, 1 / 16.0}, ob[3] = {10 / 37.0, 25 / 37.0, 2 / 37.0},
                 oc[3] = {1 / 11.0, 1 / 11.0, 9 / 11.0};
    tap_ok(status == CLIO_OK, "occupations: read and correlated (%s)", err.message);
    tap_close(R[0 + 4 * 1], pearson(3, oa, ob), 1e-12, "occupation(a,b) = corr of shares");
    tap_close(R[0 + 4 * 2], pearson(3, oa, oc), 1e-12, "occupation(a,c) = corr of shares");
    tap_ok(R[0 + 4 * 3] == 0, "a sector without employment: occupational relatedness 0");
    clio_sector_profiles_free(p);
    clio_table_free(t);
}

/* One bad profile file: status and message naming needle. */
static void bad_profiles(const clio_table *t, const char *text, const char *obs, int want,
                         const char *needle, const char *what)
{
    char path[256];
    snprintf(path, sizeof path, "%s/bad.csv", tap_dir);
    tap_write_text(path, text);
    clio_sector_profiles *p = (clio_sector_profiles *)path;
    clio_error err = {0};
    int status = clio_sector_profiles_read_csv(path, t, obs, &p, &err);
    tap_status(status, want, err.message, needle, what);
    if (p)
        tap_ok(0, "%s: *out must be NULL", what);
}

static void test_profile_errors(void)
{
    static const char *const names[] = {"a", "b"};
    const double x[2] = {1, 1};
    clio_table *t = small_table(2, names, NULL, x);
    bad_profiles(t, "region,sector,employment\nN,a,1\nN,zz,2\nS,a,1\nS,b,1\n", "region",
                 CLIO_ELABEL, "bad.csv:3: unknown sector 'zz'", "unknown sector: ELABEL, line");
    bad_profiles(t, "region,sector,employment\nN,a,1\nN,b,nan\nS,a,1\nS,b,1\n", "region",
                 CLIO_EVALUE, "bad.csv:3", "NaN employment: EVALUE, line");
    bad_profiles(t, "region,sector,employment\nN,a,1\nN,b,-2\nS,a,1\nS,b,1\n", "region",
                 CLIO_EVALUE, "bad.csv:3: employment -2 is negative",
                 "negative employment: EVALUE");
    bad_profiles(t, "region,sector,employment\nN,a,1\nN,b,x\n", "region", CLIO_EFORMAT,
                 "bad.csv:3", "not a number: EFORMAT");
    bad_profiles(t, "region,sector,employment\nN,a,1\nN,b,1\nS,a,1\nN,a,3\n", "region",
                 CLIO_ELABEL, "bad.csv:5: sector 'a' in 'N' again (line 2)",
                 "a pair twice: ELABEL with both lines");
    bad_profiles(t, "region,sector,employment\nN,a,1\nS,a,1\n", "region", CLIO_ELABEL,
                 "sector 'b' of the table has no rows", "a sector missing: ELABEL");
    bad_profiles(t, "region,sector,jobs\nN,a,1\n", "region", CLIO_EFORMAT,
                 "needs the columns sector, region and employment", "missing column: EFORMAT");
    bad_profiles(t, "region,sector,employment\nN,a,1\nN,b,2\n", "region", CLIO_EDIM,
                 "1 observation", "one region: EDIM");
    bad_profiles(t, "region,sector,employment\nN,a,1\nN,b\n", "region", CLIO_EFORMAT,
                 "bad.csv:3: 2 fields", "short row: EFORMAT");
    bad_profiles(t, "region,sector,employment\n", "region", CLIO_EFORMAT, "no data",
                 "header only: EFORMAT");

    /* co-location needs 3 regions */
    char path[256];
    snprintf(path, sizeof path, "%s/two.csv", tap_dir);
    tap_write_text(path, "region,sector,employment\nN,a,1\nN,b,2\nS,a,3\nS,b,1\n");
    clio_sector_profiles *p = NULL;
    clio_error err = {0};
    double R[4];
    int status = clio_sector_profiles_read_csv(path, t, "region", &p, &err);
    if (status == CLIO_OK)
        status = clio_relatedness_colocation(t, p, R, 2, &err);
    tap_status(status, CLIO_EDIM, err.message, "at least 3 regions", "co-location, 2 regions");
    clio_sector_profiles_free(p);

    status = clio_sector_profiles_from_satellite(t, "employment", &p, &err);
    tap_status(status, CLIO_ELABEL, err.message, "no satellite 'employment'",
               "satellite unknown: ELABEL");
    clio_table_free(t);
}

static void test_satellite(void)
{
    /* 2 sectors x 3 regions, employment satellite = output */
    clio_table *t = clio_table_alloc(3, 6, 1, 1, 1);
    const char *regions[3] = {"X", "Y", "Z"};
    const double emp[6] = {10, 1, 20, 4, 5, 50};
    for (size_t r = 0; r < 3; r++)
        clio_table_set_label(t, CLIO_LABEL_REGION, r, regions[r]);
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "employment");
    for (size_t i = 0; i < 6; i++) {
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, i % 2 ? "s" : "m");
        t->sector_region[i] = i / 2;
        t->x[i] = 1;
        t->S[i] = emp[i];
    }
    clio_sector_profiles *p = NULL;
    clio_error err = {0};
    int status = clio_sector_profiles_from_satellite(t, "employment", &p, &err);
    tap_ok(status == CLIO_OK && p->nobs == 3 && p->nnames == 2 && p->P[0] == 10 &&
               p->P[3 + 2] == 50 && p->P[1] == 20,
           "profiles from an MRIO's employment satellite: names x regions");
    double R[36];
    status = clio_relatedness_colocation(t, p, R, 6, &err);
    /* shares of m: 10/11, 20/24, 5/55; of s: 1/11, 4/24, 50/55 -> corr -1 */
    tap_close(R[0 + 6 * 1], -1.0, 1e-12, "two sectors: shares mirror each other, corr -1");
    tap_close(R[0 + 6 * 2], 1.0, 1e-12, "same sector name in two regions: co-location 1");
    clio_sector_profiles_free(p);
    clio_table_free(t);
}

static void test_combine(void)
{
    /* 3 sectors, pairs (1,0), (2,0), (2,1) */
    double A[9] = {0, 1, 2, 1, 0, 3, 2, 3, 0}, B[9] = {0, 5, 5, 5, 0, 5, 5, 5, 0}, R[9];
    double C[9] = {0, 0, 1, 0, 0, 0, 1, 0, 0};
    const double *M[3] = {A, B, C};
    const double w[3] = {1, 5, 3};
    int status = clio_relatedness_combine(3, M, w, 3, R, 3, NULL);
    /* A over pairs: 1, 2, 3: mean 2, sd sqrt(2/3); C: 1, 0, 0: mean 1/3,
     * sd sqrt(2)/3; B constant: adds 0; weights sum to 9 */
    double za = (3 - 2) / sqrt(2.0 / 3), zc = (0 - 1.0 / 3) / (sqrt(2.0) / 3);
    tap_ok(status == CLIO_OK, "combine: runs");
    tap_close(R[2 + 3 * 1], (1 * za + 3 * zc) / 9, 1e-12,
              "combined = sum w_k z_k / sum w_k (a constant measure adds 0)");
    tap_close(R[1 + 3 * 2], R[2 + 3 * 1], 1e-15, "combined is symmetric");
    tap_close(R[1 + 3 * 0] + R[2 + 3 * 0] + R[2 + 3 * 1] + 1.0, 1.0, 1e-12,
              "combined has mean 0 over the pairs");
    const double bad[3] = {1, -1, 0};
    clio_error err = {0};
    tap_status(clio_relatedness_combine(3, M, bad, 3, R, 3, &err), CLIO_EINVAL, err.message,
               "weight 2", "negative weight: EINVAL");
    const double none[3] = {0, 0, 0};
    tap_status(clio_relatedness_combine(3, M, none, 3, R, 3, &err), CLIO_EINVAL, err.message,
               "add up to 0", "zero weights: EINVAL");
    const double *missing[3] = {A, NULL, C};
    tap_status(clio_relatedness_combine(3, missing, w, 3, R, 3, &err), CLIO_EINVAL, err.message,
               "no matrix", "weighted measure without a matrix: EINVAL");
}

/* The 4-sector example of docs/methods-relatedness.md. */
static void test_scores(void)
{
    double R[16] = {0};
    const double v[4][4] = {{0, .8, .1, .2}, {.8, 0, .9, .8}, {.1, .9, 0, .6}, {.2, .8, .6, 0}};
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            R[i + 4 * j] = v[i][j];
    const size_t ab[4] = {0, 0, 1, 1};
    clio_groups *g = groups_of(4, ab, 2);
    clio_cluster_scores s;
    int status = clio_cluster_scores_compute(4, R, 4, g, &s, NULL);
    tap_ok(status == CLIO_OK && s.nsectors == 4 && s.nclusters == 2 && s.npairs_within == 2 &&
               s.npairs_between == 4,
           "scores {0,1},{2,3}: 4 sectors, 2 clusters, 2 pairs within, 4 between");
    tap_close(s.wcr, 0.7, 1e-15, "WCR = (0.8 + 0.6) / 2");
    tap_close(s.bcr, 0.5, 1e-15, "BCR = (0.1 + 0.2 + 0.9 + 0.8) / 4");
    tap_close(s.ratio, 1.4, 1e-14, "ratio = WCR / BCR");
    tap_close(s.vs_cluster, 1.0, 0, "VS-cluster: both clusters 0.8, 0.6 > 0.5 outside");
    tap_close(s.vs_sector, 0.75, 0, "VS-sector: sector 1 (0.8 < (0.9 + 0.8)/2) fails, 3 of 4");
    clio_groups_free(g);

    /* sector 3 in no group, {2} alone */
    const size_t partial[4] = {0, 0, 1, CLIO_NONE};
    g = groups_of(4, partial, 2);
    status = clio_cluster_scores_compute(4, R, 4, g, &s, NULL);
    tap_ok(status == CLIO_OK && s.nsectors == 3 && s.nclusters == 1,
           "partial cover: 3 sectors, 1 cluster of 2+");
    tap_close(s.wcr, 0.8, 1e-15, "WCR over the covered pairs only");
    tap_close(s.bcr, 0.5, 1e-15, "BCR = (0.1 + 0.9) / 2");
    tap_close(s.vs_cluster, 1.0, 0, "VS-cluster 1 of 1");
    tap_close(s.vs_sector, 0.5, 0, "VS-sector: sector 0 yes, 1 no (0.8 < 0.9), 2 alone: 1/2");
    clio_groups_free(g);

    /* one group of everything: nothing between */
    const size_t all[4] = {0, 0, 0, 0};
    g = groups_of(4, all, 1);
    status = clio_cluster_scores_compute(4, R, 4, g, &s, NULL);
    tap_ok(status == CLIO_OK && isnan(s.bcr) && isnan(s.ratio) && isnan(s.vs_cluster) &&
               s.vs_sector == 1.0,
           "one cluster: no between pairs (NaN), every sector vacuously better inside");
    R[1] = NAN;
    clio_error err = {0};
    tap_status(clio_cluster_scores_compute(4, R, 4, g, &s, &err), CLIO_EVALUE, err.message,
               "(1, 0)", "NaN relatedness: EVALUE");
    clio_groups_free(g);
}

/* n sectors in blocks i % nb: relatedness high inside, noise outside;
 * perm (may be NULL) as in test_clusters_network.c. */
static void block_relatedness(size_t n, size_t nb, const size_t *perm, clio_table **t,
                              double *R)
{
    const char **names = calloc(n, sizeof *names);
    char (*buf)[16] = calloc(n, sizeof *buf);
    double *x = calloc(n, sizeof *x);
    for (size_t k = 0; k < n; k++) {
        size_t o = perm ? perm[k] : k;
        snprintf(buf[k], 16, "%s%zu", perm ? "q" : "s", k);
        names[k] = buf[k];
        x[k] = 100 + (double)((o * 37) % 101);
    }
    *t = small_table(n, names, NULL, x);
    for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++) {
            size_t i = perm ? perm[a] : a, j = perm ? perm[b] : b;
            size_t lo = i < j ? i : j, hi = i < j ? j : i;
            double noise = (double)((lo * 13 + hi * 7) % 17) / 17.0;
            R[a + n * b] = i == j ? 0 : (i % nb == j % nb ? 2 + noise : noise);
        }
    free(names);
    free(buf);
    free(x);
}

static void test_cluster(void)
{
    enum { N = 24 };
    clio_table *t, *u;
    double R[N * N], S[N * N];
    size_t perm[N];
    for (size_t k = 0; k < N; k++)
        perm[k] = (k * 7 + 3) % N; /* 7 is prime to 24: a permutation */
    block_relatedness(N, 3, NULL, &t, R);
    block_relatedness(N, 3, perm, &u, S);
    clio_clusters *c = NULL, *d = NULL;
    clio_error err = {0};
    int status = clio_relatedness_cluster(t, R, N, 3, &c, &err);
    int ok = status == CLIO_OK && c->groups->ngroups == 3;
    for (size_t k = 0; ok && k < 3; k++) {
        const clio_groups *g = c->groups;
        ok = g->start[k + 1] - g->start[k] == 8;
        for (size_t p = g->start[k]; ok && p < g->start[k + 1]; p++)
            ok = g->members[p] % 3 == g->members[g->start[k]] % 3;
    }
    tap_ok(ok, "average linkage, K = 3: the three blocks (%s)", err.message);
    tap_ok(c && strcmp(c->method, "relatedness") == 0 && c->quality == 1.0,
           "method 'relatedness', quality = VS-sector = 1");
    status = clio_relatedness_cluster(u, S, N, 3, &d, &err);
    ok = status == CLIO_OK && c && d->groups->ngroups == 3;
    for (size_t p = 0; ok && p < N; p++)
        ok = c->groups->members[p] == perm[d->groups->members[p]] &&
             c->strength[p] == d->strength[p];
    tap_ok(ok, "reordered and relabelled sectors: the same clusters and strengths");
    clio_clusters_free(c);
    clio_clusters_free(d);

    status = clio_relatedness_cluster(t, R, N, N, &c, &err);
    tap_ok(status == CLIO_OK && c->groups->ngroups == N, "K = n: every sector alone");
    clio_clusters_free(c);
    status = clio_relatedness_cluster(t, R, N, 1, &c, &err);
    tap_ok(status == CLIO_OK && c->groups->ngroups == 1 && c->groups->start[1] == N,
           "K = 1: one cluster of all");
    clio_clusters_free(c);
    c = (clio_clusters *)R;
    status = clio_relatedness_cluster(t, R, N, 0, &c, &err);
    tap_status(status, CLIO_EINVAL, err.message, "0 clusters", "K = 0: EINVAL");
    tap_ok(c == NULL, "failure: *out NULL");
    R[5] = INFINITY;
    status = clio_relatedness_cluster(t, R, N, 2, &c, &err);
    tap_status(status, CLIO_EVALUE, err.message, "not finite", "infinite relatedness: EVALUE");
    clio_table_free(t);
    clio_table_free(u);
}

int main(void)
{
    test_io();
    test_profiles();
    test_profile_errors();
    test_satellite();
    test_combine();
    test_scores();
    test_cluster();
    tap_scratch_end();
    return tap_done();
}
