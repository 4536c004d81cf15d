import GrantLedgerCore

/// Renders a `WorkbookModel` (built by the core from the ledger) as an .xlsx file through
/// `WorkbookWriter`: all-or-nothing (a temporary file renamed into place), byte-identical for the
/// same model, rows streamed top to bottom in constant memory.
///
/// Here, and only here, exact figures become the doubles a spreadsheet holds: money as
/// `Double(pence) / 100`, fractions as their nearest double.
public enum WorkbookModelWriter {
    /// Writes `model` to `path`. On any error no file is left at `path` that was not there before,
    /// and an existing file is untouched. `progress` is told every `WorkProgress.every` rows of a
    /// sheet, and when the file is being packed.
    public static func write(_ model: WorkbookModel, to path: String, options: WorkbookOptions = WorkbookOptions(),
                             progress: WorkProgress? = nil) throws(WorkbookError)
    {
        let writer = try WorkbookWriter(path: path, properties: model.properties, options: options)
        do throws(WorkbookError) {
            var styles = ModelStyles()
            for sheet in model.sheets { try write(sheet, to: writer, &styles, progress: progress) }
            for name in model.names {
                try writer.defineName(name.name, refersTo: name.target, scope: name.isLocal ? name.target.sheet : nil)
            }
            progress?.report(.packingWorkbook)
            try writer.close()
        } catch {
            writer.discard()
            throw error
        }
    }

    static func write(_ sheet: SheetModel, to writer: WorkbookWriter, _ styles: inout ModelStyles,
                      progress: WorkProgress? = nil) throws(WorkbookError) {
        let worksheet = try writer.addWorksheet(named: sheet.name)
        for (column, width) in sheet.columnWidths.enumerated() {
            try worksheet.setColumnWidth(width, columns: column...column)
        }
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            try worksheet.freezePanes(rows: sheet.frozenRows, columns: sheet.frozenColumns)
        }
        // Constant-memory mode checks a filter against rows already streamed: set it first.
        if let filter = sheet.autofilter { try worksheet.setAutofilter(filter) }
        // A page header is for a glance: at most 100 characters of the title (and within Excel's 255).
        try worksheet.apply(.committee(title: HeaderFooter.clipped(sheet.title, toFit: 100), repeatRows: sheet.printTitleRows))
        try worksheet.setPageBreaks(before: sheet.pageBreaks)
        for highlight in sheet.highlights {
            try worksheet.highlight(highlight.area, equalTo: highlight.text, style: styles.tone(highlight.tone))
        }
        for row in 0..<sheet.rows.streamStart {
            if let progress, row % WorkProgress.every == 0 {
                progress.report(.writingSheet(sheet.name, row: row, of: sheet.rows.count))
            }
            let cells = sheet.rows[row]
            if let height = cells.height { try worksheet.setRowHeight(height, row: row) }
            if cells.spansColumns, sheet.columnWidths.count > 1, let cell = cells.cells.first, case .text(let text) = cell.value {
                let span = CellArea(first: CellRef(row: row, column: 0),
                                    last: CellRef(row: row, column: sheet.columnWidths.count - 1))
                try worksheet.mergeText(text, over: span, style: styles.style(cell.look, .text))
                continue
            }
            for (column, cell) in cells.cells.enumerated() {
                try write(cell, at: CellRef(row: row, column: column), on: worksheet, writer, &styles)
            }
        }
        if let stream = sheet.rows.stream {
            let streamed = StreamedRowWriter(sheet: worksheet, writer: writer, styles: styles)
            defer { styles = streamed.styles }
            try streamed.write(stream, from: sheet.rows.streamStart, of: sheet.rows.count, progress: progress)
        }
        for chart in sheet.charts { try worksheet.insertChart(chart) }
        if sheet.isLocked { try worksheet.protectWithoutPassword() }
    }

    static func write(
        _ cell: SheetCell, at address: CellRef, on sheet: Worksheet, _ writer: WorkbookWriter,
        _ styles: inout ModelStyles
    ) throws(WorkbookError) {
        let where_ = { "\(sheet.name)!\(address)" }
        // The cells a long sheet is made of take the format resolved for their column.
        func format(_ kind: ModelStyles.Kind) throws(WorkbookError) -> CellFormat {
            try styles.format(cell.look, kind, column: address.column, on: writer)
        }
        switch cell.value {
        case .empty:
            if styles.blank(cell.look) != nil { try sheet.writeBlank(at: address, format: format(.text)) }
        case .text(let text):
            try sheet.writeText(text, at: address, format: format(.text))
        case .money(let money):
            try sheet.writeMoney(money, at: address, format: format(.money))
        case .preciseMoney(let pence):
            try sheet.writeNumber(pence.excelPounds(), at: address, format: format(.preciseMoney))
        case .percent(let share):
            try sheet.writeNumber(share.excelValue(), at: address, format: format(.percent))
        case .number(let number):
            try sheet.writeNumber(number.excelValue(), at: address, format: format(.number))
        case .count(let count):
            try sheet.writeInteger(count, at: address, style: styles.style(cell.look, .count))
        case .date(let day):
            try sheet.writeDate(day, at: address, format: format(.date))
        case .formula(let formula):
            switch formula.result {
            case .text(let text):
                try sheet.writeFormula(formula.text, cachedText: text, at: address, style: styles.style(cell.look, .text))
            case .money(let money):
                try sheet.writeFormula(formula.text, cachedMoney: money, at: address, style: styles.style(cell.look, .money))
            case .preciseMoney(let pence):
                try sheet.writeFormula(formula.text, cachedValue: pence.excelPounds(), at: address,
                                       style: styles.style(cell.look, .preciseMoney))
            case .percent(let share):
                try sheet.writeFormula(formula.text, cachedValue: share.excelValue(), at: address,
                                       style: styles.style(cell.look, .percent))
            case .number(let number):
                try sheet.writeFormula(formula.text, cachedValue: number.excelValue(), at: address,
                                       style: styles.style(cell.look, .number))
            case .count(let count):
                guard let value = Double(exactly: count), abs(count) <= 1 << 53 else {
                    throw .invalidArgument("\(where_()): \(count) is too large to store exactly")
                }
                try sheet.writeFormula(formula.text, cachedValue: value, at: address, style: styles.style(cell.look, .count))
            }
        }
    }
}
