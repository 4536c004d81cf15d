import Foundation
import GrantLedgerCore
@testable import GrantLedgerXlsx

/// A per-test directory under the system temp directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("grantledger-workbook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func file(_ name: String) -> String { path + "/" + name }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The small committee-like workbook the tests read back: hostile text, money, a total formula,
/// dates, a chart, defined names and print settings.
enum SampleWorkbook {
    static let injected = "=HYPERLINK(\"http://x\")"
    static let otherLeaders = ["+44 115 967 0999", "-1234", "@SUM(A1:A2)"]
    static let lines: [(String, Money)] = [
        ("IOM Independent Domestic Abuse Advisor", Money(pence: 2_000_000)),
        ("Neighbourhood Working Problem Solving", Money(pence: 27_075_000)),
        ("Youth Crime Reduction (six months)", Money(pence: 10_900_000)),
    ]
    static var total: Money { Money(pence: lines.reduce(0) { $0 + $1.1.pence }) }
    static let asOf = Day(daysSinceEpoch: 20_417)  // 2025-11-25

    static var properties: WorkbookProperties {
        WorkbookProperties(
            title: "Community safety grants: committee pack", author: "grantledger",
            company: "Office of the Police and Crime Commissioner", created: asOf,
            custom: [.init("Tool version", "0.0.0-test"), .init("As of", asOf.description)])
    }

    static func write(to path: String, options: WorkbookOptions = WorkbookOptions()) throws {
        try WorkbookWriter.write(to: path, properties: properties, options: options) { book in
            let summary = try book.addWorksheet(named: "Summary")
            // Constant-memory mode: set the filter before the rows it covers are streamed out.
            try summary.setAutofilter(CellArea(first: CellRef(row: 0, column: 0),
                                                last: CellRef(row: 3, column: 3)))
            try summary.writeRow([.text("Budget line"), .text("Note"), .text("Award"), .text("Start")],
                                 row: 0, styles: Array(repeating: .header, count: 4))
            let starts = [Day(year: 2019, month: 4, day: 1), Day(year: 2019, month: 10, day: 1),
                          Day(year: 2020, month: 3, day: 31)].compactMap { $0 }
            let notes = [injected] + otherLeaders.prefix(2)
            for (index, line) in lines.enumerated() {
                try summary.writeRow([.text(line.0), .text(notes[index]), .money(line.1), .date(starts[index])],
                                     row: index + 1)
            }
            try summary.writeText(otherLeaders[2], at: CellRef(row: 4, column: 1))
            try summary.writeText("Total", at: CellRef(row: 4, column: 0), style: CellStyle.plain.bolded())
            try summary.writeFormula("=SUM(C2:C4)", cachedMoney: total, at: CellRef(row: 4, column: 2),
                                     style: CellStyle.money.bolded())
            try summary.writeFormula("=C5/3", cachedValue: Double(total.pence) / 300,
                                     at: CellRef(row: 5, column: 2), style: .money)
            try summary.writeFormula("=IF(C5>600000,\"Amber\",\"Green\")", cachedText: "Green",
                                     at: CellRef(row: 6, column: 2))
            try summary.setColumnWidth(40, columns: 0...1)
            try summary.setColumnWidth(14, columns: 2...3)
            try summary.freezePanes(rows: 1)
            try summary.apply(.committee(title: "Grants & lines 2019-20"))

            let chartData = try book.addWorksheet(named: "Spend data")
            try chartData.writeRow([.text("Area"), .text("Allocation")], row: 0, styles: [.header, .header])
            let areas = ["Ashfield", "Bassetlaw", "Mansfield"]
            for (index, area) in areas.enumerated() {
                try chartData.writeRow([.text(area), .money(Money(pence: Int64(index + 1) * 9_025_000))],
                                       row: index + 1)
            }
            let categories = chartData.area(CellArea(column: 0, rows: 1...3))
            let values = chartData.area(CellArea(column: 1, rows: 1...3))
            try chartData.insertChart(
                ChartModel(kind: .column, title: "=Allocation by area", series: [
                    ChartModel.Series(name: "Allocation", categories: categories, values: values),
                ], valueAxisTitle: "£", anchor: CellRef(row: 1, column: 3)))
            try chartData.apply(.committee())
            try book.defineName("Allocations", refersTo: values)
            try book.defineName("Pot", formula: "=Summary!$C$3", scope: "Spend data")
        }
    }
}
