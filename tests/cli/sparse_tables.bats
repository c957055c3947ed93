#!/usr/bin/env bats
# CLI tests of sparse (CSC) tables: clio convert --sparse/--dense, clio
# check on a sparse table, commands without a sparse path densify within the
# memory limit or refuse (exit 3) naming the size, clio generate --sparse
# (balanced, reproducible, K entries a column), and the file read by scipy
# and xarray without clio.

setup() {
    CLIO=${CLIO:-build/clio}
    T=$BATS_TEST_TMPDIR
    "$CLIO" import data/germany_1995 --region DE -o "$T/de.nc" -q
}

@test "convert --sparse: the same table, Z sparse; --dense gives it back" {
    run "$CLIO" convert "$T/de.nc" --sparse -o "$T/de-s.nc"
    [ "$status" -eq 0 ]
    run "$CLIO" check "$T/de-s.nc" --strict
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"6 sectors in 1 region(s), 5 final-demand, 6 value-added, 11 satellite rows; 0 sectors with zero output; Z sparse, 36 non-zero flows (100%); ok"* ]]
    "$CLIO" convert "$T/de-s.nc" --dense -o "$T/de-d.nc" -q
    run "$CLIO" check "$T/de-d.nc"
    [[ "$output" != *"sparse"* ]]
    # every number the same: the matrix-set exports agree byte for byte
    "$CLIO" export "$T/de.nc" -o "$T/a" -q
    "$CLIO" export "$T/de-s.nc" -o "$T/b" -q
    "$CLIO" export "$T/de-d.nc" -o "$T/c" -q
    diff -r "$T/a" "$T/b"
    diff -r "$T/a" "$T/c"
    # import of a folder straight to sparse NetCDF
    "$CLIO" import data/germany_1995 --region DE --sparse -o "$T/de-i.nc" -q
    run "$CLIO" check "$T/de-i.nc"
    [[ "$output" == *"Z sparse, 36 non-zero flows"* ]]
}

@test "a command without a sparse path densifies (noted with -v) and gives the dense results" {
    "$CLIO" convert "$T/de.nc" --sparse -o "$T/de-s.nc" -q
    run "$CLIO" linkages "$T/de-s.nc" -v
    [ "$status" -eq 0 ]
    [[ "$output" == *"is stored sparse (36 non-zero flows); made dense for clio linkages (288 bytes)"* ]]
    # multipliers and impact solve with the sparse table as it is
    run "$CLIO" multipliers "$T/de-s.nc" -v
    [ "$status" -eq 0 ]
    [[ "$output" != *"made dense"* ]]
    diff <("$CLIO" multipliers "$T/de.nc" -q) <("$CLIO" multipliers "$T/de-s.nc" -q)
    diff <("$CLIO" linkages "$T/de.nc" -q) <("$CLIO" linkages "$T/de-s.nc" -q)
    diff <("$CLIO" impact "$T/de.nc" --demand data/germany_1995/construction_shock.csv -q) \
         <("$CLIO" impact "$T/de-s.nc" --demand data/germany_1995/construction_shock.csv -q)
}

@test "too large to densify: exit 3 naming the size and the commands that read sparse tables" {
    "$CLIO" convert "$T/de.nc" --sparse -o "$T/de-s.nc" -q
    run "$CLIO" ghosh "$T/de-s.nc" --memory-limit 100
    echo "$output"
    [ "$status" -eq 3 ]
    [[ "$output" == *"de-s.nc is a sparse table of 6 sectors (36 non-zero flows); clio ghosh needs it dense, 6 x 6 doubles = 288 bytes, more than the memory limit of 100 bytes (--memory-limit)"* ]]
    [[ "$output" == *"Commands that read sparse tables: check, import, export, convert"* ]]
    # a CSV export needs every cell: refused too, and nothing is written
    run "$CLIO" export "$T/de-s.nc" -o "$T/out" --memory-limit 100
    [ "$status" -eq 3 ]
    [[ "$output" == *"a matrix-set CSV folder needs it dense"* ]]
    [ ! -e "$T/out" ]
    run "$CLIO" convert "$T/de-s.nc" --dense -o "$T/d.nc" --memory-limit 100
    [ "$status" -eq 3 ]
    [ ! -e "$T/d.nc" ]
    # within the limit, check and convert keep it sparse
    run "$CLIO" check "$T/de-s.nc" --memory-limit 100
    [ "$status" -eq 0 ]
    run "$CLIO" convert "$T/de-s.nc" -o "$T/copy.nc" --memory-limit 100
    [ "$status" -eq 0 ]
}

@test "convert: usage errors of --sparse and --dense" {
    run "$CLIO" convert "$T/de.nc" --sparse -o "$T/folder"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--sparse needs a NetCDF output (.nc)"* ]]
    run "$CLIO" convert "$T/de.nc" --sparse --dense -o "$T/x.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--sparse and --dense exclude each other"* ]]
    [ ! -e "$T/x.nc" ]
}

@test "generate --sparse: balanced to 1e-9, K entries a column, the same for the same seed" {
    run "$CLIO" generate --regions 6 --sectors 50 --sparse --nonzeros-per-column 7 --seed 3 -o "$T/g.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"6 regions x 50 sectors = 300 sectors, Z sparse"* ]]
    run "$CLIO" check "$T/g.nc" --strict --rtol 1e-9
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"300 sectors in 6 region(s), 30 final-demand, 3 value-added, 2 satellite rows; 0 sectors with zero output; Z sparse, 2100 non-zero flows"* ]]
    "$CLIO" generate --regions 6 --sectors 50 --sparse --nonzeros-per-column 7 --seed 3 -o "$T/h.nc" -q
    diff <(ncdump -v Z_column_start,Z_row,Z_value,Y,x "$T/g.nc" | sed -n '/^data:/,$p') \
         <(ncdump -v Z_column_start,Z_row,Z_value,Y,x "$T/h.nc" | sed -n '/^data:/,$p')
    # --sparse alone: 20 a column
    "$CLIO" generate --regions 2 --sectors 30 --sparse -o "$T/d.nc" -q
    run "$CLIO" check "$T/d.nc"
    [[ "$output" == *"Z sparse, 1200 non-zero flows"* ]]
    # its multipliers (densified here) exist and exceed 1
    run "$CLIO" multipliers "$T/d.nc" -q --format csv
    [ "$status" -eq 0 ]
}

@test "generate: usage errors of --nonzeros-per-column" {
    run "$CLIO" generate --regions 2 --sectors 3 --nonzeros-per-column 0 -o "$T/x.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"--nonzeros-per-column needs at least 1"* ]]
    run "$CLIO" generate --regions 2 --sectors 3 --nonzeros-per-column many -o "$T/x.nc"
    [ "$status" -eq 64 ]
    [ ! -e "$T/x.nc" ]
}

@test "scipy and xarray read a sparse file without clio" {
    /usr/bin/python3 -c 'import scipy.sparse, xarray' 2>/dev/null || skip "python3-scipy or python3-xarray is missing"
    "$CLIO" convert "$T/de.nc" --sparse -o "$T/de-s.nc" -q
    "$CLIO" generate --regions 3 --sectors 10 --sparse --nonzeros-per-column 4 -o "$T/g.nc" -q
    run /usr/bin/python3 - "$T" <<'PY'
import sys, numpy as np, xarray as xr, scipy.sparse as sp
d = sys.argv[1]
dense = xr.open_dataset(f"{d}/de.nc")
s = xr.open_dataset(f"{d}/de-s.nc")
assert s.attrs["Z_storage"] == "csc" and s.attrs["clio_format_version"] == 2
n = s.sizes["sector"]
Z = sp.csc_matrix((s.Z_value.values, s.Z_row.values, s.Z_column_start.values), shape=(n, n))
want = dense.Z.transpose("sector", "buying_sector").values
assert np.array_equal(Z.toarray(), want)
g = xr.open_dataset(f"{d}/g.nc")
n = g.sizes["sector"]
Z = sp.csc_matrix((g.Z_value.values, g.Z_row.values, g.Z_column_start.values), shape=(n, n))
assert Z.nnz == 4 * n and Z.has_sorted_indices
# balances: Z 1 + Y 1 = x and 1'Z + 1'V = x'
x = g.x.values
rows = np.asarray(Z.sum(axis=1)).ravel() + g.Y.values.sum(axis=0)
cols = np.asarray(Z.sum(axis=0)).ravel() + g.V.values.sum(axis=1)
assert np.max(np.abs(rows - x) / x) < 1e-9 and np.max(np.abs(cols - x) / x) < 1e-9
print("ok")
PY
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"ok"* ]]
}
