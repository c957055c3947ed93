/* test_regionalize.c -- location quotients and regional tables: SLQ, CILQ,
 * FLQ and AFLQ worked by hand on a 3-sector example (and the regional
 * multipliers of that example from NumPy), the properties that must hold
 * on any table (regional coefficients <= national, regional multipliers <=
 * national, FLQ <= AFLQ, a larger delta never raises an FLQ coefficient) on
 * Germany 1995 (6 sectors, real national employment, a made-up region) and
 * the UK 2010 (127 products, a made-up region's output), survey overrides,
 * and every bad input of the size and override files. */
#include "clio.h"
#include "clioi.h"
#include "tap.h"

#include <math.h>
#include <stdlib.h>

#define SHARED "../shared/data/"
#define FIX "tests/fixtures/regional/"
#define UK_CSV SHARED "uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv"
#define UK_SPEC "tests/fixtures/specs/uk_2010.yaml"

/*
 * The hand example: three sectors, national employment e^n = (100, 200,
 * 100), total 400; regional employment e^r = (20, 10, 10), total 40.
 * Regional shares (0.5, 0.25, 0.25), national shares (0.25, 0.5, 0.25):
 *   SLQ = (2, 0.5, 1).
 *   CILQ_ij = SLQ_i / SLQ_j, diagonal SLQ_i:
 *     [2    4  2 ]
 *     [0.25 0.5 0.5]
 *     [0.5  2  1 ]
 *   lambda* = [log2(1 + 40/400)]^0.3 = 0.13750352^0.3 = 0.55143477
 *     (ln 0.13750352 = -1.984076; x 0.3 = -0.595223; exp = 0.551435)
 *   FLQ = lambda* CILQ.
 *   AFLQ: only SLQ_1 = 2 > 1, so column 1 of FLQ times log2(3) = 1.5849625.
 * National A (x = (100, 200, 100)):
 *     [0.1 0.2 0.1]
 *     [0.2 0.1 0.3]
 *     [0.1 0.1 0.2]
 * Regional output x^r = x e^r / e^n = (20, 10, 10).
 */
static const double LAMBDA = 0.5514347723323603, LOG2_3 = 1.584962500721156;
static const double EN[3] = {100, 200, 100}, ER[3] = {20, 10, 10};

static clio_table *hand_table(void)
{
    static const double A[9] = {0.1, 0.2, 0.1, 0.2, 0.1, 0.1, 0.1, 0.3, 0.2}; /* by column */
    static const char *const names[3] = {"s1", "s2", "s3"};
    clio_table *t = clio_table_alloc(1, 3, 1, 1, 1);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "NAT");
    clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, 0, "fd");
    clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, 0, "va");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "jobs");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "persons");
    for (size_t j = 0; j < 3; j++) {
        clio_table_set_label(t, CLIO_LABEL_SECTOR, j, names[j]);
        t->sector_region[j] = 0;
        t->x[j] = EN[j]; /* output equal to employment: one job per unit */
        t->S[j] = EN[j];
    }
    for (size_t j = 0; j < 3; j++) {
        double used = 0;
        for (size_t i = 0; i < 3; i++)
            used += t->Z[i + 3 * j] = A[i + 3 * j] * t->x[j];
        t->V[j] = t->x[j] - used;
    }
    for (size_t i = 0; i < 3; i++) {
        double sold = 0;
        for (size_t j = 0; j < 3; j++)
            sold += t->Z[i + 3 * j];
        t->Y[i] = t->x[i] - sold;
    }
    return t;
}

static void test_hand_quotients(void)
{
    static const double cilq[9] = {2, 0.25, 0.5, 4, 0.5, 2, 2, 0.5, 1}; /* by column */
    double LQ[9];
    clio_error err = {0};
    int ok = clio_location_quotients(3, ER, EN, CLIO_LQ_SLQ, 0.3, LQ, 3, &err) == CLIO_OK;
    tap_ok(ok && LQ[0] == 2 && LQ[1] == 0.5 && LQ[2] == 1 && LQ[3] == 2 && LQ[8] == 1,
           "SLQ of the hand example: (2, 0.5, 1) in every column");
    ok = clio_location_quotients(3, ER, EN, CLIO_LQ_CILQ, 0.3, LQ, 3, &err) == CLIO_OK;
    int same = ok;
    for (int k = 0; k < 9; k++)
        same &= fabs(LQ[k] - cilq[k]) <= 1e-15 * cilq[k];
    tap_ok(same, "CILQ of the hand example: SLQ_i / SLQ_j, SLQ_i on the diagonal");
    ok = clio_location_quotients(3, ER, EN, CLIO_LQ_FLQ, 0.3, LQ, 3, &err) == CLIO_OK;
    tap_close(LQ[0], 2 * LAMBDA, 1e-14, "FLQ_11 = lambda* SLQ_1 (lambda* = 0.55143477)");
    tap_close(LQ[3], 4 * LAMBDA, 1e-14, "FLQ_12 = lambda* CILQ_12 = 4 lambda*");
    tap_close(LQ[5], 2 * LAMBDA, 1e-14, "FLQ_32 = 2 lambda*");
    ok = clio_location_quotients(3, ER, EN, CLIO_LQ_AFLQ, 0.3, LQ, 3, &err) == CLIO_OK;
    tap_close(LQ[1], 0.25 * LAMBDA * LOG2_3, 1e-14, "AFLQ_21 = FLQ_21 log2(1 + SLQ_1)");
    tap_close(LQ[0], 2 * LAMBDA * LOG2_3, 1e-14, "AFLQ_11 = FLQ_11 log2(3) (the diagonal too)");
    tap_close(LQ[3], 4 * LAMBDA, 1e-14, "AFLQ_12 = FLQ_12 (SLQ_2 = 0.5 <= 1)");
    ok = clio_location_quotients(3, ER, EN, CLIO_LQ_FLQ, 0, LQ, 3, &err) == CLIO_OK;
    tap_ok(ok && LQ[3] == 4 && LQ[0] == 2, "delta 0: lambda* = 1, FLQ = CILQ");

    /* A sector absent from the region: SLQ_2 = 0. */
    const double er0[3] = {20, 0, 10};
    ok = clio_location_quotients(3, er0, EN, CLIO_LQ_CILQ, 0.3, LQ, 3, &err) == CLIO_OK;
    tap_ok(ok && isinf(LQ[3]) && LQ[1] == 0 && LQ[4] == 0,
           "CILQ with an absent sector: +Inf as buyer, 0 as seller");
}

static void test_hand_table(void)
{
    clio_table *t = hand_table();
    clio_error err = {0};
    clio_regional_options opt = {.method = CLIO_LQ_FLQ, .delta = 0.3};
    double R[9];
    int ok = clio_regional_coefficients(t, ER, EN, &opt, R, 3, &err) == CLIO_OK;
    /* FLQ min(., 1): row 1 all 1 (2 lambda*, 4 lambda* > 1); row 2 0.25
     * lambda*, 0.5 lambda*, 0.5 lambda*; row 3 0.5 lambda*, 1, lambda*. */
    tap_ok(ok, "regional coefficients by FLQ");
    tap_close(R[0], 0.1, 1e-15, "r_11 = a_11 (FLQ_11 = 1.10 capped at 1)");
    tap_close(R[1], 0.2 * 0.25 * LAMBDA, 1e-14, "r_21 = a_21 0.25 lambda*");
    tap_close(R[5], 0.1, 1e-15, "r_32 = a_32 (2 lambda* capped)");
    tap_close(R[8], 0.2 * LAMBDA, 1e-14, "r_33 = a_33 lambda*");

    clio_table *r;
    opt.method = CLIO_LQ_CILQ;
    ok = clio_regionalize(t, "REG", ER, EN, &opt, &r, &err) == CLIO_OK;
    tap_ok(ok && r->n == 3 && r->nva == 2 && r->nfd == 2 && strcmp(r->regions[0], "REG") == 0,
           "regional table: 3 sectors of REG, an import row, a net-export column");
    if (ok) {
        tap_close(r->x[1], 10, 1e-15, "x^r_2 = x_2 e^r_2 / e^n_2 = 10");
        /* CILQ: r_21 = 0.2 * 0.25 = 0.05, z^r_21 = 0.05 * 20 = 1. */
        tap_close(r->Z[1], 1, 1e-14, "z^r_21 = a_21 CILQ_21 x^r_1 = 1");
        /* imports of column 1: (0.1 + 0.2 + 0.1 - 0.1 - 0.05 - 0.05) * 20 = 4 */
        tap_close(r->V[1 + 0 * 2], 4, 1e-14, "imports of sector 1 = sum_i (a_i1 - r_i1) x^r_1");
        /* final demand share e^r / e^n = 0.1: y^r_1 = 0.1 * 40 */
        tap_close(r->Y[0], 4, 1e-14, "final demand = 0.1 x national (employment share)");
        tap_close(r->S[0], 20, 1e-14, "satellites per unit of output as national");
        clio_report rep = {0};
        int st = clio_table_check(r, 1e-12, &rep);
        tap_ok(st == CLIO_OK && rep.nwarnings == 0,
               "the regional table balances (rows with net exports, columns with imports)");
        clio_report_free(&rep);
        tap_ok(strstr(r->va_names[1], "imports") && strcmp(r->fd_names[1], "net_exports") == 0,
               "import row and net-export column are named");
        clio_table_free(r);
    } else {
        tap_skip(8, err.message);
    }

    /* Multipliers against NumPy: m = (I - R)^-T 1 for each method. */
    static const double want[5][3] = {
        {1.7307692307692304, 1.7307692307692306, 2.1153846153846154},
        {1.4742589703588145, 1.5444617784711392, 1.7238689547581902},
        {1.2886008387342738, 1.502096835684331, 1.6927182615325962},
        {1.1971299226322205, 1.4175396862372194, 1.3902966800316006},
        {1.2483229520081935, 1.4287676388837285, 1.3970944059890504}};
    static const int methods[4] = {CLIO_LQ_SLQ, CLIO_LQ_CILQ, CLIO_LQ_FLQ, CLIO_LQ_AFLQ};
    clio_result *res;
    opt.delta = 0.3;
    ok = clio_regional_multipliers(t, "REG", ER, EN, &opt, methods, 4, &res, &err) == CLIO_OK;
    tap_ok(ok && res->nfields == 5 && strcmp(res->fields[0], "national") == 0 &&
               strcmp(res->fields[4], "aflq") == 0,
           "multiplier comparison: fields national, slq, cilq, flq, aflq");
    int close = ok;
    for (size_t j = 0; ok && j < 3; j++)
        for (size_t f = 0; f < 5; f++)
            close &= fabs(clio_result_value(res, j, 0, f) - want[f][j]) <= 1e-12 * want[f][j];
    tap_ok(close, "regional output multipliers match NumPy's (I - R)^-T 1 for every method");
    if (ok)
        clio_result_free(res);
    clio_table_free(t);
}

static void test_overrides(void)
{
    clio_table *t = hand_table();
    clio_error err = {0};
    tap_scratch_begin("rpc");
    char path[256];
    snprintf(path, sizeof path, "%s/rpc.csv", tap_dir);
    tap_write_text(path, "sector,buyer,rpc,region\ns2,,0.9,\ns2,s3,0.2,REG\ns1,,0.3,OTHER\n");
    double rpc[9];
    int ok = clio_rpc_read_csv(path, t, "REG", rpc, 3, &err) == CLIO_OK;
    tap_ok(ok && rpc[1] == 0.9 && rpc[4] == 0.9 && rpc[7] == 0.2 && isnan(rpc[0]) &&
               isnan(rpc[2]),
           "overrides: a whole row, a cell that wins over it, another region's row skipped");
    clio_regional_options opt = {.method = CLIO_LQ_SLQ, .rpc = rpc, .ldrpc = 3};
    double R[9];
    ok = ok && clio_regional_coefficients(t, ER, EN, &opt, R, 3, &err) == CLIO_OK;
    tap_ok(ok && fabs(R[1] - 0.9 * 0.2) < 1e-15 && fabs(R[7] - 0.2 * 0.3) < 1e-15 &&
               fabs(R[2] - 0.1) < 1e-15,
           "r_ij = rpc_ij a_ij where given, a_ij min(LQ, 1) elsewhere");

    struct {
        const char *text, *needle;
        int status;
    } bad[] = {
        {"sector,rpc\ns2,1.5\n", "not in [0, 1]", CLIO_EVALUE},
        {"sector,rpc\ns2,nan\n", "not finite", CLIO_EVALUE},
        {"sector,rpc\nnope,0.5\n", "unknown sector 'nope'", CLIO_ELABEL},
        {"sector,buyer,rpc\ns2,nope,0.5\n", "unknown sector 'nope'", CLIO_ELABEL},
        {"sector,rpc\ns2,0.5\ns2,0.6\n", "given twice", CLIO_ELABEL},
        {"sector,value\ns2,0.5\n", "needs columns 'sector' and 'rpc'", CLIO_EFORMAT},
        {"sector,rpc\ns2\n", "1 fields", CLIO_EFORMAT},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        tap_write_text(path, bad[k].text);
        int st = clio_rpc_read_csv(path, t, "REG", rpc, 3, &err);
        tap_status(st, bad[k].status, err.message, bad[k].needle, "bad override file refused");
        tap_ok(isnan(rpc[1]), "a refused override file leaves no override behind");
    }
    tap_scratch_end();
    clio_table_free(t);
}

/* The size file's errors, on the hand table (national employment given in
 * the satellite "jobs" or a 'national' column). */
static void test_size_errors(void)
{
    clio_table *t = hand_table();
    clio_error err = {0};
    clio_regional_sizes *s;
    tap_scratch_begin("sizes");
    char path[256];
    snprintf(path, sizeof path, "%s/e.csv", tap_dir);

    tap_write_text(path, "sector,employment\ns1,20\ns2,10\ns3,10\n");
    int ok = clio_regional_sizes_read_csv(path, t, CLIO_MEASURE_EMPLOYMENT, "jobs", "REG", &s,
                                          &err) == CLIO_OK;
    tap_ok(ok && s->nregions == 1 && strcmp(s->regions[0], "REG") == 0 && s->regional[1] == 10 &&
               s->national[1] == 200,
           "size file without region column; national sizes from the satellite 'jobs'");
    clio_regional_sizes_free(s);
    tap_write_text(path, "region,sector,employment\nA,s1,20\nB,s1,80\nA,s2,10\nB,s2,190\n"
                         "A,s3,10\nB,s3,90\n");
    ok = clio_regional_sizes_read_csv(path, t, CLIO_MEASURE_EMPLOYMENT, NULL, NULL, &s, &err) ==
         CLIO_OK;
    tap_ok(ok && s->nregions == 2 && s->national[1] == 200 && s->regional[1 + 3] == 190,
           "two regions: national sizes = their sum");
    size_t k;
    tap_ok(ok && clio_regional_sizes_find(s, "B", &k, &err) == CLIO_OK && k == 1,
           "find a region by name");
    tap_status(ok ? clio_regional_sizes_find(s, "C", &k, &err) : -1, CLIO_ELABEL, err.message,
               "no region 'C'", "unknown region");
    clio_regional_sizes_free(s);

    struct {
        const char *text, *account, *needle;
        int status;
    } bad[] = {
        {"sector,employment\ns1,20\ns3,10\n", "jobs", "has no row for sector 's2'", CLIO_ELABEL},
        {"sector,employment\ns1,20\ns2,10\ns9,1\n", "jobs", "unknown sector 's9'", CLIO_ELABEL},
        {"sector,employment\ns1,20\ns2,NaN\ns3,1\n", "jobs", "not finite", CLIO_EVALUE},
        {"sector,employment\ns1,20\ns2,-1\ns3,1\n", "jobs", "negative employment", CLIO_EVALUE},
        {"sector,employment\ns1,120\ns2,10\ns3,1\n", "jobs", "exceeds the national",
         CLIO_EVALUE},
        {"sector,employment,national\ns1,0,0\ns2,10,200\ns3,1,100\n", NULL,
         "national size of sector 's1' is zero", CLIO_EVALUE},
        {"sector,employment\ns1,20\ns1,20\ns2,10\ns3,1\n", "jobs", "given twice", CLIO_ELABEL},
        {"sector,employment\ns1,20\ns2,10\ns3,1\n", NULL, "national sizes are unknown",
         CLIO_EINVAL},
        {"sector,employment\ns1,20\ns2,10\ns3,1\n", "nope", "no satellite account 'nope'",
         CLIO_ELABEL},
        {"region,sector,employment,national\nA,s1,1,100\nB,s1,1,90\nA,s2,1,200\nB,s2,1,200\n"
         "A,s3,1,100\nB,s3,1,100\n",
         NULL, "is 90 here but 100", CLIO_EVALUE},
        {"sector,jobs\ns1,20\n", "jobs", "needs columns 'sector' and 'employment'", CLIO_EFORMAT},
        {"sector,employment\ns1,abc\n", "jobs", "'abc' is not a number", CLIO_EFORMAT},
        {"sector,employment\ns1\n", "jobs", "1 fields, but the header has 2", CLIO_EFORMAT},
        {"", "jobs", "empty", CLIO_EFORMAT},
    };
    for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
        tap_write_text(path, bad[b].text);
        s = (void *)1;
        int st = clio_regional_sizes_read_csv(path, t, CLIO_MEASURE_EMPLOYMENT, bad[b].account,
                                              "REG", &s, &err);
        tap_status(st, bad[b].status, err.message, bad[b].needle, "bad size file refused");
        tap_ok(s == NULL, "no sizes escape a refused file");
    }
    tap_status(clio_regional_sizes_read_csv("/nonexistent/e.csv", t, 0, "jobs", "R", &s, &err),
               CLIO_EIO, err.message, "/nonexistent/e.csv", "missing size file");
    tap_scratch_end();
    clio_table_free(t);
}

static void test_argument_errors(void)
{
    clio_table *t = hand_table();
    clio_error err = {0};
    clio_table *r = (void *)1;
    double LQ[9];
    clio_regional_options opt = {.method = 7};
    tap_status(clio_regionalize(t, "R", ER, EN, &opt, &r, &err), CLIO_EINVAL, err.message,
               "unknown location-quotient method", "unknown method");
    tap_ok(r == NULL, "no table escapes a failed regionalisation");
    opt.method = CLIO_LQ_FLQ;
    opt.delta = 1.5;
    tap_status(clio_regionalize(t, "R", ER, EN, &opt, &r, &err), CLIO_EINVAL, err.message,
               "delta must lie in [0, 1]", "delta out of range");
    opt.delta = NAN;
    tap_status(clio_location_quotients(3, ER, EN, CLIO_LQ_FLQ, NAN, LQ, 3, &err), CLIO_EINVAL,
               err.message, "delta", "NaN delta");
    opt.delta = 0.3;
    opt.fd_share = 2;
    tap_status(clio_regionalize(t, "R", ER, EN, &opt, &r, &err), CLIO_EINVAL, err.message,
               "final-demand share", "final-demand share above 1");
    opt.fd_share = 0;
    tap_status(clio_regionalize(t, "", ER, EN, &opt, &r, &err), CLIO_EINVAL, err.message,
               "needs a name", "empty region name");
    const double nan_er[3] = {20, NAN, 10}, neg_er[3] = {20, -1, 10}, big_er[3] = {20, 201, 10},
                 zero_er[3] = {0, 0, 0}, zero_en[3] = {100, 0, 100};
    tap_status(clio_regionalize(t, "R", nan_er, EN, &opt, &r, &err), CLIO_EVALUE, err.message,
               "size of sector 's2' is nan", "NaN regional size names the sector");
    tap_status(clio_regionalize(t, "R", neg_er, EN, &opt, &r, &err), CLIO_EVALUE, err.message,
               "size of sector 's2' is -1", "negative regional size");
    tap_status(clio_regionalize(t, "R", big_er, EN, &opt, &r, &err), CLIO_EVALUE, err.message,
               "exceeds the national", "regional size above national");
    tap_status(clio_regionalize(t, "R", zero_er, EN, &opt, &r, &err), CLIO_EVALUE, err.message,
               "every sector has size zero", "a region of no size");
    tap_status(clio_regionalize(t, "R", ER, zero_en, &opt, &r, &err), CLIO_EVALUE, err.message,
               "national size of sector 's2' is zero", "zero national size");
    tap_status(clio_location_quotients(0, ER, EN, CLIO_LQ_SLQ, 0, LQ, 3, &err), CLIO_EINVAL,
               err.message, "at least one sector", "no sectors");
    tap_status(clio_location_quotients(3, ER, EN, CLIO_LQ_SLQ, 0, LQ, 2, &err), CLIO_EINVAL,
               err.message, "leading dimension", "leading dimension too small");
    int m;
    tap_status(clio_lq_method_parse("glq", &m, &err), CLIO_EINVAL, err.message, "'glq'",
               "unknown method name");
    tap_ok(clio_lq_method_parse("aflq", &m, &err) == CLIO_OK && m == CLIO_LQ_AFLQ &&
               strcmp(clio_lq_method_name(CLIO_LQ_CILQ), "cilq") == 0 &&
               clio_lq_method_name(9) == NULL,
           "method names both ways");
    double rpc[9];
    for (int k = 0; k < 9; k++)
        rpc[k] = NAN;
    rpc[4] = 1.5;
    opt.rpc = rpc;
    opt.ldrpc = 3;
    tap_status(clio_regionalize(t, "R", ER, EN, &opt, &r, &err), CLIO_EVALUE, err.message,
               "'s2' to 's2' is 1.5", "an override above 1 given through the API");
    opt.rpc = NULL;

    /* A two-region table is not a national one. */
    clio_table *two = clio_table_alloc(2, 2, 0, 0, 0);
    tap_status(clio_regionalize(two, "R", ER, EN, &opt, &r, &err), CLIO_EDIM, err.message,
               "one-region", "regionalising a multi-regional table");
    clio_table_free(two);
    clio_table_free(t);
}

/* The properties every regionalisation must have, on a real table. */
static void check_properties(const char *name, const clio_table *t, const double *er,
                             const double *en)
{
    size_t n = t->n;
    double *A = calloc(n * n, sizeof *A), *R = calloc(n * n, sizeof *R),
           *F = calloc(n * n, sizeof *F), *prev = calloc(n * n, sizeof *prev);
    clio_error err = {0};
    clio_coefficients(t, A, n, &err);
    int below = 1, flq_le_aflq = 1, monotone = 1, status = CLIO_OK;
    for (int m = 0; m < CLIO_LQ_NMETHODS; m++) {
        clio_regional_options opt = {.method = m, .delta = CLIO_FLQ_DELTA};
        status |= clio_regional_coefficients(t, er, en, &opt, R, n, &err);
        for (size_t k = 0; k < n * n; k++)
            below &= R[k] >= 0 && R[k] <= A[k];
    }
    clio_regional_options flq = {.method = CLIO_LQ_FLQ, .delta = 0.3};
    clio_regional_options aflq = {.method = CLIO_LQ_AFLQ, .delta = 0.3};
    status |= clio_regional_coefficients(t, er, en, &flq, F, n, &err);
    status |= clio_regional_coefficients(t, er, en, &aflq, R, n, &err);
    for (size_t k = 0; k < n * n; k++)
        flq_le_aflq &= F[k] <= R[k];
    static const double deltas[] = {0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1};
    for (size_t d = 0; d < sizeof deltas / sizeof deltas[0]; d++) {
        for (int m = CLIO_LQ_FLQ; m <= CLIO_LQ_AFLQ; m++) {
            clio_regional_options opt = {.method = m, .delta = deltas[d]};
            status |= clio_regional_coefficients(t, er, en, &opt, F, n, &err);
            double *last = m == CLIO_LQ_FLQ ? prev : R;
            for (size_t k = 0; d > 0 && k < n * n; k++)
                monotone &= F[k] <= last[k];
            for (size_t k = 0; k < n * n; k++)
                last[k] = F[k];
        }
    }
    tap_ok(status == CLIO_OK && below, "%s: every regional coefficient <= national (4 methods)",
           name);
    tap_ok(status == CLIO_OK && flq_le_aflq, "%s: FLQ <= AFLQ in every cell", name);
    tap_ok(status == CLIO_OK && monotone,
           "%s: a larger delta never raises an FLQ or AFLQ coefficient (9 deltas)", name);

    static const int all[4] = {CLIO_LQ_SLQ, CLIO_LQ_CILQ, CLIO_LQ_FLQ, CLIO_LQ_AFLQ};
    clio_regional_options opt = {.delta = CLIO_FLQ_DELTA};
    clio_result *res = NULL;
    status = clio_regional_multipliers(t, "REG", er, en, &opt, all, 4, &res, &err);
    int mult_below = status == CLIO_OK, flq_aflq = status == CLIO_OK;
    double mean[5] = {0};
    for (size_t j = 0; status == CLIO_OK && j < n; j++) {
        double nat = clio_result_value(res, j, 0, 0);
        for (size_t f = 0; f < 5; f++) {
            double v = clio_result_value(res, j, 0, f);
            mult_below &= v >= 1 && v <= nat * (1 + 1e-12);
            mean[f] += v / (double)n;
        }
        flq_aflq &= clio_result_value(res, j, 0, 3) <= clio_result_value(res, j, 0, 4) * (1 + 1e-12);
    }
    tap_ok(mult_below, "%s: 1 <= every regional output multiplier <= the national one", name);
    tap_ok(flq_aflq, "%s: FLQ multipliers <= AFLQ multipliers (coefficients are)", name);
    tap_diag("%s mean output multipliers: national %.4f slq %.4f cilq %.4f flq %.4f aflq %.4f",
             name, mean[0], mean[1], mean[2], mean[3], mean[4]);
    clio_result_free(res);

    for (int m = 0; m < CLIO_LQ_NMETHODS; m++) {
        clio_table *r = NULL;
        clio_regional_options o = {.method = m, .delta = CLIO_FLQ_DELTA};
        clio_report rep = {0};
        status = clio_regionalize(t, "REG", er, en, &o, &r, &err);
        int st = status == CLIO_OK ? clio_table_check(r, 1e-9, &rep) : status;
        tap_ok(st == CLIO_OK && rep.nwarnings == 0, "%s: the %s table is valid and balances",
               name, clio_lq_method_name(m));
        clio_report_free(&rep);
        clio_table_free(r);
    }
    free(A);
    free(R);
    free(F);
    free(prev);
}

static void test_germany(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    clio_regional_sizes *s = NULL;
    if (clio_table_read_matrixset("data/germany_1995", NULL, "DE", &t, &err) != CLIO_OK ||
        clio_regional_sizes_read_csv(FIX "germany_south_employment.csv", t,
                                     CLIO_MEASURE_EMPLOYMENT, "employment", "south", &s,
                                     &err) != CLIO_OK) {
        tap_ok(0, "Germany 1995 and the south's employment: %s", err.message);
        clio_table_free(t);
        return;
    }
    check_properties("Germany 1995", t, s->regional, s->national);
    clio_regional_sizes_free(s);
    clio_table_free(t);
}

static void test_uk(void)
{
    clio_table *t = NULL;
    clio_error err = {0};
    clio_regional_sizes *s = NULL;
    if (access(UK_CSV, R_OK) != 0) {
        tap_skip(10, "UK 2010 table not found in ../shared/data");
        return;
    }
    if (clio_table_read_statoffice(UK_CSV, UK_SPEC, &t, &err) != CLIO_OK ||
        clio_regional_sizes_read_csv(FIX "uk_2010_region_output.csv", t, CLIO_MEASURE_OUTPUT,
                                     NULL, "northwest", &s, &err) != CLIO_OK) {
        tap_ok(0, "UK 2010 and the region's output: %s", err.message);
        clio_table_free(t);
        return;
    }
    tap_ok(s->national[0] == t->x[0], "output measure: national sizes are the table's x");
    check_properties("UK 2010", t, s->regional, s->national);
    clio_regional_sizes_free(s);
    clio_table_free(t);
}

int main(void)
{
    test_hand_quotients();
    test_hand_table();
    test_overrides();
    test_size_errors();
    test_argument_errors();
    test_germany();
    test_uk();
    return tap_done();
}
