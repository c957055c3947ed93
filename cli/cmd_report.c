/* cmd_report.c -- `clio report RESULTS.nc [MORE.nc ...] -o report.html`:
 * one self-contained HTML page (inline CSS and SVG, no scripts, no
 * network) with the summary, charts, numbers and provenance of clio result
 * files (clio_html_report; docs/report.md). */
#include "cli.h"

int cmd_report(int argc, char **argv)
{
    static const char usage[] = "clio report RESULTS.nc [MORE.nc ...] -o REPORT.html";
    static const char help[] =
        "Write one HTML page about clio result files (NetCDF from `clio impact`,\n"
        "`multipliers`, `linkages`, `spillovers`, `scenario run`, ... with -o OUT.nc):\n"
        "the table's summary, the largest effects by sector and by region, multipliers\n"
        "and key sectors, spillovers between regions as a heatmap, scenario deltas,\n"
        "each chart with its numbers beside it, and the run's provenance (command,\n"
        "inputs with SHA-256, clio version, date).  The page needs no network and no\n"
        "scripts.  A kind of result the report does not know gets a table of its\n"
        "variables and a chart of its first field.\n"
        "\n"
        "  -o REPORT.html     the page (required; written atomically)\n"
        "\n"
        "Exit status: 4 a file cannot be read, 5 a file is not a clio result (a table,\n"
        "or not NetCDF), 12 the page cannot be written.\n";
    cli_common o = {.command = "report"};
    int first;
    int rc = cli_parse(&o, argc, argv, NULL, NULL, NULL, usage, help, &first);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (argc - first < 1)
        return cli_usage_error(&o, usage, "expected at least one RESULTS.nc");
    if (!o.output)
        return cli_usage_error(&o, usage, "-o REPORT.html is required");
    clio_error err = {0};
    double t0 = cli_now();
    int status = clio_html_report((const char *const *)(argv + first), (size_t)(argc - first),
                                  o.output, &err);
    if (status != CLIO_OK)
        return cli_error(&o, status, &err);
    cli_timing(&o, "report", cli_now() - t0);
    return CLIO_OK;
}
