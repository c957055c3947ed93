#!/usr/bin/env bats
# CLI tests of `clio clusters`: Feser & Bergman clusters on the embedded
# Germany 1995 table (loadings cross-checked with numpy,
# tests/python/clusters_check.py) and on UK 2010 (127 products; the same
# clusters after reordering and renaming the sectors), user clusters with
# hand-checked statistics, the files written, and the error paths.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    T=$BATS_TEST_TMPDIR
    UK_CSV=../shared/data/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv
    USER_CLUSTERS=examples/clusters/germany_clusters.csv
}

numpy() {
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || skip "numpy is not installed"
}

@test "clusters: Germany 1995, one factor by Kaiser's rule; readable summary" {
    run "$CLIO" clusters "$DE" --region DE
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "1 cluster (feser-bergman); variance explained 0.794" ]
    [[ "$output" == *"C1 construction: 6 members, internal strength 1.000, output share 1.000"* ]]
    [[ "$output" == *"manufacturing                            primary     0.881"* ]]
}

@test "clusters: loadings and members equal numpy's leading eigenvector (1e-9)" {
    numpy
    run "$CLIO" clusters "$DE" --region DE -o "$T/members.csv" -q
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    run /usr/bin/python3 tests/python/clusters_check.py loadings "$DE" "$T/members.csv"
    echo "$output"
    [ "$status" -eq 0 ]
}

@test "clusters --factors 2 --format csv: members with roles; reproducible" {
    run "$CLIO" clusters "$DE" --region DE --factors 2 --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,cluster,role,strength" ]
    [ "$(printf '%s\n' "${lines[@]:1}" | cut -d, -f3 | sort -u | tr '\n' ';')" = "C1 manufacturing;C2 business_services;" ]
    [[ "${lines[1]}" == "DE,manufacturing,C1 manufacturing,primary,0.9"* ]]
    first=$output
    run "$CLIO" clusters "$DE" --region DE --factors 2 --format csv
    [ "$output" = "$first" ]
}

@test "clusters -o/--stats: members serve as groups for extract; stats as CSV, text, NetCDF" {
    run "$CLIO" clusters "$DE" --region DE --factors 2 -o "$T/m.csv" --stats "$T/s.csv" -q
    [ "$status" -eq 0 ]
    [ "$(head -n 1 "$T/s.csv")" = "region,sector,account,members,primary,regions,internal,internal_strength,output_share,value_added_share,employees_share,self_employed_share,employment_share,co2_share,ch4_share,n2o_share,so2_share,nox_share,co_share,nmvoc_share,dust_share,inputs_other_regions,sales_other_regions" ]
    [ "$(wc -l <"$T/s.csv")" -eq 3 ]
    # The members file is a group file (column 'cluster'): extraction of each cluster
    run "$CLIO" extract "$DE" --region DE --groups "$T/m.csv" --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"C1 manufacturing,output"* ]]
    run "$CLIO" clusters "$DE" --region DE -o "$T/m.nc" --stats "$T/s.txt" -q
    [ "$status" -eq 0 ]
    grep -q "internal_strength" "$T/s.txt"
    ncdump -h "$T/m.nc" | grep -q "cluster"
}

@test "clusters --clusters: user clusters, statistics checked by hand" {
    run "$CLIO" clusters "$DE" --region DE --clusters "$USER_CLUSTERS" --stats "$T/s.csv" -q
    [ "$status" -eq 0 ]
    # agri-food = agriculture + manufacturing: internal flows 1131 + 25480 + 7930 + 304584,
    # output share (43910 + 1079446) / 3110430
    run awk -F, '$2 == "agri-food" { printf "%d %d %d %.6f\n", $4, $6, $7, $9 }' "$T/s.csv"
    [ "$output" = "2 1 339125 0.361158" ]
    # internal strength = internal / (column sums + row sums of members - internal)
    run awk -F, 'NR > 1 && FILENAME ~ /Z.csv/ { for (j = 2; j <= NF; j++) { if ($1 == "agriculture" || $1 == "manufacturing") r += $j; if (j == 2 || j == 3) c += $j } }
                 FILENAME ~ /s.csv/ && $2 == "agri-food" { got = $8 }
                 END { want = 339125 / (r + c - 339125); d = got - want; if (d < 0) d = -d; exit !(d < 1e-12) }' "$DE/Z.csv" "$T/s.csv"
    [ "$status" -eq 0 ]
    run "$CLIO" clusters "$DE" --region DE --clusters "$USER_CLUSTERS"
    [ "${lines[0]}" = "3 clusters (user)" ]
}

@test "clusters: UK 2010 (127 products) -- clusters found, the same after reordering and renaming" {
    numpy
    [ -f "$UK_CSV" ] || skip "UK 2010 table not in ../shared/data"
    "$CLIO" import "$UK_CSV" --spec tests/fixtures/specs/uk_2010.yaml -o "$T/uk.nc" -q
    "$CLIO" export "$T/uk.nc" -o "$T/uk" -q
    run "$CLIO" clusters "$T/uk" --region UK -o "$T/a.csv" --stats "$T/s.csv" -q
    [ "$status" -eq 0 ]
    [ "$(wc -l <"$T/s.csv")" -gt 10 ]
    # every cluster has a member and an internal strength in [0, 1] (members may be
    # alike in what they buy and sell without trading with each other)
    awk -F, 'NR > 1 && !($4 >= 1 && $8 >= 0 && $8 <= 1) { exit 1 }' "$T/s.csv"
    /usr/bin/python3 tests/python/clusters_check.py permute "$T/uk" "$T/ukp"
    run "$CLIO" clusters "$T/ukp" --region UK -o "$T/b.csv" -q
    [ "$status" -eq 0 ]
    run /usr/bin/python3 tests/python/clusters_check.py same "$T/a.csv" "$T/b.csv"
    echo "$output"
    [ "$status" -eq 0 ]
}

@test "clusters: usage errors exit 64" {
    run "$CLIO" clusters
    [ "$status" -eq 64 ]
    run "$CLIO" clusters "$DE" --region DE --method kmeans
    [ "$status" -eq 64 ]
    [[ "$output" == *"--method needs feser-bergman, leiden or louvain, not 'kmeans'"* ]]
    run "$CLIO" clusters "$DE" --region DE --primary-loading 2
    [ "$status" -eq 64 ]
    run "$CLIO" clusters "$DE" --region DE --secondary-loading 0.7
    [ "$status" -eq 64 ]
    [[ "$output" == *"above --primary-loading"* ]]
    run "$CLIO" clusters "$DE" --region DE --factors -1
    [ "$status" -eq 64 ]
    run "$CLIO" clusters "$DE" --region DE --clusters "$USER_CLUSTERS" --method feser-bergman
    [ "$status" -eq 64 ]
}

@test "clusters: bad inputs -- region, file, labels, too many factors, no flows, unwritable output" {
    "$CLIO" import "$DE" --region DE -o "$T/de.nc" -q
    run "$CLIO" clusters "$T/de.nc" --region FR
    [ "$status" -eq 6 ]
    [[ "$output" == *"region 'FR' is not in the table"* ]]
    run "$CLIO" clusters "$T/missing.nc"
    [ "$status" -eq 4 ]
    printf 'sector,cluster\nagriculture,a\nfishing,a\n' >"$T/bad.csv"
    run "$CLIO" clusters "$T/de.nc" --clusters "$T/bad.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"bad.csv:3"* ]]
    printf 'sector,cluster,role\nagriculture,a,leader\n' >"$T/role.csv"
    run "$CLIO" clusters "$T/de.nc" --clusters "$T/role.csv"
    [ "$status" -eq 5 ]
    [[ "$output" == *"role.csv:2: role 'leader'"* ]]
    run "$CLIO" clusters "$T/de.nc" --factors 7
    [ "$status" -eq 2 ]
    [[ "$output" == *"fewer than the factors asked for"* ]]
    cp -r "$DE" "$T/zero"
    awk -F, 'BEGIN { OFS = "," } NR > 1 { for (j = 2; j <= NF; j++) $j = 0 } { print }' "$DE/Z.csv" >"$T/zero/Z.csv"
    run "$CLIO" clusters "$T/zero" --region DE -q
    [ "$status" -eq 8 ]
    [[ "$output" == *"nothing to cluster"* ]]
    run "$CLIO" clusters "$T/de.nc" -o "$T/no/such/dir/m.csv"
    [ "$status" -eq 12 ]
    [ ! -e "$T/no/such/dir/m.csv" ]
    run "$CLIO" clusters "$T/de.nc" --stats "$T/no/such/s.csv"
    [ "$status" -eq 12 ]
}

@test "clusters --method leiden|louvain: Germany and UK 2010, reproducible, the same after reordering and renaming" {
    numpy
    for method in leiden louvain; do
        run "$CLIO" clusters "$DE" --method "$method" --format csv -q
        [ "$status" -eq 0 ]
        [ "${lines[0]}" = "region,sector,cluster,role,strength" ]
        [ "${#lines[@]}" -gt 2 ]
        first=$output
        run "$CLIO" clusters "$DE" --method "$method" --format csv -q
        [ "$output" = "$first" ]
    done
    [ -f "$UK_CSV" ] || skip "UK 2010 table not in ../shared/data"
    "$CLIO" import "$UK_CSV" --spec tests/fixtures/specs/uk_2010.yaml -o "$T/uk.nc" -q
    "$CLIO" export "$T/uk.nc" -o "$T/uk" -q
    /usr/bin/python3 tests/python/clusters_check.py permute "$T/uk" "$T/ukp"
    for method in leiden louvain; do
        run "$CLIO" clusters "$T/uk" --method "$method" --stats "$T/$method.stats.csv" \
            -o "$T/$method.a.csv"
        [ "$status" -eq 0 ]
        [[ "$output" == *"modularity"* ]]
        [ "$(wc -l <"$T/$method.stats.csv")" -gt 3 ]
        run "$CLIO" clusters "$T/ukp" --method "$method" -o "$T/$method.b.csv" -q
        [ "$status" -eq 0 ]
        run /usr/bin/python3 tests/python/clusters_check.py same "$T/$method.a.csv" "$T/$method.b.csv"
        echo "$method: $output"
        [ "$status" -eq 0 ]
    done
}
