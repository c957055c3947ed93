/* footprints.c -- production- and consumption-based accounts of an MRIO.
 *
 * The final demand is grouped by consumer (the region of each final-demand
 * column; each column is its own consumer when a column has no region).
 * One solve with C right-hand sides, X = L [y_1 ... y_C], gives the output
 * of every sector that serves the final demand of each consumer; each
 * account (output, V rows, satellites) with direct coefficients d then
 * splits as d_i X_ic: by producing sector, and summed by producing region
 * into the bilateral matrix of embodied trade, from which the footprints
 * (consumption-based accounts), imports, exports and net flows follow.
 * Satellites caused by final demand directly (SY) belong to the consumer's
 * region, in both its production- and its consumption-based account. */
#include "clioi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    R_PRODUCTION, R_CONSUMPTION, R_DIRECT, R_DOMESTIC, R_IMPORTED, R_EXPORTED, R_BALANCE,
    R_NFIXED
};
static const char *const region_fields[R_NFIXED] = {
    "production", "consumption", "final_demand_direct", "domestic",
    "imported",   "exported",    "balance"};

static const char sector_description[] =
    "Per producing sector and account: production (d_i x_i) and the part that serves the "
    "final demand of each consumer (for:CONSUMER, d_i (L y_c)_i); the region TOTAL rows of "
    "for:CONSUMER are the accounts embodied in bilateral trade.";
static const char region_description[] =
    "Per region and account: production-based (production, with SY) and consumption-based "
    "(consumption: footprint of its final demand, with SY) accounts; final_demand_direct "
    "(SY); domestic, imported, exported; balance = consumption - production; for:CONSUMER "
    "(this region's producers for CONSUMER's final demand); net:REGION = for:REGION minus "
    "what REGION produces for this region.";

/* The consumers of a table: their number, the consumer of each final-demand
 * column, each consumer's home region (CLIO_NONE: none) and name. */
typedef struct consumers {
    size_t count;
    int by_region; /* consumers are the table's regions */
    size_t *of_column;
    size_t *home;
    char **names;
} consumers;

static void consumers_free(consumers *c)
{
    free(c->of_column);
    free(c->home);
    clioi_free_labels(c->names, c->names ? c->count : 0);
}

static int consumers_make(const clio_table *t, consumers *c)
{
    memset(c, 0, sizeof *c);
    c->by_region = 1;
    for (size_t k = 0; k < t->nfd; k++)
        if (t->fd_region[k] == CLIO_NONE || t->fd_region[k] >= t->nregions)
            c->by_region = 0;
    c->count = c->by_region ? t->nregions : t->nfd;
    c->of_column = clioi_calloc_array(t->nfd, sizeof *c->of_column);
    c->home = clioi_calloc_array(c->count, sizeof *c->home);
    c->names = clioi_calloc_array(c->count, sizeof *c->names);
    if (!c->of_column || !c->home || !c->names)
        return CLIO_ENOMEM;
    for (size_t k = 0; k < t->nfd; k++)
        c->of_column[k] = c->by_region ? t->fd_region[k] : k;
    for (size_t q = 0; q < c->count; q++) {
        if (c->by_region) {
            c->home[q] = q;
            c->names[q] = clioi_strdup(t->regions[q]);
        } else {
            size_t g = t->fd_region[q];
            c->home[q] = g < t->nregions ? g : (t->nregions == 1 ? 0 : CLIO_NONE);
            c->names[q] = clioi_key_dup(t, clioi_key_final_demand, q);
        }
        if (!c->names[q])
            return CLIO_ENOMEM;
    }
    return CLIO_OK;
}

/* prefix:name into a new string. */
static char *prefixed(const char *prefix, const char *name)
{
    size_t len = strlen(prefix) + strlen(name) + 1;
    char *s = malloc(len);
    if (s)
        snprintf(s, len, "%s%s", prefix, name);
    return s;
}

/* The result by producing sector: "production", then "for:c" per consumer. */
static clio_result *make_by_sector(const clio_table *t, const consumers *c, size_t na)
{
    clio_result *r = clioi_result_alloc(t, "footprints_by_sector", na, 1 + c->count);
    if (!r || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        !(r->fields[0] = clioi_strdup("production")) ||
        !(r->description = clioi_strdup(sector_description)))
        goto fail;
    r->additive = 1;
    for (size_t q = 0; q < c->count; q++)
        if (!(r->fields[1 + q] = prefixed("for:", c->names[q])))
            goto fail;
    return r;
fail:
    clio_result_free(r);
    return NULL;
}

/* The result by region: one row per region (sector "ALL"), the fixed
 * fields, "for:c" per consumer and, when consumers are regions, "net:g". */
static clio_result *make_by_region(const clio_table *t, const consumers *c, size_t na)
{
    size_t R = t->nregions, nnet = c->by_region ? R : 0;
    size_t nf = R_NFIXED + c->count + nnet;
    clio_result *r = clioi_result_alloc(t, "footprints_by_region", na, nf);
    if (!r || clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        !(r->description = clioi_strdup(region_description)))
        goto fail;
    for (size_t k = 0; k < R_NFIXED; k++)
        if (!(r->fields[k] = clioi_strdup(region_fields[k])))
            goto fail;
    for (size_t q = 0; q < c->count; q++)
        if (!(r->fields[R_NFIXED + q] = prefixed("for:", c->names[q])))
            goto fail;
    for (size_t g = 0; g < nnet; g++)
        if (!(r->fields[R_NFIXED + c->count + g] = prefixed("net:", t->regions[g])))
            goto fail;
    /* Rows: the table's sectors become its regions. */
    clioi_free_labels(r->row_sector, r->nrows);
    free(r->row_region);
    free(r->values);
    r->row_sector = NULL;
    r->row_region = NULL;
    r->values = NULL;
    r->nrows = 0;
    char **rows = clioi_calloc_array(R, sizeof *rows);
    size_t *row_region = clioi_calloc_array(R, sizeof *row_region);
    double *values = clioi_calloc_array(R * na * nf, sizeof *values);
    for (size_t g = 0; rows && g < R; g++)
        rows[g] = clioi_strdup("ALL");
    r->row_sector = rows;
    r->row_region = row_region;
    r->values = values;
    r->nrows = rows ? R : 0;
    if (!rows || !row_region || !values)
        goto fail;
    for (size_t g = 0; g < R; g++) {
        if (!rows[g])
            goto fail;
        row_region[g] = g;
    }
    return r;
fail:
    clio_result_free(r);
    return NULL;
}

/* SY of satellite account a (0 for output and V rows) for consumer q. */
static double direct(const clio_table *t, const consumers *c, size_t a, size_t q)
{
    if (a <= t->nva || !t->SY)
        return 0;
    size_t s = a - 1 - t->nva;
    double sum = 0;
    for (size_t k = 0; k < t->nfd; k++)
        if (c->of_column[k] == q)
            sum += t->SY[s + k * t->nsat];
    return sum;
}

/* Fill the by-region result from B (na x R x C: account a produced in region
 * g for consumer q at B[q + C*(g + R*a)]) and P (na x R: production). */
static void fill_by_region(const clio_table *t, const consumers *c, const double *B,
                           const double *P, clio_result *r)
{
    size_t R = t->nregions, C = c->count, na = r->naccounts, nf = r->nfields;
    for (size_t a = 0; a < na; a++) {
        const double *Ba = B + C * R * a;
        for (size_t g = 0; g < R; g++) {
            double *v = &r->values[nf * (a + na * g)];
            double fdd = 0;
            for (size_t q = 0; q < C; q++) {
                double own = Ba[q + C * g]; /* g's producers for q */
                v[R_NFIXED + q] = own;
                if (c->home[q] != g) {
                    v[R_EXPORTED] += own;
                    continue;
                }
                fdd += direct(t, c, a, q);
                v[R_DOMESTIC] += own;
                for (size_t h = 0; h < R; h++)
                    if (h != g)
                        v[R_IMPORTED] += Ba[q + C * h];
            }
            if (c->by_region)
                for (size_t h = 0; h < R; h++)
                    v[R_NFIXED + C + h] = Ba[h + C * g] - Ba[g + C * h];
            v[R_DIRECT] = fdd;
            v[R_PRODUCTION] = P[g + R * a] + fdd;
            v[R_CONSUMPTION] = v[R_DOMESTIC] + v[R_IMPORTED] + fdd;
            v[R_BALANCE] = v[R_CONSUMPTION] - v[R_PRODUCTION];
        }
    }
}

int clio_footprints(const clio_table *t, const clio_leontief *f, clio_result **by_sector,
                    clio_result **by_region, clio_error *err)
{
    if (by_sector)
        *by_sector = NULL;
    if (by_region)
        *by_region = NULL;
    size_t n = t->n, na = 1 + t->nva + t->nsat, R = t->nregions;
    if (clio_leontief_size(f) != n)
        return clioi_fail(err, CLIO_EDIM, "the factor has %zu sectors, the table %zu",
                          clio_leontief_size(f), n);
    for (size_t i = 0; i < n; i++)
        if (t->sector_region[i] >= R)
            return clioi_fail(err, CLIO_ELABEL, "sector '%s' has no region", t->sector_names[i]);
    if (!by_sector && !by_region)
        return CLIO_OK;

    consumers c;
    int status = consumers_make(t, &c);
    size_t C = c.count, ld = n ? n : 1;
    double *X = status == CLIO_OK ? clioi_alloc_matrix(ld, C ? C : 1) : NULL;
    double *B = status == CLIO_OK ? clioi_calloc_array(na * R * C, sizeof *B) : NULL;
    double *P = status == CLIO_OK ? clioi_calloc_array(na * R, sizeof *P) : NULL;
    clio_result *rs = NULL, *rr = NULL;
    if (status != CLIO_OK || !X || !B || !P || (by_sector && !(rs = make_by_sector(t, &c, na))) ||
        (by_region && !(rr = make_by_region(t, &c, na)))) {
        status = clioi_fail(err, CLIO_ENOMEM,
                            "out of memory for the footprints of %zu sectors and %zu consumers",
                            n, C);
        goto done;
    }
    /* X = L [y_1 ... y_C]: the output each consumer's final demand needs. */
    for (size_t k = 0; k < t->nfd; k++) {
        double *x = X + c.of_column[k] * ld;
        const double *y = t->Y + k * n;
        for (size_t i = 0; i < n; i++)
            x[i] += y[i];
    }
    if ((status = clio_leontief_solve(f, 0, C, X, ld, err)) != CLIO_OK)
        goto done;

    size_t nfs = 1 + C;
    for (size_t i = 0; i < n; i++) {
        size_t g = t->sector_region[i];
        for (size_t a = 0; a < na; a++) {
            double d = clioi_account_coefficient(t, a, i), prod = d * t->x[i];
            double *v = rs ? &rs->values[nfs * (a + na * i)] : NULL;
            double *b = B + C * (g + R * a);
            P[g + R * a] += prod;
            if (v)
                v[0] = prod;
            for (size_t q = 0; q < C; q++) {
                double e = d * X[i + q * ld];
                b[q] += e;
                if (v)
                    v[1 + q] = e;
            }
        }
    }
    if (rr)
        fill_by_region(t, &c, B, P, rr);
done:
    consumers_free(&c);
    free(X);
    free(B);
    free(P);
    if (status != CLIO_OK) {
        clio_result_free(rs);
        clio_result_free(rr);
        return status;
    }
    if (by_sector)
        *by_sector = rs;
    if (by_region)
        *by_region = rr;
    return CLIO_OK;
}
