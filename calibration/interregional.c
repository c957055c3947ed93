/* interregional.c -- an interregional (multi-regional) table from a
 * national table and the sizes of its regions: each region's output,
 * value added, satellites and final demand are its shares of the national
 * ones; the trade between regions comes from the regionalisation (location
 * quotients or CHARM) and is balanced in interregional_trade.c so that the
 * regions add up to the national table.  docs/methods-regional.md. */
#include "regional.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The regions of the table: the given ones and, where their sizes fall
 * short of the national ones, the rest of the country. */
typedef struct regions {
    size_t G;
    const char **names;
    double *E;  /* n x G sizes */
    double *D;  /* n: sum over the G regions (the national sizes used) */
} regions;

static void free_regions(regions *r)
{
    free(r->names);
    free(r->E);
    free(r->D);
}

static int build_regions(const clio_table *t, size_t nreg, char *const *names,
                         const double *regional, size_t ldr, const double *nat,
                         const char *rest, regions *r, clio_error *err)
{
    size_t n = t->n;
    int add_rest = 0;
    for (size_t i = 0; i < n; i++) {
        double sum = 0;
        for (size_t g = 0; g < nreg; g++)
            sum += regional[i + g * ldr];
        if (!(sum <= nat[i] * (1 + 1e-9)))
            return clioi_fail(err, CLIO_EVALUE,
                              "the regions' sizes of sector '%s' add up to %.17g, more than "
                              "the national %.17g",
                              t->sector_names[i], sum, nat[i]);
        add_rest |= nat[i] - sum > 1e-9 * nat[i];
    }
    r->G = nreg + (size_t)add_rest;
    r->names = clioi_calloc_array(r->G, sizeof *r->names);
    r->E = clioi_calloc_array(n * r->G, sizeof *r->E);
    r->D = clioi_calloc_array(n, sizeof *r->D);
    if (!r->names || !r->E || !r->D)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t g = 0; g < nreg; g++)
        r->names[g] = names[g];
    if (add_rest)
        r->names[nreg] = rest;
    for (size_t i = 0; i < n; i++) {
        double sum = 0;
        for (size_t g = 0; g < nreg; g++)
            sum += r->E[i + g * n] = regional[i + g * ldr];
        if (add_rest)
            sum += r->E[i + nreg * n] = fmax(nat[i] - sum, 0);
        r->D[i] = sum;
    }
    for (size_t g = 0; g < r->G; g++)
        if (!r->names[g] || !*r->names[g])
            return clioi_fail(err, CLIO_EINVAL, "region %zu has no name", g + 1);
    return clioi_check_unique((char *const *)r->names, r->G, "region", err);
}

/* Output shares share[j + g n], final-demand shares fshare[g] (the last
 * region takes what the others leave, so they add up to one) and the
 * regional outputs xr. */
static void shares(const clio_table *t, const regions *r, double *share, double *fshare,
                   double *xr)
{
    size_t n = t->n, G = r->G;
    double Dtot = 0, fsum = 0;
    for (size_t i = 0; i < n; i++)
        Dtot += r->D[i];
    for (size_t g = 0; g < G; g++) {
        double eg = 0;
        for (size_t i = 0; i < n; i++)
            eg += r->E[i + g * n];
        fshare[g] = g + 1 < G ? eg / Dtot : fmax(1 - fsum, 0);
        fsum += fshare[g];
    }
    for (size_t j = 0; j < n; j++) {
        double ssum = 0, xsum = 0;
        for (size_t g = 0; g < G; g++) {
            double sg = g + 1 < G ? r->E[j + g * n] / r->D[j] : fmax(1 - ssum, 0);
            share[j + g * n] = sg;
            ssum += sg;
            xr[j + g * n] = g + 1 < G ? t->x[j] * sg : fmax(t->x[j] - xsum, 0);
            xsum += xr[j + g * n];
        }
    }
}

/* Own-supply priors from location quotients: min(LQ_ij, 1) for sectors,
 * the final-demand LQ for final users, survey coefficients where given;
 * none of a product the region does not make. */
static void own_lq(const clio_table *t, const regions *r, size_t g,
                   const clio_interregional_options *opt, const double *rpc, double *slq,
                   double *own)
{
    size_t n = t->n, nc = n + t->nfd;
    double ratio;
    clioi_slq(n, r->E + g * n, r->D, slq, &ratio);
    double lambda = clioi_flq_lambda(ratio, opt->delta);
    for (size_t c = 0; c < nc; c++)
        for (size_t i = 0; i < n; i++) {
            double lq = c < n ? clioi_lq_cell(opt->method, slq, lambda, i, c)
                              : clioi_lq_final_demand(opt->method, slq, lambda, i);
            double rho = fmin(lq, 1.0);
            if (c < n && rpc && !isnan(rpc[i + c * n]))
                rho = rpc[i + c * n];
            own[i + c * n] = r->E[i + g * n] > 0 ? rho : 0;
        }
}

/* Own-supply priors by CHARM (Kronenberg 2009): with regional output x,
 * demand d at national technology, balance b = x - d and cross-hauling
 * q = min(h (x + d), 2 min(x, d)), imports are (|b| + q - b) / 2 and the
 * region supplies itself d - imports = min(x, d) - q / 2 of d, the same
 * share for every user. */
static void own_charm(const clio_table *t, const double *share, const double *fshare,
                      const double *xr, size_t g, double h, double *own)
{
    size_t n = t->n, nfd = t->nfd, nc = n + nfd;
    for (size_t i = 0; i < n; i++) {
        double d = 0;
        for (size_t j = 0; j < n; j++)
            d += t->Z[i + j * n] * share[j + g * n];
        for (size_t k = 0; k < nfd; k++)
            d += fmax(t->Y[i + k * n], 0) * fshare[g];
        double x = xr[i + g * n], lo = fmin(x, d);
        double q = fmin(h * (x + d), 2 * lo);
        double rho = d > 0 ? (lo - q / 2) / d : 0;
        for (size_t c = 0; c < nc; c++)
            own[i + c * n] = fmin(fmax(rho, 0), 1);
    }
}

static int set_labels(clio_table *m, const clio_table *t, const regions *r,
                      const clio_interregional_options *opt)
{
    size_t n = t->n, nfd = t->nfd;
    int bad = 0;
    for (size_t g = 0; g < r->G; g++) {
        bad |= clio_table_set_label(m, CLIO_LABEL_REGION, g, r->names[g]);
        for (size_t i = 0; i < n; i++) {
            bad |= clio_table_set_label(m, CLIO_LABEL_SECTOR, g * n + i, t->sector_names[i]);
            m->sector_region[g * n + i] = g;
        }
        for (size_t k = 0; k < nfd; k++) {
            bad |= clio_table_set_label(m, CLIO_LABEL_FINAL_DEMAND, g * nfd + k, t->fd_names[k]);
            m->fd_region[g * nfd + k] = g;
        }
    }
    for (size_t k = 0; k < t->nva; k++)
        bad |= clio_table_set_label(m, CLIO_LABEL_VALUE_ADDED, k, t->va_names[k]);
    for (size_t k = 0; k < t->nsat; k++) {
        bad |= clio_table_set_label(m, CLIO_LABEL_SATELLITE, k, t->sat_names[k]);
        if (t->sat_units[k]) /* units are optional */
            bad |= clio_table_set_label(m, CLIO_LABEL_SATELLITE_UNIT, k, t->sat_units[k]);
    }
    char title[512];
    if (opt->charm)
        snprintf(title, sizeof title, "%zu regions, trade by CHARM (h %g) and RAS%s%s", r->G,
                 opt->heterogeneity, t->title ? ", from: " : "", t->title ? t->title : "");
    else
        snprintf(title, sizeof title, "%zu regions, trade by %s (delta %g) and RAS%s%s", r->G,
                 clio_lq_method_name(opt->method), opt->delta, t->title ? ", from: " : "",
                 t->title ? t->title : "");
    m->title = clioi_strdup(title);
    m->unit = clioi_strdup(t->unit);
    m->source = clioi_strdup("clio interregional");
    return bad || !m->title || (t->unit && !m->unit) || !m->source ? CLIO_ENOMEM : CLIO_OK;
}

/* x, V, S per region by output share; SY by final-demand share. */
static void fill_accounts(clio_table *m, const clio_table *t, const regions *r,
                          const double *share, const double *fshare, const double *xr)
{
    size_t n = t->n, N = m->n, nva = t->nva, nsat = t->nsat, nfd = t->nfd;
    (void)N;
    for (size_t g = 0; g < r->G; g++) {
        for (size_t j = 0; j < n; j++) {
            size_t col = g * n + j;
            double sg = share[j + g * n];
            m->x[col] = xr[j + g * n];
            for (size_t k = 0; k < nva; k++)
                m->V[k + col * nva] = t->V[k + j * nva] * sg;
            for (size_t k = 0; k < nsat; k++)
                m->S[k + col * nsat] = t->S[k + j * nsat] * sg;
        }
        for (size_t k = 0; k < nfd; k++)
            for (size_t a = 0; a < nsat; a++)
                m->SY[a + (g * nfd + k) * nsat] = t->SY[a + k * nsat] * fshare[g];
    }
}

static int check_options(const clio_table *t, const clio_interregional_options *opt,
                         clio_error *err)
{
    if (!t || !opt)
        return clioi_fail(err, CLIO_EINVAL, "interregional: a required argument is NULL");
    if (t->nregions != 1)
        return clioi_fail(err, CLIO_EDIM,
                          "an interregional table is built from a one-region (national) "
                          "table, not one of %zu regions",
                          t->nregions);
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    if (!clio_lq_method_name(opt->method))
        return clioi_fail(err, CLIO_EINVAL, "unknown location-quotient method %d", opt->method);
    if (!(opt->delta >= 0 && opt->delta <= 1))
        return clioi_fail(err, CLIO_EINVAL, "delta must lie in [0, 1], not %g", opt->delta);
    if (opt->charm && !(opt->heterogeneity >= 0 && opt->heterogeneity <= 1))
        return clioi_fail(err, CLIO_EINVAL, "the CHARM heterogeneity must lie in [0, 1], not %g",
                          opt->heterogeneity);
    return CLIO_OK;
}

int clio_interregional(const clio_table *national, size_t nregions, char *const *names,
                       const double *regional, size_t ldr, const double *nat,
                       const clio_interregional_options *opt, clio_table **out,
                       clio_error *err)
{
    *out = NULL;
    const clio_table *t = national;
    int status = check_options(t, opt, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n;
    if (nregions == 0 || !names || !regional || !nat || ldr < n)
        return clioi_fail(err, CLIO_EINVAL, "interregional: no regions, or bad sizes");
    regions r = {0};
    clio_table *m = NULL;
    double *share = NULL, *fshare = NULL, *xr = NULL, *own = NULL, *slq = NULL;
    status = build_regions(t, nregions, names, regional, ldr, nat,
                           opt->rest_name ? opt->rest_name : "rest", &r, err);
    for (size_t g = 0; status == CLIO_OK && g < r.G; g++) {
        clio_regional_options ro = {.method = opt->method, .delta = opt->delta,
                                    .rpc = opt->rpc && g < nregions ? opt->rpc[g] : NULL,
                                    .ldrpc = n};
        status = clioi_regional_prepare(t, r.names[g], r.E + g * n, r.D, &ro, err);
    }
    if (status != CLIO_OK)
        goto done;
    size_t G = r.G, nc = n + t->nfd;
    share = clioi_calloc_array(n * G, sizeof *share);
    fshare = clioi_calloc_array(G, sizeof *fshare);
    xr = clioi_calloc_array(n * G, sizeof *xr);
    own = clioi_calloc_array(G * n * nc, sizeof *own);
    slq = clioi_calloc_array(n, sizeof *slq);
    m = clio_table_alloc(G, G * n, G * t->nfd, t->nva, t->nsat);
    if (!share || !fshare || !xr || !own || !slq || !m || set_labels(m, t, &r, opt) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu-region table", G);
        goto done;
    }
    shares(t, &r, share, fshare, xr);
    for (size_t g = 0; g < G; g++) {
        if (opt->charm)
            own_charm(t, share, fshare, xr, g, opt->heterogeneity, own + g * n * nc);
        else
            own_lq(t, &r, g, opt, opt->rpc && g < nregions ? opt->rpc[g] : NULL, slq,
                   own + g * n * nc);
    }
    fill_accounts(m, t, &r, share, fshare, xr);
    clioi_trade_setup setup = {t, G, share, fshare, xr, own};
    status = clioi_trade_balance(&setup, opt, m->Z, m->Y, err);
done:
    free(share);
    free(fshare);
    free(xr);
    free(own);
    free(slq);
    free_regions(&r);
    if (status != CLIO_OK) {
        clio_table_free(m);
        return status;
    }
    *out = m;
    return CLIO_OK;
}
