/* ario_params.c -- the ARIO model's default parameters (sources in
 * docs/methods-ario.md) and the checks of parameters and shocks. */
#include "ario.h"

#include <math.h>

void clio_ario_defaults(clio_ario_params *p)
{
    p->step_days = 1;            /* daily steps, as Hallegatte (2008) and BoARIO   */
    p->steps = 365;              /* one year                                       */
    p->inventory_days = 90;      /* BoARIO main_inv_dur                            */
    p->inventory_tau = 60;       /* BoARIO inventory_restoration_tau               */
    p->alpha_max = 1.25;         /* Hallegatte (2008), BoARIO alpha_max            */
    p->alpha_tau = 365;          /* Hallegatte (2008), BoARIO alpha_tau            */
    p->psi = 0.80;               /* Hallegatte (2014), BoARIO psi_param            */
    p->reconstruction_tau = 180; /* clio's choice: BoARIO's rebuild_tau is 60      */
}

/* A time in days: finite and > 0. */
static int check_days(double v, const char *name, clio_error *err)
{
    if (!isfinite(v) || v <= 0)
        return clioi_fail(err, CLIO_EVALUE, "ARIO parameter %s is %g: it must be a finite number "
                          "of days > 0", name, v);
    return CLIO_OK;
}

static int check_params(const clio_ario_params *p, clio_error *err)
{
    int status;
    if ((status = check_days(p->step_days, "step_days", err)) != CLIO_OK ||
        (status = check_days(p->inventory_days, "inventory_days", err)) != CLIO_OK ||
        (status = check_days(p->inventory_tau, "inventory_tau", err)) != CLIO_OK ||
        (status = check_days(p->alpha_tau, "alpha_tau", err)) != CLIO_OK ||
        (status = check_days(p->reconstruction_tau, "reconstruction_tau", err)) != CLIO_OK)
        return status;
    if (!isfinite(p->alpha_max) || p->alpha_max < 1)
        return clioi_fail(err, CLIO_EVALUE, "ARIO parameter alpha_max is %g: it must be >= 1 "
                          "(1: no overproduction)", p->alpha_max);
    if (!(p->psi >= 0 && p->psi <= 1))
        return clioi_fail(err, CLIO_EVALUE, "ARIO parameter psi is %g: it must be in [0, 1]",
                          p->psi);
    return CLIO_OK;
}

/* One shock vector: every value finite (INFINITY allowed where inf_ok) and
 * within [lo, hi]; the message names the sector by its key. */
static int check_vector(const clio_table *t, const double *v, const char *name, double lo,
                        double hi, int inf_ok, clio_error *err)
{
    if (!v)
        return CLIO_OK;
    for (size_t i = 0; i < t->n; i++) {
        int ok = isnan(v[i]) ? 0 : isinf(v[i]) ? inf_ok && v[i] > 0 : v[i] >= lo && v[i] <= hi;
        if (!ok) {
            char key[256];
            clio_table_sector_key(t, i, key, sizeof key);
            return clioi_fail(err, CLIO_EVALUE, "ARIO shock: %s of sector '%s' is %g, not in "
                              "[%g, %g]", name, key, v[i], lo, hi);
        }
    }
    return CLIO_OK;
}

int clioi_ario_check(const clio_table *t, const clio_ario_params *p, const clio_ario_shock *s,
                     clio_error *err)
{
    int status = check_params(p, err);
    if (status != CLIO_OK || !s)
        return status;
    if ((status = check_vector(t, s->capacity_loss, "capacity_loss", 0, 1, 0, err)) != CLIO_OK ||
        (status = check_vector(t, s->recovery_days, "recovery_days", 0, HUGE_VAL, 1, err)) !=
            CLIO_OK ||
        (status = check_vector(t, s->reconstruction, "reconstruction", 0, HUGE_VAL, 0, err)) !=
            CLIO_OK ||
        (status = check_vector(t, s->demand_change, "demand_change", -HUGE_VAL, HUGE_VAL, 0,
                               err)) != CLIO_OK)
        return status;
    return CLIO_OK;
}
