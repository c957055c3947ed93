#!/usr/bin/env bash
# clusters.sh -- issue 8's target "cluster detection on the 1435-sector WIOD
# table runs in seconds": Feser & Bergman clusters (similarity of 1435
# purchases and sales profiles by BLAS, dsyevr, varimax) and Leiden and
# Louvain community detection (igraph) on the WIOD 2011 world table, whole
# (clusters may span regions) and for one region (DEU, 35 sectors), medians
# of RUNS runs (benchmarks/bench_clusters.c).
# Results go to stdout; benchmarks/results-clusters.md records them.
#
# Environment: BUILD (build), BENCH_WIOD (../shared/data/wiod_2013_release),
# BENCH_DATA (build/bench-data), BENCH_RUNS (3), OPENBLAS_NUM_THREADS (nproc).
set -euo pipefail

cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
WIOD=${BENCH_WIOD:-../shared/data/wiod_2013_release}
DATA=${BENCH_DATA:-build/bench-data}
RUNS=${BENCH_RUNS:-3}
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$(nproc)}

make --no-print-directory -s BUILD="$BUILD" all "$BUILD/bench/bench_clusters"
mkdir -p "$DATA"
f=$DATA/wiod2011.nc
[ -s "$f" ] || "$BUILD/clio" import "$WIOD" --Z Z_2011.csv --Y Y_2011.csv --x x_2011.csv -o "$f" -q
echo "method scope sectors clusters members quality median_seconds"
"$BUILD/bench/bench_clusters" "$f" DEU "$RUNS"
