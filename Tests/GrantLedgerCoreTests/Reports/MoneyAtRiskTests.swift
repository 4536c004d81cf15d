import Testing
@testable import GrantLedgerCore

/// Money that must be spent by a day, against what the lines' forecasts put in the window: worked by
/// hand for each case below.
@Suite("Money at risk")
struct MoneyAtRiskTests {
    static func windows(_ text: String, asOf: String) throws -> [SpendWindow] {
        let (ledger, diagnostics) = LedgerText.load(text)
        #expect(diagnostics.allSatisfy { $0.severity != .error }, "\(DiagnosticRenderer().render(diagnostics))")
        return try MoneyAtRisk.windows(ledger, ReportFilter(), BudgetSettings(asOf: try #require(Day.parse(asOf))))
    }

    static let deadline = """
        funder ho  Home Office
        account assets:bank
        account expenses:cctv
        grant g  Cameras
          funder    ho
          period    2023-04-01..2023-11-15
          deadline  2023-11-15
          award     £1,000.00
          line cctv  £1,000.00  Cameras
          profile cctv  quarterly  £250.00 £250.00 £500.00

        commitment po-1  More cameras
          date    2023-10-01
          grant   g
          line    cctv
          amount  £500.00

        2023-06-10 * Secure Vision Ltd | cameras   ; grant:g, line:cctv, ref:INV-1
            expenses:cctv  £500.00
            assets:bank

        """

    @Test func beforeTheDeadlineTheRestOfTheForecastCounts() throws {
        // 1 November: £500 spent; the rest of Q3's profile (£500, cut to the deadline) is forecast: nothing at risk.
        let window = try #require(try Self.windows(Self.deadline, asOf: "2023-11-01").first)
        #expect(window.label == "award" && window.spendBy == Day.parse("2023-11-15"))
        #expect(window.forecast == Money(pence: 100_000) && window.atRisk == .zero && window.status == .onTrack)
    }

    @Test func onceTheDeadlineHasPassedOnlyWhatWasSpentCounts() throws {
        // 20 November: the order never turned into spend; £500 of the award is lost, whatever is still forecast.
        let window = try #require(try Self.windows(Self.deadline, asOf: "2023-11-20").first)
        #expect(window.forecast == Money(pence: 50_000) && window.actual == Money(pence: 50_000))
        #expect(window.atRisk == Money(pence: 50_000) && window.status == .lost)
        #expect(window.sentence == "£500.00 of the award was not spent by 15 November 2023 and is lost")
    }

    @Test func aPeriodAloneIsNoDayMoneyIsLostBy() throws {
        let text = Self.deadline.replacingOccurrences(of: "  deadline  2023-11-15\n", with: "")
        #expect(try Self.windows(text, asOf: "2023-11-20").isEmpty)
    }

    @Test(arguments: [
        ("  tranche  2023-24  £1,000.00  by 2024-05-31\n", DiagnosticCode.badPeriod, "the 2023-24 tranche's spend-by date 2024-05-31 is not in 2023-24"),
        ("  tranche  2023-24  £500.00  by 2023-11-15\n  tranche  2023-24  £500.00  by 2023-11-15\n", .duplicateSetting,
         "grant g has two tranches for 2023-24"),
        ("  tranche  2023-24  £1,000.00  by 2024-03-31\n", .badPeriod,
         "grant g's 2023-24 tranche is to be spent by 2024-03-31, after 2023-11-15, the last day it can spend on"),
        ("  tranche  2024-25  £1,000.00  by 2025-03-31\n", .badPeriod, "grant g's 2024-25 tranche falls outside its period 2023-04-01..2023-11-15"),
        ("  tranche  2023-24  £1,200.00  by 2023-11-15\n", .badValue,
         "grant g's tranches add up to £1,200.00, more than its award of £1,000.00"),
    ])
    func aTrancheIsItsYearsMoney(_ tranches: String, _ code: DiagnosticCode, _ message: String) {
        let text = Self.deadline.replacingOccurrences(of: "  award     £1,000.00\n", with: "  award     £1,000.00\n" + tranches)
        let problems = LedgerText.load(text).diagnostics.filter { $0.severity == .error }
        #expect(problems.map(\.code) == [code])
        #expect(problems.first?.message == message)
    }
}
