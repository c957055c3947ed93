/* report_svg.c -- charts as inline SVG, drawn here rather than by a
 * plotting library: three kinds are needed, each a few dozen elements.
 * Every chart has a <title> (named by aria-labelledby), axes with "nice"
 * ticks (Heckbert 1990, "Nice numbers for graph labels", Graphics Gems),
 * labels escaped, colours from Okabe & Ito's colour-blind-safe palette,
 * and a <title> on every mark for its exact label and value.  No xmlns:
 * inline SVG in HTML needs none, and the page names no URL. */
#include "report.h"

#include <math.h>
#include <string.h>

#define FONT 12
#define LABEL_CHARS 30 /* longer labels are cut, whole in the mark's title */

/* nicenum -- 1, 2, 5 or 10 times a power of ten near x: rounded, or the
 * next such number at or above x. */
static double nicenum(double x, int round)
{
    double e = floor(log10(x)), f = x / pow(10, e), nf;
    if (round)
        nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    else
        nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nf * pow(10, e);
}

size_t clioi_rp_nice_ticks(double lo, double hi, size_t want, double *first, double *last,
                           double *step)
{
    if (!isfinite(lo) || !isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi < lo) {
        double t = lo;
        lo = hi;
        hi = t;
    }
    if (hi - lo <= 1e-12 * fmax(fabs(lo), fabs(hi)) || hi == lo) {
        double pad = lo == 0 ? 1 : fabs(lo) * 0.1;
        lo -= lo == 0 ? 0 : pad;
        hi += pad;
    }
    double range = nicenum(hi - lo, 0);
    *step = nicenum(range / (double)(want > 1 ? want - 1 : 1), 1);
    *first = floor(lo / *step) * *step;
    *last = ceil(hi / *step) * *step;
    return (size_t)llround((*last - *first) / *step) + 1;
}

/* A label cut to LABEL_CHARS characters (not inside a UTF-8 sequence). */
static void short_label(rp_page *p, const char *label)
{
    size_t chars = 0, k = 0;
    for (; label[k]; k++)
        if (((unsigned char)label[k] & 0xC0) != 0x80 && ++chars > LABEL_CHARS)
            break;
    if (!label[k]) {
        clioi_rp_text(p, label);
        return;
    }
    char buf[4 * LABEL_CHARS + 1];
    size_t n = k < sizeof buf ? k : sizeof buf - 1;
    while (n > 0 && ((unsigned char)label[n] & 0xC0) == 0x80)
        n--; /* never cut a UTF-8 sequence */
    memcpy(buf, label, n);
    buf[n] = '\0';
    clioi_rp_text(p, buf);
    clioi_rp_printf(p, "\xE2\x80\xA6"); /* ellipsis */
}

static void svg_begin(rp_page *p, const char *title, double w, double h)
{
    clioi_rp_printf(p,
                    "<svg class=\"plot\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" "
                    "role=\"img\" aria-labelledby=\"c%d-t\" font-size=\"%d\">\n<title id=\"c%d-t\">",
                    w, h, w, h, p->nfigures, FONT, p->nfigures);
    clioi_rp_text(p, title);
    clioi_rp_printf(p, "</title>\n");
}

/* A mark's tooltip: "label: value". */
static void mark_title(rp_page *p, const char *label, double v)
{
    clioi_rp_printf(p, "<title>");
    clioi_rp_text(p, label);
    clioi_rp_printf(p, ": ");
    clioi_rp_number(p, v);
    clioi_rp_printf(p, "</title>");
}

/* An axis along x from x0 to x1 at height y (ticks, labels, grid up to y_top). */
typedef struct axis {
    double first, last, step;
    size_t nticks;
    double from, to; /* pixels */
} axis;

static axis make_axis(double lo, double hi, double from, double to)
{
    axis a = {.from = from, .to = to};
    a.nticks = clioi_rp_nice_ticks(lo, hi, 6, &a.first, &a.last, &a.step);
    return a;
}

static double at(const axis *a, double v)
{
    return a->from + (v - a->first) / (a->last - a->first) * (a->to - a->from);
}

static void x_axis(rp_page *p, const axis *a, double y, double y_top)
{
    clioi_rp_printf(p, "<g class=\"axis\">\n");
    for (size_t k = 0; k < a->nticks; k++) {
        double v = a->first + (double)k * a->step, x = at(a, v);
        clioi_rp_printf(p, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                           "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
                        x, y_top, x, y, x, y + 16);
        clioi_rp_number(p, fabs(v) < 1e-9 * a->step ? 0 : v);
        clioi_rp_printf(p, "</text>\n");
    }
    clioi_rp_printf(p, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"line\"/>\n</g>\n",
                    a->from, y, a->to, y);
}

static void y_axis(rp_page *p, const axis *a, double x, double x_right)
{
    clioi_rp_printf(p, "<g class=\"axis\">\n");
    for (size_t k = 0; k < a->nticks; k++) {
        double v = a->first + (double)k * a->step, y = at(a, v);
        clioi_rp_printf(p, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                           "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">",
                        x, y, x_right, y, x - 6, y + 4);
        clioi_rp_number(p, fabs(v) < 1e-9 * a->step ? 0 : v);
        clioi_rp_printf(p, "</text>\n");
    }
    clioi_rp_printf(p, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"line\"/>\n</g>\n",
                    x, a->from, x, a->to);
}

void clioi_rp_svg_bars(rp_page *p, const char *title, const rp_series *s, const char *unit)
{
    const double W = 660, L = 210, R = 80, T = 8, ROW = 24, BAR = 17, B = 44;
    double H = T + ROW * (double)(s->n ? s->n : 1) + B, lo = 0, hi = 0;
    for (size_t k = 0; k < s->n; k++)
        if (isfinite(s->values[k])) {
            lo = fmin(lo, s->values[k]);
            hi = fmax(hi, s->values[k]);
        }
    axis a = make_axis(lo, hi, L, W - R);
    double zero = at(&a, 0), axis_y = T + ROW * (double)(s->n ? s->n : 1) + 4;
    svg_begin(p, title, W, H);
    x_axis(p, &a, axis_y, T);
    for (size_t k = 0; k < s->n; k++) {
        double v = s->values[k], y = T + ROW * (double)k + (ROW - BAR) / 2;
        clioi_rp_printf(p, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", L - 8,
                        y + BAR - 4);
        short_label(p, s->labels[k]);
        clioi_rp_printf(p, "</text>\n");
        if (!isfinite(v))
            continue;
        double x0 = fmin(zero, at(&a, v)), x1 = fmax(zero, at(&a, v));
        clioi_rp_printf(p,
                        "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.0f\" fill=\"%s\" "
                        "data-value=\"%.17g\">",
                        x0, y, fmax(x1 - x0, 0.5), BAR, v < 0 ? RP_VERMILLION : RP_BLUE, v);
        mark_title(p, s->labels[k], v);
        clioi_rp_printf(p, "</rect>\n<text x=\"%.1f\" y=\"%.1f\" class=\"value\">", x1 + 4,
                        y + BAR - 4);
        clioi_rp_number(p, v);
        clioi_rp_printf(p, "</text>\n");
    }
    if (unit && *unit) {
        clioi_rp_printf(p, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" class=\"unit\">",
                        (L + W - R) / 2, H - 6);
        clioi_rp_text(p, unit);
        clioi_rp_printf(p, "</text>\n");
    }
    clioi_rp_printf(p, "</svg>\n");
}

/* The class of a point in the linkage plane and its colour. */
static const char *quadrant_colour(double x, double y)
{
    return x > 1 && y > 1 ? RP_GREEN : x > 1 ? RP_BLUE : y > 1 ? RP_ORANGE : RP_GREY;
}

static void quadrant_label(rp_page *p, double x, double y, const char *anchor, const char *fill,
                           const char *text)
{
    clioi_rp_printf(p,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"%s\" "
                    "class=\"quadrant\">%s</text>\n",
                    x, y, anchor, fill, text);
}

void clioi_rp_svg_scatter(rp_page *p, const char *title, size_t n, const char **labels,
                          const double *x, const double *y, const char *xname,
                          const char *yname)
{
    const double W = 660, H = 480, L = 64, R = 24, T = 24, B = 52;
    double xlo = 1, xhi = 1, ylo = 1, yhi = 1;
    for (size_t k = 0; k < n; k++)
        if (isfinite(x[k]) && isfinite(y[k])) {
            xlo = fmin(xlo, x[k]), xhi = fmax(xhi, x[k]);
            ylo = fmin(ylo, y[k]), yhi = fmax(yhi, y[k]);
        }
    axis ax = make_axis(xlo - 0.05 * (xhi - xlo), xhi + 0.05 * (xhi - xlo), L, W - R);
    axis ay = make_axis(ylo - 0.05 * (yhi - ylo), yhi + 0.05 * (yhi - ylo), H - B, T);
    svg_begin(p, title, W, H);
    x_axis(p, &ax, H - B, T);
    y_axis(p, &ay, L, W - R);
    double x1 = at(&ax, 1), y1 = at(&ay, 1);
    clioi_rp_printf(p,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ref\"/>\n"
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"ref\"/>\n",
                    x1, T, x1, H - B, L, y1, W - R, y1);
    quadrant_label(p, W - R - 4, T + 14, "end", RP_GREEN, "key sectors (both &gt; 1)");
    quadrant_label(p, L + 4, T + 14, "start", RP_ORANGE, "forward-oriented");
    quadrant_label(p, W - R - 4, H - B - 6, "end", RP_BLUE, "backward-oriented");
    quadrant_label(p, L + 4, H - B - 6, "start", RP_GREY, "weak linkages");
    for (size_t k = 0; k < n; k++) {
        if (!isfinite(x[k]) || !isfinite(y[k]))
            continue;
        double px = at(&ax, x[k]), py = at(&ay, y[k]);
        clioi_rp_printf(p,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" data-x=\"%.17g\" "
                        "data-y=\"%.17g\"><title>",
                        px, py, quadrant_colour(x[k], y[k]), x[k], y[k]);
        clioi_rp_text(p, labels[k]);
        clioi_rp_printf(p, ": ");
        clioi_rp_text(p, xname);
        clioi_rp_printf(p, " ");
        clioi_rp_number(p, x[k]);
        clioi_rp_printf(p, ", ");
        clioi_rp_text(p, yname);
        clioi_rp_printf(p, " ");
        clioi_rp_number(p, y[k]);
        clioi_rp_printf(p, "</title></circle>\n");
        if (n <= 30) {
            clioi_rp_printf(p, "<text x=\"%.1f\" y=\"%.1f\" class=\"point\">", px + 7, py + 4);
            short_label(p, labels[k]);
            clioi_rp_printf(p, "</text>\n");
        }
    }
    clioi_rp_printf(p, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">", (L + W - R) / 2,
                    H - 10);
    clioi_rp_text(p, xname);
    clioi_rp_printf(p, "</text>\n<text transform=\"translate(16 %.1f) rotate(-90)\" "
                       "text-anchor=\"middle\">",
                    (T + H - B) / 2);
    clioi_rp_text(p, yname);
    clioi_rp_printf(p, "</text>\n</svg>\n");
}

/* The shade of t in [0, 1]: from white (0) to dark blue (1). */
static void shade(double t, char out[8])
{
    static const double from[3] = {247, 251, 255}, to[3] = {8, 48, 107};
    int c[3];
    t = isfinite(t) ? fmin(fmax(t, 0), 1) : 0;
    for (int k = 0; k < 3; k++)
        c[k] = (int)lround(from[k] + t * (to[k] - from[k]));
    snprintf(out, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

void clioi_rp_svg_heatmap(rp_page *p, const char *title, size_t n, const char **names,
                          const double *m)
{
    double cs = fmin(fmax(560.0 / (double)(n ? n : 1), 10), 56);
    size_t longest = 1; /* room for the column labels, slanted at 50 degrees */
    for (size_t r = 0; r < n; r++) {
        size_t chars = 0;
        for (const char *c = names[r]; *c; c++)
            chars += ((unsigned char)*c & 0xC0) != 0x80;
        longest = chars > longest ? chars : longest;
    }
    const double L = 150, LEG = 30, SWATCH = 95;
    double T = 16 + 0.77 * 7.0 * (double)(longest < LABEL_CHARS ? longest : LABEL_CHARS + 1);
    double W = L + cs * (double)n + 20, H = T + cs * (double)n + LEG + 20;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < n * n; k++)
        if (isfinite(m[k])) {
            lo = fmin(lo, m[k]);
            hi = fmax(hi, m[k]);
        }
    /* Own-region effects dwarf spillovers: a log scale shows both when all
     * values are positive and span more than two orders of magnitude. */
    int use_log = lo > 0 && hi / lo > 100;
    double slo = use_log ? log10(lo) : fmin(lo, 0), shi = use_log ? log10(hi) : hi;
    svg_begin(p, title, fmax(W, L + 5 * SWATCH + 20), H);
    for (size_t r = 0; r < n; r++) {
        double y = T + cs * (double)r;
        clioi_rp_printf(p, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">", L - 6,
                        y + cs / 2 + 4);
        short_label(p, names[r]);
        clioi_rp_printf(p, "</text>\n");
        double x = L + cs * (double)r + cs / 2;
        clioi_rp_printf(p,
                        "<text transform=\"translate(%.1f %.1f) rotate(-50)\" "
                        "text-anchor=\"start\">",
                        x + 4, T - 6);
        short_label(p, names[r]);
        clioi_rp_printf(p, "</text>\n");
    }
    for (size_t r = 0; r < n; r++)
        for (size_t c = 0; c < n; c++) {
            double v = m[r * n + c], t = shi > slo ? ((use_log ? log10(v) : v) - slo) / (shi - slo) : 0;
            char colour[8];
            shade(t, colour);
            clioi_rp_printf(p,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                            "fill=\"%s\" class=\"cell\" data-value=\"%.17g\"><title>",
                            L + cs * (double)c, T + cs * (double)r, cs, cs, colour, v);
            clioi_rp_text(p, names[r]);
            clioi_rp_printf(p, " \xE2\x86\x92 "); /* arrow */
            clioi_rp_text(p, names[c]);
            clioi_rp_printf(p, ": ");
            clioi_rp_number(p, v);
            clioi_rp_printf(p, "</title></rect>\n");
            if (cs >= 40) {
                clioi_rp_printf(p,
                                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                                "font-size=\"10\" fill=\"%s\">",
                                L + cs * ((double)c + 0.5), T + cs * ((double)r + 0.5) + 4,
                                t > 0.5 ? "#ffffff" : "#000000");
                clioi_rp_number(p, v);
                clioi_rp_printf(p, "</text>\n");
            }
        }
    /* legend: five shades with the values they stand for */
    double ly = T + cs * (double)n + 12;
    for (int k = 0; k < 5; k++) {
        double t = k / 4.0, v = slo + t * (shi - slo);
        char colour[8];
        shade(t, colour);
        clioi_rp_printf(p,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"14\" fill=\"%s\" "
                        "class=\"swatch\"/><text x=\"%.1f\" y=\"%.1f\">",
                        L + SWATCH * k, ly, colour, L + SWATCH * k + 18, ly + 11);
        clioi_rp_number(p, use_log ? pow(10, v) : v);
        clioi_rp_printf(p, "</text>\n");
    }
    clioi_rp_printf(p, "<text x=\"%.1f\" y=\"%.1f\" class=\"unit\">%s</text>\n", 8.0, ly + 11,
                    use_log ? "log scale" : "linear scale");
    clioi_rp_printf(p, "</svg>\n");
}
