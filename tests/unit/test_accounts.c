/* test_accounts.c -- socio-economic accounts and the triple bottom line:
 * bridges conserve the account they split (sectors and final demand),
 * indicators land on the right sectors in both layouts, every error path of
 * the readers (with file:line and the sector named, nothing returned), and
 * the TBL intensities against the explicit Leontief inverse, the identity
 * "sum of embodied flows = the account's total" on a balanced table, the
 * groups' rows as mix-weighted sums of the sectors' rows, and the domains. */
#include "clio.h"
#include "tap.h"

#define RTOL 1e-12

/* A balanced 3-sector table: Z, x given, Y = x - Z 1 in two columns, V
 * rows (imports, taxes on products, compensation, surplus) = the column
 * rest, satellites employment and co2 (one final-demand column with SY). */
static clio_table *small_table(void)
{
    static const double Z[9] = {10, 20, 5, 15, 5, 30, 5, 10, 20}; /* column-major */
    static const double x[3] = {100, 150, 120};
    static const char *const sectors[3] = {"farm", "factory", "shop"};
    static const char *const fd[2] = {"households", "exports"};
    static const char *const va[4] = {"imports", "taxes_less_subsidies_on_products",
                                      "compensation_of_employees", "operating_surplus"};
    clio_table *t = clio_table_alloc(1, 3, 2, 4, 2);
    clio_table_set_label(t, CLIO_LABEL_REGION, 0, "R");
    for (size_t i = 0; i < 3; i++) {
        t->sector_region[i] = 0;
        clio_table_set_label(t, CLIO_LABEL_SECTOR, i, sectors[i]);
        t->x[i] = x[i];
    }
    memcpy(t->Z, Z, sizeof Z);
    for (size_t k = 0; k < 2; k++)
        clio_table_set_label(t, CLIO_LABEL_FINAL_DEMAND, k, fd[k]);
    for (size_t i = 0; i < 3; i++) {
        double rest = x[i];
        for (size_t j = 0; j < 3; j++)
            rest -= Z[i + 3 * j];
        t->Y[i] = 0.7 * rest;
        t->Y[i + 3] = 0.3 * rest;
    }
    static const double share[4] = {0.1, 0.05, 0.5, 0.35};
    for (size_t k = 0; k < 4; k++)
        clio_table_set_label(t, CLIO_LABEL_VALUE_ADDED, k, va[k]);
    for (size_t j = 0; j < 3; j++) {
        double rest = x[j];
        for (size_t i = 0; i < 3; i++)
            rest -= Z[i + 3 * j];
        for (size_t k = 0; k < 4; k++)
            t->V[k + 4 * j] = share[k] * rest;
    }
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 0, "employment");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 0, "persons");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE, 1, "co2");
    clio_table_set_label(t, CLIO_LABEL_SATELLITE_UNIT, 1, "t");
    /* employment 10, 50, 30 and co2 0, 40, 6 (nsat x n, column-major) */
    static const double S[6] = {10, 0, 50, 40, 30, 6};
    memcpy(t->S, S, sizeof S);
    t->SY[0] = 4;  /* employment of households directly (domestic staff) */
    t->SY[1] = 25; /* co2 of households directly */
    return t;
}

static size_t sat(const clio_table *t, const char *name)
{
    for (size_t k = 0; k < t->nsat; k++)
        if (strcmp(t->sat_names[k], name) == 0)
            return k;
    return CLIO_NONE;
}

/* ------------------------------------------------------------------ */
/* Bridges                                                            */
/* ------------------------------------------------------------------ */

static void test_bridge_uniform(const clio_table *t)
{
    const char *p = tap_scratch_file("uniform.csv", "account,type,share\n"
                                              "employment,women,0.4\nemployment,men,0.6\n");
    clio_table *b = NULL;
    clio_error err = {0};
    int status = clio_table_split_satellites_csv(t, p, &b, &err);
    tap_ok(status == CLIO_OK && b && b->nsat == 4, "uniform bridge: two new satellites (%s)",
           err.message);
    if (!b)
        return;
    size_t w = sat(b, "employment:women"), m = sat(b, "employment:men");
    tap_ok(w == 2 && m == 3 && strcmp(b->sat_units[w], "persons") == 0,
           "uniform bridge: names 'account:type' after the old ones, unit inherited");
    int conserved = 1;
    for (size_t j = 0; j < 3; j++)
        conserved &= fabs(b->S[w + 4 * j] + b->S[m + 4 * j] - t->S[0 + 2 * j]) <= 1e-12 &&
                     b->S[0 + 4 * j] == t->S[0 + 2 * j] && b->S[1 + 4 * j] == t->S[1 + 2 * j];
    tap_ok(conserved, "uniform bridge: types sum to the account in every sector, old kept");
    tap_close(b->SY[w] + b->SY[m], t->SY[0], RTOL,
              "uniform bridge: final-demand satellites split too, summing to the account");
    tap_close(b->S[w + 4 * 1], 0.4 * 50, RTOL, "uniform bridge: share x account");
    clio_table_free(b);
}

static void test_bridge_by_sector(const clio_table *t)
{
    /* co2 is zero in farm: no shares needed there */
    const char *p = tap_scratch_file("sector.csv", "sector,account,type,share\n"
                                             "farm,employment,employees,0.25\n"
                                             "farm,employment,self_employed,0.75\n"
                                             "factory,employment,employees,0.9\n"
                                             "factory,employment,self_employed,0.1\n"
                                             "shop,employment,employees,1\n"
                                             "factory,co2,fossil,0.8\n"
                                             "factory,co2,process,0.2\n"
                                             "shop,co2,fossil,1\n");
    clio_table *b = NULL;
    clio_error err = {0};
    int status = clio_table_split_satellites_csv(t, p, &b, &err);
    tap_ok(status == CLIO_OK && b && b->nsat == 6, "bridge by sector: four new satellites (%s)",
           err.message);
    if (!b)
        return;
    size_t e = sat(b, "employment:employees"), s = sat(b, "employment:self_employed"),
           f = sat(b, "co2:fossil"), q = sat(b, "co2:process");
    int conserved = e != CLIO_NONE && s != CLIO_NONE && f != CLIO_NONE && q != CLIO_NONE;
    for (size_t j = 0; conserved && j < 3; j++)
        conserved = fabs(b->S[e + 6 * j] + b->S[s + 6 * j] - t->S[0 + 2 * j]) <= 1e-12 &&
                    fabs(b->S[f + 6 * j] + b->S[q + 6 * j] - t->S[1 + 2 * j]) <= 1e-12;
    tap_ok(conserved, "bridge by sector: types sum to each account in every sector");
    tap_ok(b->S[s + 6 * 2] == 0 && b->S[e + 6 * 0] == 2.5,
           "bridge by sector: a type not listed for a sector is 0; shares by sector applied");
    tap_ok(b->SY[e] == 0 && b->SY[f] == 0 && b->SY[0] == 4,
           "bridge by sector: types' final-demand part zero, the account's kept");
    clio_table_free(b);
}

static void bridge_error(const clio_table *t, const char *text, int want, const char *needle,
                         const char *what)
{
    const char *p = tap_scratch_file("bad_bridge.csv", text);
    clio_table *b = (clio_table *)1;
    clio_error err = {0};
    int status = clio_table_split_satellites_csv(t, p, &b, &err);
    tap_status(status, want, err.message, needle, what);
    tap_ok(b == NULL, "%s: nothing returned", what);
}

static void test_bridge_errors(const clio_table *t)
{
    bridge_error(t, "account,type,share\njobs,a,1\n", CLIO_ELABEL,
                 "bad_bridge.csv:2: unknown satellite account 'jobs'", "bridge: unknown account");
    bridge_error(t, "sector,account,type,share\nfarm,employment,a,1\nmine,employment,a,1\n",
                 CLIO_ELABEL, "bad_bridge.csv:3: unknown sector 'mine'", "bridge: unknown sector");
    bridge_error(t,
                 "sector,account,type,share\nfarm,employment,a,0.5\nfarm,employment,b,0.4\n"
                 "factory,employment,a,1\nshop,employment,a,1\n",
                 CLIO_EVALUE, "bad_bridge.csv:2: sector 'farm', account 'employment': the shares sum to 0.9",
                 "bridge: shares not summing to 1 name the sector");
    bridge_error(t, "account,type,share\nemployment,a,0.5\nemployment,b,0.6\n", CLIO_EVALUE,
                 "account 'employment': the shares sum to 1.1", "bridge: common shares not summing to 1");
    bridge_error(t, "account,type,share\nemployment,a,nan\n", CLIO_EVALUE, "bad_bridge.csv:2",
                 "bridge: NaN share");
    bridge_error(t, "account,type,share\nemployment,a,-0.5\nemployment,b,1.5\n", CLIO_EVALUE,
                 "bad_bridge.csv:2: share -0.5", "bridge: negative share");
    bridge_error(t, "account,type,share\nemployment,a,x\n", CLIO_EFORMAT,
                 "bad_bridge.csv:2: column 'share': 'x' is not a number", "bridge: share not a number");
    bridge_error(t, "account,type,share\nemployment,a,1\nemployment,a,0\n", CLIO_ELABEL,
                 "bad_bridge.csv:3: type 'employment:a' given twice", "bridge: row given twice");
    bridge_error(t, "sector,account,type,share\nfarm,employment,a,1\n", CLIO_EVALUE,
                 "sector 'factory' has 50 of account 'employment' but no shares",
                 "bridge: a non-zero account without shares");
    bridge_error(t, "account,kind,share\nemployment,a,1\n", CLIO_EFORMAT,
                 "bad_bridge.csv:1: the header needs", "bridge: missing column");
    bridge_error(t, "account,type,share\n", CLIO_EFORMAT, "no shares", "bridge: no rows");
    bridge_error(t, "account,type,share\nemployment,,1\n", CLIO_ELABEL, "the type is empty",
                 "bridge: empty type");
    clio_table *b = NULL;
    const char *p = tap_scratch_file("once.csv", "account,type,share\nemployment,a,1\n");
    clio_error err = {0};
    if (clio_table_split_satellites_csv(t, p, &b, &err) == CLIO_OK) {
        clio_table *again = NULL;
        int status = clio_table_split_satellites_csv(b, p, &again, &err);
        tap_status(status, CLIO_ELABEL, err.message,
                   "once.csv:2: duplicate account 'employment:a'",
                   "bridge: a new name that exists is a duplicate account");
        clio_table_free(again);
    } else
        tap_ok(0, "bridge: first application failed: %s", err.message);
    clio_table_free(b);
    err.message[0] = '\0';
    int status = clio_table_split_satellites_csv(t, "/nonexistent/b.csv", &b, &err);
    tap_status(status, CLIO_EIO, err.message, "/nonexistent/b.csv", "bridge: missing file");
}

/* ------------------------------------------------------------------ */
/* Indicators                                                         */
/* ------------------------------------------------------------------ */

static void test_indicators(const clio_table *t)
{
    const char *p = tap_scratch_file("long.csv", "sector,indicator,unit,value\n"
                                           "shop,hours,million hours,3.5\n"
                                           "farm,hours,million hours,1\n"
                                           "farm,water,m3,20\n");
    clio_table *b = NULL;
    clio_error err = {0};
    int status = clio_table_add_indicators_csv(t, p, &b, &err);
    tap_ok(status == CLIO_OK && b && b->nsat == 4, "indicators (long): two added (%s)",
           err.message);
    if (b) {
        size_t h = sat(b, "hours"), w = sat(b, "water");
        tap_ok(h == 2 && w == 3 && strcmp(b->sat_units[h], "million hours") == 0 &&
                   b->S[h + 4 * 2] == 3.5 && b->S[h + 4 * 0] == 1 && b->S[h + 4 * 1] == 0 &&
                   b->S[w + 4 * 0] == 20 && b->S[w + 4 * 2] == 0,
               "indicators (long): values on their sectors, units kept, missing sectors 0");
        clio_table_free(b);
    }
    p = tap_scratch_file("wide.csv", "indicator,unit,shop,farm\nhours,million hours,3.5,1\n"
                               "nox,t,0.1,0.2\n");
    status = clio_table_add_indicators_csv(t, p, &b, &err);
    tap_ok(status == CLIO_OK && b && b->nsat == 4 && b->S[2 + 4 * 2] == 3.5 &&
               b->S[3 + 4 * 0] == 0.2 && b->S[3 + 4 * 1] == 0 && strcmp(b->sat_units[3], "t") == 0,
           "indicators (wide): rows by indicator, columns by sector key (%s)", err.message);
    clio_table_free(b);
}

static void indicator_error(const clio_table *t, const char *text, int want, const char *needle,
                            const char *what)
{
    const char *p = tap_scratch_file("bad_ind.csv", text);
    clio_table *b = (clio_table *)1;
    clio_error err = {0};
    int status = clio_table_add_indicators_csv(t, p, &b, &err);
    tap_status(status, want, err.message, needle, what);
    tap_ok(b == NULL, "%s: nothing returned", what);
}

static void test_indicator_errors(const clio_table *t)
{
    indicator_error(t, "sector,indicator,unit,value\nmine,hours,h,1\n", CLIO_ELABEL,
                    "bad_ind.csv:2: unknown sector 'mine'", "indicators: unknown sector");
    indicator_error(t, "sector,indicator,unit,value\nfarm,hours,h,1\nshop,hours,min,2\n",
                    CLIO_ELABEL, "bad_ind.csv:3: indicator 'hours' has unit 'min' here but 'h'",
                    "indicators: units differ");
    indicator_error(t, "sector,indicator,unit,value\nfarm,hours,h,-1\n", CLIO_EVALUE,
                    "bad_ind.csv:2: indicator 'hours' of sector 'farm' is negative",
                    "indicators: negative value");
    indicator_error(t, "sector,indicator,unit,value\nfarm,hours,h,NaN\n", CLIO_EVALUE,
                    "bad_ind.csv:2", "indicators: NaN");
    indicator_error(t, "sector,indicator,unit,value\nfarm,hours,h,1\nfarm,hours,h,2\n",
                    CLIO_ELABEL, "bad_ind.csv:3: indicator 'hours' of sector 'farm' given twice",
                    "indicators: given twice");
    indicator_error(t, "sector,indicator,unit,value\nfarm,co2,t,1\n", CLIO_ELABEL,
                    "bad_ind.csv:2: duplicate account 'co2'", "indicators: name the table has");
    indicator_error(t, "indicator,unit,farm,mine\nhours,h,1,2\n", CLIO_ELABEL,
                    "bad_ind.csv:1: column 'mine'", "indicators (wide): unknown sector column");
    indicator_error(t, "indicator,unit,farm\nhours,h,1\nhours,h,2\n", CLIO_ELABEL,
                    "bad_ind.csv:3: indicator 'hours' given twice", "indicators (wide): row twice");
    indicator_error(t, "indicator,farm\nhours,1\n", CLIO_EFORMAT, "bad_ind.csv:1: the header needs",
                    "indicators (wide): no unit column");
    indicator_error(t, "indicator,unit,farm\nhours,h,1,5\n", CLIO_EFORMAT,
                    "bad_ind.csv:2: 4 fields, but the header has 3", "indicators: ragged row");
}

/* ------------------------------------------------------------------ */
/* Triple bottom line                                                 */
/* ------------------------------------------------------------------ */

static size_t account(const clio_tbl_accounts *a, const char *name)
{
    for (size_t k = 0; k < a->naccounts; k++)
        if (strcmp(a->names[k], name) == 0)
            return k;
    return CLIO_NONE;
}

static void test_tbl_accounts(const clio_table *t)
{
    clio_tbl_accounts *a = NULL;
    clio_error err = {0};
    int status = clio_tbl_accounts_make(t, &a, &err);
    tap_ok(status == CLIO_OK && a && a->naccounts == 1 + 4 + 1 + 2,
           "tbl accounts: output, 4 V rows, value_added, 2 satellites");
    if (!a)
        return;
    tap_ok(a->in_value_added[0] == 0 && a->in_value_added[1] == 0 && a->in_value_added[2] == 1 &&
               a->in_value_added[3] == 1 && a->value_added == 5,
           "tbl accounts: value_added leaves out imports and taxes on products");
    tap_ok(a->domain[account(a, "output")] == CLIO_DOMAIN_ECONOMIC &&
               a->domain[account(a, "compensation_of_employees")] == CLIO_DOMAIN_SOCIAL &&
               a->domain[account(a, "employment")] == CLIO_DOMAIN_SOCIAL &&
               a->domain[account(a, "co2")] == CLIO_DOMAIN_ENVIRONMENTAL,
           "tbl accounts: default domains (income and jobs social, co2 environmental)");
    const char *p = tap_scratch_file("domains.csv", "account,domain\nco2,social\noutput,environmental\n");
    status = clio_tbl_accounts_read_domains(a, p, &err);
    tap_ok(status == CLIO_OK && a->domain[account(a, "co2")] == CLIO_DOMAIN_SOCIAL &&
               a->domain[account(a, "output")] == CLIO_DOMAIN_ENVIRONMENTAL,
           "tbl accounts: domains overridden from a CSV");
    p = tap_scratch_file("domains.csv", "account,domain\nco2,economic\njobs,social\n");
    status = clio_tbl_accounts_read_domains(a, p, &err);
    tap_status(status, CLIO_ELABEL, err.message, "domains.csv:3: unknown account 'jobs'",
               "tbl domains: unknown account");
    tap_ok(a->domain[account(a, "co2")] == CLIO_DOMAIN_SOCIAL,
           "tbl domains: a bad file changes nothing");
    p = tap_scratch_file("domains.csv", "account,domain\nco2,green\n");
    status = clio_tbl_accounts_read_domains(a, p, &err);
    tap_status(status, CLIO_EVALUE, err.message, "domains.csv:2: domain 'green'",
               "tbl domains: unknown domain");
    p = tap_scratch_file("domains.csv", "account,domain\nco2,social\nco2,economic\n");
    status = clio_tbl_accounts_read_domains(a, p, &err);
    tap_status(status, CLIO_ELABEL, err.message, "domains.csv:3: account 'co2' given twice",
               "tbl domains: account twice");
    p = tap_scratch_file("domains.csv", "name,domain\nco2,social\n");
    status = clio_tbl_accounts_read_domains(a, p, &err);
    tap_status(status, CLIO_EFORMAT, err.message, "domains.csv:1", "tbl domains: missing column");
    clio_tbl_accounts_free(a);
}

/* Direct coefficient of account k (TBL order) for sector j, by hand. */
static double direct(const clio_table *t, const clio_tbl_accounts *a, size_t k, size_t j)
{
    if (k == 0)
        return 1;
    if (k <= t->nva)
        return t->V[(k - 1) + t->nva * j] / t->x[j];
    if (k == a->value_added)
        return (t->V[2 + t->nva * j] + t->V[3 + t->nva * j]) / t->x[j];
    return t->S[(k - 2 - t->nva) + t->nsat * j] / t->x[j];
}

static void test_tbl(clio_table *t)
{
    clio_tbl_accounts *a = NULL;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_error err = {0};
    const char *gp = tap_scratch_file("groups.csv", "sector,group\nfarm,agrifood\nshop,agrifood\n"
                                              "factory,industry\n");
    clio_groups *g = NULL;
    if (clio_tbl_accounts_make(t, &a, &err) != CLIO_OK ||
        clio_groups_read_csv(gp, t, &g, &err) != CLIO_OK ||
        clio_leontief_factor(t, 0, &f, &err) != CLIO_OK) {
        tap_ok(0, "tbl: setup: %s", err.message);
        return;
    }
    double L[9];
    clio_leontief_inverse(f, L, 3, &err);
    int status = clio_tbl(t, f, a, g, CLIO_MIX_FINAL_DEMAND, &r, &err);
    tap_ok(status == CLIO_OK && r && r->nrows == 5 && r->naccounts == a->naccounts &&
               r->nfields == 3,
           "tbl: 3 sectors + 2 groups, every account, fields direct/total/embodied (%s)",
           err.message);
    if (!r)
        goto done;
    double worst = 0, worst_sum = 0, worst_group = 0;
    for (size_t k = 0; k < a->naccounts; k++) {
        double embodied = 0, account_total = 0;
        for (size_t j = 0; j < 3; j++) {
            double m = 0, y = t->Y[j] + t->Y[j + 3];
            for (size_t i = 0; i < 3; i++)
                m += direct(t, a, k, i) * L[i + 3 * j];
            double e1 = fabs(clio_result_value(r, j, k, 0) - direct(t, a, k, j));
            double e2 = fabs(clio_result_value(r, j, k, 1) - m) / fabs(m);
            double e3 = fabs(clio_result_value(r, j, k, 2) - m * y) / fabs(m * y);
            worst = fmax(worst, fmax(e1, fmax(e2, e3)));
            embodied += clio_result_value(r, j, k, 2);
            account_total += direct(t, a, k, j) * t->x[j];
        }
        worst_sum = fmax(worst_sum, fabs(embodied - account_total) / account_total);
        /* final-demand mix: a group's embodied = the sum of its members' */
        double members = clio_result_value(r, 0, k, 2) + clio_result_value(r, 2, k, 2);
        worst_group = fmax(worst_group, fabs(clio_result_value(r, 3, k, 2) - members) /
                                            fabs(members));
    }
    tap_ok(worst < 1e-12, "tbl: direct = c/x, total = d'L (explicit inverse), embodied = "
                          "total x final demand (worst %.2g)", worst);
    tap_ok(worst_sum < 1e-12, "tbl: sum of embodied over sectors = the account's total "
                              "(balanced table; worst %.2g)", worst_sum);
    tap_ok(worst_group < 1e-12, "tbl: group embodied = its members' embodied with the "
                                "final-demand mix (worst %.2g)", worst_group);
    /* primary inputs embodied in a unit of final demand add up to 1 */
    for (size_t j = 0; j < 3; j++) {
        double one = clio_result_value(r, j, 1, 1) + clio_result_value(r, j, 2, 1) +
                     clio_result_value(r, j, a->value_added, 1);
        tap_close(one, 1, 1e-12, "tbl: imports + taxes on products + value_added total = 1");
    }
    clio_result_free(r);
    r = NULL;
    /* output mix: a group's row = the output-weighted mean of its members */
    status = clio_tbl(t, f, a, g, CLIO_MIX_OUTPUT, &r, &err);
    if (status == CLIO_OK) {
        double wf = 100.0 / 220, ws = 120.0 / 220, worst_lin = 0;
        for (size_t k = 0; k < a->naccounts; k++)
            for (size_t fld = 0; fld < 2; fld++) {
                double want = wf * clio_result_value(r, 0, k, fld) +
                              ws * clio_result_value(r, 2, k, fld);
                double got = clio_result_value(r, 3, k, fld);
                worst_lin = fmax(worst_lin, fabs(got - want) / fmax(fabs(want), 1e-300));
            }
        double fd = t->Y[0] + t->Y[3] + t->Y[2] + t->Y[5];
        tap_ok(worst_lin < 1e-12 &&
                   fabs(clio_result_value(r, 3, 0, 2) - clio_result_value(r, 3, 0, 1) * fd) <
                       1e-9 * fd,
               "tbl: group rows = output-mix-weighted sector rows (linearity), embodied = "
               "total x the group's final demand (worst %.2g)", worst_lin);
    } else
        tap_ok(0, "tbl output mix: %s", err.message);
    /* writers */
    const char *csv = tap_scratch_file("tbl.csv", ""), *txt = tap_scratch_file("tbl.txt", "");
    tap_ok(clio_tbl_save(r, a, csv, &err) == CLIO_OK && clio_tbl_save(r, a, txt, &err) == CLIO_OK,
           "tbl: saved as CSV and text (%s)", err.message);
    FILE *fp = fopen(csv, "r");
    char line[512] = "";
    if (fp) {
        if (!fgets(line, sizeof line, fp))
            line[0] = '\0';
        fclose(fp);
    }
    tap_ok(strcmp(line, "region,sector,domain,account,unit,direct,total,embodied\n") == 0,
           "tbl CSV: header with domain and unit");
    status = clio_tbl_save(r, a, "/nonexistent/dir/tbl.csv", &err);
    tap_status(status, CLIO_EWRITE, err.message, "/nonexistent", "tbl: unwritable path fails");
    /* accounts made for another table are refused */
    clio_tbl_accounts *other = NULL;
    clio_table *bigger = NULL;
    const char *p = tap_scratch_file("more.csv", "sector,indicator,unit,value\nfarm,hours,h,1\n");
    if (clio_table_add_indicators_csv(t, p, &bigger, &err) == CLIO_OK &&
        clio_tbl_accounts_make(bigger, &other, &err) == CLIO_OK) {
        clio_result *bad = NULL;
        status = clio_tbl(t, f, other, NULL, CLIO_MIX_OUTPUT, &bad, &err);
        tap_status(status, CLIO_EINVAL, err.message, "not made for this table",
                   "tbl: accounts of another table refused");
        clio_result_free(bad);
    } else
        tap_ok(0, "tbl: second table: %s", err.message);
    clio_tbl_accounts_free(other);
    clio_table_free(bigger);
done:
    clio_result_free(r);
    clio_groups_free(g);
    clio_leontief_free(f);
    clio_tbl_accounts_free(a);
}

int main(void)
{
    tap_scratch_begin("accounts");
    clio_table *t = small_table();
    clio_report rep = {0};
    tap_ok(clio_table_check(t, 1e-9, &rep) == CLIO_OK && rep.nwarnings == 0,
           "the test table is valid and balanced");
    clio_report_free(&rep);
    test_bridge_uniform(t);
    test_bridge_by_sector(t);
    test_bridge_errors(t);
    test_indicators(t);
    test_indicator_errors(t);
    test_tbl_accounts(t);
    test_tbl(t);
    clio_table_free(t);
    tap_scratch_end();
    return tap_done();
}
