#!/usr/bin/env bats
# CLI tests of `clio impact --rounds K` (round-by-round effects,
# docs/methods-solvers.md): the fields round_0 .. round_<K-1>, rest, total
# add up, equal impact's direct and total, agree across methods, are written
# as text, CSV and NetCDF; bad K is a usage error.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    T=$BATS_TEST_TMPDIR
    printf 'sector,change\nagriculture,2\nmanufacturing,20\nconstruction,38\ntrade_transport,56\nbusiness_services,74\nother_services,92\n' >"$T/d.csv"
}

# check_rounds ROUNDS.csv IMPACT.csv K: every row's rounds + rest = total
# (1e-12), round_0 = direct and total = total of the impact (1e-10).
check_rounds() {
    /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
imp = {(r["region"], r["sector"], r["account"]): r for r in csv.DictReader(open(sys.argv[2]))}
k = int(sys.argv[3])
names = [f"round_{i}" for i in range(k)] + ["rest", "total"]
assert list(rows[0].keys())[3:] == names, list(rows[0].keys())
worst = 0.0
for r in rows:
    total = float(r["total"])
    s = sum(float(r[n]) for n in names[:-1])
    worst = max(worst, abs(s - total) / max(abs(total), 1e-300))
    i = imp[(r["region"], r["sector"], r["account"])]
    for a, b in ((r["round_0"], i["direct"]), (r["total"], i["total"])):
        assert abs(float(a) - float(b)) <= 1e-10 * max(abs(float(b)), 1e-300), (a, b)
assert worst <= 1e-12, worst
print(len(rows), worst)
PY
}

@test "impact --rounds: rounds + rest = total, round_0 = direct, total = impact's total" {
    "$CLIO" impact "$DE" --demand "$T/d.csv" --format csv -q >"$T/i.csv"
    "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds 4 --format csv -q >"$T/r.csv"
    check_rounds "$T/r.csv" "$T/i.csv" 4
    run "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds 1 --format csv -q
    [[ "${lines[0]}" == "region,sector,account,round_0,rest,total" ]]
    run "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds 3
    [ "$status" -eq 0 ]
    [[ "$output" == *"round_0      round_1      round_2         rest        total"* ]]
    [[ "$output" == *"R1|TOTAL                      282"* ]]
}

@test "impact --rounds: every method gives the same rounds (Z kept for them)" {
    "$CLIO" impact "$DE" --demand "$T/d.csv" --format csv -q >"$T/i.csv"
    for m in lu series krylov auto; do
        "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds 6 --method $m --format csv -q >"$T/r_$m.csv"
        check_rounds "$T/r_$m.csv" "$T/i.csv" 6
    done
}

@test "impact --rounds: NetCDF output has a variable per round, the rest and the total" {
    "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds 3 -o "$T/r.nc" -q
    run ncdump -h "$T/r.nc"
    [ "$status" -eq 0 ]
    for v in round_0 round_1 round_2 rest total; do
        [[ "$output" == *"double $v(sector, account)"* ]]
    done
    [[ "$output" != *"round_3"* ]]
    # a failed run leaves no file behind
    run "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds 3 --max-iterations 2 --method krylov -o "$T/bad.nc" -q
    [ "$status" -eq 13 ]
    [ ! -e "$T/bad.nc" ]
}

@test "impact --rounds: K outside 1..100, malformed or with --type II is a usage error (exit 64)" {
    for bad in 0 101 -1 abc 2.5 ""; do
        run "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds "$bad"
        [ "$status" -eq 64 ]
        [[ "$output" == *"--rounds needs a whole number from 1 to 100"* ]]
    done
    run "$CLIO" impact "$DE" --demand "$T/d.csv" --rounds 3 --type II \
        --households-income compensation_of_employees --households-consumption household_consumption
    [ "$status" -eq 64 ]
    [[ "$output" == *"--rounds is for the open model"* ]]
    run "$CLIO" impact --help
    [[ "$output" == *"--rounds K"* ]]
}
