/* tbl.c -- triple-bottom-line intensities (Foran, Lenzen & Dey 2005;
 * Kucukvar et al. 2014): for every account d (per unit of output) the
 * total intensity m' = d' L by one transposed solve of all accounts at
 * once, (I - A)' M = D, and the flows embodied in final demand m_j y_j;
 * groups (clusters) by their final-demand or output mix w_g: w_g' d,
 * w_g' m.  The inverse is never formed (docs/methods-accounts.md). */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

enum { F_DIRECT, F_TOTAL, F_EMBODIED, NFIELDS };
static const char *const field_names[NFIELDS] = {"direct", "total", "embodied"};

/* Direct coefficient of TBL account k for sector j. */
static double coefficient(const clio_table *t, const clio_tbl_accounts *a, size_t k, size_t j)
{
    if (k == 0)
        return 1.0;
    if (t->x[j] == 0)
        return 0.0;
    if (k <= t->nva)
        return t->V[(k - 1) + t->nva * j] / t->x[j];
    if (k == a->value_added) {
        double s = 0;
        for (size_t v = 0; v < t->nva; v++)
            if (a->in_value_added[v])
                s += t->V[v + t->nva * j];
        return s / t->x[j];
    }
    size_t first_sat = 1 + t->nva + (a->value_added != CLIO_NONE);
    return t->S[(k - first_sat) + t->nsat * j] / t->x[j];
}

static double final_demand(const clio_table *t, size_t i)
{
    double y = 0;
    for (size_t c = 0; c < t->nfd; c++)
        y += t->Y[i + t->n * c];
    return y;
}

/* "...; domains: economic: output, ...; social: ...; environmental: ..." */
static char *describe(const clio_tbl_accounts *a)
{
    static const char head[] =
        "Triple-bottom-line accounts: direct (per unit of output), total (embodied in a unit "
        "of final demand through the supply chain, d'L), embodied (total x the row's final "
        "demand); domains:";
    size_t len = sizeof head + 64;
    for (size_t k = 0; k < a->naccounts; k++)
        len += strlen(a->names[k]) + 2;
    char *s = malloc(len);
    if (!s)
        return NULL;
    strcpy(s, head);
    for (int d = 0; d <= CLIO_DOMAIN_ENVIRONMENTAL; d++) {
        strcat(s, d ? "; " : " ");
        strcat(s, clio_domain_name(d));
        strcat(s, ":");
        for (size_t k = 0, first = 1; k < a->naccounts; k++)
            if (a->domain[k] == d) {
                strcat(s, first ? " " : ", ");
                strcat(s, a->names[k]);
                first = 0;
            }
    }
    return s;
}

/* A result with the sectors' rows, then one row per group (no region). */
static clio_result *make_result(const clio_table *t, const clio_tbl_accounts *a,
                                const clio_groups *g)
{
    size_t ng = g ? g->ngroups : 0, nrows = t->n + ng;
    clio_result *r = clioi_result_alloc(t, "tbl", a->naccounts, NFIELDS);
    if (!r)
        return NULL;
    if (ng) {
        char **sectors = realloc(r->row_sector, nrows * sizeof *sectors);
        if (sectors)
            r->row_sector = sectors;
        size_t *regions = realloc(r->row_region, nrows * sizeof *regions);
        if (regions)
            r->row_region = regions;
        free(r->values);
        r->values = clioi_calloc_array(nrows * a->naccounts * NFIELDS, sizeof *r->values);
        if (!sectors || !regions || !r->values) {
            clio_result_free(r); /* nrows is still t->n: frees what is there */
            return NULL;
        }
        for (size_t k = 0; k < ng; k++) {
            r->row_region[t->n + k] = CLIO_NONE;
            r->row_sector[t->n + k] = NULL;
        }
        r->nrows = nrows;
        for (size_t k = 0; k < ng; k++)
            if (!(r->row_sector[t->n + k] = clioi_strdup(g->names[k]))) {
                clio_result_free(r);
                return NULL;
            }
    }
    for (size_t k = 0; k < a->naccounts; k++)
        if (!(r->accounts[k] = clioi_strdup(a->names[k])) ||
            !(r->account_units[k] = clioi_strdup(a->units[k]))) {
            clio_result_free(r);
            return NULL;
        }
    if (clioi_result_set_fields(r, field_names) != CLIO_OK || !(r->description = describe(a))) {
        clio_result_free(r);
        return NULL;
    }
    return r;
}

static int check_accounts(const clio_table *t, const clio_tbl_accounts *a, clio_error *err)
{
    size_t expect = 1 + t->nva + (a && a->value_added != CLIO_NONE) + t->nsat;
    if (!a || a->nva != t->nva || a->naccounts != expect)
        return clioi_fail(err, CLIO_EINVAL,
                          "tbl: the accounts were not made for this table (%zu accounts, the "
                          "table needs %zu)",
                          a ? a->naccounts : 0, expect);
    return CLIO_OK;
}

/* The groups' rows: w_g' d, w_g' m and (w_g' m) times the members' final
 * demand. */
static int group_rows(const clio_table *t, const clio_groups *g, int mix, const double *D,
                      const double *M, size_t na, clio_result *r, clio_error *err)
{
    size_t n = t->n;
    double *W = clioi_alloc_matrix(n ? n : 1, g->ngroups);
    if (!W)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = clio_group_mix(t, g, mix, W, n ? n : 1, err);
    for (size_t k = 0; status == CLIO_OK && k < g->ngroups; k++) {
        const double *w = W + n * k;
        double fd = 0;
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
            fd += final_demand(t, g->members[p]);
        for (size_t acc = 0; acc < na; acc++) {
            double direct = 0, total = 0;
            for (size_t i = 0; i < n; i++) {
                direct += w[i] * D[i + n * acc];
                total += w[i] * M[i + n * acc];
            }
            double *v = &r->values[NFIELDS * (acc + na * (n + k))];
            v[F_DIRECT] = direct;
            v[F_TOTAL] = total;
            v[F_EMBODIED] = total * fd;
        }
    }
    free(W);
    return status;
}

int clio_tbl(const clio_table *t, const clio_leontief *f, const clio_tbl_accounts *a,
             const clio_groups *g, int mix, clio_result **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n;
    int status = check_accounts(t, a, err);
    if (status != CLIO_OK)
        return status;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    size_t na = a->naccounts;
    clio_result *r = make_result(t, a, g);
    double *D = clioi_alloc_matrix(n ? n : 1, na), *M = clioi_alloc_matrix(n ? n : 1, na);
    if (!r || !D || !M) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < na; k++)
        for (size_t j = 0; j < n; j++)
            D[j + n * k] = coefficient(t, a, k, j);
    memcpy(M, D, n * na * sizeof *M);
    /* (I - A)' M = D: row j of M' is d' L's column j, for every account */
    if ((status = clio_leontief_solve(f, 1, na, M, n ? n : 1, err)) != CLIO_OK)
        goto done;
    for (size_t j = 0; j < n; j++) {
        double y = final_demand(t, j);
        for (size_t k = 0; k < na; k++) {
            double *v = &r->values[NFIELDS * (k + na * j)];
            v[F_DIRECT] = D[j + n * k];
            v[F_TOTAL] = M[j + n * k];
            v[F_EMBODIED] = M[j + n * k] * y;
        }
    }
    if (g && g->ngroups)
        status = group_rows(t, g, mix, D, M, na, r, err);
done:
    free(D);
    free(M);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
