/* report.c -- clio_html_report: one self-contained HTML page for a set of
 * result files.  Per file: a summary of the table and result, the charts
 * of its kind (report_views.c), every variable's range, and the run's
 * provenance.  The page is built in memory, then written atomically. */
#include "provenance.h"
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 24 /* regions and fields listed in a summary before "..." */

static const char STYLE[] =
    "body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:0 auto;max-width:1180px;"
    "padding:0 1.2em 3em;color:#1a1a1a;background:#fff;line-height:1.45}\n"
    "h1{margin:.8em 0 .2em}h2{margin-top:2em;border-bottom:2px solid #0072B2;padding-bottom:.2em}\n"
    "table{border-collapse:collapse;font-size:.85em;margin:.4em 0}\n"
    "th,td{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    "table.kv th{width:9em;color:#444}\n"
    "figure.chart{margin:1.2em 0;padding:.8em;border:1px solid #e3e3e3;border-radius:6px}\n"
    "figcaption{font-weight:bold;margin-bottom:.5em}\n"
    ".pair{display:flex;flex-wrap:wrap;gap:1.2em;align-items:flex-start}\n"
    ".pair table{max-height:32em;overflow:auto;display:block}\n"
    "svg.plot{max-width:100%;height:auto;font-family:inherit}\n"
    "svg .grid{stroke:#e6e6e6}svg .line{stroke:#444}\n"
    "svg .ref{stroke:#444;stroke-dasharray:5 4}\n"
    "svg text.value{font-size:11px}svg text.point{font-size:10px}\n"
    "svg text.quadrant{font-weight:bold}svg text.unit{font-style:italic}\n"
    "svg rect.cell{stroke:#fff}svg rect.swatch{stroke:#999}\n"
    ".note{color:#555;font-size:.9em}\n"
    "code,.hash{font-family:'DejaVu Sans Mono',monospace;font-size:.85em;word-break:break-all}\n";

static void heading_text(rp_page *p, const char *tag, const char *text)
{
    clioi_rp_printf(p, "<%s>", tag);
    clioi_rp_text(p, text);
    clioi_rp_printf(p, "</%s>\n", tag);
}

static void kv_row(rp_page *p, const char *key, const char *value)
{
    if (!value)
        return;
    clioi_rp_printf(p, "<tr><th>");
    clioi_rp_text(p, key);
    clioi_rp_printf(p, "</th><td>");
    clioi_rp_text(p, value);
    clioi_rp_printf(p, "</td></tr>\n");
}

/* "N: a, b, c, ..." for a list of names. */
static void kv_names(rp_page *p, const char *key, char *const *names, size_t n)
{
    clioi_rp_printf(p, "<tr><th>");
    clioi_rp_text(p, key);
    clioi_rp_printf(p, "</th><td>%zu", n);
    for (size_t k = 0; k < n && k < MAX_NAMES; k++) {
        clioi_rp_printf(p, k ? ", " : ": ");
        clioi_rp_text(p, names[k]);
    }
    clioi_rp_printf(p, "%s</td></tr>\n", n > MAX_NAMES ? ", \xE2\x80\xA6" : "");
}

static void summary(rp_page *p, const rp_file *f)
{
    heading_text(p, "h3", "Summary");
    clioi_rp_printf(p, "<table class=\"kv\">\n");
    kv_row(p, "file", f->path);
    kv_row(p, "result", f->kind);
    kv_row(p, "table", f->title);
    kv_names(p, "regions", f->region, f->len[RP_REGION]);
    clioi_rp_printf(p, "<tr><th>rows</th><td>%zu sectors</td></tr>\n", f->len[RP_SECTOR]);
    if (f->len[RP_SCENARIO])
        kv_names(p, "scenarios", f->scenario, f->len[RP_SCENARIO]);
    clioi_rp_printf(p, "<tr><th>fields</th><td>%zu", f->nvars);
    for (size_t k = 0; k < f->nvars && k < MAX_NAMES; k++) {
        clioi_rp_printf(p, k ? ", " : ": ");
        clioi_rp_text(p, f->vars[k].name);
    }
    clioi_rp_printf(p, "%s</td></tr>\n</table>\n", f->nvars > MAX_NAMES ? ", \xE2\x80\xA6" : "");
    clioi_rp_printf(p, "<table class=\"accounts\">\n<thead><tr><th>account</th><th>unit</th>"
                       "</tr></thead>\n<tbody>\n");
    for (size_t a = 0; a < f->len[RP_ACCOUNT]; a++) {
        clioi_rp_printf(p, "<tr><td>");
        clioi_rp_text(p, f->account[a]);
        clioi_rp_printf(p, "</td><td>");
        clioi_rp_text(p, f->account_unit ? f->account_unit[a] : "");
        clioi_rp_printf(p, "</td></tr>\n");
    }
    clioi_rp_printf(p, "</tbody>\n</table>\n");
}

/* Every numeric variable with its dimensions and range. */
static void variables(rp_page *p, const rp_file *f)
{
    static const char *const dim_names[RP_NDIMS] = {"scenario", "sector", "region", "account"};
    clioi_rp_printf(p, "<details>\n<summary>All %zu variables: dimensions and range</summary>\n"
                       "<table class=\"vars\">\n<thead><tr><th>variable</th><th>dimensions</th>"
                       "<th>min</th><th>max</th><th>undefined</th></tr></thead>\n<tbody>\n",
                    f->nvars);
    for (size_t k = 0; k < f->nvars; k++) {
        const rp_var *v = &f->vars[k];
        double lo = INFINITY, hi = -INFINITY;
        size_t nan = 0;
        for (size_t i = 0; i < v->count; i++) {
            if (isnan(v->values[i])) {
                nan++;
                continue;
            }
            lo = fmin(lo, v->values[i]);
            hi = fmax(hi, v->values[i]);
        }
        clioi_rp_printf(p, "<tr><td>");
        clioi_rp_text(p, v->name);
        clioi_rp_printf(p, "</td><td>(");
        for (int d = 0; d < v->ndims; d++)
            clioi_rp_printf(p, "%s%s", d ? ", " : "", dim_names[v->dims[d]]);
        clioi_rp_printf(p, ")</td>");
        clioi_rp_cell(p, nan == v->count ? NAN : lo);
        clioi_rp_cell(p, nan == v->count ? NAN : hi);
        clioi_rp_printf(p, "<td class=\"num\">%zu</td></tr>\n", nan);
    }
    clioi_rp_printf(p, "</tbody>\n</table>\n</details>\n");
}

/* One line of clio_inputs, "SHA256  PATH  BYTES", as a table row. */
static void input_row(rp_page *p, const char *line, size_t len)
{
    char *copy = malloc(len + 1);
    if (!copy) {
        p->failed = 1;
        return;
    }
    memcpy(copy, line, len);
    copy[len] = '\0';
    char *first = strstr(copy, "  "), *last = NULL;
    for (char *s = first ? strstr(first + 2, "  ") : NULL; s; s = strstr(s + 2, "  "))
        last = s;
    clioi_rp_printf(p, "<tr>");
    if (first && last) {
        *first = *last = '\0';
        clioi_rp_printf(p, "<td>");
        clioi_rp_text(p, first + 2);
        clioi_rp_printf(p, "</td><td class=\"hash\">");
        clioi_rp_text(p, copy);
        clioi_rp_printf(p, "</td><td class=\"num\">");
        clioi_rp_text(p, last + 2);
        clioi_rp_printf(p, "</td>");
    } else {
        clioi_rp_printf(p, "<td colspan=\"3\">");
        clioi_rp_text(p, copy);
        clioi_rp_printf(p, "</td>");
    }
    clioi_rp_printf(p, "</tr>\n");
    free(copy);
}

static void provenance(rp_page *p, const rp_file *f)
{
    heading_text(p, "h3", "Provenance");
    clioi_rp_printf(p, "<table class=\"kv provenance\">\n");
    kv_row(p, "clio version", f->clio_version);
    kv_row(p, "created", f->date_created);
    clioi_rp_printf(p, "<tr><th>command</th><td><code>");
    clioi_rp_text(p, f->command ? f->command : "(not recorded)");
    clioi_rp_printf(p, "</code></td></tr>\n");
    kv_row(p, "history", f->history);
    clioi_rp_printf(p, "<tr><th>this file</th><td><span class=\"hash\">%s</span> (%llu bytes)"
                       "</td></tr>\n</table>\n",
                    f->sha256, f->bytes);
    if (!f->inputs || !f->inputs[0]) {
        clioi_rp_printf(p, "<p class=\"note\">No input files recorded (the file was written "
                           "before clio recorded its inputs, or by a program that did not "
                           "call clio_provenance_set).</p>\n");
        return;
    }
    clioi_rp_printf(p, "<table class=\"inputs\">\n<thead><tr><th>input</th><th>SHA-256</th>"
                       "<th>bytes</th></tr></thead>\n<tbody>\n");
    for (const char *s = f->inputs; *s;) {
        size_t len = strcspn(s, "\n");
        if (len)
            input_row(p, s, len);
        s += len + (s[len] == '\n');
    }
    clioi_rp_printf(p, "</tbody>\n</table>\n");
}

static const char *file_heading(const rp_file *f)
{
    return f->title && f->title[0] ? f->title : f->path;
}

static void file_section(rp_page *p, const rp_file *f, size_t k)
{
    clioi_rp_printf(p, "<section id=\"f%zu\" data-file=\"", k + 1);
    clioi_rp_text(p, f->path);
    clioi_rp_printf(p, "\">\n<h2>%zu. ", k + 1);
    clioi_rp_text(p, f->kind);
    clioi_rp_printf(p, ": ");
    clioi_rp_text(p, file_heading(f));
    clioi_rp_printf(p, "</h2>\n");
    if (f->description)
        heading_text(p, "p", f->description);
    summary(p, f);
    heading_text(p, "h3", "Charts");
    int before = p->nfigures;
    clioi_rp_views(p, f);
    if (p->nfigures == before)
        heading_text(p, "p", "No chart: nothing in this result has a chart of its own.");
    variables(p, f);
    provenance(p, f);
    clioi_rp_printf(p, "</section>\n");
}

static void page(rp_page *p, rp_file *const *files, size_t count)
{
    char date[CLIOI_DATE_LEN];
    clioi_provenance_date(date);
    clioi_rp_printf(p, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"clio " CLIO_VERSION "\">\n<title>");
    clioi_rp_text(p, "clio report: ");
    clioi_rp_text(p, file_heading(files[0]));
    clioi_rp_printf(p, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n"
                       "<h1>clio report</h1>\n<p class=\"note\">%zu result file%s, reported %s "
                       "by clio " CLIO_VERSION ".</p>\n</header>\n<nav>\n<ol>\n",
                    STYLE, count, count == 1 ? "" : "s", date);
    for (size_t k = 0; k < count; k++) {
        clioi_rp_printf(p, "<li><a href=\"#f%zu\">", k + 1);
        clioi_rp_text(p, files[k]->kind);
        clioi_rp_printf(p, ": ");
        clioi_rp_text(p, file_heading(files[k]));
        clioi_rp_printf(p, "</a></li>\n");
    }
    clioi_rp_printf(p, "</ol>\n</nav>\n<main>\n");
    for (size_t k = 0; k < count; k++)
        file_section(p, files[k], k);
    clioi_rp_printf(p, "</main>\n</body>\n</html>\n");
}

static int write_page(const rp_page *p, const char *output, clio_error *err)
{
    clioi_atomic a;
    int status = clioi_atomic_begin(&a, output, 1, err);
    if (status != CLIO_OK)
        return status;
    if (fwrite(p->s, 1, p->len, a.fp) != p->len) {
        clioi_atomic_abort(&a);
        return clioi_fail(err, CLIO_EWRITE, "cannot write '%s'", output);
    }
    return clioi_atomic_commit(&a, err);
}

int clio_html_report(const char *const *results, size_t count, const char *output,
                     clio_error *err)
{
    if (!results || !output || count == 0)
        return clioi_fail(err, CLIO_EINVAL, "clio_html_report: no result files or no output");
    for (size_t k = 0; k < count; k++)
        if (!results[k])
            return clioi_fail(err, CLIO_EINVAL, "clio_html_report: result %zu is NULL", k + 1);
    rp_file **files = clioi_calloc_array(count, sizeof *files);
    if (!files)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory");
    int status = CLIO_OK;
    for (size_t k = 0; k < count && status == CLIO_OK; k++)
        status = clioi_rp_read(results[k], &files[k], err);
    rp_page p = {0};
    if (status == CLIO_OK) {
        page(&p, files, count);
        status = p.failed ? clioi_fail(err, CLIO_ENOMEM, "out of memory building the report")
                          : write_page(&p, output, err);
    }
    free(p.s);
    for (size_t k = 0; k < count; k++)
        clioi_rp_free(files[k]);
    free(files);
    return status;
}
