/* ario_step.c -- one step of the ARIO model (docs/methods-ario.md, "One
 * step"): demand, production under capacity and inventory limits,
 * proportional rationing, inventories, overproduction and new orders.
 * Flows are rates per year; a step moves rate * dt of money (dt =
 * step_days / 365).  Three dgemv over the n x n order shares per step
 * (none for products with one supplier), the rest is O(np n). */
#include "ario.h"

#include <cblas.h>
#include <math.h>
#include <string.h>

/* The share of its demand an industry serves (1 when nothing is asked). */
static double served_share(double demand, double production)
{
    return demand > 0 ? production / demand : 1;
}

/* Orders of product q by j go to q's suppliers i in proportion to
 * zshare_ij c_i, c_i = capacity_i / x0_i (BoARIO's default "alt" order
 * module, Guan et al. 2020): a damaged supplier gets fewer orders, the
 * others more.  Without damage c = 1 and the shares are Z's.  Here
 * work := c in permuted order. */
static void capacity_shares(clioi_ario *a, const double *cap)
{
    for (size_t k = 0; k < a->n; k++) {
        size_t i = a->perm[k];
        a->work[k] = a->x0[i] > 0 ? cap[i] / a->x0[i] : 1;
    }
}

/* demand := intermediate demand on each supplier from last step's orders,
 * d_i = c_i sum_j zshare_ij G_{q(i) j}, where G_qj = orders_qj / S_qj and
 * S_qj = sum_{i in q} zshare_ij c_i (orders no supplier can take, S = 0,
 * are lost).  The orders are replaced by G, which the deliveries need.
 * A product with one supplier k has zshare_kj = 1 wherever j buys it, so
 * S = c_k and no pass over zshare is needed; a product with several goes
 * through two dgemv on its block of rows.  acc, S (n each) scratch. */
static void intermediate_demand(clioi_ario *a, double *restrict acc, double *restrict S)
{
    size_t n = a->n, np = a->np;
    const double *c = a->work;
    double *G = a->orders;
    memset(acc, 0, n * sizeof *acc);
    for (size_t j = 0; j < n; j++)
        for (size_t q = 0; q < np; q++) {
            size_t k = a->start[q];
            if (a->start[q + 1] - k != 1)
                continue;
            double *g = G + q + j * np;
            *g = c[k] > 0 ? *g / c[k] : 0;
            acc[k] += *g;
        }
    for (size_t q = 0; q < np; q++) {
        size_t lo = a->start[q], m = a->start[q + 1] - lo;
        if (m < 2)
            continue;
        const double *zs = a->zshare + lo;
        cblas_dgemv(CblasColMajor, CblasTrans, (int)m, (int)n, 1.0, zs, (int)n, c + lo, 1, 0.0,
                    S, 1);
        for (size_t j = 0; j < n; j++) {
            double *g = G + q + j * np;
            *g = S[j] > 0 ? *g / S[j] : 0;
        }
        cblas_dgemv(CblasColMajor, CblasNoTrans, (int)m, (int)n, 1.0, zs, (int)n, G + q, (int)np,
                    0.0, acc + lo, 1);
    }
    for (size_t k = 0; k < n; k++)
        a->demand[a->perm[k]] = acc[k] * c[k];
}

/* xa_j = xopt_j times the tightest inventory limit: an input p with stock
 * below psi times its target (inventory_days of use at xopt) scales
 * production by stock / (psi target) (Hallegatte 2014; BoARIO); and no
 * step may use more of an input than is in stock. */
static void inventory_limit(clioi_ario *a, const clio_ario_params *p)
{
    size_t np = a->np;
    double days = p->inventory_days / 365.0;
    for (size_t j = 0; j < a->n; j++) {
        double f = 1;
        const double *aS = a->aS + j * np, *stock = a->stock + j * np;
        for (size_t q = 0; q < np && a->xopt[j] > 0; q++) {
            double need = a->xopt[j] * aS[q]; /* per year */
            if (need <= 0)
                continue;
            double constraint = p->psi * days * need, use = need * a->dt;
            if (stock[q] < constraint)
                f = fmin(f, stock[q] / constraint);
            if (stock[q] < use)
                f = fmin(f, stock[q] / use);
        }
        a->xa[j] = a->xopt[j] * fmax(f, 0);
    }
}

/* Deliveries of this step's production to last step's orders, each order
 * served in the share r of its supplier (proportional rationing): product
 * q reaches j as G_qj sum_{i in q} zshare_ij c_i r_i, into j's inventory;
 * the inputs production used leave it.  cr, R (n each) scratch. */
static void update_inventories(clioi_ario *a, double *restrict cr, double *restrict R)
{
    size_t n = a->n, np = a->np;
    const double *c = a->work, *G = a->orders;
    for (size_t k = 0; k < n; k++) {
        size_t i = a->perm[k];
        cr[k] = c[k] * served_share(a->demand[i], a->xa[i]);
    }
    for (size_t q = 0; q < np; q++) {
        size_t lo = a->start[q], m = a->start[q + 1] - lo;
        if (m < 2)
            continue;
        cblas_dgemv(CblasColMajor, CblasTrans, (int)m, (int)n, 1.0, a->zshare + lo, (int)n,
                    cr + lo, 1, 0.0, R, 1);
        for (size_t j = 0; j < n; j++)
            a->stock[q + j * np] += a->dt * G[q + j * np] * R[j];
    }
    for (size_t j = 0; j < n; j++) {
        const double *g = G + j * np, *aS = a->aS + j * np;
        double *stock = a->stock + j * np;
        for (size_t q = 0; q < np; q++) {
            size_t k = a->start[q];
            double served = a->start[q + 1] - k == 1 ? g[q] * cr[k] : 0;
            double s = stock[q] + a->dt * (served - a->xa[j] * aS[q]);
            stock[q] = s > 0 ? s : 0; /* rounding only: use <= stock */
        }
    }
}

/* New orders: what production used plus a share of the gap to the target
 * inventory (inventory_days of use at xopt), closed in inventory_tau days.
 * gap[j] receives the mean relative gap over j's inputs. */
static void place_orders(clioi_ario *a, const clio_ario_params *p, double *gap)
{
    size_t np = a->np;
    double days = p->inventory_days / 365.0;
    double share = fmin(1, p->step_days / p->inventory_tau) / a->dt; /* per year */
    for (size_t j = 0; j < a->n; j++) {
        const double *aS = a->aS + j * np, *stock = a->stock + j * np;
        double *o = a->orders + j * np, sum = 0;
        size_t inputs = 0;
        for (size_t q = 0; q < np; q++) {
            double target = days * a->xopt[j] * aS[q];
            double missing = target > stock[q] ? target - stock[q] : 0;
            o[q] = missing * share + a->xa[j] * aS[q];
            if (target > 0) {
                sum += missing / target;
                inputs++;
            }
        }
        gap[j] = inputs ? sum / (double)inputs : 0;
    }
}

void clioi_ario_step(clioi_ario *a, const clio_ario_params *p, const double *cap,
                     clioi_ario_out *out)
{
    size_t n = a->n;
    double rebuild = fmin(1, p->step_days / p->reconstruction_tau); /* share of owed */
    double adapt = fmin(1, p->step_days / p->alpha_tau);
    capacity_shares(a, cap);
    intermediate_demand(a, a->scratch, a->scratch2);
    for (size_t i = 0; i < n; i++) {
        a->demand[i] += a->y[i] + a->owed[i] * rebuild / a->dt;
        double most = a->alpha[i] * cap[i];
        a->xopt[i] = fmax(0, fmin(a->demand[i], most));
    }
    inventory_limit(a, p);
    update_inventories(a, a->scratch, a->scratch2);
    for (size_t i = 0; i < n; i++) {
        double d = a->demand[i], x = a->xa[i], r = served_share(d, x);
        double delivered = a->owed[i] * rebuild * r;
        a->owed[i] = a->owed[i] > delivered ? a->owed[i] - delivered : 0;
        out->rebuilt[i] += delivered;
        out->unmet_final[i] += (1 - r) * fmax(a->y[i], 0) * a->dt;
        out->production[i] = x;
        out->capacity[i] = cap[i];
        out->unmet[i] = d > x ? d - x : 0;
        /* overproduction: towards alpha_max while demand is not served
         * (scarcity zeta), back towards 1 otherwise (Hallegatte 2008) */
        double zeta = d > 0 ? (d - x) / d : 0;
        if (zeta > 0)
            a->alpha[i] += (p->alpha_max - a->alpha[i]) * zeta * adapt;
        else
            a->alpha[i] += (1 - a->alpha[i]) * adapt;
    }
    place_orders(a, p, out->gap);
}
