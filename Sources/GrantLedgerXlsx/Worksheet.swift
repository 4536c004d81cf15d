import CXlsxWriter
import GrantLedgerCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One sheet of a `WorkbookWriter`. Every method throws instead of trapping: a bad cell, a closed
/// workbook or a library failure is a `WorkbookError`.
///
/// Text is always written as text. There is deliberately no "write anything" method that guesses
/// from content, so a payee called `=HYPERLINK(...)` or a reference `-1234` stays a string;
/// formulas exist only through the `writeFormula` methods, whose text the program builds.
public final class Worksheet {
    public let name: String
    // Internal for the streamed rows (Worksheet+Streamed.swift); nothing else outside this file uses them.
    let handle: UnsafeMutablePointer<lxw_worksheet>
    // Strong: a sheet keeps its workbook alive, and checks it is still open before each call.
    let workbook: WorkbookWriter
    var lastRowWritten = -1

    init(name: String, handle: UnsafeMutablePointer<lxw_worksheet>, workbook: WorkbookWriter) {
        self.name = name
        self.handle = handle
        self.workbook = workbook
    }

    /// `area` on this sheet, for charts, names and cross-sheet formulas.
    public func area(_ area: CellArea) -> SheetArea { SheetArea(sheet: name, area: area) }

    // MARK: - Cells

    /// Text, stored as a string whatever it looks like (`=`, `+`, `-`, `@` included).
    public func writeText(_ text: String, at cell: CellRef, style: CellStyle? = nil) throws(WorkbookError) {
        let text = VisibleText.cellText(text)
        try write(at: cell, style: style, "text") { row, column, format in
            worksheet_write_string(handle, row, column, text, format)
        }
    }

    /// A number. Only for quantities that are not money (counts, populations, rates already
    /// converted at the boundary); money goes through `writeMoney`.
    public func writeNumber(_ value: Double, at cell: CellRef, style: CellStyle? = nil) throws(WorkbookError) {
        guard value.isFinite else { throw .invalidArgument("\(name)!\(cell): \(value) is not a finite number") }
        try write(at: cell, style: style, "number") { row, column, format in
            worksheet_write_number(handle, row, column, value, format)
        }
    }

    /// A whole number; refused beyond ±2^53, where a spreadsheet's doubles stop being exact.
    public func writeInteger(_ value: Int, at cell: CellRef, style: CellStyle? = .integer) throws(WorkbookError) {
        try writeNumber(try exactDouble(value, at: cell), at: cell, style: style)
    }

    /// An amount of money as pounds with the £ format.
    public func writeMoney(_ money: Money, at cell: CellRef, style: CellStyle? = .money) throws(WorkbookError) {
        try writeNumber(try money.excelValue(at: "\(name)!\(cell)"), at: cell, style: style)
    }

    /// A date: its Excel serial number under a date format (without one it would show as a number).
    public func writeDate(_ date: Day, at cell: CellRef, style: CellStyle? = .date) throws(WorkbookError) {
        try writeNumber(Double(try date.excelSerial()), at: cell, style: style)
    }

    /// A formula with the numeric result the program computed, stored as the cached value that
    /// readers show without recalculating (and that the oracle compares with a recalculation).
    /// `formula` must be built by the program, never taken from input.
    public func writeFormula(
        _ formula: String, cachedValue: Double, at cell: CellRef, style: CellStyle? = nil
    ) throws(WorkbookError) {
        try requireFormula(formula, at: cell)
        guard cachedValue.isFinite else {
            throw .invalidArgument("\(name)!\(cell): cached value \(cachedValue) is not a finite number")
        }
        try write(at: cell, style: style, "formula") { row, column, format in
            worksheet_write_formula_num(handle, row, column, formula, format, cachedValue)
        }
    }

    /// A formula whose result is money, cached as the exact pence converted once, here.
    public func writeFormula(
        _ formula: String, cachedMoney: Money, at cell: CellRef, style: CellStyle? = .money
    ) throws(WorkbookError) {
        try writeFormula(formula, cachedValue: try cachedMoney.excelValue(at: "\(name)!\(cell)"), at: cell,
                         style: style)
    }

    /// A formula whose result is text (e.g. a RAG status), with that text cached.
    public func writeFormula(
        _ formula: String, cachedText: String, at cell: CellRef, style: CellStyle? = nil
    ) throws(WorkbookError) {
        try requireFormula(formula, at: cell)
        let cachedText = VisibleText.cellText(cachedText)
        try write(at: cell, style: style, "formula") { row, column, format in
            worksheet_write_formula_str(handle, row, column, formula, format, cachedText)
        }
    }

    /// Text across the cells of `range`, merged into one (a subtitle over a whole table). Stored as
    /// text whatever it looks like, as `writeText` does.
    public func mergeText(_ text: String, over range: CellArea, style: CellStyle? = nil) throws(WorkbookError) {
        let text = VisibleText.cellText(text)
        let r = try range.checked()
        if workbook.options.constantMemory, range.first.row < lastRowWritten {
            throw .rowWrittenOutOfOrder(sheet: name, row: range.first.row, lastRowWritten: lastRowWritten)
        }
        let format = try workbook.format(for: style)
        try check(worksheet_merge_range(handle, r.firstRow, r.firstColumn, r.lastRow, r.lastColumn, text, format),
                  "\(name)!\(range): merge")
        lastRowWritten = max(lastRowWritten, range.last.row)
    }

    /// An empty cell that still carries a style (a shaded gap in a header row, say).
    public func writeBlank(at cell: CellRef, style: CellStyle) throws(WorkbookError) {
        try write(at: cell, style: style, "blank") { row, column, format in
            worksheet_write_blank(handle, row, column, format)
        }
    }

    // MARK: - Cells in a resolved format (WorkbookModelWriter's streamed rows)

    func writeText(_ text: String, at cell: CellRef, format: CellFormat) throws(WorkbookError) {
        let text = VisibleText.cellText(text)
        try write(at: cell, format: format, "text") { row, column, format in
            worksheet_write_string(handle, row, column, text, format)
        }
    }

    func writeNumber(_ value: Double, at cell: CellRef, format: CellFormat) throws(WorkbookError) {
        guard value.isFinite else { throw .invalidArgument("\(name)!\(cell): \(value) is not a finite number") }
        try write(at: cell, format: format, "number") { row, column, format in
            worksheet_write_number(handle, row, column, value, format)
        }
    }

    func writeMoney(_ money: Money, at cell: CellRef, format: CellFormat) throws(WorkbookError) {
        try writeNumber(try money.excelValue(at: "\(name)!\(cell)"), at: cell, format: format)
    }

    func writeDate(_ date: Day, at cell: CellRef, format: CellFormat) throws(WorkbookError) {
        try writeNumber(Double(try date.excelSerial()), at: cell, format: format)
    }

    func writeBlank(at cell: CellRef, format: CellFormat) throws(WorkbookError) {
        try write(at: cell, format: format, "blank") { row, column, format in
            worksheet_write_blank(handle, row, column, format)
        }
    }

    // MARK: - Layout

    /// Row `row`'s height in points (a wrapped cell needs a taller row: spreadsheet programs do not
    /// re-measure rows when they open a file). In constant-memory mode, before the row is written.
    public func setRowHeight(_ points: Double, row: Int) throws(WorkbookError) {
        _ = try workbook.openHandle()
        guard points.isFinite, points > 0, points <= 409 else {
            throw .invalidArgument("\(name): row height \(points) is outside 0...409 points")
        }
        let position = try CellRef(row: row, column: 0).checked()
        if workbook.options.constantMemory, row <= lastRowWritten {
            throw .rowWrittenOutOfOrder(sheet: name, row: row, lastRowWritten: lastRowWritten)
        }
        try check(worksheet_set_row(handle, position.row, points, nil), "\(name): height of row \(row + 1)")
    }

    /// Column width in characters of the default font, for `columns` (zero-based, inclusive).
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>, style: CellStyle? = nil)
        throws(WorkbookError)
    {
        guard width.isFinite, width >= 0, width <= 255 else {
            throw .invalidArgument("\(name): column width \(width) is outside 0...255")
        }
        let first = try CellRef(row: 0, column: columns.lowerBound).checked()
        let last = try CellRef(row: 0, column: columns.upperBound).checked()
        let format = try workbook.format(for: style)
        try check(worksheet_set_column(handle, first.column, last.column, width, format),
                  "\(name): column width")
    }

    /// Keeps the first `rows` rows and `columns` columns in view while scrolling.
    public func freezePanes(rows: Int, columns: Int = 0) throws(WorkbookError) {
        _ = try workbook.openHandle()
        let split = try CellRef(row: rows, column: columns).checked()
        worksheet_freeze_panes(handle, split.row, split.column)
    }

    /// Filter drop-downs on the header row of `range` (the header row is its first row).
    ///
    /// In constant-memory mode libxlsxwriter checks the range against rows already streamed out,
    /// so set the filter before writing rows past its last row (the row count is known up front).
    public func setAutofilter(_ range: CellArea) throws(WorkbookError) {
        _ = try workbook.openHandle()
        let r = try range.checked()
        if workbook.options.constantMemory, range.last.row < lastRowWritten {
            throw .invalidArgument("\(name): autofilter \(range) must be set before row \(lastRowWritten + 1) "
                + "is written (constant-memory mode)")
        }
        try check(worksheet_autofilter(handle, r.firstRow, r.firstColumn, r.lastRow, r.lastColumn),
                  "\(name): autofilter \(range)")
    }

    /// Rows that start a new printed page.
    public func setPageBreaks(before rows: [Int]) throws(WorkbookError) {
        _ = try workbook.openHandle()
        guard !rows.isEmpty else { return }
        // libxlsxwriter takes the rows as a list ended by 0 (so row 0 cannot be one: it starts the first page anyway).
        var breaks: [lxw_row_t] = []
        for row in rows.sorted() where row > 0 { breaks.append(try CellRef(row: row, column: 0).checked().row) }
        guard !breaks.isEmpty else { return }
        breaks.append(0)
        try check(worksheet_set_h_pagebreaks(handle, &breaks), "\(name): page breaks")
    }

    /// Orientation, paper, fit-to-width, repeated header rows, header and footer.
    public func apply(_ setup: PageSetup) throws(WorkbookError) {
        _ = try workbook.openHandle()
        switch setup.orientation {
        case .landscape: worksheet_set_landscape(handle)
        case .portrait: worksheet_set_portrait(handle)
        }
        worksheet_set_paper(handle, setup.paper.rawValue)
        if let wide = setup.fitToPagesWide {
            guard let width = UInt16(exactly: wide), let height = UInt16(exactly: setup.fitToPagesTall) else {
                throw .invalidArgument("\(name): cannot fit to \(wide) × \(setup.fitToPagesTall) pages")
            }
            worksheet_fit_to_pages(handle, width, height)
        }
        if let rows = setup.repeatRows {
            let first = try CellRef(row: rows.lowerBound, column: 0).checked()
            let last = try CellRef(row: rows.upperBound, column: 0).checked()
            try check(worksheet_repeat_rows(handle, first.row, last.row), "\(name): repeated rows")
        }
        for (part, what) in [(setup.header, "header"), (setup.footer, "footer")] {
            // libxlsxwriter refuses (and prints a warning about) more than 255 characters.
            if let code = part?.code, HeaderFooter.length(code) > HeaderFooter.maxLength {
                throw .invalidArgument("\(name): the page \(what) is longer than Excel's 255 characters")
            }
        }
        if let header = setup.header {
            let code = header.code
            try requirePlainText(code, "\(name): page header")
            try check(worksheet_set_header(handle, code), "\(name): page header")
        }
        if let footer = setup.footer {
            let code = footer.code
            try requirePlainText(code, "\(name): page footer")
            try check(worksheet_set_footer(handle, code), "\(name): page footer")
        }
    }

    /// Shows the cells of `range` whose value is exactly the text `equalTo` in `style` (a conditional
    /// format, so a status a formula changes is recoloured with it).
    public func highlight(_ range: CellArea, equalTo text: String, style: CellStyle) throws(WorkbookError) {
        _ = try workbook.openHandle()
        let text = VisibleText.writable(text).text
        let r = try range.checked()
        let format = try workbook.format(for: style)
        // The rule compares with a string literal: quotes inside are doubled, as in a formula.
        let literal = "\"" + text.replacingAll("\"", with: "\"\"") + "\""
        var rule = lxw_conditional_format()
        rule.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
        rule.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
        rule.format = format
        let copy = strdup(literal)
        defer { free(copy) }
        rule.value_string = copy
        try check(worksheet_conditional_format_range(handle, r.firstRow, r.firstColumn, r.lastRow, r.lastColumn, &rule),
                  "\(name): highlight \(range)")
    }

    /// Protects the sheet without a password, every cell locked (libxlsxwriter's default): a guard
    /// against an edit the sheet cannot follow, which the sheet says and anyone may lift, rather
    /// than a secret. Cells can still be selected and copied.
    public func protectWithoutPassword() throws(WorkbookError) {
        _ = try workbook.openHandle()
        worksheet_protect(handle, nil, nil)
    }

    // MARK: - Charts

    /// Places `chart` with its top-left corner at its anchor, scaled from Excel's default 480 × 288
    /// pixels. A money chart's value axis reads in whole pounds; the legend shows only when there is
    /// more than one series to tell apart; a bar chart lists its categories top to bottom in the order
    /// of the rows they come from (Excel otherwise draws the first row at the bottom, the reverse of
    /// the table beside it).
    public func insertChart(_ chart: ChartModel) throws(WorkbookError) {
        guard !chart.series.isEmpty else { throw .invalidArgument("\(name): a chart needs at least one series") }
        guard chart.widthScale.isFinite, chart.heightScale.isFinite, chart.widthScale > 0, chart.heightScale > 0 else {
            throw .invalidArgument("\(name): chart scale must be positive")
        }
        let anchor = try chart.anchor.checked()
        for series in chart.series {
            for area in [series.categories, series.values] {
                guard workbook.sheetNames.contains(area.sheet) else {
                    throw .invalidArgument("\(name): chart refers to unknown sheet '\(area.sheet)'")
                }
                try requirePlainText(area.sheet, "chart range sheet")
                _ = try area.area.checked()
            }
        }
        let lxwChart = try workbook.newChart(chart.kind)
        for series in chart.series { try addSeries(series, lines: chart.kind == .line, to: lxwChart) }
        setLiteral(&lxwChart.pointee.title.name, Self.chartText(chart.title))
        // libxlsxwriter's x_axis is the horizontal one; a bar chart's categories run vertically.
        let categoryAxis = chart.kind == .bar ? lxwChart.pointee.y_axis : lxwChart.pointee.x_axis
        let valueAxis = chart.kind == .bar ? lxwChart.pointee.x_axis : lxwChart.pointee.y_axis
        if let text = chart.valueAxisTitle, let valueAxis {
            setLiteral(&valueAxis.pointee.title.name, Self.chartText(text))
        }
        if chart.moneyAxis, let valueAxis { chart_axis_set_num_format(valueAxis, "£#,##0") }
        if chart.series.count <= 1 { chart_legend_set_position(lxwChart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        if chart.kind == .bar, let categoryAxis {
            // Reversed categories put the value axis at the top unless it crosses at the far end.
            chart_axis_set_reverse(categoryAxis)
            chart_axis_set_crossing_max(categoryAxis)
        }

        var placement = lxw_chart_options()
        placement.x_scale = chart.widthScale
        placement.y_scale = chart.heightScale
        try check(worksheet_insert_chart_opt(handle, anchor.row, anchor.column, lxwChart, &placement),
                  "\(name): insert chart at \(chart.anchor)")
    }

    /// One series of a chart: its categories, values, legend text and colour.
    private func addSeries(_ series: ChartModel.Series, lines: Bool, to lxwChart: UnsafeMutablePointer<lxw_chart>)
        throws(WorkbookError)
    {
        guard let lxwSeries = chart_add_series(lxwChart, nil, nil) else {
            throw .library(operation: "\(name): cannot add chart series",
                           code: LXW_ERROR_MEMORY_MALLOC_FAILED.rawValue,
                           message: libraryMessage(LXW_ERROR_MEMORY_MALLOC_FAILED))
        }
        let c = try series.categories.area.checked()
        chart_series_set_categories(lxwSeries, series.categories.sheet, c.firstRow, c.firstColumn,
                                    c.lastRow, c.lastColumn)
        let v = try series.values.area.checked()
        chart_series_set_values(lxwSeries, series.values.sheet, v.firstRow, v.firstColumn,
                                v.lastRow, v.lastColumn)
        // The library keeps the sheet's own name to fill the chart's cache, but writes the
        // reference with its own quoting (which leaves `FY2019` bare): the one rule instead.
        replaceFormula(lxwSeries.pointee.categories, series.categories.reference)
        replaceFormula(lxwSeries.pointee.values, series.values.reference)
        setLiteral(&lxwSeries.pointee.title.name, Self.chartText(series.name))
        if let color = series.color, lines {
            var line = lxw_chart_line()
            line.color = lxw_color_t(color & 0xFF_FFFF)
            line.width = 2.25
            chart_series_set_line(lxwSeries, &line)
        } else if let color = series.color {
            var fill = lxw_chart_fill()
            fill.color = lxw_color_t(color & 0xFF_FFFF)
            chart_series_set_fill(lxwSeries, &fill)
        }
    }

    /// Chart text is XML the library does not escape for controls: shown escaped instead.
    private static func chartText(_ text: String) -> String { VisibleText.writable(text, maxUnits: 255).text }

    // MARK: - Private

    /// The common path of every cell write: open check, grid check, row order, format, call, status.
    private func write(
        at cell: CellRef, style: CellStyle?, _ what: String,
        _ call: (lxw_row_t, lxw_col_t, UnsafeMutablePointer<lxw_format>?) -> lxw_error
    ) throws(WorkbookError) {
        let position = try writable(cell)
        let format = try workbook.format(for: style)
        try check(call(position.row, position.column, format), "\(name)!\(cell): write \(what)")
        lastRowWritten = max(lastRowWritten, cell.row)
    }

    /// The same, with the format already resolved.
    private func write(
        at cell: CellRef, format: CellFormat, _ what: String,
        _ call: (lxw_row_t, lxw_col_t, UnsafeMutablePointer<lxw_format>?) -> lxw_error
    ) throws(WorkbookError) {
        let position = try writable(cell)
        try check(call(position.row, position.column, format.pointer), "\(name)!\(cell): write \(what)")
        lastRowWritten = max(lastRowWritten, cell.row)
    }

    /// `cell` as libxlsxwriter wants it, once the workbook is known open and the row in order.
    private func writable(_ cell: CellRef) throws(WorkbookError) -> (row: lxw_row_t, column: lxw_col_t) {
        _ = try workbook.openHandle()
        let position = try cell.checked()
        if workbook.options.constantMemory, cell.row < lastRowWritten {
            throw .rowWrittenOutOfOrder(sheet: name, row: cell.row, lastRowWritten: lastRowWritten)
        }
        return position
    }

    private func requireFormula(_ formula: String, at cell: CellRef) throws(WorkbookError) {
        try requirePlainText(formula, "formula for \(name)!\(cell)")
        guard formula.contains(where: { $0 != "=" && !$0.isWhitespace }) else {
            throw .invalidArgument("\(name)!\(cell): empty formula")
        }
    }

    private func exactDouble(_ value: Int, at cell: CellRef) throws(WorkbookError) -> Double {
        let limit = 1 << 53
        guard value >= -limit, value <= limit else {
            throw .invalidArgument("\(name)!\(cell): \(value) is too large to store exactly")
        }
        return Double(value)
    }
}

/// A chart range's reference text, as written into the chart (`'it''s'!$A$5:$A$12`).
private func replaceFormula(_ range: UnsafeMutablePointer<lxw_series_range>?, _ reference: String) {
    guard let range, let copy = strdup(reference) else { return }
    free(range.pointee.formula)
    range.pointee.formula = copy
}

/// Stores chart text verbatim. libxlsxwriter's `chart_*_set_name` functions read a leading `=` as a
/// cell reference; this does what they do for any other text (keep a malloc'd copy, which the
/// library frees with the chart), so a scenario named "=Pot" is shown, not evaluated.
private func setLiteral(_ slot: inout UnsafeMutablePointer<CChar>?, _ text: String) {
    free(slot)
    slot = strdup(text)
}
