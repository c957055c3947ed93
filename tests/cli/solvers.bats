#!/usr/bin/env bats
# CLI tests of the solver strategies (--method, --memory-limit;
# docs/methods-solvers.md): every method gives LU's multipliers and impacts
# to 1e-10 on Germany 1995, UK 2010 (127 products), WIOD 2011 (1435) and a
# generated 10 x 200 MRIO; the choice is reported; refusals exit with the
# documented statuses.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
    T=$BATS_TEST_TMPDIR
    UK_CSV=../shared/data/uk_ons_ioat_2010/iot_domestic_use_basic_prices_pxp.csv
    WIOD=../shared/data/wiod_2013_release
}

# same A.csv B.csv: the tidy CSVs agree to 1e-10 relative; prints the
# largest difference (tests/python/same_csv.py).
same() {
    /usr/bin/python3 tests/python/same_csv.py "$1" "$2"
}

# every_method TABLE ARGS...: multipliers and impact (demand = 10% of the
# first final-demand column) by each method against LU.
every_method() {
    local table=$1
    shift
    "$CLIO" multipliers "$table" "$@" --method lu --format csv -q >"$T/m_lu.csv"
    "$CLIO" impact "$table" "$@" --method lu --demand "$T/demand.csv" --format csv -q >"$T/i_lu.csv"
    for m in series krylov auto; do
        "$CLIO" multipliers "$table" "$@" --method $m --format csv -q >"$T/m_$m.csv"
        same "$T/m_lu.csv" "$T/m_$m.csv"
        "$CLIO" impact "$table" "$@" --method $m --demand "$T/demand.csv" --format csv -q >"$T/i_$m.csv"
        same "$T/i_lu.csv" "$T/i_$m.csv"
    done
}

# demand_for TABLE: a demand-change CSV (region,sector,change) for every sector.
demand_for() {
    "$CLIO" multipliers "$1" --method lu --format csv -q |
        awk -F, 'NR > 1 && $3 == "output" { printf "%s,%s,%d\n", $1, $2, 1 + NR % 7 }' |
        sed '1i region,sector,change' >"$T/demand.csv"
}

@test "solvers: Germany 1995 -- series, GMRES and auto give LU's multipliers and impact to 1e-10" {
    demand_for "$DE"
    every_method "$DE"
}

@test "solvers: UK 2010 (127 products) -- every method agrees with LU to 1e-10" {
    [ -f "$UK_CSV" ] || skip "UK 2010 table not in ../shared/data"
    "$CLIO" import "$UK_CSV" --spec tests/fixtures/specs/uk_2010.yaml -o "$T/uk.nc" -q
    demand_for "$T/uk.nc"
    every_method "$T/uk.nc"
}

@test "solvers: WIOD 2011 (n = 1435) -- every method agrees with LU to 1e-10" {
    [ -f "$WIOD/Z_2011.csv" ] || skip "WIOD 2013 release not in ../shared/data"
    "$CLIO" import "$WIOD" --Z Z_2011.csv --Y Y_2011.csv --x x_2011.csv -o "$T/wiod.nc" -q
    demand_for "$T/wiod.nc"
    every_method "$T/wiod.nc"
}

@test "solvers: generated 10 x 200 (n = 2000) -- every method agrees; the method is reported and recorded" {
    "$CLIO" generate --regions 10 --sectors 200 --seed 3 -o "$T/g.nc" -q
    demand_for "$T/g.nc"
    every_method "$T/g.nc"
    # auto: lockstep GMRES, ~23 products of the block of 6 right-hand sides
    # (half the series' ~46 passes), costs less than dgetrf's ~n/50 matrix
    # reads at n = 2000 (docs/methods-solvers.md)
    run "$CLIO" multipliers "$T/g.nc" -v --format csv
    [[ "$output" == *"method krylov GMRES (n = 2000"* ]]
    run "$CLIO" multipliers "$T/g.nc" --method series -v --format csv -o "$T/m.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"method series (n = 2000"* ]]
    [[ "$output" == *"passes at most, relative error bound "* ]]
    # the method is recorded in the NetCDF result
    run ncdump -h "$T/m.nc"
    [[ "$output" == *':clio_method = "series (n = 2000'* ]]
    # --inverse needs n solves: LU
    run "$CLIO" multipliers "$T/g.nc" -v --inverse "$T/L.csv" -q
    [[ "$output" != *"method series"* ]]
}

@test "solvers: LU results carry clio_method = lu, tables none" {
    "$CLIO" multipliers "$DE" -o "$T/m.nc" -q
    run ncdump -h "$T/m.nc"
    [[ "$output" == *':clio_method = "lu (n = 6, rcond '* ]]
    "$CLIO" import "$DE" -o "$T/de.nc" -q
    run ncdump -h "$T/de.nc"
    [[ "$output" != *"clio_method"* ]]
}

@test "solvers: column and row sums above 1 but productive -- both methods agree with LU, bounds rigorous from ||L||" {
    mkdir -p "$T/c"
    # A = [[.5 .6] [.6 .2]]: column sums 1.1 and .8, row sums 1.1 and .8; rho = .95
    printf 'sector,a,b\na,50,60\nb,60,20\n' >"$T/c/Z.csv"
    printf 'sector,fd\na,-10\nb,20\n' >"$T/c/Y.csv"
    printf 'sector,output\na,100\nb,100\n' >"$T/c/x.csv"
    "$CLIO" multipliers "$T/c" --method lu --format csv -q >"$T/lu.csv"
    for m in series krylov; do
        run "$CLIO" multipliers "$T/c" --method $m --format csv -v
        [ "$status" -eq 0 ]
        "$CLIO" multipliers "$T/c" --method $m --format csv -q >"$T/$m.csv"
        same "$T/lu.csv" "$T/$m.csv"
    done
    # A >= 0 and productive: ||L|| is known from L 1 and L' 1, so the bound
    # is rigorous although ||A|| >= 1 (auto would take GMRES from n = 2000 on:
    # tests/unit/test_solvers.c)
    run "$CLIO" multipliers "$T/c" --method series -v -q
    [[ "$output" == *"||A||_1 = 1.1, ||A||_inf = 1.1, "*" passes at most, relative error bound "* ]]
    [[ "$output" != *"safety margin"* ]]
}

@test "solvers: a non-productive table is refused (exit 11) by every method" {
    mkdir -p "$T/n"
    printf 'sector,a,b\na,95,30\nb,30,10\n' >"$T/n/Z.csv"
    printf 'sector,fd\na,-25\nb,60\n' >"$T/n/Y.csv"
    printf 'sector,output\na,100\nb,100\n' >"$T/n/x.csv"
    for m in auto lu series krylov; do
        run "$CLIO" multipliers "$T/n" --method $m -q
        [ "$status" -eq 11 ]
        [[ "$output" == *"not productive"* ]]
    done
}

@test "solvers: the series past its iteration cap exits 13; GMRES solves the same table" {
    mkdir -p "$T/s"
    # a = .99999: the series' error bound needs millions of passes
    printf 'sector,a,b\na,99999,0\nb,0,50000\n' >"$T/s/Z.csv"
    printf 'sector,fd\na,1\nb,50000\n' >"$T/s/Y.csv"
    printf 'sector,output\na,100000\nb,100000\n' >"$T/s/x.csv"
    run "$CLIO" multipliers "$T/s" --method series -q
    [ "$status" -eq 13 ]
    [[ "$output" == *"did not reach relative error 1e-12 in 10000 passes"* ]]
    run "$CLIO" multipliers "$T/s" --method krylov -q --format csv
    [ "$status" -eq 0 ]
}

@test "solvers: --memory-limit -- auto leaves LU when it does not fit, exit 3 with the numbers when nothing fits" {
    "$CLIO" generate --regions 10 --sectors 200 --seed 3 -o "$T/g.nc" -q
    # ghosh keeps Z: LU needs a second 32 MB matrix, the iteration borrows Z
    run "$CLIO" ghosh "$T/g.nc" --memory-limit 50M -v --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"method series"* ]] || [[ "$output" == *"method krylov"* ]]
    "$CLIO" ghosh "$T/g.nc" --memory-limit 50M --format csv -q >"$T/it.csv"
    "$CLIO" ghosh "$T/g.nc" --method lu --format csv -q >"$T/lu.csv"
    same "$T/lu.csv" "$T/it.csv"
    run "$CLIO" multipliers "$T/g.nc" --memory-limit 1M -q
    [ "$status" -eq 3 ]
    [[ "$output" == *"no method fits the memory limit of 1 MB: LU needs about"* ]]
    run "$CLIO" ghosh "$T/g.nc" --method lu --memory-limit 50M -q
    [ "$status" -eq 3 ]
    [[ "$output" == *"the lu method needs about "*" MB (the table and its work), over the memory limit of 52 MB"* ]]
}

@test "solvers: extraction needs the LU factor -- --method series is refused, auto takes LU" {
    run "$CLIO" extract "$DE" --method series -q
    [ "$status" -eq 2 ]
    [[ "$output" == *"needs the LU factor of I - A"* ]]
    run "$CLIO" extract "$DE" -q --format csv
    [ "$status" -eq 0 ]
}

@test "solvers: usage errors for --method and --memory-limit exit 64" {
    for bad in "--method fast" "--method" "--memory-limit 0" "--memory-limit 2X" "--memory-limit -5G" "--memory-limit abc"; do
        run "$CLIO" multipliers "$DE" $bad
        [ "$status" -eq 64 ]
    done
    run "$CLIO" multipliers "$DE" --method fast
    [[ "$output" == *"--method must be auto, lu, lu-mixed, series, krylov or sparse-lu, not 'fast'"* ]]
    run "$CLIO" multipliers "$DE" --memory-limit 2X
    [[ "$output" == *"--memory-limit needs a size"* ]]
    # balance keeps its own --method (RAS / GRAS)
    run "$CLIO" balance --help
    [ "$status" -eq 0 ]
}
