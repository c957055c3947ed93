/* relatedness_combine.c -- one relatedness matrix from several measures:
 * each standardised over the pairs of sectors (mean 0, standard deviation
 * 1), then averaged with the user's weights (docs/methods-relatedness.md). */
#include "clioi.h"

#include <math.h>

/* Mean and standard deviation of M over the pairs i < j. */
static void pair_moments(size_t n, const double *M, double *mean, double *sd)
{
    double sum = 0.0, ss = 0.0, count = (double)n * (double)(n - 1) / 2.0;
    for (size_t j = 0; j < n; j++)
        for (size_t i = j + 1; i < n; i++)
            sum += M[i + n * j];
    *mean = sum / count;
    for (size_t j = 0; j < n; j++)
        for (size_t i = j + 1; i < n; i++) {
            double d = M[i + n * j] - *mean;
            ss += d * d;
        }
    *sd = sqrt(ss / count);
}

int clio_relatedness_combine(size_t n, const double *const *M, const double *w, size_t nm,
                             double *R, size_t ldr, clio_error *err)
{
    if (ldr < n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ldr, n);
    double wsum = 0.0;
    for (size_t k = 0; k < nm; k++) {
        if (!(w[k] >= 0.0 && isfinite(w[k])))
            return clioi_fail(err, CLIO_EINVAL, "weight %zu is %g: weights must be >= 0", k + 1,
                              w[k]);
        if (w[k] > 0.0 && !M[k])
            return clioi_fail(err, CLIO_EINVAL, "measure %zu has weight %g but no matrix", k + 1,
                              w[k]);
        wsum += w[k];
    }
    if (!(wsum > 0.0))
        return clioi_fail(err, CLIO_EINVAL, "the weights add up to 0");
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            R[i + ldr * j] = 0.0;
    if (n < 2)
        return CLIO_OK;
    for (size_t k = 0; k < nm; k++) {
        if (w[k] == 0.0)
            continue;
        double mean, sd;
        pair_moments(n, M[k], &mean, &sd);
        if (!isfinite(mean) || !isfinite(sd))
            return clioi_fail(err, CLIO_EVALUE, "measure %zu is not finite", k + 1);
        if (!(sd > 1e-300)) /* constant over the pairs: adds 0 */
            continue;
        double scale = w[k] / wsum / sd;
        for (size_t j = 0; j < n; j++)
            for (size_t i = j + 1; i < n; i++) {
                double z = (M[k][i + n * j] - mean) * scale;
                R[i + ldr * j] += z;
                R[j + ldr * i] += z;
            }
    }
    return CLIO_OK;
}
