/* scenario_csv.c -- scenario results as tidy CSV (one line per scenario,
 * sector and account, with TOTAL rows), their time series as tidy CSV,
 * and a readable summary of the totals. */
#include "clioi.h"

#include <math.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Sums over the sectors of region g (CLIO_NONE: all) of the baseline and
 * of scenario s's deltas, naccounts each. */
static void totals(const clio_scenario_results *r, size_t s, size_t g, double *base,
                   double *delta)
{
    const clio_result *l = r->labels;
    size_t na = l->naccounts;
    memset(base, 0, na * sizeof *base);
    memset(delta, 0, na * sizeof *delta);
    for (size_t i = 0; i < l->nrows; i++) {
        if (l->row_region[i] == CLIO_NONE || (g != CLIO_NONE && l->row_region[i] != g))
            continue;
        const double *d = r->delta + na * (i + l->nrows * s);
        for (size_t a = 0; a < na; a++) {
            base[a] += l->values[a + na * i];
            delta[a] += d[a];
        }
    }
    for (size_t a = 0; a < na; a++)
        if (strcmp(l->accounts[a], "price") == 0)
            base[a] = delta[a] = NAN; /* a sum of price indices means nothing */
}

static void csv_lines(FILE *fp, const clio_scenario_results *r, size_t s, const char *region,
                      const char *sector, const double *base, const double *delta,
                      const char *binding)
{
    const clio_result *l = r->labels;
    for (size_t a = 0; a < l->naccounts; a++) {
        clioi_csv_write_field(fp, r->names[s]);
        fputc(',', fp);
        clioi_csv_write_field(fp, region);
        fputc(',', fp);
        clioi_csv_write_field(fp, sector);
        fputc(',', fp);
        clioi_csv_write_field(fp, l->accounts[a]);
        fputc(',', fp);
        clioi_csv_write_number(fp, base[a]);
        fputc(',', fp);
        clioi_csv_write_number(fp, base[a] + delta[a]);
        fputc(',', fp);
        clioi_csv_write_number(fp, delta[a]);
        if (binding) {
            fputc(',', fp);
            fputs(binding, fp);
        }
        fputc('\n', fp);
    }
}

int clio_scenario_results_write_csv(const clio_scenario_results *r, FILE *fp, clio_error *err)
{
    const clio_result *l = r->labels;
    size_t na = l->naccounts;
    double *base = clioi_calloc_array(2 * na, sizeof *base); /* then the deltas */
    if (!base)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    double *delta = base + na;
    fputs("scenario,region,sector,account,baseline,scenario_value,delta", fp);
    fputs(r->has_caps ? ",binding\n" : "\n", fp);
    for (size_t s = 0; s < r->nscenarios; s++) {
        for (size_t i = 0; i < l->nrows; i++) {
            const char *binding = !r->has_caps ? NULL : r->binding[i + l->nrows * s] ? "1" : "0";
            csv_lines(fp, r, s, l->regions[l->row_region[i]], l->row_sector[i],
                      l->values + na * i, r->delta + na * (i + l->nrows * s), binding);
        }
        for (size_t g = 0; g < l->nregions; g++) {
            totals(r, s, g, base, delta);
            csv_lines(fp, r, s, l->regions[g], "TOTAL", base, delta, r->has_caps ? "" : NULL);
        }
        if (l->nregions > 1) {
            totals(r, s, CLIO_NONE, base, delta);
            csv_lines(fp, r, s, "ALL", "TOTAL", base, delta, r->has_caps ? "" : NULL);
        }
    }
    free(base);
    if (ferror(fp))
        return clioi_fail(err, CLIO_EWRITE, "cannot write the CSV output: %s", strerror(errno));
    return CLIO_OK;
}

int clio_scenario_series_write_csv(const clio_scenario_results *r, FILE *fp, clio_error *err)
{
    const clio_result *l = r->labels;
    size_t n = l->nrows;
    fputs("scenario,time,time_unit,region,sector,variable,value\n", fp);
    for (size_t s = 0; s < r->nscenarios && r->nvars > 0; s++) {
        if (!r->time_units[s] || r->slot[s] == CLIO_NONE)
            continue;
        for (size_t v = 0; v < r->nvars; v++)
            for (size_t p = 0; p < r->ntimes; p++) {
                double time = r->time[p + r->ntimes * s];
                const double *x = r->series + n * (p + r->ntimes * (v + r->nvars * r->slot[s]));
                if (isnan(time) || isnan(x[0]))
                    continue; /* past this scenario's end, or not its variable */
                for (size_t i = 0; i < n; i++) {
                    clioi_csv_write_field(fp, r->names[s]);
                    fputc(',', fp);
                    clioi_csv_write_number(fp, time);
                    fputc(',', fp);
                    clioi_csv_write_field(fp, r->time_units[s]);
                    fputc(',', fp);
                    clioi_csv_write_field(fp, l->regions[l->row_region[i]]);
                    fputc(',', fp);
                    clioi_csv_write_field(fp, l->row_sector[i]);
                    fputc(',', fp);
                    clioi_csv_write_field(fp, r->vars[v]);
                    fputc(',', fp);
                    clioi_csv_write_number(fp, x[i]);
                    fputc('\n', fp);
                }
            }
    }
    if (ferror(fp))
        return clioi_fail(err, CLIO_EWRITE, "cannot write the series CSV: %s", strerror(errno));
    return CLIO_OK;
}

/* The price index: its output-weighted mean change and the largest. */
static void print_prices(FILE *fp, const clio_scenario_results *r, size_t s, size_t a)
{
    const clio_result *l = r->labels;
    size_t na = l->naccounts, top = 0;
    double weighted = 0.0, weight = 0.0, largest = 0.0;
    for (size_t i = 0; i < l->nrows; i++) {
        double dp = r->delta[a + na * (i + l->nrows * s)], x = l->values[1 + na * i];
        weighted += dp * x;
        weight += x;
        if (fabs(dp) > fabs(largest)) {
            largest = dp;
            top = i;
        }
    }
    if (largest == 0)
        return;
    fprintf(fp, "  price index: output-weighted mean change %+.4f%%, largest %+.4f%% (%s%s%s)\n",
            weight > 0 ? 100.0 * weighted / weight : 0.0, 100.0 * largest,
            l->nregions > 1 ? l->regions[l->row_region[top]] : "", l->nregions > 1 ? "|" : "",
            l->row_sector[top]);
}

int clio_scenario_results_write_text(const clio_scenario_results *r, FILE *fp, clio_error *err)
{
    const clio_result *l = r->labels;
    size_t na = l->naccounts;
    double *base = clioi_calloc_array(2 * na, sizeof *base); /* then the deltas */
    if (!base)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    double *delta = base + na;
    for (size_t s = 0; s < r->nscenarios; s++) {
        fprintf(fp, "%sscenario %s (%s)%s%s\n", s ? "\n" : "", r->names[s], r->models[s],
                r->descriptions[s] ? ": " : "", r->descriptions[s] ? r->descriptions[s] : "");
        totals(r, s, CLIO_NONE, base, delta);
        fprintf(fp, "  %-40s %16s %16s %16s %9s\n", "account (all sectors)", "baseline",
                "scenario", "delta", "percent");
        for (size_t a = 0; a < na; a++) {
            if (strcmp(l->accounts[a], "price") == 0) {
                print_prices(fp, r, s, a);
                continue;
            }
            if (strncmp(l->accounts[a], "unmet:", 6) == 0 && delta[a] == 0)
                continue;
            fprintf(fp, "  %-40.40s %16.6g %16.6g %16.6g", l->accounts[a], base[a],
                    base[a] + delta[a], delta[a]);
            if (base[a] != 0)
                fprintf(fp, " %8.3f%%\n", 100.0 * delta[a] / fabs(base[a]));
            else
                fprintf(fp, " %9s\n", "-");
        }
        size_t nbinding = 0;
        for (size_t i = 0; i < l->nrows; i++)
            nbinding += r->binding[i + l->nrows * s];
        if (nbinding > 0)
            fprintf(fp, "  capacity caps binding in %zu sectors (see the CSV's binding column)\n",
                    nbinding);
    }
    free(base);
    if (ferror(fp))
        return clioi_fail(err, CLIO_EWRITE, "cannot write the output: %s", strerror(errno));
    return CLIO_OK;
}

/* Atomic saves: a temporary file renamed into place. */
typedef int (*csv_writer)(const clio_scenario_results *, FILE *, clio_error *);

static int save_csv(const clio_scenario_results *r, const char *path, csv_writer write,
                    clio_error *err)
{
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, path, 1, err);
    if (status != CLIO_OK)
        return status;
    if ((status = write(r, a.fp, err)) != CLIO_OK) {
        clioi_atomic_abort(&a);
        return status;
    }
    return clioi_atomic_commit(&a, err);
}

int clio_scenario_results_save(const clio_scenario_results *r, const char *path,
                               clio_error *err)
{
    if (clioi_ends_with(path, ".nc"))
        return clio_scenario_results_write_netcdf(r, path, err);
    return save_csv(r, path, clio_scenario_results_write_csv, err);
}

int clio_scenario_series_save(const clio_scenario_results *r, const char *path,
                              clio_error *err)
{
    return save_csv(r, path, clio_scenario_series_write_csv, err);
}

int clio_scenario_results_save_all(const clio_scenario_results *r, const char *path,
                                   const char *series_path, clio_error *err)
{
    if (!series_path)
        return path ? clio_scenario_results_save(r, path, err) : CLIO_OK;
    if (!path)
        return clio_scenario_series_save(r, series_path, err);
    /* the series written first into its temporary file, committed only
     * once the results are in place: a failure leaves both files as they
     * were */
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, series_path, 1, err);
    if (status != CLIO_OK)
        return status;
    if ((status = clio_scenario_series_write_csv(r, a.fp, err)) != CLIO_OK ||
        (status = clio_scenario_results_save(r, path, err)) != CLIO_OK) {
        clioi_atomic_abort(&a);
        return status;
    }
    return clioi_atomic_commit(&a, err);
}
