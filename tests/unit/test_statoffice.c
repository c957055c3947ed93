/* test_statoffice.c -- the statistical-office layout importer
 * (clio_table_read_statoffice): the two real tables of the shared data
 * (Germany 1995 from the Eurostat Manual, UK 2010 from the ONS) through
 * their specs in tests/fixtures/specs, then small made-up files for the
 * spec features and the error paths.  TAP; run from the repository root. */
#include "clio.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GERMANY_CSV "../shared/data/eurostat_manual_examples/germany_1995_beutel_siot_6x6.csv"
#define GERMANY_SPEC "tests/fixtures/specs/germany_1995.yaml"
#define UK_CSV "../shared/data/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv"
#define UK_SPEC "tests/fixtures/specs/uk_2010.yaml"

static int near(double a, double b, double tol) { return fabs(a - b) <= tol; }

/* ------------------------------------------------------------------ */
/* Temporary files                                                    */
/* ------------------------------------------------------------------ */

/* Write `text` to tap_dir/name; returns the path (kept until the next
 * call with the same name slot: 32 distinct names at most). */
static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* ------------------------------------------------------------------ */
/* Table arithmetic, in plain C so the test does not depend on the
 * solver                                                             */
/* ------------------------------------------------------------------ */

static double z(const clio_table *t, size_t i, size_t j) { return t->Z[i + j * t->n]; }

/* Largest |1'Z + 1'V - x'| / x over sectors with x > 0. */
static double column_balance(const clio_table *t)
{
    double worst = 0;
    for (size_t j = 0; j < t->n; j++) {
        double sum = 0;
        for (size_t i = 0; i < t->n; i++)
            sum += z(t, i, j);
        for (size_t k = 0; k < t->nva; k++)
            sum += t->V[k + j * t->nva];
        if (t->x[j] > 0 && fabs(sum - t->x[j]) / t->x[j] > worst)
            worst = fabs(sum - t->x[j]) / t->x[j];
    }
    return worst;
}

/* Largest |Z1 + Y1 - x| / x over sectors with x > 0. */
static double row_balance(const clio_table *t)
{
    double worst = 0;
    for (size_t i = 0; i < t->n; i++) {
        double sum = 0;
        for (size_t j = 0; j < t->n; j++)
            sum += z(t, i, j);
        for (size_t k = 0; k < t->nfd; k++)
            sum += t->Y[i + k * t->n];
        if (t->x[i] > 0 && fabs(sum - t->x[i]) / t->x[i] > worst)
            worst = fabs(sum - t->x[i]) / t->x[i];
    }
    return worst;
}

static size_t zero_outputs(const clio_table *t)
{
    size_t count = 0;
    for (size_t i = 0; i < t->n; i++)
        count += t->x[i] == 0;
    return count;
}

/* Column sums of L = (I - A)^-1, A = Z xhat^-1, by Gauss-Jordan with
 * partial pivoting on [I - A | I].  0 on success. */
static int output_multipliers(const clio_table *t, double *mult)
{
    size_t n = t->n, w = 2 * n;
    double *m = calloc(n * w, sizeof *m); /* row-major n x 2n */
    if (!m)
        return -1;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++)
            m[i * w + j] = (i == j) - (t->x[j] > 0 ? z(t, i, j) / t->x[j] : 0);
        m[i * w + n + i] = 1;
    }
    for (size_t c = 0; c < n; c++) {
        size_t p = c;
        for (size_t r = c + 1; r < n; r++)
            if (fabs(m[r * w + c]) > fabs(m[p * w + c]))
                p = r;
        if (m[p * w + c] == 0) {
            free(m);
            return -1;
        }
        for (size_t k = 0; k < w; k++) {
            double tmp = m[c * w + k];
            m[c * w + k] = m[p * w + k];
            m[p * w + k] = tmp;
        }
        double d = m[c * w + c];
        for (size_t k = 0; k < w; k++)
            m[c * w + k] /= d;
        for (size_t r = 0; r < n; r++) {
            double f = m[r * w + c];
            if (r == c || f == 0)
                continue;
            for (size_t k = 0; k < w; k++)
                m[r * w + k] -= f * m[c * w + k];
        }
    }
    for (size_t j = 0; j < n; j++) {
        mult[j] = 0;
        for (size_t i = 0; i < n; i++)
            mult[j] += m[i * w + n + j];
    }
    free(m);
    return 0;
}

/* ------------------------------------------------------------------ */
/* The real tables                                                    */
/* ------------------------------------------------------------------ */

static int names_are(char **names, size_t count, const char *const *expected)
{
    for (size_t k = 0; k < count; k++)
        if (!names[k] || strcmp(names[k], expected[k]) != 0)
            return 0;
    return 1;
}

static void germany_labels(const clio_table *t)
{
    static const char *const sectors[] = {"agriculture",     "manufacturing",
                                          "construction",    "trade_transport",
                                          "business_services", "other_services"};
    static const char *const va[] = {"imports",
                                     "taxes_less_subsidies_on_products",
                                     "compensation_of_employees",
                                     "other_net_taxes_on_production",
                                     "consumption_of_fixed_capital",
                                     "net_operating_surplus"};
    static const char *const sats[] = {"employees", "self_employed", "employment"};
    tap_ok(t->n == 6 && t->nregions == 1 && strcmp(t->regions[0], "DE") == 0,
           "germany: 6 sectors in one region DE");
    tap_ok(names_are(t->sector_names, 6, sectors) && t->sector_region[5] == 0,
           "germany: sector names from the spec's list, in order");
    tap_ok(t->nfd == 5 && strcmp(t->fd_names[0], "household_consumption") == 0 &&
               strcmp(t->fd_names[2], "gross_capital_formation") == 0 &&
               strcmp(t->fd_names[4], "exports") == 0 && t->fd_region[0] == CLIO_NONE,
           "germany: 5 final-demand columns with no region, renamed or not");
    tap_ok(t->nva == 6 && names_are(t->va_names, 6, va), "germany: 6 value-added rows, renamed");
    tap_ok(t->nsat == 3 && names_are(t->sat_names, 3, sats) &&
               strcmp(t->sat_units[1], "thousand persons") == 0,
           "germany: satellites employees, self_employed, employment with units");
    tap_ok(t->title && strstr(t->title, "Table 15.4") && t->unit &&
               strcmp(t->unit, "EUR million") == 0 && t->source &&
               strcmp(t->source, GERMANY_CSV " via " GERMANY_SPEC) == 0,
           "germany: title, unit and source");
}

static void germany_numbers(const clio_table *t)
{
    tap_ok(z(t, 0, 0) == 1131 && z(t, 1, 0) == 7930 && z(t, 0, 1) == 25480 && z(t, 5, 5) == 22070,
           "germany: Z cells in place (column-major)");
    tap_ok(t->Y[1 + 4 * 6] == 313711 && t->Y[0 + 3 * 6] == -6, "germany: Y cells in place");
    tap_ok(t->V[0] == 2927 && t->V[3] == -2012 && t->V[5 + 5 * 6] == 51384,
           "germany: V cells in place");
    tap_ok(t->x[0] == 43910 && t->x[1] == 1079446, "germany: x from row P1");
    tap_ok(t->S[0 + 1 * 3] == 8032 && t->S[1] == 613 && t->S[2 + 5 * 3] == 10206,
           "germany: employment rows in place");
    tap_ok(column_balance(t) == 0, "germany: 1'Z + 1'V = x' exactly (e.g. 43910 for cpa_a)");
    tap_ok(row_balance(t) == 0, "germany: Z1 + Y1 = x exactly");
}

static void germany_multipliers(const clio_table *t)
{
    static const double published[6] = {1.7048, 1.8413, 1.8136, 1.6035, 1.5951, 1.3782};
    double mult[6];
    int solved = output_multipliers(t, mult) == 0;
    int match = solved;
    for (size_t j = 0; solved && j < 6; j++)
        match &= near(mult[j], published[j], 1e-4);
    tap_ok(match, "germany: output multipliers match the Manual to 1e-4");
    if (solved && !match)
        tap_diag("got %.4f %.4f %.4f %.4f %.4f %.4f", mult[0], mult[1], mult[2], mult[3], mult[4],
                 mult[5]);
}

static int same_labels(char **a, char **b, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (!a[k] || !b[k] || strcmp(a[k], b[k]) != 0)
            return 0;
    return 1;
}

static int same_numbers(const double *a, const double *b, size_t count)
{
    return count == 0 || memcmp(a, b, count * sizeof *a) == 0;
}

/* The spec names everything as the embedded matrix set data/germany_1995
 * does, so the two readers must give the very same table.  The matrix set
 * also has the air emissions of Table 15.3 (not in the 15.4 sheet) after
 * the employment rows: the spec's satellites are its first ones. */
static int same_satellites(const clio_table *m, const clio_table *t)
{
    if (m->nsat < t->nsat)
        return 0;
    for (size_t j = 0; j < t->n; j++)
        for (size_t k = 0; k < t->nsat; k++)
            if (m->S[k + m->nsat * j] != t->S[k + t->nsat * j])
                return 0;
    return 1;
}

static void germany_matches_matrixset(const clio_table *t)
{
    clio_table *m = NULL;
    int status = clio_table_read_matrixset("data/germany_1995", NULL, "DE", &m, NULL);
    int same = status == CLIO_OK && m->n == t->n && m->nfd == t->nfd && m->nva == t->nva &&
               m->nsat >= t->nsat && strcmp(m->regions[0], t->regions[0]) == 0;
    same = same && same_labels(m->sector_names, t->sector_names, t->n) &&
           same_labels(m->fd_names, t->fd_names, t->nfd) &&
           same_labels(m->va_names, t->va_names, t->nva) &&
           same_labels(m->sat_names, t->sat_names, t->nsat) &&
           same_labels(m->sat_units, t->sat_units, t->nsat);
    same = same && same_numbers(m->Z, t->Z, t->n * t->n) &&
           same_numbers(m->Y, t->Y, t->n * t->nfd) && same_numbers(m->V, t->V, t->nva * t->n) &&
           same_numbers(m->x, t->x, t->n) && same_satellites(m, t);
    tap_ok(same, "germany: same table as the matrix set data/germany_1995 (status %d)", status);
    clio_table_free(m);
}

static void test_germany(void)
{
    if (!file_exists(GERMANY_CSV)) {
        tap_skip(16, "no shared data at " GERMANY_CSV);
        return;
    }
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_statoffice(GERMANY_CSV, GERMANY_SPEC, &t, &err);
    tap_ok(status == CLIO_OK && t, "germany: imports (%s)", status ? err.message : "ok");
    if (!t) {
        tap_skip(15, "germany did not import");
        return;
    }
    germany_labels(t);
    germany_numbers(t);
    germany_multipliers(t);
    germany_matches_matrixset(t);
    clio_table_free(t);
}

static void test_uk(void)
{
    if (!file_exists(UK_CSV)) {
        tap_skip(7, "no shared data at " UK_CSV);
        return;
    }
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_statoffice(UK_CSV, UK_SPEC, &t, &err);
    tap_ok(status == CLIO_OK && t, "uk: imports (%s)", status ? err.message : "ok");
    if (!t) {
        tap_skip(6, "uk did not import");
        return;
    }
    tap_ok(t->n == 127 && strcmp(t->sector_names[0], "01") == 0 &&
               strcmp(t->sector_names[126], "NPISH_96") == 0 && strcmp(t->regions[0], "UK") == 0,
           "uk: 127 products 01 ... NPISH_96 in region UK");
    tap_ok(t->nfd == 9 && strcmp(t->fd_names[0], "Households") == 0 &&
               strcmp(t->fd_names[8], "Exports of services") == 0,
           "uk: 9 final-demand columns, Households ... Exports of services");
    tap_ok(t->nva == 5 && strcmp(t->va_names[4], "Gross Operating Surplus") == 0 &&
               strcmp(t->unit, "GBP million") == 0,
           "uk: 5 value-added rows, GBP million");
    double col = column_balance(t), row = row_balance(t);
    size_t zeros = zero_outputs(t);
    tap_diag("uk: column balance off by %.3g, row balance by %.3g (relative, worst sector); "
             "%zu products with zero output",
             col, row, zeros);
    tap_ok(col < 1e-12, "uk: 1'Z + 1'V = x' to 1e-12 relative");
    tap_ok(row < 1e-12, "uk: Z1 + Y1 = x to 1e-12 relative");
    tap_ok(zeros == 0 && t->x[0] == 21182, "uk: every product has positive output (01: 21182)");
    clio_table_free(t);
}

/* ------------------------------------------------------------------ */
/* Spec features on a small made-up table                             */
/* ------------------------------------------------------------------ */

/* Title rows above the header, blanks for zeros, totals to ignore, a
 * blank-padded label, an empty value-added cell under final demand. */
static const char *const small_csv =
    "Made-up table,,,,,,\n"
    "code,name,s1,s2,hh,exp,total\n"
    "a,Alpha,10,20,30,40,100\n"
    "b,Beta,5,,15,, 20 \n"
    "tot,Total,15,20,45,40,120\n"
    "  va  ,Value added,85,0,,,\n"
    "out,Output,100,20,,,\n"
    "jobs,Jobs,3,4,,,\n";

static const char *const small_spec =
    "title: made up\n"
    "scale: 0.5\n"
    "header_row: 2\n"
    "label_column: 1\n"
    "sectors:\n"
    "  rows: [a, b]\n"
    "  columns: {first: s1, last: s2}\n"
    "  names: columns\n"
    "final_demand:\n"
    "  columns: [hh, {column: exp, name: exports}]\n"
    "value_added:\n"
    "  rows: [{row: va, name: gva}]\n"
    "output:\n"
    "  column: total\n"
    "satellites:\n"
    "  - jobs\n";

static void test_small_features(void)
{
    const char *csv = tap_scratch_file("small.csv", small_csv);
    const char *yaml = tap_scratch_file("small.yaml", small_spec);
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_statoffice(csv, yaml, &t, &err);
    tap_ok(status == CLIO_OK && t, "small: imports (%s)", status ? err.message : "ok");
    if (!t) {
        tap_skip(6, "small did not import");
        return;
    }
    tap_ok(strcmp(t->sector_names[0], "s1") == 0 && strcmp(t->sector_names[1], "s2") == 0 &&
               strcmp(t->regions[0], "R1") == 0,
           "small: names from columns, default region R1");
    tap_ok(z(t, 0, 0) == 5 && z(t, 0, 1) == 10 && z(t, 1, 0) == 2.5 && z(t, 1, 1) == 0,
           "small: header_row, label_column by number, scale, blank cells are 0");
    tap_ok(t->nfd == 2 && strcmp(t->fd_names[1], "exports") == 0 && t->Y[1 + 1 * 2] == 0,
           "small: final-demand rename; blank Y cell is 0");
    tap_ok(t->nva == 1 && strcmp(t->va_names[0], "gva") == 0 && t->V[0] == 42.5 && t->V[1] == 0,
           "small: value-added row found by blank-padded label, renamed");
    tap_ok(t->x[0] == 50 && t->x[1] == 10, "small: x from the output column, scaled");
    tap_ok(t->nsat == 1 && strcmp(t->sat_names[0], "jobs") == 0 &&
               strcmp(t->sat_units[0], "") == 0 && t->S[0] == 3 && t->S[1] == 4,
           "small: satellite not scaled, empty unit");
    clio_table_free(t);
}

/* Without output, x = Z1 + Y1. */
static void test_default_output(void)
{
    const char *csv = tap_scratch_file("small.csv", small_csv);
    const char *yaml = tap_scratch_file("noout.yaml", "header_row: 2\n"
                                                "sectors:\n"
                                                "  rows: {first: a, count: 2}\n"
                                                "  columns: [s1, s2]\n"
                                                "final_demand: {columns: [hh, exp]}\n");
    clio_table *t = NULL;
    int status = clio_table_read_statoffice(csv, yaml, &t, NULL);
    tap_ok(status == CLIO_OK && t && t->x[0] == 100 && t->x[1] == 20 && t->nva == 0 &&
               t->nsat == 0 && strcmp(t->sector_names[1], "b") == 0 && !t->title,
           "no output key: x = Z1 + Y1, no V, no satellites, names from rows");
    clio_table_free(t);
}

/* ------------------------------------------------------------------ */
/* Error paths                                                        */
/* ------------------------------------------------------------------ */

/* Import csv_text with spec_text; check status and that the message holds
 * every one of the `want` texts (NULL-terminated). */
static void expect_failure(const char *what, const char *csv_text, const char *spec_text,
                           int expected, const char *const *want)
{
    const char *csv = tap_scratch_file("err.csv", csv_text);
    const char *yaml = spec_text ? tap_scratch_file("err.yaml", spec_text) : "/nonexistent/err.yaml";
    static clio_table sentinel;
    clio_table *t = &sentinel; /* must come back NULL */
    clio_error err = {0};
    int status = clio_table_read_statoffice(csv, yaml, &t, &err);
    int has_all = 1;
    for (size_t k = 0; want[k]; k++)
        has_all &= strstr(err.message, want[k]) != NULL;
    tap_ok(status == expected && err.status == expected && has_all && t == NULL, "%s: %s (%d): %s",
           what, clio_strerror(expected), status, err.message);
    if (status == CLIO_OK)
        clio_table_free(t);
}

static const char *const good_spec_head = "header_row: 2\n"
                                          "sectors:\n"
                                          "  rows: [a, b]\n"
                                          "  columns: [s1, s2]\n"
                                          "final_demand: {columns: [hh, exp]}\n";

static void test_spec_errors(void)
{
    expect_failure("missing spec", small_csv, NULL, CLIO_EIO,
                   (const char *const[]){"err.yaml", NULL});
    expect_failure("YAML syntax error", small_csv,
                   "sectors:\n  rows: [a, b]\n  columns: [s1, s2\nfinal_demand: x\n",
                   CLIO_EFORMAT, (const char *const[]){"err.yaml:", "YAML syntax error", NULL});
    expect_failure("unknown key", small_csv,
                   "header_row: 2\n"
                   "sectors:\n"
                   "  rows: [a, b]\n"
                   "  columns: [s1, s2]\n"
                   "final_demand:\n"
                   "  columns: [hh]\n"
                   "  rowz: [x]\n",
                   CLIO_EFORMAT, (const char *const[]){"err.yaml:7: unknown key 'rowz'", NULL});
    expect_failure("wrong type", small_csv,
                   "sectors: [a, b]\nfinal_demand: {columns: [hh]}\n", CLIO_EFORMAT,
                   (const char *const[]){"err.yaml:1:", "mapping", NULL});
    expect_failure("scale not positive", small_csv,
                   "scale: -2\nsectors: {rows: [a], columns: [s1]}\n", CLIO_EFORMAT,
                   (const char *const[]){"err.yaml:1:", "'scale'", NULL});
    expect_failure("duplicate key", small_csv,
                   "header_row: 2\nheader_row: 3\n", CLIO_EFORMAT,
                   (const char *const[]){"err.yaml:2:", "duplicate key 'header_row'", NULL});
    expect_failure("missing sectors", small_csv, "header_row: 2\n", CLIO_EFORMAT,
                   (const char *const[]){"err.yaml:1:", "'sectors'", NULL});
}

static char spec_buf[1024];

/* The good spec with `tail` appended. */
static const char *spec_with(const char *tail)
{
    snprintf(spec_buf, sizeof spec_buf, "%s%s", good_spec_head, tail);
    return spec_buf;
}

static void test_label_errors(void)
{
    expect_failure("label not found", small_csv, spec_with("value_added:\n  rows: [va, D1X]\n"),
                   CLIO_ELABEL,
                   (const char *const[]){"err.csv: value_added row 'D1X' not found",
                                         "err.yaml:7)", NULL});
    expect_failure("column not found", small_csv,
                   "header_row: 2\nsectors:\n  rows: [a, b]\n  columns: [s1, s3]\n"
                   "final_demand: {columns: [hh]}\n",
                   CLIO_ELABEL,
                   (const char *const[]){"err.csv:2: sectors column 's3' not found",
                                         "err.yaml:4)", NULL});
    expect_failure("ambiguous row", "code,s1,hh\na,1,2\na,3,4\n",
                   "sectors: {rows: [a], columns: [s1]}\nfinal_demand: {columns: [hh]}\n",
                   CLIO_ELABEL, (const char *const[]){"err.csv:2:", "ambiguous", "line 3", NULL});
    expect_failure("column selected twice", "code,s1,s2,hh\na,1,2,3\nb,4,5,6\n",
                   "sectors: {rows: [a, b], columns: [s1, s2]}\n"
                   "final_demand: {columns: [hh, s2]}\n",
                   CLIO_ELABEL,
                   (const char *const[]){"err.csv", "'s2'", "sectors and as final_demand",
                                         NULL});
    expect_failure("row selected twice", small_csv,
                   spec_with("value_added: {rows: [va]}\nsatellites: [jobs, va]\n"),
                   CLIO_ELABEL,
                   (const char *const[]){"err.csv:6: row 'va'",
                                         "value_added and as satellites", NULL});
    expect_failure("duplicate sector names", "code,p,q,q,hh\na,1,2,3,4\nb,1,2,3,4\nc,1,2,3,4\n",
                   "sectors:\n  rows: {first: a, last: c}\n  columns: {first: p, count: 3}\n"
                   "  names: columns\nfinal_demand: {columns: [hh]}\n",
                   CLIO_ELABEL,
                   (const char *const[]){"err.csv", "duplicate sector label 'q'", NULL});
    expect_failure("sector names list too short", small_csv,
                   "header_row: 2\nsectors:\n  rows: [a, b]\n  columns: [s1, s2]\n"
                   "  names: [x]\nfinal_demand: {columns: [hh]}\n",
                   CLIO_EDIM,
                   (const char *const[]){"err.csv", "sectors.names lists 1 names but "
                                         "sectors.rows selects 2 rows", "err.yaml:5)", NULL});
    expect_failure("duplicate value-added names", small_csv,
                   spec_with("value_added:\n  rows: [{row: va, name: x}, {row: out, name: x}]\n"),
                   CLIO_ELABEL, (const char *const[]){"err.csv", "duplicate", "'x'", NULL});
}

static void test_table_errors(void)
{
    expect_failure("count mismatch", small_csv,
                   "header_row: 2\nsectors:\n  rows: [a, b]\n  columns: {first: s1, count: 3}\n"
                   "final_demand: {columns: [exp]}\n",
                   CLIO_EDIM,
                   (const char *const[]){"err.csv",
                                         "sectors.rows selects 2 rows but sectors.columns 3 "
                                         "columns",
                                         NULL});
    expect_failure("non-numeric cell", "code,s1,s2,hh\na,1,2,3\nb,4,n/a,6\n",
                   "sectors: {rows: [a, b], columns: [s1, s2]}\nfinal_demand: {columns: [hh]}\n",
                   CLIO_EFORMAT, (const char *const[]){"err.csv:3:", "'s2'", "'n/a'", NULL});
    expect_failure("NaN cell", "code,s1,hh\na,nan,3\n",
                   "sectors: {rows: [a], columns: [s1]}\nfinal_demand: {columns: [hh]}\n",
                   CLIO_EVALUE, (const char *const[]){"err.csv:2:", "'s1'", NULL});
    expect_failure("empty CSV", "", spec_with(""), CLIO_EFORMAT,
                   (const char *const[]){"err.csv", NULL});
    expect_failure("range past the end", small_csv,
                   "header_row: 2\nsectors: {rows: {first: a, count: 9}, columns: [s1]}\n"
                   "final_demand: {columns: [hh]}\n",
                   CLIO_EDIM, (const char *const[]){"err.csv", "sectors.rows", NULL});
}

static void test_missing_csv(void)
{
    const char *yaml = tap_scratch_file("ok.yaml", spec_with(""));
    char path[128];
    snprintf(path, sizeof path, "%s/absent.csv", tap_dir);
    clio_table *t = NULL;
    clio_error err = {0};
    int status = clio_table_read_statoffice(path, yaml, &t, &err);
    tap_ok(status == CLIO_EIO && strstr(err.message, "absent.csv") && !t, "missing CSV: %s: %s",
           clio_strerror(CLIO_EIO), err.message);
    status = clio_table_read_statoffice(NULL, yaml, &t, &err);
    tap_ok(status == CLIO_EINVAL && !t, "NULL CSV path: %s", clio_strerror(CLIO_EINVAL));
}

int main(void)
{
    tap_scratch_begin("statoffice");
    test_germany();
    test_uk();
    test_small_features();
    test_default_output();
    test_spec_errors();
    test_label_errors();
    test_table_errors();
    test_missing_csv();
    tap_scratch_end();
    return tap_done();
}
