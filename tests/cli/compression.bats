#!/usr/bin/env bats
# CLI tests of --compression (tables and results): every setting gives
# the same numbers, stored as asked (ncdump -hs); files open in xarray; a
# bad level is a usage error (64) that writes nothing.

setup() {
    CLIO=${CLIO:-build/clio}
    T=$BATS_TEST_TMPDIR
}

# storage FILE -- Z's storage attributes, as ncdump -hs shows them
storage() {
    ncdump -hs "$1" | grep -E 'Z:_(Storage|DeflateLevel|Shuffle)' | tr -d '\t ;' | tr '\n' ' '
}

@test "compression: generate and export with none, 1, 9 give the same numbers, stored as asked" {
    "$CLIO" generate --regions 3 --sectors 4 --seed 5 -o "$T/auto.nc" -q
    "$CLIO" generate --regions 3 --sectors 4 --seed 5 --compression none -o "$T/none.nc" -q
    "$CLIO" generate --regions 3 --sectors 4 --seed 5 --compression 1 -o "$T/g1.nc" -q
    "$CLIO" export "$T/auto.nc" --compression 9 -o "$T/e9.nc" -q
    [[ "$(storage "$T/auto.nc")" == 'Z:_Storage="contiguous" ' ]]
    [[ "$(storage "$T/none.nc")" == 'Z:_Storage="contiguous" ' ]]
    [[ "$(storage "$T/g1.nc")" == 'Z:_Storage="chunked" Z:_DeflateLevel=1 ' ]]
    [[ "$(storage "$T/e9.nc")" == 'Z:_Storage="chunked" Z:_DeflateLevel=9 ' ]]
    for f in auto none g1 e9; do
        "$CLIO" export "$T/$f.nc" -o "$T/csv-$f" -q
    done
    for f in none g1 e9; do
        diff -r "$T/csv-auto" "$T/csv-$f"
    done
}

@test "compression: import of a matrix-set folder at level 3 checks and round-trips" {
    "$CLIO" generate --regions 2 --sectors 3 -o "$T/g.nc" -q
    "$CLIO" export "$T/g.nc" -o "$T/set" -q
    run "$CLIO" import "$T/set" --compression 3 -o "$T/i3.nc"
    [ "$status" -eq 0 ]
    [[ "$(storage "$T/i3.nc")" == 'Z:_Storage="chunked" Z:_DeflateLevel=3 ' ]]
    run "$CLIO" check "$T/i3.nc" --strict
    [ "$status" -eq 0 ]
    "$CLIO" export "$T/i3.nc" -o "$T/back" -q
    diff -r "$T/set" "$T/back"
}

@test "compression: a bad level is a usage error (64) and writes nothing" {
    "$CLIO" generate --regions 1 --sectors 3 -o "$T/g.nc" -q
    for bad in 10 -1 x "" 01 fast; do
        run "$CLIO" generate --regions 1 --sectors 3 --compression "$bad" -o "$T/bad.nc"
        [ "$status" -eq 64 ]
        [[ "$output" == *"bad value '$bad' for --compression (auto, none, or a deflate level 1 to 9)"* ]]
        run "$CLIO" export "$T/g.nc" --compression "$bad" -o "$T/bad.nc"
        [ "$status" -eq 64 ]
        run "$CLIO" import "$T/g.nc" --compression "$bad" -o "$T/bad.nc"
        [ "$status" -eq 64 ]
    done
    [ ! -e "$T/bad.nc" ]
}

@test "compression: files of every setting open in xarray with equal values" {
    /usr/bin/python3 -c 'import netCDF4, xarray' 2>/dev/null || skip "python3-netcdf4 or python3-xarray is missing"
    "$CLIO" generate --regions 3 --sectors 4 --compression none -o "$T/none.nc" -q
    "$CLIO" export "$T/none.nc" --compression 1 -o "$T/c1.nc" -q
    "$CLIO" export "$T/none.nc" --compression 9 -o "$T/c9.nc" -q
    "$CLIO" export "$T/none.nc" -o "$T/auto.nc" -q
    run /usr/bin/python3 tests/python/compression_check.py "$T/none.nc" "$T/c1.nc" "$T/c9.nc" "$T/auto.nc"
    echo "$output"
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 3 ]
}

@test "compression: results (multipliers, scenario batches) follow --compression; a bad level is 64 for them too" {
    "$CLIO" import data/germany_1995 --region DE -o "$T/de.nc" -q
    "$CLIO" multipliers "$T/de.nc" -o "$T/m-auto.nc" -q
    "$CLIO" multipliers "$T/de.nc" --compression none -o "$T/m-none.nc" -q
    "$CLIO" multipliers "$T/de.nc" --compression 4 -o "$T/m-4.nc" -q
    run ncdump -hs "$T/m-auto.nc"
    [[ "$output" == *'effect:_DeflateLevel = 1'* ]]
    run ncdump -hs "$T/m-none.nc"
    [[ "$output" != *'_DeflateLevel'* ]]
    run ncdump -hs "$T/m-4.nc"
    [[ "$output" == *'effect:_DeflateLevel = 4'* ]]
    # the same numbers whatever the storage
    diff <(ncdump -v effect,multiplier "$T/m-auto.nc" | sed -n '/^data:/,$p') \
         <(ncdump -v effect,multiplier "$T/m-none.nc" | sed -n '/^data:/,$p')
    diff <(ncdump -v effect,multiplier "$T/m-auto.nc" | sed -n '/^data:/,$p') \
         <(ncdump -v effect,multiplier "$T/m-4.nc" | sed -n '/^data:/,$p')
    "$CLIO" scenario run examples/scenarios/germany_policies.yaml --table "$T/de.nc" \
        --compression none -o "$T/s.nc" -q
    run ncdump -hs "$T/s.nc"
    [[ "$output" == *'delta('* && "$output" != *'delta:_DeflateLevel'* ]]
    run "$CLIO" multipliers "$T/de.nc" --compression 11 -o "$T/bad.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"bad value '11' for --compression"* ]]
    [ ! -e "$T/bad.nc" ]
}

@test "compression: a sparse Z's vectors follow --compression too" {
    "$CLIO" generate --sparse --regions 4 --sectors 30 --seed 2 --compression 3 -o "$T/s3.nc" -q
    "$CLIO" generate --sparse --regions 4 --sectors 30 --seed 2 --compression none -o "$T/s0.nc" -q
    run ncdump -hs "$T/s3.nc"
    [[ "$output" == *'Z_value:_DeflateLevel = 3'* && "$output" == *'Z_row:_DeflateLevel = 3'* ]]
    run ncdump -hs "$T/s0.nc"
    [[ "$output" != *'Z_value:_DeflateLevel'* ]]
    diff <(ncdump -v Z_value,Z_row "$T/s3.nc" | sed -n '/^data:/,$p') \
         <(ncdump -v Z_value,Z_row "$T/s0.nc" | sed -n '/^data:/,$p')
}
