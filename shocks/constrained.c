/* constrained.c -- the demand-driven model with output caps, solved as a
 * mixed exogenous/endogenous model (Miller & Blair 2009, section 13.2).
 *
 * With C the set of sectors fixed at their cap and L = (I - A)^-1,
 *   x = L (y + E_C z),   (L_CC) z = cap_C - (L y)_C,   y_met = y + E_C z,
 * so a round costs the columns of L at C (cached: each sector's column is
 * solved for once, the first time it is fixed) and a |C| x |C| dense solve.
 * The set is updated by the primal-dual active-set rule: fix every free
 * sector whose output exceeds its cap, free every fixed sector whose met
 * final demand would exceed the wanted one (z_c > 0).  That rule is the
 * semismooth Newton method for x = min(cap, A x + y), which for the
 * M-matrix I - A converges in finitely many rounds (Hintermueller, Ito &
 * Kunisch 2002); n + 1 rounds is a guard against rounding-level cycling.
 * docs/methods-shocks.md has the derivation. */
#include "woodbury.h"

#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Relative slack of the cap and sign tests: above rounding, far below the
 * promised x_i <= cap_i (1 + 1e-12). */
#define CAP_TOL 1e-13

typedef struct mixed_work {
    size_t n;
    const clio_leontief *f;
    const clio_leontief_update *u;
    double *Ly;        /* n: L y */
    double *cols;      /* n x ncols: cached columns of L, ld n */
    size_t ncols, capcols;
    size_t *slot;      /* n: column of sector i in cols, or CLIO_NONE */
    size_t *fixed;     /* the set C, k sectors */
    size_t k;
    unsigned char *in; /* n: 1 for sectors in C */
    double *lcc, *z;   /* k x k and k */
    lapack_int *ipiv;
    double *x, *ymet;  /* n: the round's result */
} mixed_work;

static void work_free(mixed_work *w)
{
    free(w->Ly);
    free(w->cols);
    free(w->slot);
    free(w->fixed);
    free(w->in);
    free(w->lcc);
    free(w->z);
    free(w->ipiv);
    free(w->x);
    free(w->ymet);
}

static int solve(const mixed_work *w, size_t nrhs, double *B, clio_error *err)
{
    return w->u ? clio_leontief_update_solve(w->u, 0, nrhs, B, w->n, err)
                : clio_leontief_solve(w->f, 0, nrhs, B, w->n, err);
}

static int check_arguments(const clio_leontief *f, const clio_leontief_update *u,
                           const double *y, const double *cap, const double *x,
                           const double *y_met, const unsigned char *binding, clio_error *err)
{
    if (!f || !y || !cap || !x || !y_met || !binding)
        return clioi_fail(err, CLIO_EINVAL, "capacity caps: NULL argument");
    if (u && u->f != f)
        return clioi_fail(err, CLIO_EINVAL,
                          "capacity caps: the coefficient update was made from another factor");
    for (size_t i = 0; i < f->n; i++) {
        if (!isfinite(y[i]))
            return clioi_fail(err, CLIO_EVALUE,
                              "capacity caps: final demand of sector %zu is %g (must be finite)",
                              i + 1, y[i]);
        if (isnan(cap[i]) || cap[i] < 0)
            return clioi_fail(err, CLIO_EVALUE,
                              "capacity caps: cap of sector %zu is %g (must be >= 0, or "
                              "infinite for none)",
                              i + 1, cap[i]);
    }
    return CLIO_OK;
}

static int work_make(mixed_work *w, const clio_leontief *f, const clio_leontief_update *u)
{
    size_t n = f->n;
    w->n = n;
    w->f = f;
    w->u = u;
    w->Ly = clioi_calloc_array(n, sizeof *w->Ly);
    w->slot = clioi_calloc_array(n, sizeof *w->slot);
    w->fixed = clioi_calloc_array(n, sizeof *w->fixed);
    w->in = clioi_calloc_array(n, sizeof *w->in);
    w->x = clioi_calloc_array(n, sizeof *w->x);
    w->ymet = clioi_calloc_array(n, sizeof *w->ymet);
    if (!w->Ly || !w->slot || !w->fixed || !w->in || !w->x || !w->ymet)
        return CLIO_ENOMEM;
    for (size_t i = 0; i < n; i++)
        w->slot[i] = CLIO_NONE;
    return CLIO_OK;
}

/* Columns of L for the fixed sectors not cached yet: one solve with as
 * many right-hand sides. */
static int cache_columns(mixed_work *w, clio_error *err)
{
    size_t n = w->n, first = w->ncols, need = w->ncols;
    for (size_t r = 0; r < w->k; r++)
        need += w->slot[w->fixed[r]] == CLIO_NONE;
    if (need == first)
        return CLIO_OK;
    if (need > w->capcols) {
        size_t capcols = need > 2 * w->capcols ? need : 2 * w->capcols;
        capcols = capcols < n ? capcols : n;
        double *cols = realloc(w->cols, n * capcols * sizeof *cols);
        if (!cols)
            return clioi_fail(err, CLIO_ENOMEM, "out of memory for %zu columns of L", capcols);
        w->cols = cols;
        w->capcols = capcols;
    }
    memset(w->cols + first * n, 0, (need - first) * n * sizeof *w->cols);
    for (size_t r = 0; r < w->k; r++) {
        size_t i = w->fixed[r];
        if (w->slot[i] == CLIO_NONE) {
            w->slot[i] = w->ncols++;
            w->cols[i + w->slot[i] * n] = 1.0;
        }
    }
    return solve(w, need - first, w->cols + first * n, err);
}

/* One round: z from L_CC z = cap_C - (L y)_C, then x and y_met. */
static int solve_round(mixed_work *w, const double *y, const double *cap, clio_error *err)
{
    size_t n = w->n, k = w->k;
    int status = cache_columns(w, err);
    if (status != CLIO_OK)
        return status;
    free(w->lcc);
    free(w->z);
    free(w->ipiv);
    w->lcc = clioi_calloc_array(k * k, sizeof *w->lcc);
    w->z = clioi_calloc_array(k, sizeof *w->z);
    w->ipiv = clioi_calloc_array(k, sizeof *w->ipiv);
    if (!w->lcc || !w->z || !w->ipiv)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for %zu binding caps", k);
    for (size_t s = 0; s < k; s++) {
        const double *col = w->cols + w->slot[w->fixed[s]] * n;
        for (size_t r = 0; r < k; r++)
            w->lcc[r + s * k] = col[w->fixed[r]];
        w->z[s] = cap[w->fixed[s]] - w->Ly[w->fixed[s]];
    }
    if (k > 0) {
        lapack_int info = LAPACKE_dgesv_work(LAPACK_COL_MAJOR, (lapack_int)k, 1, w->lcc,
                                             (lapack_int)k, w->ipiv, w->z, (lapack_int)k);
        if (info > 0)
            return clioi_fail(err, CLIO_ESINGULAR,
                              "capacity caps: the Leontief inverse restricted to the %zu capped "
                              "sectors is singular",
                              k);
        if (info < 0)
            return clioi_fail(err, CLIO_EINVAL, "dgesv: argument %d invalid", (int)-info);
    }
    memcpy(w->x, w->Ly, n * sizeof *w->x);
    memcpy(w->ymet, y, n * sizeof *w->ymet);
    for (size_t s = 0; s < k; s++) {
        size_t c = w->fixed[s];
        cblas_daxpy((int)n, w->z[s], w->cols + w->slot[c] * n, 1, w->x, 1);
        w->ymet[c] += w->z[s];
    }
    for (size_t s = 0; s < k; s++) /* exactly at the cap, not to rounding */
        w->x[w->fixed[s]] = cap[w->fixed[s]];
    return CLIO_OK;
}

static int violates(double x, double cap) { return x > cap * (1 + CAP_TOL); }

/* The next set C: fixed sectors that still bind, plus the free sectors
 * above their cap.  Returns whether it changed. */
static int next_set(mixed_work *w, const double *y, const double *cap)
{
    int changed = 0;
    size_t k = 0;
    for (size_t s = 0; s < w->k; s++) {
        size_t c = w->fixed[s];
        double scale = fmax(fabs(y[c]), cap[c]);
        if (w->z[s] > CAP_TOL * scale) {
            w->in[c] = 0;
            changed = 1;
        } else {
            w->fixed[k++] = c;
        }
    }
    /* A sector freed above sits at its cap (solve_round), so it is not
     * taken back in the same round. */
    for (size_t i = 0; i < w->n; i++) {
        if (w->in[i] || !violates(w->x[i], cap[i]))
            continue;
        w->in[i] = 1;
        w->fixed[k++] = i;
        changed = 1;
    }
    w->k = k;
    return changed;
}

int clio_constrained_output(const clio_leontief *f, const clio_leontief_update *u,
                            const double *y, const double *cap, double *x, double *y_met,
                            unsigned char *binding, size_t *rounds, clio_error *err)
{
    if (rounds)
        *rounds = 0;
    int status = check_arguments(f, u, y, cap, x, y_met, binding, err);
    if (status != CLIO_OK)
        return status;
    size_t n = f->n, round = 0;
    mixed_work w = {0};
    if (work_make(&w, f, u) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    memcpy(w.Ly, y, n * sizeof *w.Ly);
    if ((status = solve(&w, 1, w.Ly, err)) != CLIO_OK)
        goto done;
    for (size_t i = 0; i < n; i++)
        if (violates(w.Ly[i], cap[i])) {
            w.in[i] = 1;
            w.fixed[w.k++] = i;
        }
    for (;;) {
        if (++round > n + 1) {
            status = clioi_fail(err, CLIO_ENOCONVERGE,
                                "capacity caps: no stable set of binding caps after %zu rounds "
                                "(%zu caps fixed in the last)",
                                round - 1, w.k);
            goto done;
        }
        if ((status = solve_round(&w, y, cap, err)) != CLIO_OK)
            goto done;
        if (!next_set(&w, y, cap))
            break;
    }
    memcpy(x, w.x, n * sizeof *x);
    memcpy(y_met, w.ymet, n * sizeof *y_met);
    for (size_t i = 0; i < n; i++)
        binding[i] = w.in[i];
    if (rounds)
        *rounds = round;
done:
    work_free(&w);
    return status;
}
