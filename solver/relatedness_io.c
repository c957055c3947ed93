/* relatedness_io.c -- input-output relatedness between sectors as in
 * Delgado, Porter & Stern (2016): the strongest of the four shares that tie
 * two sectors through their trade (inputs and outputs, both directions). */
#include "relatedness.h"

#include <math.h>

/* share = flow / output, 0 when the output is not positive */
static double share(double flow, double output)
{
    return output > 0.0 ? flow / output : 0.0;
}

double clioi_io_link(const clio_table *t, size_t i, size_t j)
{
    size_t n = t->n;
    double zij = t->Z[i + n * j], zji = t->Z[j + n * i];
    double w = share(zij, t->x[j]); /* j's inputs bought from i */
    double v = share(zji, t->x[i]); /* i's inputs bought from j */
    if (v > w)
        w = v;
    v = share(zij, t->x[i]); /* i's output sold to j */
    if (v > w)
        w = v;
    v = share(zji, t->x[j]); /* j's output sold to i */
    return v > w ? v : w;
}

int clio_relatedness_io(const clio_table *t, double *R, size_t ldr, clio_error *err)
{
    size_t n = t->n;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z is needed (it was consumed)");
    if (ldr < n)
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu sectors", ldr, n);
    for (size_t j = 0; j < n; j++) {
        if (!isfinite(t->x[j]))
            return clioi_fail(err, CLIO_EVALUE, "the output of sector %zu is not finite", j);
        for (size_t i = 0; i < n; i++)
            if (!isfinite(t->Z[i + n * j]))
                return clioi_fail(err, CLIO_EVALUE, "Z(%zu, %zu) is not finite", i, j);
    }
    for (size_t j = 0; j < n; j++) {
        R[j + ldr * j] = 0.0;
        for (size_t i = j + 1; i < n; i++)
            R[i + ldr * j] = R[j + ldr * i] = clioi_io_link(t, i, j);
    }
    return CLIO_OK;
}
