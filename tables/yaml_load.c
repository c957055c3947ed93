/* yaml_load.c -- a whole YAML file into a libyaml document, for the
 * readers of YAML inputs (import specs, scenario files).  Messages name
 * the file and the line of a syntax error. */
#include "clioi.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

int clioi_yaml_load(const char *path, const char *what, struct yaml_document_s **out,
                    clio_error *err)
{
    *out = NULL;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return clioi_fail(err, CLIO_EIO, "%s: cannot open %s: %s", path, what, strerror(errno));
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        return clioi_fail(err, CLIO_EIO, "%s: the %s is a directory", path, what);
    }
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) { /* /dev/zero would never end */
        fclose(fp);
        return clioi_fail(err, CLIO_EIO, "%s: the %s is not a regular file", path, what);
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        fclose(fp);
        return clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    }
    yaml_parser_set_input_file(&parser, fp);
    int status = CLIO_OK;
    yaml_document_t *doc = calloc(1, sizeof *doc);
    if (!doc) {
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    } else if (yaml_parser_load(&parser, doc)) {
        *out = doc;
        doc = NULL;
    } else if (parser.error == YAML_MEMORY_ERROR) {
        status = clioi_fail(err, CLIO_ENOMEM, "%s: out of memory", path);
    } else if (parser.error == YAML_READER_ERROR) {
        /* Reader errors (bad UTF-8, read failure) carry a byte offset, no line. */
        status = clioi_fail(err, ferror(fp) ? CLIO_EIO : CLIO_EFORMAT, "%s: byte %zu: %s", path,
                            parser.problem_offset, parser.problem ? parser.problem : "cannot read");
    } else {
        status = clioi_fail(err, CLIO_EFORMAT, "%s:%zu: YAML syntax error: %s%s%s", path,
                            parser.problem_mark.line + 1,
                            parser.problem ? parser.problem : "malformed YAML",
                            parser.context ? " " : "", parser.context ? parser.context : "");
    }
    free(doc); /* a failed load leaves nothing in it */
    yaml_parser_delete(&parser);
    fclose(fp);
    return status;
}
