/* test_symmetric.c -- make-use to symmetric tables: the hand-worked 2 x 2
 * example with scrap (tests/fixtures/sut/README.md) in exact numbers, the
 * product-technology negative coefficient, the symmetric tables' balance
 * and Leontief inverse, BEA's published 1997 total requirements (Tables 7
 * and 8, excerpt) to printed precision, and every error path. */
#include "clio.h"
#include "tap.h"

#include <stdlib.h>

#define FIX "tests/fixtures/sut/"
#define BEA97 "../shared/data/bea_benchmark_1997_summary/"

static char tmpdir[] = "/tmp/clio_symXXXXXX";

static const char *tmp_file(const char *name, const char *text)
{
    static char path[8][256];
    static int k;
    char *p = path[k++ % 8];
    snprintf(p, 256, "%s/%s", tmpdir, name);
    FILE *fp = fopen(p, "w");
    fputs(text, fp);
    fclose(fp);
    return p;
}

static double *matrix(const clio_symmetric *m, int which, size_t *r, size_t *c)
{
    double *M = NULL;
    clio_error err = {0};
    if (clio_symmetric_matrix(m, which, &M, r, c, &err) != CLIO_OK)
        printf("# %s\n", err.message);
    return M;
}

/* got and want both row-major 2 x 2 (want scaled by 1/scale). */
static void check_matrix(const double *got, const double *want, double scale, const char *what)
{
    double worst = 0;
    for (int k = 0; k < 4; k++)
        worst = fmax(worst, fabs(got[k] - want[k] / scale));
    if (!tap_ok(worst < 1e-13, "%s", what))
        printf("# worst difference %.3g\n", worst);
}

static void test_hand(void)
{
    clio_sut *s;
    clio_symmetric *m;
    clio_error err = {0};
    clio_report rep = {0};
    int st = clio_sut_read_csv(FIX "hand_make.csv", FIX "hand_use.csv", NULL, &s, &rep, &err);
    tap_ok(st == CLIO_OK && s->ni == 2 && s->nc == 3 && s->nfd == 1 && s->nva == 1 &&
               rep.nwarnings == 0,
           "hand example read: 2 industries, 3 commodities, default layout, no warnings");
    tap_ok(s->scrap[2] && !s->scrap[0] && !s->scrap[1], "S004 is scrap by default");
    st = clio_symmetric_compute(s, CLIO_INDUSTRY_TECHNOLOGY, &m, &err);
    tap_ok(st == CLIO_OK && m->g[0] == 100 && m->g[1] == 200 && m->q[1] == 190 &&
               m->h[1] == 20 && fabs(m->p[1] - 0.1) < 1e-15 && m->produced[0] &&
               m->produced[1] && !m->produced[2],
           "g, q, h, p and the produced commodities");
    tap_close(m->T[0 + 1 * 2], 1.0 / 19, 1e-14, "W(i1, c2) = 1/19");
    tap_close(m->T[1 + 1 * 2], 20.0 / 19, 1e-14, "W(i2, c2) = 20/19 (scrap adjustment)");
    size_t r, c;
    double *L = matrix(m, CLIO_REQ_TOTAL_COMMODITY, &r, &c);
    double cc[4] = {14.9, 3.2, 1.9, 15.2};
    double Lp[4] = {L[0], L[3], L[1], L[4]}; /* produced block, row-major */
    check_matrix(Lp, cc, 11.6, "(I - BW)^-1 = [[14.9, 3.2], [1.9, 15.2]] / 11.6");
    tap_ok(r == 3 && c == 3 && L[8] == 1 && L[6] == 0, "scrap: a column of the identity");
    free(L);
    double *IC = matrix(m, CLIO_REQ_TOTAL_INDUSTRY_COMMODITY, &r, &c);
    double ic[4] = {15, 4, 2, 16}, ICp[4] = {IC[0], IC[2], IC[1], IC[3]};
    check_matrix(ICp, ic, 11.6, "W (I - BW)^-1 = [[15, 4], [2, 16]] / 11.6");
    tap_ok(IC[4] == 0 && IC[5] == 0, "industry x commodity: scrap column zero (as BEA's S004)");
    free(IC);
    double *II = matrix(m, CLIO_REQ_TOTAL_INDUSTRY, &r, &c);
    double ii[4] = {285, 57.95, 38, 286.9}, IIp[4] = {II[0], II[2], II[1], II[3]};
    check_matrix(IIp, ii, 220.4, "(I - WB)^-1 = [[285, 57.95], [38, 286.9]] / 220.4");
    free(II);

    /* symmetric tables: balanced, Leontief inverse = total requirements */
    for (int by = 0; by < 2; by++) {
        clio_table *t;
        st = clio_symmetric_table(s, m, by, NULL, &t, &err);
        clio_report chk = {0};
        int cs = st == CLIO_OK ? clio_table_check(t, 1e-12, &chk) : st;
        tap_ok(cs == CLIO_OK && chk.nerrors == 0 && chk.nwarnings == 0 && t->n == 2 &&
                   t->nva == 3,
               "%s table: balanced to 1e-12, value added V001, S004, scrap_byproduct",
               by ? "industry" : "commodity");
        clio_report_free(&chk);
        if (by == CLIO_BY_COMMODITY)
            tap_ok(t->x[1] == 190 && fabs(t->V[2 + 1 * 3] + 20) < 1e-12 &&
                       fabs(t->V[1 + 1 * 3] - 0.05 / 19 * 190) < 1e-12,
                   "commodity table: scrap_byproduct of c2 = -20, S004 input = 0.05/19 q");
        clio_leontief *f;
        double Lt[4];
        st = clio_leontief_factor(t, 0, &f, &err);
        if (st == CLIO_OK)
            st = clio_leontief_inverse(f, Lt, 2, &err);
        double want[4] = {14.9 / 11.6, 1.9 / 11.6, 3.2 / 11.6, 15.2 / 11.6};
        double wanti[4] = {285 / 220.4, 38 / 220.4, 57.95 / 220.4, 286.9 / 220.4};
        double worst = 0;
        for (int k = 0; k < 4; k++)
            worst = fmax(worst, fabs(Lt[k] - (by ? wanti[k] : want[k])));
        tap_ok(st == CLIO_OK && worst < 1e-13, "%s table: Leontief inverse = total requirements",
               by ? "industry" : "commodity");
        clio_leontief_free(f);
        clio_table_free(t);
    }
    clio_symmetric_free(m);

    st = clio_symmetric_compute(s, CLIO_PRODUCT_TECHNOLOGY, &m, &err);
    tap_ok(st == CLIO_OK && fabs(m->T[1 + 0 * 2] + 10.0 / 81) < 1e-14 &&
               fabs(m->T[0] - 10.0 / 9) < 1e-14,
           "product technology: T = g (V_P')^-1 = [[10/9, 0], [-10/81, 10/9]]");
    double *A = matrix(m, CLIO_REQ_DIRECT_COMMODITY, &r, &c);
    tap_ok(A && fabs(A[0] - 16.5 / 81) < 1e-14 && fabs(A[3] - 13.5 / 81) < 1e-14,
           "product technology: B T = [[16.5/81, 13.5/81], ...]");
    free(A);
    clio_symmetric_free(m);
    clio_report_free(&rep);
    clio_sut_free(s);
}

static void test_negative(void)
{
    clio_sut *s;
    clio_symmetric *m;
    clio_error err = {0};
    int st = clio_sut_read_csv(FIX "negative_make.csv", FIX "negative_use.csv", NULL, &s, NULL,
                               &err);
    st = st ? st : clio_symmetric_compute(s, CLIO_PRODUCT_TECHNOLOGY, &m, &err);
    size_t r, c;
    double *A = st ? NULL : matrix(m, CLIO_REQ_DIRECT_COMMODITY, &r, &c);
    tap_ok(A && fabs(A[0] - 0.3) < 1e-15 && fabs(A[2] + 0.05) < 1e-15 &&
               fabs(A[1] - 0.05) < 1e-15 && fabs(A[3] - 0.1125) < 1e-15,
           "product technology: A = U (V')^-1 = [[0.3, -0.05], [0.05, 0.1125]]");
    clio_table *t;
    clio_report chk = {0};
    st = clio_symmetric_table(s, m, CLIO_BY_COMMODITY, "US", &t, &err);
    tap_ok(st == CLIO_OK && clio_table_check(t, 1e-9, &chk) == CLIO_EVALUE,
           "a table with the negative flow is built, and clio_table_check rejects it");
    clio_report_free(&chk);
    clio_table_free(t);
    free(A);
    clio_symmetric_free(m);
    clio_sut_free(s);
}

/* BEA's published Tables 7 and 8 (excerpt): every value to one unit of
 * the seventh decimal, 98 % within half a unit (BEA inverted unrounded
 * data; the published make and use tables are rounded to $0.1 million). */
static void test_bea1997(void)
{
    FILE *probe = fopen(BEA97 "make_after_redef_1997.csv", "r");
    if (!probe) {
        tap_skip(4, "no ../shared/data");
        return;
    }
    fclose(probe);
    clio_sut *s;
    clio_symmetric *m;
    clio_error err = {0};
    int st = clio_sut_read_csv(BEA97 "make_after_redef_1997.csv",
                               BEA97 "use_after_redef_1997_producer_prices.csv", NULL, &s, NULL,
                               &err);
    st = st ? st : clio_symmetric_compute(s, CLIO_INDUSTRY_TECHNOLOGY, &m, &err);
    tap_ok(st == CLIO_OK && s->ni == 131 && s->nc == 134, "BEA 1997: 131 industries, 134 "
                                                          "commodities");
    const char *files[2] = {FIX "bea1997_table7_excerpt.txt", FIX "bea1997_table8_excerpt.txt"};
    int which[2] = {CLIO_REQ_TOTAL_INDUSTRY_COMMODITY, CLIO_REQ_TOTAL_INDUSTRY};
    for (int k = 0; k < 2; k++) {
        size_t r, c, n = 0, half = 0;
        double *M = matrix(m, which[k], &r, &c), worst = 0;
        char **cols = k == 0 ? s->commodities : s->industries;
        FILE *fp = fopen(files[k], "r");
        char a[16], b[16];
        int tab;
        double v;
        while (fp && fscanf(fp, "%15[^,],%15[^,],%d,%lf\n", a, b, &tab, &v) == 4) {
            size_t i = 0, j = 0;
            while (i < s->ni && strcmp(s->industries[i], a) != 0)
                i++;
            while (j < c && strcmp(cols[j], b) != 0)
                j++;
            double d = i < r && j < c ? fabs(M[i + j * r] - v) : 1;
            worst = fmax(worst, d);
            half += d <= 0.5e-7 + 1e-12;
            n++;
        }
        if (fp)
            fclose(fp);
        tap_ok(n > 250 && worst <= 1e-7, "BEA 1997 Table %d: %zu published values within "
               "1e-7 (worst %.3g)", 7 + k, n, worst);
        tap_ok(half >= 0.98 * (double)n, "BEA 1997 Table %d: %zu of %zu round to the printed "
               "digits", 7 + k, half, n);
        free(M);
    }
    clio_symmetric_free(m);
    clio_sut_free(s);
}

static void test_totals(void)
{
    clio_error err = {0};
    clio_report rep = {0};
    clio_sut *s = NULL;
    const char *mk = tmp_file("tmake.csv", "code,c1,c2,T008\ni1,90,10,100\ni2,0,200,200\n"
                                           "T007,90,210,300\n");
    const char *us = tmp_file("tuse.csv", "code,i1,i2,T001,F010,T004,T007\n"
                                          "c1,20,30,50,40,40,90\nc2,10,40,50,160,160,210\n"
                                          "T005,30,70,100,0,0,0\nV001,70,130,200,0,0,0\n"
                                          "T008,100,200,300,0,0,0\n");
    int st = clio_sut_read_csv(mk, us, NULL, &s, &rep, &err);
    tap_ok(st == CLIO_OK && s && s->ni == 2 && s->nc == 2 && s->nfd == 1 && s->nva == 1 &&
               rep.nwarnings == 0,
           "totals T001/T004/T005/T007/T008 recognised, verified and dropped");
    clio_sut_free(s);
    clio_report_free(&rep);
    mk = tmp_file("tmake2.csv", "code,c1,c2,T008\ni1,90,10,100\ni2,0,200,250\n");
    st = clio_sut_read_csv(mk, us, NULL, &s, &rep, &err);
    tap_ok(st == CLIO_OK && rep.nwarnings >= 1 && strstr(rep.items[0].message, "'T008'") &&
               strstr(rep.items[0].message, "'i2'"),
           "a wrong total is a warning naming the total and the row");
    clio_sut_free(s);
    clio_report_free(&rep);
}

static void test_layout(void)
{
    clio_error err = {0};
    clio_sut_layout l = {0};
    clio_sut *s = NULL;
    int st = clio_sut_layout_read_yaml(FIX "bea1992_layout.yaml", &l, &err);
    tap_ok(st == CLIO_OK && l.nscrap == 1 && strcmp(l.scrap[0], "81") == 0 &&
               l.nvalue_added == 3 && !l.final_demand,
           "layout YAML: scrap 81, value added 88-90, final demand default");
    clio_sut_layout_free(&l);
    st = clio_sut_layout_read_yaml(tmp_file("bad.yaml", "scrap: [S004]\nsrcap: x\n"), &l, &err);
    tap_status(st, CLIO_EFORMAT, err.message, "bad.yaml:2: unknown key 'srcap'",
               "layout YAML: unknown key named with file:line");
    clio_sut_layout_free(&l);
    st = clio_sut_layout_read_yaml(tmp_file("bad2.yaml", "total_rtol: lots\n"), &l, &err);
    tap_status(st, CLIO_EFORMAT, err.message, "total_rtol", "layout YAML: total_rtol not a number");
    clio_sut_layout_free(&l);
    st = clio_sut_layout_read_yaml(tmpdir, &l, &err); /* a directory: YAML read error */
    tap_ok(st != CLIO_OK, "layout YAML: unreadable file fails (%d)", st);
    clio_sut_layout_free(&l);
    st = clio_sut_layout_read_yaml("/nonexistent/layout.yaml", &l, &err);
    tap_status(st, CLIO_EIO, err.message, "/nonexistent/layout.yaml", "layout YAML: missing file");
    st = clio_sut_layout_add(&l, CLIO_SUT_SCRAP, "S004,,X", &err);
    tap_status(st, CLIO_EINVAL, err.message, "empty code", "layout list with an empty code");
    clio_sut_layout_free(&l);
    st = clio_sut_layout_add(&l, CLIO_SUT_SCRAP, "", &err);
    tap_ok(st == CLIO_OK && l.scrap && l.nscrap == 0, "an empty --scrap list means: no scrap");
    st = clio_sut_read_csv(FIX "hand_make.csv", FIX "hand_use.csv", &l, &s, NULL, &err);
    tap_ok(st == CLIO_OK && !s->scrap[2], "with no scrap, S004 is an ordinary commodity");
    clio_sut_free(s);
    clio_sut_layout_free(&l);
    clio_sut_layout_add(&l, CLIO_SUT_SCRAP, "S999", &err);
    st = clio_sut_read_csv(FIX "hand_make.csv", FIX "hand_use.csv", &l, &s, NULL, &err);
    tap_status(st, CLIO_ELABEL, err.message, "'S999'", "unknown scrap code");
    clio_sut_layout_free(&l);
    clio_sut_layout_add(&l, CLIO_SUT_VALUE_ADDED, "V009", &err);
    st = clio_sut_read_csv(FIX "hand_make.csv", FIX "hand_use.csv", &l, &s, NULL, &err);
    tap_status(st, CLIO_ELABEL, err.message, "'V009'", "unknown value-added row");
    clio_sut_layout_free(&l);
    clio_sut_layout_add(&l, CLIO_SUT_FINAL_DEMAND, "F020", &err);
    st = clio_sut_read_csv(FIX "hand_make.csv", FIX "hand_use.csv", &l, &s, NULL, &err);
    tap_status(st, CLIO_ELABEL, err.message, "'F020'", "unknown final-demand column");
    clio_sut_layout_free(&l);
}

static void test_errors(void)
{
    clio_error err = {0};
    clio_sut *s = NULL;
    clio_symmetric *m = NULL;
    int st = clio_sut_read_csv("/nonexistent/make.csv", FIX "hand_use.csv", NULL, &s, NULL, &err);
    tap_status(st, CLIO_EIO, err.message, "/nonexistent/make.csv", "missing make file");
    const char *mk = tmp_file("nan.csv", "code,c1\ni1,nan\n");
    st = clio_sut_read_csv(mk, FIX "hand_use.csv", NULL, &s, NULL, &err);
    tap_status(st, CLIO_EVALUE, err.message, "nan.csv:2", "NaN in the make table");
    mk = tmp_file("m3.csv", "code,c1,c2,S004\ni1,90,10,0\ni3,0,180,20\n");
    st = clio_sut_read_csv(mk, FIX "hand_use.csv", NULL, &s, NULL, &err);
    tap_status(st, CLIO_ELABEL, err.message, "'i3'", "make industry missing from use");
    const char *us = tmp_file("u3.csv", "code,i1,i2,F010\nc1,1,2,3\nV001,1,2,5\n");
    st = clio_sut_read_csv(FIX "hand_make.csv", us, NULL, &s, NULL, &err);
    tap_status(st, CLIO_EFORMAT, err.message, "'V001'", "value added in a final-demand column");
    us = tmp_file("u4.csv", "code,i1,i2,i1\nc1,1,2,3\n");
    st = clio_sut_read_csv(FIX "hand_make.csv", us, NULL, &s, NULL, &err);
    tap_status(st, CLIO_ELABEL, err.message, "'i1' appears twice", "industry twice in use");
    us = tmp_file("u5.csv", "code,i1,i2,F010\nc1,1,2,3\nc1,1,2,3\n");
    st = clio_sut_read_csv(FIX "hand_make.csv", us, NULL, &s, NULL, &err);
    tap_status(st, CLIO_ELABEL, err.message, "c1", "commodity twice in use");
    us = tmp_file("u6.csv", "code,i1,i2,F010\nc1,1,2\n");
    st = clio_sut_read_csv(FIX "hand_make.csv", us, NULL, &s, NULL, &err);
    tap_status(st, CLIO_EFORMAT, err.message, "u6.csv:2", "short row in use");

    /* an industry making only scrap; one with inputs but no output */
    mk = tmp_file("m7.csv", "code,c1,S004\ni1,90,0\ni2,0,20\n");
    us = tmp_file("u7.csv", "code,i1,i2,F010\nc1,20,5,65\nS004,0,0,20\nV001,70,15,0\n");
    st = clio_sut_read_csv(mk, us, NULL, &s, NULL, &err);
    st = st ? st : clio_symmetric_compute(s, CLIO_INDUSTRY_TECHNOLOGY, &m, &err);
    tap_status(st, CLIO_EVALUE, err.message, "'i2' makes nothing but scrap", "scrap-only industry");
    clio_sut_free(s);
    mk = tmp_file("m8.csv", "code,c1\ni1,90\ni2,0\n");
    us = tmp_file("u8.csv", "code,i1,i2,F010\nc1,20,5,65\nV001,70,0,0\n");
    st = clio_sut_read_csv(mk, us, NULL, &s, NULL, &err);
    st = st ? st : clio_symmetric_compute(s, CLIO_INDUSTRY_TECHNOLOGY, &m, &err);
    tap_status(st, CLIO_EVALUE, err.message, "'i2' makes nothing but uses",
               "industry without output using inputs");
    clio_sut_free(s);
    mk = tmp_file("m10.csv", "code,c1,c2,c3\ni1,90,10,0\ni2,0,100,5\n");
    us = tmp_file("u10.csv", "code,i1,i2,F010\nc1,20,5,65\nc2,5,5,100\nc3,0,0,5\n"
                             "V001,75,95,0\n");
    st = clio_sut_read_csv(mk, us, NULL, &s, NULL, &err);
    st = st ? st : clio_symmetric_compute(s, CLIO_PRODUCT_TECHNOLOGY, &m, &err);
    tap_status(st, CLIO_EDIM, err.message, "2 industries but 3 produced",
               "product technology, non-square make");
    clio_sut_free(s);
    mk = tmp_file("m9.csv", "code,c1,c2\ni1,50,50\ni2,100,100\n");
    us = tmp_file("u9.csv", "code,i1,i2,F010\nc1,10,20,120\nc2,10,20,120\nV001,80,160,0\n");
    st = clio_sut_read_csv(mk, us, NULL, &s, NULL, &err);
    st = st ? st : clio_symmetric_compute(s, CLIO_PRODUCT_TECHNOLOGY, &m, &err);
    tap_status(st, CLIO_ESINGULAR, err.message, "singular", "product technology, singular make");
    clio_sut_free(s);
    st = clio_symmetric_compute(NULL, CLIO_INDUSTRY_TECHNOLOGY, &m, &err);
    tap_status(st, CLIO_EINVAL, err.message, NULL, "NULL make-use system");
}

int main(void)
{
    if (!mkdtemp(tmpdir))
        return 1;
    test_hand();
    test_negative();
    test_bea1997();
    test_totals();
    test_layout();
    test_errors();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        return 1;
    return tap_done();
}
