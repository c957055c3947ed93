#!/usr/bin/python3
"""same_csv.py A.csv B.csv -- two tidy CSVs of the same results agree to
1e-10 relative: same header and shape, text fields equal, numbers compared
relative to themselves, entries below 1e-9 of the largest against that floor
(NaN equals NaN).  Prints the largest difference; exit 1 above 1e-10.
Used by the solver tests (tests/cli/solvers.bats, sparse_solvers.bats)."""
import csv
import math
import sys


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


a = list(csv.reader(open(sys.argv[1])))
b = list(csv.reader(open(sys.argv[2])))
assert a[0] == b[0] and len(a) == len(b), "different shapes"
pairs = [(num(x), num(y), x, y) for ra, rb in zip(a[1:], b[1:]) for x, y in zip(ra, rb)]
big = max(abs(p[0]) for p in pairs if p[0] is not None and math.isfinite(p[0]))
worst = 0.0
for fx, fy, x, y in pairs:
    if fx is None:
        assert x == y, (x, y)
    elif not (math.isnan(fx) and math.isnan(fy)):
        worst = max(worst, abs(fx - fy) / max(abs(fx), 1e-9 * big))
print(f"{worst:.3g}")
sys.exit(0 if worst <= 1e-10 else 1)
