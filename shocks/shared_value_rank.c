/* shared_value_rank.c -- weighing the options of a scorecard: criteria
 * normalised min-max across options (1 = best, whatever the direction),
 * a weighted score, a competition ranking ("1224") and the Pareto set
 * (docs/methods-shared-value.md, "Ranking" and "Pareto set"). */
#include "shared_value.h"

#include <math.h>
#include <stdlib.h>

/* Scores closer than this (relative) tie. */
#define SCORE_TIE 1e-12

/* The chosen criteria: those with a weight, or without weights every
 * criterion that is not per cost and has a value for every option. */
static int choose(const clio_scorecard *sc, const double *weights, unsigned char *chosen,
                  clio_error *err)
{
    size_t no = sc->noptions, any = 0;
    double sum = 0;
    for (size_t c = 0; c < sc->ncriteria; c++) {
        if (weights) {
            chosen[c] = !isnan(weights[c]);
            if (chosen[c] && (!(weights[c] >= 0) || !isfinite(weights[c])))
                return clioi_fail(err, CLIO_EVALUE, "criterion '%s': weight %g must be >= 0 "
                                                    "and finite",
                                  sc->criteria[c], weights[c]);
            sum += chosen[c] ? weights[c] : 0;
        } else {
            chosen[c] = !clioi_ends_with(sc->criteria[c], "/cost");
        }
        for (size_t o = 0; chosen[c] && o < no; o++) {
            if (isfinite(sc->value[o + no * c]))
                continue;
            if (weights)
                return clioi_fail(err, CLIO_EVALUE,
                                  "criterion '%s' has no value for option '%s'%s",
                                  sc->criteria[c], sc->options[o],
                                  clioi_ends_with(sc->criteria[c], "/cost")
                                      ? " (it has no cost)"
                                      : "");
            chosen[c] = 0;
        }
        any += chosen[c];
    }
    if (weights && !(sum > 0))
        return clioi_fail(err, CLIO_EVALUE, "the weights add up to %g: give some criterion a "
                                            "positive weight",
                          sum);
    if (!any && no > 0)
        return clioi_fail(err, CLIO_EVALUE, "no criterion to compare the options on");
    return CLIO_OK;
}

/* Min-max normalisation of criterion c, 1 = best (1 for all when every
 * option has the same value). */
static void normalise(clio_scorecard *sc, size_t c)
{
    size_t no = sc->noptions;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t o = 0; o < no; o++) {
        lo = fmin(lo, sc->value[o + no * c]);
        hi = fmax(hi, sc->value[o + no * c]);
    }
    for (size_t o = 0; o < no; o++) {
        double v = sc->value[o + no * c];
        sc->normalised[o + no * c] =
            hi > lo ? (sc->direction[c] > 0 ? v - lo : hi - v) / (hi - lo) : 1.0;
    }
}

/* Whether option p dominates option o on the chosen criteria: at least as
 * good on all, better on one. */
static int dominates(const clio_scorecard *sc, const unsigned char *chosen, size_t p, size_t o)
{
    size_t no = sc->noptions;
    int better = 0;
    for (size_t c = 0; c < sc->ncriteria; c++) {
        if (!chosen[c])
            continue;
        double vp = sc->direction[c] * sc->value[p + no * c];
        double vo = sc->direction[c] * sc->value[o + no * c];
        if (vp < vo)
            return 0;
        better |= vp > vo;
    }
    return better;
}

int clio_scorecard_rank(clio_scorecard *sc, const double *weights, const int *direction,
                        clio_error *err)
{
    size_t no = sc->noptions, nc = sc->ncriteria;
    for (size_t c = 0; direction && c < nc; c++)
        if (direction[c] != 1 && direction[c] != -1)
            return clioi_fail(err, CLIO_EINVAL, "criterion '%s': direction %d is not +1 or -1",
                              sc->criteria[c], direction[c]);
    unsigned char *chosen = clioi_calloc_array(nc, 1);
    if (!chosen)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = choose(sc, weights, chosen, err);
    if (status != CLIO_OK) {
        free(chosen);
        return status;
    }
    double sum = 0;
    for (size_t c = 0; c < nc; c++) {
        if (direction && chosen[c])
            sc->direction[c] = direction[c];
        sum += weights && chosen[c] ? weights[c] : 0;
    }
    sc->weighted = weights != NULL;
    for (size_t c = 0; c < nc; c++) {
        sc->weight[c] = weights && chosen[c] ? weights[c] / sum : NAN;
        for (size_t o = 0; o < no; o++)
            sc->normalised[o + no * c] = NAN;
        if (chosen[c])
            normalise(sc, c);
    }
    for (size_t o = 0; o < no; o++) {
        double s = 0;
        for (size_t c = 0; weights && c < nc; c++)
            s += chosen[c] ? sc->weight[c] * sc->normalised[o + no * c] : 0;
        sc->score[o] = weights ? s : NAN;
    }
    for (size_t o = 0; o < no; o++) {
        size_t above = 0;
        for (size_t p = 0; weights && p < no; p++)
            above += sc->score[p] > sc->score[o] + SCORE_TIE * (1 + fabs(sc->score[o]));
        sc->rank[o] = weights ? 1 + above : 0;
        sc->pareto[o] = 1;
        for (size_t p = 0; p < no && sc->pareto[o]; p++)
            if (p != o && dominates(sc, chosen, p, o))
                sc->pareto[o] = 0;
    }
    free(chosen);
    return CLIO_OK;
}
