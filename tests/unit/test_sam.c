/* test_sam.c -- the SAM closure for household income groups: with one group
 * it is clio's Type II closure (Germany 1995, UK 2010); Miyazawa's block
 * identity against the bordered (n + k) inverse formed here; Pyatt-Round's
 * M3 M2 M1 = Ma and its additive form against dense matrices built here; a
 * hand-checked 2-sector, 2-group case in exact fractions; every error path
 * of the readers and of the closure. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

#define SHARED "../shared/data/"
#define UK_CSV SHARED "uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv"
#define UK_SPEC "tests/fixtures/specs/uk_2010.yaml"

/* Fields of clio_sam_multipliers and clio_sam_decomposition. */
enum { M_COEF, M_OPEN, M_CLOSED, M_INDUCED, M_SHARE };
enum { P_INITIAL, P_TRANSFER, P_OPEN, P_CLOSED, P_TOTAL };
/* Type II fields. */
enum { T2_EFFECT = 5 };

static char tmpdir[] = "/tmp/clio_sam_XXXXXX";

/* Write text to a file in tmpdir; the path in a static buffer per slot. */
static const char *write_file(int slot, const char *name, const char *text)
{
    static char paths[8][512];
    snprintf(paths[slot], sizeof paths[slot], "%s/%s", tmpdir, name);
    FILE *fp = fopen(paths[slot], "w");
    fputs(text, fp);
    fclose(fp);
    return paths[slot];
}

/* Largest |M| over an N x N matrix, for relative comparisons. */
static double max_abs(const double *M, size_t count)
{
    double m = 0;
    for (size_t i = 0; i < count; i++)
        m = fmax(m, fabs(M[i]));
    return m;
}

/* Inverse of an N x N matrix by Gauss-Jordan with partial pivoting: the
 * test's own dense reference, independent of the library's LAPACK path. */
static int invert(size_t N, const double *M, double *Minv)
{
    double *W = malloc(N * N * sizeof *W);
    memcpy(W, M, N * N * sizeof *W);
    for (size_t i = 0; i < N * N; i++)
        Minv[i] = i % N == i / N;
    for (size_t c = 0; c < N; c++) {
        size_t p = c;
        for (size_t r = c + 1; r < N; r++)
            if (fabs(W[r + c * N]) > fabs(W[p + c * N]))
                p = r;
        if (W[p + c * N] == 0) {
            free(W);
            return -1;
        }
        for (size_t j = 0; j < N; j++) {
            double t = W[c + j * N];
            W[c + j * N] = W[p + j * N];
            W[p + j * N] = t;
            t = Minv[c + j * N];
            Minv[c + j * N] = Minv[p + j * N];
            Minv[p + j * N] = t;
        }
        double d = W[c + c * N];
        for (size_t j = 0; j < N; j++) {
            W[c + j * N] /= d;
            Minv[c + j * N] /= d;
        }
        for (size_t r = 0; r < N; r++) {
            if (r == c || W[r + c * N] == 0)
                continue;
            double f = W[r + c * N];
            for (size_t j = 0; j < N; j++) {
                W[r + j * N] -= f * W[c + j * N];
                Minv[r + j * N] -= f * Minv[c + j * N];
            }
        }
    }
    free(W);
    return 0;
}

/* C = A B, all N x N. */
static void mul(size_t N, const double *A, const double *B, double *C)
{
    for (size_t j = 0; j < N; j++)
        for (size_t i = 0; i < N; i++) {
            double s = 0;
            for (size_t l = 0; l < N; l++)
                s += A[i + l * N] * B[l + j * N];
            C[i + j * N] = s;
        }
}

/* The consumption file giving one group share 1 of every sector. */
static char *one_group_consumption(const clio_table *t, const char *group)
{
    size_t cap = 64 + t->n * 256, used = 0;
    char *text = malloc(cap);
    used += (size_t)snprintf(text, cap, "sector,group,share\n");
    for (size_t i = 0; i < t->n; i++)
        used += (size_t)snprintf(text + used, cap - used, "\"%s\",%s,1\n", t->sector_names[i],
                                 group);
    return text;
}

/* IDENTITY: one group earning `income` and buying share 1 of every sector
 * of `column` = the Type II closure, for every account, to 1e-12. */
static void check_type2_identity(const char *what, clio_table *t, const char *income,
                                 const char *column)
{
    char dist[512];
    snprintf(dist, sizeof dist, "group,component,share\nall,\"%s\",1\n", income);
    char *cons = one_group_consumption(t, "all");
    const char *dpath = write_file(0, "one_d.csv", dist), *cpath = write_file(1, "one_c.csv", cons);
    free(cons);
    clio_error err = {0};
    clio_income_distribution *d = NULL;
    clio_sam *s = NULL;
    clio_households *h = NULL;
    clio_leontief *f = NULL;
    clio_result *r2 = NULL, *rs = NULL;
    double *share = calloc(t->n, sizeof *share);
    int st = clio_income_distribution_read_csv(dpath, t, &d, &err);
    if (st == CLIO_OK)
        st = clio_household_consumption_read_csv(cpath, t, d, share, &err);
    if (st == CLIO_OK)
        st = clio_sam_define(t, d, column, share, NULL, &s, &err);
    if (st == CLIO_OK)
        st = clio_households_define(t, income, column, &h, &err);
    if (st == CLIO_OK)
        st = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    if (st == CLIO_OK)
        st = clio_multipliers_type2(t, f, h, &r2, &err);
    if (st == CLIO_OK)
        st = clio_sam_multipliers(t, f, s, &rs, &err);
    if (!tap_ok(st == CLIO_OK, "%s: one-group SAM and Type II closures (%s)", what,
                st ? err.message : "ok")) {
        tap_skip(3, "no closure");
    } else {
        size_t na = 1 + t->nva + t->nsat, k = 1, worst_a = 0, worst_j = 0;
        size_t inc = 0;
        while (strcmp(t->va_names[inc], income) != 0)
            inc++;
        double worst = 0, worst_income = 0;
        for (size_t j = 0; j < t->n; j++) {
            for (size_t a = 0; a < na; a++) {
                double want = clio_result_value(r2, j, a, T2_EFFECT);
                double got = clio_result_value(rs, j, k + 1 + a, M_CLOSED);
                double rel = fabs(got - want) / fmax(fabs(want), 1e-300);
                if (want != 0 && rel > worst) {
                    worst = rel;
                    worst_a = a;
                    worst_j = j;
                }
            }
            /* The group's closed income is the Type II effect of its row. */
            double want = clio_result_value(r2, j, 1 + inc, T2_EFFECT);
            double got = clio_result_value(rs, j, 0, M_CLOSED);
            worst_income = fmax(worst_income, fabs(got - want) / fabs(want));
        }
        tap_ok(r2->naccounts == na && rs->naccounts == na + 2, "%s: accounts lined up", what);
        if (!tap_ok(worst <= 1e-12, "%s: closed output, value-added and satellite multipliers "
                    "= Type II to 1e-12 (worst %.3g)", what, worst))
            tap_diag("at account %zu, sector %zu", worst_a, worst_j);
        tap_ok(worst_income <= 1e-12, "%s: group income K VH L = Type II effect of '%s' "
               "(worst %.3g)", what, income, worst_income);
    }
    clio_result_free(r2);
    clio_result_free(rs);
    clio_leontief_free(f);
    clio_households_free(h);
    clio_sam_free(s);
    clio_income_distribution_free(d);
    free(share);
}

static void test_germany_type2(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    if (!tap_ok(clio_table_read("data/germany_1995", &t, &err) == CLIO_OK, "Germany 1995 read")) {
        tap_skip(4, "no table");
        return;
    }
    check_type2_identity("Germany 1995", t, "compensation_of_employees",
                         "household_consumption");
    clio_table_free(t);
}

static void test_uk_type2(void)
{
    if (access(UK_CSV, R_OK) != 0) {
        tap_skip(4, "UK 2010 table not found in ../shared/data");
        return;
    }
    clio_table *t = NULL;
    clio_error err = {0};
    if (!tap_ok(clio_table_read_statoffice(UK_CSV, UK_SPEC, &t, &err) == CLIO_OK,
                "UK 2010 imported (%s)", err.message)) {
        tap_skip(3, "no table");
        return;
    }
    check_type2_identity("UK 2010", t, "Compensation of employees", "Households");
    clio_table_free(t);
}

/* The hand-checked economy (exact fractions in the comments):
 *   x = (100, 100), Z = [[10, 20], [20, 10]]: A = [[.1, .2], [.2, .1]],
 *   L = [[90, 20], [20, 90]] / 77, column sums 10/7.
 *   V: wages (50, 50), other (20, 20); Y: hh (20, 30), other (50, 40).
 *   Group a gets 0.4 of wages (income 40), b 0.6 (income 60); each buys
 *   half of each sector's hh: C = [[10/40, 10/60], [15/40, 15/60]].
 *   VH = [[.2, .2], [.3, .3]], VH L = [[2/7, 2/7], [3/7, 3/7]],
 *   VH L C = [[5/28, 5/42], [15/56, 5/28]], det(I - VH L C) = 9/14,
 *   K = [[23/18, 5/27], [5/12, 23/18]], K VH L e_j = (4/9, 2/3).
 *   Closed output multiplier 10/7 + (25/28, 25/42).(4/9, 2/3) = 20/9;
 *   wages: open 5/7, closed loop 25/63, total 10/9 = 4/9 + 2/3. */
static clio_table *hand_table(void)
{
    clio_table *t = clio_table_alloc(1, 2, 2, 2, 0);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R");
    clio_table_set_label(t, CLIO_LABEL_SECTOR, 0, "s1");
    clio_table_set_label(t, CLIO_LABEL_SECTOR, 1, "s2");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "hh");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 1, "other");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "wages");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 1, "other");
    t->sector_region[0] = t->sector_region[1] = 0;
    const double Z[4] = {10, 20, 20, 10}, Y[4] = {20, 30, 50, 40}, V[4] = {50, 20, 50, 20};
    memcpy(t->Z, Z, sizeof Z);
    memcpy(t->Y, Y, sizeof Y);
    memcpy(t->V, V, sizeof V);
    t->x[0] = t->x[1] = 100;
    return t;
}

static void test_hand_case(void)
{
    clio_table *t = hand_table();
    const char *dpath = write_file(0, "hand_d.csv",
                                   "group,component,share\na,wages,0.4\nb,wages,0.6\n");
    const char *cpath = write_file(1, "hand_c.csv",
                                   "sector,group,share\ns1,a,0.5\ns1,b,0.5\ns2,a,0.5\ns2,b,0.5\n");
    clio_error err = {0};
    clio_income_distribution *d = NULL;
    clio_sam *s = NULL;
    clio_leontief *f = NULL;
    clio_result *m = NULL, *p = NULL;
    double share[4], K[4];
    int st = clio_income_distribution_read_csv(dpath, t, &d, &err);
    if (st == CLIO_OK)
        st = clio_household_consumption_read_csv(cpath, t, d, share, &err);
    if (st == CLIO_OK)
        st = clio_sam_define(t, d, "hh", share, NULL, &s, &err);
    if (st == CLIO_OK)
        st = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    if (st == CLIO_OK)
        st = clio_sam_miyazawa(t, f, s, K, 2, &err);
    if (st == CLIO_OK)
        st = clio_sam_multipliers(t, f, s, &m, &err);
    if (st == CLIO_OK)
        st = clio_sam_decomposition(t, f, s, &p, &err);
    if (!tap_ok(st == CLIO_OK, "hand case: closure (%s)", st ? err.message : "ok")) {
        tap_skip(12, "no closure");
        goto done;
    }
    const double tol = 1e-14;
    tap_close(s->income[0], 40, tol, "hand case: income of a = 40");
    tap_close(s->C[1 + 2 * 0], 15.0 / 40, tol, "hand case: C(s2, a) = 15/40");
    tap_close(K[0], 23.0 / 18, tol, "hand case: K(a, a) = 23/18");
    tap_close(K[2], 5.0 / 27, tol, "hand case: K(a, b) = 5/27");
    tap_close(K[1], 5.0 / 12, tol, "hand case: K(b, a) = 5/12");
    /* accounts: income:a, income:b, income:households, output, wages, other */
    tap_close(clio_result_value(m, 1, 0, M_CLOSED), 4.0 / 9, tol,
              "hand case: closed income of a per unit of demand for s2 = 4/9");
    tap_close(clio_result_value(m, 0, 1, M_OPEN), 3.0 / 7, tol,
              "hand case: open income of b per unit of demand for s1 = 3/7");
    tap_close(clio_result_value(m, 0, 3, M_CLOSED), 20.0 / 9, tol,
              "hand case: closed output multiplier = 20/9");
    tap_close(clio_result_value(m, 0, 0, M_SHARE), 0.4, tol,
              "hand case: a's share of closed household income = (4/9) / (10/9)");
    /* decomposition accounts: output, factor:wages, income:a, income:b */
    tap_close(clio_result_value(p, 0, 0, P_TRANSFER), 3.0 / 7, tol,
              "hand case: Pyatt-Round transfer effect on output = 10/7 - 1");
    tap_close(clio_result_value(p, 0, 1, P_CLOSED), 25.0 / 63, tol,
              "hand case: closed-loop effect on wages = 25/63");
    tap_close(clio_result_value(p, 1, 3, P_CLOSED), 5.0 / 21, tol,
              "hand case: closed-loop effect on b's income = 2/3 - 3/7");
    /* clio_sam_impact: 9 units of demand for s1 give incomes (4, 6), output 20 */
    double df[2] = {9, 0}, income[2], dx[2];
    st = clio_sam_impact(t, f, s, df, income, dx, &err);
    tap_ok(st == CLIO_OK && fabs(income[0] - 4) < 1e-12 && fabs(income[1] - 6) < 1e-12 &&
               fabs(dx[0] + dx[1] - 20) < 1e-12,
           "hand case: clio_sam_impact of 9 units: incomes (4, 6), output 20 (got %g %g %g)",
           income[0], income[1], dx[0] + dx[1]);
done:
    clio_result_free(m);
    clio_result_free(p);
    clio_leontief_free(f);
    clio_sam_free(s);
    clio_income_distribution_free(d);
    clio_table_free(t);
}

/* A random balanced one-region table of n sectors with value-added rows
 * wages, profits, taxes and final demand hh, gov. */
static clio_table *random_table(size_t n, unsigned seed)
{
    srand(seed);
    clio_table *t = clio_table_alloc(1, n, 2, 3, 1);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "hh");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 1, "gov");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "wages");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 1, "profits");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 2, "taxes");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "jobs");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "persons");
    for (size_t i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "s%zu", i + 1);
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, name);
        t->sector_region[i] = 0;
        t->x[i] = 100 + rand() % 900;
    }
    for (size_t j = 0; j < n; j++) {
        double used = 0;
        for (size_t i = 0; i < n; i++)
            used += t->Z[i + j * n] = t->x[j] * 0.5 / n * (rand() % 100) / 100.0;
        double va = t->x[j] - used;
        t->V[0 + 3 * j] = 0.5 * va;
        t->V[1 + 3 * j] = 0.3 * va;
        t->V[2 + 3 * j] = 0.2 * va;
        t->S[j] = t->x[j] * 0.01;
    }
    for (size_t i = 0; i < n; i++) {
        double sold = 0;
        for (size_t j = 0; j < n; j++)
            sold += t->Z[i + j * n];
        double fd = t->x[i] - sold;
        t->Y[i] = 0.6 * fd;
        t->Y[i + n] = 0.4 * fd;
    }
    return t;
}

/* Three groups, wages and profits paid out, with transfers. */
static int random_sam(clio_table *t, clio_sam **s, clio_error *err)
{
    const char *dpath = write_file(0, "r_d.csv",
                                   "group,component,share\nlow,wages,0.2\nmid,wages,0.3\n"
                                   "high,wages,0.5\nlow,profits,0.05\nhigh,profits,0.6\n");
    clio_income_distribution *d = NULL;
    int st = clio_income_distribution_read_csv(dpath, t, &d, err);
    if (st != CLIO_OK)
        return st;
    size_t n = t->n;
    double *share = calloc(n * 3, sizeof *share), H[9] = {0};
    for (size_t i = 0; i < n; i++) {
        share[i] = 0.2 + 0.01 * (double)(i % 5);
        share[i + n] = 0.3;
        share[i + 2 * n] = 0.4 - 0.01 * (double)(i % 3);
    }
    H[0 + 3 * 2] = 0.05; /* high -> low */
    H[1 + 3 * 2] = 0.02; /* high -> mid */
    H[0 + 3 * 1] = 0.01; /* mid -> low */
    st = clio_sam_define(t, d, "hh", share, H, s, err);
    free(share);
    clio_income_distribution_free(d);
    return st;
}

/* Miyazawa: the bordered inverse [[I - A, -C], [-VH, I - H]]^-1 formed
 * densely equals [L (I + C K VH L), L C K; K VH L, K]; and Pyatt-Round:
 * with An over production, factors, households, M3 M2 M1 = Ma and
 * I + (M1 - I) + (M2 - I) M1 + (M3 - I) M2 M1 = Ma; the library's
 * per-sector results are those matrices' blocks. */
static void test_identities(void)
{
    size_t n = 7;
    clio_table *t = random_table(n, 7);
    clio_error err = {0};
    clio_sam *s = NULL;
    clio_leontief *f = NULL;
    clio_result *m = NULL, *p = NULL;
    int st = random_sam(t, &s, &err);
    if (st == CLIO_OK)
        st = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    size_t k = s ? s->k : 0, mm = s ? s->m : 0;
    double *K = malloc(9 * sizeof *K), *L = malloc(n * n * sizeof *L), *A = malloc(n * n * sizeof *A);
    if (st == CLIO_OK)
        st = clio_sam_miyazawa(t, f, s, K, 3, &err);
    if (st == CLIO_OK)
        st = clio_leontief_inverse(f, L, n, &err);
    if (st == CLIO_OK)
        st = clio_coefficients(t, A, n, &err);
    if (st == CLIO_OK)
        st = clio_sam_multipliers(t, f, s, &m, &err);
    if (st == CLIO_OK)
        st = clio_sam_decomposition(t, f, s, &p, &err);
    if (!tap_ok(st == CLIO_OK && k == 3 && mm == 2, "random SAM: 3 groups, 2 factors, transfers (%s)",
                st ? err.message : "ok")) {
        tap_skip(7, "no closure");
        goto done;
    }
    /* Miyazawa's bordered matrix, N = n + k. */
    size_t N = n + k;
    double *B = calloc(N * N, sizeof *B), *Binv = malloc(N * N * sizeof *Binv);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            B[i + j * N] = (i == j) - A[i + j * n];
    for (size_t h = 0; h < k; h++) {
        for (size_t i = 0; i < n; i++) {
            B[i + (n + h) * N] = -s->C[i + n * h];
            B[(n + h) + i * N] = -s->VH[h + k * i];
        }
        for (size_t g = 0; g < k; g++)
            B[(n + h) + (n + g) * N] = (h == g) - s->H[h + k * g];
    }
    invert(N, B, Binv);
    double scale = max_abs(Binv, N * N), worst_k = 0, worst_kvl = 0, worst_top = 0;
    for (size_t h = 0; h < k; h++)
        for (size_t g = 0; g < k; g++)
            worst_k = fmax(worst_k, fabs(K[h + 3 * g] - Binv[(n + h) + (n + g) * N]) / scale);
    for (size_t j = 0; j < n; j++) {
        double out = 0;
        for (size_t i = 0; i < n; i++)
            out += Binv[i + j * N];
        worst_top = fmax(worst_top, fabs(clio_result_value(m, j, k + 1, M_CLOSED) - out) / out);
        for (size_t h = 0; h < k; h++)
            worst_kvl = fmax(worst_kvl, fabs(clio_result_value(m, j, h, M_CLOSED) -
                                             Binv[(n + h) + j * N]) / scale);
    }
    tap_ok(worst_k <= 1e-12, "Miyazawa: K = bottom-right block of the bordered inverse (%.3g)",
           worst_k);
    tap_ok(worst_kvl <= 1e-12, "Miyazawa: K VH L = bottom-left block (%.3g)", worst_kvl);
    tap_ok(worst_top <= 1e-12,
           "Miyazawa: closed output multipliers = column sums of L (I + C K VH L) (%.3g)",
           worst_top);

    /* Pyatt-Round: An over production (n), factors (m), households (k). */
    size_t M = n + mm + k;
    double *An = calloc(M * M, sizeof *An), *I_An = malloc(M * M * sizeof *I_An);
    double *Ma = malloc(M * M * sizeof *Ma), *M1 = calloc(M * M, sizeof *M1);
    double *As = malloc(M * M * sizeof *As), *As2 = malloc(M * M * sizeof *As2);
    double *As3 = malloc(M * M * sizeof *As3), *M2 = malloc(M * M * sizeof *M2);
    double *M3 = malloc(M * M * sizeof *M3), *T1 = malloc(M * M * sizeof *T1);
    double *T2 = malloc(M * M * sizeof *T2), *Ht = calloc(k * k, sizeof *Ht);
    double *Hinv = malloc(k * k * sizeof *Hinv), *W = malloc(M * M * sizeof *W);
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < n; i++)
            An[i + j * M] = A[i + j * n];
        for (size_t c = 0; c < mm; c++)
            An[(n + c) + j * M] = s->F[c + mm * j];
    }
    for (size_t h = 0; h < k; h++) {
        for (size_t i = 0; i < n; i++)
            An[i + (n + mm + h) * M] = s->C[i + n * h];
        for (size_t c = 0; c < mm; c++)
            An[(n + mm + h) + (n + c) * M] = s->D[h + k * c];
        for (size_t g = 0; g < k; g++)
            An[(n + mm + h) + (n + mm + g) * M] = s->H[h + k * g];
    }
    for (size_t c = 0; c < M * M; c++)
        I_An[c] = (c % M == c / M) - An[c];
    invert(M, I_An, Ma);
    /* M1 = diag(L, I, (I - H)^-1) */
    for (size_t c = 0; c < k * k; c++)
        Ht[c] = (c % k == c / k) - s->H[c];
    invert(k, Ht, Hinv);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            M1[i + j * M] = L[i + j * n];
    for (size_t c = 0; c < mm; c++)
        M1[(n + c) * (M + 1)] = 1;
    for (size_t h = 0; h < k; h++)
        for (size_t g = 0; g < k; g++)
            M1[(n + mm + h) + (n + mm + g) * M] = Hinv[h + k * g];
    /* A* = M1 (An - diag(A, 0, H)) */
    memcpy(W, An, M * M * sizeof *W);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            W[i + j * M] = 0;
    for (size_t h = 0; h < k; h++)
        for (size_t g = 0; g < k; g++)
            W[(n + mm + h) + (n + mm + g) * M] = 0;
    mul(M, M1, W, As);
    mul(M, As, As, As2);
    mul(M, As2, As, As3);
    for (size_t c = 0; c < M * M; c++) {
        M2[c] = (c % M == c / M) + As[c] + As2[c];
        W[c] = (c % M == c / M) - As3[c];
    }
    invert(M, W, M3);
    mul(M, M2, M1, T1);  /* M2 M1 */
    mul(M, M3, T1, T2);  /* M3 M2 M1 */
    double sc = max_abs(Ma, M * M), worst_mult = 0, worst_add = 0;
    for (size_t c = 0; c < M * M; c++) {
        double I = c % M == c / M;
        /* I + (M1 - I) + (M2 - I) M1 + (M3 - I) M2 M1 */
        double add = I + (M1[c] - I) + (T1[c] - M1[c]) + (T2[c] - T1[c]);
        worst_mult = fmax(worst_mult, fabs(T2[c] - Ma[c]) / sc);
        worst_add = fmax(worst_add, fabs(add - Ma[c]) / sc);
    }
    tap_ok(worst_mult <= 1e-12, "Pyatt-Round: M3 M2 M1 = Ma (%.3g)", worst_mult);
    tap_ok(worst_add <= 1e-12, "Pyatt-Round: I + transfer + open loop + closed loop = Ma (%.3g)",
           worst_add);
    /* The library's columns: output sums the production rows; factor c and
     * group h are rows n + c and n + m + h. */
    double worst_lib = 0;
    for (size_t j = 0; j < n; j++) {
        for (size_t a = 0; a < 1 + mm + k; a++) {
            double want[5] = {0, 0, 0, 0, 0};
            size_t lo = a == 0 ? 0 : n + a - 1, hi = a == 0 ? n : lo + 1;
            for (size_t i = lo; i < hi; i++) {
                size_t c = i + j * M;
                double I = i == j;
                want[P_INITIAL] += I;
                want[P_TRANSFER] += M1[c] - I;
                want[P_OPEN] += T1[c] - M1[c];
                want[P_CLOSED] += T2[c] - T1[c];
                want[P_TOTAL] += Ma[c];
            }
            for (size_t fld = 0; fld < 5; fld++)
                worst_lib = fmax(worst_lib, fabs(clio_result_value(p, j, a, fld) - want[fld]) /
                                                fmax(sc, 1.0));
        }
    }
    tap_ok(worst_lib <= 1e-12,
           "Pyatt-Round: clio_sam_decomposition = the dense matrices' production columns (%.3g)",
           worst_lib);
    free(B);
    free(Binv);
    free(An);
    free(I_An);
    free(Ma);
    free(M1);
    free(As);
    free(As2);
    free(As3);
    free(M2);
    free(M3);
    free(T1);
    free(T2);
    free(Ht);
    free(Hinv);
    free(W);
done:
    free(K);
    free(L);
    free(A);
    clio_result_free(m);
    clio_result_free(p);
    clio_leontief_free(f);
    clio_sam_free(s);
    clio_table_free(t);
}

/* Reader and closure errors: status and message naming file:line. */
static void test_errors(void)
{
    clio_table *t = hand_table();
    clio_error err = {0};
    clio_income_distribution *d = NULL;
    const char *dpath = write_file(0, "e_d.csv",
                                   "group,component,share\na,wages,0.4\nb,wages,0.6\n");
    clio_income_distribution_read_csv(dpath, t, &d, &err);
    double share[4], H[4];
    struct {
        const char *text, *needle, *what;
        int status;
    } cons[] = {
        {"sector,group,share\ns1,a,0.5\ns2,zz,0.5\n", "e_c.csv:3: unknown household group 'zz'",
         "consumption: unknown group", CLIO_ELABEL},
        {"sector,group,share\ns1,a,1.5\n", "e_c.csv:2: share 1.5", "consumption: share > 1",
         CLIO_EVALUE},
        {"sector,group,share\ns1,a,0.7\ns1,b,0.6\n", "e_c.csv:3: the shares of sector 's1'",
         "consumption: shares of a sector add up to more than 1", CLIO_EVALUE},
        {"sector,group,share\ns1,a,nan\n", "e_c.csv:2", "consumption: NaN share", CLIO_EVALUE},
        {"sector,group,share\ns1,a,x\n", "not a number", "consumption: text share", CLIO_EFORMAT},
        {"sector,share\ns1,0.5\n", "e_c.csv:1: the header needs", "consumption: missing column",
         CLIO_EFORMAT},
        {"sector,group,share\ns9,a,0.5\n", "e_c.csv:2", "consumption: unknown sector", CLIO_ELABEL},
        {"sector,group,share\ns1,a,0.2\ns1,a,0.2\n", "e_c.csv:3: group 'a' is given sector 's1' twice",
         "consumption: pair twice", CLIO_ELABEL},
        {"sector,group,share\ns1,a,0.5\ns2\n", "e_c.csv:3", "consumption: short row",
         CLIO_EFORMAT},
    };
    for (size_t c = 0; c < sizeof cons / sizeof cons[0]; c++) {
        const char *path = write_file(1, "e_c.csv", cons[c].text);
        int st = clio_household_consumption_read_csv(path, t, d, share, &err);
        tap_status(st, cons[c].status, err.message, cons[c].needle, cons[c].what);
    }
    struct {
        const char *text, *needle, *what;
        int status;
    } tr[] = {
        {"from,to,share\na,zz,0.1\n", "e_t.csv:2: unknown household group 'zz'",
         "transfers: unknown group", CLIO_ELABEL},
        {"from,to,share\na,a,0.1\n", "e_t.csv:2: group 'a' transfers to itself",
         "transfers: to itself", CLIO_ELABEL},
        {"from,to,share\na,b,0\na,b,0.2\n", "e_t.csv:3", "transfers: pair twice", CLIO_ELABEL},
        {"from,to,share\na,b,1.2\n", "e_t.csv:2: share 1.2", "transfers: share > 1",
         CLIO_EVALUE},
        {"from,share\na,0.1\n", "no column 'to'", "transfers: missing column", CLIO_EFORMAT},
    };
    for (size_t c = 0; c < sizeof tr / sizeof tr[0]; c++) {
        const char *path = write_file(2, "e_t.csv", tr[c].text);
        int st = clio_household_transfers_read_csv(path, d, H, &err);
        tap_status(st, tr[c].status, err.message, tr[c].needle, tr[c].what);
    }

    /* Closure errors. */
    clio_sam *s = NULL;
    for (size_t c = 0; c < 4; c++)
        share[c] = 0.5;
    int st = clio_sam_define(t, d, "nope", share, NULL, &s, &err);
    tap_status(st, CLIO_ELABEL, err.message, "unknown household consumption column 'nope'",
               "define: unknown consumption column");
    double loop[4] = {0, 1, 1, 0}; /* a gives all to b, b all to a */
    st = clio_sam_define(t, d, "hh", share, loop, &s, &err);
    tap_status(st, CLIO_ESINGULAR, err.message, "loop", "define: transfers in a closed loop");
    share[0] = NAN;
    st = clio_sam_define(t, d, "hh", share, NULL, &s, &err);
    tap_status(st, CLIO_EVALUE, err.message, "consumption share nan", "define: NaN share");
    share[0] = 0.5;
    clio_income_distribution *dz = NULL;
    clio_income_distribution_read_csv(write_file(3, "z_d.csv",
                                                 "group,component,share\na,wages,1\nzero,wages,0\n"),
                                      t, &dz, &err);
    st = clio_sam_define(t, dz, "hh", share, NULL, &s, &err);
    tap_status(st, CLIO_EVALUE, err.message, "group 'zero' earns no income",
               "define: a group with zero income");
    clio_income_distribution_free(dz);
    clio_income_distribution_read_csv(write_file(3, "n_d.csv",
                                                 "group,component,share\na,wages,0\n"),
                                      t, &dz, &err);
    st = clio_sam_define(t, dz, "hh", share, NULL, &s, &err);
    tap_status(st, CLIO_EVALUE, err.message, "pays no value added",
               "define: nothing paid to households");
    clio_income_distribution_free(dz);
    /* Non-productive: households spending 50 times the table's household
     * demand out of the same income (VH L C = 100/7 * 0.18 > 1). */
    clio_income_distribution_read_csv(write_file(3, "p_d.csv",
                                                 "group,component,share\na,wages,0.4\nb,wages,0.6\n"),
                                      t, &dz, &err);
    for (size_t i = 0; i < 2; i++)
        t->Y[i] *= 50;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    st = clio_sam_define(t, dz, "hh", share, NULL, &s, &err);
    if (st == CLIO_OK)
        st = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    if (st == CLIO_OK)
        st = clio_sam_multipliers(t, f, s, &r, &err);
    tap_status(st, CLIO_ENONPRODUCTIVE, err.message, "not productive",
               "closure: households spending far more than they earn");
    tap_ok(r == NULL, "closure: no result on failure");
    for (size_t i = 0; i < 2; i++)
        t->Y[i] /= 50;
    clio_sam_free(s);
    s = NULL;
    clio_income_distribution_free(dz);
    /* A multi-regional table is refused. */
    clio_table two = *t;
    two.nregions = 2;
    st = clio_sam_define(&two, d, "hh", share, NULL, &s, &err);
    tap_status(st, CLIO_EINVAL, err.message, "one-region tables only", "define: MRIO refused");
    clio_leontief_free(f);
    clio_income_distribution_free(d);
    clio_table_free(t);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        printf("Bail out! no temporary directory\n");
        return 1;
    }
    test_germany_type2();
    test_uk_type2();
    test_hand_case();
    test_identities();
    test_errors();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        tap_diag("could not remove %s", tmpdir);
    return tap_done();
}
