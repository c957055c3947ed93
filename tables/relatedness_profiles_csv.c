/* relatedness_profiles_csv.c -- employment of sector names over regions or
 * occupations (clio_sector_profiles): read from a long CSV
 * (sector,<region|occupation>,employment) or taken from an employment
 * satellite of a multi-regional table.  The inputs of co-location and
 * occupational relatedness (solver/relatedness_profiles.c). */
#include "clioi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void clio_sector_profiles_free(clio_sector_profiles *p)
{
    if (!p)
        return;
    clioi_free_labels(p->obs, p->nobs);
    clioi_free_labels(p->names, p->nnames);
    free(p->P);
    free(p);
}

/* The table's distinct sector names, first appearance first; name_of[i]
 * (may be NULL) the name index of sector i. */
static int distinct_names(const clio_table *t, clio_sector_profiles *p, size_t *name_of)
{
    p->names = clioi_calloc_array(t->n, sizeof *p->names);
    if (!p->names)
        return CLIO_ENOMEM;
    for (size_t i = 0; i < t->n; i++) {
        size_t k = clioi_find_label(p->names, p->nnames, t->sector_names[i]);
        if (k == CLIO_NONE) {
            if (!(p->names[p->nnames] = clioi_strdup(t->sector_names[i])))
                return CLIO_ENOMEM;
            k = p->nnames++;
        }
        if (name_of)
            name_of[i] = k;
    }
    return CLIO_OK;
}

/* One data row: observation, sector name, employment, line. */
typedef struct entry {
    size_t obs, name, line;
    double value;
} entry;

/* The index of observation `name`, appended when new. */
static int obs_index(clio_sector_profiles *p, size_t *capacity, const char *name, size_t *index)
{
    size_t k = clioi_find_label(p->obs, p->nobs, name);
    if (k != CLIO_NONE) {
        *index = k;
        return CLIO_OK;
    }
    if (p->nobs == *capacity) {
        size_t cap = *capacity ? 2 * *capacity : 16;
        char **obs = realloc(p->obs, cap * sizeof *obs);
        if (!obs)
            return CLIO_ENOMEM;
        p->obs = obs;
        *capacity = cap;
    }
    if (!(p->obs[p->nobs] = clioi_strdup(name)))
        return CLIO_ENOMEM;
    *index = p->nobs++;
    return CLIO_OK;
}

/* Row r into e: field count, known sector, non-empty observation,
 * employment finite and >= 0. */
static int read_row(const clioi_csv *csv, size_t r, const size_t *col, const char *obs_column,
                    clio_sector_profiles *p, size_t *capacity, entry *e, clio_error *err)
{
    const clioi_csv_row *row = &csv->rows[r];
    int status = clioi_csv_check_width(csv, row, err);
    if (status != CLIO_OK)
        return status;
    const char *sector = row->fields[col[0]], *obs = row->fields[col[1]];
    e->line = row->line;
    if ((e->name = clioi_find_label(p->names, p->nnames, sector)) == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL, "%s:%zu: unknown sector '%s'", csv->path, row->line,
                          sector);
    if (obs[0] == '\0')
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: the %s is empty", csv->path, row->line,
                          obs_column);
    if (obs_index(p, capacity, obs, &e->obs) != CLIO_OK)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    status = clioi_csv_number(csv, row, col[2], "employment", &e->value, err);
    if (status == CLIO_OK && e->value < 0.0)
        status = clioi_fail(err, CLIO_EVALUE, "%s:%zu: employment %g is negative", csv->path,
                            row->line, e->value);
    return status;
}

/* P from the entries: a pair twice, or a name with no row, is an error. */
static int fill_profiles(const clioi_csv *csv, const entry *e, size_t count,
                         clio_sector_profiles *p, clio_error *err)
{
    size_t cells = p->nobs * p->nnames;
    p->P = clioi_calloc_array(cells, sizeof *p->P);
    size_t *line = clioi_calloc_array(cells, sizeof *line);
    size_t *rows_of = clioi_calloc_array(p->nnames, sizeof *rows_of);
    int status = CLIO_OK;
    if (!p->P || !line || !rows_of)
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t r = 0; status == CLIO_OK && r < count; r++) {
        size_t c = e[r].obs + p->nobs * e[r].name;
        if (line[c])
            status = clioi_fail(err, CLIO_ELABEL, "%s:%zu: sector '%s' in '%s' again (line %zu)",
                                csv->path, e[r].line, p->names[e[r].name], p->obs[e[r].obs],
                                line[c]);
        line[c] = e[r].line;
        p->P[c] = e[r].value;
        rows_of[e[r].name]++;
    }
    for (size_t k = 0; status == CLIO_OK && k < p->nnames; k++)
        if (rows_of[k] == 0)
            status = clioi_fail(err, CLIO_ELABEL, "%s: sector '%s' of the table has no rows",
                                csv->path, p->names[k]);
    if (status == CLIO_OK && p->nobs < 2)
        status = clioi_fail(err, CLIO_EDIM, "%s: %zu %s: at least 2 are needed", csv->path,
                            p->nobs, p->nobs == 1 ? "observation" : "observations");
    free(line);
    free(rows_of);
    return status;
}

int clio_sector_profiles_read_csv(const char *path, const clio_table *t, const char *obs_column,
                                  clio_sector_profiles **out, clio_error *err)
{
    *out = NULL;
    clioi_csv *csv;
    int status = clioi_csv_read(path, &csv, err);
    if (status != CLIO_OK)
        return status;
    clio_sector_profiles *p = calloc(1, sizeof *p);
    entry *e = clioi_calloc_array(csv->nrows, sizeof *e);
    size_t col[3], capacity = 0;
    if (!p || !e || distinct_names(t, p, NULL) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    } else if (csv->nrows < 2) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s: no data: the file is empty or only a header",
                            path);
    } else {
        const char *names[3] = {"sector", obs_column, "employment"};
        for (size_t k = 0; status == CLIO_OK && k < 3; k++)
            if ((col[k] = clioi_csv_column(&csv->rows[0], names[k])) == CLIO_NONE)
                status = clioi_fail(err, CLIO_EFORMAT,
                                    "%s:%zu: the header needs the columns sector, %s and "
                                    "employment",
                                    path, csv->rows[0].line, obs_column);
    }
    for (size_t r = 1; status == CLIO_OK && r < csv->nrows; r++)
        status = read_row(csv, r, col, obs_column, p, &capacity, &e[r - 1], err);
    if (status == CLIO_OK)
        status = fill_profiles(csv, e, csv->nrows - 1, p, err);
    free(e);
    clioi_csv_free(csv);
    if (status != CLIO_OK) {
        clio_sector_profiles_free(p);
        return status;
    }
    *out = p;
    return CLIO_OK;
}

int clio_sector_profiles_from_satellite(const clio_table *t, const char *satellite,
                                        clio_sector_profiles **out, clio_error *err)
{
    *out = NULL;
    size_t s = clioi_find_label(t->sat_names, t->nsat, satellite);
    if (s == CLIO_NONE)
        return clioi_fail(err, CLIO_ELABEL, "the table has no satellite '%s'", satellite);
    if (t->nregions < 2)
        return clioi_fail(err, CLIO_EDIM,
                          "co-location from the table needs several regions; the table has one: "
                          "give an employment file by region");
    clio_sector_profiles *p = calloc(1, sizeof *p);
    size_t *name_of = clioi_calloc_array(t->n, sizeof *name_of);
    int status = CLIO_ENOMEM;
    if (!p || !name_of || distinct_names(t, p, name_of) != CLIO_OK)
        goto done;
    p->obs = clioi_calloc_array(t->nregions, sizeof *p->obs);
    p->P = clioi_calloc_array(t->nregions * p->nnames, sizeof *p->P);
    if (!p->obs || !p->P)
        goto done;
    for (; p->nobs < t->nregions; p->nobs++)
        if (!(p->obs[p->nobs] = clioi_strdup(t->regions[p->nobs])))
            goto done;
    status = CLIO_OK;
    for (size_t i = 0; status == CLIO_OK && i < t->n; i++) {
        double v = t->S[s + t->nsat * i];
        if (!(v >= 0.0 && isfinite(v))) {
            char key[256];
            clio_table_sector_key(t, i, key, sizeof key);
            status = clioi_fail(err, CLIO_EVALUE, "satellite '%s' of sector '%s' is %g",
                                satellite, key, v);
        }
        p->P[t->sector_region[i] + p->nobs * name_of[i]] += v;
    }
done:
    if (status == CLIO_ENOMEM)
        clioi_fail(err, CLIO_ENOMEM, "out of memory");
    free(name_of);
    if (status != CLIO_OK) {
        clio_sector_profiles_free(p);
        return status;
    }
    *out = p;
    return CLIO_OK;
}
