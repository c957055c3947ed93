#!/usr/bin/python3
"""report_check.py -- check a page written by `clio report` without clio.

usage: report_check.py REPORT.html [options]
  --results A.nc B.nc ...   the files the report was made from, in order: the
                            number of charts must be what each kind gets
                            (docs/report.md), counted here from the files
  --bar NC VAR ACCOUNT ROW  the bar (and table cell) of row ROW in NC's chart of
                            ACCOUNT must hold VAR(ROW, ACCOUNT) of NC exactly
                            (NC as given to clio report: charts are found by
                            their section's data-file)
  --cell NC ACCOUNT FROM TO the spillover heatmap's cell FROM -> TO must be the
                            mean over FROM's sectors of in:TO (numpy here)
  --point NC ROW            the key-sector scatter's point of ROW must be at
                            (backward_index, forward_index) of NC
  --dom DUMP.html           the DOM chromium --dump-dom printed: as many <svg>
                            and chart titles as the file
  --png SHOT.png            the screenshot: at least 5% of its pixels not white

Checks always: the HTML is well-formed (every element closed in order, void
elements aside), names no http(s) URL, has no script, and every <svg> has a
<title> first and sits in a figure with a table of numbers.  Prints one line
per check; exits 1 at the first failure.
"""
import html.parser
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}
RTOL = 1e-12


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


class Page(html.parser.HTMLParser):
    """Element tree checks and the charts: figures with caption, svg, marks, table."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.figures, self.svgs, self.errors = [], [], 0, []
        self.text_target = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.errors.append("a <script> element")
        for k, v in attrs:
            if v and re.search(r"(?i)\b(https?|ftp):", v):
                self.errors.append(f"a URL in {tag} {k}={v}")
        if tag == "section":
            self.section_file = a.get("data-file")
        if tag == "figure":
            self.figures.append({"file": getattr(self, "section_file", None), "caption": "", "svg": 0, "svg_title": None, "table": 0,
                                 "bars": [], "cells": [], "points": [], "rows": []})
        fig = self.figures[-1] if self.figures and "figure" in self.stack + [tag] else None
        if tag == "svg":
            self.svgs += 1
            self.expect_title = True
            if fig is not None:
                fig["svg"] += 1
        elif self.stack and self.stack[-1] == "svg" and getattr(self, "expect_title", False):
            if tag != "title":
                self.errors.append("an <svg> whose first child is not <title>")
            self.expect_title = False
        if fig is not None:
            if tag == "table":
                fig["table"] += 1
            if tag == "rect" and "data-value" in a:
                fig["bars" if "cell" not in a.get("class", "") else "cells"].append(
                    [float(a["data-value"]), ""])
            if tag == "circle" and "data-x" in a:
                fig["points"].append([float(a["data-x"]), float(a["data-y"]), ""])
            if tag == "tr":
                fig["rows"].append([])
            if tag == "td" and fig["rows"]:
                fig["rows"][-1].append([a.get("data-value"), ""])
        self.text_target = (fig, tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()
        self.text_target = None

    def handle_data(self, data):
        if re.search(r"(?i)\bhttps?://", data):
            self.errors.append(f"a URL in the text: {data.strip()[:80]}")
        if not self.text_target or not self.text_target[0]:
            return
        fig, tag = self.text_target
        if tag == "figcaption":
            fig["caption"] += data
        elif tag == "title" and self.stack[-2:-1] == ["rect"] and fig["bars"]:
            fig["bars"][-1][1] += data
        elif tag == "title" and self.stack[-2:-1] == ["rect"] and fig["cells"]:
            fig["cells"][-1][1] += data
        elif tag == "title" and self.stack[-2:-1] == ["circle"] and fig["points"]:
            fig["points"][-1][2] += data
        elif tag == "title" and self.stack[-2:-1] == ["svg"]:
            fig["svg_title"] = (fig["svg_title"] or "") + data
        elif tag in ("td", "th") and fig["rows"] and tag == "td" and fig["rows"][-1]:
            fig["rows"][-1][-1][1] += data


def close(a, b):
    return abs(a - b) <= RTOL * max(abs(a), abs(b), 1e-300)


def load(path):
    import netCDF4
    ds = netCDF4.Dataset(path)
    ds.set_auto_mask(False)
    return ds


def labels(ds, var):
    return [str(s) for s in ds[var][:]]


def expected_charts(path):
    """The charts docs/report.md promises for the file's kind."""
    import numpy as np
    ds = load(path)
    kind = ds.getncattr("clio_result_kind")
    na, nr = len(ds.dimensions["account"]), len(ds.dimensions["region"])
    if kind == "impact":
        return na * (2 if nr > 1 else 1)
    if kind == "multipliers":
        return na
    if kind == "linkages":
        return 1
    if kind == "spillovers":
        return 2 if nr > 1 else 1
    if kind == "scenarios":
        d = ds["delta_total"][:]
        changed = int(np.sum(np.any(np.nan_to_num(d) != 0, axis=0)))
        return changed + (len(ds.dimensions["scenario"]) if nr > 1 else 0)
    return None


def find_figure(page, nc, account, want):
    """The first chart of file nc for account that satisfies want."""
    for fig in page.figures:
        cap = fig["caption"]
        if fig["file"] == nc and (cap.endswith(": " + account) or (": " + account + " (") in cap) and want(fig):
            return fig
    fail(f"no chart of account {account} with what was asked")


def check_bar(page, nc, var, account, row):
    ds = load(nc)
    v = ds[var]
    rowdim = v.dimensions[0]
    i = labels(ds, rowdim).index(row)
    a = labels(ds, "account").index(account)
    want = float(v[i, a] if len(v.dimensions) == 2 else v[i])
    fig = find_figure(page, nc, account, lambda f: any(t.startswith(row + ": ") for _, t in f["bars"]))
    bar = [val for val, t in fig["bars"] if t.startswith(row + ": ")][0]
    cell = [r for r in fig["rows"] if r and r[0][1] == row]
    if not close(bar, want):
        fail(f"bar {row} of {account}: {bar!r} in the page, {want!r} in {nc}")
    if not cell or not close(float(cell[0][1][0]), want):
        fail(f"table row {row} of {account}: {cell} in the page, {want!r} in {nc}")
    print(f"bar {var}[{row}, {account}] = {bar!r} as in {nc} (bar and table)")


def check_cell(page, nc, account, frm, to):
    import numpy as np
    ds = load(nc)
    regions = labels(ds, "region")
    a = labels(ds, "account").index(account)
    mine = np.asarray(ds["sector_region"][:]) == regions.index(frm)
    want = float(np.mean(np.asarray(ds["in:" + to][:])[mine, a]))
    title = f"{frm} \u2192 {to}: "
    fig = find_figure(page, nc, account, lambda f: any(t.startswith(title) for _, t in f["cells"]))
    got = [val for val, t in fig["cells"] if t.startswith(title)][0]
    if abs(got - want) > 1e-12 * abs(want):
        fail(f"heatmap {frm} -> {to}: {got!r} in the page, {want!r} by numpy")
    print(f"heatmap {frm} -> {to} = {got!r}, the numpy mean of in:{to} over {frm}'s sectors")


def check_point(page, nc, row):
    ds = load(nc)
    i = labels(ds, "sector").index(row)
    x, y = float(ds["backward_index"][i, 0]), float(ds["forward_index"][i, 0])
    for fig in (f for f in page.figures if f["file"] == nc):
        for px, py, t in fig["points"]:
            if t.startswith(row + ": "):
                if not (close(px, x) and close(py, y)):
                    fail(f"point {row}: ({px}, {py}) in the page, ({x}, {y}) in {nc}")
                print(f"point {row} at ({px!r}, {py!r}) as in {nc}")
                return
    fail(f"no point for {row}")


def check_png(path, min_share=0.05):
    from PIL import Image
    im = Image.open(path).convert("L")
    w, h = im.size
    hist = im.histogram()
    dark = sum(hist[:245])
    share = dark / (w * h)
    if share < min_share:
        fail(f"{path}: only {share:.1%} of {w}x{h} pixels are not white")
    print(f"screenshot {w}x{h}: {share:.1%} of the pixels are not white")


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    text = open(args[0], encoding="utf-8").read()
    page = Page()
    page.feed(text)
    page.close()
    if page.stack:
        page.errors.append(f"elements left open: {page.stack}")
    if page.errors:
        fail("; ".join(page.errors[:5]))
    for fig in page.figures:
        if fig["svg"] != 1 or fig["table"] < 1 or not fig["svg_title"]:
            fail(f"figure '{fig['caption']}': {fig['svg']} svg, {fig['table']} tables, "
                 f"title {fig['svg_title']!r}")
        if fig["svg_title"] != fig["caption"]:
            fail(f"svg title {fig['svg_title']!r} is not the caption {fig['caption']!r}")
    print(f"well-formed: {page.svgs} charts, each titled in a figure with its numbers; no URL, "
          "no script")
    k = 1
    while k < len(args):
        opt = args[k]
        if opt == "--results":
            files = []
            k += 1
            while k < len(args) and not args[k].startswith("--"):
                files.append(args[k])
                k += 1
            want = sum(expected_charts(f) for f in files)
            if page.svgs != want:
                fail(f"{page.svgs} charts, {want} expected for {files}")
            print(f"{want} charts, as many as the {len(files)} files' kinds get")
            continue
        if opt == "--bar":
            check_bar(page, *args[k + 1:k + 5])
            k += 5
        elif opt == "--cell":
            check_cell(page, *args[k + 1:k + 5])
            k += 5
        elif opt == "--point":
            check_point(page, *args[k + 1:k + 3])
            k += 3
        elif opt == "--dom":
            dom = open(args[k + 1], encoding="utf-8").read()
            n = len(re.findall(r"<svg\b", dom))
            titles = len(re.findall(r'<title id="c\d+-t">', dom))
            if n != page.svgs or titles != page.svgs:
                fail(f"the browser's DOM has {n} svg and {titles} chart titles, the file "
                     f"{page.svgs}")
            print(f"the browser's DOM has the {n} charts and their titles")
            k += 2
        elif opt == "--png":
            check_png(args[k + 1])
            k += 2
        else:
            sys.exit(f"unknown option {opt}\n{__doc__}")
    print("all checks passed")


if __name__ == "__main__":
    main()
