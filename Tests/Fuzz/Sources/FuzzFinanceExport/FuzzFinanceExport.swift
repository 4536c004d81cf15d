import FuzzSupport
import GrantLedgerCore

/// A finance-system export CSV (FinanceExport), read by one of the shipped rules files (Bassetlaw's
/// when the input names the district council's company code, else the county's NWPS rules), then checked against the books, planned, written and read back, and
/// reconciled (`ImportStages`).
let folder = ScratchFolder("finance-export")
let books = ImportBooks.shipped(folder)
let rules = books.map { folder.copy($0.rules, as: "\($0.rules)") }

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFinanceExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let exportPath = folder.write("input.csv", UnsafeBufferPointer(start: data, count: size))
    let pick = UnsafeBufferPointer(start: data, count: size).firstRange(of: Array("BDC,".utf8)) == nil ? 0 : 1
    ImportStages.run(rulesPath: rules[pick], exportPath: exportPath, books: books[pick], variant: size / 2)
    return 0
}
