/* symmetric.c -- the coefficients of a make-use system: outputs q and g,
 * scrap shares p, direct requirements B = U ghat^-1 and the transformation
 * T with g = T q, under the industry-technology assumption (BEA's market
 * shares with the scrap adjustment, W = (I - phat)^-1 V qhat^-1) or the
 * product-technology assumption (T = ghat (V_P')^-1).  See
 * docs/methods-symmetric.md. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_symmetric_free(clio_symmetric *m)
{
    if (!m)
        return;
    free(m->q);
    free(m->g);
    free(m->h);
    free(m->p);
    free(m->B);
    free(m->T);
    free(m->produced);
    free(m);
}

/* Outputs: q = column sums of make, g = row sums (scrap included), h =
 * scrap columns; produced = not scrap and q != 0. */
static void outputs(const clio_sut *s, clio_symmetric *m)
{
    for (size_t c = 0; c < s->nc; c++) {
        const double *col = s->V + c * s->ni;
        for (size_t i = 0; i < s->ni; i++) {
            m->q[c] += col[i];
            m->g[i] += col[i];
            if (s->scrap[c])
                m->h[i] += col[i];
        }
        m->produced[c] = !s->scrap[c] && m->q[c] != 0;
    }
}

/* B = U ghat^-1 and p = h / g; an industry without output must use nothing. */
static int direct(const clio_sut *s, clio_symmetric *m, clio_error *err)
{
    for (size_t i = 0; i < s->ni; i++) {
        const double *u = s->U + i * s->nc;
        double *b = m->B + i * s->nc;
        if (m->g[i] == 0) {
            for (size_t c = 0; c < s->nc; c++)
                if (u[c] != 0)
                    return clioi_fail(err, CLIO_EVALUE,
                                      "industry '%s' makes nothing but uses %g of commodity '%s'",
                                      s->industries[i], u[c], s->commodities[c]);
            continue;
        }
        for (size_t c = 0; c < s->nc; c++)
            b[c] = u[c] / m->g[i];
        m->p[i] = m->h[i] / m->g[i];
        if (m->h[i] != 0 && m->h[i] == m->g[i])
            return clioi_fail(err, CLIO_EVALUE, "industry '%s' makes nothing but scrap",
                              s->industries[i]);
    }
    return CLIO_OK;
}

/* Industry technology: W(i,c) = V(i,c) / q_c / (1 - p_i) for produced c. */
static void market_shares(const clio_sut *s, clio_symmetric *m)
{
    for (size_t c = 0; c < s->nc; c++) {
        if (!m->produced[c])
            continue;
        for (size_t i = 0; i < s->ni; i++)
            m->T[i + c * s->ni] = s->V[i + c * s->ni] / m->q[c] / (1 - m->p[i]);
    }
}

/* Product technology: T = ghat (V_P')^-1, i.e. V_P T_P' = ghat, one solve
 * with the ni x ni make table of the produced commodities. */
static int product_mix(const clio_sut *s, clio_symmetric *m, clio_error *err)
{
    size_t n = s->ni, np = 0;
    for (size_t c = 0; c < s->nc; c++)
        np += m->produced[c];
    if (np != n)
        return clioi_fail(err, CLIO_EDIM,
                          "product technology needs a square make table: %zu industries but "
                          "%zu produced commodities (scrap and commodities nobody makes left "
                          "out)",
                          n, np);
    double *VP = clioi_alloc_matrix(n, n), *X = clioi_alloc_matrix(n, n);
    size_t *cols = clioi_calloc_array(n, sizeof *cols);
    int status = CLIO_OK;
    if (!VP || !X || !cols) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t c = 0, k = 0; c < s->nc; c++)
        if (m->produced[c]) {
            cols[k] = c;
            memcpy(VP + k * n, s->V + c * n, n * sizeof *VP);
            k++;
        }
    for (size_t i = 0; i < n; i++)
        X[i + i * n] = m->g[i];
    status = clioi_dense_solve(n, VP, n, X, err);
    if (status == CLIO_ESINGULAR) {
        status = clioi_fail(err, CLIO_ESINGULAR,
                            "product technology: the make table of the produced commodities "
                            "is singular (industries with the same product mix?)");
        goto done;
    }
    /* X = T_P': row k of X is commodity cols[k], column i industry i */
    for (size_t k = 0; status == CLIO_OK && k < n; k++)
        for (size_t i = 0; i < n; i++)
            m->T[i + cols[k] * n] = X[k + i * n];
done:
    free(VP);
    free(X);
    free(cols);
    return status;
}

int clio_symmetric_compute(const clio_sut *s, int technology, clio_symmetric **out,
                           clio_error *err)
{
    *out = NULL;
    if (!s || (technology != CLIO_INDUSTRY_TECHNOLOGY && technology != CLIO_PRODUCT_TECHNOLOGY))
        return clioi_fail(err, CLIO_EINVAL, "clio_symmetric_compute: invalid argument");
    clio_symmetric *m = calloc(1, sizeof *m);
    if (!m)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    m->technology = technology;
    m->ni = s->ni;
    m->nc = s->nc;
    m->q = clioi_calloc_array(s->nc, sizeof(double));
    m->g = clioi_calloc_array(s->ni, sizeof(double));
    m->h = clioi_calloc_array(s->ni, sizeof(double));
    m->p = clioi_calloc_array(s->ni, sizeof(double));
    m->B = clioi_alloc_matrix(s->nc, s->ni);
    m->T = clioi_alloc_matrix(s->ni, s->nc);
    m->produced = clioi_calloc_array(s->nc, 1);
    int status = CLIO_OK;
    if (!m->q || !m->g || !m->h || !m->p || !m->B || !m->T || !m->produced)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK) {
        outputs(s, m);
        status = direct(s, m, err);
    }
    if (status == CLIO_OK && technology == CLIO_INDUSTRY_TECHNOLOGY)
        market_shares(s, m);
    else if (status == CLIO_OK)
        status = product_mix(s, m, err);
    if (status != CLIO_OK) {
        clio_symmetric_free(m);
        return status;
    }
    *out = m;
    return CLIO_OK;
}
