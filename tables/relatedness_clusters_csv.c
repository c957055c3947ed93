/* relatedness_clusters_csv.c -- clusters written as the group file the
 * library reads back (region,sector,cluster plus each member's strength):
 * the -o output of `clio relatedness`. */
#include "clioi.h"

#include <stdio.h>

int clio_cluster_membership_write_csv(const clio_table *t, const clio_clusters *c, FILE *fp,
                                      clio_error *err)
{
    int regions = t->nregions > 1;
    const clio_groups *g = c->groups;
    fputs(regions ? "region,sector,cluster,strength\n" : "sector,cluster,strength\n", fp);
    for (size_t k = 0; k < g->ngroups; k++)
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
            size_t i = g->members[p];
            if (regions) {
                clioi_csv_write_field(fp, t->regions[t->sector_region[i]]);
                fputc(',', fp);
            }
            clioi_csv_write_field(fp, t->sector_names[i]);
            fputc(',', fp);
            clioi_csv_write_field(fp, g->names[k]);
            fputc(',', fp);
            clioi_csv_write_number(fp, c->strength[p]);
            fputc('\n', fp);
        }
    if (ferror(fp))
        return clioi_fail(err, CLIO_EWRITE, "cannot write the clusters");
    return CLIO_OK;
}

int clio_cluster_membership_save(const clio_table *t, const clio_clusters *c, const char *path,
                                 clio_error *err)
{
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    status = clio_cluster_membership_write_csv(t, c, a.fp, err);
    if (status != CLIO_OK) {
        clioi_atomic_abort(&a);
        return clioi_fail(err, status, "%s: cannot write the clusters", path);
    }
    return clioi_atomic_commit(&a, err);
}
