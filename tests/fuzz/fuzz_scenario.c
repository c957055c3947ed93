/* fuzz_scenario.c -- a scenario file (YAML) as input: parse, resolve every
 * scenario against the Germany table and, when they are short enough to run
 * quickly, run them all (static solves, caps, coefficient changes, IIM and
 * ARIO). */
#include "fuzz.h"

/* Longer dynamic runs are valid but would only make the fuzzer slow. */
#define MAX_STEPS 200

static int short_enough(const clio_scenarios *s, const clio_table *t)
{
    for (size_t i = 0; i < clio_scenarios_count(s); i++) {
        clio_shock *k = NULL;
        clio_error err;
        int status = clio_scenario_resolve(s, i, t, &k, &err);
        fuzz_check_status(status);
        int ok = status == CLIO_OK && k->periods <= MAX_STEPS && k->ario.steps <= MAX_STEPS;
        clio_shock_free(k);
        if (!ok)
            return 0;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const clio_table *t = fuzz_germany();
    const char *path = fuzz_write("scenarios.yaml", data, size);
    clio_scenarios *s = NULL;
    clio_error err;
    int status = clio_scenarios_read(path, &s, &err);
    fuzz_check_status(status);
    if (status == CLIO_OK && short_enough(s, t)) {
        static clio_leontief *f;
        if (!f && clio_leontief_factor((clio_table *)t, CLIO_FACTOR_DEFAULT, &f, &err) != CLIO_OK)
            abort();
        clio_scenario_results *r = NULL;
        fuzz_check_status(clio_scenarios_run(s, t, f, NULL, &r, &err));
        clio_scenario_results_free(r);
    }
    clio_scenarios_free(s);
    return 0;
}
