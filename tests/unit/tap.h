/* tap.h -- a tiny TAP producer for clio's unit tests (run by prove).
 * Every check prints "ok N - name" or "not ok N - name" plus a diagnostic;
 * tap_done() prints the plan and returns the exit status. */
#ifndef CLIO_TAP_H
#define CLIO_TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

static int tap_ok(int pass, const char *fmt, ...) __attribute__((format(printf, 2, 3), unused));
static int tap_ok(int pass, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("%sok %d - ", pass ? "" : "not ", ++tap_count);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    if (!pass)
        tap_failed++;
    fflush(stdout);
    return pass;
}

/* Relative closeness: |got - want| <= rtol * max(|want|, 1e-300). */
static int tap_close(double got, double want, double rtol, const char *what)
    __attribute__((unused));
static int tap_close(double got, double want, double rtol, const char *what)
{
    double scale = fabs(want) > 1e-300 ? fabs(want) : 1e-300;
    int pass = fabs(got - want) <= rtol * scale;
    if (!tap_ok(pass, "%s", what))
        printf("# got %.17g, want %.17g (relative error %.3g > %.3g)\n", got, want,
               fabs(got - want) / scale, rtol);
    return pass;
}

/* Status and message: the call failed with `want` and the message names `needle`. */
static int tap_status(int got, int want, const char *message, const char *needle,
                      const char *what) __attribute__((unused));
static int tap_status(int got, int want, const char *message, const char *needle,
                      const char *what)
{
    int pass = got == want && (!needle || (message && strstr(message, needle)));
    if (!tap_ok(pass, "%s", what))
        printf("# got status %d (want %d), message: %s (want it to contain '%s')\n", got, want,
               message ? message : "(none)", needle ? needle : "");
    return pass;
}

/* Count `count` checks as skipped ("ok N # SKIP why"), e.g. without shared data. */
static void tap_skip(int count, const char *why) __attribute__((unused));
static void tap_skip(int count, const char *why)
{
    for (int k = 0; k < count; k++)
        printf("ok %d # SKIP %s\n", ++tap_count, why);
    fflush(stdout);
}

/* A diagnostic line ("# ..."): prove shows it with -v, it counts as no check. */
static void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2), unused));
static void tap_diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("# ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    fflush(stdout);
}

static int tap_done(void) __attribute__((unused));
static int tap_done(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#endif
