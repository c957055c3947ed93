#!/usr/bin/env bash
# balance.sh -- RAS and GRAS on the WIOD 2011 world table (n = 1435),
# clio against the NumPy way (benchmarks/numpy_balance.py), in one run.
#
# The problem: the true matrix is WIOD 2011's Z (for GRAS with 1 % of its
# nonzero cells made negative, as changes in inventories or subsidies are
# in real tables); the start is the truth times lognormal noise
# exp(0.3 N(0,1)) (seed 1); the targets are the truth's row and column sums.
# Both stop when every row and column is within 1e-10 * max(1, |target|).
# Medians of REPEATS runs of the balancing alone (files read beforehand).
# Results go to stdout and to benchmarks/results-balance.md.
#
# Environment: BUILD (build), BENCH_WIOD (../shared/data/wiod_2013_release),
# BENCH_DATA (build/bench-data), BENCH_REPEATS (5).
set -euo pipefail

cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
PY=/usr/bin/python3
WIOD=${BENCH_WIOD:-../shared/data/wiod_2013_release}
DATA=${BENCH_DATA:-build/bench-data}/balance
REPEATS=${BENCH_REPEATS:-5}
RESULTS=benchmarks/results-balance.md
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$(nproc)}

make --no-print-directory -s BUILD="$BUILD" all "$BUILD/bench/bench_balance"
scripts/install-deps.sh bench
mkdir -p "$DATA"

"$PY" - "$WIOD/Z_2011.csv" "$DATA" <<'PYEOF'
import csv, sys
import numpy as np
src, out = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(src)))
cols, keys = rows[0][1:], [r[0] for r in rows[1:]]
Z = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
rng = np.random.default_rng(1)
def write(name, truth):
    X0 = truth * np.exp(0.3 * rng.standard_normal(truth.shape))
    with open(f"{out}/{name}_start.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["label"] + cols)
        for k, r in zip(keys, X0):
            w.writerow([k] + [repr(float(v)) for v in r])
    for axis, side in ((1, "rows"), (0, "cols")):
        with open(f"{out}/{name}_{side}.csv", "w") as f:
            f.write("label,target\n")
            for k, t in zip(keys if axis == 1 else cols, truth.sum(axis=axis)):
                f.write(f"{k},{float(t)!r}\n")
write("ras", Z)
neg = Z.copy()
nz = np.flatnonzero(neg)
flip = rng.choice(nz, size=len(nz) // 100, replace=False)
neg.flat[flip] *= -1
write("gras", neg)
PYEOF

cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
{
    echo "# clio benchmark: RAS and GRAS on WIOD 2011 (latest run)"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); git $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "- machine: $cpu, $(nproc) CPUs"
    echo "- problem: 1435 x 1435 WIOD 2011 Z (GRAS: 1 % of nonzero cells negative), start = truth x"
    echo "  exp(0.3 N(0,1)), targets = the truth's margins, tolerance 1e-10; median of $REPEATS runs"
    echo
    echo "| method | tool | iterations | final residual | seconds | clio faster by |"
    echo "| --- | --- | ---: | ---: | ---: | ---: |"
    for m in ras gras; do
        read -r _ _ _ ci cr cs < <("$BUILD/bench/bench_balance" $m "$DATA/${m}_start.csv" "$DATA/${m}_rows.csv" "$DATA/${m}_cols.csv" "$REPEATS")
        read -r _ _ _ ni nr ns < <("$PY" benchmarks/numpy_balance.py $m "$DATA/${m}_start.csv" "$DATA/${m}_rows.csv" "$DATA/${m}_cols.csv" "$REPEATS")
        ratio=$(awk -v a="$ns" -v b="$cs" 'BEGIN { printf "%.1fx", a / b }')
        echo "| ${m^^} | clio | $ci | $cr | $cs | $ratio |"
        echo "| ${m^^} | NumPy | $ni | $nr | $ns | |"
    done
} | tee "$RESULTS"
