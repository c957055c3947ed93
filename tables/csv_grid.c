/* csv_grid.c -- a CSV file as rows of text fields, parsed by libcsv (RFC
 * 4180 quoting).  The file is fed to the parser one physical line at a
 * time so every row knows the line it starts on, for error messages.
 * clioi_csv_stream hands each row to a callback and keeps nothing (large
 * matrices are read that way, tables/csv_matrix.c); clioi_csv_read keeps
 * the whole grid (small files). */
#include "clioi.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Report reading progress every 4 MiB: often enough to move, rarely enough
 * to cost nothing. */
#define PROGRESS_STEP ((size_t)4 << 20)

/* The row being parsed: its fields' text, NUL-terminated, one after the
 * other in one buffer (no allocation per field), handed to the row callback
 * when the row ends. */
typedef struct stream_state {
    clioi_csv_row_fn on_row;
    void *ctx;
    clio_error *err;
    char *text;            /* the fields' bytes */
    size_t text_len, text_cap;
    size_t *starts;        /* offset of each field in text */
    size_t starts_cap;
    char **fields;         /* handed out: pointers into text */
    size_t nfields, fields_cap;
    size_t line;           /* physical line being fed */
    size_t row_line;       /* line the open row started on */
    int row_open;          /* a row has received fields */
    double fraction;       /* of the file read, up to the end of this line */
    int status;            /* first failure: the callback's, or out of memory */
    int nomem;             /* the failure is the parser's own out of memory */
} stream_state;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

static void on_field(void *text, size_t len, void *data)
{
    stream_state *s = data;
    if (s->status != CLIO_OK)
        return;
    if (!s->row_open) {
        s->row_open = 1;
        s->row_line = s->line;
        s->nfields = s->text_len = 0;
    }
    if (grow((void **)&s->starts, &s->starts_cap, s->nfields + 1, sizeof *s->starts) ||
        grow((void **)&s->fields, &s->fields_cap, s->nfields + 1, sizeof *s->fields) ||
        grow((void **)&s->text, &s->text_cap, s->text_len + len + 1, 1)) {
        s->status = CLIO_ENOMEM;
        s->nomem = 1;
        return;
    }
    if (len)
        memcpy(s->text + s->text_len, text, len);
    s->text[s->text_len + len] = '\0';
    s->starts[s->nfields++] = s->text_len;
    s->text_len += len + 1;
}

static void on_row_end(int terminator, void *data)
{
    (void)terminator;
    stream_state *s = data;
    if (s->status != CLIO_OK)
        return;
    if (!s->row_open) { /* a row with no fields: readers treat a missing field as empty */
        s->row_line = s->line;
        s->nfields = 0;
    }
    s->row_open = 0;
    for (size_t f = 0; f < s->nfields; f++)
        s->fields[f] = s->text + s->starts[f];
    clioi_csv_row row = {.line = s->row_line, .nfields = s->nfields, .fields = s->fields};
    s->status = s->on_row(s->ctx, &row, s->fraction, s->err);
}

static int is_blank(unsigned char c) { return c == ' '; }

/* Tab-separated when the first line has more tabs than commas. */
static unsigned char detect_delimiter(const char *line)
{
    size_t commas = 0, tabs = 0;
    for (const char *p = line; *p && *p != '\n'; p++) {
        commas += *p == ',';
        tabs += *p == '\t';
    }
    return tabs > commas ? CSV_TAB : CSV_COMMA;
}

/* The offset of the first byte of s[0..len) that is not part of valid
 * UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF), or
 * CLIO_NONE.  Labels end up in NetCDF strings, which must be UTF-8. */
static size_t first_invalid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t need;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            need = 1, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3, min = 0x10000;
        } else {
            return i;
        }
        unsigned code = c & (0x3F >> need);
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
                return i;
            code = code << 6 | (s[i + k] & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += need + 1;
    }
    return CLIO_NONE;
}

int clioi_csv_stream(const char *path, clioi_csv_row_fn on_row, void *ctx, clio_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return clioi_fail(err, CLIO_EIO, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(fp), &st) != 0 || (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode))) {
        /* a directory cannot be read; a device such as /dev/zero would never end */
        fclose(fp);
        return clioi_fail(err, CLIO_EIO, "%s: cannot read: not a regular file", path);
    }

    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        fclose(fp);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    }
    csv_set_space_func(&parser, is_blank);

    stream_state b = {.on_row = on_row, .ctx = ctx, .err = err};
    char *line = NULL;
    size_t line_cap = 0;
    int status = CLIO_OK;

    /* progress: by bytes read, every PROGRESS_STEP bytes */
    char task[256];
    double size = S_ISREG(st.st_mode) && st.st_size > 0 ? (double)st.st_size : 0.0;
    size_t read_bytes = 0, next_report = 0;
    snprintf(task, sizeof task, "reading %s", path);

    ssize_t len;
    while ((len = getline(&line, &line_cap, fp)) >= 0) {
        char *text = line;
        b.line++;
        read_bytes += (size_t)len;
        b.fraction = size > 0.0 ? (double)read_bytes / size : 0.0;
        if (read_bytes >= next_report && size > 0.0) {
            clioi_progress(task, (double)read_bytes / size);
            next_report = read_bytes + PROGRESS_STEP;
        }
        if (b.line == 1) {
            if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
                text += 3;
                len -= 3;
            }
            csv_set_delim(&parser, detect_delimiter(text));
        }
        if (b.line == 1 && len >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') ||
                                        (text[0] == '\xFE' && text[1] == '\xFF'))) {
            status = clioi_fail(err, CLIO_EFORMAT,
                                "%s: the file is UTF-16; convert it to UTF-8, e.g. "
                                "iconv -f utf-16 -t utf-8",
                                path);
            goto done;
        }
        size_t bad = first_invalid_utf8((const unsigned char *)text, (size_t)len);
        if (bad != CLIO_NONE) {
            status = clioi_fail(err, CLIO_EFORMAT,
                                "%s:%zu: byte %zu is not UTF-8 (the file may be Latin-1 or "
                                "Windows-1252: convert it, e.g. iconv -f latin1 -t utf-8)",
                                path, b.line, bad + 1);
            goto done;
        }
        if (memchr(text, '\0', (size_t)len)) {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: binary data (NUL byte) in a CSV file",
                                path, b.line);
            goto done;
        }
        size_t parsed = csv_parse(&parser, text, (size_t)len, on_field, on_row_end, &b);
        if (b.status != CLIO_OK)
            break;
        if (parsed != (size_t)len) {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: malformed CSV: %s", path, b.line,
                                csv_strerror(csv_error(&parser)));
            goto done;
        }
    }
    if (b.status == CLIO_OK && ferror(fp)) {
        status = clioi_fail(err, CLIO_EIO, "%s: read error: %s", path, strerror(errno));
        goto done;
    }
    if (b.status == CLIO_OK && csv_fini(&parser, on_field, on_row_end, &b) != 0) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: malformed CSV: %s", path, b.line,
                            "unterminated quoted field at end of file");
        goto done;
    }
    status = b.nomem ? clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path) : b.status;
    if (status == CLIO_OK)
        clioi_progress(task, 1.0);

done:
    free(line);
    free(b.text);
    free(b.starts);
    free(b.fields);
    csv_free(&parser);
    fclose(fp);
    return status;
}


/* clioi_csv_read: every row kept, each field copied out of the stream. */
typedef struct grid_builder {
    clioi_csv *csv;
    size_t capacity; /* of csv->rows */
} grid_builder;

static int keep_row(void *ctx, const clioi_csv_row *row, double fraction, clio_error *err)
{
    (void)fraction;
    grid_builder *b = ctx;
    clioi_csv *csv = b->csv;
    if (grow((void **)&csv->rows, &b->capacity, csv->nrows + 1, sizeof *csv->rows))
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", csv->path);
    clioi_csv_row *kept = &csv->rows[csv->nrows++];
    kept->line = row->line;
    kept->nfields = 0;
    kept->fields = clioi_calloc_array(row->nfields, sizeof *kept->fields);
    if (!kept->fields)
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", csv->path);
    for (size_t f = 0; f < row->nfields; f++) {
        if (!(kept->fields[f] = clioi_strdup(row->fields[f])))
            return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", csv->path);
        kept->nfields++;
    }
    return CLIO_OK;
}

int clioi_csv_read(const char *path, clioi_csv **out, clio_error *err)
{
    *out = NULL;
    clioi_csv *csv = calloc(1, sizeof *csv);
    if (!csv || !(csv->path = clioi_strdup(path))) {
        free(csv);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    }
    grid_builder b = {.csv = csv};
    int status = clioi_csv_stream(path, keep_row, &b, err);
    if (status != CLIO_OK) {
        clioi_csv_free(csv);
        return status;
    }
    *out = csv;
    return CLIO_OK;
}

void clioi_csv_free(clioi_csv *csv)
{
    if (!csv)
        return;
    for (size_t r = 0; r < csv->nrows; r++) {
        for (size_t f = 0; f < csv->rows[r].nfields; f++)
            free(csv->rows[r].fields[f]);
        free(csv->rows[r].fields);
    }
    free(csv->rows);
    free(csv->path);
    free(csv);
}

int clioi_csv_number(const clioi_csv *csv, const clioi_csv_row *row, size_t col,
                     const char *column_label, double *value, clio_error *err)
{
    const char *text = col < row->nfields ? row->fields[col] : "";
    const char *label = column_label ? column_label : "?";
    if (clioi_parse_double(text, value) != 0)
        return clioi_fail(err, CLIO_EFORMAT, "%s:%zu: column '%s': '%s' is not a number",
                          csv->path, row->line, label, text);
    if (!isfinite(*value))
        return clioi_fail(err, CLIO_EVALUE, "%s:%zu: column '%s': value '%s' is not finite",
                          csv->path, row->line, label, text);
    return CLIO_OK;
}

void clioi_csv_write_field(FILE *fp, const char *text)
{
    if (!text)
        return;
    if (strpbrk(text, ",\"\r\n\t") == NULL) {
        fputs(text, fp);
        return;
    }
    csv_fwrite(fp, text, strlen(text));
}

void clioi_csv_write_number(FILE *fp, double value)
{
    if (isnan(value))
        return;
    /* 15 significant digits reads well; fall back to 17 (always exact) when
     * 15 would not read back to the same double. */
    char buf[40];
    snprintf(buf, sizeof buf, "%.15g", value);
    if (strtod(buf, NULL) != value)
        snprintf(buf, sizeof buf, "%.17g", value);
    fputs(buf, fp);
}
