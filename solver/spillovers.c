/* spillovers.c -- multi-regional multipliers: where the effect of a unit of
 * final demand for a sector lands, region by region (intraregional and
 * spillover effects), and Miller's (1966) interregional feedback, the part
 * of the intraregional effect that a single-region model (I - A_ss)^-1
 * misses because it ignores the trip through other regions.
 *
 * The region split is one transposed solve with the kept factor: for each
 * account d and region r, (I - A)' e = d o 1_r gives e_j = (d o 1_r)' L e_j,
 * the effect in r of final demand for j; all R x naccounts right-hand sides
 * go in one dgetrs call.  The single-region effects factor each diagonal
 * block I - A_ss (n_s x n_s, from Z) on its own.  L is never formed. */
#include "factor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { F_INTRA, F_SPILL, F_TOTAL, F_SINGLE, F_FEEDBACK, NFIXED };
static const char *const fixed_names[NFIXED] = {"intraregional", "spillover", "total",
                                                "single_region", "feedback"};

static const char description[] =
    "Effect of one unit of final demand for each sector: in its own region (intraregional), "
    "in all other regions (spillover), in total, in a single-region model of its region "
    "(single_region, (I - A_ss)^-1), feedback = intraregional - single_region (Miller 1966), "
    "and in each region (in:REGION).";

static int set_fields(clio_result *r, const clio_table *t)
{
    for (size_t f = 0; f < NFIXED; f++)
        if (!(r->fields[f] = clioi_strdup(fixed_names[f])))
            return CLIO_ENOMEM;
    for (size_t g = 0; g < t->nregions; g++) {
        size_t len = strlen(t->regions[g]) + 4;
        if (!(r->fields[NFIXED + g] = malloc(len)))
            return CLIO_ENOMEM;
        snprintf(r->fields[NFIXED + g], len, "in:%s", t->regions[g]);
    }
    return (r->description = clioi_strdup(description)) ? CLIO_OK : CLIO_ENOMEM;
}

/*
 * single_region -- for the sectors idx[0..m) of one region: factor
 * I - A_ss (built from Z and x) and solve (I - A_ss)' e = d_s for every
 * account; e lands in out[jj + a*m].
 */
static int single_region(const clio_table *t, size_t g, const size_t *idx, size_t m,
                         size_t na, double *out, clio_error *err)
{
    double *M = clioi_alloc_matrix(m, m);
    lapack_int *ipiv = clioi_calloc_array(m, sizeof *ipiv);
    int status = CLIO_OK;
    if (!M || !ipiv) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for the %zu x %zu block of '%s'",
                            m, m, t->regions[g]);
        goto done;
    }
    size_t n = t->n;
    for (size_t jj = 0; jj < m; jj++) {
        size_t j = idx[jj];
        double scale = t->x[j] != 0 ? -1.0 / t->x[j] : 0.0;
        for (size_t ii = 0; ii < m; ii++)
            M[ii + jj * m] = t->Z[idx[ii] + j * n] * scale;
        M[jj + jj * m] += 1.0;
    }
    lapack_int mm = (lapack_int)m;
    lapack_int info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, mm, mm, M, mm, ipiv);
    if (info > 0) {
        size_t j = idx[info - 1];
        status = clioi_fail(err, CLIO_ESINGULAR,
                            "I - A of region '%s' alone is singular (zero pivot at sector "
                            "'%s'): no single-region model",
                            t->regions[g], t->sector_names[j]);
        goto done;
    }
    if (info < 0) {
        status = clioi_fail(err, CLIO_EINVAL, "dgetrf: argument %d invalid", (int)-info);
        goto done;
    }
    for (size_t a = 0; a < na; a++)
        for (size_t jj = 0; jj < m; jj++)
            out[jj + a * m] = clioi_account_coefficient(t, a, idx[jj]);
    info = LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, 'T', mm, (lapack_int)na, M, mm, ipiv, out, mm);
    if (info != 0)
        status = clioi_fail(err, CLIO_EINVAL, "dgetrs: argument %d invalid", (int)-info);
done:
    free(M);
    free(ipiv);
    return status;
}

/* Sectors of each region, in table order: members[start[g] .. start[g+1]). */
static int group_by_region(const clio_table *t, size_t *start, size_t *members)
{
    size_t R = t->nregions;
    memset(start, 0, (R + 1) * sizeof *start);
    for (size_t i = 0; i < t->n; i++) {
        if (t->sector_region[i] >= R)
            return CLIO_ELABEL;
        start[t->sector_region[i] + 1]++;
    }
    for (size_t g = 0; g < R; g++)
        start[g + 1] += start[g];
    size_t *fill = clioi_calloc_array(R, sizeof *fill);
    if (!fill)
        return CLIO_ENOMEM;
    for (size_t i = 0; i < t->n; i++) {
        size_t g = t->sector_region[i];
        members[start[g] + fill[g]++] = i;
    }
    free(fill);
    return CLIO_OK;
}

int clio_spillovers(const clio_table *t, const clio_leontief *f, clio_result **out,
                    clio_error *err)
{
    *out = NULL;
    size_t n = t->n, na = 1 + t->nva + t->nsat, R = t->nregions;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    if (clioi_need_dense_z(t, "the spillovers' single-region blocks", err) != CLIO_OK)
        return CLIO_EINVAL;
    if (R == 0)
        return clioi_fail(err, CLIO_ELABEL, "the table has no region");
    size_t nf = NFIXED + R, ld = n ? n : 1;
    clio_result *r = clioi_result_alloc(t, "spillovers", na, nf);
    size_t *start = clioi_calloc_array(R + 1, sizeof *start);
    size_t *members = clioi_calloc_array(n, sizeof *members);
    double *E = clioi_alloc_matrix(ld, na * R); /* column a*R + g: account a in region g */
    double *single = clioi_alloc_matrix(ld, na);
    int status = CLIO_OK;
    if (!r || !start || !members || !E || !single ||
        clioi_result_set_accounts_from_table(r, t) != CLIO_OK || set_fields(r, t) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for the spillovers of %zu sectors "
                                              "in %zu regions", n, R);
        goto done;
    }
    if ((status = group_by_region(t, start, members)) != CLIO_OK) {
        status = clioi_fail(err, status, status == CLIO_ENOMEM ? "out of memory"
                                                               : "a sector has no region");
        goto done;
    }
    for (size_t a = 0; a < na; a++)
        for (size_t j = 0; j < n; j++)
            E[j + (a * R + t->sector_region[j]) * ld] = clioi_account_coefficient(t, a, j);
    if ((status = clio_leontief_solve(f, 1, na * R, E, ld, err)) != CLIO_OK)
        goto done;

    for (size_t j = 0; j < n; j++) {
        size_t s = t->sector_region[j];
        for (size_t a = 0; a < na; a++) {
            double *v = &r->values[nf * (a + na * j)];
            double spill = 0, total = 0;
            for (size_t g = 0; g < R; g++) {
                double e = E[j + (a * R + g) * ld];
                v[NFIXED + g] = e;
                total += e;
                if (g != s)
                    spill += e;
            }
            v[F_INTRA] = v[NFIXED + s];
            v[F_SPILL] = spill;
            v[F_TOTAL] = total;
        }
    }

    /* Single-region models, one diagonal block at a time.  A region that
     * holds every sector is the whole table: its model is the full one. */
    for (size_t g = 0; g < R; g++) {
        size_t m = start[g + 1] - start[g];
        const size_t *idx = members + start[g];
        if (m == 0)
            continue;
        if (m == n) {
            for (size_t jj = 0; jj < m; jj++)
                for (size_t a = 0; a < na; a++) {
                    double *v = &r->values[nf * (a + na * idx[jj])];
                    v[F_SINGLE] = v[F_INTRA];
                    v[F_FEEDBACK] = 0;
                }
            continue;
        }
        if ((status = single_region(t, g, idx, m, na, single, err)) != CLIO_OK)
            goto done;
        for (size_t jj = 0; jj < m; jj++)
            for (size_t a = 0; a < na; a++) {
                double *v = &r->values[nf * (a + na * idx[jj])];
                v[F_SINGLE] = single[jj + a * m];
                v[F_FEEDBACK] = v[F_INTRA] - v[F_SINGLE];
            }
    }
done:
    free(start);
    free(members);
    free(E);
    free(single);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
