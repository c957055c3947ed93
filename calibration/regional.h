/* regional.h -- internals shared by the regionalisation and interregional
 * assembly files of calibration/ (not installed; clioi_ prefix). */
#ifndef CLIO_CALIBRATION_REGIONAL_H
#define CLIO_CALIBRATION_REGIONAL_H

#include "clioi.h"

/* clioi_lq_check -- the sizes a location quotient needs: n >= 1, every
 * regional size finite and >= 0, every national size finite and > 0, no
 * regional size above the national one, a positive regional total.
 * Messages name sector names[i] (or "sector i+1" when names is NULL) and
 * the region (may be NULL). */
int clioi_lq_check(size_t n, char *const *names, const char *region, const double *regional,
                   const double *national, clio_error *err);

/* clioi_slq -- the simple location quotients SLQ_i into slq (n values) and
 * the size ratio e^r / e^n into *ratio.  Sizes already checked. */
void clioi_slq(size_t n, const double *regional, const double *national, double *slq,
               double *ratio);

/* clioi_lq_cell -- LQ_ij of `method` from the SLQs and lambda* (the FLQ
 * scaling [log2(1 + e^r/e^n)]^delta); i == j is the diagonal. */
double clioi_lq_cell(int method, const double *slq, double lambda, size_t i, size_t j);

/* clioi_lq_final_demand -- the LQ of final users buying product i: the
 * same formula with a buyer whose SLQ is 1 (docs/methods-regional.md). */
double clioi_lq_final_demand(int method, const double *slq, double lambda, size_t i);

/* clioi_flq_lambda -- lambda* = [log2(1 + ratio)]^delta. */
double clioi_flq_lambda(double ratio, double delta);

/* clioi_regional_prepare -- what regionalisation checks about its inputs:
 * a one-region national table with positive output where there are
 * flows, method and delta valid, sizes valid (clioi_lq_check). */
int clioi_regional_prepare(const clio_table *national, const char *region,
                           const double *regional, const double *nat,
                           const clio_regional_options *opt, clio_error *err);

/* clioi_regional_output -- x^r_j = x_j * regional_j / national_j. */
void clioi_regional_output(const clio_table *national, const double *regional,
                           const double *nat, double *xr);

/* clioi_output_multipliers -- column sums of (I - A)^-1 of table t (which
 * needs Z and x) into m (n values), by one transposed solve. */
int clioi_output_multipliers(const clio_table *t, double *m, clio_error *err);

/* ---- interregional assembly (interregional.c, interregional_trade.c) ---- */

/* What the trade estimation needs: G regions sharing a national table t.
 * Use columns c of a region are its n sectors, then its nfd final-demand
 * categories.  total(g, i, c) is what users c of region g need of product
 * i: z_ij share[j + g n] for sectors, y_ik fshare[g] for final demand. */
typedef struct clioi_trade_setup {
    const clio_table *t;
    size_t G;
    const double *share;  /* n x G: region g's share of sector j's output */
    const double *fshare; /* G: region g's share of final demand */
    const double *xr;     /* n x G: regional output */
    const double *own;    /* G blocks of n x (n + nfd): the share of total(g, i, c)
                             that region g supplies itself (prior) */
} clioi_trade_setup;

/* clioi_trade_balance -- per product i, the flows from each origin region
 * to each use column of each region: own supply own * total, purchases from
 * the other regions in proportion to their surplus of output over own use
 * (plus a floor in proportion to output), RAS-balanced so that columns sum
 * to total (exactly, up to rounding) and rows to the regional outputs
 * (scaled to the column total when the national row does not balance).
 * Writes Z (Gn x Gn) and Y (Gn x G nfd), region-major. */
int clioi_trade_balance(const clioi_trade_setup *s, const clio_interregional_options *opt,
                        double *Z, double *Y, clio_error *err);

#endif
