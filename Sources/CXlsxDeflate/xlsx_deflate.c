// Trades file size for speed when packaging a workbook.
//
// Compressing the worksheet XML is a third of the time of writing a million-row Spend sheet, and
// libxlsxwriter 1.1.4 offers no way to lower the level: packager.c opens every part of the .xlsx
// with `zipOpenNewFileInZip4_64(..., Z_DEFLATED, Z_DEFAULT_COMPRESSION, ...)`. libxlsxwriter.so
// calls minizip through the dynamic linker, so a definition of that function in the program comes
// first; this one swaps in the level chosen for the calling thread and calls minizip's own. Only a
// request for the default level is changed, and nothing else about the package: the file is a
// standard .xlsx, deterministic as before, only compressed less hard. Where the platform resolves
// the call elsewhere (a static libxlsxwriter, macOS's two-level namespace), this is never called and
// the library's default applies: the workbook is the same, only smaller and slower to write.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

#include "xlsx_deflate.h"

// From zlib.h and minizip's zip.h (the 1.1 API libxlsxwriter is built against), spelled out so that
// building needs neither header: a zipFile and a zip_fileinfo are only passed through here.
typedef void *zipFile;
typedef struct zip_fileinfo zip_fileinfo;
typedef unsigned int uInt;
typedef unsigned long uLong;
enum { Z_DEFLATED = 8, Z_DEFAULT_COMPRESSION = -1, ZIP_INTERNALERROR = -104 };

static _Thread_local int deflate_level = Z_DEFAULT_COMPRESSION;

void grantledger_xlsx_set_deflate_level(int level) {
    deflate_level = level >= -1 && level <= 9 ? level : Z_DEFAULT_COMPRESSION;
}

typedef int (*zip_open_new_file)(zipFile, const char *, const zip_fileinfo *, const void *, uInt,
                                 const void *, uInt, const char *, int, int, int, int, int, int,
                                 const char *, uLong, uLong, uLong, int);

int zipOpenNewFileInZip4_64(zipFile file, const char *filename, const zip_fileinfo *zipfi,
                            const void *extrafield_local, uInt size_extrafield_local,
                            const void *extrafield_global, uInt size_extrafield_global,
                            const char *comment, int method, int level, int raw, int windowBits,
                            int memLevel, int strategy, const char *password, uLong crcForCrypting,
                            uLong versionMadeBy, uLong flagBase, int zip64) {
    static zip_open_new_file minizip;
    zip_open_new_file next = __atomic_load_n(&minizip, __ATOMIC_ACQUIRE);
    if (next == NULL) {
        next = (zip_open_new_file)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
        if (next == NULL) return ZIP_INTERNALERROR;
        __atomic_store_n(&minizip, next, __ATOMIC_RELEASE);
    }
    if (method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION) level = deflate_level;
    return next(file, filename, zipfi, extrafield_local, size_extrafield_local, extrafield_global,
                size_extrafield_global, comment, method, level, raw, windowBits, memLevel, strategy,
                password, crcForCrypting, versionMadeBy, flagBase, zip64);
}
