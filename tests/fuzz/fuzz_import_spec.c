/* fuzz_import_spec.c -- a statistical-office import: the first byte chooses
 * whether the input is the YAML spec (read with the Germany CSV of the
 * Eurostat manual) or the CSV (read with its spec); both from the
 * repository's fixture and the shared data. */
#include "fuzz.h"

#define CSV "../shared/data/eurostat_manual_examples/germany_1995_beutel_siot_6x6.csv"
#define SPEC "tests/fixtures/specs/germany_1995.yaml"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int fuzz_spec = data[0] & 1;
    const char *path = fuzz_write(fuzz_spec ? "spec.yaml" : "table.csv", data + 1, size - 1);
    clio_table *t = NULL;
    clio_error err;
    int status = clio_table_read_statoffice(fuzz_spec ? CSV : path, fuzz_spec ? path : SPEC, &t,
                                            &err);
    fuzz_check_status(status);
    clio_table_free(t);
    return 0;
}
