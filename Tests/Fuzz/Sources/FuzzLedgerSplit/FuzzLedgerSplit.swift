@_spi(Fuzzing) import GrantLedgerCore
import FuzzSupport

/// The split reader (`ReadSession.readSplit`): the fuzzed file is cut after blank lines into two to
/// four ranges read on threads of their own, with blocks of 7 (the threshold lowered through the
/// reader's Fuzzing SPI: in use a file must be 8 MiB to be cut). Its promise is exactly what one
/// pass gives, so both are read and compared field for field, diagnostics included; then the
/// checks and later stages run on the split result.
let folder = ScratchFolder.besideShippedDeclarations("ledger-split")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLedgerSplit(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = folder.write("input.ledger", UnsafeBufferPointer(start: data, count: size))
    let one = LedgerReader.read(paths: [path], sources: SourceFiles(), splittingFilesOf: .max, ranges: 1, blockSize: 1 << 16)
    let sources = SourceFiles()
    let many = LedgerReader.read(paths: [path], sources: sources, splittingFilesOf: 0, ranges: 2 + size % 3, blockSize: 7)
    SameLedger.expect(one, many)
    Promises.reported(many.diagnostics, sources: sources, located: true)
    let findings = LedgerStages.checks(many.ledger, readProblems: many.diagnostics)
    if !many.diagnostics.contains(where: { $0.severity == .error }) {
        LedgerStages.outputs(many.ledger, diagnostics: many.diagnostics + findings, variant: size / 3)
    }
    return 0
}
