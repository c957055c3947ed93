/* extraction_groups.c -- hypothetical extraction of groups of sectors by
 * Woodbury updates of rank k = |S| of the one factor of I - A.
 *
 * With the notation of extraction.c, the losses of an account when the
 * set S is extracted are
 *   total     e_S' L_SS^-1 x_S
 *   backward  (e_S - d_S)' L_SS^-1 x_S
 *   forward   w' (h_S - x_S o d_S),          L_SS' w = 1
 *   internal  e_S' (I + A_SS L_SS)^-1 A_SS x_S
 * (docs/methods-linkages-extraction.md), so a group needs only the k x k
 * block L_SS of the inverse: k solves, in blocks of BLOCK columns, and
 * small k x k LU factorisations (dgetrf). */
#include "extraction.h"

#include <cblas.h>
#include <stdlib.h>
#include <string.h>

enum { BLOCK = 256 }; /* columns of L computed at once for a group's L_SS */

/* A result with one row per group (no region), for table t's accounts. */
static clio_result *group_result(const clio_table *t, const clio_groups *g, size_t na)
{
    return clioi_result_alloc_groups(t, "extraction", g, na, CLIOI_X_NFIELDS);
}

/* Scratch for one group of at most kmax sectors. */
typedef struct group_work {
    double *block;     /* n x BLOCK columns of L */
    double *lss;       /* k x k: L_SS */
    double *m;         /* k x k: LU of L_SS, then I + A_SS L_SS, then L_S+S+ */
    double *ass;       /* k x k: A_SS */
    double *z, *y, *w; /* k */
    lapack_int *ipiv;  /* k */
} group_work;

static void group_work_free(group_work *w)
{
    free(w->block);
    free(w->lss);
    free(w->m);
    free(w->ass);
    free(w->z);
    free(w->y);
    free(w->w);
    free(w->ipiv);
}

static int group_work_make(size_t n, size_t kmax, group_work *w)
{
    size_t nb = kmax < BLOCK ? kmax : BLOCK;
    w->block = clioi_alloc_matrix(n ? n : 1, nb ? nb : 1);
    w->lss = clioi_alloc_matrix(kmax ? kmax : 1, kmax ? kmax : 1);
    w->m = clioi_alloc_matrix(kmax ? kmax : 1, kmax ? kmax : 1);
    w->ass = clioi_alloc_matrix(kmax ? kmax : 1, kmax ? kmax : 1);
    w->z = clioi_calloc_array(kmax, sizeof *w->z);
    w->y = clioi_calloc_array(kmax, sizeof *w->y);
    w->w = clioi_calloc_array(kmax, sizeof *w->w);
    w->ipiv = clioi_calloc_array(kmax, sizeof *w->ipiv);
    return w->block && w->lss && w->m && w->ass && w->z && w->y && w->w && w->ipiv
               ? CLIO_OK
               : CLIO_ENOMEM;
}

/* L_SS into w->lss (k x k, ld k): columns of L in blocks, rows S kept. */
static int block_of_inverse(const clio_leontief *f, const size_t *s, size_t k, group_work *w,
                            clio_error *err)
{
    size_t n = f->n;
    for (size_t c0 = 0; c0 < k; c0 += BLOCK) {
        size_t nb = k - c0 < BLOCK ? k - c0 : BLOCK;
        memset(w->block, 0, n * nb * sizeof *w->block);
        for (size_t c = 0; c < nb; c++)
            w->block[s[c0 + c] + c * n] = 1.0;
        int status = clio_leontief_solve(f, 0, nb, w->block, n, err);
        if (status != CLIO_OK)
            return status;
        for (size_t c = 0; c < nb; c++)
            for (size_t r = 0; r < k; r++)
                w->lss[r + (c0 + c) * k] = w->block[s[r] + c * n];
    }
    return CLIO_OK;
}

/* LU of the k x k matrix m in place; CLIO_ESINGULAR names the group. */
static int small_factor(double *m, size_t k, lapack_int *ipiv, const char *what,
                        const char *group, clio_error *err)
{
    lapack_int info = LAPACKE_dgetrf_work(LAPACK_COL_MAJOR, (lapack_int)k, (lapack_int)k, m,
                                          (lapack_int)k, ipiv);
    if (info > 0)
        return clioi_fail(err, CLIO_ESINGULAR,
                          "extraction of group '%s': %s is singular (zero pivot %d)", group,
                          what, (int)info);
    if (info < 0)
        return clioi_fail(err, CLIO_EINVAL, "dgetrf: argument %d invalid", (int)-info);
    return CLIO_OK;
}

static void small_solve(char trans, const double *lu, size_t k, const lapack_int *ipiv,
                        double *rhs)
{
    LAPACKE_dgetrs_work(LAPACK_COL_MAJOR, trans, (lapack_int)k, 1, lu, (lapack_int)k, ipiv, rhs,
                        (lapack_int)k);
}

/* The losses of every account for the extraction of the k sectors s. */
static int extract_group(const clio_table *t, const clio_leontief *f,
                         const clioi_extraction_base *b, const size_t *s, size_t k,
                         const char *name, group_work *w, double *v, clio_error *err)
{
    size_t n = b->n, na = b->na;
    int status = block_of_inverse(f, s, k, w, err);
    if (status != CLIO_OK)
        return status;
    /* total and backward: z = L_SS^-1 x_S */
    memcpy(w->m, w->lss, k * k * sizeof *w->m);
    if ((status = small_factor(w->m, k, w->ipiv, "L_SS", name, err)) != CLIO_OK)
        return status;
    for (size_t r = 0; r < k; r++)
        w->z[r] = t->x[s[r]];
    small_solve('N', w->m, k, w->ipiv, w->z);
    /* internal: y = (I + A_SS L_SS)^-1 A_SS x_S */
    for (size_t c = 0; c < k; c++)
        for (size_t r = 0; r < k; r++)
            w->ass[r + c * k] = clioi_extraction_coefficient(t, s[r], s[c]);
    for (size_t r = 0; r < k; r++) {
        w->y[r] = 0;
        for (size_t c = 0; c < k; c++)
            w->y[r] += w->ass[r + c * k] * t->x[s[c]];
    }
    for (size_t c = 0; c < k; c++)
        for (size_t r = 0; r < k; r++)
            w->m[r + c * k] = r == c ? 1.0 : 0.0;
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int)k, (int)k, (int)k, 1.0, w->ass,
                (int)k, w->lss, (int)k, 1.0, w->m, (int)k);
    if ((status = small_factor(w->m, k, w->ipiv, "I + A_SS L_SS", name, err)) != CLIO_OK)
        return status;
    small_solve('N', w->m, k, w->ipiv, w->y);
    /* forward, over the members S+ with output (others sell nothing):
     * L_S+S+' w = 1 */
    size_t kp = 0;
    for (size_t c = 0; c < k; c++) {
        if (t->x[s[c]] == 0)
            continue;
        size_t rp = 0;
        for (size_t r = 0; r < k; r++)
            if (t->x[s[r]] != 0)
                w->m[rp++ + kp * k] = w->lss[r + c * k];
        kp++;
    }
    /* compact the kp x kp block to leading dimension kp */
    for (size_t c = 0; c < kp; c++)
        memmove(w->m + c * kp, w->m + c * k, kp * sizeof *w->m);
    if (kp > 0 && (status = small_factor(w->m, kp, w->ipiv, "L_SS", name, err)) != CLIO_OK)
        return status;
    for (size_t r = 0; r < kp; r++)
        w->w[r] = 1.0;
    if (kp > 0)
        small_solve('T', w->m, kp, w->ipiv, w->w);
    for (size_t a = 0; a < na; a++) {
        double *va = v + CLIOI_X_NFIELDS * a;
        double tot = 0, back = 0, fwd = 0, internal = 0;
        const double *e = b->E + a * n, *d = b->D + a * n, *h = b->H + a * n;
        for (size_t r = 0, rp = 0; r < k; r++) {
            size_t i = s[r];
            tot += e[i] * w->z[r];
            back += (e[i] - d[i]) * w->z[r];
            internal += e[i] * w->y[r];
            if (t->x[i] != 0)
                fwd += w->w[rp++] * (h[i] - t->x[i] * d[i]);
        }
        va[CLIOI_X_TOTAL] = tot;
        va[CLIOI_X_BACKWARD] = back;
        va[CLIOI_X_FORWARD] = fwd;
        va[CLIOI_X_INTERNAL] = internal;
        clioi_extraction_percent(va, b->total[a]);
    }
    return CLIO_OK;
}

static int check_groups(const clio_groups *g, size_t n, size_t *kmax, clio_error *err)
{
    *kmax = 0;
    if (!g || !g->start || !g->names || (g->ngroups && g->start[0] != 0))
        return clioi_fail(err, CLIO_EINVAL, "extraction: malformed groups");
    for (size_t k = 0; k < g->ngroups; k++) {
        if (g->start[k + 1] < g->start[k] || !g->names[k])
            return clioi_fail(err, CLIO_EINVAL, "extraction: malformed group %zu", k + 1);
        size_t size = g->start[k + 1] - g->start[k];
        if (size > *kmax)
            *kmax = size;
        for (size_t p = g->start[k]; p < g->start[k + 1]; p++)
            if (g->members[p] >= n)
                return clioi_fail(err, CLIO_EINVAL,
                                  "extraction: group '%s' has sector index %zu, the table %zu "
                                  "sectors",
                                  g->names[k], g->members[p], n);
    }
    return CLIO_OK;
}

/* The result's one-line description. */
static const char description[] =
    "Hypothetical extraction of each group of sectors: what each account would "
    "lose: total (the group's rows, columns and final demand removed), "
    "backward (it buys no inputs), forward (it sells no intermediate output; "
    "Ghosh), internal (no flows inside the group); total_percent of the "
    "account's total";

int clio_extract_groups(const clio_table *t, const clio_leontief *f, const clio_groups *g,
                        clio_result **out, clio_error *err)
{
    *out = NULL;
    size_t kmax;
    int status = check_groups(g, t->n, &kmax, err);
    if (status != CLIO_OK)
        return status;
    clioi_extraction_base b;
    if ((status = clioi_extraction_base_make(t, f, &b, err)) != CLIO_OK)
        return status;
    group_work w = {0};
    clio_result *r = group_result(t, g, b.na);
    if (!r || group_work_make(b.n, kmax, &w) != CLIO_OK ||
        clioi_result_set_accounts_from_table(r, t) != CLIO_OK ||
        clioi_extraction_finish(r, description) != CLIO_OK) {
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < g->ngroups && status == CLIO_OK; k++) {
        size_t size = g->start[k + 1] - g->start[k];
        if (size > 0)
            status = extract_group(t, f, &b, g->members + g->start[k], size, g->names[k], &w,
                                   r->values + CLIOI_X_NFIELDS * b.na * k, err);
    }
done:
    group_work_free(&w);
    clioi_extraction_base_free(&b);
    if (status != CLIO_OK) {
        clio_result_free(r);
        return status;
    }
    *out = r;
    return CLIO_OK;
}
