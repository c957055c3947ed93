/* test_sparse_table.c -- sparse (CSC) tables: conversions, NetCDF storage
 * (round trip, every malformed-file refusal on purpose), clio_table_check
 * on a sparse Z (the same report as dense), the CSV writers.  The sparse
 * generator is tested in test_generate_sparse.c. */
#include "clio.h"
#include "clioi.h"
#include "tap.h"

#include <netcdf.h>

#define GERMANY "data/germany_1995"

static clio_table *germany(void)
{
    clio_table *t = NULL;
    clio_error e = {0};
    if (clio_table_read_matrixset(GERMANY, NULL, "DE", &t, &e) != CLIO_OK) {
        printf("Bail out! cannot read %s: %s\n", GERMANY, e.message);
        exit(2);
    }
    return t;
}

/* same_z -- a sparse table's Z equals the dense table's, cell for cell. */
static int same_z(const clio_table *sparse, const clio_table *dense)
{
    double *Z;
    if (clioi_table_dense_z(sparse, &Z, NULL) != CLIO_OK || !Z)
        return 0;
    int same = memcmp(Z, dense->Z, dense->n * dense->n * sizeof *Z) == 0;
    free(Z);
    return same;
}

static void test_conversions(void)
{
    clio_table *d = germany(), *s = germany();
    clio_error e = {0};
    tap_ok(clio_table_sparsify(s, &e) == CLIO_OK && clio_table_is_sparse(s) && !s->Z,
           "sparsify: Z freed, Zs set");
    size_t nz = 0;
    for (size_t k = 0; k < d->n * d->n; k++)
        nz += d->Z[k] != 0;
    tap_ok(s->Zs->nnz == nz && (size_t)s->Zs->colptr[s->n] == nz,
           "sparsify keeps the %zu non-zeros", nz);
    tap_ok(same_z(s, d), "the sparse Z holds the dense one's numbers");
    tap_ok(clio_table_densify(s, &e) == CLIO_OK && !clio_table_is_sparse(s) && !s->Zs &&
               memcmp(s->Z, d->Z, d->n * d->n * sizeof *d->Z) == 0,
           "densify gives the same Z back");
    tap_ok(clio_table_densify(s, &e) == CLIO_OK && s->Z, "densify of a dense table: nothing");
    clio_table_free(d);
    clio_table_free(s);
}

/* same_report -- check the dense and the sparsified table; same findings. */
static void same_report(clio_table *d, const char *what)
{
    clio_table *s = NULL;
    clio_error e = {0};
    /* a sparse copy: sparsify a second read of the same numbers */
    s = clio_table_alloc(d->nregions, d->n, d->nfd, d->nva, d->nsat);
    for (size_t r = 0; r < d->nregions; r++)
        clio_table_set_label(s, CLIO_LABEL_REGION, r, d->regions[r]);
    for (size_t i = 0; i < d->n; i++) {
        clio_table_set_label(s, CLIO_LABEL_SECTOR, i, d->sector_names[i]);
        s->sector_region[i] = d->sector_region[i];
    }
    for (size_t k = 0; k < d->nfd; k++) {
        clio_table_set_label(s, CLIO_LABEL_FINAL_DEMAND, k, d->fd_names[k]);
        s->fd_region[k] = d->fd_region[k];
    }
    for (size_t k = 0; k < d->nva; k++)
        clio_table_set_label(s, CLIO_LABEL_VALUE_ADDED, k, d->va_names[k]);
    for (size_t k = 0; k < d->nsat; k++) {
        clio_table_set_label(s, CLIO_LABEL_SATELLITE, k, d->sat_names[k]);
        clio_table_set_label(s, CLIO_LABEL_SATELLITE_UNIT, k, d->sat_units[k]);
    }
    memcpy(s->Z, d->Z, d->n * d->n * sizeof *d->Z);
    memcpy(s->Y, d->Y, d->n * d->nfd * sizeof *d->Y);
    memcpy(s->V, d->V, d->n * d->nva * sizeof *d->V);
    memcpy(s->S, d->S, d->n * d->nsat * sizeof *d->S);
    memcpy(s->SY, d->SY, d->nfd * d->nsat * sizeof *d->SY);
    memcpy(s->x, d->x, d->n * sizeof *d->x);
    clio_table_sparsify(s, &e);
    clio_report rd = {0}, rs = {0};
    int sd = clio_table_check(d, 1e-6, &rd), ss = clio_table_check(s, 1e-6, &rs);
    int same = sd == ss && rd.count == rs.count && rd.nerrors == rs.nerrors &&
               rd.nwarnings == rs.nwarnings;
    for (size_t k = 0; same && k < rd.count; k++)
        same = rd.items[k].severity == rs.items[k].severity &&
               rd.items[k].status == rs.items[k].status &&
               strcmp(rd.items[k].message, rs.items[k].message) == 0;
    if (!tap_ok(same && clio_table_is_sparse(s), "%s: the sparse report is the dense one (%zu findings, status %d)",
                what, rd.count, sd))
        for (size_t k = 0; k < rd.count || k < rs.count; k++)
            tap_diag("dense: %s | sparse: %s", k < rd.count ? rd.items[k].message : "-",
                     k < rs.count ? rs.items[k].message : "-");
    clio_report_free(&rd);
    clio_report_free(&rs);
    clio_table_free(s);
}

static void test_check(void)
{
    clio_table *d = germany();
    same_report(d, "Germany 1995");
    /* unbalanced rows and columns, a negative flow, a sector with zero
     * output that buys nothing, one with zero output that buys */
    d->Z[1 + 2 * d->n] = -50;
    d->Z[3 + 0 * d->n] += 1000;
    d->x[4] *= 1.01;
    same_report(d, "unbalanced, negative");
    d->Z[1 + 2 * d->n] = 7;
    for (size_t i = 0; i < d->n; i++)
        d->Z[i + 5 * d->n] = 0;
    d->x[5] = 0;
    same_report(d, "zero output");
    d->Z[0 + 5 * d->n] = 3;
    same_report(d, "zero output but buying");
    d->Z[2 + 1 * d->n] = NAN;
    same_report(d, "NaN in Z");
    clio_table_free(d);

    /* a malformed CSC built in memory is refused, never read out of bounds */
    clio_table *s = germany();
    clio_error e = {0};
    clio_table_sparsify(s, &e);
    clio_report r = {0};
    s->Zs->rowind[1] = 99;
    tap_ok(clio_table_check(s, 1e-6, &r) == CLIO_EINVAL && r.count &&
               strstr(r.items[r.count - 1].message, "row index is outside"),
           "check: a row index outside the table is an error");
    clio_report_free(&r);
    s->Zs->rowind[1] = s->Zs->rowind[0];
    tap_ok(clio_table_check(s, 1e-6, &r) == CLIO_EINVAL && r.count &&
               strstr(r.items[r.count - 1].message, "increase strictly"),
           "check: rows out of order are an error");
    clio_report_free(&r);
    double *Z = clioi_alloc_matrix(s->n, s->n);
    s->Z = Z;
    tap_ok(clio_table_check(s, 1e-6, &r) == CLIO_EINVAL && r.count &&
               strstr(r.items[0].message, "both dense and sparse"),
           "check: Z and Zs both set is an error");
    clio_report_free(&r);
    free(Z);
    s->Z = NULL;
    clio_table_free(s);
}

/* The storage attributes of a written file. */
static void file_facts(const char *path, int *version, char *storage, size_t len)
{
    int ncid;
    *version = -1;
    storage[0] = '\0';
    if (nc_open(path, NC_NOWRITE, &ncid))
        return;
    nc_get_att_int(ncid, NC_GLOBAL, "clio_format_version", version);
    size_t alen = 0;
    if (nc_inq_attlen(ncid, NC_GLOBAL, "Z_storage", &alen) == NC_NOERR && alen < len) {
        nc_get_att_text(ncid, NC_GLOBAL, "Z_storage", storage);
        storage[alen] = '\0';
    }
    nc_close(ncid);
}

static void test_netcdf_round_trip(void)
{
    clio_table *d = germany(), *s = germany(), *back = NULL;
    clio_error e = {0};
    clio_table_sparsify(s, &e);
    const char *path = tap_scratch_path("sparse.nc"), *dpath = tap_scratch_path("dense.nc");
    tap_ok(clio_table_write_netcdf(s, path, &e) == CLIO_OK, "write a sparse table");
    int version;
    char storage[16];
    file_facts(path, &version, storage, sizeof storage);
    tap_ok(version == 2 && strcmp(storage, "csc") == 0,
           "a sparse file: clio_format_version 2, Z_storage csc");
    clio_table_write_netcdf(d, dpath, &e);
    file_facts(dpath, &version, storage, sizeof storage);
    tap_ok(version == 1 && storage[0] == '\0', "a dense file: version 1, no Z_storage");
    int status = clio_table_read_netcdf(path, &back, &e);
    if (!tap_ok(status == CLIO_OK && back && clio_table_is_sparse(back),
                "read back: a sparse table"))
        tap_diag("%s", e.message);
    if (back) {
        tap_ok(back->Zs->nnz == s->Zs->nnz && same_z(back, d) &&
                   memcmp(back->x, d->x, d->n * sizeof *d->x) == 0 &&
                   memcmp(back->Y, d->Y, d->n * d->nfd * sizeof *d->Y) == 0,
               "the same numbers come back");
        clio_report r = {0};
        tap_ok(clio_table_check(back, 1e-6, &r) == CLIO_OK, "and it passes the check");
        clio_report_free(&r);
    }
    clio_table_free(back);
    back = NULL;
    tap_ok(clio_table_read(path, &back, &e) == CLIO_OK && clio_table_is_sparse(back),
           "clio_table_read reads it too");
    clio_table_free(back);

    /* an all-zero Z: no Z_nonzero dimension, and it reads back */
    memset(d->Z, 0, d->n * d->n * sizeof *d->Z);
    clio_table_sparsify(d, &e);
    const char *zpath = tap_scratch_path("zero.nc");
    back = NULL;
    tap_ok(clio_table_write_netcdf(d, zpath, &e) == CLIO_OK &&
               clio_table_read_netcdf(zpath, &back, &e) == CLIO_OK && back->Zs->nnz == 0 &&
               back->Zs->colptr[back->n] == 0,
           "a sparse Z with no entries round-trips");
    clio_table_free(back);
    clio_table_free(d);
    clio_table_free(s);
}

/* Malformed files: a good sparse file, then one change through the netCDF
 * C API (the way another tool could break one). */
enum bad { BAD_START0, BAD_DECREASING, BAD_PAST_END, BAD_END, BAD_ROW_RANGE, BAD_ROW_ORDER,
           BAD_NAN, BAD_STORAGE, BAD_STARTS_DIM, BAD_ZERO };

static void break_file(const char *good, const char *path, enum bad kind)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", good, path);
    if (system(cmd) != 0)
        return;
    int ncid, vs, vr, vv;
    if (nc_open(path, NC_WRITE, &ncid))
        return;
    nc_inq_varid(ncid, "Z_column_start", &vs);
    nc_inq_varid(ncid, "Z_row", &vr);
    nc_inq_varid(ncid, "Z_value", &vv);
    size_t i0 = 0, i1 = 1, i2 = 2, n = 0;
    int dim;
    nc_inq_dimid(ncid, "sector", &dim);
    nc_inq_dimlen(ncid, dim, &n);
    long long v;
    double x;
    switch (kind) {
    case BAD_START0: v = 1; nc_put_var1_longlong(ncid, vs, &i0, &v); break;
    case BAD_DECREASING: v = 0; nc_put_var1_longlong(ncid, vs, &i2, &v); break;
    case BAD_PAST_END: v = 1000000; nc_put_var1_longlong(ncid, vs, &i1, &v); break;
    case BAD_END: /* one entry short */
        nc_get_var1_longlong(ncid, vs, &n, &v);
        v--;
        nc_put_var1_longlong(ncid, vs, &n, &v);
        break;
    case BAD_ROW_RANGE: v = (long long)n; nc_put_var1_longlong(ncid, vr, &i1, &v); break;
    case BAD_ROW_ORDER: v = 0; nc_put_var1_longlong(ncid, vr, &i1, &v); break;
    case BAD_NAN: x = NAN; nc_put_var1_double(ncid, vv, &i2, &x); break;
    case BAD_ZERO: x = 0; nc_put_var1_double(ncid, vv, &i2, &x); break;
    case BAD_STORAGE:
        nc_redef(ncid);
        nc_put_att_text(ncid, NC_GLOBAL, "Z_storage", 3, "coo");
        break;
    case BAD_STARTS_DIM:
        nc_redef(ncid);
        nc_inq_dimid(ncid, "buying_sector_start", &dim);
        nc_rename_dim(ncid, dim, "starts");
        break;
    }
    nc_close(ncid);
}

static void test_malformed(void)
{
    clio_table *s = germany();
    clio_error e = {0};
    clio_table_sparsify(s, &e);
    const char *good = tap_scratch_path("good.nc"), *bad = tap_scratch_path("bad.nc");
    clio_table_write_netcdf(s, good, &e);
    struct { enum bad kind; int status; const char *needle; } cases[] = {
        {BAD_START0, CLIO_EFORMAT, "Z_column_start[0] is 1, but must be 0"},
        {BAD_DECREASING, CLIO_EFORMAT, "Z_column_start[2] = 0 is below Z_column_start[1]"},
        {BAD_PAST_END, CLIO_EFORMAT, "end of column 'agriculture') is past the"},
        {BAD_END, CLIO_EFORMAT, "Z_column_start ends at 35, but Z_nonzero has 36 entries"},
        {BAD_ROW_RANGE, CLIO_EFORMAT, "Z_row[1] = 6 in column 'agriculture' is not a sector index (0 to 5)"},
        {BAD_ROW_ORDER, CLIO_EFORMAT, "Z_row[1] = 0 in column 'agriculture' does not follow Z_row[0] = 0"},
        {BAD_NAN, CLIO_EVALUE, "Z_value[2] = nan (row 'construction', column 'agriculture') is not finite"},
        {BAD_STORAGE, CLIO_EFORMAT, "Z_storage is 'coo'"},
        {BAD_STARTS_DIM, CLIO_EFORMAT, "buying_sector_start of length n + 1 = 7"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        break_file(good, bad, cases[k].kind);
        clio_table *t = NULL;
        e = (clio_error){0};
        int status = clio_table_read_netcdf(bad, &t, &e);
        char what[200];
        snprintf(what, sizeof what, "refused: ...%s", cases[k].needle);
        tap_status(status, cases[k].status, e.message, cases[k].needle, what);
        tap_ok(!t && (status == CLIO_OK || strstr(e.message, bad)), "  ... naming the file, no table");
        clio_table_free(t);
    }
    /* an explicit zero is dropped: the table's CSC holds none */
    break_file(good, bad, BAD_ZERO);
    clio_table *t = NULL;
    tap_ok(clio_table_read_netcdf(bad, &t, &e) == CLIO_OK && t->Zs->nnz == s->Zs->nnz - 1 &&
               t->Zs->colptr[t->n] == (int64_t)t->Zs->nnz,
           "an explicit zero in Z_value is dropped");
    clio_table_free(t);
    clio_table_free(s);
}

/* The CSV writers and the satellites copy take a sparse table too. */
static void test_writers(void)
{
    clio_table *d = germany(), *s = germany(), *back = NULL;
    clio_error e = {0};
    clio_table_sparsify(s, &e);
    const char *dir = tap_scratch_path("matrixset");
    tap_ok(clio_table_write_matrixset(s, dir, &e) == CLIO_OK &&
               clio_table_read_matrixset(dir, NULL, "DE", &back, &e) == CLIO_OK &&
               memcmp(back->Z, d->Z, d->n * d->n * sizeof *d->Z) == 0,
           "a sparse table written as a matrix set reads back dense, the same");
    clio_table_free(back);
    const char *pdir = tap_scratch_path("pymrio");
    int status = clio_table_write_pymrio(s, pdir, &e);
    if (!tap_ok(status == CLIO_OK, "a sparse table written as a pymrio folder"))
        tap_diag("%s", e.message);
    double extra[6] = {1, 2, 3, 4, 5, 6};
    const char *names[] = {"water2"};
    clio_table *c = NULL;
    tap_ok(clio_table_add_satellites(s, 1, names, NULL, extra, 1, NULL, 0, &c, &e) == CLIO_OK &&
               clio_table_is_sparse(c) && same_z(c, d),
           "adding satellites keeps the sparse Z");
    clio_table_free(c);
    clio_table_free(d);
    clio_table_free(s);
}

int main(void)
{
    tap_scratch_begin("sparse");
    test_conversions();
    test_check();
    test_netcdf_round_trip();
    test_malformed();
    test_writers();
    tap_scratch_end();
    return tap_done();
}
