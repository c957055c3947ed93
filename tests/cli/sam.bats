#!/usr/bin/env bats
# CLI tests of `clio sam`: the example household groups on the embedded
# Germany 1995 table, cross-checked with numpy (tests/python/sam_check.py);
# the one-group closure equal to `clio multipliers --type II`; the lowest-
# income group first; Miyazawa and Pyatt-Round files; every error path
# with its exit status and a message naming file and line.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    E=examples/households
    T=$BATS_TEST_TMPDIR
    SAM=(--distribution "$E/germany_distribution.csv" --consumption "$E/germany_consumption.csv")
}

numpy() {
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || skip "numpy is not installed"
}

@test "sam: income of each group per unit of demand, lowest-income group first" {
    run "$CLIO" sam "$DE" "${SAM[@]}" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,coefficient,open_effect,closed_effect,induced,closed_share" ]
    [[ "${lines[1]}" == R1,agriculture,income:q1_lowest,* ]]
    # 5 groups + households + output + 6 value-added rows + 11 satellites (3 of
    # employment, 8 air emissions), 6 sectors
    [ "${#lines[@]}" -eq $((1 + 6 * 24)) ]
    # closed > open > 0 for every income account; group shares add up to 1
    printf '%s\n' "${lines[@]:1}" | awk -F, '$3 ~ /^income:/ && !($6 > $5 && $5 > 0) { exit 1 }
        $3 ~ /^income:q/ { s[$2] += $8 } END { for (k in s) if (s[k] < 1 - 1e-12 || s[k] > 1 + 1e-12) exit 1 }'
    # the text output names the lowest-income group
    run "$CLIO" sam "$DE" "${SAM[@]}"
    [ "$status" -eq 0 ]
    [[ "$output" == *"lowest-income group, income:q1_lowest"* ]]
}

@test "sam: numpy cross-check of the multipliers, K and Pyatt-Round (with transfers)" {
    numpy
    "$CLIO" sam "$DE" "${SAM[@]}" --transfers "$E/germany_transfers.csv" --format csv \
        --miyazawa "$T/K.csv" --decomposition "$T/pr.csv" > "$T/m.csv"
    run /usr/bin/python3 tests/python/sam_check.py "$DE" "$E/germany_distribution.csv" \
        "$E/germany_consumption.csv" "$E/germany_transfers.csv" household_consumption \
        "$T/m.csv" "$T/K.csv" "$T/pr.csv"
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"0 mismatches"* ]]
    # the checker does catch a wrong number
    sed '2s/,[0-9.e-]*$/,0.5/' "$T/pr.csv" > "$T/bad.csv"
    run /usr/bin/python3 tests/python/sam_check.py "$DE" "$E/germany_distribution.csv" \
        "$E/germany_consumption.csv" "$E/germany_transfers.csv" household_consumption \
        "$T/m.csv" "$T/K.csv" "$T/bad.csv"
    [ "$status" -eq 1 ]
}

@test "sam: one group = multipliers --type II (closed output multipliers)" {
    printf 'group,component,share\nall,compensation_of_employees,1\n' > "$T/d.csv"
    { echo sector,group,share
      for s in agriculture manufacturing construction trade_transport business_services other_services; do
          echo "$s,all,1"; done; } > "$T/c.csv"
    run "$CLIO" sam "$DE" --distribution "$T/d.csv" --consumption "$T/c.csv" --format csv
    [ "$status" -eq 0 ]
    sam=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.12g ", $6 }')
    run "$CLIO" multipliers "$DE" --type II --households-income compensation_of_employees \
        --households-consumption household_consumption --format csv
    [ "$status" -eq 0 ]
    t2=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.12g ", $9 }')
    echo "sam: $sam"; echo "type II: $t2"
    [ -n "$sam" ]
    [ "$sam" = "$t2" ]
}

@test "sam: -o writes CSV and NetCDF; the decomposition adds up" {
    "$CLIO" sam "$DE" "${SAM[@]}" -q -o "$T/m.csv" --decomposition "$T/pr.nc" --miyazawa "$T/K.csv"
    [ -s "$T/m.csv" ] && [ -s "$T/pr.nc" ] && [ -s "$T/K.csv" ]
    [ "$(head -1 "$T/K.csv")" = "group,q1_lowest,q2,q3,q4,q5_highest" ]
    "$CLIO" sam "$DE" "${SAM[@]}" -q -o "$T/m.nc" --decomposition "$T/pr.csv"
    [ -s "$T/m.nc" ]
    awk -F, 'NR > 1 { d = $4 + $5 + $6 + $7 - $8; if (d > 1e-12 || -d > 1e-12) exit 1 }' "$T/pr.csv"
}

@test "sam: usage errors exit 64" {
    run "$CLIO" sam "$DE" --distribution "$E/germany_distribution.csv"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--distribution and --consumption are required"* ]]
    run "$CLIO" sam "${SAM[@]}"
    [ "$status" -eq 64 ]
    run "$CLIO" sam "$DE" "${SAM[@]}" --bogus
    [ "$status" -eq 64 ]
}

@test "sam: unknown group in the consumption file: exit 6 with file:line" {
    printf 'sector,group,share\nagriculture,q1_lowest,0.5\nmanufacturing,q9,0.5\n' > "$T/c.csv"
    run "$CLIO" sam "$DE" --distribution "$E/germany_distribution.csv" --consumption "$T/c.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"c.csv:3: unknown household group 'q9'"* ]]
}

@test "sam: shares over 1, NaN and a missing column: exit 8, 8, 5" {
    printf 'sector,group,share\nagriculture,q1_lowest,0.6\nagriculture,q2,0.6\n' > "$T/c.csv"
    run "$CLIO" sam "$DE" --distribution "$E/germany_distribution.csv" --consumption "$T/c.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"c.csv:3: the shares of sector 'agriculture' over the groups add up to 1.2"* ]]
    printf 'sector,group,share\nagriculture,q1_lowest,NaN\n' > "$T/c.csv"
    run "$CLIO" sam "$DE" --distribution "$E/germany_distribution.csv" --consumption "$T/c.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"c.csv:2: column 'share'"* ]]
    printf 'sector,share\nagriculture,0.5\n' > "$T/c.csv"
    run "$CLIO" sam "$DE" --distribution "$E/germany_distribution.csv" --consumption "$T/c.csv"
    [ "$status" -eq 5 ]
    [[ "$output" == *"c.csv:1: the header needs columns 'sector', 'group' and 'share'"* ]]
}

@test "sam: a group with zero income exits 8; unknown household column exits 6" {
    printf 'group,component,share\nrich,net_operating_surplus,1\npoor,compensation_of_employees,0\n' > "$T/d.csv"
    printf 'sector,group,share\nagriculture,poor,1\n' > "$T/c.csv"
    run "$CLIO" sam "$DE" --distribution "$T/d.csv" --consumption "$T/c.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"household group 'poor' earns no income"* ]]
    run "$CLIO" sam "$DE" "${SAM[@]}" --household-column households
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown household consumption column 'households'"* ]]
}

@test "sam: a non-productive closure exits 11 and writes no file" {
    # A group living on other net taxes on production (500 in all, negative
    # in two sectors) buying all household trade: the closure is not
    # productive (I - VH L C < 0 for a scalar).
    printf 'group,component,share\npoor,other_net_taxes_on_production,1\n' > "$T/d.csv"
    printf 'sector,group,share\ntrade_transport,poor,1\n' > "$T/c.csv"
    run "$CLIO" sam "$DE" --distribution "$T/d.csv" --consumption "$T/c.csv" \
        -o "$T/out.csv" --miyazawa "$T/K.csv" --decomposition "$T/pr.csv"
    [ "$status" -eq 11 ]
    [[ "$output" == *"not productive"*"'poor'"* ]]
    [ ! -e "$T/out.csv" ] && [ ! -e "$T/K.csv" ] && [ ! -e "$T/pr.csv" ]
}

@test "sam: bad transfers exit 6 and 8 with file:line" {
    printf 'from,to,share\nq5_highest,q5_highest,0.1\n' > "$T/t.csv"
    run "$CLIO" sam "$DE" "${SAM[@]}" --transfers "$T/t.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"t.csv:2: group 'q5_highest' transfers to itself"* ]]
    printf 'from,to,share\nq5_highest,q1_lowest,0.7\nq5_highest,q2,0.7\n' > "$T/t.csv"
    run "$CLIO" sam "$DE" "${SAM[@]}" --transfers "$T/t.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"t.csv:3: group 'q5_highest' gives away 1.4"* ]]
}

@test "sam: a multi-regional table is refused (exit 2)" {
    "$CLIO" interregional "$DE" --employment tests/fixtures/regional/germany_south_employment.csv \
        --national-account employment --region south -o "$T/two.nc" -q
    printf 'region,sector,group,share\nsouth,agriculture,q1_lowest,1\n' > "$T/c.csv"
    run "$CLIO" sam "$T/two.nc" --distribution "$E/germany_distribution.csv" --consumption "$T/c.csv"
    [ "$status" -eq 2 ]
    [[ "$output" == *"one-region tables only"* ]]
}

@test "sam: when -o cannot be written, the side files are not left either" {
    run "$CLIO" sam "$DE" "${SAM[@]}" --miyazawa "$T/K.csv" --decomposition "$T/PR.csv" \
        -o "$T/missing/out.csv"
    [ "$status" -eq 12 ]
    [ ! -e "$T/K.csv" ]
    [ ! -e "$T/PR.csv" ]
}
