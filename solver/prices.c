/* prices.c -- the Leontief price model: unit prices cover intermediate and
 * primary costs, p = A'p + v, so p = (I - A')^-1 v, and a change of
 * value-added cost per unit of output dv (a wage or energy-price shock)
 * moves prices by dp = (I - A')^-1 dv: one transposed solve with the kept
 * factor.  Prices are 1 in the base year, so dp is a relative change. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>

enum { F_COST_CHANGE, F_INDIRECT, F_PRICE_CHANGE, NFIELDS };
static const char *const field_names[NFIELDS] = {"cost_change", "indirect", "price_change"};

int clio_prices(const clio_table *t, const clio_leontief *f, const double *dv,
                clio_result **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n, ld = n ? n : 1;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(dv[i]))
            return clioi_fail(err, CLIO_EVALUE, "cost change for sector '%s' is not finite",
                              t->sector_names[i]);
    clio_result *r = clioi_result_alloc(t, "prices", 1, NFIELDS);
    double *dp = clioi_calloc_array(ld, sizeof *dp);
    int status = CLIO_OK;
    if (!r || !dp || !(r->accounts[0] = clioi_strdup("price")) ||
        !(r->account_units[0] = clioi_strdup("")) ||
        clioi_result_set_fields(r, field_names) != CLIO_OK ||
        !(r->description = clioi_strdup(
              "Price model: relative price change (base-year prices = 1) = cost_change (the "
              "sector's own value-added cost per unit of output) + indirect (passed on "
              "through intermediate inputs)"))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        dp[i] = dv[i];
    if ((status = clio_leontief_solve(f, 1, 1, dp, ld, err)) != CLIO_OK)
        goto done;
    for (size_t i = 0; i < n; i++) {
        double *v = &r->values[NFIELDS * i];
        v[F_COST_CHANGE] = dv[i];
        v[F_INDIRECT] = dp[i] - dv[i];
        v[F_PRICE_CHANGE] = dp[i];
    }
done:
    free(dp);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
