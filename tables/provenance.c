/* provenance.c -- what made a file: the command line and the inputs (with
 * their SHA-256) a program records once with clio_provenance_set, and the
 * dates, written by every NetCDF file as CF/ACDD global attributes
 * (tables/netcdf_common.c).  Like clio_progress_set, a process-wide
 * setting: the program sets it before writing, never while writing.  The
 * inputs' hashes may still be computing (provenance_hash.c) until the
 * first writer asks for them. */
#include "provenance.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static char *recorded_command;
static char *recorded_inputs;
static clioi_hash_job *hashing; /* the inputs, until a writer needs them */

/* record -- the new texts, after the old ones and any hashing are gone. */
static void record(char *command_line, char *inputs)
{
    free(clioi_hash_finish(hashing, 1));
    hashing = NULL;
    free(recorded_command);
    free(recorded_inputs);
    recorded_command = command_line;
    recorded_inputs = inputs;
}

int clio_provenance_set(const char *command_line, const char *inputs)
{
    char *c = clioi_strdup(command_line), *i = clioi_strdup(inputs);
    if ((command_line && !c) || (inputs && !i)) {
        free(c);
        free(i);
        return CLIO_ENOMEM;
    }
    record(c, i);
    return CLIO_OK;
}

/* A program that returns from main while hashing would race exit's
 * teardown of stdio with the thread's fread. */
static void stop_at_exit(void)
{
    free(clioi_hash_finish(hashing, 1));
    hashing = NULL;
}

int clio_provenance_set_files(const char *command_line, const char *const *paths, size_t count)
{
    static int stop_registered;
    if (!stop_registered)
        stop_registered = atexit(stop_at_exit) == 0;
    if (count && !paths)
        return CLIO_EINVAL;
    char *c = clioi_strdup(command_line);
    clioi_hash_job *job = NULL;
    if ((command_line && !c) || (count && clioi_hash_start(paths, count, &job) != CLIO_OK)) {
        free(c);
        return CLIO_ENOMEM;
    }
    record(c, NULL);
    hashing = job;
    return CLIO_OK;
}

const char *clioi_provenance_command(void)
{
    return recorded_command;
}

const char *clioi_provenance_inputs(void)
{
    if (hashing) {
        recorded_inputs = clioi_hash_finish(hashing, 0);
        hashing = NULL;
    }
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
    return clioi_sha256_until(path, hex, bytes, NULL, err);
}
