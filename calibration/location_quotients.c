/* location_quotients.c -- the location-quotient family (SLQ, CILQ, FLQ,
 * AFLQ) from regional and national sizes by sector: the share of a sector
 * in the region over its share in the nation, turned into how much of a
 * national input coefficient the region can supply itself.  Formulas and
 * references in docs/methods-regional.md. */
#include "regional.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const method_names[CLIO_LQ_NMETHODS] = {"slq", "cilq", "flq", "aflq"};

const char *clio_lq_method_name(int method)
{
    return method >= 0 && method < CLIO_LQ_NMETHODS ? method_names[method] : NULL;
}

int clio_lq_method_parse(const char *name, int *method, clio_error *err)
{
    for (int m = 0; name && m < CLIO_LQ_NMETHODS; m++)
        if (strcmp(name, method_names[m]) == 0) {
            *method = m;
            return CLIO_OK;
        }
    return clioi_fail(err, CLIO_EINVAL,
                      "unknown location-quotient method '%s' (slq, cilq, flq or aflq)",
                      name ? name : "(null)");
}

/* The name of sector i for messages: its label, or "sector i+1". */
static const char *sector_label(char *const *names, size_t i, char *buf, size_t len)
{
    if (names && names[i])
        return names[i];
    snprintf(buf, len, "sector %zu", i + 1);
    return buf;
}

int clioi_lq_check(size_t n, char *const *names, const char *region, const double *regional,
                   const double *national, clio_error *err)
{
    const char *in = region ? region : "the region";
    char buf[32];
    double total = 0;
    if (n == 0)
        return clioi_fail(err, CLIO_EINVAL, "location quotients need at least one sector");
    for (size_t i = 0; i < n; i++) {
        const char *s = sector_label(names, i, buf, sizeof buf);
        if (!isfinite(national[i]) || national[i] < 0)
            return clioi_fail(err, CLIO_EVALUE, "national size of sector '%s' is %g", s,
                              national[i]);
        if (national[i] == 0)
            return clioi_fail(err, CLIO_EVALUE,
                              "national size of sector '%s' is zero: its location quotient "
                              "is undefined",
                              s);
        if (!isfinite(regional[i]) || regional[i] < 0)
            return clioi_fail(err, CLIO_EVALUE, "%s: size of sector '%s' is %g", in, s,
                              regional[i]);
        /* A relative slack for sizes that were rounded or summed. */
        if (regional[i] > national[i] * (1 + 1e-12))
            return clioi_fail(err, CLIO_EVALUE,
                              "%s: size of sector '%s' (%.17g) exceeds the national size "
                              "(%.17g)",
                              in, s, regional[i], national[i]);
        total += regional[i];
    }
    if (!(total > 0))
        return clioi_fail(err, CLIO_EVALUE, "%s: every sector has size zero", in);
    return CLIO_OK;
}

void clioi_slq(size_t n, const double *regional, const double *national, double *slq,
               double *ratio)
{
    double er = 0, en = 0;
    for (size_t i = 0; i < n; i++) {
        er += regional[i];
        en += national[i];
    }
    for (size_t i = 0; i < n; i++)
        slq[i] = (regional[i] / er) / (national[i] / en);
    *ratio = er / en;
}

double clioi_flq_lambda(double ratio, double delta)
{
    return pow(log2(1 + ratio), delta);
}

/* The cross-industry quotient SLQ_i / SLQ_j of a buyer j with SLQ sj: no
 * regional supplier gives 0, a buyer absent from the region the limit
 * +Inf (whatever it buys, the region supplies as the nation does). */
static double cross_industry(double si, double sj)
{
    if (si == 0)
        return 0;
    return sj > 0 ? si / sj : INFINITY;
}

/* The LQ of a buyer whose SLQ is sj; diagonal cells use SLQ_i itself. */
static double lq_of_buyer(int method, double si, double sj, int diagonal, double lambda)
{
    double cilq = diagonal ? si : cross_industry(si, sj);
    switch (method) {
    case CLIO_LQ_SLQ: return si;
    case CLIO_LQ_CILQ: return cilq;
    case CLIO_LQ_FLQ: return cilq * lambda;
    default: /* CLIO_LQ_AFLQ */ return sj > 1 ? cilq * lambda * log2(1 + sj) : cilq * lambda;
    }
}

double clioi_lq_cell(int method, const double *slq, double lambda, size_t i, size_t j)
{
    return lq_of_buyer(method, slq[i], slq[j], i == j, lambda);
}

double clioi_lq_final_demand(int method, const double *slq, double lambda, size_t i)
{
    return lq_of_buyer(method, slq[i], 1.0, 0, lambda);
}

int clio_location_quotients(size_t n, const double *regional, const double *national,
                            int method, double delta, double *LQ, size_t ld, clio_error *err)
{
    if (!clio_lq_method_name(method))
        return clioi_fail(err, CLIO_EINVAL, "unknown location-quotient method %d", method);
    if (!(delta >= 0 && delta <= 1))
        return clioi_fail(err, CLIO_EINVAL, "delta must lie in [0, 1], not %g", delta);
    if (ld < n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ld, n);
    int status = clioi_lq_check(n, NULL, NULL, regional, national, err);
    if (status != CLIO_OK)
        return status;
    double *slq = clioi_calloc_array(n, sizeof *slq), ratio;
    if (!slq)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    clioi_slq(n, regional, national, slq, &ratio);
    double lambda = clioi_flq_lambda(ratio, delta);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            LQ[i + j * ld] = clioi_lq_cell(method, slq, lambda, i, j);
    free(slq);
    return CLIO_OK;
}
