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

#endif
