import Foundation
import GrantLedgerTestSupport
import Testing

/// The demo workbook's allocation sheets as a committee member meets them (issue 12), read back by
/// openpyxl and recalculated by LibreOffice: the damped scenario's £5,000 retained for evaluation and
/// its pot below the areas, on its sheet and on the Comparison; per-head and change columns whose
/// formulas' cached values are `allocate`'s exact figures; and the floored, damped sheet locked, its
/// pot cell with it, with the note by the pot, so a pot typed in cannot silently break the floor.
@Suite(.serialized) struct AllocationSheetsTests {
    static let damped = "nwps-2021-22-damped"

    /// Row and column letter of the first cell on `sheet` whose text is `text`.
    static func place(_ book: WorkbookOracle.Workbook, _ sheet: String, _ text: String) throws -> (column: String, row: Int) {
        try #require(book.find(sheet, text: text).first, "no \(text) on \(sheet)").cellParts
    }

    /// `allocate --format json`'s areas for a shipped scenario, by name.
    static func exact(_ scenario: String) throws -> [String: [String: Any]] {
        let result = try ReportTestCLI.grantledger(["allocate", "examples/scenarios/\(scenario).scenario", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let areas = try #require(object["areas"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: areas.map { ($0["area"] as? String ?? "", $0) })
    }

    /// `"p/q"` (or `"n"`) as a Double divided by `scale`, correctly rounded enough for a 1e-12 comparison.
    static func fraction(_ text: Any?, over scale: Double = 1) -> Double? {
        guard let text = text as? String else { return nil }
        let parts = text.split(separator: "/").compactMap { Double($0) }
        guard let numerator = parts.first else { return nil }
        return numerator / (parts.count > 1 ? parts[1] : 1) / scale
    }

    static func close(_ a: Any?, _ b: Double?) -> Bool {
        guard let a = (a as? NSNumber)?.doubleValue, let b else { return false }
        return abs(a - b) <= max(abs(b), 1) * 1e-12
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func theRetainedSliceAndThePotCloseTheScenarioSheetAndTheComparison() throws {
        try Requirement.workbookOracle.require()
        let book = try WorkbookOracle.inspect(try ExportXlsxTests.exportDemo())
        let sheet = Self.damped
        let amount = try Self.place(book, sheet, "Amount").column
        let total = try Self.place(book, sheet, "Total to areas").row
        let retained = try Self.place(book, sheet, "Retained centrally: evaluation").row
        let pot = try #require(book.find(sheet, text: "Pot").map(\.cellParts).first { $0.column == "A" && $0.row > total })
        #expect(retained == total + 1 && pot.row == total + 2)
        let slice = try Self.place(book, sheet, "Top-slice: evaluation").row
        #expect(book.cell(sheet, "\(amount)\(retained)")["value"] as? String == "=B\(slice)")
        #expect(book.pence(sheet, "\(amount)\(retained)") == 500_000)
        #expect(book.cell(sheet, "\(amount)\(pot.row)")["value"] as? String == "=SUM(\(amount)\(total):\(amount)\(retained))")
        #expect(book.pence(sheet, "\(amount)\(total)") == 26_575_000)
        #expect(book.pence(sheet, "\(amount)\(pot.row)") == 27_075_000)

        let comparison = "Comparison"
        let row = try Self.place(book, comparison, "Retained centrally: evaluation").row
        let potRow = try #require(book.find(comparison, text: "Pot").map(\.cellParts).first { $0.column == "A" }).row
        #expect(potRow == row + 1)
        #expect(book.cell(comparison, "D\(row)")["value"] as? String == "='\(sheet)'!\(amount)\(retained)")
        #expect(book.pence(comparison, "B\(row)") == 0, "the thirds retain nothing")
        for column in ["B", "C", "D"] {
            #expect(book.cell(comparison, "\(column)\(potRow)")["value"] as? String == "=SUM(\(column)\(row - 1):\(column)\(row))")
            #expect(book.pence(comparison, "\(column)\(potRow)") == 27_075_000, "every scenario's column adds up to the pot")
        }
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func perHeadAndChangeAreLiveWithAllocatesExactFigures() throws {
        try Requirement.workbookOracle.require()
        let book = try WorkbookOracle.inspect(try ExportXlsxTests.exportDemo())
        let sheet = Self.damped
        let exact = try Self.exact(sheet)
        let (amount, population) = (try Self.place(book, sheet, "Amount").column, try Self.place(book, sheet, "population").column)
        let (perHead, last, change, percent) = (try Self.place(book, sheet, "Per head").column, try Self.place(book, sheet, "Last year").column,
                                                try Self.place(book, sheet, "Change").column, try Self.place(book, sheet, "Change %").column)
        #expect(exact.count == 7)
        for (name, figures) in exact {
            let r = try Self.place(book, sheet, name).row
            #expect(book.cell(sheet, "\(perHead)\(r)")["value"] as? String == "=\(amount)\(r)/\(population)\(r)")
            #expect(Self.close(book.cell(sheet, "\(perHead)\(r)")["cached"], Self.fraction(figures["per_head_pence"], over: 100)), "\(name)")
            #expect(book.cell(sheet, "\(perHead)\(r)")["fmt"] as? String == "£#,##0.00;-£#,##0.00", "to the penny")
            #expect(book.pence(sheet, "\(last)\(r)") == WorkbookOracle.pence(figures["previous"] as? String ?? ""))
            #expect(book.cell(sheet, "\(change)\(r)")["value"] as? String == "=\(amount)\(r)-\(last)\(r)")
            #expect(book.pence(sheet, "\(change)\(r)") == WorkbookOracle.pence(figures["change"] as? String ?? ""), "\(name)")
            #expect(book.cell(sheet, "\(percent)\(r)")["value"] as? String == "=\(change)\(r)/\(last)\(r)")
            #expect(Self.close(book.cell(sheet, "\(percent)\(r)")["cached"], Self.fraction(figures["change_fraction"])), "\(name)")
        }
        // The shipped thirds have per head (population is one of their indicators) but no last year.
        #expect(!book.find("nwps-2021-22-thirds", text: "Per head").isEmpty)
        #expect(book.find("nwps-2021-22-thirds", text: "Last year").isEmpty)
    }

    /// The floored, damped sheet is protected (no password), no cell left unlocked, the pot among
    /// them, and the note by the pot says why and what to do; LibreOffice agrees with every cached value.
    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func aSheetWhoseFloorTheProgramMetIsLockedWithANoteByThePot() throws {
        try Requirement.workbookOracle.require()
        let path = try ExportXlsxTests.exportDemo()
        let book = try WorkbookOracle.inspect(path)
        let locked = book.sheet(Self.damped)
        #expect(locked["protected"] as? Bool == true)
        #expect(locked["password"] is NSNull || locked["password"] == nil, "a guard, not a secret")
        #expect((locked["unlocked"] as? [String])?.isEmpty == true, "every cell locked, the pot's too")
        let pot = try #require(book.find(Self.damped, text: "Pot").map(\.cellParts).filter { $0.column == "A" }.map(\.row).min())
        #expect(book.pence(Self.damped, "B\(pot)") == 27_075_000)
        let note = book.cell(Self.damped, "C\(pot)")["value"] as? String ?? ""
        #expect(note.hasPrefix("Locked: the floor and damping are met by grantledger, and the amounts below do not re-run them"), "\(note)")
        #expect(note.contains("re-run `grantledger allocate` with it"), "\(note)")
        // A scenario with nothing the sheet cannot follow stays open, its pot a shaded input.
        for open in ["nwps-2021-22-thirds", "nwps-2021-22-crime-heavier", "Comparison"] {
            #expect(book.sheet(open)["protected"] as? Bool == false, "\(open)")
        }
        #expect((book.cell("nwps-2021-22-thirds", "C\(pot)")["value"] as? String)?.hasPrefix("Change the pot or a weight") == true)
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect((XlsxOracle.passedWithNoFailures(summary) ?? 0) > 600, "\(output)")
    }
}
