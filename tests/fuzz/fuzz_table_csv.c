/* fuzz_table_csv.c -- a matrix-set folder whose Z.csv (and, split at the
 * first form feed, Y.csv) is the input: read, validate and, when it reads,
 * factor and compute multipliers. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *split = memchr(data, '\f', size);
    size_t zsize = split ? (size_t)(split - data) : size;
    char dir[200];
    snprintf(dir, sizeof dir, "%s/table", fuzz_dir());
    mkdir(dir, 0700);
    fuzz_write("table/Z.csv", data, zsize);
    if (split)
        fuzz_write("table/Y.csv", split + 1, size - zsize - 1);
    else
        remove(strcat(strcpy((char[260]){0}, dir), "/Y.csv"));

    clio_table *t = NULL;
    clio_error err;
    int status = clio_table_read(dir, &t, &err);
    fuzz_check_status(status);
    if (status == CLIO_OK) {
        clio_report report = {0};
        clio_leontief *f = NULL;
        clio_result *r = NULL;
        if (clio_table_check(t, 1e-6, &report) == CLIO_OK && t->n <= 64 &&
            clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err) == CLIO_OK) {
            fuzz_check_status(clio_multipliers(t, f, &r, &err));
            clio_result_free(r);
        }
        clio_leontief_free(f);
        clio_report_free(&report);
    }
    clio_table_free(t);
    return 0;
}
