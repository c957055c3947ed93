#!/usr/bin/env bats
# CLI tests of `clio aggregate` and `clio disaggregate`: the leather MRIO
# (tests/fixtures/leather), the Germany 1995 table (data/), pymrio's test
# MRIO cross-checked with numpy (tests/python/aggregate_check.py), WIOD
# 2011, and every error path (exit status and a message naming the file,
# line or label).

setup() {
    CLIO=${CLIO:-build/clio}
    SHARED=../shared/data
    PYMRIO=$SHARED/pymrio_testmrio
    WIOD=$SHARED/wiod_2013_release
    LEATHER=tests/fixtures/leather
    GERMANY=data/germany_1995
    FIX=tests/fixtures/aggregate
    T=$BATS_TEST_TMPDIR
    printf 'sector,group\nagriculture,primary\ntextile_leather,manufacturing\ntransport_equipment,manufacturing\n' >"$T/sectors.csv"
    printf 'region,group\nARG,emerging\nTUR,emerging\nDEU,DEU\n' >"$T/regions.csv"
}

need_numpy() {
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || skip "numpy is not installed"
}

# The sum of every number in a matrix-set CSV (first `skip` columns are labels).
csv_sum() {
    awk -F, -v skip="${2:-1}" 'NR > 1 { for (i = skip + 1; i <= NF; i++) s += $i } END { printf "%.6f", s }' "$1"
}

# Two labelled CSVs with the same labels and numbers within rtol of the
# largest |value|.
same_csv() {
    awk -F, -v rtol="$3" '
        FNR == 1 { if (NR == 1) h = $0; else if ($0 != h) { print "headers differ"; bad = 1 } }
        NR == FNR && FNR > 1 { for (i = 1; i <= NF; i++) a[FNR, i] = $i; next }
        FNR > 1 {
            if ($1 != a[FNR, 1]) { print "row", FNR, $1, "vs", a[FNR, 1]; bad = 1 }
            for (i = 2; i <= NF; i++) {
                d = $i - a[FNR, i]; if (d < 0) d = -d
                v = $i < 0 ? -$i : $i; if (v > m) m = v
                if (d > dmax) dmax = d
            }
        }
        END { if (dmax > rtol * m) { print "largest difference", dmax, "of", m; bad = 1 }; exit bad }' "$1" "$2"
}

# ---- aggregate -------------------------------------------------------

@test "aggregate: leather MRIO by sectors and regions, folder output, totals kept, balanced" {
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/sectors.csv" --regions "$T/regions.csv" -o "$T/agg"
    [ "$status" -eq 0 ]
    [[ "$output" == *"wrote $T/agg: 4 sectors in 2 region(s), 2 final-demand columns (from 9 sectors in 3 region(s), 3 final-demand columns)"* ]]
    [ "$(head -1 "$T/agg/Z.csv")" = "region|sector,emerging|primary,emerging|manufacturing,DEU|primary,DEU|manufacturing" ]
    [ "$(head -1 "$T/agg/Y.csv")" = "region|sector,emerging|final_demand,DEU|final_demand" ]
    for f in Z Y V; do
        [ "$(csv_sum "$T/agg/$f.csv")" = "$(csv_sum "$LEATHER/$f.csv")" ]
    done
    [ "$(csv_sum "$T/agg/satellites.csv" 2)" = "$(csv_sum "$LEATHER/satellites.csv" 2)" ]
    [ "$(csv_sum "$T/agg/satellites_Y.csv" 2)" = "$(csv_sum "$LEATHER/satellites_Y.csv" 2)" ]
    # emerging|primary buys from DEU|manufacturing: ARG and TUR agriculture
    # columns, DEU textile_leather and transport_equipment rows
    want=$(awk -F, 'NR == 9 || NR == 10 { s += $2 + $5 } END { printf "%.6f", s }' "$LEATHER/Z.csv")
    got=$(awk -F, 'NR == 5 { printf "%.6f", $2 }' "$T/agg/Z.csv")
    [ "$got" = "$want" ]
    run "$CLIO" check "$T/agg"
    [ "$status" -eq 0 ]
    [[ "$output" == *"4 sectors in 2 region(s)"*"ok"* ]]
    [[ "$output" != *"warning"* ]]
}

@test "aggregate: NetCDF output reads back; 0/1 matrix concordance gives the same table" {
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/sectors.csv" -o "$T/agg.nc"
    [ "$status" -eq 0 ]
    printf 'sector,primary,manufacturing\nagriculture,1,0\ntextile_leather,0,1\ntransport_equipment,0,1\n' >"$T/matrix.csv"
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/matrix.csv" -o "$T/agg_matrix" -q
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    run "$CLIO" export "$T/agg.nc" -o "$T/agg_from_nc" -q
    [ "$status" -eq 0 ]
    for f in Z Y V x satellites satellites_Y; do
        cmp "$T/agg_from_nc/$f.csv" "$T/agg_matrix/$f.csv"
    done
    [ "$(head -1 "$T/agg_matrix/Z.csv")" = "region|sector,ARG|primary,ARG|manufacturing,TUR|primary,TUR|manufacturing,DEU|primary,DEU|manufacturing" ]
}

@test "aggregate: the identity concordance gives back the same table, byte for byte" {
    printf 'sector,group\n' >"$T/identity.csv"
    for s in agriculture manufacturing construction trade_transport business_services other_services; do
        printf '%s,%s\n' "$s" "$s" >>"$T/identity.csv"
    done
    run "$CLIO" aggregate "$GERMANY" --sectors "$T/identity.csv" -o "$T/same" -q
    [ "$status" -eq 0 ]
    "$CLIO" export "$GERMANY" -o "$T/orig" -q
    for f in Z Y V x satellites; do
        cmp "$T/orig/$f.csv" "$T/same/$f.csv"
    done
}

@test "aggregate: pymrio test MRIO matches dense numpy S Z S', S Y T', V S', F S', F_Y T'" {
    need_numpy
    [ -d "$PYMRIO" ] || skip "pymrio test MRIO not in $SHARED"
    run "$CLIO" aggregate "$PYMRIO" --V F_factor_inputs.csv --satellites F_emissions.csv \
        --satellites-y F_Y_emissions.csv --sectors "$FIX/pymrio_sectors.csv" \
        --regions "$FIX/pymrio_regions.csv" -o "$T/pymrio" -q
    [ "$status" -eq 0 ]
    run /usr/bin/python3 tests/python/aggregate_check.py "$PYMRIO" "$FIX/pymrio_sectors.csv" \
        "$FIX/pymrio_regions.csv" "$T/pymrio"
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$output" = "174 values compared with numpy, 0 mismatches" ]
}

@test "aggregate: WIOD 2011 (1435 sectors) to EU / non-EU, timed with -v" {
    [ -f "$WIOD/Z_2011.csv" ] || skip "WIOD not in $SHARED"
    run "$CLIO" aggregate "$WIOD" --Z Z_2011.csv --Y Y_2011.csv --x x_2011.csv \
        --regions "$FIX/wiod_eu.csv" --sectors "$FIX/wiod_sectors.csv" -o "$T/wiod.nc" -q -v
    echo "$output" | grep -v note
    [ "$status" -eq 0 ]
    [[ "$output" == *"clio aggregate: aggregate "* ]]
    run "$CLIO" check "$T/wiod.nc" -q
    [[ "$output" == *"6 sectors in 2 region(s), 10 final-demand"* ]]
}

@test "aggregate: usage errors exit 64" {
    run "$CLIO" aggregate "$LEATHER" -o "$T/out"
    [ "$status" -eq 64 ]
    [[ "$output" == *"give --sectors MAP.csv, --regions MAP.csv or both"* ]]
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/sectors.csv"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing -o OUTPUT"* ]]
    run "$CLIO" aggregate "$LEATHER" "$LEATHER" --sectors "$T/sectors.csv" -o "$T/out"
    [ "$status" -eq 64 ]
    [[ "$output" == *"expected one TABLE, got 2"* ]]
    run "$CLIO" aggregate "$LEATHER" --sectors
    [ "$status" -eq 64 ]
    run "$CLIO" aggregate --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"usage: clio aggregate TABLE"* ]]
    [ ! -e "$T/out" ]
}

@test "aggregate: bad concordances name file, line and label; nothing is written" {
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/none.csv" -o "$T/out"
    [ "$status" -eq 4 ]
    [[ "$output" == *"$T/none.csv"* ]]

    printf 'sector,group\nagriculture,primary\ntextile_leather,manufacturing\n' >"$T/missing.csv"
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/missing.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"error: sector 'transport_equipment' is missing from $T/missing.csv"* ]]

    cp "$T/sectors.csv" "$T/unknown.csv"
    printf 'steel,manufacturing\n' >>"$T/unknown.csv"
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/unknown.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"$T/unknown.csv:5: unknown sector 'steel' (not in the table)"* ]]

    cp "$T/sectors.csv" "$T/twice.csv"
    printf 'agriculture,manufacturing\n' >>"$T/twice.csv"
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/twice.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"$T/twice.csv:5: 'agriculture' is mapped twice (first at $T/twice.csv:2)"* ]]

    printf 'sector,group\nagriculture,\n' >"$T/empty_group.csv"
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/empty_group.csv" -o "$T/out"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/empty_group.csv:2: the group of 'agriculture' is empty"* ]]

    printf 'sector,aggregate\nagriculture,primary\n' >"$T/header.csv"
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/header.csv" -o "$T/out"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/header.csv:2: column 'aggregate': 'primary' is not a number"* ]]

    printf 'region,group\nARG,emerging\nTUR,emerging\nDEU,DEU\nFRA,EU\n' >"$T/badreg.csv"
    run "$CLIO" aggregate "$LEATHER" --regions "$T/badreg.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"$T/badreg.csv:5: unknown region 'FRA'"* ]]

    printf 'sector,primary,manufacturing\nagriculture,1,1\n' >"$T/two.csv"
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/two.csv" -o "$T/out"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/two.csv:2: 'agriculture' has 2 groups marked 1"* ]]

    run "$CLIO" aggregate "$T/no_table" --sectors "$T/sectors.csv" -o "$T/out"
    [ "$status" -eq 4 ]
    [[ "$output" == *"$T/no_table"* ]]
    [ ! -e "$T/out" ]
}

@test "aggregate: an unwritable output is exit 12 and leaves nothing" {
    run "$CLIO" aggregate "$LEATHER" --sectors "$T/sectors.csv" -o "$T/no/such/dir/out.nc"
    [ "$status" -eq 12 ]
    [[ "$output" == *"$T/no/such/dir/out.nc"* ]]
    [ ! -e "$T/no" ]
}

# ---- disaggregate ----------------------------------------------------

@test "disaggregate: Germany 1995 construction split 30/70: balanced, shares of the row, back again" {
    printf 'new_sector,share\nbuildings,0.3\ncivil_engineering,0.7\n' >"$T/shares.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/shares.csv" -o "$T/split"
    [ "$status" -eq 0 ]
    [[ "$output" == *"wrote $T/split: 7 sectors (sector construction split in 2)"* ]]
    [ "$(head -1 "$T/split/Z.csv")" = "sector,agriculture,manufacturing,buildings,civil_engineering,trade_transport,business_services,other_services" ]
    run "$CLIO" check "$T/split"
    [ "$status" -eq 0 ]
    [[ "$output" != *"warning"* ]]
    # output of the new sectors: 0.3 and 0.7 of construction's
    x=$(awk -F, '$1 == "construction" { print $2 }' "$GERMANY/x.csv")
    got=$(awk -F, -v x="$x" '$1 == "buildings" { b = $2 } $1 == "civil_engineering" { c = $2 }
        END { d1 = b - 0.3 * x; d2 = c - 0.7 * x; if (d1 < 0) d1 = -d1; if (d2 < 0) d2 = -d2
              print (d1 <= 1e-12 * x && d2 <= 1e-12 * x) ? "ok" : "bad " b " " c }' "$T/split/x.csv")
    [ "$got" = "ok" ]
    # aggregating back gives the original table
    printf 'sector,group\nagriculture,agriculture\nmanufacturing,manufacturing\nbuildings,construction\ncivil_engineering,construction\ntrade_transport,trade_transport\nbusiness_services,business_services\nother_services,other_services\n' >"$T/back.csv"
    run "$CLIO" aggregate "$T/split" --sectors "$T/back.csv" -o "$T/back" -q
    [ "$status" -eq 0 ]
    "$CLIO" export "$GERMANY" -o "$T/orig" -q
    for f in Z Y V x satellites; do
        same_csv "$T/orig/$f.csv" "$T/back/$f.csv" 1e-14
    done
}

@test "disaggregate: REGION:SECTOR and --region in an MRIO, NetCDF output" {
    printf 'new_sector,share\ncattle,0.4\ncrops,0.6\n' >"$T/shares.csv"
    run "$CLIO" disaggregate "$LEATHER" --sector TUR:agriculture --shares "$T/shares.csv" -o "$T/a.nc" -q
    [ "$status" -eq 0 ]
    run "$CLIO" disaggregate "$LEATHER" --region TUR --sector agriculture --shares "$T/shares.csv" -o "$T/b.nc" -q
    [ "$status" -eq 0 ]
    "$CLIO" export "$T/a.nc" -o "$T/a" -q
    "$CLIO" export "$T/b.nc" -o "$T/b" -q
    cmp "$T/a/Z.csv" "$T/b/Z.csv"
    [[ "$(head -1 "$T/a/Z.csv")" == *",ARG|transport_equipment,TUR|cattle,TUR|crops,TUR|textile_leather,"* ]]
    run "$CLIO" check "$T/a.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"10 sectors in 3 region(s)"*"ok"* ]]
    [[ "$output" != *"warning"* ]]
}

@test "disaggregate: usage errors exit 64" {
    printf 'new_sector,share\na,0.5\nb,0.5\n' >"$T/shares.csv"
    run "$CLIO" disaggregate "$GERMANY" --shares "$T/shares.csv" -o "$T/out"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing --sector"* ]]
    run "$CLIO" disaggregate "$GERMANY" --sector construction -o "$T/out"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing --shares"* ]]
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/shares.csv"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing -o OUTPUT"* ]]
    run "$CLIO" disaggregate --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"usage: clio disaggregate TABLE --sector [REGION:]SECTOR"* ]]
    [ ! -e "$T/out" ]
}

@test "disaggregate: unknown sectors, bad shares and name clashes name the label or file:line" {
    printf 'new_sector,share\na,0.5\nb,0.5\n' >"$T/shares.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector mining --shares "$T/shares.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"--sector mining: unknown sector 'mining' in region 'R1'"* ]]
    run "$CLIO" disaggregate "$LEATHER" --sector agriculture --shares "$T/shares.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"sector 'agriculture' needs a region: the table has 3 regions"* ]]
    run "$CLIO" disaggregate "$LEATHER" --sector FRA:agriculture --shares "$T/shares.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown region 'FRA'"* ]]

    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/none.csv" -o "$T/out"
    [ "$status" -eq 4 ]
    [[ "$output" == *"$T/none.csv"* ]]
    printf 'new_sector,share\na,0.5\nb,0.4\n' >"$T/sum.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/sum.csv" -o "$T/out"
    [ "$status" -eq 8 ]
    [[ "$output" == *"$T/sum.csv: the shares sum to 0.9"*", not 1"* ]]
    printf 'new_sector,share\na,-0.5\nb,1.5\n' >"$T/neg.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/neg.csv" -o "$T/out"
    [ "$status" -eq 8 ]
    [[ "$output" == *"$T/neg.csv:2: the share of 'a' is -0.5"* ]]
    printf 'new_sector,share\na,NaN\nb,0.5\n' >"$T/nan.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/nan.csv" -o "$T/out"
    [ "$status" -eq 8 ]
    [[ "$output" == *"$T/nan.csv:2: the share of 'a' is nan"* ]]
    printf 'new_sector,share\na,half\nb,0.5\n' >"$T/text.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/text.csv" -o "$T/out"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/text.csv:2: column 'share': 'half' is not a number"* ]]
    printf 'new_sector,share\na,0.5\na,0.5\n' >"$T/dup.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/dup.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"$T/dup.csv:3: new sector 'a' is given twice"* ]]
    printf 'sector,share\na,0.5\nb,0.5\n' >"$T/header.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/header.csv" -o "$T/out"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/header.csv:1: the header needs the columns 'new_sector' and 'share'"* ]]
    printf 'new_sector,share\nbuildings,0.5\nmanufacturing,0.5\n' >"$T/clash.csv"
    run "$CLIO" disaggregate "$GERMANY" --sector construction --shares "$T/clash.csv" -o "$T/out"
    [ "$status" -eq 6 ]
    [[ "$output" == *"new sector 'manufacturing' is already a sector of region 'R1' in $T/clash.csv"* ]]
    [ ! -e "$T/out" ]
}
