/* extraction.h -- what the two halves of hypothetical extraction share
 * (solver/extraction.c: every sector; solver/extraction_groups.c: groups):
 * the result's fields and the per-account quantities every extraction is
 * computed from.  Private to the solver. */
#ifndef CLIO_SOLVER_EXTRACTION_H
#define CLIO_SOLVER_EXTRACTION_H

#include "factor.h"

enum {
    CLIOI_X_TOTAL,
    CLIOI_X_BACKWARD,
    CLIOI_X_FORWARD,
    CLIOI_X_INTERNAL,
    CLIOI_X_TOTAL_PERCENT,
    CLIOI_X_NFIELDS
};

/* Per account a of the table (output, V rows, satellites), n x na,
 * column-major: the direct coefficients d_a, the Type I effects L' d_a
 * and L (x o d_a), and the account's total sum_j d_a,j x_j. */
typedef struct clioi_extraction_base {
    size_t n, na;
    double *D;
    double *E;
    double *H;
    double *total;
} clioi_extraction_base;

/* clioi_extraction_base_make -- check the factor against t (t->Z is
 * needed) and compute the base: two solves with na right-hand sides. */
int clioi_extraction_base_make(const clio_table *t, const clio_leontief *f,
                               clioi_extraction_base *b, clio_error *err);
void clioi_extraction_base_free(clioi_extraction_base *b);

/* clioi_extraction_coefficient -- a_ij = z_ij / x_j (0 for zero output). */
double clioi_extraction_coefficient(const clio_table *t, size_t i, size_t j);

/* clioi_extraction_finish -- the field names, the description, not
 * additive; CLIO_ENOMEM when out of memory. */
int clioi_extraction_finish(clio_result *r, const char *description);

/* clioi_extraction_percent -- total_percent of the fields v from their
 * total and the account's total (NaN for an account that sums to zero). */
void clioi_extraction_percent(double *v, double account_total);

#endif
