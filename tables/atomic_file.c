/* atomic_file.c -- outputs appear whole or not at all: write a temporary
 * file in the target's directory, fsync it, then rename(2) over the target
 * (atomic within one file system). */
#include "clioi.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int clioi_atomic_begin(clioi_atomic *a, const char *path, int open_stream, clio_error *err)
{
    memset(a, 0, sizeof *a);
    a->path = clioi_strdup(path);
    size_t len = strlen(path) + 32;
    a->tmp_path = malloc(len);
    if (!a->path || !a->tmp_path) {
        /* no file yet: nothing to unlink (tmp_path holds no name) */
        free(a->path);
        free(a->tmp_path);
        memset(a, 0, sizeof *a);
        return clioi_fail(err, CLIO_ENOMEM, "out of memory writing '%s'", path);
    }
    /* mkstemp gives a unique name even with several clio runs at once. */
    snprintf(a->tmp_path, len, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(a->tmp_path);
    if (fd < 0) {
        int e = errno;
        free(a->tmp_path);
        a->tmp_path = NULL;
        clioi_atomic_abort(a);
        return clioi_fail(err, CLIO_EWRITE, "cannot write '%s': %s", path, strerror(e));
    }
    /* mkstemp creates 0600; give the file the mode a plain fopen would. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    if (!open_stream) {
        close(fd);
        return CLIO_OK;
    }
    a->fp = fdopen(fd, "w");
    if (!a->fp) {
        int e = errno;
        close(fd);
        clioi_atomic_abort(a);
        return clioi_fail(err, CLIO_EWRITE, "cannot write '%s': %s", path, strerror(e));
    }
    return CLIO_OK;
}

/* fsync the directory holding `path`, best effort: some file systems
 * refuse it, and the data itself is already on disk. */
static void sync_directory(const char *path)
{
    char *dir = clioi_strdup(path);
    if (!dir)
        return;
    char *slash = strrchr(dir, '/');
    if (slash == dir)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    int fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(dir);
}

int clioi_atomic_commit(clioi_atomic *a, clio_error *err)
{
    int failed = 0, e = 0;
    if (a->fp) {
        if (fflush(a->fp) != 0 || ferror(a->fp) || fsync(fileno(a->fp)) != 0) {
            failed = 1;
            e = errno;
        }
        if (fclose(a->fp) != 0 && !failed) {
            failed = 1;
            e = errno;
        }
        a->fp = NULL;
    } else {
        int fd = open(a->tmp_path, O_RDONLY);
        if (fd < 0 || fsync(fd) != 0) {
            failed = 1;
            e = errno;
        }
        if (fd >= 0)
            close(fd);
    }
    if (!failed && rename(a->tmp_path, a->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (!failed)
        sync_directory(a->path); /* make the rename itself durable */
    if (failed) {
        int status = clioi_fail(err, CLIO_EWRITE, "cannot write '%s': %s", a->path,
                                strerror(e ? e : EIO));
        clioi_atomic_abort(a);
        return status;
    }
    free(a->tmp_path);
    free(a->path);
    memset(a, 0, sizeof *a);
    return CLIO_OK;
}

void clioi_atomic_abort(clioi_atomic *a)
{
    if (a->fp)
        fclose(a->fp);
    if (a->tmp_path)
        unlink(a->tmp_path);
    free(a->tmp_path);
    free(a->path);
    memset(a, 0, sizeof *a);
}
