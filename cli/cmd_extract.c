/* cmd_extract.c -- `clio extract TABLE [--groups GROUPS.csv]`: hypothetical
 * extraction (total, backward, forward, internal) of every sector, or of
 * the groups of sectors a CSV defines, by low-rank updates of the one
 * factor.  Needs Z besides the factor, so Z is not consumed. */
#include "cli.h"

enum { OPT_GROUPS = 500 };

int cmd_extract(int argc, char **argv)
{
    static const char usage[] =
        "clio extract TABLE [--groups GROUPS.csv] [--format text|csv] [-o OUT.nc|OUT.csv]";
    static const char help[] =
        "Hypothetical extraction: for output and every value-added and satellite\n"
        "account, what the economy would lose without a sector (every sector, one\n"
        "at a time) or without a group of sectors (--groups: a CSV with the\n"
        "columns region,sector,group; region may be left out for one-region\n"
        "tables; a sector may be in several groups):\n"
        "  total     its rows and columns of A and its final demand removed\n"
        "  backward  it buys no intermediate inputs (columns of A zero)\n"
        "  forward   it sells no intermediate output (rows of B zero; Ghosh)\n"
        "  internal  only the flows inside the sector or group removed\n"
        "            (Dietzenbacher & Lahr 2013)\n"
        "  total_percent  total as a percentage of the account's total.\n";
    static const struct option extra[] = {{"groups", required_argument, 0, OPT_GROUPS},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "extract"};
    cli_string groups_file = {OPT_GROUPS, NULL};
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, cli_string_option, &groups_file, usage,
                             help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;

    clio_table *t;
    int status = cli_load_table(&o, table, &t);
    if (status != CLIO_OK)
        return status;
    clio_groups *g = NULL;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    if (groups_file.value &&
        (status = clio_groups_read_csv(groups_file.value, t, &g, &err)) != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    if ((status = cli_factor(&o, t, 0, &f)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    status = g ? clio_extract_groups(t, f, g, &r, &err) : clio_extract_sectors(t, f, &r, &err);
    if (status != CLIO_OK) {
        cli_error(&o, status, &err);
        goto done;
    }
    cli_timing(&o, "solve", cli_now() - t0);
    status = cli_emit(&o, r);
done:
    clio_result_free(r);
    clio_leontief_free(f);
    clio_groups_free(g);
    clio_table_free(t);
    return status;
}
