/* progress.c -- the tool's progress line on stderr.  Long library tasks
 * report (task, share done); on a terminal, unless --quiet, a task that has
 * run longer than a short delay gets a line "clio: TASK  NN%" redrawn in
 * place, erased when it ends.  With --verbose each task's time is printed
 * when it ends, terminal or not.  Otherwise nothing: logs and pipes stay
 * clean. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Tasks shorter than this never draw (CLIO_PROGRESS_DELAY overrides, in
 * seconds); redraws at most every REDRAW seconds. */
#define DEFAULT_DELAY 0.5
#define REDRAW 0.1

typedef struct progress_line {
    const cli_common *o;
    int terminal;
    double delay;
    char task[160];
    double started, drawn_at;
    int drawn, running;
} progress_line;

static progress_line line;

static void begin_task(const char *task)
{
    snprintf(line.task, sizeof line.task, "%s", task);
    line.started = cli_now();
    line.drawn_at = 0.0;
    line.drawn = 0;
    line.running = 1;
}

static void end_task(void)
{
    if (line.drawn)
        fputs("\r\033[K", stderr); /* erase the progress line */
    if (line.o->verbose)
        fprintf(stderr, "clio %s: %s: %.3f s\n", line.o->command, line.task,
                cli_now() - line.started);
    line.running = 0;
}

static void on_progress(const char *task, double done, void *user)
{
    (void)user;
    if (!line.running || strncmp(task, line.task, sizeof line.task - 1) != 0) {
        if (line.running)
            end_task();
        begin_task(task);
    }
    double now = cli_now();
    if (line.terminal && !line.o->quiet && done < 1.0 && now - line.started >= line.delay &&
        now - line.drawn_at >= REDRAW) {
        fprintf(stderr, "\r\033[Kclio: %s %3.0f%%", line.task, 100.0 * done);
        fflush(stderr);
        line.drawn = 1;
        line.drawn_at = now;
    }
    if (done >= 1.0)
        end_task();
}

void cli_progress_start(const cli_common *o)
{
    const char *delay = getenv("CLIO_PROGRESS_DELAY");
    line.o = o;
    line.terminal = isatty(fileno(stderr));
    line.delay = delay ? atof(delay) : DEFAULT_DELAY;
    line.running = 0;
    if ((line.terminal && !o->quiet) || o->verbose)
        clio_progress_set(on_progress, NULL);
}
