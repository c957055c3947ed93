/* ghosh.c -- the Ghosh supply-side model: allocation coefficients
 * B = xhat^-1 Z and forward multipliers from G = (I - B)^-1 = xhat^-1 L xhat.
 * G d = xhat^-1 L (x o d), so every account's forward effects are one plain
 * solve with its totals as right-hand side (all accounts in one call); G
 * itself is formed only on request. */
#include "factor.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { F_ALLOCATION, F_EFFECT, F_MULTIPLIER, NFIELDS };
static const char *const field_names[NFIELDS] = {"allocation", "effect", "multiplier"};

int clio_ghosh(const clio_table *t, const clio_leontief *f, clio_result **out,
               clio_error *err)
{
    *out = NULL;
    size_t n = t->n, na = 1 + t->nva + t->nsat, ld = n ? n : 1;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    if (clioi_need_dense_z(t, "the Ghosh model", err) != CLIO_OK)
        return CLIO_EINVAL;
    clio_result *r = clioi_result_alloc(t, "ghosh", na, NFIELDS);
    double *R = clioi_alloc_matrix(ld, na);
    int status = CLIO_OK;
    if (!r || !R || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_result_set_fields(r, field_names) != CLIO_OK ||
        !(r->description = clioi_strdup(
              "Ghosh supply-side model: allocation = direct forward linkage (row sum of "
              "B = xhat^-1 Z); effect = account downstream per unit of primary input into the "
              "sector (G d); multiplier = effect / coefficient"))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    /* Right-hand sides: the account's totals x_j d_j (output: x itself). */
    for (size_t a = 0; a < na; a++)
        for (size_t j = 0; j < n; j++)
            R[j + a * ld] = t->x[j] * clioi_account_coefficient(t, a, j);
    if ((status = clio_leontief_solve(f, 0, na, R, ld, err)) != CLIO_OK)
        goto done;
    for (size_t i = 0; i < n; i++) {
        double xi = t->x[i], alloc = 0;
        if (xi != 0) {
            for (size_t j = 0; j < n; j++)
                alloc += t->Z[i + j * n];
            alloc /= xi;
        }
        for (size_t a = 0; a < na; a++) {
            double d = clioi_account_coefficient(t, a, i);
            double e = xi != 0 ? R[i + a * ld] / xi : NAN;
            double *v = &r->values[NFIELDS * (a + na * i)];
            v[F_ALLOCATION] = alloc;
            v[F_EFFECT] = e;
            v[F_MULTIPLIER] = d != 0 ? e / d : NAN;
        }
    }
done:
    free(R);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}

int clio_ghosh_inverse(const clio_table *t, const clio_leontief *f, double *G, size_t ldg,
                       clio_error *err)
{
    size_t n = t->n;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    int status = clio_leontief_inverse(f, G, ldg, err);
    if (status != CLIO_OK)
        return status;
    /* G_ij = L_ij x_j / x_i; a zero-output sector keeps the row and column
     * of the identity (it allocates nothing and receives nothing). */
    for (size_t j = 0; j < n; j++) {
        double *col = G + j * ldg;
        if (t->x[j] == 0) {
            memset(col, 0, n * sizeof *col);
            col[j] = 1.0;
            continue;
        }
        for (size_t i = 0; i < n; i++)
            col[i] = t->x[i] != 0 ? col[i] * (t->x[j] / t->x[i]) : (double)(i == j);
    }
    return CLIO_OK;
}
