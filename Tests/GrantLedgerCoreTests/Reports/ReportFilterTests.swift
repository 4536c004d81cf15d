import GrantLedgerCore
import Testing

@Suite struct ReportFilterTests {
    let ledger = SampleBooks.ledger()

    /// The caller names the settings (the CLI with its options); the core only says which one.
    static func option(_ setting: ReportFilter.Setting) -> String {
        switch setting {
        case .financialYear: "--fy"
        case .quarter: "--quarter"
        case .month: "--month"
        case .from: "--from"
        case .to: "--to"
        case .grant: "--grant"
        case .area: "--area"
        case .line: "--line"
        case .initiative: "--initiative"
        case .account: "--account"
        case .payee: "--payee"
        }
    }

    @Test func theDateErrorNamesTheSettingThatIsWrong() {
        #expect(throws: ReportError.badDate(.to, text: "31/03/2020")) {
            try ReportFilter.parse(from: "2019-04-01", to: "31/03/2020")
        }
        let diagnostic = ReportError.badDate(.from, text: "2019-4-1").diagnostic(naming: Self.option)
        #expect(diagnostic.message == "--from 2019-4-1: not a date")
        #expect(diagnostic.hint == "write dates as YYYY-MM-DD, for example --from 2019-04-01")
    }

    @Test func parsesTheCommandLineSpellings() throws {
        let filter = try ReportFilter.parse(financialYear: "2019-20", from: "2019-05-01", to: "2020-06-30", grant: "g", area: "a")
        #expect(filter.financialYear == FinancialYear(startYear: 2019))
        #expect(filter.start == Day.parse("2019-05-01"), "--from narrows the year")
        #expect(filter.end == Day.parse("2020-03-31"), "the year narrows --to")
        #expect(filter.grantID == "g" && filter.areaID == "a")
    }

    @Test func aQuarterOrAMonthIsAPeriodOfTheFinancialYear() throws {
        let quarter = try ReportFilter.parse(quarter: "2019-20-Q3")
        #expect(quarter.start == Day.parse("2019-10-01") && quarter.end == Day.parse("2019-12-31"))
        #expect(quarter.caption == "2019-20-Q3")
        let month = try ReportFilter.parse(financialYear: "2019-20", month: "2020-02", from: "2020-02-10")
        #expect(month.start == Day.parse("2020-02-10") && month.end == Day.parse("2020-02-29"))
        #expect(throws: ReportError.badFinancialPeriod(.quarter, text: "2019-Q3")) { try ReportFilter.parse(quarter: "2019-Q3") }
        #expect(throws: ReportError.badFinancialPeriod(.quarter, text: "2019-10")) { try ReportFilter.parse(quarter: "2019-10") }
        #expect(throws: ReportError.badFinancialPeriod(.month, text: "2019-20-Q3")) { try ReportFilter.parse(month: "2019-20-Q3") }
        #expect(throws: ReportError.twoPeriods) { try ReportFilter.parse(quarter: "2019-20-Q3", month: "2019-10") }
        let message = ReportError.badFinancialPeriod(.quarter, text: "2019-Q3").diagnostic(naming: Self.option)
        #expect(message.message == "--quarter 2019-Q3: not a quarter")
        #expect(message.hint == "write the financial year and the quarter, Q1 being April to June, for example --quarter 2019-20-Q3")
    }

    @Test(arguments: [
        (["fy": "2019-2020"], DiagnosticCode.badPeriod),
        (["fy": "2019-21"], .badPeriod),
        (["from": "2019-02-30"], .impossibleDate),
        (["to": "31/03/2020"], .badDate),
        (["from": "2019-4-1"], .badDate),
    ])
    func malformedDatesAndYearsAreErrors(_ options: [String: String], _ code: DiagnosticCode) {
        #expect(throws: ReportError.self) {
            try ReportFilter.parse(financialYear: options["fy"], from: options["from"], to: options["to"])
        }
        do {
            _ = try ReportFilter.parse(financialYear: options["fy"], from: options["from"], to: options["to"])
        } catch {
            #expect(error.diagnostic(naming: Self.option).code == code)
            #expect(error.diagnostic(naming: Self.option).severity == .error)
        }
    }

    @Test func unknownGrantIsAnErrorWithASuggestion() {
        #expect(throws: ReportError.unknownGrant("snb-2019-21", suggestion: .near("snb-2019-20"))) {
            try GrantsReport.build(ledger, ReportFilter(grantID: "snb-2019-21"))
        }
        let diagnostic = ReportError.unknownGrant("snb-2019-21", suggestion: .near("snb-2019-20")).diagnostic(naming: Self.option)
        #expect(diagnostic.message == "--grant snb-2019-21: no grant has that id")
        #expect(diagnostic.hint == "did you mean snb-2019-20?")
    }

    @Test func unknownAreaIsAnErrorInEveryReport() {
        for kind in ReportKind.allCases {
            #expect(throws: ReportError.unknownArea("basetlaw", suggestion: .near("bassetlaw"))) {
                try kind.build(ledger, ReportFilter(areaID: "basetlaw"))
            }
        }
    }

    @Test func fromAfterToIsAnError() {
        #expect(throws: ReportError.emptyRange(from: Day(year: 2020, month: 1, day: 1)!, to: Day(year: 2019, month: 1, day: 1)!)) {
            try BalanceReport.build(ledger, ReportFilter(from: Day.parse("2020-01-01"), to: Day.parse("2019-01-01")))
        }
    }

    @Test func datesAreInclusiveAtBothEnds() throws {
        let day = ReportFilter(from: Day.parse("2019-06-30"), to: Day.parse("2019-06-30"))
        let report = try GrantsReport.build(ledger, day)
        #expect(report.money(report.totals, "spent") == pounds("£5,000.00"))
    }

    @Test func grantSelectsOneGrantAndItsLines() throws {
        let report = try GrantsReport.build(ledger, ReportFilter(grantID: "ss4-bns"))
        #expect(report.rows.filter { !$0.isDetail }.count == 1)
        #expect(report.rows.filter(\.isDetail).compactMap { report.cell($0, "line")?.text } == ["cctv", "lighting"])
        #expect(report.title == "Grants (grant ss4-bns)")
    }

    @Test func areaFilterNarrowsTheAreasListed() throws {
        let report = try AreasReport.build(ledger, ReportFilter(areaID: "bns-csp"))
        #expect(report.rows.compactMap { $0.cells[0].text } == ["bns-csp", "bassetlaw", "newark"])
        #expect(report.money(report.totals, "spent") == pounds("£115,937.50"))
    }

    @Test func withinCyclesDoNotHang() throws {
        let (ledger, _) = LedgerLoader.load(text: """
        area a  A
          within  b
        area b  B
          within  a
        area c  C
        """)
        let report = try AreasReport.build(ledger, ReportFilter(areaID: "a"))
        #expect(report.rows.compactMap { $0.cells[0].text } == ["a", "b"])
    }
}
