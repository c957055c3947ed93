/* common.c -- what every subcommand shares: options, table loading with
 * validation, result output, diagnostics on stderr. */
#include "cli.h"
#include "compression_option.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void cli_timing(const cli_common *o, const char *phase, double seconds)
{
    if (o->verbose)
        fprintf(stderr, "clio %s: %-10s %.3f s\n", o->command, phase, seconds);
}

/* parse_threads -- a thread count: digits only, 1 to 4096. */
static int parse_threads(const char *arg)
{
    char *end;
    errno = 0;
    long v = strtol(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end != '\0' || errno || v < 1 || v > 4096)
        return -1;
    return (int)v;
}

/* apply_threads -- --threads N, else $CLIO_NUM_THREADS; without either,
 * OpenBLAS keeps what it took from $OPENBLAS_NUM_THREADS (or the cores). */
static int apply_threads(const cli_common *o, const char *usage)
{
    int n = o->threads;
    const char *env = getenv("CLIO_NUM_THREADS");
    if (n == 0 && env && *env) {
        n = parse_threads(env);
        if (n < 0)
            return cli_usage_error(o, usage,
                                   "CLIO_NUM_THREADS must be a whole number from 1 to 4096, "
                                   "not '%s'",
                                   env);
    }
    if (n > 0)
        clio_threads_set(n);
    return 0;
}

/* parse_size -- "123", "500M", "2G", "1.5T" in bytes (powers of 1024);
 * 0 when malformed or not positive. */
static unsigned long long parse_size(const char *arg)
{
    char *end;
    errno = 0;
    double v = strtod(arg, &end);
    if (end == arg || errno || !(v > 0) || !isfinite(v))
        return 0;
    static const char units[] = "KMGT";
    const char *u = *end ? strchr(units, *end) : NULL;
    if (*end && (!u || !*u || (end[1] != '\0' && strcmp(end + 1, "B") != 0 &&
                              strcmp(end + 1, "iB") != 0)))
        return 0;
    for (const char *p = units; u && p <= u; p++)
        v *= 1024.0;
    return v < 1 || v > 1.8e19 ? 0 : (unsigned long long)v;
}

int cli_common_option(cli_common *o, int opt, const char *arg)
{
    switch (opt) {
    case 'o': o->output = arg; return 1;
    case OPT_SPEC: o->spec = arg; return 1;
    case OPT_REGION: o->region = arg; return 1;
    case OPT_STRICT: o->strict = 1; return 1;
    case OPT_VERBOSE: o->verbose = 1; return 1;
    case OPT_QUIET: o->quiet = 1; return 1;
    case OPT_Z: o->files.Z = arg; return 1;
    case OPT_Y: o->files.Y = arg; return 1;
    case OPT_X: o->files.x = arg; return 1;
    case OPT_V: o->files.V = arg; return 1;
    case OPT_SAT: o->files.satellites = arg; return 1;
    case OPT_SAT_Y: o->files.satellites_y = arg; return 1;
    case OPT_FORMAT:
        if (strcmp(arg, "text") != 0 && strcmp(arg, "csv") != 0) {
            fprintf(stderr, "clio %s: --format must be 'text' or 'csv', not '%s'\n", o->command,
                    arg);
            return -1;
        }
        o->format = arg;
        return 1;
    case OPT_THREADS:
        if ((o->threads = parse_threads(arg)) < 0) {
            fprintf(stderr, "clio %s: --threads needs a whole number from 1 to 4096, not '%s'\n",
                    o->command, arg);
            return -1;
        }
        return 1;
    case OPT_SOLVER_METHOD:
        if ((o->method = clio_method_parse(arg)) < 0) {
            fprintf(stderr,
                    "clio %s: --method must be auto, lu, lu-mixed, series, krylov or sparse-lu, "
                    "not '%s'\n",
                    o->command, arg);
            return -1;
        }
        return 1;
    case OPT_COMPRESSION:
        return compression_option_parse(opt, arg, o->command);
    case OPT_MEMORY_LIMIT:
        if ((o->memory_limit = parse_size(arg)) == 0) {
            fprintf(stderr,
                    "clio %s: --memory-limit needs a size in bytes with an optional K, M, G "
                    "or T (powers of 1024), e.g. 2G, not '%s'\n",
                    o->command, arg);
            return -1;
        }
        return 1;
    case OPT_TOLERANCE: {
        char *end;
        o->tolerance = strtod(arg, &end);
        if (*arg == '\0' || *end != '\0' || !(o->tolerance > 0 && o->tolerance < 1)) {
            fprintf(stderr,
                    "clio %s: --tolerance needs a relative error between 0 and 1 (e.g. 1e-10), "
                    "not '%s'\n",
                    o->command, arg);
            return -1;
        }
        return 1;
    }
    case OPT_MAX_ITERATIONS: {
        char *end;
        errno = 0;
        unsigned long long v = strtoull(arg, &end, 10);
        if (*arg < '0' || *arg > '9' || *end != '\0' || errno || v < 1 || v > 1000000000ULL) {
            fprintf(stderr,
                    "clio %s: --max-iterations needs a whole number from 1 to 1000000000, not "
                    "'%s'\n",
                    o->command, arg);
            return -1;
        }
        o->max_iterations = (size_t)v;
        return 1;
    }
    case OPT_RTOL: {
        char *end;
        o->rtol = strtod(arg, &end);
        if (*arg == '\0' || *end != '\0' || !(o->rtol >= 0) || !isfinite(o->rtol)) {
            fprintf(stderr, "clio %s: --rtol needs a non-negative number, not '%s'\n",
                    o->command, arg);
            return -1;
        }
        return 1;
    }
    default: return 0;
    }
}

int cli_error(const cli_common *o, int status, const clio_error *err)
{
    const char *msg = err && err->message[0] ? err->message : clio_strerror(status);
    fprintf(stderr, "clio %s: error: %s\n", o->command, msg);
    return status;
}

int cli_usage_error(const cli_common *o, const char *usage, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "clio %s: ", o->command);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nusage: %s\n", usage);
    va_end(ap);
    return CLI_EXIT_USAGE;
}

static int read_any(const cli_common *o, const char *path, clio_table **out, clio_error *err)
{
    if (o->spec)
        return clio_table_read_statoffice(path, o->spec, out, err);
    if (o->layout) {
        clio_layout_options lo = {.year = o->year, .region = o->region};
        return clio_table_read_layout(path, o->layout, &lo, out, err);
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && clio_is_pymrio_folder(path))
        return clio_table_read_pymrio(path, &o->pymrio, out, err);
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return clio_table_read_matrixset(path, &o->files, o->region, out, err);
    if (stat(path, &st) != 0) {
        err->status = CLIO_EIO;
        snprintf(err->message, sizeof err->message, "%s: %s", path, strerror(errno));
        return CLIO_EIO;
    }
    return clio_table_read(path, out, err);
}

/* human_size -- "288 bytes", "1.5 MiB", "74.5 GiB". */
static const char *human_size(double bytes, char *buf, size_t len)
{
    static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    size_t u = 0;
    while (bytes >= 1024.0 && u + 1 < sizeof units / sizeof units[0])
        bytes /= 1024.0, u++;
    snprintf(buf, len, u ? "%.3g %s" : "%.0f %s", bytes, units[u]);
    return buf;
}

int cli_densify(const cli_common *o, clio_table *t, const char *path, const char *why)
{
    if (!clio_table_is_sparse(t))
        return CLIO_OK;
    double need = (double)t->n * (double)t->n * 8.0;
    double limit = o->memory_limit ? (double)o->memory_limit
                                   : CLIO_MEMORY_FRACTION * (double)clio_memory_physical();
    char a[32], b[32];
    if (limit > 0 && need > limit) {
        fprintf(stderr,
                "clio %s: error: %s is a sparse table of %zu sectors (%zu non-zero flows); %s "
                "needs it dense, %zu x %zu doubles = %s, more than the memory limit of %s "
                "(%s).  Commands that read sparse tables: " CLI_SPARSE_COMMANDS "\n",
                o->command, path, t->n, t->Zs->nnz, why, t->n, t->n,
                human_size(need, a, sizeof a), human_size(limit, b, sizeof b),
                o->memory_limit ? "--memory-limit" : "3/4 of physical memory; --memory-limit");
        return CLIO_ENOMEM;
    }
    clio_error err = {0};
    size_t nnz = t->Zs->nnz;
    int status = clio_table_densify(t, &err);
    if (status != CLIO_OK)
        return cli_error(o, status, &err);
    if (o->verbose)
        fprintf(stderr, "clio %s: note: %s is stored sparse (%zu non-zero flows); made dense "
                        "for %s (%s)\n",
                o->command, path, nnz, why, human_size(need, a, sizeof a));
    return CLIO_OK;
}

int cli_load_table(const cli_common *o, const char *path, clio_table **out)
{
    clio_error err = {0};
    clio_table *t = NULL;
    double t0 = cli_now();
    int status = read_any(o, path, &t, &err);
    if (status != CLIO_OK)
        return cli_error(o, status, &err);
    cli_timing(o, "read", cli_now() - t0);
    if (!o->sparse_ok) {
        char why[64];
        snprintf(why, sizeof why, "clio %s", o->command);
        if ((status = cli_densify(o, t, path, why)) != CLIO_OK) {
            clio_table_free(t);
            return status;
        }
    }

    t0 = cli_now();
    clio_report report = {0};
    status = clio_table_check(t, o->rtol, &report);
    for (size_t i = 0; i < report.count; i++) {
        const clio_finding *f = &report.items[i];
        if (f->severity == CLIO_ERROR)
            fprintf(stderr, "clio %s: error: %s: %s\n", o->command, path, f->message);
        else if (f->severity == CLIO_WARNING && !o->quiet)
            fprintf(stderr, "clio %s: warning: %s: %s\n", o->command, path, f->message);
        else if (f->severity == CLIO_INFO && o->verbose)
            fprintf(stderr, "clio %s: note: %s: %s\n", o->command, path, f->message);
    }
    if (status == CLIO_OK && o->strict && report.nwarnings > 0) {
        fprintf(stderr, "clio %s: error: %s: the table does not balance (--strict)\n",
                o->command, path);
        status = CLIO_EUNBALANCED;
    }
    clio_report_free(&report);
    cli_timing(o, "check", cli_now() - t0);
    if (status != CLIO_OK) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}

int cli_emit(const cli_common *o, const clio_result *r)
{
    clio_error err = {0};
    double t0 = cli_now();
    int status = CLIO_OK;
    /* Save first: a failed save must not leave the user with only stdout. */
    if (o->output && (status = clio_result_save(r, o->output, &err)) != CLIO_OK)
        return cli_error(o, status, &err);
    if (!o->quiet || !o->output) {
        if (o->format && strcmp(o->format, "csv") == 0)
            status = clio_result_write_csv(r, stdout, &err);
        else
            status = clio_result_write_text(r, stdout, &err);
        if (fflush(stdout) != 0 && status == CLIO_OK)
            status = CLIO_EWRITE;
        if (status != CLIO_OK)
            return cli_error(o, status, &err);
    }
    cli_timing(o, "write", cli_now() - t0);
    return CLIO_OK;
}

int cli_parse(cli_common *o, int argc, char **argv, const struct option *extra,
              cli_extra_fn on_extra, void *ctx, const char *usage, const char *help,
              int *first_arg)
{
    static const struct option shared[] = {CLI_COMMON_OPTIONS};
    size_t nshared = sizeof shared / sizeof shared[0], nextra = 0;
    while (extra && extra[nextra].name)
        nextra++;
    struct option all[64] = {{0}};
    if (nshared + nextra + 1 > sizeof all / sizeof all[0])
        return CLI_EXIT_USAGE;
    /* The command's own options first: where one has the name of a shared
     * option (balance's and clusters' --method), getopt_long takes it. */
    if (nextra)
        memcpy(all, extra, nextra * sizeof *all);
    memcpy(all + nextra, shared, nshared * sizeof *all);

    o->rtol = CLIO_DEFAULT_RTOL;
    cli_provenance_record(argc, argv); /* before getopt_long reorders argv */
    optind = 1;
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "o:vq", all, NULL)) != -1) {
        if (opt == 'v')
            opt = OPT_VERBOSE;
        if (opt == 'q')
            opt = OPT_QUIET;
        if (opt == OPT_HELP) {
            printf("usage: %s\n\n%s\n%s", usage, help, CLI_COMMON_HELP);
            return -2;
        }
        if (opt == '?' || opt == ':') {
            if (optopt)
                return cli_usage_error(o, usage, "option '-%c' is unknown or needs a value",
                                       optopt);
            return cli_usage_error(o, usage, "option '%s' is unknown or needs a value",
                                   argv[optind - 1]);
        }
        int handled = cli_common_option(o, opt, optarg);
        if (handled == 0 && on_extra)
            handled = on_extra(ctx, opt, optarg);
        if (handled < 0)
            return CLI_EXIT_USAGE;
        if (handled == 0)
            return cli_usage_error(o, usage, "unexpected option");
    }
    *first_arg = optind;
    if (apply_threads(o, usage) != 0)
        return CLI_EXIT_USAGE;
    cli_progress_start(o);
    return 0;
}

int cli_string_option(void *ctx, int opt, const char *arg)
{
    cli_string *option = ctx;
    if (opt != option->id)
        return 0;
    option->value = arg;
    return 1;
}

int cli_parse_table(cli_common *o, int argc, char **argv, const struct option *extra,
                    cli_extra_fn on_extra, void *ctx, const char *usage, const char *help,
                    const char **table)
{
    int first;
    int rc = cli_parse(o, argc, argv, extra, on_extra, ctx, usage, help, &first);
    if (rc)
        return rc;
    if (argc - first != 1)
        return cli_usage_error(o, usage, "expected one TABLE, got %d", argc - first);
    *table = argv[first];
    return 0;
}

int cli_factor(const cli_common *o, clio_table *t, int consume_z, clio_leontief **out)
{
    return cli_factor_for(o, t, consume_z, 0, 0, out);
}

int cli_method_refines(const clio_leontief *f)
{
    const char *m = clio_leontief_method(f);
    return strcmp(m, "lu") != 0 && strcmp(m, "sparse-lu") != 0;
}

void cli_method_report(const cli_common *o, const clio_leontief *f)
{
    if (!o->verbose || !f)
        return;
    char line[256];
    clio_leontief_describe(f, line, sizeof line);
    fprintf(stderr, "clio %s: method %s\n", o->command, line);
}

int cli_factor_for(const cli_common *o, clio_table *t, int consume_z, size_t rhs, int needs_lu,
                   clio_leontief **out)
{
    clio_error err = {0};
    double t0 = cli_now();
    clio_leontief_options opts = {
        .method = (clio_method)o->method,
        .rhs = rhs == CLI_RHS_ACCOUNTS ? 1 + t->nva + t->nsat : rhs,
        .needs_lu = needs_lu,
        .memory_limit = o->memory_limit,
        .tolerance = o->tolerance,
        .max_iterations = o->max_iterations,
    };
    int status = clio_leontief_factor_opts(t, consume_z ? CLIO_FACTOR_CONSUME_Z : 0, &opts, out,
                                           &err);
    if (status != CLIO_OK)
        return cli_error(o, status, &err);
    cli_timing(o, "factor", cli_now() - t0);
    cli_method_report(o, *out);
    double rcond = clio_leontief_rcond(*out);
    if (rcond < CLIO_RCOND_WARN && !o->quiet)
        fprintf(stderr,
                "clio %s: warning: I - A is nearly singular (reciprocal condition number "
                "%.3g): results may have lost most of their accuracy\n",
                o->command, rcond);
    else if (o->verbose)
        fprintf(stderr, "clio %s: reciprocal condition number of I - A: %.3g\n", o->command,
                rcond);
    return CLIO_OK;
}

int cli_replace_text(char **field, const char *text)
{
    if (!text)
        return CLIO_OK;
    char *copy = strdup(text);
    if (!copy)
        return CLIO_ENOMEM;
    free(*field);
    *field = copy;
    return CLIO_OK;
}
