import Foundation
import Testing
@testable import GrantLedgerCore

/// Colour is laid over the text, never into it: without its escapes, what a style paints is the
/// plain rendering byte for byte, and the columns of a table line up on what is visible.
@Suite("Terminal style")
struct TerminalStyleTests {
    static func withoutEscapes(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// A RAG column between two others, with a short status (`Red`) that needs padding before the
    /// note after it, and a cell that is not a status at all.
    static func report() throws -> Report {
        let columns: [ReportColumn] = [.text("line", "Line", label: true), .rag("status", "RAG"), .text("note", "Note"),
                                       .money("spent", "Spent")]
        return try Report(title: "Statuses", columns: columns, rows: [
            ReportRow([.text("cctv"), .text("Red"), .text("over budget"), .money(Money(pence: 150))]),
            ReportRow([.text("lighting"), .text("Amber"), .text("behind"), .money(Money(pence: 20))]),
            ReportRow([.text("doors"), .text("Green"), .empty, .money(Money(pence: 3))]),
            ReportRow([.text("other"), .text("n/a"), .text("none"), .money(Money(pence: 0))]),
        ])
    }

    @Test func aRAGColumnIsPaintedAfterItIsPadded() throws {
        let report = try Self.report()
        let plain = TableWriter.render(report)
        let painted = TableWriter.render(report, style: .ansi)
        #expect(Self.withoutEscapes(painted) == plain)
        #expect(painted.contains("cctv      \u{1B}[31mRed\u{1B}[0m    over budget"))
        #expect(painted.contains("\u{1B}[33mAmber\u{1B}[0m  behind"))
        #expect(painted.contains("\u{1B}[32mGreen\u{1B}[0m"))
        #expect(painted.contains("  n/a  "), "text that is not a status is left alone")
        #expect(!painted.contains("\u{1B}[31mRAG") && painted.contains("Line      RAG    Note"), "the heading is not painted")
        #expect(TableWriter.render(report, style: .plain) == plain)
    }

    @Test func machinesGetNoColour() throws {
        let report = try Self.report()
        for format in [ReportFormat.csv, .json] {
            #expect(format.render(report, style: .ansi) == format.render(report))
            #expect(!format.render(report, style: .ansi).contains("\u{1B}"))
        }
    }

    @Test func aDiagnosticIsPaintedInItsSeverityAndReadsTheSame() {
        let error = Diagnostic(.unbalancedTransaction, "the postings sum to £10.00, not zero", hint: "correct an amount",
                               at: SourceLocation(file: "x.ledger", line: 12, column: 5), length: 3, excerpt: "    expenses:cctv  £110.00")
        let finding = Diagnostic(.lineOverspent, "over", hint: "vire budget", at: SourceLocation(file: "x.ledger", line: 3, column: 1),
                                 excerpt: "line")
        let all = [error, finding, Diagnostic.tally(.unknownArea, count: 2_000)]
        let painted = DiagnosticRenderer(program: "grantledger", style: .ansi).render(all)
        #expect(Self.withoutEscapes(painted) == DiagnosticRenderer(program: "grantledger").render(all))
        #expect(painted.contains("\u{1B}[1;31merror[unbalanced-transaction]\u{1B}[0m: the postings"))
        #expect(painted.contains("   |     \u{1B}[1;31m^^^\u{1B}[0m\n"))
        #expect(painted.contains("\u{1B}[33mfinding[line-overspent]\u{1B}[0m: over"))
        #expect(painted.contains("   | \u{1B}[33m^\u{1B}[0m\n"))
        #expect(painted.contains("  \u{1B}[36mhint:\u{1B}[0m correct an amount"))
        #expect(painted.contains("  \u{1B}[36mhint:\u{1B}[0m correct the ones shown first"), "the tally's hint too")
    }

    @Test func theSummaryPaintsOnlyCountsThatAreNotZero() {
        let error = Diagnostic(.fileNotFound, "no such file")
        #expect([error].summary(style: .ansi) == "\u{1B}[1;31m1 error\u{1B}[0m, 0 findings")
        #expect([Diagnostic(.lineOverspent, "over")].summary(style: .ansi) == "0 errors, \u{1B}[33m1 finding\u{1B}[0m")
        #expect([error].summary(style: .plain) == [error].summary)
        #expect([Diagnostic]().summary(style: .ansi) == "0 errors, 0 findings")
    }
}
