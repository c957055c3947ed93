#!/usr/bin/python3
"""footprint_check.py -- clio's footprints against pymrio's formulas.

pymrio itself is not needed: its calc_accounts (pymrio/tools/iomath.py) and
the regional aggregation with F_Y (Extension.calc_system) are re-implemented
here with numpy, step by step as pymrio does them (diagonalised final demand
per consumer region and product, x_diag = L Y_diag, domestic blocks zeroed
for trade), with L = inv(I - A) formed explicitly.

usage: footprint_check.py DATA_DIR BY_REGION.csv [BY_SECTOR.csv]

DATA_DIR holds pymrio-style flat CSVs: Z.csv, Y.csv, F_emissions.csv,
F_factor_inputs.csv, F_Y_emissions.csv (../shared/data/pymrio_testmrio).
BY_REGION.csv is `clio footprint DATA_DIR --format csv` (with --V
F_factor_inputs.csv --satellites F_emissions.csv --satellites-y
F_Y_emissions.csv); BY_SECTOR.csv the same with --by sector.  Every value is
compared to 1e-9 relative (against the larger of the value and 1e-9 of the
account's largest value).  Exit 0 when all match, 1 otherwise.
"""
import csv
import sys

import numpy as np

RTOL = 1e-9


def read_matrix(path):
    with open(path, newline="") as fp:
        rows = list(csv.reader(fp))
    cols = rows[0][1:]
    keys = [r[0] for r in rows[1:]]
    return keys, cols, np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def region(key):
    return key.split("|", 1)[0]


def pymrio_accounts(data):
    keys, _, Z = read_matrix(f"{data}/Z.csv")
    _, ycols, Y = read_matrix(f"{data}/Y.csv")
    regions = list(dict.fromkeys(region(k) for k in keys))
    nsec = len(keys) // len(regions)
    n = len(keys)
    x = Z.sum(1) + Y.sum(1)  # pymrio calc_x
    A = Z / x  # calc_A: Z diag(1/x)
    L = np.linalg.inv(np.eye(n) - A)  # calc_L
    # Y aggregated by consumer region, then diagonalised to (region, product)
    Yagg = np.column_stack([Y[:, [region(c) == r for c in ycols]].sum(1) for r in regions])
    Y_diag = np.zeros((n, len(regions) * nsec))
    for c in range(len(regions)):
        for i in range(n):
            Y_diag[i, c * nsec + i % nsec] = Yagg[i, c]
    x_diag = L @ Y_diag
    x_tot = x_diag.sum(1)
    x_trade = x_diag.copy()
    for r in range(len(regions)):  # set_dom_block(x_diag, 0)
        x_trade[r * nsec:(r + 1) * nsec, r * nsec:(r + 1) * nsec] = 0
    x_exp = x_trade.sum(1)

    accounts = {}

    def extension(names, F, FY):
        S = F / x  # calc_S
        D_cba = S @ x_diag
        D_pba = S * x_tot
        D_imp = S @ x_trade
        D_exp = S * x_exp
        agg = lambda D: np.column_stack(
            [D[:, r * nsec:(r + 1) * nsec].sum(1) for r in range(len(regions))])
        FY_agg = (np.column_stack([FY[:, [region(c) == r for c in ycols]].sum(1)
                                   for r in regions]) if FY is not None else 0)
        for k, name in enumerate(names):
            accounts[name] = {
                "region": {
                    "consumption": (agg(D_cba) + FY_agg)[k],
                    "production": (agg(D_pba) + FY_agg)[k],
                    "imported": agg(D_imp)[k],
                    "exported": agg(D_exp)[k],
                },
                "sector": {"production": D_pba[k], "exported": D_exp[k]},
            }

    extension(["output"], x[None, :], None)
    vnames, vcols, V = read_matrix(f"{data}/F_factor_inputs.csv")
    assert vcols == keys
    extension(vnames, V, None)
    fnames, fcols, F = read_matrix(f"{data}/F_emissions.csv")
    fynames, fycols, FY = read_matrix(f"{data}/F_Y_emissions.csv")
    assert fcols == keys and fynames == fnames and fycols == ycols
    extension(fnames, F, FY)
    return regions, keys, accounts


def read_clio(path):
    with open(path, newline="") as fp:
        return list(csv.DictReader(fp))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    regions, keys, acc = pymrio_accounts(sys.argv[1])
    failures, checked, worst = [], 0, 0.0

    def compare(got, want, scale, what):
        nonlocal checked, worst
        checked += 1
        ref = max(abs(want), 1e-9 * scale)
        worst = max(worst, abs(got - want) / ref if ref > 0 else abs(got - want))
        if not abs(got - want) <= RTOL * ref:
            failures.append(f"{what}: clio {got!r}, pymrio {want!r}")

    rows = read_clio(sys.argv[2])
    seen = set()
    for row in rows:
        a, r = row["account"], regions.index(row["region"])
        seen.add((a, r))
        for field, want in acc[a]["region"].items():
            scale = np.abs(want).max()
            compare(float(row[field]), want[r], scale, f"{row['region']} {a} {field}")
    if len(seen) != len(regions) * len(acc):
        failures.append(f"by region: {len(seen)} rows, expected {len(regions) * len(acc)}")

    if len(sys.argv) == 4:
        nsector = 0
        for row in read_clio(sys.argv[3]):
            if row["sector"] == "TOTAL":
                continue
            nsector += 1
            i = keys.index(f"{row['region']}|{row['sector']}")
            a = acc[row["account"]]["sector"]
            own = f"for:{row['region']}"
            exported = sum(float(v) for k, v in row.items()
                           if k.startswith("for:") and k != own)
            compare(float(row["production"]), a["production"][i],
                    np.abs(a["production"]).max(), f"{keys[i]} {row['account']} production")
            compare(exported, a["exported"][i], np.abs(a["exported"]).max(),
                    f"{keys[i]} {row['account']} exported (sum of for:c, c != own region)")
        if nsector != len(keys) * len(acc):
            failures.append(f"by sector: {nsector} rows, expected {len(keys) * len(acc)}")

    for f in failures[:20]:
        print("MISMATCH", f)
    print(f"{checked} values compared with pymrio's formulas, {len(failures)} mismatches "
          f"(relative tolerance {RTOL:g}; worst relative difference {worst:.2g})")
    sys.exit(1 if failures or checked == 0 else 0)


if __name__ == "__main__":
    main()
