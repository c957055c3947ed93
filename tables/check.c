/* check.c -- table validation: labels, finiteness (also of SY, the satellites
 * caused by final demand), signs, balances. */
#include "clioi.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Reports beyond this many findings of one kind summarise the rest. */
#define MAX_LISTED 20

void clio_report_free(clio_report *r)
{
    if (!r)
        return;
    free(r->items);
    memset(r, 0, sizeof *r);
}

void clioi_report_add(clio_report *r, int severity, int status, const char *fmt, ...)
{
    if (severity == CLIO_ERROR)
        r->nerrors++;
    if (severity == CLIO_WARNING)
        r->nwarnings++;
    if (r->count == r->capacity) {
        size_t cap = r->capacity ? 2 * r->capacity : 16;
        clio_finding *items = realloc(r->items, cap * sizeof *items);
        if (!items)
            return; /* counts stay right; the text of this one is lost */
        r->items = items;
        r->capacity = cap;
    }
    clio_finding *f = &r->items[r->count++];
    f->severity = severity;
    f->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->message, sizeof f->message, fmt, ap);
    va_end(ap);
}

static const char *region_of(const clio_table *t, size_t i)
{
    size_t r = t->sector_region[i];
    return r < t->nregions && t->regions[r] ? t->regions[r] : "?";
}

/* Labels of one kind must be unique as keys ("region|name" where the kind
 * belongs to regions); compares the keys built by `key`. */
static int check_unique_keys(const clio_table *t, clio_report *rep, size_t count,
                             const char *what, clioi_key_fn key)
{
    char **keys = clioi_calloc_array(count, sizeof *keys);
    int status = keys ? CLIO_OK : CLIO_ENOMEM;
    /* Whole keys: truncated ones could collide. */
    for (size_t i = 0; i < count && status == CLIO_OK; i++)
        if (!(keys[i] = clioi_key_dup(t, key, i)))
            status = CLIO_ENOMEM;
    clio_error e;
    if (status == CLIO_OK && clioi_check_unique(keys, count, what, &e) != CLIO_OK) {
        clioi_report_add(rep, CLIO_ERROR, e.status, "%s", e.message);
        status = e.status;
    } else if (status != CLIO_OK) {
        clioi_report_add(rep, CLIO_ERROR, status, "out of memory checking %s labels", what);
    }
    for (size_t i = 0; keys && i < count; i++)
        free(keys[i]);
    free(keys);
    return status;
}

static int check_labels(const clio_table *t, clio_report *rep)
{
    if (t->nregions == 0 && t->n > 0) {
        clioi_report_add(rep, CLIO_ERROR, CLIO_ELABEL, "the table has sectors but no region");
        return CLIO_ELABEL;
    }
    for (size_t i = 0; i < t->n; i++) {
        if (!t->sector_names[i] || t->sector_region[i] >= t->nregions) {
            clioi_report_add(rep, CLIO_ERROR, CLIO_ELABEL, "sector %zu has no name or no region", i + 1);
            return CLIO_ELABEL;
        }
    }
    struct { char **names; size_t count; const char *what; } sets[] = {
        {t->regions, t->nregions, "region"},
        {t->fd_names, t->nfd, "final-demand"},
        {t->va_names, t->nva, "value-added"},
        {t->sat_names, t->nsat, "satellite"},
    };
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        for (size_t i = 0; i < sets[s].count; i++) {
            if (!sets[s].names[i]) {
                clioi_report_add(rep, CLIO_ERROR, CLIO_ELABEL, "%s label %zu is missing", sets[s].what, i + 1);
                return CLIO_ELABEL;
            }
        }
    }
    for (size_t k = 0; k < t->nfd; k++) {
        if (t->fd_region[k] != CLIO_NONE && t->fd_region[k] >= t->nregions) {
            clioi_report_add(rep, CLIO_ERROR, CLIO_ELABEL, "final-demand column '%s' has an invalid region",
                t->fd_names[k]);
            return CLIO_ELABEL;
        }
    }
    int first = CLIO_OK, s;
    if ((s = check_unique_keys(t, rep, t->nregions, "region", clioi_key_region)))
        first = first ? first : s;
    if ((s = check_unique_keys(t, rep, t->n, "sector", clio_table_sector_key)))
        first = first ? first : s;
    if ((s = check_unique_keys(t, rep, t->nfd, "final-demand", clioi_key_final_demand)))
        first = first ? first : s;
    if ((s = check_unique_keys(t, rep, t->nva, "value-added", clioi_key_value_added)))
        first = first ? first : s;
    if ((s = check_unique_keys(t, rep, t->nsat, "satellite", clioi_key_satellite)))
        first = first ? first : s;
    return first;
}

/* Scan an m x k block for non-finite (and, when asked, negative) values,
 * naming the first few cells by row and column label. */
static int check_block(const clio_table *t, clio_report *rep, const char *block,
                       const double *M, size_t m, size_t k, size_t ld, int forbid_negative,
                       clioi_key_fn row_label, clioi_key_fn col_label)
{
    size_t listed = 0, bad = 0;
    int status = CLIO_OK;
    for (size_t j = 0; j < k; j++) {
        for (size_t i = 0; i < m; i++) {
            double v = M[i + j * ld];
            int nonfinite = !isfinite(v), negative = forbid_negative && v < 0;
            if (!nonfinite && !negative)
                continue;
            bad++;
            status = CLIO_EVALUE;
            if (listed++ < MAX_LISTED) {
                char r[256], c[256];
                row_label(t, i, r, sizeof r);
                col_label(t, j, c, sizeof c);
                clioi_report_add(rep, CLIO_ERROR, CLIO_EVALUE, "%s[%s, %s] = %g is %s", block, r, c, v,
                    nonfinite ? "not finite" : "negative");
            }
        }
    }
    if (bad > MAX_LISTED)
        clioi_report_add(rep, CLIO_ERROR, CLIO_EVALUE, "%s: %zu more invalid cells not listed", block,
            bad - MAX_LISTED);
    return status;
}

/* The same scan of a sparse Z: only stored entries can be bad, and they
 * come in the dense scan's order (column by column, rows increasing). */
static int check_sparse_z(const clio_table *t, clio_report *rep)
{
    const clio_sparse *s = t->Zs;
    size_t bad = 0;
    for (size_t j = 0; j < t->n; j++) {
        for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++) {
            double v = s->values[p];
            int nonfinite = !isfinite(v);
            if (!nonfinite && !(v < 0))
                continue;
            if (bad++ < MAX_LISTED) {
                char r[256], c[256];
                clio_table_sector_key(t, (size_t)s->rowind[p], r, sizeof r);
                clio_table_sector_key(t, j, c, sizeof c);
                clioi_report_add(rep, CLIO_ERROR, CLIO_EVALUE, "Z[%s, %s] = %g is %s", r, c, v,
                    nonfinite ? "not finite" : "negative");
            }
        }
    }
    if (bad > MAX_LISTED)
        clioi_report_add(rep, CLIO_ERROR, CLIO_EVALUE, "Z: %zu more invalid cells not listed",
            bad - MAX_LISTED);
    return bad ? CLIO_EVALUE : CLIO_OK;
}

/* The structure of a sparse Z: a malformed one (built in memory; the
 * NetCDF reader refuses such files) would be read out of bounds. */
static int check_sparse_structure(const clio_table *t, clio_report *rep)
{
    const clio_sparse *s = t->Zs;
    if (s->n != t->n) {
        clioi_report_add(rep, CLIO_ERROR, CLIO_EDIM, "the sparse Z is %zu x %zu, the table has %zu sectors",
            s->n, s->n, t->n);
        return CLIO_EDIM;
    }
    clioi_sparse_fault f;
    if (clioi_sparse_validate(s, t->n, 0, &f) == 0)
        return CLIO_OK;
    char c[256] = "";
    if (f.column < t->n && t->sector_names[f.column] && t->sector_region[f.column] < t->nregions)
        clio_table_sector_key(t, f.column, c, sizeof c);
    static const char *const what[] = {
        [CLIOI_SPARSE_START] = "the column starts do not begin at 0",
        [CLIOI_SPARSE_DECREASING] = "the column starts decrease",
        [CLIOI_SPARSE_PAST_END] = "a column ends past the stored entries",
        [CLIOI_SPARSE_END] = "the column starts do not end at the number of entries",
        [CLIOI_SPARSE_ROW_RANGE] = "a row index is outside the table",
        [CLIOI_SPARSE_ROW_ORDER] = "rows do not increase strictly within a column",
        [CLIOI_SPARSE_NONFINITE] = "a value is not finite"};
    clioi_report_add(rep, CLIO_ERROR, CLIO_EINVAL, "sparse Z: %s (column %zu%s%s%s, entry %zu)",
        what[f.kind], f.column + 1, *c ? " '" : "", c, *c ? "'" : "", f.position);
    return CLIO_EINVAL;
}

/* z_column_sum -- 1'Z e_j, the same sum (same order) for dense and sparse Z. */
static double z_column_sum(const clio_table *t, size_t j)
{
    double sum = 0;
    if (t->Z) {
        for (size_t i = 0; i < t->n; i++)
            sum += t->Z[i + j * t->n];
    } else {
        for (int64_t p = t->Zs->colptr[j]; p < t->Zs->colptr[j + 1]; p++)
            sum += t->Zs->values[p];
    }
    return sum;
}

/* Warn about one balance: `sum` against x[i] of sector i. */
static void check_balance(const clio_table *t, clio_report *rep, double rtol, const char *what,
                          const char *sum_text, size_t i, double sum, size_t *listed)
{
    double scale = fabs(t->x[i]), gap = sum - t->x[i];
    if (!(fabs(gap) > rtol * (scale > 0 ? scale : 1)))
        return;
    if ((*listed)++ < MAX_LISTED)
        clioi_report_add(rep, CLIO_WARNING, CLIO_EUNBALANCED,
            "%s balance: sector '%s' in region '%s': %s = %.10g but x = %.10g (off by %.4g, "
            "%.3g relative)",
            what, t->sector_names[i], region_of(t, i), sum_text, sum, t->x[i], gap,
            scale > 0 ? gap / scale : gap);
}

static void check_balances(const clio_table *t, double rtol, clio_report *rep)
{
    size_t n = t->n, listed = 0;
    /* Row and column sums of Z in one sequential pass over the column-major
     * matrix (a row-by-row walk strides by n and was 40x slower at 8000). */
    double *rows = clioi_calloc_array(n, sizeof *rows);
    double *cols = clioi_calloc_array(n, sizeof *cols);
    if (!rows || !cols) {
        free(rows);
        free(cols);
        clioi_report_add(rep, CLIO_WARNING, CLIO_ENOMEM, "out of memory: balances not checked");
        return;
    }
    for (size_t j = 0; j < n && t->Z; j++) {
        const double *z = t->Z + j * n;
        double col = 0;
        for (size_t i = 0; i < n; i++) {
            rows[i] += z[i];
            col += z[i];
        }
        cols[j] = col;
    }
    for (size_t j = 0; j < n && !t->Z; j++) {
        const clio_sparse *s = t->Zs;
        for (int64_t p = s->colptr[j]; p < s->colptr[j + 1]; p++)
            rows[s->rowind[p]] += s->values[p];
        cols[j] = z_column_sum(t, j);
    }
    for (size_t k = 0; k < t->nfd; k++)
        for (size_t i = 0; i < n; i++)
            rows[i] += t->Y[i + k * n];
    for (size_t i = 0; i < n; i++)
        check_balance(t, rep, rtol, "row", "Z 1 + Y 1", i, rows[i], &listed);
    if (t->nva > 0) {
        for (size_t j = 0; j < n; j++) {
            for (size_t k = 0; k < t->nva; k++)
                cols[j] += t->V[k + j * t->nva];
            check_balance(t, rep, rtol, "column", "1'Z + 1'V", j, cols[j], &listed);
        }
    }
    free(rows);
    free(cols);
    if (listed > MAX_LISTED)
        clioi_report_add(rep, CLIO_WARNING, CLIO_EUNBALANCED, "%zu more balance differences not listed",
            listed - MAX_LISTED);
}

int clio_table_check(const clio_table *t, double rtol, clio_report *report)
{
    if (!t || !report || !(rtol >= 0))
        return CLIO_EINVAL;
    if (!t->Z && !t->Zs) {
        clioi_report_add(report, CLIO_ERROR, CLIO_EINVAL, "the table's Z was consumed by a factorisation");
        return CLIO_EINVAL;
    }
    if (t->Z && t->Zs) {
        clioi_report_add(report, CLIO_ERROR, CLIO_EINVAL,
            "the table holds Z both dense and sparse (exactly one of Z and Zs may be set)");
        return CLIO_EINVAL;
    }
    int status = check_labels(t, report);
    size_t n = t->n;
    int s;
    if (t->Zs && (s = check_sparse_structure(t, report)))
        return status ? status : s; /* nothing more can be read safely */
    if ((s = t->Z ? check_block(t, report, "Z", t->Z, n, n, n, 1, clio_table_sector_key,
                                clio_table_sector_key)
                  : check_sparse_z(t, report)))
        status = status ? status : s;
    if ((s = check_block(t, report, "Y", t->Y, n, t->nfd, n, 0, clio_table_sector_key,
                         clioi_key_final_demand)))
        status = status ? status : s;
    if ((s = check_block(t, report, "V", t->V, t->nva, n, t->nva, 0, clioi_key_value_added,
                         clio_table_sector_key)))
        status = status ? status : s;
    if ((s = check_block(t, report, "x", t->x, n, 1, n, 1, clio_table_sector_key,
                         clioi_key_output)))
        status = status ? status : s;
    if ((s = check_block(t, report, "satellite", t->S, t->nsat, n, t->nsat, 0,
                         clioi_key_satellite, clio_table_sector_key)))
        status = status ? status : s;
    if (t->SY && (s = check_block(t, report, "SY", t->SY, t->nsat, t->nfd, t->nsat, 0,
                                  clioi_key_satellite, clioi_key_final_demand)))
        status = status ? status : s;
    if (status != CLIO_OK)
        return status; /* balances of non-finite numbers say nothing */

    for (size_t j = 0; j < n; j++) {
        if (t->x[j] != 0)
            continue;
        double used = z_column_sum(t, j);
        if (used != 0) {
            clioi_report_add(report, CLIO_ERROR, CLIO_EVALUE,
                "sector '%s' in region '%s' has zero output but buys %g of intermediate inputs",
                t->sector_names[j], region_of(t, j), used);
            status = status ? status : CLIO_EVALUE;
        } else {
            clioi_report_add(report, CLIO_INFO, CLIO_OK,
                "sector '%s' in region '%s' has zero output (kept; its coefficients are zero)",
                t->sector_names[j], region_of(t, j));
        }
    }
    check_balances(t, rtol, report);
    return status;
}
