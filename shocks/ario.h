/* ario.h -- the state of an ARIO simulation (docs/methods-ario.md), shared
 * by shocks/ario*.c.  Internal: nothing here is exported.
 *
 * Inventories are kept by (input product, buying industry) as in BoARIO: a
 * product is a sector name, whichever region makes it, so an industry can
 * draw on a stock of "steel" filled by several regions.  The rows of the
 * order-share matrix are permuted so that the suppliers of one product are
 * contiguous (perm), which keeps each step's two passes over it column-
 * major with contiguous inner loops. */
#ifndef CLIO_SHOCKS_ARIO_H
#define CLIO_SHOCKS_ARIO_H

#include "clioi.h"

typedef struct clioi_ario {
    size_t n;           /* industries (sectors of the table)                      */
    size_t np;          /* products (distinct sector names)                       */
    double dt;          /* step length as a share of a year: step_days / 365      */
    /* the baseline */
    double *x0;         /* n output per year                                      */
    double *y;          /* n final demand per year: x0 - Z 1 + demand_change       */
    double *y_base;     /* n final demand per year before demand_change (unmet)    */
    /* structure */
    size_t *perm;       /* n: row k of zshare is industry perm[k]                 */
    size_t *start;      /* np + 1: the suppliers of product p are rows
                           start[p] .. start[p+1]-1 of zshare                     */
    double *zshare;     /* n x n (ld n), permuted rows: z_ij / Z^S_pj, the share
                           of buyer j's orders of product p going to supplier i   */
    double *aS;         /* np x n: input of product p per unit output of j        */
    /* the state */
    double *stock;      /* np x n inventories (money)                             */
    double *orders;     /* np x n orders of p by j per year, placed last step (in
                           a step, replaced by G = orders / S, ario_step.c)       */
    double *alpha;      /* n overproduction factor                                */
    double *owed;       /* n reconstruction demand not yet delivered (money)      */
    /* per-step work arrays, n each, in the table's order unless noted */
    double *demand;     /* total demand per year                                  */
    double *xopt;       /* min(demand, alpha capacity)                             */
    double *xa;         /* realised production per year                           */
    double *scratch2;   /* n scratch                                              */
    double *work;       /* capacity share c = cap / x0 this step, permuted order   */
    double *scratch;    /* n scratch                                              */
} clioi_ario;

/* clioi_ario_check -- parameters and shock against the table: CLIO_EVALUE
 * naming the parameter or the sector and its value. */
int clioi_ario_check(const clio_table *t, const clio_ario_params *p, const clio_ario_shock *s,
                     clio_error *err);

/* clioi_ario_setup -- the baseline state of t: output x, final demand
 * x - Z 1, inventories at target, orders = Z. */
int clioi_ario_setup(clioi_ario *a, const clio_table *t, const clio_ario_params *p,
                     const clio_ario_shock *s, clio_error *err);
void clioi_ario_release(clioi_ario *a);

/* The outputs of one step (each n, per year, in the table's order). */
typedef struct clioi_ario_out {
    double *production, *capacity, *unmet, *gap;
    double *unmet_final; /* n: final demand not served this step (money), added */
    double *rebuilt;     /* n: reconstruction delivered this step (money), added */
} clioi_ario_out;

/* clioi_ario_step -- advance one step with production capacity cap (n,
 * per year, before overproduction). */
void clioi_ario_step(clioi_ario *a, const clio_ario_params *p, const double *cap,
                     clioi_ario_out *out);

#endif
