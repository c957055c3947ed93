/* generate_sparse.c -- the sparse synthetic table of clio_generate
 * (nonzeros_per_column K > 0): a sub-national MRIO shape, where each column
 * of A has K entries -- its own sector, K - 1 - T suppliers at home and T
 * imports -- instead of a dense domestic block.  A is held in CSC (16 bytes
 * an entry: 32 MiB for 100,000 sectors x 20), never n x n.  The column sums,
 * domestic and own-sector shares and the lognormal supplier weights are the
 * dense model's (generate_column.c; docs/generate.md). */
#include "generate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TAG_SPARSE_COLUMN 12

#define WEIGHT_SIGMA 1.5   /* log sd of one supplier's weight, as the dense model */
#define TRADE_SHARE 0.2    /* share of a column's entries that are imports (at least 1) */
#define DISTANCE_DECAY 0.5 /* an import partner at distance d is kept with exp(-d / 0.5) */
#define VALUE_DECAY 0.3    /* import value from a region falls as exp(-d / 0.3) */
#define MAX_TRIES 64       /* draws per entry before taking the best of all candidates */

/* draw -- the index whose cumulative weight interval holds u (0..1). */
static size_t draw(const double *cum, size_t len, double u)
{
    double target = u * cum[len - 1];
    size_t lo = 0, hi = len - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cum[mid] > target)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static int taken(const size_t *idx, size_t count, size_t i)
{
    for (size_t k = 0; k < count; k++)
        if (idx[k] == i)
            return 1;
    return 0;
}

/* draw_all -- `count` more rows into idx[have..]: rows of [from, to)
 * outside [skip_from, skip_to), not `own` and not already taken, by weighted
 * sampling without replacement over all of them (keys log(u) / weight, the
 * largest win).  For small ranges, and when rejection keeps hitting rows
 * already taken. */
static size_t draw_all(clioi_gen *g, clioi_rng *r, size_t from, size_t to, size_t skip_from,
                       size_t skip_to, size_t own, size_t count, size_t have)
{
    size_t S = g->o.sectors, got = 0;
    double *key = g->key; /* K doubles of scratch, count <= K */
    for (size_t i = from; i < to && count > 0; i++) {
        if (i == own || (i >= skip_from && i < skip_to) || taken(g->idx, have, i))
            continue;
        double k = log(clioi_rng_unif(r)) / g->sell[i % S];
        size_t pos;
        if (got < count)
            pos = got++;
        else if (k > key[count - 1])
            pos = count - 1;
        else
            continue;
        while (pos > 0 && key[pos - 1] < k) { /* keys sorted, largest first */
            key[pos] = key[pos - 1];
            g->idx[have + pos] = g->idx[have + pos - 1];
            pos--;
        }
        key[pos] = k;
        g->idx[have + pos] = i;
    }
    return have + got;
}

/* domestic -- d distinct suppliers of region `base / S` other than own. */
static size_t domestic(clioi_gen *g, clioi_rng *r, size_t base, size_t own, size_t d,
                       size_t have)
{
    size_t S = g->o.sectors, want = have + d;
    if (2 * d >= S - 1) /* most of the region: choose among all */
        return draw_all(g, r, base, base + S, 0, 0, own, d, have);
    for (size_t tries = 0; have < want && tries < MAX_TRIES * d; tries++) {
        size_t i = base + draw(g->sell_cum, S, clioi_rng_unif(r));
        if (i != own && !taken(g->idx, have, i))
            g->idx[have++] = i;
    }
    return have < want ? draw_all(g, r, base, base + S, 0, 0, own, want - have, have) : have;
}

/* imports -- t distinct suppliers in other regions: a partner by size, kept
 * with a chance falling with distance, then a sector by its pull. */
static size_t imports(clioi_gen *g, clioi_rng *r, size_t region, size_t t, size_t have)
{
    size_t S = g->o.sectors, R = g->o.regions, want = have + t;
    for (size_t tries = 0; have < want && tries < MAX_TRIES * t; tries++) {
        size_t q = draw(g->size_cum, R, clioi_rng_unif(r));
        if (q == region ||
            clioi_rng_unif(r) > exp(-clioi_gen_distance(g, region, q) / DISTANCE_DECAY))
            continue;
        size_t i = q * S + draw(g->sell_cum, S, clioi_rng_unif(r));
        if (!taken(g->idx, have, i))
            g->idx[have++] = i;
    }
    if (have < want) /* few candidates: among all rows of other regions */
        have = draw_all(g, r, 0, g->n, region * S, (region + 1) * S, CLIO_NONE, want - have,
                        have);
    return have;
}

/* sort -- entries by row (insertion sort: K is small). */
static void sort_entries(size_t *idx, double *val, size_t count)
{
    for (size_t k = 1; k < count; k++) {
        size_t i = idx[k];
        double v = val[k];
        size_t p = k;
        for (; p > 0 && idx[p - 1] > i; p--) {
            idx[p] = idx[p - 1];
            val[p] = val[p - 1];
        }
        idx[p] = i;
        val[p] = v;
    }
}

/* sparse_column -- column j's entries into g->idx/g->val, sorted by row;
 * their sum is the column's coefficient sum c_j.  Returns how many. */
static size_t sparse_column(clioi_gen *g, size_t j, size_t K)
{
    size_t S = g->o.sectors, R = g->o.regions, n = g->n;
    size_t region = j / S, base = region * S;
    clioi_rng r = clioi_rng_stream(g->o.seed, TAG_SPARSE_COLUMN, j);
    double c = CLIOI_GEN_COLSUM_LO +
               (CLIOI_GEN_COLSUM_HI - CLIOI_GEN_COLSUM_LO) * pow(clioi_rng_unif(&r), 0.7);
    double home = 0.40 + 0.55 * pow(clioi_rng_unif(&r), 0.6);
    double diag = 0.45 * pow(clioi_rng_unif(&r), 2.5);

    /* how many imports (t) and home suppliers (d) besides the diagonal */
    size_t t = R > 1 ? (size_t)(TRADE_SHARE * (double)K + 0.5) : 0;
    t = t < 1 && R > 1 ? 1 : t;
    t = t > K - 1 ? K - 1 : t;
    size_t d = K - 1 - t;
    if (d > S - 1) {
        t += d - (S - 1);
        d = S - 1;
    }
    if (t > n - S)
        t = n - S;

    g->idx[0] = j;
    size_t count = domestic(g, &r, base, j, d, 1);
    size_t home_end = count;
    count = imports(g, &r, region, t, count);
    if (count == home_end)
        home = 1.0; /* no imports: all inputs at home */
    if (home_end == 1)
        diag = home; /* no other home supplier: the diagonal takes the home share */
    else if (diag > 0.8 * home)
        diag = 0.8 * home;

    double dom_sum = 0.0, imp_sum = 0.0;
    for (size_t k = 1; k < count; k++) {
        size_t s = g->idx[k] % S, q = g->idx[k] / S;
        double w = g->sell[s] * exp(WEIGHT_SIGMA * clioi_rng_normal(&r));
        if (k >= home_end) /* gravity: larger and nearer partners sell more */
            w *= g->region_size[q] * exp(-clioi_gen_distance(g, region, q) / VALUE_DECAY);
        g->val[k] = w;
        *(k < home_end ? &dom_sum : &imp_sum) += w;
    }
    g->val[0] = diag * c;
    for (size_t k = 1; k < count; k++)
        g->val[k] *= k < home_end ? (home - diag) * c / dom_sum : (1.0 - home) * c / imp_sum;
    sort_entries(g->idx, g->val, count);
    return count;
}

int clioi_gen_sparse_build(clioi_gen *g, clio_error *err)
{
    size_t n = g->n, S = g->o.sectors, R = g->o.regions;
    size_t K = g->nonzeros < n ? g->nonzeros : n;
    if (K > SIZE_MAX / 16 / n)
        return clioi_fail(err, CLIO_EDIM, "%zu sectors x %zu entries a column are too many", n,
                          K);
    g->sell_cum = clioi_calloc_array(S, sizeof *g->sell_cum);
    g->size_cum = clioi_calloc_array(R, sizeof *g->size_cum);
    g->key = clioi_calloc_array(K, sizeof *g->key);
    g->A = clio_sparse_alloc(n, n * K);
    if (!g->sell_cum || !g->size_cum || !g->key || !g->A)
        return clioi_fail(err, CLIO_ENOMEM,
                          "out of memory for %zu x %zu coefficients of a sparse table", n, K);
    for (size_t s = 0; s < S; s++)
        g->sell_cum[s] = (s ? g->sell_cum[s - 1] : 0.0) + g->sell[s];
    for (size_t q = 0; q < R; q++)
        g->size_cum[q] = (q ? g->size_cum[q - 1] : 0.0) + g->region_size[q];
    clio_sparse *A = g->A;
    size_t p = 0;
    for (size_t j = 0; j < n; j++) {
        size_t count = sparse_column(g, j, K);
        for (size_t k = 0; k < count; k++) {
            A->rowind[p] = (int64_t)g->idx[k];
            A->values[p++] = g->val[k];
        }
        A->colptr[j + 1] = (int64_t)p;
        if (j % 4096 == 0)
            clioi_progress("generating: coefficients", (double)j / (double)n);
    }
    A->nnz = p;
    return CLIO_OK;
}

void clioi_gen_sparse_flows(clioi_gen *g, double *V)
{
    clio_sparse *A = g->A;
    memset(g->rowsum, 0, g->n * sizeof *g->rowsum);
    for (size_t j = 0; j < g->n; j++) {
        double bought = 0.0;
        for (int64_t p = A->colptr[j]; p < A->colptr[j + 1]; p++) {
            double z = A->values[p] * g->x[j];
            A->values[p] = z;
            g->rowsum[A->rowind[p]] += z;
            bought += z;
        }
        clioi_gen_value_added(g, j, g->x[j] - bought, V + j * CLIOI_GEN_NVA);
    }
}
