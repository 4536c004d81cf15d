/// `report register` written as it is walked, never held whole: byte for byte what
/// `ReportFormat.render(RegisterReport.build(…))` gives, without the rows between.
///
/// Why a second writer: a register lists every posting. At a million transactions that is three
/// and a half million rows, which as `Row`s, `ReportRow`s and one `String` took seconds and gigabytes
/// before the first byte was written. Here the rows are walked twice (`RegisterReport.Walk`, the
/// walk the report's rows come from): once to learn the table's column widths, the rows' total and
/// that no running balance overflows, once to write, from the ledger's own bytes, a megabyte at a
/// time. Text that is printable ASCII (nearly all of it) is measured and cut in bytes; any other
/// text takes the `String` way through the same functions the table, CSV and JSON writers use, so
/// both ways write the same; the tests hold the two writers to each other.
public struct RegisterStream {
    let walk: RegisterReport.Walk

    public init(_ ledger: Ledger, _ filter: ReportFilter = ReportFilter(), _ query: RegisterReport.Query = RegisterReport.Query())
        throws(ReportError) {
        walk = try RegisterReport.Walk(ledger, filter, query)
    }

    /// What the first walk learns, for the format it was measured for: how many rows, their totals,
    /// and (for a table) each column's width; for a register with no rows, the whole of it.
    public struct Layout: Sendable {
        let format: ReportFormat
        let rows: Int
        /// The totals row, made by `Report` itself from the rows' sum, as the table writers have it.
        let totals: ReportRow
        let widths: [Int]
        /// A register with no rows, drawn by the table writers themselves (there is nothing to stream).
        let empty: String?
    }

    /// The first walk: every running balance worked out (an overflow is an error before anything is
    /// written) and, for a table, every cell measured.
    public func measure(for format: ReportFormat) throws(ReportError) -> Layout {
        let columns = RegisterReport.columns
        var widths = columns.map(\.title.count)
        var balance = Money.zero, rows = 0
        let measuring = format == .table
        var days = DayText(), description = DescriptionCache()
        let named = measuring ? NamedCells(walk.ledger, TableCell.made) : nil
        let store = walk.ledger.texts
        do {
            try walk.forEach { (transaction, posting) throws(ReportError) in
                balance = try balance.plus(posting.amount, "running balance")
                rows += 1
                guard let named else { return }
                let cells = named.cells(of: posting)
                let reference = posting.referenceText >= 0 ? store.withBytes(posting.referenceText, TableCell.width) : 0
                widen(&widths[0], days.count(transaction.date))
                widen(&widths[1], reference)
                widen(&widths[2], description.tableWidth(transaction, store))
                widen(&widths[3], cells.account.width)
                widen(&widths[4], cells.grant.width)
                widen(&widths[5], cells.line.width)
                widen(&widths[6], cells.area.width)
                widen(&widths[7], posting.amount.formattedWidth(.display))
                widen(&widths[8], balance.formattedWidth(.display))
            }
        }
        var sum = ReportRow(Array(repeating: ReportCell.empty, count: columns.count))
        sum.cells[columns.count - 2] = .money(balance)
        let totals = try Report(title: "", columns: columns, rows: [sum]).totals
        for (index, cell) in totals.cells.enumerated() { widths[index] = max(widths[index], cell.displayText.count) }
        let empty = rows > 0 ? nil : format.render(try RegisterReport.table(ReportFigures(filter: walk.filter, rows: []), walk.query))
        return Layout(format: format, rows: rows, totals: totals, widths: widths, empty: empty)
    }

    @inline(__always)
    private func widen(_ width: inout Int, _ measured: Int) {
        if measured > width { width = measured }
    }

    /// The second walk: the register in the format `layout` was measured for, handed to `send` a
    /// megabyte at a time. Only `send` throws: every problem in the books was found by `measure`.
    public func write(_ layout: Layout, to send: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        let out = ByteChunks(send: send)
        if let empty = layout.empty {
            try out.write(empty)
        } else {
            switch layout.format {
            case .table: try writeTable(layout, out)
            case .csv: try writeCSV(layout, out)
            case .json: try writeJSON(layout, out)
            }
        }
        try out.flush()
    }

    // MARK: The table

    private func writeTable(_ layout: Layout, _ out: ByteChunks) throws {
        let columns = RegisterReport.columns, widths = layout.widths
        let right = columns.map(TableWriter.isRightAligned)
        let rule = TableWriter.rule(widths)
        try out.write(walk.title + "\n\n" + TableWriter.line(columns.map(\.title), widths: widths, rightAligned: right) + "\n" + rule + "\n")
        let named = NamedCells(walk.ledger, TableCell.made)
        let store = walk.ledger.texts
        var days = DayText(), description = DescriptionCache()
        var balance = Money.zero
        try named.bytes.withUnsafeBufferPointer { pool in
            try walk.forEach { transaction, posting in
                balance = Money(pence: balance.pence &+ posting.amount.pence)  // measured: cannot overflow
                let cells = named.cells(of: posting)
                try days.write(transaction.date, out, spaces: widths[0] - days.count(transaction.date) + 2)
                if posting.referenceText >= 0 {
                    try store.withBytes(posting.referenceText) { try TableCell.write($0, width: widths[1], out) }
                } else {
                    try TableCell.write(nil, width: widths[1], out)
                }
                try description.writeTable(transaction, store, width: widths[2], out)
                try Self.put(cells.account, pool, width: widths[3], out)
                try Self.put(cells.grant, pool, width: widths[4], out)
                try Self.put(cells.line, pool, width: widths[5], out)
                try Self.put(cells.area, pool, width: widths[6], out)
                try Self.putMoney(posting.amount, .display, width: widths[7], out)
                out.put(ASCII.space, times: 2)
                try Self.putMoney(balance, .display, width: widths[8], out)
                out.put(ASCII.newline)
            }
        }
        let totals = layout.totals.cells.map(\.displayText)
        try out.write(rule + "\n" + TableWriter.line(totals, widths: widths, rightAligned: right) + "\n")
    }

    /// A named cell from `pool`, padded to `width`, then the gap.
    @inline(__always)
    private static func put(_ cell: NamedCells.Cell, _ pool: UnsafeBufferPointer<UInt8>, width: Int, _ out: ByteChunks) throws {
        try out.reserve(cell.count + width + 2)
        out.put(pool.slice(cell.start..<cell.start + cell.count))
        out.put(ASCII.space, times: width - cell.width + 2)
    }

    /// An amount right-aligned in `width`, with room for the gap after it.
    @inline(__always)
    private static func putMoney(_ money: Money, _ style: MoneyStyle, width: Int, _ out: ByteChunks) throws {
        try out.reserve(width + Money.longestFormatted + 2)
        out.put(ASCII.space, times: width - money.formattedWidth(style))
        out.putMoney(money, style)
    }

    // MARK: CSV and JSON

    private func writeCSV(_ layout: Layout, _ out: ByteChunks) throws {
        let columns = RegisterReport.columns
        try out.write(columns.map { CSVCell.text($0.key) }.joined(separator: ",") + "\n")
        try writeDelimited(out, rows: layout.rows, NamedCells(walk.ledger) { (Array(CSVCell.text($0 ?? "").utf8), 0) }, prefixes: Array(repeating: [ASCII.comma], count: columns.count),
                           rowStart: [], rowEnd: [ASCII.newline], text: CSVText.put, none: [], quote: [])
    }

    private func writeJSON(_ layout: Layout, _ out: ByteChunks) throws {
        let columns = RegisterReport.columns
        let heading = "{\n  " + JSONWriter.member("title", JSONWriter.string(walk.title)) + ",\n  "
            + JSONWriter.member("columns", JSONWriter.array(columns.map {
                JSONWriter.object([("key", JSONWriter.string($0.key)), ("title", JSONWriter.string($0.title)), ("kind", JSONWriter.string($0.kind.rawValue))])
            })) + ",\n  \"rows\": [\n    "
        try out.write(heading)
        let prefixes = columns.map { Array((", " + JSONWriter.string($0.key) + ": ").utf8) }
        try writeDelimited(out, rows: layout.rows, NamedCells(walk.ledger) { (Array(JSONWriter.nullable($0).utf8), 0) }, prefixes: prefixes,
                           rowStart: Array("{\"level\": 0".utf8), rowEnd: Array("},\n    ".utf8), text: JSONText.put,
                           none: Array("null".utf8), quote: [0x22])
        try out.write("\n  ],\n  " + JSONWriter.member("totals", JSONWriter.row(row: layout.totals, columns, level: nil)) + "\n}\n")
    }

    /// The rows of CSV or JSON: each cell after its prefix (a comma; `, "key": `), the row between
    /// `rowStart` and `rowEnd`; the first prefix of a CSV row is dropped, and the last row's end
    /// is cut to its closing brace for JSON.
    private func writeDelimited(_ out: ByteChunks, rows: Int, _ named: NamedCells, prefixes: [[UInt8]], rowStart: [UInt8], rowEnd: [UInt8],
                                text: (UnsafeBufferPointer<UInt8>, ByteChunks) throws -> Void, none: [UInt8], quote: [UInt8]) throws {
        let store = walk.ledger.texts
        let csv = rowStart.isEmpty
        var days = DayText()
        var balance = Money.zero
        var rowsLeft = rows
        try named.bytes.withUnsafeBufferPointer { pool in
            try walk.forEach { transaction, posting in
                balance = Money(pence: balance.pence &+ posting.amount.pence)  // measured: cannot overflow
                rowsLeft -= 1
                let cells = named.cells(of: posting)
                try out.reserve(rowStart.count + prefixes[0].count)
                out.put(rowStart)
                if !csv { out.put(prefixes[0]) }
                try days.write(transaction.date, out, quoted: quote)
                try out.reserve(prefixes[1].count + none.count)
                out.put(prefixes[1])
                if posting.referenceText >= 0 { try store.withBytes(posting.referenceText) { try text($0, out) } } else { out.put(none) }
                try out.reserve(prefixes[2].count)
                out.put(prefixes[2])
                try store.withBytes(transaction.descriptionText) { try text($0, out) }
                try put(cells.account, pool, after: prefixes[3], out)
                try put(cells.grant, pool, after: prefixes[4], out)
                try put(cells.line, pool, after: prefixes[5], out)
                try put(cells.area, pool, after: prefixes[6], out)
                try put(posting.amount, after: prefixes[7], quote, out)
                try put(balance, after: prefixes[8], quote, out)
                try out.reserve(rowEnd.count)
                if csv || rowsLeft > 0 { out.put(rowEnd) } else { out.put(rowEnd[0]) }
            }
        }
    }

    @inline(__always)
    private func put(_ cell: NamedCells.Cell, _ pool: UnsafeBufferPointer<UInt8>, after prefix: [UInt8], _ out: ByteChunks) throws {
        try out.reserve(prefix.count + cell.count)
        out.put(prefix)
        out.put(pool.slice(cell.start..<cell.start + cell.count))
    }

    @inline(__always)
    private func put(_ money: Money, after prefix: [UInt8], _ quote: [UInt8], _ out: ByteChunks) throws {
        try out.reserve(prefix.count + Money.longestFormatted + 2)
        out.put(prefix)
        out.put(quote)
        out.putMoney(money, .plain)
        out.put(quote)
    }
}
