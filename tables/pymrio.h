/*
 * pymrio.h -- internals of the pymrio text-folder reader and writer
 * (tables/pymrio_*.c).  Not installed.
 *
 * A pymrio folder (what pymrio's IOSystem.save_all writes): a root with
 * file_parameters.json naming the tab-separated tables (Z.txt, Y.txt,
 * x.txt, unit.txt, ...), one sub-folder per extension with its own
 * file_parameters.json (F.txt, F_Y.txt, unit.txt).  docs/formats.md.
 */
#ifndef CLIO_TABLES_PYMRIO_H
#define CLIO_TABLES_PYMRIO_H

#include "clioi.h"

/* One entry of file_parameters.json's "files": key -> file name and the
 * number of index columns and header rows pandas needs to read it. */
typedef struct pymrio_file {
    char *key;  /* "Z", "Y", "F", ... */
    char *name; /* file name, relative to the folder */
    size_t nr_index_col, nr_header;
} pymrio_file;

typedef struct pymrio_params {
    char *path;       /* of the JSON file, for messages */
    char *systemtype; /* "IOSystem" or "Extension" */
    char *name;       /* may be NULL */
    size_t nfiles;
    pymrio_file *files;
} pymrio_params;

/* pymrio_params_read -- parse DIR/file_parameters.json.  CLIO_EIO when it
 * cannot be read, CLIO_EFORMAT (naming the file and the entry) when it is
 * not JSON or an entry lacks name, nr_index_col or nr_header. */
int pymrio_params_read(const char *dir, pymrio_params **out, clio_error *err);
void pymrio_params_free(pymrio_params *p);
/* pymrio_params_find -- the entry for key, or NULL. */
const pymrio_file *pymrio_params_find(const pymrio_params *p, const char *key);

/* A pandas frame as pymrio saves it: nr_header header rows (column labels,
 * one level per row), then -- when there are several header rows -- a row
 * naming the index levels, then data rows of nr_index_col labels and
 * numbers.  Labels of a row (or column) with several levels are joined by
 * '|' ("reg1|food"). */
typedef struct pymrio_frame {
    char *path;
    size_t rows, cols;
    size_t nr_index_col, nr_header;
    char **row_keys;   /* rows: levels joined by '|' */
    size_t *row_lines; /* rows: line numbers, for messages */
    char **col_keys;   /* cols */
    size_t header_line; /* line of the first header row */
    double *values;    /* rows x cols, column-major; NULL for text frames */
    char **text;       /* rows x cols text (unit.txt), else NULL */
} pymrio_frame;

/* pymrio_frame_read -- read DIR/f->name; numbers must be finite (or, with
 * as_text, keep the fields as text).  CLIO_EFORMAT/EVALUE with file:line. */
int pymrio_frame_read(const char *dir, const pymrio_file *f, int as_text, pymrio_frame **out,
                      clio_error *err);
void pymrio_frame_free(pymrio_frame *m);

/* pymrio_keys_match -- the keys must be `expected`, in order; CLIO_EDIM
 * for a count mismatch, CLIO_ELABEL with file:line for the first key that
 * differs.  `what` says which labels ("row", "column"). */
int pymrio_keys_match(const pymrio_frame *m, int rows, char *const *expected, size_t n,
                      const char *expected_from, clio_error *err);

/* pymrio_join -- "dir/name", malloc'ed (NULL when out of memory). */
char *pymrio_join(const char *dir, const char *name);

#endif
