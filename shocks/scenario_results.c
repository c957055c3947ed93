/* scenario_results.c -- the store of a scenario run's results: labels and
 * baseline (a clio_result), deltas, binding caps and time series. */
#include "scenario_run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const SERIES_NAMES[SERIES_COUNT] = {
    "output_loss", "inoperability", "production", "capacity", "unmet_demand", "inventory_gap"};

void run_accounts_free(run_accounts *acc)
{
    free(acc->fd_unmet);
    acc->fd_unmet = NULL;
}

/* The distinct final-demand category names, in order of first column:
 * each column's unmet account is acc->unmet + its category's rank. */
static int unmet_categories(const clio_table *t, run_accounts *acc)
{
    acc->fd_unmet = clioi_calloc_array(t->nfd, sizeof *acc->fd_unmet);
    if (!acc->fd_unmet)
        return CLIO_ENOMEM;
    acc->nunmet = 0;
    for (size_t k = 0; k < t->nfd; k++) {
        size_t first = k;
        for (size_t j = 0; j < k; j++)
            if (strcmp(t->fd_names[j], t->fd_names[k]) == 0) {
                first = j;
                break;
            }
        acc->fd_unmet[k] = first == k ? acc->nunmet++ : acc->fd_unmet[first];
    }
    return CLIO_OK;
}

static int set_account(clio_result *r, size_t a, const char *name, const char *prefix,
                       const char *unit)
{
    size_t len = strlen(name) + (prefix ? strlen(prefix) : 0) + 1;
    r->accounts[a] = malloc(len);
    if (r->accounts[a])
        snprintf(r->accounts[a], len, "%s%s", prefix ? prefix : "", name);
    r->account_units[a] = clioi_strdup(unit ? unit : "");
    return r->accounts[a] && r->account_units[a] ? CLIO_OK : CLIO_ENOMEM;
}

/* The accounts: final demand, output, V rows, satellites, then the
 * optional price index and unmet demand by category. */
static int set_accounts(clio_result *r, const clio_table *t, const run_accounts *acc)
{
    int status = set_account(r, RUN_ACCOUNT_FINAL_DEMAND, "final_demand", NULL, t->unit);
    if (status == CLIO_OK)
        status = set_account(r, RUN_ACCOUNT_OUTPUT, "output", NULL, t->unit);
    for (size_t k = 0; k < t->nva && status == CLIO_OK; k++)
        status = set_account(r, acc->va + k, t->va_names[k], NULL, t->unit);
    for (size_t k = 0; k < t->nsat && status == CLIO_OK; k++)
        status = set_account(r, acc->sat + k, t->sat_names[k], NULL, t->sat_units[k]);
    if (status == CLIO_OK && acc->price != CLIO_NONE)
        status = set_account(r, acc->price, "price", NULL, "index (baseline 1)");
    for (size_t k = 0; k < t->nfd && status == CLIO_OK; k++)
        if (acc->unmet != CLIO_NONE && !r->accounts[acc->unmet + acc->fd_unmet[k]])
            status = set_account(r, acc->unmet + acc->fd_unmet[k], t->fd_names[k], "unmet:",
                                 t->unit);
    return status;
}

static int alloc_series(clio_scenario_results *r, run_accounts *acc, size_t ntimes,
                        const int *used, const unsigned char *dynamic)
{
    if (!(r->slot = clioi_calloc_array(r->nscenarios, sizeof *r->slot)))
        return CLIO_ENOMEM;
    for (size_t s = 0; s < r->nscenarios; s++)
        r->slot[s] = dynamic && dynamic[s] ? r->nslots++ : CLIO_NONE;
    for (int v = 0; v < SERIES_COUNT; v++)
        acc->var[v] = used && used[v] ? r->nvars++ : CLIO_NONE;
    if (r->nvars == 0 || ntimes == 0) {
        r->nvars = 0;
        return CLIO_OK;
    }
    r->ntimes = ntimes;
    r->vars = clioi_calloc_array(r->nvars, sizeof *r->vars);
    r->time_units = clioi_calloc_array(r->nscenarios, sizeof *r->time_units);
    r->time = clioi_calloc_array(ntimes * r->nscenarios, sizeof *r->time);
    size_t count = r->labels->nrows * ntimes * r->nvars * r->nslots;
    r->series = clioi_calloc_array(count, sizeof *r->series);
    if (!r->vars || !r->time_units || !r->time || !r->series)
        return CLIO_ENOMEM;
    for (int v = 0; v < SERIES_COUNT; v++)
        if (acc->var[v] != CLIO_NONE && !(r->vars[acc->var[v]] = clioi_strdup(SERIES_NAMES[v])))
            return CLIO_ENOMEM;
    for (size_t k = 0; k < ntimes * r->nscenarios; k++)
        r->time[k] = NAN;
    for (size_t k = 0; k < count; k++)
        r->series[k] = NAN;
    return CLIO_OK;
}

int run_results_alloc(const clio_table *t, size_t count, int with_price, int with_caps,
                      size_t ntimes, const int *series_used, const unsigned char *dynamic,
                      clio_scenario_results **out, run_accounts *acc, clio_error *err)
{
    memset(acc, 0, sizeof *acc);
    acc->va = RUN_ACCOUNT_OUTPUT + 1;
    acc->sat = acc->va + t->nva;
    acc->count = acc->sat + t->nsat;
    acc->price = with_price ? acc->count++ : CLIO_NONE;
    acc->unmet = CLIO_NONE;
    clio_scenario_results *r = calloc(1, sizeof *r);
    int status = r ? CLIO_OK : CLIO_ENOMEM;
    if (status == CLIO_OK && with_caps && (status = unmet_categories(t, acc)) == CLIO_OK) {
        acc->unmet = acc->count;
        acc->count += acc->nunmet;
    }
    if (status == CLIO_OK) {
        r->nscenarios = count;
        r->has_caps = with_caps;
        r->labels = clioi_result_alloc(t, "scenarios", acc->count, 1);
        r->names = clioi_calloc_array(count, sizeof *r->names);
        r->models = clioi_calloc_array(count, sizeof *r->models);
        r->descriptions = clioi_calloc_array(count, sizeof *r->descriptions);
        r->delta = clioi_calloc_array(count * t->n * acc->count, sizeof *r->delta);
        r->binding = clioi_calloc_array(count * t->n, 1);
        if (!r->labels || !r->names || !r->models || !r->descriptions || !r->delta ||
            !r->binding)
            status = CLIO_ENOMEM;
    }
    if (status == CLIO_OK) {
        r->labels->additive = 1;
        static const char *const field[] = {"baseline"};
        status = clioi_result_set_fields(r->labels, field);
    }
    if (status == CLIO_OK)
        status = set_accounts(r->labels, t, acc);
    if (status == CLIO_OK)
        status = alloc_series(r, acc, ntimes, series_used, dynamic);
    if (status != CLIO_OK) {
        clio_scenario_results_free(r);
        run_accounts_free(acc);
        return clioi_fail(err, status, "out of memory for the results of %zu scenarios", count);
    }
    *out = r;
    return CLIO_OK;
}

void clio_scenario_results_free(clio_scenario_results *r)
{
    if (!r)
        return;
    clioi_free_labels(r->names, r->nscenarios);
    clioi_free_labels(r->models, r->nscenarios);
    clioi_free_labels(r->descriptions, r->nscenarios);
    clioi_free_labels(r->vars, r->nvars);
    clioi_free_labels(r->time_units, r->time_units ? r->nscenarios : 0);
    clio_result_free(r->labels);
    free(r->delta);
    free(r->binding);
    free(r->time);
    free(r->series);
    free(r->slot);
    free(r);
}

double *run_delta(const run_ctx *c, size_t s, size_t i)
{
    return c->r->delta + c->acc.count * (i + c->n * s);
}

double *run_series(const run_ctx *c, size_t s, int v, size_t p)
{
    const clio_scenario_results *r = c->r;
    return r->series + c->n * (p + r->ntimes * (c->acc.var[v] + r->nvars * r->slot[s]));
}

void run_fill_deltas(const run_ctx *c, size_t s, const double *dx, const double *dy, size_t k,
                     const size_t *cols, const double *dVc)
{
    const clio_table *t = c->t;
    for (size_t i = 0; i < c->n; i++) {
        double *d = run_delta(c, s, i);
        d[RUN_ACCOUNT_FINAL_DEMAND] = dy ? dy[i] : 0.0;
        d[RUN_ACCOUNT_OUTPUT] = dx[i];
        for (size_t a = 0; a < t->nva + t->nsat; a++)
            d[c->acc.va + a] = clioi_account_coefficient(t, a + 1, i) * dx[i];
    }
    for (size_t j = 0; j < k; j++) {
        size_t col = cols[j];
        double *d = run_delta(c, s, col);
        for (size_t a = 0; a < t->nva; a++)
            d[c->acc.va + a] += dVc[a + t->nva * j] * (c->x0[col] + dx[col]);
    }
}
