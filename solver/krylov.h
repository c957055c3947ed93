/* krylov.h -- the sizes of the lockstep GMRES (iterative_krylov.c), shared
 * with the memory estimate (strategy.c). */
#ifndef CLIO_SOLVER_KRYLOV_H
#define CLIO_SOLVER_KRYLOV_H

#include <stddef.h>

/* GMRES(m): the restart length (the factor's `restart` is capped to it). */
#define KRYLOV_RESTART 30
/* Right-hand sides advancing together: beyond ~16-32 columns a product is
 * compute-bound (PERFORMANCE.md), so wider blocks buy little. */
#define KRYLOV_BLOCK 32
/* Work the block may hold, in bytes: caps the width when n is large (one
 * column still runs whatever n). */
#define KRYLOV_WORK_BYTES (256.0 * 1024 * 1024)

/* clioi_krylov_width -- how many columns run together for nrhs right-hand
 * sides of size n; the solve's work is then about
 * 8 (m + 5) n width bytes, m = min(n, KRYLOV_RESTART). */
size_t clioi_krylov_width(size_t n, size_t nrhs);

#endif
