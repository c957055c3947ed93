/* cmd_footprint.c -- placeholder: `clio footprint` is being built (issue 3). */
#include "cli.h"

int cmd_footprint(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "clio footprint: not built yet\n");
    return CLI_EXIT_USAGE;
}
