/* statoffice.c -- the statistical-office layout: one CSV as national
 * statistical offices and Eurostat publish symmetric input-output tables
 * (header row of column labels, a label column, the intermediate block,
 * final-demand columns to its right, value-added rows below, an output row
 * or column, satellite rows), located by a YAML import spec
 * (docs/import-spec.md).
 *
 * The spec is loaded with libyaml's document API.  Its strings stay in the
 * loaded document, which lives as long as the import, so the parsed spec
 * only points into it.  The import runs in three steps: parse the spec,
 * resolve its labels to CSV rows and columns, copy the numbers. */
#include "clioi.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

/* ------------------------------------------------------------------ */
/* The parsed spec                                                    */
/* ------------------------------------------------------------------ */

/* A row or column label as written in the spec, with its YAML line. */
typedef struct spec_label {
    const char *text; /* NULL when absent */
    size_t line;
} spec_label;

/* One item of a list: a label, optionally renamed (and with a unit). */
typedef struct spec_item {
    spec_label label;
    const char *name; /* NULL: the CSV label is the name */
    const char *unit; /* satellites only */
} spec_item;

/* A selection of rows or columns: a list of items or a contiguous range
 * {first, count} / {first, last}. */
typedef struct spec_sel {
    const char *what; /* its YAML path, for messages: "sectors.rows" */
    const char *role; /* its part of the table, for messages: "value_added" */
    int present;
    size_t line;
    spec_item *items; /* a list */
    size_t nitems;
    int is_range;
    spec_label first, last; /* last.text NULL when count is given */
    size_t count;
} spec_sel;

/* Where sector names come from (sectors.names). */
enum names_from { NAMES_ROWS, NAMES_COLUMNS, NAMES_LIST };

typedef struct spec {
    const char *path;
    clio_error *err;
    yaml_document_t doc;
    int loaded;

    const char *title, *region, *unit;
    double scale;
    size_t header_line;          /* 0: the first CSV row */
    spec_label label_column;     /* text NULL: the first column */
    size_t label_column_number;  /* 1-based; 0 when given by label */
    spec_sel sector_rows, sector_cols, fd_cols, va_rows, sats;
    int sector_names_from;      /* enum names_from */
    spec_sel sector_names;      /* NAMES_LIST: one name per sector */
    spec_label output_row, output_col;
} spec;

static const char *const root_keys[] = {"title",        "region",   "unit",         "scale",
                                        "header_row",   "label_column", "sectors",  "final_demand",
                                        "value_added",  "output",   "satellites",   NULL};
static const char *const sectors_keys[] = {"rows", "columns", "names", NULL};
static const char *const fd_keys[] = {"columns", NULL};
static const char *const va_keys[] = {"rows", NULL};
static const char *const output_keys[] = {"row", "column", NULL};
static const char *const range_keys[] = {"first", "count", "last", NULL};
/* Keys of a list item given as a mapping; the first one holds the label. */
static const char *const fd_item_keys[] = {"column", "name", NULL};
static const char *const va_item_keys[] = {"row", "name", NULL};
static const char *const sat_item_keys[] = {"row", "name", "unit", NULL};

/* ------------------------------------------------------------------ */
/* YAML helpers                                                       */
/* ------------------------------------------------------------------ */

static size_t node_line(const yaml_node_t *node) { return node->start_mark.line + 1; }

static yaml_node_t *node_at(spec *s, int id) { return yaml_document_get_node(&s->doc, id); }

/* The text of a scalar node, or NULL for a list or mapping. */
static const char *scalar_of(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value
                                                  : NULL;
}

static int spec_fail(const spec *s, const yaml_node_t *node, const char *fmt, ...)
    CLIOI_PRINTF(3, 4);

/* CLIO_EFORMAT with "spec.yaml:LINE: " in front. */
static int spec_fail(const spec *s, const yaml_node_t *node, const char *fmt, ...)
{
    char detail[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    return clioi_fail(s->err, CLIO_EFORMAT, "%s:%zu: %s", s->path, node_line(node), detail);
}

/* The value of `key` in mapping `map`, or NULL.  Keys were checked to be
 * scalars by check_keys. */
static yaml_node_t *lookup(spec *s, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *text = scalar_of(node_at(s, p->key));
        if (text && strcmp(text, key) == 0)
            return node_at(s, p->value);
    }
    return NULL;
}

static int unknown_key(spec *s, yaml_node_t *key, const char *where,
                       const char *const *allowed)
{
    char list[256] = "";
    size_t used = 0;
    for (size_t k = 0; allowed[k] && used < sizeof list; k++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "",
                                 allowed[k]);
    return spec_fail(s, key, "unknown key '%s' in %s (expected one of: %s)", scalar_of(key),
                     where, list);
}

/* `map` must be a mapping whose keys are all in `allowed` (NULL-terminated),
 * each at most once: a misspelt key silently ignored would import the
 * wrong numbers. */
static int check_keys(spec *s, yaml_node_t *map, const char *where,
                      const char *const *allowed)
{
    if (map->type != YAML_MAPPING_NODE)
        return spec_fail(s, map, "%s must be a mapping of keys to values", where);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *key = node_at(s, p->key);
        const char *text = scalar_of(key);
        if (!text)
            return spec_fail(s, key, "a key in %s must be a name, not a list or mapping", where);
        size_t k = 0;
        while (allowed[k] && strcmp(allowed[k], text) != 0)
            k++;
        if (!allowed[k])
            return unknown_key(s, key, where, allowed);
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++)
            if (strcmp(scalar_of(node_at(s, q->key)), text) == 0)
                return spec_fail(s, key, "duplicate key '%s' in %s", text, where);
    }
    return CLIO_OK;
}

/* A non-empty text value (labels and names cannot be empty). */
static int get_text(spec *s, yaml_node_t *node, const char *what, const char **out)
{
    const char *text = scalar_of(node);
    if (!text)
        return spec_fail(s, node, "'%s' must be a text, not a list or mapping", what);
    if (!*text)
        return spec_fail(s, node, "'%s' must not be empty", what);
    *out = text;
    return CLIO_OK;
}

static int get_label(spec *s, yaml_node_t *node, const char *what, spec_label *out)
{
    out->line = node_line(node);
    return get_text(s, node, what, &out->text);
}

static int all_digits(const char *text)
{
    if (!*text)
        return 0;
    for (; *text; text++)
        if (!isdigit((unsigned char)*text))
            return 0;
    return 1;
}

/* A positive whole number (counts, line and column numbers). */
static int get_count(spec *s, yaml_node_t *node, const char *what, size_t *out)
{
    const char *text = scalar_of(node);
    errno = 0;
    unsigned long long v = text && all_digits(text) ? strtoull(text, NULL, 10) : 0;
    if (v == 0 || errno == ERANGE || v > (unsigned long long)(size_t)-1)
        return spec_fail(s, node, "'%s' must be a positive whole number, not '%s'", what,
                         text ? text : "a list or mapping");
    *out = (size_t)v;
    return CLIO_OK;
}

/* ------------------------------------------------------------------ */
/* Parsing the spec                                                   */
/* ------------------------------------------------------------------ */

static int spec_load(spec *s)
{
    FILE *fp = fopen(s->path, "rb");
    if (!fp)
        return clioi_fail(s->err, CLIO_EIO, "%s: cannot open import spec: %s", s->path,
                          strerror(errno));
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        return clioi_fail(s->err, CLIO_EIO, "%s: the import spec is a directory", s->path);
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        return clioi_fail(s->err, CLIO_ENOMEM, "%s: out of memory", s->path);
    }
    yaml_parser_set_input_file(&parser, fp);
    int status = CLIO_OK;
    if (yaml_parser_load(&parser, &s->doc)) {
        s->loaded = 1;
    } else if (parser.error == YAML_MEMORY_ERROR) {
        status = clioi_fail(s->err, CLIO_ENOMEM, "%s: out of memory", s->path);
    } else if (parser.error == YAML_READER_ERROR) {
        /* Reader errors (bad UTF-8, read failure) carry a byte offset, no line. */
        status = clioi_fail(s->err, ferror(fp) ? CLIO_EIO : CLIO_EFORMAT,
                            "%s: byte %zu: %s", s->path, parser.problem_offset,
                            parser.problem ? parser.problem : "cannot read");
    } else {
        status = clioi_fail(s->err, CLIO_EFORMAT, "%s:%zu: YAML syntax error: %s%s%s",
                            s->path, parser.problem_mark.line + 1,
                            parser.problem ? parser.problem : "malformed YAML",
                            parser.context ? " " : "", parser.context ? parser.context : "");
    }
    yaml_parser_delete(&parser);
    fclose(fp);
    return status;
}

static int parse_item(spec *s, yaml_node_t *node, const spec_sel *sel,
                      const char *const *item_keys, spec_item *item)
{
    if (node->type == YAML_SCALAR_NODE || !item_keys)
        return get_label(s, node, sel->what, &item->label);
    char where[96];
    snprintf(where, sizeof where, "an item of %s", sel->what);
    int status = check_keys(s, node, where, item_keys);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *label = lookup(s, node, item_keys[0]);
    if (!label)
        return spec_fail(s, node, "%s needs the key '%s'", where, item_keys[0]);
    if ((status = get_label(s, label, item_keys[0], &item->label)) != CLIO_OK)
        return status;
    yaml_node_t *name = lookup(s, node, "name"), *unit = lookup(s, node, "unit");
    if (name && (status = get_text(s, name, "name", &item->name)) != CLIO_OK)
        return status;
    if (unit && !(item->unit = scalar_of(unit)))
        return spec_fail(s, unit, "'unit' must be a text, not a list or mapping");
    return CLIO_OK;
}

/* A list of labels; with item_keys, items may also be mappings such as
 * {row: D1, name: compensation}. */
static int parse_list(spec *s, yaml_node_t *node, spec_sel *sel, const char *const *item_keys)
{
    yaml_node_item_t *first = node->data.sequence.items.start;
    size_t n = (size_t)(node->data.sequence.items.top - first);
    if (n == 0)
        return spec_fail(s, node, "'%s' is an empty list", sel->what);
    sel->items = calloc(n, sizeof *sel->items);
    if (!sel->items)
        return clioi_fail(s->err, CLIO_ENOMEM, "%s: out of memory", s->path);
    sel->nitems = n;
    for (size_t i = 0; i < n; i++) {
        int status = parse_item(s, node_at(s, first[i]), sel, item_keys, &sel->items[i]);
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

static int parse_range(spec *s, yaml_node_t *node, spec_sel *sel)
{
    int status = check_keys(s, node, sel->what, range_keys);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *first = lookup(s, node, "first"), *count = lookup(s, node, "count");
    yaml_node_t *last = lookup(s, node, "last");
    if (!first)
        return spec_fail(s, node, "the range %s needs 'first'", sel->what);
    if (!count == !last)
        return spec_fail(s, node, "the range %s needs exactly one of 'count' and 'last'",
                         sel->what);
    sel->is_range = 1;
    if ((status = get_label(s, first, "first", &sel->first)) != CLIO_OK)
        return status;
    if (last)
        return get_label(s, last, "last", &sel->last);
    return get_count(s, count, "count", &sel->count);
}

static int parse_selection(spec *s, yaml_node_t *node, spec_sel *sel,
                           const char *const *item_keys)
{
    sel->present = 1;
    sel->line = node_line(node);
    if (node->type == YAML_SEQUENCE_NODE)
        return parse_list(s, node, sel, item_keys);
    if (node->type == YAML_MAPPING_NODE)
        return parse_range(s, node, sel);
    return spec_fail(s, node,
                     "'%s' must be a list of labels or a range {first: A, count: N} or "
                     "{first: A, last: B}",
                     sel->what);
}

/* A required key of a mapping. */
static yaml_node_t *require(spec *s, yaml_node_t *map, const char *key, const char *where,
                            int *status)
{
    yaml_node_t *value = lookup(s, map, key);
    if (!value)
        *status = spec_fail(s, map, "%s needs the key '%s'", where, key);
    return value;
}

static int parse_sectors(spec *s, yaml_node_t *node)
{
    int status = check_keys(s, node, "'sectors'", sectors_keys);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *rows = require(s, node, "rows", "'sectors'", &status);
    yaml_node_t *cols = rows ? require(s, node, "columns", "'sectors'", &status) : NULL;
    if (!rows || !cols)
        return status;
    if ((status = parse_selection(s, rows, &s->sector_rows, NULL)) != CLIO_OK)
        return status;
    if ((status = parse_selection(s, cols, &s->sector_cols, NULL)) != CLIO_OK)
        return status;
    yaml_node_t *names = lookup(s, node, "names");
    if (!names)
        return CLIO_OK;
    if (names->type == YAML_SEQUENCE_NODE) {
        s->sector_names_from = NAMES_LIST;
        s->sector_names.present = 1;
        s->sector_names.line = node_line(names);
        return parse_list(s, names, &s->sector_names, NULL);
    }
    const char *text = scalar_of(names);
    if (!text || (strcmp(text, "rows") != 0 && strcmp(text, "columns") != 0))
        return spec_fail(s, names,
                         "'sectors.names' must be 'rows', 'columns' or a list of names");
    s->sector_names_from = strcmp(text, "columns") == 0 ? NAMES_COLUMNS : NAMES_ROWS;
    return CLIO_OK;
}

/* final_demand: {columns: ...} and value_added: {rows: ...}. */
static int parse_block(spec *s, yaml_node_t *node, const char *where,
                       const char *const *keys, spec_sel *sel, const char *const *item_keys)
{
    int status = check_keys(s, node, where, keys);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *value = require(s, node, keys[0], where, &status);
    return value ? parse_selection(s, value, sel, item_keys) : status;
}

static int parse_output(spec *s, yaml_node_t *node)
{
    int status = check_keys(s, node, "'output'", output_keys);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *row = lookup(s, node, "row"), *col = lookup(s, node, "column");
    if (!row == !col)
        return spec_fail(s, node, "'output' needs exactly one of 'row' and 'column'");
    return row ? get_label(s, row, "output.row", &s->output_row)
               : get_label(s, col, "output.column", &s->output_col);
}

static int parse_satellites(spec *s, yaml_node_t *node)
{
    if (node->type != YAML_SEQUENCE_NODE)
        return spec_fail(s, node, "'satellites' must be a list of rows");
    s->sats.present = 1;
    s->sats.line = node_line(node);
    return parse_list(s, node, &s->sats, sat_item_keys);
}

/* label_column: a header label, or a plain (unquoted) 1-based number. */
static int parse_label_column(spec *s, yaml_node_t *node)
{
    int status = get_label(s, node, "label_column", &s->label_column);
    if (status != CLIO_OK)
        return status;
    if (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && all_digits(s->label_column.text))
        return get_count(s, node, "label_column", &s->label_column_number);
    return CLIO_OK;
}

static int parse_scale(spec *s, yaml_node_t *node)
{
    const char *text = scalar_of(node);
    if (!text || clioi_parse_double(text, &s->scale) != 0 || !isfinite(s->scale) ||
        s->scale <= 0)
        return spec_fail(s, node, "'scale' must be a positive finite number, not '%s'",
                         text ? text : "a list or mapping");
    return CLIO_OK;
}

/* title, region and unit: optional texts. */
static int parse_metadata(spec *s, yaml_node_t *root)
{
    static const char *const keys[] = {"title", "region", "unit"};
    const char **fields[] = {&s->title, &s->region, &s->unit};
    for (size_t k = 0; k < 3; k++) {
        yaml_node_t *node = lookup(s, root, keys[k]);
        int status = node ? get_text(s, node, keys[k], fields[k]) : CLIO_OK;
        if (status != CLIO_OK)
            return status;
    }
    if (s->region && strchr(s->region, '|'))
        return spec_fail(s, lookup(s, root, "region"), "'region' must not contain '|'");
    return CLIO_OK;
}

static int parse_layout_keys(spec *s, yaml_node_t *root)
{
    yaml_node_t *node;
    int status = CLIO_OK;
    if ((node = lookup(s, root, "scale")))
        status = parse_scale(s, node);
    if (status == CLIO_OK && (node = lookup(s, root, "header_row")))
        status = get_count(s, node, "header_row", &s->header_line);
    if (status == CLIO_OK && (node = lookup(s, root, "label_column")))
        status = parse_label_column(s, node);
    return status;
}

static int parse_parts(spec *s, yaml_node_t *root)
{
    int status;
    yaml_node_t *node = require(s, root, "sectors", "the spec", &status);
    if (!node || (status = parse_sectors(s, node)) != CLIO_OK)
        return status;
    if (!(node = require(s, root, "final_demand", "the spec", &status)))
        return status;
    status = parse_block(s, node, "'final_demand'", fd_keys, &s->fd_cols, fd_item_keys);
    if (status == CLIO_OK && (node = lookup(s, root, "value_added")))
        status = parse_block(s, node, "'value_added'", va_keys, &s->va_rows, va_item_keys);
    if (status == CLIO_OK && (node = lookup(s, root, "output")))
        status = parse_output(s, node);
    if (status == CLIO_OK && (node = lookup(s, root, "satellites")))
        status = parse_satellites(s, node);
    return status;
}

static void spec_init(spec *s, const char *path, clio_error *err)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->err = err;
    s->scale = 1;
    s->sector_rows = (spec_sel){.what = "sectors.rows", .role = "sectors"};
    s->sector_cols = (spec_sel){.what = "sectors.columns", .role = "sectors"};
    s->fd_cols = (spec_sel){.what = "final_demand.columns", .role = "final_demand"};
    s->va_rows = (spec_sel){.what = "value_added.rows", .role = "value_added"};
    s->sats = (spec_sel){.what = "satellites", .role = "satellites"};
    s->sector_names = (spec_sel){.what = "sectors.names", .role = "sectors"};
}

static int spec_read(spec *s)
{
    int status = spec_load(s);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *root = yaml_document_get_root_node(&s->doc);
    /* "---" alone loads as one empty scalar. */
    if (!root || (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0))
        return clioi_fail(s->err, CLIO_EFORMAT, "%s: the import spec is empty", s->path);
    if ((status = check_keys(s, root, "the spec", root_keys)) != CLIO_OK)
        return status;
    if ((status = parse_metadata(s, root)) != CLIO_OK)
        return status;
    if ((status = parse_layout_keys(s, root)) != CLIO_OK)
        return status;
    return parse_parts(s, root);
}

static void spec_free(spec *s)
{
    spec_sel *sels[] = {&s->sector_rows, &s->sector_cols, &s->fd_cols,
                        &s->va_rows,     &s->sats,        &s->sector_names};
    for (size_t k = 0; k < sizeof sels / sizeof *sels; k++)
        free(sels[k]->items);
    if (s->loaded)
        yaml_document_delete(&s->doc);
}

/* ------------------------------------------------------------------ */
/* Resolving labels to CSV rows and columns                           */
/* ------------------------------------------------------------------ */

typedef struct layout {
    const clioi_csv *csv;
    const spec *s;
    clio_error *err;
    size_t header;          /* index of the header row in csv->rows */
    size_t label_col;       /* field index of the label column */
    const char **row_role;  /* per CSV row: the part that selected it */
    const char **col_role;  /* per header field */
} layout;

/* Selected rows or columns, in spec order. */
typedef struct picks {
    size_t count;
    size_t *at;         /* CSV row indices, or field indices */
    const char **name;  /* the name in the table: the rename, or the CSV label */
    const char **unit;  /* satellites; NULL entries elsewhere */
} picks;

typedef struct selection {
    picks sec_rows, sec_cols, fd, va, sats, out;
    int out_is_row;   /* out holds one row (x over sector columns), else columns */
    picks sec_names;  /* the sector names, `at` the row or column they came from */
    int names_is_row; /* sec_names.at indexes rows (for messages) */
} selection;

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

static const char *field_of(const clioi_csv_row *row, size_t col)
{
    return col < row->nfields ? row->fields[col] : "";
}

/* The label of CSV row r (is_row) or the header text of column r. */
static const char *label_at(const layout *l, int is_row, size_t r)
{
    return is_row ? field_of(&l->csv->rows[r], l->label_col)
                  : field_of(&l->csv->rows[l->header], r);
}

static size_t header_width(const layout *l) { return l->csv->rows[l->header].nfields; }

static int not_found(const layout *l, int is_row, const char *role, const spec_label *lab)
{
    const spec *s = l->s;
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

static int ambiguous(const layout *l, int is_row, const char *role, const spec_label *lab,
                     size_t a, size_t b)
{
    const spec *s = l->s;
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
static int locate(const layout *l, int is_row, const char *role, const spec_label *lab,
                  size_t *at)
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

static int picks_alloc(picks *p, size_t count, clio_error *err)
{
    p->count = count;
    p->at = clioi_calloc_array(count, sizeof *p->at);
    p->name = clioi_calloc_array(count, sizeof *p->name);
    p->unit = clioi_calloc_array(count, sizeof *p->unit);
    if (!p->at || !p->name || !p->unit)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    return CLIO_OK;
}

static void picks_free(picks *p)
{
    free(p->at);
    free(p->name);
    free(p->unit);
}

static int pick_list(const layout *l, const spec_sel *sel, int is_row, picks *p)
{
    int status = picks_alloc(p, sel->nitems, l->err);
    for (size_t i = 0; status == CLIO_OK && i < sel->nitems; i++) {
        const spec_item *item = &sel->items[i];
        if ((status = locate(l, is_row, sel->role, &item->label, &p->at[i])) != CLIO_OK)
            break;
        p->name[i] = item->name ? item->name : label_at(l, is_row, p->at[i]);
        p->unit[i] = item->unit;
    }
    return status;
}

/* The end of a {first, count} range, checked against the table's edge. */
static int range_end(const layout *l, const spec_sel *sel, int is_row, size_t first,
                     size_t *last)
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

static int pick_range(const layout *l, const spec_sel *sel, int is_row, picks *p)
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
static int claim(layout *l, const picks *p, int is_row, const char *role)
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

static int pick(layout *l, const spec_sel *sel, int is_row, picks *p)
{
    if (!sel->present)
        return picks_alloc(p, 0, l->err);
    int status = sel->is_range ? pick_range(l, sel, is_row, p) : pick_list(l, sel, is_row, p);
    return status == CLIO_OK ? claim(l, p, is_row, sel->role) : status;
}

/* The output row or column: a one-item selection. */
static int pick_output(layout *l, selection *sel)
{
    const spec *s = l->s;
    sel->out_is_row = s->output_row.text != NULL;
    spec_item item = {.label = sel->out_is_row ? s->output_row : s->output_col};
    spec_sel one = {.what = sel->out_is_row ? "output.row" : "output.column",
                    .role = "output",
                    .present = item.label.text != NULL,
                    .line = item.label.line,
                    .items = &item,
                    .nitems = 1};
    return pick(l, &one, sel->out_is_row, &sel->out);
}

static int find_header(layout *l)
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

static int find_label_column(layout *l)
{
    const spec *s = l->s;
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

static int layout_init(layout *l, const clioi_csv *csv, const spec *s, clio_error *err)
{
    *l = (layout){.csv = csv, .s = s, .err = err};
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

static void layout_free(layout *l)
{
    free(l->row_role);
    free(l->col_role);
}

/* Sector row i stands for the same sector as sector column i. */
static int check_square(const layout *l, const selection *sel)
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
static int pick_names(const layout *l, selection *sel)
{
    const spec *s = l->s;
    const picks *from = s->sector_names_from == NAMES_COLUMNS ? &sel->sec_cols : &sel->sec_rows;
    size_t n = sel->sec_rows.count;
    if (s->sector_names_from == NAMES_LIST && s->sector_names.nitems != n)
        return clioi_fail(l->err, CLIO_EDIM,
                          "%s: sectors.names lists %zu names but sectors.rows selects %zu rows "
                          "(%s:%zu)",
                          l->csv->path, s->sector_names.nitems, n, s->path,
                          s->sector_names.line);
    int status = picks_alloc(&sel->sec_names, n, l->err);
    for (size_t i = 0; status == CLIO_OK && i < n; i++) {
        sel->sec_names.at[i] = from->at[i];
        sel->sec_names.name[i] = s->sector_names_from == NAMES_LIST
                                     ? s->sector_names.items[i].label.text
                                     : from->name[i];
    }
    sel->names_is_row = s->sector_names_from != NAMES_COLUMNS;
    return status;
}

static int select_all(layout *l, selection *sel)
{
    const spec *s = l->s;
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

static void selection_free(selection *sel)
{
    picks *all[] = {&sel->sec_rows, &sel->sec_cols, &sel->fd,
                    &sel->va,       &sel->sats,     &sel->out, &sel->sec_names};
    for (size_t k = 0; k < sizeof all / sizeof *all; k++)
        picks_free(all[k]);
}

/* ------------------------------------------------------------------ */
/* Building the table                                                 */
/* ------------------------------------------------------------------ */

/* One cell: empty is 0 (published tables leave zero cells blank), other
 * text must be a finite number, then scaled. */
static int cell_value(const layout *l, size_t r, size_t c, double scale, double *value)
{
    const clioi_csv_row *row = &l->csv->rows[r];
    const char *text = field_of(row, c);
    *value = 0;
    if (!*text)
        return CLIO_OK;
    char number[32];
    const char *header = label_at(l, 0, c);
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
static int fill_block(const layout *l, const picks *rows, const picks *cols, double scale,
                      double *M, size_t ld)
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
static int fill_output(const layout *l, const selection *sel, clio_table *t)
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

static int fill_numbers(const layout *l, const selection *sel, clio_table *t)
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
static int check_name(const layout *l, const picks *p, int is_row, size_t i, const char *what,
                      int keyed)
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
static int set_names(const layout *l, clio_table *t, const picks *p, int is_row, int kind,
                     const char *what)
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
    if (clioi_check_unique(labels, p->count, what, l->err) == CLIO_OK)
        return CLIO_OK;
    return clioi_fail(l->err, CLIO_ELABEL, "%s: %s (%s)", l->csv->path,
                      l->err ? l->err->message : "duplicate label", l->s->path);
}

static int set_all_names(const layout *l, const selection *sel, clio_table *t)
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

static int set_metadata(const layout *l, clio_table *t)
{
    const spec *s = l->s;
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

static int build_table(const layout *l, const selection *sel, clio_table **out)
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

int clio_table_read_statoffice(const char *csv_path, const char *spec_path, clio_table **out,
                               clio_error *err)
{
    if (!out)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_read_statoffice: out is NULL");
    *out = NULL;
    if (!csv_path || !spec_path)
        return clioi_fail(err, CLIO_EINVAL,
                          "clio_table_read_statoffice: a CSV path and a spec path are needed");
    spec s;
    spec_init(&s, spec_path, err);
    clioi_csv *csv = NULL;
    layout l = {0};
    selection sel;
    memset(&sel, 0, sizeof sel);
    int status = spec_read(&s);
    if (status != CLIO_OK)
        goto done;
    if ((status = clioi_csv_read(csv_path, &csv, err)) != CLIO_OK)
        goto done;
    trim_fields(csv);
    if ((status = layout_init(&l, csv, &s, err)) != CLIO_OK)
        goto done;
    if ((status = select_all(&l, &sel)) != CLIO_OK)
        goto done;
    status = build_table(&l, &sel, out);
done:
    selection_free(&sel);
    layout_free(&l);
    clioi_csv_free(csv);
    spec_free(&s);
    return status;
}
