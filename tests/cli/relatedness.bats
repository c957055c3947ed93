#!/usr/bin/env bats
# CLI tests of `clio relatedness`: the embedded Germany 1995 table (with a
# synthetic occupation file), a real WIOD 2016 national table (Germany 2014)
# with co-location from the WIOD Socio-Economic Accounts (5 countries), the
# validation table's identities, and the error paths with exit statuses.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    FIX=tests/fixtures/relatedness
    T=$BATS_TEST_TMPDIR
    NIOT=../shared/data/wiod_2016_niot_sea
}

# One year of the German NIOT and the SEA employment, reformatted into $T.
niot() {
    [ -f "$NIOT/niot_DEU_2000_2014.csv" ] || skip "wiod_2016_niot_sea not in ../shared/data"
    /usr/bin/python3 "$FIX/niot_prepare.py" "$NIOT/niot_DEU_2000_2014.csv" \
        "$NIOT/sea_5countries_2000_2014.csv" 2014 "$T"
    "$CLIO" import "$T/niot.csv" --spec "$FIX/niot_2014.yaml" -o "$T/deu.nc" -q
}

@test "relatedness: Germany 1995, IO only: 2 clusters by default, validation rows" {
    run "$CLIO" relatedness "$DE" --region DE
    [ "$status" -eq 0 ]
    [[ "${lines[0]}" == "2 clusters of related sectors"* ]]
    [[ "$output" == *"relatedness              io "* ]]
    [[ "$output" == *"relatedness              combined "* ]]
    [[ "$output" != *"colocation"* ]]
    run "$CLIO" relatedness "$DE" --region DE --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "definition,measure,clusters,sectors,within,between,ratio,vs_cluster,vs_sector" ]
    [ "${#lines[@]}" -eq 3 ]
}

@test "relatedness: --occupations adds the occupation measure; -o clusters read back by --score" {
    run "$CLIO" relatedness "$DE" --region DE --occupations "$FIX/germany_occupations.csv" \
        --clusters 3 -o "$T/own.csv" --format csv
    [ "$status" -eq 0 ]
    [ "$(head -1 "$T/own.csv")" = "region,sector,cluster,role,strength" ]
    [ "$(tail -n +2 "$T/own.csv" | wc -l)" -eq 6 ]
    [ "$(cut -d, -f3 "$T/own.csv" | tail -n +2 | sort -u | wc -l)" -eq 3 ]
    own=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 == "relatedness" { print $2","$3","$4","$5","$6","$7","$8","$9 }')
    [ "$(printf '%s\n' "$own" | wc -l)" -eq 3 ] # io, occupation, combined
    [[ "$own" == *"occupation,"* ]]
    # scoring the written clusters gives the clusters' own scores
    run "$CLIO" relatedness "$DE" --region DE --occupations "$FIX/germany_occupations.csv" \
        --clusters 3 --score "$T/own.csv" --format csv
    [ "$status" -eq 0 ]
    again=$(printf '%s\n' "${lines[@]}" | awk -F, -v f="$T/own.csv" '$1 == f { print $2","$3","$4","$5","$6","$7","$8","$9 }')
    [ "$again" = "$own" ]
}

@test "relatedness: --weights picks measures; the combination of one measure is its z-score" {
    run "$CLIO" relatedness "$DE" --region DE --occupations "$FIX/germany_occupations.csv" \
        --weights 0,0,1 --matrix "$T/R.csv" -q --format csv
    [ "$status" -eq 0 ]
    [ "$(head -1 "$T/R.csv" | tr ',' '\n' | wc -l)" -eq 7 ]
    [ "$(wc -l <"$T/R.csv")" -eq 7 ]
    # symmetric, zero diagonal, mean 0 over the pairs (standardised)
    awk -F, 'NR > 1 { for (j = 2; j <= NF; j++) r[NR - 1, j - 1] = $j; n = NR - 1 }
        END { s = 0; for (i = 1; i <= n; i++) { if (r[i, i] != 0) exit 1
                for (j = 1; j < i; j++) { d = r[i, j] - r[j, i]; if (d > 1e-12 || -d > 1e-12) exit 1; s += r[i, j] } }
              if (s > 1e-9 || -s > 1e-9) exit 1 }' "$T/R.csv"
}

@test "relatedness: --score accepts a 'group' or a 'cluster' column" {
    printf 'sector,group\nagriculture,food\nmanufacturing,industry\nconstruction,industry\ntrade_transport,services\nbusiness_services,services\nother_services,services\n' >"$T/g.csv"
    sed 's/^sector,group$/sector,cluster/' "$T/g.csv" >"$T/c.csv"
    run "$CLIO" relatedness "$DE" --region DE --score "$T/g.csv" --score "$T/c.csv" --format csv
    [ "$status" -eq 0 ]
    a=$(printf '%s\n' "${lines[@]}" | awk -F, -v f="$T/g.csv" '$1 == f' | cut -d, -f2-)
    b=$(printf '%s\n' "${lines[@]}" | awk -F, -v f="$T/c.csv" '$1 == f' | cut -d, -f2-)
    [ -n "$a" ]
    [ "$a" = "$b" ]
    # 2 clusters of 2+ members (food is alone), 6 sectors
    [[ "$a" == "io,2,6,"* ]]
}

@test "relatedness: real data, WIOD 2016 Germany 2014 with SEA co-location over 5 countries" {
    niot
    run "$CLIO" relatedness "$T/deu.nc" --employment "$T/employment.csv" -o "$T/k.csv" -q
    [ "$status" -eq 0 ]
    [ "$(tail -n +2 "$T/k.csv" | wc -l)" -eq 56 ]
    run "$CLIO" relatedness "$T/deu.nc" --employment "$T/employment.csv" --format csv
    [ "$status" -eq 0 ]
    # 7 clusters by default (56 / 8); food products cluster with crop and animal production
    [ "$(cut -d, -f3 "$T/k.csv" | tail -n +2 | sort -u | wc -l)" -eq 7 ]
    [ "$(awk -F, '$2 == "A01" { print $3 }' "$T/k.csv")" = "$(awk -F, '$2 == "C10-C12" { print $3 }' "$T/k.csv")" ]
    # clusters found on the combined measure are more related inside than between
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "relatedness" && $2 != "io" { if (!($5 > $6)) exit 1; n++ }
        $1 == "relatedness" && $2 == "io" { if (!($7 > 1)) exit 1; n++ } END { exit n != 3 }'
    # a user definition (industries grouped by their ISIC section letter) scored too
    tail -n +2 "$T/k.csv" | awk -F, 'BEGIN { print "sector,group" } { print $2 "," substr($2, 1, 1) }' >"$T/letters.csv"
    run "$CLIO" relatedness "$T/deu.nc" --employment "$T/employment.csv" --score "$T/letters.csv" --format csv
    [ "$status" -eq 0 ]
    [ "$(printf '%s\n' "${lines[@]}" | awk -F, -v f="$T/letters.csv" '$1 == f' | wc -l)" -eq 3 ]
}

@test "relatedness: bad employment files name file:line and exit with the status" {
    niot
    awk -F, 'NR == 3 { $2 = "NOPE" } 1' OFS=, "$T/employment.csv" >"$T/e1.csv"
    run "$CLIO" relatedness "$T/deu.nc" --employment "$T/e1.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"e1.csv:3: unknown sector 'NOPE'"* ]]
    awk -F, 'NR == 4 { $3 = "nan" } 1' OFS=, "$T/employment.csv" >"$T/e2.csv"
    run "$CLIO" relatedness "$T/deu.nc" --employment "$T/e2.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"e2.csv:4"*"not finite"* ]]
    run "$CLIO" relatedness "$T/deu.nc" --employment "$T/missing.csv"
    [ "$status" -eq 4 ]
}

@test "relatedness: usage errors exit 64, bad score files exit with their status" {
    run "$CLIO" relatedness "$DE" --region DE --weights 1,1,0
    [ "$status" -eq 64 ]
    [[ "$output" == *"--weights gives colocation weight 1 but there is no --employment"* ]]
    run "$CLIO" relatedness "$DE" --region DE --weights 1,x,0
    [ "$status" -eq 64 ]
    run "$CLIO" relatedness "$DE" --region DE --weights 1,-1,0
    [ "$status" -eq 64 ]
    run "$CLIO" relatedness "$DE" --region DE --clusters 0
    [ "$status" -eq 64 ]
    run "$CLIO" relatedness "$DE" --region DE --clusters 7
    [ "$status" -eq 64 ]
    [[ "$output" == *"--clusters 7: the table has 6 sectors"* ]]
    run "$CLIO" relatedness
    [ "$status" -eq 64 ]
    printf 'sector,cluster\nagriculture,a\nmining,a\n' >"$T/bad.csv"
    run "$CLIO" relatedness "$DE" --region DE --score "$T/bad.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"bad.csv:3"*"mining"* ]]
}

@test "relatedness: an output that cannot be written exits 12 and leaves nothing" {
    run "$CLIO" relatedness "$DE" --region DE -o "$T/no/such/dir/k.csv"
    [ "$status" -eq 12 ]
    [ ! -e "$T/no/such/dir/k.csv" ]
}
