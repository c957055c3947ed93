/* sam_multipliers.c -- SAM multipliers by household group: per unit of
 * final demand for each sector, the income of every group in the open
 * model (VH L, households exogenous) and in the model closed for the
 * groups (K VH L), and the closed (induced) effects on output, value
 * added and satellites: d' L (I + C K VH L). */
#include "sam.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum { F_COEFFICIENT, F_OPEN, F_CLOSED, F_INDUCED, F_SHARE, F_NFIELDS };
static const char *const fields[F_NFIELDS] = {"coefficient", "open_effect", "closed_effect",
                                              "induced", "closed_share"};

/* Accounts: income:<group> per group, income:households, then output, V
 * rows and satellites. */
static int set_accounts(clio_result *r, const clio_table *t, const clio_sam *s)
{
    size_t k = s->k;
    const char *unit = t->unit ? t->unit : "";
    for (size_t a = 0; a <= k; a++) {
        const char *name = a < k ? s->groups[a] : "households";
        size_t len = (size_t)snprintf(NULL, 0, "income:%s", name) + 1;
        if (!(r->accounts[a] = malloc(len)) || !(r->account_units[a] = clioi_strdup(unit)))
            return CLIO_ENOMEM;
        snprintf(r->accounts[a], len, "income:%s", name);
    }
    /* The table's accounts, through the helper, then moved behind. */
    clio_result shifted = *r;
    shifted.naccounts = r->naccounts - (k + 1);
    shifted.accounts = r->accounts + k + 1;
    shifted.account_units = r->account_units + k + 1;
    return clioi_result_set_accounts_from_table(&shifted, t);
}

int clio_sam_multipliers(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                         clio_result **out, clio_error *err)
{
    *out = NULL;
    clioi_sam_closed c;
    int status = clioi_sam_close(t, f, s, &c, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n, k = s->k, na = c.na, ld = c.ld, nacc = k + 1 + na;
    clio_result *r = clioi_result_alloc(t, "sam_multipliers", nacc, F_NFIELDS);
    double *X = malloc(k * na * sizeof *X), *q = malloc(k * sizeof *q);
    char *description = NULL;
    if (r) {
        const char *fmt = "SAM multipliers per unit of final demand: income of each household "
                          "group (the lowest-income group, income:%s, first) and every account "
                          "in the open model (Type I) and the model closed for %zu groups";
        size_t len = (size_t)snprintf(NULL, 0, fmt, s->groups[0], k) + 1;
        if ((description = malloc(len)))
            snprintf(description, len, fmt, s->groups[0], k);
        r->description = description;
    }
    if (!r || !X || !q || !description || set_accounts(r, t, s) != CLIO_OK ||
        clioi_result_set_fields(r, fields) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    const double *W = c.E + na * ld;
    for (size_t a = 0; a < na; a++)
        clioi_sam_feedback(s, &c, a, q, X + a * k);
    for (size_t j = 0; j < n; j++) {
        double *row = &r->values[F_NFIELDS * nacc * j];
        double *all = row + F_NFIELDS * k;
        all[F_COEFFICIENT] = all[F_OPEN] = all[F_CLOSED] = 0.0;
        for (size_t h = 0; h < k; h++) {
            double closed = 0.0; /* (K VH L)(h, j) */
            for (size_t g = 0; g < k; g++)
                closed += c.K[h + g * k] * W[j + g * ld];
            double *v = row + F_NFIELDS * h;
            v[F_COEFFICIENT] = s->VH[h + k * j];
            v[F_OPEN] = W[j + h * ld];
            v[F_CLOSED] = closed;
            v[F_INDUCED] = closed - v[F_OPEN];
            all[F_COEFFICIENT] += v[F_COEFFICIENT];
            all[F_OPEN] += v[F_OPEN];
            all[F_CLOSED] += closed;
        }
        all[F_INDUCED] = all[F_CLOSED] - all[F_OPEN];
        all[F_SHARE] = all[F_CLOSED] != 0.0 ? 1.0 : NAN;
        for (size_t h = 0; h < k; h++)
            row[F_NFIELDS * h + F_SHARE] =
                all[F_CLOSED] != 0.0 ? row[F_NFIELDS * h + F_CLOSED] / all[F_CLOSED] : NAN;
        for (size_t a = 0; a < na; a++) {
            double e1 = c.E[j + a * ld], e2 = e1;
            for (size_t g = 0; g < k; g++)
                e2 += W[j + g * ld] * X[g + a * k];
            double *v = row + F_NFIELDS * (k + 1 + a);
            v[F_COEFFICIENT] = clioi_account_coefficient(t, a, j);
            v[F_OPEN] = e1;
            v[F_CLOSED] = e2;
            v[F_INDUCED] = e2 - e1;
            v[F_SHARE] = NAN;
        }
    }
done:
    free(X);
    free(q);
    clioi_sam_closed_free(&c);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
