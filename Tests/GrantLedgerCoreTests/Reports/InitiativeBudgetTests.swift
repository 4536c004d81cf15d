import Testing
@testable import GrantLedgerCore

/// An initiative's own budget, monitored as a line is: its spend is what is tagged with it on its
/// grant and within its period. The books: a £10,000 grant line for 2019-20 and the next year's
/// grant; initiative `street` has £4,000 of the first grant, profiled £1,000 a quarter, and spends
/// £900 in Q1, £1,300 in Q2 and £500 on the next year's grant (not its budget's); `other` has no budget.
@Suite("Initiative budgets")
struct InitiativeBudgetTests {
    static let books = """
        funder f  A funder
        account expenses:street
        account assets:bank

        grant y1  First year
          funder  f
          period  2019-20
          award   £10,000.00
          line work  £10,000.00  Street work

        grant y2  Second year
          funder  f
          period  2020-21
          award   £10,000.00
          line work  £10,000.00  Street work

        initiative street  Street outreach
          grant    y1
          budget   £4,000.00
          profile  quarterly  even

        initiative other  Something else

        commitment po-9  Outreach van hire
          date        2019-10-01
          grant       y1
          line        work
          initiative  street
          amount      £700.00

        2019-05-01 Outreach | Q1   ; grant:y1, line:work, initiative:street
            expenses:street  £900.00
            assets:bank

        2019-08-01 Outreach | Q2   ; grant:y1, line:work, initiative:street
            expenses:street  £1,300.00
            assets:bank

        2019-08-02 Other | Q2   ; grant:y1, line:work, initiative:other
            expenses:street  £2,000.00
            assets:bank

        2020-05-01 Outreach | next year   ; grant:y2, line:work, initiative:street
            expenses:street  £500.00
            assets:bank
        """

    static func figures(_ filter: ReportFilter, asOf: String = "2021-03-31", text: String = books) throws -> [BudgetLineFigures] {
        let (ledger, problems) = LedgerText.load(text)
        #expect(problems.isEmpty, "\(problems)")
        var settings = BudgetSettings(asOf: Day.parse(asOf)!)
        settings.rows = .initiatives
        return try BudgetReport.figures(ledger, filter, settings).rows
    }

    @Test func theSecondQuarterWorkedByHand() throws {
        let rows = try Self.figures(ReportFilter(period: FinancialPeriod.parse("2019-20-Q2")))
        #expect(rows.map(\.key.label) == ["street"], "only initiatives with a budget")
        let street = try #require(rows.first)
        #expect(street.grantID == "y1" && street.budget.pence == 400_000)
        #expect(street.profiledInPeriod?.pence == 100_000 && street.actualInPeriod.pence == 130_000)
        #expect(street.profiledToDate?.pence == 200_000 && street.actualToDate.pence == 220_000)
        #expect(street.varianceToDate?.pence == 20_000)
        // By profile: £2,200 + the rest (£2,000; the order of 1 October is not raised by 30 September).
        #expect(street.committed.isZero && street.forecast.pence == 420_000)
    }

    @Test func theNextYearsSpendIsNotThisBudgets() throws {
        // To 31 March 2021: £2,200 on y1 within 2019-20; the £500 on y2 in 2020-21 is another budget's.
        let street = try #require(try Self.figures(ReportFilter()).first)
        #expect(street.actualToDate.pence == 220_000)
        // The van order names the initiative: £700 still committed; forecast £2,200 + £700.
        #expect(street.committed.pence == 70_000 && street.forecast.pence == 290_000)
        #expect(street.remaining.pence == 180_000)
    }

    @Test func withAGrantAskedForItsInitiativesAreListed() throws {
        #expect(try Self.figures(ReportFilter(grantID: "y1")).map(\.key.label) == ["street"])
        #expect(try Self.figures(ReportFilter(grantID: "y2")).isEmpty, "street is y1's and has no spend on y2 that counts")
    }

    @Test func byQuarterTheColumnsAreItsOwn() throws {
        var settings = BudgetSettings(asOf: Day.parse("2020-03-31")!, by: .quarter)
        settings.rows = .initiatives
        let ledger = LedgerText.load(Self.books).ledger
        let street = try #require(try BudgetReport.figures(ledger, ReportFilter(financialYear: FinancialYear.parse("2019-20")), settings).rows.first)
        #expect(street.periods.map(\.actual.pence) == [90_000, 130_000, 0, 0])
        #expect(street.periods.map { $0.profiled?.pence } == [100_000, 100_000, 100_000, 100_000])
    }

    @Test(arguments: [
        ("  profile  quarterly  even", DiagnosticCode.missingField, "initiative other has a profile but no budget to share"),
        ("  budget  £400.00\n  profile  quarterly  £100.00 £100.00", .badProfile,
         "initiative other's profile has 2 amounts, but its period 2019-20 has 4 quarters"),
        ("  budget  £400.00\n  profile  quarterly  even", .badProfile,
         "initiative other has no period, nor a grant with one, so it has no quarters to profile over"),
        ("  budget  £400.00\n  period  2019-20\n  profile  quarterly  £100.00 £100.00 £100.00 £99.00", .profileNotBudget,
         "initiative other's profile adds up to £399.00, £1.00 less than its budget of £400.00"),
        ("  budget  £400.00\n  period  2019-20\n  profile  quarterly  even\n  profile  monthly  even", .duplicateSetting,
         "profile is given twice in this declaration"),
    ])
    func badInitiativeProfilesAreLocatedErrors(_ fields: String, _ code: DiagnosticCode, _ message: String) throws {
        var fields = fields
        if code == .badProfile && message.contains("2 amounts") { fields = "  period  2019-20\n" + fields }
        let text = Self.books.replacingOccurrences(of: "initiative other  Something else\n", with: "initiative other  Something else\n\(fields)\n")
        let problems = LedgerText.load(text).diagnostics
        #expect(problems.map(\.code) == [code], "\(problems)")
        #expect(problems.first?.message == message)
        #expect(problems.first?.location != nil)
    }

    @Test func anInitiativeMayFollowAShape() throws {
        // Weights 0, 1, 1, 2 of £4,000: £0, £1,000, £1,000, £2,000 (the shape declared after it).
        let text = Self.books.replacingOccurrences(of: "  profile  quarterly  even\n", with: "  profile  quarterly  late\n")
            + "\n\nshape late  Late\n  quarterly  0 1 1 2\n"
        let ledger = LedgerText.load(text).ledger
        #expect(LedgerText.load(text).diagnostics.isEmpty)
        let street = try #require(ledger.initiatives.first)
        #expect(BudgetProfile.of(initiative: street, in: ledger)?.amounts.map(\.pence) == [0, 100_000, 100_000, 200_000])
    }

    @Test func anOrderOnAnotherGrantIsNotThisBudgets() throws {
        // A £4,000 order on y2 naming street (whose budget is y1's): not committed against street.
        let text = Self.books + """


            commitment po-10  Next year's van
              date        2020-06-01
              grant       y2
              line        work
              initiative  street
              amount      £4,000.00
            """
        let street = try #require(try Self.figures(ReportFilter(), text: text).first)
        #expect(street.committed.pence == 70_000, "only po-9, on y1")
        #expect(street.forecast.pence == 290_000)
    }

    @Test func aYearAskedForListsTheInitiativesItHolds() throws {
        // street's budget is y1's (2019-20): not in 2020-21's monitoring, though it spent on y2 then.
        #expect(try Self.figures(ReportFilter(financialYear: FinancialYear.parse("2020-21"))).isEmpty)
        #expect(try Self.figures(ReportFilter(financialYear: FinancialYear.parse("2019-20"))).map(\.key.label) == ["street"])
    }

    @Test func aPeriodOutsideItsGrantsIsAnError() throws {
        let text = Self.books.replacingOccurrences(of: "  budget   £4,000.00\n", with: "  budget   £4,000.00\n  period   2018-19\n")
        let problems = LedgerText.load(text).diagnostics
        #expect(problems.map(\.code) == [.badPeriod], "\(problems)")
        #expect(problems.first?.message == "initiative street's period 2018-19 lies outside grant y1's period 2019-20")
        #expect(problems.first?.location?.line == 20)
    }
}
