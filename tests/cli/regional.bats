#!/usr/bin/env bats
# CLI tests of regionalisation (clio regionalize) and interregional tables
# (clio interregional) on Germany 1995 (a made-up region with real national
# employment) and the UK 2010 (a made-up region's output): multipliers in
# the guaranteed order, tables the other commands run on, sums back to the
# national table, and every usage error and bad input with its exit status.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    FIX=tests/fixtures/regional
    SOUTH=(--employment $FIX/germany_south_employment.csv --national-account employment)
    REGIONS=(--employment $FIX/germany_regions_employment.csv --national-account employment)
    UK_CSV=../shared/data/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv
    T=$BATS_TEST_TMPDIR
}

@test "regionalize --method all: national and four regional multipliers, in the guaranteed order" {
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --region south --method all --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,national,slq,cilq,flq,aflq" ]
    [ "${#lines[@]}" -eq 7 ]
    # the national column is the published Type I output multiplier (Eurostat Manual ch. 15)
    got=$(printf '%s\n' "${lines[@]:1}" | awk -F, '{ printf "%.4f ", $4 }')
    [ "$got" = "1.7048 1.8413 1.8136 1.6035 1.5951 1.3782 " ]
    # 1 <= every regional multiplier <= national; FLQ <= AFLQ
    printf '%s\n' "${lines[@]:1}" | awk -F, '{ for (k = 5; k <= 8; k++) if (!($k >= 1 && $k <= $4)) exit 1
        if ($7 > $8) exit 1 }'
    [[ "${lines[1]}" == south,agriculture,output,* ]]
}

@test "regionalize -o: a valid regional table whose multipliers are the printed ones" {
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --region south --method aflq --delta 0.2 \
        -o "$T/south.nc" --multipliers "$T/m.csv" --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"wrote $T/south.nc: region south, 6 sectors"* ]]
    [ -f "$T/m.csv" ]
    run "$CLIO" check "$T/south.nc" --strict
    [ "$status" -eq 0 ]
    run "$CLIO" multipliers "$T/south.nc" --format csv
    [ "$status" -eq 0 ]
    a=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.10f ", $5 }')
    b=$(awk -F, 'NR > 1 { printf "%.10f ", $5 }' "$T/m.csv")
    [ "$a" = "$b" ]
    # the import row and the net-export column are there
    run "$CLIO" export "$T/south.nc" -o "$T/south" -q
    [ "$status" -eq 0 ]
    grep -q '^imports_from_outside_region,' "$T/south/V.csv"
    head -1 "$T/south/Y.csv" | grep -q ',net_exports$'
}

@test "regionalize: a larger delta lowers the FLQ multipliers" {
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --method flq --delta 0.1 --format csv
    low=$(printf '%s\n' "${lines[@]:1}" | awk -F, '{ printf "%s ", $5 }')
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --method flq --delta 0.5 --format csv
    high=$(printf '%s\n' "${lines[@]:1}" | awk -F, '{ printf "%s ", $5 }')
    paste <(tr ' ' '\n' <<< "$low") <(tr ' ' '\n' <<< "$high") | awk 'NF == 2 && !($2 < $1) { exit 1 }'
}

@test "regionalize --overrides: a survey coefficient of 1 raises the multipliers" {
    printf 'sector,rpc\nmanufacturing,1\n' > "$T/rpc.csv"
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --method flq --format csv
    plain=$(printf '%s\n' "${lines[@]:1}" | awk -F, '{ printf "%s ", $5 }')
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --method flq --format csv --overrides "$T/rpc.csv"
    [ "$status" -eq 0 ]
    more=$(printf '%s\n' "${lines[@]:1}" | awk -F, '{ printf "%s ", $5 }')
    paste <(tr ' ' '\n' <<< "$plain") <(tr ' ' '\n' <<< "$more") | awk 'NF == 2 && !($2 > $1) { exit 1 }'
}

@test "regionalize the UK 2010 (127 products) from a region's output, as a CSV folder" {
    [ -f "$UK_CSV" ] || skip "UK 2010 table not in ../shared/data"
    run "$CLIO" regionalize "$UK_CSV" --spec tests/fixtures/specs/uk_2010.yaml \
        --regional-output $FIX/uk_2010_region_output.csv --region northwest --method all \
        --format csv --multipliers "$T/uk.nc"
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 128 ]
    printf '%s\n' "${lines[@]:1}" | awk -F, '{ for (k = 5; k <= 8; k++) if (!($k >= 1 && $k <= $4 * (1 + 1e-12))) exit 1 }'
    [ -f "$T/uk.nc" ]
    run "$CLIO" regionalize "$UK_CSV" --spec tests/fixtures/specs/uk_2010.yaml \
        --regional-output $FIX/uk_2010_region_output.csv --region northwest -o "$T/nw" -q
    [ "$status" -eq 0 ]
    run "$CLIO" check "$T/nw" --region northwest
    [ "$status" -eq 0 ]
}

# Sum the blocks of an MRIO's matrix CSV over regions (keys region|sector)
# and compare with the national CSV: largest relative gap, cell by cell.
sum_gap() {
    awk -F, 'FNR == 1 { for (k = 2; k <= NF; k++) { c[FILENAME, k] = $k; sub(/.*\|/, "", c[FILENAME, k]) }; next }
        { r = $1; sub(/.*\|/, "", r)
          for (k = 2; k <= NF; k++) { key = r SUBSEP c[FILENAME, k]
              if (FILENAME == ARGV[1]) s[key] += $k; else n[key] = $k } }
        END { g = 0; for (key in n) { d = s[key] - n[key]; if (d < 0) d = -d
              w = n[key] < 0 ? -n[key] : n[key]; if (w > 0) d /= w; if (d > g) g = d }
              if (length(n) == 0) g = 1; printf "%.3g\n", g }' "$1" "$2"
}

@test "interregional: a two-region table that sums back to the national one; spillovers run on it" {
    run "$CLIO" interregional "$DE" "${SOUTH[@]}" --region south -o "$T/two.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"2 regions, 12 sectors, 10 final-demand columns"* ]]
    run "$CLIO" check "$T/two.nc" --strict
    [ "$status" -eq 0 ]
    "$CLIO" export "$T/two.nc" -o "$T/two" -q
    for m in Z Y; do
        gap=$(sum_gap "$T/two/$m.csv" "$DE/$m.csv")
        awk -v g="$gap" 'BEGIN { exit !(g <= 1e-12) }'
    done
    run "$CLIO" spillovers "$T/two.nc" --format csv
    [ "$status" -eq 0 ]
    [[ "${lines[0]}" == region,sector,account,intraregional,spillover,total,* ]]
    # every column keeps national technology: total = national multiplier
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 == "south" && $3 == "output" { printf "%.4f ", $6 }')
    [ "$got" = "1.7048 1.8413 1.8136 1.6035 1.5951 1.3782 " ]
    printf '%s\n' "${lines[@]}" | awk -F, 'NR > 1 && $3 == "output" && !($5 > 0) { exit 1 }'
}

@test "interregional: three regions (south, north, rest) by CILQ and by CHARM; multipliers and footprint run" {
    run "$CLIO" interregional "$DE" "${REGIONS[@]}" --method cilq --rest others -o "$T/three.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"3 regions, 18 sectors"* ]]
    run "$CLIO" multipliers "$T/three.nc" --format csv
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" | grep -q '^others,construction,output,'
    run "$CLIO" footprint "$T/three.nc" --by region --format csv
    [ "$status" -eq 0 ]
    run "$CLIO" interregional "$DE" "${REGIONS[@]}" --cross-hauling 0.4 -o "$T/charm"
    [ "$status" -eq 0 ]
    gap=$(sum_gap "$T/charm/Z.csv" "$DE/Z.csv")
    awk -v g="$gap" 'BEGIN { exit !(g <= 1e-12) }'
}

@test "usage errors exit 64" {
    run "$CLIO" regionalize "$DE"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing --employment FILE or --regional-output FILE"* ]]
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --method glq
    [ "$status" -eq 64 ]
    [[ "$output" == *"--method must be slq, cilq, flq or aflq (or all), not 'glq'"* ]]
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --delta 2
    [ "$status" -eq 64 ]
    [[ "$output" == *"--delta needs a number in [0, 1], not '2'"* ]]
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --method all -o "$T/x.nc"
    [ "$status" -eq 64 ]
    [ ! -e "$T/x.nc" ]
    run "$CLIO" regionalize "$DE" "${REGIONS[@]}"
    [ "$status" -eq 64 ]
    [[ "$output" == *"the size file has 2 regions: choose one with --region NAME"* ]]
    run "$CLIO" regionalize "$DE" --employment a.csv --regional-output b.csv
    [ "$status" -eq 64 ]
    run "$CLIO" interregional "$DE" "${SOUTH[@]}"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing -o MRIO"* ]]
    run "$CLIO" interregional "$DE" "${SOUTH[@]}" --cross-hauling 1.5 -o "$T/x.nc"
    [ "$status" -eq 64 ]
    run "$CLIO" regionalize --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"--overrides FILE"* ]]
}

# A size file with one bad row: exit status and message; no table written.
bad_sizes() {
    printf "$1" > "$T/bad.csv"
    run "$CLIO" regionalize "$DE" --employment "$T/bad.csv" --national-account employment -o "$T/bad.nc"
    [ ! -e "$T/bad.nc" ]
}

@test "bad employment files: unknown and missing sectors, NaN, negative, above national, zero national" {
    rows='manufacturing,1850\nconstruction,480\ntrade_transport,1400\nbusiness_services,620\nother_services,1450\n'
    bad_sizes "sector,employment\nagriculture,210\nmining,3\n$rows"
    [ "$status" -eq 6 ]
    [[ "$output" == *"$T/bad.csv:3: unknown sector 'mining'"* ]]
    bad_sizes "sector,employment\n$rows"
    [ "$status" -eq 6 ]
    [[ "$output" == *"region 'region' has no row for sector 'agriculture'"* ]]
    bad_sizes "sector,employment\nagriculture,nan\n$rows"
    [ "$status" -eq 8 ]
    [[ "$output" == *"$T/bad.csv:2: column 'employment': value 'nan' is not finite"* ]]
    bad_sizes "sector,employment\nagriculture,-5\n$rows"
    [ "$status" -eq 8 ]
    [[ "$output" == *"negative employment -5 of sector 'agriculture'"* ]]
    bad_sizes "sector,employment\nagriculture,2000\n$rows"
    [ "$status" -eq 8 ]
    [[ "$output" == *"size of sector 'agriculture' (2000) exceeds the national size (1096)"* ]]
    printf "sector,employment,national\nagriculture,0,0\nmanufacturing,1,8381\nconstruction,1,3236\ntrade_transport,1,9251\nbusiness_services,1,4258\nother_services,1,10206\n" > "$T/zero.csv"
    run "$CLIO" regionalize "$DE" --employment "$T/zero.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"national size of sector 'agriculture' is zero"* ]]
    run "$CLIO" regionalize "$DE" --employment "$T/zero.csv" --national-account does_not_exist
    [ "$status" -eq 2 ]
    [[ "$output" == *"give one source of national sizes"* ]]
    # the table's 'employment' satellite is the default national size ...
    run "$CLIO" regionalize "$DE" --employment $FIX/germany_south_employment.csv --format csv
    [ "$status" -eq 0 ]
    default_output=$output
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --format csv
    [ "$output" = "$default_output" ]
    # ... and without one the national sizes are unknown
    mkdir -p "$T/nosat" && cp "$DE"/Z.csv "$DE"/Y.csv "$DE"/V.csv "$DE"/x.csv "$T/nosat/"
    run "$CLIO" regionalize "$T/nosat" --employment $FIX/germany_south_employment.csv
    [ "$status" -eq 2 ]
    [[ "$output" == *"national sizes are unknown"* ]]
    run "$CLIO" regionalize "$DE" --employment $FIX/germany_south_employment.csv --national-account jobs
    [ "$status" -eq 6 ]
    run "$CLIO" regionalize "$DE" "${REGIONS[@]}" --region east
    [ "$status" -eq 6 ]
    [[ "$output" == *"no region 'east'"* ]]
    run "$CLIO" regionalize "$DE" --employment "$T/none.csv" --national-account employment
    [ "$status" -eq 4 ]
}

@test "bad overrides and regions beyond the nation: refused, nothing written" {
    printf 'sector,rpc\nmanufacturing,1.2\n' > "$T/rpc.csv"
    run "$CLIO" regionalize "$DE" "${SOUTH[@]}" --overrides "$T/rpc.csv" -o "$T/o.nc"
    [ "$status" -eq 8 ]
    [[ "$output" == *"$T/rpc.csv:2: regional purchase coefficient 1.2 of sector 'manufacturing' is not in [0, 1]"* ]]
    [ ! -e "$T/o.nc" ]
    printf 'sector,buyer,rpc\nmanufacturing,farming,0.5\n' > "$T/rpc.csv"
    run "$CLIO" interregional "$DE" "${SOUTH[@]}" --overrides "$T/rpc.csv" -o "$T/o.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown sector 'farming'"* ]]
    sed 's/^north,manufacturing,1900/north,manufacturing,7000/' $FIX/germany_regions_employment.csv > "$T/big.csv"
    run "$CLIO" interregional "$DE" --employment "$T/big.csv" --national-account employment -o "$T/o.nc"
    [ "$status" -eq 8 ]
    [[ "$output" == *"the regions' sizes of sector 'manufacturing' add up to 8850, more than the national 8381"* ]]
    [ ! -e "$T/o.nc" ]
}

@test "interregional --cross-hauling: a sole producer keeps all of a negative final demand" {
    # south makes all the agriculture: CHARM's own share below 1 must not drop
    # the rest of agriculture's negative inventory change (review finding)
    {
        echo "region,sector,employment,national"
        echo "south,agriculture,1096,1096"; echo "north,agriculture,0,1096"
        for s in manufacturing:8381 construction:3236 trade_transport:9251 \
                 business_services:4258 other_services:10206; do
            echo "south,${s%%:*},$((${s##*:} / 3)),${s##*:}"
            echo "north,${s%%:*},$((${s##*:} - ${s##*:} / 3)),${s##*:}"
        done
    } >"$T/sole.csv"
    run "$CLIO" interregional "$DE" --employment "$T/sole.csv" --cross-hauling 0.5 -o "$T/sole" -q
    [ "$status" -eq 0 ]
    run "$CLIO" check "$T/sole" --strict
    [ "$status" -eq 0 ]
}
