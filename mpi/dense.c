/* dense.c -- I - A factored across the ranks by ScaLAPACK's dense LU.
 *
 * The ranks form a BLACS process grid nprow x npcol (as square as np
 * allows) and every matrix is distributed 2-D block-cyclically in blocks of
 * nb x nb: global element (i, j) lives on process row (i / nb) mod nprow and
 * process column (j / nb) mod npcol.  Rank 0 holds the table; it sends each
 * rank its block-cyclic piece of Z with one MPI "darray" datatype (which
 * selects exactly the elements ScaLAPACK's local layout holds, in its
 * order), every rank turns its piece into I - A with the outputs x, and
 * pdgetrf factors once.  Right-hand sides travel the same way, n x nrhs in
 * blocks of nb rows, solved by pdgetrs ("N": (I - A) X = B, "T":
 * (I - A)' X = B) and gathered back to rank 0. */
#include "clio_mpi.h"
#include "scalapack.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

typedef struct dense {
    int rank, np;
    int ctxt, nprow, npcol, myrow, mycol;
    int n, nb;
    int mloc, nloc; /* local rows and columns of I - A */
    double *a;      /* local piece of I - A, then its LU factors; ld = max(1, mloc) */
    int *ipiv;
    int desca[SCALAPACK_DLEN];
} dense;

static const int ZERO = 0, ONE = 1;

/* The process grid: nprow <= npcol, nprow the largest divisor of np not
 * above sqrt(np) (np = 2: 1 x 2, np = 4: 2 x 2). */
static void grid_shape(int np, int *nprow, int *npcol)
{
    int r = (int)sqrt((double)np);
    while (r > 1 && np % r != 0)
        r--;
    *nprow = r;
    *npcol = np / r;
}

/* Global index (0-based) of local index l in a dimension in blocks of nb
 * spread over nprocs processes, this one being iproc. */
static int global_index(int l, int nb, int iproc, int nprocs)
{
    return ((l / nb) * nprocs + iproc) * nb + l % nb;
}

/* The elements of a rows x cols column-major matrix that rank p holds,
 * in ScaLAPACK's local order.  MPI numbers the process grid row-major,
 * as Cblacs_gridinit(..., "Row", ...) does. */
static int darray_type(const dense *d, int p, int rows, int cols, MPI_Datatype *type)
{
    int gsizes[2] = {rows, cols};
    int distribs[2] = {MPI_DISTRIBUTE_CYCLIC, MPI_DISTRIBUTE_CYCLIC};
    int dargs[2] = {d->nb, d->nb};
    int psizes[2] = {d->nprow, d->npcol};
    if (MPI_Type_create_darray(d->np, p, 2, gsizes, distribs, dargs, psizes, MPI_ORDER_FORTRAN,
                               MPI_DOUBLE, type) != MPI_SUCCESS)
        return CLIO_EINVAL;
    return MPI_Type_commit(type) == MPI_SUCCESS ? CLIO_OK : CLIO_EINVAL;
}

/* Rank 0 sends every rank its piece of G (rows x cols, ld = rows);
 * each rank receives mloc * lcols values into local. */
static void scatter(const dense *d, const double *G, int rows, int cols, double *local,
                    int count)
{
    if (d->rank == 0) {
        for (int p = 0; p < d->np; p++) {
            MPI_Datatype type;
            if (darray_type(d, p, rows, cols, &type) != CLIO_OK)
                MPI_Abort(MPI_COMM_WORLD, CLIO_EINVAL); /* only with a broken MPI */
            if (p == 0)
                MPI_Sendrecv(G, 1, type, 0, 1, local, count, MPI_DOUBLE, 0, 1, MPI_COMM_WORLD,
                             MPI_STATUS_IGNORE);
            else
                MPI_Send(G, 1, type, p, 1, MPI_COMM_WORLD);
            MPI_Type_free(&type);
        }
    } else {
        MPI_Recv(local, count, MPI_DOUBLE, 0, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
}

/* The reverse: every rank's piece back into G on rank 0. */
static void gather(const dense *d, double *G, int rows, int cols, const double *local,
                   int count)
{
    if (d->rank == 0) {
        for (int p = 0; p < d->np; p++) {
            MPI_Datatype type;
            if (darray_type(d, p, rows, cols, &type) != CLIO_OK)
                MPI_Abort(MPI_COMM_WORLD, CLIO_EINVAL);
            if (p == 0)
                MPI_Sendrecv(local, count, MPI_DOUBLE, 0, 2, G, 1, type, 0, 2, MPI_COMM_WORLD,
                             MPI_STATUS_IGNORE);
            else
                MPI_Recv(G, 1, type, p, 2, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Type_free(&type);
        }
    } else {
        MPI_Send(local, count, MPI_DOUBLE, 0, 2, MPI_COMM_WORLD);
    }
}

/* Local Z -> local I - A: column j scaled by -1/x_j (0 when x_j = 0, as
 * the serial factor does), plus 1 on the diagonal. */
static void build_i_minus_a(dense *d, const double *x)
{
    int ld = d->mloc > 1 ? d->mloc : 1;
    for (int lj = 0; lj < d->nloc; lj++) {
        int gj = global_index(lj, d->nb, d->mycol, d->npcol);
        double scale = x[gj] != 0 ? -1.0 / x[gj] : 0.0;
        for (int li = 0; li < d->mloc; li++) {
            int gi = global_index(li, d->nb, d->myrow, d->nprow);
            double *v = &d->a[li + (size_t)lj * (size_t)ld];
            *v = *v * scale + (gi == gj ? 1.0 : 0.0);
        }
    }
}

/* rcond in the 1-norm from the factor (pdgecon), as the serial factor
 * reports it; -1 when ScaLAPACK cannot say. */
static double condition(dense *d, double anorm)
{
    int lwork = -1, liwork = -1, info = 0, iquery = 0;
    double wquery = 0, rcond = -1;
    pdgecon_("1", &d->n, d->a, &ONE, &ONE, d->desca, &anorm, &rcond, &wquery, &lwork, &iquery,
             &liwork, &info, 1);
    lwork = (int)wquery + 1;
    liwork = iquery + 1;
    double *work = malloc((size_t)lwork * sizeof *work);
    int *iwork = malloc((size_t)liwork * sizeof *iwork);
    int ok = work && iwork;
    if (mpi_agree(ok ? 0 : 1) == 0) {
        pdgecon_("1", &d->n, d->a, &ONE, &ONE, d->desca, &anorm, &rcond, work, &lwork, iwork,
                 &liwork, &info, 1);
        if (info != 0 || !isfinite(rcond))
            rcond = -1;
    }
    free(work);
    free(iwork);
    return rcond;
}

static void dense_free(void *state)
{
    dense *d = state;
    if (!d)
        return;
    free(d->a);
    free(d->ipiv);
    if (d->ctxt >= 0)
        Cblacs_gridexit(d->ctxt);
    free(d);
}

static int dense_solve(void *state, int transpose, int nrhs, double *B, clio_error *err)
{
    dense *d = state;
    if (d->n == 0 || nrhs == 0)
        return CLIO_OK;
    int nbloc = numroc_(&nrhs, &d->nb, &d->mycol, &ZERO, &d->npcol);
    int lld = d->mloc > 1 ? d->mloc : 1, info = 0;
    size_t count = (size_t)d->mloc * (size_t)nbloc;
    int status = count > INT_MAX ? CLIO_EDIM : CLIO_OK;
    double *b = status == CLIO_OK ? malloc((count ? count : 1) * sizeof *b) : NULL;
    if (status == CLIO_OK && !b)
        status = CLIO_ENOMEM;
    if ((status = mpi_agree(status)) != CLIO_OK) {
        free(b);
        return clioi_fail(err, status, "a rank has no memory for its %d right-hand sides", nrhs);
    }
    int descb[SCALAPACK_DLEN];
    descinit_(descb, &d->n, &nrhs, &d->nb, &d->nb, &ZERO, &ZERO, &d->ctxt, &lld, &info);
    scatter(d, B, d->n, nrhs, b, (int)count);
    if (info == 0)
        pdgetrs_(transpose ? "T" : "N", &d->n, &nrhs, d->a, &ONE, &ONE, d->desca, d->ipiv, b,
                 &ONE, &ONE, descb, &info, 1);
    gather(d, B, d->n, nrhs, b, (int)count);
    free(b);
    if (mpi_agree(info != 0) != 0)
        return clioi_fail(err, CLIO_EINVAL, "pdgetrs: argument %d invalid", -info);
    return CLIO_OK;
}

/* Name the sector of a zero pivot as the serial factor does. */
static int singular(const clio_table *t, int info, clio_error *err)
{
    if (!t)
        return CLIO_ESINGULAR;
    size_t j = (size_t)info - 1;
    return clioi_fail(err, CLIO_ESINGULAR,
                      "I - A is singular: no unique solution (zero pivot at sector '%s' in "
                      "region '%s'; its inputs are a combination of other sectors)",
                      t->sector_names[j], t->regions[t->sector_region[j]]);
}

int mpi_dense_open(const clio_table *t, int n, const mpi_options *o, mpi_solver *s,
                   clio_error *err)
{
    *s = (mpi_solver){.n = n, .rcond = -1, .solve = dense_solve, .free = dense_free};
    dense *d = calloc(1, sizeof *d);
    if (mpi_agree(d ? CLIO_OK : CLIO_ENOMEM) != CLIO_OK) {
        free(d);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    s->state = d;
    d->n = n;
    d->nb = o->block;
    MPI_Comm_rank(MPI_COMM_WORLD, &d->rank);
    MPI_Comm_size(MPI_COMM_WORLD, &d->np);
    grid_shape(d->np, &d->nprow, &d->npcol);
    Cblacs_get(-1, 0, &d->ctxt); /* the default system context: MPI_COMM_WORLD */
    Cblacs_gridinit(&d->ctxt, "Row", d->nprow, d->npcol);
    Cblacs_gridinfo(d->ctxt, &d->nprow, &d->npcol, &d->myrow, &d->mycol);
    if (n == 0)
        return CLIO_OK;
    d->mloc = numroc_(&n, &d->nb, &d->myrow, &ZERO, &d->nprow);
    d->nloc = numroc_(&n, &d->nb, &d->mycol, &ZERO, &d->npcol);
    size_t count = (size_t)d->mloc * (size_t)d->nloc;
    double *x = malloc((size_t)n * sizeof *x);
    d->a = malloc((count ? count : 1) * sizeof *d->a);
    d->ipiv = malloc((size_t)(d->mloc + d->nb) * sizeof *d->ipiv);
    int status = count > INT_MAX ? CLIO_EDIM : (!x || !d->a || !d->ipiv) ? CLIO_ENOMEM : CLIO_OK;
    if ((status = mpi_agree(status)) != CLIO_OK) {
        free(x);
        return clioi_fail(err, status, "a rank cannot hold its %d x %d piece of I - A",
                          d->mloc, d->nloc);
    }
    int lld = d->mloc > 1 ? d->mloc : 1, info = 0;
    descinit_(d->desca, &n, &n, &d->nb, &d->nb, &ZERO, &ZERO, &d->ctxt, &lld, &info);
    if (d->rank == 0)
        for (int i = 0; i < n; i++)
            x[i] = t->x[i];
    MPI_Bcast(x, n, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    scatter(d, t ? t->Z : NULL, n, n, d->a, (int)count);
    build_i_minus_a(d, x);
    free(x);

    double *work = malloc((size_t)(d->nloc > 1 ? d->nloc : 1) * sizeof *work);
    if (mpi_agree(work ? CLIO_OK : CLIO_ENOMEM) != CLIO_OK) {
        free(work);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    }
    double anorm = pdlange_("1", &n, &n, d->a, &ONE, &ONE, d->desca, work, 1);
    free(work);
    pdgetrf_(&n, &n, d->a, &ONE, &ONE, d->desca, d->ipiv, &info);
    /* The first zero pivot over all ranks (INT_MAX: none). */
    int first = info > 0 ? info : INT_MAX, any_first = INT_MAX, bad = info < 0;
    MPI_Allreduce(&first, &any_first, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
    if (mpi_agree(bad))
        return clioi_fail(err, CLIO_EINVAL, "pdgetrf: argument %d invalid", -info);
    if (any_first != INT_MAX)
        return singular(t, any_first, err);
    s->rcond = condition(d, anorm);
    return CLIO_OK;
}
