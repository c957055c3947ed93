#!/usr/bin/env bats
# Results of the structural-analysis commands saved as NetCDF (-o OUT.nc)
# and opened by Python xarray without clio: labelled dimensions, the class
# column of linkages, group rows without region, per-region fields.

setup() {
    CLIO=${CLIO:-build/clio}
    T=$BATS_TEST_TMPDIR
    LEATHER=tests/fixtures/leather
    /usr/bin/python3 -c 'import xarray' 2>/dev/null || skip "python3-xarray is missing"
    "$CLIO" import data/germany_1995 --region DE -o "$T/de.nc" -q
}

@test "xarray reads linkages (with classes), group extraction, footprints, spillovers, Type II" {
    printf 'region,sector,group\nDE,manufacturing,industry\nDE,construction,industry\n' >"$T/g.csv"
    "$CLIO" linkages "$T/de.nc" -q -o "$T/lk.nc"
    "$CLIO" extract "$T/de.nc" --groups "$T/g.csv" -q -o "$T/ex.nc"
    "$CLIO" footprint "$LEATHER" -q -o "$T/fp.nc"
    "$CLIO" spillovers "$LEATHER" -q -o "$T/sp.nc"
    "$CLIO" multipliers "$T/de.nc" --type II --households-income compensation_of_employees \
        --households-consumption household_consumption -q -o "$T/t2.nc"
    run /usr/bin/python3 - "$T" <<'PY'
import sys, xarray as xr
d = sys.argv[1]
lk = xr.open_dataset(f"{d}/lk.nc")
assert list(lk["class"].values) == ["key", "key", "backward", "weak", "forward", "weak"], lk["class"].values
assert abs(float(lk.total_backward.sel(sector="construction", account="output")) - 1.8136) < 1e-4
ex = xr.open_dataset(f"{d}/ex.nc")
assert list(ex.sector.values) == ["industry"] and int(ex.sector_region[0]) == -1
assert float(ex.total.sel(account="output")[0]) > 0
fp = xr.open_dataset(f"{d}/fp.nc")
net = fp["net:TUR"].sel(account="output").values
assert abs(net[0] + 16.0562) < 1e-3 and net[1] == 0, net  # ARG makes 16.06 less for TUR than TUR for ARG
assert abs(float(fp.consumption.sel(account="output").sum()) - float(fp.production.sel(account="output").sum())) < 1e-9
sp = xr.open_dataset(f"{d}/sp.nc")
out = sp.sel(account="output")
assert float(abs(out.intraregional + out.spillover - out.total).max()) < 1e-12
assert float(out.feedback.min()) > 0
t2 = xr.open_dataset(f"{d}/t2.nc")
o = t2.sel(account="output")
assert bool((o.type2_effect > o.type1_effect).all())
print("ok")
PY
    echo "$output"
    [ "$status" -eq 0 ]
    [ "$output" = "ok" ]
}
