import Foundation
import Testing
@testable import GrantLedgerCore

/// No input, however malformed, crashes the reader: hundreds of seeded mutations of a real ledger,
/// each read, checked and rendered in-process.
@Suite("Robustness")
struct RobustnessTests {
    /// Cases per batch: 100 by default; set GRANTLEDGER_FUZZ_CASES for a longer hunt.
    static let casesPerBatch = ProcessInfo.processInfo.environment["GRANTLEDGER_FUZZ_CASES"].flatMap(Int.init) ?? 100

    /// SplitMix64: small, seeded, the same sequence on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let base = DeclarationReadingTests.bassetlaw + "\n\n" + """
        2022-10-31 * (BDC-14) Bassetlaw District Council | CCTV cameras   ; grant:ss4-bns, ref:BDC-2210-014
            ; supplier:Secure Vision Ltd
            expenses:safer-streets:cctv     £48,250.00   ; line:cctv, area:bassetlaw, initiative:bns-cctv, class:capital
            assets:bank:bns-csp                           ; amount inferred: -£48,250.00

        2022-11-30 ! Lighting | first phase   ; grant:ss4-bns
            expenses:safer-streets:cctv     £1,000.00 = £49,250.00   ; line:lighting
            assets:bank:bns-csp            -£1,000.00
            income:grants:home-office         £0.00

        2023-12-01 Late spend   ; grant:ss4-bns, line:doors
            expenses:safer-streets:cctv     1000
            liabilities:creditors
        include other.ledger
        """

    /// Fragments that are likely to upset a parser: invalid UTF-8, huge numbers, lone marks.
    static let fragments: [[UInt8]] = [
        [0xFF], [0xC3], [0xA3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0x00], [0x0D], [0x09],
        Array("£".utf8), Array("£99999999999999999999".utf8), Array("-£92,233,720,368,547,758.07".utf8),
        Array("  ".utf8), Array(";".utf8), Array("#".utf8), Array("=".utf8), Array("= £".utf8), Array(":".utf8),
        Array(",".utf8), Array("(".utf8), Array(")".utf8), Array("*".utf8), Array("line:".utf8), Array("grant:".utf8),
        Array("2022-02-30".utf8), Array("0000-00-00".utf8), Array("9999-12-31".utf8), Array("..".utf8),
        Array("\n    ".utf8), Array("\ngrant ".utf8), Array("\n  line ".utf8), Array("\n  tranche ".utf8),
        Array("\n  2022-01-01  awarded".utf8), Array("include ".utf8), Array("%".utf8), Array("\u{FEFF}".utf8),
    ]

    static func mutate(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            var lines = bytes.split(separator: ASCII.newline, omittingEmptySubsequences: false).map(Array.init)
            switch Int.random(in: 0..<10, using: &rng) {
            case 0 where !lines.isEmpty:   // delete a line
                lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
            case 1 where !lines.isEmpty:   // duplicate a line
                let i = Int.random(in: 0..<lines.count, using: &rng)
                lines.insert(lines[i], at: i)
            case 2 where lines.count > 1:  // swap two lines
                lines.swapAt(Int.random(in: 0..<lines.count, using: &rng), Int.random(in: 0..<lines.count, using: &rng))
            case 3:                        // insert random bytes anywhere
                let at = Int.random(in: 0...bytes.count, using: &rng)
                let noise = (0..<Int.random(in: 1...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                bytes.insert(contentsOf: noise, at: at)
                continue
            case 4:                        // insert a troublesome fragment
                let at = Int.random(in: 0...bytes.count, using: &rng)
                bytes.insert(contentsOf: fragments.randomElement(using: &rng)!, at: at)
                continue
            case 5 where !bytes.isEmpty:   // truncate
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
                continue
            case 6:                        // replace digits
                for i in bytes.indices where ASCII.isDigit(bytes[i]) && Int.random(in: 0..<8, using: &rng) == 0 {
                    bytes[i] = UInt8.random(in: 0x2B...0x3A, using: &rng)   // + , - . / and digits, :
                }
                continue
            case 7 where !bytes.isEmpty:   // delete a run of bytes
                let start = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...20, using: &rng)))
                continue
            case 8 where !lines.isEmpty:   // change a line's indentation
                let i = Int.random(in: 0..<lines.count, using: &rng)
                let trimmed = Array(lines[i].drop { ASCII.isBlank($0) })
                lines[i] = Array(repeating: [ASCII.space, ASCII.tab].randomElement(using: &rng)!, count: Int.random(in: 0...5, using: &rng)) + trimmed
            case 9:                        // CRLF, or a lone CR
                bytes = bytes.flatMap { $0 == ASCII.newline ? (Bool.random(using: &rng) ? [ASCII.carriageReturn, $0] : [$0]) : [$0] }
                continue
            default:
                continue
            }
            bytes = Array(lines.joined(separator: [ASCII.newline]))
        }
        return bytes
    }

    /// Reading, checking and rendering `diagnostics` must give sane, located problems.
    static func expectSane(_ diagnostics: [Diagnostic], lineCount: Int, case index: Int) {
        for diagnostic in diagnostics {
            guard let location = diagnostic.location else { continue }
            #expect(location.line >= 1 && location.line <= max(lineCount, 1), "case \(index): \(diagnostic)")
            #expect(location.column >= 1, "case \(index): \(diagnostic)")
        }
        let rendered = DiagnosticRenderer().render(diagnostics)
        #expect(diagnostics.isEmpty || !rendered.isEmpty)
    }

    @Test func theBaseLedgerIsWhatTheMutationsStartFrom() {
        let diagnostics = LedgerText.load(Self.base).diagnostics
        // The late spend and the include are there on purpose; everything else reads cleanly.
        #expect(diagnostics.codes == [.spendOutsidePeriod, .includeNotFound])
    }

    @Test(arguments: 0..<8)
    func mutatedTextNeverTraps(_ batch: Int) {
        var rng = SeededGenerator(state: 0x5EED_0000 + UInt64(batch))
        let original = Array(Self.base.utf8)
        for index in 0..<Self.casesPerBatch {
            let bytes = Self.mutate(original, &rng)
            let text = String(decoding: bytes, as: UTF8.self)
            let (ledger, diagnostics) = LedgerLoader.load(text: text, name: "mutated.ledger")
            let lineCount = text.utf8.split(separator: ASCII.newline, omittingEmptySubsequences: false).count
            Self.expectSane(diagnostics, lineCount: lineCount, case: batch * Self.casesPerBatch + index)
            _ = LedgerSummary(ledger).text
            #expect(ExitStatus(diagnostics) == ExitStatus(diagnostics.filter { _ in true }))
        }
    }

    /// The same through real files, so invalid UTF-8 reaches the byte-level reader.
    @Test(arguments: 0..<4)
    func mutatedFilesNeverTrap(_ batch: Int) throws {
        let folder = try TemporaryFolder()
        try folder.write("other.ledger", "account assets:other\n")
        var rng = SeededGenerator(state: 0xF11E_0000 + UInt64(batch))
        let original = Array(Self.base.utf8)
        for index in 0..<(Self.casesPerBatch * 3 / 4) {
            let bytes = Self.mutate(original, &rng)
            let path = try folder.write("case.ledger", Data(bytes))
            let (ledger, diagnostics) = LedgerLoader.load(paths: [path])
            let lineCount = bytes.split(separator: ASCII.newline, omittingEmptySubsequences: false).count
            Self.expectSane(diagnostics, lineCount: lineCount + 1, case: batch * Self.casesPerBatch + index)
            _ = LedgerSummary(ledger).text
        }
    }

    /// The shipped ledgers under ledgers/, as more varied starting points.
    static let shipped: [(name: String, bytes: [UInt8])] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ledgers")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".ledger") }.sorted() ?? []
        return files.compactMap { name in
            (try? Data(contentsOf: root.appendingPathComponent(name))).map { (name, Array($0)) }
        }
    }()

    @Test(arguments: 0..<2)
    func mutatedShippedLedgersNeverTrap(_ batch: Int) throws {
        try #require(!Self.shipped.isEmpty, "no shipped ledgers found under ledgers/")
        var rng = SeededGenerator(state: 0x5817_0000 + UInt64(batch))
        for index in 0..<(Self.casesPerBatch / 2) {
            let source = Self.shipped[index % Self.shipped.count]
            let bytes = Self.mutate(source.bytes, &rng)
            let text = String(decoding: bytes, as: UTF8.self)
            let (ledger, diagnostics) = LedgerLoader.load(text: text, name: source.name)
            let lineCount = text.utf8.split(separator: ASCII.newline, omittingEmptySubsequences: false).count
            Self.expectSane(diagnostics, lineCount: lineCount, case: batch * Self.casesPerBatch + index)
            _ = LedgerSummary(ledger).text
        }
    }

    @Test func pathologicalInputs() {
        let inputs: [String] = [
            "", "\n", "\r\n", "\r", ";", "#", " ", "\t", "    ", "2022-01-01", "2022-01-01 *", "2022-01-01 (", "2022-01-01 (x",
            "grant", "grant g", "grant g  G\n  line", "grant g  G\n  tranche", "grant g  G\n  tranche 2022-23",
            "grant g  G\n  tranche 2022-23 £1 by", "bid b  B\n  2022-01-01", "bid b  B\n  2022-01-01  awarded  £",
            "account", "account :", "include", "2022-01-01 x\n  a\n  b\n  c",
            "2022-01-01 x\n  a  £1 =\n  b", "2022-01-01 x ; grant:,line:,,,area:", "2022-01-01 x\n  ; :::\n  a  1\n  b  -1",
            String(repeating: "2022-01-01 x\n", count: 200), String(repeating: "a", count: 100_000),
            String(repeating: " ", count: 70_000) + "x", "2022-01-01 x\n" + String(repeating: " ", count: 40_000) + "a  £1\n  b",
            "2022-01-01 x\n  a  " + String(repeating: "9", count: 5000) + "\n  b",
            "grant g  G\n  award  " + String(repeating: "1,000", count: 1000),
            String(repeating: "funder f  F\n", count: 50),
        ]
        for (index, text) in inputs.enumerated() {
            let (_, diagnostics) = LedgerLoader.load(text: text)
            Self.expectSane(diagnostics, lineCount: text.utf8.split(separator: ASCII.newline, omittingEmptySubsequences: false).count,
                            case: index)
        }
    }
}
