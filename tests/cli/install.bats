#!/usr/bin/env bats
# make install into a scratch prefix: pkg-config finds clio, a program
# compiles and links against the installed library (shared and static),
# the shared library is versioned and exports clio_* only, every command
# has a man page, and make uninstall removes it all.

# Install once for the whole file (the last test uninstalls).
setup_file() {
    export CLIO=${CLIO:-build/clio}
    # the build holding the tool (under make valgrind, CLIO is a wrapper script)
    export BUILD=$(dirname "${CLIO_UNDER_VALGRIND:-$CLIO}")
    export PREFIX=$BATS_FILE_TMPDIR/prefix
    export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig
    case "$BUILD" in
    */asan) return 0 ;;
    esac
    make -s install BUILD="$BUILD" PREFIX="$PREFIX" >"$BATS_FILE_TMPDIR/make.log" 2>&1 ||
        { cat "$BATS_FILE_TMPDIR/make.log" >&3; return 1; }
}

setup() {
    case "$BUILD" in
    */asan) skip "installing is checked with the plain build" ;;
    esac
}

@test "pkg-config finds the installed clio" {
    run pkg-config --modversion clio
    [ "$status" -eq 0 ]
    [ "$output" = "$("$CLIO" --version | awk '{print $2}')" ]
    run pkg-config --cflags --libs clio
    [[ "$output" == *"-I$PREFIX/include"* ]]
    [[ "$output" == *"-L$PREFIX/lib -lclio"* ]]
}

@test "a program compiles and links against it (shared and static) and agrees with the tool" {
    exe=$BATS_TEST_TMPDIR/use_clio
    # shellcheck disable=SC2046
    cc -o "$exe" tests/install/use_clio.c $(pkg-config --cflags --libs clio)
    run env LD_LIBRARY_PATH="$PREFIX/lib" "$exe" data/germany_1995 construction
    [ "$status" -eq 0 ]
    want=$("$CLIO" multipliers data/germany_1995 --format csv |
        awk -F, '$2 == "construction" && $3 == "output" {print $6}')
    awk -v a="$output" -v b="$want" 'BEGIN {d = a - b; exit !(d * d < 1e-20 * b * b)}'
    # the program loads the soname, not the unversioned link
    run env LD_LIBRARY_PATH="$PREFIX/lib" ldd "$exe"
    [[ "$output" == *"libclio.so.0 => $PREFIX/lib/libclio.so.0"* ]]
    # static: libclio.a and the dependencies' shared libraries (Debian's
    # igraph.pc names static-only libraries that are not installed)
    run pkg-config --static --libs clio
    [[ "$output" == *"-lcsv -lyaml"* ]]
    # shellcheck disable=SC2046
    cc -o "$exe-static" tests/install/use_clio.c $(pkg-config --cflags clio) \
        "$PREFIX/lib/libclio.a" $(pkg-config --libs netcdf lapacke openblas igraph libcjson nettle) \
        -lumfpack -lcsv -lyaml -lm
    run "$exe-static" data/germany_1995 construction
    [ "$status" -eq 0 ]
    awk -v a="$output" -v b="$want" 'BEGIN {d = a - b; exit !(d * d < 1e-20 * b * b)}'
}

@test "the shared library is versioned and exports the public API only" {
    run readelf -d "$PREFIX/lib/libclio.so"
    [[ "$output" == *"Library soname: [libclio.so.0]"* ]]
    [ -L "$PREFIX/lib/libclio.so.0" ]
    run sh -c "nm -D --defined-only '$PREFIX/lib/libclio.so' | awk '{print \$3}' | grep -v '^clio_'"
    [ -z "$output" ]
    run sh -c "nm -D --defined-only '$PREFIX/lib/libclio.so' | grep -c ' clio_multipliers\$'"
    [ "$output" = 1 ]
}

@test "clio and every command have a man page" {
    [ -f "$PREFIX/share/man/man1/clio.1" ]
    for cmd in $("$CLIO" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
        [ -f "$PREFIX/share/man/man1/clio-$cmd.1" ] || { echo "no page for $cmd"; return 1; }
    done
    run env MANWIDTH=200 man -l "$PREFIX/share/man/man1/clio-multipliers.1"
    [ "$status" -eq 0 ]
    [[ "$output" == *"clio-multipliers - Type I multipliers"* ]]
    [[ "$output" == *"CLIO-MULTIPLIERS(1)"* ]]
    [[ "$output" == *"EXIT STATUS"* ]]
    [[ "$output" == *"--households-income"* ]]
}

@test "make uninstall removes what make install put there" {
    make -s uninstall BUILD="$BUILD" PREFIX="$PREFIX"
    run find "$PREFIX" -type f -o -type l
    [ -z "$output" ]
}
