/* provenance.c -- what made a file: the command line and the inputs (with
 * their SHA-256) a program records once with clio_provenance_set, and the
 * dates, written by every NetCDF file as CF/ACDD global attributes
 * (tables/netcdf_common.c).  Like clio_progress_set, a process-wide
 * setting: the program sets it before writing, never while writing. */
#include "provenance.h"

#include <errno.h>
#include <stdio.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static char *recorded_command;
static char *recorded_inputs;

int clio_provenance_set(const char *command_line, const char *inputs)
{
    char *c = clioi_strdup(command_line), *i = clioi_strdup(inputs);
    if ((command_line && !c) || (inputs && !i)) {
        free(c);
        free(i);
        return CLIO_ENOMEM;
    }
    free(recorded_command);
    free(recorded_inputs);
    recorded_command = c;
    recorded_inputs = i;
    return CLIO_OK;
}

const char *clioi_provenance_command(void)
{
    return recorded_command;
}

const char *clioi_provenance_inputs(void)
{
    return recorded_inputs;
}

/* The time files are stamped with: now, or SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), so that runs can be compared byte for
 * byte. */
static time_t stamp_time(void)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        errno = 0;
        long long v = strtoll(epoch, &end, 10);
        if (*end == '\0' && errno == 0 && v >= 0)
            return (time_t)v;
    }
    return time(NULL);
}

void clioi_provenance_date(char buf[CLIOI_DATE_LEN])
{
    time_t now = stamp_time();
    struct tm tm;
    if (!gmtime_r(&now, &tm) || strftime(buf, CLIOI_DATE_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(buf, CLIOI_DATE_LEN, "1970-01-01T00:00:00Z");
}

int clio_sha256_file(const char *path, char hex[65], unsigned long long *bytes, clio_error *err)
{
    if (!path || !hex)
        return clioi_fail(err, CLIO_EINVAL, "clio_sha256_file: NULL argument");
    struct stat st;
    if (stat(path, &st) != 0)
        return clioi_fail(err, CLIO_EIO, "cannot read '%s': %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode))
        return clioi_fail(err, CLIO_EIO, "cannot read '%s': not a regular file", path);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return clioi_fail(err, CLIO_EIO, "cannot read '%s': %s", path, strerror(errno));
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char block[65536];
    unsigned long long total = 0;
    size_t got;
    while ((got = fread(block, 1, sizeof block, fp)) > 0) {
        sha256_update(&ctx, got, block);
        total += got;
    }
    int failed = ferror(fp);
    fclose(fp);
    if (failed)
        return clioi_fail(err, CLIO_EIO, "cannot read '%s': read error", path);
    unsigned char digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    for (size_t k = 0; k < SHA256_DIGEST_SIZE; k++)
        snprintf(hex + 2 * k, 3, "%02x", digest[k]);
    if (bytes)
        *bytes = total;
    return CLIO_OK;
}
