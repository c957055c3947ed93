/* cmd_clusters.c -- `clio clusters TABLE`: clusters of related activities
 * found from the flows (Feser & Bergman factor analysis, or community
 * detection) or given by the user (--clusters), with their statistics:
 * a readable summary on stdout, members (-o) and statistics (--stats) as
 * files.  docs/methods-clusters.md. */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_METHOD = 500, OPT_FACTORS, OPT_PRIMARY, OPT_SECONDARY, OPT_RESOLUTION, OPT_THRESHOLD,
    OPT_SEED, OPT_CLUSTERS, OPT_STATS
};

typedef struct clusters_args {
    const cli_common *o;
    clio_cluster_options opt;
    int method_given;
    const char *clusters_file; /* --clusters: user clusters, stats only */
    const char *stats_file;    /* --stats */
} clusters_args;

static int bad_value(const clusters_args *a, const char *option, const char *need,
                     const char *arg)
{
    fprintf(stderr, "clio %s: %s needs %s, not '%s'\n", a->o->command, option, need, arg);
    return -1;
}

static int parse_number(const char *arg, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(arg, &end);
    return *arg != '\0' && *end == '\0' && errno == 0 && isfinite(*v);
}

static int parse_count(const char *arg, unsigned long *v)
{
    char *end;
    errno = 0;
    *v = strtoul(arg, &end, 10);
    return *arg != '\0' && *end == '\0' && errno == 0 && arg[0] != '-';
}

static int on_option(void *ctx, int opt, const char *arg)
{
    clusters_args *a = ctx;
    double v;
    unsigned long u;
    switch (opt) {
    case OPT_METHOD:
        a->method_given = 1;
        if (strcmp(arg, "feser-bergman") == 0)
            a->opt.method = CLIO_CLUSTERS_FESER_BERGMAN;
        else if (strcmp(arg, "leiden") == 0)
            a->opt.method = CLIO_CLUSTERS_LEIDEN;
        else if (strcmp(arg, "louvain") == 0)
            a->opt.method = CLIO_CLUSTERS_LOUVAIN;
        else
            return bad_value(a, "--method", "feser-bergman, leiden or louvain", arg);
        return 1;
    case OPT_FACTORS:
        if (!parse_count(arg, &u))
            return bad_value(a, "--factors", "a count (0: Kaiser's rule)", arg);
        a->opt.factors = u;
        return 1;
    case OPT_PRIMARY:
    case OPT_SECONDARY:
        if (!parse_number(arg, &v) || !(v > 0.0 && v <= 1.0))
            return bad_value(a, opt == OPT_PRIMARY ? "--primary-loading" : "--secondary-loading",
                             "a number in (0, 1]", arg);
        *(opt == OPT_PRIMARY ? &a->opt.primary_loading : &a->opt.secondary_loading) = v;
        return 1;
    case OPT_RESOLUTION:
        if (!parse_number(arg, &v) || !(v > 0.0))
            return bad_value(a, "--resolution", "a positive number", arg);
        a->opt.resolution = v;
        return 1;
    case OPT_THRESHOLD:
        if (!parse_number(arg, &v) || !(v >= 0.0))
            return bad_value(a, "--threshold", "a non-negative number", arg);
        a->opt.threshold = v;
        return 1;
    case OPT_SEED:
        if (!parse_count(arg, &u))
            return bad_value(a, "--seed", "a non-negative integer", arg);
        a->opt.seed = u;
        return 1;
    case OPT_CLUSTERS: a->clusters_file = arg; return 1;
    case OPT_STATS: a->stats_file = arg; return 1;
    default: return 0;
    }
}

/* The readable summary: one block per cluster with its statistics, then
 * its members with role and strength. */
static void print_summary(const clio_table *t, const clio_clusters *c, const clio_result *s)
{
    const clio_groups *g = c->groups;
    size_t f_strength = 4, f_output = 5; /* fields of clio_cluster_stats */
    printf("%zu cluster%s (%s)", g->ngroups, g->ngroups == 1 ? "" : "s", c->method);
    if (t->title)
        printf(" in %s", t->title);
    if (!isnan(c->quality))
        printf("; %s %.3f", strcmp(c->method, "feser-bergman") == 0 ? "variance explained"
                                                                   : "modularity",
               c->quality);
    printf("\n");
    for (size_t k = 0; k < g->ngroups; k++) {
        printf("\n%s: %zu members, internal strength %.3f, output share %.3f\n", g->names[k],
               g->start[k + 1] - g->start[k], clio_result_value(s, k, 0, f_strength),
               clio_result_value(s, k, 0, f_output));
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
            char key[256];
            clio_table_sector_key(t, g->members[p], key, sizeof key);
            printf("  %-40s %-9s", key, c->secondary[p] ? "secondary" : "primary");
            if (!isnan(c->strength[p]))
                printf(" %7.3f", c->strength[p]);
            printf("\n");
        }
    }
}

/* The region index of --region, or CLIO_NONE without one. */
static int find_region(const cli_common *o, const clio_table *t, size_t *region)
{
    *region = CLIO_NONE;
    if (!o->region)
        return CLIO_OK;
    for (size_t r = 0; r < t->nregions; r++)
        if (strcmp(t->regions[r], o->region) == 0) {
            *region = r;
            return CLIO_OK;
        }
    fprintf(stderr, "clio %s: error: region '%s' is not in the table\n", o->command, o->region);
    return CLIO_ELABEL;
}

/* Find or read the clusters, compute their statistics, write everything. */
static int run(const cli_common *o, const char *table, clusters_args *a)
{
    clio_table *t = NULL;
    clio_clusters *c = NULL;
    clio_result *stats = NULL;
    clio_error err = {0};
    int status = cli_load_table(o, table, &t);
    if (status != CLIO_OK)
        return status;
    if ((status = find_region(o, t, &a->opt.region)) != CLIO_OK)
        goto done;
    double t0 = cli_now();
    status = a->clusters_file ? clio_clusters_read_csv(a->clusters_file, t, &c, &err)
                              : clio_clusters_find(t, &a->opt, &c, &err);
    if (status == CLIO_OK)
        status = clio_cluster_stats(t, c, &stats, &err);
    if (status != CLIO_OK) {
        cli_error(o, status, &err);
        goto done;
    }
    cli_timing(o, "clusters", cli_now() - t0);
    /* Files first: a failed save must not leave the user with only stdout. */
    if (o->output && (status = clio_clusters_save(t, c, o->output, &err)) != CLIO_OK) {
        cli_error(o, status, &err);
        goto done;
    }
    if (a->stats_file && (status = clio_result_save(stats, a->stats_file, &err)) != CLIO_OK) {
        cli_error(o, status, &err);
        goto done;
    }
    if (!o->quiet || !(o->output || a->stats_file)) {
        if (o->format && strcmp(o->format, "csv") == 0)
            status = clio_clusters_write_csv(t, c, stdout, &err);
        else
            print_summary(t, c, stats);
        if (fflush(stdout) != 0 && status == CLIO_OK)
            status = CLIO_EWRITE;
        if (status != CLIO_OK)
            cli_error(o, status, &err);
    }
done:
    clio_result_free(stats);
    clio_clusters_free(c);
    clio_table_free(t);
    return status;
}

int cmd_clusters(int argc, char **argv)
{
    static const char usage[] =
        "clio clusters TABLE [--method feser-bergman|leiden|louvain] [--region R]\n"
        "         [--factors K] [--primary-loading V] [--secondary-loading V]\n"
        "         [--resolution R] [--threshold T] [--seed S] [--clusters FILE.csv]\n"
        "         [-o MEMBERS.csv|.nc] [--stats STATS.csv|.nc|.txt] [--format text|csv]";
    static const char help[] =
        "Clusters of related activities and their statistics (docs/methods-clusters.md).\n"
        "  --method feser-bergman  (default) factor analysis of the sectors' purchases and\n"
        "                     sales profiles (Feser & Bergman 2000), varimax-rotated;\n"
        "                     members by loadings: primary (largest loading >= 0.60),\n"
        "                     secondary (another loading >= 0.35)\n"
        "  --method leiden|louvain  community detection on the normalised flow graph\n"
        "  --region R         only R's sectors (default: all regions; clusters may span them)\n"
        "  --factors K        factors kept (default 0: Kaiser's rule, eigenvalues > 1)\n"
        "  --primary-loading V, --secondary-loading V   membership thresholds\n"
        "  --resolution R, --threshold T, --seed S      community detection (1, 0.01, 1)\n"
        "  --clusters FILE    user clusters (region,sector,cluster or group): statistics only\n"
        "  -o FILE            members: region,sector,cluster,role,strength (.nc: NetCDF)\n"
        "  --stats FILE       one row per cluster: members, regions, internal strength,\n"
        "                     output/value-added/satellite shares, cross-regional reach\n"
        "  --format csv       members as CSV on stdout instead of the summary\n";
    static const struct option extra[] = {{"method", required_argument, 0, OPT_METHOD},
                                          {"factors", required_argument, 0, OPT_FACTORS},
                                          {"primary-loading", required_argument, 0, OPT_PRIMARY},
                                          {"secondary-loading", required_argument, 0,
                                           OPT_SECONDARY},
                                          {"resolution", required_argument, 0, OPT_RESOLUTION},
                                          {"threshold", required_argument, 0, OPT_THRESHOLD},
                                          {"seed", required_argument, 0, OPT_SEED},
                                          {"clusters", required_argument, 0, OPT_CLUSTERS},
                                          {"stats", required_argument, 0, OPT_STATS},
                                          {0, 0, 0, 0}};
    cli_common o = {.command = "clusters"};
    clusters_args a = {.o = &o};
    clio_cluster_options_default(&a.opt);
    const char *table;
    int rc = cli_parse_table(&o, argc, argv, extra, on_option, &a, usage, help, &table);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (a.clusters_file && a.method_given)
        return cli_usage_error(&o, usage, "--clusters gives the clusters: no --method with it");
    if (a.opt.secondary_loading > a.opt.primary_loading)
        return cli_usage_error(&o, usage, "--secondary-loading %g is above --primary-loading %g",
                               a.opt.secondary_loading, a.opt.primary_loading);
    return run(&o, table, &a);
}
