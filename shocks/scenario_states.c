/* scenario_states.c -- the inoperability (IIM) and ARIO parts of a
 * scenario: values by sector (perturbation, initial inoperability,
 * recovery times, capacity losses, recovery days: states, so a later
 * entry replaces an earlier one for the same sector, which lets a scenario
 * override its base; reconstruction demand is money and adds up) and the
 * scalars (target, periods, perturbation window, ARIO parameters),
 * inherited unless the scenario sets them. */
#include "scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The shock's array for list `list`, allocated zero on first use. */
static double **array_of(clio_shock *k, int list)
{
    switch (list) {
    case CLIOI_SCN_PERTURBATION: return &k->cstar;
    case CLIOI_SCN_INITIAL: return &k->q0;
    case CLIOI_SCN_RECOVERY_TIME: return &k->recovery_time;
    case CLIOI_SCN_CAPACITY_LOSS: return &k->capacity_loss;
    case CLIOI_SCN_RECOVERY_DAYS: return &k->recovery_days;
    default: return &k->reconstruction;
    }
}

/* A perturbation for its own periods [from, to): c*(t) of those periods
 * (n x periods, added at run time to the scenario-wide c*). */
static int windowed_perturbation(const clioi_scn_resolver *r, const clioi_scn_entry *e,
                                 clio_shock *k)
{
    size_t n = r->t->n;
    if (k->periods == 0)
        return clioi_scn_resolve_fail(r, CLIO_EVALUE, e->window_line,
                                      "a perturbation's 'periods' needs the scenario's "
                                      "'periods' > 0 (the dynamic model)");
    if (e->to > k->periods)
        return clioi_scn_resolve_fail(r, CLIO_EVALUE, e->window_line,
                                      "'periods' [%zu, %zu] of a perturbation ends after the "
                                      "scenario's 'periods' (%zu)",
                                      e->from, e->to, k->periods);
    if (!k->cstar_t && !(k->cstar_t = clioi_alloc_matrix(n, k->periods)))
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    for (size_t t = e->from; t < e->to; t++)
        for (size_t i = 0; i < n; i++)
            if (r->mask[i])
                k->cstar_t[i + n * t] = e->amount.value;
    return CLIO_OK;
}

int clioi_scn_state_entry(const clioi_scn_resolver *r, const clioi_scn_entry *e, clio_shock *k)
{
    size_t count, n = r->t->n;
    int status = clioi_scn_select(r, &e->sel, r->mask, &count);
    if (status != CLIO_OK)
        return status;
    if (e->list == CLIOI_SCN_PERTURBATION && e->has_window)
        return windowed_perturbation(r, e, k);
    double **v = array_of(k, e->list);
    int fresh = *v == NULL;
    if (fresh && !(*v = clioi_calloc_array(n, sizeof **v)))
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    /* ARIO: a sector left out of a recovery_days list does not recover,
     * as with no list at all (0 would mean at once) */
    for (size_t i = 0; fresh && e->list == CLIOI_SCN_RECOVERY_DAYS && i < n; i++)
        (*v)[i] = INFINITY;
    if (e->list == CLIOI_SCN_RECONSTRUCTION) { /* money: by output over the selection */
        clioi_scn_spread(n, r->mask, r->t->x, NULL, e->amount.value, *v);
        return CLIO_OK;
    }
    for (size_t i = 0; i < n; i++)
        if (r->mask[i])
            (*v)[i] = e->amount.value;
    return CLIO_OK;
}

static const char *const model_names[] = {"leontief", "ghosh", "iim", "ario"};

/* An inoperability or ario block in a scenario whose model cannot use it
 * would be ignored silently: refused. */
static int check_blocks(const clioi_scn_resolver *r, const clioi_scenario *sc, int model)
{
    const clioi_scn_resolver at = {.s = r->s, .target = r->target, .owner = sc, .err = r->err};
    if (sc->inoperability_line && model != CLIO_MODEL_IIM)
        return clioi_scn_resolve_fail(&at, CLIO_EFORMAT, sc->inoperability_line,
                                      "'inoperability' needs model: iim (the model is %s)",
                                      model_names[model]);
    if (sc->ario_line && model != CLIO_MODEL_ARIO)
        return clioi_scn_resolve_fail(&at, CLIO_EFORMAT, sc->ario_line,
                                      "'ario' needs model: ario (the model is %s)",
                                      model_names[model]);
    return CLIO_OK;
}

/* Which lists each model uses; an entry of another list would be dropped
 * silently, so it is an error (also when inherited from a base with
 * another model). */
static int model_uses(int model, int list)
{
    switch (model) {
    case CLIO_MODEL_LEONTIEF:
        return list == CLIOI_SCN_DEMAND || list == CLIOI_SCN_CAPACITY ||
               list == CLIOI_SCN_COEFFICIENT || list == CLIOI_SCN_RESHORE ||
               list == CLIOI_SCN_COST;
    case CLIO_MODEL_GHOSH: return list == CLIOI_SCN_PRIMARY;
    case CLIO_MODEL_IIM:
        return list == CLIOI_SCN_PERTURBATION || list == CLIOI_SCN_INITIAL ||
               list == CLIOI_SCN_RECOVERY_TIME;
    default:
        return list == CLIOI_SCN_DEMAND || list == CLIOI_SCN_CAPACITY_LOSS ||
               list == CLIOI_SCN_RECOVERY_DAYS || list == CLIOI_SCN_RECONSTRUCTION;
    }
}

static const char *const list_names[] = {
    "demand",       "capacity", "coefficients", "coefficients (reshore)", "costs", "primary",
    "perturbation", "initial",  "recovery_time", "capacity_loss", "recovery_days",
    "reconstruction"};

static int check_entries(const clioi_scn_resolver *r, const clioi_scenario *sc, int model)
{
    const clioi_scn_resolver at = {.s = r->s, .target = r->target, .owner = sc, .err = r->err};
    for (size_t e = 0; e < sc->nentries; e++)
        if (!model_uses(model, sc->entries[e].list))
            return clioi_scn_resolve_fail(&at, CLIO_EFORMAT, sc->entries[e].line,
                                          "model %s does not use '%s' entries (they would be "
                                          "ignored)",
                                          model_names[model], list_names[sc->entries[e].list]);
    return CLIO_OK;
}

static void take_scalars(const clioi_scenario *sc, clio_shock *k, const clioi_scenario **window)
{
    if (sc->has_model)
        k->model = sc->model;
    if (sc->has_target)
        k->recovery_target = sc->target;
    if (sc->has_periods)
        k->periods = sc->periods;
    if (sc->has_window)
        *window = sc;
    for (size_t f = 0; f < CLIOI_SCN_ARIO_FIELDS; f++) {
        if (!(sc->ario_set & (1u << f)))
            continue;
        size_t off = clioi_scn_ario_fields[f].offset;
        size_t size = clioi_scn_ario_fields[f].is_count ? sizeof(size_t) : sizeof(double);
        memcpy((char *)&k->ario + off, (const char *)&sc->ario + off, size);
    }
}

/* The first entry of list `list` in the chain, for messages (or NULL). */
static const clioi_scn_entry *first_entry(const clioi_scenario *const *chain, size_t nchain,
                                          int list, const clioi_scenario **owner)
{
    for (size_t c = 0; c < nchain; c++)
        for (size_t e = 0; e < chain[c]->nentries; e++)
            if (chain[c]->entries[e].list == list) {
                *owner = chain[c];
                return &chain[c]->entries[e];
            }
    return NULL;
}

void clioi_scn_inherit_scalars(const clioi_scenario *const *chain, size_t nchain,
                               clio_shock *k, const clioi_scenario **window)
{
    *window = NULL;
    k->model = CLIO_MODEL_LEONTIEF;
    k->recovery_target = 0.01;
    k->periods = 0;
    clio_ario_defaults(&k->ario);
    for (size_t c = 0; c < nchain; c++)
        take_scalars(chain[c], k, window);
}

int clioi_scn_state_scalars(const clioi_scn_resolver *r, const clioi_scenario *const *chain,
                            size_t nchain, clio_shock *k)
{
    const clioi_scenario *window;
    clioi_scn_inherit_scalars(chain, nchain, k, &window);
    for (size_t c = 0; c < nchain; c++) {
        int status = check_blocks(r, chain[c], k->model);
        if (status == CLIO_OK)
            status = check_entries(r, chain[c], k->model);
        if (status != CLIO_OK)
            return status;
    }
    /* q(0) and recovery times only mean something in the dynamic model. */
    static const int dynamic[] = {CLIOI_SCN_RECOVERY_TIME, CLIOI_SCN_INITIAL};
    static const char *const names[] = {"recovery_time", "initial"};
    for (size_t d = 0; d < 2 && k->periods == 0; d++) {
        const clioi_scenario *owner;
        const clioi_scn_entry *e = first_entry(chain, nchain, dynamic[d], &owner);
        if (e) {
            const clioi_scn_resolver at = {.s = r->s, .target = r->target, .owner = owner,
                                           .err = r->err};
            return clioi_scn_resolve_fail(&at, CLIO_EVALUE, e->line,
                                          "'%s' needs 'periods' > 0 (the dynamic model)",
                                          names[d]);
        }
    }
    k->perturb_from = 0;
    k->perturb_to = k->periods;
    if (window) {
        if (window->to > k->periods) {
            const clioi_scn_resolver at = {.s = r->s, .target = r->target, .owner = window,
                                           .err = r->err};
            return clioi_scn_resolve_fail(&at, CLIO_EVALUE, window->window_line,
                                          "'perturbation_periods' [%zu, %zu] ends after "
                                          "'periods' (%zu)",
                                          window->from, window->to, k->periods);
        }
        k->perturb_from = window->from;
        k->perturb_to = window->to;
    }
    return CLIO_OK;
}
