/* pymrio_folder.c -- the pieces the pymrio writer puts together: a frame
 * written the way pandas' to_csv writes a DataFrame with a (multi-)index
 * (so pymrio.load reads it with file_parameters.json's counts), JSON
 * files via cJSON, and a folder that appears whole: written as
 * DIR.tmp.XXXXXX, then renamed over DIR. */
#include "pymrio_write.h"

#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A label as pandas quotes it with sep='\t': quoted when it holds a tab,
 * a quote or a line break. */
static void write_label(FILE *fp, const char *text)
{
    if (!strpbrk(text, "\t\"\r\n")) {
        fputs(text, fp);
        return;
    }
    fputc('"', fp);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            fputc('"', fp);
        fputc(*p, fp);
    }
    fputc('"', fp);
}

int pymrio_frame_write(const char *dir, const pymrio_out *f, clio_error *err)
{
    char *path = pymrio_join(dir, f->file);
    if (!path)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    free(path);
    if (status != CLIO_OK)
        return status;
    FILE *fp = a.fp;
    if (f->nh == 1) {
        /* One header row: the index names, then the column labels. */
        for (size_t l = 0; l < f->nic; l++) {
            write_label(fp, f->index_names[l]);
            fputc('\t', fp);
        }
        for (size_t c = 0; c < f->cols; c++) {
            write_label(fp, f->col_label(f->col_ctx, c, 0));
            fputc(c + 1 < f->cols ? '\t' : '\n', fp);
        }
    } else {
        /* One row per column level (its name first), then the index names. */
        for (size_t l = 0; l < f->nh; l++) {
            write_label(fp, f->column_names[l]);
            for (size_t k = 1; k < f->nic; k++)
                fputc('\t', fp);
            for (size_t c = 0; c < f->cols; c++) {
                fputc('\t', fp);
                write_label(fp, f->col_label(f->col_ctx, c, l));
            }
            fputc('\n', fp);
        }
        for (size_t l = 0; l < f->nic; l++) {
            if (l)
                fputc('\t', fp);
            write_label(fp, f->index_names[l]);
        }
        for (size_t c = 0; c < f->cols; c++)
            fputc('\t', fp);
        fputc('\n', fp);
    }
    for (size_t i = 0; i < f->rows; i++) {
        for (size_t l = 0; l < f->nic; l++) {
            write_label(fp, f->row_label(f->row_ctx, i, l));
            fputc('\t', fp);
        }
        for (size_t c = 0; c < f->cols; c++) {
            if (f->text)
                write_label(fp, f->text[i + c * f->rows]);
            else
                clioi_csv_write_number(fp, f->values[f->row0 + i + c * f->ld]);
            fputc(c + 1 < f->cols ? '\t' : '\n', fp);
        }
    }
    return clioi_atomic_commit(&a, err);
}

int pymrio_json_write(const char *dir, const char *file, cJSON *root, clio_error *err)
{
    char *text = cJSON_Print(root);
    char *path = pymrio_join(dir, file);
    int status = CLIO_OK;
    if (!text || !path) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    } else {
        clioi_atomic a;
        status = clioi_atomic_begin(&a, path, 1, err);
        if (status == CLIO_OK) {
            fputs(text, a.fp);
            fputc('\n', a.fp);
            status = clioi_atomic_commit(&a, err);
        }
    }
    free(text);
    free(path);
    return status;
}

cJSON *pymrio_params_json(const char *systemtype, const char *name)
{
    cJSON *root = cJSON_CreateObject();
    if (!root || !cJSON_AddObjectToObject(root, "files") ||
        !cJSON_AddStringToObject(root, "systemtype", systemtype) ||
        (name && !cJSON_AddStringToObject(root, "name", name))) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

int pymrio_params_add(cJSON *root, const pymrio_out *f)
{
    cJSON *files = cJSON_GetObjectItemCaseSensitive(root, "files");
    cJSON *entry = cJSON_AddObjectToObject(files, f->key);
    char nic[8], nh[8];
    snprintf(nic, sizeof nic, "%zu", f->nic);
    snprintf(nh, sizeof nh, "%zu", f->nh);
    if (!entry || !cJSON_AddStringToObject(entry, "name", f->file) ||
        !cJSON_AddStringToObject(entry, "nr_index_col", nic) ||
        !cJSON_AddStringToObject(entry, "nr_header", nh))
        return CLIO_ENOMEM;
    return CLIO_OK;
}

/* Remove a folder clio wrote: its files and one level of sub-folders
 * (the extensions).  Best effort: used to clean up. */
void pymrio_remove_tree(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *ent;
        while ((ent = readdir(d)) != NULL) {
            if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0)
                continue;
            char *p = pymrio_join(dir, ent->d_name);
            if (!p)
                continue;
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
                if (depth > 0)
                    pymrio_remove_tree(p, depth - 1);
            } else {
                unlink(p);
            }
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

int pymrio_folder_begin(const char *dir, char **tmp, clio_error *err)
{
    size_t len = strlen(dir) + 16;
    *tmp = malloc(len);
    if (!*tmp)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    /* Strip trailing slashes so the temporary folder sits beside DIR. */
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    snprintf(*tmp, len, "%.*s.tmp.XXXXXX", (int)n, dir);
    if (!mkdtemp(*tmp)) {
        int e = errno;
        free(*tmp);
        *tmp = NULL;
        return clioi_fail(err, CLIO_EWRITE, "cannot write '%s': %s", dir, strerror(e));
    }
    mode_t mask = umask(0); /* mkdtemp makes 0700; give what mkdir would */
    umask(mask);
    (void)chmod(*tmp, 0777 & ~mask);
    return CLIO_OK;
}

static int is_empty_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *ent;
    int empty = 1;
    while (empty && (ent = readdir(d)) != NULL)
        empty = strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0;
    closedir(d);
    return empty;
}

int pymrio_folder_commit(const char *tmp, const char *dir, clio_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (rename(tmp, dir) == 0)
            return CLIO_OK;
        return clioi_fail(err, CLIO_EWRITE, "cannot write '%s': %s", dir, strerror(errno));
    }
    if (!S_ISDIR(st.st_mode) || !(clio_is_pymrio_folder(dir) || is_empty_dir(dir)))
        return clioi_fail(err, CLIO_EWRITE,
                          "cannot write '%s': it exists and is not a pymrio folder (clio "
                          "replaces only a pymrio folder or an empty one)",
                          dir);
    /* Move the old folder aside (rename onto an empty directory is
     * allowed), put the new one in place, then remove the old one. */
    size_t len = strlen(dir) + 16;
    char *old = malloc(len);
    if (!old)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    snprintf(old, len, "%s.old.XXXXXX", dir);
    int status = CLIO_OK;
    if (!mkdtemp(old) || rename(dir, old) != 0) {
        status = clioi_fail(err, CLIO_EWRITE, "cannot replace '%s': %s", dir, strerror(errno));
        rmdir(old);
    } else if (rename(tmp, dir) != 0) {
        status = clioi_fail(err, CLIO_EWRITE, "cannot replace '%s': %s", dir, strerror(errno));
        (void)rename(old, dir);
    } else {
        pymrio_remove_tree(old, 1);
    }
    free(old);
    return status;
}
