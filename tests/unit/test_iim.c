/* test_iim.c -- the inoperability input-output model: published and
 * hand-derived answers for the diim test cases (../shared/data/
 * iim_examples, from stigrs/diim, MIT; expected values from diim's
 * tests/test_diim.cpp where it has them, else exact algebra), clipping,
 * the dynamic model's limits (convergence to the static answer, decay,
 * recovery times), the trapezoidal loss on a geometric decay, A* from the
 * Germany 1995 table against the Leontief solve, and every error path. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

#define SHARED "../shared/data/"

/* Case 10/11/12 (and 7) of diim: A* of Lian & Haimes (2006), column-major. */
static const double LIAN[4] = {0.15, 0.10, 0.50, 0.05};

static void check_vector(const double *got, const double *want, size_t n, double rtol,
                         const char *what)
{
    for (size_t i = 0; i < n; i++) {
        char name[160];
        snprintf(name, sizeof name, "%s: sector %zu", what, i + 1);
        if (want[i] == 0)
            tap_ok(fabs(got[i]) <= rtol, "%s is 0 (got %.3g)", name, got[i]);
        else
            tap_close(got[i], want[i], rtol, name);
    }
}

static void test_static_cases(void)
{
    clio_error err;
    double q[4];
    size_t clipped = 99;

    /* Haimes & Jiang (2001), diim case 1/2: q = [4/7, 5/7] exactly
     * (q1 = 0.8 q2, q2 = 0.2 q1 + 0.6). */
    const double hj[4] = {0.0, 0.2, 0.8, 0.0}, c1[2] = {0, 0.6}, q1[2] = {4.0 / 7, 5.0 / 7};
    int st = clio_iim_static(2, hj, 2, c1, q, &clipped, &err);
    tap_ok(st == CLIO_OK && clipped == 0, "case 1 solves, nothing clipped");
    check_vector(q, q1, 2, 1e-14, "case 1 (Haimes & Jiang 2001) q = [4/7, 5/7]");

    /* diim case 3 (diim's answer [0.70, 0.78, 1.0, 1.0]): q1 = 0.9 q2,
     * q2 = 0.4 q1 + 0.5 give q2 = 0.5/0.64, q1 = 0.45/0.64; q3 = q1 + 0.8 q2
     * = 1.328 and q4 = q1 + 0.9 q2 = 1.406 exceed 1 and are clipped. */
    const double a3[16] = {0, 0.4, 1, 1, 0.9, 0, 0.8, 0.9, 0, 0, 0, 0, 0, 0, 0, 0};
    const double c3[4] = {0, 0.5, 0, 0}, q3[4] = {0.45 / 0.64, 0.5 / 0.64, 1, 1};
    st = clio_iim_static(4, a3, 4, c3, q, &clipped, &err);
    tap_ok(st == CLIO_OK && clipped == 2, "case 3: two sectors clipped to 1 (got %zu)", clipped);
    check_vector(q, q3, 4, 1e-14, "case 3 q = [45/64, 25/32, 1, 1]");
    tap_ok(fabs(q[0] - 0.70) < 0.01 && fabs(q[1] - 0.78) < 0.01,
           "case 3 agrees with diim's published [0.70, 0.78, 1, 1]");

    /* diim case 8: the same A* unperturbed: no inoperability at all; and a
     * full loss of sector 1 (c* = e1) takes everyone down but sector 2,
     * q2 = 0.4 / 0.64 (q1 = 1/0.64 > 1, q3, q4 > 1: three clipped). */
    const double zero[4] = {0, 0, 0, 0}, e1[4] = {1, 0, 0, 0};
    st = clio_iim_static(4, a3, 4, zero, q, &clipped, &err);
    check_vector(q, zero, 4, 0, "case 8 unperturbed");
    tap_ok(st == CLIO_OK && clipped == 0, "case 8 unperturbed clips nothing");
    const double q8[4] = {1, 0.4 / 0.64, 1, 1};
    st = clio_iim_static(4, a3, 4, e1, q, &clipped, &err);
    tap_ok(st == CLIO_OK && clipped == 3, "case 8 with c* = e1: three clipped (got %zu)", clipped);
    check_vector(q, q8, 4, 1e-14, "case 8 with c* = e1");

    /* diim case 4 ([0.04, 0.02, 0.14] in diim): q1 = 0.3 q3, q2 = 0.4 q1,
     * q3 = 0.2 q1 + 0.6 q2 + 0.12, so q3 = 0.12 / 0.868. */
    const double a4[9] = {0, 0.4, 0.2, 0, 0, 0.6, 0.3, 0, 0}, c4[3] = {0, 0, 0.12};
    const double q4[3] = {0.036 / 0.868, 0.0144 / 0.868, 0.12 / 0.868};
    st = clio_iim_static(3, a4, 3, c4, q, NULL, &err);
    tap_ok(st == CLIO_OK, "case 4 solves");
    check_vector(q, q4, 3, 1e-14, "case 4");

    /* diim case 7, Lian & Haimes (2006): [0.066, 0.112] in diim; exactly
     * det(I - A*) = 0.7575, q = [0.05, 0.085] / 0.7575 = [20/303, 34/303]. */
    const double c7[2] = {0, 0.1}, q7[2] = {20.0 / 303, 34.0 / 303};
    st = clio_iim_static(2, LIAN, 2, c7, q, NULL, &err);
    tap_ok(st == CLIO_OK, "case 7 solves");
    check_vector(q, q7, 2, 1e-14, "case 7 (Lian & Haimes 2006)");
}

/* diim case 5: the 4-sector transactions of Xu et al. (2011) (Electric, Rail,
 * Water, Gas; last row total output). */
static const double XU_Z[16] = {175, 140, 245, 175, 280, 315, 140, 280,
                                280, 350, 280, 105, 140, 280, 140, 280};
static const double XU_X[4] = {1225, 1610, 1085, 1015};

static void test_supply(void)
{
    clio_error err;
    /* Xu et al. (2011) eq. 34, the supply-side A*s (diim test case 6, to
     * their 2 decimals), row-major as printed. */
    const double eq34[4][4] = {{0.14, 0.11, 0.20, 0.14},
                               {0.17, 0.20, 0.10, 0.17},
                               {0.26, 0.32, 0.26, 0.10},
                               {0.14, 0.28, 0.14, 0.28}};
    double As[16];
    int rounded = 1;
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 4; j++) {
            As[i + 4 * j] = XU_Z[j + 4 * i] / XU_X[i]; /* a*s_ij = z_ji / x_i */
            rounded &= fabs(As[i + 4 * j] - eq34[i][j]) <= 0.015;
        }
    /* All agree to the printed rounding (0.005) except row 2, column 3:
     * 140/1610 = 0.087 printed 0.10; diim's test allows 0.015. */
    tap_ok(rounded, "a*s_ij = z_ji / x_i matches Xu et al. (2011) eq. 34 (diim's 0.015)");

    const double c[4] = {0.2, 0, 0, 0};
    double q[4], qs[4], r[4];
    size_t clipped = 9;
    int st = clio_iim_supply(4, XU_Z, 4, XU_X, c, q, &clipped, &err);
    tap_ok(st == CLIO_OK && clipped == 0, "supply-side IIM solves, nothing clipped");
    /* residual (I - A*s) q - c* */
    double worst = 0;
    for (size_t i = 0; i < 4; i++) {
        r[i] = q[i] - c[i];
        for (size_t j = 0; j < 4; j++)
            r[i] -= As[i + 4 * j] * q[j];
        worst = fmax(worst, fabs(r[i]));
    }
    tap_ok(worst < 1e-14, "supply-side q solves (I - A*s) q = c* (residual %.2g)", worst);
    st = clio_iim_static(4, As, 4, c, qs, NULL, &err);
    check_vector(q, qs, 4, 1e-14, "supply-side IIM = static IIM on A*s");
    tap_ok(q[1] > 0 && q[2] > 0 && q[3] > 0, "an electricity loss reaches rail, water and gas");

    double Zbad[16];
    for (size_t k = 0; k < 16; k++)
        Zbad[k] = XU_Z[k];
    Zbad[5] = -1;
    st = clio_iim_supply(4, Zbad, 4, XU_X, c, q, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "row 2, column 2", "negative transaction refused");
    const double xbad[4] = {1225, NAN, 1085, 1015};
    st = clio_iim_supply(4, XU_Z, 4, xbad, c, q, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "output of sector 2", "NaN output refused");
}

static void test_dynamic(void)
{
    clio_error err;
    const double k[2] = {0.2, 0.2};
    enum { STEPS = 99 }; /* diim's time_steps = 100 points: t = 0 .. 99 */
    double q[2 * (STEPS + 1)], loss[2], cstar[2 * STEPS], qstat[2];

    /* diim case 10: constant c* = [0, 0.1] converges to the static answer
     * (diim checks 1e-6). */
    for (size_t t = 0; t < STEPS; t++) {
        cstar[2 * t] = 0;
        cstar[2 * t + 1] = 0.1;
    }
    int st = clio_iim_dynamic(2, LIAN, 2, k, NULL, cstar, 2, STEPS, q, 2, loss, &err);
    clio_iim_static(2, LIAN, 2, cstar, qstat, NULL, &err);
    tap_ok(st == CLIO_OK && q[0] == 0 && q[1] == 0, "case 10 runs from q(0) = 0");
    tap_ok(fabs(q[2 * STEPS] - qstat[0]) < 1e-6 && fabs(q[2 * STEPS + 1] - qstat[1]) < 1e-6,
           "case 10: q(99) = static q to 1e-6, as diim checks (off by %.2g, %.2g)",
           q[2 * STEPS] - qstat[0], q[2 * STEPS + 1] - qstat[1]);

    /* diim case 12: c* for 30 periods, then recovery.  diim applies c*(t)
     * for ptime 0 <= t <= 30 when computing q(t), t >= 1, i.e. on the steps
     * from q(t-1): clio's periods [0, 30).  Expected cumulative
     * inoperability from diim's tests/test_diim.cpp ("integrated using
     * Numpy"): [1.980144350, 3.366317449], checked there to 1e-6. */
    for (size_t t = 30; t < STEPS; t++)
        cstar[2 * t + 1] = 0;
    st = clio_iim_dynamic(2, LIAN, 2, k, NULL, cstar, 2, STEPS, q, 2, loss, &err);
    const double total12[2] = {1.980144350, 3.366317449};
    tap_ok(st == CLIO_OK, "case 12 runs");
    check_vector(loss, total12, 2, 1e-6, "case 12 cumulative inoperability (diim)");
    int falls = 1;
    for (size_t t = 31; t < STEPS; t++)
        falls &= q[2 * (t + 1) + 1] <= q[2 * t + 1];
    tap_ok(falls && q[2 * 30 + 1] > q[2 * STEPS + 1], "case 12 recovers after period 30");

    /* diim case 11: from q(0) = [0, 0.1] with no perturbation, the perturbed
     * sector's inoperability falls monotonically and everything reaches 0
     * (diim: 0 to 1e-6); sector 1 first catches some of it. */
    const double q0[2] = {0, 0.1}, none[2] = {0, 0};
    st = clio_iim_dynamic(2, LIAN, 2, k, q0, NULL, 0, STEPS, q, 2, loss, &err);
    falls = st == CLIO_OK;
    for (size_t t = 0; t < STEPS; t++)
        falls &= q[2 * (t + 1) + 1] <= q[2 * t + 1];
    tap_ok(falls, "case 11: sector 2 recovers monotonically");
    tap_ok(q[2] > 0, "case 11: sector 1 catches inoperability from sector 2");
    check_vector(q + 2 * STEPS, none, 2, 1e-6, "case 11: q(99) = 0");

    /* Geometric decay: one sector, a* = 0, k = 0.5, q(0) = 1: q(t) = 2^-t and
     * the trapezoidal area over N periods is 1.5 (1 - 2^-N) exactly. */
    const double a0 = 0, half = 0.5, one = 1;
    double qg[11], lg;
    st = clio_iim_dynamic(1, &a0, 1, &half, &one, NULL, 0, 10, qg, 1, &lg, &err);
    tap_ok(st == CLIO_OK && qg[10] == ldexp(1, -10), "geometric decay: q(10) = 2^-10");
    tap_close(lg, 1.5 * (1 - ldexp(1, -10)), 1e-15, "trapezoidal loss of 2^-t = 1.5 (1 - 2^-N)");

    /* No steps: q(0) only, no loss. */
    st = clio_iim_dynamic(1, &a0, 1, &half, &one, NULL, 0, 0, qg, 1, &lg, &err);
    tap_ok(st == CLIO_OK && qg[0] == 1 && lg == 0, "zero steps: q(0) and no loss");
}

static void test_recovery_rates(void)
{
    clio_error err;
    /* k = -ln(target) / (T (1 - a*_ii)), exact. */
    const double a[4] = {0.3, 0.1, 0.2, 0.05}, T[2] = {100, 0};
    double k[2];
    int st = clio_iim_recovery_rates(2, a, 2, T, 0.01, k, &err);
    tap_ok(st == CLIO_OK, "recovery rates computed");
    tap_close(k[0], log(100.0) / (100 * 0.7), 1e-15, "k = ln(1/target) / (T (1 - a*_ii))");
    tap_ok(k[1] == 1, "T = 0: k = 1, diim's default (got %g)", k[1]);

    /* One isolated sector recovering from q(0) = 0.5: the discrete model
     * gives q(T) = q(0) (1 - k (1 - a))^T (to rounding), a little below
     * target q(0) (the continuous exp(-k (1 - a) T) = target exactly);
     * for T = 100 and target 0.01 the discrete share is 0.00897. */
    const double self = 0.3, T1 = 100, q0 = 0.5;
    double k1, q[101];
    clio_iim_recovery_rates(1, &self, 1, &T1, 0.01, &k1, &err);
    st = clio_iim_dynamic(1, &self, 1, &k1, &q0, NULL, 0, 100, q, 1, NULL, &err);
    tap_close(q[100], q0 * pow(1 - k1 * (1 - self), 100), 1e-12,
              "discrete recovery q(T) = q(0) (1 - k (1 - a))^T");
    tap_ok(q[100] < 0.01 * q0 && q[100] > 0.85 * 0.01 * q0,
           "discrete q(T) = %.5g q(0): within 15 %% below the target 0.01", q[100] / q0);

    st = clio_iim_recovery_rates(1, &self, 1, &T1, 1.0, &k1, &err);
    tap_status(st, CLIO_EVALUE, err.message, "target", "target 1 refused");
    st = clio_iim_recovery_rates(1, &self, 1, &T1, 0.0, &k1, &err);
    tap_status(st, CLIO_EVALUE, err.message, "target", "target 0 refused");
    const double Tneg = -3;
    st = clio_iim_recovery_rates(1, &self, 1, &Tneg, 0.01, &k1, &err);
    tap_status(st, CLIO_EVALUE, err.message, "recovery time of sector 1", "negative time refused");
    const double full = 1.0;
    st = clio_iim_recovery_rates(1, &full, 1, &T1, 0.01, &k1, &err);
    tap_status(st, CLIO_EVALUE, err.message, "cannot recover", "a*_ii = 1 refused");
}

static void test_errors(void)
{
    clio_error err;
    double q[2], qt[6];
    const double c[2] = {0, 0.5};
    const double nan_a[4] = {0, NAN, 0.1, 0};
    int st = clio_iim_static(2, nan_a, 2, c, q, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "row 2, column 1", "NaN in A* refused");
    const double neg_a[4] = {0, 0.1, -0.2, 0};
    st = clio_iim_static(2, neg_a, 2, c, q, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "non-negative", "negative A* refused");
    const double big_c[2] = {0, 1.5}, neg_c[2] = {-0.1, 0};
    st = clio_iim_static(2, LIAN, 2, big_c, q, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "sector 2 is 1.5", "c* > 1 refused");
    st = clio_iim_static(2, LIAN, 2, neg_c, q, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "[0, 1]", "c* < 0 refused");
    /* I - A* singular: two sectors feeding each other all their output. */
    const double loop[4] = {0, 1, 1, 0};
    st = clio_iim_static(2, loop, 2, c, q, NULL, &err);
    tap_status(st, CLIO_ESINGULAR, err.message, "singular", "singular I - A* refused");
    /* Row sums above 1 with eigenvalue sqrt(2) > 1: I - A* invertible but
     * its inverse has negative entries. */
    const double grow[4] = {0, 1, 2, 0};
    st = clio_iim_static(2, grow, 2, c, q, NULL, &err);
    tap_status(st, CLIO_ENONPRODUCTIVE, err.message, "eigenvalue", "non-productive A* refused");

    const double kneg[2] = {0.2, -0.1}, kbig[2] = {1.5, 0.2}, k[2] = {0.2, 0.2};
    st = clio_iim_dynamic(2, LIAN, 2, kneg, NULL, NULL, 0, 2, qt, 2, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "resilience k of sector 2", "negative k refused");
    st = clio_iim_dynamic(2, LIAN, 2, kbig, NULL, NULL, 0, 2, qt, 2, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "shorter periods", "k > 1 refused");
    const double q0bad[2] = {1.2, 0};
    st = clio_iim_dynamic(2, LIAN, 2, k, q0bad, NULL, 0, 2, qt, 2, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "initial inoperability", "q(0) > 1 refused");
    const double cbad[4] = {0, 0.1, NAN, 0.1};
    st = clio_iim_dynamic(2, LIAN, 2, k, NULL, cbad, 2, 2, qt, 2, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "(period 1)", "NaN c*(1) refused, period named");
}

/* A* from the Germany 1995 table equals z_ij / x_i, and the static IIM
 * equals xhat^-1 L xhat c* from the Leontief factor (no clipping). */
static void test_table(void)
{
    clio_table *t = NULL;
    clio_leontief *f = NULL;
    clio_error err;
    int st = clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    if (!tap_ok(st == CLIO_OK, "Germany 1995 table read")) {
        tap_diag("%s", err.message);
        return;
    }
    size_t n = t->n;
    double *As = calloc(n * n, sizeof *As), *c = calloc(n, sizeof *c);
    double *q = calloc(n, sizeof *q), *dx = calloc(n, sizeof *dx);
    st = clio_iim_interdependency(t, As, n, &err);
    double worst = 0;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            worst = fmax(worst, fabs(As[i + j * n] - t->Z[i + j * n] / t->x[i]) /
                                    (t->Z[i + j * n] / t->x[i] + 1e-300));
    tap_ok(st == CLIO_OK && worst <= 1e-15, "A* = z_ij / x_i (worst relative %.2g)", worst);
    for (size_t i = 0; i < n; i++)
        c[i] = 0.01 * (double)(i + 1);
    st = clio_iim_static(n, As, n, c, q, NULL, &err);
    tap_ok(st == CLIO_OK, "static IIM on Germany 1995");
    for (size_t i = 0; i < n; i++)
        dx[i] = t->x[i] * c[i];
    if (clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err) == CLIO_OK &&
        clio_leontief_solve(f, 0, 1, dx, n, &err) == CLIO_OK) {
        worst = 0;
        for (size_t i = 0; i < n; i++)
            worst = fmax(worst, fabs(q[i] - dx[i] / t->x[i]) / (dx[i] / t->x[i]));
        tap_ok(worst < 1e-12, "q = xhat^-1 L xhat c* (worst relative %.2g)", worst);
    } else {
        tap_ok(0, "Leontief factor: %s", err.message);
    }
    clio_leontief_free(f);
    clio_table_free(t);
    free(As);
    free(c);
    free(q);
    free(dx);
}

int main(void)
{
    test_static_cases();
    test_supply();
    test_dynamic();
    test_recovery_rates();
    test_errors();
    test_table();
    return tap_done();
}
