/* scenario_run.h -- the pieces of clio_scenarios_run, shared by
 * shocks/scenario_run*.c.  Internal to shocks/. */
#ifndef CLIO_SHOCKS_SCENARIO_RUN_H
#define CLIO_SHOCKS_SCENARIO_RUN_H

#include "clioi.h"

/* The series variables dynamic scenarios write (those used are kept). */
enum run_series_var {
    SERIES_OUTPUT_LOSS,   /* x0 - production, per year (both models)  */
    SERIES_INOPERABILITY, /* IIM q(t)                                 */
    SERIES_PRODUCTION,    /* ARIO realised production, per year       */
    SERIES_CAPACITY,      /* ARIO production capacity, per year       */
    SERIES_UNMET_DEMAND,  /* ARIO demand not served, per year         */
    SERIES_INVENTORY_GAP, /* ARIO 1 - inventory / target              */
    SERIES_COUNT
};

/* Where each kind of account sits among the result's accounts. */
typedef struct run_accounts {
    size_t count;       /* all accounts */
    size_t va;          /* first value-added row (output is va - 1)          */
    size_t sat;         /* first satellite                                    */
    size_t price;       /* the price index, or CLIO_NONE                      */
    size_t unmet;       /* first "unmet:<category>", or CLIO_NONE             */
    size_t nunmet;      /* distinct final-demand category names              */
    size_t *fd_unmet;   /* nfd: the unmet account of each final-demand column */
    size_t var[SERIES_COUNT];      /* index in r->vars of each enum run_series_var, or CLIO_NONE */
} run_accounts;

enum { RUN_ACCOUNT_FINAL_DEMAND = 0, RUN_ACCOUNT_OUTPUT = 1 };

/* What every scenario of a run shares. */
typedef struct run_ctx {
    const clio_table *t;
    const clio_leontief *f;
    const clio_households *h; /* Type II closure, or NULL */
    clio_groups *groups;      /* the file's groups, read once (NULL: none) */
    clio_scenario_results *r;
    run_accounts acc;
    size_t n;
    double *y0;      /* n: baseline final demand (row sums of Y)              */
    double *x0;      /* n: baseline output of the model, L y0                 */
    double *v0;      /* n: primary cost per unit of output, 1 - column sums of A */
    double *lhc;     /* n x k: L HC for the closure with f (NULL without h)   */
    double *sinv;    /* k x k: (I - HR L HC)^-1; NULL without h               */
} run_ctx;

/* A solver: the factor f, or a Woodbury update of it. */
typedef struct run_solver {
    const clio_leontief *f;
    const clio_leontief_update *u;
} run_solver;

int run_solve(const run_solver *s, int transpose, size_t nrhs, double *B, size_t ldb,
              clio_error *err);

/* run_results_alloc -- the results of `count` scenarios for table t, with
 * the optional accounts (price, unmet demand) the scenarios need, and room
 * for ntimes points of the series variables marked in series_used, for
 * the scenarios marked dynamic only. */
int run_results_alloc(const clio_table *t, size_t count, int with_price, int with_caps,
                      size_t ntimes, const int *series_used, const unsigned char *dynamic,
                      clio_scenario_results **out, run_accounts *acc, clio_error *err);
void run_accounts_free(run_accounts *acc);

/* run_delta -- the delta row of sector i of scenario s. */
double *run_delta(const run_ctx *c, size_t s, size_t i);

/* run_fill_deltas -- deltas of scenario s from its change of output dx
 * and of final demand dy (n each): every V row and satellite follows its
 * coefficient; k changed columns cols of the value-added coefficients
 * (dVc, nva x k) also change the V rows there. */
void run_fill_deltas(const run_ctx *c, size_t s, const double *dx, const double *dy, size_t k,
                     const size_t *cols, const double *dVc);

/* run_closed_solve -- B := the Type II solution for final demand B
 * (n x nrhs) with the closure of c->h, solving with s (c->lhc and
 * c->sinv when s is the plain factor). */
int run_closed_solve(const run_ctx *c, const run_solver *s, size_t nrhs, double *B,
                     clio_error *err);
int run_closure_prepare(run_ctx *c, clio_error *err);
/* run_closed_total -- x := the closed model's output for the whole final
 * demand y (household spending at baseline income taken out, as it is
 * endogenous), solving with s: with changed coefficients the closed
 * model's own new output. */
int run_closed_total(const run_ctx *c, const run_solver *s, const double *y, double *x,
                     clio_error *err);

/* Each model's scenario: fills the deltas (and series) of scenario s. */
int run_leontief(run_ctx *c, size_t s, const clio_shock *k, clio_error *err);
int run_ghosh(run_ctx *c, size_t s, const clio_shock *k, clio_error *err);
int run_iim(run_ctx *c, size_t s, const clio_shock *k, clio_error *err);
int run_ario(run_ctx *c, size_t s, const clio_shock *k, clio_error *err);

/* run_series -- the n values of variable v at point p of scenario s. */
double *run_series(const run_ctx *c, size_t s, int v, size_t p);

#endif
