/* main.c -- `clio <command> [options]`: dispatch through a static table. */
#include "cli.h"

#include <unistd.h>

#include <stdio.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"import", cmd_import, "read a CSV table (matrix-set folder or statistical-office layout)"},
    {"export", cmd_export, "write a table as NetCDF (.nc) or as a matrix-set CSV folder"},
    {"convert", cmd_convert, "change a table's form or Z's storage (--sparse, --dense)"},
    {"generate", cmd_generate, "a reproducible synthetic multi-regional table of any size (NetCDF)"},
    {"check", cmd_check, "validate a table: labels, values, row and column balances"},
    {"multipliers", cmd_multipliers, "Type I multipliers for output, value added, satellites"},
    {"impact", cmd_impact, "effects of a change in final demand on every sector"},
    {"ghosh", cmd_ghosh, "supply-side (Ghosh) multipliers and the Ghosh inverse"},
    {"prices", cmd_prices, "cost-push price effects of value-added cost changes (price model)"},
    {"linkages", cmd_linkages, "backward and forward linkages, key sectors (Rasmussen-Hirschman)"},
    {"extract", cmd_extract, "hypothetical extraction of every sector or of groups of sectors"},
    {"spillovers", cmd_spillovers, "intraregional, spillover and feedback multipliers of an MRIO"},
    {"footprint", cmd_footprint, "production- and consumption-based accounts, trade-embodied flows"},
    {"balance", cmd_balance, "RAS/GRAS balancing of a matrix to row and column totals"},
    {"project", cmd_project, "project a table to a new year's margins (RAS)"},
    {"aggregate", cmd_aggregate, "aggregate sectors and/or regions by concordance (totals kept)"},
    {"disaggregate", cmd_disaggregate, "split a sector into several by output shares"},
    {"regionalize", cmd_regionalize, "a region's table from a national one by location quotients"},
    {"interregional", cmd_interregional, "a multi-regional table from a national one and regional sizes"},
    {"iim", cmd_iim, "inoperability input-output model: static and dynamic (recovery)"},
    {"symmetric", cmd_symmetric, "symmetric table and total requirements from make and use tables"},
    {"sam", cmd_sam, "income of household groups per unit of demand: SAM closure, Miyazawa, Pyatt-Round"},
    {"cluster-effects", cmd_cluster_effects, "cluster multipliers, cluster linkages and extraction"},
    {"shared-value", cmd_shared_value, "shared-value scorecard of policy options: jobs, income, emissions, Pareto"},
    {"accounts", cmd_accounts, "typed satellite accounts (bridges) and user indicators with units"},
    {"tbl", cmd_tbl, "triple-bottom-line intensities of sectors and clusters, direct and total"},
    {"relatedness", cmd_relatedness, "relatedness of sectors (IO, co-location, occupations), clusters, validation"},
    {"report", cmd_report, "an HTML page of charts, numbers and provenance for result files"},
    {"scenario", cmd_scenario, "run a YAML file of shocks and policies (demand, caps, IIM, ARIO)"},
    {"clusters", cmd_clusters, "clusters of related activities (Feser-Bergman, communities, user) and their statistics"},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *fp)
{
    fprintf(fp, "usage: clio <command> [options]   (clio <command> --help for its options)\n\n"
                "commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(fp, "  %-12s %s\n", commands[i].name, commands[i].summary);
    fprintf(fp, "\nExit status: 0 success, 64 usage error, otherwise the clio status code\n"
                "(see README.md: 4 cannot read, 5 malformed, 6 labels, 7 dimensions, 8 values,\n"
                "9 unbalanced, 10 singular, 11 not productive, 12 cannot write,\n"
                "13 did not converge).\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("clio %s (NetCDF table format %d)\n", CLIO_VERSION, CLIO_FORMAT_VERSION);
        return 0;
    }
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            int status = commands[i].run(argc - 1, argv + 1);
            (void)clio_provenance_set(NULL, NULL); /* stop hashing inputs no file needed */
            if (status == CLIO_EWRITE) {
                /* After a NetCDF write failed (disk full), HDF5's exit
                 * handler crashes closing the failed file again; the
                 * temporary file is already removed, so leave without it. */
                fflush(NULL);
                _exit(status);
            }
            return status;
        }
    fprintf(stderr, "clio: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return CLI_EXIT_USAGE;
}
