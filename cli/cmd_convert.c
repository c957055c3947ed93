/* cmd_convert.c -- `clio import` and `clio export`: read a table in any
 * supported form, validate it, write it as NetCDF (.nc) or a matrix-set
 * CSV folder.  Nothing is written when the table fails validation. */
#include "cli.h"

#include <stdio.h>

static int convert(const char *command, const char *usage, const char *help, int argc,
                   char **argv)
{
    cli_common o = {.command = command};
    int first;
    int rc = cli_parse(&o, argc, argv, NULL, NULL, NULL, usage, help, &first);
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
                   "validate it, and write it as NetCDF (OUTPUT ends in .nc) or a CSV folder.\n",
                   argc, argv);
}

int cmd_export(int argc, char **argv)
{
    return convert("export", "clio export TABLE -o OUTPUT(.nc|DIR) [options]",
                   "Write TABLE as NetCDF (OUTPUT ends in .nc) or as a matrix-set CSV folder.\n",
                   argc, argv);
}
