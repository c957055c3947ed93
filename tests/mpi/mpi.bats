#!/usr/bin/env bats
# clio-mpi (docs/mpi.md) against the single-node `clio`: multipliers and
# impacts on 1, 2 and 4 ranks of this machine, dense (ScaLAPACK) and sparse
# (PETSc), on the Germany 1995 table, pymrio's test MRIO (48 sectors) and
# WIOD 2011 (1,435 sectors); every number within 1e-10 relative
# (tests/mpi/compare.py).  Then the errors: every rank ends with clio's
# exit status, and none hangs (each run has a time limit).
# `make test-mpi` runs it (CLIO and CLIO_MPI name the two programs).

setup_file() {
    export CLIO=${CLIO:-build/clio} CLIO_MPI=${CLIO_MPI:-build/mpi/clio-mpi}
    # root may run mpirun here; 4 ranks on 2 cores; one BLAS thread per rank
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
    export OMPI_MCA_rmaps_base_oversubscribe=1 OPENBLAS_NUM_THREADS=1
    local shared=../shared/data
    "$CLIO" import data/germany_1995 --region DE -o "$BATS_FILE_TMPDIR/germany_1995.nc" -q
    if [ -f "$shared/pymrio_testmrio/Z.csv" ]; then
        "$CLIO" import "$shared/pymrio_testmrio" --V F_factor_inputs.csv \
            --satellites F_emissions.csv --satellites-y F_Y_emissions.csv \
            -o "$BATS_FILE_TMPDIR/pymrio.nc" -q
    fi
    if [ -f "$shared/wiod_2013_release/Z_2011.csv" ]; then
        "$CLIO" import "$shared/wiod_2013_release" --Z Z_2011.csv --Y Y_2011.csv \
            --x x_2011.csv -o "$BATS_FILE_TMPDIR/wiod2011.nc" -q
    fi
}

setup() {
    T=$BATS_TEST_TMPDIR
    F=$BATS_FILE_TMPDIR
    DE=$F/germany_1995.nc
    CMP=tests/mpi/compare.py
}

# PETSc is optional in `make mpi`: its tests are skipped in a build without it.
need_petsc() {
    "$CLIO_MPI" --help | grep -q "petsc available" || skip "clio-mpi was built without PETSc"
}

# mpi NP ARGS...: clio-mpi on NP ranks, at most 120 s (a hang fails).
mpi() {
    local np=$1
    shift
    timeout 120 mpirun -np "$np" "$CLIO_MPI" "$@" </dev/null
}

# same NP METHOD COMMAND TABLE [ARGS...]: clio-mpi's CSV equals clio's
# (clio-mpi also gets $MPI_ARGS; compare.py mode $COMPARE,
# default csv: every number within 1e-10 relative).
same() {
    local np=$1 method=$2 cmd=$3 table=$4
    shift 4
    "$CLIO" "$cmd" "$table" "$@" --format csv -q >"$T/serial.csv"
    mpi "$np" "$cmd" "$table" --method "$method" ${MPI_ARGS:-} "$@" --format csv -q \
        >"$T/mpi.csv"
    run /usr/bin/python3 "$CMP" "${COMPARE:-csv}" "$T/serial.csv" "$T/mpi.csv"
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == "ok "* ]]
}

@test "scalapack multipliers, Germany 1995: np 1, 2, 4 equal clio (blocks of 2 rows: every rank holds a piece)" {
    for np in 1 2 4; do
        MPI_ARGS="--block 2" same "$np" scalapack multipliers "$DE"
    done
    # 6 sectors x 18 accounts x 3 fields
    [[ "$output" == "ok 324 numbers"* ]]
}

@test "scalapack impact, Germany 1995 construction shock: np 2 and 4 equal clio" {
    for np in 2 4; do
        MPI_ARGS="--block 4" same "$np" scalapack impact "$DE" --demand data/germany_1995/construction_shock.csv
    done
}

@test "petsc multipliers and impact, Germany 1995: np 1, 2, 4 equal clio" {
    need_petsc
    for np in 1 2 4; do
        same "$np" petsc multipliers "$DE"
    done
    same 4 petsc impact "$DE" --demand data/germany_1995/construction_shock.csv
}

@test "pymrio test MRIO (48 sectors, 6 regions): both methods on 2 and 4 ranks equal clio" {
    [ -f "$F/pymrio.nc" ] || skip "pymrio test MRIO not in ../shared/data"
    MPI_ARGS="--block 8" same 2 scalapack multipliers "$F/pymrio.nc"
    MPI_ARGS="--block 8" same 4 scalapack multipliers "$F/pymrio.nc"
    need_petsc
    same 4 petsc multipliers "$F/pymrio.nc"
    printf 'region,sector,change\nreg2,construction,100\nreg5,food,-20\n' >"$T/d.csv"
    MPI_ARGS="--block 8" same 4 scalapack impact "$F/pymrio.nc" --demand "$T/d.csv"
    same 2 petsc impact "$F/pymrio.nc" --demand "$T/d.csv"
    # GMRES is accurate normwise: with a looser residual (1e-12) the small
    # effects (reg1 transport's indirect output -0.0024 from changes of +100
    # and -20) agree only to 1e-10 of their account's largest value
    MPI_ARGS="--ksp-rtol 1e-12" COMPARE=csv-norm same 2 petsc impact "$F/pymrio.nc" \
        --demand "$T/d.csv"
    run /usr/bin/python3 "$CMP" csv "$T/serial.csv" "$T/mpi.csv" 1e-12
    [ "$status" -eq 1 ]
    printf 'region,sector,change\nreg2,construction,100\nreg5,food,20\n' >"$T/d.csv"
    same 2 petsc impact "$F/pymrio.nc" --demand "$T/d.csv"
}

@test "WIOD 2011 (1,435 sectors): scalapack np 2 and 4, petsc np 2 equal clio; NetCDF too" {
    [ -f "$F/wiod2011.nc" ] || skip "WIOD 2013 release not in ../shared/data"
    same 2 scalapack multipliers "$F/wiod2011.nc"
    same 4 scalapack multipliers "$F/wiod2011.nc"
    if "$CLIO_MPI" --help | grep -q "petsc available"; then
        same 2 petsc multipliers "$F/wiod2011.nc"
    fi
    "$CLIO" multipliers "$F/wiod2011.nc" -o "$T/serial.nc" -q
    mpi 2 multipliers "$F/wiod2011.nc" -o "$T/mpi.nc" -q
    run /usr/bin/python3 "$CMP" nc "$T/serial.nc" "$T/mpi.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == "ok "* ]]
    # provenance: the file says clio-mpi made it
    run ncdump -h "$T/mpi.nc"
    [[ "$output" == *"clio-mpi multipliers"* ]]
}

@test "the comparison can fail: one changed digit is found" {
    "$CLIO" multipliers "$DE" --format csv -q >"$T/a.csv"
    sed 's/^DE,agriculture,output,1,1\.70/DE,agriculture,output,1,1.71/' "$T/a.csv" >"$T/b.csv"
    ! cmp -s "$T/a.csv" "$T/b.csv"
    run /usr/bin/python3 "$CMP" csv "$T/a.csv" "$T/b.csv"
    [ "$status" -eq 1 ]
    [[ "$output" == *"not ok: ('DE', 'agriculture', 'output') effect"* ]]
    run /usr/bin/python3 "$CMP" csv-norm "$T/a.csv" "$T/b.csv"
    [ "$status" -eq 1 ]
}

@test "missing table: exit 4 on every rank, the message once" {
    for method in scalapack petsc; do
        [ "$method" = scalapack ] || need_petsc
        run mpi 2 multipliers "$T/no-such.nc" --method "$method"
        [ "$status" -eq 4 ]
        [[ "$output" == *"clio-mpi multipliers: error: "*"no-such.nc"* ]]
        [ "$(grep -c 'error:' <<<"$output")" -eq 1 ]
    done
}

@test "non-productive table: exit 11 naming the sector, dense and sparse, 2 and 4 ranks" {
    mkdir -p "$T/np"
    printf 'sector,a,b\na,60,50\nb,60,50\n' >"$T/np/Z.csv" # spectral radius of A 1.1
    printf 'sector,output\na,100\nb,100\n' >"$T/np/x.csv"
    printf 'sector,households\na,1\nb,1\n' >"$T/np/Y.csv"
    for np in 2 4; do
        run mpi "$np" multipliers "$T/np" -q --block 1
        [ "$status" -eq 11 ]
        [[ "$output" == *"not productive: a unit of final demand for every sector needs output -10 of sector 'a'"* ]]
        "$CLIO_MPI" --help | grep -q "petsc available" || continue
        run mpi "$np" multipliers "$T/np" -q --method petsc
        [ "$status" -eq 11 ]
        [[ "$output" == *"not productive: the output multiplier of sector 'a'"* ]]
    done
    printf 'sector,change\na,1\n' >"$T/d.csv"
    need_petsc
    run mpi 2 impact "$T/np" --demand "$T/d.csv" -q --method petsc
    [ "$status" -eq 11 ]
}

@test "singular I - A: exit 10 naming the sector (ScaLAPACK's zero pivot)" {
    mkdir -p "$T/sing"
    printf 'sector,a,b\na,0,100\nb,100,0\n' >"$T/sing/Z.csv"
    printf 'sector,output\na,100\nb,100\n' >"$T/sing/x.csv"
    printf 'sector,households\na,0\nb,0\n' >"$T/sing/Y.csv"
    run mpi 2 multipliers "$T/sing" --block 1 -q
    [ "$status" -eq 10 ]
    [[ "$output" == *"singular"*"sector 'b'"* ]]
}

@test "bad demand file: unknown sector exit 6 and missing file exit 4, on every rank" {
    printf 'sector,change\nspaceships,5\n' >"$T/d.csv"
    run mpi 2 impact "$DE" --demand "$T/d.csv"
    [ "$status" -eq 6 ]
    [[ "$output" == *"spaceships"* ]]
    run mpi 4 impact "$DE" --demand "$T/none.csv"
    [ "$status" -eq 4 ]
    [[ "$output" == *"none.csv"* ]]
}

@test "unwritable output: exit 12 on every rank, no file" {
    run mpi 2 multipliers "$DE" -o "$T/no/dir/m.nc"
    [[ "$output" == *"m.nc"* ]]
    [ "$status" -eq 12 ]
    [ ! -e "$T/no/dir/m.nc" ]
    run mpi 2 multipliers "$DE" -o "$T/m.csv" -q
    [ "$status" -eq 0 ]
    [ -s "$T/m.csv" ] && [ -z "$output" ]
}

@test "usage errors: exit 64, the message once" {
    run mpi 2 multipliers "$DE" --method lu
    [ "$status" -eq 64 ]
    [[ "$output" == *"--method must be 'scalapack' or 'petsc', not 'lu'"* ]]
    [ "$(grep -c 'usage:' <<<"$output")" -eq 1 ]
    run mpi 2 impact "$DE"
    [ "$status" -eq 64 ]
    [[ "$output" == *"impact needs --demand"* ]]
    run mpi 1 multipliers "$DE" --block 0
    [ "$status" -eq 64 ]
    run mpi 1 explode "$DE"
    [ "$status" -eq 64 ]
    run mpi 1 --help
    [ "$status" -eq 0 ]
    [[ "$output" == *"block Jacobi + ILU(0)"* ]]
}

@test "a build without PETSc refuses --method petsc with status 2 on every rank" {
    "$CLIO_MPI" --help | grep -q "petsc not available" || skip "this clio-mpi has PETSc"
    run mpi 2 multipliers "$DE" --method petsc
    [ "$status" -eq 2 ]
    [[ "$output" == *"built without PETSc"* ]]
}
