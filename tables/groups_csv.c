/* groups_csv.c -- groups of sectors (clusters, policy targets) from a CSV
 * with the columns region,sector,group (region optional for one-region
 * tables; 'cluster' is read when there is no 'group', so that membership
 * files of clio clusters serve as groups), in any order, by header name.  A sector may belong to several
 * groups, but only once to each.  Used by hypothetical extraction of groups.
 * Header and row keys are checked by keyed_csv.c; here the groups. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

/* One data row of the file: which group, which sector, where. */
typedef struct entry {
    size_t group, sector, line;
} entry;

void clio_groups_free(clio_groups *g)
{
    if (!g)
        return;
    clioi_free_labels(g->names, g->ngroups);
    free(g->start);
    free(g->members);
    free(g);
}

/* The index of group `name` in g->names, appended when new. */
static int group_index(clio_groups *g, size_t *capacity, const char *name, size_t *index)
{
    for (size_t k = g->ngroups; k-- > 0;)
        if (strcmp(g->names[k], name) == 0) {
            *index = k;
            return CLIO_OK;
        }
    if (g->ngroups == *capacity) {
        size_t cap = *capacity ? 2 * *capacity : 16;
        char **names = realloc(g->names, cap * sizeof *names);
        if (!names)
            return CLIO_ENOMEM;
        g->names = names;
        *capacity = cap;
    }
    if (!(g->names[g->ngroups] = clioi_strdup(name)))
        return CLIO_ENOMEM;
    *index = g->ngroups++;
    return CLIO_OK;
}

/* Order the entries by group (stable: file order within a group) into
 * g->start / g->members; a sector twice in one group is CLIO_ELABEL. */
static int build_members(clio_groups *g, const entry *e, size_t count, const char *path,
                         const clio_table *t, clio_error *err)
{
    size_t ng = g->ngroups;
    g->start = clioi_calloc_array(ng + 1, sizeof *g->start);
    g->members = clioi_calloc_array(count, sizeof *g->members);
    size_t *fill = clioi_calloc_array(ng, sizeof *fill);
    size_t *line_of = clioi_calloc_array(count, sizeof *line_of);
    size_t *seen = clioi_calloc_array(t->n, sizeof *seen);
    int status = CLIO_OK;
    if (!g->start || !g->members || !fill || !line_of || !seen) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t r = 0; r < count; r++)
        g->start[e[r].group + 1]++;
    for (size_t k = 0; k < ng; k++)
        g->start[k + 1] += g->start[k];
    for (size_t r = 0; r < count; r++) {
        size_t pos = g->start[e[r].group] + fill[e[r].group]++;
        g->members[pos] = e[r].sector;
        line_of[pos] = e[r].line;
    }
    /* seen[i] = 1 + the last group that listed sector i */
    for (size_t k = 0; k < ng; k++) {
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
            size_t i = g->members[p];
            if (seen[i] == k + 1) {
                char key[256];
                clio_table_sector_key(t, i, key, sizeof key);
                status = clioi_fail(err, CLIO_ELABEL,
                                    "%s:%zu: sector '%s' is listed twice in group '%s'", path,
                                    line_of[p], key, g->names[k]);
                goto done;
            }
            seen[i] = k + 1;
        }
    }
done:
    free(fill);
    free(line_of);
    free(seen);
    return status;
}

/* Row r of the file as an entry: its sector (via keyed_csv.c) and its
 * group, a non-empty name, added to g when new. */
static int read_entry(const clioi_csv *csv, size_t r, const clio_table *t,
                      const clioi_keyed_columns *key, size_t c_group, clio_groups *g,
                      size_t *capacity, entry *e, clio_error *err)
{
    int status = clioi_keyed_csv_row(csv, r, t, key, &e->sector, err);
    if (status != CLIO_OK)
        return status;
    const clioi_csv_row *row = &csv->rows[r];
    const char *name = row->fields[c_group];
    if (name[0] == '\0')
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the group name is empty", csv->path,
                          row->line);
    if (group_index(g, capacity, name, &e->group) != CLIO_OK)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    e->line = row->line;
    return CLIO_OK;
}

int clio_groups_read_csv(const char *path, const clio_table *t, clio_groups **out,
                         clio_error *err)
{
    static const char *const by_group[] = {"group", NULL}, *const by_cluster[] = {"cluster", NULL};
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    const char *const *required = by_group;
    if (csv->nrows > 0 && clioi_csv_column(&csv->rows[0], "group") == CLIO_NONE &&
        clioi_csv_column(&csv->rows[0], "cluster") != CLIO_NONE)
        required = by_cluster;
    clio_groups *g = calloc(1, sizeof *g);
    entry *e = clioi_calloc_array(csv->nrows, sizeof *e);
    size_t count = 0, capacity = 0, c_group;
    clioi_keyed_columns key;
    if (!g || !e)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else
        status = clioi_keyed_csv_header(csv, t, required, NULL, &key, &c_group, err);
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++) {
        status = read_entry(csv, r, t, &key, c_group, g, &capacity, &e[count], err);
        count += status == CLIO_OK;
    }
    if (status == CLIO_OK && count == 0)
        status =
            clioi_fail(err, CLIO_EFORMAT, "%s: no groups: the file has only a header", path);
    if (status == CLIO_OK)
        status = build_members(g, e, count, path, t, err);
    free(e);
    clioi_csv_free(csv);
    if (status != CLIO_OK) {
        clio_groups_free(g);
        return status;
    }
    *out = g;
    return CLIO_OK;
}
