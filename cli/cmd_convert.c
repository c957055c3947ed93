/* cmd_convert.c -- `clio import` and `clio export`: read a table in any
 * supported form, validate it, write it as NetCDF (.nc) or a matrix-set
 * CSV folder.  Nothing is written when the table fails validation. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Metadata to set on the written table: --title, --unit. */
typedef struct metadata {
    const char *title, *unit;
} metadata;

static int extra_option(void *ctx, int opt, const char *arg)
{
    metadata *m = ctx;
    if (opt == OPT_TITLE)
        m->title = arg;
    else if (opt == OPT_UNIT)
        m->unit = arg;
    else
        return 0;
    return 1;
}

static int convert(const char *command, const char *usage, const char *help, int argc,
                   char **argv)
{
    static const struct option extra[] = {{"title", required_argument, 0, OPT_TITLE},
                                          {"unit", required_argument, 0, OPT_UNIT},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = command};
    metadata meta = {0};
    int first;
    int rc = cli_parse(&o, argc, argv, extra, extra_option, &meta, usage, help, &first);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (argc - first != 1)
        return cli_usage_error(&o, usage, "expected one input, got %d", argc - first);
    if (!o.output)
        return cli_usage_error(&o, usage, "missing -o OUTPUT");
    clio_table *t;
    int status = cli_load_table(&o, argv[first], &t);
    if (status != CLIO_OK)
        return status;
    clio_error err = {0};
    if (cli_replace_text(&t->title, meta.title) != CLIO_OK || cli_replace_text(&t->unit, meta.unit) != CLIO_OK) {
        clio_table_free(t);
        return cli_error(&o, CLIO_ENOMEM, NULL);
    }
    double t0 = cli_now();
    status = clio_table_save(t, o.output, &err);
    cli_timing(&o, "write", cli_now() - t0);
    if (status == CLIO_OK && !o.quiet)
        fprintf(stderr, "clio %s: wrote %s: %zu sectors in %zu region(s), %zu final-demand, "
                        "%zu value-added, %zu satellite rows\n",
                command, o.output, t->n, t->nregions, t->nfd, t->nva, t->nsat);
    clio_table_free(t);
    return status == CLIO_OK ? CLIO_OK : cli_error(&o, status, &err);
}

int cmd_import(int argc, char **argv)
{
    return convert("import", "clio import SOURCE -o OUTPUT(.nc|DIR) [options]",
                   "Read SOURCE -- a matrix-set CSV folder (Z.csv, Y.csv, optional x.csv, V.csv,\n"
                   "satellites.csv), a statistical-office CSV with --spec, or a NetCDF table --\n"
                   "validate it, and write it as NetCDF (OUTPUT ends in .nc) or a CSV folder.\n"
                   "  --title TEXT, --unit UNIT   set the table's title and monetary unit\n",
                   argc, argv);
}

int cmd_export(int argc, char **argv)
{
    return convert("export", "clio export TABLE -o OUTPUT(.nc|DIR) [options]",
                   "Write TABLE as NetCDF (OUTPUT ends in .nc) or as a matrix-set CSV folder.\n"
                   "  --title TEXT, --unit UNIT   set the table's title and monetary unit\n",
                   argc, argv);
}
