#!/bin/bash
# solvers.sh -- `clio multipliers` on generated MRIOs with each solver
# method (lu, series, krylov, auto): wall time and peak memory from
# /usr/bin/time, the method line of -v, and the NumPy inverse approach
# (benchmarks/numpy_multipliers.py, pymrio's calc_L) side by side for the
# sizes up to NUMPY_MAX.  Tables are generated under build/bench-solvers.
#
#   benchmarks/solvers.sh [RxS ...]      default: 40x100 (n = 4000) 49x200 (n = 9800)
#   RUNS=3 NUMPY_MAX=4000 CLIO=build/clio
set -euo pipefail
CLIO=${CLIO:-build/clio}
RUNS=${RUNS:-3}
NUMPY_MAX=${NUMPY_MAX:-4000}
DIR=build/bench-solvers
mkdir -p "$DIR"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(40x100 49x200)

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| n | method | median time (s) | peak memory (MB) | method chosen / what the solves did | max rel. diff vs LU |"
echo "|---|---|---|---|---|---|"
for rs in "${sizes[@]}"; do
    R=${rs%x*} S=${rs#*x} n=$((${rs%x*} * ${rs#*x}))
    f=$DIR/g${R}x${S}.nc
    [ -f "$f" ] || "$CLIO" generate --regions "$R" --sectors "$S" --seed 1 --satellites 10 -o "$f" -q
    for m in lu series krylov auto; do
        : >"$DIR/times"
        for _ in $(seq "$RUNS"); do
            /usr/bin/time -f "%e %M" -o "$DIR/time" "$CLIO" multipliers "$f" --method $m -v \
                --format csv >"$DIR/m_$m.csv" 2>"$DIR/log"
            cat "$DIR/time" >>"$DIR/times"
        done
        t=$(awk '{ print $1 }' "$DIR/times" | median)
        mem=$(awk '{ print $2 }' "$DIR/times" | sort -g | tail -1)
        how=$(grep 'method' "$DIR/log" | tail -1 | sed 's/^clio multipliers: method //; s/||A||_1/‖A‖₁/; s/||A||_inf/‖A‖∞/')
        diff=-
        [ $m = lu ] || diff=$(/usr/bin/python3 benchmarks/numpy_multipliers.py --compare \
            "$DIR/m_lu.csv" "$DIR/m_$m.csv" 2>&1 | tail -1)
        echo "| $n | $m | $t | $((mem / 1024)) | $how | $diff |"
    done
    if [ "$n" -le "$NUMPY_MAX" ]; then
        : >"$DIR/times"
        for _ in $(seq "$RUNS"); do
            /usr/bin/time -f "%e %M" -o "$DIR/time" /usr/bin/python3 benchmarks/numpy_multipliers.py \
                "$f" >"$DIR/np.csv" 2>/dev/null
            cat "$DIR/time" >>"$DIR/times"
        done
        t=$(awk '{ print $1 }' "$DIR/times" | median)
        mem=$(awk '{ print $2 }' "$DIR/times" | sort -g | tail -1)
        diff=$(/usr/bin/python3 benchmarks/numpy_multipliers.py --compare "$DIR/m_lu.csv" \
            "$DIR/np.csv" 2>&1 | tail -1)
        echo "| $n | NumPy inv(I - A) | $t | $((mem / 1024)) | numpy.linalg.inv, then C @ L | $diff |"
    fi
done
