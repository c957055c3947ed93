/* aggregate_matrix.c -- Out = S_r M S_c' for 0/1 concordance matrices,
 * accumulated by index: each entry of M is added once to the cell of its
 * row and column groups, O(m n) and no n x n' matrix S is ever formed. */
#include "clioi.h"

#include <string.h>

/* Every index of map (count of them) below limit; NULL is the identity. */
static int check_map(const size_t *map, size_t count, size_t limit, const char *what,
                     clio_error *err)
{
    if (!map)
        return count == limit ? CLIO_OK
                              : clioi_fail(err, CLIO_EINVAL,
                                           "clio_aggregate_matrix: identity %s map of %zu onto "
                                           "%zu groups",
                                           what, count, limit);
    for (size_t i = 0; i < count; i++)
        if (map[i] >= limit)
            return clioi_fail(err, CLIO_EINVAL,
                              "clio_aggregate_matrix: %s %zu maps to group %zu of %zu", what, i,
                              map[i], limit);
    return CLIO_OK;
}

int clio_aggregate_matrix(size_t m, size_t n, const double *M, size_t ld, const size_t *row_group,
                          size_t mg, const size_t *col_group, size_t ng, double *out, size_t ldout,
                          clio_error *err)
{
    if ((m && n && !M) || (mg && ng && !out))
        return clioi_fail(err, CLIO_EINVAL, "clio_aggregate_matrix: NULL matrix");
    if (ld < (m ? m : 1) || ldout < (mg ? mg : 1))
        return clioi_fail(err, CLIO_EINVAL,
                          "clio_aggregate_matrix: leading dimensions %zu and %zu for %zu and "
                          "%zu rows",
                          ld, ldout, m, mg);
    int status = check_map(row_group, m, mg, "row", err);
    if (status == CLIO_OK)
        status = check_map(col_group, n, ng, "column", err);
    if (status != CLIO_OK)
        return status;
    for (size_t j = 0; j < ng; j++)
        memset(out + j * ldout, 0, mg * sizeof *out);
    for (size_t j = 0; j < n; j++) {
        const double *src = M + j * ld;
        double *dst = out + (col_group ? col_group[j] : j) * ldout;
        if (row_group)
            for (size_t i = 0; i < m; i++)
                dst[row_group[i]] += src[i];
        else
            for (size_t i = 0; i < m; i++)
                dst[i] += src[i];
    }
    return CLIO_OK;
}
