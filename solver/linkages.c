/* linkages.c -- backward and forward linkages and key sectors
 * (Rasmussen 1956, Hirschman 1958; Miller & Blair 2009 ch. 12).
 *
 * Direct linkages come from Z and x; total linkages from two solves with the
 * kept factor: column sums of L = (I - A)^-1 by (I - A)' b = 1, row sums of
 * the Ghosh inverse G = xhat^-1 L xhat by (I - A) y = x, g_i = y_i / x_i.
 * The coefficients of variation need every element of L: it is computed in
 * blocks of BLOCK identity columns (one dgetrs per block), each block used
 * for its columns' statistics and its share of every row's statistics of
 * G, then overwritten: O(n^3) time, O(n * BLOCK) memory.  The row means of
 * G are known from the solve before the blocks, so each row's variance is
 * accumulated about its exact mean (no cancellation of sums of squares). */
#include "factor.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    F_DIRECT_BACKWARD,
    F_DIRECT_FORWARD,
    F_TOTAL_BACKWARD,
    F_TOTAL_FORWARD,
    F_BACKWARD_INDEX,
    F_FORWARD_INDEX,
    F_BACKWARD_INDEX_REGION,
    F_FORWARD_INDEX_REGION,
    F_BACKWARD_CV,
    F_FORWARD_CV,
    NFIELDS
};
static const char *const field_names[NFIELDS] = {
    "direct_backward", "direct_forward", "total_backward",        "total_forward",
    "backward_index",  "forward_index",  "backward_index_region", "forward_index_region",
    "backward_cv",     "forward_cv"};

enum { BLOCK = 256 };

/* Scratch of one call. */
typedef struct work {
    double *colsum; /* n: column sums of L (total backward) */
    double *rowsum; /* n: row sums of G (total forward), NaN for zero output */
    double *bcv;    /* n: backward CVs */
    double *fss;    /* n: sums of squared deviations of the rows of G */
    double *invx;   /* n: 1 / x_i, 0 for zero output */
    double *rowz;   /* n: row sums of Z */
    double *colz;   /* n: column sums of Z */
    double *block;  /* n x BLOCK columns of L */
    double *bmean;  /* nregions + 1: means of the total backward linkages */
    double *fmean;  /* nregions + 1: means of the total forward linkages */
    size_t *count;  /* nregions + 1 */
} work;

static void work_free(work *w)
{
    free(w->colsum);
    free(w->rowsum);
    free(w->bcv);
    free(w->fss);
    free(w->invx);
    free(w->rowz);
    free(w->colz);
    free(w->block);
    free(w->bmean);
    free(w->fmean);
    free(w->count);
}

/* The mean of v over all sectors (slot nregions) and over each region's
 * sectors, skipping NaN (undefined) values, into sum. */
static void means(const clio_table *t, const double *v, double *sum, size_t *count)
{
    size_t nr = t->nregions;
    memset(sum, 0, (nr + 1) * sizeof *sum);
    memset(count, 0, (nr + 1) * sizeof *count);
    for (size_t i = 0; i < t->n; i++) {
        if (isnan(v[i]))
            continue;
        sum[nr] += v[i];
        count[nr]++;
        sum[t->sector_region[i]] += v[i];
        count[t->sector_region[i]]++;
    }
    for (size_t r = 0; r <= nr; r++)
        sum[r] = count[r] ? sum[r] / (double)count[r] : NAN;
}

/* Statistics of the elements of L, one block of columns at a time. */
static int element_statistics(const clio_table *t, const clio_leontief *f, work *w,
                              clio_error *err)
{
    size_t n = t->n;
    double denom = n > 1 ? (double)(n - 1) : NAN;
    for (size_t j0 = 0; j0 < n; j0 += BLOCK) {
        size_t nb = n - j0 < BLOCK ? n - j0 : BLOCK;
        memset(w->block, 0, n * nb * sizeof *w->block);
        for (size_t c = 0; c < nb; c++)
            w->block[(j0 + c) + c * n] = 1.0;
        int status = clio_leontief_solve(f, 0, nb, w->block, n, err);
        if (status != CLIO_OK)
            return status;
        for (size_t c = 0; c < nb; c++) {
            const double *col = w->block + c * n;
            size_t j = j0 + c;
            double s = 0, ss = 0;
            for (size_t i = 0; i < n; i++)
                s += col[i];
            double mean = s / (double)n;
            for (size_t i = 0; i < n; i++)
                ss += (col[i] - mean) * (col[i] - mean);
            w->bcv[j] = sqrt(ss / denom) / mean;
            /* G(i,j) = L(i,j) x_j / x_i about the mean of row i of G */
            double xj = t->x[j];
            for (size_t i = 0; i < n; i++) {
                double d = col[i] * xj * w->invx[i] - w->rowsum[i] / (double)n;
                w->fss[i] += d * d;
            }
        }
    }
    return CLIO_OK;
}

static const char *classify(double backward_index, double forward_index)
{
    int b = backward_index > 1, fw = forward_index > 1; /* NaN is not > 1 */
    return b && fw ? "key" : b ? "backward" : fw ? "forward" : "weak";
}

static int fill_result(const clio_table *t, work *w, clio_result *r)
{
    size_t n = t->n, nr = t->nregions;
    means(t, w->colsum, w->bmean, w->count);
    means(t, w->rowsum, w->fmean, w->count);
    for (size_t i = 0; i < n; i++) {
        double *v = &r->values[NFIELDS * i];
        size_t reg = t->sector_region[i];
        double xi = t->x[i];
        v[F_DIRECT_BACKWARD] = xi != 0 ? w->colz[i] / xi : 0.0;
        v[F_DIRECT_FORWARD] = xi != 0 ? w->rowz[i] / xi : NAN;
        v[F_TOTAL_BACKWARD] = w->colsum[i];
        v[F_TOTAL_FORWARD] = w->rowsum[i];
        v[F_BACKWARD_INDEX] = w->colsum[i] / w->bmean[nr];
        v[F_FORWARD_INDEX] = w->rowsum[i] / w->fmean[nr];
        v[F_BACKWARD_INDEX_REGION] = w->colsum[i] / w->bmean[reg];
        v[F_FORWARD_INDEX_REGION] = w->rowsum[i] / w->fmean[reg];
        v[F_BACKWARD_CV] = w->bcv[i];
        v[F_FORWARD_CV] = xi != 0 && n > 1
                              ? sqrt(w->fss[i] / (double)(n - 1)) / (w->rowsum[i] / (double)n)
                              : NAN;
        if (!(r->row_class[i] =
                  clioi_strdup(classify(v[F_BACKWARD_INDEX], v[F_FORWARD_INDEX]))))
            return CLIO_ENOMEM;
    }
    return CLIO_OK;
}

/* The result's one-line description. */
static const char description[] =
    "Linkages: direct (column sums of A, row sums of B) and total (column sums of "
    "L, row sums of G); indices = total / mean over all sectors (_region: over the "
    "sector's region); cv = coefficient of variation of the column of L (row of "
    "G); class key = both indices > 1";

int clio_linkages(const clio_table *t, const clio_leontief *f, clio_result **out,
                  clio_error *err)
{
    *out = NULL;
    size_t n = t->n;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    if (clioi_need_dense_z(t, "computing linkages", err) != CLIO_OK)
        return CLIO_EINVAL;
    size_t nb = n < BLOCK ? n : BLOCK;
    work w = {
        .colsum = clioi_calloc_array(n, sizeof(double)),
        .rowsum = clioi_calloc_array(n, sizeof(double)),
        .bcv = clioi_calloc_array(n, sizeof(double)),
        .fss = clioi_calloc_array(n, sizeof(double)),
        .invx = clioi_calloc_array(n, sizeof(double)),
        .rowz = clioi_calloc_array(n, sizeof(double)),
        .colz = clioi_calloc_array(n, sizeof(double)),
        .block = clioi_alloc_matrix(n ? n : 1, nb ? nb : 1),
        .bmean = clioi_calloc_array(t->nregions + 1, sizeof(double)),
        .fmean = clioi_calloc_array(t->nregions + 1, sizeof(double)),
        .count = clioi_calloc_array(t->nregions + 1, sizeof(size_t)),
    };
    clio_result *r = clioi_result_alloc(t, "linkages", 1, NFIELDS);
    int status = CLIO_OK;
    if (!w.colsum || !w.rowsum || !w.bcv || !w.fss || !w.invx || !w.rowz || !w.colz ||
        !w.block || !w.bmean || !w.fmean || !w.count || !r ||
        !(r->accounts[0] = clioi_strdup("output")) ||
        !(r->account_units[0] = clioi_strdup("")) ||
        clioi_result_set_fields(r, field_names) != CLIO_OK ||
        !(r->class_name = clioi_strdup("class")) ||
        !(r->row_class = clioi_calloc_array(n, sizeof *r->row_class)) ||
        !(r->description = clioi_strdup(description))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        w.colsum[i] = 1.0;
        w.rowsum[i] = t->x[i];
        w.invx[i] = t->x[i] != 0 ? 1.0 / t->x[i] : 0.0;
    }
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++) {
            w.colz[j] += t->Z[i + j * n];
            w.rowz[i] += t->Z[i + j * n];
        }
    if ((status = clio_leontief_solve(f, 1, 1, w.colsum, n ? n : 1, err)) != CLIO_OK ||
        (status = clio_leontief_solve(f, 0, 1, w.rowsum, n ? n : 1, err)) != CLIO_OK)
        goto done;
    for (size_t i = 0; i < n; i++)
        w.rowsum[i] = t->x[i] != 0 ? w.rowsum[i] * w.invx[i] : NAN;
    if ((status = element_statistics(t, f, &w, err)) != CLIO_OK)
        goto done;
    if (fill_result(t, &w, r) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
done:
    work_free(&w);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
