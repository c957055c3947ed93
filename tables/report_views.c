/* report_views.c -- which charts each kind of result gets, as a table: a
 * new kind of result needs one line here (or none: a kind the table does
 * not know gets the generic view, a table of its variables and a chart of
 * its first field).  Every chart has its numbers in a table beside it. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOP 15 /* bars in a "largest" chart */

typedef enum {
    V_TOP_ROWS,      /* the largest values of field (rows x account), by |value| */
    V_REGIONS,       /* field summed by region (field_region_total when stored) */
    V_LINKAGE_PLANE, /* field (x) against field2 (y), quadrants at 1 */
    V_SPILLOVER_MAP, /* region x region: mean of "in:<region>" over the sectors of a region */
    V_SCENARIO_BARS  /* field (scenario x account): one bar per scenario */
} view_type;

typedef struct view {
    const char *kind;
    view_type type;
    const char *field;    /* variable name; alternatives separated by '|' */
    const char *field2;   /* the y of V_LINKAGE_PLANE */
    const char *accounts; /* an account's name, or "*" for one chart per account */
    const char *heading;
} view;

static const view VIEWS[] = {
    {"impact", V_TOP_ROWS, "total", NULL, "*", "Largest effects by sector"},
    {"impact", V_REGIONS, "total", NULL, "*", "Effects by region"},
    {"multipliers", V_TOP_ROWS, "effect|type2_effect", NULL, "*",
     "Multipliers (total effect per unit of final demand)"},
    {"ghosh", V_TOP_ROWS, "effect", NULL, "output", "Supply-side (Ghosh) output multipliers"},
    {"linkages", V_LINKAGE_PLANE, "backward_index", "forward_index", "output",
     "Key sectors: backward against forward linkage index"},
    {"spillovers", V_SPILLOVER_MAP, "in:", NULL, "output", "Spillovers between regions"},
    {"spillovers", V_TOP_ROWS, "spillover", NULL, "output", "Largest spillover multipliers"},
    {"extraction", V_TOP_ROWS, "total", NULL, "output", "Hypothetical extraction: output lost"},
    {"prices", V_TOP_ROWS, "price_change", NULL, "*", "Largest price changes"},
    {"footprints_by_region", V_TOP_ROWS, "consumption", NULL, "*",
     "Consumption-based accounts (footprints)"},
    {"footprints_by_sector", V_TOP_ROWS, "production", NULL, "*", "Production by sector"},
    {"scenarios", V_SCENARIO_BARS, "delta_total", NULL, "*", "Change by scenario"},
    {"scenarios", V_REGIONS, "delta", NULL, "output", "Output change by region"},
};
#define NVIEWS (sizeof VIEWS / sizeof VIEWS[0])

static const char *const DIM_WORDS[RP_NDIMS] = {"scenario", "sector", "region", "account"};

static const char *dim_label(const rp_file *f, int dim, size_t i)
{
    switch (dim) {
    case RP_SCENARIO: return f->scenario[i];
    case RP_SECTOR: return f->sector[i];
    case RP_REGION: return f->region[i];
    default: return f->account[i];
    }
}

static const char *unit_of(const rp_file *f, size_t a)
{
    return f->account_unit ? f->account_unit[a] : "";
}

/* The first of the '|'-separated names that f holds. */
static const rp_var *find_var(const rp_file *f, const char *names)
{
    char buf[256];
    while (*names) {
        size_t n = strcspn(names, "|");
        if (n < sizeof buf) {
            memcpy(buf, names, n);
            buf[n] = '\0';
            const rp_var *v = clioi_rp_var(f, buf);
            if (v)
                return v;
        }
        names += n + (names[n] == '|');
    }
    return NULL;
}

/* Whether v runs over (rows) or (rows, account). */
static int is_rows_by_account(const rp_var *v)
{
    return v->ndims == 1 || (v->ndims == 2 && v->dims[1] == RP_ACCOUNT && v->dims[0] != RP_ACCOUNT);
}

static double value_at(const rp_file *f, const rp_var *v, size_t row, size_t a)
{
    return v->ndims == 1 ? v->values[row] : v->values[row * f->len[RP_ACCOUNT] + a];
}

static void chart_title(char *buf, size_t len, const char *heading, const rp_file *f, size_t a)
{
    const char *unit = unit_of(f, a);
    snprintf(buf, len, "%s: %s%s%s%s", heading, f->account[a], *unit ? " (" : "", unit,
             *unit ? ")" : "");
}

static void note(rp_page *p, const char *text)
{
    clioi_rp_printf(p, "<p class=\"note\">");
    clioi_rp_text(p, text);
    clioi_rp_printf(p, "</p>\n");
}

/* A bar chart of s with its table, in a figure. */
static void bar_figure(rp_page *p, const char *title, const rp_series *s, const char *row_word,
                       const char *value_word, const char *unit)
{
    clioi_rp_figure_begin(p, title);
    clioi_rp_svg_bars(p, title, s, unit);
    clioi_rp_bar_table(p, row_word, value_word, s);
    clioi_rp_figure_end(p);
}

/* The `limit` largest |values| of v at account a, largest first. */
static void top_rows(rp_page *p, const rp_file *f, const rp_var *v, size_t a, const char *title)
{
    int dim = v->dims[0];
    size_t n = f->len[dim], m = 0;
    size_t *order = clioi_calloc_array(n, sizeof *order);
    const char **labels = clioi_calloc_array(TOP, sizeof *labels);
    double *values = clioi_calloc_array(TOP, sizeof *values);
    if (!order || !labels || !values) {
        p->failed = 1;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (isfinite(value_at(f, v, i, a)))
            order[m++] = i;
    size_t shown = m < TOP ? m : TOP;
    for (size_t k = 0; k < shown; k++) { /* partial selection sort: shown x m */
        size_t best = k;
        for (size_t j = k + 1; j < m; j++)
            if (fabs(value_at(f, v, order[j], a)) > fabs(value_at(f, v, order[best], a)))
                best = j;
        size_t t = order[k];
        order[k] = order[best];
        order[best] = t;
        labels[k] = dim_label(f, dim, order[k]);
        values[k] = value_at(f, v, order[k], a);
    }
    if (shown == 0) {
        clioi_rp_printf(p, "<h4>");
        clioi_rp_text(p, title);
        clioi_rp_printf(p, "</h4>\n");
        note(p, "No defined values (all NaN).");
        goto done;
    }
    rp_series s = {shown, labels, values};
    bar_figure(p, title, &s, DIM_WORDS[dim], v->name, unit_of(f, a));
    if (n > shown) {
        char text[160];
        snprintf(text, sizeof text, "The %zu largest of %zu %ss by absolute value%s.", shown, n,
                 DIM_WORDS[dim], m < n ? " (undefined values left out)" : "");
        note(p, text);
    }
done:
    free(order);
    free(labels);
    free(values);
}

/* Sum of field v over the sectors of each region, at account a. */
static void region_sums(const rp_file *f, const rp_var *v, size_t a, double *sums)
{
    size_t R = f->len[RP_REGION], na = f->len[RP_ACCOUNT];
    memset(sums, 0, R * sizeof *sums);
    if (v->ndims == 2 && v->dims[0] == RP_REGION) { /* stored: field_region_total */
        for (size_t r = 0; r < R; r++)
            sums[r] = v->values[r * na + a];
        return;
    }
    for (size_t i = 0; i < f->len[RP_SECTOR]; i++)
        if (f->sector_region[i] >= 0)
            sums[f->sector_region[i]] += value_at(f, v, i, a);
}

static void regions_view(rp_page *p, const rp_file *f, const view *w, size_t a)
{
    char name[300], title[512];
    snprintf(name, sizeof name, "%s_region_total", w->field);
    const rp_var *v = clioi_rp_var(f, name);
    if (!v || v->ndims != 2 || v->dims[0] != RP_REGION || v->dims[1] != RP_ACCOUNT) {
        v = clioi_rp_var(f, w->field); /* no stored totals: sum the sectors */
        if (!v || v->dims[0] != RP_SECTOR || !is_rows_by_account(v))
            return;
    }
    if (f->len[RP_REGION] < 2)
        return; /* one region: its total is the whole file's */
    size_t R = f->len[RP_REGION];
    double *sums = clioi_calloc_array(R, sizeof *sums);
    if (!sums) {
        p->failed = 1;
        return;
    }
    region_sums(f, v, a, sums);
    chart_title(title, sizeof title, w->heading, f, a);
    rp_series s = {R, (const char **)f->region, sums};
    bar_figure(p, title, &s, "region", w->field, unit_of(f, a));
    free(sums);
}

/* Scenario deltas summed over sectors, per region, when the file has a
 * scenario dimension: delta(scenario, sector, account). */
static void scenario_regions_view(rp_page *p, const rp_file *f, const view *w, size_t a)
{
    const rp_var *v = clioi_rp_var(f, "delta_region_total");
    size_t S = f->len[RP_SCENARIO], R = f->len[RP_REGION], na = f->len[RP_ACCOUNT];
    if (!v || v->ndims != 3 || v->dims[0] != RP_SCENARIO || v->dims[1] != RP_REGION ||
        v->dims[2] != RP_ACCOUNT || R < 2)
        return;
    double *vals = clioi_calloc_array(R, sizeof *vals);
    if (!vals) {
        p->failed = 1;
        return;
    }
    for (size_t s = 0; s < S; s++) {
        char title[512], heading[400];
        snprintf(heading, sizeof heading, "%s, scenario %s", w->heading, f->scenario[s]);
        chart_title(title, sizeof title, heading, f, a);
        for (size_t r = 0; r < R; r++)
            vals[r] = v->values[(s * R + r) * na + a];
        rp_series sr = {R, (const char **)f->region, vals};
        bar_figure(p, title, &sr, "region", "delta", unit_of(f, a));
    }
    free(vals);
}

static void linkage_view(rp_page *p, const rp_file *f, const view *w, size_t a)
{
    const rp_var *vx = clioi_rp_var(f, w->field), *vy = clioi_rp_var(f, w->field2);
    if (!vx || !vy || vx->dims[0] != RP_SECTOR || vy->dims[0] != RP_SECTOR ||
        !is_rows_by_account(vx) || !is_rows_by_account(vy))
        return;
    size_t n = f->len[RP_SECTOR];
    double *x = clioi_calloc_array(n, sizeof *x), *y = clioi_calloc_array(n, sizeof *y);
    if (!x || !y) {
        p->failed = 1;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        x[i] = value_at(f, vx, i, a);
        y[i] = value_at(f, vy, i, a);
    }
    clioi_rp_figure_begin(p, w->heading);
    clioi_rp_svg_scatter(p, w->heading, n, (const char **)f->sector, x, y, vx->name, vy->name);
    clioi_rp_printf(p, "<table class=\"numbers\">\n<thead><tr><th>sector</th><th>");
    clioi_rp_text(p, vx->name);
    clioi_rp_printf(p, "</th><th>");
    clioi_rp_text(p, vy->name);
    clioi_rp_printf(p, "</th>");
    if (f->row_class) {
        clioi_rp_printf(p, "<th>");
        clioi_rp_text(p, f->class_name);
        clioi_rp_printf(p, "</th>");
    }
    clioi_rp_printf(p, "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        clioi_rp_printf(p, "<tr><td>");
        clioi_rp_text(p, f->sector[i]);
        clioi_rp_printf(p, "</td>");
        clioi_rp_cell(p, x[i]);
        clioi_rp_cell(p, y[i]);
        if (f->row_class) {
            clioi_rp_printf(p, "<td>");
            clioi_rp_text(p, f->row_class[i]);
            clioi_rp_printf(p, "</td>");
        }
        clioi_rp_printf(p, "</tr>\n");
    }
    clioi_rp_printf(p, "</tbody>\n</table>\n");
    clioi_rp_figure_end(p);
    note(p, "Rasmussen-Hirschman indices: a sector above 1 on both axes buys from and sells to "
            "the rest of the economy more than the average sector does (a key sector).");
done:
    free(x);
    free(y);
}

/* m[s * R + r]: the mean over the sectors of region s of "in:<region r>". */
static void spillover_view(rp_page *p, const rp_file *f, const view *w, size_t a)
{
    size_t R = f->len[RP_REGION], n = f->len[RP_SECTOR];
    if (R < 2)
        return;
    const rp_var **in = clioi_calloc_array(R, sizeof *in);
    double *m = clioi_calloc_array(R * R, sizeof *m);
    size_t *count = clioi_calloc_array(R, sizeof *count);
    if (!in || !m || !count) {
        p->failed = 1;
        goto done;
    }
    for (size_t r = 0; r < R; r++) {
        char name[512];
        snprintf(name, sizeof name, "%s%s", w->field, f->region[r]);
        in[r] = clioi_rp_var(f, name);
        if (!in[r] || in[r]->dims[0] != RP_SECTOR || !is_rows_by_account(in[r]))
            goto done;
    }
    for (size_t i = 0; i < n; i++) {
        int s = f->sector_region[i];
        if (s < 0)
            continue;
        count[s]++;
        for (size_t r = 0; r < R; r++)
            m[(size_t)s * R + r] += value_at(f, in[r], i, a);
    }
    for (size_t s = 0; s < R; s++)
        for (size_t r = 0; r < R; r++)
            m[s * R + r] = count[s] ? m[s * R + r] / (double)count[s] : NAN;
    char title[512];
    chart_title(title, sizeof title, w->heading, f, a);
    clioi_rp_figure_begin(p, title);
    clioi_rp_svg_heatmap(p, title, R, (const char **)f->region, m);
    clioi_rp_printf(p, "<table class=\"numbers matrix\">\n<thead><tr><th>demand in \\ effect in</th>");
    for (size_t r = 0; r < R; r++) {
        clioi_rp_printf(p, "<th>");
        clioi_rp_text(p, f->region[r]);
        clioi_rp_printf(p, "</th>");
    }
    clioi_rp_printf(p, "</tr></thead>\n<tbody>\n");
    for (size_t s = 0; s < R; s++) {
        clioi_rp_printf(p, "<tr><th>");
        clioi_rp_text(p, f->region[s]);
        clioi_rp_printf(p, "</th>");
        for (size_t r = 0; r < R; r++)
            clioi_rp_cell(p, m[s * R + r]);
        clioi_rp_printf(p, "</tr>\n");
    }
    clioi_rp_printf(p, "</tbody>\n</table>\n");
    clioi_rp_figure_end(p);
    note(p, "Row: the region where one more unit of final demand is spent (the mean over its "
            "sectors); column: the region whose output rises.  The diagonal is the "
            "intraregional effect; the rest spills over to other regions.");
done:
    free(in);
    free(m);
    free(count);
}

static void scenario_view(rp_page *p, const rp_file *f, const view *w, size_t a)
{
    const rp_var *v = clioi_rp_var(f, w->field);
    size_t S = f->len[RP_SCENARIO], na = f->len[RP_ACCOUNT];
    if (!v || v->ndims != 2 || v->dims[0] != RP_SCENARIO || v->dims[1] != RP_ACCOUNT)
        return;
    int any = 0;
    for (size_t s = 0; s < S; s++)
        any |= isfinite(v->values[s * na + a]) && v->values[s * na + a] != 0;
    if (!any)
        return; /* listed as unchanged by the caller */
    double *vals = clioi_calloc_array(S, sizeof *vals);
    if (!vals) {
        p->failed = 1;
        return;
    }
    for (size_t s = 0; s < S; s++)
        vals[s] = v->values[s * na + a];
    char title[512];
    chart_title(title, sizeof title, w->heading, f, a);
    rp_series sr = {S, (const char **)f->scenario, vals};
    bar_figure(p, title, &sr, "scenario", "delta", unit_of(f, a));
    free(vals);
}

/* Accounts that no scenario changes, in one line. */
static void unchanged_accounts(rp_page *p, const rp_file *f, const view *w)
{
    const rp_var *v = clioi_rp_var(f, w->field);
    size_t S = f->len[RP_SCENARIO], na = f->len[RP_ACCOUNT], none = 0;
    if (!v || v->ndims != 2 || v->dims[0] != RP_SCENARIO || v->dims[1] != RP_ACCOUNT)
        return;
    for (size_t a = 0; a < na; a++) {
        int any = 0;
        for (size_t s = 0; s < S; s++)
            any |= isfinite(v->values[s * na + a]) && v->values[s * na + a] != 0;
        if (any)
            continue;
        clioi_rp_printf(p, none++ ? ", " : "<p class=\"note\">No scenario changes: ");
        clioi_rp_text(p, f->account[a]);
    }
    if (none)
        clioi_rp_printf(p, ".</p>\n");
}

static void one_view(rp_page *p, const rp_file *f, const view *w, size_t a)
{
    char title[512];
    switch (w->type) {
    case V_TOP_ROWS: {
        const rp_var *v = find_var(f, w->field);
        if (!v || !is_rows_by_account(v))
            return;
        chart_title(title, sizeof title, w->heading, f, a);
        top_rows(p, f, v, a, title);
        return;
    }
    case V_REGIONS:
        if (f->len[RP_SCENARIO])
            scenario_regions_view(p, f, w, a);
        else
            regions_view(p, f, w, a);
        return;
    case V_LINKAGE_PLANE: linkage_view(p, f, w, a); return;
    case V_SPILLOVER_MAP: spillover_view(p, f, w, a); return;
    case V_SCENARIO_BARS: scenario_view(p, f, w, a); return;
    }
}

/* The generic view: the first numeric variable over rows (and accounts). */
static void generic_view(rp_page *p, const rp_file *f)
{
    for (size_t k = 0; k < f->nvars; k++) {
        const rp_var *v = &f->vars[k];
        if (!is_rows_by_account(v))
            continue;
        size_t accounts = v->ndims == 2 ? f->len[RP_ACCOUNT] : 1;
        for (size_t a = 0; a < accounts; a++) {
            char title[512];
            if (v->ndims == 2) {
                char heading[300];
                snprintf(heading, sizeof heading, "%s by %s", v->name, DIM_WORDS[v->dims[0]]);
                chart_title(title, sizeof title, heading, f, a);
            } else {
                snprintf(title, sizeof title, "%s by %s", v->name, DIM_WORDS[v->dims[0]]);
            }
            top_rows(p, f, v, a, title);
        }
        return;
    }
    note(p, "No variable of this result runs over rows and accounts: see the table of its "
            "variables.");
}

void clioi_rp_views(rp_page *p, const rp_file *f)
{
    int known = 0;
    for (size_t k = 0; k < NVIEWS; k++) {
        const view *w = &VIEWS[k];
        if (strcmp(w->kind, f->kind) != 0)
            continue;
        known = 1;
        if (strcmp(w->accounts, "*") == 0) {
            for (size_t a = 0; a < f->len[RP_ACCOUNT]; a++)
                one_view(p, f, w, a);
            if (w->type == V_SCENARIO_BARS)
                unchanged_accounts(p, f, w);
        } else {
            size_t a = clioi_rp_find_account(f, w->accounts);
            one_view(p, f, w, a == CLIO_NONE ? 0 : a);
        }
    }
    if (!known)
        generic_view(p, f);
}
