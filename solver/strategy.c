/* strategy.c -- which method solves with I - A (docs/methods-solvers.md,
 * "The automatic choice"), the memory each would hold, and the one-line
 * description of a factor that -v prints and NetCDF results record as
 * their clio_method attribute (a process-wide note, like the provenance).
 *
 * The rule, from the measurements in PERFORMANCE.md:
 *   1. an analysis that reads the LU factor itself gets LU;
 *   2. methods whose memory estimate exceeds the budget are out (none
 *      left: CLIO_ENOMEM with the numbers);
 *   3. LU when n < CLIOI_AUTO_MIN_N or the number of right-hand sides is
 *      unknown (factorising wins after about 6-8 separate solves);
 *   4. else the candidate -- the series when ||A|| < 1 in the 1- or
 *      max-norm, otherwise GMRES -- when its estimated cost (the passes
 *      from a few power steps, see the cost model below) is below LU's;
 *      else LU.  When LU does not fit the budget, the candidate (or the
 *      other iterative method) whatever its cost. */
#include "factor.h"
#include "krylov.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define CLIOI_AUTO_MIN_N 2000
#define POWER_STEPS 6
/* The cost model, in reads of the n x n matrix (one matrix-vector product):
 * dgetrf costs about n / 50 of them (2n^3/3 flops at ~90% of dgemm against
 * 8n^2 bytes at the memory bandwidth, PERFORMANCE.md; 86 reads measured at
 * n = 4000); a series pass with r right-hand sides costs max(1, r / 7)
 * (dgemm with few columns is bandwidth-bound: 14 columns took 1.9 reads
 * at n = 4000); lockstep GMRES advances up to w = clioi_krylov_width
 * columns with one product of the block, each costing max(1, w / 7) reads
 * like a series pass, and needs about half the series' passes per column
 * (block products of the slowest column over series passes, measured with
 * 1-100 right-hand sides both ways: 0.27 Germany, 0.52-0.67 UK 2010,
 * 0.40-0.51 WIOD 2011, 0.41-0.48 a generated n = 2000; 25 vs 46 at
 * n = 4000); r > w columns take about r / w times as many block products
 * (slots are refilled: 88 for 100 columns on WIOD against 29 for 32).
 * Plus two 1-column solves of the productivity check (GMRES is only the
 * candidate when ||A|| >= 1, where that check runs). */
#define LU_READS_PER_N 50.0
#define BLOCK_COLUMNS_PER_READ 7.0
#define GMRES_PASS_SHARE 0.5
#define GMRES_CHECK_SOLVES 2.0

static char solver_note[256];

const char *clioi_solver_note(void)
{
    return solver_note[0] ? solver_note : NULL;
}

void clioi_solver_note_update(const clio_leontief *f)
{
    clio_leontief_describe(f, solver_note, sizeof solver_note);
}

unsigned long long clio_memory_physical(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    if (pages <= 0 || size <= 0)
        return 0;
    return (unsigned long long)pages * (unsigned long long)size;
}

static const char *const method_names[] = {"auto", "lu", "series", "krylov"};

int clio_method_parse(const char *name)
{
    for (int m = 0; m < 4; m++)
        if (name && strcmp(name, method_names[m]) == 0)
            return m;
    return -1;
}

const char *clio_leontief_method(const clio_leontief *f)
{
    return method_names[f->method];
}

void clio_leontief_describe(const clio_leontief *f, char *buf, size_t size)
{
    const clioi_solve_stats *s = f->stats;
    if (f->method == CLIO_METHOD_LU) {
        snprintf(buf, size, "lu (n = %zu, rcond %.3g)", f->n, f->rcond);
        return;
    }
    const char *name = f->method == CLIO_METHOD_SERIES ? "series" : "krylov GMRES";
    if (!s || s->solves == 0) {
        snprintf(buf, size, "%s (n = %zu, ||A||_1 = %.4g, ||A||_inf = %.4g, no solve yet)", name,
                 f->n, f->colmax, f->rowmax);
        return;
    }
    snprintf(buf, size,
             "%s (n = %zu, ||A||_1 = %.4g, ||A||_inf = %.4g, %zu %s at most, relative error "
             "bound %.2g%s)",
             name, f->n, f->colmax, f->rowmax, s->passes_max,
             f->method == CLIO_METHOD_SERIES ? "passes" : "matrix products", s->bound_max,
             s->rigorous ? "" : " (residual with a safety margin)");
}

/* Bytes of the table's own matrices (Z counted whether or not consumed:
 * the factor or A then lives in its memory). */
static double table_bytes(const clio_table *t)
{
    double n = (double)t->n;
    return 8.0 * (n * n + n * (double)t->nfd + (double)t->nva * n + n + (double)t->nsat * n +
                  (double)t->nsat * (double)t->nfd);
}

double clioi_method_memory(const clio_table *t, unsigned flags, int method, size_t rhs)
{
    double n = (double)t->n, r = (double)(rhs ? rhs : 1);
    double block = r < 64 ? r : 64, m = n < 30 ? n : 30;
    double need = table_bytes(t) + 8.0 * n * r; /* the caller's right-hand sides */
    int consume = (flags & CLIO_FACTOR_CONSUME_Z) != 0;
    switch (method) {
    case CLIO_METHOD_LU: return need + (consume ? 0 : 8.0 * n * n) + 40.0 * n;
    case CLIO_METHOD_SERIES: return need + 8.0 * n * block * (consume ? 2 : 3) + 8.0 * n;
    default: { /* lockstep GMRES: per column of the block (m + 5) n doubles and H */
        double w = (double)clioi_krylov_width(t->n, rhs ? rhs : 1);
        return need + w * (8.0 * n * (m + 5) + 8.0 * (m + 1) * (m + 3));
    }
    }
}

/* rho(A) estimated by a few power steps from the positive vector 1 (the
 * largest of the last two growth ratios; exact for A >= 0 with equal
 * column sums).  v and w are n values each. */
static double spectral_estimate(const clio_leontief *f, double *v, double *w, double *s)
{
    size_t n = f->n;
    for (size_t i = 0; i < n; i++)
        v[i] = 1.0;
    double prev = 0, ratio = 0;
    for (int k = 0; k < POWER_STEPS; k++) {
        double vn = clioi_vector_norm(v, n, 0);
        clioi_apply_a(f, 0, 1, v, w, s);
        double wn = clioi_vector_norm(w, n, 0);
        prev = ratio;
        ratio = vn > 0 ? wn / vn : 0;
        if (wn == 0)
            return 0;
        for (size_t i = 0; i < n; i++)
            v[i] = w[i] / wn;
    }
    return ratio > prev ? ratio : prev;
}

size_t clioi_passes_estimate(double rho, double tol)
{
    if (!(rho > 0))
        return 1;
    if (rho >= 1)
        return (size_t)-1;
    return (size_t)ceil(log(tol * (1 - rho)) / log(rho)) + 1;
}

int clioi_strategy_choose(const clio_table *t, unsigned flags, const clio_leontief_options *o,
                          clio_leontief *f, double *work, clio_error *err)
{
    size_t n = t->n;
    double limit = (double)o->memory_limit;
    double need[4];
    for (int m = 1; m <= 3; m++)
        need[m] = clioi_method_memory(t, flags, m, o->rhs);
    int method = o->method;
    if (method != CLIO_METHOD_AUTO) {
        if (o->needs_lu && method != CLIO_METHOD_LU)
            return clioi_fail(err, CLIO_EINVAL,
                              "this analysis needs the LU factor of I - A: the %s method "
                              "cannot give it (use --method lu or auto)",
                              method_names[method]);
        if (need[method] > limit)
            return clioi_fail(err, CLIO_ENOMEM,
                              "the %s method needs about %.0f MB (the table and its work), "
                              "over the memory limit of %.0f MB",
                              method_names[method], need[method] / 1e6, limit / 1e6);
        f->method = method;
        return CLIO_OK;
    }
    if (o->needs_lu) {
        if (need[CLIO_METHOD_LU] > limit)
            return clioi_fail(err, CLIO_ENOMEM,
                              "this analysis needs the LU factor: about %.0f MB, over the "
                              "memory limit of %.0f MB",
                              need[CLIO_METHOD_LU] / 1e6, limit / 1e6);
        f->method = CLIO_METHOD_LU;
        return CLIO_OK;
    }
    int lu_fits = need[CLIO_METHOD_LU] <= limit;
    if (lu_fits && (n < CLIOI_AUTO_MIN_N || o->rhs == 0)) {
        f->method = CLIO_METHOD_LU;
        return CLIO_OK;
    }
    /* The candidate iterative method, by the norms of A. */
    int cand = fmin(f->colmax, f->rowmax) < 1 ? CLIO_METHOD_SERIES : CLIO_METHOD_KRYLOV;
    if (!lu_fits) {
        if (need[cand] > limit) {
            int other = cand == CLIO_METHOD_SERIES ? CLIO_METHOD_KRYLOV : CLIO_METHOD_SERIES;
            if (need[other] > limit)
                return clioi_fail(err, CLIO_ENOMEM,
                                  "no method fits the memory limit of %.0f MB: LU needs about "
                                  "%.0f MB, the series %.0f MB, GMRES %.0f MB",
                                  limit / 1e6, need[CLIO_METHOD_LU] / 1e6,
                                  need[CLIO_METHOD_SERIES] / 1e6, need[CLIO_METHOD_KRYLOV] / 1e6);
            cand = other;
        }
        f->method = cand;
        return CLIO_OK;
    }
    double rho = spectral_estimate(f, work, work + n, work + 2 * n);
    size_t passes = clioi_passes_estimate(rho, o->tolerance);
    f->method = CLIO_METHOD_LU;
    if (passes != (size_t)-1) {
        double r = (double)o->rhs, p = (double)passes;
        double lu = (double)n / LU_READS_PER_N;
        double w = (double)clioi_krylov_width(n, o->rhs);
        double cost = cand == CLIO_METHOD_SERIES
                          ? p * fmax(1.0, r / BLOCK_COLUMNS_PER_READ)
                          : p * GMRES_PASS_SHARE *
                                (fmax(1.0, r / w) * fmax(1.0, w / BLOCK_COLUMNS_PER_READ) +
                                 GMRES_CHECK_SOLVES);
        if (cost < lu)
            f->method = cand;
    }
    return CLIO_OK;
}
