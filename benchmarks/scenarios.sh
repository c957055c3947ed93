#!/usr/bin/env bash
# scenarios.sh -- time batches of demand scenarios on the WIOD 2011 world
# table (1435 sectors) against one factorisation, side by side with the
# NumPy inverse approach, and the ARIO dynamic simulation (when
# bench_ario is built).  `make bench` runs it; results go to stdout and to
# benchmarks/results-scenarios.md (see benchmarks/README.md).
#
# Environment: BUILD (build), BENCH_WIOD (../shared/data/wiod_2013_release),
# BENCH_DATA (build/bench-data), BENCH_SCENARIOS ("1 100 1000"),
# OPENBLAS_NUM_THREADS (default: all CPUs).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
WIOD=${BENCH_WIOD:-../shared/data/wiod_2013_release}
DATA=${BENCH_DATA:-build/bench-data}
COUNTS=${BENCH_SCENARIOS:-1 100 1000}
PY=/usr/bin/python3
RESULTS=benchmarks/results-scenarios.md
OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$(nproc)}
export OPENBLAS_NUM_THREADS

make --no-print-directory -s BUILD="$BUILD" all "$BUILD/bench/bench_scenarios" "$BUILD/bench/bench_ario"
mkdir -p "$DATA"
TABLE=$DATA/wiod2011.nc
[ -f "$TABLE" ] || "$BUILD/clio" import "$WIOD" --Z Z_2011.csv --Y Y_2011.csv --x x_2011.csv \
    -o "$TABLE" -q
export BENCH_SCENARIO_FILE=$DATA/scenarios.yaml

{
    echo "# Scenario batches: WIOD 2011 (n = 1435), $(date -u +%Y-%m-%d)"
    echo
    echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'),"
    echo "OpenBLAS threads $OPENBLAS_NUM_THREADS.  Medians of 3 runs; seconds."
    echo
    echo "| scenarios | clio factor | clio read file | clio run (resolve + solve + deltas) | run / factor | NumPy inv | NumPy L @ DY | NumPy total | NumPy / clio (factor + run) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for count in $COUNTS; do
        read -r n s f rd run ratio < <("$BUILD/bench/bench_scenarios" "$TABLE" "$count" 3)
        read -r _ _ inv prod total < <("$PY" benchmarks/numpy_scenarios.py "$TABLE" "$BENCH_SCENARIO_FILE" 3)
        speedup=$(awk -v a="$total" -v f="$f" -v r="$run" 'BEGIN { printf "%.1f", a / (f + r) }')
        echo "| $s | $f | $rd | $run | $ratio | $inv | $prod | $total | ${speedup}x |"
    done
    if [ -x "$BUILD/bench/bench_ario" ]; then
        echo
        echo "## ARIO dynamic simulation"
        echo
        echo '```'
        "$BUILD/bench/bench_ario" "$WIOD" 3 2>&1 || true
        echo '```'
    fi
} | tee "$RESULTS"
