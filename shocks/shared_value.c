/* shared_value.c -- the shared-value scorecard: per policy option, the
 * economic, social and environmental outcomes it causes, each also per
 * unit of public money.  Which satellite counts as jobs or as an
 * environmental pressure follows a documented name rule
 * (docs/methods-shared-value.md, "Criteria"). */
#include "shared_value.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

clio_scorecard *clio_scorecard_alloc(size_t noptions, size_t ncriteria)
{
    clio_scorecard *sc = calloc(1, sizeof *sc);
    if (!sc)
        return NULL;
    sc->noptions = noptions;
    sc->ncriteria = ncriteria;
    sc->options = clioi_calloc_array(noptions, sizeof *sc->options);
    sc->descriptions = clioi_calloc_array(noptions, sizeof *sc->descriptions);
    sc->criteria = clioi_calloc_array(ncriteria, sizeof *sc->criteria);
    sc->units = clioi_calloc_array(ncriteria, sizeof *sc->units);
    sc->kind = clioi_calloc_array(ncriteria, sizeof *sc->kind);
    sc->direction = clioi_calloc_array(ncriteria, sizeof *sc->direction);
    sc->cost = clioi_calloc_array(noptions, sizeof *sc->cost);
    sc->value = clioi_calloc_array(noptions * ncriteria, sizeof *sc->value);
    sc->weight = clioi_calloc_array(ncriteria, sizeof *sc->weight);
    sc->normalised = clioi_calloc_array(noptions * ncriteria, sizeof *sc->normalised);
    sc->score = clioi_calloc_array(noptions, sizeof *sc->score);
    sc->rank = clioi_calloc_array(noptions, sizeof *sc->rank);
    sc->pareto = clioi_calloc_array(noptions, sizeof *sc->pareto);
    if (!sc->options || !sc->descriptions || !sc->criteria || !sc->units || !sc->kind ||
        !sc->direction || !sc->cost || !sc->value || !sc->weight || !sc->normalised ||
        !sc->score || !sc->rank || !sc->pareto) {
        clio_scorecard_free(sc);
        return NULL;
    }
    for (size_t c = 0; c < ncriteria; c++) {
        sc->direction[c] = 1;
        sc->weight[c] = NAN;
    }
    for (size_t k = 0; k < noptions * ncriteria; k++)
        sc->value[k] = sc->normalised[k] = NAN;
    for (size_t o = 0; o < noptions; o++)
        sc->cost[o] = sc->score[o] = NAN;
    return sc;
}

void clio_scorecard_free(clio_scorecard *sc)
{
    if (!sc)
        return;
    clioi_free_labels(sc->options, sc->noptions);
    clioi_free_labels(sc->descriptions, sc->noptions);
    clioi_free_labels(sc->criteria, sc->ncriteria);
    clioi_free_labels(sc->units, sc->ncriteria);
    clioi_free_labels(sc->kind, sc->ncriteria);
    free(sc->direction);
    free(sc->cost);
    free(sc->value);
    free(sc->weight);
    free(sc->normalised);
    free(sc->score);
    free(sc->rank);
    free(sc->pareto);
    free(sc->unit);
    free(sc);
}

size_t clio_scorecard_find(const clio_scorecard *sc, const char *name)
{
    return clioi_find_label(sc->criteria, sc->ncriteria, name);
}

int clioi_sv_changes_alloc(clioi_sv_changes *c, const clio_table *t, size_t noptions)
{
    memset(c, 0, sizeof *c);
    c->n = t->n;
    c->na = 1 + t->nva + t->nsat;
    c->noptions = noptions;
    c->names = clioi_calloc_array(noptions, sizeof *c->names);
    c->descriptions = clioi_calloc_array(noptions, sizeof *c->descriptions);
    c->cost = clioi_calloc_array(noptions, sizeof *c->cost);
    c->delta = clioi_calloc_array(t->n * c->na * noptions, sizeof *c->delta);
    c->target = clioi_calloc_array(t->nregions * noptions, 1);
    if (!c->names || !c->descriptions || !c->cost || !c->delta || !c->target) {
        clioi_sv_changes_free(c);
        return CLIO_ENOMEM;
    }
    return CLIO_OK;
}

void clioi_sv_changes_free(clioi_sv_changes *c)
{
    clioi_free_labels(c->names, c->noptions);
    clioi_free_labels(c->descriptions, c->noptions);
    free(c->cost);
    free(c->delta);
    free(c->target);
    memset(c, 0, sizeof *c);
}

static const char *const job_words[] = {"employ", "job", "worker", "person", "fte", NULL};
static const char *const total_job_names[] = {"employment", "jobs", "total_employment", NULL};

enum { SAT_JOBS, SAT_ENV, SAT_OTHER };

/* The class of satellite k: the caller's environmental list first, then
 * clio tbl's domains (clioi_satellite_domain), so both commands agree:
 * environmental satellites are SAT_ENV; social ones that count people
 * (not hours or income) are jobs. */
static int satellite_class(const clio_table *t, size_t k, const clio_scorecard_options *o)
{
    for (const char *const *e = o ? o->environmental : NULL; e && *e; e++)
        if (strcmp(*e, t->sat_names[k]) == 0)
            return SAT_ENV;
    int domain = clioi_satellite_domain(t, k);
    if (domain == CLIO_DOMAIN_ENVIRONMENTAL)
        return SAT_ENV;
    if (domain == CLIO_DOMAIN_SOCIAL &&
        (clioi_mentions_any(t->sat_names[k], job_words) ||
         clioi_mentions_any(t->sat_units[k], job_words)) &&
        !strstr(t->sat_names[k], "hour"))
        return SAT_JOBS;
    return SAT_OTHER;
}

/* Satellite k is a part of another satellite, split by type through a
 * bridge ("employment:employees" of "employment"): counting it in a total
 * would count its jobs twice. */
static int is_split_part(const clio_table *t, size_t k)
{
    const char *colon = strrchr(t->sat_names[k], ':');
    if (!colon)
        return 0;
    size_t len = (size_t)(colon - t->sat_names[k]);
    for (size_t j = 0; j < t->nsat; j++)
        if (j != k && strlen(t->sat_names[j]) == len &&
            strncmp(t->sat_names[j], t->sat_names[k], len) == 0)
            return 1;
    return 0;
}

/* The name of satellite k without an extension prefix ("satellites:
 * employment" from a pymrio folder is "employment"); parts keep theirs. */
static const char *base_name(const clio_table *t, size_t k)
{
    const char *colon = strrchr(t->sat_names[k], ':');
    return colon && !is_split_part(t, k) ? colon + 1 : t->sat_names[k];
}

/* One criterion being defined: its account weights over (output, V rows,
 * satellites) and whether only the target regions count. */
typedef struct criterion {
    char *name;
    const char *unit, *kind;
    int direction, additive;
    int kind_of_value; /* SUM, or a ratio computed from two other criteria */
    size_t num, den;   /* ratio: criteria indices */
    double *coef;      /* na: account weights (SUM) */
    int target_only;
} criterion;

enum { SUM, RATIO };

typedef struct builder {
    const clio_table *t;
    size_t na, count, cap;
    criterion *items;
} builder;

/* The table's money unit, "money" when it names none. */
static const char *money_unit(const clio_table *t)
{
    return t->unit && t->unit[0] ? t->unit : "money";
}

static const char *sat_unit(const clio_table *t, size_t k)
{
    return t->sat_units[k] ? t->sat_units[k] : "";
}

static criterion *add(builder *b, const char *prefix, const char *name, const char *unit,
                      const char *kind, int direction)
{
    if (b->count == b->cap) {
        size_t cap = b->cap ? 2 * b->cap : 16;
        criterion *items = realloc(b->items, cap * sizeof *items);
        if (!items)
            return NULL;
        b->items = items;
        b->cap = cap;
    }
    criterion *c = &b->items[b->count];
    memset(c, 0, sizeof *c);
    size_t len = strlen(prefix) + strlen(name) + 1;
    c->name = malloc(len);
    c->coef = clioi_calloc_array(b->na, sizeof *c->coef);
    if (!c->name || !c->coef) {
        free(c->name);
        free(c->coef);
        return NULL;
    }
    snprintf(c->name, len, "%s%s", prefix, name);
    c->unit = unit ? unit : money_unit(b->t);
    c->kind = kind;
    c->direction = direction;
    c->additive = 1;
    b->count++;
    return c;
}

static void builder_free(builder *b)
{
    for (size_t k = 0; k < b->count; k++) {
        free(b->items[k].name);
        free(b->items[k].coef);
    }
    free(b->items);
}

/* Economic criteria: output, value added (V rows that are not imports),
 * its share of all primary inputs, its share in the target regions. */
static int add_economic(builder *b)
{
    const clio_table *t = b->t;
    criterion *c;
    if (!(c = add(b, "", "output", NULL, "economic", 1)))
        return CLIO_ENOMEM;
    c->coef[0] = 1;
    size_t va = b->count;
    if (!(c = add(b, "", "value_added", NULL, "economic", 1)))
        return CLIO_ENOMEM;
    for (size_t v = 0; v < t->nva; v++)
        c->coef[1 + v] = clioi_is_value_added(t->va_names[v]); /* as clio tbl */
    size_t primary = b->count;
    if (!(c = add(b, "", "primary_inputs", NULL, "economic", 1)))
        return CLIO_ENOMEM;
    for (size_t v = 0; v < t->nva; v++)
        c->coef[1 + v] = 1;
    size_t va_target = b->count;
    if (!(c = add(b, "", "value_added_in_target", NULL, "economic", 1)))
        return CLIO_ENOMEM;
    memcpy(c->coef, b->items[va].coef, b->na * sizeof *c->coef);
    c->target_only = 1;
    if (!(c = add(b, "", "va_kept_share", "share", "economic", 1)))
        return CLIO_ENOMEM;
    c->kind_of_value = RATIO, c->additive = 0, c->num = va, c->den = primary;
    if (!(c = add(b, "", "va_target_share", "share", "economic", 1)))
        return CLIO_ENOMEM;
    c->kind_of_value = RATIO, c->additive = 0, c->num = va_target, c->den = va;
    return CLIO_OK;
}

/* Social criteria: jobs in total and by employment satellite, income of
 * every household group and of the lowest-income group. */
static int add_social(builder *b, const clio_scorecard_options *o, clio_error *err)
{
    const clio_table *t = b->t;
    size_t total = CLIO_NONE, njobs = 0;
    for (size_t k = 0; k < t->nsat; k++)
        if (satellite_class(t, k, o) == SAT_JOBS) {
            njobs++;
            for (const char *const *w = total_job_names; *w; w++)
                if (strcmp(base_name(t, k), *w) == 0)
                    total = k;
        }
    criterion *c;
    if (njobs > 0) {
        size_t first = CLIO_NONE;
        for (size_t k = 0; k < t->nsat && first == CLIO_NONE; k++)
            if (satellite_class(t, k, o) == SAT_JOBS)
                first = k;
        if (!(c = add(b, "", "jobs", sat_unit(t, total != CLIO_NONE ? total : first),
                      "social", 1)))
            return CLIO_ENOMEM;
        /* the total account, else every job account that is not a part of
         * another */
        for (size_t k = 0; k < t->nsat; k++)
            if (satellite_class(t, k, o) == SAT_JOBS &&
                (total == CLIO_NONE ? !is_split_part(t, k) : k == total))
                c->coef[1 + t->nva + k] = 1;
        for (size_t k = 0; k < t->nsat; k++) {
            if (satellite_class(t, k, o) != SAT_JOBS || k == total || njobs == 1)
                continue;
            if (!(c = add(b, "jobs:", t->sat_names[k], sat_unit(t, k), "social", 1)))
                return CLIO_ENOMEM;
            c->coef[1 + t->nva + k] = 1;
        }
    }
    const clio_income_distribution *d = o ? o->distribution : NULL;
    if (!d)
        return CLIO_OK;
    if (d->ncomponents != t->nva)
        return clioi_fail(err, CLIO_EDIM,
                          "the income distribution was read for %zu value-added rows, the "
                          "table has %zu",
                          d->ncomponents, t->nva);
    size_t lowest = 0;
    if (o->lowest && (lowest = clioi_find_label(d->groups, d->ngroups, o->lowest)) == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL,
                          "--lowest: the income distribution has no household group '%s'",
                          o->lowest);
    for (size_t g = 0; g <= d->ngroups; g++) {
        size_t src = g < d->ngroups ? g : lowest;
        if (!(c = add(b, g < d->ngroups ? "income:" : "", g < d->ngroups ? d->groups[g]
                                                                          : "income_lowest",
                      NULL, "social", 1)))
            return CLIO_ENOMEM;
        for (size_t v = 0; v < t->nva; v++)
            c->coef[1 + v] = d->share[src + d->ngroups * v];
    }
    return CLIO_OK;
}

/* Environmental satellites (lower is better), then the others. */
static int add_satellites(builder *b, const clio_scorecard_options *o)
{
    const clio_table *t = b->t;
    for (int pass = SAT_ENV; pass <= SAT_OTHER; pass++)
        for (size_t k = 0; k < t->nsat; k++) {
            if (satellite_class(t, k, o) != pass)
                continue;
            criterion *c = add(b, pass == SAT_ENV ? "env:" : "sat:", t->sat_names[k],
                               sat_unit(t, k), pass == SAT_ENV ? "environmental" : "other",
                               pass == SAT_ENV ? -1 : 1);
            if (!c)
                return CLIO_ENOMEM;
            c->coef[1 + t->nva + k] = 1;
        }
    return CLIO_OK;
}

/* The value of a SUM criterion for option o. */
static double sum_value(const clio_table *t, const clioi_sv_changes *ch, const criterion *c,
                        size_t o)
{
    double s = 0;
    for (size_t a = 0; a < ch->na; a++) {
        if (c->coef[a] == 0)
            continue;
        const double *d = ch->delta + ch->n * (a + ch->na * o);
        for (size_t i = 0; i < ch->n; i++)
            if (!c->target_only || (t->sector_region[i] < t->nregions &&
                                    ch->target[t->sector_region[i] + t->nregions * o]))
                s += c->coef[a] * d[i];
    }
    return s;
}

static int any_cost(const clioi_sv_changes *ch)
{
    for (size_t o = 0; o < ch->noptions; o++)
        if (!isnan(ch->cost[o]))
            return 1;
    return 0;
}

/* Copy the criteria (and, with costs, their per-cost twins) into sc. */
static int fill(const clio_table *t, const clioi_sv_changes *ch, const builder *b,
                clio_scorecard *sc)
{
    size_t nb = b->count, no = ch->noptions, col = nb;
    for (size_t k = 0; k < nb; k++) {
        const criterion *c = &b->items[k];
        if (!(sc->criteria[k] = clioi_strdup(c->name)) || !(sc->units[k] = clioi_strdup(c->unit)) ||
            !(sc->kind[k] = clioi_strdup(c->kind)))
            return CLIO_ENOMEM;
        sc->direction[k] = c->direction;
        for (size_t o = 0; o < no; o++)
            sc->value[o + no * k] = c->kind_of_value == SUM ? sum_value(t, ch, c, o) : NAN;
    }
    for (size_t k = 0; k < nb; k++) { /* ratios from their parts */
        const criterion *c = &b->items[k];
        for (size_t o = 0; c->kind_of_value == RATIO && o < no; o++) {
            double num = sc->value[o + no * c->num], den = sc->value[o + no * c->den];
            sc->value[o + no * k] = den != 0 ? num / den : NAN;
        }
    }
    const char *money = money_unit(t);
    for (size_t k = 0; any_cost(ch) && k < nb; k++) {
        const criterion *c = &b->items[k];
        if (!c->additive)
            continue;
        size_t len = strlen(c->name) + sizeof "/cost", ulen = strlen(c->unit) + strlen(money) + 8;
        char *unit = malloc(ulen);
        if (!(sc->criteria[col] = malloc(len)) || !unit || !(sc->kind[col] = clioi_strdup(c->kind))) {
            free(unit);
            return CLIO_ENOMEM;
        }
        snprintf(sc->criteria[col], len, "%s/cost", c->name);
        if (strcmp(c->unit, money) == 0) /* money per money */
            snprintf(unit, ulen, "1");
        else
            snprintf(unit, ulen, "%s per %s", c->unit[0] ? c->unit : "1", money);
        sc->units[col] = unit;
        sc->direction[col] = c->direction;
        for (size_t o = 0; o < no; o++)
            sc->value[o + no * col] = sc->value[o + no * k] / ch->cost[o]; /* NaN: no cost */
        col++;
    }
    for (size_t o = 0; o < no; o++) {
        sc->cost[o] = ch->cost[o];
        if (!(sc->options[o] = clioi_strdup(ch->names[o])) ||
            (ch->descriptions[o] && !(sc->descriptions[o] = clioi_strdup(ch->descriptions[o]))))
            return CLIO_ENOMEM;
    }
    if (!(sc->unit = clioi_strdup(money_unit(t))))
        return CLIO_ENOMEM;
    return CLIO_OK;
}

int clioi_sv_build(const clio_table *t, const clioi_sv_changes *ch,
                   const clio_scorecard_options *o, clio_scorecard **out, clio_error *err)
{
    *out = NULL;
    builder b = {t, ch->na, 0, 0, NULL};
    int status = add_economic(&b);
    if (status == CLIO_OK)
        status = add_social(&b, o, err);
    if (status == CLIO_OK)
        status = add_satellites(&b, o);
    size_t nadd = 0;
    for (size_t k = 0; k < b.count; k++)
        nadd += b.items[k].additive;
    clio_scorecard *sc = NULL;
    if (status == CLIO_OK &&
        !(sc = clio_scorecard_alloc(ch->noptions, b.count + (any_cost(ch) ? nadd : 0))))
        status = CLIO_ENOMEM;
    if (status == CLIO_OK)
        status = fill(t, ch, &b, sc);
    builder_free(&b);
    if (status == CLIO_ENOMEM)
        clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status != CLIO_OK) {
        clio_scorecard_free(sc);
        return status;
    }
    *out = sc;
    return CLIO_OK;
}
