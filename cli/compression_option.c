/* compression_option.c -- parsing of --compression auto|none|0..9. */
#include "compression_option.h"

#include <stdio.h>
#include <string.h>

int compression_option_parse(int opt, const char *arg, const char *command)
{
    if (opt != OPT_COMPRESSION)
        return 0;
    int level = -2;
    if (strcmp(arg, "auto") == 0)
        level = CLIO_NETCDF_COMPRESSION_AUTO;
    else if (strcmp(arg, "none") == 0)
        level = 0;
    else if (arg[0] >= '0' && arg[0] <= '9' && arg[1] == '\0')
        level = arg[0] - '0';
    if (level == -2 || clio_netcdf_set_compression(level) != CLIO_OK) {
        fprintf(stderr,
                "clio %s: error: bad value '%s' for --compression (auto, none, or a deflate "
                "level 1 to 9)\n",
                command, arg);
        return -1;
    }
    return 1;
}
