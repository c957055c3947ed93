/* main.c -- `clio-mpi multipliers|impact TABLE ...`: clio's multipliers and
 * impacts solved across MPI ranks (docs/mpi.md).  Every rank parses the
 * same command line, so usage errors end every rank alike (status 64)
 * without any communication. */
#include "clio_mpi.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_USAGE 64

static const char usage[] =
    "clio-mpi multipliers TABLE [--method scalapack|petsc] [--format text|csv] [-o OUT]\n"
    "       clio-mpi impact TABLE --demand CHANGES.csv [--method scalapack|petsc] [...]\n"
    "       options: [--block NB] [--ksp-rtol R] [-q] [-v]";

static const char help[] =
    "Type I multipliers (as `clio multipliers`) or the impact of a final-demand\n"
    "change (as `clio impact`), solved across the ranks of an MPI job:\n"
    "  mpirun -np 4 clio-mpi multipliers table.nc -o multipliers.nc\n"
    "Rank 0 reads TABLE (NetCDF or matrix-set folder) and writes the result;\n"
    "--method scalapack (default) factors I - A once with ScaLAPACK's dense LU\n"
    "on a block-cyclic grid (--block NB, default 64); --method petsc solves the\n"
    "sparse system with PETSc GMRES, block Jacobi + ILU(0), to the relative\n"
    "residual --ksp-rtol (default 1e-15; the true residual must end below\n"
    "max(100 x that, 1e-12)).  -o saves NetCDF (.nc) or CSV; otherwise the\n"
    "result goes to stdout as text or (--format csv) tidy CSV.\n"
    "-q: no stdout when -o is given, no warnings; -v: timings of each phase.\n"
    "Exit status: clio's (2-13), 64 for usage errors.  See docs/mpi.md.";

static int usage_error(int rank, const char *fmt, const char *arg)
{
    if (rank == 0) {
        fprintf(stderr, "clio-mpi: ");
        fprintf(stderr, fmt, arg);
        fprintf(stderr, "\nusage: %s\n", usage);
    }
    return EXIT_USAGE;
}

static int print_help(int rank)
{
    if (rank == 0)
        printf("usage: %s\n\n%s\nThis build: --method petsc %s.\n", usage, help,
               mpi_sparse_available() ? "available" : "not available (built without PETSc)");
    return -2;
}

enum { OPT_METHOD = 256, OPT_FORMAT, OPT_DEMAND, OPT_BLOCK, OPT_KSP_RTOL, OPT_HELP };

/* Returns 0, EXIT_USAGE, or -2 after --help. */
static int parse(int argc, char **argv, int rank, mpi_options *o)
{
    static const struct option opts[] = {{"method", required_argument, 0, OPT_METHOD},
                                         {"format", required_argument, 0, OPT_FORMAT},
                                         {"demand", required_argument, 0, OPT_DEMAND},
                                         {"block", required_argument, 0, OPT_BLOCK},
                                         {"ksp-rtol", required_argument, 0, OPT_KSP_RTOL},
                                         {"output", required_argument, 0, 'o'},
                                         {"quiet", no_argument, 0, 'q'},
                                         {"verbose", no_argument, 0, 'v'},
                                         {"help", no_argument, 0, OPT_HELP},
                                         {0, 0, 0, 0}};
    *o = (mpi_options){.method = "scalapack", .format = "text", .block = 64, .ksp_rtol = 1e-15};
    if (argc < 2)
        return usage_error(rank, "%s", "a command is needed");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return print_help(rank);
    o->command = argv[1];
    if (strcmp(o->command, "multipliers") != 0 && strcmp(o->command, "impact") != 0)
        return usage_error(rank, "unknown command '%s'", o->command);
    optind = 2;
    opterr = 0;
    int c;
    char *end;
    while ((c = getopt_long(argc, argv, "o:qv", opts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 'q': o->quiet = 1; break;
        case 'v': o->verbose = 1; break;
        case OPT_DEMAND: o->demand = optarg; break;
        case OPT_METHOD:
            if (strcmp(optarg, "scalapack") != 0 && strcmp(optarg, "petsc") != 0)
                return usage_error(rank, "--method must be 'scalapack' or 'petsc', not '%s'",
                                   optarg);
            o->method = optarg;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "text") != 0 && strcmp(optarg, "csv") != 0)
                return usage_error(rank, "--format must be 'text' or 'csv', not '%s'", optarg);
            o->format = optarg;
            break;
        case OPT_BLOCK: {
            long v = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || v < 1 || v > 4096)
                return usage_error(rank, "--block needs a whole number from 1 to 4096, not '%s'",
                                   optarg);
            o->block = (int)v;
            break;
        }
        case OPT_KSP_RTOL:
            o->ksp_rtol = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(o->ksp_rtol > 0 && o->ksp_rtol < 1))
                return usage_error(rank, "--ksp-rtol needs a number between 0 and 1, not '%s'",
                                   optarg);
            break;
        case OPT_HELP: return print_help(rank);
        default:
            return usage_error(rank, "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return usage_error(rank, "%s", optind < argc ? "one TABLE only" : "a TABLE is needed");
    o->table = argv[optind];
    if (strcmp(o->command, "impact") == 0 && !o->demand)
        return usage_error(rank, "%s", "impact needs --demand CHANGES.csv");
    if (strcmp(o->command, "multipliers") == 0 && o->demand)
        return usage_error(rank, "%s", "--demand is for impact only");
    return 0;
}

/* The command line, for the provenance of NetCDF outputs. */
static void record_provenance(int argc, char **argv)
{
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *line = malloc(len);
    if (!line)
        return;
    line[0] = '\0';
    for (int i = 0; i < argc; i++) {
        strcat(line, i ? " " : "");
        strcat(line, i ? argv[i] : "clio-mpi");
    }
    (void)clio_provenance_set(line, NULL); /* without it, files just say clio made them */
    free(line);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank = mpi_rank();
    mpi_options o;
    if (rank == 0)
        record_provenance(argc, argv); /* before getopt_long reorders argv */
    int status = parse(argc, argv, rank, &o);
    if (status == 0) {
        status = strcmp(o.command, "impact") == 0 ? mpi_cmd_impact(&o) : mpi_cmd_multipliers(&o);
    } else if (status == -2) {
        status = 0;
    }
    MPI_Finalize();
    return status;
}
