extension XlsxWorkbook {
    /// Whether `path` names a workbook: it ends `.xlsx`, in any case. Everything else is CSV.
    public static func isWorkbook(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

    /// Opens a file named in a setting through the one door: a workbook as binary (its bytes as
    /// they are, no encoding or line ends asked of them), anything else as text.
    static func open(_ path: String, workbook: Bool, sources: SourceFiles, role: String, label: String, hint: String,
                     at origin: SettingOrigin?) -> Opened {
        sources.read(path, role: role, label: label, hint: hint, at: origin, format: workbook ? .binary : .utf8)
    }

    /// The problem with naming a sheet of a file that is not a workbook.
    static func sheetOfCSVProblem(_ path: String, sheet: String, origin: SettingOrigin?) -> Diagnostic {
        Diagnostic(.badValue, "a sheet (\(quoted(sheet))) is named, but \(path) is not an .xlsx workbook",
                   hint: "name the sheet only for an .xlsx file; a CSV file has one table", origin: origin)
    }
}
