/* projection.c -- a base-year table brought to a new year's margins:
 * base coefficients times new outputs, balanced by RAS (GRAS with negative
 * cells) to the new intermediate totals (Stone 1961; Miller & Blair 2009,
 * section 7.4). */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>

static int fail_sector(const clio_table *t, size_t i, clio_error *err, int status,
                       const char *fmt)
{
    char *key = clioi_key_dup(t, clio_table_sector_key, i);
    clioi_fail(err, status, fmt, key ? key : "?");
    free(key);
    return status;
}

static int check_margins(const clio_table *t, const double *x, const double *fd,
                         const double *va, double tol, clio_error *err)
{
    double sf = 0, sv = 0, sx = 1;
    for (size_t i = 0; i < t->n; i++) {
        if (!isfinite(x[i]) || !isfinite(fd[i]) || !isfinite(va[i]))
            return fail_sector(t, i, err, CLIO_EVALUE,
                               "projection: the margins of sector '%s' are not numbers");
        if (x[i] < 0)
            return fail_sector(t, i, err, CLIO_EVALUE,
                               "projection: sector '%s' has a negative new output");
        sf += fd[i];
        sv += va[i];
        sx += fabs(x[i]);
    }
    if (fabs(sf - sv) > tol * sx)
        return clioi_fail(err, CLIO_EINVAL,
                          "projection: inconsistent margins: final demand sums to %.17g but "
                          "value added to %.17g; they must agree (total intermediate sales = "
                          "total intermediate purchases)",
                          sf, sv);
    return CLIO_OK;
}

/* factor[i] = want[i] / (sum of the base's block row or column i); a
 * nonzero target with nothing to scale is an error. */
static int scale_factors(const clio_table *t, const double *M, size_t ld, size_t count_other,
                         int by_row, const double *want, double *factor, const char *what,
                         clio_error *err)
{
    for (size_t i = 0; i < t->n; i++) {
        double sum = 0;
        for (size_t k = 0; k < count_other; k++)
            sum += by_row ? M[i + k * ld] : M[k + i * ld];
        if (sum == 0 && want[i] != 0) {
            char fmt[200];
            snprintf(fmt, sizeof fmt,
                     "projection: sector '%%s' has new %s but none in the base year to scale",
                     what);
            return fail_sector(t, i, err, CLIO_EINVAL, fmt);
        }
        factor[i] = sum == 0 ? 0 : want[i] / sum;
    }
    return CLIO_OK;
}

static int balance_z(const clio_table *t, double *Z, const double *x, const double *fd,
                     const double *va, const clio_balance_options *user, clio_balance_info *info,
                     clio_error *err)
{
    size_t n = t->n;
    double *u = malloc(2 * n * sizeof *u);
    char **names = clioi_calloc_array(n, sizeof *names);
    int status = u && names ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "projection: out of memory");
    for (size_t i = 0; status == CLIO_OK && i < n; i++)
        if (!(names[i] = clioi_key_dup(t, clio_table_sector_key, i)))
            status = clioi_fail(err, CLIO_ENOMEM, "projection: out of memory");
    int negative = 0;
    for (size_t j = 0; status == CLIO_OK && j < n; j++) {
        u[j] = x[j] - fd[j];
        u[n + j] = x[j] - va[j];
        for (size_t i = 0; i < n; i++) {
            double z = t->Z[i + j * n];
            Z[i + j * n] = t->x[j] > 0 ? z / t->x[j] * x[j] : 0;
            negative |= z < 0;
        }
    }
    if (status == CLIO_OK) {
        clio_balance_options opt = user ? *user : (clio_balance_options){0};
        if (!opt.row_names)
            opt.row_names = (const char *const *)names;
        if (!opt.col_names)
            opt.col_names = (const char *const *)names;
        status = negative ? clio_gras(n, n, Z, n, u, u + n, &opt, info, err)
                          : clio_ras(n, n, Z, n, u, u + n, &opt, info, err);
    }
    clioi_free_labels(names, names ? n : 0);
    free(u);
    return status;
}

int clio_project(clio_table *t, const double *x, const double *fd, const double *va,
                 const clio_balance_options *opt, clio_balance_info *info, clio_error *err)
{
    size_t n = t->n;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "projection: the table's Z was consumed");
    double tol = opt && opt->tol > 0 ? opt->tol : 1e-10;
    int status = check_margins(t, x, fd, va, tol, err);
    if (status != CLIO_OK)
        return status;
    double *Z = clioi_alloc_matrix(n, n);
    double *row = malloc(2 * n * sizeof *row), *col = row ? row + n : NULL;
    if (!Z || !row) {
        free(Z), free(row);
        return clioi_fail(err, CLIO_ENOMEM, "projection: out of memory for %zu sectors", n);
    }
    status = scale_factors(t, t->Y, n, t->nfd, 1, fd, row, "final demand", err);
    if (status == CLIO_OK)
        status = scale_factors(t, t->V, t->nva, t->nva, 0, va, col, "value added", err);
    if (status == CLIO_OK)
        status = balance_z(t, Z, x, fd, va, opt, info, err);
    if (status != CLIO_OK) {
        free(Z), free(row);
        return status;
    }
    for (size_t k = 0; k < t->nfd; k++) {
        double before = 0, after = 0;
        for (size_t i = 0; i < n; i++) {
            before += t->Y[i + k * n];
            t->Y[i + k * n] *= row[i];
            after += t->Y[i + k * n];
        }
        for (size_t s = 0; s < t->nsat; s++) /* SY moves with its final-demand column */
            t->SY[s + k * t->nsat] *= before != 0 ? after / before : 1;
    }
    for (size_t j = 0; j < n; j++) {
        for (size_t r = 0; r < t->nva; r++)
            t->V[r + j * t->nva] *= col[j];
        for (size_t s = 0; s < t->nsat; s++)
            t->S[s + j * t->nsat] = t->x[j] > 0 ? t->S[s + j * t->nsat] / t->x[j] * x[j] : 0;
        t->x[j] = x[j];
    }
    free(t->Z);
    t->Z = Z;
    free(row);
    return CLIO_OK;
}
