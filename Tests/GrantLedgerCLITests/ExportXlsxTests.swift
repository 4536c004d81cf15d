import Foundation
import GrantLedgerTestSupport
import Testing

/// `grantledger export --xlsx`: the committee workbook, exported as `make demo` does and read back by
/// independent programs: LibreOffice recalculates every formula and must agree with the cached
/// values; openpyxl checks sheets, totals against the reports, formats, charts, names and printing.
@Suite(.serialized) struct ExportXlsxTests {
    /// The Makefile's demo export (`DEMO_AS_OF`, `DEMO_ALLOCATION`): keep them in step.
    static let demoArguments = [
        "--as-of", "2026-11-25",
        "--scenario", "examples/scenarios/nwps-2021-22-thirds.scenario",
        "--scenario", "examples/scenarios/nwps-2021-22-crime-heavier.scenario",
        "--scenario", "examples/scenarios/nwps-2021-22-damped.scenario",
    ]
    static let demoScenarios = ["nwps-2021-22-thirds", "nwps-2021-22-crime-heavier", "nwps-2021-22-damped"]

    /// A one-off allocation given as flags rather than a scenario file.
    static let flagArguments = [
        "--allocation-name", "NWPS 2021-22", "--pot", "£270,750.00", "--areas", "examples/areas/nottinghamshire-districts.csv",
        "--weight", "population=1/3", "--weight", "crime=1/3", "--weight", "deprivation=1/3", "--floor", "£30,000",
    ]

    /// Exports the demo workbook (shipped ledgers) to a new folder; returns the file's path.
    static func exportDemo(_ extra: [String] = [], arguments: [String] = demoArguments) throws -> String {
        let folder = try ReportTestCLI.temporaryDirectory()
        let path = folder.appendingPathComponent("committee.xlsx").path
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", path] + arguments + extra)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("wrote \(path): "), "\(result.stdout)")
        return path
    }

    // MARK: - The oracle

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func libreOfficeAgreesWithEveryCachedFormulaValueOfTheDemoWorkbook() throws {
        try Requirement.workbookOracle.require()
        let path = try Self.exportDemo()
        let (summary, output) = try XlsxOracle.recalculate(path)
        let passed = try #require(XlsxOracle.passedWithNoFailures(summary), "\(output)")
        #expect(passed > 150, "\(output)")
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func libreOfficeAgreesForOneFinancialYearAndAnAllocationFromFlags() throws {
        try Requirement.workbookOracle.require()
        let path = try Self.exportDemo(["--fy", "2019-20"], arguments: ["--as-of", "2026-11-25"] + Self.flagArguments)
        let book = try WorkbookOracle.inspect(path)
        #expect(book.sheets == ["Summary", "Budget v actual", "Budget monitoring", "Bids", "Spend", "NWPS 2021-22", "Provenance"])
        #expect(!book.find("Summary", text: "Spent before 2019-20").isEmpty)
        #expect(book.cells("NWPS 2021-22").values.contains { ($0["value"] as? String)?.contains("FloorAmount") == true })
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect((XlsxOracle.passedWithNoFailures(summary) ?? 0) > 100, "\(output)")
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func libreOfficeAgreesForEveryShippedScenario() throws {
        try Requirement.workbookOracle.require()
        let scenarios = try FileManager.default.contentsOfDirectory(
            atPath: ReportTestCLI.root.appendingPathComponent("examples/scenarios").path)
            .filter { $0.hasSuffix(".scenario") }.sorted()
        #expect(scenarios.count >= 5)
        let path = try Self.exportDemo(arguments: ["--as-of", "2026-11-25"] + scenarios.flatMap { ["--scenario", "examples/scenarios/" + $0] })
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect((XlsxOracle.passedWithNoFailures(summary) ?? 0) > 300, "\(output)")
    }

    // MARK: - Read back

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func sheetsTotalsFormatsChartsNamesAndPrinting() throws {
        try Requirement.workbookOracle.require()
        let book = try WorkbookOracle.inspect(try Self.exportDemo())
        #expect(book.sheets == ["Summary", "Budget v actual", "Budget monitoring", "Bids", "Spend"] + Self.demoScenarios + ["Comparison", "Provenance"])

        // Summary totals equal `report grants` to the as-of date.
        let grants = try Self.reportJSON(["grants", "--to", "2026-11-25"])
        let totals = try #require(grants["totals"] as? [String: Any])
        let header = Self.headerRow(book, "Summary")
        let total = try #require(book.find("Summary", text: "Total").first).cellParts.row
        for (title, key) in [("Award", "budget"), ("Allocated to lines", "allocated"), ("Spent", "spent"), ("Remaining", "remaining")] {
            let column = try #require(Self.column(book, "Summary", header, title), "no \(title) column")
            #expect(book.pence("Summary", "\(column)\(total)") == WorkbookOracle.pence(totals[key] as? String ?? ""), "\(title)")
            #expect(book.cell("Summary", "\(column)\(total)")["value"] as? String == "=SUM(\(column)\(header + 1):\(column)\(total - 1))")
            #expect(book.cell("Summary", "\(column)\(header + 1)")["fmt"] as? String == "£#,##0.00;[Red]-£#,##0.00")
        }
        let rows = try #require(grants["rows"] as? [[String: Any]])
        #expect(total - header - 1 == rows.count)
        let status = try #require(Self.column(book, "Summary", header, "Status"))
        for row in (header + 1)..<total {
            let cell = book.cell("Summary", "\(status)\(row)")
            #expect(["Red", "Amber", "Green"].contains(cell["cached"] as? String ?? ""), "\(cell)")
        }
        #expect(!book.find("Summary", text: "Amber gap").isEmpty)

        // Spend: every posting, real dates, £, a filter and a frozen header; its total is the grants' spend.
        let spend = book.sheet("Spend")
        let spendCells = book.cells("Spend")
        let dates = spendCells.filter { $0.key.cellParts.column == "A" && $0.key.cellParts.row > 5 }
        #expect(!dates.isEmpty && dates.allSatisfy { ($0.value["value"] as? String)?.hasSuffix("T00:00:00") == true })
        #expect(dates.allSatisfy { $0.value["fmt"] as? String == "dd/mm/yyyy" })
        #expect(spend["freeze"] as? String == "A6")
        #expect(spend["autofilter"] as? String == "A5:J\(5 + dates.count)")
        let subtotal = try #require(spendCells.first { ($0.value["value"] as? String)?.hasPrefix("=SUBTOTAL(9,") == true })
        #expect(book.pence("Spend", subtotal.key) == WorkbookOracle.pence(totals["spent"] as? String ?? ""))

        // Budget v actual: the lines' totals are the lines report's.
        let lines = try Self.reportJSON(["lines", "--to", "2026-11-25"])
        let lineTotals = try #require(lines["totals"] as? [String: Any])
        let budgetHeader = Self.headerRow(book, "Budget v actual")
        let linesTotal = try #require(book.find("Budget v actual", text: "Total of lines").first).cellParts.row
        let budget = try #require(Self.column(book, "Budget v actual", budgetHeader, "Budget"))
        let variance = try #require(Self.column(book, "Budget v actual", budgetHeader, "Variance"))
        #expect(book.pence("Budget v actual", "\(budget)\(linesTotal)") == WorkbookOracle.pence(lineTotals["budget"] as? String ?? ""))
        #expect(book.pence("Budget v actual", "\(variance)\(linesTotal)") == WorkbookOracle.pence(lineTotals["remaining"] as? String ?? ""))

        // Bids: every bid, awarded total as the bids report.
        let bids = try Self.reportJSON(["bids", "--to", "2026-11-25"])
        let bidsHeader = Self.headerRow(book, "Bids")
        let bidsTotal = try #require(book.find("Bids", text: "Total").first).cellParts.row
        let awarded = try #require(Self.column(book, "Bids", bidsHeader, "Awarded"))
        #expect(bidsTotal - bidsHeader - 1 == (bids["rows"] as? [Any])?.count)
        #expect(book.pence("Bids", "\(awarded)\(bidsTotal)")
                == WorkbookOracle.pence((bids["totals"] as? [String: Any])?["awarded"] as? String ?? ""))

        // The allocation sheets: live formulas, each amount's total what the scenario shares out.
        let allocation = book.cells("nwps-2021-22-thirds")
        #expect(allocation.values.contains { $0["value"] as? String == "=B11/SUM(B$11:B$17)" }, "share formula")
        #expect(allocation.values.contains { ($0["value"] as? String)?.hasPrefix("=Pot*") == true })
        #expect(try #require(book.names["nwps-2021-22-thirds!Amounts"]).hasPrefix("'nwps-2021-22-thirds'!$"))
        #expect(!book.find("nwps-2021-22-damped", text: "Before rounding").isEmpty, "damping comes by value")
        let comparison = book.cells("Comparison")
        #expect(comparison.values.contains { ($0["value"] as? String)?.hasPrefix("='nwps-2021-22-damped'!") == true })

        // Charts, names, printing and properties.
        #expect(book.sheet("Summary")["charts"] as? Int == 1)
        for sheet in Self.demoScenarios + ["Comparison"] { #expect(book.sheet(sheet)["charts"] as? Int == 1, "\(sheet)") }
        for name in ["PositionDate", "AmberGap", "RedGap", "GrantAwards", "SpendAmounts", "LineBudgets", "BidsAwarded",
                     "InputFiles", "ComparedAmounts", "nwps-2021-22-thirds!Pot", "nwps-2021-22-thirds!Weights"] {
            #expect(book.names[name] != nil, "defined name \(name)")
        }
        for sheet in book.sheets {
            let setup = book.sheet(sheet)
            #expect(setup["orientation"] as? String == "landscape", "\(sheet)")
            #expect(setup["fit_to_page"] as? Bool == true, "\(sheet)")
            #expect((setup["fit_width"] as? Int ?? 1) == 1 && setup["fit_height"] as? Int == 0, "\(sheet)")
            #expect(setup["print_title_rows"] as? String != nil, "\(sheet)")
            #expect(setup["header"] as? String == "OFFICIAL", "\(sheet)")
            #expect(setup["footer_center"] as? String == "OFFICIAL", "\(sheet)")
            #expect(setup["footer_right"] as? String == "Page &P of &N", "\(sheet)")
        }
        let properties = book.properties
        #expect(properties["title"] as? String == "Community safety grants: committee workbook")
        #expect(properties["creator"] as? String == "grantledger")
        #expect(properties["company"] as? String == "Safer Nottinghamshire Board")
        #expect(properties["created"] as? String == "2026-11-25T00:00:00")
        let custom = try #require(properties["custom"] as? [String: String])
        #expect(custom["As of"] == "2026-11-25")
        #expect(custom["Command"]?.hasPrefix("grantledger export --xlsx ") == true)
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func provenanceListsEveryInputWithItsSHA256() throws {
        try Requirement.workbookOracle.require()
        let book = try WorkbookOracle.inspect(try Self.exportDemo())
        let cells = book.cells("Provenance")
        let files = try FileManager.default.contentsOfDirectory(atPath: ReportTestCLI.root.appendingPathComponent("ledgers/nottinghamshire").path)
            .filter { $0.hasSuffix(".ledger") }.map { "ledgers/nottinghamshire/" + $0 }
            + ["examples/areas/nottinghamshire-districts.csv", "examples/scenarios/nwps-2020-21-illustrative.csv"]
            + Self.demoScenarios.map { "examples/scenarios/\($0).scenario" }
        for file in files {
            let ref = try #require(book.find("Provenance", text: file).first, "\(file) not listed")
            let sum = try ReportTestCLI.run("/usr/bin/env", ["sha256sum", file], in: ReportTestCLI.root)
            let expected = String(sum.stdout.prefix(64))
            #expect(cells["B\(ref.cellParts.row)"]?["value"] as? String == expected, "\(file)")
        }
        #expect(!book.find("Provenance", text: "grantledger 0.1.0").isEmpty)
    }

    // MARK: - Safe, deterministic, atomic

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func textThatLooksLikeAFormulaStaysText() throws {
        try Requirement.workbookOracle.require()
        let injected = "=HYPERLINK(\"http://x\",\"y\")"
        let books = ReportCommandTests.books + """


            2019-10-15 * \(injected)   ; grant:snb, line:nwps, area:ashfield, ref:-1234
                ; supplier:@SUM(A1:A2)
                expenses:nwps   £10.00
                assets:bank

            """
        let folder = try ReportTestCLI.books(books)
        let path = folder.appendingPathComponent("committee.xlsx").path
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", path, "--as-of", "2020-03-31", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let book = try WorkbookOracle.inspect(path)
        for text in [injected, "-1234", "@SUM(A1:A2)"] {
            let refs = book.find("Spend", text: text)
            #expect(refs.count == 1, "\(text) should be one text cell")
            for ref in refs { #expect(book.cell("Spend", ref)["type"] as? String == "s") }
        }
        let formulas = book.cells("Spend").values.filter { $0["type"] as? String == "f" }
        #expect(formulas.count == 1)
        #expect(!formulas.contains { ($0["value"] as? String)?.contains("HYPERLINK") == true })
    }

    @Test func exportingTwiceGivesIdenticalBytes() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let path = folder.appendingPathComponent("committee.xlsx").path
        let arguments = ["export", "--xlsx", path] + Self.demoArguments
        let once = try ReportTestCLI.grantledger(arguments)
        #expect(once.status == 0, "\(once.stderr)")
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try ReportTestCLI.grantledger(arguments).status == 0)
        let second = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(first.count > 10_000)
        #expect(first == second)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["committee.xlsx"])
    }

    @Test func aFailedExportChangesNoFile() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let target = folder.appendingPathComponent("committee.xlsx")
        try Data("the previous workbook".utf8).write(to: target)
        // A bad option: nothing is written, the old file stays.
        let bad = try ReportTestCLI.grantledger(["export", "--xlsx", target.path, "--as-of", "2026-13-01"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("command line:1:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("error[bad-date]: --as-of 2026-13-01: not a date"), "\(bad.stderr)")
        // Weights that do not add up to one: located, exit 2, nothing written.
        let weights = try ReportTestCLI.grantledger(["export", "--xlsx", target.path, "--pot", "£100", "--areas",
                                                     "examples/areas/nottinghamshire-districts.csv", "--weight", "population=1/4"])
        #expect(weights.status == 2)
        #expect(weights.stderr.contains("error[weights-not-one]"), "\(weights.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "the previous workbook")
        // The output is a folder, or in a folder that does not exist.
        let taken = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: taken.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(try ReportTestCLI.grantledger(["export", "--xlsx", taken.path]).status == 2)
        let missing = folder.appendingPathComponent("no-such-folder/committee.xlsx")
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", missing.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["committee.xlsx", "taken"])
        #expect(try String(contentsOf: target, encoding: .utf8) == "the previous workbook")
    }

    @Test func neverWritesOverAnInput() throws {
        let area = ReportTestCLI.root.appendingPathComponent("examples/areas/nottinghamshire-districts.csv")
        let before = try Data(contentsOf: area)
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", area.path, "--pot", "£100", "--areas", area.path,
                                                    "--weight", "population=1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to write the export over an input file"), "\(result.stderr)")
        #expect(try Data(contentsOf: area) == before)
    }

    @Test func workbookOptionsNeedXlsx() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let journal = folder.appendingPathComponent("books.journal").path
        #expect(try ReportTestCLI.grantledger(["export", "--hledger", journal, "--fy", "2019-20"]).status == 2)
    }

    @Test func aBadScenarioIsLocatedInItsFileAndNothingIsWritten() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        let areas = ReportTestCLI.root.appendingPathComponent("examples/areas/nottinghamshire-districts.csv").path
        let scenario = folder.appendingPathComponent("short.scenario")
        try Data("""
            scenario short  Weights that fall short
              pot     £100,000.00
              areas   \(areas)
              weight  population  0.3
              weight  crime       0.3

            """.utf8).write(to: scenario)
        let path = folder.appendingPathComponent("committee.xlsx").path
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", path, "--scenario", scenario.path,
                                                    "--scenario", "examples/scenarios/no-such.scenario"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(scenario.path):5:"), "\(result.stderr)")
        #expect(result.stderr.contains("error[weights-not-one]"), "\(result.stderr)")
        #expect(result.stderr.contains("no-such.scenario"), "every problem in one run: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func findingsGoOnTheAuditSheet() throws {
        try Requirement.workbookOracle.require()
        // £300,000 spent on a £270,750 line: an overspent line is a finding, not an error.
        let books = ReportCommandTests.books.replacingOccurrences(of: "£90,250.00", with: "£300,000.00")
        let folder = try ReportTestCLI.books(books)
        let path = folder.appendingPathComponent("committee.xlsx").path
        let result = try ReportTestCLI.grantledger(["export", "--xlsx", path, "--as-of", "2020-03-31", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let book = try WorkbookOracle.inspect(path)
        #expect(book.sheets.contains("Audit"))
        #expect(!book.find("Audit", text: "line-overspent").isEmpty)
        let (summary, output) = try XlsxOracle.recalculate(path)
        #expect(XlsxOracle.passedWithNoFailures(summary) != nil, "\(output)")
        let statuses = book.cells("Summary").values.compactMap { $0["cached"] as? String }
        #expect(statuses.contains("Red"), "an overspent grant is Red")
    }

    // MARK: - Helpers

    static func reportJSON(_ arguments: [String]) throws -> [String: Any] {
        let result = try ReportTestCLI.grantledger(["report"] + arguments + ["--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The row number of the sheet's column headings (the first row with a `header`-looking "Grant",
    /// "Bid" or "Date" in column A).
    static func headerRow(_ book: WorkbookOracle.Workbook, _ sheet: String) -> Int {
        let headings: Set<String> = ["Grant", "Bid", "Date", "Area", "File"]
        return book.cells(sheet).filter { $0.key.cellParts.column == "A" && headings.contains($0.value["value"] as? String ?? "") }
            .map(\.key.cellParts.row).min() ?? 0
    }

    /// The column letter of the heading `title` in `row`.
    static func column(_ book: WorkbookOracle.Workbook, _ sheet: String, _ row: Int, _ title: String) -> String? {
        book.cells(sheet).first { $0.key.cellParts.row == row && $0.value["value"] as? String == title }?.key.cellParts.column
    }
}
