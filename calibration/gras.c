/* gras.c -- balancing a matrix to given row and column sums: RAS, and GRAS
 * for matrices with negative entries.
 *
 * GRAS (Junius & Oosterhaven 2003; Lenzen et al. 2007; Temurshoev, Miller &
 * Bouwmeester 2013) writes the answer as X = r^ P s^ - r^-1 N s^-1, with P
 * and N the positive part and the magnitude of the negative part of X0.  A
 * row step solves, for each row, r p(s) - n(s) / r = u for r > 0, where
 * p(s) = P s and n(s) = N s^-1; a column step does the same for s.  Without
 * negatives n = 0 and the step is RAS's r = u / p, so one loop serves both.
 *
 * Layout, for speed and memory: X itself holds P during the iteration (its
 * negative and fixed cells zeroed), so p is one BLAS dgemv per step; the
 * negative and fixed cells live in short lists beside it.  r and s are
 * applied once at the end; a failed run puts the listed cells back, so X
 * is as it was.
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
    unsigned char *signs;     /* bit 1: a free positive cell, bit 2: a negative one */
    const char *const *names; /* labels, or NULL */
} side;

/* Cells taken out of X while it holds P: negative free cells (value -x > 0)
 * and fixed cells (their value). */
typedef struct cell {
    size_t i, j;
    double value;
} cell;

typedef struct cells {
    cell *item;
    size_t count, cap;
} cells;

typedef struct problem {
    size_t m, n, ldx;
    double *X;
    side rows, cols;
    cells negative, fixed;
} problem;

static void describe(const side *sd, size_t k, char *buf, size_t len)
{
    if (sd->names && sd->names[k])
        snprintf(buf, len, "%s '%s'", sd->what, sd->names[k]);
    else
        snprintf(buf, len, "%s %zu", sd->what, k + 1);
}

static int push(cells *c, size_t i, size_t j, double value)
{
    if (c->count == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        cell *item = realloc(c->item, cap * sizeof *item);
        if (!item)
            return CLIO_ENOMEM;
        c->item = item;
        c->cap = cap;
    }
    c->item[c->count++] = (cell){i, j, value};
    return CLIO_OK;
}

/* Put the listed cells back: X as the caller gave it. */
static void restore(problem *pb)
{
    for (size_t k = 0; k < pb->negative.count; k++) {
        const cell *c = &pb->negative.item[k];
        pb->X[c->i + c->j * pb->ldx] = -c->value;
    }
    for (size_t k = 0; k < pb->fixed.count; k++) {
        const cell *c = &pb->fixed.item[k];
        pb->X[c->i + c->j * pb->ldx] = c->value;
    }
}

static int check_finite(const problem *pb, const double *u, const double *v, clio_error *err)
{
    char a[320], b[320];
    for (size_t k = 0; k < pb->m + pb->n; k++)
        if (!isfinite(k < pb->m ? u[k] : v[k - pb->m])) {
            describe(k < pb->m ? &pb->rows : &pb->cols, k < pb->m ? k : k - pb->m, a, sizeof a);
            return clioi_fail(err, CLIO_EVALUE, "balancing: the target of %s is not a number", a);
        }
    for (size_t j = 0; j < pb->n; j++)
        for (size_t i = 0; i < pb->m; i++)
            if (!isfinite(pb->X[i + j * pb->ldx])) {
                describe(&pb->rows, i, a, sizeof a);
                describe(&pb->cols, j, b, sizeof b);
                return clioi_fail(err, CLIO_EVALUE, "balancing: cell (%s, %s) is not a number", a,
                                  b);
            }
    return CLIO_OK;
}

/* Take the fixed and negative cells out of X (into the lists), the fixed
 * ones off the targets, and note the signs of the free cells. */
static int split(problem *pb, const unsigned char *fixed, int allow_negative, clio_error *err)
{
    for (size_t j = 0; j < pb->n; j++)
        for (size_t i = 0; i < pb->m; i++) {
            double *x = pb->X + i + j * pb->ldx;
            int status = CLIO_OK;
            if (fixed && fixed[i + j * pb->m]) {
                pb->rows.target[i] -= *x;
                pb->cols.target[j] -= *x;
                status = push(&pb->fixed, i, j, *x);
            } else if (*x < 0 && !allow_negative) {
                char a[320], b[320];
                describe(&pb->rows, i, a, sizeof a);
                describe(&pb->cols, j, b, sizeof b);
                return clioi_fail(err, CLIO_EVALUE,
                                  "RAS: cell (%s, %s) is negative (%.17g): use GRAS for matrices "
                                  "with negative entries",
                                  a, b, *x);
            } else if (*x != 0) {
                unsigned char bit = *x > 0 ? 1 : 2;
                pb->rows.signs[i] |= bit;
                pb->cols.signs[j] |= bit;
                if (*x < 0)
                    status = push(&pb->negative, i, j, -*x);
                else
                    continue;
            } else
                continue;
            if (status != CLIO_OK)
                return clioi_fail(err, status, "balancing: out of memory");
            *x = 0;
        }
    return CLIO_OK;
}

/* A row or column whose free cells cannot reach its target by positive
 * scaling (e.g. a positive target and only negative cells). */
static int check_sign_pattern(const side *sd, size_t k, clio_error *err)
{
    double t = sd->target[k];
    int has_pos = sd->signs[k] & 1, has_neg = sd->signs[k] & 2;
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

static int check_consistency(const problem *pb, double tol, clio_error *err)
{
    double su = 0, sv = 0, scale_sum = 1;
    for (size_t i = 0; i < pb->m; i++) {
        su += pb->rows.target[i];
        scale_sum += fabs(pb->rows.target[i]);
    }
    for (size_t j = 0; j < pb->n; j++)
        sv += pb->cols.target[j];
    if (fabs(su - sv) > tol * scale_sum)
        return clioi_fail(err, CLIO_EINVAL,
                          "balancing: inconsistent targets: the row targets sum to %.17g but the "
                          "column targets to %.17g (less fixed cells); they must agree",
                          su, sv);
    int status = CLIO_OK;
    for (size_t i = 0; i < pb->m && status == CLIO_OK; i++)
        status = check_sign_pattern(&pb->rows, i, err);
    for (size_t j = 0; j < pb->n && status == CLIO_OK; j++)
        status = check_sign_pattern(&pb->cols, j, err);
    return status;
}

/* p and n of one side for the other side's factors: p = P f (or P' f),
 * n from the negative cells. */
static void sums(const problem *pb, int columns)
{
    const side *other = columns ? &pb->rows : &pb->cols;
    side *sd = columns ? (side *)&pb->cols : (side *)&pb->rows;
    clioi_dgemv(columns, pb->m, pb->n, pb->X, pb->ldx, other->factor, sd->pos);
    for (size_t k = 0; k < sd->count; k++)
        sd->neg[k] = 0;
    for (size_t k = 0; k < pb->negative.count; k++) {
        const cell *c = &pb->negative.item[k];
        size_t mine = columns ? c->j : c->i, theirs = columns ? c->i : c->j;
        sd->neg[mine] += c->value / other->factor[theirs];
    }
}

/* scale -- the factor f > 0 with f p - n / f = u, or 0 for a row that must
 * vanish (u = 0, p > 0, n = 0); NAN when no such factor exists, e.g. when
 * the other side's factors have driven every positive cell of the line to
 * zero and its target is positive.  Written to avoid cancellation for
 * u < 0. */
static double scale(double p, double n, double u)
{
    if (n == 0) {
        if (p == 0)
            return u == 0 ? 1 : NAN;
        return u >= 0 ? u / p : NAN;
    }
    if (p == 0)
        return u < 0 ? -n / u : NAN;
    double root = sqrt(u * u + 4 * p * n);
    return u >= 0 ? (u + root) / (2 * p) : 2 * n / (root - u);
}

/* New factors of one side; CLIO_EINVAL naming the first line that no
 * factor can bring to its target without reversing signs. */
static int update_factors(side *sd, const char *method, clio_error *err)
{
    for (size_t k = 0; k < sd->count; k++) {
        if (!isfinite(sd->pos[k]) || !isfinite(sd->neg[k]))
            return clioi_fail(err, CLIO_EVALUE,
                              "%s: the numbers overflow (cells or targets near the largest "
                              "double); scale the matrix and targets down",
                              method);
        double f = scale(sd->pos[k], sd->neg[k], sd->target[k]);
        if (!(f >= 0 && isfinite(f))) {
            char where[320];
            describe(sd, k, where, sizeof where);
            return clioi_fail(err, CLIO_EINVAL,
                              "%s: inconsistent targets: %s cannot reach its target %.17g "
                              "without reversing signs (the other targets leave it only %s "
                              "cells)",
                              method, where, sd->target[k],
                              sd->pos[k] > 0 ? "positive" : sd->neg[k] > 0 ? "negative" : "zero");
        }
        sd->factor[k] = f;
    }
    return CLIO_OK;
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

/* X = r^ P s^ - r^-1 N s^-1, fixed cells back in place. */
static void apply_factors(problem *pb)
{
    const double *r = pb->rows.factor, *s = pb->cols.factor;
    for (size_t j = 0; j < pb->n; j++) {
        double *col = pb->X + j * pb->ldx;
        for (size_t i = 0; i < pb->m; i++)
            col[i] *= r[i] * s[j];
    }
    for (size_t k = 0; k < pb->negative.count; k++) {
        const cell *c = &pb->negative.item[k];
        pb->X[c->i + c->j * pb->ldx] = -c->value / (r[c->i] * s[c->j]);
    }
    for (size_t k = 0; k < pb->fixed.count; k++) {
        const cell *c = &pb->fixed.item[k];
        pb->X[c->i + c->j * pb->ldx] = c->value;
    }
}

/* Largest relative gap of the balanced X against the original targets. */
static double final_residual(const problem *pb, const double *u, const double *v)
{
    double res = 0, *rowsum = pb->rows.pos;
    for (size_t i = 0; i < pb->m; i++)
        rowsum[i] = 0;
    for (size_t j = 0; j < pb->n; j++) {
        double c = 0;
        for (size_t i = 0; i < pb->m; i++) {
            c += pb->X[i + j * pb->ldx];
            rowsum[i] += pb->X[i + j * pb->ldx];
        }
        res = fmax(res, relative_gap(c, v[j]));
    }
    for (size_t i = 0; i < pb->m; i++)
        res = fmax(res, relative_gap(rowsum[i], u[i]));
    return res;
}

static int iterate(problem *pb, double tol, int max_iter, const char *method,
                   clio_balance_info *info, clio_error *err)
{
    for (size_t i = 0; i < pb->m; i++)
        pb->rows.factor[i] = 1;
    for (size_t j = 0; j < pb->n; j++)
        pb->cols.factor[j] = 1;
    size_t worst = 0;
    double residual = INFINITY;
    int it = 0;
    int status = CLIO_OK;
    for (;;) {
        sums(pb, 0);
        if (it > 0) { /* columns are exact after a column step: test the rows */
            residual = row_residual(&pb->rows, &worst);
            if (residual <= tol || it >= max_iter || !isfinite(residual))
                break;
        }
        if ((status = update_factors(&pb->rows, method, err)) != CLIO_OK)
            break;
        sums(pb, 1);
        if ((status = update_factors(&pb->cols, method, err)) != CLIO_OK)
            break;
        it++;
    }
    info->iterations = it;
    info->residual = residual;
    if (status != CLIO_OK || residual <= tol)
        return status;
    if (!isfinite(residual))
        return clioi_fail(err, CLIO_EVALUE,
                          "%s: the numbers overflow after %d iterations (cells or targets near "
                          "the largest double); scale the matrix and targets down",
                          method, it);
    char where[320];
    describe(&pb->rows, worst, where, sizeof where);
    return clioi_fail(err, CLIO_ENOCONVERGE,
                      "%s did not converge in %d iterations: relative residual %.3g (tolerance "
                      "%.3g), largest in %s; the targets may be unreachable for this sign and "
                      "zero pattern",
                      method, it, residual, tol, where);
}

static int alloc_side(side *sd, const char *what, size_t count, const char *const *names)
{
    *sd = (side){.what = what, .count = count, .names = names};
    sd->target = malloc(4 * count * sizeof *sd->target);
    sd->signs = calloc(count, 1);
    if (!sd->target || !sd->signs)
        return CLIO_ENOMEM;
    sd->factor = sd->target + count;
    sd->pos = sd->target + 2 * count;
    sd->neg = sd->target + 3 * count;
    return CLIO_OK;
}

static void free_problem(problem *pb)
{
    free(pb->rows.target), free(pb->rows.signs);
    free(pb->cols.target), free(pb->cols.signs);
    free(pb->negative.item), free(pb->fixed.item);
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
    double tol = opt->tol > 0 ? opt->tol : DEFAULT_TOL;
    int max_iter = opt->max_iter > 0 ? opt->max_iter : DEFAULT_MAX_ITER;

    problem pb = {.m = m, .n = n, .ldx = ldx, .X = X};
    int status = CLIO_OK;
    if (alloc_side(&pb.rows, "row", m, opt->row_names) != CLIO_OK ||
        alloc_side(&pb.cols, "column", n, opt->col_names) != CLIO_OK) {
        free_problem(&pb);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", method);
    }
    for (size_t i = 0; i < m; i++)
        pb.rows.target[i] = u[i];
    for (size_t j = 0; j < n; j++)
        pb.cols.target[j] = v[j];
    status = check_finite(&pb, u, v, err);
    if (status == CLIO_OK)
        status = split(&pb, opt->fixed, allow_negative, err);
    if (status == CLIO_OK)
        status = check_consistency(&pb, tol, err);
    if (status == CLIO_OK)
        status = iterate(&pb, tol, max_iter, method, info, err);
    if (status == CLIO_OK) {
        apply_factors(&pb);
        info->residual = final_residual(&pb, u, v);
    } else
        restore(&pb);
    free_problem(&pb);
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
