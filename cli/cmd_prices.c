/* cmd_prices.c -- placeholder: `clio prices` is being built (issue 3). */
#include "cli.h"

int cmd_prices(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, "clio prices: not built yet\n");
    return CLI_EXIT_USAGE;
}
