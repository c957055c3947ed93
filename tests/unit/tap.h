/* tap.h -- a tiny TAP producer for clio's unit tests (run by prove).
 * Every check prints "ok N - name" or "not ok N - name" plus a diagnostic;
 * tap_done() prints the plan and returns the exit status. */
#ifndef CLIO_TAP_H
#define CLIO_TAP_H

#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* ---- a scratch directory for files a test writes ------------------- */

static char tap_dir[64]; /* set by tap_scratch_begin */

/* tap_scratch_begin -- create /tmp/clio-NAME-XXXXXX; bail out without it. */
static void tap_scratch_begin(const char *name) __attribute__((unused));
static void tap_scratch_begin(const char *name)
{
    snprintf(tap_dir, sizeof tap_dir, "/tmp/clio-%s-XXXXXX", name);
    if (!mkdtemp(tap_dir)) {
        printf("Bail out! cannot create a temporary directory\n");
        exit(2);
    }
}

/* tap_write_text -- write text to path; bail out when that fails. */
static void tap_write_text(const char *path, const char *text) __attribute__((unused));
static void tap_write_text(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    if (!fp || fputs(text, fp) == EOF || fclose(fp) != 0) {
        printf("Bail out! cannot write %s\n", path);
        exit(2);
    }
}

/* tap_scratch_path -- the path tap_dir/name, which stays valid for the
 * whole test (64 distinct names at most). */
static const char *tap_scratch_path(const char *name) __attribute__((unused));
static const char *tap_scratch_path(const char *name)
{
    static char paths[64][128];
    static int npaths;
    char path[128];
    snprintf(path, sizeof path, "%s/%s", tap_dir, name);
    int k = 0;
    while (k < npaths && strcmp(paths[k], path) != 0)
        k++;
    if (k == npaths) {
        if (npaths == 64) {
            printf("Bail out! more than 64 scratch files\n");
            exit(2);
        }
        snprintf(paths[npaths++], sizeof paths[0], "%s", path);
    }
    return paths[k];
}

/* tap_scratch_file -- write text to tap_scratch_path(name); returns it. */
static const char *tap_scratch_file(const char *name, const char *text) __attribute__((unused));
static const char *tap_scratch_file(const char *name, const char *text)
{
    const char *path = tap_scratch_path(name);
    tap_write_text(path, text);
    return path;
}

static void tap_remove_tree(const char *dir) __attribute__((unused));
static void tap_remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            chmod(path, 0700); /* tests make read-only folders */
            tap_remove_tree(path);
        } else {
            unlink(path);
        }
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* tap_scratch_end -- remove the scratch directory and all it holds. */
static void tap_scratch_end(void) __attribute__((unused));
static void tap_scratch_end(void)
{
    tap_remove_tree(tap_dir);
}

#endif
