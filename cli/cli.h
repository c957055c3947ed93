/* cli.h -- shared pieces of the `clio` tool's subcommands.  The tool is the
 * library's first client: it uses nothing but clio.h. */
#ifndef CLIO_CLI_H
#define CLIO_CLI_H

#include "clio.h"

#include <getopt.h>

#define CLI_EXIT_USAGE 64

/* Options every table-reading command understands. */
typedef struct cli_common {
    const char *command;   /* subcommand name, for messages */
    const char *spec;      /* --spec: read TABLE as a statistical-office CSV */
    const char *region;    /* --region: region name for one-region CSV tables */
    const char *output;    /* -o */
    const char *format;    /* --format text|csv */
    double rtol;           /* --rtol for balance checks */
    int strict;            /* --strict: an unbalanced table is an error */
    int verbose, quiet;
    clio_matrixset_files files; /* --Z --Y --x --V --satellites --satellites-y */
    clio_pymrio_options pymrio; /* how a pymrio folder is read (clio import) */
    const char *layout;         /* --layout: a published MRIO CSV layout (clio import) */
    int year;                   /* --year: which year of a layout's file (0: latest) */
    int threads;                /* --threads N (0: CLIO_NUM_THREADS, else OpenBLAS's own) */
    int method;                 /* --method: a clio_method (0: auto) */
    unsigned long long memory_limit; /* --memory-limit in bytes (0: the library's default) */
    double tolerance;           /* --tolerance: relative error of iterative solves (0: 1e-12) */
    size_t max_iterations;      /* --max-iterations per column (0: the library's 10000) */
    int sparse_ok; /* the command reads a sparse (CSC) table as it is; others get it densified */
} cli_common;

/* The commands that read a sparse table without densifying it (set
 * sparse_ok), for the message that refuses one too large to densify. */
#define CLI_SPARSE_COMMANDS "check, import, export, convert, multipliers, impact"

/* Long options shared by the commands (ids above 256). */
enum {
    OPT_SPEC = 300, OPT_REGION, OPT_FORMAT, OPT_RTOL, OPT_STRICT, OPT_VERBOSE, OPT_QUIET,
    OPT_Z, OPT_Y, OPT_X, OPT_V, OPT_SAT, OPT_SAT_Y, OPT_DEMAND, OPT_INVERSE, OPT_HELP, OPT_TITLE, OPT_UNIT,
    OPT_THREADS, OPT_SOLVER_METHOD, OPT_MEMORY_LIMIT, OPT_TOLERANCE, OPT_MAX_ITERATIONS,
    OPT_COMPRESSION
};

/* getopt_long entries of the shared options. */
#define CLI_COMMON_OPTIONS                                                                     \
    {"output", required_argument, 0, 'o'}, {"spec", required_argument, 0, OPT_SPEC},           \
        {"region", required_argument, 0, OPT_REGION},                                          \
        {"format", required_argument, 0, OPT_FORMAT}, {"rtol", required_argument, 0, OPT_RTOL}, \
        {"strict", no_argument, 0, OPT_STRICT}, {"verbose", no_argument, 0, OPT_VERBOSE},      \
        {"quiet", no_argument, 0, OPT_QUIET}, {"Z", required_argument, 0, OPT_Z},              \
        {"Y", required_argument, 0, OPT_Y}, {"x", required_argument, 0, OPT_X},                \
        {"V", required_argument, 0, OPT_V}, {"satellites", required_argument, 0, OPT_SAT},     \
        {"satellites-y", required_argument, 0, OPT_SAT_Y},                                     \
        {"threads", required_argument, 0, OPT_THREADS},                                        \
        {"method", required_argument, 0, OPT_SOLVER_METHOD},                                   \
        {"memory-limit", required_argument, 0, OPT_MEMORY_LIMIT},                              \
        {"tolerance", required_argument, 0, OPT_TOLERANCE},                                    \
        {"max-iterations", required_argument, 0, OPT_MAX_ITERATIONS},                          \
        {"compression", required_argument, 0, OPT_COMPRESSION},                                \
        {"help", no_argument, 0, OPT_HELP}

/* Help text of the shared options. */
#define CLI_COMMON_HELP                                                                        \
    "table options:\n"                                                                         \
    "  --spec SPEC.yaml   TABLE is one statistical-office CSV described by SPEC\n"             \
    "  --region NAME      region of a one-region CSV table (default R1)\n"                    \
    "  --Z/--Y/--x/--V/--satellites/--satellites-y FILE  file names inside a matrix-set\n"    \
    "                     folder (satellites-y: satellites of final demand, SY)\n"              \
    "  --rtol R           relative tolerance of the balance checks (default 1e-6)\n"          \
    "  --strict           an unbalanced table is an error (exit 9), not a warning\n"          \
    "  -v, --verbose      notes and timings on stderr;  -q, --quiet  no warnings and no\n"  \
    "                     progress line (drawn on stderr when it is a terminal)\n"          \
    "  --threads N        BLAS threads (default: $CLIO_NUM_THREADS, else\n"                 \
    "                     $OPENBLAS_NUM_THREADS, else every core)\n"                 \
    "  --method M         solver: auto (default), lu, lu-mixed, series, krylov,\n"         \
    "                     sparse-lu (docs/methods-solvers.md)\n"                          \
    "  --memory-limit SIZE  bytes the run may hold, e.g. 2G or 500M (default 3/4\n"       \
    "                     of physical memory)\n"                                          \
    "  --tolerance T      relative error of every iterative solve, 0 < T < 1\n"            \
    "                     (default 1e-12; LU is direct and ignores it)\n"                  \
    "  --max-iterations N  passes or matrix products per column before an\n"              \
    "                     iterative solve gives up (exit 13; default 10000)\n"             \
    "  --compression C    NetCDF output: auto (default: tables' matrices from 64 MiB\n"   \
    "                     and results deflated at level 1), none (plain: fastest to\n"  \
    "                     write and read, largest), or a deflate level 1-9\n"

/* cli_parse -- run getopt_long over the shared options plus `extra`
 * (handled by on_extra).  Returns 0, CLI_EXIT_USAGE, or -2 for --help
 * (help printed).  On return *first_arg indexes the positional arguments. */
typedef int (*cli_extra_fn)(void *ctx, int opt, const char *arg);
int cli_parse(cli_common *o, int argc, char **argv, const struct option *extra,
              cli_extra_fn on_extra, void *ctx, const char *usage, const char *help,
              int *first_arg);

/* A command-specific option that takes one string (e.g. --demand FILE):
 * pass &option as ctx and cli_string_option as on_extra. */
typedef struct cli_string {
    int id;
    const char *value;
} cli_string;
int cli_string_option(void *ctx, int opt, const char *arg);

/* cli_parse_table -- cli_parse, then exactly one positional TABLE into
 * *table.  Returns 0, CLI_EXIT_USAGE, or -2 after --help. */
int cli_parse_table(cli_common *o, int argc, char **argv, const struct option *extra,
                    cli_extra_fn on_extra, void *ctx, const char *usage, const char *help,
                    const char **table);

/* cli_factor -- factor I - A (consuming Z when asked), warn about a tiny
 * reciprocal condition number.  The method is --method, or chosen for an
 * unknown number of right-hand sides (cli_factor_for tells it). */
int cli_factor(const cli_common *o, clio_table *t, int consume_z, clio_leontief **out);
/* rhs: right-hand sides the command solves (0: unknown or many,
 * CLI_RHS_ACCOUNTS: one per account, 1 + nva + nsat); needs_lu: the
 * command reads the LU factor itself.  -v prints the chosen method. */
#define CLI_RHS_ACCOUNTS ((size_t)-1)
int cli_factor_for(const cli_common *o, clio_table *t, int consume_z, size_t rhs, int needs_lu,
                   clio_leontief **out);
/* cli_method_report -- with -v, the method and what its solves did. */
void cli_method_report(const cli_common *o, const clio_leontief *f);
/* cli_method_refines -- whether f's solves iterate or refine (series,
 * krylov, lu-mixed), so that what they did is worth a -v line after them. */
int cli_method_refines(const clio_leontief *f);

/* cli_common_option -- handle a shared option; 1 when handled, 0 when not
 * one of them, -1 on a bad value (message printed). */
int cli_common_option(cli_common *o, int opt, const char *arg);

/* cli_error -- print "clio CMD: error: MESSAGE" and return the status. */
int cli_error(const cli_common *o, int status, const clio_error *err);
/* cli_usage_error -- print a usage message and return CLI_EXIT_USAGE. */
int cli_usage_error(const cli_common *o, const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* cli_load_table -- read TABLE (NetCDF, matrix-set folder, or a CSV with
 * --spec), validate it and print the findings; errors (and, with --strict,
 * imbalances) fail.  A sparse table is densified (cli_densify) unless the
 * command set sparse_ok. */
int cli_load_table(const cli_common *o, const char *path, clio_table **out);

/* cli_densify -- make a sparse table dense when its n x n doubles fit the
 * memory limit (--memory-limit, else CLIO_MEMORY_FRACTION of physical
 * memory), noted with -v; otherwise CLIO_ENOMEM (exit 3) with a message
 * naming the size and the commands that read sparse tables.  `why` says
 * who needs it dense (e.g. "clio ghosh").  Nothing for a dense table. */
int cli_densify(const cli_common *o, clio_table *t, const char *path, const char *why);

/* cli_emit -- print a result to stdout (text or CSV) and save it with -o. */
int cli_emit(const cli_common *o, const clio_result *r);

/* One command's analysis of a table.  ctx holds the command's options and
 * what prepare reads; the command frees it after cli_run_analysis. */
typedef struct cli_analysis {
    int keep_z; /* the analysis needs Z: factor in a copy, not in Z's memory */
    size_t rhs;   /* right-hand sides it solves, for --method auto (cli_factor_for) */
    int needs_lu; /* it reads the LU factor itself */
    /* Read the command's inputs once the table is loaded and checked, before
     * the costly factorisation (NULL: none). */
    int (*prepare)(void *ctx, const clio_table *t, clio_error *err);
    int (*analyse)(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err);
    void *ctx;
} cli_analysis;

/* cli_run_analysis -- load and check TABLE, prepare, factor I - A, analyse
 * (timed as "solve"), print and save the result.  Returns the exit status;
 * every error is printed. */
int cli_run_analysis(const cli_common *o, const char *table, const cli_analysis *a);

/* cli_sector_vector -- n doubles for a per-sector input (a demand or cost
 * change), or NULL with CLIO_ENOMEM in err. */
double *cli_sector_vector(const clio_table *t, clio_error *err);

/* A matrix computed from the factor (e.g. the Leontief or Ghosh inverse). */
typedef int (*cli_matrix_fn)(const clio_table *t, const clio_leontief *f, double *M, size_t ld,
                             clio_error *err);
/* cli_save_matrix -- compute an n x n matrix with fill and write it as
 * labelled CSV to path (n more n x n doubles, only on request). */
int cli_save_matrix(const clio_table *t, const clio_leontief *f, cli_matrix_fn fill,
                    const char *path, clio_error *err);

/* cli_replace_text -- replace a table's text field (title, unit) by a copy
 * of text; nothing when text is NULL.  CLIO_OK or CLIO_ENOMEM. */
int cli_replace_text(char **field, const char *text);

/* cli_progress_start -- draw the library's progress reports on stderr when
 * it is a terminal (not with --quiet); with --verbose, print each long
 * task's time.  Called by cli_parse once the options are known. */
void cli_progress_start(const cli_common *o);

/* cli_provenance_record -- the command line of this run (argv of the
 * subcommand, before getopt_long reorders it) and, when it writes NetCDF,
 * its input files with their SHA-256, for every NetCDF file it writes
 * (cli/provenance.c).  Called by cli_parse. */
void cli_provenance_record(int argc, char **argv);

/* Wall-clock seconds, for --verbose timings. */
double cli_now(void);
void cli_timing(const cli_common *o, const char *phase, double seconds);

int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_multipliers(int argc, char **argv);
int cmd_impact(int argc, char **argv);
int cmd_ghosh(int argc, char **argv);
int cmd_prices(int argc, char **argv);
int cmd_linkages(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_spillovers(int argc, char **argv);
int cmd_footprint(int argc, char **argv);
int cmd_balance(int argc, char **argv);
int cmd_project(int argc, char **argv);
int cmd_aggregate(int argc, char **argv);
int cmd_disaggregate(int argc, char **argv);
int cmd_regionalize(int argc, char **argv);
int cmd_interregional(int argc, char **argv);
int cmd_symmetric(int argc, char **argv);
int cmd_scenario(int argc, char **argv);
int cmd_iim(int argc, char **argv);
int cmd_sam(int argc, char **argv);
int cmd_cluster_effects(int argc, char **argv);
int cmd_shared_value(int argc, char **argv);
int cmd_accounts(int argc, char **argv);
int cmd_tbl(int argc, char **argv);
int cmd_relatedness(int argc, char **argv);
int cmd_clusters(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_generate(int argc, char **argv);

#endif
