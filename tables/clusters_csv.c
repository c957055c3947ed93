/* clusters_csv.c -- clusters as files: the membership CSV
 * (region,sector,cluster,role,strength) read and written, and the
 * membership as a result for NetCDF.  The reader leaves the labels and the
 * groups to clio_groups_read_csv (which takes 'cluster' for 'group') and
 * adds the optional role and strength of each row. */
#include "clioi.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An empty clusters object of method `method` around groups g (taken). */
static clio_clusters *wrap_groups(clio_groups *g, const char *method)
{
    clio_clusters *c = calloc(1, sizeof *c);
    size_t count = g->start[g->ngroups];
    if (c) {
        c->groups = g;
        c->method = clioi_strdup(method);
        c->secondary = clioi_calloc_array(count, 1);
        c->strength = clioi_calloc_array(count, sizeof *c->strength);
        c->quality = NAN;
    }
    if (!c || !c->method || !c->secondary || !c->strength) {
        if (c)
            clio_clusters_free(c);
        else
            clio_groups_free(g);
        return NULL;
    }
    return c;
}

/* Role and strength of data row r into member position p. */
static int read_role(const clioi_csv *csv, size_t r, size_t c_role, size_t c_strength,
                     clio_clusters *c, size_t p, clio_error *err)
{
    const clioi_csv_row *row = &csv->rows[r];
    const char *role = c_role != CLIO_NONE ? row->fields[c_role] : "";
    if (role[0] == '\0' || strcmp(role, "primary") == 0)
        c->secondary[p] = 0;
    else if (strcmp(role, "secondary") == 0)
        c->secondary[p] = 1;
    else
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: role '%s' is neither 'primary' nor 'secondary'", csv->path,
                          row->line, role);
    c->strength[p] = NAN;
    if (c_strength != CLIO_NONE && row->fields[c_strength][0] != '\0')
        return clioi_csv_number(csv, row, c_strength, "strength", &c->strength[p], err);
    return CLIO_OK;
}

/* Rows go to the members in the order clio_groups_read_csv keeps: by
 * cluster, file order within one. */
static int read_roles(const char *path, clio_clusters *c, clio_error *err)
{
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    const clio_groups *g = c->groups;
    const clioi_csv_row *header = &csv->rows[0];
    size_t c_name = clioi_csv_column(header, "group");
    if (c_name == CLIO_NONE)
        c_name = clioi_csv_column(header, "cluster");
    size_t c_role = clioi_csv_column(header, "role");
    size_t c_strength = clioi_csv_column(header, "strength");
    size_t *fill = clioi_calloc_array(g->ngroups, sizeof *fill);
    if (!fill)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        size_t k = clioi_find_label(g->names, g->ngroups, csv->rows[r].fields[c_name]);
        if (k == CLIO_NONE || g->start[k] + fill[k] >= g->start[k + 1]) {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the file changed while read", path,
                                csv->rows[r].line);
            break;
        }
        status = read_role(csv, r, c_role, c_strength, c, g->start[k] + fill[k]++, err);
    }
    free(fill);
    clioi_csv_free(csv);
    return status;
}

int clio_clusters_read_csv(const char *path, const clio_table *t, clio_clusters **out,
                           clio_error *err)
{
    *out = NULL;
    clio_groups *g;
    int status = clio_groups_read_csv(path, t, &g, err);
    if (status != CLIO_OK)
        return status;
    clio_clusters *c = wrap_groups(g, "user");
    if (!c)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if ((status = read_roles(path, c, err)) != CLIO_OK) {
        clio_clusters_free(c);
        return status;
    }
    *out = c;
    return CLIO_OK;
}

int clio_clusters_write_csv(const clio_table *t, const clio_clusters *c, FILE *fp,
                            clio_error *err)
{
    const clio_groups *g = c->groups;
    fputs("region,sector,cluster,role,strength\n", fp);
    for (size_t k = 0; k < g->ngroups; k++)
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
            size_t i = g->members[p];
            clioi_csv_write_field(fp, t->regions[t->sector_region[i]]);
            fputc(',', fp);
            clioi_csv_write_field(fp, t->sector_names[i]);
            fputc(',', fp);
            clioi_csv_write_field(fp, g->names[k]);
            fputs(c->secondary[p] ? ",secondary," : ",primary,", fp);
            clioi_csv_write_number(fp, c->strength[p]);
            fputc('\n', fp);
        }
    if (ferror(fp))
        return clioi_fail(err, CLIO_EWRITE, "writing the cluster members failed");
    return CLIO_OK;
}

int clio_clusters_save(const clio_table *t, const clio_clusters *c, const char *path,
                       clio_error *err)
{
    if (clioi_ends_with(path, ".nc")) {
        clio_result *r;
        int status = clio_clusters_membership(t, c, &r, err);
        if (status == CLIO_OK)
            status = clio_result_write_netcdf(r, path, err);
        clio_result_free(r);
        return status;
    }
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    if ((status = clio_clusters_write_csv(t, c, a.fp, err)) != CLIO_OK) {
        clioi_atomic_abort(&a);
        return clioi_fail(err, status, "%s: write failed", path);
    }
    return clioi_atomic_commit(&a, err);
}

int clio_clusters_membership(const clio_table *t, const clio_clusters *c, clio_result **out,
                             clio_error *err)
{
    static const char *const fields[] = {"strength", "secondary"};
    *out = NULL;
    const clio_groups *g = c->groups;
    size_t count = g->start[g->ngroups];
    clio_result *r = clioi_result_alloc(t, "clusters", 1, 2);
    if (!r)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    clioi_free_labels(r->row_sector, r->nrows);
    free(r->row_region);
    free(r->values);
    r->nrows = count;
    r->row_sector = clioi_calloc_array(count, sizeof *r->row_sector);
    r->row_region = clioi_calloc_array(count, sizeof *r->row_region);
    r->row_class = clioi_calloc_array(count, sizeof *r->row_class);
    r->values = clioi_calloc_array(2 * count, sizeof *r->values);
    r->class_name = clioi_strdup("cluster");
    size_t len = strlen(c->method) + 64;
    if ((r->description = malloc(len)))
        snprintf(r->description, len, "members of clusters (method %s)", c->method);
    int ok = r->row_sector && r->row_region && r->row_class && r->values && r->class_name &&
             r->description && clioi_result_set_fields(r, fields) == CLIO_OK &&
             (r->accounts[0] = clioi_strdup("membership")) &&
             (r->account_units[0] = clioi_strdup("1"));
    for (size_t k = 0; ok && k < g->ngroups; k++)
        for (size_t p = g->start[k]; ok && p < g->start[k + 1]; p++) {
            size_t i = g->members[p];
            r->row_region[p] = t->sector_region[i];
            ok = (r->row_sector[p] = clioi_strdup(t->sector_names[i])) &&
                 (r->row_class[p] = clioi_strdup(g->names[k]));
            r->values[2 * p] = c->strength[p];
            r->values[2 * p + 1] = c->secondary[p];
        }
    if (!ok) {
        clio_result_free(r);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    *out = r;
    return CLIO_OK;
}
