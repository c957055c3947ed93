/* report.h -- the HTML report (clio_html_report), in small files:
 *   report_read.c   any clio result NetCDF file into an rp_file (the only
 *                   report file that includes netcdf.h)
 *   report_html.c   the growing page: text, escaping, numbers, tables
 *   report_svg.c    charts as inline SVG: bars, scatter, heatmap
 *   report_views.c  which charts each kind of result gets (a table)
 *   report.c        the page: summary, charts, provenance; atomic write
 * Internal: everything is clioi_rp_ and hidden from the shared library. */
#ifndef CLIO_REPORT_H
#define CLIO_REPORT_H

#include "clioi.h"

/* ---- A result file, read generically ------------------------------ */

/* The label dimensions a result's numbers may run over. */
enum { RP_SCENARIO, RP_SECTOR, RP_REGION, RP_ACCOUNT, RP_NDIMS };

#define RP_MAXDIMS 3

/* One numeric variable over label dimensions only, values in C order. */
typedef struct rp_var {
    char *name;
    int ndims;
    int dims[RP_MAXDIMS]; /* RP_SCENARIO ... */
    size_t count;         /* number of values */
    double *values;
} rp_var;

typedef struct rp_file {
    char *path;
    char sha256[65];
    unsigned long long bytes;
    /* global attributes, NULL when absent */
    char *kind, *title, *description, *clio_version, *history, *date_created, *command, *inputs;
    size_t len[RP_NDIMS]; /* 0: the dimension is absent */
    char **sector, **sector_name, **region, **account, **account_unit, **scenario, **model;
    int *sector_region; /* -1: a row in no region (a group) */
    char *class_name;   /* a text variable over sectors (linkages' class), or NULL */
    char **row_class;
    size_t nvars;
    rp_var *vars;
} rp_file;

/* clioi_rp_read -- read a result file: CLIO_EIO (missing, unreadable),
 * CLIO_EFORMAT (not NetCDF, a clio table, not a clio result, labels that
 * do not fit), CLIO_ENOMEM. */
int clioi_rp_read(const char *path, rp_file **out, clio_error *err);
void clioi_rp_free(rp_file *f);
/* clioi_rp_var -- the variable called name, or NULL. */
const rp_var *clioi_rp_var(const rp_file *f, const char *name);
/* clioi_rp_find_account -- index of account `name`, or CLIO_NONE. */
size_t clioi_rp_find_account(const rp_file *f, const char *name);

/* ---- The page ------------------------------------------------------ */

/* A growing page; once an allocation fails, `failed` is set and further
 * writes are ignored (the caller reports CLIO_ENOMEM at the end). */
typedef struct rp_page {
    char *s;
    size_t len, cap;
    int failed;
    int nfigures; /* charts so far: ids c1, c2, ... */
} rp_page;

void clioi_rp_printf(rp_page *p, const char *fmt, ...) CLIOI_PRINTF(2, 3);
/* clioi_rp_text -- text with & < > " ' escaped (in content and attributes) */
void clioi_rp_text(rp_page *p, const char *text);
/* clioi_rp_number -- a number for reading: about 5 significant digits,
 * no exponent between 1e-3 and 1e9, "n/a" for NaN. */
void clioi_rp_format(double v, char *buf, size_t len);
void clioi_rp_number(rp_page *p, double v);
/* clioi_rp_cell -- <td class="num" data-value="exact">readable</td> */
void clioi_rp_cell(rp_page *p, double v);

/* A chart's data: labels[k] with value[k]; what it shows in `title`. */
typedef struct rp_series {
    size_t n;
    const char **labels;
    const double *values;
} rp_series;

/* clioi_rp_figure_begin / _end -- <figure> with its caption and id; the
 * SVG and the table go between. */
void clioi_rp_figure_begin(rp_page *p, const char *title);
void clioi_rp_figure_end(rp_page *p);

/* clioi_rp_bar_table -- the numbers of a bar chart: label, value. */
void clioi_rp_bar_table(rp_page *p, const char *label_heading, const char *value_heading,
                        const rp_series *s);

/* ---- Charts (report_svg.c) ---------------------------------------- */

/* The fixed palette: Okabe & Ito's colour-blind-safe colours. */
#define RP_BLUE "#0072B2"
#define RP_VERMILLION "#D55E00"
#define RP_GREEN "#009E73"
#define RP_ORANGE "#E69F00"
#define RP_GREY "#666666"

/* clioi_rp_nice_ticks -- Heckbert's "nice numbers": a step of 1, 2 or 5
 * times a power of ten covering [lo, hi] in about `want` ticks; *first
 * and *last are multiples of *step around lo and hi.  Returns the count. */
size_t clioi_rp_nice_ticks(double lo, double hi, size_t want, double *first, double *last,
                           double *step);

/* clioi_rp_svg_bars -- horizontal bars, one per label, in the given order;
 * a zero line when values have both signs; NaN values get no bar. */
void clioi_rp_svg_bars(rp_page *p, const char *title, const rp_series *s, const char *unit);

/* clioi_rp_svg_scatter -- points (x[k], y[k]) labelled, with reference
 * lines at x = 1 and y = 1 and the four quadrants named (key sectors at
 * the top right). */
void clioi_rp_svg_scatter(rp_page *p, const char *title, size_t n, const char **labels,
                          const double *x, const double *y, const char *xname,
                          const char *yname);

/* clioi_rp_svg_heatmap -- an n x n grid m[r * n + c] (rows: where the
 * demand is; columns: where the effect is), shaded from white to blue. */
void clioi_rp_svg_heatmap(rp_page *p, const char *title, size_t n, const char **names,
                          const double *m);

/* ---- Views: the charts for a kind of result (report_views.c) ------- */

/* clioi_rp_views -- every chart for f's kind (or the generic ones for a
 * kind the table does not know). */
void clioi_rp_views(rp_page *p, const rp_file *f);

#endif
