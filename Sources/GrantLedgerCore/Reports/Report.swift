/// A format-neutral table: what a report says, before a writer decides how it looks.
///
/// The totals row is computed here, from the rows, and cannot be set: a total that is the sum of its
/// rows by construction is one a committee can re-derive. Percent cells are derived here too, from
/// the money columns they divide, so a row's percent always agrees with its amounts.
public struct Report: Hashable, Sendable {
    public let title: String
    public let columns: [ReportColumn]
    public let rows: [ReportRow]
    /// The sum of the level 0 rows, column by column (see `ReportColumn.Total`).
    public let totals: ReportRow
    /// Sentences a reader should not miss, said under the table (and in JSON); CSV carries the rows alone.
    public var notes: [String] = []

    public init(title: String, columns: [ReportColumn], rows: [ReportRow]) throws(ReportError) {
        self.title = title
        self.columns = columns
        for column in columns {
            guard case .ratio(let parts, let whole) = column.total else { continue }
            guard (parts + [whole]).allSatisfy({ columns.indices.contains($0) && columns[$0].kind == .money }) else {
                throw .malformedColumn(column.key)
            }
        }
        var derived = rows
        for index in derived.indices {
            guard derived[index].cells.count == columns.count else {
                throw .malformedRow(row: index, cells: derived[index].cells.count, columns: columns.count)
            }
            Self.derivePercents(&derived[index], columns)
        }
        self.rows = derived
        self.totals = try Self.total(derived, columns)
    }

    /// Indices of the columns holding `kind`.
    public func columnIndices(of kind: ReportColumn.Kind) -> [Int] {
        columns.indices.filter { columns[$0].kind == kind }
    }

    public func columnIndex(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

    private static func derivePercents(_ row: inout ReportRow, _ columns: [ReportColumn]) {
        for (index, column) in columns.enumerated() {
            guard case .ratio(let parts, let whole) = column.total else { continue }
            // A percent of nothing (or beyond exact reach) is a blank, not a made-up figure.
            let amounts = parts.compactMap { row.cells[$0].money }
            if amounts.count == parts.count, let part = try? Money.sum(amounts), let whole = row.cells[whole].money,
               Percent(part: part, whole: whole).tenths() != nil {
                row.cells[index] = .percent(Percent(part: part, whole: whole))
            } else {
                row.cells[index] = .empty
            }
        }
    }

    private static func total(_ rows: [ReportRow], _ columns: [ReportColumn]) throws(ReportError) -> ReportRow {
        var cells = [ReportCell](repeating: .empty, count: columns.count)
        let counted = rows.filter { !$0.isDetail }
        for (index, column) in columns.enumerated() {
            switch column.total {
            case .none, .ratio:
                break
            case .label:
                cells[index] = .text("Total")
            case .sum where column.kind == .money:
                var sum = Money.zero
                for row in counted {
                    guard let amount = row.cells[index].money else { continue }
                    do throws(MoneyError) { sum = try sum.adding(amount) } catch { throw .overflow(column.title) }
                }
                cells[index] = .money(sum)
            case .sum:
                var sum = 0
                for row in counted {
                    guard let count = row.cells[index].count else { continue }
                    let (value, overflow) = sum.addingReportingOverflow(count)
                    if overflow { throw .overflow(column.title) }
                    sum = value
                }
                cells[index] = .count(sum)
            }
        }
        var totals = ReportRow(cells)
        derivePercents(&totals, columns)
        return totals
    }
}
