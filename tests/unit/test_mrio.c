/* test_mrio.c -- multi-regional analysis: spillovers and feedback, footprints,
 * and SY (satellites caused by final demand) in the table formats.
 *
 * Known answers: the three-country leather MRIO of the R package decompr
 * (tests/fixtures/leather; reference values from numpy.linalg.inv), and
 * pymrio's test MRIO.  Every result is also checked against dense
 * computations with the explicit Leontief inverse (clio_leontief_inverse)
 * and explicit single-region inverses (a sub-table refactored in the test)
 * on random MRIOs, and against the accounting identities. */
#include "clio.h"
#include "tap.h"

#include <math.h>
#include <netcdf.h>
#include <stdlib.h>
#include <string.h>

#define LEATHER "tests/fixtures/leather"
#define PYMRIO "../shared/data/pymrio_testmrio"

/* ---- helpers -------------------------------------------------------- */

static void set(clio_table *t, int kind, size_t i, const char *text)
{
    if (clio_table_set_label(t, kind, i, text) != CLIO_OK)
        abort(); /* a broken fixture: no result would mean anything */
}

static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

/* Index of field `name` in r, or -1. */
static int field(const clio_result *r, const char *name)
{
    for (size_t f = 0; f < r->nfields; f++)
        if (strcmp(r->fields[f], name) == 0)
            return (int)f;
    return -1;
}

static double val(const clio_result *r, size_t row, size_t a, const char *name)
{
    int f = field(r, name);
    if (f < 0) {
        printf("# no field '%s'\n", name);
        return NAN;
    }
    return clio_result_value(r, row, a, (size_t)f);
}

/* Counts mismatches of a family of checks and reports the first one, so a
 * loop over sectors and accounts is one TAP line. */
typedef struct tally {
    size_t checked, failed;
    double worst;
    char first[256];
} tally;

/* |got - want| <= rtol * max(|want|, scale): scale guards against judging
 * values near zero by their own size. */
static void tally_close(tally *t, double got, double want, double rtol, double scale,
                        const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void tally_close(tally *t, double got, double want, double rtol, double scale,
                        const char *fmt, ...)
{
    double ref = fabs(want) > scale ? fabs(want) : scale;
    double rel = fabs(got - want) / (ref > 0 ? ref : 1e-300);
    t->checked++;
    if (rel > t->worst || isnan(rel))
        t->worst = isnan(rel) ? INFINITY : rel;
    if (rel <= rtol)
        return;
    if (t->failed++ == 0) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(t->first, sizeof t->first, fmt, ap);
        va_end(ap);
        if (k >= 0 && (size_t)k < sizeof t->first)
            snprintf(t->first + k, sizeof t->first - (size_t)k, ": got %.17g, want %.17g", got,
                     want);
    }
}

static void tally_report(const tally *t, const char *what)
{
    if (!tap_ok(t->checked > 0 && t->failed == 0, "%s (%zu checks, worst relative error %.2g)",
                what, t->checked, t->worst))
        printf("# %zu failed; first: %s\n", t->failed, t->checked ? t->first : "none run");
}

/* Direct coefficient of account a (output, V rows, satellites) of sector j. */
static double coef(const clio_table *t, size_t a, size_t j)
{
    if (a == 0)
        return 1.0;
    if (t->x[j] == 0)
        return 0.0;
    if (a <= t->nva)
        return t->V[(a - 1) + j * t->nva] / t->x[j];
    return t->S[(a - 1 - t->nva) + j * t->nsat] / t->x[j];
}

/* The explicit Leontief inverse of t (n x n, ld n); NULL on failure. */
static double *explicit_inverse(clio_table *t)
{
    clio_leontief *f;
    clio_error err;
    double *L = malloc(t->n * t->n * sizeof *L);
    if (clio_leontief_factor(t, 0, &f, &err) != CLIO_OK) {
        free(L);
        return NULL;
    }
    clio_leontief_inverse(f, L, t->n, &err);
    clio_leontief_free(f);
    return L;
}

/* (I - A_ss)^-1 of region g, explicitly: the block of Z with the outputs of
 * its sectors as a table of its own, refactored here; m x m, with idx[]
 * (m entries) the sectors of region g in table order. */
static double *single_region_inverse(const clio_table *t, size_t g, size_t *idx, size_t *m)
{
    size_t k = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->sector_region[i] == g)
            idx[k++] = i;
    *m = k;
    clio_table *s = clio_table_alloc(1, k, 0, 0, 0);
    set(s, CLIO_LABEL_REGION, 0, "block");
    for (size_t ii = 0; ii < k; ii++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", ii);
        set(s, CLIO_LABEL_SECTOR, ii, name);
        s->sector_region[ii] = 0;
        s->x[ii] = t->x[idx[ii]];
        for (size_t jj = 0; jj < k; jj++)
            s->Z[ii + jj * k] = t->Z[idx[ii] + idx[jj] * t->n];
    }
    double *Ls = explicit_inverse(s);
    clio_table_free(s);
    return Ls;
}

/* ---- a random MRIO ---------------------------------------------------- */

/*
 * R regions of m sectors each, the regions interleaved (sector i is in
 * region i % R) so that no code may assume contiguous blocks; two
 * final-demand columns per region (a third column of no region with
 * `rest_of_world`); two V rows; satellites "jobs" (>= 0) and "net"
 * (either sign), with SY for both.  x = Z 1 + Y 1.
 */
static clio_table *random_mrio(size_t R, size_t m, int rest_of_world, unsigned long long seed)
{
    size_t n = R * m, nfd = 2 * R + (rest_of_world ? 1 : 0);
    clio_table *t = clio_table_alloc(R, n, nfd, 2, 2);
    char name[64];
    for (size_t g = 0; g < R; g++) {
        snprintf(name, sizeof name, "R%zu", g + 1);
        set(t, CLIO_LABEL_REGION, g, name);
    }
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "s%zu", i / R + 1);
        set(t, CLIO_LABEL_SECTOR, i, name);
        t->sector_region[i] = i % R;
    }
    for (size_t k = 0; k < nfd; k++) {
        set(t, CLIO_LABEL_FINAL_DEMAND, k, k == 2 * R ? "rest_of_world" : (k % 2 ? "gov" : "hh"));
        t->fd_region[k] = k == 2 * R ? CLIO_NONE : k / 2;
    }
    set(t, CLIO_LABEL_VALUE_ADDED, 0, "wages");
    set(t, CLIO_LABEL_VALUE_ADDED, 1, "other");
    set(t, CLIO_LABEL_SATELLITE, 0, "jobs");
    set(t, CLIO_LABEL_SATELLITE_UNIT, 0, "persons");
    set(t, CLIO_LABEL_SATELLITE, 1, "net");
    set(t, CLIO_LABEL_SATELLITE_UNIT, 1, "t");
    /* Flows: dense inside regions, sparser and smaller between them. */
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++) {
            double same = t->sector_region[i] == t->sector_region[j];
            t->Z[i + j * n] = (same ? 40 : 8) * uniform(&seed) * (uniform(&seed) < 0.8);
        }
    for (size_t k = 0; k < nfd; k++)
        for (size_t i = 0; i < n; i++)
            t->Y[i + k * n] = 30 * uniform(&seed) * (uniform(&seed) < 0.9);
    for (size_t i = 0; i < n; i++) {
        double x = 0, col = 0;
        for (size_t j = 0; j < n; j++)
            x += t->Z[i + j * n], col += t->Z[j + i * n];
        for (size_t k = 0; k < nfd; k++)
            x += t->Y[i + k * n];
        t->x[i] = x;
        double w = uniform(&seed);
        t->V[0 + i * 2] = w * (x - col);
        t->V[1 + i * 2] = (1 - w) * (x - col); /* may be negative: any sign works */
        t->S[0 + i * 2] = 100 * uniform(&seed);
        t->S[1 + i * 2] = 50 * (uniform(&seed) - 0.5);
    }
    for (size_t k = 0; k < nfd; k++) {
        t->SY[0 + k * 2] = 5 * uniform(&seed);
        t->SY[1 + k * 2] = 5 * (uniform(&seed) - 0.5);
    }
    return t;
}

/* ---- spillovers ----------------------------------------------------- */

/* Every spillover field of r against the explicit inverses of t. */
static void check_spillovers_dense(clio_table *t, const clio_result *r, const char *what)
{
    size_t n = t->n, na = 1 + t->nva + t->nsat, R = t->nregions;
    double *L = explicit_inverse(t);
    size_t *idx = malloc(n * sizeof *idx);
    tally in = {0}, parts = {0}, total = {0}, single = {0}, fb = {0}, fb_sign = {0};
    if (!tap_ok(L != NULL, "%s: explicit inverse", what)) {
        free(idx);
        return;
    }
    /* Scale per account: the largest |d|' L column, for values near zero. */
    for (size_t a = 0; a < na; a++) {
        double scale = 0;
        for (size_t j = 0; j < n; j++) {
            double s = 0;
            for (size_t i = 0; i < n; i++)
                s += fabs(coef(t, a, i)) * L[i + j * n];
            scale = s > scale ? s : scale;
        }
        for (size_t j = 0; j < n; j++) {
            double want_total = 0;
            for (size_t g = 0; g < R; g++) {
                double e = 0;
                for (size_t i = 0; i < n; i++)
                    if (t->sector_region[i] == g)
                        e += coef(t, a, i) * L[i + j * n];
                want_total += e;
                char fname[64];
                snprintf(fname, sizeof fname, "in:%s", t->regions[g]);
                tally_close(&in, val(r, j, a, fname), e, 1e-12, scale, "%s of sector %zu acc %zu",
                            fname, j, a);
            }
            tally_close(&total, val(r, j, a, "total"), want_total, 1e-12, scale,
                        "total of sector %zu account %zu", j, a);
            tally_close(&parts, val(r, j, a, "intraregional") + val(r, j, a, "spillover"),
                        val(r, j, a, "total"), 1e-13, scale, "intra + spill of %zu/%zu", j, a);
            size_t own = t->sector_region[j];
            char fname[64];
            snprintf(fname, sizeof fname, "in:%s", t->regions[own]);
            tally_close(&parts, val(r, j, a, "intraregional"), val(r, j, a, fname), 0, scale,
                        "intraregional = in:own of %zu/%zu", j, a);
            tally_close(&fb, val(r, j, a, "feedback"),
                        val(r, j, a, "intraregional") - val(r, j, a, "single_region"), 1e-15,
                        scale, "feedback = intra - single of %zu/%zu", j, a);
        }
    }
    for (size_t g = 0; g < R; g++) {
        size_t m;
        double *Ls = single_region_inverse(t, g, idx, &m);
        if (!Ls) {
            single.failed++;
            continue;
        }
        for (size_t a = 0; a < na; a++) {
            int nonnegative = 1;
            for (size_t i = 0; i < n; i++)
                nonnegative &= coef(t, a, i) >= 0;
            for (size_t jj = 0; jj < m; jj++) {
                double e = 0, scale = 0;
                for (size_t ii = 0; ii < m; ii++) {
                    e += coef(t, a, idx[ii]) * Ls[ii + jj * m];
                    scale += fabs(coef(t, a, idx[ii])) * Ls[ii + jj * m];
                }
                tally_close(&single, val(r, idx[jj], a, "single_region"), e, 1e-12, scale,
                            "single_region of sector %zu account %zu", idx[jj], a);
                /* Miller: the feedback of a non-negative account is >= 0. */
                if (nonnegative) {
                    fb_sign.checked++;
                    if (!(val(r, idx[jj], a, "feedback") >= -1e-14 * scale) && !fb_sign.failed++)
                        snprintf(fb_sign.first, sizeof fb_sign.first,
                                 "feedback %g < 0 at sector %zu account %zu",
                                 val(r, idx[jj], a, "feedback"), idx[jj], a);
                }
            }
        }
        free(Ls);
    }
    char line[160];
    snprintf(line, sizeof line, "%s: in:REGION = (d o 1_r)' L, explicit inverse", what);
    tally_report(&in, line);
    snprintf(line, sizeof line, "%s: total = d' L (column sums of L for output)", what);
    tally_report(&total, line);
    snprintf(line, sizeof line, "%s: intraregional + spillover = total, intraregional = in:own",
             what);
    tally_report(&parts, line);
    snprintf(line, sizeof line, "%s: single_region = d_s' (I - A_ss)^-1, refactored block", what);
    tally_report(&single, line);
    snprintf(line, sizeof line, "%s: feedback = intraregional - single_region", what);
    tally_report(&fb, line);
    snprintf(line, sizeof line, "%s: feedback >= 0 for non-negative accounts", what);
    tally_report(&fb_sign, line);
    free(L);
    free(idx);
}

static clio_table *load_leather(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_matrixset(LEATHER, NULL, NULL, &t, &err);
    tap_ok(status == CLIO_OK && t->n == 9 && t->nregions == 3 && t->nfd == 3 && t->nva == 1 &&
               t->nsat == 2,
           "leather MRIO loads: 9 sectors, 3 regions, V, 2 satellites, SY (%s)", err.message);
    return status == CLIO_OK ? t : NULL;
}

static void test_leather_spillovers(void)
{
    clio_table *t = load_leather();
    if (!t)
        return;
    clio_leontief *f;
    clio_result *r;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    int status = clio_spillovers(t, f, &r, &err);
    if (!tap_ok(status == CLIO_OK, "spillovers of the leather MRIO (%s)", err.message)) {
        clio_leontief_free(f);
        clio_table_free(t);
        return;
    }
    tap_ok(r->nrows == 9 && r->naccounts == 4 && r->nfields == 8 &&
               strcmp(r->fields[5], "in:ARG") == 0 && strcmp(r->fields[7], "in:DEU") == 0 &&
               r->description && !r->additive,
           "shape: 9 sectors, 4 accounts, fields + in:ARG..in:DEU, a description");
    /* Reference values: numpy.linalg.inv of I - A and of each I - A_ss. */
    static const double colsum_L[9] = {1.5654008369041539, 1.7769861186736653,
                                       2.4332201153446684, 1.7269200960568125,
                                       1.9427449393693683, 2.5047565857697536,
                                       1.735891192200196,  2.062201144878505,
                                       2.3941239324825125};
    static const double intra[9] = {1.3522778411981815, 1.3393036509036729, 1.7601567941572984,
                                    1.4050694267620205, 1.5773367387464658, 1.8703086610183197,
                                    1.4864327235682282, 1.7662689217922805, 1.8041233635175837};
    static const double single[9] = {1.3374049763989642, 1.3116152811439499,
                                     1.7069665238119183, 1.3663697848237821,
                                     1.537280228214134,  1.7848315196843767,
                                     1.4491744022264839, 1.7220200073476164,
                                     1.7166017138016392};
    tally known = {0}, va = {0};
    for (size_t j = 0; j < 9; j++) {
        tally_close(&known, val(r, j, 0, "total"), colsum_L[j], 1e-13, 0, "total %zu", j);
        tally_close(&known, val(r, j, 0, "intraregional"), intra[j], 1e-13, 0, "intra %zu", j);
        tally_close(&known, val(r, j, 0, "single_region"), single[j], 1e-13, 0, "single %zu",
                    j);
        /* V = x - 1'Z: value added per unit of final demand is exactly 1. */
        tally_close(&va, val(r, j, 1, "total"), 1.0, 1e-13, 0, "value added total %zu", j);
    }
    tally_report(&known, "leather output multipliers: total, intraregional, single_region match "
                         "numpy to 1e-13");
    tally_report(&va, "leather: total value-added effect = 1 for every sector");
    int positive = 1;
    for (size_t j = 0; j < 9; j++)
        positive &= val(r, j, 0, "feedback") > 1e-3 && val(r, j, 0, "spillover") > 0.1;
    tap_ok(positive, "leather: output feedback > 0 and spillovers > 0 for every sector");
    check_spillovers_dense(t, r, "leather");
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
}

static void test_random_spillovers(void)
{
    static const size_t shapes[][2] = {{3, 5}, {4, 3}, {2, 7}};
    for (size_t s = 0; s < 3; s++) {
        clio_table *t = random_mrio(shapes[s][0], shapes[s][1], s == 1, 1234 + s);
        clio_leontief *f = NULL;
        clio_result *r;
        clio_error err = {0};
        char what[64];
        snprintf(what, sizeof what, "random %zu regions x %zu sectors", shapes[s][0],
                 shapes[s][1]);
        int status = clio_leontief_factor(t, 0, &f, &err);
        if (status == CLIO_OK)
            status = clio_spillovers(t, f, &r, &err);
        if (tap_ok(status == CLIO_OK, "%s: spillovers (%s)", what, err.message)) {
            check_spillovers_dense(t, r, what);
            clio_result_free(r);
        }
        clio_leontief_free(f);
        clio_table_free(t);
    }
}

static void test_one_region_spillovers(void)
{
    clio_table *t;
    clio_error err = {0};
    clio_leontief *f;
    clio_result *r, *m;
    int status = clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    if (!tap_ok(status == CLIO_OK, "Germany 1995 loads (%s)", err.message))
        return;
    clio_leontief_factor(t, 0, &f, &err);
    status = clio_spillovers(t, f, &r, &err);
    clio_multipliers(t, f, &m, &err);
    if (tap_ok(status == CLIO_OK && r->nfields == 6, "one region: spillovers allowed, fields "
                                                      "+ in:DE")) {
        int zero = 1;
        tally eff = {0};
        for (size_t j = 0; j < t->n; j++)
            for (size_t a = 0; a < r->naccounts; a++) {
                zero &= val(r, j, a, "spillover") == 0 && val(r, j, a, "feedback") == 0 &&
                        val(r, j, a, "single_region") == val(r, j, a, "intraregional");
                tally_close(&eff, val(r, j, a, "total"), clio_result_value(m, j, a, 1), 1e-13,
                            0, "total = multiplier effect %zu/%zu", j, a);
            }
        tap_ok(zero, "one region: spillover = feedback = 0, single_region = intraregional");
        tally_report(&eff, "one region: total = the Type I effect of clio_multipliers");
        clio_result_free(r);
    }
    clio_result_free(m);
    /* Z consumed by the factorisation: no single-region blocks to build. */
    clio_leontief_free(f);
    clio_leontief_factor(t, CLIO_FACTOR_CONSUME_Z, &f, &err);
    status = clio_spillovers(t, f, &r, &err);
    tap_status(status, CLIO_EINVAL, err.message, "CLIO_FACTOR_CONSUME_Z",
               "spillovers without Z: CLIO_EINVAL naming the flag");
    clio_leontief_free(f);
    clio_table_free(t);
}

/* ---- footprints ----------------------------------------------------- */

/* The identities every footprint result obeys, and the values against the
 * explicit inverse.  `balanced`: x = Z 1 + Y 1 (then sum_c for:c =
 * production per sector). */
static void check_footprints(clio_table *t, const clio_result *bs, const clio_result *br,
                             int balanced, const char *what)
{
    size_t n = t->n, na = 1 + t->nva + t->nsat, R = t->nregions;
    double *L = explicit_inverse(t);
    if (!tap_ok(L != NULL, "%s: explicit inverse", what))
        return;
    int by_region = 1; /* consumers are regions? */
    for (size_t k = 0; k < t->nfd; k++)
        by_region &= t->fd_region[k] != CLIO_NONE;
    size_t C = by_region ? R : t->nfd;
    tap_ok(bs->nrows == n && bs->nfields == 1 + C && bs->additive && br->nrows == R &&
               br->nfields == 7 + C + (by_region ? R : 0) && !br->additive,
           "%s: shapes (%zu consumers%s)", what, C, by_region ? ", by region" : ", by column");
    double *X = calloc(n * (C ? C : 1), sizeof *X); /* X = L y_c, explicitly */
    for (size_t k = 0; k < t->nfd; k++) {
        size_t c = by_region ? t->fd_region[k] : k;
        for (size_t i = 0; i < n; i++)
            for (size_t l = 0; l < n; l++)
                X[i + c * n] += L[i + l * n] * t->Y[l + k * n];
    }
    tally dense = {0}, sum_for = {0}, regional = {0}, total = {0};
    for (size_t a = 0; a < na; a++) {
        double scale = 0, prod_total = 0, sy_total = 0, cons_total = 0, regprod_total = 0;
        for (size_t i = 0; i < n; i++)
            scale += fabs(coef(t, a, i)) * t->x[i];
        scale *= 1e-3; /* values far below the account's size are judged absolutely */
        for (size_t i = 0; i < n; i++) {
            double sum = 0;
            for (size_t c = 0; c < C; c++) {
                double want = coef(t, a, i) * X[i + c * n];
                tally_close(&dense, clio_result_value(bs, i, a, 1 + c), want, 1e-11, scale,
                            "for:%s of sector %zu account %zu", bs->fields[1 + c] + 4, i, a);
                sum += clio_result_value(bs, i, a, 1 + c);
            }
            tally_close(&dense, val(bs, i, a, "production"), coef(t, a, i) * t->x[i], 1e-15,
                        0, "production of sector %zu account %zu", i, a);
            if (balanced)
                tally_close(&sum_for, sum, val(bs, i, a, "production"), 1e-11, scale,
                            "sum for:c = production, sector %zu account %zu", i, a);
            prod_total += val(bs, i, a, "production");
        }
        if (a > t->nva)
            for (size_t k = 0; k < t->nfd; k++)
                sy_total += t->SY[(a - 1 - t->nva) + k * t->nsat];
        for (size_t g = 0; g < R; g++) {
            double dom = val(br, g, a, "domestic"), imp = val(br, g, a, "imported");
            double exp = val(br, g, a, "exported"), fdd = val(br, g, a, "final_demand_direct");
            double prod = val(br, g, a, "production"), cons = val(br, g, a, "consumption");
            double own = 0, want_imp = 0, want_exp = 0, want_dom = 0, want_fdd = 0;
            for (size_t i = 0; i < n; i++)
                if (t->sector_region[i] == g)
                    own += val(bs, i, a, "production");
            for (size_t c = 0; c < C; c++) {
                size_t home = by_region ? c : (t->fd_region[c] != CLIO_NONE ? t->fd_region[c]
                                               : R == 1 ? 0 : CLIO_NONE);
                double in_g = 0; /* g's producers for c, from the sector result */
                for (size_t i = 0; i < n; i++)
                    if (t->sector_region[i] == g)
                        in_g += clio_result_value(bs, i, a, 1 + c);
                tally_close(&regional, clio_result_value(br, g, a, 7 + c), in_g, 1e-12, scale,
                            "by-region for:c = region total of by-sector for:c (%zu %zu)", g, c);
                if (home == g) {
                    want_dom += clio_result_value(br, g, a, 7 + c);
                    for (size_t h = 0; h < R; h++)
                        if (h != g)
                            want_imp += clio_result_value(br, h, a, 7 + c);
                    if (a > t->nva)
                        for (size_t k = 0; k < t->nfd; k++)
                            if ((by_region ? t->fd_region[k] : k) == c)
                                want_fdd += t->SY[(a - 1 - t->nva) + k * t->nsat];
                } else {
                    want_exp += clio_result_value(br, g, a, 7 + c);
                }
                if (by_region) {
                    double net = clio_result_value(br, g, a, 7 + C + c);
                    tally_close(&regional, net,
                                clio_result_value(br, g, a, 7 + c) -
                                    clio_result_value(br, c, a, 7 + g),
                                1e-15, scale, "net:%zu of region %zu", c, g);
                }
            }
            tally_close(&regional, dom, want_dom, 1e-15, scale, "domestic of %zu/%zu", g, a);
            tally_close(&regional, imp, want_imp, 1e-13, scale, "imported of %zu/%zu", g, a);
            tally_close(&regional, exp, want_exp, 1e-13, scale, "exported of %zu/%zu", g, a);
            tally_close(&regional, fdd, want_fdd, 1e-15, scale, "SY of %zu/%zu", g, a);
            tally_close(&regional, prod, own + fdd, 1e-15, scale, "production of %zu/%zu", g, a);
            tally_close(&regional, cons, dom + imp + fdd, 1e-15, scale, "consumption %zu/%zu",
                        g, a);
            tally_close(&regional, val(br, g, a, "balance"), cons - prod, 1e-15, scale,
                        "balance of %zu/%zu", g, a);
            if (balanced)
                tally_close(&regional, prod, dom + exp + fdd, 1e-11, scale,
                            "production = domestic + exported + SY (%zu/%zu)", g, a);
            cons_total += cons;
            regprod_total += prod;
        }
        if (balanced && by_region) {
            tally_close(&total, cons_total, regprod_total, 1e-11, scale,
                        "sum consumption = sum production, account %zu", a);
            tally_close(&total, cons_total, prod_total + sy_total, 1e-11, scale,
                        "sum consumption = sum sector production + sum SY, account %zu", a);
        }
    }
    char line[200];
    snprintf(line, sizeof line, "%s: for:c = d_i (L y_c)_i and production = d_i x_i, explicit "
                                "inverse", what);
    tally_report(&dense, line);
    if (balanced) {
        snprintf(line, sizeof line, "%s: sum over consumers of for:c = production, per sector",
                 what);
        tally_report(&sum_for, line);
    }
    snprintf(line, sizeof line,
             "%s: by region: domestic, imported (= others' exports to it), exported, SY, net, "
             "balance",
             what);
    tally_report(&regional, line);
    if (balanced && by_region) {
        snprintf(line, sizeof line, "%s: sum of consumption = sum of production (with SY)", what);
        tally_report(&total, line);
    }
    free(X);
    free(L);
}

static void test_leather_footprints(void)
{
    clio_table *t = load_leather();
    if (!t)
        return;
    clio_leontief *f;
    clio_result *bs, *br;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    int status = clio_footprints(t, f, &bs, &br, &err);
    if (!tap_ok(status == CLIO_OK, "footprints of the leather MRIO (%s)", err.message))
        goto done;
    tap_ok(strcmp(br->fields[7], "for:ARG") == 0 && strcmp(br->fields[10], "net:ARG") == 0 &&
               strcmp(bs->fields[1], "for:ARG") == 0 && strcmp(br->row_sector[0], "ALL") == 0 &&
               br->row_region[2] == 2 && br->description && bs->description,
           "field and row names: for:ARG, net:ARG, rows ALL per region");
    /* Value added (V = x - 1'Z) embodied in a region's final demand is its
     * final demand: 108.5, 144.6, 208.4; output produced = x summed. */
    static const double fd[3] = {108.5, 144.6, 208.4}, out[3] = {155.0, 280.5, 501.1};
    static const double sy[3] = {7.5, 11.2, 19.8};
    tally known = {0};
    for (size_t g = 0; g < 3; g++) {
        tally_close(&known, val(br, g, 1, "consumption"), fd[g], 1e-13, 0, "va of %zu", g);
        tally_close(&known, val(br, g, 0, "production"), out[g], 1e-13, 0, "x of %zu", g);
        tally_close(&known, val(br, g, 3, "final_demand_direct"), sy[g], 0, 0, "SY of %zu", g);
        tally_close(&known, val(br, g, 2, "final_demand_direct"), 0, 0, 1, "jobs SY %zu", g);
        tally_close(&known, val(br, g, 1, "final_demand_direct"), 0, 0, 1, "V SY %zu", g);
    }
    tally_report(&known, "leather: value added embodied in final demand = final demand; "
                         "production of output = x; SY of co2 only");
    check_footprints(t, bs, br, 1, "leather");
    clio_result_free(bs);
    clio_result_free(br);
    status = clio_footprints(t, f, NULL, &br, &err);
    tap_ok(status == CLIO_OK && br && br->nrows == 3, "by_sector may be NULL");
    clio_result_free(br);
    status = clio_footprints(t, f, &bs, NULL, &err);
    tap_ok(status == CLIO_OK && bs && bs->nrows == 9, "by_region may be NULL");
    clio_result_free(bs);
    tap_ok(clio_footprints(t, f, NULL, NULL, &err) == CLIO_OK, "both NULL: nothing to do");
done:
    clio_leontief_free(f);
    clio_table_free(t);
}

static void test_random_footprints(void)
{
    static const size_t shapes[][3] = {{3, 5, 0}, {4, 3, 1}, {2, 7, 0}};
    for (size_t s = 0; s < 3; s++) {
        clio_table *t = random_mrio(shapes[s][0], shapes[s][1], (int)shapes[s][2], 99 + s);
        clio_leontief *f = NULL;
        clio_result *bs = NULL, *br = NULL;
        clio_error err = {0};
        char what[96];
        snprintf(what, sizeof what, "random %zu regions x %zu sectors%s", shapes[s][0],
                 shapes[s][1], shapes[s][2] ? " + rest-of-world column" : "");
        int status = clio_leontief_factor(t, 0, &f, &err);
        if (status == CLIO_OK)
            status = clio_footprints(t, f, &bs, &br, &err);
        if (tap_ok(status == CLIO_OK, "%s: footprints (%s)", what, err.message))
            check_footprints(t, bs, br, 1, what);
        if (shapes[s][2] && status == CLIO_OK) {
            /* Demand of no region is nobody's consumption: the regions'
             * footprints plus the rest of the world's = all production. */
            size_t na = br->naccounts, C = br->nfields - 7, R = t->nregions;
            tally rw = {0};
            for (size_t a = 0; a < na; a++) {
                double cons = 0, prod = 0, row = 0;
                for (size_t g = 0; g < R; g++) {
                    cons += val(br, g, a, "consumption");
                    prod += val(br, g, a, "production");
                    row += clio_result_value(br, g, a, 7 + C - 1);
                }
                tally_close(&rw, cons + row, prod, 1e-11, 1, "account %zu", a);
            }
            tally_report(&rw, "rest of world: regions' consumption + for:rest_of_world = "
                              "production (its SY belongs to no region)");
        }
        clio_result_free(bs);
        clio_result_free(br);
        clio_leontief_free(f);
        clio_table_free(t);
    }
    /* Unbalanced x (x != Z 1 + Y 1): the per-sector and regional identities
     * that do not need balance still hold. */
    clio_table *t = random_mrio(3, 4, 0, 7);
    for (size_t i = 0; i < t->n; i++)
        t->x[i] *= 1.1;
    clio_leontief *f;
    clio_result *bs, *br;
    clio_error err = {0};
    clio_leontief_factor(t, 0, &f, &err);
    if (tap_ok(clio_footprints(t, f, &bs, &br, &err) == CLIO_OK, "unbalanced random MRIO")) {
        check_footprints(t, bs, br, 0, "unbalanced random");
        clio_result_free(bs);
        clio_result_free(br);
    }
    clio_leontief_free(f);
    clio_table_free(t);
}

static void test_one_region_footprints(void)
{
    clio_table *t;
    clio_error err = {0};
    clio_leontief *f;
    clio_result *bs, *br;
    clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err);
    clio_leontief_factor(t, 0, &f, &err);
    int status = clio_footprints(t, f, &bs, &br, &err);
    if (tap_ok(status == CLIO_OK && br->nrows == 1 && bs->nfields == 1 + t->nfd &&
                   strcmp(bs->fields[1], "for:household_consumption") == 0,
               "one region: each final-demand column is a consumer (for:household_consumption)")) {
        /* Germany 1995 balances (rows), so consumption = production. */
        check_footprints(t, bs, br, 1, "Germany 1995");
        tally same = {0};
        for (size_t a = 0; a < br->naccounts; a++) {
            tally_close(&same, val(br, 0, a, "consumption"), val(br, 0, a, "production"), 1e-11,
                        0, "account %zu", a);
            tally_close(&same, val(br, 0, a, "imported") + val(br, 0, a, "exported"), 0, 0, 1,
                        "no trade, account %zu", a);
        }
        tally_report(&same, "one region: consumption = production, nothing imported or "
                            "exported");
        clio_result_free(bs);
        clio_result_free(br);
    }
    clio_leontief_free(f);
    clio_table_free(t);
}

static void test_size_mismatch(void)
{
    clio_table *a = random_mrio(2, 3, 0, 1), *b = random_mrio(2, 4, 0, 2);
    clio_leontief *f;
    clio_result *r = NULL, *q = NULL;
    clio_error err = {0};
    clio_leontief_factor(a, 0, &f, &err);
    int status = clio_spillovers(b, f, &r, &err);
    tap_status(status, CLIO_EDIM, err.message, "6 sectors", "spillovers: factor of another "
                                                            "table -> CLIO_EDIM");
    status = clio_footprints(b, f, &r, &q, &err);
    tap_status(status, CLIO_EDIM, err.message, "6 sectors", "footprints: factor of another "
                                                            "table -> CLIO_EDIM");
    tap_ok(r == NULL && q == NULL, "outputs are NULL after a failure");
    clio_leontief_free(f);
    clio_table_free(a);
    clio_table_free(b);
}

/* ---- SY in the table formats ---------------------------------------- */

static int same_values(const double *a, const double *b, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (memcmp(&a[k], &b[k], sizeof a[k]) != 0)
            return 0;
    return 1;
}

static int file_exists(const char *path)
{
    FILE *fp = fopen(path, "r");
    if (fp)
        fclose(fp);
    return fp != NULL;
}

static void test_sy_read(void)
{
    clio_table *t = load_leather();
    if (!t)
        return;
    tap_ok(t->SY[1 + 0 * 2] == 7.5 && t->SY[1 + 1 * 2] == 11.2 && t->SY[1 + 2 * 2] == 19.8 &&
               t->SY[0] == 0 && t->SY[2] == 0 && t->SY[4] == 0,
           "leather satellites_Y.csv: co2 7.5, 11.2, 19.8; employment 0");
    clio_report rep = {0};
    tap_ok(clio_table_check(t, 1e-9, &rep) == CLIO_OK && rep.nwarnings == 0,
           "leather balances (rows and columns)");
    clio_report_free(&rep);
    t->SY[1 + 1 * 2] = NAN;
    int status = clio_table_check(t, 1e-6, &rep);
    int named = 0;
    for (size_t k = 0; k < rep.count; k++)
        named |= strstr(rep.items[k].message, "SY[co2, TUR|final_demand]") != NULL;
    tap_ok(status == CLIO_EVALUE && named, "check: NaN in SY is an error naming satellite and "
                                           "final-demand column");
    clio_report_free(&rep);
    clio_table_free(t);
}

static void test_sy_round_trip(void)
{
    clio_table *t = load_leather(), *u = NULL, *v = NULL;
    if (!t)
        return;
    tap_scratch_begin("mrio");
    char dir[256], nc[256], sy[300];
    clio_error err = {0};
    snprintf(dir, sizeof dir, "%s/folder", tap_dir);
    snprintf(nc, sizeof nc, "%s/leather.nc", tap_dir);
    snprintf(sy, sizeof sy, "%s/satellites_Y.csv", dir);
    /* a value that needs all 17 digits */
    t->SY[0 + 2 * 2] = 0.1 + 0.2;
    int status = clio_table_write_matrixset(t, dir, &err);
    if (status == CLIO_OK)
        status = clio_table_read_matrixset(dir, NULL, NULL, &u, &err);
    tap_ok(status == CLIO_OK && file_exists(sy) && same_values(t->SY, u->SY, 6),
           "matrix-set folder: SY written to satellites_Y.csv and read back exactly (%s)",
           err.message);
    status = clio_table_write_netcdf(t, nc, &err);
    if (status == CLIO_OK)
        status = clio_table_read_netcdf(nc, &v, &err);
    tap_ok(status == CLIO_OK && same_values(t->SY, v->SY, 6),
           "NetCDF: SY as satellite_final_demand, read back exactly (%s)", err.message);
    int ncid, varid, dims[2];
    char d0[NC_MAX_NAME + 1] = "", d1[NC_MAX_NAME + 1] = "";
    if (nc_open(nc, NC_NOWRITE, &ncid) == NC_NOERR) {
        if (nc_inq_varid(ncid, "satellite_final_demand", &varid) == NC_NOERR &&
            nc_inq_vardimid(ncid, varid, dims) == NC_NOERR) {
            nc_inq_dimname(ncid, dims[0], d0);
            nc_inq_dimname(ncid, dims[1], d1);
        }
        nc_close(ncid);
    }
    tap_ok(strcmp(d0, "final_demand") == 0 && strcmp(d1, "account") == 0,
           "satellite_final_demand has dimensions (final_demand, account)");
    clio_table_free(u);
    clio_table_free(v);
    u = v = NULL;

    /* SY all zero: no satellites_Y.csv (a stale one is removed), no
     * NetCDF variable, and both read back as zeros. */
    memset(t->SY, 0, 6 * sizeof *t->SY);
    status = clio_table_write_matrixset(t, dir, &err);
    tap_ok(status == CLIO_OK && !file_exists(sy), "zero SY: the stale satellites_Y.csv is "
                                                  "removed");
    status = clio_table_write_netcdf(t, nc, &err);
    int absent = 0;
    if (nc_open(nc, NC_NOWRITE, &ncid) == NC_NOERR) {
        absent = nc_inq_varid(ncid, "satellite_final_demand", &varid) == NC_ENOTVAR;
        nc_close(ncid);
    }
    if (status == CLIO_OK)
        status = clio_table_read_netcdf(nc, &v, &err);
    static const double zeros[6] = {0};
    tap_ok(status == CLIO_OK && absent && same_values(v->SY, zeros, 6),
           "zero SY: no satellite_final_demand variable; a file without it reads as zeros");
    clio_table_free(v);
    v = NULL;

    /* A satellite_final_demand on the wrong dimensions is refused. */
    if (nc_open(nc, NC_WRITE, &ncid) == NC_NOERR) {
        nc_redef(ncid);
        nc_inq_dimid(ncid, "sector", &dims[0]);
        nc_inq_dimid(ncid, "account", &dims[1]);
        nc_def_var(ncid, "satellite_final_demand", NC_DOUBLE, 2, dims, &varid);
        nc_close(ncid);
    }
    status = clio_table_read_netcdf(nc, &v, &err);
    tap_status(status, CLIO_EFORMAT, err.message, "'satellite_final_demand' has dimensions",
               "NetCDF: satellite_final_demand on (sector, account) -> CLIO_EFORMAT");
    clio_table_free(v);
    clio_table_free(t);
    tap_scratch_end();
}

/* One bad satellites_Y.csv next to the leather files (symlinked). */
static void expect_sy_error(const char *text, int want, const char *needle, const char *what)
{
    static const char *files[] = {"Z.csv", "Y.csv", "V.csv", "satellites.csv"};
    char dir[256], path[512], target[512];
    snprintf(dir, sizeof dir, "%s/bad", tap_dir);
    mkdir(dir, 0755);
    char cwd[256];
    if (!getcwd(cwd, sizeof cwd))
        abort();
    for (size_t k = 0; k < 4; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[k]);
        snprintf(target, sizeof target, "%s/%s/%s", cwd, LEATHER, files[k]);
        unlink(path);
        if (symlink(target, path) != 0)
            abort();
    }
    snprintf(path, sizeof path, "%s/satellites_Y.csv", dir);
    tap_write_text(path, text);
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_matrixset(dir, NULL, NULL, &t, &err);
    tap_status(status, want, err.message, needle, what);
    clio_table_free(t);
}

static void test_sy_errors(void)
{
    tap_scratch_begin("mrio-sy");
    static const char head[] = "account,unit,ARG|final_demand,TUR|final_demand,DEU|final_demand\n";
    char text[1024];
    snprintf(text, sizeof text, "%semployment,,0,0,0\nco2,kt,1,2,3\nmethane,kt,1,2,3\n", head);
    expect_sy_error(text, CLIO_ELABEL, "satellites_Y.csv:4: satellite 'methane' is not in",
                    "SY: unknown satellite -> CLIO_ELABEL with file:line");
    snprintf(text, sizeof text, "%semployment,,0,0,0\n", head);
    expect_sy_error(text, CLIO_ELABEL, "satellite 'co2' of satellites.csv has no row",
                    "SY: missing satellite -> CLIO_ELABEL naming it");
    snprintf(text, sizeof text, "%sco2,kt,1,2,3\nemployment,,0,0,0\nco2,kt,1,2,3\n", head);
    expect_sy_error(text, CLIO_ELABEL, "satellites_Y.csv:4: satellite 'co2' appears twice",
                    "SY: duplicate satellite -> CLIO_ELABEL");
    expect_sy_error("account,ARG|final_demand,TUR|final_demand,FRA|final_demand\n"
                    "employment,0,0,0\nco2,1,2,3\n",
                    CLIO_ELABEL,
                    "satellites_Y.csv:1: column 'FRA|final_demand' is not a final-demand column",
                    "SY: unknown final-demand column -> CLIO_ELABEL with line");
    expect_sy_error("account,DEU|final_demand,ARG|final_demand\nemployment,0,0\nco2,1,2\n",
                    CLIO_ELABEL, "final-demand column 'TUR|final_demand' of Y.csv is missing",
                    "SY: missing final-demand column -> CLIO_ELABEL");
    expect_sy_error("account,DEU|final_demand,ARG|final_demand,DEU|final_demand,"
                    "TUR|final_demand\nemployment,0,0,0,0\nco2,1,2,3,4\n",
                    CLIO_ELABEL, "'DEU|final_demand' appears twice",
                    "SY: duplicate final-demand column -> CLIO_ELABEL");
    snprintf(text, sizeof text, "%semployment,,0,0,0\nco2,t,1,2,3\n", head);
    expect_sy_error(text, CLIO_ELABEL, "satellites_Y.csv:3: satellite 'co2' has unit 't' here "
                                       "but 'kt'",
                    "SY: unit differs from satellites.csv -> CLIO_ELABEL");
    snprintf(text, sizeof text, "%semployment,,0,0,0\nco2,kt,1,two,3\n", head);
    expect_sy_error(text, CLIO_EFORMAT, "satellites_Y.csv:3: column 'TUR|final_demand': 'two' "
                                        "is not a number",
                    "SY: not a number -> CLIO_EFORMAT with line and column");
    snprintf(text, sizeof text, "%semployment,,0,0,0\nco2,kt,1,2\n", head);
    expect_sy_error(text, CLIO_EFORMAT, "satellites_Y.csv:3: 4 fields, but the header has 5",
                    "SY: short row -> CLIO_EFORMAT");
    expect_sy_error("", CLIO_EFORMAT, "the file is empty", "SY: empty file -> CLIO_EFORMAT");
    /* Columns in any order, unit column optional. */
    expect_sy_error("account,DEU|final_demand,ARG|final_demand,TUR|final_demand\n"
                    "co2,3,1,2\nemployment,0,0,0\n",
                    CLIO_OK, NULL, "SY: columns and rows in any order, no unit column: ok");

    /* SY without satellites.csv. */
    char dir[256], path[512];
    snprintf(dir, sizeof dir, "%s/nosat", tap_dir);
    mkdir(dir, 0755);
    snprintf(path, sizeof path, "%s/Z.csv", dir);
    tap_write_text(path, "sector,a,b\na,10,20\nb,30,5\n");
    snprintf(path, sizeof path, "%s/Y.csv", dir);
    tap_write_text(path, "sector,hh\na,70\nb,65\n");
    snprintf(path, sizeof path, "%s/satellites_Y.csv", dir);
    tap_write_text(path, "account,hh\nco2,4\n");
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_matrixset(dir, NULL, NULL, &t, &err);
    tap_status(status, CLIO_ELABEL, err.message, "it has no satellites.csv",
               "SY without satellites.csv -> CLIO_ELABEL");
    clio_matrixset_files files = {.satellites_y = "missing_SY.csv"};
    status = clio_table_read_matrixset(dir, &files, NULL, &t, &err);
    tap_status(status, CLIO_EIO, err.message, "missing_SY.csv",
               "an explicitly named satellites_y file must exist (CLIO_EIO)");
    tap_scratch_end();
}

/* pymrio's test MRIO read through clio_matrixset_files: F_emissions.csv
 * (header "stressor|compartment", names with '|') as satellites,
 * F_factor_inputs.csv as V, F_Y_emissions.csv as SY. */
static void test_pymrio(void)
{
    clio_matrixset_files files = {.V = "F_factor_inputs.csv",
                                  .satellites = "F_emissions.csv",
                                  .satellites_y = "F_Y_emissions.csv"};
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_matrixset(PYMRIO, &files, NULL, &t, &err);
    if (status == CLIO_EIO && access(PYMRIO, R_OK) != 0) {
        tap_skip(4, "pymrio test MRIO not found in ../shared/data");
        return;
    }
    if (!tap_ok(status == CLIO_OK && t->n == 48 && t->nregions == 6 && t->nfd == 42 &&
                    t->nva == 1 && t->nsat == 2,
                "pymrio test MRIO loads: 48 sectors, 6 regions, 42 final-demand columns (%s)",
                err.message)) {
        clio_table_free(t);
        return;
    }
    tap_ok(strcmp(t->sat_names[0], "emission_type1|air") == 0 &&
               strcmp(t->sat_names[1], "emission_type2|water") == 0 &&
               strcmp(t->va_names[0], "Value Added") == 0 && t->SY[0] == 62335321 &&
               t->SY[1] == 59206405 && t->SY[0 + 7 * 2] == 38566929,
           "pymrio: satellite names keep their '|', SY of reg1/reg2 households as in the file");
    clio_leontief *f;
    clio_result *bs, *br;
    clio_leontief_factor(t, 0, &f, &err);
    status = clio_footprints(t, f, &bs, &br, &err);
    if (tap_ok(status == CLIO_OK, "pymrio: footprints (%s)", err.message)) {
        check_footprints(t, bs, br, 1, "pymrio");
        clio_result_free(bs);
        clio_result_free(br);
    }
    clio_leontief_free(f);
    clio_table_free(t);
}

int main(void)
{
    test_leather_spillovers();
    test_random_spillovers();
    test_one_region_spillovers();
    test_leather_footprints();
    test_random_footprints();
    test_one_region_footprints();
    test_size_mismatch();
    test_sy_read();
    test_sy_round_trip();
    test_sy_errors();
    test_pymrio();
    return tap_done();
}
