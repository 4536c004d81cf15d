import FuzzSupport

/// A finance-system export CSV (FinanceExport), read by one of the shipped rules files, then checked
/// against the books, planned, written and read back, and reconciled (`ImportStages`).
let harness = ImportHarness("finance-export")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFinanceExport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    harness.fuzzExport(UnsafeBufferPointer(start: data, count: size))
    return 0
}
