/* test_generate.c -- clio_generate: the file reads back as a clio table
 * with the promised shape and labels, balances to 1e-9, is productive
 * (L f = x), keeps its documented properties (column sums in [0.3, 0.7],
 * dense domestic and sparse trade blocks), is the same for the same seed
 * and different for another, and every refusal.  TAP output for prove. */
#include "clio.h"
#include "tap.h"

#include <dirent.h>
#include <stdint.h>

static void path_in(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", tap_dir, name);
}

static int count_tmp_files(const char *dir)
{
    int count = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)))
        count += strstr(e->d_name, ".tmp.") != NULL;
    if (d)
        closedir(d);
    return count;
}

/* make -- generate and read back; NULL (and a failed check) on error. */
static clio_table *make(size_t R, size_t S, unsigned long long seed, size_t K, size_t M,
                        const char *name)
{
    char path[256];
    path_in(path, sizeof path, name);
    clio_generate_options o = {R, S, seed, K, M};
    clio_error err = {0};
    int status = clio_generate(&o, path, &err);
    clio_table *t = NULL;
    if (status == CLIO_OK)
        status = clio_table_read(path, &t, &err);
    if (!tap_ok(status == CLIO_OK, "%zu x %zu, seed %llu: generated and read back", R, S, seed))
        printf("# %s\n", err.message);
    return t;
}

/* FNV-1a over the bytes of the numbers: a checksum of the values. */
static uint64_t fnv(uint64_t h, const double *v, size_t count)
{
    const unsigned char *b = (const unsigned char *)v;
    for (size_t k = 0; k < count * sizeof *v; k++)
        h = (h ^ b[k]) * UINT64_C(0x100000001B3);
    return h;
}

static uint64_t checksum(const clio_table *t)
{
    uint64_t h = UINT64_C(0xCBF29CE484222325);
    h = fnv(h, t->Z, t->n * t->n);
    h = fnv(h, t->Y, t->n * t->nfd);
    h = fnv(h, t->V, t->nva * t->n);
    h = fnv(h, t->S, t->nsat * t->n);
    return fnv(h, t->x, t->n);
}

/* worst relative error of the row (Z 1 + Y 1 = x) and column
 * (1'Z + 1'V = x') balances */
static double balance_error(const clio_table *t)
{
    size_t n = t->n;
    double worst = 0.0;
    for (size_t i = 0; i < n; i++) {
        double row = 0.0, col = 0.0;
        for (size_t j = 0; j < n; j++) {
            row += t->Z[i + j * n];
            col += t->Z[j + i * n];
        }
        for (size_t k = 0; k < t->nfd; k++)
            row += t->Y[i + k * n];
        for (size_t r = 0; r < t->nva; r++)
            col += t->V[r + i * t->nva];
        double e = fmax(fabs(row - t->x[i]), fabs(col - t->x[i])) / t->x[i];
        worst = fmax(worst, e);
    }
    return worst;
}

static void test_shape_and_labels(void)
{
    clio_table *t = make(4, 6, 7, 3, 3, "shape.nc");
    if (!t) {
        tap_skip(8, "no table");
        return;
    }
    tap_ok(t->n == 24 && t->nregions == 4 && t->nfd == 12 && t->nva == 3 && t->nsat == 3,
           "n = R S = 24, 4 regions, R K = 12 final-demand columns, 3 value-added rows, 3 "
           "satellites");
    char key[64];
    clio_table_sector_key(t, 9, key, sizeof key);
    tap_ok(strcmp(key, "R02|s04") == 0 && t->sector_region[9] == 1,
           "sector 10 is R02|s04 (region-major order), got %s", key);
    tap_ok(strcmp(t->fd_names[0], "household_consumption") == 0 && t->fd_region[0] == 0 &&
               strcmp(t->fd_names[5], "government_consumption") == 0 && t->fd_region[5] == 1,
           "final demand: WIOD's categories, K per region");
    tap_ok(strcmp(t->va_names[0], "compensation_of_employees") == 0 &&
               strcmp(t->va_names[2], "taxes_on_production") == 0,
           "value-added rows named");
    tap_ok(strcmp(t->sat_names[0], "employment") == 0 && strcmp(t->sat_units[0], "1000 persons") == 0 &&
               strcmp(t->sat_names[1], "co2") == 0 && strcmp(t->sat_names[2], "energy") == 0,
           "satellites employment, co2, energy with units");
    int nonneg = 1;
    for (size_t k = 0; k < t->n * t->n; k++)
        nonneg &= t->Z[k] >= 0.0;
    for (size_t k = 0; k < t->n * t->nfd; k++)
        nonneg &= t->Y[k] >= 0.0;
    for (size_t k = 0; k < t->n * t->nva; k++)
        nonneg &= t->V[k] >= 0.0;
    for (size_t k = 0; k < t->n * t->nsat; k++)
        nonneg &= t->S[k] > 0.0;
    tap_ok(nonneg, "Z, Y, V >= 0 and satellites > 0");
    clio_report rep = {0};
    int status = clio_table_check(t, 1e-9, &rep);
    tap_ok(status == CLIO_OK && rep.nwarnings == 0 && rep.nerrors == 0,
           "clio_table_check at rtol 1e-9: no error, no warning");
    clio_report_free(&rep);
    tap_ok(strstr(t->title, "4 regions x 6 sectors, seed 7") != NULL, "title says what it is");
    clio_table_free(t);
}

/* Balances and productivity, with an identity: L (Y 1) = x. */
static void test_balance_and_productive(size_t R, size_t S, unsigned long long seed)
{
    char name[64];
    snprintf(name, sizeof name, "bal-%zu-%zu.nc", R, S);
    clio_table *t = make(R, S, seed, 2, 1, name);
    if (!t) {
        tap_skip(3, "no table");
        return;
    }
    double e = balance_error(t);
    if (!tap_ok(e <= 1e-9, "%zu x %zu: rows and columns balance to 1e-9 relative", R, S))
        printf("# worst relative error %.3g\n", e);
    size_t n = t->n;
    double *f = calloc(n, sizeof *f);
    for (size_t i = 0; f && i < n; i++)
        for (size_t k = 0; k < t->nfd; k++)
            f[i] += t->Y[i + k * n];
    clio_leontief *L = NULL;
    clio_error err = {0};
    int status = f ? clio_leontief_factor(t, 0, &L, &err) : CLIO_ENOMEM;
    tap_ok(status == CLIO_OK, "%zu x %zu: productive (I - A factors, non-negative inverse)", R, S);
    if (status == CLIO_OK)
        status = clio_leontief_solve(L, 0, 1, f, n, &err);
    double worst = 0.0;
    for (size_t i = 0; status == CLIO_OK && i < n; i++)
        worst = fmax(worst, fabs(f[i] - t->x[i]) / t->x[i]);
    if (!tap_ok(status == CLIO_OK && worst <= 1e-9, "%zu x %zu: L (Y 1) = x to 1e-9", R, S))
        printf("# worst relative error %.3g\n", worst);
    clio_leontief_free(L);
    free(f);
    clio_table_free(t);
}

/* The documented properties, over several shapes and seeds. */
static void test_properties(void)
{
    static const size_t shapes[][2] = {{1, 1}, {1, 30}, {5, 1}, {12, 10}, {20, 8}};
    int in_range = 1, dense_home = 1, diag_ok = 1, tables = 0;
    double lo = 1.0, hi = 0.0;
    size_t trade_nz = 0, trade_all = 0;
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
        for (unsigned long long seed = 1; seed <= 3; seed++) {
            char name[64];
            snprintf(name, sizeof name, "prop-%zu-%llu.nc", s, seed);
            size_t R = shapes[s][0], S = shapes[s][1];
            clio_table *t = make(R, S, seed, 1, 0, name);
            if (!t)
                continue;
            tables++;
            size_t n = t->n;
            for (size_t j = 0; j < n; j++) {
                double c = 0.0, total = 0.0;
                for (size_t i = 0; i < n; i++) {
                    double z = t->Z[i + j * n];
                    c += z / t->x[j];
                    total += z;
                    int same = t->sector_region[i] == t->sector_region[j];
                    if (same && z <= 0.0)
                        dense_home = 0;
                    if (!same) {
                        trade_all++;
                        trade_nz += z > 0.0;
                    }
                }
                in_range &= c >= 0.3 * (1 - 1e-12) && c <= 0.7 * (1 + 1e-12);
                diag_ok &= t->Z[j + j * n] <= 0.45 * total * (1 + 1e-12) || S == 1;
                lo = fmin(lo, c), hi = fmax(hi, c);
            }
            clio_table_free(t);
        }
    tap_ok(tables == 15, "15 tables made");
    if (!tap_ok(in_range, "every coefficient column sum lies in [0.3, 0.7]"))
        printf("# smallest %.6g, largest %.6g\n", lo, hi);
    tap_ok(hi - lo > 0.3, "and they spread over the range (%.3f .. %.3f)", lo, hi);
    tap_ok(dense_home, "domestic blocks are dense (every entry > 0)");
    tap_ok(diag_ok, "own-sector purchases are at most 45%% of a column's inputs");
    double share = (double)trade_nz / (double)trade_all;
    tap_ok(share > 0.08 && share < 0.35,
           "trade blocks are sparse: %.3f of their entries non-zero (WIOD 2011: 0.185)", share);
}

static void test_reproducible(void)
{
    clio_table *a = make(6, 5, 42, 2, 2, "same-a.nc");
    clio_table *b = make(6, 5, 42, 2, 2, "same-b.nc");
    clio_table *c = make(6, 5, 43, 2, 2, "other.nc");
    if (!a || !b || !c) {
        tap_skip(2, "no table");
    } else {
        uint64_t ha = checksum(a), hb = checksum(b), hc = checksum(c);
        tap_ok(ha == hb, "same seed: the same values (checksum %016llx)", (unsigned long long)ha);
        tap_ok(ha != hc && a->x[0] != c->x[0], "another seed: other values");
    }
    clio_table_free(a);
    clio_table_free(b);
    clio_table_free(c);
}

static void test_errors(void)
{
    char path[256];
    path_in(path, sizeof path, "bad.nc");
    clio_error err = {0};
    clio_generate_options o = {0, 5, 1, 5, 2};
    int status = clio_generate(&o, path, &err);
    tap_status(status, CLIO_EINVAL, err.message, "at least 1 region", "0 regions: CLIO_EINVAL");
    o = (clio_generate_options){3, 0, 1, 5, 2};
    tap_status(clio_generate(&o, path, &err), CLIO_EINVAL, err.message, "0 sectors",
               "0 sectors: CLIO_EINVAL");
    o = (clio_generate_options){3, 3, 1, 0, 2};
    tap_status(clio_generate(&o, path, &err), CLIO_EINVAL, err.message, "final-demand",
               "0 final-demand categories: CLIO_EINVAL");
    o = (clio_generate_options){(size_t)-1 / 2, 3, 1, 5, 2};
    tap_status(clio_generate(&o, path, &err), CLIO_EDIM, err.message, "more than",
               "R x S overflowing size_t: CLIO_EDIM");
    o = (clio_generate_options){1001, 1000, 1, 5, 2};
    tap_status(clio_generate(&o, path, &err), CLIO_EDIM, err.message, "1000000",
               "n past CLIO_GENERATE_MAX_SECTORS: CLIO_EDIM");
    o = (clio_generate_options){1000, 1, 1, (size_t)-1 / 100, 2};
    tap_status(clio_generate(&o, path, &err), CLIO_EDIM, err.message, "final-demand",
               "R x K overflowing: CLIO_EDIM");
    o = (clio_generate_options){2, 2, 1, 1, (size_t)-1};
    tap_status(clio_generate(&o, path, &err), CLIO_EDIM, err.message, "satellite",
               "too many satellites: CLIO_EDIM");
    tap_status(clio_generate(NULL, path, &err), CLIO_EINVAL, err.message, NULL,
               "NULL options: CLIO_EINVAL");
    o = (clio_generate_options){2, 2, 1, 1, 1};
    tap_status(clio_generate(&o, NULL, &err), CLIO_EINVAL, err.message, NULL,
               "NULL path: CLIO_EINVAL");
    struct stat st;
    tap_ok(stat(path, &st) != 0, "no file after the refusals");

    path_in(path, sizeof path, "missing-dir/t.nc");
    tap_status(clio_generate(&o, path, &err), CLIO_EWRITE, err.message, "missing-dir",
               "unwritable path: CLIO_EWRITE naming it");
    /* a directory where the file should go: the rename fails at the end */
    path_in(path, sizeof path, "a-dir");
    mkdir(path, 0700);
    tap_status(clio_generate(&o, path, &err), CLIO_EWRITE, err.message, "a-dir",
               "path is a directory: CLIO_EWRITE");
    tap_ok(stat(path, &st) == 0 && S_ISDIR(st.st_mode) && count_tmp_files(tap_dir) == 0,
           "the directory is untouched and no temporary file is left");
}

int main(void)
{
    tap_scratch_begin("generate");
    test_shape_and_labels();
    test_balance_and_productive(1, 40, 3);
    test_balance_and_productive(15, 12, 11);
    test_properties();
    test_reproducible();
    test_errors();
    tap_scratch_end();
    return tap_done();
}
