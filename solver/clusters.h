/* clusters.h -- the methods behind clio_clusters_find, one file each:
 * clusters_feser_bergman.c (factor analysis) and clusters_network.c
 * (community detection with igraph).  Private to solver/. */
#ifndef CLIO_SOLVER_CLUSTERS_H
#define CLIO_SOLVER_CLUSTERS_H

#include "clioi.h"

/* clioi_clusters_feser_bergman -- o->method CLIO_CLUSTERS_FESER_BERGMAN. */
int clioi_clusters_feser_bergman(const clio_table *t, const clio_cluster_options *o,
                                 clio_clusters **out, clio_error *err);

/* clioi_clusters_network -- o->method CLIO_CLUSTERS_LEIDEN or _LOUVAIN. */
int clioi_clusters_network(const clio_table *t, const clio_cluster_options *o,
                           clio_clusters **out, clio_error *err);

#endif
