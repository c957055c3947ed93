#!/usr/bin/env bats
# Provenance in NetCDF outputs and `clio report`: the page for an impact,
# multipliers, linkages, spillovers and an impact on pymrio's test MRIO and
# the Germany scenario file, checked with Python (well-formed, no URL, the charts'
# numbers equal the files') and opened in headless Chromium (no console
# error, the charts in the DOM, a screenshot that is not blank); the
# errors, each with its exit status and nothing left behind.

# The results and the report, made once for the whole file.
setup_file() {
    export CLIO=${CLIO:-build/clio}
    export R=$BATS_FILE_TMPDIR
    PYMRIO=../shared/data/pymrio_testmrio
    "$CLIO" import data/germany_1995 --region DE --unit "EUR million" \
        --title "Germany 1995, Eurostat Manual Table 15.4" -o "$R/de.nc" -q
    "$CLIO" impact "$R/de.nc" --demand data/germany_1995/construction_shock.csv \
        -o "$R/impact.nc" -q >/dev/null
    "$CLIO" multipliers "$R/de.nc" -o "$R/multipliers.nc" -q >/dev/null
    "$CLIO" linkages "$R/de.nc" -o "$R/linkages.nc" -q >/dev/null
    "$CLIO" spillovers "$PYMRIO" --V F_factor_inputs.csv --satellites F_emissions.csv \
        -o "$R/spillovers.nc" -q >/dev/null
    "$CLIO" scenario run examples/scenarios/germany_policies.yaml -o "$R/scenarios.nc" -q \
        >/dev/null
    printf 'region,sector,change\nreg1,construction,1000\nreg3,food,500\n' >"$R/demand.csv"
    "$CLIO" impact "$PYMRIO" --V F_factor_inputs.csv --satellites F_emissions.csv \
        --demand "$R/demand.csv" -o "$R/mrio_impact.nc" -q >/dev/null
    "$CLIO" report "$R/impact.nc" "$R/multipliers.nc" "$R/linkages.nc" "$R/spillovers.nc" \
        "$R/scenarios.nc" "$R/mrio_impact.nc" -o "$R/report.html"
}

setup() {
    T=$BATS_TEST_TMPDIR
}

need_python() {
    /usr/bin/python3 -c 'import netCDF4, numpy' 2>/dev/null ||
        skip "python3-netcdf4 and numpy are not installed"
}

# Chromium, installed when missing and we may (scripts/install-deps.sh browser).
need_chromium() {
    command -v chromium >/dev/null || scripts/install-deps.sh browser >&2 ||
        skip "chromium is not installed and cannot be installed here"
    command -v chromium >/dev/null || skip "chromium is not installed"
    /usr/bin/python3 -c 'import PIL' 2>/dev/null || skip "python3-pil is not installed"
}

browser() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --enable-logging=stderr --v=0 "$@"
}

global() { # global attribute $2 of file $1, as ncdump prints it
    ncdump -h "$1" | sed -n "s/^[[:space:]]*:$2 = \"\(.*\)\" ;\$/\1/p"
}

# ---- provenance -------------------------------------------------------

@test "provenance: a multipliers .nc names its command, date and input with sha256sum's checksum" {
    SOURCE_DATE_EPOCH= "$CLIO" multipliers "$R/de.nc" -o "$T/m.nc" -q >/dev/null
    [ "$(global "$T/m.nc" clio_command)" = "clio multipliers $R/de.nc -o $T/m.nc -q" ]
    date=$(global "$T/m.nc" date_created)
    [[ "$date" =~ ^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z$ ]]
    [ "$(global "$T/m.nc" history)" = "$date: clio 0.1.0: clio multipliers $R/de.nc -o $T/m.nc -q" ]
    # one input, "SHA256  PATH  BYTES", the checksum as sha256sum computes it
    [ "$(global "$T/m.nc" clio_inputs)" = "$(sha256sum "$R/de.nc" | cut -d' ' -f1)  $R/de.nc  $(stat -c %s "$R/de.nc")\\n" ]
}

@test "provenance: a folder's CSV files are inputs, an existing output is not; SOURCE_DATE_EPOCH" {
    touch "$T/m.nc"
    SOURCE_DATE_EPOCH=86400 "$CLIO" multipliers data/germany_1995 -o "$T/m.nc" -q >/dev/null
    [ "$(global "$T/m.nc" date_created)" = "1970-01-02T00:00:00Z" ]
    [[ "$(global "$T/m.nc" history)" == "1970-01-02T00:00:00Z: clio 0.1.0: clio multipliers data/germany_1995 -o "* ]]
    global "$T/m.nc" clio_inputs | sed 's/\\n/\n/g' | awk 'NF { print $1 "  " $2 }' >"$T/inputs"
    sha256sum data/germany_1995/*.csv >"$T/expected"
    diff "$T/expected" "$T/inputs"
    ! grep -q 'm.nc' "$T/inputs"
}

@test "provenance: an argument with spaces is quoted so the command can be run again" {
    mkdir -p "$T/my dir"
    "$CLIO" linkages "$R/de.nc" -o "$T/my dir/l.nc" -q >/dev/null
    [ "$(global "$T/my dir/l.nc" clio_command | sed 's/\\\(.\)/\1/g')" = "clio linkages $R/de.nc -o '$T/my dir/l.nc' -q" ]
    "$CLIO" linkages "$R/de.nc" -o "$T/it's.nc" -q >/dev/null
    # ncdump escapes ' and \ with a backslash
    cmd=$(global "$T/it's.nc" clio_command | sed 's/\\\(.\)/\1/g')
    [ "$cmd" = "clio linkages $R/de.nc -o '$T/it'\\''s.nc' -q" ]
    # the shell runs it again as it was
    rm "$T/it's.nc"
    sh -c "\"$CLIO\" ${cmd#clio }" >/dev/null
    [ -s "$T/it's.nc" ]
}

# ---- the page ---------------------------------------------------------

@test "report: well-formed, no URL or script, every chart titled with its numbers, one per view" {
    need_python
    run /usr/bin/python3 tests/python/report_check.py "$R/report.html" --results \
        "$R/impact.nc" "$R/multipliers.nc" "$R/linkages.nc" "$R/spillovers.nc" "$R/scenarios.nc" \
        "$R/mrio_impact.nc"
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"charts, as many as the 6 files' kinds get"* ]]
}

@test "report: the charts' numbers are the files' (bars, key-sector points, spillover cells)" {
    need_python
    run /usr/bin/python3 tests/python/report_check.py "$R/report.html" \
        --bar "$R/impact.nc" total output construction \
        --bar "$R/impact.nc" total employment manufacturing \
        --bar "$R/multipliers.nc" effect output construction \
        --bar "$R/spillovers.nc" spillover output "reg1|electricity" \
        --bar "$R/scenarios.nc" delta_total output lockdown_quarter \
        --bar "$R/mrio_impact.nc" total output "reg3|food" \
        --bar "$R/mrio_impact.nc" total_region_total output reg1 \
        --bar "$R/mrio_impact.nc" total_region_total emission_type1\|air reg3 \
        --point "$R/linkages.nc" manufacturing \
        --cell "$R/spillovers.nc" output reg1 reg2
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"all checks passed"* ]]
}

@test "report: the summary, the key sectors and the provenance with the inputs' checksums" {
    grep -q '<th>regions</th><td>6: reg1, reg2, reg3, reg4, reg5, reg6</td>' "$R/report.html"
    grep -q 'Key sectors: backward against forward linkage index' "$R/report.html"
    grep -q 'key sectors (both &gt; 1)' "$R/report.html"
    grep -q "Spillovers between regions: output" "$R/report.html"
    # the impact's input: the table, with the checksum sha256sum gives
    sum=$(sha256sum "$R/de.nc" | cut -d' ' -f1)
    grep -q "<tr><td>$R/de.nc</td><td class=\"hash\">$sum</td>" "$R/report.html"
    grep -q "<code>clio impact $R/de.nc --demand data/germany_1995/construction_shock.csv -o $R/impact.nc -q</code>" "$R/report.html"
}

@test "report: opens in headless Chromium without errors, with every chart, not blank" {
    need_chromium
    need_python
    browser --dump-dom "file://$R/report.html" >"$T/dom.html" 2>"$T/dom.log"
    browser --screenshot="$T/shot.png" --window-size=1200,4000 "file://$R/report.html" \
        >/dev/null 2>"$T/shot.log"
    # the page logs nothing to the console and loads nothing
    ! grep -E 'CONSOLE|Failed to load|net::ERR|Uncaught' "$T/dom.log" "$T/shot.log"
    run /usr/bin/python3 tests/python/report_check.py "$R/report.html" --dom "$T/dom.html" \
        --png "$T/shot.png"
    echo "$output"
    [ "$status" -eq 0 ]
    [[ "$output" == *"the browser's DOM has the "*" charts and their titles"* ]]
}

@test "report: the Chromium console check does see an error (control)" {
    need_chromium
    printf '<!DOCTYPE html><title>x</title><script>console.error("boom")</script>\n' >"$T/bad.html"
    browser --dump-dom "file://$T/bad.html" >/dev/null 2>"$T/bad.log"
    grep -q 'CONSOLE.*boom' "$T/bad.log"
}

@test "report: text from the files is escaped" {
    "$CLIO" import data/germany_1995 --title "<script>alert('R&D')</script> \"x\"" \
        -o "$T/t.nc" -q
    "$CLIO" multipliers "$T/t.nc" -o "$T/m.nc" -q >/dev/null
    "$CLIO" report "$T/m.nc" -o "$T/r.html"
    ! grep -q '<script' "$T/r.html"
    grep -q '&lt;script&gt;alert(&#39;R&amp;D&#39;)&lt;/script&gt; &quot;x&quot;' "$T/r.html"
}

@test "report: a kind it does not know gets the table of its variables and its first field" {
    cat >"$T/clusters.cdl" <<'EOF'
netcdf clusters {
dimensions: sector = 3 ; account = 1 ; region = 1 ;
variables:
  string sector(sector) ; string sector_name(sector) ; int sector_region(sector) ;
  string region(region) ; string account(account) ; string account_unit(account) ;
  string cluster(sector) ;
  double strength(sector, account) ; double size(sector, account) ;
  :clio_result_kind = "clusters" ; :title = "made up" ;
data:
  sector = "a", "b", "c" ; sector_name = "a", "b", "c" ; sector_region = 0, 0, 0 ;
  region = "R" ; account = "output" ; account_unit = "EUR" ; cluster = "k1", "k1", "k2" ;
  strength = 0.5, 2.5, -1 ; size = 1, 2, 3 ;
}
EOF
    ncgen -4 -o "$T/clusters.nc" "$T/clusters.cdl"
    run "$CLIO" report "$T/clusters.nc" -o "$T/r.html"
    [ "$status" -eq 0 ]
    [ "$(grep -c '<svg' "$T/r.html")" -eq 1 ]
    grep -q '<figcaption>strength by sector: output (EUR)</figcaption>' "$T/r.html"
    grep -q '<tr><td>size</td><td>(sector, account)</td>' "$T/r.html"
    # largest |value| first: b (2.5), c (-1), a (0.5)
    [ "$(grep -o 'data-value="[^"]*"><title>[a-c]:' "$T/r.html" | tr '\n' ' ')" = 'data-value="2.5"><title>b: data-value="-1"><title>c: data-value="0.5"><title>a: ' ]
}

# ---- errors -----------------------------------------------------------

@test "report: a table is not a result (exit 5), nor is a CSV file (5); a missing file is 4" {
    run "$CLIO" report "$R/de.nc" -o "$T/r.html"
    [ "$status" -eq 5 ]
    [[ "$output" == *"de.nc': this is a clio table, not a result"* ]]
    run "$CLIO" report data/germany_1995/Z.csv -o "$T/r.html"
    [ "$status" -eq 5 ]
    [[ "$output" == *"Z.csv' is not a NetCDF file"* ]]
    run "$CLIO" report "$T/missing.nc" -o "$T/r.html"
    [ "$status" -eq 4 ]
    [[ "$output" == *"missing.nc"* ]]
    [ ! -e "$T/r.html" ]
}

@test "report: a result whose labels do not fit is refused (exit 5), naming the variable" {
    cat >"$T/bad.cdl" <<'EOF'
netcdf bad {
dimensions: sector = 2 ; account = 1 ; region = 1 ;
variables:
  string sector(sector) ; int sector_region(sector) ; string region(region) ;
  string account(account) ; double total(sector, account) ;
  :clio_result_kind = "impact" ;
data:
  sector = "a", "b" ; sector_region = 0, 3 ; region = "R" ; account = "output" ;
  total = 1, 2 ;
}
EOF
    ncgen -4 -o "$T/bad.nc" "$T/bad.cdl"
    run "$CLIO" report "$T/bad.nc" -o "$T/r.html"
    [ "$status" -eq 5 ]
    [[ "$output" == *"sector_region of sector 2 is 3, not a region index"* ]]
    sed -i 's/:clio_result_kind = "impact" ;//' "$T/bad.cdl"
    ncgen -4 -o "$T/bad.nc" "$T/bad.cdl"
    run "$CLIO" report "$T/bad.nc" -o "$T/r.html"
    [ "$status" -eq 5 ]
    [[ "$output" == *"not a clio result file (no clio_result_kind attribute)"* ]]
    [ ! -e "$T/r.html" ]
}

@test "report: an unwritable output is exit 12, leaves nothing and keeps an old report" {
    run "$CLIO" report "$R/linkages.nc" -o "$T/no/such/dir/r.html"
    [ "$status" -eq 12 ]
    [[ "$output" == *"cannot write '$T/no/such/dir/r.html'"* ]]
    echo old >"$T/r.html"
    mkdir "$T/dir.html"
    run "$CLIO" report "$R/linkages.nc" -o "$T/dir.html"
    [ "$status" -eq 12 ]
    [ "$(find "$T" -name '*.tmp.*' | wc -l)" -eq 0 ]
    run "$CLIO" report "$T/missing.nc" -o "$T/r.html"
    [ "$(cat "$T/r.html")" = old ]
}

@test "report: usage errors (no file, no -o) are exit 64" {
    run "$CLIO" report -o "$T/r.html"
    [ "$status" -eq 64 ]
    run "$CLIO" report "$R/linkages.nc"
    [ "$status" -eq 64 ]
    [[ "$output" == *"-o REPORT.html is required"* ]]
}
