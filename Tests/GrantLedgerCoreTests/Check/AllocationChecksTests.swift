import Testing
@testable import GrantLedgerCore

/// An agreed allocation shares exactly its line among declared areas, and is read as last year's.
@Suite("Agreed allocations")
struct AllocationChecksTests {
    static func books(_ allocation: String) -> String {
        """
        funder opcc  OPCC
        area ashfield  Ashfield
        area bassetlaw  Bassetlaw
        account assets:bank
        account expenses:nwps

        grant nwps  Problem solving 2021-22
          funder  opcc
          period  2021-22
          award   £1,000.00
          line nwps  £1,000.00  Focus areas

        \(allocation)
        2021-06-01 * Ashfield DC | focus area work   ; grant:nwps, line:nwps, area:ashfield
            expenses:nwps  £150.00
            assets:bank

        """
    }

    static let agreed = """
        allocation agreed  As agreed
          grant   nwps
          line    nwps
          agreed  2020-12-10
          area ashfield   £600.00
          area bassetlaw  £400.00

        """

    @Test func anAgreedAllocationSetsTheAreasBudgets() throws {
        let (ledger, diagnostics) = LedgerText.load(Self.books(Self.agreed))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(DiagnosticRenderer().render(diagnostics))")
        let report = try AreasReport.build(ledger, ReportFilter(grantID: "nwps"))
        #expect(report.title == "Areas (grant nwps), against the agreed allocations")
        let ashfield = try #require(report.rows.first { $0.cells.first == .text("ashfield") })
        // Allocated, spent, left, and forecast: by hand, the line (even by month, £83.34 for April to July,
        // £83.33 after) is forecast at £150.00 spent + £749.98 still to come (June's £83.34 spent early,
        // then July to March), shared 450 : 400 by what is left of each share: £397.05 to Ashfield.
        #expect(Array(ashfield.cells.suffix(4)) == [.money(Money(pence: 60_000)), .money(Money(pence: 15_000)), .money(Money(pence: 45_000)),
                                                    .money(Money(pence: 54_705))])
        let bassetlaw = try #require(report.rows.first { $0.cells.first == .text("bassetlaw") })
        #expect(bassetlaw.cells.last == .money(Money(pence: 35_293)), "£749.98 less Ashfield's £397.05")
        // Next year's allocation reads the same shares as last year's, by the areas' names.
        let previous = PreviousAllocation(ledger.allocations[0], in: ledger, origin: nil)
        #expect(previous.rows.map(\.area) == ["Ashfield", "Bassetlaw"] && previous.rows.map(\.amount.pence) == [60_000, 40_000])
    }

    @Test func withoutAllocationsTheReportIsAsBefore() throws {
        let (ledger, _) = LedgerText.load(Self.books(""))
        #expect(try AreasReport.build(ledger, ReportFilter(grantID: "nwps")).columns.map(\.key).last == "postings")
    }

    @Test(arguments: [
        ("area ashfield   £600.00", "area ashfield   £500.00", DiagnosticCode.badValue,
         "allocation agreed shares £900.00 across 2 areas, but line nwps of grant nwps holds £1,000.00"),
        ("area bassetlaw  £400.00", "area ashfield  £400.00", .duplicateSetting, "area ashfield has two shares in allocation agreed"),
        ("area bassetlaw  £400.00", "area basetlaw  £400.00", .unknownArea, "unknown area \"basetlaw\""),
        ("  line    nwps\n", "  line    nwpz\n", .unknownLine, "grant nwps has no line \"nwpz\""),
        ("  agreed  2020-12-10\n", "", .missingField, "allocation agreed has no agreed"),
    ])
    func mistakesAreLocatedErrors(_ written: String, _ instead: String, _ code: DiagnosticCode, _ message: String) {
        let diagnostics = LedgerText.load(Self.books(Self.agreed.replacingOccurrences(of: written, with: instead))).diagnostics
            .filter { $0.severity == .error }
        // The mistake first (a share refused leaves the sum short too).
        let ordered = DiagnosticRenderer.ordered(diagnostics)
        #expect(ordered.contains { $0.code == code && $0.message == message }, "\(DiagnosticRenderer().render(diagnostics))")
        #expect(ordered.allSatisfy { $0.code == code || $0.code == .badValue }, "\(DiagnosticRenderer().render(diagnostics))")
    }
}
