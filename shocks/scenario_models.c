/* scenario_models.c -- scenarios of the supply-driven (Ghosh), the
 * inoperability (IIM) and the ARIO models, as deltas against the baseline
 * and, for the dynamic ones, time series.  Dynamic deltas are means over
 * the simulated horizon (trapezoidal), as annual rates like the table's. */
#include "scenario_run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Ghosh: dx' = dv' G; final demand follows the allocation shares,
 * dy_i = dx_i (1 - sum_j b_ij); each V row of sector j changes by its
 * share of the sector's primary inputs. */
int run_ghosh(run_ctx *c, size_t s, const clio_shock *k, clio_error *err)
{
    const clio_table *t = c->t;
    size_t n = c->n, nva = t->nva;
    double *dx = clioi_calloc_array(n, sizeof *dx), *dy = clioi_calloc_array(n, sizeof *dy);
    double *dv = clioi_calloc_array(n, sizeof *dv);
    int status = dx && dy && dv ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK && k->dprimary)
        memcpy(dv, k->dprimary, n * sizeof *dv);
    if (status == CLIO_OK)
        status = clio_ghosh_shock(t, c->f, dv, dx, err);
    for (size_t i = 0; i < n && status == CLIO_OK; i++) {
        double sold = 0.0;
        for (size_t j = 0; j < n; j++)
            sold += t->Z[i + n * j];
        dy[i] = t->x[i] > 0 ? dx[i] * (1.0 - sold / t->x[i]) : 0.0;
    }
    if (status == CLIO_OK)
        run_fill_deltas(c, s, dx, dy, 0, NULL, NULL);
    for (size_t j = 0; j < n && status == CLIO_OK && nva > 0; j++) {
        double total = 0.0, *d = run_delta(c, s, j);
        for (size_t a = 0; a < nva; a++)
            total += t->V[a + nva * j];
        for (size_t a = 0; a < nva; a++)
            d[c->acc.va + a] = total != 0 ? dv[j] * t->V[a + nva * j] / total
                                          : dv[j] / (double)nva;
    }
    free(dx);
    free(dy);
    free(dv);
    return status;
}

/* mean_over -- the trapezoidal mean of points values f(0..m), m >= 1,
 * taken every `stride` doubles. */
static double mean_over(const double *f, size_t m, size_t stride)
{
    double sum = 0.0;
    for (size_t p = 0; p < m; p++)
        sum += 0.5 * (f[stride * p] + f[stride * (p + 1)]);
    return sum / (double)m;
}

static void set_time(run_ctx *c, size_t s, const char *unit, size_t points, const double *time)
{
    clio_scenario_results *r = c->r;
    r->time_units[s] = clioi_strdup(unit);
    for (size_t p = 0; p < points; p++)
        r->time[p + r->ntimes * s] = time ? time[p] : (double)p;
}

/* c*(t) for t = 0 .. m-1: the scenario-wide c* in its window plus the
 * perturbations with their own periods; NULL (and CLIO_OK) when none. */
static int perturbations(const clio_shock *k, size_t n, double **C, clio_error *err)
{
    size_t m = k->periods;
    *C = NULL;
    if (!k->cstar && !k->cstar_t)
        return CLIO_OK;
    if (!(*C = clioi_alloc_matrix(n, m)))
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (k->cstar_t)
        memcpy(*C, k->cstar_t, n * m * sizeof **C);
    for (size_t p = k->perturb_from; k->cstar && p < k->perturb_to && p < m; p++)
        for (size_t i = 0; i < n; i++)
            (*C)[i + n * p] = fmin((*C)[i + n * p] + k->cstar[i], 1.0);
    return CLIO_OK;
}

/* The dynamic IIM: K from the recovery times, c*(t) as above.  Output and
 * final demand change by their means over the horizon. */
static int iim_dynamic(run_ctx *c, size_t s, const clio_shock *k, const double *Astar,
                       double *dx, double *dy, clio_error *err)
{
    size_t n = c->n, m = k->periods;
    if (!k->recovery_time)
        return clioi_fail(err, CLIO_EINVAL,
                          "the dynamic inoperability model (periods %zu) needs recovery_time",
                          m);
    double *K = clioi_calloc_array(n, sizeof *K), *Q = clioi_alloc_matrix(n, m + 1), *C = NULL;
    int status = K && Q ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        status = perturbations(k, n, &C, err);
    if (status == CLIO_OK)
        status = clio_iim_recovery_rates(n, Astar, n, k->recovery_time, k->recovery_target, K,
                                         err);
    if (status == CLIO_OK)
        status = clio_iim_dynamic(n, Astar, n, K, k->q0, C, n, m, Q, n, NULL, err);
    if (status == CLIO_OK) {
        set_time(c, s, "period", m + 1, NULL);
        for (size_t p = 0; p <= m; p++) {
            memcpy(run_series(c, s, SERIES_INOPERABILITY, p), Q + n * p, n * sizeof *Q);
            double *loss = run_series(c, s, SERIES_OUTPUT_LOSS, p);
            for (size_t i = 0; i < n; i++)
                loss[i] = Q[i + n * p] * c->x0[i];
        }
        for (size_t i = 0; i < n; i++) {
            double applied = 0.0;
            for (size_t p = 0; C && p < m; p++)
                applied += C[i + n * p];
            dx[i] = -mean_over(Q + i, m, n) * c->x0[i];
            dy[i] = -applied / (double)m * c->x0[i];
        }
    }
    free(K);
    free(Q);
    free(C);
    return status;
}

/* IIM: static q = (I - A*)^-1 c* (clipped), or the dynamic model over
 * `periods`.  Output falls by q x; final demand by c* x. */
int run_iim(run_ctx *c, size_t s, const clio_shock *k, clio_error *err)
{
    size_t n = c->n;
    double *Astar = clioi_alloc_matrix(n, n), *q = clioi_calloc_array(n, sizeof *q);
    double *dx = clioi_calloc_array(n, sizeof *dx), *dy = clioi_calloc_array(n, sizeof *dy);
    int status = Astar && q && dx && dy ? CLIO_OK
                                        : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        status = clio_iim_interdependency(c->t, Astar, n, err);
    if (status == CLIO_OK && k->periods > 0) {
        status = iim_dynamic(c, s, k, Astar, dx, dy, err);
    } else if (status == CLIO_OK && k->cstar) {
        status = clio_iim_static(n, Astar, n, k->cstar, q, NULL, err);
        for (size_t i = 0; i < n && status == CLIO_OK; i++) {
            dx[i] = -q[i] * c->x0[i];
            dy[i] = -k->cstar[i] * c->x0[i];
        }
    }
    if (status == CLIO_OK)
        run_fill_deltas(c, s, dx, dy, 0, NULL, NULL);
    free(Astar);
    free(q);
    free(dx);
    free(dy);
    return status;
}

/* ARIO: the simulated production against its day-0 baseline. */
static void ario_store(run_ctx *c, size_t s, const clio_shock *k, const clio_ario_result *a,
                       double *dx, double *dy)
{
    size_t n = c->n, m = a->steps;
    set_time(c, s, "day", m + 1, a->time_days);
    for (size_t p = 0; p <= m; p++) {
        memcpy(run_series(c, s, SERIES_PRODUCTION, p), a->production + n * p, n * sizeof *dx);
        memcpy(run_series(c, s, SERIES_CAPACITY, p), a->capacity + n * p, n * sizeof *dx);
        memcpy(run_series(c, s, SERIES_UNMET_DEMAND, p), a->unmet_demand + n * p,
               n * sizeof *dx);
        memcpy(run_series(c, s, SERIES_INVENTORY_GAP, p), a->inventory_gap + n * p,
               n * sizeof *dx);
        double *loss = run_series(c, s, SERIES_OUTPUT_LOSS, p);
        for (size_t i = 0; i < n; i++)
            loss[i] = c->t->x[i] - a->production[i + n * p];
    }
    /* final demand: the lasting change plus the reconstruction delivered,
     * per year of the horizon (the demand not served is in the series) */
    double years = a->time_days[m] / 365.0;
    for (size_t i = 0; i < n && m > 0; i++) {
        dx[i] = mean_over(a->production + i, m, n) - c->t->x[i];
        dy[i] = k->dy[i] + (a->rebuilt && years > 0 ? a->rebuilt[i] / years : 0.0);
    }
}

int run_ario(run_ctx *c, size_t s, const clio_shock *k, clio_error *err)
{
    size_t n = c->n;
    double *dx = clioi_calloc_array(n, sizeof *dx), *dy = clioi_calloc_array(n, sizeof *dy);
    double *demand = clioi_calloc_array(n, sizeof *demand);
    int status = dx && dy && demand ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int changed = 0;
    for (size_t i = 0; i < n && status == CLIO_OK; i++) {
        demand[i] = k->dy[i];
        changed |= k->dy[i] != 0;
    }
    clio_ario_result *a = NULL;
    if (status == CLIO_OK) {
        const clio_ario_shock shock = {k->capacity_loss, k->recovery_days, k->reconstruction,
                                       changed ? demand : NULL};
        status = clio_ario_run(c->t, &k->ario, &shock, &a, err);
    }
    if (status == CLIO_OK) {
        ario_store(c, s, k, a, dx, dy);
        run_fill_deltas(c, s, dx, dy, 0, NULL, NULL);
    }
    clio_ario_result_free(a);
    free(dx);
    free(dy);
    free(demand);
    return status;
}
