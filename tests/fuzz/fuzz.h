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

/* The structure-aware targets read their input as a stream of choices. */
typedef struct fuzz_bytes {
    const uint8_t *p;
    size_t left;
} fuzz_bytes;

/* The next byte, 0 once the input is used up. */
static __attribute__((unused)) unsigned fuzz_next(fuzz_bytes *b)
{
    if (!b->left)
        return 0;
    b->left--;
    return *b->p++;
}

/* A number: mostly small ordinary values (first byte < 200, offset and
 * scaled), else any double from the next 8 bytes (NaN, infinities, ...). */
static __attribute__((unused)) double fuzz_next_double(fuzz_bytes *b, double offset,
                                                       double scale)
{
    unsigned kind = fuzz_next(b);
    if (kind < 200)
        return ((double)kind - offset) * scale;
    uint64_t bits = 0;
    for (int k = 0; k < 8; k++)
        bits = bits << 8 | fuzz_next(b);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
}

#endif
