/* ario_setup.c -- the baseline state of an ARIO simulation from a table:
 * products and the supplier permutation, order shares, technical
 * coefficients by product, inventories at target and orders equal to Z
 * (docs/methods-ario.md, "Initial state"). */
#include "ario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clioi_ario_release(clioi_ario *a)
{
    free(a->x0);
    free(a->y);
    free(a->y_base);
    free(a->perm);
    free(a->start);
    free(a->zshare);
    free(a->aS);
    free(a->stock);
    free(a->orders);
    free(a->alpha);
    free(a->owed);
    free(a->demand);
    free(a->xopt);
    free(a->xa);
    free(a->scratch2);
    free(a->work);
    free(a->scratch);
    memset(a, 0, sizeof *a);
}

/* Flows must be finite and non-negative (ARIO orders and stocks cannot be
 * negative), output finite and non-negative, final demand finite.  Rows
 * need not balance: the baseline final demand is x - Z 1 (see
 * clioi_ario_setup). */
static int check_table(const clio_table *t, clio_error *err)
{
    size_t n = t->n;
    if (!t->Z || !t->Y || !t->x)
        return clioi_fail(err, CLIO_EINVAL, "ARIO needs a table with Z, Y and x");
    for (size_t i = 0; i < n; i++) {
        int bad = !(t->x[i] >= 0 && t->x[i] < HUGE_VAL);
        for (size_t j = 0; j < n; j++)
            bad |= !(t->Z[i + j * n] >= 0 && t->Z[i + j * n] < HUGE_VAL);
        for (size_t k = 0; k < t->nfd; k++)
            bad |= !isfinite(t->Y[i + k * n]);
        if (bad) {
            char key[256];
            clio_table_sector_key(t, i, key, sizeof key);
            return clioi_fail(err, CLIO_EVALUE, "ARIO: sector '%s' has a negative or non-finite "
                              "flow or output (the model needs Z >= 0, x >= 0, finite Y)", key);
        }
    }
    return CLIO_OK;
}

/* Products: industries with the same sector name (in any region) make the
 * same product; an industry without a name is a product of its own.
 * product[i] receives the index, the return value the count. */
static size_t find_products(const clio_table *t, size_t *product, size_t *first)
{
    size_t np = 0;
    for (size_t i = 0; i < t->n; i++) {
        const char *name = t->sector_names ? t->sector_names[i] : NULL;
        size_t p = np;
        for (size_t q = 0; name && q < np; q++) {
            const char *other = t->sector_names[first[q]];
            if (other && strcmp(other, name) == 0) {
                p = q;
                break;
            }
        }
        if (p == np)
            first[np++] = i;
        product[i] = p;
    }
    return np;
}

/* Order shares and coefficients by product; product[i] as find_products,
 * fill (np) zeroed scratch. */
static void fill_structure(clioi_ario *a, const clio_table *t, const size_t *product,
                           size_t *fill, const clio_ario_params *p)
{
    size_t n = a->n, np = a->np;
    /* counting sort of industries by product: the rows of each product's
     * suppliers become contiguous */
    for (size_t i = 0; i < n; i++)
        a->start[product[i] + 1]++;
    for (size_t q = 0; q < np; q++)
        a->start[q + 1] += a->start[q];
    for (size_t i = 0; i < n; i++)
        a->perm[a->start[product[i]] + fill[product[i]]++] = i;
    for (size_t j = 0; j < n; j++) {
        const double *z = t->Z + j * n;
        double *zs = a->zshare + j * n;
        for (size_t q = 0; q < np; q++) {
            double total = 0;
            for (size_t k = a->start[q]; k < a->start[q + 1]; k++)
                total += z[a->perm[k]];
            for (size_t k = a->start[q]; k < a->start[q + 1]; k++)
                zs[k] = total > 0 ? z[a->perm[k]] / total : 0;
            a->aS[q + j * np] = a->x0[j] > 0 ? total / a->x0[j] : 0;
            a->orders[q + j * np] = total;
            a->stock[q + j * np] = p->inventory_days / 365.0 * total;
        }
    }
}

int clioi_ario_setup(clioi_ario *a, const clio_table *t, const clio_ario_params *p,
                     const clio_ario_shock *s, clio_error *err)
{
    memset(a, 0, sizeof *a);
    int status = check_table(t, err);
    if (status != CLIO_OK)
        return status;
    size_t n = a->n = t->n;
    size_t *product = clioi_calloc_array(n, sizeof *product);
    size_t *first = clioi_calloc_array(n, sizeof *first);
    if (!product || !first) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    size_t np = a->np = find_products(t, product, first);
    a->dt = p->step_days / 365.0;
    a->x0 = clioi_calloc_array(n, sizeof *a->x0);
    a->y = clioi_calloc_array(n, sizeof *a->y);
    a->y_base = clioi_calloc_array(n, sizeof *a->y_base);
    a->perm = clioi_calloc_array(n, sizeof *a->perm);
    a->start = clioi_calloc_array(np + 1, sizeof *a->start);
    a->zshare = clioi_alloc_matrix(n, n);
    a->aS = clioi_alloc_matrix(np, n);
    a->stock = clioi_alloc_matrix(np, n);
    a->orders = clioi_alloc_matrix(np, n);
    a->alpha = clioi_calloc_array(n, sizeof *a->alpha);
    a->owed = clioi_calloc_array(n, sizeof *a->owed);
    a->demand = clioi_calloc_array(n, sizeof *a->demand);
    a->xopt = clioi_calloc_array(n, sizeof *a->xopt);
    a->xa = clioi_calloc_array(n, sizeof *a->xa);
    a->scratch2 = clioi_calloc_array(n, sizeof *a->scratch2);
    a->work = clioi_calloc_array(n, sizeof *a->work);
    a->scratch = clioi_calloc_array(n, sizeof *a->scratch);
    if (!a->x0 || !a->y || !a->y_base || !a->perm || !a->start || !a->zshare || !a->aS ||
        !a->stock || !a->orders || !a->alpha || !a->owed || !a->demand || !a->xopt || !a->xa ||
        !a->scratch2 || !a->work || !a->scratch) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for an ARIO model of %zu sectors", n);
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        a->x0[i] = t->x[i];
        a->alpha[i] = 1;
        a->owed[i] = s && s->reconstruction ? s->reconstruction[i] : 0;
    }
    /* Final demand x - Z 1 (equal to Y 1 in a balanced table) makes the
     * table's output an exact fixed point of the dynamics, to rounding, also
     * for a table whose rows do not balance (statistical discrepancies). */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            a->work[i] += t->Z[i + j * n];
    for (size_t i = 0; i < n; i++) {
        a->y_base[i] = a->x0[i] - a->work[i];
        a->y[i] = a->y_base[i] + (s && s->demand_change ? s->demand_change[i] : 0);
        a->work[i] = 0;
        if (a->y[i] < 0 && s && s->demand_change && s->demand_change[i] < 0) {
            char key[256];
            clio_table_sector_key(t, i, key, sizeof key);
            status = clioi_fail(err, CLIO_EVALUE, "ARIO shock: demand_change of sector '%s' is "
                                "%g, more than its final demand %g", key,
                                s->demand_change[i], a->y_base[i]);
            goto done;
        }
    }
    memset(first, 0, np * sizeof *first);
    fill_structure(a, t, product, first, p);
done:
    free(product);
    free(first);
    if (status != CLIO_OK)
        clioi_ario_release(a);
    return status;
}
