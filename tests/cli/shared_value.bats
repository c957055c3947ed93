#!/usr/bin/env bats
# CLI tests of `clio cluster-effects` and `clio shared-value` on the embedded
# Germany 1995 table: published multipliers, identities, the example files,
# output formats, a numpy cross-check (tests/python/shared_value_check.py),
# usage errors and bad files (exit status and file:line).

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    EX=examples/shared_value
    T=$BATS_TEST_TMPDIR
    HH=(--type II --households-income compensation_of_employees
        --households-consumption household_consumption)
}

@test "cluster-effects: a one-sector cluster has the published multiplier; linkage columns sum to it" {
    run "$CLIO" cluster-effects "$DE" --groups "$EX/germany_clusters.csv" --format csv --linkages "$T/l.csv"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,direct,indirect,total,in_cluster,in_cluster_share,in_region,in_region_share,backward_index,forward_index,extraction_total,extraction_percent" ]
    # Eurostat Manual (2008) ch. 15: output multiplier of manufacturing 1.8413
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "industry" && $3 == "output" { printf "%.4f", $6 }')
    [ "$got" = "1.8413" ]
    # the linkage matrix's "total" row equals the output totals, cluster by cluster
    totals=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.12f ", $6 }')
    sums=$(awk -F, '$1 == "total" { for (i = 2; i <= NF; i++) printf "%.12f ", $i }' "$T/l.csv")
    [ "$totals" = "$sums" ]
    grep -q '^rest_of_economy,0,0,0,0,0$' "$T/l.csv"
    grep -q '^backward_index,' "$T/l.csv"
}

@test "cluster-effects --type II: induced effects; -o .txt and .nc" {
    run "$CLIO" cluster-effects "$DE" --groups "$EX/germany_clusters.csv" "${HH[@]}" \
        --mix final-demand -o "$T/ce.txt"
    [ "$status" -eq 0 ]
    grep -q 'induced' "$T/ce.txt"
    grep -q 'Type II' "$T/ce.txt"
    run "$CLIO" cluster-effects "$DE" --groups "$EX/germany_clusters.csv" -o "$T/ce.nc" -q
    [ "$status" -eq 0 ]
    ncdump -h "$T/ce.nc" | grep -q 'extraction_total'
}

@test "cluster-effects: usage errors and bad group files" {
    run "$CLIO" cluster-effects "$DE"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--groups G.csv is required"* ]]
    run "$CLIO" cluster-effects "$DE" --groups "$EX/germany_clusters.csv" --mix jobs
    [ "$status" -eq 64 ]
    printf 'sector,group\nmining,extractive\n' > "$T/bad.csv"
    run "$CLIO" cluster-effects "$DE" --groups "$T/bad.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"bad.csv:2"*"mining"* ]]
    run "$CLIO" cluster-effects "$DE" --groups "$T/none.csv"
    [ "$status" -eq 4 ]
    run "$CLIO" cluster-effects "$DE" --groups "$EX/germany_clusters.csv" --linkages "$T/no/dir/l.csv"
    [ "$status" -eq 12 ]
    [ ! -e "$T/no/dir/l.csv" ]
}

@test "shared-value: the README's scorecard on the default economy" {
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" \
        --weights "$EX/germany_weights.csv" --distribution "$EX/germany_distribution.csv"
    [ "$status" -eq 0 ]
    [[ "$output" == *"Shared-value scorecard: 4 options"* ]]
    [[ "$output" == *"income_lowest"* ]]
    [[ "$output" == *"jobs/cost"* ]]
    printf '%s\n' "${lines[@]}" | grep -q '^rank  *[1-4]'
    printf '%s\n' "${lines[@]}" | grep -q '^pareto_efficient'
}

@test "shared-value: CSV one row per option, per-cost = value / cost, NetCDF dims option x criterion" {
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" --format csv \
        --distribution "$EX/germany_distribution.csv" -o "$T/sv.nc"
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 5 ]
    [[ "${lines[0]}" == option,cost,output,* ]]
    # output/cost = output / cost for every option
    printf '%s\n' "${lines[@]}" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        { d = $c["output/cost"] - $c["output"] / $c["cost"]; if (d > 1e-12 || -d > 1e-12) exit 1 }'
    # manufacturing exports: EUR 1,000 M at the published multiplier 1.8413
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "manufacturing_exports" && sprintf("%.1f", $3) != "1841.3" { exit 1 }'
    ncdump -h "$T/sv.nc" | grep -q 'option = 4'
    ncdump -h "$T/sv.nc" | grep -q 'double value(option, criterion)'
}

@test "shared-value: numpy agrees on cluster effects, linkages, scorecard, scores and Pareto set" {
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || skip "numpy is not installed"
    G="$EX/germany_clusters.csv"
    "$CLIO" cluster-effects "$DE" --groups "$G" --format csv --linkages "$T/l.csv" > "$T/e.csv"
    printf 'criterion,weight,direction\njobs,2,\nvalue_added,1,\noutput,1,lower\n' > "$T/w.csv"
    "$CLIO" shared-value "$DE" --per-cluster "$G" --amount 1000 --weights "$T/w.csv" -o "$T/s.csv" -q
    run /usr/bin/python3 tests/python/shared_value_check.py "$DE" "$G" "$T/e.csv" "$T/l.csv" \
        "$T/s.csv" "$T/w.csv" 1000
    [ "$status" -eq 0 ]
    [[ "$output" == *"all match"* ]]
}

@test "shared-value: bad weights, costs and options name file:line; nothing half written" {
    printf 'criterion,weight\njobs,1\nhappiness,1\n' > "$T/w.csv"
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" --weights "$T/w.csv" -o "$T/out.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"w.csv:3: unknown criterion 'happiness'"* ]]
    [ ! -e "$T/out.csv" ]
    printf 'criterion,weight\njobs,-1\n' > "$T/w.csv"
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" --weights "$T/w.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"w.csv:2"*"negative"* ]]
    printf 'scenarios:\n  - name: a\n    cost: 0\n    demand:\n      - change: 1\n' > "$T/o.yaml"
    run "$CLIO" shared-value "$DE" --options "$T/o.yaml"
    [ "$status" -eq 8 ]
    [[ "$output" == *"o.yaml:3: scenario 'a': 'cost' must be > 0"* ]]
    printf 'scenarios:\n  - name: a\n    costs: 5\n' > "$T/o.yaml"
    run "$CLIO" shared-value "$DE" --options "$T/o.yaml"
    [ "$status" -eq 5 ]
    run "$CLIO" shared-value "$DE" --options "$T/missing.yaml"
    [ "$status" -eq 4 ]
    # a per-cost criterion needs a cost for every option
    printf 'scenarios:\n  - name: a\n    demand:\n      - change: 1\n  - name: b\n    cost: 2\n    demand:\n      - change: 1\n' > "$T/o.yaml"
    printf 'criterion,weight\njobs/cost,1\n' > "$T/w.csv"
    run "$CLIO" shared-value "$DE" --options "$T/o.yaml" --weights "$T/w.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"option 'a' (it has no cost)"* ]]
    printf 'group,component,share\npoor,compensation_of_employees,1.5\n' > "$T/d.csv"
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" --distribution "$T/d.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"d.csv:2"* ]]
}

@test "shared-value: usage errors exit 64" {
    run "$CLIO" shared-value "$DE"
    [ "$status" -eq 64 ]
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" --per-cluster "$EX/germany_clusters.csv"
    [ "$status" -eq 64 ]
    run "$CLIO" shared-value "$DE" --per-cluster "$EX/germany_clusters.csv" --amount -3
    [ "$status" -eq 64 ]
    run "$CLIO" shared-value "$DE" --per-cluster "$EX/germany_clusters.csv" --amount nan
    [ "$status" -eq 64 ]
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" --lowest poor
    [ "$status" -eq 64 ]
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml" --amount 5
    [ "$status" -eq 64 ]
}

# jobs of option `construction_programme` in the CSV scorecard of table $1
jobs_of() {
    "$CLIO" shared-value "$1" --options "$EX/germany_options.yaml" --format csv -q |
        awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
            $1 == "construction_programme" { print $c["jobs"] }'
}

@test "shared-value: jobs are counted once when an account is split by type or renamed by pymrio" {
    want=$(jobs_of "$DE")
    # only a total named persons_engaged (not a known total name), then split by a bridge
    mkdir -p "$T/de"
    cp "$DE"/Z.csv "$DE"/Y.csv "$DE"/V.csv "$DE"/x.csv "$T/de/"
    awk -F, 'NR == 1 || $1 == "employment"' "$DE/satellites.csv" |
        sed 's/^employment,/persons_engaged,/' >"$T/de/satellites.csv"
    printf 'account,type,share\npersons_engaged,women,0.45\npersons_engaged,men,0.55\n' >"$T/bridge.csv"
    "$CLIO" accounts "$T/de" --bridge "$T/bridge.csv" -o "$T/split.nc" -q
    got=$(jobs_of "$T/split.nc")
    awk -v a="$got" -v b="$want" 'BEGIN { d = a - b; exit !(d * d < 1e-20 * b * b) }'
    # a pymrio round trip prefixes the satellites with their extension folder
    "$CLIO" export "$DE" --format pymrio -o "$T/pm" -q
    got=$(jobs_of "$T/pm")
    awk -v a="$got" -v b="$want" 'BEGIN { d = a - b; exit !(d * d < 1e-20 * b * b) }'
}

@test "shared-value: air emissions are environmental, lower is better, as clio tbl says" {
    run "$CLIO" shared-value "$DE" --options "$EX/germany_options.yaml"
    [ "$status" -eq 0 ]
    for gas in co2 ch4 n2o so2 nox co nmvoc dust; do
        [[ "$output" == *"env:$gas (-)"* ]] || { echo "no env:$gas"; return 1; }
    done
    [[ "$output" != *"sat:"* ]]
}

@test "cluster-effects: when -o cannot be written, --linkages is not left either" {
    run "$CLIO" cluster-effects "$DE" --groups "$EX/germany_clusters.csv" --linkages "$T/L.csv" \
        -o "$T/missing/out.csv"
    [ "$status" -eq 12 ]
    [ ! -e "$T/L.csv" ]
}
