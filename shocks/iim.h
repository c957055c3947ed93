/* iim.h -- internals shared by the inoperability model's files
 * (shocks/iim*.c; docs/methods-iim.md). */
#ifndef CLIO_SHOCKS_IIM_H
#define CLIO_SHOCKS_IIM_H

#include "clioi.h"

/* clioi_iim_supply_interdependency -- the supply-side interdependency
 * matrix A*s = A' with A = Z xhat^-1, i.e. a*s_ij = z_ji / x_i (zero for
 * zero-output sectors), into As (n x n, ld lda).  Z and x must be finite
 * and non-negative: CLIO_EVALUE names the entry otherwise. */
int clioi_iim_supply_interdependency(size_t n, const double *Z, size_t ldz, const double *x,
                                     double *As, size_t lda, clio_error *err);

/* clioi_iim_check_matrix -- A* (n x n, ld lda) finite and non-negative;
 * CLIO_EVALUE naming row and column (1-based) otherwise. */
int clioi_iim_check_matrix(size_t n, const double *Astar, size_t lda, clio_error *err);

/* clioi_iim_check_shares -- v (n) finite and in [0, 1]; CLIO_EVALUE
 * naming `what` and the sector (1-based) otherwise. */
int clioi_iim_check_shares(size_t n, const double *v, const char *what, clio_error *err);

/* clioi_iim_netcdf_static / _dynamic -- the NetCDF forms of
 * clio_iim_static_save and clio_iim_dynamic_save (iim_netcdf.c). */
int clioi_iim_netcdf_static(const clio_iim_system *s, const double *q, const char *path,
                            clio_error *err);
int clioi_iim_netcdf_dynamic(const clio_iim_system *s, size_t nsteps, const double *q,
                             size_t ldq, const double *cum, const char *path, clio_error *err);

#endif
