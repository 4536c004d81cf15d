import FuzzSupport
import GrantLedgerCore

/// An import rules file (ImportRulesReader), then a shipped finance export read by it, checked
/// against the books, planned, written and read back, and reconciled (`ImportStages`). The input's
/// size picks which shipped export and books it meets.
let folder = ScratchFolder("import-rules")
let books = ImportBooks.shipped(folder)
let exports = books.map { folder.copy($0.export, as: "\($0.export)") }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let rulesPath = folder.write("input.rules", UnsafeBufferPointer(start: data, count: size))
    let pick = size % books.count
    ImportStages.run(rulesPath: rulesPath, exportPath: exports[pick], books: books[pick])
    return 0
}
