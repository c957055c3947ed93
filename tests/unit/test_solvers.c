/* test_solvers.c -- the solver strategies (docs/methods-solvers.md): every
 * method agrees with LU to 1e-10 on Germany 1995 and a generated MRIO, the
 * series' a-priori bound holds and is attained where it should be, the
 * a-posteriori bound covers the true error, the automatic choice, the
 * memory budget, and every refusal (non-productive, iteration cap, LU
 * needed). */
#include "../../solver/factor.h"
#include "solver_test.h"
#include "tap.h"

#include <float.h>
#include <stdlib.h>

static const int iterative[] = {CLIO_METHOD_SERIES, CLIO_METHOD_KRYLOV};

/* A factor for four right-hand sides. */
static clio_leontief *factor(clio_table *t, unsigned flags, int method, clio_error *err,
                             int *status)
{
    return solver_factor(t, flags, method, 4, err, status);
}

/* Deterministic generator (xorshift64*), so failures reproduce. */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}




/* Multipliers and the impact of every sector's first final-demand column,
 * by every method, against LU; the table is read afresh for each (the
 * series consumes Z, GMRES borrows it). */
static void compare_methods(const char *what, clio_table *(*load)(void))
{
    clio_error err = {0};
    clio_result *ref_m = NULL, *ref_i = NULL;
    clio_table *t = load();
    if (!tap_ok(t != NULL, "%s: table read", what))
        return;
    int status;
    clio_leontief *f = factor(t, 0, CLIO_METHOD_LU, &err, &status);
    double *df = malloc(t->n * sizeof *df);
    for (size_t i = 0; i < t->n; i++)
        df[i] = t->Y[i];
    status = status ? status : clio_multipliers(t, f, &ref_m, &err);
    status = status ? status : clio_impact(t, f, df, &ref_i, &err);
    tap_ok(status == CLIO_OK && !strcmp(clio_leontief_method(f), "lu"),
           "%s: LU multipliers and impact (%s)", what, err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    for (size_t m = 0; m < 2 && status == CLIO_OK; m++) {
        t = load();
        unsigned flags = iterative[m] == CLIO_METHOD_SERIES ? CLIO_FACTOR_CONSUME_Z : 0;
        clio_result *rm = NULL, *ri = NULL;
        int s = 0;
        f = factor(t, flags, iterative[m], &err, &s);
        s = s ? s : clio_multipliers(t, f, &rm, &err);
        s = s ? s : clio_impact(t, f, df, &ri, &err);
        const char *name = iterative[m] == CLIO_METHOD_SERIES ? "series" : "krylov";
        tap_ok(s == CLIO_OK && f && !strcmp(clio_leontief_method(f), name), "%s: %s runs (%s)",
               what, name, err.message);
        if (s == CLIO_OK) {
            double dm = result_difference(ref_m, rm), di = result_difference(ref_i, ri);
            if (!tap_ok(dm <= 1e-10 && di <= 1e-10, "%s: %s agrees with LU to 1e-10", what,
                        name))
                printf("# multipliers %.3g, impact %.3g\n", dm, di);
            char line[256];
            clio_leontief_describe(f, line, sizeof line);
            tap_ok(strstr(line, name) && strstr(line, "bound"), "%s: described as '%s'", what,
                   line);
        }
        clio_result_free(rm);
        clio_result_free(ri);
        clio_leontief_free(f);
        clio_table_free(t);
    }
    free(df);
    clio_result_free(ref_m);
    clio_result_free(ref_i);
}

static char generated_path[64];

static clio_table *load_generated(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    clio_table_read(generated_path, &t, &err);
    return t;
}

static void test_generated(void)
{
    snprintf(generated_path, sizeof generated_path, "/tmp/clio_solvers_%d.nc", (int)getpid());
    clio_generate_options o = {8, 25, 3, 2, 2}; /* n = 200 */
    clio_error err = {0};
    int status = clio_generate(&o, generated_path, &err);
    if (tap_ok(status == CLIO_OK, "a generated 8 x 25 table (%s)", err.message))
        compare_methods("generated n = 200", load_generated);
    remove(generated_path);
}

/* Equal column sums c and b >= 0: ||A^m b||_1 = c^m ||b||_1 exactly, so the
 * a-priori bound ||x - x_k||_1 <= c^(k+1) / (1 - c) ||b||_1 is attained:
 * it holds and is as tight as a bound from c can be. */
static void test_apriori_bound(void)
{
    const size_t n = 40;
    const double c = 0.6;
    unsigned long long seed = 99;
    double *A = malloc(n * n * sizeof *A), *b = malloc(n * sizeof *b);
    for (size_t j = 0; j < n; j++) {
        double sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += A[i + j * n] = uniform(&seed);
        for (size_t i = 0; i < n; i++)
            A[i + j * n] *= c / sum;
    }
    double bnorm = 0;
    for (size_t i = 0; i < n; i++)
        bnorm += b[i] = uniform(&seed);
    clio_error err = {0};
    int s1, s2;
    clio_table *t1 = one_region_table(n, A, NULL), *t2 = one_region_table(n, A, NULL);
    clio_leontief *lu = factor(t1, 0, CLIO_METHOD_LU, &err, &s1);
    clio_leontief *se = factor(t2, CLIO_FACTOR_CONSUME_Z, CLIO_METHOD_SERIES, &err, &s2);
    double *x = malloc(n * sizeof *x), *xk = malloc(n * sizeof *xk), *d = malloc(n * sizeof *d),
           *e = malloc(n * sizeof *e);
    memcpy(x, b, n * sizeof *x);
    if (s1 || s2 || clio_leontief_solve(lu, 0, 1, x, n, &err)) {
        tap_ok(0, "equal column sums: factors (%s)", err.message);
        goto done;
    }
    tap_close(se->colmax, c, 1e-12, "equal column sums: ||A||_1 = c");
    memcpy(xk, b, n * sizeof *xk);
    memcpy(d, b, n * sizeof *d);
    int holds = 1, tight = 1;
    for (size_t k = 0; k <= 40; k++) {
        double error = 0, bound = pow(c, (double)k + 1) / (1 - c) * bnorm;
        for (size_t i = 0; i < n; i++)
            error += fabs(x[i] - xk[i]);
        holds &= error <= bound * (1 + 1e-9) + 1e-14 * bnorm;
        if (bound > 1e-9 * bnorm)
            tight &= error >= 0.999 * bound;
        clioi_apply_a(se, 0, 1, d, e, NULL); /* the next term */
        memcpy(d, e, n * sizeof *d);
        for (size_t i = 0; i < n; i++)
            xk[i] += d[i];
    }
    tap_ok(holds, "a-priori bound: ||x - x_k||_1 <= c^(k+1)/(1-c) ||b||_1 for k = 0..40");
    tap_ok(tight, "a-priori bound attained (within 0.1%%) for equal column sums");
done:
    clio_leontief_free(lu);
    clio_leontief_free(se);
    clio_table_free(t1);
    clio_table_free(t2);
    free(A);
    free(b);
    free(x);
    free(xk);
    free(d);
    free(e);
}

/* Germany: the a-priori bound holds pass by pass, and every solve's
 * reported (a-posteriori) relative bound covers its true error. */
static void test_bounds_germany(void)
{
    clio_error err = {0};
    clio_table *t1 = load_germany(), *t2 = load_germany();
    int s1, s2;
    clio_leontief *lu = factor(t1, 0, CLIO_METHOD_LU, &err, &s1);
    clio_leontief *se = factor(t2, 0, CLIO_METHOD_SERIES, &err, &s2);
    size_t n = t1->n;
    double *x = malloc(n * sizeof *x), *xk = malloc(n * sizeof *xk), *d = malloc(n * sizeof *d),
           *e = malloc(n * sizeof *e), *w = malloc(n * sizeof *w);
    for (size_t i = 0; i < n; i++)
        x[i] = xk[i] = d[i] = t1->Y[i];
    double bnorm = clioi_vector_norm(x, n, 0), c = se->colmax;
    clio_leontief_solve(lu, 0, 1, x, n, &err);
    int holds = 1;
    double loosest = 0;
    for (size_t k = 0; k <= 30; k++) {
        double error = 0, bound = pow(c, (double)k + 1) / (1 - c) * bnorm;
        for (size_t i = 0; i < n; i++)
            error += fabs(x[i] - xk[i]);
        holds &= error <= bound * (1 + 1e-9);
        if (error > 1e-12 * bnorm)
            loosest = fmax(loosest, bound / error);
        clioi_apply_a(se, 0, 1, d, e, w);
        memcpy(d, e, n * sizeof *d);
        for (size_t i = 0; i < n; i++)
            xk[i] += d[i];
    }
    tap_ok(s1 == CLIO_OK && s2 == CLIO_OK && holds,
           "Germany: a-priori bound holds pass by pass (||A||_1 = %.3f; at most %.0fx the "
           "true error)",
           c, loosest);
    tap_ok(loosest < 1e4, "Germany: a-priori bound not absurdly loose (%.0fx < 1e4)", loosest);
    /* The reported bound of a solve covers its true error (both ways). */
    for (int tr = 0; tr < 2; tr++) {
        for (size_t i = 0; i < n; i++)
            x[i] = xk[i] = t1->Y[i] + 0.3 * (double)i;
        memset(se->stats, 0, sizeof *se->stats);
        clio_leontief_solve(lu, tr, 1, x, n, &err);
        int s = clio_leontief_solve(se, tr, 1, xk, n, &err);
        int inf, rigorous;
        double ka;
        clioi_error_scale(se, tr, &inf, &rigorous, &ka); /* the norm the solve used */
        for (size_t i = 0; i < n; i++)
            e[i] = x[i] - xk[i];
        double rel = clioi_vector_norm(e, n, inf) / clioi_vector_norm(x, n, inf);
        tap_ok(s == CLIO_OK && rel <= se->stats->bound_max + 1e-15 &&
                   se->stats->bound_max <= 1e-12 && se->stats->rigorous,
               "Germany %s: true error %.2g within the rigorous reported bound %.2g <= 1e-12",
               tr ? "transposed" : "direct", rel, se->stats->bound_max);
    }
    clio_leontief_free(lu);
    clio_leontief_free(se);
    clio_table_free(t1);
    clio_table_free(t2);
    free(x);
    free(xk);
    free(d);
    free(e);
    free(w);
}

/* n = 2000 tables for the automatic choice: A_ij = 0.25 / n, plus (when
 * `reach_one`) column 1 and row 2 summing to 1.1, so ||A||_1 and
 * ||A||_inf exceed 1 while rho(A) stays near 0.3: productive. */
static double *big_a(size_t n, int reach_one)
{
    double *A = malloc(n * n * sizeof *A);
    for (size_t k = 0; k < n * n; k++)
        A[k] = 0.25 / (double)n;
    if (reach_one)
        for (size_t i = 0; i < n; i++) {
            A[i] = 1.1 / (double)n;
            A[2 + i * n] = 1.1 / (double)n;
        }
    return A;
}

static void check_auto(const char *what, size_t n, int reach_one, clio_leontief_options o,
                       unsigned flags, const char *want)
{
    double *A = big_a(n, reach_one);
    clio_table *t = one_region_table(n, A, NULL), *tl = one_region_table(n, A, NULL);
    free(A);
    clio_error err = {0};
    clio_leontief *f = NULL, *lu = NULL;
    int status = clio_leontief_factor_opts(t, flags, &o, &f, &err);
    int sl = clio_leontief_factor(tl, CLIO_FACTOR_CONSUME_Z, &lu, &err);
    if (!tap_ok(status == CLIO_OK && sl == CLIO_OK && !strcmp(clio_leontief_method(f), want),
                "%s: auto picks %s", what, want))
        printf("# status %d, method %s, %s\n", status, f ? clio_leontief_method(f) : "-",
               err.message);
    if (status == CLIO_OK && sl == CLIO_OK) {
        unsigned long long seed = 5;
        double *B = malloc(2 * n * sizeof *B), *R = malloc(2 * n * sizeof *R);
        for (size_t k = 0; k < 2 * n; k++)
            B[k] = R[k] = uniform(&seed);
        double worst = 0;
        for (int tr = 0; tr < 2; tr++) {
            memcpy(B, R, 2 * n * sizeof *B);
            double *X = malloc(2 * n * sizeof *X);
            memcpy(X, R, 2 * n * sizeof *X);
            clio_leontief_solve(f, tr, 2, B, n, &err);
            clio_leontief_solve(lu, tr, 2, X, n, &err);
            for (size_t k = 0; k < 2 * n; k++)
                worst = fmax(worst, fabs(B[k] - X[k]) / fabs(X[k]));
            free(X);
        }
        tap_ok(worst <= 1e-10, "%s: %s agrees with LU to 1e-10 (%.2g)", what, want, worst);
        free(B);
        free(R);
    }
    clio_leontief_free(f);
    clio_leontief_free(lu);
    clio_table_free(t);
    clio_table_free(tl);
}

static void test_automatic_choice(void)
{
    const size_t n = 2000;
    clio_leontief_options few = {.rhs = 2};
    /* lockstep GMRES needs about half the series' passes: it wins even
     * where the series converges */
    check_auto("n = 2000, column sums 0.25, 2 right-hand sides", n, 0, few, CLIO_FACTOR_CONSUME_Z,
               "krylov");
    clio_leontief_options one = {.rhs = 1};
    check_auto("n = 2000, column and row sums reach 1.1, productive", n, 1, one,
               CLIO_FACTOR_CONSUME_Z, "krylov");
    clio_leontief_options many = {.rhs = 0};
    check_auto("n = 2000, unknown right-hand sides", n, 0, many, CLIO_FACTOR_CONSUME_Z, "lu");
    clio_leontief_options lots = {.rhs = 2000};
    check_auto("n = 2000, 2000 right-hand sides", n, 0, lots, CLIO_FACTOR_CONSUME_Z, "lu");
    /* LU in a copy needs a second n x n matrix (32 MB): a 50 MB budget
     * leaves only the iteration, which borrows Z: GMRES first. */
    clio_leontief_options tight = {.rhs = 0, .memory_limit = 50000000};
    check_auto("n = 2000, Z kept, 50 MB budget", n, 0, tight, 0, "krylov");
    /* Small tables always get LU, whatever their right-hand sides. */
    check_auto("n = 200, 2 right-hand sides", 200, 0, few, CLIO_FACTOR_CONSUME_Z, "lu");

    double *A = big_a(n, 0);
    clio_table *t = one_region_table(n, A, NULL);
    free(A);
    clio_error err = {0};
    clio_leontief *f = NULL;
    clio_leontief_options none = {.memory_limit = 1000000};
    int status = clio_leontief_factor_opts(t, 0, &none, &f, &err);
    tap_status(status, CLIO_ENOMEM, err.message, "no method fits the memory limit of 1 MB",
               "a budget below the table itself: CLIO_ENOMEM naming the sizes");
    tap_ok(strstr(err.message, "LU needs about 64 MB") != NULL, "... with LU's need (%s)",
           err.message);
    clio_leontief_options lu_only = {.method = CLIO_METHOD_LU, .memory_limit = 50000000};
    status = clio_leontief_factor_opts(t, 0, &lu_only, &f, &err);
    tap_status(status, CLIO_ENOMEM, err.message, "over the memory limit of 50 MB",
               "--method lu over the budget: CLIO_ENOMEM");
    clio_table_free(t);
}

/* Refused whatever the method: non-productive tables, the cap, LU needs. */
static void test_refusals(void)
{
    clio_error err = {0};
    int status;
    /* rho(A) > 1 but I - A invertible: L has negative entries. */
    const double An[4] = {0.95, 0.3, 0.3, 0.1};
    /* Column sums exactly 1: I - A singular. */
    const double As[4] = {0.5, 0.5, 0.5, 0.5};
    for (int m = 1; m <= 3; m++) {
        clio_table *t = one_region_table(2, An, NULL);
        clio_leontief *f = factor(t, CLIO_FACTOR_CONSUME_Z, m, &err, &status);
        tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "not productive",
                   "rho(A) = 1.05: refused by the method");
        tap_ok(f == NULL && t->Z == NULL, "... no factor, Z consumed as documented");
        clio_table_free(t);
        t = one_region_table(2, As, NULL);
        f = factor(t, 0, m, &err, &status);
        tap_status(status, m == CLIO_METHOD_LU ? CLIO_ESINGULAR : CLIO_ENONPRODUCTIVE,
                   err.message, m == CLIO_METHOD_LU ? "singular" : "every column sum",
                   "column sums exactly 1: refused");
        clio_leontief_free(f);
        clio_table_free(t);
    }
    /* rho = 0.99999: the series' bound needs about 3e6 passes.  A >= 0 and
     * ||A||_1 < 1 prove productivity, so the factor succeeds and the solve
     * hits the cap. */
    const double Aslow[4] = {0.99999, 0, 0, 0.5};
    clio_table *t = one_region_table(2, Aslow, NULL);
    double b[2] = {1, 1};
    clio_leontief *f = factor(t, 0, CLIO_METHOD_SERIES, &err, &status);
    status = status ? status : clio_leontief_solve(f, 0, 1, b, 2, &err);
    tap_status(status, CLIO_ENOCONVERGE, err.message, "10000 passes",
               "a slowly converging series hits the iteration cap");
    clio_leontief_free(f);
    f = factor(t, 0, CLIO_METHOD_KRYLOV, &err, &status);
    b[0] = b[1] = 1;
    status = status ? status : clio_leontief_solve(f, 0, 1, b, 2, &err);
    tap_ok(status == CLIO_OK && fabs(b[0] - 1e5) < 1e-5 && fabs(b[1] - 2) < 1e-12,
           "... where GMRES converges to (1e5, 2) (%s)", err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    t = load_germany();
    clio_leontief_options capped = {.method = CLIO_METHOD_KRYLOV, .max_iterations = 2};
    status = clio_leontief_factor_opts(t, 0, &capped, &f, &err);
    double g6[6] = {1, 2, 3, 4, 5, 6};
    status = status ? status : clio_leontief_solve(f, 1, 1, g6, 6, &err);
    tap_status(status, CLIO_ENOCONVERGE, err.message, "GMRES(6) did not reach",
               "GMRES past max_iterations: CLIO_ENOCONVERGE");
    clio_leontief_free(f);
    /* An analysis that reads the LU factor. */
    clio_leontief_options need = {.method = CLIO_METHOD_SERIES, .needs_lu = 1};
    status = clio_leontief_factor_opts(t, 0, &need, &f, &err);
    tap_status(status, CLIO_EINVAL, err.message, "needs the LU factor",
               "an iterative method where the LU factor is needed: refused");
    f = factor(t, 0, CLIO_METHOD_SERIES, &err, &status);
    double d[6];
    tap_status(clioi_leontief_inverse_diagonal(f, d, &err), CLIO_EINVAL, err.message,
               "needs the LU factor", "the inverse's diagonal from a series factor: refused");
    clio_result *r = NULL;
    tap_status(clio_extract_sectors(t, f, &r, &err), CLIO_EINVAL, err.message, "LU factor",
               "clio_extract_sectors with a series factor: a clear error");
    /* The inverse by solves still works (in blocks). */
    clio_table *tl = load_germany();
    clio_leontief *lu = factor(tl, 0, CLIO_METHOD_LU, &err, &status);
    double L1[36], L2[36], worst = 0;
    clio_leontief_inverse(lu, L1, 6, &err);
    status = clio_leontief_inverse(f, L2, 6, &err);
    for (int k = 0; k < 36; k++)
        worst = fmax(worst, fabs(L1[k] - L2[k]) / fabs(L1[k]));
    tap_ok(status == CLIO_OK && worst <= 1e-10, "the inverse by the series = LU's (%.2g)", worst);
    clio_leontief_free(lu);
    clio_leontief_free(f);
    clio_table_free(tl);
    clio_table_free(t);
}

static void test_names(void)
{
    tap_ok(clio_method_parse("auto") == CLIO_METHOD_AUTO &&
               clio_method_parse("lu") == CLIO_METHOD_LU &&
               clio_method_parse("series") == CLIO_METHOD_SERIES &&
               clio_method_parse("krylov") == CLIO_METHOD_KRYLOV &&
               clio_method_parse("LU") == -1 && clio_method_parse(NULL) == -1,
           "method names parse, unknown ones are -1");
    tap_ok(clio_memory_physical() > 100000000ULL, "physical memory is known (%llu bytes)",
           clio_memory_physical());
    tap_ok(clioi_passes_estimate(0.5, 1e-12) == 42 && clioi_passes_estimate(1.0, 1e-12) ==
                                                          (size_t)-1,
           "passes estimate: ln(tol (1 - rho)) / ln(rho) + 1");
    clio_table *t = load_germany();
    clio_error err = {0};
    clio_leontief_options bad = {.method = (clio_method)7};
    clio_leontief *f = NULL;
    tap_status(clio_leontief_factor_opts(t, 0, &bad, &f, &err), CLIO_EINVAL, err.message,
               "unknown solver method", "an unknown method number is refused");
    clio_table_free(t);
}

int main(void)
{
    compare_methods("Germany 1995", load_germany);
    test_generated();
    test_apriori_bound();
    test_bounds_germany();
    test_automatic_choice();
    test_refusals();
    test_names();
    return tap_done();
}
