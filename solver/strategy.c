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
 *   4. else the cheaper iterative method -- the series (only when
 *      ||A|| < 1 in the 1- or max-norm) or GMRES -- when its estimated cost
 *      (the passes from a few power steps, see the cost model below) is
 *      below LU's; else LU.  When LU does not fit the budget, the candidate (or the
 *      other iterative method) whatever its cost.
 * Sparse tables (t->Zs) have their own rule, choose_sparse below
 * (docs/methods-sparse.md). */
#include "factor.h"
#include "krylov.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CLIOI_AUTO_MIN_N 1000
#define POWER_STEPS 6
/* The cost model, in reads of the n x n matrix (one matrix-vector product):
 * dgetrf costs about n / 50 of them at ~90% of dgemm (2n^3/3 flops against
 * 8n^2 bytes at the memory bandwidth, PERFORMANCE.md; 86 reads measured at
 * n = 4000), more where it runs below that (lu_reads); a series pass with r right-hand sides costs max(1, r / 7)
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

/* dgetrf's cost in reads: n / 50 at 90% of dgemm, scaled by its measured
 * share of dgemm at this size (PERFORMANCE.md: 47% at n = 1000, 63% at
 * 2000, 89% at 4000, 93% at 8000; interpolated). */
static double lu_reads(double n)
{
    static const double size[] = {1000, 2000, 4000, 8000}, share[] = {0.47, 0.63, 0.89, 0.93};
    double e = share[0];
    for (int k = 0; k < 3; k++)
        if (n >= size[k])
            e = n >= size[k + 1] ? share[k + 1]
                                 : share[k] + (share[k + 1] - share[k]) * (n - size[k]) /
                                                  (size[k + 1] - size[k]);
    return n / LU_READS_PER_N * 0.9 / fmin(e, 0.9);
}
/* lu-mixed (mixed_lu.c) replaces LU from this size on, where sgetrf runs at
 * about twice dgetrf's rate (n = 9,800: 3.3 s against 6.5 s); each solve
 * adds about MIXED_STEPS residual products (one pass each). */
#define MIXED_MIN_N 4000
#define MIXED_SPEEDUP 2.0
#define MIXED_STEPS 3.0

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

static const char *const method_names[] = {"auto",   "lu",        "series",
                                           "krylov", "sparse-lu", "lu-mixed"};
#define NMETHODS 6

int clio_method_parse(const char *name)
{
    for (int m = 0; m < NMETHODS; m++)
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
        snprintf(buf, size, "lu (n = %zu, rcond %.3g)%s", f->n, f->rcond, f->choice);
        return;
    }
    if (f->method == CLIO_METHOD_MIXED_LU) {
        if (!s || s->solves == 0)
            snprintf(buf, size, "lu-mixed (n = %zu, rcond %.3g, no solve yet)%s", f->n,
                     f->rcond, f->choice);
        else
            snprintf(buf, size,
                     "lu-mixed (n = %zu, rcond %.3g, single-precision LU refined in double: "
                     "%zu steps at most, last correction %.2g)%s",
                     f->n, f->rcond, s->passes_max, s->bound_max, f->choice);
        return;
    }
    if (f->method == CLIO_METHOD_SPARSE_LU) {
        char what[160] = "";
        if (f->slu)
            clioi_sparse_lu_describe(f->slu, what, sizeof what);
        snprintf(buf, size, "sparse-lu UMFPACK (n = %zu, %s, rcond %.3g)%s", f->n, what,
                 f->rcond, f->choice);
        return;
    }
    const char *name = f->method == CLIO_METHOD_SERIES ? "series" : "krylov GMRES";
    if (!s || s->solves == 0) {
        snprintf(buf, size, "%s (n = %zu, ||A||_1 = %.4g, ||A||_inf = %.4g, no solve yet)%s",
                 name, f->n, f->colmax, f->rowmax, f->choice);
        return;
    }
    snprintf(buf, size,
             "%s (n = %zu, ||A||_1 = %.4g, ||A||_inf = %.4g, %zu %s at most, relative error "
             "bound %.2g%s)%s",
             name, f->n, f->colmax, f->rowmax, s->passes_max,
             f->method == CLIO_METHOD_SERIES ? "passes" : "matrix products", s->bound_max,
             s->rigorous ? "" : " (residual with a safety margin)", f->choice);
}

double clioi_table_nnz(const clio_table *t)
{
    return t->Z || !t->Zs ? (double)t->n * (double)t->n : (double)t->Zs->nnz;
}

/* Bytes of Z: n^2 doubles, or the CSC arrays of a sparse table. */
static double z_bytes(const clio_table *t)
{
    double n = (double)t->n;
    return t->Z || !t->Zs ? 8.0 * n * n : 16.0 * clioi_table_nnz(t) + 8.0 * (n + 1);
}

/* Bytes of the table's own matrices (Z counted whether or not consumed:
 * the factor or A then lives in its memory). */
static double table_bytes(const clio_table *t)
{
    double n = (double)t->n;
    return z_bytes(t) + 8.0 * (n * (double)t->nfd + (double)t->nva * n + n +
                               (double)t->nsat * n + (double)t->nsat * (double)t->nfd);
}

double clioi_method_memory(const clio_table *t, unsigned flags, int method, size_t rhs,
                           const clioi_sparse_estimate *est)
{
    double n = (double)t->n, r = (double)(rhs ? rhs : 1);
    double block = r < 64 ? r : 64, m = n < 30 ? n : 30;
    double need = table_bytes(t) + 8.0 * n * r; /* the caller's right-hand sides */
    int consume = (flags & CLIO_FACTOR_CONSUME_Z) != 0, sparse = !t->Z && t->Zs;
    switch (method) {
    case CLIO_METHOD_LU: return need + (consume && !sparse ? 0 : 8.0 * n * n) + 40.0 * n;
    case CLIO_METHOD_SERIES: return need + 8.0 * n * block * (consume ? 2 : 3) + 8.0 * n;
    case CLIO_METHOD_KRYLOV: { /* lockstep GMRES: per column of the block (m + 5) n doubles and H */
        double w = (double)clioi_krylov_width(t->n, rhs ? rhs : 1);
        return need + w * (8.0 * n * (m + 5) + 8.0 * (m + 1) * (m + 3));
    }
    case CLIO_METHOD_MIXED_LU: /* the float factor; A lives in Z's memory or is Z itself */
        return need + 4.0 * n * n + 8.0 * n * fmin(r, CLIOI_MIXED_CHUNK) * 5 + 16.0 * n;
    default: {
        /* I - A in CSC is built while Z is held; a consumed Z is freed
         * before UMFPACK's numeric peak; each solve holds 7n words. */
        double matrix = est ? est->matrix_bytes : 16.0 * (clioi_table_nnz(t) + n) + 8.0 * n;
        double peak = est ? est->peak_bytes : 0.0;
        double numeric = need - (consume ? z_bytes(t) : 0.0) + matrix + peak + 56.0 * n;
        return fmax(need + matrix, numeric);
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

/* The sparse LU's memory after its symbolic analysis (kept in f->slu);
 * analysed only when the matrix itself fits. */
static int analyse_sparse(const clio_table *t, unsigned flags, const clio_leontief_options *o,
                          clio_leontief *f, double *need, clio_error *err)
{
    *need = clioi_method_memory(t, flags, CLIO_METHOD_SPARSE_LU, o->rhs, NULL);
    if (*need > (double)o->memory_limit)
        return CLIO_OK;
    int status = f->slu ? CLIO_OK : clioi_sparse_lu_analyse(t, &f->slu, err);
    if (status != CLIO_OK)
        return status;
    clioi_sparse_estimate est;
    clioi_sparse_lu_estimate(f->slu, &est);
    *need = clioi_method_memory(t, flags, CLIO_METHOD_SPARSE_LU, o->rhs, &est);
    return CLIO_OK;
}

/* Seconds, by the cost model of docs/methods-sparse.md ("The automatic
 * choice"), of each method on a sparse table with nnz non-zeros: the
 * iterative ones by passes x columns x non-zeros (grouping columns in the
 * CSC product saved little: its scattered accesses, not the matrix, are
 * the cost), GMRES adds its Gram-Schmidt work on n-vectors; UMFPACK by its
 * flop estimate and the entries of L and U each solve reads; dense LU by
 * dgetrf's flops.  Rates measured on the development machine (2 vCPUs,
 * loaded; PERFORMANCE.md) on random MRIO-like tables, n = 1,000-100,000. */
#define SECONDS_PER_NNZ 2.5e-9     /* one entry of a 1-column CSC product, n = 1e5 */
#define SECONDS_PER_VECTOR 1e-9    /* one n-vector element touched (axpy, dot) */
#define SPARSE_LU_FLOPS 1e10       /* UMFPACK against its own flop estimate */
#define SECONDS_PER_LU_ENTRY 4e-9  /* a solve with refinement, per entry of L + U */
#define SYMBOLIC_PER_NNZ 5e-7      /* the analysis costs at least this per entry */
#define DENSE_LU_FLOPS 30e9        /* dgetrf, n of a few thousand */
#define SPARSE_DENSE_MAX_N 6000    /* dense LU of a sparse table only when small */
/* UMFPACK's symbolic analysis itself grows with the fill it finds: 0.05 s
 * at n = 3,000 but 56 s at n = 100,000 on trade-linked tables (15 s of it
 * AMD's ordering alone), so larger tables are analysed only when no
 * iterative method can run, or when their regions trade with few others
 * (nearly block diagonal: 1.2 s and 3.9x fill at n = 100,000). */
#define SPARSE_ANALYSE_MAX_N 20000
#define FEW_TRADE_PARTNERS 8.0
/* Right-hand sides assumed when the caller does not say (rhs = 0: many). */
#define RHS_UNKNOWN 64.0

static double iterative_seconds(int method, double passes, double r, double n, double nnz)
{
    if (method == CLIO_METHOD_SERIES)
        return passes * r * (nnz * SECONDS_PER_NNZ + 3.0 * n * SECONDS_PER_VECTOR);
    double m = n < 30 ? n : 30; /* GMRES: half the passes, m / 2 basis vectors each */
    return r * passes * GMRES_PASS_SHARE *
           (nnz * SECONDS_PER_NNZ + (m + 4.0) * n * SECONDS_PER_VECTOR);
}

static void put_seconds(char *buf, size_t size, const char *name, double s)
{
    size_t len = strlen(buf);
    if (isfinite(s))
        snprintf(buf + len, size - len, "%s %s %.2g s", len ? "," : "; auto:", name, s);
    else
        snprintf(buf + len, size - len, "%s %s -", len ? "," : "; auto:", name);
}

/* Trade partners per region: pairs (region of a column, another region
 * selling to it), counted once per run of columns of one region (so an
 * upper bound when a region's columns are not contiguous), over regions.
 * Few partners keep UMFPACK's fill near that of the domestic blocks. */
static double trade_partners(const clio_table *t)
{
    const clio_sparse *z = t->Zs;
    size_t R = t->nregions, pairs = 0, prev = CLIO_NONE;
    size_t *seen = clioi_calloc_array(R ? R : 1, sizeof *seen);
    if (!seen || R == 0) {
        free(seen);
        return INFINITY;
    }
    size_t stamp = 0;
    for (size_t j = 0; j < t->n; j++) {
        size_t r = t->sector_region[j];
        if (r != prev) { /* a new run of columns of region r */
            stamp++;
            prev = r;
        }
        for (int64_t p = z->colptr[j]; p < z->colptr[j + 1]; p++) {
            size_t q = t->sector_region[z->rowind[p]];
            if (q != r && q < R && seen[q] != stamp) {
                seen[q] = stamp;
                pairs++;
            }
        }
    }
    free(seen);
    return (double)pairs / (double)R;
}

/* The cheaper iterative method that fits the budget (the series only with
 * its a-priori bound, ||A|| < 1, or when GMRES does not fit), its seconds
 * in *t (INFINITY: neither; then `cand`). */
static int cheaper_iterative(const clio_leontief *f, int cand, const double *need, double limit,
                             size_t passes, double r, double n, double nnz, double *t)
{
    double series = INFINITY, krylov = INFINITY;
    int krylov_fits = need[CLIO_METHOD_KRYLOV] <= limit;
    if (passes != (size_t)-1 && (fmin(f->colmax, f->rowmax) < 1 || !krylov_fits) &&
        need[CLIO_METHOD_SERIES] <= limit)
        series = iterative_seconds(CLIO_METHOD_SERIES, (double)passes, r, n, nnz);
    if (passes != (size_t)-1 && krylov_fits)
        krylov = iterative_seconds(CLIO_METHOD_KRYLOV, (double)passes, r, n, nnz);
    *t = fmin(series, krylov);
    return isfinite(*t) ? (series <= krylov ? CLIO_METHOD_SERIES : CLIO_METHOD_KRYLOV) : cand;
}

/* choose_sparse -- the automatic choice for a sparse table: the cheapest
 * by the cost model of the methods that fit the budget, iterating without
 * analysis when the series or GMRES costs less than UMFPACK's analysis
 * alone would, or when n > SPARSE_ANALYSE_MAX_N, iteration can run and
 * regions trade with more than FEW_TRADE_PARTNERS others on average;
 * dense LU only when n is small.  Unknown right-hand sides (rhs 0) count
 * as RHS_UNKNOWN. */
static int choose_sparse(const clio_table *t, unsigned flags, const clio_leontief_options *o,
                         clio_leontief *f, const double *need, double *work, clio_error *err)
{
    size_t n = t->n;
    double limit = (double)o->memory_limit, nnz = clioi_table_nnz(t), dn = (double)n;
    double r = o->rhs ? (double)o->rhs : RHS_UNKNOWN;
    int cand = fmin(f->colmax, f->rowmax) < 1 ? CLIO_METHOD_SERIES : CLIO_METHOD_KRYLOV;
    if (need[cand] > limit)
        cand = cand == CLIO_METHOD_SERIES ? CLIO_METHOD_KRYLOV : CLIO_METHOD_SERIES;
    double rho = n ? spectral_estimate(f, work, work + n, work + 2 * n) : 0;
    size_t passes = clioi_passes_estimate(rho, o->tolerance);
    double t_iter = INFINITY, t_slu = INFINITY, t_lu = INFINITY;
    double need_slu = clioi_method_memory(t, flags, CLIO_METHOD_SPARSE_LU, o->rhs, NULL);
    cand = cheaper_iterative(f, cand, need, limit, passes, r, dn, nnz, &t_iter);
    int iter_fits = need[cand] <= limit;
    if (!(t_iter < SYMBOLIC_PER_NNZ * (nnz + dn)) &&
        (n <= SPARSE_ANALYSE_MAX_N || !isfinite(t_iter) ||
         trade_partners(t) <= FEW_TRADE_PARTNERS)) {
        int status = analyse_sparse(t, flags, o, f, &need_slu, err);
        if (status != CLIO_OK && status != CLIO_ENOMEM)
            return status;
        if (status == CLIO_OK && f->slu && need_slu <= limit) {
            clioi_sparse_estimate est;
            clioi_sparse_lu_estimate(f->slu, &est);
            t_slu = est.flops / SPARSE_LU_FLOPS + r * est.lu_entries * SECONDS_PER_LU_ENTRY;
        }
    }
    if (n <= SPARSE_DENSE_MAX_N && need[CLIO_METHOD_LU] <= limit)
        t_lu = 2.0 / 3.0 * dn * dn * dn / DENSE_LU_FLOPS + r * 2.0 * dn * dn / DENSE_LU_FLOPS;
    f->choice[0] = '\0';
    put_seconds(f->choice, sizeof f->choice, method_names[cand], t_iter);
    put_seconds(f->choice, sizeof f->choice, "sparse-lu", t_slu);
    put_seconds(f->choice, sizeof f->choice, "lu", t_lu);
    if (isfinite(t_slu) && t_slu <= t_iter && t_slu <= t_lu)
        f->method = CLIO_METHOD_SPARSE_LU;
    else if (isfinite(t_lu) && t_lu < t_iter)
        f->method = CLIO_METHOD_LU;
    else if (iter_fits) /* cheapest, or the only one that fits */
        f->method = cand;
    else
        return clioi_fail(err, CLIO_ENOMEM,
                          "no method fits the memory limit of %.3g MB: the series needs about "
                          "%.3g MB, GMRES %.3g MB, sparse-lu %.3g MB%s, dense LU %.3g MB",
                          limit / 1e6, need[CLIO_METHOD_SERIES] / 1e6,
                          need[CLIO_METHOD_KRYLOV] / 1e6, need_slu / 1e6,
                          f->slu ? " (UMFPACK's estimate)" : " at least",
                          need[CLIO_METHOD_LU] / 1e6);
    return CLIO_OK;
}

/* The method the cost model prefers for `passes` series passes: the
 * series (only when ||A|| < 1, cand SERIES: its a-priori bound) or GMRES
 * (about half the passes, so it usually wins even then; the check solves
 * only count when ||A|| >= 1), when cheaper than the dense factorisation
 * (LU or lu-mixed) and within the budget; else the factorisation. */
static int cheaper_method(const clio_leontief_options *o, size_t n, int cand, int mixed,
                          const double *need, double limit, size_t passes)
{
    int dense = mixed ? CLIO_METHOD_MIXED_LU : CLIO_METHOD_LU;
    if (passes == (size_t)-1)
        return dense;
    double r = (double)o->rhs, p = (double)passes;
    double lu = mixed ? lu_reads((double)n) / MIXED_SPEEDUP +
                            MIXED_STEPS * fmax(1.0, r / BLOCK_COLUMNS_PER_READ)
                      : lu_reads((double)n);
    double w = (double)clioi_krylov_width(n, o->rhs);
    double checks = cand == CLIO_METHOD_SERIES ? 0.0 : GMRES_CHECK_SOLVES;
    double series = cand == CLIO_METHOD_SERIES ? p * fmax(1.0, r / BLOCK_COLUMNS_PER_READ)
                                               : INFINITY;
    double krylov = p * GMRES_PASS_SHARE *
                    (fmax(1.0, r / w) * fmax(1.0, w / BLOCK_COLUMNS_PER_READ) + checks);
    int best = series <= krylov ? CLIO_METHOD_SERIES : CLIO_METHOD_KRYLOV;
    if (fmin(series, krylov) < lu && need[best] <= limit)
        return best;
    if (need[cand] <= limit && (cand == CLIO_METHOD_SERIES ? series : krylov) < lu)
        return cand;
    return dense;
}

int clioi_strategy_choose(const clio_table *t, unsigned flags, const clio_leontief_options *o,
                          clio_leontief *f, double *work, clio_error *err)
{
    size_t n = t->n;
    double limit = (double)o->memory_limit;
    double need[NMETHODS] = {0};
    for (int m = 1; m <= 3; m++)
        need[m] = clioi_method_memory(t, flags, m, o->rhs, NULL);
    need[CLIO_METHOD_MIXED_LU] = clioi_method_memory(t, flags, CLIO_METHOD_MIXED_LU, o->rhs, NULL);
    int sparse = !t->Z && t->Zs;
    int method = o->method;
    if (method != CLIO_METHOD_AUTO) {
        if (o->needs_lu && method != CLIO_METHOD_LU)
            return clioi_fail(err, CLIO_EINVAL,
                              "this analysis needs the LU factor of I - A: the %s method "
                              "cannot give it (use --method lu or auto)",
                              method_names[method]);
        if (method == CLIO_METHOD_MIXED_LU && sparse)
            return clioi_fail(err, CLIO_EINVAL,
                              "lu-mixed needs a dense table: use --method lu or sparse-lu "
                              "(or clio convert --dense)");
        if (method == CLIO_METHOD_SPARSE_LU) {
            int status = analyse_sparse(t, flags, o, f, &need[method], err);
            if (status != CLIO_OK)
                return status;
        }
        if (need[method] > limit)
            return clioi_fail(err, CLIO_ENOMEM,
                              "the %s method needs about %.0f MB (the table%s and its work%s), "
                              "over the memory limit of %.0f MB",
                              method_names[method], need[method] / 1e6,
                              sparse && method == CLIO_METHOD_LU
                                  ? ", a dense n x n I - A of the sparse table"
                                  : "",
                              method == CLIO_METHOD_SPARSE_LU && f->slu ? ": UMFPACK's estimate"
                                                                          : "",
                              limit / 1e6);
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
    if (sparse)
        return choose_sparse(t, flags, o, f, need, work, err);
    /* the dense factorisation: LU, or lu-mixed for large tables */
    int mixed = n >= MIXED_MIN_N && need[CLIO_METHOD_MIXED_LU] <= limit;
    int dense = mixed ? CLIO_METHOD_MIXED_LU : CLIO_METHOD_LU;
    int lu_fits = need[dense] <= limit;
    if (lu_fits && (n < CLIOI_AUTO_MIN_N || o->rhs == 0)) {
        f->method = dense;
        return CLIO_OK;
    }
    /* The candidate iterative method, by the norms of A. */
    int cand = fmin(f->colmax, f->rowmax) < 1 ? CLIO_METHOD_SERIES : CLIO_METHOD_KRYLOV;
    if (!lu_fits) {
        /* GMRES first (about half the passes), the series when GMRES's
         * basis does not fit */
        if (need[CLIO_METHOD_KRYLOV] <= limit)
            cand = CLIO_METHOD_KRYLOV;
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
    /* The passes: first the a-priori bound from ||A|| < 1 (free); the power
     * steps (6 products) only when that bound does not already make the
     * iteration the cheaper. */
    double c = fmin(f->colmax, f->rowmax);
    int chosen = c < 1 ? cheaper_method(o, n, cand, mixed, need, limit,
                                        clioi_passes_estimate(c, o->tolerance))
                       : dense;
    if (chosen == dense) {
        double rho = spectral_estimate(f, work, work + n, work + 2 * n);
        chosen = cheaper_method(o, n, cand, mixed, need, limit,
                                clioi_passes_estimate(rho, o->tolerance));
    }
    f->method = chosen;
    return CLIO_OK;
}
