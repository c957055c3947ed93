/* multipliers.c -- Type I multipliers by transposed solves: the total
 * effects c'L for every account c are one dgetrs with one right-hand side
 * per account, (I - A)' E = C; the inverse is never formed. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>

enum { F_COEFFICIENT, F_EFFECT, F_MULTIPLIER, NFIELDS };
static const char *const field_names[NFIELDS] = {"coefficient", "effect", "multiplier"};

int clio_multipliers(const clio_table *t, const clio_leontief *f, clio_result **out,
                     clio_error *err)
{
    *out = NULL;
    size_t n = t->n, na = 1 + t->nva + t->nsat;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    clio_result *r = clioi_result_alloc(t, "multipliers", na, NFIELDS);
    double *C = clioi_alloc_matrix(n, na);
    int status = CLIO_OK;
    if (!r || !C || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_result_set_fields(r, field_names) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t a = 0; a < na; a++)
        for (size_t j = 0; j < n; j++)
            C[j + a * n] = clioi_account_coefficient(t, a, j);
    if ((status = clio_leontief_solve(f, 1, na, C, n ? n : 1, err)) != CLIO_OK)
        goto done;
    for (size_t j = 0; j < n; j++) {
        for (size_t a = 0; a < na; a++) {
            double *v = &r->values[NFIELDS * (a + na * j)];
            double c = clioi_account_coefficient(t, a, j), e = C[j + a * n];
            v[F_COEFFICIENT] = c;
            v[F_EFFECT] = e;
            v[F_MULTIPLIER] = c != 0 ? e / c : NAN;
        }
    }
done:
    free(C);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
