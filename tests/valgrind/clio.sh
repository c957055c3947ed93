#!/bin/sh
# clio.sh -- the clio tool under valgrind, for `make valgrind`: any memory
# error or definite leak makes the command fail with status 99, which the
# CLI tests then see as a wrong exit status.
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
    --suppressions="$(dirname "$0")/clio.supp" "${CLIO_UNDER_VALGRIND:-build/clio}" "$@"
