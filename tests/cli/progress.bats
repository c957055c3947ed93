#!/usr/bin/env bats
# Progress on stderr: drawn on a terminal (script(1) gives the command one),
# never into a pipe or file, not with --quiet; --verbose prints each long
# task's time.  CLIO_PROGRESS_DELAY=0 draws even the short tasks of these
# small examples.

setup() {
    CLIO=${CLIO:-build/clio}
    T=$BATS_TEST_TMPDIR
    RUN="scenario run examples/scenarios/germany_policies.yaml -o $T/out.csv"
}

# on_terminal CMD...: run CMD with a pseudo-terminal as stdin/stdout/stderr.
on_terminal() {
    script -qec "$*" /dev/null
}

@test "on a terminal: a progress line per long task, erased when it ends" {
    run on_terminal "CLIO_PROGRESS_DELAY=0 $CLIO $RUN"
    [ "$status" -eq 0 ]
    [[ "$output" == *"clio: factorising I - A (n = 6)"* ]]
    [[ "$output" == *"clio: running scenarios"*"%"* ]]
    [[ "$output" == *$'\r\033[K'* ]]
    [ -s "$T/out.csv" ]
}

@test "short tasks draw nothing with the default delay" {
    run on_terminal "$CLIO $RUN"
    [ "$status" -eq 0 ]
    [[ "$output" != *"clio: running scenarios"* ]]
}

@test "--quiet: no progress even on a terminal" {
    run on_terminal "CLIO_PROGRESS_DELAY=0 $CLIO $RUN --quiet"
    [ "$status" -eq 0 ]
    [[ "$output" != *"clio: "*"%"* ]]
}

@test "not a terminal: stderr stays clean" {
    CLIO_PROGRESS_DELAY=0 "$CLIO" $RUN 2>"$T/err"
    run grep -c "%" "$T/err"
    [ "$output" = 0 ]
    run grep -c $'\r' "$T/err"
    [ "$output" = 0 ]
}

@test "--verbose: each long task's time, terminal or not" {
    CLIO_PROGRESS_DELAY=0 "$CLIO" $RUN --verbose 2>"$T/err"
    grep -q "^clio scenario: factorising I - A (n = 6): [0-9.]* s$" "$T/err"
    grep -q "^clio scenario: running scenarios: [0-9.]* s$" "$T/err"
    run grep -c $'\r' "$T/err"
    [ "$output" = 0 ]
}

@test "reading a CSV table reports too" {
    run on_terminal "CLIO_PROGRESS_DELAY=0 $CLIO check data/germany_1995"
    [ "$status" -eq 0 ]
    [[ "$output" == *"clio: reading data/germany_1995/Z.csv"* ]]
}
