import Foundation

/// The project's workbook oracle, run as a person would: `xlsx_recalc_check.py BOOK` has
/// LibreOffice recalculate every formula and compares its results with the cached values.
public enum XlsxOracle {
    /// The script's last line (`N passed, M failed`) and everything it printed.
    public static func recalculate(_ path: String) throws -> (summary: String, output: String) {
        let result = try ToolProcess.onPath(
            ["python3", Requirement.xlsxOracleFolder.appendingPathComponent("xlsx_recalc_check.py").path, path], in: packageRoot)
        let stdout = String(decoding: result.stdout, as: UTF8.self)
        let summary = stdout.split(separator: "\n").last.map(String.init) ?? ""
        return (summary, stdout + String(decoding: result.stderr, as: UTF8.self))
    }

    /// The number of formulas that passed, when the summary says none failed.
    public static func passedWithNoFailures(_ summary: String) -> Int? {
        let parts = summary.split(separator: " ")
        guard parts.count == 4, parts[1] == "passed,", parts[2] == "0", parts[3] == "failed" else { return nil }
        return Int(parts[0])
    }
}
