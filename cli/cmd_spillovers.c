/* cmd_spillovers.c -- placeholder: `clio spillovers` is being built (issue 3). */
#include "cli.h"

int cmd_spillovers(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "clio spillovers: not built yet\n");
    return CLI_EXIT_USAGE;
}
