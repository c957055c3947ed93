/* bench_clusters.c -- `bench_clusters TABLE.nc [REGION] [REPEATS]`: time
 * clio_clusters_find with each method -- Feser & Bergman (the defaults:
 * Kaiser's rule, varimax), Leiden and Louvain (resolution 1, threshold
 * 0.01) -- on the whole table and, when REGION is given, on that region's
 * sectors alone.  The table is read once, outside the timing.  Prints one
 * line per case:
 *   method scope sectors clusters members quality median_seconds
 * (quality: variance explained for Feser-Bergman, modularity otherwise).
 * Used by benchmarks/clusters.sh.  Public API only. */
#include "clio.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static const char *const method_names[] = {"feser-bergman", "leiden", "louvain"};

/* Time `repeats` runs of one method for one scope (region CLIO_NONE: all). */
static int run(const clio_table *t, int method, size_t region, int repeats)
{
    clio_cluster_options o;
    clio_cluster_options_default(&o);
    o.method = method;
    o.region = region;
    double times[64];
    clio_clusters *c = NULL;
    for (int r = 0; r < repeats; r++) {
        clio_error err = {0};
        clio_clusters_free(c);
        double t0 = now();
        int status = clio_clusters_find(t, &o, &c, &err);
        times[r] = now() - t0;
        if (status != CLIO_OK) {
            fprintf(stderr, "bench_clusters: %s\n", err.message);
            return 1;
        }
    }
    qsort(times, (size_t)repeats, sizeof *times, cmp);
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        n += region == CLIO_NONE || t->sector_region[i] == region;
    printf("%s %s %zu %zu %zu %.4f %.3f\n", method_names[method],
           region == CLIO_NONE ? "all" : t->regions[region], n,
           c->groups->ngroups, c->groups->start[c->groups->ngroups], c->quality,
           times[repeats / 2]);
    clio_clusters_free(c);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_clusters TABLE.nc [REGION] [REPEATS]\n");
        return 64;
    }
    int repeats = argc > 3 ? atoi(argv[3]) : 3;
    if (repeats < 1 || repeats > 64)
        repeats = 3;
    clio_table *t = NULL;
    clio_error err = {0};
    if (clio_table_read(argv[1], &t, &err) != CLIO_OK) {
        fprintf(stderr, "bench_clusters: %s\n", err.message);
        return 1;
    }
    int rc = 0;
    for (int m = CLIO_CLUSTERS_FESER_BERGMAN; rc == 0 && m <= CLIO_CLUSTERS_LOUVAIN; m++) {
        rc = run(t, m, CLIO_NONE, repeats);
        for (size_t r = 0; rc == 0 && argc > 2 && r < t->nregions; r++)
            if (strcmp(t->regions[r], argv[2]) == 0)
                rc = run(t, m, r, repeats);
    }
    clio_table_free(t);
    return rc;
}
