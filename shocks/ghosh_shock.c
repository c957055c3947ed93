/* ghosh_shock.c -- the supply-driven (Ghosh) view of a change of primary
 * inputs: dx' = dv' G with G = xhat^-1 L xhat, i.e.
 *   dx_j = x_j (L' r)_j,   r_i = dv_i / x_i,
 * one transposed solve with the Leontief factor and no G formed.  A sector
 * with no output has G's identity row and column (as clio_ghosh_inverse):
 * it passes nothing on, and a primary input into it is its own output.
 * The limits of the model are in docs/methods-shocks.md. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>

int clio_ghosh_shock(const clio_table *t, const clio_leontief *f, const double *dv, double *dx,
                     clio_error *err)
{
    if (!t || !f || !dv || !dx || !t->x)
        return clioi_fail(err, CLIO_EINVAL, "Ghosh shock: NULL argument");
    size_t n = t->n;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "Ghosh shock: the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    for (size_t i = 0; i < n; i++) {
        if (isfinite(dv[i]))
            continue;
        int named = t->sector_names && t->sector_names[i] && t->regions &&
                    t->sector_region[i] < t->nregions;
        return clioi_fail(err, CLIO_EVALUE,
                          "Ghosh shock: the primary-input change of sector '%s' in region '%s' "
                          "is %g (must be finite)",
                          named ? t->sector_names[i] : "?",
                          named ? t->regions[t->sector_region[i]] : "?", dv[i]);
    }
    double *r = malloc((n ? n : 1) * sizeof *r);
    if (!r)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        r[i] = t->x[i] != 0 ? dv[i] / t->x[i] : 0.0;
    int status = clio_leontief_solve(f, 1, 1, r, n ? n : 1, err);
    if (status == CLIO_OK)
        for (size_t j = 0; j < n; j++)
            dx[j] = t->x[j] != 0 ? t->x[j] * r[j] : dv[j];
    free(r);
    return status;
}
