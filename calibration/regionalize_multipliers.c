/* regionalize_multipliers.c -- output multipliers of the national table
 * beside those of its regionalisations, so a user sees how much of each
 * national multiplier the region keeps (less: the region imports what its
 * location quotients say it cannot supply). */
#include "regional.h"

#include <stdio.h>
#include <stdlib.h>

int clioi_output_multipliers(const clio_table *t, double *m, clio_error *err)
{
    /* A shallow copy: the factorisation (without CONSUME_Z) only reads Z. */
    clio_table view = *t;
    clio_leontief *f;
    int status = clio_leontief_factor(&view, CLIO_FACTOR_DEFAULT, &f, err);
    if (status != CLIO_OK)
        return status;
    for (size_t j = 0; j < t->n; j++)
        m[j] = 1.0;
    status = clio_leontief_solve(f, 1, 1, m, t->n ? t->n : 1, err);
    clio_leontief_free(f);
    return status;
}

int clio_regional_multipliers(const clio_table *national, const char *region,
                              const double *regional, const double *nat,
                              const clio_regional_options *opt, const int *methods,
                              size_t nmethods, clio_result **out, clio_error *err)
{
    static const char *const account[] = {"output"};
    *out = NULL;
    if (!opt || (nmethods && !methods))
        return clioi_fail(err, CLIO_EINVAL, "regional multipliers: a required argument is NULL");
    clio_regional_options o = *opt;
    clio_table *r = NULL;
    clio_result *res = NULL;
    const char **fields = clioi_calloc_array(nmethods + 1, sizeof *fields);
    double *m = NULL;
    int status = CLIO_ENOMEM;
    if (!fields)
        goto fail;
    fields[0] = "national";
    for (size_t k = 0; k < nmethods; k++)
        if (!(fields[k + 1] = clio_lq_method_name(methods[k]))) {
            status = clioi_fail(err, CLIO_EINVAL, "unknown location-quotient method %d",
                                methods[k]);
            goto fail;
        }
    /* The first regional table labels the result (sectors of the region). */
    o.method = nmethods ? methods[0] : CLIO_LQ_SLQ;
    if ((status = clio_regionalize(national, region, regional, nat, &o, &r, err)) != CLIO_OK)
        goto fail;
    size_t n = national->n, nf = nmethods + 1;
    res = clioi_result_alloc(r, "regional_multipliers", 1, nf);
    m = clioi_calloc_array(n, sizeof *m);
    status = CLIO_ENOMEM;
    if (!res || !m || clioi_result_set_fields(res, fields) != CLIO_OK ||
        !(res->accounts[0] = clioi_strdup(account[0])) ||
        !(res->account_units[0] = clioi_strdup("")) ||
        !(res->description = clioi_strdup("output multipliers (column sums of the Leontief "
                                          "inverse): national, and regional by each "
                                          "location-quotient method")))
        goto fail;
    free(res->title);
    char title[256];
    snprintf(title, sizeof title, "%s: regional and national output multipliers", region);
    if (!(res->title = clioi_strdup(title)))
        goto fail;
    if ((status = clioi_output_multipliers(national, m, err)) != CLIO_OK)
        goto fail;
    for (size_t j = 0; j < n; j++)
        res->values[nf * j] = m[j];
    for (size_t k = 0; k < nmethods; k++) {
        if (k > 0) {
            clio_table_free(r);
            r = NULL;
            o.method = methods[k];
            if ((status = clio_regionalize(national, region, regional, nat, &o, &r, err)) !=
                CLIO_OK)
                goto fail;
        }
        if ((status = clioi_output_multipliers(r, m, err)) != CLIO_OK)
            goto fail;
        for (size_t j = 0; j < n; j++)
            res->values[nf * j + k + 1] = m[j];
    }
    clio_table_free(r);
    free(m);
    free(fields);
    *out = res;
    return CLIO_OK;
fail:
    if (status == CLIO_ENOMEM && (!err || err->status != CLIO_ENOMEM))
        clioi_fail(err, CLIO_ENOMEM, "out of memory");
    clio_table_free(r);
    clio_result_free(res);
    free(m);
    free(fields);
    return status;
}
