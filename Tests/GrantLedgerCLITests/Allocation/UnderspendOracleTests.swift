import Foundation
import Testing

/// `grantledger allocate --underspend GRANT --fy YEAR --as-of DAY --format csv` against an independent
/// exact computation in Python's `fractions` (Tests/tools/underspend_oracle.py), which reads each
/// generated ledger itself and forecasts its tranches by the profile rule the Swift's doc comments
/// state, then shares the underspend by largest remainder: every line must be equal, and every
/// refusal (nothing at risk, the window ended, no such year, no year given) the one the oracle names.
@Suite("Underspend reallocation against the Python oracle", .serialized)
struct UnderspendOracleTests {
    @Test func csvMatchesPythonFractionsOn150RandomLedgers() throws {
        #expect(FileManager.default.isExecutableFile(atPath: AllocateCLI.binary.path), "build the command first: swift build")
        let directory = try AllocateCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var rng = SeededGenerator(state: 20_230_930)
        let cases = try (0..<150).map { number in try UnderspendCase.make(number, in: directory, &rng) }
        let manifest = directory.appendingPathComponent("cases.json")
        try JSONEncoder().encode(cases).write(to: manifest)

        let oracle = try AllocateCLI.python([AllocateCLI.root.appendingPathComponent("Tests/tools/underspend_oracle.py").path, manifest.path])
        try #require(oracle.status == 0, "oracle failed: \(oracle.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(oracle.stdout.utf8)) as? [String: String])
        #expect(expected.count == cases.count)

        var outcomes: [String: Int] = [:]
        var sharedAfterSpend = 0
        for item in cases {
            let want = try #require(expected[item.id])
            let output = try AllocateCLI.allocate(item.arguments)
            if want.hasPrefix("ERROR ") {
                let code = String(want.dropFirst("ERROR ".count))
                outcomes[code, default: 0] += 1
                #expect(output.status == 2, "\(item.id) should be refused (\(code)): \(output.stdout)")
                #expect(output.stderr.contains("error[\(code)]"), "\(item.id) \(item.arguments): \(output.stderr)")
                #expect(output.stdout.isEmpty)
            } else {
                outcomes["shared", default: 0] += 1
                if item.dayKind == "after spend" { sharedAfterSpend += 1 }
                #expect(output.status == 0, "\(item.id): \(output.stderr)")
                let got = output.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                let lines = want.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(got.count == lines.count, "\(item.id) \(item.arguments)")
                for (number, (line, oracleLine)) in zip(got, lines).enumerated() {
                    #expect(line == oracleLine, "\(item.id) line \(number + 1) \(item.arguments)")
                }
            }
        }
        // The draw covers each outcome, and shares made mid-quarter after spend in that quarter.
        #expect(outcomes["shared", default: 0] >= 60, "\(outcomes)")
        #expect(outcomes["bad-pot", default: 0] >= 10, "nothing at risk: \(outcomes)")
        #expect(outcomes["bad-value", default: 0] >= 3, "\(outcomes)")
        #expect(outcomes["missing-field", default: 0] >= 3, "\(outcomes)")
        #expect(sharedAfterSpend >= 25, "\(outcomes)")
    }
}
