import Foundation

/// The independent readers of a committee workbook, run as a person would: the project's oracle
/// (`Tests/tools/xlsx-oracle`: openpyxl, and LibreOffice recalculating every formula) and
/// `Tests/tools/xlsx_inspect.py` (openpyxl's view of cells, names, charts and print settings).
///
/// Skipped on a machine without them; under CI a missing oracle fails, since `make test` installs it.
enum WorkbookOracle {
    static let directory = ReportTestCLI.root.appendingPathComponent("Tests/tools/xlsx-oracle")
    static let inspector = ReportTestCLI.root.appendingPathComponent("Tests/tools/xlsx_inspect.py").path

    static var isCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(value)
    }

    static let missing: [String] = {
        var missing: [String] = []
        if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("xlsx_recalc_check.py").path) {
            missing.append("the oracle scripts at \(directory.path)")
        }
        if (try? python(["-c", "import openpyxl"])) == nil { missing.append("python3 with openpyxl") }
        if (try? ReportTestCLI.run("/bin/sh", ["-c", "command -v soffice"], in: ReportTestCLI.root))?.status != 0 {
            missing.append("soffice (LibreOffice)")
        }
        return missing
    }()

    static var shouldRun: Bool { isCI || missing.isEmpty }

    static func requireAvailable() throws {
        if !missing.isEmpty { throw ReportTestCLI.Missing(description: "workbook oracle missing: " + missing.joined(separator: ", ")) }
    }

    @discardableResult
    static func python(_ arguments: [String]) throws -> String {
        let result = try ReportTestCLI.run("/usr/bin/env", ["python3"] + arguments, in: ReportTestCLI.root)
        guard result.status == 0 else {
            throw ReportTestCLI.Missing(description: "python3 \(arguments.first ?? "") exited \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// `xlsx_recalc_check.py BOOK`'s summary line, `N passed, M failed`, and everything it printed.
    static func recalculationCheck(_ path: String) throws -> (summary: String, output: String) {
        let result = try ReportTestCLI.run(
            "/usr/bin/env", ["python3", directory.appendingPathComponent("xlsx_recalc_check.py").path, path],
            in: ReportTestCLI.root)
        let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
        return (summary, result.stdout + result.stderr)
    }

    /// The number of formulas that passed, when the summary says none failed.
    static func passedWithNoFailures(_ summary: String) -> Int? {
        let parts = summary.split(separator: " ")
        guard parts.count == 4, parts[1] == "passed,", parts[2] == "0", parts[3] == "failed" else { return nil }
        return Int(parts[0])
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
