#!/usr/bin/env bats
# CLI tests of the shared iterative-solver options --tolerance and
# --max-iterations (cli/common.c, docs/methods-solvers.md): they reach the
# solver, and bad values are usage errors (exit 64) naming the option.

setup() {
    CLIO=${CLIO:-build/clio}
    DE=data/germany_1995
}

@test "solver options: --tolerance sets the error bound the iteration stops at" {
    run "$CLIO" multipliers "$DE" --method series --tolerance 1e-3 -v --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"method series (n = 6"*"relative error bound 0.000"* ]]
    run "$CLIO" multipliers "$DE" --method krylov --tolerance 1e-6 -v --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"method krylov GMRES (n = 6"*"relative error bound "*"e-0"[789]* ]]
    # the default stays 1e-12
    run "$CLIO" multipliers "$DE" --method series -v --format csv
    [[ "$output" == *"relative error bound "*"e-1"[3-9]* ]]
}

@test "solver options: -v reports what lu-mixed's refinement did, for analyses and scenario runs" {
    run "$CLIO" multipliers "$DE" --method lu-mixed --tolerance 1e-6 -v --format csv
    [ "$status" -eq 0 ]
    [[ "$output" == *"method lu-mixed (n = 6, rcond "*"refined in double: "*" steps at most, last correction "* ]]
    run "$CLIO" scenario run examples/scenarios/germany_policies.yaml --method lu-mixed -v -q
    [ "$status" -eq 0 ]
    [[ "$output" == *"method lu-mixed (n = 6, rcond "*"refined in double: "*" steps at most"* ]]
    run "$CLIO" scenario run examples/scenarios/germany_policies.yaml --method krylov -v -q
    [ "$status" -eq 0 ]
    [[ "$output" == *"method krylov GMRES (n = 6"*"matrix products at most"* ]]
    # LU and UMFPACK say all after the factorisation: one method line
    run "$CLIO" scenario run examples/scenarios/germany_policies.yaml --method sparse-lu -v -q
    [ "$status" -eq 0 ]
    [ "$(echo "$output" | grep -c 'method sparse-lu')" -eq 1 ]
}

@test "solver options: --max-iterations caps the iteration (exit 13 naming the option)" {
    run "$CLIO" multipliers "$DE" --method krylov --max-iterations 2 -q
    [ "$status" -eq 13 ]
    [[ "$output" == *"GMRES(6) did not reach relative error 1e-12 in "*"raise --max-iterations"* ]]
    run "$CLIO" multipliers "$DE" --method series --max-iterations 5 -q
    [ "$status" -eq 13 ]
    [[ "$output" == *"in 5 passes"* ]]
    run "$CLIO" multipliers "$DE" --method series --max-iterations 100 -q
    [ "$status" -eq 0 ]
    # LU is direct: the options change nothing
    run "$CLIO" multipliers "$DE" --method lu --max-iterations 1 --tolerance 0.5 -q
    [ "$status" -eq 0 ]
}

@test "solver options: bad values exit 64 and name the option" {
    for bad in 0 1 -1e-3 abc 1e-3x nan inf ""; do
        run "$CLIO" multipliers "$DE" --tolerance "$bad"
        [ "$status" -eq 64 ]
        [[ "$output" == *"--tolerance needs a relative error between 0 and 1"* ]]
    done
    for bad in 0 -5 1.5 abc 1e3 10000000000 ""; do
        run "$CLIO" multipliers "$DE" --max-iterations "$bad"
        [ "$status" -eq 64 ]
        [[ "$output" == *"--max-iterations needs a whole number from 1 to 1000000000"* ]]
    done
    run "$CLIO" multipliers "$DE" --tolerance
    [ "$status" -eq 64 ]
    run "$CLIO" multipliers --help
    [[ "$output" == *"--tolerance T"* ]]
    [[ "$output" == *"--max-iterations N"* ]]
}
