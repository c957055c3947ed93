#!/usr/bin/env bats
# CLI tests of `clio generate` (synthetic multi-regional tables, written
# straight to NetCDF) and of the shared --threads option / CLIO_NUM_THREADS:
# the table passes clio check, is the same for the same seed, is
# productive, holds memory well below one n x n matrix; usage errors exit
# 64, an unwritable output 12 with nothing left; 1 and 2 BLAS threads give
# the same multipliers on WIOD 2011.

setup() {
    CLIO=${CLIO:-build/clio}
    WIOD=../shared/data/wiod_2013_release
    T=$BATS_TEST_TMPDIR
}

# values -- every number of a table, as CSV text (not the dates of writing)
values() {
    "$CLIO" export "$1" -o "$T/export-$2" -q && cat "$T/export-$2"/*.csv
}

@test "generate: a table that clio check passes, with the asked shape" {
    run "$CLIO" generate --regions 4 --sectors 6 --seed 7 --fd-categories 3 --satellites 3 -o "$T/g.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"wrote $T/g.nc: 4 regions x 6 sectors = 24 sectors"* ]]
    run "$CLIO" check "$T/g.nc" --strict --rtol 1e-9
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"24 sectors in 4 region(s), 12 final-demand, 3 value-added, 3 satellite rows; 0 sectors with zero output; ok"* ]]
    # no satellites: the account dimension is left out, and it still reads
    run "$CLIO" generate --regions 1 --sectors 5 --satellites 0 --fd-categories 1 -o "$T/s0.nc" -q
    [ "$status" -eq 0 ]
    run "$CLIO" check "$T/s0.nc" --strict --rtol 1e-9
    [[ "$output" == *"5 sectors in 1 region(s), 1 final-demand, 3 value-added, 0 satellite rows"* ]]
    run ncdump -h "$T/g.nc"
    [[ "$output" == *':clio_command = "clio generate --regions 4 --sectors 6 --seed 7 --fd-categories 3 --satellites 3 -o '* ]]
}

@test "generate: defaults are seed 1, 5 final-demand categories (WIOD's), 2 satellites" {
    run "$CLIO" generate --regions 2 --sectors 3 -o "$T/d.nc" -q
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    run "$CLIO" check "$T/d.nc"
    [[ "$output" == *"6 sectors in 2 region(s), 10 final-demand, 3 value-added, 2 satellite rows"* ]]
    "$CLIO" generate --regions 2 --sectors 3 --seed 1 --fd-categories 5 --satellites 2 -o "$T/e.nc" -q
    [ "$(values "$T/d.nc" d)" = "$(values "$T/e.nc" e)" ]
}

@test "generate: the same seed gives the same values, another seed others" {
    "$CLIO" generate --regions 5 --sectors 4 --seed 11 -o "$T/a.nc" -q
    "$CLIO" generate --regions 5 --sectors 4 --seed 11 -o "$T/b.nc" -q
    "$CLIO" generate --regions 5 --sectors 4 --seed 12 -o "$T/c.nc" -q
    a=$(values "$T/a.nc" a | sha256sum)
    b=$(values "$T/b.nc" b | sha256sum)
    c=$(values "$T/c.nc" c | sha256sum)
    [ "$a" = "$b" ]
    [ "$a" != "$c" ]
}

@test "generate: productive -- clio multipliers runs, output multipliers between 1 and 1/(1 - 0.7)" {
    "$CLIO" generate --regions 6 --sectors 5 -o "$T/m.nc" -q
    run "$CLIO" multipliers "$T/m.nc" --format csv --strict
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { k++; if (!($6 > 1 && $6 < 1 / 0.3)) exit 1 }
        END { exit k != 30 }'
}

@test "generate: n = 4000 is written with far less memory than one n x n matrix (128 MB)" {
    case "$CLIO" in
    */asan/*) skip "memory is measured with the plain build" ;;
    esac
    [ -x /usr/bin/time ] || skip "no /usr/bin/time"
    /usr/bin/time -f '%M' -o "$T/rss" "$CLIO" generate --regions 40 --sectors 100 -o "$T/big.nc" -q
    rss=$(tail -n 1 "$T/rss")
    echo "peak RSS $rss KB"
    # the process itself (libraries) is ~27 MB; Z would be 125,000 KB
    [ "$rss" -lt 80000 ]
    run "$CLIO" check "$T/big.nc" -q
    [ "$status" -eq 0 ]
    [[ "$output" == *"4000 sectors in 40 region(s), 200 final-demand"* ]]
}

@test "generate: usage errors exit 64" {
    run "$CLIO" generate --sectors 3 -o "$T/u.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--regions and --sectors are required"* ]]
    run "$CLIO" generate --regions 3 --sectors 3
    [ "$status" -eq 64 ]
    [[ "$output" == *"-o OUT.nc is required"* ]]
    run "$CLIO" generate --regions -3 --sectors 3 -o "$T/u.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--regions needs a whole number, not '-3'"* ]]
    run "$CLIO" generate --regions 3 --sectors 2.5 -o "$T/u.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--sectors needs a whole number, not '2.5'"* ]]
    run "$CLIO" generate --regions 3 --sectors 3 --seed abc -o "$T/u.nc"
    [ "$status" -eq 64 ]
    run "$CLIO" generate --regions 3 --sectors 3 --satellites many -o "$T/u.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--satellites needs a whole number, not 'many'"* ]]
    run "$CLIO" generate --regions 3 --sectors 3 extra -o "$T/u.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"unexpected argument 'extra'"* ]]
    [ ! -e "$T/u.nc" ]
}

@test "generate: 0 regions or categories exit 2, sizes past the limits 7, nothing written" {
    run "$CLIO" generate --regions 0 --sectors 3 -o "$T/z.nc"
    [ "$status" -eq 2 ]
    [[ "$output" == *"at least 1 region and 1 sector (got 0 regions, 3 sectors)"* ]]
    run "$CLIO" generate --regions 3 --sectors 3 --fd-categories 0 -o "$T/z.nc"
    [ "$status" -eq 2 ]
    run "$CLIO" generate --regions 4294967296 --sectors 4294967296 -o "$T/z.nc"
    [ "$status" -eq 7 ]
    [[ "$output" == *"4294967296 regions x 4294967296 sectors are more than the 1000000 sectors"* ]]
    run "$CLIO" generate --regions 99999999999999999999999 --sectors 3 -o "$T/z.nc"
    [ "$status" -eq 64 ]
    run "$CLIO" generate --regions 1000 --sectors 2 --fd-categories 101 -o "$T/z.nc"
    [ "$status" -eq 7 ]
    [[ "$output" == *"1000 regions x 101 final-demand categories are more than 100000 columns"* ]]
    [ ! -e "$T/z.nc" ]
}

@test "generate: an unwritable output exits 12, leaves nothing and keeps an old file" {
    run "$CLIO" generate --regions 2 --sectors 2 -o "$T/no/such/dir/t.nc"
    [ "$status" -eq 12 ]
    [[ "$output" == *"$T/no/such/dir/t.nc"* ]]
    mkdir "$T/out"
    echo keep >"$T/out/old.nc"
    mkdir "$T/out/t.nc"
    run "$CLIO" generate --regions 2 --sectors 2 -o "$T/out/t.nc"
    [ "$status" -eq 12 ]
    [ -d "$T/out/t.nc" ]
    [ "$(ls "$T/out")" = "$(printf 'old.nc\nt.nc')" ]
    [ "$(cat "$T/out/old.nc")" = keep ]
}

@test "--threads: a bad value or CLIO_NUM_THREADS is a usage error (64)" {
    run "$CLIO" multipliers data/germany_1995 --threads 0
    [ "$status" -eq 64 ]
    [[ "$output" == *"--threads needs a whole number from 1 to 4096, not '0'"* ]]
    run "$CLIO" multipliers data/germany_1995 --threads two
    [ "$status" -eq 64 ]
    CLIO_NUM_THREADS=-1 run "$CLIO" multipliers data/germany_1995
    [ "$status" -eq 64 ]
    [[ "$output" == *"CLIO_NUM_THREADS must be a whole number from 1 to 4096, not '-1'"* ]]
    run "$CLIO" generate --regions 2 --sectors 2 --threads 1 -o "$T/t.nc" -q
    [ "$status" -eq 0 ]
}

@test "--threads 1 and 2 (and CLIO_NUM_THREADS=2) give the same WIOD 2011 multipliers (1e-12)" {
    [ -f "$WIOD/Z_2011.csv" ] || skip "WIOD not in ../shared/data"
    "$CLIO" import "$WIOD" --Z Z_2011.csv --Y Y_2011.csv --x x_2011.csv -o "$T/wiod.nc" -q
    "$CLIO" multipliers "$T/wiod.nc" --threads 1 --format csv -q >"$T/m1.csv"
    "$CLIO" multipliers "$T/wiod.nc" --threads 2 --format csv -q >"$T/m2.csv"
    CLIO_NUM_THREADS=2 "$CLIO" multipliers "$T/wiod.nc" --format csv -q >"$T/m3.csv"
    [ "$(wc -l <"$T/m1.csv")" -gt 1435 ]
    for other in m2 m3; do
        paste -d, "$T/m1.csv" "$T/$other.csv" | awk -F, 'NR > 1 { h = NF / 2
            for (k = 4; k <= h; k++) { a = $k; b = $(k + h); d = a - b; d = d < 0 ? -d : d
                s = a < 0 ? -a : a; if (a == a && d > 1e-12 * s) { print NR, k, a, b; exit 1 } } }'
    done
}
