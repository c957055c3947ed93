/* shared_value_write.c -- the scorecard as a readable table (criteria
 * down, options across, so that a handful of options fits a terminal)
 * and as a CSV with one row per option; clio_scorecard_save picks NetCDF
 * or CSV by the name and writes atomically. */
#include "shared_value.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int column_width(const clio_scorecard *sc)
{
    size_t w = 12;
    for (size_t o = 0; o < sc->noptions; o++)
        if (strlen(sc->options[o]) + 2 > w)
            w = strlen(sc->options[o]) + 2;
    return w > 40 ? 40 : (int)w;
}

static void text_row(FILE *fp, const char *label, const char *unit, double weight,
                     const double *v, size_t stride, size_t no, int width)
{
    fprintf(fp, "%-30.30s %-28.28s ", label, unit ? unit : "");
    if (isnan(weight))
        fprintf(fp, "%7s", "");
    else
        fprintf(fp, "%7.3f", weight);
    for (size_t o = 0; o < no; o++) {
        double x = v[o * stride];
        if (isnan(x))
            fprintf(fp, "%*s", width, "");
        else
            fprintf(fp, "%*.6g", width, x);
    }
    fputc('\n', fp);
}

int clio_scorecard_write_text(const clio_scorecard *sc, FILE *fp, clio_error *err)
{
    size_t no = sc->noptions;
    int width = column_width(sc);
    fprintf(fp, "Shared-value scorecard: %zu options, %zu criteria (money in %s)\n", no,
            sc->ncriteria, sc->unit ? sc->unit : "the table's unit");
    for (size_t o = 0; o < no; o++)
        if (sc->descriptions[o])
            fprintf(fp, "  %s: %s\n", sc->options[o], sc->descriptions[o]);
    fprintf(fp, "\n%-30s %-28s %7s", "criterion", "unit", "weight");
    for (size_t o = 0; o < no; o++)
        fprintf(fp, "%*.*s", width, width - 1, sc->options[o]);
    fputc('\n', fp);
    text_row(fp, "cost (public money)", sc->unit, NAN, sc->cost, 1, no, width);
    for (size_t c = 0; c < sc->ncriteria; c++) {
        char label[64];
        snprintf(label, sizeof label, "%s%s", sc->criteria[c], sc->direction[c] < 0 ? " (-)" : "");
        text_row(fp, label, sc->units[c], sc->weight[c], sc->value + no * c, 1, no, width);
    }
    if (sc->weighted) {
        text_row(fp, "score", "0..1", NAN, sc->score, 1, no, width);
        fprintf(fp, "%-30s %-28s %7s", "rank", "", "");
        for (size_t o = 0; o < no; o++)
            fprintf(fp, "%*zu", width, sc->rank[o]);
        fputc('\n', fp);
    }
    fprintf(fp, "%-30s %-28s %7s", "pareto_efficient", "", "");
    for (size_t o = 0; o < no; o++)
        fprintf(fp, "%*s", width, sc->pareto[o] ? "yes" : "no");
    fprintf(fp, "\n\n(-): lower is better.  %s\n",
            sc->weighted ? "score: weighted sum of min-max normalised criteria (1 = best)."
                         : "No weights given (--weights): no ranking; Pareto over every "
                           "criterion not per cost.");
    return ferror(fp) ? clioi_fail(err, CLIO_EWRITE, "cannot write the scorecard") : CLIO_OK;
}

int clio_scorecard_write_csv(const clio_scorecard *sc, FILE *fp, clio_error *err)
{
    size_t no = sc->noptions;
    fputs("option,cost", fp);
    for (size_t c = 0; c < sc->ncriteria; c++) {
        fputc(',', fp);
        clioi_csv_write_field(fp, sc->criteria[c]);
    }
    fputs(",score,rank,pareto\n", fp);
    for (size_t o = 0; o < no; o++) {
        clioi_csv_write_field(fp, sc->options[o]);
        fputc(',', fp);
        clioi_csv_write_number(fp, sc->cost[o]);
        for (size_t c = 0; c < sc->ncriteria; c++) {
            fputc(',', fp);
            clioi_csv_write_number(fp, sc->value[o + no * c]);
        }
        fputc(',', fp);
        clioi_csv_write_number(fp, sc->score[o]);
        if (sc->weighted)
            fprintf(fp, ",%zu", sc->rank[o]);
        else
            fputc(',', fp);
        fprintf(fp, ",%d\n", sc->pareto[o] ? 1 : 0);
    }
    return ferror(fp) ? clioi_fail(err, CLIO_EWRITE, "cannot write the scorecard") : CLIO_OK;
}

int clio_scorecard_save(const clio_scorecard *sc, const char *path, clio_error *err)
{
    if (clioi_ends_with(path, ".nc"))
        return clio_scorecard_write_netcdf(sc, path, err);
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    if ((status = clio_scorecard_write_csv(sc, a.fp, err)) != CLIO_OK) {
        clioi_atomic_abort(&a);
        return status;
    }
    return clioi_atomic_commit(&a, err);
}
