#!/bin/sh
# run.sh -- the test suite under valgrind (make valgrind): every unit test,
# then the CLI tests with the tool wrapped by clio.sh.  Memory errors and
# definite leaks fail the run.  Usage: tests/valgrind/run.sh BUILD
set -u
build=$1
export OPENBLAS_NUM_THREADS=1
status=0
for t in "$build"/tests/*.t; do
    if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
        --suppressions=tests/valgrind/clio.supp "$t" >"$t.valgrind.log" 2>&1; then
        echo "valgrind: $(basename "$t") ok"
    else
        echo "valgrind: $(basename "$t") FAILED (log: $t.valgrind.log)"
        grep -E "^==|not ok" "$t.valgrind.log" | head -20
        status=1
    fi
done
CLIO_UNDER_VALGRIND=$(pwd)/$build/clio CLIO=$(pwd)/tests/valgrind/clio.sh \
    prove -j2 tests/cli/*.bats || status=1
exit $status
