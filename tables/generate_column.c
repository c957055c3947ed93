/* generate_column.c -- one column of the synthetic table's coefficients A:
 * what one buying sector purchases per unit of its output.  A column is
 * drawn from its own random stream, so any column can be made again, alone,
 * in any order: the table is made column by column, never held whole.
 * docs/generate.md gives the model and the WIOD 2011 figures it matches. */
#include "generate.h"

#include <math.h>

#define TAG_COLUMN 4

#define WEIGHT_SIGMA 1.5   /* log sd of the weight of one supplier */
#define TRADE_DENSITY 0.5  /* share of non-zero import coefficients at distance 0 ... */
#define DENSITY_DECAY 0.5  /* ... falling as exp(-distance / DENSITY_DECAY) */
#define VALUE_DECAY 0.3    /* import value from a region falls as exp(-distance / VALUE_DECAY) */

/* weight of supplier sector s: its sector's pull times a lognormal draw */
static double supplier_weight(const clioi_gen *g, size_t s, clioi_rng *r)
{
    return g->sell[s] * exp(WEIGHT_SIGMA * clioi_rng_normal(r));
}

/* trade_block -- the non-zero entries of column j's block of imports from
 * region q (raw weights appended at idx/val[nnz..]); returns the new nnz and
 * the block's weight sum in g->block[q]. */
static size_t trade_block(clioi_gen *g, size_t q, double density, size_t nnz, clioi_rng *r)
{
    size_t S = g->o.sectors;
    double log_miss = log1p(-density), sum = 0.0;
    /* the gaps between non-zero entries are geometric: O(entries), not O(S) */
    double pos = -1.0;
    for (;;) {
        pos += 1.0 + floor(log(clioi_rng_unif(r)) / log_miss);
        if (pos >= (double)S)
            break;
        size_t s = (size_t)pos;
        double w = supplier_weight(g, s, r);
        g->idx[nnz] = q * S + s;
        g->val[nnz++] = w;
        sum += w;
    }
    g->block[q] = sum;
    return nnz;
}

size_t clioi_gen_column(clioi_gen *g, size_t j)
{
    size_t S = g->o.sectors, R = g->o.regions;
    size_t region = j / S, own = j % S, base = region * S;
    clioi_rng r = clioi_rng_stream(g->o.seed, TAG_COLUMN, j);

    /* coefficient sum in [0.3, 0.7], domestic share of inputs in [0.40,
     * 0.95], own-sector (diagonal) share of inputs in [0, 0.45]; the powers
     * shape them like WIOD 2011's (docs/generate.md) */
    double c = CLIOI_GEN_COLSUM_LO +
               (CLIOI_GEN_COLSUM_HI - CLIOI_GEN_COLSUM_LO) * pow(clioi_rng_unif(&r), 0.7);
    double home = 0.40 + 0.55 * pow(clioi_rng_unif(&r), 0.6);
    double diag = 0.45 * pow(clioi_rng_unif(&r), 2.5);

    /* the domestic block: dense */
    size_t nnz = 0;
    double dom_sum = 0.0;
    for (size_t s = 0; s < S; s++) {
        g->idx[nnz] = base + s;
        g->val[nnz] = s == own ? 0.0 : supplier_weight(g, s, &r);
        dom_sum += g->val[nnz++];
    }

    /* the trade blocks: sparse, thinner and smaller with distance */
    double gravity_sum = 0.0;
    for (size_t q = 0; q < R; q++) {
        g->block[q] = 0.0;
        if (q == region)
            continue;
        double d = clioi_gen_distance(g, region, q);
        nnz = trade_block(g, q, TRADE_DENSITY * exp(-d / DENSITY_DECAY), nnz, &r);
        if (g->block[q] > 0.0)
            gravity_sum += g->region_size[q] * exp(-d / VALUE_DECAY);
    }
    if (gravity_sum == 0.0)
        home = 1.0; /* one region, or no import drawn: all inputs domestic */
    if (S == 1)
        diag = home;
    else if (diag > 0.8 * home)
        diag = 0.8 * home;

    /* scale: domestic off-diagonal (home - diag) c, diagonal diag c, and
     * (1 - home) c over the regions in proportion to their gravity */
    for (size_t k = 0; k < S; k++)
        g->val[k] = k == own ? diag * c : g->val[k] * (home - diag) * c / dom_sum;
    for (size_t q = 0; q < R; q++)
        if (g->block[q] > 0.0) {
            double d = clioi_gen_distance(g, region, q);
            double share = g->region_size[q] * exp(-d / VALUE_DECAY) / gravity_sum;
            g->block[q] = (1.0 - home) * c * share / g->block[q];
        }
    for (size_t k = S; k < nnz; k++)
        g->val[k] *= g->block[g->idx[k] / S];
    return nnz;
}
