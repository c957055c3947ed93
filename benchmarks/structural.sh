#!/usr/bin/env bash
# structural.sh -- issue 3's performance targets on the WIOD 2011 world table
# (41 regions x 35 industries, n = 1435), measured end to end with the CLI:
#
#   - Type II multipliers (households closed region by region, 41 groups)
#     in less than 1.5x the time of Type I;
#   - hypothetical extraction of every sector (total, backward, forward,
#     internal; every account) in less than 5x the time of one
#     factorisation of I - A.
#
# WIOD's 2013 release ships no value-added rows, so the table gets one:
# value_added = x - 1'Z (the households' income of the closure); households
# consume each region's final-demand category c37.
#
# Runs alternate between the commands; medians of RUNS runs are reported
# (wall seconds of the whole process and clio's own -v phase timings).
# NumPy baselines (benchmarks/numpy_structural.py) compute the same results
# from explicit inverses, and fio's one-refactorisation-per-sector
# extraction is timed on 10 sectors.
# Results go to stdout and to benchmarks/results-structural.md.
#
# Environment: BUILD (build), BENCH_WIOD (../shared/data/wiod_2013_release),
# BENCH_DATA (build/bench-data), BENCH_RUNS (7), OPENBLAS_NUM_THREADS (nproc).
set -euo pipefail

cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
PY=/usr/bin/python3
WIOD=${BENCH_WIOD:-../shared/data/wiod_2013_release}
DATA=${BENCH_DATA:-build/bench-data}
RUNS=${BENCH_RUNS:-7}
RESULTS=benchmarks/results-structural.md
export OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$(nproc)}
unset OMP_NUM_THREADS GOTO_NUM_THREADS

log() { printf 'bench: %s\n' "$*" >&2; }

make --no-print-directory -s BUILD="$BUILD" all
scripts/install-deps.sh bench

TMP=$(mktemp -d "${TMPDIR:-/tmp}/clio-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cp "$BUILD/clio" "$TMP/clio" # a private copy: rebuilds cannot change what is timed
CLIO=$TMP/clio

# ---- the table: WIOD 2011 plus a value-added row ---------------------------
folder=$DATA/wiod2011-va
table=$DATA/wiod2011-va.nc
mkdir -p "$folder"
for m in Z Y x; do ln -sf "$(realpath "$WIOD/${m}_2011.csv")" "$folder/$m.csv"; done
"$PY" - "$folder" <<'PYEOF'
import csv, sys
import numpy as np
folder = sys.argv[1]
with open(f"{folder}/Z.csv") as f:
    rows = list(csv.reader(f))
keys = rows[0][1:]
Z = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
with open(f"{folder}/x.csv") as f:
    x = np.array([float(r[1]) for r in list(csv.reader(f))[1:]])
va = np.maximum(x - Z.sum(axis=0), 0.0)
with open(f"{folder}/V.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["component"] + keys)
    w.writerow(["value_added"] + [repr(v) for v in va])
PYEOF
log "importing $folder"
"$CLIO" import "$folder" -o "$table" -q
n=$(ncdump -h "$table" | awk '$1 == "sector" && $2 == "=" { print $3; exit }')

# ---- runs -----------------------------------------------------------------
declare -A CMDS=(
    [type1]="multipliers $table"
    [type2]="multipliers $table --type II --households-income value_added --households-consumption c37"
    [extract]="extract $table"
)
# The NumPy baselines (benchmarks/numpy_structural.py): the same results
# from explicit inverses.
NP="$PY benchmarks/numpy_structural.py"
declare -A NUMPY=(
    [np_type2]="type2 $table value_added c37"
    [np_extract]="extract $table"
)
ORDER=(type1 type2 extract np_type2 np_extract)
runs_tsv=$TMP/runs.tsv
: >"$runs_tsv"
run_one() { # name run
    local cmd
    if [[ $1 == np_* ]]; then cmd="$NP ${NUMPY[$1]}"; else cmd="$CLIO ${CMDS[$1]} --format csv -q -v"; fi
    # shellcheck disable=SC2086
    /usr/bin/time -f '%e %M' -o "$TMP/time" $cmd \
        >"$TMP/$1.csv" 2>"$TMP/$1.err" || { log "$1 failed:"; cat "$TMP/$1.err" >&2; exit 1; }
    local wall rss phases
    read -r wall rss < <(tail -n 1 "$TMP/time")
    phases=$(awk '$1 == "clio" && $4 ~ /^[0-9.]+$/ && $5 == "s" \
                  { printf "%s%s=%s", sep, $3, $4; sep = " " }' "$TMP/$1.err")
    printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$wall" "$rss" "$phases" >>"$runs_tsv"
}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
cat "$table" >/dev/null
for ((r = 1; r <= RUNS; r++)); do
    log "run $r of $RUNS"
    for name in "${ORDER[@]}"; do run_one "$name" "$r"; done
    ORDER=("${ORDER[@]:1}" "${ORDER[0]}") # rotate who goes first
done
# Both sides computed the same numbers (last run's outputs):
same_type2=$($NP --compare type2_effect "$TMP/type2.csv" "$TMP/np_type2.csv")
same_extract=$($NP --compare total "$TMP/extract.csv" "$TMP/np_extract.csv")
# fio's way, one refactorisation per sector, on a sample of 10 sectors
log "refactoring for 10 sectors (fio's way)"
refactor=$($NP refactor "$table" 10)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
{
    echo "# clio benchmark: structural analysis on WIOD 2011 (latest run)"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); clio $("$CLIO" --version | cut -d' ' -f2)" \
         "(git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- . 2>/dev/null || echo '+changes'))"
    echo "- machine: $cpu, $(nproc) CPUs; OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS"
    echo "- table: WIOD 2011, n = $n, value_added = x - 1'Z; $RUNS runs, medians;" \
         "load average before / after: $load_before / $load_after"
    echo
    "$PY" - "$runs_tsv" "$same_type2" "$same_extract" "$refactor" <<'PYEOF'
import json, statistics, sys
same_type2, same_extract, refactor = sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
recs = {}
for line in open(sys.argv[1]):
    name, run, wall, rss, phases = line.rstrip("\n").split("\t")
    rec = {"wall": float(wall), "rss": int(rss) / 1024}
    for kv in phases.split():
        k, v = kv.split("=")
        rec[k] = float(v)
    recs.setdefault(name, []).append(rec)
def med(name, key):
    vals = [r[key] for r in recs[name] if key in r]
    return statistics.median(vals) if vals else float("nan")
def compute(name):  # everything after reading and checking the table
    return statistics.median([sum(v for k, v in r.items()
                                  if k not in ("wall", "rss", "read", "check", "write"))
                              for r in recs[name]])
print("| command | wall s | read | factor | solve | write | compute s | peak MiB |")
print("|---|--:|--:|--:|--:|--:|--:|--:|")
for name in ("type1", "type2", "extract"):
    print(f"| clio {name} | {med(name, 'wall'):.3f} | {med(name, 'read'):.3f} | {med(name, 'factor'):.3f} "
          f"| {med(name, 'solve'):.3f} | {med(name, 'write'):.3f} | {compute(name):.3f} | {med(name, 'rss'):.0f} |")
for name in ("np_type2", "np_extract"):
    print(f"| NumPy {name[3:]} | {med(name, 'wall'):.3f} | | | | | | {med(name, 'rss'):.0f} |")
print()
print("Against NumPy with explicit inverses (whole processes, same numbers):")
print()
print("| result | clio s | NumPy s | speed-up | clio MiB | NumPy MiB | max rel. diff |")
print("|---|--:|--:|--:|--:|--:|--:|")
for name, same in (("type2", same_type2), ("extract", same_extract)):
    c, p = med(name, "wall"), med("np_" + name, "wall")
    print(f"| {name} | {c:.3f} | {p:.3f} | {p / c:.1f}x | {med(name, 'rss'):.0f} "
          f"| {med('np_' + name, 'rss'):.0f} | {same} |")
per = refactor["per_sector_s"]
print()
print(f"One refactorisation per sector (fio's way, NumPy solve, {refactor['sample']} sectors timed): "
      f"{per:.3f} s per sector, {refactor['all_sectors_s']:.0f} s for all {refactor['n']} "
      f"= {refactor['all_sectors_s'] / med('extract', 'wall'):.0f}x clio's whole run.")
r2 = med("type2", "wall") / med("type1", "wall")
c2 = compute("type2") / compute("type1")
factor = statistics.median([r["factor"] for n in recs for r in recs[n] if "factor" in r])
ex = med("extract", "solve")
print()
print(f"- Type II / Type I: {r2:.2f}x wall, {c2:.2f}x compute (factor + solves) "
      f"-> target < 1.5x {'met' if max(r2, c2) < 1.5 else 'NOT met'}")
print(f"- all-sector extraction after the factorisation: {ex:.3f} s = {ex / factor:.2f}x one "
      f"factorisation ({factor:.3f} s, median over all runs); with the factorisation "
      f"{(ex + factor) / factor:.2f}x -> target < 5x {'met' if (ex + factor) / factor < 5 else 'NOT met'}")
PYEOF
} >"$TMP/results.md"
cp "$TMP/results.md" "$RESULTS"
cat "$RESULTS"
log "written to $RESULTS"
