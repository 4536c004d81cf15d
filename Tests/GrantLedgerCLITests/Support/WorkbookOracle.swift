import Foundation

/// The independent readers of a committee workbook, run as a person would: the project's oracle
/// (`Tests/tools/xlsx-oracle`: openpyxl, and LibreOffice recalculating every formula) and
/// `Tests/tools/xlsx_inspect.py` (openpyxl's view of cells, names, charts and print settings).
///
/// Whether they are here is `Requirement.workbookOracle`'s to say; running the recalculation is
/// `XlsxOracle`'s (both in Tests/TestSupport, shared with the other test targets).
enum WorkbookOracle {
    static let inspector = ReportTestCLI.root.appendingPathComponent("Tests/tools/xlsx_inspect.py").path

    @discardableResult
    static func python(_ arguments: [String]) throws -> String {
        let result = try ReportTestCLI.run("/usr/bin/env", ["python3"] + arguments, in: ReportTestCLI.root)
        guard result.status == 0 else {
            throw ReportTestCLI.Missing(description: "python3 \(arguments.first ?? "") exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// What openpyxl sees in the workbook.
    static func inspect(_ path: String) throws -> Workbook {
        let json = try python([inspector, path])
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw ReportTestCLI.Missing(description: "xlsx_inspect.py printed no JSON object")
        }
        return Workbook(json: object)
    }

    /// The inspector's JSON, with typed access for the tests.
    struct Workbook {
        let json: [String: Any]

        var sheets: [String] { json["sheets"] as? [String] ?? [] }
        var names: [String: String] { json["defined_names"] as? [String: String] ?? [:] }
        var properties: [String: Any] { json["properties"] as? [String: Any] ?? [:] }

        func sheet(_ name: String) -> [String: Any] {
            (json["sheet"] as? [String: Any])?[name] as? [String: Any] ?? [:]
        }

        func cells(_ sheet: String) -> [String: [String: Any]] {
            self.sheet(sheet)["cells"] as? [String: [String: Any]] ?? [:]
        }

        func cell(_ sheet: String, _ ref: String) -> [String: Any] { cells(sheet)[ref] ?? [:] }

        /// The cell's cached value as pence (a money cell holds pounds).
        func pence(_ sheet: String, _ ref: String) -> Int64? {
            let cell = cell(sheet, ref)
            let number = (cell["cached"] as? NSNumber) ?? (cell["value"] as? NSNumber)
            return number.map { Int64(($0.doubleValue * 100).rounded()) }
        }

        /// The references of the cells in `column` (a letter) whose text is `text`.
        func find(_ sheet: String, text: String) -> [String] {
            cells(sheet).filter { $0.value["value"] as? String == text }.map(\.key).sorted()
        }
    }

    /// `"123.45"` → 12345 pence.
    static func pence(_ decimal: String) -> Int64? {
        let negative = decimal.hasPrefix("-")
        let digits = decimal.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ".", with: "")
        guard decimal.contains("."), let value = Int64(digits) else { return nil }
        return negative ? -value : value
    }
}

extension String {
    /// Splits an A1 reference into its column letters and row number: `"F12"` → ("F", 12).
    var cellParts: (column: String, row: Int) {
        let letters = prefix { $0.isLetter }
        return (String(letters), Int(dropFirst(letters.count)) ?? 0)
    }
}
