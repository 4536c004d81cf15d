import Foundation
import Testing
@testable import GrantLedgerCore

@Suite("Rendering diagnostics")
struct DiagnosticRendererTests {
    @Test func aLocatedProblemWithItsLineCaretAndHint() {
        let diagnostic = Diagnostic(
            .unbalancedTransaction, "the postings sum to £10.00, not zero", hint: "correct an amount",
            at: GrantLedgerCore.SourceLocation(file: "ledgers/x.ledger", line: 12, column: 5), length: 13,
            excerpt: "    expenses:cctv  £110.00")
        #expect(DiagnosticRenderer().render(diagnostic) == """
            ledgers/x.ledger:12:5: error[unbalanced-transaction]: the postings sum to £10.00, not zero
              12 |     expenses:cctv  £110.00
                 |     ^^^^^^^^^^^^^
              hint: correct an amount

            """)
    }

    @Test func findingsAndUnlocatedProblems() {
        let finding = Diagnostic(.lineOverspent, "over", excerpt: nil)
        #expect(DiagnosticRenderer(program: "grantledger").render(finding) == "grantledger: finding[line-overspent]: over\n")
        let error = Diagnostic(.fileNotFound, "no such file or folder: x", hint: "name a file")
        #expect(DiagnosticRenderer().render(error) == "error[file-not-found]: no such file or folder: x\n  hint: name a file\n")
    }

    @Test func theCaretCountsCharactersNotBytesAndKeepsTabs() {
        // "£" is two bytes but one column on screen; a tab stays a tab so the caret lines up.
        #expect(DiagnosticRenderer.caret(line: "  award  £1.234", byteColumn: 10, byteLength: 7) == ("         ", 6))
        #expect(DiagnosticRenderer.caret(line: "\texpenses:x\t£5", byteColumn: 13, byteLength: 3) == ("\t          \t", 2))
        #expect(DiagnosticRenderer.caret(line: "café £x", byteColumn: 7, byteLength: 1) == ("     ", 1))
        // Past the end of the line: one caret after it.
        #expect(DiagnosticRenderer.caret(line: "abc", byteColumn: 10, byteLength: 4) == ("   ", 1))
        #expect(DiagnosticRenderer.caret(line: "", byteColumn: 1, byteLength: 1) == ("", 1))
    }

    @Test func anExcerptIsTheLineAsItWasReadNeverReadAgain() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.ledger", "first\r\nsecond line\r\nthird\r\n")
        let sources = SourceFiles()
        _ = try sources.open(path, role: "ledger")
        // The file changes on disk after it was read: the line shown is the line that was parsed.
        _ = try folder.write("x.ledger", "changed\nchanged\nchanged\n")
        let diagnostic = Diagnostic(.tooFewPostings, "m", at: GrantLedgerCore.SourceLocation(file: path, line: 2, column: 8), length: 4)
        let lines = DiagnosticRenderer(sources: sources).render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 3)
        #expect(lines.dropFirst().first == "  2 | second line")
        #expect(lines.dropFirst(2).first == "    |        ^^^^")
        // A line beyond the end of the file, or a file never read: no excerpt, no crash.
        let beyond = Diagnostic(.tooFewPostings, "m", at: GrantLedgerCore.SourceLocation(file: path, line: 9, column: 1))
        #expect(DiagnosticRenderer(sources: sources).render(beyond).split(separator: "\n").count == 1)
        let unread = Diagnostic(.tooFewPostings, "m", at: GrantLedgerCore.SourceLocation(file: path + ".other", line: 1, column: 1))
        #expect(DiagnosticRenderer(sources: sources).render(unread).split(separator: "\n").count == 1)
        #expect(DiagnosticRenderer().render(diagnostic).split(separator: "\n").count == 1)
    }

    @Test func orderIsByFileLineAndColumnThenUnlocatedInTheirOrder() {
        func at(_ file: String, _ line: Int, _ column: Int) -> GrantLedgerCore.SourceLocation {
            GrantLedgerCore.SourceLocation(file: file, line: line, column: column)
        }
        let diagnostics = [
            Diagnostic(.badDate, "1", at: at("b", 1, 1)),
            Diagnostic(.fileNotFound, "2"),
            Diagnostic(.badDate, "3", at: at("a", 2, 1)),
            Diagnostic(.badDate, "4", at: at("a", 1, 9)),
            Diagnostic(.fileNotFound, "5"),
            Diagnostic(.badDate, "6", at: at("a", 1, 2)),
            Diagnostic(.badAmount, "7", at: at("a", 1, 2)),
        ]
        #expect(DiagnosticRenderer.ordered(diagnostics).map(\.message) == ["6", "7", "4", "3", "1", "2", "5"])
        let rendered = DiagnosticRenderer(program: "grantledger").render(diagnostics)
        #expect(rendered.hasSuffix("grantledger: error[file-not-found]: 5\n\n"))
        #expect(DiagnosticRenderer().render(diagnostics).hasSuffix("\nerror[file-not-found]: 5\n\n"), "no program, no prefix")
    }

    @Test func theSummaryLine() {
        let error = Diagnostic(.badDate, "e"), finding = Diagnostic(.unallocatedAward, "f")
        #expect([Diagnostic]().summary == "0 errors, 0 findings")
        #expect([error].summary == "1 error, 0 findings")
        #expect([error, error, finding].summary == "2 errors, 1 finding")
        #expect([finding, finding].summary == "0 errors, 2 findings")
    }

    @Test func exitStatus() {
        #expect(ExitStatus([]) == .clean)
        #expect(ExitStatus([Diagnostic(.lineOverspent, "f")]) == .findings)
        #expect(ExitStatus([Diagnostic(.lineOverspent, "f"), Diagnostic(.badDate, "e")]) == .badInput)
        #expect(ExitStatus.clean.rawValue == 0 && ExitStatus.findings.rawValue == 1 && ExitStatus.badInput.rawValue == 2)
    }

    @Test func onlyTheseCodesAreFindings() {
        let findings = DiagnosticCode.allCases.filter { $0.severity == .finding }
        #expect(findings == [
            .unallocatedAward, .lineOverspent, .spendWithoutLine, .awardExceedsRequest, .varianceUnexplained,
            .trancheOverspent, .spendOutsideTranche, .matchFundingShort, .classCapExceeded, .unclassifiedSpend,
            .bidGrantMismatch, .duplicateTransaction, .nearDuplicatePayment, .moneyAtRisk, .claimMismatch,
            .unmatchedStatementRow, .statementOutsideDates, .unmatchedLedgerSpend, .amountDifference, .lineDifference,
            .duplicateStatementRow,
        ])
        #expect(Severity.finding < Severity.error)
    }

    @Test func codesAreStableKebabCaseNames() {
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(code.rawValue)")
        }
        #expect(Set(DiagnosticCode.allCases.map(\.rawValue)).count == DiagnosticCode.allCases.count)
    }

    @Test func aLengthBelowOneUnderlinesOneCharacter() {
        #expect(Diagnostic(.badDate, "m", length: 0).length == 1)
        #expect(Diagnostic(.badDate, "m", length: -5).length == 1)
    }

    @Test func badEncodingPointsAtTheFirstInvalidByteNotTheFirstNonASCII() throws {
        let folder = try TemporaryFolder()
        var bytes = Array("account assets:£bank ; caf".utf8)
        bytes.append(0xE9)   // Windows-1252 é
        bytes.append(contentsOf: Array("\n".utf8))
        let path = try folder.write("bad.ledger", Data(bytes))
        let diagnostics = LedgerLoader.load(paths: [path]).diagnostics
        #expect(diagnostics.codes == [.badEncoding])
        #expect(diagnostics.first?.location?.column == bytes.count - 1, "the column of the é byte, not of the £")
    }
}
