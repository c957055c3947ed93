/* clusters_feser_bergman.c -- Feser & Bergman (2000) clusters: the
 * similarity of linkage profiles (clusters_similarity.c), its principal
 * components (LAPACKE_dsyevr), a varimax rotation (clusters_varimax.c) and
 * members by their loadings (clusters_loadings.c).  docs/methods-clusters.md. */
#include "clusters.h"
#include "clusters_fb.h"

#include <lapacke.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The sectors that take part: those of o->region (or all), and of these
 * the ones with any intermediate flow to or from the others (a sector with
 * a zero row and column would only add a (0, 0) point to every profile). */
static size_t candidate_sectors(const clio_table *t, size_t region, size_t *idx)
{
    size_t m = 0;
    for (size_t i = 0; i < t->n; i++)
        if (region == CLIO_NONE || t->sector_region[i] == region)
            idx[m++] = i;
    size_t kept = 0;
    for (size_t a = 0; a < m; a++) {
        int any = 0;
        for (size_t b = 0; b < m && !any; b++)
            any = t->Z[idx[a] + t->n * idx[b]] != 0.0 || t->Z[idx[b] + t->n * idx[a]] != 0.0;
        if (any)
            idx[kept++] = idx[a];
    }
    return kept;
}

/* Drop the rows and columns of L (m x m) whose sector has no defined
 * profile; idx follows.  Returns the sectors kept. */
static size_t keep_defined(double *L, size_t m, size_t *idx, const unsigned char *defined)
{
    size_t *pos = malloc((m ? m : 1) * sizeof *pos), k = 0;
    if (!pos)
        return (size_t)-1;
    for (size_t i = 0; i < m; i++)
        if (defined[i])
            pos[k++] = i;
    for (size_t c = 0; c < k; c++)
        for (size_t r = 0; r < k; r++)
            L[r + k * c] = L[pos[r] + m * pos[c]];
    for (size_t r = 0; r < k; r++)
        idx[r] = idx[pos[r]];
    free(pos);
    return k;
}

/* The k leading eigenpairs of L (m x m, destroyed) as principal-component
 * loadings A (m x k, column f = v_f sqrt(lambda_f), largest first).
 * k == 0: Kaiser's rule (eigenvalues > 1; at least one factor).  *kept
 * gets k, *explained the sum of the kept eigenvalues. */
static int principal_components(double *L, size_t m, size_t want, double **A, size_t *kept,
                                double *explained, clio_error *err)
{
    double *w = clioi_calloc_array(m, sizeof *w);
    double *Zv = clioi_alloc_matrix(m, m);
    double *copy = want ? NULL : clioi_alloc_matrix(m, m);
    lapack_int *isuppz = clioi_calloc_array(2 * m, sizeof *isuppz);
    lapack_int found = 0, im = (lapack_int)m;
    int status = CLIO_OK;
    *A = NULL;
    if (!w || !Zv || !isuppz || (!want && !copy)) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for the eigenvectors (%zu)", m);
        goto done;
    }
    lapack_int info = 0;
    if (!want) {
        memcpy(copy, L, m * m * sizeof *L);
        /* Kaiser: the eigenvalues in (1, m + 1]; none is above m. */
        info = LAPACKE_dsyevr(LAPACK_COL_MAJOR, 'V', 'V', 'U', im, L, im, 1.0, (double)m + 1.0,
                              0, 0, 0.0, &found, w, Zv, im, isuppz);
        if (info == 0 && found == 0) /* L = I: nothing stands out; keep one */
            want = 1, L = copy;
    }
    if (want)
        info = LAPACKE_dsyevr(LAPACK_COL_MAJOR, 'V', 'I', 'U', im, L, im, 0.0, 0.0,
                              im - (lapack_int)want + 1, im, 0.0, &found, w, Zv, im, isuppz);
    if (info != 0) {
        status = clioi_fail(err, info > 0 ? CLIO_ENOCONVERGE : CLIO_EVALUE,
                            "the eigenvalues of the %zu x %zu similarity matrix failed (dsyevr "
                            "info %d)",
                            m, m, (int)info);
        goto done;
    }
    size_t k = (size_t)found;
    if (!(*A = clioi_alloc_matrix(m, k))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for the loadings");
        goto done;
    }
    *explained = 0.0;
    for (size_t f = 0; f < k; f++) {
        size_t e = k - 1 - f; /* dsyevr: ascending */
        if (!(w[e] > 0.0)) {
            status = clioi_fail(err, CLIO_EINVAL,
                                "factor %zu has eigenvalue %.3g <= 0: ask for fewer factors "
                                "(at most %zu have positive eigenvalues)",
                                f + 1, w[e], f);
            goto done;
        }
        double s = sqrt(w[e]);
        for (size_t i = 0; i < m; i++)
            (*A)[i + m * f] = Zv[i + m * e] * s;
        *explained += w[e];
    }
    *kept = k;
done:
    if (status != CLIO_OK) {
        free(*A);
        *A = NULL;
    }
    free(w);
    free(Zv);
    free(copy);
    free(isuppz);
    return status;
}

static int check_options(const clio_cluster_options *o, clio_error *err)
{
    if (!(o->primary_loading > 0.0 && o->primary_loading <= 1.0))
        return clioi_fail(err, CLIO_EINVAL, "primary loading %g is not in (0, 1]",
                          o->primary_loading);
    if (!(o->secondary_loading > 0.0 && o->secondary_loading <= o->primary_loading))
        return clioi_fail(err, CLIO_EINVAL,
                          "secondary loading %g is not in (0, primary loading %g]",
                          o->secondary_loading, o->primary_loading);
    return CLIO_OK;
}

int clioi_clusters_feser_bergman(const clio_table *t, const clio_cluster_options *o,
                                 clio_clusters **out, clio_error *err)
{
    *out = NULL;
    int status = check_options(o, err);
    if (status != CLIO_OK)
        return status;
    if (!t->Z)
        return clioi_fail(err, CLIO_EINVAL, "the table's flows Z were consumed by a factor");
    size_t *idx = clioi_calloc_array(t->n, sizeof *idx);
    unsigned char *defined = clioi_calloc_array(t->n, 1);
    double *L = NULL, *A = NULL, *T = NULL;
    if (!idx || !defined) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    size_t m = candidate_sectors(t, o->region, idx);
    if (m < 2) {
        status = clioi_fail(err, CLIO_EVALUE,
                            "%s%s has %zu sector%s with intermediate purchases or sales: "
                            "nothing to cluster",
                            o->region == CLIO_NONE ? "the table" : "region ",
                            o->region == CLIO_NONE ? "" : t->regions[o->region], m,
                            m == 1 ? "" : "s");
        goto done;
    }
    if (!(L = clioi_alloc_matrix(m, m))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for %zu x %zu similarities", m, m);
        goto done;
    }
    if ((status = clioi_fb_similarity(t, idx, m, L, defined, err)) != CLIO_OK)
        goto done;
    if ((m = keep_defined(L, m, idx, defined)) == (size_t)-1) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if (m < 2 || o->factors > m) {
        status = clioi_fail(err, m < 2 ? CLIO_EVALUE : CLIO_EINVAL,
                            "%zu sectors have purchases or sales profiles: %s", m,
                            m < 2 ? "nothing to cluster" : "fewer than the factors asked for");
        goto done;
    }
    size_t k = 0, iterations;
    double explained = 0.0;
    if ((status = principal_components(L, m, o->factors, &A, &k, &explained, err)) != CLIO_OK)
        goto done;
    if (!(T = clioi_alloc_matrix(k, k))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    status = clioi_varimax(m, k, A, m, 1, CLIOI_VARIMAX_TOL, CLIOI_VARIMAX_MAX_ITER, T,
                           &iterations, err);
    if (status == CLIO_OK)
        status = clioi_clusters_from_loadings(t, idx, m, k, A, o->primary_loading,
                                              o->secondary_loading, out, err);
    if (status == CLIO_OK)
        (*out)->quality = explained / (double)m;
done:
    free(idx);
    free(defined);
    free(L);
    free(A);
    free(T);
    return status;
}
