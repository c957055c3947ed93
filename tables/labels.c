/* labels.c -- keys of a table's rows and columns, as they appear in CSV
 * headers and messages ("region|name" where the label belongs to a region). */
#include "clioi.h"

#include <stdlib.h>

static size_t length(int w) { return w < 0 ? 0 : (size_t)w; }

size_t clioi_key_final_demand(const clio_table *t, size_t k, char *buf, size_t len)
{
    if (t->fd_region[k] != CLIO_NONE && t->fd_region[k] < t->nregions)
        return length(snprintf(buf, len, "%s|%s", t->regions[t->fd_region[k]], t->fd_names[k]));
    return length(snprintf(buf, len, "%s", t->fd_names[k]));
}

size_t clioi_key_region(const clio_table *t, size_t k, char *buf, size_t len)
{
    return length(snprintf(buf, len, "%s", t->regions[k]));
}

size_t clioi_key_value_added(const clio_table *t, size_t k, char *buf, size_t len)
{
    return length(snprintf(buf, len, "%s", t->va_names[k]));
}

size_t clioi_key_satellite(const clio_table *t, size_t k, char *buf, size_t len)
{
    return length(snprintf(buf, len, "%s", t->sat_names[k]));
}

size_t clioi_key_output(const clio_table *t, size_t k, char *buf, size_t len)
{
    (void)t;
    (void)k;
    return length(snprintf(buf, len, "output"));
}

char *clioi_key_dup(const clio_table *t, clioi_key_fn key, size_t k)
{
    size_t len = key(t, k, NULL, 0) + 1;
    char *s = malloc(len);
    if (s)
        key(t, k, s, len);
    return s;
}

void clioi_free_labels(char **labels, size_t count)
{
    if (!labels)
        return;
    for (size_t i = 0; i < count; i++)
        free(labels[i]);
    free(labels);
}
