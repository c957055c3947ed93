#!/usr/bin/env bats
# CLI tests of the sparse LU (--method sparse-lu; docs/methods-sparse.md)
# on dense tables (sparse tables are loaded by the sparse I/O path): it
# gives LU's multipliers and impacts to 1e-10, -v describes it, and its
# memory refusal exits 3 with UMFPACK's estimate.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    T=$BATS_TEST_TMPDIR
}

# same A.csv B.csv: the tidy CSVs agree to 1e-10 relative; prints the
# largest difference (tests/python/same_csv.py).
same() {
    /usr/bin/python3 tests/python/same_csv.py "$1" "$2"
}

@test "sparse-lu: Germany 1995 -- LU's multipliers and impact to 1e-10, described with -v" {
    printf 'sector,change\nconstruction,1000\nagriculture,50\n' >"$T/demand.csv"
    "$CLIO" multipliers "$DE" --method lu --format csv -q >"$T/m_lu.csv"
    "$CLIO" multipliers "$DE" --method sparse-lu --format csv -q >"$T/m_s.csv"
    same "$T/m_lu.csv" "$T/m_s.csv"
    "$CLIO" impact "$DE" --method lu --demand "$T/demand.csv" --format csv -q >"$T/i_lu.csv"
    "$CLIO" impact "$DE" --method sparse-lu --demand "$T/demand.csv" --format csv -q >"$T/i_s.csv"
    same "$T/i_lu.csv" "$T/i_s.csv"
    run "$CLIO" multipliers "$DE" --method sparse-lu -v --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"method sparse-lu UMFPACK (n = 6, nnz(I - A) = 36"* ]]
}

@test "sparse-lu: over --memory-limit -- exit 3 naming UMFPACK's estimate" {
    run "$CLIO" multipliers "$DE" --method sparse-lu --memory-limit 4K -q
    [ "$status" -eq 3 ]
    [[ "$output" == *"sparse-lu method needs about"*"UMFPACK's estimate"*"memory limit"* ]]
}
