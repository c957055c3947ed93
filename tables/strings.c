/* strings.c -- small string and memory helpers shared by the readers. */
#define _DEFAULT_SOURCE /* MADV_HUGEPAGE: not in POSIX, so <sys/mman.h> hides it */
#include "clioi.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

char *clioi_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    if (copy)
        memcpy(copy, s, len);
    return copy;
}

int clioi_ends_with(const char *s, const char *suffix)
{
    size_t ls = strlen(s), lx = strlen(suffix);
    return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

int clioi_parse_double(const char *text, double *value)
{
    while (isspace((unsigned char)*text))
        text++;
    if (*text == '\0')
        return -1;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text)
        return -1;
    while (isspace((unsigned char)*end))
        end++;
    if (*end != '\0')
        return -1;
    *value = v; /* ERANGE overflow gives +-HUGE_VAL: caught as non-finite */
    return 0;
}

void *clioi_calloc_array(size_t n, size_t size)
{
    return calloc(n ? n : 1, size ? size : 1);
}

void clioi_madvise_huge(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    /* Bandwidth-bound passes over big matrices run 1.15-1.3x faster on huge
     * pages (PERFORMANCE.md); the kernel only gives them on request here. */
    const size_t page = 2u << 20;
    if (bytes < 4 * page)
        return;
    char *start = (char *)(((size_t)p + page - 1) & ~(page - 1));
    size_t len = ((size_t)p + bytes - (size_t)start) & ~(page - 1);
    if (len)
        (void)madvise(start, len, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

double *clioi_alloc_matrix(size_t rows, size_t cols)
{
    if (cols && rows > (size_t)-1 / sizeof(double) / cols)
        return NULL;
    double *m = clioi_calloc_array(rows * cols, sizeof(double));
    if (m)
        clioi_madvise_huge(m, rows * cols * sizeof(double));
    return m;
}

int clioi_split_key(const char *key, char **region, char **name)
{
    const char *bar = strchr(key, '|');
    *region = NULL;
    *name = NULL;
    if (bar) {
        size_t len = (size_t)(bar - key);
        *region = malloc(len + 1);
        if (!*region)
            return CLIO_ENOMEM;
        memcpy(*region, key, len);
        (*region)[len] = '\0';
        key = bar + 1;
    }
    *name = clioi_strdup(key);
    if (!*name) {
        free(*region);
        *region = NULL;
        return CLIO_ENOMEM;
    }
    return CLIO_OK;
}

char *clioi_join_key(const char *region, const char *name)
{
    if (!region)
        return clioi_strdup(name);
    size_t lr = strlen(region), ln = strlen(name);
    char *key = malloc(lr + ln + 2);
    if (key) {
        memcpy(key, region, lr);
        key[lr] = '|';
        memcpy(key + lr + 1, name, ln + 1);
    }
    return key;
}

size_t clioi_find_label(char *const *names, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (names[i] && strcmp(names[i], name) == 0)
            return i;
    return CLIO_NONE;
}

static int compare_indirect(const void *a, const void *b)
{
    return strcmp(**(char *const *const *)a, **(char *const *const *)b);
}

int clioi_check_unique(char *const *names, size_t count, const char *what, clio_error *err)
{
    /* Sort pointers to the labels: O(n log n) for 20,000-sector tables. */
    char *const **order = clioi_calloc_array(count, sizeof *order);
    if (!order)
        return clioi_fail(err, CLIO_ENOMEM, "out of memory checking %s labels", what);
    for (size_t i = 0; i < count; i++)
        order[i] = &names[i];
    qsort(order, count, sizeof *order, compare_indirect);
    for (size_t i = 1; i < count; i++) {
        if (strcmp(*order[i - 1], *order[i]) == 0) {
            int status = clioi_fail(err, CLIO_ELABEL, "duplicate %s label '%s'", what,
                                    *order[i]);
            free(order);
            return status;
        }
    }
    free(order);
    return CLIO_OK;
}
