/* concordance.c -- many-to-one mappings of labels (sectors, regions) to
 * groups: building one entry by entry, and mapping a list of labels through
 * it.  The CSV reader is concordance_csv.c; aggregation uses the groups. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

clio_concordance *clio_concordance_alloc(void)
{
    return calloc(1, sizeof(clio_concordance));
}

void clio_concordance_free(clio_concordance *c)
{
    if (!c)
        return;
    clioi_free_labels(c->labels, c->n);
    clioi_free_labels(c->groups, c->ngroups);
    free(c->group);
    free(c->lines);
    free(c->path);
    free(c);
}

/* "FILE:LINE" or "FILE" or "entry E" of entry e, for messages. */
static void where(const clio_concordance *c, size_t e, char *buf, size_t len)
{
    if (c->path && c->lines && c->lines[e])
        snprintf(buf, len, "%s:%zu", c->path, c->lines[e]);
    else if (c->path)
        snprintf(buf, len, "%s", c->path);
    else
        snprintf(buf, len, "concordance entry %zu", e + 1);
}

/* The capacity of arrays holding `count` items: 0, then 8, 16, 32, ...
 * (no capacity field: concordances are built only by clio_concordance_add). */
static size_t capacity_for(size_t count)
{
    size_t cap = count ? 8 : 0;
    while (cap < count)
        cap *= 2;
    return cap;
}

/* array itself when it has room for one more of count items, else the
 * array reallocated to the next capacity (NULL when out of memory; the old
 * array is then still valid). */
static void *grow(void *array, size_t count, size_t size)
{
    if (count < capacity_for(count))
        return array;
    return realloc(array, (count ? 2 * capacity_for(count) : 8) * size);
}

/* Room for one more entry. */
static int reserve(clio_concordance *c)
{
    char **labels = grow(c->labels, c->n, sizeof *labels);
    if (!labels)
        return CLIO_ENOMEM;
    c->labels = labels;
    size_t *group = grow(c->group, c->n, sizeof *group);
    if (!group)
        return CLIO_ENOMEM;
    c->group = group;
    size_t *lines = grow(c->lines, c->n, sizeof *lines);
    if (!lines)
        return CLIO_ENOMEM;
    c->lines = lines;
    return CLIO_OK;
}

/* The index of group `name`, appended when new. */
static int group_index(clio_concordance *c, const char *name, size_t *index)
{
    for (size_t g = c->ngroups; g-- > 0;)
        if (strcmp(c->groups[g], name) == 0) {
            *index = g;
            return CLIO_OK;
        }
    char **groups = grow(c->groups, c->ngroups, sizeof *groups);
    if (!groups)
        return CLIO_ENOMEM;
    c->groups = groups;
    if (!(groups[c->ngroups] = clioi_strdup(name)))
        return CLIO_ENOMEM;
    *index = c->ngroups++;
    return CLIO_OK;
}

int clio_concordance_add(clio_concordance *c, const char *label, const char *group, size_t line,
                         clio_error *err)
{
    if (!c || !label || !group)
        return clioi_fail(err, CLIO_EINVAL, "clio_concordance_add: NULL argument");
    char at[512];
    snprintf(at, sizeof at, "%s%s%zu", c->path ? c->path : "concordance", line ? ":" : " entry ",
             line ? line : c->n + 1);
    if (!*label)
        return clioi_fail(err, CLIO_EFORMAT, "%s: the label to map is empty", at);
    if (!*group)
        return clioi_fail(err, CLIO_EFORMAT, "%s: the group of '%s' is empty", at, label);
    size_t e = clioi_find_label(c->labels, c->n, label);
    if (e != CLIO_NONE) {
        char first[512];
        where(c, e, first, sizeof first);
        return clioi_fail(err, CLIO_ELABEL, "%s: '%s' is mapped twice (first at %s)", at, label,
                          first);
    }
    size_t g;
    if (reserve(c) != CLIO_OK || group_index(c, group, &g) != CLIO_OK)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (!(c->labels[c->n] = clioi_strdup(label)))
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    c->group[c->n] = g;
    c->lines[c->n] = line;
    c->n++;
    return CLIO_OK;
}

int clio_concordance_map(const clio_concordance *c, char *const *labels, size_t count,
                         const char *what, unsigned flags, size_t *group, clio_error *err)
{
    if (!c || (!labels && count) || (!group && count) || !what)
        return clioi_fail(err, CLIO_EINVAL, "clio_concordance_map: NULL argument");
    unsigned char *used = clioi_calloc_array(c->n, 1);
    if (!used)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = CLIO_OK;
    /* Consecutive labels often repeat a pattern (sectors region by region):
     * start each search where the last one matched. */
    size_t hint = 0;
    for (size_t i = 0; i < count && status == CLIO_OK; i++) {
        size_t e = CLIO_NONE;
        for (size_t s = 0; s < c->n; s++) {
            size_t k = (hint + s) % c->n;
            if (strcmp(c->labels[k], labels[i]) == 0) {
                e = k;
                break;
            }
        }
        if (e == CLIO_NONE) {
            status = clioi_fail(err, CLIO_ELABEL, "%s '%s' is missing from %s", what, labels[i],
                                c->path ? c->path : "the concordance");
            break;
        }
        group[i] = c->group[e];
        used[e] = 1;
        hint = e + 1;
    }
    for (size_t e = 0; e < c->n && status == CLIO_OK && !(flags & CLIO_MAP_ALLOW_UNUSED); e++) {
        if (!used[e]) {
            char at[512];
            where(c, e, at, sizeof at);
            status = clioi_fail(err, CLIO_ELABEL, "%s: unknown %s '%s' (not in the table)", at,
                                what, c->labels[e]);
        }
    }
    free(used);
    return status;
}
