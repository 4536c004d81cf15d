#ifndef GRANTLEDGER_XLSX_STDIO_GUARD_H
#define GRANTLEDGER_XLSX_STDIO_GUARD_H

#include <stdio.h>

/// While armed on this thread, every fflush of a stream in error is noted (see
/// xlsx_stdio_guard.c): libxlsxwriter ignores the write errors of its scratch files.
void grantledger_xlsx_guard_arm(void);
/// Disarms the guard; the errno of the first stream found in error since `arm`, or 0.
int grantledger_xlsx_guard_disarm(void);
/// Flushes `stream` and returns the errno if it is in error (a failed write), else 0.
int grantledger_xlsx_guard_check(FILE *stream);

#endif
