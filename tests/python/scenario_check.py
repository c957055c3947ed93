#!/usr/bin/env python3
"""Independent NumPy check of `clio scenario run` on the Germany 1995
example (examples/scenarios/germany_policies.yaml): every static scenario
is recomputed here from the table's CSV files with dense inverses and
explicit formulas, and the dynamic IIM by its recursion.

usage: scenario_check.py DATA_DIR RESULTS.csv SERIES.csv [RESULTS_TYPE_II.csv]
With the fourth file (a run with --type II, compensation_of_employees and
household_consumption), the demand and reshoring scenarios are checked in
the model closed for households too.  Prints one line per check; exits 1 on the first failure."""
import csv
import sys

import numpy as np


def read_matrix(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return rows[0][1:], [r[0] for r in rows[1:]], np.array(
        [[float(v) for v in r[1:]] for r in rows[1:]])


def read_satellites(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    return [r[0] for r in rows[1:]], np.array([[float(v) for v in r[2:]] for r in rows[1:]])


def load_results(path):
    out = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            if r["sector"] == "TOTAL":
                continue
            out.setdefault(r["scenario"], {}).setdefault(r["account"], []).append(
                (float(r["baseline"]), float(r["delta"]), r.get("binding", "")))
    return out


def close(name, got, want, rtol=1e-9, atol=1e-9):
    got, want = np.asarray(got, float), np.asarray(want, float)
    scale = max(np.max(np.abs(want)), 1.0)
    err = np.max(np.abs(got - want)) / scale if got.size else 0.0
    ok = got.shape == want.shape and err <= max(rtol, atol / scale)
    print(("ok" if ok else "FAILED") + f" - {name} (max scaled error {err:.2e})")
    if not ok:
        print("  got ", got, "\n  want", want)
        sys.exit(1)


def main(data, results_csv, series_csv, type2_csv=None):
    sectors, _, Z = read_matrix(f"{data}/Z.csv")
    categories, _, Y = read_matrix(f"{data}/Y.csv")
    _, va_names, V = read_matrix(f"{data}/V.csv")
    sat_names, S = read_satellites(f"{data}/satellites.csv")
    with open(f"{data}/x.csv") as f:
        x = np.array([float(r[1]) for r in list(csv.reader(f))[1:]])
    n = len(sectors)
    A = Z / x
    I = np.eye(n)
    L = np.linalg.inv(I - A)
    y0 = Y.sum(axis=1)
    x0 = L @ y0
    res = load_results(results_csv)
    idx = {s: i for i, s in enumerate(sectors)}
    cat = {c: k for k, c in enumerate(categories)}

    def delta(scn, account):
        return np.array([d for _, d, _ in res[scn][account]])

    def check_quantities(scn, dx, dy=None, dVc=None, col=None):
        close(f"{scn}: output", delta(scn, "output"), dx)
        if dy is not None:
            close(f"{scn}: final demand", delta(scn, "final_demand"), dy)
        for r, name in enumerate(va_names):
            want = V[r] / x * dx
            if dVc is not None:
                want[col] += dVc[r] * (x0[col] + dx[col])
            close(f"{scn}: {name}", delta(scn, name), want)
        for r, name in enumerate(sat_names):
            close(f"{scn}: {name} (jobs)", delta(scn, name), S[r] / x * dx)

    # demand: 1,000 of gross capital formation for construction
    dy = np.zeros(n)
    dy[idx["construction"]] = 1000
    check_quantities("construction_investment", L @ dy, dy)

    # lockdown: -25 % of household consumption of two sectors; then exports too
    grp = [idx["trade_transport"], idx["other_services"]]
    dy = np.zeros(n)
    dy[grp] = -0.25 * Y[grp, cat["household_consumption"]]
    check_quantities("lockdown_quarter", L @ dy, dy)
    dy[grp] += -0.25 * Y[grp, cat["exports"]]
    check_quantities("lockdown_with_exports", L @ dy, dy)

    # capacity: manufacturing at most 90 % of x0; exports +5 %: mixed model
    m = idx["manufacturing"]
    y = y0 + 0.05 * Y[:, cat["exports"]]
    U = [i for i in range(n) if i != m]
    xc = 0.9 * x0[m]
    xu = np.linalg.solve(I[np.ix_(U, U)] - A[np.ix_(U, U)], y[U] + A[U, m] * xc)
    xs = np.zeros(n)
    xs[U], xs[m] = xu, xc
    ymet = xs - A @ xs
    close("manufacturing_supply_break: output", delta("manufacturing_supply_break", "output"),
          xs - x0)
    close("manufacturing_supply_break: final demand met",
          delta("manufacturing_supply_break", "final_demand"), ymet - y0)
    binding = [b for _, _, b in res["manufacturing_supply_break"]["output"]]
    ok = binding == ["1" if i == m else "0" for i in range(n)]
    print(("ok" if ok else "FAILED") + " - manufacturing_supply_break: binding flags")
    if not ok:
        sys.exit(1)
    unmet = sum(delta("manufacturing_supply_break", f"unmet:{c}") for c in categories)
    close("manufacturing_supply_break: unmet demand = wanted - met", unmet, y - ymet)

    # reshoring: 20 % of manufacturing's imports bought from domestic inputs
    imp = va_names.index("imports")
    s_imp = 0.2 * V[imp, m] / x[m]
    dA = s_imp * A[:, m] / A[:, m].sum()
    A2 = A.copy()
    A2[:, m] += dA
    dVc = np.zeros(len(va_names))
    dVc[imp] = -s_imp
    x2 = np.linalg.solve(I - A2, y0)
    check_quantities("reshoring_manufacturing", x2 - x0, np.zeros(n), dVc, m)
    v0 = 1 - A.sum(axis=0)
    v2 = v0.copy()
    v2[m] += dVc.sum()
    close("reshoring_manufacturing: prices unchanged (column sums kept)",
          delta("reshoring_manufacturing", "price"),
          np.linalg.solve((I - A2).T, v2) - 1, atol=1e-12)

    # wage rise: cost-push prices dp = (I - A')^-1 dv
    comp = va_names.index("compensation_of_employees")
    dv = 0.05 * V[comp] / x
    close("wage_rise: price", delta("wage_rise", "price"), np.linalg.solve((I - A).T, dv))
    close("wage_rise: no quantity change", delta("wage_rise", "output"), np.zeros(n))

    # Ghosh: primary inputs of agriculture -10 %: dx' = dv' G, G = xhat^-1 L xhat
    a = idx["agriculture"]
    dv = np.zeros(n)
    dv[a] = -0.1 * V[:, a].sum()
    G = np.diag(1 / x) @ L @ np.diag(x)
    dx = dv @ G
    B = Z / x[:, None]
    close("energy_cost_shock_ghosh: output", delta("energy_cost_shock_ghosh", "output"), dx)
    close("energy_cost_shock_ghosh: final demand",
          delta("energy_cost_shock_ghosh", "final_demand"), dx * (1 - B.sum(axis=1)))

    # dynamic IIM: 30 % in the group for 90 periods, recovery 180 periods to 1 %
    Astar = Z / x[:, None]
    cstar = np.zeros(n)
    cstar[grp] = 0.3
    k = np.log(100.0) / (180 * (1 - np.diag(Astar)))
    q = np.zeros(n)
    path = [q]
    for t in range(365):
        c = cstar if t < 90 else np.zeros(n)
        q = np.clip(q + k * (Astar @ q + c - q), 0, 1)
        path.append(q)
    path = np.array(path)
    mean_q = (path[:-1] + path[1:]).sum(axis=0) / 2 / 365
    close("lockdown_inoperability: mean output loss", delta("lockdown_inoperability", "output"),
          -mean_q * x0, rtol=1e-9)
    got = {}
    with open(series_csv) as f:
        for r in csv.DictReader(f):
            if r["scenario"] == "lockdown_inoperability" and r["variable"] == "inoperability":
                got.setdefault(int(float(r["time"])), []).append(float(r["value"]))
    close("lockdown_inoperability: inoperability path",
          np.array([got[t] for t in range(366)]), path)

    # the phased lockdown: c*(t) = 0.4 in periods 0..29, 0.15 in 30..89
    q = np.zeros(n)
    path = [q]
    for t in range(365):
        c = np.zeros(n)
        c[grp] = 0.4 if t < 30 else 0.15 if t < 90 else 0.0
        q = np.clip(q + k * (Astar @ q + c - q), 0, 1)
        path.append(q)
    path = np.array(path)
    mean_q = (path[:-1] + path[1:]).sum(axis=0) / 2 / 365
    close("lockdown_phased: mean output loss (time-varying c*)",
          delta("lockdown_phased", "output"), -mean_q * x0)
    mean_c = np.zeros(n)
    mean_c[grp] = (0.4 * 30 + 0.15 * 60) / 365
    close("lockdown_phased: mean final-demand loss", delta("lockdown_phased", "final_demand"),
          -mean_c * x0)

    if type2_csv:
        check_type2(load_results(type2_csv), A, A2, Y, V, va_names, categories, x, x0, idx)


def check_type2(res, A, A2, Y, V, va_names, categories, x, x0, idx):
    """The closed model as one bordered matrix [[A, hc], [hr, 0]], solved
    densely; household spending at baseline income is endogenous."""
    n = len(x)
    comp = V[va_names.index("compensation_of_employees")]
    cons = Y[:, categories.index("household_consumption")]
    hr, hc = comp / x, cons / comp.sum()

    def closed(Am, y):
        M = np.zeros((n + 1, n + 1))
        M[:n, :n], M[:n, n], M[n, :n] = Am, hc, hr
        return np.linalg.solve(np.eye(n + 1) - M, np.append(y, 0.0))[:n]

    y_exo = Y.sum(axis=1) - cons
    dy = np.zeros(n)
    dy[idx["construction"]] = 1000
    out = lambda scn: np.array([d for _, d, _ in res[scn]["output"]])
    close("Type II construction_investment: output", out("construction_investment"),
          closed(A, y_exo + dy) - closed(A, y_exo))
    close("Type II reshoring_manufacturing: output", out("reshoring_manufacturing"),
          closed(A2, y_exo) - x0, rtol=1e-9)


if __name__ == "__main__":
    main(*sys.argv[1:5])
