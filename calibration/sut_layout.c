/* sut_layout.c -- which rows and columns of a make and a use CSV are scrap,
 * value added, final demand or totals: lists from the command line (comma-
 * separated) or from a small YAML file (docs/methods-symmetric.md). */
#include "clioi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static const char *const list_keys[] = {"scrap", "value_added", "final_demand", "totals"};

/* The list `which` of the layout and its count. */
static int list_of(clio_sut_layout *l, int which, char ****items, size_t **count)
{
    switch (which) {
    case CLIO_SUT_SCRAP: *items = &l->scrap; *count = &l->nscrap; return CLIO_OK;
    case CLIO_SUT_VALUE_ADDED: *items = &l->value_added; *count = &l->nvalue_added; return CLIO_OK;
    case CLIO_SUT_FINAL_DEMAND: *items = &l->final_demand; *count = &l->nfinal_demand; return CLIO_OK;
    case CLIO_SUT_TOTALS: *items = &l->totals; *count = &l->ntotals; return CLIO_OK;
    default: return CLIO_EINVAL;
    }
}

/* Append one code (a copy of text[0..len)); creates the list when NULL, so
 * that an empty list differs from "default". */
static int append(clio_sut_layout *l, int which, const char *text, size_t len, clio_error *err)
{
    char ***items;
    size_t *count;
    if (list_of(l, which, &items, &count) != CLIO_OK)
        return clioi_fail(err, CLIO_EINVAL, "unknown layout list %d", which);
    char **grown = realloc(*items, (*count + 1) * sizeof **items);
    if (!grown)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    *items = grown;
    if (!text)
        return CLIO_OK; /* just make the (empty) list exist */
    char *copy = malloc(len + 1);
    if (!copy)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    memcpy(copy, text, len);
    copy[len] = '\0';
    grown[(*count)++] = copy;
    return CLIO_OK;
}

int clio_sut_layout_add(clio_sut_layout *layout, int which, const char *list, clio_error *err)
{
    if (!layout || !list)
        return clioi_fail(err, CLIO_EINVAL, "clio_sut_layout_add: NULL argument");
    int status = append(layout, which, NULL, 0, err);
    for (const char *p = list; status == CLIO_OK && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        while (len > 0 && (*p == ' ' || *p == '\t'))
            p++, len--;
        while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (len == 0)
            return clioi_fail(err, CLIO_EINVAL, "empty code in the list '%s' (%s)", list,
                              list_keys[which]);
        status = append(layout, which, p, len, err);
        if (!end)
            break;
        p = end + 1;
        if (!*p)
            return clioi_fail(err, CLIO_EINVAL, "the list '%s' ends with a comma", list);
    }
    return status;
}

void clio_sut_layout_free(clio_sut_layout *layout)
{
    if (!layout)
        return;
    clioi_free_labels(layout->scrap, layout->nscrap);
    clioi_free_labels(layout->value_added, layout->nvalue_added);
    clioi_free_labels(layout->final_demand, layout->nfinal_demand);
    clioi_free_labels(layout->totals, layout->ntotals);
    memset(layout, 0, sizeof *layout);
}

/* ---- YAML ---------------------------------------------------------- */

static size_t line_of(const yaml_node_t *node) { return node->start_mark.line + 1; }

static int yaml_list(const char *path, yaml_document_t *doc, yaml_node_t *node,
                     clio_sut_layout *l, int which, clio_error *err)
{
    if (node->type == YAML_SCALAR_NODE)
        return append(l, which, (const char *)node->data.scalar.value, node->data.scalar.length,
                      err);
    if (node->type != YAML_SEQUENCE_NODE)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: %s must be a list of codes", path,
                          line_of(node), list_keys[which]);
    int status = append(l, which, NULL, 0, err);
    for (yaml_node_item_t *it = node->data.sequence.items.start;
         status == CLIO_OK && it < node->data.sequence.items.top; it++) {
        yaml_node_t *item = yaml_document_get_node(doc, *it);
        if (!item || item->type != YAML_SCALAR_NODE || item->data.scalar.length == 0)
            return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: every item of %s must be a code",
                              path, item ? line_of(item) : line_of(node), list_keys[which]);
        status = append(l, which, (const char *)item->data.scalar.value,
                        item->data.scalar.length, err);
    }
    return status;
}

static int yaml_pair(const char *path, yaml_document_t *doc, yaml_node_t *key, yaml_node_t *value,
                     clio_sut_layout *l, clio_error *err)
{
    const char *name = key->type == YAML_SCALAR_NODE ? (const char *)key->data.scalar.value : "";
    for (int k = 0; k < 4; k++)
        if (strcmp(name, list_keys[k]) == 0)
            return yaml_list(path, doc, value, l, k, err);
    if (strcmp(name, "total_rtol") == 0) {
        const char *text =
            value->type == YAML_SCALAR_NODE ? (const char *)value->data.scalar.value : "";
        double v;
        if (clioi_parse_double(text, &v) != 0 || !(v >= 0) || v > 1)
            return clioi_fail(err, CLIO_EFORMAT,
                              "%s:%zu: total_rtol must be a number in [0, 1], not '%s'", path,
                              line_of(value), text);
        l->total_rtol = v;
        return CLIO_OK;
    }
    return clioi_fail(err, CLIO_EFORMAT,
                      "%s:%zu: unknown key '%s' (expected scrap, value_added, final_demand, "
                      "totals, total_rtol)",
                      path, line_of(key), name);
}

int clio_sut_layout_read_yaml(const char *path, clio_sut_layout *layout, clio_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return clioi_fail(err, CLIO_EIO, "%s: %s", path, strerror(errno));
    yaml_parser_t parser;
    yaml_document_t doc;
    int status = CLIO_OK;
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    yaml_parser_set_input_file(&parser, fp);
    if (!yaml_parser_load(&parser, &doc)) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: %s", path,
                            (size_t)parser.problem_mark.line + 1,
                            parser.problem ? parser.problem : "YAML syntax error");
        yaml_parser_delete(&parser);
        fclose(fp);
        return status;
    }
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (!root)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", path);
    else if (root->type != YAML_MAPPING_NODE)
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: expected a mapping of layout keys", path,
                            line_of(root));
    for (yaml_node_pair_t *p = root && root->type == YAML_MAPPING_NODE
                                   ? root->data.mapping.pairs.start
                                   : NULL;
         status == CLIO_OK && p && p < root->data.mapping.pairs.top; p++)
        status = yaml_pair(path, &doc, yaml_document_get_node(&doc, p->key),
                           yaml_document_get_node(&doc, p->value), layout, err);
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    fclose(fp);
    return status;
}
