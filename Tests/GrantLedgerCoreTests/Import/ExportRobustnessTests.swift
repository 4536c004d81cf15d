import Foundation
import Testing
@testable import GrantLedgerCore

/// Whatever bytes an export holds, reading, planning and reconciling report problems and never
/// crash: the sample export, mutated a few hundred ways.
@Suite("Exports: robustness")
struct ExportRobustnessTests {
    static let root = #filePath.components(separatedBy: "/Tests/")[0]

    @Test func mutatedExportsNeverCrash() throws {
        let sample = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.root + "/examples/finance/ncc-nwps-2021-q2.csv")))
        let rules = ImportRulesReader.read(path: Self.root + "/examples/finance/ncc-nwps.rules").rules
        let (ledger, _) = LedgerLoader.load(paths: [Self.root + "/ledgers"])
        let interesting: [UInt8] = [0x22, 0x2C, 0x0A, 0x0D, 0x28, 0x29, 0x2D, 0x2E, 0x2F, 0x30, 0x39, 0xE9, 0xC2, 0xA3, 0x00, 0xFF]
        var generator = SplitMix(seed: 20_231_125)
        for _ in 0..<300 {
            var bytes = sample
            for _ in 0..<Int(generator.next() % 6 + 1) {
                guard !bytes.isEmpty else { break }
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes[at] = interesting[Int(generator.next() % UInt64(interesting.count))]
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(interesting[Int(generator.next() % UInt64(interesting.count))], at: at)
                default: bytes = Array(bytes[..<at])
                }
            }
            let reading = FinanceExport.read(bytes: bytes, name: "e.csv", rules: rules)
            _ = rules.problems(against: ledger, rows: reading.rows)
            let plan = ImportPlan.make(rows: reading.rows, rules: rules, ledger: ledger)
            _ = ImportedTransactionWriter.text(plan.transactions, paidFrom: "assets:bank:snb", source: "e.csv")
            let result = Auditor.audit(ledger: ledger, checkFindings: [], statement: (reading.rows, rules, "e.csv"), financialYear: nil)
            _ = AuditReport.render(result, format: .table)
            _ = AuditReport.render(result, format: .json)
            #expect(reading.diagnostics.allSatisfy { $0.location != nil || $0.code == .fileNotFound })
        }
    }

    @Test func mutatedRulesFilesNeverCrash() throws {
        let sample = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.root + "/examples/finance/bassetlaw-ss4.rules")))
        let export = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.root + "/examples/finance/bassetlaw-ss4-statement.csv")))
        let (ledger, _) = LedgerLoader.load(paths: [Self.root + "/ledgers"])
        let interesting: [UInt8] = [0x20, 0x09, 0x0A, 0x3B, 0x23, 0x2C, 0x3A, 0xE9, 0x00, 0x61]
        var generator = SplitMix(seed: 7)
        for _ in 0..<200 {
            var bytes = sample
            for _ in 0..<Int(generator.next() % 5 + 1) {
                guard !bytes.isEmpty else { break }
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[at] = interesting[Int(generator.next() % UInt64(interesting.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(interesting[Int(generator.next() % UInt64(interesting.count))], at: at)
                }
            }
            let (rules, problems) = ImportRulesReader.read(bytes: bytes, name: "r.rules")
            #expect(problems.allSatisfy { $0.location != nil })
            let reading = FinanceExport.read(bytes: export, name: "s.csv", rules: rules)
            _ = rules.problems(against: ledger, rows: reading.rows)
            _ = Auditor.audit(ledger: ledger, checkFindings: [], statement: (reading.rows, rules, "s.csv"), financialYear: nil)
        }
    }
}
