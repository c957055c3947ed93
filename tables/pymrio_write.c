/* pymrio_write.c -- a clio table as a pymrio text folder: Z, Y, x, unit
 * and metadata.json at the root; one extension folder per satellite
 * prefix ("emissions:CO2|air" -> folder emissions, stressor CO2,
 * compartment air) with F, F_Y and unit; V rows as extension
 * "factor_inputs".  Written into DIR.tmp.XXXXXX, renamed into place. */
#include "pymrio_write.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define VA_EXTENSION "factor_inputs"
#define DEFAULT_EXTENSION "satellites"

static const char *const SECTOR_LEVELS[] = {"region", "sector"};
static const char *const FD_LEVELS[] = {"region", "category"};

static const char *sector_label(const void *ctx, size_t i, size_t level)
{
    const clio_table *t = ctx;
    return level == 0 ? t->regions[t->sector_region[i]] : t->sector_names[i];
}

static const char *fd_label(const void *ctx, size_t k, size_t level)
{
    const clio_table *t = ctx;
    if (level == 1)
        return t->fd_names[k];
    return t->regions[t->fd_region[k] == CLIO_NONE ? 0 : t->fd_region[k]];
}

static const char *output_label(const void *ctx, size_t c, size_t level)
{
    (void)ctx, (void)c, (void)level;
    return "indout"; /* pymrio's name for total output */
}

static const char *unit_label(const void *ctx, size_t c, size_t level)
{
    (void)ctx, (void)c, (void)level;
    return "unit";
}

/* One extension folder: rows of S (or V) with their stressor and
 * compartment split at the first '|'. */
typedef struct ext_out {
    char *folder;
    size_t count;
    size_t *rows;      /* indices into S (or V) */
    char **stressor;   /* count */
    char **compartment; /* count, NULL entries when there is no compartment */
    int two_levels;    /* every row has a compartment */
    int is_va;
} ext_out;

static const char *ext_label(const void *ctx, size_t i, size_t level)
{
    const ext_out *e = ctx;
    return level == 0 ? e->stressor[i] : e->compartment[i];
}

static void ext_free(ext_out *e, size_t n)
{
    for (size_t k = 0; e && k < n; k++) {
        free(e[k].folder);
        free(e[k].rows);
        clioi_free_labels(e[k].stressor, e[k].count);
        clioi_free_labels(e[k].compartment, e[k].count);
    }
    free(e);
}

/* The folder of satellite name: its prefix before ':' or "satellites". */
static char *folder_of(const char *name)
{
    const char *colon = strchr(name, ':');
    if (!colon || colon == name)
        return clioi_strdup(DEFAULT_EXTENSION);
    char *f = malloc((size_t)(colon - name) + 1);
    if (f) {
        memcpy(f, name, (size_t)(colon - name));
        f[colon - name] = '\0';
    }
    return f;
}

static int folder_name_ok(const char *f)
{
    return *f && *f != '.' && !strchr(f, '/') && strcmp(f, "file_parameters.json") != 0;
}

/* Add row r of S (or V) to e; `name` is its name without the folder
 * prefix, split into stressor and compartment at the first '|'. */
static int ext_add(ext_out *e, size_t r, const char *name)
{
    size_t k = e->count;
    size_t *rows = realloc(e->rows, (k + 1) * sizeof *rows);
    if (rows)
        e->rows = rows;
    char **s = realloc(e->stressor, (k + 1) * sizeof *s);
    if (s)
        e->stressor = s;
    char **c = realloc(e->compartment, (k + 1) * sizeof *c);
    if (c)
        e->compartment = c;
    if (!rows || !s || !c)
        return CLIO_ENOMEM;
    e->rows[k] = r;
    e->count++;
    char *before = NULL, *after = NULL;
    int status = clioi_split_key(name, &before, &after);
    e->stressor[k] = before ? before : after;
    e->compartment[k] = before ? after : NULL;
    return status == CLIO_OK && e->stressor[k] ? CLIO_OK : CLIO_ENOMEM;
}

/* Two index levels only when every row has a compartment; else the whole
 * name is the stressor. */
static int ext_levels(ext_out *e, const clio_table *t)
{
    e->two_levels = 1;
    for (size_t i = 0; i < e->count; i++)
        e->two_levels &= e->compartment[i] != NULL;
    if (e->two_levels)
        return CLIO_OK;
    for (size_t i = 0; i < e->count; i++) {
        const char *full = e->is_va ? t->va_names[e->rows[i]] : t->sat_names[e->rows[i]];
        const char *colon = e->is_va ? NULL : strchr(full, ':');
        free(e->stressor[i]);
        free(e->compartment[i]);
        e->compartment[i] = NULL;
        if (!(e->stressor[i] = clioi_strdup(colon && colon != full ? colon + 1 : full)))
            return CLIO_ENOMEM;
    }
    return CLIO_OK;
}

static int group_extensions(const clio_table *t, ext_out **out, size_t *nout, clio_error *err)
{
    /* At most one folder per satellite, plus value added. */
    ext_out *e = clioi_calloc_array(t->nsat + 1, sizeof *e);
    size_t n = 0;
    int status = e ? CLIO_OK : CLIO_ENOMEM;
    if (!status && t->nva) {
        e[n].folder = clioi_strdup(VA_EXTENSION);
        e[n].is_va = 1;
        status = e[n].folder ? CLIO_OK : CLIO_ENOMEM;
        for (size_t r = 0; r < t->nva && !status; r++)
            status = ext_add(&e[n], r, t->va_names[r]);
        n++;
    }
    for (size_t r = 0; r < t->nsat && !status; r++) {
        char *folder = folder_of(t->sat_names[r]);
        if (!folder) {
            status = CLIO_ENOMEM;
            break;
        }
        if (!folder_name_ok(folder)) {
            status = clioi_fail(err, CLIO_ELABEL,
                                "satellite '%s': '%s' cannot name an extension folder",
                                t->sat_names[r], folder);
            free(folder);
            break;
        }
        size_t k = 0;
        while (k < n && strcmp(e[k].folder, folder) != 0)
            k++;
        if (k < n && e[k].is_va) {
            status = clioi_fail(err, CLIO_ELABEL,
                                "satellite '%s': extension '%s' is where value added goes",
                                t->sat_names[r], folder);
            free(folder);
            break;
        }
        if (k == n)
            e[n++].folder = folder;
        else
            free(folder);
        const char *colon = strchr(t->sat_names[r], ':');
        status = ext_add(&e[k], r, colon && colon != t->sat_names[r] ? colon + 1
                                                                     : t->sat_names[r]);
    }
    for (size_t k = 0; k < n && !status; k++)
        status = ext_levels(&e[k], t);
    if (status == CLIO_ENOMEM)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status) {
        ext_free(e, n);
        return status;
    }
    *out = e;
    *nout = n;
    return CLIO_OK;
}

/* Write a frame and list it in file_parameters.json. */
static int put(const char *dir, cJSON *params, const pymrio_out *f, clio_error *err)
{
    int status = pymrio_frame_write(dir, f, err);
    if (status == CLIO_OK && pymrio_params_add(params, f) != CLIO_OK)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    return status;
}

/* unit.txt: one unit per row of `rows` (its row labels), pymrio's one
 * column "unit". */
static int put_units(const char *dir, cJSON *params, const pymrio_out *rows, char **units,
                     clio_error *err)
{
    pymrio_out u = *rows;
    u.key = "unit";
    u.file = "unit.txt";
    u.cols = 1;
    u.nh = 1;
    u.col_label = unit_label;
    u.values = NULL;
    u.text = units;
    return put(dir, params, &u, err);
}

static int write_extension(const clio_table *t, const ext_out *e, const char *root,
                           clio_error *err)
{
    static const char *const one_level[] = {"stressor"};
    static const char *const two_levels[] = {"stressor", "compartment"};
    char *dir = pymrio_join(root, e->folder);
    size_t n = t->n, m = e->count;
    double *F = clioi_alloc_matrix(m, n), *FY = clioi_alloc_matrix(m, t->nfd);
    char **units = clioi_calloc_array(m, sizeof *units);
    cJSON *params = pymrio_params_json("Extension", e->folder);
    int status = CLIO_OK;
    if (!dir || !F || !FY || !units || !params) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if (mkdir(dir, 0777) != 0) {
        status = clioi_fail(err, CLIO_EWRITE, "cannot create '%s'", dir);
        goto done;
    }
    for (size_t i = 0; i < m; i++) {
        size_t r = e->rows[i];
        for (size_t j = 0; j < n; j++)
            F[i + j * m] = e->is_va ? t->V[r + j * t->nva] : t->S[r + j * t->nsat];
        for (size_t k = 0; k < t->nfd && !e->is_va; k++)
            FY[i + k * m] = t->SY[r + k * t->nsat];
        const char *u = e->is_va ? t->unit : t->sat_units[r];
        units[i] = (char *)(u ? u : "");
    }
    pymrio_out f = {.key = "F", .file = "F.txt", .rows = m, .cols = n,
                    .nic = e->two_levels ? 2 : 1, .nh = 2,
                    .index_names = e->two_levels ? two_levels : one_level,
                    .column_names = SECTOR_LEVELS, .row_label = ext_label,
                    .col_label = sector_label, .row_ctx = e, .col_ctx = t, .values = F, .ld = m};
    status = put(dir, params, &f, err);
    if (!status && !e->is_va) {
        pymrio_out fy = f;
        fy.key = "F_Y";
        fy.file = "F_Y.txt";
        fy.cols = t->nfd;
        fy.column_names = FD_LEVELS;
        fy.col_label = fd_label;
        fy.values = FY;
        status = put(dir, params, &fy, err);
    }
    if (!status)
        status = put_units(dir, params, &f, units, err);
    if (!status)
        status = pymrio_json_write(dir, "file_parameters.json", params, err);
done:
    free(dir);
    free(F);
    free(FY);
    free(units);
    cJSON_Delete(params);
    return status;
}

static int write_metadata(const clio_table *t, const char *dir, clio_error *err)
{
    cJSON *meta = cJSON_CreateObject();
    int ok = meta && cJSON_AddStringToObject(meta, "description",
                                             t->source ? t->source : "written by clio " CLIO_VERSION) &&
             cJSON_AddStringToObject(meta, "name", t->title ? t->title : "clio table") &&
             cJSON_AddStringToObject(meta, "system", "") &&
             cJSON_AddStringToObject(meta, "version", "") &&
             cJSON_AddArrayToObject(meta, "history");
    int status = ok ? pymrio_json_write(dir, "metadata.json", meta, err)
                    : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    cJSON_Delete(meta);
    return status;
}

static int write_core(const clio_table *t, const char *dir, clio_error *err)
{
    size_t n = t->n;
    char **units = clioi_calloc_array(n, sizeof *units);
    cJSON *params = pymrio_params_json("IOSystem", t->title);
    int status = CLIO_OK;
    if (!units || !params) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    pymrio_out z = {.key = "Z", .file = "Z.txt", .rows = n, .cols = n, .nic = 2, .nh = 2,
                    .index_names = SECTOR_LEVELS, .column_names = SECTOR_LEVELS,
                    .row_label = sector_label, .col_label = sector_label, .row_ctx = t,
                    .col_ctx = t, .values = t->Z, .ld = n};
    status = put(dir, params, &z, err);
    if (!status) {
        pymrio_out y = z;
        y.key = "Y";
        y.file = "Y.txt";
        y.cols = t->nfd;
        y.column_names = FD_LEVELS;
        y.col_label = fd_label;
        y.values = t->Y;
        status = put(dir, params, &y, err);
    }
    if (!status) {
        pymrio_out x = z;
        x.key = "x";
        x.file = "x.txt";
        x.cols = 1;
        x.nh = 1;
        x.col_label = output_label;
        x.values = t->x;
        status = put(dir, params, &x, err);
    }
    if (!status && t->unit && *t->unit) {
        for (size_t i = 0; i < n; i++)
            units[i] = t->unit;
        status = put_units(dir, params, &z, units, err);
    }
    if (!status)
        status = pymrio_json_write(dir, "file_parameters.json", params, err);
    if (!status)
        status = write_metadata(t, dir, err);
done:
    free(units);
    cJSON_Delete(params);
    return status;
}

static int write_dense(const clio_table *t, const char *dir, clio_error *err)
{
    if (!t || !dir || !t->Z)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_write_pymrio: no table (or Z was consumed)");
    for (size_t k = 0; k < t->nfd; k++)
        if (t->fd_region[k] == CLIO_NONE && t->nregions > 1)
            return clioi_fail(err, CLIO_ELABEL,
                              "final-demand column '%s' belongs to no region; pymrio's Y needs "
                              "a region for every column",
                              t->fd_names[k]);
    ext_out *ext = NULL;
    size_t next = 0;
    int status = group_extensions(t, &ext, &next, err);
    if (status)
        return status;
    char *tmp = NULL;
    if (!(status = pymrio_folder_begin(dir, &tmp, err))) {
        status = write_core(t, tmp, err);
        for (size_t k = 0; k < next && !status; k++)
            status = write_extension(t, &ext[k], tmp, err);
        if (!status)
            status = pymrio_folder_commit(tmp, dir, err);
        if (status)
            pymrio_remove_tree(tmp, 1);
    }
    free(tmp);
    ext_free(ext, next);
    return status;
}

int clio_table_write_pymrio(const clio_table *t, const char *dir, clio_error *err)
{
    if (!t)
        return write_dense(t, dir, err);
    clio_table dense; /* pymrio's Z.txt holds every cell: a sparse Z is densified */
    double *owned;
    int status = clioi_table_dense_view(t, &dense, &owned, err);
    if (status == CLIO_OK)
        status = write_dense(&dense, dir, err);
    free(owned);
    return status;
}
