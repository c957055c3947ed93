/* report_html.c -- the report page as it grows: formatted text, text from
 * files escaped for HTML, numbers for reading (with the exact value kept
 * in a data-value attribute, so that tests and scripts can check it), and
 * the figure-with-table frame every chart sits in. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int grow(rp_page *p, size_t more)
{
    if (p->failed)
        return 0;
    if (p->len + more + 1 <= p->cap)
        return 1;
    size_t cap = p->cap ? p->cap : 65536;
    while (cap < p->len + more + 1)
        cap *= 2;
    char *s = realloc(p->s, cap);
    if (!s) {
        p->failed = 1;
        return 0;
    }
    p->s = s;
    p->cap = cap;
    return 1;
}

void clioi_rp_printf(rp_page *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        p->failed = 1;
        return;
    }
    if (!grow(p, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(p->s + p->len, p->cap - p->len, fmt, ap);
    va_end(ap);
    p->len += (size_t)n;
}

static void put(rp_page *p, const char *s, size_t n)
{
    if (!grow(p, n))
        return;
    memcpy(p->s + p->len, s, n);
    p->len += n;
    p->s[p->len] = '\0';
}

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t utf8_length(const unsigned char *s)
{
    size_t n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
                                 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 2 && s[0] < 0xC2)
        return 0; /* overlong */
    for (size_t k = 1; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

void clioi_rp_text(rp_page *p, const char *text)
{
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    while (*s) {
        switch (*s) {
        case '&': put(p, "&amp;", 5); s++; continue;
        case '<': put(p, "&lt;", 4); s++; continue;
        case '>': put(p, "&gt;", 4); s++; continue;
        case '"': put(p, "&quot;", 6); s++; continue;
        case '\'': put(p, "&#39;", 5); s++; continue;
        default: break;
        }
        size_t n = utf8_length(s);
        if (n == 0 || (*s < 0x20 && *s != '\n' && *s != '\t') || *s == 0x7F) {
            /* bytes a page must not hold: the replacement character */
            put(p, "\xEF\xBF\xBD", 3);
            s++;
            continue;
        }
        put(p, (const char *)s, n);
        s += n;
    }
}

void clioi_rp_format(double v, char *buf, size_t len)
{
    double a = fabs(v);
    if (isnan(v)) {
        snprintf(buf, len, "n/a");
        return;
    }
    if (isinf(v) || (a != 0 && (a < 1e-3 || a >= 1e9))) {
        snprintf(buf, len, "%.4g", v);
        return;
    }
    int decimals = a == 0 ? 0 : 4 - (int)floor(log10(a));
    decimals = decimals < 0 ? 0 : decimals > 7 ? 7 : decimals;
    snprintf(buf, len, "%.*f", decimals, v);
    /* 1.2500 -> 1.25, 3.000 -> 3 */
    if (strchr(buf, '.')) {
        char *end = buf + strlen(buf) - 1;
        while (*end == '0')
            *end-- = '\0';
        if (*end == '.')
            *end = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, len, "0");
}

void clioi_rp_number(rp_page *p, double v)
{
    char buf[64];
    clioi_rp_format(v, buf, sizeof buf);
    clioi_rp_printf(p, "%s", buf);
}

void clioi_rp_cell(rp_page *p, double v)
{
    clioi_rp_printf(p, "<td class=\"num\" data-value=\"%.17g\">", v);
    clioi_rp_number(p, v);
    clioi_rp_printf(p, "</td>");
}

void clioi_rp_figure_begin(rp_page *p, const char *title)
{
    p->nfigures++;
    clioi_rp_printf(p, "<figure class=\"chart\" id=\"c%d\">\n<figcaption>", p->nfigures);
    clioi_rp_text(p, title);
    clioi_rp_printf(p, "</figcaption>\n<div class=\"pair\">\n");
}

void clioi_rp_figure_end(rp_page *p)
{
    clioi_rp_printf(p, "</div>\n</figure>\n");
}

void clioi_rp_bar_table(rp_page *p, const char *label_heading, const char *value_heading,
                        const rp_series *s)
{
    clioi_rp_printf(p, "<table class=\"numbers\">\n<thead><tr><th>");
    clioi_rp_text(p, label_heading);
    clioi_rp_printf(p, "</th><th>");
    clioi_rp_text(p, value_heading);
    clioi_rp_printf(p, "</th></tr></thead>\n<tbody>\n");
    for (size_t k = 0; k < s->n; k++) {
        clioi_rp_printf(p, "<tr><td>");
        clioi_rp_text(p, s->labels[k]);
        clioi_rp_printf(p, "</td>");
        clioi_rp_cell(p, s->values[k]);
        clioi_rp_printf(p, "</tr>\n");
    }
    clioi_rp_printf(p, "</tbody>\n</table>\n");
}
