#!/usr/bin/python3
"""netcdf_interop_check.py TABLE.nc RESULT.nc SRC -- clio's NetCDF files opened without clio.

TABLE.nc is the pymrio test MRIO imported by clio, RESULT.nc its multipliers, SRC the flat CSVs of
../shared/data/pymrio_testmrio.  Checks, with netCDF4.Dataset (the C library's Python binding) and
xarray: dimension names, coordinate variables holding the labels, values found by label equal
to the source CSVs, and the output multipliers equal to the column sums of the Leontief inverse
computed here with numpy (relative 1e-9).  Exit 0 when all hold.
"""
import sys

import netCDF4
import numpy as np
import pandas as pd
import xarray as xr


def main(table, result, src):
    Z = pd.read_csv(f"{src}/Z.csv", index_col=0)
    Y = pd.read_csv(f"{src}/Y.csv", index_col=0)
    F = pd.read_csv(f"{src}/F_emissions.csv", index_col=0)
    keys = list(Z.index)

    with netCDF4.Dataset(table) as nc:
        dims = set(nc.dimensions)
        assert {"sector", "buying_sector", "region", "final_demand", "account"} <= dims, dims
        assert nc["Z"].dimensions == ("buying_sector", "sector"), nc["Z"].dimensions
        assert list(nc["sector"][:]) == keys, "sector labels"
        assert list(nc["buying_sector"][:]) == keys, "buying_sector labels"
        assert list(nc["region"][:]) == [f"reg{r}" for r in range(1, 7)]
        assert nc["Z"].units == "Mill USD", nc["Z"].units
        i, j = keys.index("reg2|mining"), keys.index("reg1|food")
        assert nc["Z"][j, i] == Z.loc["reg2|mining", "reg1|food"]
        accounts = list(nc["account"][:])
        assert "emissions:emission_type1|air" in accounts, accounts
    print("ok netCDF4: dimensions, labels, units, Z by label")

    ds = xr.open_dataset(table)
    z = float(ds.Z.sel(sector="reg2|mining", buying_sector="reg1|food"))
    assert z == Z.loc["reg2|mining", "reg1|food"], z
    co2 = ds.satellite.sel(account="emissions:emission_type1|air")
    want = F.loc["emission_type1|air"].to_numpy()
    assert np.allclose(co2.sel(sector=keys).values, want, rtol=1e-12, atol=0)
    x = ds.x.sel(sector="reg3|trade")
    assert abs(float(x) - (Z.loc["reg3|trade"].sum() + Y.loc["reg3|trade"].sum())) <= 1e-12 * float(x)
    reg2 = ds.Z.where(ds.sector_region == 1, drop=True)  # rows of region reg2, by coordinate
    assert reg2.sizes["sector"] == 8
    print("ok xarray: sel by sector, buying_sector and account labels")

    A = Z.to_numpy() / (Z.sum(axis=1) + Y.sum(axis=1)).to_numpy()  # column j divided by x_j
    L = np.linalg.inv(np.eye(len(keys)) - A)
    m = xr.open_dataset(result)
    got = m.multiplier.sel(account="output", sector=keys).values
    assert np.allclose(got, L.sum(axis=0), rtol=1e-9, atol=0), np.max(np.abs(got / L.sum(axis=0) - 1))
    with netCDF4.Dataset(result) as nc:
        assert nc["multiplier"].dimensions == ("sector", "account")
        assert list(nc["sector"][:]) == keys
    print("ok result: multipliers by label equal numpy's column sums of (I - A)^-1")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    sys.exit(main(*sys.argv[1:]))
