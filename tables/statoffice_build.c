/* statoffice_build.c -- the clio_table of a statistical-office import:
 * the rows and columns statoffice.c located in the CSV become one region's
 * Z, Y, V, x and satellites, with their names checked and set and the
 * spec's title, unit and source.  Empty cells are 0; numbers are scaled,
 * satellites are not. */
#include "statoffice.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One cell: empty is 0 (published tables leave zero cells blank), other
 * text must be a finite number, then scaled. */
static int cell_value(const clioi_statoffice_layout *l, size_t r, size_t c, double scale,
                      double *value)
{
    const clioi_csv_row *row = &l->csv->rows[r];
    const char *text = clioi_statoffice_field(row, c);
    *value = 0;
    if (!*text)
        return CLIO_OK;
    char number[32];
    const char *header = clioi_statoffice_field(&l->csv->rows[l->header], c);
    if (!*header)
        snprintf(number, sizeof number, "#%zu", c + 1);
    int status = clioi_csv_number(l->csv, row, c, *header ? header : number, value, l->err);
    if (status != CLIO_OK)
        return status;
    *value *= scale;
    if (!isfinite(*value))
        return clioi_fail(l->err, CLIO_EVALUE,
                          "%s:%zu: column '%s': '%s' times scale %g is not finite",
                          l->csv->path, row->line, *header ? header : number, text, scale);
    return CLIO_OK;
}

/* M(i, j) = cell(rows[i], cols[j]), column-major with leading dimension ld. */
static int fill_block(const clioi_statoffice_layout *l, const clioi_statoffice_picks *rows,
                      const clioi_statoffice_picks *cols, double scale, double *M, size_t ld)
{
    for (size_t j = 0; j < cols->count; j++) {
        for (size_t i = 0; i < rows->count; i++) {
            int status = cell_value(l, rows->at[i], cols->at[j], scale, &M[i + j * ld]);
            if (status != CLIO_OK)
                return status;
        }
    }
    return CLIO_OK;
}

/* x: the output row over the sector columns, the output column over the
 * sector rows, or Z 1 + Y 1 when the spec names neither. */
static int fill_output(const clioi_statoffice_layout *l, const clioi_statoffice_selection *sel,
                       clio_table *t)
{
    if (sel->out.count)
        return sel->out_is_row ? fill_block(l, &sel->out, &sel->sec_cols, l->s->scale, t->x, 1)
                               : fill_block(l, &sel->sec_rows, &sel->out, l->s->scale, t->x,
                                            t->n);
    for (size_t i = 0; i < t->n; i++) {
        double sum = 0;
        for (size_t j = 0; j < t->n; j++)
            sum += t->Z[i + j * t->n];
        for (size_t k = 0; k < t->nfd; k++)
            sum += t->Y[i + k * t->n];
        t->x[i] = sum;
    }
    return CLIO_OK;
}

static int fill_numbers(const clioi_statoffice_layout *l, const clioi_statoffice_selection *sel,
                        clio_table *t)
{
    double scale = l->s->scale;
    int status = fill_block(l, &sel->sec_rows, &sel->sec_cols, scale, t->Z, t->n);
    if (status == CLIO_OK)
        status = fill_block(l, &sel->sec_rows, &sel->fd, scale, t->Y, t->n);
    if (status == CLIO_OK)
        status = fill_block(l, &sel->va, &sel->sec_cols, scale, t->V, t->nva);
    /* Satellites are in their own units (persons, tonnes): never scaled. */
    if (status == CLIO_OK)
        status = fill_block(l, &sel->sats, &sel->sec_cols, 1, t->S, t->nsat);
    if (status == CLIO_OK)
        status = fill_output(l, sel, t);
    return status;
}

/* An empty name, or a '|' in a sector or final-demand name (it would be read
 * back as "region|name"), is refused. */
static int check_name(const clioi_statoffice_layout *l, const clioi_statoffice_picks *p, int is_row,
                      size_t i, const char *what, int keyed)
{
    const char *name = p->name[i];
    if (*name && !(keyed && strchr(name, '|')))
        return CLIO_OK;
    const char *problem = *name ? "contains '|'" : "is empty";
    if (is_row)
        return clioi_fail(l->err, CLIO_ELABEL, "%s:%zu: the %s name '%s' %s (%s)",
                          l->csv->path, l->csv->rows[p->at[i]].line, what, name, problem,
                          l->s->path);
    return clioi_fail(l->err, CLIO_ELABEL, "%s: column %zu: the %s name '%s' %s (%s)",
                      l->csv->path, p->at[i] + 1, what, name, problem, l->s->path);
}

/* Copy names (and units) into labels of `kind`, then require them unique. */
static int set_names(const clioi_statoffice_layout *l, clio_table *t,
                     const clioi_statoffice_picks *p, int is_row, int kind, const char *what)
{
    int keyed = kind == CLIO_LABEL_SECTOR || kind == CLIO_LABEL_FINAL_DEMAND;
    for (size_t i = 0; i < p->count; i++) {
        int status = check_name(l, p, is_row, i, what, keyed);
        if (status == CLIO_OK)
            status = clio_table_set_label(t, kind, i, p->name[i]);
        if (status == CLIO_OK && kind == CLIO_LABEL_SATELLITE)
            status = clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, i,
                                          p->unit[i] ? p->unit[i] : "");
        if (status == CLIO_ENOMEM)
            return clioi_fail(l->err, status, "%s: out of memory", l->csv->path);
        if (status != CLIO_OK)
            return status;
    }
    char *const *labels = kind == CLIO_LABEL_SECTOR          ? t->sector_names
                          : kind == CLIO_LABEL_FINAL_DEMAND  ? t->fd_names
                          : kind == CLIO_LABEL_VALUE_ADDED   ? t->va_names
                                                             : t->sat_names;
    int status = clioi_check_unique(labels, p->count, what, l->err);
    if (status == CLIO_OK)
        return CLIO_OK;
    return clioi_fail(l->err, status, "%s: %s (%s)", l->csv->path,
                      l->err ? l->err->message : "duplicate label", l->s->path);
}

static int set_all_names(const clioi_statoffice_layout *l, const clioi_statoffice_selection *sel,
                         clio_table *t)
{
    int status = clio_table_set_label(t, CLIO_LABEL_REGION, 0,
                                      l->s->region ? l->s->region : "R1");
    if (status != CLIO_OK)
        return clioi_fail(l->err, status, "%s: out of memory", l->csv->path);
    for (size_t i = 0; i < t->n; i++)
        t->sector_region[i] = 0;
    status = set_names(l, t, &sel->sec_names, sel->names_is_row, CLIO_LABEL_SECTOR, "sector");
    if (status == CLIO_OK)
        status = set_names(l, t, &sel->fd, 0, CLIO_LABEL_FINAL_DEMAND, "final-demand");
    if (status == CLIO_OK)
        status = set_names(l, t, &sel->va, 1, CLIO_LABEL_VALUE_ADDED, "value-added");
    if (status == CLIO_OK)
        status = set_names(l, t, &sel->sats, 1, CLIO_LABEL_SATELLITE, "satellite");
    return status;
}

static int set_metadata(const clioi_statoffice_layout *l, clio_table *t)
{
    const clioi_statoffice_spec *s = l->s;
    size_t len = strlen(l->csv->path) + strlen(s->path) + sizeof " via ";
    t->source = malloc(len);
    if (t->source)
        snprintf(t->source, len, "%s via %s", l->csv->path, s->path);
    t->title = clioi_strdup(s->title);
    t->unit = clioi_strdup(s->unit);
    if (!t->source || (s->title && !t->title) || (s->unit && !t->unit))
        return clioi_fail(l->err, CLIO_ENOMEM, "%s: out of memory", l->csv->path);
    return CLIO_OK;
}

int clioi_statoffice_build(const clioi_statoffice_layout *l, const clioi_statoffice_selection *sel,
                           clio_table **out)
{
    size_t n = sel->sec_rows.count;
    clio_table *t = clio_table_alloc(1, n, sel->fd.count, sel->va.count, sel->sats.count);
    if (!t)
        return clioi_fail(l->err, CLIO_ENOMEM, "%s: out of memory for a table of %zu sectors",
                          l->csv->path, n);
    int status = set_all_names(l, sel, t);
    if (status == CLIO_OK)
        status = set_metadata(l, t);
    if (status == CLIO_OK)
        status = fill_numbers(l, sel, t);
    if (status != CLIO_OK) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}
