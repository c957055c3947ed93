#!/usr/bin/python3
"""spillover_check.py -- clio's spillovers against dense numpy.

usage: spillover_check.py DIR SPILLOVERS.csv [V.csv SATELLITES.csv]

DIR is a matrix-set folder (Z.csv, Y.csv, no x.csv: x = Z 1 + Y 1) with
V.csv and satellites.csv (or the file names given); SPILLOVERS.csv is
`clio spillovers DIR --format csv`.  Here L = inv(I - A) and each
single-region inverse inv(I - A_ss) are formed explicitly, and every field
of every sector and account is compared to 1e-9 relative (against the
larger of the value and 1e-9 of the account's largest total).  feedback is
the difference of two nearly equal numbers where little is traded (pymrio's
test MRIO: 1e-7 of intraregional), so it carries the rounding of both: it
is judged against 1e-5 of the sector's intraregional effect as well.  Exit
0 when all match.
"""
import csv
import sys

import numpy as np

RTOL = 1e-9


def read_matrix(path, units=False):
    with open(path, newline="") as fp:
        rows = list(csv.reader(fp))
    first = 2 if units and len(rows[0]) > 1 and rows[0][1] == "unit" else 1
    return ([r[0] for r in rows[1:]], rows[0][first:],
            np.array([[float(v) for v in r[first:]] for r in rows[1:]]))


def main():
    if len(sys.argv) not in (3, 5):
        sys.exit(__doc__)
    d = sys.argv[1]
    vfile, sfile = (sys.argv[3], sys.argv[4]) if len(sys.argv) == 5 else ("V.csv",
                                                                          "satellites.csv")
    keys, _, Z = read_matrix(f"{d}/Z.csv")
    _, _, Y = read_matrix(f"{d}/Y.csv")
    vnames, _, V = read_matrix(f"{d}/{vfile}")
    snames, _, S = read_matrix(f"{d}/{sfile}", units=True)
    n = len(keys)
    region = [k.split("|", 1)[0] for k in keys]
    regions = list(dict.fromkeys(region))
    x = Z.sum(1) + Y.sum(1)
    A = Z / x
    L = np.linalg.inv(np.eye(n) - A)
    names = ["output"] + vnames + snames
    D = np.vstack([np.ones(n), V / x, S / x])  # direct coefficients per account
    want = {}
    for a, name in enumerate(names):
        inr = {r: np.array([(D[a] * [region[i] == r for i in range(n)]) @ L[:, j]
                            for j in range(n)]) for r in regions}
        intra = np.array([inr[region[j]][j] for j in range(n)])
        total = D[a] @ L
        single = np.zeros(n)
        for r in regions:
            idx = [i for i in range(n) if region[i] == r]
            Ls = np.linalg.inv(np.eye(len(idx)) - A[np.ix_(idx, idx)])
            single[idx] = D[a][idx] @ Ls
        fields = {"intraregional": intra, "spillover": total - intra, "total": total,
                  "single_region": single, "feedback": intra - single}
        fields.update({f"in:{r}": inr[r] for r in regions})
        want[name] = fields

    failures, checked, worst, rows = [], 0, 0.0, 0
    with open(sys.argv[2], newline="") as fp:
        for row in csv.DictReader(fp):
            rows += 1
            j = keys.index(f"{row['region']}|{row['sector']}")
            fields = want[row["account"]]
            scale = np.abs(fields["total"]).max()
            for name, values in fields.items():
                got, w = float(row[name]), values[j]
                ref = max(abs(w), 1e-9 * scale)
                if name == "feedback":
                    ref = max(ref, 1e-5 * abs(fields["intraregional"][j]))
                checked += 1
                worst = max(worst, abs(got - w) / ref)
                if not abs(got - w) <= RTOL * ref:
                    failures.append(f"{keys[j]} {row['account']} {name}: clio {got!r}, "
                                    f"numpy {w!r}")
    if rows != n * len(names):
        failures.append(f"{rows} rows, expected {n * len(names)}")
    for f in failures[:20]:
        print("MISMATCH", f)
    print(f"{checked} values compared with numpy, {len(failures)} mismatches (relative "
          f"tolerance {RTOL:g}; worst relative difference {worst:.2g})")
    sys.exit(1 if failures or checked == 0 else 0)


if __name__ == "__main__":
    main()
