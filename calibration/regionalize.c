/* regionalize.c -- a one-region table estimated from a national table and
 * the region's sizes by sector (employment or output): regional input
 * coefficients r_ij = a_ij min(LQ_ij, 1), or survey purchase coefficients
 * where given; what the region cannot supply becomes an import row.  See
 * docs/methods-regional.md. */
#include "regional.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define IMPORT_ROW "imports_from_outside_region"
#define NET_EXPORT_COLUMN "net_exports"

int clioi_regional_prepare(const clio_table *national, const char *region,
                           const double *regional, const double *nat,
                           const clio_regional_options *opt, clio_error *err)
{
    if (!national || !regional || !nat || !opt)
        return clioi_fail(err, CLIO_EINVAL, "regionalisation: a required argument is NULL");
    if (national->nregions != 1)
        return clioi_fail(err, CLIO_EDIM,
                          "regionalisation needs a one-region (national) table, not one of "
                          "%zu regions",
                          national->nregions);
    if (!national->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
    if (!clio_lq_method_name(opt->method))
        return clioi_fail(err, CLIO_EINVAL, "unknown location-quotient method %d", opt->method);
    if (!(opt->delta >= 0 && opt->delta <= 1))
        return clioi_fail(err, CLIO_EINVAL, "delta must lie in [0, 1], not %g", opt->delta);
    if (!(opt->fd_share >= 0 && opt->fd_share <= 1))
        return clioi_fail(err, CLIO_EINVAL, "the final-demand share must lie in [0, 1], not %g",
                          opt->fd_share);
    size_t n = national->n;
    if (opt->rpc) {
        if (opt->ldrpc < n)
            return clioi_fail(err, CLIO_EINVAL, "leading dimension of rpc %zu < %zu",
                              opt->ldrpc, n);
        for (size_t j = 0; j < n; j++)
            for (size_t i = 0; i < n; i++) {
                double c = opt->rpc[i + j * opt->ldrpc];
                if (!isnan(c) && !(c >= 0 && c <= 1))
                    return clioi_fail(err, CLIO_EVALUE,
                                      "regional purchase coefficient of '%s' to '%s' is %g, "
                                      "not in [0, 1]",
                                      national->sector_names[i], national->sector_names[j], c);
            }
    }
    return clioi_lq_check(n, national->sector_names, region, regional, nat, err);
}

void clioi_regional_output(const clio_table *national, const double *regional,
                           const double *nat, double *xr)
{
    for (size_t j = 0; j < national->n; j++)
        xr[j] = national->x[j] * (regional[j] / nat[j]);
}

/* r_ij = a_ij min(LQ_ij, 1), or rpc_ij a_ij; sizes already checked. */
static int coefficients(const clio_table *t, const double *regional, const double *nat,
                        const clio_regional_options *opt, double *R, size_t ldr,
                        clio_error *err)
{
    size_t n = t->n;
    double *slq = clioi_calloc_array(n, sizeof *slq), ratio;
    if (!slq)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = clio_coefficients(t, R, ldr, err);
    clioi_slq(n, regional, nat, slq, &ratio);
    double lambda = clioi_flq_lambda(ratio, opt->delta);
    for (size_t j = 0; status == CLIO_OK && j < n; j++)
        for (size_t i = 0; i < n; i++) {
            double rpc = opt->rpc ? opt->rpc[i + j * opt->ldrpc] : NAN;
            if (isnan(rpc))
                rpc = fmin(clioi_lq_cell(opt->method, slq, lambda, i, j), 1.0);
            R[i + j * ldr] *= rpc;
        }
    free(slq);
    return status;
}

int clio_regional_coefficients(const clio_table *national, const double *regional,
                               const double *nat, const clio_regional_options *opt, double *R,
                               size_t ldr, clio_error *err)
{
    int status = clioi_regional_prepare(national, NULL, regional, nat, opt, err);
    if (status != CLIO_OK)
        return status;
    return coefficients(national, regional, nat, opt, R, ldr, err);
}

/* Labels of the regional table: the national ones, the region, and the
 * added import row and net-export column (which must not clash). */
static int set_labels(clio_table *r, const clio_table *t, const char *region, clio_error *err)
{
    if (clioi_find_label(t->va_names, t->nva, IMPORT_ROW) != CLIO_NONE ||
        clioi_find_label(t->fd_names, t->nfd, NET_EXPORT_COLUMN) != CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL,
                          "the national table already has a row '" IMPORT_ROW
                          "' or a column '" NET_EXPORT_COLUMN "'");
    int bad = clio_table_set_label(r, CLIO_LABEL_REGION, 0, region);
    for (size_t i = 0; i < t->n; i++) {
        bad |= clio_table_set_label(r, CLIO_LABEL_SECTOR, i, t->sector_names[i]);
        r->sector_region[i] = 0;
    }
    for (size_t k = 0; k < t->nfd; k++) {
        bad |= clio_table_set_label(r, CLIO_LABEL_FINAL_DEMAND, k, t->fd_names[k]);
        r->fd_region[k] = t->fd_region[k];
    }
    bad |= clio_table_set_label(r, CLIO_LABEL_FINAL_DEMAND, t->nfd, NET_EXPORT_COLUMN);
    for (size_t k = 0; k < t->nva; k++)
        bad |= clio_table_set_label(r, CLIO_LABEL_VALUE_ADDED, k, t->va_names[k]);
    bad |= clio_table_set_label(r, CLIO_LABEL_VALUE_ADDED, t->nva, IMPORT_ROW);
    for (size_t k = 0; k < t->nsat; k++) {
        bad |= clio_table_set_label(r, CLIO_LABEL_SATELLITE, k, t->sat_names[k]);
        if (t->sat_units[k]) /* units are optional */
            bad |= clio_table_set_label(r, CLIO_LABEL_SATELLITE_UNIT, k, t->sat_units[k]);
    }
    return bad ? clioi_fail(err, CLIO_ENOMEM, "out of memory") : CLIO_OK;
}

static int set_metadata(clio_table *r, const clio_table *t, const char *region,
                        const clio_regional_options *opt)
{
    char method[64], title[512];
    if (opt->method == CLIO_LQ_FLQ || opt->method == CLIO_LQ_AFLQ)
        snprintf(method, sizeof method, "%s, delta %g", clio_lq_method_name(opt->method),
                 opt->delta);
    else
        snprintf(method, sizeof method, "%s", clio_lq_method_name(opt->method));
    snprintf(title, sizeof title, "%s, regionalised (%s)%s%s", region, method,
             t->title ? " from: " : "", t->title ? t->title : "");
    r->title = clioi_strdup(title);
    r->unit = clioi_strdup(t->unit);
    r->source = clioi_strdup("clio regionalize (location quotients)");
    return r->title && (r->unit || !t->unit) && r->source ? CLIO_OK : CLIO_ENOMEM;
}

/* The numbers: flows, value added and satellites per unit of output as
 * national, final demand scaled by the share, and the two balancing items. */
static void fill(clio_table *r, const clio_table *t, const double *R, const double *regional,
                 const double *nat, double share)
{
    size_t n = t->n, nva = t->nva, nvr = nva + 1, nfd = t->nfd, nsat = t->nsat;
    clioi_regional_output(t, regional, nat, r->x);
    for (size_t j = 0; j < n; j++) {
        double s = regional[j] / nat[j], imports = 0;
        for (size_t i = 0; i < n; i++) {
            double z = R[i + j * n] * r->x[j];
            r->Z[i + j * n] = z;
            imports += t->Z[i + j * n] * s - z;
        }
        for (size_t k = 0; k < nva; k++)
            r->V[k + j * nvr] = t->V[k + j * nva] * s;
        r->V[nva + j * nvr] = fmax(imports, 0); /* r_ij <= a_ij: only rounding below 0 */
        for (size_t k = 0; k < nsat; k++)
            r->S[k + j * nsat] = t->S[k + j * nsat] * s;
    }
    for (size_t k = 0; k < nfd; k++) {
        for (size_t i = 0; i < n; i++)
            r->Y[i + k * n] = t->Y[i + k * n] * share;
        for (size_t a = 0; a < nsat; a++)
            r->SY[a + k * nsat] = t->SY[a + k * nsat] * share;
    }
    for (size_t i = 0; i < n; i++) {
        double use = 0;
        for (size_t j = 0; j < n; j++)
            use += r->Z[i + j * n];
        for (size_t k = 0; k < nfd; k++)
            use += r->Y[i + k * n];
        r->Y[i + nfd * n] = r->x[i] - use;
    }
}

int clio_regionalize(const clio_table *national, const char *region, const double *regional,
                     const double *nat, const clio_regional_options *opt, clio_table **out,
                     clio_error *err)
{
    *out = NULL;
    if (!region || !*region)
        return clioi_fail(err, CLIO_EINVAL, "the region needs a name");
    int status = clioi_regional_prepare(national, region, regional, nat, opt, err);
    if (status != CLIO_OK)
        return status;
    const clio_table *t = national;
    size_t n = t->n;
    clio_table *r = clio_table_alloc(1, n, t->nfd + 1, t->nva + 1, t->nsat);
    double *R = clioi_alloc_matrix(n, n);
    if (!r || !R) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a %zu-sector table", n);
        goto done;
    }
    if ((status = set_labels(r, t, region, err)) != CLIO_OK)
        goto done;
    if (set_metadata(r, t, region, opt) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if ((status = coefficients(t, regional, nat, opt, R, n ? n : 1, err)) != CLIO_OK)
        goto done;
    double er = 0, en = 0;
    for (size_t i = 0; i < n; i++) {
        er += regional[i];
        en += nat[i];
    }
    fill(r, t, R, regional, nat, opt->fd_share > 0 ? opt->fd_share : er / en);
done:
    free(R);
    if (status != CLIO_OK) {
        clio_table_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
