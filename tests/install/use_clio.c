/* use_clio.c -- a program built against an installed clio (found by
 * pkg-config): the output multiplier of one sector of a table. */
#include <clio.h>

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: use_clio TABLE SECTOR\n");
        return 64;
    }
    clio_table *t = NULL;
    clio_leontief *f;
    clio_result *r;
    clio_error err;
    int status = clio_table_read(argv[1], &t, &err);
    if (status == CLIO_OK && (status = clio_leontief_factor(t, 0, &f, &err)) == CLIO_OK) {
        if ((status = clio_multipliers(t, f, &r, &err)) == CLIO_OK) {
            for (size_t i = 0; i < r->nrows; i++)
                if (strcmp(r->row_sector[i], argv[2]) == 0)
                    printf("%.12g\n", clio_result_value(r, i, 0, 2));
            clio_result_free(r);
        }
        clio_leontief_free(f);
    }
    if (status != CLIO_OK)
        fprintf(stderr, "use_clio: %s\n", err.message);
    clio_table_free(t);
    return status;
}
