/* extraction.c -- hypothetical extraction of every sector, one at a time,
 * by rank-one (Sherman-Morrison) updates of the one factor of I - A: no
 * table is refactored.
 *
 * With L = (I - A)^-1, x = L f, e_a = L' d_a (Type I effects of account a
 * with direct coefficients d_a) and h_a = L (x o d_a), the losses of an
 * account when sector j is extracted are
 *   total     e_j x_j / L_jj
 *   backward  (e_j - d_j) x_j / L_jj
 *   forward   (h_j - x_j d_j) / L_jj
 *   internal  e_j a_jj x_j / (1 + a_jj L_jj)
 * (docs/methods-linkages-extraction.md derives them).  The diagonal of L
 * comes from the factor's inverted triangles at about the cost of one
 * factorisation, e and h from two solves: O(n^3) for all n sectors.
 * Groups of sectors: extraction_groups.c. */
#include "extraction.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const field_names[CLIOI_X_NFIELDS] = {"total", "backward", "forward",
                                                         "internal", "total_percent"};

void clioi_extraction_base_free(clioi_extraction_base *b)
{
    free(b->D);
    free(b->E);
    free(b->H);
    free(b->total);
}

int clioi_extraction_base_make(const clio_table *t, const clio_leontief *f,
                               clioi_extraction_base *b, clio_error *err)
{
    size_t n = t->n, na = 1 + t->nva + t->nsat;
    memset(b, 0, sizeof *b);
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    if (clioi_need_dense_z(t, "extraction", err) != CLIO_OK)
        return CLIO_EINVAL;
    b->n = n;
    b->na = na;
    b->D = clioi_alloc_matrix(n ? n : 1, na);
    b->E = clioi_alloc_matrix(n ? n : 1, na);
    b->H = clioi_alloc_matrix(n ? n : 1, na);
    b->total = clioi_calloc_array(na, sizeof *b->total);
    if (!b->D || !b->E || !b->H || !b->total) {
        clioi_extraction_base_free(b);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    for (size_t a = 0; a < na; a++)
        for (size_t j = 0; j < n; j++) {
            double d = clioi_account_coefficient(t, a, j);
            b->D[j + a * n] = b->E[j + a * n] = d;
            b->H[j + a * n] = t->x[j] * d;
            b->total[a] += t->x[j] * d;
        }
    int status = clio_leontief_solve(f, 1, na, b->E, n ? n : 1, err);
    if (status == CLIO_OK)
        status = clio_leontief_solve(f, 0, na, b->H, n ? n : 1, err);
    if (status != CLIO_OK)
        clioi_extraction_base_free(b);
    return status;
}

double clioi_extraction_coefficient(const clio_table *t, size_t i, size_t j)
{
    return t->x[j] != 0 ? t->Z[i + j * t->n] / t->x[j] : 0.0;
}

void clioi_extraction_percent(double *v, double account_total)
{
    v[CLIOI_X_TOTAL_PERCENT] =
        account_total != 0 ? 100.0 * v[CLIOI_X_TOTAL] / account_total : NAN;
}

int clioi_extraction_finish(clio_result *r, const char *description)
{
    r->additive = 0; /* losses of different extractions do not add up */
    if (clioi_result_set_fields(r, field_names) != CLIO_OK ||
        !(r->description = clioi_strdup(description)))
        return CLIO_ENOMEM;
    return CLIO_OK;
}

/* The result's one-line description. */
static const char description[] =
    "Hypothetical extraction of each sector: what each account would lose: total "
    "(its row, column and final demand removed), backward (it buys no inputs), "
    "forward (it sells no intermediate output; Ghosh), internal (it buys "
    "nothing from itself); total_percent of the account's total";

int clio_extract_sectors(const clio_table *t, const clio_leontief *f, clio_result **out,
                         clio_error *err)
{
    *out = NULL;
    clioi_extraction_base b;
    int status = clioi_extraction_base_make(t, f, &b, err);
    if (status != CLIO_OK)
        return status;
    size_t n = b.n, na = b.na;
    clio_result *r = clioi_result_alloc(t, "extraction", na, CLIOI_X_NFIELDS);
    double *ljj = clioi_calloc_array(n, sizeof *ljj);
    if (!r || !ljj || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_extraction_finish(r, description) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if ((status = clioi_leontief_inverse_diagonal(f, ljj, err)) != CLIO_OK)
        goto done;
    for (size_t j = 0; j < n; j++) {
        double xj = t->x[j], l = ljj[j], ajj = clioi_extraction_coefficient(t, j, j);
        for (size_t a = 0; a < na; a++) {
            double *v = &r->values[CLIOI_X_NFIELDS * (a + na * j)];
            double e = b.E[j + a * n], d = b.D[j + a * n], h = b.H[j + a * n];
            v[CLIOI_X_TOTAL] = e * xj / l;
            v[CLIOI_X_BACKWARD] = (e - d) * xj / l;
            /* a sector without output sells nothing: its row of B is zero */
            v[CLIOI_X_FORWARD] = xj != 0 ? (h - xj * d) / l : 0.0;
            v[CLIOI_X_INTERNAL] = e * ajj * xj / (1.0 + ajj * l);
            clioi_extraction_percent(v, b.total[a]);
        }
    }
done:
    free(ljj);
    clioi_extraction_base_free(&b);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
