/* sam.h -- what the SAM closure's results share (sam_miyazawa.c computes,
 * sam_multipliers.c, sam_decomposition.c and sam_impact.c use).  Private to
 * solver/. */
#ifndef CLIO_SOLVER_SAM_H
#define CLIO_SOLVER_SAM_H

#include "clioi.h"

/* The closed model's building blocks for one table and closure. */
typedef struct clioi_sam_closed {
    size_t ld;  /* max(n, 1) */
    size_t na;  /* accounts: 1 + nva + nsat (output, V rows, satellites) */
    double *E;  /* ld x (na + k): L' d for each account d (Type I effects, as
                 * columns), then W = L' VH' = (VH L)' */
    double *K;  /* k x k, ld k: Miyazawa's (I - H - VH L C)^-1 */
} clioi_sam_closed;

/* clioi_sam_check -- s was defined for t (and f factors a table as big). */
int clioi_sam_check(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                    clio_error *err);

/* clioi_sam_close -- E by one transposed solve with na + k right-hand
 * sides, then K, checked (CLIO_ESINGULAR, CLIO_ENONPRODUCTIVE). */
int clioi_sam_close(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                    clioi_sam_closed *c, clio_error *err);
void clioi_sam_closed_free(clioi_sam_closed *c);

/* clioi_sam_feedback -- x = K' C' e (k values) for column a of E: the
 * closed row vector of account a is e' + x' (VH L), so its closed effect
 * for sector j is E(j, a) + sum_g W(j, g) x_g.  q: k doubles of scratch. */
void clioi_sam_feedback(const clio_sam *s, const clioi_sam_closed *c, size_t a, double *q,
                        double *x);

/* clioi_sam_inverse_checked -- Sinv = S^-1 (k x k; S is destroyed) with
 * the SAM's checks: (nearly) singular is CLIO_ESINGULAR, an inverse with a
 * negative entry CLIO_ENONPRODUCTIVE naming the group; `what` names the
 * matrix in messages. */
int clioi_sam_inverse_checked(const clio_sam *s, double *S, double *Sinv, const char *what,
                              clio_error *err);

#endif
