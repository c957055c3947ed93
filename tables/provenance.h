/* provenance.h -- what tables/provenance.c keeps for the NetCDF writers
 * (tables/netcdf_common.c): the recorded command line and inputs, and the
 * date files are stamped with.  Internal: clioi_ prefix, not exported. */
#ifndef CLIO_PROVENANCE_H
#define CLIO_PROVENANCE_H

#include "clioi.h"

/* "YYYY-MM-DDTHH:MM:SSZ" and its NUL */
#define CLIOI_DATE_LEN 21

/* The texts given to clio_provenance_set, or NULL. */
const char *clioi_provenance_command(void);
const char *clioi_provenance_inputs(void);

/* clioi_provenance_date -- now (or SOURCE_DATE_EPOCH) in ISO 8601 UTC. */
void clioi_provenance_date(char buf[CLIOI_DATE_LEN]);

#endif
