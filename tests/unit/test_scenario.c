/* test_scenario.c -- scenario files (docs/scenarios.md): every kind of
 * entry resolved on the Germany 1995 table (data/germany_1995) and on a
 * hand-made 2-region table, each expected value recomputed here from the
 * table by the documented rule; inheritance order and overrides; and every
 * bad file in tests/fixtures/scenarios/bad with its status and message. */
#include "clio.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FIX "tests/fixtures/scenarios/"
#define RTOL 1e-12

enum { AGR, MAN, CON, TRA, BUS, OTH }; /* sectors of the Germany table */
enum { HH, GOV, GFCF, INV, EXP };      /* its final-demand columns */
enum { IMP, TAX, COMP, ONT, CFC, NOS }; /* its value-added rows */

static double Y(const clio_table *t, size_t i, size_t k) { return t->Y[i + k * t->n]; }
static double V(const clio_table *t, size_t v, size_t j) { return t->V[v + j * t->nva]; }
static double dY(const clio_shock *k, size_t i, size_t c) { return k->dY[i + c * k->n]; }

static double value_added(const clio_table *t, size_t j)
{
    double sum = 0;
    for (size_t v = 0; v < t->nva; v++)
        sum += V(t, v, j);
    return sum;
}

static int is_services(size_t i) { return i == TRA || i == BUS || i == OTH; }

/* Resolve the scenario named `name`; NULL (and a failed check) when that fails. */
static clio_shock *resolve(const clio_scenarios *s, const char *name, const clio_table *t)
{
    for (size_t i = 0; i < clio_scenarios_count(s); i++) {
        if (strcmp(clio_scenarios_name(s, i), name) != 0)
            continue;
        clio_error err = {0};
        clio_shock *k = NULL;
        int status = clio_scenario_resolve(s, i, t, &k, &err);
        if (!tap_ok(status == CLIO_OK, "scenario '%s' resolves", name))
            tap_diag("%s", err.message);
        return k;
    }
    tap_ok(0, "scenario '%s' is in the file", name);
    return NULL;
}

static int all_zero(const double *v, size_t m)
{
    for (size_t k = 0; k < m; k++)
        if (v[k] != 0)
            return 0;
    return 1;
}

static void test_file(const clio_scenarios *s)
{
    tap_ok(clio_scenarios_count(s) == 12, "germany.yaml has 12 scenarios");
    tap_ok(strcmp(clio_scenarios_name(s, 1), "investment") == 0, "names in file order");
    const char *d = clio_scenarios_description(s, 1);
    tap_ok(d && strcmp(d, "Public investment of 200 in construction") == 0, "description");
    tap_ok(clio_scenarios_description(s, 2) == NULL, "no description is NULL");
    tap_ok(clio_scenarios_name(s, 12) == NULL, "a name beyond the count is NULL");
    const char *path = clio_scenarios_table(s);
    tap_ok(path && strcmp(path, FIX "../../../data/germany_1995") == 0,
           "table: is relative to the scenario file (%s)", path ? path : "NULL");
    clio_table *t = NULL;
    int status = path ? clio_table_read(path, &t, NULL) : -1;
    tap_ok(status == CLIO_OK && t && t->n == 6, "the table: path reads");
    clio_table_free(t);
}

static void test_empty(const clio_scenarios *s, const clio_table *t)
{
    clio_shock *k = resolve(s, "empty", t);
    if (!k)
        return;
    tap_ok(k->n == 6 && k->nfd == 5 && k->nva == 6, "empty: dimensions of the table");
    tap_ok(k->dY && all_zero(k->dY, k->n * k->nfd), "empty: dY is all zero");
    tap_ok(!k->cap && !k->dcost && !k->dprimary && !k->cstar && !k->q0 && !k->recovery_time &&
               !k->capacity_loss && !k->recovery_days && !k->reconstruction,
           "empty: every optional array is NULL");
    tap_ok(k->ncols == 0 && !k->cols && !k->dA && !k->dVc, "empty: no coefficient change");
    tap_ok(k->model == CLIO_MODEL_LEONTIEF && k->periods == 0 && k->recovery_target == 0.01,
           "empty: model leontief, static, target 1%%");
    clio_ario_params p;
    clio_ario_defaults(&p);
    tap_ok(memcmp(&p, &k->ario, sizeof p) == 0, "empty: ARIO parameters are the defaults");
    clio_shock_free(k);
}

static void test_demand(const clio_scenarios *s, const clio_table *t)
{
    clio_shock *k = resolve(s, "investment", t);
    if (k) {
        tap_close(dY(k, CON, GFCF), 200, RTOL, "investment: 200 into construction's GFCF");
        double sum = 0;
        for (size_t c = 0; c < k->n * k->nfd; c++)
            sum += k->dY[c];
        tap_close(sum, 200, RTOL, "investment: nothing else changes");
    }
    clio_shock_free(k);

    k = resolve(s, "spread", t);
    if (!k)
        return;
    double positive = 0;
    for (size_t c = 0; c < t->nfd; c++)
        positive += Y(t, CON, c) > 0 ? Y(t, CON, c) : 0;
    int ok = 1;
    for (size_t c = 0; c < t->nfd; c++)
        ok &= fabs(dY(k, CON, c) - 1000 * Y(t, CON, c) / positive) <= 1e-9;
    tap_ok(ok, "spread: 1000 over construction's columns by baseline final demand");
    tap_close(dY(k, CON, GFCF), 1000 * 191715.0 / (3457 + 742 + 191715 + 149), RTOL,
              "spread: GFCF share by hand");
    ok = 1;
    for (size_t i = 0; i < t->n; i++)
        for (size_t c = 0; c < t->nfd; c++)
            if (i != CON)
                ok &= fabs(dY(k, i, c) - (is_services(i) ? -0.4 * Y(t, i, c) : 0)) <=
                      1e-9 * fabs(Y(t, i, c));
    tap_ok(ok, "spread: -40%% of every services cell, others untouched");
    clio_shock_free(k);
}

static void test_caps(const clio_scenarios *s, const clio_table *t)
{
    clio_shock *k = resolve(s, "caps", t);
    if (!k || !tap_ok(k->cap != NULL, "caps: cap allocated")) {
        clio_shock_free(k);
        return;
    }
    tap_close(k->cap[AGR], 0.5, RTOL, "caps: absolute limit 21955 of 43910 is 0.5");
    tap_close(k->cap[MAN], 0.5, RTOL, "caps: the smaller of 70% and 50% wins");
    tap_close(k->cap[CON], 0.7, RTOL, "caps: group limit 70%");
    tap_ok(isinf(k->cap[TRA]) && isinf(k->cap[BUS]) && isinf(k->cap[OTH]),
           "caps: uncapped sectors are INFINITY");
    tap_ok(all_zero(k->dY, k->n * k->nfd) && !k->dcost, "caps: nothing else");
    clio_shock_free(k);
}

static void test_technology(const clio_scenarios *s, const clio_table *t)
{
    clio_shock *k = resolve(s, "technology", t);
    if (!k || !tap_ok(k->ncols == 1 && k->cols[0] == CON, "technology: one column (construction)")) {
        clio_shock_free(k);
        return;
    }
    enum { n = 6 };
    size_t j = CON;
    double a[n], dom = 0;
    for (size_t i = 0; i < n; i++)
        a[i] = t->Z[i + j * n] / t->x[j];
    double man0 = a[MAN];
    a[MAN] *= 0.9; /* the -10% change first, then reshoring on the changed column */
    for (size_t i = 0; i < n; i++)
        dom += a[i];
    double m = V(t, IMP, j) / t->x[j];
    int ok = 1;
    for (size_t i = 0; i < n; i++) {
        double want = a[i] + 0.3 * m * a[i] / dom - t->Z[i + j * n] / t->x[j];
        ok &= fabs(k->dA[i] - want) <= 1e-12;
    }
    tap_ok(ok, "technology: dA = change then reshoring, by the documented formula");
    tap_close(k->dVc[IMP], -0.3 * m, RTOL, "technology: imports coefficient falls by 30%");
    tap_ok(k->dVc[TAX] == 0 && k->dVc[COMP] == 0 && k->dVc[ONT] == 0 && k->dVc[CFC] == 0 && k->dVc[NOS] == 0,
           "technology: other value-added rows unchanged");
    double column = 0;
    for (size_t i = 0; i < n; i++)
        column += k->dA[i];
    column += k->dVc[IMP];
    tap_close(column, -0.1 * man0, 1e-9, "technology: reshoring keeps the column sum");
    clio_shock_free(k);
}

static void test_prices_supply(const clio_scenarios *s, const clio_table *t)
{
    clio_shock *k = resolve(s, "prices", t);
    if (k && tap_ok(k->dcost != NULL, "prices: dcost allocated")) {
        tap_close(k->dcost[AGR], 0.1 * V(t, COMP, AGR) / t->x[AGR], RTOL,
                  "prices: 10% of compensation per unit of output");
        tap_close(k->dcost[MAN], 0.03, RTOL, "prices: absolute changes add up");
        tap_close(k->dcost[CON], 0.05 * value_added(t, CON) / t->x[CON], RTOL,
                  "prices: no component is 5% of all value added per unit");
        tap_ok(k->dcost[TRA] == 0 && !k->dprimary, "prices: nothing else");
    }
    clio_shock_free(k);

    k = resolve(s, "supply", t);
    if (k && tap_ok(k->dprimary != NULL && k->model == CLIO_MODEL_GHOSH, "supply: ghosh")) {
        tap_close(k->dprimary[AGR], -0.1 * value_added(t, AGR), RTOL,
                  "supply: -10% of agriculture's value added");
        double vm = value_added(t, MAN), vc = value_added(t, CON);
        tap_close(k->dprimary[MAN], 100 * vm / (vm + vc), RTOL, "supply: 100 by value added (man)");
        tap_close(k->dprimary[CON], 100 * vc / (vm + vc), RTOL, "supply: 100 by value added (con)");
    }
    clio_shock_free(k);
}

static double row_sum_Y(const clio_table *t, size_t i)
{
    double sum = 0.0;
    for (size_t c = 0; c < t->nfd; c++)
        sum += t->Y[i + t->n * c];
    return sum;
}

static void test_inheritance(const clio_scenarios *s, const clio_table *t)
{
    clio_shock *base = resolve(s, "lockdown", t), *k = resolve(s, "lockdown_deep", t);
    if (base && tap_ok(base->cstar && base->q0 && base->recovery_time, "lockdown: IIM arrays")) {
        tap_ok(base->model == CLIO_MODEL_IIM && base->periods == 365 && base->perturb_from == 0 &&
                   base->perturb_to == 90,
               "lockdown: iim, 365 periods, perturbation in [0, 90)");
        tap_close(base->recovery_target, 0.02, RTOL, "lockdown: target 2%");
        tap_ok(base->cstar[TRA] == 0.4 && base->cstar[OTH] == 0.4 && base->cstar[MAN] == 0,
               "lockdown: c* 40%% for services");
        tap_ok(base->q0[MAN] == 0.2 && base->q0[AGR] == 0, "lockdown: q(0) 20%% manufacturing");
        tap_ok(base->recovery_time[AGR] == 90 && base->recovery_time[OTH] == 90,
               "lockdown: one recovery time for every sector");
    }
    if (k && base && k->cstar && k->q0) {
        tap_ok(k->model == CLIO_MODEL_IIM, "deep: model inherited");
        tap_ok(k->periods == 120 && k->perturb_to == 90 && k->recovery_target == 0.02,
               "deep: periods overridden, window and target inherited");
        tap_ok(k->cstar[OTH] == 0.6 && k->cstar[TRA] == 0.4,
               "deep: a later value replaces the base's for the same sector only");
        tap_ok(k->q0[MAN] == 0.2, "deep: q(0) inherited");
        tap_ok(strcmp(clio_scenarios_description(s, 7), "Deeper lockdown") == 0,
               "deep: own description");
    }
    clio_shock_free(base);
    clio_shock_free(k);
    base = resolve(s, "spending_base", t);
    k = resolve(s, "spending_child", t);
    if (base && k) {
        tap_close(dY(base, BUS, HH), -0.2 * Y(t, BUS, HH), RTOL, "base: demand -20%");
        tap_close(dY(k, BUS, HH), -0.3 * Y(t, BUS, HH), RTOL, "child: demand changes add up");
        tap_close(k->dy[BUS], -0.3 * row_sum_Y(t, BUS), RTOL, "child: dy = row sums of dY");
    }
    clio_shock_free(base);
    clio_shock_free(k);
}

static void test_ario(const clio_scenarios *s, const clio_table *t)
{
    clio_shock *k = resolve(s, "flood", t);
    if (!k || !tap_ok(k->capacity_loss && k->recovery_days && k->reconstruction && !k->cstar,
                      "flood: ARIO arrays allocated, IIM ones not")) {
        clio_shock_free(k);
        return;
    }
    clio_ario_params p;
    clio_ario_defaults(&p);
    tap_ok(k->model == CLIO_MODEL_ARIO && k->ario.steps == 100 && k->ario.psi == 0.8 &&
               k->ario.alpha_max == 1.5 && k->ario.inventory_days == p.inventory_days &&
               k->ario.reconstruction_tau == p.reconstruction_tau,
           "flood: parameters set, the rest defaults");
    tap_ok(k->capacity_loss[MAN] == 0.3 && k->capacity_loss[CON] == 0.3 &&
               k->capacity_loss[AGR] == 0,
           "flood: 30%% capacity lost in the industry group");
    tap_ok(k->recovery_days[CON] == 60 && k->recovery_days[MAN] == 180, "flood: recovery days");
    tap_close(k->reconstruction[CON], 500, RTOL, "flood: reconstruction demand");
    clio_shock_free(k);
}

/* ---- a 2-region table: A|s1 A|s2 B|s1 B|s2 ---- */

static clio_table *two_regions(void)
{
    clio_table *t = clio_table_alloc(2, 4, 2, 2, 0);
    const char *sectors[] = {"s1", "s2", "s1", "s2"};
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "A");
    clio_table_set_label(t, CLIO_LABEL_REGION, 1, "B");
    for (size_t i = 0; i < 4; i++) {
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, sectors[i]);
        t->sector_region[i] = i / 2;
    }
    for (size_t c = 0; c < 2; c++) {
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, c, "household");
        t->fd_region[c] = c;
    }
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "imports");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 1, "wages");
    const double Z[16] = {10, 20, 8, 4, 5, 10, 2, 6, 4, 2, 12, 8, 3, 5, 6, 10};
    const double Yv[8] = {50, 40, 30, 20, 10, 20, 40, 60};
    for (size_t k = 0; k < 16; k++)
        t->Z[k] = Z[k];
    for (size_t k = 0; k < 8; k++)
        t->Y[k] = Yv[k];
    for (size_t j = 0; j < 4; j++) {
        t->x[j] = 100 + 20 * (double)j;
        t->V[0 + j * 2] = 10 + (double)j;
        t->V[1 + j * 2] = 30;
    }
    return t;
}

static void test_mrio(void)
{
    clio_table *t = two_regions();
    clio_scenarios *s = NULL;
    clio_error err = {0};
    if (!tap_ok(clio_scenarios_read(FIX "mrio.yaml", &s, &err) == CLIO_OK, "mrio.yaml reads")) {
        tap_diag("%s", err.message);
        clio_table_free(t);
        return;
    }
    double a[4];
    for (size_t i = 0; i < 4; i++)
        a[i] = t->Z[i] / t->x[0]; /* column of A|s1 */
    clio_shock *k = resolve(s, "reshore_a", t);
    if (k && tap_ok(k->ncols == 1 && k->cols[0] == 0, "reshore_a: column A|s1")) {
        tap_close(k->dA[2], -0.5 * a[2], RTOL, "reshore_a: half of B|s1 leaves");
        tap_close(k->dA[0], 0.5 * a[2], RTOL, "reshore_a: ... to A|s1");
        tap_close(k->dA[3], -0.5 * a[3], RTOL, "reshore_a: half of B|s2 leaves");
        tap_close(k->dA[1], 0.5 * a[3], RTOL, "reshore_a: ... to A|s2");
        tap_ok(k->dVc[0] == 0 && k->dVc[1] == 0, "reshore_a: imports row not named: untouched");
    }
    clio_shock_free(k);

    k = resolve(s, "reshore_imports", t);
    if (k && k->ncols == 1) {
        double a0 = a[0] + 0.5 * a[2], a1 = a[1] + 0.5 * a[3], m = 10.0 / 100;
        tap_close(k->dVc[0], -0.5 * m, RTOL, "reshore_imports: imports coefficient halves");
        tap_close(k->dA[0], a0 + 0.5 * m * a0 / (a0 + a1) - a[0], RTOL,
                  "reshore_imports: own region's inputs take it, by their coefficients");
        tap_close(k->dA[2], -0.5 * a[2], RTOL, "reshore_imports: other regions take nothing");
    }
    clio_shock_free(k);

    k = resolve(s, "households_b", t);
    if (k) {
        tap_close(k->dY[0 + 4], 0.1 * t->Y[0 + 4], RTOL, "households_b: A|s1 in B's column");
        tap_close(k->dY[2 + 4], 0.1 * t->Y[2 + 4], RTOL, "households_b: B|s1 in B's column");
        tap_ok(k->dY[0] == 0 && k->dY[1 + 4] == 0 && k->dY[3 + 4] == 0,
               "households_b: other cells untouched (sector without region: every region)");
    }
    clio_shock_free(k);

    k = resolve(s, "all_of_b", t);
    if (k) {
        double sum = t->Y[2] + t->Y[3] + t->Y[6] + t->Y[7];
        tap_close(k->dY[3 + 4], 30 * t->Y[3 + 4] / sum, RTOL, "all_of_b: spread over B's cells");
        tap_ok(k->dY[0] == 0 && k->dY[1] == 0 && k->dY[4] == 0 && k->dY[5] == 0,
               "all_of_b: region A untouched");
    }
    clio_shock_free(k);
    clio_scenarios_free(s);
    clio_table_free(t);
}

/* ---- bad files ---- */

typedef struct bad_case {
    const char *file;
    int resolve; /* 0: reading fails; else resolving scenario resolve - 1 fails */
    int status;
    const char *needle;
} bad_case;

static const bad_case bad_cases[] = {
    {"malformed.yaml", 0, CLIO_EFORMAT, "YAML syntax error"},
    {"not_mapping.yaml", 0, CLIO_EFORMAT, "not_mapping.yaml:1: the scenario file must be a mapping"},
    {"empty.yaml", 0, CLIO_EFORMAT, "empty.yaml: the scenario file is empty"},
    {"unknown_root_key.yaml", 0, CLIO_EFORMAT,
     "unknown_root_key.yaml:1: unknown key 'tables' in the scenario file (expected one of: "
     "table, groups, scenarios)"},
    {"no_scenarios.yaml", 0, CLIO_EFORMAT, "needs the key 'scenarios'"},
    {"empty_scenarios.yaml", 0, CLIO_EFORMAT, "empty_scenarios.yaml:1: 'scenarios' is an empty list"},
    {"no_name.yaml", 0, CLIO_EFORMAT, "no_name.yaml:3: scenario 2 has no 'name'"},
    {"duplicate_name.yaml", 0, CLIO_ELABEL,
     "duplicate_name.yaml:3: duplicate scenario name 'a' (first at line 2)"},
    {"unknown_base.yaml", 0, CLIO_ELABEL,
     "unknown_base.yaml:3: scenario 'a': inherits the unknown scenario 'basis'"},
    {"cycle.yaml", 0, CLIO_EFORMAT, "cycle.yaml:3: scenario 'a': 'inherits' makes a cycle"},
    {"unknown_scenario_key.yaml", 0, CLIO_EFORMAT,
     "unknown_scenario_key.yaml:3: scenario 'a': unknown key 'demnd' in a scenario (expected one "
     "of: name, description"},
    {"unknown_entry_key.yaml", 0, CLIO_EFORMAT,
     "unknown_entry_key.yaml:5: scenario 'a': unknown key 'amount' in a 'demand' entry"},
    {"change_text.yaml", 0, CLIO_EVALUE,
     "change_text.yaml:5: scenario 'a': 'change' must be a number or a percentage such as 10%, "
     "not 'abc'"},
    {"change_nan.yaml", 0, CLIO_EVALUE, "change_nan.yaml:5: scenario 'a': 'change' must be finite"},
    {"change_inf.yaml", 0, CLIO_EVALUE, "'change' must be finite, not '1e999%'"},
    {"change_missing.yaml", 0, CLIO_EFORMAT,
     "change_missing.yaml:4: scenario 'a': a 'demand' entry needs the key 'change'"},
    {"coefficient_absolute.yaml", 0, CLIO_EVALUE,
     ":5: scenario 'a': 'change' must be a percentage such as -10%, not the number '-0.1'"},
    {"reshore_share.yaml", 0, CLIO_EVALUE, ":4: scenario 'a': 'reshore' must be a share in [0, 1]"},
    {"unknown_model.yaml", 0, CLIO_EFORMAT, ":3: scenario 'a': unknown model 'cge'"},
    {"negative_limit.yaml", 0, CLIO_EVALUE, ":5: scenario 'a': 'limit' must not be negative"},
    {"demand_not_list.yaml", 0, CLIO_EFORMAT, ":4: scenario 'a': 'demand' must be a list"},
    {"ario_steps_zero.yaml", 0, CLIO_EVALUE, ":5: scenario 'a': 'steps' must be at least 1"},
    {"ario_psi_percent.yaml", 0, CLIO_EVALUE, "'psi' must be a number, not a percentage"},
    {"window_backwards.yaml", 0, CLIO_EVALUE, "[5, 2] ends before it starts"},
    {"no_such_file.yaml", 0, CLIO_EIO, "cannot open scenario file"},
    {"unknown_sector.yaml", 1, CLIO_ELABEL,
     "unknown_sector.yaml:4: scenario 'a': unknown sector 'mining'"},
    {"unknown_region.yaml", 1, CLIO_ELABEL, "unknown_region.yaml:5: scenario 'a': unknown region 'FR'"},
    {"unknown_group.yaml", 1, CLIO_ELABEL, ":5: scenario 'a': unknown group 'tourism'"},
    {"no_groups_file.yaml", 1, CLIO_ELABEL,
     ":4: scenario 'a': unknown group 'services' (the file names no 'groups:' CSV)"},
    {"missing_groups_file.yaml", 1, CLIO_EIO, "bad/no_such_groups.csv"},
    {"unknown_category.yaml", 1, CLIO_ELABEL,
     ":5: scenario 'a': unknown final-demand category 'investment'"},
    {"unknown_component.yaml", 1, CLIO_ELABEL, ":5: scenario 'a': unknown value-added row 'wages'"},
    {"absolute_limit_group.yaml", 1, CLIO_EVALUE,
     ":6: scenario 'a': an absolute 'limit' needs a selection of exactly one sector, not 3"},
    {"recovery_no_periods.yaml", 1, CLIO_EVALUE,
     ":5: scenario 'a': 'recovery_time' needs 'periods' > 0"},
    {"block_wrong_model.yaml", 1, CLIO_EFORMAT,
     ":4: scenario 'a': 'inoperability' needs model: iim (the model is leontief)"},
    {"window_after_periods.yaml", 1, CLIO_EVALUE, "[0, 90] ends after 'periods' (30)"},
    {"window_entry_backwards.yaml", 0, CLIO_EVALUE,
     "window_entry_backwards.yaml:8: scenario 'backwards': 'periods' [5, 2] ends before it starts"},
    {"window_static_entry.yaml", 1, CLIO_EVALUE,
     "window_static_entry.yaml:6: scenario 'static_with_window': a perturbation's 'periods' "
     "needs the scenario's 'periods' > 0"},
    {"primary_in_leontief.yaml", 1, CLIO_EFORMAT,
     "primary_in_leontief.yaml:4: scenario 'a': model leontief does not use 'primary' entries"},
    {"demand_in_ghosh.yaml", 2, CLIO_EFORMAT,
     "demand_in_ghosh.yaml:4: scenario 'base' (inherited by 'supply'): model ghosh does not use "
     "'demand' entries"},
    {"cut_beyond_demand.yaml", 1, CLIO_EVALUE,
     "cut_beyond_demand.yaml:4: scenario 'too_deep': a cut of 1000 is more than the selected "
     "final demand (149)"},
    {"inherited_error.yaml", 2, CLIO_ELABEL,
     "inherited_error.yaml:4: scenario 'base' (inherited by 'child'): unknown sector 'mining'"},
};

static void test_bad(const clio_table *t)
{
    for (size_t c = 0; c < sizeof bad_cases / sizeof *bad_cases; c++) {
        const bad_case *b = &bad_cases[c];
        char path[256];
        snprintf(path, sizeof path, FIX "bad/%s", b->file);
        clio_error err = {0};
        clio_scenarios *s = (clio_scenarios *)1;
        int status = clio_scenarios_read(path, &s, &err);
        if (b->resolve) {
            if (!tap_ok(status == CLIO_OK, "%s reads", b->file)) {
                tap_diag("%s", err.message);
                continue;
            }
            clio_shock *k = (clio_shock *)1;
            status = clio_scenario_resolve(s, (size_t)b->resolve - 1, t, &k, &err);
            tap_ok(k == NULL, "%s: no shock on failure", b->file);
            clio_scenarios_free(s);
        } else {
            tap_ok(s == NULL, "%s: no scenarios on failure", b->file);
        }
        tap_status(status, b->status, err.message, b->needle, b->file);
    }
}

static void test_arguments(const clio_table *t)
{
    clio_error err = {0};
    clio_scenarios *s = NULL;
    tap_status(clio_scenarios_read(FIX "bad", &s, &err), CLIO_EIO, err.message, "a directory",
               "a directory is not a scenario file");
    tap_status(clio_scenarios_read(NULL, &s, &err), CLIO_EINVAL, err.message, "NULL",
               "NULL path");
    if (clio_scenarios_read(FIX "mrio.yaml", &s, NULL) != CLIO_OK)
        return;
    clio_shock *k = NULL;
    tap_status(clio_scenario_resolve(s, 4, t, &k, &err), CLIO_EINVAL, err.message,
               "no scenario 4 (the file has 4)", "scenario index out of range");
    tap_status(clio_scenario_resolve(s, 0, t, &k, &err), CLIO_ELABEL, err.message,
               "unknown region 'A'", "mrio.yaml on the one-region table: unknown region");
    clio_scenarios_free(s);
    clio_scenarios_free(NULL);
    clio_shock_free(NULL);
    tap_ok(clio_scenarios_count(NULL) == 0 && clio_scenarios_table(NULL) == NULL,
           "NULL scenarios: count 0, no table");
}

int main(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    if (clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err) != CLIO_OK) {
        tap_ok(0, "data/germany_1995 reads: %s", err.message);
        return tap_done();
    }
    clio_scenarios *s = NULL;
    if (tap_ok(clio_scenarios_read(FIX "germany.yaml", &s, &err) == CLIO_OK, "germany.yaml reads")) {
        test_file(s);
        test_empty(s, t);
        test_demand(s, t);
        test_caps(s, t);
        test_technology(s, t);
        test_prices_supply(s, t);
        test_inheritance(s, t);
        test_ario(s, t);
    } else {
        tap_diag("%s", err.message);
    }
    clio_scenarios_free(s);
    test_mrio();
    test_bad(t);
    test_arguments(t);
    clio_table_free(t);
    return tap_done();
}
