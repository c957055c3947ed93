/* test_extraction.c -- hypothetical extraction by low-rank updates against
 * a direct refactorisation of every modified table (built here, solved with
 * LAPACKE_dgesv), hand-computed values on Miller & Blair Table 2.3, the
 * diagonal of the Leontief inverse from the factor against the explicit
 * inverse (with row pivoting really happening), and the group file reader. */
#include "clio.h"
#include "clioi.h"
#include "tap.h"

#include "../../solver/factor.h"

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

enum { PLAIN, PIVOTING };

/*
 * A random productive table of n sectors in nregions regions (sectors s1..
 * in blocks), one value-added row and one satellite.  PLAIN: column sums of
 * A in (0.1, 0.8).  PIVOTING: row sums of A below 0.95 (productive), with
 * pairs a_jj = 0.45, a_ij = 0.6 that make dgetrf swap rows.  Sector `zero`
 * (CLIO_NONE: none) has no output, no flows and no final demand.  Final
 * demand f = x - A x (may be negative: the model does not mind).
 */
static clio_table *random_table(size_t n, size_t nregions, int kind, size_t zero,
                                unsigned long long seed)
{
    double *A = calloc(n * n + 1, sizeof *A);
    clio_table *t = clio_table_alloc(nregions, n, 1, 1, 1);
    for (size_t j = 0; j < n; j++)
        t->x[j] = j == zero ? 0 : 10 + 1000 * uniform(&seed);
    if (kind == PLAIN) {
        for (size_t j = 0; j < n; j++) {
            double target = 0.1 + 0.7 * uniform(&seed), sum = 0;
            for (size_t i = 0; i < n; i++)
                sum += A[i + j * n] = uniform(&seed) * (uniform(&seed) < 0.7);
            for (size_t i = 0; i < n; i++)
                A[i + j * n] = sum > 0 ? A[i + j * n] / sum * target : 0;
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            double target = 0.3 * uniform(&seed), sum = 0;
            for (size_t j = 0; j < n; j++)
                sum += A[i + j * n] = uniform(&seed) * (uniform(&seed) < 0.5);
            for (size_t j = 0; j < n; j++)
                A[i + j * n] = sum > 0 ? A[i + j * n] / sum * target : 0;
        }
        /* pairs (j, i = j + 1): a_jj = 0.45 and a_ij = 0.6 > 1 - a_jj */
        for (size_t j = 0; j + 1 < n; j += 3) {
            A[j + j * n] = 0.45;
            A[(j + 1) + j * n] = 0.6;
        }
    }
    if (zero != CLIO_NONE)
        for (size_t k = 0; k < n; k++)
            A[zero + k * n] = A[k + zero * n] = 0;
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "va");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "co2");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "t");
    for (size_t r = 0; r < nregions; r++) {
        char name[32];
        snprintf(name, sizeof name, "R%zu", r + 1);
        clio_table_set_label(t, CLIO_LABEL_REGION, r, name);
    }
    size_t per = (n + nregions - 1) / (nregions ? nregions : 1);
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", i + 1);
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, name);
        t->sector_region[i] = i / per;
        double row = 0;
        for (size_t j = 0; j < n; j++) {
            t->Z[i + j * n] = A[i + j * n] * t->x[j];
            row += t->Z[i + j * n];
        }
        t->Y[i] = t->x[i] - row;
        t->V[i] = t->x[i] * (0.2 + 0.5 * uniform(&seed));
        t->S[i] = t->x[i] * 3 * uniform(&seed);
    }
    free(A);
    return t;
}

/* ---- the direct computation: refactor the modified table ------------ */

enum { TOTAL, BACKWARD, FORWARD, INTERNAL, NVARIANTS };

/* Solve M y = b (n x n, destroyed) with LAPACKE_dgesv; 0 on success. */
static int dense_solve(size_t n, double *M, double *b)
{
    if (n == 0)
        return 0;
    lapack_int *ipiv = malloc(n * sizeof *ipiv);
    lapack_int info = LAPACKE_dgesv(LAPACK_COL_MAJOR, (lapack_int)n, 1, M, (lapack_int)n, ipiv,
                                    b, (lapack_int)n);
    free(ipiv);
    return (int)info;
}

/* How the direct computation gets the loss from the modified model:
 * LEVELS solves for the new output x* and subtracts, dx = x - x* (the
 * definition; it cancels where little is lost), CHANGE solves for dx
 * itself: (I - A*) dx = (A - A*) x [+ f_S for total], or for forward
 * (I - B*)' dx = (B - B*)' x, with the same modified matrix and no
 * cancellation. */
enum { LEVELS, CHANGE };

/* The output lost (dx, n values) when the sectors with in[i] = 1 are
 * extracted in `variant`, by solving the modified model directly. */
static int direct_loss(const clio_table *t, const char *in, int variant, int form, double *dx)
{
    size_t n = t->n;
    double *M = calloc(n * n + 1, sizeof *M), *b = calloc(n + 1, sizeof *b);
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++) {
            double a = t->x[j] != 0 ? t->Z[i + j * n] / t->x[j] : 0;
            int drop = variant == TOTAL      ? in[i] || in[j]
                       : variant == BACKWARD ? in[j]
                       : variant == INTERNAL ? in[i] && in[j]
                                             : 0;
            if (drop) {
                b[i] += a * t->x[j]; /* (A - A*) x */
                a = 0;
            }
            M[i + j * n] = (i == j) - a;
        }
    if (variant == FORWARD) {
        /* Ghosh: x' (I - B*) = v' with v' = x'(I - B), B = xhat^-1 Z, rows
         * of the extracted sectors (and of zero-output sectors) zero.
         * Solved transposed: (I - B*)' x = v. */
        for (size_t j = 0; j < n; j++) {
            double v = t->x[j], change = 0;
            for (size_t i = 0; i < n; i++) {
                v -= t->Z[i + j * n]; /* x_i b_ij = z_ij */
                if (in[i] && t->x[i] != 0)
                    change += t->Z[i + j * n];
            }
            b[j] = form == LEVELS ? v : change;
            for (size_t i = 0; i < n; i++) {
                double bij = t->x[i] != 0 && !in[i] ? t->Z[i + j * n] / t->x[i] : 0;
                M[j + i * n] = (i == j) - bij; /* (I - B*)' */
            }
        }
    } else {
        for (size_t i = 0; i < n; i++) {
            double f = t->x[i];
            for (size_t j = 0; j < n; j++)
                f -= t->Z[i + j * n];
            if (form == LEVELS)
                b[i] = variant == TOTAL && in[i] ? 0 : f;
            else if (variant == TOTAL && in[i])
                b[i] += f;
        }
    }
    int info = dense_solve(n, M, b);
    for (size_t i = 0; i < n; i++)
        dx[i] = form == LEVELS ? t->x[i] - b[i] : b[i];
    free(M);
    free(b);
    return info;
}

/* Direct coefficient of account a (output, then the V rows, then the
 * satellites) of sector i. */
static double coefficient(const clio_table *t, size_t a, size_t i)
{
    if (a == 0)
        return 1;
    if (t->x[i] == 0)
        return 0;
    if (a <= t->nva)
        return t->V[(a - 1) + i * t->nva] / t->x[i];
    return t->S[(a - 1 - t->nva) + i * t->nsat] / t->x[i];
}

/* Relative agreement, with a floor for losses that are (nearly) zero: the
 * LEVELS computation x - x* cancels there, to about eps * cond * |x|, so
 * it is given 1e-3 of the account's size (sum of |d_i x_i|) as floor; the
 * CHANGE computation only 1e-12 of it, for losses that are exactly zero. */
static double rel_diff(double got, double want, double floor)
{
    double scale = fmax(fabs(want), floor);
    return scale > 0 ? fabs(got - want) / scale : fabs(got - want);
}

/* Every variant and account of result row `row` against the direct
 * computation for the set `in`; returns the worst relative difference. */
static double compare_row(const clio_table *t, const clio_result *r, size_t row, const char *in)
{
    size_t n = t->n;
    size_t na = 1 + t->nva + t->nsat;
    double worst = 0, *dx = malloc((n + 1) * sizeof *dx);
    for (int v = 0; v < NVARIANTS; v++) {
        for (int form = LEVELS; form <= CHANGE; form++) {
            if (direct_loss(t, in, v, form, dx) != 0) {
                free(dx);
                return INFINITY;
            }
            for (size_t a = 0; a < na; a++) {
                double want = 0, size = 0;
                for (size_t i = 0; i < n; i++) {
                    want += coefficient(t, a, i) * dx[i];
                    size += fabs(coefficient(t, a, i) * t->x[i]);
                }
                double got = clio_result_value(r, row, a, (size_t)v);
                worst =
                    fmax(worst, rel_diff(got, want, (form == LEVELS ? 1e-3 : 1e-12) * size));
            }
        }
        /* total_percent: 100 * total / account total */
        for (size_t a = 0; a < na; a++) {
            double total = 0;
            for (size_t i = 0; i < n; i++)
                total += coefficient(t, a, i) * t->x[i];
            worst = fmax(worst, rel_diff(clio_result_value(r, row, a, 4),
                                         100 * clio_result_value(r, row, a, 0) / total, 0));
        }
    }
    free(dx);
    return worst;
}

/* ---- tests ----------------------------------------------------------- */

static void test_miller_blair(void)
{
    clio_matrixset_files files = {.Z = "miller_blair_2x2_Z.csv", .Y = "miller_blair_2x2_f.csv"};
    clio_table *t;
    clio_error err = {0};
    int status =
        clio_table_read_matrixset(SHARED "textbook_small_examples", &files, "MB", &t, &err);
    if (!tap_ok(status == CLIO_OK, "Miller & Blair Table 2.3 loads (%s)", err.message)) {
        tap_skip(15, "no Miller & Blair table");
        return;
    }
    clio_leontief *f;
    clio_result *r = NULL;
    status = clio_leontief_factor(t, 0, &f, &err);
    if (status == CLIO_OK)
        status = clio_extract_sectors(t, f, &r, &err);
    if (!tap_ok(status == CLIO_OK, "extract every sector (%s)", err.message)) {
        tap_skip(14, "no extraction");
        clio_leontief_free(f);
        clio_table_free(t);
        return;
    }
    tap_ok(r->nrows == 2 && r->naccounts == 1 && r->nfields == 5 && !r->additive &&
               strcmp(r->fields[0], "total") == 0 &&
               strcmp(r->fields[4], "total_percent") == 0 && r->description != NULL,
           "result: 2 sectors x 1 account (output) x 5 fields, not additive, described");
    /* By hand, A = [[.15 .25] [.2 .05]], x = (1000, 2000), f = (350, 1700):
     * without sector 1, x2 = 1700 / .95: lost 1000 + 2000 - 1700/.95 = 23000/19. */
    tap_close(clio_result_value(r, 0, 0, 0), 23000.0 / 19, 1e-13,
              "total extraction of sec1 loses 1000 + 4000/19 = 1210.526 (by hand)");
    /* without sector 2: x1 = 350 / .85, lost 2000 + 1000 - 350/.85 = 44000/17 */
    tap_close(clio_result_value(r, 1, 0, 0), 44000.0 / 17, 1e-13,
              "total extraction of sec2 loses 44000/17 = 2588.235 (by hand)");
    /* column 1 of A zero: x2 = 1700/.95, x1 = 350 + .25 x2: lost 7850/19 */
    tap_close(clio_result_value(r, 0, 0, 1), 7850.0 / 19, 1e-13,
              "backward extraction of sec1 loses 7850/19 = 413.158 (by hand)");
    /* row 1 of B zero (b = [[.15 .5] [.1 .05]], v = (650, 1400)): x2 = 1400/.95,
     * x1 = 650 + .1 x2: lost 13850/19 */
    tap_close(clio_result_value(r, 0, 0, 2), 13850.0 / 19, 1e-13,
              "forward extraction of sec1 loses 13850/19 = 728.947 (by hand)");
    /* a11 = 0: det = .9, x = (841.667, 1966.667): lost 575/3 */
    tap_close(clio_result_value(r, 0, 0, 3), 575.0 / 3, 1e-13,
              "internal extraction of sec1 (a11 = 0) loses 575/3 = 191.667 (by hand)");
    tap_close(clio_result_value(r, 0, 0, 4), 100 * 23000.0 / 19 / 3000, 1e-13,
              "total_percent of sec1 = 40.35 % of the total output 3000");
    char in[2] = {1, 0};
    tap_ok(compare_row(t, r, 0, in) < 1e-12, "sec1: every variant = direct refactorisation");
    in[0] = 0;
    in[1] = 1;
    tap_ok(compare_row(t, r, 1, in) < 1e-12, "sec2: every variant = direct refactorisation");

    /* a group of both sectors: the whole economy */
    size_t start[2] = {0, 2}, members[2] = {1, 0};
    char *names[1] = {"all"};
    clio_groups g = {1, names, start, members};
    clio_result *rg = NULL;
    status = clio_extract_groups(t, f, &g, &rg, &err);
    if (tap_ok(status == CLIO_OK, "extract the group of both sectors (%s)", err.message)) {
        tap_ok(rg->nrows == 1 && rg->row_region[0] == CLIO_NONE &&
                   strcmp(rg->row_sector[0], "all") == 0,
               "group row: no region, named after the group");
        tap_close(clio_result_value(rg, 0, 0, 0), 3000, 1e-13,
                  "extracting everything loses all output (3000)");
        tap_close(clio_result_value(rg, 0, 0, 1), 3000 - 2050, 1e-13,
                  "backward: no inputs at all leaves x = f: loses 3000 - 2050");
        tap_close(clio_result_value(rg, 0, 0, 2), 3000 - 2050, 1e-13,
                  "forward: no sales at all leaves x = v: loses 3000 - 2050");
    } else {
        tap_skip(4, "no group extraction");
    }
    clio_result_free(rg);
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* diag((I - A)^-1) from the factor against the explicit inverse. */
static void test_inverse_diagonal(void)
{
    const size_t sizes[] = {0, 1, 2, 3, 7, 20, 60, 130};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int kind = PLAIN; kind <= PIVOTING; kind++) {
            size_t n = sizes[s], ld = n ? n : 1;
            clio_table *t = random_table(n, 1, kind, CLIO_NONE, 7 + n + 100 * (size_t)kind);
            clio_error err = {0};
            clio_leontief *f;
            int status = clio_leontief_factor(t, 0, &f, &err);
            double *L = malloc(ld * ld * sizeof *L), *d = malloc(ld * sizeof *d);
            if (status == CLIO_OK)
                status = clio_leontief_inverse(f, L, ld, &err);
            if (status == CLIO_OK)
                status = clioi_leontief_inverse_diagonal(f, d, &err);
            size_t swaps = 0;
            double worst = 0;
            for (size_t i = 0; status == CLIO_OK && i < n; i++) {
                swaps += f->ipiv[i] != (lapack_int)(i + 1);
                worst = fmax(worst, fabs(d[i] - L[i + i * ld]) / L[i + i * ld]);
            }
            tap_ok(status == CLIO_OK && worst < 1e-13,
                   "n = %zu, %s: diag(L) from the factor's triangles = explicit inverse "
                   "(worst relative difference %.2g)",
                   n, kind == PLAIN ? "plain" : "pivoting", worst);
            if (kind == PIVOTING && n >= 2)
                tap_ok(swaps > 0, "n = %zu: dgetrf really pivoted (%zu row swaps)", n, swaps);
            free(L);
            free(d);
            clio_leontief_free(f);
            clio_table_free(t);
        }
    }
}

/* The same on general random matrices (entries in (-1, 1)), factored here
 * into a clio_leontief: partial pivoting then permutes rows in long
 * cycles, not only in swapped pairs (whose permutation is its own inverse,
 * which would hide a confusion of p and its inverse). */
static void test_inverse_diagonal_general(void)
{
    const size_t sizes[] = {5, 37, 150};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        unsigned long long seed = 4242 + n;
        clio_leontief f = {.n = n, .method = CLIO_METHOD_LU, .lu = malloc(n * n * sizeof(double)),
                           .ipiv = malloc(n * sizeof(lapack_int)), .rcond = 1};
        double *inv = malloc(n * n * sizeof *inv), *d = malloc(n * sizeof *d);
        size_t *p = malloc(n * sizeof *p);
        for (size_t k = 0; k < n * n; k++)
            f.lu[k] = inv[k] = 2 * uniform(&seed) - 1;
        lapack_int info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, (lapack_int)n, (lapack_int)n, f.lu,
                                         (lapack_int)n, f.ipiv);
        lapack_int *ip2 = malloc(n * sizeof *ip2);
        if (info == 0)
            info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, (lapack_int)n, (lapack_int)n, inv,
                                  (lapack_int)n, ip2);
        if (info == 0)
            info = LAPACKE_dgetri(LAPACK_COL_MAJOR, (lapack_int)n, inv, (lapack_int)n, ip2);
        clio_error err = {0};
        int status = info == 0 ? clioi_leontief_inverse_diagonal(&f, d, &err) : -1;
        double worst = 0, norm = 0;
        for (size_t i = 0; i < n * n; i++)
            norm = fmax(norm, fabs(inv[i]));
        for (size_t i = 0; status == CLIO_OK && i < n; i++)
            worst = fmax(worst, fabs(d[i] - inv[i + i * n]) / norm);
        /* the row permutation, and whether it is its own inverse */
        for (size_t m = 0; m < n; m++)
            p[m] = m;
        for (size_t i = 0; i < n; i++) {
            size_t r = (size_t)f.ipiv[i] - 1, tmp = p[i];
            p[i] = p[r];
            p[r] = tmp;
        }
        int involution = 1;
        for (size_t m = 0; m < n; m++)
            involution &= p[p[m]] == m;
        tap_ok(
            status == CLIO_OK && worst < 1e-12 && !involution,
            "general %zu x %zu matrix, rows permuted in cycles: diagonal of the inverse from "
            "the factor = dgetri's (worst difference %.2g of the largest element)",
            n, n, worst);
        free(f.lu);
        free(f.ipiv);
        free(ip2);
        free(inv);
        free(d);
        free(p);
    }
}

/* Every sector, every variant and account = a direct refactorisation. */
static void test_random_sectors(void)
{
    const struct {
        size_t n, nregions;
        int kind;
        size_t zero;
    } cases[] = {{0, 1, PLAIN, CLIO_NONE}, {1, 1, PLAIN, CLIO_NONE},
                 {4, 2, PLAIN, CLIO_NONE}, {9, 3, PIVOTING, 4},
                 {25, 2, PLAIN, 0},        {40, 3, PIVOTING, CLIO_NONE},
                 {60, 3, PLAIN, 17},       {60, 2, PIVOTING, CLIO_NONE}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t n = cases[c].n;
        clio_table *t =
            random_table(n, cases[c].nregions, cases[c].kind, cases[c].zero, 31 + c);
        clio_error err = {0};
        clio_leontief *f;
        clio_result *r = NULL;
        int status = clio_leontief_factor(t, 0, &f, &err);
        if (status == CLIO_OK)
            status = clio_extract_sectors(t, f, &r, &err);
        if (!tap_ok(status == CLIO_OK, "n = %zu, %zu regions: extract every sector (%s)", n,
                    cases[c].nregions, err.message)) {
            clio_leontief_free(f);
            clio_table_free(t);
            continue;
        }
        char *in = calloc(n, 1);
        double worst = 0;
        for (size_t j = 0; j < n; j++) {
            in[j] = 1;
            worst = fmax(worst, compare_row(t, r, j, in));
            in[j] = 0;
        }
        tap_ok(worst < 1e-10,
               "n = %zu, %zu regions%s: all %zu extractions x 4 variants x 3 accounts = direct "
               "refactorisation (worst relative difference %.2g)",
               n, cases[c].nregions, cases[c].zero != CLIO_NONE ? ", a zero-output sector" : "",
               n, worst);
        if (cases[c].zero != CLIO_NONE) {
            int zeros = 1;
            for (size_t a = 0; a < 3; a++)
                for (size_t v = 0; v < 4; v++)
                    zeros &= clio_result_value(r, cases[c].zero, a, v) == 0;
            tap_ok(zeros, "n = %zu: the zero-output sector loses nothing (exact zeros, no NaN)",
                   n);
        }
        free(in);
        clio_result_free(r);
        clio_leontief_free(f);
        clio_table_free(t);
    }
}

/* Groups: Woodbury updates of rank |S| = a direct refactorisation. */
static void test_random_groups(void)
{
    const size_t n = 48;
    for (int kind = PLAIN; kind <= PIVOTING; kind++) {
        clio_table *t = random_table(n, 3, kind, 5, 77 + (size_t)kind);
        /* groups: one sector; three scattered; all of region R2; overlapping
         * with the last; one with the zero-output sector 6 and a sector
         * listed out of order; everything */
        size_t members[200], start[8] = {0};
        char *names[7] = {"single",    "three", "region2",     "overlap",
                          "with_zero", "all",   "single_again"};
        size_t m = 0, g = 0;
        members[m++] = 3;
        start[++g] = m;
        members[m++] = 40;
        members[m++] = 2;
        members[m++] = 21;
        start[++g] = m;
        for (size_t i = 16; i < 32; i++)
            members[m++] = i;
        start[++g] = m;
        for (size_t i = 28; i < 36; i++)
            members[m++] = i;
        start[++g] = m;
        members[m++] = 9;
        members[m++] = 5;
        members[m++] = 1;
        start[++g] = m;
        for (size_t i = n; i-- > 0;)
            members[m++] = i;
        start[++g] = m;
        members[m++] = 3;
        start[++g] = m;
        clio_groups groups = {g, names, start, members};
        clio_error err = {0};
        clio_leontief *f;
        clio_result *r = NULL, *rs = NULL;
        int status = clio_leontief_factor(t, 0, &f, &err);
        if (status == CLIO_OK)
            status = clio_extract_groups(t, f, &groups, &r, &err);
        if (status == CLIO_OK)
            status = clio_extract_sectors(t, f, &rs, &err);
        if (!tap_ok(status == CLIO_OK, "%s table: extract 7 groups (%s)",
                    kind == PLAIN ? "plain" : "pivoting", err.message)) {
            clio_leontief_free(f);
            clio_table_free(t);
            continue;
        }
        char *in = calloc(n, 1);
        for (size_t k = 0; k < g; k++) {
            for (size_t p = start[k]; p < start[k + 1]; p++)
                in[members[p]] = 1;
            double worst = compare_row(t, r, k, in);
            tap_ok(worst < 1e-10,
                   "group '%s' (%zu sectors): every variant and account = direct "
                   "refactorisation (worst relative difference %.2g)",
                   names[k], start[k + 1] - start[k], worst);
            for (size_t p = start[k]; p < start[k + 1]; p++)
                in[members[p]] = 0;
        }
        double worst = 0;
        for (size_t a = 0; a < 3; a++)
            for (size_t v = 0; v < 5; v++)
                worst = fmax(worst, rel_diff(clio_result_value(r, 0, a, v),
                                             clio_result_value(rs, 3, a, v), 0));
        tap_ok(worst < 1e-12, "a group of one sector = that sector's extraction (%.2g)", worst);
        tap_ok(r->nrows == 7 && r->row_region[2] == CLIO_NONE &&
                   strcmp(r->row_sector[2], "region2") == 0 && r->naccounts == 3 &&
                   strcmp(r->accounts[2], "co2") == 0,
               "group rows named after the groups, without region; accounts of the table");
        free(in);
        clio_result_free(r);
        clio_result_free(rs);
        clio_leontief_free(f);
        clio_table_free(t);
    }
}

static void test_failures(void)
{
    clio_table *t = random_table(5, 1, PLAIN, CLIO_NONE, 5),
               *t6 = random_table(6, 1, PLAIN, CLIO_NONE, 6);
    clio_error err = {0};
    clio_leontief *f, *f6;
    clio_leontief_factor(t, 0, &f, &err);
    clio_leontief_factor(t6, 0, &f6, &err);
    clio_result *r = (clio_result *)1;
    tap_status(clio_extract_sectors(t, f6, &r, &err), CLIO_EDIM, err.message, "6 sectors",
               "a factor of another table is refused");
    tap_ok(r == NULL, "no result escapes a failure");
    size_t start[2] = {0, 2}, bad[2] = {1, 9}, dup[2] = {2, 2};
    char *names[1] = {"g"};
    clio_groups g = {1, names, start, bad};
    tap_status(clio_extract_groups(t, f, &g, &r, &err), CLIO_EINVAL, err.message, "index 9",
               "a group with a sector index out of range is refused");
    g.members = dup;
    tap_status(clio_extract_groups(t, f, &g, &r, &err), CLIO_ESINGULAR, err.message, "'g'",
               "a group listing a sector twice (singular L_SS) fails cleanly, naming it");
    double *Z = t->Z;
    t->Z = NULL;
    tap_status(clio_extract_sectors(t, f, &r, &err), CLIO_EINVAL, err.message, "consumed",
               "extraction needs Z");
    t->Z = Z;
    clio_leontief_free(f);
    clio_leontief_free(f6);
    clio_table_free(t);
    clio_table_free(t6);
}

/* ---- the group file -------------------------------------------------- */

static int read_groups(const char *text, const clio_table *t, clio_groups **g, clio_error *err)
{
    char path[128];
    snprintf(path, sizeof path, "%s/groups.csv", tap_dir);
    tap_write_text(path, text);
    return clio_groups_read_csv(path, t, g, err);
}

static void test_groups_csv(void)
{
    tap_scratch_begin("groups");
    clio_table *t = random_table(6, 2, PLAIN, CLIO_NONE, 3); /* R1: s1-s3, R2: s4-s6 */
    clio_groups *g = NULL;
    clio_error err = {0};
    int status = read_groups("group,region,sector\n"
                             "east,R2,s5\n"
                             "west,R1,s1\n"
                             "east,R2,s4\n"
                             "all,R1,s1\n"
                             "\"east\",R1,s3\n",
                             t, &g, &err);
    if (tap_ok(status == CLIO_OK, "a group file with columns in any order (%s)", err.message)) {
        tap_ok(g->ngroups == 3 && strcmp(g->names[0], "east") == 0 &&
                   strcmp(g->names[1], "west") == 0 && strcmp(g->names[2], "all") == 0,
               "groups in order of first appearance");
        tap_ok(g->start[0] == 0 && g->start[1] == 3 && g->start[2] == 4 && g->start[3] == 5 &&
                   g->members[0] == 4 && g->members[1] == 3 && g->members[2] == 2 &&
                   g->members[3] == 0 && g->members[4] == 0,
               "members in file order; a sector may be in several groups");
    } else {
        tap_skip(2, "no groups");
    }
    clio_groups_free(g);
    clio_groups_free(NULL);

    const struct {
        const char *text;
        int status;
        const char *needle;
        const char *what;
    } bad[] = {
        {"region,sector,group\nR1,s1,a\nR1,steel,a\n", CLIO_ELABEL,
         "groups.csv:3: unknown sector 'steel'", "unknown sector: CLIO_ELABEL with file:line"},
        {"region,sector,group\nR9,s1,a\n", CLIO_ELABEL, "groups.csv:2: unknown region 'R9'",
         "unknown region: CLIO_ELABEL with file:line"},
        {"region,sector,group\nR1,s1,a\nR2,s4,a\nR1,s1,a\n", CLIO_ELABEL,
         "groups.csv:4: sector 'R1|s1' is listed twice in group 'a'",
         "a sector twice in one group: CLIO_ELABEL naming line, sector and group"},
        {"region,sector\nR1,s1\n", CLIO_EFORMAT, "columns 'sector' and 'group'",
         "missing group column: CLIO_EFORMAT"},
        {"sector,group\ns1,a\n", CLIO_EFORMAT, "2 regions: add a 'region' column",
         "no region column in a two-region table: CLIO_EFORMAT"},
        {"", CLIO_EFORMAT, "empty", "empty file: CLIO_EFORMAT"},
        {"region,sector,group\n", CLIO_EFORMAT, "no groups", "a header only: CLIO_EFORMAT"},
        {"region,sector,group\nR1,s1\n", CLIO_EFORMAT, "groups.csv:2: 2 fields",
         "short row: CLIO_EFORMAT with line"},
        {"region,sector,group\nR1,s1,\n", CLIO_EFORMAT, "groups.csv:2: the group name is empty",
         "empty group name: CLIO_EFORMAT"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        g = (clio_groups *)1;
        err.message[0] = '\0';
        status = read_groups(bad[k].text, t, &g, &err);
        tap_status(status, bad[k].status, err.message, bad[k].needle, bad[k].what);
        if (g != NULL) {
            tap_ok(0, "no groups escape a failure");
            if (g != (clio_groups *)1)
                clio_groups_free(g);
        }
    }
    status = clio_groups_read_csv("/nonexistent/groups.csv", t, &g, &err);
    tap_status(status, CLIO_EIO, err.message, "/nonexistent/groups.csv",
               "missing file: CLIO_EIO naming it");
    clio_table_free(t);

    /* one-region tables need no region column */
    t = random_table(3, 1, PLAIN, CLIO_NONE, 4);
    err.message[0] = '\0';
    status = read_groups("sector,group\ns3,x\ns1,x\n", t, &g, &err);
    tap_ok(status == CLIO_OK && g->ngroups == 1 && g->start[1] == 2 && g->members[0] == 2,
           "one-region table: sector,group without region (%s)", err.message);
    clio_groups_free(status == CLIO_OK ? g : NULL);
    clio_table_free(t);
    tap_scratch_end();
}

int main(void)
{
    test_miller_blair();
    test_inverse_diagonal();
    test_inverse_diagonal_general();
    test_random_sectors();
    test_random_groups();
    test_failures();
    test_groups_csv();
    return tap_done();
}
