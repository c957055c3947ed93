/* test_rounds.c -- round-by-round effects (clio_impact_rounds): the
 * rounds plus the rest equal the total; the rounds equal A^k df formed
 * explicitly from A = Z xhat^-1; round_0 and the total are clio_impact's
 * direct and total; the first rounds' share grows monotonically towards 1
 * for a non-negative table; the same numbers from a sparse Z and from an
 * iterative factor that consumed Z; every refusal. */
#include "clio.h"
#include "solver_test.h"
#include "tap.h"

#include <stdlib.h>

static clio_leontief *factor(clio_table *t, int method, unsigned flags)
{
    clio_leontief_options o = {.method = method, .rhs = 2};
    clio_leontief *f = NULL;
    clio_error err = {0};
    clio_leontief_factor_opts(t, flags, &o, &f, &err);
    return f;
}

static double *demand(const clio_table *t)
{
    double *df = malloc(t->n * sizeof *df);
    for (size_t i = 0; i < t->n; i++)
        df[i] = 10.0 + 3.0 * (double)i;
    return df;
}

/* Largest |a - b| / max(|b|, 1e-9 of b's largest) over two results'
 * values (the "rest" is a difference, small against the total). */
static double difference(const clio_result *a, const clio_result *b)
{
    size_t count = a->nrows * a->naccounts * a->nfields;
    if (count != b->nrows * b->naccounts * b->nfields)
        return INFINITY;
    double worst = 0, big = 0;
    for (size_t k = 0; k < count; k++)
        big = fmax(big, fabs(b->values[k]));
    for (size_t k = 0; k < count; k++)
        worst = fmax(worst, fabs(a->values[k] - b->values[k]) /
                                fmax(fabs(b->values[k]), 1e-9 * big));
    return worst;
}

static void test_germany(void)
{
    enum { K = 5 };
    clio_table *t = load_germany();
    clio_leontief *f = factor(t, CLIO_METHOD_LU, 0);
    double *df = demand(t);
    clio_result *r = NULL, *imp = NULL;
    clio_error err = {0};
    int s = clio_impact_rounds(t, f, df, K, &r, &err);
    s = s ? s : clio_impact(t, f, df, &imp, &err);
    if (!tap_ok(s == CLIO_OK && r->nfields == K + 2 && r->additive,
                "Germany: %d rounds, rest and total (%s)", K, err.message))
        goto done;
    tap_ok(!strcmp(r->fields[0], "round_0") && !strcmp(r->fields[K - 1], "round_4") &&
               !strcmp(r->fields[K], "rest") && !strcmp(r->fields[K + 1], "total"),
           "fields round_0 .. round_4, rest, total");
    size_t n = t->n, na = r->naccounts;
    /* The rounds plus the rest are the total. */
    double worst = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < na; a++) {
            double sum = 0, total = clio_result_value(r, i, a, K + 1);
            for (size_t k = 0; k <= K; k++)
                sum += clio_result_value(r, i, a, k);
            worst = fmax(worst, fabs(sum - total) / fabs(total));
        }
    tap_ok(worst <= 1e-12, "rounds + rest = total to 1e-12 (%.2g)", worst);
    /* round_0 and the total are clio_impact's direct and total. */
    double dd = 0, dt = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < na; a++) {
            double d0 = clio_result_value(imp, i, a, 0), t0 = clio_result_value(imp, i, a, 2);
            dd = fmax(dd, fabs(clio_result_value(r, i, a, 0) - d0) / fmax(fabs(d0), 1e-300));
            dt = fmax(dt, fabs(clio_result_value(r, i, a, K + 1) - t0) / fabs(t0));
        }
    tap_ok(dd == 0 && dt <= 1e-14, "round_0 = impact's direct, total = impact's total (%.2g)",
           dt);
    /* Round k = A^k df, with A from clio_coefficients, for output and the
     * first value-added row (coefficient V_0j / x_j). */
    double *A = malloc(n * n * sizeof *A), *v = malloc(n * sizeof *v), *w = malloc(n * sizeof *w);
    clio_coefficients(t, A, n, &err);
    memcpy(v, df, n * sizeof *v);
    worst = 0;
    for (size_t k = 0; k < K; k++) {
        for (size_t i = 0; i < n; i++) {
            double va = t->V[0 + t->nva * i] / t->x[i] * v[i];
            worst = fmax(worst, fabs(clio_result_value(r, i, 0, k) - v[i]) / fabs(v[i]));
            worst = fmax(worst, fabs(clio_result_value(r, i, 1, k) - va) / fabs(va));
        }
        for (size_t i = 0; i < n; i++) {
            w[i] = 0;
            for (size_t j = 0; j < n; j++)
                w[i] += A[i + j * n] * v[j];
        }
        memcpy(v, w, n * sizeof *v);
    }
    tap_ok(worst <= 1e-13, "Germany: round k = A^k df (output and %s) to 1e-13 (%.2g)",
           r->accounts[1], worst);
    free(A);
    free(v);
    free(w);
    /* A non-negative table: each round's output is at most ||A||_1 < 1 times
     * the previous one's, so the share of the first j rounds grows with j
     * and stays below 1; the rest is what is left. */
    double total = 0, cum = 0, prev_round = INFINITY, prev_share = 0;
    int monotone = 1, shrinking = 1;
    for (size_t i = 0; i < n; i++)
        total += clio_result_value(r, i, 0, K + 1);
    for (size_t k = 0; k < K; k++) {
        double round = 0;
        for (size_t i = 0; i < n; i++)
            round += clio_result_value(r, i, 0, k);
        cum += round;
        monotone &= cum / total > prev_share && cum / total < 1;
        shrinking &= round < prev_round;
        prev_share = cum / total;
        prev_round = round;
    }
    tap_ok(monotone && shrinking,
           "Germany: the first rounds' share of output rises monotonically (%.4f after %d "
           "rounds), each round smaller than the last",
           prev_share, K);
    /* The same numbers from a sparse Z (a CSC loop). */
    clio_result *rs = NULL;
    if (clio_table_sparsify(t, &err) == CLIO_OK && clio_table_is_sparse(t)) {
        s = clio_impact_rounds(t, f, df, K, &rs, &err);
        double d = s == CLIO_OK ? difference(rs, r) : INFINITY;
        tap_ok(d <= 1e-13, "a sparse Z gives the same rounds (%.2g %s)", d, err.message);
    } else {
        tap_skip(1, "clio_table_sparsify not available");
    }
    clio_result_free(rs);
done:
    clio_result_free(r);
    clio_result_free(imp);
    clio_leontief_free(f);
    clio_table_free(t);
    free(df);
}

/* An iterative factor that consumed Z still has A: the same rounds. */
static void test_consumed(void)
{
    clio_table *t1 = load_germany(), *t2 = load_germany(), *t3 = load_germany();
    clio_leontief *lu = factor(t1, CLIO_METHOD_LU, 0);
    clio_leontief *se = factor(t2, CLIO_METHOD_SERIES, CLIO_FACTOR_CONSUME_Z);
    clio_leontief *luc = factor(t3, CLIO_METHOD_LU, CLIO_FACTOR_CONSUME_Z);
    double *df = demand(t1);
    clio_result *a = NULL, *b = NULL, *c = NULL;
    clio_error err = {0};
    int s1 = clio_impact_rounds(t1, lu, df, 8, &a, &err);
    int s2 = clio_impact_rounds(t2, se, df, 8, &b, &err);
    /* The rounds agree to rounding, the total to the series' tolerance; the
     * rest (total - rounds: 0.2% of it) carries the total's error. */
    double d = INFINITY;
    if (s1 == CLIO_OK && s2 == CLIO_OK) {
        d = 0;
        for (size_t k = 0; k < a->nrows * a->naccounts * a->nfields; k++) {
            size_t field = k % a->nfields, total = k - field + a->nfields - 1;
            double scale = field == 8 ? a->values[total] : a->values[k];
            d = fmax(d, fabs(a->values[k] - b->values[k]) / fabs(scale));
        }
    }
    tap_ok(t2->Z == NULL && d <= 1e-11,
           "the series' own A (Z consumed) gives LU's rounds, rest and total to 1e-11 (%.2g %s)",
           d, err.message);
    tap_status(clio_impact_rounds(t3, luc, df, 8, &c, &err), CLIO_EINVAL, err.message,
               "consumed by an LU factorisation", "LU that consumed Z: CLIO_EINVAL");
    tap_ok(c == NULL, "... and no result");
    /* A sparse table whose Zs a GMRES factor consumed: its own sparse A. */
    clio_table *t4 = load_germany();
    clio_result *e = NULL;
    clio_leontief *kc = NULL;
    if (clio_table_sparsify(t4, &err) == CLIO_OK)
        kc = factor(t4, CLIO_METHOD_KRYLOV, CLIO_FACTOR_CONSUME_Z);
    int s4 = kc ? clio_impact_rounds(t4, kc, df, 8, &e, &err) : CLIO_EINVAL;
    double d4 = s4 == CLIO_OK && s1 == CLIO_OK ? 0 : INFINITY;
    for (size_t k = 0; d4 == 0 && k < a->nrows * a->naccounts; k++)
        d4 = fmax(d4, fabs(a->values[k * a->nfields] - e->values[k * e->nfields]) /
                          fmax(fabs(a->values[k * a->nfields]), 1e-300));
    tap_ok(t4->Zs == NULL && d4 <= 1e-13,
           "GMRES that consumed a sparse Z: its own A gives LU's round 0 (%.2g %s)", d4,
           err.message);
    clio_result_free(e);
    clio_leontief_free(kc);
    clio_table_free(t4);
    clio_result_free(a);
    clio_result_free(b);
    clio_leontief_free(lu);
    clio_leontief_free(se);
    clio_leontief_free(luc);
    clio_table_free(t1);
    clio_table_free(t2);
    clio_table_free(t3);
    free(df);
}

static void test_refusals(void)
{
    clio_table *t = load_germany();
    clio_leontief *f = factor(t, CLIO_METHOD_LU, 0);
    double *df = demand(t);
    clio_result *r = NULL;
    clio_error err = {0};
    tap_status(clio_impact_rounds(t, f, df, 0, &r, &err), CLIO_EINVAL, err.message,
               "from 1 to 100, not 0", "0 rounds: CLIO_EINVAL");
    tap_status(clio_impact_rounds(t, f, df, CLIO_ROUNDS_MAX + 1, &r, &err), CLIO_EINVAL,
               err.message, "from 1 to 100, not 101", "101 rounds: CLIO_EINVAL");
    tap_ok(r == NULL, "no result on refusal");
    int s = clio_impact_rounds(t, f, df, CLIO_ROUNDS_MAX, &r, &err);
    double rest = s == CLIO_OK ? clio_result_value(r, 0, 0, CLIO_ROUNDS_MAX) : NAN;
    tap_ok(fabs(rest) <= 1e-12 * clio_result_value(r, 0, 0, CLIO_ROUNDS_MAX + 1),
           "100 rounds: the rest is rounding (%.2g)", rest);
    clio_result_free(r);
    r = NULL;
    df[2] = NAN;
    tap_status(clio_impact_rounds(t, f, df, 3, &r, &err), CLIO_EVALUE, err.message,
               "construction", "a non-finite demand change: CLIO_EVALUE naming the sector");
    clio_table *small = clio_table_alloc(1, 2, 1, 0, 0);
    tap_status(clio_impact_rounds(small, f, df, 3, &r, &err), CLIO_EDIM, err.message,
               "the factor has 6 sectors, the table 2", "a factor of another size: CLIO_EDIM");
    clio_table_free(small);
    clio_leontief_free(f);
    clio_table_free(t);
    free(df);
}

int main(void)
{
    test_germany();
    test_consumed();
    test_refusals();
    return tap_done();
}
