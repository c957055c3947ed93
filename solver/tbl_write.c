/* tbl_write.c -- the triple-bottom-line result written with its domains:
 * tidy CSV (a domain and a unit column beside each account) and a text
 * table with the accounts side by side, grouped by domain; saved
 * atomically (NetCDF through the generic result writer). */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { F_EMBODIED = 2 };

static const char *row_region(const clio_result *r, size_t i)
{
    return r->row_region[i] == CLIO_NONE ? "" : r->regions[r->row_region[i]];
}

static int check(const clio_result *r, const clio_tbl_accounts *a, clio_error *err)
{
    if (!r || !a || r->naccounts != a->naccounts || r->nfields != 3)
        return clioi_fail(err, CLIO_EINVAL, "tbl writer: the result and accounts do not match");
    return CLIO_OK;
}

static void csv_line(FILE *fp, const char *region, const char *sector,
                     const clio_tbl_accounts *a, size_t k, const double *v)
{
    clioi_csv_write_field(fp, region);
    fputc(',', fp);
    clioi_csv_write_field(fp, sector);
    fputc(',', fp);
    fputs(clio_domain_name(a->domain[k]), fp);
    fputc(',', fp);
    clioi_csv_write_field(fp, a->names[k]);
    fputc(',', fp);
    clioi_csv_write_field(fp, a->units[k]);
    for (size_t f = 0; f < 3; f++) {
        fputc(',', fp);
        clioi_csv_write_number(fp, v[f]);
    }
    fputc('\n', fp);
}

/* Rows "TOTAL": the sum of embodied over a region's sectors (group rows,
 * which have no region, are left out: they overlap the sectors). */
static void csv_totals(const clio_result *r, const clio_tbl_accounts *a, FILE *fp,
                       size_t region, const char *label)
{
    for (size_t k = 0; k < a->naccounts; k++) {
        double v[3] = {NAN, NAN, 0};
        for (size_t i = 0; i < r->nrows; i++)
            if (r->row_region[i] != CLIO_NONE &&
                (region == CLIO_NONE || r->row_region[i] == region))
                v[F_EMBODIED] += clio_result_value(r, i, k, F_EMBODIED);
        csv_line(fp, label, "TOTAL", a, k, v);
    }
}

int clio_tbl_write_csv(const clio_result *r, const clio_tbl_accounts *a, FILE *fp,
                       clio_error *err)
{
    int status = check(r, a, err);
    if (status != CLIO_OK)
        return status;
    fputs("region,sector,domain,account,unit,direct,total,embodied\n", fp);
    for (size_t i = 0; i < r->nrows; i++)
        for (size_t k = 0; k < a->naccounts; k++)
            csv_line(fp, row_region(r, i), r->row_sector[i], a, k,
                     &r->values[3 * (k + r->naccounts * i)]);
    for (size_t g = 0; g < r->nregions; g++)
        csv_totals(r, a, fp, g, r->regions[g]);
    if (r->nregions > 1)
        csv_totals(r, a, fp, CLIO_NONE, "ALL");
    return ferror(fp) ? clioi_fail(err, CLIO_EWRITE, "write error") : CLIO_OK;
}

/* Accounts in domain order (economic, social, environmental). */
static size_t *domain_order(const clio_tbl_accounts *a)
{
    size_t *order = clioi_calloc_array(a->naccounts, sizeof *order), m = 0;
    if (!order)
        return NULL;
    for (int d = 0; d <= CLIO_DOMAIN_ENVIRONMENTAL; d++)
        for (size_t k = 0; k < a->naccounts; k++)
            if (a->domain[k] == d)
                order[m++] = k;
    return order;
}

static int column_width(const clio_tbl_accounts *a, size_t k)
{
    size_t w = 12;
    if (strlen(a->names[k]) > w)
        w = strlen(a->names[k]);
    if (strlen(a->units[k]) > w)
        w = strlen(a->units[k]);
    return (int)w;
}

/* The key of row i: "region|sector", the sector alone, or "group:NAME". */
static void row_label(const clio_result *r, size_t i, char *buf, size_t len)
{
    if (r->row_region[i] == CLIO_NONE)
        snprintf(buf, len, "group:%s", r->row_sector[i]);
    else if (r->nregions > 1)
        snprintf(buf, len, "%s|%s", row_region(r, i), r->row_sector[i]);
    else
        snprintf(buf, len, "%s", r->row_sector[i]);
}

static void text_block(const clio_result *r, const clio_tbl_accounts *a, const size_t *order,
                       size_t f, int lw, FILE *fp)
{
    static const char *const what[] = {
        "direct: per unit of output",
        "total: embodied in a unit of final demand (supply chain included)",
        "embodied: in the final demand of each sector or group (total x final demand)"};
    fprintf(fp, "\n%s\n", what[f]);
    const char *heads[3] = {"domain", "account", "unit"};
    for (int line = 0; line < 3; line++) {
        fprintf(fp, "%-*s", lw, heads[line]);
        for (size_t c = 0; c < a->naccounts; c++) {
            size_t k = order[c];
            const char *s = line == 0 ? clio_domain_name(a->domain[k])
                          : line == 1 ? a->names[k]
                                      : a->units[k];
            fprintf(fp, " %*s", column_width(a, k), s);
        }
        fputc('\n', fp);
    }
    for (size_t i = 0; i < r->nrows; i++) {
        char label[512];
        row_label(r, i, label, sizeof label);
        fprintf(fp, "%-*s", lw, label);
        for (size_t c = 0; c < a->naccounts; c++)
            fprintf(fp, " %*.6g", column_width(a, order[c]),
                    clio_result_value(r, i, order[c], f));
        fputc('\n', fp);
    }
}

int clio_tbl_write_text(const clio_result *r, const clio_tbl_accounts *a, FILE *fp,
                        clio_error *err)
{
    int status = check(r, a, err);
    if (status != CLIO_OK)
        return status;
    size_t *order = domain_order(a);
    if (!order)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int lw = 8;
    for (size_t i = 0; i < r->nrows; i++) {
        char label[512];
        row_label(r, i, label, sizeof label);
        if ((int)strlen(label) > lw)
            lw = (int)strlen(label);
    }
    fprintf(fp, "Triple bottom line%s%s\n", r->title ? ": " : "", r->title ? r->title : "");
    for (size_t f = 0; f < 3; f++)
        text_block(r, a, order, f, lw, fp);
    free(order);
    return ferror(fp) ? clioi_fail(err, CLIO_EWRITE, "write error") : CLIO_OK;
}

int clio_tbl_save(const clio_result *r, const clio_tbl_accounts *a, const char *path,
                  clio_error *err)
{
    int status = check(r, a, err);
    if (status != CLIO_OK)
        return status;
    if (clioi_ends_with(path, ".nc"))
        return clio_result_write_netcdf(r, path, err);
    clioi_atomic at;
    if ((status = clioi_atomic_begin(&at, path, 1, err)) != CLIO_OK)
        return status;
    status = clioi_ends_with(path, ".txt") ? clio_tbl_write_text(r, a, at.fp, err)
                                           : clio_tbl_write_csv(r, a, at.fp, err);
    if (status != CLIO_OK) {
        clioi_atomic_abort(&at);
        return status;
    }
    return clioi_atomic_commit(&at, err);
}
