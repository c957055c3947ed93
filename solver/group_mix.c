/* group_mix.c -- a unit of final demand spread over each group of sectors
 * by the members' output or final-demand mix: the demand vectors behind
 * cluster multipliers, cluster-by-cluster linkages and the intensities of
 * clusters. */
#include "clioi.h"

#include <string.h>

/* Sector i's weight in a group: its output, or its final demand summed
 * over categories; negative amounts (inventory draw-downs) count as 0. */
static double member_weight(const clio_table *t, size_t i, int mix)
{
    double w = 0.0;
    if (mix == CLIO_MIX_OUTPUT)
        w = t->x[i];
    else
        for (size_t k = 0; k < t->nfd; k++)
            w += t->Y[i + t->n * k];
    return w > 0.0 ? w : 0.0;
}

int clio_group_mix(const clio_table *t, const clio_groups *g, int mix, double *W, size_t ldw,
                   clio_error *err)
{
    if (mix != CLIO_MIX_OUTPUT && mix != CLIO_MIX_FINAL_DEMAND)
        return clioi_fail(err, CLIO_EINVAL, "unknown group mix %d", mix);
    if (ldw < t->n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ldw, t->n);
    for (size_t k = 0; k < g->ngroups; k++) {
        double *w = W + ldw * k, total = 0.0;
        memset(w, 0, t->n * sizeof *w);
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
            total += member_weight(t, g->members[p], mix);
        if (!(total > 0.0))
            return clioi_fail(err, CLIO_EVALUE, "group '%s': its members have no %s to weight by",
                              g->names[k], mix == CLIO_MIX_OUTPUT ? "output" : "final demand");
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
            w[g->members[p]] = member_weight(t, g->members[p], mix) / total;
    }
    return CLIO_OK;
}
