/* test_balance.c -- RAS and GRAS: the GRAS case of Temurshoev, Miller &
 * Bouwmeester (2013), the biproportional form of every answer (checked
 * without knowing r and s), agreement of RAS and GRAS on non-negative
 * matrices, fixed cells, a projection, and every error path. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

/* Deterministic generator (xorshift64*), so failures reproduce. */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/* Largest relative gap of the row and column sums of X to u and v. */
static double margin_gap(size_t m, size_t n, const double *X, const double *u, const double *v)
{
    double gap = 0;
    for (size_t i = 0; i < m; i++) {
        double s = 0;
        for (size_t j = 0; j < n; j++)
            s += X[i + j * m];
        gap = fmax(gap, fabs(s - u[i]) / fmax(1, fabs(u[i])));
    }
    for (size_t j = 0; j < n; j++) {
        double s = 0;
        for (size_t i = 0; i < m; i++)
            s += X[i + j * m];
        gap = fmax(gap, fabs(s - v[j]) / fmax(1, fabs(v[j])));
    }
    return gap;
}

/* The GRAS form X = r^ P s^ - r^-1 N s^-1 holds when w_ij = log(x_ij /
 * x0_ij) for positive cells and -log(x_ij / x0_ij) for negative ones is
 * additive: w_ij - w_il - w_kj + w_kl = 0 whenever all four are free and
 * nonzero.  Returns the largest violation (and -1 when a sign flipped or a
 * zero became nonzero). */
static double form_violation(size_t m, size_t n, const double *X0, const double *X,
                             const unsigned char *fixed)
{
    double *w = calloc(m * n, sizeof *w);
    for (size_t k = 0; k < m * n; k++) {
        if (X0[k] == 0) {
            if (X[k] != 0) {
                free(w);
                return -1;
            }
            continue;
        }
        if (X[k] * X0[k] <= 0) {
            free(w);
            return -1;
        }
        double l = log(X[k] / X0[k]);
        w[k] = X0[k] > 0 ? l : -l;
    }
    double worst = 0;
    for (size_t i = 0; i < m; i++)
        for (size_t k = 0; k < m; k++)
            for (size_t j = 0; j < n; j++)
                for (size_t l = 0; l < n; l++) {
                    size_t c[4] = {i + j * m, i + l * m, k + j * m, k + l * m};
                    int ok = 1;
                    for (int q = 0; q < 4; q++)
                        ok = ok && X0[c[q]] != 0 && !(fixed && fixed[c[q]]);
                    if (ok)
                        worst = fmax(worst, fabs(w[c[0]] - w[c[1]] - w[c[2]] + w[c[3]]));
                }
    free(w);
    return worst;
}

/* Temurshoev, Miller & Bouwmeester (2013), Economic Systems Research 25(1),
 * the example of their section 3. */
static void gras_published_case(void)
{
    const double X0[12] = {7, 2, -2, 3, 9, 0, 5, 8, 2, -3, 0, 0}; /* column-major 3 x 4 */
    const double u[3] = {15, 26, -1}, v[4] = {9, 16, 17, -2};
    double X[12];
    memcpy(X, X0, sizeof X);
    clio_balance_info info;
    clio_error err = {0};
    clio_balance_options tight = {.tol = 1e-14};
    int st = clio_gras(3, 4, X, 3, u, v, &tight, &info, &err);
    tap_ok(st == CLIO_OK, "GRAS converges on the Temurshoev et al. (2013) case (%s)",
           st ? err.message : "ok");
    tap_ok(margin_gap(3, 4, X, u, v) <= 1e-12, "GRAS reproduces u and v (gap %.2g)",
           margin_gap(3, 4, X, u, v));
    tap_ok(info.residual <= 1e-13 && info.iterations > 1 && info.iterations < 1000,
           "GRAS reports %d iterations and residual %.2g", info.iterations, info.residual);
    double viol = form_violation(3, 4, X0, X, NULL);
    tap_ok(viol >= 0, "GRAS keeps every sign of X0 and every zero");
    /* with the margins met, this form is the optimality (KKT) condition of
     * GRAS's convex objective, so the answer is the GRAS answer */
    tap_ok(viol >= 0 && viol < 1e-9, "GRAS answer has the form r^ P s^ - r^-1 N s^-1 (%.2g)",
           viol);
    tap_diag("GRAS: %.6f %.6f %.6f %.6f / %.6f %.6f %.6f %.6f / %.6f %.6f %.6f %.6f", X[0], X[3],
             X[6], X[9], X[1], X[4], X[7], X[10], X[2], X[5], X[8], X[11]);
    /* RAS cannot take it */
    memcpy(X, X0, sizeof X);
    st = clio_ras(3, 4, X, 3, u, v, NULL, &info, &err);
    tap_status(st, CLIO_EVALUE, err.message, "use GRAS", "RAS refuses negative cells");
}

/* On a non-negative matrix GRAS is RAS; RAS's answer does not depend on
 * the scale of X0, has the form r^ X0 s^, and meets the margins. */
static void ras_random(size_t m, size_t n)
{
    unsigned long long seed = 12345;
    double *X0 = malloc(m * n * sizeof *X0), *X = malloc(m * n * sizeof *X);
    double *Y = malloc(m * n * sizeof *Y), *u = calloc(m, sizeof *u), *v = calloc(n, sizeof *v);
    for (size_t k = 0; k < m * n; k++)
        X0[k] = uniform(&seed) < 0.3 ? 0 : uniform(&seed) * 100;
    /* targets: the margins of a perturbed matrix with the same zero pattern */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            double x = X0[i + j * m] * (0.5 + uniform(&seed));
            u[i] += x;
            v[j] += x;
        }
    memcpy(X, X0, m * n * sizeof *X);
    clio_balance_info info;
    clio_error err = {0};
    int st = clio_ras(m, n, X, m, u, v, NULL, &info, &err);
    tap_ok(st == CLIO_OK && margin_gap(m, n, X, u, v) <= 1e-10,
           "RAS %zux%zu meets the margins (%d iterations, residual %.2g)", m, n, info.iterations,
           info.residual);
    if (m <= 12)
        tap_ok(form_violation(m, n, X0, X, NULL) < 1e-9, "RAS answer has the form r^ X0 s^");
    for (size_t k = 0; k < m * n; k++)
        Y[k] = 7 * X0[k];
    st = clio_gras(m, n, Y, m, u, v, NULL, &info, &err);
    double diff = 0;
    for (size_t k = 0; k < m * n; k++)
        diff = fmax(diff, fabs(Y[k] - X[k]) / fmax(1, fabs(X[k])));
    tap_ok(st == CLIO_OK && diff < 1e-8,
           "GRAS of 7 X0 equals RAS of X0 (largest relative difference %.2g)", diff);
    free(X0), free(X), free(Y), free(u), free(v);
}

/* Fixed cells keep their values, the others meet what is left. */
static void fixed_cells(void)
{
    const double X0[9] = {10, 5, 1, 4, 8, 2, 3, 6, 9}; /* 3 x 3 column-major */
    const double u[3] = {25, 20, 18}, v[3] = {20, 16, 27};
    unsigned char fixed[9] = {0};
    fixed[1 + 0 * 3] = 1; /* cell (2,1) stays 5 */
    fixed[2 + 2 * 3] = 1; /* cell (3,3) stays 9 */
    double X[9];
    memcpy(X, X0, sizeof X);
    clio_balance_options opt = {.fixed = fixed, .tol = 1e-12};
    clio_balance_info info;
    clio_error err = {0};
    int st = clio_ras(3, 3, X, 3, u, v, &opt, &info, &err);
    tap_ok(st == CLIO_OK && X[1] == 5 && X[8] == 9, "fixed cells keep their values (%s)",
           st ? err.message : "ok");
    tap_ok(margin_gap(3, 3, X, u, v) <= 1e-11, "the free cells meet the margins");
    tap_ok(form_violation(3, 3, X0, X, fixed) < 1e-9, "free cells have the form r^ X0 s^");
}

/* Base-year coefficients brought to a new year's margins (the RAS
 * projection of Stone): with margins taken from a known new matrix of the
 * form r^ X0 s^, RAS recovers that matrix. */
static void projection_recovers_known_matrix(void)
{
    const double X0[6] = {2, 4, 3, 1, 5, 2}; /* 2 x 3 */
    const double r[2] = {1.3, 0.8}, s[3] = {0.9, 1.5, 1.1};
    double want[6], u[2] = {0}, v[3] = {0}, X[6];
    for (size_t j = 0; j < 3; j++)
        for (size_t i = 0; i < 2; i++) {
            want[i + 2 * j] = r[i] * X0[i + 2 * j] * s[j];
            u[i] += want[i + 2 * j];
            v[j] += want[i + 2 * j];
        }
    memcpy(X, X0, sizeof X);
    clio_balance_info info;
    int st = clio_ras(2, 3, X, 2, u, v, NULL, &info, NULL);
    double diff = 0;
    for (size_t k = 0; k < 6; k++)
        diff = fmax(diff, fabs(X[k] - want[k]) / want[k]);
    tap_ok(st == CLIO_OK && diff < 1e-9, "RAS recovers r^ X0 s^ from its margins (%.2g)", diff);
}

static void errors(void)
{
    double X[4];
    clio_error err = {0};
    clio_balance_info info;
    const char *rows[2] = {"agri", "manu"}, *cols[2] = {"c1", "c2"};
    clio_balance_options named = {.row_names = rows, .col_names = cols};

    const double X0[4] = {1, 2, 3, 4};
    double u[2] = {4, 6}, v[2] = {3, 8};
    memcpy(X, X0, sizeof X);
    int st = clio_ras(2, 2, X, 2, u, v, NULL, &info, &err);
    tap_status(st, CLIO_EINVAL, err.message, "sum to 10 but the column targets to 11",
               "row and column targets that differ in sum are inconsistent");
    tap_ok(memcmp(X, X0, sizeof X) == 0, "a failed run leaves X as it was");

    double nan_u[2] = {NAN, 6}, ok_v[2] = {3, 7};
    st = clio_ras(2, 2, X, 2, nan_u, ok_v, &named, &info, &err);
    tap_status(st, CLIO_EVALUE, err.message, "row 'agri'", "a NaN target is named");
    X[3] = INFINITY;
    st = clio_gras(2, 2, X, 2, u, ok_v, &named, &info, &err);
    tap_status(st, CLIO_EVALUE, err.message, "(row 'manu', column 'c2')",
               "an infinite cell is named by row and column");

    /* row 1 only negative but a positive target */
    const double N0[4] = {-1, 2, -3, 4};
    double un[2] = {5, 6}, vn[2] = {3, 8};
    memcpy(X, N0, sizeof X);
    st = clio_gras(2, 2, X, 2, un, vn, &named, &info, &err);
    tap_status(st, CLIO_EINVAL, err.message, "row 'agri' has target 5",
               "a positive target on a row of negative cells is impossible");

    /* a column with no nonzero cell but a target */
    const double Z0[4] = {1, 2, 0, 0};
    double uz[2] = {2, 3}, vz[2] = {4, 1};
    memcpy(X, Z0, sizeof X);
    st = clio_ras(2, 2, X, 2, uz, vz, NULL, &info, &err);
    tap_status(st, CLIO_EINVAL, err.message, "column 2 has target 1",
               "a target on an empty column is impossible");

    /* a fixed cell can leave a row nothing to adjust */
    unsigned char fixed[4] = {1, 0, 1, 0};
    clio_balance_options fix = {.fixed = fixed};
    const double F0[4] = {1, 2, 3, 4};
    double uf[2] = {5, 6}, vf[2] = {3, 8};
    memcpy(X, F0, sizeof X);
    st = clio_ras(2, 2, X, 2, uf, vf, &fix, &info, &err);
    tap_status(st, CLIO_EINVAL, err.message, "row 1 has target 1",
               "fixed cells are taken off the targets before the check");

    /* feasible-looking but impossible: a diagonal matrix with other margins */
    const double D0[4] = {1, 0, 0, 1};
    double ud[2] = {2, 1}, vd[2] = {1, 2};
    memcpy(X, D0, sizeof X);
    clio_balance_options few = {.max_iter = 50};
    st = clio_ras(2, 2, X, 2, ud, vd, &few, &info, &err);
    tap_status(st, CLIO_ENOCONVERGE, err.message, "did not converge in 50 iterations",
               "unreachable margins end in CLIO_ENOCONVERGE after the iteration cap");
    tap_ok(info.iterations == 50 && info.residual > 0.1,
           "the report gives the iterations and the residual (%d, %.3g)", info.iterations,
           info.residual);

    /* a zero column target drives row 1's only positive cell to zero, so
     * row 1 could reach its positive target only by reversing signs */
    const double S0[4] = {1, 1, -1, 1};
    double us[2] = {1, 1}, vs[2] = {0, 2};
    memcpy(X, S0, sizeof X);
    st = clio_gras(2, 2, X, 2, us, vs, &named, &info, &err);
    tap_status(st, CLIO_EINVAL, err.message, "row 'agri' cannot reach its target 1 without "
               "reversing signs", "GRAS never reverses a sign to meet a target");
    tap_ok(memcmp(X, S0, sizeof X) == 0, "... and leaves X as it was");

    /* numbers near the largest double overflow: a clear error, at once */
    const double H0[4] = {1e308, 1e308, 1e308, 1e308};
    double uh[2] = {1.5e308, 1.5e308}, vh[2] = {1.5e308, 1.5e308};
    memcpy(X, H0, sizeof X);
    st = clio_ras(2, 2, X, 2, uh, vh, NULL, &info, &err);
    tap_status(st, CLIO_EVALUE, err.message, "overflow", "overflow is a value error");
    tap_ok(info.iterations < 10, "overflow stops at once (%d iterations)", info.iterations);

    st = clio_ras(0, 2, X, 1, ud, vd, NULL, &info, &err);
    tap_status(st, CLIO_EINVAL, err.message, "empty", "an empty matrix is an invalid argument");
}

int main(void)
{
    gras_published_case();
    ras_random(6, 9);
    ras_random(300, 200);
    fixed_cells();
    projection_recovers_known_matrix();
    errors();
    return tap_done();
}
