#!/usr/bin/python3
"""pymrio_check.py -- the pymrio side of clio's pymrio round trip (tests/cli/pymrio.bats).

pymrio itself is not packaged for Debian, so this does what it does with pandas:

  make SRC DST          write the flat CSVs of ../shared/data/pymrio_testmrio (SOURCE.md) as the
                        text folder pymrio's IOSystem.save_all writes: file_parameters.json, Z.txt,
                        Y.txt, unit.txt, metadata.json, and extension folders emissions/ and
                        factor_inputs/ (F.txt, F_Y.txt, unit.txt, file_parameters.json)
  matrixset SRC DIR     compare clio's matrix-set export DIR (of the imported folder) with the
                        source CSVs: every number, relative 1e-12
  load DIR SRC          read DIR the way pymrio.load_all does (pandas read_csv with the index and
                        header counts from each file_parameters.json) and compare with SRC
Exit status 0 when everything matches; messages name what differs.
"""
import json
import os
import sys

import numpy as np
import pandas as pd

RTOL = 1e-12
# Units of the test MRIO (SOURCE.md): money in Mill USD, emissions in kg.
MONEY = "Mill USD"


def flat(src, name):
    """A flat CSV of SRC: keys 'a|b' in the first column and the header."""
    return pd.read_csv(os.path.join(src, name), index_col=0)


def split(keys, names):
    """'a|b' keys as a pandas MultiIndex with level names."""
    return pd.MultiIndex.from_tuples([tuple(k.split("|", 1)) for k in keys], names=names)


def save_frame(df, folder, key, params):
    """DataFrame.to_csv as pymrio's save does, and its file_parameters.json entry."""
    df.to_csv(os.path.join(folder, key + ".txt"), sep="\t")
    nic = df.index.nlevels
    nh = df.columns.nlevels
    params["files"][key] = {"name": key + ".txt", "nr_index_col": str(nic), "nr_header": str(nh)}


def make(src, dst):
    os.makedirs(dst)
    Z = flat(src, "Z.csv")
    Y = flat(src, "Y.csv")
    sectors = split(Z.index, ["region", "sector"])
    Z.index, Z.columns = sectors, sectors
    Y.index, Y.columns = sectors, split(Y.columns, ["region", "category"])
    unit = pd.DataFrame({"unit": [MONEY] * len(sectors)}, index=sectors)
    params = {"files": {}, "systemtype": "IOSystem", "name": "testmrio"}
    for key, df in (("Z", Z), ("Y", Y), ("unit", unit)):
        save_frame(df, dst, key, params)
    with open(os.path.join(dst, "file_parameters.json"), "w") as f:
        json.dump(params, f, indent=4)
    with open(os.path.join(dst, "metadata.json"), "w") as f:
        json.dump({"name": "testmrio", "description": "pymrio test MRIO, converted by "
                   "tests/python/pymrio_check.py", "system": "pxp", "version": "v1",
                   "history": []}, f, indent=4)

    F = flat(src, "F_emissions.csv")
    FY = flat(src, "F_Y_emissions.csv")
    stress = split(F.index, ["stressor", "compartment"])
    F.index, F.columns = stress, sectors
    FY.index, FY.columns = stress, Y.columns
    ext(dst, "emissions", "Emissions", F, FY, ["kg"] * len(F))
    V = flat(src, "F_factor_inputs.csv")
    V.index = pd.Index(V.index, name="inputtype")
    V.columns = sectors
    ext(dst, "factor_inputs", "Factor Inputs", V, None, [MONEY] * len(V))


def ext(dst, folder, name, F, FY, units):
    d = os.path.join(dst, folder)
    os.makedirs(d)
    params = {"files": {}, "systemtype": "Extension", "name": name}
    save_frame(F, d, "F", params)
    if FY is not None:
        save_frame(FY, d, "F_Y", params)
    save_frame(pd.DataFrame({"unit": units}, index=F.index), d, "unit", params)
    with open(os.path.join(d, "file_parameters.json"), "w") as f:
        json.dump(params, f, indent=4)


failures = []


def same(what, got, want):
    """Labels equal and numbers within RTOL (relative to the larger magnitude)."""
    got = got.astype(float)
    want = want.astype(float)
    if list(got.index) != list(want.index) or list(got.columns) != list(want.columns):
        failures.append(f"{what}: labels differ: rows {list(got.index)[:3]}... vs "
                        f"{list(want.index)[:3]}..., columns {list(got.columns)[:3]}... vs "
                        f"{list(want.columns)[:3]}...")
        return
    g, w = got.to_numpy(), want.to_numpy()
    bad = np.abs(g - w) > RTOL * np.maximum(np.abs(w), 1e-300)
    bad &= ~((g == 0) & (w == 0))
    if bad.any():
        i, j = np.argwhere(bad)[0]
        failures.append(f"{what}: {bad.sum()} numbers differ, first at "
                        f"({got.index[i]}, {got.columns[j]}): {g[i, j]!r} vs {w[i, j]!r}")
    else:
        print(f"ok {what}: {g.size} numbers within {RTOL:g}")


def matrixset(src, d):
    Z, Y = flat(src, "Z.csv"), flat(src, "Y.csv")
    same("Z", flat(d, "Z.csv"), Z)
    same("Y", flat(d, "Y.csv"), Y)
    # x is not shipped: pymrio's convention x = Z 1 + Y 1.
    x = pd.DataFrame({"output": Z.sum(axis=1) + Y.sum(axis=1)})
    same("x", flat(d, "x.csv"), x)
    S = flat(d, "satellites.csv")
    units = S.pop("unit")
    F = flat(src, "F_emissions.csv")
    F.index = ["emissions:" + k for k in F.index]
    V = flat(src, "F_factor_inputs.csv")
    V.index = ["factor_inputs:" + k for k in V.index]
    same("satellites", S.loc[list(F.index) + list(V.index)], pd.concat([F, V]))
    if len(S) != len(F) + len(V):
        failures.append(f"satellites: {len(S)} rows, want {len(F) + len(V)}")
    if list(units[F.index]) != ["kg"] * len(F) or list(units[V.index]) != [MONEY] * len(V):
        failures.append(f"satellite units: {list(units)}")
    SY = flat(d, "satellites_Y.csv")
    SY.pop("unit") if "unit" in SY.columns else None
    FY = flat(src, "F_Y_emissions.csv")
    FY.index = ["emissions:" + k for k in FY.index]
    same("satellites_Y", SY.loc[FY.index], FY)


def load(d, src):
    """Read every table as pymrio.load does and compare with SRC."""
    def read(folder):
        with open(os.path.join(folder, "file_parameters.json")) as f:
            para = json.load(f)
        out = {}
        for key, spec in para["files"].items():
            nic, nh = int(spec["nr_index_col"]), int(spec["nr_header"])
            out[key] = pd.read_csv(os.path.join(folder, spec["name"]), sep="\t",
                                   index_col=list(range(nic)) if nic > 1 else 0,
                                   header=list(range(nh)) if nh > 1 else 0)
        return para, out

    para, core = read(d)
    if para["systemtype"] != "IOSystem":
        failures.append(f"{d}: systemtype {para['systemtype']}")
    Z = core["Z"]
    if list(Z.index.names) != ["region", "sector"] or list(Z.columns.names) != ["region", "sector"]:
        failures.append(f"Z level names: {Z.index.names} / {Z.columns.names}")
    if list(core["Y"].columns.names) != ["region", "category"]:
        failures.append(f"Y column level names: {core['Y'].columns.names}")
    flatten = lambda idx: ["|".join(map(str, k)) if isinstance(k, tuple) else str(k) for k in idx]

    def flat_frame(df):
        df = df.copy()
        df.index, df.columns = flatten(df.index), flatten(df.columns)
        return df

    same("pymrio Z", flat_frame(Z), flat(src, "Z.csv"))
    same("pymrio Y", flat_frame(core["Y"]), flat(src, "Y.csv"))
    Zs, Ys = flat(src, "Z.csv"), flat(src, "Y.csv")
    x = pd.DataFrame({"indout": Zs.sum(axis=1) + Ys.sum(axis=1)})
    same("pymrio x", flat_frame(core["x"]), x)
    if set(core["unit"]["unit"]) != {MONEY}:
        failures.append(f"core unit: {set(core['unit']['unit'])}")
    subs = sorted(s for s in os.listdir(d)
                  if os.path.isfile(os.path.join(d, s, "file_parameters.json")))
    if subs != ["emissions", "factor_inputs"]:
        failures.append(f"extension folders: {subs}")
        return
    para, em = read(os.path.join(d, "emissions"))
    if para["systemtype"] != "Extension":
        failures.append(f"emissions: systemtype {para['systemtype']}")
    if list(em["F"].index.names) != ["stressor", "compartment"]:
        failures.append(f"emissions F index names: {em['F'].index.names}")
    same("pymrio emissions F", flat_frame(em["F"]), flat(src, "F_emissions.csv"))
    same("pymrio emissions F_Y", flat_frame(em["F_Y"]), flat(src, "F_Y_emissions.csv"))
    if list(em["unit"]["unit"]) != ["kg", "kg"]:
        failures.append(f"emissions units: {list(em['unit']['unit'])}")
    _, fi = read(os.path.join(d, "factor_inputs"))
    same("pymrio factor_inputs F", flat_frame(fi["F"]), flat(src, "F_factor_inputs.csv"))


def main(argv):
    if len(argv) != 4 or argv[1] not in ("make", "matrixset", "load"):
        print(__doc__, file=sys.stderr)
        return 64
    {"make": make, "matrixset": matrixset, "load": load}[argv[1]](argv[2], argv[3])
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
