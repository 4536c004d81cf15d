import Foundation
import GrantLedgerTestSupport
@testable import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

/// Every formula on Summary, Budget v actual, Bids, Spend and Comparison goes through `FormulaGate`:
/// on the wrong side of the bound the figure is its exact value, in italics, with the sheet's note.
/// A program without the gate writes `=F5-H5` for a £0.02 remainder of a £3tn grant (LibreOffice
/// does not get 0.02 back) and a SUBTOTAL over 5,001 large amounts that no bound can vouch for.
@Suite("Formulas only where spreadsheet arithmetic reproduces the figure")
struct FormulaGateTests {
    @Test func aRemainderThatIsAHairOfAHugeAwardIsAnExactValue() throws {
        let (ledger, problems) = LedgerLoader.load(text: LargeBooks.ledger(smallPayments: 3))
        #expect(problems.isEmpty, "\(problems.map(\.message))")
        let model = try CommitteeWorkbook.build(ledger, LargeBooks.settings)
        let summary = try #require(model.sheet(named: "Summary"))
        let remaining = try #require(Look(summary)["huge", "Remaining"])
        #expect(remaining.value == .money(Money(pence: 2)) && remaining.look.exactValue)
        // The ordinary grant beside it keeps its formula.
        let ordinary = try #require(Look(summary)["many", "Remaining"])
        #expect(Look.formulaText(ordinary)?.hasPrefix("=F") == true && !ordinary.look.exactValue)
        #expect(Look(summary).has(FormulaGate.note))
        let budget = try #require(model.sheet(named: "Budget v actual"))
        let variance = try #require(Look(budget)["huge", "Variance"])
        #expect(variance.value == .money(Money(pence: 2)) && variance.look.exactValue)
        #expect(Look(budget).has(FormulaGate.note))
        // Ordinary books have no such figure: no note.
        let (sample, _) = LedgerLoader.load(text: ModelWorkbookOracleTests.ledger)
        let plain = try CommitteeWorkbook.build(sample, LargeBooks.settings)
        for name in ["Summary", "Budget v actual", "Budget monitoring", "Bids", "Spend"] {
            let sheet = try #require(plain.sheet(named: name))
            #expect(!Look(sheet).has(FormulaGate.note), "\(name)")
            #expect(Look(sheet).formulaCount > 0 || name == "Bids", "\(name)")
        }
    }

    /// Like-signed amounts: the worst-case bound of a SUM of n terms is about n·2^-53 of their sum.
    /// Within half of 10^-12 of it up to about 4,500 terms, but an amount must also be right to the
    /// quarter penny: beside a £3tn payment, four rows still make a SUBTOTAL, four thousand do not
    /// (ordinary books keep theirs: see the test below).
    @Test func theSpendTotalIsASubtotalOnlyWithinTheBound() throws {
        for (payments, live) in [(3, true), (4_000, false), (5_000, false)] {
            let (ledger, _) = LedgerLoader.load(text: LargeBooks.ledger(smallPayments: payments))
            let model = try CommitteeWorkbook.build(ledger, LargeBooks.settings)
            let spend = try #require(model.sheet(named: "Spend"))
            let total = spend.rows[2].cells[SpendSheet.amountColumn]
            let expected = Money(pence: 299_999_999_999_999 + Int64(payments) * 100_001)
            #expect(total.value == (live ? total.value : .money(expected)))
            if case .formula(let formula) = total.value { #expect(formula.result == .money(expected)) }
            #expect((Look.formulaText(total)?.hasPrefix("=SUBTOTAL(9,") == true) == live, "\(payments) payments")
            #expect(total.look.exactValue == !live)
            #expect(Look(spend).has(FormulaGate.note) == !live)
            #expect(Look(spend).has("Total of all the rows (it does not follow the filters):") == !live)
        }
    }

    /// The oracle's relative tolerance alone would keep a money total a pound out (a thousand
    /// amounts of £10bn: bound about £1.1, tolerance £10): amounts must be right to the quarter penny.
    @Test func moneyMustBeRightToThePennyNotOnlyToTheRelativeTolerance() throws {
        let big = SpreadsheetBound.sum(Array(repeating: SpreadsheetBound.stored(Money(pence: 1_000_000_000_000)), count: 1_000))
        #expect(big.agrees && !big.agreesToThePenny)
        let small = SpreadsheetBound.sum(Array(repeating: SpreadsheetBound.stored(Money(pence: 100_001)), count: 1_000))
        #expect(small.agrees && small.agreesToThePenny)
        // Ordinary books' Spend total is a live SUBTOTAL that follows the filters.
        let (sample, _) = LedgerLoader.load(text: ModelWorkbookOracleTests.ledger)
        let spend = try #require(try CommitteeWorkbook.build(sample, LargeBooks.settings).sheet(named: "Spend"))
        #expect(Look.formulaText(spend.rows[2].cells[SpendSheet.amountColumn])?.hasPrefix("=SUBTOTAL(9,") == true)
    }

    /// The aggregate bound the Spend sheet uses (running totals in pence) is never tighter than the
    /// cell-by-cell one: it may only give up a formula, never keep a wrong one.
    @Test func theAggregateSpendBoundCoversTheCellByCellOne() {
        let amounts: [Int64] = [100_001, 250, 9_007_199_254_740, 1, 100, 33_333, -5, 0]
        for count in 1...amounts.count {
            let terms = amounts.prefix(count)
            let cellwise = SpreadsheetBound.sum(terms.map { SpreadsheetBound.stored(Money(pence: $0)) })
            let total = terms.reduce(Int128(0)) { $0 + Int128($1) }
            let magnitude = terms.reduce(Int128(0)) { $0 + Int128($1.magnitude) }
            let aggregate = SpreadsheetBound.sumOfStoredMoney(totalPence: total, magnitudePence: magnitude, count: count,
                                                               alike: !(terms.contains { $0 > 0 } && terms.contains { $0 < 0 }))
            #expect(aggregate.value == cellwise.value)
            #expect(aggregate.error >= cellwise.error, "\(count)")
        }
    }
}

/// A held sheet read by row label (column A) and heading.
private struct Look {
    let rows: [SheetRow]
    init(_ sheet: SheetModel) { rows = (0..<sheet.rows.count).map { sheet.rows[$0] } }

    subscript(label: String, heading: String) -> SheetCell? {
        guard let row = rows.first(where: { $0.cells.first?.value == .text(label) }),
              let column = rows.lazy.compactMap({ $0.cells.firstIndex { $0.look.role == .header && $0.value == .text(heading) } }).first,
              column < row.cells.count else { return nil }
        return row.cells[column]
    }

    func has(_ text: String) -> Bool { rows.contains { $0.cells.contains { $0.value == .text(text) } } }

    var formulaCount: Int { rows.reduce(0) { $0 + $1.cells.filter { Look.formulaText($0) != nil }.count } }

    static func formulaText(_ cell: SheetCell) -> String? {
        if case .formula(let formula) = cell.value { return formula.text }
        return nil
    }
}

/// Books at the edge of what a double holds: a £3tn grant spent to within 2p, and an ordinary
/// grant with `smallPayments` payments of £1,000.01.
enum LargeBooks {
    static let settings = CommitteeWorkbookSettings(
        asOf: Day.parse("2019-12-31") ?? Day(daysSinceEpoch: 0),
        provenance: Provenance(toolVersion: "0.0.0-test", commandLine: "test", inputs: []))

    static func ledger(smallPayments: Int) -> String {
        var text = """
            funder opcc  Office of the Police and Crime Commissioner
            area ashfield  Ashfield
            grant huge  A very large grant
              funder     opcc
              period     2019-20
              award      £3,000,000,000,000.01
              line main  £3,000,000,000,000.01  Main
            grant many  Many small payments
              funder     opcc
              period     2019-20
              award      £6,000,000.00
              line pay   £6,000,000.00  Payments
            account assets:bank
            account expenses:main
            account expenses:pay

            2019-05-01 * Contractor | nearly all of it   ; grant:huge, line:main, area:ashfield
                expenses:main   £2,999,999,999,999.99
                assets:bank

            """
        for i in 0..<smallPayments {
            let day = 1 + i % 28, month = 4 + (i / 28) % 9
            text += "2019-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day) * Supplier \(i % 7) | item \(i)   ; grant:many, line:pay\n"
            text += "    expenses:pay   £1,000.01\n    assets:bank\n\n"
        }
        return text
    }
}

/// The same books through LibreOffice: on both sides of the Spend total's bound, and with the
/// huge grant's 2p remainder, every formula left recalculates to its cached exact figure.
@Suite("Large totals through LibreOffice", .enabled(if: Requirement.workbookOracle.shouldRun))
struct LargeTotalsRecalcTests {
    @Test func summaryBudgetAndSpendTotalsAtTheBoundRecalculateWithoutADifference() throws {
        try Requirement.workbookOracle.require()
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for payments in [4_000, 5_000] {
            let (ledger, _) = LedgerLoader.load(text: LargeBooks.ledger(smallPayments: payments))
            let model = try CommitteeWorkbook.build(ledger, LargeBooks.settings)
            let path = scratch.file("large-\(payments).xlsx")
            try WorkbookModelWriter.write(model, to: path)
            let (summary, output) = try XlsxOracle.recalculate(path)
            print("\(payments) payments: \(summary)")
            #expect(summary.hasSuffix(" passed, 0 failed"), "\(payments): \(output.suffix(3_000))")
            #expect((Int(summary.split(separator: " ")[0]) ?? 0) > 10, "\(summary)")
        }
    }
}
