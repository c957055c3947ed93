#!/usr/bin/python3
"""shared_value_check.py -- clio's cluster effects and shared-value
scorecard against numpy, with the Leontief inverse formed explicitly.

usage: shared_value_check.py TABLE_DIR GROUPS.csv EFFECTS.csv LINKAGES.csv
                             SCORECARD.csv WEIGHTS.csv AMOUNT

TABLE_DIR is a one-region matrix-set folder (Z, Y, x, V, satellites);
GROUPS.csv sector,group (clusters not overlapping); EFFECTS.csv is
`clio cluster-effects TABLE --groups GROUPS --format csv`, LINKAGES.csv its
--linkages file; SCORECARD.csv is `clio shared-value TABLE --per-cluster
GROUPS --amount AMOUNT --weights WEIGHTS -o SCORECARD.csv`.  Checked (1e-9
relative): every account's cluster total and in-cluster effect, the linkage
matrix, the scorecard's output, value added (V rows without imports, taxes on products, margins), jobs
(the employment satellite) and per-cost columns, and the scores, ranks and
Pareto flags recomputed from the scorecard's values.  Exit 0 when all
match, 1 otherwise.
"""
import csv
import sys

import numpy as np

RTOL = 1e-9
failures = 0


def check(got, want, what):
    global failures
    if abs(got - want) > RTOL * max(abs(want), 1e-9):
        print(f"MISMATCH {what}: clio {got!r}, numpy {want!r}")
        failures += 1


def read_labelled(path):
    with open(path, newline="") as fp:
        rows = list(csv.reader(fp))
    cols = rows[0][1:]
    names = [r[0] for r in rows[1:]]
    return names, cols, rows


def main(argv):
    table, groups_path, effects_path, linkage_path, card_path, weights_path, amount = argv
    amount = float(amount)
    sectors, _, rows = read_labelled(f"{table}/Z.csv")
    Z = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    _, _, rows = read_labelled(f"{table}/x.csv")
    x = np.array([float(r[1]) for r in rows[1:]])
    va_names, _, rows = read_labelled(f"{table}/V.csv")
    V = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    with open(f"{table}/satellites.csv", newline="") as fp:
        srows = list(csv.reader(fp))
    sat_names = [r[0] for r in srows[1:]]
    S = np.array([[float(v) for v in r[2:]] for r in srows[1:]])
    n = len(sectors)
    A = Z / x
    L = np.linalg.inv(np.eye(n) - A)
    D = np.vstack([np.ones(n), V / x, S / x])  # accounts x sectors
    accounts = ["output"] + va_names + sat_names

    with open(groups_path, newline="") as fp:
        grows = list(csv.DictReader(fp))
    names = []
    for r in grows:
        if r["group"] not in names:
            names.append(r["group"])
    G = len(names)
    member = np.zeros((n, G), dtype=bool)
    for r in grows:
        member[sectors.index(r["sector"]), names.index(r["group"])] = True
    W = np.where(member, x[:, None], 0.0)
    W = W / W.sum(axis=0)  # output mix
    X = L @ W

    with open(effects_path, newline="") as fp:
        for r in csv.DictReader(fp):
            g, a = names.index(r["sector"]), accounts.index(r["account"])
            effect = D[a] * X[:, g]
            check(float(r["total"]), effect.sum(), f"total {r['sector']} {r['account']}")
            check(float(r["in_cluster"]), effect[member[:, g]].sum(),
                  f"in_cluster {r['sector']} {r['account']}")
    _, cols, rows = read_labelled(linkage_path)
    M = {r[0]: [float(v) for v in r[1:]] for r in rows[1:]}
    for h in range(G):
        for g in range(G):
            check(M[names[h]][g], X[member[:, h], g].sum(), f"linkage {names[h]} <- {names[g]}")

    with open(card_path, newline="") as fp:
        card = list(csv.DictReader(fp))
    # not value added (as clio tbl): imports, taxes on products, margins
    imports = [k for k, v in enumerate(va_names)
               if "import" in v.lower() or "margin" in v.lower()
               or ("tax" in v.lower() and "product" in v.lower().replace("production", ""))]
    keep = [k for k in range(len(va_names)) if k not in imports]
    emp = 1 + len(va_names) + sat_names.index("employment")
    for g, r in enumerate(card):
        dx = amount * X[:, g]
        check(float(r["output"]), dx.sum(), f"scorecard output {r['option']}")
        va = sum((D[1 + k] * dx).sum() for k in keep)
        check(float(r["value_added"]), va, f"scorecard value_added {r['option']}")
        check(float(r["jobs"]), (D[emp] * dx).sum(), f"scorecard jobs {r['option']}")
        check(float(r["jobs/cost"]), (D[emp] * dx).sum() / amount, f"jobs/cost {r['option']}")

    # scores, ranks and the Pareto set from the scorecard's own values
    with open(weights_path, newline="") as fp:
        wrows = list(csv.DictReader(fp))
    crit = [w["criterion"] for w in wrows]
    w = np.array([float(v["weight"]) for v in wrows])
    w = w / w.sum()
    sign = np.array([-1.0 if v.get("direction") == "lower" else 1.0 for v in wrows])
    vals = np.array([[float(r[c]) for c in crit] for r in card]) * sign
    lo, hi = vals.min(axis=0), vals.max(axis=0)
    norm = np.where(hi > lo, (vals - lo) / np.where(hi > lo, hi - lo, 1), 1.0)
    score = norm @ w
    for o, r in enumerate(card):
        check(float(r["score"]), score[o], f"score {r['option']}")
        rank = 1 + int((score > score[o] + 1e-12 * (1 + abs(score[o]))).sum())
        check(float(r["rank"]), rank, f"rank {r['option']}")
        dominated = any(np.all(vals[p] >= vals[o]) and np.any(vals[p] > vals[o])
                        for p in range(len(card)) if p != o)
        check(float(r["pareto"]), 0.0 if dominated else 1.0, f"pareto {r['option']}")
    print(f"{G} clusters, {len(accounts)} accounts, {len(card)} options: "
          f"{'all match' if failures == 0 else f'{failures} mismatches'}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
