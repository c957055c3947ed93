/* test_clusters.c -- Feser & Bergman clusters: the similarity matrix
 * against a plain re-computation, the varimax rotation (orthogonal,
 * criterion up, simple structure recovered), two obvious blocks found,
 * invariance under reordering and renaming of sectors, reproducibility,
 * sectors without flows, cluster statistics by hand, the membership CSV
 * round trip, and every error path. */
#include "clio.h"
#include "clioi.h"
#include "tap.h"

#include "../../solver/clusters_fb.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A table from row-major flows zr (n x n); region r of sector i is
 * reg[i] (NULL: one region); one final-demand column per region taking
 * what is left of output x = 2 * (row sum + 1); V closes the columns;
 * satellite "jobs" = (i + 1) per sector. */
static clio_table *make_table(size_t n, const double *zr, size_t nregions, const size_t *reg,
                              char *const *names)
{
    clio_table *t = clio_table_alloc(nregions, n, nregions, 1, 1);
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "va");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "jobs");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "persons");
    for (size_t r = 0; r < nregions; r++) {
        char name[16];
        snprintf(name, sizeof name, "R%zu", r + 1);
        clio_table_set_label(t, CLIO_LABEL_REGION, r, name);
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, r, "fd");
        t->fd_region[r] = nregions > 1 ? r : CLIO_NONE;
    }
    for (size_t i = 0; i < n; i++) {
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, names[i]);
        t->sector_region[i] = reg ? reg[i] : 0;
        double row = 0.0;
        for (size_t j = 0; j < n; j++)
            row += (t->Z[i + n * j] = zr[j + n * i]);
        t->x[i] = 2.0 * (row + 1.0);
        /* final demand: all to the own region's column */
        t->Y[i + n * t->sector_region[i]] = t->x[i] - row;
        t->S[i] = (double)(i + 1);
    }
    for (size_t j = 0; j < n; j++) {
        double col = 0.0;
        for (size_t i = 0; i < n; i++)
            col += t->Z[i + n * j];
        t->V[j] = t->x[j] - col;
    }
    return t;
}

/* Two blocks {a1,a2,a3} and {b1,b2,b3} with small flows between them. */
static const double two_blocks[36] = {
    5,  20, 8,  0.5, 0,   0,   /* a1 */
    12, 3,  15, 0,   0.3, 0,   /* a2 */
    9,  14, 6,  0,   0,   0.2, /* a3 */
    0.4, 0, 0,  4,   11,  16,  /* b1 */
    0,  0.2, 0, 18,  2,   7,   /* b2 */
    0,  0,  0.6, 10, 13,  5};  /* b3 */
static char *block_names[6] = {"a1", "a2", "a3", "b1", "b2", "b3"};

/* Pearson correlation of two length-m vectors (plainly). */
static double pearson(const double *u, const double *v, size_t m)
{
    double mu = 0, mv = 0, suv = 0, suu = 0, svv = 0;
    for (size_t k = 0; k < m; k++)
        mu += u[k] / (double)m, mv += v[k] / (double)m;
    for (size_t k = 0; k < m; k++) {
        suv += (u[k] - mu) * (v[k] - mv);
        suu += (u[k] - mu) * (u[k] - mu);
        svv += (v[k] - mv) * (v[k] - mv);
    }
    return suv / sqrt(suu * svv);
}

static void test_similarity(void)
{
    clio_table *t = make_table(6, two_blocks, 1, NULL, block_names);
    size_t idx[6] = {0, 1, 2, 3, 4, 5};
    double L[36];
    unsigned char defined[6];
    clio_error err = {0};
    int rc = clioi_fb_similarity(t, idx, 6, L, defined, &err);
    tap_ok(rc == CLIO_OK, "similarity of the two-block table");
    /* x_i: column i over its sum; y_i: row i over its sum */
    /* row-major two_blocks[6 r + c] = z_rc: x_i[k] = z_ki / sum_k z_ki, y_i[k] = z_ik / sum */
    double x[6][6], y[6][6], worst = 0.0;
    for (size_t i = 0; i < 6; i++) {
        double cs = 0, rs = 0;
        for (size_t k = 0; k < 6; k++)
            cs += two_blocks[6 * k + i], rs += two_blocks[6 * i + k];
        for (size_t k = 0; k < 6; k++)
            x[i][k] = two_blocks[6 * k + i] / cs, y[i][k] = two_blocks[6 * i + k] / rs;
    }
    for (size_t i = 0; i < 6; i++)
        for (size_t j = 0; j < 6; j++) {
            double want = i == j ? 1.0
                                 : fmax(fmax(pearson(x[i], x[j], 6), pearson(y[i], y[j], 6)),
                                        fmax(pearson(x[i], y[j], 6), pearson(y[i], x[j], 6)));
            double d = fabs(L[i + 6 * j] - want);
            worst = d > worst ? d : worst;
        }
    tap_ok(worst < 1e-12, "L_ij = max of the four profile correlations (max error %.2g)", worst);
    tap_ok(defined[0] == (CLIOI_FB_PURCHASES | CLIOI_FB_SALES), "both profiles defined");
    clio_table_free(t);
}

/* m x k simple structure (each row one non-zero, unit length) rotated by
 * theta: varimax must give it back up to the order and signs of columns. */
static void test_varimax(void)
{
    enum { M = 8, K = 2 };
    double S[M * K] = {0}, A[M * K], A0[M * K], T[K * K];
    for (size_t i = 0; i < M; i++)
        S[i + M * (i % 2)] = 0.5 + 0.05 * (double)i;
    double c = cos(0.6), s = sin(0.6);
    for (size_t i = 0; i < M; i++) {
        A[i] = S[i] * c - S[i + M] * s;
        A[i + M] = S[i] * s + S[i + M] * c;
    }
    memcpy(A0, A, sizeof A);
    size_t iterations;
    clio_error err = {0};
    int rc = clioi_varimax(M, K, A, M, 1, CLIOI_VARIMAX_TOL, CLIOI_VARIMAX_MAX_ITER, T,
                           &iterations, &err);
    tap_ok(rc == CLIO_OK, "varimax converges (%zu iterations)", iterations);
    double orth = 0.0, recon = 0.0, simple = 0.0;
    for (size_t a = 0; a < K; a++)
        for (size_t b = 0; b < K; b++) {
            double d = 0.0;
            for (size_t r = 0; r < K; r++)
                d += T[r + K * a] * T[r + K * b];
            orth = fmax(orth, fabs(d - (a == b)));
        }
    for (size_t i = 0; i < M; i++)
        for (size_t f = 0; f < K; f++) {
            double d = 0.0;
            for (size_t r = 0; r < K; r++)
                d += A0[i + M * r] * T[r + K * f];
            recon = fmax(recon, fabs(d - A[i + M * f]));
        }
    /* simple structure back: |A| matches S or S with the columns swapped */
    double e1 = 0.0, e2 = 0.0;
    for (size_t i = 0; i < M; i++)
        for (size_t f = 0; f < K; f++) {
            e1 = fmax(e1, fabs(fabs(A[i + M * f]) - S[i + M * f]));
            e2 = fmax(e2, fabs(fabs(A[i + M * f]) - S[i + M * (1 - f)]));
        }
    simple = fmin(e1, e2);
    tap_ok(orth < 1e-12, "T'T = I to 1e-12 (%.2g)", orth);
    tap_ok(recon < 1e-12, "rotated loadings = A T (%.2g)", recon);
    tap_ok(simple < 1e-8, "simple structure recovered (%.2g)", simple);
    tap_ok(clioi_varimax_criterion(M, K, A, M) > clioi_varimax_criterion(M, K, A0, M),
           "varimax criterion increases");

    /* A rotation of real loadings: criterion up, orthogonal, and the result is
     * a fixed point (rotating again changes nothing). */
    double B[6 * 3], B0[6 * 3], T3[9];
    unsigned long long seed = 7;
    for (size_t i = 0; i < 18; i++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        B[i] = (double)(seed >> 11) / 9007199254740992.0 - 0.3;
    }
    memcpy(B0, B, sizeof B);
    rc = clioi_varimax(6, 3, B, 6, 0, CLIOI_VARIMAX_TOL, CLIOI_VARIMAX_MAX_ITER, T3, &iterations,
                       &err);
    double before = clioi_varimax_criterion(6, 3, B0, 6), after = clioi_varimax_criterion(6, 3, B, 6);
    tap_ok(rc == CLIO_OK && after > before, "raw varimax: criterion %.6g -> %.6g", before, after);
    orth = 0.0;
    for (size_t a = 0; a < 3; a++)
        for (size_t b = 0; b < 3; b++) {
            double d = 0.0;
            for (size_t r = 0; r < 3; r++)
                d += T3[r + 3 * a] * T3[r + 3 * b];
            orth = fmax(orth, fabs(d - (a == b)));
        }
    tap_ok(orth < 1e-12, "raw varimax: T orthogonal to 1e-12 (%.2g)", orth);
    double again[18];
    memcpy(again, B, sizeof B);
    rc = clioi_varimax(6, 3, again, 6, 0, CLIOI_VARIMAX_TOL, CLIOI_VARIMAX_MAX_ITER, T3,
                       &iterations, &err);
    double moved = 0.0;
    for (size_t i = 0; i < 18; i++)
        moved = fmax(moved, fabs(again[i] - B[i]));
    tap_ok(rc == CLIO_OK && moved < 1e-6, "varimax of its own result moves it by %.2g", moved);

    /* Not converging: one iteration allowed; the loadings stay as given. */
    memcpy(A, A0, sizeof A);
    err = (clio_error){0};
    rc = clioi_varimax(M, K, A, M, 1, CLIOI_VARIMAX_TOL, 1, T, &iterations, &err);
    tap_status(rc, CLIO_ENOCONVERGE, err.message, "did not converge",
               "varimax with an iteration cap of 1: CLIO_ENOCONVERGE");
    tap_ok(memcmp(A, A0, sizeof A) == 0, "... and the loadings are left as they were");
    A[3] = NAN;
    tap_status(clioi_varimax(M, K, A, M, 1, CLIOI_VARIMAX_TOL, 10, T, &iterations, &err),
               CLIO_EVALUE, err.message, "not finite", "varimax of a NaN loading: CLIO_EVALUE");
}

/* The primary members of cluster k as a bit set of (original) sectors;
 * perm maps the sectors of the table clustered back (NULL: identity). */
static unsigned long primary_set(const clio_clusters *c, size_t k, const size_t *perm)
{
    unsigned long set = 0;
    for (size_t p = c->groups->start[k]; p < c->groups->start[k + 1]; p++)
        if (!c->secondary[p])
            set |= 1UL << (perm ? perm[c->groups->members[p]] : c->groups->members[p]);
    return set;
}

/* All members (primary and secondary) of cluster k as a bit set. */
static unsigned long member_set(const clio_clusters *c, size_t k)
{
    unsigned long set = 0;
    for (size_t p = c->groups->start[k]; p < c->groups->start[k + 1]; p++)
        set |= 1UL << c->groups->members[p];
    return set;
}

static void test_two_blocks(void)
{
    clio_table *t = make_table(6, two_blocks, 1, NULL, block_names);
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    clio_clusters *c = NULL;
    clio_error err = {0};
    /* Six sectors in two blocks: the profiles of the two blocks are
     * anti-correlated, so Kaiser's rule keeps one bipolar factor (4.34; the
     * next eigenvalue is 0.77, tests/python/clusters_check.py) and only one
     * block loads positively on it. */
    int rc = clio_clusters_find(t, &o, &c, &err);
    tap_ok(rc == CLIO_OK && c->groups->ngroups == 1 && c->groups->start[1] == 3,
           "Kaiser's rule on two blocks: one factor, one block of three");
    clio_clusters_free(c);
    c = NULL;
    o.factors = 2;
    rc = clio_clusters_find(t, &o, &c, &err);
    tap_ok(rc == CLIO_OK, "Feser-Bergman on two blocks, two factors: %s", rc ? err.message : "ok");
    if (rc != CLIO_OK || c->groups->ngroups != 2) {
        tap_ok(0, "two clusters");
        clio_clusters_free(c);
        clio_table_free(t);
        return;
    }
    tap_ok(c->groups->ngroups == 2, "two clusters (got %zu)", c->groups->ngroups);
    unsigned long s0 = member_set(c, 0), s1 = member_set(c, 1);
    tap_ok((s0 == 0x07 && s1 == 0x38) || (s0 == 0x38 && s1 == 0x07),
           "members are the blocks {a1,a2,a3} and {b1,b2,b3} (%#lx, %#lx)", s0, s1);
    /* a2 correlates least with its block (0.56 and 0.49): secondary */
    unsigned long p0 = primary_set(c, 0, NULL), p1 = primary_set(c, 1, NULL);
    tap_ok((p0 | p1) == 0x3D, "primary: all but a2 (%#lx, %#lx)", p0, p1);
    int names_ok = strncmp(c->groups->names[0], "C1 ", 3) == 0 &&
                   strncmp(c->groups->names[1], "C2 ", 3) == 0;
    tap_ok(names_ok, "clusters named C1 ..., C2 ... (%s, %s)", c->groups->names[0],
           c->groups->names[1]);
    tap_ok(c->quality > 0.5 && c->quality <= 1.0, "variance explained %.3f in (0.5, 1]",
           c->quality);
    tap_ok(strcmp(c->method, "feser-bergman") == 0, "method feser-bergman");

    /* Reproducible: the same call gives the same bits. */
    clio_clusters *d = NULL;
    rc = clio_clusters_find(t, &o, &d, &err);
    size_t count = c->groups->start[c->groups->ngroups];
    tap_ok(rc == CLIO_OK && d->groups->start[d->groups->ngroups] == count &&
               memcmp(c->groups->members, d->groups->members, count * sizeof(size_t)) == 0 &&
               memcmp(c->strength, d->strength, count * sizeof(double)) == 0,
           "reproducible: a second run gives identical members and loadings");
    clio_clusters_free(d);
    clio_clusters_free(c);
    clio_table_free(t);
}

/* A 24-sector table of 4 blocks plus noise, its sectors permuted and
 * renamed: the same clusters (as sets of original sectors, with roles) and
 * the same loadings must come out. */
static void test_relabelling(void)
{
    enum { N = 24 };
    double z[N * N], zp[N * N];
    unsigned long long seed = 42;
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < N; j++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            double u = (double)(seed >> 11) / 9007199254740992.0;
            z[j + N * i] = (i / 6 == j / 6 ? 20.0 : 1.0) * u + (i == 5 && j == 9 ? 15.0 : 0.0);
        }
    size_t perm[N]; /* sector k of the permuted table is sector perm[k] */
    for (size_t k = 0; k < N; k++)
        perm[k] = (k * 7 + 3) % N;
    char *names[N], *renamed[N], buf[N][2][16];
    for (size_t k = 0; k < N; k++) {
        snprintf(buf[k][0], 16, "s%02zu", k);
        snprintf(buf[k][1], 16, "z%02zu", N - perm[k]);
        names[k] = buf[k][0];
        renamed[k] = buf[k][1];
        for (size_t l = 0; l < N; l++)
            zp[l + N * k] = z[perm[l] + N * perm[k]];
    }
    clio_table *t = make_table(N, z, 1, NULL, names), *tp = make_table(N, zp, 1, NULL, renamed);
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    clio_clusters *c = NULL, *cp = NULL;
    clio_error err = {0};
    int rc = clio_clusters_find(t, &o, &c, &err);
    int rcp = clio_clusters_find(tp, &o, &cp, &err);
    tap_ok(rc == CLIO_OK && rcp == CLIO_OK, "clusters of the table and of its permutation");
    if (rc != CLIO_OK || rcp != CLIO_OK) {
        clio_clusters_free(c);
        clio_clusters_free(cp);
        clio_table_free(t);
        clio_table_free(tp);
        return;
    }
    tap_ok(c->groups->ngroups >= 4, "at least the four blocks (%zu clusters)", c->groups->ngroups);
    int same = c->groups->ngroups == cp->groups->ngroups;
    double worst = 0.0;
    for (size_t k = 0; same && k < c->groups->ngroups; k++) {
        size_t a0 = c->groups->start[k], a1 = c->groups->start[k + 1];
        same = a1 - a0 == cp->groups->start[k + 1] - cp->groups->start[k];
        /* member sets with roles and loadings, by original sector */
        for (size_t p = a0; same && p < a1; p++) {
            int found = 0;
            for (size_t q = cp->groups->start[k]; q < cp->groups->start[k + 1]; q++)
                if (perm[cp->groups->members[q]] == c->groups->members[p] &&
                    cp->secondary[q] == c->secondary[p]) {
                    found = 1;
                    worst = fmax(worst, fabs(cp->strength[q] - c->strength[p]));
                }
            same = found;
        }
    }
    tap_ok(same, "same clusters (members, roles, order) after permuting and renaming");
    tap_ok(worst < 1e-8, "same loadings to 1e-8 (%.2g)", worst);
    unsigned long blocks = 0;
    for (size_t k = 0; k < c->groups->ngroups; k++) {
        unsigned long s = primary_set(c, k, NULL);
        for (int b = 0; b < 4; b++)
            blocks |= s == 0x3FUL << (6 * b) ? 1UL << b : 0;
    }
    tap_ok(blocks == 0xF, "each block of six is the primary set of a cluster (%#lx)", blocks);
    clio_clusters_free(c);
    clio_clusters_free(cp);
    clio_table_free(t);
    clio_table_free(tp);
}

/* A sector with no intermediate flows is left out, without NaN; one with
 * sales only takes part through its sales profile. */
static void test_zero_sector(void)
{
    double z[49];
    for (size_t i = 0; i < 7; i++)
        for (size_t j = 0; j < 7; j++)
            z[j + 7 * i] = i == 6 || j == 6 ? 0.0 : (i < 6 && j < 6 ? two_blocks[j + 6 * i] : 0);
    /* sector 0 buys nothing: its purchases profile is undefined */
    for (size_t i = 0; i < 6; i++)
        z[0 + 7 * i] = 0.0;
    char *names[7] = {"a1", "a2", "a3", "b1", "b2", "b3", "idle"};
    clio_table *t = make_table(7, z, 1, NULL, names);
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    clio_clusters *c = NULL;
    clio_error err = {0};
    int rc = clio_clusters_find(t, &o, &c, &err);
    tap_ok(rc == CLIO_OK, "a table with an idle sector: %s", rc ? err.message : "ok");
    int idle = 0, nan = 0, has0 = 0;
    for (size_t p = 0; rc == CLIO_OK && p < c->groups->start[c->groups->ngroups]; p++) {
        idle |= c->groups->members[p] == 6;
        has0 |= c->groups->members[p] == 0;
        nan |= !isfinite(c->strength[p]);
    }
    tap_ok(rc == CLIO_OK && !idle && !nan, "the idle sector is in no cluster, no NaN loading");
    tap_ok(has0, "the sector without purchases is clustered through its sales");
    clio_clusters_free(c);
    clio_table_free(t);
}

static void test_errors(void)
{
    clio_table *t = make_table(6, two_blocks, 1, NULL, block_names);
    clio_cluster_options o;
    clio_clusters *c = NULL;
    clio_error err = {0};
    clio_cluster_options_default(&o);
    o.primary_loading = 1.5;
    tap_status(clio_clusters_find(t, &o, &c, &err), CLIO_EINVAL, err.message, "primary loading",
               "primary loading 1.5: CLIO_EINVAL");
    clio_cluster_options_default(&o);
    o.secondary_loading = 0.7;
    tap_status(clio_clusters_find(t, &o, &c, &err), CLIO_EINVAL, err.message,
               "secondary loading", "secondary above primary: CLIO_EINVAL");
    clio_cluster_options_default(&o);
    o.factors = 7;
    tap_status(clio_clusters_find(t, &o, &c, &err), CLIO_EINVAL, err.message, "fewer than",
               "7 factors of 6 sectors: CLIO_EINVAL");
    clio_cluster_options_default(&o);
    o.region = 3;
    tap_status(clio_clusters_find(t, &o, &c, &err), CLIO_EINVAL, err.message, "region",
               "region index out of range: CLIO_EINVAL");
    clio_cluster_options_default(&o);
    t->Z[7] = NAN;
    tap_status(clio_clusters_find(t, &o, &c, &err), CLIO_EVALUE, err.message, "'a2' to 'a2'",
               "a NaN flow: CLIO_EVALUE naming the sectors");
    memset(t->Z, 0, 36 * sizeof(double));
    tap_status(clio_clusters_find(t, &o, &c, &err), CLIO_EVALUE, err.message, "nothing to cluster",
               "no flows at all: CLIO_EVALUE");
    tap_ok(c == NULL, "nothing returned on error");
    clio_table_free(t);
}

/* Two regions, two sectors each; clusters by hand. */
static void test_stats(void)
{
    const double z[16] = {1, 2, 3, 0,  /* R1 s1 */
                          4, 5, 0, 6,  /* R1 s2 */
                          7, 0, 8, 9,  /* R2 s1 */
                          0, 10, 11, 12}; /* R2 s2 */
    size_t reg[4] = {0, 0, 1, 1};
    char *names[4] = {"s1", "s2", "s1", "s2"};
    clio_table *t = make_table(4, z, 2, reg, names);
    /* one cluster {R1|s1, R2|s1} */
    const char *path = "build/tests/clusters_stats.csv";
    tap_write_text(path, "region,sector,cluster\nR1,s1,k\nR2,s1,k\nR1,s2,solo\n");
    clio_clusters *c = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    int rc = clio_clusters_read_csv(path, t, &c, &err);
    if (rc == CLIO_OK)
        rc = clio_cluster_stats(t, c, &r, &err);
    tap_ok(rc == CLIO_OK, "statistics of user clusters: %s", rc ? err.message : "ok");
    if (rc != CLIO_OK) {
        clio_clusters_free(c);
        clio_table_free(t);
        return;
    }
    tap_ok(strcmp(c->method, "user") == 0 && c->groups->ngroups == 2, "two user clusters");
    /* members 0 and 2: internal z00 + z02 + z20 + z22 = 1 + 3 + 7 + 8 = 19
     * purchases of 0 and 2: (1+4+7) + (3+0+8+11) = 34; sales: (1+2+3) + (7+8+9) = 30 */
    double internal = 19, bought = 34, sold = 30;
    tap_close(clio_result_value(r, 0, 0, 3), internal, 1e-14, "internal flows 19");
    tap_close(clio_result_value(r, 0, 0, 4), internal / (internal + (bought - internal) +
                                                      (sold - internal)),
              1e-14, "internal strength = 19 / (19 + 15 + 11)");
    tap_close(clio_result_value(r, 0, 0, 2), 2, 0, "spans 2 regions");
    double x = t->x[0] + t->x[2], X = t->x[0] + t->x[1] + t->x[2] + t->x[3];
    tap_close(clio_result_value(r, 0, 0, 5), x / X, 1e-14, "output share over both regions");
    tap_close(clio_result_value(r, 0, 0, 7), (1.0 + 3.0) / 10.0, 1e-14,
              "jobs share (1 + 3) / 10");
    /* inputs from the other region: sector 0 buys 7 from R2|s1 and 0 from R2|s2;
     * sector 2 buys 3 from R1|s1, 0 from R1|s2 -> 10 / 34 */
    tap_close(clio_result_value(r, 0, 0, 8), 10.0 / 34.0, 1e-14, "inputs from other regions");
    /* sales to the other region: 0 sells 3+0 to R2, 2 sells 7+0 to R1; final
     * demand stays home -> 10 / (x0 + x2) */
    tap_close(clio_result_value(r, 0, 0, 9), 10.0 / x, 1e-14, "sales to other regions");
    /* "solo" lies in R1 only: shares of R1's totals */
    tap_close(clio_result_value(r, 1, 0, 5), t->x[1] / (t->x[0] + t->x[1]), 1e-14,
              "a one-region cluster's output share is of its region");
    tap_close(clio_result_value(r, 1, 0, 2), 1, 0, "... spanning 1 region");
    clio_result_free(r);
    clio_clusters_free(c);
    clio_table_free(t);
}

static void test_csv(void)
{
    clio_table *t = make_table(6, two_blocks, 1, NULL, block_names);
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    o.secondary_loading = 0.2;
    clio_clusters *c = NULL, *back = NULL;
    clio_groups *g = NULL;
    clio_error err = {0};
    const char *path = "build/tests/clusters_members.csv";
    int rc = clio_clusters_find(t, &o, &c, &err);
    if (rc == CLIO_OK)
        rc = clio_clusters_save(t, c, path, &err);
    if (rc == CLIO_OK)
        rc = clio_clusters_read_csv(path, t, &back, &err);
    tap_ok(rc == CLIO_OK, "members written and read back: %s", rc ? err.message : "ok");
    if (rc == CLIO_OK) {
        size_t count = c->groups->start[c->groups->ngroups];
        int same = back->groups->ngroups == c->groups->ngroups &&
                   back->groups->start[back->groups->ngroups] == count;
        for (size_t p = 0; same && p < count; p++)
            same = back->groups->members[p] == c->groups->members[p] &&
                   back->secondary[p] == c->secondary[p] && back->strength[p] == c->strength[p];
        for (size_t k = 0; same && k < c->groups->ngroups; k++)
            same = strcmp(back->groups->names[k], c->groups->names[k]) == 0;
        tap_ok(same, "round trip: names, members, roles and loadings exact");
        rc = clio_groups_read_csv(path, t, &g, &err);
        tap_ok(rc == CLIO_OK && g->ngroups == c->groups->ngroups &&
                   g->start[g->ngroups] == count,
               "clio_groups_read_csv reads the members file (cluster column)");
    }
    clio_groups_free(g);
    clio_clusters_free(back);
    back = NULL;

    tap_write_text(path, "sector,group,role\na1,x,primary\nb2,x,leader\n");
    tap_status(clio_clusters_read_csv(path, t, &back, &err), CLIO_EFORMAT, err.message,
               "clusters_members.csv:3: role 'leader'", "bad role: CLIO_EFORMAT with file:line");
    tap_write_text(path, "sector,group,strength\na1,x,high\n");
    tap_status(clio_clusters_read_csv(path, t, &back, &err), CLIO_EFORMAT, err.message, ":2",
               "strength not a number: CLIO_EFORMAT with the line");
    tap_write_text(path, "sector,cluster\na1,x\nzz,x\n");
    tap_status(clio_clusters_read_csv(path, t, &back, &err), CLIO_ELABEL, err.message,
               "clusters_members.csv:3", "unknown sector: CLIO_ELABEL with file:line");
    tap_write_text(path, "sector,name\na1,x\n");
    tap_status(clio_clusters_read_csv(path, t, &back, &err), CLIO_EFORMAT, err.message, "header",
               "no cluster column: CLIO_EFORMAT");
    tap_status(clio_clusters_read_csv("build/tests/no-such.csv", t, &back, &err), CLIO_EIO,
               err.message, "no-such.csv", "missing file: CLIO_EIO");
    tap_status(clio_clusters_save(t, c, "build/tests/no-such-dir/m.csv", &err), CLIO_EWRITE,
               err.message, "no-such-dir", "unwritable members file: CLIO_EWRITE");
    tap_ok(back == NULL, "nothing returned on error");
    clio_clusters_free(c);
    clio_table_free(t);
}

int main(void)
{
    test_similarity();
    test_varimax();
    test_two_blocks();
    test_relabelling();
    test_zero_sector();
    test_errors();
    test_stats();
    test_csv();
    return tap_done();
}
