/* scenario_read.c -- a scenario file (docs/scenarios.md): the root keys
 * (table, groups, scenarios), each scenario parsed by scenario_parse.c,
 * names unique, and `inherits` linked to its base with cycles refused.
 * The YAML document is kept: the parsed texts point into it. */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static const char *const root_keys[] = {"table", "groups", "scenarios", NULL};

/* `value` relative to the folder of `path` (unchanged when absolute or
 * when path has no folder). */
static char *relative_to(const char *path, const char *value)
{
    const char *slash = strrchr(path, '/');
    if (value[0] == '/' || !slash)
        return clioi_strdup(value);
    size_t dir = (size_t)(slash - path) + 1, len = strlen(value);
    char *out = malloc(dir + len + 1);
    if (out) {
        memcpy(out, path, dir);
        memcpy(out + dir, value, len + 1);
    }
    return out;
}

static int root_path(clioi_scn_parser *p, yaml_node_t *root, const char *key, char **out,
                     size_t *line)
{
    yaml_node_t *node = clioi_scn_lookup(p, root, key);
    if (!node)
        return CLIO_OK;
    const char *text;
    int status = clioi_scn_text(p, node, key, &text);
    if (status != CLIO_OK)
        return status;
    if (line)
        *line = clioi_scn_line(node);
    if (!(*out = relative_to(p->path, text)))
        return clioi_fail(p->err, CLIO_ENOMEM, "%s: out of memory", p->path);
    return CLIO_OK;
}

/* The name of scenario k (required, unique), parsed before the rest so
 * that every later message can name it. */
static int scenario_name(clioi_scn_parser *p, clio_scenarios *s, size_t k, yaml_node_t *node)
{
    if (!clioi_scn_is_mapping(node))
        return clioi_scn_fail(p, CLIO_EFORMAT, node,
                              "scenario %zu must be a mapping of keys to values", k + 1);
    yaml_node_t *name = clioi_scn_lookup(p, node, "name");
    if (!name)
        return clioi_scn_fail(p, CLIO_EFORMAT, node, "scenario %zu has no 'name'", k + 1);
    clioi_scenario *sc = &s->items[k];
    int status = clioi_scn_text(p, name, "name", &sc->name);
    if (status != CLIO_OK)
        return status;
    sc->line = clioi_scn_line(node);
    for (size_t j = 0; j < k; j++)
        if (strcmp(s->items[j].name, sc->name) == 0)
            return clioi_scn_fail(p, CLIO_ELABEL, name,
                                  "duplicate scenario name '%s' (first at line %zu)", sc->name,
                                  s->items[j].line);
    return CLIO_OK;
}

static int parse_scenarios(clioi_scn_parser *p, clio_scenarios *s, yaml_node_t *root)
{
    yaml_node_t *list = clioi_scn_lookup(p, root, "scenarios");
    if (!list)
        return clioi_scn_fail(p, CLIO_EFORMAT, root, "the file needs the key 'scenarios'");
    const int *ids;
    if (!clioi_scn_is_sequence(list))
        return clioi_scn_fail(p, CLIO_EFORMAT, list, "'scenarios' must be a list of scenarios");
    size_t count = clioi_scn_items(list, &ids);
    if (count == 0)
        return clioi_scn_fail(p, CLIO_EFORMAT, list, "'scenarios' is an empty list");
    if (!(s->items = calloc(count, sizeof *s->items)))
        return clioi_fail(p->err, CLIO_ENOMEM, "%s: out of memory", p->path);
    s->count = count;
    for (size_t k = 0; k < count; k++) {
        yaml_node_t *node = clioi_scn_node(p, ids[k]);
        int status = scenario_name(p, s, k, node);
        if (status != CLIO_OK)
            return status;
        s->items[k].base = CLIO_NONE;
        p->scenario = s->items[k].name;
        status = clioi_scn_parse(p, node, &s->items[k]);
        p->scenario = NULL;
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

/* Link each `inherits` to its base (in any order of the file); a chain
 * that comes back to where it started is a cycle. */
static int link_bases(clioi_scn_parser *p, clio_scenarios *s)
{
    for (size_t k = 0; k < s->count; k++) {
        clioi_scenario *sc = &s->items[k];
        if (!sc->inherits.text)
            continue;
        for (size_t j = 0; j < s->count; j++)
            if (strcmp(s->items[j].name, sc->inherits.text) == 0)
                sc->base = j;
        if (sc->base == CLIO_NONE)
            return clioi_fail(p->err, CLIO_ELABEL,
                              "%s:%zu: scenario '%s': inherits the unknown scenario '%s'",
                              p->path, sc->inherits.line, sc->name, sc->inherits.text);
    }
    for (size_t k = 0; k < s->count; k++) {
        size_t b = s->items[k].base;
        for (size_t steps = 0; b != CLIO_NONE; steps++) {
            if (b == k || steps > s->count)
                return clioi_fail(p->err, CLIO_EFORMAT,
                                  "%s:%zu: scenario '%s': 'inherits' makes a cycle (through "
                                  "'%s')",
                                  p->path, s->items[k].inherits.line, s->items[k].name,
                                  s->items[s->items[k].base].name);
            b = s->items[b].base;
        }
    }
    return CLIO_OK;
}

static int read_file(clioi_scn_parser *p, clio_scenarios *s)
{
    int status = clioi_scn_load(p);
    if (status != CLIO_OK)
        return status;
    s->doc = p->doc;
    yaml_node_t *root = yaml_document_get_root_node(p->doc);
    /* An empty file or "---" alone loads as nothing or one empty scalar. */
    if (!root || (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0))
        return clioi_fail(p->err, CLIO_EFORMAT, "%s: the scenario file is empty", p->path);
    if ((status = clioi_scn_check_keys(p, root, "the scenario file", root_keys)) != CLIO_OK)
        return status;
    if ((status = root_path(p, root, "table", &s->table, NULL)) != CLIO_OK)
        return status;
    if ((status = root_path(p, root, "groups", &s->groups, &s->groups_line)) != CLIO_OK)
        return status;
    if ((status = parse_scenarios(p, s, root)) != CLIO_OK)
        return status;
    return link_bases(p, s);
}

int clio_scenarios_read(const char *path, clio_scenarios **out, clio_error *err)
{
    if (!path || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_scenarios_read: NULL argument");
    *out = NULL;
    clio_scenarios *s = calloc(1, sizeof *s);
    if (!s || !(s->path = clioi_strdup(path))) {
        free(s);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    }
    clioi_scn_parser p = {.path = s->path, .err = err};
    int status = read_file(&p, s);
    if (status != CLIO_OK) {
        clio_scenarios_free(s);
        return status;
    }
    *out = s;
    return CLIO_OK;
}

void clio_scenarios_free(clio_scenarios *s)
{
    if (!s)
        return;
    for (size_t k = 0; k < s->count; k++)
        clioi_scn_scenario_free(&s->items[k]);
    free(s->items);
    if (s->doc)
        yaml_document_delete(s->doc);
    free(s->doc);
    free(s->table);
    free(s->groups);
    free(s->path);
    free(s);
}

size_t clio_scenarios_count(const clio_scenarios *s) { return s ? s->count : 0; }

const char *clio_scenarios_name(const clio_scenarios *s, size_t i)
{
    return s && i < s->count ? s->items[i].name : NULL;
}

const char *clio_scenarios_description(const clio_scenarios *s, size_t i)
{
    return s && i < s->count ? s->items[i].description : NULL;
}

const char *clio_scenarios_table(const clio_scenarios *s) { return s ? s->table : NULL; }
