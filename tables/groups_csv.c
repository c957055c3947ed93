/* groups_csv.c -- groups of sectors (clusters, policy targets) from a CSV
 * with the columns region,sector,group (region optional for one-region
 * tables), in any order, by header name.  A sector may belong to several
 * groups, but only once to each.  Used by hypothetical extraction of groups. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

/* One data row of the file: which group, which sector, where. */
typedef struct entry {
    size_t group, sector, line;
} entry;

static size_t column_of(const clioi_csv_row *header, const char *name)
{
    for (size_t c = 0; c < header->nfields; c++)
        if (strcmp(header->fields[c], name) == 0)
            return c;
    return CLIO_NONE;
}

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

int clio_groups_read_csv(const char *path, const clio_table *t, clio_groups **out,
                         clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clio_groups *g = calloc(1, sizeof *g);
    entry *e = clioi_calloc_array(csv->nrows, sizeof *e);
    size_t count = 0, capacity = 0;
    if (!g || !e) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if (csv->nrows == 0) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
        goto done;
    }
    const clioi_csv_row *header = &csv->rows[0];
    size_t c_region = column_of(header, "region"), c_sector = column_of(header, "sector");
    size_t c_group = column_of(header, "group");
    if (c_sector == CLIO_NONE || c_group == CLIO_NONE) {
        status = clioi_fail(err, CLIO_EFORMAT,
                            "%s:%zu: the header needs columns 'sector' and 'group' (and "
                            "'region' for multi-region tables)",
                            path, header->line);
        goto done;
    }
    if (c_region == CLIO_NONE && t->nregions > 1) {
        status = clioi_fail(err, CLIO_EFORMAT,
                            "%s:%zu: the table has %zu regions: add a 'region' column", path,
                            header->line, t->nregions);
        goto done;
    }
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        if (row->nfields != header->nfields) {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: %zu fields, but the header has %zu",
                                path, row->line, row->nfields, header->nfields);
            goto done;
        }
        const char *name = row->fields[c_group];
        if (name[0] == '\0') {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the group name is empty", path,
                                row->line);
            goto done;
        }
        const char *region = c_region != CLIO_NONE ? row->fields[c_region] : NULL;
        clio_error lookup;
        if (clio_table_find_sector(t, region, row->fields[c_sector], &e[count].sector,
                                   &lookup) != CLIO_OK) {
            status =
                clioi_fail(err, CLIO_ELABEL, "%s:%zu: %s", path, row->line, lookup.message);
            goto done;
        }
        if (group_index(g, &capacity, name, &e[count].group) != CLIO_OK) {
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
            goto done;
        }
        e[count++].line = row->line;
    }
    if (count == 0) {
        status =
            clioi_fail(err, CLIO_EFORMAT, "%s: no groups: the file has only a header", path);
        goto done;
    }
    status = build_members(g, e, count, path, t, err);
done:
    free(e);
    clioi_csv_free(csv);
    if (status != CLIO_OK) {
        clio_groups_free(g);
        return status;
    }
    *out = g;
    return CLIO_OK;
}
