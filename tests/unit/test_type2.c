/* test_type2.c -- Type I effects against the Eurostat Manual's published
 * Germany 1995 figures, and the household closure (Type II multipliers
 * and impacts by the Schur complement) against explicit closed-model
 * inverses built and refactored here, on the Germany table and on random
 * one- and multi-regional tables; every error path of the closure. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

/* Fields of clio_multipliers_type2 and clio_impact_type2. */
enum { COEF, DIRECT, INDIRECT, INDUCED, T1E, T2E, T1M, T2M };
enum { I_DIRECT, I_INDIRECT, I_INDUCED, I_TOTAL };

/* Deterministic generator (xorshift64*), so failures reproduce. */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/*
 * A random productive table of R regions x m sectors with value-added rows
 * "wages" and "profits", satellite "jobs", and per region the final-demand
 * columns "hh" and "gov" (R = 0: one region whose columns have no region,
 * as in a one-region file).  Households of a region spend cons_share of
 * their wages.  Sector `zero` (if < n) has zero output.
 */
static clio_table *random_table(size_t R, size_t m, double cons_share, size_t zero,
                                unsigned long long seed)
{
    size_t nreg = R ? R : 1, n = nreg * m, nfd = 2 * nreg;
    clio_table *t = clio_table_alloc(nreg, n, nfd, 2, 1);
    char name[32];
    for (size_t r = 0; r < nreg; r++) {
        snprintf(name, sizeof name, "r%zu", r + 1);
        clio_table_set_label(t, CLIO_LABEL_REGION, r, name);
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 2 * r, "hh");
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 2 * r + 1, "gov");
        t->fd_region[2 * r] = t->fd_region[2 * r + 1] = R ? r : CLIO_NONE;
    }
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "wages");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 1, "profits");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "jobs");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "persons");
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "s%zu", i % m + 1);
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, name);
        t->sector_region[i] = i / m;
        t->x[i] = i == zero ? 0 : 10 + 1000 * uniform(&seed);
    }
    for (size_t j = 0; j < n; j++) {
        if (j == zero)
            continue;
        double target = 0.1 + 0.6 * uniform(&seed), sum = 0;
        for (size_t i = 0; i < n; i++)
            if (i != zero)
                sum += t->Z[i + j * n] = uniform(&seed) * (uniform(&seed) < 0.7);
        for (size_t i = 0; i < n; i++)
            t->Z[i + j * n] = sum > 0 ? t->Z[i + j * n] / sum * target * t->x[j] : 0;
        double va = t->x[j] * (1 - (sum > 0 ? target : 0)), w = 0.3 + 0.5 * uniform(&seed);
        t->V[0 + 2 * j] = w * va;
        t->V[1 + 2 * j] = (1 - w) * va;
        t->S[j] = t->x[j] * uniform(&seed) * 0.01;
    }
    /* Household spending: random shares of the region's wages. */
    for (size_t r = 0; r < nreg; r++) {
        double wages = 0, sum = 0;
        for (size_t j = 0; j < n; j++)
            if (t->sector_region[j] == r)
                wages += t->V[2 * j];
        double *hh = t->Y + 2 * r * n, *gov = t->Y + (2 * r + 1) * n;
        for (size_t i = 0; i < n; i++) {
            sum += hh[i] = i == zero ? 0 : uniform(&seed);
            gov[i] = i == zero ? 0 : 100 * uniform(&seed);
        }
        for (size_t i = 0; i < n; i++)
            hh[i] = hh[i] / sum * cons_share * wages;
    }
    return t;
}

/*
 * The closed model as an explicit table of n + k sectors: households of
 * group g are sector n + g, with output = their income, buying
 * Y(:, column g) and selling income V(income row, sectors of g).  Then
 * A_closed = [[A, HC], [HR, 0]] exactly as clio_households_define reads it.
 * cols[g]: consumption column of g; region[g]: its region (CLIO_NONE: all).
 */
static clio_table *closed_table(const clio_table *t, size_t income, size_t k,
                                const size_t *cols, const size_t *region)
{
    size_t n = t->n, N = n + k;
    clio_table *c = clio_table_alloc(1, N, 1, 0, 0);
    clio_table_set_label(c, CLIO_LABEL_REGION, 0, "closed");
    clio_table_set_label(c, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    for (size_t i = 0; i < N; i++) {
        char name[32];
        snprintf(name, sizeof name, "c%zu", i);
        clio_table_set_label(c, CLIO_LABEL_SECTOR, i, name);
        c->sector_region[i] = 0;
    }
    for (size_t j = 0; j < n; j++) {
        c->x[j] = t->x[j];
        for (size_t i = 0; i < n; i++)
            c->Z[i + j * N] = t->Z[i + j * n];
    }
    for (size_t g = 0; g < k; g++) {
        double income_g = 0;
        for (size_t j = 0; j < n; j++) {
            if (region[g] != CLIO_NONE && t->sector_region[j] != region[g])
                continue;
            c->Z[(n + g) + j * N] = t->V[income + j * t->nva];
            income_g += t->V[income + j * t->nva];
        }
        c->x[n + g] = income_g;
        for (size_t i = 0; i < n; i++)
            c->Z[i + (n + g) * N] = t->Y[i + cols[g] * n];
    }
    return c;
}

/* The explicit closed inverse (N x N) of table c. */
static double *closed_inverse(clio_table *c)
{
    size_t N = c->n;
    clio_leontief *f;
    clio_error err = {0};
    if (clio_leontief_factor(c, 0, &f, &err) != CLIO_OK) {
        printf("Bail out! the explicit closed model does not factor: %s\n", err.message);
        exit(2);
    }
    double *L = malloc(N * N * sizeof *L);
    clio_leontief_inverse(f, L, N, &err);
    clio_leontief_free(f);
    return L;
}

/* Normwise relative difference of got and want over count values. */
static double normwise(const double *got, const double *want, size_t count)
{
    double diff = 0, scale = 0;
    for (size_t i = 0; i < count; i++) {
        diff = fmax(diff, fabs(got[i] - want[i]));
        scale = fmax(scale, fabs(want[i]));
    }
    return scale > 0 ? diff / scale : diff;
}

/* Direct coefficient of account a (output, V rows, satellites) in sector j. */
static double coefficient(const clio_table *t, size_t a, size_t j)
{
    if (a == 0)
        return 1;
    if (t->x[j] == 0)
        return 0;
    if (a <= t->nva)
        return t->V[(a - 1) + j * t->nva] / t->x[j];
    return t->S[(a - 1 - t->nva) + j * t->nsat] / t->x[j];
}

/*
 * Compare Type II multipliers and a Type II impact of table t (households
 * from V row `income` and the consumption columns cols[0..k) of regions
 * region[]) with the explicit closed inverse; checks the field identities.
 */
static void check_against_closed(clio_table *t, const char *what, const char *income_name,
                                 const char *consumption, size_t income, size_t k,
                                 const size_t *cols, const size_t *region, double rtol)
{
    size_t n = t->n, na = 1 + t->nva + t->nsat;
    clio_error err = {0};
    clio_households *h = NULL;
    clio_leontief *f = NULL;
    clio_result *r = NULL, *r1 = NULL, *im = NULL;
    int status = clio_households_define(t, income_name, consumption, &h, &err);
    if (!tap_ok(status == CLIO_OK, "%s: households defined (%s)", what, err.message))
        return;
    tap_ok(clio_households_groups(h) == k, "%s: %zu household group(s)", what, k);
    status = clio_leontief_factor(t, 0, &f, &err);
    if (status == CLIO_OK)
        status = clio_multipliers_type2(t, f, h, &r, &err);
    if (status == CLIO_OK)
        status = clio_multipliers(t, f, &r1, &err);
    if (!tap_ok(status == CLIO_OK, "%s: Type II multipliers (%s)", what, err.message))
        goto done;

    clio_table *c = closed_table(t, income, k, cols, region);
    size_t N = c->n;
    double *Lc = closed_inverse(c);
    double *got = malloc((n + 1) * sizeof *got), *want = malloc((n + 1) * sizeof *want);
    double *got1 = malloc((n + 1) * sizeof *got1), *want1 = malloc((n + 1) * sizeof *want1);
    double worst2 = 0, worst1 = 0, worst_id = 0;
    int nan_ok = 1;
    for (size_t a = 0; a < na; a++) {
        for (size_t j = 0; j < n; j++) {
            double e2 = 0;
            for (size_t i = 0; i < n; i++)
                e2 += coefficient(t, a, i) * Lc[i + j * N];
            want[j] = e2;
            got[j] = clio_result_value(r, j, a, T2E);
            got1[j] = clio_result_value(r, j, a, T1E);
            want1[j] = clio_result_value(r1, j, a, 1);
            double v[8];
            for (int fld = 0; fld < 8; fld++)
                v[fld] = clio_result_value(r, j, a, (size_t)fld);
            double d = coefficient(t, a, j), scale = fabs(v[T2E]) + fabs(d) + 1e-300;
            worst_id = fmax(worst_id, fabs(v[COEF] - d) / scale);
            worst_id = fmax(worst_id, fabs(v[DIRECT] - d) / scale);
            worst_id = fmax(worst_id, fabs(v[DIRECT] + v[INDIRECT] - v[T1E]) / scale);
            worst_id = fmax(worst_id, fabs(v[T1E] + v[INDUCED] - v[T2E]) / scale);
            if (d != 0) {
                worst_id = fmax(worst_id, fabs(v[T1M] - v[T1E] / d) / fabs(v[T1M]));
                worst_id = fmax(worst_id, fabs(v[T2M] - v[T2E] / d) / fabs(v[T2M]));
            } else {
                nan_ok &= isnan(v[T1M]) && isnan(v[T2M]);
            }
        }
        worst2 = fmax(worst2, normwise(got, want, n));
        worst1 = fmax(worst1, normwise(got1, want1, n));
    }
    tap_ok(worst2 <= rtol,
           "%s: Type II effects = d' [L_closed]_(1:n,1:n) of the explicit (n+%zu)-sector "
           "closed inverse (worst normwise difference %.2g <= %.0e)",
           what, k, worst2, rtol);
    tap_ok(worst1 <= 1e-14, "%s: type1_effect = clio_multipliers' effect (worst %.2g)", what,
           worst1);
    tap_ok(worst_id <= 1e-13,
           "%s: direct = coefficient, direct + indirect = type1, type1 + induced = type2, "
           "multiplier = effect / coefficient (worst %.2g)",
           what, worst_id);
    tap_ok(nan_ok, "%s: multipliers are NaN where the coefficient is 0", what);

    /* An impact: dx2 = [L_closed]_(1:n,1:n) df. */
    double *df = malloc((n + 1) * sizeof *df);
    unsigned long long seed = 4242 + n;
    for (size_t i = 0; i < n; i++)
        df[i] = 100 * uniform(&seed);
    status = clio_impact_type2(t, f, h, df, &im, &err);
    if (tap_ok(status == CLIO_OK, "%s: Type II impact (%s)", what, err.message)) {
        double worst = 0, worst_split = 0;
        for (size_t a = 0; a < na; a++) {
            for (size_t i = 0; i < n; i++) {
                double dx = 0;
                for (size_t j = 0; j < n; j++)
                    dx += Lc[i + j * N] * df[j];
                want[i] = coefficient(t, a, i) * dx;
                got[i] = clio_result_value(im, i, a, I_TOTAL);
                double s = clio_result_value(im, i, a, I_DIRECT) +
                           clio_result_value(im, i, a, I_INDIRECT) +
                           clio_result_value(im, i, a, I_INDUCED);
                worst_split = fmax(worst_split, fabs(s - got[i]) / (fabs(got[i]) + 1e-300));
            }
            worst = fmax(worst, normwise(got, want, n));
        }
        tap_ok(worst <= rtol,
               "%s: Type II impact = explicit closed inverse times df (worst %.2g)", what,
               worst);
        tap_ok(worst_split <= 1e-13 && im->additive, "%s: direct + indirect + induced = total",
               what);
        clio_result *open = NULL;
        clio_impact(t, f, df, &open, &err);
        double worst_open = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t a = 0; a < na; a++)
                for (size_t fld = 0; fld < 2; fld++) {
                    double o = clio_result_value(open, i, a, fld);
                    worst_open = fmax(worst_open, fabs(clio_result_value(im, i, a, fld) - o) /
                                                      (fabs(o) + 1));
                }
        tap_ok(worst_open <= 1e-13,
               "%s: direct and indirect are the open model's (clio_impact) (worst %.2g)", what,
               worst_open);
        clio_result_free(open);
    }
    free(df);
    free(got);
    free(want);
    free(got1);
    free(want1);
    free(Lc);
    clio_table_free(c);
done:
    clio_result_free(r);
    clio_result_free(r1);
    clio_result_free(im);
    clio_leontief_free(f);
    clio_households_free(h);
}

static size_t find(char *const *names, size_t count, const char *name)
{
    for (size_t k = 0; k < count; k++)
        if (strcmp(names[k], name) == 0)
            return k;
    printf("Bail out! no label '%s'\n", name);
    exit(2);
}

/* Eurostat Manual (2008) ch. 15, Germany 1995: Type I effects, then Type II. */
static void test_germany(void)
{
    clio_table *t;
    clio_error err = {0};
    int status = clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    if (!tap_ok(status == CLIO_OK, "Germany 1995 loads (%s)", err.message))
        return;
    clio_leontief *f;
    clio_result *r;
    clio_leontief_factor(t, 0, &f, &err);
    status = clio_multipliers(t, f, &r, &err);
    tap_ok(status == CLIO_OK, "Germany: Type I multipliers");
    /* GVA = compensation + other net taxes on production + consumption of
     * fixed capital + net operating surplus: effects add up (linear). */
    const char *gva[4] = {"compensation_of_employees", "other_net_taxes_on_production",
                          "consumption_of_fixed_capital", "net_operating_surplus"};
    const double gva_want[6] = {0.8450, 0.7647, 0.8615, 0.9019, 0.9393, 0.9199};
    const double emp_want[6] = {0.0326, 0.0162, 0.0207, 0.0237, 0.0112, 0.0242};
    size_t emp = 1 + t->nva + find(t->sat_names, t->nsat, "employment");
    for (size_t j = 0; j < 6; j++) {
        double e = 0;
        for (int k = 0; k < 4; k++)
            e += clio_result_value(r, j, 1 + find(t->va_names, t->nva, gva[k]), 1);
        /* Published to 4 decimals: half a unit in the last place. */
        tap_ok(fabs(e - gva_want[j]) <= 0.5e-4 + 1e-12,
               "Germany: Type I GVA effect of %s = %.4f (published %.4f)", t->sector_names[j],
               e, gva_want[j]);
        double m = clio_result_value(r, j, emp, 1);
        tap_ok(fabs(m - emp_want[j]) <= 0.5e-4 + 1e-12,
               "Germany: Type I employment effect of %s = %.4f thousand persons per million "
               "EUR (published %.4f)",
               t->sector_names[j], m, emp_want[j]);
    }
    clio_result_free(r);
    clio_leontief_free(f);

    /* Type II: households earn compensation of employees (D1) and spend
     * like household final consumption. */
    size_t income = find(t->va_names, t->nva, "compensation_of_employees");
    size_t cols[1] = {find(t->fd_names, t->nfd, "household_consumption")};
    size_t region[1] = {CLIO_NONE};
    check_against_closed(t, "Germany", "compensation_of_employees", "household_consumption",
                         income, 1, cols, region, 1e-12);

    clio_households *h;
    clio_households_define(t, "compensation_of_employees", "household_consumption", &h, &err);
    clio_leontief_factor(t, 0, &f, &err);
    status = clio_multipliers_type2(t, f, h, &r, &err);
    if (tap_ok(status == CLIO_OK, "Germany: Type II multipliers")) {
        int ge = 1, induced = 1;
        size_t na = r->naccounts;
        for (size_t a = 0; a < na; a++) {
            int nonneg = 1; /* the theorem needs d >= 0 */
            for (size_t j = 0; j < 6; j++)
                nonneg &= clio_result_value(r, j, a, COEF) >= 0;
            for (size_t j = 0; nonneg && j < 6; j++) {
                ge &= clio_result_value(r, j, a, T2E) >= clio_result_value(r, j, a, T1E);
                induced &= clio_result_value(r, j, a, INDUCED) > 0;
            }
        }
        tap_ok(ge, "Germany: Type II >= Type I for every sector and non-negative account");
        tap_ok(induced, "Germany: induced effects > 0 for every non-negative account");
        /* Type II output multipliers exceed Type I ones by a factor that
         * grows with the wage share: all above the published Type I. */
        const double t1[6] = {1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782};
        int above = 1;
        for (size_t j = 0; j < 6; j++)
            above &= clio_result_value(r, j, 0, T2M) > t1[j] &&
                     fabs(clio_result_value(r, j, 0, T1M) - t1[j]) < 0.5e-4 + 1e-12;
        tap_ok(above, "Germany: type1_multiplier of output = published Type I; type2 above it");
        tap_ok(r->description && strstr(r->description, "Type II"),
               "Germany: the result describes its fields");
    }
    clio_result_free(r);
    clio_households_free(h);
    clio_leontief_free(f);
    clio_table_free(t);
}

/* Random tables: one region (k = 1, the income account reused) and several
 * regions (one group per region), with and without a zero-output sector. */
static void test_random(void)
{
    const struct {
        size_t R, m, zero;
    } cases[] = {{0, 1, 99}, {0, 7, 99}, {0, 40, 3}, {1, 12, 99}, {2, 5, 99},
                 {3, 8, 5}, {4, 10, 99}, {5, 8, 17}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t R = cases[c].R, m = cases[c].m, nreg = R ? R : 1;
        clio_table *t = random_table(R, m, 0.8, cases[c].zero, 777 + c);
        size_t cols[8], region[8];
        for (size_t g = 0; g < nreg; g++) {
            cols[g] = 2 * g;
            region[g] = R ? g : CLIO_NONE;
        }
        char what[80];
        snprintf(what, sizeof what, "random %zu region(s) x %zu sectors%s", nreg, m,
                 cases[c].zero < nreg * m ? ", a zero-output sector" : "");
        check_against_closed(t, what, "wages", "hh", 0, nreg, cols, region, 1e-12);
        clio_table_free(t);
    }
    /* A region without a household column is left open: groups are the
     * regions that have one. */
    clio_table *t = random_table(3, 6, 0.7, 99, 31337);
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 2, "exports"); /* r2's hh column */
    size_t cols[2] = {0, 4}, region[2] = {0, 2};
    check_against_closed(t, "3 regions, r2 without households", "wages", "hh", 0, 2, cols,
                         region, 1e-12);
    clio_table_free(t);
}

static void test_errors(void)
{
    clio_error err = {0};
    clio_households *h = (clio_households *)&err; /* must be reset to NULL */
    clio_table *t = random_table(2, 4, 0.8, 99, 5);
    int status = clio_households_define(t, "salaries", "hh", &h, &err);
    tap_status(status, CLIO_ELABEL, err.message, "'salaries'",
               "unknown income row: CLIO_ELABEL naming it");
    tap_ok(h == NULL && strstr(err.message, "'wages'") && strstr(err.message, "'profits'"),
           "... and listing the value-added rows (%s)", err.message);
    status = clio_households_define(t, "wages", "households", &h, &err);
    tap_status(status, CLIO_ELABEL, err.message, "'households'",
               "unknown consumption column: CLIO_ELABEL naming it");
    tap_ok(strstr(err.message, "'hh'") && strstr(err.message, "'gov'") &&
               !strstr(err.message, "'hh', 'gov', 'hh'"),
           "... and listing the final-demand categories once each (%s)", err.message);
    /* Region r2 earns no wages. */
    for (size_t j = 4; j < 8; j++) {
        t->V[1 + 2 * j] += t->V[2 * j];
        t->V[2 * j] = 0;
    }
    status = clio_households_define(t, "wages", "hh", &h, &err);
    tap_status(status, CLIO_EVALUE, err.message, "region 'r2'",
               "a household group without income: CLIO_EVALUE naming the region");
    clio_table_free(t);

    /* Households spending 5 times their income: the closure explodes. */
    t = random_table(0, 6, 5.0, 99, 6);
    for (size_t j = 0; j < 6; j++) { /* all value added is wages */
        t->V[2 * j] += t->V[1 + 2 * j];
        t->V[1 + 2 * j] = 0;
    }
    clio_leontief *f;
    clio_result *r = (clio_result *)&err;
    clio_households_define(t, "wages", "hh", &h, &err);
    clio_leontief_factor(t, 0, &f, &err);
    status = clio_multipliers_type2(t, f, h, &r, &err);
    tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "not productive",
               "households spending more than the economy pays back: CLIO_ENONPRODUCTIVE");
    tap_ok(r == NULL && strstr(err.message, "'households'"), "... naming the group (%s)",
           err.message);
    double df[6] = {1, 2, 3, 4, 5, 6};
    status = clio_impact_type2(t, f, h, df, &r, &err);
    tap_status(status, CLIO_ENONPRODUCTIVE, err.message, "not productive",
               "the same for a Type II impact");
    df[2] = INFINITY;
    status = clio_impact_type2(t, f, h, df, &r, &err);
    tap_status(status, CLIO_EVALUE, err.message, "not finite", "Inf demand change is refused");
    clio_leontief_free(f);

    /* A balanced table closed with all value added as income and all final
     * demand as household spending leaks nothing: the closure is singular
     * (in exact arithmetic; numerically S is 0 or rounding noise). */
    clio_table *closed = clio_table_alloc(1, 2, 1, 1, 0);
    const double zmb[4] = {150, 200, 500, 100}, fmb[2] = {350, 1700};
    int ok = closed && clio_table_set_label(closed, CLIO_LABEL_REGION, 0, "R") == CLIO_OK &&
             clio_table_set_label(closed, CLIO_LABEL_SECTOR, 0, "s1") == CLIO_OK &&
             clio_table_set_label(closed, CLIO_LABEL_SECTOR, 1, "s2") == CLIO_OK &&
             clio_table_set_label(closed, CLIO_LABEL_FINAL_DEMAND, 0, "hh") == CLIO_OK &&
             clio_table_set_label(closed, CLIO_LABEL_VALUE_ADDED, 0, "va") == CLIO_OK;
    for (size_t i = 0; ok && i < 2; i++) {
        closed->sector_region[i] = 0;
        closed->Y[i] = fmb[i];
        closed->x[i] = zmb[i] + zmb[i + 2] + fmb[i];
        for (size_t j = 0; j < 2; j++)
            closed->Z[i + 2 * j] = zmb[i + 2 * j];
    }
    for (size_t j = 0; ok && j < 2; j++)
        closed->V[j] = closed->x[j] - zmb[2 * j] - zmb[1 + 2 * j];
    clio_households *hall = NULL;
    clio_leontief *fall = NULL;
    r = (clio_result *)&err;
    status = !ok ? CLIO_ENOMEM : clio_households_define(closed, "va", "hh", &hall, &err);
    if (status == CLIO_OK)
        status = clio_leontief_factor(closed, 0, &fall, &err);
    if (status == CLIO_OK)
        status = clio_multipliers_type2(closed, fall, hall, &r, &err);
    tap_status(status, CLIO_ESINGULAR, err.message, "singular",
               "a closure that leaks nothing (all value added earned, all final demand spent) "
               "is CLIO_ESINGULAR, not a multiplier of 1e16");
    tap_ok(r == NULL, "... and gives no result");
    clio_leontief_free(fall);
    clio_households_free(hall);
    clio_table_free(closed);

    /* Households of another table. */
    clio_table *t2 = random_table(0, 5, 0.5, 99, 7);
    clio_leontief_factor(t2, 0, &f, &err);
    status = clio_multipliers_type2(t2, f, h, &r, &err);
    tap_status(status, CLIO_EDIM, err.message, "households were defined",
               "households of a table of another size: CLIO_EDIM");
    clio_leontief_free(f);
    clio_households_free(h);
    clio_table_free(t2);

    /* A table without value-added rows. */
    t2 = clio_table_alloc(1, 2, 1, 0, 0);
    clio_table_set_label(t2, CLIO_LABEL_FINAL_DEMAND, 0, "hh");
    status = clio_households_define(t2, "wages", "hh", &h, &err);
    tap_status(status, CLIO_ELABEL, err.message, "value-added rows: none",
               "no value-added rows: CLIO_ELABEL says so");
    clio_table_free(t2);
    clio_households_free(NULL);
    clio_table_free(t);
}

int main(void)
{
    test_germany();
    test_random();
    test_errors();
    return tap_done();
}
