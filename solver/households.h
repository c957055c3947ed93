/* households.h -- the household groups of a model closed for households
 * (Type II), shared by households.c (definition) and type2.c (the Schur-
 * complement solves).  Private to solver/. */
#ifndef CLIO_SOLVER_HOUSEHOLDS_H
#define CLIO_SOLVER_HOUSEHOLDS_H

#include "clioi.h"

struct clio_households {
    size_t n;          /* sectors of the table it was defined for */
    size_t k;          /* household groups */
    char **names;      /* k: the group's region, or "households" */
    size_t income_row; /* index of the income row in t->V */
    int whole;         /* k == 1 and the group earns in every sector: HR = the
                        * income account's coefficients, reusable */
    double *HRt;       /* n x k, ld n: HR' (income per unit of output) */
    double *HC;        /* n x k, ld n: spending per unit of income */
};

/* clioi_households_schur_inverse -- Sinv = S^-1 (k x k) with S = I - P' Q
 * (P, Q n x k, ld n), checked: CLIO_ESINGULAR when S is (nearly)
 * singular, CLIO_ENONPRODUCTIVE when S^-1 is not >= 0 (type2.c).  Used
 * with P = HR', Q = L HC by Type II impacts and scenario batches. */
int clioi_households_schur_inverse(const clio_households *h, const double *P,
                                   const double *Q, double *Sinv, clio_error *err);

#endif
