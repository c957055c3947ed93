/* sparse_none.c -- --method petsc in a build without PETSc (make mpi
 * found no `pkg-config petsc`): every rank refuses alike. */
#include "clio_mpi.h"

int mpi_sparse_open(const clio_table *t, int n, const mpi_options *o, mpi_solver *s,
                    clio_error *err)
{
    (void)t;
    (void)n;
    (void)o;
    *s = (mpi_solver){0};
    return clioi_fail(err, CLIO_EINVAL,
                      "this clio-mpi was built without PETSc: use --method scalapack, or "
                      "install libpetsc-real-dev and run make mpi again");
}

int mpi_sparse_available(void) { return 0; }
