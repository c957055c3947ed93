#!/usr/bin/python3
"""sam_check.py -- clio sam against an independent numpy computation.

usage: sam_check.py DIR D.csv C.csv T.csv|- COLUMN MULT.csv K.csv PR.csv

DIR is a one-region matrix-set folder (Z.csv, Y.csv, V.csv, x.csv); D, C, T
the distribution, consumption and transfer files (T may be '-'); COLUMN the
household-consumption column; MULT.csv, K.csv, PR.csv what `clio sam
--format csv --miyazawa K.csv --decomposition PR.csv` wrote.  numpy builds
the SAM's coefficient matrix An over production, factors and households,
inverts I - An densely (Ma), builds Pyatt-Round's M1, M2, M3 by their
definitions, and checks every number of the three files to 1e-10 relative
(absolute below 1e-12).  Exit 0 when all match.
"""
import csv
import sys

import numpy as np


def rows(path):
    with open(path, newline="") as fp:
        return [r for r in csv.reader(fp) if r]


def matrix(path):
    r = rows(path)
    return r[0][1:], [x[0] for x in r[1:]], np.array([[float(v) for v in x[1:]] for x in r[1:]])


def by_header(path):
    r = rows(path)
    return [dict(zip(r[0], x)) for x in r[1:]]


def main(argv):
    folder, dpath, cpath, tpath, column, mult, kpath, prpath = argv[1:9]
    sectors, _, Z = matrix(folder + "/Z.csv")
    fd_names, _, Y = matrix(folder + "/Y.csv")
    _, va_names, V = matrix(folder + "/V.csv")
    x = np.array([float(r[1]) for r in rows(folder + "/x.csv")[1:]])
    n = len(sectors)
    A = Z / x
    hh = Y[:, fd_names.index(column)]

    groups = []
    for r in by_header(dpath):
        if r["group"] not in groups:
            groups.append(r["group"])
    k = len(groups)
    Dfull = np.zeros((k, len(va_names)))
    for r in by_header(dpath):
        Dfull[groups.index(r["group"]), va_names.index(r["component"])] = float(r["share"])
    factors = [c for c in range(len(va_names)) if Dfull[:, c].sum() > 0]
    m = len(factors)
    D = Dfull[:, factors]
    F = V[factors, :] / x
    share = np.zeros((n, k))
    for r in by_header(cpath):
        share[sectors.index(r["sector"]), groups.index(r["group"])] = float(r["share"])
    H = np.zeros((k, k))
    if tpath != "-":
        for r in by_header(tpath):
            H[groups.index(r["to"]), groups.index(r["from"])] = float(r["share"])
    income = np.linalg.solve(np.eye(k) - H, D @ F @ x)
    C = hh[:, None] * share / income[None, :]

    # The SAM: production, factors, households.
    N = n + m + k
    P, Fa, Ho = slice(0, n), slice(n, n + m), slice(n + m, N)
    An = np.zeros((N, N))
    An[P, P], An[P, Ho], An[Fa, P], An[Ho, Fa], An[Ho, Ho] = A, C, F, D, H
    Ma = np.linalg.inv(np.eye(N) - An)
    L = np.linalg.inv(np.eye(n) - A)
    M1 = np.eye(N)
    M1[P, P], M1[Ho, Ho] = L, np.linalg.inv(np.eye(k) - H)
    Atil = An.copy()
    Atil[P, P] = 0
    Atil[Ho, Ho] = 0
    As = M1 @ Atil
    M2 = np.eye(N) + As + As @ As
    M3 = np.linalg.inv(np.eye(N) - As @ As @ As)
    assert np.allclose(M3 @ M2 @ M1, Ma, rtol=0, atol=1e-12 * abs(Ma).max())

    bad = []

    def check(what, got, want):
        if not abs(got - want) <= max(1e-10 * abs(want), 1e-12):
            bad.append(f"{what}: got {got!r}, want {want!r}")

    # Multipliers: income accounts and output.
    VH = D @ F
    K = Ma[Ho, Ho]
    open_income = VH @ L
    closed_income = Ma[Ho, P]
    closed_output = Ma[P, P].sum(axis=0)
    seen = 0
    for r in by_header(mult):
        j = sectors.index(r["sector"])
        acc = r["account"]
        if acc.startswith("income:") and acc != "income:households":
            h = groups.index(acc[7:])
            check(f"open income {acc} {r['sector']}", float(r["open_effect"]), open_income[h, j])
            check(f"closed income {acc} {r['sector']}", float(r["closed_effect"]),
                  closed_income[h, j])
            check(f"share {acc} {r['sector']}", float(r["closed_share"]),
                  closed_income[h, j] / closed_income[:, j].sum())
            seen += 1
        elif acc == "income:households":
            check(f"households {r['sector']}", float(r["closed_effect"]), closed_income[:, j].sum())
            seen += 1
        elif acc == "output":
            check(f"open output {r['sector']}", float(r["open_effect"]), L[:, j].sum())
            check(f"closed output {r['sector']}", float(r["closed_effect"]), closed_output[j])
            seen += 1
    if seen != n * (k + 2):
        bad.append(f"{mult}: {seen} rows checked, expected {n * (k + 2)}")

    # K, labelled by groups.
    cols, rlabels, Kgot = matrix(kpath)
    if cols != groups or rlabels != groups:
        bad.append(f"{kpath}: labels {cols} / {rlabels}, expected {groups}")
    else:
        for h in range(k):
            for g in range(k):
                check(f"K[{groups[h]},{groups[g]}]", Kgot[h, g], K[h, g])

    # Pyatt-Round, production columns.
    T = M1 - np.eye(N)
    O = (M2 - np.eye(N)) @ M1
    Cl = (M3 - np.eye(N)) @ M2 @ M1
    names = ["output"] + ["factor:" + va_names[c] for c in factors] + ["income:" + g for g in groups]
    count = 0
    for r in by_header(prpath):
        j = sectors.index(r["sector"])
        a = names.index(r["account"])
        rs = P if a == 0 else slice(n + a - 1, n + a)
        want = {"initial": np.eye(N)[rs, j].sum(), "transfer": T[rs, j].sum(),
                "open_loop": O[rs, j].sum(), "closed_loop": Cl[rs, j].sum(),
                "total": Ma[rs, j].sum()}
        for field, w in want.items():
            check(f"{r['account']} {r['sector']} {field}", float(r[field]), w)
        count += 1
    if count != n * len(names):
        bad.append(f"{prpath}: {count} rows, expected {n * len(names)}")

    for b in bad[:20]:
        print(b)
    print(f"sam_check: {len(bad)} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
