#ifndef GRANTLEDGER_XLSX_DEFLATE_H
#define GRANTLEDGER_XLSX_DEFLATE_H

/// The deflate level (0-9, or -1 for zlib's default, 6) for the parts of the .xlsx packages that
/// the calling thread packages next. libxlsxwriter 1.1.4 has no option for it: it always asks
/// minizip for zlib's default level, so this package stands in for minizip's
/// `zipOpenNewFileInZip4_64` (see xlsx_deflate.c) and passes the level on.
void grantledger_xlsx_set_deflate_level(int level);

#endif
