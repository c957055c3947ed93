#!/usr/bin/env bats
# The catalogue of bad inputs (docs/bad-inputs.md): each case gets its
# message (naming the file, line, sector or region), its exit status, and
# leaves no output file behind -- not even a temporary one.

setup() {
    CLIO=${CLIO:-build/clio}
    T=$BATS_TEST_TMPDIR
    GOOD=data/germany_1995
    mkdir -p "$T/out"
}

# bad NAME: a copy of the good table to break.
bad() {
    rm -rf "${T:?}/$1"
    cp -r "$GOOD" "$T/$1"
}

# expect STATUS MESSAGE CMD...: CMD writes to $T/out/result.nc; it must exit
# with STATUS, say MESSAGE on stderr, and leave $T/out empty.
expect() {
    local want=$1 message=$2
    shift 2
    run "$@" -o "$T/out/result.nc"
    echo "status $status: $output"
    [ "$status" -eq "$want" ]
    [[ "$output" == *"$message"* ]]
    [ -z "$(ls -A "$T/out")" ]
}

@test "truncated CSV: the short row's line" {
    bad trunc
    head -c 200 "$GOOD/Z.csv" >"$T/trunc/Z.csv"
    expect 5 "trunc/Z.csv:4: 3 fields, but the header has 7" "$CLIO" multipliers "$T/trunc"
}

@test "truncated NetCDF: not a NetCDF file" {
    "$CLIO" import "$GOOD" -q -o "$T/good.nc"
    head -c 3000 "$T/good.nc" >"$T/trunc.nc"
    expect 5 "'$T/trunc.nc' is not a NetCDF file" "$CLIO" multipliers "$T/trunc.nc"
}

@test "empty file" {
    bad empty
    : >"$T/empty/Z.csv"
    expect 5 "empty/Z.csv: the file is empty" "$CLIO" multipliers "$T/empty"
}

@test "huge dimensions: refused before anything is allocated" {
    /usr/bin/python3 -c 'import netCDF4' 2>/dev/null || skip "python3-netcdf4 is not installed"
    "$CLIO" import "$GOOD" -q -o "$T/good.nc"
    /usr/bin/python3 - "$T/good.nc" "$T/huge.nc" <<'PY'
import sys, netCDF4
src, dst = netCDF4.Dataset(sys.argv[1]), netCDF4.Dataset(sys.argv[2], "w")
for a in src.ncattrs():
    dst.setncattr(a, src.getncattr(a))
for d in ("sector", "buying_sector"):
    dst.createDimension(d, 200000)           # Z would need 298 GiB
dst.createDimension("region", 1)
dst.createVariable("Z", "f8", ("buying_sector", "sector"), chunksizes=(1000, 1000))
dst.close()
PY
    expect 3 "out of memory for a table of 200000 sectors" "$CLIO" multipliers "$T/huge.nc"
}

@test "duplicate labels" {
    bad dup
    sed -i '1s/,manufacturing,/,agriculture,/' "$T/dup/Z.csv"
    expect 6 "duplicate sector label 'agriculture'" "$CLIO" multipliers "$T/dup"
}

@test "NaN and infinity" {
    bad nan
    sed -i '3s/,304584,/,NaN,/' "$T/nan/Z.csv"
    expect 8 "nan/Z.csv:3: column 'manufacturing': value 'NaN' is not finite" "$CLIO" multipliers "$T/nan"
    sed -i '3s/,NaN,/,-inf,/' "$T/nan/Z.csv"
    expect 8 "value '-inf' is not finite" "$CLIO" multipliers "$T/nan"
}

@test "negative output" {
    bad neg
    sed -i 's/^manufacturing,1079446/manufacturing,-1079446/' "$T/neg/x.csv"
    expect 8 "x[manufacturing, output] = -1.07945e+06 is negative" "$CLIO" multipliers "$T/neg"
}

@test "non-productive table: the sector that cannot produce its own inputs" {
    mkdir -p "$T/np"
    printf 'sector,a,b\na,60,50\nb,60,50\n' >"$T/np/Z.csv"   # spectral radius of A 1.1
    printf 'sector,output\na,100\nb,100\n' >"$T/np/x.csv"
    printf 'sector,households\na,1\nb,1\n' >"$T/np/Y.csv"
    expect 11 "the table is not productive: a unit of final demand for every sector needs output -10 of sector 'a'" \
        "$CLIO" multipliers "$T/np" -q
}

@test "singular I - A" {
    mkdir -p "$T/sing"
    printf 'sector,a,b\na,0,100\nb,100,0\n' >"$T/sing/Z.csv"
    printf 'sector,output\na,100\nb,100\n' >"$T/sing/x.csv"
    printf 'sector,households\na,0\nb,0\n' >"$T/sing/Y.csv"
    run "$CLIO" multipliers "$T/sing" -o "$T/out/result.nc"
    [ "$status" -eq 10 ] || [ "$status" -eq 11 ]
    [ -z "$(ls -A "$T/out")" ]
}

@test "unbalanced table with --strict" {
    bad unbal
    sed -i 's/^manufacturing,1079446/manufacturing,1200000/' "$T/unbal/x.csv"
    expect 9 "manufacturing" "$CLIO" multipliers "$T/unbal" --strict
}

@test "wrong dimensions: Y with a row missing" {
    bad dims
    sed -i '$d' "$T/dims/Y.csv"
    expect 7 "dims/Y.csv: 5 rows, but Z.csv has 6 sectors" "$CLIO" multipliers "$T/dims"
}

@test "wrong encodings: Latin-1, UTF-16 and binary" {
    bad enc
    printf 'sector,caf\351,b\n' >"$T/enc/Z.csv"
    expect 5 "enc/Z.csv:1: byte 11 is not UTF-8" "$CLIO" multipliers "$T/enc"
    printf 'sector,a\na,1\n' | iconv -t utf-16 >"$T/enc/Z.csv"
    expect 5 "the file is UTF-16" "$CLIO" multipliers "$T/enc"
    printf 'sector,a\na,\0001\n' >"$T/enc/Z.csv"
    expect 5 "NUL byte" "$CLIO" multipliers "$T/enc"
}

@test "a device or a directory instead of a file" {
    run "$CLIO" balance /dev/zero --rows x --cols y -o "$T/out/m.csv"
    [ "$status" -eq 4 ]
    [[ "$output" == *"/dev/zero: cannot read: not a regular file"* ]]
    run "$CLIO" scenario check "$T"
    [ "$status" -eq 4 ]
    [[ "$output" == *"is a directory"* ]]
}

@test "output directory that does not exist or cannot hold files" {
    run "$CLIO" multipliers "$GOOD" -o "$T/missing/result.nc"
    [ "$status" -eq 12 ]
    [[ "$output" == *"cannot write '$T/missing/result.nc'"* ]]
    run "$CLIO" multipliers "$GOOD" -o /proc/clio-result.csv
    [ "$status" -eq 12 ]
    [ ! -e /proc/clio-result.csv ]
}

@test "read-only output directory" {
    [ "$(id -u)" -ne 0 ] || skip "root writes into read-only directories"
    chmod 555 "$T/out"
    run "$CLIO" multipliers "$GOOD" -o "$T/out/result.csv"
    chmod 755 "$T/out"
    [ "$status" -eq 12 ]
    [ -z "$(ls -A "$T/out")" ]
}

@test "full disk (file-size limit): CSV, NetCDF and scenario outputs, nothing left" {
    "$CLIO" import "$GOOD" -q -o "$T/good.nc"
    full() { (trap '' XFSZ; ulimit -f 4; "$@"); }
    run full "$CLIO" multipliers "$T/good.nc" -o "$T/out/result.csv"
    [ "$status" -eq 12 ]
    [[ "$output" == *"File too large"* ]]
    run full "$CLIO" multipliers "$T/good.nc" -o "$T/out/result.nc"
    [ "$status" -eq 12 ]
    [[ "$output" == *"cannot write '$T/out/result.nc'"* ]]
    run full "$CLIO" scenario run examples/scenarios/germany_policies.yaml --table "$T/good.nc" \
        -o "$T/out/s.nc" --series "$T/out/s.csv"
    [ "$status" -eq 12 ]
    run full "$CLIO" export "$T/good.nc" -o "$T/out/copy.nc"
    [ "$status" -eq 12 ]
    [ -z "$(ls -A "$T/out")" ]
}
