#!/usr/bin/env bats
# CLI tests of `clio iim`: the diim test cases (../shared/data/iim_examples,
# from stigrs/diim, MIT; expected values from diim's tests/test_diim.cpp or
# exact algebra), the table route on Germany 1995 and the supply side
# against numpy (tests/python/iim_check.py), NetCDF output, and every error.

setup() {
    CLIO=${CLIO:-build/clio}
    D=../shared/data/iim_examples
    [ -d "$D" ] || skip "iim_examples not found in ../shared/data"
    T=$BATS_TEST_TMPDIR
    DE=data/germany_1995
}

numpy() {
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || skip "numpy is not installed"
}

# value FILE SECTOR COLUMN: the field COLUMN of the row naming SECTOR
value() {
    awk -F, -v s="$2" -v c="$3" '$0 ~ "(^|,)" s "," { print $c; exit }' "$1"
}

# near GOT WANT TOL: |got - want| <= tol
near() {
    awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(d <= t) }'
}

@test "iim: Haimes & Jiang (2001), diim case 1: q = [4/7, 5/7]" {
    printf 'Sector2,0.6\n' > "$T/c.csv"
    run "$CLIO" iim --interdependency "$D/diim_case1.csv" --perturbation "$T/c.csv"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "sector,inoperability,loss" ]
    [ "${#lines[@]}" -eq 3 ]
    "$CLIO" iim --interdependency "$D/diim_case1.csv" --perturbation "$T/c.csv" -o "$T/q.csv"
    near "$(value "$T/q.csv" Sector1 2)" 0.571428571428571 1e-14
    near "$(value "$T/q.csv" Sector2 2)" 0.714285714285714 1e-14
    # no output, no loss
    [ -z "$(value "$T/q.csv" Sector1 3)" ]
}

@test "iim: diim case 3 clips inoperability above 1 and says so; a header line is fine" {
    printf 'sector,value\nSector2,0.5\n' > "$T/c.csv"
    "$CLIO" iim --interdependency "$D/diim_case3.csv" --perturbation "$T/c.csv" \
        -o "$T/q.csv" 2> "$T/err"
    grep -q "2 sector(s) had inoperability outside \[0, 1\], clipped" "$T/err"
    # diim: [0.70, 0.78, 1.0, 1.0]; exactly [45/64, 25/32, 1, 1]
    near "$(value "$T/q.csv" Sector1 2)" 0.703125 1e-14
    near "$(value "$T/q.csv" Sector2 2)" 0.78125 1e-14
    [ "$(value "$T/q.csv" Sector3 2)" = 1 ]
    [ "$(value "$T/q.csv" Sector4 2)" = 1 ]
}

@test "iim: diim case 8 (same A*) clips a full loss of Sector1; case 4 and 7 as diim" {
    printf 'Sector1,1\n' > "$T/c.csv"
    "$CLIO" iim --interdependency "$D/diim_case8.csv" --perturbation "$T/c.csv" -o "$T/q.csv" -q
    [ "$(value "$T/q.csv" Sector1 2)" = 1 ]
    near "$(value "$T/q.csv" Sector2 2)" 0.625 1e-14
    [ "$(value "$T/q.csv" Sector3 2)" = 1 ]
    printf 'SectorC,0.12\n' > "$T/c.csv"
    "$CLIO" iim --interdependency "$D/diim_case4.csv" --perturbation "$T/c.csv" -o "$T/q.csv"
    near "$(value "$T/q.csv" SectorA 2)" 0.04 0.005   # diim: [0.04, 0.02, 0.14]
    near "$(value "$T/q.csv" SectorB 2)" 0.02 0.005
    near "$(value "$T/q.csv" SectorC 2)" 0.14 0.005
    printf 'Sector2,0.1\n' > "$T/c.csv"
    "$CLIO" iim --interdependency "$D/diim_case7.csv" --perturbation "$T/c.csv" -o "$T/q.csv"
    near "$(value "$T/q.csv" Sector1 2)" 0.066 0.001  # Lian & Haimes (2006)
    near "$(value "$T/q.csv" Sector2 2)" 0.112 0.001
}

@test "iim --transactions --supply: diim case 5 (Xu et al. 2011) against numpy" {
    numpy
    printf 'Electric,0.2\nGas,0.05\n' > "$T/c.csv"
    "$CLIO" iim --transactions "$D/diim_case5.csv" --supply --perturbation "$T/c.csv" -o "$T/q.csv"
    /usr/bin/python3 tests/python/iim_check.py supply "$D/diim_case5.csv" "$T/c.csv" "$T/q.csv"
    # losses are q x with x from the last row: Electric x = 1225
    q=$(value "$T/q.csv" Electric 2)
    near "$(value "$T/q.csv" Electric 3)" "$(awk -v q="$q" 'BEGIN { printf "%.17g", q * 1225 }')" 1e-9
    # the demand side differs (A* = z_ij / x_i)
    "$CLIO" iim --transactions "$D/diim_case5.csv" --perturbation "$T/c.csv" -o "$T/d.csv"
    run cmp -s "$T/q.csv" "$T/d.csv"
    [ "$status" -ne 0 ]
}

@test "iim TABLE: Germany 1995 static IIM against numpy, region,sector keys" {
    numpy
    printf 'region,sector,value\nDE,construction,0.05\nDE,manufacturing,0.01\n' > "$T/c.csv"
    "$CLIO" iim "$DE" --region DE --perturbation "$T/c.csv" -o "$T/q.csv"
    [ "$(head -1 "$T/q.csv")" = "region,sector,inoperability,loss" ]
    /usr/bin/python3 tests/python/iim_check.py static "$DE" "$T/c.csv" "$T/q.csv"
    printf 'construction,0.05\nmanufacturing,0.01\n' > "$T/c2.csv"
    "$CLIO" iim "$DE" --region DE --perturbation "$T/c2.csv" -o "$T/q2.csv"
    cmp "$T/q.csv" "$T/q2.csv"
}

@test "iim --periods: diim case 10, a constant c* converges to the static answer" {
    printf 'Sector2,0.1\n' > "$T/c.csv"
    "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" -o "$T/s.csv"
    "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" \
        --recovery "$D/diim_case10_kmat.csv" --periods 99 -o "$T/d.csv"
    [ "$(head -1 "$T/d.csv")" = "period,sector,inoperability" ]
    [ "$(wc -l < "$T/d.csv")" -eq 201 ]
    for s in Sector1 Sector2; do
        last=$(awk -F, -v s=$s '$1 == 99 && $2 == s { print $3 }' "$T/d.csv")
        near "$last" "$(value "$T/s.csv" $s 2)" 1e-6   # diim checks 1e-6
    done
}

@test "iim --initial: diim case 11 decays monotonically to 0 without perturbation" {
    "$CLIO" iim --interdependency "$D/diim_case11_amat.csv" --initial "$D/diim_case11_q0.csv" \
        --recovery "$D/diim_case11_kmat.csv" --periods 99 -o "$T/d.csv"
    awk -F, '$2 == "Sector2" && NR > 1 { if (seen && $3 > prev) exit 1; prev = $3; seen = 1 }' "$T/d.csv"
    [ "$(awk -F, '$1 == 0 && $2 == "Sector2" { print $3 }' "$T/d.csv")" = 0.1 ]
    for s in Sector1 Sector2; do
        near "$(awk -F, -v s=$s '$1 == 99 && $2 == s { print $3 }' "$T/d.csv")" 0 1e-6
    done
}

@test "iim --perturbation-periods: diim case 12 cumulative inoperability, numpy series" {
    numpy
    printf 'Sector2,0.1\n' > "$T/c.csv"
    "$CLIO" iim --interdependency "$D/diim_case12_amat.csv" --perturbation "$T/c.csv" \
        --recovery "$D/diim_case12_kmat.csv" --periods 99 --perturbation-periods 0:30 \
        -o "$T/d.csv" --summary "$T/sum.csv"
    [ "$(head -1 "$T/sum.csv")" = "sector,cumulative_inoperability,cumulative_loss" ]
    # diim tests/test_diim.cpp case 12 ("integrated using Numpy"), to 1e-6
    near "$(value "$T/sum.csv" Sector1 2)" 1.980144350 1e-6
    near "$(value "$T/sum.csv" Sector2 2)" 3.366317449 1e-6
    /usr/bin/python3 tests/python/iim_check.py dynamic "$D/diim_case12_amat.csv" \
        "$D/diim_case12_kmat.csv" "$T/c.csv" 99 0 30 "$T/d.csv" "$T/sum.csv"
}

@test "iim --recovery-time: k from recovery times; a one-sector system reaches the target" {
    printf 'only\n0\n' > "$T/a.csv"
    printf 'only,1\n' > "$T/q0.csv"
    printf 'only,100\n' > "$T/t.csv"
    "$CLIO" iim --interdependency "$T/a.csv" --initial "$T/q0.csv" --recovery-time "$T/t.csv" \
        --target 0.01 --periods 100 -o "$T/d.csv"
    # discrete (1 - ln(100)/100)^100 = 0.00897 (continuous: 0.01)
    near "$(awk -F, '$1 == 100 { print $3 }' "$T/d.csv")" 0.008969 1e-5
}

@test "iim TABLE --periods -o .nc: a time dimension and cumulative losses" {
    command -v ncdump >/dev/null || skip "ncdump is not installed"
    printf 'construction,0.05\n' > "$T/c.csv"
    printf 'construction,10\n' > "$T/t.csv"
    "$CLIO" iim "$DE" --region DE --perturbation "$T/c.csv" --recovery-time "$T/t.csv" \
        --periods 20 --perturbation-periods 0:5 -o "$T/d.nc" --summary "$T/sum.csv"
    ncdump -h "$T/d.nc" > "$T/h"
    grep -q "time = 21 ;" "$T/h"
    grep -q "double inoperability(time, sector)" "$T/h"
    grep -q "double cumulative_loss(sector)" "$T/h"
    # cumulative loss = cumulative inoperability x output (construction: 245610... from x.csv)
    x=$(awk -F, '$1 == "construction" { print $2 }' "$DE/x.csv")
    ci=$(awk -F, '$2 == "construction" { print $3 }' "$T/sum.csv")
    cl=$(awk -F, '$2 == "construction" { print $4 }' "$T/sum.csv")
    near "$cl" "$(awk -v a="$ci" -v x="$x" 'BEGIN { printf "%.17g", a * x }')" 1e-6
    "$CLIO" iim "$DE" --region DE --perturbation "$T/c.csv" -o "$T/s.nc"
    ncdump -h "$T/s.nc" | grep -q "double loss(sector)"
}

@test "iim errors: A* not square, non-numeric, NaN, negative" {
    printf 'a,b\n0,0.1\n' > "$T/a.csv"
    run "$CLIO" iim --interdependency "$T/a.csv" --perturbation /dev/null
    [ "$status" -eq 7 ]
    [[ "$output" == *"a.csv: the header names 2 sectors but 1 rows follow"* ]]
    printf 'a,b\n0,0.1\n0.2\n' > "$T/a.csv"
    run "$CLIO" iim --interdependency "$T/a.csv" --perturbation /dev/null
    [ "$status" -eq 7 ]
    [[ "$output" == *"a.csv:3: 1 values"* ]]
    printf 'a,b\n0,x\n0.2,0\n' > "$T/a.csv"
    run "$CLIO" iim --interdependency "$T/a.csv" --perturbation /dev/null
    [ "$status" -eq 5 ]
    [[ "$output" == *"a.csv:2: column 'b': 'x' is not a number"* ]]
    printf 'a,b\n0,nan\n0.2,0\n' > "$T/a.csv"
    run "$CLIO" iim --interdependency "$T/a.csv" --perturbation /dev/null
    [ "$status" -eq 8 ]
    [[ "$output" == *"a.csv:2"*"not finite"* ]]
    printf 'a,b\n0,-0.1\n0.2,0\n' > "$T/a.csv"
    run "$CLIO" iim --interdependency "$T/a.csv" --perturbation /dev/null
    [ "$status" -eq 8 ]
    [[ "$output" == *"a.csv:2: column 'b': -0.1 is negative"* ]]
    run "$CLIO" iim --interdependency "$T/missing.csv" --perturbation /dev/null
    [ "$status" -eq 4 ]
}

@test "iim errors: unknown, ambiguous or repeated sector; c* outside [0, 1]" {
    printf 'Sector9,0.1\n' > "$T/c.csv"
    run "$CLIO" iim --interdependency "$D/diim_case1.csv" --perturbation "$T/c.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"c.csv:1: unknown sector 'Sector9'"* ]]
    printf 'Sector1,0.1\nSector1,0.2\n' > "$T/c.csv"
    run "$CLIO" iim --interdependency "$D/diim_case1.csv" --perturbation "$T/c.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"c.csv:2: sector 'Sector1' is listed twice"* ]]
    printf 'Sector2,1.5\n' > "$T/c.csv"
    run "$CLIO" iim --interdependency "$D/diim_case1.csv" --perturbation "$T/c.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"c.csv:1: perturbation c* of sector 'Sector2' is 1.5: it must be in [0, 1]"* ]]
    printf 'Sector2,nan\n' > "$T/c.csv"
    run "$CLIO" iim --interdependency "$D/diim_case1.csv" --perturbation "$T/c.csv"
    [ "$status" -eq 8 ]
    printf 'XX,construction,0.1\n' > "$T/c.csv"
    run "$CLIO" iim "$DE" --region DE --perturbation "$T/c.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown sector 'construction' in region 'XX'"* ]]
}

@test "iim errors: singular and non-productive A*, nothing written" {
    printf 'x,1\n' > "$T/c.csv"
    printf 'x,y\n0,1\n1,0\n' > "$T/a.csv"
    run "$CLIO" iim --interdependency "$T/a.csv" --perturbation "$T/c.csv" -o "$T/q.csv"
    [ "$status" -eq 10 ]
    [[ "$output" == *"I - A* is singular"* ]]
    [ ! -e "$T/q.csv" ]
    printf 'x,y\n0,1\n2,0\n' > "$T/a.csv"
    run "$CLIO" iim --interdependency "$T/a.csv" --perturbation "$T/c.csv" -o "$T/q.csv"
    [ "$status" -eq 11 ]
    [[ "$output" == *"no non-negative inverse"* ]]
    [ ! -e "$T/q.csv" ]
}

@test "iim errors: negative K, a too fast recovery, bad periods, usage" {
    printf 'Sector2,0.1\n' > "$T/c.csv"
    printf 'Sector1,-0.2\n' > "$T/k.csv"
    run "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" \
        --recovery "$T/k.csv" --periods 5
    [ "$status" -eq 8 ]
    [[ "$output" == *"k.csv:1: resilience k of sector 'Sector1' is -0.2"* ]]
    printf 'Sector1,2\n' > "$T/t.csv"
    run "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" \
        --recovery-time "$T/t.csv" --periods 5
    [ "$status" -eq 8 ]
    [[ "$output" == *"shorter periods"* ]]
    run "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" \
        --recovery "$D/diim_case10_kmat.csv"
    [ "$status" -eq 64 ]
    [[ "$output" == *"need --periods N > 0"* ]]
    run "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" \
        --recovery "$D/diim_case10_kmat.csv" --periods 0
    [ "$status" -eq 64 ]
    run "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" \
        --periods 5 --perturbation-periods 3:9
    [ "$status" -eq 64 ]
    run "$CLIO" iim --interdependency "$D/diim_case10_amat.csv" --perturbation "$T/c.csv" \
        --periods -1
    [ "$status" -eq 64 ]
    run "$CLIO" iim --perturbation "$T/c.csv"
    [ "$status" -eq 64 ]
    run "$CLIO" iim --interdependency "$D/diim_case1.csv" --supply --perturbation "$T/c.csv"
    [ "$status" -eq 64 ]
    run "$CLIO" iim --interdependency "$D/diim_case1.csv"
    [ "$status" -eq 64 ]
    run "$CLIO" iim --help
    [ "$status" -eq 0 ]
}
