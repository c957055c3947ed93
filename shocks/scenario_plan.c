/* scenario_plan.c -- what a scenario needs, read from the parsed file
 * without resolving it against a table: its model, which kinds of change
 * it has (its bases' included) and the length of its time series.  The
 * scenario run sizes its results from this before it solves anything. */
#include "scenario.h"

#include <string.h>

void clioi_scn_plan_of(const clio_scenarios *s, size_t i, clioi_scn_plan *p)
{
    memset(p, 0, sizeof *p);
    p->model = CLIO_MODEL_LEONTIEF;
    int have_model = 0, have_periods = 0, have_steps = 0;
    clio_ario_params defaults;
    clio_ario_defaults(&defaults);
    p->ario_steps = defaults.steps;
    for (size_t b = i, hops = 0; b != CLIO_NONE && hops < s->count; b = s->items[b].base, hops++) {
        const clioi_scenario *sc = &s->items[b];
        if (!have_model && sc->has_model) {
            p->model = sc->model;
            have_model = 1;
        }
        if (!have_periods && sc->has_periods) {
            p->periods = sc->periods;
            have_periods = 1;
        }
        for (size_t f = 0; f < CLIOI_SCN_ARIO_FIELDS && !have_steps; f++)
            if ((sc->ario_set & (1u << f)) && strcmp(clioi_scn_ario_fields[f].name, "steps") == 0) {
                p->ario_steps = sc->ario.steps;
                have_steps = 1;
            }
        for (size_t e = 0; e < sc->nentries; e++)
            switch (sc->entries[e].list) {
            case CLIOI_SCN_DEMAND: p->demand = 1; break;
            case CLIOI_SCN_CAPACITY: p->caps = 1; break;
            case CLIOI_SCN_COEFFICIENT:
            case CLIOI_SCN_RESHORE: p->coefficients = 1; break;
            case CLIOI_SCN_COST: p->costs = 1; break;
            default: break;
            }
    }
}
