/* test_krylov.c -- the lockstep GMRES (solver/iterative_krylov.c): with 1,
 * 3, 14 and 100 right-hand sides, both directions, it agrees with LU to
 * 1e-10 on Germany 1995, UK 2010, WIOD 2011 and a generated MRIO; columns
 * converging at different speeds (a zero column, a column that is already
 * the solution, a slow and a fast block) each stop on their own; every step
 * is one product with the block; the iteration cap gives CLIO_ENOCONVERGE. */
#include "../../solver/factor.h"
#include "../../solver/krylov.h"
#include "solver_test.h"
#include "tap.h"

#include <stdlib.h>

static const size_t widths[] = {1, 3, 14, 100};

static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static clio_leontief *factor(clio_table *t, int method, size_t max_iter, clio_error *err,
                             int *status)
{
    clio_leontief_options o = {.method = method, .rhs = 4, .max_iterations = max_iter};
    clio_leontief *f = NULL;
    *status = clio_leontief_factor_opts(t, 0, &o, &f, err);
    return f;
}

/* Right-hand sides of mixed kinds: zero (the first of several), a unit vector, final demand,
 * random positive, random of both signs, a large scale. */
static void fill_rhs(const clio_table *t, size_t nrhs, double *B, unsigned long long seed)
{
    size_t n = t->n;
    for (size_t c = 0; c < nrhs; c++) {
        double *b = B + c * n;
        for (size_t i = 0; i < n; i++) {
            double u = uniform(&seed);
            switch (c % 6) {
            case 0: b[i] = nrhs > 1 && c == 0 ? 0.0 : u; break;
            case 1: b[i] = i == (c * 7) % n; break;
            case 2: b[i] = t->Y[i]; break;
            case 3: b[i] = u; break;
            case 4: b[i] = u - 0.5; break;
            default: b[i] = 1e6 * u * u; break;
            }
        }
    }
}


/* Every width and direction on the table `what`, against LU. */
static void agree_with_lu(const char *what, clio_table *t)
{
    clio_error err = {0};
    int s1, s2;
    clio_leontief *lu = factor(t, CLIO_METHOD_LU, 0, &err, &s1);
    clio_leontief *kr = factor(t, CLIO_METHOD_KRYLOV, 0, &err, &s2);
    if (!tap_ok(s1 == CLIO_OK && s2 == CLIO_OK, "%s: LU and GMRES factors (%s)", what,
                err.message))
        goto done;
    size_t n = t->n;
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
        size_t nrhs = widths[w];
        double *X = malloc(n * nrhs * sizeof *X), *R = malloc(n * nrhs * sizeof *R);
        for (int tr = 0; tr < 2; tr++) {
            fill_rhs(t, nrhs, X, 17 + w);
            memcpy(R, X, n * nrhs * sizeof *R);
            memset(kr->stats, 0, sizeof *kr->stats);
            int s = clio_leontief_solve(kr, tr, nrhs, X, n, &err);
            clio_leontief_solve(lu, tr, nrhs, R, n, &err);
            double d = worst_difference(n, nrhs, X, R);
            if (!tap_ok(s == CLIO_OK && d <= 1e-10,
                        "%s: %zu right-hand side%s, %s: GMRES = LU to 1e-10 (%.2g; %zu block "
                        "products, %zu at most per column)",
                        what, nrhs, nrhs > 1 ? "s" : "", tr ? "transposed" : "direct", d,
                        kr->stats->passes_total, kr->stats->passes_max))
                printf("# %s\n", err.message);
            /* Up to the block's width every step is one product with the
             * block: the block products are the slowest column's. */
            if (nrhs <= clioi_krylov_width(n, nrhs))
                tap_ok(kr->stats->passes_total == kr->stats->passes_max,
                       "%s: %zu columns in lockstep: %zu block products = the slowest column's",
                       what, nrhs, kr->stats->passes_total);
        }
        free(X);
        free(R);
    }
done:
    clio_leontief_free(lu);
    clio_leontief_free(kr);
}

static void on_table(const char *what, clio_table *t, int status, const clio_error *err)
{
    if (status != CLIO_OK) {
        tap_skip(1, what);
        printf("# %s\n", err->message);
        clio_table_free(t);
        return;
    }
    agree_with_lu(what, t);
    clio_table_free(t);
}

static void test_tables(void)
{
    clio_error err = {0};
    clio_table *t = NULL;
    int s = clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    on_table("Germany 1995", t, s, &err);
    const char *uk = "../shared/data/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv";
    t = NULL;
    s = clio_table_read_statoffice(uk, "tests/fixtures/specs/uk_2010.yaml", &t, &err);
    on_table("UK 2010 (n = 127)", t, s, &err);
    clio_matrixset_files wf = {.Z = "Z_2011.csv", .Y = "Y_2011.csv", .x = "x_2011.csv"};
    t = NULL;
    s = clio_table_read_matrixset("../shared/data/wiod_2013_release", &wf, NULL, &t, &err);
    on_table("WIOD 2011 (n = 1435)", t, s, &err);
    char path[64];
    snprintf(path, sizeof path, "/tmp/clio_krylov_%d.nc", (int)getpid());
    clio_generate_options g = {6, 30, 7, 2, 1}; /* n = 180 */
    t = NULL;
    s = clio_generate(&g, path, &err);
    s = s ? s : clio_table_read(path, &t, &err);
    on_table("generated 6 x 30", t, s, &err);
    remove(path);
}

/* A block-diagonal A: a slow block (rho 0.95), a fast one (rho 0.05) and a
 * sector with a zero row and column (A e = 0 and A' e = 0: b = e is
 * already the solution, both ways).  Columns on the fast block need far
 * fewer products than those on the slow one; each stops on its own. */
static void test_speeds(void)
{
    const size_t n = 41, half = 20;
    clio_table *t = clio_table_alloc(1, n, 1, 0, 0);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R1");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    unsigned long long seed = 3;
    for (size_t j = 0; j < n; j++) {
        char name[16];
        snprintf(name, sizeof name, "s%zu", j);
        clio_table_set_label(t, CLIO_LABEL_SECTOR, j, name);
        t->x[j] = 1.0;
        double c = j < half ? 0.95 : j < 2 * half ? 0.05 : 0.0, sum = 0;
        size_t lo = j < half ? 0 : half, hi = j < 2 * half ? lo + half : lo;
        for (size_t i = lo; i < hi; i++)
            sum += t->Z[i + j * n] = uniform(&seed);
        for (size_t i = lo; i < hi; i++)
            t->Z[i + j * n] *= c / sum;
    }
    for (size_t i = 0; i < n; i++)
        t->Y[i] = 1.0;
    clio_error err = {0};
    int s1, s2;
    clio_leontief *lu = factor(t, CLIO_METHOD_LU, 0, &err, &s1);
    clio_leontief *kr = factor(t, CLIO_METHOD_KRYLOV, 0, &err, &s2);
    enum { K = 4 };
    double X[K * 41], R[K * 41];
    size_t alone[K];
    for (int tr = 0; tr < 2; tr++) {
        memset(X, 0, sizeof X);
        for (size_t i = 0; i < half; i++) {
            X[i + 1 * n] = 1.0 + (double)i; /* slow */
            X[half + i + 2 * n] = 1.0 + (double)i; /* fast */
        }
        X[n - 1 + 3 * n] = 2.5; /* the zero-coefficient sector: x = b */
        memcpy(R, X, sizeof X);
        for (size_t c = 0; c < K; c++) { /* each column alone */
            double x1[41];
            memcpy(x1, X + c * n, sizeof x1);
            memset(kr->stats, 0, sizeof *kr->stats);
            clio_leontief_solve(kr, tr, 1, x1, n, &err);
            alone[c] = kr->stats->passes_max;
        }
        memset(kr->stats, 0, sizeof *kr->stats);
        int s = clio_leontief_solve(kr, tr, K, X, n, &err);
        clio_leontief_solve(lu, tr, K, R, n, &err);
        const char *dir = tr ? "transposed" : "direct";
        tap_ok(s1 == CLIO_OK && s2 == CLIO_OK && s == CLIO_OK &&
                   worst_difference(n, K, X, R) <= 1e-10,
               "speeds, %s: zero, slow, fast and solved columns together = LU (%s)", dir,
               err.message);
        tap_ok(alone[0] == 0 && alone[3] == 1 && alone[2] < alone[1],
               "speeds, %s: products alone: zero column %zu, solved column %zu (its residual), "
               "fast %zu < slow %zu",
               dir, alone[0], alone[3], alone[2], alone[1]);
        tap_ok(kr->stats->passes_total == alone[1] && kr->stats->passes_max == alone[1],
               "speeds, %s: together %zu block products, the slowest column's (%zu)", dir,
               kr->stats->passes_total, alone[1]);
        tap_ok(X[n - 1 + 3 * n] == 2.5 && X[0] == 0,
               "speeds, %s: the solved and the zero column are returned exactly", dir);
    }
    clio_leontief_free(lu);
    clio_leontief_free(kr);
    clio_table_free(t);
}

/* Past max_iterations: CLIO_ENOCONVERGE naming the method and the columns
 * left; more columns than one block (slots refilled) still hit the cap. */
static void test_cap(void)
{
    clio_error err = {0};
    clio_table *t = load_germany();
    int s;
    clio_leontief *f = factor(t, CLIO_METHOD_KRYLOV, 3, &err, &s);
    size_t n = t->n, nrhs = 40;
    double *B = malloc(n * nrhs * sizeof *B);
    for (int tr = 0; tr < 2; tr++) {
        fill_rhs(t, nrhs, B, 5);
        s = s ? s : clio_leontief_solve(f, tr, nrhs, B, n, &err);
        tap_status(s, CLIO_ENOCONVERGE, err.message, "GMRES(6) did not reach relative error",
                   tr ? "transposed, 40 columns past max_iterations = 3: CLIO_ENOCONVERGE"
                      : "direct, 40 columns past max_iterations = 3: CLIO_ENOCONVERGE");
        tap_ok(strstr(err.message, "right-hand sides left") != NULL, "... saying how many are left (%s)",
               err.message);
        s = CLIO_OK;
    }
    free(B);
    clio_leontief_free(f);
    /* The memory estimate grows by the caller's columns plus (m + 5) n
     * doubles and H for each column of the block (here m = n = 6). */
    double one = clioi_method_memory(t, 0, CLIO_METHOD_KRYLOV, 1, NULL);
    double many = clioi_method_memory(t, 0, CLIO_METHOD_KRYLOV, 100, NULL);
    double want = 8.0 * 6 * 99 + 31.0 * (8.0 * 6 * 11 + 8.0 * 7 * 9);
    tap_close(many - one, want, 1e-12, "GMRES memory: 100 columns, 32 in lockstep");
    clio_table_free(t);
    tap_ok(clioi_krylov_width(9800, 100) == KRYLOV_BLOCK && clioi_krylov_width(6, 3) == 3 &&
               clioi_krylov_width(1000000, 100) == 1 && clioi_krylov_width(100000, 100) < 32,
           "block width: at most %d columns, fewer when n is large, one at least", KRYLOV_BLOCK);
}

int main(void)
{
    test_tables();
    test_speeds();
    test_cap();
    return tap_done();
}
