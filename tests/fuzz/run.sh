#!/bin/sh
# run.sh -- build the seed corpora from the repository's own example and
# fixture files, run every fuzz target for SECONDS each, then replay the
# saved regressions (inputs that once crashed).  Any crash, leak, timeout
# or sanitizer report fails the run.  Usage: tests/fuzz/run.sh BUILD SECONDS
set -eu
build=$1 seconds=$2
seeds=$build/seeds
logs=$build/logs
rm -rf "$seeds" && mkdir -p "$seeds" "$build/crashes" "$logs"

# seed NAME PREFIX FILE...: each file, after a one-byte prefix (may be empty)
seed() {
    name=$1 prefix=$2
    shift 2
    mkdir -p "$seeds/$name"
    for f in "$@"; do
        [ -f "$f" ] || continue
        { printf "$prefix"; cat "$f"; } >"$seeds/$name/$(echo "$f" | tr / _)"
    done
}
{ cat data/germany_1995/Z.csv; printf '\f'; cat data/germany_1995/Y.csv; } >"$build/zy.seed"
seed fuzz_table_csv "" data/germany_1995/Z.csv "$build/zy.seed" tests/fixtures/leather/*.csv
i=0
for f in data/germany_1995/construction_shock.csv tests/fixtures/scenarios/germany_groups.csv \
    examples/scenarios/germany_groups.csv tests/fixtures/aggregate/*.csv tests/fixtures/balance/*.csv; do
    seed fuzz_inputs_csv "\\$(printf '%03o' $((i % 8)))" "$f"
    i=$((i + 1))
done
seed fuzz_inputs_csv '\010' examples/households/germany_consumption.csv
seed fuzz_inputs_csv '\011' examples/households/germany_transfers.csv
seed fuzz_inputs_csv '\012' tests/fixtures/accounts/*.csv
seed fuzz_inputs_csv '\013' data/germany_1995/satellites.csv
seed fuzz_inputs_csv '\014' tests/fixtures/icio/icio_synthetic.csv
printf 'account,type,share\nemployment,women,0.45\nemployment,men,0.55\n' >"$build/bridge.seed"
seed fuzz_inputs_csv '\012' "$build/bridge.seed"
# a pymrio folder of two sectors, its files joined by form feeds
printf '%s\f%s\f%s\f%s\f%s\f%s' \
    '{"files": {"Z": {"name": "Z.txt", "nr_index_col": "2", "nr_header": "2"}, "Y": {"name": "Y.txt", "nr_index_col": "2", "nr_header": "2"}, "x": {"name": "x.txt", "nr_index_col": "2", "nr_header": "1"}}, "systemtype": "IOSystem"}' \
    "$(printf 'region\t\tR\tR\nsector\t\ta\tb\nregion\tsector\t\t\nR\ta\t1\t2\nR\tb\t3\t4\n')" \
    "$(printf 'region\t\tR\ncategory\t\thh\nregion\tsector\t\nR\ta\t5\nR\tb\t6\n')" \
    "$(printf 'region\tsector\tindout\nR\ta\t8\nR\tb\t13\n')" \
    '{"files": {"F": {"name": "F.txt", "nr_index_col": "1", "nr_header": "2"}}, "name": "ext", "systemtype": "Extension"}' \
    "$(printf 'region\tR\tR\nsector\ta\tb\nstressor\t\t\nco2\t1\t2\n')" >"$build/pymrio.seed"
seed fuzz_pymrio "" "$build/pymrio.seed"
mkdir -p "$seeds/fuzz_report"
head -c 300 /dev/urandom >"$seeds/fuzz_report/random"
printf '\007\006\005\002\001\000\001\001\001\001\003\002\001\002\001\002\003\004\005\006\007\001\002' \
    >"$seeds/fuzz_report/shaped"
seed fuzz_scenario "" examples/scenarios/*.yaml tests/fixtures/scenarios/*.yaml \
    tests/fixtures/scenarios/bad/*.yaml
seed fuzz_import_spec '\001' tests/fixtures/specs/germany_1995.yaml
seed fuzz_import_spec '\000' ../shared/data/eurostat_manual_examples/germany_1995_beutel_siot_6x6.csv
mkdir -p "$seeds/fuzz_netcdf"
head -c 200 /dev/urandom >"$seeds/fuzz_netcdf/random"
printf '\377\003\003\002\002\002\002\003\007\007\007\007\007\007\007\007\007\007\007\007\007\007\007\007' \
    >"$seeds/fuzz_netcdf/shaped"
# a valid 3-sector table with a sparse Z (Z_storage "csc", 4 entries)
printf '\077\003\003\003\001\001\001\001\000\001\004\001\003\007\007\007\007\007\007\007\007\007\007\000\007\007\007\007\007\007\007\007\003\000\001\006\000\001\006\000\001\006\002\002\002\000\001\000\000\000\031\031\031\031\031\031\025\025\025\024\050\050\050\002\003\005\006\002\002\004\003\031\031\031\031' \
    >"$seeds/fuzz_netcdf/sparse"

status=0
for target in "$build"/fuzz_*; do
    name=$(basename "$target")
    case $name in *.*) continue ;; esac
    mkdir -p "$build/corpus/$name"
    echo "fuzz: $name for $seconds s"
    if ! "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 \
        "$build/corpus/$name" "$seeds/$name" >"$logs/$name.log" 2>&1; then
        tail -40 "$logs/$name.log"
        echo "fuzz: $name FAILED; the input is in $build/crashes/ (add it to tests/fuzz/regressions/$name/)"
        status=1
    else
        grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$logs/$name.log" | tail -1
    fi
    if [ -d "tests/fuzz/regressions/$name" ]; then
        "$target" tests/fuzz/regressions/"$name"/* >"$logs/$name.regressions.log" 2>&1 ||
            { tail -20 "$logs/$name.regressions.log"; status=1; }
    fi
done
exit $status
