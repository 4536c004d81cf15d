import FuzzSupport
import GrantLedgerCore

/// An import rules file (ImportRulesReader), then a shipped finance export read by it, checked
/// against the books, planned, written and read back, and reconciled (`ImportStages`): Bassetlaw's
/// statement when the rules name its Safer Streets grant (`ss4`), else the county's NWPS export.
let folder = ScratchFolder("import-rules")
let books = ImportBooks.shipped(folder)
let exports = books.map { folder.copy($0.export, as: "\($0.export)") }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let rulesPath = folder.write("input.rules", UnsafeBufferPointer(start: data, count: size))
    let pick = UnsafeBufferPointer(start: data, count: size).firstRange(of: Array("ss4".utf8)) == nil ? 0 : 1
    ImportStages.run(rulesPath: rulesPath, exportPath: exports[pick], books: books[pick], variant: size / 2)
    return 0
}
