/* cmd_ghosh.c -- placeholder: `clio ghosh` is being built (issue 3). */
#include "cli.h"

int cmd_ghosh(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "clio ghosh: not built yet\n");
    return CLI_EXIT_USAGE;
}
