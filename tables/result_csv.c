/* result_csv.c -- results as tidy (long) CSV and as a readable text table.
 * Additive results (impacts) get per-region totals and, for several
 * regions, a grand total, as rows with sector "TOTAL" (region "ALL"). */
#include "clioi.h"

#include <math.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Sums of every (account, field) over the sectors of region `region`
 * (CLIO_NONE: all sectors) into sums[naccounts * nfields]. */
static void region_sums(const clio_result *r, size_t region, double *sums)
{
    size_t width = r->naccounts * r->nfields;
    memset(sums, 0, width * sizeof *sums);
    for (size_t i = 0; i < r->nrows; i++)
        if (r->row_region[i] != CLIO_NONE && (region == CLIO_NONE || r->row_region[i] == region))
            for (size_t k = 0; k < width; k++)
                sums[k] += r->values[k + width * i];
}

/* The region of row i as written: empty for a group of sectors. */
static const char *row_region_name(const clio_result *r, size_t i)
{
    return r->row_region[i] == CLIO_NONE ? "" : r->regions[r->row_region[i]];
}

/* One line per account; cls is the row's class (NULL: no class column,
 * "" on total rows of a result that has one). */
static void csv_row(FILE *fp, const char *region, const char *sector, const clio_result *r,
                    const double *values, const char *cls)
{
    for (size_t a = 0; a < r->naccounts; a++) {
        clioi_csv_write_field(fp, region);
        fputc(',', fp);
        clioi_csv_write_field(fp, sector);
        fputc(',', fp);
        clioi_csv_write_field(fp, r->accounts[a]);
        for (size_t f = 0; f < r->nfields; f++) {
            fputc(',', fp);
            clioi_csv_write_number(fp, values[f + r->nfields * a]);
        }
        if (cls) {
            fputc(',', fp);
            clioi_csv_write_field(fp, cls);
        }
        fputc('\n', fp);
    }
}

int clio_result_write_csv(const clio_result *r, FILE *fp, clio_error *err)
{
    size_t width = r->naccounts * r->nfields;
    fputs("region,sector,account", fp);
    for (size_t f = 0; f < r->nfields; f++) {
        fputc(',', fp);
        clioi_csv_write_field(fp, r->fields[f]);
    }
    if (r->row_class) {
        fputc(',', fp);
        clioi_csv_write_field(fp, r->class_name);
    }
    fputc('\n', fp);
    const char *no_class = r->row_class ? "" : NULL;
    for (size_t i = 0; i < r->nrows; i++)
        csv_row(fp, row_region_name(r, i), r->row_sector[i], r, r->values + width * i,
                r->row_class ? r->row_class[i] : NULL);
    if (r->additive) {
        double *sums = clioi_calloc_array(width, sizeof *sums);
        if (!sums)
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        for (size_t g = 0; g < r->nregions; g++) {
            region_sums(r, g, sums);
            csv_row(fp, r->regions[g], "TOTAL", r, sums, no_class);
        }
        if (r->nregions > 1) {
            region_sums(r, CLIO_NONE, sums);
            csv_row(fp, "ALL", "TOTAL", r, sums, no_class);
        }
        free(sums);
    }
    if (ferror(fp))
        return clioi_fail(err, CLIO_EWRITE, "cannot write the CSV output: %s", strerror(errno));
    return CLIO_OK;
}

/* ---- text ---------------------------------------------------------- */

/* One printed column: an (account, field) pair with its heading. */
typedef struct text_column {
    size_t account, field;
    char heading[64];
    int width;
} text_column;

static void print_cell(FILE *fp, double v, int width)
{
    if (isnan(v))
        fprintf(fp, " %*s", width, "-");
    else
        fprintf(fp, " %*.6g", width, v);
}

/* "region|sector", or the name alone for a group of sectors. */
static size_t row_label(const clio_result *r, size_t i, char *buf, size_t len)
{
    if (r->row_region[i] == CLIO_NONE)
        return (size_t)snprintf(buf, len, "%s", r->row_sector[i]);
    return (size_t)snprintf(buf, len, "%s|%s", r->regions[r->row_region[i]], r->row_sector[i]);
}

static void print_table(FILE *fp, const clio_result *r, const text_column *cols, size_t ncols,
                        int label_width, double *sums)
{
    size_t width = r->naccounts * r->nfields;
    fprintf(fp, "%-*s", label_width, "region|sector");
    for (size_t c = 0; c < ncols; c++)
        fprintf(fp, " %*s", cols[c].width, cols[c].heading);
    if (r->row_class)
        fprintf(fp, "  %s", r->class_name);
    fputc('\n', fp);
    for (size_t i = 0; i < r->nrows; i++) {
        char label[256];
        row_label(r, i, label, sizeof label);
        fprintf(fp, "%-*s", label_width, label);
        for (size_t c = 0; c < ncols; c++)
            print_cell(fp, r->values[cols[c].field + r->nfields * cols[c].account + width * i],
                       cols[c].width);
        if (r->row_class)
            fprintf(fp, "  %s", r->row_class[i]);
        fputc('\n', fp);
    }
    if (!sums)
        return;
    for (size_t g = 0; g <= r->nregions; g++) {
        if (g == r->nregions && r->nregions == 1)
            break;
        region_sums(r, g < r->nregions ? g : CLIO_NONE, sums);
        char label[256];
        snprintf(label, sizeof label, "%s|TOTAL", g < r->nregions ? r->regions[g] : "ALL");
        fprintf(fp, "%-*s", label_width, label);
        for (size_t c = 0; c < ncols; c++)
            print_cell(fp, sums[cols[c].field + r->nfields * cols[c].account], cols[c].width);
        fputc('\n', fp);
    }
}

static int label_width(const clio_result *r)
{
    size_t w = strlen("region|sector");
    for (size_t i = 0; i < r->nrows; i++) {
        size_t l = row_label(r, i, NULL, 0);
        if (l > w)
            w = l;
    }
    return (int)(w > 60 ? 60 : w);
}

static void set_column(text_column *c, size_t account, size_t field, const char *heading)
{
    c->account = account;
    c->field = field;
    snprintf(c->heading, sizeof c->heading, "%s", heading);
    size_t w = strlen(c->heading);
    c->width = (int)(w < 12 ? 12 : w);
}

int clio_result_write_text(const clio_result *r, FILE *fp, clio_error *err)
{
    int lw = label_width(r);
    text_column *cols = clioi_calloc_array(r->nfields, sizeof *cols);
    double *sums = clioi_calloc_array(r->naccounts * r->nfields, sizeof *sums);
    if (!cols || !sums) {
        free(cols);
        free(sums);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    if (r->title)
        fprintf(fp, "%s\n", r->title);
    if (r->description)
        fprintf(fp, "%s\n", r->description);
    else if (r->additive)
        fprintf(fp, "Impact of the final-demand change: direct (the demand change itself), "
                    "indirect (through the supply chain) and total effects.\n");
    else
        fprintf(fp, "Type I multipliers: direct coefficient (per unit of output), total "
                    "effect per unit of final demand, multiplier = effect / coefficient.\n");
    /* One block per account: sectors down, fields across. */
    for (size_t a = 0; a < r->naccounts; a++) {
        for (size_t f = 0; f < r->nfields; f++)
            set_column(&cols[f], a, f, r->fields[f]);
        const char *unit = r->account_units[a];
        fprintf(fp, "\n%s%s%s%s\n", r->accounts[a], unit[0] ? " (" : "", unit,
                unit[0] ? ")" : "");
        print_table(fp, r, cols, r->nfields, lw, r->additive ? sums : NULL);
    }
    free(cols);
    free(sums);
    if (ferror(fp))
        return clioi_fail(err, CLIO_EWRITE, "cannot write the output: %s", strerror(errno));
    return CLIO_OK;
}
