/* pymrio_read.c -- read a pymrio text folder (IOSystem.save_all) into a
 * clio table: Z, Y, x and unit from the root folder; each extension
 * sub-folder's F rows become satellites named "extension:stressor" (or
 * "extension:stressor|compartment"), its F_Y rows their SY, its unit.txt
 * their units.  One extension may be taken as value added (V rows)
 * instead.  Tables pymrio derives (A, L, S, M, D_cba, ...) are ignored;
 * any other table is an error, so nothing is dropped unnoticed. */
#include "pymrio.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* What a folder's tables are to clio. */
enum { KEY_UNKNOWN, KEY_READ, KEY_IGNORED };

static int core_key(const char *key)
{
    static const char *const read[] = {"Z", "Y", "x", "unit", NULL};
    static const char *const ignored[] = {"A", "L", "G", "B", "As", "population", NULL};
    for (size_t i = 0; read[i]; i++)
        if (strcmp(key, read[i]) == 0)
            return KEY_READ;
    for (size_t i = 0; ignored[i]; i++)
        if (strcmp(key, ignored[i]) == 0)
            return KEY_IGNORED;
    return KEY_UNKNOWN;
}

static int extension_key(const char *key)
{
    static const char *const read[] = {"F", "F_Y", "FY", "unit", NULL};
    static const char *const ignored[] = {"S", "S_Y", "SY", "M", "M_down", NULL};
    for (size_t i = 0; read[i]; i++)
        if (strcmp(key, read[i]) == 0)
            return KEY_READ;
    for (size_t i = 0; ignored[i]; i++)
        if (strcmp(key, ignored[i]) == 0)
            return KEY_IGNORED;
    return strncmp(key, "D_", 2) == 0 ? KEY_IGNORED : KEY_UNKNOWN; /* D_cba, D_pba_reg, ... */
}

static int check_keys(const pymrio_params *p, int (*classify)(const char *), const char *known,
                      clio_error *err)
{
    for (size_t i = 0; i < p->nfiles; i++)
        if (classify(p->files[i].key) == KEY_UNKNOWN)
            return clioi_fail(err, CLIO_EFORMAT,
                              "%s: unknown table '%s' (file %s); clio reads %s and ignores "
                              "what pymrio derives from them",
                              p->path, p->files[i].key, p->files[i].name, known);
    return CLIO_OK;
}

/* A table named in file_parameters.json: read it, or NULL when absent and
 * optional. */
static int read_frame(const char *dir, const pymrio_params *p, const char *key, int required,
                      int as_text, pymrio_frame **out, clio_error *err)
{
    *out = NULL;
    const pymrio_file *f = pymrio_params_find(p, key);
    if (!f)
        return required ? clioi_fail(err, CLIO_EFORMAT, "%s: no entry for table '%s'", p->path,
                                     key)
                        : CLIO_OK;
    int status = pymrio_frame_read(dir, f, as_text, out, err);
    if (status == CLIO_OK && (*out)->rows == 0)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: table '%s' has no data rows", (*out)->path,
                            key);
    if (status == CLIO_OK && as_text && (*out)->cols != 1)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: %zu columns; a unit table has one",
                            (*out)->path, (*out)->cols);
    if (status != CLIO_OK) {
        pymrio_frame_free(*out);
        *out = NULL;
    }
    return status;
}

/* One extension sub-folder. */
typedef struct extension {
    char *folder; /* sub-folder name: the satellites' prefix */
    pymrio_frame *F, *FY, *unit;
} extension;

static void extension_clear(extension *e)
{
    free(e->folder);
    pymrio_frame_free(e->F);
    pymrio_frame_free(e->FY);
    pymrio_frame_free(e->unit);
    memset(e, 0, sizeof *e);
}

static int read_extension(const char *dir, const pymrio_frame *Z, const pymrio_frame *Y,
                          extension *e, clio_error *err)
{
    pymrio_params *p;
    int status = pymrio_params_read(dir, &p, err);
    if (status != CLIO_OK)
        return status;
    if (strcmp(p->systemtype, "Extension") != 0)
        status = clioi_fail(err, CLIO_EFORMAT, "%s: systemtype '%s' in an extension folder "
                                               "(want \"Extension\")",
                            p->path, p->systemtype);
    if (!status)
        status = check_keys(p, extension_key, "F, F_Y (or FY) and unit", err);
    if (!status)
        status = read_frame(dir, p, "F", 1, 0, &e->F, err);
    if (!status)
        status = pymrio_keys_match(e->F, 0, Z->row_keys, Z->rows, "Z's rows", err);
    if (!status && pymrio_params_find(p, "F_Y"))
        status = read_frame(dir, p, "F_Y", 1, 0, &e->FY, err);
    else if (!status)
        status = read_frame(dir, p, "FY", 0, 0, &e->FY, err);
    if (!status && e->FY) {
        status = pymrio_keys_match(e->FY, 1, e->F->row_keys, e->F->rows, "F's rows", err);
        if (!status)
            status = pymrio_keys_match(e->FY, 0, Y->col_keys, Y->cols, "Y's columns", err);
    }
    if (!status)
        status = read_frame(dir, p, "unit", 0, 1, &e->unit, err);
    if (!status && e->unit)
        status = pymrio_keys_match(e->unit, 1, e->F->row_keys, e->F->rows, "F's rows", err);
    pymrio_params_free(p);
    return status;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sub-folders holding a file_parameters.json, sorted by name (the order
 * of directory entries is arbitrary; the table's must not be). */
static int list_extensions(const char *dir, char ***out, size_t *count, clio_error *err)
{
    *out = NULL;
    *count = 0;
    DIR *d = opendir(dir);
    if (!d)
        return clioi_fail(err, CLIO_EIO, "%s: %s", dir, strerror(errno));
    char **names = NULL;
    size_t n = 0, cap = 0;
    int status = CLIO_OK;
    struct dirent *ent;
    while ((ent = readdir(d)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        char *sub = pymrio_join(dir, ent->d_name);
        char *params = sub ? pymrio_join(sub, "file_parameters.json") : NULL;
        struct stat st;
        int is_ext = params && stat(sub, &st) == 0 && S_ISDIR(st.st_mode) &&
                     stat(params, &st) == 0;
        free(sub);
        free(params);
        if (!is_ext)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 8;
            char **bigger = realloc(names, cap * sizeof *names);
            if (!bigger) {
                status = CLIO_ENOMEM;
                break;
            }
            names = bigger;
        }
        if (!(names[n] = clioi_strdup(ent->d_name))) {
            status = CLIO_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (status != CLIO_OK) {
        clioi_free_labels(names, n);
        return clioi_fail(err, status, "%s: out of memory", dir);
    }
    if (n)
        qsort(names, n, sizeof *names, by_name);
    *out = names;
    *count = n;
    return CLIO_OK;
}

/* The monetary unit: every row of unit.txt must name the same one. */
static int core_unit(clio_table *t, const pymrio_frame *unit, const pymrio_frame *Z,
                     clio_error *err)
{
    int status = pymrio_keys_match(unit, 1, Z->row_keys, Z->rows, "Z's rows", err);
    if (status != CLIO_OK)
        return status;
    for (size_t i = 1; i < unit->rows; i++)
        if (strcmp(unit->text[i], unit->text[0]) != 0)
            return clioi_fail(err, CLIO_EFORMAT,
                              "%s:%zu: unit '%s' differs from '%s' of the first row (clio "
                              "tables have one monetary unit)",
                              unit->path, unit->row_lines[i], unit->text[i], unit->text[0]);
    t->unit = clioi_strdup(unit->text[0]);
    return t->unit ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
}

static int set_final_demand(clio_table *t, const pymrio_frame *Y, clio_error *err)
{
    for (size_t k = 0; k < t->nfd; k++) {
        char *region, *name;
        if (clioi_split_key(Y->col_keys[k], &region, &name) != CLIO_OK)
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        t->fd_names[k] = name;
        if (!region)
            return clioi_fail(err, CLIO_ELABEL,
                              "%s:%zu: final-demand column '%s' has no region level", Y->path,
                              Y->header_line, Y->col_keys[k]);
        t->fd_region[k] = clioi_find_label(t->regions, t->nregions, region);
        free(region);
        if (t->fd_region[k] == CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL,
                              "%s:%zu: final-demand column '%s' names a region that is not "
                              "in Z",
                              Y->path, Y->header_line, Y->col_keys[k]);
    }
    int status = clioi_check_unique(Y->col_keys, t->nfd, "final-demand", err);
    return status ? clioi_fail(err, status, "%s: %s", Y->path, err ? err->message : "") : CLIO_OK;
}

/* Rows of extension e into V (as_va) or into satellites from row `first`. */
static int place_extension(clio_table *t, const extension *e, int as_va, size_t first,
                           clio_error *err)
{
    const pymrio_frame *F = e->F;
    for (size_t r = 0; r < F->rows; r++) {
        char *name;
        if (as_va) {
            name = clioi_strdup(F->row_keys[r]);
        } else {
            size_t len = strlen(e->folder) + strlen(F->row_keys[r]) + 2;
            if ((name = malloc(len)) != NULL)
                snprintf(name, len, "%s:%s", e->folder, F->row_keys[r]);
        }
        const char *unit = e->unit ? e->unit->text[r] : "";
        char *unit_copy = as_va ? NULL : clioi_strdup(unit);
        if (!name || (!as_va && !unit_copy)) {
            free(name);
            free(unit_copy);
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        }
        size_t k = as_va ? r : first + r;
        double *dst = as_va ? t->V : t->S;
        size_t ld = as_va ? t->nva : t->nsat;
        for (size_t j = 0; j < t->n; j++)
            dst[k + j * ld] = F->values[r + j * F->rows];
        if (as_va) {
            t->va_names[k] = name;
            continue;
        }
        t->sat_names[k] = name;
        t->sat_units[k] = unit_copy;
        if (e->FY)
            for (size_t c = 0; c < t->nfd; c++)
                t->SY[k + c * t->nsat] = e->FY->values[r + c * e->FY->rows];
    }
    return CLIO_OK;
}

static int build_table(const pymrio_frame *Z, const pymrio_frame *Y, const pymrio_frame *X,
                       const pymrio_frame *unit, const extension *ext, size_t next,
                       size_t va_ext, clio_table **out, clio_error *err)
{
    size_t n = Z->rows, nva = 0, nsat = 0;
    for (size_t e = 0; e < next; e++)
        *(e == va_ext ? &nva : &nsat) += ext[e].F->rows;
    clio_table *t = clio_table_alloc(1, n, Y->cols, nva, nsat);
    if (!t)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory for a table of %zu sectors", n);
    int status = clioi_table_set_sectors_from_keys(t, Z->row_keys, Z->path, "R1", err);
    if (!status)
        status = set_final_demand(t, Y, err);
    if (!status && unit)
        status = core_unit(t, unit, Z, err);
    if (status) {
        clio_table_free(t);
        return status;
    }
    memcpy(t->Z, Z->values, n * n * sizeof(double));
    memcpy(t->Y, Y->values, n * t->nfd * sizeof(double));
    for (size_t i = 0; i < n; i++) {
        if (X) {
            t->x[i] = X->values[i];
            continue;
        }
        double s = 0; /* pymrio's calc_x: x = Z 1 + Y 1 */
        for (size_t j = 0; j < n; j++)
            s += t->Z[i + j * n];
        for (size_t k = 0; k < t->nfd; k++)
            s += t->Y[i + k * n];
        t->x[i] = s;
    }
    size_t first = 0;
    for (size_t e = 0; e < next && !status; e++) {
        status = place_extension(t, &ext[e], e == va_ext, first, err);
        if (e != va_ext)
            first += ext[e].F->rows;
    }
    if (!status)
        status = clioi_check_unique(t->sat_names, t->nsat, "satellite", err);
    if (!status)
        status = clioi_check_unique(t->va_names, t->nva, "value-added", err);
    if (status) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}

int clio_table_read_pymrio(const char *dir, const clio_pymrio_options *opts, clio_table **out,
                           clio_error *err)
{
    *out = NULL;
    if (!dir)
        return clioi_fail(err, CLIO_EINVAL, "clio_table_read_pymrio: no folder");
    const char *va_name = opts ? opts->value_added : NULL;
    pymrio_params *p = NULL;
    pymrio_frame *Z = NULL, *Y = NULL, *X = NULL, *unit = NULL;
    char **subs = NULL;
    size_t nsubs = 0, va_ext = CLIO_NONE;
    extension *ext = NULL;
    int status = pymrio_params_read(dir, &p, err);
    if (status)
        goto done;
    if (strcmp(p->systemtype, "IOSystem") != 0) {
        status = clioi_fail(err, CLIO_EFORMAT,
                            "%s: systemtype '%s': not the root of a pymrio IOSystem folder",
                            p->path, p->systemtype);
        goto done;
    }
    if ((status = check_keys(p, core_key, "Z, Y, x and unit", err)) ||
        (status = read_frame(dir, p, "Z", 1, 0, &Z, err)) ||
        (status = pymrio_keys_match(Z, 0, Z->row_keys, Z->rows, "Z's rows", err)) ||
        (status = read_frame(dir, p, "Y", 1, 0, &Y, err)) ||
        (status = pymrio_keys_match(Y, 1, Z->row_keys, Z->rows, "Z's rows", err)) ||
        (status = read_frame(dir, p, "x", 0, 0, &X, err)) ||
        (status = read_frame(dir, p, "unit", 0, 1, &unit, err)))
        goto done;
    if (X && (status = pymrio_keys_match(X, 1, Z->row_keys, Z->rows, "Z's rows", err)))
        goto done;
    if (X && X->cols != 1) {
        status = clioi_fail(err, CLIO_EDIM, "%s: %zu columns; x has one (total output)",
                            X->path, X->cols);
        goto done;
    }
    if ((status = list_extensions(dir, &subs, &nsubs, err)))
        goto done;
    if (!(ext = clioi_calloc_array(nsubs, sizeof *ext))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t e = 0; e < nsubs && !status; e++) {
        char *sub = pymrio_join(dir, subs[e]);
        ext[e].folder = clioi_strdup(subs[e]);
        status = sub && ext[e].folder ? read_extension(sub, Z, Y, &ext[e], err)
                                      : clioi_fail(err, CLIO_ENOMEM, "out of memory");
        free(sub);
        if (!status && va_name && strcmp(subs[e], va_name) == 0)
            va_ext = e;
    }
    if (!status && va_name && va_ext == CLIO_NONE)
        status = clioi_fail(err, CLIO_ELABEL,
                            "%s: no extension folder '%s' to read as value added", dir, va_name);
    if (!status)
        status = build_table(Z, Y, X, unit, ext, nsubs, va_ext, out, err);
done:
    for (size_t e = 0; ext && e < nsubs; e++)
        extension_clear(&ext[e]);
    free(ext);
    clioi_free_labels(subs, nsubs);
    pymrio_frame_free(Z);
    pymrio_frame_free(Y);
    pymrio_frame_free(X);
    pymrio_frame_free(unit);
    pymrio_params_free(p);
    return status;
}

int clio_is_pymrio_folder(const char *path)
{
    char *params = pymrio_join(path, "file_parameters.json");
    struct stat st;
    int yes = params && stat(params, &st) == 0 && S_ISREG(st.st_mode);
    free(params);
    return yes;
}
