/* cmd_extract.c -- placeholder: `clio extract` is being built (issue 3). */
#include "cli.h"

int cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "clio extract: not built yet\n");
    return CLI_EXIT_USAGE;
}
