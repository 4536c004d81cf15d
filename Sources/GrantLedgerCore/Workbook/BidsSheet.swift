/// Bids: every bid with its fund, round, applicant, status and dates, what was asked for and
/// awarded, the spend on the grant it became and the underspend (a formula: awarded − spent).
///
/// Every bid is listed whatever the financial year asked for, since a bid's life runs across years;
/// spend is counted to the position date. The figures are the bids report's; every formula is gated
/// by `FormulaGate` (the exact value, in italics, where spreadsheet arithmetic could not reproduce it).
enum BidsSheet {
    static let name = "Bids"

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings, _ names: inout [DefinedName])
        throws(ReportError) -> SheetModel
    {
        let position = settings.filter.end ?? settings.asOf
        let report = try BidsReport.build(ledger, ReportFilter(to: position))
        // Words first, then the figures together on the right.
        let titles = ["Bid", "Name", "Fund", "Round", "Applicant", "Status", "Submitted", "Decided", "Grant",
                      "Requested", "Awarded", "Spent", "Underspend"]
        let grantColumn = 8, requested = 9, awarded = 10, spent = 11, underspend = 12

        var sheet = SheetBuilder()
        sheet.wrapWidth = 30
        sheet.add([.text("Bids", .title)])
        sheet.add([.text("Every bid, its status and dates, what was asked for and awarded, and the spend on the grant "
                         + "it became to \(WorkbookText.long(position)). Underspend is awarded less spent.", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(titles.map { .text($0, .header) })
        let first = sheet.nextRow
        typealias B = SpreadsheetBound
        var gate = FormulaGate()
        var bounds: [Int: [B]] = [:]
        for row in report.rows {
            let r = sheet.nextRow
            let id = report.value(row, "bid").text ?? ""
            let bid = ledger.bidIndex[id].map { ledger.bids[$0] }
            var cells = [SheetCell](repeating: .empty, count: titles.count)
            cells[0] = .text(id)
            cells[1] = .text(bid?.name, .wrapped)
            cells[2] = report.value(row, "fund").sheetCell()
            cells[3] = report.value(row, "round").sheetCell()
            cells[4] = report.value(row, "applicant").sheetCell(.wrapped)
            cells[5] = report.value(row, "status").sheetCell()
            cells[6] = report.value(row, "submitted").sheetCell()
            cells[7] = report.value(row, "decided").sheetCell()
            cells[grantColumn] = report.value(row, "grant").sheetCell()
            cells[requested] = report.value(row, "requested").sheetCell()
            cells[awarded] = report.value(row, "awarded").sheetCell()
            cells[spent] = report.value(row, "spent").sheetCell()
            for column in [requested, awarded, spent] {
                bounds[column, default: []].append(B.stored(cells[column].value.money ?? .zero))
            }
            if let under = report.value(row, "underspend").money {
                let ref = { (column: Int) in CellRef(row: r, column: column).a1 }
                let bound = B.stored(cells[awarded].value.money ?? .zero) - B.stored(cells[spent].value.money ?? .zero)
                let made = gate.cell("=\(ref(awarded))-\(ref(spent))", .money(under), .body, bound)
                cells[underspend] = made.cell
                bounds[underspend, default: []].append(made.bound)
            }
            sheet.add(cells)
        }
        let last = sheet.nextRow - 1
        var totals = [SheetCell](repeating: SheetCell(.empty, .total), count: titles.count)
        totals[0] = .text("Total", .total)
        if last >= first {
            for (column, key) in [(requested, "requested"), (awarded, "awarded"), (spent, "spent"), (underspend, "underspend")] {
                totals[column] = gate.cell("=SUM(\(CellArea(column: column, rows: first...last).a1))",
                                           .money(report.amount(report.totals, key)), .total, B.sum(bounds[column] ?? [])).cell
            }
            names.append(DefinedName("BidsRequested", SheetArea(sheet: name, area: CellArea(column: requested, rows: first...last))))
            names.append(DefinedName("BidsAwarded", SheetArea(sheet: name, area: CellArea(column: awarded, rows: first...last))))
        }
        sheet.add(totals)
        sheet.addBlank()
        sheet.add([.text("A grant's spend is shown on the first bid that names it only, so no spend is counted twice.", .note)])
        if gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }
        return SheetModel(name: name, title: "Bids", rows: sheet.sheetRows, columnWidths: sheet.widths,
                          frozenRows: header + 1, frozenColumns: 1, printTitleRows: header...header)
    }
}
