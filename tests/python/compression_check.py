#!/usr/bin/python3
"""compression_check.py PLAIN.nc OTHER.nc... -- table files written with different
--compression settings, opened with xarray (no clio): every data variable of each OTHER
equals PLAIN's exactly, and the storage reported by netCDF4 is what the file claims
(contiguous, or chunked and deflated).  Prints one line per file; exit 0 when all hold.
"""
import sys

import netCDF4
import numpy as np
import xarray as xr


def main(plain, others):
    ref = xr.open_dataset(plain)
    names = [v for v in ("Z", "Y", "V", "satellite", "x") if v in ref]
    assert "Z" in names, names
    for path in others:
        ds = xr.open_dataset(path)
        for v in names:
            assert ds[v].dims == ref[v].dims, (path, v, ds[v].dims)
            assert np.array_equal(ds[v].values, ref[v].values), (path, v)
        assert list(ds["sector"].values) == list(ref["sector"].values), path
        with netCDF4.Dataset(path) as nc:
            filters = nc["Z"].filters()
            chunking = nc["Z"].chunking()
        print(f"ok {path}: {', '.join(names)} equal; Z chunking {chunking}, "
              f"deflate {filters.get('complevel', 0) if filters.get('zlib') else 0}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
