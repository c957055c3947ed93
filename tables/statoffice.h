/* statoffice.h -- internals of the statistical-office import
 * (clio_table_read_statoffice), shared by its three files only:
 *
 *   statoffice_spec.c   the YAML import spec: its types, parsing, checks
 *   statoffice.c        the spec's labels located in the CSV, and the entry point
 *   statoffice_build.c  the clio_table built from the located rows and columns
 *
 * Not installed; everything here is prefixed clioi_statoffice_ / CLIOI_.
 * libyaml stays inside statoffice_spec.c (and yaml_load.c, which loads the
 * file for it and for scenario files): the spec holds its document
 * through an incomplete type. */
#ifndef CLIOI_STATOFFICE_H
#define CLIOI_STATOFFICE_H

#include "clioi.h"

/* ------------------------------------------------------------------ */
/* The parsed spec (docs/import-spec.md)                               */
/* ------------------------------------------------------------------ */

/* A row or column label as written in the spec, with its YAML line. */
typedef struct clioi_statoffice_label {
    const char *text; /* NULL when absent */
    size_t line;
} clioi_statoffice_label;

/* One item of a list: a label, optionally renamed (and with a unit). */
typedef struct clioi_statoffice_item {
    clioi_statoffice_label label;
    const char *name; /* NULL: the CSV label is the name */
    const char *unit; /* satellites only */
} clioi_statoffice_item;

/* A selection of rows or columns: a list of items or a contiguous range
 * {first, count} / {first, last}. */
typedef struct clioi_statoffice_sel {
    const char *what; /* its YAML path, for messages: "sectors.rows" */
    const char *role; /* its part of the table, for messages: "value_added" */
    int present;
    size_t line;
    clioi_statoffice_item *items; /* a list */
    size_t nitems;
    int is_range;
    clioi_statoffice_label first, last; /* last.text NULL when count is given */
    size_t count;
} clioi_statoffice_sel;

/* Where sector names come from (sectors.names). */
enum clioi_names_from { CLIOI_NAMES_ROWS, CLIOI_NAMES_COLUMNS, CLIOI_NAMES_LIST };

struct yaml_document_s;

/* The texts point into the loaded YAML document, which lives until
 * clioi_statoffice_spec_free. */
typedef struct clioi_statoffice_spec {
    const char *path;
    clio_error *err;
    struct yaml_document_s *doc; /* NULL until loaded */

    const char *title, *region, *unit;
    double scale;
    size_t header_line;                  /* 0: the first CSV row */
    clioi_statoffice_label label_column; /* text NULL: the first column */
    size_t label_column_number;          /* 1-based; 0 when given by label */
    clioi_statoffice_sel sector_rows, sector_cols, fd_cols, va_rows, sats;
    int sector_names_from;             /* enum clioi_names_from */
    clioi_statoffice_sel sector_names; /* CLIOI_NAMES_LIST: one name per sector */
    clioi_statoffice_label output_row, output_col;
} clioi_statoffice_spec;

/* clioi_statoffice_spec_read -- load the YAML spec at path and check it
 * (CLIO_EIO, CLIO_EFORMAT with "path:LINE: ", CLIO_ENOMEM).  Call
 * clioi_statoffice_spec_free afterwards whatever it returned. */
int clioi_statoffice_spec_read(clioi_statoffice_spec *s, const char *path, clio_error *err);
void clioi_statoffice_spec_free(clioi_statoffice_spec *s);

/* ------------------------------------------------------------------ */
/* The spec's labels located in the CSV                                */
/* ------------------------------------------------------------------ */

typedef struct clioi_statoffice_layout {
    const clioi_csv *csv;
    const clioi_statoffice_spec *s;
    clio_error *err;
    size_t header;         /* index of the header row in csv->rows */
    size_t label_col;      /* field index of the label column */
    const char **row_role; /* per CSV row: the part that selected it */
    const char **col_role; /* per header field */
} clioi_statoffice_layout;

/* Selected rows or columns, in spec order. */
typedef struct clioi_statoffice_picks {
    size_t count;
    size_t *at;        /* CSV row indices, or field indices */
    const char **name; /* the name in the table: the rename, or the CSV label */
    const char **unit; /* satellites; NULL entries elsewhere */
} clioi_statoffice_picks;

typedef struct clioi_statoffice_selection {
    clioi_statoffice_picks sec_rows, sec_cols, fd, va, sats, out;
    int out_is_row;                   /* out holds one row (x over sector columns), else columns */
    clioi_statoffice_picks sec_names; /* the sector names, `at` the row or column they came from */
    int names_is_row;                 /* sec_names.at indexes rows (for messages) */
} clioi_statoffice_selection;

/* clioi_statoffice_field -- field `col` of `row`, or "" past its end. */
const char *clioi_statoffice_field(const clioi_csv_row *row, size_t col);

/* clioi_statoffice_build -- the table (one region) holding the selected
 * rows and columns: names checked and set, numbers scaled, metadata from
 * the spec.  Nothing is stored in *out on failure. */
int clioi_statoffice_build(const clioi_statoffice_layout *l, const clioi_statoffice_selection *sel,
                           clio_table **out);

#endif
