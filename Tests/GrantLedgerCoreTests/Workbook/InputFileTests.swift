@testable import GrantLedgerCore
import Testing

/// An input's SHA-256 is worked out when first asked for (in the background during an export):
/// the value, and so the Provenance sheet, is the file's hash whoever asks first.
@Suite("Input files' fingerprints")
struct InputFileTests {
    @Test func aFileAsReadHasItsBytesHashAndEqualsTheSameFileGivenWithIt() {
        let source = SourceFile(name: "books.ledger", text: "; nothing yet\n")
        let read = InputFile(source, path: "books.ledger", role: "ledger")
        source.startHashing()
        let given = InputFile(path: "books.ledger", role: "ledger", bytes: UInt64(source.byteCount),
                              sha256: SourceFile.sha256(of: source.bytes))
        #expect(read.sha256 == given.sha256 && read.sha256.count == 64)
        #expect(read == given && Set([read, given]).count == 1)
        #expect(read != InputFile(path: "books.ledger", role: "ledger", bytes: read.bytes, sha256: String(repeating: "0", count: 64)))
    }
}
