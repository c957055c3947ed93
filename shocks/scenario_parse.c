/* scenario_parse.c -- one scenario of a scenario file: its keys, its lists
 * of changes (demand, capacity, coefficients, costs, primary) and its
 * inoperability and ARIO blocks, every key checked and every amount
 * checked for its kind (money, percentage, share) where the file is read,
 * so that the line can be named.  Names of sectors are checked later,
 * against a table (scenario_resolve.c). */
#include "scenario.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static const char *const scenario_keys[] = {
    "name",  "description", "inherits",      "model", "demand", "capacity", "coefficients",
    "costs", "primary",     "inoperability", "ario",  "cost",   NULL};
static const char *const demand_keys[] = {"region",   "sector",          "group", "category",
                                          "category_region", "change", NULL};
static const char *const capacity_keys[] = {"region", "sector", "group", "limit", NULL};
static const char *const coefficient_keys[] = {"buyer", "seller", "change", NULL};
static const char *const reshore_keys[] = {"region", "sector", "group", "reshore", "imports", NULL};
static const char *const selector_keys[] = {"region", "sector", "group", NULL};
static const char *const cost_keys[] = {"region", "sector", "group", "component", "change", NULL};
static const char *const primary_keys[] = {"region", "sector", "group", "change", NULL};
static const char *const value_keys[] = {"region", "sector", "group", "value", NULL};
static const char *const perturbation_keys[] = {"region", "sector", "group",
                                                "value",  "periods", NULL};
static const char *const inoperability_keys[] = {"perturbation", "initial", "recovery_time",
                                                 "target",       "periods", "perturbation_periods",
                                                 NULL};
static const char *const model_names[] = {"leontief", "ghosh", "iim", "ario", NULL};

const clioi_scn_ario_field clioi_scn_ario_fields[CLIOI_SCN_ARIO_FIELDS] = {
    {"step_days", offsetof(clio_ario_params, step_days), 0},
    {"steps", offsetof(clio_ario_params, steps), 1},
    {"inventory_days", offsetof(clio_ario_params, inventory_days), 0},
    {"inventory_tau", offsetof(clio_ario_params, inventory_tau), 0},
    {"alpha_max", offsetof(clio_ario_params, alpha_max), 0},
    {"alpha_tau", offsetof(clio_ario_params, alpha_tau), 0},
    {"psi", offsetof(clio_ario_params, psi), 0},
    {"reconstruction_tau", offsetof(clio_ario_params, reconstruction_tau), 0},
};
static const char *const ario_keys[] = {"step_days",     "steps",          "inventory_days",
                                        "inventory_tau", "alpha_max",      "alpha_tau",
                                        "psi",           "reconstruction_tau", "capacity_loss",
                                        "recovery_days", "reconstruction", NULL};

/* A new entry at the end of sc's list (zeroed), or NULL when out of memory. */
static clioi_scn_entry *new_entry(const clioi_scn_parser *p, clioi_scenario *sc, int list,
                                  yaml_node_t *node)
{
    if (sc->nentries == sc->capacity) {
        size_t cap = sc->capacity ? 2 * sc->capacity : 8;
        clioi_scn_entry *e = realloc(sc->entries, cap * sizeof *e);
        if (!e) {
            clioi_fail(p->err, CLIO_ENOMEM, "%s: out of memory", p->path);
            return NULL;
        }
        sc->entries = e;
        sc->capacity = cap;
    }
    clioi_scn_entry *e = &sc->entries[sc->nentries++];
    memset(e, 0, sizeof *e);
    e->list = list;
    e->line = clioi_scn_line(node);
    return e;
}

static int parse_selector(const clioi_scn_parser *p, yaml_node_t *map, clioi_scn_selector *sel)
{
    sel->line = clioi_scn_line(map);
    int status = clioi_scn_get_name(p, map, "region", &sel->region);
    if (status == CLIO_OK)
        status = clioi_scn_get_name(p, map, "sector", &sel->sector);
    if (status == CLIO_OK)
        status = clioi_scn_get_name(p, map, "group", &sel->group);
    return status;
}

/* A required amount `key` of mapping `map`. */
static int require_amount(const clioi_scn_parser *p, yaml_node_t *map, const char *key,
                          const char *where, int allow, clioi_scn_amount *out)
{
    yaml_node_t *node = clioi_scn_lookup(p, map, key);
    if (!node)
        return clioi_scn_fail(p, CLIO_EFORMAT, map, "%s needs the key '%s'", where, key);
    return clioi_scn_amount_of(p, node, key, allow, out);
}

/* ---- the change lists ---- */

static int parse_demand(const clioi_scn_parser *p, yaml_node_t *item, clioi_scn_entry *e)
{
    int status = clioi_scn_check_keys(p, item, "a 'demand' entry", demand_keys);
    if (status == CLIO_OK)
        status = parse_selector(p, item, &e->sel);
    if (status == CLIO_OK)
        status = clioi_scn_get_name(p, item, "category", &e->category);
    if (status == CLIO_OK)
        status = clioi_scn_get_name(p, item, "category_region", &e->category_region);
    if (status == CLIO_OK)
        status = require_amount(p, item, "change", "a 'demand' entry",
                                CLIOI_SCN_NUMBER | CLIOI_SCN_PERCENT, &e->amount);
    if (status == CLIO_OK && e->amount.percent && e->amount.value < -1)
        return clioi_scn_fail(p, CLIO_EVALUE, item,
                              "'change' below -100%% would make final demand change sign");
    return status;
}

static int parse_capacity(const clioi_scn_parser *p, yaml_node_t *item, clioi_scn_entry *e)
{
    int status = clioi_scn_check_keys(p, item, "a 'capacity' entry", capacity_keys);
    if (status == CLIO_OK)
        status = parse_selector(p, item, &e->sel);
    if (status == CLIO_OK)
        status = require_amount(p, item, "limit", "a 'capacity' entry",
                                CLIOI_SCN_NUMBER | CLIOI_SCN_PERCENT, &e->amount);
    if (status == CLIO_OK && e->amount.value < 0)
        return clioi_scn_fail(p, CLIO_EVALUE, clioi_scn_lookup(p, item, "limit"),
                              "'limit' must not be negative");
    return status;
}

static int parse_side(const clioi_scn_parser *p, yaml_node_t *item, const char *key,
                      clioi_scn_selector *sel)
{
    yaml_node_t *node = clioi_scn_lookup(p, item, key);
    if (!node) { /* no buyer (seller): every sector */
        sel->line = clioi_scn_line(item);
        return CLIO_OK;
    }
    char where[32];
    snprintf(where, sizeof where, "'%s'", key);
    int status = clioi_scn_check_keys(p, node, where, selector_keys);
    return status == CLIO_OK ? parse_selector(p, node, sel) : status;
}

static int parse_coefficient(const clioi_scn_parser *p, yaml_node_t *item, clioi_scn_entry *e)
{
    if (clioi_scn_is_mapping(item) && clioi_scn_lookup(p, item, "reshore")) {
        e->list = CLIOI_SCN_RESHORE;
        int status = clioi_scn_check_keys(p, item, "a 'reshore' entry", reshore_keys);
        if (status == CLIO_OK)
            status = parse_selector(p, item, &e->sel);
        if (status == CLIO_OK)
            status = clioi_scn_get_name(p, item, "imports", &e->component);
        if (status == CLIO_OK)
            status = require_amount(p, item, "reshore", "a 'reshore' entry", CLIOI_SCN_SHARE,
                                    &e->amount);
        return status;
    }
    int status = clioi_scn_check_keys(p, item, "a 'coefficients' entry", coefficient_keys);
    if (status == CLIO_OK)
        status = parse_side(p, item, "buyer", &e->sel);
    if (status == CLIO_OK)
        status = parse_side(p, item, "seller", &e->seller);
    if (status == CLIO_OK)
        status = require_amount(p, item, "change", "a 'coefficients' entry", CLIOI_SCN_PERCENT,
                                &e->amount);
    if (status == CLIO_OK && e->amount.value < -1)
        return clioi_scn_fail(p, CLIO_EVALUE, clioi_scn_lookup(p, item, "change"),
                              "'change' below -100%% would make coefficients negative");
    return status;
}

static int parse_cost(const clioi_scn_parser *p, yaml_node_t *item, clioi_scn_entry *e)
{
    int status = clioi_scn_check_keys(p, item, "a 'costs' entry", cost_keys);
    if (status == CLIO_OK)
        status = parse_selector(p, item, &e->sel);
    if (status == CLIO_OK)
        status = clioi_scn_get_name(p, item, "component", &e->component);
    if (status == CLIO_OK)
        status = require_amount(p, item, "change", "a 'costs' entry",
                                e->component.text ? CLIOI_SCN_PERCENT
                                                  : CLIOI_SCN_NUMBER | CLIOI_SCN_PERCENT,
                                &e->amount);
    return status;
}

static int parse_primary(const clioi_scn_parser *p, yaml_node_t *item, clioi_scn_entry *e)
{
    int status = clioi_scn_check_keys(p, item, "a 'primary' entry", primary_keys);
    if (status == CLIO_OK)
        status = parse_selector(p, item, &e->sel);
    if (status == CLIO_OK)
        status = require_amount(p, item, "change", "a 'primary' entry",
                                CLIOI_SCN_NUMBER | CLIOI_SCN_PERCENT, &e->amount);
    return status;
}

/* {selector..., value: V} items of the inoperability and ARIO lists. */
static int parse_value_item(const clioi_scn_parser *p, yaml_node_t *item, const char *where,
                            int allow, clioi_scn_entry *e)
{
    int status = clioi_scn_check_keys(p, item, where, value_keys);
    if (status == CLIO_OK)
        status = parse_selector(p, item, &e->sel);
    if (status == CLIO_OK)
        status = require_amount(p, item, "value", where, allow, &e->amount);
    if (status == CLIO_OK && !(allow & CLIOI_SCN_SHARE) && e->amount.value < 0)
        return clioi_scn_fail(p, CLIO_EVALUE, clioi_scn_lookup(p, item, "value"),
                              "'value' in %s must not be negative", where);
    return status;
}

typedef int (*entry_parser)(const clioi_scn_parser *p, yaml_node_t *item, clioi_scn_entry *e);

/* [from, to] of periods, counts with from <= to. */
static int parse_periods(const clioi_scn_parser *p, yaml_node_t *node, const char *key,
                         size_t *from, size_t *to)
{
    const int *ids;
    if (!clioi_scn_is_sequence(node) || clioi_scn_items(node, &ids) != 2)
        return clioi_scn_fail(p, CLIO_EFORMAT, node, "'%s' must be a list [from, to]", key);
    int status = clioi_scn_count(p, clioi_scn_node(p, ids[0]), key, from);
    if (status == CLIO_OK)
        status = clioi_scn_count(p, clioi_scn_node(p, ids[1]), key, to);
    if (status == CLIO_OK && *from > *to)
        return clioi_scn_fail(p, CLIO_EVALUE, node, "'%s' [%zu, %zu] ends before it starts",
                              key, *from, *to);
    return status;
}

/* A perturbation entry: a share, optionally for its own periods (c*(t)
 * varying in time: several entries, each with its window). */
static int parse_perturbation_item(const clioi_scn_parser *p, yaml_node_t *item,
                                   clioi_scn_entry *e)
{
    const char *where = "a 'perturbation' entry";
    int status = clioi_scn_check_keys(p, item, where, perturbation_keys);
    if (status == CLIO_OK)
        status = parse_selector(p, item, &e->sel);
    if (status == CLIO_OK)
        status = require_amount(p, item, "value", where, CLIOI_SCN_SHARE, &e->amount);
    yaml_node_t *w = status == CLIO_OK ? clioi_scn_lookup(p, item, "periods") : NULL;
    if (w && (status = parse_periods(p, w, "periods", &e->from, &e->to)) == CLIO_OK) {
        e->has_window = 1;
        e->window_line = clioi_scn_line(w);
    }
    return status;
}

/* A list of entries under `key`, each parsed by `parse` (or, when parse is
 * NULL, as a value item of kind `allow`). */
static int parse_list(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node,
                      const char *key, int list, entry_parser parse, int allow)
{
    if (!clioi_scn_is_sequence(node))
        return clioi_scn_fail(p, CLIO_EFORMAT, node, "'%s' must be a list of entries", key);
    const int *ids;
    size_t count = clioi_scn_items(node, &ids);
    char where[64];
    snprintf(where, sizeof where, "a '%s' entry", key);
    for (size_t k = 0; k < count; k++) {
        yaml_node_t *item = clioi_scn_node(p, ids[k]);
        clioi_scn_entry *e = new_entry(p, sc, list, item);
        if (!e)
            return CLIO_ENOMEM;
        int status = parse ? parse(p, item, e) : parse_value_item(p, item, where, allow, e);
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

/* recovery_time / recovery_days: a number (every sector) or a list. */
static int parse_durations(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node,
                           const char *key, int list)
{
    if (clioi_scn_is_sequence(node))
        return parse_list(p, sc, node, key, list, NULL, CLIOI_SCN_NUMBER);
    clioi_scn_entry *e = new_entry(p, sc, list, node);
    if (!e)
        return CLIO_ENOMEM;
    e->sel.line = e->line;
    int status = clioi_scn_amount_of(p, node, key, CLIOI_SCN_NUMBER, &e->amount);
    if (status == CLIO_OK && e->amount.value < 0)
        return clioi_scn_fail(p, CLIO_EVALUE, node, "'%s' must not be negative", key);
    return status;
}

/* perturbation_periods: [from, to]. */
static int parse_window(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node)
{
    int status = parse_periods(p, node, "perturbation_periods", &sc->from, &sc->to);
    sc->has_window = 1;
    sc->window_line = clioi_scn_line(node);
    return status;
}

static int parse_inoperability(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node)
{
    int status = clioi_scn_check_keys(p, node, "'inoperability'", inoperability_keys);
    if (status != CLIO_OK)
        return status;
    sc->inoperability_line = clioi_scn_line(node);
    yaml_node_t *v;
    if ((v = clioi_scn_lookup(p, node, "perturbation")) &&
        (status = parse_list(p, sc, v, "perturbation", CLIOI_SCN_PERTURBATION,
                             parse_perturbation_item, CLIOI_SCN_SHARE)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "initial")) &&
        (status = parse_list(p, sc, v, "initial", CLIOI_SCN_INITIAL, NULL, CLIOI_SCN_SHARE)) !=
            CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "recovery_time")) &&
        (status = parse_durations(p, sc, v, "recovery_time", CLIOI_SCN_RECOVERY_TIME)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "target"))) {
        clioi_scn_amount a;
        if ((status = clioi_scn_amount_of(p, v, "target", CLIOI_SCN_SHARE, &a)) != CLIO_OK)
            return status;
        if (a.value <= 0 || a.value >= 1)
            return clioi_scn_fail(p, CLIO_EVALUE, v,
                                  "'target' must lie strictly between 0 and 1 (0%% .. 100%%)");
        sc->has_target = 1;
        sc->target = a.value;
        sc->target_line = a.line;
    }
    if ((v = clioi_scn_lookup(p, node, "periods"))) {
        if ((status = clioi_scn_count(p, v, "periods", &sc->periods)) != CLIO_OK)
            return status;
        sc->has_periods = 1;
        sc->periods_line = clioi_scn_line(v);
    }
    if ((v = clioi_scn_lookup(p, node, "perturbation_periods")))
        return parse_window(p, sc, v);
    return CLIO_OK;
}

/* One clio_ario_params field: steps a whole number > 0; psi in [0, 1];
 * alpha_max >= 1; the others positive. */
static int parse_ario_field(const clioi_scn_parser *p, clioi_scenario *sc, size_t k,
                            yaml_node_t *v)
{
    const clioi_scn_ario_field *f = &clioi_scn_ario_fields[k];
    char *base = (char *)&sc->ario + f->offset;
    int status;
    if (f->is_count) {
        size_t count;
        if ((status = clioi_scn_count(p, v, f->name, &count)) != CLIO_OK)
            return status;
        if (count == 0)
            return clioi_scn_fail(p, CLIO_EVALUE, v, "'%s' must be at least 1", f->name);
        memcpy(base, &count, sizeof count);
    } else {
        clioi_scn_amount a;
        if ((status = clioi_scn_amount_of(p, v, f->name, CLIOI_SCN_NUMBER, &a)) != CLIO_OK)
            return status;
        int psi = strcmp(f->name, "psi") == 0, alpha = strcmp(f->name, "alpha_max") == 0;
        if (psi ? (a.value < 0 || a.value > 1) : alpha ? a.value < 1 : a.value <= 0)
            return clioi_scn_fail(p, CLIO_EVALUE, v, "'%s' must be %s, not %g", f->name,
                                  psi     ? "in [0, 1]"
                                  : alpha ? "at least 1"
                                          : "positive",
                                  a.value);
        memcpy(base, &a.value, sizeof a.value);
    }
    sc->ario_set |= 1u << k;
    sc->ario_lines[k] = clioi_scn_line(v);
    return CLIO_OK;
}

static int parse_ario(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node)
{
    int status = clioi_scn_check_keys(p, node, "'ario'", ario_keys);
    if (status != CLIO_OK)
        return status;
    sc->ario_line = clioi_scn_line(node);
    yaml_node_t *v;
    for (size_t k = 0; k < CLIOI_SCN_ARIO_FIELDS; k++)
        if ((v = clioi_scn_lookup(p, node, clioi_scn_ario_fields[k].name)) &&
            (status = parse_ario_field(p, sc, k, v)) != CLIO_OK)
            return status;
    if ((v = clioi_scn_lookup(p, node, "capacity_loss")) &&
        (status = parse_list(p, sc, v, "capacity_loss", CLIOI_SCN_CAPACITY_LOSS, NULL,
                             CLIOI_SCN_SHARE)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "recovery_days")) &&
        (status = parse_durations(p, sc, v, "recovery_days", CLIOI_SCN_RECOVERY_DAYS)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "reconstruction")))
        return parse_list(p, sc, v, "reconstruction", CLIOI_SCN_RECONSTRUCTION, NULL,
                          CLIOI_SCN_NUMBER);
    return CLIO_OK;
}

static int parse_model(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node)
{
    const char *text;
    int status = clioi_scn_text(p, node, "model", &text);
    if (status != CLIO_OK)
        return status;
    for (int m = 0; model_names[m]; m++)
        if (strcmp(model_names[m], text) == 0) {
            sc->has_model = 1;
            sc->model = m;
            sc->model_line = clioi_scn_line(node);
            return CLIO_OK;
        }
    return clioi_scn_fail(p, CLIO_EFORMAT, node,
                          "unknown model '%s' (expected one of: leontief, ghosh, iim, ario)", text);
}

/* The change lists in the order of the keys below (not of the file: each
 * list is independent, and within a list the file order is kept). */
static int parse_changes(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node)
{
    static const struct {
        const char *key;
        int list;
        entry_parser parse;
    } lists[] = {{"demand", CLIOI_SCN_DEMAND, parse_demand},
                 {"capacity", CLIOI_SCN_CAPACITY, parse_capacity},
                 {"coefficients", CLIOI_SCN_COEFFICIENT, parse_coefficient},
                 {"costs", CLIOI_SCN_COST, parse_cost},
                 {"primary", CLIOI_SCN_PRIMARY, parse_primary}};
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
        yaml_node_t *v = clioi_scn_lookup(p, node, lists[k].key);
        int status = v ? parse_list(p, sc, v, lists[k].key, lists[k].list, lists[k].parse, 0)
                       : CLIO_OK;
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

/* `cost:` -- the public money a policy option spends (shared-value
 * scorecard), in the table's money unit: a number > 0. */
static int parse_cost_key(const clioi_scn_parser *p, clioi_scenario *sc, yaml_node_t *node)
{
    clioi_scn_amount a;
    int status = clioi_scn_amount_of(p, node, "cost", CLIOI_SCN_NUMBER, &a);
    if (status != CLIO_OK)
        return status;
    if (!(a.value > 0))
        return clioi_scn_fail(p, CLIO_EVALUE, node, "'cost' must be > 0, not %g", a.value);
    sc->cost = a.value;
    return CLIO_OK;
}

double clio_scenarios_cost(const clio_scenarios *s, size_t i)
{
    return s && i < s->count ? s->items[i].cost : NAN;
}

int clioi_scn_parse(const clioi_scn_parser *p, yaml_node_t *node, clioi_scenario *sc)
{
    sc->cost = NAN;
    int status = clioi_scn_check_keys(p, node, "a scenario", scenario_keys);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *v;
    if ((v = clioi_scn_lookup(p, node, "cost")) && (status = parse_cost_key(p, sc, v)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "description")) &&
        (status = clioi_scn_text(p, v, "description", &sc->description)) != CLIO_OK)
        return status;
    if ((status = clioi_scn_get_name(p, node, "inherits", &sc->inherits)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "model")) && (status = parse_model(p, sc, v)) != CLIO_OK)
        return status;
    if ((status = parse_changes(p, sc, node)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "inoperability")) &&
        (status = parse_inoperability(p, sc, v)) != CLIO_OK)
        return status;
    if ((v = clioi_scn_lookup(p, node, "ario")))
        return parse_ario(p, sc, v);
    return CLIO_OK;
}

void clioi_scn_scenario_free(clioi_scenario *sc) { free(sc->entries); }
