/* cmd_symmetric.c -- `clio symmetric MAKE.csv USE.csv`: a symmetric table
 * and the direct and total requirement matrices of a make-use system under
 * the industry- or product-technology assumption (BEA's method,
 * docs/methods-symmetric.md).  Everything is computed and checked before
 * the first file is written. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_ASSUMPTION = 500, OPT_BY, OPT_DIRECT, OPT_TOTAL, OPT_TOTAL_IC, OPT_BMAT, OPT_TMAT,
    OPT_LAYOUT, OPT_SCRAP, OPT_VALUE_ADDED, OPT_FINAL_DEMAND, OPT_TOTALS, OPT_NO_NEGATIVE,
    OPT_NEGATIVES
};

#define MAX_LISTS 32
#define NEGATIVES_SHOWN 10

typedef struct sym_options {
    int technology, by, no_negative;
    const char *direct, *total, *total_ic, *bmat, *tmat, *layout, *negatives;
    const char *title, *unit;
    int nlists;
    int list_kind[MAX_LISTS];
    const char *list_text[MAX_LISTS];
} sym_options;

static int extra_option(void *ctx, int opt, const char *arg)
{
    sym_options *s = ctx;
    switch (opt) {
    case OPT_ASSUMPTION:
        if (strcmp(arg, "industry") == 0)
            s->technology = CLIO_INDUSTRY_TECHNOLOGY;
        else if (strcmp(arg, "product") == 0)
            s->technology = CLIO_PRODUCT_TECHNOLOGY;
        else {
            fprintf(stderr, "clio symmetric: --assumption must be 'industry' or 'product', "
                            "not '%s'\n", arg);
            return -1;
        }
        return 1;
    case OPT_BY:
        if (strcmp(arg, "commodity") == 0)
            s->by = CLIO_BY_COMMODITY;
        else if (strcmp(arg, "industry") == 0)
            s->by = CLIO_BY_INDUSTRY;
        else {
            fprintf(stderr, "clio symmetric: --by must be 'commodity' or 'industry', not '%s'\n",
                    arg);
            return -1;
        }
        return 1;
    case OPT_DIRECT: s->direct = arg; return 1;
    case OPT_TOTAL: s->total = arg; return 1;
    case OPT_TOTAL_IC: s->total_ic = arg; return 1;
    case OPT_BMAT: s->bmat = arg; return 1;
    case OPT_TMAT: s->tmat = arg; return 1;
    case OPT_LAYOUT: s->layout = arg; return 1;
    case OPT_NEGATIVES: s->negatives = arg; return 1;
    case OPT_NO_NEGATIVE: s->no_negative = 1; return 1;
    case OPT_TITLE: s->title = arg; return 1;
    case OPT_UNIT: s->unit = arg; return 1;
    case OPT_SCRAP:
    case OPT_VALUE_ADDED:
    case OPT_FINAL_DEMAND:
    case OPT_TOTALS:
        if (s->nlists == MAX_LISTS) {
            fprintf(stderr, "clio symmetric: more than %d code lists\n", MAX_LISTS);
            return -1;
        }
        s->list_kind[s->nlists] = opt == OPT_SCRAP         ? CLIO_SUT_SCRAP
                                  : opt == OPT_VALUE_ADDED ? CLIO_SUT_VALUE_ADDED
                                  : opt == OPT_FINAL_DEMAND ? CLIO_SUT_FINAL_DEMAND
                                                            : CLIO_SUT_TOTALS;
        s->list_text[s->nlists++] = arg;
        return 1;
    default: return 0;
    }
}

/* Print the reader's findings; with --strict a warning is an error. */
static int print_report(const cli_common *o, const clio_report *rep)
{
    for (size_t k = 0; k < rep->count; k++) {
        const clio_finding *f = &rep->items[k];
        if (f->severity == CLIO_ERROR || (f->severity == CLIO_WARNING && !o->quiet) ||
            (f->severity == CLIO_INFO && o->verbose))
            fprintf(stderr, "clio %s: %s: %s\n", o->command,
                    f->severity == CLIO_ERROR     ? "error"
                    : f->severity == CLIO_WARNING ? "warning"
                                                  : "note",
                    f->message);
    }
    if (rep->nerrors)
        return rep->items && rep->count ? rep->items[0].status : CLIO_EVALUE;
    return o->strict && rep->nwarnings ? CLIO_EUNBALANCED : CLIO_OK;
}

/* The direct requirements of the symmetric table, fetched once for the
 * report of negative coefficients and the --negatives file. */
typedef struct direct_matrix {
    double *A;
    size_t rows, cols;
    char *const *keys;
    const char *kind; /* "commodity" or "industry" */
} direct_matrix;

static int direct_matrix_get(const cli_common *o, const sym_options *so, const clio_sut *s,
                             const clio_symmetric *m, direct_matrix *d)
{
    clio_error err = {0};
    int by_commodity = so->by == CLIO_BY_COMMODITY;
    d->keys = by_commodity ? s->commodities : s->industries;
    d->kind = by_commodity ? "commodity" : "industry";
    int status = clio_symmetric_matrix(
        m, by_commodity ? CLIO_REQ_DIRECT_COMMODITY : CLIO_REQ_DIRECT_INDUSTRY, &d->A, &d->rows,
        &d->cols, &err);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

/* Negative direct requirements (product technology, or negative entries of
 * the use table): listed on stderr, all of them in --negatives FILE. */
static int report_negatives(const cli_common *o, const sym_options *so, const direct_matrix *d)
{
    size_t count = 0;
    for (size_t j = 0; j < d->cols; j++)
        for (size_t i = 0; i < d->rows; i++)
            if (d->A[i + j * d->rows] < 0 && (count++ < NEGATIVES_SHOWN || o->verbose) &&
                !o->quiet)
                fprintf(stderr, "clio symmetric: negative coefficient: %s '%s' per unit of "
                                "'%s' = %.6g\n",
                        d->kind, d->keys[i], d->keys[j], d->A[i + j * d->rows]);
    if (count > NEGATIVES_SHOWN && !o->verbose && !o->quiet)
        fprintf(stderr, "clio symmetric: ... %zu negative coefficients in all (-v lists "
                        "them, --negatives FILE writes them)\n", count);
    else if (count && !o->quiet)
        fprintf(stderr, "clio symmetric: %zu negative coefficient(s)\n", count);
    if (count && so->no_negative) {
        clio_error err = {CLIO_EVALUE, ""};
        snprintf(err.message, sizeof err.message,
                 "%zu negative direct requirements and --no-negative: nothing written", count);
        return cli_error(o, CLIO_EVALUE, &err);
    }
    return CLIO_OK;
}

/* The negative direct requirements as CSV: a temporary file renamed into
 * place, so a failed write leaves no partial file. */
static int write_negatives(const cli_common *o, const char *path, const direct_matrix *d)
{
    size_t len = strlen(path) + 5;
    char *tmp = malloc(len);
    FILE *fp = tmp ? (snprintf(tmp, len, "%s.tmp", path), fopen(tmp, "w")) : NULL;
    int ok = fp != NULL;
    if (fp) {
        fprintf(fp, "row,column,coefficient\n");
        for (size_t j = 0; j < d->cols; j++)
            for (size_t i = 0; i < d->rows; i++)
                if (d->A[i + j * d->rows] < 0)
                    fprintf(fp, "%s,%s,%.17g\n", d->keys[i], d->keys[j], d->A[i + j * d->rows]);
        ok = !ferror(fp);
        ok = fclose(fp) == 0 && ok && rename(tmp, path) == 0;
        if (!ok)
            remove(tmp);
    }
    free(tmp);
    if (!ok) {
        clio_error err = {CLIO_EWRITE, ""};
        snprintf(err.message, sizeof err.message, "%s: cannot write", path);
        return cli_error(o, CLIO_EWRITE, &err);
    }
    return CLIO_OK;
}

/* Build and check the table; nothing is written yet. */
static int build_table(const cli_common *o, const sym_options *so, const clio_sut *s,
                       const clio_symmetric *m, clio_table **t)
{
    clio_error err = {0};
    int status = clio_symmetric_table(s, m, so->by, o->region, t, &err);
    if (status != CLIO_OK)
        return cli_error(o, status, &err);
    if (cli_replace_text(&(*t)->title, so->title) != CLIO_OK || cli_replace_text(&(*t)->unit, so->unit) != CLIO_OK)
        return cli_error(o, CLIO_ENOMEM, NULL);
    clio_report rep = {0};
    status = clio_table_check(*t, o->rtol, &rep);
    int printed = print_report(o, &rep);
    clio_report_free(&rep);
    if (status != CLIO_OK || printed != CLIO_OK) {
        err.status = status ? status : printed;
        snprintf(err.message, sizeof err.message,
                 "the symmetric table fails validation: nothing written");
        return cli_error(o, err.status, &err);
    }
    return CLIO_OK;
}

/* Write the requested matrices, then the table. */
static int write_outputs(const cli_common *o, const sym_options *so, const clio_sut *s,
                         const clio_symmetric *m, const direct_matrix *d, const clio_table *t)
{
    const char *paths[5] = {so->bmat, so->tmat, so->direct, so->total, so->total_ic};
    int which[5] = {CLIO_REQ_DIRECT_COMMODITY_INDUSTRY, CLIO_REQ_TRANSFORMATION,
                    so->by == CLIO_BY_COMMODITY ? CLIO_REQ_DIRECT_COMMODITY
                                                : CLIO_REQ_DIRECT_INDUSTRY,
                    so->by == CLIO_BY_COMMODITY ? CLIO_REQ_TOTAL_COMMODITY
                                                : CLIO_REQ_TOTAL_INDUSTRY,
                    CLIO_REQ_TOTAL_INDUSTRY_COMMODITY};
    clio_error err = {0};
    for (int k = 0; k < 5; k++) {
        if (!paths[k])
            continue;
        int status = clio_symmetric_matrix_save_csv(s, m, which[k], paths[k], &err);
        if (status != CLIO_OK)
            return cli_error(o, status, &err);
        if (o->verbose)
            fprintf(stderr, "clio symmetric: wrote %s\n", paths[k]);
    }
    if (so->negatives) {
        int status = write_negatives(o, so->negatives, d);
        if (status != CLIO_OK)
            return status;
    }
    if (t) {
        int status = clio_table_save(t, o->output, &err);
        if (status != CLIO_OK)
            return cli_error(o, status, &err);
        if (!o->quiet)
            fprintf(stderr, "clio symmetric: wrote %s: %zu sectors, %zu final-demand columns, "
                            "%zu value-added rows\n",
                    o->output, t->n, t->nfd, t->nva);
    }
    return CLIO_OK;
}

static int read_layout(const cli_common *o, const sym_options *so, clio_sut_layout *layout)
{
    clio_error err = {0};
    int status = CLIO_OK;
    if (so->layout)
        status = clio_sut_layout_read_yaml(so->layout, layout, &err);
    for (int k = 0; status == CLIO_OK && k < so->nlists; k++)
        status = clio_sut_layout_add(layout, so->list_kind[k], so->list_text[k], &err);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

/* A short account of what was read, with -v. */
static void describe(const cli_common *o, const clio_sut *s, const clio_symmetric *m)
{
    if (!o->verbose)
        return;
    double h = 0;
    size_t makers = 0, produced = 0;
    for (size_t i = 0; i < m->ni; i++) {
        h += m->h[i];
        makers += m->h[i] != 0;
    }
    for (size_t c = 0; c < m->nc; c++)
        produced += m->produced[c];
    fprintf(stderr, "clio symmetric: %zu industries, %zu commodities (%zu produced), %zu "
                    "final-demand columns, %zu value-added rows; scrap:",
            s->ni, s->nc, produced, s->nfd, s->nva);
    for (size_t c = 0; c < s->nc; c++)
        if (s->scrap[c])
            fprintf(stderr, " %s", s->commodities[c]);
    fprintf(stderr, " (%.10g made by %zu industries)\n", h, makers);
}

static int run(const cli_common *o, const sym_options *so, const char *make, const char *use)
{
    clio_sut_layout layout = {0};
    clio_sut *s = NULL;
    clio_symmetric *m = NULL;
    clio_table *t = NULL;
    direct_matrix direct = {0};
    clio_report rep = {0};
    clio_error err = {0};
    int status = read_layout(o, so, &layout);
    if (status != CLIO_OK)
        goto done;
    double t0 = cli_now();
    status = clio_sut_read_csv(make, use, &layout, &s, &rep, &err);
    if (status != CLIO_OK) {
        status = cli_error(o, status, &err);
        goto done;
    }
    if ((status = print_report(o, &rep)) != CLIO_OK) {
        err.status = status;
        snprintf(err.message, sizeof err.message, "totals do not add up (--strict)");
        status = cli_error(o, status, &err);
        goto done;
    }
    cli_timing(o, "read", cli_now() - t0);
    t0 = cli_now();
    if ((status = clio_symmetric_compute(s, so->technology, &m, &err)) != CLIO_OK) {
        status = cli_error(o, status, &err);
        goto done;
    }
    describe(o, s, m);
    /* the total requirements must exist before anything is written */
    double *L = NULL;
    size_t r, c;
    status = clio_symmetric_matrix(m, so->by == CLIO_BY_COMMODITY ? CLIO_REQ_TOTAL_COMMODITY
                                                                   : CLIO_REQ_TOTAL_INDUSTRY,
                                   &L, &r, &c, &err);
    free(L);
    if (status != CLIO_OK) {
        status = cli_error(o, status, &err);
        goto done;
    }
    if ((status = direct_matrix_get(o, so, s, m, &direct)) != CLIO_OK ||
        (status = report_negatives(o, so, &direct)) != CLIO_OK)
        goto done;
    if (o->output && (status = build_table(o, so, s, m, &t)) != CLIO_OK)
        goto done;
    cli_timing(o, "compute", cli_now() - t0);
    t0 = cli_now();
    status = write_outputs(o, so, s, m, &direct, t);
    cli_timing(o, "write", cli_now() - t0);
done:
    free(direct.A);
    clio_report_free(&rep);
    clio_table_free(t);
    clio_symmetric_free(m);
    clio_sut_free(s);
    clio_sut_layout_free(&layout);
    return status;
}

int cmd_symmetric(int argc, char **argv)
{
    static const char usage[] =
        "clio symmetric MAKE.csv USE.csv [--assumption industry|product] [--by commodity|"
        "industry] [-o TABLE(.nc|DIR)] [--direct FILE] [--total FILE] [options]";
    static const char help[] =
        "A symmetric input-output table and requirement matrices from a make (supply)\n"
        "table, industries x commodities, and a use table, commodities and value-added\n"
        "rows x industries and final-demand columns (labelled CSVs: first row column\n"
        "codes, first column row codes).  BEA's method: B = U g^-1, market shares\n"
        "D = V q^-1 with scrap separated, W = (I - p)^-1 D (docs/methods-symmetric.md).\n"
        "  --assumption A    industry (default: industry technology, market shares) or\n"
        "                    product (product technology, T = g (V')^-1; square make)\n"
        "  --by B            commodity (default) or industry: the table and the\n"
        "                    matrices of --direct and --total\n"
        "  -o TABLE          the symmetric table (NetCDF if .nc, else a CSV folder);\n"
        "                    validated first, nothing written when it fails\n"
        "  --direct FILE     direct requirements: B T (by commodity) or T B (by industry)\n"
        "  --total FILE      total requirements: (I - B T)^-1 or (I - T B)^-1\n"
        "  --total-industry-commodity FILE   T (I - B T)^-1\n"
        "  --use-coefficients FILE   B, commodity x industry direct requirements\n"
        "  --transformation FILE     T (W = market shares adjusted for scrap)\n"
        "  --no-negative     negative direct requirements are an error (exit 8)\n"
        "  --negatives FILE  write every negative coefficient (row,column,coefficient)\n"
        "  --title TEXT, --unit UNIT   metadata of the table\n"
        "layout (defaults fit BEA's files):\n"
        "  --layout FILE.yaml  keys scrap, value_added, final_demand, totals, total_rtol\n"
        "  --scrap LIST        scrap commodities (default S004, S00401, Used if present)\n"
        "  --value-added LIST  use rows that are value added (default V + digits)\n"
        "  --final-demand LIST use columns that are final demand (default: the columns\n"
        "                      that are not industries)\n"
        "  --totals LIST       total rows/columns, verified and dropped (default T +\n"
        "                      digits, keys starting with Total)\n"
        "  LISTs are comma-separated codes; options add to the layout file's lists.\n"
        "  --strict makes total and balance mismatches errors (exit 9).\n";
    static const struct option extra[] = {
        {"assumption", required_argument, 0, OPT_ASSUMPTION},
        {"by", required_argument, 0, OPT_BY},
        {"direct", required_argument, 0, OPT_DIRECT},
        {"total", required_argument, 0, OPT_TOTAL},
        {"total-industry-commodity", required_argument, 0, OPT_TOTAL_IC},
        {"use-coefficients", required_argument, 0, OPT_BMAT},
        {"transformation", required_argument, 0, OPT_TMAT},
        {"layout", required_argument, 0, OPT_LAYOUT},
        {"scrap", required_argument, 0, OPT_SCRAP},
        {"value-added", required_argument, 0, OPT_VALUE_ADDED},
        {"final-demand", required_argument, 0, OPT_FINAL_DEMAND},
        {"totals", required_argument, 0, OPT_TOTALS},
        {"no-negative", no_argument, 0, OPT_NO_NEGATIVE},
        {"negatives", required_argument, 0, OPT_NEGATIVES},
        {"title", required_argument, 0, OPT_TITLE},
        {"unit", required_argument, 0, OPT_UNIT},
        {0, 0, 0, 0}};
    cli_common o = {.command = "symmetric"};
    sym_options so = {0};
    int first;
    int rc = cli_parse(&o, argc, argv, extra, extra_option, &so, usage, help, &first);
    if (rc)
        return rc == -2 ? 0 : rc;
    if (argc - first != 2)
        return cli_usage_error(&o, usage, "expected MAKE.csv and USE.csv, got %d file(s)",
                               argc - first);
    if (!o.output && !so.direct && !so.total && !so.total_ic && !so.bmat && !so.tmat &&
        !so.negatives)
        return cli_usage_error(&o, usage, "nothing to write: give -o, --direct, --total, ...");
    return run(&o, &so, argv[first], argv[first + 1]);
}
