/* clusters_similarity.c -- Feser & Bergman's similarity of two sectors:
 * the largest of the four correlations between their purchases and sales
 * profiles.  Correlations of all pairs at once are products of the
 * centred, unit-length profiles: X'X, Y'Y and X'Y (BLAS level 3). */
#include "clusters_fb.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A profile whose centred length is below this share of its length is
 * (numerically) constant: its correlations are undefined. */
#define CONSTANT_PROFILE 1e-12

/* Centre column p (length m) and scale it to unit length; 0 (and a zero
 * column) when the profile is constant. */
static int standardise(double *p, size_t m)
{
    double mean = 0.0, raw = 0.0, ss = 0.0;
    for (size_t k = 0; k < m; k++) {
        mean += p[k];
        raw += p[k] * p[k];
    }
    mean /= (double)m;
    for (size_t k = 0; k < m; k++) {
        p[k] -= mean;
        ss += p[k] * p[k];
    }
    if (!(ss > CONSTANT_PROFILE * CONSTANT_PROFILE * raw)) {
        memset(p, 0, m * sizeof *p);
        return 0;
    }
    double scale = 1.0 / sqrt(ss);
    for (size_t k = 0; k < m; k++)
        p[k] *= scale;
    return 1;
}

/* Profiles into X (purchases, columns) and Y (sales, as columns): shares of
 * the sector's intermediate purchases / sales inside the m sectors. */
static int build_profiles(const clio_table *t, const size_t *idx, size_t m, double *X, double *Y,
                          unsigned char *defined, clio_error *err)
{
    size_t n = t->n;
    for (size_t j = 0; j < m; j++)
        for (size_t i = 0; i < m; i++) {
            double z = t->Z[idx[i] + n * idx[j]];
            if (!isfinite(z)) {
                char ki[256], kj[256];
                clio_table_sector_key(t, idx[i], ki, sizeof ki);
                clio_table_sector_key(t, idx[j], kj, sizeof kj);
                return clioi_fail(err, CLIO_EVALUE, "flow from '%s' to '%s' is not finite", ki,
                                  kj);
            }
            X[i + m * j] = z; /* column j: what j buys from each i */
            Y[j + m * i] = z; /* column i: what i sells to each j  */
        }
    for (size_t j = 0; j < m; j++) {
        defined[j] = 0;
        double *cols[2] = {X + m * j, Y + m * j};
        for (int w = 0; w < 2; w++) {
            double sum = 0.0;
            for (size_t k = 0; k < m; k++)
                sum += cols[w][k];
            if (sum > 0.0) {
                for (size_t k = 0; k < m; k++)
                    cols[w][k] /= sum;
                if (standardise(cols[w], m))
                    defined[j] |= (unsigned char)(w == 0 ? CLIOI_FB_PURCHASES : CLIOI_FB_SALES);
            } else {
                memset(cols[w], 0, m * sizeof *cols[w]);
            }
        }
    }
    return CLIO_OK;
}

/* The largest correlation among the defined ones (0 when none is). */
static double largest(const double *r, const int *ok)
{
    double best = -INFINITY;
    for (int k = 0; k < 4; k++)
        if (ok[k] && r[k] > best)
            best = r[k];
    return best == -INFINITY ? 0.0 : best;
}

int clioi_fb_similarity(const clio_table *t, const size_t *idx, size_t m, double *L,
                        unsigned char *defined, clio_error *err)
{
    if (m == 0)
        return CLIO_OK;
    double *X = clioi_alloc_matrix(m, m), *Y = clioi_alloc_matrix(m, m);
    double *YY = clioi_alloc_matrix(m, m), *XY = clioi_alloc_matrix(m, m);
    int status = CLIO_OK;
    if (!X || !Y || !YY || !XY) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for %zu x %zu profiles", m, m);
        goto done;
    }
    if ((status = build_profiles(t, idx, m, X, Y, defined, err)) != CLIO_OK)
        goto done;
    int im = (int)m;
    /* L <- X'X (upper), YY <- Y'Y (upper), XY <- X'Y: correlations. */
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, im, im, 1.0, X, im, 0.0, L, im);
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, im, im, 1.0, Y, im, 0.0, YY, im);
    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, im, im, im, 1.0, X, im, Y, im, 0.0, XY,
                im);
    for (size_t j = 0; j < m; j++) {
        for (size_t i = 0; i < j; i++) {
            /* r(x_i,x_j), r(y_i,y_j), r(x_i,y_j), r(y_i,x_j) = r(x_j,y_i) */
            double r[4] = {L[i + m * j], YY[i + m * j], XY[i + m * j], XY[j + m * i]};
            int ok[4] = {(defined[i] & CLIOI_FB_PURCHASES) && (defined[j] & CLIOI_FB_PURCHASES),
                         (defined[i] & CLIOI_FB_SALES) && (defined[j] & CLIOI_FB_SALES),
                         (defined[i] & CLIOI_FB_PURCHASES) && (defined[j] & CLIOI_FB_SALES),
                         (defined[i] & CLIOI_FB_SALES) && (defined[j] & CLIOI_FB_PURCHASES)};
            double v = largest(r, ok);
            /* Rounding can push a correlation a hair past 1. */
            v = v > 1.0 ? 1.0 : v < -1.0 ? -1.0 : v;
            L[i + m * j] = v;
            L[j + m * i] = v;
        }
        L[j + m * j] = 1.0;
    }
done:
    free(X);
    free(Y);
    free(YY);
    free(XY);
    return status;
}
