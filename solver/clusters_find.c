/* clusters_find.c -- clio_clusters_find: defaults, dispatch to the method's
 * file, and freeing. */
#include "clusters.h"

#include <stdlib.h>

void clio_cluster_options_default(clio_cluster_options *o)
{
    o->method = CLIO_CLUSTERS_FESER_BERGMAN;
    o->region = CLIO_NONE;
    o->factors = 0;
    o->primary_loading = 0.60;
    o->secondary_loading = 0.35;
    o->resolution = 1.0;
    o->threshold = 0.01;
    o->seed = 1;
}

void clio_clusters_free(clio_clusters *c)
{
    if (!c)
        return;
    free(c->method);
    clio_groups_free(c->groups);
    free(c->secondary);
    free(c->strength);
    free(c);
}

int clio_clusters_find(const clio_table *t, const clio_cluster_options *o, clio_clusters **out,
                       clio_error *err)
{
    *out = NULL;
    if (o->region != CLIO_NONE && o->region >= t->nregions)
        return clioi_fail(err, CLIO_EINVAL, "region index %zu: the table has %zu regions",
                          o->region, t->nregions);
    switch (o->method) {
    case CLIO_CLUSTERS_FESER_BERGMAN:
        return clioi_clusters_feser_bergman(t, o, out, err);
    case CLIO_CLUSTERS_LEIDEN:
    case CLIO_CLUSTERS_LOUVAIN:
        return clioi_clusters_network(t, o, out, err);
    default:
        return clioi_fail(err, CLIO_EINVAL, "unknown cluster method %d", o->method);
    }
}
