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

# same A.csv B.csv: the CSVs agree to 1e-10 relative (entries below 1e-9
# of the largest compared with that floor).
same() {
    /usr/bin/python3 - "$1" "$2" <<'PY'
import csv, math, sys
a = list(csv.reader(open(sys.argv[1])))
b = list(csv.reader(open(sys.argv[2])))
assert a[0] == b[0] and len(a) == len(b), "different shapes"
def num(s):
    try:
        return float(s)
    except ValueError:
        return None
pairs = [(num(x), num(y), x, y) for ra, rb in zip(a[1:], b[1:]) for x, y in zip(ra, rb)]
big = max(abs(p[0]) for p in pairs if p[0] is not None and math.isfinite(p[0]))
worst = 0.0
for fx, fy, x, y in pairs:
    if fx is None:
        assert x == y, (x, y)
    elif not (math.isnan(fx) and math.isnan(fy)):
        worst = max(worst, abs(fx - fy) / max(abs(fx), 1e-9 * big))
print(f"{worst:.3g}")
sys.exit(0 if worst <= 1e-10 else 1)
PY
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
