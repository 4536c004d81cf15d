import Foundation
import Testing
@testable import GrantLedgerCore

/// The gate on sizes (`AmountLimit`): each amount, and the sum of their sizes, within `Money.spreadsheetLimit`;
/// located at the amount, or at the largest; the same whether a file is read in one pass or in ranges.
@Suite("Amounts within the spreadsheet limit")
struct AmountLimitTests {
    static let header = """
        account assets:bank
        account expenses:cctv

        """

    static func spend(_ amount: String, day: Int = 1) -> String {
        "\n2022-10-\(day < 10 ? "0" : "")\(day) Bassetlaw District Council | CCTV\n    expenses:cctv  \(amount)\n    assets:bank\n"
    }

    static func located(_ text: String) -> [String] {
        DiagnosticRenderer.ordered(LedgerText.load(text).diagnostics).map {
            "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)"
        }
    }

    @Test func theLimitItselfPassesAndOnePennyMoreIsRefusedWhereItStands() {
        // £9,999,999,999,999.99 is the limit; the inferred side is not counted again.
        #expect(Money.spreadsheetLimit.formatted(.display) == "£9,999,999,999,999.99")
        #expect(Self.located(Self.header + Self.spend("£9,999,999,999,999.99")).isEmpty)
        #expect(Self.located(Self.header + Self.spend("£10,000,000,000,000.00")) == ["5:20 amount-past-limit"])
        #expect(Self.located(Self.header + Self.spend("-£10,000,000,000,000.00")) == ["5:20 amount-past-limit"])
    }

    @Test func sizesAddingUpPastTheLimitAreRefusedAtTheLargest() throws {
        let text = Self.header + Self.spend("£3,000,000,000,000.00", day: 1) + Self.spend("-£4,500,000,000,000.00", day: 2)
            + Self.spend("£3,000,000,000,000.00", day: 3)
        // Signs are ignored: £10.5 trillion of sizes, though the balance is only £1.5 trillion.
        #expect(Self.located(text) == ["9:20 total-past-limit"])
        let problem = try #require(LedgerText.load(text).diagnostics.first)
        #expect(problem.message.contains("come to £10,500,000,000,000.00"))
        #expect(problem.hint?.contains("£4,500,000,000,000.00") == true)
        // £9 trillion in all is within the limit.
        #expect(Self.located(Self.header + Self.spend("£4,500,000,000,000.00", day: 1) + Self.spend("£4,500,000,000,000.00", day: 2)).isEmpty)
    }

    @Test func declarationsCountWithThePostings() {
        let text = LedgerText.declarations.replacingOccurrences(of: "award   £1,000.00", with: "award   £6,000,000,000,000.00")
            + "\n" + Self.spend("£4,000,000,000,000.00")
        #expect(LedgerText.codes(text).contains(.totalPastLimit))
        #expect(!LedgerText.codes(LedgerText.declarations).contains(.totalPastLimit))
    }

    @Test func aBalanceAssertionPastTheLimitIsRefused() {
        let text = Self.header + "\n2022-10-01 Opening\n    assets:bank  £1.00 = £100,000,000,000,000.00\n    expenses:cctv\n"
        #expect(Self.located(text) == ["5:27 amount-past-limit"])
    }

    /// The largest amount and the sum are the same however the file is cut, so the error is too.
    @Test func aFileReadInRangesGetsTheSameError() throws {
        var text = Self.header
        for day in 1...28 { text += Self.spend(day == 17 ? "£1,200,000,000,000.00" : "£400,000,000,000.00", day: day) }
        let folder = try TemporaryFolder()
        let path = try folder.write("big.ledger", Data(text.utf8))
        let one = LedgerReader.read(paths: [path], splitting: SplitReadingTests.oneRange)
        #expect(one.diagnostics.map(\.code) == [.totalPastLimit])
        #expect(one.diagnostics.first?.location?.line == 4 + 4 * 16 + 1)
        for ranges in 2...4 {
            let many = LedgerReader.read(paths: [path], splitting: SplitReadingTests.split(ranges))
            #expect(many.diagnostics == one.diagnostics, "\(ranges) ranges")
        }
    }

    @Test func aStatementsAmountsAreGated() {
        let past = FinanceExportTests.read(FinanceExportTests.header + """
            NCC,09/01/2023,C1,4110,Secure Vision Ltd,INV-1,100000000000000.00,pasted reference
            """)
        #expect(FinanceExportTests.located(past) == ["2:48 amount-past-limit"])
        #expect(past.rows.isEmpty)
        let total = FinanceExportTests.read(FinanceExportTests.header + """
            NCC,09/01/2023,C1,4110,Secure Vision Ltd,INV-1,5000000000000.00,
            NCC,09/01/2023,C1,4110,Secure Vision Ltd,INV-2,-6000000000000.00,
            """)
        #expect(FinanceExportTests.located(total) == ["3:48 total-past-limit"])
    }

    @Test func lastYearsAllocationIsGatedAndCountedWithThePot() throws {
        let (_, past) = PreviousAllocation.parse(Array("area,amount\nA,1.00\nB,100000000000000.00\n".utf8), file: "last.csv")
        #expect(past.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code.rawValue)" } == ["3:3 amount-past-limit"])
        // Each within the limit, but together with the pot past it: the change against last year could not be shown.
        let previous = PreviousAllocation.parse(Array("area,amount\nA,3000000000000.00\nB,3000000000000.00\nC,1\n".utf8), file: "last.csv")
        #expect(previous.1.isEmpty)
        let settings = try FullMethodTests.settings(pot: 400_000_000_000_000) { $0.previous = previous.0 }
        let (allocation, problems) = try FullMethodTests.run(settings)
        #expect(allocation == nil)
        #expect(problems.map(\.code) == [.totalPastLimit], "\(problems)")
        let message = try #require(problems.first?.message)
        #expect(message.hasPrefix("the amounts in last year's allocation and the pot together, added up regardless of sign, come to £10,000,000,000,001.00"))
    }

    @Test func scenarioAmountsPastTheLimitAreRefusedAtTheSetting() throws {
        let origin = SettingOrigin(location: SourceLocation(file: "plan.scenario", line: 3, column: 5), length: 23, excerpt: "pot £100,000,000,000,000.00")
        let settings = AllocationSettings(pot: Located(Money(pence: 10_000_000_000_000_000), at: origin),
                                          weights: [WeightSetting(indicator: "population", weight: .one)],
                                          topSlices: [TopSlice(name: "officer", amount: Money(pence: 9_100_000_000_000_000))])
        let problems = settings.problems()
        #expect(problems.map(\.code) == [.amountPastLimit, .amountPastLimit])
        #expect(problems.first?.location == origin.location)
        #expect(problems.last?.message.hasPrefix("top-slice officer of £91,000,000,000,000.00") == true)
    }

    @Test func totalsAreWrittenExactlyPastInt64() {
        #expect(MoneyTotal(pence: Int128(Int64.max) * 3).description == "£276,701,161,105,643,274.21")
        #expect(MoneyTotal(pence: -Int128(Int64.max) * 3).description == "-£276,701,161,105,643,274.21")
        #expect(MoneyTotal(Money(pence: -105)).description == "-£1.05")
        #expect(ExactText.money(Rational(Int128(Int64.max) * 2)) == "£184,467,440,737,095,516.14")
    }
}
