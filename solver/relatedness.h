/* relatedness.h -- internals shared by community detection
 * (clusters_network*.c) and the relatedness measures (relatedness*.c):
 * the IO link between two sectors, a canonical order of sectors that does
 * not depend on labels or input order, and clusters built from a
 * labelling.  Private to solver/. */
#ifndef CLIO_SOLVER_RELATEDNESS_H
#define CLIO_SOLVER_RELATEDNESS_H

#include "clioi.h"

/* clioi_io_link -- the IO relatedness of sectors i != j as Delgado, Porter
 * & Stern's IO_ij: the largest of z_ij/x_j, z_ji/x_i (input shares) and
 * z_ij/x_i, z_ji/x_j (output shares); a share over a zero output counts 0. */
double clioi_io_link(const clio_table *t, size_t i, size_t j);

/* clioi_canonical_order -- the sectors of t (t->Z needed) sorted by output
 * (largest first), then by row sum of Z, column sum of Z, z_ii, final
 * demand and value added: order[k] is the sector of rank k and rank[i] the
 * rank of sector i (either may be NULL).  Only sectors equal in all of
 * these keep their input order. */
int clioi_canonical_order(const clio_table *t, size_t *order, size_t *rank, clio_error *err);

/* clioi_clusters_build -- clusters from label[i] in [0, nlabels) (or
 * CLIO_NONE: in no cluster) for the t->n sectors.  Labels with fewer than
 * min_size members are dropped (their sectors are in no cluster).  Clusters
 * are ordered by total output (largest first), then size, then the rank of
 * their first member; members by rank; a cluster is named after its first
 * member (its largest by output), "region|sector".  strength[i] (may be
 * NULL: 0) is copied for each member; method and quality as given. */
int clioi_clusters_build(const clio_table *t, const size_t *label, size_t nlabels,
                         size_t min_size, const size_t *rank, const double *strength,
                         const char *method, double quality, clio_clusters **out,
                         clio_error *err);

#endif
