import FuzzSupport

/// An import rules file (ImportRulesReader), then a shipped finance export read by it, checked
/// against the books, planned, written and read back, and reconciled (`ImportStages`).
let harness = ImportHarness("import-rules")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImportRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    harness.fuzzRules(UnsafeBufferPointer(start: data, count: size))
    return 0
}
