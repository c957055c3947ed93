/* interregional_trade.c -- who supplies whom, product by product, in an
 * interregional table: each region's users of a product buy from their own
 * region what the regionalisation says it can supply, the rest from the
 * other regions in proportion to their surplus (a commodity balance), and
 * RAS makes every origin's sales add up to its output while every user
 * still gets exactly what the national technology says it needs. */
#include "regional.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Every producing region is a possible supplier of every user: this share
 * of the need, in proportion to output, keeps RAS feasible where the
 * location quotients would leave no room (docs/methods-regional.md). */
#define SUPPLIER_FLOOR 1e-6

/* What users c of region g need of product i. */
static double total(const clioi_trade_setup *s, size_t g, size_t i, size_t c)
{
    const clio_table *t = s->t;
    size_t n = t->n;
    return c < n ? t->Z[i + c * n] * s->share[c + g * n] : t->Y[i + (c - n) * n] * s->fshare[g];
}

static double own_share(const clioi_trade_setup *s, size_t g, size_t i, size_t c)
{
    size_t n = s->t->n, nc = n + s->t->nfd;
    return s->own[g * n * nc + i + c * n];
}

/* The prior column of users (g, c) of product i into col (G values):
 * own supply, purchases from the others by surplus weights w (w[g]
 * unused), the floor by output. */
static void prior_column(const clioi_trade_setup *s, size_t i, size_t g, size_t c,
                         const double *w, int floor, double *col)
{
    size_t G = s->G, n = s->t->n;
    double tot = total(s, g, i, c), own = own_share(s, g, i, c), xi = s->t->x[i];
    double others = 0;
    for (size_t o = 0; o < G; o++)
        others += o == g ? 0 : w[o];
    if (others == 0) /* no other region makes i: own supply takes the whole need */
        own = 1;
    for (size_t o = 0; o < G; o++) {
        double x_o = s->xr[i + o * n];
        col[o] = o == g ? own * tot : (1 - own) * tot * w[o];
        if (floor && xi > 0)
            col[o] += SUPPLIER_FLOOR * tot * x_o / xi;
    }
}

/* Surplus weights of the suppliers of users in region g (sum 1 over the
 * other regions), from surplus[] or, failing that, output; all zero when
 * no other region produces i (then own supply takes the whole need). */
static void supplier_weights(const clioi_trade_setup *s, size_t i, size_t g,
                             const double *surplus, double *w)
{
    size_t G = s->G, n = s->t->n;
    double sum = 0, xsum = 0;
    for (size_t o = 0; o < G; o++)
        if (o != g) {
            sum += surplus[o];
            xsum += s->xr[i + o * n];
        }
    for (size_t o = 0; o < G; o++)
        w[o] = o == g ? 0 : sum > 0 ? surplus[o] / sum : xsum > 0 ? s->xr[i + o * n] / xsum : 0;
}

/* The workspace of one product. */
typedef struct work {
    size_t ncols;     /* use columns with a positive need */
    size_t *col_g, *col_c;
    double *X;        /* G x ncols */
    double *u, *v;    /* targets */
    double *surplus;  /* G */
    double *w;        /* G x G: w[o + g G] */
    double *tmp;      /* G */
} work;

static void free_work(work *k)
{
    free(k->col_g);
    free(k->col_c);
    free(k->X);
    free(k->u);
    free(k->v);
    free(k->surplus);
    free(k->w);
    free(k->tmp);
}

static int alloc_work(work *k, size_t G, size_t nc)
{
    memset(k, 0, sizeof *k);
    k->col_g = clioi_calloc_array(G * nc, sizeof *k->col_g);
    k->col_c = clioi_calloc_array(G * nc, sizeof *k->col_c);
    k->X = clioi_calloc_array(G * G * nc, sizeof *k->X);
    k->u = clioi_calloc_array(G, sizeof *k->u);
    k->v = clioi_calloc_array(G * nc, sizeof *k->v);
    k->surplus = clioi_calloc_array(G, sizeof *k->surplus);
    k->w = clioi_calloc_array(G * G, sizeof *k->w);
    k->tmp = clioi_calloc_array(G, sizeof *k->tmp);
    return k->col_g && k->col_c && k->X && k->u && k->v && k->surplus && k->w && k->tmp;
}

/* Where users (g, c) sit in the MRIO: Z column g n + c, or Y column
 * g nfd + (c - n); row o n + i. */
static double *cell(const clioi_trade_setup *s, double *Z, double *Y, size_t o, size_t i,
                    size_t g, size_t c)
{
    size_t n = s->t->n, N = s->G * n, nfd = s->t->nfd;
    return c < n ? &Z[o * n + i + (g * n + c) * N] : &Y[o * n + i + (g * nfd + c - n) * N];
}

/* Product i: priors, fixed negative columns, targets, RAS, write back. */
static int balance_product(const clioi_trade_setup *s, const clio_interregional_options *opt,
                           size_t i, work *k, double *Z, double *Y, clio_error *err)
{
    const clio_table *t = s->t;
    size_t G = s->G, n = t->n, nc = n + t->nfd;
    for (size_t g = 0; g < G; g++) {
        double use = 0;
        for (size_t c = 0; c < nc; c++) {
            double tot = total(s, g, i, c);
            if (tot > 0)
                use += own_share(s, g, i, c) * tot;
        }
        k->surplus[g] = fmax(s->xr[i + g * n] - use, 0);
        k->u[g] = s->xr[i + g * n];
    }
    for (size_t g = 0; g < G; g++)
        supplier_weights(s, i, g, k->surplus, k->w + g * G);
    /* Columns with a negative need (inventories drawn down) keep their
     * prior split and leave the balancing; their rows' targets grow. */
    k->ncols = 0;
    double sum_v = 0, sum_u = 0;
    for (size_t g = 0; g < G; g++)
        for (size_t c = 0; c < nc; c++) {
            double tot = total(s, g, i, c);
            if (tot < 0) {
                prior_column(s, i, g, c, k->w + g * G, 0, k->tmp);
                for (size_t o = 0; o < G; o++) {
                    *cell(s, Z, Y, o, i, g, c) = k->tmp[o];
                    k->u[o] -= k->tmp[o];
                }
            } else if (tot > 0) {
                prior_column(s, i, g, c, k->w + g * G, 1, k->X + k->ncols * G);
                k->col_g[k->ncols] = g;
                k->col_c[k->ncols] = c;
                k->v[k->ncols++] = tot;
                sum_v += tot;
            }
        }
    if (k->ncols == 0)
        return CLIO_OK;
    for (size_t g = 0; g < G; g++)
        sum_u += k->u[g];
    if (!(sum_u > 0))
        return clioi_fail(err, CLIO_EUNBALANCED,
                          "product '%s' is used (%g) but the regions have no output of it",
                          t->sector_names[i], sum_v);
    /* The national row's imbalance, if any, is shared by the regions. */
    for (size_t g = 0; g < G; g++)
        k->u[g] *= sum_v / sum_u;
    clio_balance_options bopt = {.tol = opt->tol, .max_iter = opt->max_iter};
    clio_balance_info info;
    int status = clio_ras(G, k->ncols, k->X, G, k->u, k->v, &bopt, &info, err);
    if (status != CLIO_OK) {
        if (err)
            clioi_fail(err, status, "trade in product '%s': %s", t->sector_names[i],
                       err->message);
        return status;
    }
    for (size_t col = 0; col < k->ncols; col++)
        for (size_t o = 0; o < G; o++)
            *cell(s, Z, Y, o, i, k->col_g[col], k->col_c[col]) = k->X[o + col * G];
    return CLIO_OK;
}

int clioi_trade_balance(const clioi_trade_setup *s, const clio_interregional_options *opt,
                        double *Z, double *Y, clio_error *err)
{
    work k;
    int status = CLIO_OK;
    if (!alloc_work(&k, s->G, s->t->n + s->t->nfd))
        status = clioi_fail(err, CLIO_ENOMEM, "out of memory");
    for (size_t i = 0; status == CLIO_OK && i < s->t->n; i++)
        status = balance_product(s, opt, i, &k, Z, Y, err);
    free_work(&k);
    return status;
}
