/* regional_options.c -- parsing of the regionalisation options and the
 * reading of the files they name (sizes, overrides). */
#include "regional_options.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_regional_init(cli_regional *r, const char *command)
{
    memset(r, 0, sizeof *r);
    r->command = command;
    r->method = CLIO_LQ_FLQ;
    r->delta = CLIO_FLQ_DELTA;
}

/* A number in [lo, hi] for option `name`, or -1 with a message. */
static int parse_unit_interval(const cli_regional *r, const char *name, const char *arg,
                               double *value)
{
    char *end;
    double v = strtod(arg, &end);
    if (*arg == '\0' || *end != '\0' || !(v >= 0 && v <= 1)) {
        fprintf(stderr, "clio %s: %s needs a number in [0, 1], not '%s'\n", r->command, name,
                arg);
        return -1;
    }
    *value = v;
    return 1;
}

static int set_sizes(cli_regional *r, const char *arg, int measure)
{
    if (r->sizes_file) {
        fprintf(stderr, "clio %s: give one of --employment and --regional-output, once\n",
                r->command);
        return -1;
    }
    r->sizes_file = arg;
    r->measure = measure;
    return 1;
}

int cli_regional_option(void *ctx, int opt, const char *arg)
{
    cli_regional *r = ctx;
    switch (opt) {
    case OPT_EMPLOYMENT: return set_sizes(r, arg, CLIO_MEASURE_EMPLOYMENT);
    case OPT_REGIONAL_OUTPUT: return set_sizes(r, arg, CLIO_MEASURE_OUTPUT);
    case OPT_NATIONAL_ACCOUNT: r->national_account = arg; return 1;
    case OPT_OVERRIDES: r->overrides = arg; return 1;
    case OPT_MULTIPLIERS: r->multipliers = arg; return 1;
    case OPT_REST: r->rest = arg; return 1;
    case OPT_DELTA: return parse_unit_interval(r, "--delta", arg, &r->delta);
    case OPT_FD_SHARE: {
        int ok = parse_unit_interval(r, "--fd-share", arg, &r->fd_share);
        if (ok > 0 && r->fd_share == 0) {
            fprintf(stderr, "clio %s: --fd-share must be positive\n", r->command);
            return -1;
        }
        return ok;
    }
    case OPT_CROSS_HAULING:
        r->charm = 1;
        return parse_unit_interval(r, "--cross-hauling", arg, &r->heterogeneity);
    case OPT_METHOD:
        if (strcmp(arg, "all") == 0) {
            r->all_methods = 1;
            return 1;
        }
        if (clio_lq_method_parse(arg, &r->method, NULL) != CLIO_OK) {
            fprintf(stderr, "clio %s: --method must be slq, cilq, flq or aflq%s, not '%s'\n",
                    r->command, strcmp(r->command, "regionalize") == 0 ? " (or all)" : "", arg);
            return -1;
        }
        r->all_methods = 0;
        return 1;
    default: return 0;
    }
}

int cli_regional_check(const cli_common *o, const cli_regional *r, const char *usage)
{
    if (!r->sizes_file)
        return cli_usage_error(o, usage, "missing --employment FILE or --regional-output FILE");
    if (r->measure == CLIO_MEASURE_OUTPUT && r->national_account)
        return cli_usage_error(o, usage,
                               "--national-account goes with --employment (national output "
                               "is the table's x)");
    return 0;
}

int cli_regional_sizes(const cli_common *o, const cli_regional *r, const clio_table *t,
                       clio_regional_sizes **out)
{
    clio_error err = {0};
    int status = clio_regional_sizes_read_csv(r->sizes_file, t, r->measure, r->national_account,
                                              o->region ? o->region : "region", out, &err);
    return status == CLIO_OK ? CLIO_OK : cli_error(o, status, &err);
}

int cli_regional_overrides(const cli_common *o, const cli_regional *r, const clio_table *t,
                           const char *region, double **rpc)
{
    *rpc = NULL;
    if (!r->overrides)
        return CLIO_OK;
    clio_error err = {0};
    size_t n = t->n ? t->n : 1;
    double *m = malloc(n * n * sizeof *m);
    if (!m)
        return cli_error(o, CLIO_ENOMEM, NULL);
    int status = clio_rpc_read_csv(r->overrides, t, region, m, n, &err);
    if (status != CLIO_OK) {
        free(m);
        return cli_error(o, status, &err);
    }
    *rpc = m;
    return CLIO_OK;
}
