/* test_pymrio.c -- pymrio text folders: a small table written with
 * clio_table_write_pymrio and read back with clio_table_read_pymrio (every
 * number exactly, labels, units, extensions as satellites or as V), and
 * every error path on purpose, each on a written folder with one file
 * changed: a missing file_parameters.json entry, bad JSON, Z and x of
 * different shapes, Y's row labels differing from Z's, NaN, an unknown
 * table in an extension, a listed file missing, mixed monetary units, an
 * unreadable folder; writing never leaves a half folder behind. */
#include "clio.h"
#include "tap.h"

#include <errno.h>

/* Two regions x two sectors, one V row, three satellites (two in
 * extension "emissions" with compartments, one without a prefix), SY. */
static clio_table *small_table(void)
{
    clio_table *t = clio_table_alloc(2, 4, 3, 1, 3);
    const char *regions[] = {"north", "south"}, *sectors[] = {"farm", "mill"};
    for (size_t r = 0; r < 2; r++)
        clio_table_set_label(t, CLIO_LABEL_REGION, r, regions[r]);
    for (size_t i = 0; i < 4; i++) {
        t->sector_region[i] = i / 2;
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, sectors[i % 2]);
    }
    const char *fd[] = {"households", "government", "households"};
    for (size_t k = 0; k < 3; k++) {
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, k, fd[k]);
        t->fd_region[k] = k < 2 ? 0 : 1;
    }
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 4; j++)
            t->Z[i + j * 4] = (double)(1 + i + 3 * j) / 7.0; /* not short decimals */
    for (size_t i = 0; i < 4; i++) {
        double row = 0;
        for (size_t j = 0; j < 4; j++)
            row += t->Z[i + j * 4];
        for (size_t k = 0; k < 3; k++)
            row += t->Y[i + k * 4] = 10.0 + (double)(i * 3 + k) * 0.1;
        t->x[i] = row;
    }
    for (size_t j = 0; j < 4; j++) {
        double col = 0;
        for (size_t i = 0; i < 4; i++)
            col += t->Z[i + j * 4];
        t->V[j] = t->x[j] - col;
    }
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "value added");
    const char *sats[] = {"emissions:CO2|air", "emissions:CH4|air", "jobs"};
    const char *units[] = {"kg", "kg", "persons"};
    for (size_t s = 0; s < 3; s++) {
        clio_table_set_label(t, CLIO_LABEL_SATELLITE, s, sats[s]);
        clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, s, units[s]);
        for (size_t j = 0; j < 4; j++)
            t->S[s + j * 3] = 1e-3 * (double)(s + 1) * (double)(j + 2) / 3.0;
        for (size_t k = 0; k < 3; k++)
            t->SY[s + k * 3] = s == 2 ? 0 : 0.5 * (double)(k + 1) + (double)s;
    }
    t->unit = strdup("EUR million");
    t->title = strdup("two regions");
    return t;
}

static int same_numbers(const double *a, const double *b, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static char *path_in(const char *dir, const char *name)
{
    static char buf[512];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

/* Replace the first `old` by `new` in the file at path. */
static void edit(const char *path, const char *old, const char *new)
{
    FILE *fp = fopen(path, "r");
    static char text[1 << 16];
    size_t n = fp ? fread(text, 1, sizeof text - 1, fp) : 0;
    if (fp)
        fclose(fp);
    text[n] = '\0';
    char *at = strstr(text, old);
    if (!at) {
        printf("Bail out! '%s' not in %s\n", old, path);
        exit(2);
    }
    static char out[1 << 16];
    snprintf(out, sizeof out, "%.*s%s%s", (int)(at - text), text, new, at + strlen(old));
    tap_write_text(path, out);
}

/* A fresh folder written from the small table, for one error case. */
static const char *fresh(const clio_table *t, const char *name)
{
    static char dir[256];
    snprintf(dir, sizeof dir, "%s/%s", tap_dir, name);
    clio_error err = {0};
    if (clio_table_write_pymrio(t, dir, &err) != CLIO_OK) {
        printf("Bail out! %s\n", err.message);
        exit(2);
    }
    return dir;
}

static void expect_error(const char *dir, int want, const char *needle, const char *what)
{
    clio_table *got = NULL;
    clio_error err = {0};
    int status = clio_table_read_pymrio(dir, NULL, &got, &err);
    tap_status(status, want, err.message, needle, what);
    tap_ok(got == NULL, "%s: no table comes back", what);
    clio_table_free(got);
}

/* Entries of dir other than . and .. whose name starts with prefix. */
static int count_entries(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0 && strcmp(e->d_name, ".") != 0 &&
             strcmp(e->d_name, "..") != 0;
    if (d)
        closedir(d);
    return n;
}

static void round_trip(const clio_table *t)
{
    const char *dir = fresh(t, "rt");
    tap_ok(clio_is_pymrio_folder(dir), "the written folder is recognised as pymrio");
    struct stat st;
    const char *files[] = {"file_parameters.json", "metadata.json", "Z.txt", "Y.txt", "x.txt",
                           "unit.txt", "emissions/F.txt", "emissions/F_Y.txt",
                           "emissions/unit.txt", "satellites/F.txt", "factor_inputs/F.txt"};
    int all = 1;
    for (size_t k = 0; k < sizeof files / sizeof *files; k++)
        all &= stat(path_in(dir, files[k]), &st) == 0;
    tap_ok(all, "Z, Y, x, unit, metadata and extension folders emissions, satellites, "
                "factor_inputs written");
    tap_ok(count_entries(tap_dir, "rt.") == 0, "no temporary folder left beside it");

    clio_pymrio_options opts = {.value_added = "factor_inputs"};
    clio_table *u = NULL;
    clio_error err = {0};
    int status = clio_table_read_pymrio(dir, &opts, &u, &err);
    if (!tap_ok(status == CLIO_OK, "read back with factor_inputs as value added"))
        tap_diag("%s", err.message);
    if (!u)
        return;
    tap_ok(u->n == 4 && u->nregions == 2 && u->nfd == 3 && u->nva == 1 && u->nsat == 3,
           "shape: 4 sectors, 2 regions, 3 final-demand, 1 V row, 3 satellites");
    tap_ok(same_numbers(u->Z, t->Z, 16) && same_numbers(u->Y, t->Y, 12) &&
               same_numbers(u->x, t->x, 4) && same_numbers(u->V, t->V, 4),
           "Z, Y, x and V read back to the same doubles");
    int labels = strcmp(u->regions[1], "south") == 0 && strcmp(u->sector_names[3], "mill") == 0 &&
                 u->sector_region[3] == 1 && strcmp(u->fd_names[1], "government") == 0 &&
                 u->fd_region[2] == 1 && strcmp(u->va_names[0], "value added") == 0 &&
                 strcmp(u->unit, "EUR million") == 0;
    tap_ok(labels, "regions, sectors, final-demand columns, V name and monetary unit kept");
    /* Extensions come back in folder order: emissions, then satellites. */
    const char *want[] = {"emissions:CO2|air", "emissions:CH4|air", "satellites:jobs"};
    int sats = 1;
    for (size_t s = 0; s < 3; s++) {
        size_t from = s < 2 ? s : 2;
        sats &= strcmp(u->sat_names[s], want[s]) == 0 &&
                strcmp(u->sat_units[s], t->sat_units[from]) == 0;
        for (size_t j = 0; j < 4; j++)
            sats &= u->S[s + j * 3] == t->S[from + j * 3];
        for (size_t k = 0; k < 3; k++)
            sats &= u->SY[s + k * 3] == t->SY[from + k * 3];
    }
    tap_ok(sats, "satellites named EXTENSION:stressor|compartment, units, S and SY exact");
    clio_table_free(u);

    status = clio_table_read_pymrio(dir, NULL, &u, &err);
    tap_ok(status == CLIO_OK && u->nva == 0 && u->nsat == 4 &&
               strcmp(u->sat_names[2], "factor_inputs:value added") == 0 &&
               strcmp(u->sat_units[2], "EUR million") == 0,
           "by default factor_inputs stays a satellite account, in the monetary unit");
    clio_table_free(u);

    status = clio_table_read(dir, &u, &err);
    tap_ok(status == CLIO_OK && u && u->nsat == 4, "clio_table_read detects the pymrio folder");
    clio_table_free(u);

    /* Writing again replaces the folder whole. */
    status = clio_table_write_pymrio(t, dir, &err);
    tap_ok(status == CLIO_OK && count_entries(tap_dir, "rt.") == 0,
           "an existing pymrio folder is replaced, nothing left beside it");
}

static void read_errors(const clio_table *t)
{
    const char *d = fresh(t, "nr_header");
    edit(path_in(d, "file_parameters.json"), "\"nr_header\":\t\"2\"", "\"nr_headr\":\t\"2\"");
    expect_error(d, CLIO_EFORMAT, "nr_header", "a files entry without nr_header");

    d = fresh(t, "no_Y");
    edit(path_in(d, "file_parameters.json"), "\"Y\":", "\"Q\":");
    expect_error(d, CLIO_EFORMAT, "unknown table 'Q'", "an unknown table in the root");

    d = fresh(t, "badjson");
    edit(path_in(d, "file_parameters.json"), "\"files\":", "\"files\"");
    expect_error(d, CLIO_EFORMAT, "file_parameters.json:2: not valid JSON", "invalid JSON (with its line)");

    d = fresh(t, "shape");
    edit(path_in(d, "x.txt"), "south\tmill", "south\tmill2");
    expect_error(d, CLIO_ELABEL, "x.txt:5", "x's row labels differ from Z's (file:line)");
    d = fresh(t, "shape2");
    tap_write_text(path_in(d, "x.txt"), "region\tsector\tindout\nnorth\tfarm\t1\n");
    expect_error(d, CLIO_EDIM, "1 rows, but Z's rows has 4", "x with fewer rows than Z");

    d = fresh(t, "ylabels");
    edit(path_in(d, "Y.txt"), "north\tmill", "north\tbakery");
    expect_error(d, CLIO_ELABEL, "Y.txt:5: row 2 is 'north|bakery' but Z's rows has 'north|mill'",
                 "Y's row labels differ from Z's");

    d = fresh(t, "nan");
    edit(path_in(d, "Z.txt"), "north\tmill\t0.2857142857142857", "north\tmill\tnan");
    {
        clio_table *got = NULL;
        clio_error err = {0};
        int status = clio_table_read_pymrio(d, NULL, &got, &err);
        tap_status(status, CLIO_EVALUE, err.message, "Z.txt:5", "NaN in Z (file:line)");
        clio_table_free(got);
    }

    d = fresh(t, "ext_key");
    edit(path_in(d, "emissions/file_parameters.json"), "\"F_Y\":", "\"G_Y\":");
    expect_error(d, CLIO_EFORMAT, "emissions/file_parameters.json: unknown table 'G_Y'",
                 "an unknown table in an extension folder");

    d = fresh(t, "ext_missing");
    char *p = path_in(d, "emissions/F_Y.txt");
    unlink(p);
    expect_error(d, CLIO_EIO, "F_Y.txt: cannot open", "a listed extension file is missing");

    d = fresh(t, "ext_type");
    edit(path_in(d, "satellites/file_parameters.json"), "\"Extension\"", "\"IOSystem\"");
    expect_error(d, CLIO_EFORMAT, "systemtype 'IOSystem' in an extension folder",
                 "an extension folder claiming to be an IOSystem");

    d = fresh(t, "ext_cols");
    edit(path_in(d, "emissions/F.txt"), "sector\t\tfarm", "sector\t\tfield");
    expect_error(d, CLIO_ELABEL, "column 1 is 'north|field'", "extension F columns differ from Z's");

    d = fresh(t, "units");
    edit(path_in(d, "unit.txt"), "mill\tEUR million", "mill\tUSD million");
    expect_error(d, CLIO_EFORMAT, "unit 'USD million' differs", "mixed monetary units");

    d = fresh(t, "fdregion");
    edit(path_in(d, "Y.txt"), "region\t\tnorth\tnorth\tsouth", "region\t\tnorth\tnorth\teast");
    edit(path_in(d, "emissions/F_Y.txt"), "region\t\tnorth\tnorth\tsouth",
         "region\t\tnorth\tnorth\teast");
    edit(path_in(d, "satellites/F_Y.txt"), "region\tnorth\tnorth\tsouth", "region\tnorth\tnorth\teast");
    expect_error(d, CLIO_ELABEL, "names a region that is not in Z",
                 "a final-demand column of an unknown region");

    expect_error("/nonexistent/pymrio", CLIO_EIO, "/nonexistent/pymrio/file_parameters.json",
                 "a folder that does not exist");
    d = fresh(t, "ext_root");
    expect_error(path_in(d, "emissions"), CLIO_EFORMAT, "not the root of a pymrio IOSystem",
                 "an extension folder read as the root");
}

static void write_errors(clio_table *t)
{
    clio_error err = {0};
    /* A parent that is a regular file: nothing can be created. */
    char *file = strdup(path_in(tap_dir, "plain_file"));
    tap_write_text(file, "x\n");
    char target[300];
    snprintf(target, sizeof target, "%s/out", file);
    int status = clio_table_write_pymrio(t, target, &err);
    tap_status(status, CLIO_EWRITE, err.message, "cannot write", "writing under a regular file fails");

    /* An existing folder that is not pymrio's is left alone. */
    char *keep = strdup(path_in(tap_dir, "keep"));
    mkdir(keep, 0777);
    tap_write_text(path_in(keep, "notes.txt"), "mine\n");
    status = clio_table_write_pymrio(t, keep, &err);
    tap_status(status, CLIO_EWRITE, err.message, "is not a pymrio folder",
               "a non-pymrio folder is not replaced");
    tap_ok(count_entries(keep, "") == 1 && count_entries(tap_dir, "keep.") == 0,
           "the folder keeps its file and no temporary folder is left");

    /* A read-only parent (root ignores permissions: skipped then). */
    char *ro = strdup(path_in(tap_dir, "ro"));
    mkdir(ro, 0555);
    if (geteuid() != 0) {
        char out[300];
        snprintf(out, sizeof out, "%s/t", ro);
        status = clio_table_write_pymrio(t, out, &err);
        tap_status(status, CLIO_EWRITE, err.message, "Permission denied",
                   "a read-only directory: EWRITE");
        tap_ok(count_entries(ro, "") == 0, "nothing left in the read-only directory");
    } else {
        tap_skip(2, "running as root: permissions are not enforced");
    }
    chmod(ro, 0755);

    /* Multi-region table with a final-demand column of no region. */
    t->fd_region[1] = CLIO_NONE;
    status = clio_table_write_pymrio(t, path_in(tap_dir, "noregion"), &err);
    tap_status(status, CLIO_ELABEL, err.message, "'government' belongs to no region",
               "a region-less final-demand column in a multi-region table");
    tap_ok(count_entries(tap_dir, "noregion") == 0, "nothing written for it");
    t->fd_region[1] = 0;
    free(file);
    free(keep);
    free(ro);
}

int main(void)
{
    tap_scratch_begin("pymrio");
    clio_table *t = small_table();
    round_trip(t);
    read_errors(t);
    write_errors(t);
    clio_table_free(t);
    tap_remove_tree(tap_dir);
    return tap_done();
}
