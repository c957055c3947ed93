/* scenario_plan.c -- what a scenario needs, read from the parsed file
 * without resolving it against a table: its model, which kinds of change
 * it has (its bases' included) and the length of its time series.  The
 * scenario run sizes its results from this before it solves anything;
 * the scalars come from the resolver's own inheritance, so that the plan
 * and the resolved scenario agree. */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

int clioi_scn_plan_of(const clio_scenarios *s, size_t i, clioi_scn_plan *p)
{
    memset(p, 0, sizeof *p);
    const clioi_scenario **chain = clioi_calloc_array(s->count, sizeof *chain);
    if (!chain)
        return CLIO_ENOMEM;
    size_t nchain = clioi_scn_chain(s, i, chain);
    clio_shock k = {0};
    const clioi_scenario *window;
    clioi_scn_inherit_scalars(chain, nchain, &k, &window);
    p->model = k.model;
    p->periods = k.periods;
    p->ario_steps = k.ario.steps;
    for (size_t c = 0; c < nchain; c++)
        for (size_t e = 0; e < chain[c]->nentries; e++)
            switch (chain[c]->entries[e].list) {
            case CLIOI_SCN_DEMAND: p->demand = 1; break;
            case CLIOI_SCN_CAPACITY: p->caps = 1; break;
            case CLIOI_SCN_COEFFICIENT:
            case CLIOI_SCN_RESHORE: p->coefficients = 1; break;
            case CLIOI_SCN_COST: p->costs = 1; break;
            default: break;
            }
    free(chain);
    return CLIO_OK;
}
