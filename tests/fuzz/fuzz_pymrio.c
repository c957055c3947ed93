/* fuzz_pymrio.c -- a pymrio text folder: the input, split at form feeds,
 * becomes file_parameters.json, Z.txt, Y.txt, x.txt and an extension's
 * file_parameters.json and F.txt (missing parts are missing files); the
 * folder is read as a table. */
#include "fuzz.h"

static const char *const parts[] = {"file_parameters.json", "Z.txt", "Y.txt", "x.txt",
                                    "ext/file_parameters.json", "ext/F.txt"};
#define NPARTS (sizeof parts / sizeof parts[0])

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[200], name[260];
    snprintf(dir, sizeof dir, "%s/pymrio", fuzz_dir());
    mkdir(dir, 0700);
    snprintf(name, sizeof name, "%s/ext", dir);
    mkdir(name, 0700);
    size_t k = 0;
    for (; k < NPARTS && size > 0; k++) {
        const uint8_t *ff = memchr(data, '\f', size);
        size_t len = ff ? (size_t)(ff - data) : size;
        snprintf(name, sizeof name, "pymrio/%s", parts[k]);
        fuzz_write(name, data, len);
        data += len + (ff != NULL);
        size -= len + (ff != NULL);
    }
    for (; k < NPARTS; k++) {
        snprintf(name, sizeof name, "%s/%s", dir, parts[k]);
        remove(name);
    }
    clio_table *t = NULL;
    clio_error err;
    int status = clio_table_read_pymrio(dir, NULL, &t, &err);
    fuzz_check_status(status);
    clio_table_free(t);
    return 0;
}
