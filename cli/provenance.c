/* provenance.c -- tell the library what this run is, so that every NetCDF
 * file it writes says which command made it from which inputs
 * (clio_provenance_set; docs/report.md, "Provenance").
 *
 * The command line is kept as typed (quoted for a shell where needed).
 * Inputs are the arguments that name an existing regular file, and the
 * *.csv files of an argument that names a folder (a matrix-set table),
 * each with its SHA-256 and size.  Values of the options that name
 * outputs are not inputs.  Hashing reads every input once more, so it is
 * done only when the run writes NetCDF (an output ending in .nc): nothing
 * else records provenance; the library hashes in a background thread. */
#include "cli.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Options whose value is a file the command writes. */
static const char *const OUTPUT_OPTIONS[] = {
    "--output",   "--inverse",       "--series",   "--summary",  "--multipliers",
    "--miyazawa", "--decomposition", "--direct",   "--total",    "--total-industry-commodity",
    "--stats",    "--linkages",      "--use-coefficients", "--transformation", "--negatives",
};
#define NOUTPUT_OPTIONS (sizeof OUTPUT_OPTIONS / sizeof OUTPUT_OPTIONS[0])

/* A growing text; `failed` once an allocation failed (then text is NULL). */
typedef struct text {
    char *s;
    size_t len, cap;
    int failed;
} text;

static void text_add(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_add(text *t, const char *fmt, ...)
{
    if (t->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || t->len + (size_t)n + 1 > t->cap) {
        size_t cap = 2 * (t->len + (n < 0 ? 0 : (size_t)n) + 64);
        char *s = n < 0 ? NULL : realloc(t->s, cap);
        if (!s) {
            free(t->s);
            *t = (text){.failed = 1};
            return;
        }
        t->s = s;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* An argument as a shell would need it: bare when it holds only safe
 * characters, else in single quotes (a quote inside as '\''). */
static void add_word(text *t, const char *arg)
{
    int safe = *arg != '\0';
    for (const char *p = arg; *p && safe; p++)
        safe = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                      "_./:=,+@%-",
                      *p) != NULL;
    if (safe) {
        text_add(t, "%s", arg);
        return;
    }
    text_add(t, "'");
    for (const char *p = arg; *p; p++)
        text_add(t, *p == '\'' ? "'\\''" : "%c", *p);
    text_add(t, "'");
}

/* The output option `arg` is, with its value inline ("--series=F", "-oF")
 * in *inline_value; 0 when arg is no output option. */
static int output_option(const char *arg, const char **inline_value)
{
    *inline_value = NULL;
    if (arg[0] == '-' && arg[1] != '-') { /* short options, maybe clustered: -qo F */
        const char *o = strchr(arg + 1, 'o');
        if (!o)
            return 0;
        *inline_value = o[1] ? o + 1 : NULL;
        return 1;
    }
    for (size_t k = 0; k < NOUTPUT_OPTIONS; k++) {
        size_t len = strlen(OUTPUT_OPTIONS[k]);
        if (strncmp(arg, OUTPUT_OPTIONS[k], len) == 0 && (arg[len] == '\0' || arg[len] == '=')) {
            *inline_value = arg[len] == '=' ? arg + len + 1 : NULL;
            return 1;
        }
    }
    return 0;
}

/* The input paths, in the order found. */
typedef struct path_list {
    char **paths;
    size_t count, cap;
    int failed;
} path_list;

static void add_input(path_list *l, const char *path)
{
    if (l->failed)
        return;
    if (l->count == l->cap) {
        size_t cap = 2 * l->cap + 8;
        char **p = realloc(l->paths, cap * sizeof *p);
        if (!p) {
            l->failed = 1;
            return;
        }
        l->paths = p;
        l->cap = cap;
    }
    if (!(l->paths[l->count] = strdup(path)))
        l->failed = 1;
    else
        l->count++;
}

static int is_csv(const struct dirent *e)
{
    size_t len = strlen(e->d_name);
    return len > 4 && strcmp(e->d_name + len - 4, ".csv") == 0;
}

/* A folder's *.csv files, in name order. */
static void add_folder(path_list *l, const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, is_csv, alphasort);
    for (int k = 0; k < n; k++) {
        size_t len = strlen(dir) + strlen(names[k]->d_name) + 2;
        char *path = malloc(len);
        struct stat st;
        if (path) {
            snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                     names[k]->d_name);
            if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
                add_input(l, path);
        } else {
            l->failed = 1;
        }
        free(path);
        free(names[k]);
    }
    if (n >= 0)
        free(names);
}

/* An argument that names a file or folder we read. */
static void add_argument(path_list *l, const char *arg)
{
    struct stat st;
    if (*arg == '\0' || stat(arg, &st) != 0)
        return;
    if (S_ISREG(st.st_mode))
        add_input(l, arg);
    else if (S_ISDIR(st.st_mode))
        add_folder(l, arg);
}

static int writes_netcdf(const char *path)
{
    size_t len = path ? strlen(path) : 0;
    return len > 3 && strcmp(path + len - 3, ".nc") == 0;
}

void cli_provenance_record(int argc, char **argv)
{
    text command = {0};
    path_list inputs = {0};
    const char **values = calloc((size_t)argc + 1, sizeof *values); /* non-NULL: an output */
    if (!values)
        return;
    int netcdf = 0, options_done = 0;
    text_add(&command, "clio");
    for (int i = 0; i < argc; i++) {
        text_add(&command, " ");
        add_word(&command, argv[i]);
        const char *value;
        if (i == 0 || options_done || argv[i][0] != '-' || argv[i][1] == '\0')
            continue;
        if (strcmp(argv[i], "--") == 0) {
            options_done = 1;
        } else if (output_option(argv[i], &value)) {
            values[i] = argv[i];
            if (!value && i + 1 < argc)
                value = values[i + 1] = argv[i + 1];
            netcdf |= writes_netcdf(value);
        }
    }
    for (int i = 1; netcdf && i < argc; i++) {
        if (values[i])
            continue;
        const char *eq = argv[i][0] == '-' ? strchr(argv[i], '=') : NULL;
        add_argument(&inputs, eq ? eq + 1 : argv[i]);
    }
    free(values);
    /* Provenance is a courtesy: a run that cannot record it still runs.
     * The inputs are hashed while the command runs (a large table takes
     * as long to hash as to read). */
    if (!command.failed && !inputs.failed)
        (void)clio_provenance_set_files(command.s, (const char *const *)inputs.paths,
                                        inputs.count);
    free(command.s);
    for (size_t k = 0; k < inputs.count; k++)
        free(inputs.paths[k]);
    free(inputs.paths);
}
