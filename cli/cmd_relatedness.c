/* cmd_relatedness.c -- `clio relatedness TABLE`: relatedness of sectors
 * beyond IO links (Delgado, Porter & Stern 2016): IO links, co-location
 * (--employment, or the table's employment satellite) and occupational
 * similarity (--occupations), combined, clustered into K clusters, and a
 * validation table scoring these clusters and every definition given with
 * --score under each measure.  docs/methods-relatedness.md. */
#include "cli.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_EMPLOYMENT = 500, OPT_OCCUPATIONS, OPT_WEIGHTS, OPT_CLUSTERS, OPT_SCORE, OPT_MATRIX };
enum { IO, COLOC, OCC, COMBINED, NMEASURES };
enum { MAX_SCORES = 32 };

static const char *const measure_name[NMEASURES] = {"io", "colocation", "occupation",
                                                    "combined"};

typedef struct options {
    const char *employment, *occupations, *matrix;
    const char *score[MAX_SCORES];
    size_t nscore, k;
    double weight[3];
    int have_weights;
} options;

/* "a,b,c": three finite weights >= 0. */
static int parse_weights(const char *arg, double *w)
{
    char *end;
    const char *p = arg;
    for (int k = 0; k < 3; k++) {
        w[k] = strtod(p, &end);
        if (end == p || !(w[k] >= 0.0) || !isfinite(w[k]) || *end != (k < 2 ? ',' : '\0'))
            return -1;
        p = end + 1;
    }
    return 0;
}

static int on_option(void *ctx, int opt, const char *arg)
{
    options *o = ctx;
    char *end;
    switch (opt) {
    case OPT_EMPLOYMENT: o->employment = arg; return 1;
    case OPT_OCCUPATIONS: o->occupations = arg; return 1;
    case OPT_MATRIX: o->matrix = arg; return 1;
    case OPT_SCORE:
        if (o->nscore == MAX_SCORES) {
            fprintf(stderr, "clio relatedness: at most %d --score files\n", MAX_SCORES);
            return -1;
        }
        o->score[o->nscore++] = arg;
        return 1;
    case OPT_WEIGHTS:
        if (parse_weights(arg, o->weight) != 0) {
            fprintf(stderr,
                    "clio relatedness: --weights needs three numbers >= 0 (io,coloc,occ), "
                    "not '%s'\n",
                    arg);
            return -1;
        }
        o->have_weights = 1;
        return 1;
    case OPT_CLUSTERS: {
        unsigned long long k = strtoull(arg, &end, 10);
        if (*arg == '\0' || *arg == '-' || *end != '\0' || k == 0) {
            fprintf(stderr, "clio relatedness: --clusters needs a whole number >= 1, not '%s'\n",
                    arg);
            return -1;
        }
        o->k = (size_t)k;
        return 1;
    }
    default: return 0;
    }
}

/* The measures and what they come from. */
typedef struct measures {
    size_t n;
    double *M[NMEASURES]; /* NULL: not available */
} measures;

static void measures_free(measures *m)
{
    for (int k = 0; k < NMEASURES; k++)
        free(m->M[k]);
}

/* Employment by region: the file, else an MRIO's "employment" satellite. */
static int colocation(const cli_common *c, const options *o, const clio_table *t, double *R,
                      int *have, clio_error *err)
{
    clio_sector_profiles *p = NULL;
    int status;
    *have = 0;
    if (o->employment)
        status = clio_sector_profiles_read_csv(o->employment, t, "region", &p, err);
    else if (t->nregions > 2 && t->nsat > 0 &&
             clio_sector_profiles_from_satellite(t, "employment", &p, NULL) == CLIO_OK)
        status = CLIO_OK;
    else
        return CLIO_OK;
    if (status == CLIO_OK)
        status = clio_relatedness_colocation(t, p, R, t->n, err);
    if (status == CLIO_OK && !o->employment && c->verbose)
        fprintf(stderr, "clio relatedness: note: co-location from the satellite 'employment'\n");
    clio_sector_profiles_free(p);
    *have = status == CLIO_OK;
    return status;
}

static int occupation(const options *o, const clio_table *t, double *R, clio_error *err)
{
    clio_sector_profiles *p = NULL;
    int status = clio_sector_profiles_read_csv(o->occupations, t, "occupation", &p, err);
    if (status == CLIO_OK)
        status = clio_relatedness_occupation(t, p, R, t->n, err);
    clio_sector_profiles_free(p);
    return status;
}

/* Every available measure, then the combination with the weights (default
 * 1 for each available measure). */
static int compute(const cli_common *c, options *o, const clio_table *t, measures *m,
                   clio_error *err)
{
    size_t n = t->n;
    m->n = n;
    for (int k = 0; k < NMEASURES; k++)
        if (!(m->M[k] = calloc(n * n + 1, sizeof(double))))
            return CLIO_ENOMEM;
    int status = clio_relatedness_io(t, m->M[IO], n, err), have;
    if (status == CLIO_OK)
        status = colocation(c, o, t, m->M[COLOC], &have, err);
    if (status == CLIO_OK && !have) {
        free(m->M[COLOC]);
        m->M[COLOC] = NULL;
    }
    if (status == CLIO_OK && o->occupations)
        status = occupation(o, t, m->M[OCC], err);
    if (status == CLIO_OK && !o->occupations) {
        free(m->M[OCC]);
        m->M[OCC] = NULL;
    }
    if (status != CLIO_OK)
        return status;
    if (!o->have_weights)
        for (int k = 0; k < 3; k++)
            o->weight[k] = m->M[k] ? 1.0 : 0.0;
    return CLIO_OK;
}

/* A weight for a measure that has no data is a usage error. */
static int check_weights(const cli_common *c, const options *o, const measures *m,
                         const char *usage)
{
    static const char *const needs[3] = {"", "--employment (or an employment satellite)",
                                         "--occupations"};
    for (int k = 1; k < 3; k++)
        if (o->weight[k] > 0.0 && !m->M[k])
            return cli_usage_error(c, usage, "--weights gives %s weight %g but there is no %s",
                                   measure_name[k], o->weight[k], needs[k]);
    return 0;
}

static int combine(const options *o, measures *m, clio_error *err)
{
    const double *const M[3] = {m->M[IO], m->M[COLOC], m->M[OCC]};
    return clio_relatedness_combine(m->n, M, o->weight, 3, m->M[COMBINED], m->n, err);
}

/* A definition to score: its name and groups. */
typedef struct definition {
    const char *name;
    const clio_groups *groups;
} definition;

static void print_score_header(int csv)
{
    if (csv)
        printf("definition,measure,clusters,sectors,within,between,ratio,vs_cluster,"
               "vs_sector\n");
    else
        printf("\n%-24s %-11s %8s %8s %10s %10s %8s %10s %10s\n", "definition", "measure",
               "clusters", "sectors", "within", "between", "ratio", "vs_cluster", "vs_sector");
}

static void print_number(int csv, double v, int width)
{
    if (csv) {
        if (!isnan(v))
            printf("%.10g", v);
    } else if (isnan(v)) {
        printf(" %*s", width, "-");
    } else {
        printf(" %*.4f", width, v);
    }
}

static void print_score(int csv, const char *def, const char *measure,
                        const clio_cluster_scores *s)
{
    if (csv)
        printf("%s,%s,%zu,%zu,", def, measure, s->nclusters, s->nsectors);
    else
        printf("%-24s %-11s %8zu %8zu", def, measure, s->nclusters, s->nsectors);
    print_number(csv, s->wcr, 10);
    if (csv)
        putchar(',');
    print_number(csv, s->bcr, 10);
    if (csv)
        putchar(',');
    print_number(csv, s->ratio, 8);
    if (csv)
        putchar(',');
    print_number(csv, s->vs_cluster, 10);
    if (csv)
        putchar(',');
    print_number(csv, s->vs_sector, 10);
    putchar('\n');
}

/* The validation table: every definition under every available measure. */
static int print_scores(int csv, const measures *m, const definition *d, size_t nd,
                        clio_error *err)
{
    print_score_header(csv);
    for (size_t k = 0; k < nd; k++)
        for (int q = 0; q < NMEASURES; q++) {
            if (!m->M[q])
                continue;
            clio_cluster_scores s;
            int status = clio_cluster_scores_compute(m->n, m->M[q], m->n, d[k].groups, &s, err);
            if (status != CLIO_OK)
                return status;
            print_score(csv, d[k].name, measure_name[q], &s);
        }
    return CLIO_OK;
}

static void print_clusters(const clio_table *t, const clio_clusters *c)
{
    const clio_groups *g = c->groups;
    printf("%zu clusters of related sectors (average linkage on the combined relatedness)\n",
           g->ngroups);
    for (size_t k = 0; k < g->ngroups; k++) {
        printf("%s (%zu):", g->names[k], g->start[k + 1] - g->start[k]);
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++) {
            char key[256];
            clio_table_sector_key(t, g->members[p], key, sizeof key);
            printf(" %s", key);
        }
        putchar('\n');
    }
}

/* Read the --score files; definitions[0] is our own clusters. */
static int read_definitions(const options *o, const clio_table *t, const clio_clusters *own,
                            definition *d, clio_groups **read, clio_error *err)
{
    d[0] = (definition){"relatedness", own->groups};
    for (size_t k = 0; k < o->nscore; k++) {
        int status = clio_groups_read_csv(o->score[k], t, &read[k], err);
        if (status != CLIO_OK)
            return status;
        d[k + 1] = (definition){o->score[k], read[k]};
    }
    return CLIO_OK;
}

/* Cluster, write, print: everything after the measures. */
static int report(const cli_common *c, const options *o, const clio_table *t, const measures *m,
                  size_t k, clio_error *err)
{
    clio_clusters *own = NULL;
    definition d[MAX_SCORES + 1];
    clio_groups *read[MAX_SCORES] = {0};
    int status = clio_relatedness_cluster(t, m->M[COMBINED], t->n, k, &own, err);
    if (status == CLIO_OK)
        status = read_definitions(o, t, own, d, read, err);
    if (status == CLIO_OK && c->output)
        status = clio_clusters_save(t, own, c->output, err);
    if (status == CLIO_OK && o->matrix)
        status = clio_matrix_save_csv(t, m->M[COMBINED], t->n, o->matrix, err);
    int csv = c->format && strcmp(c->format, "csv") == 0;
    int print = !(c->quiet && c->output); /* as cli_emit: -q -o writes only the file */
    if (status == CLIO_OK && print && !csv)
        print_clusters(t, own);
    if (status == CLIO_OK && print)
        status = print_scores(csv, m, d, o->nscore + 1, err);
    if (status == CLIO_OK && fflush(stdout) != 0)
        status = CLIO_EWRITE;
    for (size_t q = 0; q < o->nscore; q++)
        clio_groups_free(read[q]);
    clio_clusters_free(own);
    return status;
}

int cmd_relatedness(int argc, char **argv)
{
    static const char usage[] =
        "clio relatedness TABLE [--employment E.csv] [--occupations O.csv]\n"
        "       [--weights IO,COLOC,OCC] [--clusters K] [--score DEFS.csv ...]\n"
        "       [-o CLUSTERS.csv] [--matrix R.csv] [--format text|csv]";
    static const char help[] =
        "Relatedness of sectors beyond IO links (Delgado, Porter & Stern 2016):\n"
        "  io          max of the four input/output shares between two sectors\n"
        "  colocation  correlation across regions of regional employment shares:\n"
        "              --employment E.csv (columns region,sector,employment; sector\n"
        "              is a sector name of TABLE), or, in a table of 3+ regions, its\n"
        "              satellite 'employment'\n"
        "  occupation  correlation of occupation shares: --occupations O.csv\n"
        "              (columns sector,occupation,employment)\n"
        "  combined    weighted mean of the measures standardised over the pairs\n"
        "              (--weights io,coloc,occ; default 1 for each available)\n"
        "The combined relatedness is clustered by average linkage into K clusters\n"
        "(--clusters K; default n/8 rounded, at least 2), written with -o as\n"
        "region,sector,cluster,strength.  Then a validation table scores these\n"
        "clusters and every --score file (region,sector,cluster or group CSV)\n"
        "under each measure: mean relatedness within and between clusters, their\n"
        "ratio, and the shares of clusters (vs_cluster) and of sectors\n"
        "(vs_sector) more related inside than outside.  --format csv prints only\n"
        "the validation table.  --matrix R.csv writes the combined matrix.\n"
        "Method and formulas: docs/methods-relatedness.md.\n";
    static const struct option extra[] = {
        {"employment", required_argument, 0, OPT_EMPLOYMENT},
        {"occupations", required_argument, 0, OPT_OCCUPATIONS},
        {"weights", required_argument, 0, OPT_WEIGHTS},
        {"clusters", required_argument, 0, OPT_CLUSTERS},
        {"score", required_argument, 0, OPT_SCORE},
        {"matrix", required_argument, 0, OPT_MATRIX},
        {0, 0, 0, 0}};
    cli_common c = {.command = "relatedness"};
    options o = {0};
    const char *path;
    int rc = cli_parse_table(&c, argc, argv, extra, on_option, &o, usage, help, &path);
    if (rc)
        return rc == -2 ? 0 : rc;

    clio_table *t = NULL;
    int status = cli_load_table(&c, path, &t);
    if (status != CLIO_OK)
        return status;
    /* default: about 8 sectors a cluster, at least 2 clusters */
    size_t k = o.k ? o.k : (t->n + 4) / 8;
    if (!o.k && k < 2)
        k = t->n < 2 ? 1 : 2;
    measures m = {0};
    clio_error err = {0};
    double t0 = cli_now();
    if (k > t->n) {
        status = cli_usage_error(&c, usage, "--clusters %zu: the table has %zu sectors", k,
                                 t->n);
    } else if ((status = compute(&c, &o, t, &m, &err)) != CLIO_OK) {
        status = cli_error(&c, status, &err);
    } else if ((status = check_weights(&c, &o, &m, usage)) == 0) {
        status = combine(&o, &m, &err);
        cli_timing(&c, "measures", cli_now() - t0);
        t0 = cli_now();
        if (status == CLIO_OK)
            status = report(&c, &o, t, &m, k, &err);
        cli_timing(&c, "cluster", cli_now() - t0);
        if (status != CLIO_OK)
            cli_error(&c, status, &err);
    }
    measures_free(&m);
    clio_table_free(t);
    return status;
}
