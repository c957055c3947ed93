/* satellite_bridge_csv.c -- typed satellite accounts through a bridge:
 * shares that split an account of each sector (e.g. employment) into types
 * (employees / self-employed, skill levels, genders, occupations).  Each
 * (account, type) becomes the satellite "account:type" = share * account,
 * so the types of a sector add up to the account (docs/methods-accounts.md).
 *
 * Read in two passes over the grid: the first finds the new satellites (so
 * storage is count x n, not rows x n), the second the shares; then every
 * covered (sector, account) must have shares summing to 1. */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One new satellite: account `account` of the table, type `type`. */
typedef struct bridge_type {
    size_t account;
    const char *type; /* borrowed from the grid */
    size_t line;      /* where it first appears */
    char *name;       /* "account:type" */
} bridge_type;

typedef struct bridge {
    const clioi_csv *csv;
    const clio_table *t;
    int per_sector;          /* the file has a 'sector' column */
    clioi_keyed_columns key; /* when per_sector */
    size_t col_account, col_type, col_share;
    size_t count;
    bridge_type *types; /* count */
    double *share;      /* count x n */
    unsigned char *given; /* count x n: a share was given */
    size_t *line;       /* nsat x n: first line giving shares of (account, sector), 0: none */
} bridge;

static void bridge_free(bridge *b)
{
    for (size_t k = 0; b->types && k < b->count; k++)
        free(b->types[k].name);
    free(b->types);
    free(b->share);
    free(b->given);
    free(b->line);
}

static int header(bridge *b, clio_error *err)
{
    const clioi_csv *csv = b->csv;
    const clioi_csv_row *h = &csv->rows[0];
    static const char *const required[] = {"account", "type", "share", NULL};
    size_t cols[3];
    b->per_sector = clioi_csv_column(h, "sector") != CLIO_NONE;
    if (b->per_sector) {
        int status = clioi_keyed_csv_header(csv, b->t, required, NULL, &b->key, cols, err);
        if (status != CLIO_OK)
            return status;
    } else {
        for (size_t c = 0; c < 3; c++)
            if ((cols[c] = clioi_csv_column(h, required[c])) == CLIO_NONE)
                return clioi_fail(err, CLIO_EFORMAT,
                                  "%s:%zu: the header needs the columns 'account', 'type' and "
                                  "'share' (and 'sector', 'region' for shares by sector)",
                                  csv->path, h->line);
        if (clioi_csv_column(h, "region") != CLIO_NONE)
            return clioi_fail(err, CLIO_EFORMAT,
                              "%s:%zu: a 'region' column needs a 'sector' column", csv->path,
                              h->line);
    }
    b->col_account = cols[0];
    b->col_type = cols[1];
    b->col_share = cols[2];
    return CLIO_OK;
}

/* Index of the new satellite of row r, added on first sight (pass 1). */
static int find_type(bridge *b, size_t r, int add, size_t *k, clio_error *err)
{
    const clioi_csv_row *row = &b->csv->rows[r];
    const char *path = b->csv->path;
    int status = clioi_csv_check_width(b->csv, row, err);
    if (status != CLIO_OK)
        return status;
    const char *account = row->fields[b->col_account], *type = row->fields[b->col_type];
    size_t a = clioi_find_label(b->t->sat_names, b->t->nsat, account);
    if (a == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: unknown satellite account '%s' (the table has %zu "
                          "satellites%s%s)",
                          path, row->line, account, b->t->nsat, b->t->nsat ? ", the first '" : "",
                          b->t->nsat ? b->t->sat_names[0] : "");
    if (!*type)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: the type is empty", path, row->line);
    for (*k = 0; *k < b->count; (*k)++)
        if (b->types[*k].account == a && strcmp(b->types[*k].type, type) == 0)
            return CLIO_OK;
    if (!add)
        return clioi_fail(err, CLIO_EINVAL, "bridge: type not found in pass 2");
    bridge_type *bt = &b->types[b->count];
    bt->account = a;
    bt->type = type;
    bt->line = row->line;
    if (!(bt->name = malloc(strlen(account) + strlen(type) + 2)))
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    sprintf(bt->name, "%s:%s", account, type);
    b->count++;
    if (clioi_find_label(b->t->sat_names, b->t->nsat, bt->name) != CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL,
                          "%s:%zu: duplicate account '%s': the table already has it", path,
                          row->line, bt->name);
    return CLIO_OK;
}

/* Pass 2: the share of row r into its (type, sector) cells. */
static int read_share(bridge *b, size_t r, clio_error *err)
{
    const clioi_csv *csv = b->csv;
    const clioi_csv_row *row = &csv->rows[r];
    size_t k, j0 = 0, j1 = b->t->n;
    double s;
    int status = find_type(b, r, 0, &k, err);
    if (status == CLIO_OK && b->per_sector &&
        (status = clioi_keyed_csv_row(csv, r, b->t, &b->key, &j0, err)) == CLIO_OK)
        j1 = j0 + 1;
    if (status == CLIO_OK)
        status = clioi_csv_number(csv, row, b->col_share, "share", &s, err);
    if (status != CLIO_OK)
        return status;
    if (!(s >= 0 && s <= 1))
        return clioi_fail(err, CLIO_EVALUE, "%s:%zu: share %g of type '%s' is not in [0, 1]",
                          csv->path, row->line, s, b->types[k].name);
    size_t a = b->types[k].account;
    for (size_t j = j0; j < j1; j++) {
        if (b->given[k + b->count * j]) {
            if (!b->per_sector)
                return clioi_fail(err, CLIO_ELABEL, "%s:%zu: type '%s' given twice", csv->path,
                                  row->line, b->types[k].name);
            char key[256];
            clio_table_sector_key(b->t, j, key, sizeof key);
            return clioi_fail(err, CLIO_ELABEL, "%s:%zu: type '%s' of sector '%s' given twice",
                              csv->path, row->line, b->types[k].name, key);
        }
        b->given[k + b->count * j] = 1;
        b->share[k + b->count * j] = s;
        if (!b->line[a + b->t->nsat * j])
            b->line[a + b->t->nsat * j] = row->line;
    }
    return CLIO_OK;
}

/* Every (account, sector): shares given and summing to 1, or the account
 * is zero there. */
static int check_sums(const bridge *b, clio_error *err)
{
    const clio_table *t = b->t;
    for (size_t j = 0; j < t->n; j++) {
        for (size_t a = 0; a < t->nsat; a++) {
            double sum = 0;
            int used = 0;
            for (size_t k = 0; k < b->count; k++)
                if (b->types[k].account == a) {
                    used = 1;
                    sum += b->share[k + b->count * j];
                }
            if (!used)
                continue;
            char key[256];
            clio_table_sector_key(t, j, key, sizeof key);
            size_t line = b->line[a + t->nsat * j];
            double value = t->S[a + t->nsat * j];
            if (!line && value != 0)
                return clioi_fail(err, CLIO_EVALUE,
                                  "%s: sector '%s' has %g of account '%s' but no shares in the "
                                  "bridge",
                                  b->csv->path, key, value, t->sat_names[a]);
            if (line && fabs(sum - 1) > CLIO_BRIDGE_TOL && !b->per_sector)
                return clioi_fail(err, CLIO_EVALUE,
                                  "%s:%zu: account '%s': the shares sum to %.9g, not 1",
                                  b->csv->path, line, t->sat_names[a], sum);
            if (line && fabs(sum - 1) > CLIO_BRIDGE_TOL)
                return clioi_fail(err, CLIO_EVALUE,
                                  "%s:%zu: sector '%s', account '%s': the shares sum to %.9g, "
                                  "not 1",
                                  b->csv->path, line, key, t->sat_names[a], sum);
        }
    }
    return CLIO_OK;
}

/* The new satellites' values (count x n) and, for shares common to every
 * sector, their final-demand part (count x nfd; NULL otherwise). */
static int apply(const bridge *b, double **S, double **SY)
{
    const clio_table *t = b->t;
    size_t m = b->count ? b->count : 1;
    *S = clioi_alloc_matrix(m, t->n ? t->n : 1);
    *SY = b->per_sector ? NULL : clioi_alloc_matrix(m, t->nfd ? t->nfd : 1);
    if (!*S || (!b->per_sector && !*SY))
        return CLIO_ENOMEM;
    for (size_t k = 0; k < b->count; k++) {
        size_t a = b->types[k].account;
        for (size_t j = 0; j < t->n; j++)
            (*S)[k + m * j] = b->share[k + b->count * j] * t->S[a + t->nsat * j];
        for (size_t c = 0; *SY && c < t->nfd; c++)
            (*SY)[k + m * c] = b->share[k] * t->SY[a + t->nsat * c];
    }
    return CLIO_OK;
}

static int split(bridge *b, clio_table **out, clio_error *err)
{
    const clioi_csv *csv = b->csv;
    size_t n = b->t->n;
    int status = header(b, err);
    if (status != CLIO_OK)
        return status;
    if (!(b->types = clioi_calloc_array(csv->nrows, sizeof *b->types)))
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t r = 1, k; r < csv->nrows; r++)
        if ((status = find_type(b, r, 1, &k, err)) != CLIO_OK)
            return status;
    b->share = clioi_alloc_matrix(b->count, n ? n : 1);
    b->given = clioi_calloc_array(b->count * (n ? n : 1), 1);
    b->line = clioi_calloc_array(b->t->nsat * (n ? n : 1), sizeof *b->line);
    if (!b->share || !b->given || !b->line)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t r = 1; r < csv->nrows; r++)
        if ((status = read_share(b, r, err)) != CLIO_OK)
            return status;
    if ((status = check_sums(b, err)) != CLIO_OK)
        return status;
    double *S = NULL, *SY = NULL;
    char **names = clioi_calloc_array(b->count, sizeof *names);
    const char **units = clioi_calloc_array(b->count, sizeof *units);
    if (!names || !units || apply(b, &S, &SY) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    } else {
        for (size_t k = 0; k < b->count; k++) {
            names[k] = b->types[k].name;
            units[k] = b->t->sat_units[b->types[k].account];
        }
        size_t m = b->count ? b->count : 1;
        clio_error why;
        status = clio_table_add_satellites(b->t, b->count, (const char *const *)names, units, S,
                                           m, SY, m, out, &why);
        if (status != CLIO_OK)
            clioi_fail(err, status, "%s: %s", csv->path, why.message);
    }
    free(names);
    free(units);
    free(S);
    free(SY);
    return status;
}

int clio_table_split_satellites_csv(const clio_table *t, const char *path, clio_table **out,
                                    clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    if (csv->nrows < 2) {
        clioi_csv_free(csv);
        return clioi_fail(err, CLIO_EFORMAT, "%s: no shares (the file has no data rows)", path);
    }
    bridge b = {.csv = csv, .t = t};
    status = split(&b, out, err);
    bridge_free(&b);
    clioi_csv_free(csv);
    return status;
}
