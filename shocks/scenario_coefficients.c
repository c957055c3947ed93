/* scenario_coefficients.c -- technical-coefficient changes of a scenario,
 * all by column (buyer): relative changes of a_ij, and reshoring (import
 * substitution).  They compose in file order, so they work on a copy of A
 * and of the value-added coefficients; the columns touched become the
 * shock's cols / dA / dVc (new minus baseline). */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

int clioi_scn_coefficients_init(const clioi_scn_resolver *r, clioi_scn_coefficients *c)
{
    const clio_table *t = r->t;
    memset(c, 0, sizeof *c);
    if (!t->Z)
        return clioi_fail(r->err, CLIO_EINVAL,
                          "%s: scenario '%s': coefficient changes need the table's Z",
                          r->s->path, r->target->name);
    size_t n = t->n, nva = t->nva;
    c->n = n;
    c->nva = nva;
    c->A0 = clioi_alloc_matrix(n, n);
    c->A = clioi_alloc_matrix(n, n);
    c->Vc0 = clioi_calloc_array(nva * n, sizeof *c->Vc0);
    c->Vc = clioi_calloc_array(nva * n, sizeof *c->Vc);
    c->touched = clioi_calloc_array(n, 1);
    if (!c->A0 || !c->A || !c->Vc0 || !c->Vc || !c->touched)
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    for (size_t j = 0; j < n; j++) {
        if (!(t->x[j] != 0))
            continue; /* no output: a zero column, as clio_coefficients */
        for (size_t i = 0; i < n; i++)
            c->A0[i + j * n] = t->Z[i + j * n] / t->x[j];
        for (size_t v = 0; v < nva; v++)
            c->Vc0[v + j * nva] = t->V[v + j * nva] / t->x[j];
    }
    memcpy(c->A, c->A0, n * n * sizeof *c->A);
    if (nva)
        memcpy(c->Vc, c->Vc0, nva * n * sizeof *c->Vc);
    return CLIO_OK;
}

int clioi_scn_coefficient_change(const clioi_scn_resolver *r, clioi_scn_coefficients *c,
                                 const clioi_scn_entry *e)
{
    size_t nb, ns, n = c->n;
    int status = clioi_scn_select(r, &e->sel, r->mask, &nb);
    if (status == CLIO_OK)
        status = clioi_scn_select(r, &e->seller, r->mask2, &ns);
    if (status != CLIO_OK)
        return status;
    for (size_t j = 0; j < n; j++) {
        if (!r->mask[j])
            continue;
        c->touched[j] = 1;
        for (size_t i = 0; i < n; i++)
            if (r->mask2[i])
                c->A[i + j * n] *= 1 + e->amount.value;
    }
    return CLIO_OK;
}

/* Sector id -> index of the sector of the same name in region `region`
 * (CLIO_NONE when that region has none). */
static void same_name_in(const clio_table *t, size_t region, size_t *twin)
{
    for (size_t i = 0; i < t->n; i++) {
        twin[i] = CLIO_NONE;
        for (size_t k = 0; k < t->n && twin[i] == CLIO_NONE; k++)
            if (t->sector_region[k] == region &&
                strcmp(t->sector_names[k], t->sector_names[i]) == 0)
                twin[i] = k;
    }
}

/* Move share s of what buyer j buys from other regions to the same sector
 * of j's own region (where it exists). */
static void reshore_trade(const clio_table *t, clioi_scn_coefficients *c, size_t j,
                          const size_t *twin, double s)
{
    size_t n = c->n, own = t->sector_region[j];
    for (size_t i = 0; i < n; i++) {
        if (t->sector_region[i] == own || twin[i] == CLIO_NONE)
            continue;
        double moved = s * c->A[i + j * n];
        c->A[i + j * n] -= moved;
        c->A[twin[i] + j * n] += moved;
    }
}

/* Share s of the imports coefficient of buyer j becomes purchases from
 * its own region, spread over them in proportion to their coefficients. */
static int reshore_imports(const clioi_scn_resolver *r, clioi_scn_coefficients *c, size_t j,
                           size_t row, double s, size_t line)
{
    const clio_table *t = r->t;
    size_t n = c->n;
    double m = c->Vc[row + j * c->nva], domestic = 0;
    if (m == 0)
        return CLIO_OK;
    for (size_t i = 0; i < n; i++)
        if (t->sector_region[i] == t->sector_region[j])
            domestic += c->A[i + j * n];
    if (!(domestic > 0)) {
        char key[256];
        clio_table_sector_key(t, j, key, sizeof key);
        return clioi_scn_resolve_fail(r, CLIO_EVALUE, line,
                                      "sector '%s' buys no domestic inputs to take its reshored "
                                      "imports",
                                      key);
    }
    for (size_t i = 0; i < n; i++)
        if (t->sector_region[i] == t->sector_region[j])
            c->A[i + j * n] += s * m * (c->A[i + j * n] / domestic);
    c->Vc[row + j * c->nva] -= s * m;
    return CLIO_OK;
}

int clioi_scn_reshore(const clioi_scn_resolver *r, clioi_scn_coefficients *c,
                      const clioi_scn_entry *e)
{
    const clio_table *t = r->t;
    size_t nb, row = CLIO_NONE;
    int status = clioi_scn_select(r, &e->sel, r->mask, &nb);
    if (status != CLIO_OK)
        return status;
    /* One region: the imports row (default "imports").  Several: trade
     * between regions, and the imports row only when named. */
    clioi_scn_name imports = e->component;
    if (!imports.text && t->nregions == 1)
        imports = (clioi_scn_name){.text = "imports", .line = e->line};
    if (imports.text && (status = clioi_scn_va_row(r, &imports, &row)) != CLIO_OK)
        return status;
    size_t *twin = NULL, twin_region = CLIO_NONE;
    if (t->nregions > 1 && !(twin = clioi_calloc_array(t->n, sizeof *twin)))
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    for (size_t j = 0; j < t->n && status == CLIO_OK; j++) {
        if (!r->mask[j])
            continue;
        c->touched[j] = 1;
        if (twin) {
            if (twin_region != t->sector_region[j])
                same_name_in(t, twin_region = t->sector_region[j], twin);
            reshore_trade(t, c, j, twin, e->amount.value);
        }
        if (row != CLIO_NONE)
            status = reshore_imports(r, c, j, row, e->amount.value, e->line);
    }
    free(twin);
    return status;
}

int clioi_scn_coefficients_finish(const clioi_scn_resolver *r, clioi_scn_coefficients *c,
                                  clio_shock *k)
{
    size_t n = c->n, nva = c->nva, ncols = 0;
    for (size_t j = 0; j < n; j++)
        ncols += c->touched[j];
    if (ncols == 0)
        return CLIO_OK;
    k->cols = clioi_calloc_array(ncols, sizeof *k->cols);
    k->dA = clioi_calloc_array(n * ncols, sizeof *k->dA);
    k->dVc = clioi_calloc_array(nva * ncols, sizeof *k->dVc);
    if (!k->cols || !k->dA || !k->dVc)
        return clioi_fail(r->err, CLIO_ENOMEM, "out of memory");
    for (size_t j = 0; j < n; j++) {
        if (!c->touched[j])
            continue;
        size_t q = k->ncols++;
        k->cols[q] = j;
        for (size_t i = 0; i < n; i++)
            k->dA[i + q * n] = c->A[i + j * n] - c->A0[i + j * n];
        for (size_t v = 0; v < nva; v++)
            k->dVc[v + q * nva] = c->Vc[v + j * nva] - c->Vc0[v + j * nva];
    }
    return CLIO_OK;
}

void clioi_scn_coefficients_free(clioi_scn_coefficients *c)
{
    free(c->A0);
    free(c->A);
    free(c->Vc0);
    free(c->Vc);
    free(c->touched);
}
