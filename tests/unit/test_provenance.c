/* test_provenance.c -- clio_provenance_set_files: the inputs' SHA-256 lines
 * computed in a background thread arrive whole in the next NetCDF file
 * (each as clio_sha256_file gives it, unreadable paths left out, in the
 * order given), a hashing given up by clio_provenance_set leaves no inputs
 * behind, the stop flag the thread obeys, and the argument errors. */
#include "tap.h"

#include "clio.h"
#include "../../tables/provenance.h"

#include <netcdf.h>
#include <stdlib.h>

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    fputs(text, fp);
    fclose(fp);
}

/* A file of `mb` megabytes of one repeated line (enough to take a while to
 * hash, so that the thread is still running when it is given up). */
static void write_big(const char *path, size_t mb)
{
    FILE *fp = fopen(path, "wb");
    char line[1024];
    memset(line, 'x', sizeof line);
    for (size_t k = 0; k < mb * 1024; k++)
        fwrite(line, 1, sizeof line, fp);
    fclose(fp);
}

/* The global text attribute `name` of the NetCDF file at path, malloc'ed,
 * or NULL when it is absent. */
static char *global_text(const char *path, const char *name)
{
    int ncid;
    size_t len;
    char *text = NULL;
    if (nc_open(path, NC_NOWRITE, &ncid) != NC_NOERR)
        return NULL;
    if (nc_inq_attlen(ncid, NC_GLOBAL, name, &len) == NC_NOERR && (text = calloc(len + 1, 1)))
        nc_get_att_text(ncid, NC_GLOBAL, name, text);
    nc_close(ncid);
    return text;
}

/* What a NetCDF file written now records as its inputs. */
static char *inputs_written(const clio_table *t, const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/t.nc", dir);
    clio_error err = {0};
    char *inputs = clio_table_write_netcdf(t, path, &err) == CLIO_OK
                       ? global_text(path, "clio_inputs")
                       : NULL;
    remove(path);
    return inputs;
}

static void line_of(const char *path, char *line, size_t size)
{
    char hex[65];
    unsigned long long bytes = 0;
    clio_sha256_file(path, hex, &bytes, NULL);
    snprintf(line, size, "%s  %s  %llu\n", hex, path, bytes);
}

static void test_lines(const clio_table *t, const char *dir)
{
    char a[512], b[512], missing[512], big[512];
    snprintf(a, sizeof a, "%s/a.yaml", dir);
    snprintf(b, sizeof b, "%s/b.csv", dir);
    snprintf(missing, sizeof missing, "%s/missing.csv", dir);
    snprintf(big, sizeof big, "%s/big.txt", dir);
    write_file(a, "scenarios: []\n");
    write_file(b, "region,sector,value\n");
    write_big(big, 8);
    const char *paths[] = {b, missing, dir, big, a};
    tap_ok(clio_provenance_set_files("clio test", paths, 5) == CLIO_OK, "hashing started");
    char *inputs = inputs_written(t, dir);
    char lb[700], lbig[700], la[700], want[2200];
    line_of(b, lb, sizeof lb);
    line_of(big, lbig, sizeof lbig);
    line_of(a, la, sizeof la);
    snprintf(want, sizeof want, "%s%s%s", lb, lbig, la);
    tap_ok(inputs && strcmp(inputs, want) == 0,
           "the file records each readable input's SHA-256, path and size, in order; the "
           "missing file and the folder left out");
    free(inputs);
    inputs = inputs_written(t, dir);
    tap_ok(inputs && strcmp(inputs, want) == 0, "a second file records the same inputs");
    free(inputs);

    /* given up: a later setting replaces a hashing still under way */
    const char *one[] = {big};
    tap_ok(clio_provenance_set_files("clio test", one, 1) == CLIO_OK &&
               clio_provenance_set("clio other", NULL) == CLIO_OK,
           "a hashing is given up by clio_provenance_set");
    inputs = inputs_written(t, dir);
    tap_ok(inputs == NULL, "no inputs recorded after it");
    free(inputs);
    tap_ok(clio_provenance_set_files("clio none", NULL, 0) == CLIO_OK,
           "no inputs at all is accepted");
    inputs = inputs_written(t, dir);
    tap_ok(inputs == NULL, "and records none");
    free(inputs);
    tap_ok(clio_provenance_set_files("clio test", NULL, 2) == CLIO_EINVAL,
           "paths NULL with a count: EINVAL");
    tap_ok(clio_provenance_set_files("clio test", one, 1) == CLIO_OK &&
               clio_provenance_set(NULL, NULL) == CLIO_OK,
           "a hashing is stopped before exit");
    /* what the thread checks between blocks */
    atomic_int stop;
    atomic_init(&stop, 1);
    char hex[65];
    clio_error err = {0};
    tap_ok(clioi_sha256_until(big, hex, NULL, &stop, &err) == CLIO_EIO &&
               strstr(err.message, "stopped"),
           "a set stop flag ends the hash: %s", err.message);
    atomic_store(&stop, 0);
    tap_ok(clioi_sha256_until(big, hex, NULL, &stop, &err) == CLIO_OK,
           "a clear one lets it finish");
    remove(a);
    remove(b);
    remove(big);
}

int main(void)
{
    char dir[] = "/tmp/clio_test_provenance_XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    clio_table *t = NULL;
    clio_error err = {0};
    tap_ok(clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err) == CLIO_OK,
           "Germany 1995 read");
    if (t)
        test_lines(t, dir);
    clio_table_free(t);
    rmdir(dir);
    return tap_done();
}
