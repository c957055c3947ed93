/* pymrio_params.c -- file_parameters.json of a pymrio folder, parsed with
 * cJSON: {"files": {"Z": {"name": "Z.txt", "nr_index_col": "2",
 * "nr_header": "2"}, ...}, "systemtype": "IOSystem", "name": ...}.
 * pymrio writes the counts as strings; numbers are accepted too. */
#include "pymrio.h"

#include <cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define PARAMS_FILE "file_parameters.json"
#define PARAMS_MAX_BYTES (16u << 20) /* a parameter file is a few hundred bytes */

char *pymrio_join(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 2;
    char *p = malloc(len);
    if (p)
        snprintf(p, len, "%s/%s", dir, name);
    return p;
}

static int slurp(const char *path, char **text, size_t *len, clio_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return clioi_fail(err, CLIO_EIO, "%s: cannot open: %s", path, strerror(errno));
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int status = buf ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    while (status == CLIO_OK) {
        if (n + 1 == cap) {
            char *bigger = cap < PARAMS_MAX_BYTES ? realloc(buf, 2 * cap) : NULL;
            if (!bigger) {
                status = clioi_fail(err, cap < PARAMS_MAX_BYTES ? CLIO_ENOMEM : CLIO_EFORMAT,
                                    "%s: %s", path,
                                    cap < PARAMS_MAX_BYTES ? "out of memory"
                                                           : "too large for a parameter file");
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, fp);
        n += got;
        if (got == 0) {
            if (ferror(fp))
                status = clioi_fail(err, CLIO_EIO, "%s: read error", path);
            break;
        }
    }
    fclose(fp);
    if (status != CLIO_OK) {
        free(buf);
        return status;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return CLIO_OK;
}

/* A count written as "2" or 2: a small positive integer. */
static int count_value(const cJSON *item, size_t *out)
{
    if (cJSON_IsNumber(item)) {
        double v = item->valuedouble;
        if (!(v >= 1 && v <= 16) || v != (double)(int)v)
            return -1;
        *out = (size_t)v;
        return 0;
    }
    if (!cJSON_IsString(item))
        return -1;
    char *end;
    long v = strtol(item->valuestring, &end, 10);
    if (end == item->valuestring || *end != '\0' || v < 1 || v > 16)
        return -1;
    *out = (size_t)v;
    return 0;
}

static size_t line_of(const char *text, const char *at)
{
    size_t line = 1;
    for (const char *p = text; p < at && *p; p++)
        line += *p == '\n';
    return line;
}

static int read_entry(pymrio_params *p, const cJSON *entry, pymrio_file *f, clio_error *err)
{
    const char *key = entry->string;
    if (!cJSON_IsObject(entry))
        return clioi_fail(err, CLIO_EFORMAT, "%s: files entry '%s' is not an object", p->path,
                          key);
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(entry, "name");
    const cJSON *nic = cJSON_GetObjectItemCaseSensitive(entry, "nr_index_col");
    const cJSON *nh = cJSON_GetObjectItemCaseSensitive(entry, "nr_header");
    if (!cJSON_IsString(name) || !*name->valuestring)
        return clioi_fail(err, CLIO_EFORMAT, "%s: files entry '%s' has no \"name\"", p->path,
                          key);
    if (strchr(name->valuestring, '/'))
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s: files entry '%s': file name '%s' must be inside the folder",
                          p->path, key, name->valuestring);
    if (!nic || count_value(nic, &f->nr_index_col) != 0)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s: files entry '%s' needs \"nr_index_col\" (a count from 1 to 16)",
                          p->path, key);
    if (!nh || count_value(nh, &f->nr_header) != 0)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s: files entry '%s' needs \"nr_header\" (a count from 1 to 16)",
                          p->path, key);
    f->key = clioi_strdup(key);
    f->name = clioi_strdup(name->valuestring);
    if (!f->key || !f->name)
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", p->path);
    return CLIO_OK;
}

static int read_params(pymrio_params *p, const cJSON *root, clio_error *err)
{
    if (!cJSON_IsObject(root))
        return clioi_fail(err, CLIO_EFORMAT, "%s: not a JSON object", p->path);
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(root, "systemtype");
    if (!cJSON_IsString(type))
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s: no \"systemtype\" (\"IOSystem\" or \"Extension\")", p->path);
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(root, "name");
    p->systemtype = clioi_strdup(type->valuestring);
    if (cJSON_IsString(name))
        p->name = clioi_strdup(name->valuestring);
    if (!p->systemtype || (cJSON_IsString(name) && !p->name))
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", p->path);
    const cJSON *files = cJSON_GetObjectItemCaseSensitive(root, "files");
    if (!cJSON_IsObject(files))
        return clioi_fail(err, CLIO_EFORMAT, "%s: no \"files\" object", p->path);
    size_t n = (size_t)cJSON_GetArraySize(files);
    p->files = clioi_calloc_array(n, sizeof *p->files);
    if (!p->files)
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", p->path);
    const cJSON *entry;
    cJSON_ArrayForEach(entry, files)
    {
        int status = read_entry(p, entry, &p->files[p->nfiles++], err);
        if (status != CLIO_OK)
            return status;
    }
    return CLIO_OK;
}

int pymrio_params_read(const char *dir, pymrio_params **out, clio_error *err)
{
    *out = NULL;
    pymrio_params *p = calloc(1, sizeof *p);
    if (!p || !(p->path = pymrio_join(dir, PARAMS_FILE))) {
        free(p);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    char *text = NULL;
    size_t len = 0;
    int status = slurp(p->path, &text, &len, err);
    if (status == CLIO_OK) {
        const char *end = NULL;
        cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
        if (!root)
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: not valid JSON", p->path,
                                line_of(text, end ? end : text));
        else
            status = read_params(p, root, err);
        cJSON_Delete(root);
    }
    free(text);
    if (status != CLIO_OK) {
        pymrio_params_free(p);
        return status;
    }
    *out = p;
    return CLIO_OK;
}

void pymrio_params_free(pymrio_params *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nfiles; i++) {
        free(p->files[i].key);
        free(p->files[i].name);
    }
    free(p->files);
    free(p->path);
    free(p->systemtype);
    free(p->name);
    free(p);
}

const pymrio_file *pymrio_params_find(const pymrio_params *p, const char *key)
{
    for (size_t i = 0; i < p->nfiles; i++)
        if (strcmp(p->files[i].key, key) == 0)
            return &p->files[i];
    return NULL;
}
