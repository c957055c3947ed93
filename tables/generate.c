/* generate.c -- the synthetic multi-regional table of clio_generate: its
 * O(n) state (region geography and sizes, sector sizes, final-demand
 * shares), the settling of total output, value added, satellites and final
 * demand.  The coefficients are in generate_column.c, the file in
 * generate_netcdf.c; docs/generate.md describes the model and where its
 * constants come from (WIOD 2011). */
#include "generate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Stream tags: one per kind of draw (clioi_rng_stream). */
enum {
    TAG_REGION = 1, TAG_SELL, TAG_SIZE, TAG_VA = 5, TAG_SAT_SECTOR, TAG_SAT_REGION,
    TAG_SAT_NOISE, TAG_FD_HOME, TAG_FD_CATEGORY
};

#define REGION_SIGMA 1.8  /* log sd of region size (WIOD 2011: 1.79) */
#define SECTOR_SIGMA 1.2  /* log sd of final demand within a region (WIOD output: 1.19) */
#define SELL_SIGMA 1.0    /* log sd of a sector's weight as a supplier */
#define FD_DECAY 0.3      /* distance decay of trade in final products */
#define MAX_PASSES 200    /* passes settling x = y + A x */

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

clioi_rng clioi_rng_stream(uint64_t seed, uint64_t tag, uint64_t index)
{
    uint64_t h = mix64(seed + UINT64_C(0x9E3779B97F4A7C15));
    h = mix64(h ^ (tag * UINT64_C(0xD1B54A32D192ED03)));
    h = mix64(h ^ (index + UINT64_C(0x8CB92BA72F3D8DD7)));
    return (clioi_rng){h};
}

double clioi_rng_unif(clioi_rng *r)
{
    r->s += UINT64_C(0x9E3779B97F4A7C15);
    return ((double)(mix64(r->s) >> 11) + 0.5) * 0x1.0p-53;
}

double clioi_rng_normal(clioi_rng *r)
{
    /* Box-Muller, one of the pair: simple, and the stream stays aligned */
    double u = clioi_rng_unif(r), v = clioi_rng_unif(r);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

const char *const clioi_gen_va_names[CLIOI_GEN_NVA] = {
    "compensation_of_employees", "gross_operating_surplus", "taxes_on_production"};

/* WIOD's final-demand categories and their shares of world final demand in
 * 2011 (households, NPISH, government, GFCF, inventories). */
static const char *const fd_names[] = {"household_consumption", "npish_consumption",
                                       "government_consumption",
                                       "gross_fixed_capital_formation", "changes_in_inventories"};
static const double fd_base[] = {0.575, 0.006, 0.179, 0.232, 0.009};
#define NFD_NAMED (sizeof fd_names / sizeof fd_names[0])

/* Satellites: name, unit, mean intensity per unit of output, log sd over
 * sectors, log sd over regions. */
static const struct sat_kind {
    const char *name, *unit;
    double base, sector_sigma, region_sigma;
} sat_kinds[] = {
    {"employment", "1000 persons", 0.01, 0.8, 0.8}, {"co2", "kt", 0.3, 1.5, 0.5},
    {"energy", "TJ", 5.0, 1.2, 0.4},                 {"water", "Mm3", 0.05, 1.5, 0.6},
    {"land", "km2", 0.1, 2.0, 0.8},                  {"materials", "kt", 0.5, 1.2, 0.4},
};
#define NSAT_NAMED (sizeof sat_kinds / sizeof sat_kinds[0])
static const struct sat_kind sat_other = {NULL, "unit", 1.0, 1.0, 0.5};

const char *clioi_gen_fd_name(size_t c, char *buf, size_t len)
{
    if (c < NFD_NAMED)
        return fd_names[c];
    snprintf(buf, len, "final_demand_%zu", c + 1);
    return buf;
}

const char *clioi_gen_sat_name(size_t m, char *buf, size_t len)
{
    if (m < NSAT_NAMED)
        return sat_kinds[m].name;
    snprintf(buf, len, "satellite_%zu", m + 1);
    return buf;
}

const char *clioi_gen_sat_unit(size_t m)
{
    return m < NSAT_NAMED ? sat_kinds[m].unit : sat_other.unit;
}

static double fd_weight(size_t c)
{
    return c < NFD_NAMED ? fd_base[c] : 0.1;
}

/* Distance between regions r and q in the unit square. */
double clioi_gen_distance(const clioi_gen *g, size_t r, size_t q)
{
    return hypot(g->region_xy[2 * r] - g->region_xy[2 * q],
                 g->region_xy[2 * r + 1] - g->region_xy[2 * q + 1]);
}

/* The share of region r's exports of final products that region q buys,
 * before normalising: its size, discounted by distance. */
static double fd_gravity(const clioi_gen *g, size_t r, size_t q)
{
    return g->region_size[q] * exp(-clioi_gen_distance(g, r, q) / FD_DECAY);
}

/* cat_draw -- the weight of sector s's final sales (in a region) that goes
 * to category c (before normalising), drawn around the WIOD shares. */
static double cat_draw(const clioi_gen *g, size_t s, size_t c)
{
    clioi_rng r = clioi_rng_stream(g->o.seed, TAG_FD_CATEGORY, (uint64_t)s * g->o.fd_categories + c);
    return fd_weight(c) * exp(0.5 * clioi_rng_normal(&r));
}

static int check_options(const clio_generate_options *o, clio_error *err)
{
    if (!o)
        return clioi_fail(err, CLIO_EINVAL, "clio_generate: NULL options");
    if (o->regions == 0 || o->sectors == 0)
        return clioi_fail(err, CLIO_EINVAL,
                          "a table needs at least 1 region and 1 sector (got %zu regions, %zu "
                          "sectors)",
                          o->regions, o->sectors);
    if (o->fd_categories == 0)
        return clioi_fail(err, CLIO_EINVAL, "a table needs at least 1 final-demand category");
    if (o->regions > CLIO_GENERATE_MAX_SECTORS / o->sectors)
        return clioi_fail(err, CLIO_EDIM,
                          "%zu regions x %zu sectors are more than the %d sectors clio_generate "
                          "makes (Z would not fit anywhere)",
                          o->regions, o->sectors, CLIO_GENERATE_MAX_SECTORS);
    if (o->fd_categories > CLIO_GENERATE_MAX_COLUMNS / o->regions)
        return clioi_fail(err, CLIO_EDIM,
                          "%zu regions x %zu final-demand categories are more than %d columns",
                          o->regions, o->fd_categories, CLIO_GENERATE_MAX_COLUMNS);
    if (o->satellites > CLIO_GENERATE_MAX_COLUMNS)
        return clioi_fail(err, CLIO_EDIM, "%zu satellite accounts are more than %d",
                          o->satellites, CLIO_GENERATE_MAX_COLUMNS);
    return CLIO_OK;
}

void clioi_gen_free(clioi_gen *g)
{
    free(g->region_xy);
    free(g->region_size);
    free(g->fd_norm);
    free(g->sell);
    free(g->cat_norm);
    free(g->cat_col);
    free(g->x);
    free(g->y);
    free(g->rowsum);
    free(g->fd_home);
    free(g->idx);
    free(g->val);
    free(g->block);
    clio_sparse_free(g->A);
    free(g->sell_cum);
    free(g->size_cum);
    free(g->key);
    memset(g, 0, sizeof *g);
}

static void draw_regions(clioi_gen *g)
{
    size_t R = g->o.regions;
    for (size_t r = 0; r < R; r++) {
        clioi_rng s = clioi_rng_stream(g->o.seed, TAG_REGION, r);
        g->region_xy[2 * r] = clioi_rng_unif(&s);
        g->region_xy[2 * r + 1] = clioi_rng_unif(&s);
        g->region_size[r] = exp(REGION_SIGMA * clioi_rng_normal(&s));
    }
    for (size_t r = 0; r < R; r++) {
        double sum = 0.0;
        for (size_t q = 0; q < R; q++)
            if (q != r)
                sum += fd_gravity(g, r, q);
        g->fd_norm[r] = sum;
    }
}

static void draw_sectors(clioi_gen *g)
{
    size_t S = g->o.sectors, K = g->o.fd_categories;
    for (size_t s = 0; s < S; s++) {
        clioi_rng r = clioi_rng_stream(g->o.seed, TAG_SELL, s);
        g->sell[s] = exp(SELL_SIGMA * clioi_rng_normal(&r));
        double sum = 0.0;
        for (size_t c = 0; c < K; c++)
            sum += cat_draw(g, s, c);
        g->cat_norm[s] = sum;
    }
    for (size_t i = 0; i < g->n; i++) {
        size_t region = i / S;
        clioi_rng r = clioi_rng_stream(g->o.seed, TAG_SIZE, i);
        g->y[i] = 1000.0 * g->region_size[region] * exp(SECTOR_SIGMA * clioi_rng_normal(&r));
        g->x[i] = g->y[i];
        /* share of final sales at home: most sectors sell at home, a few
         * (tradables) export most (WIOD 2011: median 0.91, 5% below 0.04) */
        clioi_rng h = clioi_rng_stream(g->o.seed, TAG_FD_HOME, i);
        double u = clioi_rng_unif(&h);
        g->fd_home[i] = g->o.regions == 1 ? 1.0 : 1.0 - 0.95 * pow(u, 2.5);
    }
}

int clioi_gen_init(clioi_gen *g, const clio_generate_options *o, clio_error *err)
{
    memset(g, 0, sizeof *g);
    int status = check_options(o, err);
    if (status != CLIO_OK)
        return status;
    g->o = *o;
    size_t R = o->regions, S = o->sectors, n = R * S;
    g->n = n;
    g->nfd = R * o->fd_categories;
    g->region_xy = clioi_calloc_array(2 * R, sizeof *g->region_xy);
    g->region_size = clioi_calloc_array(R, sizeof *g->region_size);
    g->fd_norm = clioi_calloc_array(R, sizeof *g->fd_norm);
    g->block = clioi_calloc_array(R, sizeof *g->block);
    g->sell = clioi_calloc_array(S, sizeof *g->sell);
    g->cat_norm = clioi_calloc_array(S, sizeof *g->cat_norm);
    g->cat_col = clioi_calloc_array(S, sizeof *g->cat_col);
    g->x = clioi_calloc_array(n, sizeof *g->x);
    g->y = clioi_calloc_array(n, sizeof *g->y);
    g->rowsum = clioi_calloc_array(n, sizeof *g->rowsum);
    g->fd_home = clioi_calloc_array(n, sizeof *g->fd_home);
    g->idx = clioi_calloc_array(n, sizeof *g->idx);
    g->val = clioi_calloc_array(n, sizeof *g->val);
    if (!g->region_xy || !g->region_size || !g->fd_norm || !g->block || !g->sell ||
        !g->cat_norm || !g->cat_col || !g->x || !g->y || !g->rowsum || !g->fd_home || !g->idx || !g->val) {
        clioi_gen_free(g);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for a table of %zu sectors", n);
    }
    draw_regions(g);
    draw_sectors(g);
    return CLIO_OK;
}

/* row_sums -- g->rowsum = A x, one pass over the columns. */
static void row_sums(clioi_gen *g)
{
    memset(g->rowsum, 0, g->n * sizeof *g->rowsum);
    for (size_t j = 0; j < g->n && g->A; j++) /* the sparse model holds A */
        for (int64_t p = g->A->colptr[j]; p < g->A->colptr[j + 1]; p++)
            g->rowsum[g->A->rowind[p]] += g->A->values[p] * g->x[j];
    for (size_t j = 0; j < g->n && !g->A; j++) {
        size_t nnz = clioi_gen_column(g, j);
        for (size_t k = 0; k < nnz; k++)
            g->rowsum[g->idx[k]] += g->val[k] * g->x[j];
    }
}

/* The coefficients are fixed; x follows from the drawn final demand y as
 * x = y + A x, by the monotone iteration x <- y + A x from x = y (one pass
 * over the columns each; its error shrinks by the largest column sum, 0.7,
 * or less, per pass).  It stops once the final demand the table then gets,
 * f = x - A x = y - A (x - x_previous), is within SETTLE_TOL of y in sum and
 * at least half of y in every row: so f > 0 and balances hold exactly. */
#define SETTLE_TOL 1e-3
int clioi_gen_settle_output(clioi_gen *g, clio_error *err)
{
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        row_sums(g);
        double gap = 0.0, total = 0.0;
        int positive = 1;
        for (size_t i = 0; i < g->n; i++) {
            double missing = g->y[i] + g->rowsum[i] - g->x[i]; /* y - f >= 0 */
            gap += missing;
            total += g->y[i];
            if (missing > 0.5 * g->y[i])
                positive = 0;
        }
        if (positive && gap <= SETTLE_TOL * total) {
            clioi_progress("generating: output", 1.0);
            return CLIO_OK;
        }
        for (size_t i = 0; i < g->n; i++)
            g->x[i] = g->y[i] + g->rowsum[i];
        clioi_progress("generating: output", (pass + 1.0) / MAX_PASSES);
    }
    return clioi_fail(err, CLIO_ENOCONVERGE,
                      "the sectors' output did not settle in %d passes", MAX_PASSES);
}

void clioi_gen_value_added(const clioi_gen *g, size_t j, double va, double *v)
{
    /* compensation 35-70% of value added, taxes on production 0-5%, the
     * rest operating surplus */
    clioi_rng r = clioi_rng_stream(g->o.seed, TAG_VA, j);
    double comp = 0.35 + 0.35 * clioi_rng_unif(&r);
    double tax = 0.05 * clioi_rng_unif(&r);
    v[0] = comp * va;
    v[2] = tax * va;
    v[1] = va - v[0] - v[2];
}

void clioi_gen_satellites(const clioi_gen *g, double *S)
{
    size_t M = g->o.satellites, nsec = g->o.sectors;
    for (size_t m = 0; m < M; m++) {
        const struct sat_kind *k = m < NSAT_NAMED ? &sat_kinds[m] : &sat_other;
        for (size_t j = 0; j < g->n; j++) {
            size_t region = j / nsec, s = j % nsec;
            clioi_rng rs = clioi_rng_stream(g->o.seed, TAG_SAT_SECTOR, (uint64_t)m * nsec + s);
            clioi_rng rr = clioi_rng_stream(g->o.seed, TAG_SAT_REGION,
                                            (uint64_t)m * g->o.regions + region);
            clioi_rng rj = clioi_rng_stream(g->o.seed, TAG_SAT_NOISE, (uint64_t)m * g->n + j);
            double intensity = k->base * exp(k->sector_sigma * clioi_rng_normal(&rs) +
                                             k->region_sigma * clioi_rng_normal(&rr) +
                                             0.2 * clioi_rng_normal(&rj));
            S[m + j * M] = intensity * g->x[j];
        }
    }
}

void clioi_gen_final_demand(clioi_gen *g, size_t k, const double *f, double *y)
{
    size_t K = g->o.fd_categories, S = g->o.sectors, R = g->o.regions;
    size_t buyer = k / K, c = k % K;
    /* per region: the share of its sectors' exports the buyer takes;
     * per sector: the share of its final sales in category c */
    for (size_t r = 0; r < R; r++)
        g->block[r] = r == buyer ? 0.0 : fd_gravity(g, r, buyer) / g->fd_norm[r];
    for (size_t s = 0; s < S; s++)
        g->cat_col[s] = cat_draw(g, s, c) / g->cat_norm[s];
    for (size_t i = 0; i < g->n; i++) {
        size_t r = i / S;
        double region_share = r == buyer ? g->fd_home[i] : (1.0 - g->fd_home[i]) * g->block[r];
        y[i] = f[i] * region_share * g->cat_col[i % S];
    }
}
