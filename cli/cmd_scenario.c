/* cmd_scenario.c -- `clio scenario run FILE` and `clio scenario check FILE`:
 * every scenario of a YAML scenario file (docs/scenarios.md) against one
 * factorisation of the baseline table, with baseline, scenario and delta
 * for final demand, output, every value-added row and satellite. */
#include "cli.h"
#include "households_option.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_TABLE = 800, OPT_SERIES };

typedef struct scenario_options {
    const char *table;  /* --table: overrides the file's table: */
    const char *series; /* --series FILE: time series of dynamic scenarios */
} scenario_options;

static int scenario_option(void *ctx, int opt, const char *arg)
{
    scenario_options *so = ctx;
    switch (opt) {
    case OPT_TABLE: so->table = arg; return 1;
    case OPT_SERIES: so->series = arg; return 1;
    default: return 0;
    }
}

/* Save first (a failed save must not leave only stdout), then print. */
static int emit(const cli_common *o, const scenario_options *so, const clio_scenario_results *r)
{
    clio_error err = {0};
    int status = CLIO_OK;
    if ((status = clio_scenario_results_save_all(r, o->output, so->series, &err)) != CLIO_OK)
        return cli_error(o, status, &err);
    if (!o->quiet || !o->output) {
        if (o->format && strcmp(o->format, "csv") == 0)
            status = clio_scenario_results_write_csv(r, stdout, &err);
        else
            status = clio_scenario_results_write_text(r, stdout, &err);
        if (fflush(stdout) != 0 && status == CLIO_OK) {
            status = CLIO_EWRITE;
            snprintf(err.message, sizeof err.message, "cannot write to standard output");
        }
        if (status != CLIO_OK)
            return cli_error(o, status, &err);
    }
    return CLIO_OK;
}

/* The table: --table, else the file's `table:`. */
static const char *table_path(const cli_common *o, const scenario_options *so,
                              const clio_scenarios *s, const char *usage, int *rc)
{
    const char *path = so->table ? so->table : clio_scenarios_table(s);
    *rc = path ? 0 : cli_usage_error(o, usage, "the scenario file names no table: give --table TABLE");
    return path;
}

static int run(const cli_common *o, const scenario_options *so, const cli_households *hh,
               const char *file, int check_only, const char *usage)
{
    clio_error err = {0};
    clio_scenarios *s = NULL;
    clio_table *t = NULL;
    clio_leontief *f = NULL;
    clio_households *h = NULL;
    clio_scenario_results *r = NULL;
    int status = clio_scenarios_read(file, &s, &err);
    if (status != CLIO_OK)
        return cli_error(o, status, &err);
    const char *table = table_path(o, so, s, usage, &status);
    if (status == 0)
        status = cli_load_table(o, table, &t);
    if (status == CLIO_OK && hh->type == 2 &&
        (status = clio_households_define(t, hh->income, hh->consumption, &h, &err)) != CLIO_OK)
        cli_error(o, status, &err);
    for (size_t i = 0; check_only && status == CLIO_OK && i < clio_scenarios_count(s); i++) {
        clio_shock *k = NULL;
        if ((status = clio_scenario_resolve(s, i, t, &k, &err)) != CLIO_OK)
            cli_error(o, status, &err);
        clio_shock_free(k);
    }
    if (check_only && status == CLIO_OK && !o->quiet)
        printf("%s: %zu scenarios, all resolve against %s\n", file, clio_scenarios_count(s),
               table);
    if (!check_only && status == CLIO_OK)
        status = cli_factor(o, t, 0, &f);
    if (!check_only && status == CLIO_OK) {
        double t0 = cli_now();
        if ((status = clio_scenarios_run(s, t, f, h, &r, &err)) != CLIO_OK)
            cli_error(o, status, &err);
        else
            cli_timing(o, "solve", cli_now() - t0);
        if (status == CLIO_OK && cli_method_refines(f))
            cli_method_report(o, f); /* what the solves did */
    }
    for (size_t i = 0; h && r && i < r->nscenarios && !o->quiet; i++)
        if (strcmp(r->models[i], "leontief_type2") != 0)
            fprintf(stderr, "clio scenario: warning: scenario '%s' (model %s) is solved without "
                            "the household closure%s\n",
                    r->names[i], r->models[i],
                    strcmp(r->models[i], "leontief") == 0 ? ": capacity caps use the open model"
                                                          : "");
    if (!check_only && status == CLIO_OK)
        status = emit(o, so, r);
    clio_scenario_results_free(r);
    clio_households_free(h);
    clio_leontief_free(f);
    clio_table_free(t);
    clio_scenarios_free(s);
    return status;
}

int cmd_scenario(int argc, char **argv)
{
    static const char usage[] =
        "clio scenario run FILE.yaml [--table TABLE] [-o OUT.nc|OUT.csv] [--series SERIES.csv]\n"
        "       [--format text|csv] [--type I|II --households-income ROW\n"
        "        --households-consumption COL]\n"
        "       clio scenario check FILE.yaml [--table TABLE]";
    static const char help[] =
        "Run every scenario of a YAML scenario file (docs/scenarios.md) against one\n"
        "factorisation of the baseline table: final-demand changes, capacity caps\n"
        "(mixed model), coefficient changes (Woodbury updates), cost changes (price\n"
        "model), primary-input shocks (Ghosh), inoperability (static and dynamic IIM)\n"
        "and the ARIO simulation.  For every scenario, sector and account (final\n"
        "demand, output, value-added rows, satellites such as jobs, price, unmet\n"
        "demand by category): baseline, scenario and delta, with totals per region.\n"
        "`check` parses the file and resolves every scenario against the table.\n"
        "\n"
        "  --table TABLE      the baseline table (default: the file's `table:`)\n"
        "  -o OUT             tidy CSV, or NetCDF (.nc) with a scenario dimension\n"
        "                     (and time series of dynamic scenarios)\n"
        "  --series FILE      time series of dynamic scenarios as tidy CSV\n"
        "\n" CLI_HOUSEHOLDS_HELP;
    static const struct option extra[] = {{"table", required_argument, 0, OPT_TABLE},
                                          {"series", required_argument, 0, OPT_SERIES},
                                          CLI_HOUSEHOLDS_OPTIONS,
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "scenario"};
    scenario_options so = {0};
    cli_households hh = {.command = o.command, .type = 1, .next = scenario_option,
                         .next_ctx = &so};
    int first;
    int rc = cli_parse(&o, argc, argv, extra, cli_households_option, &hh, usage, help, &first);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (argc - first != 2 || (strcmp(argv[first], "run") != 0 &&
                              strcmp(argv[first], "check") != 0))
        return cli_usage_error(&o, usage, "expected `run FILE` or `check FILE`");
    if ((rc = cli_households_check(&o, &hh, usage)) != 0)
        return rc;
    return run(&o, &so, &hh, argv[first + 1], strcmp(argv[first], "check") == 0, usage);
}
