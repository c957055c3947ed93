/* cmd_iim.c -- `clio iim`: the inoperability input-output model (static
 * and dynamic) on an interdependency matrix A*, a transactions table in
 * diim's layout, or a clio table (docs/methods-iim.md). */
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_INTERDEP = 420, OPT_TRANSACTIONS, OPT_SUPPLY, OPT_PERTURB, OPT_RECOVERY,
    OPT_RECOVERY_TIME, OPT_TARGET, OPT_INITIAL, OPT_PERIODS, OPT_PERTURB_PERIODS, OPT_SUMMARY
};

static const char usage[] =
    "clio iim (--interdependency A.csv | --transactions Z.csv | TABLE) [--supply]\n"
    "         [--perturbation C.csv] [--initial Q0.csv] [--periods N]\n"
    "         [--recovery K.csv | --recovery-time T.csv [--target 0.01]]\n"
    "         [--perturbation-periods FROM:TO] [--summary SUM.csv] [-o OUT.csv|OUT.nc]";

static const char help[] =
    "Inoperability input-output model (Haimes & Jiang 2001; Lian & Haimes 2006).\n"
    "The interdependency matrix A* comes from one of:\n"
    "  --interdependency A.csv  A* itself: a header of sector names, then n rows of\n"
    "                           n numbers in the same order (diim's layout)\n"
    "  --transactions Z.csv     flows: a header of names, n rows of Z, then one row\n"
    "                           of total output (diim's input-output layout)\n"
    "  TABLE                    a clio table (NetCDF or matrix-set folder)\n"
    "  --supply                 supply-side model, a*s_ij = z_ji / x_i (needs Z)\n"
    "Per-sector files have rows sector,value or region,sector,value, with or\n"
    "without a header line:\n"
    "  --perturbation C.csv     c*, demand perturbation as a share of output (0..1)\n"
    "  --initial Q0.csv         q(0), initial inoperability (dynamic; 0..1)\n"
    "  --recovery K.csv         resilience k (0..1) per period; default 1\n"
    "  --recovery-time T.csv    periods to recover to --target (default 0.01) of q(0):\n"
    "                           k = -ln(target) / (T (1 - a*_ii))\n"
    "  --periods N              dynamic run of N periods (0: static, the default)\n"
    "  --perturbation-periods FROM:TO  c* applies in periods FROM .. TO-1\n"
    "                           (default: all)\n"
    "  --summary SUM.csv        dynamic: cumulative inoperability and loss per sector\n"
    "Static output: [region,]sector,inoperability,loss (loss = q x, blank without\n"
    "output).  Dynamic: period,[region,]sector,inoperability; .nc files have a\n"
    "time dimension and the cumulative values.\n";

typedef struct iim_opts {
    const char *interdependency, *transactions, *perturbation, *recovery, *recovery_time;
    const char *initial, *summary, *perturb_periods;
    int supply, has_periods, has_target;
    double target;
    size_t periods, from, to;
} iim_opts;

static int parse_size(const char *text, size_t *value)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || *end || text[0] == '-')
        return -1;
    *value = (size_t)v;
    return 0;
}

static int on_option(void *ctx, int opt, const char *arg)
{
    iim_opts *p = ctx;
    char *end;
    switch (opt) {
    case OPT_INTERDEP: p->interdependency = arg; return 1;
    case OPT_TRANSACTIONS: p->transactions = arg; return 1;
    case OPT_SUPPLY: p->supply = 1; return 1;
    case OPT_PERTURB: p->perturbation = arg; return 1;
    case OPT_RECOVERY: p->recovery = arg; return 1;
    case OPT_RECOVERY_TIME: p->recovery_time = arg; return 1;
    case OPT_INITIAL: p->initial = arg; return 1;
    case OPT_SUMMARY: p->summary = arg; return 1;
    case OPT_PERTURB_PERIODS: p->perturb_periods = arg; return 1;
    case OPT_TARGET:
        p->target = strtod(arg, &end);
        p->has_target = 1;
        if (end == arg || *end) {
            fprintf(stderr, "clio iim: --target '%s' is not a number\n", arg);
            return -1;
        }
        return 1;
    case OPT_PERIODS:
        p->has_periods = 1;
        if (parse_size(arg, &p->periods) != 0) {
            fprintf(stderr, "clio iim: --periods '%s' is not a whole number >= 0\n", arg);
            return -1;
        }
        return 1;
    }
    return 0;
}

/* FROM:TO, 0 <= FROM <= TO <= periods. */
static int parse_window(const cli_common *o, iim_opts *p)
{
    p->from = 0;
    p->to = p->periods;
    if (!p->perturb_periods)
        return 0;
    char buf[64];
    const char *colon = strchr(p->perturb_periods, ':');
    size_t len = colon ? (size_t)(colon - p->perturb_periods) : 0;
    if (!colon || len >= sizeof buf)
        return cli_usage_error(o, usage, "--perturbation-periods '%s': want FROM:TO",
                               p->perturb_periods);
    memcpy(buf, p->perturb_periods, len);
    buf[len] = 0;
    if (parse_size(buf, &p->from) != 0 || parse_size(colon + 1, &p->to) != 0 ||
        p->from > p->to || p->to > p->periods)
        return cli_usage_error(o, usage,
                               "--perturbation-periods '%s': want FROM:TO with 0 <= FROM <= TO "
                               "<= --periods (%zu)",
                               p->perturb_periods, p->periods);
    return 0;
}

static int load_system(const cli_common *o, const iim_opts *p, const char *table,
                       clio_iim_system **s, clio_error *err)
{
    if (p->interdependency)
        return clio_iim_system_read(p->interdependency, s, err);
    if (p->transactions)
        return clio_iim_system_read_transactions(p->transactions, p->supply, s, err);
    clio_table *t = NULL;
    int status = cli_load_table(o, table, &t);
    if (status != CLIO_OK)
        return -status; /* already reported */
    status = clio_iim_system_from_table(t, p->supply, s, err);
    clio_table_free(t);
    return status;
}

static void note_clipped(const cli_common *o, size_t clipped)
{
    if (clipped && !o->quiet)
        fprintf(stderr,
                "clio iim: note: %zu sector(s) had inoperability outside [0, 1], clipped\n",
                clipped);
}

static int run_static(const cli_common *o, const iim_opts *p, const clio_iim_system *s,
                      clio_error *err)
{
    size_t n = s->n, clipped = 0;
    double *c = calloc(n ? n : 1, sizeof *c), *q = calloc(n ? n : 1, sizeof *q);
    int status = c && q ? CLIO_OK : CLIO_ENOMEM;
    if (status == CLIO_OK)
        status = clio_iim_vector_read(p->perturbation, s, "perturbation c*", 0, 1, 0, c, err);
    if (status == CLIO_OK && s->supply && s->Z)
        status = clio_iim_supply(n, s->Z, n ? n : 1, s->x, c, q, &clipped, err);
    else if (status == CLIO_OK)
        status = clio_iim_static(n, s->Astar, n ? n : 1, c, q, &clipped, err);
    if (status == CLIO_OK) {
        note_clipped(o, clipped);
        status = clio_iim_static_save(s, q, o->output, err);
    }
    free(c);
    free(q);
    return status;
}

static int run_dynamic(const cli_common *o, const iim_opts *p, const clio_iim_system *s,
                       clio_error *err)
{
    size_t n = s->n, ld = n ? n : 1, steps = p->periods;
    double *k = calloc(ld, sizeof *k), *q0 = calloc(ld, sizeof *q0);
    double *c = calloc(ld, sizeof *c), *cum = calloc(ld, sizeof *cum);
    double *ct = steps && ld > (size_t)-1 / sizeof(double) / steps ? NULL
                                                                    : calloc(ld * steps + 1, sizeof *ct);
    double *q = ld > (size_t)-1 / sizeof(double) / (steps + 1) ? NULL
                                                                : calloc(ld * (steps + 1), sizeof *q);
    int status = k && q0 && c && cum && ct && q ? CLIO_OK : CLIO_ENOMEM;
    if (status == CLIO_OK && p->perturbation)
        status = clio_iim_vector_read(p->perturbation, s, "perturbation c*", 0, 1, 0, c, err);
    if (status == CLIO_OK && p->initial)
        status = clio_iim_vector_read(p->initial, s, "initial inoperability q(0)", 0, 1, 0, q0,
                                      err);
    if (status == CLIO_OK && p->recovery)
        status = clio_iim_vector_read(p->recovery, s, "resilience k", 0, 1, 1, k, err);
    else if (status == CLIO_OK && p->recovery_time) {
        status = clio_iim_vector_read(p->recovery_time, s, "recovery time", 0, INFINITY, 0, k,
                                      err);
        if (status == CLIO_OK)
            status = clio_iim_recovery_rates(n, s->Astar, ld, k, p->has_target ? p->target : 0.01,
                                             k, err);
    } else if (status == CLIO_OK) {
        for (size_t i = 0; i < n; i++)
            k[i] = 1.0; /* diim's default K = I */
    }
    for (size_t t = p->from; status == CLIO_OK && t < p->to; t++)
        memcpy(ct + t * ld, c, n * sizeof *c);
    if (status == CLIO_OK)
        status = clio_iim_dynamic(n, s->Astar, ld, k, q0, ct, ld, steps, q, ld, cum, err);
    if (status == CLIO_OK)
        status = clio_iim_dynamic_save(s, steps, q, ld, cum, o->output, p->summary, err);
    free(k);
    free(q0);
    free(c);
    free(cum);
    free(ct);
    free(q);
    return status;
}

int cmd_iim(int argc, char **argv)
{
    static const struct option extra[] = {
        {"interdependency", required_argument, 0, OPT_INTERDEP},
        {"transactions", required_argument, 0, OPT_TRANSACTIONS},
        {"supply", no_argument, 0, OPT_SUPPLY},
        {"perturbation", required_argument, 0, OPT_PERTURB},
        {"recovery", required_argument, 0, OPT_RECOVERY},
        {"recovery-time", required_argument, 0, OPT_RECOVERY_TIME},
        {"target", required_argument, 0, OPT_TARGET},
        {"initial", required_argument, 0, OPT_INITIAL},
        {"periods", required_argument, 0, OPT_PERIODS},
        {"perturbation-periods", required_argument, 0, OPT_PERTURB_PERIODS},
        {"summary", required_argument, 0, OPT_SUMMARY},
        {0, 0, 0, 0}};
    cli_common o = {.command = "iim"};
    iim_opts p = {0};
    int first;
    int rc = cli_parse(&o, argc, argv, extra, on_option, &p, usage, help, &first);
    if (rc)
        return rc == -2 ? 0 : rc;
    int npos = argc - first;
    const char *table = npos == 1 ? argv[first] : NULL;
    int sources = (p.interdependency != NULL) + (p.transactions != NULL) + (table != NULL);
    if (npos > 1 || sources != 1)
        return cli_usage_error(&o, usage,
                               "give exactly one of --interdependency, --transactions or TABLE");
    if (p.supply && p.interdependency)
        return cli_usage_error(&o, usage,
                               "--supply needs the flows (--transactions or TABLE), not A*");
    if (p.recovery && p.recovery_time)
        return cli_usage_error(&o, usage, "give --recovery or --recovery-time, not both");
    int dynamic_only = p.recovery || p.recovery_time || p.initial || p.perturb_periods ||
                       p.summary || p.has_target;
    if (p.periods == 0 && dynamic_only)
        return cli_usage_error(&o, usage,
                               "--recovery, --recovery-time, --target, --initial, "
                               "--perturbation-periods and --summary need --periods N > 0");
    if (p.periods == 0 && !p.perturbation)
        return cli_usage_error(&o, usage, "the static model needs --perturbation C.csv");
    if (p.periods > 0 && !p.perturbation && !p.initial)
        return cli_usage_error(&o, usage, "a dynamic run needs --perturbation or --initial");
    if ((rc = parse_window(&o, &p)) != 0)
        return rc;

    clio_error err = {0};
    clio_iim_system *s = NULL;
    int status = load_system(&o, &p, table, &s, &err);
    if (status < 0)
        return -status;
    if (status == CLIO_OK)
        status = p.periods ? run_dynamic(&o, &p, s, &err) : run_static(&o, &p, s, &err);
    clio_iim_system_free(s);
    return status == CLIO_OK ? 0 : cli_error(&o, status, &err);
}
