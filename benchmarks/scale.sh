#!/usr/bin/env bash
# scale.sh -- the scale benchmark of issue 7: every task on every size, every
# solver method, side by side with the NumPy / SciPy approach in the same
# run, with peak memory, GFLOP/s against this machine's dgemm, and a plot.
#
#   benchmarks/scale.sh [CASE ...]
#
# A CASE is `wiod` (the real WIOD 2011 world table, n = 1435), `RxS` (a
# dense table from `clio generate --regions R --sectors S`, e.g. 189x26 =
# 4914 ~ Eora26, 49x200 = 9800 ~ EXIOBASE, 164x120 = 19680 ~ GLORIA) or
# `sparse:RxS` (`clio generate --sparse --fd-categories 1`, e.g.
# sparse:50x2000 = 100,000 rows with 20 non-zeros per column; scenarios
# and extraction need a dense Z and are left out).  Default: all five.
#
# Tasks, each one whole `clio` process (wall s by the clock, peak RSS by GNU time):
#   load         clio check (read + validate)
#   multipliers  clio multipliers (output, 2 value-added rows, 10
#                satellites), with --method lu, lu-mixed, series, krylov,
#                auto (sparse tables: lu, sparse-lu, series, krylov, auto)
#   scenarios    clio scenario run with 100 demand scenarios, each method
#   extraction   clio extract (every sector; needs the LU factor)
# and NumPy (benchmarks/numpy_scale.py: inv(I - A) once, then the products
# of each task; SciPy spsolve for sparse tables) in one process per case.
# clio writes its results to NetCDF uncompressed (--compression none; NumPy
# writes nothing), and records provenance (SHA-256 of the table) as always.
#
# Environment: BUILD (build), BENCH_DATA (build/bench-data), RUNS (runs per
# clio measurement below n = 15000, three times as many below n = 2000; 1
# above), NUMPY_MAX (largest dense n
# given to NumPy, default 20000), SPSOLVE_TIMEOUT (s, default 180; SciPy is
# also capped at 16 GiB of address space),
# OPENBLAS_NUM_THREADS (default: all CPUs).  Results: stdout,
# benchmarks/results-scale.md, build/bench-scale/results.jsonl and the plot
# benchmarks/scale.svg (benchmarks/plot_scale.py).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
DATA=${BENCH_DATA:-build/bench-data}
RUNS=${RUNS:-3}
NUMPY_MAX=${NUMPY_MAX:-20000}
SPSOLVE_TIMEOUT=${SPSOLVE_TIMEOUT:-180}
PY=/usr/bin/python3
WORK=$BUILD/bench-scale
RESULTS=benchmarks/results-scale.md
OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$(nproc)}
export OPENBLAS_NUM_THREADS
unset OMP_NUM_THREADS GOTO_NUM_THREADS

cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(wiod 189x26 49x200 164x120 sparse:50x2000)

log() { printf 'scale: %s\n' "$*" >&2; }
make --no-print-directory -s BUILD="$BUILD" all
mkdir -p "$DATA" "$WORK"
CLIO=$WORK/clio # a private copy: a rebuild during the run changes nothing
cp "$BUILD/clio" "$CLIO"
: >"$WORK/results.jsonl"

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# measure NAME RUNS CMD... -- run CMD RUNS times; sets T (median wall s), MEM
# (largest peak RSS, MB), LOG (stderr of the last run), RC (its status).
# Wall time from the clock in ns (GNU time's %e counts in 10 ms steps,
# 15% of a WIOD run), peak RSS from GNU time.
measure() {
    local name=$1 runs=$2 t0 t1
    shift 2
    : >"$WORK/times"
    RC=0
    for _ in $(seq "$runs"); do
        t0=$(date +%s.%N)
        /usr/bin/time -f "%M" -o "$WORK/time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.log" || RC=$?
        t1=$(date +%s.%N)
        echo "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') $(tail -1 "$WORK/time")" \
            >>"$WORK/times"
        [ "$RC" -eq 0 ] || break
    done
    T=$(awk '{ print $1 }' "$WORK/times" | median)
    MEM=$(($(awk '{ print $2 }' "$WORK/times" | sort -g | tail -1) / 1024))
    LOG=$WORK/$name.log
}

# phase SECONDS of `clio -v` (e.g. "factor") from LOG, or -
phase() {
    awk -v p="$1" '{ for (i = 1; i + 2 <= NF; i++) if ($i == p && $(i + 2) == "s") { s += $(i + 1); k = 1 } }
        END { if (k) print s; else print "-" }' "$LOG"
}

# the method line of -v, shortened
how() {
    grep -h ': method ' "$LOG" | tail -1 | sed -e 's/^clio [a-z-]*: method //' -e 's/n = [0-9]*, //' \
        -e 's/||A||_1 = [^,]*, //' -e 's/||A||_inf = [^,]*, //' -e 's/, no solve yet//' || true
}

# largest relative difference of the effects of two multiplier files
compare() {
    "$PY" - "$1" "$2" <<'EOF'
import sys, numpy as np, netCDF4
def effects(p):
    if p.endswith(".nc"):
        with netCDF4.Dataset(p) as d:
            d.set_auto_mask(False)
            return np.asarray(d["effect"][:], dtype=float)
    import csv
    rows = list(csv.DictReader(open(p)))
    return np.array([float(r["effect"]) for r in rows])
a, b = effects(sys.argv[1]), effects(sys.argv[2])
a, b = a.ravel(), b.ravel()
if a.shape != b.shape:
    print("shape"); sys.exit()
ok = ~(np.isnan(a) & np.isnan(b))
print("%.1e" % np.max(np.abs(a[ok] - b[ok]) / np.maximum(np.maximum(abs(a[ok]), abs(b[ok])), 1e-300)))
EOF
}

# dgemm GFLOP/s of this machine now (NumPy @ on the same OpenBLAS)
DGEMM=$("$PY" -c '
import numpy as np, time
n = 4000; a = np.random.rand(n, n); b = np.random.rand(n, n); a @ b
best = min((lambda t: (a @ b, time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(3))
print("%.1f" % (2 * n**3 / best / 1e9))')
log "dgemm: $DGEMM GFLOP/s ($OPENBLAS_NUM_THREADS threads)"

jsonl() { printf '%s\n' "$1" >>"$WORK/results.jsonl"; }

table_for() { # CASE -> path of its NetCDF table (made when missing)
    local c=$1 f
    case $c in
    wiod)
        f=$DATA/wiod2011.nc
        [ -f "$f" ] || "$CLIO" import ../shared/data/wiod_2013_release --Z Z_2011.csv \
            --Y Y_2011.csv --x x_2011.csv -o "$f" -q ;;
    sparse:*)
        local rs=${c#sparse:}
        f=$DATA/sparse-${rs}.nc
        [ -f "$f" ] || "$CLIO" generate --sparse --regions "${rs%x*}" --sectors "${rs#*x}" \
            --fd-categories 1 --seed 1 --satellites 10 -o "$f" -q ;;
    *)
        f=$DATA/gen-${c}.nc
        [ -f "$f" ] || "$CLIO" generate --regions "${c%x*}" --sectors "${c#*x}" --seed 1 \
            --satellites 10 --compression none -o "$f" -q ;;
    esac
    echo "$f"
}

# 100 demand scenarios, three random sectors each (seeded)
scenarios_for() {
    "$PY" - "$1" "$2" <<'EOF'
import sys, random, netCDF4
with netCDF4.Dataset(sys.argv[1]) as d:
    regions = [str(r) for r in d["region"][:]]
    sr = d["sector_region"][:]
    names = [str(s) for s in d["sector_name"][:]]
rng = random.Random(7)
with open(sys.argv[2], "w") as out:
    out.write("scenarios:\n")
    for s in range(100):
        out.write(f"  - name: s{s}\n    demand:\n")
        for _ in range(3):
            j = rng.randrange(len(names))
            out.write(f'      - {{region: "{regions[sr[j]]}", sector: "{names[j]}", '
                      f'change: {rng.uniform(10, 1000):.6f}}}\n')
EOF
}

{
echo "# Scale benchmark (issue 7), $(date -u '+%Y-%m-%d %H:%M') UTC"
echo
echo "clio $("$CLIO" --version | head -1 | awk '{print $2}') (git $(git rev-parse --short HEAD 2>/dev/null || echo ?)),"
echo "$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB,"
echo "OpenBLAS threads $OPENBLAS_NUM_THREADS, dgemm measured now: $DGEMM GFLOP/s; load $(cut -d' ' -f1-3 /proc/loadavg) at the start."
echo "Wall seconds of whole processes (median of $RUNS runs below n = 15000, $((3 * RUNS)) below n = 2000, one run above), peak RSS in MB."
echo
echo "| n | task | method | time s | peak MB | vs NumPy | solver (clio -v) | factor s | dgetrf GFLOP/s (% of dgemm) | max rel. diff |"
echo "|--:|---|---|--:|--:|--:|---|--:|--:|--:|"
} | tee "$RESULTS"

row() { echo "$1" | tee -a "$RESULTS"; }

for c in "${cases[@]}"; do
    f=$(table_for "$c")
    n=$("$PY" -c "import netCDF4,sys; print(len(netCDF4.Dataset(sys.argv[1]).dimensions['sector']))" "$f")
    runs=$RUNS
    [ "$n" -ge 2000 ] || runs=$((3 * RUNS)) # 0.1 s runs: process noise is 20%
    [ "$n" -lt 15000 ] || runs=1
    sparse=0
    case $c in sparse:*) sparse=1 ;; esac
    log "case $c: n = $n ($f, $(du -m "$f" | cut -f1) MB)"
    cat "$f" >/dev/null # into the page cache, for every program alike

    # NumPy first: its times are the denominators of the ratios.
    np_json='{}'
    if [ $sparse = 1 ]; then
        # SuperLU's fill on trade-linked tables can exceed the machine: cap
        # its address space (MemoryError) and its time
        np_rc=0
        (ulimit -v $((16 * 1024 * 1024)) && timeout "$SPSOLVE_TIMEOUT" "$PY" \
            benchmarks/numpy_scale.py --sparse "$f" >"$WORK/np.json" 2>"$WORK/np.log") || np_rc=$?
        [ "$np_rc" -ne 0 ] || np_json=$(tail -1 "$WORK/np.json")
    elif [ "$n" -le "$NUMPY_MAX" ]; then
        scen=$WORK/scen-$c.yaml
        scenarios_for "$f" "$scen"
        measure numpy 1 "$PY" benchmarks/numpy_scale.py "$f" "$scen" --multipliers "$WORK/np-mult.csv"
        [ "$RC" -ne 0 ] || np_json=$(tail -1 "$WORK/numpy.out" | sed "s/}\$/, \"wall_s\": $T, \"rss_mb\": $MEM}/")
    fi
    [ -f "$WORK/scen-$c.yaml" ] || scenarios_for "$f" "$WORK/scen-$c.yaml"
    npv() { echo "$np_json" | "$PY" -c "import json,sys; d=json.load(sys.stdin); print(d.get('$1','-'))"; }
    np_load=$(npv load_s) np_inv=$(npv inverse_s) np_mem=$(npv rss_mb)
    [ "$np_mem" != - ] || np_mem=$(npv peak_mb)
    # NumPy's time for a task: load + inverse + the task's products
    np_task() {
        echo "$np_json" | "$PY" -c "
import json,sys; d=json.load(sys.stdin); k='$1'
if k + '_s' not in d: print('-')
else: print('%.3f' % (d.get('load_s', 0) + d.get('inverse_s', 0) + d[k + '_s']))"
    }
    ratio() { [ "$2" = - ] && echo - || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", b / a }'; }
    jsonl "{\"case\": \"$c\", \"n\": $n, \"who\": \"numpy\", \"data\": $np_json}"
    if [ "$np_json" != '{}' ]; then
        for task in multipliers scenarios extraction; do
            t=$(np_task $task)
            [ "$t" = - ] || row "| $n | $task | NumPy$([ $sparse = 1 ] && echo ' (SciPy spsolve)' || echo ' inv(I − A)') | $t | $np_mem | 1 | load $np_load s, inverse $np_inv s | | | |"
        done
    else
        why="n > NUMPY_MAX"
        if [ $sparse = 1 ]; then
            why="SciPy spsolve stopped after ${SPSOLVE_TIMEOUT} s (the cap)"
            [ "$np_rc" -eq 124 ] || why="SciPy spsolve failed: $(grep -h -o -E '[A-Za-z]*Error' \
                "$WORK/np.log" | tail -1 || true) (exit $np_rc; capped at 16 GiB)"
        fi
        row "| $n | multipliers | NumPy / SciPy | did not finish: $why | | | | | | |"
    fi

    cat "$f" >/dev/null # again: NumPy's peak may have pushed it out of the cache
    measure load "$runs" "$CLIO" check "$f" -v -q
    row "| $n | load | clio check | $T | $MEM | $(ratio "$T" "$np_load") | read $(phase read) s, check $(phase check) s | | | |"
    jsonl "{\"case\": \"$c\", \"n\": $n, \"who\": \"clio\", \"task\": \"load\", \"time\": $T, \"mem\": $MEM}"

    methods="lu lu-mixed series krylov auto"
    [ $sparse = 0 ] || methods="lu sparse-lu series krylov auto"
    tasks="multipliers scenarios"
    [ $sparse = 0 ] || tasks=multipliers
    for task in $tasks; do
        for m in $methods; do
            if [ $task = multipliers ]; then
                measure "$task-$m" "$runs" "$CLIO" multipliers "$f" --method "$m" -v -q --compression none -o "$WORK/m-$m.nc"
            else
                measure "$task-$m" "$runs" "$CLIO" scenario run "$WORK/scen-$c.yaml" --table "$f" \
                    --method "$m" -v -q --compression none -o "$WORK/s-$m.nc"
            fi
            if [ "$RC" -ne 0 ]; then
                row "| $n | $task | $m | failed ($RC) | $MEM | | $(tail -1 "$LOG" | cut -c1-80) | | | |"
                continue
            fi
            fs=$(phase factor)
            # the rate of dgetrf / sgetrf alone (the "factorising" line of -v)
            ts=$(grep -h 'factorising I - A' "$LOG" | tail -1 | sed 's/.*: \([0-9.]*\) s$/\1/' || true)
            gf=-
            if [[ $(how) == "lu ("* ]] && [ -n "$ts" ]; then
                gf=$(awk -v n="$n" -v s="$ts" -v d="$DGEMM" 'BEGIN { g = 2 * n^3 / 3 / s / 1e9; printf "%.0f (%.0f%%)", g, 100 * g / d }')
            elif [[ $(how) == lu-mixed* ]] && [ -n "$ts" ]; then # single precision
                gf=$(awk -v n="$n" -v s="$ts" 'BEGIN { printf "%.0f single", 2 * n^3 / 3 / s / 1e9 }')
            fi
            diff=-
            if [ $task = multipliers ]; then
                if [ $m != lu ] && [ -f "$WORK/m-lu.nc" ]; then diff=$(compare "$WORK/m-lu.nc" "$WORK/m-$m.nc"); fi
                if [ $m = lu ] && [ -f "$WORK/np-mult.csv" ] && [ $sparse = 0 ]; then
                    diff="$(compare "$WORK/np-mult.csv" "$WORK/m-lu.nc") vs NumPy"
                fi
            fi
            row "| $n | $task | $m | $T | $MEM | $(ratio "$T" "$(np_task $task)") | $(how) | $fs | $gf | $diff |"
            jsonl "{\"case\": \"$c\", \"n\": $n, \"who\": \"clio\", \"task\": \"$task\", \"method\": \"$m\", \"time\": $T, \"mem\": $MEM}"
        done
        rm -f "$WORK"/m-*.nc.tmp*
    done
    rm -f "$WORK"/m-*.nc "$WORK/np-mult.csv"

    if [ $sparse = 0 ]; then
        measure extraction "$runs" "$CLIO" extract "$f" -v -q --compression none -o "$WORK/x.nc"
        if [ "$RC" -eq 0 ]; then
            row "| $n | extraction | auto (lu) | $T | $MEM | $(ratio "$T" "$(np_task extraction)") | $(how) | $(phase factor) | | |"
            jsonl "{\"case\": \"$c\", \"n\": $n, \"who\": \"clio\", \"task\": \"extraction\", \"method\": \"auto\", \"time\": $T, \"mem\": $MEM}"
        else
            row "| $n | extraction | auto | failed ($RC) | $MEM | | $(tail -1 "$LOG" | cut -c1-80) | | | |"
        fi
        rm -f "$WORK/x.nc"
    fi
done
echo | tee -a "$RESULTS"
echo "Load at the end: $(cut -d' ' -f1-3 /proc/loadavg)." | tee -a "$RESULTS"
"$PY" benchmarks/plot_scale.py "$WORK/results.jsonl" benchmarks/scale.svg || log "no plot (python3-matplotlib missing?)"
