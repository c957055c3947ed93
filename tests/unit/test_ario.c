/* test_ario.c -- the ARIO simulation (shocks/ario*.c): the baseline is a
 * fixed point; a capacity loss hits the sector at once and its customers
 * through their inventories, and the economy recovers; production never
 * exceeds alpha_max times capacity; reconstruction is all delivered; a
 * lasting demand change reaches the Leontief solution L (y + dy); inputs
 * kept by product let other regions' suppliers fill a gap; every bad
 * parameter, shock and table is refused with a message naming it. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

/* xorshift64*: reproducible random tables */
static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/* A balanced table: Z (n x n, column-major) and x given, one final-demand
 * column y = x - Z 1; sectors named names[i % nsec] in region R(i / nsec + 1). */
static clio_table *make_table(size_t nregions, size_t nsec, const char *const *names,
                              const double *Z, const double *x)
{
    size_t n = nregions * nsec;
    clio_table *t = clio_table_alloc(nregions, n, 1, 1, 0);
    for (size_t r = 0; r < nregions; r++) {
        char name[16];
        snprintf(name, sizeof name, "R%zu", r + 1);
        clio_table_set_label(t, CLIO_LABEL_REGION, r, name);
    }
    for (size_t i = 0; i < n; i++) {
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, names[i % nsec]);
        t->sector_region[i] = i / nsec;
        t->x[i] = x[i];
        double row = 0;
        for (size_t j = 0; j < n; j++)
            row += t->Z[i + j * n] = Z[i + j * n];
        t->Y[i] = x[i] - row;
        t->V[i] = x[i];
        for (size_t k = 0; k < n; k++)
            t->V[i] -= Z[k + i * n];
    }
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "va");
    return t;
}

/* A chain: s1 sells to s2 and s3, s2 to s3; s2 buys only from s1 and
 * itself, and sells nothing to s1, so a loss in s1 reaches s2 through
 * s2's inventory of s1's product, not through s2's demand. */
static clio_table *chain_table(void)
{
    static const char *const names[] = {"s1", "s2", "s3"};
    const double Z[9] = {5, 0, 0, /* column s1 */
                         40, 5, 0, /* column s2 */
                         10, 30, 5}; /* column s3 */
    const double x[3] = {100, 120, 150};
    return make_table(1, 3, names, Z, x);
}

/* Two regions of three sectors, random dense coefficients (column sums of
 * A in 0.2 .. 0.6), final demand y > 0 and output x = L y (by iteration). */
static clio_table *random_mrio(unsigned long long seed)
{
    static const char *const names[] = {"agri", "manuf", "serv"};
    size_t n = 6;
    double A[36], Z[36], x[6], y[6];
    for (size_t j = 0; j < n; j++) {
        double share = 0.2 + 0.4 * uniform(&seed), sum = 0, w[6];
        for (size_t i = 0; i < n; i++)
            sum += w[i] = 0.05 + uniform(&seed);
        for (size_t i = 0; i < n; i++)
            A[i + j * n] = w[i] / sum * share;
        x[j] = y[j] = 20 + 100 * uniform(&seed);
    }
    for (int it = 0; it < 200; it++) /* x = y + A x converges: column sums < 0.6 */
        for (size_t i = 0; i < n; i++) {
            double v = y[i];
            for (size_t j = 0; j < n; j++)
                v += A[i + j * n] * x[j];
            x[i] = v;
        }
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            Z[i + j * n] = A[i + j * n] * x[j];
    return make_table(2, 3, names, Z, x);
}

static clio_ario_params quick_params(size_t steps)
{
    clio_ario_params p;
    clio_ario_defaults(&p);
    p.steps = steps;
    p.inventory_days = 10; /* short stocks: effects show within days */
    p.inventory_tau = 10;
    return p;
}

static double max_rel_dev(const clio_ario_result *r, const double *x)
{
    double worst = 0;
    for (size_t k = 0; k <= r->steps; k++)
        for (size_t i = 0; i < r->n; i++) {
            double d = fabs(r->production[i + k * r->n] - x[i]) / x[i];
            worst = d > worst ? d : worst;
        }
    return worst;
}

static void test_defaults(void)
{
    clio_ario_params p;
    clio_ario_defaults(&p);
    tap_ok(p.step_days == 1 && p.steps == 365 && p.inventory_days == 90 &&
               p.inventory_tau == 60 && p.alpha_max == 1.25 && p.alpha_tau == 365 &&
               p.psi == 0.80 && p.reconstruction_tau == 180,
           "defaults: daily, 365 steps, 90 days of stock, tau 60, alpha 1.25/365, psi 0.8, "
           "reconstruction 180 days");
}

/* With no shock (or an all-zero one) every step reproduces the baseline. */
static void test_no_shock(void)
{
    clio_table *t = random_mrio(7);
    clio_ario_result *r = NULL;
    clio_error err = {0};
    int status = clio_ario_run(t, NULL, NULL, &r, &err);
    tap_ok(status == CLIO_OK && r && r->n == 6 && r->steps == 365, "no shock: the run works");
    if (!r) {
        tap_diag("%s", err.message);
        clio_table_free(t);
        return;
    }
    double dev = max_rel_dev(r, t->x), unmet = 0, gap = 0, loss = 0;
    for (size_t k = 0; k <= r->steps * r->n - 1 + r->n; k++) {
        unmet = fmax(unmet, r->unmet_demand[k]);
        gap = fmax(gap, r->inventory_gap[k]);
    }
    for (size_t i = 0; i < r->n; i++)
        loss = fmax(loss, fabs(r->loss[i]) / t->x[i] + r->unmet_total[i] + r->rebuilt[i]);
    tap_ok(dev <= 1e-10, "no shock: production = x at every step (max relative deviation %.2g)",
           dev);
    tap_ok(unmet <= 1e-10 * 250 && gap <= 1e-10 && loss <= 1e-10,
           "no shock: no unmet demand (%.2g), no inventory gap (%.2g), no loss (%.2g)", unmet, gap,
           loss);
    tap_ok(r->time_days[0] == 0 && r->time_days[365] == 365, "time axis 0 .. 365 days");
    clio_ario_result_free(r);

    /* an all-zero shock, weekly steps, inventories constraining at once */
    double zero[6] = {0}, days[6] = {30, 30, 30, 30, 30, 30};
    clio_ario_shock s = {zero, days, zero, zero};
    clio_ario_params p;
    clio_ario_defaults(&p);
    p.step_days = 7;
    p.steps = 104;
    p.psi = 1;
    status = clio_ario_run(t, &p, &s, &r, &err);
    tap_ok(status == CLIO_OK && r && max_rel_dev(r, t->x) <= 1e-10,
           "zero shock, weekly steps, psi = 1: production = x to 1e-10");
    tap_ok(r && r->time_days[104] == 728, "weekly time axis ends at day 728");
    clio_ario_result_free(r);

    /* rows that do not balance (x 1 % above Z 1 + Y 1): x is still the fixed
     * point, the discrepancy counts as final demand */
    t->x[2] *= 1.01;
    status = clio_ario_run(t, NULL, NULL, &r, &err);
    tap_ok(status == CLIO_OK && r && max_rel_dev(r, t->x) <= 1e-10,
           "an unbalanced table stays at its output x to 1e-10");
    clio_ario_result_free(r);
    clio_table_free(t);
}

/* Half of s1's capacity lost, recovering over 60 days. */
static void test_capacity_loss(void)
{
    clio_table *t = chain_table();
    double loss[3] = {0.5, 0, 0}, days[3] = {60, 60, 60};
    clio_ario_shock s = {loss, days, NULL, NULL};
    clio_ario_params p = quick_params(730);
    clio_ario_result *r = NULL;
    clio_error err = {0};
    int status = clio_ario_run(t, &p, &s, &r, &err);
    if (!tap_ok(status == CLIO_OK && r, "capacity loss: the run works")) {
        tap_diag("%s", err.message);
        clio_table_free(t);
        return;
    }
    size_t n = 3;
    const double *P = r->production;
    tap_close(P[0 + 1 * n], 50, 1e-12, "s1 produces half its output on day 1 (capacity 50)");
    tap_close(r->capacity[0 + 1 * n], 50, 1e-12, "s1's capacity on day 1 is 50");
    tap_close(r->capacity[0 + 31 * n], 75, 1e-12, "s1's capacity on day 31 (30 days in) is 75");
    tap_close(r->capacity[0 + 61 * n], 100, 1e-12, "s1's capacity is back at day 61");
    tap_close(P[1 + 1 * n], 120, 1e-12, "s2 still produces its baseline on day 1 (stocks)");
    double s2_low = 120, gap_max = 0;
    size_t s2_day = 0;
    for (size_t k = 1; k <= r->steps; k++) {
        if (P[1 + k * n] < s2_low) {
            s2_low = P[1 + k * n];
            s2_day = k;
        }
        gap_max = fmax(gap_max, r->inventory_gap[1 + k * n]);
    }
    tap_ok(s2_low < 0.95 * 120 && s2_day > 1 && s2_day < 90,
           "s2, a customer of s1 with unchanged demand, falls to %.4g on day %zu (inventories)",
           s2_low, s2_day);
    tap_ok(gap_max > 0.2 && gap_max <= 1, "s2's inventory gap opens (largest %.3g)", gap_max);
    /* never above alpha_max times capacity; unmet demand never negative */
    int above = 0, negative = 0, gap_range = 0;
    for (size_t k = 0; k <= r->steps; k++)
        for (size_t i = 0; i < n; i++) {
            above += P[i + k * n] > p.alpha_max * r->capacity[i + k * n] * (1 + 1e-12);
            negative += !(r->unmet_demand[i + k * n] >= 0);
            gap_range += !(r->inventory_gap[i + k * n] >= 0 && r->inventory_gap[i + k * n] <= 1);
        }
    tap_ok(above == 0, "production never exceeds alpha_max x capacity (%d violations)", above);
    tap_ok(negative == 0 && gap_range == 0, "unmet demand >= 0 and inventory gap in [0, 1]");
    double unmet_s1 = 0;
    for (size_t k = 1; k <= 60; k++)
        unmet_s1 = fmax(unmet_s1, r->unmet_demand[0 + k * n]);
    tap_ok(unmet_s1 > 40, "s1 cannot serve its demand while hit (unmet up to %.4g per year)",
           unmet_s1);
    /* recovered: capacity back after 60 days, inventories refilled */
    double end = 0;
    for (size_t i = 0; i < n; i++)
        end = fmax(end, fabs(P[i + r->steps * n] - t->x[i]) / t->x[i]);
    tap_ok(end <= 1e-3, "after 730 days production is back at baseline (%.2g)", end);
    /* the loss is the sum of (x - production) per step, in money */
    double want = 0;
    for (size_t k = 1; k <= r->steps; k++)
        want += (100 - P[0 + k * n]) / 365;
    tap_close(r->loss[0], want, 1e-9, "s1's loss = sum of (x - production) days / 365");
    tap_ok(r->loss[0] > 0 && r->loss[1] > 0 && r->unmet_total[0] > 0,
           "s1 and s2 lose output, s1's final demand goes unserved (%.3g)", r->unmet_total[0]);
    clio_ario_result_free(r);
    clio_table_free(t);
}

/* Reconstruction demand on s1 after a loss: all of it is delivered and it
 * raises s1's production once the capacity is back. */
static void test_reconstruction(void)
{
    clio_table *t = chain_table();
    double loss[3] = {0.3, 0, 0}, days[3] = {30, 0, 0}, rebuild[3] = {5, 0, 2};
    clio_ario_shock with = {loss, days, rebuild, NULL}, without = {loss, days, NULL, NULL};
    clio_ario_params p;
    clio_ario_defaults(&p); /* 90 days of stock: s1 rides through the loss */
    p.steps = 1000;
    p.reconstruction_tau = 60;
    clio_ario_result *r = NULL, *base = NULL;
    clio_error err = {0};
    int status = clio_ario_run(t, &p, &with, &r, &err);
    status |= clio_ario_run(t, &p, &without, &base, &err);
    if (!tap_ok(status == CLIO_OK && r && base, "reconstruction: the runs work")) {
        tap_diag("%s", err.message);
        clio_ario_result_free(r);
        clio_ario_result_free(base);
        clio_table_free(t);
        return;
    }
    size_t n = 3;
    tap_close(r->rebuilt[0], 5, 1e-6, "all 5 of s1's reconstruction demand is delivered");
    tap_close(r->rebuilt[2], 2, 1e-6, "all 2 of s3's reconstruction demand is delivered");
    tap_ok(r->rebuilt[1] == 0, "nothing is rebuilt by s2, which had no such demand");
    double more = 0;
    for (size_t k = 31; k <= 1000; k++)
        more += (r->production[0 + k * n] - base->production[0 + k * n]) / 365;
    tap_ok(more > 1, "s1 produces more after its recovery with reconstruction demand (%.3g more "
           "than without from day 31; part of the 5 came out of final demand)", more);
    tap_ok(r->production[0 + 200 * n] > 100, "s1 works above its baseline output on day 200 "
           "(%.4g), by overproduction", r->production[0 + 200 * n]);
    tap_ok(r->unmet_total[0] >= base->unmet_total[0] - 1e-12,
           "reconstruction competes with final demand for s1's scarce output");
    clio_ario_result_free(r);
    clio_ario_result_free(base);
    clio_table_free(t);
}

/* Solve (I - A) x = f for a table by the library. */
static int leontief_output(clio_table *t, const double *f, double *x)
{
    clio_leontief *fac = NULL;
    clio_error err = {0};
    if (clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &fac, &err) != CLIO_OK)
        return -1;
    for (size_t i = 0; i < t->n; i++)
        x[i] = f[i];
    int status = clio_leontief_solve(fac, 0, 1, x, t->n, &err);
    clio_leontief_free(fac);
    return status;
}

/* A lasting fall of final demand: the economy settles at L (y + dy); a
 * rise is met by overproduction, within alpha_max times capacity. */
static void test_demand_change(void)
{
    clio_table *t = random_mrio(11);
    size_t n = t->n;
    double dy[6], f[6], want[6];
    for (size_t i = 0; i < n; i++) {
        dy[i] = -0.2 * t->Y[i];
        f[i] = t->Y[i] + dy[i];
    }
    clio_ario_shock s = {NULL, NULL, NULL, dy};
    clio_ario_params p = quick_params(400);
    clio_ario_result *r = NULL;
    clio_error err = {0};
    int status = clio_ario_run(t, &p, &s, &r, &err);
    if (!tap_ok(status == CLIO_OK && r && leontief_output(t, f, want) == CLIO_OK,
                "demand fall: the run works")) {
        tap_diag("%s", err.message);
        clio_table_free(t);
        return;
    }
    double worst = 0;
    for (size_t i = 0; i < n; i++)
        worst = fmax(worst, fabs(r->production[i + 400 * n] - want[i]) / want[i]);
    tap_ok(worst <= 1e-6, "a 20%% fall of final demand settles at L (y + dy) (%.2g)", worst);
    clio_ario_result_free(r);

    for (size_t i = 0; i < n; i++) {
        dy[i] = 0.1 * t->Y[i];
        f[i] = t->Y[i] + dy[i];
    }
    status = clio_ario_run(t, &p, &s, &r, &err);
    leontief_output(t, f, want);
    int ok = status == CLIO_OK && r;
    double rise = 1e300;
    for (size_t k = 0; ok && k <= r->steps; k++)
        for (size_t i = 0; i < n; i++) {
            double x = r->production[i + k * n];
            ok &= x <= p.alpha_max * t->x[i] * (1 + 1e-12) && x <= want[i] * (1 + 1e-9);
            if (k == r->steps)
                rise = fmin(rise, (x - t->x[i]) / (want[i] - t->x[i]));
        }
    /* no spare capacity at baseline: the rise is met only as overproduction
     * builds up, at rate zeta / alpha_tau (slow) */
    tap_ok(ok && rise > 0.1 && rise < 1, "a 10%% rise: production between x and L (y + dy), "
           "%.2f of the way after 400 days, never above alpha_max x", rise);
    double unmet = 0;
    for (size_t i = 0; ok && i < n; i++)
        unmet += r->unmet_demand[i + 400 * n];
    tap_ok(unmet > 0, "part of the rise is still unmet on day 400 (%.3g per year)", unmet);
    clio_ario_result_free(r);
    clio_table_free(t);
}

/* Inputs are kept by product: when R1|manuf stops for good, R2's buyers
 * of manuf keep producing as long as R2|manuf fills their stock of manuf. */
static void test_product_inventories(void)
{
    static const char *const names[] = {"manuf", "serv"};
    /* R1|manuf sells a little to R2|serv, R2|manuf a lot */
    const double Z[16] = {10, 0, 5, 0,  /* column R1|manuf */
                          5, 10, 0, 0,  /* column R1|serv */
                          0, 0, 10, 0,  /* column R2|manuf */
                          2, 0, 28, 10}; /* column R2|serv */
    const double x[4] = {100, 100, 100, 100};
    clio_table *t = make_table(2, 2, names, Z, x);
    double loss[4] = {1, 0, 0, 0};
    clio_ario_shock s = {loss, NULL, NULL, NULL};
    clio_ario_params p = quick_params(365);
    p.inventory_days = 30;
    clio_ario_result *r = NULL;
    clio_error err = {0};
    int status = clio_ario_run(t, &p, &s, &r, &err);
    int ok = status == CLIO_OK && r;
    double low = 1e300;
    for (size_t k = 0; ok && k <= r->steps; k++)
        low = fmin(low, r->production[3 + k * 4]);
    tap_ok(ok && r->production[0 + 365 * 4] == 0 && low > 99.9,
           "R1|manuf at zero all year, R2|serv (6%% of its manuf from R1) stays above %.4g", low);
    tap_ok(ok && r->production[1 + 30 * 4] < 90,
           "R1|serv, which buys manuf only from R1, falls (%.4g on day 30)",
           ok ? r->production[1 + 30 * 4] : 0);
    clio_ario_result_free(r);
    clio_table_free(t);
}

static void expect_failure(const clio_table *t, const clio_ario_params *p,
                           const clio_ario_shock *s, int want, const char *needle,
                           const char *what)
{
    clio_ario_result *r = (clio_ario_result *)1;
    clio_error err = {0};
    int status = clio_ario_run(t, p, s, &r, &err);
    tap_status(status, want, err.message, needle, what);
    tap_ok(r == NULL, "%s: no result", what);
    if (r && r != (clio_ario_result *)1)
        clio_ario_result_free(r);
}

static void test_failures(void)
{
    clio_table *t = random_mrio(3);
    clio_ario_params p;
    clio_ario_defaults(&p);
    p.steps = 5;
    clio_ario_params bad = p;
    bad.psi = 1.5;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "psi", "psi 1.5");
    bad.psi = NAN;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "psi", "psi NaN");
    bad = p;
    bad.step_days = -1;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "step_days", "negative step_days");
    bad = p;
    bad.inventory_days = 0;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "inventory_days", "zero inventory_days");
    bad = p;
    bad.inventory_tau = INFINITY;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "inventory_tau", "infinite inventory_tau");
    bad = p;
    bad.alpha_tau = NAN;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "alpha_tau", "NaN alpha_tau");
    bad = p;
    bad.reconstruction_tau = -3;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "reconstruction_tau", "negative reconstruction_tau");
    bad = p;
    bad.alpha_max = 0.9;
    expect_failure(t, &bad, NULL, CLIO_EVALUE, "alpha_max", "alpha_max below 1");

    double v[6] = {0}, ok_days[6] = {10, 10, 10, 10, 10, 10};
    clio_ario_shock s = {v, NULL, NULL, NULL};
    v[4] = 1.5;
    expect_failure(t, &p, &s, CLIO_EVALUE, "capacity_loss of sector 'R2|manuf' is 1.5",
                   "capacity loss above 1");
    v[4] = NAN;
    expect_failure(t, &p, &s, CLIO_EVALUE, "capacity_loss of sector 'R2|manuf'",
                   "NaN capacity loss");
    v[4] = -0.1;
    expect_failure(t, &p, &s, CLIO_EVALUE, "capacity_loss", "negative capacity loss");
    v[4] = 0;
    clio_ario_shock s2 = {NULL, v, NULL, NULL};
    v[0] = -5;
    expect_failure(t, &p, &s2, CLIO_EVALUE, "recovery_days of sector 'R1|agri' is -5",
                   "negative recovery days");
    v[0] = 0;
    clio_ario_shock s3 = {NULL, ok_days, v, NULL};
    v[5] = -1;
    expect_failure(t, &p, &s3, CLIO_EVALUE, "reconstruction of sector 'R2|serv'",
                   "negative reconstruction");
    v[5] = INFINITY;
    expect_failure(t, &p, &s3, CLIO_EVALUE, "reconstruction of sector 'R2|serv'",
                   "infinite reconstruction");
    v[5] = 0;
    clio_ario_shock s4 = {NULL, NULL, NULL, v};
    v[1] = NAN;
    expect_failure(t, &p, &s4, CLIO_EVALUE, "demand_change of sector 'R1|manuf'",
                   "NaN demand change");
    v[1] = -2 * t->Y[1];
    expect_failure(t, &p, &s4, CLIO_EVALUE, "demand_change of sector 'R1|manuf'",
                   "demand change below minus final demand");
    v[1] = 0;

    clio_table *u = random_mrio(3);
    u->Z[1 + 3 * 6] = -1;
    expect_failure(u, &p, NULL, CLIO_EVALUE, "sector 'R1|manuf'", "negative flow");
    u->Z[1 + 3 * 6] = NAN;
    expect_failure(u, &p, NULL, CLIO_EVALUE, "sector 'R1|manuf'", "NaN flow");
    u->Z[1 + 3 * 6] = 1;
    u->x[0] = -1;
    expect_failure(u, &p, NULL, CLIO_EVALUE, "sector 'R1|agri'", "negative output");
    u->x[0] = 10;
    u->Y[5] = INFINITY;
    expect_failure(u, &p, NULL, CLIO_EVALUE, "sector 'R2|serv'", "infinite final demand");
    clio_table_free(u);

    clio_error err = {0};
    tap_ok(clio_ario_run(t, &p, NULL, NULL, &err) == CLIO_EINVAL, "no result pointer: EINVAL");
    clio_ario_result *r = NULL;
    tap_ok(clio_ario_run(NULL, &p, NULL, &r, &err) == CLIO_EINVAL && !r, "no table: EINVAL");
    clio_ario_result_free(NULL);
    clio_table_free(t);
}

int main(void)
{
    test_defaults();
    test_no_shock();
    test_capacity_loss();
    test_reconstruction();
    test_demand_change();
    test_product_inventories();
    test_failures();
    return tap_done();
}
