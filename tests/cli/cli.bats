#!/usr/bin/env bats
# CLI tests: the real `clio` binary on real files; stdout, stderr and exit
# status.  $CLIO is the binary (the Makefile sets it); run from the repo root.

setup() {
    CLIO=${CLIO:-build/clio}
    SHARED=../shared/data
    T=$BATS_TEST_TMPDIR
}

# A small balanced two-sector folder, to break in each test.
small_table() {
    mkdir -p "$T/$1"
    printf 'sector,a,b\na,10,20\nb,30,5\n' >"$T/$1/Z.csv"
    printf 'sector,hh\na,70\nb,65\n' >"$T/$1/Y.csv"
}

@test "no arguments: usage on stderr, exit 64" {
    run "$CLIO"
    [ "$status" -eq 64 ]
    [[ "$output" == *"usage: clio <command>"* ]]
}

@test "--version and --help" {
    run "$CLIO" --version
    [ "$status" -eq 0 ]
    [[ "$output" == "clio "* ]]
    run "$CLIO" multipliers --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"usage: clio multipliers TABLE"* ]]
}

@test "unknown command and unknown option: exit 64" {
    run "$CLIO" frobnicate
    [ "$status" -eq 64 ]
    [[ "$output" == *"unknown command 'frobnicate'"* ]]
    run "$CLIO" check --bogus data/germany_1995
    [ "$status" -eq 64 ]
    [[ "$output" == *"--bogus"* ]]
    run "$CLIO" check data/germany_1995 --format xml
    [ "$status" -eq 64 ]
}

@test "import the embedded table to NetCDF; ncdump reads it" {
    run "$CLIO" import data/germany_1995 --region DE --unit "EUR million" -o "$T/de.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"wrote $T/de.nc: 6 sectors"* ]]
    run ncdump -h "$T/de.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"clio_format_version"* ]]
}

@test "multipliers --format csv: tidy header and the published Eurostat output multipliers" {
    "$CLIO" import data/germany_1995 --region DE -o "$T/de.nc" -q
    run "$CLIO" multipliers "$T/de.nc" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,coefficient,effect,multiplier" ]
    # Eurostat Manual (2008) ch. 15: 1.7048 1.8413 1.8136 1.6035 1.5951 1.3782
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.4f ", $6 }')
    [ "$got" = "1.7048 1.8413 1.8136 1.6035 1.5951 1.3782 " ]
    printf '%s\n' "${lines[@]}" | grep -q '^DE,agriculture,employment,'
}

@test "multipliers -o writes NetCDF and CSV; --inverse writes L" {
    run "$CLIO" multipliers data/germany_1995 -q -o "$T/m.nc" --inverse "$T/L.csv"
    [ "$status" -eq 0 ]
    ncdump -h "$T/m.nc" | grep -q "multiplier(sector, account)"
    [ "$(head -1 "$T/L.csv")" = "sector,agriculture,manufacturing,construction,trade_transport,business_services,other_services" ]
    run "$CLIO" multipliers data/germany_1995 -q -o "$T/m.csv"
    [ "$(head -1 "$T/m.csv")" = "region,sector,account,coefficient,effect,multiplier" ]
}

@test "impact: direct + indirect = total, with a TOTAL row" {
    run "$CLIO" impact data/germany_1995 --region DE --demand data/germany_1995/construction_shock.csv --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,direct,indirect,total" ]
    printf '%s\n' "${lines[@]}" | grep -q '^DE,construction,output,1000,'
    printf '%s\n' "${lines[@]}" | awk -F, 'NR > 1 { d = $4 + $5 - $6; if (d > 1e-9 * ($6 < 0 ? -$6 : $6) + 1e-12 || -d > 1e-9 * ($6 < 0 ? -$6 : $6) + 1e-12) exit 1 }'
    total=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 == "DE" && $2 == "TOTAL" && $3 == "output" { print $6 }')
    [ -n "$total" ]
    awk -v t="$total" 'BEGIN { exit !(t > 1813 && t < 1814) }'
}

@test "impact: readable text by default" {
    run "$CLIO" impact data/germany_1995 --region DE --demand data/germany_1995/construction_shock.csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"DE|TOTAL"* ]]
    [[ "$output" == *"employment (thousand persons)"* ]]
}

@test "missing file: exit 4, message names it" {
    run "$CLIO" check "$T/nothing.nc"
    [ "$status" -eq 4 ]
    [[ "$output" == *"$T/nothing.nc"* ]]
    run "$CLIO" impact data/germany_1995 --demand "$T/none.csv"
    [ "$status" -eq 4 ]
    [[ "$output" == *"$T/none.csv"* ]]
}

@test "malformed CSV (wrong field count): exit 5 with file and line" {
    small_table bad
    printf 'sector,a,b\na,10,20\nb,30\n' >"$T/bad/Z.csv"
    run "$CLIO" check "$T/bad"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/bad/Z.csv:3: 2 fields, but the header has 3"* ]]
}

@test "non-numeric cell: exit 5 naming line and column" {
    small_table bad
    printf 'sector,hh\na,seventy\nb,65\n' >"$T/bad/Y.csv"
    run "$CLIO" check "$T/bad"
    [ "$status" -eq 5 ]
    [[ "$output" == *"Y.csv:2: column 'hh': 'seventy' is not a number"* ]]
}

@test "NaN and Inf cells: exit 8" {
    small_table bad
    printf 'sector,a,b\na,10,NaN\nb,30,5\n' >"$T/bad/Z.csv"
    run "$CLIO" check "$T/bad"
    [ "$status" -eq 8 ]
    [[ "$output" == *"Z.csv:2: column 'b'"*"not finite"* ]]
    printf 'sector,a,b\na,10,-Inf\nb,30,5\n' >"$T/bad/Z.csv"
    run "$CLIO" check "$T/bad"
    [ "$status" -eq 8 ]
}

@test "negative flow and negative output: exit 8 naming the cell" {
    small_table bad
    printf 'sector,a,b\na,10,-20\nb,30,5\n' >"$T/bad/Z.csv"
    run "$CLIO" check "$T/bad"
    [ "$status" -eq 8 ]
    [[ "$output" == *"Z[a, b] = -20 is negative"* ]]
    small_table neg
    printf 'sector,output\na,-1\nb,65\n' >"$T/neg/x.csv"
    run "$CLIO" check "$T/neg"
    [ "$status" -eq 8 ]
    [[ "$output" == *"x[a, output] = -1 is negative"* ]]
}

@test "duplicate and mismatched labels: exit 6" {
    small_table dup
    printf 'sector,a,a\na,10,20\na,30,5\n' >"$T/dup/Z.csv"
    run "$CLIO" check "$T/dup"
    [ "$status" -eq 6 ]
    [[ "$output" == *"duplicate sector label 'a'"* ]]
    small_table mis
    printf 'sector,hh\na,70\nc,65\n' >"$T/mis/Y.csv"
    run "$CLIO" check "$T/mis"
    [ "$status" -eq 6 ]
    [[ "$output" == *"Y.csv:3: row key 'c' does not match"* ]]
}

@test "non-square Z: exit 7" {
    small_table ns
    printf 'sector,a,b,c\na,10,20,1\nb,30,5,1\n' >"$T/ns/Z.csv"
    run "$CLIO" check "$T/ns"
    [ "$status" -eq 7 ]
    [[ "$output" == *"Z is not square: 2 rows and 3 columns"* ]]
}

@test "unbalanced table: a warning, or exit 9 with --strict" {
    small_table ub
    printf 'sector,output\na,100\nb,90\n' >"$T/ub/x.csv"
    run "$CLIO" check "$T/ub"
    [ "$status" -eq 0 ]
    [[ "$output" == *"warning"*"row balance: sector 'b'"*"off by 10"* ]]
    run "$CLIO" check "$T/ub" --strict
    [ "$status" -eq 9 ]
    [[ "$output" == *"does not balance (--strict)"* ]]
    run "$CLIO" check "$T/ub" --rtol 0.2
    [ "$status" -eq 0 ]
    [[ "$output" != *"warning"* ]]
}

@test "singular I - A: exit 10 naming a sector" {
    mkdir -p "$T/sg"
    printf 'sector,a,b\na,5,5\nb,5,5\n' >"$T/sg/Z.csv"
    printf 'sector,hh\na,0\nb,0\n' >"$T/sg/Y.csv"
    run "$CLIO" multipliers "$T/sg"
    [ "$status" -eq 10 ]
    [[ "$output" == *"singular"*"sector 'b'"* ]]
}

@test "non-productive table: exit 11" {
    mkdir -p "$T/np"
    printf 'sector,a,b\na,5,10\nb,10,5\n' >"$T/np/Z.csv"
    printf 'sector,hh\na,0\nb,0\n' >"$T/np/Y.csv"
    printf 'sector,output\na,10\nb,10\n' >"$T/np/x.csv"
    run "$CLIO" multipliers "$T/np" -q
    [ "$status" -eq 11 ]
    [[ "$output" == *"not productive"* ]]
}

@test "unwritable output: exit 12, no partial file" {
    run "$CLIO" import data/germany_1995 -o /nonexistent/dir/de.nc
    [ "$status" -eq 12 ]
    [[ "$output" == *"/nonexistent/dir/de.nc"* ]]
    run "$CLIO" multipliers data/germany_1995 -o /nonexistent/m.csv
    [ "$status" -eq 12 ]
}

@test "a failed run never replaces a good output file" {
    "$CLIO" import data/germany_1995 -o "$T/good.nc" -q
    before=$(md5sum <"$T/good.nc")
    small_table bad
    printf 'sector,a,b\na,10,NaN\nb,30,5\n' >"$T/bad/Z.csv"
    run "$CLIO" import "$T/bad" -o "$T/good.nc"
    [ "$status" -eq 8 ]
    [ "$(md5sum <"$T/good.nc")" = "$before" ]
    [ "$(find "$T" -name '*.tmp.*' | wc -l)" -eq 0 ]
}

@test "export round trip: NetCDF -> CSV folder -> NetCDF keeps every number" {
    "$CLIO" import data/germany_1995 --region DE -o "$T/a.nc" -q
    "$CLIO" export "$T/a.nc" -o "$T/folder" -q
    "$CLIO" import "$T/folder" --region DE -o "$T/b.nc" -q
    diff <(ncdump "$T/a.nc" | grep -v -e history -e date_created -e clio_command -e clio_inputs -e '^netcdf') <(ncdump "$T/b.nc" | grep -v -e history -e date_created -e clio_command -e clio_inputs -e '^netcdf')
}

@test "statistical-office layout: Eurostat Germany 1995 with an import spec" {
    run "$CLIO" multipliers "$SHARED/eurostat_manual_examples/germany_1995_beutel_siot_6x6.csv" \
        --spec tests/fixtures/specs/germany_1995.yaml --format csv -q
    [ "$status" -eq 0 ]
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.4f ", $6 }')
    [ "$got" = "1.7048 1.8413 1.8136 1.6035 1.5951 1.3782 " ]
}

@test "statistical-office layout: UK ONS 2010 (127 products) imports and solves" {
    run "$CLIO" import "$SHARED/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv" \
        --spec tests/fixtures/specs/uk_2010.yaml -o "$T/uk.nc" -q
    [ "$status" -eq 0 ]
    run "$CLIO" multipliers "$T/uk.nc" --format csv -q
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output"' | wc -l)" -eq 127 ]
    printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" && ($6 < 1 || $6 > 5) { exit 1 }'
}

@test "WIOD 2011 world table (1435 sectors) imports and solves" {
    run "$CLIO" import "$SHARED/wiod_2013_release" --Z Z_2011.csv --Y Y_2011.csv --x x_2011.csv -o "$T/wiod.nc" -q
    [ "$status" -eq 0 ]
    run "$CLIO" multipliers "$T/wiod.nc" --format csv -q
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 1436 ]
    printf '%s\n' "${lines[@]}" | grep -q '^DEU,c15,output,1,'
}

@test "Python xarray reads tables and results without clio, with labelled dimensions" {
    "$CLIO" import data/germany_1995 --region DE -o "$T/de.nc" -q
    "$CLIO" multipliers "$T/de.nc" -q -o "$T/m.nc"
    run /usr/bin/python3 - "$T/de.nc" "$T/m.nc" <<'PY'
import sys, xarray as xr
t = xr.open_dataset(sys.argv[1])
# Z(manufacturing -> construction) as published: 64167 million EUR
assert float(t.Z.sel(sector="manufacturing", buying_sector="construction")) == 64167.0
assert t.Z.transpose("sector", "buying_sector").values[1, 2] == 64167.0
assert float(t.x.sel(sector="agriculture")) == 43910.0
m = xr.open_dataset(sys.argv[2])
om = m.multiplier.sel(account="output")
print(" ".join(f"{v:.4f}" for v in om.values))
PY
    [ "$status" -eq 0 ]
    [ "$output" = "1.7048 1.8413 1.8136 1.6035 1.5951 1.3782" ]
}

@test "nearly singular I - A: a warning with the condition number, exit 0" {
    mkdir -p "$T/ill"
    # column sums of A are 1 - 1e-14: productive, but barely
    printf 'sector,a,b\na,0.5,0.49999999999999\nb,0.49999999999999,0.5\n' >"$T/ill/Z.csv"
    printf 'sector,hh\na,1e-14\nb,1e-14\n' >"$T/ill/Y.csv"
    printf 'sector,output\na,1\nb,1\n' >"$T/ill/x.csv"
    run "$CLIO" multipliers "$T/ill" --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"warning: I - A is nearly singular (reciprocal condition number"* ]]
}
