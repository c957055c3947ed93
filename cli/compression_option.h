/* compression_option.h -- the shared --compression option (cli.h): how
 * NetCDF matrices and results are stored (clio_netcdf_set_compression). */
#ifndef CLIO_CLI_COMPRESSION_OPTION_H
#define CLIO_CLI_COMPRESSION_OPTION_H

#include "cli.h"

/* compression_option_parse -- handle --compression: 1 handled (the setting
 * is made), 0 not ours, -1 bad value (message printed). */
int compression_option_parse(int opt, const char *arg, const char *command);

#endif
