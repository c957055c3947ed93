/* cmd_extract.c -- `clio extract TABLE [--groups GROUPS.csv]`: hypothetical
 * extraction (total, backward, forward, internal) of every sector, or of
 * the groups of sectors a CSV defines, by low-rank updates of the one
 * factor.  Needs Z besides the factor, so Z is not consumed. */
#include "cli.h"

enum { OPT_GROUPS = 500 };

typedef struct extract_inputs {
    const char *groups_file; /* --groups, or NULL: every sector */
    clio_groups *groups;
} extract_inputs;

static int read_groups(void *ctx, const clio_table *t, clio_error *err)
{
    extract_inputs *in = ctx;
    return in->groups_file ? clio_groups_read_csv(in->groups_file, t, &in->groups, err)
                           : CLIO_OK;
}

static int analyse(void *ctx, const clio_table *t, const clio_leontief *f, clio_result **out,
                   clio_error *err)
{
    const extract_inputs *in = ctx;
    return in->groups ? clio_extract_groups(t, f, in->groups, out, err)
                      : clio_extract_sectors(t, f, out, err);
}

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

    /* Extraction needs Z besides the factor: keep it. */
    extract_inputs in = {groups_file.value, NULL};
    const cli_analysis a = {.keep_z = 1, .needs_lu = 1, .prepare = read_groups, .analyse = analyse,
                            .ctx = &in};
    int status = cli_run_analysis(&o, table, &a);
    clio_groups_free(in.groups);
    return status;
}
