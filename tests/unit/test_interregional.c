/* test_interregional.c -- interregional tables assembled from a national
 * table and regional sizes: the regions add up to the national Z, Y, V, x,
 * S exactly (1e-12 relative), the rows balance, own-region coefficients
 * stay below the national ones, every column keeps the national technology
 * (so the MRIO's total output multipliers equal the national ones), CHARM
 * cross-hauling grows with the heterogeneity, and bad inputs are refused.
 * Tables: Germany 1995 (two and three regions), UK 2010 (two regions). */
#include "clio.h"
#include "clioi.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>

#define SHARED "../shared/data/"
#define FIX "tests/fixtures/regional/"
#define UK_CSV SHARED "uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv"
#define UK_SPEC "tests/fixtures/specs/uk_2010.yaml"

/* Largest relative gap, cell by cell, between the sum over regions and
 * the national value (cells with a national zero: the gap over the largest
 * national value). */
static double sum_gap(const double *M, size_t ldm, const double *nat, size_t ldn, size_t rows,
                      size_t cols, size_t row_blocks, size_t col_blocks)
{
    double gap = 0, scale = 0;
    for (size_t j = 0; j < cols; j++)
        for (size_t i = 0; i < rows; i++)
            scale = fmax(scale, fabs(nat[i + j * ldn]));
    for (size_t j = 0; j < cols; j++)
        for (size_t i = 0; i < rows; i++) {
            double sum = 0, want = nat[i + j * ldn];
            for (size_t gj = 0; gj < col_blocks; gj++)
                for (size_t gi = 0; gi < row_blocks; gi++)
                    sum += M[gi * rows + i + (gj * cols + j) * ldm];
            double d = fabs(sum - want);
            gap = fmax(gap, want != 0 ? d / fabs(want) : scale > 0 ? d / scale : d);
        }
    return gap;
}

static void check_mrio(const char *name, const clio_table *t, const clio_table *m, size_t G)
{
    size_t n = t->n, N = m->n;
    tap_ok(m->nregions == G && N == G * n && m->nfd == G * t->nfd && m->nva == t->nva,
           "%s: %zu regions of %zu sectors, final demand by region", name, G, n);
    double gz = sum_gap(m->Z, N, t->Z, n, n, n, G, G);
    double gy = sum_gap(m->Y, N, t->Y, n, n, t->nfd, G, G);
    double gv = sum_gap(m->V, m->nva, t->V, t->nva, t->nva, n, 1, G);
    double gx = sum_gap(m->x, 1, t->x, 1, 1, n, 1, G);
    double gs = t->nsat ? sum_gap(m->S, m->nsat, t->S, t->nsat, t->nsat, n, 1, G) : 0;
    tap_ok(gz <= 1e-12, "%s: regions sum to the national Z (gap %.2g)", name, gz);
    tap_ok(gy <= 1e-12, "%s: regions sum to the national Y by category (gap %.2g)", name, gy);
    tap_ok(gv <= 1e-12 && gx <= 1e-12 && gs <= 1e-12,
           "%s: regions sum to the national V, x, S (gaps %.2g %.2g %.2g)", name, gv, gx, gs);
    /* Each column (g, j) buys a_ij per unit of output over all origins. */
    double tech = 0, own = 0;
    for (size_t g = 0; g < G; g++)
        for (size_t j = 0; j < n; j++) {
            size_t col = g * n + j;
            for (size_t i = 0; i < n; i++) {
                double a = t->x[j] > 0 ? t->Z[i + j * n] / t->x[j] : 0, sum = 0;
                for (size_t o = 0; o < G; o++)
                    sum += m->Z[o * n + i + col * N];
                double coef = m->x[col] > 0 ? sum / m->x[col] : a;
                tech = fmax(tech, fabs(coef - a));
                if (m->x[col] > 0)
                    own = fmax(own, m->Z[g * n + i + col * N] / m->x[col] - a);
            }
        }
    tap_ok(tech <= 1e-12, "%s: every column keeps the national technology (gap %.2g)", name,
           tech);
    tap_ok(own <= 1e-15, "%s: own-region coefficients <= national", name);
    clio_report rep = {0};
    int st = clio_table_check(m, 1e-8, &rep);
    tap_ok(st == CLIO_OK && rep.nwarnings == 0, "%s: the MRIO is valid, rows and columns balance",
           name);
    clio_report_free(&rep);

    /* The solver uses it as any MRIO: total multipliers = national ones. */
    clio_table view = *m;
    clio_leontief *f = NULL, *fn = NULL;
    clio_result *sp = NULL, *mn = NULL;
    clio_table nat = *t;
    clio_error err = {0};
    int ok = clio_leontief_factor(&view, 0, &f, &err) == CLIO_OK &&
             clio_spillovers(m, f, &sp, &err) == CLIO_OK &&
             clio_leontief_factor(&nat, 0, &fn, &err) == CLIO_OK &&
             clio_multipliers(t, fn, &mn, &err) == CLIO_OK;
    double gap = 0, spill = 0;
    for (size_t r = 0; ok && r < N; r++) {
        double want = clio_result_value(mn, r % n, 0, 1);
        gap = fmax(gap, fabs(clio_result_value(sp, r, 0, 2) - want) / want);
        spill += clio_result_value(sp, r, 0, 1);
    }
    tap_ok(ok && gap <= 1e-10 && spill > 0,
           "%s: spillovers run; total = national multipliers (gap %.2g), spillovers > 0", name,
           gap);
    clio_result_free(sp);
    clio_result_free(mn);
    clio_leontief_free(f);
    clio_leontief_free(fn);
}

/* Flows between different regions, summed. */
static double interregional_volume(const clio_table *m, size_t n)
{
    double v = 0;
    for (size_t c = 0; c < m->n; c++)
        for (size_t r = 0; r < m->n; r++)
            if (r / n != c / n)
                v += m->Z[r + c * m->n];
    return v;
}

static void test_germany(void)
{
    clio_table *t = NULL, *m = NULL;
    clio_regional_sizes *s = NULL;
    clio_error err = {0};
    if (clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err) != CLIO_OK ||
        clio_regional_sizes_read_csv(FIX "germany_regions_employment.csv", t,
                                     CLIO_MEASURE_EMPLOYMENT, "employment", NULL, &s,
                                     &err) != CLIO_OK) {
        tap_ok(0, "Germany 1995 and its regions: %s", err.message);
        clio_table_free(t);
        return;
    }
    size_t n = t->n;
    clio_interregional_options opt = {.method = CLIO_LQ_FLQ, .delta = 0.3};
    /* Two regions: south + rest of the country. */
    int st = clio_interregional(t, 1, s->regions, s->regional, n, s->national, &opt, &m, &err);
    tap_ok(st == CLIO_OK && strcmp(m->regions[1], "rest") == 0, "Germany: south + rest (%s)",
           st ? err.message : "ok");
    if (st == CLIO_OK)
        check_mrio("Germany two-region", t, m, 2);
    else
        tap_skip(8, "no table");
    clio_table_free(m);
    m = NULL;

    /* Three regions: south, north, rest; each LQ method. */
    for (int method = 0; method < CLIO_LQ_NMETHODS; method++) {
        opt.method = method;
        st = clio_interregional(t, 2, s->regions, s->regional, n, s->national, &opt, &m, &err);
        char name[64];
        snprintf(name, sizeof name, "Germany three-region %s", clio_lq_method_name(method));
        tap_ok(st == CLIO_OK, "%s built (%s)", name, st ? err.message : "ok");
        if (st == CLIO_OK)
            check_mrio(name, t, m, 3);
        else
            tap_skip(8, "no table");
        clio_table_free(m);
        m = NULL;
    }

    /* CHARM: more heterogeneity, more cross-hauling. */
    double volume[2];
    for (int k = 0; k < 2; k++) {
        clio_interregional_options charm = {.charm = 1, .heterogeneity = k ? 0.6 : 0.0};
        st = clio_interregional(t, 2, s->regions, s->regional, n, s->national, &charm, &m,
                                &err);
        volume[k] = st == CLIO_OK ? interregional_volume(m, n) : NAN;
        if (st == CLIO_OK && k == 1)
            check_mrio("Germany CHARM h=0.6", t, m, 3);
        clio_table_free(m);
        m = NULL;
    }
    tap_ok(volume[1] > volume[0], "CHARM: interregional trade %.0f (h = 0.6) > %.0f (h = 0)",
           volume[1], volume[0]);

    /* Regions that make up the whole country: no rest region. */
    double *E = calloc(2 * n, sizeof *E);
    for (size_t i = 0; i < n; i++) {
        E[i] = s->regional[i];
        E[i + n] = s->national[i] - s->regional[i];
    }
    char *whole[2] = {"south", "others"};
    opt.method = CLIO_LQ_FLQ;
    st = clio_interregional(t, 2, whole, E, n, s->national, &opt, &m, &err);
    tap_ok(st == CLIO_OK && m->nregions == 2 && strcmp(m->regions[1], "others") == 0,
           "regions covering the country: no rest region added");
    clio_table_free(m);
    m = NULL;

    /* Bad inputs. */
    E[n + 1] += 1000; /* north's manufacturing beyond the national */
    st = clio_interregional(t, 2, whole, E, n, s->national, &opt, &m, &err);
    tap_status(st, CLIO_EVALUE, err.message, "sector 'manufacturing' add up to",
               "regions exceeding the national size");
    tap_ok(m == NULL, "no table escapes a refused assembly");
    char *clash[1] = {"rest"};
    st = clio_interregional(t, 1, clash, s->regional, n, s->national, &opt, &m, &err);
    tap_status(st, CLIO_ELABEL, err.message, "rest", "a region named like the rest region");
    E[1] = NAN;
    st = clio_interregional(t, 1, whole, E, n, s->national, &opt, &m, &err);
    tap_status(st, CLIO_EVALUE, err.message, "nan", "NaN regional size");
    clio_interregional_options bad = {.charm = 1, .heterogeneity = 1.5};
    st = clio_interregional(t, 1, s->regions, s->regional, n, s->national, &bad, &m, &err);
    tap_status(st, CLIO_EINVAL, err.message, "heterogeneity", "CHARM heterogeneity above 1");
    bad = (clio_interregional_options){.method = 9};
    st = clio_interregional(t, 1, s->regions, s->regional, n, s->national, &bad, &m, &err);
    tap_status(st, CLIO_EINVAL, err.message, "method", "unknown method");
    clio_table two = *t;
    two.nregions = 2;
    st = clio_interregional(&two, 1, s->regions, s->regional, n, s->national, &opt, &m, &err);
    tap_status(st, CLIO_EDIM, err.message, "one-region", "an MRIO as national table");
    free(E);
    clio_regional_sizes_free(s);
    clio_table_free(t);
}

static void test_uk(void)
{
    if (access(UK_CSV, R_OK) != 0) {
        tap_skip(9, "UK 2010 table not found in ../shared/data");
        return;
    }
    clio_table *t = NULL, *m = NULL;
    clio_regional_sizes *s = NULL;
    clio_error err = {0};
    if (clio_table_read_statoffice(UK_CSV, UK_SPEC, &t, &err) != CLIO_OK ||
        clio_regional_sizes_read_csv(FIX "uk_2010_region_output.csv", t, CLIO_MEASURE_OUTPUT,
                                     NULL, "northwest", &s, &err) != CLIO_OK) {
        tap_ok(0, "UK 2010 and the region's output: %s", err.message);
        clio_table_free(t);
        return;
    }
    clio_interregional_options opt = {.method = CLIO_LQ_FLQ, .delta = 0.3};
    int st = clio_interregional(t, 1, s->regions, s->regional, t->n, s->national, &opt, &m,
                                &err);
    tap_ok(st == CLIO_OK, "UK 2010: northwest + rest (%s)", st ? err.message : "ok");
    if (st == CLIO_OK)
        check_mrio("UK two-region", t, m, 2);
    else
        tap_skip(8, "no table");
    clio_table_free(m);
    clio_regional_sizes_free(s);
    clio_table_free(t);
}

int main(void)
{
    test_germany();
    test_uk();
    return tap_done();
}
