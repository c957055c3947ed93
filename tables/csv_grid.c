/* csv_grid.c -- a CSV file as rows of text fields, parsed by libcsv (RFC
 * 4180 quoting).  The file is fed to the parser one physical line at a
 * time so every row knows the line it starts on, for error messages. */
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

typedef struct grid_builder {
    clioi_csv *csv;
    size_t capacity;      /* of csv->rows */
    size_t field_capacity; /* of the current row's fields */
    size_t line;          /* physical line being fed */
    int row_open;         /* a row has received fields */
    int nomem;
} grid_builder;

static clioi_csv_row *current_row(grid_builder *b)
{
    if (!b->row_open) {
        if (b->csv->nrows == b->capacity) {
            size_t cap = b->capacity ? 2 * b->capacity : 64;
            clioi_csv_row *rows = realloc(b->csv->rows, cap * sizeof *rows);
            if (!rows)
                return NULL;
            b->csv->rows = rows;
            b->capacity = cap;
        }
        clioi_csv_row *row = &b->csv->rows[b->csv->nrows++];
        memset(row, 0, sizeof *row);
        row->line = b->line;
        b->field_capacity = 0;
        b->row_open = 1;
    }
    return &b->csv->rows[b->csv->nrows - 1];
}

static void on_field(void *text, size_t len, void *data)
{
    grid_builder *b = data;
    if (b->nomem)
        return;
    clioi_csv_row *row = current_row(b);
    if (!row) {
        b->nomem = 1;
        return;
    }
    if (row->nfields == b->field_capacity) {
        size_t cap = b->field_capacity ? 2 * b->field_capacity : 16;
        char **fields = realloc(row->fields, cap * sizeof *fields);
        if (!fields) {
            b->nomem = 1;
            return;
        }
        row->fields = fields;
        b->field_capacity = cap;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        b->nomem = 1;
        return;
    }
    if (len)
        memcpy(copy, text, len);
    copy[len] = '\0';
    row->fields[row->nfields++] = copy;
}

static void on_row_end(int terminator, void *data)
{
    (void)terminator;
    grid_builder *b = data;
    if (!b->row_open && !b->nomem)
        (void)current_row(b); /* a row with no fields: readers treat a missing field as empty */
    b->row_open = 0;
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

int clioi_csv_read(const char *path, clioi_csv **out, clio_error *err)
{
    *out = NULL;
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

    clioi_csv *csv = calloc(1, sizeof *csv);
    grid_builder b = {.csv = csv};
    char *line = NULL;
    size_t line_cap = 0;
    int status = CLIO_OK;
    if (!csv || !(csv->path = clioi_strdup(path))) {
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
        goto done;
    }

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
        if (csv_parse(&parser, text, (size_t)len, on_field, on_row_end, &b) != (size_t)len) {
            status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: malformed CSV: %s", path, b.line,
                                csv_strerror(csv_error(&parser)));
            goto done;
        }
        if (b.nomem)
            break;
    }
    if (ferror(fp)) {
        status = clioi_fail(err, CLIO_EIO, "%s: read error: %s", path, strerror(errno));
        goto done;
    }
    if (!b.nomem && csv_fini(&parser, on_field, on_row_end, &b) != 0) {
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: malformed CSV: %s", path, b.line,
                            "unterminated quoted field at end of file");
        goto done;
    }
    if (b.nomem)
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    clioi_progress(task, 1.0);

done:
    free(line);
    csv_free(&parser);
    fclose(fp);
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
