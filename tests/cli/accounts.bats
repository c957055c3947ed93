#!/usr/bin/env bats
# CLI tests of `clio accounts` (typed satellites through bridges, user
# indicators) and `clio tbl` (triple-bottom-line intensities) on the
# embedded Germany 1995 table and on a WIOD 2016 national table (DEU 2014)
# with the Socio-Economic Accounts: conservation, identities, a NumPy
# cross-check, published numbers, and every error path with its status.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    T=$BATS_TEST_TMPDIR
    WIOD=../shared/data/wiod_2016_niot_sea
    FIX=tests/fixtures/accounts
    VA=compensation_of_employees,other_net_taxes_on_production,consumption_of_fixed_capital,net_operating_surplus
}

# relative closeness of two numbers: close A B [RTOL]
close() {
    awk -v a="$1" -v b="$2" -v r="${3:-1e-9}" 'BEGIN { d = a - b; s = (b < 0 ? -b : b); if (s < 1e-300) s = 1e-300; exit !((d < 0 ? -d : d) <= r * s) }'
}

@test "accounts: the default economy lists employment and the Table 15.3 air emissions with units" {
    run "$CLIO" accounts "$DE" --region DE --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "account,unit,sectors,final_demand" ]
    [ "${#lines[@]}" -eq 12 ]
    [ "${lines[3]}" = "employment,thousand persons,36428,0" ]
    # Table 15.3: CO2 of industries 687020 (thousand tonnes), of households 217137
    [ "${lines[4]}" = "co2,thousand tonnes,687020,217137" ]
}

@test "accounts: bridge and indicators in one run, saved, types sum to the account" {
    printf 'account,type,share\nemployment,low_skill,0.2\nemployment,medium_skill,0.55\nemployment,high_skill,0.25\n' >"$T/skills.csv"
    printf 'sector,indicator,unit,value\nagriculture,hours,million hours,1900\nmanufacturing,hours,million hours,13000\nmanufacturing,water,million m3,5000\n' >"$T/ind.csv"
    run "$CLIO" accounts "$DE" --region DE --bridge "$T/skills.csv" --indicators "$T/ind.csv" -o "$T/de.nc"
    [ "$status" -eq 0 ]
    run "$CLIO" accounts "$T/de.nc" --format csv
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 17 ]
    printf '%s\n' "${lines[@]}" | grep -qx 'employment:medium_skill,thousand persons,20035.4,0'
    printf '%s\n' "${lines[@]}" | grep -qx 'hours,million hours,14900,0'
    sum=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 ~ /^employment:/ { s += $3 } END { print s }')
    close "$sum" 36428 1e-12
    # a bridge on an added indicator: files apply in order
    printf 'account,type,share\nhours,paid,0.9\nhours,unpaid,0.1\n' >"$T/hours.csv"
    run "$CLIO" accounts "$DE" --region DE --indicators "$T/ind.csv" --bridge "$T/hours.csv" --format csv
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" | grep -qx 'hours:unpaid,million hours,1490,0'
}

@test "accounts: bad bridges and indicators fail with file:line, the sector, the status, and no output" {
    printf 'account,type,share\njobs,a,1\n' >"$T/b.csv"
    run "$CLIO" accounts "$DE" --region DE --bridge "$T/b.csv" -o "$T/out.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"b.csv:2: unknown satellite account 'jobs'"* ]]
    [ ! -e "$T/out.nc" ]
    printf 'sector,account,type,share\nagriculture,employment,a,0.5\nagriculture,employment,b,0.3\n' >"$T/b.csv"
    run "$CLIO" accounts "$DE" --region DE --bridge "$T/b.csv" -o "$T/out.nc"
    [ "$status" -eq 8 ]
    [[ "$output" == *"b.csv:2: sector 'agriculture', account 'employment': the shares sum to 0.8, not 1"* ]]
    [ ! -e "$T/out.nc" ]
    printf 'sector,account,type,share\nmining,employment,a,1\n' >"$T/b.csv"
    run "$CLIO" accounts "$DE" --region DE --bridge "$T/b.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"b.csv:2: unknown sector 'mining'"* ]]
    printf 'account,type,share\nemployment,a,nan\n' >"$T/b.csv"
    run "$CLIO" accounts "$DE" --region DE --bridge "$T/b.csv"
    [ "$status" -eq 8 ]
    [[ "$output" == *"b.csv:2"*"not finite"* ]]
    printf 'account,type,share\nemployment,a,1\n' >"$T/b.csv"
    run "$CLIO" accounts "$DE" --region DE --bridge "$T/b.csv" --bridge "$T/b.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"duplicate account 'employment:a'"* ]]
    printf 'sector,indicator,unit,value\nagriculture,hours,h,-5\n' >"$T/i.csv"
    run "$CLIO" accounts "$DE" --region DE --indicators "$T/i.csv" -o "$T/out.nc"
    [ "$status" -eq 8 ]
    [[ "$output" == *"i.csv:2: indicator 'hours' of sector 'agriculture' is negative"* ]]
    [ ! -e "$T/out.nc" ]
    printf 'indicator,unit,agriculture\nco2,t,1\n' >"$T/i.csv"
    run "$CLIO" accounts "$DE" --region DE --indicators "$T/i.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"i.csv:2: duplicate account 'co2'"* ]]
    run "$CLIO" accounts "$DE" --region DE --indicators "$T/missing.csv"
    [ "$status" -eq 4 ]
    run "$CLIO" accounts "$DE" --bogus
    [ "$status" -eq 64 ]
}

@test "tbl: default economy, published multipliers, embodied flows add up to the account totals" {
    run "$CLIO" tbl "$DE" --region DE --format csv
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "region,sector,domain,account,unit,direct,total,embodied" ]
    # Eurostat Manual (2008) ch. 15: Type I output multipliers
    got=$(printf '%s\n' "${lines[@]}" | awk -F, '$4 == "output" && $2 != "TOTAL" { printf "%.4f ", $7 }')
    [ "$got" = "1.7048 1.8413 1.8136 1.6035 1.5951 1.3782 " ]
    printf '%s\n' "${lines[@]}" | grep -q '^DE,agriculture,social,employment,thousand persons,'
    printf '%s\n' "${lines[@]}" | grep -q '^DE,agriculture,environmental,co2,thousand tonnes,'
    printf '%s\n' "${lines[@]}" | grep -q '^DE,agriculture,social,compensation_of_employees,'
    # the table balances: embodied flows sum to the industries' totals
    close "$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "TOTAL" && $4 == "employment" { print $8 }')" 36428
    close "$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "TOTAL" && $4 == "co2" { print $8 }')" 687020
    close "$(printf '%s\n' "${lines[@]}" | awk -F, '$2 == "TOTAL" && $4 == "output" { print $8 }')" 3110430
    # imports + taxes on products + value added embodied per unit of final demand = 1
    printf '%s\n' "${lines[@]}" | awk -F, '$2 != "TOTAL" && ($4 == "imports" || $4 == "taxes_less_subsidies_on_products" || $4 == "value_added") { s[$2] += $7 }
        END { for (k in s) if (s[k] - 1 > 1e-12 || 1 - s[k] > 1e-12) exit 1 }'
}

@test "tbl: NumPy recomputes direct, total and embodied with the explicit inverse" {
    /usr/bin/python3 -c 'import numpy' 2>/dev/null || skip "numpy is not installed"
    "$CLIO" tbl "$DE" --region DE --format csv >"$T/tbl.csv"
    run /usr/bin/python3 tests/python/tbl_check.py "$DE" "$T/tbl.csv" "$VA"
    [ "$status" -eq 0 ]
    [[ "$output" == *"tbl_check: 342 values"* ]]
}

@test "tbl --groups: cluster rows are mix-weighted sums of their members' rows" {
    printf 'sector,group\nmanufacturing,industry\nconstruction,industry\nbusiness_services,services\n' >"$T/g.csv"
    run "$CLIO" tbl "$DE" --region DE --groups "$T/g.csv" --mix final-demand --format csv
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" >"$T/fd.csv"
    # final-demand mix: a group's embodied flow = the sum of its members'
    for acc in output employment co2 value_added; do
        members=$(awk -F, -v a=$acc '$1 == "DE" && $4 == a && ($2 == "manufacturing" || $2 == "construction") { s += $8 } END { printf "%.17g", s }' "$T/fd.csv")
        group=$(awk -F, -v a=$acc '$1 == "" && $2 == "industry" && $4 == a { print $8 }' "$T/fd.csv")
        close "$group" "$members" 1e-12
    done
    # output mix: total = output-weighted mean of the members' totals
    run "$CLIO" tbl "$DE" --region DE --groups "$T/g.csv" --format csv
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" >"$T/out.csv"
    want=$(awk -F, '$1 == "DE" && $4 == "employment" && $2 == "manufacturing" { m = $7 } $1 == "DE" && $4 == "employment" && $2 == "construction" { c = $7 }
        END { printf "%.17g", (1079446 * m + 245606 * c) / (1079446 + 245606) }' "$T/out.csv")
    got=$(awk -F, '$1 == "" && $2 == "industry" && $4 == "employment" { print $7 }' "$T/out.csv")
    close "$got" "$want" 1e-12
    # a one-sector group is that sector
    close "$(awk -F, '$1 == "" && $2 == "services" && $4 == "co2" { print $7 }' "$T/out.csv")" \
          "$(awk -F, '$1 == "DE" && $2 == "business_services" && $4 == "co2" { print $7 }' "$T/out.csv")" 1e-14
}

@test "tbl: -o writes CSV, text and NetCDF; --domains overrides; errors exit with their status" {
    run "$CLIO" tbl "$DE" --region DE -q -o "$T/t.csv"
    [ "$status" -eq 0 ]
    [ -z "$output" ]
    [ "$(head -1 "$T/t.csv")" = "region,sector,domain,account,unit,direct,total,embodied" ]
    run "$CLIO" tbl "$DE" --region DE -q -o "$T/t.txt"
    [ "$status" -eq 0 ]
    grep -q '^total: embodied in a unit of final demand' "$T/t.txt"
    run "$CLIO" tbl "$DE" --region DE -q -o "$T/t.nc"
    [ "$status" -eq 0 ]
    ncdump -h "$T/t.nc" | grep -q 'environmental: co2'
    printf 'account,domain\nconsumption_of_fixed_capital,environmental\n' >"$T/d.csv"
    run "$CLIO" tbl "$DE" --region DE --domains "$T/d.csv" --format csv
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" | grep -q '^DE,agriculture,environmental,consumption_of_fixed_capital,'
    printf 'account,domain\nprofit,economic\n' >"$T/d.csv"
    run "$CLIO" tbl "$DE" --region DE --domains "$T/d.csv" -o "$T/bad.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"d.csv:2: unknown account 'profit'"* ]]
    [ ! -e "$T/bad.csv" ]
    printf 'sector,group\nmining,x\n' >"$T/g.csv"
    run "$CLIO" tbl "$DE" --region DE --groups "$T/g.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"g.csv:2"*"mining"* ]]
    run "$CLIO" tbl "$DE" --region DE --mix jobs
    [ "$status" -eq 64 ]
    [[ "$output" == *"--mix must be 'output' or 'final-demand', not 'jobs'"* ]]
    run "$CLIO" tbl
    [ "$status" -eq 64 ]
    run "$CLIO" tbl "$DE" --region DE -o /nonexistent/dir/t.csv
    [ "$status" -eq 12 ]
}

@test "WIOD 2016 NIOT DEU 2014 + SEA: import, typed employment, hours, compensation; TBL identities" {
    [ -f "$WIOD/niot_DEU_2000_2014.csv" ] || skip "wiod_2016_niot_sea not found in ../shared/data"
    /usr/bin/python3 "$FIX/niot_year.py" "$WIOD/niot_DEU_2000_2014.csv" 2014 "$T/niot.csv"
    /usr/bin/python3 "$FIX/sea_indicators.py" "$WIOD/sea_5countries_2000_2014.csv" DEU 2014 "$T"
    run "$CLIO" import "$T/niot.csv" --spec "$FIX/wiod_niot.yaml" -o "$T/deu.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"56 sectors in 1 region(s), 6 final-demand, 4 value-added"* ]]
    run "$CLIO" accounts "$T/deu.nc" --strict --indicators "$T/indicators.csv" --bridge "$T/bridge.csv" -o "$T/deu_acc.nc"
    [ "$status" -eq 0 ]
    run "$CLIO" accounts "$T/deu_acc.nc" --format csv
    [ "$status" -eq 0 ]
    # SEA DEU 2014: 42706 thousand persons engaged, 38307 employees
    printf '%s\n' "${lines[@]}" | grep -qx 'employment,thousand persons,42706,0'
    printf '%s\n' "${lines[@]}" | grep -qx 'employment:employees,thousand persons,38307,0'
    self=$(printf '%s\n' "${lines[@]}" | awk -F, '$1 == "employment:self_employed" { print $3 }')
    close "$self" 4399 1e-9
    run "$CLIO" tbl "$T/deu_acc.nc" --format csv
    [ "$status" -eq 0 ]
    printf '%s\n' "${lines[@]}" >"$T/tbl.csv"
    # the table balances, so embodied flows add up to the SEA totals
    close "$(awk -F, '$2 == "TOTAL" && $4 == "employment" { print $8 }' "$T/tbl.csv")" 42706 1e-9
    close "$(awk -F, '$2 == "TOTAL" && $4 == "hours_employees" { print $8 }' "$T/tbl.csv")" 49721 1e-9
    # value_added is gross_value_added (imports, taxes on products, margins left out)
    awk -F, '$4 == "gross_value_added" { g[$2] = $7 } $4 == "value_added" { v[$2] = $7 }
        END { n = 0; for (k in g) { n++; if (g[k] != v[k]) exit 1 } exit n != 57 }' "$T/tbl.csv"
    grep -q '^national,C29,social,employment:self_employed,thousand persons,' "$T/tbl.csv"
    grep -q '^national,C29,social,compensation_of_employees_usd,USD million,' "$T/tbl.csv"
    if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
        "$CLIO" export "$T/deu_acc.nc" -o "$T/deu_set"
        run /usr/bin/python3 tests/python/tbl_check.py "$T/deu_set" "$T/tbl.csv" gross_value_added
        [ "$status" -eq 0 ]
    fi
}
