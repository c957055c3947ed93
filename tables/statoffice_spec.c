/* statoffice_spec.c -- the YAML import spec of the statistical-office
 * layout (docs/import-spec.md): parsed with libyaml's document API into
 * a clioi_statoffice_spec, every key checked (a misspelt key silently
 * ignored would import the wrong numbers), messages as "spec.yaml:LINE: ".
 *
 * The spec's strings stay in the loaded document, which lives as long as
 * the import, so the parsed spec only points into it.  Only this file
 * includes <yaml.h>. */
#include "statoffice.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* ------------------------------------------------------------------ */
/* The keys each mapping allows                                       */
/* ------------------------------------------------------------------ */

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

static yaml_node_t *node_at(clioi_statoffice_spec *s, int id)
{
    return yaml_document_get_node(s->doc, id);
}

/* The text of a scalar node, or NULL for a list or mapping. */
static const char *scalar_of(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value
                                                  : NULL;
}

static int spec_fail(const clioi_statoffice_spec *s, const yaml_node_t *node, const char *fmt, ...)
    CLIOI_PRINTF(3, 4);

/* CLIO_EFORMAT with "spec.yaml:LINE: " in front. */
static int spec_fail(const clioi_statoffice_spec *s, const yaml_node_t *node, const char *fmt, ...)
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
static yaml_node_t *lookup(clioi_statoffice_spec *s, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *text = scalar_of(node_at(s, p->key));
        if (text && strcmp(text, key) == 0)
            return node_at(s, p->value);
    }
    return NULL;
}

static int unknown_key(clioi_statoffice_spec *s, yaml_node_t *key, const char *where,
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
static int check_keys(clioi_statoffice_spec *s, yaml_node_t *map, const char *where,
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
static int get_text(clioi_statoffice_spec *s, yaml_node_t *node, const char *what, const char **out)
{
    const char *text = scalar_of(node);
    if (!text)
        return spec_fail(s, node, "'%s' must be a text, not a list or mapping", what);
    if (!*text)
        return spec_fail(s, node, "'%s' must not be empty", what);
    *out = text;
    return CLIO_OK;
}

static int get_label(clioi_statoffice_spec *s, yaml_node_t *node, const char *what,
                     clioi_statoffice_label *out)
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
static int get_count(clioi_statoffice_spec *s, yaml_node_t *node, const char *what, size_t *out)
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

static int spec_load(clioi_statoffice_spec *s)
{
    return clioi_yaml_load(s->path, "import spec", &s->doc, s->err);
}

static int parse_item(clioi_statoffice_spec *s, yaml_node_t *node, const clioi_statoffice_sel *sel,
                      const char *const *item_keys, clioi_statoffice_item *item)
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
static int parse_list(clioi_statoffice_spec *s, yaml_node_t *node, clioi_statoffice_sel *sel,
                      const char *const *item_keys)
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

static int parse_range(clioi_statoffice_spec *s, yaml_node_t *node, clioi_statoffice_sel *sel)
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

static int parse_selection(clioi_statoffice_spec *s, yaml_node_t *node, clioi_statoffice_sel *sel,
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
static yaml_node_t *require(clioi_statoffice_spec *s, yaml_node_t *map, const char *key,
                            const char *where, int *status)
{
    yaml_node_t *value = lookup(s, map, key);
    if (!value)
        *status = spec_fail(s, map, "%s needs the key '%s'", where, key);
    return value;
}

static int parse_sectors(clioi_statoffice_spec *s, yaml_node_t *node)
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
        s->sector_names_from = CLIOI_NAMES_LIST;
        s->sector_names.present = 1;
        s->sector_names.line = node_line(names);
        return parse_list(s, names, &s->sector_names, NULL);
    }
    const char *text = scalar_of(names);
    if (!text || (strcmp(text, "rows") != 0 && strcmp(text, "columns") != 0))
        return spec_fail(s, names,
                         "'sectors.names' must be 'rows', 'columns' or a list of names");
    s->sector_names_from = strcmp(text, "columns") == 0 ? CLIOI_NAMES_COLUMNS : CLIOI_NAMES_ROWS;
    return CLIO_OK;
}

/* final_demand: {columns: ...} and value_added: {rows: ...}. */
static int parse_block(clioi_statoffice_spec *s, yaml_node_t *node, const char *where,
                       const char *const *keys, clioi_statoffice_sel *sel,
                       const char *const *item_keys)
{
    int status = check_keys(s, node, where, keys);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *value = require(s, node, keys[0], where, &status);
    return value ? parse_selection(s, value, sel, item_keys) : status;
}

static int parse_output(clioi_statoffice_spec *s, yaml_node_t *node)
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

static int parse_satellites(clioi_statoffice_spec *s, yaml_node_t *node)
{
    if (node->type != YAML_SEQUENCE_NODE)
        return spec_fail(s, node, "'satellites' must be a list of rows");
    s->sats.present = 1;
    s->sats.line = node_line(node);
    return parse_list(s, node, &s->sats, sat_item_keys);
}

/* label_column: a header label, or a plain (unquoted) 1-based number. */
static int parse_label_column(clioi_statoffice_spec *s, yaml_node_t *node)
{
    int status = get_label(s, node, "label_column", &s->label_column);
    if (status != CLIO_OK)
        return status;
    if (node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && all_digits(s->label_column.text))
        return get_count(s, node, "label_column", &s->label_column_number);
    return CLIO_OK;
}

static int parse_scale(clioi_statoffice_spec *s, yaml_node_t *node)
{
    const char *text = scalar_of(node);
    if (!text || clioi_parse_double(text, &s->scale) != 0 || !isfinite(s->scale) ||
        s->scale <= 0)
        return spec_fail(s, node, "'scale' must be a positive finite number, not '%s'",
                         text ? text : "a list or mapping");
    return CLIO_OK;
}

/* title, region and unit: optional texts. */
static int parse_metadata(clioi_statoffice_spec *s, yaml_node_t *root)
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

static int parse_layout_keys(clioi_statoffice_spec *s, yaml_node_t *root)
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

static int parse_parts(clioi_statoffice_spec *s, yaml_node_t *root)
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

/* ------------------------------------------------------------------ */
/* Reading and freeing the spec                                       */
/* ------------------------------------------------------------------ */

static void spec_init(clioi_statoffice_spec *s, const char *path, clio_error *err)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->err = err;
    s->scale = 1;
    s->sector_rows = (clioi_statoffice_sel){.what = "sectors.rows", .role = "sectors"};
    s->sector_cols = (clioi_statoffice_sel){.what = "sectors.columns", .role = "sectors"};
    s->fd_cols = (clioi_statoffice_sel){.what = "final_demand.columns", .role = "final_demand"};
    s->va_rows = (clioi_statoffice_sel){.what = "value_added.rows", .role = "value_added"};
    s->sats = (clioi_statoffice_sel){.what = "satellites", .role = "satellites"};
    s->sector_names = (clioi_statoffice_sel){.what = "sectors.names", .role = "sectors"};
}

int clioi_statoffice_spec_read(clioi_statoffice_spec *s, const char *path, clio_error *err)
{
    spec_init(s, path, err);
    int status = spec_load(s);
    if (status != CLIO_OK)
        return status;
    yaml_node_t *root = yaml_document_get_root_node(s->doc);
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

void clioi_statoffice_spec_free(clioi_statoffice_spec *s)
{
    clioi_statoffice_sel *sels[] = {&s->sector_rows, &s->sector_cols, &s->fd_cols,
                                    &s->va_rows,     &s->sats,        &s->sector_names};
    for (size_t k = 0; k < sizeof sels / sizeof *sels; k++)
        free(sels[k]->items);
    if (s->doc)
        yaml_document_delete(s->doc);
    free(s->doc);
}
