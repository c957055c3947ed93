#!/usr/bin/env bash
# threads.sh -- `clio multipliers` (output + value added + 2 satellites) on
# a generated table (clio generate, n = R x S = 4000 by default) with 1 and
# with 2 BLAS threads (--threads), alternating, several runs each; prints a
# Markdown table (median and best wall time, peak RSS, factor/solve phases)
# to stdout.  benchmarks/results-threads.md holds a run with its machine.
#
# Environment (all optional):
#   BUILD=build                  build folder (as in the Makefile)
#   BENCH_DATA=build/bench-data  where the table is kept
#   BENCH_REGIONS=40 BENCH_SECTORS=100   the generated table's shape
#   BENCH_THREADS="1 2"          thread counts compared
#   BENCH_RUNS=5                 runs per thread count
set -euo pipefail

cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
DATA=${BENCH_DATA:-build/bench-data}
R=${BENCH_REGIONS:-40}
S=${BENCH_SECTORS:-100}
THREADS=${BENCH_THREADS:-1 2}
RUNS=${BENCH_RUNS:-5}

log() { printf 'threads: %s\n' "$*" >&2; }

make --no-print-directory -s BUILD="$BUILD" all
[ -x /usr/bin/time ] || { log "GNU time is missing: apt-get install time"; exit 1; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/clio-threads.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
CLIO=$TMP/clio
cp "$BUILD/clio" "$CLIO" # a private copy: a rebuild during the run changes nothing
mkdir -p "$DATA"

n=$((R * S))
table=$DATA/gen-$R-$S.nc
if [ ! -s "$table" ] || [ "$BUILD/libclio.a" -nt "$table" ]; then
    log "generating $R regions x $S sectors (n = $n)"
    "$CLIO" generate --regions "$R" --sectors "$S" --seed 1 -o "$table" -q
fi

# one run: wall seconds, peak RSS (KB), factor and solve seconds from -v
run_once() { # threads
    /usr/bin/time -f '%e %M' -o "$TMP/time" \
        "$CLIO" multipliers "$table" --threads "$1" --format csv -q -v >"$TMP/out.csv" 2>"$TMP/err"
    local wall rss factor solve
    read -r wall rss < <(tail -n 1 "$TMP/time")
    factor=$(awk '$3 == "factor" { print $4 }' "$TMP/err")
    solve=$(awk '$3 == "solve" { print $4 }' "$TMP/err")
    printf '%s %s %s %s %s\n' "$1" "$wall" "$rss" "$factor" "$solve" >>"$TMP/runs"
}

: >"$TMP/runs"
for ((k = 1; k <= RUNS; k++)); do
    for t in $THREADS; do
        run_once "$t"
    done
done

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "clio multipliers on a generated table, $R regions x $S sectors (n = $n), $RUNS runs each"
echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| threads | wall median (s) | wall best (s) | factor median (s) | solve median (s) | peak RSS (MB) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
for t in $THREADS; do
    awk -v t="$t" '$1 == t' "$TMP/runs" >"$TMP/sel"
    wall=$(awk '{ print $2 }' "$TMP/sel" | median)
    best=$(awk '{ print $2 }' "$TMP/sel" | sort -g | head -n 1)
    factor=$(awk '{ print $4 }' "$TMP/sel" | median)
    solve=$(awk '{ print $5 }' "$TMP/sel" | median)
    rss=$(awk '{ print $3 }' "$TMP/sel" | median)
    printf '| %s | %.2f | %.2f | %.2f | %.2f | %.0f |\n' "$t" "$wall" "$best" "$factor" "$solve" \
        "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
done
