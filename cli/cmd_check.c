/* cmd_check.c -- `clio check TABLE`: validate and summarise a table. */
#include "cli.h"

#include <stdio.h>

int cmd_check(int argc, char **argv)
{
    static const char usage[] = "clio check TABLE [--strict] [--rtol R] [options]";
    static const char help[] =
        "Validate TABLE: labels, finite values, Z >= 0, x >= 0, the row balance\n"
        "Z 1 + Y 1 = x and the column balance 1'Z + 1'V = x' (within --rtol).\n"
        "Imbalances are warnings unless --strict.  Sectors with zero output are\n"
        "reported with -v.\n";
    cli_common o = {.command = "check", .sparse_ok = 1};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, NULL, NULL, NULL, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    size_t zero = 0;
    for (size_t i = 0; i < t->n; i++)
        zero += t->x[i] == 0;
    char storage[96] = "";
    if (clio_table_is_sparse(t)) /* the density tells whether sparse storage pays */
        snprintf(storage, sizeof storage, "; Z sparse, %zu non-zero flows (%.3g%%)",
                 t->Zs->nnz, 100.0 * (double)t->Zs->nnz / ((double)t->n * (double)t->n));
    printf("%s: %zu sectors in %zu region(s), %zu final-demand, %zu value-added, "
           "%zu satellite rows; %zu sectors with zero output%s; ok\n",
           table, t->n, t->nregions, t->nfd, t->nva, t->nsat, zero, storage);
    clio_table_free(t);
    return CLIO_OK;
}
