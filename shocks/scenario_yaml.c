/* scenario_yaml.c -- libyaml helpers of the scenario reader: loading the
 * document, checking the keys of a mapping (a misspelt key silently
 * ignored would run the wrong scenario), texts, amounts ("200", "-40%")
 * and counts, each failure as "FILE:LINE: scenario 'NAME': ...". */
#include "scenario.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

size_t clioi_scn_line(const yaml_node_t *node) { return node->start_mark.line + 1; }

yaml_node_t *clioi_scn_node(const clioi_scn_parser *p, int id)
{
    return yaml_document_get_node(p->doc, id);
}

static const char *scalar_of(const yaml_node_t *node)
{
    return node && node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value
                                                  : NULL;
}

int clioi_scn_is_mapping(const yaml_node_t *node) { return node->type == YAML_MAPPING_NODE; }
int clioi_scn_is_sequence(const yaml_node_t *node) { return node->type == YAML_SEQUENCE_NODE; }

size_t clioi_scn_items(const yaml_node_t *node, const int **ids)
{
    *ids = node->data.sequence.items.start;
    return (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
}

int clioi_scn_fail(const clioi_scn_parser *p, int status, const yaml_node_t *node,
                   const char *fmt, ...)
{
    char detail[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    if (p->scenario)
        return clioi_fail(p->err, status, "%s:%zu: scenario '%s': %s", p->path,
                          clioi_scn_line(node), p->scenario, detail);
    return clioi_fail(p->err, status, "%s:%zu: %s", p->path, clioi_scn_line(node), detail);
}

int clioi_scn_load(clioi_scn_parser *p)
{
    return clioi_yaml_load(p->path, "scenario file", &p->doc, p->err);
}

yaml_node_t *clioi_scn_lookup(const clioi_scn_parser *p, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < map->data.mapping.pairs.top;
         q++) {
        const char *text = scalar_of(clioi_scn_node(p, q->key));
        if (text && strcmp(text, key) == 0)
            return clioi_scn_node(p, q->value);
    }
    return NULL;
}

static int unknown_key(const clioi_scn_parser *p, yaml_node_t *key, const char *where,
                       const char *const *allowed)
{
    char list[512] = "";
    size_t used = 0;
    for (size_t k = 0; allowed[k] && used < sizeof list; k++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", k ? ", " : "",
                                 allowed[k]);
    return clioi_scn_fail(p, CLIO_EFORMAT, key, "unknown key '%s' in %s (expected one of: %s)",
                          scalar_of(key), where, list);
}

int clioi_scn_check_keys(const clioi_scn_parser *p, yaml_node_t *map, const char *where,
                         const char *const *allowed)
{
    if (map->type != YAML_MAPPING_NODE)
        return clioi_scn_fail(p, CLIO_EFORMAT, map, "%s must be a mapping of keys to values",
                              where);
    for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < map->data.mapping.pairs.top;
         q++) {
        yaml_node_t *key = clioi_scn_node(p, q->key);
        const char *text = scalar_of(key);
        if (!text)
            return clioi_scn_fail(p, CLIO_EFORMAT, key,
                                  "a key in %s must be a name, not a list or mapping", where);
        size_t k = 0;
        while (allowed[k] && strcmp(allowed[k], text) != 0)
            k++;
        if (!allowed[k])
            return unknown_key(p, key, where, allowed);
        for (yaml_node_pair_t *o = map->data.mapping.pairs.start; o < q; o++)
            if (strcmp(scalar_of(clioi_scn_node(p, o->key)), text) == 0)
                return clioi_scn_fail(p, CLIO_EFORMAT, key, "duplicate key '%s' in %s", text,
                                      where);
    }
    return CLIO_OK;
}

int clioi_scn_text(const clioi_scn_parser *p, yaml_node_t *node, const char *key,
                   const char **out)
{
    const char *text = scalar_of(node);
    if (!text)
        return clioi_scn_fail(p, CLIO_EFORMAT, node, "'%s' must be a text, not a list or mapping",
                              key);
    if (!*text)
        return clioi_scn_fail(p, CLIO_EFORMAT, node, "'%s' must not be empty", key);
    *out = text;
    return CLIO_OK;
}

int clioi_scn_get_name(const clioi_scn_parser *p, yaml_node_t *map, const char *key,
                       clioi_scn_name *out)
{
    yaml_node_t *node = clioi_scn_lookup(p, map, key);
    if (!node)
        return CLIO_OK;
    out->line = clioi_scn_line(node);
    return clioi_scn_text(p, node, key, &out->text);
}

/* "12.5" or "12.5%" -> value (a fraction for percentages); -1 when not a
 * number at all.  Non-finite numbers parse (and are refused by the caller). */
static int parse_amount(const char *text, double *value, int *percent)
{
    size_t len = strlen(text);
    while (len > 0 && isspace((unsigned char)text[len - 1]))
        len--;
    *percent = len > 0 && text[len - 1] == '%';
    char buf[128];
    size_t keep = len - (size_t)*percent;
    if (keep >= sizeof buf)
        return -1;
    memcpy(buf, text, keep);
    buf[keep] = '\0';
    if (clioi_parse_double(buf, value) != 0)
        return -1;
    if (*percent)
        *value /= 100;
    return 0;
}

int clioi_scn_amount_of(const clioi_scn_parser *p, yaml_node_t *node, const char *key,
                        int allow, clioi_scn_amount *out)
{
    const char *text = scalar_of(node);
    out->line = clioi_scn_line(node);
    const char *kinds = (allow & CLIOI_SCN_SHARE) ? "a share such as 0.3 or 30%"
                        : allow == CLIOI_SCN_PERCENT ? "a percentage such as -10%"
                        : allow == CLIOI_SCN_NUMBER  ? "a number"
                                                     : "a number or a percentage such as 10%";
    if (!text || parse_amount(text, &out->value, &out->percent) != 0)
        return clioi_scn_fail(p, CLIO_EVALUE, node, "'%s' must be %s, not '%s'", key, kinds,
                              text ? text : "a list or mapping");
    if (!isfinite(out->value))
        return clioi_scn_fail(p, CLIO_EVALUE, node, "'%s' must be finite, not '%s'", key, text);
    if (out->percent && !(allow & (CLIOI_SCN_PERCENT | CLIOI_SCN_SHARE)))
        return clioi_scn_fail(p, CLIO_EVALUE, node,
                              "'%s' must be a number, not a percentage ('%s')", key, text);
    if (!out->percent && !(allow & (CLIOI_SCN_NUMBER | CLIOI_SCN_SHARE)))
        return clioi_scn_fail(p, CLIO_EVALUE, node,
                              "'%s' must be %s, not the number '%s'", key, kinds, text);
    if ((allow & CLIOI_SCN_SHARE) && !(out->value >= 0 && out->value <= 1))
        return clioi_scn_fail(p, CLIO_EVALUE, node,
                              "'%s' must be a share in [0, 1] (0%% .. 100%%), not '%s'", key, text);
    return CLIO_OK;
}

int clioi_scn_count(const clioi_scn_parser *p, yaml_node_t *node, const char *key, size_t *out)
{
    const char *text = scalar_of(node);
    int digits = text && *text;
    for (const char *c = text; digits && *c; c++)
        digits = isdigit((unsigned char)*c);
    errno = 0;
    unsigned long long v = digits ? strtoull(text, NULL, 10) : 0;
    if (!digits || errno == ERANGE || v > (unsigned long long)(size_t)-1)
        return clioi_scn_fail(p, CLIO_EVALUE, node, "'%s' must be a whole number >= 0, not '%s'",
                              key, text ? text : "a list or mapping");
    *out = (size_t)v;
    return CLIO_OK;
}
