/* cmd_generate.c -- `clio generate --regions R --sectors S [--seed N]
 * [--fd-categories K] [--satellites M] [--sparse [--nonzeros-per-column K]]
 * -o OUT.nc`: a reproducible synthetic multi-regional table of any size,
 * written straight to NetCDF (clio_generate; the model is in
 * docs/generate.md). */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>

enum { OPT_REGIONS = 500, OPT_SECTORS, OPT_SEED, OPT_FD_CATEGORIES, OPT_SATELLITES,
       OPT_NONZEROS, OPT_SPARSE };

#define DEFAULT_NONZEROS 20 /* entries a column of a sparse table (--sparse) */

typedef struct generate_args {
    cli_common *o;
    clio_generate_options g;
    size_t nonzeros; /* --nonzeros-per-column: entries a column (0: dense) */
    int have_regions, have_sectors, sparse;
} generate_args;

/* parse_count -- a whole decimal number; digits only (no sign, no blanks). */
static int parse_count(const cli_common *o, const char *name, const char *arg,
                       unsigned long long *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (*arg < '0' || *arg > '9' || *end != '\0' || errno) {
        fprintf(stderr, "clio %s: %s needs a whole number, not '%s'\n", o->command, name, arg);
        return -1;
    }
    *out = v;
    return 0;
}

static int on_option(void *ctx, int opt, const char *arg)
{
    generate_args *a = ctx;
    static const char *const names[] = {"--regions", "--sectors", "--seed", "--fd-categories",
                                        "--satellites", "--nonzeros-per-column"};
    if (opt == OPT_SPARSE) {
        a->sparse = 1;
        return 1;
    }
    if (opt < OPT_REGIONS || opt > OPT_NONZEROS)
        return 0;
    unsigned long long v;
    if (parse_count(a->o, names[opt - OPT_REGIONS], arg, &v) != 0)
        return -1;
    if (opt != OPT_SEED && v > (size_t)-1) {
        fprintf(stderr, "clio %s: %s %s is too large\n", a->o->command,
                names[opt - OPT_REGIONS], arg);
        return -1;
    }
    switch (opt) {
    case OPT_REGIONS: a->g.regions = (size_t)v, a->have_regions = 1; break;
    case OPT_SECTORS: a->g.sectors = (size_t)v, a->have_sectors = 1; break;
    case OPT_SEED: a->g.seed = v; break;
    case OPT_FD_CATEGORIES: a->g.fd_categories = (size_t)v; break;
    case OPT_NONZEROS:
        if (v == 0) {
            fprintf(stderr, "clio %s: --nonzeros-per-column needs at least 1\n", a->o->command);
            return -1;
        }
        a->nonzeros = (size_t)v;
        break;
    default: a->g.satellites = (size_t)v; break;
    }
    return 1;
}

int cmd_generate(int argc, char **argv)
{
    static const char usage[] = "clio generate --regions R --sectors S [--seed N] "
                                "[--fd-categories K] [--satellites M] [--sparse "
                                "[--nonzeros-per-column K]] -o OUT.nc";
    static const char help[] =
        "Write a reproducible synthetic multi-regional input-output table of R regions\n"
        "x S sectors to OUT.nc (a clio NetCDF table), at any size: Z is made and\n"
        "written a few columns at a time, never held whole.  Dense domestic blocks,\n"
        "sparse trade blocks thinning with distance, coefficient column sums in\n"
        "[0.3, 0.7], heavy-tailed sector sizes, value added and final demand closing\n"
        "the balances, satellites (employment, co2, energy, water, land, materials,\n"
        "...) as intensities times output.  The model: docs/generate.md.\n"
        "  --regions R         regions (at least 1)\n"
        "  --sectors S         sectors per region (at least 1); n = R x S\n"
        "  --seed N            the same seed gives the same table (default 1)\n"
        "  --fd-categories K   final-demand columns per region (default 5, WIOD's)\n"
        "  --satellites M      satellite accounts (default 2: employment, co2)\n"
        "  --sparse            Z sparse (CSC in the file): each column has K entries\n"
        "                      (its own sector, suppliers at home, a few imports)\n"
        "                      instead of dense domestic blocks; memory O(n K), for\n"
        "                      sub-national MRIOs of 100,000 sectors and more\n"
        "  --nonzeros-per-column K   entries a column of a sparse table (default 20;\n"
        "                      implies --sparse)\n";
    static const struct option extra[] = {
        {"regions", required_argument, 0, OPT_REGIONS},
        {"sectors", required_argument, 0, OPT_SECTORS},
        {"seed", required_argument, 0, OPT_SEED},
        {"fd-categories", required_argument, 0, OPT_FD_CATEGORIES},
        {"sparse", no_argument, 0, OPT_SPARSE},
        {"nonzeros-per-column", required_argument, 0, OPT_NONZEROS},
        {0, 0, 0, 0}};
    cli_common o = {.command = "generate", .sparse_ok = 1};
    generate_args a = {.o = &o, .g = {.seed = 1, .fd_categories = 5, .satellites = 2}};
    int first;
    int rc = cli_parse(&o, argc, argv, extra, on_option, &a, usage, help, &first);
    if (rc)
        return rc == -2 ? 0 : rc;
    /* --satellites is also a shared option (a matrix-set file name), which
     * getopt_long matches first; generate reads no table, so it is M here. */
    if (o.files.satellites && on_option(&a, OPT_SATELLITES, o.files.satellites) < 0)
        return CLI_EXIT_USAGE;
    if (first != argc)
        return cli_usage_error(&o, usage, "unexpected argument '%s'", argv[first]);
    if (!a.have_regions || !a.have_sectors)
        return cli_usage_error(&o, usage, "--regions and --sectors are required");
    if (!o.output)
        return cli_usage_error(&o, usage, "-o OUT.nc is required");

    if (a.sparse && !a.nonzeros)
        a.nonzeros = DEFAULT_NONZEROS;
    clio_error err = {0};
    double t0 = cli_now();
    int status = a.nonzeros ? clio_generate_sparse(&a.g, a.nonzeros, o.output, &err)
                            : clio_generate(&a.g, o.output, &err);
    if (status != CLIO_OK)
        return cli_error(&o, status, &err);
    cli_timing(&o, "generate", cli_now() - t0);
    if (!o.quiet)
        fprintf(stderr, "clio generate: wrote %s: %zu regions x %zu sectors = %zu sectors%s\n",
                o.output, a.g.regions, a.g.sectors, a.g.regions * a.g.sectors,
                a.nonzeros ? ", Z sparse" : "");
    return CLIO_OK;
}
