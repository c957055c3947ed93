/* indicators_add.c -- a copy of a table with more satellite accounts: the
 * one place where typed accounts (bridges) and user indicators become
 * satellites, so both get the same checks (names unique, values finite). */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int copy_labels(char **to, char *const *from, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (from[i] && !(to[i] = clioi_strdup(from[i])))
            return CLIO_ENOMEM;
    return CLIO_OK;
}

/* Everything of t but its satellites into c (same n, nfd, nva). */
static int copy_economy(const clio_table *t, clio_table *c)
{
    size_t n = t->n;
    if ((t->title && !(c->title = clioi_strdup(t->title))) ||
        (t->unit && !(c->unit = clioi_strdup(t->unit))) ||
        (t->source && !(c->source = clioi_strdup(t->source))) ||
        copy_labels(c->regions, t->regions, t->nregions) != CLIO_OK ||
        copy_labels(c->sector_names, t->sector_names, n) != CLIO_OK ||
        copy_labels(c->fd_names, t->fd_names, t->nfd) != CLIO_OK ||
        copy_labels(c->va_names, t->va_names, t->nva) != CLIO_OK)
        return CLIO_ENOMEM;
    memcpy(c->sector_region, t->sector_region, n * sizeof *c->sector_region);
    memcpy(c->fd_region, t->fd_region, t->nfd * sizeof *c->fd_region);
    if (t->Z)
        memcpy(c->Z, t->Z, n * n * sizeof *c->Z);
    else if (t->Zs) { /* sparse stays sparse: no n x n copy */
        clio_sparse_free(c->Zs);
        if (!(c->Zs = clioi_sparse_copy(t->Zs)))
            return CLIO_ENOMEM;
    } else { /* consumed by a factorisation: stays consumed */
        clio_sparse_free(c->Zs);
        c->Zs = NULL;
    }
    memcpy(c->Y, t->Y, n * t->nfd * sizeof *c->Y);
    memcpy(c->V, t->V, t->nva * n * sizeof *c->V);
    memcpy(c->x, t->x, n * sizeof *c->x);
    return CLIO_OK;
}

/* Names non-empty and new: not among t's satellites nor earlier new ones. */
static int check_names(const clio_table *t, size_t count, const char *const *names,
                       clio_error *err)
{
    for (size_t k = 0; k < count; k++) {
        if (!names[k] || !*names[k])
            return clioi_fail(err, CLIO_ELABEL, "new satellite %zu has an empty name", k + 1);
        if (clioi_find_label(t->sat_names, t->nsat, names[k]) != CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL,
                              "duplicate account '%s': the table already has a satellite so "
                              "named",
                              names[k]);
        for (size_t e = 0; e < k; e++)
            if (strcmp(names[e], names[k]) == 0)
                return clioi_fail(err, CLIO_ELABEL, "duplicate account '%s' among the new ones",
                                  names[k]);
    }
    return CLIO_OK;
}

static int check_values(const clio_table *t, size_t count, const char *const *names,
                        const double *S, size_t lds, const double *SY, size_t ldsy,
                        clio_error *err)
{
    for (size_t k = 0; k < count; k++) {
        for (size_t j = 0; j < t->n; j++)
            if (!isfinite(S[k + lds * j])) {
                char key[256];
                clio_table_sector_key(t, j, key, sizeof key);
                return clioi_fail(err, CLIO_EVALUE, "satellite '%s' of sector '%s' is not finite",
                                  names[k], key);
            }
        for (size_t c = 0; SY && c < t->nfd; c++)
            if (!isfinite(SY[k + ldsy * c]))
                return clioi_fail(err, CLIO_EVALUE,
                                  "satellite '%s' of final demand '%s' is not finite", names[k],
                                  t->fd_names[c] ? t->fd_names[c] : "?");
    }
    return CLIO_OK;
}

int clio_table_add_satellites(const clio_table *t, size_t count, const char *const *names,
                              const char *const *units, const double *S, size_t lds,
                              const double *SY, size_t ldsy, clio_table **out,
                              clio_error *err)
{
    *out = NULL;
    if (!t || (count && (!names || !S || lds < count || (SY && ldsy < count))))
        return clioi_fail(err, CLIO_EINVAL, "add satellites: invalid arguments");
    int status = check_names(t, count, names, err);
    if (status == CLIO_OK)
        status = check_values(t, count, names, S, lds, SY, ldsy, err);
    if (status != CLIO_OK)
        return status;
    size_t n = t->n, m = t->nsat + count;
    /* without a dense Z (sparse or consumed) no n x n matrix is allocated */
    clio_table *c = t->Z ? clio_table_alloc(t->nregions, n, t->nfd, t->nva, m)
                         : clio_table_alloc_sparse(t->nregions, n, 0, t->nfd, t->nva, m);
    if (!c || copy_economy(t, c) != CLIO_OK ||
        copy_labels(c->sat_names, t->sat_names, t->nsat) != CLIO_OK ||
        copy_labels(c->sat_units, t->sat_units, t->nsat) != CLIO_OK) {
        clio_table_free(c);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    for (size_t k = 0; k < count; k++) {
        const char *unit = units && units[k] ? units[k] : "";
        if (!(c->sat_names[t->nsat + k] = clioi_strdup(names[k])) ||
            !(c->sat_units[t->nsat + k] = clioi_strdup(unit))) {
            clio_table_free(c);
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        }
    }
    for (size_t j = 0; j < n; j++) {
        for (size_t k = 0; k < t->nsat; k++)
            c->S[k + m * j] = t->S[k + t->nsat * j];
        for (size_t k = 0; k < count; k++)
            c->S[t->nsat + k + m * j] = S[k + lds * j];
    }
    for (size_t col = 0; col < t->nfd; col++) {
        for (size_t k = 0; k < t->nsat; k++)
            c->SY[k + m * col] = t->SY[k + t->nsat * col];
        for (size_t k = 0; SY && k < count; k++)
            c->SY[t->nsat + k + m * col] = SY[k + ldsy * col];
    }
    *out = c;
    return CLIO_OK;
}
