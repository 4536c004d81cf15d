import Testing
@testable import GrantLedgerCore

/// What a committee member asked of a scenario sheet (issue 12): the top-slices retained centrally
/// and the pot below the areas, so the Amount column visibly adds up to the pot; per-head and
/// change-on-last-year columns as live formulas on the row's own cells; and a sheet whose floors,
/// caps or damping the program met is locked, with a note by the pot, so a pot typed in cannot
/// silently break them.
@Suite("Allocation scenario sheet: retained, per head, last year, locked")
struct ScenarioSheetCommitteeTests {
    static let lastYear = """
        area,amount
        Ashfield,41464.44
        Bassetlaw,38673.88
        Broxtowe,36408.61
        Gedling,0
        Mansfield,36277.28
        Newark and Sherwood,40348.22
        Rushcliffe,39067.84
        """

    /// The demo's £270,750 by equal thirds, with whatever `change` adds.
    static func allocation(_ change: (inout AllocationSettings) throws -> Void) throws -> Allocation {
        let (table, problems) = AreaTable.parse(Array(WorkbookFixtures.districts.utf8), file: "areas.csv")
        #expect(problems.isEmpty)
        var settings = AllocationSettings(
            pot: Located(Money(pence: 27_075_000)),
            weights: try WorkbookFixtures.thirds.map { WeightSetting(indicator: $0.0, weight: try ExactNumberParser.parseWeight($0.1)) })
        try change(&settings)
        let (allocation, diagnostics) = Allocator.allocate(try #require(table), settings)
        return try #require(allocation, "\(diagnostics.map(\.message))").named("Scenario")
    }

    static func sheet(_ allocation: Allocation, reallocateBy: String? = nil) -> (SheetModel, ScenarioSheet.Built, [DefinedName]) {
        var names: [DefinedName] = []
        let built = ScenarioSheet.build(allocation, sheetName: "Scenario", reallocateBy: reallocateBy, &names)
        return (built.sheet, built, names)
    }

    // MARK: - Retained centrally and the pot

    @Test func theRetainedSlicesAndThePotFollowTheTotal() throws {
        let a = try Self.allocation {
            $0.topSlices = [TopSlice(name: "officer", amount: Money(pence: 600_000)), TopSlice(name: "evaluation", amount: Money(pence: 500_000))]
        }
        let (sheet, built, names) = Self.sheet(a)
        let pot = try #require(sheet.find("Pot", role: .label))
        let officer = try #require(sheet.find("Top-slice: officer", role: .label))
        let evaluation = try #require(sheet.find("Top-slice: evaluation", role: .label))
        #expect([officer.row, evaluation.row] == [pot.row + 1, pot.row + 2])
        // What the formula shares is the pot less the top-slices, live, and the exact amounts multiply it.
        let shared = try #require(sheet.find("Shared by the formula", role: .label))
        #expect(sheet.cell(row: shared.row, column: 1).value
                == .formula(Formula("=Pot-SUM(B\(officer.row + 1):B\(evaluation.row + 1))", .money(Money(pence: 25_975_000)))))
        #expect(names.contains { $0.name == "FormulaPot" && $0.target.area.first.row == shared.row })
        for area in a.areas {
            let exact = try #require(sheet.cell(area.name, under: "Exact amount")?.formula)
            #expect(exact.text.hasPrefix("=FormulaPot*") && exact.result == .preciseMoney(pence: area.formulaAmount))
        }
        // Below the total: each retained slice pointing at its setting, then the pot as their SUM.
        let amount = try #require(sheet.find("Amount", role: .header)).column
        let total = try #require(sheet.find("Total to areas", role: .total)).row
        #expect(sheet.cell(row: total, column: amount).formula?.result == .money(Money(pence: 25_975_000)))
        #expect(sheet.cell(row: total + 1, column: 0).value == .text("Retained centrally: officer"))
        #expect(sheet.cell(row: total + 1, column: amount).value == .formula(Formula("=B\(officer.row + 1)", .money(Money(pence: 600_000)))))
        #expect(sheet.cell(row: total + 2, column: amount).value == .formula(Formula("=B\(evaluation.row + 1)", .money(Money(pence: 500_000)))))
        let column = CellRef.columnName(amount)
        #expect(sheet.cell(row: total + 3, column: 0).value == .text("Pot"))
        #expect(sheet.cell(row: total + 3, column: amount).value
                == .formula(Formula("=SUM(\(column)\(total + 1):\(column)\(total + 3))", .money(a.pot))))
        #expect(built.retainedCells == ["officer": [CellRef(row: total + 1, column: amount)],
                                        "evaluation": [CellRef(row: total + 2, column: amount)]])
        // Nothing the sheet does not re-run: it stays open, the slices shaded as inputs.
        #expect(!sheet.isLocked)
        #expect(sheet.cell(row: officer.row, column: 1).look.role == .input)
        #expect(sheet.find(where: { $0.hasPrefix("Change the pot, a top-slice or a weight") }) != nil)
    }

    @Test func withoutTopSlicesThereIsNoRetainedRowAndThePotIsMultipliedDirectly() throws {
        let (sheet, built, _) = Self.sheet(try Self.allocation { _ in })
        #expect(sheet.find("Shared by the formula", role: .label) == nil)
        #expect(sheet.find(where: { $0.hasPrefix("Retained centrally") }) == nil)
        #expect(sheet.find("Total", role: .total) != nil)
        #expect(built.retainedCells.isEmpty)
    }

    // MARK: - Per head and change on last year

    @Test func perHeadAndChangeAreLiveOnTheRowsOwnCells() throws {
        let a = try Self.allocation {
            $0.perHead = Located("population")
            $0.previous = PreviousAllocation.parse(Array(Self.lastYear.utf8), file: "last.csv").0
        }
        let (sheet, _, _) = Self.sheet(a)
        let header = try #require(sheet.find("Area", role: .header)).row
        func column(_ title: String) throws -> String { CellRef.columnName(try #require(sheet.find(title, role: .header)).column) }
        let (amount, population, last, change) = (try column("Amount"), try column("population"), try column("Last year"), try column("Change"))
        for (i, area) in a.areas.enumerated() {
            let r = header + 2 + i
            #expect(sheet.cell(area.name, under: "Per head")?.value
                    == .formula(Formula("=\(amount)\(r)/\(population)\(r)", .preciseMoney(pence: try #require(area.perHead)))))
            #expect(sheet.cell(area.name, under: "Per head")?.look.decimals == 2, "shown to the penny")
            #expect(sheet.cell(area.name, under: "Last year")?.value == .money(try #require(area.previous)))
            #expect(sheet.cell(area.name, under: "Change")?.value
                    == .formula(Formula("=\(amount)\(r)-\(last)\(r)", .money(try #require(area.change)))))
            if let fraction = area.changeFraction {
                #expect(sheet.cell(area.name, under: "Change %")?.value == .formula(Formula("=\(change)\(r)/\(last)\(r)", .percent(fraction))))
            } else {
                #expect(area.name == "Gedling")
                #expect(sheet.cell(area.name, under: "Change %")?.value == .text("n/a"), "last year's nothing has no percentage")
            }
        }
        // The totals are the table's: the areas' amount per head of all of them, the change of the totals.
        let total = try #require(sheet.find("Total", role: .total)).row
        #expect(sheet.cell("Total", under: "Per head")?.formula?.text == "=\(amount)\(total + 1)/\(population)\(total + 1)")
        #expect(sheet.cell("Total", under: "Per head")?.formula?.result == .preciseMoney(pence: try #require(a.totalPerHead)))
        #expect(sheet.cell("Total", under: "Last year")?.formula?.result == .money(try #require(a.previousTotal)))
        #expect(sheet.cell("Total", under: "Change")?.formula?.text == "=SUM(\(change)\(header + 2):\(change)\(header + 8))")
        #expect(sheet.cell("Total", under: "Change")?.formula?.result == .money(try #require(a.totalChange)))
        #expect(sheet.cell("Total", under: "Change %")?.formula?.result == .percent(try #require(a.totalChangeFraction)))
        #expect(sheet.find(where: { $0.hasPrefix("Per head is the amount ÷ population") }) != nil)
    }

    @Test func aPerHeadBaseNoIndicatorShowsGetsAColumnOfItsOwn() throws {
        let a = try Self.allocation {
            $0.weights = [WeightSetting(indicator: "crime", weight: .one)]
            $0.perHead = Located("population")
        }
        let (sheet, _, _) = Self.sheet(a)
        let base = try #require(sheet.find("population", role: .header)).column
        let perHead = try #require(sheet.find("Per head", role: .header)).column
        #expect(perHead == base + 1)
        let amount = CellRef.columnName(try #require(sheet.find("Amount", role: .header)).column)
        for area in a.areas {
            let row = try #require(sheet.find(area.name)).row
            #expect(sheet.cell(row: row, column: base).value == .number(try #require(area.perHeadBase)))
            #expect(sheet.cell(row: row, column: perHead).formula?.text == "=\(amount)\(row + 1)/\(CellRef.columnName(base))\(row + 1)")
        }
        #expect(sheet.cell("Total", under: "population")?.formula?.result == .number(a.perHeadBaseTotal))
    }

    // MARK: - Locked where the program meets what the sheet does not re-run

    @Test func aFloorLocksTheSheetAndSaysSoByThePot() throws {
        let a = try Self.allocation { $0.floor = Located(Money(pence: 3_500_000)) }
        #expect((a.flooring?.flooredCount ?? 0) > 0)
        let (sheet, _, _) = Self.sheet(a, reallocateBy: "`grantledger allocate`")
        #expect(sheet.isLocked)
        let pot = try #require(sheet.find("Pot", role: .label))
        #expect(sheet.cell(row: pot.row, column: 1).value == .money(a.pot))
        #expect(sheet.cell(row: pot.row, column: 1).look.role != .input, "not shaded as a cell to change")
        let note = sheet.cell(row: pot.row, column: 2).value
        #expect(note == .text("Locked: the floor is met by grantledger, and the amounts below do not re-run it for a pot or weight "
                              + "typed here. To try another pot, re-run `grantledger allocate` with it. (Protected without a "
                              + "password: a guard, not a secret.)"))
        let weights = try #require(sheet.find("Weight", role: .label))
        #expect(sheet.rows[weights.row].cells.allSatisfy { $0.look.role != .input })
    }

    @Test func dampingAndCapsAreNamedAndAnOpenSheetIsNotLocked() throws {
        let damped = try Self.allocation {
            $0.previous = PreviousAllocation.parse(Array(Self.lastYear.replacingOccurrences(of: "Gedling,0", with: "Gedling,38509.73").utf8),
                                                   file: "last.csv").0
            $0.damping = Located(try DampingBand.parse("10%"))
            $0.cap = Located(Money(pence: 4_800_000))
        }
        let (locked, _, _) = Self.sheet(damped)
        #expect(locked.isLocked)
        #expect(locked.find(where: { $0.hasPrefix("Locked: the cap and damping are met by grantledger") && $0.contains("re-run the allocation") }) != nil)
        let (open, _, _) = Self.sheet(try Self.allocation { _ in })
        #expect(!open.isLocked)
        #expect(open.find(where: { $0.hasPrefix("Locked") }) == nil)
        #expect(open.cell(row: try #require(open.find("Pot", role: .label)).row, column: 1).look.role == .input)
    }
}
