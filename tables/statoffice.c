/* statoffice.c -- the statistical-office layout: one CSV as national
 * statistical offices and Eurostat publish symmetric input-output tables
 * (header row of column labels, a label column, the intermediate block,
 * final-demand columns to its right, value-added rows below, an output row
 * or column, satellite rows), located by a YAML import spec
 * (docs/import-spec.md).
 *
 * The import runs in three steps: parse the spec (statoffice_spec.c),
 * resolve its labels to CSV rows and columns (this file), copy the numbers
 * into the table (statoffice_build.c). */
#include "statoffice.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Resolving labels to CSV rows and columns                           */
/* ------------------------------------------------------------------ */

/* Published tables pad labels and numbers with blanks. */
static void trim_fields(clioi_csv *csv)
{
    for (size_t r = 0; r < csv->nrows; r++) {
        for (size_t f = 0; f < csv->rows[r].nfields; f++) {
            char *text = csv->rows[r].fields[f], *start = text;
            while (isspace((unsigned char)*start))
                start++;
            size_t len = strlen(start);
            while (len && isspace((unsigned char)start[len - 1]))
                len--;
            memmove(text, start, len);
            text[len] = '\0';
        }
    }
}

const char *clioi_statoffice_field(const clioi_csv_row *row, size_t col)
{
    return col < row->nfields ? row->fields[col] : "";
}

/* The label of CSV row r (is_row) or the header text of column r. */
static const char *label_at(const clioi_statoffice_layout *l, int is_row, size_t r)
{
    return is_row ? clioi_statoffice_field(&l->csv->rows[r], l->label_col)
                  : clioi_statoffice_field(&l->csv->rows[l->header], r);
}

static size_t header_width(const clioi_statoffice_layout *l)
{
    return l->csv->rows[l->header].nfields;
}

static int not_found(const clioi_statoffice_layout *l, int is_row, const char *role,
                     const clioi_statoffice_label *lab)
{
    const clioi_statoffice_spec *s = l->s;
    if (is_row)
        return clioi_fail(l->err, CLIO_ELABEL,
                          "%s: %s row '%s' not found in label column '%s' (%s:%zu)",
                          l->csv->path, role, lab->text, label_at(l, 0, l->label_col),
                          s->path, lab->line);
    return clioi_fail(l->err, CLIO_ELABEL,
                      "%s:%zu: %s column '%s' not found in the header row (%s:%zu)",
                      l->csv->path, l->csv->rows[l->header].line, role, lab->text, s->path,
                      lab->line);
}

static int ambiguous(const clioi_statoffice_layout *l, int is_row, const char *role,
                     const clioi_statoffice_label *lab, size_t a, size_t b)
{
    const clioi_statoffice_spec *s = l->s;
    if (is_row)
        return clioi_fail(l->err, CLIO_ELABEL,
                          "%s:%zu: %s row '%s' is ambiguous: line %zu has the same label "
                          "(%s:%zu)",
                          l->csv->path, l->csv->rows[a].line, role, lab->text,
                          l->csv->rows[b].line, s->path, lab->line);
    return clioi_fail(l->err, CLIO_ELABEL,
                      "%s:%zu: %s column '%s' is ambiguous: columns %zu and %zu have that "
                      "header (%s:%zu)",
                      l->csv->path, l->csv->rows[l->header].line, role, lab->text, a + 1,
                      b + 1, s->path, lab->line);
}

/* The one data row (below the header) or header column labelled lab. */
static int locate(const clioi_statoffice_layout *l, int is_row, const char *role,
                  const clioi_statoffice_label *lab, size_t *at)
{
    size_t begin = is_row ? l->header + 1 : 0;
    size_t end = is_row ? l->csv->nrows : header_width(l);
    size_t found = CLIO_NONE;
    for (size_t k = begin; k < end; k++) {
        if (strcmp(label_at(l, is_row, k), lab->text) != 0)
            continue;
        if (found != CLIO_NONE)
            return ambiguous(l, is_row, role, lab, found, k);
        found = k;
    }
    if (found == CLIO_NONE)
        return not_found(l, is_row, role, lab);
    *at = found;
    return CLIO_OK;
}

static int picks_alloc(clioi_statoffice_picks *p, size_t count, clio_error *err)
{
    p->count = count;
    p->at = clioi_calloc_array(count, sizeof *p->at);
    p->name = clioi_calloc_array(count, sizeof *p->name);
    p->unit = clioi_calloc_array(count, sizeof *p->unit);
    if (!p->at || !p->name || !p->unit)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    return CLIO_OK;
}

static void picks_free(clioi_statoffice_picks *p)
{
    free(p->at);
    free(p->name);
    free(p->unit);
}

static int pick_list(const clioi_statoffice_layout *l, const clioi_statoffice_sel *sel, int is_row,
                     clioi_statoffice_picks *p)
{
    int status = picks_alloc(p, sel->nitems, l->err);
    for (size_t i = 0; status == CLIO_OK && i < sel->nitems; i++) {
        const clioi_statoffice_item *item = &sel->items[i];
        if ((status = locate(l, is_row, sel->role, &item->label, &p->at[i])) != CLIO_OK)
            break;
        p->name[i] = item->name ? item->name : label_at(l, is_row, p->at[i]);
        p->unit[i] = item->unit;
    }
    return status;
}

/* The end of a {first, count} range, checked against the table's edge. */
static int range_end(const clioi_statoffice_layout *l, const clioi_statoffice_sel *sel, int is_row,
                     size_t first, size_t *last)
{
    size_t end = is_row ? l->csv->nrows : header_width(l);
    if (sel->count > end - first)
        return clioi_fail(l->err, CLIO_EDIM,
                          "%s: %s: %zu %s from '%s' run past the end of the table (only %zu) "
                          "(%s:%zu)",
                          l->csv->path, sel->what, sel->count, is_row ? "rows" : "columns",
                          sel->first.text, end - first, l->s->path, sel->line);
    *last = first + sel->count - 1;
    return CLIO_OK;
}

static int pick_range(const clioi_statoffice_layout *l, const clioi_statoffice_sel *sel, int is_row,
                      clioi_statoffice_picks *p)
{
    size_t first = 0, last = 0;
    int status = locate(l, is_row, sel->role, &sel->first, &first);
    if (status != CLIO_OK)
        return status;
    if (sel->last.text) {
        if ((status = locate(l, is_row, sel->role, &sel->last, &last)) != CLIO_OK)
            return status;
        if (last < first)
            return clioi_fail(l->err, CLIO_ELABEL,
                              "%s: %s: last '%s' comes before first '%s' (%s:%zu)",
                              l->csv->path, sel->what, sel->last.text, sel->first.text,
                              l->s->path, sel->line);
    } else if ((status = range_end(l, sel, is_row, first, &last)) != CLIO_OK) {
        return status;
    }
    if ((status = picks_alloc(p, last - first + 1, l->err)) != CLIO_OK)
        return status;
    for (size_t i = 0; i < p->count; i++) {
        p->at[i] = first + i;
        p->name[i] = label_at(l, is_row, first + i);
    }
    return CLIO_OK;
}

/* Each row and column may feed one part of the table only: a row taken
 * twice would count its flows twice. */
static int claim(clioi_statoffice_layout *l, const clioi_statoffice_picks *p, int is_row,
                 const char *role)
{
    const char **roles = is_row ? l->row_role : l->col_role;
    for (size_t i = 0; i < p->count; i++) {
        size_t k = p->at[i];
        if (roles[k] && is_row)
            return clioi_fail(l->err, CLIO_ELABEL,
                              "%s:%zu: row '%s' is selected both as %s and as %s (%s)",
                              l->csv->path, l->csv->rows[k].line, label_at(l, 1, k), roles[k],
                              role, l->s->path);
        if (roles[k])
            return clioi_fail(l->err, CLIO_ELABEL,
                              "%s: column %zu '%s' is selected both as %s and as %s (%s)",
                              l->csv->path, k + 1, label_at(l, 0, k), roles[k], role,
                              l->s->path);
        roles[k] = role;
    }
    return CLIO_OK;
}

static int pick(clioi_statoffice_layout *l, const clioi_statoffice_sel *sel, int is_row,
                clioi_statoffice_picks *p)
{
    if (!sel->present)
        return picks_alloc(p, 0, l->err);
    int status = sel->is_range ? pick_range(l, sel, is_row, p) : pick_list(l, sel, is_row, p);
    return status == CLIO_OK ? claim(l, p, is_row, sel->role) : status;
}

/* The output row or column: a one-item selection. */
static int pick_output(clioi_statoffice_layout *l, clioi_statoffice_selection *sel)
{
    const clioi_statoffice_spec *s = l->s;
    sel->out_is_row = s->output_row.text != NULL;
    clioi_statoffice_item item = {.label = sel->out_is_row ? s->output_row : s->output_col};
    clioi_statoffice_sel one = {.what = sel->out_is_row ? "output.row" : "output.column",
                                .role = "output",
                                .present = item.label.text != NULL,
                                .line = item.label.line,
                                .items = &item,
                                .nitems = 1};
    return pick(l, &one, sel->out_is_row, &sel->out);
}

static int find_header(clioi_statoffice_layout *l)
{
    const clioi_csv *csv = l->csv;
    if (csv->nrows == 0)
        return clioi_fail(l->err, CLIO_EFORMAT, "%s: empty file, no header row", csv->path);
    if (l->s->header_line == 0)
        return CLIO_OK;
    for (l->header = 0; l->header < csv->nrows; l->header++)
        if (csv->rows[l->header].line == l->s->header_line)
            return CLIO_OK;
    return clioi_fail(l->err, CLIO_EDIM, "%s: no CSV row starts on line %zu (header_row in %s)",
                      csv->path, l->s->header_line, l->s->path);
}

static int find_label_column(clioi_statoffice_layout *l)
{
    const clioi_statoffice_spec *s = l->s;
    if (s->label_column_number) {
        l->label_col = s->label_column_number - 1;
        if (l->label_col >= header_width(l))
            return clioi_fail(l->err, CLIO_EDIM,
                              "%s:%zu: label_column %zu is past the last column (%zu) (%s:%zu)",
                              l->csv->path, l->csv->rows[l->header].line,
                              s->label_column_number, header_width(l), s->path,
                              s->label_column.line);
        return CLIO_OK;
    }
    if (s->label_column.text)
        return locate(l, 0, "label_column", &s->label_column, &l->label_col);
    l->label_col = 0;
    return CLIO_OK;
}

static int layout_init(clioi_statoffice_layout *l, const clioi_csv *csv,
                       const clioi_statoffice_spec *s, clio_error *err)
{
    *l = (clioi_statoffice_layout){.csv = csv, .s = s, .err = err};
    int status = find_header(l);
    if (status == CLIO_OK)
        status = find_label_column(l);
    if (status != CLIO_OK)
        return status;
    l->row_role = clioi_calloc_array(csv->nrows, sizeof *l->row_role);
    l->col_role = clioi_calloc_array(header_width(l), sizeof *l->col_role);
    if (!l->row_role || !l->col_role)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (l->label_col < header_width(l))
        l->col_role[l->label_col] = "label_column";
    return CLIO_OK;
}

static void layout_free(clioi_statoffice_layout *l)
{
    free(l->row_role);
    free(l->col_role);
}

/* Sector row i stands for the same sector as sector column i. */
static int check_square(const clioi_statoffice_layout *l, const clioi_statoffice_selection *sel)
{
    if (sel->sec_rows.count == sel->sec_cols.count)
        return CLIO_OK;
    return clioi_fail(l->err, CLIO_EDIM,
                      "%s: sectors.rows selects %zu rows but sectors.columns %zu columns "
                      "(%s:%zu)",
                      l->csv->path, sel->sec_rows.count, sel->sec_cols.count, l->s->path,
                      l->s->sector_rows.line);
}

/* Sector names: the sector rows' labels, the sector columns' headers, or
 * the spec's list (one per sector, in the order of the rows). */
static int pick_names(const clioi_statoffice_layout *l, clioi_statoffice_selection *sel)
{
    const clioi_statoffice_spec *s = l->s;
    const clioi_statoffice_picks *from =
        s->sector_names_from == CLIOI_NAMES_COLUMNS ? &sel->sec_cols : &sel->sec_rows;
    size_t n = sel->sec_rows.count;
    if (s->sector_names_from == CLIOI_NAMES_LIST && s->sector_names.nitems != n)
        return clioi_fail(l->err, CLIO_EDIM,
                          "%s: sectors.names lists %zu names but sectors.rows selects %zu rows "
                          "(%s:%zu)",
                          l->csv->path, s->sector_names.nitems, n, s->path,
                          s->sector_names.line);
    int status = picks_alloc(&sel->sec_names, n, l->err);
    for (size_t i = 0; status == CLIO_OK && i < n; i++) {
        sel->sec_names.at[i] = from->at[i];
        sel->sec_names.name[i] = s->sector_names_from == CLIOI_NAMES_LIST
                                     ? s->sector_names.items[i].label.text
                                     : from->name[i];
    }
    sel->names_is_row = s->sector_names_from != CLIOI_NAMES_COLUMNS;
    return status;
}

static int select_all(clioi_statoffice_layout *l, clioi_statoffice_selection *sel)
{
    const clioi_statoffice_spec *s = l->s;
    int status = pick(l, &s->sector_rows, 1, &sel->sec_rows);
    if (status == CLIO_OK)
        status = pick(l, &s->sector_cols, 0, &sel->sec_cols);
    if (status == CLIO_OK)
        status = check_square(l, sel);
    if (status == CLIO_OK)
        status = pick_names(l, sel);
    if (status == CLIO_OK)
        status = pick(l, &s->fd_cols, 0, &sel->fd);
    if (status == CLIO_OK)
        status = pick(l, &s->va_rows, 1, &sel->va);
    if (status == CLIO_OK)
        status = pick(l, &s->sats, 1, &sel->sats);
    if (status == CLIO_OK)
        status = pick_output(l, sel);
    return status;
}

static void selection_free(clioi_statoffice_selection *sel)
{
    clioi_statoffice_picks *all[] = {&sel->sec_rows, &sel->sec_cols, &sel->fd,       &sel->va,
                                     &sel->sats,     &sel->out,      &sel->sec_names};
    for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        picks_free(all[k]);
}

/* ------------------------------------------------------------------ */
/* The import                                                         */
/* ------------------------------------------------------------------ */

int clio_table_read_statoffice(const char *csv_path, const char *spec_path, clio_table **out,
                               clio_error *err)
{
    if (!out)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_read_statoffice: out is NULL");
    *out = NULL;
    if (!csv_path || !spec_path)
        return clioi_fail(err, CLIO_EINVAL,
                          "clio_table_read_statoffice: a CSV path and a spec path are needed");
    clioi_statoffice_spec s;
    clioi_csv *csv = NULL;
    clioi_statoffice_layout l = {0};
    clioi_statoffice_selection sel;
    memset(&sel, 0, sizeof sel);
    int status = clioi_statoffice_spec_read(&s, spec_path, err);
    if (status != CLIO_OK)
        goto done;
    if ((status = clioi_csv_read(csv_path, &csv, err)) != CLIO_OK)
        goto done;
    trim_fields(csv);
    if ((status = layout_init(&l, csv, &s, err)) != CLIO_OK)
        goto done;
    if ((status = select_all(&l, &sel)) != CLIO_OK)
        goto done;
    status = clioi_statoffice_build(&l, &sel, out);
done:
    selection_free(&sel);
    layout_free(&l);
    clioi_csv_free(csv);
    clioi_statoffice_spec_free(&s);
    return status;
}
