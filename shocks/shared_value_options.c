/* shared_value_options.c -- the policy options of a scorecard: every
 * scenario of a scenario file (solved together by clio_scenarios_run),
 * or one unit of demand money per cluster spread by its output or
 * final-demand mix.  Each becomes the change of every account by sector
 * (clioi_sv_changes), from which shared_value.c builds the criteria. */
#include "shared_value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copy scenario deltas of the table's accounts into ch. */
static int copy_scenarios(const clio_scenarios *s, const clio_table *t,
                          const clio_scenario_results *r, clioi_sv_changes *ch, clio_error *err)
{
    const clio_result *l = r->labels;
    size_t na = ch->na, n = t->n;
    size_t *acc = malloc(na * sizeof *acc);
    if (!acc)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    acc[0] = clioi_find_label(l->accounts, l->naccounts, "output");
    for (size_t v = 0; v < t->nva; v++)
        acc[1 + v] = clioi_find_label(l->accounts, l->naccounts, t->va_names[v]);
    for (size_t k = 0; k < t->nsat; k++)
        acc[1 + t->nva + k] = clioi_find_label(l->accounts, l->naccounts, t->sat_names[k]);
    size_t fd = clioi_find_label(l->accounts, l->naccounts, "final_demand");
    int status = CLIO_OK;
    for (size_t a = 0; a < na && status == CLIO_OK; a++)
        if (acc[a] == CLIO_NONE || l->nrows != n)
            status = clioi_fail(err, CLIO_EINVAL, "scenario results lack account %zu", a);
    for (size_t o = 0; status == CLIO_OK && o < r->nscenarios; o++) {
        int any = 0;
        for (size_t i = 0; i < n; i++) {
            const double *d = r->delta + l->naccounts * (i + n * o);
            for (size_t a = 0; a < na; a++)
                ch->delta[i + n * (a + na * o)] = d[acc[a]];
            if (fd != CLIO_NONE && d[fd] != 0 && t->sector_region[i] < t->nregions) {
                ch->target[t->sector_region[i] + t->nregions * o] = 1;
                any = 1;
            }
        }
        for (size_t g = 0; !any && g < t->nregions; g++) /* no demand change: everywhere */
            ch->target[g + t->nregions * o] = 1;
        ch->cost[o] = clio_scenarios_cost(s, o);
        const char *desc = clio_scenarios_description(s, o);
        if (!(ch->names[o] = clioi_strdup(clio_scenarios_name(s, o))) ||
            (desc && !(ch->descriptions[o] = clioi_strdup(desc))))
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    free(acc);
    return status;
}

int clio_scorecard_from_scenarios(const clio_scenarios *s, const clio_table *t,
                                  const clio_leontief *f, const clio_households *h,
                                  const clio_scorecard_options *o, clio_scorecard **out,
                                  clio_error *err)
{
    *out = NULL;
    clio_scenario_results *r = NULL;
    int status = clio_scenarios_run(s, t, f, h, &r, err);
    if (status != CLIO_OK)
        return status;
    clioi_sv_changes ch;
    if (clioi_sv_changes_alloc(&ch, t, r->nscenarios) != CLIO_OK) {
        clio_scenario_results_free(r);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    status = copy_scenarios(s, t, r, &ch, err);
    if (status == CLIO_OK)
        status = clioi_sv_build(t, &ch, o, out, err);
    clioi_sv_changes_free(&ch);
    clio_scenario_results_free(r);
    return status;
}

/* Option g: amount spread over group g by W's column, solved. */
static int group_option(const clio_table *t, const clio_leontief *f, const clio_households *h,
                        const clio_groups *g, size_t k, const double *w, double amount, int mix,
                        clioi_sv_changes *ch, clio_error *err)
{
    size_t n = t->n, na = ch->na;
    double *df = malloc((n ? n : 1) * sizeof *df);
    if (!df)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        df[i] = amount * w[i];
    clio_result *r = NULL;
    int status = h ? clio_impact_type2(t, f, h, df, &r, err) : clio_impact(t, f, df, &r, err);
    free(df);
    if (status != CLIO_OK)
        return status;
    size_t total = clioi_find_label(r->fields, r->nfields, "total");
    for (size_t a = 0; a < na; a++)
        for (size_t i = 0; i < n; i++)
            ch->delta[i + n * (a + na * k)] = clio_result_value(r, i, a, total);
    clio_result_free(r);
    for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
        size_t reg = t->sector_region[g->members[p]];
        if (reg < t->nregions)
            ch->target[reg + t->nregions * k] = 1;
    }
    char desc[160];
    snprintf(desc, sizeof desc, "%g of final demand spread over cluster '%.60s' by its %s mix",
             amount, g->names[k], mix == CLIO_MIX_OUTPUT ? "output" : "final-demand");
    ch->cost[k] = amount;
    if (!(ch->names[k] = clioi_strdup(g->names[k])) ||
        !(ch->descriptions[k] = clioi_strdup(desc)))
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    return CLIO_OK;
}

int clio_scorecard_from_groups(const clio_table *t, const clio_leontief *f,
                               const clio_households *h, const clio_groups *g, int mix,
                               double amount, const clio_scorecard_options *o,
                               clio_scorecard **out, clio_error *err)
{
    *out = NULL;
    if (!(amount > 0) || !isfinite(amount))
        return clioi_fail(err, CLIO_EVALUE, "the amount per cluster must be > 0 and finite, "
                                            "not %g",
                          amount);
    if (!g || g->ngroups == 0)
        return clioi_fail(err, CLIO_EINVAL, "no clusters");
    size_t n = t->n;
    double *W = clioi_alloc_matrix(n ? n : 1, g->ngroups);
    if (!W)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = clio_group_mix(t, g, mix, W, n ? n : 1, err);
    clioi_sv_changes ch = {0};
    if (status == CLIO_OK && clioi_sv_changes_alloc(&ch, t, g->ngroups) != CLIO_OK) {
        free(W);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    for (size_t k = 0; status == CLIO_OK && k < g->ngroups; k++)
        status = group_option(t, f, h, g, k, W + (n ? n : 1) * k, amount, mix, &ch, err);
    if (status == CLIO_OK)
        status = clioi_sv_build(t, &ch, o, out, err);
    clioi_sv_changes_free(&ch);
    free(W);
    return status;
}
