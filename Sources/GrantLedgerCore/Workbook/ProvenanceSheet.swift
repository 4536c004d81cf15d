/// Provenance: what made the workbook and from what: the tool and its version, the command, the
/// as-of date, and every input file with its size and SHA-256, so anyone can check that the files
/// they hold are the ones the figures came from (`sha256sum FILE`) and make the workbook again.
enum ProvenanceSheet {
    static let name = "Provenance"

    /// `details` are the rows under the as-of date: the committee workbook's year and allocations by default.
    static func build(_ settings: CommitteeWorkbookSettings, details: [(String, String)]? = nil, _ names: inout [DefinedName]) -> SheetModel {
        let provenance = settings.provenance
        // Paths and the command line are the system's text, not the readers': a folder may be named
        // with a control character. Such characters are shown as `<U+0001>`, and the sheet says so.
        var escaped = false
        func shown(_ text: String) -> String {
            let (text, changed) = VisibleText.writable(text)
            escaped = escaped || changed
            return text
        }
        var sheet = SheetBuilder()
        sheet.maxWidth = 70
        sheet.wrapWidth = 66  // the command wraps within the width of a SHA-256
        sheet.add([.text("Provenance", .title)])
        sheet.add([.text("How this workbook was made. The same command on the same files gives the same workbook, "
                         + "byte for byte.", .subtitle)])
        sheet.addBlank()
        sheet.add([.text("Tool", .label), .text("grantledger \(provenance.toolVersion)")])
        sheet.add([.text("Command", .label), .text(shown(provenance.commandLine), .wrapped)])
        sheet.add([.text("As of", .label), .date(settings.asOf)])
        let rows = details ?? [("Financial year", settings.financialYear.map { "\($0)" } ?? "all years"),
                               ("Allocations", settings.scenarios.isEmpty ? "none" : settings.scenarios.map(\.sheetTitle).joined(separator: ", "))]
        for (label, text) in rows { sheet.add([.text(label, .label), .text(text)]) }
        sheet.addBlank()
        let header = sheet.add(["File", "SHA-256", "Bytes", "Role"].map { .text($0, .header) })
        let first = sheet.nextRow
        for input in provenance.inputs {
            sheet.add([.text(shown(input.path)), .text(input.sha256), .count(Int(clamping: input.bytes)), .text(input.role)])
        }
        let last = sheet.nextRow - 1
        sheet.addBlank()
        sheet.add([.text("Check a file with: sha256sum FILE (Linux), shasum -a 256 FILE (macOS) or "
                         + "Get-FileHash FILE (Windows PowerShell).", .note)])
        if escaped {
            sheet.add([.text("A path or the command holds characters a workbook cannot show (control characters, U+FFFE, "
                             + "U+FFFF); each is written as <U+…> with its code, and the file itself is unchanged.", .note)])
        }
        if last >= first {
            names.append(DefinedName("InputFiles", SheetArea(sheet: name, area: CellArea(
                first: CellRef(row: first, column: 0), last: CellRef(row: last, column: 3)))))
        }
        return SheetModel(name: name, title: "Provenance", rows: sheet.sheetRows, columnWidths: sheet.widths,
                          frozenRows: 0, printTitleRows: header...header)
    }
}
