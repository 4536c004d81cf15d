import Testing
@testable import GrantLedgerCore

@Suite("Grant lines against the award")
struct GrantChecksTests {
    static func grant(award: String, lines: [String]) -> String {
        """
        funder f  F
        grant g  G
          funder  f
          period  2019-20
          award   \(award)
        \(lines.map { "  line \($0)" }.joined(separator: "\n"))
        """
    }

    static func check(_ text: String) -> [Diagnostic] {
        let ledger = LedgerText.read(text).ledger
        return GrantChecks.linesWithinAward(ledger)
    }

    @Test func linesThatAddUpToTheAwardAreClean() {
        let text = Self.grant(award: "£625,118.00", lines: [
            "idva      £20,000.00  IOM Independent Domestic Abuse Advisor",
            "nwps     £270,750.00  Neighbourhood Working Problem Solving",
            "officer   £60,000.00  Project Officer",
            "knife     £35,000.00  IOM Knife Crime Probation Assistant",
            "youth    £109,000.00  Youth Crime Reduction",
            "joint    £130,368.00  SNB/OPCC Joint Commissioning Budget",
        ])
        #expect(Self.check(text).isEmpty)
        #expect(LedgerText.load(text).diagnostics.isEmpty)
    }

    @Test func linesOverTheAwardAreAnError() throws {
        let text = Self.grant(award: "£1,000.00", lines: ["a  £600.00  A", "b  £400.01  B"])
        let problems = Self.check(text)
        #expect(problems.codes == [.linesExceedAward])
        let problem = try #require(problems.first)
        #expect(problem.severity == .error)
        #expect(problem.message == "grant g's lines add up to £1,000.01, £0.01 more than its award of £1,000.00")
        #expect(problem.location == GrantLedgerCore.SourceLocation(file: "test.ledger", line: 5, column: 11))
        #expect(ExitStatus(LedgerText.load(text).diagnostics) == .badInput)
    }

    @Test func linesUnderTheAwardAreAFinding() throws {
        let text = Self.grant(award: "£1,000.00", lines: ["a  £600.00  A", "b  £399.99  B"])
        let problems = Self.check(text)
        #expect(problems.codes == [.unallocatedAward])
        let problem = try #require(problems.first)
        #expect(problem.severity == .finding)
        #expect(problem.message == "grant g has £0.01 of its £1,000.00 award not allocated to any line")
        #expect(ExitStatus(LedgerText.load(text).diagnostics) == .findings)
    }

    @Test func aGrantWithoutLinesOrAwardIsNotChecked() {
        #expect(Self.check(Self.grant(award: "£1,000.00", lines: [])).isEmpty)
        #expect(Self.check("grant g  G\n  line a  £1.00  A\n").isEmpty)
    }

    @Test func linesTooLargeToAddUp() {
        let huge = "£92,233,720,368,547,758.07"
        #expect(Self.check(Self.grant(award: huge, lines: ["a  \(huge)  A", "b  £0.01  B"])).codes == [.amountOverflow])
    }

    /// The caret underlines the award as written, however it is written.
    @Test(arguments: ["£1,000.00", "1000", "£1000.0", "1,000.00"])
    func theCaretUnderlinesTheAwardAsWritten(_ award: String) throws {
        let text = Self.grant(award: award + "   ; as in the letter", lines: ["a  £2,000.00  A"])
        let problem = try #require(Self.check(text).first)
        #expect(problem.length == award.utf8.count)
    }
}

@Suite("Declared amounts are never negative")
struct NegativeDeclaredAmountTests {
    @Test(arguments: [
        "  award   -£1,000.00",
        "  line a  -£10.00  A",
        "  capital -£5.00",
        "  tranche 2019-20  -£5.00  by 2020-03-31",
    ])
    func aNegativeAwardBudgetOrCapIsABadValue(field: String) {
        let text = """
            funder f  F
            grant g  G
              funder  f
              period  2019-20
            \(field)
            """
        #expect(LedgerText.codes(text).contains(.badValue))
    }
}
