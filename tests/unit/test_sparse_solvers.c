/* test_sparse_solvers.c -- the solvers on sparse tables (t->Zs, CSC;
 * docs/methods-sparse.md): every method (dense LU from Zs, the series and
 * GMRES on CSC products, UMFPACK's sparse LU, the automatic choice) gives
 * dense LU's multipliers and impacts to 1e-10 on Germany 1995, WIOD 2011
 * and random sparse MRIO-like tables (one with a zero-output sector, one
 * with column and row sums above 1 that is still productive); the sparse
 * LU on a dense table; CLIO_FACTOR_CONSUME_Z with sparse tables; every
 * refusal (singular, non-productive, iteration cap, memory limit) and the
 * analyses that need a dense Z refusing a sparse table cleanly. */
#include "../../solver/factor.h"
#include "solver_test.h"
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>

/* Deterministic generator (xorshift64*), so failures reproduce. */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static void label(clio_table *t, int kind, size_t i, const char *prefix)
{
    char name[32];
    snprintf(name, sizeof name, "%s%zu", prefix, i + 1);
    clio_table_set_label(t, kind, i, name);
}

/* A dense copy of a dense table (labels, Z, Y, V, x, S, SY). */
static clio_table *copy_table(const clio_table *b)
{
    size_t n = b->n;
    clio_table *t = clio_table_alloc(b->nregions, n, b->nfd, b->nva, b->nsat);
    if (!t)
        return NULL;
    for (size_t r = 0; r < b->nregions; r++)
        clio_table_set_label(t, CLIO_LABEL_REGION, r, b->regions[r]);
    for (size_t i = 0; i < n; i++) {
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, b->sector_names[i]);
        t->sector_region[i] = b->sector_region[i];
    }
    for (size_t k = 0; k < b->nfd; k++) {
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, k, b->fd_names[k]);
        t->fd_region[k] = b->fd_region[k];
    }
    for (size_t a = 0; a < b->nva; a++)
        clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, a, b->va_names[a]);
    for (size_t a = 0; a < b->nsat; a++) {
        clio_table_set_label(t, CLIO_LABEL_SATELLITE, a, b->sat_names[a]);
        if (b->sat_units && b->sat_units[a])
            clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, a, b->sat_units[a]);
    }
    memcpy(t->Z, b->Z, n * n * sizeof *t->Z);
    memcpy(t->Y, b->Y, n * b->nfd * sizeof *t->Y);
    memcpy(t->V, b->V, b->nva * n * sizeof *t->V);
    memcpy(t->x, b->x, n * sizeof *t->x);
    memcpy(t->S, b->S, b->nsat * n * sizeof *t->S);
    memcpy(t->SY, b->SY, b->nsat * b->nfd * sizeof *t->SY);
    return t;
}

static clio_table *sparse_copy(const clio_table *b)
{
    clio_table *t = copy_table(b);
    clio_error err = {0};
    if (t && clio_table_sparsify(t, &err) != CLIO_OK) {
        clio_table_free(t);
        return NULL;
    }
    return t;
}

/* A random MRIO-like table: R regions of S sectors, dense-ish domestic
 * blocks (density 0.6), a few trade entries per column, column sums of A
 * in [0.2, 0.7], outputs in [1, 100], one value-added row (1 - column sum
 * of A, times x) and one satellite.  Options: a sector with zero output
 * (its row and column of Z are zero), and a column and a row whose sums
 * exceed 1 in a table that stays productive. */
typedef struct random_spec {
    size_t regions, sectors;
    unsigned long long seed;
    int zero_output, big_sums;
} random_spec;

static clio_table *random_table(const random_spec *sp)
{
    size_t R = sp->regions, S = sp->sectors, n = R * S;
    unsigned long long seed = sp->seed;
    clio_table *t = clio_table_alloc(R, n, 1, 1, 1);
    double *A = calloc(n * n, sizeof *A);
    for (size_t r = 0; r < R; r++)
        label(t, CLIO_LABEL_REGION, r, "R");
    for (size_t i = 0; i < n; i++) {
        label(t, CLIO_LABEL_SECTOR, i % S, "s");
        if (i >= S)
            clio_table_set_label(t, CLIO_LABEL_SECTOR, i, t->sector_names[i % S]);
        t->sector_region[i] = i / S;
        t->x[i] = 1.0 + 99.0 * uniform(&seed);
    }
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "households");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "value added");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "jobs");
    for (size_t j = 0; j < n; j++) {
        size_t r = j / S;
        double *col = A + j * n, sum = 0, target = 0.2 + 0.5 * uniform(&seed);
        for (size_t i = r * S; i < (r + 1) * S; i++)
            if (uniform(&seed) < 0.6)
                sum += col[i] = uniform(&seed);
        for (int k = 0; k < 3 && R > 1; k++) {
            size_t i = (size_t)(uniform(&seed) * (double)n) % n;
            if (i / S != r)
                sum += col[i] = 0.3 * uniform(&seed);
        }
        for (size_t i = 0; i < n && sum > 0; i++)
            col[i] *= target / sum;
    }
    if (sp->big_sums) { /* column 1 sums to 1.3 and row 2 to 1.2 */
        for (size_t i = 0; i < n; i++)
            A[i + 1 * n] = 1.3 / (double)n;
        for (size_t j = 0; j < n; j++)
            A[2 + j * n] = 1.2 / (double)n;
    }
    if (sp->zero_output) {
        size_t z = n / 2;
        t->x[z] = 0;
        for (size_t k = 0; k < n; k++)
            A[k + z * n] = A[z + k * n] = 0;
    }
    for (size_t j = 0; j < n; j++) {
        double colsum = 0;
        for (size_t i = 0; i < n; i++) {
            t->Z[i + j * n] = A[i + j * n] * t->x[j];
            colsum += A[i + j * n];
        }
        t->V[j] = (1.0 - colsum) * t->x[j];
        t->S[j] = 0.01 * t->x[j] * (1.0 + uniform(&seed));
    }
    for (size_t i = 0; i < n; i++) {
        double row = 0;
        for (size_t j = 0; j < n; j++)
            row += t->Z[i + j * n];
        t->Y[i] = t->x[i] - row;
    }
    free(A);
    return t;
}



static const int methods[] = {CLIO_METHOD_LU, CLIO_METHOD_SERIES, CLIO_METHOD_KRYLOV,
                              CLIO_METHOD_SPARSE_LU, CLIO_METHOD_AUTO};
#define NMETHODS (sizeof methods / sizeof *methods)

/* Multipliers and the impact of the first final-demand column by every
 * method on a sparse copy (and the sparse LU on a dense copy) against
 * dense LU on the dense table.  Every other run consumes Zs. */
static void compare_methods(const char *what, const clio_table *base)
{
    clio_error err = {0};
    clio_result *ref_m = NULL, *ref_i = NULL;
    clio_table *t = copy_table(base);
    int status;
    clio_leontief *f = solver_factor(t, 0, CLIO_METHOD_LU, 0, &err, &status);
    double *df = malloc(base->n * sizeof *df);
    memcpy(df, base->Y, base->n * sizeof *df);
    status = status ? status : clio_multipliers(t, f, &ref_m, &err);
    status = status ? status : clio_impact(t, f, df, &ref_i, &err);
    tap_ok(status == CLIO_OK, "%s: dense LU reference (%s)", what, err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    for (size_t m = 0; m <= NMETHODS && status == CLIO_OK; m++) {
        int method = m < NMETHODS ? methods[m] : CLIO_METHOD_SPARSE_LU;
        int dense = m == NMETHODS;
        unsigned flags = m % 2 ? CLIO_FACTOR_CONSUME_Z : 0;
        t = dense ? copy_table(base) : sparse_copy(base);
        clio_result *rm = NULL, *ri = NULL;
        int s = 0;
        f = solver_factor(t, flags, method, 1 + t->nva + t->nsat, &err, &s);
        int consumed = !(flags & CLIO_FACTOR_CONSUME_Z) || (!t->Z && !t->Zs);
        s = s ? s : clio_multipliers(t, f, &rm, &err);
        s = s ? s : clio_impact(t, f, df, &ri, &err);
        char line[256] = "";
        if (f)
            clio_leontief_describe(f, line, sizeof line);
        tap_ok(s == CLIO_OK && consumed, "%s: %s on a %s table%s: %s (%s)", what,
               method ? clio_leontief_method(f ? f : NULL) : "auto", dense ? "dense" : "sparse",
               flags ? " (Z consumed)" : "", line, err.message);
        if (s == CLIO_OK) {
            double dm = result_difference(ref_m, rm), di = result_difference(ref_i, ri);
            if (!tap_ok(dm <= 1e-10 && di <= 1e-10, "%s: %s agrees with dense LU to 1e-10",
                        what, line))
                tap_diag("multipliers %.3g, impact %.3g", dm, di);
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

static void test_germany(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    if (!tap_ok(clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err) == CLIO_OK,
                "Germany 1995 loads (%s)", err.message))
        return;
    compare_methods("Germany 1995", t);
    clio_table_free(t);
}

#define WIOD "../shared/data/wiod_2013_release"
static void test_wiod(void)
{
    clio_matrixset_files files = {.Z = "Z_2011.csv", .Y = "Y_2011.csv", .x = "x_2011.csv"};
    clio_table *t = NULL;
    clio_error err = {0};
    if (access(WIOD "/Z_2011.csv", R_OK) != 0) {
        tap_skip(1, "WIOD 2011 not found in " WIOD);
        return;
    }
    if (!tap_ok(clio_table_read_matrixset(WIOD, &files, NULL, &t, &err) == CLIO_OK,
                "WIOD 2011 loads (%s)", err.message))
        return;
    compare_methods("WIOD 2011", t);
    clio_table_free(t);
}

static void test_random(void)
{
    random_spec plain = {6, 40, 11, 0, 0}, zero = {5, 30, 12, 1, 0}, big = {4, 50, 13, 0, 1};
    clio_table *t = random_table(&plain);
    compare_methods("random 6 x 40", t);
    clio_table_free(t);
    t = random_table(&zero);
    compare_methods("random 5 x 30, a zero-output sector", t);
    clio_table_free(t);
    t = random_table(&big);
    compare_methods("random 4 x 50, column and row sums above 1", t);
    /* GMRES is the candidate there (no norm below 1), and still agrees. */
    clio_table *s = sparse_copy(t);
    clio_error err = {0};
    int status;
    clio_leontief *f = solver_factor(s, 0, CLIO_METHOD_AUTO, 1, &err, &status);
    char line[256] = "";
    if (f)
        clio_leontief_describe(f, line, sizeof line);
    tap_ok(status == CLIO_OK && strstr(line, "auto: krylov"),
           "column and row sums above 1: the automatic choice weighs GMRES (%s)", line);
    clio_leontief_free(f);
    clio_table_free(s);
    clio_table_free(t);
}

/* A 3-sector sparse table from A (column-major) with x = 1. */
static clio_table *small_sparse(const double *A)
{
    clio_table *t = clio_table_alloc(1, 3, 1, 0, 0);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R1");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    for (size_t i = 0; i < 3; i++) {
        label(t, CLIO_LABEL_SECTOR, i, "s");
        t->sector_region[i] = 0;
        t->x[i] = 1.0;
        t->Y[i] = 0.1;
    }
    memcpy(t->Z, A, 9 * sizeof *A);
    clio_error err = {0};
    clio_table_sparsify(t, &err);
    return t;
}

static void test_refusals(void)
{
    clio_error err = {0};
    int status;
    /* Singular: a_33 = 1 makes column 3 of I - A zero. */
    double singular[9] = {0.2, 0.1, 0, 0.1, 0.3, 0.1, 0, 0, 1.0};
    clio_table *t = small_sparse(singular);
    clio_leontief *f = solver_factor(t, 0, CLIO_METHOD_SPARSE_LU, 1, &err, &status);
    tap_status(status, CLIO_ESINGULAR, err.message, "sector 's3'",
               "sparse-lu: a singular I - A names the sector");
    tap_ok(f == NULL, "no factor on failure");
    clio_table_free(t);

    /* Not productive: a 2 x 2 loop with a_12 a_21 > (1 - a_11)(1 - a_22). */
    double loop[9] = {0.5, 0.9, 0, 0.9, 0.5, 0, 0, 0, 0.2};
    int tried[] = {CLIO_METHOD_SPARSE_LU, CLIO_METHOD_LU, CLIO_METHOD_KRYLOV,
                   CLIO_METHOD_AUTO};
    for (size_t k = 0; k < 4; k++) {
        t = small_sparse(loop);
        f = solver_factor(t, k % 2 ? CLIO_FACTOR_CONSUME_Z : 0, tried[k], 1, &err, &status);
        tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "not productive",
                   "a non-productive sparse table is refused");
        if (k % 2)
            tap_ok(t->Zs == NULL && t->Z == NULL, "Zs consumed on failure too");
        clio_leontief_free(f);
        clio_table_free(t);
    }

    /* The iteration cap: 3 passes cannot reach 1e-12 at column sums 0.7. */
    double slow[9] = {0.3, 0.2, 0.2, 0.2, 0.3, 0.2, 0.2, 0.2, 0.3};
    t = small_sparse(slow);
    clio_leontief_options o = {.method = CLIO_METHOD_SERIES, .max_iterations = 3};
    status = clio_leontief_factor_opts(t, 0, &o, &f, &err);
    double b[3] = {1, 1, 1};
    if (status == CLIO_OK)
        status = clio_leontief_solve(f, 0, 1, b, 3, &err);
    tap_status(status, CLIO_ENOCONVERGE, err.message, "3 passes",
               "the series on a sparse table stops at max_iterations");
    clio_leontief_free(f);
    f = NULL;

    /* Memory limits: each method refuses with the numbers, auto with all. */
    o = (clio_leontief_options){.method = CLIO_METHOD_SPARSE_LU, .memory_limit = 100};
    tap_status(clio_leontief_factor_opts(t, 0, &o, &f, &err), CLIO_ENOMEM, err.message,
               "sparse-lu method needs about", "sparse-lu over the memory limit");
    o.method = CLIO_METHOD_AUTO;
    tap_status(clio_leontief_factor_opts(t, 0, &o, &f, &err), CLIO_ENOMEM, err.message,
               "no method fits the memory limit", "auto: nothing fits, every estimate named");
    clio_table_free(t);

    /* Dense LU on a large sparse table: the n x n matrix is over budget. */
    random_spec big = {10, 50, 21, 0, 0};
    clio_table *d = random_table(&big);
    t = sparse_copy(d);
    o = (clio_leontief_options){.method = CLIO_METHOD_LU, .memory_limit = 1500000};
    tap_status(clio_leontief_factor_opts(t, 0, &o, &f, &err), CLIO_ENOMEM, err.message,
               "dense n x n I - A of the sparse table", "--method lu on a sparse table: ENOMEM");
    /* ... while the automatic choice fits the same budget sparsely. */
    o.method = CLIO_METHOD_AUTO;
    o.rhs = 2;
    status = clio_leontief_factor_opts(t, 0, &o, &f, &err);
    tap_ok(status == CLIO_OK && f && f->method != CLIO_METHOD_LU,
           "auto within 1.5 MB on a sparse n = 500 table: %s (%s)",
           f ? clio_leontief_method(f) : "-", err.message);
    clio_leontief_free(f);
    clio_table_free(t);
    clio_table_free(d);
}

/* Analyses that need the dense Z refuse a sparse table with a message. */
static void test_dense_only(void)
{
    random_spec sp = {2, 10, 5, 0, 0};
    clio_table *d = random_table(&sp);
    clio_table *t = sparse_copy(d);
    clio_error err = {0};
    int status;
    clio_leontief *f = solver_factor(t, 0, CLIO_METHOD_SPARSE_LU, 0, &err, &status);
    clio_result *r = NULL, *r2 = NULL;
    tap_ok(status == CLIO_OK, "sparse-lu on a 2 x 10 table (%s)", err.message);
    tap_status(clio_linkages(t, f, &r, &err), CLIO_EINVAL, err.message, "the table is sparse",
               "linkages refuse a sparse table");
    tap_status(clio_extract_sectors(t, f, &r, &err), CLIO_EINVAL, err.message, "densify it",
               "extraction refuses a sparse table");
    tap_status(clio_ghosh(t, f, &r, &err), CLIO_EINVAL, err.message, "Z",
               "Ghosh refuses a sparse table");
    tap_status(clio_spillovers(t, f, &r, &err), CLIO_EINVAL, err.message, "needs Z, the dense flows",
               "spillovers refuse a sparse table");
    err.message[0] = '\0';
    status = clio_footprints(t, f, &r, &r2, &err);
    tap_ok(status == CLIO_OK, "footprints work on a sparse table (%s)", err.message);
    clio_result_free(r);
    clio_result_free(r2);
    /* clio_coefficients fills A from Zs. */
    double *A = calloc(400, sizeof *A), *Ad = calloc(400, sizeof *Ad);
    status = clio_coefficients(t, A, 20, &err);
    clio_coefficients(d, Ad, 20, &err);
    double diff = 0;
    for (size_t k = 0; k < 400; k++)
        diff = fmax(diff, fabs(A[k] - Ad[k]));
    tap_ok(status == CLIO_OK && diff == 0, "clio_coefficients of a sparse table");
    free(A);
    free(Ad);
    clio_leontief_free(f);
    clio_table_free(t);
    clio_table_free(d);
}

/* CSC products against dense ones, both directions, 1 to 9 columns. */
static void test_apply(void)
{
    random_spec sp = {3, 20, 7, 1, 0};
    clio_table *d = random_table(&sp);
    clio_table *s = sparse_copy(d);
    size_t n = d->n;
    clio_leontief fd = {.n = n}, fs = {.n = n};
    clio_error err = {0};
    double *X = malloc(n * 9 * sizeof *X), *Y1 = malloc(n * 9 * sizeof *X);
    double *Y2 = malloc(n * 9 * sizeof *X), *W = malloc(n * 9 * sizeof *X);
    unsigned long long seed = 3;
    for (size_t k = 0; k < n * 9; k++)
        X[k] = uniform(&seed) - 0.3;
    fd.inv_x = fs.inv_x = malloc(n * sizeof *fd.inv_x);
    for (size_t j = 0; j < n; j++)
        fd.inv_x[j] = d->x[j] != 0 ? 1.0 / d->x[j] : 0.0;
    fd.z_borrowed = d->Z;
    fs.zs_borrowed = s->Zs;
    double worst = 0;
    for (int tr = 0; tr < 2; tr++)
        for (size_t m = 1; m <= 9; m += 4) {
            clioi_apply_a(&fd, tr, m, X, Y1, W);
            clioi_apply_a(&fs, tr, m, X, Y2, NULL);
            for (size_t k = 0; k < n * m; k++)
                worst = fmax(worst, fabs(Y1[k] - Y2[k]) / fmax(1e-300, fabs(Y1[k]) + 1e-12));
        }
    tap_ok(worst < 1e-13, "CSC products equal dense ones (largest difference %.3g)", worst);
    free(fd.inv_x);
    free(X);
    free(Y1);
    free(Y2);
    free(W);
    clio_table_free(s);
    clio_table_free(d);
    (void)err;
}

/* A sparse table built in CSC directly (n too large for a dense copy):
 * R regions of S sectors, `dom` non-zeros per column in its own region's
 * block (the diagonal among them) and `trade` in random other regions. */
static clio_table *csc_table(size_t R, size_t S, size_t dom, size_t trade,
                             unsigned long long seed)
{
    size_t n = R * S, per = dom + trade;
    clio_table *t = clio_table_alloc_sparse(R, n, n * per, 1, 0, 0);
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    for (size_t r = 0; r < R; r++)
        label(t, CLIO_LABEL_REGION, r, "R");
    clio_sparse *z = t->Zs;
    size_t p = 0;
    for (size_t j = 0; j < n; j++) {
        size_t r = j / S;
        label(t, CLIO_LABEL_SECTOR, j, "s");
        t->sector_region[j] = r;
        t->x[j] = 1.0;
        z->colptr[j] = (int64_t)p;
        /* rows: other regions below r, the domestic band, regions above */
        size_t rows[64], k = 0;
        for (size_t q = 0; q < trade; q++) {
            size_t other = (r + 1 + (size_t)(uniform(&seed) * (double)(R - 1))) % R;
            rows[k++] = other * S + (size_t)(uniform(&seed) * (double)S) % S;
        }
        for (size_t q = 0; q < dom; q++)
            rows[k++] = r * S + (j % S + q) % S;
        for (size_t a = 1; a < k; a++) /* insertion sort, dropping repeats below */
            for (size_t b = a; b > 0 && rows[b - 1] > rows[b]; b--) {
                size_t tmp = rows[b];
                rows[b] = rows[b - 1];
                rows[b - 1] = tmp;
            }
        for (size_t a = 0; a < k; a++)
            if (a == 0 || rows[a] != rows[a - 1]) {
                z->rowind[p] = (int64_t)rows[a];
                z->values[p++] = 0.6 / (double)per;
            }
        t->Y[j] = 0.4;
    }
    z->colptr[n] = (int64_t)p;
    z->nnz = p;
    return t;
}

/* The automatic choice for table t (consumed and freed) and rhs
 * right-hand sides: the method, with its description in line. */
static int auto_choice(clio_table *t, size_t rhs, char line[256], clio_error *err)
{
    int status;
    clio_leontief *f = solver_factor(t, CLIO_FACTOR_CONSUME_Z, CLIO_METHOD_AUTO, rhs, err, &status);
    line[0] = '\0';
    if (f)
        clio_leontief_describe(f, line, 256);
    int method = status == CLIO_OK ? (int)f->method : -1;
    clio_leontief_free(f);
    clio_table_free(t);
    return method;
}

/* Above n = 20,000 UMFPACK's analysis runs only for tables whose regions
 * trade with few others: a block-diagonal table with many right-hand sides
 * gets the sparse LU, a trade-linked one iterates unanalysed. */
static void test_large_choice(void)
{
    clio_error err = {0};
    int status;
    clio_table *t = csc_table(250, 100, 6, 0, 31); /* n = 25,000 */
    clio_leontief *f = solver_factor(t, CLIO_FACTOR_CONSUME_Z, CLIO_METHOD_AUTO, 2000, &err, &status);
    char line[256] = "";
    if (f)
        clio_leontief_describe(f, line, sizeof line);
    tap_ok(status == CLIO_OK && f->method == CLIO_METHOD_SPARSE_LU,
           "n = 25,000 block diagonal, 2000 right-hand sides: %s (%s)", line, err.message);
    double b[25000];
    for (size_t i = 0; i < 25000; i++)
        b[i] = 1.0;
    status = status ? status : clio_leontief_solve(f, 1, 1, b, 25000, &err);
    /* every column of A sums to 0.6: (I - A')^-1 1 = 1 / 0.4 exactly */
    double worst = 0;
    for (size_t i = 0; i < 25000 && status == CLIO_OK; i++)
        worst = fmax(worst, fabs(b[i] * 0.4 - 1.0));
    tap_ok(status == CLIO_OK && worst < 1e-12, "... and its solve is exact (%.3g)", worst);
    clio_leontief_free(f);
    clio_table_free(t);
    int method = auto_choice(csc_table(250, 100, 5, 2, 32), 2000, line, &err);
    tap_ok(method == CLIO_METHOD_SERIES && strstr(line, "sparse-lu -"),
           "n = 25,000 trade-linked, 2000 right-hand sides: the series (its passes touch 3 "
           "vectors, GMRES's 34), unanalysed: %s (%s)", line, err.message);
    /* 20 non-zeros a column and the 13 right-hand sides of multipliers:
     * the products dominate, and GMRES needs half the series' passes */
    method = auto_choice(csc_table(250, 100, 12, 8, 33), 13, line, &err);
    tap_ok(method == CLIO_METHOD_KRYLOV && strstr(line, "sparse-lu -"),
           "n = 25,000, 20 non-zeros a column, 13 right-hand sides: GMRES although the series "
           "has its bound: %s (%s)", line, err.message);
}

static void test_names(void)
{
    tap_ok(clio_method_parse("sparse-lu") == CLIO_METHOD_SPARSE_LU &&
               clio_method_parse("sparse") == -1,
           "'sparse-lu' parses");
    double A[9] = {0.2, 0.1, 0, 0, 0.3, 0.1, 0.1, 0, 0.2};
    clio_table *t = small_sparse(A);
    clio_error err = {0};
    int status;
    clio_leontief *f = solver_factor(t, 0, CLIO_METHOD_SPARSE_LU, 1, &err, &status);
    char line[256] = "";
    if (f)
        clio_leontief_describe(f, line, sizeof line);
    tap_ok(status == CLIO_OK && !strcmp(clio_leontief_method(f), "sparse-lu") &&
               strstr(line, "UMFPACK") && strstr(line, "nnz(I - A) = 6") &&
               clio_leontief_rcond(f) > 0,
           "sparse-lu is named and described: %s", line);
    double L[9];
    status = clio_leontief_inverse(f, L, 3, &err);
    tap_ok(status == CLIO_OK && L[0] > 1 && L[4] > 1 && L[8] > 1 && L[3] == 0.0 + L[3],
           "the inverse by sparse-lu solves");
    clio_leontief_free(f);
    clio_table_free(t);
}

int main(void)
{
    test_apply();
    test_names();
    test_germany();
    test_random();
    test_wiod();
    test_refusals();
    test_dense_only();
    test_large_choice();
    return tap_done();
}
