/* clusters_feser_bergman.c -- Feser & Bergman (2000) clusters by factor
 * analysis.  PLACEHOLDER until that work lands: refuses to run. */
#include "clusters.h"

int clioi_clusters_feser_bergman(const clio_table *t, const clio_cluster_options *o,
                                 clio_clusters **out, clio_error *err)
{
    (void)t;
    (void)o;
    *out = NULL;
    return clioi_fail(err, CLIO_EINVAL, "Feser-Bergman clusters are not built yet");
}
