/* scenario_resolve.c -- clio_scenario_resolve: a scenario of a file,
 * with the entries of its bases first, turned into dense arrays over a
 * table's sectors (clio_shock).  Percentages apply to the baseline: final
 * demand, output, value added; absolute amounts are money, spread over
 * the selection as docs/scenarios.md describes. */
#include "scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_shock_free(clio_shock *k)
{
    if (!k)
        return;
    double *arrays[] = {k->dY,       k->dy,        k->cap,      k->cstar_t,           k->dA,            k->dVc,
                        k->dcost,    k->dprimary,      k->cstar,         k->q0,
                        k->recovery_time, k->capacity_loss, k->recovery_days, k->reconstruction};
    for (size_t a = 0; a < sizeof arrays / sizeof *arrays; a++)
        free(arrays[a]);
    free(k->cols);
    free(k);
}

/* A zero array of n on first use. */
static int ensure(const clioi_scn_resolver *r, double **v, size_t n, double fill)
{
    if (*v)
        return CLIO_OK;
    if (!(*v = clioi_calloc_array(n, sizeof **v)))
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; fill != 0 && i < n; i++)
        (*v)[i] = fill;
    return CLIO_OK;
}

/* Demand: a percentage of every selected cell's baseline, or money spread
 * over the selected cells by baseline final demand (else by output, else
 * equally).  Only the selected cells are visited: a batch of scenarios on
 * a large MRIO resolves each one in time proportional to its selection. */
static void add_demand(clio_shock *k, size_t i, size_t c, double change)
{
    if (k->dY)
        k->dY[i + c * k->n] += change;
    k->dy[i] += change;
}

static int apply_demand(const clioi_scn_resolver *r, const clioi_scn_entry *e, clio_shock *k)
{
    const clio_table *t = r->t;
    size_t n = t->n, nfd = t->nfd, count, ncols;
    int status = clioi_scn_select(r, &e->sel, r->mask, &count);
    if (status == CLIO_OK)
        status = clioi_scn_fd_columns(r, e, &ncols);
    if (status != CLIO_OK)
        return status;
    double by_demand = 0.0, by_output = 0.0, cells = 0.0, amount = e->amount.value;
    for (size_t i = 0; i < n; i++) {
        if (!r->mask[i])
            continue;
        for (size_t c = 0; c < nfd; c++)
            if (r->cols[c]) {
                double y = t->Y[i + c * n];
                if (e->amount.percent)
                    add_demand(k, i, c, amount * y);
                by_demand += y > 0 ? y : 0.0;
                by_output += t->x[i] > 0 ? t->x[i] : 0.0;
                cells += 1.0;
            }
    }
    if (e->amount.percent)
        return CLIO_OK;
    /* a cut beyond the selection's final demand would leave it negative */
    if (amount < 0 && -amount > by_demand * (1 + 1e-12))
        return clioi_scn_resolve_fail(r, CLIO_EVALUE, e->amount.line,
                                      "a cut of %.10g is more than the selected final demand "
                                      "(%.10g)",
                                      -amount, by_demand);
    for (size_t i = 0; i < n; i++) {
        if (!r->mask[i])
            continue;
        for (size_t c = 0; c < nfd; c++) {
            if (!r->cols[c])
                continue;
            double y = t->Y[i + c * n], x = t->x[i];
            if (by_demand > 0)
                add_demand(k, i, c, y > 0 ? amount * (y / by_demand) : 0.0);
            else if (by_output > 0)
                add_demand(k, i, c, x > 0 ? amount * (x / by_output) : 0.0);
            else
                add_demand(k, i, c, amount / cells);
        }
    }
    return CLIO_OK;
}

/* Capacity: cap_i = the smallest limit given, as a share of output; an
 * absolute limit only for one sector. */
static int apply_capacity(const clioi_scn_resolver *r, const clioi_scn_entry *e, clio_shock *k)
{
    const clio_table *t = r->t;
    size_t count;
    int status = clioi_scn_select(r, &e->sel, r->mask, &count);
    if (status == CLIO_OK)
        status = ensure(r, &k->cap, t->n, INFINITY);
    if (status != CLIO_OK)
        return status;
    if (!e->amount.percent && count != 1)
        return clioi_scn_resolve_fail(r, CLIO_EVALUE, e->amount.line,
                                      "an absolute 'limit' needs a selection of exactly one "
                                      "sector, not %zu (write a percentage such as 70%%)",
                                      count);
    for (size_t i = 0; i < t->n; i++) {
        if (!r->mask[i])
            continue;
        double share = e->amount.value;
        if (!e->amount.percent) {
            if (!(t->x[i] > 0)) {
                char key[256];
                clio_table_sector_key(t, i, key, sizeof key);
                return clioi_scn_resolve_fail(r, CLIO_EVALUE, e->amount.line,
                                              "sector '%s' has no output: an absolute 'limit' "
                                              "cannot be a share of it",
                                              key);
            }
            share = e->amount.value / t->x[i];
        }
        if (share < k->cap[i])
            k->cap[i] = share;
    }
    return CLIO_OK;
}

/* Total value added of sector j (the sum of its V column). */
static double value_added(const clio_table *t, size_t j)
{
    double sum = 0;
    for (size_t v = 0; v < t->nva; v++)
        sum += t->V[v + j * t->nva];
    return sum;
}

/* Costs (per unit of output): a percentage of one value-added row's
 * coefficient (or of all rows' without component), or an absolute change. */
static int apply_cost(const clioi_scn_resolver *r, const clioi_scn_entry *e, clio_shock *k)
{
    const clio_table *t = r->t;
    size_t count, row = CLIO_NONE;
    int status = clioi_scn_select(r, &e->sel, r->mask, &count);
    if (status == CLIO_OK && e->component.text)
        status = clioi_scn_va_row(r, &e->component, &row);
    if (status == CLIO_OK)
        status = ensure(r, &k->dcost, t->n, 0);
    if (status != CLIO_OK)
        return status;
    for (size_t j = 0; j < t->n; j++) {
        if (!r->mask[j])
            continue;
        if (!e->amount.percent) {
            k->dcost[j] += e->amount.value;
            continue;
        }
        double base = row != CLIO_NONE ? t->V[row + j * t->nva] : value_added(t, j);
        if (t->x[j] != 0)
            k->dcost[j] += e->amount.value * base / t->x[j];
    }
    return CLIO_OK;
}

/* Primary inputs (money): a percentage of each sector's value added, or
 * money spread by value added (else by output, else equally). */
static int apply_primary(const clioi_scn_resolver *r, const clioi_scn_entry *e, clio_shock *k)
{
    const clio_table *t = r->t;
    size_t count;
    int status = clioi_scn_select(r, &e->sel, r->mask, &count);
    if (status == CLIO_OK)
        status = ensure(r, &k->dprimary, t->n, 0);
    double *va = status == CLIO_OK ? clioi_calloc_array(t->n, sizeof *va) : NULL;
    if (status != CLIO_OK)
        return status;
    if (!va)
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    for (size_t j = 0; j < t->n; j++)
        va[j] = value_added(t, j);
    if (e->amount.percent) {
        for (size_t j = 0; j < t->n; j++)
            if (r->mask[j])
                k->dprimary[j] += e->amount.value * va[j];
    } else {
        clioi_scn_spread(t->n, r->mask, va, t->x, e->amount.value, k->dprimary);
    }
    free(va);
    return CLIO_OK;
}

static int apply_entry(const clioi_scn_resolver *r, const clioi_scn_entry *e,
                       clioi_scn_coefficients *c, clio_shock *k)
{
    int status = CLIO_OK;
    if ((e->list == CLIOI_SCN_COEFFICIENT || e->list == CLIOI_SCN_RESHORE) && !c->A &&
        (status = clioi_scn_coefficients_init(r, c)) != CLIO_OK)
        return status;
    switch (e->list) {
    case CLIOI_SCN_DEMAND: return apply_demand(r, e, k);
    case CLIOI_SCN_CAPACITY: return apply_capacity(r, e, k);
    case CLIOI_SCN_COEFFICIENT: return clioi_scn_coefficient_change(r, c, e);
    case CLIOI_SCN_RESHORE: return clioi_scn_reshore(r, c, e);
    case CLIOI_SCN_COST: return apply_cost(r, e, k);
    case CLIOI_SCN_PRIMARY: return apply_primary(r, e, k);
    default: return clioi_scn_state_entry(r, e, k);
    }
}

/* The chain of scenario i and its bases, base first (links were checked
 * for cycles when the file was read). */
size_t clioi_scn_chain(const clio_scenarios *s, size_t i, const clioi_scenario **chain)
{
    size_t len = 0;
    for (size_t b = i; b != CLIO_NONE && len < s->count; b = s->items[b].base)
        chain[len++] = &s->items[b];
    for (size_t a = 0; a < len / 2; a++) {
        const clioi_scenario *tmp = chain[a];
        chain[a] = chain[len - 1 - a];
        chain[len - 1 - a] = tmp;
    }
    return len;
}

static int resolve(clioi_scn_resolver *r, size_t i, clio_shock *k)
{
    const clio_scenarios *s = r->s;
    const clioi_scenario **chain = clioi_calloc_array(s->count, sizeof *chain);
    if (!chain)
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    size_t nchain = clioi_scn_chain(s, i, chain);
    clioi_scn_coefficients c = {0};
    int status = clioi_scn_state_scalars(r, chain, nchain, k);
    for (size_t q = 0; q < nchain && status == CLIO_OK; q++) {
        r->owner = chain[q];
        for (size_t e = 0; e < chain[q]->nentries && status == CLIO_OK; e++)
            status = apply_entry(r, &chain[q]->entries[e], &c, k);
    }
    r->owner = r->target;
    if (status == CLIO_OK && c.A)
        status = clioi_scn_coefficients_finish(r, &c, k);
    clioi_scn_coefficients_free(&c);
    free(chain);
    return status;
}

int clioi_scn_resolve(const clio_scenarios *s, size_t i, const clio_table *t,
                      const clio_groups *groups, int by_category, clio_shock **out,
                      clio_error *err)
{
    *out = NULL;
    clioi_scn_resolver r = {.s = s, .target = &s->items[i], .owner = &s->items[i], .t = t,
                            .groups = groups, .err = err};
    int status = CLIO_OK;
    clio_shock *k = calloc(1, sizeof *k);
    r.mask = clioi_calloc_array(t->n, 1);
    r.mask2 = clioi_calloc_array(t->n, 1);
    r.scratch = clioi_calloc_array(t->n, 1);
    r.cols = clioi_calloc_array(t->nfd, 1);
    if (k) {
        k->n = t->n;
        k->nfd = t->nfd;
        k->nva = t->nva;
        k->dY = by_category ? clioi_calloc_array(t->n * t->nfd, sizeof *k->dY) : NULL;
        k->dy = clioi_calloc_array(t->n, sizeof *k->dy);
    }
    if (!k || (by_category && !k->dY) || !k->dy || !r.mask || !r.mask2 || !r.scratch ||
        !r.cols)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else
        status = resolve(&r, i, k);
    free(r.mask);
    free(r.mask2);
    free(r.scratch);
    free(r.cols);
    if (status != CLIO_OK) {
        clio_shock_free(k);
        return status;
    }
    *out = k;
    return CLIO_OK;
}

int clioi_scn_groups_read(const clio_scenarios *s, const clio_table *t, clio_groups **out,
                          clio_error *err)
{
    *out = NULL;
    return s->groups ? clio_groups_read_csv(s->groups, t, out, err) : CLIO_OK;
}

int clio_scenario_resolve(const clio_scenarios *s, size_t i, const clio_table *t,
                          clio_shock **out, clio_error *err)
{
    if (!s || !t || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_scenario_resolve: NULL argument");
    *out = NULL;
    if (i >= s->count)
        return clioi_fail(err, CLIO_EINVAL, "%s: no scenario %zu (the file has %zu)", s->path,
                          i, s->count);
    clio_groups *groups = NULL;
    int status = clioi_scn_groups_read(s, t, &groups, err);
    if (status == CLIO_OK)
        status = clioi_scn_resolve(s, i, t, groups, 1, out, err);
    clio_groups_free(groups);
    return status;
}
