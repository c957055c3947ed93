/* test_netcdf.c -- NetCDF-4 tables and results: bit-exact round trips, the
 * on-disk layout the schema promises, and every refusal of a bad file.
 * TAP output for prove; temporary files live in a mkdtemp() directory. */
#include "clioi.h"
#include "tap.h"

#include <dirent.h>
#include <math.h>
#include <netcdf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* Fixtures                                                           */
/* ------------------------------------------------------------------ */
static void path_in(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, "%s/%s", tap_dir, name);
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* count_tmp_files -- leftovers of an atomic write ("*.tmp.*"). */
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

/* Doubles with all 53 mantissa bits and widely spread exponents, so a
 * round trip through any decimal or float form would show. */
static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static double random_double(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    double mantissa = (double)(rng_state >> 11) * 0x1p-53;
    return ldexp(mantissa, (int)(rng_state % 61) - 30);
}

static void fill_random(double *v, size_t count)
{
    for (size_t i = 0; i < count; i++)
        v[i] = random_double();
}

static void set(clio_table *t, int kind, size_t i, const char *text)
{
    if (clio_table_set_label(t, kind, i, text) != CLIO_OK)
        abort(); /* a broken fixture: no test result would mean anything */
}

/* Two regions of three sectors, four final-demand columns with regions,
 * three value-added rows and two satellites with units. */
static clio_table *make_two_region(void)
{
    static const char *sectors[] = {"Agriculture", "Manufacturing, food \"quoted\"",
                                    "Services \xc3\xa9"};
    static const char *fd[] = {"households", "government", "households", "government"};
    static const char *va[] = {"wages", "taxes", "surplus"};
    clio_table *t = clio_table_alloc(2, 6, 4, 3, 2);
    if (!t)
        abort();
    set(t, CLIO_LABEL_REGION, 0, "DE");
    set(t, CLIO_LABEL_REGION, 1, "FR");
    for (size_t i = 0; i < 6; i++) {
        set(t, CLIO_LABEL_SECTOR, i, sectors[i % 3]);
        t->sector_region[i] = i / 3;
    }
    for (size_t k = 0; k < 4; k++) {
        set(t, CLIO_LABEL_FINAL_DEMAND, k, fd[k]);
        t->fd_region[k] = k / 2;
    }
    for (size_t k = 0; k < 3; k++)
        set(t, CLIO_LABEL_VALUE_ADDED, k, va[k]);
    set(t, CLIO_LABEL_SATELLITE, 0, "employment");
    set(t, CLIO_LABEL_SATELLITE_UNIT, 0, "1000 persons");
    set(t, CLIO_LABEL_SATELLITE, 1, "CO2");
    set(t, CLIO_LABEL_SATELLITE_UNIT, 1, "kt");
    fill_random(t->Z, 36);
    fill_random(t->Y, 24);
    fill_random(t->V, 18);
    fill_random(t->x, 6);
    fill_random(t->S, 12);
    t->Z[7] = -0.0;           /* signed zero: must survive */
    t->Z[8] = 0x1p-1070;      /* subnormal */
    t->Y[3] = NAN;            /* values are not validated on read */
    t->title = clioi_strdup("Test table, two regions");
    t->unit = clioi_strdup("EUR million");
    t->source = clioi_strdup("random numbers");
    return t;
}

/* One region, no V and no satellites, a final-demand column of no
 * region, and no unit or source. */
static clio_table *make_one_region(void)
{
    clio_table *t = clio_table_alloc(1, 4, 1, 0, 0);
    if (!t)
        abort();
    set(t, CLIO_LABEL_REGION, 0, "Germany");
    static const char *sectors[] = {"A", "B", "C", "D"};
    for (size_t i = 0; i < 4; i++) {
        set(t, CLIO_LABEL_SECTOR, i, sectors[i]);
        t->sector_region[i] = 0;
    }
    set(t, CLIO_LABEL_FINAL_DEMAND, 0, "final demand");
    fill_random(t->Z, 16);
    fill_random(t->Y, 4);
    fill_random(t->x, 4);
    t->title = clioi_strdup("");
    return t;
}

/* ------------------------------------------------------------------ */
/* Comparisons                                                        */
/* ------------------------------------------------------------------ */
static int same_bits(const double *a, const double *b, size_t count, const char *what)
{
    for (size_t i = 0; i < count; i++) {
        if (memcmp(&a[i], &b[i], sizeof(double)) != 0) {
            tap_diag("%s[%zu]: %.17g read back as %.17g", what, i, a[i], b[i]);
            return 0;
        }
    }
    return 1;
}

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same_labels(char *const *a, char *const *b, size_t count, const char *what)
{
    for (size_t i = 0; i < count; i++) {
        if (!same_text(a[i], b[i])) {
            tap_diag("%s label %zu: '%s' read back as '%s'", what, i, a[i] ? a[i] : "(null)",
                     b[i] ? b[i] : "(null)");
            return 0;
        }
    }
    return 1;
}

static int same_indices(const size_t *a, const size_t *b, size_t count, const char *what)
{
    for (size_t i = 0; i < count; i++) {
        if (a[i] != b[i]) {
            tap_diag("%s[%zu]: %zu read back as %zu", what, i, a[i], b[i]);
            return 0;
        }
    }
    return 1;
}

static void compare_tables(const clio_table *a, const clio_table *b, const char *what)
{
    int shape = a->n == b->n && a->nregions == b->nregions && a->nfd == b->nfd &&
                a->nva == b->nva && a->nsat == b->nsat;
    if (!tap_ok(shape, "%s: same shape", what))
        return;
    tap_ok(same_text(a->title, b->title) && same_text(a->unit, b->unit) &&
           same_text(a->source, b->source),
           "%s: same title, unit and source", what);
    tap_ok(same_labels(a->regions, b->regions, a->nregions, "region") &&
           same_labels(a->sector_names, b->sector_names, a->n, "sector") &&
           same_labels(a->fd_names, b->fd_names, a->nfd, "final demand") &&
           same_labels(a->va_names, b->va_names, a->nva, "value added") &&
           same_labels(a->sat_names, b->sat_names, a->nsat, "satellite") &&
           same_labels(a->sat_units, b->sat_units, a->nsat, "satellite unit"),
           "%s: same labels", what);
    tap_ok(same_indices(a->sector_region, b->sector_region, a->n, "sector_region") &&
           same_indices(a->fd_region, b->fd_region, a->nfd, "fd_region"),
           "%s: same region indices", what);
    tap_ok(same_bits(a->Z, b->Z, a->n * a->n, "Z") && same_bits(a->Y, b->Y, a->n * a->nfd, "Y") &&
           same_bits(a->V, b->V, a->nva * a->n, "V") && same_bits(a->x, b->x, a->n, "x") &&
           same_bits(a->S, b->S, a->nsat * a->n, "S"),
           "%s: every value bit-exact", what);
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

/* Storage of Z in the file at path: layout, chunk sizes, filters. */
typedef struct z_storage {
    int storage, shuffle, deflate, level;
    size_t chunks[2];
} z_storage;

static int inquire_z_storage(int ncid, z_storage *z)
{
    int varid, rc = nc_inq_varid(ncid, "Z", &varid);
    if (!rc)
        rc = nc_inq_var_chunking(ncid, varid, &z->storage, z->chunks);
    if (!rc)
        rc = nc_inq_var_deflate(ncid, varid, &z->shuffle, &z->deflate, &z->level);
    return rc;
}

/* The schema's promise: Z(i,j) is Z[j][i] on dimensions (buying_sector,
 * sector); a small matrix is stored contiguous and plain. */
static void check_layout(const char *path, const clio_table *t)
{
    int ncid, varid, dims[2];
    size_t index[2] = {4, 1};
    char d0[NC_MAX_NAME + 1] = "", d1[NC_MAX_NAME + 1] = "";
    double value = 0;
    z_storage z = {0};
    int rc = nc_open(path, NC_NOWRITE, &ncid), opened = rc == NC_NOERR;
    if (!rc)
        rc = nc_inq_varid(ncid, "Z", &varid);
    if (!rc)
        rc = nc_inq_vardimid(ncid, varid, dims);
    if (!rc)
        rc = nc_inq_dimname(ncid, dims[0], d0) || nc_inq_dimname(ncid, dims[1], d1);
    if (!rc)
        rc = nc_get_var1_double(ncid, varid, index, &value);
    if (!rc)
        rc = inquire_z_storage(ncid, &z);
    tap_ok(rc == NC_NOERR && strcmp(d0, "buying_sector") == 0 && strcmp(d1, "sector") == 0,
           "Z is stored on (buying_sector, sector)");
    tap_ok(rc == NC_NOERR && value == t->Z[1 + 4 * t->n], "Z[j=4][i=1] on disk is Z(1,4)");
    tap_ok(rc == NC_NOERR && z.storage == NC_CONTIGUOUS && !z.shuffle && !z.deflate,
           "a small Z is stored contiguous and uncompressed");
    int fmt = 0, version = 0;
    if (!rc)
        rc = nc_inq_format(ncid, &fmt) ||
             nc_get_att_int(ncid, NC_GLOBAL, "clio_format_version", &version);
    /* a dense table keeps version 1 (version 2 is for sparse Z), so that
     * clio versions before sparse tables read it */
    tap_ok(rc == NC_NOERR && fmt == NC_FORMAT_NETCDF4 && version == 1,
           "NetCDF-4 with clio_format_version 1 (dense Z)");
    if (opened)
        nc_close(ncid);
}

static void test_round_trip(void)
{
    char path[256], cmd[600];
    path_in(path, sizeof path, "two.nc");
    clio_table *t = make_two_region(), *back = NULL;
    clio_error e = {0, ""};
    int status = clio_table_write_netcdf(t, path, &e);
    if (!tap_ok(status == CLIO_OK, "write a two-region table"))
        tap_diag("%s", e.message);
    tap_ok(count_tmp_files(tap_dir) == 0, "no temporary file is left beside it");
    status = clio_table_read_netcdf(path, &back, &e);
    if (!tap_ok(status == CLIO_OK && back, "read it back"))
        tap_diag("%s", e.message);
    if (back)
        compare_tables(t, back, "two regions");
    check_layout(path, t);

    if (system("command -v ncdump >/dev/null 2>&1") != 0) {
        tap_skip(2, "ncdump is not installed");
    } else {
        snprintf(cmd, sizeof cmd, "ncdump -h '%s' >/dev/null", path);
        tap_ok(system(cmd) == 0, "ncdump -h reads the file");
        snprintf(cmd, sizeof cmd,
                 "ncdump -h '%s' | grep -q 'double Z(buying_sector, sector)'", path);
        tap_ok(system(cmd) == 0, "ncdump shows Z(buying_sector, sector)");
    }
    clio_table_free(back);
    clio_table_free(t);
}

static void test_one_region(void)
{
    char path[256];
    path_in(path, sizeof path, "two.nc"); /* overwrites the file of test_round_trip */
    clio_table *t = make_one_region(), *back = NULL;
    clio_error e = {0, ""};
    int status = clio_table_write_netcdf(t, path, &e);
    if (!tap_ok(status == CLIO_OK, "write a one-region table over an existing file"))
        tap_diag("%s", e.message);
    status = clio_table_read_netcdf(path, &back, &e);
    if (!tap_ok(status == CLIO_OK && back, "read it back"))
        tap_diag("%s", e.message);
    if (back)
        compare_tables(t, back, "one region");

    int ncid, dimid, varid;
    char key[64] = "";
    char *keyp = NULL;
    size_t idx = 2;
    int rc = nc_open(path, NC_NOWRITE, &ncid);
    tap_ok(rc == NC_NOERR && nc_inq_dimid(ncid, "value_added", &dimid) == NC_EBADDIM &&
           nc_inq_dimid(ncid, "account", &dimid) == NC_EBADDIM &&
           nc_inq_varid(ncid, "V", &varid) == NC_ENOTVAR &&
           nc_inq_attid(ncid, NC_GLOBAL, "unit", &varid) == NC_ENOTATT,
           "empty dimensions, their variables and NULL metadata are left out");
    if (!rc && nc_inq_varid(ncid, "sector", &varid) == NC_NOERR &&
        nc_get_var1_string(ncid, varid, &idx, &keyp) == NC_NOERR) {
        snprintf(key, sizeof key, "%s", keyp);
        nc_free_string(1, &keyp);
    }
    tap_ok(strcmp(key, "C") == 0, "one-region sector keys have no region");
    if (!rc)
        nc_close(ncid);
    clio_table_free(back);
    clio_table_free(t);
}

static void test_write_errors(void)
{
    char path[256], sub[256];
    clio_error e = {0, ""};

    clio_table *empty = clio_table_alloc(1, 0, 0, 0, 0);
    path_in(path, sizeof path, "empty.nc");
    tap_status(clio_table_write_netcdf(empty, path, &e), CLIO_EDIM, e.message, "empty",
               "an empty table is refused with CLIO_EDIM");
    tap_ok(!exists(path), "and no file is made");
    clio_table_free(empty);

    clio_table *t = make_two_region();
    path_in(path, sizeof path, "no/such/dir/t.nc");
    tap_status(clio_table_write_netcdf(t, path, &e), CLIO_EWRITE, e.message, path,
               "writing into a missing directory is CLIO_EWRITE naming the path");
    tap_ok(!exists(path), "and no file is made");

    /* The temporary file is written whole, then rename() fails: the
     * latest point a write can fail. */
    path_in(sub, sizeof sub, "adir.nc");
    mkdir(sub, 0755);
    tap_status(clio_table_write_netcdf(t, sub, &e), CLIO_EWRITE, e.message, sub,
               "writing over a directory is CLIO_EWRITE");
    struct stat st;
    tap_ok(stat(sub, &st) == 0 && S_ISDIR(st.st_mode) && count_tmp_files(tap_dir) == 0,
           "the directory is untouched and no temporary file is left");

    /* A refused table must leave a good file as it was. */
    path_in(path, sizeof path, "good.nc");
    clio_table *back = NULL;
    clio_table_write_netcdf(t, path, &e);
    free(t->va_names[1]);
    t->va_names[1] = NULL;
    tap_status(clio_table_write_netcdf(t, path, &e), CLIO_ELABEL, e.message, "value-added",
               "a missing label is CLIO_ELABEL");
    tap_ok(clio_table_read_netcdf(path, &back, &e) == CLIO_OK && back && back->nva == 3 &&
           strcmp(back->va_names[1], "taxes") == 0,
           "and the existing file is still the good one");
    clio_table_free(back);
    clio_table_free(t);
}

/* make_bare -- a NetCDF-4 file with the given version attribute (< 0:
 * none) and dimensions sector and buying_sector, nothing else of clio's. */
static void make_bare(const char *path, int version, size_t nsector, size_t nbuying)
{
    int ncid, dim;
    if (nc_create(path, NC_NETCDF4 | NC_CLOBBER, &ncid) != NC_NOERR)
        return;
    if (version >= 0)
        nc_put_att_int(ncid, NC_GLOBAL, "clio_format_version", NC_INT, 1, &version);
    nc_def_dim(ncid, "sector", nsector, &dim);
    nc_def_dim(ncid, "buying_sector", nbuying, &dim);
    nc_def_dim(ncid, "region", 1, &dim);
    nc_close(ncid);
}

/* edit -- open a good table file for writing and apply one change. */
enum edit_kind { EDIT_SWAP_Z, EDIT_REGION_INDEX, EDIT_KEY, EDIT_DROP_X };
static void edit(const char *path, enum edit_kind kind)
{
    int ncid, varid, dims[2];
    size_t i = 1;
    if (nc_open(path, NC_WRITE, &ncid) != NC_NOERR)
        return;
    if (kind == EDIT_SWAP_Z || kind == EDIT_DROP_X) {
        /* NetCDF cannot delete a variable: rename it out of the way. */
        const char *name = kind == EDIT_SWAP_Z ? "Z" : "x";
        nc_redef(ncid);
        nc_inq_varid(ncid, name, &varid);
        nc_rename_var(ncid, varid, kind == EDIT_SWAP_Z ? "Z_old" : "x_old");
        if (kind == EDIT_SWAP_Z) {
            nc_inq_dimid(ncid, "sector", &dims[0]);
            nc_inq_dimid(ncid, "buying_sector", &dims[1]);
            nc_def_var(ncid, "Z", NC_DOUBLE, 2, dims, &varid);
        }
    } else if (kind == EDIT_REGION_INDEX) {
        int bad = 7;
        nc_inq_varid(ncid, "sector_region", &varid);
        nc_put_var1_int(ncid, varid, &i, &bad);
    } else {
        const char *key = "FR|Nonsense";
        nc_inq_varid(ncid, "sector", &varid);
        nc_put_var1_string(ncid, varid, &i, &key);
    }
    nc_close(ncid);
}

static void test_read_errors(void)
{
    char path[256];
    clio_error e = {0, ""};
    clio_table *t = (clio_table *)&e; /* must be reset to NULL on failure */

    path_in(path, sizeof path, "missing.nc");
    tap_status(clio_table_read_netcdf(path, &t, &e), CLIO_EIO, e.message, path,
               "a missing file is CLIO_EIO naming it");
    tap_ok(t == NULL, "and *out is NULL");

    tap_status(clio_table_read_netcdf(tap_dir, &t, &e), CLIO_EIO, e.message, "directory",
               "a directory is CLIO_EIO");

    path_in(path, sizeof path, "x.nc");
    tap_write_text(path, "sector,Z\nA,1\n");
    tap_status(clio_table_read_netcdf(path, &t, &e), CLIO_EFORMAT, e.message, path,
               "a text file named .nc is CLIO_EFORMAT naming it");

    path_in(path, sizeof path, "bare.nc");
    make_bare(path, -1, 2, 2);
    tap_status(clio_table_read_netcdf(path, &t, &e), CLIO_EFORMAT, e.message, "clio_format_version",
               "NetCDF without clio attributes is CLIO_EFORMAT");
    make_bare(path, CLIO_FORMAT_VERSION + 1, 2, 2);
    tap_status(clio_table_read_netcdf(path, &t, &e), CLIO_EFORMAT, e.message, "newer",
               "a newer format version is CLIO_EFORMAT");
    make_bare(path, CLIO_FORMAT_VERSION, 2, 3);
    tap_status(clio_table_read_netcdf(path, &t, &e), CLIO_EDIM, e.message, "2 x 3",
               "a non-square Z is CLIO_EDIM");
    make_bare(path, CLIO_FORMAT_VERSION, 2, 2);
    tap_status(clio_table_read_netcdf(path, &t, &e), CLIO_EFORMAT, e.message, "'region' is missing",
               "a missing variable is CLIO_EFORMAT naming it");

    struct { enum edit_kind kind; int status; const char *needle, *what; } cases[] = {
        {EDIT_SWAP_Z, CLIO_EFORMAT, "'Z' has dimensions (sector, buying_sector)",
         "Z on swapped dimensions is CLIO_EFORMAT"},
        {EDIT_REGION_INDEX, CLIO_EFORMAT, "sector_region[1] = 7",
         "a region index out of range is CLIO_EFORMAT"},
        {EDIT_KEY, CLIO_EFORMAT, "region and sector_name make it 'DE|Manufacturing",
         "a sector key that disagrees with its region and name is CLIO_EFORMAT"},
        {EDIT_DROP_X, CLIO_EFORMAT, "'x' is missing", "a table without x is CLIO_EFORMAT"},
    };
    clio_table *good = make_two_region();
    path_in(path, sizeof path, "edited.nc");
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        clio_table_write_netcdf(good, path, &e);
        edit(path, cases[k].kind);
        tap_status(clio_table_read_netcdf(path, &t, &e), cases[k].status, e.message,
                   cases[k].needle, cases[k].what);
    }
    tap_ok(t == NULL, "*out stays NULL after every failure");
    clio_table_free(good);
}

/* read_doubles -- a whole variable of a result file, or NULL. */
static double *read_doubles(int ncid, const char *name, size_t count)
{
    int varid;
    double *v = calloc(count, sizeof *v);
    if (v && (nc_inq_varid(ncid, name, &varid) || nc_get_var_double(ncid, varid, v))) {
        free(v);
        v = NULL;
    }
    return v;
}

static int same_or_both_nan(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

static clio_result *make_result(const clio_table *t, const char *kind, int additive)
{
    static const char *fields[] = {"direct", "indirect", "total"};
    clio_result *r = clioi_result_alloc(t, kind, 1 + t->nva + t->nsat, 3);
    if (!r || clioi_result_set_accounts_from_table(r, t) != CLIO_OK)
        abort();
    r->additive = additive;
    for (size_t f = 0; f < 3; f++)
        r->fields[f] = clioi_strdup(fields[f]);
    fill_random(r->values, r->nrows * r->naccounts * r->nfields);
    r->values[0 + 3 * (2 + r->naccounts * 4)] = NAN; /* direct, account 2, row 4 */
    return r;
}

/* check_result_file -- the fields in C order, the NaN fill and, for
 * additive results, the totals. */
static void check_result_file(const char *path, const clio_result *r)
{
    int ncid, varid;
    size_t na = r->naccounts;
    if (!tap_ok(nc_open(path, NC_NOWRITE, &ncid) == NC_NOERR, "the result file opens"))
        return;
    int good = 1;
    for (size_t f = 0; f < r->nfields; f++) {
        double *v = read_doubles(ncid, r->fields[f], r->nrows * na);
        for (size_t i = 0; v && i < r->nrows; i++)
            for (size_t a = 0; a < na; a++)
                good &= same_or_both_nan(v[i * na + a], clio_result_value(r, i, a, f));
        good &= v != NULL;
        free(v);
    }
    tap_ok(good, "every value of every field is var[sector][account]");
    double fill = 0;
    tap_ok(nc_inq_varid(ncid, "direct", &varid) == NC_NOERR &&
           nc_get_att_double(ncid, varid, "_FillValue", &fill) == NC_NOERR && isnan(fill),
           "_FillValue is NaN");

    char kind[32] = "";
    size_t len = 0;
    if (nc_inq_attlen(ncid, NC_GLOBAL, "clio_result_kind", &len) == NC_NOERR && len < 32)
        nc_get_att_text(ncid, NC_GLOBAL, "clio_result_kind", kind);
    tap_ok(strcmp(kind, r->kind) == 0, "clio_result_kind is '%s'", r->kind);

    char *keys[6] = {NULL};
    tap_ok(nc_inq_varid(ncid, "sector", &varid) == NC_NOERR &&
           nc_get_var_string(ncid, varid, keys) == NC_NOERR && keys[4] &&
           strcmp(keys[4], "FR|Manufacturing, food \"quoted\"") == 0,
           "sector keys are region|sector");
    nc_free_string(6, keys);

    if (r->additive) {
        double *rt = read_doubles(ncid, "total_region_total", r->nregions * na);
        double *tot = read_doubles(ncid, "direct_total", na);
        good = rt && tot;
        for (size_t a = 0; good && a < na; a++) {
            double want_rt[2] = {0, 0}, want_tot = 0;
            for (size_t i = 0; i < r->nrows; i++) {
                want_rt[r->row_region[i]] += clio_result_value(r, i, a, 2);
                want_tot += clio_result_value(r, i, a, 0);
            }
            good = same_or_both_nan(rt[0 * na + a], want_rt[0]) &&
                   same_or_both_nan(rt[1 * na + a], want_rt[1]) &&
                   same_or_both_nan(tot[a], want_tot);
        }
        tap_ok(good && isnan(tot[2]) && !isnan(tot[1]),
               "region and grand totals are the sums (NaN where a value is NaN)");
        free(rt);
        free(tot);
    } else {
        tap_ok(nc_inq_varid(ncid, "total_total", &varid) == NC_ENOTVAR,
               "a non-additive result has no totals");
    }
    nc_close(ncid);
}

static void test_result(void)
{
    char path[256];
    clio_error e = {0, ""};
    clio_table *t = make_two_region(), *back = NULL;

    path_in(path, sizeof path, "impact.nc");
    clio_result *r = make_result(t, "impact", 1);
    if (!tap_ok(clio_result_write_netcdf(r, path, &e) == CLIO_OK, "write an additive result"))
        tap_diag("%s", e.message);
    check_result_file(path, r);
    tap_status(clio_table_read_netcdf(path, &back, &e), CLIO_EFORMAT, e.message, "result",
               "reading a result file as a table is CLIO_EFORMAT");
    clio_result_free(r);

    path_in(path, sizeof path, "multipliers.nc");
    r = make_result(t, "multipliers", 0);
    if (!tap_ok(clio_result_write_netcdf(r, path, &e) == CLIO_OK, "write a non-additive result"))
        tap_diag("%s", e.message);
    check_result_file(path, r);

    free(r->fields[1]);
    r->fields[1] = clioi_strdup("region");
    path_in(path, sizeof path, "clash.nc");
    tap_status(clio_result_write_netcdf(r, path, &e), CLIO_ELABEL, e.message, "region",
               "a field named like a label variable is CLIO_ELABEL");
    tap_ok(!exists(path) && count_tmp_files(tap_dir) == 0, "and no file is left");
    clio_result_free(r);
    clio_table_free(t);
}

/* A result whose row 1 is a group of sectors (no region), with a class per
 * row and a description: NetCDF marks the group with region -1 and leaves
 * it out of region totals; CSV leaves its region empty and ends each line
 * with the class. */
static void test_result_groups(void)
{
    char path[256];
    clio_error e = {0, ""};
    clio_table *t = make_two_region();
    clio_result *r = make_result(t, "extraction", 1);
    r->row_region[1] = CLIO_NONE;
    free(r->row_sector[1]);
    r->row_sector[1] = clioi_strdup("cluster, metals");
    r->description = clioi_strdup("what the fields mean");
    r->class_name = clioi_strdup("class");
    r->row_class = clioi_calloc_array(r->nrows, sizeof *r->row_class);
    for (size_t i = 0; i < r->nrows; i++)
        r->row_class[i] = clioi_strdup(i == 1 ? "key" : "weak");

    path_in(path, sizeof path, "groups.nc");
    if (!tap_ok(clio_result_write_netcdf(r, path, &e) == CLIO_OK, "write a result with a group row"))
        tap_diag("%s", e.message);
    int ncid, varid, regions[6] = {0};
    char *cls[6] = {NULL}, *keys[6] = {NULL}, desc[64] = "";
    size_t len = 0;
    if (tap_ok(nc_open(path, NC_NOWRITE, &ncid) == NC_NOERR, "it opens")) {
        tap_ok(nc_inq_varid(ncid, "sector_region", &varid) == NC_NOERR &&
                   nc_get_var_int(ncid, varid, regions) == NC_NOERR && regions[1] == -1 &&
                   regions[0] == 0,
               "the group row has sector_region -1");
        tap_ok(nc_inq_varid(ncid, "sector", &varid) == NC_NOERR &&
                   nc_get_var_string(ncid, varid, keys) == NC_NOERR &&
                   strcmp(keys[1], "cluster, metals") == 0,
               "its key is the group name alone");
        tap_ok(nc_inq_varid(ncid, "class", &varid) == NC_NOERR &&
                   nc_get_var_string(ncid, varid, cls) == NC_NOERR && strcmp(cls[1], "key") == 0 &&
                   strcmp(cls[0], "weak") == 0,
               "the classes are a string variable named by class_name");
        tap_ok(nc_inq_attlen(ncid, NC_GLOBAL, "description", &len) == NC_NOERR && len < 64 &&
                   nc_get_att_text(ncid, NC_GLOBAL, "description", desc) == NC_NOERR &&
                   strncmp(desc, "what the fields mean", len) == 0,
               "the description is a global attribute");
        double *rt = read_doubles(ncid, "total_region_total", r->nregions * r->naccounts);
        double want = 0;
        for (size_t i = 0; i < r->nrows; i++)
            if (r->row_region[i] == 0)
                want += clio_result_value(r, i, 0, 2);
        tap_close(rt ? rt[0] : NAN, want, 1e-15, "region totals leave the group row out");
        free(rt);
        nc_free_string(6, cls);
        nc_free_string(6, keys);
        nc_close(ncid);
    }

    char *text = NULL;
    size_t size = 0;
    FILE *fp = open_memstream(&text, &size);
    int status = clio_result_write_csv(r, fp, &e);
    fclose(fp);
    tap_ok(status == CLIO_OK && strstr(text, "region,sector,account,direct,indirect,total,class\n"),
           "the CSV header ends with the class column");
    tap_ok(text && strstr(text, "\n,\"cluster, metals\",output,") != NULL,
           "the group row has an empty region");
    tap_ok(text && strstr(text, "\nDE,TOTAL,output,") != NULL, "region totals stay");
    free(text);
    text = NULL;
    fp = open_memstream(&text, &size);
    status = clio_result_write_text(r, fp, &e);
    fclose(fp);
    tap_ok(status == CLIO_OK && strstr(text, "what the fields mean\n") &&
               strstr(text, "\ncluster, metals ") && strstr(text, "  key\n"),
           "the text output shows the description, the group name and the class");
    free(text);
    clio_result_free(r);
    clio_table_free(t);
}

/* A matrix of 64 MiB or more is chunked in whole columns, shuffled and
 * deflated at level 1 (n = 2900: 67 MB; mostly zeros, so quick to pack). */
static void test_large_storage(void)
{
    const size_t n = 2900;
    clio_table *t = clio_table_alloc(1, n, 0, 0, 0);
    int ok = t && clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R") == CLIO_OK;
    for (size_t i = 0; ok && i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "s%zu", i);
        t->sector_region[i] = 0;
        t->Z[i + i * n] = 1.0 + (double)i;
        t->x[i] = 10.0 + (double)i;
        ok = clio_table_set_label(t, CLIO_LABEL_SECTOR, i, name) == CLIO_OK;
    }
    char path[128];
    path_in(path, sizeof path, "large.nc");
    clio_error e = {0};
    int status = ok ? clio_table_write_netcdf(t, path, &e) : CLIO_ENOMEM;
    tap_ok(status == CLIO_OK, "a 2900-sector table is written (%s)", e.message);
    int ncid;
    z_storage z = {0};
    int rc = nc_open(path, NC_NOWRITE, &ncid);
    if (!rc) {
        rc = inquire_z_storage(ncid, &z);
        nc_close(ncid);
    }
    tap_ok(rc == NC_NOERR && z.storage == NC_CHUNKED && z.chunks[1] == n && z.chunks[0] >= 1 &&
               z.shuffle && z.deflate && z.level == 1,
           "a large Z is chunked in whole columns, shuffled and deflated at level 1");
    clio_table *back = NULL;
    status = clio_table_read_netcdf(path, &back, &e);
    tap_ok(status == CLIO_OK && back->Z[7 + 7 * n] == 8.0 && back->Z[7 + 8 * n] == 0.0,
           "and reads back");
    clio_table_free(back);
    clio_table_free(t);
    unlink(path);
}

int main(void)
{
    tap_scratch_begin("netcdf");
    test_round_trip();
    test_one_region();
    test_write_errors();
    test_read_errors();
    test_result();
    test_result_groups();
    test_large_storage();
    tap_scratch_end();
    return tap_done();
}
