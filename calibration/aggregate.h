/* aggregate.h -- what clio_aggregate's two files share: the plan, i.e.
 * where every sector, region and final-demand column of the old table goes
 * in the new one.  Internal to calibration/aggregate*.c. */
#ifndef CLIO_CALIBRATION_AGGREGATE_H
#define CLIO_CALIBRATION_AGGREGATE_H

#include "clioi.h"

typedef struct clioi_aggregate_plan {
    /* regions: old region r goes to new region region_to[r] */
    size_t nregions;
    size_t *region_to;
    const char **region_names; /* nregions new names (borrowed) */

    /* sectors: old sector i goes to new sector sector_to[i], which lies in
     * new region sector_region[k] and is named sector_names[k] */
    size_t n;
    size_t *sector_to;
    size_t *sector_region;
    const char **sector_names; /* n (borrowed) */

    /* final demand: old column k goes to new column fd_to[k] */
    size_t nfd;
    size_t *fd_to;
    size_t *fd_region;     /* new region, or CLIO_NONE */
    const char **fd_names; /* borrowed */

    /* sector names of an identity sector mapping (owned pointers array,
     * borrowed strings) */
    char **own_names;
} clioi_aggregate_plan;

/* clioi_aggregate_plan_build -- map t's labels through the concordances (either
 * NULL: identity); new labels in order of first appearance in t.  Labels
 * are borrowed from t and the concordances: keep them alive. */
int clioi_aggregate_plan_build(const clio_table *t, const clio_concordance *sectors,
                               const clio_concordance *regions, clioi_aggregate_plan *p,
                               clio_error *err);
void clioi_aggregate_plan_free(clioi_aggregate_plan *p);

/* clioi_aggregate_check_labels -- Z present and every label that will be copied
 * or mapped present (CLIO_EINVAL, CLIO_ELABEL). */
int clioi_aggregate_check_labels(const clio_table *t, clio_error *err);
/* clioi_aggregate_copy_accounts -- copy to a the names of t's value-added rows
 * and satellites (with units) and its title, unit and source; a has the
 * same nva and nsat.  CLIO_ENOMEM on failure. */
int clioi_aggregate_copy_accounts(clio_table *a, const clio_table *t);

#endif
