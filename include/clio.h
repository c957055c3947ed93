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
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CLIO_VERSION "0.1.0"
#define CLIO_FORMAT_VERSION 1 /* version of the NetCDF table schema */

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
 *                after clio_leontief_factor consumed it, see below)
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
} clio_table;

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
 * (created when missing); each file is written atomically. */
int clio_table_write_matrixset(const clio_table *t, const char *dir, clio_error *err);

/*
 * clio_table_read_statoffice -- read one CSV in the layout statistical
 * offices and Eurostat publish (intermediate block, final-demand columns,
 * value-added rows, output row or column, satellite rows), as described by
 * the YAML import spec at `spec_path` (docs/import-spec.md).
 */
int clio_table_read_statoffice(const char *csv_path, const char *spec_path, clio_table **out,
                               clio_error *err);

/* NetCDF-4, the canonical format (schema in docs/netcdf-schema.md). */
int clio_table_read_netcdf(const char *path, clio_table **out, clio_error *err);
int clio_table_write_netcdf(const clio_table *t, const char *path, clio_error *err);

/* clio_table_read -- read a table from `path`: a NetCDF file, or a
 * matrix-set folder (region name "R1" when the keys have none). */
int clio_table_read(const char *path, clio_table **out, clio_error *err);

/* ------------------------------------------------------------------ */
/* The Leontief model                                                 */
/* ------------------------------------------------------------------ */

/* clio_coefficients -- A = Z xhat^-1 into A (n x n, leading dimension lda);
 * columns of sectors with zero output are zero. */
int clio_coefficients(const clio_table *t, double *A, size_t lda, clio_error *err);

/* The LU factorisation of I - A, kept to solve many right-hand sides. */
typedef struct clio_leontief clio_leontief;

enum clio_factor_flags {
    CLIO_FACTOR_DEFAULT = 0,
    /* Build I - A in the memory of t->Z and factor it there: no second n x n
     * matrix.  t->Z is NULL afterwards (also on failure). */
    CLIO_FACTOR_CONSUME_Z = 1
};

/*
 * clio_leontief_factor -- factor I - A (LAPACK dgetrf), estimate its
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

/* ------------------------------------------------------------------ */
/* Structural analysis (docs/methods.md)                              */
/* ------------------------------------------------------------------ */

/*
 * Groups of sectors (clusters, policy targets): a CSV with the columns
 * region,sector,group (region may be left out in one-region tables).  A
 * sector may belong to several groups.  Members of group g are
 * members[start[g] .. start[g+1]), sector indices in file order.
 */
typedef struct clio_groups {
    size_t ngroups;
    char **names;      /* ngroups, in order of first appearance */
    size_t *start;     /* ngroups + 1 */
    size_t *members;   /* start[ngroups] sector indices */
} clio_groups;

/* clio_groups_read_csv -- read a group file for table t.  Unknown regions or
 * sectors fail with CLIO_ELABEL naming file and line; a sector listed twice
 * in one group is CLIO_ELABEL too. */
int clio_groups_read_csv(const char *path, const clio_table *t, clio_groups **out,
                         clio_error *err);
void clio_groups_free(clio_groups *g);

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
 * ends in ".nc", otherwise as tidy CSV. */
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

#ifdef __cplusplus
}
#endif
#endif /* CLIO_H */
