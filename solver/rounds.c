/* rounds.c -- round-by-round effects of a final-demand change (the power
 * series L df = df + A df + A^2 df + ... term by term): round 0 is the
 * demand itself, round k the output A^k df that round k-1's purchases call
 * for, and "rest" the total L df minus the rounds shown, so the fields add
 * up to the total exactly (docs/methods-solvers.md, "Round-by-round
 * effects").
 *
 * The rounds need A: A v = Z (v ./ x) from the table's dense Z or sparse
 * Zs (a CSC loop), or, when the factor consumed Z, the iterative factor's
 * own A.  The total comes from one solve with the factor (any method). */
#include "factor.h"

#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* y := A v from the sparse Z: y = Zs (v ./ x). */
static void sparse_apply(const clio_table *t, const double *v, double *y)
{
    const clio_sparse *s = t->Zs;
    memset(y, 0, t->n * sizeof *y);
    for (size_t j = 0; j < t->n; j++) {
        if (t->x[j] == 0 || v[j] == 0)
            continue;
        double vj = v[j] / t->x[j];
        for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++)
            y[s->rowind[p]] += s->values[p] * vj;
    }
}

/* y := A v from whatever holds A; work is n values. */
static void apply_a(const clio_table *t, const clio_leontief *f, const double *v, double *y,
                    double *work)
{
    size_t n = t->n;
    if (t->Z) {
        for (size_t j = 0; j < n; j++)
            work[j] = t->x[j] != 0 ? v[j] / t->x[j] : 0.0;
        cblas_dgemv(CblasColMajor, CblasNoTrans, (int)n, (int)n, 1.0, t->Z, (int)n, work, 1,
                    0.0, y, 1);
    } else if (t->Zs) {
        sparse_apply(t, v, y);
    } else {
        clioi_apply_a(f, 0, 1, v, y, work); /* the factor's own A (Z consumed) */
    }
}

/* Field names round_0 .. round_{K-1}, rest, total. */
static int set_round_fields(clio_result *r, size_t rounds)
{
    char **names = calloc(rounds + 2, sizeof *names);
    int status = names ? CLIO_OK : CLIO_ENOMEM;
    for (size_t k = 0; status == CLIO_OK && k < rounds + 2; k++) {
        char buf[32];
        if (k < rounds)
            snprintf(buf, sizeof buf, "round_%zu", k);
        else
            snprintf(buf, sizeof buf, "%s", k == rounds ? "rest" : "total");
        if (!(names[k] = clioi_strdup(buf)))
            status = CLIO_ENOMEM;
    }
    if (status == CLIO_OK)
        status = clioi_result_set_fields(r, (const char *const *)names);
    if (names)
        clioi_free_labels(names, rounds + 2);
    return status;
}

int clio_impact_rounds(const clio_table *t, const clio_leontief *f, const double *df,
                       size_t rounds, clio_result **out, clio_error *err)
{
    *out = NULL;
    size_t n = t->n, na = 1 + t->nva + t->nsat, nf = rounds + 2;
    if (rounds < 1 || rounds > CLIO_ROUNDS_MAX)
        return clioi_fail(err, CLIO_EINVAL,
                          "the number of rounds must be from 1 to %d, not %zu", CLIO_ROUNDS_MAX,
                          rounds);
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    if (!t->Z && !t->Zs && !f->a_owned && !f->as_owned)
        return clioi_fail(err, CLIO_EINVAL,
                          "round-by-round effects need the coefficients A: the table's Z was "
                          "consumed by an LU factorisation (factor without "
                          "CLIO_FACTOR_CONSUME_Z)");
    int nonnegative;
    int status = clioi_demand_check(t, df, &nonnegative, err);
    if (status != CLIO_OK)
        return status;
    clio_result *r = clioi_result_alloc(t, "impact_rounds", na, nf);
    double *dx = clioi_calloc_array(4 * (n ? n : 1), sizeof *dx);
    double *term = dx + n, *next = term + n, *work = next + n;
    if (!r || !dx || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        set_round_fields(r, rounds) != CLIO_OK ||
        !(r->description = clioi_strdup(
              "Round-by-round effects of the demand change: round_0 is the demand itself, "
              "round_k the output A^k df that the purchases of round k-1 call for, rest = "
              "total - the rounds shown, total = L df"))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    r->additive = 1;
    memcpy(dx, df, n * sizeof *dx);
    if ((status = clio_leontief_solve(f, 0, 1, dx, n ? n : 1, err)) != CLIO_OK ||
        (status = clioi_response_check(t, df, dx, nonnegative, err)) != CLIO_OK)
        goto done;
    memcpy(term, df, n * sizeof *term);
    for (size_t k = 0; k < rounds; k++) {
        for (size_t i = 0; i < n; i++)
            for (size_t a = 0; a < na; a++)
                r->values[k + nf * (a + na * i)] = clioi_account_coefficient(t, a, i) * term[i];
        if (k + 1 < rounds) {
            apply_a(t, f, term, next, work);
            double *swap = term;
            term = next;
            next = swap;
        }
    }
    for (size_t i = 0; i < n; i++)
        for (size_t a = 0; a < na; a++) {
            double *v = &r->values[nf * (a + na * i)], shown = 0;
            for (size_t k = 0; k < rounds; k++)
                shown += v[k];
            v[rounds + 1] = clioi_account_coefficient(t, a, i) * dx[i];
            v[rounds] = v[rounds + 1] - shown;
        }
done:
    free(dx);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
