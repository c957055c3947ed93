/* test_generate_sparse.c -- clio_generate_sparse (clio generate --sparse):
 * K entries in every column, balances to 1e-9, positive final demand,
 * productive (a dense solve gives x back), reproducible by seed, edge
 * shapes, and memory far below one n x n matrix. */
#include "clio.h"
#include "tap.h"

#include <sys/resource.h>

static clio_table *generate(size_t R, size_t S, size_t K, unsigned long long seed,
                            const char *name)
{
    clio_generate_options o = {.regions = R, .sectors = S, .seed = seed, .fd_categories = 2,
                               .satellites = 2};
    clio_error e = {0};
    const char *path = tap_scratch_path(name);
    clio_table *t = NULL;
    int status = clio_generate_sparse(&o, K, path, &e);
    if (status == CLIO_OK)
        status = clio_table_read_netcdf(path, &t, &e);
    if (status != CLIO_OK)
        tap_diag("generate %zu x %zu, K %zu: %s", R, S, K, e.message);
    return t;
}

/* the largest relative gap of the row and column balances */
static double balance_gap(const clio_table *t)
{
    size_t n = t->n;
    double *rows = calloc(n, sizeof *rows), gap = 0;
    const clio_sparse *z = t->Zs;
    for (size_t j = 0; j < n; j++) {
        double col = 0;
        for (int64_t p = z->colptr[j]; p < z->colptr[j + 1]; p++) {
            rows[z->rowind[p]] += z->values[p];
            col += z->values[p];
        }
        for (size_t k = 0; k < t->nva; k++)
            col += t->V[k + j * t->nva];
        gap = fmax(gap, fabs(col - t->x[j]) / t->x[j]);
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < t->nfd; k++)
            rows[i] += t->Y[i + k * n];
        gap = fmax(gap, fabs(rows[i] - t->x[i]) / t->x[i]);
    }
    free(rows);
    return gap;
}

static void test_generate(void)
{
    clio_table *t = generate(5, 40, 8, 3, "gen.nc");
    if (!tap_ok(t && clio_table_is_sparse(t), "generate --sparse: a sparse table reads back")) {
        clio_table_free(t);
        return;
    }
    size_t n = t->n, wrong = 0, outside = 0, home = 0;
    double lo = 1, hi = 0;
    for (size_t j = 0; j < n; j++) {
        wrong += t->Zs->colptr[j + 1] - t->Zs->colptr[j] != 8;
        double c = 0;
        for (int64_t p = t->Zs->colptr[j]; p < t->Zs->colptr[j + 1]; p++) {
            c += t->Zs->values[p] / t->x[j];
            home += t->sector_region[t->Zs->rowind[p]] == t->sector_region[j];
            outside += !(t->Zs->values[p] > 0);
        }
        lo = fmin(lo, c);
        hi = fmax(hi, c);
    }
    tap_ok(wrong == 0 && outside == 0, "8 positive entries in every column");
    tap_ok(lo >= 0.3 - 1e-12 && hi <= 0.7 + 1e-12,
           "coefficient column sums in [0.3, 0.7] (%.3f .. %.3f): productive", lo, hi);
    tap_ok(home == 6 * n, "each column: its own sector, 5 at home, 2 imports (%zu of %zu at home)",
           home, 8 * n);
    double gap = balance_gap(t);
    tap_ok(gap < 1e-9, "rows and columns balance to 1e-9 (worst %.2g)", gap);
    clio_report r = {0};
    tap_ok(clio_table_check(t, 1e-9, &r) == CLIO_OK && r.nwarnings == 0 && r.nerrors == 0,
           "clio_table_check at rtol 1e-9: no finding");
    clio_report_free(&r);
    size_t negative = 0;
    for (size_t i = 0; i < n; i++) {
        double f = 0;
        for (size_t k = 0; k < t->nfd; k++)
            f += t->Y[i + k * n];
        negative += !(f > 0);
    }
    tap_ok(negative == 0, "final demand positive in every row");

    /* the model is productive: L f = x by a dense solve */
    clio_table *d = generate(5, 40, 8, 3, "gen-again.nc");
    tap_ok(d && d->Zs->nnz == t->Zs->nnz &&
               memcmp(d->Zs->rowind, t->Zs->rowind, t->Zs->nnz * sizeof *d->Zs->rowind) == 0 &&
               memcmp(d->Zs->values, t->Zs->values, t->Zs->nnz * sizeof *d->Zs->values) == 0 &&
               memcmp(d->Y, t->Y, n * t->nfd * sizeof *d->Y) == 0,
           "the same seed gives the same table");
    clio_error e = {0};
    clio_leontief *f = NULL;
    double *b = calloc(n, sizeof *b);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < t->nfd; k++)
            b[i] += t->Y[i + k * n];
    int status = d ? clio_table_densify(d, &e) : CLIO_EINVAL;
    if (status == CLIO_OK)
        status = clio_leontief_factor(d, 0, &f, &e);
    if (status == CLIO_OK)
        status = clio_leontief_solve(f, 0, 1, b, n, &e);
    double worst = 0;
    for (size_t i = 0; status == CLIO_OK && i < n; i++)
        worst = fmax(worst, fabs(b[i] - t->x[i]) / t->x[i]);
    tap_ok(status == CLIO_OK && worst < 1e-9,
           "productive: (I - A)^-1 f = x to 1e-9 (worst %.2g)", worst);
    free(b);
    clio_leontief_free(f);
    clio_table_free(d);
    d = generate(5, 40, 8, 4, "gen-other.nc");
    tap_ok(d && (d->Zs->nnz != t->Zs->nnz ||
                 memcmp(d->Zs->values, t->Zs->values, t->Zs->nnz * sizeof *d->Zs->values) != 0),
           "another seed, another table");
    clio_table_free(d);
    clio_table_free(t);

    /* edge shapes: one region (no imports), one sector a region (no home
     * suppliers), more entries asked than rows (every column full) */
    t = generate(1, 30, 10, 1, "one-region.nc");
    tap_ok(t && t->Zs->nnz == 300 && balance_gap(t) < 1e-9, "one region: 10 a column, balanced");
    clio_table_free(t);
    t = generate(12, 1, 5, 1, "one-sector.nc");
    tap_ok(t && t->Zs->nnz == 60 && balance_gap(t) < 1e-9, "one sector a region: balanced");
    clio_table_free(t);
    t = generate(2, 3, 50, 1, "full.nc");
    tap_ok(t && t->Zs->nnz == 36 && balance_gap(t) < 1e-9, "K > n: every column full (6 of 6)");
    clio_table_free(t);
    clio_generate_options o = {2, 3, 1, 1, 1};
    tap_status(clio_generate_sparse(&o, 0, tap_scratch_path("none.nc"), &e), CLIO_EINVAL, e.message,
               "at least 1 entry", "clio_generate_sparse: K = 0 is CLIO_EINVAL");
    tap_status(clio_generate_sparse(&o, 3, NULL, &e), CLIO_EINVAL, e.message, "NULL path",
               "clio_generate_sparse: NULL path is CLIO_EINVAL");
}

/* A table far beyond n x n memory is made and read in O(n K). */
static void test_generate_memory(void)
{
    size_t R = 30, S = 1000, n = R * S;
    clio_table *t = generate(R, S, 5, 1, "large.nc");
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    double peak = (double)u.ru_maxrss * 1024.0, dense = (double)n * (double)n * 8.0;
    tap_ok(t && t->Zs->nnz == 5 * n && balance_gap(t) < 1e-9,
           "n = %zu, 5 a column: generated, read back, balanced", n);
    tap_ok(peak < dense / 20, "peak memory %.0f MiB, well below one n x n matrix (%.0f MiB)",
           peak / 1048576.0, dense / 1048576.0);
    clio_table_free(t);
}

int main(void)
{
    tap_scratch_begin("generate-sparse");
    test_generate();
    test_generate_memory();
    tap_scratch_end();
    return tap_done();
}
