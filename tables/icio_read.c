/* icio_read.c -- the OECD Inter-Country Input-Output tables' CSV layout
 * (ICIO 2021 and 2023 releases): a square grid keyed "COUNTRY_INDUSTRY"
 * ("AUS_01T02") in the first column (headed "V1" or empty) and the header;
 * final-demand columns "COUNTRY_CATEGORY" ("AUS_HFCE"); rows TLS (2021:
 * TAXSUB) and VA (VALU) for taxes less subsidies and value added, OUT
 * (OUTPUT) for total output; a total column OUT (TOTAL) is not needed
 * (x comes from the OUT row; clio's check compares the row sums).  Split
 * countries (CN1, CN2, MX1, MX2) are regions of their own; their final
 * demand, published for the whole country (CHN_, MEX_), goes to CN1 / MX1. */
#include "clioi.h"

#include <stdlib.h>
#include <string.h>

static int is_total_column(const char *key)
{
    return strcmp(key, "OUT") == 0 || strcmp(key, "TOTAL") == 0;
}

/* The clio name of a special row, or NULL when the row is not one. */
static const char *special_row(const char *key, int *is_output)
{
    *is_output = strcmp(key, "OUT") == 0 || strcmp(key, "OUTPUT") == 0;
    if (*is_output)
        return "output";
    if (strcmp(key, "TLS") == 0 || strcmp(key, "TAXSUB") == 0)
        return "taxes_less_subsidies";
    if (strcmp(key, "VA") == 0 || strcmp(key, "VALU") == 0)
        return "value_added";
    return NULL;
}

/* Final demand of a split country: the published tables split China's and
 * Mexico's industries (CN1/CN2, MX1/MX2: without and with export
 * processing / global manufacturing) but not their final demand (CHN_HFCE,
 * MEX_HFCE); it goes to the domestic part, CN1 or MX1. */
static size_t split_country_region(const clio_table *t, const char *country)
{
    static const char *const split[][2] = {{"CHN", "CN1"}, {"MEX", "MX1"}};
    for (size_t k = 0; k < sizeof split / sizeof split[0]; k++)
        if (strcmp(country, split[k][0]) == 0)
            return clioi_find_label(t->regions, t->nregions, split[k][1]);
    return CLIO_NONE;
}

/* "AUS_01T02" -> "AUS|01T02" (split at the first '_'), or NULL. */
static char *key_of(const char *code)
{
    const char *u = strchr(code, '_');
    if (!u || u == code || !u[1])
        return NULL;
    char *k = clioi_strdup(code);
    if (k)
        k[u - code] = '|';
    return k;
}

typedef struct icio_shape {
    size_t n, nfd, nva;
    size_t *col_kind;   /* per header column: 0 sector, 1 final demand, 2 total */
    size_t *col_index;  /* index within its kind */
    size_t *va_rows;    /* csv rows of the V rows */
    const char *va_names[2];
    size_t out_row;
} icio_shape;

static int read_shape(const clioi_csv *csv, icio_shape *s, char ***keys, char ***fd_keys,
                      clio_error *err)
{
    const clioi_csv_row *h = &csv->rows[0];
    size_t ncols = h->nfields;
    s->col_kind = clioi_calloc_array(ncols, sizeof *s->col_kind);
    s->col_index = clioi_calloc_array(ncols, sizeof *s->col_index);
    *keys = clioi_calloc_array(ncols, sizeof **keys);
    *fd_keys = clioi_calloc_array(ncols, sizeof **fd_keys);
    if (!s->col_kind || !s->col_index || !*keys || !*fd_keys)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    /* Sector rows come first, each a sector column, in the same order:
     * the sector columns are the first n columns whose key is a row key. */
    size_t r = 1;
    while (r < csv->nrows && csv->rows[r].nfields > 0 && strchr(csv->rows[r].fields[0], '_'))
        r++;
    s->n = r - 1;
    if (s->n == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: no COUNTRY_INDUSTRY rows", csv->path,
                          csv->nrows > 1 ? csv->rows[1].line : h->line);
    if (ncols < s->n + 1)
        return clioi_fail(err, CLIO_EDIM, "%s:%zu: %zu columns, fewer than the %zu industry rows",
                          csv->path, h->line, ncols - 1, s->n);
    for (size_t c = 1; c < ncols; c++) {
        const char *code = h->fields[c];
        if (c <= s->n) {
            const clioi_csv_row *row = &csv->rows[c];
            if (strcmp(code, row->fields[0]) != 0)
                return clioi_fail(err, CLIO_ELABEL,
                                  "%s:%zu: row '%s' is not column %zu's industry '%s' (rows and "
                                  "columns must list the same industries in the same order)",
                                  csv->path, row->line, row->fields[0], c + 1, code);
            if (!((*keys)[c - 1] = key_of(code)))
                return clioi_fail(err, CLIO_ENOMEM, "out of memory");
            s->col_kind[c] = 0;
            s->col_index[c] = c - 1;
        } else if (is_total_column(code)) {
            s->col_kind[c] = 2;
        } else {
            char *k = key_of(code);
            if (!k)
                return clioi_fail(err, CLIO_ELABEL,
                                  "%s:%zu: column %zu '%s' is neither COUNTRY_CATEGORY nor OUT",
                                  csv->path, h->line, c + 1, code);
            s->col_kind[c] = 1;
            s->col_index[c] = s->nfd;
            (*fd_keys)[s->nfd++] = k;
        }
    }
    s->va_rows = clioi_calloc_array(csv->nrows, sizeof *s->va_rows);
    if (!s->va_rows)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    s->out_row = CLIO_NONE;
    for (; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        const char *key = row->nfields ? row->fields[0] : "";
        int is_out;
        const char *name = special_row(key, &is_out);
        if (!name)
            return clioi_fail(err, CLIO_ELABEL,
                              "%s:%zu: row '%s' is not an industry row nor TLS, VA or OUT%s",
                              csv->path, row->line, key,
                              strchr(key, '_') ? " (industry rows must come first)" : "");
        if (is_out) {
            s->out_row = r;
        } else if (s->nva < 2) {
            s->va_names[s->nva] = name;
            s->va_rows[s->nva++] = r;
        }
    }
    if (s->out_row == CLIO_NONE)
        return clioi_fail(err, CLIO_EFORMAT, "%s: no OUT (total output) row", csv->path);
    return CLIO_OK;
}

static int fill(clio_table *t, const clioi_csv *csv, const icio_shape *s, clio_error *err)
{
    const clioi_csv_row *h = &csv->rows[0];
    for (size_t r = 1; r < csv->nrows; r++) {
        const clioi_csv_row *row = &csv->rows[r];
        int status = clioi_csv_check_width(csv, row, err);
        if (status != CLIO_OK)
            return status;
        size_t va = CLIO_NONE;
        for (size_t k = 0; k < s->nva; k++)
            if (s->va_rows[k] == r)
                va = k;
        int is_sector = r <= s->n, is_out = r == s->out_row;
        for (size_t c = 1; c < h->nfields; c++) {
            if (s->col_kind[c] == 2 || (!is_sector && s->col_kind[c] == 1))
                continue; /* totals; taxes and value added of final demand */
            double v;
            int status = clioi_csv_number(csv, row, c, h->fields[c], &v, err);
            if (status != CLIO_OK)
                return status;
            size_t j = s->col_index[c];
            if (is_sector)
                *(s->col_kind[c] == 0 ? &t->Z[(r - 1) + j * t->n] : &t->Y[(r - 1) + j * t->n]) = v;
            else if (is_out)
                t->x[j] = v;
            else if (va != CLIO_NONE)
                t->V[va + j * t->nva] = v;
        }
    }
    return CLIO_OK;
}

int clioi_read_oecd_icio(const char *path, clio_table **out, clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    icio_shape s = {0};
    char **keys = NULL, **fd_keys = NULL;
    clio_table *t = NULL;
    if (csv->nrows < 2) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s: no rows after the header", path);
        goto done;
    }
    if ((status = read_shape(csv, &s, &keys, &fd_keys, err)))
        goto done;
    if (!(t = clio_table_alloc(1, s.n, s.nfd, s.nva, 0))) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory for a table of %zu sectors", s.n);
        goto done;
    }
    if ((status = clioi_table_set_sectors_from_keys(t, keys, path, "R1", err)))
        goto done;
    for (size_t k = 0; k < s.nfd && !status; k++) {
        char *region, *name;
        if (clioi_split_key(fd_keys[k], &region, &name) != CLIO_OK) {
            status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
            break;
        }
        t->fd_names[k] = name;
        t->fd_region[k] = clioi_find_label(t->regions, t->nregions, region);
        if (t->fd_region[k] == CLIO_NONE)
            t->fd_region[k] = split_country_region(t, region);
        if (t->fd_region[k] == CLIO_NONE)
            status = clioi_fail(err, CLIO_ELABEL,
                                "%s:%zu: final-demand column '%s' names country '%s', which has "
                                "no industries",
                                path, csv->rows[0].line, fd_keys[k], region);
        free(region);
    }
    for (size_t k = 0; k < s.nva && !status; k++)
        status = clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, k, s.va_names[k]);
    if (!status)
        status = fill(t, csv, &s, err);
done:
    clioi_free_labels(keys, csv->nrows ? csv->rows[0].nfields : 0);
    clioi_free_labels(fd_keys, csv->nrows ? csv->rows[0].nfields : 0);
    free(s.col_kind);
    free(s.col_index);
    free(s.va_rows);
    clioi_csv_free(csv);
    if (status) {
        clio_table_free(t);
        return status;
    }
    *out = t;
    return CLIO_OK;
}
