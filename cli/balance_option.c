/* balance_option.c -- parsing of --tol and --max-iter. */
#include "balance_option.h"

#include <stdio.h>
#include <stdlib.h>

static int bad(const char *command, const char *option, const char *arg)
{
    fprintf(stderr, "clio %s: error: bad value '%s' for %s\n", command, arg, option);
    return -1;
}

int balance_option_parse(balance_option *b, int opt, const char *arg, const char *command)
{
    char *end;
    switch (opt) {
    case OPT_TOL:
        b->opt.tol = strtod(arg, &end);
        if (*end || !(b->opt.tol > 0 && b->opt.tol < 1))
            return bad(command, "--tol (a number in (0, 1))", arg);
        return 1;
    case OPT_MAX_ITER: {
        long v = strtol(arg, &end, 10);
        if (*end || v < 1 || v > 100000000)
            return bad(command, "--max-iter (a positive integer)", arg);
        b->opt.max_iter = (int)v;
        return 1;
    }
    default:
        return 0;
    }
}

void balance_report(const cli_common *o, const char *method, const clio_balance_info *info)
{
    if (!o->quiet)
        fprintf(stderr, "clio %s: balanced by %s in %d iterations, largest relative residual %.3g\n",
                o->command, method, info->iterations, info->residual);
}
