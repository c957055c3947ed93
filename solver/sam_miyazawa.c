/* sam_miyazawa.c -- Miyazawa's interrelational income multiplier of the
 * SAM closure, K = (I - H - VH L C)^-1, from the open factor: the bordered
 * matrix [[I - A, -C], [-VH, I - H]] is never built, its Schur complement
 * S = I - H - VH L C (k x k) is.  One transposed solve gives, with the
 * Type I effects of every account, W = L' VH' = (VH L)'; then
 * VH L C = W' C.  Everything the SAM results need follows from E and K. */
#include "sam.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int clioi_sam_check(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                    clio_error *err)
{
    if (clio_leontief_size(f) != t->n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), t->n);
    if (s->n != t->n || s->m > t->nva)
        return clioi_fail(err, CLIO_EDIM,
                          "the household groups were defined for a table of %zu sectors, not "
                          "this one (%zu)",
                          s->n, t->n);
    return CLIO_OK;
}

/* The 1-norm (largest absolute column sum) of a k x k matrix. */
static double norm1(const double *M, size_t k)
{
    double norm = 0.0;
    for (size_t c = 0; c < k; c++) {
        double sum = 0.0;
        for (size_t r = 0; r < k; r++)
            sum += fabs(M[r + c * k]);
        norm = fmax(norm, sum);
    }
    return norm;
}

int clioi_sam_inverse_checked(const clio_sam *s, double *S, double *Sinv, const char *what,
                              clio_error *err)
{
    size_t k = s->k;
    double snorm = norm1(S, k);
    for (size_t c = 0; c < k * k; c++)
        Sinv[c] = c % k == c / k;
    clio_error inner;
    int status = clioi_dense_solve(k, S, k, Sinv, &inner);
    if (status == CLIO_ESINGULAR)
        return clioi_fail(err, CLIO_ESINGULAR,
                          "the model closed for household groups is singular (%s has a zero "
                          "pivot): households spend on the table's sectors all the income they "
                          "earn there",
                          what);
    if (status != CLIO_OK)
        return clioi_fail(err, status, "%s", inner.message);
    /* Nothing leaks from a nearly singular S: the induced effects would be
     * rounding noise of size 1 / rcond. */
    double rcond = 1.0 / (snorm * norm1(Sinv, k));
    if (!(rcond >= CLIO_RCOND_WARN))
        return clioi_fail(err, CLIO_ESINGULAR,
                          "the model closed for household groups is singular (reciprocal "
                          "condition number of %s %.3g): households spend all the income they "
                          "earn; pay them fewer value-added rows or less consumption",
                          what, rcond);
    for (size_t h = 0; h < k; h++) {
        double big = 0.0, row = 0.0;
        for (size_t g = 0; g < k; g++) {
            big = fmax(big, fabs(Sinv[h + g * k]));
            row += Sinv[h + g * k];
        }
        int negative = !(row > 0.0) || !isfinite(row);
        for (size_t g = 0; g < k; g++)
            negative |= Sinv[h + g * k] < -1e-12 * big;
        if (negative)
            return clioi_fail(err, CLIO_ENONPRODUCTIVE,
                              "the model closed for household groups is not productive: the "
                              "inverse of %s has negative entries in the row of group '%s' "
                              "(households spend more than the economy pays back as income)",
                              what, s->groups[h]);
    }
    return CLIO_OK;
}

void clioi_sam_closed_free(clioi_sam_closed *c)
{
    free(c->E);
    free(c->K);
    c->E = c->K = NULL;
}

int clioi_sam_close(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                    clioi_sam_closed *c, clio_error *err)
{
    memset(c, 0, sizeof *c);
    int status = clioi_sam_check(t, f, s, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n, k = s->k, ld = n ? n : 1, na = 1 + t->nva + t->nsat;
    c->ld = ld;
    c->na = na;
    c->E = clioi_alloc_matrix(ld, na + k);
    c->K = malloc(k * k * sizeof *c->K);
    double *S = malloc(k * k * sizeof *S);
    if (!c->E || !c->K || !S) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t a = 0; a < na; a++)
        for (size_t j = 0; j < n; j++)
            c->E[j + a * ld] = clioi_account_coefficient(t, a, j);
    for (size_t h = 0; h < k; h++)
        for (size_t j = 0; j < n; j++)
            c->E[j + (na + h) * ld] = s->VH[h + k * j];
    if ((status = clio_leontief_solve(f, 1, na + k, c->E, ld, err)) != CLIO_OK)
        goto done;
    const double *W = c->E + na * ld;
    for (size_t g = 0; g < k; g++)
        for (size_t h = 0; h < k; h++) {
            double p = 0.0; /* (VH L C)(h, g) */
            for (size_t j = 0; j < n; j++)
                p += W[j + h * ld] * s->C[j + g * n];
            S[h + g * k] = (h == g) - s->H[h + g * k] - p;
        }
    status = clioi_sam_inverse_checked(s, S, c->K, "I - H - VH L C", err);
done:
    free(S);
    if (status != CLIO_OK)
        clioi_sam_closed_free(c);
    return status;
}

void clioi_sam_feedback(const clio_sam *s, const clioi_sam_closed *c, size_t a, double *q,
                        double *x)
{
    size_t n = s->n, k = s->k;
    for (size_t h = 0; h < k; h++) {
        double dot = 0.0;
        for (size_t i = 0; i < n; i++)
            dot += s->C[i + n * h] * c->E[i + a * c->ld];
        q[h] = dot;
    }
    for (size_t g = 0; g < k; g++) {
        double v = 0.0;
        for (size_t h = 0; h < k; h++)
            v += c->K[h + g * k] * q[h];
        x[g] = v;
    }
}

int clio_sam_miyazawa(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                      double *K, size_t ldk, clio_error *err)
{
    if (ldk < s->k)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu of K is below %zu", ldk,
                          s->k);
    clioi_sam_closed c;
    int status = clioi_sam_close(t, f, s, &c, err);
    if (status != CLIO_OK)
        return status;
    for (size_t g = 0; g < s->k; g++)
        for (size_t h = 0; h < s->k; h++)
            K[h + g * ldk] = c.K[h + g * s->k];
    clioi_sam_closed_free(&c);
    return CLIO_OK;
}
