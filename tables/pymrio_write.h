/* pymrio_write.h -- internals of the pymrio folder writer
 * (tables/pymrio_folder.c, tables/pymrio_write.c).  Not installed. */
#ifndef CLIO_TABLES_PYMRIO_WRITE_H
#define CLIO_TABLES_PYMRIO_WRITE_H

#include "pymrio.h"

struct cJSON;

/* One frame to write: rows x cols numbers (values[row0 + i + c*ld]) or
 * text (text[i + c*rows]), with nic index levels and nh column levels;
 * labels come from the callbacks (row_label gets row_ctx, col_label
 * col_ctx). */
typedef struct pymrio_out {
    const char *key, *file; /* "Z", "Z.txt" */
    size_t rows, cols, nic, nh;
    const char *const *index_names;  /* nic names: "region", "sector" */
    const char *const *column_names; /* nh names (only used when nh > 1) */
    const char *(*row_label)(const void *ctx, size_t i, size_t level);
    const char *(*col_label)(const void *ctx, size_t c, size_t level);
    const void *row_ctx, *col_ctx;
    const double *values;
    size_t row0, ld;
    char *const *text;
} pymrio_out;

int pymrio_frame_write(const char *dir, const pymrio_out *f, clio_error *err);
/* file_parameters.json's skeleton, and one "files" entry for f. */
struct cJSON *pymrio_params_json(const char *systemtype, const char *name);
int pymrio_params_add(struct cJSON *root, const pymrio_out *f);
int pymrio_json_write(const char *dir, const char *file, struct cJSON *root, clio_error *err);

/* The folder as a whole: begin makes DIR.tmp.XXXXXX (*tmp, malloc'ed);
 * commit renames it to DIR (replacing a pymrio or empty folder); on error
 * the caller removes *tmp with pymrio_remove_tree(tmp, 1). */
int pymrio_folder_begin(const char *dir, char **tmp, clio_error *err);
int pymrio_folder_commit(const char *tmp, const char *dir, clio_error *err);
void pymrio_remove_tree(const char *dir, int depth);

#endif
