/// Spend: every spend posting in date order, with real dates, amounts in pounds, its grant, line,
/// area, initiative, supplier, reference and description; filter drop-downs on the header, the header
/// frozen, and a total of the rows shown that follows the filters (`SUBTOTAL`).
///
/// The total is a formula only where `FormulaGate` finds that any spreadsheet's summing reproduces
/// it: its bound comes from running totals of the amounts and their magnitudes in pence, so the hot
/// loop does no Rational work. Past that (like-signed amounts, about 4,500 rows; fewer with refunds)
/// it is the exact total of all rows, in italics, and says it does not follow the filters. Splitting
/// the SUBTOTAL into blocks would bound it tighter, but needs block subtotals somewhere on the sheet:
/// rows among the postings break sorting and filtering, and a hidden helper column is a trap.
///
/// The rows are not held: the posting rows are a `SpendRows` stream that the writer takes cell by
/// cell from the ledger's bytes, so a ledger of a million postings streams out with flat memory and
/// no value made per cell. Only the postings' indices are kept.
enum SpendSheet {
    static let name = "Spend"
    static let titles = ["Date", "Grant", "Line", "Area", "Initiative", "Supplier", "Description", "Ref", "Class", "Amount"]
    static let amountColumn = 9
    static let supplierColumn = 5
    static let descriptionColumn = 6
    /// Supplier and description wrap within these widths, so the sheet prints legibly one page wide.
    static let supplierWidth: Double = 30
    static let descriptionWidth: Double = 46
    /// Title, subtitle, the total of the rows shown, a blank, then the header.
    static let headerRow = 4

    /// The spend postings in scope, in date order, with what the total's bound and the column widths need.
    struct Selection {
        var postings: [Int32] = []
        var total = Money.zero
        /// The sum of the amounts' magnitudes in pence, and which signs occur: for the total's error bound.
        var magnitude: Int128 = 0
        var signs: (positive: Bool, negative: Bool) = (false, false)
        var widths = titles.map { Double($0.count) + ColumnWidth.padding }
        // An amount's display is longer the larger it is, for each sign: the largest and the most
        // negative amount measure the column for all of them.
        var largest: Money?
        var mostNegative: Money?

        mutating func measure(_ column: Int, _ text: String?) {
            guard let text else { return }
            // Text no more bytes long than the column is wide cannot widen it (a character is at
            // least a byte): most cells of a long sheet stop here, without counting characters.
            guard Double(text.utf8.count) + ColumnWidth.padding > widths[column] else { return }
            widths[column] = max(widths[column], min(Double(text.count) + ColumnWidth.padding, cap(column)))
        }

        /// The same for text given as its UTF-8 bytes (the ledger's, or a name's in `SpendNames`):
        /// only text long enough to widen the column is made a `String`, to count its characters.
        mutating func measure(_ column: Int, _ utf8: UnsafeBufferPointer<UInt8>) {
            guard Double(utf8.count) + ColumnWidth.padding > widths[column] else { return }
            let characters = String(decoding: utf8, as: UTF8.self).count
            widths[column] = max(widths[column], min(Double(characters) + ColumnWidth.padding, cap(column)))
        }

        /// Text `number` of `store`, if any.
        mutating func measure(_ column: Int, _ number: Int32, in store: TextStore) {
            guard number >= 0 else { return }
            store.withBytes(number) { measure(column, $0) }
        }

        private func cap(_ column: Int) -> Double {
            column == supplierColumn ? supplierWidth : column == descriptionColumn ? descriptionWidth : 40
        }

        /// Counts one posting in: its amount, and its texts against the column widths.
        mutating func add(_ ledger: Ledger, _ names: SpendNames, _ p: Int32) throws(ReportError) {
            let posting = ledger.postings[Int(p)]
            postings.append(p)
            total = try total.plus(posting.amount, "spend")
            let pence = Int128(posting.amount.pence)
            magnitude += pence < 0 ? -pence : pence
            if pence > 0 { signs.positive = true } else if pence < 0 { signs.negative = true }
            measure(1, names.grant(posting), in: names.store)
            measure(2, names.line(posting), in: names.store)
            measure(3, names.area(posting), in: names.store)
            measure(4, names.initiative(posting), in: names.store)
            SpendRows.withSupplier(ledger, posting) { measure(5, $0) }
            measure(7, posting.referenceText, in: ledger.texts)
            measure(8, names.spendClass(posting), in: names.store)
            if posting.amount.pence >= 0 {
                if posting.amount.pence > largest?.pence ?? -1 { largest = posting.amount }
            } else if posting.amount.pence < mostNegative?.pence ?? 0 {
                mostNegative = posting.amount
            }
        }

        /// Every spend posting in scope, transaction by transaction in date order.
        init(_ ledger: Ledger, _ names: SpendNames, _ scope: ReportScope) throws(ReportError) {
            widths[0] = 11
            for index in ledger.transactionsByDate() {
                let transaction = ledger.transactions[index]
                var described = false
                for p in transaction.postingRange {
                    let posting = ledger.postings[Int(p)]
                    guard ledger.isSpend(posting), scope.includes(posting) else { continue }
                    if !described {
                        measure(6, transaction.descriptionText, in: ledger.texts)
                        described = true
                    }
                    try add(ledger, names, p)
                }
            }
            for amount in [largest, mostNegative] { measure(amountColumn, amount?.formatted(.display)) }
            widths[amountColumn] = max(widths[amountColumn], Double(total.formatted(.display).count) + ColumnWidth.padding)
        }
    }

    static func build(_ ledger: Ledger, _ settings: CommitteeWorkbookSettings, _ names: inout [DefinedName])
        throws(ReportError) -> SheetModel
    {
        let filter = settings.filter
        let spendNames = SpendNames(ledger)
        let selection = try Selection(ledger, spendNames, try ReportScope(ledger, filter))
        let selected = selection.postings, total = selection.total, widths = selection.widths

        let position = filter.end ?? settings.asOf
        let count = selected.count
        let first = headerRow + 1
        let last = headerRow + count
        let scopeText = settings.financialYear.map { "in \($0) " } ?? ""
        let subtitle = "Every item of spend \(scopeText)to \(WorkbookText.long(position)), in date order: "
            + "\(WorkbookText.count(count, "posting")) totalling \(total). Use the filter buttons on the headings to pick a "
            + "grant, area or supplier."
        var gate = FormulaGate()
        let totalCell = count > 0
            ? gate.cell("=SUBTOTAL(9,\(CellArea(column: amountColumn, rows: first...last).a1))", .money(total), .total,
                        SpreadsheetBound.sumOfStoredMoney(totalPence: Int128(total.pence), magnitudePence: selection.magnitude, count: count,
                                                          alike: !(selection.signs.positive && selection.signs.negative))).cell
            : .money(.zero, .total)
        let prefix: [SheetRow] = [
            SheetRow([.text("Spend", .title)]),
            SheetRow([SheetCell(.text(subtitle), CellLook(.subtitle, wrap: true))],
                     height: ColumnWidth.rowHeight(lines: ColumnWidth.lines(subtitle, width: widths.reduce(0, +))),
                     spansColumns: true),
            SheetRow(Array(repeating: SheetCell.empty, count: descriptionColumn) + [
                .text(gate.anyByValue ? "Total of all the rows (it does not follow the filters):"
                          : "Total of the rows shown (it follows the filters):", CellLook(.label)), .empty, .empty,
                totalCell,
            ]),
            gate.anyByValue ? SheetRow([.text(FormulaGate.note, .note)]) : .blank,
            SheetRow(titles.enumerated().map { column, title in
                SheetCell(.text(title), CellLook(.header, wrap: true, headsFigures: column == amountColumn))
            }),
        ]
        let rows = SheetRows(prefix, then: SpendRows(ledger: ledger, names: spendNames, postings: selected,
                                                     widths: (widths[supplierColumn], widths[descriptionColumn])))
        if count > 0 {
            names.append(DefinedName("SpendAmounts", SheetArea(sheet: name, area: CellArea(column: amountColumn, rows: first...last))))
        }
        return SheetModel(
            name: name, title: "Spend", rows: rows, columnWidths: widths, frozenRows: headerRow + 1,
            autofilter: CellArea(first: CellRef(row: headerRow, column: 0),
                                 last: CellRef(row: max(headerRow, last), column: amountColumn)),
            printTitleRows: headerRow...headerRow)
    }
}
