#ifndef GRANTLEDGER_XLSX_DEFLATE_H
#define GRANTLEDGER_XLSX_DEFLATE_H

/// The deflate level (0-9, or -1 for zlib's default, 6) for the parts of the .xlsx packages that
/// the calling thread packages next. libxlsxwriter 1.1.4 has no option for it: it always asks
/// minizip for zlib's default level, so this package stands in for minizip's
/// `zipOpenNewFileInZip4_64` (see xlsx_deflate.c) and passes the level on.
void grantledger_xlsx_set_deflate_level(int level);

#include <stdio.h>

/// While armed on this thread, every fflush of a stream in error is noted (see
/// xlsx_stdio_guard.c): libxlsxwriter ignores the write errors of its scratch files.
void grantledger_xlsx_guard_arm(void);
/// Disarms the guard; the errno of the first stream found in error since `arm`, or 0.
int grantledger_xlsx_guard_disarm(void);
/// Flushes `stream` and returns the errno if it is in error (a failed write), else 0.
int grantledger_xlsx_guard_check(FILE *stream);

#endif
