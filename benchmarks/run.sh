#!/usr/bin/env bash
# run.sh -- time `clio multipliers` against the NumPy inverse approach
# (pymrio's calc_L + calc_M) on synthetic dense tables and on the WIOD 2011
# world table, side by side in one run.  `make bench` runs it.
#
# Both programs read the same NetCDF file and print the same tidy CSV; each
# run is one whole process, timed by GNU time (wall seconds, peak RSS).  The
# two alternate, run after run, and the medians are reported.  Results go to
# stdout and to benchmarks/results-latest.md; see benchmarks/README.md.
#
# Environment (all optional):
#   BUILD=build                          build folder (as in the Makefile)
#   BENCH_SIZES="1000 2000 4000 8000"   synthetic table sizes
#   BENCH_WIOD=../shared/data/wiod_2013_release   WIOD folder ("" to skip)
#   BENCH_DATA=build/bench-data          where the tables are kept
#   BENCH_RUNS_SMALL=5 BENCH_RUNS_LARGE=2 BENCH_RUNS_WIOD=9   runs per table
#   OPENBLAS_NUM_THREADS                 BLAS threads of both programs
#                                        (default: all CPUs, `nproc`)
set -euo pipefail

cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
GEN=$BUILD/bench/gen_table
PY=/usr/bin/python3 # Debian's, with python3-numpy on the system OpenBLAS
NP_SCRIPT=benchmarks/numpy_multipliers.py
SIZES=${BENCH_SIZES-1000 2000 4000 8000}
WIOD=${BENCH_WIOD-../shared/data/wiod_2013_release}
DATA=${BENCH_DATA:-build/bench-data}
RUNS_SMALL=${BENCH_RUNS_SMALL:-5}
RUNS_LARGE=${BENCH_RUNS_LARGE:-2}
RUNS_WIOD=${BENCH_RUNS_WIOD:-9}
RESULTS=benchmarks/results-latest.md
SEED=1

OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-$(nproc)}
export OPENBLAS_NUM_THREADS
unset OMP_NUM_THREADS GOTO_NUM_THREADS

log() { printf 'bench: %s\n' "$*" >&2; }

# ---- build and dependencies ----------------------------------------------
make --no-print-directory -s BUILD="$BUILD" all "$GEN"
scripts/install-deps.sh bench
if ! "$PY" -c 'import numpy, netCDF4' 2>/dev/null; then
    log "$PY needs numpy and netCDF4: apt-get install python3-numpy python3-netcdf4"
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    log "GNU time is missing: apt-get install time"
    exit 1
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/clio-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$DATA"
# Time a private copy (statically linked with libclio): a rebuild of
# $BUILD by someone else during the run cannot change what is measured.
cp "$BUILD/clio" "$TMP/clio"
CLIO=$TMP/clio

# ---- tables ---------------------------------------------------------------
# Synthetic tables are deterministic (gen_table N OUT SEED): kept in $DATA and
# made again only when the generator or the library is newer.
tables=() # entries "label|n|path|runs"
for n in $SIZES; do
    f=$DATA/syn-$n.nc
    if [ ! -s "$f" ] || [ "$GEN" -nt "$f" ] || [ "$BUILD/libclio.a" -nt "$f" ]; then
        log "generating synthetic n = $n"
        "$GEN" "$n" "$f" "$SEED"
    fi
    if [ "$n" -le 2000 ]; then runs=$RUNS_SMALL; else runs=$RUNS_LARGE; fi
    tables+=("synthetic|$n|$f|$runs")
done
if [ -n "$WIOD" ]; then
    f=$DATA/wiod2011.nc
    log "importing WIOD 2011 from $WIOD"
    "$CLIO" import "$WIOD" --Z Z_2011.csv --Y Y_2011.csv --x x_2011.csv -o "$f" -q
    n=$(ncdump -h "$f" | awk '$1 == "sector" && $2 == "=" { print $3; exit }')
    tables+=("WIOD 2011|$n|$f|$RUNS_WIOD")
fi

# ---- runs -----------------------------------------------------------------
# One record per run in $TMP/runs.tsv:
#   label n tool run wall_s maxrss_kb details
# details: clio's -v phase timings "read=.. check=.. factor=.. solve=.. write=..",
# or the NumPy script's JSON line.
runs_tsv=$TMP/runs.tsv
: >"$runs_tsv"

run_clio() { # label n path run
    /usr/bin/time -f '%e %M' -o "$TMP/time" \
        "$CLIO" multipliers "$3" --format csv -q -v >"$TMP/clio.csv" 2>"$TMP/clio.err" || {
        log "clio failed on $3:"
        cat "$TMP/clio.err" >&2
        exit 1
    }
    local wall rss phases
    read -r wall rss < <(tail -n 1 "$TMP/time")
    phases=$(awk '$1 == "clio" && $2 == "multipliers:" && $4 ~ /^[0-9.]+$/ && $5 == "s" \
                  { printf "%s%s=%s", sep, $3, $4; sep = " " }' "$TMP/clio.err")
    printf '%s\t%s\tclio\t%s\t%s\t%s\t%s\n' "$1" "$2" "$4" "$wall" "$rss" "$phases" >>"$runs_tsv"
}

run_numpy() { # label n path run
    /usr/bin/time -f '%e %M' -o "$TMP/time" \
        "$PY" "$NP_SCRIPT" "$3" >"$TMP/numpy.csv" 2>"$TMP/numpy.err" || {
        log "the NumPy script failed on $3:"
        cat "$TMP/numpy.err" >&2
        exit 1
    }
    local wall rss json
    read -r wall rss < <(tail -n 1 "$TMP/time")
    json=$(grep '^{' "$TMP/numpy.err" | tail -n 1)
    printf '%s\t%s\tnumpy\t%s\t%s\t%s\t%s\n' "$1" "$2" "$4" "$wall" "$rss" "$json" >>"$runs_tsv"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date +%s)
for entry in "${tables[@]}"; do
    IFS='|' read -r label n path runs <<<"$entry"
    log "$label (n = $n): $runs alternating runs of each"
    cat "$path" >/dev/null # into the page cache: no run reads from disk
    for ((r = 1; r <= runs; r++)); do
        if ((r % 2)); then
            run_clio "$label" "$n" "$path" "$r"
            run_numpy "$label" "$n" "$path" "$r"
        else
            run_numpy "$label" "$n" "$path" "$r"
            run_clio "$label" "$n" "$path" "$r"
        fi
    done
    # Both printed the multipliers of the last run: they must agree.
    diff=$("$PY" "$NP_SCRIPT" --compare "$TMP/clio.csv" "$TMP/numpy.csv")
    printf '%s\t%s\tcompare\t0\t0\t0\t%s\n' "$label" "$n" "$diff" >>"$runs_tsv"
done
elapsed=$(($(date +%s) - started))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report ---------------------------------------------------------------
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
openblas=$(dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null || echo unknown)
blas_alt=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)
numpy_ver=$("$PY" -c 'import numpy; print(numpy.__version__)')
pyver=$("$PY" -c 'import platform; print(platform.python_version())')

{
    echo "# clio benchmark: \`clio multipliers\` vs NumPy inverse (latest run)"
    echo
    echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); clio $("$CLIO" --version | cut -d' ' -f2)" \
         "(git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- . 2>/dev/null || echo '+changes'))"
    echo "- machine: $cpu, $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
    echo "- BLAS: OpenBLAS $openblas ($blas_alt), OPENBLAS_NUM_THREADS=$OPENBLAS_NUM_THREADS for both;" \
         "NumPy $numpy_ver on Python $pyver ($PY)"
    echo "- load average before / after: $load_before / $load_after; benchmark time ${elapsed} s"
    echo
    "$PY" - "$runs_tsv" <<'EOF'
import json, statistics, sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
tables, data = [], {}
for label, n, tool, run, wall, rss, details in rows:
    key = (label, int(n))
    if key not in data:
        tables.append(key)
        data[key] = {"clio": [], "numpy": [], "compare": None}
    if tool == "compare":
        data[key]["compare"] = details
        continue
    rec = {"wall": float(wall), "rss_mb": int(rss) / 1024.0}
    if tool == "clio":
        for kv in details.split():
            k, v = kv.split("=")
            rec[k] = float(v)
    else:
        rec.update(json.loads(details))
    data[key][tool].append(rec)

def med(recs, field):
    vals = [r[field] for r in recs if field in r]
    return statistics.median(vals) if vals else float("nan")

print("| table | n | runs | clio s | NumPy s | speed-up | clio factor+solve s | clio GFLOP/s "
      "| NumPy inv s | NumPy GFLOP/s | compute speed-up | clio peak MiB | NumPy peak MiB | memory ratio | max rel. diff |")
print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
phases = []
for key in tables:
    label, n = key
    c, p = data[key]["clio"], data[key]["numpy"]
    naccounts = int(med(p, "naccounts"))
    c_wall, p_wall = med(c, "wall"), med(p, "wall")
    c_comp = statistics.median([r.get("factor", 0) + r.get("solve", 0) for r in c])
    # LU 2/3 n^3, plus 2 n^2 per right-hand side: one per account and the
    # productivity check (dgecon's few solves are left out).
    c_flop = 2.0 / 3.0 * n**3 + 2.0 * n**2 * (naccounts + 1)
    p_inv = med(p, "inverse_s")
    p_flop = 2.0 * n**3  # the nominal count of an explicit inverse
    c_mem, p_mem = med(c, "rss_mb"), med(p, "rss_mb")
    print(f"| {label} | {n} | {len(c)} | {c_wall:.2f} | {p_wall:.2f} | {p_wall / c_wall:.1f}x "
          f"| {c_comp:.3f} | {c_flop / c_comp / 1e9:.1f} | {p_inv:.3f} | {p_flop / p_inv / 1e9:.1f} "
          f"| {p_inv / c_comp:.1f}x | {c_mem:.0f} | {p_mem:.0f} | {p_mem / c_mem:.1f}x | {data[key]['compare']} |")
    phases.append((key, c, p))

print()
print("Phase medians, seconds (clio -v; NumPy script's own timer):")
print()
print("| table | n | clio read | check | factor | solve | write "
      "| import numpy | load | A | inv(I - A) | C @ L | write |")
print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
for (label, n), c, p in phases:
    cells = [med(c, k) for k in ("read", "check", "factor", "solve", "write")]
    cells += [med(p, k) for k in ("import_s", "load_s", "coefficients_s", "inverse_s",
                                  "multipliers_s", "write_s")]
    print(f"| {label} | {n} | " + " | ".join(f"{v:.3f}" for v in cells) + " |")

for (label, n), c, p in phases:
    if label.startswith("WIOD"):
        speed = med(p, "wall") / med(c, "wall")
        mem = med(p, "rss_mb") / med(c, "rss_mb")
        ok = speed >= 3 and mem >= 2
        print()
        print(f"Target on {label} (n = {n}): >= 3x faster and < 1/2 the peak memory: "
              f"{speed:.1f}x faster, {mem:.1f}x less memory -> {'met' if ok else 'NOT met'}.")
EOF
} >"$TMP/results.md"

cp "$TMP/results.md" "$RESULTS"
cat "$RESULTS"
log "written to $RESULTS"
