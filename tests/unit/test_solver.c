/* test_solver.c -- the Leontief solver against published answers and
 * LAPACK-style identities on random productive tables. */
#include "clio.h"
#include "tap.h"
#include "solver_test.h"

#include <float.h>
#include <stdlib.h>

#define SHARED "../shared/data/"


/* Deterministic generator (xorshift64*), so failures reproduce. */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/* A random productive table: coefficients with column sums in (0.1, 0.8). */
static clio_table *random_table(size_t n, unsigned long long seed)
{
    double *Z = malloc((n * n + 1) * sizeof *Z), *x = malloc((n + 1) * sizeof *x);
    for (size_t j = 0; j < n; j++)
        x[j] = 10 + 1000 * uniform(&seed);
    for (size_t j = 0; j < n; j++) {
        double target = 0.1 + 0.7 * uniform(&seed), sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += Z[i + j * n] = uniform(&seed) * (uniform(&seed) < 0.7);
        for (size_t i = 0; i < n; i++)
            Z[i + j * n] = sum > 0 ? Z[i + j * n] / sum * target * x[j] : 0;
    }
    /* Make x consistent: final demand takes what Z leaves (may be < 0,
     * which the solver does not care about). */
    clio_table *t = one_region_table(n, Z, x);
    free(Z);
    free(x);
    return t;
}

static void test_miller_blair(void)
{
    clio_matrixset_files files = {.Z = "miller_blair_2x2_Z.csv", .Y = "miller_blair_2x2_f.csv"};
    clio_table *t;
    clio_error err = {0};
    int status = clio_table_read_matrixset(SHARED "textbook_small_examples", &files, "MB", &t,
                                           &err);
    if (!tap_ok(status == CLIO_OK, "Miller & Blair Table 2.3 loads (%s)", err.message))
        return;
    tap_close(t->x[0], 1000, 1e-15, "x1 = Z 1 + f = 1000");
    tap_close(t->x[1], 2000, 1e-15, "x2 = 2000");
    clio_leontief *f;
    status = clio_leontief_factor(t, 0, &f, &err);
    tap_ok(status == CLIO_OK, "factor I - A");
    double L[4];
    clio_leontief_inverse(f, L, 2, &err);
    /* Miller & Blair (2009), p. 24: L = [[1.254125, 0.330033], [0.264026, 1.122112]]. */
    const double want[4] = {1.254125, 0.264026, 0.330033, 1.122112};
    for (int k = 0; k < 4; k++) {
        char what[64];
        snprintf(what, sizeof what, "Leontief inverse L(%d,%d) = %.6f to the published 6 decimals",
                 k % 2 + 1, k / 2 + 1, want[k]);
        tap_ok(fabs(L[k] - want[k]) <= 0.5e-6, "%s", what);
    }
    /* The book's new final demand (600, 1500) needs x = (1247.52, 1841.58). */
    double df[2] = {600, 1500};
    clio_result *r;
    status = clio_impact(t, f, df, &r, &err);
    tap_ok(status == CLIO_OK, "impact of f = (600, 1500)");
    tap_ok(fabs(clio_result_value(r, 0, 0, 2) - 1247.52) <= 0.005, "x1 = 1247.52 (published)");
    tap_ok(fabs(clio_result_value(r, 1, 0, 2) - 1841.58) <= 0.005, "x2 = 1841.58 (published)");
    tap_close(clio_result_value(r, 0, 0, 0), 600, 1e-15, "direct effect = demand change");
    tap_close(clio_result_value(r, 0, 0, 1), clio_result_value(r, 0, 0, 2) - 600, 1e-14,
              "indirect = total - direct");
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
}

static void test_germany_multipliers(void)
{
    clio_table *t;
    clio_error err = {0};
    int status = clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    if (!tap_ok(status == CLIO_OK, "embedded Germany 1995 table loads (%s)", err.message))
        return;
    clio_report rep = {0};
    tap_ok(clio_table_check(t, 1e-6, &rep) == CLIO_OK && rep.nwarnings == 0,
           "Germany 1995 balances (rows and columns)");
    clio_report_free(&rep);
    clio_leontief *f;
    clio_result *r;
    clio_leontief_factor(t, CLIO_FACTOR_CONSUME_Z, &f, &err);
    tap_ok(t->Z == NULL, "CONSUME_Z factors in Z's memory");
    status = clio_multipliers(t, f, &r, &err);
    tap_ok(status == CLIO_OK, "multipliers");
    /* Eurostat Manual (2008) ch. 15: output multipliers, 4 decimals. */
    const double want[6] = {1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782};
    for (size_t j = 0; j < 6; j++) {
        char what[80];
        snprintf(what, sizeof what, "output multiplier of %s = %.4f (published)",
                 t->sector_names[j], want[j]);
        tap_ok(fabs(clio_result_value(r, j, 0, 2) - want[j]) < 0.5e-4 + 1e-12, "%s", what);
    }
    /* Employment: effect = coefficient * multiplier, by definition. */
    size_t emp = r->naccounts - 1;
    tap_close(clio_result_value(r, 0, emp, 2) * clio_result_value(r, 0, emp, 0),
              clio_result_value(r, 0, emp, 1), 1e-14,
              "employment multiplier * coefficient = effect");
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* Identities on random tables: the scaled residual of (I - A) x = f is
 * below 30 (LAPACK's dget02 criterion) and transposed solves give the column
 * sums of the explicit inverse. */
static void test_identities(void)
{
    const size_t sizes[] = {0, 1, 2, 3, 5, 10, 50};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        clio_table *t = random_table(n, 12345 + n);
        clio_error err = {0};
        double *A = malloc((n * n + 1) * sizeof *A), *L = malloc((n * n + 1) * sizeof *L);
        double *b = malloc((n + 1) * sizeof *b), *xs = malloc((n + 1) * sizeof *xs);
        size_t ld = n ? n : 1;
        clio_coefficients(t, A, ld, &err);
        clio_leontief *f;
        int status = clio_leontief_factor(t, 0, &f, &err);
        tap_ok(status == CLIO_OK, "n = %zu: factor (%s)", n, err.message);
        unsigned long long seed = 99 + n;
        for (size_t i = 0; i < n; i++)
            b[i] = xs[i] = uniform(&seed) * 100;
        clio_leontief_solve(f, 0, 1, xs, ld, &err);
        /* residual = (I - A) xs - b, in the infinity norm */
        double rnorm = 0, anorm = 0, xnorm = 0;
        for (size_t i = 0; i < n; i++) {
            double r = xs[i] - b[i], rowsum = 0;
            for (size_t j = 0; j < n; j++) {
                r -= A[i + j * ld] * xs[j];
                rowsum += fabs((i == j) - A[i + j * ld]);
            }
            rnorm = fmax(rnorm, fabs(r));
            anorm = fmax(anorm, rowsum);
            xnorm = fmax(xnorm, fabs(xs[i]));
        }
        double ratio = n ? rnorm / (anorm * xnorm * DBL_EPSILON) : 0;
        tap_ok(ratio < 30, "n = %zu: scaled residual %.3g < 30", n, ratio);

        clio_result *r;
        clio_multipliers(t, f, &r, &err);
        clio_leontief_inverse(f, L, ld, &err);
        double worst = 0;
        for (size_t j = 0; j < n; j++) {
            double colsum = 0;
            for (size_t i = 0; i < n; i++)
                colsum += L[i + j * ld];
            worst = fmax(worst, fabs(clio_result_value(r, j, 0, 1) - colsum) / colsum);
        }
        tap_ok(worst < 1e-13, "n = %zu: multipliers by transposed solve = column sums of "
                              "(I - A)^-1 (worst relative difference %.2g)", n, worst);
        clio_result_free(r);
        clio_leontief_free(f);
        clio_table_free(t);
        free(A);
        free(L);
        free(b);
        free(xs);
    }
}

static void test_failures(void)
{
    clio_error err = {0};
    clio_leontief *f;
    /* A = [[.5 .5] [.5 .5]]: I - A singular. */
    const double Zs[4] = {0.5, 0.5, 0.5, 0.5}, x1[2] = {1, 1};
    clio_table *t = one_region_table(2, Zs, x1);
    int status = clio_leontief_factor(t, 0, &f, &err);
    tap_status(status, CLIO_ESINGULAR, err.message, "sector 's2'", "singular I - A is reported");
    tap_ok(f == NULL, "no factor escapes a failure");
    clio_table_free(t);
    /* A = [[.5 1] [1 .5]]: invertible but the inverse has negative entries. */
    const double Zn[4] = {0.5, 1, 1, 0.5};
    t = one_region_table(2, Zn, x1);
    status = clio_leontief_factor(t, CLIO_FACTOR_CONSUME_Z, &f, &err);
    tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "not productive",
               "non-productive table is reported");
    tap_ok(t->Z == NULL, "a consumed Z stays consumed on failure (no dangling pointer)");
    clio_table_free(t);
    /* Nearly singular: column sums 1 - 1e-15. */
    const double Zc[4] = {0.5, 0.5 - 1e-15, 0.5 - 1e-15, 0.5};
    t = one_region_table(2, Zc, x1);
    status = clio_leontief_factor(t, 0, &f, &err);
    tap_ok(status != CLIO_OK || clio_leontief_rcond(f) < CLIO_RCOND_WARN,
           "nearly singular I - A: rcond below the warning threshold (or refused)");
    clio_leontief_free(f);
    clio_table_free(t);
    /* A sector with zero output keeps a zero coefficient column. */
    const double Zz[4] = {10, 0, 0, 0}, xz[2] = {100, 0};
    t = one_region_table(2, Zz, xz);
    status = clio_leontief_factor(t, 0, &f, &err);
    clio_result *r = NULL;
    if (status == CLIO_OK)
        status = clio_multipliers(t, f, &r, &err);
    tap_ok(status == CLIO_OK && clio_result_value(r, 1, 0, 1) == 1.0,
           "zero-output sector: output multiplier exactly 1");
    clio_result_free(r);
    double df[2] = {1, NAN};
    status = clio_impact(t, f, df, &r, &err);
    tap_status(status, CLIO_EVALUE, err.message, "not finite", "NaN demand change is refused");
    double B[2] = {1, 1};
    tap_status(clio_leontief_solve(f, 0, 1, B, 1, &err), CLIO_EINVAL, err.message, "leading",
               "leading dimension too small is refused");
    clio_leontief_free(f);
    clio_table_free(t);
}

int main(void)
{
    test_miller_blair();
    test_germany_multipliers();
    test_identities();
    test_failures();
    return tap_done();
}
