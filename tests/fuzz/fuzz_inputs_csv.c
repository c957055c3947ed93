/* fuzz_inputs_csv.c -- the small CSV inputs read against a table: the first
 * byte chooses demand changes, cost changes, groups, an income distribution,
 * margins, a concordance, split shares or a labelled matrix; the rest is
 * the file. */
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
    switch (data[0] % 8) {
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
    default: {
        clio_matrix *m = NULL;
        status = clio_matrix_read_csv(path, &m, &err);
        clio_matrix_free(m);
        break;
    }
    }
    fuzz_check_status(status);
    return 0;
}
