/* common.c -- what both commands share: ranks agreeing on a status,
 * loading the table on rank 0, printing on rank 0, timings. */
#include "clio_mpi.h"

#include <time.h>

int mpi_rank(void)
{
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    return rank;
}

/* Statuses are non-negative, so the largest is a failure whenever any
 * rank failed; ranks other than 0 print their own message. */
int mpi_agree(int status)
{
    int all = status;
    MPI_Allreduce(&status, &all, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return all;
}

double mpi_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void mpi_timing(const mpi_options *o, const char *phase, double seconds)
{
    if (o->verbose && mpi_rank() == 0)
        fprintf(stderr, "clio-mpi %s: %-10s %.3f s\n", o->command, phase, seconds);
}

void mpi_solver_close(mpi_solver *s)
{
    if (s->free)
        s->free(s->state);
    *s = (mpi_solver){0};
}
