/* fuzz_inputs_csv.c -- the small CSV inputs read against a table: the first
 * byte chooses demand changes, cost changes, groups, an income distribution,
 * margins, a concordance, split shares, a labelled matrix, household
 * consumption shares or transfers, a satellite bridge, indicators, or a
 * published layout (OECD ICIO, WIOD NIOT); the rest is the file. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const clio_table *t = fuzz_germany();
    const char *path = fuzz_write("input.csv", data + 1, size - 1);
    clio_error err;
    double v[64] = {0}, w[64] = {0}, u[64] = {0};
    int status = CLIO_OK;
    switch (data[0] % 14) {
    case 0: status = clio_demand_read_csv(path, t, v, &err); break;
    case 1: status = clio_cost_change_read_csv(path, t, v, &err); break;
    case 2: {
        clio_groups *g = NULL;
        status = clio_groups_read_csv(path, t, &g, &err);
        clio_groups_free(g);
        break;
    }
    case 3: {
        clio_income_distribution *d = NULL;
        status = clio_income_distribution_read_csv(path, t, &d, &err);
        clio_income_distribution_free(d);
        break;
    }
    case 4: status = clio_margins_read_csv(path, t, v, w, u, &err); break;
    case 5: {
        clio_concordance *c = NULL;
        status = clio_concordance_read_csv(path, "sector", &c, &err);
        clio_concordance_free(c);
        break;
    }
    case 6: {
        clio_shares *s = NULL;
        status = clio_shares_read_csv(path, &s, &err);
        clio_shares_free(s);
        break;
    }
    case 7: {
        clio_matrix *m = NULL;
        status = clio_matrix_read_csv(path, &m, &err);
        clio_matrix_free(m);
        break;
    }
    case 8:
    case 9: {
        clio_income_distribution *d = NULL;
        if (clio_income_distribution_read_csv("examples/households/germany_distribution.csv", t,
                                              &d, &err) != CLIO_OK)
            abort();
        double *buf = calloc(t->n * d->ngroups + d->ngroups * d->ngroups, sizeof *buf);
        status = data[0] % 14 == 8
                     ? clio_household_consumption_read_csv(path, t, d, buf, &err)
                     : clio_household_transfers_read_csv(path, d, buf, &err);
        free(buf);
        clio_income_distribution_free(d);
        break;
    }
    case 10:
    case 11: {
        clio_table *out = NULL;
        status = data[0] % 14 == 10 ? clio_table_split_satellites_csv(t, path, &out, &err)
                                    : clio_table_add_indicators_csv(t, path, &out, &err);
        clio_table_free(out);
        break;
    }
    default: {
        clio_table *out = NULL;
        clio_layout_options opts = {0, NULL};
        status = clio_table_read_layout(path, data[0] % 14 == 12 ? "oecd-icio" : "wiod-niot",
                                        &opts, &out, &err);
        clio_table_free(out);
        break;
    }
    }
    fuzz_check_status(status);
    return 0;
}
