/* cmd_linkages.c -- placeholder: `clio linkages` is being built (issue 3). */
#include "cli.h"

int cmd_linkages(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "clio linkages: not built yet\n");
    return CLI_EXIT_USAGE;
}
