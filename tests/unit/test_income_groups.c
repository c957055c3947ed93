/* test_income_groups.c -- the two shared inputs of the shared-value work:
 * the income distribution reader (group,component,share) with every error
 * path, and clio_group_mix (a unit of demand spread over a group by output
 * or final-demand mix). */
#include "clio.h"
#include "tap.h"

#define GERMANY "data/germany_1995"

static clio_table *germany(void)
{
    clio_table *t = NULL;
    clio_error err;
    if (clio_table_read(GERMANY, &t, &err) != CLIO_OK) {
        printf("Bail out! %s\n", err.message);
        exit(2);
    }
    return t;
}

static size_t va_row(const clio_table *t, const char *name)
{
    for (size_t c = 0; c < t->nva; c++)
        if (strcmp(t->va_names[c], name) == 0)
            return c;
    return CLIO_NONE;
}

static void test_distribution(const clio_table *t)
{
    clio_income_distribution *d = NULL;
    clio_error err;
    const char *path = tap_scratch_file("d.csv", "component,group,share\n"
                                        "compensation_of_employees,low,0.2\n"
                                        "compensation_of_employees,high,0.8\n"
                                        "net_operating_surplus,high,0.5\n");
    int status = clio_income_distribution_read_csv(path, t, &d, &err);
    tap_ok(status == CLIO_OK && d && d->ngroups == 2, "reads a distribution in any column order");
    if (!d)
        return;
    size_t comp = va_row(t, "compensation_of_employees"), nos = va_row(t, "net_operating_surplus");
    size_t taxes = va_row(t, "taxes_less_subsidies_on_products");
    tap_ok(strcmp(d->groups[0], "low") == 0 && strcmp(d->groups[1], "high") == 0,
           "groups in order of first appearance (lowest first)");
    tap_ok(d->ncomponents == t->nva && d->share[0 + 2 * comp] == 0.2 &&
               d->share[1 + 2 * comp] == 0.8 && d->share[1 + 2 * nos] == 0.5 &&
               d->share[0 + 2 * nos] == 0.0,
           "shares by group and component");
    tap_ok(d->share[0 + 2 * taxes] == 0.0 && d->share[1 + 2 * taxes] == 0.0,
           "components not listed go to no household");
    clio_income_distribution_free(d);
}

static void test_distribution_errors(const clio_table *t)
{
    static const struct {
        const char *text;
        int status;
        const char *needle, *what;
    } bad[] = {
        {"group,component\nlow,compensation_of_employees\n", CLIO_EFORMAT, "no column 'share'",
         "a missing column"},
        {"group,component,share\n", CLIO_EFORMAT, "only a header", "a header alone"},
        {"", CLIO_EFORMAT, "empty", "an empty file"},
        {"group,component,share\nlow,wages,0.5\n", CLIO_ELABEL, ":2: the table has no value-added row 'wages'",
         "an unknown component, with its line"},
        {"group,component,share\nlow,compensation_of_employees,0.5\nlow,compensation_of_employees,0.1\n",
         CLIO_ELABEL, ":3: group 'low' is given 'compensation_of_employees' twice", "a pair given twice"},
        {"group,component,share\nlow,compensation_of_employees,1.5\n", CLIO_EVALUE,
         ":2: share 1.5 is not between 0 and 1", "a share above 1"},
        {"group,component,share\nlow,compensation_of_employees,-0.1\n", CLIO_EVALUE,
         "not between 0 and 1", "a negative share"},
        {"group,component,share\nlow,compensation_of_employees,nan\n", CLIO_EVALUE, ":2", "NaN"},
        {"group,component,share\nlow,compensation_of_employees,abc\n", CLIO_EFORMAT, ":2",
         "text for a number"},
        {"group,component,share\nlow,compensation_of_employees,0.6\nhigh,compensation_of_employees,0.6\n",
         CLIO_EVALUE, "shares of 'compensation_of_employees' add up to 1.2", "shares adding up above 1"},
        {"group,component,share\n,compensation_of_employees,0.6\n", CLIO_EFORMAT, ":2: the group name is empty",
         "an empty group name"},
        {"group,component,share\nlow,compensation_of_employees\n", CLIO_EFORMAT, ":2: 2 fields",
         "a short row"},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        clio_income_distribution *d = (clio_income_distribution *)1;
        clio_error err = {0};
        int status = clio_income_distribution_read_csv(tap_scratch_file("bad.csv", bad[k].text), t, &d, &err);
        tap_status(status, bad[k].status, err.message, bad[k].needle, bad[k].what);
        tap_ok(d == NULL, "  and no distribution is returned");
    }
    clio_income_distribution *d;
    clio_error err;
    tap_status(clio_income_distribution_read_csv("no/such.csv", t, &d, &err), CLIO_EIO,
               err.message, "no/such.csv", "a missing file");
}

static void test_group_mix(const clio_table *t)
{
    clio_groups *g = NULL;
    clio_error err;
    const char *path = tap_scratch_file("g.csv", "sector,group\nagriculture,food\nmanufacturing,food\n"
                                        "construction,build\n");
    if (clio_groups_read_csv(path, t, &g, &err) != CLIO_OK) {
        tap_ok(0, "group file: %s", err.message);
        return;
    }
    size_t n = t->n;
    double *W = calloc(n * 2, sizeof *W);
    tap_ok(clio_group_mix(t, g, CLIO_MIX_OUTPUT, W, n, &err) == CLIO_OK, "output mix");
    double x0 = t->x[0], x1 = t->x[1];
    tap_close(W[0], x0 / (x0 + x1), 1e-15, "member weight = its share of the group's output");
    tap_close(W[0] + W[1], 1.0, 1e-15, "a group's weights add up to 1");
    tap_ok(W[2] == 0.0 && W[n + 2] == 1.0 && W[n + 0] == 0.0, "zero outside the group");
    tap_ok(clio_group_mix(t, g, CLIO_MIX_FINAL_DEMAND, W, n, &err) == CLIO_OK,
           "final-demand mix");
    double y0 = 0, y1 = 0;
    for (size_t k = 0; k < t->nfd; k++) {
        y0 += t->Y[0 + n * k];
        y1 += t->Y[1 + n * k];
    }
    tap_close(W[1], y1 / (y0 + y1), 1e-15, "member weight = its share of the group's final demand");
    tap_status(clio_group_mix(t, g, 7, W, n, &err), CLIO_EINVAL, err.message, "unknown group mix",
               "an unknown mix");
    t->x[2] = 0.0;
    tap_status(clio_group_mix(t, g, CLIO_MIX_OUTPUT, W, n, &err), CLIO_EVALUE, err.message,
               "group 'build': its members have no output", "a group with nothing to weight by");
    free(W);
    clio_groups_free(g);
}

int main(void)
{
    tap_scratch_begin("income");
    clio_table *t = germany();
    test_distribution(t);
    test_distribution_errors(t);
    test_group_mix(t);
    clio_table_free(t);
    tap_remove_tree(tap_dir);
    return tap_done();
}
