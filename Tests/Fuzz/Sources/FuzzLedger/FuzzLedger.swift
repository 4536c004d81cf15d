import FuzzSupport
import GrantLedgerCore

/// A ledger read in one pass, as `check` reads it: the fuzzed bytes are a file beside two shipped
/// ones it may include (`accounts.ledger`, `areas.ledger`). Then the audit checks, and on books
/// without read errors every report, writer, the audit and the workbook model (`LedgerStages`).
let folder = ScratchFolder.besideShippedDeclarations("ledger")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLedger(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = folder.write("input.ledger", UnsafeBufferPointer(start: data, count: size))
    let sources = SourceFiles()
    let (ledger, readProblems) = LedgerReader.read(paths: [path], sources: sources)
    Promises.reported(readProblems, sources: sources, located: true)
    let findings = LedgerStages.checks(ledger, readProblems: readProblems)
    Promises.reported(findings, sources: sources, located: true)
    if !readProblems.contains(where: { $0.severity == .error }) {
        LedgerStages.outputs(ledger, diagnostics: readProblems + findings, variant: size)
    }
    return 0
}
