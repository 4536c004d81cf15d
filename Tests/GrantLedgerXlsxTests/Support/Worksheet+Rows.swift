import GrantLedgerCore
import Testing
@testable import GrantLedgerXlsx

extension Worksheet {
    /// Writes `values` left to right from column A of `row`, each in its usual style (text plain,
    /// money in £, dates as dates) unless `styles` gives one per value: a table row in one call.
    func writeRow(_ values: [SheetValue], row: Int, styles: [CellStyle]? = nil) throws {
        if let styles { try #require(styles.count == values.count) }
        for (column, value) in values.enumerated() {
            let cell = CellRef(row: row, column: column)
            let style = styles?[column]
            switch value {
            case .text(let text): try writeText(text, at: cell, style: style)
            case .money(let money): try writeMoney(money, at: cell, style: style ?? .money)
            case .date(let day): try writeDate(day, at: cell, style: style ?? .date)
            case .count(let count): try writeInteger(count, at: cell, style: style ?? .integer)
            default: Issue.record("writeRow writes text, money, dates and counts, not \(value)")
            }
        }
    }
}
