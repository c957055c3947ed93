/* symmetric_table.c -- a symmetric input-output table (clio_table) from a
 * make-use system and its coefficients: commodity by commodity (Z = B T
 * qhat over the produced commodities) or industry by industry (Z = T U),
 * with the inputs of commodities nobody produces (scrap, noncomparable
 * imports) and the scrap made as a by-product as primary-input rows, so
 * that rows and columns balance and the Leontief inverse is the total
 * requirements matrix. */
#include "clioi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Non-produced commodities used as inputs: they become value-added rows. */
static int used_input(const clio_sut *s, const clio_symmetric *m, size_t c)
{
    if (m->produced[c])
        return 0;
    for (size_t i = 0; i < s->ni; i++)
        if (s->U[c + i * s->nc] != 0)
            return 1;
    return 0;
}

static int any_scrap(const clio_symmetric *m)
{
    for (size_t i = 0; i < m->ni; i++)
        if (m->h[i] != 0)
            return 1;
    return 0;
}

/* Labels: sectors, final demand, value-added rows (the use table's, the
 * non-produced inputs, scrap_byproduct). */
static int set_labels(clio_table *t, const clio_sut *s, const clio_symmetric *m, int by,
                      const char *region, clio_error *err)
{
    int st = clio_table_set_label(t, CLIO_LABEL_REGION, 0, region ? region : "R1");
    for (size_t c = 0, k = 0; st == CLIO_OK && c < s->nc && by == CLIO_BY_COMMODITY; c++)
        if (m->produced[c])
            st = clio_table_set_label(t, CLIO_LABEL_SECTOR, k++, s->commodities[c]);
    for (size_t i = 0; st == CLIO_OK && i < s->ni && by == CLIO_BY_INDUSTRY; i++)
        st = clio_table_set_label(t, CLIO_LABEL_SECTOR, i, s->industries[i]);
    for (size_t i = 0; i < t->n; i++)
        t->sector_region[i] = 0;
    for (size_t f = 0; st == CLIO_OK && f < s->nfd; f++)
        st = clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, f, s->fd_names[f]);
    size_t r = 0;
    for (; st == CLIO_OK && r < s->nva; r++)
        st = clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, r, s->va_names[r]);
    for (size_t c = 0; st == CLIO_OK && c < s->nc; c++)
        if (used_input(s, m, c))
            st = clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, r++, s->commodities[c]);
    if (st == CLIO_OK && r < t->nva)
        st = clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, r, "scrap_byproduct");
    return st == CLIO_OK ? CLIO_OK : clioi_fail(err, st, "out of memory");
}

/* s_c = (p'T)_c: scrap made per unit of commodity c. */
static void scrap_per_commodity(const clio_symmetric *m, double *sc)
{
    for (size_t c = 0; c < m->nc; c++) {
        double v = 0;
        for (size_t i = 0; i < m->ni; i++)
            v += m->p[i] * m->T[i + c * m->ni];
        sc[c] = v;
    }
}

/* By commodity: columns j = produced commodities; any input row r gets
 * coef(r, T[:, c]) * q_c, coefficients per unit of industry output. */
static void fill_commodity(clio_table *t, const clio_sut *s, const clio_symmetric *m,
                           const double *BT, const double *VT, const double *sc, size_t *P)
{
    size_t n = t->n, nc = s->nc, nva = t->nva;
    for (size_t c = 0, k = 0; c < nc; c++)
        if (m->produced[c])
            P[k++] = c;
    for (size_t l = 0; l < n; l++) {
        size_t c = P[l];
        double qc = m->q[c];
        t->x[l] = qc;
        for (size_t k = 0; k < n; k++)
            t->Z[k + l * n] = BT[P[k] + c * nc] * qc;
        size_t r = 0;
        for (; r < s->nva; r++)
            t->V[r + l * nva] = VT[r + c * s->nva] * qc;
        for (size_t u = 0; u < nc; u++)
            if (used_input(s, m, u))
                t->V[r++ + l * nva] = BT[u + c * nc] * qc;
        if (r < nva)
            t->V[r + l * nva] = sc[c] != 0 ? -sc[c] * qc : 0; /* no -0 */
    }
    for (size_t f = 0; f < s->nfd; f++)
        for (size_t k = 0; k < n; k++)
            t->Y[k + f * n] = s->E[P[k] + f * nc];
}

/* By industry: Z = T U, Y = T E, value added as used, scrap -(p'T) U. */
static void fill_industry(clio_table *t, const clio_sut *s, const clio_symmetric *m,
                          const double *sc)
{
    size_t n = s->ni, nc = s->nc, nva = t->nva;
    clioi_dense_gemm(n, n, nc, m->T, s->U, t->Z);
    clioi_dense_gemm(n, s->nfd, nc, m->T, s->E, t->Y);
    for (size_t i = 0; i < n; i++) {
        t->x[i] = m->g[i];
        size_t r = 0;
        for (; r < s->nva; r++)
            t->V[r + i * nva] = s->VA[r + i * s->nva];
        for (size_t u = 0; u < nc; u++)
            if (used_input(s, m, u))
                t->V[r++ + i * nva] = s->U[u + i * nc];
        if (r < nva) {
            double v = 0;
            for (size_t c = 0; c < nc; c++)
                v += sc[c] * s->U[c + i * nc];
            t->V[r + i * nva] = v != 0 ? -v : 0;
        }
    }
}

int clio_symmetric_table(const clio_sut *s, const clio_symmetric *m, int by,
                         const char *region, clio_table **out, clio_error *err)
{
    *out = NULL;
    if (!s || !m || s->nc != m->nc || s->ni != m->ni ||
        (by != CLIO_BY_COMMODITY && by != CLIO_BY_INDUSTRY))
        return clioi_fail(err, CLIO_EINVAL, "clio_symmetric_table: invalid argument");
    size_t n = 0, nextra = 0;
    for (size_t c = 0; c < s->nc; c++) {
        n += m->produced[c];
        nextra += (size_t)used_input(s, m, c);
    }
    if (by == CLIO_BY_INDUSTRY)
        n = s->ni;
    size_t nva = s->nva + nextra + (size_t)any_scrap(m);
    clio_table *t = clio_table_alloc(1, n, s->nfd, nva, 0);
    double *sc = clioi_calloc_array(s->nc, sizeof *sc);
    double *BT = NULL, *VT = NULL, *VAg = NULL;
    size_t *P = NULL;
    int status = CLIO_OK;
    if (!t || !sc) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if ((status = set_labels(t, s, m, by, region, err)) != CLIO_OK)
        goto done;
    t->title = clioi_strdup(by == CLIO_BY_COMMODITY
                                ? (m->technology == CLIO_INDUSTRY_TECHNOLOGY
                                       ? "commodity-by-commodity table, industry technology"
                                       : "commodity-by-commodity table, product technology")
                                : (m->technology == CLIO_INDUSTRY_TECHNOLOGY
                                       ? "industry-by-industry table, industry technology"
                                       : "industry-by-industry table, product technology"));
    scrap_per_commodity(m, sc);
    if (by == CLIO_BY_INDUSTRY) {
        fill_industry(t, s, m, sc);
        goto done;
    }
    /* VT = (VA ghat^-1) T: value added per unit of each commodity */
    BT = clioi_alloc_matrix(s->nc, s->nc);
    VT = clioi_alloc_matrix(s->nva, s->nc);
    VAg = clioi_alloc_matrix(s->nva, s->ni);
    P = clioi_calloc_array(n, sizeof *P);
    if (!BT || !VT || !VAg || !P) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < s->ni; i++)
        for (size_t r = 0; r < s->nva; r++)
            VAg[r + i * s->nva] = m->g[i] != 0 ? s->VA[r + i * s->nva] / m->g[i] : 0;
    clioi_dense_gemm(s->nc, s->nc, s->ni, m->B, m->T, BT);
    clioi_dense_gemm(s->nva, s->nc, s->ni, VAg, m->T, VT);
    fill_commodity(t, s, m, BT, VT, sc, P);
done:
    free(sc);
    free(BT);
    free(VT);
    free(VAg);
    free(P);
    if (status != CLIO_OK) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}
