/* gras.c -- balancing a matrix to given row and column sums: RAS, and GRAS
 * for matrices with negative entries.
 *
 * GRAS (Junius & Oosterhaven 2003; Lenzen et al. 2007; Temurshoev, Miller &
 * Bouwmeester 2013) writes the answer as X = r^ P s^ - r^-1 N s^-1, with P
 * and N the positive part and the magnitude of the negative part of X0.  A
 * row step solves, for each row, r p(s) - n(s) / r = u for r > 0, where
 * p(s) = sum_j P_ij s_j and n(s) = sum_j N_ij / s_j; a column step does the
 * same for s.  Without negatives n = 0 and the step is RAS's r = u / p, so
 * one loop serves both.  X keeps X0 until the end: r and s are applied once.
 */
#include "clioi.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define DEFAULT_TOL 1e-10
#define DEFAULT_MAX_ITER 10000

/* One side of the problem: the rows (or the columns) with their targets. */
typedef struct side {
    const char *what;         /* "row" or "column" */
    size_t count;
    double *target;           /* targets less the fixed cells */
    double *factor;           /* r or s */
    double *pos, *neg;        /* p and n of the current step */
    const char *const *names; /* labels, or NULL */
} side;

static void describe(const side *sd, size_t k, char *buf, size_t len)
{
    if (sd->names && sd->names[k])
        snprintf(buf, len, "%s '%s'", sd->what, sd->names[k]);
    else
        snprintf(buf, len, "%s %zu", sd->what, k + 1);
}

static int is_free(const clio_balance_options *opt, size_t i, size_t j, size_t m)
{
    return !(opt->fixed && opt->fixed[i + j * m]);
}

/* scale -- the factor f > 0 with f p - n / f = u, or 0 for a row that must
 * vanish (u = 0, p > 0, n = 0).  Written to avoid cancellation for u < 0. */
static double scale(double p, double n, double u)
{
    if (n == 0)
        return p > 0 ? u / p : 1;
    if (p == 0)
        return -n / u;
    double root = sqrt(u * u + 4 * p * n);
    return u >= 0 ? (u + root) / (2 * p) : 2 * n / (root - u);
}

/* Copy the targets, take off the fixed cells, and reject NaN/Inf. */
static int targets_less_fixed(size_t m, size_t n, const double *X, size_t ldx,
                              const double *u, const double *v,
                              const clio_balance_options *opt, side *rows, side *cols,
                              clio_error *err)
{
    for (size_t i = 0; i < m; i++)
        rows->target[i] = u[i];
    for (size_t j = 0; j < n; j++)
        cols->target[j] = v[j];
    for (size_t k = 0; k < m + n; k++) {
        double t = k < m ? u[k] : v[k - m];
        if (!isfinite(t)) {
            char where[320];
            describe(k < m ? rows : cols, k < m ? k : k - m, where, sizeof where);
            return clioi_fail(err, CLIO_EVALUE, "balancing: the target of %s is not a number",
                              where);
        }
    }
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            double x = X[i + j * ldx];
            if (!isfinite(x)) {
                char r[320], c[320];
                describe(rows, i, r, sizeof r);
                describe(cols, j, c, sizeof c);
                return clioi_fail(err, CLIO_EVALUE, "balancing: cell (%s, %s) is not a number",
                                  r, c);
            }
            if (!is_free(opt, i, j, m)) {
                rows->target[i] -= x;
                cols->target[j] -= x;
            }
        }
    return CLIO_OK;
}

/* A row or column whose free cells cannot reach its target by positive
 * scaling (e.g. a positive target and only negative cells). */
static int check_sign_pattern(const side *sd, size_t k, int has_pos, int has_neg,
                              clio_error *err)
{
    double t = sd->target[k];
    const char *why = NULL;
    if (t > 0 && !has_pos)
        why = has_neg ? "only negative free cells" : "no free nonzero cell";
    else if (t < 0 && !has_neg)
        why = has_pos ? "only positive free cells" : "no free nonzero cell";
    else if (t == 0 && has_neg && !has_pos)
        why = "only negative free cells";
    if (!why)
        return CLIO_OK;
    char where[320];
    describe(sd, k, where, sizeof where);
    return clioi_fail(err, CLIO_EINVAL,
                      "balancing: inconsistent targets: %s has target %.17g (less fixed cells) but "
                      "%s, so no scaling can reach it",
                      where, t, why);
}

static int check_consistency(size_t m, size_t n, const double *X, size_t ldx,
                             const clio_balance_options *opt, const side *rows,
                             const side *cols, double tol, clio_error *err)
{
    double su = 0, sv = 0, scale_sum = 1;
    for (size_t i = 0; i < m; i++) {
        su += rows->target[i];
        scale_sum += fabs(rows->target[i]);
    }
    for (size_t j = 0; j < n; j++)
        sv += cols->target[j];
    if (fabs(su - sv) > tol * scale_sum)
        return clioi_fail(err, CLIO_EINVAL,
                          "balancing: inconsistent targets: the row targets sum to %.17g but the "
                          "column targets to %.17g (less fixed cells); they must agree",
                          su, sv);
    unsigned char *flags = calloc(m + n, 1); /* bit 1: has positive, bit 2: negative */
    if (!flags)
        return clioi_fail(err, CLIO_ENOMEM, "balancing: out of memory");
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            double x = X[i + j * ldx];
            if (x == 0 || !is_free(opt, i, j, m))
                continue;
            unsigned char bit = x > 0 ? 1 : 2;
            flags[i] |= bit;
            flags[m + j] |= bit;
        }
    int status = CLIO_OK;
    for (size_t k = 0; k < m + n && status == CLIO_OK; k++)
        status = check_sign_pattern(k < m ? rows : cols, k < m ? k : k - m, flags[k] & 1,
                                    flags[k] & 2, err);
    free(flags);
    return status;
}

/* p and n of every row for the current column factors s. */
static void row_sums(size_t m, size_t n, const double *X, size_t ldx,
                     const clio_balance_options *opt, side *rows, const side *cols)
{
    for (size_t i = 0; i < m; i++)
        rows->pos[i] = rows->neg[i] = 0;
    for (size_t j = 0; j < n; j++) {
        double s = cols->factor[j];
        const double *col = X + j * ldx;
        for (size_t i = 0; i < m; i++) {
            double x = col[i];
            if (x == 0 || !is_free(opt, i, j, m))
                continue;
            if (x > 0)
                rows->pos[i] += x * s;
            else
                rows->neg[i] -= x / s;
        }
    }
}

/* p and n of every column for the current row factors r. */
static void column_sums(size_t m, size_t n, const double *X, size_t ldx,
                        const clio_balance_options *opt, const side *rows, side *cols)
{
    for (size_t j = 0; j < n; j++) {
        const double *col = X + j * ldx;
        double p = 0, q = 0;
        for (size_t i = 0; i < m; i++) {
            double x = col[i];
            if (x == 0 || !is_free(opt, i, j, m))
                continue;
            if (x > 0)
                p += x * rows->factor[i];
            else
                q -= x / rows->factor[i];
        }
        cols->pos[j] = p;
        cols->neg[j] = q;
    }
}

static double relative_gap(double sum, double target)
{
    return fabs(sum - target) / fmax(1, fabs(target));
}

/* Largest relative gap of the rows for factors r and sums p, n. */
static double row_residual(const side *rows, size_t *worst)
{
    double res = 0;
    for (size_t i = 0; i < rows->count; i++) {
        double r = rows->factor[i];
        double sum = r * rows->pos[i] - (rows->neg[i] > 0 ? rows->neg[i] / r : 0);
        double gap = relative_gap(sum, rows->target[i]);
        if (!(gap <= res)) { /* also catches NaN */
            res = gap;
            *worst = i;
        }
    }
    return res;
}

static void update_factors(side *sd)
{
    for (size_t k = 0; k < sd->count; k++)
        sd->factor[k] = scale(sd->pos[k], sd->neg[k], sd->target[k]);
}

/* X = r^ P s^ - r^-1 N s^-1 on the free cells; fixed cells stay. */
static void apply_factors(size_t m, size_t n, double *X, size_t ldx,
                          const clio_balance_options *opt, const side *rows, const side *cols)
{
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < m; i++) {
            double *x = X + i + j * ldx;
            if (*x == 0 || !is_free(opt, i, j, m))
                continue;
            double f = rows->factor[i] * cols->factor[j];
            *x = *x > 0 ? *x * f : *x / f;
        }
}

/* Largest relative gap of the balanced X against the original targets. */
static double final_residual(size_t m, size_t n, const double *X, size_t ldx, const double *u,
                             const double *v, double *rowsum)
{
    double res = 0;
    for (size_t i = 0; i < m; i++)
        rowsum[i] = 0;
    for (size_t j = 0; j < n; j++) {
        double c = 0;
        for (size_t i = 0; i < m; i++) {
            c += X[i + j * ldx];
            rowsum[i] += X[i + j * ldx];
        }
        res = fmax(res, relative_gap(c, v[j]));
    }
    for (size_t i = 0; i < m; i++)
        res = fmax(res, relative_gap(rowsum[i], u[i]));
    return res;
}

static int iterate(size_t m, size_t n, double *X, size_t ldx, const double *u, const double *v,
                   const clio_balance_options *opt, const char *method, side *rows, side *cols,
                   clio_balance_info *info, clio_error *err)
{
    double tol = opt->tol > 0 ? opt->tol : DEFAULT_TOL;
    int max_iter = opt->max_iter > 0 ? opt->max_iter : DEFAULT_MAX_ITER;
    int status = check_consistency(m, n, X, ldx, opt, rows, cols, tol, err);
    if (status != CLIO_OK)
        return status;
    for (size_t i = 0; i < m; i++)
        rows->factor[i] = 1;
    for (size_t j = 0; j < n; j++)
        cols->factor[j] = 1;

    size_t worst = 0;
    double residual = INFINITY;
    int it = 0;
    for (;;) {
        row_sums(m, n, X, ldx, opt, rows, cols);
        if (it > 0) { /* columns are exact after a column step: test the rows */
            residual = row_residual(rows, &worst);
            if (residual <= tol || it >= max_iter)
                break;
        }
        update_factors(rows);
        column_sums(m, n, X, ldx, opt, rows, cols);
        update_factors(cols);
        it++;
    }
    info->iterations = it;
    if (!(residual <= tol)) {
        char where[320];
        describe(rows, worst, where, sizeof where);
        info->residual = residual;
        return clioi_fail(err, CLIO_ENOCONVERGE,
                          "%s did not converge in %d iterations: relative residual %.3g (tolerance "
                          "%.3g), largest in %s; the targets may be unreachable for this sign and "
                          "zero pattern",
                          method, it, residual, tol, where);
    }
    apply_factors(m, n, X, ldx, opt, rows, cols);
    info->residual = final_residual(m, n, X, ldx, u, v, rows->pos);
    return CLIO_OK;
}

static int balance(size_t m, size_t n, double *X, size_t ldx, const double *u, const double *v,
                   const clio_balance_options *options, int allow_negative,
                   clio_balance_info *info_out, clio_error *err)
{
    const char *method = allow_negative ? "GRAS" : "RAS";
    clio_balance_options defaults = {0};
    const clio_balance_options *opt = options ? options : &defaults;
    clio_balance_info scratch, *info = info_out ? info_out : &scratch;
    info->iterations = 0;
    info->residual = NAN;
    if (!X || !u || !v || m == 0 || n == 0 || ldx < m)
        return clioi_fail(err, CLIO_EINVAL, "%s: empty matrix or bad leading dimension", method);

    side rows = {"row", m, NULL, NULL, NULL, NULL, opt->row_names};
    side cols = {"column", n, NULL, NULL, NULL, NULL, opt->col_names};
    double *work = malloc(4 * (m + n) * sizeof *work);
    if (!work)
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", method);
    rows.target = work;
    rows.factor = work + m;
    rows.pos = work + 2 * m;
    rows.neg = work + 3 * m;
    cols.target = work + 4 * m;
    cols.factor = cols.target + n;
    cols.pos = cols.target + 2 * n;
    cols.neg = cols.target + 3 * n;

    int status = targets_less_fixed(m, n, X, ldx, u, v, opt, &rows, &cols, err);
    for (size_t j = 0; status == CLIO_OK && !allow_negative && j < n; j++)
        for (size_t i = 0; i < m; i++)
            if (X[i + j * ldx] < 0) {
                char r[320], c[320];
                describe(&rows, i, r, sizeof r);
                describe(&cols, j, c, sizeof c);
                status = clioi_fail(err, CLIO_EVALUE,
                                    "RAS: cell (%s, %s) is negative (%.17g): use GRAS for "
                                    "matrices with negative entries",
                                    r, c, X[i + j * ldx]);
                break;
            }
    if (status == CLIO_OK)
        status = iterate(m, n, X, ldx, u, v, opt, method, &rows, &cols, info, err);
    free(work);
    return status;
}

int clio_ras(size_t m, size_t n, double *X, size_t ldx, const double *u, const double *v,
             const clio_balance_options *opt, clio_balance_info *info, clio_error *err)
{
    return balance(m, n, X, ldx, u, v, opt, 0, info, err);
}

int clio_gras(size_t m, size_t n, double *X, size_t ldx, const double *u, const double *v,
              const clio_balance_options *opt, clio_balance_info *info, clio_error *err)
{
    return balance(m, n, X, ldx, u, v, opt, 1, info, err);
}
