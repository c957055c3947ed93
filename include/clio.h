/*
 * clio.h -- the public interface of libclio, input-output economics on LAPACK.
 *
 * Conventions (see docs/ARCHITECTURE.md):
 *   - Dense matrices are column-major with a leading dimension: M(i,j) is
 *     data[i + j*ld].  Rows are selling (origin) sectors, columns buying
 *     sectors: A = Z xhat^-1 and (I - A) x = f.
 *   - A "sector" of a table is one row of Z: a (region, sector name) pair.
 *     Keys are written "region|sector" (or "sector" in one-region tables).
 *   - Every fallible call returns an int status, CLIO_OK (0) on success.
 *     clio_strerror() names a status; detail (file:line, sector, region) goes
 *     to the optional clio_error the caller passes (NULL to ignore).
 *   - The library never prints, exits or aborts and keeps no mutable global
 *     state.  Objects are freed by their _free function; _free(NULL) is a no-op.
 *   - Files are written atomically: a failed write leaves no partial file and
 *     never replaces a good one.
 *   - Threads: objects may be used from different threads, one thread per
 *     object at a time, except the NetCDF readers and writers, which must
 *     not run concurrently (Debian's HDF5 is not built thread-safe).
 */
#ifndef CLIO_H
#define CLIO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CLIO_VERSION "0.1.0"
/* Newest version of the NetCDF table schema this clio reads and writes:
 * 1 dense Z, 2 adds a sparse (CSC) Z.  Dense tables are still written as
 * version 1, so older clio versions read them. */
#define CLIO_FORMAT_VERSION 2

/* ------------------------------------------------------------------ */
/* Status codes.  The `clio` tool exits with these numbers.           */
/* ------------------------------------------------------------------ */
enum clio_status {
    CLIO_OK = 0,
    CLIO_EINVAL = 2,          /* invalid argument to a library call          */
    CLIO_ENOMEM = 3,          /* out of memory                               */
    CLIO_EIO = 4,             /* a file is missing or cannot be read         */
    CLIO_EFORMAT = 5,         /* malformed input file (CSV, spec, NetCDF)     */
    CLIO_ELABEL = 6,          /* duplicate, unknown or mismatched labels      */
    CLIO_EDIM = 7,            /* wrong dimensions (e.g. non-square Z)         */
    CLIO_EVALUE = 8,          /* NaN/Inf, negative flows or output            */
    CLIO_EUNBALANCED = 9,     /* row or column balance fails (strict mode)    */
    CLIO_ESINGULAR = 10,      /* I - A is singular                            */
    CLIO_ENONPRODUCTIVE = 11, /* I - A has no non-negative inverse           */
    CLIO_EWRITE = 12,         /* an output cannot be written                  */
    CLIO_ENOCONVERGE = 13     /* an iteration (RAS/GRAS) did not converge     */
};

/* clio_strerror -- a short, static description of a status code. */
const char *clio_strerror(int status);

/* Detail of the last failure of a call, filled when the caller passes one. */
typedef struct clio_error {
    int status;
    char message[1024];
} clio_error;

#define CLIO_NONE ((size_t)-1) /* "no index": e.g. a final-demand column with no region */

/* ------------------------------------------------------------------ */
/* The table model                                                    */
/* ------------------------------------------------------------------ */

/*
 * clio_table -- a regional or multi-regional input-output table.
 *
 *   n            number of sectors = rows (and columns) of Z, over all regions
 *   regions      nregions region names (at least one)
 *   sector_region[i]  index into regions of sector i
 *   sector_names[i]   name of sector i within its region
 *   Z            n x n intermediate flows, column-major, ld = n (may be NULL
 *                after clio_leontief_factor consumed it, see below, and
 *                in a sparse table, which holds Zs instead)
 *   Y            n x nfd final demand, ld = n; column k is category
 *                fd_names[k] of region fd_region[k] (CLIO_NONE when the
 *                column belongs to no region, as in one-region tables)
 *   V            nva x n value-added rows (named components), ld = nva
 *   x            n total output
 *   S            nsat x n satellite accounts (e.g. employment), ld = nsat,
 *                with names sat_names and units sat_units
 *   SY           nsat x nfd satellites caused by final demand directly (e.g.
 *                household emissions), ld = nsat; zero when not given
 *   title, unit, source   free-text metadata (may be NULL); unit is the
 *                monetary unit of Z, Y, V and x (e.g. "EUR million")
 *
 * Every pointer array is owned by the table and freed by clio_table_free.
 */
typedef struct clio_table {
    char *title;
    char *unit;
    char *source;

    size_t n;
    size_t nregions;
    char **regions;
    size_t *sector_region;
    char **sector_names;

    double *Z;

    size_t nfd;
    char **fd_names;
    size_t *fd_region;
    double *Y;

    size_t nva;
    char **va_names;
    double *V;

    double *x;

    size_t nsat;
    char **sat_names;
    char **sat_units;
    double *S;
    double *SY;

    struct clio_sparse *Zs; /* Z in sparse form, or NULL; see clio_sparse below */
} clio_table;

/*
 * clio_sparse -- an n x n matrix in compressed sparse column (CSC) form:
 * column j holds the entries rowind[p], values[p] for p in colptr[j] ..
 * colptr[j+1]-1, rows strictly increasing within a column, no explicit
 * zeros.  Indices are 64-bit (SuiteSparse's long interface).
 *
 * A sparse table has Z == NULL and Zs set: large, mostly-zero tables
 * (sub-national MRIOs) never build a dense n x n matrix.  Commands that
 * have no sparse path densify such a table when the memory budget allows
 * (clio_table_densify).  Exactly one of Z and Zs is set in a table that
 * passed clio_table_check.
 */
typedef struct clio_sparse {
    size_t n;
    size_t nnz;
    int64_t *colptr; /* n + 1 */
    int64_t *rowind; /* nnz */
    double *values;  /* nnz */
} clio_sparse;

/* clio_sparse_alloc -- an n x n CSC matrix with room for nnz entries,
 * colptr zero; NULL when out of memory. */
clio_sparse *clio_sparse_alloc(size_t n, size_t nnz);
void clio_sparse_free(clio_sparse *s);

/* clio_table_is_sparse -- the table holds Z in sparse form. */
static inline int clio_table_is_sparse(const clio_table *t)
{
    return t->Z == NULL && t->Zs != NULL;
}

/* clio_table_alloc_sparse -- as clio_table_alloc, but Z is a sparse matrix
 * with room for nnz entries (t->Z NULL). */
clio_table *clio_table_alloc_sparse(size_t nregions, size_t n, size_t nnz, size_t nfd,
                                    size_t nva, size_t nsat);

/* clio_table_densify -- replace Zs by the dense Z (n x n doubles);
 * CLIO_ENOMEM leaves the table sparse.  Nothing to do for a dense table. */
int clio_table_densify(clio_table *t, clio_error *err);

/* clio_table_sparsify -- replace Z by Zs holding its non-zeros (the dense
 * matrix is freed); CLIO_ENOMEM leaves the table dense.  Nothing to do for
 * a sparse table. */
int clio_table_sparsify(clio_table *t, clio_error *err);

/* clio_table_alloc -- a table with all arrays allocated: numbers zero,
 * labels NULL, sector_region and fd_region CLIO_NONE.  NULL when out of
 * memory.  Fill labels with clio_table_set_label. */
clio_table *clio_table_alloc(size_t nregions, size_t n, size_t nfd, size_t nva, size_t nsat);
void clio_table_free(clio_table *t);

/* Which label array clio_table_set_label writes. */
enum clio_label_kind {
    CLIO_LABEL_REGION,
    CLIO_LABEL_SECTOR,
    CLIO_LABEL_FINAL_DEMAND,
    CLIO_LABEL_VALUE_ADDED,
    CLIO_LABEL_SATELLITE,
    CLIO_LABEL_SATELLITE_UNIT
};
/* clio_table_set_label -- copy `text` into label `index` of `kind`. */
int clio_table_set_label(clio_table *t, int kind, size_t index, const char *text);

/* clio_table_find_sector -- index of the sector named `sector` in region
 * `region` (region may be NULL in a one-region table).  CLIO_ELABEL with a
 * message naming what is unknown when there is no such sector. */
int clio_table_find_sector(const clio_table *t, const char *region, const char *sector,
                           size_t *index, clio_error *err);

/* clio_table_sector_key -- "region|sector" (or "sector" when the table has
 * one region) of sector i, into buf, truncated to len-1 characters.  Returns
 * the length of the whole key, as snprintf does: a result >= len means the
 * key was cut; buf may be NULL when len is 0. */
size_t clio_table_sector_key(const clio_table *t, size_t i, char *buf, size_t len);

/* ------------------------------------------------------------------ */
/* Validation                                                         */
/* ------------------------------------------------------------------ */

enum clio_severity { CLIO_INFO = 0, CLIO_WARNING = 1, CLIO_ERROR = 2 };

typedef struct clio_finding {
    int severity;       /* enum clio_severity                              */
    int status;         /* the status an error maps to (e.g. CLIO_EVALUE)   */
    char message[320];  /* names the sector, region and the amount off      */
} clio_finding;

/* A list of findings.  Zero-initialise one before the first use. */
typedef struct clio_report {
    size_t count, capacity;
    size_t nerrors, nwarnings;
    clio_finding *items;
} clio_report;

void clio_report_free(clio_report *r); /* frees items, keeps r itself */

/*
 * clio_table_check -- validate a table and append findings to `report`.
 *
 * Errors: labels missing or duplicated, non-finite numbers anywhere,
 * negative Z or x.  Warnings: row balance Z 1 + Y 1 = x or column balance
 * 1'Z + 1'V = x' off by more than rtol relative to x (the column balance is
 * only checked when V is present).  Info: sectors with zero output (kept,
 * their coefficient column is zero).  Returns the status of the first error,
 * or CLIO_OK when there is none (warnings do not fail the check).
 * A sparse table gets the same findings in the same order, computed from
 * its CSC entries (never n x n); a malformed Zs (wrong size, column starts
 * or row indices) or a table holding both Z and Zs is CLIO_EINVAL.
 */
int clio_table_check(const clio_table *t, double rtol, clio_report *report);

#define CLIO_DEFAULT_RTOL 1e-6

/* ------------------------------------------------------------------ */
/* Reading and writing tables                                         */
/* ------------------------------------------------------------------ */

/*
 * clio_table_read_matrixset -- read a matrix-set CSV folder: Z.csv and
 * Y.csv required, x.csv, V.csv, satellites.csv and satellites_Y.csv (SY:
 * satellites by final-demand column) optional (see docs/formats.md).  Keys
 * are "sector" or "region|sector"; `region_name` names the region of a
 * table whose keys have no region (NULL: "R1").
 * x defaults to Z 1 + Y 1.  Comma- or tab-separated, RFC 4180 quoting.
 * `files` may override the file names (NULL or NULL members: defaults).
 */
typedef struct clio_matrixset_files {
    const char *Z, *Y, *x, *V, *satellites;
    const char *satellites_y; /* default "satellites_Y.csv" */
} clio_matrixset_files;
int clio_table_read_matrixset(const char *dir, const clio_matrixset_files *files,
                              const char *region_name, clio_table **out, clio_error *err);

/* clio_table_write_matrixset -- write the table as a matrix-set folder
 * (created when missing); each file is written atomically.  Z.csv holds
 * every cell: a sparse table is made dense for it in a temporary n x n
 * matrix (CLIO_ENOMEM when that does not fit). */
int clio_table_write_matrixset(const clio_table *t, const char *dir, clio_error *err);

/*
 * clio_table_read_statoffice -- read one CSV in the layout statistical
 * offices and Eurostat publish (intermediate block, final-demand columns,
 * value-added rows, output row or column, satellite rows), as described by
 * the YAML import spec at `spec_path` (docs/import-spec.md).
 */
int clio_table_read_statoffice(const char *csv_path, const char *spec_path, clio_table **out,
                               clio_error *err);

/* NetCDF-4, the canonical format (schema in docs/netcdf-schema.md).  A
 * file whose Z is stored sparse (Z_storage = "csc") reads into a sparse
 * table (Zs), never an n x n matrix, after its structure is checked
 * (CLIO_EFORMAT naming variable, entry and column; CLIO_EVALUE for a value
 * that is not finite); a sparse table is written so (clio_format_version
 * 2), a dense one as before (version 1). */
int clio_table_read_netcdf(const char *path, clio_table **out, clio_error *err);
int clio_table_write_netcdf(const clio_table *t, const char *path, clio_error *err);

/*
 * clio_netcdf_set_compression -- how the matrices (Z, Y, V, satellites, SY)
 * of table files written from now on are stored, for the whole process:
 * clio_table_write_netcdf, clio_table_save to .nc and clio_generate.
 *   level = CLIO_NETCDF_COMPRESSION_AUTO (the default): matrices of 64 MiB
 *           or more (Z from about 2,900 sectors) deflated at level 1 with
 *           the shuffle filter, smaller ones contiguous and plain;
 *   level = 0: every matrix contiguous and plain -- the fastest to write
 *           and to read (n = 4,000: Z read in about 0.15 s against 1 s),
 *           the largest file;
 *   level = 1..9: every matrix chunked in whole columns (about 4 MiB a
 *           chunk) and deflated at that level, without the shuffle filter
 *           (smaller and faster to read on tables of many exact zeros;
 *           level 1 at n = 9,800: Z reads in 4 s against 6.5 s for the
 *           automatic layout, 187 MB against 308 MB); above 1 the file
 *           shrinks little for much longer writes (docs/formats.md).
 * Every setting reads back bit for bit.  Returns CLIO_OK, or CLIO_EINVAL
 * (setting unchanged) for a level outside -1..9.  Not thread-safe: set it
 * before writing.  Result files (multipliers, impacts, scenario batches)
 * follow it too: auto deflates every result variable (shuffle, level 1),
 * 0 stores them plain (a 100-scenario batch at n = 9,800 is 117 MB: about
 * a second less to write), 1..9 deflate them at that level.
 * clio_netcdf_compression -- the current setting.
 */
#define CLIO_NETCDF_COMPRESSION_AUTO (-1)
int clio_netcdf_set_compression(int level);
int clio_netcdf_compression(void);

/* clio_table_read -- read a table from `path`: a NetCDF file, or a
 * matrix-set folder (region name "R1" when the keys have none). */
int clio_table_read(const char *path, clio_table **out, clio_error *err);

/* ------------------------------------------------------------------ */
/* The Leontief model                                                 */
/* ------------------------------------------------------------------ */

/* clio_coefficients -- A = Z xhat^-1 into A (n x n, leading dimension lda);
 * columns of sectors with zero output are zero. */
int clio_coefficients(const clio_table *t, double *A, size_t lda, clio_error *err);

/* I - A prepared for solves: its LU factors (the default), or A kept for
 * an iterative method (clio_leontief_factor_opts below). */
typedef struct clio_leontief clio_leontief;

enum clio_factor_flags {
    CLIO_FACTOR_DEFAULT = 0,
    /* Build I - A in the memory of t->Z and factor it there: no second n x n
     * matrix.  t->Z is NULL afterwards (also on failure).  For a sparse
     * table, t->Zs likewise: the iterative methods scale it into A in
     * place, the sparse LU frees it once I - A is built. */
    CLIO_FACTOR_CONSUME_Z = 1
};

/*
 * clio_leontief_factor -- factor I - A (LAPACK dgetrf, always: the method
 * CLIO_METHOD_LU of clio_leontief_factor_opts), estimate its
 * reciprocal condition number (dgecon) and verify that the system is
 * productive: the solution of (I - A) g = 1 must be positive, which for
 * A >= 0 holds exactly when I - A has a non-negative inverse.
 * CLIO_ESINGULAR or CLIO_ENONPRODUCTIVE name the offending sector.
 * The table must have passed clio_table_check.
 */
int clio_leontief_factor(clio_table *t, unsigned flags, clio_leontief **out, clio_error *err);
void clio_leontief_free(clio_leontief *f);

size_t clio_leontief_size(const clio_leontief *f);
/* Reciprocal condition number of I - A in the 1-norm.  The tool warns when
 * it is below CLIO_RCOND_WARN. */
double clio_leontief_rcond(const clio_leontief *f);
#define CLIO_RCOND_WARN 1e-12

/* clio_leontief_solve -- overwrite B (n x nrhs, leading dimension ldb) with
 * (I - A)^-1 B, or with (I - A)^-T B when `transpose` is non-zero. */
int clio_leontief_solve(const clio_leontief *f, int transpose, size_t nrhs, double *B,
                        size_t ldb, clio_error *err);

/* clio_leontief_inverse -- the Leontief inverse L = (I - A)^-1 into L
 * (n x n, leading dimension ldl).  Only for users who ask for L itself:
 * every clio result is computed by solves. */
int clio_leontief_inverse(const clio_leontief *f, double *L, size_t ldl, clio_error *err);

/* ---- Solver strategies (docs/methods-solvers.md) ------------------ */

/* How clio_leontief_factor_opts solves with I - A.  AUTO chooses by size,
 * right-hand sides, convergence and the memory budget; LU is dense LAPACK
 * (dgetrf once, dgetrs per solve); SERIES is the power series
 * x = b + A b + A^2 b + ... in blocks (one dgemm per pass) with a rigorous
 * error bound from the column sums of A; KRYLOV is restarted GMRES(m)
 * with the right-hand sides in lockstep; SPARSE_LU is UMFPACK; MIXED_LU is
 * sgetrf in single precision with every solution refined in double to the
 * tolerance (AUTO's factorisation from n = 4000, falling back to LU for
 * tables too ill-conditioned for single precision; asked for by name it
 * fails on them with CLIO_ENOCONVERGE or CLIO_ESINGULAR). */
typedef enum clio_method {
    CLIO_METHOD_AUTO = 0,
    CLIO_METHOD_LU,
    CLIO_METHOD_SERIES,
    CLIO_METHOD_KRYLOV,
    CLIO_METHOD_SPARSE_LU, /* SuiteSparse UMFPACK on the sparse I - A ("sparse-lu") */
    CLIO_METHOD_MIXED_LU   /* LU in single precision, solutions refined in double ("lu-mixed") */
} clio_method;

typedef struct clio_leontief_options {
    clio_method method;
    /* Right-hand sides the caller will solve in all (0: unknown or many,
     * which makes AUTO factorise). */
    size_t rhs;
    /* The caller needs the LU factor itself (e.g. the diagonal of the
     * inverse for extraction): AUTO takes LU, an iterative method is
     * refused with CLIO_EINVAL. */
    int needs_lu;
    /* Bytes the run may hold: the table, the solver's matrix and work, the
     * right-hand sides (0: CLIO_MEMORY_FRACTION of physical memory). */
    unsigned long long memory_limit;
    double tolerance;      /* relative error of each solution (0: 1e-12; below
                            * CLIO_TOLERANCE_MIN it is taken as that) */
    size_t max_iterations; /* passes or matrix products per column (0: 10000) */
} clio_leontief_options;
#define CLIO_MEMORY_FRACTION 0.75
#define CLIO_TOLERANCE_MIN 1e-15 /* about 4.5 machine epsilons */

/*
 * clio_leontief_factor_opts -- prepare solves with I - A by the method
 * opts asks for (NULL: the defaults, i.e. AUTO for unknown many right-hand
 * sides, which factorises unless memory forbids it), and verify, as
 * clio_leontief_factor, that the table is productive (CLIO_ENONPRODUCTIVE,
 * whatever the method).  The iterative methods keep A: in Z's memory with
 * CLIO_FACTOR_CONSUME_Z; otherwise they read t->Z and t->x at every solve,
 * so the table must outlive the factor unchanged.  Solves past
 * max_iterations fail with CLIO_ENOCONVERGE; a budget too small for every
 * method fails with CLIO_ENOMEM naming the bytes needed.
 *
 * A sparse table (t->Zs, docs/methods-sparse.md) works with every method:
 * SPARSE_LU factorises I - A in CSC with UMFPACK, the iterative methods
 * multiply with Zs, and LU builds a dense I - A when the budget allows one
 * n x n matrix.  AUTO picks among them by a cost model (UMFPACK's symbolic
 * estimates of flops and memory against passes x non-zeros); the
 * description (clio_leontief_describe) gives the estimates it compared.
 * SPARSE_LU also takes a dense table (I - A built in CSC from Z).
 */
int clio_leontief_factor_opts(clio_table *t, unsigned flags, const clio_leontief_options *opts,
                              clio_leontief **out, clio_error *err);

/* clio_leontief_method -- "lu", "series", "krylov", "sparse-lu" or "lu-mixed". */
const char *clio_leontief_method(const clio_leontief *f);

/* clio_leontief_describe -- one line on the method and what its solves
 * did so far (passes, error bound), e.g. for -v and file metadata. */
void clio_leontief_describe(const clio_leontief *f, char *buf, size_t size);

/* clio_method_parse -- "auto", "lu", "series", "krylov", "sparse-lu",
 * "lu-mixed"; -1 if unknown. */
int clio_method_parse(const char *name);

/* clio_memory_physical -- bytes of physical memory (sysconf), 0 unknown. */
unsigned long long clio_memory_physical(void);

/* ------------------------------------------------------------------ */
/* Results: multipliers and impacts                                   */
/* ------------------------------------------------------------------ */

/*
 * clio_result -- a labelled three-way array value(sector, account, field):
 * one row per sector of the table, one account per measured quantity
 * (output, each V row, each satellite) and one field per statistic.
 *
 *   value(i, a, f) = values[f + nfields*(a + naccounts*i)]
 *
 * `additive` results (impacts) have meaningful sums over sectors, so
 * writers add per-region and grand totals.  Labels are copies owned by the
 * result.
 *
 * Rows are usually the table's sectors; a row may also stand for a group of
 * sectors (row_region[i] = CLIO_NONE, row_sector[i] the group name) or for a
 * whole region (row_sector[i] = "ALL").  Rows without region are left out
 * of regional totals.  A result may carry one text label per row
 * (row_class, e.g. the key-sector class of linkages), written as a column
 * named class_name; both NULL when there is none.
 */
typedef struct clio_result {
    char *kind;        /* "multipliers", "impact", "linkages", ... */
    char *title;       /* of the table it came from (may be NULL) */
    char *description; /* one line saying what the fields mean (may be NULL) */
    int additive;

    size_t nrows;
    size_t nregions;
    char **regions;
    size_t *row_region;
    char **row_sector;

    size_t naccounts;
    char **accounts;
    char **account_units;

    size_t nfields;
    char **fields;

    double *values;

    char *class_name;  /* heading of row_class, or NULL */
    char **row_class;  /* nrows labels, or NULL */
} clio_result;

void clio_result_free(clio_result *r);

static inline double clio_result_value(const clio_result *r, size_t row, size_t account,
                                       size_t field)
{
    return r->values[field + r->nfields * (account + r->naccounts * row)];
}

/*
 * clio_multipliers -- Type I multipliers for output, every V row and every
 * satellite account c: the direct coefficient c_j / x_j, the total effect per
 * unit of final demand (c' L)_j, from one transposed solve per account, and
 * the Type I multiplier effect / coefficient (NaN where the coefficient is 0).
 * Fields: "coefficient", "effect", "multiplier".  Accounts: "output", then
 * V rows, then satellites.
 */
int clio_multipliers(const clio_table *t, const clio_leontief *f, clio_result **out,
                     clio_error *err);

/* clio_demand_read_csv -- read a demand change file (columns
 * region,sector,change; region may be omitted for one-region tables) into
 * df (n values, zeroed first).  Rows for the same sector add up. */
int clio_demand_read_csv(const char *path, const clio_table *t, double *df, clio_error *err);

/*
 * clio_impact -- effects of a final-demand change df (n values): for output
 * and every V row and satellite, the "direct" effect (of the demand change
 * itself, coefficient * df), the "indirect" effect (through the supply
 * chain) and the "total".  Non-negative df that yields negative output is
 * reported as CLIO_ENONPRODUCTIVE.
 */
int clio_impact(const clio_table *t, const clio_leontief *f, const double *df,
                clio_result **out, clio_error *err);

/*
 * clio_impact_rounds -- the effects of df round by round (the terms of the
 * power series L df = df + A df + A^2 df + ...): for output and every V
 * row and satellite, fields "round_0" (the demand change itself, as
 * clio_impact's "direct"), "round_1" .. "round_<rounds-1>" (coefficient *
 * A^k df: what the purchases of the previous round call for), "rest" (the
 * total minus the rounds shown: all later rounds) and "total" (coefficient
 * * L df, as clio_impact's).  Additive; the fields of a row add up to its
 * total.  A comes from t->Z or the sparse t->Zs (A v = Z (v ./ x)), or
 * from an iterative factor that consumed Z; an LU factor that consumed Z
 * leaves nothing to form A with: CLIO_EINVAL.  rounds from 1 to
 * CLIO_ROUNDS_MAX, else CLIO_EINVAL.  Other errors as clio_impact.
 */
#define CLIO_ROUNDS_MAX 100
int clio_impact_rounds(const clio_table *t, const clio_leontief *f, const double *df,
                       size_t rounds, clio_result **out, clio_error *err);

/* ------------------------------------------------------------------ */
/* Structural analysis (docs/methods.md)                              */
/* ------------------------------------------------------------------ */

/*
 * Groups of sectors (clusters, policy targets): a CSV with the columns
 * region,sector,group (region may be left out in one-region tables; a
 * column 'cluster' stands for 'group' when there is none).  A
 * sector may belong to several groups.  Members of group g are
 * members[start[g] .. start[g+1]), sector indices in file order.
 */
typedef struct clio_groups {
    size_t ngroups;
    char **names;      /* ngroups, in order of first appearance */
    size_t *start;     /* ngroups + 1 */
    size_t *members;   /* start[ngroups] sector indices */
} clio_groups;

/* clio_groups_read_csv -- read a group file for table t (the group column
 * may be named 'cluster' instead of 'group').  Unknown regions or
 * sectors fail with CLIO_ELABEL naming file and line; a sector listed twice
 * in one group is CLIO_ELABEL too. */
int clio_groups_read_csv(const char *path, const clio_table *t, clio_groups **out,
                         clio_error *err);
void clio_groups_free(clio_groups *g);

/*
 * Income distribution to household groups (SAM closure, shared-value
 * scorecard): a CSV with the columns group,component,share.  share[g + ngroups*c]
 * is the part of value-added row c (a component of t->va_names) that
 * household group g receives; components not listed go to no household
 * (taxes, imports, retained profits).  Groups keep the file's order of first
 * appearance; the first is taken as the lowest-income group.  In a multi-
 * regional table the shares apply in every region.  CLIO_ELABEL for an
 * unknown component or a (group, component) pair given twice, CLIO_EVALUE for
 * a share outside [0, 1] or shares of one component adding up to more than 1,
 * CLIO_EFORMAT for a missing column or an empty file; messages name file:line.
 */
typedef struct clio_income_distribution {
    size_t ngroups;
    char **groups;
    size_t ncomponents; /* = t->nva of the table it was read for */
    double *share;      /* ngroups x ncomponents, column-major */
} clio_income_distribution;

int clio_income_distribution_read_csv(const char *path, const clio_table *t,
                                      clio_income_distribution **out, clio_error *err);
void clio_income_distribution_free(clio_income_distribution *d);

/* ---- Household closure: Type II ----------------------------------- */

/* The household sector(s) of a closed model (opaque). */
typedef struct clio_households clio_households;

/*
 * clio_households_define -- close the model for households.  The value-
 * added row named `income` (e.g. compensation of employees) is what
 * households earn per unit of output, hr_j = V(income, j) / x_j; the
 * final-demand category named `consumption` is what they spend,
 * hc_i = Y(i, consumption) / (total income).  In a multi-regional table
 * every region with a final-demand column named `consumption` is one
 * household group, earning the income row over its own sectors.
 * CLIO_ELABEL names an unknown row or column; CLIO_EVALUE a group with no
 * income.
 */
int clio_households_define(const clio_table *t, const char *income, const char *consumption,
                           clio_households **out, clio_error *err);
void clio_households_free(clio_households *h);
size_t clio_households_groups(const clio_households *h);

/*
 * clio_multipliers_type2 -- Type I and Type II multipliers side by side.
 * The closed inverse is never formed: with the open factor and the k
 * household groups (consumption HC, n x k; income HR, k x n) the Schur
 * complement S = I_k - HR L HC (k x k) gives, for an account with direct
 * coefficients d, the Type II effect d'L + (d'L HC) S^-1 (HR L).  CLIO_
 * ENONPRODUCTIVE when the closed model is not productive (S^-1 not >= 0).
 * Fields: "coefficient", "direct", "indirect", "induced",
 * "type1_effect", "type2_effect", "type1_multiplier", "type2_multiplier"
 * (effect = direct + indirect [+ induced]; multiplier = effect /
 * coefficient).  Accounts as clio_multipliers.
 */
int clio_multipliers_type2(const clio_table *t, const clio_leontief *f,
                           const clio_households *h, clio_result **out, clio_error *err);

/* clio_impact_type2 -- as clio_impact in the closed model: fields "direct",
 * "indirect", "induced", "total". */
int clio_impact_type2(const clio_table *t, const clio_leontief *f, const clio_households *h,
                      const double *df, clio_result **out, clio_error *err);

/* ---- Ghosh supply-side model -------------------------------------- */

/*
 * clio_ghosh -- supply-side (forward) multipliers from the allocation
 * coefficients B = xhat^-1 Z and the Ghosh inverse G = (I - B)^-1 =
 * xhat^-1 L xhat, by solves with the Leontief factor.  For each account
 * with direct coefficients d: "allocation" (direct forward linkage, row sum
 * of B; the same for every account), "effect" (G d: the account
 * downstream per unit of primary input into sector i), "multiplier"
 * (effect / d_i).  Needs t->Z.  Sectors with zero output give NaN.
 */
int clio_ghosh(const clio_table *t, const clio_leontief *f, clio_result **out,
               clio_error *err);

/* clio_ghosh_inverse -- G = xhat^-1 L xhat into G (n x n, ld ldg); only on
 * request. Rows and columns of zero-output sectors are those of I. */
int clio_ghosh_inverse(const clio_table *t, const clio_leontief *f, double *G, size_t ldg,
                       clio_error *err);

/* ---- Leontief price model ----------------------------------------- */

/*
 * clio_cost_change_read_csv -- read cost changes into dv (n values, zeroed
 * first): columns region,sector,change and an optional column component.
 * Without component, change is the change of value-added cost per unit of
 * output of the sector; with component (a value-added row name), change is
 * the relative change of that component (0.1 = +10 %), converted to
 * V(component, j) / x_j * change.  Rows add up.
 */
int clio_cost_change_read_csv(const char *path, const clio_table *t, double *dv,
                              clio_error *err);

/*
 * clio_prices -- cost-push price effects of the price model
 * p = (I - A')^-1 v: dp = (I - A')^-1 dv by one transposed solve (prices
 * are 1 in the base year).  One account "price"; fields "cost_change" (dv),
 * "indirect" (dp - dv), "price_change" (dp).
 */
int clio_prices(const clio_table *t, const clio_leontief *f, const double *dv,
                clio_result **out, clio_error *err);

/* ---- Linkages and key sectors ------------------------------------- */

/*
 * clio_linkages -- backward and forward linkages of every sector: direct
 * ("direct_backward" column sums of A, "direct_forward" row sums of B),
 * total ("total_backward" column sums of L, "total_forward" row sums of
 * G), Rasmussen-Hirschman normalised indices ("backward_index" power of
 * dispersion, "forward_index" sensitivity of dispersion: the total
 * linkage over its mean over all sectors; "backward_index_region",
 * "forward_index_region": over the mean of the sector's own region) and
 * coefficients of variation ("backward_cv", "forward_cv").  row_class
 * ("class") is "key", "backward", "forward" or "weak" (indices > 1).
 * One account "output".  The CVs need the elements of L: computed in
 * column blocks, O(n^3) time and O(n * block) memory.  Needs t->Z.
 */
int clio_linkages(const clio_table *t, const clio_leontief *f, clio_result **out,
                  clio_error *err);

/* ---- Hypothetical extraction -------------------------------------- */

/*
 * clio_extract_sectors -- hypothetical extraction of every sector, one at a
 * time, by low-rank updates of the one factor (no refactorisation; O(n^3)
 * for all n sectors).  Fields per account (output, V rows, satellites),
 * each the amount that would be lost:
 *   "total"     sector removed (its row and column of A and its final
 *               demand): dx = L e_j x_j / L_jj
 *   "backward"  it buys no intermediate inputs (column j of A zero)
 *   "forward"   it sells no intermediate output (row j of B zero; Ghosh)
 *   "internal"  its purchases from itself removed (Dietzenbacher & Lahr
 *               2013: flows inside the extracted set only)
 *   "total_percent"  total as a percentage of the account's total.
 * Needs t->Z.
 */
int clio_extract_sectors(const clio_table *t, const clio_leontief *f, clio_result **out,
                         clio_error *err);

/* clio_extract_groups -- the same for groups of sectors (one row per group,
 * row_region CLIO_NONE): Woodbury updates of rank |group|. */
int clio_extract_groups(const clio_table *t, const clio_leontief *f, const clio_groups *g,
                        clio_result **out, clio_error *err);

/* ---- Multi-regional analysis -------------------------------------- */

/*
 * clio_spillovers -- per sector j of region s and account: the effect of a
 * unit of final demand for j inside s ("intraregional", column sums of the
 * L_ss block), in every other region ("spillover"), in total ("total"),
 * in each region r ("in:r"), the single-region effect from (I - A_ss)^-1
 * ("single_region") and Miller's interregional feedback ("feedback" =
 * intraregional - single_region >= 0).  Needs t->Z (the diagonal blocks
 * are factored, region by region).
 */
int clio_spillovers(const clio_table *t, const clio_leontief *f, clio_result **out,
                    clio_error *err);

/*
 * clio_footprints -- production- and consumption-based accounts.  The final
 * demand is grouped by consumer (the region of each final-demand column;
 * each column is its own consumer when columns have no region).
 *   by_sector: rows = producing sectors, additive; fields "production"
 *     (d_i x_i) and "for:c" per consumer c, d_i (L y_c)_i: what sector i
 *     produces for the final demand of c; region totals of "for:c" are
 *     the accounts embodied in bilateral trade.
 *   by_region: rows = regions (sector "ALL"); fields "production"
 *     (territorial: d_i x_i over the region's sectors, plus SY of its
 *     final demand for satellites), "consumption" (footprint: sum of for:c
 *     over all producers, plus SY for satellites), "final_demand_direct"
 *     (SY), "domestic", "imported", "exported", "balance" (consumption -
 *     production), then "for:c" per consumer (the region's producers for
 *     c) and, when consumers are regions, "net:s" per region (for:s of this
 *     region minus for:(this region) of s: net embodied flow to s).
 * Either output may be NULL when not wanted.  docs/methods.md has the
 * identities (sum of consumption = sum of production when x = Z 1 + Y 1).
 */
int clio_footprints(const clio_table *t, const clio_leontief *f, clio_result **by_sector,
                    clio_result **by_region, clio_error *err);

/* Writers.  The CSV is tidy (long): region,sector,account,<fields...>. */
int clio_result_write_csv(const clio_result *r, FILE *fp, clio_error *err);
/* A human-readable table. */
int clio_result_write_text(const clio_result *r, FILE *fp, clio_error *err);
/* clio_result_save -- write to `path` atomically, as NetCDF when the name
 * ends in ".nc", as the readable table when it ends in ".txt", otherwise as
 * tidy CSV. */
int clio_result_save(const clio_result *r, const char *path, clio_error *err);
int clio_result_write_netcdf(const clio_result *r, const char *path, clio_error *err);

/* clio_matrix_save_csv -- write an n x n matrix M (leading dimension ld)
 * labelled with t's sector keys in both directions (e.g. the Leontief
 * inverse), atomically, as CSV. */
int clio_matrix_save_csv(const clio_table *t, const double *M, size_t ld, const char *path,
                         clio_error *err);

/* clio_table_save -- write a table to `path`: NetCDF when the name ends in
 * ".nc", otherwise a matrix-set CSV folder. */
int clio_table_save(const clio_table *t, const char *path, clio_error *err);

/* ------------------------------------------------------------------ */
/* Labelled matrices: any rows x cols matrix with row and column names */
/* (a make or use table, a matrix to balance).                         */
/* ------------------------------------------------------------------ */

typedef struct clio_matrix {
    size_t rows, cols;
    char **row_names;  /* rows labels, unique */
    char **col_names;  /* cols labels, unique */
    char *corner;      /* text of the top-left CSV cell (e.g. "sector") */
    double *values;    /* rows x cols, column-major */
} clio_matrix;

/* clio_matrix_read_csv -- first row = column names, first column = row
 * names, finite numbers elsewhere.  CLIO_EFORMAT (file:line) for ragged
 * rows or text where a number belongs, CLIO_EVALUE for NaN/Inf,
 * CLIO_ELABEL for empty or duplicate names. */
int clio_matrix_read_csv(const char *path, clio_matrix **out, clio_error *err);
/* clio_matrix_write_csv -- the same layout, written atomically; numbers
 * read back exactly. */
int clio_matrix_write_csv(const clio_matrix *m, const char *path, clio_error *err);
void clio_matrix_free(clio_matrix *m);

/* clio_matrix_targets_read_csv -- a target for every row (by_column = 0) or
 * column (1) of m from a CSV with columns `label,target`: each label of m
 * exactly once.  CLIO_ELABEL names an unknown, repeated or missing label. */
int clio_matrix_targets_read_csv(const char *path, const clio_matrix *m, int by_column,
                                 double *targets, clio_error *err);
/* clio_matrix_fixed_read_csv -- cells to keep fixed from a CSV with columns
 * `row,column[,value]`: fixed (rows x cols, column-major) gets 1 for each;
 * a value, when given, is written into m first. */
int clio_matrix_fixed_read_csv(const char *path, clio_matrix *m, unsigned char *fixed,
                               clio_error *err);

/* ------------------------------------------------------------------ */
/* Calibration: balancing a matrix to given margins (RAS and GRAS).    */
/* ------------------------------------------------------------------ */

/* Options of clio_ras / clio_gras.  Zero-initialise for the defaults. */
typedef struct clio_balance_options {
    double tol;                  /* converged when every row and column sum is
                                    within tol * max(1, |target|) of it; 0 = 1e-10 */
    int max_iter;                /* iteration cap; 0 = 10000 */
    const unsigned char *fixed;  /* m x n column-major mask (ld = m), or NULL:
                                    nonzero cells keep their value, and the
                                    targets are met by the other cells */
    const char *const *row_names; /* m labels for messages, or NULL */
    const char *const *col_names; /* n labels for messages, or NULL */
} clio_balance_options;

/* What a balancing run did. */
typedef struct clio_balance_info {
    int iterations;   /* row-and-column rounds taken */
    double residual;  /* largest |sum - target| / max(1, |target|) at the end */
} clio_balance_info;

/* clio_ras -- biproportional (RAS) balancing of the m x n non-negative
 * matrix X (column-major, leading dimension ldx >= m) in place, so that its
 * row sums equal u (length m) and its column sums equal v (length n):
 * X = diag(r) X0 diag(s).  Zeros stay zero.
 *
 * clio_gras -- the same for a matrix with negative entries (GRAS: Junius &
 * Oosterhaven 2003, with the corrections of Lenzen et al. 2007 and
 * Temurshoev et al. 2013): X = diag(r) P diag(s) - diag(1/r) N diag(1/s),
 * where P and N are the positive and negative parts of X0, so every sign of
 * X0 is kept.  On a non-negative X it gives the RAS answer.
 *
 * Errors: CLIO_EVALUE for NaN/Inf, or (clio_ras) a negative entry;
 * CLIO_EINVAL when the targets are inconsistent (sum(u) != sum(v) beyond
 * tol, a target nonzero where its row or column has no free cell, a
 * positive target on a row or column with only negative free cells, or the
 * reverse); CLIO_ENOCONVERGE after max_iter rounds, with the residual.
 * `info` (may be NULL) is filled in every case. */
int clio_ras(size_t m, size_t n, double *X, size_t ldx, const double *u, const double *v,
             const clio_balance_options *opt, clio_balance_info *info, clio_error *err);
int clio_gras(size_t m, size_t n, double *X, size_t ldx, const double *u, const double *v,
              const clio_balance_options *opt, clio_balance_info *info, clio_error *err);

/* clio_project -- bring table t to a new year's margins (Stone's RAS
 * projection): the base year's coefficients A, times the new outputs x,
 * balanced (RAS, or GRAS when A has negative entries) so that each row
 * sums to x - fd and each column to x - va; the rows of Y are scaled to
 * the new final-demand totals fd, the columns of V to the new value-added
 * totals va, satellites keep their coefficients per unit of output, and
 * each column of SY is scaled with its final-demand column.  t is changed
 * only on success, and then balances exactly (to opt->tol).
 *
 * Errors: CLIO_EVALUE for NaN or negative x; CLIO_EINVAL when sum(fd)
 * differs from sum(va) (the two sides of GDP), when a sector has new final
 * demand (value added) but none in the base year to scale, or the margins
 * are unreachable; CLIO_ENOCONVERGE from the balancing. */
int clio_project(clio_table *t, const double *x, const double *fd, const double *va,
                 const clio_balance_options *opt, clio_balance_info *info, clio_error *err);

/* clio_margins_read_csv -- new-year margins for clio_project from a CSV with
 * columns region (multi-region tables), sector, output, final_demand,
 * value_added: every sector of t exactly once (CLIO_ELABEL otherwise). */
int clio_margins_read_csv(const char *path, const clio_table *t, double *x, double *fd,
                          double *va, clio_error *err);
/* ------------------------------------------------------------------ */
/* Regionalisation by location quotients, interregional tables         */
/* (docs/methods-regional.md)                                          */
/* ------------------------------------------------------------------ */

/* The location-quotient family.  With regional and national sizes
 * (employment, or output) e_i^r, e_i^n and totals e^r, e^n:
 *   SLQ_i   = (e_i^r / e^r) / (e_i^n / e^n)
 *   CILQ_ij = SLQ_i / SLQ_j, and SLQ_i on the diagonal
 *   FLQ_ij  = lambda* CILQ_ij (lambda* SLQ_i on the diagonal),
 *             lambda* = [log2(1 + e^r / e^n)]^delta  (Flegg et al. 1995)
 *   AFLQ_ij = FLQ_ij log2(1 + SLQ_j) where SLQ_j > 1, else FLQ_ij
 *             (Flegg & Webber 2000).
 * A region without sector j (SLQ_j = 0) has CILQ_ij = +Inf (the limit; its
 * regional coefficients are the national ones); SLQ_i = 0 gives 0. */
enum clio_lq_method { CLIO_LQ_SLQ = 0, CLIO_LQ_CILQ = 1, CLIO_LQ_FLQ = 2, CLIO_LQ_AFLQ = 3 };
#define CLIO_LQ_NMETHODS 4
#define CLIO_FLQ_DELTA 0.3 /* the usual delta of the FLQ literature */

/* clio_lq_method_name -- "slq", "cilq", "flq", "aflq"; NULL when unknown. */
const char *clio_lq_method_name(int method);
/* clio_lq_method_parse -- the method named `name`; CLIO_EINVAL if none. */
int clio_lq_method_parse(const char *name, int *method, clio_error *err);

/*
 * clio_location_quotients -- the n x n matrix LQ_ij of `method` into LQ
 * (leading dimension ld >= n) from the regional and national sizes of the
 * n sectors.  delta in [0, 1] (used by FLQ and AFLQ).  CLIO_EVALUE for a
 * size that is NaN, negative, above the national one, a national size of
 * zero or a region with no size at all; CLIO_EINVAL for a bad method,
 * delta or dimension.
 */
int clio_location_quotients(size_t n, const double *regional, const double *national,
                            int method, double delta, double *LQ, size_t ld, clio_error *err);

/* What is measured in a regional size file. */
enum clio_size_measure {
    CLIO_MEASURE_EMPLOYMENT = 0, /* employment (any unit); x^r_j = x_j e_j^r / e_j^n */
    CLIO_MEASURE_OUTPUT = 1      /* output in the table's unit; national sizes = x */
};

/* Regional sizes by sector of a national table, for one or more regions. */
typedef struct clio_regional_sizes {
    size_t n;          /* sectors of the national table */
    size_t nregions;
    char **regions;    /* in order of first appearance in the file */
    double *regional;  /* n x nregions, column-major (ld = n) */
    double *national;  /* n */
} clio_regional_sizes;

/*
 * clio_regional_sizes_read_csv -- read a size file for the one-region
 * table `national`: columns sector and employment (or output, with
 * CLIO_MEASURE_OUTPUT), optionally region (several regions; without it the
 * one region is named default_region) and national.  Every sector of the
 * table must have one row per region.  The national sizes come from, in
 * this order: the column national (equal on every row of a sector), the
 * satellite row named national_account (may be NULL; for employment files
 * a satellite named "employment" serves by default), x (output measure),
 * or the sum over the file's regions (when it has two or more).
 * CLIO_ELABEL (file:line) for an unknown or repeated sector, a sector
 * missing in a region or an unknown account; CLIO_EVALUE for NaN,
 * negative sizes, a zero national size, a regional size above the
 * national one; CLIO_EFORMAT for a malformed file; CLIO_EINVAL when the
 * national sizes are not known.
 */
int clio_regional_sizes_read_csv(const char *path, const clio_table *national, int measure,
                                 const char *national_account, const char *default_region,
                                 clio_regional_sizes **out, clio_error *err);
void clio_regional_sizes_free(clio_regional_sizes *s);
/* clio_regional_sizes_find -- index of region `name`; CLIO_ELABEL if none. */
int clio_regional_sizes_find(const clio_regional_sizes *s, const char *name, size_t *index,
                             clio_error *err);

/*
 * clio_rpc_read_csv -- regional purchase coefficients known from surveys:
 * columns sector (the selling sector i), rpc (in [0, 1]), optionally buyer
 * (a buying sector j; empty or absent: every buyer) and region (rows of
 * other regions are skipped; empty or absent: every region).  Fills rpc
 * (n x n, leading dimension ld) with NaN, then rpc_ij for every cell a row
 * names; a cell named twice is CLIO_ELABEL, unless a per-cell row refines
 * a whole-row one (the cell wins).  region may be NULL (all rows apply).
 */
int clio_rpc_read_csv(const char *path, const clio_table *national, const char *region,
                      double *rpc, size_t ld, clio_error *err);

/* Options of a regionalisation.  Zero-initialised: SLQ, delta 0, the
 * employment share for final demand, no overrides. */
typedef struct clio_regional_options {
    int method;        /* enum clio_lq_method */
    double delta;      /* FLQ/AFLQ delta in [0, 1]; CLIO_FLQ_DELTA is usual */
    double fd_share;   /* regional final demand = fd_share * national; 0:
                          the region's share of national size, e^r / e^n */
    const double *rpc; /* n x n (ld ldrpc) purchase coefficients replacing
                          min(LQ_ij, 1) where not NaN, or NULL */
    size_t ldrpc;
} clio_regional_options;

/* clio_regional_coefficients -- regional input coefficients r_ij =
 * a_ij min(LQ_ij, 1) (or rpc_ij a_ij) into R (n x n, ld ldr). */
int clio_regional_coefficients(const clio_table *national, const double *regional,
                               const double *nat, const clio_regional_options *opt, double *R,
                               size_t ldr, clio_error *err);

/*
 * clio_regionalize -- the one-region table of `region`: x^r_j = x_j
 * regional_j / nat_j; Z^r = R xhat^r; V rows and satellites per unit of
 * output as national, plus a last V row "imports_from_outside_region"
 * (sum_i (a_ij - r_ij) x^r_j); final demand = fd_share * national Y (SY
 * likewise), plus a last column "net_exports" = x^r - Z^r 1 - Y^r 1 (the
 * region's net sales outside it).  Rows and columns then balance as the
 * national ones do.  The national table must have one region.
 */
int clio_regionalize(const clio_table *national, const char *region, const double *regional,
                     const double *nat, const clio_regional_options *opt, clio_table **out,
                     clio_error *err);

/*
 * clio_regional_multipliers -- output multipliers (column sums of the
 * Leontief inverse) of the national table, field "national", and of the
 * regional table of each of the nmethods methods, fields named by
 * clio_lq_method_name; rows are the region's sectors, one account
 * "output".  opt gives delta, fd_share and rpc (its method is ignored).
 */
int clio_regional_multipliers(const clio_table *national, const char *region,
                              const double *regional, const double *nat,
                              const clio_regional_options *opt, const int *methods,
                              size_t nmethods, clio_result **out, clio_error *err);

/* Options of an interregional assembly.  Zero-initialised: SLQ priors,
 * no overrides, no CHARM, RAS defaults, the added region named "rest". */
typedef struct clio_interregional_options {
    int method;                /* enum clio_lq_method: priors of own-region supply */
    double delta;              /* FLQ/AFLQ delta */
    const double *const *rpc;  /* per region: n x n (ld n) overrides or NULL; or NULL */
    int charm;                 /* nonzero: own-region supply by CHARM instead */
    double heterogeneity;      /* CHARM h in [0, 1]: cross-hauling volume
                                  q_i = h (x_i^r + d_i^r) */
    const char *rest_name;     /* region added for national minus the regions */
    double tol;                /* RAS tolerance; 0 = 1e-10 */
    int max_iter;              /* RAS rounds; 0 = 10000 */
} clio_interregional_options;

/*
 * clio_interregional -- a multi-regional table from the one-region table
 * `national` and the sizes of nregions regions (regional: n x nregions,
 * ld ldr).  Where the regions' sizes fall short of nat, a region
 * rest_name holds the remainder (so one region gives the two-region table
 * region + rest of country).  Regional output, V rows, satellites and final
 * demand are shared out as in clio_regionalize (final demand by each
 * region's share of total size); the trade of each product between origin
 * and using regions starts from the regionalisation (own supply from LQs
 * or CHARM, purchases from other regions in proportion to their surplus of
 * supply over own use) and is RAS-balanced to each region's output (rows)
 * and each user's national-technology requirement (columns).  So the
 * regions sum to the national Z, Y, V, x (and S, SY) up to rounding.
 * Final demand columns are category x region.  CLIO_EVALUE when the
 * regions' sizes exceed the national ones; CLIO_ENOCONVERGE from RAS.
 */
int clio_interregional(const clio_table *national, size_t nregions, char *const *regions,
                       const double *regional, size_t ldr, const double *nat,
                       const clio_interregional_options *opt, clio_table **out,
                       clio_error *err);

/* ------------------------------------------------------------------ */
/* Aggregation and disaggregation (docs/methods-aggregation.md)        */
/* ------------------------------------------------------------------ */

/*
 * clio_concordance -- a many-to-one mapping of labels (sectors or regions)
 * to groups: entry e maps labels[e] to groups[group[e]].  Each label is
 * mapped once; group names are in order of first appearance.  lines[e] is
 * the line of entry e in `path` (both 0 / NULL when built by hand), for
 * messages.
 */
typedef struct clio_concordance {
    char *path;
    size_t n;
    char **labels;
    size_t *group;
    size_t *lines;
    size_t ngroups;
    char **groups;
} clio_concordance;

/* clio_concordance_alloc -- an empty concordance (NULL when out of
 * memory); fill it with clio_concordance_add. */
clio_concordance *clio_concordance_alloc(void);
void clio_concordance_free(clio_concordance *c);

/* clio_concordance_add -- map `label` to `group` (created when new).
 * `line` is kept for messages (0: none).  CLIO_EFORMAT for an empty label
 * or group; CLIO_ELABEL when label is already mapped (naming both lines). */
int clio_concordance_add(clio_concordance *c, const char *label, const char *group, size_t line,
                         clio_error *err);

/*
 * clio_concordance_read_csv -- read a concordance for labels of kind `key`
 * ("sector" or "region"), in one of two forms:
 *   long    a header with the columns `key` and "group" (any order; other
 *           columns, e.g. a description, are ignored), one row per label;
 *   matrix  a 0/1 matrix: the header is `key` then the group names, each
 *           row a label then 0 or 1 per group, exactly one 1 per row.
 * The form is chosen by the header (a "group" column: long).  Errors, with
 * file:line: CLIO_EIO (cannot read), CLIO_EFORMAT (missing column, wrong
 * field count, empty label or group, a matrix cell not 0 or 1, a matrix
 * row without exactly one 1, no entries), CLIO_ELABEL (a label twice).
 */
int clio_concordance_read_csv(const char *path, const char *key, clio_concordance **out,
                              clio_error *err);

/*
 * clio_concordance_map -- the group of each of `count` labels into
 * group[count] (indices into c->groups).  CLIO_ELABEL when a label is not
 * in the concordance ("`what` 'X' is missing from FILE") or, unless flags
 * has CLIO_MAP_ALLOW_UNUSED, when an entry names none of the labels
 * ("FILE:LINE: unknown `what` 'X'").  Labels may repeat (the sector names
 * of a multi-regional table): every one maps.
 */
enum clio_map_flags { CLIO_MAP_STRICT = 0, CLIO_MAP_ALLOW_UNUSED = 1 };
int clio_concordance_map(const clio_concordance *c, char *const *labels, size_t count,
                         const char *what, unsigned flags, size_t *group, clio_error *err);

/*
 * clio_aggregate_matrix -- aggregate the m x n matrix M (ld >= m) by rows
 * and columns: Out(row_group[i], col_group[j]) += M(i, j), i.e. Out =
 * S_r M S_c' with 0/1 concordance matrices S, accumulated by index (no S is
 * formed).  Out is mg x ng (ldout >= mg) and is zeroed first.  row_group
 * (col_group) NULL means the identity (mg == m, ng == n).  CLIO_EINVAL for
 * a group index out of range or a bad leading dimension.
 */
int clio_aggregate_matrix(size_t m, size_t n, const double *M, size_t ld,
                          const size_t *row_group, size_t mg, const size_t *col_group, size_t ng,
                          double *out, size_t ldout, clio_error *err);

/*
 * clio_aggregate -- the table aggregated by a sector concordance (sector
 * names, the same in every region) and/or a region concordance (either
 * NULL: kept as is).  With the 0/1 aggregation matrix S (n' x n):
 *   Z' = S Z S',  Y' = S Y T'  (T merges final-demand columns of the same
 *   category and new region),  V' = V S',  S' = S_sat S',  SY' = SY T',
 *   x' = S x.
 * New sectors, regions and final-demand columns are in order of first
 * appearance in t (sectors by scanning t's sectors, etc.).  Labels of V
 * and satellites, units, title and source are kept.  Every label of t must
 * be mapped and every entry must name a label of t (CLIO_ELABEL).
 */
int clio_aggregate(const clio_table *t, const clio_concordance *sectors,
                   const clio_concordance *regions, clio_table **out, clio_error *err);

/* Shares to split a sector by: k new sector names and their shares
 * (finite, >= 0, summing to 1). */
typedef struct clio_shares {
    char *path;      /* file it came from, or NULL */
    size_t k;
    char **names;
    double *shares;
    size_t *lines;   /* line of each share in path (for messages) */
} clio_shares;

/* clio_shares_read_csv -- read a shares file: columns new_sector,share (any
 * order).  CLIO_EFORMAT (missing column, empty name, not a number),
 * CLIO_ELABEL (a name twice), CLIO_EVALUE (NaN, negative, sum not 1 within
 * 1e-9), with file:line. */
int clio_shares_read_csv(const char *path, clio_shares **out, clio_error *err);
void clio_shares_free(clio_shares *s);

/*
 * clio_disaggregate -- split sector `sector` of t into s->k sectors with
 * output shares w (Wolsky 1984; Lindner et al. 2012, with one share vector):
 *   rows:     z'(a, l) = w_a z(j, l)       (sales split by output shares)
 *   columns:  z'(i, a) = w_a z(i, j)       (the same input coefficients)
 *   diagonal: z'(a, b) = w_a w_b z(j, j)
 *   Y, V, S and x of the new sectors: w_a times the old ones.
 * The new sectors take the old one's place (in the same region, in the
 * order of s); summing them gives back the old row and column, so a
 * balanced table stays balanced.  CLIO_EINVAL for a bad index, CLIO_EVALUE
 * for bad shares, CLIO_ELABEL when a new name is already a sector of the
 * region (other than the one split).
 */
int clio_disaggregate(const clio_table *t, size_t sector, const clio_shares *s, clio_table **out,
                      clio_error *err);

/* ------------------------------------------------------------------ */
/* Supply-use (make-use) to symmetric tables (docs/methods-symmetric.md) */
/* ------------------------------------------------------------------ */

/*
 * clio_sut -- a make (supply) and a use table of one economy.
 *
 *   ni, industries    industries: rows of the make table, columns of use
 *   nc, commodities   commodities: columns of make, rows of use (in use order,
 *                     then commodities only the make table has)
 *   V     ni x nc make table, ld = ni: V(i,c) = output of commodity c by
 *         industry i, scrap columns included (zero where not given)
 *   U     nc x ni intermediate use, ld = nc (noncomparable imports, scrap ...)
 *   E     nc x nfd final demand, ld = nc, columns fd_names
 *   VA    nva x ni value added, ld = nva, rows va_names
 *   scrap nc flags: 1 for a scrap (by-product) commodity, whose make column
 *         is the industries' scrap output h rather than a market-share column
 */
typedef struct clio_sut {
    size_t ni, nc, nfd, nva;
    char **industries, **commodities, **fd_names, **va_names;
    double *V, *U, *E, *VA;
    unsigned char *scrap;
} clio_sut;

void clio_sut_free(clio_sut *s);

/*
 * clio_sut_layout -- how to read the make and use CSVs (labelled CSVs: first
 * row column keys, first column row keys).  Each list is owned by the
 * layout; a NULL list means "the default", a list of zero items "none":
 *
 *   scrap         commodity codes that are scrap.  Default: those of
 *                 S004, S00401, Used (BEA 1997-2017) found in the files.
 *   value_added   use rows that are value added.  Default: rows "V" + digits
 *                 (V001, V00100).
 *   final_demand  use columns that are final demand.  Default: every use
 *                 column that is neither an industry nor a total.
 *   totals        rows/columns that are totals, verified and dropped.
 *                 Default: "T" + digits (T001, T007) and keys starting
 *                 with "Total" (any case).
 *   total_rtol    a total may differ from the sum it stands for by
 *                 total_rtol * max(|total|, sum of |parts|, 1) (0: 1e-3).
 */
typedef struct clio_sut_layout {
    char **scrap, **value_added, **final_demand, **totals;
    size_t nscrap, nvalue_added, nfinal_demand, ntotals;
    double total_rtol;
} clio_sut_layout;

enum clio_sut_list { CLIO_SUT_SCRAP, CLIO_SUT_VALUE_ADDED, CLIO_SUT_FINAL_DEMAND, CLIO_SUT_TOTALS };

/* clio_sut_layout_add -- append the comma-separated codes of `list` to the
 * layout's list `which` (an empty text gives an empty, not a default, list). */
int clio_sut_layout_add(clio_sut_layout *layout, int which, const char *list, clio_error *err);

/* clio_sut_layout_read_yaml -- read a layout file: a YAML mapping with the
 * optional keys scrap, value_added, final_demand, totals (each a sequence
 * of codes or one code) and total_rtol (a number), into a zero-initialised
 * or partly filled layout (lists add up).  Unknown keys are CLIO_EFORMAT. */
int clio_sut_layout_read_yaml(const char *path, clio_sut_layout *layout, clio_error *err);

/* clio_sut_layout_free -- free the lists (not the layout itself). */
void clio_sut_layout_free(clio_sut_layout *layout);

/*
 * clio_sut_read_csv -- read a make CSV (industries x commodities) and a use
 * CSV (commodities and value-added rows x industries and final-demand
 * columns).  Totals are verified (a total row must equal the sum of the
 * rows since the previous total, or of all rows above it; columns alike;
 * zero cells of a total are taken as not given) and dropped; mismatches are warnings in `report` (may be NULL).  Every
 * industry of the make table must be a use column (CLIO_ELABEL otherwise),
 * every use column an industry, final demand or total; codes named in the
 * layout but absent are CLIO_ELABEL.  Industry outputs from the two tables
 * (make row sums; use column sums) and commodity outputs (make column
 * sums; use row sums) that differ by more than total_rtol are warnings.
 */
int clio_sut_read_csv(const char *make_path, const char *use_path,
                      const clio_sut_layout *layout, clio_sut **out, clio_report *report,
                      clio_error *err);

enum clio_technology { CLIO_INDUSTRY_TECHNOLOGY = 0, CLIO_PRODUCT_TECHNOLOGY = 1 };

/*
 * clio_symmetric -- the coefficients of a supply-use system (BEA, "Mathe-
 * matical derivation of the total requirements tables", 1997 and 2002):
 *
 *   q   nc   commodity output: column sums of make (scrap: scrap output)
 *   g   ni   industry output, including scrap: row sums of make
 *   h   ni   scrap output of each industry (sum of its scrap columns)
 *   p   ni   h / g, scrap share of output
 *   B   nc x ni  direct requirements U ghat^-1 (commodity by industry)
 *   T   ni x nc  transformation, g = T q:
 *                industry technology  W = (I - phat)^-1 D, D = V qhat^-1
 *                (market shares; scrap columns and commodities with q = 0
 *                are zero);
 *                product technology   ghat (V_P')^-1, V_P the make table
 *                restricted to the produced commodities P (square, regular)
 *   produced  nc flags: commodity in P (not scrap, q != 0)
 *
 * Commodity-by-commodity direct requirements are B T, total (I - B T)^-1;
 * industry-by-commodity total T (I - B T)^-1; industry-by-industry direct
 * T B, total (I - T B)^-1.  Under industry technology these are BEA's
 * Tables 5-8.  Matrices column-major with ld = rows.
 */
typedef struct clio_symmetric {
    int technology;
    size_t ni, nc;
    double *q, *g, *h, *p;
    double *B, *T;
    unsigned char *produced;
} clio_symmetric;

/* clio_symmetric_compute -- the coefficients above.  CLIO_EVALUE for an
 * industry that uses inputs but has no output, or makes only scrap;
 * product technology: CLIO_EDIM when the number of produced commodities
 * differs from the number of industries, CLIO_ESINGULAR when V_P is
 * singular. */
int clio_symmetric_compute(const clio_sut *s, int technology, clio_symmetric **out,
                           clio_error *err);
void clio_symmetric_free(clio_symmetric *m);

/* Requirement matrices (rows x columns). */
enum clio_requirements {
    CLIO_REQ_DIRECT_COMMODITY_INDUSTRY,   /* B,              commodity x industry */
    CLIO_REQ_TRANSFORMATION,              /* T (W or g V'^-1), industry x commodity */
    CLIO_REQ_DIRECT_COMMODITY,            /* B T,            commodity x commodity */
    CLIO_REQ_DIRECT_INDUSTRY,             /* T B,            industry x industry */
    CLIO_REQ_TOTAL_COMMODITY,             /* (I - B T)^-1,   commodity x commodity */
    CLIO_REQ_TOTAL_INDUSTRY_COMMODITY,    /* T (I - B T)^-1, industry x commodity */
    CLIO_REQ_TOTAL_INDUSTRY               /* (I - T B)^-1,   industry x industry */
};

/* clio_symmetric_matrix -- the matrix `which` (malloc'ed, column-major,
 * ld = *rows) into *out.  CLIO_ESINGULAR when I - B T is singular. */
int clio_symmetric_matrix(const clio_symmetric *m, int which, double **out, size_t *rows,
                          size_t *cols, clio_error *err);

/* clio_symmetric_matrix_save_csv -- the matrix `which` as a labelled CSV
 * (commodity or industry codes of s), written atomically. */
int clio_symmetric_matrix_save_csv(const clio_sut *s, const clio_symmetric *m, int which,
                                   const char *path, clio_error *err);

enum clio_symmetric_by { CLIO_BY_COMMODITY = 0, CLIO_BY_INDUSTRY = 1 };

/*
 * clio_symmetric_table -- the symmetric table of the produced commodities
 * (by commodity: Z = B T qhat, Y = rows P of E, x = q) or of the industries
 * (by industry: Z = T U, Y = T E, x = g), so that its Leontief inverse is
 * the total requirements above.  Value-added rows: the use table's, then
 * one per commodity that is not produced (scrap, noncomparable imports ...)
 * and is used as an input (named by its code), then "scrap_byproduct",
 * the value of scrap made along (minus (p'T) qhat, or minus (p'T) U).
 * Rows and columns balance up to the difference between the make and use
 * totals.  One region named `region` (NULL: "R1").
 */
int clio_symmetric_table(const clio_sut *s, const clio_symmetric *m, int by,
                         const char *region, clio_table **out, clio_error *err);


/* ------------------------------------------------------------------ */
/* Shocks and policies (docs/scenarios.md, docs/methods-shocks.md)     */
/* ------------------------------------------------------------------ */

/* ---- Low-rank coefficient changes (Woodbury) ---------------------- */

/* The factor of I - A' for A' = A + U V' (opaque), kept beside the factor
 * of I - A it was made from. */
typedef struct clio_leontief_update clio_leontief_update;

/*
 * clio_leontief_update_make -- prepare solves with I - A' where A' = A + U V',
 * U and V n x k (leading dimensions ldu, ldv), by the Sherman-Morrison-
 * Woodbury formula: (I - A - U V')^-1 = M^-1 + M^-1 U C^-1 V' M^-1 with
 * M = I - A and the capacitance matrix C = I_k - V' M^-1 U (k x k, LU
 * factored).  Changing k columns J of A by D (n x k) is U = D, V = E_J;
 * changing rows is U = E_R, V = D'.  Costs 2k solves with f (plain and
 * transposed) and O(n k^2); each later solve one solve with f and O(n k).
 * t (may be NULL) only names sectors in messages; when given it must have
 * f's n sectors.  CLIO_EVALUE for NaN/Inf in U or V; CLIO_ESINGULAR when C
 * is singular (I - A' has no inverse); CLIO_ENONPRODUCTIVE, naming the
 * sector, when (I - A') g = 1 has a non-positive g.  f must outlive the
 * update.
 */
int clio_leontief_update_make(const clio_leontief *f, const clio_table *t, size_t k,
                              const double *U, size_t ldu, const double *V, size_t ldv,
                              clio_leontief_update **out, clio_error *err);
void clio_leontief_update_free(clio_leontief_update *u);

/* clio_leontief_update_solve -- B := (I - A')^-1 B, or (I - A')^-T B when
 * transpose is non-zero (n x nrhs, leading dimension ldb). */
int clio_leontief_update_solve(const clio_leontief_update *u, int transpose, size_t nrhs,
                               double *B, size_t ldb, clio_error *err);

/* ---- Capacity constraints: the mixed model ------------------------ */

/*
 * clio_constrained_output -- the demand-driven model with capacity caps,
 * solved as a mixed exogenous/endogenous model (Miller & Blair 2009,
 * section 13.2).  y (n) is the final demand wanted, cap (n) the largest
 * output each sector can reach (INFINITY: no cap).  Sectors whose output
 * would exceed the cap get their output fixed at the cap and their final
 * demand made endogenous; the others are solved.  Repeats until no cap is
 * violated and every fixed sector still binds (its met final demand is at
 * most the wanted one).  Solves with u when it is non-NULL (changed
 * coefficients), otherwise with f.
 *   x        (n) output, never above cap (to rounding: x_i <= cap_i (1 + 1e-12))
 *   y_met    (n) final demand that can be met (y_met_i = y_i where not fixed)
 *   binding  (n) 1 where the output is fixed at its cap, else 0
 *   rounds   number of active sets tried (may be NULL); the solves made
 *            are one plus one per sector ever fixed
 * A fixed sector whose cap is below what the other sectors need from it
 * gets a negative y_met: the cap cannot even supply intermediate demand
 * (documented; the caller reports it).  CLIO_ENOCONVERGE after n + 1 rounds;
 * CLIO_EVALUE, naming the sector (by number), for a negative or NaN cap or
 * a non-finite y; CLIO_EINVAL when u was made from another factor than f.
 * Costs one solve plus one per sector ever fixed, and a dense |C| x |C|
 * solve per round (docs/methods-shocks.md).
 */
int clio_constrained_output(const clio_leontief *f, const clio_leontief_update *u,
                            const double *y, const double *cap, double *x, double *y_met,
                            unsigned char *binding, size_t *rounds, clio_error *err);

/* ---- Supply-driven (Ghosh) view of a primary-input shock ---------- */

/*
 * clio_ghosh_shock -- dx' = dv' G, G = xhat^-1 L xhat: the change of output
 * (n) when the primary inputs (value added) of the sectors change by dv
 * (n, money), by one transposed solve.  Needs t->x only.  The limits of
 * the Ghosh model (fixed allocation shares, implausible as a causal model)
 * are in docs/methods-shocks.md.
 */
int clio_ghosh_shock(const clio_table *t, const clio_leontief *f, const double *dv, double *dx,
                     clio_error *err);

/* ---- Inoperability input-output model (IIM) ----------------------- */

/* clio_iim_interdependency -- A* = xhat^-1 A xhat (a*_ij = z_ij / x_i, the
 * demand-side interdependency matrix) into Astar (n x n, ld lda); rows of
 * zero-output sectors are zero.  Needs t->Z. */
int clio_iim_interdependency(const clio_table *t, double *Astar, size_t lda, clio_error *err);

/*
 * clio_iim_static -- inoperability q = (I - A*)^-1 c* (n values), then
 * clipped to [0, 1] (clipped counts the sectors clipped; may be NULL).
 * A* n x n (ld lda), c* the demand perturbation as a share of output.
 * CLIO_ESINGULAR / CLIO_ENONPRODUCTIVE as the Leontief factor (spectral
 * radius of A* >= 1); CLIO_EVALUE for A* negative or NaN, c* outside
 * [0, 1].
 */
int clio_iim_static(size_t n, const double *Astar, size_t lda, const double *cstar, double *q,
                    size_t *clipped, clio_error *err);

/*
 * clio_iim_supply -- the supply-side IIM (Leung, Haimes & Santos 2007,
 * p. 301; Xu et al. 2011; as in diim): from the transactions Z (n x n, ld
 * ldz) and output x, the supply-side interdependency matrix is A*s = A'
 * with A = Z xhat^-1 (a*s_ij = z_ji / x_i: sector i loses output when its
 * inputs fail), and q = (I - A*s)^-1 c*, clipped to [0, 1].  Details in
 * docs/methods-iim.md.  CLIO_EVALUE for negative or non-finite Z or x.
 */
int clio_iim_supply(size_t n, const double *Z, size_t ldz, const double *x, const double *cstar,
                    double *q, size_t *clipped, clio_error *err);

/*
 * clio_iim_recovery_rates -- the diagonal resilience matrix K of the
 * dynamic IIM from recovery times (Lian & Haimes 2006):
 * k_i = ln(q_i(0) / q_i(T_i)) / (T_i (1 - a*_ii)) = -ln(target) /
 * (T_i (1 - a*_ii)), where the inoperability falls from q_i(0) to
 * target * q_i(0) in T_i periods (target in (0, 1), e.g. 0.01; exact for
 * the continuous model of an isolated sector, docs/methods-iim.md).
 * Sectors with T_i = 0 get k_i = 1 (diim's default K = I: they take at
 * once the inoperability their neighbours imply).  k_i may exceed 1 for
 * short T_i; clio_iim_dynamic refuses that.  CLIO_EVALUE for target outside
 * (0, 1), negative or NaN T_i, or a*_ii >= 1.
 */
int clio_iim_recovery_rates(size_t n, const double *Astar, size_t lda,
                            const double *recovery_time, double target, double *k,
                            clio_error *err);

/*
 * clio_iim_dynamic -- the dynamic IIM q(t+1) = q(t) + K [A* q(t) + c*(t)
 * - q(t)], each q clipped to [0, 1], from q(0) = q0 (n; NULL: zero) for
 * nsteps steps.  k (n) is diag K.  cstar (n x nsteps, ld ldc) is c*(t) for
 * t = 0 .. nsteps-1 (NULL: no perturbation).  q (n x (nsteps + 1), ld ldq)
 * receives q(0) .. q(nsteps).  loss (n, may be NULL) receives the
 * cumulative inoperability of each sector, integrated over time by the
 * trapezoidal rule (multiply by x_i for the economic loss).  CLIO_EVALUE
 * for k outside [0, 1], q0 or c* outside [0, 1], or A* negative or NaN.
 */
int clio_iim_dynamic(size_t n, const double *Astar, size_t lda, const double *k,
                     const double *q0, const double *cstar, size_t ldc, size_t nsteps,
                     double *q, size_t ldq, double *loss, clio_error *err);

/* ---- Adaptive regional input-output (ARIO) simulation ------------- */

/*
 * Parameters of the ARIO model (Hallegatte 2008, 2014; BoARIO, Juhel et al.
 * 2023).  clio_ario_defaults fills them with the documented defaults
 * (docs/methods-ario.md gives each source).  Times are in days.
 */
typedef struct clio_ario_params {
    double step_days;          /* length of a step in days (1: daily)          */
    size_t steps;              /* number of steps simulated (365)              */
    double inventory_days;     /* target input inventory, days of use (90)     */
    double inventory_tau;      /* days to restore inventories (60)             */
    double alpha_max;          /* largest overproduction factor (1.25)         */
    double alpha_tau;          /* days for overproduction to rise (365)        */
    double psi;                /* inventory heterogeneity, 0 .. 1 (0.80)       */
    double reconstruction_tau; /* days to deliver reconstruction demand (180)  */
} clio_ario_params;

void clio_ario_defaults(clio_ario_params *p);

/*
 * A shock to the ARIO model: productive capacity lost at day 0 (share of
 * each sector's capacity, 0 .. 1), the days to recover it, and a
 * reconstruction demand (money, by producing sector) that adds to final
 * demand until delivered.  Vectors of n; NULL means none.
 */
typedef struct clio_ario_shock {
    const double *capacity_loss;  /* n shares, 0 .. 1                      */
    const double *recovery_days;  /* n days to recover lost capacity (linear;
                                     INFINITY or NULL: no recovery in the run) */
    const double *reconstruction; /* n money, demanded from each sector     */
    const double *demand_change;  /* n money per year, a lasting change of final demand */
} clio_ario_shock;

/*
 * The time series of an ARIO run: steps + 1 points (t = 0 is the
 * baseline), n sectors, column t of each n x (steps + 1) array (ld n).
 */
typedef struct clio_ario_result {
    size_t n, steps;
    double *time_days;     /* steps + 1                                       */
    double *production;    /* realised production per year, n x (steps + 1)  */
    double *capacity;      /* production capacity per year                   */
    double *unmet_demand;  /* final + intermediate demand not served, per year */
    double *inventory_gap; /* 1 - inventory / target, mean over inputs (0 .. 1) */
    double *loss;          /* n: production lost vs baseline over the run,
                              sum of (x - production) step_days / 365 (money) */
    double *unmet_total;   /* n: final demand not served over the run (money;
                              reconstruction not served stays owed)          */
    double *rebuilt;       /* n: reconstruction demand delivered (money)      */
} clio_ario_result;

/*
 * clio_ario_run -- simulate the ARIO model (docs/methods-ario.md) from
 * the baseline table t (Z >= 0, x >= 0, Y; final demand is taken as
 * x - Z 1, so x is the baseline even where rows do not balance) under
 * shock s (NULL: none) with parameters p (NULL: the defaults).  Inputs
 * are kept by product (sector name) and buying sector; orders go to a
 * product's suppliers in proportion to their flows and remaining capacity
 * (BoARIO's "alt" orders); rationing is proportional; overproduction rises
 * towards alpha_max while demand exceeds production and decays otherwise.
 * With no shock the economy stays at its baseline (tested).  O(n^2) per
 * step, no solves.  CLIO_EVALUE names a bad parameter, or the shock value
 * and its sector; *out is NULL on error.
 */
int clio_ario_run(const clio_table *t, const clio_ario_params *p, const clio_ario_shock *s,
                  clio_ario_result **out, clio_error *err);
void clio_ario_result_free(clio_ario_result *r);

/* ---- Scenario files ------------------------------------------------ */

/* A parsed scenario file (opaque; docs/scenarios.md). */
typedef struct clio_scenarios clio_scenarios;

/*
 * clio_scenarios_read -- parse a YAML scenario file (libyaml).  Resolves
 * `inherits` (a scenario's changes come after its base's; cycles and
 * unknown bases are errors).  Messages name the file, line and scenario:
 * "FILE:LINE: scenario 'NAME': ...".  CLIO_EFORMAT for malformed YAML or
 * an unknown key, CLIO_EVALUE for bad amounts, CLIO_ELABEL for duplicate
 * or unknown scenario names.
 */
int clio_scenarios_read(const char *path, clio_scenarios **out, clio_error *err);
void clio_scenarios_free(clio_scenarios *s);
size_t clio_scenarios_count(const clio_scenarios *s);
const char *clio_scenarios_name(const clio_scenarios *s, size_t i);
const char *clio_scenarios_description(const clio_scenarios *s, size_t i); /* may be NULL */
/* The file's `table:` path (relative to the scenario file, resolved), or NULL. */
const char *clio_scenarios_table(const clio_scenarios *s);

enum clio_scenario_model {
    CLIO_MODEL_LEONTIEF = 0, /* demand-driven, capacity caps, coefficients, prices */
    CLIO_MODEL_GHOSH = 1,    /* supply-driven view of primary-input changes        */
    CLIO_MODEL_IIM = 2,      /* inoperability, static and dynamic                  */
    CLIO_MODEL_ARIO = 3      /* adaptive regional IO simulation                    */
};

/*
 * A scenario resolved against a table: dense arrays over the table's n
 * sectors (and nfd final-demand columns, nva value-added rows).
 */
typedef struct clio_shock {
    size_t n, nfd, nva;
    int model;                /* enum clio_scenario_model                        */
    /* demand-driven */
    double *dY;               /* n x nfd change of final demand (money)           */
    double *dy;               /* n: its row sums, the change by selling sector    */
    double *cap;              /* n output caps as shares of baseline output
                                 (INFINITY: none); NULL when no cap              */
    size_t ncols;             /* coefficient changes, by column of A:             */
    size_t *cols;             /*   ncols changed columns                         */
    double *dA;               /*   n x ncols change of those columns of A         */
    double *dVc;              /*   nva x ncols change of their value-added coefficients */
    double *dcost;            /* n change of value-added cost per unit of output
                                 (price model); NULL when none                   */
    /* supply-driven (Ghosh) */
    double *dprimary;         /* n change of primary inputs (money); NULL when none */
    /* inoperability (CLIO_MODEL_IIM) */
    double *cstar;            /* n demand perturbation, share of output (0 .. 1)  */
    double *cstar_t;          /* n x periods: perturbations with their own periods
                                 (added to cstar's window); NULL when none       */
    double *q0;               /* n initial inoperability (NULL: zero)             */
    double *recovery_time;    /* n periods to recover (NULL: static only)         */
    double recovery_target;   /* share of q0 left after the recovery time (0.01)  */
    size_t periods;           /* dynamic steps (0: static only)                   */
    size_t perturb_from, perturb_to; /* c* applies in periods [from, to)           */
    /* ARIO (CLIO_MODEL_ARIO) */
    clio_ario_params ario;
    double *capacity_loss, *recovery_days, *reconstruction; /* n each, or NULL   */
} clio_shock;

/*
 * clio_scenario_resolve -- turn scenario i of s into a clio_shock for
 * table t: selectors (region, sector, group from the file's `groups:` CSV,
 * final-demand category) expand to sectors; percentages apply to the
 * baseline (final demand, output, coefficients, value added).  Unknown
 * names are CLIO_ELABEL with "FILE:LINE: scenario 'NAME': unknown sector
 * 'X' (region 'R')".  Needs t->Z for coefficient changes.
 */
int clio_scenario_resolve(const clio_scenarios *s, size_t i, const clio_table *t,
                          clio_shock **out, clio_error *err);
void clio_shock_free(clio_shock *k);


/* ---- Running scenario files ---------------------------------------- */

/*
 * clio_scenario_results -- baseline and scenario values of every scenario
 * of a file.  `labels` carries the rows (the table's sectors), regions and
 * accounts with units, and holds the baseline in its one field
 * "baseline".  Accounts: "final_demand", "output", every value-added row,
 * every satellite, then "price" (a price index, 1 in the baseline) when a
 * scenario changes costs or coefficients, and "unmet:<category>" per
 * final-demand category name when a scenario has capacity caps.
 *
 *   delta(s, i, a)  = delta[a + naccounts * (i + nrows * s)]
 *   scenario value  = baseline + delta
 *   binding(s, i)   = binding[i + nrows * s]: output fixed at its cap
 *
 * Dynamic scenarios (dynamic IIM, ARIO) also have time series, stored for
 * them only (slot[s] = CLIO_NONE for a static scenario):
 *   series(s, v, t, i) = series[i + nrows * (t + ntimes * (v + nvars * slot[s]))]
 * with time(s, t) = time[t + ntimes * s] in the scenario's time_unit
 * ("period" or "day"); NaN where a scenario has fewer points or not that
 * variable.  Their deltas are means over the simulated horizon (annual
 * rates, as the table's flows).  docs/scenarios.md has the details.
 */
typedef struct clio_scenario_results {
    clio_result *labels;
    size_t nscenarios;
    char **names;
    char **models;        /* "leontief", "ghosh", "iim", "ario" */
    char **descriptions;  /* NULL entries where the file has none */
    double *delta;
    unsigned char *binding;
    int has_caps;         /* some scenario has capacity caps */
    size_t ntimes, nvars; /* 0 when no scenario is dynamic */
    char **vars;
    char **time_units;    /* per scenario; NULL for static ones */
    double *time;
    size_t *slot;         /* per scenario: its place in series, or CLIO_NONE */
    size_t nslots;        /* dynamic scenarios */
    double *series;
} clio_scenario_results;

/*
 * clio_scenarios_run -- resolve and solve every scenario of s on table t
 * (which must keep Z) with the factor f of its I - A.  Demand-only
 * scenarios are solved together, as one block of right-hand sides;
 * coefficient changes go through Woodbury updates of f; capacity caps
 * through the mixed model; Ghosh, IIM and ARIO scenarios through their
 * models.  With h (may be NULL) the demand-driven scenarios without caps
 * are solved in the model closed for households (Type II).
 */
int clio_scenarios_run(const clio_scenarios *s, const clio_table *t, const clio_leontief *f,
                       const clio_households *h, clio_scenario_results **out, clio_error *err);
void clio_scenario_results_free(clio_scenario_results *r);

/* Writers.  CSV: scenario,region,sector,account,baseline,scenario_value,delta
 * (+ binding when has_caps), with TOTAL rows per region (and ALL). */
int clio_scenario_results_write_csv(const clio_scenario_results *r, FILE *fp, clio_error *err);
/* A readable summary: per scenario, the totals of every account. */
int clio_scenario_results_write_text(const clio_scenario_results *r, FILE *fp,
                                     clio_error *err);
/* The time series as tidy CSV: scenario,time,time_unit,region,sector,variable,value. */
int clio_scenario_series_write_csv(const clio_scenario_results *r, FILE *fp, clio_error *err);
/* NetCDF with dimensions scenario, sector, account, region (and time when
 * there are series); docs/netcdf-schema.md. */
int clio_scenario_results_write_netcdf(const clio_scenario_results *r, const char *path,
                                       clio_error *err);
/* clio_scenario_results_save -- NetCDF when path ends in ".nc", else the
 * tidy CSV; atomic.  clio_scenario_series_save -- the series CSV, atomic. */
int clio_scenario_results_save(const clio_scenario_results *r, const char *path,
                               clio_error *err);
int clio_scenario_series_save(const clio_scenario_results *r, const char *path,
                              clio_error *err);
/* clio_scenario_results_save_all -- both (either path may be NULL): the
 * series is committed only after the results are written, so a failure
 * of either leaves both files as they were. */
int clio_scenario_results_save_all(const clio_scenario_results *r, const char *path,
                                   const char *series_path, clio_error *err);
/* ------------------------------------------------------------------ */
/* Inoperability model inputs and outputs (clio iim; docs/methods-iim.md) */
/* ------------------------------------------------------------------ */

/* An interdependency system for the IIM, with its sector labels. */
typedef struct clio_iim_system {
    size_t n;
    char **sectors;  /* n sector names                                    */
    char **regions;  /* n region names, or NULL when the input has none   */
    double *Astar;   /* n x n (ld n): the interdependency matrix used; the
                        supply-side A*s when supply is set                */
    double *Z;       /* n x n transactions, or NULL when A* was given     */
    double *x;       /* n outputs, or NULL when unknown                   */
    int supply;      /* 1: supply-side model                              */
} clio_iim_system;

/*
 * clio_iim_system_read -- an A* CSV in diim's layout: a header of n sector
 * names, then n rows of n numbers in the same order (no row labels).
 * CLIO_EDIM when A* is not square, CLIO_EFORMAT for a non-number,
 * CLIO_EVALUE for a negative or non-finite entry (FILE:LINE in messages).
 */
int clio_iim_system_read(const char *path, clio_iim_system **out, clio_error *err);

/*
 * clio_iim_system_read_transactions -- diim's input-output layout: a
 * header of n sector names, n rows of flows Z, then one row of total
 * outputs x.  A* is the demand-side z_ij / x_i, or with supply the
 * supply-side z_ji / x_i.
 */
int clio_iim_system_read_transactions(const char *path, int supply, clio_iim_system **out,
                                      clio_error *err);

/* clio_iim_system_from_table -- A* (or A*s with supply), Z and x of table
 * t (needs t->Z); sectors and regions from the table. */
int clio_iim_system_from_table(const clio_table *t, int supply, clio_iim_system **out,
                               clio_error *err);
void clio_iim_system_free(clio_iim_system *s);

/*
 * clio_iim_vector_read -- per-sector values (c*, q(0), K, recovery times)
 * from a CSV of rows sector,value or region,sector,value, with or without
 * a header line (a first row whose value is not a number).  Sectors not
 * listed get `fill`.  Values must lie in [lo, hi] (CLIO_EVALUE); unknown
 * or ambiguous sectors and sectors listed twice are CLIO_ELABEL; messages
 * name FILE:LINE.  `what` names the quantity in messages.
 */
int clio_iim_vector_read(const char *path, const clio_iim_system *s, const char *what,
                         double lo, double hi, double fill, double *v, clio_error *err);

/*
 * clio_iim_static_save -- the static result as tidy CSV ([region,]sector,
 * inoperability,loss; loss = q_i x_i, blank when x is unknown) to path, or
 * to stdout when path is NULL; as NetCDF when path ends in .nc
 * (inoperability(sector), loss(sector)).  Written atomically.
 */
int clio_iim_static_save(const clio_iim_system *s, const double *q, const char *path,
                         clio_error *err);

/*
 * clio_iim_dynamic_save -- a dynamic run: q (n x (nsteps + 1), ld ldq) and
 * the cumulative inoperability cum (n).  CSV: rows period,[region,]sector,
 * inoperability (stdout when path is NULL); NetCDF (.nc): inoperability
 * (time, sector), cumulative_inoperability(sector), cumulative_loss
 * (sector; cum_i x_i, NaN when x is unknown).  summary_path (may be NULL)
 * receives the CSV [region,]sector,cumulative_inoperability,
 * cumulative_loss.  Every file is written atomically.
 */
int clio_iim_dynamic_save(const clio_iim_system *s, size_t nsteps, const double *q, size_t ldq,
                          const double *cum, const char *path, const char *summary_path,
                          clio_error *err);

/* ------------------------------------------------------------------ */
/* Progress of long operations                                        */
/* ------------------------------------------------------------------ */

/*
 * clio_progress_fn -- called by long operations with a short description
 * of the task ("reading FILE", "factorising I - A (n = 9800)", "running
 * scenarios", "ARIO simulation", ...) and the share done, from 0 (started)
 * to 1 (finished).  A task that cannot measure its share reports 0 and 1
 * only.  Reports come from the calling thread; the function must not call
 * back into clio.
 *
 * clio_progress_set -- route reports to fn with user (fn NULL: no reports,
 * the default).  Process-wide: set it once, before the work starts.  The
 * library itself never prints; the clio tool draws a progress line on a
 * terminal.
 */
typedef void (*clio_progress_fn)(const char *task, double done, void *user);
void clio_progress_set(clio_progress_fn fn, void *user);

/* ------------------------------------------------------------------ */
/* Clusters of related activities (docs/methods-clusters.md)          */
/* ------------------------------------------------------------------ */

/*
 * clio_group_mix -- for each group g, one unit of final demand spread over
 * its members in proportion to their output x_i (mix CLIO_MIX_OUTPUT) or
 * their final demand, the row sums of Y (CLIO_MIX_FINAL_DEMAND): column g
 * of W (n x ngroups, ld ldw) sums to 1 over g's members and is zero
 * elsewhere.  Negative weights count as zero.  CLIO_EVALUE names a group
 * whose members have nothing to weight by.  Used for cluster multipliers,
 * cluster linkages and triple-bottom-line intensities of clusters.
 */
enum clio_group_mix_kind { CLIO_MIX_OUTPUT = 0, CLIO_MIX_FINAL_DEMAND = 1 };

int clio_group_mix(const clio_table *t, const clio_groups *g, int mix, double *W, size_t ldw,
                   clio_error *err);

enum clio_cluster_method {
    CLIO_CLUSTERS_FESER_BERGMAN = 0, /* factor analysis of linkage profiles */
    CLIO_CLUSTERS_LEIDEN = 1,        /* community detection (igraph)        */
    CLIO_CLUSTERS_LOUVAIN = 2
};

/*
 * clio_cluster_options -- how clio_clusters_find works; set the defaults
 * with clio_cluster_options_default, then change what is needed.
 *   region             CLIO_NONE: all sectors of all regions (clusters may
 *                      span regions); else only this region's sectors
 *   factors            Feser-Bergman: factors kept (0: Kaiser's rule,
 *                      eigenvalues > 1)
 *   primary_loading    Feser-Bergman: a sector is a primary member of the
 *                      factor with its largest loading when >= this
 *   secondary_loading  ... and a secondary member of other factors with
 *                      loadings >= this
 *   resolution         community detection: modularity resolution (1)
 *   threshold          community detection: normalised links below this
 *                      are dropped (documented in methods-clusters.md)
 *   seed               random seed: the same seed gives the same clusters
 */
typedef struct clio_cluster_options {
    int method;
    size_t region;
    size_t factors;
    double primary_loading, secondary_loading;
    double resolution, threshold;
    unsigned long seed;
} clio_cluster_options;

void clio_cluster_options_default(clio_cluster_options *o);

/*
 * clio_clusters -- clusters found in a table: groups (names, members as
 * sector indices) with, aligned with groups->members (groups->start
 * [ngroups] entries), a flag secondary (1: a secondary member) and a
 * strength (Feser-Bergman: the loading; community detection: the member's
 * share of its link weight that stays inside the cluster).  quality is the
 * share of variance the kept factors explain (Feser-Bergman) or the
 * modularity of the partition (community detection).
 */
typedef struct clio_clusters {
    char *method; /* "feser-bergman", "leiden", "louvain", "user" */
    clio_groups *groups;
    unsigned char *secondary;
    double *strength;
    double quality;
} clio_clusters;

int clio_clusters_find(const clio_table *t, const clio_cluster_options *o, clio_clusters **out,
                       clio_error *err);
void clio_clusters_free(clio_clusters *c);


/* ------------------------------------------------------------------ */
/* Social accounting matrix: household income groups                   */
/* (SAM closure, Miyazawa, Pyatt-Round; docs/methods-sam.md)           */
/* ------------------------------------------------------------------ */

/*
 * clio_household_consumption_read_csv -- how the household-consumption
 * column of t is split over the groups of d: a CSV with the columns
 * sector,group,share (and region, needed in multi-region tables), by
 * header name.  share[i + n*g] (n = t->n, g in d's group order) is the part
 * of the column's purchase from sector i made by group g; `share` (n x
 * d->ngroups) is zeroed first, and sectors not listed are bought by no group
 * (their household demand stays exogenous).  CLIO_ELABEL for an unknown
 * sector or group or a (sector, group) pair given twice, CLIO_EVALUE for a
 * share outside [0, 1] or shares of one sector adding up to more than 1,
 * CLIO_EFORMAT for a missing column or a non-number; messages name
 * file:line.
 */
int clio_household_consumption_read_csv(const char *path, const clio_table *t,
                                        const clio_income_distribution *d, double *share,
                                        clio_error *err);

/*
 * clio_household_transfers_read_csv -- transfers between household groups
 * (optional): a CSV with the columns from,to,share: group `to` receives
 * `share` of the total income of group `from`.  H (k x k, k = d->ngroups,
 * column-major, zeroed first) gets H[to + k*from] = share.  CLIO_ELABEL for
 * an unknown group, a pair given twice or from = to, CLIO_EVALUE for a share
 * outside [0, 1] or one group giving away more than all its income;
 * messages name file:line.
 */
int clio_household_transfers_read_csv(const char *path, const clio_income_distribution *d,
                                      double *H, clio_error *err);

/*
 * clio_sam -- a one-region table closed for k household groups: the
 * endogenous accounts of a social accounting matrix (SAM) are production
 * (n sectors), factors (the m value-added rows paid to some group) and
 * households (k groups).  Coefficients, all column-major:
 *   F   m x n (ld m)  factor income per unit of output, V(c, j) / x_j
 *   D   k x m (ld k)  share of factor c paid to group h (d's shares)
 *   VH  k x n (ld k)  = D F: group income per unit of output
 *   C   n x k (ld n)  purchases from sector i per unit of group income,
 *                     Y(i, household column) share(i, h) / income_h
 *   H   k x k (ld k)  transfers: H(h, g) per unit of income of g
 * income_h is the base year's total income of group h (factor income
 * VH x plus transfers received): income = (I - H)^-1 VH x.  groups[0] is
 * the lowest-income group (the first group of the distribution file).
 */
typedef struct clio_sam {
    size_t n, k, m;
    char **groups;       /* k names, copied from the distribution */
    size_t *factor_rows; /* m indices into the table's value-added rows */
    double *F, *D, *VH, *C, *H;
    double *income;      /* k */
} clio_sam;

/*
 * clio_sam_define -- build the closure from t, the income distribution d
 * (read for t), the final-demand column named `household_column`, the
 * consumption shares (n x d->ngroups, ld n, as clio_household_consumption_
 * read_csv gives) and the transfers H (k x k, or NULL for none).  With one
 * group receiving all of one value-added row and buying share 1 of every
 * sector, the closure is the Type II closure of clio_households_define.
 * Errors: CLIO_EINVAL for a multi-regional table (groups per region are not
 * supported yet), CLIO_ELABEL for an unknown or repeated column, CLIO_EDIM
 * when d was read for another table, CLIO_EVALUE for a non-finite share, a
 * distribution that pays no value added to households or a group with no
 * income, CLIO_ESINGULAR when the transfers give away all income in a loop.
 */
int clio_sam_define(const clio_table *t, const clio_income_distribution *d,
                    const char *household_column, const double *consumption_share,
                    const double *transfers, clio_sam **out, clio_error *err);
void clio_sam_free(clio_sam *s);

/*
 * clio_sam_miyazawa -- Miyazawa's interrelational income multiplier
 * K = (I_k - H - VH L C)^-1 (k x k, ld ldk): K(h, g) is the income of group h
 * generated, all rounds included, by one unit of exogenous income of group
 * g.  L is never formed: one transposed solve with the open factor f for
 * the k rows of VH.  CLIO_ESINGULAR when I - H - VH L C is (nearly)
 * singular (reciprocal condition number below CLIO_RCOND_WARN),
 * CLIO_ENONPRODUCTIVE when K is not >= 0 (the closed model is not
 * productive); messages name the group.
 */
int clio_sam_miyazawa(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                      double *K, size_t ldk, clio_error *err);

/*
 * clio_sam_multipliers -- SAM multipliers per unit of final demand for each
 * sector j, open (Type I, households exogenous) and closed (households
 * endogenous).  Accounts: "income:<group>" for each group (the lowest-
 * income group first), "income:households" (their sum), then "output",
 * the value-added rows and the satellites.  Fields:
 *   "coefficient"    direct: VH(h, j) for incomes, else as clio_multipliers
 *   "open_effect"    d' L e_j (for group h: (VH L)(h, j))
 *   "closed_effect"  in the closed model: d' L (I + C K VH L) e_j, and
 *                    (K VH L)(h, j) for the income of group h
 *   "induced"        closed_effect - open_effect
 *   "closed_share"   for income accounts, the share of closed household
 *                    income going to the group (NaN for other accounts)
 * With one group as in clio_sam_define's note, "closed_effect" equals the
 * "type2_effect" of clio_multipliers_type2.
 */
int clio_sam_multipliers(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                         clio_result **out, clio_error *err);

/*
 * clio_sam_decomposition -- Pyatt & Round's (1979) decomposition of the
 * accounting multipliers Ma = (I - An)^-1 = M3 M2 M1 (production, factors,
 * households endogenous), additively Ma = I + (M1 - I) + (M2 - I) M1 +
 * (M3 - I) M2 M1, for the columns of the production account: one row per
 * sector j (a unit of final demand for j).  Accounts: "output" (sum over
 * the production rows), "factor:<row>" for each factor, "income:<group>"
 * for each group.  Fields: "initial" (I), "transfer" (M1 - I, effects
 * inside the production account: L - I), "open_loop" ((M2 - I) M1: from
 * production to factors to households: F L, (I - H)^-1 VH L), "closed_loop"
 * ((M3 - I) M2 M1: household spending fed back), "total" (Ma).  Computed
 * by solves with f, for any n.
 */
int clio_sam_decomposition(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                           clio_result **out, clio_error *err);

/*
 * clio_sam_impact -- income of each household group for a final-demand
 * change df (n values) in the closed SAM: income (k values) = K VH L df,
 * and, when dx is not NULL, the output change dx (n values) = L df +
 * L C income.  For the scorecard: income[0] is the lowest-income group's.
 * Errors as clio_sam_miyazawa, and CLIO_EVALUE for a non-finite df.
 */
int clio_sam_impact(const clio_table *t, const clio_leontief *f, const clio_sam *s,
                    const double *df, double *income, double *dx, clio_error *err);
/* ------------------------------------------------------------------ */
/* Cluster effects and the shared-value scorecard                     */
/* (docs/methods-shared-value.md)                                     */
/* ------------------------------------------------------------------ */

/*
 * clio_cluster_effects -- what a unit of final demand spread over each
 * cluster (group of sectors, by the output or final-demand mix of
 * clio_group_mix) causes: X = L W (Type I) or, with h, the closed model's
 * X2 = X + (L HC) S^-1 (HR X) (Type II).
 *
 *   effects   rows = clusters (row_region CLIO_NONE), accounts = output,
 *             V rows, satellites.  Fields:
 *               direct, indirect, [induced (Type II only)], total
 *                   total = the cluster multiplier  sum_i d_ai X2_ig;
 *                   direct = sum_i d_ai w_ig (the demand itself)
 *               in_cluster, in_cluster_share   the part of total on the
 *                   cluster's own members (and its share of total)
 *               in_region, in_region_share     ... on every sector of the
 *                   regions the cluster's members are in
 *               backward_index   total / its mean over clusters
 *               forward_index    sum_g M_a(h, g) / its mean over clusters,
 *                   M_a(h, g) = sum_{i in h} d_ai X2_ig
 *               extraction_total, extraction_percent   what the account
 *                   loses when the whole cluster is extracted
 *                   (clio_extract_groups, Type I)
 *   linkage   (ngroups + 1) x ngroups, ld ngroups + 1, column-major:
 *             linkage(h, g) = output of cluster h (sum over its members)
 *             per unit of final demand spread over cluster g; row
 *             ngroups is the rest of the economy (sectors in no cluster).
 *             With clusters that do not overlap, column g sums to the
 *             output multiplier of g.
 *   w         n x ngroups, ld n: the demand mix used (clio_group_mix)
 *
 * Needs t->Z (extraction).  CLIO_EVALUE names a cluster whose members
 * have nothing to weight by; CLIO_EINVAL for an empty cluster.
 */
typedef struct clio_cluster_effects {
    size_t n, ngroups;
    char **groups;       /* ngroups names                            */
    int type;            /* 1 or 2                                   */
    int mix;             /* enum clio_group_mix_kind                 */
    clio_result *effects;
    double *linkage;     /* (ngroups + 1) x ngroups                  */
    double *w;           /* n x ngroups                              */
} clio_cluster_effects;

int clio_cluster_effects_compute(const clio_table *t, const clio_leontief *f,
                                 const clio_households *h, const clio_groups *g, int mix,
                                 clio_cluster_effects **out, clio_error *err);
void clio_cluster_effects_free(clio_cluster_effects *c);

/* clio_cluster_linkages_save_csv -- the linkage matrix as CSV, atomically:
 * header "output_of,<cluster g>...", rows per cluster h, then
 * "rest_of_economy", "total" (column sums) and "backward_index". */
int clio_cluster_linkages_save_csv(const clio_cluster_effects *c, const char *path,
                                   clio_error *err);
/* clio_cluster_effects_save -- the effects result: a readable table when
 * path ends in ".txt", NetCDF for ".nc", else tidy CSV; atomic. */
int clio_cluster_effects_save(const clio_cluster_effects *c, const char *path, clio_error *err);

/* clio_scenarios_cost -- the `cost:` of scenario i (public money spent by
 * a policy option, in the table's money unit; > 0), NaN when absent. */
double clio_scenarios_cost(const clio_scenarios *s, size_t i);

/*
 * clio_scorecard -- the shared-value scorecard of policy options: for
 * every option o and criterion c, value[o + noptions * c].  Criteria
 * (docs/methods-shared-value.md): economic (output, value_added,
 * va_kept_share, va_target_share), social (jobs, jobs:<satellite> per
 * employment satellite, income:<group> per household group,
 * income_lowest), environmental (env:<satellite>, lower is better),
 * other satellites (sat:<satellite>); then, when some option has a cost,
 * "<criterion>/cost" for the additive ones: value / cost (NaN where an
 * option has no cost).
 *
 *   direction[c]   +1 higher is better, -1 lower is better
 *   kind[c]        "economic", "social", "environmental", "other"
 *   cost[o]        public money (NaN: none)
 *   weight[c]      after clio_scorecard_rank: the normalised weight (sum
 *                  1) of a chosen criterion, 0 for one chosen with weight
 *                  0, NaN for one not chosen
 *   normalised     noptions x ncriteria: min-max over options, 1 = best
 *                  (NaN for criteria not chosen)
 *   score[o]       sum_c weight_c normalised_oc (NaN without weights)
 *   rank[o]        1 = highest score, ties share a rank (0 without weights)
 *   pareto[o]      1 when no option dominates o on the chosen criteria
 */
typedef struct clio_scorecard {
    size_t noptions, ncriteria;
    char **options;
    char **descriptions; /* noptions, entries may be NULL */
    char **criteria;
    char **units;
    char **kind;
    int *direction;
    double *cost;
    double *value;
    double *weight;
    double *normalised;
    double *score;
    size_t *rank;
    unsigned char *pareto;
    int weighted;        /* clio_scorecard_rank was given weights */
    char *unit;          /* the money unit (may be NULL) */
} clio_scorecard;

/* clio_scorecard_alloc -- an empty scorecard (values NaN, directions +1,
 * labels NULL) to fill; NULL when out of memory. */
clio_scorecard *clio_scorecard_alloc(size_t noptions, size_t ncriteria);
void clio_scorecard_free(clio_scorecard *sc);
/* clio_scorecard_find -- index of criterion `name`, or CLIO_NONE. */
size_t clio_scorecard_find(const clio_scorecard *sc, const char *name);

/*
 * Options of the scorecard.
 *   distribution  income shares of household groups (NULL: no income
 *                 criteria)
 *   lowest        the lowest-income group (NULL: the distribution's first)
 *   environmental satellites counted as environmental (lower is better)
 *                 besides the documented name rule; NULL-terminated, may
 *                 be NULL
 */
typedef struct clio_scorecard_options {
    const clio_income_distribution *distribution;
    const char *lowest;
    const char *const *environmental;
} clio_scorecard_options;

/* clio_scorecard_from_scenarios -- one option per scenario of s (the
 * demand-driven model; other models as clio_scenarios_run solves them),
 * costs from `cost:`.  The target regions of an option are those where its
 * final demand changes (all regions when none does). */
int clio_scorecard_from_scenarios(const clio_scenarios *s, const clio_table *t,
                                  const clio_leontief *f, const clio_households *h,
                                  const clio_scorecard_options *o, clio_scorecard **out,
                                  clio_error *err);

/* clio_scorecard_from_groups -- one option per group: `amount` of final
 * demand spread over the group by clio_group_mix, with cost = amount. */
int clio_scorecard_from_groups(const clio_table *t, const clio_leontief *f,
                               const clio_households *h, const clio_groups *g, int mix,
                               double amount, const clio_scorecard_options *o,
                               clio_scorecard **out, clio_error *err);

/*
 * clio_scorecard_rank -- weigh, rank and find the Pareto set.  weights
 * (ncriteria; NaN: criterion not chosen) must be >= 0 and finite with a
 * positive sum; NULL: no ranking, Pareto over every criterion without
 * "/cost".  direction (ncriteria, +1/-1; NULL: the scorecard's) overrides
 * the directions of the chosen criteria.  A chosen criterion with a NaN
 * value (an option without cost) is CLIO_EVALUE naming it.
 */
int clio_scorecard_rank(clio_scorecard *sc, const double *weights, const int *direction,
                        clio_error *err);

/* clio_scorecard_weights_read_csv -- a weights CSV (criterion,weight
 * [,direction]; direction "higher" or "lower") into weights and direction
 * (ncriteria each; unlisted criteria NaN / unchanged).  CLIO_ELABEL for an
 * unknown criterion or one listed twice, CLIO_EVALUE for a negative or
 * non-finite weight or all weights zero, CLIO_EFORMAT for a bad direction
 * or missing column; messages name file:line. */
int clio_scorecard_weights_read_csv(const char *path, const clio_scorecard *sc,
                                    double *weights, int *direction, clio_error *err);

/* Writers: a readable table (criteria down, options across), a CSV with
 * one row per option (option,cost,<criteria>...,score,rank,pareto) and
 * NetCDF (dims option, criterion).  clio_scorecard_save: NetCDF for .nc,
 * else the CSV; atomic. */
int clio_scorecard_write_text(const clio_scorecard *sc, FILE *fp, clio_error *err);
int clio_scorecard_write_csv(const clio_scorecard *sc, FILE *fp, clio_error *err);
int clio_scorecard_write_netcdf(const clio_scorecard *sc, const char *path, clio_error *err);
int clio_scorecard_save(const clio_scorecard *sc, const char *path, clio_error *err);
/* ------------------------------------------------------------------ */
/* Socio-economic accounts and the triple bottom line                 */
/* (docs/methods-accounts.md)                                         */
/* ------------------------------------------------------------------ */

/*
 * clio_table_add_satellites -- a copy of table t with `count` satellite
 * accounts appended: names[k] (unit units[k], NULL for none), values
 * S[k + lds*j] for sector j and, when SY is not NULL, SY[k + ldsy*c] for
 * final-demand column c (else zero).  CLIO_ELABEL for an empty name or one
 * that an account of t or another new one already has, CLIO_EVALUE for a
 * value that is not finite.  *out is NULL on failure; t is not changed.
 */
int clio_table_add_satellites(const clio_table *t, size_t count, const char *const *names,
                              const char *const *units, const double *S, size_t lds,
                              const double *SY, size_t ldsy, clio_table **out,
                              clio_error *err);

/*
 * clio_table_split_satellites_csv -- split satellite accounts of t into
 * types through the bridge file at `path` (columns region,sector,account,
 * type,share, region only for multi-region tables; or account,type,share:
 * the same shares for every sector).  Each (account, type) becomes a new
 * satellite "account:type" = share * account, in the account's unit, so
 * the types of a sector add up to the account.  With one set of shares for
 * all sectors, satellites of final demand (SY) are split too; per-sector
 * shares leave the types' SY zero.  The shares of one sector's account
 * must sum to 1 within CLIO_BRIDGE_TOL; a sector without shares is
 * allowed only where the account is zero.  Errors (messages with
 * file:line): CLIO_ELABEL unknown account, region or sector, a row given
 * twice, a new name that exists; CLIO_EVALUE a share that is NaN, negative
 * or above 1, shares not summing to 1 (naming the sector), a non-zero
 * account without shares; CLIO_EFORMAT a missing column.  The result is a
 * new table (*out); nothing is returned on failure.
 */
#define CLIO_BRIDGE_TOL 1e-6
int clio_table_split_satellites_csv(const clio_table *t, const char *path, clio_table **out,
                                    clio_error *err);

/*
 * clio_table_add_indicators_csv -- add user indicators (hours, emissions,
 * any quantity with a unit) from the CSV at `path` as satellites of a
 * copy of t.  Two layouts:
 *   long:  region,sector,indicator,unit,value (region only for multi-region
 *          tables), one row per (sector, indicator); sectors not listed are 0
 *   wide:  indicator,unit,<sector key>... (as data/germany_1995/
 *          satellites.csv; the first header field may be any name), one row
 *          per indicator; sector columns not given are 0
 * The layout is long when the header has a column 'sector'.  Errors
 * (messages with file:line): CLIO_ELABEL unknown region or sector, an
 * indicator given twice for a sector (or a wide row twice), a name the
 * table already has, units that differ between rows of one indicator;
 * CLIO_EVALUE a value that is NaN, infinite or negative; CLIO_EFORMAT a
 * missing column or a number that does not parse.
 */
int clio_table_add_indicators_csv(const clio_table *t, const char *path, clio_table **out,
                                  clio_error *err);

/* The three domains of a triple-bottom-line account. */
enum clio_domain { CLIO_DOMAIN_ECONOMIC = 0, CLIO_DOMAIN_SOCIAL = 1, CLIO_DOMAIN_ENVIRONMENTAL = 2 };
/* clio_domain_name -- "economic", "social" or "environmental" (NULL when
 * domain is none of them). */
const char *clio_domain_name(int domain);

/*
 * clio_tbl_accounts -- the accounts of a triple-bottom-line analysis of a
 * table: "output", every value-added row, "value_added" (the sum of the V
 * rows that are value added, see below; left out when no row is, or when a
 * V row is itself named "value_added"), then every satellite; with unit and
 * domain.  in_value_added[k] (nva flags) says whether V row k is summed
 * into "value_added": all rows but imports, taxes less subsidies on
 * products and (import) margins, told by their names (containing "import",
 * "margin", or both "tax" and "product", any case).  Default domains:
 * economic for output and V rows, social for compensation/wages/income V
 * rows; satellites social when the name or unit speaks of persons, jobs,
 * employment, workers, hours, FTE, wages or income, economic when their
 * unit is the table's monetary unit, else environmental.
 */
typedef struct clio_tbl_accounts {
    size_t naccounts;
    char **names;
    char **units;
    int *domain;                    /* enum clio_domain, per account */
    size_t nva;
    unsigned char *in_value_added; /* nva flags */
    size_t value_added;            /* index of "value_added", or CLIO_NONE */
} clio_tbl_accounts;

/* clio_tbl_accounts_make -- the accounts of t with the default domains. */
int clio_tbl_accounts_make(const clio_table *t, clio_tbl_accounts **out, clio_error *err);
/* clio_tbl_accounts_read_domains -- override domains from a CSV with the
 * columns account,domain (domain: economic, social or environmental).
 * CLIO_ELABEL (file:line) for an unknown or repeated account, CLIO_EVALUE
 * for an unknown domain, CLIO_EFORMAT for a missing column. */
int clio_tbl_accounts_read_domains(clio_tbl_accounts *a, const char *path, clio_error *err);
void clio_tbl_accounts_free(clio_tbl_accounts *a);

/*
 * clio_tbl -- triple-bottom-line intensities (Foran, Lenzen & Dey 2005;
 * Kucukvar et al. 2014) for every account of a (made by
 * clio_tbl_accounts_make for t) and every sector, then every group of g
 * (NULL: none), whose unit of final demand is spread over its members by
 * clio_group_mix(mix).  Fields:
 *   direct    d_j = c_j / x_j, the account per unit of output
 *   total     m_j = (d' L)_j, embodied in a unit of the sector's final
 *             demand through the supply chain (one transposed solve per
 *             account, all accounts in one block; no inverse)
 *   embodied  m_j y_j, the account embodied in the sector's final demand
 *             y_j (row sum of Y)
 * A group's direct and total are w_g' d and w_g' m (w_g its mix), its
 * embodied total_g times the final demand of its members.  Sum over
 * sectors of embodied = the account's total over sectors when x = Z 1 +
 * Y 1.  Rows: the sectors, then the groups (row_region CLIO_NONE); kind
 * "tbl"; accounts and units of a; the domains in the description.
 */
int clio_tbl(const clio_table *t, const clio_leontief *f, const clio_tbl_accounts *a,
             const clio_groups *g, int mix, clio_result **out, clio_error *err);

/* Writers of a clio_tbl result r with its accounts a.  CSV (tidy):
 * region,sector,domain,account,unit,direct,total,embodied, plus rows with
 * sector "TOTAL" per region (and "ALL" for several) holding the sum of
 * embodied over the region's sectors.  Text: one block per field, the
 * accounts side by side, grouped by domain. */
int clio_tbl_write_csv(const clio_result *r, const clio_tbl_accounts *a, FILE *fp,
                       clio_error *err);
int clio_tbl_write_text(const clio_result *r, const clio_tbl_accounts *a, FILE *fp,
                        clio_error *err);
/* clio_tbl_save -- atomically: NetCDF for ".nc" (clio_result_write_netcdf;
 * domains in its description), text for ".txt", else CSV. */
int clio_tbl_save(const clio_result *r, const clio_tbl_accounts *a, const char *path,
                  clio_error *err);

/* ------------------------------------------------------------------ */
/* Interoperability: pymrio text folders                              */
/* ------------------------------------------------------------------ */

/*
 * clio_table_read_pymrio -- read a folder saved by pymrio
 * (IOSystem.save_all, text format; docs/formats.md): file_parameters.json,
 * Z.txt, Y.txt, optional x.txt (default Z 1 + Y 1) and unit.txt (one
 * monetary unit for every row), and one sub-folder per extension with its
 * own file_parameters.json, F.txt, optional F_Y.txt (older name FY) and
 * unit.txt.  Row and column labels (region, sector / region, category)
 * must be Z's, in Z's order.
 *
 * Extension rows become satellites named "FOLDER:stressor" (or
 * "FOLDER:stressor|compartment"), their F_Y rows SY, their units kept.
 * With opts->value_added naming an extension folder (e.g.
 * "factor_inputs"), that extension's rows become value-added rows (V)
 * instead.  Tables pymrio derives (A, L, G, population; S, S_Y, M, D_*) are
 * ignored; any other table named in a file_parameters.json is CLIO_EFORMAT.
 * Errors name the file and line: CLIO_EIO (missing file), CLIO_EFORMAT,
 * CLIO_EDIM (shapes), CLIO_ELABEL (labels differ), CLIO_EVALUE (NaN/Inf).
 * opts may be NULL.
 */
typedef struct clio_pymrio_options {
    const char *value_added; /* extension folder read as V rows, or NULL */
} clio_pymrio_options;
int clio_table_read_pymrio(const char *dir, const clio_pymrio_options *opts, clio_table **out,
                           clio_error *err);

/*
 * clio_table_write_pymrio -- write the table as a pymrio text folder that
 * pymrio.load_all reads: Z, Y, x, unit (and metadata.json) in DIR;
 * satellites "EXT:name" grouped into extension folder EXT (satellites
 * without a prefix into "satellites"), V rows into extension
 * "factor_inputs" (in the table's monetary unit), SY as F_Y.  The folder
 * appears whole or not at all: it is written as DIR.tmp.XXXXXX beside DIR
 * and renamed; an existing DIR is replaced only when it is a pymrio folder
 * or empty (CLIO_EWRITE otherwise).  A sparse table is written dense (a
 * temporary n x n matrix; CLIO_ENOMEM when it does not fit).
 */
int clio_table_write_pymrio(const clio_table *t, const char *dir, clio_error *err);

/* clio_is_pymrio_folder -- 1 when path is a folder with a
 * file_parameters.json (clio_table_read then reads it as pymrio), else 0. */
int clio_is_pymrio_folder(const char *path);

/* ------------------------------------------------------------------ */
/* Interoperability: published MRIO CSV layouts                       */
/* ------------------------------------------------------------------ */

/*
 * clio_table_read_layout -- read one CSV file in a layout an MRIO
 * publisher uses (docs/formats.md):
 *   "oecd-icio"  OECD Inter-Country Input-Output tables (ICIO 2021/2023
 *                CSV): row keys in column "V1" (or the first column) like
 *                "AUS_01T02", sector columns "AUS_01T02"..., final-demand
 *                columns "AUS_HFCE"..., rows "TLS"/"TAXSUB" (taxes less
 *                subsidies) and "VA" become value added, "OUT" is x; a
 *                column "OUT"/"TOTAL" is checked against it.  China and
 *                Mexico split rows/columns (CN1, CN2, MX1, MX2) are kept as
 *                regions of their own; final demand published for the
 *                whole country (CHN_HFCE, MEX_HFCE ...) goes to CN1 / MX1.
 *   "wiod-niot"  WIOD 2016 release national IO table (Year, Code,
 *                Description, Origin, 56 industries, CONS_h ... EXP, GO):
 *                the domestic rows are Z and Y (CONS_h, CONS_np, CONS_g,
 *                GFCF, INVEN, EXP), x is GO; value-added rows are
 *                "imports" (the sum of the imported-use rows) and the TOT
 *                rows TXSP, EXP_adj, PURR, PURNR, VA, IntTTM (II_fob and GO
 *                are totals, not read), so 1'Z + 1'V = x.  One year is
 *                read: opts->year (0: the latest in the file).
 * Errors name file:line (CLIO_EFORMAT, CLIO_ELABEL, CLIO_EVALUE) and an
 * unknown layout is CLIO_EINVAL.  opts may be NULL.
 */
typedef struct clio_layout_options {
    int year;           /* wiod-niot: year to read, 0 for the latest */
    const char *region; /* wiod-niot: the country's name (NULL: "R1") */
} clio_layout_options;
int clio_table_read_layout(const char *path, const char *layout,
                           const clio_layout_options *opts, clio_table **out, clio_error *err);
/* ------------------------------------------------------------------ */
/* Relatedness of sectors, Delgado-Porter-Stern style                 */
/* (docs/methods-relatedness.md)                                      */
/* ------------------------------------------------------------------ */

/*
 * clio_sector_profiles -- employment of each sector name of a table over
 * observations: regions (for co-location) or occupations (for occupational
 * similarity).  P is nobs x nnames, column-major: P[r + nobs*k] is the
 * employment of sector name names[k] in observation obs[r].  names are the
 * table's distinct sector names in the order of first appearance (in a
 * multi-regional table one name stands for that sector in every region).
 */
typedef struct clio_sector_profiles {
    size_t nobs;
    char **obs;
    size_t nnames;
    char **names;
    double *P;
} clio_sector_profiles;

/*
 * clio_sector_profiles_read_csv -- read a long CSV with the columns sector,
 * obs_column ("region" or "occupation") and employment, any order, by
 * header name.  sector is a sector name of t (in any region); observations
 * keep the file's order of first appearance; a (observation, sector) pair
 * not in the file counts 0.  CLIO_ELABEL for an unknown sector, a pair
 * given twice or a sector of t with no row; CLIO_EVALUE for a NaN, infinite
 * or negative employment; CLIO_EFORMAT for a missing column or a bad number;
 * CLIO_EDIM for fewer than 2 observations; messages name file:line.
 */
int clio_sector_profiles_read_csv(const char *path, const clio_table *t, const char *obs_column,
                                  clio_sector_profiles **out, clio_error *err);

/*
 * clio_sector_profiles_from_satellite -- the same from the table itself:
 * satellite row `satellite` (e.g. "employment") of a multi-regional table,
 * observations = the table's regions.  CLIO_ELABEL for an unknown
 * satellite, CLIO_EDIM for a one-region table, CLIO_EVALUE for a negative
 * or non-finite entry.
 */
int clio_sector_profiles_from_satellite(const clio_table *t, const char *satellite,
                                        clio_sector_profiles **out, clio_error *err);
void clio_sector_profiles_free(clio_sector_profiles *p);

/*
 * Relatedness matrices: n x n (n = t->n), column-major with leading
 * dimension ldr, symmetric, diagonal 0 (a sector's relatedness to itself
 * is not used).  Measures of sector names (co-location, occupations)
 * apply to every region's sector of that name.
 *
 * clio_relatedness_io -- IO_ij = max(z_ij/x_j, z_ji/x_i, z_ij/x_i, z_ji/x_j),
 *   the largest input or output share in either direction (DPS 2016).
 * clio_relatedness_colocation -- Pearson correlation across the regions of
 *   e (at least 3) of the regional employment shares e_rs / e_r (equal to
 *   the correlation of location quotients).  A sector with the same share
 *   everywhere (e.g. no employment) has relatedness 0 with all others.
 * clio_relatedness_occupation -- Pearson correlation across occupations of
 *   the occupation shares e_so / e_s of the two sectors (at least 2
 *   occupations); a sector without employment has relatedness 0.
 * CLIO_EVALUE for a table with non-finite Z or x; CLIO_EINVAL for ldr < n
 * or profiles read for another table.
 */
int clio_relatedness_io(const clio_table *t, double *R, size_t ldr, clio_error *err);
int clio_relatedness_colocation(const clio_table *t, const clio_sector_profiles *e, double *R,
                                size_t ldr, clio_error *err);
int clio_relatedness_occupation(const clio_table *t, const clio_sector_profiles *e, double *R,
                                size_t ldr, clio_error *err);

/*
 * clio_relatedness_combine -- R = sum_k w_k Z_k / sum_k w_k over the nm
 * measures M[k] (n x n, ld n each) with w_k > 0, where Z_k is M[k]
 * standardised over the pairs i < j: (M_ij - mean) / standard deviation (a
 * measure that is constant over the pairs adds 0).  Weights must be finite
 * and >= 0 with a positive sum (CLIO_EINVAL); a measure with weight 0 may
 * be NULL.  R has ld ldr and diagonal 0.
 */
int clio_relatedness_combine(size_t n, const double *const *M, const double *w, size_t nm,
                             double *R, size_t ldr, clio_error *err);

/*
 * clio_relatedness_cluster -- k clusters of t's sectors by average-linkage
 * (UPGMA) agglomerative clustering on the relatedness R: start from single
 * sectors, repeatedly merge the two clusters with the highest mean
 * relatedness between their members, stop at k clusters (1 <= k <= n).
 * Ties go to the pair earliest in the canonical order of sectors (by
 * output, as in community detection), so results do not depend on labels
 * or on the order of the sectors.  Every sector is in one cluster
 * (clusters of one sector included); method "relatedness"; strength = the
 * member's mean relatedness to the other members (0 alone); quality = the
 * validation score vs_sector of the clusters under R.
 */
int clio_relatedness_cluster(const clio_table *t, const double *R, size_t ldr, size_t k,
                             clio_clusters **out, clio_error *err);

/*
 * clio_cluster_scores -- how well a cluster definition g (any clio_groups
 * of t's sectors: the user's, Feser-Bergman's, Leiden's) groups related
 * sectors under a relatedness matrix R, as DPS's validation statistics.
 * Only the sectors in some group ("covered") count.  Pairs i < j of
 * covered sectors are "within" when a group holds both, else "between".
 *   wcr        mean R_ij over within pairs (NaN when there is none)
 *   bcr        mean R_ij over between pairs (NaN when there is none)
 *   ratio      wcr / bcr (NaN unless bcr > 0)
 *   vs_cluster share of groups of >= 2 members whose own mean R over
 *              their pairs exceeds the mean R between their members and
 *              the covered sectors outside them
 *   vs_sector  share of covered sectors (in a group with another member)
 *              whose mean R to the other members of their best own group
 *              exceeds their mean R to the members of every group without
 *              them
 *   nsectors, npairs_within, npairs_between, nclusters (groups of >= 2)
 */
typedef struct clio_cluster_scores {
    double wcr, bcr, ratio, vs_cluster, vs_sector;
    size_t nsectors, npairs_within, npairs_between, nclusters;
} clio_cluster_scores;

int clio_cluster_scores_compute(size_t n, const double *R, size_t ldr, const clio_groups *g,
                                clio_cluster_scores *s, clio_error *err);

/* ------------------------------------------------------------------ */
/* Clusters: files and statistics (docs/methods-clusters.md)          */
/* ------------------------------------------------------------------ */

/*
 * clio_clusters_read_csv -- user-defined clusters (method "user") from a
 * CSV with the columns region,sector and cluster (or group), in any order
 * (region may be left out in one-region tables), and optionally role
 * (primary | secondary; empty: primary) and strength (a number; empty or
 * absent: NaN) -- what clio_clusters_write_csv writes.  A sector may be in
 * several clusters, once in each.  CLIO_ELABEL (file:line) for an unknown
 * region or sector or a sector twice in a cluster, CLIO_EFORMAT for a
 * missing column, an empty file, a bad role or strength.
 */
int clio_clusters_read_csv(const char *path, const clio_table *t, clio_clusters **out,
                           clio_error *err);

/*
 * clio_clusters_write_csv -- the members, one row each, as
 * region,sector,cluster,role,strength (role primary or secondary; strength
 * empty when NaN) to fp.  clio_clusters_read_csv and clio_groups_read_csv
 * read it back.  clio_clusters_save writes it atomically to path, or, for
 * a name ending in ".nc", clio_clusters_membership as NetCDF.
 */
int clio_clusters_write_csv(const clio_table *t, const clio_clusters *c, FILE *fp,
                            clio_error *err);
int clio_clusters_save(const clio_table *t, const clio_clusters *c, const char *path,
                       clio_error *err);

/*
 * clio_clusters_membership -- the members as a result (kind "clusters"):
 * one row per member (its region and sector), account "membership",
 * fields "strength" and "secondary" (0 or 1), and the cluster's name as
 * the row class "cluster"; for NetCDF output with clio_result_save.
 */
int clio_clusters_membership(const clio_table *t, const clio_clusters *c, clio_result **out,
                             clio_error *err);

/*
 * clio_cluster_stats -- one row per cluster (no region), account
 * "cluster", fields (docs/methods-clusters.md; NaN where a denominator is
 * zero):
 *   members, primary, regions   counts (regions the members lie in)
 *   internal                    sum of Z over member pairs
 *   internal_strength           internal / (internal + purchases from and
 *                               sales to non-members)
 *   output_share, value_added_share, <satellite>_share
 *                               members' x, sum of V, each satellite over
 *                               the total of the regions the cluster spans
 *   inputs_other_regions        share of members' intermediate inputs
 *                               bought from other regions than the buyer's
 *   sales_other_regions         share of members' sales (intermediate and
 *                               final) made to other regions
 * Needs Z (CLIO_EINVAL when consumed).
 */
int clio_cluster_stats(const clio_table *t, const clio_clusters *c, clio_result **out,
                       clio_error *err);

/* ------------------------------------------------------------------ */
/* Provenance and reports                                             */
/* ------------------------------------------------------------------ */

/*
 * clio_provenance_set -- record what is making this process's output files:
 * command_line (e.g. "clio multipliers de.nc -o m.nc") and inputs, one line
 * per input file "SHA256  PATH  BYTES" (the first two fields as sha256sum
 * prints them).  Every NetCDF file written afterwards carries them as the
 * global attributes clio_command and clio_inputs, the CF attribute
 * history ("DATE: clio VERSION: COMMAND") and date_created (ISO 8601 UTC;
 * from SOURCE_DATE_EPOCH when it is set, for reproducible files).  Either
 * may be NULL (left out; history then says "created by clio VERSION").
 * The texts are copied.  Process-wide, like clio_progress_set: set it
 * once, before files are written, not while another thread writes.
 * CLIO_OK, or CLIO_ENOMEM with the previous setting kept.
 */
int clio_provenance_set(const char *command_line, const char *inputs);

/*
 * clio_provenance_set_files -- clio_provenance_set with the inputs given
 * as paths[0..count) of regular files: their lines "SHA256  PATH  BYTES"
 * are computed by a background thread, so that hashing a large table
 * overlaps the run's own reading and solving; the first NetCDF file
 * written waits for them.  Paths that cannot be read are left out.  The
 * command line and paths are copied.  A later clio_provenance_set (e.g.
 * (NULL, NULL) when no file will be written) gives up a hashing still
 * running, and so does exit (an atexit handler).  The files are hashed
 * while the program runs: one it rewrites before its first NetCDF output
 * is hashed as it is then.  A child after fork records no inputs.
 * CLIO_OK, CLIO_EINVAL (paths NULL with count > 0) or CLIO_ENOMEM with
 * the previous setting kept.
 */
int clio_provenance_set_files(const char *command_line, const char *const *paths,
                              size_t count);

/*
 * clio_sha256_file -- the SHA-256 of the regular file at path as 64
 * lowercase hexadecimal digits (hex, NUL-terminated) and its size in
 * *bytes (when not NULL).  CLIO_EIO when it is missing, unreadable or not
 * a regular file.
 */
int clio_sha256_file(const char *path, char hex[65], unsigned long long *bytes,
                     clio_error *err);

/*
 * clio_html_report -- one self-contained HTML page (inline CSS and SVG, no
 * scripts, no network) describing the clio result files results[0..count)
 * (NetCDF written by clio_result_write_netcdf or
 * clio_scenario_results_write_netcdf): per file, the summary of the table
 * (title, regions, sectors, accounts and units), charts for its kind of
 * result, each with its numbers in a table beside it (largest effects by
 * sector and by region, multipliers, key sectors, spillovers between
 * regions, scenario deltas; any other kind as a table of its variables
 * and a chart of its first field), and its provenance (command, inputs
 * with SHA-256, clio version, date).  docs/report.md describes the page.
 * Written atomically to output.  CLIO_EIO for an unreadable file,
 * CLIO_EFORMAT for one that is not a clio result (a table, or not NetCDF)
 * or is malformed, CLIO_EWRITE when output cannot be written, CLIO_EINVAL
 * for no files.
 */
int clio_html_report(const char *const *results, size_t count, const char *output,
                     clio_error *err);

/* ------------------------------------------------------------------ */
/* Synthetic tables and threads (docs/generate.md)                    */
/* ------------------------------------------------------------------ */

/* What clio_generate makes.  Every field is required (no zero defaults):
 * the clio tool's defaults are seed 1, 5 final-demand categories and 2
 * satellite accounts. */
typedef struct clio_generate_options {
    size_t regions;            /* R >= 1 */
    size_t sectors;            /* S >= 1 per region: n = R * S sectors in all */
    unsigned long long seed;   /* the same options and seed give the same file */
    size_t fd_categories;      /* K >= 1 final-demand columns per region */
    size_t satellites;         /* M >= 0 satellite accounts (employment, co2, ...) */
} clio_generate_options;

/* Limits of clio_generate: n = R * S at most CLIO_GENERATE_MAX_SECTORS,
 * R * K and M at most CLIO_GENERATE_MAX_COLUMNS. */
#define CLIO_GENERATE_MAX_SECTORS 1000000
#define CLIO_GENERATE_MAX_COLUMNS 100000

/*
 * clio_generate -- write a reproducible synthetic multi-regional table of
 * R regions of S sectors each to path as a clio NetCDF table
 * (docs/netcdf-schema.md), without ever holding Z: columns are made in
 * slabs of a few MiB and written with their chunks, so memory is a few
 * slabs plus O(n (1 + M) + R K) numbers.  The model (docs/generate.md):
 * coefficient column sums in [0.3, 0.7], dense domestic blocks, sparse
 * trade blocks whose density and value fall with a distance between
 * regions, heavy-tailed region and sector sizes; value added (3 rows)
 * closes every column and final demand (R * K columns, positive in every
 * row) every row, exactly up to rounding; M satellites are
 * intensities times output.  The same options and seed give the same
 * numbers on the same machine.  Written atomically.  CLIO_EINVAL for a
 * NULL argument, 0 regions, sectors or final-demand categories; CLIO_EDIM
 * when n, R * K or M is past the limits above (or overflows);
 * CLIO_ENOCONVERGE if the output sizes do not settle (not seen);
 * CLIO_ENOMEM; CLIO_EWRITE when path cannot be written (nothing is left).
 */
int clio_generate(const clio_generate_options *o, const char *path, clio_error *err);

/*
 * clio_generate_sparse -- as clio_generate, but Z sparse: every column has
 * min(K, n) entries, K = nonzeros_per_column >= 1 (clio generate --sparse:
 * 20) -- its own sector, K - 1 - T suppliers in its region and T = K / 5
 * (at least 1 with several regions) imports, partners drawn by size and
 * distance -- instead of dense domestic blocks, stored as CSC in the file
 * (docs/netcdf-schema.md, clio_format_version 2).  Column sums, shares,
 * final demand, value added and satellites follow clio_generate's model
 * (docs/generate.md).  Memory is O(n K + n (1 + M) + R K'): A is held in
 * CSC (16 bytes an entry), never n x n.  Errors as clio_generate; CLIO_EINVAL
 * for K = 0.
 */
int clio_generate_sparse(const clio_generate_options *o, size_t nonzeros_per_column,
                         const char *path, clio_error *err);

/*
 * clio_threads_set -- the number of threads OpenBLAS (and clio's own
 * parallel loops, when it has any) may use from now on; n >= 1.  Process-
 * wide: call it before the work starts, not while another thread computes.
 * CLIO_EINVAL for n < 1.  The clio tool calls it for --threads N or the
 * environment variable CLIO_NUM_THREADS (else OpenBLAS reads
 * OPENBLAS_NUM_THREADS itself).
 */
int clio_threads_set(int n);
/* clio_threads_get -- the number of threads OpenBLAS uses now. */
int clio_threads_get(void);

#ifdef __cplusplus
}
#endif
#endif /* CLIO_H */
