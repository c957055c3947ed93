/*
 * clioi.h -- internals shared between libclio's source files.  Not
 * installed, not part of the API: everything here is prefixed clioi_.
 */
#ifndef CLIOI_H
#define CLIOI_H

#include "clio.h"

#include <stdarg.h>

#if defined(__GNUC__)
#define CLIOI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define CLIOI_PRINTF(fmt, args)
#endif

/* clioi_fail -- record status and a formatted message in err (if any) and
 * return status, so call sites read `return clioi_fail(err, CLIO_EIO, ...)`. */
int clioi_fail(clio_error *err, int status, const char *fmt, ...) CLIOI_PRINTF(3, 4);

/* clioi_report_add -- append a finding to a validation report (counts
 * errors and warnings; a finding that cannot be stored still counts). */
void clioi_report_add(clio_report *r, int severity, int status, const char *fmt, ...)
    CLIOI_PRINTF(4, 5);

/* clioi_progress -- report `done` (0 .. 1) of a long task to the function
 * set with clio_progress_set, if any (tables/progress.c). */
void clioi_progress(const char *task, double done);
/* clioi_progress_wanted -- whether anyone listens (skip building texts). */
int clioi_progress_wanted(void);
/* The default triple-bottom-line rules (solver/tbl_accounts.c), shared by
 * clio tbl and the shared-value scorecard so both classify alike:
 * clioi_is_value_added -- whether V row `name` is value added (not imports,
 * taxes on products or margins); clioi_satellite_domain -- satellite k's
 * enum clio_domain (social: people, jobs, hours, income; economic: in the
 * table's money unit; environmental: the rest). */
int clioi_is_value_added(const char *name);
/* clioi_mentions_any -- whether text (may be NULL) contains one of the
 * lower-case words (NULL-terminated), ignoring case. */
int clioi_mentions_any(const char *text, const char *const *words);
int clioi_satellite_domain(const clio_table *t, size_t k);

/* clioi_strdup -- strdup that accepts NULL (returns NULL). */
char *clioi_strdup(const char *s);
/* clioi_ends_with -- whether s ends with suffix. */
int clioi_ends_with(const char *s, const char *suffix);
/* clioi_parse_double -- parse a whole field as a finite or non-finite
 * double; 0 on success, -1 when the text is not a number.  Empty text is
 * not a number. Leading/trailing blanks are allowed. */
int clioi_parse_double(const char *text, double *value);
/* clioi_calloc_array -- calloc(n, size) with n == 0 giving a valid pointer. */
void *clioi_calloc_array(size_t n, size_t size);
/* clioi_madvise_huge -- ask for transparent huge pages on a large buffer. */
void clioi_madvise_huge(void *p, size_t bytes);
/* clioi_alloc_matrix -- zeroed rows*cols doubles (huge pages when large). */
double *clioi_alloc_matrix(size_t rows, size_t cols);

/* clioi_yaml_load -- parse the YAML file at path into a new libyaml
 * document (*out; free with yaml_document_delete and free).  `what` names
 * the file in messages ("import spec").  CLIO_EIO when it cannot be read,
 * CLIO_EFORMAT with the line of a syntax error. */
struct yaml_document_s;
int clioi_yaml_load(const char *path, const char *what, struct yaml_document_s **out,
                    clio_error *err);

/* ------------------------------------------------------------------ */
/* Atomic output files: write a temporary file beside the target, fsync,
 * rename over the target.  A failure removes the temporary file.      */
/* ------------------------------------------------------------------ */
typedef struct clioi_atomic {
    char *path;     /* the target */
    char *tmp_path; /* the temporary file in the same directory */
    FILE *fp;       /* open for writing on tmp_path (NULL for NetCDF users) */
} clioi_atomic;

/* clioi_atomic_begin -- create the temporary file; with open_stream, also
 * an stdio stream on it.  NetCDF writers pass open_stream = 0 and create
 * tmp_path themselves. */
int clioi_atomic_begin(clioi_atomic *a, const char *path, int open_stream, clio_error *err);
/* clioi_atomic_commit -- flush, fsync, close and rename into place. */
int clioi_atomic_commit(clioi_atomic *a, clio_error *err);
/* clioi_atomic_abort -- close and remove the temporary file. */
void clioi_atomic_abort(clioi_atomic *a);

/* ------------------------------------------------------------------ */
/* CSV grids: a whole CSV file as rows of text fields (libcsv parses). */
/* ------------------------------------------------------------------ */
typedef struct clioi_csv_row {
    size_t line;    /* 1-based line number where the row starts */
    size_t nfields;
    char **fields;
} clioi_csv_row;

typedef struct clioi_csv {
    char *path;
    size_t nrows;
    clioi_csv_row *rows;
} clioi_csv;

/* clioi_csv_read -- parse a comma- or tab-separated file (detected from the
 * first line).  Blank lines are skipped; a UTF-8 byte-order mark is
 * removed.  CLIO_EIO when the file cannot be read, CLIO_EFORMAT (with line)
 * on malformed quoting. */
int clioi_csv_read(const char *path, clioi_csv **out, clio_error *err);
void clioi_csv_free(clioi_csv *csv);

/* clioi_csv_row_fn -- called by clioi_csv_stream with each row in file
 * order; the row's fields live only until the call returns (copy what is
 * kept).  fraction: the share of the file read so far (0 when its size is
 * unknown, e.g. a pipe).  A status other than CLIO_OK (with err set) stops
 * the reading and is returned by clioi_csv_stream. */
typedef int (*clioi_csv_row_fn)(void *ctx, const clioi_csv_row *row, double fraction,
                                clio_error *err);
/* clioi_csv_stream -- clioi_csv_read's parser and checks (UTF-8, NUL bytes,
 * quoting), without keeping the rows: memory is one row.  Errors are
 * reported as they are met, so a bad row is reported before a later
 * malformed line. */
int clioi_csv_stream(const char *path, clioi_csv_row_fn on_row, void *ctx, clio_error *err);

/* clioi_csv_number -- parse field `col` of `row` as a finite number, or
 * fail with CLIO_EFORMAT / CLIO_EVALUE naming file, line and column label. */
int clioi_csv_number(const clioi_csv *csv, const clioi_csv_row *row, size_t col,
                     const char *column_label, double *value, clio_error *err);

/* clioi_csv_write_field -- write one field with RFC 4180 quoting when it
 * needs it. */
void clioi_csv_write_field(FILE *fp, const char *text);
/* clioi_csv_write_number -- text that reads back to exactly the same
 * double (15 significant digits when enough, else 17); empty for NaN. */
void clioi_csv_write_number(FILE *fp, double value);

/* clioi_csv_column -- index of the header field equal to name, or
 * CLIO_NONE. */
size_t clioi_csv_column(const clioi_csv_row *header, const char *name);
/* clioi_csv_need_column -- the same for a column that must be there:
 * CLIO_EFORMAT "FILE:LINE: no column 'NAME' in the header" otherwise. */
int clioi_csv_need_column(const clioi_csv *csv, const char *name, size_t *col, clio_error *err);
/* clioi_csv_check_width -- CLIO_EFORMAT "FILE:LINE: N fields, but the header
 * has M" when a data row is not as wide as the header (row 0). */
int clioi_csv_check_width(const clioi_csv *csv, const clioi_csv_row *row, clio_error *err);

/* Keyed CSVs (tables/keyed_csv.c): rows keyed by columns 'sector' and
 * 'region' of a table (region optional for one-region tables), in any
 * order, by header name -- demand, cost-change and group files. */
typedef struct clioi_keyed_columns {
    size_t region; /* CLIO_NONE when the file has no 'region' column */
    size_t sector;
} clioi_keyed_columns;

/* clioi_keyed_csv_header -- check the header (row 0) of csv: 'sector',
 * 'region' when t has several regions, and every name of required (NULL-
 * terminated).  Key columns go to key; the columns of required, then of
 * optional (NULL-terminated, or NULL; CLIO_NONE when absent) to cols.
 * CLIO_EFORMAT (with file:line) for an empty file or a missing column. */
int clioi_keyed_csv_header(const clioi_csv *csv, const clio_table *t,
                           const char *const *required, const char *const *optional,
                           clioi_keyed_columns *key, size_t *cols, clio_error *err);
/* clioi_keyed_csv_row -- data row r (>= 1) of csv: CLIO_EFORMAT when its
 * field count differs from the header's, CLIO_ELABEL for an unknown region
 * or sector (messages with file:line); else the sector's index in t. */
int clioi_keyed_csv_row(const clioi_csv *csv, size_t r, const clio_table *t,
                        const clioi_keyed_columns *key, size_t *sector, clio_error *err);

/* A labelled matrix CSV: first row = column keys, first column = row keys
 * (optionally a second column "unit"), numbers elsewhere. */
typedef struct clioi_lmatrix {
    char *path;
    char *corner;      /* the header's first field */
    size_t rows, cols;
    char **row_keys;   /* rows */
    size_t *row_lines; /* rows: line numbers, for messages */
    char **col_keys;   /* cols */
    char **units;      /* rows, or NULL when there is no unit column */
    double *values;    /* rows x cols, column-major */
} clioi_lmatrix;

/* clioi_lmatrix_read -- read and check shape (every row as long as the
 * header) and numbers (finite).  With allow_units, a second header field
 * "unit" marks a column of unit strings. */
int clioi_lmatrix_read(const char *path, int allow_units, clioi_lmatrix **out, clio_error *err);
void clioi_lmatrix_free(clioi_lmatrix *m);

/* ------------------------------------------------------------------ */
/* Labels.                                                            */
/* ------------------------------------------------------------------ */
/* clioi_split_key -- split "region|sector" at the first '|'; region is
 * NULL when there is no '|'.  Returns malloc'ed copies. */
int clioi_split_key(const char *key, char **region, char **name);
/* clioi_join_key -- the inverse: "region|name", or name alone when region is
 * NULL; malloc'ed, NULL when out of memory. */
char *clioi_join_key(const char *region, const char *name);
/* clioi_find_label -- index of `name` in names[0..count), or CLIO_NONE. */
size_t clioi_find_label(char *const *names, size_t count, const char *name);
/* clioi_check_unique -- CLIO_ELABEL naming `what` and the duplicate.
 * Every label must be non-NULL. */
int clioi_check_unique(char *const *names, size_t count, const char *what, clio_error *err);

/* Keys of a table's labels, as CSV headers and messages show them:
 * sectors and final-demand columns as "region|name" where they belong to a
 * region (sectors only in multi-region tables), the rest as plain names.
 * Like snprintf (and clio_table_sector_key, the key of sectors), each
 * writes at most len bytes and returns the length of the whole key. */
typedef size_t (*clioi_key_fn)(const clio_table *t, size_t k, char *buf, size_t len);
size_t clioi_key_final_demand(const clio_table *t, size_t k, char *buf, size_t len);
size_t clioi_key_region(const clio_table *t, size_t k, char *buf, size_t len);
size_t clioi_key_value_added(const clio_table *t, size_t k, char *buf, size_t len);
size_t clioi_key_satellite(const clio_table *t, size_t k, char *buf, size_t len);
size_t clioi_key_output(const clio_table *t, size_t k, char *buf, size_t len); /* "output" */
/* clioi_key_dup -- the whole key k, never truncated, malloc'ed; NULL when
 * out of memory. */
char *clioi_key_dup(const clio_table *t, clioi_key_fn key, size_t k);
/* clioi_free_labels -- free count strings and the array (NULL is fine). */
void clioi_free_labels(char **labels, size_t count);

/* clioi_table_set_sectors_from_keys -- fill regions, sector_region and
 * sector_names of t from n keys.  Keys must be all "sector" (one region,
 * named default_region) or all "region|sector". */
int clioi_table_set_sectors_from_keys(clio_table *t, char *const *keys, const char *where,
                                      const char *default_region, clio_error *err);

/* clioi_result_alloc -- a result shaped for table t with the given
 * accounts and fields; labels of rows copied from t, values zero. */
clio_result *clioi_result_alloc(const clio_table *t, const char *kind, size_t naccounts,
                                size_t nfields);
/* clioi_result_alloc_groups -- the same with one row per group of g (the
 * group's name, no region), for results about clusters and groups. */
clio_result *clioi_result_alloc_groups(const clio_table *t, const char *kind,
                                       const clio_groups *g, size_t naccounts, size_t nfields);
/* clioi_result_set_accounts_from_table -- accounts "output", V rows,
 * satellites (naccounts must be 1 + nva + nsat). */
int clioi_result_set_accounts_from_table(clio_result *r, const clio_table *t);

/* clioi_result_set_fields -- copy r->nfields field names. */
int clioi_result_set_fields(clio_result *r, const char *const *names);

/* clioi_account_coefficient -- direct coefficient of account a (0 output,
 * then V rows, then satellites) for sector j: 1 for output, else the
 * account per unit of output (zero for sectors with zero output). */
double clioi_account_coefficient(const clio_table *t, size_t a, size_t j);

/* clioi_demand_check -- a demand change df (n values) is finite, else
 * CLIO_EVALUE naming the sector; *nonnegative tells whether df >= 0. */
int clioi_demand_check(const clio_table *t, const double *df, int *nonnegative,
                       clio_error *err);

/* clioi_response_check -- the output change dx = L df of a non-negative
 * demand change (nonnegative from clioi_demand_check) is at least df
 * beyond rounding, as L >= 0 requires; else CLIO_ENONPRODUCTIVE naming the
 * sector.  Any df passes when nonnegative is 0. */
int clioi_response_check(const clio_table *t, const double *df, const double *dx,
                         int nonnegative, clio_error *err);

/* clioi_solver_note -- one line on the method of the last Leontief factor
 * made in this process and its solves (solver/strategy.c), written as the
 * clio_method attribute of NetCDF results; NULL when none was made. */
const char *clioi_solver_note(void);

/* ---- sparse (CSC) tables (tables/sparse.c) ---- */
/* What clioi_sparse_validate found wrong: column is the column (0-based)
 * where it was found, position the index into colptr (START, DECREASING,
 * PAST_END, END) or into rowind/values (ROW_RANGE, ROW_ORDER, NONFINITE). */
typedef enum clioi_sparse_fault_kind {
    CLIOI_SPARSE_OK = 0,
    CLIOI_SPARSE_START,      /* colptr[0] != 0 */
    CLIOI_SPARSE_DECREASING, /* colptr[j+1] < colptr[j] */
    CLIOI_SPARSE_PAST_END,   /* colptr[j+1] > nnz */
    CLIOI_SPARSE_END,        /* colptr[n] != nnz */
    CLIOI_SPARSE_ROW_RANGE,  /* a row index outside 0 .. n-1 */
    CLIOI_SPARSE_ROW_ORDER,  /* rows not strictly increasing within a column */
    CLIOI_SPARSE_NONFINITE   /* a value is NaN or infinite */
} clioi_sparse_fault_kind;
typedef struct clioi_sparse_fault {
    clioi_sparse_fault_kind kind;
    size_t column, position;
} clioi_sparse_fault;
/* clioi_sparse_validate -- s is a valid n x n CSC matrix, with finite values
 * when `finite` is set (0), or the first fault in column order (-1).  Callers word the message:
 * the reader names the file's variables, the check the table's sectors. */
int clioi_sparse_validate(const clio_sparse *s, size_t n, int finite, clioi_sparse_fault *fault);
/* clioi_table_dense_z -- for a sparse table, its Z as a new dense n x n
 * matrix in *owned (the caller frees it); *owned NULL for any other table.
 * CLIO_ENOMEM with the size in err. */
int clioi_table_dense_z(const clio_table *t, double **owned, clio_error *err);
/* clioi_table_dense_view -- *view = *t (a shallow copy, owning nothing),
 * with a dense Z in *owned when t is sparse: how writers that need every
 * cell (CSV, pymrio) take a sparse table.  Free *owned, never the view. */
int clioi_table_dense_view(const clio_table *t, clio_table *view, double **owned,
                           clio_error *err);
/* clioi_sparse_copy -- a deep copy; NULL when out of memory. */
clio_sparse *clioi_sparse_copy(const clio_sparse *s);

/* ---- extraction internals ---- */
/* clioi_leontief_inverse_diagonal -- diag((I - A)^-1) into diag (n values)
 * from the kept LU factor, by inverting its triangles in one n x n copy
 * (about the cost of one factorisation; solver/inverse_diagonal.c). */
int clioi_leontief_inverse_diagonal(const clio_leontief *f, double *diag, clio_error *err);

/* ---- aggregation internals (calibration/aggregate*.c) ---- */
/* Shares must sum to 1 within this (an absolute tolerance). */
#define CLIOI_SHARES_TOL 1e-9
/* clioi_shares_check -- names non-empty and unique, shares finite, >= 0
 * and summing to 1; messages with file:line when s came from a file. */
int clioi_shares_check(const clio_shares *s, clio_error *err);

/* ---- dense linear algebra for calibration (solver/dense.c) ---- */
/* clioi_dense_solve -- solve A X = B in place: A (n x n, ld n) is
 * overwritten by its LU factors, B (n x nrhs, ld n) by X.  CLIO_ESINGULAR
 * (message names the zero pivot's index, 0-based) when A is singular. */
int clioi_dense_solve(size_t n, double *A, size_t nrhs, double *B, clio_error *err);
/* clioi_dense_gemm -- C = A B with A m x k, B k x n, C m x n, all
 * column-major with ld = rows. */
void clioi_dense_gemm(size_t m, size_t n, size_t k, const double *A, const double *B, double *C);
/* clioi_dgemv -- y = A x (transpose 0) or A' x (1) for the m x n
 * column-major A with leading dimension lda. */
void clioi_dgemv(int transpose, size_t m, size_t n, const double *A, size_t lda,
                 const double *x, double *y);

#endif /* CLIOI_H */
