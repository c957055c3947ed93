/* scenario_run.c -- clio_scenarios_run: every scenario of a file against
 * one factor.  The parsed file says what the results need (price and
 * unmet-demand accounts, time series: scenario_plan.c) before anything is
 * solved.  Scenarios are resolved one at a time, so a
 * file of many scenarios on a large MRIO never holds all their final-
 * demand changes; those that only change final demand are stacked and
 * solved together, as one block of right-hand sides. */
#include "scenario_run.h"
#include "scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const MODEL_NAMES[] = {"leontief", "ghosh", "iim", "ario"};

int run_solve(const run_solver *s, int transpose, size_t nrhs, double *B, size_t ldb,
              clio_error *err)
{
    return s->u ? clio_leontief_update_solve(s->u, transpose, nrhs, B, ldb, err)
                : clio_leontief_solve(s->f, transpose, nrhs, B, ldb, err);
}

/* What the scenarios need, from the first pass. */
typedef struct run_plan {
    int with_price, with_caps;
    size_t ntimes;
    int used[SERIES_COUNT];
    unsigned char *batch; /* per scenario: solved in the demand block */
    unsigned char *dynamic; /* per scenario: has time series */
    size_t nbatch;
} run_plan;

/* A demand-driven scenario that changes nothing but final demand. */
static int demand_only(const clioi_scn_plan *k)
{
    return k->model == CLIO_MODEL_LEONTIEF && !k->caps && !k->coefficients && !k->costs;
}

static void plan_one(run_plan *p, size_t i, const clioi_scn_plan *k)
{
    p->batch[i] = (unsigned char)demand_only(k);
    p->nbatch += p->batch[i];
    p->with_price |= k->model == CLIO_MODEL_LEONTIEF && (k->costs || k->coefficients);
    p->with_caps |= k->model == CLIO_MODEL_LEONTIEF && k->caps;
    p->dynamic[i] = (k->model == CLIO_MODEL_IIM && k->periods > 0) || k->model == CLIO_MODEL_ARIO;
    if (k->model == CLIO_MODEL_IIM && k->periods > 0) {
        p->used[SERIES_INOPERABILITY] = p->used[SERIES_OUTPUT_LOSS] = 1;
        if (k->periods + 1 > p->ntimes)
            p->ntimes = k->periods + 1;
    }
    if (k->model == CLIO_MODEL_ARIO) {
        for (int v = SERIES_PRODUCTION; v <= SERIES_INVENTORY_GAP; v++)
            p->used[v] = 1;
        p->used[SERIES_OUTPUT_LOSS] = 1;
        if (k->ario_steps + 1 > p->ntimes)
            p->ntimes = k->ario_steps + 1;
    }
}

/* plan_scenarios -- from the parsed file: resolving comes later, one
 * scenario at a time. */
static int plan_scenarios(const clio_scenarios *s, run_plan *p, clio_error *err)
{
    size_t count = clio_scenarios_count(s);
    memset(p, 0, sizeof *p);
    p->batch = clioi_calloc_array(count, 1);
    p->dynamic = clioi_calloc_array(count, 1);
    if (!p->batch || !p->dynamic)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < count; i++) {
        clioi_scn_plan k;
        if (clioi_scn_plan_of(s, i, &k) != CLIO_OK)
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        plan_one(p, i, &k);
    }
    return CLIO_OK;
}

/* Whether f solves a column alone as cheaply as within a block: LU and
 * UMFPACK (a solve reads the factor once per column either way).  Their
 * baseline is solved alone, so it stays bit for bit what a file without
 * demand scenarios gives (a multi-column dgetrs rounds differently); the
 * iterative methods and lu-mixed pass over A once per step for a column
 * as for a block, and put the baseline in the block (the closure, which
 * needs x0 first, aside). */
static int solves_columns_alone(const clio_leontief *f)
{
    const char *m = clio_leontief_method(f);
    return strcmp(m, "lu") == 0 || strcmp(m, "sparse-lu") == 0;
}

/* The baseline: final demand y0, the model's output x0 = L y0 (unless the
 * demand block solves it: solve_x0 0), the primary cost per unit v0 = 1 -
 * column sums of A (so that prices are 1). */
static int baseline(run_ctx *c, int solve_x0, clio_error *err)
{
    const clio_table *t = c->t;
    size_t n = c->n;
    c->y0 = clioi_calloc_array(n, sizeof *c->y0);
    c->x0 = clioi_calloc_array(n, sizeof *c->x0);
    c->v0 = clioi_calloc_array(n, sizeof *c->v0);
    if (!c->y0 || !c->x0 || !c->v0)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t k = 0; k < t->nfd; k++)
        for (size_t i = 0; i < n; i++)
            c->y0[i] += t->Y[i + n * k];
    memcpy(c->x0, c->y0, n * sizeof *c->x0);
    int status = solve_x0 ? clio_leontief_solve(c->f, 0, 1, c->x0, n, err) : CLIO_OK;
    for (size_t j = 0; j < n && status == CLIO_OK; j++) {
        double bought = 0.0;
        for (size_t i = 0; i < n; i++)
            bought += t->Z[i + n * j];
        c->v0[j] = t->x[j] > 0 ? 1.0 - bought / t->x[j] : 1.0;
    }
    return status;
}

static void fill_baseline(const run_ctx *c)
{
    clio_result *b = c->r->labels;
    for (size_t i = 0; i < c->n; i++) {
        double *v = b->values + c->acc.count * i;
        v[RUN_ACCOUNT_FINAL_DEMAND] = c->y0[i];
        v[RUN_ACCOUNT_OUTPUT] = c->x0[i];
        for (size_t a = 0; a < c->t->nva + c->t->nsat; a++)
            v[c->acc.va + a] = clioi_account_coefficient(c->t, a + 1, i) * c->x0[i];
        if (c->acc.price != CLIO_NONE)
            v[c->acc.price] = 1.0;
    }
}

/* The model's name; "leontief_type2" when the household closure applies
 * (demand and coefficient changes without caps), so that a run with
 * households shows which scenarios it could close. */
static int set_names(clio_scenario_results *r, const clio_scenarios *s, size_t i, int model,
                     int closed)
{
    const char *description = clio_scenarios_description(s, i);
    r->names[i] = clioi_strdup(clio_scenarios_name(s, i));
    r->models[i] = clioi_strdup(closed ? "leontief_type2" : MODEL_NAMES[model]);
    r->descriptions[i] = clioi_strdup(description);
    return r->names[i] && r->models[i] && (r->descriptions[i] || !description) ? CLIO_OK
                                                                              : CLIO_ENOMEM;
}

/* solve_batch -- the demand-only scenarios as one n x nbatch block, and
 * with `with_x0` the baseline x0 = L y0 as its first column: a solve of
 * one column costs an iterative method or lu-mixed's refinement as many
 * passes over A as a block does. */
static int solve_batch(run_ctx *c, const clio_scenarios *s, const run_plan *p, int with_x0,
                       clio_error *err)
{
    size_t n = c->n, count = clio_scenarios_count(s), b = 0, lead = with_x0 ? 1 : 0;
    double *DY = clioi_alloc_matrix(n, p->nbatch), *DX = clioi_alloc_matrix(n, p->nbatch + lead);
    int status = DY && DX ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < count && status == CLIO_OK; i++) {
        if (!p->batch[i])
            continue;
        clio_shock *k = NULL;
        if ((status = clioi_scn_resolve(s, i, c->t, c->groups, 0, &k, err)) != CLIO_OK)
            break;
        memcpy(DY + n * b++, k->dy, n * sizeof *DY);
        status = set_names(c->r, s, i, k->model, c->h != NULL);
        clio_shock_free(k);
    }
    if (status == CLIO_OK) {
        memcpy(DX, c->y0, lead * n * sizeof *DX);
        memcpy(DX + lead * n, DY, n * p->nbatch * sizeof *DX);
        const run_solver plain = {c->f, NULL};
        status = c->h ? run_closed_solve(c, &plain, p->nbatch, DX, err)
                      : clio_leontief_solve(c->f, 0, lead + p->nbatch, DX, n, err);
    }
    if (status == CLIO_OK && with_x0) {
        memcpy(c->x0, DX, n * sizeof *DX);
        fill_baseline(c);
    }
    for (size_t i = 0, j = 0; i < count && status == CLIO_OK; i++)
        if (p->batch[i]) {
            run_fill_deltas(c, i, DX + n * (lead + j), DY + n * j, 0, NULL, NULL);
            j++;
        }
    free(DY);
    free(DX);
    return status;
}

/* solve_one -- a scenario with its own model; errors from the models name
 * the scenario. */
static int solve_one(run_ctx *c, const clio_scenarios *s, size_t i, clio_error *err)
{
    clio_shock *k = NULL;
    int status = clioi_scn_resolve(s, i, c->t, c->groups, 1, &k, err);
    if (status != CLIO_OK)
        return status;
    int closed = c->h && k->model == CLIO_MODEL_LEONTIEF && !k->cap;
    if ((status = set_names(c->r, s, i, k->model, closed)) != CLIO_OK) {
        clio_shock_free(k);
        return clioi_fail(err, status, "out of memory");
    }
    clio_error e = {0};
    switch (k->model) {
    case CLIO_MODEL_GHOSH: status = run_ghosh(c, i, k, &e); break;
    case CLIO_MODEL_IIM: status = run_iim(c, i, k, &e); break;
    case CLIO_MODEL_ARIO: status = run_ario(c, i, k, &e); break;
    default: status = run_leontief(c, i, k, &e); break;
    }
    clio_shock_free(k);
    if (status != CLIO_OK)
        return clioi_fail(err, status, "scenario '%s': %s", clio_scenarios_name(s, i),
                          e.message);
    return CLIO_OK;
}

static void ctx_free(run_ctx *c)
{
    free(c->y0);
    free(c->x0);
    free(c->v0);
    free(c->lhc);
    free(c->sinv);
    clio_groups_free(c->groups);
    run_accounts_free(&c->acc);
}

int clio_scenarios_run(const clio_scenarios *s, const clio_table *t, const clio_leontief *f,
                       const clio_households *h, clio_scenario_results **out, clio_error *err)
{
    if (!s || !t || !f || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_scenarios_run: NULL argument");
    *out = NULL;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL,
                          "clio_scenarios_run: the table's Z is needed (factor a copy)");
    if (clio_leontief_size(f) != t->n)
        return clioi_fail(err, CLIO_EDIM, "the factor is for %zu sectors, the table has %zu",
                          clio_leontief_size(f), t->n);
    run_plan p;
    run_ctx c = {.t = t, .f = f, .h = h, .n = t->n};
    int status = plan_scenarios(s, &p, err);
    if (status == CLIO_OK)
        status = clioi_scn_groups_read(s, t, &c.groups, err);
    if (status == CLIO_OK)
        status = run_results_alloc(t, clio_scenarios_count(s), p.with_price, p.with_caps,
                                   p.ntimes, p.used, p.dynamic, &c.r, &c.acc, err);
    int x0_in_batch = p.nbatch > 0 && !h && !solves_columns_alone(f);
    if (status == CLIO_OK && (status = baseline(&c, !x0_in_batch, err)) == CLIO_OK &&
        !x0_in_batch)
        fill_baseline(&c);
    if (status == CLIO_OK && h)
        status = run_closure_prepare(&c, err);
    if (status == CLIO_OK && p.nbatch > 0)
        status = solve_batch(&c, s, &p, x0_in_batch, err);
    size_t count = clio_scenarios_count(s);
    clioi_progress("running scenarios", p.nbatch / (double)(count ? count : 1));
    for (size_t i = 0; i < count && status == CLIO_OK; i++)
        if (!p.batch[i]) {
            status = solve_one(&c, s, i, err);
            clioi_progress("running scenarios", (i + 1.0) / (double)count);
        }
    clioi_progress("running scenarios", 1.0);
    free(p.batch);
    free(p.dynamic);
    if (status == CLIO_OK)
        *out = c.r;
    else
        clio_scenario_results_free(c.r);
    ctx_free(&c);
    return status;
}
