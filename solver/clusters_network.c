/* clusters_network.c -- clusters by community detection (igraph): Leiden
 * (Traag, Waltman & van Eck 2019) or Louvain (Blondel et al. 2008), both
 * maximising modularity with a resolution, on the undirected graph of IO
 * links w_ij = IO_ij (relatedness_io.c) >= o->threshold.  Nodes are put in
 * a canonical order first, so the result does not depend on labels or on
 * the order of the sectors (docs/methods-relatedness.md). */
#include "clusters.h"
#include "relatedness.h"

#include <igraph.h>
#include <math.h>
#include <stdlib.h>

/* The graph: nodes = the sectors taken, in canonical order. */
typedef struct graph_input {
    size_t nnodes;
    size_t *sector;   /* node -> sector */
    igraph_vector_int_t edges;
    igraph_vector_t weights;
    int have_edges, have_weights;
} graph_input;

static int igraph_failure(igraph_error_t e, const char *what, clio_error *err)
{
    return clioi_fail(err, e == IGRAPH_ENOMEM ? CLIO_ENOMEM : CLIO_EINVAL, "igraph %s: %s", what,
                      igraph_strerror(e));
}

/* A sector takes part when it has output and, with o->region, lies there. */
static int taken(const clio_table *t, const clio_cluster_options *o, size_t i)
{
    return t->x[i] > 0.0 && (o->region == CLIO_NONE || t->sector_region[i] == o->region);
}

/* Nodes in canonical order, edges (p < q) with weights >= threshold. */
static int build_graph(const clio_table *t, const clio_cluster_options *o, const size_t *order,
                       graph_input *g, clio_error *err)
{
    g->sector = clioi_calloc_array(t->n, sizeof *g->sector);
    if (!g->sector)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t k = 0; k < t->n; k++)
        if (taken(t, o, order[k]))
            g->sector[g->nnodes++] = order[k];
    igraph_error_t e = igraph_vector_int_init(&g->edges, 0);
    g->have_edges = e == IGRAPH_SUCCESS;
    if (e == IGRAPH_SUCCESS) {
        e = igraph_vector_init(&g->weights, 0);
        g->have_weights = e == IGRAPH_SUCCESS;
    }
    for (size_t p = 0; e == IGRAPH_SUCCESS && p < g->nnodes; p++)
        for (size_t q = p + 1; e == IGRAPH_SUCCESS && q < g->nnodes; q++) {
            double w = clioi_io_link(t, g->sector[p], g->sector[q]);
            if (!(w > 0.0 && w >= o->threshold))
                continue;
            e = igraph_vector_int_push_back(&g->edges, (igraph_integer_t)p);
            if (e == IGRAPH_SUCCESS)
                e = igraph_vector_int_push_back(&g->edges, (igraph_integer_t)q);
            if (e == IGRAPH_SUCCESS)
                e = igraph_vector_push_back(&g->weights, w);
        }
    return e == IGRAPH_SUCCESS ? CLIO_OK : igraph_failure(e, "building the graph", err);
}

static void graph_input_free(graph_input *g)
{
    free(g->sector);
    if (g->have_edges)
        igraph_vector_int_destroy(&g->edges);
    if (g->have_weights)
        igraph_vector_destroy(&g->weights);
}

/* Leiden with the modularity objective: igraph 0.10 optimises
 * sum_ij (A_ij - gamma n_i n_j) delta(c_i, c_j); node weights n_i = the
 * strengths k_i and gamma = resolution / 2m give modularity. */
static igraph_error_t run_leiden(const igraph_t *graph, const igraph_vector_t *w,
                                 double resolution, igraph_vector_int_t *membership)
{
    igraph_vector_t strength;
    igraph_error_t e = igraph_vector_init(&strength, 0);
    if (e != IGRAPH_SUCCESS)
        return e;
    e = igraph_strength(graph, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, w);
    if (e == IGRAPH_SUCCESS) {
        double two_m = igraph_vector_sum(&strength);
        igraph_integer_t nclusters;
        igraph_real_t quality;
        /* beta 0.01 (the authors' default), iterate until stable (-1) */
        e = igraph_community_leiden(graph, w, &strength, resolution / two_m, 0.01, 0, -1,
                                    membership, &nclusters, &quality);
    }
    igraph_vector_destroy(&strength);
    return e;
}

/* Louvain: the membership of the last (coarsest) level. */
static igraph_error_t run_louvain(const igraph_t *graph, const igraph_vector_t *w,
                                  double resolution, igraph_vector_int_t *membership)
{
    return igraph_community_multilevel(graph, w, resolution, membership, NULL, NULL);
}

/* Per node: the share of its link weight inside its community. */
static void inside_shares(const graph_input *g, const igraph_vector_int_t *m, double *inside,
                          double *total)
{
    igraph_integer_t nedges = igraph_vector_size(&g->weights);
    for (igraph_integer_t e = 0; e < nedges; e++) {
        igraph_integer_t p = VECTOR(g->edges)[2 * e], q = VECTOR(g->edges)[2 * e + 1];
        double w = VECTOR(g->weights)[e];
        total[p] += w;
        total[q] += w;
        if (VECTOR(*m)[p] == VECTOR(*m)[q]) {
            inside[p] += w;
            inside[q] += w;
        }
    }
}

/* Detect communities on g and turn them into clusters of t's sectors. */
static int communities(const clio_table *t, const clio_cluster_options *o, const graph_input *g,
                       const size_t *rank, clio_clusters **out, clio_error *err)
{
    igraph_t graph;
    igraph_vector_int_t membership;
    igraph_error_t e = igraph_create(&graph, &g->edges, (igraph_integer_t)g->nnodes,
                                     IGRAPH_UNDIRECTED);
    if (e != IGRAPH_SUCCESS)
        return igraph_failure(e, "creating the graph", err);
    e = igraph_vector_int_init(&membership, 0);
    if (e != IGRAPH_SUCCESS) {
        igraph_destroy(&graph);
        return igraph_failure(e, "allocating", err);
    }
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)o->seed);
    int leiden = o->method == CLIO_CLUSTERS_LEIDEN;
    igraph_real_t q = 0.0;
    /* without links there is nothing to detect (and 2m = 0): no clusters */
    if (igraph_vector_size(&g->weights) > 0) {
        e = leiden ? run_leiden(&graph, &g->weights, o->resolution, &membership)
                   : run_louvain(&graph, &g->weights, o->resolution, &membership);
        if (e == IGRAPH_SUCCESS)
            e = igraph_modularity(&graph, &membership, &g->weights, 1.0, 0, &q);
    }
    int status = CLIO_OK;
    size_t n = t->n, *label = clioi_calloc_array(n, sizeof *label);
    double *strength = clioi_calloc_array(n, sizeof *strength);
    double *inside = clioi_calloc_array(g->nnodes, sizeof *inside);
    double *total = clioi_calloc_array(g->nnodes, sizeof *total);
    if (e != IGRAPH_SUCCESS)
        status = igraph_failure(e, leiden ? "Leiden" : "Louvain", err);
    else if (!label || !strength || !inside || !total)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK) {
        inside_shares(g, &membership, inside, total);
        for (size_t i = 0; i < n; i++)
            label[i] = CLIO_NONE;
        /* isolated nodes (no link kept) are in no cluster */
        for (size_t p = 0; p < g->nnodes; p++)
            if (total[p] > 0.0) {
                label[g->sector[p]] = (size_t)VECTOR(membership)[p];
                strength[g->sector[p]] = inside[p] / total[p];
            }
        status = clioi_clusters_build(t, label, g->nnodes, 2, rank, strength,
                                      leiden ? "leiden" : "louvain", q, out, err);
    }
    free(label);
    free(strength);
    free(inside);
    free(total);
    igraph_vector_int_destroy(&membership);
    igraph_destroy(&graph);
    return status;
}

static int check_options(const clio_table *t, const clio_cluster_options *o, clio_error *err)
{
    if (!(o->resolution > 0.0 && isfinite(o->resolution)))
        return clioi_fail(err, CLIO_EINVAL, "resolution %g: must be positive and finite",
                          o->resolution);
    if (!(o->threshold >= 0.0 && isfinite(o->threshold)))
        return clioi_fail(err, CLIO_EINVAL, "threshold %g: must be >= 0 and finite",
                          o->threshold);
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's Z is needed (it was consumed)");
    for (size_t j = 0; j < t->n; j++) {
        if (!isfinite(t->x[j]))
            return clioi_fail(err, CLIO_EVALUE, "the output of sector %zu is not finite", j);
        for (size_t i = 0; i < t->n; i++)
            if (!isfinite(t->Z[i + t->n * j]) || t->Z[i + t->n * j] < 0.0)
                return clioi_fail(err, CLIO_EVALUE,
                                  "Z(%zu, %zu) = %g: community detection needs finite, "
                                  "non-negative flows",
                                  i, j, t->Z[i + t->n * j]);
    }
    return CLIO_OK;
}

int clioi_clusters_network(const clio_table *t, const clio_cluster_options *o,
                           clio_clusters **out, clio_error *err)
{
    *out = NULL;
    int status = check_options(t, o, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n;
    size_t *order = clioi_calloc_array(n, sizeof *order);
    size_t *rank = clioi_calloc_array(n, sizeof *rank);
    graph_input g = {0};
    /* igraph must return its errors, not abort, and must not print */
    igraph_error_handler_t *old_error = igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_warning_handler_t *old_warning =
        igraph_set_warning_handler(igraph_warning_handler_ignore);
    if (!order || !rank)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else
        status = clioi_canonical_order(t, order, rank, err);
    if (status == CLIO_OK)
        status = build_graph(t, o, order, &g, err);
    if (status == CLIO_OK)
        status = communities(t, o, &g, rank, out, err);
    igraph_set_error_handler(old_error);
    igraph_set_warning_handler(old_warning);
    graph_input_free(&g);
    free(order);
    free(rank);
    return status;
}
