/* shares_csv.c -- the shares a sector is split by (clio disaggregate): a
 * CSV with the columns new_sector,share, one row per new sector.  Shares
 * are checked here and again by clio_disaggregate (clioi_shares_check), so
 * hand-built shares get the same messages. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_shares_free(clio_shares *s)
{
    if (!s)
        return;
    clioi_free_labels(s->names, s->k);
    free(s->shares);
    free(s->lines);
    free(s->path);
    free(s);
}

/* "FILE:LINE: " or "" for share a, into buf. */
static const char *at(const clio_shares *s, size_t a, char *buf, size_t len)
{
    if (s->path && s->lines && s->lines[a])
        snprintf(buf, len, "%s:%zu: ", s->path, s->lines[a]);
    else
        snprintf(buf, len, "share %zu: ", a + 1);
    return buf;
}

int clioi_shares_check(const clio_shares *s, clio_error *err)
{
    char where[512];
    if (!s || s->k == 0 || !s->names || !s->shares)
        return clioi_fail(err, CLIO_EINVAL, "%s: no shares given",
                          s && s->path ? s->path : "shares");
    double sum = 0;
    for (size_t a = 0; a < s->k; a++) {
        if (!s->names[a] || !*s->names[a])
            return clioi_fail(err, CLIO_EFORMAT, "%sthe new sector name is empty",
                              at(s, a, where, sizeof where));
        if (clioi_find_label(s->names, a, s->names[a]) != CLIO_NONE)
            return clioi_fail(err, CLIO_ELABEL, "%snew sector '%s' is given twice",
                              at(s, a, where, sizeof where), s->names[a]);
        if (!isfinite(s->shares[a]) || s->shares[a] < 0)
            return clioi_fail(err, CLIO_EVALUE,
                              "%sthe share of '%s' is %g: shares must be finite and >= 0",
                              at(s, a, where, sizeof where), s->names[a], s->shares[a]);
        sum += s->shares[a];
    }
    if (fabs(sum - 1) > CLIOI_SHARES_TOL)
        return clioi_fail(err, CLIO_EVALUE, "%s: the shares sum to %.17g, not 1",
                          s->path ? s->path : "shares", sum);
    return CLIO_OK;
}

/* Read the rows of the file into s (names, shares and lines allocated for
 * every data row). */
static int read_rows(const clioi_csv *csv, clio_shares *s, clio_error *err)
{
    if (csv->nrows == 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s: the file is empty", csv->path);
    const clioi_csv_row *header = &csv->rows[0];
    size_t c_name = clioi_csv_column(header, "new_sector");
    size_t c_share = clioi_csv_column(header, "share");
    if (c_name == CLIO_NONE || c_share == CLIO_NONE)
        return clioi_fail(err, CLIO_EFORMAT,
                          "%s:%zu: the header needs the columns 'new_sector' and 'share'",
                          csv->path, header->line);
    if (csv->nrows < 2)
        return clioi_fail(err, CLIO_EFORMAT, "%s: no shares: the file has only a header",
                          csv->path);
    size_t k = csv->nrows - 1;
    s->names = clioi_calloc_array(k, sizeof *s->names);
    s->shares = clioi_calloc_array(k, sizeof *s->shares);
    s->lines = clioi_calloc_array(k, sizeof *s->lines);
    if (!s->names || !s->shares || !s->lines)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t a = 0; a < k; a++) {
        const clioi_csv_row *row = &csv->rows[a + 1];
        int status = clioi_csv_check_width(csv, row, err);
        if (status != CLIO_OK)
            return status;
        /* Parse as any number; clioi_shares_check rejects NaN with the name. */
        if (clioi_parse_double(row->fields[c_share], &s->shares[a]) != 0)
            return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: column 'share': '%s' is not a number",
                              csv->path, row->line, row->fields[c_share]);
        if (!(s->names[a] = clioi_strdup(row->fields[c_name])))
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        s->lines[a] = row->line;
        s->k = a + 1;
    }
    return CLIO_OK;
}

int clio_shares_read_csv(const char *path, clio_shares **out, clio_error *err)
{
    if (!path || !out)
        return clioi_fail(err, CLIO_EINVAL, "clio_shares_read_csv: NULL argument");
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clio_shares *s = calloc(1, sizeof *s);
    if (!s || !(s->path = clioi_strdup(path)))
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    else
        status = read_rows(csv, s, err);
    clioi_csv_free(csv);
    if (status == CLIO_OK)
        status = clioi_shares_check(s, err);
    if (status != CLIO_OK) {
        clio_shares_free(s);
        return status;
    }
    *out = s;
    return CLIO_OK;
}
