#!/usr/bin/env bats
# CLI tests of the household closure (multipliers/impact --type II), the
# Ghosh model (clio ghosh) and the price model (clio prices) on the
# embedded Germany 1995 table: published numbers, usage errors, bad files.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    T=$BATS_TEST_TMPDIR
    HH=(--type II --households-income compensation_of_employees
        --households-consumption household_consumption)
}

@test "multipliers --type II: Type I and Type II side by side, published Type I kept" {
    run "$CLIO" multipliers "$DE" --region DE "${HH[@]}" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,coefficient,direct,indirect,induced,type1_effect,type2_effect,type1_multiplier,type2_multiplier" ]
    # Eurostat Manual (2008) ch. 15: Type I output multipliers
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.4f ", $10 }')
    [ "$got" = "1.7048 1.8413 1.8136 1.6035 1.5951 1.3782 " ]
    # Type II above Type I, induced > 0, type2 = type1 + induced
    printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" && !($11 > $10 && $7 > 0) { exit 1 }
        $3 == "output" { d = $8 + $7 - $9; if (d > 1e-12 || -d > 1e-12) exit 1 }'
    # Published Type I employment effects (thousand persons per million EUR)
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "employment" { printf "%.4f ", $8 }')
    [ "$got" = "0.0326 0.0162 0.0207 0.0237 0.0112 0.0242 " ]
}

@test "multipliers: default and --type I print the unchanged Type I output" {
    run "$CLIO" multipliers "$DE" --region DE --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,coefficient,effect,multiplier" ]
    default=$output
    run "$CLIO" multipliers "$DE" --region DE --format csv --type I
    [ "$status" -eq 0 ]
    [ "$output" = "$default" ]
}

@test "impact --type II: direct + indirect + induced = total; total output = demand * Type II multiplier" {
    run "$CLIO" impact "$DE" --region DE --demand "$DE/construction_shock.csv" "${HH[@]}" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,direct,indirect,induced,total" ]
    printf '%s\n' "${lines[@]}" | awk -F, 'NR > 1 { d = $4 + $5 + $6 - $7; s = ($7 < 0 ? -$7 : $7); if (d > 1e-9 * s + 1e-12 || -d > 1e-9 * s + 1e-12) exit 1 }'
    total=$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "TOTAL" && $3 == "output" { print $7 }')
    run "$CLIO" multipliers "$DE" --region DE "${HH[@]}" --format csv
    m=$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "construction" && $3 == "output" { print $11 }')
    awk -v t="$total" -v m="$m" 'BEGIN { d = t - 1000 * m; exit !(m > 2 && d < 1e-9 * t && -d < 1e-9 * t) }'
}

@test "household options: usage errors exit 64" {
    run "$CLIO" multipliers "$DE" --type II
    [ "$status" -eq 64 ]
    [[ "$output" == *"--type II needs --households-income ROW and --households-consumption COL"* ]]
    run "$CLIO" multipliers "$DE" --type II --households-income compensation_of_employees
    [ "$status" -eq 64 ]
    run "$CLIO" multipliers "$DE" --type III
    [ "$status" -eq 64 ]
    [[ "$output" == *"--type must be 'I' or 'II', not 'III'"* ]]
    run "$CLIO" multipliers "$DE" --households-consumption household_consumption
    [ "$status" -eq 64 ]
    [[ "$output" == *"need --type II"* ]]
    run "$CLIO" impact "$DE" --demand "$DE/construction_shock.csv" --type II --households-income compensation_of_employees
    [ "$status" -eq 64 ]
    run "$CLIO" impact "$DE" "${HH[@]}"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing --demand"* ]]
    run "$CLIO" multipliers --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"--households-income ROW"* ]]
}

@test "household options: unknown income row or consumption column exit 6 naming it" {
    run "$CLIO" multipliers "$DE" --type II --households-income wages --households-consumption household_consumption
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown household income row 'wages'"* ]]
    [[ "$output" == *"'compensation_of_employees'"* ]]
    run "$CLIO" impact "$DE" --region DE --demand "$DE/construction_shock.csv" --type II --households-income compensation_of_employees --households-consumption private
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown household consumption column 'private'"* ]]
    [[ "$output" == *"'household_consumption'"* ]]
}

@test "ghosh: published Eurostat forward linkages, --inverse writes G, -o saves CSV and NetCDF" {
    run "$CLIO" ghosh "$DE" --region DE --format csv --inverse "$T/G.csv"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,allocation,effect,multiplier" ]
    # Eurostat Manual: 2.1126 (1.6691, a misprint: the table gives 1.6910) 1.3558 1.5848 2.1037 1.2106
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "output" { printf "%.4f ", $5 }')
    [ "$got" = "2.1126 1.6910 1.3558 1.5848 2.1037 1.2106 " ]
    alloc=$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "agriculture" && $3 == "output" { printf "%.4f", $4 }')
    [ "$alloc" = "0.6534" ]
    [ "$(head -1 "$T/G.csv")" = "sector,agriculture,manufacturing,construction,trade_transport,business_services,other_services" ]
    # the row sums of G are the forward linkages
    awk -F, 'NR == 2 { s = 0; for (i = 2; i <= NF; i++) s += $i; exit !(s > 2.11255 && s < 2.11265) }' "$T/G.csv"
    run "$CLIO" ghosh "$DE" --region DE -q -o "$T/g.csv"
    [ "$status" -eq 0 ]
    [ "$(head -1 "$T/g.csv")" = "region,sector,account,allocation,effect,multiplier" ]
    grep -q '^DE,business_services,output,' "$T/g.csv"
    run "$CLIO" ghosh "$DE" --region DE -q -o "$T/g.nc"
    [ "$status" -eq 0 ]
    [ -s "$T/g.nc" ]
}

@test "ghosh: usage errors exit 64" {
    run "$CLIO" ghosh
    [ "$status" -eq 64 ]
    run "$CLIO" ghosh "$DE" "$DE"
    [ "$status" -eq 64 ]
    run "$CLIO" ghosh "$DE" --bogus
    [ "$status" -eq 64 ]
    run "$CLIO" ghosh --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"usage: clio ghosh TABLE"* ]]
    [[ "$output" == *"allocation"* ]]
}

@test "prices: doubling every GVA cost gives the published GVA effects" {
    # price change = dv' L with dv = GVA per unit of output: the Type I GVA
    # effects of the Eurostat Manual (0.8450 0.7647 0.8615 0.9019 0.9393 0.9199)
    {
        echo "region,sector,change,component"
        for s in agriculture manufacturing construction trade_transport business_services other_services; do
            for c in compensation_of_employees other_net_taxes_on_production consumption_of_fixed_capital net_operating_surplus; do
                echo "DE,$s,1,$c"
            done
        done
    } >"$T/gva.csv"
    run "$CLIO" prices "$DE" --region DE --cost-change "$T/gva.csv" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,account,cost_change,indirect,price_change" ]
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$3 == "price" { printf "%.4f ", $6 }')
    [ "$got" = "0.8450 0.7647 0.8615 0.9019 0.9393 0.9199 " ]
}

@test "prices: an absolute cost change, -o CSV, text output" {
    printf 'sector,change\nconstruction,0.01\n' >"$T/c.csv"
    run "$CLIO" prices "$DE" --region DE --cost-change "$T/c.csv" -q -o "$T/p.csv"
    [ "$status" -eq 0 ]
    [ "$(head -1 "$T/p.csv")" = "region,sector,account,cost_change,indirect,price_change" ]
    grep -q '^DE,construction,price,0.01,' "$T/p.csv"
    run "$CLIO" prices "$DE" --region DE --cost-change "$T/c.csv"
    [ "$status" -eq 0 ]
    [[ "$output" == *"price_change"* ]]
}

@test "prices: usage errors exit 64, bad cost-change files exit 4, 5, 6, 8 naming file and line" {
    run "$CLIO" prices "$DE"
    [ "$status" -eq 64 ]
    [[ "$output" == *"missing --cost-change"* ]]
    run "$CLIO" prices "$DE" --cost-change
    [ "$status" -eq 64 ]
    run "$CLIO" prices "$DE" --cost-change "$T/none.csv"
    [ "$status" -eq 4 ]
    [[ "$output" == *"$T/none.csv"* ]]
    printf 'sector,change\nconstruction,0.01\nagriculture\n' >"$T/short.csv"
    run "$CLIO" prices "$DE" --cost-change "$T/short.csv"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/short.csv:3: 1 fields, but the header has 2"* ]]
    printf 'sector,change\nconstruction,much\n' >"$T/text.csv"
    run "$CLIO" prices "$DE" --cost-change "$T/text.csv"
    [ "$status" -eq 5 ]
    [[ "$output" == *"$T/text.csv:2: column 'change'"* ]]
    printf 'sector,change\nmining,0.01\n' >"$T/sector.csv"
    run "$CLIO" prices "$DE" --cost-change "$T/sector.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"$T/sector.csv:2: unknown sector 'mining'"* ]]
    printf 'sector,change,component\nconstruction,0.1,wages\n' >"$T/comp.csv"
    run "$CLIO" prices "$DE" --cost-change "$T/comp.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"$T/comp.csv:2: unknown value-added component 'wages'"* ]]
    printf 'sector,change\nconstruction,inf\n' >"$T/inf.csv"
    run "$CLIO" prices "$DE" --cost-change "$T/inf.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"$T/inf.csv:2"* ]]
}

@test "multipliers --type II: a closure that leaks nothing is singular (exit 10), not 1e16" {
    run "$CLIO" multipliers tests/fixtures/leather --type II --households-income value_added \
        --households-consumption final_demand
    [ "$status" -eq 10 ]
    [[ "$output" == *"the model closed for households is singular"* ]]
}
