import PropertyBased
import Testing
@testable import GrantLedgerCore

/// A line's profile, written under its grant, read and held to the grant: one amount per month or
/// quarter of the grant's period, adding up to the line's budget to the penny; `even` splits it
/// with the odd pennies to the earliest periods; a line with no profile is even by month.
@Suite("Budget profiles")
struct ProfileChecksTests {
    static func books(period: String = "2019-20", _ profiles: [String]) -> String {
        """
        funder f  F
        grant g  G
          funder  f
          period  \(period)
          award   £1,000.00
          line a  £600.00  Line A
          line b  £400.00  Line B
        \(profiles.map { "  profile \($0)" }.joined(separator: "\n"))
        """
    }

    static func problems(_ text: String) -> [Diagnostic] {
        LedgerText.load(text).diagnostics
    }

    static func profile(_ text: String, line: String) throws -> BudgetProfile {
        let ledger = LedgerText.read(text).ledger
        let grant = try #require(ledger.grants.first)
        let budgetLine = try #require(grant.lines.first { $0.id == line })
        return try #require(BudgetProfile.of(line: budgetLine, in: grant))
    }

    @Test func amountsPerQuarterAreTheLinesBudget() throws {
        let text = Self.books(["a  quarterly  £100.00 £200.00 £150.00 £150.00", "b  quarterly  even"])
        #expect(Self.problems(text).isEmpty, "\(Self.problems(text))")
        let a = try Self.profile(text, line: "a")
        #expect(a.periods.map(\.description) == ["2019-20-Q1", "2019-20-Q2", "2019-20-Q3", "2019-20-Q4"])
        #expect(a.amounts.map(\.pence) == [10_000, 20_000, 15_000, 15_000])
        #expect(a.declared)
        // Due at each period's end: to 31 December is Q1 to Q3; a day before is Q1 and Q2.
        #expect(a.due(through: Day.parse("2019-12-31")!).pence == 45_000)
        #expect(a.due(through: Day.parse("2019-12-30")!).pence == 30_000)
        #expect(a.due(after: Day.parse("2019-12-31")!).pence == 15_000)
        #expect(try Self.profile(text, line: "b").amounts.map(\.pence) == [10_000, 10_000, 10_000, 10_000])
    }

    @Test func evenSharesTheOddPenniesToTheEarliestPeriods() throws {
        let text = """
            funder f  F
            grant g  G
              funder  f
              period  2019-20
              award   £100.00
              line a  £100.00  Line A
              profile a  monthly  even
            """
        let amounts = try Self.profile(text, line: "a").amounts.map(\.pence)
        #expect(amounts == [834, 834, 834, 834] + Array(repeating: 833, count: 8))
        #expect(amounts.reduce(0, +) == 10_000)
    }

    @Test func aLineWithoutAProfileIsEvenByMonthOverTheGrantsPeriod() throws {
        let profile = try Self.profile(Self.books(period: "2022-07-01..2023-09-30", []), line: "b")
        #expect(!profile.declared && profile.length == .month)
        #expect(profile.periods.count == 15 && profile.periods.first?.description == "2022-07")
        #expect(profile.amounts.reduce(0) { $0 + $1.pence } == 40_000)
    }

    @Test func aProfileThatIsNotTheBudgetIsALocatedError() throws {
        let text = Self.books(["a  quarterly  £100.00 £200.00 £150.00 £149.99"])
        let problem = try #require(Self.problems(text).first)
        #expect(Self.problems(text).map(\.code) == [.profileNotBudget])
        #expect(problem.severity == .error)
        #expect(problem.message == "line a's profile adds up to £599.99, £0.01 less than its budget of £600.00")
        #expect(problem.location?.line == 8 && problem.location?.column == 25)
    }

    @Test func oneAmountForEachPeriodOfTheGrant() throws {
        let text = Self.books(period: "2022-07-01..2023-09-30", ["a  quarterly  £300.00 £300.00"])
        let problem = try #require(Self.problems(text).first)
        #expect(problem.code == .badProfile)
        #expect(problem.message == "line a's profile has 2 amounts, but grant g's period 2022-07-01..2023-09-30 has 5 quarters")
        #expect(problem.hint == "give one amount for each quarter, in order (2022-23-Q2, 2022-23-Q3, 2022-23-Q4, 2023-24-Q1, 2023-24-Q2), or write even")
    }

    @Test(arguments: [
        ("c  quarterly  even", DiagnosticCode.unknownLine, Optional("grant g has no line \"c\" to profile")),
        ("a  weekly  even", .badProfile, "a profile is monthly or quarterly, not \"weekly\""),
        ("a  quarterly", .badProfile, "a profile is a line's id, monthly or quarterly, then even or an amount for each period"),
        ("a  quarterly  £1.234 £1 £1 £1", .badAmount, nil),
        ("a  quarterly  -£1.00 £201.00 £200.00 £200.00", .badValue, "a profile's amount cannot be negative: -£1.00"),
    ])
    func badProfilesAreLocatedErrors(_ profile: String, _ code: DiagnosticCode, _ message: String?) throws {
        let problems = Self.problems(Self.books([profile]))
        #expect(problems.map(\.code) == [code], "\(problems)")
        if let message { #expect(problems.first?.message == message) }
        #expect(problems.first?.location?.line == 8)
    }

    @Test func aLineProfiledTwiceIsAnError() {
        let problems = Self.problems(Self.books(["a  quarterly  even", "a  monthly  even"]))
        #expect(problems.map(\.code) == [.badProfile])
        #expect(problems.first?.message == "line a is profiled twice")
    }
}

/// Variance notes: where a grant sets a threshold, a quarter ended by the books' last transaction
/// whose actual is off its profile by more needs a note; one naming that line and quarter answers it.
@Suite("Variance notes")
struct VarianceNoteTests {
    static func books(threshold: String = "10%", notes: [String] = [], q1: String = "£2,600.00") -> String {
        """
        funder f  F
        account expenses:youth
        account assets:bank
        grant g  G
          funder  f
          period  2019-20
          award   £12,000.00
          line youth  £12,000.00  Youth
          profile youth  quarterly  even
          variance-threshold  \(threshold)
        \(notes.map { "  variance-note \($0)" }.joined(separator: "\n"))

        2019-05-01 Supplier | Q1   ; grant:g
            expenses:youth  \(q1)   ; line:youth
            assets:bank

        2019-08-01 Supplier | Q2   ; grant:g
            expenses:youth  £3,000.00   ; line:youth
            assets:bank
        """
    }

    static func codes(_ text: String) -> [DiagnosticCode] { LedgerText.load(text).diagnostics.map(\.code) }

    @Test func aQuarterOffItsProfileNeedsANote() throws {
        // £2,600 against £3,000 is £400 under, 13.3%: beyond 10%.
        let problems = LedgerText.load(Self.books()).diagnostics
        #expect(problems.map(\.code) == [.varianceUnexplained])
        #expect(problems.first?.severity == .finding)
        #expect(problems.first?.message == "line youth's actual in 2019-20-Q1, £2,600.00, is £400.00 (13.3%) under its profile of £3,000.00, with no variance note")
        #expect(problems.first?.location?.line == 10)
        // Q2 has not ended by the last transaction (1 August): it is not judged yet.
        #expect(!(problems.first?.message.contains("Q2") ?? true))
    }

    @Test func aNoteForThatLineAndQuarterAnswersIt() {
        #expect(Self.codes(Self.books(notes: ["youth  2019-20-Q1  Sessions began in May"])).isEmpty)
        #expect(Self.codes(Self.books(notes: ["youth  2019-20-Q2  the wrong quarter"])) == [.varianceUnexplained])
    }

    @Test func withinTheThresholdOrWithoutOneNothingIsNeeded() {
        #expect(Self.codes(Self.books(q1: "£2,700.00")).isEmpty, "£300 is 10%: not more than it")
        #expect(Self.codes(Self.books(threshold: "15%")).isEmpty)
        let unwatched = Self.books().replacingOccurrences(of: "  variance-threshold  10%\n", with: "")
        #expect(Self.codes(unwatched).isEmpty)
    }

    @Test(arguments: [
        ("youth  2019-20  a year", DiagnosticCode.badPeriod),
        ("youth  2019-20-Q5  no such quarter", .badPeriod),
        ("youth  2019-20-Q1", .badSyntax),
        ("yuoth  2019-20-Q1  a typo", .unknownLine),
    ])
    func badNotesAreLocatedErrors(_ note: String, _ code: DiagnosticCode) {
        let problems = LedgerText.load(Self.books(notes: [note], q1: "£3,000.00")).diagnostics
        #expect(problems.map(\.code) == [code], "\(problems)")
        #expect(problems.first?.location?.line == 11)
    }

    @Test func theBudgetReportShowsTheNote() throws {
        let ledger = LedgerText.load(Self.books(notes: ["youth  2019-20-Q1  Sessions began in May"])).ledger
        let report = try BudgetReport.build(ledger, ReportFilter(period: FinancialPeriod.parse("2019-20-Q1")),
                                            BudgetSettings(asOf: Day.parse("2020-03-31")!))
        #expect(report.rows.first?.cells.last == .text("2019-20-Q1: Sessions began in May"))
    }
}

/// A field written twice, a note for a period the line is not profiled by: refused, never ignored.
@Suite("Declarations written twice")
struct WrittenTwiceTests {
    @Test func aSingleValuedFieldTwiceIsAnError() {
        let text = VarianceNoteTests.books(q1: "£3,000.00").replacingOccurrences(of: "  award   £12,000.00\n", with: "  award   £12,000.00\n  award   £1.00\n")
        let problems = LedgerText.load(text).diagnostics
        #expect(problems.map(\.code) == [.duplicateSetting])
        #expect(problems.first?.message == "award is given twice in this declaration")
        #expect(LedgerText.load(text).ledger.grants.first?.award?.pence == 1_200_000, "the first is kept")
    }

    @Test(arguments: [
        ("youth  2019-05  a month of a quarterly line", DiagnosticCode.badPeriod),
        ("youth  2021-22-Q1  another year", .badPeriod),
    ])
    func aNoteForAPeriodTheLineDoesNotHaveIsAnError(_ note: String, _ code: DiagnosticCode) {
        let problems = LedgerText.load(VarianceNoteTests.books(notes: [note], q1: "£3,000.00")).diagnostics
        #expect(problems.map(\.code) == [code], "\(problems)")
    }

    @Test func twoNotesForOnePeriodAreAnError() {
        let problems = LedgerText.load(VarianceNoteTests.books(notes: ["youth  2019-20-Q1  one", "youth  2019-20-Q1  two"], q1: "£3,000.00")).diagnostics
        #expect(problems.map(\.code) == [.duplicateSetting])
    }
}

/// Profiles add up to the budget, whatever the budget and however many periods: even splits to the
/// penny (no two parts more than a penny apart, the larger ones first), and what is due to any day
/// and after it make the whole.
@Suite("Profiles add up")
struct ProfileSumTests {
    @Test func evenPartsAreTheBudget() async {
        await propertyCheck(count: 500, input: Gen.int64(in: 0...999_999_999_999_999), Gen.int(in: 1...60)) { pence, count in
            let parts = BudgetProfile.even(Money(pence: pence), over: count).map(\.pence)
            #expect(parts.count == count)
            #expect(parts.reduce(0, +) == pence)
            #expect((parts.max() ?? 0) - (parts.min() ?? 0) <= 1)
            #expect(parts == parts.sorted(by: >))
        }
    }

    @Test func dueToADayAndAfterItMakeTheBudget() async throws {
        let ledger = LedgerText.read(ProfileChecksTests.books(period: "2022-07-01..2023-09-30", ["a  monthly  even"])).ledger
        let grant = try #require(ledger.grants.first)
        let profile = try #require(BudgetProfile.of(line: grant.lines[0], in: grant))
        await propertyCheck(count: 300, input: Gen.int(in: 0...700)) { offset in
            let day = Day.parse("2022-06-01")!.adding(days: Int32(offset))
            #expect(profile.due(through: day).pence + profile.due(after: day).pence == 60_000, "\(day)")
        }
    }
}
