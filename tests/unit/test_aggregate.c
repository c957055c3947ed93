/* test_aggregate.c -- aggregation and disaggregation of tables.
 *   - concordance and shares readers: both forms, every error with file:line;
 *   - clio_aggregate_matrix against dense S M S' products;
 *   - clio_aggregate on random balanced MRIOs: totals kept, balance kept,
 *     identity mapping = the same table, two steps = one step, labels in
 *     order of first appearance, against a dense S Z S' reference;
 *   - known answer: BEA's 1997 summary Use and Make (131 industries),
 *     aggregated with a concordance built from the I-O code prefixes,
 *     give BEA's published sector-level Use and Make;
 *   - WIOD 2011 (1435 sectors) to EU / non-EU x 3 sectors, timed;
 *   - clio_disaggregate: hand-computed split of Miller & Blair Table 2.3,
 *     balance kept, aggregating back gives the original, bad shares. */
#include "clio.h"
#include "clioi.h"
#include "tap.h"

#include <time.h>

#define SHARED "../shared/data/"
#define BEA SHARED "bea_benchmark_1997_summary/"
#define WIOD SHARED "wiod_2013_release"
#define BEA_MAP "tests/fixtures/aggregate/bea1997_summary_to_sector.csv"
#define WIOD_REGIONS "tests/fixtures/aggregate/wiod_eu.csv"
#define WIOD_SECTORS "tests/fixtures/aggregate/wiod_sectors.csv"

/* ---- helpers -------------------------------------------------------- */

static double uniform(unsigned long long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return (double)((*s * 2685821657736338717ULL) >> 11) / 9007199254740992.0;
}

static void set(clio_table *t, int kind, size_t i, const char *text)
{
    if (clio_table_set_label(t, kind, i, text) != CLIO_OK)
        abort();
}

/* A balanced random MRIO: nreg regions R1.. with sectors s1..s<nsec> each,
 * final demand "hh" and "gov" per region, value added "wages" and "other"
 * (closing the column balance), satellite "co2" with SY. */
static clio_table *random_mrio(size_t nreg, size_t nsec, unsigned long long seed)
{
    size_t n = nreg * nsec, nfd = 2 * nreg;
    clio_table *t = clio_table_alloc(nreg, n, nfd, 2, 1);
    if (!t)
        abort();
    char name[32];
    for (size_t r = 0; r < nreg; r++) {
        snprintf(name, sizeof name, "R%zu", r + 1);
        set(t, CLIO_LABEL_REGION, r, name);
        set(t, CLIO_LABEL_FINAL_DEMAND, 2 * r, "hh");
        set(t, CLIO_LABEL_FINAL_DEMAND, 2 * r + 1, "gov");
        t->fd_region[2 * r] = t->fd_region[2 * r + 1] = r;
    }
    for (size_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "s%zu", i % nsec + 1);
        set(t, CLIO_LABEL_SECTOR, i, name);
        t->sector_region[i] = i / nsec;
    }
    set(t, CLIO_LABEL_VALUE_ADDED, 0, "wages");
    set(t, CLIO_LABEL_VALUE_ADDED, 1, "other");
    set(t, CLIO_LABEL_SATELLITE, 0, "co2");
    set(t, CLIO_LABEL_SATELLITE_UNIT, 0, "t");
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < n; i++)
            t->Z[i + j * n] = 10 * uniform(&seed) * (uniform(&seed) < 0.8);
    for (size_t k = 0; k < nfd; k++)
        for (size_t i = 0; i < n; i++)
            t->Y[i + k * n] = 50 + 50 * uniform(&seed);
    for (size_t i = 0; i < n; i++) {
        double x = 0;
        for (size_t j = 0; j < n; j++)
            x += t->Z[i + j * n];
        for (size_t k = 0; k < nfd; k++)
            x += t->Y[i + k * n];
        t->x[i] = x;
    }
    for (size_t j = 0; j < n; j++) {
        double inputs = 0;
        for (size_t i = 0; i < n; i++)
            inputs += t->Z[i + j * n];
        t->V[0 + j * 2] = 0.6 * (t->x[j] - inputs);
        t->V[1 + j * 2] = t->x[j] - inputs - t->V[0 + j * 2];
        t->S[j] = 100 * uniform(&seed);
    }
    for (size_t k = 0; k < nfd; k++)
        t->SY[k] = 10 * uniform(&seed);
    return t;
}

static double sum(const double *a, size_t count)
{
    double s = 0;
    for (size_t i = 0; i < count; i++)
        s += a[i];
    return s;
}

/* Largest relative difference of two arrays (scale: largest |b|). */
static double max_rel_diff(const double *a, const double *b, size_t count)
{
    double worst = 0, scale = 0;
    for (size_t i = 0; i < count; i++)
        scale = fmax(scale, fabs(b[i]));
    for (size_t i = 0; i < count; i++)
        worst = fmax(worst, fabs(a[i] - b[i]));
    return scale > 0 ? worst / scale : worst;
}

/* Same shape, labels and values (within rtol) -- with a reason when not. */
static int same_table(const clio_table *a, const clio_table *b, double rtol, char *why, size_t len)
{
    if (a->n != b->n || a->nregions != b->nregions || a->nfd != b->nfd || a->nva != b->nva ||
        a->nsat != b->nsat)
        return snprintf(why, len, "shapes differ"), 0;
    for (size_t r = 0; r < a->nregions; r++)
        if (strcmp(a->regions[r], b->regions[r]) != 0)
            return snprintf(why, len, "region %zu: %s vs %s", r, a->regions[r], b->regions[r]), 0;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->sector_names[i], b->sector_names[i]) != 0 ||
            a->sector_region[i] != b->sector_region[i])
            return snprintf(why, len, "sector %zu: %s vs %s", i, a->sector_names[i],
                            b->sector_names[i]),
                   0;
    for (size_t k = 0; k < a->nfd; k++)
        if (strcmp(a->fd_names[k], b->fd_names[k]) != 0 || a->fd_region[k] != b->fd_region[k])
            return snprintf(why, len, "final demand %zu: %s vs %s", k, a->fd_names[k],
                            b->fd_names[k]),
                   0;
    struct {
        const char *name;
        const double *x, *y;
        size_t count;
    } blocks[] = {{"Z", a->Z, b->Z, a->n * a->n},    {"Y", a->Y, b->Y, a->n * a->nfd},
                  {"V", a->V, b->V, a->nva * a->n},  {"x", a->x, b->x, a->n},
                  {"S", a->S, b->S, a->nsat * a->n}, {"SY", a->SY, b->SY, a->nsat * a->nfd}};
    for (size_t m = 0; m < sizeof blocks / sizeof blocks[0]; m++) {
        double d = max_rel_diff(blocks[m].x, blocks[m].y, blocks[m].count);
        if (d > rtol)
            return snprintf(why, len, "%s differs by %.3g relative", blocks[m].name, d), 0;
    }
    return 1;
}

/* No error and no balance warning from clio_table_check. */
static int balances(const clio_table *t, double rtol)
{
    clio_report rep = {0};
    int status = clio_table_check(t, rtol, &rep);
    int ok = status == CLIO_OK && rep.nwarnings == 0 && rep.nerrors == 0;
    if (!ok && rep.count)
        tap_diag("check: %s", rep.items[0].message);
    clio_report_free(&rep);
    return ok;
}

static clio_concordance *read_map(const char *path, const char *key)
{
    clio_concordance *c = NULL;
    clio_error err = {0};
    if (clio_concordance_read_csv(path, key, &c, &err) != CLIO_OK)
        tap_diag("%s", err.message);
    return c;
}

/* ---- concordance reader ----------------------------------------------- */

static void test_concordance_forms(void)
{
    clio_concordance *c = read_map(tap_scratch_file("long.csv", "note,sector,group\n"
                                                       "x,b,G2\n"
                                                       "y,a,G1\n"
                                                       "z,c,G2\n"),
                                   "sector");
    tap_ok(c && c->n == 3 && c->ngroups == 2 && strcmp(c->groups[0], "G2") == 0 &&
               strcmp(c->groups[1], "G1") == 0 && c->group[1] == 1 && c->group[2] == 0 &&
               c->lines[2] == 4,
           "long form: columns by name, extra columns ignored, groups in file order, lines kept");
    clio_concordance_free(c);

    c = read_map(tap_scratch_file("matrix.csv", "region,EU,other\n"
                                       "DEU,1,0\n"
                                       "USA,0,1\n"
                                       "FRA,1,0\n"),
                 "region");
    tap_ok(c && c->n == 3 && c->ngroups == 2 && strcmp(c->groups[0], "EU") == 0 &&
               c->group[0] == 0 && c->group[1] == 1 && c->group[2] == 0,
           "0/1 matrix form: group names from the header");
    clio_concordance_free(c);

    /* built by hand */
    clio_concordance *h = clio_concordance_alloc();
    clio_error err = {0};
    int ok = h != NULL;
    for (int k = 0; k < 40 && ok; k++) { /* past several reallocations */
        char label[16];
        snprintf(label, sizeof label, "l%d", k);
        ok = clio_concordance_add(h, label, k % 3 ? "odd" : "three", 0, &err) == CLIO_OK;
    }
    tap_ok(ok && h->n == 40 && h->ngroups == 2 && h->group[39] == 0 && h->group[1] == 1,
           "clio_concordance_add: 40 entries, 2 groups");
    int status = clio_concordance_add(h, "l7", "odd", 0, &err);
    tap_status(status, CLIO_ELABEL, err.message,
               "'l7' is mapped twice (first at concordance entry 8)",
               "hand-built: a label twice names both entries");
    clio_concordance_free(h);
    clio_concordance_free(NULL);
}

static void expect_bad_map(const char *text, const char *key, int want, const char *needle,
                           const char *what)
{
    clio_concordance *c = NULL;
    clio_error err = {0};
    const char *path = tap_scratch_file("bad.csv", text);
    int status = clio_concordance_read_csv(path, key, &c, &err);
    tap_status(status, want, err.message, needle, what);
    tap_ok(c == NULL, "  nothing returned (%s)", what);
    clio_concordance_free(c);
}

static void test_concordance_errors(void)
{
    clio_concordance *c = NULL;
    clio_error err = {0};
    int status = clio_concordance_read_csv("/nonexistent/map.csv", "sector", &c, &err);
    tap_status(status, CLIO_EIO, err.message, "/nonexistent/map.csv", "missing file: CLIO_EIO");
    expect_bad_map("", "sector", CLIO_EFORMAT, "bad.csv: the file is empty", "empty file");
    expect_bad_map("sector,group\n", "sector", CLIO_EFORMAT, "no entries", "header only");
    expect_bad_map("name,group\na,G\n", "sector", CLIO_EFORMAT,
                   "bad.csv:1: the header needs the columns 'sector' and 'group'",
                   "no 'sector' column");
    expect_bad_map("sector,group\na,G\nb\n", "sector", CLIO_EFORMAT,
                   "bad.csv:3: 1 fields, but the header has 2", "short row");
    expect_bad_map("sector,group\na,G\n,H\n", "sector", CLIO_EFORMAT,
                   "bad.csv:3: the label to map is empty", "empty label");
    expect_bad_map("sector,group\na,G\nb,\n", "sector", CLIO_EFORMAT,
                   "bad.csv:3: the group of 'b' is empty", "empty group name");
    expect_bad_map("sector,group\na,G\nb,H\na,H\n", "sector", CLIO_ELABEL,
                   "bad.csv:4: 'a' is mapped twice (first at ", "a sector mapped twice");
    expect_bad_map("sector,G,H\na,1,0\nb,2,0\n", "sector", CLIO_EFORMAT,
                   "bad.csv:3: column 'G': a 0/1 concordance holds 0 or 1, not '2'",
                   "matrix: a cell of 2");
    expect_bad_map("sector,G,H\na,1,1\n", "sector", CLIO_EFORMAT,
                   "bad.csv:2: 'a' has 2 groups marked 1", "matrix: two groups");
    expect_bad_map("sector,G,H\na,0,0\n", "sector", CLIO_EFORMAT,
                   "bad.csv:2: 'a' has 0 groups marked 1", "matrix: no group");
    expect_bad_map("sector,G,H\na,yes,0\n", "sector", CLIO_EFORMAT,
                   "bad.csv:2: column 'G': 'yes' is not a number", "matrix: not a number");
    expect_bad_map("sector,G,\na,1,0\n", "sector", CLIO_EFORMAT,
                   "bad.csv:1: group column 3 has no name", "matrix: a group without a name");
    expect_bad_map("sector,G,H\na,1,0\na,0,1\n", "sector", CLIO_ELABEL,
                   "bad.csv:3: 'a' is mapped twice (first at ", "matrix: a label twice");
}

static void test_concordance_map(void)
{
    clio_concordance *c = read_map(tap_scratch_file("map.csv", "sector,group\na,A\nb,B\nc,A\n"), "sector");
    char *labels[] = {"c", "a", "b", "a"};
    size_t g[4];
    clio_error err = {0};
    int status = clio_concordance_map(c, labels, 4, "sector", CLIO_MAP_STRICT, g, &err);
    tap_ok(status == CLIO_OK && g[0] == 0 && g[1] == 0 && g[2] == 1 && g[3] == 0,
           "map: repeated labels map, groups are indices into c->groups");
    char *missing[] = {"a", "b", "c", "d"};
    status = clio_concordance_map(c, missing, 4, "sector", CLIO_MAP_STRICT, g, &err);
    tap_status(status, CLIO_ELABEL, err.message, "sector 'd' is missing from ",
               "map: a label without an entry names the label and the file");
    status = clio_concordance_map(c, labels, 2, "sector", CLIO_MAP_STRICT, g, &err);
    tap_status(status, CLIO_ELABEL, err.message, "map.csv:3: unknown sector 'b' (not in the table)",
               "map: an entry naming no label gives file:line");
    status = clio_concordance_map(c, labels, 2, "sector", CLIO_MAP_ALLOW_UNUSED, g, &err);
    tap_ok(status == CLIO_OK, "map: CLIO_MAP_ALLOW_UNUSED accepts unused entries");
    clio_concordance_free(c);
}

/* ---- clio_aggregate_matrix ------------------------------------------- */

static void test_aggregate_matrix(void)
{
    /* 3 x 4 matrix, rows {0,2}->0 {1}->1, columns {0,3}->1 {1,2}->0 */
    const double M[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; /* column-major */
    const size_t rg[3] = {0, 1, 0}, cg[4] = {1, 0, 0, 1};
    double out[2 * 2 + 2]; /* ldout = 3 */
    memset(out, 0xff, sizeof out);
    clio_error err = {0};
    int status = clio_aggregate_matrix(3, 4, M, 3, rg, 2, cg, 2, out, 3, &err);
    /* out(0,0) = rows 0,2 x cols 1,2 = 4+6+7+9 = 26; out(1,0) = 5+8 = 13
     * out(0,1) = rows 0,2 x cols 0,3 = 1+3+10+12 = 26; out(1,1) = 2+11 = 13 */
    tap_ok(status == CLIO_OK && out[0] == 26 && out[1] == 13 && out[3] == 26 && out[4] == 13,
           "aggregate_matrix: hand-computed 2 x 2 from 3 x 4");
    status = clio_aggregate_matrix(3, 4, M, 3, NULL, 3, cg, 2, out, 3, &err);
    tap_ok(status == CLIO_OK && out[0] == 4 + 7 && out[1] == 5 + 8 && out[2] == 6 + 9 &&
               out[3] == 1 + 10,
           "aggregate_matrix: NULL row map is the identity");
    const size_t bad[3] = {0, 2, 0};
    status = clio_aggregate_matrix(3, 4, M, 3, bad, 2, cg, 2, out, 3, &err);
    tap_status(status, CLIO_EINVAL, err.message, "row 1 maps to group 2 of 2",
               "aggregate_matrix: a group out of range");
    status = clio_aggregate_matrix(3, 4, M, 2, rg, 2, cg, 2, out, 3, &err);
    tap_status(status, CLIO_EINVAL, err.message, "leading dimensions", "aggregate_matrix: ld < m");
    status = clio_aggregate_matrix(3, 4, M, 3, NULL, 2, cg, 2, out, 3, &err);
    tap_status(status, CLIO_EINVAL, err.message, "identity row map of 3 onto 2",
               "aggregate_matrix: identity with the wrong group count");
}

/* ---- clio_aggregate --------------------------------------------------- */

/* Dense reference: S (n' x n) from the sector map, Z' = S Z S'. */
static double dense_reference_error(const clio_table *t, const clio_table *a, const size_t *to)
{
    size_t n = t->n, m = a->n;
    double *S = calloc(m * n, sizeof *S), *SZ = calloc(m * n, sizeof *SZ),
           *R = calloc(m * m, sizeof *R);
    for (size_t i = 0; i < n; i++)
        S[to[i] + i * m] = 1;
    for (size_t j = 0; j < n; j++)
        for (size_t l = 0; l < n; l++)
            for (size_t p = 0; p < m; p++)
                SZ[p + j * m] += S[p + l * m] * t->Z[l + j * n];
    for (size_t q = 0; q < m; q++)
        for (size_t j = 0; j < n; j++)
            for (size_t p = 0; p < m; p++)
                R[p + q * m] += SZ[p + j * m] * S[q + j * m];
    double d = max_rel_diff(a->Z, R, m * m);
    free(S);
    free(SZ);
    free(R);
    return d;
}

static void test_aggregate_properties(void)
{
    clio_table *t = random_mrio(4, 5, 42);
    tap_ok(balances(t, 1e-12), "random MRIO (4 regions x 5 sectors) balances");
    clio_concordance *sec = read_map(tap_scratch_file("sec.csv", "sector,group\n"
                                                        "s1,B\ns2,A\ns3,B\ns4,C\ns5,A\n"),
                                     "sector");
    clio_concordance *reg = read_map(tap_scratch_file("reg.csv", "region,group\n"
                                                        "R1,West\nR2,East\nR3,West\nR4,East\n"),
                                     "region");
    clio_table *a = NULL;
    clio_error err = {0};
    int status = clio_aggregate(t, sec, reg, &a, &err);
    if (!tap_ok(status == CLIO_OK && a, "aggregate 20 sectors to 2 regions x 3 groups (%s)",
                err.message)) {
        clio_table_free(t);
        return;
    }
    tap_ok(a->n == 6 && a->nregions == 2 && a->nfd == 4 && a->nva == 2 && a->nsat == 1,
           "shape: 6 sectors, 2 regions, 4 final-demand columns");
    tap_ok(strcmp(a->regions[0], "West") == 0 && strcmp(a->regions[1], "East") == 0 &&
               strcmp(a->sector_names[0], "B") == 0 && strcmp(a->sector_names[1], "A") == 0 &&
               strcmp(a->sector_names[2], "C") == 0 && a->sector_region[3] == 1 &&
               strcmp(a->sector_names[3], "B") == 0 && strcmp(a->fd_names[0], "hh") == 0 &&
               strcmp(a->fd_names[1], "gov") == 0 && a->fd_region[2] == 1,
           "labels in order of first appearance in the table: West|B, West|A, West|C, East|B...");
    tap_close(sum(a->Z, 36), sum(t->Z, 400), 1e-13, "sum of Z kept");
    tap_close(sum(a->Y, 24), sum(t->Y, 20 * 8), 1e-13, "sum of Y kept");
    tap_close(sum(a->V, 12), sum(t->V, 40), 1e-13, "sum of V kept");
    tap_close(sum(a->x, 6), sum(t->x, 20), 1e-13, "sum of x kept");
    tap_close(sum(a->S, 6), sum(t->S, 20), 1e-13, "sum of satellites kept");
    tap_close(sum(a->SY, 4), sum(t->SY, 8), 1e-13, "sum of SY kept");
    tap_ok(balances(a, 1e-12), "the aggregated table balances (clio_table_check)");
    tap_ok(strcmp(a->va_names[1], "other") == 0 && strcmp(a->sat_units[0], "t") == 0,
           "value-added and satellite labels kept");
    /* one cell by hand: West|A buys from East|B = regions {R2,R4} sectors {s1,s3}
     * to regions {R1,R3} sectors {s2,s5} */
    double cell = 0;
    size_t rows[] = {5, 7, 15, 17}, cols[] = {1, 4, 11, 14};
    for (size_t p = 0; p < 4; p++)
        for (size_t q = 0; q < 4; q++)
            cell += t->Z[rows[p] + cols[q] * 20];
    tap_close(a->Z[3 + 1 * 6], cell, 1e-14, "Z'(East|B, West|A) summed by hand");
    size_t to[20];
    for (size_t i = 0; i < 20; i++) {
        size_t g = (i % 5 == 1 || i % 5 == 4) ? 1 : (i % 5 == 3 ? 2 : 0);
        to[i] = (i / 5 % 2) * 3 + g;
    }
    double d = dense_reference_error(t, a, to);
    tap_ok(d < 1e-14, "Z' = S Z S' with a dense 0/1 S (max relative difference %.2g)", d);

    /* identity concordances give back the same table */
    clio_concordance *isec = read_map(
        tap_scratch_file("isec.csv", "sector,group\ns1,s1\ns2,s2\ns3,s3\ns4,s4\ns5,s5\n"), "sector");
    clio_concordance *ireg =
        read_map(tap_scratch_file("ireg.csv", "region,group\nR1,R1\nR2,R2\nR3,R3\nR4,R4\n"), "region");
    clio_table *same = NULL;
    char why[256] = "";
    status = clio_aggregate(t, isec, ireg, &same, &err);
    tap_ok(status == CLIO_OK && same_table(same, t, 0, why, sizeof why),
           "identity mapping returns the same table exactly %s", why);
    clio_table_free(same);
    same = NULL;
    status = clio_aggregate(t, NULL, NULL, &same, &err);
    tap_ok(status == CLIO_OK && same_table(same, t, 0, why, sizeof why),
           "no concordances: the same table %s", why);
    clio_table_free(same);

    /* two steps (sectors, then regions) = one step */
    clio_table *step1 = NULL, *step2 = NULL;
    status = clio_aggregate(t, sec, NULL, &step1, &err);
    if (status == CLIO_OK)
        status = clio_aggregate(step1, NULL, reg, &step2, &err);
    why[0] = '\0';
    tap_ok(status == CLIO_OK && same_table(step2, a, 1e-14, why, sizeof why),
           "sectors then regions = both at once %s", why);
    clio_table_free(step2);
    step2 = NULL;
    /* and a coarser second step: groups {A,B} -> AB, C -> C, both regions -> World */
    clio_concordance *sec2 =
        read_map(tap_scratch_file("sec2.csv", "sector,group\nA,AB\nB,AB\nC,C\n"), "sector");
    clio_concordance *reg2 =
        read_map(tap_scratch_file("reg2.csv", "region,group\nWest,World\nEast,World\n"), "region");
    clio_concordance *sec12 = read_map(
        tap_scratch_file("sec12.csv", "sector,group\ns1,AB\ns2,AB\ns3,AB\ns4,C\ns5,AB\n"), "sector");
    clio_concordance *reg12 = read_map(
        tap_scratch_file("reg12.csv", "region,group\nR1,World\nR2,World\nR3,World\nR4,World\n"), "region");
    clio_table *direct = NULL;
    status = clio_aggregate(a, sec2, reg2, &step2, &err);
    if (status == CLIO_OK)
        status = clio_aggregate(t, sec12, reg12, &direct, &err);
    why[0] = '\0';
    tap_ok(status == CLIO_OK && same_table(step2, direct, 1e-14, why, sizeof why) &&
               step2->n == 2 && step2->nfd == 2,
           "aggregating the aggregate = aggregating once with the composed map %s", why);
    clio_table_free(step1);
    clio_table_free(step2);
    clio_table_free(direct);
    clio_concordance_free(sec2);
    clio_concordance_free(reg2);
    clio_concordance_free(sec12);
    clio_concordance_free(reg12);
    clio_concordance_free(isec);
    clio_concordance_free(ireg);
    clio_table_free(a);
    clio_concordance_free(sec);
    clio_concordance_free(reg);
    clio_table_free(t);
}

static void test_aggregate_errors(void)
{
    clio_table *t = random_mrio(2, 3, 7);
    clio_table *a = NULL;
    clio_error err = {0};
    clio_concordance *c = read_map(tap_scratch_file("missing.csv", "sector,group\ns1,A\ns2,A\n"), "sector");
    int status = clio_aggregate(t, c, NULL, &a, &err);
    tap_status(status, CLIO_ELABEL, err.message, "sector 's3' is missing from ",
               "a sector missing from the concordance is named");
    tap_ok(a == NULL, "  no table returned");
    clio_concordance_free(c);
    c = read_map(tap_scratch_file("unknown.csv", "sector,group\ns1,A\ns2,A\ns3,B\nsteel,B\n"), "sector");
    status = clio_aggregate(t, c, NULL, &a, &err);
    tap_status(status, CLIO_ELABEL, err.message, "unknown.csv:5: unknown sector 'steel'",
               "an unknown sector in the concordance: file:line");
    clio_concordance_free(c);
    c = read_map(tap_scratch_file("ureg.csv", "region,group\nR1,A\nR2,A\nR9,A\n"), "region");
    status = clio_aggregate(t, NULL, c, &a, &err);
    tap_status(status, CLIO_ELABEL, err.message, "ureg.csv:4: unknown region 'R9'",
               "an unknown region: file:line");
    clio_concordance_free(c);
    c = read_map(tap_scratch_file("mreg.csv", "region,group\nR1,A\n"), "region");
    status = clio_aggregate(t, NULL, c, &a, &err);
    tap_status(status, CLIO_ELABEL, err.message, "region 'R2' is missing from ",
               "a region missing from the concordance");
    clio_concordance_free(c);
    double *Z = t->Z;
    t->Z = NULL;
    status = clio_aggregate(t, NULL, NULL, &a, &err);
    tap_status(status, CLIO_EINVAL, err.message, "consumed", "a table without Z: CLIO_EINVAL");
    t->Z = Z;
    clio_table_free(t);
}

/* ---- known answer: BEA 1997 summary -> sector level --------------------- */

/* A BEA sector-level CSV (code,label,<columns>): values by (row code,
 * column code); NaN when absent. */
static double bea_cell(const clioi_csv *csv, const char *row, const char *col)
{
    size_t c = clioi_csv_column(&csv->rows[0], col);
    for (size_t r = 1; r < csv->nrows && c != CLIO_NONE; r++)
        if (strcmp(csv->rows[r].fields[0], row) == 0) {
            double v;
            return clioi_parse_double(csv->rows[r].fields[c], &v) == 0 ? v : NAN;
        }
    return NAN;
}

/* Aggregate a BEA summary matrix with the concordance and compare every
 * cell with BEA's sector-level table (not the T totals). */
static void check_bea(const char *summary, const char *sector, const clio_concordance *map,
                      size_t want_cells)
{
    clioi_lmatrix *m = NULL;
    clioi_csv *pub = NULL;
    clio_error err = {0};
    if (clioi_lmatrix_read(summary, 0, &m, &err) != CLIO_OK ||
        clioi_csv_read(sector, &pub, &err) != CLIO_OK) {
        tap_ok(0, "read %s (%s)", summary, err.message);
        clioi_lmatrix_free(m);
        return;
    }
    size_t *rg = calloc(m->rows, sizeof *rg), *cg = calloc(m->cols, sizeof *cg);
    size_t G = map->ngroups;
    double *out = calloc(G * G, sizeof *out);
    int status =
        clio_concordance_map(map, m->row_keys, m->rows, "code", CLIO_MAP_ALLOW_UNUSED, rg, &err);
    if (status == CLIO_OK)
        status = clio_concordance_map(map, m->col_keys, m->cols, "code", CLIO_MAP_ALLOW_UNUSED, cg,
                                      &err);
    if (status == CLIO_OK)
        status =
            clio_aggregate_matrix(m->rows, m->cols, m->values, m->rows, rg, G, cg, G, out, G, &err);
    size_t cells = 0, bad = 0;
    double worst = 0;
    const clioi_csv_row *h = &pub->rows[0];
    for (size_t r = 1; r < pub->nrows && status == CLIO_OK; r++) {
        const char *rc = pub->rows[r].fields[0];
        size_t gr = clioi_find_label(map->groups, G, rc);
        for (size_t c = 2; c < h->nfields; c++) {
            size_t gc = clioi_find_label(map->groups, G, h->fields[c]);
            if (rc[0] == 'T' || h->fields[c][0] == 'T')
                continue; /* totals */
            double want = bea_cell(pub, rc, h->fields[c]);
            double got = gr == CLIO_NONE || gc == CLIO_NONE ? NAN : out[gr + gc * G];
            double diff = fabs(got - want);
            /* BEA's files round to 0.1 (USD million): a sum of up to a few
             * hundred rounded cells is off by a few hundredths at most. */
            if (!(diff <= 0.05 + 1e-12 * fabs(want))) {
                if (bad++ < 3)
                    tap_diag("%s (%s, %s): got %.3f, BEA %.3f", sector, rc, h->fields[c], got,
                             want);
            }
            worst = fmax(worst, diff);
            cells++;
        }
    }
    tap_ok(status == CLIO_OK && bad == 0 && cells == want_cells,
           "%s: %zu cells equal BEA's within 0.05 (largest difference %.3f) %s", sector, cells,
           worst, status == CLIO_OK ? "" : err.message);
    free(rg);
    free(cg);
    free(out);
    clioi_lmatrix_free(m);
    clioi_csv_free(pub);
}

static void test_bea_known_answer(void)
{
    if (access(BEA "codes.csv", R_OK) != 0) {
        tap_skip(3, "BEA 1997 summary tables not found in ../shared/data");
        return;
    }
    clio_concordance *map = read_map(BEA_MAP, "code");
    tap_ok(map && map->n == 150 && map->ngroups == 22,
           "BEA concordance: 150 I-O codes to 13 sectors, 3 value-added rows, 6 final uses");
    if (!map)
        return;
    /* Use: 13 commodity groups + 3 value-added rows by 12 industries + 6 final uses;
     * Make: 12 x 12 */
    check_bea(BEA "use_after_redef_1997_producer_prices.csv",
              BEA "sector_level_use_after_redef_1997.csv", map, 16 * 18);
    check_bea(BEA "make_after_redef_1997.csv", BEA "sector_level_make_after_redef_1997.csv", map,
              12 * 12);
    clio_concordance_free(map);
}

/* ---- WIOD 2011: 1435 sectors to 2 regions x 3 sectors, timed ------------ */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void test_wiod(void)
{
    const clio_matrixset_files files = {.Z = "Z_2011.csv", .Y = "Y_2011.csv", .x = "x_2011.csv"};
    clio_table *t = NULL;
    clio_error err = {0};
    if (access(WIOD "/Z_2011.csv", R_OK) != 0) {
        tap_skip(4, "WIOD 2013 release not found in ../shared/data");
        return;
    }
    int status = clio_table_read_matrixset(WIOD, &files, NULL, &t, &err);
    if (!tap_ok(status == CLIO_OK && t->n == 1435, "WIOD 2011 loads (%s)", err.message))
        return;
    clio_concordance *reg = read_map(WIOD_REGIONS, "region"),
                     *sec = read_map(WIOD_SECTORS, "sector");
    clio_table *a = NULL;
    double best = 1e9;
    for (int run = 0; run < 5 && status == CLIO_OK; run++) {
        clio_table_free(a);
        a = NULL;
        double t0 = now();
        status = clio_aggregate(t, sec, reg, &a, &err);
        best = fmin(best, now() - t0);
    }
    tap_ok(
        status == CLIO_OK && a->n == 6 && a->nregions == 2 && a->nfd == 10 &&
            strcmp(a->regions[0], "non-EU") == 0 && strcmp(a->regions[1], "EU") == 0,
        "WIOD 2011 to non-EU/EU x primary/industry/services: 6 sectors, 10 final-demand columns");
    tap_diag("clio_aggregate on WIOD 2011 (1435 sectors, 205 final-demand columns): %.2f ms "
             "(best of 5)",
             1e3 * best);
    tap_ok(status == CLIO_OK &&
               fabs(sum(a->Z, 36) - sum(t->Z, t->n * t->n)) <= 1e-12 * sum(t->Z, t->n * t->n) &&
               fabs(sum(a->Y, 60) - sum(t->Y, t->n * t->nfd)) <=
                   1e-12 * fabs(sum(t->Y, t->n * t->nfd)) &&
               fabs(sum(a->x, 6) - sum(t->x, t->n)) <= 1e-12 * sum(t->x, t->n),
           "WIOD: totals of Z, Y and x kept");
    /* Generous bound (sanitizer builds are ~10x slower): the point is that
     * nothing of size n x n' is formed and multiplied. */
    tap_ok(best < 0.25, "WIOD aggregation takes milliseconds, not seconds (%.2f ms)", 1e3 * best);
    clio_table_free(a);
    clio_concordance_free(reg);
    clio_concordance_free(sec);
    clio_table_free(t);
}

/* ---- disaggregation ----------------------------------------------------- */

/* Miller & Blair (2009) Table 2.3: Z = [150 500; 200 100], f = [350 1700],
 * x = [1000 2000], value added [650 1400]. */
static clio_table *miller_blair(void)
{
    clio_table *t = clio_table_alloc(1, 2, 1, 1, 1);
    set(t, CLIO_LABEL_REGION, 0, "US");
    set(t, CLIO_LABEL_SECTOR, 0, "agriculture");
    set(t, CLIO_LABEL_SECTOR, 1, "manufacturing");
    set(t, CLIO_LABEL_FINAL_DEMAND, 0, "final");
    set(t, CLIO_LABEL_VALUE_ADDED, 0, "value_added");
    set(t, CLIO_LABEL_SATELLITE, 0, "jobs");
    t->sector_region[0] = t->sector_region[1] = 0;
    const double Z[4] = {150, 200, 500, 100}, Y[2] = {350, 1700}, x[2] = {1000, 2000},
                 V[2] = {650, 1400}, S[2] = {30, 50};
    memcpy(t->Z, Z, sizeof Z);
    memcpy(t->Y, Y, sizeof Y);
    memcpy(t->x, x, sizeof x);
    memcpy(t->V, V, sizeof V);
    memcpy(t->S, S, sizeof S);
    t->SY[0] = 5;
    return t;
}

static clio_shares *shares_of(const char *text)
{
    clio_shares *s = NULL;
    clio_error err = {0};
    if (clio_shares_read_csv(tap_scratch_file("shares.csv", text), &s, &err) != CLIO_OK)
        tap_diag("%s", err.message);
    return s;
}

static void test_disaggregate_known(void)
{
    clio_table *t = miller_blair();
    tap_ok(balances(t, 1e-12), "Miller & Blair Table 2.3 balances");
    clio_shares *s = shares_of("new_sector,share\ncrops,0.25\nlivestock,0.75\n");
    clio_table *d = NULL;
    clio_error err = {0};
    int status = clio_disaggregate(t, 0, s, &d, &err);
    if (!tap_ok(status == CLIO_OK && d && d->n == 3, "split agriculture 25/75 (%s)", err.message)) {
        clio_table_free(t);
        clio_shares_free(s);
        return;
    }
    /* By hand: z(crops,crops) = .25*.25*150 = 9.375, z(crops,livestock) =
     * .25*.75*150 = 28.125, z(livestock,livestock) = .5625*150 = 84.375,
     * z(crops,manuf) = .25*500 = 125, z(manuf,livestock) = .75*200 = 150,
     * y(livestock) = .75*350 = 262.5, x = 250, 750, 2000, V(crops) = 162.5. */
    const double Zw[9] = {9.375, 28.125, 50, 28.125, 84.375, 150, 125, 375, 100};
    const double Yw[3] = {87.5, 262.5, 1700}, xw[3] = {250, 750, 2000},
                 Vw[3] = {162.5, 487.5, 1400}, Sw[3] = {7.5, 22.5, 50};
    tap_ok(max_rel_diff(d->Z, Zw, 9) < 1e-15 && max_rel_diff(d->Y, Yw, 3) < 1e-15 &&
               max_rel_diff(d->x, xw, 3) < 1e-15 && max_rel_diff(d->V, Vw, 3) < 1e-15 &&
               max_rel_diff(d->S, Sw, 3) < 1e-15 && d->SY[0] == 5,
           "split values by hand (rows, columns, diagonal block, Y, V, S, x)");
    tap_ok(strcmp(d->sector_names[0], "crops") == 0 &&
               strcmp(d->sector_names[1], "livestock") == 0 &&
               strcmp(d->sector_names[2], "manufacturing") == 0 && d->sector_region[1] == 0,
           "new sectors take the old one's place, in the order of the shares file");
    tap_ok(balances(d, 1e-12), "the split table balances");
    tap_close(d->Z[2 + 0 * 3] / d->x[0], t->Z[1 + 0 * 2] / t->x[0], 1e-15,
              "new sectors keep the old input coefficients");
    clio_table_free(d);
    clio_shares_free(s);
    clio_table_free(t);
}

static void test_disaggregate_roundtrip(void)
{
    clio_table *t = random_mrio(3, 4, 99);
    clio_shares *s = shares_of("share,new_sector\n0.2,s3a\n0.5,s3b\n0.3,s3c\n");
    clio_table *d = NULL, *back = NULL;
    clio_error err = {0};
    size_t j = 0;
    int status = clio_table_find_sector(t, "R2", "s3", &j, &err);
    if (status == CLIO_OK)
        status = clio_disaggregate(t, j, s, &d, &err);
    if (!tap_ok(status == CLIO_OK && d->n == 14, "split R2|s3 of a 12-sector MRIO in 3 (%s)",
                err.message)) {
        clio_table_free(t);
        clio_shares_free(s);
        return;
    }
    tap_ok(balances(d, 1e-12), "the split MRIO balances");
    tap_ok(strcmp(d->sector_names[j + 2], "s3c") == 0 && d->sector_region[j + 2] == 1 &&
               strcmp(d->sector_names[j + 3], "s4") == 0,
           "R2|s3a, R2|s3b, R2|s3c in place of R2|s3");
    /* aggregate back: s3a, s3b, s3c -> s3 (other names to themselves) */
    clio_concordance *back_map = read_map(
        tap_scratch_file("back.csv", "sector,group\ns1,s1\ns2,s2\ns3,s3\ns3a,s3\ns3b,s3\ns3c,s3\ns4,s4\n"),
        "sector");
    status = clio_aggregate(d, back_map, NULL, &back, &err);
    char why[256] = "";
    tap_ok(status == CLIO_OK && same_table(back, t, 1e-14, why, sizeof why),
           "aggregating the split sectors back returns the original table %s", why);
    clio_table_free(back);
    clio_concordance_free(back_map);
    clio_table_free(d);
    d = NULL;

    /* a new name may reuse the split sector's, not another sector's */
    clio_shares *clash = shares_of("new_sector,share\ns3,0.5\ns4,0.5\n");
    status = clio_disaggregate(t, j, clash, &d, &err);
    tap_status(status, CLIO_ELABEL, err.message,
               "new sector 's4' is already a sector of region 'R2' in ",
               "a new name that is another sector of the region: CLIO_ELABEL");
    clio_shares_free(clash);
    status = clio_disaggregate(t, 12, s, &d, &err);
    tap_status(status, CLIO_EINVAL, err.message, "sector 12 of 12", "sector index out of range");
    clio_shares hand = {NULL, 2, (char *[]){"a", "b"}, (double[]){0.5, 0.4}, NULL};
    status = clio_disaggregate(t, j, &hand, &d, &err);
    tap_status(status, CLIO_EVALUE, err.message, "the shares sum to 0.9",
               "hand-built shares that do not sum to 1");
    clio_table_free(d);
    clio_shares_free(s);
    clio_table_free(t);
}

static void expect_bad_shares(const char *text, int want, const char *needle, const char *what)
{
    clio_shares *s = NULL;
    clio_error err = {0};
    int status = clio_shares_read_csv(tap_scratch_file("bad_shares.csv", text), &s, &err);
    tap_status(status, want, err.message, needle, what);
    clio_shares_free(s);
}

static void test_shares_errors(void)
{
    clio_shares *s = NULL;
    clio_error err = {0};
    int status = clio_shares_read_csv("/nonexistent/shares.csv", &s, &err);
    tap_status(status, CLIO_EIO, err.message, "/nonexistent/shares.csv", "shares: missing file");
    expect_bad_shares("", CLIO_EFORMAT, "the file is empty", "shares: empty file");
    expect_bad_shares("new_sector,weight\na,1\n", CLIO_EFORMAT,
                      "bad_shares.csv:1: the header needs the columns 'new_sector' and 'share'",
                      "shares: no 'share' column");
    expect_bad_shares("new_sector,share\n", CLIO_EFORMAT, "no shares", "shares: header only");
    expect_bad_shares("new_sector,share\na,0.5\nb\n", CLIO_EFORMAT,
                      "bad_shares.csv:3: 1 fields, but the header has 2", "shares: short row");
    expect_bad_shares("new_sector,share\na,half\nb,0.5\n", CLIO_EFORMAT,
                      "bad_shares.csv:2: column 'share': 'half' is not a number",
                      "shares: not a number");
    expect_bad_shares("new_sector,share\na,nan\nb,0.5\n", CLIO_EVALUE,
                      "bad_shares.csv:2: the share of 'a' is nan", "shares: NaN");
    expect_bad_shares("new_sector,share\na,-0.5\nb,1.5\n", CLIO_EVALUE,
                      "bad_shares.csv:2: the share of 'a' is -0.5", "shares: negative");
    expect_bad_shares("new_sector,share\na,0.5\nb,0.6\n", CLIO_EVALUE,
                      "bad_shares.csv: the shares sum to 1.1", "shares: sum is not 1");
    expect_bad_shares("new_sector,share\na,0.5\na,0.5\n", CLIO_ELABEL,
                      "bad_shares.csv:3: new sector 'a' is given twice", "shares: a name twice");
    expect_bad_shares("new_sector,share\n,0.5\nb,0.5\n", CLIO_EFORMAT,
                      "bad_shares.csv:2: the new sector name is empty", "shares: empty name");
}

int main(void)
{
    tap_scratch_begin("aggregate");
    test_concordance_forms();
    test_concordance_errors();
    test_concordance_map();
    test_aggregate_matrix();
    test_aggregate_properties();
    test_aggregate_errors();
    test_bea_known_answer();
    test_wiod();
    test_disaggregate_known();
    test_disaggregate_roundtrip();
    test_shares_errors();
    tap_scratch_end();
    return tap_done();
}
