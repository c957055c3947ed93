/* generate.h -- the synthetic multi-regional table of clio_generate: the
 * model (tables/generate.c, tables/generate_column.c) shared with its
 * NetCDF writer (tables/generate_netcdf.c).  Internal; docs/generate.md
 * describes the model and its parameters. */
#ifndef CLIO_GENERATE_H
#define CLIO_GENERATE_H

#include "clioi.h"

#include <stdint.h>

/* Model constants (docs/generate.md says where each comes from). */
#define CLIOI_GEN_COLSUM_LO 0.3   /* coefficient column sums lie in [LO, HI] */
#define CLIOI_GEN_COLSUM_HI 0.7
#define CLIOI_GEN_NVA 3           /* value-added rows */

/* A stream of pseudo-random numbers (splitmix64). */
typedef struct clioi_rng {
    uint64_t s;
} clioi_rng;

/* clioi_rng_stream -- the stream for (seed, tag, index): every quantity of
 * the model draws from its own stream, so a column or a row comes out the
 * same whatever else was drawn before it. */
clioi_rng clioi_rng_stream(uint64_t seed, uint64_t tag, uint64_t index);
double clioi_rng_unif(clioi_rng *r);   /* uniform in (0, 1) */
double clioi_rng_normal(clioi_rng *r); /* standard normal */

/* The model's O(n + R K + S K) state: everything but Z. */
typedef struct clioi_gen {
    clio_generate_options o;
    size_t n, nfd;
    double *region_xy;    /* 2 R: positions in the unit square */
    double *region_size;  /* R: relative size of each region's economy */
    double *fd_norm;      /* R: sum over other regions of the final-demand gravity */
    double *sell;         /* S: how much a sector sells to others (same in every region) */
    double *cat_norm;     /* S: sum of a sector's category weights */
    double *cat_col;      /* S: scratch, one category's shares */
    double *y;            /* n: drawn final demand of each sector (row) */
    double *x;            /* n: total output */
    double *rowsum;       /* n: Z 1 */
    double *fd_home;      /* n: share of a sector's final sales bought at home */
    /* one column's coefficients, sparse: A(idx[k], j) = val[k] */
    size_t *idx;
    double *val;
    double *block;        /* R: scratch, weight sums of a column's trade blocks */
    /* the sparse model (generate_sparse.c; 0 and NULL in the dense one): */
    size_t nonzeros;      /* K: entries asked for a column */
    clio_sparse *A;       /* n x n coefficients in CSC, then Z's flows */
    double *sell_cum;     /* S: cumulative sell weights, for drawing suppliers */
    double *size_cum;     /* R: cumulative region sizes, for drawing partners */
    double *key;          /* K: scratch */
} clioi_gen;

/* clioi_gen_init -- check the options and draw the O(n) state (x = y).  CLIO_EINVAL, CLIO_EDIM or CLIO_ENOMEM (nothing held). */
int clioi_gen_init(clioi_gen *g, const clio_generate_options *o, clio_error *err);
void clioi_gen_free(clioi_gen *g);

/* clioi_gen_column -- coefficients of column j into g->idx/g->val (their
 * sum is the column's coefficient sum); returns how many. */
size_t clioi_gen_column(clioi_gen *g, size_t j);

/* clioi_gen_sparse_build -- the sparse model's coefficients: g->A with
 * K = min(nonzeros_per_column, n) entries in every column (its own sector,
 * home suppliers, imports).  CLIO_ENOMEM or CLIO_EDIM. */
int clioi_gen_sparse_build(clioi_gen *g, clio_error *err);
/* clioi_gen_sparse_flows -- once x is settled: g->A becomes Z = A xhat,
 * g->rowsum = Z 1 and V (nva x n) closes every column. */
void clioi_gen_sparse_flows(clioi_gen *g, double *V);

/* clioi_gen_settle_output -- x = y + A x, closely enough that f = x - A x
 * is within 0.1% of y in sum and at least y / 2 in every row (a few passes
 * over the columns, or over g->A in the sparse model); g->rowsum = A x.  CLIO_ENOCONVERGE if it does not. */
int clioi_gen_settle_output(clioi_gen *g, clio_error *err);

/* clioi_gen_distance -- distance between regions r and q (unit square). */
double clioi_gen_distance(const clioi_gen *g, size_t r, size_t q);

/* clioi_gen_value_added -- the CLIOI_GEN_NVA rows of column j's value
 * added va (x_j minus its purchases) into v. */
void clioi_gen_value_added(const clioi_gen *g, size_t j, double va, double *v);
/* clioi_gen_satellites -- S (M x n) from x. */
void clioi_gen_satellites(const clioi_gen *g, double *S);
/* clioi_gen_final_demand -- final-demand column k (region k / K,
 * category k % K) of the rows' final sales f = x - Z 1, into y (n). */
void clioi_gen_final_demand(clioi_gen *g, size_t k, const double *f, double *y);

/* Names of value-added rows, final-demand categories and satellites;
 * clioi_gen_fd_name and clioi_gen_sat_name write into buf. */
extern const char *const clioi_gen_va_names[CLIOI_GEN_NVA];
const char *clioi_gen_fd_name(size_t c, char *buf, size_t len);
const char *clioi_gen_sat_name(size_t m, char *buf, size_t len);
const char *clioi_gen_sat_unit(size_t m);

#endif
