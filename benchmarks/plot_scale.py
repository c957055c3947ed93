#!/usr/bin/python3
"""plot_scale.py RESULTS.jsonl OUT.svg -- time against n for clio and the
NumPy inverse approach (scale.sh's results), one panel per task, log-log.
Also writes OUT with .png.  Needs python3-matplotlib."""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TASKS = ["multipliers", "scenarios", "extraction"]
# one colour per method in every panel, dense and sparse alike
COLOURS = {"auto": "C0", "krylov": "C1", "lu": "C2", "lu-mixed": "C3", "series": "C4",
           "sparse-lu": "C5"}


def main(path, out):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    fig, axes = plt.subplots(1, len(TASKS), figsize=(13, 4.2), sharey=True)
    for ax, task in zip(axes, TASKS):
        series = {}
        for r in rows:
            if r["who"] == "clio" and r.get("task") == task:
                # a sparse table is another kind of problem: its own points,
                # not joined to the dense curve
                kind = " (sparse)" if r["case"].startswith("sparse:") else ""
                series.setdefault(f"clio {r['method']}{kind}", []).append((r["n"], r["time"]))
            elif r["who"] == "numpy" and f"{task}_s" in r["data"]:
                d = r["data"]
                t = d.get("load_s", 0) + d.get("inverse_s", 0) + d[f"{task}_s"]
                label = "SciPy spsolve" if "inverse_s" not in d else "NumPy inv(I - A)"
                series.setdefault(label, []).append((r["n"], t))
        for label, pts in sorted(series.items()):
            pts.sort()
            style = "k--o" if label.startswith(("NumPy", "SciPy")) else "-o"
            if label.endswith("(sparse)"):
                style = "s"
            width = 2.5 if label.startswith("clio auto") else 1.2
            method = label.split()[1] if label.startswith("clio ") else ""
            extra = {"color": COLOURS[method]} if method in COLOURS else {}
            ax.plot([p[0] for p in pts], [p[1] for p in pts], style, label=label, lw=width, ms=4,
                    **extra)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(task)
        ax.set_xlabel("sectors n")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    axes[0].set_ylabel("wall seconds (whole process)")
    fig.suptitle("clio vs NumPy/SciPy: time against table size (2 vCPU, see results-scale.md)")
    fig.tight_layout()
    fig.savefig(out)
    fig.savefig(out.rsplit(".", 1)[0] + ".png", dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
