#!/usr/bin/env bats
# CLI tests of `clio scenario run|check`: the example scenario files, an
# independent NumPy check of every static model and the dynamic IIM, zero
# deltas for scenarios without changes, agreement with `clio impact`,
# capacity caps, NetCDF with scenario and time dimensions, and errors.

setup() {
    CLIO=${CLIO:-build/clio}
    EX=examples/scenarios
    FX=tests/fixtures/scenario_run
    T=$BATS_TEST_TMPDIR
    HH=(--type II --households-income compensation_of_employees
        --households-consumption household_consumption)
}

uk_table() {
    "$CLIO" import ../shared/data/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv \
        --spec tests/fixtures/specs/uk_2010.yaml -o "$T/uk.nc" -q
}

@test "scenario run: the Germany examples agree with an independent NumPy computation" {
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -o "$T/g.csv" --series "$T/s.csv" -q
    [ "$status" -eq 0 ]
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -o "$T/g2.csv" -q "${HH[@]}"
    [ "$status" -eq 0 ]
    run /usr/bin/python3 tests/python/scenario_check.py data/germany_1995 "$T/g.csv" "$T/s.csv" "$T/g2.csv"
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | grep -c '^ok')" -ge 59 ]
}

@test "scenario run: scenarios without changes give zero deltas everywhere" {
    run "$CLIO" scenario run "$FX/nothing.yaml" --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "scenario,region,sector,account,baseline,scenario_value,delta" ]
    [ "$(printf '%s\n' "${lines[@]}" | tail -n +2 | cut -d, -f1 | sort -u | wc -l)" -eq 3 ]
    printf '%s\n' "${lines[@]}" | tail -n +2 | awk -F, '$7 != 0 { print; bad = 1 } END { exit bad }'
}

@test "scenario run: with LU a scenario's numbers do not depend on the other scenarios of the file" {
    # the baseline is solved apart from the block of demand scenarios under
    # LU, so a capped scenario alone and beside a demand scenario print the
    # same digits (iterative methods and lu-mixed agree to their tolerance)
    printf 'scenarios:\n  - name: capped\n    demand:\n      - {category: exports, change: 5%%}\n    capacity:\n      - {sector: manufacturing, limit: 90%%}\n' >"$T/alone.yaml"
    cp "$T/alone.yaml" "$T/both.yaml"
    printf '  - name: demand\n    demand:\n      - {sector: construction, change: 1%%}\n' >>"$T/both.yaml"
    "$CLIO" scenario run "$T/alone.yaml" --table data/germany_1995 --method lu --format csv -q >"$T/alone.csv"
    "$CLIO" scenario run "$T/both.yaml" --table data/germany_1995 --method lu --format csv -q >"$T/both.csv"
    [ "$(grep -c '^capped,' "$T/alone.csv")" -gt 10 ]
    diff <(grep '^capped,' "$T/alone.csv") <(grep '^capped,' "$T/both.csv")
    for m in lu-mixed krylov; do
        "$CLIO" scenario run "$T/both.yaml" --table data/germany_1995 --method $m --format csv -q >"$T/both-$m.csv"
        /usr/bin/python3 tests/python/same_csv.py "$T/both.csv" "$T/both-$m.csv"
    done
}

@test "scenario run: a demand scenario equals clio impact, Type I and Type II" {
    run "$CLIO" scenario run "$EX/germany_policies.yaml" --format csv -q
    [ "$status" -eq 0 ]
    scen=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 == "construction_investment" && $3 != "TOTAL" && $4 == "output" { printf "%.9g ", $7 }')
    run "$CLIO" impact data/germany_1995 --region DE --demand data/germany_1995/construction_shock.csv --format csv -q
    [ "$status" -eq 0 ]
    imp=$(printf '%s\n' "${lines[@]}" | awk -F, '$2 != "TOTAL" && $3 == "output" { printf "%.9g ", $6 }')
    [ -n "$imp" ]
    [ "$scen" = "$imp" ]
    run "$CLIO" scenario run "$EX/germany_policies.yaml" --format csv -q "${HH[@]}"
    [ "$status" -eq 0 ]
    scen2=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 == "construction_investment" && $3 != "TOTAL" && $4 == "output" { printf "%.9g ", $7 }')
    run "$CLIO" impact data/germany_1995 --region DE --demand data/germany_1995/construction_shock.csv --format csv -q "${HH[@]}"
    [ "$status" -eq 0 ]
    imp2=$(printf '%s\n' "${lines[@]}" | awk -F, '$2 != "TOTAL" && $3 == "output" { printf "%.9g ", $7 }')
    [ "$scen2" = "$imp2" ]
    [ "$scen2" != "$scen" ]
}

@test "scenario run: jobs by type and compensation move with output; text summary" {
    run "$CLIO" scenario run "$EX/germany_policies.yaml"
    [ "$status" -eq 0 ]
    [[ "$output" == *"scenario lockdown_quarter (leontief)"* ]]
    [[ "$output" == *"scenario manufacturing_disaster_ario (ario)"* ]]
    [[ "$output" == *"capacity caps binding in 1 sectors"* ]]
    run "$CLIO" scenario run "$EX/germany_policies.yaml" --format csv -q
    # the lockdown loses employees, self-employed and compensation in total
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "lockdown_quarter" && $3 == "TOTAL" &&
        ($4 == "employees" || $4 == "self_employed" || $4 == "compensation_of_employees") {
        n++; if ($7 >= 0) bad = 1 } END { exit bad || n != 3 }'
}

@test "scenario run: NetCDF with scenario and step dimensions opens in xarray" {
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -o "$T/g.nc" -q
    [ "$status" -eq 0 ]
    run /usr/bin/python3 -c "
import xarray as xr, numpy as np
d = xr.open_dataset('$T/g.nc')
assert d.sizes['scenario'] == 10 and d.sizes['sector'] == 6, d.sizes
assert d.delta.dims == ('scenario', 'sector', 'account')
assert d.production.dims == ('scenario', 'step', 'sector')
ario = list(d.scenario.values).index('manufacturing_disaster_ario')
assert str(d.time_unit.values[ario]) == 'day'
assert np.isnan(d.production.values[0]).all()          # a static scenario has no series
p = d.production.values[ario]
assert p.shape[0] == 366 and np.isfinite(p).all()
d2 = d.delta.sel(account='output').values
assert np.allclose(d.delta_total.sel(account='output').values, d2.sum(axis=1))
print('ok')"
    echo "$output"
    [ "$status" -eq 0 ]
}

@test "scenario run: ARIO recovers after a capacity loss; IIM path ends near zero" {
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -q --series "$T/s.csv" -o "$T/g.csv"
    [ "$status" -eq 0 ]
    # manufacturing production falls at once, then is back within 1 % by day 365
    awk -F, '$1 == "manufacturing_disaster_ario" && $5 == "manufacturing" && $6 == "production" {
        if ($2 == 0) p0 = $7; if ($2 == 1) p1 = $7; if ($2 == 365) p365 = $7 }
        END { if (!(p1 < 0.9 * p0 && p365 > 0.99 * p0)) { print p0, p1, p365; exit 1 } }' "$T/s.csv"
    awk -F, '$1 == "lockdown_inoperability" && $6 == "inoperability" && $2 == 365 && $7 > 1e-3 {
        exit 1 }' "$T/s.csv"
}

@test "scenario run: UK examples - lockdown, automotive supply break, green investment" {
    uk_table
    run "$CLIO" scenario run "$EX/uk_lockdown.yaml" --table "$T/uk.nc" --format csv -q
    [ "$status" -eq 0 ]
    # accommodation (55) and food services (56) lose output; total output falls
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "lockdown_3_months" && $4 == "output" &&
        ($3 == "55" || $3 == "56" || $3 == "TOTAL") { n++; if ($7 >= 0) bad = 1 }
        END { exit bad || n != 3 }'
    run "$CLIO" scenario run "$EX/uk_automotive.yaml" --table "$T/uk.nc" --format csv -q
    [ "$status" -eq 0 ]
    # caps are never violated: output <= 70 % of baseline in the cluster
    for s in 29 22 24-1-3 25OTHER 27 28; do
        printf '%s\n' "${lines[@]}" | awk -F, -v s="$s" '$1 == "automotive_supply_break" &&
            $3 == s && $4 == "output" { found = 1; if ($6 > 0.7 * $5 * (1 + 1e-12)) exit 1 }
            END { exit !found }'
    done
    run "$CLIO" scenario run "$EX/uk_green_investment.yaml" --table "$T/uk.nc" --format csv -q
    [ "$status" -eq 0 ]
    # 200 of final demand; output rises by more (a multiplier above 1)
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "green_investment" && $3 == "TOTAL" {
        if ($4 == "final_demand") fd = $7; if ($4 == "output") out = $7 }
        END { if (!(fd > 199.999 && fd < 200.001 && out > fd)) exit 1 }'
    printf '%s\n' "${lines[@]}" | awk -F, '$1 == "green_investment_cheaper_power" && $3 == "35-1" &&
        $4 == "price" { found = 1; if ($7 >= 0) exit 1 } END { exit !found }'
}

@test "scenario check: every scenario resolves" {
    run "$CLIO" scenario check "$EX/germany_policies.yaml"
    [ "$status" -eq 0 ]
    [[ "$output" == *"10 scenarios"* ]]
}

@test "scenario: errors name the file and line; usage errors are 64" {
    run "$CLIO" scenario run "$FX/unknown_sector.yaml" -o "$T/out.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"unknown_sector.yaml:5"* ]]
    [[ "$output" == *"constructoin"* ]]
    [ ! -e "$T/out.csv" ]
    run "$CLIO" scenario run "$T/missing.yaml"
    [ "$status" -eq 4 ]
    run "$CLIO" scenario frobnicate "$EX/germany_policies.yaml"
    [ "$status" -eq 64 ]
    run "$CLIO" scenario run
    [ "$status" -eq 64 ]
    printf 'scenarios:\n  - name: a\n' > "$T/notable.yaml"
    run "$CLIO" scenario run "$T/notable.yaml"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--table"* ]]
    run "$CLIO" scenario run "$EX/germany_policies.yaml" --type II
    [ "$status" -eq 64 ]
}

@test "scenario run: an unwritable output fails with 12 and leaves the old file" {
    echo "previous" > "$T/keep.csv"
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -o "$T/no/such/dir/out.csv"
    [ "$status" -eq 12 ] || [ "$status" -eq 4 ]
    run "$CLIO" scenario run "$FX/unknown_sector.yaml" -o "$T/keep.csv"
    [ "$status" -ne 0 ]
    [ "$(cat "$T/keep.csv")" = "previous" ]
}

@test "scenario run: a singular household closure is an error (10), as in clio impact" {
    run "$CLIO" scenario run "$FX/leather_demand.yaml" --type II --households-income value_added \
        --households-consumption final_demand -o "$T/l.csv"
    [ "$status" -eq 10 ]
    [[ "$output" == *"closed for households is singular"* ]]
    [ ! -e "$T/l.csv" ]
    run "$CLIO" scenario run "$FX/leather_demand.yaml" --format csv -q
    [ "$status" -eq 0 ]
}

@test "scenario run --type II: scenarios the closure cannot take are named on stderr" {
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -o "$T/g.csv" "${HH[@]}"
    [ "$status" -eq 0 ]
    [[ "$output" == *"scenario 'manufacturing_supply_break' (model leontief) is solved without the household closure: capacity caps use the open model"* ]]
    [[ "$output" == *"scenario 'manufacturing_disaster_ario' (model ario) is solved without"* ]]
    [[ "$output" != *"'construction_investment'"* ]]
    grep -q '^construction_investment,' "$T/g.csv"
}

@test "scenario run: -o and --series are written together or not at all" {
    echo "previous" > "$T/keep.csv"
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -o "$T/keep.csv" --series "$T/no/such/dir/s.csv" -q
    [ "$status" -ne 0 ]
    [ "$(cat "$T/keep.csv")" = "previous" ]
    echo "old series" > "$T/s.csv"
    run "$CLIO" scenario run "$EX/germany_policies.yaml" -o "$T/no/such/dir/out.nc" --series "$T/s.csv" -q
    [ "$status" -ne 0 ]
    [ "$(cat "$T/s.csv")" = "old series" ]
    [ -z "$(ls "$T" | grep -v -e '^keep.csv$' -e '^s.csv$')" ]
}
