/* bench_ario.c -- time the ARIO simulation (clio_ario_run) on the WIOD
 * 2011 world table (41 regions x 35 industries, n = 1435): 365 daily
 * steps after a 20 % loss of production capacity in one region's
 * manufacturing (c3 .. c16), recovering linearly over 180 days, with
 * the default parameters.  Prints a Markdown table: n, products, steps,
 * set-up seconds (a 0-step run), whole-run seconds (median of RUNS),
 * steps per second, and two checks -- the largest relative deviation
 * from x of a no-shock run, and the region's output lost over the year.
 *
 *   bench_ario [WIOD_DIR [RUNS [REGION]]]
 *   (defaults: ../shared/data/wiod_2013_release, 5, JPN)
 *
 * See benchmarks/README.md, "ARIO dynamic simulation". */
#include "clio.h"

#include <math.h>
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

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Seconds of one clio_ario_run; the result goes to *out (may be NULL). */
static double timed_run(const clio_table *t, const clio_ario_params *p, const clio_ario_shock *s,
                        clio_ario_result **out)
{
    clio_ario_result *r = NULL;
    clio_error err = {0};
    double t0 = now();
    if (clio_ario_run(t, p, s, &r, &err) != CLIO_OK) {
        fprintf(stderr, "bench_ario: %s\n", err.message);
        exit(1);
    }
    double dt = now() - t0;
    if (out)
        *out = r;
    else
        clio_ario_result_free(r);
    return dt;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "../shared/data/wiod_2013_release";
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    const char *region = argc > 3 ? argv[3] : "JPN";
    if (runs < 1 || runs > 100)
        runs = 5;
    clio_matrixset_files files = {.Z = "Z_2011.csv", .Y = "Y_2011.csv", .x = "x_2011.csv"};
    clio_table *t = NULL;
    clio_error err = {0};
    double t0 = now();
    if (clio_table_read_matrixset(dir, &files, NULL, &t, &err) != CLIO_OK) {
        fprintf(stderr, "bench_ario: %s\n", err.message);
        return 1;
    }
    double read_s = now() - t0;
    size_t n = t->n;
    double *loss = calloc(n, sizeof *loss), *days = calloc(n, sizeof *days);
    size_t hit = 0, products = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = t->sector_names[i];
        int c = name[0] == 'c' ? atoi(name + 1) : 0;
        days[i] = 180;
        if (strcmp(t->regions[t->sector_region[i]], region) == 0 && c >= 3 && c <= 16) {
            loss[i] = 0.2;
            hit++;
        }
        if (t->sector_region[i] == 0)
            products++;
    }
    if (!hit) {
        fprintf(stderr, "bench_ario: no manufacturing sectors c3..c16 in region '%s'\n", region);
        return 1;
    }
    clio_ario_shock shock = {loss, days, NULL, NULL};
    clio_ario_params p;
    clio_ario_defaults(&p);

    /* the baseline stays put on real data too */
    clio_ario_result *r = NULL;
    timed_run(t, &p, NULL, &r);
    double dev = 0;
    for (size_t k = 0; k <= r->steps; k++)
        for (size_t i = 0; i < n; i++)
            if (t->x[i] > 0)
                dev = fmax(dev, fabs(r->production[i + k * n] - t->x[i]) / t->x[i]);
    clio_ario_result_free(r);

    clio_ario_params setup_only = p;
    setup_only.steps = 0;
    double *setup = calloc((size_t)runs, sizeof *setup), *whole = calloc((size_t)runs, sizeof *whole);
    for (int k = 0; k < runs; k++) {
        setup[k] = timed_run(t, &setup_only, &shock, NULL);
        whole[k] = timed_run(t, &p, &shock, k == runs - 1 ? &r : NULL);
    }
    qsort(setup, (size_t)runs, sizeof *setup, compare);
    qsort(whole, (size_t)runs, sizeof *whole, compare);
    double s_med = setup[runs / 2], w_med = whole[runs / 2];
    double lost = 0, base = 0, low = 1;
    for (size_t i = 0; i < n; i++)
        if (loss[i] > 0) {
            lost += r->loss[i];
            base += t->x[i];
        }
    for (size_t k = 0; k <= r->steps; k++) {
        double world = 0, world0 = 0;
        for (size_t i = 0; i < n; i++) {
            world += r->production[i + k * n];
            world0 += t->x[i];
        }
        low = fmin(low, world / world0);
    }
    printf("read WIOD 2011 from %s in %.2f s; shock: %zu sectors of %s lose 20%% of capacity, "
           "recovering over 180 days\n\n", dir, read_s, hit, region);
    printf("| n | products | steps | runs | set-up s | run s | steps/s | no-shock max rel. dev. "
           "| %s manufacturing output lost | lowest world output |\n", region);
    printf("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    printf("| %zu | %zu | %zu | %d | %.3f | %.3f | %.0f | %.1e | %.2f %% of a year | %.4f %% below "
           "baseline |\n", n, products, p.steps, runs, s_med, w_med,
           (double)p.steps / (w_med - s_med), dev, 100 * lost / base, 100 * (1 - low));
    clio_ario_result_free(r);
    free(setup);
    free(whole);
    free(loss);
    free(days);
    clio_table_free(t);
    return 0;
}
