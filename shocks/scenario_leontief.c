/* scenario_leontief.c -- a demand-driven scenario that needs more than the
 * demand block: coefficient changes (a Woodbury update of the one factor),
 * capacity caps (the mixed model) and value-added cost changes (the price
 * model, with the changed coefficients when there are any). */
#include "scenario_run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The update of the factor for the changed columns: A' = A + dA E_J'. */
static int make_update(const run_ctx *c, const clio_shock *k, clio_leontief_update **u,
                       clio_error *err)
{
    size_t n = c->n;
    double *E = clioi_alloc_matrix(n, k->ncols);
    if (!E)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t j = 0; j < k->ncols; j++)
        E[k->cols[j] + n * j] = 1.0;
    int status = clio_leontief_update_make(c->f, c->t, k->ncols, k->dA, n, E, n, u, err);
    free(E);
    return status;
}

/* Unmet demand of sector i split over the final-demand categories by the
 * shares of the demand wanted there (positive parts; equal shares when
 * none is positive). */
static void split_unmet(const run_ctx *c, size_t s, const clio_shock *k, size_t i, double unmet)
{
    const clio_table *t = c->t;
    size_t n = c->n;
    double *d = run_delta(c, s, i), wanted = 0.0;
    for (size_t col = 0; col < t->nfd; col++)
        wanted += fmax(t->Y[i + n * col] + k->dY[i + n * col], 0.0);
    for (size_t col = 0; col < t->nfd; col++) {
        double w = fmax(t->Y[i + n * col] + k->dY[i + n * col], 0.0);
        double share = wanted > 0 ? w / wanted : 1.0 / (double)t->nfd;
        d[c->acc.unmet + c->acc.fd_unmet[col]] += unmet * share;
    }
}

/* capped -- output with caps: dx, the change of final demand met dy, the
 * unmet demand by category and the binding flags. */
static int capped(run_ctx *c, size_t s, const clio_shock *k, const clio_leontief_update *u,
                  const double *y, double *dx, double *dy, clio_error *err)
{
    size_t n = c->n;
    double *cap = malloc(n * sizeof *cap), *ymet = malloc(n * sizeof *ymet);
    int status = cap && ymet ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK) {
        for (size_t i = 0; i < n; i++)
            cap[i] = isinf(k->cap[i]) ? INFINITY : k->cap[i] * c->x0[i];
        status = clio_constrained_output(c->f, u, y, cap, dx, ymet,
                                         c->r->binding + n * s, NULL, err);
    }
    if (status == CLIO_OK)
        for (size_t i = 0; i < n; i++) {
            split_unmet(c, s, k, i, y[i] - ymet[i]);
            dx[i] -= c->x0[i];
            dy[i] = ymet[i] - c->y0[i];
        }
    free(cap);
    free(ymet);
    return status;
}

/* prices -- p = (I - A')^-T (v0 + dv) with dv the cost changes plus the
 * changed value-added coefficients; the delta is p - 1.  Without changed
 * coefficients dp = (I - A)^-T dv directly (no cancellation). */
static int prices(run_ctx *c, size_t s, const clio_shock *k, const run_solver *sv,
                  clio_error *err)
{
    size_t n = c->n, nva = c->t->nva;
    double *p = clioi_calloc_array(n, sizeof *p);
    if (!p)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        p[i] = (sv->u ? c->v0[i] : 0.0) + (k->dcost ? k->dcost[i] : 0.0);
    for (size_t j = 0; j < k->ncols; j++)
        for (size_t a = 0; a < nva; a++)
            p[k->cols[j]] += k->dVc[a + nva * j];
    int status = run_solve(sv, 1, 1, p, n, err);
    for (size_t i = 0; i < n && status == CLIO_OK; i++)
        run_delta(c, s, i)[c->acc.price] = p[i] - (sv->u ? 1.0 : 0.0);
    free(p);
    return status;
}

int run_leontief(run_ctx *c, size_t s, const clio_shock *k, clio_error *err)
{
    size_t n = c->n;
    clio_leontief_update *u = NULL;
    double *dy = clioi_calloc_array(n, sizeof *dy), *dx = clioi_calloc_array(n, sizeof *dx);
    double *y = clioi_calloc_array(n, sizeof *y);
    int status = dy && dx && y ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        memcpy(dy, k->dy, n * sizeof *dy);
    for (size_t i = 0; i < n && status == CLIO_OK; i++)
        y[i] = c->y0[i] + dy[i];
    if (status == CLIO_OK && k->ncols > 0)
        status = make_update(c, k, &u, err);
    const run_solver sv = {c->f, u};
    if (status == CLIO_OK && k->cap) {
        status = capped(c, s, k, u, y, dx, dy, err);
    } else if (status == CLIO_OK && u) {
        /* changed coefficients: x' = (I - A')^-1 y, or the closed model's */
        memcpy(dx, y, n * sizeof *dx);
        status = c->h ? run_closed_total(c, &sv, y, dx, err) : run_solve(&sv, 0, 1, dx, n, err);
        if (status == CLIO_OK)
            for (size_t i = 0; i < n; i++)
                dx[i] -= c->x0[i];
    } else if (status == CLIO_OK) {
        memcpy(dx, dy, n * sizeof *dx);
        status = c->h ? run_closed_solve(c, &sv, 1, dx, err) : run_solve(&sv, 0, 1, dx, n, err);
    }
    if (status == CLIO_OK)
        run_fill_deltas(c, s, dx, dy, k->ncols, k->cols, k->dVc);
    if (status == CLIO_OK && c->acc.price != CLIO_NONE)
        status = prices(c, s, k, &sv, err);
    clio_leontief_update_free(u);
    free(dy);
    free(dx);
    free(y);
    return status;
}
