/* shared_value.h -- internals of the shared-value scorecard, shared by
 * its files only:
 *
 *   shared_value.c          the scorecard object and its criteria, from
 *                           per-option changes of every account
 *   shared_value_options.c  the options: scenarios of a file, or a unit
 *                           of demand per cluster
 *   shared_value_rank.c     weights, min-max normalisation, ranking, Pareto
 *   shared_value_weights.c  the weights CSV
 *   shared_value_write.c    text and CSV writers
 *   shared_value_netcdf.c   the NetCDF writer
 *
 * Not installed; prefixed clioi_sv_. */
#ifndef CLIOI_SHARED_VALUE_H
#define CLIOI_SHARED_VALUE_H

#include "clioi.h"

/* What the options changed: for option o, sector i and account a (0
 * output, 1 .. nva the V rows, then the satellites, as clio_result),
 * delta[i + n * (a + na * o)]; target[r + nregions * o] marks the regions
 * the option's demand goes to. */
typedef struct clioi_sv_changes {
    size_t n, na, noptions;
    char **names;         /* noptions */
    char **descriptions;  /* noptions, entries may be NULL */
    double *cost;         /* noptions, NaN: none */
    double *delta;
    unsigned char *target;
} clioi_sv_changes;

int clioi_sv_changes_alloc(clioi_sv_changes *c, const clio_table *t, size_t noptions);
void clioi_sv_changes_free(clioi_sv_changes *c);

/* clioi_sv_build -- the scorecard's criteria from the changes. */
int clioi_sv_build(const clio_table *t, const clioi_sv_changes *c,
                   const clio_scorecard_options *o, clio_scorecard **out, clio_error *err);

#endif
