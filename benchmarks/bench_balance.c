/* bench_balance.c -- `bench_balance ras|gras MATRIX.csv ROWS.csv COLS.csv
 * [REPEATS]`: time clio_ras / clio_gras on a labelled matrix (the files are
 * read once, outside the timing) and print one line:
 *   method rows cols iterations residual median_seconds
 * Used by benchmarks/balance.sh.  Public API only. */
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

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: bench_balance ras|gras MATRIX.csv ROWS.csv COLS.csv [REPEATS]\n");
        return 64;
    }
    int gras = strcmp(argv[1], "gras") == 0, repeats = argc > 5 ? atoi(argv[5]) : 5;
    if (repeats < 1 || repeats > 100)
        repeats = 5;
    clio_error err = {0};
    clio_matrix *m;
    int st = clio_matrix_read_csv(argv[2], &m, &err);
    if (st != CLIO_OK) {
        fprintf(stderr, "bench_balance: %s\n", err.message);
        return st;
    }
    size_t cells = m->rows * m->cols;
    double *u = malloc(m->rows * sizeof *u), *v = malloc(m->cols * sizeof *v);
    double *X = malloc(cells * sizeof *X), seconds[100];
    if (!u || !v || !X)
        return 3;
    if ((st = clio_matrix_targets_read_csv(argv[3], m, 0, u, &err)) == CLIO_OK)
        st = clio_matrix_targets_read_csv(argv[4], m, 1, v, &err);
    clio_balance_info info = {0};
    for (int r = 0; st == CLIO_OK && r < repeats; r++) {
        memcpy(X, m->values, cells * sizeof *X);
        double t0 = now();
        st = (gras ? clio_gras : clio_ras)(m->rows, m->cols, X, m->rows, u, v, NULL, &info, &err);
        seconds[r] = now() - t0;
    }
    if (st != CLIO_OK) {
        fprintf(stderr, "bench_balance: %s\n", err.message);
        return st;
    }
    qsort(seconds, (size_t)repeats, sizeof *seconds, cmp);
    printf("%s %zu %zu %d %.3g %.6f\n", gras ? "GRAS" : "RAS", m->rows, m->cols, info.iterations,
           info.residual, seconds[repeats / 2]);
    free(u), free(v), free(X);
    clio_matrix_free(m);
    return 0;
}
