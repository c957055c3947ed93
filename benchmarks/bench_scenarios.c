/* bench_scenarios.c -- `bench_scenarios TABLE.nc SCENARIOS [REPEATS]`:
 * time a batch of demand scenarios against one factorisation.  Writes a
 * scenario file of SCENARIOS scenarios (each changes the final demand of
 * three sectors (rises of 0 to 1,000) chosen by a fixed-seed generator, so NumPy can rebuild the
 * same changes from the file), then times, as medians over REPEATS:
 *   factor   clio_leontief_factor of the table (Z kept)
 *   read     clio_scenarios_read of the file
 *   run      clio_scenarios_run: resolve every scenario, one block solve,
 *            deltas for every account
 * and prints one line: n scenarios factor_s read_s run_s run/factor.
 * The scenario file is left at $BENCH_SCENARIO_FILE (default
 * build/bench-data/scenarios.yaml) for benchmarks/numpy_scenarios.py.
 * Used by benchmarks/scenarios.sh.  Public API only. */
#include "clio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int count)
{
    qsort(v, (size_t)count, sizeof *v, cmp);
    return v[count / 2];
}

/* A small linear congruential generator: the same file on every machine. */
static unsigned long long state = 12345;
static double uniform(void)
{
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(state >> 11) / 9007199254740992.0;
}

static int write_scenarios(const clio_table *t, size_t count, const char *path)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        return -1;
    fprintf(fp, "scenarios:\n");
    for (size_t s = 0; s < count; s++) {
        fprintf(fp, "  - name: s%zu\n    demand:\n", s);
        for (int k = 0; k < 3; k++) {
            size_t i = (size_t)(uniform() * (double)t->n) % t->n;
            fprintf(fp, "      - {region: \"%s\", sector: \"%s\", change: %.6f}\n",
                    t->regions[t->sector_region[i]], t->sector_names[i],
                    1000.0 * uniform());
        }
    }
    return fclose(fp);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_scenarios TABLE.nc SCENARIOS [REPEATS]\n");
        return 64;
    }
    size_t count = strtoul(argv[2], NULL, 10);
    int repeats = argc > 3 ? atoi(argv[3]) : 3;
    const char *file = getenv("BENCH_SCENARIO_FILE");
    file = file ? file : "build/bench-data/scenarios.yaml";
    if (repeats < 1 || repeats > 50)
        repeats = 3;
    clio_error err = {0};
    clio_table *t = NULL;
    if (clio_table_read(argv[1], &t, &err) != CLIO_OK || write_scenarios(t, count, file) != 0) {
        fprintf(stderr, "bench_scenarios: %s\n", err.message[0] ? err.message : file);
        return 1;
    }
    double tf[50], tr[50], tx[50];
    for (int r = 0; r < repeats; r++) {
        clio_leontief *f = NULL;
        clio_scenarios *s = NULL;
        clio_scenario_results *res = NULL;
        double t0 = now();
        int status = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
        double t1 = now();
        if (status == CLIO_OK)
            status = clio_scenarios_read(file, &s, &err);
        double t2 = now();
        if (status == CLIO_OK)
            status = clio_scenarios_run(s, t, f, NULL, &res, &err);
        double t3 = now();
        clio_scenario_results_free(res);
        clio_scenarios_free(s);
        clio_leontief_free(f);
        if (status != CLIO_OK) {
            fprintf(stderr, "bench_scenarios: %s\n", err.message);
            return 1;
        }
        tf[r] = t1 - t0;
        tr[r] = t2 - t1;
        tx[r] = t3 - t2;
    }
    double f = median(tf, repeats), rd = median(tr, repeats), x = median(tx, repeats);
    printf("%zu %zu %.4f %.4f %.4f %.2f\n", t->n, count, f, rd, x, x / f);
    clio_table_free(t);
    return 0;
}
