#!/usr/bin/python3
"""clusters_check.py -- clio clusters against numpy, and a permuted table.

usage: clusters_check.py loadings DIR MEMBERS.csv
       clusters_check.py permute DIR OUT_DIR
       clusters_check.py same MEMBERS_A.csv MEMBERS_B.csv

loadings: DIR is a one-region matrix-set folder whose Feser-Bergman
similarity has one eigenvalue above 1 (one factor, so no rotation): the
similarity L_ij = max(r(x_i,x_j), r(y_i,y_j), r(x_i,y_j), r(y_i,x_j)) of
the purchases profiles x_i = Z[:,i]/sum and sales profiles y_i =
Z[i,:]/sum, its leading eigenvector v scaled by sqrt(lambda), sign so that
the largest entry is positive; the members clio wrote (role primary:
loading >= 0.6, secondary >= 0.35) and their strengths must match to 1e-9.
permute: write DIR's table with its sectors in a fixed shuffled order and
renamed "p_<name>" to OUT_DIR (Z, Y, x, V).
same: two member files describe the same clusters as sets of
(sector, role), with renamed sectors ("p_" prefix) mapped back and the
strengths equal to 1e-8.  Exit 0 when all match.
"""
import csv
import sys

import numpy as np


def read(path):
    with open(path, newline="") as fp:
        return [r for r in csv.reader(fp) if r]


def matrix(path):
    rows = read(path)
    return rows[0], [r[0] for r in rows[1:]], np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def loadings(folder, members):
    head, names, Z = matrix(folder + "/Z.csv")
    n = len(names)
    X = Z / Z.sum(axis=0)           # column i: i's purchases shares
    Y = (Z.T / Z.sum(axis=1))       # column i: i's sales shares
    C = np.corrcoef(np.hstack([X, Y]).T)
    L = np.maximum.reduce([C[:n, :n], C[n:, n:], C[:n, n:], C[n:, :n]])
    np.fill_diagonal(L, 1.0)
    w, V = np.linalg.eigh(L)
    if (w > 1).sum() != 1:
        print("expected one eigenvalue above 1, got", w)
        return 1
    a = V[:, -1] * np.sqrt(w[-1])
    if a[np.argmax(np.abs(a))] < 0:
        a = -a
    got = {(r[1], r[3]): float(r[4]) for r in read(members)[1:]}
    want = {(names[i], "primary" if a[i] >= 0.6 else "secondary"): a[i]
            for i in range(n) if a[i] >= 0.35}
    if set(got) != set(want):
        print("members differ:", sorted(got), sorted(want))
        return 1
    bad = [k for k in want if abs(got[k] - want[k]) > 1e-9 * max(1.0, abs(want[k]))]
    if bad:
        print("loadings differ:", [(k, got[k], want[k]) for k in bad])
        return 1
    print("ok: %d members, loadings match; eigenvalue %.6f, variance share %.6f"
          % (len(got), w[-1], w[-1] / n))
    return 0


def permute(folder, out):
    import os
    os.makedirs(out, exist_ok=True)
    head, names, Z = matrix(folder + "/Z.csv")
    n = len(names)
    perm = [(7 * k + 3) % n for k in range(n)]
    if sorted(perm) != list(range(n)):
        perm = list(reversed(range(n)))
    new = ["p_" + names[p] for p in perm]
    with open(out + "/Z.csv", "w", newline="") as fp:
        w = csv.writer(fp)
        w.writerow([head[0]] + new)
        for k, p in enumerate(perm):
            w.writerow([new[k]] + [repr(Z[p, q]) for q in perm])
    for name in ("Y.csv", "x.csv"):
        rows = read(folder + "/" + name)
        index = {r[0]: r for r in rows[1:]}
        with open(out + "/" + name, "w", newline="") as fp:
            w = csv.writer(fp)
            w.writerow(rows[0])
            for k, p in enumerate(perm):
                w.writerow([new[k]] + index[names[p]][1:])
    rows = read(folder + "/V.csv")
    col = {c: j for j, c in enumerate(rows[0])}
    with open(out + "/V.csv", "w", newline="") as fp:
        w = csv.writer(fp)
        w.writerow([rows[0][0]] + new)
        for r in rows[1:]:
            w.writerow([r[0]] + [r[col[names[p]]] for p in perm])
    return 0


def clusters(path):
    out = {}
    for r in read(path)[1:]:
        out.setdefault(r[2], {})[(r[1][2:] if r[1].startswith("p_") else r[1], r[3])] = float(r[4])
    return out


def same(a, b):
    ca, cb = clusters(a), clusters(b)
    sa = sorted(tuple(sorted(m)) for m in ca.values())
    sb = sorted(tuple(sorted(m)) for m in cb.values())
    if sa != sb:
        print("clusters differ:\n", sa, "\n", sb)
        return 1
    la = {k: v for m in ca.values() for k, v in m.items()}
    lb = {k: v for m in cb.values() for k, v in m.items()}
    worst = max(abs(la[k] - lb[k]) for k in la) if la else 0.0
    if worst > 1e-8:
        print("loadings differ by", worst)
        return 1
    print("ok: %d clusters, same members and roles; loadings within %.2g" % (len(ca), worst))
    return 0


def main(argv):
    if len(argv) == 4 and argv[1] == "loadings":
        return loadings(argv[2], argv[3])
    if len(argv) == 4 and argv[1] == "permute":
        return permute(argv[2], argv[3])
    if len(argv) == 4 and argv[1] == "same":
        return same(argv[2], argv[3])
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
