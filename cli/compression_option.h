/* compression_option.h -- --compression of the commands that write table
 * files (generate, import, export): how NetCDF matrices are stored
 * (clio_netcdf_set_compression; id 710). */
#ifndef CLIO_CLI_COMPRESSION_OPTION_H
#define CLIO_CLI_COMPRESSION_OPTION_H

#include "cli.h"

enum { OPT_COMPRESSION = 710 };

#define COMPRESSION_OPTION {"compression", required_argument, 0, OPT_COMPRESSION}

#define COMPRESSION_HELP                                                                  \
    "  --compression C   NetCDF matrices: auto (default: deflate level 1 from 64 MiB,\n" \
    "                    smaller ones plain), none (plain: fastest to read, largest),\n" \
    "                    or a deflate level 1-9 for every matrix (docs/formats.md)\n"

/* compression_option_parse -- handle --compression: 1 handled (the setting
 * is made), 0 not ours, -1 bad value (message printed). */
int compression_option_parse(int opt, const char *arg, const char *command);

#endif
