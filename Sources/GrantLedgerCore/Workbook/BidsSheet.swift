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
        let figures = try BidsReport.figures(ledger, ReportFilter(to: position))
        let figureTotals = try figures.totals()
        // Words first, then the figures together on the right.
        let titles = ["Bid", "Name", "Fund", "Round", "Applicant", "Status", "Submitted", "Decided", "Grant",
                      "Requested", "Awarded", "Spent", "Not spent"]
        let grantColumn = 8, requested = 9, awarded = 10, spent = 11, underspend = 12

        var sheet = SheetBuilder()
        sheet.wrapWidth = 30
        sheet.add([.text("Bids", .title)])
        sheet.add([.text("Every bid, its status and dates, what was asked for and awarded, and the spend on the grant "
                         + "it became to \(WorkbookText.long(position)). Not spent is awarded less spent: what is left while the grant runs, its underspend once it has ended.", .subtitle)])
        sheet.addBlank()
        let header = sheet.add(titles.map { .text($0, .header) })
        let first = sheet.nextRow
        typealias B = SpreadsheetBound
        var gate = FormulaGate()
        var bounds: [Int: [B]] = [:]
        for row in figures.rows {
            let r = sheet.nextRow
            let bid = row.bid
            var cells = [SheetCell](repeating: .empty, count: titles.count)
            cells[0] = .text(bid.id)
            cells[1] = .text(bid.name, .wrapped)
            cells[2] = .text(bid.fund)
            cells[3] = .text(bid.round)
            cells[4] = .text(bid.applicant, .wrapped)
            cells[5] = .text(bid.status.rawValue)
            cells[6] = bid.date(of: .submitted).map { .date($0) } ?? .empty
            cells[7] = row.decided.map { .date($0) } ?? .empty
            cells[grantColumn] = .text(bid.grantID)
            cells[requested] = bid.requested.map { .money($0) } ?? .empty
            cells[awarded] = bid.awarded.map { .money($0) } ?? .empty
            cells[spent] = row.spent.map { .money($0) } ?? .empty
            for column in [requested, awarded, spent] {
                bounds[column, default: []].append(B.stored(cells[column].value.money ?? .zero))
            }
            if let under = row.underspend {
                let ref = { (column: Int) in CellRef(row: r, column: column).a1 }
                let bound = B.stored(bid.awarded ?? .zero) - B.stored(row.spent ?? .zero)
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
            let t = figureTotals
            for (column, total) in [(requested, t.requested), (awarded, t.awarded), (spent, t.spent), (underspend, t.underspend)] {
                totals[column] = gate.cell("=SUM(\(CellArea(column: column, rows: first...last).a1))",
                                           .money(total), .total, B.sum(bounds[column] ?? [])).cell
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
