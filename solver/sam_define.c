/* sam_define.c -- close a one-region table for several household groups:
 * which value-added rows are factor income paid to which group (the income
 * distribution), what each group buys per unit of its income (its part of
 * the household-consumption column) and what it passes on to other groups
 * (transfers).  The coefficients are kept in the public clio_sam. */
#include "sam.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_sam_free(clio_sam *s)
{
    if (!s)
        return;
    clioi_free_labels(s->groups, s->k);
    free(s->factor_rows);
    free(s->F);
    free(s->D);
    free(s->VH);
    free(s->C);
    free(s->H);
    free(s->income);
    free(s);
}

/* The one final-demand column named `name`, or CLIO_ELABEL. */
static int find_column(const clio_table *t, const char *name, size_t *col, clio_error *err)
{
    *col = CLIO_NONE;
    for (size_t c = 0; c < t->nfd; c++) {
        if (strcmp(t->fd_names[c], name) != 0)
            continue;
        if (*col != CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL, "final-demand column '%s' appears twice", name);
        *col = c;
    }
    if (*col == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL,
                          "unknown household consumption column '%s' (give its final-demand "
                          "category name, e.g. household_consumption)",
                          name);
    return CLIO_OK;
}

static int check_inputs(const clio_table *t, const clio_income_distribution *d,
                        const double *share, const double *H, clio_error *err)
{
    if (t->nregions > 1)
        return clioi_fail(err, CLIO_EINVAL,
                          "the table has %zu regions: household groups of a SAM are supported "
                          "for one-region tables only (close an MRIO per region with "
                          "clio multipliers --type II)",
                          t->nregions);
    if (d->ncomponents != t->nva)
        return clioi_fail(err, CLIO_EDIM,
                          "the income distribution was read for %zu value-added rows, the "
                          "table has %zu",
                          d->ncomponents, t->nva);
    if (d->ngroups == 0)
        return clioi_fail(err, CLIO_EINVAL, "the income distribution has no groups");
    for (size_t c = 0; c < t->n * d->ngroups; c++)
        if (!(share[c] >= 0.0 && share[c] <= 1.0))
            return clioi_fail(err, CLIO_EVALUE,
                              "consumption share %g of group '%s' for sector '%s' is not "
                              "between 0 and 1",
                              share[c], d->groups[c / t->n], t->sector_names[c % t->n]);
    for (size_t c = 0; H && c < d->ngroups * d->ngroups; c++)
        if (!(H[c] >= 0.0 && H[c] <= 1.0))
            return clioi_fail(err, CLIO_EVALUE, "transfer share %g is not between 0 and 1",
                              H[c]);
    return CLIO_OK;
}

/* Factors: the value-added rows some group receives a part of. */
static int pick_factors(const clio_table *t, const clio_income_distribution *d, clio_sam *s,
                        clio_error *err)
{
    size_t k = d->ngroups;
    if (!(s->factor_rows = clioi_calloc_array(t->nva, sizeof *s->factor_rows)))
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t c = 0; c < t->nva; c++) {
        double paid = 0.0;
        for (size_t h = 0; h < k; h++)
            paid += d->share[h + k * c];
        if (paid > 0.0)
            s->factor_rows[s->m++] = c;
    }
    if (s->m == 0)
        return clioi_fail(err, CLIO_EVALUE,
                          "the income distribution pays no value added to households: every "
                          "share is 0");
    return CLIO_OK;
}

/* F, D, VH = D F and the groups' factor income VH x into s->income. */
static void factor_coefficients(const clio_table *t, const clio_income_distribution *d,
                                clio_sam *s)
{
    size_t n = t->n, k = s->k, m = s->m;
    for (size_t c = 0; c < m; c++) {
        size_t row = s->factor_rows[c];
        for (size_t h = 0; h < k; h++)
            s->D[h + k * c] = d->share[h + k * row];
        for (size_t j = 0; j < n; j++)
            s->F[c + m * j] = t->x[j] != 0 ? t->V[row + t->nva * j] / t->x[j] : 0.0;
    }
    for (size_t j = 0; j < n; j++)
        for (size_t h = 0; h < k; h++) {
            double v = 0.0;
            for (size_t c = 0; c < m; c++)
                v += s->D[h + k * c] * s->F[c + m * j];
            s->VH[h + k * j] = v;
        }
    for (size_t h = 0; h < k; h++) {
        double y = 0.0;
        for (size_t c = 0; c < m; c++) {
            double total = 0.0; /* the whole row: also sectors with x = 0 */
            for (size_t j = 0; j < n; j++)
                total += t->V[s->factor_rows[c] + t->nva * j];
            y += s->D[h + k * c] * total;
        }
        s->income[h] = y;
    }
}

/* Total income = (I - H)^-1 factor income: transfers received count as
 * income the group spends from. */
static int add_transfers(clio_sam *s, clio_error *err)
{
    size_t k = s->k;
    double *A = malloc(k * k * sizeof *A);
    if (!A)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t c = 0; c < k * k; c++)
        A[c] = (c % k == c / k) - s->H[c];
    clio_error inner;
    int status = clioi_dense_solve(k, A, 1, s->income, &inner);
    free(A);
    if (status == CLIO_ESINGULAR)
        return clioi_fail(err, CLIO_ESINGULAR,
                          "the transfers pass all income around a loop of groups (I - H is "
                          "singular): no income stays with anyone");
    if (status != CLIO_OK)
        return clioi_fail(err, status, "%s", inner.message);
    return CLIO_OK;
}

/* C(i, h) = Y(i, column) share(i, h) / income_h; every group needs income. */
static int consumption_coefficients(const clio_table *t, size_t col, const double *share,
                                    clio_sam *s, clio_error *err)
{
    size_t n = t->n;
    for (size_t h = 0; h < s->k; h++) {
        if (!(s->income[h] > 0.0) || !isfinite(s->income[h]))
            return clioi_fail(err, CLIO_EVALUE,
                              "household group '%s' earns no income (%g): its spending per "
                              "unit of income is undefined; give it a share of a value-added "
                              "row",
                              s->groups[h], s->income[h]);
        for (size_t i = 0; i < n; i++)
            s->C[i + n * h] = t->Y[i + n * col] * share[i + n * h] / s->income[h];
    }
    return CLIO_OK;
}

int clio_sam_define(const clio_table *t, const clio_income_distribution *d,
                    const char *household_column, const double *consumption_share,
                    const double *transfers, clio_sam **out, clio_error *err)
{
    *out = NULL;
    if (!household_column || !consumption_share)
        return clioi_fail(err, CLIO_EINVAL, "household consumption column and shares needed");
    size_t col;
    int status = check_inputs(t, d, consumption_share, transfers, err);
    if (status == CLIO_OK)
        status = find_column(t, household_column, &col, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n, k = d->ngroups, nn = n ? n : 1;
    clio_sam *s = calloc(1, sizeof *s);
    if (!s)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    s->n = n;
    s->k = k;
    if ((status = pick_factors(t, d, s, err)) != CLIO_OK)
        goto done;
    s->groups = clioi_calloc_array(k, sizeof *s->groups);
    s->F = clioi_calloc_array(s->m * nn, sizeof *s->F);
    s->D = clioi_calloc_array(k * s->m, sizeof *s->D);
    s->VH = clioi_calloc_array(k * nn, sizeof *s->VH);
    s->C = clioi_calloc_array(nn * k, sizeof *s->C);
    s->H = clioi_calloc_array(k * k, sizeof *s->H);
    s->income = clioi_calloc_array(k, sizeof *s->income);
    if (!s->groups || !s->F || !s->D || !s->VH || !s->C || !s->H || !s->income) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t h = 0; h < k; h++)
        if (!(s->groups[h] = clioi_strdup(d->groups[h]))) {
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
            goto done;
        }
    if (transfers)
        memcpy(s->H, transfers, k * k * sizeof *s->H);
    factor_coefficients(t, d, s);
    if ((status = add_transfers(s, err)) == CLIO_OK)
        status = consumption_coefficients(t, col, consumption_share, s, err);
done:
    if (status != CLIO_OK) {
        clio_sam_free(s);
        return status;
    }
    *out = s;
    return CLIO_OK;
}
