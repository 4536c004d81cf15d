import FuzzSupport
import GrantLedgerCore

/// A finance-system export CSV (FinanceExport), read by one of the shipped rules files (the input's
/// size picks which), then checked against the books, planned, written and read back, and
/// reconciled (`ImportStages`).
let folder = ScratchFolder("finance-export")
let books = ImportBooks.shipped(folder)
let rules = books.map { folder.copy($0.rules, as: "\($0.rules)") }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFinanceExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let exportPath = folder.write("input.csv", UnsafeBufferPointer(start: data, count: size))
    let pick = size % books.count
    ImportStages.run(rulesPath: rules[pick], exportPath: exportPath, books: books[pick])
    return 0
}
