/* iim_dynamic.c -- the dynamic inoperability input-output model (Lian &
 * Haimes 2006): q(t+1) = q(t) + K [A* q(t) + c*(t) - q(t)], with the
 * resilience K from recovery times, and the cumulative inoperability
 * (docs/methods-iim.md). */
#include "iim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int clio_iim_recovery_rates(size_t n, const double *Astar, size_t lda,
                            const double *recovery_time, double target, double *k,
                            clio_error *err)
{
    if (!(target > 0 && target < 1))
        return clioi_fail(err, CLIO_EVALUE,
                          "the recovery target is %g: the share of the initial inoperability "
                          "left after the recovery time must be in (0, 1), e.g. 0.01",
                          target);
    if (lda < (n ? n : 1))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension %zu < %zu", lda, n);
    /* Without other sectors, dq/dt = -k (1 - a*_ii) q decays as
     * q(T) = q(0) exp(-k (1 - a*_ii) T); q(T) = target q(0) gives k. */
    double lograte = -log(target);
    for (size_t i = 0; i < n; i++) {
        double T = recovery_time[i], self = 1.0 - Astar[i + i * lda];
        if (!isfinite(T) || T < 0)
            return clioi_fail(err, CLIO_EVALUE,
                              "recovery time of sector %zu is %g: it must be finite and >= 0",
                              i + 1, T);
        if (!(self > 0))
            return clioi_fail(err, CLIO_EVALUE,
                              "sector %zu depends on itself with a*_ii = %g >= 1: it cannot "
                              "recover",
                              i + 1, Astar[i + i * lda]);
        /* T = 0: no time to recover given; k = 1 (diim's default K = I):
         * the sector takes at once the inoperability its neighbours imply. */
        k[i] = T > 0 ? lograte / (T * self) : 1.0;
    }
    return CLIO_OK;
}

static int check_rates(size_t n, const double *k, clio_error *err)
{
    for (size_t i = 0; i < n; i++)
        if (!(k[i] >= 0 && k[i] <= 1))
            return clioi_fail(err, CLIO_EVALUE,
                              "resilience k of sector %zu is %g: it must be in [0, 1] (a rate "
                              "above 1 per period overshoots; for a recovery this fast, use "
                              "shorter periods)",
                              i + 1, k[i]);
    return CLIO_OK;
}

int clio_iim_dynamic(size_t n, const double *Astar, size_t lda, const double *k,
                     const double *q0, const double *cstar, size_t ldc, size_t nsteps,
                     double *q, size_t ldq, double *loss, clio_error *err)
{
    size_t one = n ? n : 1;
    if (lda < one || ldq < one || (cstar && ldc < one))
        return clioi_fail(err, CLIO_EINVAL, "leading dimension below %zu", n);
    int status = clioi_iim_check_matrix(n, Astar, lda, err);
    if (status == CLIO_OK)
        status = check_rates(n, k, err);
    if (status == CLIO_OK && q0)
        status = clioi_iim_check_shares(n, q0, "the initial inoperability q(0)", err);
    for (size_t t = 0; status == CLIO_OK && cstar && t < nsteps; t++)
        if ((status = clioi_iim_check_shares(n, cstar + t * ldc, "the perturbation c*", err)) !=
            CLIO_OK) {
            char where[64];
            snprintf(where, sizeof where, " (period %zu)", t);
            size_t len = err ? strlen(err->message) : 0;
            if (err && len + strlen(where) < sizeof err->message)
                memcpy(err->message + len, where, strlen(where) + 1);
        }
    if (status != CLIO_OK)
        return status;
    double *y = clioi_calloc_array(n, sizeof *y);
    if (!y)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        q[i] = q0 ? q0[i] : 0.0;
    for (size_t t = 0; t < nsteps; t++) {
        const double *qt = q + t * ldq, *ct = cstar ? cstar + t * ldc : NULL;
        double *next = q + (t + 1) * ldq;
        if (n)
            clioi_dgemv(0, n, n, Astar, lda, qt, y);
        for (size_t i = 0; i < n; i++) {
            double v = qt[i] + k[i] * (y[i] + (ct ? ct[i] : 0.0) - qt[i]);
            next[i] = v < 0 ? 0 : v > 1 ? 1 : v; /* a share of output lost */
        }
        clioi_progress("dynamic inoperability", (t + 1.0) / (double)nsteps);
    }
    /* Trapezoidal rule over unit periods: the area under q_i(t). */
    for (size_t i = 0; loss && i < n; i++) {
        double sum = 0;
        for (size_t t = 0; t < nsteps; t++)
            sum += 0.5 * (q[i + t * ldq] + q[i + (t + 1) * ldq]);
        loss[i] = sum;
    }
    free(y);
    return CLIO_OK;
}
