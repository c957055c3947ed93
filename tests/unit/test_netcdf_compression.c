/* test_netcdf_compression.c -- clio_netcdf_set_compression: every setting
 * stores the matrices as documented (contiguous, or chunked in whole
 * columns and deflated at the level, shuffle only for the automatic
 * layout) and reads back bit for bit, for clio_table_write_netcdf and
 * clio_generate; a bad level is refused and changes nothing. */
#include "clioi.h"
#include "tap.h"

#include <math.h>
#include <netcdf.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Doubles with all 53 mantissa bits, some exact zeros. */
static uint64_t rng = 0x2545F4914F6CDD1Du;
static double random_value(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    if (rng % 5 == 0)
        return 0.0;
    return ldexp((double)(rng >> 11) * 0x1p-53, (int)(rng % 41) - 20);
}

static clio_table *make_table(size_t n)
{
    clio_table *t = clio_table_alloc(1, n, 2, 1, 1);
    if (!t || clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R") != CLIO_OK)
        abort();
    char name[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "s%zu", i);
        t->sector_region[i] = 0;
        if (clio_table_set_label(t, CLIO_LABEL_SECTOR, i, name) != CLIO_OK)
            abort();
        t->x[i] = 1e3 + random_value();
    }
    if (clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "households") != CLIO_OK ||
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 1, "exports") != CLIO_OK ||
        clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "wages") != CLIO_OK ||
        clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "co2") != CLIO_OK)
        abort();
    for (size_t k = 0; k < n * n; k++)
        t->Z[k] = random_value();
    for (size_t k = 0; k < 2 * n; k++)
        t->Y[k] = random_value();
    for (size_t k = 0; k < n; k++) {
        t->V[k] = random_value();
        t->S[k] = random_value();
    }
    return t;
}

static int same(const double *a, const double *b, size_t count)
{
    return memcmp(a, b, count * sizeof *a) == 0;
}

typedef struct storage {
    int storage, shuffle, deflate, level;
    size_t chunks[2];
} storage;

static int inquire(const char *path, const char *var, storage *s)
{
    int ncid, varid;
    memset(s, 0, sizeof *s);
    int rc = nc_open(path, NC_NOWRITE, &ncid);
    if (rc)
        return rc;
    rc = nc_inq_varid(ncid, var, &varid);
    if (!rc)
        rc = nc_inq_var_chunking(ncid, varid, &s->storage, s->chunks);
    if (!rc)
        rc = nc_inq_var_deflate(ncid, varid, &s->shuffle, &s->deflate, &s->level);
    nc_close(ncid);
    return rc;
}

static void test_round_trips(void)
{
    const size_t n = 40;
    clio_table *t = make_table(n);
    char path[128];
    snprintf(path, sizeof path, "%s/t.nc", tap_dir);
    static const int levels[] = {CLIO_NETCDF_COMPRESSION_AUTO, 0, 1, 5, 9};
    for (size_t c = 0; c < sizeof levels / sizeof levels[0]; c++) {
        int level = levels[c];
        clio_error err = {0};
        int status = clio_netcdf_set_compression(level);
        if (status == CLIO_OK)
            status = clio_table_write_netcdf(t, path, &err);
        tap_ok(status == CLIO_OK && clio_netcdf_compression() == level,
               "level %d: written (%s)", level, status ? err.message : "ok");
        storage z, y;
        int rc = inquire(path, "Z", &z) || inquire(path, "Y", &y);
        if (level <= 0)
            tap_ok(!rc && z.storage == NC_CONTIGUOUS && !z.deflate && !z.shuffle &&
                       y.storage == NC_CONTIGUOUS && !y.deflate,
                   "level %d: a small table's matrices are contiguous and plain", level);
        else
            tap_ok(!rc && z.storage == NC_CHUNKED && z.chunks[1] == n && z.chunks[0] == n &&
                       z.deflate && z.level == level && !z.shuffle && y.deflate &&
                       y.level == level,
                   "level %d: every matrix chunked in whole columns, deflated at %d, no "
                   "shuffle",
                   level, level);
        clio_table *back = NULL;
        status = clio_table_read_netcdf(path, &back, &err);
        tap_ok(status == CLIO_OK && same(back->Z, t->Z, n * n) && same(back->Y, t->Y, 2 * n) &&
                   same(back->V, t->V, n) && same(back->S, t->S, n) && same(back->x, t->x, n),
               "level %d: Z, Y, V, satellites and x read back bit for bit", level);
        clio_table_free(back);
    }
    clio_table_free(t);
    clio_netcdf_set_compression(CLIO_NETCDF_COMPRESSION_AUTO);
    unlink(path);
}

static void test_bad_levels(void)
{
    clio_netcdf_set_compression(3);
    tap_ok(clio_netcdf_set_compression(10) == CLIO_EINVAL &&
               clio_netcdf_set_compression(-2) == CLIO_EINVAL && clio_netcdf_compression() == 3,
           "levels 10 and -2 are refused (CLIO_EINVAL), the setting stays 3");
    clio_netcdf_set_compression(CLIO_NETCDF_COMPRESSION_AUTO);
    tap_ok(clio_netcdf_compression() == CLIO_NETCDF_COMPRESSION_AUTO, "back to automatic");
}

/* clio_generate follows the same setting, and the table is the same. */
static void test_generate(void)
{
    clio_generate_options g = {.regions = 2, .sectors = 5, .seed = 3, .fd_categories = 2,
                               .satellites = 1};
    char plain[128], packed[128];
    snprintf(plain, sizeof plain, "%s/plain.nc", tap_dir);
    snprintf(packed, sizeof packed, "%s/packed.nc", tap_dir);
    clio_error err = {0};
    clio_netcdf_set_compression(0);
    int status = clio_generate(&g, plain, &err);
    clio_netcdf_set_compression(4);
    if (status == CLIO_OK)
        status = clio_generate(&g, packed, &err);
    clio_netcdf_set_compression(CLIO_NETCDF_COMPRESSION_AUTO);
    tap_ok(status == CLIO_OK, "generated plain and at level 4 (%s)", status ? err.message : "ok");
    storage a, b;
    int rc = inquire(plain, "Z", &a) || inquire(packed, "Z", &b);
    tap_ok(!rc && a.storage == NC_CONTIGUOUS && !a.deflate && b.storage == NC_CHUNKED &&
               b.deflate && b.level == 4,
           "generate: contiguous at level 0, deflated at level 4");
    clio_table *t1 = NULL, *t2 = NULL;
    status = clio_table_read_netcdf(plain, &t1, &err);
    if (status == CLIO_OK)
        status = clio_table_read_netcdf(packed, &t2, &err);
    size_t n = t1 ? t1->n : 0;
    tap_ok(status == CLIO_OK && n == 10 && same(t1->Z, t2->Z, n * n) &&
               same(t1->Y, t2->Y, n * t1->nfd) && same(t1->x, t2->x, n),
           "generate: the same numbers either way");
    clio_table_free(t1);
    clio_table_free(t2);
    unlink(plain);
    unlink(packed);
}

int main(void)
{
    tap_scratch_begin("netcdf_compression");
    test_round_trips();
    test_bad_levels();
    test_generate();
    tap_scratch_end();
    return tap_done();
}
