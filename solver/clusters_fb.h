/* clusters_fb.h -- the steps of Feser & Bergman (2000) clusters, one file
 * each: the similarity of linkage profiles (clusters_similarity.c), the
 * varimax rotation (clusters_varimax.c), and the factors turned into
 * clusters (clusters_feser_bergman.c).  Private to solver/ (and its tests).
 * docs/methods-clusters.md has the formulas. */
#ifndef CLIO_SOLVER_CLUSTERS_FB_H
#define CLIO_SOLVER_CLUSTERS_FB_H

#include "clioi.h"

/* Varimax stops when a step raises the criterion (of the Kaiser-
 * normalised loadings) by <= CLIOI_VARIMAX_TOL times its value;
 * CLIO_ENOCONVERGE after CLIOI_VARIMAX_MAX_ITER iterations. */
#define CLIOI_VARIMAX_TOL 1e-12
#define CLIOI_VARIMAX_MAX_ITER 2000

/* Which profiles of a sector are defined (bits of clioi_fb_similarity's
 * `defined`): the purchases profile needs intermediate purchases > 0 that
 * are not all equal, the sales profile likewise. */
enum { CLIOI_FB_PURCHASES = 1, CLIOI_FB_SALES = 2 };

/*
 * clioi_fb_similarity -- for the m sectors idx[0..m) of t (the principal
 * submatrix Z_SS of the flows), the purchases profiles x_i (column i of
 * Z_SS over its sum) and sales profiles y_i (row i over its sum), and
 * L (m x m, ld m, full symmetric, unit diagonal):
 *   L_ij = max( r(x_i,x_j), r(y_i,y_j), r(x_i,y_j), r(y_i,x_j) )
 * over the correlations whose profiles are defined (0 when none is).
 * defined[i] gets the CLIOI_FB_* bits.  Three BLAS products of m x m
 * matrices.  CLIO_EVALUE for a non-finite flow.
 */
int clioi_fb_similarity(const clio_table *t, const size_t *idx, size_t m, double *L,
                        unsigned char *defined, clio_error *err);

/*
 * clioi_varimax -- rotate the m x k loadings A (ld lda) in place to the
 * varimax criterion (Kaiser 1958), with Kaiser's normalisation (rows
 * scaled to unit length while rotating) when normalise is set.  The
 * orthogonal rotation goes to T (k x k, ld k; A_new = A_old T), the
 * iterations to *iterations.  Fixed-point (SVD) steps, gradient
 * projection steps where they fail (clusters_varimax.c): the criterion
 * rises at every step; it stops when a step raises it by <= tol times its
 * value.  CLIO_ENOCONVERGE after
 * max_iter iterations (A and T are then left as given / the identity).
 */
int clioi_varimax(size_t m, size_t k, double *A, size_t lda, int normalise, double tol,
                  size_t max_iter, double *T, size_t *iterations, clio_error *err);

/* clioi_varimax_criterion -- sum over columns f of
 * sum_i a_if^4 / m - (sum_i a_if^2 / m)^2 (raw loadings, no normalisation). */
double clioi_varimax_criterion(size_t m, size_t k, const double *A, size_t lda);

/*
 * clioi_clusters_from_loadings -- clusters from the rotated m x k loadings
 * A (ld m; row r is sector idx[r] of t), changed in place: each factor's
 * sign so that its largest loading in absolute value is positive, factors
 * ordered by the variance they explain (sum of squared loadings, largest
 * first).  A sector is a primary member of the factor of its largest
 * loading when that is >= primary, and a secondary member of every other
 * factor where it loads >= secondary.  Factors without members are left
 * out; cluster c is named "C<c> <key of its strongest member>".  Members:
 * primary first, each by falling loading.  method "feser-bergman".
 */
int clioi_clusters_from_loadings(const clio_table *t, const size_t *idx, size_t m, size_t k,
                                 double *A, double primary, double secondary,
                                 clio_clusters **out, clio_error *err);

#endif
