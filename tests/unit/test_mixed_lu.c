/* test_mixed_lu.c -- lu-mixed (solver/mixed_lu.c): single-precision LU with
 * solutions refined in double agrees with LU to 1e-10 on real tables (both
 * directions, many right-hand sides, Z consumed or kept), an
 * ill-conditioned table is refused with a pointer to --method lu, sparse
 * tables and analyses that need the LU factor are refused, and auto takes
 * lu-mixed for large tables with many right-hand sides. */
#include "../../solver/factor.h"
#include "solver_test.h"
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>



/* Solves of 100 right-hand sides both ways, and multipliers, against LU. */
static void on_table(const char *what, clio_table *(*load)(void))
{
    for (int consume = 0; consume < 2; consume++) {
        clio_error err = {0};
        clio_table *t = load(), *tl = load();
        if (!tap_ok(t && tl, "%s: table read", what)) {
            clio_table_free(t);
            clio_table_free(tl);
            return;
        }
        size_t n = t->n, k = 100;
        int s1, s2;
        clio_leontief *f = solver_factor(t, consume ? CLIO_FACTOR_CONSUME_Z : 0,
                                         CLIO_METHOD_MIXED_LU, 0, &err, &s1);
        clio_leontief *lu = solver_factor(tl, 0, CLIO_METHOD_LU, 0, &err, &s2);
        if (!tap_ok(s1 == CLIO_OK && s2 == CLIO_OK && !strcmp(clio_leontief_method(f), "lu-mixed"),
                    "%s: lu-mixed factors (Z %s) (%s)", what, consume ? "consumed" : "kept",
                    err.message)) {
            clio_leontief_free(f);
            clio_leontief_free(lu);
            clio_table_free(t);
            clio_table_free(tl);
            continue;
        }
        double *B = malloc(n * k * sizeof *B), *X = malloc(n * k * sizeof *X);
        unsigned long long seed = 11;
        double worst = 0;
        for (int tr = 0; tr < 2; tr++) {
            for (size_t e = 0; e < n * k; e++) {
                seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
                /* mixed signs and a zero column */
                B[e] = e / n == 3 ? 0.0 : (double)(seed >> 11) / 9007199254740992.0 - 0.3;
            }
            memcpy(X, B, n * k * sizeof *X);
            int s = clio_leontief_solve(f, tr, k, B, n, &err);
            s = s ? s : clio_leontief_solve(lu, tr, k, X, n, &err);
            worst = s ? INFINITY : fmax(worst, worst_difference(n, k, B, X));
        }
        tap_ok(worst <= 1e-10, "%s: 100 right-hand sides, both ways, agree with LU (%.2g)", what,
               worst);
        clio_result *rm = NULL, *rl = NULL;
        int s = clio_multipliers(consume ? tl : t, f, &rm, &err);
        s = s ? s : clio_multipliers(tl, lu, &rl, &err);
        double dm = 0;
        for (size_t e = 0; s == CLIO_OK && e < rm->nrows * rm->naccounts * rm->nfields; e++)
            if (!isnan(rl->values[e]))
                dm = fmax(dm, fabs(rm->values[e] - rl->values[e]) /
                                  fmax(fabs(rl->values[e]), 1e-300));
        tap_ok(s == CLIO_OK && dm <= 1e-10, "%s: multipliers agree with LU (%.2g)", what, dm);
        char line[256];
        clio_leontief_describe(f, line, sizeof line);
        tap_ok(strstr(line, "lu-mixed") && strstr(line, "refined in double"),
               "%s: described as '%s'", what, line);
        clio_result_free(rm);
        clio_result_free(rl);
        free(B);
        free(X);
        clio_leontief_free(f);
        clio_leontief_free(lu);
        clio_table_free(t);
        clio_table_free(tl);
    }
}

static clio_table *load_wiod(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    clio_matrixset_files wf = {.Z = "Z_2011.csv", .Y = "Y_2011.csv", .x = "x_2011.csv"};
    clio_table_read_matrixset("../shared/data/wiod_2013_release", &wf, NULL, &t, &err);
    return t;
}

/* A 2 x 2 table with x = 1 (Z = A), final demand closing the rows. */
static clio_table *two_by_two(double a11, double a12, double a21, double a22)
{
    double A[4] = {a11, a21, a12, a22};
    return one_region_table(2, A, NULL);
}

static void test_refusals(void)
{
    clio_error err = {0};
    int status;
    /* Productive (rho = 1 - 5e-9) but cond(I - A) ~ 4e8: in single precision
     * 0.5 - 1e-8 is 0.5 and I - A singular; double resolves it. */
    clio_table *t = two_by_two(0.5, 0.5 - 1e-8, 0.5, 0.5);
    clio_leontief *f = solver_factor(t, 0, CLIO_METHOD_MIXED_LU, 0, &err, &status);
    tap_ok((status == CLIO_ENOCONVERGE || status == CLIO_ESINGULAR) && f == NULL &&
               strstr(err.message, "--method lu"),
           "ill-conditioned for single precision: refused, pointing to --method lu (%d: %s)",
           status, err.message);
    f = solver_factor(t, 0, CLIO_METHOD_LU, 0, &err, &status);
    tap_ok(status == CLIO_OK, "... which LU solves (%s)", err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    /* Not productive: refused like every method. */
    t = two_by_two(0.95, 0.3, 0.3, 0.1);
    f = solver_factor(t, CLIO_FACTOR_CONSUME_Z, CLIO_METHOD_MIXED_LU, 0, &err, &status);
    tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "not productive",
               "rho(A) = 1.05: lu-mixed refuses it");
    tap_ok(f == NULL && t->Z == NULL, "... no factor, Z consumed as documented");
    clio_table_free(t);
    /* The productivity check: A >= 0 with a norm below 1 proves it without
     * a solve; with every norm at 1 or more (here column sums 1.0 and 0.6,
     * row sums 1.3 and 0.3, yet rho(A) = 0.92) the check solves. */
    char line[256];
    t = load_germany();
    f = solver_factor(t, 0, CLIO_METHOD_MIXED_LU, 0, &err, &status);
    if (f)
        clio_leontief_describe(f, line, sizeof line);
    tap_ok(status == CLIO_OK && strstr(line, "no solve yet"),
           "||A|| < 1: productive without a check solve (%s)", f ? line : err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    /* ... and not below what double precision resolves: the check solve
     * then finds a tolerance the refinement cannot reach at factor time */
    t = load_germany();
    clio_leontief_options tight = {.method = CLIO_METHOD_MIXED_LU, .tolerance = 1e-15};
    status = clio_leontief_factor_opts(t, 0, &tight, &f, &err);
    if (f)
        clio_leontief_describe(f, line, sizeof line);
    tap_ok(status != CLIO_OK || strstr(line, "steps at most"),
           "tolerance 1e-15 (tol * rcond below 1e-14): the check solve runs (%s)",
           f ? line : err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    t = two_by_two(0.8, 0.5, 0.2, 0.1);
    f = solver_factor(t, 0, CLIO_METHOD_MIXED_LU, 0, &err, &status);
    if (f)
        clio_leontief_describe(f, line, sizeof line);
    tap_ok(status == CLIO_OK && strstr(line, "steps at most"),
           "||A|| >= 1 in both norms, rho(A) < 1: productive by the check solve (%s)",
           f ? line : err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    /* A sparse table, an analysis that needs the LU factor. */
    t = load_germany();
    clio_table_sparsify(t, &err);
    f = solver_factor(t, 0, CLIO_METHOD_MIXED_LU, 0, &err, &status);
    tap_status(status, CLIO_EINVAL, err.message, "needs a dense table",
               "lu-mixed on a sparse table: refused");
    clio_table_free(t);
    t = load_germany();
    clio_leontief_options need = {.method = CLIO_METHOD_MIXED_LU, .needs_lu = 1};
    status = clio_leontief_factor_opts(t, 0, &need, &f, &err);
    tap_status(status, CLIO_EINVAL, err.message, "needs the LU factor",
               "lu-mixed where the LU factor itself is needed: refused");
    clio_table_free(t);
    tap_ok(clio_method_parse("lu-mixed") == CLIO_METHOD_MIXED_LU, "'lu-mixed' parses");
}

/* Right-hand sides far below single precision's range, and a tolerance
 * below what double precision certifies: solved, not zeroed or refused. */
static void test_scaling(void)
{
    clio_error err = {0};
    int s1, s2;
    clio_table *t = load_germany(), *tl = load_germany();
    clio_leontief_options tiny_tol = {.method = CLIO_METHOD_MIXED_LU, .tolerance = 1e-20};
    clio_leontief *f = NULL;
    s1 = clio_leontief_factor_opts(t, 0, &tiny_tol, &f, &err);
    clio_leontief *lu = solver_factor(tl, 0, CLIO_METHOD_LU, 0, &err, &s2);
    double b[12], x[12];
    for (int i = 0; i < 12; i++)
        b[i] = x[i] = i < 6 ? 1e-50 * (i + 1) : 1e300 * (i - 5);
    int s = s1 ? s1 : s2 ? s2 : clio_leontief_solve(f, 0, 2, b, 6, &err);
    s = s ? s : clio_leontief_solve(lu, 0, 2, x, 6, &err);
    double worst = s ? INFINITY : worst_difference(6, 2, b, x);
    tap_ok(worst <= 1e-12 && b[0] > 0,
           "lu-mixed: right-hand sides of 1e-50 and 1e300 and --tolerance 1e-20 solve as LU "
           "does (%.2g %s)",
           worst, err.message);
    clio_leontief_free(f);
    clio_leontief_free(lu);
    clio_table_free(t);
    clio_table_free(tl);
}

/* Auto falls back to LU when single precision cannot resolve a large
 * table: A = (1 - 1e-8) / n everywhere, cond(I - A) about 1e8. */
static void test_auto_fallback(void)
{
    const size_t n = 4000;
    clio_table *t = one_region_table(n, NULL, NULL);
    for (size_t k = 0; k < n * n; k++)
        t->Z[k] = (1.0 - 1e-8) / (double)n;
    for (size_t i = 0; i < n; i++)
        t->Y[i] = 1e-8;
    clio_error err = {0};
    clio_leontief *f = NULL;
    int status = clio_leontief_factor_opts(t, CLIO_FACTOR_CONSUME_Z, NULL, &f, &err);
    double g[4000];
    for (size_t i = 0; i < n; i++)
        g[i] = 1.0;
    status = status ? status : clio_leontief_solve(f, 0, 1, g, n, &err);
    /* (I - A)^-1 1 = 1 + (1 - 1e-8) / 1e-8 in every entry */
    tap_ok(status == CLIO_OK && !strcmp(clio_leontief_method(f), "lu") &&
               fabs(g[0] - 1e8) / 1e8 < 1e-6,
           "cond(I - A) ~ 1e8 at n = 4000: auto falls back from lu-mixed to LU (%s, g = %.6g)",
           f ? clio_leontief_method(f) : err.message, g[0]);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* Auto: lu-mixed from n = 4000 when the right-hand sides are many. */
static void test_auto(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/clio_mixed_%d.nc", (int)getpid());
    clio_generate_options g = {40, 100, 5, 1, 1}; /* n = 4000 */
    clio_error err = {0};
    clio_table *t = NULL;
    int status = clio_generate(&g, path, &err);
    status = status ? status : clio_table_read(path, &t, &err);
    remove(path);
    if (!tap_ok(status == CLIO_OK, "a generated n = 4000 table (%s)", err.message))
        return;
    clio_leontief *f = NULL;
    status = clio_leontief_factor_opts(t, CLIO_FACTOR_CONSUME_Z, NULL, &f, &err);
    tap_ok(status == CLIO_OK && !strcmp(clio_leontief_method(f), "lu-mixed"),
           "n = 4000, many right-hand sides: auto takes lu-mixed (%s)",
           f ? clio_leontief_method(f) : err.message);
    clio_leontief_free(f);
    clio_table_free(t);
}

int main(void)
{
    on_table("Germany 1995", load_germany);
    clio_table *w = load_wiod();
    if (w)
        on_table("WIOD 2011 (n = 1435)", load_wiod);
    else
        tap_skip(3, "WIOD 2013 release not in ../shared/data");
    clio_table_free(w);
    test_refusals();
    test_scaling();
    test_auto();
    test_auto_fallback();
    return tap_done();
}
