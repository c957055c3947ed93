/* ario.c -- clio_ario_run: the ARIO simulation loop (capacity lost and
 * recovered linearly, one clioi_ario_step per step) and its result. */
#include "ario.h"

#include <math.h>
#include <stdlib.h>

void clio_ario_result_free(clio_ario_result *r)
{
    if (!r)
        return;
    free(r->time_days);
    free(r->production);
    free(r->capacity);
    free(r->unmet_demand);
    free(r->inventory_gap);
    free(r->loss);
    free(r->unmet_total);
    free(r->rebuilt);
    free(r);
}

static clio_ario_result *result_alloc(size_t n, size_t steps)
{
    clio_ario_result *r = calloc(1, sizeof *r);
    if (!r || steps + 1 == 0 || (n && steps + 1 > (size_t)-1 / sizeof(double) / n)) {
        free(r);
        return NULL;
    }
    r->n = n;
    r->steps = steps;
    r->time_days = clioi_calloc_array(steps + 1, sizeof(double));
    r->production = clioi_alloc_matrix(n, steps + 1);
    r->capacity = clioi_alloc_matrix(n, steps + 1);
    r->unmet_demand = clioi_alloc_matrix(n, steps + 1);
    r->inventory_gap = clioi_alloc_matrix(n, steps + 1);
    r->loss = clioi_calloc_array(n, sizeof(double));
    r->unmet_total = clioi_calloc_array(n, sizeof(double));
    r->rebuilt = clioi_calloc_array(n, sizeof(double));
    if (!r->time_days || !r->production || !r->capacity || !r->unmet_demand ||
        !r->inventory_gap || !r->loss || !r->unmet_total || !r->rebuilt) {
        clio_ario_result_free(r);
        return NULL;
    }
    return r;
}

/* Capacity per year in the step that starts `day` days after the shock:
 * the lost share recovers linearly over recovery_days (none given, or
 * INFINITY: it stays lost). */
static void capacity_at(const clioi_ario *a, const clio_ario_shock *s, double day, double *cap)
{
    for (size_t i = 0; i < a->n; i++) {
        double lost = s && s->capacity_loss ? s->capacity_loss[i] : 0;
        if (lost > 0 && s->recovery_days) {
            double T = s->recovery_days[i];
            lost = day < T ? lost * (isinf(T) ? 1 : 1 - day / T) : 0;
        }
        cap[i] = a->x0[i] * (1 - lost);
    }
}

int clio_ario_run(const clio_table *t, const clio_ario_params *p, const clio_ario_shock *s,
                  clio_ario_result **out, clio_error *err)
{
    if (!out)
        return clioi_fail(err, CLIO_EINVAL, "clio_ario_run: no place for the result");
    *out = NULL;
    if (!t)
        return clioi_fail(err, CLIO_EINVAL, "clio_ario_run: no table");
    clio_ario_params defaults;
    if (!p) {
        clio_ario_defaults(&defaults);
        p = &defaults;
    }
    int status = clioi_ario_check(t, p, s, err);
    if (status != CLIO_OK)
        return status;
    clioi_ario a;
    if ((status = clioi_ario_setup(&a, t, p, s, err)) != CLIO_OK)
        return status;
    size_t n = a.n;
    clio_ario_result *r = result_alloc(n, p->steps);
    double *cap = clioi_calloc_array(n, sizeof *cap);
    if (!r || !cap) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for %zu ARIO steps of %zu sectors",
                            p->steps, n);
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        r->production[i] = r->capacity[i] = a.x0[i];
    for (size_t k = 1; k <= p->steps; k++) {
        double start = (double)(k - 1) * p->step_days;
        r->time_days[k] = (double)k * p->step_days;
        capacity_at(&a, s, start, cap);
        clioi_ario_out o = {r->production + k * n, r->capacity + k * n,
                            r->unmet_demand + k * n, r->inventory_gap + k * n,
                            r->unmet_total, r->rebuilt};
        clioi_ario_step(&a, p, cap, &o);
        for (size_t i = 0; i < n; i++)
            r->loss[i] += (a.x0[i] - o.production[i]) * a.dt;
        clioi_progress("ARIO simulation", (double)k / (double)p->steps);
    }
    *out = r;
    r = NULL;
done:
    free(cap);
    clio_ario_result_free(r);
    clioi_ario_release(&a);
    return status;
}
