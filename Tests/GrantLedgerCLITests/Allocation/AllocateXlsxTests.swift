import Foundation
import GrantLedgerTestSupport
import Testing

/// Area data and last year's allocation from .xlsx workbooks: the shipped
/// `examples/areas/nottinghamshire-districts.xlsx` (written by LibreOffice from the CSV, see
/// `examples/areas/make-xlsx.sh`) allocates exactly as the CSV does, a sheet is chosen by
/// `--area-sheet` or a scenario's `area-sheet`, and a problem in a workbook is located at its cell
/// without a line of the binary file shown.
@Suite("allocate from .xlsx")
struct AllocateXlsxTests {
    static let csv = "examples/areas/nottinghamshire-districts.csv"
    static let xlsx = "examples/areas/nottinghamshire-districts.xlsx"
    static let weights = ["--weight", "population=1/3", "--weight", "crime=1/3", "--weight", "deprivation=1/3"]

    static func allocate(_ areas: String, _ extra: [String] = []) throws -> ReportTestCLI.Result {
        try ReportTestCLI.grantledger(["allocate", "--pot", "£270,750.00", "--areas", areas] + weights + extra)
    }

    @Test func theWorkbookAllocatesByteForByteAsTheCSV() throws {
        let fromCSV = try Self.allocate(Self.csv, ["--format", "csv"])
        let fromXlsx = try Self.allocate(Self.xlsx, ["--format", "csv"])
        #expect(fromCSV.status == 0 && fromXlsx.status == 0, "\(fromXlsx.stderr)")
        #expect(!fromXlsx.stdout.isEmpty)
        #expect(Array(fromXlsx.stdout.utf8) == Array(fromCSV.stdout.utf8))
        // The table, JSON and an explanation differ only where they name the file.
        for extra in [[], ["--format", "json"], ["--explain", "Rushcliffe"], ["--area-sheet", "Districts"]] {
            let csv = try Self.allocate(Self.csv, extra.first == "--area-sheet" ? [] : extra)
            let xlsx = try Self.allocate(Self.xlsx, extra)
            #expect(xlsx.status == 0, "\(xlsx.stderr)")
            #expect(xlsx.stdout.replacingOccurrences(of: Self.xlsx, with: Self.csv) == csv.stdout, "\(extra)")
        }
    }

    @Test func anUnknownSheetIsShownWhereItWasNamedWithTheSheetsThereAre() throws {
        let result = try Self.allocate(Self.xlsx, ["--area-sheet", "Distrcts"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[bad-xlsx]: \(Self.xlsx) has no sheet \"Distrcts\""), "\(result.stderr)")
        #expect(result.stderr.contains("hint: did you mean \"Districts\"? its sheets are \"Districts\""))
        #expect(result.stderr.hasPrefix("command line:1:"), "placed at the option")
    }

    @Test func aSheetOfACSVFileIsAnError() throws {
        let result = try Self.allocate(Self.csv, ["--area-sheet", "Districts"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error[bad-value]: a sheet (\"Districts\") is named, but \(Self.csv) is not an .xlsx workbook"))
    }

    @Test func aScenarioNamesItsSheetAndOtherAreasOnTheCommandLineDropIt() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("w.scenario")
        let root = ReportTestCLI.root.path
        try Data("""
            scenario w  From the workbook
              pot         £270,750.00
              areas       \(root)/\(Self.xlsx)
              area-sheet  Districts
              weight      population   1/3
              weight      crime        1/3
              weight      deprivation  1/3

            """.utf8).write(to: scenario)
        let fromFile = try ReportTestCLI.grantledger(["allocate", scenario.path, "--format", "csv"])
        let fromCSV = try Self.allocate(Self.csv, ["--format", "csv"])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout == fromCSV.stdout)
        // --areas replaces the file's areas, and the sheet that belonged to them.
        let overridden = try ReportTestCLI.grantledger(["allocate", scenario.path, "--areas", "\(root)/\(Self.csv)", "--format", "csv"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(overridden.stdout == fromCSV.stdout)
    }

    @Test func aDamagedWorkbookIsOneLocatedErrorAndNoBinaryIsPrinted() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = try Data(contentsOf: ReportTestCLI.root.appendingPathComponent(Self.xlsx))
        let cut = folder.appendingPathComponent("cut.xlsx")
        try whole.prefix(whole.count / 2).write(to: cut)
        let result = try Self.allocate(cut.path)
        #expect(result.status == 2)
        #expect(result.stderr == """
            \(cut.path):1:1: error[bad-xlsx]: the workbook is cut short or damaged: the list of its parts, at the end of the file, is missing
              hint: copy or download it again, or open it in a spreadsheet program and save it again as .xlsx

            1 error, 0 findings

            """)
    }

    @Test(.enabled(if: Requirement.workbookOracle.shouldRun))
    func aBadCellIsNamedAndLastYearsAmountsAreReadFromAWorkbook() throws {
        let folder = try ReportTestCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let areas = folder.appendingPathComponent("areas.xlsx").path
        let previousCSV = ReportTestCLI.root.appendingPathComponent("examples/scenarios/nwps-2020-21-illustrative.csv").path
        let previous = folder.appendingPathComponent("previous.xlsx").path
        try WorkbookOracle.python(["-c", """
            import csv, sys, openpyxl
            book = openpyxl.Workbook(); sheet = book.active
            sheet.append(["area", "population", "crime", "deprivation"])
            sheet.append(["Ashfield", "n/a", 11545, 26.308])
            sheet.append(["Bassetlaw", 117800, "=1/0", 22.588])
            book.save(sys.argv[1])
            book = openpyxl.Workbook(); sheet = book.active
            for row in list(csv.reader(open(sys.argv[2])))[1:]:
                sheet.append([row[0], float(row[1])])
            sheet.insert_rows(1); sheet["A1"] = "area"; sheet["B1"] = "amount"
            book.save(sys.argv[3])
            """, areas, previousCSV, previous])
        let bad = try Self.allocate(areas)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("\(areas):2:2: error[bad-indicator-value]: population for Ashfield is not a number: unexpected character in a number (cell B2)\n  hint:"),
                "\(bad.stderr)")
        #expect(!bad.stderr.contains(" | "), "no line of the workbook is shown")
        #expect(!bad.stderr.contains("PK") && !bad.stderr.contains("\u{FFFD}"))
        let damped = ["--previous", previous, "--damping", "10%", "--format", "csv"]
        let fromXlsx = try Self.allocate(Self.xlsx, damped)
        let fromCSV = try Self.allocate(Self.csv, ["--previous", previousCSV, "--damping", "10%", "--format", "csv"])
        #expect(fromXlsx.status == 0, "\(fromXlsx.stderr)")
        #expect(fromXlsx.stdout == fromCSV.stdout)
    }
}
