/// Audit: the books' findings (an overspent line, an award not fully allocated to lines, an award
/// larger than the bid asked for), each with its code, where it is, what it says and the hint. The
/// sheet is only made when there are findings.
enum AuditSheet {
    static let name = "Audit"

    static func build(_ findings: [Diagnostic]) -> SheetModel {
        var sheet = SheetBuilder()
        sheet.maxWidth = 60
        sheet.add([.text("Audit findings", .title)])
        sheet.add([.text("What grantledger found in the books and, for an audit, in the finance-system statement: "
                         + "\(WorkbookText.count(findings.count, "finding")). Each says where it is, file:line:column.", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(["Code", "Where", "Finding", "Hint"].map { .text($0, .header) })
        // The renderer's one order, so the sheet reads like `check`'s output.
        for finding in DiagnosticRenderer.ordered(findings) {
            let place = finding.location.map { "\($0.file):\($0.line):\($0.column)" }
            sheet.add([.text(finding.code.rawValue), .text(place, .wrapped), .text(finding.message, .wrapped),
                       .text(finding.hint, .wrapped)])
        }
        return SheetModel(name: name, title: "Audit findings", rows: sheet.sheetRows, columnWidths: sheet.widths,
                          frozenRows: header + 1, printTitleRows: header...header)
    }
}
