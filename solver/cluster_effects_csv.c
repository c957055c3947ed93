/* cluster_effects_csv.c -- the cluster-by-cluster output linkage matrix
 * as a labelled CSV, with the column sums (cluster output multipliers)
 * and the backward linkage index under it; written atomically. */
#include "clioi.h"

#include <stdlib.h>

static void write_row(FILE *fp, const char *label, const double *v, size_t stride, size_t G)
{
    clioi_csv_write_field(fp, label);
    for (size_t g = 0; g < G; g++) {
        fputc(',', fp);
        clioi_csv_write_number(fp, v[g * stride]);
    }
    fputc('\n', fp);
}

static int write_matrix(const clio_cluster_effects *c, FILE *fp, clio_error *err)
{
    size_t G = c->ngroups, ld = G + 1;
    double *total = calloc(G ? G : 1, sizeof *total), *index = calloc(G ? G : 1, sizeof *index);
    if (!total || !index) {
        free(total);
        free(index);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    double mean = 0;
    for (size_t g = 0; g < G; g++) {
        for (size_t h = 0; h < ld; h++)
            total[g] += c->linkage[h + g * ld];
        mean += total[g] / (double)G;
    }
    for (size_t g = 0; g < G; g++)
        index[g] = total[g] / mean;
    fputs("output_of", fp);
    for (size_t g = 0; g < G; g++) {
        fputc(',', fp);
        clioi_csv_write_field(fp, c->groups[g]);
    }
    fputc('\n', fp);
    for (size_t h = 0; h < G; h++)
        write_row(fp, c->groups[h], c->linkage + h, ld, G);
    write_row(fp, "rest_of_economy", c->linkage + G, ld, G);
    write_row(fp, "total", total, 1, G);
    write_row(fp, "backward_index", index, 1, G);
    free(total);
    free(index);
    return ferror(fp) ? clioi_fail(err, CLIO_EWRITE, "cannot write the linkage matrix")
                      : CLIO_OK;
}

int clio_cluster_linkages_save_csv(const clio_cluster_effects *c, const char *path,
                                   clio_error *err)
{
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    if ((status = write_matrix(c, a.fp, err)) != CLIO_OK) {
        clioi_atomic_abort(&a);
        return status;
    }
    return clioi_atomic_commit(&a, err);
}

/* The effects as a readable table (.txt), NetCDF (.nc) or tidy CSV. */
int clio_cluster_effects_save(const clio_cluster_effects *c, const char *path, clio_error *err)
{
    if (!clioi_ends_with(path, ".txt"))
        return clio_result_save(c->effects, path, err);
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    if ((status = clio_result_write_text(c->effects, a.fp, err)) != CLIO_OK) {
        clioi_atomic_abort(&a);
        return status;
    }
    return clioi_atomic_commit(&a, err);
}
