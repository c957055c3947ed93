/* test_alloc_failure.c -- every allocation clio makes fails in turn.
 *
 * Linked with -Wl,--wrap=malloc,calloc,realloc,free (Makefile), so every
 * allocation inside libclio.a goes through the wrappers below: they count
 * allocations, fail the k-th one on request, and keep the live pointers in a
 * hash set.  Each operation (read a table, check, factor, multipliers,
 * impacts, write and read NetCDF, a scenario file, groups and extraction,
 * an import spec) is first run to count its allocations, then run once per
 * allocation with that one failing.  Every run must end in CLIO_OK or
 * CLIO_ENOMEM -- never a crash, never another status -- and leave no live
 * pointer behind (no leak), and no output file. */
#include "clio.h"
#include "tap.h"

#include <stdint.h>

/* ---- the allocator wrappers ----------------------------------------- */

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void __real_free(void *p);

#define LIVE_SLOTS ((size_t)1 << 20) /* open addressing; far above any live count here */
static void *live[LIVE_SLOTS];
static size_t live_count;
static unsigned long allocations, fail_at; /* fail_at 0: never */

static size_t slot_of(const void *p)
{
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17;
    h *= 0xed5ad4bbU;
    h ^= h >> 11;
    return (size_t)h & (LIVE_SLOTS - 1);
}

static void live_add(void *p)
{
    size_t s = slot_of(p);
    while (live[s] && live[s] != (void *)1)
        s = (s + 1) & (LIVE_SLOTS - 1);
    live[s] = p;
    live_count++;
}

/* Remove p if it is ours (memory from libc's own strdup/getline is not). */
static void live_remove(void *p)
{
    for (size_t s = slot_of(p); live[s]; s = (s + 1) & (LIVE_SLOTS - 1))
        if (live[s] == p) {
            live[s] = (void *)1; /* tombstone */
            live_count--;
            return;
        }
}

static int should_fail(void)
{
    return ++allocations == fail_at;
}

void *__wrap_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __real_malloc(size);
    if (p)
        live_add(p);
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __real_calloc(n, size);
    if (p)
        live_add(p);
    return p;
}

void *__wrap_realloc(void *old, size_t size)
{
    if (should_fail())
        return NULL;
    void *p = __real_realloc(old, size);
    if (p) {
        if (old)
            live_remove(old);
        live_add(p);
    }
    return p;
}

void __wrap_free(void *p)
{
    if (p)
        live_remove(p);
    __real_free(p);
}

/* ---- the operations ---------------------------------------------------- */

#define GERMANY "data/germany_1995"

static char nc_path[256], out_path[256];
static clio_error err; /* the last operation's message, for diagnostics */

static int op_read_check_factor(void)
{
    clio_table *t = NULL;
    clio_leontief *f = NULL;
    clio_result *r = NULL;
    clio_report report = {0};
    int status = clio_table_read(GERMANY, &t, &err);
    if (!status)
        status = clio_table_check(t, 1e-6, &report);
    if (!status)
        status = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    if (!status)
        status = clio_multipliers(t, f, &r, &err);
    clio_result_free(r);
    r = NULL;
    if (!status) {
        double *df = calloc(t->n, sizeof *df);
        if (!df)
            status = CLIO_ENOMEM;
        else {
            df[2] = 1000;
            status = clio_impact(t, f, df, &r, &err);
            free(df);
        }
    }
    if (!status)
        status = clio_result_save(r, out_path, &err);
    clio_result_free(r);
    clio_report_free(&report);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}

static int op_netcdf(void)
{
    clio_table *t = NULL, *back = NULL;
    int status = clio_table_read(GERMANY, &t, &err);
    if (!status)
        status = clio_table_write_netcdf(t, out_path, &err);
    if (!status)
        status = clio_table_read_netcdf(nc_path, &back, &err);
    remove(nc_path); /* written whole or not at all: checked by test_netcdf */
    clio_table_free(back);
    clio_table_free(t);
    return status;
}

static int op_scenarios(void)
{
    clio_table *t = NULL;
    clio_leontief *f = NULL;
    clio_scenarios *s = NULL;
    clio_scenario_results *r = NULL;
    int status = clio_table_read(GERMANY, &t, &err);
    if (!status)
        status = clio_scenarios_read("examples/scenarios/germany_policies.yaml", &s, &err);
    if (!status)
        status = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    if (!status)
        status = clio_scenarios_run(s, t, f, NULL, &r, &err);
    if (!status)
        status = clio_scenario_results_save(r, out_path, &err);
    clio_scenario_results_free(r);
    clio_scenarios_free(s);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}

static int op_groups(void)
{
    clio_table *t = NULL;
    clio_leontief *f = NULL;
    clio_groups *g = NULL;
    clio_result *r = NULL;
    int status = clio_table_read(GERMANY, &t, &err);
    if (!status)
        status = clio_groups_read_csv("examples/scenarios/germany_groups.csv", t, &g, &err);
    if (!status)
        status = clio_leontief_factor(t, CLIO_FACTOR_DEFAULT, &f, &err);
    if (!status)
        status = clio_extract_groups(t, f, g, &r, &err);
    clio_result_free(r);
    r = NULL;
    if (!status)
        status = clio_linkages(t, f, &r, &err);
    clio_result_free(r);
    clio_groups_free(g);
    clio_leontief_free(f);
    clio_table_free(t);
    return status;
}

static int op_import_spec(void)
{
    clio_table *t = NULL;
    int status = clio_table_read_statoffice(
        "../shared/data/eurostat_manual_examples/germany_1995_beutel_siot_6x6.csv",
        "tests/fixtures/specs/germany_1995.yaml", &t, &err);
    clio_table_free(t);
    return status;
}

/* Run op with no failure (counting), then with each allocation failing in
 * turn. */
static void fail_each(const char *name, int (*op)(void))
{
    allocations = 0;
    fail_at = 0;
    size_t before = live_count;
    int status = op();
    unsigned long count = allocations;
    remove(out_path);
    if (!tap_ok(status == CLIO_OK && live_count == before,
                "%s: runs (%lu allocations, status %d, %zu left live)", name, count, status,
                live_count - before))
        return;
    unsigned long bad_status = 0, leaked = 0, left_file = 0, first_bad = 0;
    for (unsigned long k = 1; k <= count; k++) {
        allocations = 0;
        fail_at = k;
        status = op();
        fail_at = 0;
        int bad = 0;
        if (status != CLIO_OK && status != CLIO_ENOMEM)
            bad = ++bad_status;
        if (live_count != before) {
            bad = ++leaked;
            live_count = before; /* report each leak once */
        }
        if (status != CLIO_OK && access(out_path, F_OK) == 0)
            bad = ++left_file;
        remove(out_path);
        if (bad && !first_bad) {
            first_bad = k;
            tap_diag("%s: failing allocation %lu: status %d: %s", name, k, status,
                     status ? err.message : "");
        }
    }
    tap_ok(bad_status == 0, "%s: every failing allocation gives CLIO_ENOMEM or is absorbed (%lu bad)",
           name, bad_status);
    tap_ok(leaked == 0, "%s: and leaks nothing (%lu runs leaked)", name, leaked);
    tap_ok(left_file == 0, "%s: and leaves no output file (%lu runs did)", name, left_file);
}

int main(void)
{
    tap_scratch_begin("alloc");
    snprintf(out_path, sizeof out_path, "%s/out.nc", tap_dir);
    snprintf(nc_path, sizeof nc_path, "%s/out.nc", tap_dir);
    fail_each("read, check, factor, multipliers, impact, save", op_read_check_factor);
    fail_each("NetCDF write and read", op_netcdf);
    fail_each("scenario file: read, run, save", op_scenarios);
    fail_each("groups: read, extract", op_groups);
    if (access("../shared/data/eurostat_manual_examples", F_OK) == 0)
        fail_each("statistical-office CSV with an import spec", op_import_spec);
    else
        tap_skip(4, "../shared/data not found");
    tap_remove_tree(tap_dir);
    return tap_done();
}
