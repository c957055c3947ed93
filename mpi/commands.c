/* commands.c -- the two commands, step by step: rank 0 loads and checks
 * the table (and the demand change), the back-end distributes and factors
 * I - A, the right-hand sides go out as one block and the solutions come
 * back to rank 0, which builds and writes the result.  Each step ends with
 * mpi_agree(), so a failure anywhere ends every rank with its status. */
#include "clio_mpi.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int report_error(const mpi_options *o, int status, const clio_error *err)
{
    if (status != CLIO_OK && mpi_rank() == 0) {
        const char *msg = err && err->message[0] ? err->message : clio_strerror(status);
        fprintf(stderr, "clio-mpi %s: error: %s\n", o->command, msg);
    }
    return status;
}

/* Rank 0: read and validate the table as `clio` does (cli/common.c). */
static int load_table(const mpi_options *o, clio_table **out)
{
    clio_error err = {0};
    double t0 = mpi_now();
    int status = clio_table_read(o->table, out, &err);
    if (status != CLIO_OK)
        return report_error(o, status, &err);
    mpi_timing(o, "read", mpi_now() - t0);
    /* Both engines are handed a dense Z today: a sparse table is densified
     * (an out-of-memory error names the size). */
    if ((status = clio_table_densify(*out, &err)) != CLIO_OK)
        return report_error(o, status, &err);
    clio_report report = {0};
    status = clio_table_check(*out, CLIO_DEFAULT_RTOL, &report);
    for (size_t i = 0; i < report.count; i++) {
        const clio_finding *f = &report.items[i];
        if (f->severity == CLIO_ERROR || (f->severity == CLIO_WARNING && !o->quiet))
            fprintf(stderr, "clio-mpi %s: %s: %s: %s\n", o->command,
                    f->severity == CLIO_ERROR ? "error" : "warning", o->table, f->message);
    }
    clio_report_free(&report);
    if (status == CLIO_OK && (*out)->n > (size_t)INT_MAX / 2) {
        status = CLIO_EDIM;
        fprintf(stderr, "clio-mpi %s: error: %zu sectors is more than ScaLAPACK and PETSc's "
                "32-bit indices allow\n", o->command, (*out)->n);
    }
    return status;
}

/* Collective: the table on rank 0 (NULL elsewhere), its size everywhere,
 * the demand change (rank 0, impact only) and the opened solver. */
typedef struct job {
    clio_table *t;
    int n;
    double *df;
    mpi_solver s;
} job;

static int job_open(const mpi_options *o, job *j)
{
    *j = (job){0};
    int rank = mpi_rank(), status = CLIO_OK;
    clio_error err = {0};
    if (rank == 0) {
        status = load_table(o, &j->t);
        if (status == CLIO_OK && o->demand) {
            j->df = calloc(j->t->n ? j->t->n : 1, sizeof *j->df);
            status = j->df ? clio_demand_read_csv(o->demand, j->t, j->df, &err) : CLIO_ENOMEM;
            report_error(o, status, &err);
        }
        if (status == CLIO_OK)
            j->n = (int)j->t->n;
    }
    if ((status = mpi_agree(status)) != CLIO_OK)
        return status;
    MPI_Bcast(&j->n, 1, MPI_INT, 0, MPI_COMM_WORLD);
    double t0 = mpi_now();
    if (strcmp(o->method, "petsc") == 0)
        status = mpi_sparse_open(j->t, j->n, o, &j->s, &err);
    else
        status = mpi_dense_open(j->t, j->n, o, &j->s, &err);
    if (status != CLIO_OK)
        return report_error(o, status, &err);
    mpi_timing(o, "factor", mpi_now() - t0);
    if (rank == 0 && j->s.rcond >= 0 && j->s.rcond < CLIO_RCOND_WARN && !o->quiet)
        fprintf(stderr, "clio-mpi %s: warning: I - A is nearly singular (reciprocal condition "
                "number %.3g): results may have lost most of their accuracy\n", o->command,
                j->s.rcond);
    return CLIO_OK;
}

static void job_close(job *j)
{
    mpi_solver_close(&j->s);
    clio_table_free(j->t);
    free(j->df);
}

/* Rank 0: save first (a failed save must not leave only stdout), then
 * print, as cli_emit does. */
static int emit(const mpi_options *o, const clio_result *r, clio_error *err)
{
    int status = CLIO_OK;
    if (o->output && (status = clio_result_save(r, o->output, err)) != CLIO_OK)
        return status;
    if (!o->quiet || !o->output) {
        status = strcmp(o->format, "csv") == 0 ? clio_result_write_csv(r, stdout, err)
                                               : clio_result_write_text(r, stdout, err);
        if (fflush(stdout) != 0 && status == CLIO_OK)
            status = clioi_fail(err, CLIO_EWRITE, "cannot write to stdout");
    }
    return status;
}

/* Rank 0 builds a result with `build` from the solutions, then writes it. */
static int finish(const mpi_options *o, int status, clio_result *r, clio_error *err)
{
    double t0 = mpi_now();
    if (status == CLIO_OK && mpi_rank() == 0)
        status = emit(o, r, err);
    clio_result_free(r);
    report_error(o, status, err);
    mpi_timing(o, "write", mpi_now() - t0);
    return mpi_agree(status);
}

/* The right-hand sides, rank 0: n x ncols. */
static double *rhs_alloc(const job *j, size_t ncols, clio_error *err)
{
    if (mpi_rank() != 0)
        return NULL;
    double *B = clioi_alloc_matrix(j->t->n ? j->t->n : 1, ncols);
    if (!B)
        clioi_fail(err, CLIO_ENOMEM, "out of memory for %zu right-hand sides", ncols);
    return B;
}

int mpi_cmd_multipliers(const mpi_options *o)
{
    job j;
    int status = job_open(o, &j);
    int rank = mpi_rank(), na = 0;
    clio_error err = {0};
    clio_result *r = NULL;
    double *C = NULL;
    if (status != CLIO_OK)
        goto done;
    if (rank == 0) {
        na = (int)(1 + j.t->nva + j.t->nsat);
        C = rhs_alloc(&j, (size_t)na, &err);
        status = C ? CLIO_OK : CLIO_ENOMEM;
    }
    if ((status = mpi_agree(report_error(o, status, &err))) != CLIO_OK)
        goto done;
    MPI_Bcast(&na, 1, MPI_INT, 0, MPI_COMM_WORLD);

    /* Productive, as clio_leontief_factor checks: (I - A) g = 1, g > 0.
     * PETSc keeps only (I - A)' for multipliers: there the output
     * multipliers 1'L > 0 are checked, the same condition for A >= 0. */
    int dense = strcmp(o->method, "scalapack") == 0;
    double t0 = mpi_now();
    if (dense) {
        for (int i = 0; rank == 0 && i < j.n; i++)
            C[i] = 1.0;
        if ((status = j.s.solve(j.s.state, 0, 1, C, &err)) == CLIO_OK && rank == 0)
            status = mpi_productive_check(j.t, C, 0, &err);
        if ((status = mpi_agree(report_error(o, status, &err))) != CLIO_OK)
            goto done;
    }
    for (int a = 0; rank == 0 && a < na; a++)
        for (int i = 0; i < j.n; i++)
            C[i + (size_t)a * (size_t)j.n] = clioi_account_coefficient(j.t, (size_t)a, (size_t)i);
    if ((status = j.s.solve(j.s.state, 1, na, C, &err)) == CLIO_OK && rank == 0 && !dense)
        status = mpi_productive_check(j.t, C, 1, &err);
    if (status == CLIO_OK && rank == 0)
        status = mpi_multipliers_result(j.t, C, &r, &err);
    mpi_timing(o, "solve", mpi_now() - t0);
    status = finish(o, status, r, &err);
done:
    free(C);
    job_close(&j);
    return status;
}

int mpi_cmd_impact(const mpi_options *o)
{
    job j;
    int status = job_open(o, &j);
    int rank = mpi_rank();
    clio_error err = {0};
    clio_result *r = NULL;
    double *B = NULL;
    if (status != CLIO_OK)
        goto done;
    if (rank == 0) {
        B = rhs_alloc(&j, 2, &err);
        status = B ? CLIO_OK : CLIO_ENOMEM;
    }
    if ((status = mpi_agree(report_error(o, status, &err))) != CLIO_OK)
        goto done;
    /* One block: column 0 = 1 (the productivity check), column 1 = df. */
    double t0 = mpi_now();
    for (int i = 0; rank == 0 && i < j.n; i++) {
        B[i] = 1.0;
        B[i + j.n] = j.df[i];
    }
    if ((status = j.s.solve(j.s.state, 0, 2, B, &err)) == CLIO_OK && rank == 0)
        status = mpi_productive_check(j.t, B, 0, &err);
    if (status == CLIO_OK && rank == 0)
        status = mpi_impact_result(j.t, j.df, B + j.n, &r, &err);
    mpi_timing(o, "solve", mpi_now() - t0);
    status = finish(o, status, r, &err);
done:
    free(B);
    job_close(&j);
    return status;
}
