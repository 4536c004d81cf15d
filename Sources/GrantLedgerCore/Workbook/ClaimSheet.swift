/// One claim return as a sheet a funder's return is laid out like: who and what, the eligible spend
/// by line and by capital and revenue against profile and budget (in-period and remaining as live
/// formulas, totals as SUMs), the claim's sums, variance notes, every posting behind the period's
/// spend with its file and line, and a certification block to sign.
enum ClaimSheet {
    typealias B = SpreadsheetBound

    static func build(_ claim: ClaimReturn, name: String, position: Day) throws(ReportError) -> SheetModel {
        var sheet = SheetBuilder()
        sheet.add([.text(ClaimReturnWriter.title(claim), .title)])
        sheet.add([.text("\(claim.grant.name). From the books as of \(WorkbookText.long(position)); every figure is the sum of "
                         + "the postings listed below it, each with the file and line it is written on.", .subtitle)])
        sheet.addBlank()
        for (label, text) in ClaimReturnWriter.standing(claim) { sheet.add([.text(label, .label), .text(text, .wrapped)]) }
        sheet.addBlank()
        sheet.add([.text("Eligible spend in the period, by line", .section)])
        let header = sheet.nextRow
        let (inPeriodTotal, inPeriodBound) = try addLines(claim, &sheet)
        sheet.addBlank()
        addSums(claim, inPeriodTotal: inPeriodTotal, inPeriodBound: inPeriodBound, &sheet)
        if !claim.notes.isEmpty {
            sheet.addBlank()
            sheet.add([.text("Variance notes", .section)])
            for note in claim.notes { sheet.add([.text(note.lineID, .label), .text(note.period.description), .text(note.text, .wrapped)]) }
        }
        sheet.addBlank()
        addPostings(claim.spend, title: "Spend in the period: \(WorkbookText.count(claim.spend.count, "posting"))", &sheet)
        if !claim.match.isEmpty {
            sheet.addBlank()
            addPostings(claim.match, title: "Match funding in the period: \(WorkbookText.count(claim.match.count, "posting"))", &sheet)
        }
        sheet.addBlank()
        addCertification(claim, &sheet)
        return SheetModel(name: name, title: ClaimReturnWriter.title(claim), rows: sheet.sheetRows, columnWidths: sheet.widths,
                          frozenRows: 0, printTitleRows: header...header)
    }

    /// The lines table; returns the cell of the in-period total and its bound.
    private static func addLines(_ claim: ClaimReturn, _ sheet: inout SheetBuilder) throws(ReportError) -> (CellRef, B) {
        let unclassified = claim.lines.contains { !$0.unclassified.isZero }
        var titles = ["Line", "Name", "Budget", "Profile in period", "Capital", "Revenue"]
        if unclassified { titles.append("No class") }
        let inPeriod = titles.count, profiledToDate = inPeriod + 1, toDate = inPeriod + 2, remaining = inPeriod + 3
        titles += ["In period", "Profile to date", "Spent to date", "Remaining"]
        sheet.add(titles.map { .text($0, .header) })
        let first = sheet.nextRow
        var table = FigureTable()
        for line in claim.lines {
            let r = sheet.nextRow
            func ref(_ column: Int) -> String { CellRef(row: r, column: column).a1 }
            var cells = [SheetCell](repeating: .empty, count: titles.count)
            cells[0] = .text(line.key.label)
            cells[1] = .text(line.name, .wrapped)
            cells[2] = .money(line.budget)
            cells[3] = line.profiled.map { .money($0) } ?? .empty
            let classes = [line.capital, line.revenue] + (unclassified ? [line.unclassified] : [])
            for (offset, amount) in classes.enumerated() { cells[4 + offset] = .money(amount) }
            var bounds: [Int: B] = [2: B.stored(line.budget), toDate: B.stored(line.cumulative)]
            for (offset, amount) in classes.enumerated() { bounds[4 + offset] = B.stored(amount) }
            if let profiled = line.profiled { bounds[3] = B.stored(profiled) }
            (cells[inPeriod], bounds[inPeriod]) = table.gate.cell(
                "=SUM(\(ref(4)):\(ref(inPeriod - 1)))", .money(line.inPeriod), .body, B.sum(classes.map(B.stored)))
            cells[profiledToDate] = line.profiledToDate.map { .money($0) } ?? .empty
            if let profiled = line.profiledToDate { bounds[profiledToDate] = B.stored(profiled) }
            cells[toDate] = .money(line.cumulative)
            (cells[remaining], bounds[remaining]) = table.gate.cell(
                "=\(ref(2))-\(ref(toDate))", .money(line.remaining), .body, B.stored(line.budget) - B.stored(line.cumulative))
            table.record(bounds)
            sheet.add(cells)
        }
        let last = sheet.nextRow - 1
        var totals = [SheetCell](repeating: SheetCell(.empty, .total), count: titles.count)
        totals[0] = .text("Total", .total)
        let totalRow = sheet.nextRow
        guard last >= first else {
            sheet.add(totals)
            return (CellRef(row: totalRow, column: inPeriod), B.stored(Money.zero))
        }
        let rows = first...last
        func total(_ pick: (ClaimReturn.Line) -> Money?) -> Money { Money(pence: claim.lines.reduce(0) { $0 + (pick($1)?.pence ?? 0) }) }
        var totalBounds: [Int: B] = [:]
        let sums: [(Int, (ClaimReturn.Line) -> Money?)] = [(2, { $0.budget }), (3, { $0.profiled }), (4, { $0.capital }), (5, { $0.revenue })]
            + (unclassified ? [(6, { $0.unclassified })] : [])
            + [(inPeriod, { $0.inPeriod }), (profiledToDate, { $0.profiledToDate }), (toDate, { $0.cumulative }), (remaining, { $0.remaining })]
        for (column, pick) in sums { table.sum(column, over: rows, total(pick), into: &totals, &totalBounds) }
        sheet.add(totals)
        if table.gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }
        return (CellRef(row: totalRow, column: inPeriod), totalBounds[inPeriod] ?? B.stored(claim.figures.eligible))
    }

    /// What is claimed, received and owed, match funding and the tranche: the spend in the period is
    /// the lines' total, and what is owed and left are formulas of the cells beside them.
    private static func addSums(_ claim: ClaimReturn, inPeriodTotal: CellRef, inPeriodBound: B, _ sheet: inout SheetBuilder) {
        sheet.add([.text("The claim", .section)])
        let figures = claim.figures
        var gate = FormulaGate()
        sheet.add([.text("Eligible spend in the period", .label),
                   gate.cell("=\(inPeriodTotal.a1)", .money(figures.eligible), .body, inPeriodBound).cell])
        let claimedRow = sheet.add([.text("Claimed", .label), figures.claimed.map { .money($0) } ?? .text("not submitted")])
        let receivedRow = sheet.add([.text("Received (income tagged claim:\(figures.due.period))", .label), .money(figures.received)])
        if let claimed = figures.claimed {
            // Owed is what was claimed less what came in, while the claim stands (nothing once rejected): the report's figure.
            let counts = figures.owed.pence == claimed.pence - figures.received.pence && figures.standingStep?.status != .rejected
            let owed = counts ? gate.cell("=\(CellRef(row: claimedRow, column: 1).a1)-\(CellRef(row: receivedRow, column: 1).a1)",
                                          .money(figures.owed), .body, B.stored(claimed) - B.stored(figures.received)).cell
                : SheetCell.money(figures.owed)
            sheet.add([.text("Owed by the funder", .label), owed])
        }
        sheet.add([.text("Match funding in the period", .label), .money(claim.matchInPeriod)])
        sheet.add([.text("Match funding to date", .label), .money(claim.matchToDate)])
        if let required = claim.matchRequired, let points = claim.grant.matchBasisPoints {
            sheet.add([.text("Match funding needed: \(Percent.basisPointsText(points)) of spend to date", .label), .money(required)])
        }
        guard let use = claim.tranche else { return }
        let capRow = sheet.add([.text("\(use.tranche.financialYear) tranche, to spend by \(WorkbookText.long(use.tranche.spendBy))", .label),
                                .money(use.tranche.cap)])
        let spentRow = sheet.add([.text("Spent of it to the period's end", .label), .money(use.spent)])
        sheet.add([.text("Left of it", .label),
                   gate.cell("=\(CellRef(row: capRow, column: 1).a1)-\(CellRef(row: spentRow, column: 1).a1)", .money(use.left), .body,
                             B.stored(use.tranche.cap) - B.stored(use.spent)).cell])
        if gate.anyByValue { sheet.add([.text(FormulaGate.note, .note)]) }
    }

    /// The folder all the postings' files are in (with its final slash), so Where can name each file
    /// within it and stay narrow; empty when they share none.
    static func commonFolder(_ postings: [TracedPosting]) -> String {
        guard let first = postings.first?.location.file else { return "" }
        var folder = first.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for posting in postings.dropFirst() {
            let parts = posting.location.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
            var shared = 0
            while shared < min(folder.count, parts.count) && folder[shared] == parts[shared] { shared += 1 }
            folder = Array(folder.prefix(shared))
        }
        return folder.isEmpty ? "" : folder.joined(separator: "/") + "/"
    }

    private static func addPostings(_ postings: [TracedPosting], title: String, _ sheet: inout SheetBuilder) {
        sheet.add([.text(title, .section)])
        let folder = commonFolder(postings)
        if !folder.isEmpty { sheet.add([.text("Where is the file and line in \(folder) each posting is written on.", .note)]) }
        // Payee under the lines' names, so the long texts share the one wide column.
        sheet.add(["Date", "Payee", "Reference", "Line", "Class", "Amount", "Where"].map { .text($0, .header) })
        let first = sheet.nextRow
        for posting in postings {
            sheet.add([.date(posting.date), .text(posting.payee, .wrapped), .text(posting.reference ?? ""),
                       .text(posting.lineID ?? TagKey.untaggedLabel), .text(posting.spendClass?.name ?? ""), .money(posting.amount),
                       .text(String(posting.place.dropFirst(folder.count)))])
        }
        let total = Money(pence: postings.reduce(0) { $0 + $1.amount.pence })
        var cells: [SheetCell] = [.text("Total", .total)] + Array(repeating: SheetCell(.empty, .total), count: 6)
        if sheet.nextRow > first {
            var gate = FormulaGate()
            cells[5] = gate.cell("=SUM(\(CellArea(column: 5, rows: first...(sheet.nextRow - 1)).a1))", .money(total), .total,
                                 B.sum(postings.map { B.stored($0.amount) })).cell
        } else {
            cells[5] = .money(total, .total)
        }
        sheet.add(cells)
    }

    private static func addCertification(_ claim: ClaimReturn, _ sheet: inout SheetBuilder) {
        sheet.add([.text("Certification", .section)])
        sheet.add([.text("I certify that the spend claimed above was incurred on the purposes of the grant, within the period stated, "
                         + "and is recorded in the books in the postings listed.", .note)])
        let record = claim.figures.record
        for (role, name) in [("Prepared by", record?.preparedBy), ("Checked by", record?.checkedBy),
                             ("Authorised by (chief finance officer)", nil as String?)] {
            sheet.add([.text(role, .label), .text(name ?? "", CellLook(.input, wrap: true)), .text("Signature", .label), .text("", .input),
                       .text("Date", .label), .text("", .input)])
        }
    }
}
