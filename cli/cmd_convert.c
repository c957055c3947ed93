/* cmd_convert.c -- `clio import`, `clio export` and `clio convert`: read a
 * table in any supported form, validate it, write it as NetCDF (.nc), a
 * matrix-set CSV folder, or a pymrio folder (--format pymrio); --sparse and
 * --dense change how Z is stored (docs/netcdf-schema.md).  Nothing is
 * written when the table fails validation. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_VA_EXTENSION = 400, OPT_LAYOUT, OPT_YEAR, OPT_SPARSE, OPT_DENSE };

/* Options of import/export beyond the shared ones. */
typedef struct convert_options {
    cli_common *common;
    const char *title, *unit;
    int sparse, dense; /* --sparse, --dense: Z's storage in the output */
} convert_options;

static int extra_option(void *ctx, int opt, const char *arg)
{
    convert_options *m = ctx;
    if (opt == OPT_TITLE)
        m->title = arg;
    else if (opt == OPT_UNIT)
        m->unit = arg;
    else if (opt == OPT_VA_EXTENSION)
        m->common->pymrio.value_added = arg;
    else if (opt == OPT_LAYOUT)
        m->common->layout = arg;
    else if (opt == OPT_SPARSE)
        m->sparse = 1;
    else if (opt == OPT_DENSE)
        m->dense = 1;
    else if (opt == OPT_YEAR) {
        char *end;
        long y = strtol(arg, &end, 10);
        if (*arg == '\0' || *end != '\0' || y < 1900 || y > 2200) {
            fprintf(stderr, "clio %s: --year needs a year like 2014, not '%s'\n",
                    m->common->command, arg);
            return -1;
        }
        m->common->year = (int)y;
    }
    else
        return 0;
    return 1;
}

/* The output's form: "--format pymrio" (or netcdf, matrixset) names it;
 * the shared --format takes text|csv only, so the table formats are taken
 * out of argv before the shared parser sees them.  *form is NULL when the
 * output path decides (.nc or folder). */
static int take_table_format(int *argc, char **argv, const char **form)
{
    static const char *const forms[] = {"pymrio", "netcdf", "matrixset", NULL};
    *form = NULL;
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *value = NULL;
        int skip = 0;
        if (strcmp(argv[i], "--format") == 0 && i + 1 < *argc)
            value = argv[i + 1], skip = 1;
        else if (strncmp(argv[i], "--format=", 9) == 0)
            value = argv[i] + 9;
        int known = 0;
        for (size_t k = 0; value && forms[k]; k++)
            known |= strcmp(value, forms[k]) == 0;
        if (!known) {
            argv[out++] = argv[i];
            continue;
        }
        *form = value;
        i += skip;
    }
    *argc = out;
    argv[out] = NULL;
    return 0;
}

static int save(const char *form, const clio_table *t, const char *path, clio_error *err)
{
    if (form && strcmp(form, "pymrio") == 0)
        return clio_table_write_pymrio(t, path, err);
    if (form && strcmp(form, "netcdf") == 0)
        return clio_table_write_netcdf(t, path, err);
    if (form && strcmp(form, "matrixset") == 0)
        return clio_table_write_matrixset(t, path, err);
    return clio_table_save(t, path, err);
}

/* is_netcdf -- whether the output is NetCDF: --format netcdf, or a path
 * ending in .nc (what clio_table_save decides by). */
static int is_netcdf(const char *form, const char *path)
{
    if (form)
        return strcmp(form, "netcdf") == 0;
    size_t len = path ? strlen(path) : 0;
    return len >= 3 && strcmp(path + len - 3, ".nc") == 0;
}

/* storage -- Z as --sparse or --dense asks; CSV and pymrio outputs hold
 * every cell, so a sparse table is densified for them (when it fits). */
static int storage(const cli_common *o, const convert_options *m, const char *form,
                   clio_table *t, const char *input)
{
    clio_error err = {0};
    if (m->sparse) {
        int status = clio_table_sparsify(t, &err);
        if (status == CLIO_OK && o->verbose)
            fprintf(stderr, "clio %s: Z stored sparse: %zu non-zero flows of %zu x %zu\n",
                    o->command, t->Zs->nnz, t->n, t->n);
        return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
    }
    if (m->dense)
        return cli_densify(o, t, input, "--dense");
    if (!is_netcdf(form, o->output))
        return cli_densify(o, t, input,
                           form && strcmp(form, "pymrio") == 0 ? "a pymrio folder"
                                                               : "a matrix-set CSV folder");
    return CLIO_OK;
}

static int convert(const char *command, const char *usage, const char *help, int argc,
                   char **argv)
{
    static const struct option extra[] = {
        {"title", required_argument, 0, OPT_TITLE},
        {"unit", required_argument, 0, OPT_UNIT},
        {"value-added-extension", required_argument, 0, OPT_VA_EXTENSION},
        {"layout", required_argument, 0, OPT_LAYOUT},
        {"year", required_argument, 0, OPT_YEAR},
        {"sparse", no_argument, 0, OPT_SPARSE},
        {"dense", no_argument, 0, OPT_DENSE},
        {0, 0, 0, 0}};
    cli_common o = {.command = command, .sparse_ok = 1};
    convert_options meta = {.common = &o};
    const char *form;
    take_table_format(&argc, argv, &form);
    int first;
    int rc = cli_parse(&o, argc, argv, extra, extra_option, &meta, usage, help, &first);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (argc - first != 1)
        return cli_usage_error(&o, usage, "expected one input, got %d", argc - first);
    if (!o.output)
        return cli_usage_error(&o, usage, "missing -o OUTPUT");
    if (o.layout && o.spec)
        return cli_usage_error(&o, usage, "--layout and --spec exclude each other");
    if (meta.sparse && meta.dense)
        return cli_usage_error(&o, usage, "--sparse and --dense exclude each other");
    if (meta.sparse && !is_netcdf(form, o.output))
        return cli_usage_error(&o, usage,
                               "--sparse needs a NetCDF output (.nc): matrix-set and pymrio "
                               "folders hold every cell of Z");
    clio_table *t;
    int status = cli_load_table(&o, argv[first], &t);
    if (status != CLIO_OK)
        return status;
    if ((status = storage(&o, &meta, form, t, argv[first])) != CLIO_OK) {
        clio_table_free(t);
        return status;
    }
    clio_error err = {0};
    if (cli_replace_text(&t->title, meta.title) != CLIO_OK || cli_replace_text(&t->unit, meta.unit) != CLIO_OK) {
        clio_table_free(t);
        return cli_error(&o, CLIO_ENOMEM, NULL);
    }
    double t0 = cli_now();
    status = save(form, t, o.output, &err);
    cli_timing(&o, "write", cli_now() - t0);
    if (status == CLIO_OK && !o.quiet)
        fprintf(stderr, "clio %s: wrote %s: %zu sectors in %zu region(s), %zu final-demand, "
                        "%zu value-added, %zu satellite rows\n",
                command, o.output, t->n, t->nregions, t->nfd, t->nva, t->nsat);
    clio_table_free(t);
    return status == CLIO_OK ? CLIO_OK : cli_error(&o, status, &err);
}

#define CONVERT_HELP                                                                           \
    "  --format pymrio|netcdf|matrixset   the output's form (default: NetCDF when OUTPUT\n"    \
    "                 ends in .nc, else a matrix-set CSV folder); pymrio writes the text\n"    \
    "                 folder pymrio.load_all reads (docs/formats.md)\n"                        \
    "  --title TEXT, --unit UNIT   set the table's title and monetary unit\n"            \
    "  --sparse, --dense   store Z sparse (CSC: only the non-zero flows; NetCDF only)\n"   \
    "                 or dense (n x n); default: as read.  Matrix-set and pymrio\n"        \
    "                 outputs are dense (a sparse table must fit --memory-limit)\n"

int cmd_import(int argc, char **argv)
{
    return convert("import", "clio import SOURCE -o OUTPUT(.nc|DIR) [options]",
                   "Read SOURCE -- a matrix-set CSV folder (Z.csv, Y.csv, optional x.csv, V.csv,\n"
                   "satellites.csv), a pymrio folder (file_parameters.json, Z.txt, Y.txt and\n"
                   "extension folders), a statistical-office CSV with --spec, a published MRIO\n"
                   "CSV with --layout, or a NetCDF table -- validate it, and write it.\n"
                   "  --layout oecd-icio|wiod-niot   SOURCE is an OECD ICIO CSV or a WIOD 2016\n"
                   "                 national IO table CSV (docs/formats.md); --region names\n"
                   "                 the WIOD country, --year YEAR picks the year (default latest)\n"
                   "  --value-added-extension EXT   pymrio: read extension folder EXT (e.g.\n"
                   "                 factor_inputs) as value-added rows, not satellites\n"
                   CONVERT_HELP,
                   argc, argv);
}

int cmd_export(int argc, char **argv)
{
    return convert("export", "clio export TABLE -o OUTPUT(.nc|DIR) [options]",
                   "Write TABLE as NetCDF, as a matrix-set CSV folder or as a pymrio folder.\n"
                   CONVERT_HELP,
                   argc, argv);
}

int cmd_convert(int argc, char **argv)
{
    return convert("convert", "clio convert TABLE -o OUTPUT(.nc|DIR) [--sparse|--dense] [options]",
                   "Write TABLE in another form or storage: NetCDF with Z dense or sparse\n"
                   "(--sparse: only the non-zero flows, for large mostly-zero tables), a\n"
                   "matrix-set CSV folder or a pymrio folder.  The same as clio export.\n"
                   CONVERT_HELP,
                   argc, argv);
}
