import GrantLedgerCore
import Testing

/// The promises every report keeps, checked by recomputing them independently of `Report`.
enum ReportInvariants {
    struct Broken: Error, CustomStringConvertible { let description: String }

    /// The totals row is the sum of the level 0 rows in every money and count column, and each
    /// percent total is the ratio of its columns' totals.
    static func totalsAreTheSumOfRows(_ report: Report) throws {
        for (index, column) in report.columns.enumerated() {
            let counted = report.rows.filter { !$0.isDetail }
            switch column.kind {
            case .money where column.total == .none:
                // A running balance: never totalled.
                #expect(report.totals.cells[index] == .empty, "\(report.title): \(column.key) is not totalled")
            case .money:
                let sum = try Money.sum(counted.map { $0.cells[index].money ?? .zero })
                #expect(report.totals.cells[index] == .money(sum), "\(report.title): total of \(column.key)")
            case .count:
                let sum = counted.reduce(0) { $0 + ($1.cells[index].count ?? 0) }
                #expect(report.totals.cells[index] == .count(sum), "\(report.title): total of \(column.key)")
            case .percent:
                guard case .ratio(let parts, let whole) = column.total,
                      let w = report.totals.cells[whole].money else {
                    throw Broken(description: "\(report.title): percent column \(column.key) without money totals")
                }
                let p = try Money.sum(parts.map { report.totals.cells[$0].money ?? .zero })
                let percent = Percent(part: p, whole: w)
                #expect(report.totals.cells[index] == (percent.tenths() == nil ? .empty : .percent(percent)))
            case .text, .date:
                break
            }
        }
    }

    /// In every row, remaining = budget − spent before (when shown) − spent.
    static func remainingIsBudgetLessSpend(_ report: Report) throws {
        guard let budget = report.columnIndex("budget"), let spent = report.columnIndex("spent"),
              let remaining = report.columnIndex("remaining") else { throw Broken(description: "\(report.title): no budget columns") }
        let before = report.columnIndex("spent_before")
        for row in report.rows + [report.totals] {
            var left = try (row.cells[budget].money ?? .zero).subtracting(row.cells[spent].money ?? .zero)
            if let before { left = try left.subtracting(row.cells[before].money ?? .zero) }
            #expect(row.cells[remaining] == .money(left), "\(report.title): remaining in \(row.cells[0])")
        }
    }

    /// Each row's detail rows add up to it in `columns`.
    static func detailRowsAddUp(_ report: Report, columns: [String]) throws {
        var index = 0
        while index < report.rows.count {
            let parent = report.rows[index]
            var details: [ReportRow] = []
            index += 1
            while index < report.rows.count && report.rows[index].isDetail {
                details.append(report.rows[index])
                index += 1
            }
            guard !details.isEmpty else { continue }
            for key in columns {
                guard let column = report.columnIndex(key) else { throw Broken(description: "no column \(key)") }
                let sum = try Money.sum(details.map { $0.cells[column].money ?? .zero })
                #expect(parent.cells[column] == .money(sum), "\(report.title): lines of \(parent.cells[0]) in \(key)")
            }
        }
    }
}
