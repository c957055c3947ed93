#!/bin/sh
# install-deps.sh -- install the Debian packages clio needs, when missing.
# Usage: scripts/install-deps.sh [build|install|fuzz|test|bench|browser|mpi]   (default: test)
# browser: headless Chromium and PIL, for the report test (tests/cli/report.bats)
# mpi: Open MPI, ScaLAPACK and PETSc for `make mpi` (docs/mpi.md; PETSc makes
#      `pkg-config hdf5` the MPI build, which clio's own build never asks for)
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -eu

build_pkgs="gcc make pkg-config libopenblas-dev liblapacke-dev libnetcdf-dev netcdf-bin libcsv-dev
    libyaml-dev libigraph-dev libcjson-dev nettle-dev libsuitesparse-dev"
install_pkgs="$build_pkgs help2man"
fuzz_pkgs="$build_pkgs clang libclang-rt-14-dev"
test_pkgs="$install_pkgs clang libclang-rt-14-dev perl bats python3-xarray python3-netcdf4 python3-pandas \
    r-cran-ncdf4 man-db"
browser_pkgs="chromium python3-pil"
# the dense distributed build (Open MPI + ScaLAPACK) is tested by make test;
# PETSc (large) only when `make mpi` installed it
mpi_dense_pkgs="openmpi-bin libopenmpi-dev libscalapack-openmpi-dev"
test_pkgs="$test_pkgs $browser_pkgs $mpi_dense_pkgs"
bench_pkgs="$build_pkgs python3-numpy python3-netcdf4 python3-scipy python3-matplotlib time"
mpi_pkgs="$build_pkgs openmpi-bin libopenmpi-dev libscalapack-openmpi-dev libpetsc-real-dev bats perl
    python3-numpy"

case "${1:-test}" in
build) want=$build_pkgs ;;
install) want=$install_pkgs ;;
fuzz) want=$fuzz_pkgs ;;
test) want=$test_pkgs ;;
bench) want=$bench_pkgs ;;
browser) want=$browser_pkgs ;;
mpi) want=$mpi_pkgs ;;
*) echo "usage: $0 [build|install|fuzz|test|bench|browser|mpi]" >&2; exit 64 ;;
esac

missing=""
for p in $want; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "install-deps: installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
else
    echo "install-deps: missing Debian packages:$missing" >&2
    echo "install-deps: run: sudo apt-get install -y$missing" >&2
    exit 1
fi
