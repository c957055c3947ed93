/* gen_table.c -- `gen_table N OUT.nc [SEED]`: write a reproducible synthetic
 * dense input-output table of N sectors as a clio NetCDF file, for the
 * benchmark (benchmarks/run.sh).  Uses the public API only.
 *
 * The table: one region "SYN", sectors s1..sN, total output x uniform in
 * [100, 10000], every Z entry positive, coefficient column sums
 * c_j = sum_i A(i,j) drawn from [0.2, 0.7] (rows with an unusually large
 * share scaled down, which can lower a column sum a little), a few larger
 * entries per column and a heavier diagonal (own-industry purchases).
 * Z is built as Z(i,j) = x_i x_j K(i,j): K is normalised so that the
 * x-weighted column sums are c_j, then each row whose x-weighted sum
 * exceeds ROW_MAX is scaled to ROW_MAX.  So Z 1 <= ROW_MAX x and the single
 * final-demand column f = x - Z 1 >= (1 - ROW_MAX) x > 0 by construction.
 * Value added, split into "compensation" and "other_value_added", closes the
 * column balance 1'Z + 1'V = x'; the satellite "employment" (persons) is
 * x_j times a labour intensity in [0.5, 20].
 *
 * Deterministic: splitmix64 seeded with SEED (default 1), one stream
 * consumed in a fixed order, so the same N and SEED give the same table
 * on every machine.
 */
#include "clio.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROW_MAX 0.9   /* largest share of a sector's output sold to industry */
#define DIAG_SHARE 0.08 /* own-industry weight, as a share of a column's mean weight * n */
#define BIG_PER_COL 3 /* larger entries per column */
#define BIG_FACTOR 25.0

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t splitmix64(rng *r)
{
    uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* uniform in (0, 1) */
static double unif(rng *r)
{
    return ((double)(splitmix64(r) >> 11) + 0.5) * 0x1.0p-53;
}

static double unif_in(rng *r, double lo, double hi)
{
    return lo + (hi - lo) * unif(r);
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *s == '\0' || *s == '-' || *end != '\0' || v == 0 || v > 100000)
        return -1;
    *out = (size_t)v;
    return 0;
}

static int set_label(clio_table *t, int kind, size_t i, const char *text)
{
    return clio_table_set_label(t, kind, i, text);
}

static char *dup_str(const char *s)
{
    size_t len = strlen(s) + 1;
    char *d = malloc(len);
    if (d)
        memcpy(d, s, len);
    return d;
}

/* fill_numbers -- Z, Y, V, x and S of t (n sectors, 1 final-demand column,
 * 2 value-added rows, 1 satellite).  Returns 0, or -1 when out of memory. */
static int fill_numbers(clio_table *t, uint64_t seed)
{
    size_t n = t->n;
    double *Z = t->Z, *x = t->x;
    double *rowsum = calloc(n, sizeof *rowsum);
    if (!rowsum)
        return -1;
    rng r = {seed};

    for (size_t i = 0; i < n; i++)
        x[i] = unif_in(&r, 100.0, 10000.0);

    /* Column by column: raw weights w(i,j) = u^2 (many small, some larger),
     * a few BIG_FACTOR times larger, a heavier diagonal; then
     * Z(i,j) = c_j x_j * x_i w(i,j) / sum_k x_k w(k,j), whose column sum is
     * c_j x_j, i.e. A's column sum is c_j. */
    for (size_t j = 0; j < n; j++) {
        double *col = Z + j * n;
        double c = unif_in(&r, 0.2, 0.7);
        double wsum = 0.0;
        for (size_t i = 0; i < n; i++) {
            double u = unif(&r);
            col[i] = u * u;
            wsum += col[i];
        }
        for (int b = 0; b < BIG_PER_COL; b++)
            col[splitmix64(&r) % n] *= BIG_FACTOR;
        col[j] += DIAG_SHARE * wsum * unif_in(&r, 0.5, 1.5);
        double d = 0.0;
        for (size_t i = 0; i < n; i++) {
            col[i] *= x[i];
            d += col[i];
        }
        double scale = c * x[j] / d;
        for (size_t i = 0; i < n; i++) {
            col[i] *= scale;
            rowsum[i] += col[i];
        }
    }

    /* Rows that sell more than ROW_MAX of their output to industry are
     * scaled down to ROW_MAX (this only lowers column sums). */
    for (size_t i = 0; i < n; i++) {
        if (rowsum[i] > ROW_MAX * x[i]) {
            double s = ROW_MAX * x[i] / rowsum[i];
            for (size_t j = 0; j < n; j++)
                Z[i + j * n] *= s;
        }
    }

    /* Final demand closes the row balance, value added the column balance. */
    for (size_t i = 0; i < n; i++)
        rowsum[i] = 0.0;
    for (size_t j = 0; j < n; j++) {
        const double *col = Z + j * n;
        double colsum = 0.0;
        for (size_t i = 0; i < n; i++) {
            rowsum[i] += col[i];
            colsum += col[i];
        }
        double va = x[j] - colsum; /* >= 0.3 x_j: c_j <= 0.7 */
        double comp = va * unif_in(&r, 0.4, 0.7);
        t->V[0 + 2 * j] = comp;
        t->V[1 + 2 * j] = va - comp;
        t->S[j] = x[j] * unif_in(&r, 0.5, 20.0);
    }
    for (size_t i = 0; i < n; i++) {
        double f = x[i] - rowsum[i]; /* >= (1 - ROW_MAX) x_i */
        t->Y[i] = f > 0.0 ? f : 0.0;
    }
    free(rowsum);
    return 0;
}

int main(int argc, char **argv)
{
    size_t n;
    uint64_t seed = 1;
    if (argc < 3 || argc > 4 || parse_size(argv[1], &n) != 0) {
        fprintf(stderr, "usage: gen_table N OUT.nc [SEED]   (1 <= N <= 100000)\n");
        return 64;
    }
    if (argc == 4) {
        char *end;
        errno = 0;
        unsigned long long s = strtoull(argv[3], &end, 10);
        if (errno || *argv[3] == '\0' || *argv[3] == '-' || *end != '\0') {
            fprintf(stderr, "gen_table: SEED must be a non-negative integer, not '%s'\n",
                    argv[3]);
            return 64;
        }
        seed = (uint64_t)s;
    }

    clio_table *t = clio_table_alloc(1, n, 1, 2, 1);
    if (!t) {
        fprintf(stderr, "gen_table: out of memory for n = %zu\n", n);
        return CLIO_ENOMEM;
    }
    int status = set_label(t, CLIO_LABEL_REGION, 0, "SYN");
    char name[32];
    for (size_t i = 0; i < n && status == CLIO_OK; i++) {
        snprintf(name, sizeof name, "s%zu", i + 1);
        status = set_label(t, CLIO_LABEL_SECTOR, i, name);
        t->sector_region[i] = 0;
    }
    if (status == CLIO_OK)
        status = set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "final_demand");
    t->fd_region[0] = 0;
    if (status == CLIO_OK)
        status = set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "compensation");
    if (status == CLIO_OK)
        status = set_label(t, CLIO_LABEL_VALUE_ADDED, 1, "other_value_added");
    if (status == CLIO_OK)
        status = set_label(t, CLIO_LABEL_SATELLITE, 0, "employment");
    if (status == CLIO_OK)
        status = set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "persons");
    if (status != CLIO_OK) {
        fprintf(stderr, "gen_table: cannot set labels: %s\n", clio_strerror(status));
        clio_table_free(t);
        return status;
    }

    char title[128];
    snprintf(title, sizeof title, "synthetic dense IO table, n = %zu, seed = %" PRIu64, n, seed);
    t->title = dup_str(title);
    t->unit = dup_str("EUR million");
    t->source = dup_str("clio benchmarks/gen_table.c (splitmix64)");
    if (!t->title || !t->unit || !t->source || fill_numbers(t, seed) != 0) {
        fprintf(stderr, "gen_table: out of memory for n = %zu\n", n);
        clio_table_free(t);
        return CLIO_ENOMEM;
    }

    clio_error err = {0};
    status = clio_table_write_netcdf(t, argv[2], &err);
    if (status != CLIO_OK)
        fprintf(stderr, "gen_table: %s\n", err.message[0] ? err.message : clio_strerror(status));
    clio_table_free(t);
    return status;
}
