/* scenario_select.c -- what the names of a scenario entry mean in a
 * table: a selector (region, sector, group: the sectors that match every
 * key given; no key: every sector), the final-demand columns of a demand
 * entry (category, category_region) and value-added rows.  Every unknown
 * name is CLIO_ELABEL naming file, line and scenario. */
#include "scenario.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

int clioi_scn_resolve_fail(const clioi_scn_resolver *r, int status, size_t line,
                           const char *fmt, ...)
{
    char detail[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    if (r->owner != r->target)
        return clioi_fail(r->err, status, "%s:%zu: scenario '%s' (inherited by '%s'): %s",
                          r->s->path, line, r->owner->name, r->target->name, detail);
    return clioi_fail(r->err, status, "%s:%zu: scenario '%s': %s", r->s->path, line,
                      r->owner->name, detail);
}

static int select_region(const clioi_scn_resolver *r, const clioi_scn_name *name, size_t *region)
{
    *region = CLIO_NONE;
    if (!name->text)
        return CLIO_OK;
    *region = clioi_find_label(r->t->regions, r->t->nregions, name->text);
    if (*region == CLIO_NONE)
        return clioi_scn_resolve_fail(r, CLIO_ELABEL, name->line, "unknown region '%s'",
                                      name->text);
    return CLIO_OK;
}

/* The members of group `name` into mask (and with it). */
static int select_group(const clioi_scn_resolver *r, const clioi_scn_name *name,
                        unsigned char *mask)
{
    const clio_groups *g = r->groups;
    size_t k = g ? clioi_find_label(g->names, g->ngroups, name->text) : CLIO_NONE;
    if (k == CLIO_NONE)
        return clioi_scn_resolve_fail(r, CLIO_ELABEL, name->line, "unknown group '%s'%s",
                                      name->text,
                                      g ? "" : " (the file names no 'groups:' CSV)");
    unsigned char *in = r->scratch;
    memset(in, 0, r->t->n);
    for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
        in[g->members[p]] = 1;
    for (size_t i = 0; i < r->t->n; i++)
        mask[i] &= in[i];
    return CLIO_OK;
}

int clioi_scn_select(const clioi_scn_resolver *r, const clioi_scn_selector *sel,
                     unsigned char *mask, size_t *count)
{
    const clio_table *t = r->t;
    size_t region;
    int status = select_region(r, &sel->region, &region);
    if (status != CLIO_OK)
        return status;
    /* the region first: a batch of scenarios on a large MRIO compares
     * names only within one region */
    for (size_t i = 0; i < t->n; i++)
        mask[i] = (region == CLIO_NONE || t->sector_region[i] == region) &&
                  (!sel->sector.text || strcmp(t->sector_names[i], sel->sector.text) == 0);
    size_t selected = 0;
    for (size_t i = 0; i < t->n && selected == 0; i++)
        selected += mask[i];
    if (selected == 0 && sel->sector.text &&
        clioi_find_label(t->sector_names, t->n, sel->sector.text) == CLIO_NONE)
        return clioi_scn_resolve_fail(r, CLIO_ELABEL, sel->sector.line, "unknown sector '%s'",
                                      sel->sector.text);
    if (sel->group.text && (status = select_group(r, &sel->group, mask)) != CLIO_OK)
        return status;
    *count = 0;
    for (size_t i = 0; i < t->n; i++)
        *count += mask[i];
    if (*count > 0)
        return CLIO_OK;
    if (sel->sector.text && !sel->group.text)
        return clioi_scn_resolve_fail(r, CLIO_ELABEL, sel->sector.line,
                                      "unknown sector '%s' (region '%s')", sel->sector.text,
                                      sel->region.text);
    char what[320] = "";
    size_t used = 0;
    const clioi_scn_name *keys[] = {&sel->group, &sel->sector, &sel->region};
    const char *labels[] = {"group", "sector", "region"};
    for (size_t k = 0; k < 3 && used < sizeof what; k++)
        if (keys[k]->text)
            used += (size_t)snprintf(what + used, sizeof what - used, " %s '%s'", labels[k],
                                     keys[k]->text);
    return clioi_scn_resolve_fail(r, CLIO_ELABEL, sel->line, "the selection%s has no sector",
                                  what);
}

int clioi_scn_fd_columns(const clioi_scn_resolver *r, const clioi_scn_entry *e, size_t *count)
{
    const clio_table *t = r->t;
    if (t->nfd == 0)
        return clioi_scn_resolve_fail(r, CLIO_EDIM, e->line,
                                      "the table has no final-demand columns to change");
    size_t region;
    int status = select_region(r, &e->category_region, &region);
    if (status != CLIO_OK)
        return status;
    size_t named = 0;
    *count = 0;
    for (size_t k = 0; k < t->nfd; k++) {
        int by_name = !e->category.text || strcmp(t->fd_names[k], e->category.text) == 0;
        named += by_name;
        r->cols[k] = by_name && (region == CLIO_NONE || t->fd_region[k] == region);
        *count += r->cols[k];
    }
    if (e->category.text && named == 0)
        return clioi_scn_resolve_fail(r, CLIO_ELABEL, e->category.line,
                                      "unknown final-demand category '%s'", e->category.text);
    if (*count == 0)
        return clioi_scn_resolve_fail(r, CLIO_ELABEL, e->category_region.line,
                                      "region '%s' has no final-demand column%s%s%s",
                                      e->category_region.text, e->category.text ? " '" : "",
                                      e->category.text ? e->category.text : "",
                                      e->category.text ? "'" : "");
    return CLIO_OK;
}

int clioi_scn_va_row(const clioi_scn_resolver *r, const clioi_scn_name *name, size_t *row)
{
    *row = clioi_find_label(r->t->va_names, r->t->nva, name->text);
    if (*row == CLIO_NONE)
        return clioi_scn_resolve_fail(r, CLIO_ELABEL, name->line, "unknown value-added row '%s'",
                                      name->text);
    return CLIO_OK;
}

/* The sum of the positive parts of w over the mask. */
static double positive_sum(size_t m, const unsigned char *mask, const double *w)
{
    double sum = 0;
    for (size_t k = 0; k < m; k++)
        if (mask[k] && w[k] > 0)
            sum += w[k];
    return sum;
}

void clioi_scn_spread(size_t m, const unsigned char *mask, const double *weight,
                      const double *fallback, double amount, double *out)
{
    double sum = positive_sum(m, mask, weight);
    const double *w = weight;
    if (!(sum > 0) && fallback) {
        w = fallback;
        sum = positive_sum(m, mask, fallback);
    }
    if (sum > 0) {
        for (size_t k = 0; k < m; k++)
            if (mask[k] && w[k] > 0)
                out[k] += amount * (w[k] / sum);
        return;
    }
    size_t count = 0;
    for (size_t k = 0; k < m; k++)
        count += mask[k] != 0;
    for (size_t k = 0; k < m; k++)
        if (mask[k])
            out[k] += amount / (double)count;
}
