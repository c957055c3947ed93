#!/usr/bin/env bats
# CLI tests of `clio symmetric`: BEA 1997 total requirements against BEA's
# published Tables 7 and 8 (excerpt) and an independent NumPy
# implementation, the symmetric table checked and analysed by other
# commands, BEA 1992 and 2017 (summary and detail) processed, product
# technology's negative coefficients, usage errors and bad input.

setup() {
    CLIO=${CLIO:-build/clio}
    T=$BATS_TEST_TMPDIR
    FIX=tests/fixtures/sut
    B97=../shared/data/bea_benchmark_1997_summary
    B92=../shared/data/bea_benchmark_1992
    B17=../shared/data/bea_useeior_2017
    MAKE97=$B97/make_after_redef_1997.csv
    USE97=$B97/use_after_redef_1997_producer_prices.csv
}

need() { [ -e "$1" ] || skip "no $1"; }

# max |clio - published| over an excerpt file "row,col,table,value" (quotes ok)
published_gap() {
    awk -F, 'NR == FNR { if (FNR == 1) for (j = 2; j <= NF; j++) col[j] = $j;
                         else for (j = 2; j <= NF; j++) m[$1 "," col[j]] = $j; next }
             { gsub(/[" ]/, ""); k = $1 "," $2; if (!(k in m)) { print "missing " k; exit 1 }
               d = m[k] - $4; if (d < 0) d = -d; if (d > w) w = d; n++ }
             END { printf "%d %.3g\n", n, w }' "$1" "$2"
}

@test "BEA 1997: Tables 7 and 8 reproduced to the printed seventh decimal" {
    need "$MAKE97"
    run "$CLIO" symmetric "$MAKE97" "$USE97" --total-industry-commodity "$T/ic.csv" -q
    [ "$status" -eq 0 ]
    run "$CLIO" symmetric "$MAKE97" "$USE97" --by industry --total "$T/ii.csv" -q
    [ "$status" -eq 0 ]
    run published_gap "$T/ic.csv" "$FIX/bea1997_table7_excerpt.txt"
    [ "$status" -eq 0 ]
    read n worst <<< "$output"
    [ "$n" -eq 268 ]
    awk -v w="$worst" 'BEGIN { exit !(w <= 1e-7) }'
    run published_gap "$T/ii.csv" "$FIX/bea1997_table8_excerpt.txt"
    read n worst <<< "$output"
    [ "$n" -eq 262 ]
    awk -v w="$worst" 'BEGIN { exit !(w <= 1e-7) }'
}

@test "BEA 1997 and 1992: all three total requirements equal an independent NumPy derivation" {
    need "$MAKE97"
    "$CLIO" symmetric "$MAKE97" "$USE97" -q --total "$T/cc.csv" --total-industry-commodity "$T/ic.csv"
    "$CLIO" symmetric "$MAKE97" "$USE97" -q --by industry --total "$T/ii.csv"
    run /usr/bin/python3 tests/python/bea_check.py "$MAKE97" "$USE97" S004 V "$T"
    [ "$status" -eq 0 ]
    [[ "$output" == *"g = W (I-BW)^-1 e holds"* ]]
    L92=(--layout "$FIX/bea1992_layout.yaml")
    "$CLIO" symmetric "$B92/make_1992.csv" "$B92/use_1992_producer_prices.csv" "${L92[@]}" -q \
        --total "$T/cc.csv" --total-industry-commodity "$T/ic.csv"
    "$CLIO" symmetric "$B92/make_1992.csv" "$B92/use_1992_producer_prices.csv" "${L92[@]}" -q \
        --by industry --total "$T/ii.csv"
    run /usr/bin/python3 tests/python/bea_check.py "$B92/make_1992.csv" \
        "$B92/use_1992_producer_prices.csv" 81 88,89,90 "$T"
    [ "$status" -eq 0 ]
}

@test "BEA 1997: the symmetric table balances, and check, multipliers and linkages run on it" {
    need "$MAKE97"
    run "$CLIO" symmetric "$MAKE97" "$USE97" -o "$T/cc.nc" --total "$T/cc.csv" --unit "USD million"
    [ "$status" -eq 0 ]
    [[ "$output" == *"wrote $T/cc.nc: 131 sectors, 13 final-demand columns, 6 value-added rows"* ]]
    run "$CLIO" check "$T/cc.nc" --rtol 1e-6 --strict
    [ "$status" -eq 0 ]
    run "$CLIO" multipliers "$T/cc.nc" --format csv
    [ "$status" -eq 0 ]
    # output multiplier of commodity 3361 = column sum of (I - BW)^-1 over the
    # produced commodities (S003, S004, S006 are primary inputs in the table)
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "3361" && $3 == "output" { print $5 }')
    want=$(awk -F, 'NR == 1 { for (j = 2; j <= NF; j++) if ($j == "3361") c = j; next }
                    $1 != "S003" && $1 != "S004" && $1 != "S006" { s += $c } END { printf "%.17g", s }' "$T/cc.csv")
    awk -v a="$got" -v b="$want" 'BEGIN { d = a - b; exit !(a > 1 && d < 1e-9 && -d < 1e-9) }'
    run "$CLIO" symmetric "$MAKE97" "$USE97" --by industry -o "$T/ii"
    [ "$status" -eq 0 ]
    run "$CLIO" linkages "$T/ii" --format csv
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 132 ]
}

@test "BEA 1992: processed with the layout file; summary tables are not BEA's (detail-level adjustments)" {
    need "$B92/make_1992.csv"
    run "$CLIO" symmetric "$B92/make_1992.csv" "$B92/use_1992_producer_prices.csv" \
        --layout "$FIX/bea1992_layout.yaml" --total "$T/cc.csv" -q
    [ "$status" -eq 0 ]
    run published_gap "$T/cc.csv" "$FIX/bea1992_table4_excerpt.txt"
    read n worst <<< "$output"
    [ "$n" -eq 194 ]
    # close (same order of magnitude everywhere, diagonal within 0.1 %) but not to printed precision
    awk -v w="$worst" 'BEGIN { exit !(w > 1e-3 && w < 0.02) }'
    awk -F, 'NR == 1 { for (j = 2; j <= NF; j++) c[$j] = j; next }
             $1 == "01" { d = $(c["01"]) - 1.2072173; exit !(d < 1e-3 && -d < 1e-3) }' "$T/cc.csv"
    # the table has a negative output (85, inventory valuation adjustment): refused, nothing written
    run "$CLIO" symmetric "$B92/make_1992.csv" "$B92/use_1992_producer_prices.csv" \
        --layout "$FIX/bea1992_layout.yaml" -o "$T/t92.nc" --total "$T/never.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"x[85, output] = -7982 is negative"* ]]
    [ ! -e "$T/t92.nc" ] && [ ! -e "$T/never.csv" ]
}

@test "BEA 2017 summary and detail: totals recognised and dropped, requirements written" {
    need "$B17/Summary_Make_2017_AfterRedef_17sch.csv"
    run "$CLIO" symmetric "$B17/Summary_Make_2017_AfterRedef_17sch.csv" \
        "$B17/Summary_Use_2017_PRO_AfterRedef_17sch.csv" --total "$T/s.csv" -v
    [ "$status" -eq 0 ]
    [[ "$output" == *"71 industries, 73 commodities (72 produced), 20 final-demand columns, 3 value-added rows; scrap: Used"* ]]
    [ "$(head -1 "$T/s.csv" | tr ',' '\n' | wc -l)" -eq 74 ]
    ! grep -q Total "$T/s.csv"
    run "$CLIO" symmetric "$B17/Detail_Make_2017_AfterRedef_17sch.csv" \
        "$B17/Detail_Use_2017_PRO_AfterRedef_17sch.csv" --by industry --total "$T/d.csv" -v
    [ "$status" -eq 0 ]
    [[ "$output" == *"402 industries, 402 commodities (399 produced)"*"scrap: S00401"* ]]
    # BEA's own totals that do not add up are named
    [[ "$output" == *"total column 'T001' at row '448000' is 24, but the columns it stands for sum to 20"* ]]
    [ "$(wc -l < "$T/d.csv")" -eq 403 ]
    # --strict turns those warnings into exit 9
    run "$CLIO" symmetric "$B17/Detail_Make_2017_AfterRedef_17sch.csv" \
        "$B17/Detail_Use_2017_PRO_AfterRedef_17sch.csv" --total "$T/d2.csv" --strict -q
    [ "$status" -eq 9 ]
    [ ! -e "$T/d2.csv" ]
}

@test "product technology: negative coefficients counted, listed, and an error with --no-negative" {
    need "$MAKE97"
    run "$CLIO" symmetric "$MAKE97" "$USE97" --assumption product --total "$T/p.csv" \
        --negatives "$T/neg.csv"
    [ "$status" -eq 0 ]
    [[ "$output" == *"2424 negative coefficients in all"* ]]
    [ "$(wc -l < "$T/neg.csv")" -eq 2425 ]
    [ "$(head -1 "$T/neg.csv")" = "row,column,coefficient" ]
    run "$CLIO" symmetric $FIX/negative_make.csv $FIX/negative_use.csv --assumption product \
        --direct "$T/a.csv" --no-negative
    [ "$status" -eq 8 ]
    [[ "$output" == *"commodity 'c1' per unit of 'c2' = -0.05"* ]]
    [[ "$output" == *"--no-negative: nothing written"* ]]
    [ ! -e "$T/a.csv" ]
    run "$CLIO" symmetric $FIX/negative_make.csv $FIX/negative_use.csv --assumption product \
        --direct "$T/a.csv"
    [ "$status" -eq 0 ]
    awk -F, 'NR == 2 { d = $3 + 0.05; exit !($1 == "c1" && $2 == 0.3 && d < 1e-15 && -d < 1e-15) }' "$T/a.csv"
}

@test "hand example: total requirements and the symmetric table in exact numbers" {
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --total "$T/L.csv" -o "$T/h"
    [ "$status" -eq 0 ]
    awk -F, 'NR == 2 { d = $2 - 14.9 / 11.6; e = $3 - 3.2 / 11.6; exit !(d < 1e-14 && -d < 1e-14 && e < 1e-14 && -e < 1e-14) }' "$T/L.csv"
    grep -q '^scrap_byproduct,0,-20$' "$T/h/V.csv"
}

@test "usage errors and bad input: exit status and message" {
    run "$CLIO" symmetric $FIX/hand_make.csv
    [ "$status" -eq 64 ]
    [[ "$output" == *"expected MAKE.csv and USE.csv"* ]]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv
    [ "$status" -eq 64 ]
    [[ "$output" == *"nothing to write"* ]]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --assumption commodity --total x
    [ "$status" -eq 64 ]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --by region --total x
    [ "$status" -eq 64 ]
    run "$CLIO" symmetric /nonexistent/make.csv $FIX/hand_use.csv --total "$T/x.csv"
    [ "$status" -eq 4 ]
    [[ "$output" == *"/nonexistent/make.csv"* ]]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --scrap S999 --total "$T/x.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"no scrap commodity 'S999'"* ]]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --layout /nonexistent.yaml --total "$T/x.csv"
    [ "$status" -eq 4 ]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --final-demand F999 --total "$T/x.csv"
    [ "$status" -eq 6 ]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --assumption product --scrap "" --total "$T/x.csv"
    [ "$status" -eq 7 ]
    [[ "$output" == *"square"* ]]
    run "$CLIO" symmetric $FIX/hand_make.csv $FIX/hand_use.csv --total /nonexistent/dir/x.csv
    [ "$status" -eq 12 ]
    [ ! -e "$T/x.csv" ]
    run "$CLIO" symmetric --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"--assumption"* ]]
}

@test "BEA 1997 before redefinitions: processed into a balanced table that differs from after" {
    need "$B97/make_before_redef_1997.csv"
    run "$CLIO" symmetric "$B97/make_before_redef_1997.csv" \
        "$B97/use_before_redef_1997_producer_prices.csv" -o "$T/before.nc" --total "$T/before.csv" -q
    [ "$status" -eq 0 ]
    run "$CLIO" check "$T/before.nc" --strict
    [ "$status" -eq 0 ]
    "$CLIO" symmetric "$MAKE97" "$USE97" --total "$T/after.csv" -q
    # the same commodities, other numbers: redefinitions move inputs between industries
    [ "$(head -n 1 "$T/before.csv")" = "$(head -n 1 "$T/after.csv")" ]
    ! cmp -s "$T/before.csv" "$T/after.csv"
}
