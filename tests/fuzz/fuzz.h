/* fuzz.h -- shared pieces of clio's libFuzzer targets (tests/fuzz/README.md).
 * The parsers read files, so each input is written to a scratch file first;
 * the fixed companions (the Germany table, a Y.csv) come from the repository,
 * so the targets run from its root. */
#ifndef CLIO_FUZZ_H
#define CLIO_FUZZ_H

#include "clio.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A scratch directory of this process, created once. */
static __attribute__((unused)) const char *fuzz_dir(void)
{
    static char dir[64];
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/clio-fuzz-XXXXXX");
        if (!mkdtemp(dir))
            abort();
    }
    return dir;
}

/* Write bytes to NAME in the scratch directory; returns the path (static). */
static __attribute__((unused)) const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    static char path[4][160];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, sizeof path[0], "%s/%s", fuzz_dir(), name);
    FILE *fp = fopen(p, "wb");
    if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0)
        abort();
    return p;
}

/* The embedded Germany table, read once (targets never modify it). */
static __attribute__((unused)) const clio_table *fuzz_germany(void)
{
    static clio_table *t;
    clio_error err;
    if (!t && clio_table_read("data/germany_1995", &t, &err) != CLIO_OK)
        abort();
    return t;
}

/* A status must be one of clio's: anything else is a bug. */
static __attribute__((unused)) void fuzz_check_status(int status)
{
    if (status < 0 || status > CLIO_ENOCONVERGE || (status > 0 && status < CLIO_EINVAL))
        abort();
}

#endif
