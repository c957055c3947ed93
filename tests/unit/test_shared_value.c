/* test_shared_value.c -- cluster effects and the shared-value scorecard:
 * cluster multipliers against the mix-weighted sector multipliers (Type I
 * and II: linearity), the linkage matrix's columns against the cluster
 * output multipliers, the extraction column against clio_extract_groups;
 * a hand-checked ranking and Pareto set; per-cost criteria = value / cost;
 * income to household groups = the distributed value-added change; and
 * every error path (weights, costs, options). */
#include "clio.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t find(char *const *names, size_t count, const char *name)
{
    for (size_t k = 0; k < count; k++)
        if (strcmp(names[k], name) == 0)
            return k;
    return CLIO_NONE;
}

static clio_table *germany(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    if (status != CLIO_OK) {
        printf("Bail out! Germany 1995 does not load: %s\n", err.message);
        exit(2);
    }
    return t;
}

static clio_groups *groups(const clio_table *t, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/groups.csv", tap_dir);
    tap_write_text(path, text);
    clio_groups *g = NULL;
    clio_error err = {0};
    if (clio_groups_read_csv(path, t, &g, &err) != CLIO_OK) {
        printf("Bail out! groups: %s\n", err.message);
        exit(2);
    }
    return g;
}

static const char clusters[] = "sector,group\n"
                               "agriculture,agri_food\n"
                               "manufacturing,industry\n"
                               "construction,built\n"
                               "business_services,built\n"
                               "trade_transport,consumer\n"
                               "other_services,consumer\n";

/* Cluster multipliers = sum_i w_ig (sector multiplier)_i, for every
 * account; field `mfield` of the sector multipliers. */
static void check_linearity(const clio_table *t, const clio_cluster_effects *c,
                            const clio_result *m, const char *mfield, const char *what)
{
    size_t fm = find(m->fields, m->nfields, mfield);
    size_t ft = find(c->effects->fields, c->effects->nfields, "total");
    double worst = 0;
    for (size_t g = 0; g < c->ngroups; g++)
        for (size_t a = 0; a < c->effects->naccounts; a++) {
            double want = 0;
            for (size_t i = 0; i < t->n; i++)
                want += c->w[i + t->n * g] * clio_result_value(m, i, a, fm);
            double got = clio_result_value(c->effects, g, a, ft);
            double rel = fabs(got - want) / fmax(fabs(want), 1e-12);
            worst = fmax(worst, rel);
        }
    tap_ok(worst < 1e-12, "%s: cluster multipliers = mix-weighted sector multipliers, every "
                          "account (worst relative error %.2g)",
           what, worst);
}

static void test_cluster_effects(void)
{
    clio_table *t = germany();
    clio_groups *g = groups(t, clusters);
    clio_error err = {0};
    clio_leontief *f = NULL;
    clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    clio_cluster_effects *c = NULL;
    int status = clio_cluster_effects_compute(t, f, NULL, g, CLIO_MIX_OUTPUT, &c, &err);
    if (!tap_ok(status == CLIO_OK, "Type I cluster effects (%s)", err.message))
        return;
    clio_result *m = NULL;
    clio_multipliers(t, f, &m, &err);
    check_linearity(t, c, m, "effect", "Type I");

    /* The linkage matrix: columns (clusters + rest) sum to the output
     * multipliers (the clusters do not overlap); the diagonal is the
     * output kept inside the cluster. */
    size_t G = c->ngroups, ft = find(c->effects->fields, c->effects->nfields, "total");
    size_t fin = find(c->effects->fields, c->effects->nfields, "in_cluster");
    double worst = 0, worst_diag = 0;
    for (size_t k = 0; k < G; k++) {
        double sum = 0;
        for (size_t h = 0; h <= G; h++)
            sum += c->linkage[h + (G + 1) * k];
        worst = fmax(worst, fabs(sum - clio_result_value(c->effects, k, 0, ft)));
        worst_diag = fmax(worst_diag, fabs(c->linkage[k + (G + 1) * k] -
                                           clio_result_value(c->effects, k, 0, fin)));
    }
    tap_ok(worst < 1e-12, "linkage columns sum to the cluster output multipliers (%.2g)", worst);
    tap_ok(worst_diag < 1e-12, "linkage diagonal = output kept in the cluster (%.2g)",
           worst_diag);
    tap_ok(c->linkage[G] == 0, "every sector is in a cluster: the rest of the economy gets 0");

    /* A one-sector cluster (manufacturing) has the sector's multiplier;
     * its direct effect is 1 (a unit of its own output). */
    size_t ind = find(c->groups, G, "industry"), mf = find(t->sector_names, t->n, "manufacturing");
    tap_close(clio_result_value(c->effects, ind, 0, ft), clio_result_value(m, mf, 0, 1), 1e-13,
              "cluster 'industry' = manufacturing's output multiplier");
    tap_close(clio_result_value(c->effects, ind, 0, 0), 1.0, 1e-15, "direct output effect = 1");

    /* backward index: total / mean total */
    size_t fb = find(c->effects->fields, c->effects->nfields, "backward_index");
    double mean = 0;
    for (size_t k = 0; k < G; k++)
        mean += clio_result_value(c->effects, k, 0, ft) / (double)G;
    tap_close(clio_result_value(c->effects, 0, 0, fb), clio_result_value(c->effects, 0, 0, ft) / mean,
              1e-13, "backward index = multiplier / mean multiplier");

    /* The extraction column is clio_extract_groups' total. */
    clio_result *x = NULL;
    clio_extract_groups(t, f, g, &x, &err);
    size_t fx = find(c->effects->fields, c->effects->nfields, "extraction_total");
    tap_close(clio_result_value(c->effects, 2, 0, fx), clio_result_value(x, 2, 0, 0), 1e-13,
              "extraction_total = clio_extract_groups total (cluster 'built')");
    clio_result_free(x);
    clio_cluster_effects_free(c);

    /* Type II: against the Type II sector multipliers. */
    clio_households *h = NULL;
    status = clio_households_define(t, "compensation_of_employees", "household_consumption", &h,
                                    &err);
    status = status ? status : clio_cluster_effects_compute(t, f, h, g, CLIO_MIX_FINAL_DEMAND, &c,
                                                            &err);
    if (tap_ok(status == CLIO_OK, "Type II cluster effects (%s)", err.message)) {
        clio_result *m2 = NULL;
        clio_multipliers_type2(t, f, h, &m2, &err);
        check_linearity(t, c, m2, "type2_effect", "Type II, final-demand mix");
        size_t fi = find(c->effects->fields, c->effects->nfields, "induced");
        tap_ok(fi != CLIO_NONE && clio_result_value(c->effects, 0, 0, fi) > 0,
               "Type II has a positive induced output effect");
        clio_result_free(m2);
        clio_cluster_effects_free(c);
    }
    clio_households_free(h);
    clio_result_free(m);
    clio_groups_free(g);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* 4 options, 3 criteria (A, B higher is better, C lower is better):
 *   o1 (10, 1, 5)  o2 (5, 5, 5)  o3 (4, 4, 6)  o4 (10, 1, 4)
 * o4 dominates o1 (C lower), o2 dominates o3: Pareto = {o2, o4}.
 * Weights 1, 1, 2 -> 0.25, 0.25, 0.5; normalised A (o1..o4) 1, 1/6, 0, 1;
 * B 0, 1, 0.75, 0; C (6 - v) / 2: 0.5, 0.5, 0, 1.  Scores 0.5, 13/24,
 * 0.1875, 0.75: ranks 3, 2, 4, 1. */
static clio_scorecard *hand_card(void)
{
    clio_scorecard *sc = clio_scorecard_alloc(4, 3);
    const double v[12] = {10, 5, 4, 10, 1, 5, 4, 1, 5, 5, 6, 4};
    const char *crit[3] = {"A", "B", "C"};
    for (size_t o = 0; o < 4; o++) {
        char name[8];
        snprintf(name, sizeof name, "o%zu", o + 1);
        sc->options[o] = strdup(name);
    }
    for (size_t c = 0; c < 3; c++) {
        sc->criteria[c] = strdup(crit[c]);
        sc->units[c] = strdup("1");
        sc->kind[c] = strdup("other");
    }
    sc->direction[2] = -1;
    memcpy(sc->value, v, sizeof v);
    return sc;
}

static void test_ranking(void)
{
    clio_scorecard *sc = hand_card();
    clio_error err = {0};
    const double w[3] = {1, 1, 2};
    int status = clio_scorecard_rank(sc, w, NULL, &err);
    tap_ok(status == CLIO_OK, "rank the hand example (%s)", err.message);
    const double want[4] = {0.5, 13.0 / 24, 0.1875, 0.75};
    const size_t rank[4] = {3, 2, 4, 1};
    const unsigned char pareto[4] = {0, 1, 0, 1};
    for (size_t o = 0; o < 4; o++) {
        tap_close(sc->score[o], want[o], 1e-14, "score by hand");
        tap_ok(sc->rank[o] == rank[o], "o%zu ranks %zu (got %zu)", o + 1, rank[o], sc->rank[o]);
        tap_ok(sc->pareto[o] == pareto[o], "o%zu Pareto-efficient: %d", o + 1, pareto[o]);
    }
    tap_close(sc->normalised[1 + 4 * 0], 1.0 / 6, 1e-14, "min-max normalisation of A for o2");
    tap_close(sc->weight[2], 0.5, 1e-15, "weights normalised to sum 1");

    /* Without weights: no score, Pareto over every criterion (same set). */
    status = clio_scorecard_rank(sc, NULL, NULL, &err);
    tap_ok(status == CLIO_OK && sc->rank[0] == 0 && isnan(sc->score[0]) && sc->pareto[1] &&
               !sc->pareto[0],
           "no weights: no ranking, the same Pareto set");
    /* C made higher-is-better: o3 (C = 6) is no longer dominated by o2. */
    const int dir[3] = {1, 1, 1};
    clio_scorecard_rank(sc, w, dir, &err);
    tap_ok(sc->pareto[2] && sc->pareto[0] && !sc->pareto[3],
           "direction override changes the Pareto set");
    /* Only A chosen: o1 and o4 tie for rank 1; o2 is 3rd. */
    const double wa[3] = {1, NAN, NAN};
    clio_scorecard_rank(sc, wa, NULL, &err);
    tap_ok(sc->rank[0] == 1 && sc->rank[3] == 1 && sc->rank[1] == 3 && sc->pareto[0] &&
               sc->pareto[3] && !sc->pareto[1],
           "ties share a rank; Pareto on the chosen criterion only");
    /* Errors */
    const double neg[3] = {1, -1, 0}, zero[3] = {0, 0, NAN}, inf[3] = {INFINITY, 1, 1};
    tap_status(clio_scorecard_rank(sc, neg, NULL, &err), CLIO_EVALUE, err.message, "'B'",
               "negative weight is refused, naming the criterion");
    tap_status(clio_scorecard_rank(sc, zero, NULL, &err), CLIO_EVALUE, err.message, "add up",
               "all-zero weights are refused");
    tap_status(clio_scorecard_rank(sc, inf, NULL, &err), CLIO_EVALUE, err.message, "'A'",
               "an infinite weight is refused");
    sc->value[2 + 4 * 1] = NAN;
    tap_status(clio_scorecard_rank(sc, w, NULL, &err), CLIO_EVALUE, err.message, "option 'o3'",
               "a chosen criterion without a value names the option");
    clio_scorecard_free(sc);
}

static void test_weights_file(void)
{
    clio_scorecard *sc = hand_card();
    double w[3];
    int d[3];
    clio_error err = {0};
    char path[160];
    snprintf(path, sizeof path, "%s/w.csv", tap_dir);
    tap_write_text(path, "criterion,weight,direction\nA,1,\nC,2,higher\n");
    int status = clio_scorecard_weights_read_csv(path, sc, w, d, &err);
    tap_ok(status == CLIO_OK && w[0] == 1 && isnan(w[1]) && w[2] == 2 && d[2] == 1 && d[0] == 1,
           "weights file: weights, unlisted NaN, direction override (%s)", err.message);
    static const struct {
        const char *text, *needle;
        int status;
        const char *what;
    } bad[] = {
        {"criterion,weight\nA,1\nD,1\n", "w.csv:3: unknown criterion 'D'", CLIO_ELABEL,
         "unknown criterion"},
        {"criterion,weight\nA,1\nA,2\n", "w.csv:3: criterion 'A' is listed twice", CLIO_ELABEL,
         "criterion listed twice"},
        {"criterion,weight\nA,-1\n", "w.csv:2: criterion 'A': weight -1 is negative",
         CLIO_EVALUE, "negative weight"},
        {"criterion,weight\nA,nan\n", "w.csv:2", CLIO_EVALUE, "NaN weight"},
        {"criterion,weight\nA,x\n", "w.csv:2", CLIO_EFORMAT, "weight not a number"},
        {"criterion,weight\nA,0\nB,0\n", "every weight is zero", CLIO_EVALUE, "all zero"},
        {"criterion,weight,direction\nA,1,up\n", "w.csv:2: direction 'up'", CLIO_EFORMAT,
         "bad direction"},
        {"name,weight\nA,1\n", "no column 'criterion'", CLIO_EFORMAT, "missing column"},
        {"criterion,weight\n", "only a header", CLIO_EFORMAT, "no rows"},
        {"criterion,weight\nA,1,2\n", "w.csv:2: 3 fields", CLIO_EFORMAT, "ragged row"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        tap_write_text(path, bad[k].text);
        tap_status(clio_scorecard_weights_read_csv(path, sc, w, d, &err), bad[k].status,
                   err.message, bad[k].needle, bad[k].what);
    }
    snprintf(path, sizeof path, "%s/missing.csv", tap_dir);
    tap_status(clio_scorecard_weights_read_csv(path, sc, w, d, &err), CLIO_EIO, err.message,
               "missing.csv", "a missing weights file");
    clio_scorecard_free(sc);
}

static const char options_yaml[] =
    "scenarios:\n"
    "  - name: build\n"
    "    cost: 500\n"
    "    demand:\n"
    "      - sector: construction\n"
    "        category: gross_capital_formation\n"
    "        change: 1000\n"
    "  - name: serve\n"
    "    demand:\n"
    "      - sector: business_services\n"
    "        change: 1000\n";

static void test_scorecard_germany(void)
{
    clio_table *t = germany();
    clio_error err = {0};
    clio_leontief *f = NULL;
    clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    char path[160], dpath[160];
    snprintf(path, sizeof path, "%s/options.yaml", tap_dir);
    snprintf(dpath, sizeof dpath, "%s/dist.csv", tap_dir);
    tap_write_text(path, options_yaml);
    tap_write_text(dpath, "group,component,share\n"
                          "poor,compensation_of_employees,0.3\n"
                          "rich,compensation_of_employees,0.7\n"
                          "rich,net_operating_surplus,0.9\n");
    clio_scenarios *s = NULL;
    clio_income_distribution *d = NULL;
    clio_scorecard *sc = NULL;
    int status = clio_scenarios_read(path, &s, &err);
    status = status ? status : clio_income_distribution_read_csv(dpath, t, &d, &err);
    tap_ok(status == CLIO_OK && clio_scenarios_cost(s, 0) == 500 &&
               isnan(clio_scenarios_cost(s, 1)),
           "cost: read, NaN when absent (%s)", err.message);
    clio_scorecard_options so = {d, "poor", NULL};
    status = status ? status : clio_scorecard_from_scenarios(s, t, f, NULL, &so, &sc, &err);
    if (!tap_ok(status == CLIO_OK, "scorecard from a scenario file (%s)", err.message))
        return;
    size_t out = clio_scorecard_find(sc, "output"), outc = clio_scorecard_find(sc, "output/cost");
    size_t jobs = clio_scorecard_find(sc, "jobs"), emp = clio_scorecard_find(sc, "jobs:employees");
    tap_ok(out != CLIO_NONE && outc != CLIO_NONE && jobs != CLIO_NONE && emp != CLIO_NONE &&
               clio_scorecard_find(sc, "jobs:employment") == CLIO_NONE,
           "criteria: output, output/cost, jobs (= employment), jobs:employees");
    size_t no = sc->noptions, bad = 0;
    for (size_t c = 0; c < sc->ncriteria; c++) {
        size_t len = strlen(sc->criteria[c]);
        if (len < 6 || strcmp(sc->criteria[c] + len - 5, "/cost") != 0)
            continue;
        char base[128];
        snprintf(base, sizeof base, "%.*s", (int)(len - 5), sc->criteria[c]);
        size_t b = clio_scorecard_find(sc, base);
        bad += b == CLIO_NONE ||
               fabs(sc->value[0 + no * c] - sc->value[0 + no * b] / 500) >
                   1e-15 * fabs(sc->value[0 + no * b]) ||
               !isnan(sc->value[1 + no * c]);
    }
    tap_ok(bad == 0, "every per-cost criterion = value / cost, blank without cost");
    /* The output of 'build' is construction's output multiplier x 1000. */
    clio_result *m = NULL;
    clio_multipliers(t, f, &m, &err);
    size_t cs = find(t->sector_names, t->n, "construction");
    tap_close(sc->value[0 + no * out], 1000 * clio_result_value(m, cs, 0, 1), 1e-12,
              "output of 'build' = 1000 x construction's output multiplier");
    /* Income: poor + rich = CoE + 0.9 NOS changes; lowest = poor. */
    size_t coe = 1 + find(t->va_names, t->nva, "compensation_of_employees");
    size_t nos = 1 + find(t->va_names, t->nva, "net_operating_surplus");
    double want = 1000 * (clio_result_value(m, cs, coe, 1) + 0.9 * clio_result_value(m, cs, nos, 1));
    double got = sc->value[no * clio_scorecard_find(sc, "income:poor")] +
                 sc->value[no * clio_scorecard_find(sc, "income:rich")];
    tap_close(got, want, 1e-12, "income to groups sums to the distributed value-added change");
    tap_ok(sc->value[no * clio_scorecard_find(sc, "income_lowest")] ==
               sc->value[no * clio_scorecard_find(sc, "income:poor")],
           "income_lowest is the --lowest group");
    /* value added excludes imports and taxes on products (as clio tbl) */
    size_t va = clio_scorecard_find(sc, "value_added"), imp = 1 + find(t->va_names, t->nva, "imports");
    size_t tax = 1 + find(t->va_names, t->nva, "taxes_less_subsidies_on_products");
    tap_close(sc->value[no * va] + 1000 * (clio_result_value(m, cs, imp, 1) +
                                           clio_result_value(m, cs, tax, 1)),
              sc->value[no * clio_scorecard_find(sc, "primary_inputs")], 1e-12,
              "value added + imports + taxes on products = primary inputs");
    tap_close(sc->value[no * clio_scorecard_find(sc, "primary_inputs")], 1000, 1e-9,
              "primary inputs = the demand (balanced table)");
    /* Per-cost criteria with a missing cost cannot be weighted. */
    double *w = malloc(sc->ncriteria * sizeof *w);
    for (size_t c = 0; c < sc->ncriteria; c++)
        w[c] = c == outc ? 1 : NAN;
    tap_status(clio_scorecard_rank(sc, w, NULL, &err), CLIO_EVALUE, err.message,
               "has no cost", "weighting a per-cost criterion needs every option's cost");
    free(w);
    clio_scorecard_free(sc);
    so.lowest = "middle";
    tap_status(clio_scorecard_from_scenarios(s, t, f, NULL, &so, &sc, &err), CLIO_ELABEL,
               err.message, "'middle'", "an unknown lowest-income group");

    /* Per cluster: cost = amount, output = amount x cluster multiplier. */
    clio_groups *g = groups(t, clusters);
    so.lowest = NULL;
    status = clio_scorecard_from_groups(t, f, NULL, g, CLIO_MIX_OUTPUT, 1000, &so, &sc, &err);
    if (tap_ok(status == CLIO_OK && sc->noptions == 4, "scorecard per cluster (%s)", err.message)) {
        size_t mf = find(t->sector_names, t->n, "manufacturing");
        tap_close(sc->value[1 + 4 * clio_scorecard_find(sc, "output")],
                  1000 * clio_result_value(m, mf, 0, 1), 1e-12,
                  "cluster 'industry': 1000 x manufacturing's output multiplier");
        tap_ok(sc->cost[0] == 1000, "cost per cluster = amount");
        clio_scorecard_free(sc);
    }
    tap_status(clio_scorecard_from_groups(t, f, NULL, g, CLIO_MIX_OUTPUT, 0, &so, &sc, &err),
               CLIO_EVALUE, err.message, "amount", "amount 0 is refused");
    tap_status(clio_scorecard_from_groups(t, f, NULL, g, CLIO_MIX_OUTPUT, NAN, &so, &sc, &err),
               CLIO_EVALUE, err.message, "amount", "a NaN amount is refused");
    clio_groups_free(g);
    clio_result_free(m);
    clio_income_distribution_free(d);
    clio_scenarios_free(s);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* A two-sector table with an emissions and a jobs satellite. */
static void test_environmental(void)
{
    clio_table *t = clio_table_alloc(1, 2, 1, 1, 2);
    const double Z[4] = {10, 20, 30, 10}, x[2] = {100, 200};
    memcpy(t->Z, Z, sizeof Z);
    memcpy(t->x, x, sizeof x);
    t->Y[0] = 100 - 40, t->Y[1] = 200 - 30;
    t->V[0] = 100 - 30, t->V[1] = 200 - 40;
    t->S[0] = 50, t->S[1] = 5, t->S[2] = 20, t->S[3] = 2; /* co2, workers */
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R");
    t->sector_region[0] = t->sector_region[1] = 0;
    clio_table_set_label(t, CLIO_LABEL_SECTOR, 0, "dirty");
    clio_table_set_label(t, CLIO_LABEL_SECTOR, 1, "clean");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "wages");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "co2");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "t");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 1, "workers");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 1, "persons");
    clio_error err = {0};
    clio_leontief *f = NULL;
    clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    char path[160];
    snprintf(path, sizeof path, "%s/two.csv", tap_dir);
    tap_write_text(path, "sector,group\ndirty,d\nclean,c\n");
    clio_groups *g = NULL;
    if (clio_groups_read_csv(path, t, &g, &err) != CLIO_OK)
        tap_diag("groups: %s", err.message);
    clio_scorecard *sc = NULL;
    int status = clio_scorecard_from_groups(t, f, NULL, g, CLIO_MIX_OUTPUT, 1, NULL, &sc, &err);
    if (tap_ok(status == CLIO_OK, "two-sector scorecard (%s)", err.message)) {
        size_t co2 = clio_scorecard_find(sc, "env:co2"), jobs = clio_scorecard_find(sc, "jobs");
        tap_ok(co2 != CLIO_NONE && sc->direction[co2] == -1 && strcmp(sc->kind[co2], "environmental") == 0,
               "co2 is an environmental criterion, lower is better");
        tap_ok(jobs != CLIO_NONE && strcmp(sc->units[jobs], "persons") == 0,
               "workers (persons) count as jobs");
        clio_scorecard_rank(sc, NULL, NULL, &err);
        /* dirty: more co2 per unit and more jobs; clean: less of both: both efficient */
        tap_ok(sc->pareto[0] && sc->pareto[1], "a trade-off: both options are Pareto-efficient");
        clio_scorecard_free(sc);
    }
    clio_groups_free(g);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* cost: in the scenario parser */
static void test_cost_key(void)
{
    char path[160];
    snprintf(path, sizeof path, "%s/bad.yaml", tap_dir);
    static const struct {
        const char *cost, *needle;
        int status;
    } bad[] = {{"0", "bad.yaml:3: scenario 'a': 'cost' must be > 0", CLIO_EVALUE},
               {"-5", "'cost' must be > 0", CLIO_EVALUE},
               {".nan", "bad.yaml:3", CLIO_EVALUE},
               {"10%", "must be a number", CLIO_EVALUE},
               {"cheap", "bad.yaml:3", CLIO_EVALUE}};
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        char text[256];
        snprintf(text, sizeof text,
                 "scenarios:\n  - name: a\n    cost: %s\n    demand:\n      - change: 1\n",
                 bad[k].cost);
        tap_write_text(path, text);
        clio_scenarios *s = NULL;
        clio_error err = {0};
        tap_status(clio_scenarios_read(path, &s, &err), bad[k].status, err.message,
                   bad[k].needle, "cost: a bad value names file:line");
        clio_scenarios_free(s);
    }
}

int main(void)
{
    tap_scratch_begin("shared-value");
    test_cluster_effects();
    test_ranking();
    test_weights_file();
    test_scorecard_germany();
    test_environmental();
    test_cost_key();
    tap_remove_tree(tap_dir);
    return tap_done();
}
