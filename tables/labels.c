/* labels.c -- keys of a table's rows and columns, as they appear in CSV
 * headers and messages ("region|name" where the label belongs to a region). */
#include "clioi.h"

#include <stdlib.h>

void clioi_key_sector(const clio_table *t, size_t i, char *buf, size_t len)
{
    clio_table_sector_key(t, i, buf, len);
}

void clioi_key_final_demand(const clio_table *t, size_t k, char *buf, size_t len)
{
    if (t->fd_region[k] != CLIO_NONE && t->fd_region[k] < t->nregions)
        snprintf(buf, len, "%s|%s", t->regions[t->fd_region[k]], t->fd_names[k]);
    else
        snprintf(buf, len, "%s", t->fd_names[k]);
}

void clioi_key_region(const clio_table *t, size_t k, char *buf, size_t len)
{
    snprintf(buf, len, "%s", t->regions[k]);
}

void clioi_key_value_added(const clio_table *t, size_t k, char *buf, size_t len)
{
    snprintf(buf, len, "%s", t->va_names[k]);
}

void clioi_key_satellite(const clio_table *t, size_t k, char *buf, size_t len)
{
    snprintf(buf, len, "%s", t->sat_names[k]);
}

void clioi_key_output(const clio_table *t, size_t k, char *buf, size_t len)
{
    (void)t;
    (void)k;
    snprintf(buf, len, "output");
}

void clioi_free_labels(char **labels, size_t count)
{
    if (!labels)
        return;
    for (size_t i = 0; i < count; i++)
        free(labels[i]);
    free(labels);
}
