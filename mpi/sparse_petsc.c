/* sparse_petsc.c -- I - A solved across the ranks by PETSc: a distributed
 * sparse (AIJ) matrix holding only the non-zeros of the table, and GMRES
 * preconditioned by block Jacobi with ILU(0) on each rank's diagonal block.
 *
 * Rows are split in contiguous ranges (PETSc's default: n/np each); rank 0
 * holds the table and sends each rank its rows in CSR form.  Multipliers
 * are transposed solves; PETSc's KSPSolveTranspose is not trusted (it gave
 * wrong answers with some back-ends, ../shared/HPC.md), so (I - A)' is
 * assembled as a matrix of its own, row j being column j of I - A.  Every
 * solution's true residual ||b - M x|| / ||b|| is checked after GMRES: at
 * most max(100 --ksp-rtol, 1e-12), else CLIO_ENOCONVERGE.
 * PETSc options can be added with the environment variable PETSC_OPTIONS
 * (e.g. "-ksp_monitor" or "-ksp_type bcgs"). */
#include "clio_mpi.h"

#include <petscksp.h>
#include <stdlib.h>

typedef struct sparse {
    int rank, np;
    PetscInt n;
    int *counts, *displs;   /* rows of every rank: [displs[p], displs[p] + counts[p]) */
    const clio_table *t;    /* rank 0: the table, for assembling on first use */
    Mat m[2];               /* [0]: I - A, [1]: (I - A)' */
    KSP ksp[2];
    Vec b, x, r;
    double rtol;
    int verbose;
    long iterations;        /* over the right-hand sides of one call, for -v */
    double worst;           /* largest relative residual of one call */
} sparse;

/* Entry (row, col) of I - A, or of (I - A)' when transpose. */
static double entry(const clio_table *t, PetscInt row, PetscInt col, int transpose,
                    int *nonzero)
{
    size_t i = (size_t)(transpose ? col : row), j = (size_t)(transpose ? row : col), n = t->n;
    double z = t->Z[i + j * n], scale = t->x[j] != 0 ? 1.0 / t->x[j] : 0.0;
    *nonzero = i == j || (z != 0 && scale != 0);
    return (i == j ? 1.0 : 0.0) - z * scale;
}

/* Rank 0: CSR of rows [r0, r0 + m) with global, sorted column indices. */
static PetscErrorCode build_rows(const clio_table *t, int transpose, PetscInt r0, PetscInt m,
                                 PetscInt **ia, PetscInt **ja, PetscScalar **va)
{
    PetscInt n = (PetscInt)t->n, nnz = 0;
    int nz;
    for (PetscInt r = r0; r < r0 + m; r++)
        for (PetscInt c = 0; c < n; c++)
            nnz += (entry(t, r, c, transpose, &nz), nz);
    PetscCall(PetscMalloc3(m + 1, ia, nnz ? nnz : 1, ja, nnz ? nnz : 1, va));
    PetscInt k = 0;
    for (PetscInt r = r0; r < r0 + m; r++) {
        (*ia)[r - r0] = k;
        for (PetscInt c = 0; c < n; c++) {
            double v = entry(t, r, c, transpose, &nz);
            if (nz) {
                (*ja)[k] = c;
                (*va)[k++] = v;
            }
        }
    }
    (*ia)[m] = k;
    return 0;
}

/* I - A or (I - A)' as an MPIAIJ matrix, and its GMRES solver. */
static PetscErrorCode assemble(sparse *s, int transpose)
{
    PetscInt m = s->counts[s->rank], *ia = NULL, *ja = NULL, nnz = 0;
    PetscScalar *va = NULL;
    if (s->rank == 0) {
        for (int p = s->np - 1; p >= 0; p--) { /* rank 0's own rows last: kept */
            PetscCall(build_rows(s->t, transpose, s->displs[p], s->counts[p], &ia, &ja, &va));
            if (p == 0)
                break;
            nnz = ia[s->counts[p]];
            MPI_Send(&nnz, 1, MPIU_INT, p, 3, MPI_COMM_WORLD);
            MPI_Send(ia, s->counts[p] + 1, MPIU_INT, p, 4, MPI_COMM_WORLD);
            MPI_Send(ja, (int)nnz, MPIU_INT, p, 5, MPI_COMM_WORLD);
            MPI_Send(va, (int)nnz, MPIU_SCALAR, p, 6, MPI_COMM_WORLD);
            PetscCall(PetscFree3(ia, ja, va));
        }
    } else {
        MPI_Recv(&nnz, 1, MPIU_INT, 0, 3, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        PetscCall(PetscMalloc3(m + 1, &ia, nnz ? nnz : 1, &ja, nnz ? nnz : 1, &va));
        MPI_Recv(ia, (int)m + 1, MPIU_INT, 0, 4, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Recv(ja, (int)nnz, MPIU_INT, 0, 5, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Recv(va, (int)nnz, MPIU_SCALAR, 0, 6, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    Mat *M = &s->m[transpose];
    PetscCall(MatCreateMPIAIJWithArrays(PETSC_COMM_WORLD, m, m, s->n, s->n, ia, ja, va, M));
    PetscCall(PetscFree3(ia, ja, va));

    KSP *ksp = &s->ksp[transpose];
    PC pc;
    PetscCall(KSPCreate(PETSC_COMM_WORLD, ksp));
    PetscCall(KSPSetOperators(*ksp, *M, *M));
    PetscCall(KSPSetType(*ksp, KSPGMRES));
    PetscCall(KSPGMRESSetRestart(*ksp, 100));
    /* Right preconditioning: GMRES then minimises the true residual. */
    PetscCall(KSPSetPCSide(*ksp, PC_RIGHT));
    PetscCall(KSPGetPC(*ksp, &pc));
    PetscCall(PCSetType(pc, PCBJACOBI)); /* one block per rank, ILU(0) inside */
    PetscCall(KSPSetTolerances(*ksp, s->rtol, 0.0, PETSC_DEFAULT, 1000));
    PetscCall(KSPSetFromOptions(*ksp));
    PetscCall(KSPSetUp(*ksp));
    if (!s->b) {
        PetscCall(MatCreateVecs(*M, &s->x, &s->b));
        PetscCall(VecDuplicate(s->b, &s->r));
    }
    return 0;
}

/* Column c of B (rank 0) into s->b, and s->x back into it. */
static PetscErrorCode scatter_column(sparse *s, const double *col)
{
    PetscScalar *local;
    PetscCall(VecGetArray(s->b, &local));
    MPI_Scatterv(col, s->counts, s->displs, MPI_DOUBLE, local, s->counts[s->rank], MPI_DOUBLE, 0,
                 MPI_COMM_WORLD);
    PetscCall(VecRestoreArray(s->b, &local));
    return 0;
}

static PetscErrorCode gather_column(sparse *s, double *col)
{
    const PetscScalar *local;
    PetscCall(VecGetArrayRead(s->x, &local));
    MPI_Gatherv(local, s->counts[s->rank], MPI_DOUBLE, col, s->counts, s->displs, MPI_DOUBLE, 0,
                MPI_COMM_WORLD);
    PetscCall(VecRestoreArrayRead(s->x, &local));
    return 0;
}

/* One right-hand side; *status CLIO_ENOCONVERGE (message in err) when GMRES
 * fails or leaves too large a residual.  Same outcome on every rank. */
static PetscErrorCode solve_one(sparse *s, int transpose, int c, int *status, clio_error *err)
{
    PetscReal bnorm, rnorm;
    PetscCall(VecNorm(s->b, NORM_2, &bnorm));
    if (bnorm == 0) { /* x = 0 exactly; GMRES would have no relative target */
        PetscCall(VecSet(s->x, 0.0));
        return 0;
    }
    KSPConvergedReason reason;
    PetscInt its;
    PetscCall(KSPSolve(s->ksp[transpose], s->b, s->x));
    PetscCall(KSPGetConvergedReason(s->ksp[transpose], &reason));
    PetscCall(KSPGetIterationNumber(s->ksp[transpose], &its));
    PetscCall(MatMult(s->m[transpose], s->x, s->r));
    PetscCall(VecAYPX(s->r, -1.0, s->b)); /* r = b - M x */
    PetscCall(VecNorm(s->r, NORM_2, &rnorm));
    double rel = (double)(rnorm / bnorm);
    s->iterations += its;
    s->worst = rel > s->worst ? rel : s->worst;
    /* Judged by the true residual: GMRES may stop short of a target near
     * machine precision (stagnation) with an answer that is good enough. */
    double limit = 100 * s->rtol > 1e-12 ? 100 * s->rtol : 1e-12;
    if (!(rel <= limit))
        *status = clioi_fail(err, CLIO_ENOCONVERGE,
                             "GMRES did not converge for right-hand side %d (%s after %d "
                             "iterations, relative residual %.3g > %.3g): I - A may be singular "
                             "or not productive", c, KSPConvergedReasons[reason], (int)its, rel,
                             limit);
    return 0;
}

static int sparse_solve(void *state, int transpose, int nrhs, double *B, clio_error *err)
{
    sparse *s = state;
    int status = CLIO_OK;
    transpose = transpose != 0;
    if (s->n == 0 || nrhs == 0)
        return CLIO_OK;
    if (!s->m[transpose] && assemble(s, transpose) != 0)
        return clioi_fail(err, CLIO_EINVAL, "PETSc could not assemble I - A");
    s->iterations = 0;
    s->worst = 0;
    for (int c = 0; c < nrhs && status == CLIO_OK; c++) {
        double *col = s->rank == 0 ? B + (size_t)c * (size_t)s->n : NULL;
        if (scatter_column(s, col) || solve_one(s, transpose, c, &status, err) ||
            gather_column(s, col))
            return clioi_fail(err, CLIO_EINVAL, "PETSc failed on right-hand side %d", c);
    }
    if (s->verbose && s->rank == 0)
        fprintf(stderr, "clio-mpi: GMRES on %s: %d right-hand sides, %ld iterations in all, "
                "largest relative residual %.3g\n", transpose ? "(I - A)'" : "I - A", nrhs,
                s->iterations, s->worst);
    return status;
}

static void sparse_free(void *state)
{
    sparse *s = state;
    if (!s)
        return;
    for (int k = 0; k < 2; k++) {
        KSPDestroy(&s->ksp[k]);
        MatDestroy(&s->m[k]);
    }
    VecDestroy(&s->b);
    VecDestroy(&s->x);
    VecDestroy(&s->r);
    free(s->counts);
    free(s->displs);
    free(s);
    PetscFinalize();
}

int mpi_sparse_open(const clio_table *t, int n, const mpi_options *o, mpi_solver *s,
                    clio_error *err)
{
    *s = (mpi_solver){.n = n, .rcond = -1, .solve = sparse_solve};
    /* MPI is running already: PETSc uses it and leaves it running. */
    if (PetscInitializeNoArguments() != 0)
        return clioi_fail(err, CLIO_EINVAL, "PETSc did not start");
    /* Any PETSc failure (out of memory inside PETSc) ends the whole job
     * rather than leaving ranks waiting in a collective call. */
    PetscPushErrorHandler(PetscAbortErrorHandler, NULL);
    sparse *sp = calloc(1, sizeof *sp);
    int np = 1;
    MPI_Comm_size(MPI_COMM_WORLD, &np);
    int *counts = malloc((size_t)np * sizeof *counts), *displs = malloc((size_t)np * sizeof *displs);
    if (mpi_agree(sp && counts && displs ? CLIO_OK : CLIO_ENOMEM) != CLIO_OK) {
        free(sp);
        free(counts);
        free(displs);
        PetscFinalize();
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    s->state = sp;
    s->free = sparse_free;
    *sp = (sparse){.np = np, .n = n, .counts = counts, .displs = displs, .t = t,
                   .rtol = o->ksp_rtol, .verbose = o->verbose};
    MPI_Comm_rank(MPI_COMM_WORLD, &sp->rank);
    PetscInt m = PETSC_DECIDE, N = n;
    PetscSplitOwnership(PETSC_COMM_WORLD, &m, &N);
    int mine = (int)m;
    MPI_Allgather(&mine, 1, MPI_INT, counts, 1, MPI_INT, MPI_COMM_WORLD);
    for (int p = 0, at = 0; p < np; at += counts[p++])
        displs[p] = at;
    return CLIO_OK;
}

int mpi_sparse_available(void) { return 1; }
