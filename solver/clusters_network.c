/* clusters_network.c -- community detection on the IO flow graph (igraph).
 * PLACEHOLDER until the community-detection work lands: refuses to run. */
#include "clusters.h"

int clioi_clusters_network(const clio_table *t, const clio_cluster_options *o,
                           clio_clusters **out, clio_error *err)
{
    (void)t;
    (void)o;
    *out = NULL;
    return clioi_fail(err, CLIO_EINVAL, "community detection is not built yet");
}
