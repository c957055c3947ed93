/* progress.c -- progress of long operations, passed to the function the
 * program registered.  The library reports and never prints: drawing (or
 * not) is the caller's business, as the clio tool does on a terminal. */
#include "clioi.h"

static clio_progress_fn report_fn;
static void *report_user;

void clio_progress_set(clio_progress_fn fn, void *user)
{
    report_fn = fn;
    report_user = user;
}

int clioi_progress_wanted(void)
{
    return report_fn != NULL;
}

void clioi_progress(const char *task, double done)
{
    if (!report_fn)
        return;
    report_fn(task, done < 0.0 ? 0.0 : done > 1.0 ? 1.0 : done, report_user);
}
