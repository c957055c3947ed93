/* threads.c -- how many threads the numerical core may use.  OpenBLAS is
 * the only parallel code in clio (the project's own loops are serial), so
 * one setting is OpenBLAS's.  Debian's OpenBLAS exports these two functions;
 * they are declared here rather than taken from a cblas.h, which differs
 * between BLAS builds. */
#include "clioi.h"

void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);

int clio_threads_set(int n)
{
    if (n < 1)
        return CLIO_EINVAL;
    openblas_set_num_threads(n);
    return CLIO_OK;
}

int clio_threads_get(void)
{
    return openblas_get_num_threads();
}
