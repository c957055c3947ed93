/* sut_csv.c -- a make and a use table from two labelled CSVs (first row
 * column keys, first column row keys): totals verified and dropped, rows
 * and columns sorted into industries, commodities, value added and final
 * demand as the layout says (calibration/sut_layout.c), outputs of the two
 * tables compared. */
#include "clioi.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* BEA's scrap commodities: 1997 summary S004, 2007+ detail S00401, 2017
 * summary "Used" (scrap, used and secondhand goods). */
static const char *const default_scrap[] = {"S004", "S00401", "Used"};

#define MAX_LISTED 10

/* A warning about totals or outputs that disagree (r may be NULL). */
#define warn(r, ...)                                                                           \
    do {                                                                                       \
        if (r)                                                                                 \
            clioi_report_add(r, CLIO_WARNING, CLIO_EUNBALANCED, __VA_ARGS__);                  \
    } while (0)

void clio_sut_free(clio_sut *s)
{
    if (!s)
        return;
    clioi_free_labels(s->industries, s->ni);
    clioi_free_labels(s->commodities, s->nc);
    clioi_free_labels(s->fd_names, s->nfd);
    clioi_free_labels(s->va_names, s->nva);
    free(s->V);
    free(s->U);
    free(s->E);
    free(s->VA);
    free(s->scrap);
    free(s);
}

static int in_list(char *const *list, size_t n, const char *key)
{
    return clioi_find_label(list, n, key) != CLIO_NONE;
}

/* "V" or "T" followed by digits only. */
static int letter_digits(const char *key, char letter)
{
    if (key[0] != letter || !key[1])
        return 0;
    for (const char *p = key + 1; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    return 1;
}

static int is_total(const clio_sut_layout *l, const char *key)
{
    if (l && l->totals)
        return in_list(l->totals, l->ntotals, key);
    return letter_digits(key, 'T') || strncasecmp(key, "Total", 5) == 0;
}

static int is_value_added(const clio_sut_layout *l, const char *key)
{
    if (l && l->value_added)
        return in_list(l->value_added, l->nvalue_added, key);
    return letter_digits(key, 'V');
}

static double tolerance(const clio_sut_layout *l)
{
    return l && l->total_rtol > 0 ? l->total_rtol : 1e-3;
}

/* Element (i, j) of m, or of its transpose when `by_col`. */
static double at(const clioi_lmatrix *m, int by_col, size_t i, size_t j)
{
    return by_col ? m->values[j + i * m->rows] : m->values[i + j * m->rows];
}

/*
 * Verify the total rows of m (total columns when by_col): each must equal,
 * in every non-total column, the sum of the non-total rows since the
 * previous total or the sum of all non-total rows above it.  The better of
 * the two is kept; beyond tolerance, a warning names the worst cell.
 * Zero cells of a total are not checked.
 */
static void verify_totals(const clioi_lmatrix *m, int by_col, const unsigned char *total_row,
                          const unsigned char *total_col, double rtol, clio_report *rep)
{
    size_t nr = by_col ? m->cols : m->rows, nc = by_col ? m->rows : m->cols;
    size_t since = 0; /* first row after the previous total */
    for (size_t t = 0; t < nr; t++) {
        if (!total_row[t])
            continue;
        double worst[2] = {0, 0}, worst_sum[2] = {0, 0};
        size_t worst_col[2] = {0, 0};
        for (size_t j = 0; j < nc; j++) {
            /* an empty (zero) total cell is "not applicable" in BEA's files,
             * e.g. total intermediate use in a final-demand column */
            if (total_col[j] || at(m, by_col, t, j) == 0)
                continue;
            double part = 0, all = 0, mag = 0;
            for (size_t i = 0; i < t; i++) {
                if (total_row[i])
                    continue;
                double v = at(m, by_col, i, j);
                all += v;
                mag += fabs(v);
                if (i >= since)
                    part += v;
            }
            double tot = at(m, by_col, t, j);
            double scale = fmax(fmax(fabs(tot), mag), 1.0);
            double off[2] = {fabs(part - tot) / scale, fabs(all - tot) / scale};
            for (int k = 0; k < 2; k++)
                if (off[k] > worst[k]) {
                    worst[k] = off[k];
                    worst_col[k] = j;
                    worst_sum[k] = k ? all : part;
                }
        }
        int k = worst[1] < worst[0];
        if (worst[k] > rtol) {
            size_t j = worst_col[k];
            const char *tkey = by_col ? m->col_keys[t] : m->row_keys[t];
            const char *jkey = by_col ? m->row_keys[j] : m->col_keys[j];
            warn(rep, "%s: total %s '%s' at %s '%s' is %.10g, but the %s it stands for sum "
                      "to %.10g (%.3g relative)",
                 m->path, by_col ? "column" : "row", tkey, by_col ? "row" : "column", jkey,
                 at(m, by_col, t, j), by_col ? "columns" : "rows", worst_sum[k], worst[k]);
        }
        since = t + 1;
    }
}

/* Flags of total keys among n keys. */
static unsigned char *total_flags(char *const *keys, size_t n, const clio_sut_layout *l)
{
    unsigned char *f = clioi_calloc_array(n, 1);
    for (size_t i = 0; f && i < n; i++)
        f[i] = (unsigned char)is_total(l, keys[i]);
    return f;
}

/* Every code of a layout list must name a key of `where`. */
static int check_listed(char *const *list, size_t n, const char *what, char *const *keys,
                        size_t nkeys, const char *path, clio_error *err)
{
    for (size_t k = 0; k < n; k++)
        if (!in_list(keys, nkeys, list[k]))
            return clioi_fail(err, CLIO_ELABEL, "%s: no %s '%s' in the file", path, what,
                              list[k]);
    return CLIO_OK;
}

/* Grow a label list by one copy of key. */
static int push(char ***list, size_t *n, const char *key)
{
    char **grown = realloc(*list, (*n + 1) * sizeof **list);
    if (!grown)
        return CLIO_ENOMEM;
    *list = grown;
    if (!(grown[*n] = clioi_strdup(key)))
        return CLIO_ENOMEM;
    (*n)++;
    return CLIO_OK;
}

/* Compare outputs seen from the two tables: make row sums against use
 * column sums (industries), make column sums against use row sums
 * (commodities). */
static void compare_outputs(const clio_sut *s, double rtol, const char *make, const char *use,
                            clio_report *rep)
{
    size_t listed = 0;
    for (size_t i = 0; i < s->ni; i++) {
        double gm = 0, gu = 0;
        for (size_t c = 0; c < s->nc; c++) {
            gm += s->V[i + c * s->ni];
            gu += s->U[c + i * s->nc];
        }
        for (size_t k = 0; k < s->nva; k++)
            gu += s->VA[k + i * s->nva];
        if (fabs(gm - gu) > rtol * fmax(fmax(fabs(gm), fabs(gu)), 1) && listed++ < MAX_LISTED)
            warn(rep, "industry '%s': output %.10g in %s (row sum) but %.10g in %s (inputs plus "
                      "value added)",
                 s->industries[i], gm, make, gu, use);
    }
    for (size_t c = 0; c < s->nc; c++) {
        double qm = 0, qu = 0;
        for (size_t i = 0; i < s->ni; i++) {
            qm += s->V[i + c * s->ni];
            qu += s->U[c + i * s->nc];
        }
        for (size_t k = 0; k < s->nfd; k++)
            qu += s->E[c + k * s->nc];
        if (fabs(qm - qu) > rtol * fmax(fmax(fabs(qm), fabs(qu)), 1) && listed++ < MAX_LISTED)
            warn(rep, "commodity '%s': output %.10g in %s (column sum) but %.10g in %s (uses)",
                 s->commodities[c], qm, make, qu, use);
    }
    if (listed > MAX_LISTED)
        warn(rep, "%zu more output differences between %s and %s not listed",
             listed - MAX_LISTED, make, use);
}

/* Sort the keys of the two files; fill the labels of s and the index maps
 * (make row -> industry, make column -> commodity, use row -> commodity or
 * value-added row, use column -> industry or final-demand column; CLIO_NONE
 * for totals). */
typedef struct maps {
    size_t *mrow, *mcol, *urow, *ucol;
    unsigned char *urow_va, *ucol_fd;
} maps;

static int classify(const clioi_lmatrix *mk, const clioi_lmatrix *us, const clio_sut_layout *l,
                    const unsigned char *mk_trow, const unsigned char *mk_tcol,
                    const unsigned char *us_trow, const unsigned char *us_tcol, clio_sut *s,
                    maps *mp, clio_error *err)
{
    int status = CLIO_OK;
    for (size_t i = 0; i < mk->rows; i++) {
        mp->mrow[i] = CLIO_NONE;
        if (mk_trow[i])
            continue;
        mp->mrow[i] = s->ni;
        if (push(&s->industries, &s->ni, mk->row_keys[i]))
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    if ((status = clioi_check_unique(s->industries, s->ni, "industry", err)))
        return status;
    if (s->ni == 0)
        return clioi_fail(err, CLIO_EDIM, "%s: no industry rows", mk->path);
    if (l && l->value_added &&
        (status = check_listed(l->value_added, l->nvalue_added, "use row", us->row_keys,
                               us->rows, us->path, err)))
        return status;
    if (l && l->final_demand &&
        (status = check_listed(l->final_demand, l->nfinal_demand, "use column", us->col_keys,
                               us->cols, us->path, err)))
        return status;
    for (size_t i = 0; i < us->rows; i++) {
        const char *key = us->row_keys[i];
        mp->urow[i] = CLIO_NONE;
        if (us_trow[i])
            continue;
        mp->urow_va[i] = (unsigned char)is_value_added(l, key);
        if (mp->urow_va[i]) {
            mp->urow[i] = s->nva;
            status = push(&s->va_names, &s->nva, key);
        } else {
            mp->urow[i] = s->nc;
            status = push(&s->commodities, &s->nc, key);
        }
        if (status)
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    if ((status = clioi_check_unique(s->commodities, s->nc, "use-table commodity", err)) ||
        (status = clioi_check_unique(s->va_names, s->nva, "value-added row", err)))
        return status;
    for (size_t j = 0; j < mk->cols; j++) {
        mp->mcol[j] = CLIO_NONE;
        if (mk_tcol[j])
            continue;
        size_t c = clioi_find_label(s->commodities, s->nc, mk->col_keys[j]);
        if (c == CLIO_NONE) { /* made but never used */
            c = s->nc;
            if (push(&s->commodities, &s->nc, mk->col_keys[j]))
                return clioi_fail(err, CLIO_ENOMEM, "out of memory");
        } else {
            for (size_t k = 0; k < j; k++)
                if (mp->mcol[k] == c)
                    return clioi_fail(err, CLIO_ELABEL, "%s: commodity '%s' appears twice",
                                      mk->path, mk->col_keys[j]);
        }
        mp->mcol[j] = c;
    }
    for (size_t j = 0; j < us->cols; j++) {
        const char *key = us->col_keys[j];
        mp->ucol[j] = CLIO_NONE;
        if (us_tcol[j])
            continue;
        size_t i = clioi_find_label(s->industries, s->ni, key);
        int listed_fd = l && l->final_demand && in_list(l->final_demand, l->nfinal_demand, key);
        if (i != CLIO_NONE && !listed_fd) {
            for (size_t k = 0; k < j; k++)
                if (!mp->ucol_fd[k] && mp->ucol[k] == i)
                    return clioi_fail(err, CLIO_ELABEL, "%s: industry '%s' appears twice",
                                      us->path, key);
            mp->ucol[j] = i;
            continue;
        }
        if (l && l->final_demand && !listed_fd)
            return clioi_fail(err, CLIO_ELABEL,
                              "%s: use column '%s' is neither an industry of the make table "
                              "nor a final-demand column of the layout",
                              us->path, key);
        mp->ucol_fd[j] = 1;
        mp->ucol[j] = s->nfd;
        if (push(&s->fd_names, &s->nfd, key))
            return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < s->ni; i++) {
        int found = 0;
        for (size_t j = 0; j < us->cols && !found; j++)
            found = !mp->ucol_fd[j] && mp->ucol[j] == i;
        if (!found)
            return clioi_fail(err, CLIO_ELABEL,
                              "%s: industry '%s' of the make table has no column in the use "
                              "table",
                              us->path, s->industries[i]);
    }
    return clioi_check_unique(s->fd_names, s->nfd, "final-demand column", err);
}

/* Flag the scrap commodities: the layout's (each must exist) or BEA's. */
static int mark_scrap(clio_sut *s, const clio_sut_layout *l, const char *make, clio_error *err)
{
    if (l && l->scrap) {
        for (size_t k = 0; k < l->nscrap; k++) {
            size_t c = clioi_find_label(s->commodities, s->nc, l->scrap[k]);
            if (c == CLIO_NONE)
                return clioi_fail(err, CLIO_ELABEL, "%s: no scrap commodity '%s' in the tables",
                                  make, l->scrap[k]);
            s->scrap[c] = 1;
        }
        return CLIO_OK;
    }
    for (size_t k = 0; k < sizeof default_scrap / sizeof *default_scrap; k++) {
        size_t c = clioi_find_label(s->commodities, s->nc, default_scrap[k]);
        if (c != CLIO_NONE)
            s->scrap[c] = 1;
    }
    return CLIO_OK;
}

static int fill(clio_sut *s, const clioi_lmatrix *mk, const clioi_lmatrix *us, const maps *mp,
                clio_error *err)
{
    s->V = clioi_alloc_matrix(s->ni, s->nc);
    s->U = clioi_alloc_matrix(s->nc, s->ni);
    s->E = clioi_alloc_matrix(s->nc, s->nfd);
    s->VA = clioi_alloc_matrix(s->nva, s->ni);
    s->scrap = clioi_calloc_array(s->nc, 1);
    if (!s->V || !s->U || !s->E || !s->VA || !s->scrap)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t j = 0; j < mk->cols; j++)
        for (size_t i = 0; mp->mcol[j] != CLIO_NONE && i < mk->rows; i++)
            if (mp->mrow[i] != CLIO_NONE)
                s->V[mp->mrow[i] + mp->mcol[j] * s->ni] = mk->values[i + j * mk->rows];
    for (size_t j = 0; j < us->cols; j++) {
        size_t c = mp->ucol[j];
        if (c == CLIO_NONE)
            continue;
        for (size_t i = 0; i < us->rows; i++) {
            size_t r = mp->urow[i];
            double v = us->values[i + j * us->rows];
            if (r == CLIO_NONE)
                continue;
            if (mp->urow_va[i] && mp->ucol_fd[j]) {
                if (v != 0)
                    return clioi_fail(err, CLIO_EFORMAT,
                                      "%s:%zu: value-added row '%s' has %g in final-demand "
                                      "column '%s' (value added belongs to industries)",
                                      us->path, us->row_lines[i], us->row_keys[i], v,
                                      us->col_keys[j]);
            } else if (mp->urow_va[i]) {
                s->VA[r + c * s->nva] = v;
            } else if (mp->ucol_fd[j]) {
                s->E[r + c * s->nc] = v;
            } else {
                s->U[r + c * s->nc] = v;
            }
        }
    }
    return CLIO_OK;
}

int clio_sut_read_csv(const char *make_path, const char *use_path,
                      const clio_sut_layout *layout, clio_sut **out, clio_report *report,
                      clio_error *err)
{
    *out = NULL;
    if (!make_path || !use_path)
        return clioi_fail(err, CLIO_EINVAL, "clio_sut_read_csv: NULL path");
    clioi_lmatrix *mk = NULL, *us = NULL;
    unsigned char *mk_trow = NULL, *mk_tcol = NULL, *us_trow = NULL, *us_tcol = NULL;
    maps mp = {0};
    clio_sut *s = calloc(1, sizeof *s);
    int status = s ? CLIO_OK : clioi_fail(err, CLIO_ENOMEM, "out of memory");
    if (status == CLIO_OK)
        status = clioi_lmatrix_read(make_path, 0, &mk, err);
    if (status == CLIO_OK)
        status = clioi_lmatrix_read(use_path, 0, &us, err);
    if (status != CLIO_OK)
        goto done;
    mk_trow = total_flags(mk->row_keys, mk->rows, layout);
    mk_tcol = total_flags(mk->col_keys, mk->cols, layout);
    us_trow = total_flags(us->row_keys, us->rows, layout);
    us_tcol = total_flags(us->col_keys, us->cols, layout);
    mp.mrow = clioi_calloc_array(mk->rows, sizeof(size_t));
    mp.mcol = clioi_calloc_array(mk->cols, sizeof(size_t));
    mp.urow = clioi_calloc_array(us->rows, sizeof(size_t));
    mp.ucol = clioi_calloc_array(us->cols, sizeof(size_t));
    mp.urow_va = clioi_calloc_array(us->rows, 1);
    mp.ucol_fd = clioi_calloc_array(us->cols, 1);
    if (!mk_trow || !mk_tcol || !us_trow || !us_tcol || !mp.mrow || !mp.mcol || !mp.urow ||
        !mp.ucol || !mp.urow_va || !mp.ucol_fd) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    if (layout && layout->totals) {
        char **keys[4] = {mk->row_keys, mk->col_keys, us->row_keys, us->col_keys};
        size_t nk[4] = {mk->rows, mk->cols, us->rows, us->cols};
        for (size_t k = 0; k < layout->ntotals; k++) {
            int found = 0;
            for (int f = 0; f < 4 && !found; f++)
                found = in_list(keys[f], nk[f], layout->totals[k]);
            if (!found) {
                status = clioi_fail(err, CLIO_ELABEL, "%s, %s: no total '%s' in either file",
                                    make_path, use_path, layout->totals[k]);
                goto done;
            }
        }
    }
    double rtol = tolerance(layout);
    verify_totals(mk, 0, mk_trow, mk_tcol, rtol, report);
    verify_totals(mk, 1, mk_tcol, mk_trow, rtol, report);
    verify_totals(us, 0, us_trow, us_tcol, rtol, report);
    verify_totals(us, 1, us_tcol, us_trow, rtol, report);
    status = classify(mk, us, layout, mk_trow, mk_tcol, us_trow, us_tcol, s, &mp, err);
    if (status == CLIO_OK)
        status = fill(s, mk, us, &mp, err);
    if (status == CLIO_OK)
        status = mark_scrap(s, layout, make_path, err);
    if (status == CLIO_OK)
        compare_outputs(s, rtol, make_path, use_path, report);
done:
    free(mk_trow);
    free(mk_tcol);
    free(us_trow);
    free(us_tcol);
    free(mp.mrow);
    free(mp.mcol);
    free(mp.urow);
    free(mp.ucol);
    free(mp.urow_va);
    free(mp.ucol_fd);
    clioi_lmatrix_free(mk);
    clioi_lmatrix_free(us);
    if (status == CLIO_OK)
        *out = s;
    else
        clio_sut_free(s);
    return status;
}
