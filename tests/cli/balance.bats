#!/usr/bin/env bats
# CLI tests of `clio balance` (RAS/GRAS on a labelled matrix) and
# `clio project` (a table brought to new margins), with every error path.

setup() {
    CLIO=${CLIO:-build/clio}
    B=tests/fixtures/balance
    LEATHER=tests/fixtures/leather
    T=$BATS_TEST_TMPDIR
}

# Row or column sums of a labelled matrix CSV, as "label,target" lines.
margins_of() { # FILE rows|cols
    /usr/bin/python3 - "$1" "$2" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
print("label,target")
if sys.argv[2] == "rows":
    for r in rows[1:]:
        print(f"{r[0]},{sum(float(v) for v in r[1:])!r}")
else:
    for j, name in enumerate(rows[0][1:], 1):
        print(f"{name},{sum(float(r[j]) for r in rows[1:])!r}")
PY
}

# ---- balance ----------------------------------------------------------

@test "balance: GRAS on Temurshoev et al. (2013) meets u and v and keeps signs" {
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv" \
        --tol 1e-14 -o "$T/out.csv"
    [ "$status" -eq 0 ]
    [[ "$output" == *"balanced by GRAS in "*" iterations"* ]]
    margins_of "$T/out.csv" rows >"$T/u.csv"
    margins_of "$T/out.csv" cols >"$T/v.csv"
    # the margins to 1e-12, every sign and zero as in X0
    /usr/bin/python3 - "$T" "$B" <<'PY'
import csv, sys
t, b = sys.argv[1], sys.argv[2]
def read(p): return {r[0]: float(r[1]) for r in list(csv.reader(open(p)))[1:]}
for got, want in (("u", "gras_rows"), ("v", "gras_cols")):
    g, w = read(f"{t}/{got}.csv"), read(f"{b}/{want}.csv")
    assert all(abs(g[k] - w[k]) <= 1e-12 * max(1, abs(w[k])) for k in w), (g, w)
x0 = [[float(v) for v in r[1:]] for r in list(csv.reader(open(f"{b}/gras_x0.csv")))[1:]]
x = [[float(v) for v in r[1:]] for r in list(csv.reader(open(f"{t}/out.csv")))[1:]]
for r0, r in zip(x0, x):
    for a, c in zip(r0, r):
        assert (a > 0) == (c > 0) and (a < 0) == (c < 0) and (a == 0) == (c == 0), (a, c)
PY
}

@test "balance: --method ras refuses negative cells, exit 8" {
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv" \
        --method ras -o "$T/out.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"cell (row 'r3', column 'c1') is negative"*"use GRAS"* ]]
    [ ! -e "$T/out.csv" ]
}

@test "balance: fixed cells with a value keep it" {
    printf 'row,column,value\nr2,c2,10\n' >"$T/fixed.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv" \
        --fixed "$T/fixed.csv" -o "$T/out.csv"
    [ "$status" -eq 0 ]
    [ "$(awk -F, '$1 == "r2" { print $3 }' "$T/out.csv")" = "10" ]
}

@test "balance: inconsistent sums exit 2 and write nothing" {
    sed 's/^r2,26$/r2,27/' "$B/gras_rows.csv" >"$T/rows.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$T/rows.csv" --cols "$B/gras_cols.csv" \
        -o "$T/out.csv"
    [ "$status" -eq 2 ]
    [[ "$output" == *"the row targets sum to 41 but the column targets to 40"* ]]
    [ ! -e "$T/out.csv" ]
}

@test "balance: an impossible sign pattern is named, exit 2" {
    # column c4 has only the negative cell -3: a positive target is unreachable
    printf 'label,target\nc1,9\nc2,16\nc3,17\nc4,2\n' >"$T/cols2.csv"
    printf 'label,target\nr1,19\nr2,26\nr3,-1\n' >"$T/rows2.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$T/rows2.csv" --cols "$T/cols2.csv" \
        -o "$T/out.csv"
    [ "$status" -eq 2 ]
    [[ "$output" == *"column 'c4' has target 2"*"only negative free cells"* ]]
}

@test "balance: unreachable margins exit 13 with the residual" {
    printf 'label,a,b\nr1,1,0\nr2,0,1\n' >"$T/m.csv"
    printf 'label,target\nr1,2\nr2,1\n' >"$T/rows.csv"
    printf 'label,target\na,1\nb,2\n' >"$T/cols.csv"
    run "$CLIO" balance "$T/m.csv" --rows "$T/rows.csv" --cols "$T/cols.csv" --max-iter 30 \
        -o "$T/out.csv"
    [ "$status" -eq 13 ]
    [[ "$output" == *"did not converge in 30 iterations"* ]]
    [ ! -e "$T/out.csv" ]
}

@test "balance: target files name unknown, repeated and missing labels" {
    printf 'label,target\nr1,15\nr2,26\nr9,-1\n' >"$T/rows.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$T/rows.csv" --cols "$B/gras_cols.csv" -o "$T/o.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"rows.csv:4: the matrix has no row 'r9'"* ]]
    printf 'label,target\nr1,15\nr1,26\n' >"$T/rows.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$T/rows.csv" --cols "$B/gras_cols.csv" -o "$T/o.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"rows.csv:3: row 'r1' has a second target"* ]]
    printf 'label,target\nr1,15\nr2,26\n' >"$T/rows.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$T/rows.csv" --cols "$B/gras_cols.csv" -o "$T/o.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"no target for row 'r3'"* ]]
    printf 'name,target\nr1,15\n' >"$T/rows.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$T/rows.csv" --cols "$B/gras_cols.csv" -o "$T/o.csv"
    [ "$status" -eq 5 ]
    [[ "$output" == *"no column 'label'"* ]]
}

@test "balance: bad matrix cells, NaN targets and bad options" {
    printf 'label,c1\nr1,abc\n' >"$T/m.csv"
    run "$CLIO" balance "$T/m.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv" -o "$T/o.csv"
    [ "$status" -eq 5 ]
    [[ "$output" == *"m.csv:2"* ]]
    printf 'label,c1,c1\nr1,1,2\n' >"$T/m.csv"
    run "$CLIO" balance "$T/m.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv" -o "$T/o.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"duplicate column name 'c1'"* || "$output" == *"c1"* ]]
    printf 'label,target\nr1,nan\nr2,26\nr3,-1\n' >"$T/rows.csv"
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$T/rows.csv" --cols "$B/gras_cols.csv" -o "$T/o.csv"
    [ "$status" -eq 8 ]
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv" \
        --method simplex -o "$T/o.csv"
    [ "$status" -eq 64 ]
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv" \
        --tol 2 -o "$T/o.csv"
    [ "$status" -eq 64 ]
    run "$CLIO" balance "$B/gras_x0.csv" --rows "$B/gras_rows.csv" --cols "$B/gras_cols.csv"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing -o"* ]]
}

# ---- project ------------------------------------------------------------

# Margins of the leather table times k: region,sector,output,final_demand,value_added.
leather_margins() { # K OUT
    "$CLIO" export "$LEATHER" -o "$T/leather" >/dev/null 2>&1
    /usr/bin/python3 - "$T/leather" "$1" >"$2" <<'PY'
import csv, sys
d, k = sys.argv[1], float(sys.argv[2])
def grid(name): return list(csv.reader(open(f"{d}/{name}.csv")))
x = {r[0]: float(r[1]) for r in grid("x")[1:]}
y = {r[0]: sum(float(v) for v in r[1:]) for r in grid("Y")[1:]}
v = grid("V"); keys = v[0][1:]
va = {key: sum(float(r[j]) for r in v[1:]) for j, key in enumerate(keys, 1)}
print("region,sector,output,final_demand,value_added")
for key in x:
    reg, sec = key.split("|")
    print(f"{reg},{sec},{k * x[key]!r},{k * y[key]!r},{k * va[key]!r}")
PY
}

@test "project: margins 1.1 times the table's give 1.1 times its flows, balanced" {
    leather_margins 1.1 "$T/m.csv"
    run "$CLIO" project "$LEATHER" --margins "$T/m.csv" -o "$T/new.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"balanced by RAS/GRAS"* ]]
    run "$CLIO" check "$T/new.nc" --strict --rtol 1e-9
    [ "$status" -eq 0 ]
    "$CLIO" export "$T/new.nc" -o "$T/new" >/dev/null 2>&1
    /usr/bin/python3 - "$T/leather/Z.csv" "$T/new/Z.csv" <<'PY'
import csv, sys
a = [[float(v) for v in r[1:]] for r in list(csv.reader(open(sys.argv[1])))[1:]]
b = [[float(v) for v in r[1:]] for r in list(csv.reader(open(sys.argv[2])))[1:]]
worst = max(abs(q - 1.1 * p) / max(1e-300, abs(1.1 * p)) for ra, rb in zip(a, b) for p, q in zip(ra, rb) if p)
assert worst < 1e-10, worst
PY
}

@test "project: new margins of another structure balance exactly" {
    leather_margins 1 "$T/m.csv"
    # move output between sectors: more agriculture in ARG, less value added there
    /usr/bin/python3 - "$T/m.csv" >"$T/m2.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
print(",".join(rows[0]))
for r in rows[1:]:
    x, f, v = map(float, r[2:])
    if r[:2] == ["ARG", "agriculture"]:
        x, f = x + 20, f + 5
        v = v + 5
    print(",".join(r[:2] + [repr(x), repr(f), repr(v)]))
PY
    run "$CLIO" project "$LEATHER" --margins "$T/m2.csv" -o "$T/new"
    [ "$status" -eq 0 ]
    run "$CLIO" check "$T/new" --strict --rtol 1e-9
    [ "$status" -eq 0 ]
}

@test "project: inconsistent, incomplete and bad margins" {
    leather_margins 1 "$T/m.csv"
    sed '2s/,\([0-9.e+-]*\)$/,1e9/' "$T/m.csv" >"$T/bad.csv"
    run "$CLIO" project "$LEATHER" --margins "$T/bad.csv" -o "$T/new.nc"
    [ "$status" -eq 2 ]
    [[ "$output" == *"final demand sums to"*"value added to"* ]]
    [ ! -e "$T/new.nc" ]
    sed '3d' "$T/m.csv" >"$T/missing.csv"
    run "$CLIO" project "$LEATHER" --margins "$T/missing.csv" -o "$T/new.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"no margins for sector 'ARG|textile_leather'"* ]]
    sed '2s/^ARG,agriculture,[0-9.e+-]*,/ARG,agriculture,-5,/' "$T/m.csv" >"$T/neg.csv"
    run "$CLIO" project "$LEATHER" --margins "$T/neg.csv" -o "$T/new.nc"
    [ "$status" -eq 8 ]
    [[ "$output" == *"'ARG|agriculture' has a negative new output"* ]]
    sed '2s/^ARG,agriculture/ARG,fishing/' "$T/m.csv" >"$T/unknown.csv"
    run "$CLIO" project "$LEATHER" --margins "$T/unknown.csv" -o "$T/new.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown.csv:2"*"fishing"* ]]
    run "$CLIO" project "$LEATHER" -o "$T/new.nc"
    [ "$status" -eq 64 ]
}
