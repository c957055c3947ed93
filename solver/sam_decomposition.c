/* sam_decomposition.c -- Pyatt & Round's (1979) decomposition of the SAM
 * accounting multipliers Ma = (I - An)^-1, with An = [[A, 0, C], [F, 0, 0],
 * [0, D, H]] over production, factors and households.  With
 * M1 = diag(L, I, (I - H)^-1) and A* = M1 (An - diag(A, 0, H)):
 * M2 = I + A* + A*^2 and M3 = (I - A*^3)^-1, Ma = M3 M2 M1.  For a unit
 * of final demand for sector j (column j of the production account):
 *   transfer    (M1 - I) e_j        = [L - I; 0; 0] e_j
 *   open loop   (M2 - I) M1 e_j     = [0; F L; (I - H)^-1 D F L] e_j
 *   closed loop (M3 - I) M2 M1 e_j  = Ma e_j - the rest, where
 *   Ma e_j = [L (I + C K VH L); F L (I + C K VH L); K VH L] e_j
 * so the whole decomposition comes from the closure's solves, for any n. */
#include "sam.h"

#include <stdio.h>
#include <stdlib.h>

enum { F_INITIAL, F_TRANSFER, F_OPEN, F_CLOSED, F_TOTAL, F_NFIELDS };
static const char *const fields[F_NFIELDS] = {"initial", "transfer", "open_loop",
                                              "closed_loop", "total"};

/* "prefix:name" into accounts[a] with the table's unit. */
static int name_account(clio_result *r, size_t a, const char *prefix, const char *name,
                        const char *unit)
{
    size_t len = (size_t)snprintf(NULL, 0, "%s%s", prefix, name) + 1;
    if (!(r->accounts[a] = malloc(len)) || !(r->account_units[a] = clioi_strdup(unit)))
        return CLIO_ENOMEM;
    snprintf(r->accounts[a], len, "%s%s", prefix, name);
    return CLIO_OK;
}

static int set_accounts(clio_result *r, const clio_table *t, const clio_sam *s)
{
    const char *unit = t->unit ? t->unit : "";
    int status = name_account(r, 0, "", "output", unit);
    for (size_t c = 0; status == CLIO_OK && c < s->m; c++)
        status = name_account(r, 1 + c, "factor:", t->va_names[s->factor_rows[c]], unit);
    for (size_t h = 0; status == CLIO_OK && h < s->k; h++)
        status = name_account(r, 1 + s->m + h, "income:", s->groups[h], unit);
    return status;
}

/* (I - H)^-1: the transfer multiplier inside the household account. */
static int transfer_inverse(const clio_sam *s, double *Hinv, clio_error *err)
{
    size_t k = s->k;
    double *A = malloc(k * k * sizeof *A);
    if (!A)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t c = 0; c < k * k; c++)
        A[c] = (c % k == c / k) - s->H[c];
    int status = clioi_sam_inverse_checked(s, A, Hinv, "I - H", err);
    free(A);
    return status;
}

/* The closed-loop part of account a for sector j: W(j, :) x(:, a). */
static double feedback(const clioi_sam_closed *c, size_t k, size_t j, const double *x)
{
    const double *W = c->E + c->na * c->ld;
    double v = 0.0;
    for (size_t g = 0; g < k; g++)
        v += W[j + g * c->ld] * x[g];
    return v;
}

int clio_sam_decomposition(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                           clio_result **out, clio_error *err)
{
    *out = NULL;
    clioi_sam_closed c;
    int status = clioi_sam_close(t, f, s, &c, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n, k = s->k, m = s->m, ld = c.ld, nacc = 1 + m + k;
    clio_result *r = clioi_result_alloc(t, "sam_decomposition", nacc, F_NFIELDS);
    double *X = malloc(k * (1 + m) * sizeof *X), *q = malloc(k * sizeof *q);
    double *Hinv = malloc(k * k * sizeof *Hinv);
    if (!r || !X || !q || !Hinv || set_accounts(r, t, s) != CLIO_OK ||
        clioi_result_set_fields(r, fields) != CLIO_OK ||
        !(r->description = clioi_strdup(
              "Pyatt-Round decomposition of the SAM accounting multipliers per unit of final "
              "demand for each sector: total = initial + transfer (inside production) + "
              "open_loop (production to factors to households) + closed_loop (household "
              "spending fed back)"))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if ((status = transfer_inverse(s, Hinv, err)) != CLIO_OK)
        goto done;
    clioi_sam_feedback(s, &c, 0, q, X);
    for (size_t f_ = 0; f_ < m; f_++)
        clioi_sam_feedback(s, &c, 1 + s->factor_rows[f_], q, X + (1 + f_) * k);
    const double *W = c.E + c.na * ld;
    for (size_t j = 0; j < n; j++) {
        double *row = &r->values[F_NFIELDS * nacc * j];
        double *v = row;
        v[F_INITIAL] = 1.0;
        v[F_TRANSFER] = c.E[j] - 1.0;
        v[F_OPEN] = 0.0;
        v[F_CLOSED] = feedback(&c, k, j, X);
        for (size_t f_ = 0; f_ < m; f_++) {
            v = row + F_NFIELDS * (1 + f_);
            v[F_INITIAL] = v[F_TRANSFER] = 0.0;
            v[F_OPEN] = c.E[j + (1 + s->factor_rows[f_]) * ld];
            v[F_CLOSED] = feedback(&c, k, j, X + (1 + f_) * k);
        }
        for (size_t h = 0; h < k; h++) {
            double open = 0.0, total = 0.0;
            for (size_t g = 0; g < k; g++) {
                open += Hinv[h + g * k] * W[j + g * ld];
                total += c.K[h + g * k] * W[j + g * ld];
            }
            v = row + F_NFIELDS * (1 + m + h);
            v[F_INITIAL] = v[F_TRANSFER] = 0.0;
            v[F_OPEN] = open;
            v[F_CLOSED] = total - open;
        }
        for (size_t a = 0; a < nacc; a++) {
            v = row + F_NFIELDS * a;
            v[F_TOTAL] = v[F_INITIAL] + v[F_TRANSFER] + v[F_OPEN] + v[F_CLOSED];
        }
    }
done:
    free(X);
    free(q);
    free(Hinv);
    clioi_sam_closed_free(&c);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
