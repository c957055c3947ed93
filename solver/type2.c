/* type2.c -- Type II multipliers and impacts of the model closed for
 * households, through the Schur complement of the open factor.  The closed
 * matrix [[I - A, -HC], [-HR, I_k]] is never built: with L = (I - A)^-1 and
 * S = I_k - HR L HC (k x k), its inverse's top-left block is
 * L + L HC S^-1 HR L.  So Type II needs Type I's transposed solves plus k
 * more (W = L' HR') for multipliers, or k more plain solves (U = L HC) for
 * impacts, and O(n k) work per account; S (k x k) is inverted densely. */
#include "factor.h"
#include "households.h"

#include <math.h>
#include <stdlib.h>

/* The 1-norm (largest absolute column sum) of a k x k matrix. */
static double matrix_norm1(const double *M, size_t k)
{
    double norm = 0;
    for (size_t c = 0; c < k; c++) {
        double sum = 0;
        for (size_t r = 0; r < k; r++)
            sum += fabs(M[r + c * k]);
        norm = fmax(norm, sum);
    }
    return norm;
}

/* Sinv = S^-1 with S = I - P' Q (P, Q n x k, ld n), and the check that the
 * closed model is productive: S must be non-singular with S^-1 >= 0 (then
 * S^-1 1 > 0).  When HR and HC are >= 0, S is a Z-matrix and this is
 * exactly the condition for the closed coefficient matrix to have a
 * non-negative Leontief inverse (Schur complements of M-matrices). */
int clioi_households_schur_inverse(const clio_households *h, const double *P,
                                   const double *Q, double *Sinv, clio_error *err)
{
    size_t n = h->n, k = h->k;
    double *S = malloc(k * k * sizeof *S);
    lapack_int *ipiv = malloc(k * sizeof *ipiv);
    if (!S || !ipiv) {
        free(S);
        free(ipiv);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    for (size_t c = 0; c < k; c++) {
        for (size_t r = 0; r < k; r++) {
            double dot = 0;
            for (size_t j = 0; j < n; j++)
                dot += P[j + r * n] * Q[j + c * n];
            S[r + c * k] = (r == c) - dot;
            Sinv[r + c * k] = r == c;
        }
    }
    double snorm = matrix_norm1(S, k);
    lapack_int kk = (lapack_int)k;
    lapack_int info = LAPACKE_dgesv_work(LAPACK_COL_MAJOR, kk, kk, S, kk, ipiv, Sinv, kk);
    int status = CLIO_OK;
    /* A nearly singular S means households spend on the table's sectors
     * (almost) all the income they earn there: nothing leaks, and the
     * induced effects are rounding noise of size 1 / rcond. */
    double rcond = info == 0 ? 1.0 / (snorm * matrix_norm1(Sinv, k)) : 0.0;
    if (info == 0 && !(rcond >= CLIO_RCOND_WARN))
        status = clioi_fail(err, CLIO_ESINGULAR,
                            "the model closed for households is singular (reciprocal condition "
                            "number of I - HR L HC %.3g): households spend on the table's "
                            "sectors all the income they earn, so no Type II multiplier is "
                            "finite; close with a narrower income row (e.g. compensation of "
                            "employees) or consumption column",
                            rcond);
    if (info < 0) {
        status = clioi_fail(err, CLIO_EINVAL, "dgesv: argument %d invalid", (int)-info);
    } else if (info > 0) {
        size_t g = (size_t)info - 1;
        status = clioi_fail(err, CLIO_ESINGULAR,
                            "the model closed for households is singular: I - HR L HC has a "
                            "zero pivot at households '%s' (they spend exactly what their "
                            "spending earns them again)",
                            h->names[g]);
    }
    for (size_t g = 0; status == CLIO_OK && g < k; g++) {
        double row = 0, big = 0;
        for (size_t c = 0; c < k; c++) {
            row += Sinv[g + c * k];
            big = fmax(big, fabs(Sinv[g + c * k]));
        }
        int negative = !(row > 0) || !isfinite(row);
        for (size_t c = 0; c < k; c++)
            negative |= Sinv[g + c * k] < -1e-12 * big;
        if (negative) {
            double again = 0; /* (HR L HC)_gg */
            for (size_t j = 0; j < n; j++)
                again += P[j + g * n] * Q[j + g * n];
            status = clioi_fail(err, CLIO_ENONPRODUCTIVE,
                                "the model closed for households is not productive: a unit of "
                                "spending by households '%s' earns them %g units of income "
                                "again, so (I - HR L HC)^-1 is not >= 0 (households spend more "
                                "than the economy can pay back as income)",
                                h->names[g], again);
        }
    }
    free(S);
    free(ipiv);
    return status;
}

static int check_shapes(const clio_table *t, const clio_leontief *f, const clio_households *h,
                        clio_error *err)
{
    if (clio_leontief_size(f) != t->n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), t->n);
    if (h->n != t->n || h->income_row >= t->nva)
        return clioi_fail(err, CLIO_EDIM,
                          "the households were defined for a table of %zu sectors, not this "
                          "one (%zu)",
                          h->n, t->n);
    return CLIO_OK;
}

enum {
    M_COEFFICIENT, M_DIRECT, M_INDIRECT, M_INDUCED, M_TYPE1_EFFECT, M_TYPE2_EFFECT,
    M_TYPE1_MULTIPLIER, M_TYPE2_MULTIPLIER, M_NFIELDS
};
static const char *const multiplier_fields[M_NFIELDS] = {
    "coefficient",  "direct",           "indirect",        "induced",
    "type1_effect", "type2_effect",     "type1_multiplier", "type2_multiplier"};

int clio_multipliers_type2(const clio_table *t, const clio_leontief *f,
                           const clio_households *h, clio_result **out, clio_error *err)
{
    *out = NULL;
    int status = check_shapes(t, f, h, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n, na = 1 + t->nva + t->nsat, k = h->k;
    /* One transposed solve for every account and, unless the income account
     * itself is HR (one group earning everywhere), for the k rows of HR:
     * E = L' [C, HR'] = [Type I effects, W]. */
    size_t extra = h->whole ? 0 : k, ld = n ? n : 1;
    clio_result *r = clioi_result_alloc(t, "multipliers", na, M_NFIELDS);
    double *E = clioi_alloc_matrix(ld, na + extra);
    double *Sinv = malloc(k * k * sizeof *Sinv), *X = malloc(k * na * sizeof *X);
    double *q = malloc(k * sizeof *q);
    if (!r || !E || !Sinv || !X || !q || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_result_set_fields(r, multiplier_fields) != CLIO_OK ||
        !(r->description = clioi_strdup(
              "Type I and Type II (closed for households) multipliers: effect per unit of "
              "final demand = direct + indirect (+ induced by household income and spending); "
              "multiplier = effect / coefficient"))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t a = 0; a < na; a++)
        for (size_t j = 0; j < n; j++)
            E[j + a * ld] = clioi_account_coefficient(t, a, j);
    for (size_t g = 0; g < extra; g++)
        for (size_t j = 0; j < n; j++)
            E[j + (na + g) * ld] = h->HRt[j + g * n];
    if ((status = clio_leontief_solve(f, 1, na + extra, E, ld, err)) != CLIO_OK)
        goto done;
    const double *W = E + (h->whole ? 1 + h->income_row : na) * ld; /* L' HR', n x k */
    if ((status = clioi_households_schur_inverse(h, W, h->HC, Sinv, err)) != CLIO_OK)
        goto done;
    /* Row vectors: e2' = e' + (e' HC) S^-1 (HR L), so with q = HC' e,
     * X = S^-T q (k x na) and the Type II effects are E + W X. */
    for (size_t a = 0; a < na; a++) {
        for (size_t g = 0; g < k; g++) {
            double dot = 0;
            for (size_t j = 0; j < n; j++)
                dot += h->HC[j + g * n] * E[j + a * ld];
            q[g] = dot;
        }
        for (size_t g = 0; g < k; g++) {
            double s = 0;
            for (size_t c = 0; c < k; c++)
                s += Sinv[c + g * k] * q[c];
            X[g + a * k] = s;
        }
    }
    for (size_t j = 0; j < n; j++) {
        for (size_t a = 0; a < na; a++) {
            double d = clioi_account_coefficient(t, a, j), e1 = E[j + a * ld], e2 = e1;
            for (size_t g = 0; g < k; g++)
                e2 += W[j + g * ld] * X[g + a * k];
            double *v = &r->values[M_NFIELDS * (a + na * j)];
            v[M_COEFFICIENT] = d;
            v[M_DIRECT] = d;
            v[M_INDIRECT] = e1 - d;
            v[M_INDUCED] = e2 - e1;
            v[M_TYPE1_EFFECT] = e1;
            v[M_TYPE2_EFFECT] = e2;
            v[M_TYPE1_MULTIPLIER] = d != 0 ? e1 / d : NAN;
            v[M_TYPE2_MULTIPLIER] = d != 0 ? e2 / d : NAN;
        }
    }
done:
    free(E);
    free(Sinv);
    free(X);
    free(q);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}

enum { I_DIRECT, I_INDIRECT, I_INDUCED, I_TOTAL, I_NFIELDS };
static const char *const impact_fields[I_NFIELDS] = {"direct", "indirect", "induced", "total"};

int clio_impact_type2(const clio_table *t, const clio_leontief *f, const clio_households *h,
                      const double *df, clio_result **out, clio_error *err)
{
    *out = NULL;
    int status = check_shapes(t, f, h, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n, na = 1 + t->nva + t->nsat, k = h->k, ld = n ? n : 1;
    int nonnegative;
    if ((status = clioi_demand_check(t, df, &nonnegative, err)) != CLIO_OK)
        return status;
    clio_result *r = clioi_result_alloc(t, "impact", na, I_NFIELDS);
    /* B = L [df, HC] = [dx1, U] in one solve. */
    double *B = clioi_alloc_matrix(ld, 1 + k);
    double *Sinv = malloc(k * k * sizeof *Sinv), *hk = malloc(2 * k * sizeof *hk);
    if (!r || !B || !Sinv || !hk || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_result_set_fields(r, impact_fields) != CLIO_OK ||
        !(r->description = clioi_strdup(
              "Impact in the model closed for households: total = direct (the demand change) "
              "+ indirect (supply chain) + induced (household income and spending)"))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    r->additive = 1;
    for (size_t i = 0; i < n; i++)
        B[i] = df[i];
    for (size_t g = 0; g < k; g++)
        for (size_t i = 0; i < n; i++)
            B[i + (1 + g) * ld] = h->HC[i + g * n];
    if ((status = clio_leontief_solve(f, 0, 1 + k, B, ld, err)) != CLIO_OK)
        goto done;
    const double *dx1 = B, *U = B + ld;
    if ((status = clioi_response_check(t, df, dx1, nonnegative, err)) != CLIO_OK)
        goto done;
    if ((status = clioi_households_schur_inverse(h, h->HRt, U, Sinv, err)) != CLIO_OK)
        goto done;
    /* Household income change hk = S^-1 HR dx1; then dx2 = dx1 + U hk. */
    double *hr_dx = hk + k;
    for (size_t g = 0; g < k; g++) {
        double dot = 0;
        for (size_t j = 0; j < n; j++)
            dot += h->HRt[j + g * n] * dx1[j];
        hr_dx[g] = dot;
    }
    for (size_t g = 0; g < k; g++) {
        double s = 0;
        for (size_t c = 0; c < k; c++)
            s += Sinv[g + c * k] * hr_dx[c];
        hk[g] = s;
    }
    for (size_t i = 0; i < n; i++) {
        double dx2 = dx1[i];
        for (size_t g = 0; g < k; g++)
            dx2 += U[i + g * ld] * hk[g];
        for (size_t a = 0; a < na; a++) {
            double c = clioi_account_coefficient(t, a, i);
            double *v = &r->values[I_NFIELDS * (a + na * i)];
            v[I_DIRECT] = c * df[i];
            v[I_INDIRECT] = c * (dx1[i] - df[i]);
            v[I_INDUCED] = c * (dx2 - dx1[i]);
            v[I_TOTAL] = c * dx2;
        }
    }
done:
    free(B);
    free(Sinv);
    free(hk);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
