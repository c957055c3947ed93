/* result.c -- labelled results (sector x account x field): allocation. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

static char **copy_labels(char *const *labels, size_t count)
{
    char **copy = clioi_calloc_array(count, sizeof *copy);
    if (!copy)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        copy[i] = clioi_strdup(labels[i] ? labels[i] : "");
        if (!copy[i]) {
            for (size_t j = 0; j < i; j++)
                free(copy[j]);
            free(copy);
            return NULL;
        }
    }
    return copy;
}

clio_result *clioi_result_alloc(const clio_table *t, const char *kind, size_t naccounts,
                                size_t nfields)
{
    clio_result *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->nrows = t->n;
    r->nregions = t->nregions;
    r->naccounts = naccounts;
    r->nfields = nfields;
    r->kind = clioi_strdup(kind);
    r->title = clioi_strdup(t->title);
    r->regions = copy_labels(t->regions, t->nregions);
    r->row_sector = copy_labels(t->sector_names, t->n);
    r->row_region = clioi_calloc_array(t->n, sizeof(size_t));
    r->accounts = clioi_calloc_array(naccounts, sizeof(char *));
    r->account_units = clioi_calloc_array(naccounts, sizeof(char *));
    r->fields = clioi_calloc_array(nfields, sizeof(char *));
    size_t count = t->n * naccounts * nfields;
    r->values = clioi_calloc_array(count, sizeof(double));
    if (!r->kind || (t->title && !r->title) || !r->regions || !r->row_sector ||
        !r->row_region || !r->accounts || !r->account_units || !r->fields || !r->values) {
        clio_result_free(r);
        return NULL;
    }
    memcpy(r->row_region, t->sector_region, t->n * sizeof(size_t));
    return r;
}

clio_result *clioi_result_alloc_groups(const clio_table *t, const char *kind,
                                       const clio_groups *g, size_t naccounts, size_t nfields)
{
    clio_result *r = clioi_result_alloc(t, kind, naccounts, nfields);
    if (!r)
        return NULL;
    clioi_free_labels(r->row_sector, r->nrows);
    free(r->row_region);
    free(r->values);
    r->nrows = g->ngroups;
    r->row_sector = clioi_calloc_array(g->ngroups, sizeof *r->row_sector);
    r->row_region = clioi_calloc_array(g->ngroups, sizeof *r->row_region);
    r->values = clioi_calloc_array(g->ngroups * naccounts * nfields, sizeof *r->values);
    int ok = r->row_sector && r->row_region && r->values;
    for (size_t k = 0; ok && k < g->ngroups; k++) {
        r->row_region[k] = CLIO_NONE;
        ok = (r->row_sector[k] = clioi_strdup(g->names[k])) != NULL;
    }
    if (!ok) {
        clio_result_free(r);
        return NULL;
    }
    return r;
}

int clioi_result_set_accounts_from_table(clio_result *r, const clio_table *t)
{
    if (r->naccounts != 1 + t->nva + t->nsat)
        return CLIO_EINVAL;
    size_t a = 0;
    r->accounts[a] = clioi_strdup("output");
    r->account_units[a++] = clioi_strdup(t->unit ? t->unit : "");
    for (size_t k = 0; k < t->nva; k++, a++) {
        r->accounts[a] = clioi_strdup(t->va_names[k]);
        r->account_units[a] = clioi_strdup(t->unit ? t->unit : "");
    }
    for (size_t k = 0; k < t->nsat; k++, a++) {
        r->accounts[a] = clioi_strdup(t->sat_names[k]);
        r->account_units[a] = clioi_strdup(t->sat_units[k] ? t->sat_units[k] : "");
    }
    for (a = 0; a < r->naccounts; a++)
        if (!r->accounts[a] || !r->account_units[a])
            return CLIO_ENOMEM;
    return CLIO_OK;
}

int clioi_result_set_fields(clio_result *r, const char *const *names)
{
    for (size_t f = 0; f < r->nfields; f++)
        if (!(r->fields[f] = clioi_strdup(names[f])))
            return CLIO_ENOMEM;
    return CLIO_OK;
}

double clioi_account_coefficient(const clio_table *t, size_t a, size_t j)
{
    if (a == 0)
        return 1.0;
    if (t->x[j] == 0)
        return 0.0;
    if (a <= t->nva)
        return t->V[(a - 1) + j * t->nva] / t->x[j];
    return t->S[(a - 1 - t->nva) + j * t->nsat] / t->x[j];
}

void clio_result_free(clio_result *r)
{
    if (!r)
        return;
    free(r->kind);
    free(r->title);
    free(r->description);
    free(r->class_name);
    clioi_free_labels(r->row_class, r->row_class ? r->nrows : 0);
    clioi_free_labels(r->regions, r->nregions);
    free(r->row_region);
    clioi_free_labels(r->row_sector, r->nrows);
    clioi_free_labels(r->accounts, r->naccounts);
    clioi_free_labels(r->account_units, r->naccounts);
    clioi_free_labels(r->fields, r->nfields);
    free(r->values);
    free(r);
}
