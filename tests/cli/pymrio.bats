#!/usr/bin/env bats
# CLI tests of pymrio text folders: the pymrio test MRIO
# (../shared/data/pymrio_testmrio, flat CSVs) converted here into the
# folder pymrio's save_all writes, imported by clio (every number checked
# against the CSVs), exported with --format pymrio, read back the way
# pymrio.load_all reads (pandas), re-imported (equal); and the errors.

setup() {
    CLIO=${CLIO:-build/clio}
    SRC=../shared/data/pymrio_testmrio
    T=$BATS_TEST_TMPDIR
    PY=tests/python/pymrio_check.py
}

need_data() {
    [ -f "$SRC/Z.csv" ] || skip "pymrio test MRIO not found in ../shared/data"
    /usr/bin/python3 -c 'import pandas' 2>/dev/null || skip "python3-pandas is missing"
}

@test "pymrio round trip: save_all layout -> clio -> pymrio layout -> clio, every number kept" {
    need_data
    /usr/bin/python3 "$PY" make "$SRC" "$T/pm"
    run "$CLIO" import "$T/pm" -o "$T/t.nc"
    [ "$status" -eq 0 ]
    [[ "$output" == *"48 sectors in 6 region(s), 42 final-demand, 0 value-added, 3 satellite rows"* ]]
    # what clio read, against the source CSVs (relative 1e-12)
    "$CLIO" export "$T/t.nc" -o "$T/ms" -q
    run /usr/bin/python3 "$PY" matrixset "$SRC" "$T/ms"
    [ "$status" -eq 0 ]
    [[ "$output" == *"ok Z: 2304 numbers"* && "$output" == *"ok satellites_Y: 84 numbers"* ]]
    # clio's pymrio folder, read as pymrio.load_all would
    run "$CLIO" export "$T/t.nc" -o "$T/pm2" --format pymrio -q
    [ "$status" -eq 0 ]
    [ -f "$T/pm2/file_parameters.json" ] && [ -f "$T/pm2/emissions/F_Y.txt" ]
    run /usr/bin/python3 "$PY" load "$T/pm2" "$SRC"
    [ "$status" -eq 0 ]
    [[ "$output" == *"ok pymrio emissions F_Y: 84 numbers"* ]]
    # and back into clio: the same table
    "$CLIO" import "$T/pm2" -o "$T/t2.nc" -q
    "$CLIO" export "$T/t2.nc" -o "$T/ms2" -q
    diff -r "$T/ms" "$T/ms2"
    [ -z "$(ls "$T" | grep '\.tmp\.')" ] # no temporary folders left
}

@test "pymrio: --value-added-extension takes factor_inputs as V; other commands read the folder" {
    need_data
    /usr/bin/python3 "$PY" make "$SRC" "$T/pm"
    run "$CLIO" import "$T/pm" --value-added-extension factor_inputs -o "$T/v.nc" -q
    [ "$status" -eq 0 ]
    run "$CLIO" export "$T/v.nc" -o "$T/ms" -q
    [[ "$(head -1 "$T/ms/V.csv")" == component,reg1\|food,reg1\|mining,* ]]
    grep -q '^Value Added,111490.88,' "$T/ms/V.csv"
    # a pymrio folder works wherever a table does
    run "$CLIO" multipliers "$T/pm" -q --format csv
    [ "$status" -eq 0 ]
    [[ "${lines[0]}" == region,sector,account,* ]]
    run "$CLIO" import "$T/pm" --value-added-extension wages -o "$T/w.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"no extension folder 'wages' to read as value added"* ]]
    [ ! -e "$T/w.nc" ]
}

@test "pymrio errors: missing entry, shape, labels, NaN, unknown file, unreadable folder -> status and file:line" {
    need_data
    /usr/bin/python3 "$PY" make "$SRC" "$T/pm"
    cp -r "$T/pm" "$T/a"
    sed -i 's/"nr_index_col"/"nr_index"/' "$T/a/emissions/file_parameters.json"
    run "$CLIO" import "$T/a" -o "$T/a.nc"
    [ "$status" -eq 5 ]
    [[ "$output" == *"emissions/file_parameters.json: files entry 'F' needs \"nr_index_col\""* ]]

    cp -r "$T/pm" "$T/b"
    sed -i '4s/^reg1\tfood\t[^\t]*/reg1\tfood\tNaN/' "$T/b/Z.txt"
    run "$CLIO" import "$T/b" -o "$T/b.nc"
    [ "$status" -eq 8 ]
    [[ "$output" == *"b/Z.txt:4: column 'reg1|food': value 'NaN' is not finite"* ]]

    cp -r "$T/pm" "$T/c"
    sed -i 's/^reg2\tmining\t/reg2\tminerals\t/' "$T/c/Y.txt"
    run "$CLIO" import "$T/c" -o "$T/c.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"c/Y.txt:13: row 10 is 'reg2|minerals' but Z's rows has 'reg2|mining'"* ]]

    cp -r "$T/pm" "$T/d"
    printf 'region\tsector\tindout\nreg1\tfood\t1\n' >"$T/d/x.txt"
    sed -i 's/"files": {/"files": {"x": {"name": "x.txt", "nr_index_col": "2", "nr_header": "1"},/' "$T/d/file_parameters.json"
    run "$CLIO" import "$T/d" -o "$T/d.nc"
    [ "$status" -eq 7 ]
    [[ "$output" == *"d/x.txt: 1 rows, but Z's rows has 48"* ]]

    cp -r "$T/pm" "$T/e"
    sed -i 's/"F_Y":/"F_Z":/' "$T/e/emissions/file_parameters.json"
    run "$CLIO" import "$T/e" -o "$T/e.nc"
    [ "$status" -eq 5 ]
    [[ "$output" == *"unknown table 'F_Z' (file F_Y.txt)"* ]]

    cp -r "$T/pm" "$T/f"
    rm "$T/f/factor_inputs/F.txt"
    run "$CLIO" import "$T/f" -o "$T/f.nc"
    [ "$status" -eq 4 ]
    [[ "$output" == *"f/factor_inputs/F.txt: cannot open"* ]]

    run "$CLIO" import "$T/missing" -o "$T/g.nc"
    [ "$status" -eq 4 ]
    for x in a b c d e f g; do [ ! -e "$T/$x.nc" ]; done
}

@test "pymrio export: never a half folder; a non-pymrio folder is not replaced; a pymrio one is" {
    "$CLIO" import data/germany_1995 --region DE -o "$T/de.nc" -q
    mkdir "$T/mine" && echo keep >"$T/mine/notes.txt"
    run "$CLIO" export "$T/de.nc" --format pymrio -o "$T/mine"
    [ "$status" -eq 12 ]
    [[ "$output" == *"exists and is not a pymrio folder"* ]]
    [ "$(ls "$T/mine")" = notes.txt ]
    echo x >"$T/file"
    run "$CLIO" export "$T/de.nc" --format pymrio -o "$T/file/sub"
    [ "$status" -eq 12 ]
    run "$CLIO" export "$T/de.nc" --format pymrio -o "$T/de"
    [ "$status" -eq 0 ]
    run "$CLIO" export "$T/de.nc" --format=pymrio -o "$T/de" -q
    [ "$status" -eq 0 ]
    [ -z "$(ls "$T" | grep -e '\.tmp\.' -e '\.old\.')" ]
    # V rows went to factor_inputs in the table's unit; satellites to "satellites"
    grep -q 'compensation_of_employees' "$T/de/factor_inputs/F.txt"
    [ -f "$T/de/satellites/F.txt" ]
    if [ "$(id -u)" -ne 0 ]; then
        mkdir "$T/ro" && chmod 555 "$T/ro"
        run "$CLIO" export "$T/de.nc" --format pymrio -o "$T/ro/x"
        [ "$status" -eq 12 ]
        [ -z "$(ls "$T/ro")" ]
    fi
}

@test "NetCDF opened without clio: netCDF4 and xarray find values by label in a table and a result" {
    need_data
    /usr/bin/python3 -c 'import netCDF4, xarray' 2>/dev/null || skip "python3-netcdf4 or python3-xarray is missing"
    /usr/bin/python3 "$PY" make "$SRC" "$T/pm"
    "$CLIO" import "$T/pm" -o "$T/t.nc" -q
    "$CLIO" multipliers "$T/t.nc" -q -o "$T/m.nc"
    run /usr/bin/python3 tests/python/netcdf_interop_check.py "$T/t.nc" "$T/m.nc" "$SRC"
    [ "$status" -eq 0 ]
    [ "${#lines[@]}" -eq 3 ]
}

@test "NetCDF opened by R's ncdf4: labelled dimensions, Z by label (skipped without R)" {
    need_data
    command -v Rscript >/dev/null && Rscript -e 'library(ncdf4)' >/dev/null 2>&1 ||
        skip "R with ncdf4 (Debian r-cran-ncdf4) is not installed"
    /usr/bin/python3 "$PY" make "$SRC" "$T/pm"
    "$CLIO" import "$T/pm" -o "$T/t.nc" -q
    run Rscript -e '
        library(ncdf4)
        nc <- nc_open(commandArgs(TRUE)[1])
        s <- ncvar_get(nc, "sector")
        z <- ncvar_get(nc, "Z")   # R reverses NetCDF dimension order: z[sector, buying_sector]
        stopifnot(identical(names(nc$dim)[1:2], c("sector", "buying_sector")))
        cat(names(nc$dim), "\n")
        cat(format(z[which(s == "reg2|mining"), which(s == "reg1|food")], digits = 17), "\n")
        cat(ncatt_get(nc, "Z", "units")$value, "\n")' "$T/t.nc"
    [ "$status" -eq 0 ]
    [ "${lines[0]}" = "sector buying_sector region final_demand account " ]
    want=$(awk -F, '$1 == "reg2|mining" { print $2 }' "$SRC/Z.csv")
    awk -v g="${lines[1]}" -v w="$want" 'BEGIN { d = g - w; exit !(d <= 1e-12 * w && -d <= 1e-12 * w) }'
    [ "${lines[2]}" = "Mill USD " ]
}

@test "--layout oecd-icio: the synthetic ICIO fixture, balanced, with split countries and TLS/VA rows" {
    ICIO=tests/fixtures/icio/icio_synthetic.csv
    run "$CLIO" import "$ICIO" --layout oecd-icio --strict -o "$T/icio"
    [ "$status" -eq 0 ]
    [[ "$output" == *"6 sectors in 3 region(s), 6 final-demand, 2 value-added, 0 satellite rows"* ]]
    [ "$(head -1 "$T/icio/Z.csv")" = "region|sector,AUS|01T02,AUS|C10T12,MX1|01T02,MX1|C10T12,ROW|01T02,ROW|C10T12" ]
    grep -q '^MX1|C10T12,4,5,42,43,8,9$' "$T/icio/Z.csv"
    grep -q '^AUS|C10T12,110,-3,4,9,6,11$' "$T/icio/Y.csv"
    grep -q '^value_added,123,143,145,175,167,197$' "$T/icio/V.csv"
    grep -q '^taxes_less_subsidies,2,3,4,5,6,7$' "$T/icio/V.csv"
    grep -q '^ROW|C10T12,354$' "$T/icio/x.csv"
    # as published, final demand of a split country is under its own code
    # (MEX_HFCE, not MX1_HFCE): it goes to the domestic part MX1
    sed 's/MX1_HFCE/MEX_HFCE/; s/MX1_GFCF/MEX_GFCF/' "$ICIO" >"$T/mex.csv"
    run "$CLIO" import "$T/mex.csv" --layout oecd-icio --strict -o "$T/mex"
    [ "$status" -eq 0 ]
    diff "$T/icio/Y.csv" "$T/mex/Y.csv"
}

@test "--layout oecd-icio errors: file:line and status" {
    ICIO=tests/fixtures/icio/icio_synthetic.csv
    sed 's/^TLS,/TAXES,/' "$ICIO" >"$T/a.csv"
    run "$CLIO" import "$T/a.csv" --layout oecd-icio -o "$T/a.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"a.csv:8: row 'TAXES' is not an industry row nor TLS, VA or OUT"* ]]
    sed '3s/^AUS_C10T12,20,/AUS_C10T13,20,/' "$ICIO" >"$T/b.csv"
    run "$CLIO" import "$T/b.csv" --layout oecd-icio -o "$T/b.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"b.csv:3: row 'AUS_C10T13' is not column 3's industry 'AUS_C10T12'"* ]]
    sed '4s/,32,/,nan,/' "$ICIO" >"$T/c.csv"
    run "$CLIO" import "$T/c.csv" --layout oecd-icio -o "$T/c.nc"
    [ "$status" -eq 8 ]
    [[ "$output" == *"c.csv:4: column 'MX1_01T02': value 'nan' is not finite"* ]]
    sed '1s/ROW_GFCF/CAN_GFCF/' "$ICIO" >"$T/d.csv"
    run "$CLIO" import "$T/d.csv" --layout oecd-icio -o "$T/d.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"d.csv:1: final-demand column 'CAN|GFCF' names country 'CAN', which has no industries"* ]]
    grep -v '^OUT,' "$ICIO" >"$T/e.csv"
    run "$CLIO" import "$T/e.csv" --layout oecd-icio -o "$T/e.nc"
    [ "$status" -eq 5 ]
    [[ "$output" == *"e.csv: no OUT (total output) row"* ]]
    run "$CLIO" import "$ICIO" --layout eora -o "$T/f.nc"
    [ "$status" -eq 2 ]
    [[ "$output" == *"unknown layout 'eora' (known: oecd-icio, wiod-niot)"* ]]
    run "$CLIO" import "$ICIO" --layout oecd-icio --spec x.yaml -o "$T/g.nc"
    [ "$status" -eq 64 ]
    for x in a b c d e f g; do [ ! -e "$T/$x.nc" ]; done
}

@test "--layout wiod-niot: WIOD 2016 national table for Germany 2014 and 2000, balanced, values as published" {
    NIOT=../shared/data/wiod_2016_niot_sea/niot_DEU_2000_2014.csv
    [ -f "$NIOT" ] || skip "WIOD 2016 NIOT files not found in ../shared/data"
    run "$CLIO" import "$NIOT" --layout wiod-niot --region DEU --strict -o "$T/deu"
    [ "$status" -eq 0 ]
    [[ "$output" == *"56 sectors in 1 region(s), 6 final-demand, 7 value-added"* ]]
    # published cells of 2014 (Domestic A01 -> C10-C12, GO of C29, VA of F), straight from the CSV
    want=$(awk -F, '$1 == 2014 && $2 == "A01" && $0 ~ /,Domestic,/' "$NIOT" | /usr/bin/python3 -c '
import csv, sys; r = next(csv.reader(sys.stdin)); print(r[8])')
    got=$(awk -F, '$1 == "A01" { print $6 }' "$T/deu/Z.csv")
    awk -v g="$got" -v w="$want" 'BEGIN { d = g - w; exit !(w > 0 && d <= 1e-12 * w && -d <= 1e-12 * w) }'
    run /usr/bin/python3 - "$NIOT" "$T/deu" <<'PY'
import sys, pandas as pd
d = pd.read_csv(sys.argv[1]); y = d[d.Year == 2014]
ind = list(d.columns[4:60])
tot = y[y.Origin == "TOT"].set_index("Code")
imp = y[y.Origin == "Imports"][ind].sum()
V = pd.read_csv(f"{sys.argv[2]}/V.csv", index_col=0)
x = pd.read_csv(f"{sys.argv[2]}/x.csv", index_col=0)
assert list(V.index) == ["imports", "TXSP", "EXP_adj", "PURR", "PURNR", "VA", "IntTTM"]
for code in ["TXSP", "VA", "IntTTM"]:
    assert (abs(V.loc[code].values - tot.loc[code, ind].values) <= 1e-9 * abs(tot.loc[code, ind].values) + 1e-12).all(), code
assert (abs(V.loc["imports"].values - imp.values) <= 1e-9 * abs(imp.values) + 1e-9).all()
go = tot.loc["GO", ind].values
assert (abs(x.iloc[:, 0].values - go) <= 1e-12 * go).all()
print("ok")
PY
    [ "$status" -eq 0 ]
    run "$CLIO" import "$NIOT" --layout wiod-niot --year 2000 --strict -q -o "$T/deu2000.nc"
    [ "$status" -eq 0 ]
    run "$CLIO" import "$NIOT" --layout wiod-niot --year 1999 -o "$T/x.nc"
    [ "$status" -eq 6 ]
    [[ "$output" == *"no rows for year 1999"* ]]
    run "$CLIO" import "$NIOT" --layout wiod-niot --year 20x4 -o "$T/x.nc"
    [ "$status" -eq 64 ]
    head -1 "$NIOT" >"$T/bad.csv"
    awk -F, '$1 == 2014' "$NIOT" | sed '3s/,Domestic,/,Foreign,/' >>"$T/bad.csv"
    run "$CLIO" import "$T/bad.csv" --layout wiod-niot -o "$T/x.nc"
    [ "$status" -eq 5 ]
    [[ "$output" == *"bad.csv:4: Origin 'Foreign' (want Domestic, Imports or TOT)"* ]]
    [ ! -e "$T/x.nc" ]
}
