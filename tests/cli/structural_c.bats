#!/usr/bin/env bats
# CLI tests of the multi-regional commands: `clio spillovers` and
# `clio footprint` on the leather MRIO (tests/fixtures/leather) and on
# pymrio's test MRIO, cross-checked with numpy (tests/python), and SY
# (satellites_Y.csv) through import and export.

setup() {
    CLIO=${CLIO:-build/clio}
    SHARED=../shared/data
    PYMRIO=$SHARED/pymrio_testmrio
    LEATHER=tests/fixtures/leather
    T=$BATS_TEST_TMPDIR
}

need_numpy() {
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || skip "numpy is not installed"
}

# pymrio's files under the names clio's footprint options take.
PYMRIO_OPTS=(--V F_factor_inputs.csv --satellites F_emissions.csv)

# A copy of the leather folder to break in one test.
leather_copy() {
    mkdir -p "$T/$1"
    cp "$LEATHER"/*.csv "$T/$1/"
}

# ---- spillovers -------------------------------------------------------

@test "spillovers: leather MRIO, tidy CSV with the numpy values" {
    run "$CLIO" spillovers "$LEATHER" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,intraregional,spillover,total,single_region,feedback,in:ARG,in:TUR,in:DEU" ]
    [ "${#lines[@]}" -eq 37 ]
    # numpy.linalg.inv: column sum of L 1.5654008369041539, L_ss block 1.3522778411981815,
    # (I - A_ss)^-1 1.3374049763989642 for ARG|agriculture
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 == "ARG" && $2 == "agriculture" && $3 == "output" { printf "%.12f %.12f %.12f", $4, $6, $7 }')
    [ "$got" = "1.352277841198 1.565400836904 1.337404976399" ]
}

@test "spillovers: intraregional + spillover = total, feedback >= 0, value added total = 1" {
    run "$CLIO" spillovers "$LEATHER" --format csv
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" | awk -F, 'NR > 1 {
        d = $4 + $5 - $6; if (d < 0) d = -d
        if (d > 1e-12 * $6) { print "sum", $0; bad = 1 }
        if ($8 < 0) { print "feedback", $0; bad = 1 }
        if ($3 == "value_added" && ($6 < 1 - 1e-12 || $6 > 1 + 1e-12)) { print "va", $0; bad = 1 }
    } END { exit bad }'
}

@test "spillovers: every field matches dense numpy (leather and pymrio)" {
    need_numpy
    "$CLIO" spillovers "$LEATHER" --format csv >"$T/leather.csv"
    run /usr/bin/python3 tests/python/spillover_check.py "$LEATHER" "$T/leather.csv"
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == "288 values compared with numpy, 0 mismatches"* ]]
    "$CLIO" spillovers "$PYMRIO" "${PYMRIO_OPTS[@]}" --format csv -q >"$T/pymrio.csv"
    run /usr/bin/python3 tests/python/spillover_check.py "$PYMRIO" "$T/pymrio.csv" F_factor_inputs.csv F_emissions.csv
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == "2112 values compared with numpy, 0 mismatches"* ]]
}

@test "spillovers: one region has no spillover and no feedback (-v says so)" {
    run "$CLIO" spillovers data/germany_1995 --region DE --format csv -v
    [ "$status" -eq 0 ]
    [[ "$output" == *"has one region: spillovers and feedback are zero"* ]]
    "$CLIO" spillovers data/germany_1995 --region DE --format csv >"$T/s.csv"
    head -1 "$T/s.csv" | grep -qx 'region,sector,account,intraregional,spillover,total,single_region,feedback,in:DE'
    awk -F, 'NR > 1 && ($5 != 0 || $8 != 0 || $4 != $7) { exit 1 }' "$T/s.csv"
}

@test "spillovers: -o writes CSV and NetCDF; text output by default" {
    run "$CLIO" spillovers "$LEATHER" -q -o "$T/s.csv"
    [ "$status" -eq 0 ]
    [ "$(head -1 "$T/s.csv")" = "region,sector,account,intraregional,spillover,total,single_region,feedback,in:ARG,in:TUR,in:DEU" ]
    run "$CLIO" spillovers "$LEATHER" -q -o "$T/s.nc"
    [ "$status" -eq 0 ]
    ncdump -h "$T/s.nc" | grep -q "feedback(sector, account)"
    run "$CLIO" spillovers "$LEATHER"
    [ "$status" -eq 0 ]
    [[ "$output" == *"intraregional"*"single_region"* ]]
}

@test "spillovers: usage errors exit 64, a missing table exits 4" {
    run "$CLIO" spillovers
    [ "$status" -eq 64 ]
    [[ "$output" == *"usage: clio spillovers TABLE"* ]]
    run "$CLIO" spillovers "$LEATHER" "$LEATHER"
    [ "$status" -eq 64 ]
    [[ "$output" == *"expected one TABLE, got 2"* ]]
    run "$CLIO" spillovers "$LEATHER" --format xml
    [ "$status" -eq 64 ]
    run "$CLIO" spillovers "$LEATHER" --by region
    [ "$status" -eq 64 ]
    run "$CLIO" spillovers "$T/nowhere"
    [ "$status" -eq 4 ]
    [[ "$output" == *"$T/nowhere"* ]]
    run "$CLIO" spillovers --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"feedback"*"Miller 1966"* ]]
}

# ---- footprint --------------------------------------------------------

@test "footprint: leather by region, known values and the accounting identities" {
    run "$CLIO" footprint "$LEATHER" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,production,consumption,final_demand_direct,domestic,imported,exported,balance,for:ARG,for:TUR,for:DEU,net:ARG,net:TUR,net:DEU" ]
    [ "${#lines[@]}" -eq 13 ]
    # V = x - 1'Z: the value added embodied in a region's final demand is that final demand
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "value_added" { printf "%s=%.10g ", $1, $5 }')
    [ "$got" = "ARG=108.5 TUR=144.6 DEU=208.4 " ]
    # co2 emitted by final demand directly (satellites_Y.csv) counts in both accounts
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "co2" { printf "%s ", $6 }')
    [ "$got" = "7.5 11.2 19.8 " ]
    printf '%s\n' "${lines[@]}" | awk -F, '
        function abs(v) { return v < 0 ? -v : v }
        NR > 1 {
            a = $3; P[a] += $4; C[a] += $5
            if (abs($5 - ($7 + $8 + $6)) > 1e-12 * abs($5)) { print "consumption", $0; bad = 1 }
            if (abs($4 - ($7 + $9 + $6)) > 1e-12 * abs($4)) { print "production", $0; bad = 1 }
            if (abs($10 - ($5 - $4)) > 1e-12 * abs($4)) { print "balance", $0; bad = 1 }
        }
        END {
            for (a in P) if (abs(P[a] - C[a]) > 1e-12 * abs(P[a])) { print "total", a; bad = 1 }
            exit bad
        }'
}

@test "footprint: imported of each region = the others' exports to it (bilateral for:)" {
    "$CLIO" footprint "$LEATHER" --format csv >"$T/r.csv"
    awk -F, 'NR == 1 { for (k = 11; k <= 13; k++) col[substr($k, 5)] = k; next }
        { im[$1, $3] = $8; ex[$1, $3] = $9; row[NR] = $0; acc[$3] = 1
          for (c in col) F[$1, $3, c] = $(col[c]) }
        END {
            n = split("ARG TUR DEU", R, " ")
            for (a in acc) for (i = 1; i <= n; i++) {
                r = R[i]; si = 0; se = 0
                for (j = 1; j <= n; j++) if (j != i) { si += F[R[j], a, r]; se += F[r, a, R[j]] }
                d = im[r, a] - si; if (d < 0) d = -d
                e = ex[r, a] - se; if (e < 0) e = -e
                if (d > 1e-12 * im[r, a] || e > 1e-12 * ex[r, a]) { print r, a, im[r, a], si; bad = 1 }
            }
            exit bad
        }' "$T/r.csv"
}

@test "footprint --by sector: production splits over consumers, with region totals" {
    run "$CLIO" footprint "$LEATHER" --by sector --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,production,for:ARG,for:TUR,for:DEU" ]
    printf '%s\n' "${lines[@]}" | grep -q '^ARG,TOTAL,output,155,'
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "ALL" && $3 == "output" && $4 > 936.6 - 1e-9 && $4 < 936.6 + 1e-9 { ok = 1 } END { exit !ok }'
    printf '%s\n' "${lines[@]}" | awk -F, 'NR > 1 { d = $4 - ($5 + $6 + $7); if (d < 0) d = -d
        if (d > 1e-12 * ($4 < 0 ? -$4 : $4)) { print; bad = 1 } } END { exit bad }'
}

@test "footprint: pymrio test MRIO matches pymrio's calc_accounts (numpy re-implementation)" {
    need_numpy
    run "$CLIO" footprint "$PYMRIO" "${PYMRIO_OPTS[@]}" --satellites-y F_Y_emissions.csv --format csv -q -o "$T/region.csv"
    [ "$status" -eq 0 ]
    "$CLIO" footprint "$PYMRIO" "${PYMRIO_OPTS[@]}" --satellites-y F_Y_emissions.csv --by sector -q -o "$T/sector.csv"
    run /usr/bin/python3 tests/python/footprint_check.py "$PYMRIO" "$T/region.csv" "$T/sector.csv"
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == "480 values compared with pymrio's formulas, 0 mismatches"* ]]
    # satellite names keep their '|'; the final-demand emissions are there
    grep -q '^reg1,ALL,emission_type1|air,' "$T/region.csv"
    awk -F, '$1 == "reg1" && $3 == "emission_type1|air" && $6 == 62335321 { found = 1 } END { exit !found }' "$T/region.csv"
}

@test "footprint: one-region table, each final-demand column is a consumer" {
    run "$CLIO" footprint data/germany_1995 --region DE --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,production,consumption,final_demand_direct,domestic,imported,exported,balance,for:household_consumption,for:government_consumption,for:gross_capital_formation,for:inventory_change,for:exports" ]
    printf '%s\n' "${lines[@]}" | awk -F, 'NR > 1 { d = $4 - $5; if (d < 0) d = -d
        if (d > 1e-9 * $4 || $8 != 0 || $9 != 0) exit 1 }'
}

@test "footprint: usage errors exit 64" {
    run "$CLIO" footprint "$LEATHER" --by country
    [ "$status" -eq 64 ]
    [[ "$output" == *"--by must be 'sector' or 'region', not 'country'"* ]]
    run "$CLIO" footprint "$LEATHER" --by
    [ "$status" -eq 64 ]
    run "$CLIO" footprint
    [ "$status" -eq 64 ]
    [[ "$output" == *"usage: clio footprint TABLE"* ]]
    run "$CLIO" footprint "$LEATHER" --format json
    [ "$status" -eq 64 ]
    run "$CLIO" footprint --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"--by region"*"net:R"* ]]
}

@test "footprint: a bad satellites_Y.csv names file and line (exit 6, 5, 4)" {
    leather_copy bad
    printf 'account,unit,ARG|final_demand,TUR|final_demand,DEU|final_demand\nemployment,,0,0,0\nco2,kt,1,2,3\nch4,kt,1,1,1\n' >"$T/bad/satellites_Y.csv"
    run "$CLIO" footprint "$T/bad"
    [ "$status" -eq 6 ]
    [[ "$output" == *"satellites_Y.csv:4: satellite 'ch4' is not in satellites.csv"* ]]
    printf 'account,ARG|final_demand,TUR|final_demand,ITA|final_demand\nemployment,0,0,0\nco2,1,2,3\n' >"$T/bad/satellites_Y.csv"
    run "$CLIO" footprint "$T/bad"
    [ "$status" -eq 6 ]
    [[ "$output" == *"satellites_Y.csv:1: column 'ITA|final_demand' is not a final-demand column of Y.csv"* ]]
    printf 'account,ARG|final_demand,TUR|final_demand,DEU|final_demand\nemployment,0,0,0\nco2,1,x,3\n' >"$T/bad/satellites_Y.csv"
    run "$CLIO" footprint "$T/bad"
    [ "$status" -eq 5 ]
    [[ "$output" == *"satellites_Y.csv:3: column 'TUR|final_demand': 'x' is not a number"* ]]
    run "$CLIO" footprint "$LEATHER" --satellites-y no_such_SY.csv
    [ "$status" -eq 4 ]
    [[ "$output" == *"no_such_SY.csv"* ]]
}

@test "footprint: NaN in satellites_Y.csv is refused (exit 8), naming satellite and column" {
    leather_copy nan
    printf 'account,ARG|final_demand,TUR|final_demand,DEU|final_demand\nemployment,0,0,0\nco2,1,nan,3\n' >"$T/nan/satellites_Y.csv"
    run "$CLIO" footprint "$T/nan"
    [ "$status" -eq 8 ]
    [[ "$output" == *"satellites_Y.csv:3: column 'TUR|final_demand': value 'nan' is not finite"* ]]
}

@test "SY survives import and export: folder -> NetCDF -> folder" {
    run "$CLIO" import "$LEATHER" -o "$T/leather.nc" -q
    [ "$status" -eq 0 ]
    ncdump -h "$T/leather.nc" | grep -q "double satellite_final_demand(final_demand, account)"
    run "$CLIO" export "$T/leather.nc" -o "$T/back" -q
    [ "$status" -eq 0 ]
    diff "$LEATHER/satellites_Y.csv" "$T/back/satellites_Y.csv"
    "$CLIO" footprint "$T/leather.nc" --format csv >"$T/a.csv"
    "$CLIO" footprint "$LEATHER" --format csv >"$T/b.csv"
    diff "$T/a.csv" "$T/b.csv"
}

@test "import --satellites-y keeps final-demand satellites (SY) in the NetCDF table" {
    run "$CLIO" import "$PYMRIO" "${PYMRIO_OPTS[@]}" --satellites-y F_Y_emissions.csv -q -o "$T/pymrio.nc"
    [ "$status" -eq 0 ]
    run "$CLIO" footprint "$T/pymrio.nc" --format csv -q
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "reg1" && $3 == "emission_type1|air" && $6 == 62335321 { found = 1 } END { exit !found }'
    run "$CLIO" import "$PYMRIO" "${PYMRIO_OPTS[@]}" --satellites-y no_such_file.csv -q -o "$T/bad.nc"
    [ "$status" -eq 4 ]
    [[ "$output" == *no_such_file.csv* ]]
    [ ! -e "$T/bad.nc" ]
}
