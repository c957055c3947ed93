/* test_tables.c -- the matrix-set CSV reader and writer, validation, demand
 * files and atomic output: every error path provoked on purpose. */
#include "clio.h"
#include "tap.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define SHARED "../shared/data/"

static const char *dir = tap_dir;

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    tap_write_text(path, text);
}

static void remove_file(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

static const char *Z_ok = "sector,a,b\na,10,20\nb,30,5\n";
static const char *Y_ok = "sector,hh\na,70\nb,65\n";

/* Write a folder from Z and Y texts (NULL: the good ones) and read it. */
static int read_with(const char *Z, const char *Y, clio_table **t, clio_error *err)
{
    write_file("Z.csv", Z ? Z : Z_ok);
    write_file("Y.csv", Y ? Y : Y_ok);
    *t = NULL;
    return clio_table_read_matrixset(dir, NULL, NULL, t, err);
}

static void test_reader_errors(void)
{
    clio_table *t;
    clio_error err = {0};
    int s;
    s = clio_table_read_matrixset("/nonexistent/clio", NULL, NULL, &t, &err);
    tap_status(s, CLIO_EIO, err.message, "/nonexistent/clio", "missing folder: EIO naming it");

    write_file("Y.csv", Y_ok);
    remove_file("Z.csv");
    s = clio_table_read_matrixset(dir, NULL, NULL, &t, &err);
    tap_status(s, CLIO_EIO, err.message, "Z.csv", "missing Z.csv: EIO naming it");

    s = read_with("sector,a,b\na,10,20\n", NULL, &t, &err);
    tap_status(s, CLIO_EDIM, err.message, "not square", "non-square Z: EDIM");
    s = read_with("sector,a,b\na,10,20\nb,30\n", NULL, &t, &err);
    tap_status(s, CLIO_EFORMAT, err.message, "Z.csv:3: 2 fields", "short row: EFORMAT with line");
    s = read_with("sector,a,b\na,10,x\nb,30,5\n", NULL, &t, &err);
    tap_status(s, CLIO_EFORMAT, err.message, "Z.csv:2: column 'b': 'x' is not a number",
               "non-numeric cell: EFORMAT with line and column");
    s = read_with("sector,a,b\na,10,NaN\nb,30,5\n", NULL, &t, &err);
    tap_status(s, CLIO_EVALUE, err.message, "Z.csv:2: column 'b'", "NaN cell: EVALUE with line");
    s = read_with("sector,a,b\na,10,inf\nb,30,5\n", NULL, &t, &err);
    tap_status(s, CLIO_EVALUE, err.message, "not finite", "Inf cell: EVALUE");
    s = read_with("sector,a,b\na,1e999,1\nb,30,5\n", NULL, &t, &err);
    tap_status(s, CLIO_EVALUE, err.message, "Z.csv:2", "overflowing number: EVALUE");
    s = read_with("sector,a,b\nb,10,20\na,30,5\n", NULL, &t, &err);
    tap_status(s, CLIO_ELABEL, err.message, "Z.csv:2: row key 'b'",
               "row keys in another order than column keys: ELABEL with line");
    s = read_with("sector,a,a\na,10,20\na,30,5\n", NULL, &t, &err);
    tap_status(s, CLIO_ELABEL, err.message, "duplicate sector label 'a'", "duplicate keys: ELABEL");
    s = read_with(NULL, "sector,hh\na,70\nc,65\n", &t, &err);
    tap_status(s, CLIO_ELABEL, err.message, "Y.csv:3: row key 'c'", "Y key not in Z: ELABEL");
    s = read_with(NULL, "sector,hh\na,70\n", &t, &err);
    tap_status(s, CLIO_EDIM, err.message, "Y.csv", "Y with too few rows: EDIM");
    s = read_with("sector,a,b\na,10,\"2\n", NULL, &t, &err);
    tap_status(s, CLIO_EFORMAT, err.message, "unterminated", "unterminated quote: EFORMAT");
    s = read_with("", NULL, &t, &err);
    tap_status(s, CLIO_EFORMAT, err.message, "empty", "empty Z.csv: EFORMAT");
    s = read_with("region|sector,R1|a,R2|b\nR1|a,1,2\nR2|b,3,4\n",
                  "region|sector,R3|hh\nR1|a,1\nR2|b,1\n", &t, &err);
    tap_status(s, CLIO_ELABEL, err.message, "region 'R3'", "final demand of an unknown region");
    s = read_with("sector,R1|a,b\nR1|a,1,2\nb,3,4\n", "sector,hh\nR1|a,1\nb,1\n", &t, &err);
    tap_status(s, CLIO_ELABEL, err.message, "mix", "keys that mix forms: ELABEL");
    write_file("x.csv", "sector,output,extra\na,100,1\nb,100,1\n");
    s = read_with(NULL, NULL, &t, &err);
    tap_status(s, CLIO_EDIM, err.message, "x.csv", "x.csv with two value columns: EDIM");
    remove_file("x.csv");
    write_file("V.csv", "component,a,c\nwages,1,2\n");
    s = read_with(NULL, NULL, &t, &err);
    tap_status(s, CLIO_ELABEL, err.message, "V.csv", "V.csv columns not Z's: ELABEL");
    remove_file("V.csv");
}

static void test_reader_forms(void)
{
    clio_table *t;
    clio_error err = {0};
    /* Tab-separated, quoted labels with commas, a byte-order mark. */
    int s = read_with("\xEF\xBB\xBFsector\t\"a, b\"\tc\n\"a, b\"\t10\t20\nc\t30\t5\n",
                      "sector\thh\n\"a, b\"\t70\nc\t65\n", &t, &err);
    if (tap_ok(s == CLIO_OK, "tab-separated, quoted labels, BOM (%s)", err.message)) {
        tap_ok(strcmp(t->sector_names[0], "a, b") == 0, "quoted label keeps its comma");
        tap_close(t->x[0], 100, 1e-15, "x defaults to Z 1 + Y 1");
        tap_ok(strcmp(t->regions[0], "R1") == 0, "default region name R1");
        clio_table_free(t);
    }
    /* Two regions, satellites with units. */
    write_file("satellites.csv", "account,unit,R1|a,R2|b\njobs,persons,5,6\n");
    s = read_with("region|sector,R1|a,R2|b\nR1|a,1,2\nR2|b,3,4\n",
                  "region|sector,R1|hh,R2|hh\nR1|a,1,1\nR2|b,1,1\n", &t, &err);
    if (tap_ok(s == CLIO_OK, "two-region folder with satellites (%s)", err.message)) {
        tap_ok(t->nregions == 2 && t->sector_region[1] == 1, "regions from keys");
        tap_ok(t->fd_region[1] == 1 && strcmp(t->fd_names[1], "hh") == 0,
               "final-demand columns belong to regions");
        tap_ok(t->nsat == 1 && strcmp(t->sat_units[0], "persons") == 0, "satellite unit read");
        size_t i;
        tap_ok(clio_table_find_sector(t, "R2", "b", &i, &err) == CLIO_OK && i == 1,
               "find sector R2|b");
        tap_status(clio_table_find_sector(t, "R9", "b", &i, &err), CLIO_ELABEL, err.message,
                   "unknown region 'R9'", "unknown region named");
        tap_status(clio_table_find_sector(t, NULL, "b", &i, &err), CLIO_ELABEL, err.message,
                   "needs a region", "sector without region in a multi-region table");
        clio_table_free(t);
    }
    remove_file("satellites.csv");
}

static void test_check(void)
{
    clio_table *t;
    clio_error err = {0};
    clio_report rep = {0};
    read_with(NULL, NULL, &t, &err);
    tap_ok(clio_table_check(t, 1e-9, &rep) == CLIO_OK && rep.nwarnings == 0 && rep.nerrors == 0,
           "balanced table passes");
    clio_report_free(&rep);
    t->x[1] = 80; /* row b sums to 100 */
    tap_ok(clio_table_check(t, 1e-6, &rep) == CLIO_OK && rep.nwarnings == 1 &&
               strstr(rep.items[0].message, "sector 'b'") &&
               strstr(rep.items[0].message, "off by 20"),
           "row imbalance is a warning naming the sector and amount");
    clio_report_free(&rep);
    t->Z[1] = -3;
    tap_ok(clio_table_check(t, 1e-6, &rep) == CLIO_EVALUE && rep.nerrors == 1 &&
               strstr(rep.items[0].message, "Z[b, a] = -3 is negative"),
           "negative flow is an error naming the cell");
    clio_report_free(&rep);
    t->Z[1] = 30;
    t->x[0] = NAN;
    tap_ok(clio_table_check(t, 1e-6, &rep) == CLIO_EVALUE &&
               strstr(rep.items[0].message, "not finite"),
           "NaN output is an error");
    clio_report_free(&rep);
    t->x[0] = 0;
    tap_ok(clio_table_check(t, 1e-6, &rep) == CLIO_EVALUE &&
               strstr(rep.items[0].message, "zero output but buys"),
           "zero output with inputs is an error");
    clio_report_free(&rep);
    clio_table_free(t);
    /* Zero-output sector with no inputs: kept, reported as info. */
    read_with("sector,a,b\na,10,0\nb,30,0\n", "sector,hh\na,60\nb,-30\n", &t, &err);
    t->x[1] = 0;
    int s = clio_table_check(t, 1e-6, &rep);
    int info = 0;
    for (size_t k = 0; k < rep.count; k++)
        info |= rep.items[k].severity == CLIO_INFO && strstr(rep.items[k].message, "zero output");
    tap_ok(s == CLIO_OK && info, "zero-output sector kept and reported");
    clio_report_free(&rep);
    clio_table_free(t);
}

static void test_demand(void)
{
    clio_table *t;
    clio_error err = {0};
    read_with(NULL, NULL, &t, &err);
    double df[2];
    char path[512];
    snprintf(path, sizeof path, "%s/d.csv", dir);
    write_file("d.csv", "sector,change\na,5\nb,1\na,2\n");
    tap_ok(clio_demand_read_csv(path, t, df, &err) == CLIO_OK && df[0] == 7 && df[1] == 1,
           "demand rows add up per sector");
    write_file("d.csv", "change,sector,region\n3,b,R1\n");
    tap_ok(clio_demand_read_csv(path, t, df, &err) == CLIO_OK && df[1] == 3 && df[0] == 0,
           "columns by name, any order, with region");
    write_file("d.csv", "sector,change\nzz,5\n");
    tap_status(clio_demand_read_csv(path, t, df, &err), CLIO_ELABEL, err.message,
               "d.csv:2: unknown sector 'zz'", "unknown sector: ELABEL with line");
    write_file("d.csv", "sector,amount\na,5\n");
    tap_status(clio_demand_read_csv(path, t, df, &err), CLIO_EFORMAT, err.message, "'change'",
               "missing change column: EFORMAT");
    write_file("d.csv", "sector,change\na,lots\n");
    tap_status(clio_demand_read_csv(path, t, df, &err), CLIO_EFORMAT, err.message,
               "d.csv:2: column 'change'", "non-numeric change: EFORMAT");
    tap_status(clio_demand_read_csv("/nonexistent.csv", t, df, &err), CLIO_EIO, err.message,
               "/nonexistent.csv", "missing demand file: EIO");
    clio_table_free(t);
}

static size_t count_entries(const char *path)
{
    size_t count = 0;
    DIR *d = opendir(path);
    struct dirent *e;
    while (d && (e = readdir(d)))
        count += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return count;
}

static void test_writers(void)
{
    clio_table *t, *back;
    clio_error err = {0};
    write_file("V.csv", "component,a,b\nwages,50,40\nprofit,10,30\n");
    write_file("satellites.csv", "account,unit,a,b\njobs,persons,3,4\n");
    read_with(NULL, NULL, &t, &err);
    remove_file("V.csv");
    remove_file("satellites.csv");
    char out[512];
    snprintf(out, sizeof out, "%s/copy", dir);
    int s = clio_table_save(t, out, &err);
    tap_ok(s == CLIO_OK && count_entries(out) == 5, "table written as a 5-file folder");
    s = clio_table_read_matrixset(out, NULL, NULL, &back, &err);
    if (tap_ok(s == CLIO_OK, "written folder reads back")) {
        int same = back->n == t->n && back->nva == 2 && back->nsat == 1;
        for (size_t k = 0; same && k < 4; k++)
            same = back->Z[k] == t->Z[k];
        for (size_t k = 0; same && k < 4; k++)
            same = back->V[k] == t->V[k];
        same = same && back->S[1] == 4 && strcmp(back->sat_units[0], "persons") == 0;
        tap_ok(same, "CSV round trip is exact");
        clio_table_free(back);
    }
    /* Keys longer than any fixed buffer are written whole. */
    char long_name[601];
    memset(long_name, 'k', 600);
    long_name[600] = '\0';
    clio_table_set_label(t, CLIO_LABEL_SECTOR, 0, long_name);
    s = clio_table_save(t, out, &err);
    if (s == CLIO_OK)
        s = clio_table_read_matrixset(out, NULL, NULL, &back, &err);
    if (tap_ok(s == CLIO_OK, "table with a 600-character sector name written and read")) {
        tap_ok(strcmp(back->sector_names[0], long_name) == 0, "the long key is not cut");
        clio_table_free(back);
    }
    clio_table_set_label(t, CLIO_LABEL_SECTOR, 0, "a");
    s = clio_table_save(t, out, &err);
    /* Unwritable target: EWRITE, and no temporary file left behind. */
    s = clio_table_save(t, "/nonexistent/dir/t", &err);
    tap_status(s, CLIO_EWRITE, err.message, "/nonexistent/dir/t", "unwritable folder: EWRITE");
    char path[600];
    snprintf(path, sizeof path, "%s/L.csv", out);
    double L[4] = {1, 2, 3, 4};
    tap_ok(clio_matrix_save_csv(t, L, 2, path, &err) == CLIO_OK &&
               count_entries(out) == 6,
           "labelled matrix written, no temporary left");
    chmod(out, 0555);
    if (geteuid() != 0) {
        s = clio_matrix_save_csv(t, L, 2, path, &err);
        tap_status(s, CLIO_EWRITE, err.message, "L.csv", "read-only folder: EWRITE");
    } else {
        tap_ok(1, "read-only folder check skipped as root (root writes anyway)");
    }
    chmod(out, 0755);
    clio_table_free(t);
}

static void test_wiod(void)
{
    /* The WIOD 2011 world table (41 regions x 35 industries), real data. */
    clio_matrixset_files files = {.Z = "Z_2011.csv", .Y = "Y_2011.csv", .x = "x_2011.csv"};
    clio_table *t;
    clio_error err = {0};
    int s = clio_table_read_matrixset(SHARED "wiod_2013_release", &files, NULL, &t, &err);
    if (!tap_ok(s == CLIO_OK, "WIOD 2011 loads (%s)", err.message))
        return;
    tap_ok(t->n == 1435 && t->nregions == 41 && t->nfd == 205, "1435 sectors, 41 regions, 205 fd");
    clio_report rep = {0};
    s = clio_table_check(t, 1e-2, &rep);
    size_t zero = 0, zero_x = 0;
    const char *warning = "";
    for (size_t k = 0; k < rep.count; k++) {
        zero += rep.items[k].severity == CLIO_INFO;
        if (rep.items[k].severity == CLIO_WARNING && !*warning)
            warning = rep.items[k].message;
    }
    for (size_t j = 0; j < t->n; j++)
        zero_x += t->x[j] == 0;
    /* The stored x omits small WIOT columns: rows miss x by up to ~100. */
    tap_ok(s == CLIO_OK && rep.nerrors == 0 && rep.nwarnings > 0 &&
               strstr(warning, "row balance: sector"),
           "WIOD: imbalances of the stored x are warnings naming sectors (%zu)", rep.nwarnings);
    tap_ok(zero == zero_x && zero >= 20,
           "the empty country-industries are kept and reported (%zu)", zero);
    clio_report_free(&rep);
    clio_leontief *f;
    clio_result *r = NULL;
    s = clio_leontief_factor(t, CLIO_FACTOR_CONSUME_Z, &f, &err);
    if (s == CLIO_OK)
        s = clio_multipliers(t, f, &r, &err);
    if (tap_ok(s == CLIO_OK, "WIOD 2011 factors and solves (%s)", err.message)) {
        int sane = 1;
        for (size_t j = 0; j < t->n; j++) {
            double m = clio_result_value(r, j, 0, 2);
            sane &= isfinite(m) && m >= 1 && m < 10;
        }
        tap_ok(sane, "every WIOD output multiplier is in [1, 10)");
        tap_ok(clio_leontief_rcond(f) > CLIO_RCOND_WARN, "WIOD is well conditioned");
    }
    clio_result_free(r);
    clio_leontief_free(f);
    clio_table_free(t);
}

int main(void)
{
    tap_scratch_begin("tables");
    test_reader_errors();
    test_reader_forms();
    test_check();
    test_demand();
    test_writers();
    test_wiod();
    tap_scratch_end();
    return tap_done();
}
