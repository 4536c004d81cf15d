// Makes libxlsxwriter's lost write errors visible.
//
// libxlsxwriter 1.1.4 writes every part of the package (and, in constant-memory mode, every row)
// to scratch files with unchecked fwrite calls, then flushes each one with an unchecked fflush
// before rewinding and copying it into the zip: on a full disk a part is silently cut short, or
// left empty, and the workbook "succeeds". Both places call fflush through the dynamic linker, so
// this definition comes first: it calls the C library's own and, while the calling thread has
// armed the guard, remembers the first stream found in error (a failed flush, or the stream's
// error flag, which a failed fwrite sets and the rewind that follows would clear). The workbook
// writer arms it around workbook_close and fails the export if it fired. Nothing else changes:
// every call still reaches the C library's fflush with the same stream and returns its result.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>

#include "xlsx_stdio_guard.h"

static _Thread_local int guard_armed = 0;
static _Thread_local int guard_errno = 0;

void grantledger_xlsx_guard_arm(void) {
    guard_armed = 1;
    guard_errno = 0;
}

int grantledger_xlsx_guard_disarm(void) {
    guard_armed = 0;
    int found = guard_errno;
    guard_errno = 0;
    return found;
}

int grantledger_xlsx_guard_check(FILE *stream) {
    if (stream == NULL) return 0;
    if (fflush(stream) != 0 || ferror(stream)) return errno != 0 ? errno : EIO;
    return 0;
}

typedef int (*flush_function)(FILE *);

int fflush(FILE *stream) {
    static flush_function real;
    flush_function next = __atomic_load_n(&real, __ATOMIC_ACQUIRE);
    if (next == NULL) {
        next = (flush_function)dlsym(RTLD_NEXT, "fflush");
        if (next == NULL) {
            errno = ENOSYS;
            return EOF;
        }
        __atomic_store_n(&real, next, __ATOMIC_RELEASE);
    }
    int result = next(stream);
    if (guard_armed && guard_errno == 0 && stream != NULL && (result != 0 || ferror(stream))) {
        guard_errno = errno != 0 ? errno : EIO;
    }
    return result;
}
