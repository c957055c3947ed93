/* provenance.h -- what tables/provenance.c keeps for the NetCDF writers
 * (tables/netcdf_common.c): the recorded command line and inputs, and the
 * date files are stamped with.  Internal: clioi_ prefix, not exported. */
#ifndef CLIO_PROVENANCE_H
#define CLIO_PROVENANCE_H

#include "clioi.h"

#include <stdatomic.h>

/* "YYYY-MM-DDTHH:MM:SSZ" and its NUL */
#define CLIOI_DATE_LEN 21

/* The texts given to clio_provenance_set, or NULL; the inputs wait for
 * the hashing clio_provenance_set_files started. */
const char *clioi_provenance_command(void);
const char *clioi_provenance_inputs(void);

/* clioi_sha256_until -- clio_sha256_file, given up (CLIO_EIO) once *stop
 * is set (stop may be NULL). */
int clioi_sha256_until(const char *path, char hex[65], unsigned long long *bytes,
                       atomic_int *stop, clio_error *err);

/* The inputs' "HEX  PATH  BYTES" lines, computed by a background thread
 * (provenance_hash.c).  clioi_hash_start copies the paths and starts it
 * (hashing at once when no thread can be made): CLIO_OK or CLIO_ENOMEM.
 * clioi_hash_finish waits for it, or stops it first when `stop`, and
 * returns the text (the caller frees it; NULL when stopped, out of memory
 * or nothing could be hashed) and frees the job. */
typedef struct clioi_hash_job clioi_hash_job;
int clioi_hash_start(const char *const *paths, size_t count, clioi_hash_job **job);
char *clioi_hash_finish(clioi_hash_job *job, int stop);

/* clioi_provenance_date -- now (or SOURCE_DATE_EPOCH) in ISO 8601 UTC. */
void clioi_provenance_date(char buf[CLIOI_DATE_LEN]);

#endif
