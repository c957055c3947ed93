/* test_shock_solver.c -- the shock solvers against independent
 * computations: Woodbury updates against LAPACKE_dgesv on the changed
 * I - A' (random tables, column, row and general changes, both
 * transposes) and against a refactorisation of the changed Germany 1995
 * table; the mixed model against hand-worked fractions and against the
 * fixed point x = min(cap, A x + y) found by plain iteration; the Ghosh
 * shock against clio_ghosh_inverse and the identity dx'(I - B) = dv'. */
#include "clio.h"
#include "clioi.h"
#include "tap.h"

#include <lapacke.h>
#include <stdlib.h>

/* Deterministic generator (xorshift64*), so failures reproduce. */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/* A random coefficient matrix (n x n, ld n): about 70 % non-zero, column
 * sums in (0.1, 0.8), so productive. */
static double *random_A(size_t n, unsigned long long *seed)
{
    double *A = calloc(n * n + 1, sizeof *A);
    for (size_t j = 0; j < n; j++) {
        double target = 0.1 + 0.7 * uniform(seed), sum = 0;
        for (size_t i = 0; i < n; i++)
            sum += A[i + j * n] = uniform(seed) * (uniform(seed) < 0.7);
        for (size_t i = 0; i < n; i++)
            A[i + j * n] = sum > 0 ? A[i + j * n] / sum * target : 0;
    }
    return A;
}

/* A one-region table with coefficients A and output x (Z = A xhat, final
 * demand and value added balance it); sectors s1.., region R. */
static clio_table *table_from(size_t n, const double *A, const double *x)
{
    clio_table *t = clio_table_alloc(1, n, 1, 1, 0);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "va");
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", i + 1);
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, name);
        t->sector_region[i] = 0;
        t->x[i] = x[i];
    }
    for (size_t i = 0; i < n; i++) {
        double row = 0, col = 0;
        for (size_t j = 0; j < n; j++) {
            t->Z[i + j * n] = A[i + j * n] * x[j];
            row += t->Z[i + j * n];
            col += A[j + i * n] * x[i];
        }
        t->Y[i] = x[i] - row;
        t->V[i] = x[i] - col;
    }
    return t;
}

static clio_table *random_table(size_t n, unsigned long long *seed, double **A_out)
{
    double *A = random_A(n, seed), *x = malloc(n * sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = 10 + 1000 * uniform(seed);
    clio_table *t = table_from(n, A, x);
    free(x);
    *A_out = A;
    return t;
}

/* B := (I - A')^-1 B or (I - A')^-T B by LAPACKE_dgesv on the explicit
 * matrix, with A' = A + U V' (U, V n x k, ld n). */
static int direct_solve(size_t n, const double *A, size_t k, const double *U, const double *V,
                        int transpose, size_t nrhs, double *B)
{
    double *M = malloc(n * n * sizeof *M);
    lapack_int *ipiv = malloc(n * sizeof *ipiv);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++) {
            double a = A[i + j * n];
            for (size_t c = 0; c < k; c++)
                a += U[i + c * n] * V[j + c * n];
            M[transpose ? j + i * n : i + j * n] = (i == j) - a;
        }
    lapack_int info = LAPACKE_dgesv(LAPACK_COL_MAJOR, (lapack_int)n, (lapack_int)nrhs, M,
                                    (lapack_int)n, ipiv, B, (lapack_int)n);
    free(M);
    free(ipiv);
    return (int)info;
}

/* max |a - b| / max |b| over n values. */
static double relative_difference(const double *a, const double *b, size_t n)
{
    double diff = 0, scale = 0;
    for (size_t i = 0; i < n; i++) {
        diff = fmax(diff, fabs(a[i] - b[i]));
        scale = fmax(scale, fabs(b[i]));
    }
    return scale > 0 ? diff / scale : diff;
}

/* ---- Woodbury updates ----------------------------------------------- */

enum { COLUMNS, ROWS, GENERAL, NKINDS };
static const char *const kind_names[NKINDS] = {"columns", "rows", "general U V'"};

/* U, V (n x k, ld n) of a change of kind `kind` that keeps A' >= 0 and
 * productive: k distinct columns or rows J changed by D with
 * -a/2 <= d <= 0.1/k, or a small positive U V'. */
static void random_change(size_t n, size_t k, int kind, const double *A, unsigned long long *seed,
                          double *U, double *V)
{
    memset(U, 0, n * k * sizeof *U);
    memset(V, 0, n * k * sizeof *V);
    size_t *J = malloc(n * sizeof *J);
    for (size_t i = 0; i < n; i++)
        J[i] = i;
    for (size_t c = 0; c < k; c++) { /* k distinct indices: a partial shuffle */
        size_t r = c + (size_t)(uniform(seed) * (double)(n - c));
        size_t tmp = J[c];
        J[c] = J[r];
        J[r] = tmp;
    }
    for (size_t c = 0; c < k; c++) {
        for (size_t i = 0; i < n; i++) {
            double a = kind == COLUMNS ? A[i + J[c] * n] : A[J[c] + i * n];
            double d = -0.5 * a + (0.5 * a + 0.1 / (double)(k * n)) * uniform(seed);
            if (kind == COLUMNS) {
                U[i + c * n] = d;
            } else if (kind == ROWS) {
                V[i + c * n] = d;
            } else {
                U[i + c * n] = 0.1 / (double)(n * k) * uniform(seed);
                V[i + c * n] = uniform(seed);
            }
        }
        if (kind == COLUMNS)
            V[J[c] + c * n] = 1.0;
        else if (kind == ROWS)
            U[J[c] + c * n] = 1.0;
    }
    free(J);
}

/* One random trial: the worst relative difference of the two transposes. */
static double woodbury_trial(size_t n, size_t k, int kind, unsigned long long *seed, int *failed)
{
    double *A;
    clio_table *t = random_table(n, seed, &A);
    clio_leontief *f = NULL;
    clio_leontief_update *u = NULL;
    clio_error err = {0};
    size_t nrhs = 3;
    double *U = malloc(n * k * sizeof *U), *V = malloc(n * k * sizeof *V);
    double *B = malloc(n * nrhs * sizeof *B), *R = malloc(n * nrhs * sizeof *R);
    double worst = 0;
    random_change(n, k, kind, A, seed, U, V);
    if (clio_leontief_factor(t, 0, &f, &err) != CLIO_OK ||
        clio_leontief_update_make(f, t, k, U, n, V, n, &u, &err) != CLIO_OK) {
        tap_diag("n %zu k %zu %s: %s", n, k, kind_names[kind], err.message);
        *failed = 1;
    }
    for (int trans = 0; u && trans < 2; trans++) {
        for (size_t i = 0; i < n * nrhs; i++)
            B[i] = R[i] = uniform(seed) - 0.3;
        if (clio_leontief_update_solve(u, trans, nrhs, B, n, &err) != CLIO_OK ||
            direct_solve(n, A, k, U, V, trans, nrhs, R) != 0)
            *failed = 1;
        worst = fmax(worst, relative_difference(B, R, n * nrhs));
    }
    clio_leontief_update_free(u);
    clio_leontief_free(f);
    clio_table_free(t);
    free(A);
    free(U);
    free(V);
    free(B);
    free(R);
    return worst;
}

static void test_woodbury_random(void)
{
    static const size_t sizes[] = {5, 9, 20, 37, 60};
    unsigned long long seed = 20240605;
    for (int kind = 0; kind < NKINDS; kind++) {
        double worst = 0;
        int failed = 0, trials = 0;
        for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
            for (size_t k = 1; k <= 5; k++, trials++)
                worst = fmax(worst, woodbury_trial(sizes[s], k, kind, &seed, &failed));
        tap_ok(!failed && worst <= 1e-10,
               "Woodbury, %s changed (%d random tables, n 5..60, k 1..5, plain and transposed "
               "solves) equals dgesv on I - A' (worst relative difference %.2g <= 1e-10)",
               kind_names[kind], trials, worst);
    }
}

/* A rank-0 update solves with the factor itself. */
static void test_woodbury_rank0(void)
{
    unsigned long long seed = 7;
    double *A;
    clio_table *t = random_table(8, &seed, &A);
    clio_leontief *f;
    clio_leontief_update *u = NULL;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    double b[8], c[8];
    for (size_t i = 0; i < 8; i++)
        b[i] = c[i] = uniform(&seed);
    int status = clio_leontief_update_make(f, NULL, 0, NULL, 8, NULL, 8, &u, &err);
    if (tap_ok(status == CLIO_OK, "Woodbury: a rank-0 update is accepted (%s)", err.message)) {
        clio_leontief_update_solve(u, 1, 1, b, 8, &err);
        clio_leontief_solve(f, 1, 1, c, 8, &err);
        tap_ok(memcmp(b, c, sizeof b) == 0, "Woodbury: rank 0 solves exactly as the factor");
    }
    clio_leontief_update_free(u);
    clio_leontief_free(f);
    clio_table_free(t);
    free(A);
}

/* Germany 1995 (data/germany_1995): construction buys 10 % of its
 * manufactured inputs from business services instead (a column change,
 * k = 1), and manufacturing sells 5 % less to every sector while trade
 * and transport sells 3 % more (row changes, k = 2): the updated solves
 * equal solves with the factor of the changed table. */
static void test_woodbury_germany(void)
{
    clio_table *t, *t2;
    clio_error err = {0};
    if (!tap_ok(clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err) == CLIO_OK,
                "Germany 1995 loads (%s)", err.message))
        return;
    clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t2, &err);
    size_t n = t->n;
    size_t manu = 1, cons = 2, trade = 3, busi = 4;
    double U[3 * 6] = {0}, V[3 * 6] = {0};
    /* column of construction: d = 0.1 a_manu,cons moves to business services */
    double moved = 0.1 * t->Z[manu + cons * n] / t->x[cons];
    U[manu] = -moved;
    U[busi] = moved;
    V[cons] = 1;
    /* rows: U = E_R, V = D' with D the change of the rows */
    U[manu + 1 * n] = 1;
    U[trade + 2 * n] = 1;
    for (size_t j = 0; j < n; j++) {
        V[j + 1 * n] = -0.05 * t->Z[manu + j * n] / t->x[j];
        V[j + 2 * n] = 0.03 * t->Z[trade + j * n] / t->x[j];
    }
    /* the changed table: Z' = (A + U V') xhat */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            for (size_t c = 0; c < 3; c++)
                t2->Z[i + j * n] += U[i + c * n] * V[j + c * n] * t->x[j];
    clio_leontief *f, *f2;
    clio_leontief_update *u;
    clio_leontief_factor(t, 0, &f, &err);
    clio_leontief_factor(t2, 0, &f2, &err);
    int status = clio_leontief_update_make(f, t, 3, U, n, V, n, &u, &err);
    if (tap_ok(status == CLIO_OK, "Germany: a rank-3 update (%s)", err.message)) {
        for (int trans = 0; trans < 2; trans++) {
            double b[6], c[6];
            for (size_t i = 0; i < n; i++)
                b[i] = c[i] = t->Y[i];
            clio_leontief_update_solve(u, trans, 1, b, n, &err);
            clio_leontief_solve(f2, trans, 1, c, n, &err);
            double d = relative_difference(b, c, n);
            tap_ok(d <= 1e-10,
                   "Germany: Woodbury %s solve equals the refactorised table's (relative "
                   "difference %.2g)",
                   trans ? "transposed" : "plain", d);
        }
        clio_leontief_update_free(u);
    }
    clio_leontief_free(f);
    clio_leontief_free(f2);
    clio_table_free(t);
    clio_table_free(t2);
}

/* Every error of the update, on purpose. */
static void test_woodbury_errors(void)
{
    double A[4] = {0.1, 0.2, 0.3, 0.1}, x[2] = {100, 200};
    clio_table *t = table_from(2, A, x), *t3;
    clio_leontief *f;
    clio_leontief_update *u = (clio_leontief_update *)&u; /* must be reset to NULL */
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    double U[2] = {1, 0}, V[2] = {0.9, 0};
    int status = clio_leontief_update_make(f, t, 1, NULL, 2, V, 2, &u, &err);
    tap_status(status, CLIO_EINVAL, err.message, "NULL", "update: NULL U is CLIO_EINVAL");
    tap_ok(u == NULL, "update: *out is NULL after a failure");
    status = clio_leontief_update_make(f, t, 1, U, 1, V, 2, &u, &err);
    tap_status(status, CLIO_EINVAL, err.message, "leading dimension",
               "update: ldu < n is CLIO_EINVAL");
    status = clio_leontief_update_make(f, t, 3, U, 2, V, 2, &u, &err);
    tap_status(status, CLIO_EDIM, err.message, "rank 3", "update: rank above n is CLIO_EDIM");
    double Vnan[2] = {0.1, NAN};
    status = clio_leontief_update_make(f, t, 1, U, 2, Vnan, 2, &u, &err);
    tap_status(status, CLIO_EVALUE, err.message, "V(2, 1)", "update: NaN in V is CLIO_EVALUE");
    t3 = clio_table_alloc(1, 3, 1, 1, 0);
    status = clio_leontief_update_make(f, t3, 1, U, 2, V, 2, &u, &err);
    tap_status(status, CLIO_EDIM, err.message, "3", "update: a table of another size is "
                                                    "CLIO_EDIM");
    clio_table_free(t3);
    double Az[4] = {0, 0, 0, 0}, xz[2] = {1, 1};
    clio_table *tz = table_from(2, Az, xz);
    clio_leontief *fz;
    clio_leontief_factor(tz, 0, &fz, &err);
    double U1[2] = {1, 0}, V1[2] = {1, 0}; /* A' = e1 e1': I - A' = diag(0, 1) */
    status = clio_leontief_update_make(fz, tz, 1, U1, 2, V1, 2, &u, &err);
    tap_status(status, CLIO_ESINGULAR, err.message, "singular",
               "update: I - A' singular is CLIO_ESINGULAR");
    double U2[2] = {2, 0}; /* a'_11 = 2: I - A' = diag(-1, 1), g_1 = -1 */
    status = clio_leontief_update_make(fz, tz, 1, U2, 2, V1, 2, &u, &err);
    tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "sector 's1' in region 'R'",
               "update: a non-productive A' is CLIO_ENONPRODUCTIVE naming the sector");
    status = clio_leontief_update_make(fz, NULL, 1, U2, 2, V1, 2, &u, &err);
    tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "sector 1",
               "update: without a table the sector is named by its number");
    /* column 1 of A' = (0.1 + 0.9, 0.2 + 0.8) = (1, 1): I - A' =
     * [[0, -0.3], [-1, 0.9]] is regular, but (I - A') g = 1 gives
     * g = (-4, -10/3) */
    double Us[2] = {0.9, 0.8};
    status = clio_leontief_update_make(f, t, 1, Us, 2, V1, 2, &u, &err);
    tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "output -4 of sector 's1'",
               "update: a column of A' summing to 2 is non-productive, naming s1");
    status = clio_leontief_update_solve(NULL, 0, 1, U, 2, &err);
    tap_status(status, CLIO_EINVAL, err.message, "NULL", "update solve: NULL update");
    clio_leontief_update_free(NULL);
    clio_leontief_free(fz);
    clio_table_free(tz);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* ---- The mixed model (capacity caps) -------------------------------- */

/* Miller & Blair (2009) Table 2.3: A = [[0.15, 0.25], [0.20, 0.05]],
 * x = (1000, 2000), f = (350, 1700); L = (1/303) [[380, 100], [80, 340]]. */
static const double MB_A[4] = {0.15, 0.20, 0.25, 0.05}, MB_X[2] = {1000, 2000};

/* Solve the capped model on the 2-sector example; checks status. */
static int mb_solve(const double *y, const double *cap, double *x, double *ym,
                    unsigned char *bind, size_t *rounds, const char *what)
{
    clio_table *t = table_from(2, MB_A, MB_X);
    clio_leontief *f;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    int status = clio_constrained_output(f, NULL, y, cap, x, ym, bind, rounds, &err);
    tap_ok(status == CLIO_OK, "%s: solves (%s)", what, err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}

static void test_mixed_hand(void)
{
    double x[2], ym[2];
    unsigned char bind[2];
    size_t rounds;
    /* y = (600, 1500): L y = (378000/303, 558000/303) = (1247.5, 1841.6).
     * Cap x1 at 1100: x2 = (0.2 * 1100 + 1500) / 0.95 = 34400/19, and
     * y_met1 = 0.85 * 1100 - 0.25 * 34400/19 = 9165/19 (< 600: binds). */
    double y[2] = {600, 1500}, cap[2] = {1100, INFINITY};
    if (mb_solve(y, cap, x, ym, bind, &rounds, "M&B capped at 1100") == CLIO_OK) {
        tap_ok(x[0] == 1100, "M&B: x1 is exactly its cap 1100");
        tap_close(x[1], 34400.0 / 19, 1e-14, "M&B: x2 = 34400/19");
        tap_close(ym[0], 9165.0 / 19, 1e-14, "M&B: y_met1 = 9165/19");
        tap_ok(ym[1] == 1500, "M&B: y_met2 = y2 = 1500 (free sector)");
        tap_ok(bind[0] == 1 && bind[1] == 0 && rounds == 1,
               "M&B: sector 1 binds, sector 2 not, in 1 round (got %d %d, %zu)", bind[0],
               bind[1], rounds);
    }
    /* y = f = (350, 1700), caps (990, 1600): L y = (1000, 2000) breaks
     * both.  Both fixed: y_met1 = 0.85 * 990 - 0.25 * 1600 = 441.5 > 350,
     * so sector 1 does not bind and is freed.  Sector 2 alone at 1600:
     * x1 = (0.25 * 1600 + 350) / 0.85 = 15000/17 < 990, and
     * y_met2 = 0.95 * 1600 - 0.2 * 15000/17 = 22840/17 (< 1700). */
    double y2[2] = {350, 1700}, cap2[2] = {990, 1600};
    if (mb_solve(y2, cap2, x, ym, bind, &rounds, "M&B capped at (990, 1600)") == CLIO_OK) {
        tap_close(x[0], 15000.0 / 17, 1e-14, "M&B release: x1 = 15000/17");
        tap_ok(x[1] == 1600, "M&B release: x2 is exactly its cap 1600");
        tap_close(ym[1], 22840.0 / 17, 1e-14, "M&B release: y_met2 = 22840/17");
        tap_ok(ym[0] == 350, "M&B release: y_met1 = y1 = 350");
        tap_ok(bind[0] == 0 && bind[1] == 1 && rounds == 2,
               "M&B release: sector 1 freed in round 2, sector 2 binds (got %d %d, %zu)",
               bind[0], bind[1], rounds);
    }
    /* cap x1 at 100, below what sector 2 alone needs from it:
     * x2 = (0.2 * 100 + 1700) / 0.95 = 34400/19 and
     * y_met1 = 85 - 0.25 * 34400/19 = -6985/19 (documented: negative). */
    double cap3[2] = {100, INFINITY};
    if (mb_solve(y2, cap3, x, ym, bind, &rounds, "M&B capped at 100") == CLIO_OK)
        tap_close(ym[0], -6985.0 / 19, 1e-13,
                  "M&B: a cap below intermediate needs gives y_met1 = -6985/19 < 0");
    /* no cap binds: exactly L y, 1 round */
    double cap4[2] = {1000, INFINITY}, l[2] = {350, 1700};
    clio_table *t = table_from(2, MB_A, MB_X);
    clio_leontief *f;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    clio_leontief_solve(f, 0, 1, l, 2, &err);
    if (mb_solve(y2, cap4, x, ym, bind, &rounds, "M&B with a cap just met") == CLIO_OK)
        tap_ok(x[0] == l[0] && x[1] == l[1] && ym[0] == 350 && ym[1] == 1700 && !bind[0] &&
                   !bind[1] && rounds == 1,
               "M&B: with no cap binding the result is exactly L y and y (x = %.17g, %.17g)",
               x[0], x[1]);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* The fixed point of x = min(cap, A x + y) by plain iteration from L y:
 * monotone, geometric with rate below the largest column sum of A. */
static void fixed_point(size_t n, const double *A, const double *y, const double *cap,
                        const double *Ly, double *x)
{
    double *next = malloc(n * sizeof *next);
    memcpy(x, Ly, n * sizeof *x);
    for (int it = 0; it < 400; it++) {
        for (size_t i = 0; i < n; i++) {
            double s = y[i];
            for (size_t j = 0; j < n; j++)
                s += A[i + j * n] * x[j];
            next[i] = fmin(cap[i], s);
        }
        memcpy(x, next, n * sizeof *x);
    }
    free(next);
}

/* Checks of one capped solution; returns the number of failed checks and
 * the worst scaled residual of (I - A') x = y_met. */
static int check_capped(size_t n, const double *A, const double *y, const double *cap,
                        const double *x, const double *ym, const unsigned char *bind,
                        const double *xfp, double *resid, double *dfp)
{
    int bad = 0;
    double xmax = 0;
    for (size_t i = 0; i < n; i++)
        xmax = fmax(xmax, fabs(x[i]));
    for (size_t i = 0; i < n; i++) {
        double r = x[i] - ym[i];
        for (size_t j = 0; j < n; j++)
            r -= A[i + j * n] * x[j];
        *resid = fmax(*resid, fabs(r) / xmax);
        bad += !(x[i] <= cap[i] * (1 + 1e-12));            /* cap never violated  */
        bad += bind[i] ? x[i] != cap[i] : ym[i] != y[i];    /* fixed or exogenous  */
        bad += !(ym[i] <= y[i] + 1e-12 * xmax);             /* demand met <= wanted */
    }
    *dfp = fmax(*dfp, relative_difference(x, xfp, n));
    return bad;
}

/* Random tables and caps: the solution satisfies the model and equals the
 * fixed point; half the trials with a column update of A. */
static void test_mixed_random(void)
{
    unsigned long long seed = 99;
    int bad = 0, trials = 0, binding = 0, errors = 0;
    double resid = 0, dfp = 0;
    size_t maxrounds = 0;
    for (int trial = 0; trial < 200; trial++, trials++) {
        size_t n = 3 + (size_t)(uniform(&seed) * 38), k = trial % 2 ? 2 : 0;
        double *A;
        clio_table *t = random_table(n, &seed, &A);
        double *U = calloc(n * 2, sizeof *U), *V = calloc(n * 2, sizeof *V);
        double *y = malloc(n * sizeof *y), *cap = malloc(n * sizeof *cap);
        double *x = malloc(n * sizeof *x), *ym = malloc(n * sizeof *ym);
        double *Ly = malloc(n * sizeof *Ly), *xfp = malloc(n * sizeof *xfp);
        unsigned char *bind = malloc(n);
        clio_leontief *f;
        clio_leontief_update *u = NULL;
        clio_error err = {0};
        size_t rounds = 0;
        errors += clio_leontief_factor(t, 0, &f, &err) != CLIO_OK;
        if (k) {
            random_change(n, k, COLUMNS, A, &seed, U, V);
            errors += clio_leontief_update_make(f, t, k, U, n, V, n, &u, &err) != CLIO_OK;
            for (size_t j = 0; j < n; j++) /* A := A' for the checks */
                for (size_t i = 0; i < n; i++)
                    for (size_t c = 0; c < k; c++)
                        A[i + j * n] += U[i + c * n] * V[j + c * n];
        }
        for (size_t i = 0; i < n; i++)
            Ly[i] = y[i] = 100 * uniform(&seed);
        if (u)
            clio_leontief_update_solve(u, 0, 1, Ly, n, &err);
        else
            clio_leontief_solve(f, 0, 1, Ly, n, &err);
        for (size_t i = 0; i < n; i++)
            cap[i] = uniform(&seed) < 0.5 ? Ly[i] * (0.3 + 0.9 * uniform(&seed)) : INFINITY;
        int status = clio_constrained_output(f, u, y, cap, x, ym, bind, &rounds, &err);
        if (status != CLIO_OK) {
            tap_diag("trial %d: %s", trial, err.message);
            errors++;
        } else {
            fixed_point(n, A, y, cap, Ly, xfp);
            bad += check_capped(n, A, y, cap, x, ym, bind, xfp, &resid, &dfp);
            for (size_t i = 0; i < n; i++)
                binding += bind[i];
            maxrounds = rounds > maxrounds ? rounds : maxrounds;
        }
        clio_leontief_update_free(u);
        clio_leontief_free(f);
        clio_table_free(t);
        free(A), free(U), free(V), free(y), free(cap), free(x), free(ym), free(Ly), free(xfp);
        free(bind);
    }
    tap_ok(errors == 0, "mixed model: %d random capped models (half with changed columns) "
                        "solve (%d errors)", trials, errors);
    tap_ok(bad == 0 && binding > 0,
           "mixed model: caps never violated, binding sectors at their cap, others keep y, "
           "y_met <= y (%d failures, %d binding caps, at most %zu rounds)",
           bad, binding, maxrounds);
    tap_ok(resid <= 1e-12, "mixed model: (I - A) x = y_met, scaled residual %.2g <= 1e-12",
           resid);
    tap_ok(dfp <= 1e-10, "mixed model: x equals the fixed point of x = min(cap, A x + y) "
                         "(relative difference %.2g <= 1e-10)",
           dfp);
}

static void test_mixed_errors(void)
{
    clio_table *t = table_from(2, MB_A, MB_X), *t2 = table_from(2, MB_A, MB_X);
    clio_leontief *f, *f2;
    clio_leontief_update *u;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    clio_leontief_factor(t2, 0, &f2, &err);
    double y[2] = {350, 1700}, x[2] = {-1, -1}, ym[2];
    unsigned char bind[2];
    double capnan[2] = {1000, NAN}, capneg[2] = {-1, 5}, cap[2] = {900, INFINITY};
    int status = clio_constrained_output(f, NULL, y, capnan, x, ym, bind, NULL, &err);
    tap_status(status, CLIO_EVALUE, err.message, "cap of sector 2 is nan",
               "mixed model: a NaN cap is CLIO_EVALUE naming the sector");
    tap_ok(x[0] == -1 && x[1] == -1, "mixed model: outputs untouched after an error");
    status = clio_constrained_output(f, NULL, y, capneg, x, ym, bind, NULL, &err);
    tap_status(status, CLIO_EVALUE, err.message, "cap of sector 1 is -1",
               "mixed model: a negative cap is CLIO_EVALUE naming the sector");
    double ynan[2] = {INFINITY, 1};
    status = clio_constrained_output(f, NULL, ynan, cap, x, ym, bind, NULL, &err);
    tap_status(status, CLIO_EVALUE, err.message, "final demand of sector 1",
               "mixed model: infinite final demand is CLIO_EVALUE");
    status = clio_constrained_output(f, NULL, y, NULL, x, ym, bind, NULL, &err);
    tap_status(status, CLIO_EINVAL, err.message, "NULL", "mixed model: NULL cap is CLIO_EINVAL");
    status = clio_constrained_output(NULL, NULL, y, cap, x, ym, bind, NULL, &err);
    tap_status(status, CLIO_EINVAL, err.message, "NULL",
               "mixed model: NULL factor is CLIO_EINVAL");
    clio_leontief_update_make(f2, t2, 0, NULL, 2, NULL, 2, &u, &err);
    status = clio_constrained_output(f, u, y, cap, x, ym, bind, NULL, &err);
    tap_status(status, CLIO_EINVAL, err.message, "another factor",
               "mixed model: an update of another factor is CLIO_EINVAL");
    /* a zero cap: the sector produces nothing, the other still runs */
    double cap0[2] = {0, INFINITY};
    status = clio_constrained_output(f, NULL, y, cap0, x, ym, bind, NULL, &err);
    tap_ok(status == CLIO_OK && x[0] == 0 && bind[0] && fabs(x[1] - 1700 / 0.95) < 1e-9,
           "mixed model: a zero cap stops the sector (x = %g, %g)", x[0], x[1]);
    clio_leontief_update_free(u);
    clio_leontief_free(f);
    clio_leontief_free(f2);
    clio_table_free(t);
    clio_table_free(t2);
}

/* WIOD 2011 (1435 sectors, ../shared/data; about 0.4 s): a rank-5 change
 * of five columns equals the refactorised table, and a 10 % demand boom
 * against caps at baseline output for 100 sectors keeps every cap. */
#define WIOD "../shared/data/wiod_2013_release"
static void test_wiod(void)
{
    clio_matrixset_files files = {.Z = "Z_2011.csv", .Y = "Y_2011.csv", .x = "x_2011.csv"};
    clio_table *t;
    clio_error err = {0};
    if (access(WIOD "/Z_2011.csv", R_OK) != 0) {
        tap_skip(4, "WIOD 2011 not found in " WIOD);
        return;
    }
    if (!tap_ok(clio_table_read_matrixset(WIOD, &files, NULL, &t, &err) == CLIO_OK,
                "WIOD 2011 loads (%s)", err.message))
        return;
    size_t n = t->n, k = 5;
    clio_leontief *f, *f2;
    clio_leontief_update *u = NULL;
    clio_leontief_factor(t, 0, &f, &err);
    double *U = calloc(n * k, sizeof *U), *V = calloc(n * k, sizeof *V);
    double *y = calloc(n, sizeof *y), *b = malloc(n * sizeof *b), *c = malloc(n * sizeof *c);
    for (size_t i = 0; i < n; i++)
        for (size_t d = 0; d < t->nfd; d++)
            y[i] += t->Y[i + d * n];
    /* column j = 100 + 200 q: 10 % of its largest input moves to the next sector */
    for (size_t q = 0; q < k; q++) {
        size_t j = 100 + 200 * q, a = 0;
        for (size_t i = 0; i < n; i++)
            a = t->Z[i + j * n] > t->Z[a + j * n] ? i : a;
        double m = 0.1 * t->Z[a + j * n] / t->x[j];
        U[a + q * n] = -m;
        U[(a + 1) % n + q * n] = m;
        V[j + q * n] = 1;
    }
    int status = clio_leontief_update_make(f, t, k, U, n, V, n, &u, &err);
    for (size_t q = 0; q < k; q++) /* the changed table, refactorised */
        for (size_t i = 0; i < n; i++)
            t->Z[i + (100 + 200 * q) * n] += U[i + q * n] * t->x[100 + 200 * q];
    status = status ? status : clio_leontief_factor(t, 0, &f2, &err);
    if (tap_ok(status == CLIO_OK, "WIOD: rank-5 update and refactorisation (%s)", err.message)) {
        double d = 0;
        for (int trans = 0; trans < 2; trans++) {
            memcpy(b, y, n * sizeof *b);
            memcpy(c, y, n * sizeof *c);
            clio_leontief_update_solve(u, trans, 1, b, n, &err);
            clio_leontief_solve(f2, trans, 1, c, n, &err);
            d = fmax(d, relative_difference(b, c, n));
        }
        tap_ok(d <= 1e-10, "WIOD: Woodbury solves equal the refactorised table's, plain and "
                           "transposed (relative difference %.2g)", d);
        clio_leontief_free(f2);
    }
    double *cap = malloc(n * sizeof *cap), *x = malloc(n * sizeof *x), *ym = malloc(n * sizeof *ym);
    unsigned char *bind = malloc(n);
    size_t rounds = 0, nbind = 0;
    int bad = 0;
    for (size_t i = 0; i < n; i++) {
        y[i] *= 1.1;
        cap[i] = i % 14 == 0 && i / 14 < 100 ? t->x[i] : INFINITY;
    }
    status = clio_constrained_output(f, u, y, cap, x, ym, bind, &rounds, &err);
    for (size_t i = 0; status == CLIO_OK && i < n; i++) {
        nbind += bind[i];
        bad += !(x[i] <= cap[i] * (1 + 1e-12)) || !(ym[i] <= y[i] + 1e-12 * fabs(y[i]));
    }
    tap_ok(status == CLIO_OK && bad == 0 && nbind > 50,
           "WIOD: demand +10 %% against 100 caps (changed columns): no cap violated, met "
           "demand <= wanted (%d failures, %zu caps bind, %zu rounds; %s)",
           bad, nbind, rounds, err.message);
    clio_leontief_update_free(u);
    clio_leontief_free(f);
    clio_table_free(t);
    free(U), free(V), free(y), free(b), free(c), free(cap), free(x), free(ym), free(bind);
}

/* ---- The Ghosh shock ------------------------------------------------- */

enum { PRICE_CHANGE = 2 }; /* clio_prices' field "price_change" */

/* Germany 1995: value added falls by 10 % in manufacturing and rises by
 * 5 % in business services; dx' = dv' G with G from clio_ghosh_inverse,
 * and the supply identity dx_j - sum_i dx_i z_ij / x_i = dv_j. */
static void test_ghosh_germany(void)
{
    clio_table *t;
    clio_error err = {0};
    if (clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err) != CLIO_OK) {
        tap_ok(0, "Germany 1995 loads (%s)", err.message);
        return;
    }
    size_t n = t->n;
    clio_leontief *f;
    clio_leontief_factor(t, 0, &f, &err);
    double dv[6] = {0}, dx[6], want[6] = {0}, *G = malloc(n * n * sizeof *G);
    for (size_t j = 0; j < n; j++) {
        double va = 0;
        for (size_t r = 0; r < t->nva; r++)
            va += t->V[r + j * t->nva];
        dv[j] = j == 1 ? -0.10 * va : j == 4 ? 0.05 * va : 0;
    }
    int status = clio_ghosh_shock(t, f, dv, dx, &err);
    clio_ghosh_inverse(t, f, G, n, &err);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            want[j] += dv[i] * G[i + j * n];
    double worst = 0;
    for (size_t j = 0; j < n; j++) {
        double r = dx[j] - dv[j];
        for (size_t i = 0; i < n; i++)
            r -= dx[i] * t->Z[i + j * n] / t->x[i];
        worst = fmax(worst, fabs(r) / fabs(dv[1]));
    }
    double d = relative_difference(dx, want, n);
    tap_ok(status == CLIO_OK && d <= 1e-12,
           "Ghosh shock on Germany 1995 equals dv' G from clio_ghosh_inverse (relative "
           "difference %.2g)", d);
    tap_ok(worst <= 1e-13, "Ghosh shock: dx' (I - B) = dv' (scaled residual %.2g)", worst);
    tap_ok(dx[1] < dv[1] && dx[0] < 0,
           "Ghosh shock: manufacturing loses more output than its value added (%.1f < %.1f), "
           "agriculture, which sells to it, loses too (%.2f)", dx[1], dv[1], dx[0]);
    /* Dietzenbacher (1997): dx_j / x_j is the Leontief price model's price
     * change for the cost change dv_j / x_j per unit of output. */
    double dc[6];
    clio_result *r = NULL;
    for (size_t j = 0; j < n; j++)
        dc[j] = dv[j] / t->x[j];
    double dp = 0;
    if (clio_prices(t, f, dc, &r, &err) == CLIO_OK)
        for (size_t j = 0; j < n; j++)
            dp = fmax(dp, fabs(dx[j] / t->x[j] - clio_result_value(r, j, 0, PRICE_CHANGE)) /
                              fabs(dc[1]));
    tap_ok(r && dp <= 1e-13,
           "Ghosh shock: dx / x equals the price model's dp for costs dv / x (Dietzenbacher "
           "1997; difference %.2g)", dp);
    clio_result_free(r);
    free(G);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* A sector with no output (row and column of A zero): a primary input into
 * it is its own output change, and it passes nothing on. */
static void test_ghosh_zero_output(void)
{
    double A[9] = {0.1, 0, 0.2, 0, 0, 0, 0.3, 0, 0.1}, x[3] = {100, 0, 50};
    clio_table *t = table_from(3, A, x);
    clio_leontief *f;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    double dv[3] = {0, 7, 0}, dx[3];
    int status = clio_ghosh_shock(t, f, dv, dx, &err);
    tap_ok(status == CLIO_OK && dx[1] == 7 && dx[0] == 0 && dx[2] == 0,
           "Ghosh shock: a zero-output sector's primary input is its own output only "
           "(dx = %g, %g, %g)", dx[0], dx[1], dx[2]);
    /* B = xhat^-1 Z: b11 = 0.1, b13 = 0.15, b31 = 0.4, b33 = 0.1, so
     * dx' (I - B) = (10, 0, 0) reads 0.9 dx1 - 0.4 dx3 = 10 and
     * 0.9 dx3 = 0.15 dx1: dx = (12, 0, 2). */
    double dv1[3] = {10, 0, 0}, dx1[3];
    status = clio_ghosh_shock(t, f, dv1, dx1, &err);
    tap_ok(status == CLIO_OK && fabs(dx1[0] - 12) < 1e-13 && dx1[1] == 0 &&
               fabs(dx1[2] - 2) < 1e-13,
           "Ghosh shock: beside a zero-output sector, dx = (12, 0, 2) by hand (got %.17g, %g, "
           "%.17g)", dx1[0], dx1[1], dx1[2]);
    double dvnan[3] = {0, 0, NAN};
    status = clio_ghosh_shock(t, f, dvnan, dx, &err);
    tap_status(status, CLIO_EVALUE, err.message, "sector 's3' in region 'R'",
               "Ghosh shock: NaN primary-input change is CLIO_EVALUE naming the sector");
    clio_table *t2 = table_from(2, MB_A, MB_X);
    status = clio_ghosh_shock(t2, f, dv, dx, &err);
    tap_status(status, CLIO_EDIM, err.message, "3 sectors",
               "Ghosh shock: a factor of another table is CLIO_EDIM");
    status = clio_ghosh_shock(t, f, NULL, dx, &err);
    tap_status(status, CLIO_EINVAL, err.message, "NULL", "Ghosh shock: NULL dv is CLIO_EINVAL");
    clio_table_free(t2);
    clio_leontief_free(f);
    clio_table_free(t);
}

int main(void)
{
    test_woodbury_random();
    test_woodbury_rank0();
    test_woodbury_germany();
    test_woodbury_errors();
    test_mixed_hand();
    test_mixed_random();
    test_mixed_errors();
    test_wiod();
    test_ghosh_germany();
    test_ghosh_zero_output();
    return tap_done();
}
